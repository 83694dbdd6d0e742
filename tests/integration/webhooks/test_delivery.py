"""Deliveries to a real receiver: signed bodies for pushes and the contract's events,
retries, final failures, the SSRF guard at connect time, pings, redeliveries, switching a
failing hook off, and the delivery log that tells it all."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from dais.actors.webhooks.messages import SENDER, Wake
from dais.actors.webhooks.sender import prune_log
from dais.actors.webhooks.subscriber import MAX_DETAILED_REFS
from dais.storage import outbox

from .conftest import SECRET, Receiver, Setup, add_hook, deliveries, eventually, kick, settled

ZERO = "0" * 40


async def emit(services: Any, setup: Setup, kind: str, **objects: Any) -> int:
    """An event as issues and merge requests write it (the contract in the brief)."""
    payload = {
        "project": {"id": setup.project_id, "path": setup.path},
        "sender": {"id": setup.user_id, "username": setup.username},
        **objects,
    }
    async with services.pool.acquire() as conn, conn.transaction():
        event_id: int = await outbox.emit(
            conn, kind, payload, key=setup.project_id, actor=setup.username
        )
    kick(services)
    return event_id


async def test_api_branch_create_delivers_a_signed_push(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    hook = await add_hook(client, owner, receiver.url("/in?src=dais"), ["push"])
    r = await client.post(
        f"/api/projects/{owner.project_id}/repository/branches",
        json={"name": "feature", "ref": "main"},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text
    sha = r.json()["commit"]["sha"] if "commit" in r.json() else r.json()["sha"]
    kick(services)
    [got] = await receiver.wait_for(1)
    assert got.path == "/in?src=dais"
    assert got.dais_signature_ok and got.hub_signature_ok
    assert got.event == "push" and got.headers["x-dais-hook-id"] == hook["id"]
    assert got.headers["user-agent"].startswith("dais-webhooks/")
    assert got.headers["content-type"] == "application/json"
    assert got.headers["host"] == f"127.0.0.1:{receiver.port}"
    body = got.json()
    assert body["action"] == "created" and body["ref"] == "refs/heads/feature"
    assert body["before"] == ZERO and body["after"] == sha
    assert body["created"] is True and body["deleted"] is False and body["forced"] is False
    assert body["head_commit"]["id"] == sha and body["head_commit"]["message"]
    assert body["project"]["id"] == owner.project_id and body["project"]["path"] == owner.path
    assert body["sender"] == {"id": owner.user_id, "username": "alice"} == body["pusher"]

    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "delivered" and delivery["attempts"] == 1
    assert delivery["uuid"] == got.delivery and delivery["event"] == "push"
    assert delivery["response_status"] == 200 and delivery["duration_ms"] >= 0
    r = await client.get(
        owner.hooks(f"/{hook['id']}/deliveries/{delivery['id']}"), headers=owner.auth
    )
    detail = r.json()
    assert detail["request"]["body"].encode() == got.body
    sent = detail["request"]["headers"]
    assert sent["X-Dais-Delivery"] == got.delivery
    assert sent["X-Dais-Signature-256"] == got.headers["x-dais-signature-256"]
    assert detail["response"] == {
        "status": 200,
        "headers": detail["response"]["headers"],
        "body": "ok",
        "truncated": False,
    }
    assert [a["outcome"] for a in detail["attempts"]] == ["delivered"]
    assert detail["attempts"][0]["address"] == "127.0.0.1"

    # Deleting the branch is a push too; a hook for tag pushes only hears nothing of it.
    tags_only = await add_hook(client, owner, receiver.url("/tags"), ["tag_push"])
    r = await client.delete(
        f"/api/projects/{owner.project_id}/repository/branches/feature", headers=owner.auth
    )
    assert r.status_code == 204, r.text
    kick(services)
    _first, second = await receiver.wait_for(2)
    assert second.json()["action"] == "deleted" and second.json()["deleted"] is True
    assert second.json()["after"] == ZERO and second.path == "/in?src=dais"
    assert await deliveries(client, owner, tags_only["id"]) == []


async def test_contract_events_map_to_github_style_events(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    everything = await add_hook(
        client,
        owner,
        receiver.url("/all"),
        ["push", "tag_push", "issue", "issue_comment", "merge_request", "review"],
    )
    issues_only = await add_hook(client, owner, receiver.url("/issues"), ["issue"])
    issue = {"iid": 3, "title": "Broken", "state": "open", "labels": []}
    mr = {"iid": 4, "title": "Fix", "state": "open", "draft": False}
    comment = {"id": "9", "body": "LGTM", "author": "alice"}
    review = {
        "id": "2",
        "state": "approved",
        "body": "",
        "author": "alice",
        "commit_sha": "a" * 40,
    }
    await emit(services, owner, "issue.opened", issue=issue)
    await emit(services, owner, "issue.edited", issue=issue, changes={"title": {"from": "Brkn"}})
    await emit(services, owner, "issue_comment.created", issue=issue, comment=comment)
    await emit(services, owner, "merge_request_comment.created", merge_request=mr, comment=comment)
    await emit(services, owner, "merge_request.merged", merge_request=mr | {"closes_issues": [3]})
    await emit(services, owner, "review.submitted", merge_request=mr, review=review)
    await emit(services, owner, "project.updated", changes={})  # not a webhook event
    tag = "b" * 40
    await emit(
        services,
        owner,
        "git.push",
        pusher={"id": owner.user_id, "username": "alice"},
        refs=[{"ref": "refs/tags/v1.0", "old": ZERO, "new": tag}],
    )
    got = await receiver.wait_for(9)
    assert all(r.dais_signature_ok and r.hub_signature_ok for r in got)
    seen = sorted((r.path, r.event, r.json()["action"]) for r in got)
    assert seen == [
        ("/all", "issue", "edited"),
        ("/all", "issue", "opened"),
        ("/all", "issue_comment", "created"),
        ("/all", "issue_comment", "created"),
        ("/all", "merge_request", "merged"),
        ("/all", "review", "submitted"),
        ("/all", "tag_push", "created"),
        ("/issues", "issue", "edited"),
        ("/issues", "issue", "opened"),
    ]
    by = {(r.path, r.event, r.json()["action"], "issue" in r.json()): r.json() for r in got}
    opened = by[("/all", "issue", "opened", True)]
    assert opened == {
        "action": "opened",
        "issue": issue,
        "project": opened["project"],
        "sender": {"id": owner.user_id, "username": "alice"},
    }
    assert opened["project"]["path"] == owner.path
    assert by[("/all", "issue", "edited", True)]["changes"] == {"title": {"from": "Brkn"}}
    on_mr = by[("/all", "issue_comment", "created", False)]
    assert on_mr["merge_request"] == mr and on_mr["comment"] == comment
    on_issue = by[("/all", "issue_comment", "created", True)]
    assert on_issue["issue"] == issue and on_issue["comment"] == comment
    assert by[("/all", "merge_request", "merged", False)]["merge_request"]["closes_issues"] == [3]
    assert by[("/all", "review", "submitted", False)]["review"] == review
    pushed = by[("/all", "tag_push", "created", False)]
    assert pushed["ref"] == "refs/tags/v1.0" and pushed["after"] == tag
    assert pushed["commits"] == [] and pushed["head_commit"] is None  # no such object
    assert len(await deliveries(client, owner, issues_only["id"])) == 2
    assert len(await deliveries(client, owner, everything["id"])) == 7


async def test_an_event_handed_over_twice_is_delivered_once(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    await emit(services, owner, "issue.closed", issue={"iid": 1})
    await receiver.wait_for(1)
    await settled(client, owner, hook["id"])
    # As after a crash before the cursor was saved: the dispatcher hands it over again.
    await services.pool.execute(
        "UPDATE event_cursors SET last_xid = '0', last_id = 0 WHERE subscriber = 'webhooks'"
    )
    await emit(services, owner, "issue.reopened", issue={"iid": 1})
    await receiver.wait_for(2)
    await settled(client, owner, hook["id"], 2)
    assert [r.json()["action"] for r in receiver.requests] == ["closed", "reopened"]


async def test_500_twice_then_200_is_delivered_on_the_third_attempt(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    receiver.answer((500, {}, b"down"), (503, {"Retry-After": "0"}, b"still down"))
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    await emit(services, owner, "issue.opened", issue={"iid": 7})
    got = await receiver.wait_for(3)
    assert len({r.delivery for r in got}) == 1  # one delivery, retried
    assert len({r.body for r in got}) == 1
    assert all(r.dais_signature_ok and r.hub_signature_ok for r in got)
    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "delivered" and delivery["attempts"] == 3
    r = await client.get(
        owner.hooks(f"/{hook['id']}/deliveries/{delivery['id']}"), headers=owner.auth
    )
    attempts = r.json()["attempts"]
    assert [(a["number"], a["outcome"], a["response"]["status"]) for a in attempts] == [
        (1, "retry", 500),
        (2, "retry", 503),
        (3, "delivered", 200),
    ]
    assert attempts[0]["response"]["body"] == "down"
    assert (await client.get(owner.hooks(f"/{hook['id']}"), headers=owner.auth)).json()[
        "consecutive_failures"
    ] == 0


async def test_429_is_retried_and_a_long_answer_is_capped(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    receiver.answer((429, {"Retry-After": "0"}, b"slow down"), (200, {}, b"x" * 5000))
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    await emit(services, owner, "issue.opened", issue={"iid": 1})
    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "delivered" and delivery["attempts"] == 2
    r = await client.get(
        owner.hooks(f"/{hook['id']}/deliveries/{delivery['id']}"), headers=owner.auth
    )
    first, second = r.json()["attempts"]
    assert first["response"]["status"] == 429 and first["outcome"] == "retry"
    assert second["response"]["body"] == "x" * 1024 and second["response"]["truncated"] is True


async def test_a_final_4xx_and_a_redirect_fail_without_retrying(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    elsewhere = Receiver()
    try:
        receiver.answer((302, {"Location": elsewhere.url()}, b""))
        hook = await add_hook(client, owner, receiver.url(), ["issue"])
        await emit(services, owner, "issue.opened", issue={"iid": 1})
        [redirected] = await settled(client, owner, hook["id"])
        receiver.answer((410, {}, b"gone"))
        await emit(services, owner, "issue.closed", issue={"iid": 1})
        gone, _ = await settled(client, owner, hook["id"], 2)
    finally:
        elsewhere.close()
    assert elsewhere.requests == []
    assert redirected["outcome"] == "failed" and redirected["attempts"] == 1
    assert "302" in redirected["error"] and "redirects are not followed" in redirected["error"]
    assert gone["outcome"] == "failed" and gone["attempts"] == 1 and "410" in gone["error"]
    assert len(receiver.requests) == 2


async def test_connection_refused_is_retried_until_attempts_run_out(
    client: httpx.AsyncClient, owner: Setup, services: Any
) -> None:
    closed = Receiver()
    url = closed.url()
    closed.close()  # nothing listens there any more
    hook = await add_hook(client, owner, url, ["issue"])
    await emit(services, owner, "issue.opened", issue={"iid": 1})
    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "failed" and delivery["attempts"] == 4  # the test setting
    assert "gave up after 4 attempts" in delivery["error"]


@pytest.mark.parametrize("allowed_hosts", [""])
async def test_loopback_receiver_without_loopback_allowed_gets_nothing(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    # The hook was made while loopback was allowed (the allow list has changed since), or
    # its name resolved elsewhere then: either way the guard at connect time must hold.
    hook_id = await services.pool.fetchval(
        "INSERT INTO webhooks (project_id, url, secret, events) VALUES ($1, $2, 's', $3) "
        "RETURNING id",
        int(owner.project_id),
        f"http://localhost:{receiver.port}/hook",
        ["issue"],
    )
    await emit(services, owner, "issue.opened", issue={"iid": 1})
    r = await client.post(owner.hooks(f"/{hook_id}/ping"), headers=owner.auth)
    assert r.status_code == 202, r.text
    found = await settled(client, owner, str(hook_id), 2)
    assert {d["event"] for d in found} == {"issue", "ping"}
    for d in found:
        assert d["outcome"] == "blocked" and d["attempts"] == 1 and d["response_status"] is None
        assert "localhost resolves to" in d["error"]
        assert "a loopback address, which DAIS_WEBHOOK_ALLOWED_HOSTS does not allow" in d["error"]
    assert receiver.requests == []
    detail = (
        await client.get(owner.hooks(f"/{hook_id}/deliveries/{found[0]['id']}"), headers=owner.auth)
    ).json()
    assert detail["response"] is None and detail["attempts"][0]["address"] is None


async def test_ping_and_redeliver(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    hook = await add_hook(client, owner, receiver.url(), ["merge_request"], active=False)
    r = await client.post(owner.hooks(f"/{hook['id']}/ping"), headers=owner.auth)
    assert r.status_code == 202, r.text
    assert r.json()["event"] == "ping" and r.json()["source"] == "ping"
    [ping] = await receiver.wait_for(1)
    assert ping.event == "ping" and ping.delivery == r.json()["uuid"]
    assert ping.dais_signature_ok and ping.hub_signature_ok
    body = ping.json()
    assert body["hook_id"] == hook["id"] and body["hook"]["events"] == ["merge_request"]
    assert body["hook"]["url"] == receiver.url() and body["zen"]
    assert body["sender"] == {"id": owner.user_id, "username": "alice"}

    [original] = await settled(client, owner, hook["id"])
    r = await client.post(
        owner.hooks(f"/{hook['id']}/deliveries/{original['id']}/redeliver"), headers=owner.auth
    )
    assert r.status_code == 202, r.text
    again = r.json()
    assert again["redelivery_of"] == original["id"] and again["source"] == "redelivery"
    assert again["uuid"] != original["uuid"]
    _, second = await receiver.wait_for(2)
    assert second.body == ping.body and second.delivery == again["uuid"]
    assert second.dais_signature_ok and second.hub_signature_ok
    found = await settled(client, owner, hook["id"], 2)
    assert [d["outcome"] for d in found] == ["delivered", "delivered"]
    missing = await client.post(
        owner.hooks(f"/{hook['id']}/deliveries/987654/redeliver"), headers=owner.auth
    )
    assert missing.status_code == 404


async def test_a_hook_failing_n_deliveries_in_a_row_is_switched_off(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    receiver.answer(*[(400, {}, b"bad")] * 3)
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    url = owner.hooks(f"/{hook['id']}")
    for n in range(3):  # DAIS_WEBHOOK_DISABLE_AFTER is 3 in these tests
        await emit(services, owner, "issue.opened", issue={"iid": n})
        await settled(client, owner, hook["id"], n + 1)
    state = (await client.get(url, headers=owner.auth)).json()
    assert state["active"] is False and state["consecutive_failures"] == 3
    assert "after 3 deliveries in a row failed" in state["disabled_reason"]
    assert "400" in state["disabled_reason"] and state["disabled_at"]
    # Announced once, in the outbox, for the notifications feature to tell the admins.
    announced = await services.pool.fetch(
        "SELECT payload FROM events WHERE kind = 'webhook.disabled'"
    )
    assert [e["payload"]["hook"] for e in announced] == [{"id": hook["id"], "url": receiver.url()}]
    assert announced[0]["payload"]["reason"] == state["disabled_reason"]
    assert announced[0]["payload"]["project"]["path"] == owner.path
    # Switched off: new events make no deliveries.
    await emit(services, owner, "issue.closed", issue={"iid": 1})
    await emit(services, owner, "issue.reopened", issue={"iid": 2})
    await receiver_quiet(services)
    assert len(await deliveries(client, owner, hook["id"])) == 3
    assert len(receiver.requests) == 3
    # Switched on again: a clean slate, and deliveries flow.
    r = await client.patch(url, json={"active": True}, headers=owner.auth)
    assert r.json()["active"] is True and r.json()["disabled_reason"] is None
    assert r.json()["consecutive_failures"] == 0
    await emit(services, owner, "issue.closed", issue={"iid": 9})
    got = await receiver.wait_for(4)
    assert got[-1].json()["issue"] == {"iid": 9}


async def receiver_quiet(services: Any) -> None:
    """Wait until the webhooks subscriber has seen every event written so far."""
    last = await services.pool.fetchval("SELECT max(id) FROM events")

    async def caught_up() -> bool:
        kick(services)
        row = await services.pool.fetchrow(
            "SELECT last_id FROM event_cursors WHERE subscriber = 'webhooks'"
        )
        return row is not None and row["last_id"] >= last

    await eventually(caught_up)


async def test_an_unreadable_retry_after_is_ignored_not_fatal(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    # "²" passes str.isdigit but not float(): the sender crashed on it, losing the attempt's
    # record and every other attempt in flight.
    receiver.answer((503, {"Retry-After": "²"}, b"later"))
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    await emit(services, owner, "issue.opened", issue={"iid": 1})
    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "delivered" and delivery["attempts"] == 2
    r = await client.get(
        owner.hooks(f"/{hook['id']}/deliveries/{delivery['id']}"), headers=owner.auth
    )
    first, second = r.json()["attempts"]
    assert (first["outcome"], first["response"]["status"]) == ("retry", 503)
    assert first["response"]["headers"]["retry-after"] == "²"
    assert second["outcome"] == "delivered"


async def test_attempts_that_never_ended_are_not_made_for_ever(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    # As after the process died during each of the allowed attempts (4 in these tests):
    # the next claim fails the delivery instead of sending it again.
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    await services.pool.execute(
        "INSERT INTO webhook_deliveries (hook_id, source, event, body, attempts) "
        "VALUES ($1, 'ping', 'ping', '{}', 4)",
        int(hook["id"]),
    )
    services.system.ref(SENDER).tell(Wake())
    [delivery] = await settled(client, owner, hook["id"])
    assert delivery["outcome"] == "failed" and delivery["attempts"] == 5
    assert "gave up after 4 attempts" in delivery["error"]
    assert "interrupted" in delivery["error"]
    assert receiver.requests == []
    # The sender carries on.
    r = await client.post(owner.hooks(f"/{hook['id']}/ping"), headers=owner.auth)
    assert r.status_code == 202
    [ping] = await receiver.wait_for(1)
    assert ping.event == "ping"


async def test_a_push_of_many_refs_is_announced_without_reading_each(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    # Each ref's details cost up to three git processes: a mirror push of thousands of refs
    # outlasted the subscriber's timeout, and the event was retried for ever, holding up
    # every webhook. Past MAX_DETAILED_REFS refs, bodies go without details.
    hook = await add_hook(client, owner, receiver.url(), ["push"])
    r = await client.get(
        f"/api/projects/{owner.project_id}/repository/branches", headers=owner.auth
    )
    [main] = r.json()
    sha = main["commit"]["sha"]
    count = MAX_DETAILED_REFS + 5
    await emit(
        services,
        owner,
        "git.push",
        pusher={"id": owner.user_id, "username": "alice"},
        refs=[{"ref": f"refs/heads/b{n:02d}", "old": ZERO, "new": sha} for n in range(count)],
    )
    got = await receiver.wait_for(count)
    bodies = sorted((r.json() for r in got), key=lambda b: str(b["ref"]))
    assert [b["ref"] for b in bodies] == [f"refs/heads/b{n:02d}" for n in range(count)]
    detailed = [b for b in bodies if b["head_commit"] is not None]
    assert len(detailed) == MAX_DETAILED_REFS
    assert all(b["head_commit"]["id"] == sha and b["forced"] is False for b in detailed)
    bare = [b for b in bodies if b["head_commit"] is None]
    assert all(b["forced"] is None and b["commits"] == [] and b["after"] == sha for b in bare)
    assert len(await settled(client, owner, hook["id"], count)) == count


async def test_the_log_shows_where_each_attempt_went(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    hook = await add_hook(client, owner, receiver.url("/first"), ["issue"])
    r = await client.post(owner.hooks(f"/{hook['id']}/ping"), headers=owner.auth)
    assert r.status_code == 202
    [delivery] = await settled(client, owner, hook["id"])
    r = await client.patch(
        owner.hooks(f"/{hook['id']}"), json={"url": receiver.url("/second")}, headers=owner.auth
    )
    assert r.status_code == 200
    detail = (
        await client.get(
            owner.hooks(f"/{hook['id']}/deliveries/{delivery['id']}"), headers=owner.auth
        )
    ).json()
    assert detail["request"]["url"] == receiver.url("/first")
    assert [a["url"] for a in detail["attempts"]] == [receiver.url("/first")]
    # Nor is the secret anywhere in what the log shows; the signatures are.
    assert SECRET not in str(detail) and detail["request"]["headers"]["X-Dais-Signature-256"]


async def test_finished_deliveries_leave_the_log_after_the_retention(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    hook = await add_hook(client, owner, receiver.url(), ["issue"])
    week = 7 * 86400

    async def delivery(state: str, completed_days_ago: float | None) -> int:
        delivery_id: int = await services.pool.fetchval(
            """
            INSERT INTO webhook_deliveries (hook_id, source, event, body, state, completed_at,
                                            next_attempt_at)
            VALUES ($1, 'ping', 'ping', '{}', $2, now() - make_interval(days => $3),
                    now() + interval '1 day')
            RETURNING id
            """,
            int(hook["id"]),
            state,
            completed_days_ago,
        )
        await services.pool.execute(
            "INSERT INTO webhook_attempts (delivery_id, number, outcome, request_headers,"
            " duration_ms, started_at) VALUES ($1, 1, 'retry', '{}', 1, now())",
            delivery_id,
        )
        return delivery_id

    old = await delivery("delivered", 8)
    old_failure = await delivery("failed", 30)
    recent = await delivery("delivered", 1)
    pending = await delivery("pending", None)  # never finished: kept however old
    await services.pool.execute(
        "UPDATE webhook_deliveries SET created_at = now() - interval '60 days' WHERE id = $1",
        pending,
    )
    assert await prune_log(services.pool, older_than=week, batch=1) == 2
    left = {d["id"] for d in await deliveries(client, owner, hook["id"])}
    assert left == {str(recent), str(pending)} and str(old) not in left
    attempts = await services.pool.fetchval(
        "SELECT count(*) FROM webhook_attempts WHERE delivery_id = ANY($1::bigint[])",
        [old, old_failure],
    )
    assert attempts == 0
