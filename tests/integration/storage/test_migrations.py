from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import asyncpg
import pytest

from dais.storage.migrations import MigrationError, discover, migrate


def _write(directory: Path, name: str, sql: str) -> None:
    (directory / name).write_text(sql)


async def _tables(conn: asyncpg.Connection[Any]) -> set[str]:
    rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {r["tablename"] for r in rows}


async def test_applies_shipped_migrations_once(empty_database_url: str) -> None:
    conn = await asyncpg.connect(empty_database_url)
    try:
        first = await migrate(conn)
        assert [m.filename for m in first] == [m.filename for m in discover()]
        assert {"events", "event_cursors", "schema_migrations"} <= await _tables(conn)
        assert await migrate(conn) == []
        rows = await conn.fetch("SELECT version, checksum FROM schema_migrations")
        assert {r["version"]: r["checksum"] for r in rows} == {
            m.version: m.checksum for m in discover()
        }
    finally:
        await conn.close()


async def test_edited_applied_migration_is_a_hard_error(
    empty_database_url: str, tmp_path: Path
) -> None:
    _write(tmp_path, "0001_people.sql", "CREATE TABLE people (name text);")
    conn = await asyncpg.connect(empty_database_url)
    try:
        await migrate(conn, discover(tmp_path))
        _write(tmp_path, "0001_people.sql", "CREATE TABLE people (name text, age int);")
        _write(tmp_path, "0002_more.sql", "CREATE TABLE more (x int);")
        with pytest.raises(
            MigrationError, match=r"sql/0001_people.sql was edited after it was applied"
        ):
            await migrate(conn, discover(tmp_path))
        assert "more" not in await _tables(conn)  # nothing after the drift was applied
    finally:
        await conn.close()


async def test_unknown_applied_migration_refuses_to_run(
    empty_database_url: str, tmp_path: Path
) -> None:
    _write(tmp_path, "0001_a.sql", "CREATE TABLE a (x int);")
    _write(tmp_path, "0002_b.sql", "CREATE TABLE b (x int);")
    conn = await asyncpg.connect(empty_database_url)
    try:
        await migrate(conn, discover(tmp_path))
        (tmp_path / "0002_b.sql").unlink()
        with pytest.raises(MigrationError, match="0002_b.sql applied, which this version"):
            await migrate(conn, discover(tmp_path))
    finally:
        await conn.close()


async def test_failing_migration_leaves_nothing_half_written(
    empty_database_url: str, tmp_path: Path
) -> None:
    _write(tmp_path, "0001_ok.sql", "CREATE TABLE ok (x int);")
    _write(tmp_path, "0002_bad.sql", "CREATE TABLE half (x int);\nSELECT no_such_function();")
    conn = await asyncpg.connect(empty_database_url)
    try:
        with pytest.raises(MigrationError, match=r"sql/0002_bad.sql failed: .*no_such_function"):
            await migrate(conn, discover(tmp_path))
        tables = await _tables(conn)
        assert "ok" in tables and "half" not in tables
        versions = await conn.fetch("SELECT version FROM schema_migrations")
        assert [r["version"] for r in versions] == ["0001"]
    finally:
        await conn.close()


async def test_non_transactional_migration_runs_outside_a_transaction(
    empty_database_url: str, tmp_path: Path
) -> None:
    _write(tmp_path, "0001_t.sql", "CREATE TABLE t (x int);")
    _write(
        tmp_path,
        "0002_index.sql",
        "-- transactional: false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS t_x ON t (x);\n",
    )
    conn = await asyncpg.connect(empty_database_url)
    try:
        applied = await migrate(conn, discover(tmp_path))
        assert [m.transactional for m in applied] == [True, False]
        indexes = await conn.fetch("SELECT indexname FROM pg_indexes WHERE tablename = 't'")
        assert {r["indexname"] for r in indexes} == {"t_x"}
    finally:
        await conn.close()


async def test_concurrent_starts_apply_each_migration_once(
    empty_database_url: str, tmp_path: Path
) -> None:
    # pg_sleep makes the first runner hold the advisory lock while the others queue behind it.
    _write(tmp_path, "0001_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE slow (x int);")
    results: list[list[str]] = []

    async def run() -> None:
        conn = await asyncpg.connect(empty_database_url)
        try:
            results.append([m.filename for m in await migrate(conn, discover(tmp_path))])
        finally:
            await conn.close()

    async with anyio.create_task_group() as tg:
        for _ in range(4):
            tg.start_soon(run)
    assert sorted(results) == [[], [], [], ["0001_slow.sql"]]
