"""PromQL through the Prometheus API of a real `dais serve`: 100 counter series (5 services x
20 routes) over one day at a 15 s interval (576,000 points, sent as OTLP/HTTP protobuf),
then ``sum by (service_name) (rate(bench_requests[5m]))`` as an instant query and as a 24 h
range query at a 60 s step (1,441 steps); p50 and p95 of each, through HTTP.

The peer, when the ``prometheus`` and ``promtool`` binaries are installed (Debian's
``prometheus`` package): the same samples written as OpenMetrics text, turned into TSDB
blocks by ``promtool tsdb create-blocks-from openmetrics``, served by ``prometheus`` and
asked the same queries over its own HTTP API in the same run, its answers compared with
dais's. Debian's is Prometheus 2, whose windows are closed where Prometheus 3's (and dais's)
are left-open: the queries run 8 s off the 15 s sample grid, where no window edge meets a
sample, so both must give the same numbers. Without the binaries the peer is skipped, and
the bench says so. dais is measured after its first compaction pass (a minute), as a store
that has been running looks.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.metrics.v1 import metrics_pb2

from bench._server import running
from bench.healthz import _free_port

SERVICES = 5
ROUTES = 20
INTERVAL = 15  # seconds
DAY = 86_400
TICKS_PER_EXPORT = 80  # 20 minutes of points per export, every series (8,000 points)
QUERY = "sum by (service_name) (rate(bench_requests[5m]))"
INSTANT_RUNS = 30
RANGE_RUNS = 8


def _series() -> list[tuple[str, str, list[int]]]:
    """(service, route, counter value at each tick), the same in every run."""
    rng = random.Random(20261204)
    ticks = DAY // INTERVAL + 1
    out = []
    for s in range(SERVICES):
        for r in range(ROUTES):
            # Counters well past zero, as a long-running process's are (so that neither
            # Prometheus 3's nor 2's rule for extrapolating to a counter's zero applies).
            total, values = rng.randint(10**6, 10**7), []
            for _ in range(ticks):
                total += rng.randint(0, 6)
                values.append(total)
            out.append((f"svc-{s}", f"/r{r}", values))
    return out


def _exports(series: list[tuple[str, str, list[int]]], start_s: int) -> list[bytes]:
    ticks = len(series[0][2])
    bodies = []
    for first in range(0, ticks, TICKS_PER_EXPORT):
        request = metrics_service_pb2.ExportMetricsServiceRequest()
        for s in range(SERVICES):
            resource = request.resource_metrics.add()
            resource.resource.attributes.append(
                common_pb2.KeyValue(
                    key="service.name", value=common_pb2.AnyValue(string_value=f"svc-{s}")
                )
            )
            metric = resource.scope_metrics.add().metrics.add()
            metric.name = "bench.requests"
            metric.sum.is_monotonic = True
            metric.sum.aggregation_temporality = metrics_pb2.AGGREGATION_TEMPORALITY_CUMULATIVE
            for service, route, values in series:
                if service != f"svc-{s}":
                    continue
                for tick in range(first, min(first + TICKS_PER_EXPORT, ticks)):
                    point = metric.sum.data_points.add()
                    point.start_time_unix_nano = (start_s - INTERVAL) * 10**9
                    point.time_unix_nano = (start_s + tick * INTERVAL) * 10**9
                    point.as_int = values[tick]
                    point.attributes.append(
                        common_pb2.KeyValue(
                            key="route", value=common_pb2.AnyValue(string_value=route)
                        )
                    )
        bodies.append(request.SerializeToString())
    return bodies


def _openmetrics(series: list[tuple[str, str, list[int]]], start_s: int, path: Path) -> None:
    with path.open("w") as out:
        out.write("# TYPE bench_requests gauge\n")
        for service, route, values in series:
            labels = f'job="{service}",route="{route}",service_name="{service}"'
            for tick, value in enumerate(values):
                out.write(f"bench_requests{{{labels}}} {value} {start_s + tick * INTERVAL}\n")
        out.write("# EOF\n")


def _timed(
    client: httpx.Client, path: str, params: dict[str, str], runs: int
) -> tuple[list[float], dict]:
    timings, body = [], {}
    for _ in range(runs):
        began = time.perf_counter()
        r = client.get(path, params=params)
        timings.append(time.perf_counter() - began)
        assert r.status_code == 200, r.text[:500]
        body = r.json()
    timings.sort()
    return timings, body


def _line(label: str, timings: list[float]) -> str:
    p50 = statistics.median(timings) * 1000
    p95 = timings[max(0, round(len(timings) * 0.95) - 1)] * 1000
    return f"  {label:<44} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms"


def _measure(
    client: httpx.Client, base: str, end_s: int
) -> tuple[list[float], list[float], dict, dict]:
    # 8 s before the last sample: no window edge falls on a sample, where Prometheus 2
    # (closed windows) and 3 (left-open, as dais) would disagree.
    at = end_s - 8
    instant_t, instant = _timed(
        client, f"{base}/query", {"query": QUERY, "time": str(at)}, INSTANT_RUNS
    )
    params = {"query": QUERY, "start": str(at - DAY), "end": str(at), "step": "60"}
    range_t, ranged = _timed(client, f"{base}/query_range", params, RANGE_RUNS)
    return instant_t, range_t, instant, ranged


def _by_service(body: dict, key: str) -> dict[str, list[float]]:
    out = {}
    for s in body["data"]["result"]:
        points = [s["value"]] if key == "value" else s["values"]
        out[s["metric"]["service_name"]] = [float(v) for _, v in points]
    return out


def _difference(a: dict, b: dict, key: str) -> float:
    """The largest relative difference between two answers' values, service by service."""
    ours, theirs = _by_service(a, key), _by_service(b, key)
    assert ours.keys() == theirs.keys(), (ours.keys(), theirs.keys())
    worst = 0.0
    for service, values in ours.items():
        assert len(values) == len(theirs[service]), service
        for x, y in zip(values, theirs[service], strict=True):
            worst = max(worst, abs(x - y) / max(abs(y), 1e-12))
    return worst


