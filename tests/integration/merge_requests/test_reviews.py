"""Reviews and approvals, and what a push to either branch does to a merge request: stale
approvals dismissed, mergeability recomputed, auto merge carried out (the push subscriber)."""

from __future__ import annotations

from typing import Any

from .conftest import MakeUser, Setup, eventually, push_event


async def _rule(setup: Setup, **body: Any) -> dict[str, Any]:
    r = await setup.client.post(
        f"/api/projects/{setup.project['id']}/protected-branches",
        json={"pattern": "main"} | body,
        headers=setup.alice_auth,
    )
    assert r.status_code == 201, r.text
    rule: dict[str, Any] = r.json()
    return rule


async def _review(setup: Setup, iid: int, auth: dict[str, str], state: str, body: str = "") -> Any:
    return await setup.client.post(
        f"{setup.base}/{iid}/reviews", json={"state": state, "body": body}, headers=auth
    )


async def test_approvals_count_distinct_reviewers_but_not_the_author(
    setup: Setup, make_user: MakeUser
) -> None:
    await _rule(setup, required_approvals=2)
    bob = await setup.member(make_user, "bob", "developer")
    carol = await setup.member(make_user, "carol", "developer")
    dave = await setup.member(make_user, "dave", "developer")
    main = setup.repo.head("main")
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(bob, source_branch="feature")
    assert mr["blockers"] == ["approvals_missing"]
    assert mr["approvals"] == {"required": 2, "given": 0, "approved_by": []}
    r = await _review(setup, mr["iid"], bob, "approve")
    assert r.status_code == 422 and "state" in r.json()["detail"]
    assert (await _review(setup, mr["iid"], bob, "comment", "note to self")).status_code == 201
    r = await _review(setup, mr["iid"], carol, "approve", "nice")
    assert r.status_code == 201, r.text
    review = r.json()
    assert review["state"] == "approved" and review["commit_sha"] == head
    assert review["author"]["username"] == "carol"
    assert (await _review(setup, mr["iid"], carol, "approve")).status_code == 201
    shown = await setup.get(mr["iid"])
    assert shown["approvals"]["given"] == 1 and shown["blockers"] == ["approvals_missing"]
    before = setup.repo.refs()
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={}, headers=setup.alice_auth
    )
    assert r.status_code == 409 and "approvals_missing" in r.json()["blockers"]
    assert setup.repo.refs() == before
    # Requesting changes withdraws that reviewer's approval; approving again restores it.
    r = await _review(setup, mr["iid"], dave, "request_changes")
    assert r.status_code == 422  # say what should change
    assert (await _review(setup, mr["iid"], dave, "approve")).status_code == 201
    assert (await setup.get(mr["iid"]))["mergeable"] is True
    assert (await _review(setup, mr["iid"], dave, "request_changes", "hmm")).status_code == 201
    assert (await setup.get(mr["iid"]))["approvals"]["given"] == 1
    assert (await _review(setup, mr["iid"], dave, "approve", "ok now")).status_code == 201
    shown = await setup.get(mr["iid"])
    assert [u["username"] for u in shown["approvals"]["approved_by"]] == ["carol", "dave"]
    assert shown["mergeable"] is True
    listed = (await setup.client.get(f"{setup.base}/{mr['iid']}/reviews", headers=bob)).json()
    assert [r["state"] for r in listed] == [
        "commented",
        "approved",
        "approved",
        "approved",
        "changes_requested",
        "approved",
    ]
    events = await setup.events("review.submitted")
    assert len(events) == 6 and events[-1]["review"]["state"] == "approved"
    assert events[-1]["merge_request"]["approvals"]["given"] == 2
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={}, headers=setup.alice_auth
    )
    assert r.status_code == 200, r.text
    r = await _review(setup, mr["iid"], carol, "approve")
    assert r.status_code == 409  # merged: no more reviews


async def test_a_push_dismisses_stale_approvals_when_the_rule_says_so(
    setup: Setup, make_user: MakeUser
) -> None:
    rule = await _rule(setup, required_approvals=1, dismiss_stale_approvals=True)
    assert rule["dismiss_stale_approvals"] is True
    carol = await setup.member(make_user, "carol", "developer")
    main = setup.repo.head("main")
    old = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    assert (await _review(setup, mr["iid"], carol, "approve")).status_code == 201
    assert (await setup.get(mr["iid"]))["mergeable"] is True
    new = setup.repo.grow("feature", {"b": "b\n"}, "b")
    await push_event(setup, setup.alice, [("refs/heads/feature", old, new)])

    async def dismissed() -> list[dict[str, Any]]:
        return await setup.events("review.dismissed")

    [event] = await eventually(dismissed)
    assert event["review"]["author"]["username"] == "carol"
    assert event["review"]["commit_sha"] == old and event["review"]["dismissed"] is True
    assert event["merge_request"]["approvals"]["given"] == 0
    assert event["sender"]["username"] == "alice"
    shown = await setup.get(mr["iid"])
    assert shown["blockers"] == ["approvals_missing"] and shown["source_sha"] == new
    reviews = (
        await setup.client.get(f"{setup.base}/{mr['iid']}/reviews", headers=setup.alice_auth)
    ).json()
    assert reviews[0]["dismissed"] is True
    # A fresh approval on the new head counts.
    assert (await _review(setup, mr["iid"], carol, "approve")).status_code == 201
    assert (await setup.get(mr["iid"]))["mergeable"] is True


