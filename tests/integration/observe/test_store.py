"""The telemetry store on a real file system: the write-ahead log (group commit, torn frames,
kill -9), flushing to hour-partitioned Parquet, compaction, retention and partition pruning."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path

import anyio
import duckdb
import pyarrow.parquet as pq
import pytest

from dais.actors.observe import store as store_module
from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.records import LOGS, Signal
from dais.actors.observe.store import TelemetryStore, read_wal
from dais.errors import TooManyRequests

from .conftest import T0, files_under, log_row, logs, ns, span_row, spans

ROOT = Path(__file__).resolve().parents[3]
HOUR = timedelta(hours=1)


def bodies(store: TelemetryStore, project_id: int = 1) -> list[str]:
    """Every log body stored for the project, read back by DuckDB from the Parquet files."""
    every = store.partitions(Signal.LOGS, project_id, T0 - 2000 * HOUR, T0 + 2000 * HOUR)
    files = [str(f) for f in every]
    if not files:
        return []
    with duckdb.connect() as db:
        rows = db.sql("SELECT body FROM read_parquet(?)", params=[files]).fetchall()
    return sorted(body for (body,) in rows)


def wal_files(root: Path) -> list[Path]:
    return sorted((root / "telemetry" / "wal").glob("*/*/*.wal"))


def flushed(root: Path) -> bool:
    return bool(files_under(root)) and not wal_files(root)


async def until(predicate: Callable[[], bool]) -> None:
    with anyio.fail_after(5):
        while not predicate():  # noqa: ASYNC110 - polls the disk, no event to wait on
            await anyio.sleep(0.02)


# --- the write-ahead log -------------------------------------------------------------------


async def test_an_append_is_in_the_wal_before_it_returns_and_gone_after_the_flush(
    store: TelemetryStore, tmp_path: Path
) -> None:
    await store.append(1, Signal.LOGS, logs(log_row(T0, "one"), log_row(T0, "two")))
    [wal] = wal_files(tmp_path)
    tables, dropped = read_wal(wal)
    assert dropped == 0 and [t.column("body").to_pylist() for t in tables] == [["one", "two"]]
    assert files_under(tmp_path) == []  # nothing flushed yet
    await store.flush()
    assert wal_files(tmp_path) == []
    assert bodies(store) == ["one", "two"]


async def test_concurrent_appends_share_fsyncs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    syncs = []
    real = os.fdatasync
    lock = threading.Lock()

    def slow_fdatasync(fd: int) -> None:
        time.sleep(0.02)  # a disk's flush latency, so that appends pile up behind it
        real(fd)
        with lock:
            syncs.append(fd)

    monkeypatch.setattr(store_module.os, "fdatasync", slow_fdatasync)
    store = TelemetryStore(tmp_path, flush_interval=3600)
    async with anyio.create_task_group() as tg:
        for i in range(40):
            tg.start_soon(store.append, 1, Signal.LOGS, logs(log_row(T0, f"row-{i:02d}")))
    assert 1 <= len(syncs) <= 3, syncs  # 40 acknowledged appends, a few fsyncs
    [wal] = wal_files(tmp_path)
    assert sum(t.num_rows for t in read_wal(wal)[0]) == 40
    await store.flush()
    assert bodies(store) == [f"row-{i:02d}" for i in range(40)]


async def test_a_torn_last_frame_is_dropped_and_the_frames_before_it_kept(
    store: TelemetryStore, tmp_path: Path
) -> None:
    for name in ("a", "b", "c"):
        await store.append(1, Signal.LOGS, logs(log_row(T0, name)))
    [wal] = wal_files(tmp_path)
    # Two copies of the log as a killed process could leave it: the last frame cut short,
    # and whole frames followed by the first bytes of a frame header.
    torn, trailing = tmp_path / "torn", tmp_path / "trailing"
    for copy in (torn, trailing):
        target = copy / wal.relative_to(tmp_path)
        target.parent.mkdir(parents=True)
        shutil.copy(wal, target)
    torn_wal = torn / wal.relative_to(tmp_path)
    os.truncate(torn_wal, torn_wal.stat().st_size - 7)
    with (trailing / wal.relative_to(tmp_path)).open("ab") as file:
        file.write(b"DWF1\x10\x00")

    recovered_torn = TelemetryStore(torn)
    assert await recovered_torn.recover() == 2
    assert bodies(recovered_torn) == ["a", "b"]
    recovered_trailing = TelemetryStore(trailing)
    assert await recovered_trailing.recover() == 3
    assert bodies(recovered_trailing) == ["a", "b", "c"]
    assert wal_files(torn) == wal_files(trailing) == []


async def test_a_corrupt_frame_ends_the_replay(store: TelemetryStore, tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        await store.append(1, Signal.LOGS, logs(log_row(T0, name)))
    [wal] = wal_files(tmp_path)
    copy = tmp_path / "copy"
    target = copy / wal.relative_to(tmp_path)
    target.parent.mkdir(parents=True)
    data = bytearray(wal.read_bytes())
    first_length = int.from_bytes(data[4:12], "little")
    data[16 + first_length + 16 + 40] ^= 0xFF  # a byte inside the second frame's payload
    target.write_bytes(bytes(data))
    tables, dropped = read_wal(target)
    assert [t.column("body").to_pylist() for t in tables] == [["a"]]
    assert dropped == len(data) - 16 - first_length


CHILD = """
import os, signal, sys
from pathlib import Path
import anyio
import pyarrow as pa
from dais.actors.observe.records import LOGS, Signal
from dais.actors.observe.store import TelemetryStore

