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
