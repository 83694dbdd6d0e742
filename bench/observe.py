"""OTLP ingest into a real `dais serve`, and reading telemetry back (issue #13's targets).

1. Ingest (target >= 30,000 records/s on one core, spans and log records alike). Exports of
   512 spans each (protobuf, as the SDKs' http/protobuf exporters send them, built with the
   OpenTelemetry SDK's own encoder), 8 clients at a time; then exports of 512 log records
   (built with the OTLP protobuf classes the SDK's exporter uses: ~130-byte varied bodies,
   4 attributes, trace context, a resource of 4 attributes), 8 clients at a time. For each:
   records/s acknowledged (each export is in the write-ahead log before its 200), records/s
   durable (until the server's Parquet files hold every record, read from their footers,
   and the API returns the last export's records), the server's CPU seconds meanwhile
   (records per CPU-second: the "one core" figure) and the export latency. The peer: the
   same exports answered by a bare ASGI app that reads the body and answers an empty
   export response (what the HTTP stack alone costs), measured in the same run.
2. Trace by id with no time hint (target p95 <= 50 ms over 24 h of data): through the API
   right after the ingest, and in process over a store of 24 hourly partitions (2,000
   traces of 20 spans an hour, 4 flushes an hour, compacted as the ingester does), for
   traces spread over the 24 h and for an id that is nowhere.
3. Log substring search (target p95 <= 300 ms for the newest 100 in 1 h over 10 M rows):
   stores of 1 M and 10 M log rows written straight into a ``TelemetryStore`` in batches
   of 50,000 (each flushed, as the ingester's 8 MiB buffer would be), half of them in the
   last hour and half over the 3 hours before, compacted as the ingester does (hours that
   ended an hour ago; the last two hours stay as flushed), then
   ``TelemetryQuery.logs(contains=..., limit=100)`` over the last hour for a rare substring
   (a request id in ~25 rows of the hour: the whole hour is scanned) and a common one
   (in 5 % of rows). Then the same after compacting every hour.

The live tail's latency is ``bench/tail.py``. The machine's load average is printed with
the figures: on a shared 2-core machine they move with other work.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
import httpx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.logs.v1 import logs_pb2
from opentelemetry.proto.resource.v1 import resource_pb2
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from bench._server import Server, running
from dais.actors.observe.query import TelemetryQuery, to_ns
from dais.actors.observe.records import LOGS, SPANS, Signal
from dais.actors.observe.store import TelemetryStore

INGEST_TARGET = 30_000
TRACE_TARGET_MS = 50
SEARCH_TARGET_MS = 300
SPANS_PER_EXPORT = 512
EXPORTS = 120
LOG_RECORDS_PER_EXPORT = 512
LOG_EXPORTS = 200
CLIENTS = 8
TRACE_HOURS, TRACES_PER_HOUR, SPANS_PER_TRACE, FLUSHES_PER_HOUR = 24, 2000, 20, 4
SEARCH_SIZES = (1_000_000, 10_000_000)
SEARCH_BATCH = 50_000
SEARCH_RUNS = 20
_SERVICES = ["checkout", "search", "cart", "auth", "payments", "catalog", "gateway", "users"]
_ROUTES = ["/api/cart", "/api/items/{id}", "/api/search", "/api/login", "/api/pay", "/healthz"]


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# --- 1. ingest -------------------------------------------------------------------------


def _export_bodies(count: int) -> tuple[list[bytes], list[str]]:
    """``count`` protobuf exports of SPANS_PER_EXPORT spans, and a trace id of each."""
    bodies, traces = [], []
    for _ in range(count):
        memory = InMemorySpanExporter()
        provider = TracerProvider(resource=Resource.create({"service.name": "bench"}))
        provider.add_span_processor(SimpleSpanProcessor(memory))
        tracer = provider.get_tracer("bench")
        with tracer.start_as_current_span("root", attributes={"http.route": "/x"}) as root:
            for i in range(SPANS_PER_EXPORT - 1):
                with tracer.start_as_current_span(
                    f"child-{i % 16}", attributes={"n": i, "db.system": "postgresql"}
                ):
                    pass
        provider.shutdown()
        bodies.append(encode_spans(memory.get_finished_spans()).SerializeToString())
        traces.append(format(root.get_span_context().trace_id, "032x"))
    return bodies, traces


def _kv(key: str, value: str | int) -> common_pb2.KeyValue:
    if isinstance(value, int):
        return common_pb2.KeyValue(key=key, value=common_pb2.AnyValue(int_value=value))
    return common_pb2.KeyValue(key=key, value=common_pb2.AnyValue(string_value=value))


def _log_line(rng: random.Random, request_id: str) -> tuple[int, str, str, int]:
    """A log record's severity number and text, body, and HTTP status."""
    route, status = rng.choice(_ROUTES), rng.choice([200] * 17 + [404, 500, 504])
    took = rng.randint(1, 900)
    if status == 504:
        text = f"upstream timeout after {took} ms calling inventory for {route}"
        return 17, "ERROR", f"{text} request_id={request_id} attempt={rng.randint(1, 3)}", status
    method = rng.choice(["GET", "GET", "POST", "PUT"])
    body = (
        f"{method} {route} -> {status} in {took} ms request_id={request_id} "
        f"user=u{rng.randint(1, 99_999)} bytes={rng.randint(100, 90_000)}"
    )
    return (13, "WARN", body, status) if status >= 400 else (9, "INFO", body, status)


