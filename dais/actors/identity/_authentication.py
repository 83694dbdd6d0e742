"""Identity handlers: sign-in by token, session or password; the user's sessions and tokens."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from dais.errors import (
    Forbidden,
    NotFound,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
)

from . import audit, passwords, rules, tokens
from ._base import (
    _LOGIN_LIMIT,
    _LOGIN_WINDOW,
    _TOKEN_TOUCH_INTERVAL,
    _USER_COLUMNS,
    IdentityBase,
    _known_permissions,
    _session,
    _token,
    _user,
)
from ._grants import held_anywhere
from .messages import (
    AuditContext,
    AuthenticatePassword,
    AuthenticateSession,
    AuthenticateToken,
    ChangePassword,
    CreateToken,
    ListSessions,
    ListTokens,
    Login,
    Logout,
    Principal,
    RevokeSession,
    RevokeToken,
    SessionRecord,
    TokenRecord,
    UserKind,
    UserRecord,
)


class Authentication(IdentityBase):
    """Who is calling: tokens, sessions, passwords; one's own sessions and tokens."""

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
                SELECT t.id AS token_id, t.scopes, t.expires_at, t.project_id,
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
                "project_id": row["project_id"],
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
            # A token restricted to one project acts with its scopes there and nothing more,
            # whatever its owner may do elsewhere.
            is_admin=entry["is_admin"] and entry.get("project_id") is None,
            token_id=entry["token_id"],
            scopes=scopes,
            project_id=entry.get("project_id"),
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
        address_key = await self._check_address(m.audit)
        row = await self._pool.fetchrow(
            f"SELECT {_USER_COLUMNS}, password_hash FROM users "
            "WHERE username = $1 OR lower(email) = $1",
            login,
        )
        account_key = (
            _account_key(row["id"])
            if row is not None
            else f"login:name:{hashlib.sha256(login.encode()).hexdigest()}"
        )
        await self._count_attempt(account_key)
        stored = row["password_hash"] if row is not None else None
        ok = await passwords.verify_password(stored, m.password)
        if not ok or row is None or not row["active"]:
            await self._count_failure(address_key)
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

    async def _check_address(self, ctx: AuditContext) -> str | None:
        """The client address's throttle key (None without an address).

        :raises TooManyRequests: when that address has failed too often lately.
        """
        if not ctx.client_address:
            return None
        key = f"login:addr:{ctx.client_address}"
        await self._refuse_when_throttled(key)
        return key

    async def _count_attempt(self, account_key: str) -> None:
        """Count a password attempt on an account up front, so parallel guesses cannot all
        slip past the check; a success deletes the counter.

        :raises TooManyRequests: past the limit.
        """
        if await self._broker.incr(account_key, ttl=_LOGIN_WINDOW) > _LOGIN_LIMIT:
            await self._refuse_when_throttled(account_key)

    async def _count_failure(self, address_key: str | None) -> None:
        if address_key is not None:
            await self._broker.incr(address_key, ttl=_LOGIN_WINDOW)

    async def _refuse_when_throttled(self, key: str) -> None:
        """:raises TooManyRequests: when the counter under ``key`` has reached the limit."""
        count = await self._broker.get(key)
        if count is not None and int(count) >= _LOGIN_LIMIT:
            retry = await self._broker.ttl(key) or _LOGIN_WINDOW
            raise TooManyRequests(
                "too many failed sign-in attempts; try again later",
                retry_after=max(1, int(retry + 0.999)),
            )

    async def _on_Logout(self, m: Logout) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("DELETE FROM sessions WHERE id = $1", m.session_id)
            await audit.record(conn, m.audit, "auth.logout", "session", m.session_id)

    # --- the signed-in user ------------------------------------------------------------

    async def _on_ChangePassword(self, m: ChangePassword) -> int:  # noqa: N802
        """Replace the caller's password; reply how many other sessions were ended.

        A wrong current password counts toward the sign-in throttle of the account and of
        the address, exactly as a failed sign-in does: a stolen session must not become a
        way to guess the password unthrottled.

        :raises ValidationFailed: a bad new password, or a wrong current one.
        :raises Forbidden: for agents and services, which have no password.
        :raises TooManyRequests: when throttled.
        """
        rules.check_password(m.new_password, "new_password")
        address_key = await self._check_address(m.audit)
        row = await self._pool.fetchrow(
            "SELECT kind, password_hash FROM users WHERE id = $1 AND active", m.user_id
        )
        if row is None:
            raise NotFound(f"user {m.user_id} does not exist")
        if row["kind"] != UserKind.HUMAN.value:
            raise Forbidden("agents and services have no password; they sign in with tokens")
        if row["password_hash"] is None:
            raise ValidationFailed(
                "current_password", "your account has no password; an administrator can set one"
            )
        account_key = _account_key(m.user_id)
        await self._count_attempt(account_key)
        if not await passwords.verify_password(row["password_hash"], m.current_password):
            await self._count_failure(address_key)
            async with self._pool.acquire() as conn, conn.transaction():
                await audit.record(conn, m.audit, "user.password_change_failed", "user", m.user_id)
            # Well-formed, but it does not prove the caller is the account's holder: 403.
            rule = "is not your current password"
            raise Forbidden(
                f"current_password: {rule}",
                extra={"errors": [{"field": "current_password", "rule": rule}]},
            )
        await self._broker.delete(account_key)
        if m.new_password == m.current_password:
            raise ValidationFailed("new_password", "must differ from the current password")
        hashed = await passwords.hash_password(m.new_password)
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE users SET password_hash = $2 WHERE id = $1", m.user_id, hashed
            )
            ended = await conn.fetch(
                "DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 RETURNING id",
                m.user_id,
                m.session_id,
            )
            await audit.record(
                conn,
                m.audit,
                "user.password_change",
                "user",
                m.user_id,
                {"sessions_ended": len(ended)},
            )
        return len(ended)

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
        if "*" not in m.scopes:
            # Checked once, here, so the HTTP API and `dais admin create-token` agree.
            rules.check_token_scopes(m.scopes, await held_anywhere(self._pool, m.user_id))
        secret = tokens.new_token()
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                """
                INSERT INTO api_tokens
                    (user_id, name, secret_hash, last4, scopes, expires_at, project_id, internal)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
                """,
                m.user_id,
                m.name,
                tokens.hash_secret(secret),
                secret[-4:],
                sorted(m.scopes),
                m.expires_at,
                m.project_id,
                m.internal,
            )
            assert row is not None
            await audit.record(
                conn,
                m.audit,
                "token.create",
                "token",
                row["id"],
                {"name": m.name, "scopes": sorted(m.scopes), "project_id": m.project_id},
            )
        return _token(row), secret

    async def _on_ListTokens(self, m: ListTokens) -> list[TokenRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM api_tokens WHERE user_id = $1 AND NOT internal ORDER BY id", m.user_id
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


def _account_key(user_id: int) -> str:
    """The sign-in throttle's counter for one account (shared by every way to try a password)."""
    return f"login:user:{user_id}"
