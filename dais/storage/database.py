"""The PostgreSQL connection pool."""

from __future__ import annotations

import json
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

__all__ = ["DatabaseUnavailable", "open_pool"]


class DatabaseUnavailable(Exception):
    """PostgreSQL could not be reached."""


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
        )
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        raise DatabaseUnavailable(f"cannot connect to {redact_url(url)}: {exc}") from exc
    try:
        yield pool
    finally:
        await pool.close()
