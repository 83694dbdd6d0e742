"""Commit statuses: one state per (commit, context), set by dais's pipelines and by external
CI; the SQL lives here, next to the table, and merge requests read a head's combined state
through :func:`combined`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .messages import CommitState, StatusRecord, combined_state
from .queries import user_ref

if TYPE_CHECKING:
    from dais.storage.database import Conn

__all__ = ["combined", "listing", "put"]

_PUT = """
INSERT INTO commit_statuses (project_id, sha, context, state, description, target_url,
    pipeline_id, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (project_id, sha, context) DO UPDATE SET
    state = excluded.state, description = excluded.description,
    target_url = coalesce(excluded.target_url, commit_statuses.target_url),
    pipeline_id = coalesce(excluded.pipeline_id, commit_statuses.pipeline_id),
    created_by = coalesce(excluded.created_by, commit_statuses.created_by),
    updated_at = now()
"""

_LIST = """
SELECT s.*, p.number AS pipeline_number, u.username AS creator_name
FROM commit_statuses s
LEFT JOIN pipelines p ON p.id = s.pipeline_id
LEFT JOIN users u ON u.id = s.created_by
WHERE s.project_id = $1 AND s.sha = $2
ORDER BY s.context
"""


async def put(
    conn: Conn,
    project_id: int,
    sha: str,
    context: str,
    state: CommitState,
    description: str,
    *,
    target_url: str | None = None,
    pipeline_id: int | None = None,
    created_by: int | None = None,
) -> None:
    await conn.execute(
        _PUT,
        project_id,
        sha,
        context,
        str(state),
        description,
        target_url,
        pipeline_id,
        created_by,
    )


def _record(row: Any) -> StatusRecord:
    return StatusRecord(
        context=row["context"],
        state=CommitState(row["state"]),
        description=row["description"],
        target_url=row["target_url"],
        pipeline_number=row["pipeline_number"],
        creator=user_ref(row),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def listing(conn: Conn, project_id: int, sha: str) -> list[StatusRecord]:
    return [_record(r) for r in await conn.fetch(_LIST, project_id, sha)]


async def combined(conn: Conn, project_id: int, sha: str) -> CommitState | None:
    """The commit's state over all its contexts (None: it has no statuses)."""
    rows = await conn.fetch(
        "SELECT state FROM commit_statuses WHERE project_id = $1 AND sha = $2", project_id, sha
    )
    return combined_state([CommitState(r["state"]) for r in rows])
