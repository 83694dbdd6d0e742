"""The OTLP/HTTP decoder: real SDK exports, protobuf and JSON alike, become rows of the
stored schemas; bad bodies get the status OTLP asks for; bad records are rejected one by one
and counted; and no input makes it fail in any other way."""

from __future__ import annotations

import base64
import functools
import gzip
import json
import struct
import time
import tracemalloc
import zlib
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from google.protobuf import json_format
from hypothesis import given, settings
from hypothesis import strategies as st
from opentelemetry import trace as trace_api
from opentelemetry._logs import SeverityNumber
from opentelemetry.exporter.otlp.proto.common._log_encoder import encode_logs
from opentelemetry.exporter.otlp.proto.common.metrics_encoder import encode_metrics
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest
from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import (
    ExportMetricsServiceRequest,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import Counter, MeterProvider
from opentelemetry.sdk.metrics.export import AggregationTemporality, InMemoryMetricReader
from opentelemetry.sdk.metrics.view import ExponentialBucketHistogramAggregation, View
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from dais.actors.observe.otlp import (
    MAX_ATTRIBUTES,
    MAX_BODY_LENGTH,
    MAX_EVENTS,
    MAX_KEY_LENGTH,
    MAX_RECORDS,
    MAX_VALUE_LENGTH,
    Decoded,
    OtlpError,
    decode,
)
from dais.actors.observe.records import SCHEMAS, Signal

PROTOBUF = "application/x-protobuf"
JSON = "application/json"
LIMIT = 4 << 20
TRACE_ID = "5b8efff798038103d269b633813fc60c"
SPAN_ID = "eee19b7ec3c1b174"
T0 = 1_544_712_660_000_000_000


def decode_pb(signal: Signal, message: Any, **options: Any) -> Decoded:
    body = message if isinstance(message, bytes) else message.SerializeToString()
    return _decode(signal, body, PROTOBUF, **options)


def decode_json(signal: Signal, document: object, **options: Any) -> Decoded:
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    return _decode(signal, body, JSON, **options)


def _decode(signal: Signal, body: bytes, content_type: str, **options: Any) -> Decoded:
    options.setdefault("content_encoding", None)
    options.setdefault("max_size", LIMIT)
    decoded = decode(signal, body, content_type=content_type, **options)
    assert decoded.table.schema.equals(SCHEMAS[signal], check_metadata=True)
    decoded.table.validate(full=True)
    for field in SCHEMAS[signal]:
        if not field.nullable:
            assert decoded.table.column(field.name).null_count == 0, field.name
    return decoded


def rows(table: pa.Table) -> list[dict[str, Any]]:
    """The table's rows, times as integer nanoseconds and maps as dicts."""
    columns = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        columns[name] = column.cast(pa.int64()) if pa.types.is_timestamp(column.type) else column
    found = pa.table(columns).to_pylist()
    for row in found:
        for name, value in row.items():
            if isinstance(value, list) and name.endswith("attributes"):
                row[name] = dict(value)
    return found


def refused(status: int, call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(OtlpError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value.message
    return caught.value.message


def otlp_json(message: Any, *, proto_names: bool = False) -> dict[str, Any]:
    """A message in OTLP's JSON: proto3's mapping (enums as numbers), with ids in hex."""
    document: dict[str, Any] = json_format.MessageToDict(
        message, use_integers_for_enums=True, preserving_proto_field_name=proto_names
    )

    def hex_ids(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("traceId", "spanId", "parentSpanId", "trace_id", "span_id"):
                    node[key] = base64.b64decode(value).hex().upper()
                elif key == "parent_span_id":
                    node[key] = base64.b64decode(value).hex()
                else:
                    hex_ids(value)
        elif isinstance(node, list):
            for item in node:
                hex_ids(item)

    hex_ids(document)
    return document


# -- Real exports from the OpenTelemetry SDK -------------------------------------------------

RESOURCE = Resource.create({"service.name": "checkout", "deployment.environment": "test"})


@functools.cache
def sdk_traces() -> ExportTraceServiceRequest:
    provider = TracerProvider(resource=RESOURCE)
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("shop", "1.2")
    attributes = {"http.route": "/cart", "n": 3, "f": 1.0, "ok": True, "tags": ["a", "b"]}
    with tracer.start_as_current_span(
        "GET /cart", kind=trace_api.SpanKind.SERVER, attributes=attributes
    ) as parent:
        parent.add_event("cache miss", {"key": "cart:7"})
        link = trace_api.Link(parent.get_span_context(), {"why": "retry"})
        with tracer.start_as_current_span("SELECT", links=[link]) as child:
            child.set_status(trace_api.Status(trace_api.StatusCode.ERROR, "timeout"))
    provider.shutdown()
    return encode_spans(exporter.get_finished_spans())


@functools.cache
def sdk_logs() -> ExportLogsServiceRequest:
    provider = LoggerProvider(resource=RESOURCE)
    exporter = InMemoryLogRecordExporter()
    provider.add_log_record_processor(SimpleLogRecordProcessor(exporter))
    logger = provider.get_logger("shop.log", "0.1")
    tracer = TracerProvider(resource=RESOURCE).get_tracer("shop")
    with tracer.start_as_current_span("GET /cart"):
        logger.emit(
            severity_number=SeverityNumber.WARN,
            severity_text="WARN",
            body="cart is empty",
            attributes={"user": "ann", "attempt": 2},
            event_name="cart.empty",
        )
    logger.emit(timestamp=T0, body={"order": [1, 2.5], "paid": False})
    provider.shutdown()
    return encode_logs(exporter.get_finished_logs())


@functools.cache
def sdk_metrics() -> ExportMetricsServiceRequest:
    reader = InMemoryMetricReader(preferred_temporality={Counter: AggregationTemporality.DELTA})
    view = View(instrument_name="size", aggregation=ExponentialBucketHistogramAggregation())
    provider = MeterProvider(resource=RESOURCE, metric_readers=[reader], views=[view])
    meter = provider.get_meter("shop.metrics")
    meter.create_counter("orders", unit="1", description="Orders placed").add(3, {"k": "v"})
    meter.create_up_down_counter("queue").add(-2)
    meter.create_histogram("latency", unit="ms").record(7.5)
    meter.create_histogram("size").record(300)
    meter.create_gauge("temperature").set(21)
    request = encode_metrics(reader.get_metrics_data())
    provider.shutdown()
    return request


def test_sdk_spans_become_span_rows() -> None:
    decoded = decode_pb(Signal.TRACES, sdk_traces())
    assert (decoded.rejected, decoded.error_message) == (0, "")
    found = {row["name"]: row for row in rows(decoded.table)}
    parent, child = found["GET /cart"], found["SELECT"]
    assert len(parent["trace_id"]) == 32 and parent["trace_id"] == parent["trace_id"].lower()
    assert child["trace_id"] == parent["trace_id"]
    assert child["parent_span_id"] == parent["span_id"] and parent["parent_span_id"] is None
    assert (parent["kind"], child["kind"]) == (2, 1)
    assert (child["status_code"], child["status_message"]) == (2, "timeout")
    assert (parent["status_code"], parent["status_message"]) == (0, None)
    assert parent["duration_ns"] == parent["end_time"] - parent["start_time"] > 0
    assert parent["attributes"] == {
        "http.route": "/cart",
        "n": "3",
        "f": "1.0",
        "ok": "true",
        "tags": '["a","b"]',
    }
    [event] = json.loads(parent["events"])
    assert event["name"] == "cache miss" and event["attributes"] == {"key": "cart:7"}
    assert parent["start_time"] <= event["time"] <= parent["end_time"]
    assert json.loads(child["links"]) == [
        {
            "trace_id": parent["trace_id"],
            "span_id": parent["span_id"],
            "attributes": {"why": "retry"},
        }
    ]
    assert parent["events"] is not None and child["events"] is None and parent["links"] is None
    assert parent["service_name"] == "checkout"
    assert parent["resource_attributes"]["deployment.environment"] == "test"
    assert (parent["scope_name"], parent["scope_version"]) == ("shop", "1.2")


def test_sdk_logs_become_log_rows() -> None:
    decoded = decode_pb(Signal.LOGS, sdk_logs())
    assert (decoded.rejected, decoded.error_message) == (0, "")
    warn, structured = rows(decoded.table)
    assert warn["body"] == "cart is empty"
    assert (warn["severity_number"], warn["severity_text"]) == (13, "WARN")
    assert (
        len(warn["trace_id"]) == 32 and len(warn["span_id"]) == 16 and warn["flags"] & 1
    )  # sampled
    assert warn["event_name"] == "cart.empty"
    assert warn["attributes"] == {"user": "ann", "attempt": "2"}
    assert warn["time"] == warn["observed_time"] > 0  # no timestamp given: the observed time
    assert (warn["service_name"], warn["scope_name"], warn["scope_version"]) == (
        "checkout",
        "shop.log",
        "0.1",
    )
    assert structured["time"] == T0 and structured["observed_time"] > T0
    assert json.loads(structured["body"]) == {"order": [1, 2.5], "paid": False}
    assert structured["trace_id"] is None and structured["span_id"] is None
    assert (structured["severity_number"], structured["severity_text"]) == (0, None)


def test_sdk_metrics_become_one_row_per_data_point() -> None:
    decoded = decode_pb(Signal.METRICS, sdk_metrics())
    assert (decoded.rejected, decoded.error_message) == (0, "")
    found = {row["name"]: row for row in rows(decoded.table)}
    orders = found["orders"]
    assert (orders["kind"], orders["temporality"], orders["monotonic"]) == ("sum", "delta", True)
    assert (orders["value"], orders["attributes"], orders["unit"]) == (3.0, {"k": "v"}, "1")
    assert orders["description"] == "Orders placed" and orders["start_time"] < orders["time"]
    queue = found["queue"]
    assert (queue["temporality"], queue["monotonic"], queue["value"]) == ("cumulative", False, -2)
    latency = found["latency"]
    assert (latency["kind"], latency["temporality"], latency["monotonic"]) == (
        "histogram",
        "cumulative",
        None,
    )
    assert (latency["count"], latency["sum"], latency["min"], latency["max"]) == (1, 7.5, 7.5, 7.5)
    assert len(latency["bucket_counts"]) == len(latency["explicit_bounds"]) + 1
    assert sum(latency["bucket_counts"]) == 1 and latency["value"] is None
    size = found["size"]
    assert size["kind"] == "exponential_histogram"
    assert (size["count"], size["sum"], size["min"], size["max"]) == (1, 300, 300, 300)
    assert size["bucket_counts"] is None and size["explicit_bounds"] is None
    temperature = found["temperature"]
    assert (temperature["kind"], temperature["temporality"], temperature["value"]) == (
        "gauge",
        None,
        21.0,
    )
    assert all(row["service_name"] == "checkout" for row in found.values())
    assert {row["scope_name"] for row in found.values()} == {"shop.metrics"}


@pytest.mark.parametrize("signal", list(Signal))
@pytest.mark.parametrize("proto_names", [False, True])
def test_json_decodes_to_the_same_rows_as_protobuf(signal: Signal, proto_names: bool) -> None:
    message = {Signal.TRACES: sdk_traces, Signal.LOGS: sdk_logs, Signal.METRICS: sdk_metrics}[
        signal
    ]()
    from_json = decode_json(signal, otlp_json(message, proto_names=proto_names))
    assert from_json.table.equals(decode_pb(signal, message).table)
    assert from_json.table.num_rows > 0


def test_a_summary_keeps_count_sum_and_quantiles() -> None:
    request = ExportMetricsServiceRequest()
    metric = request.resource_metrics.add().scope_metrics.add().metrics.add(name="rpc")
    point = metric.summary.data_points.add(time_unix_nano=T0, count=4, sum=10.0)
    point.quantile_values.add(quantile=0.5, value=2.0)
    point.quantile_values.add(quantile=0.99, value=float("nan"))
    [row] = rows(decode_pb(Signal.METRICS, request).table)
    assert (row["kind"], row["count"], row["sum"], row["temporality"]) == ("summary", 4, 10, None)
    assert json.loads(row["quantiles"]) == [[0.5, 2.0], [0.99, "NaN"]]
    assert row["service_name"] == "" and row["resource_attributes"] == {}
    assert row["start_time"] is None and row["scope_name"] is None


def test_duckdb_reads_attributes_and_events() -> None:
    spans = decode_pb(Signal.TRACES, sdk_traces()).table  # noqa: F841  # read by DuckDB
    found = duckdb.sql(
        "SELECT name, attributes['http.route'], events->>'$[0].name' FROM spans"
        " WHERE attributes['n'] = '3'"
    ).fetchall()
    assert found == [("GET /cart", "/cart", "cache miss")]


# -- OTLP's JSON, written by hand --------------------------------------------------------------


def test_json_per_the_spec_hex_ids_int64_strings_enum_numbers_unknown_fields() -> None:
    decoded = decode_json(
        Signal.TRACES,
        {
            "resourceSpans": [
                {
                    "resource": {
                        "attributes": [{"key": "service.name", "value": {"stringValue": "api"}}],
                        "futureField": {"anything": [1, 2]},
                    },
                    "scopeSpans": [
                        {
                            "scope": {"name": "lib", "version": "1.0.0"},
                            "spans": [
                                {
                                    "traceId": TRACE_ID.upper(),
                                    "spanId": SPAN_ID.upper(),
                                    "parentSpanId": "",
                                    "name": "server",
                                    "kind": 2,
                                    "startTimeUnixNano": str(T0),
                                    "endTimeUnixNano": T0 + 1_000_000_000,
                                    "status": {"code": "STATUS_CODE_OK"},
                                    "someNewField": "ignored",
                                }
                            ],
                        }
                    ],
                }
            ]
        },
    )
    [row] = rows(decoded.table)
    assert (row["trace_id"], row["span_id"], row["parent_span_id"]) == (TRACE_ID, SPAN_ID, None)
    assert (row["start_time"], row["end_time"], row["duration_ns"]) == (
        T0,
        T0 + 1_000_000_000,
        1_000_000_000,
    )
    assert (row["kind"], row["status_code"], row["service_name"]) == (2, 1, "api")
    assert (row["scope_name"], row["scope_version"]) == ("lib", "1.0.0")


def test_json_takes_proto_field_names_too() -> None:
    record = {
        "time_unix_nano": str(T0),
        "severity_number": "SEVERITY_NUMBER_ERROR",
        "severity_text": "ERROR",
        "trace_id": TRACE_ID,
        "span_id": SPAN_ID,
        "body": {"string_value": "boom"},
        "attributes": [{"key": "k", "value": {"int_value": "-7"}}],
    }
    document = {"resource_logs": [{"scope_logs": [{"log_records": [record]}]}]}
    [row] = rows(decode_json(Signal.LOGS, document).table)
    assert (row["time"], row["severity_number"], row["severity_text"]) == (T0, 17, "ERROR")
    assert (row["trace_id"], row["span_id"], row["body"]) == (TRACE_ID, SPAN_ID, "boom")
    assert row["attributes"] == {"k": "-7"}


def test_json_ids_sent_base64_by_protobufs_own_mapping_are_taken() -> None:
    span = {
        "traceId": base64.b64encode(bytes.fromhex(TRACE_ID)).decode(),
        "spanId": base64.b64encode(bytes.fromhex(SPAN_ID)).decode(),
        "name": "x",
        "startTimeUnixNano": T0,
        "endTimeUnixNano": T0,
    }
    [row] = rows(decode_json(Signal.TRACES, _spans_document(span)).table)
    assert (row["trace_id"], row["span_id"]) == (TRACE_ID, SPAN_ID)


def _log_with(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"timeUnixNano": str(T0), **fields}
    return {"resourceLogs": [{"scopeLogs": [{"logRecords": [record]}]}]}


def _spans_document(*spans: dict[str, Any]) -> dict[str, Any]:
    return {"resourceSpans": [{"scopeSpans": [{"spans": list(spans)}]}]}


def _attribute_text(value: dict[str, Any]) -> str | None:
    document = _log_with(attributes=[{"key": "a", "value": value}])
    [row] = rows(decode_json(Signal.LOGS, document).table)
    text: str | None = row["attributes"]["a"]
    return text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"stringValue": "héllo"}, "héllo"),
        ({"boolValue": True}, "true"),
        ({"boolValue": False}, "false"),
        ({"intValue": "9223372036854775807"}, "9223372036854775807"),
        ({"intValue": -3}, "-3"),
        ({"doubleValue": 1}, "1.0"),
        ({"doubleValue": 0.1}, "0.1"),
        ({"doubleValue": 1e16}, "1e+16"),
        ({"doubleValue": "NaN"}, "NaN"),
        ({"doubleValue": "-Infinity"}, "-Infinity"),
        ({"bytesValue": "AAH/"}, "AAH/"),
        ({"bytesValue": "AAH_"}, "AAH/"),  # URL-safe base64, as proto3's JSON allows
        ({"arrayValue": {"values": [{"intValue": "1"}, {"doubleValue": 2}, {}]}}, "[1,2.0,null]"),
        ({"arrayValue": {}}, "[]"),
        (
            {
                "kvlistValue": {
                    "values": [
                        {"key": "s", "value": {"stringValue": 'x\n"y'}},
                        {"key": "b", "value": {"bytesValue": "AAE="}},
                        {"key": "n", "value": {"doubleValue": "Infinity"}},
                    ]
                }
            },
            '{"s":"x\\n\\"y","b":"AAE=","n":"Infinity"}',
        ),
        ({}, None),
    ],
)
def test_attribute_values_are_rendered_as_text(value: dict[str, Any], text: str | None) -> None:
    assert _attribute_text(value) == text


