"""Collecting Git LFS objects that no project references any more.

The blob store is shared and content-addressed; ``lfs_objects`` says which projects hold
which object. When a project is deleted its rows go with it, and objects only it held
become garbage. The collector sweeps the store now and then (and when asked), removing
objects no row names that were written more than a grace period ago: an upload writes its
file a moment before it records the reference, and the grace keeps such files.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg
import attrs

from dais.runtime import Actor

if TYPE_CHECKING:
    from collections.abc import Collection

    from dais.storage.blobs import BlobStore

__all__ = ["CollectGarbage", "LfsCollector"]

log = logging.getLogger(__name__)

_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


@attrs.frozen
class CollectGarbage:
    """Sweep now; answers how many objects were removed."""


class LfsCollector(Actor[CollectGarbage]):
    mailbox_size = 8

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        store: BlobStore,
        *,
        interval: float = 6 * 3600.0,
        grace: float = 86400.0,
    ) -> None:
        self._pool = pool
        self._store = store
        self._interval = interval
        self._grace = grace
        self._lock = anyio.Lock()  # one sweep at a time in this process

    async def receive(self, message: CollectGarbage) -> int:
        return await self._sweep()

    async def background(self) -> None:
        while True:
            await anyio.sleep(self._interval)
            try:
                await self._sweep()
            except _DB_ERRORS as exc:
                log.warning("LFS garbage collection failed (%r); will try again", exc)

    async def _sweep(self) -> int:
        async with self._lock:
            removed = await self._store.collect(self._referenced, self._grace)
        if removed:
            log.info("removed %d LFS objects no project references", removed)
        return removed

    async def _referenced(self, oids: Collection[str]) -> Collection[str]:
        rows = await self._pool.fetch(
            "SELECT DISTINCT oid FROM lfs_objects WHERE oid = ANY($1::text[])", list(oids)
        )
        return {r["oid"] for r in rows}
