"""The migration runner: ``sql/NNNN_name.sql`` applied in lexical order, exactly once.

Each file runs in its own transaction unless its first line is ``-- transactional: false``
(for statements such as ``CREATE INDEX CONCURRENTLY``, which refuse to run in one). Such a
file holds exactly one statement, written to be safe to run again (``IF NOT EXISTS``): if
it fails, nothing records it, and the next start runs it anew. (Splitting a file into
statements would need a full SQL lexer; dollar quotes, ``E''`` strings and nested comments
defeated a small one.)

A session advisory lock serialises concurrent starts. The sha256 of each applied file is
recorded; a file edited after it was applied is a hard error, as is a database that has
applied a migration this code does not know.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import asyncpg
import attrs

if TYPE_CHECKING:
    from dais.storage.database import Conn

__all__ = ["Migration", "MigrationError", "discover", "migrate"]

log = logging.getLogger(__name__)

# pg_advisory_lock key: the first 8 bytes of sha256("dais.migrations"), as a signed bigint.
_LOCK_KEY = int.from_bytes(hashlib.sha256(b"dais.migrations").digest()[:8], "big", signed=True)
_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)\.sql$")
_NON_TRANSACTIONAL = re.compile(r"^--\s*transactional:\s*false\s*$", re.IGNORECASE)


class MigrationError(Exception):
    """The migrations on disk and in the database disagree, or one failed."""


@attrs.frozen
class Migration:
    version: str
    name: str
    sql: str
    checksum: str
    transactional: bool

    @property
    def filename(self) -> str:
        return f"{self.version}_{self.name}.sql"


def default_directory() -> Path:
    """The ``sql/`` directory: inside the wheel (``dais/_sql``) or at the repository root."""
    packaged = resources.files("dais") / "_sql"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "sql"


def discover(directory: Path | None = None) -> list[Migration]:
    """Read every migration file in lexical order.

    :raises MigrationError: for a file whose name is not ``NNNN_name.sql`` or a repeated version.
    """
    directory = directory or default_directory()
    found: list[Migration] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.sql")):
        m = _NAME.match(path.name)
        if not m:
            raise MigrationError(f"{path.name}: migration files are named NNNN_lower_snake.sql")
        if m["version"] in seen:
            raise MigrationError(f"{path.name}: version {m['version']} is used twice")
        seen.add(m["version"])
        raw = path.read_bytes()
        sql = raw.decode("utf-8")
        first = sql.split("\n", 1)[0].strip()
        found.append(
            Migration(
                version=m["version"],
                name=m["name"],
                sql=sql,
                checksum=hashlib.sha256(raw).hexdigest(),
                transactional=not _NON_TRANSACTIONAL.match(first),
            )
        )
    return found


_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     text PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    duration_ms integer NOT NULL
)
"""


async def migrate(
    conn: Conn,
    migrations: list[Migration] | None = None,
    *,
    lock_timeout: float = 300.0,
) -> list[Migration]:
    """Apply pending migrations on ``conn``; return the ones applied now.

    :raises MigrationError: on a drifted checksum, an unknown applied version, or a failing file.
    """
    migrations = discover() if migrations is None else migrations
    try:
        with anyio.fail_after(lock_timeout):
            await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
    except TimeoutError:
        raise MigrationError(
            f"another dais has held the migration lock for over {lock_timeout:g} s; "
            "is a migration stuck?"
        ) from None
    try:
        await conn.execute(_CREATE_TABLE)
        rows = await conn.fetch("SELECT version, name, checksum FROM schema_migrations")
        applied = {r["version"]: r for r in rows}
        known = {m.version for m in migrations}
        for version, row in sorted(applied.items()):
            if version not in known:
                raise MigrationError(
                    f"the database has migration {version}_{row['name']}.sql applied, which this "
                    "version of dais does not have; refusing to run an older dais on a newer schema"
                )
        done: list[Migration] = []
        for migration in migrations:
            row = applied.get(migration.version)
            if row is not None:
                if row["checksum"] != migration.checksum:
                    raise MigrationError(
                        f"sql/{migration.filename} was edited after it was applied "
                        f"(checksum {migration.checksum[:12]} on disk, {row['checksum'][:12]} "
                        "applied); add a new migration instead of editing an applied one"
                    )
                continue
            await _apply(conn, migration)
            done.append(migration)
        return done
    finally:
        with anyio.move_on_after(5, shield=True):
            try:
                await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                # The session lock dies with the connection; do not mask the first error.
                log.warning("could not release the migration lock: %r", exc)


async def _apply(conn: Conn, migration: Migration) -> None:
    started = time.perf_counter()
    record = (
        "INSERT INTO schema_migrations (version, name, checksum, duration_ms) "
        "VALUES ($1, $2, $3, $4)"
    )
    try:
        if migration.transactional:
            async with conn.transaction():
                await conn.execute(migration.sql)
                elapsed = int((time.perf_counter() - started) * 1000)
                await conn.execute(
                    record, migration.version, migration.name, migration.checksum, elapsed
                )
        else:
            await conn.execute(migration.sql)  # one statement, outside any transaction
            elapsed = int((time.perf_counter() - started) * 1000)
            await conn.execute(
                record, migration.version, migration.name, migration.checksum, elapsed
            )
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
        raise MigrationError(f"sql/{migration.filename} failed: {exc}") from exc
    log.info("applied migration %s in %d ms", migration.filename, elapsed)
