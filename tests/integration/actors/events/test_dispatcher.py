from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import asyncpg
import pytest

from dais.actors.events import EventDispatcher, Subscriber
from dais.actors.events.messages import GetStatus, SubscriberStatus, Wake
from dais.runtime import ActorRef, ActorSystem, ChildSpec
from dais.storage.outbox import Event, emit


async def _emit(pool: asyncpg.Pool[Any], kind: str, n: int = 1) -> list[int]:
    ids = []
    async with pool.acquire() as conn, conn.transaction():
        for i in range(n):
            ids.append(await emit(conn, kind, {"i": i}, key="p1", actor="u1"))
    return ids


async def _until(predicate: Any, limit: float = 10) -> None:
    """Poll ``predicate``: the dispatcher runs in the background and has no completion event."""
    with anyio.fail_after(limit):
        while not predicate():  # noqa: ASYNC110
            await anyio.sleep(0.02)


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    async def __call__(self, event: Event) -> None:
        self.events.append(event)

    @property
    def ids(self) -> list[int]:
        return [e.id for e in self.events]


@pytest.fixture
async def system() -> AsyncIterator[ActorSystem]:
    async with ActorSystem("test") as s:
        yield s


async def _start(
    system: ActorSystem, pool: asyncpg.Pool[Any], *subs: Subscriber, **kw: Any
) -> ActorRef[Any]:
    ref = await system.start_child(
        ChildSpec("events", lambda: EventDispatcher(pool, subs, poll_interval=0.1, **kw))
    )
    assert ref is not None
    return ref


async def test_emit_outside_a_transaction_is_refused(pool: asyncpg.Pool[Any]) -> None:
    async with pool.acquire() as conn:
        with pytest.raises(RuntimeError, match="inside the transaction"):
            await emit(conn, "x.y", {})


