"""Fixtures for the identity tests: users, signed-in clients and tokens over the real app.

The app's public URL is ``http://dais.test`` (the clients' base URL), so same-origin checks
and the passkey relying party line up with what the clients send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from dais.actors.identity import messages as m
from dais.config import Settings, load_settings
from dais.http.app import create_app
from dais.services import Services

ORIGIN = "http://dais.test"
PASSWORD = "correct horse battery"
SYSTEM = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)


def problem(r: httpx.Response, status: int) -> dict[str, Any]:
    """Assert ``r`` is a problem+json answer with ``status``; return its body."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body: dict[str, Any] = r.json()
    assert body["status"] == status and body["title"] and body["detail"], body
    return body


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its deliberate cost takes about 0.1 s a hash on a CI machine and these tests
    make hundreds; they are about who may do what, not about the cost. The real parameters
    are tested in tests/unit/actors/identity/test_passwords.py."""
    from argon2 import PasswordHasher

    from dais.actors.identity import passwords

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", cheap)
    monkeypatch.setattr(passwords, "_DUMMY_HASH", cheap.hash("no such account"))


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        {
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": str(tmp_path),
            "DAIS_PUBLIC_URL": ORIGIN,
        }
    )


class Identity:
    """Helpers over one running app: make users, sign them in, mint tokens."""

    def __init__(self, services: Services, stack: AsyncExitStack) -> None:
        self.services = services
        self.app = create_app(services)
        self._stack = stack

    @property
    def pool(self) -> asyncpg.Pool[Any]:
        return self.services.pool

    async def ask(self, message: Any) -> Any:
        return await self.services.ask(self.services.system.ref("identity"), message)

    async def client(
        self, *, address: str = "127.0.0.1", headers: dict[str, str] | None = None
    ) -> httpx.AsyncClient:
        """An anonymous client; ``address`` is the client address the app sees."""
        transport = httpx.ASGITransport(app=self.app, client=(address, 40000))
        client = httpx.AsyncClient(transport=transport, base_url=ORIGIN, headers=headers)
        return await self._stack.enter_async_context(client)

    async def user(
        self,
        username: str,
        *,
        password: str | None = PASSWORD,
        email: str | None = None,
        is_admin: bool = False,
        kind: m.UserKind = m.UserKind.HUMAN,
        roles: Iterable[str] = (),
    ) -> m.UserRecord:
        user: m.UserRecord = await self.ask(
            m.CreateUser(
                kind=kind,
                username=username,
                email=email,
                display_name=username.title(),
                password=password,
                is_admin=is_admin,
                audit=SYSTEM,
            )
        )
        for role in roles:
            await self.assign(user.id, role)
        return user

    async def assign(self, user_id: int, role: str, project_id: int | None = None) -> int:
        record: m.AssignmentRecord = await self.ask(m.AssignRole(user_id, role, project_id, SYSTEM))
        return record.id

    async def login(
        self, login: str, password: str = PASSWORD, *, address: str = "127.0.0.1"
    ) -> httpx.AsyncClient:
        """A client holding a session cookie, sending this site's Origin as a browser does."""
        client = await self.client(address=address, headers={"Origin": ORIGIN})
        r = await client.post("/api/auth/login", json={"login": login, "password": password})
        assert r.status_code == 200, r.text
        return client

    async def token(
        self,
        user_id: int,
        scopes: Iterable[str] = ("*",),
        *,
        expires_at: datetime | None = None,
        name: str = "test",
    ) -> str:
        _, secret = await self.ask(
            m.CreateToken(user_id, name, frozenset(scopes), expires_at, SYSTEM)
        )
        assert isinstance(secret, str)
        return secret

    async def bearer(self, token: str, *, address: str = "127.0.0.1") -> httpx.AsyncClient:
        return await self.client(address=address, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
async def identity(services: Services) -> AsyncIterator[Identity]:
    async with AsyncExitStack() as stack:
        yield Identity(services, stack)


@pytest.fixture
async def admin(identity: Identity) -> httpx.AsyncClient:
    """A client signed in as the bootstrap ``admin`` user."""
    await identity.ask(m.EnsureAdmin(PASSWORD))
    return await identity.login("admin")


@asynccontextmanager
async def app_instance(settings: Settings, redis_url: str) -> AsyncIterator[Identity]:
    """A second (or third) replica: its own pool, broker client, actors and app, sharing the
    database and the Redis server with the others."""
    from dais.serve import running_services
    from dais.storage.broker import open_broker
    from dais.storage.database import open_pool

    assert settings.database_url is not None
    async with (
        open_pool(settings.database_url, size=3) as pool,
        open_broker(redis_url) as broker,
        running_services(settings, pool, broker, name="replica") as services,
        AsyncExitStack() as stack,
    ):
        yield Identity(services, stack)
