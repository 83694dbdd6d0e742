"""Project reads are cached per process (dais.actors.projects.cache); a change must still
show on the very next request, on this replica and on every other one sharing Redis."""

from __future__ import annotations

from typing import Any

import httpx

from dais.actors.identity import messages as im
from tests.conftest import MakeUser
from tests.integration.identity.conftest import Identity, app_instance

from .conftest import AUDIT


async def _project(
    client: httpx.AsyncClient, auth: dict[str, str], name: str = "web", visibility: str = "public"
) -> dict[str, Any]:
    r = await client.post(
        "/api/projects", json={"name": name, "visibility": visibility}, headers=auth
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


async def test_rename_visibility_archive_and_delete_show_at_once(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    _eve, eve = await make_user("eve")
    p = await _project(client, alice)
    by_id = f"/api/projects/{p['id']}"
    # Warm every way of reading it, as the owner, a stranger and anonymously.
    for headers in (alice, eve, {}):
        assert (await client.get(by_id, headers=headers)).status_code == 200
        assert (await client.get("/api/projects/alice%2Fweb", headers=headers)).status_code == 200

    r = await client.patch(by_id, json={"name": "site"}, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.get(by_id, headers=eve)).json()["path"] == "alice/site"
    assert (await client.get("/api/projects/alice%2Fweb", headers=eve)).status_code == 404
    r = await client.get("/api/projects/alice%2Fsite", headers=eve)
    assert r.status_code == 200 and r.json()["name"] == "site"

    r = await client.patch(by_id, json={"archived": True}, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.get(by_id, headers=eve)).json()["archived"] is True

    r = await client.patch(by_id, json={"merge_strategies": ["squash"]}, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.get(by_id, headers=eve)).json()["merge_strategies"] == ["squash"]

    r = await client.patch(by_id, json={"visibility": "private"}, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.get(by_id, headers=eve)).status_code == 404
    assert (await client.get("/api/projects/alice%2Fsite", headers=eve)).status_code == 404
    assert (await client.get(f"{by_id}/issues", headers=eve)).status_code == 404
    assert (await client.get(by_id, headers={})).status_code == 401
    assert (await client.get(by_id, headers=alice)).json()["visibility"] == "private"

    r = await client.patch(by_id, json={"visibility": "public"}, headers=alice)
    assert r.status_code == 200, r.text
    assert (await client.get(by_id, headers=eve)).status_code == 200

    assert (await client.delete(by_id, headers=alice)).status_code == 204
    for headers in (alice, eve):
        assert (await client.get(by_id, headers=headers)).status_code == 404
        r = await client.get("/api/projects/alice%2Fsite", headers=headers)
        assert r.status_code == 404
    # A new project may take the old path at once.
    again = await _project(client, alice, name="site")
    r = await client.get("/api/projects/alice%2Fsite", headers=eve)
    assert r.status_code == 200 and r.json()["id"] == again["id"]


async def test_membership_changes_show_at_once(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    bob, bob_auth = await make_user("bob")
    p = await _project(client, alice, visibility="private")
    by_id = f"/api/projects/{p['id']}"
    assert (await client.get(by_id, headers=bob_auth)).status_code == 404
    r = await client.post(
        f"{by_id}/members", json={"user_id": str(bob.id), "role": "viewer"}, headers=alice
    )
    assert r.status_code == 201, r.text
    assert (await client.get(by_id, headers=bob_auth)).status_code == 200
    member = r.json()["id"]
    r = await client.delete(f"{by_id}/members/{member}", headers=alice)
    assert r.status_code == 204, r.text
    assert (await client.get(by_id, headers=bob_auth)).status_code == 404


async def test_an_owner_rename_moves_the_path_at_once(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    alice_user, alice = await make_user("alice")
    p = await _project(client, alice)
    assert (await client.get("/api/projects/alice%2Fweb")).status_code == 200
    await services.ask(
        services.system.ref("identity"),
        im.UpdateUser(alice_user.id, {"username": "alicia"}, AUDIT, by_admin=True),
    )
    assert (await client.get(f"/api/projects/{p['id']}")).json()["path"] == "alicia/web"
    assert (await client.get("/api/projects/alice%2Fweb")).status_code == 401  # anonymous
    assert (await client.get("/api/projects/alicia%2Fweb")).status_code == 200


async def test_changes_show_at_once_on_every_replica(settings: Any, redis_url: str) -> None:
    async with app_instance(settings, redis_url) as a, app_instance(settings, redis_url) as b:
        clients = await _two(a, b)
        (ca, alice_a), (cb, alice_b), (_, eve_b) = clients
        p = await _project(ca, alice_a)
        by_id = f"/api/projects/{p['id']}"
        for c, who in ((ca, alice_a), (cb, alice_b), (cb, eve_b)):
            assert (await c.get(by_id, headers=who)).status_code == 200
            assert (await c.get("/api/projects/alice%2Fweb", headers=who)).status_code == 200

        r = await ca.patch(by_id, json={"name": "site"}, headers=alice_a)
        assert r.status_code == 200, r.text
        assert (await cb.get(by_id, headers=eve_b)).json()["path"] == "alice/site"
        assert (await cb.get("/api/projects/alice%2Fweb", headers=eve_b)).status_code == 404

        r = await ca.patch(by_id, json={"archived": True}, headers=alice_a)
        assert (await cb.get(by_id, headers=eve_b)).json()["archived"] is True

        r = await ca.patch(by_id, json={"visibility": "private"}, headers=alice_a)
        assert r.status_code == 200, r.text
        assert (await cb.get(by_id, headers=eve_b)).status_code == 404
        assert (await cb.get(f"{by_id}/issues", headers=eve_b)).status_code == 404
        assert (await cb.get(by_id, headers=alice_b)).status_code == 200

        assert (await ca.delete(by_id, headers=alice_a)).status_code == 204
        assert (await cb.get(by_id, headers=alice_b)).status_code == 404
        assert (await cb.get("/api/projects/alice%2Fsite", headers=alice_b)).status_code == 404


async def _two(a: Identity, b: Identity) -> list[tuple[httpx.AsyncClient, dict[str, str]]]:
    """alice's client on each replica, and eve's (a stranger) on the second."""
    alice = await a.user("alice")
    eve = await a.user("eve")
    alice_token = {"Authorization": f"Bearer {await a.token(alice.id)}"}
    eve_token = {"Authorization": f"Bearer {await a.token(eve.id)}"}
    return [
        (await a.client(), alice_token),
        (await b.client(), alice_token),
        (await b.client(), eve_token),
    ]
