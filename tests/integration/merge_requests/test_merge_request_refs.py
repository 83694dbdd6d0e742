"""``refs/merge-requests/<iid>/head`` keeps a merge request's commits reachable, and a push
that brings a merge request's source head into its target marks it merged (both as GitLab).

Pushes here are recorded as the post-receive hook records them (:func:`push_event`);
``test_real_pushes`` does the same with the git client against a running server.
"""

from __future__ import annotations

from typing import Any

from dais.actors.identity import messages as im

from .conftest import MakeUser, Setup, eventually, push_event


def _keep(setup: Setup, iid: int) -> str | None:
    result = setup.repo.run("rev-parse", "--verify", "--quiet", f"refs/merge-requests/{iid}/head")
    return result.stdout.strip() or None


def _gc(setup: Setup) -> None:
    """Collect every object no ref reaches, at once (what a later ``git gc`` would do)."""
    setup.repo.out("reflog", "expire", "--expire=now", "--all")
    setup.repo.out("gc", "--prune=now", "--quiet")


async def _commits(setup: Setup, iid: int) -> list[str]:
    r = await setup.client.get(f"{setup.base}/{iid}/commits", headers=setup.alice_auth)
    assert r.status_code == 200, r.text
    return [c["sha"] for c in r.json()["commits"]]


async def test_the_ref_follows_the_source_and_outlives_its_deletion(setup: Setup) -> None:
    main = setup.repo.head("main")
    first = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "first"))
    mr = await setup.open(source_branch="feature")
    assert _keep(setup, mr["iid"]) == first
    second = setup.repo.grow("feature", {"b": "b\n"}, "second")
    await push_event(setup, setup.alice, [("refs/heads/feature", first, second)])

    async def followed() -> bool:
        return _keep(setup, mr["iid"]) == second

    await eventually(followed)
    # Squashed with the source branch deleted: the merge request's own commits are
    # reachable from nothing else.
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge",
        json={"strategy": "squash", "delete_source_branch": True},
        headers=setup.alice_auth,
    )
    assert r.status_code == 200, r.text
    assert setup.repo.head("feature") is None and _keep(setup, mr["iid"]) == second
    _gc(setup)
    assert await _commits(setup, mr["iid"]) == [first, second]
    diff = await setup.client.get(f"{setup.base}/{mr['iid']}/diff", headers=setup.alice_auth)
    assert diff.status_code == 200 and {f["new_path"] for f in diff.json()["files"]} == {"a", "b"}
    # The ref is no branch: the repository's branch list does not show it.
    r = await setup.client.get(
        f"/api/projects/{setup.project['id']}/repository/branches", headers=setup.alice_auth
    )
    assert [b["name"] for b in r.json()] == ["main"]
    # The deletion the merge made is the only ref change a push event reports.
    push = (await setup.events("git.push"))[-1]
    assert [c["ref"] for c in push["refs"]] == ["refs/heads/main", "refs/heads/feature"]


async def test_an_open_merge_request_keeps_its_commits_when_its_branch_is_deleted(
    setup: Setup,
) -> None:
    main = setup.repo.head("main")
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "only here"))
    mr = await setup.open(source_branch="feature")
    r = await setup.client.delete(
        f"/api/projects/{setup.project['id']}/repository/branches/feature",
        headers=setup.alice_auth,
    )
    assert r.status_code == 204
    _gc(setup)
    assert await _commits(setup, mr["iid"]) == [head]
    assert _keep(setup, mr["iid"]) == head
    # Recreated elsewhere and reopened: the ref follows the branch again.
    again = setup.repo.branch("feature", setup.repo.commit(main, {"c": "c\n"}, "again"))
    r = await setup.client.patch(
        f"{setup.base}/{mr['iid']}", json={"state": "closed"}, headers=setup.alice_auth
    )
    assert r.status_code == 200
    r = await setup.client.patch(
        f"{setup.base}/{mr['iid']}", json={"state": "open"}, headers=setup.alice_auth
    )
    assert r.status_code == 200 and r.json()["source_sha"] == again
    assert _keep(setup, mr["iid"]) == again


