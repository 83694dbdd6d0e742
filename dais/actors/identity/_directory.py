"""Identity handlers: the user directory (administration) and the audit log query."""

from __future__ import annotations

import json
import secrets
from typing import Any

import asyncpg

from dais.errors import (
    Conflict,
    Forbidden,
    NotFound,
)
from dais.storage.database import reading

from . import audit, passwords, rules
from ._base import (
    _USER_COLUMNS,
    IdentityBase,
    _escape_like,
    _system_context,
    _user,
)
from .messages import (
    AuditRecord,
    CreateUser,
    DeleteUser,
    EnsureAdmin,
    FindUsers,
    GetUser,
    ListUsers,
    QueryAudit,
    ResetPassword,
    UpdateUser,
    UserKind,
    UserRecord,
    UserSummary,
)


class Directory(IdentityBase):
    """Users as administrators manage them, and the audit log."""

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

    async def _on_FindUsers(self, m: FindUsers) -> tuple[list[UserSummary], int]:  # noqa: N802
        """Active users by username or display-name prefix, for pickers: no emails, ever."""
        prefix = rules.check_text(m.prefix.strip(), "q", max_length=100).lower()
        escaped = _escape_like(prefix)
        rows = await self._pool.fetch(
            """
            SELECT id, kind, username, display_name, count(*) OVER () AS total FROM users
            WHERE active AND ($1 = '' OR username LIKE $2 OR lower(display_name) LIKE $2
                              OR lower(display_name) LIKE $3)
            ORDER BY username = $1 DESC, username LIKE $2 DESC, username
            LIMIT $4 OFFSET $5
            """,
            prefix,
            f"{escaped}%",
            f"% {escaped}%",
            m.limit,
            m.offset,
        )
        total = rows[0]["total"] if rows else 0
        if not rows and m.offset:  # past the last page: the count still stands
            total = await self._pool.fetchval(
                """
                SELECT count(*) FROM users
                WHERE active AND ($1 = '' OR username LIKE $2 OR lower(display_name) LIKE $2
                                  OR lower(display_name) LIKE $3)
                """,
                prefix,
                f"{escaped}%",
                f"% {escaped}%",
            )
        found = [
            UserSummary(
                id=r["id"],
                kind=UserKind(r["kind"]),
                username=r["username"],
                display_name=r["display_name"],
            )
            for r in rows
        ]
        return found, total

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
            # Projects are kept (RESTRICT), as Gitea does: their owner must transfer or
            # delete them first. Named here, rather than left to the constraint's error.
            owned = await conn.fetch(
                "SELECT u.username || '/' || p.name AS path FROM projects p"
                " JOIN users u ON u.id = p.owner_id WHERE p.owner_id = $1"
                " ORDER BY p.name LIMIT 21",
                m.user_id,
            )
            if owned:
                paths = [r["path"] for r in owned[:20]]
                more = " and more" if len(owned) > 20 else ""
                raise Conflict(
                    f"user {m.user_id} owns projects ({', '.join(paths)}{more}); delete them"
                    " or move them to another owner first",
                    extra={"projects": paths},
                )
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

    # --- audit -------------------------------------------------------------------------

    async def _on_QueryAudit(self, m: QueryAudit) -> tuple[list[AuditRecord], int]:  # noqa: N802
        for field in ("action", "target_type", "target_id"):
            value = getattr(m, field)
            if value is not None:
                rules.check_text(value, field, max_length=100)
        where = """
            WHERE ($1::bigint IS NULL OR actor_id = $1)
              AND ($2::text IS NULL OR action = $2 OR action LIKE $8)
              AND ($3::text IS NULL OR target_type = $3)
              AND ($4::text IS NULL OR target_id = $4)
              AND ($5::timestamptz IS NULL OR at >= $5)
              AND ($6::timestamptz IS NULL OR at < $6)
              AND ($7::bigint IS NULL OR id < $7)
        """
        args = (
            m.actor_id,
            m.action,
            m.target_type,
            m.target_id,
            m.since,
            m.until,
            m.before_id,
            None if m.action is None else f"{_escape_like(m.action)}.%",
        )
        async with reading(self._pool) as conn:
            rows = await conn.fetch(
                f"SELECT *, details::text AS details_json FROM audit_log {where}"
                " ORDER BY id DESC LIMIT $9 OFFSET $10",
                *args,
                m.limit,
                m.offset,
            )
            total = await conn.fetchval(f"SELECT count(*) FROM audit_log {where}", *args)
        found = [
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
        return found, total
