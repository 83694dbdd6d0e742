"""``GET /api/user/merge-requests``: my merge requests across every project I can read."""

from __future__ import annotations

from typing import Any

import httpx

from dais.actors.identity import messages as im
from dais.actors.projects import messages as pm

from .conftest import Bare, MakeUser, Setup

_MINE = "/api/user/merge-requests"
_AUDIT = im.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)


async def _mine(client: httpx.AsyncClient, auth: dict[str, str], **params: Any) -> list[Any]:
    r = await client.get(_MINE, params=params, headers=auth)
    assert r.status_code == 200, r.text
    items: list[Any] = r.json()
    assert int(r.headers["x-total-count"]) >= len(items)
    return items


def _names(items: list[Any]) -> list[tuple[str, int]]:
    return [(mr["project_path"], mr["iid"]) for mr in items]


async def _branch(setup: Setup, repo: Bare, name: str) -> None:
    main = repo.head("main")
    repo.branch(name, repo.commit(main, {name: f"{name}\n"}, name))


async def test_my_merge_requests_by_scope_state_and_access(
    setup: Setup, make_user: MakeUser, client: httpx.AsyncClient
) -> None:
    bob = await setup.member(make_user, "bob", "developer")
    bob_id = await setup.services.pool.fetchval("SELECT id FROM users WHERE username = 'bob'")
    # dave's public project, where bob develops too.
    _dave, dave_auth = await make_user("dave")
    r = await client.post(
        "/api/projects",
        json={"name": "lib", "visibility": "public", "initialize_with_readme": True},
        headers=dave_auth,
    )
    assert r.status_code == 201, r.text
    lib = r.json()
    r = await client.post(
        f"/api/projects/{lib['id']}/members",
        json={"user_id": str(bob_id), "role": "developer"},
        headers=dave_auth,
    )
    assert r.status_code == 201
    lib_repo = Bare(pm.repository_path(setup.services.settings.data_dir, int(lib["id"])))
    for name in ("authored", "assigned", "review", "other", "merged"):
        await _branch(setup, setup.repo, name)
    await _branch(setup, lib_repo, "public")
    # In alice/web (private): one bob wrote, one he is assigned, one he reviews, one that is
    # none of his business, one he wrote that is merged.
    authored = await setup.open(bob, source_branch="authored", title="by bob")
    assigned = await setup.open(source_branch="assigned", assignees=["bob"])
    review = await setup.open(source_branch="review", reviewers=["bob"])
    await setup.open(source_branch="other")
    merged = await setup.open(bob, source_branch="merged", title="merged")
    r = await client.post(f"{setup.base}/{merged['iid']}/merge", json={}, headers=setup.alice_auth)
    assert r.status_code == 200, r.text
    r = await client.post(
        f"/api/projects/{lib['id']}/merge-requests",
        json={"source_branch": "public", "title": "in lib"},
        headers=bob,
    )
    assert r.status_code == 201, r.text
    # The one bob authored is touched last: most recently updated first.
    r = await client.patch(
        f"{setup.base}/{authored['iid']}", json={"title": "by bob, edited"}, headers=bob
    )
    assert r.status_code == 200

    everything = await _mine(client, bob)
    assert _names(everything) == [
        ("alice/web", authored["iid"]),
        ("dave/lib", 1),
        ("alice/web", review["iid"]),
        ("alice/web", assigned["iid"]),
    ]
    assert everything[0]["title"] == "by bob, edited" and everything[0]["mergeable"] is True
    assert everything[0] == (await setup.get(authored["iid"])) | {"project_path": "alice/web"}
    assert _names(await _mine(client, bob, scope="authored")) == [
        ("alice/web", authored["iid"]),
        ("dave/lib", 1),
    ]
    assert _names(await _mine(client, bob, scope="assigned")) == [("alice/web", assigned["iid"])]
    assert _names(await _mine(client, bob, scope="review_requested")) == [
        ("alice/web", review["iid"])
    ]
    assert _names(await _mine(client, bob, state="merged")) == [("alice/web", merged["iid"])]
    assert len(await _mine(client, bob, state="all")) == 5
    assert _names(await _mine(client, bob, per_page=1)) == [("alice/web", authored["iid"])]
    assert _names(await _mine(client, setup.alice_auth, scope="authored")) == [
        ("alice/web", 4),
        ("alice/web", review["iid"]),
        ("alice/web", assigned["iid"]),
    ]
    # A token that may not read projects sees the public project's only.
    _record, token = await setup.services.system.ref("identity").ask(
        im.CreateToken(bob_id, "narrow", frozenset({"observe:read"}), None, _AUDIT)
    )
    narrow = {"Authorization": f"Bearer {token}"}
    assert _names(await _mine(client, narrow)) == [("dave/lib", 1)]
    # bob leaves alice/web: its merge requests are no longer his to see, not even titles.
    members = (
        await client.get(f"/api/projects/{setup.project['id']}/members", headers=setup.alice_auth)
    ).json()
    [membership] = [m for m in members if m["user_id"] == str(bob_id)]
    r = await client.delete(
        f"/api/projects/{setup.project['id']}/members/{membership['id']}",
        headers=setup.alice_auth,
    )
    assert r.status_code == 204, r.text
    assert _names(await _mine(client, bob, state="all")) == [("dave/lib", 1)]
    r = await client.get(_MINE, headers=bob)
    assert "alice/web" not in r.text and "by bob" not in r.text


async def test_bad_queries_and_anonymous_callers(setup: Setup, client: httpx.AsyncClient) -> None:
    assert (await client.get(_MINE)).status_code == 401
    for params in ({"scope": "everyone"}, {"state": "draft"}, {"per_page": 0}, {"per_page": 101}):
        r = await client.get(_MINE, params=params, headers=setup.alice_auth)
        assert r.status_code == 400, (params, r.text)
        assert next(iter(params)) in r.text
    assert await _mine(client, setup.alice_auth) == []
