"""Merge requests over HTTP: opening, reading, editing, permissions, commits, diff, comments."""

from __future__ import annotations

import httpx

from .conftest import MakeUser, Setup


async def _label(setup: Setup, name: str) -> None:
    await setup.services.pool.execute(
        "INSERT INTO labels (project_id, name) VALUES ($1, $2)", int(setup.project["id"]), name
    )


async def test_open_read_and_list(setup: Setup, make_user: MakeUser) -> None:
    await setup.member(make_user, "bob", "developer")
    await setup.member(make_user, "carol", "developer")
    await _label(setup, "Backend")
    main = setup.repo.head("main")
    head = setup.repo.branch(
        "feature", setup.repo.commit(main, {"app.py": "print(1)\n"}, "Add app")
    )
    mr = await setup.open(
        source_branch="feature",
        title="Add the app",
        body="It prints.",
        assignees=["bob"],
        reviewers=["carol"],
        labels=["backend"],
    )
    assert mr["iid"] == 1 and mr["state"] == "open" and mr["draft"] is False
    assert mr["target_branch"] == "main" and mr["source_branch"] == "feature"
    assert (mr["source_sha"], mr["target_sha"]) == (head, main)
    assert mr["author"]["username"] == "alice"
    assert [u["username"] for u in mr["assignees"]] == ["bob"]
    assert [u["username"] for u in mr["reviewers"]] == ["carol"]
    assert [lb["name"] for lb in mr["labels"]] == ["Backend"]
    assert mr["mergeable"] is True and mr["blockers"] == [] and mr["conflicts"] == []
    assert mr["fast_forward_possible"] is True and mr["merge_base_sha"] == main
    # The event carries the merge request exactly as GET shows it.
    shown = await setup.get(1)
    [opened] = await setup.events("merge_request.opened")
    assert opened["merge_request"] == shown
    assert opened["project"] == {"id": setup.project["id"], "path": "alice/web"}
    assert opened["sender"]["username"] == "alice"
    # Numbers are per project and separate from issues; lists filter.
    setup.repo.branch("other", setup.repo.commit(main, {"b.txt": "b\n"}, "b"))
    second = await setup.open(source_branch="other", title="Other", draft=True)
    assert second["iid"] == 2 and second["blockers"] == ["draft"]
    r = await setup.client.get(setup.base, headers=setup.alice_auth)
    assert [m["iid"] for m in r.json()] == [2, 1] and r.headers["x-total-count"] == "2"
    page = (
        await setup.client.get(setup.base, params={"label": "backend"}, headers=setup.alice_auth)
    ).json()
    assert [m["iid"] for m in page] == [1]
    # The same source and target cannot be proposed twice while open.
    r = await setup.client.post(
        setup.base, json={"source_branch": "feature", "title": "again"}, headers=setup.alice_auth
    )
    assert r.status_code == 409, r.text


async def test_bad_input_is_refused_and_nothing_is_written(setup: Setup) -> None:
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    cases = [
        ({"source_branch": "feature", "title": "t", "assignees": ["ghost"]}, 422, "assignees"),
        ({"source_branch": "feature", "title": "t", "reviewers": ["ghost"]}, 422, "reviewers"),
        ({"source_branch": "feature", "title": "t", "labels": ["nope"]}, 422, "labels"),
        ({"source_branch": "main", "title": "t"}, 422, "target_branch"),
        ({"source_branch": "missing", "title": "t"}, 422, "source_branch"),
        ({"source_branch": "feature", "target_branch": "gone", "title": "t"}, 422, "target_branch"),
        ({"source_branch": "bad..name", "title": "t"}, 422, "source_branch"),
        ({"source_branch": "feature", "title": "x" * 256}, 422, "title"),
        ({"source_branch": "feature", "title": ""}, 422, "title"),
        ({"source_branch": "feature", "title": "two\nlines"}, 422, "title"),
        ({"source_branch": "feature", "title": "t", "body": "x" * ((1 << 20) + 1)}, 422, "body"),
        ({"source_branch": "feature", "title": "t", "body": "nul \x00"}, 422, "body"),
        ({"source_branch": "feature", "title": "t", "surprise": 1}, 422, "surprise"),
        ({"source_branch": "feature", "title": "t", "reviewers": ["alice"]}, 422, "reviewers"),
    ]
    for body, status, field in cases:
        r = await setup.client.post(setup.base, json=body, headers=setup.alice_auth)
        assert r.status_code == status, (body, r.text)
        assert field in r.json()["detail"], (body, r.text)
    assert await setup.services.pool.fetchval("SELECT count(*) FROM merge_requests") == 0
    assert await setup.events("merge_request.opened") == []
    # 9 names none; 0 and a number past the integer column are not merge request numbers.
    for missing, status in (("9", 404), ("99999999999", 400), ("0", 400)):
        r = await setup.client.get(f"{setup.base}/{missing}", headers=setup.alice_auth)
        assert r.status_code == status, r.text
    r = await setup.client.get(setup.base, params={"author": "a\x00"}, headers=setup.alice_auth)
    assert r.status_code == 422 and "author" in r.json()["detail"]


