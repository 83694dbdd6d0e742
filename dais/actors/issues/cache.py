"""A per-process cache of issue listing pages, kept by the issues actor.

A label-filtered listing costs PostgreSQL two statements (the page's ids and the count, then
the page's JSON): measured, about as much database CPU as dais spends on the request. A page
is kept under its project's *generation*: a random value in the broker, replaced after every
committed change in the project's issues, labels, milestones or comments (by the issues
actor, whichever way the change came, and by the close-on-merge subscriber), and the
identity generation, replaced after every change to users (usernames appear in pages).
Both are read *before* the database, so a page read from rows older than a change can only
be stored under a generation that change has already retired; with Redis as the broker, a
change on one replica retires the pages of every replica. The TTL is only a safety net
(and the bound on how long rows written around dais, such as a bulk import in SQL, can go
unseen). Without a broker (``IssuesActor(pool)``), nothing is cached.
"""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING, Generic, TypeVar

from dais.actors.identity import cache as identity_cache

if TYPE_CHECKING:
    from dais.storage.broker import Broker

__all__ = ["ListingCache", "generation", "retire"]

K = TypeVar("K")
V = TypeVar("V")

_KEY = "issues:generation:"


async def retire(broker: Broker, project_id: int) -> None:
    """Start a new generation of ``project_id``'s listings, on every replica."""
    await broker.set(f"{_KEY}{project_id}", secrets.token_hex(8).encode())


async def generation(broker: Broker, project_id: int) -> str:
    """The generation ``project_id``'s listings are valid under; read it *before* the
    database."""
    value = await broker.get(f"{_KEY}{project_id}")
    issues = "0" if value is None else value.decode()
    return f"{issues}:{await identity_cache.generation(broker)}"


class ListingCache(Generic[K, V]):
    """Key -> value made under a generation, bounded in size and age. The issues actor keeps
    pages by (project, query); the HTTP layer keeps encoded answers by request."""

    def __init__(self, ttl: float = 10.0, max_entries: int = 5_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._entries: dict[K, tuple[str, float, V]] = {}

    def get(self, key: K, current: str) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        made_under, deadline, value = entry
        if made_under != current or time.monotonic() >= deadline:
            del self._entries[key]
            return None
        return value

    def put(self, key: K, made_under: str, value: V) -> None:
        if len(self._entries) >= self._max:
            self._entries.clear()  # rare; a full sweep is simpler than LRU bookkeeping
        self._entries[key] = (made_under, time.monotonic() + self._ttl, value)
