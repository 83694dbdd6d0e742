"""The event dispatcher: hands committed outbox events to subscribers, at least once.

Each subscriber has a durable cursor. A pass over a subscriber takes a session advisory lock
(so that with several replicas one delivers to it at a time), reads the next batch after its
cursor, calls the handler for each event in order, and saves the cursor after the batch. A
handler that fails stops that subscriber's batch where it failed; it is retried with
exponential backoff, and the failure is recorded on the cursor row. A process killed in the
middle of a batch loses nothing: the cursor was not advanced, so the batch comes again.
"""

from __future__ import annotations

import logging
import random
import time
from typing import TYPE_CHECKING, Any

import anyio

from dais.runtime import Actor
from dais.storage import outbox

from .messages import DispatcherMessage, GetStatus, Subscriber, SubscriberStatus, Wake

if TYPE_CHECKING:
    from collections.abc import Sequence

    import asyncpg

    from dais.storage.database import Conn

__all__ = ["EventDispatcher"]

log = logging.getLogger(__name__)


class EventDispatcher(Actor[DispatcherMessage]):
    """Delivers outbox events; woken by PostgreSQL NOTIFY and by a poll as a fallback."""

    mailbox_size = 64

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        subscribers: Sequence[Subscriber],
        *,
        poll_interval: float = 2.0,
        batch_size: int = 100,
        max_backoff: float = 60.0,
    ) -> None:
        names = [s.name for s in subscribers]
        if len(set(names)) != len(names):
            raise ValueError(f"subscriber names must be unique: {names}")
        self._pool = pool
        self._subscribers = tuple(subscribers)
        self._poll_interval = poll_interval
        self._batch_size = batch_size
        self._max_backoff = max_backoff
        self._retry_at: dict[str, float] = {}
        self._wake = anyio.Event()

    async def started(self) -> None:
        async with self._pool.acquire() as conn:
            for sub in self._subscribers:
                await outbox.ensure_cursor(conn, sub.name, from_start=sub.from_start)

    async def receive(self, message: DispatcherMessage) -> Any:
        match message:
            case Wake():
                self._wake.set()
                return None
            case GetStatus():
                return await self._status()

    async def background(self) -> None:
        async with self._pool.acquire() as listener:
            await listener.add_listener(outbox.NOTIFY_CHANNEL, self._on_notify)
            try:
                while True:
                    with anyio.move_on_after(self._poll_interval):
                        await self._wake.wait()
                    self._wake = anyio.Event()
                    while await self._pass():
                        pass
            finally:
                with anyio.move_on_after(2, shield=True):
                    await listener.remove_listener(outbox.NOTIFY_CHANNEL, self._on_notify)

    def _on_notify(self, *_: object) -> None:
        self._wake.set()

    async def _pass(self) -> bool:
        """Deliver one batch to every subscriber that is due; True if any batch was full."""
        more = False
        now = time.monotonic()
        for sub in self._subscribers:
            if self._retry_at.get(sub.name, 0.0) > now:
                continue
            if await self._deliver(sub) >= self._batch_size:
                more = True
        return more

    async def _deliver(self, sub: Subscriber) -> int:
        lock = outbox.subscriber_lock_key(sub.name)
        async with self._pool.acquire() as conn:
            if not await conn.fetchval("SELECT pg_try_advisory_lock($1)", lock):
                return 0  # another replica is delivering to this subscriber
            try:
                return await self._deliver_batch(conn, sub)
            finally:
                with anyio.move_on_after(5, shield=True):
                    await conn.execute("SELECT pg_advisory_unlock($1)", lock)

    async def _deliver_batch(self, conn: Conn, sub: Subscriber) -> int:
        cursor = await outbox.ensure_cursor(conn, sub.name, from_start=sub.from_start)
        kinds = sorted(sub.kinds) if sub.kinds is not None else None
        events = await outbox.fetch_after(conn, cursor, kinds=kinds, limit=self._batch_size)
        done = 0
        for event in events:
            try:
                with anyio.fail_after(sub.timeout):
                    await sub.handler(event)
            except Exception as exc:  # noqa: BLE001 - a subscriber's failure must not stop the others
                if done:
                    await outbox.save_cursor(conn, sub.name, events[done - 1], done)
                failures = await outbox.record_failure(conn, sub.name, repr(exc))
                delay = min(self._max_backoff, 0.5 * 2 ** min(failures, 16))
                delay *= random.uniform(0.5, 1.0)
                self._retry_at[sub.name] = time.monotonic() + delay
                log.warning(
                    "event delivery failed subscriber=%s event=%d kind=%s failures=%d "
                    "retry_in=%.1fs error=%r",
                    sub.name,
                    event.id,
                    event.kind,
                    failures,
                    delay,
                    exc,
                )
                return done
            done += 1
        if done:
            await outbox.save_cursor(conn, sub.name, events[-1], done)
        self._retry_at.pop(sub.name, None)
        return done

    async def _status(self) -> list[SubscriberStatus]:
        names = [s.name for s in self._subscribers]
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT subscriber, last_id, delivered, failures, last_error, updated_at "
                "FROM event_cursors WHERE subscriber = ANY($1::text[]) ORDER BY subscriber",
                names,
            )
        return [
            SubscriberStatus(
                name=r["subscriber"],
                last_id=r["last_id"],
                delivered=r["delivered"],
                failures=r["failures"],
                last_error=r["last_error"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]
