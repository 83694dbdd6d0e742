"""A per-process cache of project records, in front of the projects actor.

Every project route starts by reading its project (by id or by path); asking the actor each
time costs a task and a PostgreSQL query (measured: about a third of ``GET
/api/projects/{id}``). A hit here costs two broker reads: the projects generation, which is
replaced after every committed change to a project (update, rename, visibility, archive,
merge strategies, delete), and the identity generation (:mod:`dais.actors.identity.cache`),
since a project's path holds its owner's username. Both are read *before* the database, so
an answer read from rows older than a change can only be stored under a generation that
change has already retired; with Redis as the broker, a change on one replica retires the
entries of every replica. Misses are not cached: a project that does not exist is looked up
each time.
"""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING

from dais.actors.identity import cache as identity_cache

if TYPE_CHECKING:
    from dais.storage.broker import Broker

    from .messages import ProjectRecord

__all__ = ["CHANGED", "GENERATION_KEY", "ProjectCache", "generation", "retire"]

GENERATION_KEY = "projects:generation"
CHANGED = "projects.changed"


async def retire(broker: Broker) -> None:
    """Start a new generation: every cached project, on every replica, is retired."""
    await broker.set(GENERATION_KEY, secrets.token_hex(8).encode())
    await broker.publish(CHANGED, b"")


async def generation(broker: Broker) -> str:
    """The generation cached projects are valid under; read it *before* the database."""
    value = await broker.get(GENERATION_KEY)
    projects = "0" if value is None else value.decode()
    return f"{projects}:{await identity_cache.generation(broker)}"


class ProjectCache:
    """Project reference (an id or ``owner/name``) -> project, bounded in size and age."""

    def __init__(self, ttl: float = 10.0, max_entries: int = 10_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._entries: dict[str, tuple[str, float, ProjectRecord]] = {}

    def get(self, ref: str, current: str) -> ProjectRecord | None:
        entry = self._entries.get(ref)
        if entry is None:
            return None
        made_under, deadline, project = entry
        if made_under != current or time.monotonic() >= deadline:
            del self._entries[ref]
            return None
        return project

    def put(self, ref: str, made_under: str, project: ProjectRecord) -> None:
        if len(self._entries) >= self._max:
            self._entries.clear()  # rare; a full sweep is simpler than LRU bookkeeping
        self._entries[ref] = (made_under, time.monotonic() + self._ttl, project)
