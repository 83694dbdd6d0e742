"""Notifications end to end in one process: events from the outbox become in-app
notifications and email to a real SMTP server (aiosmtpd), once per event, grouped per
thread, retried, and failed visibly; people's settings and webhooks; input refused."""

from __future__ import annotations

from typing import Any

import anyio
import httpx
import pytest

from dais.actors.notify.dispatcher import subscribers
from dais.actors.notify.policy import NotifyPolicy
from dais.storage.outbox import Event
from tests.conftest import MakeUser
from tests.integration.webhooks.conftest import Receiver
from tests.support.smtp import SmtpServer

from .conftest import eventually, kick, notifications, project_with

ISSUES = "/api/projects/alice%2Fweb/issues"


async def _issue(client: httpx.AsyncClient, auth: dict[str, str], **body: Any) -> dict[str, Any]:
    r = await client.post(ISSUES, json={"title": "Fix the login", **body}, headers=auth)
    assert r.status_code == 201, r.text
    issue: dict[str, Any] = r.json()
    return issue


async def _comment(client: httpx.AsyncClient, auth: dict[str, str], iid: int, body: str) -> None:
    r = await client.post(f"{ISSUES}/{iid}/comments", json={"body": body}, headers=auth)
    assert r.status_code == 201, r.text


async def test_a_mention_notifies_in_the_app_and_by_email_once(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    await _issue(client, alice, body="@bob can you look? @alice @nobody-here")
    [note] = await notifications(client, people["bob"], 1, services)
    assert note["kind"] == "mentioned" and note["actor"] == "alice"
    assert note["title"].startswith("alice mentioned you in issue #1: Fix the login")
    assert note["url"] == "https://dais.example.com/alice/web/-/issues/1"
    assert note["read_at"] is None
    # No one hears of their own action.
    assert (await client.get("/api/user/notifications", headers=alice)).json() == []

    [mail] = await smtp.wait_for(1)
    message = mail.message
    assert mail.rcpt_tos == ("bob@example.com",)
    assert message["From"] == "dais <dais@example.com>"
    assert message["Subject"].startswith("alice mentioned you in issue #1")
    assert message["List-Unsubscribe"] == "<https://dais.example.com/settings/notifications>"
    assert message["References"] and message["In-Reply-To"] == message["References"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "@bob can you look?" in text and "https://dais.example.com/alice/web/-/issues/1" in html

    # The outbox delivers at least once: the same event again notifies no one.
    event = await services.pool.fetchrow(
        "SELECT * FROM events WHERE kind = 'issue.opened' ORDER BY id DESC LIMIT 1"
    )
    [dispatch] = subscribers(
        services.pool,
        services.system,
        services.broker,
        NotifyPolicy.from_settings(services.settings),
    )
    again = Event(
        id=event["id"],
        kind=event["kind"],
        key=event["key"],
        payload=event["payload"],
        actor=event["actor"],
        created_at=event["created_at"],
        xid=0,
    )
    await dispatch.handler(again)
    await dispatch.handler(again)
    await anyio.sleep(0.5)
    assert len(await notifications(client, people["bob"], 1, services)) == 1
    assert len(smtp.messages) == 1
    count = await client.get("/api/user/notifications/unread-count", headers=people["bob"])
    assert count.json() == {"count": 1}


async def test_assignment_and_comments_reach_the_right_people(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    alice, people = await project_with(client, make_user, "bob", "carol")
    issue = await _issue(client, alice)
    r = await client.patch(f"{ISSUES}/{issue['iid']}", json={"assignees": ["bob"]}, headers=alice)
    assert r.status_code == 200, r.text
    [assigned] = await notifications(client, people["bob"], 1, services)
    assert assigned["kind"] == "assigned"
    # carol comments: the author (alice) and the assignee (bob) hear of it; carol does not.
    await _comment(client, people["carol"], issue["iid"], "I can reproduce it")
    bob = await notifications(client, people["bob"], 2, services)
    assert [n["kind"] for n in bob] == ["commented", "assigned"]
    [for_alice] = await notifications(client, alice, 1, services)
    assert for_alice["kind"] == "commented" and for_alice["actor"] == "carol"
    assert (await client.get("/api/user/notifications", headers=people["carol"])).json() == []
    # Assigned and mentioned at once: one notification, the stronger kind.
    other = await _issue(client, alice, body="@carol please", assignees=["carol"])
    carol = await notifications(client, people["carol"], 1, services)
    assert [(n["kind"], n["url"].rsplit("/", 1)[-1]) for n in carol] == [
        ("assigned", str(other["iid"]))
    ]


async def test_a_private_project_notifies_its_members_only(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    _eve, eve = await make_user("eve")  # not a member
    await _issue(client, alice, body="@eve @bob have a look")
    await notifications(client, people["bob"], 1, services)
    kick(services)
    await anyio.sleep(0.3)
    assert (await client.get("/api/user/notifications", headers=eve)).json() == []


async def test_a_mention_storm_is_bounded(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    alice, people = await project_with(client, make_user, "bob", visibility="public")
    storm = " ".join(f"@user{i}" for i in range(1000)) + " @bob"
    issue = await _issue(client, alice)
    await _comment(client, alice, issue["iid"], storm)
    # The 1,000 names are cut at 50 before any is looked up; bob, the 1,001st, is past it.
    await _comment(client, alice, issue["iid"], "and @bob too")
    [note] = await notifications(client, people["bob"], 1, services)
    assert note["kind"] == "mentioned"
    assert await services.pool.fetchval("SELECT count(*) FROM notifications") == 1


async def test_mark_read_and_unread(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    bob = people["bob"]
    for i in range(3):
        await _issue(client, alice, body=f"@bob number {i}")
    found = await notifications(client, bob, 3, services)
    r = await client.post(
        "/api/user/notifications/read", json={"ids": [found[0]["id"]]}, headers=bob
    )
    assert r.json() == {"changed": 1}
    unread = await client.get("/api/user/notifications?unread=true", headers=bob)
    assert [n["id"] for n in unread.json()] == [found[1]["id"], found[2]["id"]]
    assert unread.headers["x-total-count"] == "2"
    assert (await client.post("/api/user/notifications/read", json={}, headers=bob)).json() == {
        "changed": 2
    }
    assert (await client.get("/api/user/notifications/unread-count", headers=bob)).json() == {
        "count": 0
    }
    # Someone else's ids change nothing.
    r = await client.post(
        "/api/user/notifications/read", json={"ids": [found[0]["id"]], "read": False}, headers=alice
    )
    assert r.json() == {"changed": 0}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"ids": ["x1"]}, "must be a number (an id)"),
        ({"ids": ["٣"]}, "must be a number (an id)"),
        ({"ids": ["9" * 30]}, "must be a number (an id)"),
        ({"ids": [""]}, "must be a number (an id)"),
        ({"ids": "all"}, "ids"),
        ({"unknown": 1}, "unknown"),
    ],
)
async def test_mark_read_refuses_bad_ids(
    client: httpx.AsyncClient, make_user: MakeUser, body: dict[str, Any], words: str
) -> None:
    _bob, bob = await make_user("bob")
    r = await client.post("/api/user/notifications/read", json=body, headers=bob)
    assert r.status_code == 422, r.text
    assert words in r.text


async def test_settings_choose_channels_per_kind(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    bob = people["bob"]
    got = (await client.get("/api/user/notification-settings", headers=bob)).json()
    mentioned = next(k for k in got["kinds"] if k["kind"] == "mentioned")
    assert mentioned == {"kind": "mentioned", "in_app": True, "email": True, "webhook": True}
    assert got["email"] == "bob@example.com" and got["email_available"] is True
    assert got["webhook_url"] is None

    r = await client.put(
        "/api/user/notification-settings",
        json={"kinds": [{"kind": "mentioned", "in_app": True, "email": False, "webhook": False}]},
        headers=bob,
    )
    assert r.status_code == 200, r.text
    assert next(k for k in r.json()["kinds"] if k["kind"] == "mentioned")["email"] is False
    await _issue(client, alice, body="@bob no email for this one")
    await notifications(client, bob, 1, services)
    await anyio.sleep(0.5)
    assert smtp.messages == []
    assert await services.pool.fetchval("SELECT count(*) FROM notification_deliveries") == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"kinds": [{"kind": "everything", "in_app": True, "email": True, "webhook": True}]},
            "kind",
        ),
        (
            {
                "kinds": [
                    {"kind": "merged", "in_app": True, "email": True, "webhook": True},
                    {"kind": "merged", "in_app": False, "email": True, "webhook": True},
                ]
            },
            "each kind at most once",
        ),
        ({"kinds": [{"kind": "merged"}]}, "in_app"),
        ({"webhook_url": "ftp://127.0.0.1/x"}, "webhook_url"),
        ({"webhook_url": "http://169.254.169.254/latest"}, "webhook_url"),
        ({"webhook_url": "x" * 3000}, "webhook_url"),
        ({"webhook_secret": "a secret with no url"}, "set a webhook_url first"),
    ],
)
async def test_settings_refuse_bad_input_and_change_nothing(
    client: httpx.AsyncClient,
    make_user: MakeUser,
    services: Any,
    body: dict[str, Any],
    field: str,
) -> None:
    _bob, bob = await make_user("bob")
    r = await client.put("/api/user/notification-settings", json=body, headers=bob)
    assert r.status_code == 422, r.text
    assert field in r.text
    assert await services.pool.fetchval("SELECT count(*) FROM notification_settings") == 0
    assert await services.pool.fetchval("SELECT count(*) FROM notification_webhooks") == 0


