"""The PostgreSQL connection pool."""

from __future__ import annotations

import json
import weakref
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import asyncpg

from dais.config import redact_url

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import TypeAlias

    from asyncpg.pool import PoolConnectionProxy

    #: A connection, whether opened directly or borrowed from the pool (typing only).
    Conn: TypeAlias = asyncpg.Connection[Any] | PoolConnectionProxy[Any]

__all__ = ["DatabaseUnavailable", "open_pool", "reading"]


class DatabaseUnavailable(Exception):
    """PostgreSQL could not be reached."""


# Connections lent only for plain reads (see :func:`reading`), which leave no session state
# behind, so handing them back needs no reset query.
_UNTOUCHED: weakref.WeakSet[asyncpg.Connection[Any]] = weakref.WeakSet()


async def _reset(conn: asyncpg.Connection[Any]) -> None:
    """What the pool runs on a connection handed back: asyncpg's reset (advisory locks, open
    cursors, LISTEN registrations, session settings) unless the lease only read.

    The pool has already rolled back any open transaction and dropped listeners by then.
    """
    if conn in _UNTOUCHED:
        _UNTOUCHED.discard(conn)
        return
    query = conn.get_reset_query()
    if query:
        await conn.execute(query)


@asynccontextmanager
async def reading(pool: asyncpg.Pool[Any]) -> AsyncIterator[Conn]:
    """Borrow a connection for plain reads (SELECT statements, no session settings, locks,
    cursors or LISTEN), saving the round trip of the reset query when it is handed back.

    Only if the block finishes normally: a lease cut short (an error, a cancellation) may
    have left a statement running, so it gets the full reset.
    """
    async with pool.acquire() as conn:
        yield conn
        _UNTOUCHED.add(conn._con)  # type: ignore[attr-defined]  # what the pool resets


async def _init_connection(conn: asyncpg.Connection[Any]) -> None:
    # JSON columns come back as Python objects and go in from them.
    for kind in ("json", "jsonb"):
        await conn.set_type_codec(kind, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


@asynccontextmanager
async def open_pool(
    url: str, *, size: int = 10, connect_timeout: float = 10.0
) -> AsyncIterator[asyncpg.Pool[Any]]:
    """Open an asyncpg pool of ``size`` connections and close it on exit.

    :raises DatabaseUnavailable: when the first connections cannot be made.
    """
    try:
        pool = await asyncpg.create_pool(
            url,
            min_size=min(2, size),
            max_size=size,
            timeout=connect_timeout,
            command_timeout=60,
            init=_init_connection,
            reset=_reset,
        )
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        raise DatabaseUnavailable(f"cannot connect to {redact_url(url)}: {exc}") from exc
    try:
        yield pool
    finally:
        await pool.close()
