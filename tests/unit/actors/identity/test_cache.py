from __future__ import annotations

import time

from dais.actors.identity.cache import PrincipalCache
from dais.actors.identity.messages import Principal, UserKind


def _principal(expires_at: float | None = None) -> Principal:
    return Principal(
        user_id=1,
        username="a",
        kind=UserKind.HUMAN,
        is_admin=False,
        token_id=7,
        expires_at=expires_at,
    )


def test_hit_only_under_the_same_generation() -> None:
    cache = PrincipalCache(ttl=60)
    cache.put(b"d", "g1", _principal())
    assert cache.get(b"d", "g1") is not None
    assert cache.get(b"d", "g2") is None  # a change anywhere retires it
    assert cache.get(b"d", "g1") is None  # and it is gone for good


def test_ttl_and_token_expiry() -> None:
    cache = PrincipalCache(ttl=0.0)
    cache.put(b"d", "g", _principal())
    assert cache.get(b"d", "g") is None
    cache = PrincipalCache(ttl=60)
    cache.put(b"d", "g", _principal(expires_at=time.time() - 1))
    assert cache.get(b"d", "g") is None


def test_bounded() -> None:
    cache = PrincipalCache(ttl=60, max_entries=3)
    for i in range(10):
        cache.put(bytes([i]), "g", _principal())
    assert sum(cache.get(bytes([i]), "g") is not None for i in range(10)) <= 3
