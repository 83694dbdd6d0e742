"""Git LFS with the stock `git` and `git-lfs` clients against a real `dais serve`."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import require_service

from .conftest import Forge, Git, Project, User, bare_git

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _git_lfs() -> None:
    """The real client is needed: a skip locally, a failure under CI=true (.ci/run installs it)."""
    if shutil.which("git-lfs") is None:
        require_service("git-lfs", "the git-lfs client is not on PATH")


FILTERS = (
    "filter.lfs.process=git-lfs filter-process",
    "filter.lfs.required=true",
    "filter.lfs.clean=git-lfs clean -- %f",
    "filter.lfs.smudge=git-lfs smudge -- %f",
)


def _clone_with_lfs(git: Git, url: str, into: Path, *, smudge: bool = True) -> None:
    """Clone, then enable LFS in the clone only (``git lfs install --local``)."""
    configs = [arg for pair in FILTERS for arg in ("-c", pair)] if smudge else []
    env = None if smudge else {"GIT_LFS_SKIP_SMUDGE": "1"}
    git.run(*configs, "clone", "-q", url, str(into), env=env, timeout=120)
    git.run("lfs", "install", "--local", cwd=into)


def _stored(forge: Forge, oid: str) -> Path:
    return forge.data_dir / "lfs" / "objects" / oid[:2] / oid[2:4] / oid


def _push_large_file(
    forge: Forge, git: Git, project: Project, user: User, work: Path, data: bytes
) -> str:
    _clone_with_lfs(git, forge.clone_url(project, user), work)
    git.run("lfs", "track", "--lockable", "*.bin", cwd=work)
    (work / "big.bin").write_bytes(data)
    git.run("add", ".gitattributes", "big.bin", cwd=work)
    git.run("commit", "-q", "-m", "a large file", cwd=work)
    pushed = git.run("push", "origin", "main", cwd=work, env={"GIT_TRACE": "1"}, timeout=120)
    assert "main -> main" in pushed.stderr, pushed.stderr
    oid = hashlib.sha256(data).hexdigest()
    # The content went up by the basic transfer, to the href the batch handed out.
    assert f"HTTP: PUT {forge.url}/{project.path}.git/info/lfs/objects/{oid}" in pushed.stderr
    return oid


@pytest.mark.timeout(180)
def test_push_then_clone_and_pull_a_large_file(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    data = os.urandom(8 * 1024 * 1024 + 5)
    oid = _push_large_file(forge, git, project, alice, tmp_path / "pusher", data)

    # The repository holds a pointer; the blob store holds the content, by its sha256.
    pointer = bare_git(project.repository, "show", "main:big.bin").stdout
    assert pointer.startswith("version https://git-lfs.github.com/spec/v1")
    assert f"oid sha256:{oid}" in pointer and f"size {len(data)}" in pointer
    assert _stored(forge, oid).read_bytes() == data

    # A fresh clone smudges the file from dais.
    clone = tmp_path / "clone"
    _clone_with_lfs(git, forge.clone_url(project, alice), clone)
    assert (clone / "big.bin").read_bytes() == data
    assert git.out("lfs", "ls-files", "--long", cwd=clone).startswith(oid)

    # A clone that skipped LFS fetches the content with `git lfs pull`.
    later = tmp_path / "later"
    _clone_with_lfs(git, forge.clone_url(project, alice, suffix=""), later, smudge=False)
    assert (later / "big.bin").read_bytes() == pointer.encode()
    git.run("lfs", "pull", cwd=later, timeout=120)
    assert (later / "big.bin").read_bytes() == data
    git.run("lfs", "fsck", cwd=later)

    # A second push of the same content uploads nothing new.
    work = tmp_path / "pusher"
    git.run("checkout", "-q", "-b", "copy", cwd=work)
    (work / "same.bin").write_bytes(data)
    git.run("add", "same.bin", cwd=work)
    git.run("commit", "-q", "-m", "same content", cwd=work)
    again = git.run("push", "origin", "copy", cwd=work, env={"GIT_TRACE": "1"}, timeout=120)
    assert "main -> main" not in again.stderr and "copy -> copy" in again.stderr
    assert "HTTP: PUT" not in again.stderr and "HTTP: POST" in again.stderr
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0


def test_public_project_pulls_anonymously(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, visibility="public")
    data = os.urandom(300_000)
    _push_large_file(forge, git, project, alice, tmp_path / "pusher", data)
    anonymous = tmp_path / "anonymous"
    _clone_with_lfs(git, forge.clone_url(project), anonymous)
    assert (anonymous / "big.bin").read_bytes() == data

    # A private project's objects need credentials, even to a clone that has the pointers.
    private = forge.project(alice)
    _push_large_file(forge, git, private, alice, tmp_path / "private", data)
    pointers = tmp_path / "pointers"
    _clone_with_lfs(git, forge.clone_url(private, alice), pointers, smudge=False)
    git.run("remote", "set-url", "origin", forge.clone_url(private), cwd=pointers)
    refused = git.run("lfs", "pull", cwd=pointers, check=False, timeout=120)
    assert refused.returncode != 0
    assert (pointers / "big.bin").read_bytes() != data
    # dais answered the batch with 401 and git-lfs asked for credentials it does not have.
    assert "Git credentials for" in refused.stderr, refused.stderr


@pytest.mark.timeout(180)
def test_lock_conflict_between_two_users(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    bob = forge.user("bob")
    project = forge.project(alice)
    forge.add_member(project, alice, bob, "developer")
    data = os.urandom(200_000)
    _push_large_file(forge, git, project, alice, tmp_path / "alice", data)
    mine, theirs = tmp_path / "alice", tmp_path / "bob"
    _clone_with_lfs(git, forge.clone_url(project, bob), theirs)
    for work in (mine, theirs):
        git.run("config", "lfs.locksverify", "true", cwd=work)

    locked = git.run("lfs", "lock", "big.bin", cwd=theirs)
    assert "Locked big.bin" in locked.stdout + locked.stderr
    listed = git.out("lfs", "locks", cwd=mine)
    assert "big.bin" in listed and bob.username in listed

    clash = git.run("lfs", "lock", "big.bin", cwd=mine, check=False)
    assert clash.returncode != 0
    assert "already created lock" in clash.stdout + clash.stderr

    # Alice changes the file bob holds: git-lfs verifies locks before pushing and stops.
    (mine / "big.bin").chmod(0o644)  # lockable files are read-only until locked
    (mine / "big.bin").write_bytes(os.urandom(1000))
    git.run("commit", "-q", "-am", "change a locked file", cwd=mine)
    refused = git.run("push", "origin", "main", cwd=mine, check=False, timeout=120)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert "Unable to push locked files" in said and f"big.bin - {bob.username}" in said, said
    before = bare_git(project.repository, "rev-parse", "main").stdout
    assert before.strip() != git.out("rev-parse", "HEAD", cwd=mine)

    # Bob sees his lock as his own; alice cannot unlock it without force, which she, as the
    # project's maintainer, may use.
    assert "big.bin" in git.out("lfs", "locks", "--verify", cwd=theirs)
    plain = git.run("lfs", "unlock", "big.bin", cwd=mine, check=False)
    assert plain.returncode != 0
    git.run("lfs", "unlock", "--force", "big.bin", cwd=mine)
    assert git.out("lfs", "locks", cwd=mine) == ""
    pushed = git.run("push", "origin", "main", cwd=mine, timeout=120)
    assert "main -> main" in pushed.stderr

    # Bob, a developer, cannot force-remove alice's lock.
    git.run("lfs", "lock", "big.bin", cwd=mine)
    forced = git.run("lfs", "unlock", "--force", "big.bin", cwd=theirs, check=False)
    assert forced.returncode != 0
    assert "project:admin" in forced.stdout + forced.stderr
    git.run("lfs", "unlock", "big.bin", cwd=mine)
