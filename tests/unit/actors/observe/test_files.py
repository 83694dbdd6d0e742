"""The telemetry store's Parquet files behind :class:`PartitionFiles`: the local one, and the
store run against an in-memory one (proof that the interface is all the store needs)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from dais.actors.observe.files import LocalPartitionFiles
from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.records import Signal
from dais.actors.observe.store import TelemetryStore
from tests.integration.observe.conftest import T0, log_row, logs, span_row, spans

HOUR = timedelta(hours=1)


class MemoryPartitionFiles:
    """Objects in a dict: no directories, no rename. DuckDB opens a file by name only, so
    :meth:`locate` exports the object to a scratch directory (what httpfs would fetch)."""

    def __init__(self, scratch: Path) -> None:
        self.objects: dict[str, bytes] = {}
        self.scratch = scratch
        self.fail_put: str | None = None  # puts of names with this prefix raise
        self.fail_delete: str | None = None  # and deletes

    def put(self, name: str, data: bytes) -> None:
        if self.fail_put is not None and name.startswith(self.fail_put):
            raise OSError(5, "Input/output error")
        self.objects[name] = bytes(data)

    def read(self, name: str) -> bytes:
        try:
            return self.objects[name]
        except KeyError:
            raise FileNotFoundError(name) from None

    def size(self, name: str) -> int:
        return len(self.read(name))

    def exists(self, name: str) -> bool:
        return name in self.objects

    def delete(self, name: str) -> None:
        if self.fail_delete is not None and name.startswith(self.fail_delete):
            raise OSError(5, "Input/output error")
        self.objects.pop(name, None)

    def children(self, prefix: str) -> list[str]:
        start = f"{prefix}/"
        return sorted({n[len(start) :].split("/")[0] for n in self.objects if n.startswith(start)})

    def locate(self, name: str) -> Path:
        path = self.scratch / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.read(name))
        return path

    def discard_incomplete(self) -> None:
        pass


def _on_disk(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


async def _bodies(query: TelemetryQuery, project_id: int = 1) -> list[str]:
    page = await query.logs(project_id, start=T0 - 48 * HOUR, end=T0 + 48 * HOUR, limit=1000)
    return sorted(page.records.column("body").to_pylist())


async def test_the_store_keeps_every_parquet_file_in_its_partition_files(tmp_path: Path) -> None:
    files = MemoryPartitionFiles(tmp_path / "scratch")
    store = TelemetryStore(tmp_path / "data", flush_interval=3600, files=files)
    await store.recover()
    for n in range(3):
        await store.append(1, Signal.LOGS, logs(log_row(T0 + n * HOUR / 2, f"b{n}")))
        await store.append(1, Signal.TRACES, spans(span_row(f"{n:032x}", "1" * 16, T0)))
        await store.flush()
    # Nothing but the (emptied) write-ahead log directories on the local disk.
    assert _on_disk(tmp_path / "data") == []
    hours = sorted({name.rsplit("/", 1)[0] for name in files.objects})
    assert hours == [
        "logs/1/2026-03-01/10",
        "logs/1/2026-03-01/11",
        "traces-index/1/2026-03-01/10",
        "traces/1/2026-03-01/10",
    ]
    query = TelemetryQuery(store)
    try:
        assert await _bodies(query) == ["b0", "b1", "b2"]
        assert (await query.trace(1, f"{2:032x}")).num_rows == 1

        assert await store.compact(older_than=0) == 2  # two log files, three span files
        assert len([n for n in files.objects if n.startswith("traces/")]) == 1
        assert len([n for n in files.objects if n.startswith("traces-index/")]) == 1
        assert not [n for n in files.objects if n.startswith("journal/")]
        assert await _bodies(query) == ["b0", "b1", "b2"]
        for n in range(3):
            assert (await query.trace(1, f"{n:032x}")).num_rows == 1

        assert await store.apply_retention(now=T0 + 30 * 24 * HOUR) == 4
        assert files.objects == {}
        assert await _bodies(query) == []
    finally:
        query.close()


async def test_an_interrupted_compaction_needs_no_rename_to_be_undone_or_finished(
    tmp_path: Path,
) -> None:
    files = MemoryPartitionFiles(tmp_path / "scratch")
    store = TelemetryStore(tmp_path / "data", flush_interval=3600, files=files)
    for n in range(3):
        await store.append(1, Signal.TRACES, spans(span_row(f"{n:032x}", "1" * 16, T0)))
        await store.flush()
    small = set(files.objects)

    # The merged spans file is put, its index is not: undone at once.
    files.fail_put = "traces-index/"
    with pytest.raises(OSError, match="Input/output"):
        await store.compact(older_than=0)
    assert set(files.objects) == small
    files.fail_put = None

    # Every merged file is put, the small ones cannot be deleted: stuck until a restart.
    files.fail_delete = "traces/"
    with pytest.raises(OSError, match="Input/output"):
        await store.compact(older_than=0)
    assert len([n for n in files.objects if n.startswith("journal/")]) == 1
    files.fail_delete = None
    restarted = TelemetryStore(tmp_path / "data", flush_interval=3600, files=files)
    await restarted.recover()
    assert not [n for n in files.objects if n.startswith("journal/")]
    assert len([n for n in files.objects if n.startswith("traces/")]) == 1
    query = TelemetryQuery(restarted)
    try:
        for n in range(3):
            assert (await query.trace(1, f"{n:032x}")).num_rows == 1
    finally:
        query.close()


# --- LocalPartitionFiles ---------------------------------------------------------------


def test_a_put_interrupted_before_its_rename_leaves_the_old_object_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = LocalPartitionFiles(tmp_path)
    files.put("logs/1/2026-03-01/10/part-a.parquet", b"old")

    def crash(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="Input/output"):
        files.put("logs/1/2026-03-01/10/part-a.parquet", b"new")
    with pytest.raises(OSError, match="Input/output"):
        files.put("logs/1/2026-03-01/10/part-b.parquet", b"new")
    monkeypatch.undo()
    assert files.read("logs/1/2026-03-01/10/part-a.parquet") == b"old"
    assert not files.exists("logs/1/2026-03-01/10/part-b.parquet")
    assert files.children("logs/1/2026-03-01/10") == ["part-a.parquet"]
    assert os.listdir(tmp_path / "logs/1/2026-03-01/10") == ["part-a.parquet"]


def test_a_killed_put_leaves_a_temporary_only_start_up_discards(tmp_path: Path) -> None:
    files = LocalPartitionFiles(tmp_path)
    hour = tmp_path / "logs" / "1" / "2026-03-01" / "10"
    hour.mkdir(parents=True)
    (hour / ".tmp-0123-part-a.parquet").write_bytes(b"half")  # a kill -9 mid-write
    assert files.children("logs/1/2026-03-01/10") == []
    files.discard_incomplete()
    assert list(hour.iterdir()) == []


def test_listing_sizes_and_deleting(tmp_path: Path) -> None:
    files = LocalPartitionFiles(tmp_path)
    for name in ("logs/1/2026-03-01/10/part-a.parquet", "logs/1/2026-03-01/11/part-b.parquet"):
        files.put(name, b"12345")
    files.put("journal/compact-x.json", b"{}")
    assert files.children("logs") == ["1"]
    assert files.children("logs/1/2026-03-01") == ["10", "11"]
    assert files.children("logs/2") == []
    assert files.size("logs/1/2026-03-01/10/part-a.parquet") == 5
    assert files.locate("logs/1/2026-03-01/10/part-a.parquet") == (
        tmp_path / "logs/1/2026-03-01/10/part-a.parquet"
    )
    files.delete("logs/1/2026-03-01/10/part-a.parquet")
    files.delete("logs/1/2026-03-01/10/part-a.parquet")  # gone already: nothing happens
    assert files.children("logs/1/2026-03-01") == ["11"]  # the emptied hour went with it
    files.delete("logs/1/2026-03-01/11/part-b.parquet")
    assert files.children("logs/1") == []  # and the emptied date; the project stays
    assert (tmp_path / "logs" / "1").is_dir()
    files.delete("journal/compact-x.json")
    assert (tmp_path / "journal").is_dir()
    for bad in ("../outside", "/etc/passwd", ""):
        with pytest.raises(ValueError, match="not a name"):
            files.put(bad, b"x")
