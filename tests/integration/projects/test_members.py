"""Members, as Gitea and GitLab keep them: added by user id or username, one role each."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import MakeUser


async def test_members_by_username_and_one_role_each(
    client: httpx.AsyncClient, services: Any, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    bob, _ = await make_user("bob")
    r = await client.post("/api/projects", json={"name": "web"}, headers=alice)
    assert r.status_code == 201
    members = "/api/projects/alice%2Fweb/members"
    r = await client.post(members, json={"username": "bob", "role": "viewer"}, headers=alice)
    assert r.status_code == 201, r.text
    assert (r.json()["username"], r.json()["role"]) == ("bob", "viewer")
    # Again, with another role (and by id this time): the role changes, no second row.
    r = await client.post(
        members, json={"user_id": str(bob.id), "role": "developer"}, headers=alice
    )
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "developer"
    # And the same role once more: nothing changes.
    same = await client.post(members, json={"username": "bob", "role": "developer"}, headers=alice)
    assert same.status_code == 200 and same.json()["id"] == r.json()["id"]
    listed = await client.get(members, headers=alice)
    assert sorted((m["username"], m["role"]) for m in listed.json()) == [
        ("alice", "maintainer"),
        ("bob", "developer"),
    ]
    assert listed.headers["x-total-count"] == "2"
    held = await services.pool.fetchval(
        "SELECT count(*) FROM role_assignments WHERE user_id = $1", bob.id
    )
    assert held == 1
    audit = await services.pool.fetch(
        "SELECT details::text AS d FROM audit_log WHERE action = 'member.set' ORDER BY id"
    )
    assert len(audit) == 2 and '"previous_roles": ["viewer"]' in audit[1]["d"]


async def test_a_member_must_be_named_once_and_exist(
    client: httpx.AsyncClient, services: Any, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    bob, _ = await make_user("bob")
    assert (await client.post("/api/projects", json={"name": "web"}, headers=alice)).is_success
    members = "/api/projects/alice%2Fweb/members"
    for body, status, field in (
        ({"role": "viewer"}, 422, "user_id"),
        ({"user_id": str(bob.id), "username": "bob", "role": "viewer"}, 422, "user_id"),
        ({"username": "Bob!", "role": "viewer"}, 422, "username"),
        ({"username": "nobody", "role": "viewer"}, 404, None),
        ({"username": "bob", "role": "wizard"}, 422, "role"),
        ({"username": "bob", "role": "admin"}, 422, "role"),
    ):
        r = await client.post(members, json=body, headers=alice)
        assert r.status_code == status, (body, r.text)
        if field:
            assert r.json()["errors"][0]["field"] == field, r.text
    held = await services.pool.fetchval(
        "SELECT count(*) FROM role_assignments WHERE user_id = $1", bob.id
    )
    assert held == 0
