"""Permissions through roles, token scopes and delegation, and their cache across replicas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import httpx

from dais.actors.identity import messages as m
from dais.config import Settings

from .conftest import SYSTEM, Identity, app_instance, problem

ADMIN_PERMISSIONS = {"admin:users", "admin:roles", "admin:platform"}


async def permissions(client: httpx.AsyncClient, project_id: int | None = None) -> set[str]:
    params = {} if project_id is None else {"project_id": project_id}
    r = await client.get("/api/user/permissions", params=params)
    assert r.status_code == 200, r.text
    return set(r.json()["permissions"])


async def delegate(client: httpx.AsyncClient, delegate_id: int, *perms: str, **extra: Any) -> Any:
    body = {"delegate_id": str(delegate_id), "permissions": list(perms)} | extra
    return await client.post("/api/delegations", json=body)


# --- roles and tokens ----------------------------------------------------------------------


async def test_an_administrator_may_do_everything_until_demoted(identity: Identity) -> None:
    boss = await identity.user("boss", is_admin=True)
    client = await identity.bearer(await identity.token(boss.id))
    assert ADMIN_PERMISSIONS <= await permissions(client, 42)
    assert (await client.get("/api/admin/users")).status_code == 200
    await identity.ask(m.UpdateUser(boss.id, {"is_admin": False}, SYSTEM, by_admin=True))
    assert await permissions(client, 42) == set()
    problem(await client.get("/api/admin/users"), 403)


async def test_a_token_is_narrowed_to_its_scopes(identity: Identity) -> None:
    boss = await identity.user("boss", is_admin=True)
    narrow = await identity.bearer(await identity.token(boss.id, ["project:read", "admin:users"]))
    assert await permissions(narrow) == {"project:read", "admin:users"}
    assert (await narrow.get("/api/admin/users")).status_code == 200
    body = problem(await narrow.get("/api/admin/roles"), 403)
    assert "admin:roles" in body["detail"]


async def test_an_administrators_scoped_token_cannot_escape_its_scopes(
    identity: Identity,
) -> None:
    boss = await identity.user("boss", is_admin=True)
    other = await identity.user("other", is_admin=True)
    client = await identity.bearer(await identity.token(boss.id, ["admin:users"]))
    r = await client.post("/api/admin/users", json={"username": "eve", "is_admin": True})
    problem(r, 403)
    r = await client.patch(f"/api/admin/users/{other.id}", json={"password": "taken over now"})
    problem(r, 403)
    problem(await client.patch(f"/api/admin/users/{boss.id}", json={"is_admin": False}), 403)
    r = await client.post("/api/admin/users", json={"username": "eve"})
    assert r.status_code == 201
    await identity.login("other")


async def test_a_token_never_exceeds_what_its_owner_may_do_now(identity: Identity) -> None:
    # Made while ada was an administrator (a token is scoped only to what its owner holds).
    ada = await identity.user("ada", roles=["viewer"], is_admin=True)
    wide = await identity.bearer(await identity.token(ada.id, ["admin:users", "project:write"]))
    await identity.ask(m.UpdateUser(ada.id, {"is_admin": False}, SYSTEM, by_admin=True))
    assert await permissions(wide) == set()
    problem(await wide.get("/api/admin/users"), 403)
    assignment = await identity.assign(ada.id, "developer")
    assert await permissions(wide) == {"project:write"}
    await identity.ask(m.UnassignRole(assignment, SYSTEM))
    assert await permissions(wide) == set()


async def test_permissions_are_the_union_of_roles_held_there(identity: Identity) -> None:
    ada = await identity.user("ada", roles=["viewer"])
    await identity.assign(ada.id, "ops", project_id=3)
    client = await identity.login("ada")
    assert "deploy:promote" in await permissions(client, 3)
    assert "deploy:promote" not in await permissions(client, 4)
    assert await permissions(client, 4) == await permissions(client)


# --- delegation ----------------------------------------------------------------------------


async def test_a_delegation_grants_a_subset_of_the_delegators_permissions(
    identity: Identity,
) -> None:
    await identity.user("ada", roles=["developer"])
    bot = await identity.user("bot", kind=m.UserKind.AGENT, password=None)
    ada = await identity.login("ada")
    r = await delegate(ada, bot.id, "pipeline:run", "issue:write")
    assert r.status_code == 201, r.text
    record = r.json()
    assert record["permissions"] == ["issue:write", "pipeline:run"]
    agent = await identity.bearer(await identity.token(bot.id))
    assert await permissions(agent) == {"pipeline:run", "issue:write"}
    assert await permissions(agent, 9) == {"pipeline:run", "issue:write"}
    assert [d["id"] for d in (await agent.get("/api/delegations")).json()] == [record["id"]]
    row = await identity.pool.fetchrow("SELECT * FROM audit_log WHERE action='delegation.create'")
    assert row["details"]["delegate_id"] == bot.id


async def test_delegating_a_permission_one_does_not_hold_is_403(identity: Identity) -> None:
    await identity.user("ada", roles=["viewer"])
    bob = await identity.user("bob")
    ada = await identity.login("ada")
    body = problem(await delegate(ada, bob.id, "project:read", "secret:read"), 403)
    assert "secret:read" in body["detail"] and "project:read" not in body["detail"]
    assert await identity.pool.fetchval("SELECT count(*) FROM delegations") == 0


async def test_delegations_do_not_chain(identity: Identity) -> None:
    await identity.user("ada", roles=["developer"])
    bob = await identity.user("bob")
    cat = await identity.user("cat")
    ada, bob_client = await identity.login("ada"), await identity.login("bob")
    assert (await delegate(ada, bob.id, "pipeline:run")).status_code == 201
    assert await permissions(bob_client) == {"pipeline:run"}
    problem(await delegate(bob_client, cat.id, "pipeline:run"), 403)


async def test_a_delegation_stops_the_moment_the_delegator_loses_the_permission(
    identity: Identity,
) -> None:
    alice = await identity.user("ada")
    role = await identity.assign(alice.id, "developer")
    bob = await identity.user("bob")
    ada, bob_client = await identity.login("ada"), await identity.login("bob")
    assert (await delegate(ada, bob.id, "project:write")).status_code == 201
    assert await permissions(bob_client) == {"project:write"}  # and cached
    await identity.ask(m.UnassignRole(role, SYSTEM))
    assert await permissions(bob_client) == set()
    await identity.assign(alice.id, "developer")
    assert await permissions(bob_client) == {"project:write"}
    await identity.ask(m.UpdateUser(alice.id, {"active": False}, SYSTEM))
    assert await permissions(bob_client) == set()


async def test_a_delegation_expires_even_while_its_answer_is_cached(identity: Identity) -> None:
    await identity.user("ada", roles=["developer"])
    bob = await identity.user("bob")
    ada, bob_client = await identity.login("ada"), await identity.login("bob")
    assert identity.services.settings.permission_cache_ttl >= 30
    ends = datetime.now(UTC) + timedelta(seconds=2)
    r = await delegate(ada, bob.id, "issue:write", expires_at=ends.isoformat())
    assert r.status_code == 201
    assert await permissions(bob_client) == {"issue:write"}
    await anyio.sleep((ends - datetime.now(UTC)).total_seconds() + 0.1)
    assert await permissions(bob_client) == set()
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    r = await delegate(ada, bob.id, "issue:write", expires_at=past)
    assert problem(r, 422)["errors"][0]["field"] == "expires_at"
    r = await delegate(ada, bob.id, "issue:write", expires_at="2030-01-01T00:00:00")
    assert problem(r, 422)["errors"][0]["field"] == "expires_at"


async def test_a_delegation_is_revoked_by_either_side_and_no_one_else(
    identity: Identity,
) -> None:
    await identity.user("ada", roles=["developer"])
    bob = await identity.user("bob")
    await identity.user("eve")
    ada, bob_client = await identity.login("ada"), await identity.login("bob")
    eve = await identity.login("eve")
    first = (await delegate(ada, bob.id, "issue:write")).json()
    second = (await delegate(ada, bob.id, "pipeline:run")).json()
    assert await permissions(bob_client) == {"issue:write", "pipeline:run"}
    problem(await eve.delete(f"/api/delegations/{first['id']}"), 404)
    assert (await ada.delete(f"/api/delegations/{first['id']}")).status_code == 204
    assert await permissions(bob_client) == {"pipeline:run"}
    assert (await bob_client.delete(f"/api/delegations/{second['id']}")).status_code == 204
    assert await permissions(bob_client) == set()
    problem(await ada.delete(f"/api/delegations/{first['id']}"), 404)
    assert (await ada.get("/api/delegations")).json() == []


async def test_a_delegation_limited_to_one_project(identity: Identity) -> None:
    alice = await identity.user("ada")
    await identity.assign(alice.id, "maintainer", project_id=5)
    bob = await identity.user("bob")
    ada, bob_client = await identity.login("ada"), await identity.login("bob")
    # Held on project 5 only, so it can be delegated there and not everywhere.
    problem(await delegate(ada, bob.id, "merge_request:merge"), 403)
    problem(await delegate(ada, bob.id, "merge_request:merge", project_id="6"), 403)
    r = await delegate(ada, bob.id, "merge_request:merge", project_id="5")
    assert r.status_code == 201 and r.json()["project_id"] == "5"
    assert await permissions(bob_client, 5) == {"merge_request:merge"}
    assert await permissions(bob_client, 6) == set()
    assert await permissions(bob_client) == set()


async def test_a_delegation_made_with_a_token_stays_within_its_scopes(
    identity: Identity,
) -> None:
    alice = await identity.user("ada", roles=["developer"])
    bob = await identity.user("bob")
    client = await identity.bearer(await identity.token(alice.id, ["pipeline:read"]))
    problem(await delegate(client, bob.id, "pipeline:run"), 403)
    assert (await delegate(client, bob.id, "pipeline:read")).status_code == 201


async def test_delegation_input_is_checked(identity: Identity) -> None:
    alice = await identity.user("ada", roles=["developer"])
    ada = await identity.login("ada")
    problem(await delegate(ada, alice.id, "issue:write"), 409)
    problem(await delegate(ada, 999_999, "issue:write"), 404)
    r = await delegate(ada, 2, "no:such")
    assert problem(r, 422)["errors"][0]["field"] == "permissions[0]"
    r = await delegate(ada, 2)
    assert problem(r, 422)["errors"][0]["field"] == "permissions"
    r = await ada.post(
        "/api/delegations", json={"delegate_id": "x", "permissions": ["issue:write"]}
    )
    assert problem(r, 422)["errors"][0]["field"] == "delegate_id"


# --- a second replica ----------------------------------------------------------------------


async def test_changes_on_one_replica_are_seen_at_once_by_another(
    settings: Settings, redis_url: str
) -> None:
    async with (
        app_instance(settings, redis_url) as a,
        app_instance(settings, redis_url) as b,
    ):
        await a.ask(m.EnsureAdmin("correct horse battery"))
        admin = await a.login("admin")
        bob = await a.user("bob", roles=["viewer"])
        token = await a.token(bob.id)
        on_b = await b.bearer(token)
        assert await permissions(on_b) == {
            "project:read",
            "pipeline:read",
            "deploy:read",
            "observe:read",
        }
        # B really answers from the shared cache: a change that bypasses the identity
        # service goes unseen there...
        await a.pool.execute("DELETE FROM role_assignments WHERE user_id = $1", bob.id)
        assert "project:read" in await permissions(on_b)
        # ...while changes made through A are seen by B at once.
        r = await admin.post(
            "/api/admin/roles", json={"name": "release", "permissions": ["deploy:promote"]}
        )
        role_id = r.json()["id"]
        r = await admin.post(
            "/api/admin/role-assignments", json={"user_id": str(bob.id), "role": "release"}
        )
        assert r.status_code == 201
        assert await permissions(on_b) == {"deploy:promote"}
        r = await admin.patch(f"/api/admin/roles/{role_id}", json={"permissions": ["secret:read"]})
        assert r.status_code == 200
        assert await permissions(on_b) == {"secret:read"}
        [listed] = (await on_b.get("/api/user/tokens")).json()
        assert (
            await (await a.bearer(token)).delete(f"/api/user/tokens/{listed['id']}")
        ).status_code == 204
        problem(await on_b.get("/api/user"), 401)


async def test_an_agent_token_is_narrowed_within_what_was_delegated(identity: Identity) -> None:
    await identity.user("ada", roles=["developer"])
    bot = await identity.user("bot", kind=m.UserKind.AGENT, password=None)
    ada = await identity.login("ada")
    assert (await delegate(ada, bot.id, "pipeline:run", "issue:write")).status_code == 201
    narrow = await identity.bearer(await identity.token(bot.id, ["pipeline:run", "project:read"]))
    assert await permissions(narrow) == {"pipeline:run"}


async def test_a_delegation_revoked_on_one_replica_stops_at_once_on_another(
    settings: Settings, redis_url: str
) -> None:
    async with (
        app_instance(settings, redis_url) as a,
        app_instance(settings, redis_url) as b,
    ):
        await a.user("ada", roles=["developer"])
        bot = await a.user("bot", kind=m.UserKind.AGENT, password=None)
        ada = await a.login("ada")
        created = (await delegate(ada, bot.id, "pipeline:run")).json()
        on_b = await b.bearer(await b.token(bot.id))
        assert await permissions(on_b) == {"pipeline:run"}
        assert (await ada.delete(f"/api/delegations/{created['id']}")).status_code == 204
        assert await permissions(on_b) == set()
        # And the delegator's loss of the permission, made on A, is seen on B too.
        created = (await delegate(ada, bot.id, "pipeline:run")).json()
        assert await permissions(on_b) == {"pipeline:run"}
        [assignment] = await a.ask(m.ListAssignments(None))
        await a.ask(m.UnassignRole(assignment.id, SYSTEM))
        assert await permissions(on_b) == set()