@pytest.mark.parametrize(
    ("body", "stored"),
    [
        ({"stringValue": '{"not": "parsed"}'}, '{"not": "parsed"}'),
        ({"intValue": "12"}, "12"),
        ({"boolValue": True}, "true"),
        ({"bytesValue": "AAE="}, '"AAE="'),
        ({"kvlistValue": {"values": [{"key": "k", "value": {"stringValue": "é"}}]}}, '{"k":"é"}'),
        ({}, None),
    ],
)
def test_a_string_body_is_kept_as_is_and_any_other_as_json(
    body: dict[str, Any], stored: str | None
) -> None:
    [row] = rows(decode_json(Signal.LOGS, _log_with(body=body)).table)
    assert row["body"] == stored


def test_a_repeated_attribute_key_keeps_its_last_value() -> None:
    pairs = [{"key": "k", "value": {"stringValue": str(n)}} for n in range(3)]
    [row] = rows(decode_json(Signal.LOGS, _log_with(attributes=pairs)).table)
    assert row["attributes"] == {"k": "2"}


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (
            _log_with(severityNumber=True),
            "resourceLogs[0].scopeLogs[0].logRecords[0].severityNumber",
        ),
        (_log_with(timeUnixNano="12e3"), "resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano"),
        (_log_with(timeUnixNano=-1), "resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano"),
        (_log_with(timeUnixNano=str(2**64)), "logRecords[0].timeUnixNano"),
        (_log_with(severityText=5), "logRecords[0].severityText"),
        (_log_with(traceId=12), "logRecords[0].traceId"),
        (_log_with(body="text"), "logRecords[0].body"),
        (_log_with(attributes={"k": "v"}), "logRecords[0].attributes"),
        (_log_with(body={"bytesValue": "not base64!"}), "logRecords[0].body.bytesValue"),
        (_log_with(body={"doubleValue": "fast"}), "logRecords[0].body.doubleValue"),
        (_log_with(body={"stringValue": "a", "intValue": 1}), "logRecords[0].body.intValue"),
        (_log_with(timeUnixNano=1, time_unix_nano=2), "logRecords[0]"),
        (_log_with(severityNumber="SEVERITY_NUMBER_LOUD"), "logRecords[0].severityNumber"),
        ({"resourceLogs": {}}, "resourceLogs"),
        ({"resourceLogs": [[]]}, "resourceLogs[0]"),
        ([], "the body"),
    ],
)
def test_json_of_the_wrong_shape_is_a_400_naming_the_path(document: object, path: str) -> None:
    assert path in refused(400, decode_json, Signal.LOGS, document)


