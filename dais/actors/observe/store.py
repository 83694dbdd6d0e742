"""Telemetry on disk: a write-ahead log, then zstd Parquet files per signal, project and hour.

:meth:`TelemetryStore.append` acknowledges a table only once it is in the write-ahead log
and fsync'd, so a kill -9 loses nothing acknowledged; appends waiting at the same moment
share one write and one fsync. Tables wait in memory (Arrow, per signal and project) until
the buffer passes ``flush_bytes`` or ``flush_interval`` seconds, then become one Parquet file
per UTC hour of their rows' own time (sorted by it: logs newest first, as they are read,
spans and metric points oldest first), and only then is their log deleted. Layout under
``root/telemetry/``::

    wal/{signal}/{project}/{generation}.wal            framed Arrow IPC streams
    {signal}/{project}/{YYYY-MM-DD}/{HH}/part-{id}.parquet
    traces-index/{project}/{YYYY-MM-DD}/{HH}/part-{id}.parquet
    journal/compact-{id}.json                          a compaction under way

Everything but the write-ahead log goes through :class:`~.files.PartitionFiles` (local
files by default), whose puts are atomic and which has no rename, so that S3-compatible
storage can take its place; the log stays on local disk (appends fsync'd one by one are
no work for object storage).

A flushed file is named after the log it came from, so replaying a log that outlived its
flush (a kill between the two) rewrites the same files rather than duplicating rows. Each
spans file is listed in an index file of its hour (a row per trace: trace_id, first start,
last end, span count, the spans file's path), which lets a trace be found by id without a
time range: a flush writes one beside each spans file, under the same name; compaction
merges an hour's index files into one (sorted by trace_id, with a bloom filter), so a
lookup opens about one small file per hour of retention.

A reader lists files under a lock that compaction and retention take to switch files, so a
listing holds either the small files or the merged one, never both and never neither. A
reader that listed before a switch may find a file gone when it opens it: it lists again
(:mod:`.query` does, on DuckDB's IOException).

Neither needs a rename (object storage has none). Compaction writes a journal naming the
merged and the replaced files, puts the merged files under their final names (left out of
listings until the switch), then deletes the replaced ones; :meth:`~TelemetryStore.recover`
finishes a journal a crash left (forward if every merged file was put, else back). What is
left out of listings is kept in memory, so it holds for the readers of this process only,
which is all there are: a store shared by several processes (on S3) would need listings to
skip the files an open journal names as merged. Retention deletes an hour's files one by
one under the same lock; after a crash half way, the rest of an expired hour stays listed
until the next run deletes it.

File I/O, Parquet writing and fsyncs run in worker threads. The methods listing files
(:meth:`~TelemetryStore.partitions` and its kin) are synchronous; call them in a thread.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import struct
import threading
import time
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO

import anyio
import anyio.to_thread
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dais.errors import TooManyRequests

from .files import LocalPartitionFiles, fsync_dir, makedirs_durably
from .records import SCHEMAS, Signal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from .files import Location, PartitionFiles

__all__ = [
    "INDEX",
    "TIME_COLUMN",
    "TelemetryStore",
    "WalFailed",
    "ordered_id",
    "read_wal",
    "trace_index",
]

log = logging.getLogger(__name__)

#: The column each signal's files are partitioned and sorted by.
TIME_COLUMN = {Signal.LOGS: "time", Signal.TRACES: "start_time", Signal.METRICS: "time"}

_TIME = pa.timestamp("ns", tz="UTC")
#: One row per trace per spans file.
INDEX = pa.schema(
    [
        pa.field("trace_id", pa.string(), nullable=False),
        pa.field("start_time", _TIME, nullable=False),  # the earliest span's start
        pa.field("end_time", _TIME, nullable=False),  # the latest span's end
        pa.field("spans", pa.int64(), nullable=False),
        pa.field("file", pa.string(), nullable=False),  # its name in the PartitionFiles
    ]
)

_HOUR = timedelta(hours=1)
# Bounds of every listing (int64 nanoseconds reach 1677 to 2262).
_BEGINNING = datetime(1600, 1, 1, tzinfo=UTC)
_END_OF_TIME = datetime(9999, 1, 1, tzinfo=UTC)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A frame: magic, payload length, crc32 of the payload; then one Arrow IPC stream.
_FRAME = struct.Struct("<4sQI")
_MAGIC = b"DWF1"
# Rows per row group: DuckDB skips row groups by their time and trace_id statistics (and
# trace_id bloom filters), so groups of a few tens of thousands of time-sorted rows keep a
# narrow time range's scan narrow; much smaller and the footer grows for nothing.
_ROW_GROUP_ROWS = 64 * 1024
# Compaction reads a partition's files into memory: at most this many bytes of Parquet at
# a time, so one busy hour may end as a few files rather than one.
_COMPACT_INPUT_BYTES = 128 * 1024 * 1024
_INDEX_DIR = "traces-index"
# Logs are read newest first: stored that way, DuckDB's top-N finds a page in the first row
# groups it reads and skips the rest by their statistics (measured on 1M rows in an hour:
# 28 ms a page, against 150 ms from a file sorted oldest first).
_NEWEST_FIRST = frozenset({Signal.LOGS})


class WalFailed(OSError):
    """The write-ahead log could not be written or synced; the append was not stored."""


class _Round:
    """The frames written together with one write and one fsync."""

    __slots__ = ("done", "error", "tables")

    def __init__(self) -> None:
        self.tables: list[pa.Table] = []
        self.done = anyio.Event()
        self.error: Exception | None = None


class _Wal:
    """One write-ahead log file. Appends join the collecting round; the first appender to
    find no round in flight writes and fsyncs the whole round in a worker thread (group
    commit), so N concurrent appends cost one fsync, not N."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.generation = path.stem
        self.broken = False
        self._file: BinaryIO | None = None
        self._collecting = _Round()
        self._flying: _Round | None = None

    def add(self, table: pa.Table) -> _Round:
        self._collecting.tables.append(table)
        return self._collecting

    async def sync(self, round_: _Round) -> None:
        """Return once ``round_`` is durable.

        :raises WalFailed: if writing it failed.
        """
        while not round_.done.is_set():
            if self._flying is not None:
                await self._flying.done.wait()
            else:
                await self._lead()
        if round_.error is not None:
            raise WalFailed(f"write-ahead log {self.path}: {round_.error}") from round_.error

    async def close(self) -> None:
        """Write what is waiting, then close the file."""
        while self._flying is not None or self._collecting.tables:
            if self._flying is not None:
                await self._flying.done.wait()
            else:
                await self._lead()
        if self._file is not None:
            await anyio.to_thread.run_sync(self._file.close)
            self._file = None

    async def remove(self) -> None:
        await self.close()
        await anyio.to_thread.run_sync(_unlink_durably, self.path)

    async def _lead(self) -> None:
        flying = self._flying = self._collecting
        self._collecting = _Round()
        try:
            if self.broken:
                raise OSError("an earlier write failed and could not be undone")
            await anyio.to_thread.run_sync(self._write, flying.tables)
        except Exception as exc:
            # The appenders of this round get the error (they raise WalFailed).
            log.warning("write-ahead log %s: %r", self.path, exc)
            flying.error = exc
        finally:
            self._flying = None
            flying.done.set()

    def _write(self, tables: list[pa.Table]) -> None:
        parts = []
        for table in tables:
            payload = _ipc_bytes(table)
            parts.append(_FRAME.pack(_MAGIC, payload.size, zlib.crc32(payload)))
            parts.append(payload)
        if self._file is None:
            makedirs_durably(self.path.parent)
            self._file = self.path.open("ab")
            fsync_dir(self.path.parent)
        file = self._file
        start = file.tell()
        try:
            for part in parts:
                file.write(part)
            file.flush()
            os.fdatasync(file.fileno())
        except BaseException:
            # Undo the partial frame so the frames after it stay readable; if that fails,
            # this log takes no more appends (the buffer starts another).
            try:
                file.truncate(start)
                file.seek(start)
            except OSError:
                self.broken = True
            raise


