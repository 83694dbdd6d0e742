"""Reading a project's telemetry back through dais's own API, from a real `dais serve` fed
by the OpenTelemetry SDK: the live tail of logs, trace search, a trace with its events, the
logs of a trace, the services seen; and an export the write-ahead log cannot hold."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry._logs import SeverityNumber
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.trace import Status, StatusCode

from tests.integration.gitserver.conftest import Forge, User, running_forge, server_environment

pytestmark = pytest.mark.e2e

PATIENCE = 30.0


@pytest.fixture
def forge(database_url: str, tmp_path: Path) -> Iterator[Forge]:
    env = server_environment(database_url, tmp_path / "data", DAIS_TELEMETRY_FLUSH_INTERVAL="0.2")
    yield from running_forge(env, tmp_path)


def _ingest_token(forge: Forge, user: User, project: str) -> str:
    r = forge.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
        headers=user.auth,
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


class _Log:
    """The SDK's logger for ``service``, exporting each record to dais as it is emitted."""

    def __init__(self, forge: Forge, token: str, service: str) -> None:
        self.provider = LoggerProvider(resource=Resource.create({"service.name": service}))
        exporter = OTLPLogExporter(
            endpoint=f"{forge.url}/v1/logs", headers={"Authorization": f"Bearer {token}"}
        )
        self.provider.add_log_record_processor(SimpleLogRecordProcessor(exporter))
        self._logger = self.provider.get_logger("tests")

    def __call__(self, severity: SeverityNumber, body: str, **attributes: str) -> None:
        self._logger.emit(
            timestamp=time.time_ns(),
            severity_number=severity,
            severity_text=severity.name.rstrip("0123456789"),
            body=body,
            attributes=attributes,
        )


def _eventually(read: Any, done: Any) -> Any:
    deadline = time.monotonic() + PATIENCE
    while True:
        got = read()
        if done(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.1)


def test_the_live_tail_follows_what_the_sdk_logs(forge: Forge) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    log = _Log(forge, token, "shop")
    url = f"{forge.url}/api/projects/{project.id}/telemetry/logs/tail"
    events: list[tuple[str, Any]] = []
    with httpx.stream(
        "GET", url, params={"min_severity": 13}, headers=alice.auth, timeout=PATIENCE
    ) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()
        assert next(lines) == ": following"  # subscribed: what is logged now is sent
        log(SeverityNumber.INFO, "below the filter")
        log(SeverityNumber.WARN, "stock low: <script>alert(1)</script>")
        log(SeverityNumber.ERROR, "payment declined", **{"order.id": "o-7"})
        event = None
        for line in lines:
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "log":
                events.append((event, json.loads(line.removeprefix("data: "))))
                if len(events) == 2:
                    break
    log.provider.shutdown()
    bodies = [record["body"] for _, record in events]
    assert bodies == ["stock low: <script>alert(1)</script>", "payment declined"]
    warning, error = (record for _, record in events)
    assert (warning["severity_text"], error["severity_number"]) == ("WARN", 17)
    assert error["service_name"] == "shop" and error["attributes"]["order.id"] == "o-7"
    # The tail sent what the store keeps: the listing has all three.
    listed = _eventually(
        lambda: forge.http.get(
            f"/api/projects/{project.id}/telemetry/logs", headers=alice.auth
        ).json()["records"],
        lambda records: len(records) >= 3,
    )
    assert [r["body"] for r in listed][::-1][0] == "below the filter"
    # The histogram of a search: the same filters, counted per slice of the range by level.
    histogram_url = f"/api/projects/{project.id}/telemetry/logs/histogram"
    r = forge.http.get(histogram_url, params={"buckets": 12}, headers=alice.auth)
    assert r.status_code == 200, r.text
    shape = r.json()
    assert len(shape["buckets"]) == 12 and shape["step"] == 300.0
    totals = {
        level: sum(b["counts"][level] for b in shape["buckets"])
        for level in ("info", "warn", "error", "fatal")
    }
    assert totals == {"info": 1, "warn": 1, "error": 1, "fatal": 0}
    assert sum(shape["buckets"][-1]["counts"].values()) == 3  # all in the last five minutes
    r = forge.http.get(histogram_url, params={"min_severity": 13, "q": "pay"}, headers=alice.auth)
    assert sum(sum(b["counts"].values()) for b in r.json()["buckets"]) == 1
    for bad in ({"buckets": 0}, {"buckets": 5000}, {"regex": "("}):
        r = forge.http.get(histogram_url, params=bad, headers=alice.auth)
        assert r.status_code in (400, 422), (bad, r.text)
    # An attribute filter: a record or resource attribute holding the value.
    logs_url = f"/api/projects/{project.id}/telemetry/logs"
    for attribute, bodies in (
        (["order.id=o-7"], ["payment declined"]),
        (["order.id=o-7", "service.name=shop"], ["payment declined"]),
        (["order.id=o-8"], []),
    ):
        r = forge.http.get(logs_url, params={"attribute": attribute}, headers=alice.auth)
        assert r.status_code == 200, r.text
        assert [record["body"] for record in r.json()["records"]] == bodies
    for bad in (["no-equals-sign"], ["=value"], [f"k{i}=v" for i in range(33)]):
        r = forge.http.get(logs_url, params={"attribute": bad}, headers=alice.auth)
        assert r.status_code in (400, 422) and "attribute" in r.text, (bad, r.text)

    # Strangers and bad filters are refused before anything streams.
    mallory = forge.user("mallory")
    assert forge.http.get(url, headers=mallory.auth).status_code == 404
    assert forge.http.get(url).status_code in (401, 404)
    for bad in ({"min_severity": 25}, {"trace_id": "zz"}, {"q": "x" * 5000}):
        r = forge.http.get(url, params=bad, headers=alice.auth)
        assert r.status_code == 400, (bad, r.text)