root, mode, time_ns = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])

def table(name):
    row = {"time": time_ns, "severity_number": 9, "body": name,
           "attributes": {}, "resource_attributes": {}, "service_name": "api"}
    return pa.Table.from_pylist([row], schema=LOGS)

async def writer(store, w):
    for i in range(1_000_000):
        await store.append(1, Signal.LOGS, table(f"{w}-{i}"))
        print(f"{w}-{i}", flush=True)
        if mode == "self" and i == 2:
            os.kill(os.getpid(), signal.SIGKILL)  # right after the third acknowledgement

async def main():
    store = TelemetryStore(root, flush_interval=3600)
    async with anyio.create_task_group() as tg:
        for w in range(4 if mode == "external" else 1):
            tg.start_soon(writer, store, w)

anyio.run(main)
"""


def _run_child_until_killed(root: Path, mode: str) -> list[str]:
    """The log bodies a child process acknowledged (printed) before it was killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), mode, str(ns(T0))],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    ) as child:
        assert child.stdout is not None
        acknowledged = []
        if mode == "external":
            while len(acknowledged) < 200:
                line = child.stdout.readline()
                assert line, "the child ended before it was killed"
                acknowledged.append(line)
            child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        returncode = child.wait(timeout=30)
    assert returncode == -signal.SIGKILL
    lines = b"".join(acknowledged).decode() + rest.decode()
    # A line cut short by the kill was not printed in full: it counts as not acknowledged.
    return lines.split("\n")[:-1]


@pytest.mark.parametrize("mode", ["self", "external"])
async def test_kill_9_loses_nothing_acknowledged(tmp_path: Path, mode: str) -> None:
    acknowledged = await anyio.to_thread.run_sync(_run_child_until_killed, tmp_path, mode)
    if mode == "self":
        assert acknowledged == ["0-0", "0-1", "0-2"]
    else:
        assert len(acknowledged) >= 200
    assert files_under(tmp_path) == []  # it never flushed: everything is in the WAL
    store = TelemetryStore(tmp_path)
    recovered = await store.recover()
    found = bodies(store)
    assert recovered == len(found) >= len(acknowledged)
    assert set(acknowledged) <= set(found)
    assert len(set(found)) == len(found)  # and nothing twice
    assert wal_files(tmp_path) == []
    # Replaying again finds nothing more.
    assert await TelemetryStore(tmp_path).recover() == 0
    assert bodies(store) == found


