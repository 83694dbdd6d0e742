"""Telemetry queries: DuckDB over the Parquet files :class:`~.store.TelemetryStore` names.

Each query runs in a worker thread on its own cursor of one in-memory DuckDB database
(opening a database costs ~35 ms, a cursor microseconds), reading the explicit file list
of the hour partitions its time range overlaps (partition pruning); within a file DuckDB
skips row groups by their time statistics and, for a trace id, their bloom filters. Every
value a caller gives, attribute keys included, is a bound parameter, never SQL text.

Logs come newest first, an hour window at a time (1, 2, 4, ... hours), so the newest page
of a long range reads the last hours only. Their order is (time, a hash of the row's
content): stable across files, hours and compaction, so a cursor names a place in it.
Two rows identical in every column share a hash; a page boundary falling between them
skips the second (they are indistinguishable anyway).

A file that compaction or retention removed between listing and reading makes DuckDB raise
an IOException; the query then lists again and runs again (three attempts in all).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import anyio.to_thread
import attrs
import duckdb
import pyarrow as pa

from dais.errors import ValidationFailed

from .records import LOGS, METRICS, SPANS, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from .store import TelemetryStore

__all__ = [
    "MAX_LIMIT",
    "MAX_PATTERN",
    "MAX_POINTS",
    "MAX_RANGE",
    "MAX_TEXT",
    "SCAN",
    "TS",
    "LEVELS",
    "MAX_BUCKETS",
    "LogCursor",
    "LogHistogram",
    "LogPage",
    "Matcher",
    "TelemetryQuery",
    "TraceSummary",
    "Where",
    "check_pattern",
    "check_range",
    "check_text",
    "check_trace_id",
    "columns",
    "from_ns",
    "to_ns",
]

log = logging.getLogger(__name__)

#: The longest time range one query may cover.
MAX_RANGE = timedelta(days=31)
#: The most log records or traces one page holds.
MAX_LIMIT = 1000
#: The longest regular expression accepted (RE2: linear time, so length is the only bound).
MAX_PATTERN = 1024
#: The longest attribute key, value, service name or substring accepted.
MAX_TEXT = 4096
#: The most attribute filters or label matchers in one query.
MAX_FILTERS = 32
#: The most metric points one query returns; more is an error asking for a narrower query.
MAX_POINTS = 1_000_000
#: The most slices a log histogram has.
MAX_BUCKETS = 1000
#: A log record's level by its severity number (OTLP's ranges: 1-4 trace ... 21-24 fatal).
LEVELS = ("unspecified", "trace", "debug", "info", "warn", "error", "fatal")
_LEVEL = (
    "CASE WHEN severity_number BETWEEN 1 AND 24 "
    f"THEN [{', '.join(repr(level) for level in LEVELS[1:])}][(severity_number + 3) // 4] "
    f"ELSE '{LEVELS[0]}' END"
)
#: The most spans one trace returns.
MAX_TRACE_SPANS = 100_000

#: The table a query reads: its first parameter is the list of Parquet files.
SCAN = "read_parquet(?, union_by_name = true, hive_partitioning = false)"

_ATTEMPTS = 3
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NO_ATTRIBUTES: Mapping[str, str] = {}
_TRACE_ID = re.compile(r"[0-9a-f]{32}")
# A bound nanosecond count as a TIMESTAMPTZ_NS (whatever the session's time zone), so the
# comparison with the time column is pushed into the Parquet scan.
TS = "(make_timestamp_ns(?::BIGINT) AT TIME ZONE 'UTC')"
_LOG_TIEBREAK = "hash({})".format(", ".join(f'"{n}"' for n in LOGS.names))
_OPS = {
    "=": "{} = ?",
    "!=": "{} <> ?",
    "=~": "regexp_full_match({}, ?)",
    "!~": "NOT regexp_full_match({}, ?)",
}

T = TypeVar("T")

#: A label matcher: (label, one of ``=``, ``!=``, ``=~``, ``!~``, value).
Matcher = tuple[str, str, str]


@attrs.frozen
class LogCursor:
    """Where a page of logs ended: the next page holds what sorts after it (older)."""

    time_ns: int
    tiebreak: int

    def token(self) -> str:
        """The cursor as an opaque string for an API."""
        return f"{self.time_ns}.{self.tiebreak}"

    @classmethod
    def parse(cls, token: str) -> LogCursor:
        """:raises ValidationFailed: for a string :meth:`token` did not make."""
        time_ns, _, tiebreak = token.partition(".")
        try:
            cursor = cls(int(time_ns), int(tiebreak))
        except ValueError:
            raise ValidationFailed("before", "not a cursor from an earlier page") from None
        if not (-(2**63) <= cursor.time_ns < 2**63 and 0 <= cursor.tiebreak < 2**64):
            raise ValidationFailed("before", "not a cursor from an earlier page")
        return cursor


@attrs.frozen
class LogPage:
    """Log records newest first (columns of :data:`~.records.LOGS`), and the cursor of the
    next page (None when this is the last)."""

    records: pa.Table
    next: LogCursor | None


@attrs.frozen
class LogHistogram:
    """Matching records per time slice: slice ``i`` is ``[start_ns + i * width_ns, ...)``,
    its counts by level (:data:`LEVELS`)."""

    start_ns: int
    width_ns: int
    counts: list[dict[str, int]]


@attrs.frozen
class TraceSummary:
    """A trace as search lists it: its root span (else its earliest) and its extent."""

    trace_id: str
    root_name: str
    root_service: str
    start_ns: int
    duration_ns: int
    span_count: int
    error_count: int  # spans with status error

    @property
    def start(self) -> datetime:
        return _EPOCH + timedelta(microseconds=self.start_ns // 1000)


class Where:
    """SQL conditions and their parameters, in order."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) or "true"


