"""dais's own telemetry, its pure parts: Python levels as OTLP severities (checked against
the OpenTelemetry SDK's own mapping), ``traceparent`` headers good and hostile, request
spans, the log handler's filtering and bounds, and a Prometheus registry's families as
METRICS rows (histograms turned from cumulative ``le`` buckets into OTLP's)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from opentelemetry.sdk._logs._internal import std_to_otel
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from dais.actors.observe.own import (
    LogBuffer,
    RequestSpans,
    Resource,
    log_table,
    metric_table,
    parse_traceparent,
    severity,
    span_table,
)
from dais.actors.observe.records import LOGS, METRICS, SPANS
from dais.http.metrics import Metrics

RESOURCE = Resource(
    {
        "service.name": "dais",
        "service.version": "0.1.0",
        "service.instance.id": "h-1",
        "host.name": "h",
        "process.pid": "1",
    },
    started_ns=1_000,
)
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"
VALID = f"00-{TRACE}-{PARENT}-01".encode()


# --- severities ------------------------------------------------------------------------------


@pytest.mark.parametrize("levelno", range(0, 70))
def test_every_level_maps_as_the_sdk_maps_it(levelno: int) -> None:
    assert severity(levelno, "X")[0] == std_to_otel(levelno).value


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (logging.DEBUG, (5, "DEBUG")),
        (logging.INFO, (9, "INFO")),
        (logging.WARNING, (13, "WARN")),
        (logging.ERROR, (17, "ERROR")),
        (logging.CRITICAL, (21, "FATAL")),
    ],
)
def test_the_standard_levels_and_their_texts(level: int, expected: tuple[int, str]) -> None:
    assert severity(level, logging.getLevelName(level)) == expected


# --- traceparent -----------------------------------------------------------------------------


def test_a_valid_traceparent_is_continued() -> None:
    assert parse_traceparent(VALID) == (TRACE, PARENT)
    assert parse_traceparent(f"00-{TRACE}-{PARENT}-00".encode()) == (TRACE, PARENT)  # unsampled


def test_a_later_version_may_carry_more_fields_after_a_dash() -> None:
    assert parse_traceparent(f"cc-{TRACE}-{PARENT}-01-what-comes-next".encode()) == (
        TRACE,
        PARENT,
    )
    assert parse_traceparent(f"cc-{TRACE}-{PARENT}-01".encode()) == (TRACE, PARENT)


@pytest.mark.parametrize(
    "value",
    [
        f"ff-{TRACE}-{PARENT}-01",  # version ff is never valid
        f"00-{'0' * 32}-{PARENT}-01",  # all-zero trace id
        f"00-{TRACE}-{'0' * 16}-01",  # all-zero parent id
        f"00-{TRACE.upper()}-{PARENT}-01",  # upper-case hex
        f"00-{TRACE}-{PARENT.upper()}-01",
        f"0A-{TRACE}-{PARENT}-01",
        f"00-{TRACE}-{PARENT}-0F",
        f"00-{TRACE}-{PARENT}-01-extra",  # version 00 is exactly 55 characters
        f"00-{TRACE}-{PARENT}-011",
        f"cc-{TRACE}-{PARENT}-01x",  # a later version: more only after a dash
        f"00-{TRACE}-{PARENT}-1",  # too short
        f"00-{TRACE[:-1]}-{PARENT}-01",
        f"00-{TRACE}0-{PARENT}-01",
        f"00_{TRACE}_{PARENT}_01",
        f" 00-{TRACE}-{PARENT}-01",
        f"00-{TRACE}-{PARENT}-01 ",
        f"00-{TRACE}-{PARENT}-01" + "-" * 10_000,
        "",
        "garbage",
        "00-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-zzzzzzzzzzzzzzzz-01",
    ],
)
def test_hostile_traceparents_start_a_new_trace(value: str) -> None:
    assert parse_traceparent(value.encode()) is None


@given(st.binary(max_size=120))
def test_no_header_value_breaks_the_parser(value: bytes) -> None:
    parsed = parse_traceparent(value)
    if parsed is not None:
        trace_id, parent = parsed
        assert len(trace_id) == 32 and len(parent) == 16
        assert set(trace_id + parent) <= set("0123456789abcdef")
        assert trace_id != "0" * 32 and parent != "0" * 16


# --- request spans ---------------------------------------------------------------------------


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    """A table's rows, its timestamps as nanoseconds."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.int64()))
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def test_requests_become_server_spans() -> None:
    spans = RequestSpans()
    spans.record(0.25, "GET", "/api/projects/{ref:str}", 200, "/api/projects/7", b"r1", [])
    spans.record(0.001, "POST", "/api/x", 503, "/api/x", b"r2", [(b"traceparent", VALID)])
    spans.record(0.001, "GET", "<unmatched>", 404, "/nowhere", b"r3", [])
    spans.record(0.001, "OTHER", "<unmatched>", 405, "/", b"r4", [])
    taken = spans.take()
    assert spans.take() == []
    table = span_table(taken, RESOURCE)
    assert table.schema.equals(SPANS)
    ok, failed, unmatched, other = _rows(table)
    assert ok["name"] == "GET /api/projects/{ref:str}"
    assert ok["kind"] == 2 and ok["status_code"] == 0
    assert ok["duration_ns"] == 250_000_000
    assert ok["attributes"] == [
        ("http.request.method", "GET"),
        ("http.response.status_code", "200"),
        ("url.path", "/api/projects/7"),
        ("dais.request_id", "r1"),
        ("http.route", "/api/projects/{ref:str}"),
    ]
    assert len(str(ok["trace_id"])) == 32 and ok["parent_span_id"] is None
    assert ok["service_name"] == "dais"
    # The caller's trace goes on; a 5xx is an error.
    assert (failed["trace_id"], failed["parent_span_id"]) == (TRACE, PARENT)
    assert failed["status_code"] == 2
    # No route matched: no http.route, and the name is the method alone.
    assert unmatched["name"] == "GET" and unmatched["status_code"] == 0
    assert "http.route" not in dict(unmatched["attributes"])
    assert other["name"] == "HTTP"
    assert dict(other["attributes"])["http.request.method"] == "_OTHER"
    assert len({ok["span_id"], failed["span_id"], unmatched["span_id"]}) == 3


