"""The event dispatcher: hands committed outbox events to subscribers, at least once.

Each subscriber has a durable cursor and a delivery loop of its own, so a slow subscriber
holds up nobody else. A pass takes a session advisory lock on the subscriber (so that with
several replicas one delivers to it at a time), reads the next batch after its cursor,
calls the handler for each event in order, and saves the cursor, also when the pass is
interrupted (shielded), so a graceful stop redelivers nothing. A handler that fails stops
its subscriber's batch where it failed; it is retried with exponential backoff, and the
failure is recorded on the cursor row. A process killed in the middle of a batch loses
nothing: the cursor was not advanced past what was handled, so the rest comes again.

The dispatcher wakes on PostgreSQL NOTIFY, received on a connection of its own (not one
borrowed from the pool for ever), and polls as a fallback. It rides out database outages:
errors are logged and retried with backoff instead of crashing the actor.
"""

from __future__ import annotations

import logging
import random
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg

from dais.errors import Unavailable
from dais.runtime import Actor
from dais.storage import outbox
from dais.storage.database import DatabaseUnavailable, open_pool

from .messages import DispatcherMessage, GetStatus, Subscriber, SubscriberStatus, Wake

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dais.storage.database import Conn

__all__ = ["EventDispatcher"]

log = logging.getLogger(__name__)

# What a lost or refused database connection raises.
_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)
#: At most this many subscribers deliver at once (each holds one connection meanwhile).
_DELIVERY_CONNECTIONS = 8


def _backoff(failures: int, cap: float) -> float:
    delay: float = min(cap, 0.5 * 2.0 ** min(failures, 16)) * random.uniform(0.5, 1.0)
    return delay


