"""Issue events in the outbox, and closing issues when a merge request is merged."""

from __future__ import annotations

from typing import Any

import anyio

from dais.actors.events.messages import GetStatus, Wake
from dais.storage import outbox as outbox_store

from .conftest import Team, outbox


async def test_issue_and_comment_events_carry_the_issue_as_the_api_shows_it(
    team: Team, services: Any
) -> None:
    c, alice, bob = team.client, team.auth["alice"], team.auth["bob"]
    await team.label("bug")
    await team.issue("bob", title="Broken", labels=["bug"])
    await c.patch(team.url("/issues/1"), json={"title": "Really broken"}, headers=bob)
    await c.patch(team.url("/issues/1"), json={"state": "closed"}, headers=alice)
    await c.patch(team.url("/issues/1"), json={"state": "open"}, headers=bob)
    await c.patch(team.url("/issues/1"), json={"state": "open"}, headers=bob)  # no change
    final = (await c.get(team.url("/issues/1"), headers=alice)).json()

    events = await outbox(services, "issue.")
    assert [e["kind"] for e in events] == [
        "issue.opened",
        "issue.edited",
        "issue.closed",
        "issue.reopened",
    ]
    project = {"id": team.project_id, "path": "alice/web"}
    for e, actor in zip(events, ("bob", "bob", "alice", "bob"), strict=True):
        assert e["key"] == team.project_id and e["actor"] == actor
        assert e["payload"]["project"] == project
        assert e["payload"]["sender"] == {"id": str(team.users[actor].id), "username": actor}
    assert events[0]["payload"]["issue"]["title"] == "Broken"
    assert events[1]["payload"]["changes"] == {"title": {"from": "Broken"}}
    assert events[2]["payload"]["issue"]["closed_by"]["username"] == "alice"
    assert events[3]["payload"]["issue"] == final  # exactly the GET body

    made = await c.post(team.url("/issues/1/comments"), json={"body": "why?"}, headers=alice)
    comment_id = made.json()["id"]
    await c.patch(
        team.url(f"/issues/1/comments/{comment_id}"), json={"body": "how?"}, headers=alice
    )
    await c.delete(team.url(f"/issues/1/comments/{comment_id}"), headers=alice)
    comments = await outbox(services, "issue_comment.")
    assert [e["kind"] for e in comments] == [
        "issue_comment.created",
        "issue_comment.edited",
        "issue_comment.deleted",
    ]
    assert comments[0]["payload"]["comment"] == made.json()
    assert comments[0]["payload"]["issue"]["comments"] == 1
    assert comments[1]["payload"]["comment"]["body"] == "how?"
    assert comments[1]["payload"]["changes"] == {"body": {"from": "why?"}}
    assert (
        comments[2]["payload"]["issue"]
        == (await c.get(team.url("/issues/1"), headers=alice)).json()
    )
    assert all(e["payload"]["project"] == project for e in comments)

    # A refused change writes no event.
    before = len(await outbox(services, "issue"))
    r = await c.patch(team.url("/issues/1"), json={"labels": ["nope"]}, headers=alice)
    assert r.status_code == 422
    assert len(await outbox(services, "issue")) == before


async def _merged(services: Any, project: dict[str, str], sender: Any, closes: list[Any]) -> None:
    """What the merge requests domain writes when a merge request is merged."""
    async with services.pool.acquire() as conn, conn.transaction():
        await outbox_store.emit(
            conn,
            "merge_request.merged",
            {
                "project": project,
                "sender": {"id": str(sender.id), "username": sender.username},
                "merge_request": {"iid": 7, "title": "Fix it", "closes_issues": closes},
            },
            key=project["id"],
            actor=sender.username,
        )


async def _closed_events(services: Any) -> list[dict[str, Any]]:
    return [e for e in await outbox(services, "issue.") if e["kind"] == "issue.closed"]


async def _wait_for(services: Any, count: int) -> list[dict[str, Any]]:
    """Wake the dispatcher until ``count`` issue.closed events exist (or time out)."""
    with anyio.fail_after(20):
        while True:
            services.system.ref("events").tell(Wake())
            found = await _closed_events(services)
            if len(found) >= count:
                return found
            await anyio.sleep(0.1)


async def test_a_merged_merge_request_closes_the_issues_it_names(team: Team, services: Any) -> None:
    c, alice = team.client, team.auth["alice"]
    for _ in range(3):
        await team.issue()
    await c.patch(team.url("/issues/3"), json={"state": "closed"}, headers=alice)
    other = (await c.post("/api/projects", json={"name": "api"}, headers=alice)).json()
    await c.post(f"/api/projects/{other['id']}/issues", json={"title": "x"}, headers=alice)
    project = {"id": team.project_id, "path": "alice/web"}
    bob = team.users["bob"]

    # #1 closes; #3 is closed already; #99 does not exist; junk entries are skipped.
    await _merged(services, project, bob, [1, 3, 99, "x", -1, None, 1])
    closed = await _wait_for(services, 2)  # the manual close of #3, and #1
    assert len(closed) == 2
    event = closed[-1]["payload"]
    assert event["issue"]["iid"] == 1 and event["issue"]["state"] == "closed"
    assert event["sender"] == {"id": str(bob.id), "username": "bob"}
    assert closed[-1]["actor"] == "bob"
    issue = (await c.get(team.url("/issues/1"), headers=alice)).json()
    assert issue["state"] == "closed" and issue["closed_by"]["username"] == "bob"
    assert event["issue"] == issue
    assert (await c.get(team.url("/issues/2"), headers=alice)).json()["state"] == "open"
    # The other project's #1 is untouched.
    theirs = await c.get(f"/api/projects/{other['id']}/issues/1", headers=alice)
    assert theirs.json()["state"] == "open"

    # The same merge delivered again (at least once) changes nothing; a later merge naming
    # #2 closes it.
    await _merged(services, project, bob, [1])
    await _merged(services, project, bob, [2])
    await _wait_for(services, 3)
    with anyio.fail_after(20):
        while True:
            status = await services.ask(services.system.ref("events"), GetStatus())
            mine = next(s for s in status if s.name == "issues.close-on-merge")
            if mine.delivered == 3:
                break
            await anyio.sleep(0.1)
    assert mine.failures == 0
    closed = await _closed_events(services)
    assert [e["payload"]["issue"]["iid"] for e in closed] == [3, 1, 2]
