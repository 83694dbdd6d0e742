"""Bad input: a clear 4xx naming the field and the rule, and nothing half-written."""

from __future__ import annotations

from typing import Any

from .conftest import Team, outbox


async def _counts(services: Any) -> tuple[int, ...]:
    row = await services.pool.fetchrow(
        """
        SELECT (SELECT count(*) FROM issues) AS issues,
               (SELECT count(*) FROM issue_labels) AS labels,
               (SELECT count(*) FROM issue_assignees) AS assignees,
               (SELECT count(*) FROM issue_comments) AS comments,
               (SELECT count(*) FROM events WHERE kind LIKE 'issue%') AS events,
               (SELECT coalesce(sum(last_iid), 0) FROM issue_counters) AS numbers
        """
    )
    return tuple(row)


def _field(r: Any) -> str:
    field: str = r.json()["errors"][0]["field"]
    return field


async def test_unknown_labels_assignees_and_milestones_write_nothing(
    team: Team, services: Any
) -> None:
    c, alice = team.client, team.auth["alice"]
    await team.label("bug")
    other = (await c.post("/api/projects", json={"name": "api"}, headers=alice)).json()
    theirs = await c.post(
        f"/api/projects/{other['id']}/milestones", json={"title": "theirs"}, headers=alice
    )
    before = await _counts(services)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"labels": ["bug", "nope"]}, "labels", "alice/web has no label named 'nope'"),
        ({"assignees": ["bob", "ghost"]}, "assignees", "no active user is named 'ghost'"),
        # The project is private: eve may not read it, so she may not be assigned its issues.
        ({"assignees": ["bob", "eve"]}, "assignees", "user 'eve' is not a member of alice/web"),
        ({"milestone_id": "424242"}, "milestone_id", "alice/web has no milestone with id 424242"),
        # A milestone of another project is as unknown here as a missing one.
        ({"milestone_id": theirs.json()["id"]}, "milestone_id", "alice/web has no milestone"),
    ]
    for extra, field, rule in cases:
        r = await c.post(
            team.url("/issues"), json={"title": "t", "labels": ["bug"], **extra}, headers=alice
        )
        assert r.status_code == 422, r.text
        assert _field(r) == field and rule in r.json()["detail"], r.text
    assert await _counts(services) == before
    # Nothing consumed a number either.
    assert (await team.issue(labels=["bug"], assignees=["bob"]))["iid"] == 1
    after_one = await _counts(services)
    for extra, field, _rule in cases:
        r = await c.patch(team.url("/issues/1"), json={"title": "changed", **extra}, headers=alice)
        assert r.status_code == 422 and _field(r) == field, r.text
    assert await _counts(services) == after_one
    issue = (await c.get(team.url("/issues/1"), headers=alice)).json()
    assert issue["title"] == "Something is broken"
    assert [x["name"] for x in issue["labels"]] == ["bug"]