class EventDispatcher(Actor[DispatcherMessage]):
    """Delivers outbox events to its subscribers."""

    mailbox_size = 64

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        subscribers: Sequence[Subscriber],
        *,
        listen_url: str | None = None,
        delivery_url: str | None = None,
        poll_interval: float = 2.0,
        batch_size: int = 100,
        max_backoff: float = 60.0,
        retention: float | None = None,
        prune_interval: float = 3600.0,
    ) -> None:
        names = [s.name for s in subscribers]
        if len(set(names)) != len(names):
            raise ValueError(f"subscriber names must be unique: {names}")
        self._pool = pool
        self._subscribers = tuple(subscribers)
        self._listen_url = listen_url
        # A delivery holds its connection (and the subscriber's advisory lock) while the
        # handler runs, and handlers take connections of their own: from one shared pool,
        # a dozen subscribers delivering at once could hold every connection and wait for
        # one forever. So deliveries draw on a small pool of their own, when given a URL.
        self._delivery_url = delivery_url
        self._delivery_pool: asyncpg.Pool[Any] | None = None
        self._stack = AsyncExitStack()
        self._poll_interval = poll_interval
        self._batch_size = batch_size
        self._max_backoff = max_backoff
        self._retention = retention
        self._prune_interval = prune_interval
        self._wakes = {name: anyio.Event() for name in names}
        self._ready: set[str] = set()  # subscribers whose cursor row exists

    async def started(self) -> None:
        if self._delivery_url is not None:
            size = max(2, min(len(self._subscribers), _DELIVERY_CONNECTIONS))
            try:
                self._delivery_pool = await self._stack.enter_async_context(
                    open_pool(self._delivery_url, size=size)
                )
            except DatabaseUnavailable as exc:
                log.warning("event deliveries share the main pool for now (%s)", exc)
        # Create the cursors now, so a new subscriber starts where the process started;
        # with the database down, the first successful pass creates them instead.
        try:
            async with self._pool.acquire() as conn:
                for sub in self._subscribers:
                    await outbox.ensure_cursor(conn, sub.name, from_start=sub.from_start)
                    self._ready.add(sub.name)
        except _DB_ERRORS as exc:
            log.warning("event cursors not ready yet (database error %r); will retry", exc)

    async def receive(self, message: DispatcherMessage) -> Any:
        match message:
            case Wake():
                self._wake_all()
                return None
            case GetStatus():
                try:
                    return await self._status()
                except _DB_ERRORS as exc:
                    raise Unavailable(f"the database is unreachable: {type(exc).__name__}") from exc

    async def background(self) -> None:
        async with anyio.create_task_group() as tg:
            if self._listen_url is not None:
                tg.start_soon(self._listen, self._listen_url)
            for sub in self._subscribers:
                tg.start_soon(self._run, sub)
            if self._retention is not None:
                tg.start_soon(self._prune_periodically, self._retention)

    async def _prune_periodically(self, retention: float) -> None:
        """Delete delivered events past the retention, now and then every prune interval.

        Several replicas may prune at once: each deletes what is left, nothing more.
        """
        while True:
            try:
                async with self._pool.acquire() as conn:
                    removed = await outbox.prune(conn, older_than=retention)
                if removed:
                    log.info("pruned %d delivered events older than %gs", removed, retention)
            except _DB_ERRORS as exc:
                log.warning("event pruning failed (%r); will try again", exc)
            await anyio.sleep(self._prune_interval)

    def _wake_all(self, *_: object) -> None:
        for event in self._wakes.values():
            event.set()

    async def _listen(self, url: str) -> None:
        """Keep a LISTEN connection open, reconnecting when it drops."""
        failures = 0
        while True:
            try:
                with anyio.fail_after(10):
                    conn = await asyncpg.connect(url)
            except _DB_ERRORS as exc:
                failures += 1
                delay = _backoff(failures, self._max_backoff)
                log.warning("event LISTEN connect failed (%r); retrying in %.1fs", exc, delay)
                await anyio.sleep(delay)
                continue
            failures = 0
            lost = anyio.Event()
            conn.add_termination_listener(lambda _conn, lost=lost: lost.set())
            try:
                await conn.add_listener(outbox.NOTIFY_CHANNEL, self._wake_all)
                self._wake_all()  # catch up on whatever was committed while we were away
                await lost.wait()
                log.warning("event LISTEN connection lost; reconnecting")
            except _DB_ERRORS as exc:
                log.warning("event LISTEN failed (%r); reconnecting", exc)
            finally:
                with anyio.move_on_after(2, shield=True):
                    await conn.close()

    async def _run(self, sub: Subscriber) -> None:
        """One subscriber's delivery loop."""
        db_failures = 0
        while True:
            with anyio.move_on_after(self._poll_interval):
                await self._wakes[sub.name].wait()
            self._wakes[sub.name] = anyio.Event()
            try:
                while True:
                    delivered, failed = await self._deliver(sub)
                    if failed is not None:
                        await anyio.sleep(failed)  # the handler failed: back off, then retry
                        break
                    if delivered < self._batch_size:
                        break
                db_failures = 0
            except _DB_ERRORS as exc:
                db_failures += 1
                delay = _backoff(db_failures, self._max_backoff)
                log.warning(
                    "event delivery to %s: database error %r; retrying in %.1fs",
                    sub.name,
                    exc,
                    delay,
                )
                await anyio.sleep(delay)

    async def stopped(self) -> None:
        await self._stack.aclose()

    async def _deliver(self, sub: Subscriber) -> tuple[int, float | None]:
        """One batch; returns (events handed over, backoff delay if the handler failed)."""
        lock = outbox.subscriber_lock_key(sub.name)
        async with (self._delivery_pool or self._pool).acquire() as conn:
            if not await conn.fetchval("SELECT pg_try_advisory_lock($1)", lock):
                return 0, None  # another replica is delivering to this subscriber
            try:
                return await self._deliver_batch(conn, sub)
            finally:
                with anyio.move_on_after(5, shield=True):
                    await conn.execute("SELECT pg_advisory_unlock($1)", lock)

    async def _deliver_batch(self, conn: Conn, sub: Subscriber) -> tuple[int, float | None]:
        if sub.name in self._ready:
            cursor = await outbox.read_cursor(conn, sub.name)
        else:
            cursor = await outbox.ensure_cursor(conn, sub.name, from_start=sub.from_start)
            self._ready.add(sub.name)
        kinds = sorted(sub.kinds) if sub.kinds is not None else None
        batch = await outbox.fetch_after(conn, cursor, kinds=kinds, limit=self._batch_size)
        done = 0
        position: tuple[int, int] | None = None
        error: tuple[outbox.Event, Exception] | None = None
        try:
            for event in batch.events:
                try:
                    with anyio.fail_after(sub.timeout):
                        await sub.handler(event)
                except Exception as exc:  # noqa: BLE001 - one subscriber's failure stops only it
                    error = (event, exc)
                    break
                done += 1
                position = (event.xid, event.id)
            if error is None and batch.scanned_to is not None:
                position = batch.scanned_to
        finally:
            if position is not None:
                # Shielded: a stop in the middle of a batch must not forget what was handled.
                with anyio.move_on_after(5, shield=True):
                    await outbox.save_cursor(conn, sub.name, position, done)
        if error is None:
            return done, None
        event, cause = error
        failures = await outbox.record_failure(conn, sub.name, repr(cause))
        delay = _backoff(failures, self._max_backoff)
        log.warning(
            "event delivery failed subscriber=%s event=%d kind=%s failures=%d "
            "retry_in=%.1fs error=%r",
            sub.name,
            event.id,
            event.kind,
            failures,
            delay,
            cause,
        )
        return done, delay

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
