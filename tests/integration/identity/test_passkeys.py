"""Passkeys through the HTTP API, driven by a software authenticator with real signatures."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from dais.actors.identity import messages as m
from tests.support.authenticator import SoftwareAuthenticator, b64url

from .conftest import ORIGIN, Identity, problem

SYSTEM = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)


async def register(
    client: httpx.AsyncClient, authenticator: SoftwareAuthenticator, name: str = "laptop"
) -> dict[str, Any]:
    r = await client.post("/api/auth/passkeys/register/options")
    assert r.status_code == 200, r.text
    ceremony = r.json()
    attestation = authenticator.create(ceremony["options"], ORIGIN)
    r = await client.post(
        "/api/auth/passkeys/register/verify",
        json={"ceremony_id": ceremony["ceremony_id"], "name": name, "credential": attestation},
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


async def sign_in_options(client: httpx.AsyncClient) -> dict[str, Any]:
    r = await client.post("/api/auth/passkeys/login/options")
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def verify(
    client: httpx.AsyncClient, ceremony_id: str, assertion: dict[str, Any]
) -> httpx.Response:
    return await client.post(
        "/api/auth/passkeys/login/verify",
        json={"ceremony_id": ceremony_id, "credential": assertion},
    )


async def test_register_a_passkey_then_sign_in_with_it_and_no_username(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    authenticator = SoftwareAuthenticator()
    passkey = await register(browser, authenticator)
    assert passkey["name"] == "laptop" and passkey["last_used_at"] is None
    assert passkey["transports"] == ["hybrid", "internal"]
    assert (await browser.get("/api/user/passkeys")).json() == [passkey]
    # The authenticator was asked for a discoverable credential for this site and user.
    [credential] = authenticator.credentials
    assert credential.rp_id == "dais.test"
    assert credential.user_handle == ada.id.to_bytes(8, "big")

    anonymous = await identity.client(headers={"Origin": ORIGIN, "User-Agent": "pk-test/1"})
    ceremony = await sign_in_options(anonymous)
    assert ceremony["options"]["rpId"] == "dais.test"
    assert ceremony["options"].get("allowCredentials", []) == []
    assertion = authenticator.get(ceremony["options"], ORIGIN)
    r = await verify(anonymous, ceremony["ceremony_id"], assertion)
    assert r.status_code == 200, r.text
    assert r.json()["username"] == "ada"
    cookie = r.headers["set-cookie"].lower()
    assert "dais_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert (await anonymous.get("/api/user")).json()["username"] == "ada"
    row = await identity.pool.fetchrow("SELECT sign_count, last_used_at FROM passkeys")
    assert row["sign_count"] == 1 and row["last_used_at"] is not None
    rows = await identity.pool.fetch("SELECT * FROM audit_log ORDER BY id")
    [registered] = [r for r in rows if r["action"] == "passkey.register"]
    assert registered["actor_id"] == ada.id and registered["target_id"] == passkey["id"]
    last = rows[-1]
    assert (last["action"], last["actor_id"], last["user_agent"]) == (
        "auth.login",
        ada.id,
        "pk-test/1",
    )
    assert last["details"]["method"] == "passkey"


async def test_a_replayed_assertion_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    authenticator = SoftwareAuthenticator()
    await register(await identity.login("ada"), authenticator)
    client = await identity.client()
    ceremony = await sign_in_options(client)
    assertion = authenticator.get(ceremony["options"], ORIGIN)
    assert (await verify(client, ceremony["ceremony_id"], assertion)).status_code == 200
    # The same answer again: its ceremony is spent.
    body = problem(await verify(client, ceremony["ceremony_id"], assertion), 401)
    assert "already used" in body["detail"]
    # The same answer to a fresh ceremony: its challenge is not this one's.
    fresh = await sign_in_options(client)
    body = problem(await verify(client, fresh["ceremony_id"], assertion), 401)
    assert "challenge" in body["detail"]
    assert await identity.pool.fetchval("SELECT count(*) FROM sessions") == 2  # login + 1


async def test_a_cloned_authenticator_is_caught_by_the_sign_counter(identity: Identity) -> None:
    ada = await identity.user("ada")
    original = SoftwareAuthenticator()
    await register(await identity.login("ada"), original)
    clone = copy.deepcopy(original)
    client = await identity.client()
    for _ in range(2):  # the original moves on to 2
        ceremony = await sign_in_options(client)
        r = await verify(client, ceremony["ceremony_id"], original.get(ceremony["options"], ORIGIN))
        assert r.status_code == 200
    ceremony = await sign_in_options(client)
    r = await verify(client, ceremony["ceremony_id"], clone.get(ceremony["options"], ORIGIN))
    assert "counter did not increase" in problem(r, 401)["detail"]
    failed = await identity.pool.fetchrow(
        "SELECT * FROM audit_log WHERE action = 'auth.login_failed'"
    )
    assert failed["target_id"] == str(ada.id) and failed["details"]["method"] == "passkey"
    assert await identity.pool.fetchval("SELECT sign_count FROM passkeys") == 2


async def test_an_assertion_naming_another_account_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    bob = await identity.user("bob")
    authenticator = SoftwareAuthenticator()
    await register(await identity.login("ada"), authenticator)
    client = await identity.client()
    ceremony = await sign_in_options(client)
    assertion = authenticator.get(ceremony["options"], ORIGIN)
    # The signature does not cover the user handle, so the server must check it.
    assertion["response"]["userHandle"] = b64url(bob.id.to_bytes(8, "big"))
    body = problem(await verify(client, ceremony["ceremony_id"], assertion), 401)
    assert "does not belong" in body["detail"]
    ceremony = await sign_in_options(client)
    assertion = authenticator.get(ceremony["options"], ORIGIN)
    del assertion["response"]["userHandle"]
    body = problem(await verify(client, ceremony["ceremony_id"], assertion), 401)
    assert "no user handle" in body["detail"]
    assert await identity.pool.fetchval("SELECT count(*) FROM sessions") == 1  # ada's own


async def test_a_passkey_used_on_another_site_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    authenticator = SoftwareAuthenticator()
    await register(await identity.login("ada"), authenticator)
    client = await identity.client()
    ceremony = await sign_in_options(client)
    phished = authenticator.get(ceremony["options"], "https://dais.test.evil.example")
    body = problem(await verify(client, ceremony["ceremony_id"], phished), 401)
    assert "another origin" in body["detail"]


async def test_registration_ceremonies_are_single_use_and_bound_to_their_user(
    identity: Identity,
) -> None:
    await identity.user("ada")
    await identity.user("bob")
    ada, bob = await identity.login("ada"), await identity.login("bob")
    authenticator = SoftwareAuthenticator()
    ceremony = (await ada.post("/api/auth/passkeys/register/options")).json()
    attestation = authenticator.create(ceremony["options"], ORIGIN)
    body = {"ceremony_id": ceremony["ceremony_id"], "name": "stolen", "credential": attestation}
    r = await bob.post("/api/auth/passkeys/register/verify", json=body)
    assert problem(r, 409)["errors"][0]["field"] == "ceremony_id"
    # Bob's attempt spent it: a ceremony is claimed before it is checked.
    r = await ada.post("/api/auth/passkeys/register/verify", json=body | {"name": "mine"})
    assert problem(r, 409)["errors"][0]["field"] == "ceremony_id"
    assert await identity.pool.fetchval("SELECT count(*) FROM passkeys") == 0
    await register(ada, authenticator)
    # Registering the same authenticator again is refused by the options' exclude list...
    options = (await ada.post("/api/auth/passkeys/register/options")).json()["options"]
    assert len(options["excludeCredentials"]) == 1


async def test_registering_needs_a_session_or_full_rights(identity: Identity) -> None:
    ada = await identity.user("ada", roles=["developer"])
    problem(await (await identity.client()).post("/api/auth/passkeys/register/options"), 401)
    scoped = await identity.bearer(await identity.token(ada.id, ["project:read"]))
    body = problem(await scoped.post("/api/auth/passkeys/register/options"), 403)
    assert "session" in body["detail"]
    full = await identity.bearer(await identity.token(ada.id, ["*"]))
    assert (await full.post("/api/auth/passkeys/register/options")).status_code == 200


async def test_a_deleted_passkey_no_longer_signs_in(identity: Identity) -> None:
    await identity.user("ada")
    await identity.user("bob")
    browser = await identity.login("ada")
    authenticator = SoftwareAuthenticator()
    passkey = await register(browser, authenticator)
    other = await identity.login("bob")
    problem(await other.delete(f"/api/user/passkeys/{passkey['id']}"), 404)
    assert (await browser.delete(f"/api/user/passkeys/{passkey['id']}")).status_code == 204
    assert (await browser.get("/api/user/passkeys")).json() == []
    client = await identity.client()
    ceremony = await sign_in_options(client)
    r = await verify(
        client, ceremony["ceremony_id"], authenticator.get(ceremony["options"], ORIGIN)
    )
    assert "not registered" in problem(r, 401)["detail"]
    deleted = await identity.pool.fetchrow("SELECT * FROM audit_log WHERE action='passkey.delete'")
    assert deleted["details"] == {"name": "laptop"}


async def test_a_disabled_user_cannot_sign_in_with_a_passkey(identity: Identity) -> None:
    ada = await identity.user("ada")
    authenticator = SoftwareAuthenticator()
    await register(await identity.login("ada"), authenticator)
    await identity.ask(m.UpdateUser(ada.id, {"active": False}, SYSTEM))
    client = await identity.client()
    ceremony = await sign_in_options(client)
    r = await verify(
        client, ceremony["ceremony_id"], authenticator.get(ceremony["options"], ORIGIN)
    )
    problem(r, 401)
    assert await identity.pool.fetchval("SELECT count(*) FROM sessions") == 0


async def test_authenticators_that_always_report_zero_still_sign_in(identity: Identity) -> None:
    await identity.user("ada")
    synced = SoftwareAuthenticator(sign_count_step=0, backed_up=True)
    await register(await identity.login("ada"), synced)
    client = await identity.client()
    for _ in range(2):
        ceremony = await sign_in_options(client)
        r = await verify(client, ceremony["ceremony_id"], synced.get(ceremony["options"], ORIGIN))
        assert r.status_code == 200


async def test_passkey_sign_in_from_another_site_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    authenticator = SoftwareAuthenticator()
    await register(await identity.login("ada"), authenticator)
    evil = await identity.client(headers={"Origin": "https://evil.example"})
    ceremony = await sign_in_options(evil)
    r = await verify(evil, ceremony["ceremony_id"], authenticator.get(ceremony["options"], ORIGIN))
    problem(r, 403)


async def test_garbage_passkey_answers_are_refused_cleanly(identity: Identity) -> None:
    await identity.user("ada")
    browser = await identity.login("ada")
    client = await identity.client()
    for credential in ({}, {"rawId": "!!!", "response": {}}, {"rawId": "AAAA", "response": 7}):
        ceremony = await sign_in_options(client)
        problem(await verify(client, ceremony["ceremony_id"], credential), 401)
    ceremony = await sign_in_options(client)
    huge = {"rawId": "A" * 70_000, "response": {}}
    assert (
        "larger than" in problem(await verify(client, ceremony["ceremony_id"], huge), 401)["detail"]
    )
    problem(await verify(client, "no-such-ceremony-at-all", {"rawId": "AAAA"}), 401)
    problem(await verify(client, "x" * 65, {}), 422)
    ceremony = (await browser.post("/api/auth/passkeys/register/options")).json()
    r = await browser.post(
        "/api/auth/passkeys/register/verify",
        json={"ceremony_id": ceremony["ceremony_id"], "name": "x", "credential": {"id": 1}},
    )
    assert problem(r, 422)["errors"][0]["field"] == "credential"
    r = await browser.post(
        "/api/auth/passkeys/register/verify",
        json={"ceremony_id": ceremony["ceremony_id"], "name": "", "credential": {}},
    )
    assert problem(r, 422)["errors"][0]["field"] == "name"


async def test_starting_sign_ins_is_rate_limited_per_address(identity: Identity) -> None:
    client = await identity.client(address="192.0.2.50")
    for _ in range(30):
        await sign_in_options(client)
    r = await client.post("/api/auth/passkeys/login/options")
    problem(r, 429)
    assert 0 < int(r.headers["retry-after"]) <= 60
    await sign_in_options(await identity.client(address="192.0.2.51"))
