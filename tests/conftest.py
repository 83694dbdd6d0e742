"""Shared fixtures: backends, services (PostgreSQL, Redis), the app and a real server.

``DAIS_TEST_DATABASE_URL`` points the suite at a PostgreSQL server (CI uses the machine's);
unset, an embedded PostgreSQL is started for the session. ``DAIS_TEST_REDIS_URL`` does the
same for Redis (default ``redis://127.0.0.1:6379/15``). Under ``CI=true`` a missing service
fails the tests that need it; locally they skip.
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg
import httpx
import pytest

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ROOT = Path(__file__).resolve().parents[1]


def require_service(what: str, reason: str) -> None:
    """Skip locally when a service is missing; under CI=true a missing service fails the test."""
    if CI:
        pytest.fail(f"{what} is required under CI=true: {reason}")
    pytest.skip(f"{what} not available: {reason}")


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database ``name``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --- PostgreSQL -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An admin URL (database ``postgres``) on the test PostgreSQL server."""
    url = os.environ.get("DAIS_TEST_DATABASE_URL")
    if url:
        yield url
        return
    import pgserver

    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="delete")
    try:
        yield str(server.get_uri())
    finally:
        server.cleanup()


async def _admin(url: str) -> asyncpg.Connection[Any]:
    try:
        with anyio.fail_after(10):
            return await asyncpg.connect(url)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        require_service("PostgreSQL", f"{url}: {exc!r}")
        raise


@pytest.fixture(scope="session")
def template_database(pg_server_url: str) -> Iterator[str]:
    """A migrated database that each test clones (CREATE DATABASE ... TEMPLATE ...)."""
    from dais.storage.migrations import migrate

    name = f"dais_tpl_{os.getpid()}"

    async def create() -> None:
        admin = await _admin(pg_server_url)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        conn = await asyncpg.connect(with_database(pg_server_url, name))
        try:
            await migrate(conn)
        finally:
            await conn.close()

    async def drop() -> None:
        admin = await _admin(pg_server_url)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()

    anyio.run(create)
    try:
        yield name
    finally:
        anyio.run(drop)


_database_numbers = itertools.count()


def _fresh_database(server_url: str, prefix: str, template: str | None) -> Iterator[str]:
    name = f"{prefix}_{os.getpid()}_{next(_database_numbers)}"
    clause = f' TEMPLATE "{template}"' if template else ""

    async def run(sql: str) -> None:
        admin = await _admin(server_url)
        try:
            await admin.execute(sql)
        finally:
            await admin.close()

    # Sync fixtures (anyio.run on a loop of their own) so sync tests can use them too.
    anyio.run(run, f'CREATE DATABASE "{name}"{clause}')
    try:
        yield with_database(server_url, name)
    finally:
        anyio.run(run, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database_url(pg_server_url: str, template_database: str) -> Iterator[str]:
    """A fresh, migrated database for one test."""
    yield from _fresh_database(pg_server_url, "dais_t", template_database)


@pytest.fixture
def empty_database_url(pg_server_url: str) -> Iterator[str]:
    """A fresh database with no migrations applied (for migration tests)."""
    yield from _fresh_database(pg_server_url, "dais_e", None)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool[Any]]:
    from dais.storage.database import open_pool

    async with open_pool(database_url, size=5) as p:
        yield p


# --- Redis ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def redis_base_url() -> str:
    return os.environ.get("DAIS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
async def redis_url(redis_base_url: str) -> AsyncIterator[str]:
    """A Redis URL whose database index has just been flushed."""
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(redis_base_url, socket_timeout=5, socket_connect_timeout=5)
    try:
        await client.ping()
        await client.flushdb()
    except Exception as exc:  # noqa: BLE001 - any connection failure means "not available"
        await client.aclose()
        require_service("Redis", f"{redis_base_url}: {exc!r}")
    await client.aclose()
    yield redis_base_url


# --- the app ----------------------------------------------------------------------------


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Any:
    from dais.config import load_settings

    return load_settings({"DAIS_DATABASE_URL": database_url, "DAIS_DATA_DIR": str(tmp_path)})


@pytest.fixture
async def services(settings: Any, pool: asyncpg.Pool[Any]) -> AsyncIterator[Any]:
    """Everything a handler can reach, on a fresh database and an in-process broker."""
    from dais.serve import running_services
    from dais.storage.broker import open_broker

    async with (
        open_broker(None) as broker,
        running_services(settings, pool, broker, name="test") as services,
    ):
        yield services


@pytest.fixture
async def client(services: Any) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client on the real ASGI app (no network)."""
    from dais.http.app import create_app

    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
        yield c


# --- a real `dais serve` ---------------------------------------------------------------


class ServerProcess:
    """A `dais serve` subprocess; its stderr goes to a file the test can read."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.port = int(env["DAIS_BIND"].rsplit(":", 1)[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"dais serve exited {self.proc.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"dais serve not ready after {timeout}s:\n{self.log()}")

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        return self.proc.returncode


def cli_token(server_env: dict[str, str], user: str, name: str = "test") -> str:
    """A new API token for ``user`` (every scope), from ``dais admin create-token``."""
    out = subprocess.run(
        [sys.executable, "-m", "dais.cli", "admin", "create-token", user, "--name", name],
        env=server_env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture
def server_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    env |= {
        "DAIS_BIND": f"127.0.0.1:{free_port()}",
        "DAIS_DATABASE_URL": database_url,
        "DAIS_DATA_DIR": str(tmp_path / "data"),
        "PYTHONUNBUFFERED": "1",
    }
    return env


@pytest.fixture
def dais_server(server_env: dict[str, str], tmp_path: Path) -> Iterator[ServerProcess]:
    """A real `dais serve` process on a free port, on a fresh database."""
    server = ServerProcess(server_env, tmp_path / "server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


# --- users with tokens -----------------------------------------------------------------

MakeUser = Callable[..., Awaitable[tuple[Any, dict[str, str]]]]


@pytest.fixture
def make_user(services: Any) -> MakeUser:
    """Create a user and a token for them; returns (user, Authorization headers)."""

    from dais.actors.identity import messages as m

    audit = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)

    async def make(
        username: str, *, admin: bool = False, scopes: frozenset[str] = frozenset({"*"})
    ) -> tuple[m.UserRecord, dict[str, str]]:
        identity = services.system.ref("identity")
        user = await identity.ask(
            m.CreateUser(
                kind=m.UserKind.HUMAN,
                username=username,
                email=f"{username}@example.com",
                display_name=username.title(),
                password=None,
                is_admin=admin,
                audit=audit,
            )
        )
        _record, token = await identity.ask(m.CreateToken(user.id, "t", scopes, None, audit))
        return user, {"Authorization": f"Bearer {token}"}

    return make