def test_traces_are_searched_opened_with_their_events_and_their_logs(forge: Forge) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    provider = TracerProvider(resource=Resource.create({"service.name": "shop"}))
    provider.add_span_processor(
        SimpleSpanProcessor(
            OTLPSpanExporter(
                endpoint=f"{forge.url}/v1/traces", headers={"Authorization": f"Bearer {token}"}
            )
        )
    )
    tracer = provider.get_tracer("tests")
    with tracer.start_as_current_span("POST /checkout") as root:
        with tracer.start_as_current_span("charge card") as charge:
            charge.add_event("retry", {"attempt": 2})
            charge.set_status(Status(StatusCode.ERROR, "card declined"))
    with tracer.start_as_current_span("GET /health"):
        pass
    provider.shutdown()
    failing = format(root.get_span_context().trace_id, "032x")
    log = _Log(forge, token, "mailer")
    log(SeverityNumber.INFO, "unrelated")
    log.provider.shutdown()
    base = f"/api/projects/{project.id}/telemetry"

    def search(**params: Any) -> list[dict[str, Any]]:
        r = forge.http.get(f"{base}/traces", params=params, headers=alice.auth)
        assert r.status_code == 200, r.text
        found: list[dict[str, Any]] = r.json()
        return found

    listed = _eventually(lambda: search(service="shop"), lambda found: len(found) == 2)
    assert {t["root_name"] for t in listed} == {"POST /checkout", "GET /health"}
    errors = search(status="error")
    assert [(t["trace_id"], t["root_name"], t["span_count"], t["error_count"]) for t in errors] == [
        (failing, "POST /checkout", 2, 1)
    ]
    assert search(name="charge card")[0]["trace_id"] == failing
    assert search(min_duration_ms=60_000) == []

    spans = forge.http.get(f"{base}/traces/{failing}", headers=alice.auth).json()
    charge_out = next(s for s in spans if s["name"] == "charge card")
    assert charge_out["status_code"] == 2 and charge_out["status_message"] == "card declined"
    assert [(e["name"], e["attributes"]) for e in charge_out["events"]] == [
        ("retry", {"attempt": "2"})
    ]
    assert charge_out["resource_attributes"]["service.name"] == "shop"
    assert charge_out["links"] == []

    # The logs of a trace: only the records logged inside it.
    now = time.time_ns()
    body = {
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
                                "body": {"stringValue": f"line {i}"},
                                **({"traceId": failing} if i % 2 else {}),
                            }
                            for i in range(4)
                        ]
                    }
                ],
            }
        ]
    }
    sent = httpx.post(
        f"{forge.url}/v1/logs", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert sent.status_code == 200, sent.text
    in_trace = _eventually(
        lambda: forge.http.get(
            f"{base}/logs", params={"trace_id": failing.upper()}, headers=alice.auth
        ).json()["records"],
        lambda records: len(records) >= 2,
    )
    assert [r["body"] for r in in_trace] == ["line 1", "line 3"]

    services = forge.http.get(f"{base}/services", headers=alice.auth)
    assert services.status_code == 200 and services.json() == [
        {"name": "mailer"},
        {"name": "shop"},
    ]

    # Hostile and wrong input: a clear 4xx naming the problem.
    for params, named in (
        ({"status": "bogus"}, "status"),
        ({"min_duration_ms": -1}, "min_duration_ms"),
        ({"limit": 100_000}, "limit"),
        ({"start": "2026-01-02T00:00:00Z", "end": "2026-01-01T00:00:00Z"}, "end"),
        ({"start": "2026-01-01T00:00:00Z", "end": "2026-06-01T00:00:00Z"}, "end"),
        ({"start": "yesterday"}, "start"),
    ):
        r = forge.http.get(f"{base}/traces", params=params, headers=alice.auth)
        assert 400 <= r.status_code < 500 and named in r.text, (params, r.text)
    r = forge.http.get(f"{base}/logs", params={"trace_id": "'; DROP"}, headers=alice.auth)
    assert r.status_code == 400 and "trace_id" in r.text
    mallory = forge.user("mallory")
    for path in ("traces", f"traces/{failing}", "services"):
        assert forge.http.get(f"{base}/{path}", headers=mallory.auth).status_code == 404


def test_an_export_the_write_ahead_log_cannot_hold_is_503_and_not_kept(forge: Forge) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    # A file where the project's log WAL directory goes: the WAL cannot be written.
    blocker = forge.data_dir / "telemetry" / "wal" / "logs" / project.id
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("not a directory")

    def export(body: str) -> httpx.Response:
        record = {"timeUnixNano": str(time.time_ns()), "body": {"stringValue": body}}
        return httpx.post(
            f"{forge.url}/v1/logs",
            json={"resourceLogs": [{"scopeLogs": [{"logRecords": [record]}]}]},
            headers={"Authorization": f"Bearer {token}"},
        )

    refused = export("lost")
    assert refused.status_code == 503, refused.text
    assert refused.headers["retry-after"].isdigit()
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "durable" in refused.json()["detail"]
    blocker.unlink()
    assert export("kept").status_code == 200
    listed = _eventually(
        lambda: forge.http.get(
            f"/api/projects/{project.id}/telemetry/logs", headers=alice.auth
        ).json()["records"],
        lambda records: len(records) >= 1,
    )
    # Both went into the same buffer: the flush that wrote "kept" would have written "lost".
    assert [r["body"] for r in listed] == ["kept"]
