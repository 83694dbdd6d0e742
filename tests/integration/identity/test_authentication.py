"""Signing in and out, sessions, throttling, CSRF and API tokens, through the HTTP API."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie

import attrs
import httpx
import pytest

from dais.actors.identity import messages as m
from dais.http.app import create_app

from .conftest import ORIGIN, PASSWORD, Identity, app_instance, problem


def _session_cookie(r: httpx.Response) -> SimpleCookie:
    jar = SimpleCookie()
    jar.load(r.headers["set-cookie"])
    assert "dais_session" in jar
    return jar


async def _audit(identity: Identity, action: str) -> list[dict[str, object]]:
    rows = await identity.pool.fetch(
        "SELECT * FROM audit_log WHERE action = $1 ORDER BY id", action
    )
    return [dict(r) for r in rows]


# --- sign-in and sessions ------------------------------------------------------------------


async def test_login_by_username_sets_an_httponly_lax_session_cookie(identity: Identity) -> None:
    ada = await identity.user("ada", email="ada@example.com")
    client = await identity.client(headers={"User-Agent": "pytest-browser/1"})
    r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["username"] == "ada" and r.json()["id"] == str(ada.id)
    morsel = _session_cookie(r)["dais_session"]
    assert morsel["httponly"] is True
    assert morsel["samesite"].lower() == "lax"
    assert morsel["path"] == "/"
    assert not morsel["secure"]  # the public URL is http
    assert len(morsel.value) >= 32
    # The cookie alone identifies the user; only its hash is stored.
    r = await client.get("/api/user")
    assert r.status_code == 200 and r.json()["username"] == "ada"
    assert r.json()["last_login_at"] is not None
    stored = await identity.pool.fetchval("SELECT secret_hash FROM sessions")
    assert morsel.value.encode() not in stored
    [row] = await _audit(identity, "auth.login")
    assert row["actor_id"] == ada.id and row["user_agent"] == "pytest-browser/1"
    assert str(row["client_address"]) == "127.0.0.1"


async def test_login_by_email_ignores_case(identity: Identity) -> None:
    await identity.user("grace", email="Grace.Hopper@Example.com")
    client = await identity.client()
    r = await client.post(
        "/api/auth/login", json={"login": "grace.hopper@example.COM", "password": PASSWORD}
    )
    assert r.status_code == 200 and r.json()["username"] == "grace"
    assert (await client.get("/api/user")).json()["email"] == "Grace.Hopper@Example.com"


async def test_session_cookie_is_secure_when_the_public_url_is_https(identity: Identity) -> None:
    await identity.user("ada")
    services = attrs.evolve(
        identity.services,
        settings=attrs.evolve(identity.services.settings, public_url="https://dais.test"),
    )
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="https://dais.test") as client:
        r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
        assert r.status_code == 200
        assert _session_cookie(r)["dais_session"]["secure"] is True
        assert (await client.get("/api/user")).status_code == 200


async def test_unknown_user_and_wrong_password_get_the_same_answer(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.client()
    wrong = problem(
        await client.post("/api/auth/login", json={"login": "ada", "password": "not it at all"}),
        401,
    )
    unknown = problem(
        await client.post("/api/auth/login", json={"login": "nobody", "password": PASSWORD}),
        401,
    )
    assert wrong["detail"] == unknown["detail"] == "invalid username or password"
    assert "set-cookie" not in (await client.get("/api/version")).headers
    failed = await _audit(identity, "auth.login_failed")
    assert [r["details"]["login"] for r in failed] == ["ada", "nobody"]


async def test_a_disabled_user_cannot_sign_in_and_is_told_nothing_more(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    await identity.ask(m.UpdateUser(ada.id, {"active": False}, m.AuditContext(1, "t", None, None)))
    client = await identity.client()
    body = problem(
        await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD}), 401
    )
    assert body["detail"] == "invalid username or password"


async def test_logout_ends_the_session_and_clears_the_cookie(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    cookie = client.cookies["dais_session"]
    r = await client.post("/api/auth/logout")
    assert r.status_code == 204
    assert _session_cookie(r)["dais_session"]["max-age"] == "0"
    stale = await identity.client(headers={"Cookie": f"dais_session={cookie}"})
    problem(await stale.get("/api/user"), 401)
    assert await identity.pool.fetchval("SELECT count(*) FROM sessions") == 0
    assert len(await _audit(identity, "auth.logout")) == 1
    problem(await (await identity.client()).post("/api/auth/logout"), 401)


async def test_a_session_idle_for_too_long_has_expired(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    idle = identity.services.settings.session_idle_timeout
    await identity.pool.execute(
        "UPDATE sessions SET last_seen_at = now() - $1::interval",
        timedelta(seconds=idle - 120),
    )
    assert (await client.get("/api/user")).status_code == 200  # and that use refreshes it
    assert await identity.pool.fetchval(
        "SELECT last_seen_at > now() - interval '1 minute' FROM sessions"
    )
    await identity.pool.execute(
        "UPDATE sessions SET last_seen_at = now() - $1::interval", timedelta(seconds=idle + 1)
    )
    body = problem(await client.get("/api/user"), 401)
    assert "expired" in body["detail"]


async def test_a_session_past_its_absolute_expiry_has_ended(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.login("ada")
    await identity.pool.execute("UPDATE sessions SET expires_at = now() - interval '1 second'")
    problem(await client.get("/api/user"), 401)


async def test_sessions_are_listed_and_one_can_be_signed_out(identity: Identity) -> None:
    await identity.user("ada")
    laptop = await identity.login("ada")
    phone = await identity.login("ada", address="192.0.2.9")
    sessions = (await laptop.get("/api/user/sessions")).json()
    assert len(sessions) == 2
    [current] = [s for s in sessions if s["current"]]
    [other] = [s for s in sessions if not s["current"]]
    assert other["client_address"] == "192.0.2.9"
    assert (await laptop.delete(f"/api/user/sessions/{other['id']}")).status_code == 204
    problem(await phone.get("/api/user"), 401)
    assert (await laptop.get("/api/user")).status_code == 200
    problem(await laptop.delete(f"/api/user/sessions/{other['id']}"), 404)
    assert [s["id"] for s in (await laptop.get("/api/user/sessions")).json()] == [current["id"]]


# --- throttling ----------------------------------------------------------------------------


async def _fail(client: httpx.AsyncClient, login: str) -> httpx.Response:
    return await client.post("/api/auth/login", json={"login": login, "password": "wrong guess!"})


async def test_five_failures_on_one_account_throttle_it(identity: Identity) -> None:
    await identity.user("ada")
    # Each attempt from its own address: only the account's counter is at work.
    for i in range(5):
        problem(await _fail(await identity.client(address=f"198.51.100.{i}"), "ada"), 401)
    client = await identity.client(address="198.51.100.200")
    r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    body = problem(r, 429)
    assert 0 < int(r.headers["retry-after"]) <= 15 * 60
    assert "try again later" in body["detail"]
    # Another account from the same address is not affected.
    await identity.user("bob")
    r = await client.post("/api/auth/login", json={"login": "bob", "password": PASSWORD})
    assert r.status_code == 200
    # The count lives in the broker, with the window as its lifetime.
    ttl = await identity.services.broker.ttl(f"login:user:{(await _user_id(identity, 'ada'))}")
    assert ttl is not None and 0 < ttl <= 15 * 60


async def _user_id(identity: Identity, username: str) -> int:
    user_id: int = await identity.pool.fetchval(
        "SELECT id FROM users WHERE username = $1", username
    )
    return user_id


async def test_unknown_accounts_are_throttled_like_known_ones(identity: Identity) -> None:
    for i in range(5):
        problem(await _fail(await identity.client(address=f"198.51.100.{i}"), "ghost"), 401)
    problem(await _fail(await identity.client(address="198.51.100.99"), "ghost"), 429)


async def test_five_failures_from_one_address_throttle_it(identity: Identity) -> None:
    for name in ("ann", "ben", "cat", "dan", "eve", "fay"):
        await identity.user(name)
    sprayer = await identity.client(address="203.0.113.7")
    for name in ("ann", "ben", "cat", "dan", "eve"):
        problem(await _fail(sprayer, name), 401)
    # Even a right password is refused from that address now...
    r = await sprayer.post("/api/auth/login", json={"login": "fay", "password": PASSWORD})
    problem(r, 429)
    assert int(r.headers["retry-after"]) > 0
    # ...but not from another one.
    other = await identity.client(address="203.0.113.8")
    r = await other.post("/api/auth/login", json={"login": "fay", "password": PASSWORD})
    assert r.status_code == 200


async def test_a_successful_sign_in_resets_the_account_counter(identity: Identity) -> None:
    await identity.user("ada")
    addresses = iter(f"198.51.100.{i}" for i in range(1, 20))
    for _ in range(4):
        problem(await _fail(await identity.client(address=next(addresses)), "ada"), 401)
    await identity.login("ada", address=next(addresses))
    for _ in range(4):
        problem(await _fail(await identity.client(address=next(addresses)), "ada"), 401)
    await identity.login("ada", address=next(addresses))


async def test_throttling_holds_across_replicas_sharing_redis(
    settings: object, redis_url: str
) -> None:
    async with (
        app_instance(settings, redis_url) as a,  # type: ignore[arg-type]
        app_instance(settings, redis_url) as b,  # type: ignore[arg-type]
    ):
        await a.user("ada")
        for replica, address in [(a, "10.0.0.1"), (b, "10.0.0.2"), (a, "10.0.0.3")]:
            problem(await _fail(await replica.client(address=address), "ada"), 401)
        for replica, address in [(b, "10.0.0.4"), (a, "10.0.0.5")]:
            problem(await _fail(await replica.client(address=address), "ada"), 401)
        client = await b.client(address="10.0.0.6")
        r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
        problem(r, 429)


# --- CSRF ----------------------------------------------------------------------------------


async def test_cookie_requests_that_change_state_must_come_from_this_site(
    identity: Identity,
) -> None:
    await identity.user("ada")
    browser = await identity.login("ada")
    cookie = {"Cookie": f"dais_session={browser.cookies['dais_session']}"}
    create = {"name": "ci", "scopes": ["project:read"]}
    bare = await identity.client(headers=cookie)
    body = problem(await bare.post("/api/user/tokens", json=create), 403)
    assert "no Origin" in body["detail"]
    evil = await identity.client(headers=cookie | {"Origin": "https://evil.example"})
    body = problem(await evil.post("/api/user/tokens", json=create), 403)
    assert "https://evil.example" in body["detail"]
    null = await identity.client(headers=cookie | {"Origin": "null"})
    problem(await null.post("/api/user/tokens", json=create), 403)
    assert await identity.pool.fetchval("SELECT count(*) FROM api_tokens") == 0
    # Reads need no Origin; same-origin writes (Origin, or Referer without it) go through.
    assert (await bare.get("/api/user/tokens")).status_code == 200
    assert (await browser.post("/api/user/tokens", json=create)).status_code == 201
    referer = await identity.client(headers=cookie | {"Referer": f"{ORIGIN}/settings/tokens"})
    assert (await referer.post("/api/user/tokens", json=create)).status_code == 201


async def test_token_requests_need_no_origin(identity: Identity) -> None:
    ada = await identity.user("ada")
    client = await identity.bearer(await identity.token(ada.id))
    r = await client.post("/api/user/tokens", json={"name": "x", "scopes": ["project:read"]})
    assert r.status_code == 201


async def test_a_login_form_posted_from_another_site_is_refused(identity: Identity) -> None:
    await identity.user("ada")
    client = await identity.client(headers={"Origin": "https://evil.example"})
    problem(await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD}), 403)
    assert await identity.pool.fetchval("SELECT count(*) FROM sessions") == 0


# --- API tokens ----------------------------------------------------------------------------


async def test_a_token_is_shown_once_and_listed_by_its_last_four(identity: Identity) -> None:
    await identity.user("ada", roles=["viewer"])  # holds pipeline:read, the token's scope
    browser = await identity.login("ada")
    r = await browser.post(
        "/api/user/tokens", json={"name": "deploy bot", "scopes": ["pipeline:read"]}
    )
    assert r.status_code == 201
    created = r.json()
    token = created["token"]
    assert token.startswith("dais_pat_") and len(token) >= 9 + 28  # >= 160 bits of base62
    assert created["last4"] == token[-4:] and created["scopes"] == ["pipeline:read"]
    [listed] = (await browser.get("/api/user/tokens")).json()
    assert "token" not in listed and listed["last4"] == token[-4:]
    assert listed["name"] == "deploy bot" and listed["last_used_at"] is None
    stored = await identity.pool.fetchval("SELECT secret_hash FROM api_tokens")
    assert token.encode() not in stored
    [row] = await _audit(identity, "token.create")
    assert token not in str(row)


async def test_a_bearer_token_authenticates_and_records_its_last_use(identity: Identity) -> None:
    ada = await identity.user("ada")
    token = await identity.token(ada.id)
    client = await identity.bearer(token)
    r = await client.get("/api/user")
    assert r.status_code == 200 and r.json()["username"] == "ada"
    [listed] = (await client.get("/api/user/tokens")).json()
    assert listed["last_used_at"] is not None


async def test_a_token_works_as_the_password_of_http_basic(identity: Identity) -> None:
    ada = await identity.user("ada")
    token = await identity.token(ada.id)
    basic = base64.b64encode(f"ada:{token}".encode()).decode()
    client = await identity.client(headers={"Authorization": f"Basic {basic}"})
    r = await client.get("/api/user")
    assert r.status_code == 200 and r.json()["username"] == "ada"
    # The user name part is not what authenticates: git clients send anything there.
    basic = base64.b64encode(f"x-token:{token}".encode()).decode()
    client = await identity.client(headers={"Authorization": f"Basic {basic}"})
    assert (await client.get("/api/user")).status_code == 200


async def test_a_revoked_token_is_refused_at_once(identity: Identity) -> None:
    ada = await identity.user("ada")
    token = await identity.token(ada.id)
    client = await identity.bearer(token)
    [listed] = (await client.get("/api/user/tokens")).json()  # cached from here on
    assert (await client.delete(f"/api/user/tokens/{listed['id']}")).status_code == 204
    body = problem(await client.get("/api/user"), 401)
    assert "revoked" in body["detail"]
    assert problem(await client.get("/api/user"), 401)["detail"] == body["detail"]


async def test_an_expired_token_is_refused(identity: Identity) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    r = await browser.post(
        "/api/user/tokens", json={"name": "short", "scopes": ["*"], "expires_at": soon}
    )
    assert r.status_code == 201
    await identity.pool.execute(
        "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1",
        ada.id,
    )
    client = await identity.bearer(r.json()["token"])
    body = problem(await client.get("/api/user"), 401)
    assert "expired" in body["detail"]
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    r = await browser.post(
        "/api/user/tokens", json={"name": "past", "scopes": ["*"], "expires_at": past}
    )
    assert problem(r, 422)["errors"][0]["field"] == "expires_at"


async def test_a_token_with_a_bad_checksum_is_refused_without_a_lookup(
    identity: Identity,
) -> None:
    ada = await identity.user("ada")
    token = await identity.token(ada.id)
    last = token[-1]
    mistyped = token[:-1] + ("A" if last != "A" else "B")
    body = problem(await (await identity.bearer(mistyped)).get("/api/user"), 401)
    assert "malformed or mistyped" in body["detail"]
    assert (await (await identity.bearer(token)).get("/api/user")).status_code == 200


async def test_a_scoped_token_cannot_mint_a_wider_one(identity: Identity) -> None:
    ada = await identity.user("ada", roles=["developer"])
    client = await identity.bearer(await identity.token(ada.id, ["project:read"]))
    for scopes in (["*"], ["project:write"], ["project:read", "issue:write"]):
        r = await client.post("/api/user/tokens", json={"name": "wider", "scopes": scopes})
        assert problem(r, 422)["errors"][0]["field"] == "scopes"
    r = await client.post("/api/user/tokens", json={"name": "same", "scopes": ["project:read"]})
    assert r.status_code == 201


@pytest.mark.parametrize(
    "scopes", [[], ["project:read", "no:such"], ["no:such"], ["project:read"] * 65, ["*\n"]]
)
async def test_token_scopes_are_validated(identity: Identity, scopes: list[str]) -> None:
    await identity.user("ada")
    browser = await identity.login("ada")
    r = await browser.post("/api/user/tokens", json={"name": "x", "scopes": scopes})
    error = problem(r, 422)["errors"][0]
    assert error["field"].startswith("scopes"), error  # "scopes", or "scopes[1]"
    assert "regex" not in error["rule"], error  # the rule in words
