"""The ingester: owns this process's telemetry store for as long as dais runs.

HTTP handlers append decoded exports to the store directly (it takes concurrent appends and
makes each durable in its write-ahead log before returning); this actor replays what a
killed process left in the log at start, keeps the store flushing to Parquet, compacts
finished hours now and then, applies retention, and flushes what is buffered at shutdown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import anyio

from dais.runtime import Actor

if TYPE_CHECKING:
    from .store import TelemetryStore

__all__ = ["INGESTER", "Ingester"]

log = logging.getLogger(__name__)

#: Name the actor is registered under.
INGESTER = "observe.ingest"
_COMPACT_EVERY = 60.0
_RETENTION_EVERY = 3600.0


class Ingester(Actor[None]):
    mailbox_size = 16

    def __init__(self, store: TelemetryStore) -> None:
        self._store = store

    async def started(self) -> None:
        replayed = await self._store.recover()
        if replayed:
            log.info("telemetry: %d rows replayed from the write-ahead log", replayed)

    async def background(self) -> None:
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._store.run)
            tg.start_soon(self._maintain)

    async def _maintain(self) -> None:
        since_retention = _RETENTION_EVERY  # apply it at the first pass
        while True:
            await anyio.sleep(_COMPACT_EVERY)
            since_retention += _COMPACT_EVERY
            try:
                await self._store.compact()
                if since_retention >= _RETENTION_EVERY:
                    since_retention = 0.0
                    removed = await self._store.apply_retention()
                    if removed:
                        log.info("telemetry: %d hour partitions past retention removed", removed)
            except OSError as exc:
                log.warning("telemetry maintenance failed (%r); will try again", exc)

    async def stopped(self) -> None:
        await self._store.flush()