@pytest.mark.parametrize(
    "body", [b"{", b'{"resourceLogs": [}', b"\x00\x01", b'{"a": 1} trailing', b"1" * 5000]
)
def test_text_that_is_not_json_is_a_400(body: bytes) -> None:
    assert "not valid JSON" in refused(400, decode_json, Signal.LOGS, body)


def test_json_nested_past_the_limit_is_refused_before_it_is_parsed() -> None:
    def nested(levels: int) -> dict[str, Any]:
        value: dict[str, Any] = {"stringValue": "deep"}
        for _ in range(levels):
            value = {"arrayValue": {"values": [value]}}
        return value

    # A log's body is the 8th container, an attribute's value the 10th; each array 3 more.
    assert _attribute_text(nested(18)) is not None  # 64 levels: the limit
    message = refused(400, decode_json, Signal.LOGS, _log_with(body=nested(19)))  # 65
    assert "deeper than 64" in message
    started = time.perf_counter()
    refused(400, decode_json, Signal.LOGS, b"[" * 1_000_000)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("body", [b"", b"  \n", b"{}", b'{"resourceMetrics": []}'])
def test_an_empty_request_is_an_empty_table(body: bytes) -> None:
    assert decode_json(Signal.METRICS, body).table.num_rows == 0
    assert decode_pb(Signal.METRICS, b"").table.num_rows == 0


