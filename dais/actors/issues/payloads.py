"""The ``issue.*`` and ``issue_comment.*`` events, written into the outbox.

Payloads follow the event contract shared with merge requests and webhooks: ``project``
(id and path), ``sender`` (id and username), the ``issue`` as the API shows it, the
``comment`` for comment events, and for edits ``changes`` ({field: {"from": old}}, keyed as
the issue's JSON is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.storage import outbox

from .views import comment_out, issue_out, to_json

if TYPE_CHECKING:
    from dais.storage.database import Conn

    from .messages import CommentRecord, IssueRecord, ProjectRef, UserRef

__all__ = ["emit_comment", "emit_issue"]


def _envelope(project: ProjectRef, sender: UserRef) -> dict[str, Any]:
    return {
        "project": {"id": str(project.id), "path": project.path},
        "sender": {"id": str(sender.id), "username": sender.username},
    }


async def emit_issue(
    conn: Conn,
    kind: str,
    project: ProjectRef,
    sender: UserRef,
    issue: IssueRecord,
    *,
    changes: dict[str, Any] | None = None,
) -> int:
    """Record ``issue.<action>`` in the caller's transaction."""
    payload = _envelope(project, sender) | {"issue": to_json(issue_out(issue))}
    if changes:
        payload["changes"] = changes
    return await outbox.emit(conn, kind, payload, key=str(project.id), actor=sender.username)


async def emit_comment(
    conn: Conn,
    kind: str,
    project: ProjectRef,
    sender: UserRef,
    issue: IssueRecord,
    comment: CommentRecord,
    *,
    changes: dict[str, Any] | None = None,
) -> int:
    """Record ``issue_comment.<action>`` in the caller's transaction."""
    payload = _envelope(project, sender) | {
        "issue": to_json(issue_out(issue)),
        "comment": to_json(comment_out(comment)),
    }
    if changes:
        payload["changes"] = changes
    return await outbox.emit(conn, kind, payload, key=str(project.id), actor=sender.username)
