"""OTLP/HTTP request bodies decoded into the Arrow tables of ``records.py``.

One entry point, :func:`decode`: the body of a ``POST /v1/logs``, ``/v1/traces`` or
``/v1/metrics`` becomes a table in the signal's schema, plus how many records were rejected
and why, for OTLP's ``partial_success``. Pure: no I/O, no clock. Reading the body into its
protobuf request message (media types, content codings, gzip, OTLP's JSON, and what refuses
the request whole, an :class:`OtlpError`) is :mod:`dais.actors.observe.otlp_wire`'s; this
module flattens that message, whichever encoding it came in.

What breaks one record rejects that record alone, counted in :attr:`Decoded.rejected`:

- a span whose trace id is not 16 bytes or span id not 8 (or either is empty or all zeros),
  whose parent span id is neither empty nor 8 bytes, with no start time, ending before it
  starts, or with a kind or status code outside the enum;
- a log record with neither a time nor an observed time, or a severity number outside
  0..24; a log's trace or span id of the wrong size only costs the log that id (kept as
  null: the record is worth more than its link to a trace);
- a data point with no time, of a metric with no name or an unknown aggregation
  temporality, or a histogram point whose bucket counts are not one more than its bounds or
  whose bounds do not strictly increase;
- any time past 2262-04-11, which nanoseconds in the signed 64 bits of the Parquet column
  cannot hold.

Other limits cut rather than reject, and say so in :attr:`Decoded.error_message` (OTLP lets a
server warn with ``rejected`` 0), beside what reading mended: past :data:`MAX_ATTRIBUTES`
attributes on one record (or resource, event, link) the rest are dropped; past
:data:`MAX_EVENTS` events and :data:`MAX_LINKS` links on a span likewise; keys are cut to
:data:`MAX_KEY_LENGTH` characters, other strings to :data:`MAX_VALUE_LENGTH` and log bodies
to :data:`MAX_BODY_LENGTH` (values rendered as JSON are cut inside, so they stay valid JSON).

Rendering, following ``records.py``: an attribute value is text (strings as they are,
``true``/``false``, integers in decimal, doubles as Python's shortest round-tripping
``repr``, so ``1.0`` stays ``"1.0"`` and a double is told from an integer; ``NaN``,
``Infinity`` and ``-Infinity`` as proto3's JSON spells them; bytes as base64; arrays and
key-value lists as compact JSON in which doubles, bytes and non-finite numbers follow the
same rules), and an attribute with no value is a null. A repeated key keeps its last
value. Empty optional strings (severity text, trace state, scope name...) are nulls, as
proto3 cannot tell them from unset; ``service_name`` is ``""`` when the resource has no
``service.name``. Events and links are JSON arrays (null when there are none), an event's
time in nanoseconds; a link whose ids are malformed is dropped. A gauge or sum point without
a value (a staleness marker) has a null value; exponential histograms keep count, sum, min
and max but not their buckets; a sum whose temporality is unspecified (0) has a null one.
"""

from __future__ import annotations

import base64
import functools
import json
import math
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

import attrs
import pyarrow as pa

from .otlp_wire import (
    MAX_ATTRIBUTES,
    MAX_EVENTS,
    MAX_LINKS,
    MAX_RECORDS,
    OtlpError,
    Report,
    first_kept,
    read_request,
)
from .records import LOGS, METRICS, SPANS, Signal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_BODY_LENGTH",
    "MAX_EVENTS",
    "MAX_KEY_LENGTH",
    "MAX_LINKS",
    "MAX_RECORDS",
    "MAX_VALUE_LENGTH",
    "Decoded",
    "OtlpError",
    "decode",
]

#: Characters kept of an attribute key.
MAX_KEY_LENGTH: Final = 256
#: Characters kept of an attribute value, a name or any other string but a log body.
MAX_VALUE_LENGTH: Final = 64 * 1024
#: Characters kept of a log body (Loki's default line limit is a quarter of this).
MAX_BODY_LENGTH: Final = 1024 * 1024


@attrs.frozen
class Decoded:
    """One request's records as a table in its signal's schema, and what was left out."""

    table: pa.Table
    #: Records rejected (for ``partial_success.rejected_log_records``, ``_spans`` or
    #: ``_data_points``).
    rejected: int = 0
    #: Why records were rejected or cut, in English; "" when nothing was.
    error_message: str = ""


