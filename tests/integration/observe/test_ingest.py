"""OTLP/HTTP ingest of a real `dais serve`, with the OpenTelemetry SDK's own exporter as the
client: spans land in the project's store (read back through the query side), every refusal
is the one OTLP clients expect, and an acknowledged export survives kill -9."""

from __future__ import annotations

import gzip
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.store import TelemetryStore
from tests.integration.gitserver.conftest import (
    Forge,
    User,
    running_forge,
    server_environment,
    start_server,
)

pytestmark = pytest.mark.e2e

PATIENCE = 30.0


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    return server_environment(database_url, tmp_path / "data", DAIS_TELEMETRY_FLUSH_INTERVAL="0.2")


@pytest.fixture
def forge(env: dict[str, str], tmp_path: Path) -> Iterator[Forge]:
    yield from running_forge(env, tmp_path)


def _ingest_token(forge: Forge, user: User, project: str) -> str:
    r = forge.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
        headers=user.auth,
    )
    assert r.status_code == 201, r.text
    assert r.json()["project_id"] == project
    token: str = r.json()["token"]
    return token


def _spans(service: str, names: list[str]) -> tuple[list[Any], str]:
    """Finished spans made by the SDK (a parent and children), and their trace id."""
    memory = InMemorySpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(SimpleSpanProcessor(memory))
    tracer = provider.get_tracer("shop.checkout")
    with tracer.start_as_current_span(names[0], attributes={"http.route": "/cart"}) as root:
        for name in names[1:]:
            with tracer.start_as_current_span(name):
                pass
    provider.shutdown()
    return list(memory.get_finished_spans()), format(root.get_span_context().trace_id, "032x")


def _trace(data_dir: Path, project_id: int, trace_id: str) -> list[str]:
    async def read() -> list[str]:
        query = TelemetryQuery(TelemetryStore(data_dir))
        try:
            table = await query.trace(project_id, trace_id)
        finally:
            query.close()
        return [str(name) for name in table.column("name").to_pylist()]

    return anyio.run(read)


def _eventually_trace(data_dir: Path, project_id: int, trace_id: str, count: int) -> list[str]:
    deadline = time.monotonic() + PATIENCE
    while True:
        names = _trace(data_dir, project_id, trace_id)
        if len(names) >= count or time.monotonic() > deadline:
            return names
        time.sleep(0.1)


def test_the_sdk_exports_spans_into_the_project(forge: Forge) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    spans, trace_id = _spans("shop", ["checkout", "reserve", "charge"])
    exporter = OTLPSpanExporter(
        endpoint=f"{forge.url}/v1/traces", headers={"Authorization": f"Bearer {token}"}
    )
    assert exporter.export(spans) is SpanExportResult.SUCCESS
    names = _eventually_trace(forge.data_dir, int(project.id), trace_id, 3)
    assert sorted(names) == ["charge", "checkout", "reserve"]
    # gzip, as the exporter sends with compression on
    gzipped = OTLPSpanExporter(
        endpoint=f"{forge.url}/v1/traces",
        headers={"Authorization": f"Bearer {token}"},
        compression=Compression.Gzip,
    )
    more, other = _spans("shop", ["refund"])
    assert gzipped.export(more) is SpanExportResult.SUCCESS
    assert _eventually_trace(forge.data_dir, int(project.id), other, 1) == ["refund"]

    # Read back through the API: the trace, and logs sent as OTLP JSON.
    r = forge.http.get(
        f"/api/projects/{project.id}/telemetry/traces/{trace_id}", headers=alice.auth
    )
    assert r.status_code == 200, r.text
    assert {s["name"] for s in r.json()} == {"checkout", "reserve", "charge"}
    root = next(s for s in r.json() if s["parent_span_id"] is None)
    assert root["attributes"]["http.route"] == "/cart" and root["service_name"] == "shop"
    now = time.time_ns()
    logs = {
        "resourceLogs": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "shop"}}]
                },
                "scopeLogs": [
                    {
                        "logRecords": [
                            {
                                "timeUnixNano": str(now - i),
                                "severityNumber": 9 + 8 * (i % 2),
                                "body": {"stringValue": f"order {i} {'failed' if i % 2 else 'ok'}"},
                                "traceId": trace_id,
                            }
                            for i in range(6)
                        ]
                    }
                ],
            }
        ]
    }
    sent = httpx.post(
        f"{forge.url}/v1/logs", json=logs, headers={"Authorization": f"Bearer {token}"}
    )
    assert sent.status_code == 200 and sent.json() == {}, sent.text

    def failed() -> list[str]:
        got = forge.http.get(
            f"/api/projects/{project.id}/telemetry/logs",
            params={"q": "failed", "min_severity": 17},
            headers=alice.auth,
        )
        assert got.status_code == 200, got.text
        return [record["body"] for record in got.json()["records"]]

    deadline = time.monotonic() + PATIENCE
    while len(failed()) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert failed() == ["order 1 failed", "order 3 failed", "order 5 failed"]  # newest first
    stranger = forge.user("mallory")
    r = forge.http.get(f"/api/projects/{project.id}/telemetry/logs", headers=stranger.auth)
    assert r.status_code == 404
    r = forge.http.get(f"/api/projects/{project.id}/telemetry/traces/nothex", headers=alice.auth)
    assert r.status_code in (400, 404, 422) and "trace" in r.text