async def test_permissions(setup: Setup, make_user: MakeUser, client: httpx.AsyncClient) -> None:
    viewer = await setup.member(make_user, "vera", "viewer")
    bob = await setup.member(make_user, "bob", "developer")
    carol = await setup.member(make_user, "carol", "developer")
    _stranger, stranger = await make_user("mallory")
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    body = {"source_branch": "feature", "title": "t"}
    assert (await client.post(setup.base, json=body)).status_code == 401
    assert (await client.post(setup.base, json=body, headers=stranger)).status_code == 404
    assert (await client.post(setup.base, json=body, headers=viewer)).status_code == 403
    assert (await client.get(setup.base)).status_code == 401  # private project
    mr = await setup.open(bob, **body)
    one = f"{setup.base}/{mr['iid']}"
    assert (await client.get(one, headers=viewer)).status_code == 200
    assert (await client.get(one, headers=stranger)).status_code == 404
    # Editing: the author, or anyone holding merge_request:write; not a viewer.
    r = await client.patch(one, json={"title": "by bob"}, headers=bob)
    assert r.status_code == 200 and r.json()["title"] == "by bob"
    r = await client.patch(one, json={"title": "by carol"}, headers=carol)
    assert r.status_code == 200
    assert (await client.patch(one, json={"title": "v"}, headers=viewer)).status_code == 403
    # Comments and reviews need merge_request:write; merging needs merge_request:merge.
    c = await client.post(f"{one}/comments", json={"body": "hi"}, headers=viewer)
    assert c.status_code == 403
    c = await client.post(f"{one}/reviews", json={"state": "approve"}, headers=viewer)
    assert c.status_code == 403
    r = await client.post(f"{one}/merge", json={}, headers=viewer)
    assert r.status_code == 403 and "merge_request:merge" in r.json()["detail"]
    # Developers hold merge_request:merge (as in GitLab); a rule may keep a branch from them.
    rule = await client.post(
        f"/api/projects/{setup.project['id']}/protected-branches",
        json={"pattern": "main", "merge_roles": ["maintainer"]},
        headers=setup.alice_auth,
    )
    assert rule.status_code == 201, rule.text
    r = await client.post(f"{one}/merge", json={}, headers=carol)
    assert r.status_code == 403, r.text
    assert setup.repo.head("main") == main
    r = await client.post(f"{one}/merge", json={}, headers=setup.alice_auth)
    assert r.status_code == 200, r.text


