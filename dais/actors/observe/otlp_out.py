"""Stored spans back into OTLP: ``TracesData``, grouped by resource and scope, as Tempo's
trace-by-id API answers (its ``tempopb.Trace`` is wire-compatible with ``TracesData``:
field 1, the repeated ``ResourceSpans`` Tempo calls ``batches``).

dais keeps attribute values as text (``records.py``), so every attribute, the resource's,
the span's, an event's and a link's, comes back as a ``stringValue``: ``"500"`` where the
SDK sent the integer 500. Ids come back from their hex; trace flags are not stored.

Pure: no I/O.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.resource.v1 import resource_pb2
from opentelemetry.proto.trace.v1 import trace_pb2

__all__ = ["traces_data", "trace_by_id_response"]

_TIMES = ("start_time", "end_time")


def traces_data(table: pa.Table) -> trace_pb2.TracesData:
    """The spans of ``table`` (columns of :data:`~.records.SPANS`) as ``TracesData``, one
    ``ResourceSpans`` per distinct resource and one ``ScopeSpans`` per scope in it, spans
    in the table's order."""
    columns: dict[str, list[Any]] = {}
    for name in table.column_names:
        column = table.column(name)
        if name in _TIMES:
            column = column.cast(pa.int64())
        columns[name] = column.to_pylist()
    data = trace_pb2.TracesData()
    resources: dict[tuple[Any, ...], trace_pb2.ResourceSpans] = {}
    scopes: dict[tuple[Any, ...], trace_pb2.ScopeSpans] = {}
    for i in range(table.num_rows):
        resource_attributes = dict(columns["resource_attributes"][i] or [])
        service = columns["service_name"][i]
        if service and "service.name" not in resource_attributes:
            resource_attributes["service.name"] = service
        resource_key = tuple(sorted(resource_attributes.items()))
        resource_spans = resources.get(resource_key)
        if resource_spans is None:
            resource_spans = resources[resource_key] = data.resource_spans.add()
            resource_spans.resource.CopyFrom(
                resource_pb2.Resource(attributes=_key_values(resource_attributes))
            )
        scope_key = (resource_key, columns["scope_name"][i], columns["scope_version"][i])
        scope_spans = scopes.get(scope_key)
        if scope_spans is None:
            scope_spans = scopes[scope_key] = resource_spans.scope_spans.add()
            scope_spans.scope.name = columns["scope_name"][i] or ""
            scope_spans.scope.version = columns["scope_version"][i] or ""
        _span(scope_spans.spans.add(), {name: values[i] for name, values in columns.items()})
    return data


def trace_by_id_response(data: trace_pb2.TracesData) -> bytes:
    """Tempo's ``TraceByIDResponse`` (``/api/v2/traces``): field 1 the trace; its metrics,
    status (0, complete) and message are left at their defaults."""
    trace: bytes = data.SerializeToString()
    return b"\x0a" + _varint(len(trace)) + trace


def _span(span: trace_pb2.Span, row: dict[str, Any]) -> None:
    span.trace_id = bytes.fromhex(row["trace_id"])
    span.span_id = bytes.fromhex(row["span_id"])
    if row["parent_span_id"]:
        span.parent_span_id = bytes.fromhex(row["parent_span_id"])
    span.trace_state = row["trace_state"] or ""
    span.name = row["name"]
    span.kind = row["kind"]
    span.start_time_unix_nano = row["start_time"]
    span.end_time_unix_nano = row["end_time"]
    span.attributes.extend(_key_values(dict(row["attributes"] or [])))
    for event in json.loads(row["events"] or "[]"):
        span.events.add(
            time_unix_nano=int(event.get("time") or 0),
            name=str(event.get("name") or ""),
            attributes=_key_values(event.get("attributes") or {}),
        )
    for link in json.loads(row["links"] or "[]"):
        span.links.add(
            trace_id=bytes.fromhex(link["trace_id"]),
            span_id=bytes.fromhex(link["span_id"]),
            attributes=_key_values(link.get("attributes") or {}),
        )
    span.status.code = row["status_code"]
    span.status.message = row["status_message"] or ""


def _key_values(attributes: dict[str, Any]) -> list[common_pb2.KeyValue]:
    return [
        common_pb2.KeyValue(
            key=key,
            value=common_pb2.AnyValue()
            if value is None
            else common_pb2.AnyValue(string_value=str(value)),
        )
        for key, value in attributes.items()
    ]


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)
