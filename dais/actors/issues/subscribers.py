"""The issues domain's reactions to other domains' events (delivered by the outbox dispatcher).

``issues.close-on-merge``: a merged merge request closes the issues its body and commits
named with "Closes #N" (the merge requests domain lists them in
``merge_request.closes_issues``). Only open issues of the merge request's own project are
closed, each with an ``issue.closed`` event, all in one transaction; a redelivered event
finds them closed already and changes nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio

from dais.actors.events.messages import Subscriber
from dais.actors.identity import audit
from dais.actors.identity.messages import AuditContext

from . import cache as listing_cache
from . import payloads, queries
from .messages import ProjectRef, UserRef

if TYPE_CHECKING:
    import asyncpg

    from dais.storage.broker import Broker
    from dais.storage.outbox import Event

__all__ = ["closes_issues", "subscribers"]

log = logging.getLogger(__name__)

_MAX_IID = 2**31 - 1


def closes_issues(payload: Any) -> list[int]:
    """The issue numbers a ``merge_request.merged`` payload says it closes, sorted, each once.

    Anything that is not a positive issue number is ignored: the list comes from another
    domain's parser, and one bad entry must not keep the others open.
    """
    mr = payload.get("merge_request") if isinstance(payload, dict) else None
    listed = mr.get("closes_issues") if isinstance(mr, dict) else None
    if not isinstance(listed, list):
        return []
    out: set[int] = set()
    for value in listed:
        if isinstance(value, bool):
            continue
        if isinstance(value, str) and value.isdigit() and len(value) <= 10:
            value = int(value)
        if isinstance(value, int) and 0 < value <= _MAX_IID:
            out.add(value)
    return sorted(out)


def subscribers(pool: asyncpg.Pool[Any], broker: Broker | None = None) -> list[Subscriber]:
    """The subscribers; give them the broker the issues actor has, so that issues they close
    retire the project's cached listings (see dais.actors.issues.cache)."""

    async def close_on_merge(event: Event) -> None:
        try:
            await _close_on_merge(event)
        finally:
            project = (event.payload.get("project") or {}).get("id")
            if broker is not None and str(project).isdigit() and len(str(project)) <= 18:
                with anyio.CancelScope(shield=True):
                    await listing_cache.retire(broker, int(str(project)))

    async def _close_on_merge(event: Event) -> None:
        iids = closes_issues(event.payload)
        if not iids:
            return
        project_ref = str((event.payload.get("project") or {}).get("id", ""))
        if not project_ref.isdigit() or len(project_ref) > 18:
            # Retrying cannot fix the event, and failing would hold up every later one.
            log.error("event %d names no project id; its issues stay as they are", event.id)
            return
        project_id = int(project_ref)
        sender = event.payload.get("sender") or {}
        mr = event.payload["merge_request"]
        async with pool.acquire() as conn, conn.transaction():
            path = await conn.fetchval(
                "SELECT u.username || '/' || p.name FROM projects p "
                "JOIN users u ON u.id = p.owner_id WHERE p.id = $1",
                project_id,
            )
            if path is None:
                return  # the project is gone, and its issues with it
            project = ProjectRef(project_id, path)
            # The merger may have been deleted since: the issue is then closed by nobody.
            user = await conn.fetchrow(
                "SELECT id, username FROM users WHERE id = $1",
                int(sender["id"]) if str(sender.get("id", "")).isdigit() else None,
            )
            closer = UserRef(user["id"], user["username"]) if user else None
            context = AuditContext(
                actor_id=closer.id if closer else None,
                actor_name=closer.username if closer else sender.get("username"),
                client_address=None,
                user_agent=None,
            )
            for iid in iids:
                issue_id = await conn.fetchval(
                    """
                    UPDATE issues SET state = 'closed', closed_by_id = $3, closed_at = now(),
                                      updated_at = now()
                    WHERE project_id = $1 AND iid = $2 AND state = 'open' RETURNING id
                    """,
                    project_id,
                    iid,
                    closer.id if closer else None,
                )
                if issue_id is None:
                    continue  # no such issue, or closed already (a redelivery, or by hand)
                await queries.sync_label_state(conn, issue_id)
                issue = await queries.issue(conn, project_id, iid)
                assert issue is not None
                await audit.record(
                    conn,
                    context,
                    "issue.update",
                    "issue",
                    issue_id,
                    {"iid": iid, "state": "closed", "merge_request_iid": mr.get("iid")},
                )
                await payloads.emit_issue(
                    conn,
                    "issue.closed",
                    project,
                    closer or UserRef(0, str(sender.get("username", "ghost"))),
                    issue,
                )
                log.info("issue %s#%d closed by a merged merge request", path, iid)

    return [
        Subscriber(
            "issues.close-on-merge", close_on_merge, kinds=frozenset({"merge_request.merged"})
        )
    ]
