"""Labels and milestones over HTTP: CRUD, uniqueness, who may manage them, progress."""

from __future__ import annotations

import httpx

from .conftest import Team


async def test_label_crud_with_case_insensitive_names(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    bug = await team.label("Bug")
    assert bug["name"] == "Bug" and bug["color"] == "#d73a4a" and bug["description"] == ""
    duplicate = await c.post(team.url("/labels"), json={"name": "bug"}, headers=alice)
    assert duplicate.status_code == 409, duplicate.text
    assert duplicate.json()["detail"] == "a label named 'bug' already exists in alice/web"
    ui = await team.label("ui", "#00FF00")
    assert ui["color"] == "#00ff00"
    listed = await c.get(team.url("/labels"), headers=team.auth["vera"])
    assert [x["name"] for x in listed.json()] == ["Bug", "ui"]

    clash = await c.patch(team.url(f"/labels/{ui['id']}"), json={"name": "BUG"}, headers=alice)
    assert clash.status_code == 409
    changed = await c.patch(
        team.url(f"/labels/{ui['id']}"),
        json={"name": "frontend", "description": "Browser side"},
        headers=alice,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "frontend"
    assert changed.json()["description"] == "Browser side"
    assert changed.json()["color"] == "#00ff00"

    # Deleting a label takes it off its issues.
    await team.issue(labels=["bug", "frontend"])
    gone = await c.delete(team.url(f"/labels/{bug['id']}"), headers=alice)
    assert gone.status_code == 204
    issue = (await c.get(team.url("/issues/1"), headers=alice)).json()
    assert [x["name"] for x in issue["labels"]] == ["frontend"]
    again = await c.delete(team.url(f"/labels/{bug['id']}"), headers=alice)
    assert again.status_code == 404


async def test_managing_labels_and_milestones_needs_project_write(
    team: Team, client: httpx.AsyncClient
) -> None:
    vera, bob, eve = team.auth["vera"], team.auth["bob"], team.auth["eve"]
    for suffix, body in (("/labels", {"name": "x"}), ("/milestones", {"title": "x"})):
        refused = await client.post(team.url(suffix), json=body, headers=vera)
        assert refused.status_code == 403, refused.text
        assert "project:write" in refused.json()["detail"]
        # A stranger does not learn the private project exists; nobody anonymous gets in.
        assert (await client.post(team.url(suffix), json=body, headers=eve)).status_code == 404
        assert (await client.post(team.url(suffix), json=body)).status_code == 401
        assert (await client.get(team.url(suffix))).status_code == 401
        assert (await client.get(team.url(suffix), headers=eve)).status_code == 404
        # A viewer reads; a developer (project:write) manages.
        assert (await client.get(team.url(suffix), headers=vera)).json() == []
        made = await client.post(team.url(suffix), json=body, headers=bob)
        assert made.status_code == 201, made.text
        item = made.json()["id"]
        r = await client.delete(team.url(f"{suffix}/{item}"), headers=vera)
        assert r.status_code == 403
        assert (await client.delete(team.url(f"{suffix}/{item}"), headers=bob)).status_code == 204


async def test_milestone_progress_state_and_deletion(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    made = await c.post(
        team.url("/milestones"),
        json={"title": "v1.0", "description": "First release", "due_date": "2031-03-01"},
        headers=alice,
    )
    assert made.status_code == 201, made.text
    m = made.json()
    assert m["due_date"] == "2031-03-01" and m["state"] == "open"
    assert m["progress"] == {"open_issues": 0, "closed_issues": 0, "percent": 0}
    dup = await c.post(team.url("/milestones"), json={"title": "V1.0"}, headers=alice)
    assert dup.status_code == 409

    for _ in range(3):
        await team.issue(milestone_id=m["id"])
    await team.issue()  # not in the milestone
    r = await c.patch(team.url("/issues/2"), json={"state": "closed"}, headers=alice)
    assert r.status_code == 200
    got = (await c.get(team.url(f"/milestones/{m['id']}"), headers=team.auth["vera"])).json()
    assert got["progress"] == {"open_issues": 2, "closed_issues": 1, "percent": 33}

    closed = await c.patch(
        team.url(f"/milestones/{m['id']}"),
        json={"state": "closed", "due_date": None},
        headers=alice,
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["state"] == "closed" and closed.json()["due_date"] is None
    assert closed.json()["description"] == "First release"
    listed = await c.get(team.url("/milestones?state=open"), headers=alice)
    assert listed.json() == []
    listed = await c.get(team.url("/milestones?state=closed"), headers=alice)
    assert [x["title"] for x in listed.json()] == ["v1.0"]

    assert (await c.delete(team.url(f"/milestones/{m['id']}"), headers=alice)).status_code == 204
    assert (await c.get(team.url(f"/milestones/{m['id']}"), headers=alice)).status_code == 404
    issue = (await c.get(team.url("/issues/1"), headers=alice)).json()
    assert issue["milestone"] is None