async def test_oversized_wrongly_typed_and_unknown_fields(team: Team, services: Any) -> None:
    c, alice = team.client, team.auth["alice"]
    await team.issue()
    big = "x" * (1024 * 1024 + 1)
    cases: list[tuple[str, str, dict[str, Any], str]] = [
        ("POST", "/issues", {"title": "t" * 256}, "title"),
        ("POST", "/issues", {"title": ""}, "title"),
        ("POST", "/issues", {"title": "   "}, "title"),
        ("POST", "/issues", {"title": "ok", "body": big}, "body"),
        ("POST", "/issues", {"title": "ok", "body": "é" * (600 * 1024)}, "body"),  # > 1 MiB
        ("POST", "/issues", {"title": 5}, "title"),
        ("POST", "/issues", {"title": "ok", "labels": "bug"}, "labels"),
        ("POST", "/issues", {"title": "ok", "assignees": [7]}, "assignees[0]"),
        ("POST", "/issues", {"title": "ok", "milestone_id": "one"}, "milestone_id"),
        ("POST", "/issues", {"body": "no title"}, "title"),
        ("PATCH", "/issues/1", {"state": "resolved"}, "state"),
        ("PATCH", "/issues/1", {"title": None}, "title"),
        ("POST", "/issues/1/comments", {"body": ""}, "body"),
        ("POST", "/issues/1/comments", {"body": "   "}, "body"),
        ("POST", "/labels", {"name": "x", "color": "red"}, "color"),
        ("POST", "/labels", {"name": "a,b"}, "name"),
        ("POST", "/labels", {"name": " padded"}, "name"),
        ("POST", "/milestones", {"title": "m", "due_date": "next week"}, "due_date"),
    ]
    before = await _counts(services)
    for method, path, body, field in cases:
        r = await c.request(method, team.url(path), json=body, headers=alice)
        assert r.status_code == 422, (method, path, r.status_code, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert _field(r) == field, (body if len(str(body)) < 200 else path, r.json())
    # An unknown field is named as the field, and in the rule.
    r = await c.post(team.url("/issues"), json={"title": "t", "priority": 1}, headers=alice)
    assert r.status_code == 422 and "priority" in r.json()["detail"]
    assert _field(r) == "priority"
    r = await c.patch(team.url("/issues/1"), json={"iid": 5}, headers=alice)
    assert r.status_code == 422 and "iid" in r.json()["detail"] and _field(r) == "iid"
    assert await _counts(services) == before
    # Bad query parameters and ids out of range.
    for query, field in (
        ("state=bogus", "state"),
        ("per_page=1000", "per_page"),
        ("page=0", "page"),
        ("milestone=abc", "milestone"),
        ("sort=title", "sort"),
    ):
        r = await c.get(team.url(f"/issues?{query}"), headers=alice)
        assert r.status_code == 400, (query, r.text)
        assert _field(r) == field, (query, r.json())
    for path in ("/issues/99999999999999999999", "/issues/0", "/issues/2147483648/comments"):
        r = await c.get(team.url(path), headers=alice)
        assert r.status_code in {400, 404}, (path, r.text)


async def test_hostile_text_is_stored_as_written(team: Team, services: Any) -> None:
    c, alice = team.client, team.auth["alice"]
    title = "<script>alert('x')</script> '; DROP TABLE issues; -- \u202emoc.live ✓ 🐛"
    body = (
        "# Title\n\n<img src=x onerror=alert(1)>\n```sql\nSELECT * FROM users; --\n```\n"
        "\u200b zero-width, \ufeff BOM, emoji 👩‍💻, RTL \u05d0\u05d1, \\x00 (escaped), %s %n"
    )
    made = await c.post(team.url("/issues"), json={"title": title, "body": body}, headers=alice)
    assert made.status_code == 201, made.text
    got = (await c.get(team.url("/issues/1"), headers=alice)).json()
    assert got["title"] == title and got["body"] == body
    events = await outbox(services, "issue.opened")
    assert events[0]["payload"]["issue"]["body"] == body
    comment = await c.post(team.url("/issues/1/comments"), json={"body": body}, headers=alice)
    assert comment.status_code == 201 and comment.json()["body"] == body

    # A body at the 1 MiB limit, made of many distinct words, is stored and still searchable.
    words = " ".join(f"w{n:06d}" for n in range(150_000))
    huge = ("needle " + words)[: 1024 * 1024]
    r = await c.post(team.url("/issues"), json={"title": "huge", "body": huge}, headers=alice)
    assert r.status_code == 201, r.text[:300]
    assert (await c.get(team.url("/issues/2"), headers=alice)).json()["body"] == huge
    found = await c.get(team.url("/issues?q=needle"), headers=alice)
    assert [i["iid"] for i in found.json()] == [2]
    # A word longer than PostgreSQL indexes is stored too (and simply not indexed).
    long_word = "a" * 5000
    r = await c.post(team.url("/issues"), json={"title": "long", "body": long_word}, headers=alice)
    assert r.status_code == 201 and r.json()["body"] == long_word

    # What PostgreSQL text cannot hold is refused, naming the field.
    before = await _counts(services)
    for path, payload, field in (
        ("/issues", {"title": "nul", "body": "a\u0000b"}, "body"),
        ("/issues", {"title": "a\u0000b"}, "title"),
        ("/issues", {"title": "two\nlines"}, "title"),
        ("/issues/1/comments", {"body": "a\u0000b"}, "body"),
        ("/labels", {"name": "tab\tname"}, "name"),
    ):
        r = await c.post(team.url(path), json=payload, headers=alice)
        assert r.status_code == 422, (payload, r.text)
        assert _field(r) == field
    # An unpaired surrogate (valid JSON, not valid Unicode) is refused too.
    raw = b'{"title": "bad \\ud800 surrogate"}'
    r = await c.post(
        team.url("/issues"),
        content=raw,
        headers={**alice, "Content-Type": "application/json"},
    )
    assert 400 <= r.status_code < 500, r.text
    assert await _counts(services) == before


async def test_nul_in_names_and_filters_is_422_and_the_service_lives_on(
    team: Team, services: Any
) -> None:
    # PostgreSQL text cannot hold NUL. These reached SQL and crashed the issues actor; four
    # crashes in a row exceeded its supervisor's restart intensity and stopped the service.
    c, alice = team.client, team.auth["alice"]
    await team.label("bug")
    await team.issue(labels=["bug"])
    before = await _counts(services)
    for _ in range(2):
        for query, field in (
            ("author=al%00ice", "author"),
            ("assignee=%00", "assignee"),
            ("labels=bu%00g", "labels"),
            ("labels=bug,x%00", "labels"),
            ("q=a%00", "q"),
        ):
            r = await c.get(team.url(f"/issues?{query}"), headers=alice)
            assert r.status_code == 422, (query, r.text)
            assert _field(r) == field and "NUL" in r.json()["detail"]
        for method, path, body, field in (
            ("POST", "/issues", {"title": "t", "labels": ["bu\x00g"]}, "labels"),
            ("POST", "/issues", {"title": "t", "assignees": ["bob\x00"]}, "assignees"),
            ("PATCH", "/issues/1", {"labels": ["\x00"]}, "labels"),
            ("PATCH", "/issues/1", {"assignees": ["\x00"]}, "assignees"),
        ):
            r = await c.request(method, team.url(path), json=body, headers=alice)
            assert r.status_code == 422, (body, r.text)
            assert _field(r) == field and "NUL" in r.json()["detail"]
    assert await _counts(services) == before
    r = await c.get(team.url("/issues?labels=bug"), headers=alice)
    assert r.status_code == 200 and [i["iid"] for i in r.json()] == [1]
