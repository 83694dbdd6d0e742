"""LogQL over the Parquet store: 1 M log lines over 4 hours (4 services, JSON bodies, a
tenth holding "timeout"), written through :class:`TelemetryStore`, then queried in-process.

Timed (p50 / p95 of repeated runs): a line-filter query (the newest 100 lines of one
service holding "timeout") and a ``sum by (level) (count_over_time(...[5m]))`` range query
over the 4 hours at a 1-minute step. The peer for the line filter: the same search through
:meth:`TelemetryQuery.logs` (``contains``), measured in the same run.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import anyio
import pyarrow as pa

from dais.actors.observe import logql
from dais.actors.observe.query import TelemetryQuery, to_ns
from dais.actors.observe.records import LOGS, Signal
from dais.actors.observe.store import TelemetryStore

LINES = 1_000_000
HOURS = 4
BATCH = 50_000
RUNS = 15
SERVICES = ["checkout", "search", "cart", "auth"]
START = datetime(2026, 3, 1, 8, tzinfo=UTC)


def _batch(first: int, count: int) -> pa.Table:
    span_ns = HOURS * 3600 * 10**9
    rows = []
    for i in range(first, first + count):
        timeout = i % 10 == 0
        rows.append(
            {
                "time": to_ns(START) + i * span_ns // LINES,
                "observed_time": None,
                "severity_number": 17 if timeout else 9,
                "severity_text": "ERROR" if timeout else "INFO",
                "body": json.dumps(
                    {
                        "status": 504 if timeout else 200,
                        "msg": "upstream timeout" if timeout else "ok",
                    }
                ),
                "trace_id": None,
                "span_id": None,
                "flags": 0,
                "event_name": None,
                "attributes": {"http.route": f"/r{i % 7}"},
                "service_name": SERVICES[i % len(SERVICES)],
                "resource_attributes": {"service.name": SERVICES[i % len(SERVICES)]},
                "scope_name": "bench",
                "scope_version": "1",
            }
        )
    return pa.Table.from_pylist(rows, schema=LOGS)


def _report(label: str, timings: list[float]) -> None:
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p95 = timings[max(int(len(timings) * 0.95) - 1, 0)] * 1000
    print(f"  {label:<58} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


async def _run(root: Path) -> None:
    store = TelemetryStore(root, flush_interval=3600)
    await store.recover()
    began = time.perf_counter()
    for first in range(0, LINES, BATCH):
        await store.append(1, Signal.LOGS, _batch(first, BATCH))
        await store.flush()  # as the ingester does, past its buffer
    print(f"{LINES:,} log lines over {HOURS} h written in {time.perf_counter() - began:.1f} s")
    query = TelemetryQuery(store)
    start_ns, end_ns = to_ns(START), to_ns(START + timedelta(hours=HOURS))
    try:
        lines = logql.parse('{service_name="checkout"} |= "timeout"')
        assert isinstance(lines, logql.LogQuery)
        metric = logql.parse('sum by (level) (count_over_time({service_name=~".+"}[5m]))')
        assert not isinstance(metric, logql.LogQuery)
        timings: dict[str, list[float]] = {"lines": [], "peer": [], "metric": []}
        for _ in range(RUNS):
            began = time.perf_counter()
            streams = await logql.select_logs(
                query, 1, lines, start_ns=start_ns, end_ns=end_ns, limit=100
            )
            timings["lines"].append(time.perf_counter() - began)
            assert sum(len(s.values) for s in streams) == 100
            began = time.perf_counter()
            page = await query.logs(
                1,
                start=START,
                end=START + timedelta(hours=HOURS),
                services=["checkout"],
                contains="timeout",
                limit=100,
            )
            timings["peer"].append(time.perf_counter() - began)
            assert page.records.num_rows == 100
            began = time.perf_counter()
            series = await logql.evaluate(
                query, 1, metric, start_ns=start_ns, end_ns=end_ns, step_ns=60 * 10**9
            )
            timings["metric"].append(time.perf_counter() - began)
            assert {s.labels["level"] for s in series} == {"error", "info"}
        _report('{service_name="checkout"} |= "timeout", newest 100', timings["lines"])
        _report("peer: TelemetryQuery.logs(contains=...), newest 100", timings["peer"])
        _report(
            "sum by (level) (count_over_time(...[5m])), 4 h at 1 m (241 steps)", timings["metric"]
        )
    finally:
        query.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as root:
        anyio.run(_run, Path(root))


if __name__ == "__main__":
    main()
