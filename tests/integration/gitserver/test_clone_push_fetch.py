"""The stock git client against a real dais: clone, push, fetch, and who may do which."""

from __future__ import annotations

import json
from pathlib import Path

import asyncpg
import pytest

from .conftest import Forge, Git, bare_git

pytestmark = pytest.mark.e2e


def test_clone_empty_push_then_clone_and_fetch(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    url = forge.clone_url(project, alice)

    empty = git.run("clone", url, str(tmp_path / "first"))
    assert "empty repository" in empty.stderr
    work = tmp_path / "first"
    first = git.commit(work, "README.md", "hello\n")
    nested = git.commit(work, "src/deep/a.txt", "a\n")
    pushed = git.run("push", "origin", "main", cwd=work)
    assert "main -> main" in pushed.stderr
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == nested

    git.run("clone", url, str(tmp_path / "second"))
    second = tmp_path / "second"
    assert (second / "src/deep/a.txt").read_text() == "a\n"
    assert git.out("log", "--format=%H", cwd=second).split() == [nested, first]

    # A new commit pushed from one clone is fetched by the other; without ".git" too.
    third = git.commit(work, "README.md", "hello again\n")
    git.run("push", cwd=work)
    git.run("remote", "set-url", "origin", forge.clone_url(project, alice, suffix=""), cwd=second)
    git.run("fetch", cwd=second)
    assert git.out("rev-parse", "origin/main", cwd=second) == third
    git.run("pull", "--ff-only", "-q", cwd=second)
    assert (second / "README.md").read_text() == "hello again\n"
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0


def test_clone_of_a_project_made_with_a_readme(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    git.run("clone", forge.clone_url(project, alice), str(tmp_path / "w"))
    assert (tmp_path / "w/README.md").read_text().startswith("# ")


def test_public_project_clones_without_credentials_but_push_asks_for_them(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True, visibility="public")
    git.run("clone", forge.clone_url(project), str(tmp_path / "anon"))
    work = tmp_path / "anon"
    git.commit(work, "x.txt", "x\n")
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0
    # git got a 401 with a Basic challenge and, with prompts off, could not answer it.
    assert "could not read Username" in push.stderr, push.stderr


def test_private_project_needs_credentials(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    r = forge.http.get(f"/{project.path}.git/info/refs?service=git-upload-pack")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == 'Basic realm="dais"'

    clone = git.run("clone", forge.clone_url(project), str(tmp_path / "w"), check=False)
    assert clone.returncode != 0
    assert "could not read Username" in clone.stderr, clone.stderr
    assert not (tmp_path / "w").exists()

    # A signed-in stranger sees no such repository; a wrong token is refused as such.
    bob = forge.user("bob")
    stranger = git.run("clone", forge.clone_url(project, bob), str(tmp_path / "b"), check=False)
    assert stranger.returncode != 0 and "not found" in stranger.stderr, stranger.stderr
    r = forge.http.get(
        f"/{project.path}.git/info/refs?service=git-upload-pack",
        auth=("x", "dais_pat_not_a_real_token_at_all_0000000000"),
    )
    assert r.status_code == 401

    # With the owner's token in http.extraHeader rather than the URL.
    header = f"http.extraHeader=Authorization: Bearer {alice.token}"
    git.run("-c", header, "clone", forge.clone_url(project), str(tmp_path / "ok"))
    assert (tmp_path / "ok/README.md").exists()


def test_read_only_access_cannot_push(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    viewer = forge.user("viewer")
    project = forge.project(alice, readme=True)
    forge.add_member(project, alice, viewer, "viewer")
    before = bare_git(project.repository, "rev-parse", "main").stdout

    git.run("clone", forge.clone_url(project, viewer), str(tmp_path / "v"))
    work = tmp_path / "v"
    git.commit(work, "x.txt", "x\n")
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0
    assert "403" in push.stderr and "but not push to it" in push.stderr, push.stderr

    # A token of the owner that carries only project:read cannot push either.
    reader = forge.user("reader", scopes=("project:read",))
    forge.add_member(project, alice, reader, "developer")
    git.run("remote", "set-url", "origin", forge.clone_url(project, reader), cwd=work)
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0 and "403" in push.stderr, push.stderr
    git.run("fetch", cwd=work)  # reading is fine
    assert bare_git(project.repository, "rev-parse", "main").stdout == before


def test_archived_project_refuses_pushes(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    git.run("clone", forge.clone_url(project, alice), str(tmp_path / "w"))
    work = tmp_path / "w"
    git.commit(work, "x.txt", "x\n")
    forge.archive(project, alice)
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0
    assert f"remote: project {project.path} is archived: it is read-only" in push.stderr
    git.run("fetch", cwd=work)  # still readable


def test_refs_outside_branches_and_tags_are_refused_by_the_hook(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    git.run("clone", forge.clone_url(project, alice), str(tmp_path / "w"))
    work = tmp_path / "w"
    head = git.commit(work, "x.txt", "x\n")
    push = git.run("push", "origin", "HEAD:refs/notes/odd", "HEAD:main", cwd=work, check=False)
    assert push.returncode != 0
    assert "remote: dais: refs/notes/odd: is not a branch" in push.stderr, push.stderr
    assert "pre-receive hook declined" in push.stderr
    refs = bare_git(project.repository, "for-each-ref", "--format=%(refname)").stdout.split()
    assert refs == ["refs/heads/main"]
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() != head
    # The pushed objects stayed in git's quarantine and were dropped with it.
    assert bare_git(project.repository, "cat-file", "-e", head).returncode != 0

    delete = git.run("push", "origin", ":main", cwd=work, check=False)
    assert "main is the default branch and cannot be deleted" in delete.stderr, delete.stderr
    tags = git.run("push", "origin", "HEAD:refs/heads/topic", "HEAD:refs/tags/v1", cwd=work)
    assert tags.returncode == 0


async def test_push_records_one_event_with_old_and_new_shas(
    forge: Forge, git: Git, tmp_path: Path, module_database: str
) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    old = bare_git(project.repository, "rev-parse", "main").stdout.strip()
    git.run("clone", forge.clone_url(project, alice), str(tmp_path / "w"))
    work = tmp_path / "w"
    new = git.commit(work, "x.txt", "x\n")
    git.run("push", "origin", "main", "HEAD:refs/heads/feature", "HEAD:refs/tags/v1", cwd=work)

    conn = await asyncpg.connect(module_database)
    try:
        rows = await conn.fetch(
            "SELECT payload::text AS payload, key, actor FROM events "
            "WHERE kind = 'git.push' AND key = $1",
            project.id,
        )
    finally:
        await conn.close()
    assert len(rows) == 1
    event = json.loads(rows[0]["payload"])
    assert rows[0]["actor"] == alice.username
    assert event["project"] == {"id": project.id, "path": project.path}
    assert event["pusher"] == {"id": alice.id, "username": alice.username}
    zero = "0" * 40
    tag = bare_git(project.repository, "rev-parse", "refs/tags/v1").stdout.strip()
    assert sorted(event["refs"], key=lambda r: r["ref"]) == [
        {"ref": "refs/heads/feature", "old": zero, "new": new},
        {"ref": "refs/heads/main", "old": old, "new": new},
        {"ref": "refs/tags/v1", "old": zero, "new": tag},
    ]
