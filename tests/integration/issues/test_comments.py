"""Comments on issues: write, list, edit, delete, and who may."""

from __future__ import annotations

from .conftest import Team


async def test_comment_list_edit_delete(team: Team) -> None:
    c, alice, vera = team.client, team.auth["alice"], team.auth["vera"]
    await team.issue()
    made = await c.post(team.url("/issues/1/comments"), json={"body": "Seen it too."}, headers=vera)
    assert made.status_code == 201, made.text
    comment = made.json()
    assert comment["issue_iid"] == 1 and comment["author"]["username"] == "vera"
    for n in range(3):
        r = await c.post(team.url("/issues/1/comments"), json={"body": f"+{n}"}, headers=alice)
        assert r.status_code == 201

    listed = await c.get(team.url("/issues/1/comments?per_page=2"), headers=vera)
    assert listed.headers["x-total-count"] == "4"
    assert [x["body"] for x in listed.json()] == ["Seen it too.", "+0"]
    assert 'rel="next"' in listed.headers["link"]
    assert (await c.get(team.url("/issues/1"), headers=vera)).json()["comments"] == 4

    edited = await c.patch(
        team.url(f"/issues/1/comments/{comment['id']}"),
        json={"body": "Seen it twice."},
        headers=vera,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["body"] == "Seen it twice."
    assert edited.json()["updated_at"] > comment["updated_at"]

    gone = await c.delete(team.url(f"/issues/1/comments/{comment['id']}"), headers=vera)
    assert gone.status_code == 204
    listed = await c.get(team.url("/issues/1/comments"), headers=vera)
    assert [x["body"] for x in listed.json()] == ["+0", "+1", "+2"]
    r = await c.delete(team.url(f"/issues/1/comments/{comment['id']}"), headers=vera)
    assert r.status_code == 404


async def test_only_the_author_or_a_project_admin_may_change_a_comment(team: Team) -> None:
    c, alice, bob, vera = team.client, team.auth["alice"], team.auth["bob"], team.auth["vera"]
    await team.issue()
    await team.issue()
    mine = (
        await c.post(team.url("/issues/1/comments"), json={"body": "bob's words"}, headers=bob)
    ).json()
    url = team.url(f"/issues/1/comments/{mine['id']}")
    # vera (viewer) and a developer other than the author are refused.
    r = await c.patch(url, json={"body": "vera's words"}, headers=vera)
    assert r.status_code == 403 and "author" in r.json()["detail"]
    assert (await c.delete(url, headers=vera)).status_code == 403
    listed = (await c.get(team.url("/issues/1/comments"), headers=bob)).json()
    assert [x["body"] for x in listed] == ["bob's words"]
    # The comment is not reachable through another issue.
    r = await c.patch(team.url(f"/issues/2/comments/{mine['id']}"), json={"body": "x"}, headers=bob)
    assert r.status_code == 404
    # A maintainer (project:admin) moderates.
    r = await c.patch(url, json={"body": "[removed]"}, headers=alice)
    assert r.status_code == 200 and r.json()["body"] == "[removed]"
    assert r.json()["author"]["username"] == "bob"
    assert (await c.delete(url, headers=alice)).status_code == 204
    # Commenting needs sign-in; a stranger cannot see the private project at all.
    r = await c.post(team.url("/issues/1/comments"), json={"body": "hi"})
    assert r.status_code == 401
    r = await c.post(team.url("/issues/1/comments"), json={"body": "hi"}, headers=team.auth["eve"])
    assert r.status_code == 404
