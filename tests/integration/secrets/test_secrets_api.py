"""Secrets over HTTP: versions, write-only values, audited reads, who may do what, and input
that must be refused without half-writing anything."""

from __future__ import annotations

from typing import Any

import anyio
import httpx
import pytest

from tests.conftest import MakeUser

VALUE = "ghp_s3cr3t-value-for-tests"


async def _project(
    client: httpx.AsyncClient, make_user: MakeUser, name: str = "web"
) -> tuple[str, dict[str, str]]:
    _alice, alice = await make_user("alice")
    r = await client.post("/api/projects", json={"name": name}, headers=alice)
    assert r.status_code == 201, r.text
    return f"/api/projects/alice%2F{name}/secrets", alice


async def _member(
    client: httpx.AsyncClient, make_user: MakeUser, owner: dict[str, str], who: str, role: str
) -> dict[str, str]:
    user, auth = await make_user(who)
    r = await client.post(
        "/api/projects/alice%2Fweb/members",
        json={"user_id": str(user.id), "role": role},
        headers=owner,
    )
    assert r.status_code == 201, r.text
    return auth


async def test_versions_and_an_audited_read(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    made = await client.put(f"{base}/DEPLOY_TOKEN", json={"value": VALUE}, headers=alice)
    assert made.status_code == 201, made.text
    assert made.json()["version"] == 1 and made.json()["environment"] is None
    again = await client.put(f"{base}/DEPLOY_TOKEN", json={"value": VALUE + "-2"}, headers=alice)
    assert again.status_code == 200 and again.json()["version"] == 2
    assert again.json()["created_by"] == again.json()["updated_by"] == "alice"

    listed = await client.get(base, headers=alice)
    detail = await client.get(f"{base}/DEPLOY_TOKEN", headers=alice)
    assert listed.status_code == detail.status_code == 200
    assert [s["name"] for s in listed.json()] == ["DEPLOY_TOKEN"]
    assert [v["version"] for v in detail.json()["versions"]] == [2, 1]
    for answer in (made, again, listed, detail):
        assert VALUE not in answer.text

    current = await client.get(f"{base}/DEPLOY_TOKEN/value", headers=alice)
    assert current.status_code == 200, current.text
    assert current.json() == {
        "name": "DEPLOY_TOKEN",
        "environment": None,
        "version": 2,
        "value": VALUE + "-2",
    }
    assert current.headers["cache-control"] == "no-store"
    first = await client.get(f"{base}/DEPLOY_TOKEN/value?version=1", headers=alice)
    assert first.json()["value"] == VALUE
    missing = await client.get(f"{base}/DEPLOY_TOKEN/value?version=9", headers=alice)
    assert missing.status_code == 404

    rows = await services.pool.fetch(
        "SELECT action, actor_name, details FROM audit_log WHERE action LIKE 'secret.%' ORDER BY id"
    )
    assert [(r["action"], r["actor_name"]) for r in rows] == [
        ("secret.create", "alice"),
        ("secret.update", "alice"),
        ("secret.read", "alice"),
        ("secret.read", "alice"),
    ]
    assert all(VALUE not in r["details"] for r in rows)


async def test_postgresql_never_holds_the_value(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    await client.put(f"{base}/API_KEY", json={"value": VALUE}, headers=alice)
    rows = await services.pool.fetch(
        "SELECT s::text AS secret, v.wrapped_key, v.nonce, v.ciphertext "
        "FROM secrets s JOIN secret_versions v ON v.secret_id = s.id"
    )
    assert len(rows) == 1
    row = rows[0]
    for column in (row["wrapped_key"], row["nonce"], row["ciphertext"]):
        assert VALUE.encode() not in column
    assert VALUE not in row["secret"]
    # AES-GCM: as long as the value, plus the 16-byte tag.
    assert len(row["ciphertext"]) == len(VALUE) + 16


async def test_a_row_copied_under_another_name_does_not_open(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    await client.put(f"{base}/FIRST", json={"value": VALUE}, headers=alice)
    await client.put(f"{base}/SECOND", json={"value": "something else"}, headers=alice)
    await services.pool.execute(
        """
        UPDATE secret_versions AS target
        SET key_id = source.key_id, wrapped_key = source.wrapped_key, nonce = source.nonce,
            ciphertext = source.ciphertext
        FROM secret_versions source
        JOIN secrets s ON s.id = source.secret_id AND s.name = 'FIRST'
        WHERE target.secret_id = (SELECT id FROM secrets WHERE name = 'SECOND')
        """
    )
    r = await client.get(f"{base}/SECOND/value", headers=alice)
    assert r.status_code == 409, r.text
    assert "cannot be decrypted" in r.json()["detail"]
    assert VALUE not in r.text
    # The original still opens.
    assert (await client.get(f"{base}/FIRST/value", headers=alice)).json()["value"] == VALUE


async def test_environments_are_scopes_of_their_own(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    base, alice = await _project(client, make_user)
    await client.put(f"{base}/DB_URL", json={"value": "postgres://all"}, headers=alice)
    r = await client.put(
        f"{base}/DB_URL?environment=production", json={"value": "postgres://prod"}, headers=alice
    )
    assert r.status_code == 201 and r.json()["environment"] == "production"
    everything = (await client.get(base, headers=alice)).json()
    assert [(s["name"], s["environment"]) for s in everything] == [
        ("DB_URL", None),
        ("DB_URL", "production"),
    ]
    production = (await client.get(f"{base}?environment=production", headers=alice)).json()
    assert [s["environment"] for s in production] == ["production"]
    prod = await client.get(f"{base}/DB_URL/value?environment=production", headers=alice)
    assert prod.json()["value"] == "postgres://prod"
    plain = await client.get(f"{base}/DB_URL/value", headers=alice)
    assert plain.json()["value"] == "postgres://all"
    gone = await client.delete(f"{base}/DB_URL?environment=production", headers=alice)
    assert gone.status_code == 204
    assert (
        await client.get(f"{base}/DB_URL?environment=production", headers=alice)
    ).status_code == 404
    assert (await client.get(f"{base}/DB_URL", headers=alice)).status_code == 200
    bad = await client.get(f"{base}?environment=Prod%20uction", headers=alice)
    assert bad.status_code == 400 and "environment" in bad.text


async def test_who_may_list_set_and_read(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    await client.put(f"{base}/TOKEN", json={"value": VALUE}, headers=alice)
    developer = await _member(client, make_user, alice, "dev", "developer")
    viewer = await _member(client, make_user, alice, "viewer", "viewer")
    ops = await _member(client, make_user, alice, "ops", "ops")
    _stranger, stranger = await make_user("stranger")

    # A developer sees names (to use them in pipelines), never values, and cannot set them.
    assert (await client.get(base, headers=developer)).status_code == 200
    r = await client.get(f"{base}/TOKEN/value", headers=developer)
    assert r.status_code == 403 and "secret:read" in r.json()["detail"]
    r = await client.put(f"{base}/TOKEN", json={"value": "x" * 8}, headers=developer)
    assert r.status_code == 403
    # A viewer of a private project sees no names.
    r = await client.get(base, headers=viewer)
    assert r.status_code == 403 and VALUE not in r.text and "TOKEN" not in r.text
    # Ops may set but not read back.
    assert (
        await client.put(f"{base}/OPS", json={"value": "opsvalue"}, headers=ops)
    ).status_code == 201
    assert (await client.get(f"{base}/OPS/value", headers=ops)).status_code == 403
    # Someone outside a private project learns nothing, not even that it exists.
    for path in (base, f"{base}/TOKEN", f"{base}/TOKEN/value"):
        assert (await client.get(path, headers=stranger)).status_code == 404
    assert (await client.get(base)).status_code == 401
    # A token of the owner's without secret:read cannot read, whatever the owner may.
    _owner_record, narrow = await _token(
        services, "alice", frozenset({"project:read", "project:write"})
    )
    assert (await client.get(f"{base}/TOKEN/value", headers=narrow)).status_code == 403
    # The developer's failed write left nothing behind.
    value = (await client.get(f"{base}/TOKEN/value", headers=alice)).json()
    assert value["version"] == 1 and value["value"] == VALUE


async def _token(
    services: Any, username: str, scopes: frozenset[str]
) -> tuple[Any, dict[str, str]]:
    from dais.actors.identity import messages as m

    audit = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
    identity = services.system.ref("identity")
    users, _ = await identity.ask(m.ListUsers(username, 10, 0))
    user = next(u for u in users if u.username == username)
    record, token = await identity.ask(m.CreateToken(user.id, "narrow", scopes, None, audit))
    return record, {"Authorization": f"Bearer {token}"}


async def test_an_archived_project_keeps_its_secrets_read_only(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    base, alice = await _project(client, make_user)
    await client.put(f"{base}/KEEP", json={"value": VALUE}, headers=alice)
    r = await client.patch("/api/projects/alice%2Fweb", json={"archived": True}, headers=alice)
    assert r.status_code == 200, r.text
    assert (
        await client.put(f"{base}/KEEP", json={"value": "new!"}, headers=alice)
    ).status_code == 403
    assert (await client.delete(f"{base}/KEEP", headers=alice)).status_code == 403
    assert (await client.get(f"{base}/KEEP/value", headers=alice)).json()["value"] == VALUE


async def test_platform_secrets_are_for_admins(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _root, root = await make_user("root", admin=True)
    _bob, bob = await make_user("bob")
    r = await client.put("/api/admin/secrets/SMTP_PASSWORD", json={"value": VALUE}, headers=root)
    assert r.status_code == 201 and r.json()["environment"] is None
    assert [s["name"] for s in (await client.get("/api/admin/secrets", headers=root)).json()] == [
        "SMTP_PASSWORD"
    ]
    value = await client.get("/api/admin/secrets/SMTP_PASSWORD/value", headers=root)
    assert value.json()["value"] == VALUE
    for method, path in (
        ("GET", "/api/admin/secrets"),
        ("GET", "/api/admin/secrets/SMTP_PASSWORD"),
        ("GET", "/api/admin/secrets/SMTP_PASSWORD/value"),
        ("DELETE", "/api/admin/secrets/SMTP_PASSWORD"),
    ):
        r = await client.request(method, path, headers=bob)
        assert r.status_code == 403, (method, path)
        assert VALUE not in r.text
    # Platform and project scopes never mix: the same name in a project is another secret.
    base, alice = await _project(client, make_user)
    assert (await client.get(f"{base}/SMTP_PASSWORD", headers=alice)).status_code == 404
    assert (
        await client.delete("/api/admin/secrets/SMTP_PASSWORD", headers=root)
    ).status_code == 204
    assert (await client.get("/api/admin/secrets", headers=root)).json() == []


@pytest.mark.parametrize(
    "name",
    ["HAS=EQUALS", "HAS%20SPACE", "NUL%00BYTE", "9STARTS_WITH_DIGIT", "dash-ed", "é", "A" * 129],
)
async def test_names_that_are_not_environment_variables(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, name: str
) -> None:
    base, alice = await _project(client, make_user)
    r = await client.put(f"{base}/{name}", json={"value": VALUE}, headers=alice)
    assert 400 <= r.status_code < 500 and r.status_code != 404, r.text
    assert "name" in r.text
    assert await services.pool.fetchval("SELECT count(*) FROM secrets") == 0


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"value": "x" * (64 * 1024 + 1)}, 422, "65536"),
        # 22,000 three-byte characters: within the character limit, past 64 KiB of UTF-8.
        ({"value": "€" * 22_000}, 422, "65536 bytes"),
        ({"value": "a\x00b"}, 422, "NUL"),
        ({}, 422, "value"),
        ({"value": 7}, 422, "value"),
        ({"value": "ok", "extra": 1}, 422, "extra"),
    ],
)
async def test_values_refused_with_the_rule(
    client: httpx.AsyncClient,
    make_user: MakeUser,
    services: Any,
    body: dict[str, Any],
    status: int,
    words: str,
) -> None:
    base, alice = await _project(client, make_user)
    r = await client.put(f"{base}/TOO_BIG", json=body, headers=alice)
    assert r.status_code == status, r.text
    assert words in r.text
    assert await services.pool.fetchval("SELECT count(*) FROM secrets") == 0
    assert await services.pool.fetchval("SELECT count(*) FROM secret_versions") == 0


async def test_a_body_that_is_not_utf8(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    r = await client.put(
        f"{base}/RAW",
        content=b'{"value": "\xff\xfe"}',
        headers=alice | {"Content-Type": "application/json"},
    )
    assert r.status_code == 400, r.text
    assert await services.pool.fetchval("SELECT count(*) FROM secrets") == 0


async def test_concurrent_puts_of_a_new_name_lose_nothing(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    base, alice = await _project(client, make_user)
    answers: list[httpx.Response] = []

    async def put(i: int) -> None:
        answers.append(await client.put(f"{base}/RACE", json={"value": f"v{i:02}"}, headers=alice))

    async with anyio.create_task_group() as tg:
        for i in range(12):
            tg.start_soon(put, i)
    assert sorted(a.status_code for a in answers) == [200] * 11 + [201]
    assert sorted(a.json()["version"] for a in answers) == list(range(1, 13))
    detail = (await client.get(f"{base}/RACE", headers=alice)).json()
    assert detail["version"] == 12 and len(detail["versions"]) == 12
    # Each version holds the value its PUT sent.
    for a in answers:
        version = a.json()["version"]
        got = await client.get(f"{base}/RACE/value?version={version}", headers=alice)
        assert got.json()["version"] == version
    values = {
        (await client.get(f"{base}/RACE/value?version={v}", headers=alice)).json()["value"]
        for v in range(1, 13)
    }
    assert values == {f"v{i:02}" for i in range(12)}


async def test_only_the_last_twenty_versions_are_kept(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    base, alice = await _project(client, make_user)
    for i in range(23):
        r = await client.put(f"{base}/ROLLING", json={"value": f"value-{i}"}, headers=alice)
        assert r.status_code in {200, 201}
    detail = (await client.get(f"{base}/ROLLING", headers=alice)).json()
    assert [v["version"] for v in detail["versions"]] == list(range(23, 3, -1))
    old = await client.get(f"{base}/ROLLING/value?version=3", headers=alice)
    assert old.status_code == 404 and "last 20" in old.json()["detail"]
    assert await services.pool.fetchval("SELECT count(*) FROM secret_versions") == 20
