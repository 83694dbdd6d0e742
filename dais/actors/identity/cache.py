"""A per-process cache of authenticated token principals, in front of the identity actor.

Every API request with a token authenticates it; asking the actor each time costs a task
and two broker reads (measured: about half of a cached ``GET /api/user``). A hit here costs
one broker read: the cache generation, which the identity actor replaces after every
committed change to users, tokens, roles or delegations, on every replica (through the
broker). An entry made under an older generation is never used, nor one past its TTL or its
token's expiry, so a revoked token or a disabled user is refused at once.
"""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dais.storage.broker import Broker

    from .messages import Principal

__all__ = [
    "CHANGED",
    "GENERATION_KEY",
    "PrincipalCache",
    "generation",
    "permission_key",
    "retire",
]

GENERATION_KEY = "identity:generation"
CHANGED = "identity.changed"


async def retire(broker: Broker) -> None:
    """Start a new generation: every cached identity answer, on every replica, is retired."""
    await broker.set(GENERATION_KEY, secrets.token_hex(8).encode())
    await broker.publish(CHANGED, b"")


async def generation(broker: Broker) -> str:
    """The current cache generation; read it *before* the rows a cached answer is built of."""
    value = await broker.get(GENERATION_KEY)
    return "0" if value is None else value.decode()


def permission_key(current: str, user_id: int, project_id: int | None) -> str:
    """The broker key under which the identity actor keeps a user's resolved permissions
    (on a project, or outside any), for generation ``current``: a comma list of permission
    names, stored for no longer than the answer holds (a delegation may end sooner)."""
    return f"perm:{current}:{user_id}:{'-' if project_id is None else project_id}"


class PrincipalCache:
    """Token digest -> principal, bounded in size and age."""

    def __init__(self, ttl: float, max_entries: int = 10_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._entries: dict[bytes, tuple[str, float, Principal]] = {}

    def get(self, digest: bytes, current: str) -> Principal | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        made_under, deadline, principal = entry
        now = time.monotonic()
        if made_under != current or now >= deadline:
            del self._entries[digest]
            return None
        if principal.expires_at is not None and principal.expires_at <= time.time():
            del self._entries[digest]
            return None
        return principal

    def put(self, digest: bytes, made_under: str, principal: Principal) -> None:
        if len(self._entries) >= self._max:
            self._entries.clear()  # rare; a full sweep is simpler than LRU bookkeeping
        self._entries[digest] = (made_under, time.monotonic() + self._ttl, principal)
