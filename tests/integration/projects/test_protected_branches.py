"""Protected branch rules over HTTP (enforcement in pushes lives with the git server)."""

from __future__ import annotations

import httpx

from .conftest import MakeUser


async def test_rule_crud(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    await client.post("/api/projects", json={"name": "web"}, headers=alice)
    base = "/api/projects/alice%2Fweb/protected-branches"
    made = await client.post(
        base,
        json={"pattern": "release/*", "allow_force_push": True, "required_approvals": 2},
        headers=alice,
    )
    assert made.status_code == 201, made.text
    rule = made.json()
    assert rule["push_roles"] == ["maintainer"]
    assert rule["merge_roles"] == ["developer", "maintainer"]
    listed = (await client.get(base, headers=alice)).json()
    assert [r["pattern"] for r in listed] == ["release/*"]
    changed = await client.patch(
        f"{base}/{rule['id']}", json={"push_roles": [], "allow_deletion": True}, headers=alice
    )
    assert changed.status_code == 200
    assert changed.json()["push_roles"] == [] and changed.json()["allow_deletion"] is True
    dup = await client.post(base, json={"pattern": "release/*"}, headers=alice)
    assert dup.status_code == 409
    assert (await client.delete(f"{base}/{rule['id']}", headers=alice)).status_code == 204
    assert (await client.get(base, headers=alice)).json() == []
    assert (await client.delete(f"{base}/{rule['id']}", headers=alice)).status_code == 404


async def test_rules_need_project_admin_and_valid_input(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    bob, bob_auth = await make_user("bob")
    await client.post(
        "/api/projects", json={"name": "web", "visibility": "internal"}, headers=alice
    )
    base = "/api/projects/alice%2Fweb/protected-branches"
    assert (await client.get(base, headers=bob_auth)).status_code == 200  # may read
    r = await client.post(base, json={"pattern": "main"}, headers=bob_auth)
    assert r.status_code == 403
    assert (await client.post(base, json={"pattern": "main"})).status_code == 401
    for body, field in (
        ({"pattern": "bad..name"}, "pattern"),
        ({"pattern": "main", "push_roles": ["wizard"]}, "push_roles"),
        ({"pattern": "main", "required_approvals": 99}, "required_approvals"),
        ({"pattern": ""}, "pattern"),
    ):
        r = await client.post(base, json=body, headers=alice)
        assert r.status_code == 422, (body, r.text)
        assert field in r.json()["detail"]
