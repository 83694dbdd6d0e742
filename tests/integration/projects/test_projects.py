"""Projects over HTTP: create with a repository, visibility, updates, members, delete."""

from __future__ import annotations

import subprocess
from typing import Any

import httpx

from dais.actors.projects.messages import repository_path

from .conftest import MakeUser


def _git(repo: Any, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


async def test_create_makes_a_bare_repository_with_a_readme(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, auth = await make_user("alice")
    r = await client.post(
        "/api/projects",
        json={
            "name": "web",
            "description": "The site",
            "initialize_with_readme": True,
            "default_branch": "trunk",
        },
        headers=auth,
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["path"] == "alice/web" and body["visibility"] == "private"
    assert body["http_url"].endswith("/alice/web.git")
    repo = repository_path(services.settings.data_dir, int(body["id"]))
    assert _git(repo, "rev-parse", "--is-bare-repository").strip() == "true"
    assert _git(repo, "ls-tree", "--name-only", "trunk").split() == ["README.md"]
    assert "The site" in _git(repo, "show", "trunk:README.md")
    _git(repo, "fsck", "--strict")

    empty = await client.post("/api/projects", json={"name": "empty"}, headers=auth)
    repo = repository_path(services.settings.data_dir, int(empty.json()["id"]))
    assert _git(repo, "for-each-ref").strip() == ""


async def test_get_by_id_and_by_encoded_path(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, auth = await make_user("alice")
    made = (await client.post("/api/projects", json={"name": "web"}, headers=auth)).json()
    by_id = await client.get(f"/api/projects/{made['id']}", headers=auth)
    by_path = await client.get("/api/projects/alice%2Fweb", headers=auth)
    assert by_id.status_code == by_path.status_code == 200
    assert by_id.json() == by_path.json()
    members = await client.get("/api/projects/alice%2Fweb/members", headers=auth)
    assert [x["role"] for x in members.json()] == ["maintainer"]


async def test_visibility(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    _bob, bob = await make_user("bob")
    for name, visibility in (("pub", "public"), ("int", "internal"), ("priv", "private")):
        r = await client.post(
            "/api/projects", json={"name": name, "visibility": visibility}, headers=alice
        )
        assert r.status_code == 201
    # Anonymous: public only; a private project is not revealed.
    assert (await client.get("/api/projects/alice%2Fpub")).status_code == 200
    assert (await client.get("/api/projects/alice%2Fint")).status_code == 401
    assert (await client.get("/api/projects/alice%2Fpriv")).status_code == 401
    listed = (await client.get("/api/projects")).json()
    assert [p["path"] for p in listed] == ["alice/pub"]
    # Another signed-in user: public and internal; private is a 404 like a missing one.
    assert (await client.get("/api/projects/alice%2Fint", headers=bob)).status_code == 200
    hidden = await client.get("/api/projects/alice%2Fpriv", headers=bob)
    missing = await client.get("/api/projects/alice%2Fnope", headers=bob)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"] == "project alice/priv does not exist"
    listed = (await client.get("/api/projects", headers=bob)).json()
    assert sorted(p["path"] for p in listed) == ["alice/int", "alice/pub"]
    # The owner sees all three.
    r = await client.get("/api/projects", headers=alice)
    assert len(r.json()) == 3 and r.headers["x-total-count"] == "3"
    # So does an administrator, who is no member; a scoped admin token sees what bob sees.
    _root, root = await make_user("root", admin=True)
    listed = (await client.get("/api/projects", headers=root)).json()
    assert sorted(p["path"] for p in listed) == ["alice/int", "alice/priv", "alice/pub"]
    _scoped, scoped = await make_user("scoped", admin=True, scopes=frozenset({"project:read"}))
    listed = (await client.get("/api/projects", params={"q": "p"}, headers=scoped)).json()
    assert sorted(p["path"] for p in listed) == ["alice/pub"]


async def test_members_grant_access_and_admin_rights(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    bob, bob_auth = await make_user("bob")
    await client.post("/api/projects", json={"name": "priv"}, headers=alice)
    assert (await client.get("/api/projects/alice%2Fpriv", headers=bob_auth)).status_code == 404
    added = await client.post(
        "/api/projects/alice%2Fpriv/members",
        json={"user_id": str(bob.id), "role": "developer"},
        headers=alice,
    )
    assert added.status_code == 201, added.text
    assert (await client.get("/api/projects/alice%2Fpriv", headers=bob_auth)).status_code == 200
    # A developer is not a project admin.
    r = await client.patch(
        "/api/projects/alice%2Fpriv", json={"description": "x"}, headers=bob_auth
    )
    assert r.status_code == 403
    r = await client.post(
        "/api/projects/alice%2Fpriv/members",
        json={"user_id": str(bob.id), "role": "admin"},
        headers=alice,
    )
    assert r.status_code == 422
    removed = await client.delete(
        f"/api/projects/alice%2Fpriv/members/{added.json()['id']}", headers=alice
    )
    assert removed.status_code == 204
    assert (await client.get("/api/projects/alice%2Fpriv", headers=bob_auth)).status_code == 404


async def test_update_and_archive(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    await client.post("/api/projects", json={"name": "web"}, headers=alice)
    r = await client.patch(
        "/api/projects/alice%2Fweb",
        json={"name": "site", "visibility": "public", "archived": True},
        headers=alice,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["path"], r.json()["visibility"], r.json()["archived"]) == (
        "alice/site",
        "public",
        True,
    )
    assert (await client.get("/api/projects/alice%2Fweb", headers=alice)).status_code == 404


async def test_delete_removes_the_repository(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, alice = await make_user("alice")
    made = (await client.post("/api/projects", json={"name": "web"}, headers=alice)).json()
    repo = repository_path(services.settings.data_dir, int(made["id"]))
    assert repo.exists()
    assert (await client.delete("/api/projects/alice%2Fweb", headers=alice)).status_code == 204
    assert not repo.exists()
    assert (await client.get(f"/api/projects/{made['id']}", headers=alice)).status_code == 404
    kinds = await services.pool.fetch("SELECT kind FROM events ORDER BY id")
    assert [k["kind"] for k in kinds] == ["project.created", "project.deleted"]


async def test_bad_input(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    cases = [
        ({"name": "../etc"}, 422, "name"),
        ({"name": "a/b"}, 422, "name"),
        ({"name": "x.git"}, 422, "name"),
        ({"name": "ok", "default_branch": "bad..branch"}, 422, "default_branch"),
        ({"name": "ok", "default_branch": "-x"}, 422, "default_branch"),
        ({"name": "ok", "visibility": "secret"}, 422, "visibility"),
        ({"name": "ok", "extra": 1}, 422, "extra"),
    ]
    for body, status, field in cases:
        r = await client.post("/api/projects", json=body, headers=alice)
        assert r.status_code == status, (body, r.text)
        assert field in r.json()["detail"], (body, r.json())
    await client.post("/api/projects", json={"name": "dup"}, headers=alice)
    r = await client.post("/api/projects", json={"name": "dup"}, headers=alice)
    assert r.status_code == 409
    assert (await client.post("/api/projects", json={"name": "anon"})).status_code == 401


async def test_token_scope_limits_project_creation(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _carol, carol = await make_user("carol", scopes=frozenset({"project:read"}))
    r = await client.post("/api/projects", json={"name": "web"}, headers=carol)
    assert r.status_code == 403 and "project:write" in r.json()["detail"]


async def test_deleting_a_project_drops_its_grants(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    import anyio

    _alice, alice = await make_user("alice")
    made = (await client.post("/api/projects", json={"name": "web"}, headers=alice)).json()
    project_id = int(made["id"])

    async def grants() -> int:
        count: int = await services.pool.fetchval(
            "SELECT count(*) FROM role_assignments WHERE project_id = $1", project_id
        )
        return count

    assert await grants() == 1  # the creator's maintainer role
    await client.delete("/api/projects/alice%2Fweb", headers=alice)
    with anyio.fail_after(15):  # delivered by the event dispatcher's identity subscriber
        while await grants():  # noqa: ASYNC110 - polls a row, no event to wait on
            await anyio.sleep(0.1)


async def test_history_paging_depth_is_bounded(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    await client.post(
        "/api/projects", json={"name": "web", "initialize_with_readme": True}, headers=alice
    )
    base = "/api/projects/alice%2Fweb/repository/commits"
    assert (await client.get(base, params={"page": 1}, headers=alice)).status_code == 200
    # Past 10,000 commits back a page is empty, as past the last one: nothing walks there.
    deep = await client.get(base, params={"page": 101, "per_page": 100}, headers=alice)
    assert deep.status_code == 200 and deep.json() == []
    assert deep.headers["x-total-count"] == "1"
