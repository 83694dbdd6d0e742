"""The audit log: one row per state change, written in the transaction that makes it."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from dais.runtime import DomainError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dais.storage.database import Conn

    from .messages import AuditContext

__all__ = ["AuditWriteFailed", "record"]

log = logging.getLogger(__name__)


class AuditWriteFailed(DomainError):
    """The audit row could not be written, so the action was rolled back (HTTP 503).

    A domain error rather than a crash: the identity actor serves many requests at once, and
    one failed write must not fail the others in flight.
    """

    status, title = 503, "Service Unavailable"

    def __init__(self, action: str) -> None:
        super().__init__(f"the audit log could not record {action}; nothing was changed")
        self.detail = str(self)


async def record(
    conn: Conn,
    ctx: AuditContext,
    action: str,
    target_type: str,
    target_id: object | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Write an audit row inside the caller's transaction.

    A failure is logged and raised, so the caller's transaction rolls back with it: an action
    whose audit row cannot be written does not happen.

    :raises AuditWriteFailed: the row could not be written.
    :raises RuntimeError: outside a transaction.
    """
    if not conn.is_in_transaction():
        raise RuntimeError("audit.record() must run inside the transaction of the change")
    try:
        await conn.execute(
            """
            INSERT INTO audit_log (actor_id, actor_name, on_behalf_of, action, target_type,
                                   target_id, client_address, user_agent, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7::inet, $8, $9::text::jsonb)
            """,
            ctx.actor_id,
            ctx.actor_name,
            ctx.on_behalf_of,
            action,
            target_type,
            None if target_id is None else str(target_id),
            ctx.client_address,
            (ctx.user_agent or "")[:512] or None,
            json.dumps(dict(details or {}), default=str),
        )
    except Exception as exc:
        log.exception("audit write failed; the action is refused: %s %s", action, target_type)
        raise AuditWriteFailed(action) from exc
