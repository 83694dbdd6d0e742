"""Wrong, empty, oversized and malformed credentials and sign-in input: a clear 4xx, always
problem+json, never a 5xx and never a hint whether an account exists."""

from __future__ import annotations

import base64

import httpx
import pytest

from dais.actors.identity import messages as m

from .conftest import ORIGIN, PASSWORD, SYSTEM, Identity, problem


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


GOOD_SHAPE = "dais_pat_" + "0" * 30 + "000000"  # well-formed, checksum wrong


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer",
        "Bearer ",
        "Bearer    ",
        "Basic",
        "Token abc",
        "bearer-ish abc",
        "Bearer " + "x" * 100_000,
        "Bearer dais_pat_",
        "Bearer " + GOOD_SHAPE,
        "Bearer " + GOOD_SHAPE.replace("dais_pat_", "dais_xxx_"),
        "Bearer \u00e9\u00e8\u00ea".encode(),
        "Basic !!!not-base64!!!",
        "Basic " + _b64("no colon here"),
        "Basic " + _b64("user:"),
        "Basic " + _b64("user:" + GOOD_SHAPE),
        "Basic " + base64.b64encode(b"user:\xff\xfe").decode(),
        "Basic \u00e9\u00e9\u00e9\u00e9".encode(),
    ],
)
async def test_malformed_credentials_are_401(
    identity: Identity, authorization: str | bytes
) -> None:
    await identity.user("ada")
    client = await identity.client()
    r = await client.get("/api/user", headers={"Authorization": authorization})
    problem(r, 401)
    assert r.headers["www-authenticate"] == 'Bearer realm="dais"'


async def test_a_well_formed_but_unknown_token_is_401(identity: Identity) -> None:
    from dais.actors.identity.tokens import new_token

    client = await identity.bearer(new_token())
    assert "unknown" in problem(await client.get("/api/user"), 401)["detail"]


@pytest.mark.parametrize(
    "cookie", [b"short", b"x" * 4000, "\u00e9".encode() * 30, b"a" * 43, b'"quoted"']
)
async def test_a_bad_session_cookie_is_401(identity: Identity, cookie: bytes) -> None:
    client = await identity.client()
    r = await client.get("/api/user", headers={"Cookie": b"dais_session=" + cookie})
    problem(r, 401)
    r = await client.post(
        "/api/user/tokens",
        json={"name": "x", "scopes": ["*"]},
        headers={"Cookie": b"dais_session=" + cookie, "Origin": ORIGIN},
    )
    problem(r, 401)


async def test_an_empty_session_cookie_counts_as_none(identity: Identity) -> None:
    client = await identity.client()
    r = await client.get("/api/user", headers={"Cookie": "dais_session="})
    assert "sign in" in problem(r, 401)["detail"]


async def test_a_disabled_users_old_session_is_refused(identity: Identity) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    cookie = browser.cookies["dais_session"]
    # Disabled behind the service's back: the session row outlives it, the check does not.
    await identity.pool.execute("UPDATE users SET active = false WHERE id = $1", ada.id)
    problem(await browser.get("/api/user"), 401)
    await identity.pool.execute("UPDATE users SET active = true WHERE id = $1", ada.id)
    # Disabled through the service: the session is gone for good.
    await identity.ask(m.UpdateUser(ada.id, {"active": False}, SYSTEM))
    await identity.ask(m.UpdateUser(ada.id, {"active": True}, SYSTEM))
    again = await identity.client(headers={"Cookie": f"dais_session={cookie}"})
    problem(await again.get("/api/user"), 401)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"login": "", "password": PASSWORD}, 422),
        ({"login": "ada", "password": ""}, 422),
        ({"login": "ada"}, 422),
        ({"login": "ada", "password": "x" * 1025}, 422),
        ({"login": "a" * 255, "password": PASSWORD}, 422),
        ({"login": "ada", "password": PASSWORD, "remember": True}, 422),
        ({"login": ["ada"], "password": PASSWORD}, 422),
        ({"login": "ADA ", "password": "x" * 1024}, 401),
        ({"login": "ada\u0000", "password": PASSWORD}, 401),
        ({"login": "'; DROP TABLE users; --", "password": PASSWORD}, 401),
    ],
)
async def test_bad_sign_in_input(identity: Identity, body: object, status: int) -> None:
    await identity.user("ada")
    client = await identity.client()
    problem(await client.post("/api/auth/login", json=body), status)
    assert await identity.pool.fetchval("SELECT count(*) FROM users") == 1


