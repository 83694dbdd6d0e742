"""The filesystem blob store: verified, atomic writes; ranged reads."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import anyio
import pytest

from dais.storage.blobs import BlobMismatch, BlobStore, FilesystemBlobStore, check_oid


def _oid(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


async def _put(store: BlobStore, data: bytes, *, chunk: int = 7000) -> None:
    async with store.open_writer(_oid(data), len(data)) as writer:
        for i in range(0, len(data), chunk):
            await writer.write(data[i : i + chunk])
        await writer.commit()


async def _read(store: BlobStore, oid: str, start: int = 0, end: int | None = None) -> bytes:
    return b"".join([c async for c in store.open_reader(oid, start, end)])


async def test_write_verify_and_read_back(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = os.urandom(3 * 1024 * 1024 + 123)  # several pieces and a partial one
    oid = _oid(data)
    assert await store.exists(oid) is None
    await _put(store, data, chunk=65536)
    assert await store.exists(oid) == len(data)
    # Content-addressed, sharded by the first two byte pairs.
    assert (tmp_path / oid[:2] / oid[2:4] / oid).read_bytes() == data
    assert await _read(store, oid) == data
    assert _leftovers(tmp_path) == [tmp_path / oid[:2] / oid[2:4] / oid]


async def test_ranges(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = bytes(range(256)) * 4000
    await _put(store, data)
    oid = _oid(data)
    assert await _read(store, oid, 10, 20) == data[10:20]
    assert await _read(store, oid, 300_000) == data[300_000:]
    assert await _read(store, oid, 5, 5) == b""
    assert await _read(store, oid, len(data) - 1, len(data) + 50) == data[-1:]
    with pytest.raises(ValueError):
        await _read(store, oid, 20, 10)


async def test_wrong_content_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    claimed = _oid(b"the real thing")
    with pytest.raises(BlobMismatch, match="sha256"):
        async with store.open_writer(claimed, 14) as writer:
            await writer.write(b"something else")
            await writer.commit()
    assert await store.exists(claimed) is None
    assert _leftovers(tmp_path) == []


async def test_size_mismatch_both_ways(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = b"0123456789"
    with pytest.raises(BlobMismatch, match="longer than the declared size"):
        async with store.open_writer(_oid(data), 5) as writer:
            await writer.write(data)
    with pytest.raises(BlobMismatch, match="not the declared 11"):
        async with store.open_writer(_oid(data), 11) as writer:
            await writer.write(data)
            await writer.commit()
    assert _leftovers(tmp_path) == []
    # Unknown size: the hash alone decides.
    async with store.open_writer(_oid(data), None) as writer:
        await writer.write(data)
        await writer.commit()
    assert await store.exists(_oid(data)) == 10


async def test_abandoned_and_cancelled_writes_leave_nothing(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = os.urandom(2 * 1024 * 1024)
    async with store.open_writer(_oid(data), len(data)) as writer:
        await writer.write(data[:1000])  # and never committed
    with anyio.move_on_after(0.01):
        async with store.open_writer(_oid(data), len(data)) as writer:
            await writer.write(data)
            await anyio.sleep(10)
    assert await store.exists(_oid(data)) is None
    assert _leftovers(tmp_path) == []


async def test_concurrent_writers_of_one_object(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = os.urandom(1_500_000)
    async with anyio.create_task_group() as tg:
        for _ in range(4):
            tg.start_soon(_put, store, data)
    assert await _read(store, _oid(data)) == data
    assert len(_leftovers(tmp_path)) == 1


async def test_delete_and_bad_names(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    await _put(store, b"x")
    assert await store.delete(_oid(b"x")) is True
    assert await store.delete(_oid(b"x")) is False
    with pytest.raises(FileNotFoundError):
        await _read(store, _oid(b"x"))
    for bad in ("../../etc/passwd", "A" * 64, "0" * 63, "g" * 64, ""):
        with pytest.raises(ValueError):
            check_oid(bad)
        with pytest.raises(ValueError):
            await store.exists(bad)
        with pytest.raises(ValueError):
            async with store.open_writer(bad, 1):
                pass


async def test_stale_uploads_are_swept(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    old = incoming / "old.part"
    old.write_bytes(b"x")
    os.utime(old, (0, 0))
    (incoming / "new.part").write_bytes(b"y")
    assert await store.remove_stale_uploads(3600) == 1
    assert sorted(p.name for p in incoming.iterdir()) == ["new.part"]


# --- collecting unreferenced objects ------------------------------------------------------


def _age(store: FilesystemBlobStore, oid: str, seconds: float) -> None:
    path = store.path_of(oid)
    old = path.stat().st_mtime - seconds
    os.utime(path, (old, old))


async def test_collect_removes_only_old_unreferenced_objects(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    kept, garbage, fresh = b"kept" * 100, b"garbage" * 100, b"fresh" * 100
    for data in (kept, garbage, fresh):
        await _put(store, data)
    _age(store, _oid(kept), 7200)
    _age(store, _oid(garbage), 7200)
    asked: list[list[str]] = []

    async def referenced(oids: object) -> set[str]:
        asked.append(sorted(oids))  # type: ignore[call-overload]
        return {_oid(kept)}

    assert await store.collect(referenced, older_than=3600) == 1
    assert await store.exists(_oid(garbage)) is None
    assert await store.exists(_oid(kept)) == len(kept)
    assert await store.exists(_oid(fresh)) == len(fresh)  # within the grace period
    assert sorted(asked[0]) == sorted([_oid(kept), _oid(garbage)])  # only old ones asked about
    assert _leftovers(tmp_path / "incoming") == []


async def test_an_object_referenced_during_collection_is_put_back(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = b"racing" * 100
    await _put(store, data)
    _age(store, _oid(data), 7200)
    calls = 0

    async def referenced(oids: object) -> set[str]:
        nonlocal calls
        calls += 1
        # First the sweep sees no reference; by the re-check an upload has recorded one.
        return set() if calls == 1 else {_oid(data)}

    assert await store.collect(referenced, older_than=3600) == 0
    assert await _read(store, _oid(data)) == data
    assert _leftovers(tmp_path / "incoming") == []


async def test_an_object_uploaded_again_during_collection_survives(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    data = b"again" * 100
    await _put(store, data)
    _age(store, _oid(data), 7200)

    async def referenced(oids: object) -> set[str]:
        # The sweep found it old and unreferenced; meanwhile an upload wrote it anew (its
        # reference not yet recorded): the file renamed aside is the fresh one.
        await _put(store, data)
        return set()

    assert await store.collect(referenced, older_than=3600) == 0
    assert await _read(store, _oid(data)) == data