def test_lone_surrogates_in_json_are_mended() -> None:
    body = json.dumps(_log_with(body={"stringValue": "a\ud800b"})).encode()
    decoded = decode_json(Signal.LOGS, body)
    assert rows(decoded.table)[0]["body"] == "a\ufffdb"
    assert decoded.rejected == 0 and "not UTF-8" in decoded.error_message


# -- Media types, content codings and sizes ----------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["application/x-protobuf", "application/x-protobuf; charset=utf-8", "Application/X-Protobuf"],
)
def test_protobuf_media_types(content_type: str) -> None:
    body = sdk_logs().SerializeToString()
    found = decode(
        Signal.LOGS, body, content_type=content_type, content_encoding=None, max_size=LIMIT
    )
    assert found.table.num_rows == 2


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/protobuf", "", "application/jsonx"]
)
def test_other_media_types_are_a_415(content_type: str) -> None:
    refused(
        415, decode, Signal.LOGS, b"", content_type=content_type, content_encoding=None, max_size=1
    )


@pytest.mark.parametrize("encoding", [None, "identity", "gzip", "GZIP", "x-gzip"])
def test_gzip_and_identity_bodies(encoding: str | None) -> None:
    body = sdk_traces().SerializeToString()
    if encoding and "gzip" in encoding.lower():
        body = gzip.compress(body)
    decoded = decode_pb(Signal.TRACES, body, content_encoding=encoding)
    assert decoded.table.num_rows == 2


@pytest.mark.parametrize("encoding", ["br", "deflate", "zstd", "gzip, br"])
def test_other_content_codings_are_a_415(encoding: str) -> None:
    refused(415, decode_pb, Signal.TRACES, b"", content_encoding=encoding)


def test_gzipped_json() -> None:
    body = gzip.compress(json.dumps(_log_with(body={"stringValue": "zipped"})).encode())
    decoded = decode_json(Signal.LOGS, body, content_encoding="gzip")
    assert rows(decoded.table)[0]["body"] == "zipped"


def test_several_gzip_members_are_one_body() -> None:
    body = sdk_traces().SerializeToString()
    gzipped = gzip.compress(body[:10]) + gzip.compress(body[10:])
    assert decode_pb(Signal.TRACES, gzipped, content_encoding="gzip").table.num_rows == 2


@pytest.mark.parametrize(
    "gzipped",
    [
        b"not gzip at all",
        gzip.compress(b"\x0a\x00" * 100)[:-12],  # cut inside the member
        gzip.compress(b"") + b"trailing garbage",
    ],
)
def test_corrupt_gzip_is_a_400(gzipped: bytes) -> None:
    assert "gzip" in refused(400, decode_pb, Signal.TRACES, gzipped, content_encoding="gzip")


