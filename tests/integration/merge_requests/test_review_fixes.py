"""Bugs found in review, each pinned by what a user would notice: races between merges and
pushes, scoped tokens, who may be assigned, hostile paths, and what auto merge keeps."""

from __future__ import annotations

import subprocess
from typing import Any

import anyio
import httpx
import pytest

from dais.actors.identity import messages as im
from dais.actors.merges import plumbing
from dais.actors.merges._base import MergeRequestsBase

from .conftest import MakeUser, Setup, eventually

_AUDIT = im.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)


async def _token(setup: Setup, user_id: int, *scopes: str) -> dict[str, str]:
    _record, token = await setup.services.system.ref("identity").ask(
        im.CreateToken(user_id, "scoped", frozenset(scopes), None, _AUDIT)
    )
    return {"Authorization": f"Bearer {token}"}


def _feature(
    setup: Setup, name: str = "feature", files: dict[str, str | None] | None = None
) -> str:
    main = setup.repo.head("main")
    return setup.repo.branch(name, setup.repo.commit(main, files or {name: "x\n"}, name))


async def test_a_line_comment_path_outside_the_repository_is_a_422(setup: Setup) -> None:
    """``../x`` made git exit 128, which crashed the actor (a 503) instead of a 422."""
    head = _feature(setup, files={"a.txt": "1\n"})
    mr = await setup.open(source_branch="feature")
    comments = f"{setup.base}/{mr['iid']}/comments"
    for path in ("../etc/passwd", "a/../../b", "..", "./a.txt", "a.txt/", "dir//a.txt"):
        r = await setup.client.post(
            comments,
            json={"body": "x", "path": path, "line": 1, "commit_sha": head},
            headers=setup.alice_auth,
        )
        assert r.status_code == 422, (path, r.text)
        assert "path" in r.json()["detail"], (path, r.text)
    assert (await setup.client.get(comments, headers=setup.alice_auth)).json() == []
    # The actor is alive and well: the same comment on the real path works.
    r = await setup.client.post(
        comments,
        json={"body": "x", "path": "a.txt", "line": 1, "commit_sha": head},
        headers=setup.alice_auth,
    )
    assert r.status_code == 201, r.text


async def test_an_authors_token_without_the_write_scope_cannot_edit(
    setup: Setup, make_user: MakeUser
) -> None:
    """Being the author let a token scoped to project:read edit the merge request and the
    author's comments: the token's scopes bound what its owner may do as an author too."""
    bob, bob_auth = await make_user("bob")
    r = await setup.client.post(
        f"/api/projects/{setup.project['id']}/members",
        json={"user_id": str(bob.id), "role": "developer"},
        headers=setup.alice_auth,
    )
    assert r.status_code == 201
    _feature(setup)
    mr = await setup.open(bob_auth, source_branch="feature", title="Bob's")
    one = f"{setup.base}/{mr['iid']}"
    c = await setup.client.post(f"{one}/comments", json={"body": "mine"}, headers=bob_auth)
    assert c.status_code == 201
    comment = f"{one}/comments/{c.json()['id']}"
    reader = await _token(setup, bob.id, "project:read")
    for method, path, body in (
        ("PATCH", one, {"title": "changed"}),
        ("PATCH", one, {"state": "closed"}),
        ("PATCH", comment, {"body": "changed"}),
        ("DELETE", comment, None),
    ):
        r = await setup.client.request(method, path, json=body, headers=reader)
        assert r.status_code == 403, (method, path, r.text)
        assert "merge_request:write" in r.json()["detail"]
    shown = await setup.get(mr["iid"])
    assert shown["title"] == "Bob's" and shown["state"] == "open"
    listed = (await setup.client.get(f"{one}/comments", headers=bob_auth)).json()
    assert [x["body"] for x in listed] == ["mine"]
    # With the scope, the author may (merge_request:write is also what a developer holds).
    writer = await _token(setup, bob.id, "project:read", "merge_request:write")
    r = await setup.client.patch(one, json={"title": "changed"}, headers=writer)
    assert r.status_code == 200, r.text
    r = await setup.client.patch(comment, json={"body": "changed"}, headers=writer)
    assert r.status_code == 200, r.text


async def test_assignees_and_reviewers_must_see_a_private_project(
    setup: Setup, make_user: MakeUser
) -> None:
    """An outsider could be made assignee or reviewer of a private project's merge request
    (and be told of it by notifications later)."""
    await make_user("mallory")
    await setup.member(make_user, "bob", "viewer")
    _feature(setup)
    for field in ("assignees", "reviewers"):
        r = await setup.client.post(
            setup.base,
            json={"source_branch": "feature", "title": "t", field: ["mallory"]},
            headers=setup.alice_auth,
        )
        assert r.status_code == 422, r.text
        assert field in r.json()["detail"] and "mallory" in r.json()["detail"]
    assert await setup.services.pool.fetchval("SELECT count(*) FROM merge_requests") == 0
    mr = await setup.open(source_branch="feature", reviewers=["bob"])
    one = f"{setup.base}/{mr['iid']}"
    r = await setup.client.patch(one, json={"assignees": ["mallory"]}, headers=setup.alice_auth)
    assert r.status_code == 422 and "mallory" in r.json()["detail"]
    assert (await setup.get(mr["iid"]))["assignees"] == []
    # A public project: anyone can see it, so anyone may be asked.
    r = await setup.client.patch(
        f"/api/projects/{setup.project['id']}",
        json={"visibility": "public"},
        headers=setup.alice_auth,
    )
    assert r.status_code == 200
    r = await setup.client.patch(one, json={"assignees": ["mallory"]}, headers=setup.alice_auth)
    assert r.status_code == 200 and [u["username"] for u in r.json()["assignees"]] == ["mallory"]


