"""Listing issues: filters, full-text search, order and paging headers."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .conftest import Team


async def _iids(team: Team, query: str, who: str = "vera") -> list[int]:
    r = await team.client.get(team.url(f"/issues?{query}"), headers=team.auth[who])
    assert r.status_code == 200, r.text
    return [i["iid"] for i in r.json()]


async def test_filters_combine(team: Team) -> None:
    c, alice = team.client, team.auth["alice"]
    for name in ("bug", "ui", "backend"):
        await team.label(name)
    m = (await c.post(team.url("/milestones"), json={"title": "v1"}, headers=alice)).json()
    await team.issue(labels=["bug", "ui"], assignees=["bob"], milestone_id=m["id"])  # 1
    await team.issue(labels=["bug"], assignees=["alice", "bob"])  # 2
    await team.issue("bob", labels=["ui"], milestone_id=m["id"])  # 3
    await team.issue("bob", labels=["backend", "bug"])  # 4
    await team.issue()  # 5
    r = await c.patch(team.url("/issues/4"), json={"state": "closed"}, headers=alice)
    assert r.status_code == 200

    assert await _iids(team, "") == [5, 3, 2, 1]  # open, newest first
    assert await _iids(team, "state=closed") == [4]
    assert await _iids(team, "state=all") == [5, 4, 3, 2, 1]
    assert await _iids(team, "labels=bug") == [2, 1]
    assert await _iids(team, "labels=bug&state=all") == [4, 2, 1]
    # Every label listed must match; names match regardless of case and spacing.
    assert await _iids(team, "labels=BUG,%20ui") == [1]
    assert await _iids(team, "labels=bug,backend&state=all") == [4]
    assert await _iids(team, "labels=bug,nosuchlabel") == []
    assert await _iids(team, "assignee=bob") == [2, 1]
    assert await _iids(team, "assignee=alice") == [2]
    assert await _iids(team, "author=bob&state=all") == [4, 3]
    assert await _iids(team, f"milestone={m['id']}") == [3, 1]
    assert await _iids(team, "milestone=none") == [5, 2]
    assert await _iids(team, "assignee=bob&labels=ui") == [1]
    assert await _iids(team, "assignee=nobody") == []
    assert await _iids(team, "direction=asc") == [1, 2, 3, 5]


async def test_full_text_search_over_title_and_body(team: Team) -> None:
    await team.issue(title="Crash when saving a draft", body="The editor dies.")  # 1
    await team.issue(title="Slow search", body="Typing a query crashes the tab sometimes")  # 2
    await team.issue(title="Logo too small", body="Make it bigger.")  # 3
    await team.issue(title="Dark mode", body="Please add a dark theme to the editor")  # 4
    # English stemming: "crashes" finds "Crash" and "crashes".
    assert await _iids(team, "q=crashes") == [2, 1]
    assert await _iids(team, "q=editor") == [4, 1]
    assert await _iids(team, "q=editor%20-dark") == [1]  # web-search syntax: exclusion
    assert await _iids(team, 'q="dark theme"') == [4]
    assert await _iids(team, "q=editor&labels=") == [4, 1]
    assert await _iids(team, "q=nothing%20matches%20this") == []
    # Operators and quotes that would break a raw tsquery are just words here.
    for hostile in ("%27%26%7C!%3A*()", "%5C", "a%20%26%20%7C", "%22"):
        r = await team.client.get(team.url(f"/issues?q={hostile}"), headers=team.auth["vera"])
        assert r.status_code == 200, (hostile, r.text)


def _links(header: str) -> dict[str, dict[str, list[str]]]:
    out = {}
    for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', header):
        out[rel] = parse_qs(urlsplit(url).query)
    return out


async def test_paging_with_link_and_total_count_headers(team: Team) -> None:
    await team.label("bug")
    for n in range(45):
        await team.issue(title=f"issue {n}", labels=["bug"] if n % 2 else [])
    c, vera = team.client, team.auth["vera"]

    first = await c.get(team.url("/issues?per_page=20"), headers=vera)
    assert first.headers["x-total-count"] == "45"
    links = _links(first.headers["link"])
    assert set(links) == {"first", "next", "last"}
    assert links["next"]["page"] == ["2"] and links["last"]["page"] == ["3"]
    assert links["next"]["per_page"] == ["20"]

    second = await c.get(team.url("/issues?per_page=20&page=2"), headers=vera)
    links = _links(second.headers["link"])
    assert set(links) == {"first", "prev", "next", "last"}
    assert links["prev"]["page"] == ["1"] and links["next"]["page"] == ["3"]

    third = await c.get(team.url("/issues?per_page=20&page=3"), headers=vera)
    assert set(_links(third.headers["link"])) == {"first", "prev", "last"}
    seen = [i["iid"] for r in (first, second, third) for i in r.json()]
    assert seen == list(range(45, 0, -1))  # every issue once, in order

    # Filters are kept in the links; an empty page past the end still has its headers.
    bugs = await c.get(team.url("/issues?labels=bug&per_page=10&page=2"), headers=vera)
    assert bugs.headers["x-total-count"] == "22"
    assert _links(bugs.headers["link"])["next"]["labels"] == ["bug"]
    past = await c.get(team.url("/issues?per_page=10&page=99"), headers=vera)
    assert past.status_code == 200 and past.json() == []
    assert _links(past.headers["link"])["prev"]["page"] == ["5"]

    # Sorted by last update: the issue just edited comes first.
    r = await c.patch(team.url("/issues/7"), json={"title": "bumped"}, headers=team.auth["alice"])
    assert r.status_code == 200
    updated: list[dict[str, Any]] = (
        await c.get(team.url("/issues?sort=updated&per_page=3"), headers=vera)
    ).json()
    assert [i["iid"] for i in updated] == [7, 45, 44]


async def test_a_listed_issue_is_exactly_the_issue_as_get_shows_it(
    team: Team, services: Any
) -> None:
    # Listings are built as JSON by PostgreSQL, single issues from records in Python: the
    # two must agree to the byte, whatever the issue holds.
    c, alice, bob = team.client, team.auth["alice"], team.auth["bob"]
    for name in ("Bug", "ui", "a-label"):
        await team.label(name)
    m = (
        await c.post(
            team.url("/milestones"), json={"title": "v1", "due_date": "2031-02-03"}, headers=alice
        )
    ).json()
    await team.issue(
        title='Quotes " and \\ and \u2028 and 🐛',
        body="line\nnext\ttab \u0007 bell",
        labels=["ui", "Bug", "a-label"],
        assignees=["vera", "bob", "alice"],
        milestone_id=m["id"],
    )  # 1
    await team.issue("bob")  # 2, to be closed
    await c.patch(team.url("/issues/2"), json={"state": "closed"}, headers=alice)
    await c.post(team.url("/issues/1/comments"), json={"body": "first"}, headers=bob)
    eve_project = await team.issue("alice", title="whole seconds")  # 3
    assert eve_project["iid"] == 3
    # Times without a fraction of a second encode without one (msgspec's RFC 3339).
    await services.pool.execute(
        "UPDATE issues SET created_at = date_trunc('second', created_at),"
        " updated_at = '2030-01-01T00:00:00Z' WHERE iid = 3"
    )
    # An author whose account is gone shows as null.
    ghost = (await team.issue("bob", title="by a ghost"))["id"]  # 4
    await services.pool.execute("UPDATE issues SET author_id = NULL WHERE id = $1", int(ghost))

    r = await c.get(team.url("/issues?state=all&per_page=100"), headers=alice)
    assert r.status_code == 200
    listed = r.json()
    assert sorted(i["iid"] for i in listed) == [1, 2, 3, 4]
    for item in listed:
        single = await c.get(team.url(f"/issues/{item['iid']}"), headers=alice)
        assert item == single.json()
        # Byte for byte, too: the same encoder wrote both.
        assert single.text in r.text
    by_iid = {i["iid"]: i for i in listed}
    assert [x["name"] for x in by_iid[1]["labels"]] == ["a-label", "Bug", "ui"]
    assert [u["username"] for u in by_iid[1]["assignees"]] == ["alice", "bob", "vera"]
    assert by_iid[1]["milestone"]["due_date"] == "2031-02-03" and by_iid[1]["comments"] == 1
    assert by_iid[2]["closed_by"]["username"] == "alice" and by_iid[2]["closed_at"]
    assert by_iid[3]["updated_at"] == "2030-01-01T00:00:00Z"
    assert by_iid[4]["author"] is None
