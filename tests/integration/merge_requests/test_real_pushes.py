"""Merge requests and real pushes: the stock git client against a running ``dais serve``.

A client cannot move a merge request's ref (the pre-receive hook takes only branches and
tags), a push to the source branch moves it, and a merge made locally and pushed marks the
merge request merged.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import _fresh_database
from tests.integration.gitserver.conftest import (
    Forge,
    Git,
    Project,
    User,
    bare_git,
    running_forge,
    server_environment,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def module_database(pg_server_url: str, template_database: str) -> Iterator[str]:
    yield from _fresh_database(pg_server_url, "dais_mr", template_database)


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:
    root = tmp_path_factory.mktemp("forge")
    yield from running_forge(server_environment(module_database, root / "data"), root)


@pytest.fixture
def git(tmp_path: Path) -> Git:
    return Git(tmp_path / "home")


def _keep(project: Project, iid: int) -> str:
    found = bare_git(project.repository, "rev-parse", "--verify", f"refs/merge-requests/{iid}/head")
    return found.stdout.strip()


def _until(check: Any) -> Any:
    """Poll ``check()`` until it returns something truthy (the push subscriber runs after
    the push has returned); a generous bound turns "never" into a failure."""
    deadline = time.monotonic() + 20
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _start(forge: Forge, git: Git, tmp_path: Path) -> tuple[User, Project, Path, dict[str, Any]]:
    """alice's project with main and a feature branch pushed, and a merge request for it."""
    alice = forge.user("alice")
    project = forge.project(alice)
    work = tmp_path / "work"
    git.run("clone", forge.clone_url(project, alice), str(work))
    git.commit(work, "README.md", "hello\n", "Initial")
    git.run("push", "origin", "main", cwd=work)
    git.run("checkout", "-q", "-b", "feature", cwd=work)
    git.commit(work, "feature.txt", "one\n", "Feature\n\nCloses #2")
    git.run("push", "origin", "feature", cwd=work)
    r = forge.http.post(
        f"/api/projects/{project.id}/merge-requests",
        json={"source_branch": "feature", "title": "Feature"},
        headers=alice.auth,
    )
    assert r.status_code == 201, r.text
    return alice, project, work, r.json()


def test_clients_cannot_push_to_a_merge_requests_ref(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    _alice, project, work, mr = _start(forge, git, tmp_path)
    kept = _keep(project, mr["iid"])
    assert kept == mr["source_sha"]
    ref = f"refs/merge-requests/{mr['iid']}/head"
    git.commit(work, "feature.txt", "one\nlocal\n", "Not pushed to the branch")
    for refspec in (f"feature:{ref}", f"+main:{ref}", f":{ref}"):
        refused = git.run("push", "origin", refspec, cwd=work, check=False)
        assert refused.returncode != 0, refspec
        # Hidden from pushers (receive.hideRefs): git refuses it, and so does dais's hook.
        assert "a hidden ref)" in refused.stderr, refused.stderr
    assert _keep(project, mr["iid"]) == kept
    # It is fetched only when asked for: a clone has the branches, not the ref.
    clone = tmp_path / "clone"
    git.run("clone", "-q", forge.clone_url(project, _alice), str(clone))
    fetched = git.out("for-each-ref", "--format=%(refname)", "refs/remotes", cwd=clone)
    assert fetched.split() == [
        "refs/remotes/origin/HEAD",
        "refs/remotes/origin/feature",
        "refs/remotes/origin/main",
    ]
    git.run("fetch", "-q", "origin", f"{ref}:refs/remotes/mr/1", cwd=clone)
    assert git.out("rev-parse", "refs/remotes/mr/1", cwd=clone) == kept


def test_pushes_move_the_ref_and_a_merge_pushed_by_hand_merges(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    alice, project, work, mr = _start(forge, git, tmp_path)
    bob = forge.user("bob")
    forge.add_member(project, alice, bob, "maintainer")
    second = git.commit(work, "feature.txt", "one\ntwo\n", "More")
    git.run("push", "origin", "feature", cwd=work)
    assert _until(lambda: _keep(project, mr["iid"]) == second)
    # bob merges feature into main on his machine and pushes main.
    theirs = tmp_path / "bob"
    git.run("clone", "-q", forge.clone_url(project, bob), str(theirs))
    git.run("merge", "-q", "--no-ff", "-m", "Merge feature", "origin/feature", cwd=theirs)
    merge = git.out("rev-parse", "HEAD", cwd=theirs)
    git.run("push", "-q", "origin", "main", cwd=theirs)

    def shown() -> dict[str, Any] | None:
        r = forge.http.get(f"/api/projects/{project.id}/merge-requests/1", headers=alice.auth)
        body: dict[str, Any] = r.json()
        return body if body["state"] == "merged" else None

    merged = _until(shown)
    assert merged is not None, "the merge request was not marked merged"
    assert merged["merged_by"]["username"] == bob.username
    assert merged["merge_commit_sha"] == merge and merged["source_sha"] == second
    assert _keep(project, mr["iid"]) == second
