"""GET /api/user/issues: my issues across every project I may read, and only those."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import Team


async def _mine(c: httpx.AsyncClient, auth: dict[str, str], query: str = "") -> list[Any]:
    r = await c.get(f"/api/user/issues{query}", headers=auth)
    assert r.status_code == 200, r.text
    found: list[Any] = r.json()
    return found


def _seen(items: list[Any]) -> list[tuple[str, int]]:
    return [(i["project_path"], i["iid"]) for i in items]


async def _project(c: httpx.AsyncClient, auth: dict[str, str], name: str, visibility: str) -> str:
    r = await c.post("/api/projects", json={"name": name, "visibility": visibility}, headers=auth)
    assert r.status_code == 201, r.text
    return f"/api/projects/{r.json()['id']}"


async def _issue(c: httpx.AsyncClient, base: str, auth: dict[str, str], **fields: Any) -> None:
    r = await c.post(f"{base}/issues", json=fields, headers=auth)
    assert r.status_code == 201, r.text


async def test_authored_and_assigned_across_projects_most_recent_first(team: Team) -> None:
    c, alice, bob, eve = team.client, team.auth["alice"], team.auth["bob"], team.auth["eve"]
    await team.issue("bob", title="bob's own")  # alice/web#1
    await team.issue("alice", title="for bob", assignees=["bob"])  # alice/web#2
    await team.issue("alice", title="not bob's")  # alice/web#3
    public = await _project(c, eve, "pub", "public")
    await _issue(c, public, eve, title="eve asks bob", assignees=["bob"])  # eve/pub#1
    internal = await _project(c, alice, "intra", "internal")
    await _issue(c, internal, alice, title="internal", assignees=["bob"])  # alice/intra#1
    await team.issue("bob", title="done already")  # alice/web#4
    r = await c.patch(team.url("/issues/4"), json={"state": "closed"}, headers=bob)
    assert r.status_code == 200
    r = await c.patch(team.url("/issues/1"), json={"title": "bob's own, edited"}, headers=bob)
    assert r.status_code == 200

    items = await _mine(c, bob)
    assert _seen(items) == [
        ("alice/web", 1),  # edited last
        ("alice/intra", 1),
        ("eve/pub", 1),
        ("alice/web", 2),
    ]
    first = items[0]
    assert first["title"] == "bob's own, edited" and first["author"]["username"] == "bob"
    assert first["project_id"] == team.project_id
    shown = (await c.get(team.url("/issues/1"), headers=bob)).json()
    assert {k: v for k, v in first.items() if k != "project_path"} == shown

    assert _seen(await _mine(c, bob, "?scope=authored")) == [("alice/web", 1)]
    assert _seen(await _mine(c, bob, "?scope=authored&state=closed")) == [("alice/web", 4)]
    assert _seen(await _mine(c, bob, "?scope=authored&state=all")) == [
        ("alice/web", 1),
        ("alice/web", 4),
    ]
    assert _seen(await _mine(c, bob, "?scope=assigned")) == [
        ("alice/intra", 1),
        ("eve/pub", 1),
        ("alice/web", 2),
    ]
    assert _seen(await _mine(c, bob, "?per_page=2")) == [("alice/web", 1), ("alice/intra", 1)]
    # alice wrote #2, #3 and the internal one; bob's issues are not hers.
    assert _seen(await _mine(c, alice, "?scope=authored")) == [
        ("alice/intra", 1),
        ("alice/web", 3),
        ("alice/web", 2),
    ]
    assert await _mine(c, team.auth["vera"]) == []

    # Written by bob and assigned to him: listed once, under either scope.
    await team.issue("bob", title="mine twice", assignees=["bob"])  # alice/web#5
    assert _seen(await _mine(c, bob, "?per_page=2")) == [("alice/web", 5), ("alice/web", 1)]
    assert _seen(await _mine(c, bob, "?scope=assigned&per_page=1")) == [("alice/web", 5)]
    assert _seen(await _mine(c, bob, "?scope=authored&per_page=1")) == [("alice/web", 5)]
    assert len(await _mine(c, bob, "?state=all&per_page=100")) == 6


async def test_a_private_projects_issues_leave_with_access(team: Team, services: Any) -> None:
    c, alice, bob, eve = team.client, team.auth["alice"], team.auth["bob"], team.auth["eve"]
    await team.issue("bob", title="bob's own")
    await team.issue("alice", title="for bob", assignees=["bob"])
    public = await _project(c, eve, "pub", "public")
    await _issue(c, public, eve, title="eve asks bob", assignees=["bob"])
    assert _seen(await _mine(c, bob)) == [("eve/pub", 1), ("alice/web", 2), ("alice/web", 1)]

    members = (await c.get(team.url("/members"), headers=alice)).json()
    [membership] = [m for m in members if m["user_id"] == str(team.users["bob"].id)]
    r = await c.delete(team.url(f"/members/{membership['id']}"), headers=alice)
    assert r.status_code == 204, r.text
    # bob still wrote #1 and is still assigned #2, but may no longer read alice/web.
    assert (await c.get(team.url("/issues/1"), headers=bob)).status_code == 404
    for query in ("", "?scope=authored", "?scope=assigned", "?state=all"):
        assert all(i["project_path"] == "eve/pub" for i in await _mine(c, bob, query)), query
    assert _seen(await _mine(c, bob)) == [("eve/pub", 1)]
    # Nor does a project made private later show to outsiders.
    r = await c.patch(public, json={"visibility": "private"}, headers=eve)
    assert r.status_code == 200, r.text
    assert await _mine(c, bob) == []
    # An administrator sees every project.
    _root, root = await team_admin(services)
    r = await c.post(team.url("/issues"), json={"title": "admin's"}, headers=root)
    assert r.status_code == 201
    assert _seen(await _mine(c, root)) == [("alice/web", 3)]


async def team_admin(services: Any) -> tuple[Any, dict[str, str]]:
    from dais.actors.identity import messages as m

    audit = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
    identity = services.system.ref("identity")
    user = await identity.ask(
        m.CreateUser(m.UserKind.HUMAN, "root", "root@example.com", "Root", None, True, audit)
    )
    _record, token = await identity.ask(m.CreateToken(user.id, "t", frozenset({"*"}), None, audit))
    return user, {"Authorization": f"Bearer {token}"}


async def test_a_token_without_project_read_sees_public_projects_only(
    team: Team, services: Any
) -> None:
    from dais.actors.identity import messages as m

    c, alice, eve = team.client, team.auth["alice"], team.auth["eve"]
    await team.issue("alice", title="private", assignees=["bob"])
    internal = await _project(c, alice, "intra", "internal")
    await _issue(c, internal, alice, title="internal", assignees=["bob"])
    public = await _project(c, eve, "pub", "public")
    await _issue(c, public, eve, title="public", assignees=["bob"])
    audit = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
    _record, token = await services.system.ref("identity").ask(
        m.CreateToken(team.users["bob"].id, "narrow", frozenset({"issue:write"}), None, audit)
    )
    narrow = {"Authorization": f"Bearer {token}"}
    assert _seen(await _mine(c, narrow)) == [("eve/pub", 1)]
    assert len(await _mine(c, team.auth["bob"])) == 3


async def test_bad_parameters_and_no_credentials(team: Team) -> None:
    c, bob = team.client, team.auth["bob"]
    assert (await c.get("/api/user/issues")).status_code == 401
    for query, field in (
        ("scope=mine", "scope"),
        ("state=bogus", "state"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
    ):
        r = await c.get(f"/api/user/issues?{query}", headers=bob)
        assert r.status_code == 400, (query, r.text)
        assert r.json()["errors"][0]["field"] == field