def _log_bodies(count: int, rng: random.Random) -> tuple[list[bytes], list[str]]:
    """``count`` protobuf exports of LOG_RECORDS_PER_EXPORT log records, and a body
    substring unique to each (its first record's request id)."""
    bodies, markers = [], []
    for e in range(count):
        service = _SERVICES[e % len(_SERVICES)]
        resource = resource_pb2.Resource(
            attributes=[
                _kv("service.name", service),
                _kv("service.version", "1.4.2"),
                _kv("host.name", f"node-{e % 5}"),
                _kv("k8s.pod.name", f"{service}-7d9f8-{e % 13:05d}"),
            ]
        )
        records = []
        base = time.time_ns()
        for i in range(LOG_RECORDS_PER_EXPORT):
            request_id = rng.randbytes(8).hex()
            if i == 0:
                markers.append(request_id)
            number, text, line, status = _log_line(rng, request_id)
            records.append(
                logs_pb2.LogRecord(
                    time_unix_nano=base + i * 1000,
                    observed_time_unix_nano=base + i * 1000 + 500,
                    severity_number=number,  # type: ignore[arg-type]
                    severity_text=text,
                    body=common_pb2.AnyValue(string_value=line),
                    attributes=[
                        _kv("http.method", "GET"),
                        _kv("http.route", rng.choice(_ROUTES)),
                        _kv("http.status_code", status),
                        _kv("code.function", "handle_request"),
                    ],
                    trace_id=rng.randbytes(16),
                    span_id=rng.randbytes(8),
                    flags=1,
                )
            )
        request = logs_service_pb2.ExportLogsServiceRequest(
            resource_logs=[
                logs_pb2.ResourceLogs(
                    resource=resource,
                    scope_logs=[
                        logs_pb2.ScopeLogs(
                            scope=common_pb2.InstrumentationScope(name="app.http", version="1"),
                            log_records=records,
                        )
                    ],
                )
            ]
        )
        bodies.append(request.SerializeToString())
    return bodies, markers


async def _send(
    url: str, headers: dict[str, str], bodies: list[bytes]
) -> tuple[float, list[float]]:
    queue = iter(bodies)
    latencies: list[float] = []
    async with httpx.AsyncClient(timeout=60, headers=headers) as client:

        async def worker() -> None:
            for body in queue:
                began = time.perf_counter()
                r = await client.post(url, content=body)
                assert r.status_code == 200, r.text
                latencies.append(time.perf_counter() - began)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        return time.perf_counter() - began, latencies


