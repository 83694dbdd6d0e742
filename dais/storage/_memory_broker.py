"""The in-process broker: the single-node default, needing no service."""

from __future__ import annotations

import time
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from anyio.lowlevel import checkpoint

from ._broker import Message, Subscription, check_ttl

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

#: Expired entries are swept after this many writes at least, or after as many
#: writes as half the store holds, whichever is larger: the sweep's O(n) cost is
#: amortised to O(1) per write and expired entries never outnumber the writes
#: since the last sweep.
_SWEEP_MIN_WRITES = 1024


class InMemoryBroker:
    """A broker living in this process's memory.

    Every method runs without awaiting between reading and writing its state, so
    on one event loop each call is atomic by construction. Each still passes one
    checkpoint first, so callers get the same cancellation points as with Redis and
    a publishing loop cannot starve the event loop.
    """

    kind = "memory"

    def __init__(self) -> None:
        # key -> (value, monotonic deadline or None)
        self._entries: dict[str, tuple[bytes, float | None]] = {}
        # channel -> subscriptions, as an insertion-ordered set
        self._subscribers: dict[str, dict[Subscription, None]] = {}
        self._writes_since_sweep = 0

    async def publish(self, channel: str, message: bytes) -> int:
        """Hand ``message`` to each subscriber of ``channel`` without waiting.

        :return: how many subscribers accepted it (full mailboxes drop it)
        """
        await checkpoint()
        delivered = Message(channel=channel, data=message)
        return sum(sub._deliver(delivered) for sub in self._subscribers.get(channel, ()))

    @asynccontextmanager
    async def subscribe(self, *channels: str, maxsize: int = 1024) -> AsyncIterator[Subscription]:
        """Subscribe to ``channels`` for the duration of the ``async with`` block."""
        subscription = Subscription(channels, maxsize)
        for channel in subscription.channels:
            self._subscribers.setdefault(channel, {})[subscription] = None
        try:
            yield subscription
        finally:
            for channel in subscription.channels:
                subscribers = self._subscribers[channel]
                del subscribers[subscription]
                if not subscribers:
                    del self._subscribers[channel]
            subscription._close()

    async def get(self, key: str) -> bytes | None:
        await checkpoint()
        entry = self._live(key, time.monotonic())
        return None if entry is None else entry[0]

    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None:
        if ttl is not None:
            check_ttl(ttl)
        await checkpoint()
        now = time.monotonic()
        self._entries[key] = (value, None if ttl is None else now + ttl)
        self._wrote(now)

    async def delete(self, key: str) -> None:
        await checkpoint()
        self._entries.pop(key, None)

    async def delete_prefix(self, prefix: str) -> int:
        await checkpoint()
        now = time.monotonic()
        doomed = [key for key in self._entries if key.startswith(prefix)]
        live = 0
        for key in doomed:
            _, deadline = self._entries.pop(key)
            live += deadline is None or deadline > now
        return live

    async def incr(self, key: str, *, ttl: float) -> int:
        check_ttl(ttl)
        await checkpoint()
        now = time.monotonic()
        entry = self._live(key, now)
        value, deadline = (b"0", None) if entry is None else entry
        try:
            count = int(value) + 1
        except ValueError:
            raise ValueError(f"{key!r} does not hold an integer") from None
        # A counter left without expiry (set() without ttl) would never reset, so it
        # gets one too; this mirrors the Redis script.
        self._entries[key] = (b"%d" % count, now + ttl if deadline is None else deadline)
        self._wrote(now)
        return count

    async def ttl(self, key: str) -> float | None:
        await checkpoint()
        now = time.monotonic()
        entry = self._live(key, now)
        if entry is None or entry[1] is None:
            return None
        return entry[1] - now

    async def ping(self) -> None:
        await checkpoint()

    async def aclose(self) -> None:
        """Drop all entries; open subscriptions end with their ``async with`` blocks."""
        self._entries.clear()

    def _live(self, key: str, now: float) -> tuple[bytes, float | None] | None:
        """Return the unexpired entry under ``key``, removing it if it has expired."""
        entry = self._entries.get(key)
        if entry is not None and entry[1] is not None and entry[1] <= now:
            del self._entries[key]
            return None
        return entry

    def _wrote(self, now: float) -> None:
        self._writes_since_sweep += 1
        if self._writes_since_sweep < max(_SWEEP_MIN_WRITES, len(self._entries) // 2):
            return
        self._writes_since_sweep = 0
        expired = [
            key
            for key, (_, deadline) in self._entries.items()
            if deadline is not None and deadline <= now
        ]
        for key in expired:
            del self._entries[key]
