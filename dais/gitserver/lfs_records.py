"""Git LFS rows: which project holds which object (``lfs_objects``) and file locks
(``lfs_locks``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lfs import Lock

if TYPE_CHECKING:
    from collections.abc import Sequence

    import asyncpg

__all__ = ["LfsRecords", "LockExists"]

_LOCK_COLUMNS = "l.id, l.project_id, l.path, l.owner_id, u.username, l.locked_at, l.ref"
_LOCK_FROM = "FROM lfs_locks l JOIN users u ON u.id = l.owner_id"


class LockExists(Exception):
    """Someone holds a lock on that path already: ``lock``."""

    def __init__(self, lock: Lock) -> None:
        super().__init__(f"{lock.path} is locked by {lock.owner_name}")
        self.lock = lock


def _lock(row: Any) -> Lock:
    return Lock(
        id=row["id"],
        project_id=row["project_id"],
        path=row["path"],
        owner_id=row["owner_id"],
        owner_name=row["username"],
        locked_at=row["locked_at"],
        ref=row["ref"],
    )


class LfsRecords:
    def __init__(self, pool: asyncpg.Pool[Any]) -> None:
        self._pool = pool

    # --- objects -------------------------------------------------------------------------

    async def held(self, project_id: int, oids: Sequence[str]) -> dict[str, int]:
        """Which of ``oids`` the project holds, with their sizes."""
        rows = await self._pool.fetch(
            "SELECT oid, size FROM lfs_objects WHERE project_id = $1 AND oid = ANY($2::text[])",
            project_id,
            list(oids),
        )
        return {r["oid"]: r["size"] for r in rows}

    async def record(self, project_id: int, oid: str, size: int) -> None:
        """The project holds the object now (its content is in the blob store)."""
        await self._pool.execute(
            "INSERT INTO lfs_objects (project_id, oid, size) VALUES ($1, $2, $3) "
            "ON CONFLICT (project_id, oid) DO NOTHING",
            project_id,
            oid,
            size,
        )

    async def forget(self, project_id: int, oid: str) -> None:
        await self._pool.execute(
            "DELETE FROM lfs_objects WHERE project_id = $1 AND oid = $2", project_id, oid
        )

    # --- locks ---------------------------------------------------------------------------

    async def create_lock(self, project_id: int, path: str, owner_id: int, ref: str | None) -> Lock:
        """A new lock on ``path``.

        :raises LockExists: carrying the lock already held on ``path``.
        """
        async with self._pool.acquire() as conn:
            for _ in range(3):  # the holder may unlock between our insert and our look
                row = await conn.fetchrow(
                    "INSERT INTO lfs_locks (project_id, path, owner_id, ref) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT (project_id, path) DO NOTHING "
                    "RETURNING id",
                    project_id,
                    path,
                    owner_id,
                    ref,
                )
                found = await conn.fetchrow(
                    f"SELECT {_LOCK_COLUMNS} {_LOCK_FROM} WHERE l.project_id = $1 AND l.path = $2",
                    project_id,
                    path,
                )
                if found is None:
                    continue
                if row is None:
                    raise LockExists(_lock(found))
                return _lock(found)
        raise RuntimeError(f"could not lock {path}: the lock kept changing hands")

    async def lock(self, project_id: int, lock_id: int) -> Lock | None:
        row = await self._pool.fetchrow(
            f"SELECT {_LOCK_COLUMNS} {_LOCK_FROM} WHERE l.project_id = $1 AND l.id = $2",
            project_id,
            lock_id,
        )
        return _lock(row) if row is not None else None

    async def locks(
        self,
        project_id: int,
        *,
        path: str | None = None,
        lock_id: int | None = None,
        after: int = 0,
        limit: int = 100,
    ) -> list[Lock]:
        """Locks in id order, from the first with an id above ``after``."""
        rows = await self._pool.fetch(
            f"SELECT {_LOCK_COLUMNS} {_LOCK_FROM} WHERE l.project_id = $1 "
            "AND ($2::text IS NULL OR l.path = $2) AND ($3::bigint IS NULL OR l.id = $3) "
            "AND l.id > $4 ORDER BY l.id LIMIT $5",
            project_id,
            path,
            lock_id,
            after,
            limit,
        )
        return [_lock(r) for r in rows]

    async def delete_lock(self, project_id: int, lock_id: int) -> bool:
        deleted = await self._pool.fetchval(
            "DELETE FROM lfs_locks WHERE project_id = $1 AND id = $2 RETURNING id",
            project_id,
            lock_id,
        )
        return deleted is not None