async def test_two_merges_at_once_merge_once(setup: Setup) -> None:
    head = _feature(setup)
    mr = await setup.open(source_branch="feature")
    main = setup.repo.head("main")
    answers: list[httpx.Response] = []

    async def merge() -> None:
        answers.append(
            await setup.client.post(
                f"{setup.base}/{mr['iid']}/merge",
                json={"strategy": "merge"},
                headers=setup.alice_auth,
            )
        )

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(merge)
        tasks.start_soon(merge)
    assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
    new = setup.repo.head("main")
    assert new is not None and setup.repo.parents(new) == [main, head]
    assert len(await setup.events("merge_request.merged")) == 1


async def test_merges_that_close_each_other_do_not_deadlock(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """!1 says "Closes !2" and !2 says "Closes !1": merged at once, each locked itself and
    then waited for the other (a deadlock, PostgreSQL aborted one: a crash and a 503)."""
    _feature(setup, "one")
    _feature(setup, "two")
    first = await setup.open(source_branch="one", body="Closes !2")
    second = await setup.open(source_branch="two", body="Closes !1")
    answers: list[httpx.Response] = []
    # Hold each merge once it has locked its own merge request until the other has too (or
    # a moment has passed, when the other waits for a lock this one holds).
    locked = MergeRequestsBase._locked
    arrived: list[int] = []
    both = anyio.Event()

    async def meet(self: Any, conn: Any, project: Any, iid: int) -> Any:
        row = await locked(self, conn, project, iid)
        if len(arrived) < 2:
            arrived.append(iid)
            if len(arrived) == 2:
                both.set()
            with anyio.move_on_after(2):
                await both.wait()
        return row

    monkeypatch.setattr(MergeRequestsBase, "_locked", meet)

    async def merge(iid: int) -> None:
        answers.append(
            await setup.client.post(
                f"{setup.base}/{iid}/merge", json={"strategy": "merge"}, headers=setup.alice_auth
            )
        )

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(merge, first["iid"])
        tasks.start_soon(merge, second["iid"])
    assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
    states = sorted([(await setup.get(i))["state"] for i in (first["iid"], second["iid"])])
    assert states == ["closed", "merged"]


async def test_a_push_to_the_source_during_a_merge_fails_it(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without deleting the source branch, the merge did not check that the source was
    still where it merged from: commits pushed meanwhile were left out of a merge request
    marked merged. Now the ref update verifies it, and the merge changes nothing."""
    head = _feature(setup)
    mr = await setup.open(source_branch="feature")
    main = setup.repo.head("main")
    original = plumbing.update_refs
    pushed: list[str] = []

    async def push_meanwhile(git_dir: Any, changes: Any) -> None:
        if not pushed and any(c.ref == "refs/heads/main" for c in changes):
            pushed.append(setup.repo.grow("feature", {"late": "late\n"}, "late"))
        await original(git_dir, changes)

    monkeypatch.setattr(plumbing, "update_refs", push_meanwhile)
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={"strategy": "merge"}, headers=setup.alice_auth
    )
    assert r.status_code == 409, r.text
    assert setup.repo.head("main") == main and setup.repo.head("feature") == pushed[0] != head
    shown = await setup.get(mr["iid"])
    assert shown["state"] == "open" and await setup.events("merge_request.merged") == []
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={"strategy": "merge"}, headers=setup.alice_auth
    )
    assert r.status_code == 200, r.text
    assert setup.repo.parents(setup.repo.head("main") or "") == [main, pushed[0]]


async def test_refs_are_put_back_when_the_transaction_fails_after_moving_them(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refs move inside the transaction, just before it commits. If the commit fails
    (the database connection is lost), the branch moved but the merge request stayed open
    with no event: the refs are now put back."""
    _feature(setup)
    mr = await setup.open(source_branch="feature")
    before = setup.repo.refs()
    original = plumbing.update_refs

    async def then_lose_the_database(git_dir: Any, changes: Any) -> None:
        await original(git_dir, changes)
        if any(c.ref == "refs/heads/main" and c.old != c.new for c in changes):
            # The merge's connection sits idle in its transaction while git runs.
            await setup.services.pool.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND state = 'idle in transaction' AND backend_xid IS NOT NULL"
            )

    monkeypatch.setattr(plumbing, "update_refs", then_lose_the_database)
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge",
        json={"strategy": "merge", "delete_source_branch": True},
        headers=setup.alice_auth,
    )
    assert r.status_code >= 500, r.text
    monkeypatch.setattr(plumbing, "update_refs", original)
    branches = [line for line in setup.repo.refs().splitlines() if "refs/heads/" in line]
    assert branches == [line for line in before.splitlines() if "refs/heads/" in line]

    async def answers() -> Any:  # the actor was restarted by its supervisor
        r = await setup.client.get(f"{setup.base}/{mr['iid']}", headers=setup.alice_auth)
        return r.json() if r.status_code == 200 else None

    shown = await eventually(answers)
    assert shown["state"] == "open" and shown["mergeable"] is True
    assert await setup.events("merge_request.merged") == []


