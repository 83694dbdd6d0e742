"""The hooks: their callbacks, their python3 fallback, and their repair at start-up."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from dais.actors.identity import messages as im
from dais.gitserver.hooks import HOOKS
from dais.gitserver.routes import hook_secret
from dais.http.app import create_app
from tests.conftest import ServerProcess

from .conftest import Forge, Git, bare_git, server_environment, start_server

AUDIT = im.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
ZERO = "0" * 40


# --- the callbacks, in process ----------------------------------------------------------


@pytest.fixture
async def app(services: Any) -> Any:
    return create_app(services)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
        yield c


async def _user_and_project(services: Any, client: httpx.AsyncClient) -> tuple[Any, dict[str, Any]]:
    identity = services.system.ref("identity")
    user = await identity.ask(
        im.CreateUser(
            kind=im.UserKind.HUMAN,
            username="alice",
            email="alice@example.com",
            display_name="Alice",
            password=None,
            is_admin=False,
            audit=AUDIT,
        )
    )
    _record, token = await identity.ask(im.CreateToken(user.id, "t", frozenset({"*"}), None, AUDIT))
    auth = {"Authorization": f"Bearer {token}"}
    r = await client.post("/api/projects", json={"name": "web"}, headers=auth)
    assert r.status_code == 201, r.text
    return user, r.json() | {"auth": auth}


async def test_pre_receive_answers(services: Any, app: Any, client: httpx.AsyncClient) -> None:
    user, project = await _user_and_project(services, client)
    headers = {
        "X-Dais-Hook-Secret": hook_secret(app.app.state),
        "X-Dais-Project-Id": project["id"],
        "X-Dais-Pusher-Id": str(user.id),
    }
    new = "a" * 40
    ok = await client.post(
        "/_internal/hooks/pre-receive",
        content=f"{ZERO} {new} refs/heads/topic\n{ZERO} {new} refs/tags/v1.0\n",
        headers=headers,
    )
    assert ok.status_code == 200 and ok.text == ""

    bad = await client.post(
        "/_internal/hooks/pre-receive",
        content=f"{ZERO} {new} refs/heads/a..b\n{ZERO} {new} refs/pull/1\n"
        f"{new} {ZERO} refs/heads/main\n",
        headers=headers,
    )
    assert bad.status_code == 409
    assert bad.text.splitlines() == [
        "dais: refs/heads/a..b: contains '..', '//' or '@{', or is '@'",
        "dais: refs/pull/1: is not a branch (refs/heads/...) or a tag (refs/tags/...)",
        "dais: refs/heads/main: main is the default branch and cannot be deleted",
        "dais: push refused",
    ]

    r = await client.patch(
        f"/api/projects/{project['id']}", json={"archived": True}, headers=project["auth"]
    )
    assert r.status_code == 200
    archived = await client.post(
        "/_internal/hooks/pre-receive", content=f"{ZERO} {new} refs/heads/x\n", headers=headers
    )
    assert archived.status_code == 409
    assert f"project {project['path']} is archived: it is read-only" in archived.text

    gone = await client.post(
        "/_internal/hooks/pre-receive",
        content=f"{ZERO} {new} refs/heads/x\n",
        headers=headers | {"X-Dais-Project-Id": "999999"},
    )
    assert gone.status_code == 409 and "does not exist" in gone.text

    malformed = await client.post(
        "/_internal/hooks/pre-receive", content="not a ref update\n", headers=headers
    )
    assert malformed.status_code == 422 and "line 1" in malformed.text


async def test_post_receive_records_the_push(
    services: Any, app: Any, client: httpx.AsyncClient
) -> None:
    user, project = await _user_and_project(services, client)
    headers = {
        "X-Dais-Hook-Secret": hook_secret(app.app.state),
        "X-Dais-Project-Id": project["id"],
        "X-Dais-Pusher-Id": str(user.id),
    }
    r = await client.post(
        "/_internal/hooks/post-receive",
        content=f"{ZERO} {'b' * 40} refs/heads/main\n",
        headers=headers,
    )
    assert r.status_code == 200
    rows = await services.pool.fetch("SELECT payload::text FROM events WHERE kind = 'git.push'")
    assert [json.loads(row[0]) for row in rows] == [
        {
            "project": {"id": project["id"], "path": project["path"]},
            "pusher": {"id": str(user.id), "username": "alice"},
            "refs": [{"ref": "refs/heads/main", "old": ZERO, "new": "b" * 40}],
        }
    ]


# --- without curl, and repaired at start-up ----------------------------------------------


@pytest.fixture
def no_curl_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """A server whose PATH has git and python3 but no curl: hooks use the python3 fallback."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool, target in (("git", shutil.which("git")), ("python3", sys.executable)):
        assert target is not None
        (bin_dir / tool).symlink_to(target)
    return server_environment(database_url, tmp_path / "data", PATH=str(bin_dir))


@pytest.mark.e2e
async def test_hooks_without_curl_and_their_repair_at_start(
    no_curl_env: dict[str, str], database_url: str, git: Git, tmp_path: Path
) -> None:
    server: ServerProcess = start_server(no_curl_env, tmp_path / "server.log")
    try:
        forge = Forge(server, tmp_path / "data")
        alice = forge.user("alice")
        project = forge.project(alice, readme=True)
        git.run("clone", forge.clone_url(project, alice), str(tmp_path / "w"))
        work = tmp_path / "w"
        head = git.commit(work, "x.txt", "x\n")
        refused = git.run("push", "origin", "HEAD:refs/odd/x", cwd=work, check=False)
        assert "remote: dais: refs/odd/x: is not a branch" in refused.stderr, refused.stderr
        git.run("push", "origin", "main", cwd=work)
        assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == head
        forge.http.close()
    finally:
        server.stop()

    conn = await asyncpg.connect(database_url)
    try:
        pushes = await conn.fetchval("SELECT count(*) FROM events WHERE kind = 'git.push'")
    finally:
        await conn.close()
    assert pushes == 1

    hooks = project.repository / "hooks"
    (hooks / "pre-receive").unlink()
    (hooks / "post-receive").write_text("#!/bin/sh\nexit 0\n")
    server = start_server(no_curl_env, tmp_path / "server2.log")
    try:
        assert "git hooks rewritten in 1 repositories" in server.log()
    finally:
        server.stop()
    for name, text in HOOKS.items():
        assert (hooks / name).read_text() == text
        assert os.access(hooks / name, os.X_OK)