class _Entry:
    __slots__ = ("round", "table")

    def __init__(self, table: pa.Table, round_: _Round) -> None:
        self.table = table
        self.round = round_


class _Group:
    """The tables logged in one WAL file; flushed to files named after it."""

    __slots__ = ("entries", "nbytes", "wal")

    def __init__(self, wal: _Wal) -> None:
        self.wal = wal
        self.entries: list[_Entry] = []
        self.nbytes = 0


class _Buffer:
    __slots__ = ("groups", "since")

    def __init__(self, group: _Group) -> None:
        self.groups = [group]
        self.since: float | None = None  # monotonic time of the oldest buffered table

    @property
    def nbytes(self) -> int:
        return sum(g.nbytes for g in self.groups)


class TelemetryStore:
    """Telemetry of every project: the write-ahead log on the local file system, the
    Parquet files in ``files``.

    :param root: the data directory; files go under ``root/telemetry``.
    :param files: where the Parquet files go (default: files under ``root/telemetry``).
    :param flush_interval: seconds a table waits in memory at most.
    :param flush_bytes: a buffer this large is flushed at once.
    :param retention: seconds a partition is kept after its hour ended.
    :param retention_for: per project retention, a mapping or a function (None: the default).
    :param max_buffered_bytes: above this, appends are refused with ``TooManyRequests``
        until flushes catch up (default: 8 times ``flush_bytes``).
    """

    def __init__(
        self,
        root: Path,
        *,
        flush_interval: float = 5.0,
        flush_bytes: int = 8 * 1024 * 1024,
        retention: float = 7 * 86400.0,
        retention_for: Mapping[int, float] | Callable[[int], float | None] | None = None,
        max_buffered_bytes: int | None = None,
        files: PartitionFiles | None = None,
    ) -> None:
        self.base = root / "telemetry"
        self.files: PartitionFiles = files or LocalPartitionFiles(self.base)
        self.flush_interval = flush_interval
        self.flush_bytes = flush_bytes
        self.retention = retention
        self._retention_for = retention_for
        self.max_buffered_bytes = max_buffered_bytes or 8 * flush_bytes
        self._buffers: dict[tuple[Signal, int], _Buffer] = {}
        self._buffered = 0
        # Generations whose WAL still exists: compaction leaves their files alone, since a
        # recovery would write them again. A generation is live before its first file can
        # exist, so a compaction reading this after listing files never misses one.
        self._live: frozenset[str] = frozenset()
        self._wake: anyio.Event | None = None  # set when a buffer fills; made by run()
        # Taken (in worker threads only) to list files and to switch them.
        self._layout = threading.Lock()
        # Compaction and retention, one at a time (worker threads only).
        self._maintenance = threading.Lock()
        # Files a compaction has put (or is putting) but not yet switched to: not listed.
        self._pending: frozenset[str] = frozenset()

    # --- appending and flushing ----------------------------------------------------------

    async def append(self, project_id: int, signal: Signal, table: pa.Table) -> None:
        """Store ``table`` (of the signal's schema); durable when this returns.

        :raises ValueError: if the table does not fit the signal's schema.
        :raises TooManyRequests: while too much waits in memory for flushing.
        :raises WalFailed: if the write-ahead log could not be written.
        """
        if project_id < 0:
            raise ValueError(f"not a project id: {project_id}")
        table = _conform(table, signal)
        if table.num_rows == 0:
            return
        nbytes = table.nbytes
        if self._buffered + nbytes > self.max_buffered_bytes:
            raise TooManyRequests(
                "telemetry is arriving faster than it is written",
                retry_after=max(1, math.ceil(self.flush_interval)),
            )
        buffer = self._buffers.get((signal, project_id))
        if buffer is None:
            buffer = self._buffers[signal, project_id] = _Buffer(self._group(signal, project_id))
        if buffer.groups[-1].wal.broken:
            buffer.groups.append(self._group(signal, project_id))
        group = buffer.groups[-1]
        # Buffered and logged in the same step (no await between): every buffered table is
        # in the WAL of its group, which a flush closes (writing what waits) before deleting.
        round_ = group.wal.add(table)
        group.entries.append(_Entry(table, round_))
        group.nbytes += nbytes
        self._buffered += nbytes
        if buffer.since is None:
            buffer.since = time.monotonic()
        if buffer.nbytes >= self.flush_bytes and self._wake is not None:
            self._wake.set()
        await group.wal.sync(round_)

    async def run(self) -> None:
        """Flush buffers as they fill or age, until cancelled; start it in a task group."""
        tick = min(max(self.flush_interval / 4, 0.05), 1.0)
        while True:
            self._wake = wake = anyio.Event()
            now = time.monotonic()
            for key, buffer in list(self._buffers.items()):
                if buffer.nbytes >= self.flush_bytes or (
                    buffer.since is not None and now - buffer.since >= self.flush_interval
                ):
                    try:
                        await self._flush_buffer(key)
                    except (OSError, pa.ArrowException):
                        log.exception(
                            "flushing %s of project %d failed; kept in memory and the WAL, "
                            "retried on the next tick",
                            key[0],
                            key[1],
                        )
            with anyio.move_on_after(tick):
                await wake.wait()

    async def flush(self, signal: Signal | None = None, project_id: int | None = None) -> None:
        """Write out what is buffered now (everything, or one signal's, or one project's)."""
        for key in list(self._buffers):
            if (signal is None or key[0] is signal) and (
                project_id is None or key[1] == project_id
            ):
                await self._flush_buffer(key)

    async def _flush_buffer(self, key: tuple[Signal, int]) -> None:
        buffer = self._buffers[key]
        if not any(g.entries for g in buffer.groups):
            return
        signal, project_id = key
        groups, since = buffer.groups, buffer.since
        buffer.groups, buffer.since = [self._group(signal, project_id)], None
        done = 0
        try:
            for group in groups:
                await group.wal.close()
                tables = [e.table for e in group.entries if e.round.error is None]
                if tables:
                    write = partial(self._write_hours, signal, project_id, group.wal.generation)
                    await anyio.to_thread.run_sync(write, tables)
                await group.wal.remove()
                self._live = self._live - {group.wal.generation}
                self._buffered -= group.nbytes
                done += 1
        except BaseException:
            # Keep what was not written for the next flush; its WAL files are still there.
            buffer.groups[:0] = groups[done:]
            if since is not None:
                buffer.since = since if buffer.since is None else min(since, buffer.since)
            raise

    def _group(self, signal: Signal, project_id: int) -> _Group:
        wal = _Wal(self.base / "wal" / signal / str(project_id) / f"{ordered_id()}.wal")
        self._live = self._live | {wal.generation}
        return _Group(wal)

    def _write_hours(
        self, signal: Signal, project_id: int, name: str, tables: list[pa.Table]
    ) -> None:
        """Write ``tables`` as one file per hour named ``part-{name}`` (then the index files)."""
        column = TIME_COLUMN[signal]
        table = _sorted(pa.concat_tables(tables), signal)
        hours = _split_by_hour(table, column)
        for hour, rows in hours:
            path = f"{self._hour_dir(signal, project_id, hour)}/part-{name}.parquet"
            _write_parquet(self.files, rows, path, column, descending=signal in _NEWEST_FIRST)
        if signal is Signal.TRACES:
            for hour, rows in hours:
                self._write_index(project_id, hour, f"part-{name}.parquet", rows)

    def _write_index(self, project_id: int, hour: datetime, name: str, spans: pa.Table) -> None:
        spans_file = f"{self._hour_dir(Signal.TRACES, project_id, hour)}/{name}"
        _write_parquet(
            self.files,
            trace_index(spans, spans_file),
            f"{self._hour_dir(_INDEX_DIR, project_id, hour)}/{name}",
            "trace_id",
        )

    # --- recovery ------------------------------------------------------------------------

    async def recover(self) -> int:
        """Replay the write-ahead logs a killed process left into Parquet, finish or undo an
        interrupted compaction and clear temporary files; call before the first append.

        :returns: the number of rows replayed.
        """
        return await anyio.to_thread.run_sync(self._recover)

    def _recover(self) -> int:
        self._finish_compactions()
        # Where retention used to move partitions before deleting them.
        shutil.rmtree(self.base / ".trash", ignore_errors=True)
        self.files.discard_incomplete()
        rows = 0
        live = self._live
        for path in sorted((self.base / "wal").glob("*/*/*.wal")):
            if path.stem in live:
                continue
            try:
                signal, project_id = Signal(path.parent.parent.name), int(path.parent.name)
            except ValueError:
                log.warning("not a write-ahead log of this store, left alone: %s", path)
                continue
            tables, dropped = read_wal(path)
            if dropped:
                log.warning(
                    "write-ahead log %s ends in %d bytes of a torn or corrupt frame: dropped "
                    "(they were never acknowledged)",
                    path,
                    dropped,
                )
            tables = [_conform(t, signal) for t in tables]
            tables = [t for t in tables if t.num_rows]
            if tables:
                self._write_hours(signal, project_id, path.stem, tables)
                rows += sum(t.num_rows for t in tables)
            _unlink_durably(path)
        if rows:
            log.info("replayed %d telemetry rows from write-ahead logs", rows)
        return rows

    # --- compaction and retention --------------------------------------------------------

    async def compact(self, older_than: float = 3600.0, *, now: datetime | None = None) -> int:
        """Merge the files of each hour partition that ended ``older_than`` seconds ago, and
        the trace-id index files of every other hour (small, so cheap to merge while the
        hour fills: a lookup by trace id then opens a file or two per hour, not one per
        flush). Call it every minute or so.

        A concurrent reader lists either the old files or the merged one; one that opens an
        old file after the switch gets an error and lists again (see the module docstring).

        :returns: the number of files written.
        """
        cutoff = (now or datetime.now(UTC)) - timedelta(seconds=older_than)
        written = 0
        for signal in Signal:
            for project_id in await anyio.to_thread.run_sync(self._projects, signal):
                hours = await anyio.to_thread.run_sync(
                    self.partitions_by_hour, signal, project_id, _BEGINNING, _END_OF_TIME
                )
                for hour, files in hours:
                    if hour + _HOUR <= cutoff and len(files) > 1:
                        compact = partial(self._compact_hour, signal, project_id, hour)
                        written += await anyio.to_thread.run_sync(compact)
                if signal is not Signal.TRACES:
                    continue
                hours = await anyio.to_thread.run_sync(
                    self.partitions_by_hour, _INDEX_DIR, project_id, _BEGINNING, _END_OF_TIME
                )
                for hour, files in hours:
                    if len(files) > 1:  # (one, if the spans were merged just now)
                        roll_up = partial(self._roll_up_index, project_id, hour)
                        written += await anyio.to_thread.run_sync(roll_up)
        return written

    def _compact_hour(self, signal: Signal, project_id: int, hour: datetime) -> int:
        with self._maintenance:
            files = self._files_of(signal, project_id, hour)
            live = self._live  # read after listing (see __init__)
            files = [f for f in files if PurePosixPath(f).stem.removeprefix("part-") not in live]
            batches: list[list[str]] = [[]]
            size = 0
            for file in files:
                file_size = self.files.size(file)
                if batches[-1] and size + file_size > _COMPACT_INPUT_BYTES:
                    batches.append([])
                    size = 0
                batches[-1].append(file)
                size += file_size
            written = 0
            for batch in batches:
                if len(batch) > 1:
                    self._merge(signal, project_id, hour, batch)
                    written += 1
            return written

    def _merge(self, signal: Signal, project_id: int, hour: datetime, files: list[str]) -> None:
        """Replace ``files`` with one; for spans, the hour's index files with one as well
        (what they say of other files kept, ``files`` now pointing at the merged one)."""
        table = pa.concat_tables([_conform(self._read(f, SCHEMAS[signal]), signal) for f in files])
        table = _sorted(table, signal)
        name = f"part-{ordered_id()}.parquet"
        target = f"{self._hour_dir(signal, project_id, hour)}/{name}"
        data = _parquet_bytes(table, TIME_COLUMN[signal], descending=signal in _NEWEST_FIRST)
        written, replaced = [(target, data)], list(files)
        if signal is Signal.TRACES:
            old_index = self._files_of(_INDEX_DIR, project_id, hour)
            gone = pa.array(files, pa.string())
            kept = [self._read(f, INDEX) for f in old_index]
            kept = [t.filter(pc.invert(pc.is_in(t["file"], value_set=gone))) for t in kept]
            index = _merged_index([*kept, trace_index(table, target)])
            index_target = f"{self._hour_dir(_INDEX_DIR, project_id, hour)}/{name}"
            written.append((index_target, _parquet_bytes(index, "trace_id")))
            replaced += old_index
        self._switch(written, replaced)

    def _roll_up_index(self, project_id: int, hour: datetime) -> int:
        """Merge an hour's trace-id index files into one; the spans files stay as they are."""
        with self._maintenance:
            old_index = self._files_of(_INDEX_DIR, project_id, hour)
            if len(old_index) < 2:
                return 0
            index = _merged_index([self._read(f, INDEX) for f in old_index])
            target = f"{self._hour_dir(_INDEX_DIR, project_id, hour)}/part-{ordered_id()}.parquet"
            self._switch([(target, _parquet_bytes(index, "trace_id"))], old_index)
            return 1

    def _read(self, name: str, schema: pa.Schema) -> pa.Table:
        return pq.read_table(pa.BufferReader(self.files.read(name)), schema=schema)

    def _switch(self, written: list[tuple[str, bytes]], replaced: list[str]) -> None:
        """Put the ``written`` files and delete ``replaced``, as one step for readers (the
        new files are unlisted until the old go, under the layout lock) and, through a
        journal, for a crash. No rename: the puts go straight to the final names."""
        journal = f"journal/compact-{uuid.uuid4().hex}.json"
        merged = [name for name, _ in written]
        plan = {"merged": merged, "replaces": replaced}
        self.files.put(journal, json.dumps(plan).encode())
        with self._layout:
            self._pending = self._pending | set(merged)
        try:
            for name, data in written:
                self.files.put(name, data)
            with self._layout:
                self._pending = self._pending - set(merged)
                for r in replaced:
                    self.files.delete(r)
        except OSError:
            # Never leave both the merged and the small files listed: finish or undo now.
            with self._layout:
                self._pending = self._pending - set(merged)
                self._finish_compaction(journal)
            raise
        self.files.delete(journal)

    def _files_of(self, kind: Signal | str, project_id: int, hour: datetime) -> list[str]:
        # Listed the way readers list (through partitions_by_hour), then named: a file's
        # name is its hour's and its own, whatever the location looks like.
        listed = self.partitions_by_hour(kind, project_id, hour, hour + _HOUR)
        if not listed:
            return []
        prefix = self._hour_dir(kind, project_id, hour)
        return [f"{prefix}/{PurePosixPath(str(f)).name}" for f in listed[0][1]]

    def _finish_compactions(self) -> None:
        for name in self.files.children("journal"):
            if name.startswith("compact-") and name.endswith(".json"):
                with self._layout:
                    self._finish_compaction(f"journal/{name}")

    def _finish_compaction(self, journal: str) -> None:
        """A merge interrupted after its journal was written: forward if every merged file
        is in place (delete what it replaces), else back (delete the merged files that are)."""
        try:
            plan: dict[str, list[str]] = json.loads(self.files.read(journal))
            merged = [_checked(p) for p in plan["merged"]]
            replaced = [_checked(p) for p in plan["replaces"]]
        except (ValueError, KeyError, TypeError):
            log.warning("unreadable compaction journal %s: removed", journal)
            self.files.delete(journal)
            return
        forward = all(self.files.exists(m) for m in merged)
        log.warning("compaction %s interrupted: %s", journal, "finished" if forward else "undone")
        for name in replaced if forward else merged:
            self.files.delete(name)
        self.files.delete(journal)

    async def apply_retention(self, now: datetime | None = None) -> int:
        """Delete the hour partitions that ended longer than their project's retention ago.

        :returns: the number of hour partitions deleted (each signal's and the index's).
        """
        return await anyio.to_thread.run_sync(self._apply_retention, now or datetime.now(UTC))

    def retention_of(self, project_id: int) -> float:
        """Seconds a partition of the project is kept after its hour ended."""
        override = self._retention_for
        if override is None:
            return self.retention
        value = override(project_id) if callable(override) else override.get(project_id)
        return self.retention if value is None else value

    def _apply_retention(self, now: datetime) -> int:
        with self._maintenance:
            return self._apply_retention_locked(now)

    def _apply_retention_locked(self, now: datetime) -> int:
        deleted = 0
        for kind in [*Signal, _INDEX_DIR]:
            for project_id in self._projects(kind):
                cutoff = now - timedelta(seconds=self.retention_of(project_id))
                project = f"{kind}/{project_id}"
                for hour, prefix in _hours(self.files, project, _BEGINNING, cutoff):
                    if hour + _HOUR > cutoff:
                        continue
                    # Out of sight in one step for readers.
                    with self._layout:
                        for name in self.files.children(prefix):
                            self.files.delete(f"{prefix}/{name}")
                    deleted += 1
        return deleted

    # --- listing (blocking: call from a worker thread) -----------------------------------

    def partitions(
        self, signal: Signal, project_id: int, start: datetime, end: datetime
    ) -> list[Location]:
        """The files of the hour partitions overlapping [start, end), oldest hour first, as
        DuckDB opens them (local paths, with :class:`~.files.LocalPartitionFiles`)."""
        return [
            f for _, files in self.partitions_by_hour(signal, project_id, start, end) for f in files
        ]

    def partitions_by_hour(
        self, signal: Signal | str, project_id: int, start: datetime, end: datetime
    ) -> list[tuple[datetime, list[Location]]]:
        """Like :meth:`partitions`, grouped by hour: ``(hour, files)``, oldest first."""
        project = f"{signal}/{project_id}"
        with self._layout:
            result = []
            pending = self._pending
            for hour, prefix in _hours(self.files, project, start, end):
                names = [
                    f"{prefix}/{name}"
                    for name in self.files.children(prefix)
                    if name.startswith("part-") and name.endswith(".parquet")
                ]
                files = [self.files.locate(n) for n in names if n not in pending]
                if files:
                    result.append((hour, files))
            return result

    def trace_index_files(self, project_id: int) -> list[Location]:
        """Every trace-id index file of the project: one per spans file as flushed, about one
        per hour once :meth:`compact` has merged them."""
        return [
            f
            for _, files in self.partitions_by_hour(
                _INDEX_DIR, project_id, _BEGINNING, _END_OF_TIME
            )
            for f in files
        ]

    def path_of(self, relative: str) -> Location:
        """The file a name (as the index keeps it, relative to ``root/telemetry``) names, as
        DuckDB opens it.

        :raises ValueError: for a name that would leave the store.
        """
        return self.files.locate(_checked(relative))

    def _projects(self, kind: Signal | str) -> list[int]:
        return sorted(int(name) for name in self.files.children(kind) if name.isdigit())

    def _hour_dir(self, kind: Signal | str, project_id: int, hour: datetime) -> str:
        return f"{kind}/{project_id}/{hour:%Y-%m-%d}/{hour:%H}"


