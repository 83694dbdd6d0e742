"""Secrets through the actor and PostgreSQL: set (seal, store a version, audit) and read
(load, open, audit), 32 at a time, as the API's handlers ask them.

The issue's target, 5,000 secrets/s each way on one core, is for encryption with storage;
each set is one transaction of six statements and each read one of three (the audit row is
written in the transaction, by design), so the database is the bound here, not the
cryptography (see ``bench.secrets`` for the envelope alone). The peer is the same
transactions' SQL with no encryption at all, run the same way: the floor the engine's
own work sits on.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from typing import Any

import asyncpg

from dais.actors.identity.messages import AuditContext
from dais.actors.secrets.actor import SecretsActor
from dais.actors.secrets.keyring import load_keyring
from dais.actors.secrets.messages import PutSecret, RevealSecret, Scope
from dais.config import load_settings
from dais.runtime import ActorSystem, ChildSpec
from dais.storage.migrations import migrate

N = 5000
CONCURRENCY = 32
_AUDIT = AuditContext(actor_id=None, actor_name="bench", client_address=None, user_agent=None)


async def _many(n: int, call: Any) -> float:
    """Calls per second of ``call(i)``, ``CONCURRENCY`` in flight."""
    queue = iter(range(n))

    async def worker() -> None:
        for i in queue:
            await call(i)

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return n / (time.perf_counter() - began)


async def _run(database_url: str) -> dict[str, float]:
    pool = await asyncpg.create_pool(database_url, min_size=10, max_size=10)
    assert pool is not None
    try:
        async with pool.acquire() as conn:
            await migrate(conn)
            owner = await conn.fetchval(
                "INSERT INTO users (kind, username) VALUES ('human', 'bench') RETURNING id"
            )
            project = await conn.fetchval(
                "INSERT INTO projects (owner_id, name) VALUES ($1, 'bench') RETURNING id", owner
            )
        with tempfile.TemporaryDirectory() as data:
            keyring = load_keyring(load_settings({"DAIS_DATA_DIR": data}))
            # Ten environments of 500 secrets each: a scope holds at most 500.
            scopes = [Scope(project, f"env{e}") for e in range(10)]
            value = os.urandom(500).hex()  # 1,000 characters
            async with ActorSystem("bench") as system:
                ref = await system.start_child(
                    ChildSpec("secrets", lambda: SecretsActor(pool, keyring))
                )
                put = await _many(
                    N,
                    lambda i: ref.ask(
                        PutSecret(scopes[i % 10], f"NAME_{i // 10}", value, _AUDIT), timeout=30
                    ),
                )
                read = await _many(
                    N,
                    lambda i: ref.ask(
                        RevealSecret(scopes[i % 10], f"NAME_{i // 10}", _AUDIT), timeout=30
                    ),
                )

            async def plain_put(i: int) -> None:
                async with pool.acquire() as conn, conn.transaction():
                    row = await conn.fetchrow(
                        "INSERT INTO secrets (project_id, name, version) VALUES ($1, $2, 1) "
                        "RETURNING id",
                        project,
                        f"PLAIN_{i}",
                    )
                    await conn.execute(
                        "INSERT INTO secret_versions (secret_id, version, key_id, wrapped_key, "
                        "nonce, ciphertext, size) VALUES ($1, 1, 'x', '', '', $2, 1000)",
                        row["id"],
                        value.encode(),
                    )
                    await conn.execute(
                        "INSERT INTO audit_log (actor_name, action, target_type) "
                        "VALUES ('bench', 'secret.create', 'project')"
                    )

            plain = await _many(N, plain_put)
    finally:
        await pool.close()
    return {"put_per_s": put, "read_per_s": read, "plain_sql_put_per_s": plain}


def main(database_url: str) -> dict[str, float]:
    figures = asyncio.run(_run(database_url))
    print(
        f"secrets through the actor and PostgreSQL, {N:,} of 1,000 characters,"
        f" {CONCURRENCY} at once"
    )
    print(f"  set (seal + store + audit):  {figures['put_per_s']:>8,.0f}/s")
    print(f"  read (load + open + audit):  {figures['read_per_s']:>8,.0f}/s")
    print(
        f"  peer, the set's SQL without encryption: {figures['plain_sql_put_per_s']:,.0f}/s "
        f"(engine at {figures['put_per_s'] / figures['plain_sql_put_per_s']:.2f}x of it)"
    )
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
