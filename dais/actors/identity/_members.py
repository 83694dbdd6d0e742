"""Identity handlers: a project's members, one role each, as Gitea and GitLab keep them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dais.errors import NotFound, ValidationFailed

from . import audit
from ._base import (
    IdentityBase,
    _assignment,
    _check_grantable,
    _insert_assignment,
    _known_permissions,
)

if TYPE_CHECKING:
    from .messages import AssignmentRecord, SetProjectMember


class Members(IdentityBase):
    """Adding someone who is already a member changes their role; it never adds a second."""

    async def _on_SetProjectMember(  # noqa: N802
        self, m: SetProjectMember
    ) -> tuple[AssignmentRecord, bool]:
        """Reply the member's assignment and whether they are new to the project."""
        async with self._pool.acquire() as conn, conn.transaction():
            if m.user_id is not None:
                assignee = await conn.fetchrow(
                    "SELECT id, username, display_name FROM users WHERE id = $1 FOR UPDATE",
                    m.user_id,
                )
                named = f"user {m.user_id}"
            else:
                assignee = await conn.fetchrow(
                    "SELECT id, username, display_name FROM users WHERE username = $1 FOR UPDATE",
                    m.username,
                )
                named = f"user {m.username!r}"
            if assignee is None:
                raise NotFound(f"{named} does not exist")
            role = await conn.fetchrow("SELECT id, permissions FROM roles WHERE name = $1", m.role)
            if role is None:
                raise ValidationFailed("role", f"role {m.role!r} does not exist")
            _check_grantable(_known_permissions(role["permissions"]), m.grantable)
            # The user row's lock above serializes two changes to one member.
            held = await conn.fetch(
                "SELECT a.*, r.name AS role FROM role_assignments a"
                " JOIN roles r ON r.id = a.role_id"
                " WHERE a.user_id = $1 AND a.project_id = $2 ORDER BY a.id",
                assignee["id"],
                m.project_id,
            )
            same = [r for r in held if r["role_id"] == role["id"]]
            if same and len(held) == 1:
                return _assignment(same[0], m.role, assignee), False
            if held:
                await conn.execute(
                    "DELETE FROM role_assignments WHERE user_id = $1 AND project_id = $2",
                    assignee["id"],
                    m.project_id,
                )
            row = await _insert_assignment(
                conn, assignee["id"], role["id"], m.project_id, m.audit.actor_id
            )
            await audit.record(
                conn,
                m.audit,
                "member.set",
                "user",
                assignee["id"],
                {
                    "role": m.role,
                    "project_id": m.project_id,
                    "previous_roles": [r["role"] for r in held],
                },
            )
        await self._changed()
        return _assignment(row, m.role, assignee), not held
