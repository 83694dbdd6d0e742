"""`dais admin ...` against a real database, then the result used over HTTP."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ROOT, ServerProcess


def _admin(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dais.cli", "admin", *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_create_user_token_and_reset_password(server_env: dict[str, str], tmp_path: Path) -> None:
    made = _admin(
        "create-user",
        "alice",
        "--email",
        "alice@example.com",
        "--password-stdin",
        env=server_env,
        stdin="correct horse battery\n",
    )
    assert made.returncode == 0, made.stderr
    assert "created user alice" in made.stdout

    again = _admin("create-user", "alice", "--password-stdin", env=server_env, stdin="x" * 12)
    assert again.returncode == 1 and "already exists" in again.stderr

    short = _admin("create-user", "bob", "--password-stdin", env=server_env, stdin="short\n")
    assert short.returncode == 1 and "password: must be at least 10 characters" in short.stderr

    token = _admin(
        "create-token", "alice", "--name", "ci", "--scope", "project:read", env=server_env
    )
    assert token.returncode == 0, token.stderr
    secret = token.stdout.strip()
    assert secret.startswith("dais_pat_")

    bad = _admin("create-token", "alice", "--name", "x", "--scope", "bogus", env=server_env)
    assert bad.returncode == 1 and "bogus" in bad.stderr
    nobody = _admin("create-token", "nobody", "--name", "x", env=server_env)
    assert nobody.returncode != 0 and "no user named 'nobody'" in nobody.stderr

    reset = _admin(
        "reset-password",
        "alice",
        "--password-stdin",
        env=server_env,
        stdin="another long password\n",
    )
    assert reset.returncode == 0, reset.stderr

    server = ServerProcess(server_env, tmp_path / "server.log")
    try:
        server.wait_ready()
        me = httpx.get(server.url + "/api/user", headers={"Authorization": f"Bearer {secret}"})
        assert me.status_code == 200 and me.json()["username"] == "alice"
        old = httpx.post(
            server.url + "/api/auth/login",
            json={"login": "alice", "password": "correct horse battery"},
        )
        assert old.status_code == 401
        new = httpx.post(
            server.url + "/api/auth/login",
            json={"login": "alice@example.com", "password": "another long password"},
        )
        assert new.status_code == 200 and "dais_session" in new.cookies
    finally:
        assert server.stop() == 0


def test_first_start_creates_admin_and_prints_password(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    server = ServerProcess(server_env, tmp_path / "first.log")
    try:
        server.wait_ready()
    finally:
        server.stop()
    log = server.log()
    line = next(x for x in log.splitlines() if "sign in as admin with password:" in x)
    password = line.rsplit(": ", 1)[1].strip()
    assert len(password) >= 20

    server = ServerProcess(server_env, tmp_path / "second.log")
    try:
        server.wait_ready()
        r = httpx.post(
            server.url + "/api/auth/login", json={"login": "admin", "password": password}
        )
        assert r.status_code == 200 and r.json()["is_admin"] is True
    finally:
        server.stop()
    assert "sign in as admin" not in server.log()  # printed once, on the first start only


def test_admin_password_from_the_environment(server_env: dict[str, str], tmp_path: Path) -> None:
    env = server_env | {"DAIS_ADMIN_PASSWORD": "from the environment"}
    server = ServerProcess(env, tmp_path / "s.log")
    try:
        server.wait_ready()
        r = httpx.post(
            server.url + "/api/auth/login",
            json={"login": "admin", "password": "from the environment"},
        )
        assert r.status_code == 200
    finally:
        server.stop()
    assert "from the environment" not in server.log()
