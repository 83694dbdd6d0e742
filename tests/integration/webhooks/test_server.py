"""Webhooks from a real `dais serve`: pushes with the stock git client, and deliveries that
survive the process being killed with SIGKILL."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from dais.storage import outbox
from tests.integration.gitserver.conftest import (
    ADMIN_PASSWORD,
    Forge,
    Git,
    running_forge,
    start_server,
)

from .conftest import PATIENCE, SECRET, WEBHOOK_ENV, Receiver

pytestmark = pytest.mark.e2e

ZERO = "0" * 40


def _env(server_env: dict[str, str]) -> dict[str, str]:
    return server_env | {
        "DAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "DAIS_PUBLIC_URL": f"http://{server_env['DAIS_BIND']}",
        "DAIS_WEBHOOK_ALLOWED_HOSTS": "loopback",
        **WEBHOOK_ENV,
    }


def _hook(forge: Forge, auth: dict[str, str], project_id: str, url: str, events: list[str]) -> str:
    r = forge.http.post(
        f"/api/projects/{project_id}/webhooks",
        json={"url": url, "events": events, "secret": SECRET},
        headers=auth,
    )
    assert r.status_code == 201, r.text
    hook_id: str = r.json()["id"]
    return hook_id


def _settled(forge: Forge, auth: dict[str, str], path: str, count: int) -> list[Any]:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        r = forge.http.get(path, headers=auth)
        assert r.status_code == 200, r.text
        found: list[Any] = r.json()
        if len(found) >= count and all(d["outcome"] != "pending" for d in found):
            return found
        time.sleep(0.05)
    raise AssertionError(f"deliveries did not settle: {found}")


def test_git_pushes_become_push_and_tag_push_deliveries(
    server_env: dict[str, str], tmp_path: Path, receiver: Receiver
) -> None:
    env = _env(server_env)
    with contextlib.contextmanager(running_forge)(env, tmp_path) as forge:
        git = Git(tmp_path / "home")
        alice = forge.user("alice")
        project = forge.project(alice, readme=True)
        _hook(forge, alice.auth, project.id, receiver.url("/push"), ["push", "tag_push"])
        work = tmp_path / "work"
        git.run("clone", forge.clone_url(project, alice), str(work))
        base = git.out("rev-parse", "HEAD", cwd=work)
        one = git.commit(work, "a.txt", "a\n", "Add a")
        two = git.commit(work, "b.txt", "b\n", "Add b\n\nWith a body.")
        git.run("tag", "-a", "v1", "-m", "Version 1", cwd=work)
        git.run("push", "origin", "main", "v1", cwd=work)

        got = receiver.wait_sync(2)
        assert all(r.dais_signature_ok and r.hub_signature_ok for r in got)
        by_event = {r.event: r.json() for r in got}
        push = by_event["push"]
        assert push["ref"] == "refs/heads/main" and push["action"] == "updated"
        assert (push["before"], push["after"]) == (base, two)
        assert push["forced"] is False and push["created"] is False
        assert [c["id"] for c in push["commits"]] == [one, two]
        assert push["commits"][1]["message"] == "Add b\n\nWith a body."
        assert push["commits"][0]["author"] == {"name": "Test", "email": "test@example.com"}
        assert push["head_commit"]["id"] == two
        assert push["pusher"]["username"] == alice.username == push["sender"]["username"]
        assert push["project"]["path"] == project.path
        assert push["project"]["http_url"] == f"{forge.url}/{project.path}.git"
        tag = by_event["tag_push"]
        assert tag["ref"] == "refs/tags/v1" and tag["created"] is True
        assert tag["before"] == ZERO and tag["head_commit"]["id"] == two

        # A rewritten branch is a forced push.
        git.run("reset", "--hard", one, cwd=work)
        three = git.commit(work, "c.txt", "c\n", "Instead of b")
        git.run("push", "--force", "origin", "main", cwd=work)
        forced = receiver.wait_sync(3)[-1].json()
        assert forced["forced"] is True and forced["after"] == three
        assert [c["id"] for c in forced["commits"]] == [three]


def test_a_delivery_interrupted_by_sigkill_is_made_after_restart(
    server_env: dict[str, str], tmp_path: Path, receiver: Receiver
) -> None:
    env = _env(server_env)
    data_dir = Path(env["DAIS_DATA_DIR"])
    server = start_server(env, tmp_path / "first.log")
    forge = Forge(server, data_dir)
    try:
        alice = forge.user("alice")
        project = forge.project(alice, readme=True)
        hook = _hook(forge, alice.auth, project.id, receiver.url(), ["push", "issue"])
        receiver.hold = threading.Event()
        r = forge.http.post(
            f"/api/projects/{project.id}/repository/branches",
            json={"name": "topic", "ref": "main"},
            headers=alice.auth,
        )
        assert r.status_code == 201, r.text
        # The event is committed and its delivery is on the wire, unanswered: kill dais now.
        assert receiver.held.wait(PATIENCE)
        server.proc.kill()
        server.proc.wait(30)
        assert server.stop() == -9
        # And an event committed while dais is down (as if it died right after the commit).
        asyncio.run(_emit_issue(env["DAIS_DATABASE_URL"], project.id, project.path, alice))
        receiver.hold.set()
        receiver.hold = None

        server = start_server(env, tmp_path / "second.log")
        forge.server = server
        got = receiver.wait_sync(3)
        pushes = [r for r in got if r.event == "push"]
        assert len(pushes) == 2  # the interrupted attempt, then the one after restart
        assert pushes[0].delivery == pushes[1].delivery and pushes[0].body == pushes[1].body
        assert pushes[1].json()["ref"] == "refs/heads/topic"
        assert pushes[1].dais_signature_ok and pushes[1].hub_signature_ok
        [issue] = [r for r in got if r.event == "issue"]
        assert issue.json()["issue"] == {"iid": 1, "title": "Crash"}
        found = _settled(
            forge, alice.auth, f"/api/projects/{project.id}/webhooks/{hook}/deliveries", 2
        )
        assert {(d["event"], d["outcome"]) for d in found} == {
            ("push", "delivered"),
            ("issue", "delivered"),
        }
        [push] = [d for d in found if d["event"] == "push"]
        assert push["attempts"] == 2 and push["uuid"] == pushes[0].delivery
    finally:
        forge.http.close()
        server.stop()


async def _emit_issue(database_url: str, project_id: str, path: str, user: Any) -> None:
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await outbox.emit(
                conn,
                "issue.opened",
                {
                    "project": {"id": project_id, "path": path},
                    "sender": {"id": user.id, "username": user.username},
                    "issue": {"iid": 1, "title": "Crash"},
                },
                key=project_id,
                actor=user.username,
            )
    finally:
        await conn.close()
