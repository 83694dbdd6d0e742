"""OTLP/HTTP request bodies decoded into the Arrow tables of ``records.py``.

One entry point, :func:`decode`: the body of a ``POST /v1/logs``, ``/v1/traces`` or
``/v1/metrics`` (protobuf or JSON, gzipped or not) becomes a table in the signal's schema,
plus how many records were rejected and why, for OTLP's ``partial_success``. Pure: no I/O,
no clock.

Both encodings end up as the same protobuf messages, so one flattener serves both. JSON is
read by a walk of our own over the message descriptors rather than protobuf's
``json_format``, because OTLP's JSON deviates from proto3's mapping: trace and span ids are
hex, not base64 (`OTLP spec, JSON Protobuf Encoding
<https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding>`_). The walk also takes
the proto field names beside the lowerCamelCase ones, 64-bit integers as numbers or decimal
strings, enums as numbers or names, and ignores fields it does not know; ids that are not
hex but base64 of the right length (protobuf's own mapping, which some exporters send) are
taken too.

What breaks the request as a whole is an :class:`OtlpError` with the HTTP status to answer:
a media type or content coding other than OTLP's (415), a body, inflated or not, over the
limit or carrying more than :data:`MAX_RECORDS` records (413), a body that does not parse,
JSON of the wrong shape (the error names its path) or nested deeper than 64 levels (400).

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
server warn with ``rejected`` 0): past :data:`MAX_ATTRIBUTES` attributes on one record (or
resource, event, link) the rest are dropped; past :data:`MAX_EVENTS` events and
:data:`MAX_LINKS` links on a span likewise; keys are cut to :data:`MAX_KEY_LENGTH`
characters, other strings to :data:`MAX_VALUE_LENGTH` and log bodies to
:data:`MAX_BODY_LENGTH` (values rendered as JSON are cut inside, so they stay valid JSON).
Strings that are not UTF-8 (protobuf) or hold lone surrogates (JSON escapes) are mended
with U+FFFD rather than failing the request, as a Collector forwarding a file it tailed
would otherwise lose the whole batch.

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
import binascii
import functools
import json
import math
import re
import zlib
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import pyarrow as pa
from google.protobuf import (  # type: ignore[import-untyped]
    descriptor_pb2,
    descriptor_pool,
    message_factory,
)
from google.protobuf.descriptor import FieldDescriptor  # type: ignore[import-untyped]
from google.protobuf.message import DecodeError  # type: ignore[import-untyped]
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.logs.v1 import logs_pb2
from opentelemetry.proto.metrics.v1 import metrics_pb2
from opentelemetry.proto.resource.v1 import resource_pb2
from opentelemetry.proto.trace.v1 import trace_pb2

from dais.json_depth import MAX_DEPTH, nesting_exceeds

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

#: Records (log records, spans or data points) in one request; more is a 413. The SDKs
#: export 512 at a time and the Collector's batch processor 8,192 by default.
MAX_RECORDS: Final = 10_000
#: Attributes kept per record, resource, event or link (the SDKs' default limit).
MAX_ATTRIBUTES: Final = 128
#: Events and links kept per span (the SDKs' default limits).
MAX_EVENTS: Final = 128
MAX_LINKS: Final = 128
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


class OtlpError(Exception):
    """A request refused whole: ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_REQUESTS: Final[dict[Signal, Any]] = {
    Signal.LOGS: logs_service_pb2.ExportLogsServiceRequest,
    Signal.TRACES: trace_service_pb2.ExportTraceServiceRequest,
    Signal.METRICS: metrics_service_pb2.ExportMetricsServiceRequest,
}
_NOUNS: Final = {
    Signal.LOGS: ("log record", "log records"),
    Signal.TRACES: ("span", "spans"),
    Signal.METRICS: ("data point", "data points"),
}
_PROTOBUF = "application/x-protobuf"
_JSON = "application/json"


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
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type not in (_PROTOBUF, _JSON):
        raise OtlpError(
            415, f"Content-Type must be {_PROTOBUF} or {_JSON}, not {media_type[:100]!r}"
        )
    coding = (content_encoding or "identity").strip().lower()
    if coding not in ("identity", "gzip", "x-gzip"):  # x-gzip: RFC 9110, section 8.4.1.3
        raise OtlpError(415, f"Content-Encoding must be gzip or identity, not {coding[:100]!r}")
    if len(body) > max_size:
        raise OtlpError(413, f"the body is larger than the limit of {max_size} bytes")
    if coding != "identity":
        body = _gunzip(body, max_size)
    report = _Report(signal, max_records)
    if media_type == _JSON:
        request = _from_json(signal, body, report)
    else:
        request = _from_protobuf(signal, body, report)
    table = _FLATTENERS[signal](request, report)
    return Decoded(table=table, rejected=report.rejected, error_message=report.message())


