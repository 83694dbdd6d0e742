"""``notify.dispatch``: the outbox subscriber turning domain events into notifications.

For each event it plans who hears what (``kinds.plan``), resolves the usernames, keeps those
who may read the project (a private project's notifications reach its members only), and
writes every notification with its email and webhook deliveries in one transaction. Each
row's (user, event, kind) is unique, so an event the outbox delivers twice notifies once.
After the commit, each new notification is published on its recipient's broker channel
(the bell's live stream) and the sender is woken.

Email grouping: a notification joins its thread's pending email if one is waiting; else it
gets a new one, due at once, or at the end of the grouping window when the thread had an
email within it. So the first notification of a conversation is sent at once and a burst
that follows goes out as one email.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dais.actors.events.messages import Subscriber
from dais.actors.identity.messages import Permissions, Principal, UserKind
from dais.actors.identity.permissions import Permission
from dais.runtime import MailboxFull, UnknownActor

from .kinds import DEFAULTS, EVENT_KINDS, Channel, Planned, plan
from .messages import SENDER, Wake, channel

if TYPE_CHECKING:
    import asyncpg

    from dais.runtime import ActorSystem
    from dais.storage.broker import Broker
    from dais.storage.database import Conn
    from dais.storage.outbox import Event

    from .policy import NotifyPolicy

__all__ = ["notification_json", "subscribers"]

log = logging.getLogger(__name__)

_ASK_TIMEOUT = 10.0


def notification_json(row: Any) -> dict[str, Any]:
    """A notification as the API shows it (and the live stream sends it)."""
    return {
        "id": str(row["id"]),
        "kind": row["kind"],
        "project_id": None if row["project_id"] is None else str(row["project_id"]),
        "thread": row["thread"],
        "title": row["title"],
        "body": row["body"],
        "url": row["url"],
        "actor": row["actor"],
        "created_at": row["created_at"].astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "read_at": None,
    }


def wake_sender(system: ActorSystem) -> None:
    try:
        system.ref(SENDER).tell(Wake())
    except (MailboxFull, UnknownActor):
        pass  # its poll finds the rows


def subscribers(
    pool: asyncpg.Pool[Any], system: ActorSystem, broker: Broker, policy: NotifyPolicy
) -> list[Subscriber]:
    async def dispatch(event: Event) -> None:
        planned = plan(event.kind, event.payload, policy.public_url)
        if not planned:
            return
        project_id = _project_id(event.payload)
        async with pool.acquire() as conn:
            recipients = await _readers(conn, system, project_id, planned)
            if not recipients:
                return
            async with conn.transaction():
                made = await _write(conn, policy, event, project_id, recipients)
        for user_id, row in made:
            message = json.dumps(notification_json(row)).encode()
            await broker.publish(channel(user_id), message)
        if made:
            wake_sender(system)

    return [Subscriber("notify.dispatch", dispatch, kinds=EVENT_KINDS)]


def _project_id(payload: Any) -> int | None:
    raw = str(((payload or {}).get("project") or {}).get("id", ""))
    return int(raw) if raw.isdigit() and len(raw) <= 18 else None


async def _readers(
    conn: Conn, system: ActorSystem, project_id: int | None, planned: list[Planned]
) -> list[tuple[Principal, str | None, Planned]]:
    """The planned notifications whose users exist and may read the project, with each
    user's email address."""
    rows = await conn.fetch(
        "SELECT id, username, kind, is_admin, email FROM users "
        "WHERE username = ANY($1::text[]) AND kind <> 'agent'",
        [p.username for p in planned],
    )
    by_name = {r["username"]: r for r in rows}
    visibility = None
    if project_id is not None:
        visibility = await conn.fetchval(
            "SELECT visibility FROM projects WHERE id = $1", project_id
        )
        if visibility is None:
            return []  # deleted since
    out = []
    identity = system.ref("identity")
    for p in planned:
        row = by_name.get(p.username)
        if row is None:
            continue
        who = Principal(
            user_id=row["id"],
            username=row["username"],
            kind=UserKind(row["kind"]),
            is_admin=row["is_admin"],
        )
        if visibility == "private":
            held = await identity.ask(Permissions(who, project_id), timeout=_ASK_TIMEOUT)
            if Permission.PROJECT_READ not in held:
                continue
        out.append((who, row["email"], p))
    return out


