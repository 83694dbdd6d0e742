"""A real SMTP server (aiosmtpd) and settings pointing dais at it, for the notification tests.

The ``smtp`` fixture's server is started before the settings are made, so its port is known;
a test that wants it to misbehave parametrizes ``smtp_mode``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import MakeUser
from tests.integration.webhooks.conftest import eventually, kick
from tests.support.smtp import SmtpServer

__all__ = ["eventually", "kick", "notifications", "project_with"]


@pytest.fixture
def smtp_mode() -> dict[str, Any]:
    """How the SMTP server behaves: SmtpServer's keyword arguments."""
    return {}


@pytest.fixture
def notify_env() -> dict[str, str]:
    """Settings a test adds or overrides."""
    return {}


@pytest.fixture
async def smtp(smtp_mode: dict[str, Any]) -> AsyncIterator[SmtpServer]:
    async with SmtpServer(**smtp_mode) as server:
        yield server


@pytest.fixture
def settings(
    database_url: str, tmp_path: Path, smtp: SmtpServer, notify_env: dict[str, str]
) -> Any:
    from dais.config import load_settings

    return load_settings(
        {
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": str(tmp_path),
            "DAIS_PUBLIC_URL": "https://dais.example.com",
            "DAIS_SMTP_HOST": smtp.host,
            "DAIS_SMTP_PORT": str(smtp.port),
            "DAIS_SMTP_SECURITY": "none",
            "DAIS_SMTP_FROM": "dais <dais@example.com>",
            "DAIS_SMTP_TIMEOUT": "2",
            "DAIS_NOTIFY_EMAIL_WINDOW": "0",
            "DAIS_NOTIFY_RETRY_DELAY": "0.05",
            "DAIS_NOTIFY_MAX_ATTEMPTS": "3",
            "DAIS_WEBHOOK_ALLOWED_HOSTS": "loopback",
            **notify_env,
        }
    )


async def notifications(
    client: httpx.AsyncClient, auth: dict[str, str], count: int, services: Any
) -> list[dict[str, Any]]:
    """The user's notifications, once there are ``count``."""

    async def check() -> list[dict[str, Any]] | None:
        kick(services)
        r = await client.get("/api/user/notifications", headers=auth)
        assert r.status_code == 200, r.text
        found: list[dict[str, Any]] = r.json()
        return found if len(found) >= count else None

    result: list[dict[str, Any]] = await eventually(check)
    return result


async def project_with(
    client: httpx.AsyncClient,
    make_user: MakeUser,
    *members: str,
    visibility: str = "private",
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """alice's project ``alice/web``, with ``members`` as developers; their auth headers."""
    _alice, alice = await make_user("alice")
    r = await client.post(
        "/api/projects", json={"name": "web", "visibility": visibility}, headers=alice
    )
    assert r.status_code == 201, r.text
    out: dict[str, dict[str, str]] = {}
    for name in members:
        user, auth = await make_user(name)
        added = await client.post(
            "/api/projects/alice%2Fweb/members",
            json={"user_id": str(user.id), "role": "developer"},
            headers=alice,
        )
        assert added.status_code == 201, added.text
        out[name] = auth
    return alice, out