def _gunzip(body: bytes, max_size: int) -> bytes:
    """Inflate gzip members, never producing more than one byte past ``max_size``."""
    parts: list[bytes] = []
    room = max_size
    data = body
    while data:  # a gzip file may hold several members, one after the other
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while True:
                part = inflater.decompress(data, room + 1)
                room -= len(part)
                if room < 0:
                    raise OtlpError(413, f"the body inflates past the limit of {max_size} bytes")
                parts.append(part)
                data = inflater.unconsumed_tail
                if inflater.eof or not data:
                    break
        except zlib.error as error:
            raise OtlpError(400, f"the body is not valid gzip: {error}") from None
        if not inflater.eof:
            raise OtlpError(400, "the body is not valid gzip: it ends inside a gzip member")
        data = inflater.unused_data
    return b"".join(parts)


# -- What was rejected or cut ----------------------------------------------------------------


class _Rejected(Exception):
    """The record at hand breaks ``reason``: it is left out and counted."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Report:
    """Counts of what decoding rejected or cut, per reason, and where each first happened.

    ``at`` is the current place: a template and its indices, formatted only when a reason
    first occurs there.
    """

    __slots__ = ("_events", "_max_records", "_nouns", "at", "records", "rejected", "trail")

    def __init__(self, signal: Signal, max_records: int) -> None:
        self._nouns = _NOUNS[signal]
        self._max_records = max_records
        # reason -> [count, place where first seen]; rejections and notes side by side,
        # told apart by the key's first element.
        self._events: dict[tuple[bool, str], list[Any]] = {}
        self.at: tuple[Any, ...] = ()
        self.records = 0
        self.rejected = 0
        # Where the JSON walk is: field names and array indices (see _fill).
        self.trail: list[str | int] = []

    def count(self, records: int) -> None:
        self.records += records
        if self.records > self._max_records:
            raise OtlpError(
                413,
                f"the request holds more than {self._max_records} {self._nouns[1]}; "
                "export smaller batches",
            )

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self._tally((True, reason), 1)

    def note(self, what: str, count: int = 1) -> None:
        self._tally((False, what), count)

    def _tally(self, key: tuple[bool, str], count: int) -> None:
        entry = self._events.get(key)
        if entry is None:
            self._events[key] = [count, self.at]
        else:
            entry[0] += count

    def message(self) -> str:
        lines = []
        for (rejection, reason), (count, at) in sorted(
            self._events.items(), key=lambda item: not item[0][0]
        ):
            place = f" (first at {at[0].format(*at[1:])})" if at else ""
            if rejection:
                noun = self._nouns[count != 1]
                lines.append(f"{count} {noun} rejected: {reason}{place}")
            else:
                lines.append(f"{reason}: {count}{place}")
        return "; ".join(lines)


# -- Protobuf --------------------------------------------------------------------------------


def _from_protobuf(signal: Signal, body: bytes, report: _Report) -> Any:
    request = _REQUESTS[signal]()
    try:
        request.ParseFromString(body)
        report.count(_record_count(signal, request))
    except DecodeError:
        # upb refuses a string field that is not UTF-8; parse again with every string
        # read as bytes, and mend them (anything else wrong fails this parse too).
        lenient = _lenient_class(signal)()
        try:
            lenient.ParseFromString(body)
        except DecodeError as error:
            name = request.DESCRIPTOR.name
            raise OtlpError(400, f"the body is not a valid protobuf {name}: {error}") from None
        report.count(_record_count(signal, lenient))
        request = _REQUESTS[signal]()
        _mend(lenient, request, report)
    return request


@functools.cache
def _lenient_class(signal: Signal) -> Any:
    """The signal's request message with every ``string`` field declared ``bytes`` (same
    wire format), in a pool of its own."""
    pool = descriptor_pool.DescriptorPool()
    modules = (common_pb2, resource_pb2, logs_pb2, trace_pb2, metrics_pb2)
    services = (logs_service_pb2, trace_service_pb2, metrics_service_pb2)
    for module in (*modules, *services):  # dependencies first
        file = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(file)
        for message in file.message_type:
            _strings_as_bytes(message)
        pool.Add(file)
    full_name = _REQUESTS[signal].DESCRIPTOR.full_name
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(full_name))


def _strings_as_bytes(message: Any) -> None:
    for field in message.field:
        if field.type == descriptor_pb2.FieldDescriptorProto.TYPE_STRING:
            field.type = descriptor_pb2.FieldDescriptorProto.TYPE_BYTES
    for nested in message.nested_type:
        _strings_as_bytes(nested)


def _mend(source: Any, target: Any, report: _Report) -> None:
    """Copy a lenient message into its strict twin, decoding strings with U+FFFD for
    bytes that are not UTF-8."""
    fields = target.DESCRIPTOR.fields_by_name
    for field, value in source.ListFields():
        name = field.name
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            if field.is_repeated:
                items = getattr(target, name)
                for item in value:
                    _mend(item, items.add(), report)
            else:
                inner = getattr(target, name)
                inner.SetInParent()
                _mend(value, inner, report)
        elif fields[name].type == FieldDescriptor.TYPE_STRING:
            if field.is_repeated:
                getattr(target, name).extend(_utf8(item, report) for item in value)
            else:
                setattr(target, name, _utf8(value, report))
        elif field.is_repeated:
            getattr(target, name).extend(value)
        else:
            setattr(target, name, value)


def _utf8(raw: bytes, report: _Report) -> str:
    try:
        return raw.decode()
    except UnicodeDecodeError:
        report.note(_MENDED)
        return raw.decode(errors="replace")


_MENDED = "strings that were not UTF-8, mended with U+FFFD"


def _record_count(signal: Signal, request: Any) -> int:
    if signal == Signal.LOGS:
        return sum(len(s.log_records) for r in request.resource_logs for s in r.scope_logs)
    if signal == Signal.TRACES:
        return sum(len(s.spans) for r in request.resource_spans for s in r.scope_spans)
    count = 0
    for resource in request.resource_metrics:
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                kind = metric.WhichOneof("data")
                if kind is not None:
                    count += len(getattr(metric, kind).data_points)
    return count


# -- JSON ------------------------------------------------------------------------------------


class _Invalid(Exception):
    """A JSON value of the wrong shape, at the place :attr:`_Report.trail` holds."""


# The fields holding trace and span ids, hex in OTLP's JSON wherever they occur.
_ID_FIELDS: Final = frozenset({"trace_id", "span_id", "parent_span_id"})
# Messages whose attributes the JSON walk does not cut short: a resource's, in which the
# flattener looks for service.name past the limit; a scope's, which are not kept at all.
_KEPT_WHOLE: Final = frozenset({"Resource", "InstrumentationScope"})
# The repeated fields holding records, counted against the limit before they are read.
_RECORD_FIELDS: Final = frozenset({"log_records", "spans", "data_points"})
# An id that is neither hex nor base64: one byte, a size no id has, so the record's own
# check rejects it as it would a wrongly sized protobuf id.
_MALFORMED_ID: Final = b"\x00"
_HEX = re.compile(r"[0-9a-fA-F]*")
_DECIMAL = re.compile(r"-?[0-9]{1,20}")
_NUMBER = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NON_FINITE: Final = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_SURROGATES = re.compile("[\ud800-\udfff]")
_INTEGERS: Final = {
    FieldDescriptor.TYPE_INT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SINT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_UINT32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_FIXED32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_INT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SINT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_UINT64: (0, 2**64 - 1),
    FieldDescriptor.TYPE_FIXED64: (0, 2**64 - 1),
}


def _from_json(signal: Signal, body: bytes, report: _Report) -> Any:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.note(_MENDED)
        text = body.decode("utf-8-sig", errors="replace")
    request = _REQUESTS[signal]()
    if not text.strip():
        return request  # an empty request is a success in OTLP
    if nesting_exceeds(body):
        raise OtlpError(400, f"the body nests arrays and objects deeper than {MAX_DEPTH} levels")
    try:
        document = json.loads(text)
    except ValueError as error:  # JSONDecodeError, or an integer of too many digits
        raise OtlpError(400, f"the body is not valid JSON: {error}") from None
    try:
        _fill(request, document, report)
    except _Invalid as error:
        raise OtlpError(400, f"{_place(report.trail) or 'the body'}: {error}") from None
    report.at = ()
    return request


def _place(trail: list[str | int]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in trail)[1:]


@functools.cache
def _json_fields(descriptor: Any) -> dict[str, Any]:
    """A message's fields by their JSON names and, as proto3's JSON mapping allows, by
    their proto names."""
    fields = {field.name: field for field in descriptor.fields}
    fields.update((field.json_name, field) for field in descriptor.fields)
    return fields


def _fill(message: Any, value: object, report: _Report) -> None:
    """Set ``message``'s fields from a JSON object. ``report.trail`` follows the walk: a
    step is pushed before each field and array entry and popped once it is read, so when
    :class:`_Invalid` is raised the trail is the path to the culprit."""
    if not isinstance(value, dict):
        raise _Invalid("is not an object")
    fields = _json_fields(message.DESCRIPTOR)
    trail = report.trail
    seen: set[str] = set()
    for key, item in value.items():
        field = fields.get(key)
        if field is None or item is None:  # unknown fields are ignored; null is the default
            continue
        trail.append(key)
        group = field.containing_oneof.name if field.containing_oneof else field.name
        if group in seen:
            raise _Invalid(f"is a second value for {group}")
        seen.add(group)
        _fill_field(message, field, item, report)
        trail.pop()


def _fill_field(message: Any, field: Any, value: object, report: _Report) -> None:
    if field.is_repeated:
        if not isinstance(value, list):
            raise _Invalid("is not an array")
        if field.name in _RECORD_FIELDS:
            report.count(len(value))
        elif field.name in _KEPT and field.containing_type.name not in _KEPT_WHOLE:
            # Drop here what the flattener would, not to build 100,000 attributes first.
            report.at = ("{}", _place(report.trail[:-1]))
            value = list(_first(value, field.name, report))
        target = getattr(message, field.name)
        trail = report.trail
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            for index, item in enumerate(value):
                trail.append(index)
                _fill(target.add(), item, report)
                trail.pop()
        else:
            scalars = []
            for index, item in enumerate(value):
                trail.append(index)
                scalars.append(_scalar(field, item, report))
                trail.pop()
            target.extend(scalars)
    elif field.type == FieldDescriptor.TYPE_MESSAGE:
        inner = getattr(message, field.name)
        inner.SetInParent()  # present even when empty: an empty AnyValue, a bare oneof
        _fill(inner, value, report)
    else:
        setattr(message, field.name, _scalar(field, value, report))


def _scalar(field: Any, value: object, report: _Report) -> object:
    kind = field.type
    if kind == FieldDescriptor.TYPE_STRING:
        if not isinstance(value, str):
            raise _Invalid("is not a string")
        if not value.isascii() and _SURROGATES.search(value):
            report.at = ("{}", _place(report.trail))
            report.note(_MENDED)
            return _SURROGATES.sub("\ufffd", value)
        return value
    if kind == FieldDescriptor.TYPE_BYTES:
        if not isinstance(value, str):
            raise _Invalid("is not a string")
        return _id_bytes(value) if field.name in _ID_FIELDS else _base64(value)
    if kind == FieldDescriptor.TYPE_BOOL:
        if not isinstance(value, bool):
            raise _Invalid("is not true or false")
        return value
    if kind in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return _double(value)
    if kind == FieldDescriptor.TYPE_ENUM:
        if isinstance(value, str) and value in field.enum_type.values_by_name:
            number: int = field.enum_type.values_by_name[value].number
            return number
        return _integer(value, -(2**31), 2**31 - 1)
    low, high = _INTEGERS[kind]
    return _integer(value, low, high)


def _integer(value: object, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise _Invalid("is not an integer")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and _DECIMAL.fullmatch(value):
        value = int(value)
    if not isinstance(value, int):
        raise _Invalid("is not an integer (a number or a string of decimal digits)")
    if not low <= value <= high:
        raise _Invalid(f"is not between {low} and {high}")
    return value


def _double(value: object) -> float:
    if isinstance(value, bool):
        raise _Invalid("is not a number")
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:  # an integer beyond any double
            raise _Invalid("is too large for a double") from None
    if isinstance(value, str):
        if value in _NON_FINITE:
            return _NON_FINITE[value]
        if _NUMBER.fullmatch(value):
            return float(value)
    raise _Invalid('is not a number (nor "NaN", "Infinity" or "-Infinity")')


def _id_bytes(value: str) -> bytes:
    """A trace or span id: hex, as OTLP's JSON says, or base64 when it decodes to the 8 or
    16 bytes of an id (hex never does: 16 or 32 digits are not base64 of 8 or 16 bytes)."""
    if len(value) % 2 == 0 and _HEX.fullmatch(value):
        return bytes.fromhex(value)
    try:
        raw = _base64(value)
    except _Invalid:
        return _MALFORMED_ID
    return raw if len(raw) in (8, 16) else _MALFORMED_ID


def _base64(value: str) -> bytes:
    """Base64 as proto3's JSON mapping reads it: standard or URL-safe, padded or not."""
    text = value.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _Invalid("is not base64") from None


