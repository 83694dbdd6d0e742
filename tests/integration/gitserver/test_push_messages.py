"""What the stock git client shows its user: how to create a missing project, and where to
propose merging a branch just pushed."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Forge, Git, Project, User, running_forge, server_environment, unique

pytestmark = pytest.mark.e2e


def remote_lines(stderr: str) -> list[str]:
    """git's ``remote:`` lines, without the blanks it pads them with to clear a terminal."""
    return [line.rstrip() for line in stderr.splitlines() if line.startswith("remote:")]


def url_of(forge: Forge, path: str, user: User | None = None) -> str:
    credentials = f"x:{user.token}@" if user else ""
    return f"http://{credentials}{forge.url.removeprefix('http://')}/{path}.git"


def link(forge: Forge, project: Project, branch: str) -> list[str]:
    url = f"{forge.url}/{project.path}/-/merge_requests/new?source={branch}"
    return [
        "remote:",
        f"remote: To create a merge request for {branch}, visit:",
        f"remote:   {url}",
        "remote:",
    ]


@pytest.fixture
def work(git: Git, tmp_path: Path) -> Path:
    """A repository with one commit on main."""
    path = tmp_path / "work"
    git.run("init", "-q", str(path))
    git.commit(path, "README.md", "hello\n")
    return path


# --- a project that does not exist ------------------------------------------------------


def test_push_to_a_missing_project_of_ones_own_says_how_to_create_it(
    forge: Forge, git: Git, work: Path, tmp_path: Path
) -> None:
    alice = forge.user("alice")
    name = unique("web")
    hint = (
        f"remote: project {alice.username}/{name} does not exist; create it first: "
        f'POST /api/projects {{"name": "{name}"}} or in the web UI at {forge.url}/-/new'
    )
    url = url_of(forge, f"{alice.username}/{name}", alice)

    pushed = git.run("push", url, "main", cwd=work, check=False)
    assert pushed.returncode == 128
    assert remote_lines(pushed.stderr) == [hint], pushed.stderr
    assert f"fatal: repository '{url_of(forge, f'{alice.username}/{name}')}/' not found" in (
        pushed.stderr
    )

    cloned = git.run("clone", url, str(tmp_path / "clone"), check=False)
    assert cloned.returncode == 128
    assert remote_lines(cloned.stderr) == [hint], cloned.stderr

    # Created as the hint says, the same push goes through.
    r = forge.http.post("/api/projects", json={"name": name}, headers=alice.auth)
    assert r.status_code == 201, r.text
    git.run("push", url, "main", cwd=work)


def test_a_hidden_project_reads_as_a_missing_one(
    forge: Forge, git: Git, work: Path, tmp_path: Path
) -> None:
    alice, bob = forge.user("alice"), forge.user("bob")
    hidden = forge.project(bob, readme=True)
    missing = f"{bob.username}/{unique('none')}"
    for path in (hidden.path, missing):
        url = url_of(forge, path, alice)
        for attempt in (["push", url, "main"], ["clone", url, str(tmp_path / unique("c"))]):
            r = git.run(*attempt, cwd=work, check=False)
            assert r.returncode == 128
            assert remote_lines(r.stderr) == [f"remote: project {path} does not exist"], r.stderr


def test_no_hint_to_a_token_that_may_not_create_projects(
    forge: Forge, git: Git, work: Path
) -> None:
    reader = forge.user("reader", scopes=("project:read",))
    path = f"{reader.username}/{unique('web')}"
    r = git.run("push", url_of(forge, path, reader), "main", cwd=work, check=False)
    assert r.returncode == 128
    assert remote_lines(r.stderr) == [f"remote: project {path} does not exist"], r.stderr


# --- a link to propose merging a new branch ---------------------------------------------


def test_a_new_branch_gets_a_link_to_propose_merging_it(forge: Forge, git: Git, work: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    git.run("remote", "add", "origin", forge.clone_url(project, alice), cwd=work)

    # The first push creates the default branch: nothing to propose.
    first = git.run("push", "origin", "main", cwd=work)
    assert remote_lines(first.stderr) == [], first.stderr

    git.run("checkout", "-q", "-b", "feature/login", cwd=work)
    git.commit(work, "login.txt", "login\n")
    created = git.run("push", "origin", "feature/login", cwd=work)
    assert remote_lines(created.stderr) == link(forge, project, "feature/login"), created.stderr
    assert "* [new branch]      feature/login -> feature/login" in created.stderr

    # A push to a branch that exists already, and a new tag: no link.
    git.commit(work, "login.txt", "login, again\n")
    updated = git.run("push", "origin", "feature/login", cwd=work)
    assert remote_lines(updated.stderr) == [], updated.stderr
    git.run("tag", "v1.0", cwd=work)
    tagged = git.run("push", "origin", "v1.0", cwd=work)
    assert remote_lines(tagged.stderr) == [], tagged.stderr
    assert "* [new tag]         v1.0 -> v1.0" in tagged.stderr

    # Two new branches and a tag in one push: a link for each branch, in git's order.
    git.run("branch", "one", cwd=work)
    git.run("branch", "two", cwd=work)
    git.run("tag", "v2.0", cwd=work)
    several = git.run("push", "origin", "one", "two", "v2.0", cwd=work)
    assert remote_lines(several.stderr) == link(forge, project, "one") + link(
        forge, project, "two"
    ), several.stderr

    # Deleting a branch: no link.
    deleted = git.run("push", "origin", "--delete", "one", cwd=work)
    assert remote_lines(deleted.stderr) == [], deleted.stderr


@pytest.fixture
def forge_without_curl(database_url: str, tmp_path: Path) -> Iterator[Forge]:
    """A server whose PATH has git and python3 but no curl: hooks use the python3 fallback."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool, target in (("git", shutil.which("git")), ("python3", sys.executable)):
        assert target is not None
        (bin_dir / tool).symlink_to(target)
    env = server_environment(database_url, tmp_path / "data", PATH=str(bin_dir))
    yield from running_forge(env, tmp_path)


def test_the_link_without_curl(forge_without_curl: Forge, git: Git, work: Path) -> None:
    forge = forge_without_curl
    alice = forge.user("alice")
    project = forge.project(alice)
    git.run("remote", "add", "origin", forge.clone_url(project, alice), cwd=work)
    git.run("push", "origin", "main", cwd=work)
    git.run("checkout", "-q", "-b", "feature", cwd=work)
    created = git.run("push", "origin", "feature", cwd=work)
    assert remote_lines(created.stderr) == link(forge, project, "feature"), created.stderr
