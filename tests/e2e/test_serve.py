"""The real `dais` command: serve, migrate, version, and how start-up fails."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx

from tests.conftest import ROOT, ServerProcess, free_port


def _dais(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dais.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_serve_answers_and_stops_gracefully(dais_server: ServerProcess) -> None:
    r = httpx.get(dais_server.url + "/readyz")
    assert r.status_code == 200 and r.json()["checks"] == {"database": "ok", "broker": "ok"}
    r = httpx.get(dais_server.url + "/healthz", headers={"X-Request-Id": "e2e-1"})
    assert r.status_code == 200 and r.headers["x-request-id"] == "e2e-1"
    r = httpx.get(dais_server.url + "/metrics")
    assert 'dais_actor_messages_handled_total{actor="events"}' in r.text
    assert dais_server.stop() == 0
    log = dais_server.log()
    assert f"is running at http://127.0.0.1:{dais_server.port}" in log
    access = [line for line in log.splitlines() if "request_id=e2e-1" in line]
    assert len(access) == 1 and "method=GET path=/healthz status=200" in access[0]
    assert "received SIGTERM, stopping" in log


def test_second_serve_on_a_busy_port_fails_clearly(
    dais_server: ServerProcess, server_env: dict[str, str]
) -> None:
    result = _dais("serve", env=server_env)
    assert result.returncode == 1
    assert f"DAIS_BIND=127.0.0.1:{dais_server.port}: cannot listen: address already in use" in (
        result.stderr
    )


def test_bad_configuration_stops_start_with_one_line(server_env: dict[str, str]) -> None:
    result = _dais("serve", env=server_env | {"DAIS_BIND": "localhost"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dais: configuration error: DAIS_BIND='localhost': expected host:port, "
        "e.g. 127.0.0.1:8080 or [::1]:8080"
    ]


def test_config_file(server_env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "dais.toml"
    config.write_text('log_level = "shout"\n')
    env = {k: v for k, v in server_env.items() if k != "DAIS_LOG_LEVEL"}
    result = _dais("serve", "--config", str(config), env=env)
    assert result.returncode == 2 and "DAIS_LOG_LEVEL='shout'" in result.stderr


def test_migrate_then_drift_is_refused(server_env: dict[str, str], database_url: str) -> None:
    result = _dais("migrate", env=server_env)
    assert result.returncode == 0, result.stderr
    assert "nothing to apply" in result.stdout  # the test database is already migrated

    async def tamper() -> None:
        conn = await asyncpg.connect(database_url)
        try:
            await conn.execute("UPDATE schema_migrations SET checksum = 'x' WHERE version = '0001'")
        finally:
            await conn.close()

    import anyio

    anyio.run(tamper)
    for command in ("migrate", "serve"):
        result = _dais(command, env=server_env)
        assert result.returncode == 1
        assert "sql/0001_events.sql was edited after it was applied" in result.stderr


def test_unreachable_database_fails_clearly(server_env: dict[str, str]) -> None:
    port = free_port()
    env = server_env | {"DAIS_DATABASE_URL": f"postgresql://nobody:pw@127.0.0.1:{port}/x"}
    result = _dais("serve", env=env)
    assert result.returncode == 1
    assert f"cannot connect to postgresql://nobody:***@127.0.0.1:{port}/x" in result.stderr
    assert "pw@" not in result.stderr


def test_version_and_help() -> None:
    env = dict(os.environ)
    result = _dais("version", env=env)
    assert result.returncode == 0 and result.stdout.startswith("dais 0.")
    for args in (("--help",), ("serve", "--help"), ("migrate", "--help"), ("version", "--help")):
        result = _dais(*args, env=env)
        assert result.returncode == 0 and "usage: dais" in result.stdout


def test_embedded_postgres_first_and_second_start(tmp_path: Path) -> None:
    """`make run` on a fresh machine: no DAIS_DATABASE_URL, an embedded PostgreSQL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    env |= {"DAIS_BIND": f"127.0.0.1:{free_port()}", "DAIS_DATA_DIR": str(tmp_path / "d")}
    first = ServerProcess(env, tmp_path / "first.log")
    try:
        first.wait_ready(timeout=120)
    finally:
        assert first.stop() == 0, first.log()
    assert (tmp_path / "d" / "postgres" / "PG_VERSION").exists()
    assert "applied migration 0001_events.sql" in first.log()

    started = time.monotonic()
    second = ServerProcess(env, tmp_path / "second.log")
    try:
        second.wait_ready(timeout=60)
        reuse_seconds = time.monotonic() - started
    finally:
        assert second.stop() == 0, second.log()
    assert "applied migration" not in second.log()
    print(f"second start ready in {reuse_seconds:.2f}s")