async def _chosen(conn: Conn, user_ids: list[int]) -> dict[tuple[int, str], set[str]]:
    """Each user's channels per kind, defaults filled in."""
    rows = await conn.fetch(
        "SELECT user_id, kind, channel, enabled FROM notification_settings "
        "WHERE user_id = ANY($1::bigint[])",
        user_ids,
    )
    chosen: dict[tuple[int, str], set[str]] = {}
    for user_id in user_ids:
        for kind, channels in DEFAULTS.items():
            chosen[(user_id, kind.value)] = {c.value for c in channels}
    for r in rows:
        chosen_now = chosen.setdefault((r["user_id"], r["kind"]), set())
        if r["enabled"]:
            chosen_now.add(r["channel"])
        else:
            chosen_now.discard(r["channel"])
    return chosen


async def _write(
    conn: Conn,
    policy: NotifyPolicy,
    event: Event,
    project_id: int | None,
    recipients: list[tuple[Principal, str | None, Planned]],
) -> list[tuple[int, Any]]:
    user_ids = [who.user_id for who, _email, _p in recipients]
    chosen = await _chosen(conn, user_ids)
    webhooks = {
        r["user_id"]
        for r in await conn.fetch(
            "SELECT user_id FROM notification_webhooks WHERE user_id = ANY($1::bigint[])",
            user_ids,
        )
    }
    actor = (event.payload.get("sender") or {}).get("username") or event.actor
    made: list[tuple[int, Any]] = []
    for who, email, p in recipients:
        channels = chosen.get((who.user_id, p.kind.value), set())
        if not channels:
            continue
        row = await conn.fetchrow(
            """
            INSERT INTO notifications (user_id, event_id, kind, project_id, thread, title, body,
                                       url, actor, in_app)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (user_id, event_id, kind) DO NOTHING
            RETURNING id, kind, project_id, thread, title, body, url, actor, created_at
            """,
            who.user_id,
            event.id,
            p.kind.value,
            project_id,
            p.thread,
            p.title,
            p.body,
            p.url,
            actor,
            Channel.IN_APP.value in channels,
        )
        if row is None:
            continue  # this event was seen before
        if Channel.IN_APP.value in channels:
            made.append((who.user_id, row))
        if Channel.EMAIL.value in channels and email and policy.smtp is not None:
            delivery = await _email_delivery(conn, policy, who.user_id, p.thread)
            await conn.execute(
                "UPDATE notifications SET email_delivery_id = $2 WHERE id = $1", row["id"], delivery
            )
        if Channel.WEBHOOK.value in channels and who.user_id in webhooks:
            delivery = await conn.fetchval(
                "INSERT INTO notification_deliveries (user_id, channel, thread) "
                "VALUES ($1, 'webhook', $2) RETURNING id",
                who.user_id,
                p.thread,
            )
            await conn.execute(
                "UPDATE notifications SET webhook_delivery_id = $2 WHERE id = $1",
                row["id"],
                delivery,
            )
    if len(made) < len(recipients):
        log.debug("event %d: %d of %d notifications were new", event.id, len(made), len(recipients))
    return made


async def _email_delivery(conn: Conn, policy: NotifyPolicy, user_id: int, thread: str) -> int:
    """The thread's waiting email, or a new one due now or at the window's end."""
    waiting = await conn.fetchval(
        """
        SELECT id FROM notification_deliveries
        WHERE user_id = $1 AND channel = 'email' AND thread = $2 AND state = 'pending'
          AND attempts = 0
        ORDER BY id DESC LIMIT 1 FOR UPDATE
        """,
        user_id,
        thread,
    )
    if waiting is not None:
        return int(waiting)
    last: datetime | None = await conn.fetchval(
        "SELECT max(created_at) FROM notification_deliveries "
        "WHERE user_id = $1 AND channel = 'email' AND thread = $2",
        user_id,
        thread,
    )
    delivery: int = await conn.fetchval(
        """
        INSERT INTO notification_deliveries (user_id, channel, thread, due_at)
        VALUES ($1, 'email', $2,
                greatest(now(), coalesce($3::timestamptz, '-infinity') + make_interval(secs => $4)))
        RETURNING id
        """,
        user_id,
        thread,
        last,
        policy.email_window,
    )
    return delivery