async def test_sign_in_that_is_not_json_is_refused(identity: Identity) -> None:
    client = await identity.client()
    r = await client.post(
        "/api/auth/login",
        content=b'{"login": "ada", ',
        headers={"content-type": "application/json"},
    )
    problem(r, 400)
    r = await client.post(
        "/api/auth/login",
        content=b"login=ada&password=x",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    problem(r, 415)


async def test_a_throttled_sign_in_says_nothing_about_the_account(identity: Identity) -> None:
    await identity.user("ada")
    answers = []
    for login in ("ada", "ghost"):
        for i in range(5):
            client = await identity.client(
                address=f"198.51.100.{i + (10 if login == 'ada' else 20)}"
            )
            await client.post("/api/auth/login", json={"login": login, "password": "wrong one!"})
        client = await identity.client(address="198.51.100.99")
        r = await client.post("/api/auth/login", json={"login": login, "password": "wrong one!"})
        answers.append((r.status_code, problem(r, 429)["detail"]))
    assert answers[0] == answers[1]


async def test_ids_in_paths_out_of_range_are_400_not_500(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    huge = "9" * 30
    for path in (
        f"/api/admin/users/{huge}",
        f"/api/admin/roles/{huge}",
        f"/api/user/tokens/{huge}",
        f"/api/user/sessions/{huge}",
        f"/api/delegations/{huge}",
        f"/api/user/passkeys/{huge}",
        "/api/user/tokens/0",
    ):
        problem(await admin.delete(path), 400)
    problem(await admin.get("/api/admin/audit", params={"before": huge}), 400)
    problem(await admin.get("/api/admin/role-assignments", params={"user_id": huge}), 400)
    problem(await admin.get("/api/user/permissions", params={"project_id": huge}), 400)
    problem(await admin.get("/api/admin/users/abc"), 405)  # no such route for GET


async def test_a_token_for_a_deleted_user_is_401(identity: Identity) -> None:
    ada = await identity.user("ada")
    client = await identity.bearer(await identity.token(ada.id))
    assert (await client.get("/api/user")).status_code == 200
    await identity.ask(m.DeleteUser(ada.id, SYSTEM, by_admin=True))
    problem(await client.get("/api/user"), 401)


async def test_control_characters_in_names_are_422_not_500(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    nul = "bad\u0000name"
    r = await admin.post("/api/admin/users", json={"username": "ada", "display_name": nul})
    assert problem(r, 422)["errors"][0]["field"] == "display_name"
    r = await admin.post("/api/admin/users", json={"username": "ada", "email": "a\u0000@b.cd"})
    assert problem(r, 422)["errors"][0]["field"] == "email"
    r = await admin.post("/api/user/tokens", json={"name": nul, "scopes": ["*"]})
    assert problem(r, 422)["errors"][0]["field"] == "name"
    r = await admin.post(
        "/api/admin/roles", json={"name": "rr", "description": nul, "permissions": []}
    )
    assert problem(r, 422)["errors"][0]["field"] == "description"
    r = await admin.get("/api/admin/users", params={"q": nul})
    assert problem(r, 422)["errors"][0]["field"] == "q"
    r = await admin.get("/api/admin/audit", params={"action": nul})
    assert problem(r, 422)["errors"][0]["field"] == "action"
    ceremony = (await admin.post("/api/auth/passkeys/register/options")).json()
    r = await admin.post(
        "/api/auth/passkeys/register/verify",
        json={"ceremony_id": ceremony["ceremony_id"], "name": nul, "credential": {}},
    )
    assert problem(r, 422)["errors"][0]["field"] == "name"
    # And the service is still up.
    assert (await admin.get("/api/admin/users")).status_code == 200


async def test_audit_action_filters_take_wildcards_literally(admin: httpx.AsyncClient) -> None:
    assert (await admin.get("/api/admin/audit", params={"action": "auth"})).json() != []
    assert (await admin.get("/api/admin/audit", params={"action": "%"})).json() == []
    assert (await admin.get("/api/admin/audit", params={"action": "a_th"})).json() == []


async def test_client_addresses_that_are_not_ip_addresses_do_not_break_audit(
    identity: Identity,
) -> None:
    await identity.user("ada")
    client = await identity.client(address="testclient", headers={"Origin": ORIGIN})
    r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    assert r.status_code == 200, r.text
    row = await identity.pool.fetchrow("SELECT * FROM audit_log WHERE action = 'auth.login'")
    assert row["client_address"] is None
