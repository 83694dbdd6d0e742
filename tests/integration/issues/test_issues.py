"""Issues over HTTP: create, read, edit, close and reopen; numbering; who may do what."""

from __future__ import annotations

from typing import Any

import anyio
import httpx

from .conftest import Team


async def test_create_read_edit_close_and_reopen(team: Team) -> None:
    c, alice, bob = team.client, team.auth["alice"], team.auth["bob"]
    await team.label("bug")
    await team.label("ui")
    m = (await c.post(team.url("/milestones"), json={"title": "v1"}, headers=alice)).json()
    made = await c.post(
        team.url("/issues"),
        json={
            "title": "Login button does nothing",
            "body": "Steps:\n\n1. click *Login*\n2. nothing",
            "labels": ["Bug"],
            "assignees": ["bob"],
            "milestone_id": m["id"],
        },
        headers=alice,
    )
    assert made.status_code == 201, made.text
    issue = made.json()
    assert issue["iid"] == 1 and issue["state"] == "open"
    assert issue["project_id"] == team.project_id
    assert issue["author"] == {"id": str(team.users["alice"].id), "username": "alice"}
    assert [x["name"] for x in issue["labels"]] == ["bug"]
    assert [u["username"] for u in issue["assignees"]] == ["bob"]
    assert issue["milestone"]["title"] == "v1"
    assert issue["closed_by"] is None and issue["closed_at"] is None
    assert issue["body"] == "Steps:\n\n1. click *Login*\n2. nothing"

    by_path = await c.get("/api/projects/alice%2Fweb/issues/1", headers=team.auth["vera"])
    assert by_path.status_code == 200 and by_path.json() == issue

    edited = await c.patch(
        team.url("/issues/1"),
        json={"labels": ["ui", "bug"], "assignees": [], "milestone_id": None, "title": "Login"},
        headers=bob,
    )
    assert edited.status_code == 200, edited.text
    e = edited.json()
    assert [x["name"] for x in e["labels"]] == ["bug", "ui"]
    assert e["assignees"] == [] and e["milestone"] is None and e["title"] == "Login"
    assert e["updated_at"] > issue["updated_at"] and e["created_at"] == issue["created_at"]

    closed = (await c.patch(team.url("/issues/1"), json={"state": "closed"}, headers=bob)).json()
    assert closed["state"] == "closed"
    assert closed["closed_by"]["username"] == "bob" and closed["closed_at"] is not None
    # Closing a closed issue changes nothing.
    again = (await c.patch(team.url("/issues/1"), json={"state": "closed"}, headers=alice)).json()
    assert again == closed
    reopened = (await c.patch(team.url("/issues/1"), json={"state": "open"}, headers=alice)).json()
    assert reopened["state"] == "open"
    assert reopened["closed_by"] is None and reopened["closed_at"] is None


