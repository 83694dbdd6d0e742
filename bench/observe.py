"""OTLP ingest into a real `dais serve`, and reading a trace back.

Exports of 512 spans each (protobuf, as the SDKs' http/protobuf exporters send them, built
with the OpenTelemetry SDK's own encoder), 8 clients at a time: spans/s acknowledged (each
export is in the write-ahead log before its 200) and the export latency. Then a trace by id
through the API, without a time range. The peer: the same exports answered by a bare ASGI
app that reads the body and answers an empty ``ExportTraceServiceResponse`` (what the HTTP
stack alone costs), measured in the same run.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time

import httpx
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from bench._server import running

SPANS_PER_EXPORT = 512
EXPORTS = 120
CLIENTS = 8


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


def _peer_app() -> object:
    answer = trace_service_pb2.ExportTraceServiceResponse().SerializeToString()

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


async def _peer(bodies: list[bytes]) -> tuple[float, list[float]]:
    import hypercorn.asyncio
    from hypercorn.config import Config

    from bench.healthz import _free_port

    port = _free_port()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    stop = asyncio.Event()
    task = asyncio.create_task(
        hypercorn.asyncio.serve(_peer_app(), config, shutdown_trigger=stop.wait)
    )  # type: ignore[arg-type]
    await asyncio.sleep(0.5)
    try:
        return await _send(f"http://127.0.0.1:{port}/v1/traces", {}, bodies)
    finally:
        stop.set()
        await task


def _report(label: str, elapsed: float, latencies: list[float], spans: int) -> float:
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    rate = spans / elapsed
    print(f"  {label:<34} {rate:>9,.0f} spans/s  export p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
    return rate


def main(database_url: str) -> None:
    bodies, traces = _export_bodies(EXPORTS)
    spans = EXPORTS * SPANS_PER_EXPORT
    kb = sum(map(len, bodies)) / len(bodies) / 1024
    print(f"{EXPORTS} exports of {SPANS_PER_EXPORT} spans ({kb:.0f} KiB each), {CLIENTS} clients")
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
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/x-protobuf",
        }
        elapsed, latencies = asyncio.run(_send(f"{server.url}/v1/traces", headers, bodies))
        dais_rate = _report("dais, acknowledged (in the WAL)", elapsed, latencies, spans)
        with httpx.Client(base_url=server.url, headers=admin, timeout=30) as http:
            wanted = random.sample(traces, 20)
            timings = []
            deadline = time.monotonic() + 30
            for trace_id in wanted:
                while True:
                    began = time.perf_counter()
                    r = http.get(f"/api/projects/{project}/telemetry/traces/{trace_id}")
                    took = time.perf_counter() - began
                    if r.status_code == 200 or time.monotonic() > deadline:
                        break
                    time.sleep(0.2)  # not flushed to Parquet yet
                assert r.status_code == 200 and len(r.json()) == SPANS_PER_EXPORT, r.text[:200]
                timings.append(took)
            timings.sort()
            print(
                f"  trace by id through the API ({SPANS_PER_EXPORT} spans, no time range): "
                f"p50 {statistics.median(timings) * 1000:.1f} ms, max {timings[-1] * 1000:.1f} ms"
            )
    elapsed, latencies = asyncio.run(_peer(bodies))
    peer_rate = _report("peer: bare ASGI app, same bodies", elapsed, latencies, spans)
    print(f"  dais / peer throughput: {dais_rate / peer_rate:.2f}")


if __name__ == "__main__":
    main(os.environ["DAIS_BENCH_DATABASE_URL"])
