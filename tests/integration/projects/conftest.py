from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from dais.actors.identity import messages as m

AUDIT = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)

MakeUser = Callable[..., Awaitable[tuple[m.UserRecord, dict[str, str]]]]


@pytest.fixture
def make_user(services: Any) -> MakeUser:
    """Create a user and a token for them; returns (user, Authorization headers)."""

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
                audit=AUDIT,
            )
        )
        _record, token = await identity.ask(m.CreateToken(user.id, "t", scopes, None, AUDIT))
        return user, {"Authorization": f"Bearer {token}"}

    return make
