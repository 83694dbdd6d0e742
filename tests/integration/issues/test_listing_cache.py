"""Listing pages may be cached (dais.actors.issues.cache): every change that a listing shows
must show on the very next request, on this replica and on every other one sharing Redis.

Each test reads a listing first (so that a cache, if any, holds it), changes one thing,
then reads the same listing again.
"""

from __future__ import annotations

from typing import Any

import anyio
import httpx

from dais.actors.events.messages import GetStatus, Wake
from dais.actors.identity import messages as im
from tests.integration.identity.conftest import app_instance

from .conftest import Team
from .test_events import _merged

_SYSTEM = im.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)


async def _list(team: Team, query: str = "labels=bug", who: str = "vera") -> list[dict[str, Any]]:
    r = await team.client.get(team.url(f"/issues?{query}"), headers=team.auth[who])
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()
    return items


async def _ok(r: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    if status == 204:
        return {}
    body: dict[str, Any] = r.json()
    return body


async def test_issue_changes_show_at_once(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    await team.label("bug")
    await team.label("ui")
    await team.issue(labels=["bug"])  # 1
    assert [i["iid"] for i in await _list(team)] == [1]

    await team.issue(labels=["bug"], title="second")  # 2
    assert [i["iid"] for i in await _list(team)] == [2, 1]
    r = await team.client.get(team.url("/issues?labels=bug&per_page=1"), headers=alice)
    assert r.headers["x-total-count"] == "2"

    await _ok(await c.patch(team.url("/issues/2"), json={"title": "renamed"}, headers=alice))
    assert (await _list(team))[0]["title"] == "renamed"

    await _ok(await c.patch(team.url("/issues/2"), json={"state": "closed"}, headers=alice))
    assert [i["iid"] for i in await _list(team)] == [1]
    r = await team.client.get(team.url("/issues?labels=bug&per_page=1"), headers=alice)
    assert r.headers["x-total-count"] == "1"
    assert [i["iid"] for i in await _list(team, "labels=bug&state=closed")] == [2]
    await _ok(await c.patch(team.url("/issues/2"), json={"state": "open"}, headers=alice))
    assert [i["iid"] for i in await _list(team)] == [2, 1]

    # Relabelling moves an issue between filtered listings.
    assert await _list(team, "labels=ui") == []
    await _ok(await c.patch(team.url("/issues/1"), json={"labels": ["ui"]}, headers=alice))
    assert [i["iid"] for i in await _list(team)] == [2]
    assert [i["iid"] for i in await _list(team, "labels=ui")] == [1]

    await _ok(await c.patch(team.url("/issues/2"), json={"assignees": ["bob"]}, headers=alice))
    assert [a["username"] for a in (await _list(team))[0]["assignees"]] == ["bob"]

    await _ok(
        await c.post(team.url("/issues/2/comments"), json={"body": "me too"}, headers=alice), 201
    )
    assert (await _list(team))[0]["comments"] == 1


async def test_label_and_milestone_changes_show_at_once(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    bug = await team.label("bug")
    ms = await _ok(await c.post(team.url("/milestones"), json={"title": "v1"}, headers=alice), 201)
    await team.issue(labels=["bug"], milestone_id=ms["id"])
    assert (await _list(team, "state=all"))[0]["milestone"]["title"] == "v1"
    assert (await _list(team, "state=all"))[0]["labels"][0]["name"] == "bug"

    await _ok(
        await c.patch(team.url(f"/milestones/{ms['id']}"), json={"title": "v2"}, headers=alice)
    )
    assert (await _list(team, "state=all"))[0]["milestone"]["title"] == "v2"
    await _ok(await c.delete(team.url(f"/milestones/{ms['id']}"), headers=alice), 204)
    assert (await _list(team, "state=all"))[0]["milestone"] is None

    await _ok(
        await c.patch(team.url(f"/labels/{bug['id']}"), json={"color": "#00ff00"}, headers=alice)
    )
    assert (await _list(team))[0]["labels"][0]["color"] == "#00ff00"
    await _ok(
        await c.patch(team.url(f"/labels/{bug['id']}"), json={"name": "defect"}, headers=alice)
    )
    assert await _list(team) == []
    assert (await _list(team, "labels=defect"))[0]["labels"][0]["name"] == "defect"
    await _ok(await c.delete(team.url(f"/labels/{bug['id']}"), headers=alice), 204)
    assert await _list(team, "labels=defect") == []
    assert (await _list(team, "state=all"))[0]["labels"] == []


async def test_user_renames_show_at_once(team: Team, services: Any) -> None:
    await team.label("bug")
    await team.issue("bob", labels=["bug"], assignees=["alice"])
    [issue] = await _list(team)
    assert issue["author"]["username"] == "bob"
    identity = services.system.ref("identity")
    await identity.ask(im.UpdateUser(team.users["bob"].id, {"username": "robert"}, _SYSTEM))
    await identity.ask(im.UpdateUser(team.users["alice"].id, {"username": "alicia"}, _SYSTEM))
    [issue] = await _list(team)
    assert issue["author"]["username"] == "robert"
    assert [a["username"] for a in issue["assignees"]] == ["alicia"]


async def test_changes_show_at_once_on_every_replica(settings: Any, redis_url: str) -> None:
    async with app_instance(settings, redis_url) as a, app_instance(settings, redis_url) as b:
        alice = await a.user("alice")
        auth = {"Authorization": f"Bearer {await a.token(alice.id)}"}
        ca, cb = await a.client(), await b.client()
        p = await _ok(await ca.post("/api/projects", json={"name": "web"}, headers=auth), 201)
        base = f"/api/projects/{p['id']}"
        await _ok(await ca.post(f"{base}/labels", json={"name": "bug"}, headers=auth), 201)
        await _ok(
            await ca.post(f"{base}/issues", json={"title": "one", "labels": ["bug"]}, headers=auth),
            201,
        )
        listing = f"{base}/issues?labels=bug"
        for c in (ca, cb):
            assert [i["iid"] for i in (await c.get(listing, headers=auth)).json()] == [1]

        await _ok(
            await ca.post(f"{base}/issues", json={"title": "two", "labels": ["bug"]}, headers=auth),
            201,
        )
        assert [i["iid"] for i in (await cb.get(listing, headers=auth)).json()] == [2, 1]
        await _ok(await ca.patch(f"{base}/issues/2", json={"state": "closed"}, headers=auth))
        assert [i["iid"] for i in (await cb.get(listing, headers=auth)).json()] == [1]
        await _ok(await cb.patch(f"{base}/issues/1", json={"labels": []}, headers=auth))
        assert (await ca.get(listing, headers=auth)).json() == []
        await a.ask(im.UpdateUser(alice.id, {"username": "alicia"}, _SYSTEM))
        r = await cb.get(f"{base}/issues?state=all", headers=auth)
        assert {i["author"]["username"] for i in r.json()} == {"alicia"}


async def test_issues_closed_by_a_merge_show_at_once(team: Team, services: Any) -> None:
    await team.label("bug")
    await team.issue(labels=["bug"])
    assert [i["iid"] for i in await _list(team)] == [1]
    project = {"id": team.project_id, "path": "alice/web"}
    await _merged(services, project, team.users["bob"], [1])
    with anyio.fail_after(20):
        while True:
            services.system.ref("events").tell(Wake())
            status = await services.ask(services.system.ref("events"), GetStatus())
            if next(s for s in status if s.name == "issues.close-on-merge").delivered == 1:
                break
            await anyio.sleep(0.05)
    assert await _list(team) == []
    assert [i["iid"] for i in await _list(team, "labels=bug&state=closed")] == [1]
