"""What the identity actor's handler groups share: its state, constants, row converters,
the cache generation, and opening a session (for password and passkey sign-in alike)."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import attrs

from dais.errors import Forbidden, NotFound

from . import audit, cache, tokens
from .messages import (
    AssignmentRecord,
    AuditContext,
    DelegationRecord,
    GetUser,
    PasskeyRecord,
    RoleRecord,
    SessionRecord,
    TokenRecord,
    UserKind,
    UserRecord,
)
from .permissions import Permission

if TYPE_CHECKING:
    import asyncpg

    from dais.storage.broker import Broker

log = logging.getLogger("dais.actors.identity.actor")


CHANGED = cache.CHANGED
_GENERATION = cache.GENERATION_KEY
_USER_COLUMNS = (
    "id, kind, username, email, display_name, active, is_admin, created_at, last_login_at"
)
_LOGIN_WINDOW = 15 * 60
_LOGIN_LIMIT = 5
_TOKEN_TOUCH_INTERVAL = 60.0
# A passkey ceremony's challenge lives as long as the browser prompt may (options' timeout).
_CEREMONY_TTL = 300.0
_CEREMONY_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Anonymous sign-in options cost a broker entry each: at most this many per address a minute.
_CEREMONY_LIMIT = 30
_MAX_PASSKEYS = 50


class IdentityConfig:
    def __init__(
        self,
        *,
        permission_cache_ttl: float = 30.0,
        session_idle_timeout: float = 7 * 86400,
        session_max_age: float = 30 * 86400,
    ) -> None:
        self.permission_cache_ttl = permission_cache_ttl
        self.session_idle_timeout = session_idle_timeout
        self.session_max_age = session_max_age


def _user(row: Any) -> UserRecord:
    return UserRecord(
        id=row["id"],
        kind=UserKind(row["kind"]),
        username=row["username"],
        email=row["email"],
        display_name=row["display_name"],
        active=row["active"],
        is_admin=row["is_admin"],
        created_at=row["created_at"],
        last_login_at=row["last_login_at"],
    )


def _token(row: Any) -> TokenRecord:
    return TokenRecord(
        id=row["id"],
        user_id=row["user_id"],
        name=row["name"],
        last4=row["last4"],
        scopes=tuple(row["scopes"]),
        expires_at=row["expires_at"],
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
        project_id=row["project_id"],
    )


def _session(row: Any) -> SessionRecord:
    address = row["client_address"]
    return SessionRecord(
        id=row["id"],
        user_id=row["user_id"],
        created_at=row["created_at"],
        last_seen_at=row["last_seen_at"],
        expires_at=row["expires_at"],
        client_address=None if address is None else str(address),
        user_agent=row["user_agent"],
    )


def _passkey(row: Any) -> PasskeyRecord:
    return PasskeyRecord(
        id=row["id"],
        user_id=row["user_id"],
        name=row["name"],
        aaguid=row["aaguid"],
        transports=tuple(row["transports"]),
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
    )


async def _insert_assignment(
    conn: Any, user_id: int, role_id: int, project_id: int | None, created_by: int | None
) -> Any:
    """Write one role assignment; returns its row."""
    row = await conn.fetchrow(
        "INSERT INTO role_assignments (user_id, role_id, project_id, created_by)"
        " VALUES ($1, $2, $3, $4) RETURNING *",
        user_id,
        role_id,
        project_id,
        created_by,
    )
    assert row is not None
    return row


def _assignment(row: Any, role: str, assignee: Any) -> AssignmentRecord:
    """A role assignment row, with its role's name and the assignee's names beside it."""
    return AssignmentRecord(
        id=row["id"],
        user_id=row["user_id"],
        role_id=row["role_id"],
        role=role,
        project_id=row["project_id"],
        created_at=row["created_at"],
        username=assignee["username"],
        display_name=assignee["display_name"],
    )


def _role(row: Any) -> RoleRecord:
    return RoleRecord(
        id=row["id"],
        name=row["name"],
        description=row["description"],
        permissions=tuple(sorted(row["permissions"])),
        builtin=row["builtin"],
    )


def _delegation(row: Any) -> DelegationRecord:
    return DelegationRecord(
        id=row["id"],
        delegator_id=row["delegator_id"],
        delegate_id=row["delegate_id"],
        permissions=tuple(sorted(row["permissions"])),
        project_id=row["project_id"],
        expires_at=row["expires_at"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        delegator_username=row["delegator_username"],
        delegate_username=row["delegate_username"],
    )


#: A delegation row with both parties' usernames (``d`` is the delegation).
_DELEGATION_WITH_NAMES = """
    SELECT d.*, a.username AS delegator_username, b.username AS delegate_username
    FROM d JOIN users a ON a.id = d.delegator_id JOIN users b ON b.id = d.delegate_id