async def test_numbers_are_sequential_per_project_under_concurrency(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    results: list[httpx.Response] = []

    async def open_one(n: int) -> None:
        results.append(
            await c.post(team.url("/issues"), json={"title": f"issue {n}"}, headers=alice)
        )

    async with anyio.create_task_group() as tg:
        for n in range(40):
            tg.start_soon(open_one, n)
    assert all(r.status_code == 201 for r in results), [r.text for r in results]
    assert sorted(r.json()["iid"] for r in results) == list(range(1, 41))
    # Each title got exactly one number.
    by_title = {r.json()["title"]: r.json()["iid"] for r in results}
    assert len(set(by_title.values())) == 40
    # Another project counts from 1.
    other = await c.post("/api/projects", json={"name": "api"}, headers=alice)
    r = await c.post(
        f"/api/projects/{other.json()['id']}/issues", json={"title": "first"}, headers=alice
    )
    assert r.json()["iid"] == 1


async def test_who_may_read_and_open_issues(team: Team, client: httpx.AsyncClient) -> None:
    await team.issue()
    # Anonymous: the private project is hidden behind a 401; a signed-in stranger gets 404.
    for path in ("/issues", "/issues/1", "/issues/1/comments"):
        assert (await client.get(team.url(path))).status_code == 401
        r = await client.get(team.url(path), headers=team.auth["eve"])
        assert r.status_code == 404
        assert r.json()["detail"] == f"project {team.project_id} does not exist"
    assert (await client.post(team.url("/issues"), json={"title": "x"})).status_code == 401
    r = await client.post(team.url("/issues"), json={"title": "x"}, headers=team.auth["eve"])
    assert r.status_code == 404
    # A viewer reads but cannot open issues.
    r = await client.get(team.url("/issues"), headers=team.auth["vera"])
    assert r.status_code == 200 and [i["iid"] for i in r.json()] == [1]
    r = await client.post(team.url("/issues"), json={"title": "x"}, headers=team.auth["vera"])
    assert r.status_code == 403 and "issue:write" in r.json()["detail"]
    # A developer can.
    assert (await team.issue("bob"))["iid"] == 2
    # A public project's issues are readable by anyone, writable only with issue:write.
    pub = await client.post(
        "/api/projects", json={"name": "pub", "visibility": "public"}, headers=team.auth["alice"]
    )
    base = f"/api/projects/{pub.json()['id']}"
    r = await client.post(f"{base}/issues", json={"title": "x"}, headers=team.auth["alice"])
    assert r.status_code == 201
    assert (await client.get(f"{base}/issues/1")).status_code == 200
    r = await client.post(f"{base}/issues", json={"title": "x"}, headers=team.auth["eve"])
    assert r.status_code == 403


async def _set_role(team: Team, username: str, role: str) -> None:
    c, alice = team.client, team.auth["alice"]
    user_id = str(team.users[username].id)
    members = (await c.get(team.url("/members"), headers=alice)).json()
    for member in members:
        if member["user_id"] == user_id:
            r = await c.delete(team.url(f"/members/{member['id']}"), headers=alice)
            assert r.status_code == 204
    r = await c.post(team.url("/members"), json={"user_id": user_id, "role": role}, headers=alice)
    assert r.status_code == 201, r.text


async def test_the_author_may_edit_their_own_issue(team: Team) -> None:
    c = team.client
    await team.label("bug")
    await team.issue("bob", title="bob's issue")
    await team.issue("alice", title="alice's issue")
    # bob loses issue:write; as the author he still edits and closes his own issue.
    await _set_role(team, "bob", "viewer")
    bob = team.auth["bob"]
    own = await c.patch(team.url("/issues/1"), json={"title": "bob's, edited"}, headers=bob)
    assert own.status_code == 200, own.text
    assert own.json()["title"] == "bob's, edited"
    closed = await c.patch(team.url("/issues/1"), json={"state": "closed"}, headers=bob)
    assert closed.status_code == 200 and closed.json()["closed_by"]["username"] == "bob"
    # ...but triage (labels, assignees, milestone) needs issue:write.
    r = await c.patch(team.url("/issues/1"), json={"labels": ["bug"]}, headers=bob)
    assert r.status_code == 403 and "labels" in r.json()["detail"]
    # Someone else's issue is not his to change, nor vera's.
    for who in ("bob", "vera"):
        r = await c.patch(team.url("/issues/2"), json={"title": "mine now"}, headers=team.auth[who])
        assert r.status_code == 403, r.text
    issue: dict[str, Any] = (await c.get(team.url("/issues/2"), headers=bob)).json()
    assert issue["title"] == "alice's issue"
    # A maintainer (issue:write) edits anyone's issue.
    r = await c.patch(team.url("/issues/1"), json={"labels": ["bug"]}, headers=team.auth["alice"])
    assert r.status_code == 200 and [x["name"] for x in r.json()["labels"]] == ["bug"]


async def test_an_issue_number_of_another_project_is_not_found(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    other = (await c.post("/api/projects", json={"name": "api"}, headers=alice)).json()
    for _ in range(3):
        await team.issue()
    r = await c.get(f"/api/projects/{other['id']}/issues/2", headers=alice)
    assert r.status_code == 404
    assert r.json()["detail"] == "issue #2 does not exist in project " + other["id"]
    r = await c.patch(f"/api/projects/{other['id']}/issues/2", json={"title": "x"}, headers=alice)
    assert r.status_code == 404
    r = await c.post(
        f"/api/projects/{other['id']}/issues/2/comments", json={"body": "x"}, headers=alice
    )
    assert r.status_code == 404
    assert (await c.get(team.url("/issues/2"), headers=alice)).json()["comments"] == 0


async def test_an_archived_project_is_read_only(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    await team.label("bug")
    await team.issue()
    r = await c.patch(team.url(""), json={"archived": True}, headers=alice)
    assert r.status_code == 200, r.text
    for method, path, body in (
        ("POST", "/issues", {"title": "late"}),
        ("PATCH", "/issues/1", {"state": "closed"}),
        ("POST", "/issues/1/comments", {"body": "late"}),
        ("POST", "/labels", {"name": "late"}),
    ):
        r = await c.request(method, team.url(path), json=body, headers=alice)
        assert r.status_code == 403, (method, path, r.text)
        assert "archived" in r.json()["detail"]
    issue = await c.get(team.url("/issues/1"), headers=team.auth["vera"])
    assert issue.status_code == 200 and issue.json()["state"] == "open"
    assert len((await c.get(team.url("/labels"), headers=alice)).json()) == 1