def test_refusals_are_what_otlp_clients_expect(forge: Forge) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    ingest = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-protobuf"}
    empty = trace_service_pb2.ExportTraceServiceRequest().SerializeToString()
    url = f"{forge.url}/v1/traces"
    assert (
        httpx.post(
            url, content=empty, headers={"Content-Type": "application/x-protobuf"}
        ).status_code
        == 401
    )
    # a full token is not an ingest token: telemetry must name its project
    full = httpx.post(
        url, content=empty, headers={**ingest, "Authorization": alice.auth["Authorization"]}
    )
    assert full.status_code == 403 and "ingest token" in full.text
    assert (
        httpx.post(url, content=empty, headers={**ingest, "Content-Type": "text/plain"}).status_code
        == 415
    )
    junk = httpx.post(url, content=b"\xff\x00junk", headers=ingest)
    assert junk.status_code == 400 and "protobuf" in junk.text
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024))
    r = httpx.post(url, content=bomb, headers={**ingest, "Content-Encoding": "gzip"}, timeout=30)
    assert r.status_code == 413
    # a JSON export with one bad span: the rest is kept, the bad one counted
    good = "0af7651916cd43dd8448eb211c80319c"
    body = {
        "resourceSpans": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "web"}}]
                },
                "scopeSpans": [
                    {
                        "spans": [
                            {
                                "traceId": good,
                                "spanId": "b7ad6b7169203331",
                                "name": "ok",
                                "startTimeUnixNano": "1700000000000000000",
                                "endTimeUnixNano": "1700000000500000000",
                            },
                            {
                                "traceId": "zz",
                                "spanId": "b7ad6b7169203332",
                                "name": "bad",
                                "startTimeUnixNano": "1700000000000000000",
                                "endTimeUnixNano": "1700000000500000000",
                            },
                        ]
                    }
                ],
            }
        ]
    }
    r = httpx.post(url, json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    assert r.json()["partialSuccess"]["rejectedSpans"] == "1"
    assert "trace" in r.json()["partialSuccess"]["errorMessage"]
    assert _eventually_trace(forge.data_dir, int(project.id), good, 1) == ["ok"]
    # another project's data is not this token's to write, nor to read
    other = forge.project(alice)
    assert _trace(forge.data_dir, int(other.id), good) == []


def test_an_acknowledged_export_survives_kill_9(env: dict[str, str], tmp_path: Path) -> None:
    env = env | {"DAIS_TELEMETRY_FLUSH_INTERVAL": "3600"}  # only the write-ahead log has it
    server = start_server(env, tmp_path / "first.log")
    forge = Forge(server, Path(env["DAIS_DATA_DIR"]))
    try:
        alice = forge.user("alice")
        project = forge.project(alice)
        token = _ingest_token(forge, alice, project.id)
        spans, trace_id = _spans("shop", ["paid"])
        exporter = OTLPSpanExporter(
            endpoint=f"{forge.url}/v1/traces", headers={"Authorization": f"Bearer {token}"}
        )
        assert exporter.export(spans) is SpanExportResult.SUCCESS
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait(10)
    finally:
        forge.http.close()
        server.stop()
    again = start_server(env, tmp_path / "second.log")
    try:
        assert _eventually_trace(Path(env["DAIS_DATA_DIR"]), int(project.id), trace_id, 1) == [
            "paid"
        ]
    finally:
        again.stop()