# --- pure helpers ----------------------------------------------------------------------


def ordered_id() -> str:
    """A UUIDv7 (RFC 9562) in hex: names sort in the order they were made (to the
    millisecond), so a listing of an hour runs from the oldest file to the newest."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms << 80) | (0x7 << 76) | ((rand >> 62) & 0xFFF) << 64 | (0b10 << 62)
    return f"{value | (rand & ((1 << 62) - 1)):032x}"


def _sorted(table: pa.Table, signal: Signal) -> pa.Table:
    order = "descending" if signal in _NEWEST_FIRST else "ascending"
    return table.sort_by([(TIME_COLUMN[signal], order)])


def _conform(table: pa.Table, signal: Signal) -> pa.Table:
    schema = SCHEMAS[signal]
    if not table.schema.equals(schema):
        try:
            table = table.select(schema.names).cast(schema)
        except (KeyError, pa.ArrowException) as exc:
            raise ValueError(f"not a table of {signal} ({exc})") from exc
    if table[TIME_COLUMN[signal]].null_count:
        raise ValueError(f"{signal}: {TIME_COLUMN[signal]} must not be null")
    return table


def trace_index(spans: pa.Table, file: str) -> pa.Table:
    """The index rows of one spans file: a row per trace, sorted by trace_id."""
    grouped = spans.group_by("trace_id").aggregate(
        [("start_time", "min"), ("end_time", "max"), ("span_id", "count")]
    )
    index = pa.table(
        {
            "trace_id": grouped["trace_id"],
            "start_time": grouped["start_time_min"],
            "end_time": grouped["end_time_max"],
            "spans": grouped["span_id_count"],
            "file": pa.array([file] * grouped.num_rows, pa.string()),
        }
    )
    return index.cast(INDEX).sort_by("trace_id")


def _merged_index(tables: list[pa.Table]) -> pa.Table:
    """Index tables as one, a row per (trace, spans file): a replayed WAL may have written a
    file's rows twice."""
    grouped = (
        pa.concat_tables(tables)
        .group_by(["trace_id", "file"])
        .aggregate([("start_time", "min"), ("end_time", "max"), ("spans", "max")])
    )
    index = pa.table(
        {
            "trace_id": grouped["trace_id"],
            "start_time": grouped["start_time_min"],
            "end_time": grouped["end_time_max"],
            "spans": grouped["spans_max"],
            "file": grouped["file"],
        }
    )
    return index.cast(INDEX).sort_by("trace_id")