def test_two_traceparents_contradict_each_other() -> None:
    other = f"00-{'1' * 32}-{PARENT}-01".encode()
    spans = RequestSpans()
    spans.record(
        0.1, "GET", "/", 200, "/", b"r", [(b"traceparent", VALID), (b"traceparent", other)]
    )
    (row,) = _rows(span_table(spans.take(), RESOURCE))
    assert row["trace_id"] not in (TRACE, "1" * 32) and row["parent_span_id"] is None


def test_the_span_buffer_drops_the_oldest_and_counts() -> None:
    spans = RequestSpans(capacity=3)
    for i in range(5):
        spans.record(0.1, "GET", "/", 200, f"/{i}", b"r", [])
    assert [r[5] for r in spans.take()] == ["/2", "/3", "/4"]
    assert spans.dropped == 2


# --- logs ------------------------------------------------------------------------------------


@pytest.fixture
def handler(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Iterator[LogBuffer]:
    """A LogBuffer on the root logger, which passes every level on."""
    # Where a record was logged is known only with caller lookup on (dais.logs turns it off).
    monkeypatch.setattr(logging, "_srcfile", os.path.normcase(logging.info.__code__.co_filename))
    caplog.set_level(logging.DEBUG)
    buffer = LogBuffer(capacity=4)
    logging.getLogger().addHandler(buffer)
    yield buffer
    logging.getLogger().removeHandler(buffer)


def test_dais_records_from_info_others_from_warning(handler: LogBuffer) -> None:
    logging.getLogger("dais.builds").info("a")
    logging.getLogger("dais").info("b")
    logging.getLogger("dais.builds").debug("no")
    logging.getLogger("asyncpg").info("no")
    logging.getLogger("asyncpg").warning("c")
    logging.getLogger("dais.access").info("no")
    logging.getLogger("daisy").info("no")
    assert [e.message for e in handler.take()] == ["a", "b", "c"]


def test_records_become_log_rows(handler: LogBuffer) -> None:
    logger = logging.getLogger("dais.owntest")
    logger.warning("%d builds waiting", 3, extra={"request_id": "abc"})
    try:
        raise KeyError("gone")
    except KeyError:
        logger.exception("it failed")
    table = log_table(handler.take(), RESOURCE, observed_ns=5)
    assert table.schema.equals(LOGS)
    warned, failed = _rows(table)
    assert warned["body"] == "3 builds waiting"
    assert (warned["severity_number"], warned["severity_text"]) == (13, "WARN")
    attributes = dict(warned["attributes"])
    assert attributes["logger.name"] == "dais.owntest"
    assert attributes["dais.request_id"] == "abc"
    assert attributes["code.file.path"] == __file__
    assert int(attributes["code.line.number"]) > 0
    assert warned["scope_name"] == "dais.owntest"
    assert dict(warned["resource_attributes"])["service.instance.id"] == "h-1"
    failure = dict(failed["attributes"])
    assert (failed["severity_number"], failure["exception.type"]) == (17, "KeyError")
    assert failure["exception.message"] == "'gone'"
    assert 'raise KeyError("gone")' in failure["exception.stacktrace"]


def test_a_bad_record_is_reported_never_raised(
    handler: LogBuffer, capsys: pytest.CaptureFixture[str]
) -> None:
    record = logging.makeLogRecord({"name": "dais.x", "levelno": 20, "msg": "%d", "args": ("x",)})
    handler.handle(record)  # logging's convention: a traceback on stderr, no exception
    assert handler.take() == []
    assert "TypeError" in capsys.readouterr().err


def test_the_log_buffer_drops_the_oldest_and_counts(handler: LogBuffer) -> None:
    for i in range(6):
        handler.handle(logging.makeLogRecord({"name": "dais", "levelno": 20, "msg": str(i)}))
    assert [e.message for e in handler.take()] == ["2", "3", "4", "5"]
    handler.handle(logging.makeLogRecord({"name": "dais", "levelno": 20, "msg": "6"}))
    assert handler.dropped == 2


# --- metrics ---------------------------------------------------------------------------------


def _points(
    registry: CollectorRegistry,
) -> dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, Any]]:
    table = metric_table(registry.collect(), RESOURCE, now_ns=9_000)
    assert table.schema.equals(METRICS)
    return {(row["name"], tuple(row["attributes"])): row for row in _rows(table)}


