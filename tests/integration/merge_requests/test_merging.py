"""Merging over HTTP, each strategy checked by reading the resulting history with git."""

from __future__ import annotations

import pytest

from dais.actors.merges import plumbing

from .conftest import MakeUser, Setup

_DEV = ("Dev Person", "dev@example.com")


def _diverge(setup: Setup) -> tuple[str, str, str, str]:
    """main gains a commit after feature branched off; feature has two commits of its own.

    Returns (base, main head, first feature commit, feature head)."""
    base = setup.repo.head("main")
    assert base is not None
    first = setup.repo.commit(
        base, {"feature.txt": "one\n"}, "Add feature", author=_DEV, date="1700000100 +0200"
    )
    second = setup.repo.commit(
        first,
        {"feature.txt": "one\ntwo\n", "docs.md": "docs\n"},
        "Extend feature\n\nWith a body.",
        author=("Other Dev", "other@example.com"),
        date="1700000200 -0500",
    )
    setup.repo.branch("feature", second)
    upstream = setup.repo.grow("main", {"upstream.txt": "up\n"}, "Upstream work")
    return base, upstream, first, second


async def _merge(setup: Setup, iid: int, headers: dict[str, str] | None = None, **body: object):  # type: ignore[no-untyped-def]
    return await setup.client.post(
        f"{setup.base}/{iid}/merge", json=body, headers=headers or setup.alice_auth
    )


async def test_merge_commit(setup: Setup) -> None:
    _base, upstream, _first, head = _diverge(setup)
    mr = await setup.open(source_branch="feature", title="Feature", body="Closes #4")
    r = await _merge(setup, mr["iid"], strategy="merge", delete_source_branch=True)
    assert r.status_code == 200, r.text
    merged = r.json()
    new = setup.repo.head("main")
    assert merged["state"] == "merged" and merged["merge_commit_sha"] == new
    assert merged["merge_strategy"] == "merge" and merged["merged_by"]["username"] == "alice"
    assert merged["blockers"] == ["merged"] and merged["mergeable"] is False
    assert setup.repo.parents(new) == [upstream, head]
    assert setup.repo.show("%an <%ae>|%cn <%ce>", new) == (
        "Alice <alice@example.com>|Alice <alice@example.com>"
    )
    assert setup.repo.show("%s", new) == "Merge branch 'feature' into 'main'"
    for path, content in (("feature.txt", "one\ntwo"), ("docs.md", "docs"), ("upstream.txt", "up")):
        assert setup.repo.file(new, path) == content
    assert setup.repo.head("feature") is None  # deleted with the merge
    # The merged event, then a push event for what moved (update-ref runs no hooks).
    [event] = await setup.events("merge_request.merged")
    assert event["merge_request"]["closes_issues"] == [4]
    assert event["merge_request"]["state"] == "merged"
    push = (await setup.events("git.push"))[-1]
    assert push["pusher"]["username"] == "alice"
    assert push["refs"] == [
        {"ref": "refs/heads/main", "old": upstream, "new": new},
        {"ref": "refs/heads/feature", "old": head, "new": "0" * 40},
    ]
    # The merged merge request still shows what it brought.
    commits = (await setup.client.get(f"{setup.base}/1/commits", headers=setup.alice_auth)).json()
    assert len(commits["commits"]) == 2
    again = await _merge(setup, mr["iid"])
    assert again.status_code == 409 and "merged" in again.json()["detail"]


async def test_squash(setup: Setup, make_user: MakeUser) -> None:
    bob = await setup.member(make_user, "bob", "developer")
    _base, upstream, _first, _head = _diverge(setup)
    mr = await setup.open(bob, source_branch="feature", title="Squashed feature")
    r = await _merge(setup, mr["iid"], strategy="squash", commit_message="Feature, squashed\n")
    assert r.status_code == 200, r.text
    new = setup.repo.head("main")
    assert setup.repo.parents(new) == [upstream]
    assert setup.repo.show("%B", new) == "Feature, squashed"
    # Authored by the merge request's author, committed by the merger.
    assert setup.repo.show("%an <%ae>", new) == "Bob <bob@example.com>"
    assert setup.repo.show("%cn <%ce>", new) == "Alice <alice@example.com>"
    assert setup.repo.file(new, "feature.txt") == "one\ntwo"
    assert setup.repo.file(new, "upstream.txt") == "up"
    assert setup.repo.head("feature") == _head  # kept unless asked to delete