"""


class IdentityBase:
    """The identity actor's state; the handler groups (mixins) build on it."""

    def __init__(
        self, pool: asyncpg.Pool[Any], broker: Broker, config: IdentityConfig | None = None
    ) -> None:
        self._pool = pool
        self._broker = broker
        self._config = config or IdentityConfig()
        self._token_touched: dict[int, float] = {}

    # --- caches ------------------------------------------------------------------------

    async def _changed(self) -> None:
        """Retire every cached answer, on every replica; called once a change has committed."""
        await cache.retire(self._broker)

    async def _generation(self) -> str:
        """The current cache generation; read it *before* the rows a cached answer is built of."""
        return await cache.generation(self._broker)

    async def _on_GetUser(self, m: GetUser) -> UserRecord:  # noqa: N802
        row = await self._pool.fetchrow(
            f"SELECT {_USER_COLUMNS} FROM users WHERE id = $1", m.user_id
        )
        if row is None:
            raise NotFound(f"user {m.user_id} does not exist")
        return _user(row)

    async def _start_session(
        self,
        conn: Any,
        user_id: int,
        username: str,
        ctx: AuditContext,
        details: dict[str, Any],
    ) -> tuple[UserRecord, str]:
        """Open a session for a user who has just proved who they are (inside a transaction)."""
        secret = tokens.new_session_secret()
        session_id = await conn.fetchval(
            """
            INSERT INTO sessions (user_id, secret_hash, expires_at, client_address, user_agent)
            VALUES ($1, $2, now() + $3::interval, $4::inet, $5) RETURNING id
            """,
            user_id,
            tokens.hash_secret(secret),
            timedelta(seconds=self._config.session_max_age),
            ctx.client_address,
            (ctx.user_agent or "")[:512] or None,
        )
        user_row = await conn.fetchrow(
            f"UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING {_USER_COLUMNS}",
            user_id,
        )
        ctx = attrs.evolve(ctx, actor_id=user_id, actor_name=username)
        await audit.record(conn, ctx, "auth.login", "session", session_id, details)
        return _user(user_row), secret


def _known_permissions(values: list[str]) -> frozenset[Permission]:
    """Permissions from a stored row; names a newer release removed are ignored."""
    out = set()
    for value in values:
        try:
            out.add(Permission(value))
        except ValueError:
            log.warning("ignoring unknown stored permission %r", value)
    return frozenset(out)


def _check_grantable(
    permissions: frozenset[Permission], grantable: frozenset[Permission] | None
) -> None:
    """No one grants, through a role, a permission they do not hold themselves.

    :raises Forbidden: naming the permissions the caller lacks.
    """
    if grantable is None:
        return
    missing = sorted(permissions - grantable)
    if missing:
        raise Forbidden(f"you cannot grant permissions you do not hold: {', '.join(missing)}")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _system_context() -> AuditContext:
    return AuditContext(actor_id=None, actor_name="system", client_address=None, user_agent=None)
