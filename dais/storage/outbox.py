"""The transactional outbox: write events with the change that causes them, read them in order.

See ``sql/0001_events.sql`` for why readers order by (xid, id) below the snapshot's xmin.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from dais.storage.database import Conn

__all__ = [
    "NOTIFY_CHANNEL",
    "Batch",
    "Cursor",
    "Event",
    "emit",
    "ensure_cursor",
    "fetch_after",
    "prune",
    "read_cursor",
    "record_failure",
    "save_cursor",
    "subscriber_lock_key",
]

NOTIFY_CHANNEL = "dais_events"

# The delivery horizon: the oldest transaction, among those that could still add events, that
# was running when this statement's snapshot was taken. Events below it can no longer appear
# or change, so a cursor may move past them. pg_snapshot_xmin would do, but it spans the
# whole server: one idle-in-transaction session in another database would stall delivery.
# So transactions the snapshot saw running are ignored when pg_stat_activity (or
# pg_prepared_xacts) places them in another database; one that has ended, or that we may
# not see, counts as ours: slower, never wrong. backend_xid is 32 bits; an xid8 in the
# snapshot matches it on its low 32 bits (running xids are far closer than 2^32 apart).
_HORIZON = """
    SELECT coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
    FROM pg_snapshot_xip(pg_current_snapshot()) AS x
    WHERE (x::text::bigint & 4294967295) NOT IN (
        SELECT backend_xid::text::bigint FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database()
        UNION ALL
        SELECT transaction::text::bigint FROM pg_prepared_xacts
        WHERE database IS DISTINCT FROM current_database()
    )
"""


@attrs.frozen
class Event:
    """A committed domain event. ``id`` doubles as the idempotency key for receivers."""

    id: int
    kind: str
    payload: Mapping[str, Any]
    key: str | None
    actor: str | None
    created_at: datetime
    xid: int


@attrs.frozen
class Cursor:
    subscriber: str
    last_xid: int
    last_id: int
    delivered: int


async def emit(
    conn: Conn,
    kind: str,
    payload: Mapping[str, Any],
    *,
    key: str | None = None,
    actor: str | None = None,
) -> int:
    """Record an event in the caller's open transaction and return its id.

    The event becomes visible to the dispatcher only if that transaction commits.

    :raises RuntimeError: when called outside a transaction (the event could outlive a
        rolled-back change, or be lost with a committed one).
    """
    if not conn.is_in_transaction():
        raise RuntimeError("emit() must run inside the transaction that makes the change")
    event_id: int = await conn.fetchval(
        "INSERT INTO events (kind, payload, key, actor) VALUES ($1, $2::text::jsonb, $3, $4) "
        "RETURNING id",
        kind,
        json.dumps(payload, separators=(",", ":")),
        key,
        actor,
    )
    # Delivered by PostgreSQL at commit, and folded with others from the same transaction.
    await conn.execute("SELECT pg_notify($1, '')", NOTIFY_CHANNEL)
    return event_id


async def ensure_cursor(conn: Conn, subscriber: str, *, from_start: bool = False) -> Cursor:
    """Create the subscriber's cursor if it has none.

    A new cursor starts at the present (events of transactions still running or yet to
    come), or at the very first event with ``from_start``.
    """
    await conn.execute(
        f"""
        INSERT INTO event_cursors (subscriber, last_xid, last_id)
        SELECT $1, CASE WHEN $2 THEN '0'::xid8 ELSE (h - 1)::text::xid8 END,
               CASE WHEN $2 THEN 0 ELSE 9223372036854775807 END
        FROM (SELECT ({_HORIZON})::text::bigint AS h) AS horizon
        ON CONFLICT (subscriber) DO NOTHING
        """,
        subscriber,
        from_start,
    )
    return await read_cursor(conn, subscriber)


async def read_cursor(conn: Conn, subscriber: str) -> Cursor:
    """The subscriber's cursor, which :func:`ensure_cursor` created."""
    row = await conn.fetchrow(
        "SELECT last_xid::text::bigint AS last_xid, last_id, delivered "
        "FROM event_cursors WHERE subscriber = $1",
        subscriber,
    )
    if row is None:
        raise LookupError(f"subscriber {subscriber!r} has no cursor")
    return Cursor(subscriber, row["last_xid"], row["last_id"], row["delivered"])


