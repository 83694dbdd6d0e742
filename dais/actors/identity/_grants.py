"""Identity handlers: resolving permissions, roles, role assignments and delegations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import asyncpg

from dais.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ValidationFailed,
)

from . import audit, cache, resolver, rules
from ._base import (
    _DELEGATION_WITH_NAMES,
    IdentityBase,
    _assignment,
    _check_grantable,
    _delegation,
    _insert_assignment,
    _known_permissions,
    _role,
)
from .permissions import Permission

if TYPE_CHECKING:
    from .messages import (
        AssignmentRecord,
        AssignRole,
        CreateRole,
        Delegate,
        DelegationRecord,
        DeleteRole,
        ListAssignments,
        ListDelegations,
        ListRoles,
        Permissions,
        RevokeDelegation,
        RoleRecord,
        UnassignRole,
        UpdateRole,
    )


async def _grants_of(
    pool: asyncpg.Pool[Any], user_id: int
) -> tuple[Any, list[resolver.Grant], list[resolver.Delegation]]:
    """The user's row, the delegations in force to them, and the role grants of the user and
    of their delegators."""
    async with pool.acquire() as conn:
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


async def held_anywhere(pool: asyncpg.Pool[Any], user_id: int) -> frozenset[Permission]:
    """Everything the user may do somewhere: globally, on some project through a role
    assignment, or through a delegation in force; and what any signed-in user may do
    (:data:`.rules.SIGNED_IN`). Nothing for an inactive or unknown user.

    The union of the resolver's answers for every project the rows name, and for none: on a
    project no row names, a user holds only what they hold outside any project.
    """
    user, grants, delegations = await _grants_of(pool, user_id)
    if user is None or not user["active"]:
        return frozenset()
    now = datetime.now(UTC)
    places = {None} | {g.project_id for g in grants} | {d.project_id for d in delegations}
    held = set(rules.SIGNED_IN)
    for project_id in places:
        held |= resolver.effective_permissions(
            user_id=user_id,
            active=user["active"],
            is_admin=user["is_admin"],
            project_id=project_id,
            grants=grants,
            delegations=delegations,
            now=now,
        )
    return frozenset(held)


class Grants(IdentityBase):
    """Who may do what: the resolver, roles, assignments and delegations."""

    # --- authorization -----------------------------------------------------------------

    async def _on_Permissions(self, m: Permissions) -> frozenset[Permission]:  # noqa: N802
        p = m.principal
        # The HTTP layer reads this entry directly (dais.http.auth.permissions_of).
        key = cache.permission_key(await self._generation(), p.user_id, m.project_id)
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
        return resolver.narrow_for(held, p.scopes, p.project_id, m.project_id)

    async def _resolve(
        self, user_id: int, project_id: int | None
    ) -> tuple[frozenset[Permission], datetime | None]:
        """What the user may do on the project, and until when that answer holds at most."""
        user, grants, delegations = await _grants_of(self._pool, user_id)
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
        user, grants, _ = await _grants_of(self._pool, user_id)
        if user is None:
            return frozenset()
        return resolver.own_permissions(
            user_id=user_id,
            active=user["active"],
            is_admin=user["is_admin"],
            project_id=project_id,
            grants=grants,
        )

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
                assignee = await conn.fetchrow(
                    "SELECT username, display_name FROM users WHERE id = $1", m.user_id
                )
                if assignee is None:
                    raise NotFound(f"user {m.user_id} does not exist")
                row = await _insert_assignment(
                    conn, m.user_id, role["id"], m.project_id, m.audit.actor_id
                )
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
        return _assignment(row, m.role, assignee)

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
            SELECT a.*, r.name AS role, u.username, u.display_name
            FROM role_assignments a JOIN roles r ON r.id = a.role_id
            JOIN users u ON u.id = a.user_id
            WHERE ($1::bigint IS NULL OR a.user_id = $1)
              AND ($2::bigint IS NULL OR a.project_id = $2)
            ORDER BY a.id
            """,
            m.user_id,
            m.project_id,
        )
        return [_assignment(r, r["role"], r) for r in rows]

    # --- delegation --------------------------------------------------------------------

    async def _on_Delegate(self, m: Delegate) -> DelegationRecord:  # noqa: N802
        if m.delegate_id == m.delegator.user_id:
            raise Conflict("you cannot delegate to yourself")
        if m.expires_at is not None and m.expires_at <= datetime.now(UTC):
            raise ValidationFailed("expires_at", "must be in the future")
        # Only a subset of what the delegator holds there now through their own roles
        # (delegations do not chain), narrowed to the scopes of the token they call with.
        held = resolver.narrow_for(
            await self._own_permissions(m.delegator.user_id, m.project_id),
            m.delegator.scopes,
            m.delegator.project_id,
            m.project_id,
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
                WITH d AS (
                    INSERT INTO delegations (delegator_id, delegate_id, permissions, project_id,
                                             expires_at)
                    VALUES ($1, $2, $3, $4, $5) RETURNING *
                )
                """
                + _DELEGATION_WITH_NAMES,
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
            """
            WITH d AS (
                SELECT * FROM delegations
                WHERE (delegator_id = $1 OR delegate_id = $1) AND revoked_at IS NULL
            )
            """
            + _DELEGATION_WITH_NAMES
            + " ORDER BY d.id",
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
