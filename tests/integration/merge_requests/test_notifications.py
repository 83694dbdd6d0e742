"""What merge requests tell people: a review request when they are asked, a mention in a
comment on a line, and the merge, to the author and the reviewers but not to who merged."""

from __future__ import annotations

from typing import Any

from tests.integration.notify.conftest import eventually, kick

from .conftest import MakeUser, Setup


async def _mine(setup: Setup, auth: dict[str, str], count: int) -> list[dict[str, Any]]:
    async def check() -> list[dict[str, Any]] | None:
        kick(setup.services)
        found: list[dict[str, Any]] = (
            await setup.client.get("/api/user/notifications", headers=auth)
        ).json()
        return found if len(found) >= count else None

    result: list[dict[str, Any]] = await eventually(check)
    return result


async def test_review_requests_mentions_and_the_merge(setup: Setup, make_user: MakeUser) -> None:
    bob = await setup.member(make_user, "bob", "developer")
    carol = await setup.member(make_user, "carol", "maintainer")
    main = setup.repo.head("main")
    setup.repo.branch("feature", setup.repo.commit(main, {"feature.txt": "one"}, "Add a feature"))
    mr = await setup.open(source_branch="feature", title="Feature", reviewers=["bob"])
    [asked] = await _mine(setup, bob, 1)
    assert asked["kind"] == "review_requested"
    assert asked["title"].startswith("alice asked you to review !1: Feature")
    assert asked["url"].endswith(f"/alice/web/-/merge_requests/{mr['iid']}")

    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/comments",
        json={"body": "@carol could you check this line?"},
        headers=bob,
    )
    assert r.status_code == 201, r.text
    [mentioned] = await _mine(setup, carol, 1)
    assert mentioned["kind"] == "mentioned" and mentioned["actor"] == "bob"
    assert "#note-" in mentioned["url"]

    # carol merges: alice (the author) and bob (the reviewer) hear of it; carol does not.
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={"strategy": "merge"}, headers=carol
    )
    assert r.status_code == 200, r.text
    alice = await _mine(setup, setup.alice_auth, 2)
    assert [n["kind"] for n in alice][0] == "merged"
    assert alice[0]["title"].startswith("carol merged !1")
    bobs = await _mine(setup, bob, 2)
    assert [n["kind"] for n in bobs] == ["merged", "review_requested"]
    carols = (await setup.client.get("/api/user/notifications", headers=carol)).json()
    assert [n["kind"] for n in carols] == ["mentioned"]