def test_a_body_over_the_limit_is_a_413() -> None:
    body = sdk_traces().SerializeToString()
    assert decode_pb(Signal.TRACES, body, max_size=len(body)).table.num_rows == 2
    refused(413, decode_pb, Signal.TRACES, body, max_size=len(body) - 1)
    refused(
        413,
        decode_pb,
        Signal.TRACES,
        gzip.compress(body),
        content_encoding="gzip",
        max_size=len(body) - 1,
    )


def _zeros_gzip(mebibytes: int) -> bytes:
    """A gzip member inflating to ``mebibytes`` MiB of zeros, built in milliseconds: after a
    full flush deflate starts afresh, so every further MiB compresses to the same bytes."""
    chunk = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush()[:-8]  # the last block, less the trailer written for 2 MiB
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return first + again * (mebibytes - 1) + end + trailer


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    assert gzip.decompress(_zeros_gzip(3)) == bytes(3 << 20)  # the construction is sound
    bomb = _zeros_gzip(1024)  # 1 GiB of zeros in about 1 MB
    assert len(bomb) < LIMIT
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = refused(413, decode_pb, Signal.LOGS, bomb, content_encoding="gzip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "inflates past the limit" in message
    assert time.perf_counter() - started < 1
    assert peak < 4 * LIMIT


# -- Protobuf that does not parse ------------------------------------------------------------


@pytest.mark.parametrize(
    "cut", [lambda body: body[:-3], lambda body: b"\xff" * 20, lambda body: body[:5] + b"\x0f"]
)
def test_protobuf_that_does_not_parse_is_a_400(cut: Any) -> None:
    body = cut(sdk_traces().SerializeToString())
    message = refused(400, decode_pb, Signal.TRACES, body)
    assert "not a valid protobuf ExportTraceServiceRequest" in message


def test_strings_that_are_not_utf8_are_mended_not_refused() -> None:
    request = sdk_logs()
    body = request.SerializeToString().replace(b"cart is empty", b"cart is \xe9mpty")
    decoded = decode_pb(Signal.LOGS, body)
    first = rows(decoded.table)[0]
    assert first["body"] == "cart is \ufffdmpty"
    assert first["attributes"] == {"user": "ann", "attempt": "2"}  # the rest as it was
    assert decoded.rejected == 0
    assert decoded.error_message == "strings that were not UTF-8, mended with U+FFFD: 1"
    # Everything else comes through the lenient parse untouched.
    mended = rows(decoded.table)[1:]
    assert mended == rows(decode_pb(Signal.LOGS, request).table)[1:]


# -- Records rejected one by one ---------------------------------------------------------------


def _span(**fields: Any) -> dict[str, Any]:
    span = {
        "traceId": TRACE_ID,
        "spanId": SPAN_ID,
        "name": "op",
        "startTimeUnixNano": str(T0),
        "endTimeUnixNano": str(T0 + 5),
    }
    span.update(fields)
    return span


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"traceId": TRACE_ID[:30]}, "trace_id is not 16 bytes (32 hex digits)"),
        ({"traceId": TRACE_ID + "00"}, "trace_id is not 16 bytes (32 hex digits)"),
        ({"traceId": "z" * 32}, "trace_id is not 16 bytes (32 hex digits)"),
        ({"traceId": "0" * 32}, "trace_id is empty or all zeros"),
        ({"traceId": ""}, "trace_id is empty or all zeros"),
        ({"spanId": SPAN_ID[:14]}, "span_id is not 8 bytes (16 hex digits)"),
        ({"spanId": TRACE_ID}, "span_id is not 8 bytes (16 hex digits)"),
        ({"spanId": None}, "span_id is empty or all zeros"),
        ({"parentSpanId": "abc"}, "parent_span_id is not 8 bytes (16 hex digits)"),
        ({"startTimeUnixNano": 0}, "start_time_unix_nano is not set"),
        ({"endTimeUnixNano": str(T0 - 1)}, "end_time_unix_nano is before start_time_unix_nano"),
        ({"endTimeUnixNano": str(2**63)}, "a time is past 2262-04-11"),
        ({"kind": 6}, "kind is not between 0 and 5"),
        ({"status": {"code": 3}}, "status.code is not between 0 and 2"),
    ],
)
def test_a_bad_span_is_rejected_alone(fields: dict[str, Any], reason: str) -> None:
    document = _spans_document(_span(), _span(**fields), _span(name="last"))
    decoded = decode_json(Signal.TRACES, document)
    assert [row["name"] for row in rows(decoded.table)] == ["op", "last"]
    assert decoded.rejected == 1
    assert decoded.error_message.startswith(f"1 span rejected: {reason}")
    assert decoded.error_message.endswith("(first at resourceSpans[0].scopeSpans[0].spans[1])")


def test_an_all_zero_parent_is_no_parent_and_zero_length_spans_are_kept() -> None:
    document = _spans_document(_span(parentSpanId="0" * 16, endTimeUnixNano=str(T0)))
    [row] = rows(decode_json(Signal.TRACES, document).table)
    assert (row["parent_span_id"], row["duration_ns"]) == (None, 0)


def test_rejections_are_counted_per_reason_with_the_first_place() -> None:
    bad_trace = {"traceId": "00"}
    document = {
        "resourceSpans": [
            {"scopeSpans": [{"spans": [_span(), _span(**bad_trace)]}]},
            {"scopeSpans": [{"spans": [_span(**bad_trace), _span(kind=9)]}]},
        ]
    }
    decoded = decode_json(Signal.TRACES, document)
    assert (decoded.table.num_rows, decoded.rejected) == (1, 3)
    assert decoded.error_message == (
        "2 spans rejected: trace_id is not 16 bytes (32 hex digits)"
        " (first at resourceSpans[0].scopeSpans[0].spans[1]); "
        "1 span rejected: kind is not between 0 and 5"
        " (first at resourceSpans[1].scopeSpans[0].spans[1])"
    )