async def test_edit_close_reopen_and_events(setup: Setup, make_user: MakeUser) -> None:
    await setup.member(make_user, "bob", "developer")
    await _label(setup, "ui")
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    setup.repo.branch("release", main)
    mr = await setup.open(source_branch="feature", title="Old", draft=True)
    one = f"{setup.base}/{mr['iid']}"
    r = await setup.client.patch(
        one,
        json={
            "title": "New",
            "assignees": ["bob"],
            "labels": ["UI"],
            "target_branch": "release",
            "draft": False,
        },
        headers=setup.alice_auth,
    )
    assert r.status_code == 200, r.text
    mr = r.json()
    assert mr["title"] == "New" and mr["target_branch"] == "release" and mr["draft"] is False
    assert [lb["name"] for lb in mr["labels"]] == ["ui"] and mr["mergeable"] is True
    [edited] = await setup.events("merge_request.edited")
    assert edited["changes"]["title"] == {"from": "Old"}
    assert edited["changes"]["target_branch"] == {"from": "main"}
    assert edited["changes"]["assignees"] == {"from": []}
    assert len(await setup.events("merge_request.ready")) == 1
    for bad, field in (
        ({"labels": ["nope"]}, "labels"),
        ({"assignees": ["ghost"]}, "assignees"),
        ({"target_branch": "feature"}, "target_branch"),
        ({"target_branch": "nowhere"}, "target_branch"),
        ({"state": "merged"}, "state"),
        ({"title": "y" * 300}, "title"),
    ):
        r = await setup.client.patch(one, json=bad, headers=setup.alice_auth)
        assert r.status_code == 422, (bad, r.text)
        assert field in r.json()["detail"]
    assert (await setup.get(mr["iid"]))["title"] == "New"
    r = await setup.client.patch(one, json={"state": "closed"}, headers=setup.alice_auth)
    assert r.status_code == 200 and r.json()["state"] == "closed"
    assert r.json()["closed_by"]["username"] == "alice" and r.json()["blockers"] == ["closed"]
    r = await setup.client.post(f"{one}/merge", json={}, headers=setup.alice_auth)
    assert r.status_code == 409 and "closed" in r.json()["detail"]
    assert setup.repo.head("release") == main
    r = await setup.client.patch(one, json={"state": "open"}, headers=setup.alice_auth)
    assert r.status_code == 200 and r.json()["state"] == "open" and r.json()["closed_by"] is None
    kinds = [e["kind"] for e in await setup.events() if e["kind"].startswith("merge_request.")]
    assert kinds == [
        "merge_request.opened",
        "merge_request.edited",
        "merge_request.ready",
        "merge_request.closed",
        "merge_request.reopened",
    ]


async def test_commits_and_diff(setup: Setup) -> None:
    main = setup.repo.head("main")
    first = setup.repo.commit(main, {"src/a.py": "one\ntwo\n"}, "First")
    second = setup.repo.commit(first, {"src/a.py": "one\nthree\n", "b.txt": "b\n"}, "Second")
    setup.repo.branch("feature", second)
    mr = await setup.open(source_branch="feature")
    one = f"{setup.base}/{mr['iid']}"
    commits = (await setup.client.get(f"{one}/commits", headers=setup.alice_auth)).json()
    assert [c["sha"] for c in commits["commits"]] == [first, second]
    assert commits["commits"][0]["title"] == "First" and commits["truncated"] is False
    diff = (await setup.client.get(f"{one}/diff", headers=setup.alice_auth)).json()
    files = {f["new_path"]: f for f in diff["files"]}
    assert set(files) == {"src/a.py", "b.txt"}
    assert files["src/a.py"]["additions"] == 2 and files["src/a.py"]["deletions"] == 0
    assert "+three" in files["src/a.py"]["patch"]
    assert diff["stats"]["files"] == 2 and diff["truncated"] is False
    assert diff["base_sha"] == main and diff["head_sha"] == second
    # A large diff is cut short and says so.
    many = setup.repo.commit(second, {f"gen/{i:04}.txt": f"{i}\n" for i in range(320)}, "Many")
    setup.repo.branch("feature", many)
    diff = (await setup.client.get(f"{one}/diff", headers=setup.alice_auth)).json()
    assert diff["truncated"] is True and diff["stats"]["files"] == 322
    assert len(diff["files"]) < 322


