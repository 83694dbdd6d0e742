"""OTLP/HTTP request bodies read into their protobuf request messages.

One entry point, :func:`read_request`: the body of a ``POST /v1/logs``, ``/v1/traces`` or
``/v1/metrics`` (protobuf or JSON, gzipped or not) becomes the signal's
``Export*ServiceRequest``, and what was mended or dropped on the way goes in a
:class:`Report`, which :mod:`dais.actors.observe.otlp` carries on through flattening the
message into tables. Pure: no I/O, no clock.

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

Strings that are not UTF-8 (protobuf) or hold lone surrogates (JSON escapes) are mended
with U+FFFD rather than failing the request, as a Collector forwarding a file it tailed
would otherwise lose the whole batch; the report says so. The JSON walk also drops, as it
reads them, the attributes, events and links past :data:`MAX_ATTRIBUTES`,
:data:`MAX_EVENTS` and :data:`MAX_LINKS` that the flattener would drop (with the same
:func:`first_kept`), so as not to build 100,000 attributes first.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
import re
import zlib
from typing import TYPE_CHECKING, Any, Final, TypeVar

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

from .records import Signal

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_EVENTS",
    "MAX_LINKS",
    "MAX_RECORDS",
    "OtlpError",
    "Report",
    "first_kept",
    "read_request",
]

#: Records (log records, spans or data points) in one request; more is a 413. The SDKs
#: export 512 at a time and the Collector's batch processor 8,192 by default.
MAX_RECORDS: Final = 10_000
#: Attributes kept per record, resource, event or link (the SDKs' default limit).
MAX_ATTRIBUTES: Final = 128
#: Events and links kept per span (the SDKs' default limits).
MAX_EVENTS: Final = 128
MAX_LINKS: Final = 128


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


def read_request(
    signal: Signal,
    body: bytes,
    report: Report,
    *,
    content_type: str,
    content_encoding: str | None,
    max_size: int,
) -> Any:
    """Read an OTLP/HTTP request body for ``signal`` into its ``Export*ServiceRequest``,
    noting in ``report`` what was mended or dropped.

    :param content_type: the request's ``Content-Type`` (parameters are ignored).
    :param content_encoding: its ``Content-Encoding``: ``gzip``, ``identity`` or None.
    :param max_size: the most bytes the body may hold, compressed and inflated alike.
    :raises OtlpError: 415 for another media type or content coding, 413 for a body over
        ``max_size`` or more records than ``report`` allows, 400 for a body that does not
        parse or JSON of the wrong shape.
    """
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
    if media_type == _JSON:
        return _from_json(signal, body, report)
    return _from_protobuf(signal, body, report)


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


class Report:
    """Counts of what decoding one request rejected or cut, per reason, and where each
    first happened: reading notes here, then the flattener, and :meth:`message` is the
    ``error_message`` of OTLP's ``partial_success``.

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
        """Count ``records`` more records of the request.

        :raises OtlpError: 413 once they are more than ``max_records``.
        """
        self.records += records
        if self.records > self._max_records:
            raise OtlpError(
                413,
                f"the request holds more than {self._max_records} {self._nouns[1]}; "
                "export smaller batches",
            )

    def reject(self, reason: str) -> None:
        """One record left out, for ``reason``."""
        self.rejected += 1
        self._tally((True, reason), 1)

    def note(self, what: str, count: int = 1) -> None:
        """``count`` things cut, dropped or mended, for ``what``; no record is rejected."""
        self._tally((False, what), count)

    def _tally(self, key: tuple[bool, str], count: int) -> None:
        entry = self._events.get(key)
        if entry is None:
            self._events[key] = [count, self.at]
        else:
            entry[0] += count

    def message(self) -> str:
        """What was rejected, then what was cut or mended, in English; "" when nothing was."""
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


_T = TypeVar("_T")

# The repeated fields kept only in part: the most kept, and what is said of the rest.
_KEPT: Final = {
    "attributes": (MAX_ATTRIBUTES, f"attributes past the first {MAX_ATTRIBUTES} dropped"),
    "events": (MAX_EVENTS, f"span events past the first {MAX_EVENTS} dropped"),
    "links": (MAX_LINKS, f"span links past the first {MAX_LINKS} dropped"),
}


def first_kept(items: Sequence[_T], name: str, report: Report) -> Sequence[_T]:
    """The items of a ``name`` field (``attributes``, ``events`` or ``links``) that are
    kept, the rest noted as dropped: the JSON walk cuts with it as it reads, the flattener
    after either encoding."""
    most, what = _KEPT[name]
    if len(items) > most:
        report.note(what, len(items) - most)
        return items[:most]
    return items


# -- Protobuf --------------------------------------------------------------------------------


def _from_protobuf(signal: Signal, body: bytes, report: Report) -> Any:
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


def _mend(source: Any, target: Any, report: Report) -> None:
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


def _utf8(raw: bytes, report: Report) -> str:
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
    """A JSON value of the wrong shape, at the place :attr:`Report.trail` holds."""


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


def _from_json(signal: Signal, body: bytes, report: Report) -> Any:
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


def _fill(message: Any, value: object, report: Report) -> None:
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


def _fill_field(message: Any, field: Any, value: object, report: Report) -> None:
    if field.is_repeated:
        if not isinstance(value, list):
            raise _Invalid("is not an array")
        if field.name in _RECORD_FIELDS:
            report.count(len(value))
        elif field.name in _KEPT and field.containing_type.name not in _KEPT_WHOLE:
            # Drop here what the flattener would, not to build 100,000 attributes first.
            report.at = ("{}", _place(report.trail[:-1]))
            value = list(first_kept(value, field.name, report))
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


def _scalar(field: Any, value: object, report: Report) -> object:
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
