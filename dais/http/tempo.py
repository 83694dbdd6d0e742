"""Tempo's HTTP query API under a project, so Grafana's Tempo data source works with
``http(s)://<dais>/api/projects/<project>/tempo`` as its URL.

Reading needs ``observe:read`` on the project. A trace by id: ``Accept:
application/protobuf`` (what Grafana sends) gets Tempo's ``tempopb.Trace`` (v1) or
``TraceByIDResponse`` (v2) in protobuf, anything else OTLP JSON as Tempo writes it
(``{"batches": [...]}``, ids in base64 as protobuf's JSON mapping has them; v2:
``{"trace": {"resourceSpans": [...]}}``). Attribute values come back as ``stringValue``
(dais stores them as text; see :mod:`dais.actors.observe.otlp_out`). A trace id may have
fewer than 32 hex digits (Tempo left-pads it with zeros). Search takes ``q`` (the TraceQL
subset of :mod:`dais.actors.observe.traceql`) or ``tags`` (logfmt) with ``minDuration``
and ``maxDuration`` (a trace's duration), ``limit``, and ``start`` / ``end`` in Unix
seconds (default: the last hour; tags and their values: the last day).

As Tempo does, a request it cannot serve is a 400 and a trace not found a 404, each with
the reason as plain text; who may read what (401, 403, a project not found) and parameters
Litestar refuses stay problem+json, as everywhere in dais.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal

from google.protobuf import json_format  # type: ignore[import-untyped]
from litestar import Request, Response, get
from litestar.params import PathParameter, QueryParameter

from dais.actors.observe import otlp_out, traceql
from dais.actors.observe.query import SCAN, TS, Where, columns, from_ns, to_ns
from dais.actors.observe.records import SPANS, Signal
from dais.errors import ValidationFailed

from .observe import telemetry_reader
from .params import QUERY_TEXT_MAX, ProjectRef

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

__all__ = ["ROUTES"]

_P = "/api/projects/{project:str}/tempo/api"
_TAGS = ["tempo"]
_HEX = re.compile(r"[0-9a-fA-F]{1,32}")
_PROTOBUF = "application/protobuf"
_MAX_LIMIT = 1000
_MAX_TAGS = 1000
_INTRINSICS = [
    "duration",
    "kind",
    "name",
    "rootName",
    "rootServiceName",
    "status",
    "statusMessage",
    "traceDuration",
]

_Seconds = Annotated[
    int | None,
    QueryParameter(ge=0, le=2**33, schema_extra={"minimum": 0}, description="Unix seconds"),
]
_TraceId = Annotated[
    str, PathParameter(max_length=64, description="The trace id: up to 32 hexadecimal digits")
]
_Scope = Annotated[
    Literal["resource", "span", "intrinsic"] | None,
    # ``scope`` is Litestar's name for the ASGI scope: the handlers' name is ``tag_scope``.
    QueryParameter(name="scope", description="Only this scope's tags"),
]


def _plain(status: int, text: str) -> Response[Any]:
    return Response(text, status_code=status, media_type="text/plain")


async def _answer(
    request: Request[Any, Any, Any], project: str, work: Callable[[int], Awaitable[Response[Any]]]
) -> Response[Any]:
    project_id = await telemetry_reader(request, project)
    try:
        return await work(project_id)
    except ValidationFailed as exc:
        return _plain(400, str(exc))


def _range(start: int | None, end: int | None, default: timedelta) -> tuple[datetime, datetime]:
    now = datetime.now(UTC)
    last = now if end is None else from_ns(end * 10**9)
    first = last - default if start is None else from_ns(start * 10**9)
    if last <= first:
        last = first + timedelta(seconds=1)  # Tempo's end is inclusive, to the second
    return first, last


@get(f"{_P}/echo", tags=_TAGS, summary="Tempo: answers echo (Grafana's connection test)")
async def echo(request: Request[Any, Any, Any], project: ProjectRef) -> Response[Any]:
    await telemetry_reader(request, project)
    return _plain(200, "echo")


async def _trace(
    request: Request[Any, Any, Any], project: str, trace_id: str, v2: bool
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        if not _HEX.fullmatch(trace_id):
            raise ValidationFailed("traceID", "a trace id of up to 32 hexadecimal digits")
        table = await request.app.state.services.telemetry_query.trace(
            project_id, trace_id.lower().rjust(32, "0")
        )
        if table.num_rows == 0:
            return _plain(404, f"trace not found: {trace_id}")
        data = otlp_out.traces_data(table)
        if _PROTOBUF in request.headers.get("accept", ""):
            body = otlp_out.trace_by_id_response(data) if v2 else data.SerializeToString()
            return Response(body, media_type=_PROTOBUF)
        batches = json_format.MessageToDict(data).get("resourceSpans", [])
        content = {"trace": {"resourceSpans": batches}} if v2 else {"batches": batches}
        return Response(content, media_type="application/json")

    return await _answer(request, project, work)


@get(f"{_P}/traces/{{trace_id:str}}", tags=_TAGS, summary="Tempo: a trace by id")
async def trace_v1(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    trace_id: _TraceId,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    return await _trace(request, project, trace_id, v2=False)


@get(f"{_P}/v2/traces/{{trace_id:str}}", tags=_TAGS, summary="Tempo: a trace by id (v2)")
async def trace_v2(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    trace_id: _TraceId,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    return await _trace(request, project, trace_id, v2=True)


_ROOT_FIRST = "{'root': parent_span_id IS NOT NULL, 'start': start_time}"


@get(f"{_P}/search", tags=_TAGS, summary="Tempo: search traces (TraceQL or tags)")
async def search(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    q: Annotated[str | None, QueryParameter(max_length=QUERY_TEXT_MAX)] = None,
    tags: Annotated[str | None, QueryParameter(max_length=QUERY_TEXT_MAX)] = None,
    min_duration: Annotated[str | None, QueryParameter(name="minDuration", max_length=32)] = None,
    max_duration: Annotated[str | None, QueryParameter(name="maxDuration", max_length=32)] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=_MAX_LIMIT)] = 20,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        first, last = _range(start, end, timedelta(hours=1))
        where = Where()
        patterns: list[tuple[str, str]] = []
        if q:
            traceql.conditions(q, where, patterns)
        if tags:
            traceql.tag_conditions(tags, where)
        having = Where()
        if min_duration:
            having.add("duration_ns >= ?", traceql.parse_go_duration(min_duration, "minDuration"))
        if max_duration:
            having.add("duration_ns <= ?", traceql.parse_go_duration(max_duration, "maxDuration"))
        sql = f"""
            WITH spans AS (
                SELECT {columns(SPANS)} FROM {SCAN}
                WHERE start_time >= {TS} AND start_time < {TS}
            ),
            matched AS (SELECT DISTINCT trace_id FROM spans WHERE {where.sql()}),
            summary AS (
                SELECT trace_id,
                    arg_min(name, {_ROOT_FIRST}) AS root_name,
                    coalesce(arg_min(service_name, {_ROOT_FIRST}), '') AS root_service,
                    epoch_ns(min(start_time)) AS start_ns,
                    epoch_ns(max(end_time)) - epoch_ns(min(start_time)) AS duration_ns
                FROM spans SEMI JOIN matched USING (trace_id) GROUP BY trace_id
            )
            SELECT * FROM summary WHERE {having.sql()}
            ORDER BY start_ns DESC, trace_id LIMIT {limit}
        """
        table = await request.app.state.services.telemetry_query.select(
            Signal.TRACES,
            project_id,
            first,
            last,
            sql,
            [to_ns(first), to_ns(last), *where.params, *having.params],
            patterns=patterns,
        )
        traces = []
        for row in [] if table is None else table.to_pylist():
            traces.append(
                {
                    "traceID": row["trace_id"],
                    "rootServiceName": row["root_service"] or "<root span not yet received>",
                    "rootTraceName": row["root_name"] or "",
                    "startTimeUnixNano": str(row["start_ns"]),
                    "durationMs": row["duration_ns"] // 10**6,
                }
            )
        return Response({"traces": traces, "metrics": {}}, media_type="application/json")

    return await _answer(request, project, work)


async def _tag_names(
    request: Request[Any, Any, Any], project_id: int, start: int | None, end: int | None
) -> dict[str, list[str]]:
    """The attribute keys of the spans in the range, by scope (``span``, ``resource``)."""
    first, last = _range(start, end, timedelta(days=1))
    sql = f"""
        WITH spans AS (
            SELECT attributes, resource_attributes FROM {SCAN}
            WHERE start_time >= {TS} AND start_time < {TS}
        )
        SELECT * FROM (
            SELECT DISTINCT 'span' AS scope, unnest(map_keys(attributes)) AS tag FROM spans
            UNION
            SELECT DISTINCT 'resource', unnest(map_keys(resource_attributes)) FROM spans
        ) ORDER BY scope, tag LIMIT {2 * _MAX_TAGS}
    """
    table = await request.app.state.services.telemetry_query.select(
        Signal.TRACES, project_id, first, last, sql, [to_ns(first), to_ns(last)]
    )
    found: dict[str, list[str]] = {"resource": [], "span": []}
    for row in [] if table is None else table.to_pylist():
        if len(found[row["scope"]]) < _MAX_TAGS:
            found[row["scope"]].append(row["tag"])
    return found


@get(f"{_P}/search/tags", tags=_TAGS, summary="Tempo: the tag names searches can use")
async def search_tags(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    tag_scope: _Scope = None,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        found = await _tag_names(request, project_id, start, end)
        found["intrinsic"] = _INTRINSICS
        names: set[str] = set()
        for name, tags in found.items():
            if tag_scope == name or (tag_scope is None and name != "intrinsic"):
                names.update(tags)
        return Response({"tagNames": sorted(names), "metrics": {}}, media_type="application/json")

    return await _answer(request, project, work)


@get(f"{_P}/v2/search/tags", tags=_TAGS, summary="Tempo: the tag names searches can use, by scope")
async def search_tags_v2(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    tag_scope: _Scope = None,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        found = await _tag_names(request, project_id, start, end)
        found["intrinsic"] = _INTRINSICS
        scopes = [
            {"name": name, "tags": tags}
            for name, tags in found.items()
            if tag_scope is None or tag_scope == name
        ]
        return Response({"scopes": scopes, "metrics": {}}, media_type="application/json")

    return await _answer(request, project, work)


_TagName = Annotated[str, PathParameter(max_length=1024, description="The tag")]
_Q = Annotated[
    str | None,
    QueryParameter(max_length=QUERY_TEXT_MAX, description="TraceQL: only matching spans"),
]


async def _tag_values(
    request: Request[Any, Any, Any],
    project_id: int,
    column: str,
    params: list[Any],
    start: int | None,
    end: int | None,
    q: str | None,
) -> list[Any]:
    first, last = _range(start, end, timedelta(days=1))
    where = Where()
    patterns: list[tuple[str, str]] = []
    if q:
        try:
            traceql.conditions(q, where, patterns)
        except ValidationFailed:
            # Tempo's rule: a filter that does not parse filters nothing.
            where, patterns = Where(), []
    sql = f"""
        WITH spans AS (
            SELECT {columns(SPANS)} FROM {SCAN} WHERE start_time >= {TS} AND start_time < {TS}
        )
        SELECT DISTINCT {column} AS value FROM spans
        WHERE {where.sql()} AND {column} IS NOT NULL ORDER BY value LIMIT {_MAX_TAGS}
    """
    table = await request.app.state.services.telemetry_query.select(
        Signal.TRACES,
        project_id,
        first,
        last,
        sql,
        [to_ns(first), to_ns(last), *params, *where.params, *params],
        patterns=patterns,
    )
    return [] if table is None else table.column("value").to_pylist()


def _attribute_column(scope: str, key: str) -> tuple[str, list[Any]]:
    if key == "service.name" and scope != "span":
        return "nullif(service_name, '')", []
    if scope == "span":
        return "attributes[?]", [key]
    if scope == "resource":
        return "resource_attributes[?]", [key]
    return "coalesce(attributes[?], resource_attributes[?])", [key, key]


@get(f"{_P}/search/tag/{{name:str}}/values", tags=_TAGS, summary="Tempo: the values of a tag")
async def search_tag_values(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _TagName,
    start: _Seconds = None,
    end: _Seconds = None,
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        column, params = _attribute_column("", name)
        values = await _tag_values(request, project_id, column, params, start, end, None)
        return Response({"tagValues": values, "metrics": {}}, media_type="application/json")

    return await _answer(request, project, work)


_KEYWORDS = {"status": traceql.STATUSES, "kind": traceql.KINDS}


@get(
    f"{_P}/v2/search/tag/{{name:str}}/values",
    tags=_TAGS,
    summary="Tempo: the values of a TraceQL identifier, with their types",
)
async def search_tag_values_v2(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _TagName,
    start: _Seconds = None,
    end: _Seconds = None,
    q: _Q = None,
) -> Response[Any]:
    async def work(project_id: int) -> Response[Any]:
        scope, dot, key = name.partition(".")
        kind = "string"
        if name in ("name", "statusMessage"):
            params: list[Any] = []
            column = "name" if name == "name" else "status_message"
        elif name in _KEYWORDS:
            column, kind = ("status_code" if name == "status" else "kind"), "keyword"
            params = []
        elif dot and key and scope in ("", "span", "resource"):
            column, params = _attribute_column(scope, key)
        else:
            raise ValidationFailed(
                "name", "a TraceQL identifier: span.<key>, resource.<key>, .<key> or an intrinsic"
            )
        values = await _tag_values(request, project_id, column, params, start, end, q)
        if kind == "keyword":
            names = {v: k for k, v in _KEYWORDS[name].items()}
            values = [names.get(v, str(v)) for v in values]
        body = {"tagValues": [{"type": kind, "value": v} for v in values], "metrics": {}}
        return Response(body, media_type="application/json")

    return await _answer(request, project, work)


ROUTES = [
    echo,
    trace_v1,
    trace_v2,
    search,
    search_tags,
    search_tags_v2,
    search_tag_values,
    search_tag_values_v2,
]