def _split_by_hour(table: pa.Table, column: str) -> list[tuple[datetime, pa.Table]]:
    """A time-sorted table cut into its UTC hours."""
    hours = pc.floor_temporal(table[column], unit="hour").cast(pa.int64()).combine_chunks()
    runs = pc.run_end_encode(hours)
    result = []
    start = 0
    for end, hour_ns in zip(runs.run_ends.to_pylist(), runs.values.to_pylist(), strict=True):
        hour = _EPOCH + timedelta(microseconds=hour_ns // 1000)
        result.append((hour, table.slice(start, end - start)))
        start = end
    return result


def _hours(
    files: PartitionFiles, project: str, start: datetime, end: datetime
) -> Iterator[tuple[datetime, str]]:
    """The hour prefixes ``{project}/{date}/{HH}`` whose hour overlaps [start, end), in order."""
    first_day = (start - _HOUR).date()
    for date_name in files.children(project):
        try:
            day = datetime.strptime(date_name, "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            continue
        if day.date() < first_day or day >= end:
            continue
        for name in files.children(f"{project}/{date_name}"):
            if len(name) != 2 or not name.isdigit() or int(name) > 23:
                continue
            hour = day + timedelta(hours=int(name))
            if hour + _HOUR > start and hour < end:
                yield hour, f"{project}/{date_name}/{name}"


def _checked(name: str) -> str:
    """``name`` if it is a name inside the store.

    :raises ValueError: for one that would leave it (absolute, or with ``..``).
    """
    if not isinstance(name, str):
        raise TypeError(f"not a name: {name!r}")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a path inside the telemetry store: {name!r}")
    return name


def read_wal(path: Path) -> tuple[list[pa.Table], int]:
    """The tables of a write-ahead log, and how many bytes at its end were not a whole,
    intact frame (a write torn by a crash: never acknowledged)."""
    data = memoryview(path.read_bytes())
    tables = []
    pos = 0
    while pos + _FRAME.size <= len(data):
        magic, length, crc = _FRAME.unpack_from(data, pos)
        start, end = pos + _FRAME.size, pos + _FRAME.size + length
        if magic != _MAGIC or end > len(data) or zlib.crc32(data[start:end]) != crc:
            break
        try:
            tables.append(pa.ipc.open_stream(pa.py_buffer(data[start:end])).read_all())
        except pa.ArrowException:
            break
        pos = end
    return tables, len(data) - pos


def _ipc_bytes(table: pa.Table) -> Any:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


# --- durable file operations -----------------------------------------------------------


def _write_parquet(
    files: PartitionFiles,
    table: pa.Table,
    name: str,
    sorted_by: str,
    *,
    descending: bool = False,
) -> None:
    """``table`` as a zstd Parquet file put under ``name``."""
    files.put(name, _parquet_bytes(table, sorted_by, descending=descending))


def _parquet_bytes(table: pa.Table, sorted_by: str, *, descending: bool = False) -> bytes:
    """``table`` as a zstd Parquet file, in row groups DuckDB can skip."""
    options: dict[str, Any] = {}
    if "trace_id" in table.schema.names:
        # A trace id is looked up by equality: a bloom filter lets DuckDB skip row groups
        # whose min/max (random ids span the whole range) cannot.
        ndv = max(1, min(table.num_rows, _ROW_GROUP_ROWS))
        options["bloom_filter_options"] = {"trace_id": {"ndv": ndv, "fpp": 0.01}}
    sink = pa.BufferOutputStream()
    with pq.ParquetWriter(
        sink,
        table.schema,
        compression="zstd",
        write_statistics=True,
        sorting_columns=[
            pq.SortingColumn(table.schema.get_field_index(sorted_by), descending=descending)
        ],
        **options,
    ) as writer:
        writer.write_table(table, row_group_size=_ROW_GROUP_ROWS)
    return bytes(sink.getvalue().to_pybytes())


def _unlink_durably(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)
