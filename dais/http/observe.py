"""OTLP/HTTP ingest (``POST /v1/traces``, ``/v1/logs``, ``/v1/metrics``), and reading a
project's logs and traces back (``/api/projects/{p}/telemetry/...``, ``observe:read``).

Any OpenTelemetry SDK or Collector sends here with an ingest token: an API token restricted
to one project and holding ``telemetry:write`` (``POST /api/user/tokens`` with ``project``
and that scope), as ``Authorization: Bearer ...`` (the exporters' ``headers`` setting). The
project comes from the token. Bodies are protobuf or JSON, gzip or not; the answer is an
``Export*ServiceResponse`` in the request's encoding, with ``partial_success`` counting the
records refused and why (OTLP's contract: a 200 then means the rest is stored). The export
is in the store's write-ahead log before the 200 goes out. Refusals: 401 without a token,
403 for a token that is not an ingest token, 415 for another content type or encoding, 413
past ``DAIS_OTLP_MAX_BODY_SIZE``, 400 for a body that does not parse, 429 with
``Retry-After`` while the store is behind.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal

import anyio.to_thread
import msgspec
import pyarrow as pa
from litestar import Request, Response, get, post
from litestar.params import Parameter, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

from dais.actors.identity.permissions import Permission
from dais.actors.observe.otlp import OtlpError, decode
from dais.actors.observe.query import LogCursor, check_trace_id
from dais.actors.observe.records import Signal
from dais.actors.observe.store import WalFailed
from dais.actors.observe.tail import MAX_PER_MESSAGE
from dais.errors import Forbidden, NotFound, Unauthorized, Unavailable, ValidationFailed

from .auth import authenticate, permissions_of
from .params import ProjectRef
from .problems import problem
from .projects import load_project
from .streams import next_message

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from dais.actors.observe.otlp import Decoded

__all__ = ["ROUTES"]

_REJECTED = {
    Signal.TRACES: (trace_service_pb2, "ExportTrace", "rejected_spans", "rejectedSpans"),
    Signal.LOGS: (logs_service_pb2, "ExportLogs", "rejected_log_records", "rejectedLogRecords"),
    Signal.METRICS: (
        metrics_service_pb2,
        "ExportMetrics",
        "rejected_data_points",
        "rejectedDataPoints",
    ),
}


def _answer(signal: Signal, decoded: Decoded, as_json: bool) -> Response[bytes]:
    module, prefix, field, json_field = _REJECTED[signal]
    if as_json:
        body: dict[str, Any] = {}
        if decoded.rejected or decoded.error_message:
            body["partialSuccess"] = {
                json_field: str(decoded.rejected),
                "errorMessage": decoded.error_message,
            }
        return Response(json.dumps(body).encode(), media_type="application/json")
    message = getattr(module, f"{prefix}ServiceResponse")()
    if decoded.rejected or decoded.error_message:
        partial = message.partial_success
        setattr(partial, field, decoded.rejected)
        partial.error_message = decoded.error_message
    return Response(message.SerializeToString(), media_type="application/x-protobuf")


async def _ingest(request: Request[Any, Any, Any], signal: Signal) -> Response[Any]:
    who = await authenticate(request)
    if who is None:
        raise Unauthorized("send an ingest token: Authorization: Bearer <token>")
    if who.project_id is None:
        raise Forbidden(
            "telemetry goes to one project: use an ingest token (POST /api/user/tokens with "
            "project and the telemetry:write scope)"
        )
    if Permission.TELEMETRY_WRITE not in await permissions_of(request, who, who.project_id):
        raise Forbidden("this needs the telemetry:write permission on the token's project")
    services = request.app.state.services
    limit = services.settings.otlp_max_body_size
    content_type = request.headers.get("content-type", "")
    body = await request.body()
    try:
        decoded = await anyio.to_thread.run_sync(
            lambda: decode(
                signal,
                body,
                content_type=content_type,
                content_encoding=request.headers.get("content-encoding"),
                max_size=limit,
            )
        )
    except OtlpError as exc:
        return problem(exc.status, exc.message, request=request)
    if decoded.table.num_rows:
        try:
            await services.telemetry.append(who.project_id, signal, decoded.table)
        except WalFailed as exc:
            raise Unavailable(
                f"telemetry could not be made durable ({exc}); nothing of this export is kept"
            ) from exc
        if signal is Signal.LOGS:
            table = decoded.table
            await services.log_tail.publish(who.project_id, lambda: _tail_message(table))
    return _answer(signal, decoded, content_type.split(";")[0].strip() == "application/json")


@post("/v1/traces", include_in_schema=False, status_code=200)
async def ingest_traces(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _ingest(request, Signal.TRACES)


@post("/v1/logs", include_in_schema=False, status_code=200)
async def ingest_logs(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _ingest(request, Signal.LOGS)


@post("/v1/metrics", include_in_schema=False, status_code=200)
async def ingest_metrics(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _ingest(request, Signal.METRICS)


# --- reading: a project's logs and traces --------------------------------------------------

_P = "/api/projects/{project:str}/telemetry"
_TAGS = ["telemetry"]
_TIME = Annotated[
    datetime | None,
    QueryParameter(description="RFC 3339 with a time zone; default: now - 1h / now"),
]


class LogOut(msgspec.Struct):
    time: datetime
    severity_number: int
    severity_text: str | None
    body: str | None
    service_name: str
    trace_id: str | None
    span_id: str | None
    attributes: dict[str, str]
    resource_attributes: dict[str, str]


class LogPageOut(msgspec.Struct):
    records: list[LogOut]
    #: Pass as ``before`` for the next (older) page; None on the last.
    next: str | None


class LogBucketOut(msgspec.Struct):
    start: datetime
    #: Matching records by level: unspecified, trace, debug, info, warn, error, fatal.
    counts: dict[str, int]


class LogHistogramOut(msgspec.Struct):
    start: datetime
    end: datetime
    #: Each bucket's width, in seconds.
    step: float
    buckets: list[LogBucketOut]


class SpanEventOut(msgspec.Struct):
    time: datetime
    name: str
    attributes: dict[str, str]


class SpanLinkOut(msgspec.Struct):
    trace_id: str
    span_id: str
    attributes: dict[str, str]


class SpanOut(msgspec.Struct):
    trace_id: str
    span_id: str
    parent_span_id: str | None
    name: str
    kind: int
    service_name: str
    start_time: datetime
    end_time: datetime
    duration_ns: int
    status_code: int
    status_message: str | None
    attributes: dict[str, str]
    resource_attributes: dict[str, str]
    events: list[SpanEventOut]
    links: list[SpanLinkOut]


class TraceSummaryOut(msgspec.Struct):
    trace_id: str
    root_name: str
    root_service: str
    start_time: datetime
    duration_ns: int
    span_count: int
    error_count: int


class ServiceOut(msgspec.Struct):
    name: str


async def telemetry_reader(request: Request[Any, Any, Any], ref: str) -> int:
    project = await load_project(request, ref)
    who = await authenticate(request)
    if who is None:
        raise Unauthorized("sign in, or send Authorization: Bearer <token>")
    if Permission.OBSERVE_READ not in await permissions_of(request, who, project.id):
        raise Forbidden("this needs the observe:read permission on the project")
    return project.id


def attribute_map(value: Any) -> dict[str, str]:
    return dict(value or [])


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def table_rows(table: Any) -> list[dict[str, Any]]:
    """A table's rows, its nanosecond timestamps as datetimes (to the microsecond: Python's
    datetime holds no finer; the API's nanosecond columns say the rest)."""
    columns = {}
    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.int64())
            columns[name] = [
                None if ns is None else _EPOCH + timedelta(microseconds=ns // 1000)
                for ns in column.to_pylist()
            ]
        else:
            columns[name] = column.to_pylist()
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def _log_out(row: dict[str, Any]) -> LogOut:
    return LogOut(
        time=row["time"],
        severity_number=row["severity_number"],
        severity_text=row["severity_text"],
        body=row["body"],
        service_name=row["service_name"],
        trace_id=row["trace_id"],
        span_id=row["span_id"],
        attributes=attribute_map(row["attributes"]),
        resource_attributes=attribute_map(row["resource_attributes"]),
    )


def _tail_message(table: pa.Table) -> bytes:
    """An export's first records as the tail sends them, and how many were cut."""
    shown = table.slice(0, MAX_PER_MESSAGE)
    records = [_log_out(row) for row in table_rows(shown)]
    return msgspec.json.encode({"records": records, "cut": table.num_rows - shown.num_rows})


def _window(
    start: datetime | None, end: datetime | None, default: timedelta
) -> tuple[datetime, datetime]:
    end = end or datetime.now(UTC)
    return start or end - default, end


_SERVICE = Annotated[str | None, QueryParameter(max_length=256)]
_SEVERITY = Annotated[int | None, QueryParameter(ge=0, le=24, schema_extra={"minimum": 0})]
_CONTAINS = Annotated[str | None, QueryParameter(max_length=4096, description="A substring")]
_TRACE_ID = Annotated[str | None, QueryParameter(pattern="^[0-9a-fA-F]{32}$")]
_ATTRIBUTES = Annotated[
    list[str] | None,
    QueryParameter(
        max_items=32,
        description=(
            "key=value, repeatable: a record or resource attribute holding the value "
            "(every one must match)"
        ),
        schema_extra={"items": {"type": "string", "pattern": "^[^=]{1,256}=.{0,4096}$"}},
    ),
]


def _attribute_pairs(given: list[str] | None) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in given or ():
        key, equals, value = item.partition("=")
        if not (equals and 1 <= len(key) <= 256 and len(value) <= 4096):
            raise ValidationFailed("attribute", "each is key=value (a key of 1 to 256 characters)")
        pairs[key] = value
    return pairs


@get(f"{_P}/logs", tags=_TAGS, summary="A project's log records, newest first")
async def search_logs(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    start: _TIME = None,
    end: _TIME = None,
    service: _SERVICE = None,
    min_severity: _SEVERITY = None,
    q: _CONTAINS = None,
    regex: Annotated[str | None, QueryParameter(max_length=1024)] = None,
    trace_id: _TRACE_ID = None,
    attribute: _ATTRIBUTES = None,
    limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
    before: Annotated[
        str | None, QueryParameter(max_length=64, pattern=r"^[0-9]{1,20}\.[0-9]{1,20}$")
    ] = None,
) -> LogPageOut:
    project_id = await telemetry_reader(request, project)
    start, end = _window(start, end, timedelta(hours=1))
    page = await request.app.state.services.telemetry_query.logs(
        project_id,
        start=start,
        end=end,
        services=(service,) if service else (),
        min_severity=min_severity,
        contains=q,
        regex=regex,
        trace_id=trace_id,
        attributes=_attribute_pairs(attribute),
        limit=limit,
        before=None if before is None else LogCursor.parse(before),
    )
    records = [_log_out(row) for row in table_rows(page.records)]
    return LogPageOut(records, None if page.next is None else page.next.token())


@get(f"{_P}/logs/histogram", tags=_TAGS, summary="How many log records match, over time")
async def log_histogram(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    start: _TIME = None,
    end: _TIME = None,
    service: _SERVICE = None,
    min_severity: _SEVERITY = None,
    q: _CONTAINS = None,
    regex: Annotated[str | None, QueryParameter(max_length=1024)] = None,
    trace_id: _TRACE_ID = None,
    attribute: _ATTRIBUTES = None,
    buckets: Annotated[int, QueryParameter(ge=1, le=1000)] = 60,
) -> LogHistogramOut:
    """The filters of the logs listing, counted in ``buckets`` equal slices of the time range
    (default: the last hour), by level."""
    project_id = await telemetry_reader(request, project)
    start, end = _window(start, end, timedelta(hours=1))
    found = await request.app.state.services.telemetry_query.log_histogram(
        project_id,
        start=start,
        end=end,
        buckets=buckets,
        services=(service,) if service else (),
        min_severity=min_severity,
        contains=q,
        regex=regex,
        trace_id=trace_id,
        attributes=_attribute_pairs(attribute),
    )
    return LogHistogramOut(
        start=start,
        end=end,
        step=found.width_ns / 1e9,
        buckets=[
            LogBucketOut(
                _EPOCH + timedelta(microseconds=(found.start_ns + i * found.width_ns) // 1000),
                counts,
            )
            for i, counts in enumerate(found.counts)
        ],
    )


@get(
    f"{_P}/logs/tail",
    tags=_TAGS,
    summary="A project's log records as they arrive (Server-Sent Events)",
    description=(
        "Each record ingested from now on that matches the filters, as an `event: log` whose "
        "data is the record's JSON (as in the logs listing); `event: cut` says how many "
        "records of a large export were not sent (the store keeps them all). A reader that "
        "falls behind misses records; the listing has every one."
    ),
)
async def tail_logs(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    service: _SERVICE = None,
    min_severity: _SEVERITY = None,
    q: _CONTAINS = None,
    trace_id: _TRACE_ID = None,
    attribute: _ATTRIBUTES = None,
) -> ServerSentEvent:
    project_id = await telemetry_reader(request, project)
    attributes = _attribute_pairs(attribute)
    services = request.app.state.services
    subscription = services.log_tail.subscribe(project_id)
    wanted_trace = None if trace_id is None else check_trace_id(trace_id)

    def matches(record: dict[str, Any]) -> bool:
        return (
            (service is None or record["service_name"] == service)
            and (min_severity is None or record["severity_number"] >= min_severity)
            and (q is None or q in (record["body"] or ""))
            and (wanted_trace is None or record["trace_id"] == wanted_trace)
            and all(
                record["attributes"].get(key) == value
                or record["resource_attributes"].get(key) == value
                for key, value in attributes.items()
            )
        )

    async def events() -> AsyncIterator[ServerSentEventMessage]:
        async with subscription as messages:
            yield ServerSentEventMessage(data=None, comment="following")
            while True:
                message = await next_message(messages, services.stopping)
                if services.stopping.is_set():
                    return
                if message is None:
                    yield ServerSentEventMessage(data=None, comment="keep-alive")
                    continue
                batch = json.loads(message.data)
                for record in batch["records"]:
                    if matches(record):
                        yield ServerSentEventMessage(data=json.dumps(record), event="log")
                if batch["cut"]:
                    yield ServerSentEventMessage(data=str(batch["cut"]), event="cut")

    return ServerSentEvent(
        events(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )


def _span_events(raw: str | None) -> list[SpanEventOut]:
    return [
        SpanEventOut(
            time=_EPOCH + timedelta(microseconds=e["time"] // 1000),
            name=e["name"],
            attributes=attribute_map(e["attributes"]),
        )
        for e in json.loads(raw or "[]")
    ]


def _span_links(raw: str | None) -> list[SpanLinkOut]:
    return [
        SpanLinkOut(link["trace_id"], link["span_id"], attribute_map(link["attributes"]))
        for link in json.loads(raw or "[]")
    ]


@get(f"{_P}/traces", tags=_TAGS, summary="Search a project's traces, latest first")
async def search_traces(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    start: _TIME = None,
    end: _TIME = None,
    service: _SERVICE = None,
    name: Annotated[
        str | None, QueryParameter(max_length=1024, description="A span's name")
    ] = None,
    min_duration_ms: Annotated[
        float | None, QueryParameter(ge=0, le=10**9, schema_extra={"minimum": 0})
    ] = None,
    max_duration_ms: Annotated[
        float | None, QueryParameter(ge=0, le=10**9, schema_extra={"minimum": 0})
    ] = None,
    status: Annotated[Literal["unset", "ok", "error"] | None, QueryParameter()] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 20,
) -> list[TraceSummaryOut]:
    """The traces with a span in the time range (default: the last hour) that matches every
    filter given; each summed up by its root span."""
    project_id = await telemetry_reader(request, project)
    start, end = _window(start, end, timedelta(hours=1))
    found = await request.app.state.services.telemetry_query.search_spans(
        project_id,
        start=start,
        end=end,
        service=service,
        name=name,
        min_duration_ns=None if min_duration_ms is None else round(min_duration_ms * 1e6),
        max_duration_ns=None if max_duration_ms is None else round(max_duration_ms * 1e6),
        status_code=None if status is None else _STATUS_CODES[status],
        limit=limit,
    )
    return [
        TraceSummaryOut(
            trace_id=t.trace_id,
            root_name=t.root_name,
            root_service=t.root_service,
            start_time=t.start,
            duration_ns=t.duration_ns,
            span_count=t.span_count,
            error_count=t.error_count,
        )
        for t in found
    ]


_STATUS_CODES = {"unset": 0, "ok": 1, "error": 2}


@get(f"{_P}/traces/{{trace_id:str}}", tags=_TAGS, summary="A trace's spans, by start time")
async def get_trace(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    trace_id: Annotated[str, Parameter(schema_extra={"pattern": "^[0-9a-fA-F]{32}$"})],
) -> list[SpanOut]:
    project_id = await telemetry_reader(request, project)
    table = await request.app.state.services.telemetry_query.trace(project_id, trace_id)
    spans = [
        SpanOut(
            trace_id=row["trace_id"],
            span_id=row["span_id"],
            parent_span_id=row["parent_span_id"],
            name=row["name"],
            kind=row["kind"],
            service_name=row["service_name"],
            start_time=row["start_time"],
            end_time=row["end_time"],
            duration_ns=row["duration_ns"],
            status_code=row["status_code"],
            status_message=row["status_message"],
            attributes=attribute_map(row["attributes"]),
            resource_attributes=attribute_map(row["resource_attributes"]),
            events=_span_events(row["events"]),
            links=_span_links(row["links"]),
        )
        for row in table_rows(table)
    ]
    if not spans:
        raise NotFound(f"trace {trace_id} has no spans in this project")
    return spans


@get(f"{_P}/services", tags=_TAGS, summary="The services that sent a project telemetry")
async def list_services(
    request: Request[Any, Any, Any], project: ProjectRef, start: _TIME = None, end: _TIME = None
) -> list[ServiceOut]:
    """Every service name seen in logs, spans or metrics in the time range (default: the
    last 7 days), sorted."""
    project_id = await telemetry_reader(request, project)
    start, end = _window(start, end, timedelta(days=7))
    names = await request.app.state.services.telemetry_query.services(
        project_id, start=start, end=end
    )
    return [ServiceOut(name) for name in names]


ROUTES = [
    ingest_traces,
    ingest_logs,
    ingest_metrics,
    search_logs,
    log_histogram,
    tail_logs,
    search_traces,
    get_trace,
    list_services,
]
