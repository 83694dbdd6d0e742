"""The live tail: ingest -> browser (target p95 <= 100 ms), against a real `dais serve`.

A client follows ``GET /api/projects/{p}/telemetry/logs/tail`` (Server-Sent Events, httpx
streaming); a sender posts 300 OTLP protobuf exports of 16 log records, 20 ms apart, each
record's body carrying the export's number. The figure: from just before an export's POST
to the arrival of its first and of its last record's ``event: log`` line (one process, one
clock). The peer, in the same run: the POST's own round trip (the export acknowledged,
in the write-ahead log), which the tail's figure includes.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

import httpx
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.logs.v1 import logs_pb2
from opentelemetry.proto.resource.v1 import resource_pb2

from bench._server import running

TARGET_MS = 100
EXPORTS, WARMUP = 300, 10
RECORDS = 16
GAP = 0.02


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def _export(n: int) -> bytes:
    now = time.time_ns()
    records = [
        logs_pb2.LogRecord(
            time_unix_nano=now + i,
            severity_number=9,  # type: ignore[arg-type]
            severity_text="INFO",
            body=common_pb2.AnyValue(string_value=f"tail-bench export={n} record={i} GET /x"),
            attributes=[
                common_pb2.KeyValue(key="http.route", value=common_pb2.AnyValue(string_value="/x"))
            ],
        )
        for i in range(RECORDS)
    ]
    service = common_pb2.KeyValue(
        key="service.name", value=common_pb2.AnyValue(string_value="bench")
    )
    request = logs_service_pb2.ExportLogsServiceRequest(
        resource_logs=[
            logs_pb2.ResourceLogs(
                resource=resource_pb2.Resource(attributes=[service]),
                scope_logs=[logs_pb2.ScopeLogs(log_records=records)],
            )
        ]
    )
    return bytes(request.SerializeToString())


async def _run(url: str, admin: str, project: str, token: str) -> None:
    sent: dict[int, float] = {}
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    acked: list[float] = []
    following = asyncio.Event()

    async def follow() -> None:
        headers = {"Authorization": f"Bearer {admin}", "Accept": "text/event-stream"}
        async with (
            httpx.AsyncClient(base_url=url, headers=headers, timeout=None) as client,
            client.stream("GET", f"/api/projects/{project}/telemetry/logs/tail") as r,
        ):
            assert r.status_code == 200, await r.aread()
            async for line in r.aiter_lines():
                arrived = time.perf_counter()
                if line.startswith(":"):
                    following.set()
                if not line.startswith("data:") or "tail-bench export=" not in line:
                    continue
                tail = line.split("tail-bench export=", 1)[1]
                n, record = int(tail.split()[0]), int(tail.split()[1].split("=")[1])
                if record == 0:
                    first[n] = arrived
                if record == RECORDS - 1:
                    last[n] = arrived
                    if n == EXPORTS - 1:
                        return

    reader = asyncio.create_task(follow())
    await asyncio.wait_for(following.wait(), 10)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-protobuf"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
        bodies = [_export(n) for n in range(EXPORTS)]
        for n, body in enumerate(bodies):
            sent[n] = time.perf_counter()
            r = await client.post("/v1/logs", content=body)
            assert r.status_code == 200, r.text
            acked.append((time.perf_counter() - sent[n]) * 1000)
            await asyncio.sleep(GAP)
    await asyncio.wait_for(reader, 30)
    measured = range(WARMUP, EXPORTS)
    lost = [n for n in measured if n not in last]
    assert not lost, f"{len(lost)} exports never reached the tail"
    for label, values in (
        ("ingest -> first record's SSE line", [(first[n] - sent[n]) * 1000 for n in measured]),
        ("ingest -> last record's SSE line", [(last[n] - sent[n]) * 1000 for n in measured]),
        ("peer: the POST's own round trip", acked[WARMUP:]),
    ):
        p95 = _pct(values, 0.95)
        verdict = "" if label.startswith("peer") else f"  (target {TARGET_MS} ms: "
        if verdict:
            verdict += "ok)" if p95 <= TARGET_MS else "MISSED)"
        print(
            f"  {label:<36} p50 {statistics.median(values):6.1f} ms  p95 {p95:6.1f} ms  "
            f"max {max(values):6.1f} ms{verdict}"
        )


def main(database_url: str) -> None:
    print(
        f"{EXPORTS - WARMUP} exports of {RECORDS} log records, {GAP * 1000:.0f} ms apart "
        "(load average {:.2f} {:.2f} {:.2f})".format(*os.getloadavg())
    )
    with running(database_url) as server:
        admin = {"Authorization": f"Bearer {server.token}"}
        with httpx.Client(base_url=server.url, headers=admin, timeout=30) as http:
            made = http.post("/api/projects", json={"name": "tail"})
            assert made.status_code == 201, made.text
            project = made.json()["id"]
            token = http.post(
                "/api/user/tokens",
                json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
            ).json()["token"]
        asyncio.run(_run(server.url, server.token, str(project), token))
    print("  load average {:.2f} {:.2f} {:.2f} at the end".format(*os.getloadavg()))


if __name__ == "__main__":
    main(os.environ["DAIS_BENCH_DATABASE_URL"])
