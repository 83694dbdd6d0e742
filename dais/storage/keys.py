"""Signing keys shared by every replica on one database, made on first use.

A key signs short-lived grants (Git LFS transfer actions): one replica issues the grant and
another, behind the same load balancer, may be the one asked to honour it. Anyone who can
read the database can read these keys; such a reader can read everything they protect
anyway. Keys that must withstand that belong in the secrets engine.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncpg

__all__ = ["shared_key"]

_KEY_BYTES = 32


async def shared_key(pool: asyncpg.Pool[Any], name: str) -> bytes:
    """The key called ``name``: the one stored, or a new random one stored now.

    Two replicas asking at once get the same key: the first insert wins and the other reads it.
    """
    key: bytes | None = await pool.fetchval(
        "INSERT INTO signing_keys (name, key) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING "
        "RETURNING key",
        name,
        os.urandom(_KEY_BYTES),
    )
    if key is None:
        key = await pool.fetchval("SELECT key FROM signing_keys WHERE name = $1", name)
    if key is None:  # deleted between the two statements: an operator rotating it
        return await shared_key(pool, name)
    return bytes(key)