async def test_comments_and_line_comments(setup: Setup, make_user: MakeUser) -> None:
    bob = await setup.member(make_user, "bob", "developer")
    main = setup.repo.head("main")
    head = setup.repo.branch("feature", setup.repo.commit(main, {"src/a.py": "1\n2\n3\n"}, "a"))
    unrelated = setup.repo.commit(None, {"x": "x\n"}, "elsewhere")
    mr = await setup.open(source_branch="feature")
    comments = f"{setup.base}/{mr['iid']}/comments"
    r = await setup.client.post(comments, json={"body": "Looks good"}, headers=bob)
    assert r.status_code == 201 and r.json()["path"] is None
    general = r.json()
    anchor = {"body": "Why 3?", "path": "src/a.py", "line": 3, "commit_sha": head}
    r = await setup.client.post(comments, json=anchor, headers=bob)
    assert r.status_code == 201, r.text
    line = r.json()
    assert (line["path"], line["line"], line["commit_sha"]) == ("src/a.py", 3, head)
    for bad, field in (
        (anchor | {"path": "src/missing.py"}, "path"),
        (anchor | {"path": "src"}, "path"),
        (anchor | {"line": 4}, "line"),
        (anchor | {"commit_sha": unrelated}, "commit_sha"),
        (anchor | {"commit_sha": "f" * 40}, "commit_sha"),
        ({"body": "x", "path": "src/a.py"}, "path"),
        ({"body": ""}, "body"),
        ({"body": "x", "line": 0, "path": "src/a.py", "commit_sha": head}, "line"),
        (anchor | {"path": "src/a.py\x00"}, "path"),
        (anchor | {"path": "/etc/passwd"}, "path"),
    ):
        r = await setup.client.post(comments, json=bad, headers=bob)
        assert r.status_code == 422, (bad, r.text)
        assert field in r.json()["detail"], (bad, r.text)
    listed = (await setup.client.get(comments, headers=setup.alice_auth)).json()
    assert [c["id"] for c in listed] == [general["id"], line["id"]]
    # Only the author edits; the author or a project admin deletes.
    r = await setup.client.patch(
        f"{comments}/{general['id']}", json={"body": "edited"}, headers=setup.alice_auth
    )
    assert r.status_code == 403
    r = await setup.client.patch(f"{comments}/{general['id']}", json={"body": "LGTM"}, headers=bob)
    assert r.status_code == 200 and r.json()["body"] == "LGTM"
    r = await setup.client.delete(f"{comments}/{line['id']}", headers=setup.alice_auth)
    assert r.status_code == 204
    r = await setup.client.delete(f"{comments}/{line['id']}", headers=setup.alice_auth)
    assert r.status_code == 404
    kinds = [e["kind"] for e in await setup.events() if e["kind"].startswith("merge_request_c")]
    assert kinds == [
        "merge_request_comment.created",
        "merge_request_comment.created",
        "merge_request_comment.edited",
        "merge_request_comment.deleted",
    ]
    [edited] = await setup.events("merge_request_comment.edited")
    assert edited["comment"]["body"] == "LGTM" and edited["changes"] == {
        "body": {"from": "Looks good"}
    }
    assert edited["merge_request"]["iid"] == mr["iid"]


async def test_an_archived_project_is_read_only(setup: Setup) -> None:
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    r = await setup.client.patch(
        f"/api/projects/{setup.project['id']}", json={"archived": True}, headers=setup.alice_auth
    )
    assert r.status_code == 200
    one = f"{setup.base}/{mr['iid']}"
    assert (await setup.client.get(one, headers=setup.alice_auth)).status_code == 200
    for method, path, body in (
        ("POST", setup.base, {"source_branch": "feature", "title": "t"}),
        ("PATCH", one, {"title": "x"}),
        ("POST", f"{one}/comments", {"body": "x"}),
        ("POST", f"{one}/reviews", {"state": "comment", "body": "x"}),
        ("POST", f"{one}/merge", {}),
    ):
        r = await setup.client.request(method, path, json=body, headers=setup.alice_auth)
        assert r.status_code == 403 and "archived" in r.json()["detail"], (method, path, r.text)
    assert setup.repo.head("main") == main