# -- Rendering values ------------------------------------------------------------------------


_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _cut(text: str, limit: int, report: _Report) -> str:
    if len(text) > limit:
        report.note(f"strings longer than {limit} characters cut short")
        return text[:limit]
    return text


def _optional(text: str, report: _Report) -> str | None:
    return _cut(text, MAX_VALUE_LENGTH, report) or None


def _double_text(number: float) -> str:
    if math.isfinite(number):
        return repr(number)
    return "NaN" if math.isnan(number) else "Infinity" if number > 0 else "-Infinity"


def _double_json(number: float) -> float | str:
    return number if math.isfinite(number) else _double_text(number)


def _value_text(value: Any, report: _Report) -> str | None:
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


def _json_text(value: Any, limit: int, report: _Report, *, bare_bytes: bool = False) -> str:
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


_T = TypeVar("_T")

# The repeated fields kept only in part: the most kept, and what is said of the rest.
_KEPT: Final = {
    "attributes": (MAX_ATTRIBUTES, f"attributes past the first {MAX_ATTRIBUTES} dropped"),
    "events": (MAX_EVENTS, f"span events past the first {MAX_EVENTS} dropped"),
    "links": (MAX_LINKS, f"span links past the first {MAX_LINKS} dropped"),
}


def _first(items: Sequence[_T], name: str, report: _Report) -> Sequence[_T]:
    """The items of a ``name`` field that are kept (the rest noted as dropped)."""
    most, what = _KEPT[name]
    if len(items) > most:
        report.note(what, len(items) - most)
        return items[:most]
    return items


