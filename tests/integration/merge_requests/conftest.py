"""Shared by the merge request tests: a project with a repository, and git plumbing on it.

Branches are built straight in the project's bare repository with git plumbing (a scratch
index file, ``commit-tree``, ``update-ref``): no hooks run, so nothing is recorded as a
push unless a test records one (:func:`record_push`, as the post-receive hook does).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import anyio
import attrs
import httpx
import pytest

from dais.actors.events.messages import Wake
from dais.actors.identity import messages as im
from dais.actors.projects import messages as pm
from dais.gitserver.hooks import RefUpdate, record_push
from tests.conftest import MakeUser

__all__ = ["Bare", "MakeUser", "Setup", "eventually", "push_event"]


class Bare:
    """git on a project's bare repository."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def run(
        self, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "--git-dir", str(self.path), *args],
            capture_output=True,
            text=True,
            input=stdin,
            env={
                "PATH": os.environ["PATH"],
                "HOME": str(self.path),
                "GIT_CONFIG_NOSYSTEM": "1",
                "LC_ALL": "C",
            }
            | (env or {}),
            timeout=60,
            check=False,
        )

    def out(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
        return result.stdout.strip()

    def head(self, branch: str) -> str | None:
        result = self.run("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
        return result.stdout.strip() or None

    def refs(self) -> str:
        """Every ref and where it points, to compare before and after."""
        return self.out("for-each-ref", "--format=%(refname) %(objectname)")

    def commit(
        self,
        parent: str | None,
        files: dict[str, str | None],
        message: str,
        *,
        author: tuple[str, str] = ("Ann Author", "ann@example.com"),
        date: str = "1700000000 +0000",
        merged: tuple[str, ...] = (),
    ) -> str:
        """A commit on top of ``parent`` (and ``merged``, for a merge commit) with ``files``
        written (None: removed)."""
        with tempfile.TemporaryDirectory() as scratch:
            env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
            if parent is not None:
                assert self.run("read-tree", parent, env=env).returncode == 0
            for name, content in files.items():
                if content is None:
                    self.run("update-index", "--force-remove", "--", name, env=env)
                    continue
                blob = self.run("hash-object", "-w", "--stdin", stdin=content).stdout.strip()
                r = self.run(
                    "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env
                )
                assert r.returncode == 0, r.stderr
            tree = self.run("write-tree", env=env).stdout.strip()
        identity = {
            "GIT_AUTHOR_NAME": author[0],
            "GIT_AUTHOR_EMAIL": author[1],
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author[0],
            "GIT_COMMITTER_EMAIL": author[1],
            "GIT_COMMITTER_DATE": date,
        }
        args = ["commit-tree", tree, "-m", message]
        for p in (parent, *merged) if parent is not None else merged:
            args += ["-p", p]
        result = self.run(*args, env=identity)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def branch(self, name: str, sha: str) -> str:
        assert self.run("update-ref", f"refs/heads/{name}", sha).returncode == 0
        return sha

    def grow(self, branch: str, files: dict[str, str | None], message: str, **kw: Any) -> str:
        """Commit on top of ``branch`` and move it there."""
        return self.branch(branch, self.commit(self.head(branch), files, message, **kw))

    def parents(self, sha: str) -> list[str]:
        return self.out("rev-list", "--parents", "-n", "1", sha).split()[1:]

    def show(self, fmt: str, sha: str) -> str:
        return self.out("show", "-s", f"--format={fmt}", sha)

    def file(self, sha: str, path: str) -> str:
        return self.out("show", f"{sha}:{path}")


@attrs.frozen
class Setup:
    """alice's project (she maintains it), its repository, and her credentials."""

    client: httpx.AsyncClient
    services: Any
    project: dict[str, Any]
    repo: Bare
    alice: im.UserRecord
    alice_auth: dict[str, str]

    @property
    def base(self) -> str:
        return f"/api/projects/{self.project['id']}/merge-requests"

    async def member(self, make_user: MakeUser, name: str, role: str) -> dict[str, str]:
        user, auth = await make_user(name)
        r = await self.client.post(
            f"/api/projects/{self.project['id']}/members",
            json={"user_id": str(user.id), "role": role},
            headers=self.alice_auth,
        )
        assert r.status_code == 201, r.text
        return auth

    async def open(self, headers: dict[str, str] | None = None, **body: Any) -> dict[str, Any]:
        body.setdefault("title", "A change")
        r = await self.client.post(self.base, json=body, headers=headers or self.alice_auth)
        assert r.status_code == 201, r.text
        mr: dict[str, Any] = r.json()
        return mr

    async def get(self, iid: int) -> dict[str, Any]:
        r = await self.client.get(f"{self.base}/{iid}", headers=self.alice_auth)
        assert r.status_code == 200, r.text
        mr: dict[str, Any] = r.json()
        return mr

    async def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        rows = await self.services.pool.fetch(
            "SELECT kind, payload::text AS payload FROM events "
            "WHERE $1::text IS NULL OR kind = $1 ORDER BY id",
            kind,
        )
        return [{"kind": r["kind"], **json.loads(r["payload"])} for r in rows]


@pytest.fixture
async def setup(client: httpx.AsyncClient, services: Any, make_user: MakeUser) -> Setup:
    alice, auth = await make_user("alice")
    r = await client.post(
        "/api/projects", json={"name": "web", "initialize_with_readme": True}, headers=auth
    )
    assert r.status_code == 201, r.text
    project = r.json()
    repo = Bare(pm.repository_path(services.settings.data_dir, int(project["id"])))
    return Setup(client, services, project, repo, alice, auth)


async def push_event(
    setup: Setup, pusher: im.UserRecord, updates: list[tuple[str, str, str]]
) -> None:
    """Record a ``git.push`` event as the post-receive hook does, and wake the dispatcher."""
    project = await setup.services.system.ref("projects").ask(
        pm.GetProject(int(setup.project["id"]))
    )
    await record_push(
        setup.services.pool,
        project,
        pusher,
        [RefUpdate(old, new, ref) for ref, old, new in updates],
    )
    setup.services.system.ref("events").tell(Wake())


async def eventually(check: Any) -> Any:
    """Poll ``check()`` (async, returning a truthy value when done) until it is done; a
    generous bound turns a subscriber that never acts into a failure, not a hang."""
    with anyio.fail_after(20):
        while True:
            found = await check()
            if found:
                return found
            await anyio.sleep(0.05)