async def test_rolled_back_change_emits_nothing(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    rec = Recorder()
    await _start(system, pool, Subscriber("rec", rec, from_start=True))
    async with pool.acquire() as conn:
        tx = conn.transaction()
        await tx.start()
        await emit(conn, "order.created", {"n": 1})
        await tx.rollback()
    (committed,) = await _emit(pool, "order.created")
    await _until(lambda: rec.ids == [committed])
    assert await pool.fetchval("SELECT count(*) FROM events") == 1


async def test_delivers_in_order_with_fields(pool: asyncpg.Pool[Any], system: ActorSystem) -> None:
    rec = Recorder()
    await _start(system, pool, Subscriber("rec", rec, from_start=True), batch_size=3)
    ids = await _emit(pool, "issue.opened", 10)  # more than one batch
    await _until(lambda: len(rec.ids) == 10)
    assert rec.ids == ids
    first = rec.events[0]
    assert (first.kind, first.payload, first.key, first.actor) == (
        "issue.opened",
        {"i": 0},
        "p1",
        "u1",
    )


async def test_new_subscriber_starts_at_the_present(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    await _emit(pool, "old.event", 3)
    rec = Recorder()
    await _start(system, pool, Subscriber("late", rec))
    (new,) = await _emit(pool, "new.event")
    await _until(lambda: rec.ids == [new])


async def test_kinds_filter(pool: asyncpg.Pool[Any], system: ActorSystem) -> None:
    pushes, everything = Recorder(), Recorder()
    await _start(
        system,
        pool,
        Subscriber("pushes", pushes, kinds=frozenset({"git.push"}), from_start=True),
        Subscriber("all", everything, from_start=True),
    )
    await _emit(pool, "issue.opened")
    (push,) = await _emit(pool, "git.push")
    await _until(lambda: len(everything.ids) == 2 and pushes.ids == [push])
    assert [e.kind for e in pushes.events] == ["git.push"]


async def test_late_commit_with_a_lower_id_is_not_skipped(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    rec = Recorder()
    ref = await _start(system, pool, Subscriber("rec", rec, from_start=True))
    slow = await pool.acquire()
    try:
        tx = slow.transaction()
        await tx.start()
        early = await emit(slow, "a.slow", {})  # lower id, commits last
        (fast,) = await _emit(pool, "a.fast")
        assert early < fast
        await anyio.sleep(0.5)
        ref.tell(Wake())
        await anyio.sleep(0.3)
        # The open transaction holds the horizon: nothing after it is handed out yet.
        assert rec.ids == []
        await tx.commit()
    finally:
        await pool.release(slow)
    await _until(lambda: sorted(rec.ids) == sorted([early, fast]))


async def test_failing_subscriber_is_retried_and_does_not_block_others(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    ok = Recorder()
    attempts: list[int] = []

    async def flaky(event: Event) -> None:
        attempts.append(event.id)
        if len(attempts) < 3:
            raise ConnectionError("receiver down")

    ref = await _start(
        system,
        pool,
        Subscriber("flaky", flaky, from_start=True),
        Subscriber("ok", ok, from_start=True),
        max_backoff=0.2,
    )
    (event_id,) = await _emit(pool, "x.happened")
    await _until(lambda: ok.ids == [event_id])
    await _until(lambda: len(attempts) >= 3, limit=15)
    assert set(attempts) == {event_id}
    statuses: list[SubscriberStatus] = await ref.ask(GetStatus())
    by_name = {s.name: s for s in statuses}
    assert by_name["ok"].delivered == 1
    flaky_row = await pool.fetchrow(
        "SELECT last_id, failures, last_error FROM event_cursors WHERE subscriber = 'flaky'"
    )
    assert flaky_row is not None and flaky_row["last_id"] == event_id
    assert flaky_row["failures"] == 0 and flaky_row["last_error"] is None


async def test_failure_is_recorded_on_the_cursor(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    async def broken(event: Event) -> None:
        raise ValueError(f"cannot handle {event.kind}")

    ref = await _start(system, pool, Subscriber("broken", broken, from_start=True))
    await _emit(pool, "x.bad")
    with anyio.fail_after(10):
        while True:
            (status,) = await ref.ask(GetStatus())
            if status.failures:
                break
            await anyio.sleep(0.05)
    assert status.last_id == 0 and "cannot handle x.bad" in (status.last_error or "")


async def test_duplicate_subscriber_names_are_refused(pool: asyncpg.Pool[Any]) -> None:
    rec = Recorder()
    with pytest.raises(ValueError, match="unique"):
        EventDispatcher(pool, [Subscriber("a", rec), Subscriber("a", rec)])


async def test_a_slow_subscriber_does_not_hold_up_the_others(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    fast = Recorder()
    release = anyio.Event()

    async def slow(event: Event) -> None:
        await release.wait()

    await _start(
        system,
        pool,
        Subscriber("slow", slow, from_start=True, timeout=60),
        Subscriber("fast", fast, from_start=True),
    )
    ids = await _emit(pool, "x.y", 3)
    await _until(lambda: fast.ids == ids)
    release.set()


async def test_filtered_subscriber_cursor_moves_past_other_kinds(
    pool: asyncpg.Pool[Any], system: ActorSystem
) -> None:
    pushes = Recorder()
    await _start(
        system, pool, Subscriber("pushes", pushes, kinds=frozenset({"git.push"}), from_start=True)
    )
    noise = await _emit(pool, "issue.opened", 5)

    async def cursor() -> int:
        value: int = await pool.fetchval(
            "SELECT last_id FROM event_cursors WHERE subscriber = 'pushes'"
        )
        return value

    with anyio.fail_after(10):
        while await cursor() != noise[-1]:  # noqa: ASYNC110 - polls a row, no event to wait on
            await anyio.sleep(0.05)
    assert pushes.ids == []  # and the five other events are never scanned again


async def test_listen_wakes_delivery_without_polling(
    pool: asyncpg.Pool[Any], system: ActorSystem, database_url: str
) -> None:
    rec = Recorder()
    await system.start_child(
        ChildSpec(
            "events",
            lambda: EventDispatcher(
                pool,
                [Subscriber("rec", rec, from_start=True)],
                listen_url=database_url,
                poll_interval=3600,
            ),
        )
    )
    await anyio.sleep(0.3)  # let it LISTEN
    (first,) = await _emit(pool, "x.one")
    await _until(lambda: rec.ids == [first], limit=5)
    # The LISTEN connection is killed: the dispatcher reconnects and still hears NOTIFY.
    await pool.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
    )
    await anyio.sleep(1.5)
    (second,) = await _emit(pool, "x.two")
    await _until(lambda: rec.ids == [first, second], limit=10)


async def test_survives_a_database_outage(database_url: str, pg_server_url: str) -> None:
    """Connections refused for a while: the dispatcher logs, backs off, and carries on."""
    from dais.storage.database import open_pool

    rec = Recorder()
    name = pool_db(database_url)
    async with open_pool(database_url, size=3) as pool, ActorSystem("outage") as system:
        ref = await _start(system, pool, Subscriber("rec", rec, from_start=True), max_backoff=0.3)
        admin = await asyncpg.connect(pg_server_url)
        try:
            await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
                name,
            )
            await anyio.sleep(1.0)  # the dispatcher's passes fail meanwhile
            assert [m.crashes for m in system.metrics() if m.name == "events"] == [0]
        finally:
            await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
            await admin.close()
        await pool.expire_connections()
        (event_id,) = await _emit(pool, "x.after")
        await _until(lambda: rec.ids == [event_id], limit=15)
        ref.tell(Wake())


def pool_db(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path.lstrip("/")


async def test_a_transaction_open_in_another_database_does_not_stall_delivery(
    pool: asyncpg.Pool[Any], system: ActorSystem, pg_server_url: str
) -> None:
    rec = Recorder()
    await _start(system, pool, Subscriber("rec", rec, from_start=True))
    other = await asyncpg.connect(pg_server_url)  # the server's `postgres` database
    try:
        tx = other.transaction()
        await tx.start()
        await other.execute("CREATE TEMP TABLE t (x int)")  # gets an xid, then idles
        (event_id,) = await _emit(pool, "x.y")
        await _until(lambda: rec.ids == [event_id], limit=10)
        await tx.rollback()
    finally:
        await other.close()