def _attributes(pairs: Sequence[Any], report: _Report) -> dict[str, str | None]:
    attributes: dict[str, str | None] = {}
    for pair in _first(pairs, "attributes", report):
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


def _resource(holder: Any, template: str, index: int, report: _Report) -> tuple[str, Any]:
    """The service name and attributes of a resource (and the rest of ``_RESOURCE``'s
    columns are the scope's)."""
    report.at = (template, index)
    pairs = holder.resource.attributes
    service = ""
    for pair in pairs:  # the whole list: service.name may sit past the attribute limit
        if pair.key == "service.name":
            service = _value_text(pair.value, report) or ""
    return service, _attributes(pairs, report)


def _scope(holder: Any, at: tuple[Any, ...], report: _Report) -> tuple[str | None, str | None]:
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
    report: _Report,
    fields: tuple[tuple[str, str], tuple[str, str], tuple[str, str]],
    row: Callable[[Any, _Report], tuple[Any, ...]],
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


def _logs(request: Any, report: _Report) -> pa.Table:
    fields = (
        ("resource_logs", "resourceLogs"),
        ("scope_logs", "scopeLogs"),
        ("log_records", "logRecords"),
    )
    return _records(request, report, fields, _log_row, LOGS)


def _log_row(record: Any, report: _Report) -> tuple[Any, ...]:
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


def _log_id(raw: bytes, size: int, name: str, report: _Report) -> str | None:
    try:
        return _id(raw, size)
    except ValueError:
        report.note(f"log records kept without their {name}, which was not {size} bytes")
        return None


# -- Spans -----------------------------------------------------------------------------------


def _spans(request: Any, report: _Report) -> pa.Table:
    fields = (
        ("resource_spans", "resourceSpans"),
        ("scope_spans", "scopeSpans"),
        ("spans", "spans"),
    )
    return _records(request, report, fields, _span_row, SPANS)


def _span_row(span: Any, report: _Report) -> tuple[Any, ...]:
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


def _events(events: Sequence[Any], report: _Report) -> str | None:
    events = _first(events, "events", report)
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


def _links(links: Sequence[Any], report: _Report) -> str | None:
    kept = []
    links = _first(links, "links", report)
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


def _metrics(request: Any, report: _Report) -> pa.Table:
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


def _point_row(kind: str, point: Any, report: _Report) -> tuple[Any, ...]:
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


_FLATTENERS: Final[dict[Signal, Callable[[Any, _Report], pa.Table]]] = {
    Signal.LOGS: _logs,
    Signal.TRACES: _spans,
    Signal.METRICS: _metrics,
}
