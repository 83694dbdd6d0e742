"""Telemetry as stored: one Arrow schema per signal, the columns of its Parquet files.

OTLP's nesting (resource -> scope -> records) is flattened: every row carries its
resource's ``service.name`` (the column queries filter on most) and its resource and record
attributes as ``map<string, string>`` columns, so DuckDB can filter on any attribute
(``attributes['http.route']``). Attribute values are kept as text: strings as they are,
booleans as ``true``/``false``, numbers in their shortest exact form, bytes as base64 and
arrays and key-value lists as JSON. Ids are lower-case hex (32 digits for trace ids, 16 for
span ids), empty ids are null. Times are nanoseconds since the Unix epoch, as OTLP sends
them, in ``timestamp[ns, UTC]`` columns.

Pure: no I/O; ``otlp.py`` fills these tables, ``store.py`` writes and ``query.py`` reads
them.
"""

from __future__ import annotations

import enum

import pyarrow as pa

__all__ = ["LOGS", "METRICS", "SCHEMAS", "SPANS", "Signal"]


class Signal(enum.StrEnum):
    LOGS = "logs"
    TRACES = "traces"
    METRICS = "metrics"


_TIME = pa.timestamp("ns", tz="UTC")
_ATTRIBUTES = pa.map_(pa.string(), pa.string())

_RESOURCE = [
    pa.field("service_name", pa.string()),  # resource attribute service.name ("" if unset)
    pa.field("resource_attributes", _ATTRIBUTES),
    pa.field("scope_name", pa.string()),
    pa.field("scope_version", pa.string()),
]

#: One row per log record.
LOGS = pa.schema(
    [
        pa.field("time", _TIME, nullable=False),  # time_unix_nano, else observed time
        pa.field("observed_time", _TIME),
        pa.field("severity_number", pa.int32(), nullable=False),  # 0: unspecified
        pa.field("severity_text", pa.string()),
        pa.field("body", pa.string()),  # a string body as is; any other value as JSON
        pa.field("trace_id", pa.string()),
        pa.field("span_id", pa.string()),
        pa.field("flags", pa.uint32()),
        pa.field("event_name", pa.string()),
        pa.field("attributes", _ATTRIBUTES),
        *_RESOURCE,
    ]
)

#: One row per span.
SPANS = pa.schema(
    [
        pa.field("trace_id", pa.string(), nullable=False),
        pa.field("span_id", pa.string(), nullable=False),
        pa.field("parent_span_id", pa.string()),
        pa.field("trace_state", pa.string()),
        pa.field("name", pa.string(), nullable=False),
        pa.field("kind", pa.int32(), nullable=False),  # SpanKind: 0 unspecified .. 5 consumer
        pa.field("start_time", _TIME, nullable=False),
        pa.field("end_time", _TIME, nullable=False),
        pa.field("duration_ns", pa.int64(), nullable=False),
        pa.field("status_code", pa.int32(), nullable=False),  # 0 unset, 1 ok, 2 error
        pa.field("status_message", pa.string()),
        pa.field("attributes", _ATTRIBUTES),
        pa.field("events", pa.string()),  # JSON: [{"time", "name", "attributes"}]
        pa.field("links", pa.string()),  # JSON: [{"trace_id", "span_id", "attributes"}]
        *_RESOURCE,
    ]
)

#: One row per data point. ``kind``: gauge, sum, histogram, exponential_histogram, summary.
METRICS = pa.schema(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("description", pa.string()),
        pa.field("unit", pa.string()),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("temporality", pa.string()),  # cumulative | delta | null (gauges)
        pa.field("monotonic", pa.bool_()),
        pa.field("time", _TIME, nullable=False),
        pa.field("start_time", _TIME),
        pa.field("value", pa.float64()),  # gauge and sum points (ints become floats)
        pa.field("count", pa.uint64()),  # histogram, exponential histogram, summary
        pa.field("sum", pa.float64()),
        pa.field("min", pa.float64()),
        pa.field("max", pa.float64()),
        pa.field("bucket_counts", pa.list_(pa.uint64())),  # histogram
        pa.field("explicit_bounds", pa.list_(pa.float64())),  # histogram
        pa.field("quantiles", pa.string()),  # summary: JSON [[quantile, value], ...]
        pa.field("attributes", _ATTRIBUTES),  # the point's labels
        *_RESOURCE,
    ]
)

SCHEMAS: dict[Signal, pa.Schema] = {
    Signal.LOGS: LOGS,
    Signal.TRACES: SPANS,
    Signal.METRICS: METRICS,
}