async def test_rebase_replays_each_commit_keeping_authorship(setup: Setup) -> None:
    base, upstream, first, head = _diverge(setup)
    mr = await setup.open(source_branch="feature", title="Rebased feature")
    r = await _merge(setup, mr["iid"], strategy="rebase")
    assert r.status_code == 200, r.text
    new = setup.repo.head("main")
    assert r.json()["merge_commit_sha"] == new
    log = setup.repo.out("rev-list", "--parents", f"{upstream}..{new}").splitlines()
    assert len(log) == 2  # two replayed commits, no merge commit
    replayed_second, replayed_first = (line.split() for line in log)
    assert replayed_first[1:] == [upstream] and replayed_second[1:] == [replayed_first[0]]
    assert replayed_second[0] == new
    for old, replayed in ((first, replayed_first[0]), (head, replayed_second[0])):
        assert replayed != old
        assert setup.repo.show("%an|%ae|%ad|%B", replayed) == setup.repo.show("%an|%ae|%ad|%B", old)
        assert setup.repo.show("%cn <%ce>", replayed) == "Alice <alice@example.com>"
    assert setup.repo.show("%ad", replayed_first[0]) == setup.repo.show("%ad", first)
    assert setup.repo.file(replayed_first[0], "feature.txt") == "one"
    assert setup.repo.file(new, "feature.txt") == "one\ntwo"
    assert setup.repo.file(new, "upstream.txt") == "up"
    assert base in setup.repo.out("rev-list", new).split()


async def test_fast_forward_only_when_possible(setup: Setup) -> None:
    _base, _upstream, _first, head = _diverge(setup)
    mr = await setup.open(source_branch="feature", title="ff")
    assert mr["fast_forward_possible"] is False
    before = setup.repo.refs()
    r = await _merge(setup, mr["iid"], strategy="fast-forward")
    assert r.status_code == 409 and "fast-forward" in r.json()["detail"]
    assert setup.repo.refs() == before
    assert (await setup.get(mr["iid"]))["state"] == "open"
    # Once the source is on top of the target, the target simply moves to it.
    main = setup.repo.head("main")
    on_top = setup.repo.branch("ontop", setup.repo.commit(main, {"z": "z\n"}, "On top"))
    mr2 = await setup.open(source_branch="ontop", title="ff 2")
    assert mr2["fast_forward_possible"] is True
    r = await _merge(setup, mr2["iid"], strategy="fast-forward")
    assert r.status_code == 200, r.text
    assert setup.repo.head("main") == on_top
    assert r.json()["merge_commit_sha"] == on_top


async def test_conflicts_are_detected_and_merging_them_changes_nothing(setup: Setup) -> None:
    main = setup.repo.head("main")
    setup.repo.branch("left", setup.repo.commit(main, {"README.md": "left\n", "ok": "1\n"}, "L"))
    setup.repo.grow("main", {"README.md": "right\n"}, "R")
    mr = await setup.open(source_branch="left", title="conflicting")
    assert mr["mergeable"] is False
    assert mr["conflicts"] == ["README.md"]
    assert mr["blockers"] == ["conflicts"]
    before = setup.repo.refs()
    for strategy in ("merge", "squash", "rebase", "fast-forward"):
        r = await _merge(setup, mr["iid"], strategy=strategy, delete_source_branch=True)
        assert r.status_code == 409, (strategy, r.text)
        assert "conflicts" in r.json()["blockers"]
    assert setup.repo.refs() == before
    assert await setup.events("merge_request.merged") == []
    assert (await setup.get(mr["iid"]))["state"] == "open"


async def test_allowed_strategies_are_a_project_setting(setup: Setup) -> None:
    project = f"/api/projects/{setup.project['id']}"
    assert setup.project["merge_strategies"] == ["merge", "squash", "rebase", "fast-forward"]
    for bad in ([], ["octopus"], "merge"):
        r = await setup.client.patch(
            project, json={"merge_strategies": bad}, headers=setup.alice_auth
        )
        assert r.status_code == 422, (bad, r.text)
        assert "merge_strategies" in r.json()["detail"]
    r = await setup.client.patch(
        project, json={"merge_strategies": ["squash", "rebase"]}, headers=setup.alice_auth
    )
    assert r.status_code == 200 and r.json()["merge_strategies"] == ["squash", "rebase"]
    got = await setup.client.get(project, headers=setup.alice_auth)
    assert got.json()["merge_strategies"] == ["squash", "rebase"]
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    before = setup.repo.refs()
    for strategy in ("merge", "fast-forward"):
        r = await _merge(setup, mr["iid"], strategy=strategy)
        assert r.status_code == 422, r.text
        assert "strategy" in r.json()["detail"] and strategy in r.json()["detail"]
    assert setup.repo.refs() == before
    r = await _merge(setup, mr["iid"], strategy="merge", auto_merge=True)
    assert r.status_code == 422
    # No strategy named: the project's first allowed one (squash).
    r = await _merge(setup, mr["iid"])
    assert r.status_code == 200 and r.json()["merge_strategy"] == "squash"
    assert setup.repo.parents(setup.repo.head("main") or "") == [main]


