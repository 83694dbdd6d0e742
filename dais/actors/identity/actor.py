"""The identity actor: users, sessions, tokens, passkeys, roles, delegations, the audit log.

Every change is written with its audit row in one transaction, then the caches are dropped.
Resolved permissions and token lookups are cached in the broker (shared by replicas when it
is Redis) under a *generation*: a random value kept in the broker, part of every cache key.
A change starts a new generation once it has committed, so every replica stops reading the
old entries at once (they expire on their own). A reader fetches the generation before it
reads the database, so an answer computed from rows older than a change can only be stored
under a generation that change has already retired. ``identity.changed`` is published too,
for anyone else keeping state derived from identities.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import asyncpg
import attrs

from dais.errors import (
    Conflict,
    Forbidden,
    NotFound,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
)
from dais.runtime import Actor

from . import audit, cache, passkeys, passwords, resolver, rules, tokens
from .messages import (
    AssignmentRecord,
    AssignRole,
    AuditContext,
    AuditRecord,
    AuthenticatePassword,
    AuthenticateSession,
    AuthenticateToken,
    CreateRole,
    CreateToken,
    CreateUser,
    Delegate,
    DelegationRecord,
    DeletePasskey,
    DeleteRole,
    DeleteUser,
    EnsureAdmin,
    GetUser,
    IdentityMessage,
    ListAssignments,
    ListDelegations,
    ListPasskeys,
    ListRoles,
    ListSessions,
    ListTokens,
    ListUsers,
    Login,
    Logout,
    PasskeyCeremony,
    PasskeyLogin,
    PasskeyRecord,
    Permissions,
    Principal,
    QueryAudit,
    RegisterPasskey,
    ResetPassword,
    RevokeDelegation,
    RevokeSession,
    RevokeToken,
    RoleRecord,
    SessionRecord,
    StartPasskeyLogin,
    StartPasskeyRegistration,
    TokenRecord,
    UnassignRole,
    UpdateRole,
    UpdateUser,
    UserKind,
    UserRecord,
)
from .permissions import Permission

if TYPE_CHECKING:
    from dais.storage.broker import Broker

__all__ = ["IdentityActor", "IdentityConfig"]

log = logging.getLogger(__name__)

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
    )


class IdentityActor(Actor[IdentityMessage]):
    """Answers "who is this?" and "may they?", and keeps identities."""

    concurrency = 64
    mailbox_size = 4096

    def __init__(
        self, pool: asyncpg.Pool[Any], broker: Broker, config: IdentityConfig | None = None
    ) -> None:
        self._pool = pool
        self._broker = broker
        self._config = config or IdentityConfig()
        self._token_touched: dict[int, float] = {}

    async def receive(self, message: IdentityMessage) -> Any:
        handler = getattr(self, f"_on_{type(message).__name__}")
        return await handler(message)

    # --- caches ------------------------------------------------------------------------

    async def _changed(self) -> None:
        """Retire every cached answer, on every replica; called once a change has committed."""
        await cache.retire(self._broker)

    async def _generation(self) -> str:
        """The current cache generation; read it *before* the rows a cached answer is built of."""
        return await cache.generation(self._broker)

    # --- authentication ----------------------------------------------------------------

    async def _on_AuthenticateToken(self, m: AuthenticateToken) -> Principal:  # noqa: N802
        if not tokens.token_checksum_ok(m.token):
            raise Unauthorized("the token is malformed or mistyped")
        digest = tokens.hash_secret(m.token)
        key = f"auth:tok:{await self._generation()}:{digest.hex()}"
        cached = await self._broker.get(key)
        if cached is not None:
            entry = json.loads(cached)
        else:
            row = await self._pool.fetchrow(
                """
                SELECT t.id AS token_id, t.scopes, t.expires_at,
                       u.id, u.username, u.kind, u.is_admin, u.active, u.email,
                       u.display_name, u.created_at, u.last_login_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.secret_hash = $1
                """,
                digest,
            )
            if row is None:
                raise Unauthorized("the token is unknown or has been revoked")
            entry = {
                "token_id": row["token_id"],
                "user_id": row["id"],
                "username": row["username"],
                "kind": row["kind"],
                "is_admin": row["is_admin"],
                "active": row["active"],
                "scopes": list(row["scopes"]),
                "expires_at": row["expires_at"].timestamp() if row["expires_at"] else None,
                "email": row["email"],
                "display_name": row["display_name"],
                "created_at": row["created_at"].timestamp(),
                "last_login_at": (
                    row["last_login_at"].timestamp() if row["last_login_at"] else None
                ),
            }
            await self._broker.set(
                key, json.dumps(entry).encode(), ttl=self._config.permission_cache_ttl
            )
        if entry["expires_at"] is not None and entry["expires_at"] <= time.time():
            raise Unauthorized("the token has expired")
        if not entry["active"]:
            raise Unauthorized("the account is disabled")
        await self._touch_token(entry["token_id"])
        scopes = None if "*" in entry["scopes"] else _known_permissions(entry["scopes"])
        return Principal(
            user_id=entry["user_id"],
            username=entry["username"],
            kind=UserKind(entry["kind"]),
            is_admin=entry["is_admin"],
            token_id=entry["token_id"],
            scopes=scopes,
            expires_at=entry["expires_at"],
            user=UserRecord(
                id=entry["user_id"],
                kind=UserKind(entry["kind"]),
                username=entry["username"],
                email=entry["email"],
                display_name=entry["display_name"],
                active=entry["active"],
                is_admin=entry["is_admin"],
                created_at=datetime.fromtimestamp(entry["created_at"], UTC),
                last_login_at=(
                    datetime.fromtimestamp(entry["last_login_at"], UTC)
                    if entry["last_login_at"] is not None
                    else None
                ),
            ),
        )

    async def _touch_token(self, token_id: int) -> None:
        """Record last use, at most once a minute per token (per replica)."""
        now = time.monotonic()
        if now - self._token_touched.get(token_id, -_TOKEN_TOUCH_INTERVAL) < _TOKEN_TOUCH_INTERVAL:
            return
        self._token_touched[token_id] = now
        if len(self._token_touched) > 100_000:
            self._token_touched.clear()
        await self._pool.execute(
            "UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND "
            "(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
            token_id,
        )

    async def _on_AuthenticateSession(self, m: AuthenticateSession) -> Principal:  # noqa: N802
        if not 20 <= len(m.secret) <= 128:
            raise Unauthorized("the session is not valid; sign in again")
        idle = timedelta(seconds=self._config.session_idle_timeout)
        row = await self._pool.fetchrow(
            """
            SELECT s.id AS session_id, s.last_seen_at < now() - interval '1 minute' AS stale,
                   u.id, u.username, u.kind, u.is_admin, u.active
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.secret_hash = $1
              AND s.expires_at > now() AND s.last_seen_at > now() - $2::interval
            """,
            tokens.hash_secret(m.secret),
            idle,
        )
        if row is None:
            raise Unauthorized("the session has expired or was signed out; sign in again")
        if row["stale"]:
            # Written at most once a minute: an UPDATE per request would write a row version
            # per request even when nothing changed.
            await self._pool.execute(
                "UPDATE sessions SET last_seen_at = now() WHERE id = $1", row["session_id"]
            )
        if not row["active"]:
            raise Unauthorized("the account is disabled")
        return Principal(
            user_id=row["id"],
            username=row["username"],
            kind=UserKind(row["kind"]),
            is_admin=row["is_admin"],
            session_id=row["session_id"],
        )

    async def _on_Login(self, m: Login) -> tuple[UserRecord, str]:  # noqa: N802
        """Check a password; reply the user and a new session's secret."""
        row, stored = await self._check_password(m.login, m.password, m.audit)
        rehashed = (
            await passwords.hash_password(m.password)
            if passwords.needs_rehash(stored or "")
            else None
        )
        async with self._pool.acquire() as conn, conn.transaction():
            if rehashed is not None:
                await conn.execute(
                    "UPDATE users SET password_hash = $2 WHERE id = $1", row["id"], rehashed
                )
            user, secret = await self._start_session(
                conn, row["id"], row["username"], m.audit, {"method": "password"}
            )
        return user, secret

    async def _on_AuthenticatePassword(self, m: AuthenticatePassword) -> Principal:  # noqa: N802
        """HTTP Basic with an account password (git clients): humans only, no session."""
        row, _stored = await self._check_password(m.login, m.password, m.audit)
        if row["kind"] != UserKind.HUMAN.value:
            raise Unauthorized("agents and services authenticate with a token")
        return Principal(
            user_id=row["id"],
            username=row["username"],
            kind=UserKind(row["kind"]),
            is_admin=row["is_admin"],
            user=_user(row),
        )

    async def _check_password(self, login_text: str, password: str, ctx: AuditContext) -> Any:
        """The account row and its hash, if ``password`` is right.

        Throttled per client address (failures counted) and per account (attempts counted up
        front, so parallel guesses cannot all slip past the check; a success resets it). An
        unknown login is counted under its own name, and fails in the time a wrong password
        takes, with the same answer.

        :raises Unauthorized: for a wrong login or password, or a disabled account.
        :raises TooManyRequests: when throttled.
        """
        m = Login(login_text, password, ctx)
        # PostgreSQL text cannot hold NUL: such a login names no account.
        login = m.login.strip().lower().replace("\x00", "\ufffd")
        address_key = f"login:addr:{m.audit.client_address}" if m.audit.client_address else None
        if address_key is not None:
            await self._refuse_when_throttled(address_key)
        row = await self._pool.fetchrow(
            f"SELECT {_USER_COLUMNS}, password_hash FROM users "
            "WHERE username = $1 OR lower(email) = $1",
            login,
        )
        account_key = (
            f"login:user:{row['id']}"
            if row is not None
            else f"login:name:{hashlib.sha256(login.encode()).hexdigest()}"
        )
        if await self._broker.incr(account_key, ttl=_LOGIN_WINDOW) > _LOGIN_LIMIT:
            await self._refuse_when_throttled(account_key)
        stored = row["password_hash"] if row is not None else None
        ok = await passwords.verify_password(stored, m.password)
        if not ok or row is None or not row["active"]:
            if address_key is not None:
                await self._broker.incr(address_key, ttl=_LOGIN_WINDOW)
            async with self._pool.acquire() as conn, conn.transaction():
                await audit.record(
                    conn,
                    m.audit,
                    "auth.login_failed",
                    "user",
                    row["id"] if row is not None else None,
                    {"login": login[:254]},
                )
            raise Unauthorized("invalid username or password")
        await self._broker.delete(account_key)
        return row, stored

    async def _refuse_when_throttled(self, key: str) -> None:
        """:raises TooManyRequests: when the counter under ``key`` has reached the limit."""
        count = await self._broker.get(key)
        if count is not None and int(count) >= _LOGIN_LIMIT:
            retry = await self._broker.ttl(key) or _LOGIN_WINDOW
            raise TooManyRequests(
                "too many failed sign-in attempts; try again later",
                retry_after=max(1, int(retry + 0.999)),
            )

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

    async def _on_Logout(self, m: Logout) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("DELETE FROM sessions WHERE id = $1", m.session_id)
            await audit.record(conn, m.audit, "auth.logout", "session", m.session_id)

    # --- the signed-in user ------------------------------------------------------------

    async def _on_GetUser(self, m: GetUser) -> UserRecord:  # noqa: N802
        row = await self._pool.fetchrow(
            f"SELECT {_USER_COLUMNS} FROM users WHERE id = $1", m.user_id
        )
        if row is None:
            raise NotFound(f"user {m.user_id} does not exist")
        return _user(row)

    async def _on_ListSessions(self, m: ListSessions) -> list[SessionRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM sessions WHERE user_id = $1 AND expires_at > now() "
            "ORDER BY last_seen_at DESC",
            m.user_id,
        )
        return [_session(r) for r in rows]

    async def _on_RevokeSession(self, m: RevokeSession) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            deleted = await conn.fetchval(
                "DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id",
                m.session_id,
                m.user_id,
            )
            if deleted is None:
                raise NotFound(f"session {m.session_id} does not exist")
            await audit.record(conn, m.audit, "session.revoke", "session", m.session_id)

    async def _on_CreateToken(self, m: CreateToken) -> tuple[TokenRecord, str]:  # noqa: N802
        rules.check_text(m.name, "name", max_length=100)
        secret = tokens.new_token()
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                """
                INSERT INTO api_tokens (user_id, name, secret_hash, last4, scopes, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
                """,
                m.user_id,
                m.name,
                tokens.hash_secret(secret),
                secret[-4:],
                sorted(m.scopes),
                m.expires_at,
            )
            assert row is not None
            await audit.record(
                conn,
                m.audit,
                "token.create",
                "token",
                row["id"],
                {"name": m.name, "scopes": sorted(m.scopes)},
            )
        return _token(row), secret

    async def _on_ListTokens(self, m: ListTokens) -> list[TokenRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY id", m.user_id
        )
        return [_token(r) for r in rows]

    async def _on_RevokeToken(self, m: RevokeToken) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            deleted = await conn.fetchval(
                "DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 RETURNING id",
                m.token_id,
                m.user_id,
            )
            if deleted is None:
                raise NotFound(f"token {m.token_id} does not exist")
            await audit.record(conn, m.audit, "token.revoke", "token", m.token_id)
        await self._changed()

    # --- authorization -----------------------------------------------------------------

    async def _on_Permissions(self, m: Permissions) -> frozenset[Permission]:  # noqa: N802
        p = m.principal
        project = m.project_id if m.project_id is not None else "-"
        key = f"perm:{await self._generation()}:{p.user_id}:{project}"
        cached = await self._broker.get(key)
        if cached is not None:
            held = frozenset(Permission(s) for s in cached.decode().split(",") if s)
        else:
            held, until = await self._resolve(p.user_id, m.project_id)
            ttl = self._config.permission_cache_ttl
            if until is not None:
                # A delegation ends inside the cache's lifetime: the answer must end with it.
                ttl = min(ttl, (until - datetime.now(UTC)).total_seconds())
            if ttl > 0:
                await self._broker.set(key, ",".join(sorted(held)).encode(), ttl=ttl)
        return resolver.narrow_to_scopes(held, p.scopes)

    async def _grants(
        self, user_id: int
    ) -> tuple[Any, list[resolver.Grant], list[resolver.Delegation]]:
        """The user's row, the delegations in force to them, and the role grants of the user
        and of their delegators."""
        async with self._pool.acquire() as conn:
            user = await conn.fetchrow("SELECT active, is_admin FROM users WHERE id = $1", user_id)
            if user is None:
                return None, [], []
            delegation_rows = await conn.fetch(
                """
                SELECT d.*, u.active AS delegator_active, u.is_admin AS delegator_admin
                FROM delegations d JOIN users u ON u.id = d.delegator_id
                WHERE d.delegate_id = $1 AND d.revoked_at IS NULL
                  AND (d.expires_at IS NULL OR d.expires_at > now())
                """,
                user_id,
            )
            holders = [user_id, *{r["delegator_id"] for r in delegation_rows}]
            grant_rows = await conn.fetch(
                """
                SELECT a.user_id, a.project_id, r.permissions
                FROM role_assignments a JOIN roles r ON r.id = a.role_id
                WHERE a.user_id = ANY($1::bigint[])
                """,
                holders,
            )
        grants = [
            resolver.Grant(r["user_id"], r["project_id"], _known_permissions(r["permissions"]))
            for r in grant_rows
        ]
        delegations = [
            resolver.Delegation(
                delegator_id=r["delegator_id"],
                delegator_active=r["delegator_active"],
                delegator_admin=r["delegator_admin"],
                delegate_id=r["delegate_id"],
                project_id=r["project_id"],
                permissions=_known_permissions(r["permissions"]),
                expires_at=r["expires_at"],
                revoked=r["revoked_at"] is not None,
            )
            for r in delegation_rows
        ]
        return user, grants, delegations

    async def _resolve(
        self, user_id: int, project_id: int | None
    ) -> tuple[frozenset[Permission], datetime | None]:
        """What the user may do on the project, and until when that answer holds at most."""
        user, grants, delegations = await self._grants(user_id)
        if user is None:
            return frozenset(), None
        now = datetime.now(UTC)
        held = resolver.effective_permissions(
            user_id=user_id,
            active=user["active"],
            is_admin=user["is_admin"],
            project_id=project_id,
            grants=grants,
            delegations=delegations,
            now=now,
        )
        return held, resolver.valid_until(delegations, now)

    async def _own_permissions(self, user_id: int, project_id: int | None) -> frozenset[Permission]:
        """What the user holds through their own roles: all they may delegate."""
        user, grants, _ = await self._grants(user_id)
        if user is None:
            return frozenset()
        return resolver.own_permissions(
            user_id=user_id,
            active=user["active"],
            is_admin=user["is_admin"],
            project_id=project_id,
            grants=grants,
        )

    # --- administration ----------------------------------------------------------------

    async def _on_EnsureAdmin(self, m: EnsureAdmin) -> str | None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            # Two replicas starting together must not both create the admin.
            await conn.execute("SELECT pg_advisory_xact_lock(hashtext('dais.ensure_admin'))")
            if await conn.fetchval("SELECT EXISTS (SELECT 1 FROM users)"):
                return None
            password = m.password or secrets.token_urlsafe(18)
            user_id = await conn.fetchval(
                """
                INSERT INTO users (kind, username, display_name, password_hash, is_admin)
                VALUES ('human', 'admin', 'Administrator', $1, true) RETURNING id
                """,
                await passwords.hash_password(password),
            )
            await audit.record(
                conn,
                _system_context(),
                "user.create",
                "user",
                user_id,
                {"username": "admin", "bootstrap": True},
            )
        return None if m.password else password

    async def _on_ListUsers(self, m: ListUsers) -> tuple[list[UserRecord], int]:  # noqa: N802
        if m.query is not None:
            rules.check_text(m.query, "q", max_length=100)
        pattern = f"%{_escape_like(m.query)}%" if m.query else None
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                f"""
                SELECT {_USER_COLUMNS} FROM users
                WHERE $1::text IS NULL OR username ILIKE $1 OR email ILIKE $1
                   OR display_name ILIKE $1
                ORDER BY id LIMIT $2 OFFSET $3
                """,
                pattern,
                m.limit,
                m.offset,
            )
            total = await conn.fetchval(
                "SELECT count(*) FROM users WHERE $1::text IS NULL OR username ILIKE $1 "
                "OR email ILIKE $1 OR display_name ILIKE $1",
                pattern,
            )
        return [_user(r) for r in rows], total

    async def _on_CreateUser(self, m: CreateUser) -> UserRecord:  # noqa: N802
        rules.check_namespace(m.username)
        if m.email is not None:
            rules.check_email(m.email)
        rules.check_text(m.display_name, "display_name", max_length=200)
        if m.password is not None:
            rules.check_password(m.password)
        hashed = await passwords.hash_password(m.password) if m.password else None
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    f"""
                    INSERT INTO users (kind, username, email, display_name, password_hash,
                                       is_admin)
                    VALUES ($1, $2, $3, $4, $5, $6) RETURNING {_USER_COLUMNS}
                    """,
                    m.kind.value,
                    m.username,
                    m.email,
                    m.display_name,
                    hashed,
                    m.is_admin,
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "user.create",
                    "user",
                    row["id"],
                    {"username": m.username, "kind": m.kind.value, "is_admin": m.is_admin},
                )
        except asyncpg.UniqueViolationError as exc:
            what = "email" if "email" in (exc.constraint_name or "") else "username"
            raise Conflict(f"a user with that {what} already exists") from None
        return _user(row)

    async def _on_UpdateUser(self, m: UpdateUser) -> UserRecord:  # noqa: N802
        sets: list[str] = []
        args: list[Any] = [m.user_id]
        for field, value in m.changes.items():
            if field == "email" and value is not None:
                rules.check_email(value)
            if field == "display_name":
                rules.check_text(value, field, max_length=200)
            if field == "password":
                rules.check_password(value)
                field, value = "password_hash", await passwords.hash_password(str(value))
            args.append(value)
            sets.append(f"{field} = ${len(args)}")
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                target = await conn.fetchrow(
                    "SELECT is_admin FROM users WHERE id = $1 FOR UPDATE", m.user_id
                )
                if target is None:
                    raise NotFound(f"user {m.user_id} does not exist")
                if target["is_admin"] and not m.by_admin:
                    raise Forbidden("only an administrator can change an administrator")
                if not sets:
                    return await self._on_GetUser(GetUser(m.user_id))
                row = await conn.fetchrow(
                    f"UPDATE users SET {', '.join(sets)} WHERE id = $1 RETURNING {_USER_COLUMNS}",
                    *args,
                )
                if m.changes.get("active") is False:
                    # Disabling revokes every session and token at once.
                    await conn.execute("DELETE FROM sessions WHERE user_id = $1", m.user_id)
                    await conn.execute("DELETE FROM api_tokens WHERE user_id = $1", m.user_id)
                shown = {k: v for k, v in m.changes.items() if k != "password"}
                if "password" in m.changes:
                    shown["password"] = "changed"
                await audit.record(conn, m.audit, "user.update", "user", m.user_id, shown)
        except asyncpg.UniqueViolationError:
            raise Conflict("a user with that email already exists") from None
        await self._changed()
        return _user(row)

    async def _on_DeleteUser(self, m: DeleteUser) -> None:  # noqa: N802
        if m.user_id == m.audit.actor_id:
            raise Conflict("you cannot delete your own account")
        async with self._pool.acquire() as conn, conn.transaction():
            target = await conn.fetchrow(
                "SELECT is_admin FROM users WHERE id = $1 FOR UPDATE", m.user_id
            )
            if target is None:
                raise NotFound(f"user {m.user_id} does not exist")
            if target["is_admin"] and not m.by_admin:
                raise Forbidden("only an administrator can delete an administrator")
            username = await conn.fetchval(
                "DELETE FROM users WHERE id = $1 RETURNING username", m.user_id
            )
            await audit.record(
                conn, m.audit, "user.delete", "user", m.user_id, {"username": username}
            )
        await self._changed()

    async def _on_ResetPassword(self, m: ResetPassword) -> None:  # noqa: N802
        rules.check_password(m.password)
        hashed = await passwords.hash_password(m.password)
        async with self._pool.acquire() as conn, conn.transaction():
            user_id = await conn.fetchval(
                "UPDATE users SET password_hash = $2 WHERE username = $1 RETURNING id",
                m.username,
                hashed,
            )
            if user_id is None:
                raise NotFound(f"user {m.username!r} does not exist")
            await conn.execute("DELETE FROM sessions WHERE user_id = $1", user_id)
            await audit.record(conn, m.audit, "user.reset_password", "user", user_id)

    # --- roles and assignments ---------------------------------------------------------

    async def _on_ListRoles(self, m: ListRoles) -> list[RoleRecord]:  # noqa: N802
        rows = await self._pool.fetch("SELECT * FROM roles ORDER BY builtin DESC, name")
        return [_role(r) for r in rows]

    async def _on_CreateRole(self, m: CreateRole) -> RoleRecord:  # noqa: N802
        rules.check_username(m.name, "name")
        rules.check_text(m.description, "description", max_length=500)
        _check_grantable(m.permissions, m.grantable)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    "INSERT INTO roles (name, description, permissions) VALUES ($1, $2, $3) "
                    "RETURNING *",
                    m.name,
                    m.description,
                    sorted(m.permissions),
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "role.create",
                    "role",
                    row["id"],
                    {"name": m.name, "permissions": sorted(m.permissions)},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict(f"a role named {m.name!r} already exists") from None
        return _role(row)

    async def _on_UpdateRole(self, m: UpdateRole) -> RoleRecord:  # noqa: N802
        if m.description is not None:
            rules.check_text(m.description, "description", max_length=500)
        async with self._pool.acquire() as conn, conn.transaction():
            current = await conn.fetchrow("SELECT * FROM roles WHERE id = $1", m.role_id)
            if current is None:
                raise NotFound(f"role {m.role_id} does not exist")
            if current["builtin"]:
                raise Conflict(f"the built-in role {current['name']!r} cannot be changed")
            if m.permissions is not None:
                _check_grantable(m.permissions, m.grantable)
            row = await conn.fetchrow(
                """
                UPDATE roles SET description = coalesce($2, description),
                                 permissions = coalesce($3, permissions)
                WHERE id = $1 RETURNING *
                """,
                m.role_id,
                m.description,
                sorted(m.permissions) if m.permissions is not None else None,
            )
            changes: dict[str, Any] = {"name": current["name"]}
            if m.description is not None:
                changes["description"] = m.description
            if m.permissions is not None:
                changes["permissions"] = sorted(m.permissions)
            await audit.record(conn, m.audit, "role.update", "role", m.role_id, changes)
        await self._changed()
        return _role(row)

    async def _on_DeleteRole(self, m: DeleteRole) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow("SELECT name, builtin FROM roles WHERE id = $1", m.role_id)
            if row is None:
                raise NotFound(f"role {m.role_id} does not exist")
            if row["builtin"]:
                raise Conflict(f"the built-in role {row['name']!r} cannot be deleted")
            await conn.execute("DELETE FROM roles WHERE id = $1", m.role_id)
            await audit.record(
                conn, m.audit, "role.delete", "role", m.role_id, {"name": row["name"]}
            )
        await self._changed()

    async def _on_AssignRole(self, m: AssignRole) -> AssignmentRecord:  # noqa: N802
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                role = await conn.fetchrow(
                    "SELECT id, permissions FROM roles WHERE name = $1", m.role
                )
                if role is None:
                    raise NotFound(f"role {m.role!r} does not exist")
                _check_grantable(_known_permissions(role["permissions"]), m.grantable)
                if not await conn.fetchval(
                    "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)", m.user_id
                ):
                    raise NotFound(f"user {m.user_id} does not exist")
                row = await conn.fetchrow(
                    """
                    INSERT INTO role_assignments (user_id, role_id, project_id, created_by)
                    VALUES ($1, $2, $3, $4) RETURNING *
                    """,
                    m.user_id,
                    role["id"],
                    m.project_id,
                    m.audit.actor_id,
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "role.assign",
                    "user",
                    m.user_id,
                    {"role": m.role, "project_id": m.project_id},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict("that role is already assigned there") from None
        await self._changed()
        return AssignmentRecord(
            id=row["id"],
            user_id=row["user_id"],
            role_id=row["role_id"],
            role=m.role,
            project_id=row["project_id"],
            created_at=row["created_at"],
        )

    async def _on_UnassignRole(self, m: UnassignRole) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "DELETE FROM role_assignments WHERE id = $1 RETURNING user_id, role_id, project_id",
                m.assignment_id,
            )
            if row is None:
                raise NotFound(f"role assignment {m.assignment_id} does not exist")
            await audit.record(
                conn,
                m.audit,
                "role.unassign",
                "user",
                row["user_id"],
                {
                    "assignment_id": m.assignment_id,
                    "role_id": row["role_id"],
                    "project_id": row["project_id"],
                },
            )
        await self._changed()

    async def _on_ListAssignments(self, m: ListAssignments) -> list[AssignmentRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            """
            SELECT a.*, r.name AS role FROM role_assignments a JOIN roles r ON r.id = a.role_id
            WHERE ($1::bigint IS NULL OR a.user_id = $1)
              AND ($2::bigint IS NULL OR a.project_id = $2)
            ORDER BY a.id
            """,
            m.user_id,
            m.project_id,
        )
        return [
            AssignmentRecord(
                id=r["id"],
                user_id=r["user_id"],
                role_id=r["role_id"],
                role=r["role"],
                project_id=r["project_id"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    # --- delegation --------------------------------------------------------------------

    async def _on_Delegate(self, m: Delegate) -> DelegationRecord:  # noqa: N802
        if m.delegate_id == m.delegator.user_id:
            raise Conflict("you cannot delegate to yourself")
        if m.expires_at is not None and m.expires_at <= datetime.now(UTC):
            raise ValidationFailed("expires_at", "must be in the future")
        # Only a subset of what the delegator holds there now through their own roles
        # (delegations do not chain), narrowed to the scopes of the token they call with.
        held = resolver.narrow_to_scopes(
            await self._own_permissions(m.delegator.user_id, m.project_id), m.delegator.scopes
        )
        missing = sorted(m.permissions - held)
        if missing:
            raise Forbidden(
                f"you cannot delegate permissions you do not hold: {', '.join(missing)}"
            )
        async with self._pool.acquire() as conn, conn.transaction():
            if not await conn.fetchval(
                "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)", m.delegate_id
            ):
                raise NotFound(f"user {m.delegate_id} does not exist")
            row = await conn.fetchrow(
                """
                INSERT INTO delegations (delegator_id, delegate_id, permissions, project_id,
                                         expires_at)
                VALUES ($1, $2, $3, $4, $5) RETURNING *
                """,
                m.delegator.user_id,
                m.delegate_id,
                sorted(m.permissions),
                m.project_id,
                m.expires_at,
            )
            assert row is not None
            await audit.record(
                conn,
                m.audit,
                "delegation.create",
                "delegation",
                row["id"],
                {
                    "delegate_id": m.delegate_id,
                    "permissions": sorted(m.permissions),
                    "project_id": m.project_id,
                },
            )
        await self._changed()
        return _delegation(row)

    async def _on_ListDelegations(self, m: ListDelegations) -> list[DelegationRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM delegations WHERE (delegator_id = $1 OR delegate_id = $1) "
            "AND revoked_at IS NULL ORDER BY id",
            m.user_id,
        )
        return [_delegation(r) for r in rows]

    async def _on_RevokeDelegation(self, m: RevokeDelegation) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            revoked = await conn.fetchval(
                """
                UPDATE delegations SET revoked_at = now()
                WHERE id = $1 AND (delegator_id = $2 OR delegate_id = $2) AND revoked_at IS NULL
                RETURNING id
                """,
                m.delegation_id,
                m.user_id,
            )
            if revoked is None:
                raise NotFound(f"delegation {m.delegation_id} does not exist")
            await audit.record(conn, m.audit, "delegation.revoke", "delegation", m.delegation_id)
        await self._changed()

    # --- passkeys ----------------------------------------------------------------------
    #
    # A ceremony's challenge waits in the broker under a random id handed out with the
    # options. It is claimed with an atomic counter before it is read, so it is used once
    # even when two replicas receive the same answer at the same moment.

    async def _open_ceremony(self, kind: str, challenge: bytes, user_id: int | None) -> str:
        ceremony_id = secrets.token_urlsafe(24)
        value = {"kind": kind, "user_id": user_id, "challenge": challenge.hex()}
        await self._broker.set(
            f"passkey:ceremony:{ceremony_id}", json.dumps(value).encode(), ttl=_CEREMONY_TTL
        )
        return ceremony_id

    async def _claim_ceremony(self, ceremony_id: str, kind: str) -> tuple[bytes, int | None] | None:
        """The ceremony's challenge and user, once; None if unknown, expired or used."""
        if not _CEREMONY_ID.fullmatch(ceremony_id):
            return None
        key = f"passkey:ceremony:{ceremony_id}"
        if await self._broker.incr(f"{key}:claimed", ttl=_CEREMONY_TTL) != 1:
            return None
        raw = await self._broker.get(key)
        await self._broker.delete(key)
        if raw is None:
            return None
        value = json.loads(raw)
        if value["kind"] != kind:
            return None
        return bytes.fromhex(value["challenge"]), value["user_id"]

    async def _on_StartPasskeyRegistration(  # noqa: N802
        self, m: StartPasskeyRegistration
    ) -> PasskeyCeremony:
        user = await self._on_GetUser(GetUser(m.user_id))
        existing = await self._pool.fetch(
            "SELECT credential_id FROM passkeys WHERE user_id = $1", m.user_id
        )
        if len(existing) >= _MAX_PASSKEYS:
            raise Conflict(f"an account holds at most {_MAX_PASSKEYS} passkeys; delete one first")
        ceremony = passkeys.registration_options(
            passkeys.relying_party(m.public_url),
            user_handle=passkeys.owner_handle(user.id),
            username=user.username,
            display_name=user.display_name or user.username,
            exclude_credentials=[r["credential_id"] for r in existing],
            timeout_ms=int(_CEREMONY_TTL * 1000),
        )
        ceremony_id = await self._open_ceremony("register", ceremony.challenge, user.id)
        return PasskeyCeremony(ceremony_id, ceremony.options)

    async def _on_RegisterPasskey(self, m: RegisterPasskey) -> PasskeyRecord:  # noqa: N802
        rules.check_text(m.name, "name", max_length=100)
        claimed = await self._claim_ceremony(m.ceremony_id, "register")
        if claimed is None or claimed[1] != m.user_id:
            raise ValidationFailed(
                "ceremony_id", "is unknown, expired or already used; ask for new options"
            )
        rp = passkeys.relying_party(m.public_url)
        try:
            new = await anyio.to_thread.run_sync(
                lambda: passkeys.verify_registration(
                    rp, credential=m.credential, challenge=claimed[0]
                )
            )
        except passkeys.PasskeyRejected as exc:
            raise ValidationFailed("credential", exc.reason) from None
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    """
                    INSERT INTO passkeys (user_id, credential_id, public_key, sign_count, aaguid,
                                          transports, name)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *
                    """,
                    m.user_id,
                    new.credential_id,
                    new.public_key,
                    new.sign_count,
                    new.aaguid,
                    list(new.transports),
                    m.name,
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "passkey.register",
                    "passkey",
                    row["id"],
                    {"name": m.name, "aaguid": new.aaguid, "backed_up": new.backed_up},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict("this passkey is already registered") from None
        return _passkey(row)

    async def _on_StartPasskeyLogin(self, m: StartPasskeyLogin) -> PasskeyCeremony:  # noqa: N802
        if m.client_address is not None:
            key = f"passkey:options:{m.client_address}"
            if await self._broker.incr(key, ttl=60) > _CEREMONY_LIMIT:
                retry = await self._broker.ttl(key) or 60
                raise TooManyRequests(
                    "too many passkey sign-ins started; try again shortly",
                    retry_after=max(1, int(retry + 0.999)),
                )
        rp = passkeys.relying_party(m.public_url)
        ceremony = passkeys.authentication_options(rp, timeout_ms=int(_CEREMONY_TTL * 1000))
        ceremony_id = await self._open_ceremony("login", ceremony.challenge, None)
        return PasskeyCeremony(ceremony_id, ceremony.options)

    async def _on_PasskeyLogin(self, m: PasskeyLogin) -> tuple[UserRecord, str]:  # noqa: N802
        claimed = await self._claim_ceremony(m.ceremony_id, "login")
        if claimed is None:
            raise Unauthorized("this passkey sign-in has expired or was already used; start again")
        challenge = claimed[0]
        try:
            credential_id = passkeys.credential_id(m.credential)
            handle = passkeys.user_handle(m.credential)
        except passkeys.PasskeyRejected as exc:
            raise Unauthorized(exc.reason) from None
        row = await self._pool.fetchrow(
            """
            SELECT p.id AS passkey_id, p.public_key, p.sign_count, u.id, u.username, u.active
            FROM passkeys p JOIN users u ON u.id = p.user_id WHERE p.credential_id = $1
            """,
            credential_id,
        )
        if row is None:
            raise Unauthorized("this passkey is not registered here")
        if handle is None:
            raise Unauthorized("the passkey response carries no user handle")
        if handle != passkeys.owner_handle(row["id"]):
            await self._passkey_refused(m.audit, row, "the user handle names another account")
            raise Unauthorized("the passkey does not belong to the account it names")
        rp = passkeys.relying_party(m.public_url)
        try:
            sign_count = await anyio.to_thread.run_sync(
                lambda: passkeys.verify_authentication(
                    rp,
                    credential=m.credential,
                    challenge=challenge,
                    public_key=row["public_key"],
                    sign_count=row["sign_count"],
                )
            )
        except passkeys.PasskeyRejected as exc:
            await self._passkey_refused(m.audit, row, exc.reason)
            raise Unauthorized(exc.reason) from None
        if not row["active"]:
            await self._passkey_refused(m.audit, row, "the account is disabled")
            raise Unauthorized("the account is disabled")
        async with self._pool.acquire() as conn, conn.transaction():
            # Compare-and-set: of two sign-ins racing with one counter value, one wins.
            updated = await conn.fetchval(
                """
                UPDATE passkeys SET sign_count = $3, last_used_at = now()
                WHERE id = $1 AND sign_count = $2 RETURNING id
                """,
                row["passkey_id"],
                row["sign_count"],
                sign_count,
            )
            if updated is None:
                raise Unauthorized("the passkey was used concurrently; sign in again")
            return await self._start_session(
                conn,
                row["id"],
                row["username"],
                m.audit,
                {"method": "passkey", "passkey_id": row["passkey_id"]},
            )

    async def _passkey_refused(self, ctx: AuditContext, row: Any, reason: str) -> None:
        """Record a refused sign-in with a registered passkey: a replay or a cloned key."""
        async with self._pool.acquire() as conn, conn.transaction():
            await audit.record(
                conn,
                ctx,
                "auth.login_failed",
                "user",
                row["id"],
                {"method": "passkey", "passkey_id": row["passkey_id"], "reason": reason},
            )

    async def _on_ListPasskeys(self, m: ListPasskeys) -> list[PasskeyRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM passkeys WHERE user_id = $1 ORDER BY id", m.user_id
        )
        return [_passkey(r) for r in rows]

    async def _on_DeletePasskey(self, m: DeletePasskey) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            name = await conn.fetchval(
                "DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name",
                m.passkey_id,
                m.user_id,
            )
            if name is None:
                raise NotFound(f"passkey {m.passkey_id} does not exist")
            await audit.record(
                conn, m.audit, "passkey.delete", "passkey", m.passkey_id, {"name": name}
            )

    # --- audit -------------------------------------------------------------------------

    async def _on_QueryAudit(self, m: QueryAudit) -> list[AuditRecord]:  # noqa: N802
        for field in ("action", "target_type", "target_id"):
            value = getattr(m, field)
            if value is not None:
                rules.check_text(value, field, max_length=100)
        rows = await self._pool.fetch(
            """
            SELECT *, details::text AS details_json FROM audit_log
            WHERE ($1::bigint IS NULL OR actor_id = $1)
              AND ($2::text IS NULL OR action = $2 OR action LIKE $9)
              AND ($3::text IS NULL OR target_type = $3)
              AND ($4::text IS NULL OR target_id = $4)
              AND ($5::timestamptz IS NULL OR at >= $5)
              AND ($6::timestamptz IS NULL OR at < $6)
              AND ($7::bigint IS NULL OR id < $7)
            ORDER BY id DESC LIMIT $8
            """,
            m.actor_id,
            m.action,
            m.target_type,
            m.target_id,
            m.since,
            m.until,
            m.before_id,
            m.limit,
            None if m.action is None else f"{_escape_like(m.action)}.%",
        )
        return [
            AuditRecord(
                id=r["id"],
                at=r["at"],
                actor_id=r["actor_id"],
                actor_name=r["actor_name"],
                on_behalf_of=r["on_behalf_of"],
                action=r["action"],
                target_type=r["target_type"],
                target_id=r["target_id"],
                client_address=None if r["client_address"] is None else str(r["client_address"]),
                user_agent=r["user_agent"],
                details=json.loads(r["details_json"]),
            )
            for r in rows
        ]


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
