"""Pruning the outbox: only events every live cursor has passed, and only old ones."""

from __future__ import annotations

from typing import Any

import anyio
import asyncpg

from dais.actors.events import EventDispatcher, Subscriber
from dais.runtime import ActorSystem, ChildSpec
from dais.storage import outbox


async def _emit(pool: asyncpg.Pool[Any], kind: str, n: int) -> list[int]:
    async with pool.acquire() as conn, conn.transaction():
        return [await outbox.emit(conn, kind, {"i": i}) for i in range(n)]


async def _age(pool: asyncpg.Pool[Any], ids: list[int], seconds: int) -> None:
    await pool.execute(
        "UPDATE events SET created_at = now() - make_interval(secs => $2) WHERE id = ANY($1)",
        ids,
        float(seconds),
    )


async def _remaining(pool: asyncpg.Pool[Any]) -> list[int]:
    return [r["id"] for r in await pool.fetch("SELECT id FROM events ORDER BY id")]


async def _cursor_at(pool: asyncpg.Pool[Any], name: str, event_id: int) -> None:
    async with pool.acquire() as conn:
        await outbox.ensure_cursor(conn, name, from_start=True)
        await conn.execute(
            "UPDATE event_cursors SET last_xid = e.xid, last_id = e.id, updated_at = now() "
            "FROM events e WHERE e.id = $2 AND subscriber = $1",
            name,
            event_id,
        )


async def test_prune_keeps_what_a_cursor_has_not_passed_and_what_is_young(
    pool: asyncpg.Pool[Any],
) -> None:
    old = await _emit(pool, "thing.done", 6)
    young = await _emit(pool, "thing.done", 2)
    await _age(pool, old, 3 * 86400)
    await _cursor_at(pool, "fast", young[-1])
    await _cursor_at(pool, "slow", old[2])  # has not yet been given old[3:]

    async with pool.acquire() as conn:
        removed = await outbox.prune(conn, older_than=86400, batch=2)  # several batches
    assert removed == 3
    assert await _remaining(pool) == old[3:] + young

    # Once the slow subscriber catches up, the rest of the old events go; the young stay.
    await _cursor_at(pool, "slow", young[-1])
    async with pool.acquire() as conn:
        assert await outbox.prune(conn, older_than=86400) == 3
    assert await _remaining(pool) == young


async def test_a_cursor_unused_past_the_retention_does_not_hold_events_for_ever(
    pool: asyncpg.Pool[Any],
) -> None:
    old = await _emit(pool, "thing.done", 3)
    await _age(pool, old, 10 * 86400)
    await _cursor_at(pool, "gone", old[0])  # a subscriber removed in some release
    await pool.execute(
        "UPDATE event_cursors SET updated_at = now() - interval '9 days' WHERE subscriber = 'gone'"
    )
    await _cursor_at(pool, "live", old[1])
    async with pool.acquire() as conn:
        assert await outbox.prune(conn, older_than=7 * 86400) == 2
    assert await _remaining(pool) == old[2:]


async def test_the_dispatcher_prunes_delivered_events_past_the_retention(
    pool: asyncpg.Pool[Any],
) -> None:
    seen: list[int] = []

    async def handler(event: outbox.Event) -> None:
        seen.append(event.id)

    async with ActorSystem("test") as system:
        sub = Subscriber("recorder", handler, from_start=True)
        await system.start_child(
            ChildSpec(
                "events",
                lambda: EventDispatcher(
                    pool, [sub], poll_interval=0.05, retention=3600, prune_interval=0.05
                ),
            )
        )
        ids = await _emit(pool, "thing.done", 4)
        with anyio.fail_after(10):
            while len(seen) < 4:  # noqa: ASYNC110
                await anyio.sleep(0.02)
        assert await _remaining(pool) == ids  # delivered, but younger than the retention
        await _age(pool, ids[:2], 7200)
        with anyio.fail_after(10):
            while await _remaining(pool) != ids[2:]:  # noqa: ASYNC110
                await anyio.sleep(0.05)
    assert seen == ids