async def test_deleted_source_branch_blocks_the_merge(setup: Setup) -> None:
    main = setup.repo.head("main")
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    r = await setup.client.delete(
        f"/api/projects/{setup.project['id']}/repository/branches/feature", headers=setup.alice_auth
    )
    assert r.status_code == 204
    shown = await setup.get(mr["iid"])
    assert shown["blockers"] == ["source_branch_missing"] and shown["mergeable"] is False
    assert shown["source_sha"] == head  # the last head seen
    before = setup.repo.refs()
    r = await _merge(setup, mr["iid"])
    assert r.status_code == 409 and "source_branch_missing" in r.json()["detail"]
    r = await _merge(setup, mr["iid"], auto_merge=True)
    assert r.status_code == 409
    assert setup.repo.refs() == before and setup.repo.head("main") == main


async def test_protected_target_asks_for_a_merge_role(setup: Setup) -> None:
    rules = f"/api/projects/{setup.project['id']}/protected-branches"
    r = await setup.client.post(
        rules, json={"pattern": "main", "merge_roles": ["developer"]}, headers=setup.alice_auth
    )
    assert r.status_code == 201 and r.json()["dismiss_stale_approvals"] is False
    main_rule = r.json()["id"]
    protect_feature = await setup.client.post(
        rules, json={"pattern": "feature", "push_roles": ["maintainer"]}, headers=setup.alice_auth
    )
    assert protect_feature.status_code == 201
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    assert mr["target_protected"] is True
    before = setup.repo.refs()
    r = await _merge(setup, mr["iid"])
    assert r.status_code == 403 and "only developer may merge" in r.json()["detail"]
    r = await setup.client.patch(
        f"{rules}/{main_rule}", json={"merge_roles": ["maintainer"]}, headers=setup.alice_auth
    )
    assert r.status_code == 200
    # The source branch is protected against deletion: refused as a whole, nothing moves.
    r = await _merge(setup, mr["iid"], delete_source_branch=True)
    assert r.status_code == 403 and "delete_source_branch" in r.json()["detail"]
    assert setup.repo.refs() == before
    r = await _merge(setup, mr["iid"])
    assert r.status_code == 200, r.text


async def test_closing_references(setup: Setup) -> None:
    main = setup.repo.head("main")
    setup.repo.branch("other", setup.repo.commit(main, {"o": "o\n"}, "other"))
    other = await setup.open(source_branch="other", title="Superseded")
    setup.repo.branch(
        "feature",
        setup.repo.commit(main, {"a": "a\n"}, "Fix it\n\nFixes #5 and resolves !1, closes x/y#9"),
    )
    mr = await setup.open(source_branch="feature", body="Closes #3, #4\nRelated to #8")
    r = await _merge(setup, mr["iid"], strategy="merge")
    assert r.status_code == 200, r.text
    [event] = await setup.events("merge_request.merged")
    assert event["merge_request"]["closes_issues"] == [3, 4, 5]
    assert event["merge_request"]["closes_merge_requests"] == [other["iid"]]
    closed = await setup.get(other["iid"])
    assert closed["state"] == "closed" and closed["closed_by"]["username"] == "alice"
    assert [e["merge_request"]["iid"] for e in await setup.events("merge_request.closed")] == [1]


async def test_ref_moves_are_all_or_nothing(setup: Setup) -> None:
    """What a merge relies on: when one ref is not where expected (another push won the
    race), neither the target nor the source branch moves."""
    main = setup.repo.head("main")
    assert main is not None
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    raced = setup.repo.grow("main", {"b": "b\n"}, "pushed meanwhile")
    before = setup.repo.refs()
    with pytest.raises(plumbing.GitError):
        await plumbing.update_refs(
            setup.repo.path,
            [
                plumbing.RefChange("refs/heads/main", main, head),  # stale old value
                plumbing.RefChange("refs/heads/feature", head, plumbing.ZERO_SHA),
            ],
        )
    assert setup.repo.refs() == before
    assert setup.repo.head("main") == raced and setup.repo.head("feature") == head
