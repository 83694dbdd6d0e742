"""A token may be scoped only to what its owner may do somewhere: globally, on a project
through a role, or through a delegation; ``*`` always."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import MakeUser

from .conftest import problem


async def create(
    client: httpx.AsyncClient, auth: dict[str, str], *scopes: str, name: str = "new"
) -> httpx.Response:
    return await client.post(
        "/api/user/tokens", json={"name": name, "scopes": list(scopes)}, headers=auth
    )


async def tokens(client: httpx.AsyncClient, auth: dict[str, str]) -> list[Any]:
    r = await client.get("/api/user/tokens", headers=auth)
    assert r.status_code == 200, r.text
    listed: list[Any] = r.json()
    return listed


async def refused(
    client: httpx.AsyncClient, auth: dict[str, str], *scopes: str
) -> list[dict[str, str]]:
    """Ask for a token with ``scopes``, expect a 422 and no new token; return its errors."""
    before = await tokens(client, auth)
    body = problem(await create(client, auth, *scopes), 422)
    assert await tokens(client, auth) == before
    errors: list[dict[str, str]] = body["errors"]
    return errors


async def test_scopes_held_nowhere_are_refused_each_by_name(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _ada, ada = await make_user("ada")
    errors = await refused(client, ada, "project:read", "admin:users", "secret:write")
    assert errors == [{"field": "scopes", "rule": "you do not hold secret:write, admin:users"}]
    assert await refused(client, ada, "deploy:promote") == [
        {"field": "scopes", "rule": "you do not hold deploy:promote"}
    ]


async def test_everything_and_what_any_user_may_do_are_allowed(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _ada, ada = await make_user("ada")
    assert (await create(client, ada, "*")).status_code == 201
    # With no role at all: read public and internal projects, create projects, comment.
    r = await create(client, ada, "project:read", "project:write", "issue:write")
    assert r.status_code == 201, r.text
    scoped = {"Authorization": f"Bearer {r.json()['token']}"}
    made = await client.post("/api/projects", json={"name": "web"}, headers=scoped)
    assert made.status_code == 201, made.text
    assert len(await tokens(client, ada)) == 3


async def test_a_role_on_one_project_is_enough(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _ada, ada = await make_user("ada")
    _bob, bob = await make_user("bob")
    r = await client.post("/api/projects", json={"name": "web"}, headers=ada)
    assert r.status_code == 201, r.text  # ada maintains ada/web, and nothing else
    r = await create(client, ada, "secret:write", "merge_request:merge")
    assert r.status_code == 201, r.text
    assert r.json()["scopes"] == ["merge_request:merge", "secret:write"]
    assert await refused(client, ada, "secret:write", "admin:roles") == [
        {"field": "scopes", "rule": "you do not hold admin:roles"}
    ]
    assert await refused(client, bob, "secret:write") == [
        {"field": "scopes", "rule": "you do not hold secret:write"}
    ]


async def test_a_global_role_and_administrators(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _root, root = await make_user("root", admin=True)
    ops_user, ops = await make_user("ops")
    assert await refused(client, ops, "deploy:promote") == [
        {"field": "scopes", "rule": "you do not hold deploy:promote"}
    ]
    r = await client.post(
        "/api/admin/role-assignments",
        json={"user_id": str(ops_user.id), "role": "ops"},
        headers=root,
    )
    assert r.status_code == 201, r.text
    assert (await create(client, ops, "deploy:promote", "secret:write")).status_code == 201
    # Ops sets secrets but does not read them back (only admin and maintainer do).
    assert await refused(client, ops, "secret:read") == [
        {"field": "scopes", "rule": "you do not hold secret:read"}
    ]
    assert await refused(client, ops, "admin:platform") == [
        {"field": "scopes", "rule": "you do not hold admin:platform"}
    ]
    # An administrator holds everything.
    r = await create(client, root, "admin:users", "admin:roles", "admin:platform")
    assert r.status_code == 201, r.text


async def test_a_delegation_in_force_counts(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _ada, ada = await make_user("ada")
    bot_user, bot = await make_user("ada-bot")
    r = await client.post("/api/projects", json={"name": "web"}, headers=ada)
    assert r.status_code == 201, r.text
    project_id = r.json()["id"]
    assert await refused(client, bot, "secret:read") == [
        {"field": "scopes", "rule": "you do not hold secret:read"}
    ]
    r = await client.post(
        "/api/delegations",
        json={
            "delegate_id": str(bot_user.id),
            "permissions": ["secret:read"],
            "project_id": project_id,
        },
        headers=ada,
    )
    assert r.status_code == 201, r.text
    delegation = r.json()["id"]
    assert (await create(client, bot, "secret:read")).status_code == 201
    # Only what was delegated, and only while it is in force.
    assert await refused(client, bot, "secret:write") == [
        {"field": "scopes", "rule": "you do not hold secret:write"}
    ]
    r = await client.delete(f"/api/delegations/{delegation}", headers=ada)
    assert r.status_code == 204, r.text
    assert await refused(client, bot, "secret:read") == [
        {"field": "scopes", "rule": "you do not hold secret:read"}
    ]
