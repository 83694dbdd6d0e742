"""The connection pool: what a borrowed connection leaves behind when it goes back."""

from __future__ import annotations

from dais.storage.database import open_pool


async def test_a_transaction_left_open_is_rolled_back_on_release(database_url: str) -> None:
    async with open_pool(database_url, size=1) as pool:
        await pool.execute("CREATE TABLE scratch (n int)")
        async with pool.acquire() as conn:
            # Begun and never ended: a handler that crashed half-way.
            await conn.execute("BEGIN")
            await conn.execute("INSERT INTO scratch VALUES (1)")
        async with pool.acquire() as conn:  # the same connection: the pool holds one
            assert not conn.is_in_transaction()
            assert await conn.fetchval("SELECT count(*) FROM scratch") == 0