def test_protobuf_ids_of_the_wrong_size_reject_the_span() -> None:
    request = ExportTraceServiceRequest()
    spans = request.resource_spans.add().scope_spans.add().spans
    spans.add(
        trace_id=b"\x01" * 16, span_id=b"\x02" * 8, start_time_unix_nano=T0, end_time_unix_nano=T0
    )
    spans.add(
        trace_id=b"\x01" * 15, span_id=b"\x02" * 8, start_time_unix_nano=T0, end_time_unix_nano=T0
    )
    spans.add(
        trace_id=b"\x01" * 16, span_id=b"\x02" * 9, start_time_unix_nano=T0, end_time_unix_nano=T0
    )
    decoded = decode_pb(Signal.TRACES, request)
    assert [row["trace_id"] for row in rows(decoded.table)] == ["01" * 16]
    assert decoded.rejected == 2


def test_a_link_with_bad_ids_is_dropped_and_the_span_kept() -> None:
    links = [
        {"traceId": TRACE_ID, "spanId": SPAN_ID, "traceState": "x=1"},
        {"traceId": "beef", "spanId": SPAN_ID},
    ]
    decoded = decode_json(Signal.TRACES, _spans_document(_span(links=links)))
    [row] = rows(decoded.table)
    assert json.loads(row["links"]) == [
        {"trace_id": TRACE_ID, "span_id": SPAN_ID, "attributes": {}}
    ]
    assert decoded.rejected == 0 and "span links dropped" in decoded.error_message


def test_a_log_keeps_its_record_but_not_a_malformed_trace_id() -> None:
    decoded = decode_json(Signal.LOGS, _log_with(traceId="abcd", spanId=SPAN_ID))
    [row] = rows(decoded.table)
    assert (row["trace_id"], row["span_id"]) == (None, SPAN_ID)
    assert decoded.rejected == 0
    assert decoded.error_message == (
        "log records kept without their trace_id, which was not 16 bytes: 1"
        " (first at resourceLogs[0].scopeLogs[0].logRecords[0])"
    )


def test_a_log_without_time_takes_the_observed_time_or_is_rejected() -> None:
    observed = {"resourceLogs": [{"scopeLogs": [{"logRecords": [{"observedTimeUnixNano": "7"}]}]}]}
    [row] = rows(decode_json(Signal.LOGS, observed).table)
    assert (row["time"], row["observed_time"]) == (7, 7)
    neither = {"resourceLogs": [{"scopeLogs": [{"logRecords": [{"body": {"stringValue": "x"}}]}]}]}
    decoded = decode_json(Signal.LOGS, neither)
    assert (decoded.table.num_rows, decoded.rejected) == (0, 1)
    assert "neither time_unix_nano nor observed_time_unix_nano" in decoded.error_message


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"severityNumber": 25}, "severity_number is not between 0 and 24"),
        ({"severityNumber": -1}, "severity_number is not between 0 and 24"),
        ({"timeUnixNano": str(2**64 - 1)}, "a time is past 2262-04-11"),
    ],
)
def test_a_bad_log_record_is_rejected(fields: dict[str, Any], reason: str) -> None:
    decoded = decode_json(Signal.LOGS, _log_with(**fields))
    assert (decoded.table.num_rows, decoded.rejected) == (0, 1)
    assert reason in decoded.error_message


def _metric(**fields: Any) -> dict[str, Any]:
    return {"resourceMetrics": [{"scopeMetrics": [{"metrics": [{"name": "m", **fields}]}]}]}


@pytest.mark.parametrize(
    ("metric", "reason"),
    [
        ({"name": "", "gauge": {"dataPoints": [{"timeUnixNano": 1}]}}, "the metric has no name"),
        ({"gauge": {"dataPoints": [{"asInt": "1"}]}}, "time_unix_nano is not set"),
        (
            {"sum": {"aggregationTemporality": 3, "dataPoints": [{"timeUnixNano": 1}]}},
            "aggregation_temporality is not 1 or 2",
        ),
        (
            {"histogram": {"dataPoints": [{"timeUnixNano": 1, "bucketCounts": [1, 2]}]}},
            "bucket_counts does not hold one entry more than explicit_bounds",
        ),
        (
            {
                "histogram": {
                    "dataPoints": [
                        {"timeUnixNano": 1, "bucketCounts": [0, 0, 0], "explicitBounds": [2, 1]}
                    ]
                }
            },
            "explicit_bounds do not strictly increase",
        ),
        (
            {
                "histogram": {
                    "dataPoints": [
                        {"timeUnixNano": 1, "bucketCounts": [0, 0], "explicitBounds": ["NaN"]}
                    ]
                }
            },
            "explicit_bounds do not strictly increase",
        ),
    ],
)
def test_a_bad_data_point_is_rejected(metric: dict[str, Any], reason: str) -> None:
    decoded = decode_json(Signal.METRICS, _metric(**metric))
    assert (decoded.table.num_rows, decoded.rejected) == (0, 1)
    assert decoded.error_message.startswith(f"1 data point rejected: {reason} (first at ")
    assert ".dataPoints[0])" in decoded.error_message


def test_number_points_as_int_or_double_or_none() -> None:
    points = [
        {"timeUnixNano": "1", "asInt": "-4"},
        {"timeUnixNano": "2", "asDouble": 0.5, "startTimeUnixNano": "1"},
        {"timeUnixNano": "3", "flags": 1},  # no recorded value: a staleness marker
    ]
    sums = {"aggregationTemporality": 0, "isMonotonic": False, "dataPoints": points}
    found = rows(decode_json(Signal.METRICS, _metric(sum=sums)).table)
    assert [(row["value"], row["start_time"]) for row in found] == [
        (-4, None),
        (0.5, 1),
        (None, None),
    ]
    assert {row["temporality"] for row in found} == {None}


def test_a_histogram_without_buckets_keeps_its_count() -> None:
    points = [{"timeUnixNano": "1", "count": "5", "sum": 2.5}]
    [row] = rows(decode_json(Signal.METRICS, _metric(histogram={"dataPoints": points})).table)
    assert (row["count"], row["sum"], row["min"], row["bucket_counts"]) == (5, 2.5, None, [])


# -- Limits ------------------------------------------------------------------------------------