@attrs.frozen
class Batch:
    """The next events for a subscriber.

    ``scanned_to`` is the position of the last event that could be handed out at all, when
    a kinds filter left the batch short: the cursor may move there, so filtered-out events
    are not scanned again on every wake.
    """

    events: list[Event]
    scanned_to: tuple[int, int] | None


async def fetch_after(
    conn: Conn,
    cursor: Cursor,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 100,
) -> Batch:
    """Committed events after ``cursor`` whose set can no longer grow, oldest first."""
    # One statement, so the horizon (the snapshot's xmin) is the same for both parts.
    rows = await conn.fetch(
        f"""
        WITH eligible AS (
            SELECT * FROM events
            WHERE (xid, id) > ($1::text::xid8, $2)
              AND xid < ({_HORIZON})
        ), matched AS (
            SELECT * FROM eligible
            WHERE $3::text[] IS NULL OR kind = ANY($3::text[])
            ORDER BY xid, id LIMIT $4
        ), last AS (
            SELECT xid, id FROM eligible WHERE $3::text[] IS NOT NULL
            ORDER BY xid DESC, id DESC LIMIT 1
        )
        SELECT false AS marker, id, kind, payload::text AS payload, key, actor, created_at,
               xid::text::bigint AS xid
        FROM matched
        UNION ALL
        SELECT true, id, NULL, NULL, NULL, NULL, NULL, xid::text::bigint FROM last
        ORDER BY marker, xid, id
        """,
        str(cursor.last_xid),
        cursor.last_id,
        list(kinds) if kinds is not None else None,
        limit,
    )
    events = [
        Event(
            id=r["id"],
            kind=r["kind"],
            payload=json.loads(r["payload"]),
            key=r["key"],
            actor=r["actor"],
            created_at=r["created_at"],
            xid=r["xid"],
        )
        for r in rows
        if not r["marker"]
    ]
    last = [(r["xid"], r["id"]) for r in rows if r["marker"]]
    scanned_to = last[0] if last and len(events) < limit else None
    return Batch(events, scanned_to)


async def save_cursor(
    conn: Conn, subscriber: str, position: tuple[int, int], delivered: int
) -> None:
    """Advance the subscriber to ``position`` (xid, id); ``delivered`` more events handed over."""
    await conn.execute(
        """
        UPDATE event_cursors
        SET last_xid = $2::text::xid8, last_id = $3, delivered = delivered + $4,
            failures = 0, last_error = NULL, updated_at = now()
        WHERE subscriber = $1
        """,
        subscriber,
        str(position[0]),
        position[1],
        delivered,
    )


async def record_failure(conn: Conn, subscriber: str, error: str) -> int:
    """Count a failed delivery; return how many failed in a row."""
    failures: int = await conn.fetchval(
        """
        UPDATE event_cursors SET failures = failures + 1, last_error = $2, updated_at = now()
        WHERE subscriber = $1 RETURNING failures
        """,
        subscriber,
        error[:2000],
    )
    return failures


def subscriber_lock_key(subscriber: str) -> int:
    """The advisory-lock key that lets one replica at a time deliver to a subscriber."""
    digest = hashlib.sha256(f"dais.events:{subscriber}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


# An event may go once it is older than the retention and every cursor that is still in use
# has passed it. A cursor untouched for longer than the retention belongs to a subscriber
# that is gone (renamed or removed in a release): it must not keep every event for ever.
_PRUNE = """
    DELETE FROM events WHERE id IN (
        SELECT e.id FROM events e
        WHERE e.created_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (
              SELECT 1 FROM event_cursors c
              WHERE (e.xid, e.id) > (c.last_xid, c.last_id)
                AND c.updated_at >= now() - make_interval(secs => $1)
          )
        ORDER BY e.created_at
        LIMIT $2
    )
"""


async def prune(conn: Conn, *, older_than: float, batch: int = 10_000) -> int:
    """Delete delivered events older than ``older_than`` seconds; return how many went.

    Deletes in batches of ``batch`` rows, each its own statement, so a large backlog never
    holds one long transaction or lock.
    """
    removed = 0
    while True:
        status = await conn.execute(_PRUNE, float(older_than), batch)
        count = int(status.rsplit(" ", 1)[1])
        removed += count
        if count < batch:
            return removed