class TelemetryQuery:
    """Reads one store's telemetry.

    :param config: DuckDB settings (``threads``, ``memory_limit``, ...).
    """

    def __init__(
        self, store: TelemetryStore, *, config: Mapping[str, str | int | bool] | None = None
    ) -> None:
        self._store = store
        self._config: dict[str, str | bool | int | float | list[str]] = dict(config or {})
        self._db: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # --- logs ----------------------------------------------------------------------------

    async def logs(
        self,
        project_id: int,
        *,
        start: datetime,
        end: datetime,
        services: Sequence[str] = (),
        min_severity: int | None = None,
        attributes: Mapping[str, str] = _NO_ATTRIBUTES,
        contains: str | None = None,
        regex: str | None = None,
        trace_id: str | None = None,
        limit: int = 100,
        before: LogCursor | None = None,
    ) -> LogPage:
        """Log records in [start, end), newest first, that match every filter given.

        ``attributes`` match a record or a resource attribute; ``contains`` is a substring
        of the body, ``regex`` an RE2 pattern found in it; ``trace_id`` the records logged
        in a trace.

        :raises ValidationFailed: naming the argument that breaks a rule.
        """
        start_ns, end_ns = check_range(start, end)
        _check_limit(limit, MAX_LIMIT)
        where, patterns = _log_conditions(
            start_ns, end_ns, services, min_severity, attributes, contains, regex, trace_id
        )
        list_end = end
        if before is not None:
            where.add(
                f"(time < {TS} OR (time = {TS} AND {_LOG_TIEBREAK} < ?::UBIGINT))",
                before.time_ns,
                before.time_ns,
                before.tiebreak,
            )
            list_end = min(end, from_ns(before.time_ns) + timedelta(microseconds=1))
        run = partial(self._logs, project_id, start, list_end, where, limit, patterns)
        return await anyio.to_thread.run_sync(run)

    def _logs(
        self,
        project_id: int,
        start: datetime,
        end: datetime,
        where: Where,
        limit: int,
        patterns: list[tuple[str, str]],
    ) -> LogPage:
        names = columns(LOGS)
        condition = where.sql()

        def attempt() -> LogPage:
            hours = self._store.partitions_by_hour(Signal.LOGS, project_id, start, end)
            hours.reverse()
            tables = []
            need = limit + 1
            with self._cursor() as cursor:
                check_patterns(cursor, patterns)
                taken, width = 0, 1
                while taken < len(hours) and need > 0:
                    # Newest file first (names are time-ordered): DuckDB's top-N then
                    # finds its page early and skips older row groups by their statistics.
                    window = hours[taken : taken + width]
                    files = [str(f) for _, fs in window for f in reversed(fs)]
                    taken, width = taken + width, width * 2
                    sql = (
                        f"SELECT {names}, epoch_ns(time) AS _time_ns, "
                        f"{_LOG_TIEBREAK} AS _tiebreak FROM {SCAN} WHERE {condition} "
                        f"ORDER BY time DESC, _tiebreak DESC LIMIT {need}"
                    )
                    table = cursor.sql(sql, params=[files, *where.params]).to_arrow_table()
                    tables.append(table)
                    need -= table.num_rows
            if not tables:
                return LogPage(LOGS.empty_table(), None)
            rows = pa.concat_tables(tables)
            cursor_at = None
            if rows.num_rows > limit:
                rows = rows.slice(0, limit)
                last = rows.slice(limit - 1, 1)
                cursor_at = LogCursor(last["_time_ns"][0].as_py(), last["_tiebreak"][0].as_py())
            return LogPage(rows.drop_columns(["_time_ns", "_tiebreak"]).cast(LOGS), cursor_at)

        return self._retrying(attempt)

    async def log_histogram(
        self,
        project_id: int,
        *,
        start: datetime,
        end: datetime,
        buckets: int = 60,
        services: Sequence[str] = (),
        min_severity: int | None = None,
        attributes: Mapping[str, str] = _NO_ATTRIBUTES,
        contains: str | None = None,
        regex: str | None = None,
        trace_id: str | None = None,
    ) -> LogHistogram:
        """How many records match the filters (those of :meth:`logs`) in each of ``buckets``
        equal slices of [start, end), by level: what a log search's bar chart shows.

        :raises ValidationFailed: naming the argument that breaks a rule.
        """
        start_ns, end_ns = check_range(start, end)
        if not isinstance(buckets, int) or not 1 <= buckets <= MAX_BUCKETS:
            raise ValidationFailed("buckets", f"from 1 to {MAX_BUCKETS}")
        where, patterns = _log_conditions(
            start_ns, end_ns, services, min_severity, attributes, contains, regex, trace_id
        )
        width = -(-(end_ns - start_ns) // buckets)  # ceiling: the last slice ends at `end`
        # The slice arithmetic is in the SQL as integers dais computed (the file list must
        # be the first parameter bound); every value a caller gave stays a parameter.
        sql = (
            f"SELECT (epoch_ns(time) - {int(start_ns)}) // {int(width)} AS slot, "
            f"{_LEVEL} AS level, count(*) FROM {SCAN} WHERE {where.sql()} GROUP BY slot, level"
        )
        table = await self.select(
            Signal.LOGS, project_id, start, end, sql, where.params, patterns=patterns
        )
        counts = [dict.fromkeys(LEVELS, 0) for _ in range(buckets)]
        if table is not None:
            for slot, level, count in zip(*(c.to_pylist() for c in table.columns), strict=True):
                if 0 <= slot < buckets:
                    counts[slot][level] += count
        return LogHistogram(start_ns, width, counts)

    # --- traces --------------------------------------------------------------------------

    async def trace(self, project_id: int, trace_id: str) -> pa.Table:
        """Every span of a trace (columns of :data:`~.records.SPANS`) by start time, found
        through the trace-id index, so without a time range; empty if there is none.

        :raises ValidationFailed: if ``trace_id`` is not 32 hexadecimal digits.
        """
        return await anyio.to_thread.run_sync(self._trace, project_id, check_trace_id(trace_id))

    def _trace(self, project_id: int, trace_id: str) -> pa.Table:
        def attempt() -> pa.Table:
            index = [str(f) for f in self._store.trace_index_files(project_id)]
            if not index:
                return SPANS.empty_table()
            with self._cursor() as cursor:
                found = cursor.sql(
                    f"SELECT DISTINCT file FROM {SCAN} WHERE trace_id = ?",
                    params=[index, trace_id],
                ).fetchall()
                files = sorted(str(self._store.path_of(file)) for (file,) in found)
                if not files:
                    return SPANS.empty_table()
                table = cursor.sql(
                    f"SELECT {columns(SPANS)} FROM {SCAN} WHERE trace_id = ? "
                    f"ORDER BY start_time, span_id LIMIT {MAX_TRACE_SPANS}",
                    params=[files, trace_id],
                ).to_arrow_table()
            return table.cast(SPANS)

        return self._retrying(attempt)

    async def search_spans(
        self,
        project_id: int,
        *,
        start: datetime,
        end: datetime,
        service: str | None = None,
        name: str | None = None,
        min_duration_ns: int | None = None,
        max_duration_ns: int | None = None,
        status_code: int | None = None,
        attributes: Mapping[str, str] = _NO_ATTRIBUTES,
        limit: int = 20,
    ) -> list[TraceSummary]:
        """The traces with a span starting in [start, end) that matches every filter,
        latest first; each summarised over its spans in the hours the range covers.

        :raises ValidationFailed: naming the argument that breaks a rule.
        """
        start_ns, end_ns = check_range(start, end)
        _check_limit(limit, MAX_LIMIT)
        where = Where()
        where.add(f"start_time >= {TS}", start_ns)
        where.add(f"start_time < {TS}", end_ns)
        if service is not None:
            where.add("service_name = ?", check_text("service", service))
        if name is not None:
            where.add("name = ?", check_text("name", name))
        for field, bound, op in (
            ("min_duration_ns", min_duration_ns, ">="),
            ("max_duration_ns", max_duration_ns, "<="),
        ):
            if bound is not None:
                if not isinstance(bound, int) or not 0 <= bound < 2**63:
                    raise ValidationFailed(field, "a whole number of nanoseconds, 0 or more")
                where.add(f"duration_ns {op} ?", bound)
        if status_code is not None:
            if status_code not in (0, 1, 2):
                raise ValidationFailed("status_code", "0 (unset), 1 (ok) or 2 (error)")
            where.add("status_code = ?", status_code)
        attribute_filters(where, attributes)
        run = partial(self._search_spans, project_id, start, end, where, limit)
        return await anyio.to_thread.run_sync(run)

    def _search_spans(
        self, project_id: int, start: datetime, end: datetime, where: Where, limit: int
    ) -> list[TraceSummary]:
        root_first = "{'root': parent_span_id IS NOT NULL, 'start': start_time}"
        sql = f"""
            WITH spans AS (SELECT {columns(SPANS)} FROM {SCAN}),
            matched AS (
                SELECT trace_id, min(start_time) AS first FROM spans WHERE {where.sql()}
                GROUP BY trace_id ORDER BY first DESC, trace_id LIMIT {limit}
            )
            SELECT trace_id,
                arg_min(name, {root_first}),
                coalesce(arg_min(service_name, {root_first}), ''),
                epoch_ns(min(start_time)),
                epoch_ns(max(end_time)) - epoch_ns(min(start_time)),
                count(*),
                count(*) FILTER (WHERE status_code = 2)
            FROM spans SEMI JOIN matched USING (trace_id)
            GROUP BY trace_id ORDER BY 4 DESC, trace_id
        """

        def attempt() -> list[TraceSummary]:
            files = [str(f) for f in self._store.partitions(Signal.TRACES, project_id, start, end)]
            if not files:
                return []
            with self._cursor() as cursor:
                rows = cursor.sql(sql, params=[files, *where.params]).fetchall()
            return [TraceSummary(*row) for row in rows]

        return self._retrying(attempt)

    # --- services ------------------------------------------------------------------------

    async def services(self, project_id: int, *, start: datetime, end: datetime) -> list[str]:
        """The service names that sent any signal in [start, end), sorted (a record without
        ``service.name`` counts as the service ``""``)."""
        check_range(start, end)
        return await anyio.to_thread.run_sync(self._services, project_id, start, end)

    def _services(self, project_id: int, start: datetime, end: datetime) -> list[str]:
        def attempt() -> list[str]:
            found: set[str] = set()
            with self._cursor() as cursor:
                for signal in Signal:
                    files = [str(f) for f in self._store.partitions(signal, project_id, start, end)]
                    if files:
                        rows = cursor.sql(
                            f"SELECT DISTINCT coalesce(service_name, '') FROM {SCAN}",
                            params=[files],
                        ).fetchall()
                        found.update(name for (name,) in rows)
            return sorted(found)

        return self._retrying(attempt)

    # --- metrics -------------------------------------------------------------------------

    async def metric_points(
        self,
        project_id: int,
        *,
        name: str,
        start: datetime,
        end: datetime,
        matchers: Sequence[Matcher] = (),
    ) -> pa.Table:
        """The points of metric ``name`` in [start, end) whose series labels (the point's
        attributes and ``service_name``; a label not set is the empty string, as in
        Prometheus) satisfy every matcher, by time (columns of :data:`~.records.METRICS`).
        Regular expressions are RE2, anchored at both ends.

        :raises ValidationFailed: for a bad matcher, or when over :data:`MAX_POINTS` match.
        """
        start_ns, end_ns = check_range(start, end)
        where = Where()
        where.add("name = ?", check_text("name", name))
        where.add(f"time >= {TS}", start_ns)
        where.add(f"time < {TS}", end_ns)
        if len(matchers) > MAX_FILTERS:
            raise ValidationFailed("matchers", f"at most {MAX_FILTERS}")
        patterns = []
        for matcher in matchers:
            if not (isinstance(matcher, tuple) and len(matcher) == 3):
                raise ValidationFailed("matchers", "each a (label, op, value) triple")
            label, op, value = matcher
            check_text("matchers", label)
            if op not in _OPS:
                raise ValidationFailed("matchers", f"op is one of {', '.join(_OPS)}, not {op!r}")
            if op in ("=~", "!~"):
                patterns.append(("matchers", check_pattern("matchers", value)))
            else:
                check_text("matchers", value)
            if label == "service_name":
                where.add(_OPS[op].format("coalesce(service_name, '')"), value)
            elif label == "__name__":
                where.add(_OPS[op].format("name"), value)
            else:
                where.add(_OPS[op].format("coalesce(attributes[?], '')"), label, value)
        run = partial(self._metric_points, project_id, start, end, where, patterns)
        return await anyio.to_thread.run_sync(run)

    def _metric_points(
        self,
        project_id: int,
        start: datetime,
        end: datetime,
        where: Where,
        patterns: list[tuple[str, str]],
    ) -> pa.Table:
        sql = (
            f"SELECT {columns(METRICS)} FROM {SCAN} WHERE {where.sql()} "
            f"ORDER BY time LIMIT {MAX_POINTS + 1}"
        )

        def attempt() -> pa.Table:
            files = [str(f) for f in self._store.partitions(Signal.METRICS, project_id, start, end)]
            with self._cursor() as cursor:
                check_patterns(cursor, patterns)
                if not files:
                    return METRICS.empty_table()
                table = cursor.sql(sql, params=[files, *where.params]).to_arrow_table()
            if table.num_rows > MAX_POINTS:
                raise ValidationFailed(
                    "end",
                    f"more than {MAX_POINTS} points match: narrow the time range or the matchers",
                )
            return table.cast(METRICS)

        return self._retrying(attempt)

    # --- plumbing ------------------------------------------------------------------------

    async def select(
        self,
        signal: Signal,
        project_id: int,
        start: datetime,
        end: datetime,
        sql: str,
        params: Sequence[Any] = (),
        *,
        patterns: Sequence[tuple[str, str]] = (),
    ) -> pa.Table | None:
        """Run ``sql`` over the ``signal`` files of the hours [start, end) overlaps: its
        first parameter (``FROM {SCAN}``) is bound to their list, then ``params``. ``None``
        when there are no files. ``patterns`` are (field, RE2 pattern) pairs compiled first,
        so a bad one is the caller's :class:`ValidationFailed`. The query languages
        (PromQL, LogQL, Tempo's search) build their SQL on this; every value stays a bound
        parameter.
        """
        check_range(start, end)
        run = partial(self._select, signal, project_id, start, end, sql, list(params), patterns)
        return await anyio.to_thread.run_sync(run)

    def _select(
        self,
        signal: Signal,
        project_id: int,
        start: datetime,
        end: datetime,
        sql: str,
        params: list[Any],
        patterns: Sequence[tuple[str, str]],
    ) -> pa.Table | None:
        def attempt() -> pa.Table | None:
            files = [str(f) for f in self._store.partitions(signal, project_id, start, end)]
            with self._cursor() as cursor:
                check_patterns(cursor, list(patterns))
                if not files:
                    return None
                return cursor.sql(sql, params=[files, *params]).to_arrow_table()

        return self._retrying(attempt)

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the shared in-memory database (worker threads only)."""
        with self._lock:
            if self._db is None:
                self._db = duckdb.connect(":memory:", config=self._config)
            return self._db.cursor()

    def _retrying(self, attempt: Callable[[], T]) -> T:
        for n in range(1, _ATTEMPTS + 1):
            try:
                return attempt()
            except duckdb.IOException as exc:
                if n == _ATTEMPTS:
                    raise
                # A file listed was compacted or expired before DuckDB opened it.
                log.info("telemetry query retried after %s", exc)
        raise AssertionError("unreachable")


def columns(schema: pa.Schema) -> str:
    return ", ".join(f'"{name}"' for name in schema.names)


def to_ns(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1) * 1000


def from_ns(ns: int) -> datetime:
    return _EPOCH + timedelta(microseconds=ns // 1000)


def check_range(start: datetime, end: datetime) -> tuple[int, int]:
    for field, moment in (("start", start), ("end", end)):
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            raise ValidationFailed(field, "a time with a time zone")
    if end <= start:
        raise ValidationFailed("end", "after start")
    if end - start > MAX_RANGE:
        raise ValidationFailed("end", f"at most {MAX_RANGE.days} days after start")
    return to_ns(start), to_ns(end)


def _check_limit(limit: int, most: int) -> None:
    if not isinstance(limit, int) or not 1 <= limit <= most:
        raise ValidationFailed("limit", f"from 1 to {most}")


def _log_conditions(
    start_ns: int,
    end_ns: int,
    services: Sequence[str],
    min_severity: int | None,
    attributes: Mapping[str, str],
    contains: str | None,
    regex: str | None,
    trace_id: str | None,
) -> tuple[Where, list[tuple[str, str]]]:
    """The conditions of a log search and the patterns to compile first.

    :raises ValidationFailed: naming the argument that breaks a rule.
    """
    where = Where()
    where.add(f"time >= {TS}", start_ns)
    where.add(f"time < {TS}", end_ns)
    if services:
        for service in services:
            check_text("services", service)
        where.add("service_name = ANY(?::VARCHAR[])", list(services))
    if min_severity is not None:
        if not isinstance(min_severity, int) or not 0 <= min_severity <= 24:
            raise ValidationFailed("min_severity", "a severity number from 0 to 24")
        where.add("severity_number >= ?", min_severity)
    attribute_filters(where, attributes)
    if contains is not None:
        check_text("contains", contains)
        where.add("contains(body, ?)", contains)
    patterns = []
    if regex is not None:
        patterns.append(("regex", check_pattern("regex", regex)))
        where.add("regexp_matches(body, ?)", regex)
    if trace_id is not None:
        where.add("trace_id = ?", check_trace_id(trace_id))
    return where, patterns


def check_trace_id(trace_id: str) -> str:
    """A trace id as stored (lower-case hex).

    :raises ValidationFailed: unless it is 32 hexadecimal digits."""
    if not isinstance(trace_id, str) or not _TRACE_ID.fullmatch(trace_id.lower()):
        raise ValidationFailed("trace_id", "32 hexadecimal digits")
    return trace_id.lower()


def check_text(field: str, text: str) -> str:
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValidationFailed(field, f"text of at most {MAX_TEXT} characters")
    return text


def check_pattern(field: str, pattern: str) -> str:
    if not isinstance(pattern, str) or len(pattern) > MAX_PATTERN:
        raise ValidationFailed(field, f"a regular expression of at most {MAX_PATTERN} characters")
    return pattern


def check_patterns(cursor: duckdb.DuckDBPyConnection, patterns: list[tuple[str, str]]) -> None:
    """Compile each pattern once with DuckDB's RE2, so a bad one is the caller's error."""
    for field, pattern in patterns:
        try:
            cursor.sql("SELECT regexp_matches('', ?)", params=[pattern]).fetchall()
        except duckdb.InvalidInputException as exc:
            raise ValidationFailed(field, f"not a valid RE2 regular expression ({exc})") from None


def attribute_filters(where: Where, attributes: Mapping[str, str]) -> None:
    if not isinstance(attributes, Mapping) or len(attributes) > MAX_FILTERS:
        raise ValidationFailed("attributes", f"at most {MAX_FILTERS} key-value pairs")
    for key, value in attributes.items():
        check_text("attributes", key)
        check_text("attributes", value)
        where.add("(attributes[?] = ? OR resource_attributes[?] = ?)", key, value, key, value)
