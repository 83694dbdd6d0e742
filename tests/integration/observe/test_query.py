"""Queries over real Parquet files with real DuckDB: logs (filters, paging, hostile input),
traces by id without a time range and trace search, and metric points by label matchers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pyarrow as pa
import pytest

from dais.actors.observe.query import MAX_PATTERN, LogCursor, LogPage, TelemetryQuery
from dais.actors.observe.records import LOGS, SPANS, Signal
from dais.actors.observe.store import TelemetryStore
from dais.errors import ValidationFailed

from .conftest import T0, log_row, logs, ns, point_row, points, span_row, spans

HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
HOSTILE = "'); DROP TABLE x; --"


def plain(table: pa.Table) -> list[dict[str, Any]]:
    """The rows, with times as nanosecond counts (datetime stops at microseconds)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.int64()))
    return table.to_pylist()


async def _window(query: TelemetryQuery, **filters: Any) -> list[str]:
    page = await query.logs(1, start=T0, end=T0 + 3 * HOUR, **filters)
    return sorted(page.records.column("body").to_pylist())


# --- logs ----------------------------------------------------------------------------------


async def test_logs_come_back_whole_newest_first(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    rows = [
        log_row(ns(T0) + 123, "first", attributes={"http.route": "/a"}, trace_id="ab" * 16),
        log_row(T0 + 30 * MINUTE, "second", severity=17, service="worker"),
        log_row(T0 + 90 * MINUTE, "third", resource={"host.name": "h2", "region": "eu"}),
    ]
    await store.append(1, Signal.LOGS, logs(*rows))
    await store.flush()
    page = await query.logs(1, start=T0, end=T0 + 2 * HOUR)
    assert page.records.schema.equals(LOGS) and page.next is None
    assert plain(page.records) == plain(logs(*reversed(rows)))
    assert (await query.logs(2, start=T0, end=T0 + 2 * HOUR)).records.num_rows == 0
    # The range is half open and exact to the nanosecond.
    narrow = await query.logs(1, start=T0 + timedelta(microseconds=1), end=T0 + 90 * MINUTE)
    assert narrow.records.column("body").to_pylist() == ["second"]


async def test_pages_follow_a_cursor_across_files_and_hours_and_compaction(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    expected = []
    for flush in range(4):  # four files in each of three hours
        batch = []
        for i in range(10):
            at = T0 + (i % 3) * HOUR + flush * MINUTE + (i // 3) * timedelta(seconds=1)
            at = T0 + HOUR if i == 9 else at  # some rows share their time to the nanosecond
            batch.append(log_row(at, f"f{flush}-{i}"))
        expected += batch
        await store.append(1, Signal.LOGS, logs(*batch))
        await store.flush()
    assert len(store.partitions(Signal.LOGS, 1, T0, T0 + 3 * HOUR)) == 12

    async def page(before: LogCursor | None) -> LogPage:
        return await query.logs(1, start=T0, end=T0 + 3 * HOUR, limit=7, before=before)

    seen: list[dict[str, Any]] = []
    cursor = None
    for n in range(10):
        result = await page(cursor)
        seen += plain(result.records)
        if n == 2:
            assert await store.compact(older_than=0) == 3  # mid-way: the files change
        if result.next is None:
            break
        assert result.records.num_rows == 7
        # A cursor survives the trip through an API as a token.
        cursor = LogCursor.parse(result.next.token())
    assert result.next is None and len(seen) == 40
    assert sorted(r["body"] for r in seen) == sorted(r["body"] for r in expected)
    times = [r["time"] for r in seen]
    assert times == sorted(times, reverse=True)


async def test_log_filters_combine(store: TelemetryStore, query: TelemetryQuery) -> None:
    await store.append(
        1,
        Signal.LOGS,
        logs(
            log_row(T0, "GET /a took 12ms", attributes={"http.route": "/a", "code": "200"}),
            log_row(
                T0, "GET /b took 99ms", attributes={"http.route": "/b", "code": "500"}, severity=17
            ),
            log_row(T0, "job done", service="worker", resource={"host.name": "h2"}),
            log_row(T0 + HOUR, "GET /a took 7ms", attributes={"http.route": "/a"}, severity=13),
        ),
    )
    await store.flush()
    assert await _window(query, attributes={"http.route": "/a"}) == [
        "GET /a took 12ms",
        "GET /a took 7ms",
    ]
    assert await _window(query, attributes={"http.route": "/a", "code": "200"}) == [
        "GET /a took 12ms"
    ]
    assert await _window(query, attributes={"host.name": "h2"}) == ["job done"]  # a resource's
    assert await _window(query, attributes={"http.route": "/nowhere"}) == []
    assert await _window(query, services=["worker"]) == ["job done"]
    assert len(await _window(query, services=["worker", "api"])) == 4
    assert await _window(query, min_severity=13) == ["GET /a took 7ms", "GET /b took 99ms"]
    assert await _window(query, contains="took 9") == ["GET /b took 99ms"]
    assert await _window(query, contains="TOOK") == []  # case-sensitive, as Loki's |=
    assert await _window(query, regex=r"took \d{2}ms$") == ["GET /a took 12ms", "GET /b took 99ms"]
    assert await _window(query, regex="(?i)JOB") == ["job done"]
    assert await _window(query, regex="took", contains="/a", min_severity=10) == ["GET /a took 7ms"]


async def test_hostile_strings_are_values_never_sql(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    odd = {HOSTILE: HOSTILE, 'a"b': "c\\d", "x]": "[y"}
    await store.append(
        1,
        Signal.LOGS,
        logs(log_row(T0, HOSTILE, attributes=odd, service=HOSTILE), log_row(T0, "plain")),
    )
    await store.flush()
    assert await _window(query, attributes={HOSTILE: HOSTILE}) == [HOSTILE]
    assert await _window(query, attributes={'a"b': "c\\d", "x]": "[y"}) == [HOSTILE]
    assert await _window(query, attributes={HOSTILE: "plain"}) == []
    assert await _window(query, services=[HOSTILE]) == [HOSTILE]
    assert await _window(query, contains="'); DROP") == [HOSTILE]
    assert await _window(query, contains="%") == []  # not a LIKE pattern
    assert await _window(query, regex=r"\); DROP") == [HOSTILE]
    assert await _window(query) == [HOSTILE, "plain"]  # and everything still there


async def test_bad_log_queries_are_refused_naming_the_argument(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    await store.append(1, Signal.LOGS, logs(log_row(T0, "x")))
    await store.flush()
    naive = datetime(2026, 3, 1, 10)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"start": naive, "end": T0 + HOUR}, "start"),
        ({"start": T0, "end": T0}, "end"),
        ({"start": T0, "end": T0 + 32 * 24 * HOUR}, "end"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"min_severity": 25}, "min_severity"),
        ({"regex": "a" * (MAX_PATTERN + 1)}, "regex"),
        ({"regex": "(unclosed"}, "regex"),
        ({"attributes": {f"k{i}": "v" for i in range(33)}}, "attributes"),
        ({"contains": "x" * 5000}, "contains"),
    ]
    for arguments, field in cases:
        arguments = {"start": T0, "end": T0 + HOUR, **arguments}
        with pytest.raises(ValidationFailed) as refused:
            await query.logs(1, **arguments)
        assert refused.value.field == field, arguments
    for token in ("", "1", "x.y", "1.-1", f"1.{2**64}"):
        with pytest.raises(ValidationFailed, match="before"):
            LogCursor.parse(token)


# --- traces --------------------------------------------------------------------------------

TRACE = "0af7651916cd43dd8448eb211c80319c"


async def test_a_trace_is_found_by_id_across_hours_without_a_time_range(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    root = span_row(TRACE, "a" * 16, T0 + HOUR - 2 * MINUTE, duration=3 * MINUTE, name="checkout")
    child = span_row(TRACE, "b" * 16, T0 + HOUR - MINUTE, parent="a" * 16, service="db")
    late = span_row(TRACE, "c" * 16, T0 + HOUR + MINUTE, parent="a" * 16, name="publish")
    other = span_row("1" * 32, "d" * 16, T0 + HOUR - MINUTE)
    await store.append(1, Signal.TRACES, spans(root, other))
    await store.flush()
    await store.append(1, Signal.TRACES, spans(late, child))  # a later export, the next hour
    await store.flush()
    await store.append(1, Signal.TRACES, spans(span_row("2" * 32, "e" * 16, T0 - 30 * 24 * HOUR)))
    await store.flush()
    # One per spans file: the second export's spans fell in two hours.
    assert len(store.trace_index_files(1)) == 4
    found = await query.trace(1, TRACE.upper())
    assert found.schema.equals(SPANS)
    assert found.column("span_id").to_pylist() == ["a" * 16, "b" * 16, "c" * 16]
    assert plain(found)[0] == plain(spans(root))[0]
    # A month-old trace needs no hint either; an unknown one is empty; another project's too.
    assert (await query.trace(1, "2" * 32)).num_rows == 1
    assert (await query.trace(1, "f" * 32)).num_rows == 0
    assert (await query.trace(2, TRACE)).num_rows == 0
    for bad in ("xyz", TRACE[:-1], TRACE + "0", f"{HOSTILE:>32}"):
        with pytest.raises(ValidationFailed, match="trace_id"):
            await query.trace(1, bad)


async def test_trace_search_filters_spans_and_summarises_traces(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    def trace(n: int, start: datetime, *, slow: bool, error: bool) -> list[dict[str, Any]]:
        trace_id = f"{n:032x}"
        duration = timedelta(seconds=2 if slow else 0.01)
        return [
            span_row(
                trace_id, f"{n:015x}0", start, name="GET /cart", service="web", duration=duration
            ),
            span_row(
                trace_id,
                f"{n:015x}1",
                start + timedelta(milliseconds=1),
                parent=f"{n:015x}0",
                name="SELECT",
                service="db",
                status=2 if error else 0,
                attributes={"db.system": "postgresql", HOSTILE: "1"},
            ),
        ]

    rows = [
        *trace(1, T0 + 10 * MINUTE, slow=False, error=False),
        *trace(2, T0 + 20 * MINUTE, slow=True, error=False),
        *trace(3, T0 + 30 * MINUTE, slow=True, error=True),
        *trace(4, T0 + 3 * HOUR, slow=True, error=True),  # outside the range searched
    ]
    await store.append(1, Signal.TRACES, spans(*rows))
    await store.flush()

    async def search(**filters: Any) -> list[str]:
        found = await query.search_spans(1, start=T0, end=T0 + HOUR, **filters)
        return [t.trace_id[-1] for t in found]

    assert await search() == ["3", "2", "1"]  # latest first
    assert await search(min_duration_ns=10**9) == ["3", "2"]
    assert await search(max_duration_ns=10**8) == ["3", "2", "1"]  # their db spans are short
    assert await search(min_duration_ns=10**9, service="db") == []
    assert await search(status_code=2) == ["3"]
    assert await search(name="SELECT", attributes={"db.system": "postgresql"}) == ["3", "2", "1"]
    assert await search(attributes={HOSTILE: "1"}, service="db") == ["3", "2", "1"]
    assert await search(attributes={"db.system": "mysql"}) == []
    assert await search(limit=1) == ["3"]
    [summary] = await query.search_spans(1, start=T0, end=T0 + HOUR, status_code=2)
    assert (summary.root_name, summary.root_service, summary.span_count) == ("GET /cart", "web", 2)
    assert summary.start == T0 + 30 * MINUTE and summary.duration_ns == 2 * 10**9
    with pytest.raises(ValidationFailed, match="status_code"):
        await query.search_spans(1, start=T0, end=T0 + HOUR, status_code=3)


# --- metrics -------------------------------------------------------------------------------


async def test_metric_points_by_label_matchers(
    store: TelemetryStore, query: TelemetryQuery
) -> None:
    await store.append(
        1,
        Signal.METRICS,
        points(
            point_row("http_requests", T0 + MINUTE, 1, attributes={"code": "200", "route": "/a"}),
            point_row(
                "http_requests", T0 + 2 * MINUTE, 2, attributes={"code": "500", "route": "/a"}
            ),
            point_row(
                "http_requests", T0 + 3 * MINUTE, 3, attributes={"code": "200"}, service="web"
            ),
            point_row("http_requests", T0 + 2 * HOUR, 4, attributes={"code": "200"}),
            point_row("queue_depth", T0 + MINUTE, 9, attributes={"code": "200"}),
        ),
    )
    await store.flush()

    async def values(*matchers: tuple[str, str, str]) -> list[float]:
        table = await query.metric_points(
            1, name="http_requests", start=T0, end=T0 + HOUR, matchers=list(matchers)
        )
        return table.column("value").to_pylist()

    assert await values() == [1, 2, 3]  # by time, the other hour and metric left out
    assert await values(("code", "=", "200")) == [1, 3]
    assert await values(("code", "!=", "200")) == [2]
    assert await values(("code", "=~", "2..|5..")) == [1, 2, 3]
    assert await values(("code", "=~", "2")) == []  # anchored, as in Prometheus
    assert await values(("code", "!~", "5.*")) == [1, 3]
    assert await values(("route", "=", "")) == [3]  # an unset label is empty
    assert await values(("service_name", "=", "web")) == [3]
    assert await values(("service_name", "!=", "web"), ("route", "=~", "/.*")) == [1, 2]
    assert await values((HOSTILE, "=", HOSTILE)) == []
    assert await values((HOSTILE, "=", "")) == [1, 2, 3]
    table = await query.metric_points(1, name="http_requests", start=T0, end=T0 + HOUR)
    assert plain(table)[0]["attributes"] == [("code", "200"), ("route", "/a")]
    for bad in [("code", "==", "200"), ("code", "=~", "(")]:
        with pytest.raises(ValidationFailed, match="matchers"):
            await values(bad)


async def test_a_query_lists_again_when_a_file_it_listed_was_compacted_away(
    store: TelemetryStore, query: TelemetryQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        await store.append(1, Signal.LOGS, logs(log_row(T0 + n * MINUTE, f"b{n}")))
        await store.flush()
    listing = store.partitions_by_hour
    listings = []

    def compacted_after_listing(*args: Any) -> Any:
        listings.append(args)
        files = listing(*args)
        if len(listings) == 1:  # between this listing and DuckDB opening the files
            store._compact_hour(Signal.LOGS, 1, T0)
        return files

    monkeypatch.setattr(store, "partitions_by_hour", compacted_after_listing)
    page = await query.logs(1, start=T0, end=T0 + HOUR)
    assert page.records.column("body").to_pylist() == ["b2", "b1", "b0"]
    assert len(listings) == 3  # the query's, the compaction's, the query's again
    assert len(listing(Signal.LOGS, 1, T0, T0 + HOUR)[0][1]) == 1


async def test_evaluations_at_one_instant_share_their_store_reads(
    store: TelemetryStore, query: TelemetryQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an alert evaluator's pass relies on: rules over the same metric read it once,
    and get what they would have got reading it themselves."""
    from dais.actors.observe import promql

    await store.append(
        1,
        Signal.METRICS,
        points(
            *(
                point_row("requests", T0 + timedelta(seconds=15 * i), 10.0 * i, service=s)
                for i in range(40)
                for s in ("api", "web")
            )
        ),
    )
    await store.flush()
    at = T0 + timedelta(minutes=10)
    calls = 0
    select = query.select

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return await select(*args, **kwargs)

    monkeypatch.setattr(query, "select", counted)
    expressions = ("sum by (service_name) (rate(requests[5m])) > 0.1", "rate(requests[5m]) > 1")
    alone = [await promql.evaluate_instant(query, 1, e, at) for e in expressions]
    reads_alone, calls = calls, 0
    reads: dict[Any, Any] = {}
    shared = [await promql.evaluate_instant(query, 1, e, at, reads=reads) for e in expressions]
    assert shared == alone
    assert [s.value for s in shared[0]] == pytest.approx([2 / 3, 2 / 3])  # type: ignore[union-attr]
    assert reads_alone > 0 and calls == reads_alone // 2  # the second rule read nothing