def test_counters_gauges_and_histograms_become_otlp_points() -> None:
    registry = CollectorRegistry()
    jobs = Counter("jobs", "Jobs run.", ["queue"], registry=registry)
    jobs.labels("fast").inc(3)
    depth = Gauge("depth", "Waiting.", registry=registry)
    depth.set(7)
    latency = Histogram("latency_seconds", "Latency.", buckets=(0.1, 1.0), registry=registry)
    for seconds in (0.05, 0.05, 0.5, 3.0):
        latency.observe(seconds)
    points = _points(registry)
    counter = points["jobs", (("queue", "fast"),)]
    assert (counter["kind"], counter["temporality"], counter["monotonic"]) == (
        "sum",
        "cumulative",
        True,
    )
    assert (counter["value"], counter["start_time"], counter["time"]) == (3.0, 1_000, 9_000)
    assert counter["description"] == "Jobs run."
    gauge = points["depth", ()]
    assert (gauge["kind"], gauge["value"], gauge["temporality"]) == ("gauge", 7.0, None)
    histogram = points["latency_seconds", ()]
    assert histogram["kind"] == "histogram"
    # Prometheus says le=0.1: 2, le=1: 3, le=+Inf: 4; OTLP counts each bucket on its own.
    assert histogram["explicit_bounds"] == [0.1, 1.0]
    assert histogram["bucket_counts"] == [2, 1, 1]
    assert (histogram["count"], histogram["sum"]) == (4, 3.6)
    assert len(points) == 3  # the _created samples are not points


def test_the_registry_behind_metrics_is_collected_whole() -> None:
    metrics = Metrics()
    metrics.observe_request("GET", "/api/x", 200, 0.003)
    metrics.observe_request("GET", "/api/x", 404, 7.0)
    points = _points(metrics.registry)
    requests = points[
        "dais_http_requests", (("method", "GET"), ("route", "/api/x"), ("status", "404"))
    ]
    assert requests["value"] == 1.0
    duration = points[
        "dais_http_request_duration_seconds", (("method", "GET"), ("route", "/api/x"))
    ]
    assert duration["count"] == 2 and sum(duration["bucket_counts"]) == 2
    assert len(duration["bucket_counts"]) == len(duration["explicit_bounds"]) + 1
    assert float("inf") not in duration["explicit_bounds"]
    assert duration["bucket_counts"][duration["explicit_bounds"].index(0.005)] == 1
    assert any(name.startswith("process_") for name, _ in points)  # on Linux