def _peer(
    series: list[tuple[str, str, list[int]]], start_s: int, end_s: int
) -> tuple[list[float], list[float], dict, dict] | None:
    prometheus, promtool = shutil.which("prometheus"), shutil.which("promtool")
    if not (prometheus and promtool):
        print("  peer: prometheus/promtool not installed (apt-get install prometheus); skipped")
        return None
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        _openmetrics(series, start_s, root / "data.om")
        subprocess.run(
            [
                promtool,
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                str(root / "data.om"),
                str(root / "tsdb"),
            ],
            check=True,
            capture_output=True,
        )
        (root / "prometheus.yml").write_text("global:\n  scrape_interval: 15s\n")
        port = _free_port()
        with (root / "log").open("wb") as log:
            proc = subprocess.Popen(
                [
                    prometheus,
                    f"--config.file={root / 'prometheus.yml'}",
                    f"--storage.tsdb.path={root / 'tsdb'}",
                    "--storage.tsdb.retention.time=30d",
                    f"--web.listen-address=127.0.0.1:{port}",
                ],
                stdout=log,
                stderr=log,
            )
            try:
                url = f"http://127.0.0.1:{port}"
                deadline = time.monotonic() + 60
                while True:
                    try:
                        if httpx.get(f"{url}/-/ready", timeout=1).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(
                            f"prometheus did not start: {(root / 'log').read_text()[-2000:]}"
                        )
                    time.sleep(0.2)
                with httpx.Client(base_url=url, timeout=120) as client:
                    version = client.get("/api/v1/status/buildinfo").json()["data"]["version"]
                    print(
                        f"  peer: Prometheus {version}, the same samples backfilled with promtool"
                    )
                    return _measure(client, "/api/v1", end_s)
            finally:
                proc.terminate()
                proc.wait(30)


def main(database_url: str) -> None:
    series = _series()
    end_s = int(datetime.now(UTC).replace(second=0, microsecond=0).timestamp()) - 600
    start_s = end_s - DAY
    bodies = _exports(series, start_s)
    points = len(series) * len(series[0][2])
    print(
        f"{len(series)} series x {DAY // 3600} h at {INTERVAL} s: {points:,} points,"
        f" {len(bodies)} exports"
    )
    with running(database_url, DAIS_TELEMETRY_FLUSH_INTERVAL="1") as server:
        admin = {"Authorization": f"Bearer {server.token}"}
        with httpx.Client(base_url=server.url, headers=admin, timeout=120) as http:
            made = http.post("/api/projects", json={"name": "promql"})
            assert made.status_code == 201, made.text
            project = made.json()["id"]
            token = http.post(
                "/api/user/tokens",
                json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
            ).json()["token"]
            ingest = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-protobuf"}
            began = time.perf_counter()
            for body in bodies:
                r = httpx.post(
                    f"{server.url}/v1/metrics", content=body, headers=ingest, timeout=120
                )
                assert r.status_code == 200, r.text
            print(f"  ingest: {points / (time.perf_counter() - began):,.0f} points/s acknowledged")
            base = f"/api/projects/{project}/prometheus/api/v1"
            count = f"count_over_time(bench_requests[{DAY + 60}s])"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:  # until every point is in Parquet
                got = http.get(
                    f"{base}/query", params={"query": f"sum({count})", "time": str(end_s)}
                )
                result = got.json()["data"]["result"] if got.status_code == 200 else []
                if result and float(result[0]["value"][1]) >= points:
                    break
                time.sleep(0.5)
            else:
                raise RuntimeError(f"not every point became readable: {got.text[:300]}")
            # The ingester compacts finished hours every minute: measure the store as it
            # stands once that has run, not the many small files of the first flushes.
            time.sleep(65)
            instant_t, range_t, instant, ranged = _measure(http, base, end_s)
    print(_line("dais: instant, 100 series, [5m]", instant_t))
    print(_line("dais: 24 h range at 60 s (1,441 steps)", range_t))
    peer = _peer(series, start_s, end_s)
    if peer is None:
        return
    peer_instant_t, peer_range_t, peer_instant, peer_ranged = peer
    print(_line("Prometheus: instant, 100 series, [5m]", peer_instant_t))
    print(_line("Prometheus: 24 h range at 60 s (1,441 steps)", peer_range_t))
    instant_ratio = statistics.median(instant_t) / statistics.median(peer_instant_t)
    range_ratio = statistics.median(range_t) / statistics.median(peer_range_t)
    print(f"  dais / Prometheus (p50): instant {instant_ratio:.1f}x, range {range_ratio:.1f}x")
    print(
        "  largest relative difference between the answers: "
        f"instant {_difference(instant, peer_instant, 'value'):.1e}, "
        f"range {_difference(ranged, peer_ranged, 'values'):.1e}"
    )


if __name__ == "__main__":
    main(os.environ["DAIS_BENCH_DATABASE_URL"])
