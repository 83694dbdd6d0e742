"""A user's own account through the HTTP API: profile, password, looking other users up, and
the names that come with project members and delegations."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from dais.actors.identity import messages as m

from .conftest import PASSWORD, SYSTEM, Identity, problem

NEW_PASSWORD = "a brand new passphrase"


async def _audit(identity: Identity, action: str) -> list[dict[str, Any]]:
    rows = await identity.pool.fetch(
        "SELECT * FROM audit_log WHERE action = $1 ORDER BY id", action
    )
    return [dict(r) for r in rows]


async def _person(
    identity: Identity,
    username: str,
    display_name: str,
    *,
    kind: m.UserKind = m.UserKind.HUMAN,
    email: str | None = None,
) -> m.UserRecord:
    user: m.UserRecord = await identity.ask(
        m.CreateUser(
            kind=kind,
            username=username,
            email=email,
            display_name=display_name,
            password=PASSWORD if kind is m.UserKind.HUMAN else None,
            is_admin=False,
            audit=SYSTEM,
        )
    )
    return user


# --- profile -------------------------------------------------------------------------------


async def test_a_user_changes_their_display_name_and_email(identity: Identity) -> None:
    ada = await identity.user("ada", email="ada@example.com")
    client = await identity.login("ada")
    r = await client.patch(
        "/api/user", json={"display_name": "Ada Lovelace", "email": "Countess@Example.org"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["display_name"] == "Ada Lovelace"
    assert r.json()["email"] == "Countess@Example.org"
    me = (await client.get("/api/user")).json()
    assert (me["display_name"], me["email"], me["username"]) == (
        "Ada Lovelace",
        "Countess@Example.org",
        "ada",
    )
    [row] = await _audit(identity, "user.update")
    assert row["actor_id"] == ada.id and row["target_id"] == str(ada.id)
    assert row["details"] == {"display_name": "Ada Lovelace", "email": "Countess@Example.org"}
    # The new email signs in; the old one no longer names anyone.
    other = await identity.client(address="127.0.0.2")
    r = await other.post(
        "/api/auth/login", json={"login": "countess@example.org", "password": PASSWORD}
    )
    assert r.status_code == 200
    r = await other.post("/api/auth/login", json={"login": "ada@example.com", "password": PASSWORD})
    problem(r, 401)


async def test_only_the_fields_sent_change_and_null_clears_the_email(identity: Identity) -> None:
    await identity.user("ada", email="ada@example.com")
    client = await identity.login("ada")
    r = await client.patch("/api/user", json={"email": None})
    assert r.status_code == 200 and r.json()["email"] is None
    assert r.json()["display_name"] == "Ada"
    # Nothing to change: nothing written, not even an audit row.
    before = len(await _audit(identity, "user.update"))
    r = await client.patch("/api/user", json={})
    assert r.status_code == 200 and r.json()["username"] == "ada"
    assert len(await _audit(identity, "user.update")) == before


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"email": "no-at-sign"}, 422, "email"),
        ({"email": "a@b@example.com"}, 422, "email"),
        ({"email": "ada@localhost"}, 422, "email"),
        ({"email": "a" * 250 + "@example.com"}, 422, "email"),
        ({"email": ""}, 422, "email"),
        ({"display_name": "Ada\nLovelace"}, 422, "display_name"),
        ({"display_name": "Ada\x00"}, 422, "display_name"),
        ({"display_name": "x" * 201}, 422, "display_name"),
        ({"display_name": 7}, 422, "display_name"),
        ({"is_admin": True}, 422, "is_admin"),
        ({"username": "root"}, 422, "username"),
        ({"active": False}, 422, "active"),
        ({"password": "sneaky password"}, 422, "password"),
    ],
)
async def test_bad_profile_changes_are_refused_and_change_nothing(
    identity: Identity, body: dict[str, Any], status: int, field: str
) -> None:
    await identity.user("ada", email="ada@example.com")
    client = await identity.login("ada")
    before = (await client.get("/api/user")).json()
    answer = problem(await client.patch("/api/user", json=body), status)
    assert answer["errors"][0]["field"] == field, answer
    after = (await client.get("/api/user")).json()
    assert after == before
    assert await _audit(identity, "user.update") == []


async def test_an_email_someone_else_has_is_a_conflict(identity: Identity) -> None:
    await identity.user("ada", email="ada@example.com")
    await identity.user("bob", email="bob@example.com")
    client = await identity.login("bob")
    body = problem(await client.patch("/api/user", json={"email": "ADA@example.com"}), 409)
    assert "email" in body["detail"]
    assert (await client.get("/api/user")).json()["email"] == "bob@example.com"


async def test_an_administrator_edits_their_own_profile(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    r = await admin.patch("/api/user", json={"display_name": "The Admin"})
    assert r.status_code == 200, r.text
    assert r.json()["display_name"] == "The Admin" and r.json()["is_admin"] is True


async def test_a_full_token_changes_the_profile_and_sees_it_at_once(identity: Identity) -> None:
    ada = await identity.user("ada")
    client = await identity.bearer(await identity.token(ada.id))
    assert (await client.get("/api/user")).json()["display_name"] == "Ada"  # now cached
    r = await client.patch("/api/user", json={"display_name": "Ada L."})
    assert r.status_code == 200, r.text
    assert (await client.get("/api/user")).json()["display_name"] == "Ada L."


async def test_a_scoped_token_or_nobody_cannot_change_a_profile(identity: Identity) -> None:
    ada = await identity.user("ada")
    scoped = await identity.bearer(await identity.token(ada.id, ["project:read"]))
    body = problem(await scoped.patch("/api/user", json={"display_name": "Mallory"}), 403)
    assert "* scope" in body["detail"]
    anonymous = await identity.client()
    problem(await anonymous.patch("/api/user", json={"display_name": "Mallory"}), 401)
    assert (await scoped.get("/api/user")).json()["display_name"] == "Ada"


async def test_a_profile_change_from_another_site_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    r = await client.patch(
        "/api/user", json={"display_name": "Mallory"}, headers={"Origin": "https://evil.test"}
    )
    problem(r, 403)
    assert (await client.get("/api/user")).json()["display_name"] == "Ada"


# --- password ------------------------------------------------------------------------------


async def _change(
    client: httpx.AsyncClient, current: str = PASSWORD, new: str = NEW_PASSWORD
) -> httpx.Response:
    return await client.post(
        "/api/user/password", json={"current_password": current, "new_password": new}
    )


async def test_changing_the_password_ends_other_sessions_and_keeps_this_one(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    laptop = await identity.login("ada")
    phone = await identity.login("ada", address="127.0.0.3")
    script = await identity.bearer(await identity.token(ada.id))
    r = await _change(laptop)
    assert r.status_code == 200, r.text
    assert r.json() == {"sessions_ended": 1}
    assert (await laptop.get("/api/user")).status_code == 200
    problem(await phone.get("/api/user"), 401)
    # Tokens are not sessions: they stay until revoked.
    assert (await script.get("/api/user")).status_code == 200
    sessions = (await laptop.get("/api/user/sessions")).json()
    assert len(sessions) == 1 and sessions[0]["current"] is True
    # The old password is gone, the new one signs in.
    other = await identity.client(address="127.0.0.4")
    r = await other.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    problem(r, 401)
    r = await other.post("/api/auth/login", json={"login": "ada", "password": NEW_PASSWORD})
    assert r.status_code == 200
    [row] = await _audit(identity, "user.password_change")
    assert row["actor_id"] == ada.id and row["target_id"] == str(ada.id)
    assert row["details"] == {"sessions_ended": 1}
    assert NEW_PASSWORD not in str(row) and PASSWORD not in str(row)


async def test_a_full_token_changes_the_password_and_every_session_ends(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    script = await identity.bearer(await identity.token(ada.id))
    r = await _change(script)
    assert r.status_code == 200 and r.json() == {"sessions_ended": 1}
    problem(await browser.get("/api/user"), 401)


async def test_a_wrong_current_password_is_refused_and_changes_nothing(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    laptop = await identity.login("ada")
    phone = await identity.login("ada", address="127.0.0.3")
    body = problem(await _change(laptop, current="not my password"), 403)
    assert body["errors"] == [{"field": "current_password", "rule": "is not your current password"}]
    assert (await phone.get("/api/user")).status_code == 200
    await identity.login("ada", address="127.0.0.4")  # the old password still works
    [row] = await _audit(identity, "user.password_change_failed")
    assert row["actor_id"] == ada.id
    assert await _audit(identity, "user.password_change") == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"current_password": PASSWORD, "new_password": "short"}, 422, "new_password"),
        ({"current_password": PASSWORD, "new_password": "x" * 1025}, 422, "new_password"),
        ({"current_password": PASSWORD, "new_password": PASSWORD}, 422, "new_password"),
        ({"current_password": PASSWORD, "new_password": 12345678901}, 422, "new_password"),
        ({"current_password": PASSWORD}, 422, "new_password"),
        ({"new_password": NEW_PASSWORD}, 422, "current_password"),
        ({"current_password": "", "new_password": NEW_PASSWORD}, 422, "current_password"),
        ({"current_password": "x" * 1025, "new_password": NEW_PASSWORD}, 422, "current_password"),
        (
            {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "user_id": "1"},
            422,
            "user_id",
        ),
    ],
)
async def test_bad_password_changes_are_refused(
    identity: Identity, body: dict[str, Any], status: int, field: str
) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    answer = problem(await client.post("/api/user/password", json=body), status)
    assert answer["errors"][0]["field"] == field, answer
    other = await identity.client(address="127.0.0.9")
    r = await other.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    assert r.status_code == 200  # unchanged
    assert await _audit(identity, "user.password_change") == []


async def test_wrong_current_passwords_count_toward_the_sign_in_throttle(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    # A stolen session must not become an unthrottled way to guess the password.
    thief = await identity.login("ada", address="198.51.100.1")
    for _ in range(5):
        problem(await _change(thief, current="guess guess guess"), 403)
    # The right password is refused now, here and at the sign-in page elsewhere.
    r = await _change(thief)
    body = problem(r, 429)
    assert 0 < int(r.headers["retry-after"]) <= 15 * 60
    assert "try again later" in body["detail"]
    owner = await identity.client(address="198.51.100.2")
    r = await owner.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    problem(r, 429)
    assert await identity.services.broker.get(f"login:user:{ada.id}") is not None


async def test_failed_sign_ins_throttle_a_password_change_too(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada", address="198.51.100.1")
    for i in range(5):
        r = await (await identity.client(address=f"198.51.100.{10 + i}")).post(
            "/api/auth/login", json={"login": "ada", "password": "wrong guess!"}
        )
        problem(r, 401)
    problem(await _change(client), 429)


async def test_a_right_current_password_resets_the_account_counter(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada", address="198.51.100.1")
    for _ in range(4):
        problem(await _change(client, current="guess guess guess"), 403)
    assert (await _change(client)).status_code == 200
    other = await identity.client(address="198.51.100.2")
    for _ in range(4):
        r = await other.post("/api/auth/login", json={"login": "ada", "password": "wrong!!"})
        problem(r, 401)
    r = await other.post("/api/auth/login", json={"login": "ada", "password": NEW_PASSWORD})
    assert r.status_code == 200


async def test_agents_and_services_have_no_password_to_change(identity: Identity) -> None:
    for kind in (m.UserKind.AGENT, m.UserKind.SERVICE):
        bot = await _person(identity, f"bot-{kind.value}", "Bot", kind=kind)
        client = await identity.bearer(await identity.token(bot.id))
        body = problem(await _change(client), 403)
        assert "token" in body["detail"]


async def test_a_scoped_token_or_nobody_cannot_change_a_password(identity: Identity) -> None:
    ada = await identity.user("ada")
    scoped = await identity.bearer(await identity.token(ada.id, ["project:write"]))
    problem(await _change(scoped), 403)
    problem(await _change(await identity.client()), 401)
    other = await identity.client(address="127.0.0.9")
    r = await other.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    assert r.status_code == 200


async def test_a_password_change_from_another_site_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    r = await client.post(
        "/api/user/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers={"Origin": "https://evil.test"},
    )
    problem(r, 403)
    assert await _audit(identity, "user.password_change") == []


# --- looking users up ----------------------------------------------------------------------


async def _people(identity: Identity) -> dict[str, m.UserRecord]:
    people = {
        "ada": await _person(identity, "ada", "Ada Lovelace", email="ada@example.com"),
        "adam": await _person(identity, "adam", "Adam Smith", email="adam@example.com"),
        "bob": await _person(identity, "bob", "Bob Adamson"),
        "zed": await _person(identity, "zed", "Adalbert Z."),
        "carol": await _person(identity, "carol", "Carol"),
        "ada-bot": await _person(identity, "ada-bot", "Ada's agent", kind=m.UserKind.AGENT),
        "adele": await _person(identity, "adele", "Adele"),
    }
    await identity.ask(m.UpdateUser(people["adele"].id, {"active": False}, SYSTEM))
    return people


async def test_any_signed_in_user_finds_active_users_by_prefix(identity: Identity) -> None:
    people = await _people(identity)
    client = await identity.login("carol")
    r = await client.get("/api/users", params={"q": "ada"})
    assert r.status_code == 200, r.text
    found = r.json()
    # The exact username first, then usernames, then display names (or a word of one).
    assert [u["username"] for u in found] == ["ada", "ada-bot", "adam", "bob", "zed"]
    assert found[0] == {
        "id": str(people["ada"].id),
        "username": "ada",
        "display_name": "Ada Lovelace",
        "kind": "human",
    }
    assert found[1]["kind"] == "agent"
    assert all(set(u) == {"id", "username", "display_name", "kind"} for u in found)
    assert "example.com" not in r.text  # never an email
    # Any case; a word inside a display name.
    assert [u["username"] for u in (await client.get("/api/users?q=LOVE")).json()] == ["ada"]
    assert [u["username"] for u in (await client.get("/api/users?q=smi")).json()] == ["adam"]
    # Emails are not searched: no one is found by theirs.
    assert (await client.get("/api/users", params={"q": "ada@example"})).json() == []


async def test_the_lookup_is_limited_and_takes_wildcards_literally(identity: Identity) -> None:
    await _people(identity)
    client = await identity.login("carol")
    everyone = (await client.get("/api/users")).json()
    assert [u["username"] for u in everyone] == ["ada", "ada-bot", "adam", "bob", "carol", "zed"]
    two = await client.get("/api/users", params={"per_page": 2})
    assert [u["username"] for u in two.json()] == ["ada", "ada-bot"]
    assert two.headers["x-total-count"] == "6"
    rest = (await client.get("/api/users", params={"per_page": 2, "page": 3})).json()
    assert [u["username"] for u in rest] == ["carol", "zed"]
    assert (await client.get("/api/users", params={"q": "%"})).json() == []
    assert (await client.get("/api/users", params={"q": "a_a"})).json() == []
    assert (await client.get("/api/users", params={"q": "  ada  "})).json()[0]["username"] == "ada"


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"per_page": 0}, 400, "per_page"),
        ({"per_page": 101}, 400, "per_page"),
        ({"page": "many"}, 400, "page"),
        ({"q": "a" * 101}, 400, "q"),
        ({"q": "ada\x01"}, 422, "q"),
    ],
)
async def test_bad_lookups_are_refused(
    identity: Identity, params: dict[str, Any], status: int, field: str
) -> None:
    await identity.user("carol")
    client = await identity.login("carol")
    body = problem(await client.get("/api/users", params=params), status)
    assert body["errors"][0]["field"] == field, body


async def test_the_lookup_needs_a_caller_but_no_particular_scope(identity: Identity) -> None:
    carol = await identity.user("carol")
    problem(await (await identity.client()).get("/api/users", params={"q": "c"}), 401)
    scoped = await identity.bearer(await identity.token(carol.id, ["issue:write"]))
    r = await scoped.get("/api/users", params={"q": "c"})
    assert r.status_code == 200 and [u["username"] for u in r.json()] == ["carol"]


# --- names with members and delegations ----------------------------------------------------


async def test_project_members_carry_username_and_display_name(identity: Identity) -> None:
    alice = await _person(identity, "alice", "Alice Liddell")
    bob = await _person(identity, "bob", "Bob Dylan")
    client = await identity.login("alice")
    r = await client.post("/api/projects", json={"name": "web", "visibility": "private"})
    assert r.status_code == 201, r.text
    added = await client.post(
        "/api/projects/alice%2Fweb/members", json={"user_id": str(bob.id), "role": "developer"}
    )
    assert added.status_code == 201, added.text
    assert added.json()["username"] == "bob" and added.json()["display_name"] == "Bob Dylan"
    members = (await client.get("/api/projects/alice%2Fweb/members")).json()
    assert [(x["user_id"], x["username"], x["display_name"], x["role"]) for x in members] == [
        (str(alice.id), "alice", "Alice Liddell", "maintainer"),
        (str(bob.id), "bob", "Bob Dylan", "developer"),
    ]


async def test_delegations_carry_both_usernames(identity: Identity) -> None:
    alice = await identity.user("alice", roles=["developer"])
    bot = await _person(identity, "alice-bot", "Alice's agent", kind=m.UserKind.AGENT)
    client = await identity.login("alice")
    r = await client.post(
        "/api/delegations", json={"delegate_id": str(bot.id), "permissions": ["project:read"]}
    )
    assert r.status_code == 201, r.text
    assert r.json()["delegator_username"] == "alice"
    assert r.json()["delegate_username"] == "alice-bot"
    [listed] = (await client.get("/api/delegations")).json()
    assert (listed["delegator_id"], listed["delegator_username"]) == (str(alice.id), "alice")
    assert (listed["delegate_id"], listed["delegate_username"]) == (str(bot.id), "alice-bot")
