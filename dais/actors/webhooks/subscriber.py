"""Outbox events in, delivery rows out: one row per matching active hook (and pushed ref).

The rows for an event are written in one transaction, and a row exists at most once per
(hook, event, ref) (a unique index), so the dispatcher handing the same event over again
after a crash adds nothing. Push bodies are completed from the repository (``pushinfo``)
only when some hook of the project wants them.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

import anyio

from dais.actors.events.messages import Subscriber
from dais.actors.projects.messages import repository_path

from . import payloads
from .actor import wake_sender
from .pushinfo import push_details

if TYPE_CHECKING:
    from pathlib import Path

    import asyncpg

    from dais.runtime import ActorSystem
    from dais.storage.outbox import Event

    from .policy import DeliveryPolicy

__all__ = ["SUBSCRIBER", "subscribers"]

log = logging.getLogger(__name__)

#: The subscriber's name, which keys its cursor in event_cursors: keep it stable.
SUBSCRIBER = "webhooks"

#: A push of more refs than this (a mirror, an import) is announced without reading the
#: repository for the refs past it: each read runs up to three git processes, and the
#: subscriber must finish an event well inside its timeout (30 s), or the event would fail
#: and be retried for ever, holding up every webhook behind it.
MAX_DETAILED_REFS = 20
#: And however few refs, the reads stop after this long (the rest go without details).
DETAILS_BUDGET = 15.0

_WANTED = """
SELECT DISTINCT e FROM webhooks, unnest(events) AS e
WHERE project_id = $1 AND active AND e = ANY($2::text[])
"""

_FAN_OUT = """
INSERT INTO webhook_deliveries (hook_id, source, event_id, ref, event, action, body)
SELECT id, 'event', $2, $3, $4, $5, $6 FROM webhooks
WHERE project_id = $1 AND active AND $4 = ANY(events)
ON CONFLICT (hook_id, event_id, ref) WHERE source = 'event' DO NOTHING
"""


def subscribers(
    pool: asyncpg.Pool[Any], system: ActorSystem, policy: DeliveryPolicy, data_dir: Path
) -> list[Subscriber]:
    async def outgoing(event: Event, project_id: int) -> list[payloads.Outgoing]:
        if event.kind != "git.push":
            one = payloads.event_body(
                event.kind, event.payload, actor=event.actor, public_url=policy.public_url
            )
            return [one] if one is not None else []
        changes = payloads.ref_changes(event.payload)
        if not changes:
            return []
        wanted = {
            r["e"]
            for r in await pool.fetch(_WANTED, project_id, sorted({c.event.value for c in changes}))
        }
        out = []
        detailed = 0
        deadline = anyio.current_time() + DETAILS_BUDGET
        for change in changes:
            if change.event not in wanted:
                continue
            details = payloads.PushDetails()
            left = deadline - anyio.current_time()
            if detailed < MAX_DETAILED_REFS and left > 0:
                detailed += 1
                with anyio.move_on_after(left):
                    details = await push_details(
                        repository_path(data_dir, project_id),
                        str(project_id),
                        change,
                        policy.public_url,
                    )
            body = payloads.push_body(change, event.payload, details, policy.public_url)
            out.append(payloads.Outgoing(change.event, change.action, change.ref, body))
        return out

    async def fan_out(event: Event) -> None:
        try:
            project_id = int(event.payload["project"]["id"])
        except (KeyError, TypeError, ValueError):
            log.warning("event %d (%s) names no project; no webhooks", event.id, event.kind)
            return
        planned = await outgoing(event, project_id)
        if not planned:
            return
        written = 0
        async with pool.acquire() as conn, conn.transaction():
            for item in planned:
                status = await conn.execute(
                    _FAN_OUT,
                    project_id,
                    event.id,
                    item.ref,
                    item.event.value,
                    item.action,
                    json.dumps(item.body, separators=(",", ":"), ensure_ascii=False),
                )
                written += int(status.rsplit(" ", 1)[-1])
        if written:
            wake_sender(system)

    return [Subscriber(SUBSCRIBER, fan_out, kinds=payloads.KINDS)]