async def test_a_replay_after_a_kill_between_flush_and_wal_deletion_writes_no_duplicates(
    store: TelemetryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.append(1, Signal.LOGS, logs(log_row(T0, "a"), log_row(T0 + HOUR, "b")))
    [wal] = wal_files(tmp_path)
    saved = wal.read_bytes()
    await store.flush()
    # As if the process died after the Parquet files were renamed but before the WAL went.
    wal.parent.mkdir(parents=True, exist_ok=True)
    wal.write_bytes(saved)
    assert await TelemetryStore(tmp_path).recover() == 2
    assert bodies(store) == ["a", "b"]


async def test_appends_are_refused_while_too_much_waits_for_flushing(tmp_path: Path) -> None:
    big = logs(*(log_row(T0, "x" * 100) for _ in range(100)))
    limit = big.nbytes * 5 // 2
    store = TelemetryStore(tmp_path, flush_interval=3600, max_buffered_bytes=limit)
    await store.append(1, Signal.LOGS, big)
    with pytest.raises(TooManyRequests) as refused:
        for _ in range(10):
            await store.append(1, Signal.LOGS, big)
    assert refused.value.retry_after >= 1
    accepted = len(bodies(store)) + sum(
        t.num_rows for w in wal_files(tmp_path) for t in read_wal(w)[0]
    )
    await store.flush()
    assert len(bodies(store)) == accepted  # what was refused is nowhere
    await store.append(1, Signal.LOGS, big)  # and room again after the flush
    await store.flush()


async def test_a_table_of_another_schema_is_refused(store: TelemetryStore) -> None:
    with pytest.raises(ValueError, match="not a table of logs"):
        await store.append(1, Signal.LOGS, spans(span_row("a" * 32, "b" * 16, T0)))


# --- flushing ------------------------------------------------------------------------------


async def test_a_flush_writes_one_sorted_zstd_file_per_hour_of_the_rows_own_time(
    store: TelemetryStore, tmp_path: Path
) -> None:
    late, early, next_hour = T0 + timedelta(minutes=59), T0 + timedelta(minutes=1), T0 + HOUR
    await store.append(1, Signal.LOGS, logs(log_row(late, "late"), log_row(next_hour, "next")))
    await store.append(1, Signal.LOGS, logs(log_row(early, "early")))
    await store.flush()
    first, second = files_under(tmp_path)
    base = tmp_path / "telemetry" / "logs" / "1"
    assert (
        first.parent == base / "2026-03-01" / "10" and second.parent == base / "2026-03-01" / "11"
    )
    assert first.name == second.name  # named after the WAL they came from
    assert pq.read_table(first).column("body").to_pylist() == ["late", "early"]  # newest first
    assert pq.read_table(second).column("body").to_pylist() == ["next"]
    metadata = pq.ParquetFile(first).metadata
    column = metadata.row_group(0).column(0)
    assert column.path_in_schema == "time" and column.compression == "ZSTD"
    assert column.statistics.min == early and column.statistics.max == late
    assert pq.read_schema(first).equals(LOGS)
    assert list(tmp_path.glob("**/.tmp-*")) == []  # noqa: ASYNC240 - a test's listing


async def test_spans_files_have_a_bloom_filter_on_trace_id_and_an_index(
    store: TelemetryStore, tmp_path: Path
) -> None:
    rows = [span_row(f"{i:032x}", f"{i:016x}", T0 + timedelta(seconds=i)) for i in range(100)]
    await store.append(7, Signal.TRACES, spans(*rows))
    await store.flush()
    [data] = files_under(tmp_path / "telemetry" / "traces")
    [index] = files_under(tmp_path / "telemetry" / "traces-index")
    assert index.relative_to(tmp_path / "telemetry" / "traces-index") == Path(
        "7/2026-03-01/10", data.name
    )
    with duckdb.connect() as db:
        blooms = db.sql(
            "SELECT path_in_schema, bloom_filter_length FROM parquet_metadata(?) "
            "WHERE bloom_filter_length > 0",
            params=[str(data)],
        ).fetchall()
        assert [name for name, _ in blooms] == ["trace_id"]
        probe = "SELECT bloom_filter_excludes FROM parquet_bloom_probe(?, 'trace_id', ?)"
        assert db.sql(probe, params=[str(data), f"{5:032x}"]).fetchall() == [(False,)]
        assert db.sql(probe, params=[str(data), "f" * 32]).fetchall() == [(True,)]
    entries = pq.read_table(index).to_pylist()
    assert len(entries) == 100 and entries[5]["trace_id"] == f"{5:032x}"
    assert entries[5]["file"] == data.relative_to(tmp_path / "telemetry").as_posix()
    assert entries[5]["spans"] == 1


async def test_the_run_loop_flushes_by_age_and_by_size(tmp_path: Path) -> None:
    store = TelemetryStore(tmp_path, flush_interval=0.2, flush_bytes=1 << 30)
    async with anyio.create_task_group() as tg:
        tg.start_soon(store.run)
        await store.append(1, Signal.LOGS, logs(log_row(T0, "aged")))
        await until(partial(flushed, tmp_path))
        tg.cancel_scope.cancel()
    assert bodies(store) == ["aged"]

    sized = TelemetryStore(tmp_path / "sized", flush_interval=3600, flush_bytes=1000)
    async with anyio.create_task_group() as tg:
        tg.start_soon(sized.run)
        await sized.append(1, Signal.LOGS, logs(*(log_row(T0, "x" * 50) for _ in range(40))))
        await until(partial(flushed, tmp_path / "sized"))
        tg.cancel_scope.cancel()


async def test_a_failed_flush_keeps_the_rows_for_the_next(
    store: TelemetryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.append(1, Signal.LOGS, logs(log_row(T0, "kept")))

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "_write_parquet", full_disk)
        with pytest.raises(OSError, match="No space"):
            await store.flush()
    assert len(wal_files(tmp_path)) == 1 and bodies(store) == []
    await store.append(1, Signal.LOGS, logs(log_row(T0, "later")))
    await store.flush()
    assert bodies(store) == ["kept", "later"] and wal_files(tmp_path) == []


# --- partitions, compaction, retention -----------------------------------------------------


async def test_partitions_name_only_the_hours_a_range_overlaps(
    store: TelemetryStore, tmp_path: Path
) -> None:
    for hour in range(3):
        await store.append(
            1, Signal.LOGS, logs(log_row(T0 + hour * HOUR + timedelta(minutes=30), f"h{hour}"))
        )
        await store.flush()
    await store.append(2, Signal.LOGS, logs(log_row(T0 + HOUR, "other project")))
    await store.flush()
    h0, h1, h2 = files_under(tmp_path / "telemetry" / "logs" / "1")
    assert store.partitions(Signal.LOGS, 1, T0 + HOUR, T0 + 2 * HOUR) == [h1]
    assert store.partitions(
        Signal.LOGS, 1, T0 + 90 * timedelta(minutes=1), T0 + 130 * timedelta(minutes=1)
    ) == [h1, h2]
    assert store.partitions(Signal.LOGS, 1, T0 - 48 * HOUR, T0 + 48 * HOUR) == [h0, h1, h2]
    assert store.partitions(Signal.LOGS, 1, T0 - HOUR, T0) == []
    assert store.partitions(Signal.TRACES, 1, T0, T0 + HOUR) == []
    # The query for one hour opens that hour's files only: the others may as well be junk.
    h0.write_bytes(b"not parquet")
    h2.write_bytes(b"not parquet")
    query = TelemetryQuery(store)
    page = await query.logs(1, start=T0 + HOUR, end=T0 + 2 * HOUR)
    query.close()
    assert page.records.column("body").to_pylist() == ["h1"]


async def _five_flushes_into_two_hours(store: TelemetryStore) -> list[str]:
    names = []
    for n in range(5):
        rows = []
        for i in range(20):
            at = T0 + timedelta(minutes=(19 - i) * 6 + n)  # 10:00 to 11:58, newest first
            rows.append(span_row(f"{n:02x}{i:030x}", f"{i:016x}", at, service=f"s{n}"))
            names.append(f"{n:02x}{i:030x}")
        await store.append(3, Signal.TRACES, spans(*rows))
        await store.flush()
    return names


async def test_compaction_merges_each_finished_hour_and_keeps_every_row_once(
    store: TelemetryStore, tmp_path: Path
) -> None:
    trace_ids = await _five_flushes_into_two_hours(store)
    telemetry = tmp_path / "telemetry"
    assert len(files_under(telemetry / "traces")) == 10
    # The second hour has not ended an hour before "now": its spans are left alone, its
    # index files merged.
    assert await store.compact(older_than=3600, now=T0 + 2 * HOUR + timedelta(minutes=30)) == 2
    assert len(files_under(telemetry / "traces" / "3" / "2026-03-01" / "10")) == 1
    assert len(files_under(telemetry / "traces" / "3" / "2026-03-01" / "11")) == 5
    assert len(files_under(telemetry / "traces-index" / "3" / "2026-03-01" / "11")) == 1
    query = TelemetryQuery(store)
    for trace_id in trace_ids[::7]:
        assert (await query.trace(3, trace_id)).column("trace_id").to_pylist() == [trace_id]
    assert await store.compact(older_than=0) == 1
    data = files_under(telemetry / "traces")
    index = files_under(telemetry / "traces-index")
    assert len(data) == 2 and [f.name for f in index] == [f.name for f in data]
    with duckdb.connect() as db:
        stored = db.sql(
            "SELECT trace_id FROM read_parquet(?)", params=[[str(f) for f in data]]
        ).fetchall()
        indexed = db.sql(
            "SELECT trace_id, file FROM read_parquet(?)", params=[[str(f) for f in index]]
        ).fetchall()
    assert sorted(t for (t,) in stored) == sorted(trace_ids)
    assert sorted(t for t, _ in indexed) == sorted(trace_ids)
    assert {file for _, file in indexed} == {f.relative_to(telemetry).as_posix() for f in data}
    for file in data:
        times = pq.read_table(file).column("start_time").to_pylist()
        assert times == sorted(times)
    assert list((telemetry / "journal").iterdir()) == []
    assert await store.compact(older_than=0) == 0  # nothing left to merge
    for trace_id in trace_ids:
        assert (await query.trace(3, trace_id)).column("trace_id").to_pylist() == [trace_id]
    query.close()


async def test_compaction_leaves_files_whose_wal_is_not_yet_deleted(store: TelemetryStore) -> None:
    await store.append(1, Signal.LOGS, logs(log_row(T0, "a")))
    await store.flush()
    await store.append(1, Signal.LOGS, logs(log_row(T0, "b")))
    await store.append(1, Signal.LOGS, logs(log_row(T0, "c")))
    [group] = store._buffers[Signal.LOGS, 1].groups
    # The state between a flush's rename and its WAL deletion: files exist, the WAL too.
    await anyio.to_thread.run_sync(
        store._write_hours, Signal.LOGS, 1, group.wal.generation, [e.table for e in group.entries]
    )
    assert len(store.partitions(Signal.LOGS, 1, T0, T0 + HOUR)) == 2
    assert await store.compact(older_than=0) == 0
    await store.flush()
    assert await store.compact(older_than=0) == 1
    assert bodies(store) == ["a", "b", "c"]


async def test_an_interrupted_compaction_is_undone_or_finished_never_doubled(
    store: TelemetryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trace_ids = await _five_flushes_into_two_hours(store)
    replace = os.replace
    calls = []

    def second_rename_fails(source: str | Path, target: str | Path) -> None:
        if Path(target).name.startswith("part-"):
            calls.append(target)
        if len(calls) == 2:  # the spans file is in place, its index is not
            raise OSError(5, "Input/output error")
        replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(store_module.os, "replace", second_rename_fails)
        with pytest.raises(OSError, match="Input/output"):
            await store.compact(older_than=0)
    # Undone at once: the small files, no merged one, no journal.
    assert len(files_under(tmp_path / "telemetry" / "traces")) == 10
    assert list((tmp_path / "telemetry" / "journal").iterdir()) == []

    unlink = Path.unlink

    def cannot_delete_parts(path: Path, missing_ok: bool = False) -> None:
        if path.name.startswith("part-"):
            raise OSError(5, "Input/output error")
        unlink(path, missing_ok=missing_ok)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "unlink", cannot_delete_parts)
        with pytest.raises(OSError, match="Input/output"):
            await store.compact(older_than=0)
    # Stuck half way (the merged file and the small ones) until a restart finishes it.
    assert len(list((tmp_path / "telemetry" / "journal").iterdir())) == 1
    await TelemetryStore(tmp_path).recover()
    assert list((tmp_path / "telemetry" / "journal").iterdir()) == []
    data = files_under(tmp_path / "telemetry" / "traces")
    with duckdb.connect() as db:
        stored = db.sql(
            "SELECT trace_id FROM read_parquet(?)", params=[[str(f) for f in data]]
        ).fetchall()
    assert sorted(t for (t,) in stored) == sorted(trace_ids)


async def test_retention_deletes_old_partitions_only(tmp_path: Path) -> None:
    store = TelemetryStore(tmp_path, flush_interval=3600, retention_for={2: 86400.0})
    now = T0 + 20 * 24 * HOUR
    for project_id in (1, 2):
        for age in (10 * 24, 6 * 24, 30, 1):
            at = now - age * HOUR
            await store.append(project_id, Signal.LOGS, logs(log_row(at, f"{age}h")))
            await store.append(
                project_id, Signal.TRACES, spans(span_row(f"{age:032x}", "1" * 16, at))
            )
    # The hour that ended exactly 7 days ago goes, the one still ending inside 7 days stays.
    await store.append(1, Signal.LOGS, logs(log_row(now - 7 * 24 * HOUR - HOUR, "edge-old")))
    inside = now - 7 * 24 * HOUR + timedelta(minutes=1)
    await store.append(1, Signal.LOGS, logs(log_row(inside, "edge-new")))
    await store.flush()
    # Project 1: two hours of logs, one of spans and of index; project 2: three of each.
    assert await store.apply_retention(now=now) == 2 + 1 + 1 + 3 * 3
    assert bodies(store, 1) == ["144h", "1h", "30h", "edge-new"]
    assert bodies(store, 2) == ["1h"]
    telemetry = tmp_path / "telemetry"
    assert [
        p.relative_to(telemetry).as_posix() for p in files_under(telemetry / "traces-index" / "2")
    ] == [
        f"traces-index/2/{(now - HOUR):%Y-%m-%d/%H}/{p.name}"
        for p in files_under(telemetry / "traces" / "2")
    ]
    assert not (telemetry / "logs" / "1" / f"{now - 10 * 24 * HOUR:%Y-%m-%d}").exists()
    assert not (telemetry / ".trash").exists()
    assert await store.apply_retention(now=now) == 0