async def test_without_the_rule_approvals_survive_a_push(setup: Setup, make_user: MakeUser) -> None:
    await _rule(setup, required_approvals=1)
    carol = await setup.member(make_user, "carol", "developer")
    main = setup.repo.head("main")
    old = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    assert (await _review(setup, mr["iid"], carol, "approve")).status_code == 201
    new = setup.repo.grow("feature", {"b": "b\n"}, "b")
    await push_event(setup, setup.alice, [("refs/heads/feature", old, new)])

    async def refreshed() -> bool:
        row = await setup.services.pool.fetchrow(
            "SELECT source_sha FROM merge_requests WHERE iid = $1", mr["iid"]
        )
        return bool(row["source_sha"] == new)

    await eventually(refreshed)
    assert await setup.events("review.dismissed") == []
    shown = await setup.get(mr["iid"])
    assert shown["approvals"]["given"] == 1 and shown["mergeable"] is True


async def test_a_push_to_the_target_recomputes_mergeability(setup: Setup) -> None:
    main = setup.repo.head("main")
    assert main is not None
    setup.repo.branch("feature", setup.repo.commit(main, {"README.md": "mine\n"}, "mine"))
    mr = await setup.open(source_branch="feature")
    assert mr["mergeable"] is True
    moved = setup.repo.grow("main", {"README.md": "theirs\n"}, "theirs")
    await push_event(setup, setup.alice, [("refs/heads/main", main, moved)])

    async def rechecked() -> Any:
        # What the subscriber stored, before any read could recompute it.
        return await setup.services.pool.fetchval(
            "SELECT merge_check::text FROM merge_requests WHERE iid = $1 AND target_sha = $2",
            mr["iid"],
            moved,
        )

    stored = await eventually(rechecked)
    assert '"clean": false' in stored and "README.md" in stored
    shown = await setup.get(mr["iid"])
    assert shown["blockers"] == ["conflicts"] and shown["conflicts"] == ["README.md"]


async def test_auto_merge_waits_for_approval(setup: Setup, make_user: MakeUser) -> None:
    await _rule(setup, required_approvals=1, merge_roles=["maintainer"])
    carol = await setup.member(make_user, "carol", "developer")
    main = setup.repo.head("main")
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    one = f"{setup.base}/{mr['iid']}"
    # A developer may not arm it here: the rule keeps merging into main to maintainers.
    r = await setup.client.post(f"{one}/merge", json={"auto_merge": True}, headers=carol)
    assert r.status_code == 403
    r = await setup.client.post(
        f"{one}/merge",
        json={"auto_merge": True, "strategy": "fast-forward", "delete_source_branch": True},
        headers=setup.alice_auth,
    )
    assert r.status_code == 202, r.text
    armed = r.json()
    assert armed["auto_merge"] is True and armed["auto_merge_strategy"] == "fast-forward"
    assert armed["auto_merge_by"]["username"] == "alice" and armed["state"] == "open"
    assert setup.repo.head("main") == main
    assert (await _review(setup, mr["iid"], carol, "approve")).status_code == 201
    merged = await setup.get(mr["iid"])
    assert merged["state"] == "merged" and merged["merged_by"]["username"] == "alice"
    assert merged["merge_strategy"] == "fast-forward" and merged["auto_merge"] is False
    assert setup.repo.head("main") == head and setup.repo.head("feature") is None


async def test_auto_merge_after_a_push_resolves_conflicts(setup: Setup) -> None:
    main = setup.repo.head("main")
    conflicting = setup.repo.branch(
        "feature", setup.repo.commit(main, {"README.md": "mine\n"}, "mine")
    )
    upstream = setup.repo.grow("main", {"README.md": "theirs\n"}, "theirs")
    mr = await setup.open(source_branch="feature")
    assert mr["blockers"] == ["conflicts"]
    r = await setup.client.patch(
        f"{setup.base}/{mr['iid']}",
        json={"auto_merge": True, "auto_merge_strategy": "merge"},
        headers=setup.alice_auth,
    )
    assert r.status_code == 200 and r.json()["auto_merge"] is True
    # The author resolves the conflict by merging main into the branch, and pushes.
    fixed = setup.repo.branch(
        "feature",
        setup.repo.commit(conflicting, {"README.md": "both\n"}, "Merge main", merged=(upstream,)),
    )
    await push_event(setup, setup.alice, [("refs/heads/feature", conflicting, fixed)])

    async def merged() -> bool:
        return (await setup.get(mr["iid"]))["state"] == "merged"

    await eventually(merged)
    new = setup.repo.head("main")
    assert new is not None and setup.repo.parents(new) == [upstream, fixed]
    assert setup.repo.file(new, "README.md") == "both"
    [event] = await setup.events("merge_request.merged")
    assert event["sender"]["username"] == "alice"
