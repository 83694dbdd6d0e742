"""The audit log: one row per state change, written in the transaction that makes it."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dais.storage.database import Conn

    from .messages import AuditContext

__all__ = ["record"]

log = logging.getLogger(__name__)


async def record(
    conn: Conn,
    ctx: AuditContext,
    action: str,
    target_type: str,
    target_id: object | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Write an audit row inside the caller's transaction.

    A failure raises, so the caller's transaction rolls back with it: an action whose audit
    row cannot be written does not happen.

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
    except Exception:
        log.exception("audit write failed; the action is refused: %s %s", action, target_type)
        raise