def test_more_records_than_the_limit_is_a_413() -> None:
    request = ExportLogsServiceRequest()
    records = request.resource_logs.add().scope_logs.add().log_records
    for _ in range(MAX_RECORDS):
        records.add(time_unix_nano=T0)
    assert decode_pb(Signal.LOGS, request).table.num_rows == MAX_RECORDS
    records.add(time_unix_nano=T0)
    assert "more than 10000 log records" in refused(413, decode_pb, Signal.LOGS, request)
    json_logs = [{"timeUnixNano": 1}] * 3
    document = {"resourceLogs": [{"scopeLogs": [{"logRecords": json_logs}] * 2}]}
    assert decode_json(Signal.LOGS, document, max_records=6).table.num_rows == 6
    refused(413, decode_json, Signal.LOGS, document, max_records=5)


def test_100_000_attributes_on_one_record_keep_the_first_128() -> None:
    pairs = [{"key": f"k{n}", "value": {"intValue": n}} for n in range(100_000)]
    late = {"key": "service.name", "value": {"stringValue": "late"}}
    document = {
        "resourceLogs": [
            {
                "resource": {"attributes": [*pairs[:200], late]},
                "scopeLogs": [{"logRecords": [{"timeUnixNano": "1", "attributes": pairs}]}],
            }
        ]
    }
    started = time.perf_counter()
    decoded = decode_json(Signal.LOGS, document, max_size=16 << 20)
    assert time.perf_counter() - started < 1
    [row] = rows(decoded.table)
    assert len(row["attributes"]) == MAX_ATTRIBUTES and row["attributes"]["k127"] == "127"
    assert len(row["resource_attributes"]) == MAX_ATTRIBUTES
    assert row["service_name"] == "late"  # found even past the attribute limit
    assert decoded.rejected == 0
    assert decoded.error_message == (
        "attributes past the first 128 dropped: 99945"
        " (first at resourceLogs[0].scopeLogs[0].logRecords[0])"  # the JSON walk cut these first
    )


def test_attributes_past_the_limit_are_said_alike_in_either_encoding() -> None:
    request = ExportTraceServiceRequest()
    span = (
        request.resource_spans.add()
        .scope_spans.add()
        .spans.add(
            trace_id=b"\x01" * 16, span_id=b"\x02" * 8, start_time_unix_nano=1, end_time_unix_nano=2
        )
    )
    for n in range(MAX_ATTRIBUTES + 2):
        span.attributes.add(key=f"k{n}").value.bool_value = True
    span.events.add(name="e").attributes.extend(span.attributes)
    from_protobuf = decode_pb(Signal.TRACES, request)
    from_json = decode_json(Signal.TRACES, otlp_json(request))
    assert from_json.table.equals(from_protobuf.table)
    place = "resourceSpans[0].scopeSpans[0].spans[0]"
    assert from_json.error_message == from_protobuf.error_message
    assert from_json.error_message == f"attributes past the first 128 dropped: 4 (first at {place})"


def test_long_keys_values_and_bodies_are_cut() -> None:
    pairs = [
        {"key": "k" * (MAX_KEY_LENGTH + 1), "value": {"stringValue": "v"}},
        {"key": "long", "value": {"stringValue": "v" * (MAX_VALUE_LENGTH + 1)}},
        {
            "key": "bytes",
            "value": {"bytesValue": base64.b64encode(bytes(MAX_VALUE_LENGTH)).decode()},
        },
    ]
    body = {"stringValue": "b" * (MAX_BODY_LENGTH + 10)}
    decoded = decode_json(Signal.LOGS, _log_with(attributes=pairs, body=body))
    [row] = rows(decoded.table)
    assert row["attributes"]["k" * MAX_KEY_LENGTH] == "v"
    assert row["attributes"]["long"] == "v" * MAX_VALUE_LENGTH
    assert len(row["attributes"]["bytes"]) <= MAX_VALUE_LENGTH
    base64.b64decode(row["attributes"]["bytes"], validate=True)  # still base64
    assert row["body"] == "b" * MAX_BODY_LENGTH
    assert decoded.rejected == 0 and "cut short" in decoded.error_message


def test_a_huge_array_value_is_cut_inside_and_stays_json() -> None:
    value = {
        "arrayValue": {
            "values": [{"stringValue": "x" * 1000}] * 200
            + [{"kvlistValue": {"values": [{"key": "k", "value": {"stringValue": "y" * 90_000}}]}}]
        }
    }
    text = _attribute_text(value)
    assert text is not None and len(text) <= MAX_VALUE_LENGTH + 1000
    items = json.loads(text)
    assert items[0] == "x" * 1000 and 0 < len(items) < 200


def test_events_past_the_limit_are_dropped() -> None:
    events = [{"timeUnixNano": str(T0), "name": f"e{n}"} for n in range(MAX_EVENTS + 5)]
    decoded = decode_json(Signal.TRACES, _spans_document(_span(events=events)))
    [row] = rows(decoded.table)
    assert len(json.loads(row["events"])) == MAX_EVENTS
    assert json.loads(row["events"])[0] == {"time": T0, "name": "e0", "attributes": {}}
    assert "span events past the first 128 dropped: 5" in decoded.error_message


# -- Nothing but a Decoded or an OtlpError -----------------------------------------------------


def _field_names() -> list[str]:
    names: set[str] = set()
    seen: set[str] = set()

    def visit(descriptor: Any) -> None:
        if descriptor.full_name in seen:
            return
        seen.add(descriptor.full_name)
        for field in descriptor.fields:
            names.update((field.name, field.json_name))
            if field.message_type is not None:
                visit(field.message_type)

    for request in (
        ExportLogsServiceRequest,
        ExportTraceServiceRequest,
        ExportMetricsServiceRequest,
    ):
        visit(request.DESCRIPTOR)
    return sorted(names)


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from([TRACE_ID, SPAN_ID, "NaN", "-1", "18446744073709551616", "AAE=", "1e5"])
)
_otlp_shaped = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_field_names()), inner, max_size=5)
    ),
    max_leaves=40,
)
_any_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