async def test_a_webhook_channel_receives_signed_json(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    receiver = Receiver(secret="bobs-own-secret")
    try:
        alice, people = await project_with(client, make_user, "bob")
        bob = people["bob"]
        r = await client.put(
            "/api/user/notification-settings",
            json={"webhook_url": receiver.url("/bob"), "webhook_secret": "bobs-own-secret"},
            headers=bob,
        )
        assert r.status_code == 200, r.text
        assert r.json()["webhook_has_secret"] is True and "bobs-own-secret" not in r.text
        sealed = await services.pool.fetchrow("SELECT * FROM notification_webhooks")
        assert b"bobs-own-secret" not in sealed["secret_ciphertext"]
        await _issue(client, alice, body="@bob over the webhook")
        kick(services)
        [got] = await receiver.wait_for(1)
        assert got.path == "/bob" and got.event == "notification"
        assert got.dais_signature_ok and got.hub_signature_ok
        [item] = got.json()["notifications"]
        assert item["kind"] == "mentioned" and got.json()["user"]["username"] == "bob"
    finally:
        receiver.close()


@pytest.mark.parametrize("notify_env", [{"DAIS_NOTIFY_EMAIL_WINDOW": "1.5"}])
async def test_a_burst_in_one_thread_is_one_email(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    issue = await _issue(client, alice, assignees=["bob"])
    kick(services)
    [first] = await smtp.wait_for(1)
    for text in ("one", "two", "three"):
        await _comment(client, alice, issue["iid"], f"@bob comment {text}")
    kick(services)
    await notifications(client, people["bob"], 4, services)
    mails = await smtp.wait_for(2, patience=10)
    await anyio.sleep(0.5)
    assert len(smtp.messages) == 2
    grouped = mails[1].message
    assert "(+2 more)" in grouped["Subject"]
    assert grouped["References"] == first.message["References"]  # the same thread
    text = grouped.get_body(("plain",)).get_content()
    assert all(f"comment {t}" in text for t in ("one", "two", "three"))


@pytest.mark.parametrize("smtp_mode", [{"reply_to_data": "554 5.7.1 rejected as spam"}])
async def test_a_permanent_refusal_fails_visibly_and_can_be_retried(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    _root, root = await make_user("root", admin=True)
    alice, people = await project_with(client, make_user, "bob")
    await _issue(client, alice, body="@bob")

    async def failed() -> list[dict[str, Any]] | None:
        kick(services)
        r = await client.get("/api/admin/notifications/failed", headers=root)
        assert r.status_code == 200, r.text
        return r.json() or None

    [delivery] = await eventually(failed)
    assert delivery["username"] == "bob" and delivery["channel"] == "email"
    assert delivery["attempts"] == 1 and "554" in delivery["last_error"]
    # The in-app notification is there regardless.
    assert len(await notifications(client, people["bob"], 1, services)) == 1
    assert (await client.get("/api/admin/notifications/failed", headers=alice)).status_code == 403
    r = await client.post(
        f"/api/admin/notifications/deliveries/{delivery['id']}/retry", headers=root
    )
    assert r.status_code == 202
    state = await services.pool.fetchval(
        "SELECT attempts FROM notification_deliveries WHERE id = $1", int(delivery["id"])
    )
    assert state in {0, 1}  # pending again (and perhaps already re-attempted)
    again = await client.post(f"/api/admin/notifications/deliveries/{9999}/retry", headers=root)
    assert again.status_code == 404


@pytest.mark.parametrize("smtp_mode", [{"reply_to_data": "451 4.3.0 try again later"}])
async def test_a_transient_refusal_is_retried_until_the_last_attempt(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, _people = await project_with(client, make_user, "bob")
    await _issue(client, alice, body="@bob")

    async def gave_up() -> Any:
        kick(services)
        return await services.pool.fetchrow(
            "SELECT attempts, last_error FROM notification_deliveries WHERE state = 'failed'"
        )

    row = await eventually(gave_up)
    assert row["attempts"] == 3 and "451" in row["last_error"]


@pytest.mark.parametrize("smtp_mode", [{"hang": True}])
async def test_a_hanging_smtp_server_blocks_nothing_else(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, people = await project_with(client, make_user, "bob", "carol")
    await _issue(client, alice, body="@bob")
    await notifications(client, people["bob"], 1, services)
    # While bob's email hangs, carol's notification arrives as fast as ever.
    await _issue(client, alice, body="@carol")
    with anyio.fail_after(5):
        await notifications(client, people["carol"], 1, services)

    async def timed_out() -> Any:
        kick(services)
        return await services.pool.fetchval(
            "SELECT last_error FROM notification_deliveries WHERE last_error IS NOT NULL LIMIT 1"
        )

    assert "did not take the message within 2s" in await eventually(timed_out)


async def test_email_only_stays_out_of_the_app(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, smtp: SmtpServer
) -> None:
    alice, people = await project_with(client, make_user, "bob")
    bob = people["bob"]
    r = await client.put(
        "/api/user/notification-settings",
        json={"kinds": [{"kind": "mentioned", "in_app": False, "email": True, "webhook": False}]},
        headers=bob,
    )
    assert r.status_code == 200, r.text
    await _issue(client, alice, body="@bob by email only")
    kick(services)
    [mail] = await smtp.wait_for(1)
    assert "by email only" in mail.message.get_body(("plain",)).get_content()
    assert (await client.get("/api/user/notifications", headers=bob)).json() == []
    count = await client.get("/api/user/notifications/unread-count", headers=bob)
    assert count.json() == {"count": 0}
