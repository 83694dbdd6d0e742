"""Pushed commits, tags and trees the repository browser would read whole are bounded."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import Forge, Git, bare_git

pytestmark = pytest.mark.e2e


def test_a_commit_with_a_huge_message_is_refused(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    work = tmp_path / "w"
    git.run("clone", forge.clone_url(project, alice), str(work))
    before = bare_git(project.repository, "rev-parse", "main").stdout.strip()
    message = tmp_path / "message.txt"
    message.write_text("a" * 2_000_000)  # compresses to a few KB on the wire
    git.run("commit", "-q", "--allow-empty", "-F", str(message), cwd=work)
    refused = git.run("push", "origin", "main", cwd=work, check=False)
    assert refused.returncode != 0
    assert "is 2000" in refused.stderr and "over the limit of 1048576" in refused.stderr
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == before
    subprocess.run(["git", "--git-dir", str(project.repository), "fsck"], check=True)
    # An ordinary commit still goes through.
    git.run("reset", "-q", "--hard", "origin/main", cwd=work)
    git.commit(work, "ok.txt", "fine\n")
    git.run("push", "origin", "main", cwd=work)