def _peer_app(answer: bytes) -> object:
    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        assert scope["type"] == "http"
        more = True
        while more:
            message = await receive()  # type: ignore[operator]
            more = message.get("more_body", False)
        await send(  # type: ignore[operator]
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/x-protobuf")],
            }
        )
        await send({"type": "http.response.body", "body": answer})  # type: ignore[operator]

    return app


async def _peer(path: str, answer: bytes, bodies: list[bytes]) -> tuple[float, list[float]]:
    import hypercorn.asyncio
    from hypercorn.config import Config

    from bench.healthz import _free_port

    port = _free_port()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    stop = asyncio.Event()
    app: Any = _peer_app(answer)
    task = asyncio.create_task(hypercorn.asyncio.serve(app, config, shutdown_trigger=stop.wait))
    await asyncio.sleep(0.5)
    try:
        return await _send(f"http://127.0.0.1:{port}{path}", {}, bodies)
    finally:
        stop.set()
        await task


def _report(label: str, elapsed: float, latencies: list[float], records: int, unit: str) -> float:
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    rate = records / elapsed
    print(f"  {label:<38} {rate:>9,.0f} {unit}/s  export p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
    return rate


def _server_pid() -> int:
    """The `dais serve` this process started (bench._server keeps its Popen to itself)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == os.getpid() and b"dais.cli" in (entry / "cmdline").read_bytes():
                return int(entry.name)
    raise RuntimeError("no dais serve child found")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _parquet_rows(data_dir: Path, signal: Signal) -> int:
    """Rows in the server's Parquet files of ``signal`` (files compaction replaces while
    they are counted are counted again on the next call)."""
    total = 0
    for file in (data_dir / "telemetry" / signal.value).glob("*/*/*/part-*.parquet"):
        with contextlib.suppress(OSError):
            total += pq.read_metadata(file).num_rows
    return total


def _ingest(
    server: Server,
    token: str,
    signal: Signal,
    bodies: list[bytes],
    records: int,
    queryable: Callable[[], bool],
) -> float:
    """Send ``bodies``; print acknowledged and durable rates; the acknowledged one."""
    unit = "spans" if signal is Signal.TRACES else "records"
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-protobuf"}
    pid = _server_pid()
    before = _parquet_rows(server.data_dir, signal)
    cpu = _cpu_seconds(pid)
    began = time.perf_counter()
    elapsed, latencies = asyncio.run(_send(f"{server.url}/v1/{signal.value}", headers, bodies))
    acked_cpu = _cpu_seconds(pid) - cpu
    rate = _report("dais, acknowledged (in the WAL)", elapsed, latencies, records, unit)
    deadline = time.monotonic() + 60
    while _parquet_rows(server.data_dir, signal) - before < records or not queryable():
        assert time.monotonic() < deadline, "not durable in Parquet within 60 s"
        time.sleep(0.05)
    durable = time.perf_counter() - began
    durable_cpu = _cpu_seconds(pid) - cpu
    print(
        f"  {'dais, durable (in Parquet, queryable)':<38} {records / durable:>9,.0f} {unit}/s  "
        f"({durable:.2f} s for {records:,}; flush interval 5 s)"
    )
    print(
        f"  server CPU: {acked_cpu:.2f} s to acknowledge ({records / acked_cpu:,.0f} {unit} "
        f"per CPU-second, target {INGEST_TARGET:,}: "
        f"{_verdict(records / acked_cpu >= INGEST_TARGET)}"
        f"), {durable_cpu:.2f} s until durable ({records / durable_cpu:,.0f} per CPU-second)"
    )
    return rate


# --- 2. trace by id over 24 h -----------------------------------------------------------


def _trace_rows(rng: random.Random, start: datetime, count: int) -> tuple[pa.Table, list[str]]:
    rows, ids = [], []
    for _ in range(count):
        trace_id = rng.randbytes(16).hex()
        ids.append(trace_id)
        began = to_ns(start) + rng.randrange(3600 // FLUSHES_PER_HOUR * 10**9)
        service = rng.choice(_SERVICES)
        root = rng.randbytes(8).hex()
        for i in range(SPANS_PER_TRACE):
            at = began + i * 2_000_000
            duration = rng.randint(100_000, 30_000_000)
            rows.append(
                {
                    "trace_id": trace_id,
                    "span_id": root if i == 0 else rng.randbytes(8).hex(),
                    "parent_span_id": None if i == 0 else root,
                    "trace_state": None,
                    "name": f"SELECT orders {i % 5}" if i else "GET /api/cart",
                    "kind": 2 if i == 0 else 3,
                    "start_time": at,
                    "end_time": at + duration,
                    "duration_ns": duration,
                    "status_code": 0,
                    "status_message": None,
                    "attributes": {"db.system": "postgresql", "http.route": "/api/cart"},
                    "events": "[]",
                    "links": "[]",
                    "service_name": service,
                    "resource_attributes": {"service.name": service, "host.name": "node-1"},
                    "scope_name": "bench",
                    "scope_version": "1",
                }
            )
    return pa.Table.from_pylist(rows, schema=SPANS), ids


async def _trace_by_id(root: Path) -> None:
    rng = random.Random(13)
    store = TelemetryStore(root, flush_interval=3600)
    await store.recover()
    now = datetime.now(UTC)
    first_hour = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=TRACE_HOURS - 1)
    began = time.perf_counter()
    ids: list[str] = []
    per_flush = TRACES_PER_HOUR // FLUSHES_PER_HOUR
    for h in range(TRACE_HOURS):
        for f in range(FLUSHES_PER_HOUR):
            start = first_hour + timedelta(hours=h, seconds=f * 3600 // FLUSHES_PER_HOUR)
            table, made = _trace_rows(rng, start, per_flush)
            ids += made
            await store.append(1, Signal.TRACES, table)
            await store.flush()
    await store.compact()
    spans = len(ids) * SPANS_PER_TRACE
    print(
        f"  {spans:,} spans ({len(ids):,} traces) over {TRACE_HOURS} h written and compacted "
        f"in {time.perf_counter() - began:.1f} s"
    )
    query = TelemetryQuery(store)
    try:
        await query.trace(1, ids[0])  # DuckDB's first connection
        found, missing = [], []
        for trace_id in rng.sample(ids, 60):
            t0 = time.perf_counter()
            table = await query.trace(1, trace_id)
            found.append((time.perf_counter() - t0) * 1000)
            assert table.num_rows == SPANS_PER_TRACE
        for _ in range(20):
            t0 = time.perf_counter()
            table = await query.trace(1, rng.randbytes(16).hex())
            missing.append((time.perf_counter() - t0) * 1000)
            assert table.num_rows == 0
        for label, timings in (("a trace of the 24 h", found), ("an id that is nowhere", missing)):
            p95 = _pct(timings, 0.95)
            print(
                f"  trace by id, no time range, {label:<22} p50 {statistics.median(timings):5.1f} "
                f"ms  p95 {p95:5.1f} ms  (target {TRACE_TARGET_MS} ms: "
                f"{_verdict(p95 <= TRACE_TARGET_MS)})"
            )
    finally:
        query.close()


# --- 3. log substring search --------------------------------------------------------------


def _log_pool(rng: random.Random, size: int) -> tuple[pa.Table, str]:
    """``size`` distinct log rows without their times, and a request id found in one."""
    rows = []
    for i in range(size):
        service = _SERVICES[i % len(_SERVICES)]
        number, text, line, status = _log_line(rng, rng.randbytes(8).hex())
        rows.append(
            {
                "severity_number": number,
                "severity_text": text,
                "body": line,
                "trace_id": rng.randbytes(16).hex(),
                "span_id": rng.randbytes(8).hex(),
                "flags": 1,
                "event_name": None,
                "attributes": {"http.status_code": str(status), "code.function": "handle"},
                "service_name": service,
                "resource_attributes": {"service.name": service, "host.name": f"node-{i % 5}"},
                "scope_name": "app.http",
                "scope_version": "1",
            }
        )
    pool = pa.Table.from_pylist(rows, schema=pa.schema([f for f in LOGS if "time" not in f.name]))
    rare = next(str(b).split("request_id=")[1][:16] for b in pool["body"].to_pylist())
    return pool, rare


def _log_batches(pool: pa.Table, total: int, now: datetime) -> Iterator[pa.Table]:
    """``total`` rows in time order: half over [now-4h, now-1h), half over [now-1h, now)."""
    half = total // 2
    for first in range(0, total, SEARCH_BATCH):
        count = min(SEARCH_BATCH, total - first)
        index = pa.array(range(first, first + count), pa.int64())
        older = pc.multiply(index, 3 * 3600 * 10**9 // half)
        newer = pc.add(
            pc.multiply(pc.subtract(index, half), 3600 * 10**9 // (total - half)),
            3 * 3600 * 10**9,
        )
        offset = pc.if_else(pc.less(index, half), older, newer)
        times = pc.add(offset, to_ns(now) - 4 * 3600 * 10**9).cast(pa.timestamp("ns", tz="UTC"))
        picks = pc.floor(pc.multiply(pc.random(count), pool.num_rows)).cast(pa.int64())
        rows = pool.take(picks)
        rows = rows.append_column("time", times).append_column("observed_time", times)
        yield rows.select(LOGS.names).cast(LOGS)


async def _search(root: Path, rows: int, pool: pa.Table, rare: str) -> None:
    store = TelemetryStore(root, flush_interval=3600)
    await store.recover()
    now = datetime.now(UTC)
    began = time.perf_counter()
    for batch in _log_batches(pool, rows, now):
        await store.append(1, Signal.LOGS, batch)
        await store.flush()
    written = time.perf_counter() - began
    await store.compact()
    files = len(list((root / "telemetry" / "logs").glob("*/*/*/part-*.parquet")))
    size = sum(f.stat().st_size for f in (root / "telemetry" / "logs").glob("**/*.parquet"))
    print(
        f"  {rows:,} log rows (half in the last hour) written in {written:.1f} s, compacted "
        f"in {time.perf_counter() - began - written:.1f} s: {files} files, {size / 2**20:.0f} MiB"
    )
    query = TelemetryQuery(store)
    try:
        for stage in ("as the ingester leaves it", "every hour compacted"):
            if stage == "every hour compacted":
                t0 = time.perf_counter()
                await store.compact(older_than=0, now=now + timedelta(hours=2))
                files = len(list((root / "telemetry" / "logs").glob("*/*/*/part-*.parquet")))
                print(f"  compacted every hour in {time.perf_counter() - t0:.1f} s: {files} files")
            for label, text in ((f"rare ({rare})", rare), ("common (timeout)", "timeout")):
                timings, found = [], 0
                for _ in range(SEARCH_RUNS + 1):
                    t0 = time.perf_counter()
                    page = await query.logs(
                        1, start=now - timedelta(hours=1), end=now, contains=text, limit=100
                    )
                    timings.append((time.perf_counter() - t0) * 1000)
                    found = page.records.num_rows
                timings = timings[1:]  # the first one warms the file cache
                p95 = _pct(timings, 0.95)
                print(
                    f"    {stage}, {label:<30} {found:>3} rows  p50 "
                    f"{statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms  (target "
                    f"{SEARCH_TARGET_MS} ms: {_verdict(p95 <= SEARCH_TARGET_MS)})"
                )
    finally:
        query.close()


async def _in_process() -> None:
    print(f"\ntrace by id over {TRACE_HOURS} h, in process ({_load()})")
    with tempfile.TemporaryDirectory() as root:
        await _trace_by_id(Path(root))
    rng = random.Random(7)
    pool, rare = _log_pool(rng, 200_000)
    for rows in SEARCH_SIZES:
        print(f"\nlog substring search, newest 100 in the last hour, {rows:,} rows ({_load()})")
        with tempfile.TemporaryDirectory() as root:
            await _search(Path(root), rows, pool, rare)


def main(database_url: str) -> None:
    bodies, traces = _export_bodies(EXPORTS)
    log_bodies, markers = _log_bodies(LOG_EXPORTS, random.Random(1))
    spans = EXPORTS * SPANS_PER_EXPORT
    records = LOG_EXPORTS * LOG_RECORDS_PER_EXPORT
    kb = sum(map(len, bodies)) / len(bodies) / 1024
    log_kb = sum(map(len, log_bodies)) / len(log_bodies) / 1024
    print(f"{_load()} at the start, {os.cpu_count()} cores")
    with running(database_url) as server:
        admin = {"Authorization": f"Bearer {server.token}"}
        with httpx.Client(base_url=server.url, headers=admin, timeout=30) as http:
            made = http.post("/api/projects", json={"name": "telemetry"})
            assert made.status_code == 201, made.text
            project = made.json()["id"]
            token = http.post(
                "/api/user/tokens",
                json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
            ).json()["token"]

            def trace_found() -> bool:
                r = http.get(f"/api/projects/{project}/telemetry/traces/{traces[-1]}")
                return r.status_code == 200

            def log_found() -> bool:
                since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
                r = http.get(
                    f"/api/projects/{project}/telemetry/logs",
                    params={"q": markers[-1], "start": since},
                )
                return r.status_code == 200 and len(r.json()["records"]) == 1

            print(
                f"\n{EXPORTS} exports of {SPANS_PER_EXPORT} spans ({kb:.0f} KiB each), "
                f"{CLIENTS} clients"
            )
            dais_rate = _ingest(server, token, Signal.TRACES, bodies, spans, trace_found)
            wanted = random.sample(traces, 40)
            timings = []
            for trace_id in wanted:
                began = time.perf_counter()
                r = http.get(f"/api/projects/{project}/telemetry/traces/{trace_id}")
                timings.append((time.perf_counter() - began) * 1000)
                assert r.status_code == 200 and len(r.json()) == SPANS_PER_EXPORT, r.text[:200]
            print(
                f"  trace by id through the API ({SPANS_PER_EXPORT} spans, no time range, "
                f"data of this hour): p50 {statistics.median(timings):.1f} ms, "
                f"p95 {_pct(timings, 0.95):.1f} ms"
            )
            print(
                f"\n{LOG_EXPORTS} exports of {LOG_RECORDS_PER_EXPORT} log records "
                f"({log_kb:.0f} KiB each), {CLIENTS} clients ({_load()})"
            )
            log_rate = _ingest(server, token, Signal.LOGS, log_bodies, records, log_found)
    answer = trace_service_pb2.ExportTraceServiceResponse().SerializeToString()
    elapsed, latencies = asyncio.run(_peer("/v1/traces", answer, bodies))
    peer_rate = _report("peer: bare ASGI app, same span bodies", elapsed, latencies, spans, "spans")
    print(f"  dais / peer throughput, spans: {dais_rate / peer_rate:.2f}")
    answer = logs_service_pb2.ExportLogsServiceResponse().SerializeToString()
    elapsed, latencies = asyncio.run(_peer("/v1/logs", answer, log_bodies))
    peer_rate = _report(
        "peer: bare ASGI app, same log bodies", elapsed, latencies, records, "records"
    )
    print(f"  dais / peer throughput, log records: {log_rate / peer_rate:.2f}")
    anyio.run(_in_process)
    print(f"\n{_load()} at the end")


if __name__ == "__main__":
    main(os.environ["DAIS_BENCH_DATABASE_URL"])
