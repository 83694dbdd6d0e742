"""Protected branch rules enforced on real pushes by the pre-receive hook."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import Forge, Git, Project, User, bare_git

pytestmark = pytest.mark.e2e


def _protect(forge: Forge, project: Project, owner: User, **rule: object) -> None:
    r = forge.http.post(
        f"/api/projects/{project.id}/protected-branches", json=rule, headers=owner.auth
    )
    assert r.status_code == 201, r.text


def _setup(forge: Forge, git: Git, tmp_path: Path) -> tuple[User, Project, Path, str]:
    alice = forge.user("alice")
    project = forge.project(alice)
    work = tmp_path / "work"
    git.run("clone", forge.clone_url(project, alice), str(work))
    git.commit(work, "a.txt", "1\n")
    base = git.commit(work, "a.txt", "2\n")
    git.run("push", "origin", "main", cwd=work)
    git.run("push", "origin", "main:release/1", cwd=work)
    return alice, project, work, base


def _rewrite_history(git: Git, work: Path) -> str:
    git.run("reset", "--hard", "HEAD~1", cwd=work)
    return git.commit(work, "a.txt", "rewritten\n")


def test_force_push_and_deletion_refused_on_a_protected_branch(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    alice, project, work, base = _setup(forge, git, tmp_path)
    _protect(forge, project, alice, pattern="main")
    _rewrite_history(git, work)
    refused = git.run("push", "--force", "origin", "main", cwd=work, check=False)
    assert refused.returncode != 0
    assert "remote: dais: refs/heads/main: main is protected (main): force push is not allowed" in (
        refused.stderr
    )
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == base

    deleted = git.run("push", "origin", ":main", cwd=work, check=False)
    assert deleted.returncode != 0
    assert "main is the default branch and cannot be deleted" in deleted.stderr
    subprocess.run(["git", "--git-dir", str(project.repository), "fsck"], check=True)


def test_rules_can_allow_force_push_and_deletion(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice, project, work, _base = _setup(forge, git, tmp_path)
    _protect(forge, project, alice, pattern="release/*", allow_force_push=True, allow_deletion=True)
    git.run("checkout", "-q", "-b", "rel", "origin/release/1", cwd=work)
    rewritten = _rewrite_history(git, work)
    git.run("push", "--force", "origin", "rel:release/1", cwd=work)
    assert bare_git(project.repository, "rev-parse", "release/1").stdout.strip() == rewritten
    git.run("push", "origin", ":release/1", cwd=work)
    missing = bare_git(project.repository, "rev-parse", "--verify", "-q", "release/1")
    assert missing.returncode != 0


def test_only_push_roles_may_push_directly(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice, project, work, _base = _setup(forge, git, tmp_path)
    _protect(forge, project, alice, pattern="main")  # maintainers only (the default)
    bob = forge.user("bob")
    forge.add_member(project, alice, bob, "developer")
    bob_work = tmp_path / "bob"
    git.run("clone", forge.clone_url(project, bob), str(bob_work))
    git.commit(bob_work, "b.txt", "bob\n")
    refused = git.run("push", "origin", "main", cwd=bob_work, check=False)
    assert refused.returncode != 0
    assert "only maintainer may push to it directly" in refused.stderr
    # An unprotected branch is fine for a developer.
    git.run("push", "origin", "main:feature/bob", cwd=bob_work)
    # The maintainer (the owner) may push to main.
    git.commit(work, "c.txt", "alice\n")
    git.run("push", "origin", "main", cwd=work)


def test_a_scoped_admin_token_does_not_bypass_push_roles(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    from .conftest import ADMIN_PASSWORD

    alice, project, _work, _base = _setup(forge, git, tmp_path)
    r = forge.http.post(
        f"/api/projects/{project.id}/protected-branches",
        json={"pattern": "main", "push_roles": []},
        headers=alice.auth,
    )
    assert r.status_code == 201, r.text
    scoped = forge._token_for("admin", ADMIN_PASSWORD, ["project:read", "project:write"])
    host = forge.url.removeprefix("http://")
    work = tmp_path / "admin"
    git.run("clone", f"http://admin:{scoped}@{host}/{project.path}.git", str(work))
    git.commit(work, "admin.txt", "x\n")
    refused = git.run("push", "origin", "main", cwd=work, check=False)
    assert refused.returncode != 0 and "only nobody may push" in refused.stderr
    # With full rights an administrator may.
    git.run(
        "remote",
        "set-url",
        "origin",
        f"http://admin:{forge.admin}@{host}/{project.path}.git",
        cwd=work,
    )
    git.run("push", "origin", "main", cwd=work)
