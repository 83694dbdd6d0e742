"""Pub/sub, short-lived cache entries and TTL counters: in process or on Redis/Valkey.

One interface, two implementations: :class:`InMemoryBroker` (the single-node
default) and :class:`RedisBroker` (``DAIS_REDIS_URL``, for several replicas).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from ._broker import Broker as Broker
from ._broker import BrokerUnavailable as BrokerUnavailable
from ._broker import Message as Message
from ._broker import Subscription as Subscription
from ._memory_broker import InMemoryBroker as InMemoryBroker
from ._redis_broker import RedisBroker as RedisBroker

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

__all__ = [
    "Broker",
    "BrokerUnavailable",
    "InMemoryBroker",
    "Message",
    "RedisBroker",
    "Subscription",
    "open_broker",
]


@asynccontextmanager
async def open_broker(redis_url: str | None, *, key_prefix: str = "dais:") -> AsyncIterator[Broker]:
    """Open the in-process broker when ``redis_url`` is None, else a Redis one.

    Connecting is lazy: call :meth:`Broker.ping` to fail fast at startup. The broker
    is closed when the block exits. ``key_prefix`` namespaces Redis keys and channels
    so several deployments can share a server; the in-process broker has nothing to
    share and ignores it.
    """
    broker: Broker = (
        InMemoryBroker() if redis_url is None else RedisBroker(redis_url, key_prefix=key_prefix)
    )
    try:
        yield broker
    finally:
        await broker.aclose()