async def test_auto_merge_keeps_the_commit_message_and_checks_sha_and_deletion(
    setup: Setup, make_user: MakeUser
) -> None:
    """Arming auto merge dropped the commit message, ignored ``sha``, and learnt only at
    merge time that the source branch could not be deleted."""
    r = await setup.client.post(
        f"/api/projects/{setup.project['id']}/protected-branches",
        json={"pattern": "main", "required_approvals": 1},
        headers=setup.alice_auth,
    )
    assert r.status_code == 201
    carol = await setup.member(make_user, "carol", "developer")
    head = _feature(setup)
    mr = await setup.open(source_branch="feature")
    merge = f"{setup.base}/{mr['iid']}/merge"
    r = await setup.client.post(
        merge, json={"auto_merge": True, "sha": "a" * 40}, headers=setup.alice_auth
    )
    assert r.status_code == 409 and head in r.json()["detail"]
    # Deleting the source needs project:write; a token without it learns so when arming.
    alice_id = setup.alice.id
    merger = await _token(setup, alice_id, "project:read", "merge_request:merge")
    r = await setup.client.post(
        merge, json={"auto_merge": True, "delete_source_branch": True}, headers=merger
    )
    assert r.status_code == 403 and "delete_source_branch" in r.json()["detail"]
    assert (await setup.get(mr["iid"]))["auto_merge"] is False
    r = await setup.client.post(
        merge,
        json={
            "auto_merge": True,
            "strategy": "squash",
            "sha": head,
            "commit_message": "Squashed, as asked when armed",
        },
        headers=setup.alice_auth,
    )
    assert r.status_code == 202, r.text
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/reviews", json={"state": "approve"}, headers=carol
    )
    assert r.status_code == 201
    assert (await setup.get(mr["iid"]))["state"] == "merged"
    assert setup.repo.show("%B", setup.repo.head("main") or "") == "Squashed, as asked when armed"


def _latin1_commit(setup: Setup, parent: str) -> str:
    """A commit written in ISO-8859-1, author name included (as old git tools did)."""
    tree = setup.repo.out("rev-parse", f"{parent}^{{tree}}")
    blob = setup.repo.run("hash-object", "-w", "--stdin", stdin="latin\n").stdout.strip()
    new_tree = setup.repo.run(
        "mktree", stdin=f"100644 blob {blob}\tlatin.txt\n" + setup.repo.out("ls-tree", tree) + "\n"
    ).stdout.strip()
    raw = (
        f"tree {new_tree}\nparent {parent}\n".encode()
        + "author Jos\xe9 <jose@example.com> 1700000000 +0100\n".encode("latin-1")
        + b"committer Jose <jose@example.com> 1700000000 +0100\nencoding ISO-8859-1\n\n"
        + "Caf\xe9 cr\xe8me\n".encode("latin-1")
    )
    result = subprocess.run(
        ["git", "--git-dir", str(setup.repo.path), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=raw,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode().strip()


def _raw_commit(setup: Setup, sha: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(setup.repo.path), "cat-file", "commit", sha],
        capture_output=True,
        check=True,
    ).stdout


async def test_a_rebase_keeps_a_commits_encoding(setup: Setup) -> None:
    """Replayed commits lost their ``encoding`` header and had undecodable author bytes
    replaced: their message and author turned to mojibake."""
    main = setup.repo.head("main")
    assert main is not None
    setup.repo.branch("feature", _latin1_commit(setup, main))
    upstream = setup.repo.grow("main", {"up.txt": "up\n"}, "upstream")
    mr = await setup.open(source_branch="feature")
    r = await setup.client.post(
        f"{setup.base}/{mr['iid']}/merge", json={"strategy": "rebase"}, headers=setup.alice_auth
    )
    assert r.status_code == 200, r.text
    new = setup.repo.head("main")
    assert new is not None and setup.repo.parents(new) == [upstream]
    raw = _raw_commit(setup, new)
    assert b"\nencoding ISO-8859-1\n" in raw
    assert "author Jos\xe9 <jose@example.com> 1700000000 +0100".encode("latin-1") in raw
    assert raw.endswith("Caf\xe9 cr\xe8me\n".encode("latin-1"))