_REQUEST_TYPES = {
    Signal.LOGS: ExportLogsServiceRequest,
    Signal.TRACES: ExportTraceServiceRequest,
    Signal.METRICS: ExportMetricsServiceRequest,
}
_ids = st.sampled_from([TRACE_ID, SPAN_ID, "", "zz", "0" * 32, "AAECAwQFBgc="]) | st.binary(
    max_size=17
).map(bytes.hex)
_times = st.sampled_from([0, 1, T0, T0 + 5, 2**63]) | st.integers(0, 2**64 - 1)
_ENVELOPES = {"resource_logs", "resource_spans", "resource_metrics"} | {
    "scope_logs",
    "scope_spans",
    "scope_metrics",
    "log_records",
    "spans",
    "metrics",
    "data_points",
}


@st.composite
def _request_json(draw: st.DrawFn, descriptor: Any, depth: int = 0) -> dict[str, Any]:
    """JSON for a message, mostly of the right types: each field there or not, under its
    JSON or its proto name, one member of a oneof at a time, now and then a wrong type."""
    document: dict[str, Any] = {}
    groups: set[str] = set()
    for field in descriptor.fields:
        group = field.containing_oneof.name if field.containing_oneof else field.name
        if group in groups or not draw(st.booleans()):
            continue
        if field.message_type is not None and depth >= 6:
            continue
        groups.add(group)
        key = draw(st.sampled_from([field.json_name, field.name]))
        if depth > 2 and draw(st.integers(0, 49)) == 0:
            document[key] = draw(_scalars)
        elif field.is_repeated:
            size = draw(st.integers(1 if field.name in _ENVELOPES else 0, 3))
            document[key] = [_field_json(draw, field, depth) for _ in range(size)]
        else:
            document[key] = _field_json(draw, field, depth)
    return document


def _field_json(draw: st.DrawFn, field: Any, depth: int) -> object:
    if field.message_type is not None:
        return draw(_request_json(field.message_type, depth + 1))
    if field.name in ("trace_id", "span_id", "parent_span_id"):
        return draw(_ids)
    if field.type == field.TYPE_BYTES:
        return base64.b64encode(draw(st.binary(max_size=8))).decode()
    if field.type == field.TYPE_STRING:
        return draw(st.text(max_size=10))
    if field.type == field.TYPE_BOOL:
        return draw(st.booleans())
    if field.type == field.TYPE_DOUBLE:
        return draw(st.floats() | st.sampled_from(["NaN", "Infinity", "1.5"]))
    if field.type == field.TYPE_ENUM:
        return draw(st.integers(-1, 30) | st.sampled_from(list(field.enum_type.values_by_name)))
    if field.name.endswith("time_unix_nano"):
        number = draw(_times)
    else:
        wide = draw(st.integers(0, 29)) == 0
        number = draw(st.integers(-(2**63), 2**64 - 1) if wide else st.integers(0, 30))
    return str(number) if draw(st.booleans()) else number


@settings(max_examples=100, deadline=None, database=None)
@given(st.data())
def test_well_typed_random_requests_decode_or_are_refused(data: st.DataObject) -> None:
    signal = data.draw(st.sampled_from(list(Signal)))
    document = data.draw(_request_json(_REQUEST_TYPES[signal].DESCRIPTOR))
    _decodes_or_refuses(signal, json.dumps(document).encode(), JSON)


def _decodes_or_refuses(signal: Signal, body: bytes, content_type: str, **options: Any) -> None:
    try:
        decoded = _decode(signal, body, content_type, **options)
    except OtlpError as error:
        assert error.status in (400, 413, 415) and error.message
    else:
        assert decoded.rejected >= 0


@settings(max_examples=200, deadline=None, database=None)
@given(st.sampled_from(list(Signal)), _otlp_shaped)
def test_any_otlp_shaped_json_decodes_or_is_refused(signal: Signal, document: object) -> None:
    top = {
        Signal.LOGS: "resourceLogs",
        Signal.TRACES: "resourceSpans",
        Signal.METRICS: "resourceMetrics",
    }
    for candidate in (document, {top[signal]: [document]}):
        _decodes_or_refuses(signal, json.dumps(candidate).encode(), JSON, max_records=50)


@settings(max_examples=150, deadline=None, database=None)
@given(st.sampled_from(list(Signal)), _any_json)
def test_any_json_decodes_or_is_refused(signal: Signal, document: object) -> None:
    _decodes_or_refuses(signal, json.dumps(document).encode(), JSON)


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.sampled_from(list(Signal)),
    st.sampled_from([PROTOBUF, JSON]),
    st.sampled_from([None, "gzip"]),
    st.binary(max_size=300),
)
def test_any_bytes_decode_or_are_refused(
    signal: Signal, content_type: str, encoding: str | None, body: bytes
) -> None:
    _decodes_or_refuses(signal, body, content_type, content_encoding=encoding, max_size=1000)


@functools.cache
def _real_bodies() -> dict[Signal, bytes]:
    return {
        Signal.TRACES: sdk_traces().SerializeToString(),
        Signal.LOGS: sdk_logs().SerializeToString(),
        Signal.METRICS: sdk_metrics().SerializeToString(),
    }


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.sampled_from(list(Signal)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=6),
    st.integers(min_value=0),
)
def test_damaged_real_protobuf_decodes_or_is_refused(
    signal: Signal, edits: list[tuple[int, int]], cut: int
) -> None:
    body = bytearray(_real_bodies()[signal])
    for position, byte in edits:
        body[position % len(body)] = byte
    if cut % 3 == 0:
        del body[len(body) - cut % 8 :]
    for decoder in Signal:  # any signal's decoder must cope with any signal's bytes
        _decodes_or_refuses(decoder, bytes(body), PROTOBUF)


def test_a_value_nested_as_deep_as_protobuf_allows_is_rendered() -> None:
    request = ExportLogsServiceRequest()
    record = request.resource_logs.add().scope_logs.add().log_records.add(time_unix_nano=T0)
    value: AnyValue = record.body
    for _ in range(45):  # upb's limit is 100 messages deep; each array is two
        value = value.array_value.values.add()
    value.string_value = "bottom"
    [row] = rows(decode_pb(Signal.LOGS, request).table)
    assert row["body"] == "[" * 45 + '"bottom"' + "]" * 45
    for _ in range(5):
        value = value.array_value.values.add()
    assert "MaxDepth" in refused(400, decode_pb, Signal.LOGS, request)