async def _merged_event(setup: Setup, iid: int) -> dict[str, Any]:
    async def merged() -> list[dict[str, Any]]:
        return [
            e
            for e in await setup.events("merge_request.merged")
            if e["merge_request"]["iid"] == iid
        ]

    [event] = await eventually(merged)
    return event


async def test_a_merge_pushed_by_hand_marks_the_merge_request_merged(
    setup: Setup, make_user: MakeUser
) -> None:
    await setup.member(make_user, "bob", "maintainer")
    bob_id = await setup.services.pool.fetchval("SELECT id FROM users WHERE username = 'bob'")
    bob = await setup.services.system.ref("identity").ask(im.GetUser(bob_id))
    main = setup.repo.head("main")
    assert main is not None
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "Add a\n\nFixes #7"))
    upstream = setup.repo.grow("main", {"up": "up\n"}, "upstream")
    mr = await setup.open(source_branch="feature", body="Closes #3")
    setup.repo.branch("unrelated", setup.repo.commit(main, {"u": "u\n"}, "u"))
    other = await setup.open(source_branch="unrelated", title="untouched")
    merge = setup.repo.commit(upstream, {"a": "a\n"}, "Merge feature by hand", merged=(head,))
    setup.repo.branch("main", merge)
    await push_event(setup, bob, [("refs/heads/main", upstream, merge)])
    event = await _merged_event(setup, mr["iid"])
    assert event["sender"]["username"] == "bob"
    assert event["merge_request"]["closes_issues"] == [3, 7]
    shown = await setup.get(mr["iid"])
    assert shown["state"] == "merged" and shown["merged_by"]["username"] == "bob"
    assert shown["merge_commit_sha"] == merge and shown["merge_strategy"] is None
    carried = {k: v for k, v in event["merge_request"].items() if not k.startswith("closes_")}
    assert carried == shown  # the event carries it as GET shows it
    assert await _commits(setup, mr["iid"]) == [head]  # still what it brought
    assert (await setup.get(other["iid"]))["state"] == "open"


async def test_a_fast_forward_pushed_by_hand_has_no_merge_commit(setup: Setup) -> None:
    main = setup.repo.head("main")
    assert main is not None
    head = setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    # Nothing to merge, from the start: a later push to main does not make it "merged".
    setup.repo.branch("same", main)
    idle = await setup.open(source_branch="same", title="nothing to merge")
    assert idle["blockers"] == ["nothing_to_merge"]
    setup.repo.branch("main", head)
    await push_event(setup, setup.alice, [("refs/heads/main", main, head)])
    event = await _merged_event(setup, mr["iid"])
    assert event["merge_request"]["merge_commit_sha"] is None
    assert event["merge_request"]["merged_by"]["username"] == "alice"
    assert (await setup.get(idle["iid"]))["state"] == "open"
    assert await setup.events("merge_request.merged") == [event]


async def test_commits_copied_by_hand_do_not_mark_it_merged(setup: Setup) -> None:
    """A cherry-pick or rebase pushed by hand has other commits: GitLab cannot tell either."""
    main = setup.repo.head("main")
    assert main is not None
    setup.repo.branch("feature", setup.repo.commit(main, {"a": "a\n"}, "a"))
    mr = await setup.open(source_branch="feature")
    copied = setup.repo.grow("main", {"a": "a\n"}, "a", date="1700009999 +0000")
    await push_event(setup, setup.alice, [("refs/heads/main", main, copied)])

    async def rechecked() -> bool:
        row = await setup.services.pool.fetchrow(
            "SELECT target_sha FROM merge_requests WHERE iid = $1", mr["iid"]
        )
        return bool(row["target_sha"] == copied)

    await eventually(rechecked)
    assert (await setup.get(mr["iid"]))["state"] == "open"
    assert await setup.events("merge_request.merged") == []
