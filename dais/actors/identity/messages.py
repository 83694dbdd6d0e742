"""The identity domain's protocol: records it returns and messages it answers.

Other domains import identity only through this module.
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from .permissions import Permission

__all__ = [
    "AuditContext",
    "Principal",
    "UserKind",
    "UserRecord",
]


class UserKind(enum.StrEnum):
    HUMAN = "human"
    AGENT = "agent"
    SERVICE = "service"


@attrs.frozen
class UserRecord:
    id: int
    kind: UserKind
    username: str
    email: str | None
    display_name: str
    active: bool
    is_admin: bool
    created_at: datetime
    last_login_at: datetime | None


@attrs.frozen
class Principal:
    """Who is making a request, and through what.

    ``scopes`` is ``None`` for a session (the user's full rights) and the token's scopes for
    a token: a token can do exactly what its scopes allow intersected with what its owner
    may do now.
    """

    user_id: int
    username: str
    kind: UserKind
    is_admin: bool
    session_id: int | None = None
    token_id: int | None = None
    scopes: frozenset[Permission] | None = None


@attrs.frozen
class AuditContext:
    """Who did it and from where; written with every state change."""

    actor_id: int | None
    actor_name: str | None
    client_address: str | None
    user_agent: str | None
    on_behalf_of: int | None = None