def decode(
    signal: Signal,
    body: bytes,
    *,
    content_type: str,
    content_encoding: str | None,
    max_size: int,
    max_records: int = MAX_RECORDS,
) -> Decoded:
    """Decode an OTLP/HTTP request body for ``signal`` into rows of its schema.

    :param content_type: the request's ``Content-Type`` (parameters are ignored).
    :param content_encoding: its ``Content-Encoding``: ``gzip``, ``identity`` or None.
    :param max_size: the most bytes the body may hold, compressed and inflated alike.
    :raises OtlpError: 415 for another media type or content coding, 413 for a body over
        ``max_size`` or more than ``max_records`` records, 400 for a body that does not
        parse or JSON of the wrong shape.
    """
    signal = Signal(signal)
    report = Report(signal, max_records)
    request = read_request(
        signal,
        body,
        report,
        content_type=content_type,
        content_encoding=content_encoding,
        max_size=max_size,
    )
    table = _FLATTENERS[signal](request, report)
    return Decoded(table=table, rejected=report.rejected, error_message=report.message())


class _Rejected(Exception):
    """The record at hand breaks ``reason``: it is left out and counted."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- Rendering values ------------------------------------------------------------------------


_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _cut(text: str, limit: int, report: Report) -> str:
    if len(text) > limit:
        report.note(f"strings longer than {limit} characters cut short")
        return text[:limit]
    return text


def _optional(text: str, report: Report) -> str | None:
    return _cut(text, MAX_VALUE_LENGTH, report) or None


def _double_text(number: float) -> str:
    if math.isfinite(number):
        return repr(number)
    return "NaN" if math.isnan(number) else "Infinity" if number > 0 else "-Infinity"


def _double_json(number: float) -> float | str:
    return number if math.isfinite(number) else _double_text(number)


def _value_text(value: Any, report: Report) -> str | None:
    """An AnyValue as the text of an attribute map's value; None when it has none (or only
    a string-table index, which the spec reserves for profiles)."""
    kind = value.WhichOneof("value")
    if kind == "string_value":
        return _cut(value.string_value, MAX_VALUE_LENGTH, report)
    if kind == "int_value":
        return str(value.int_value)
    if kind == "bool_value":
        return "true" if value.bool_value else "false"
    if kind == "double_value":
        return _double_text(value.double_value)
    if kind in ("bytes_value", "array_value", "kvlist_value"):
        return _json_text(value, MAX_VALUE_LENGTH, report, bare_bytes=True)
    return None


def _json_text(value: Any, limit: int, report: Report, *, bare_bytes: bool = False) -> str:
    room = _Room(limit)
    plain = room.plain(value)
    if room.cut:
        report.note(f"values longer than about {limit} characters cut short")
    if bare_bytes and isinstance(plain, str):  # an attribute's bytes: the base64 alone
        return plain
    return _dumps(plain)


class _Room:
    """The characters left for one value rendered as JSON. What does not fit is cut inside
    (strings shortened, array and list entries dropped), so the text stays valid JSON; the
    count is of characters before escaping, so the text may run a little over."""

    __slots__ = ("cut", "left")

    def __init__(self, left: int) -> None:
        self.left = left
        self.cut = False

    def plain(self, value: Any) -> object:
        kind = value.WhichOneof("value")
        if kind == "string_value":
            return self.text(value.string_value)
        if kind == "array_value":
            items = []
            for item in value.array_value.values:
                if self.left <= 0:
                    self.cut = True
                    break
                items.append(self.plain(item))
            return items
        if kind == "kvlist_value":
            entries = {}
            for entry in value.kvlist_value.values:
                if self.left <= 0:
                    self.cut = True
                    break
                key: str = entry.key
                if len(key) > MAX_KEY_LENGTH:
                    key, self.cut = key[:MAX_KEY_LENGTH], True
                key = self.text(key)
                entries[key] = self.plain(entry.value)
            return entries
        if kind == "bytes_value":
            raw: bytes = value.bytes_value
            fits = max(self.left - 2, 0) // 4 * 3  # whole groups: 3 bytes, 4 characters
            if len(raw) > fits:
                raw, self.cut = raw[:fits], True
            return self.text(base64.b64encode(raw).decode())
        self.left -= 8  # a number, a boolean or a null: a few characters
        if kind == "int_value":
            number: int = value.int_value
            return number
        if kind == "bool_value":
            flag: bool = value.bool_value
            return flag
        if kind == "double_value":
            return _double_json(value.double_value)
        return None

    def text(self, text: str) -> str:
        self.left -= 2  # the quotes
        if len(text) > self.left:
            text, self.cut = text[: max(self.left, 0)], True
        self.left -= len(text)
        return text


def _attributes(pairs: Sequence[Any], report: Report) -> dict[str, str | None]:
    attributes: dict[str, str | None] = {}
    for pair in first_kept(pairs, "attributes", report):
        key, value = pair.key, pair.value
        if len(key) > MAX_KEY_LENGTH:
            key = _cut(key, MAX_KEY_LENGTH, report)
        # Most values are short strings: this loop is the decoder's hottest, so they skip
        # the general case.
        if value.WhichOneof("value") == "string_value":
            text = value.string_value
            attributes[key] = text if len(text) <= MAX_VALUE_LENGTH else _value_text(value, report)
        else:
            attributes[key] = _value_text(value, report)
    return attributes


def _id(raw: bytes, size: int) -> str | None:
    """An id as lower-case hex; None when it is empty or all zeros (W3C's invalid id).

    :raises ValueError: it is neither empty nor ``size`` bytes.
    """
    if len(raw) == size:
        return None if raw.count(0) == size else raw.hex()
    if raw:
        raise ValueError(f"not {size} bytes")
    return None


def _required_id(raw: bytes, size: int, name: str) -> str:
    try:
        text = _id(raw, size)
    except ValueError:
        raise _Rejected(f"{name} is not {size} bytes ({2 * size} hex digits)") from None
    if text is None:
        raise _Rejected(f"{name} is empty or all zeros")
    return text


# The largest time a timestamp[ns] column holds: 2262-04-11T23:47:16.854775807Z.
_MAX_TIME: Final = 2**63 - 1
_PAST_2262 = "a time is past 2262-04-11, beyond nanoseconds in 64 bits"


def _resource(holder: Any, template: str, index: int, report: Report) -> tuple[str, Any]:
    """The service name and attributes of a resource (and the rest of ``_RESOURCE``'s
    columns are the scope's)."""
    report.at = (template, index)
    pairs = holder.resource.attributes
    service = ""
    for pair in pairs:  # the whole list: service.name may sit past the attribute limit
        if pair.key == "service.name":
            service = _value_text(pair.value, report) or ""
    return service, _attributes(pairs, report)


def _scope(holder: Any, at: tuple[Any, ...], report: Report) -> tuple[str | None, str | None]:
    report.at = at
    return _optional(holder.scope.name, report), _optional(holder.scope.version, report)


def _table(schema: pa.Schema, rows: list[tuple[Any, ...]]) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [
        pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


# -- Logs ------------------------------------------------------------------------------------


def _records(
    request: Any,
    report: Report,
    fields: tuple[tuple[str, str], tuple[str, str], tuple[str, str]],
    row: Callable[[Any, Report], tuple[Any, ...]],
    schema: pa.Schema,
) -> pa.Table:
    """Flatten resource -> scope -> records (logs, spans) into rows of ``schema``: each
    record's ``row`` with its resource's and scope's columns after it. ``fields`` names
    the three levels as (protobuf field, JSON name), the JSON names for error paths."""
    (resources_field, resources), (scopes_field, scopes), (records_field, records) = fields
    rows = []
    for r, resource_level in enumerate(getattr(request, resources_field)):
        service, resource = _resource(resource_level, f"{resources}[{{}}].resource", r, report)
        for s, scope_level in enumerate(getattr(resource_level, scopes_field)):
            scope = (f"{resources}[{{}}].{scopes}[{{}}].scope", r, s)
            tail = (service, resource, *_scope(scope_level, scope, report))
            at = f"{resources}[{{}}].{scopes}[{{}}].{records}[{{}}]"
            for i, record in enumerate(getattr(scope_level, records_field)):
                report.at = (at, r, s, i)
                try:
                    rows.append((*row(record, report), *tail))
                except _Rejected as rejected:
                    report.reject(rejected.reason)
    return _table(schema, rows)


def _logs(request: Any, report: Report) -> pa.Table:
    fields = (
        ("resource_logs", "resourceLogs"),
        ("scope_logs", "scopeLogs"),
        ("log_records", "logRecords"),
    )
    return _records(request, report, fields, _log_row, LOGS)


def _log_row(record: Any, report: Report) -> tuple[Any, ...]:
    observed = record.observed_time_unix_nano
    time = record.time_unix_nano or observed
    if not time:
        raise _Rejected("neither time_unix_nano nor observed_time_unix_nano is set")
    if max(time, observed) > _MAX_TIME:
        raise _Rejected(_PAST_2262)
    if not 0 <= record.severity_number <= 24:
        raise _Rejected("severity_number is not between 0 and 24")
    if not record.HasField("body"):
        body = None
    elif record.body.WhichOneof("value") == "string_value":
        body = _cut(record.body.string_value, MAX_BODY_LENGTH, report)
    elif record.body.WhichOneof("value") in (None, "string_value_strindex"):
        body = None
    else:
        body = _json_text(record.body, MAX_BODY_LENGTH, report)
    return (
        time,
        observed or None,
        record.severity_number,
        _optional(record.severity_text, report),
        body,
        _log_id(record.trace_id, 16, "trace_id", report),
        _log_id(record.span_id, 8, "span_id", report),
        record.flags,
        _optional(record.event_name, report),
        _attributes(record.attributes, report),
    )


def _log_id(raw: bytes, size: int, name: str, report: Report) -> str | None:
    try:
        return _id(raw, size)
    except ValueError:
        report.note(f"log records kept without their {name}, which was not {size} bytes")
        return None


# -- Spans -----------------------------------------------------------------------------------


def _spans(request: Any, report: Report) -> pa.Table:
    fields = (
        ("resource_spans", "resourceSpans"),
        ("scope_spans", "scopeSpans"),
        ("spans", "spans"),
    )
    return _records(request, report, fields, _span_row, SPANS)


def _span_row(span: Any, report: Report) -> tuple[Any, ...]:
    trace_id = _required_id(span.trace_id, 16, "trace_id")
    span_id = _required_id(span.span_id, 8, "span_id")
    try:
        parent_span_id = _id(span.parent_span_id, 8)
    except ValueError:
        raise _Rejected("parent_span_id is not 8 bytes (16 hex digits)") from None
    start, end = span.start_time_unix_nano, span.end_time_unix_nano
    if not start:
        raise _Rejected("start_time_unix_nano is not set")
    if end < start:
        raise _Rejected("end_time_unix_nano is before start_time_unix_nano")
    if end > _MAX_TIME:
        raise _Rejected(_PAST_2262)
    if not 0 <= span.kind <= 5:
        raise _Rejected("kind is not between 0 and 5")
    if not 0 <= span.status.code <= 2:
        raise _Rejected("status.code is not between 0 and 2")
    return (
        trace_id,
        span_id,
        parent_span_id,
        _optional(span.trace_state, report),
        _cut(span.name, MAX_VALUE_LENGTH, report),
        span.kind,
        start,
        end,
        end - start,
        span.status.code,
        _optional(span.status.message, report),
        _attributes(span.attributes, report),
        _events(span.events, report),
        _links(span.links, report),
    )


def _events(events: Sequence[Any], report: Report) -> str | None:
    events = first_kept(events, "events", report)
    if not events:
        return None
    return _dumps(
        [
            {
                "time": event.time_unix_nano,
                "name": _cut(event.name, MAX_VALUE_LENGTH, report),
                "attributes": _attributes(event.attributes, report),
            }
            for event in events
        ]
    )


def _links(links: Sequence[Any], report: Report) -> str | None:
    kept = []
    links = first_kept(links, "links", report)
    for link in links:
        try:
            trace_id, span_id = _id(link.trace_id, 16), _id(link.span_id, 8)
        except ValueError:
            trace_id = span_id = None
        if trace_id is None or span_id is None:
            report.note("span links dropped for a trace_id or span_id empty or of the wrong size")
            continue
        attributes = _attributes(link.attributes, report)
        kept.append({"trace_id": trace_id, "span_id": span_id, "attributes": attributes})
    return _dumps(kept) if kept else None


# -- Metrics ---------------------------------------------------------------------------------


_POINT_AT = "resourceMetrics[{}].scopeMetrics[{}].metrics[{}].{}.dataPoints[{}]"
_JSON_KINDS: Final = {"exponential_histogram": "exponentialHistogram"}
_TEMPORALITIES: Final = {0: None, 1: "delta", 2: "cumulative"}


def _metrics(request: Any, report: Report) -> pa.Table:
    rows = []
    for r, resource_metrics in enumerate(request.resource_metrics):
        service, resource = _resource(resource_metrics, "resourceMetrics[{}].resource", r, report)
        for s, scope_metrics in enumerate(resource_metrics.scope_metrics):
            tail = (
                service,
                resource,
                *_scope(
                    scope_metrics, ("resourceMetrics[{}].scopeMetrics[{}].scope", r, s), report
                ),
            )
            for m, metric in enumerate(scope_metrics.metrics):
                kind = metric.WhichOneof("data")
                if kind is None:
                    continue  # a metric without data has no points to keep or reject
                data = getattr(metric, kind)
                at = (_POINT_AT, r, s, m, _JSON_KINDS.get(kind, kind))
                report.at = at
                head = (
                    _cut(metric.name, MAX_VALUE_LENGTH, report),
                    _optional(metric.description, report),
                    _optional(metric.unit, report),
                    kind,
                    *_aggregation(kind, data),
                )
                for p, point in enumerate(data.data_points):
                    report.at = (*at, p)
                    try:
                        if not head[0]:
                            raise _Rejected("the metric has no name")
                        if head[4] is _UNKNOWN:
                            raise _Rejected("aggregation_temporality is not 1 or 2")
                        rows.append((*head, *_point_row(kind, point, report), *tail))
                    except _Rejected as rejected:
                        report.reject(rejected.reason)
    return _table(METRICS, rows)


_UNKNOWN: Final = "?"  # a temporality outside the enum: the metric's points are rejected


def _aggregation(kind: str, data: Any) -> tuple[str | None, bool | None]:
    """The ``temporality`` and ``monotonic`` columns of a metric's points."""
    if kind in ("gauge", "summary"):
        return None, None
    temporality = _TEMPORALITIES.get(data.aggregation_temporality, _UNKNOWN)
    return temporality, (bool(data.is_monotonic) if kind == "sum" else None)


def _times(point: Any) -> tuple[int, int | None]:
    time, start = point.time_unix_nano, point.start_time_unix_nano
    if not time:
        raise _Rejected("time_unix_nano is not set")
    if max(time, start) > _MAX_TIME:
        raise _Rejected(_PAST_2262)
    return time, start or None


def _point_row(kind: str, point: Any, report: Report) -> tuple[Any, ...]:
    """The ``time`` .. ``attributes`` columns of one data point of a metric of ``kind``."""
    time, start = _times(point)
    value = count = total = low = high = counts = bounds = quantiles = None
    if kind in ("gauge", "sum"):
        which = point.WhichOneof("value")
        value = None if which is None else float(getattr(point, which))
    elif kind == "summary":
        count, total = point.count, point.sum
        pairs = [[_double_json(q.quantile), _double_json(q.value)] for q in point.quantile_values]
        quantiles = _dumps(pairs)
    else:  # a histogram, or an exponential one (whose scale, offsets and buckets are not kept)
        count, total = point.count, _optional_double(point, "sum")
        low, high = _optional_double(point, "min"), _optional_double(point, "max")
        if kind == "histogram":
            counts, bounds = list(point.bucket_counts), list(point.explicit_bounds)
            if (counts or bounds) and len(counts) != len(bounds) + 1:
                raise _Rejected("bucket_counts does not hold one entry more than explicit_bounds")
            if any(math.isnan(b) for b in bounds) or any(a >= b for a, b in pairwise(bounds)):
                raise _Rejected("explicit_bounds do not strictly increase")
    attributes = _attributes(point.attributes, report)
    return (time, start, value, count, total, low, high, counts, bounds, quantiles, attributes)


def _optional_double(point: Any, name: str) -> float | None:
    if point.HasField(name):
        number: float = getattr(point, name)
        return number
    return None


_FLATTENERS: Final[dict[Signal, Callable[[Any, Report], pa.Table]]] = {
    Signal.LOGS: _logs,
    Signal.TRACES: _spans,
    Signal.METRICS: _metrics,
}
