"""Loki's HTTP query API under a project, so Grafana's Loki data source works with
``http(s)://<dais>/api/projects/<project>`` as its URL (Grafana appends ``/loki/api/v1/...``).

Reading needs ``observe:read`` on the project (a token as ``Authorization: Bearer``, which
Grafana sends from the data source's HTTP headers, or a session). Parameters and answers
follow Loki's documentation: times as nanosecond Unix epochs, Unix seconds with a fraction
or RFC 3339; ``limit``, ``direction`` (``backward``, newest first, or ``forward``),
``step`` as a duration or seconds; ``{"status": "success", "data": ...}``, with
``resultType`` ``streams`` for log queries and ``matrix`` / ``vector`` for metric
queries. The LogQL understood is :mod:`dais.actors.observe.logql`'s subset.

A query Loki would refuse with 400 is refused as Loki does: a 400 whose body is the reason
as plain text, which Grafana shows as the query's error. Who may read what (401, 403, 404)
and a malformed parameter Litestar refuses before the handler stay problem+json, as
everywhere in dais.

``/tail`` is Loki's live tail, a WebSocket: the newest ``limit`` matching lines since
``start`` (default: an hour ago) from the store, then each matching record as its export
arrives, in frames ``{"streams": [{"stream": {labels}, "values": [["<ns>", "<line>"]]}]}``
(``{"streams": []}`` after 15 s of quiet, so proxies keep the socket open). Records are
matched in Python (:mod:`dais.actors.observe.logql_match`: a log query of a selector, line
filters and string label filters; other stages are refused), and their times are the
live tail's, to the microsecond. Everything is checked before the upgrade, which is refused
with the same answers as the other routes (through the ASGI denial response; a server
without it makes that a bare 403). What a reader cannot get is not sent and cannot be
named as Loki's ``dropped_entries`` (the broker keeps no labels of it): records past
:data:`~dais.actors.observe.tail.MAX_PER_MESSAGE` in one export, and the messages the broker
drops for a reader that falls behind; the first are counted in dais's log. ``delay_for``
(up to 5 s) is accepted and not needed: each frame holds one export, in time order.
"""

from __future__ import annotations

import json
import logging
import math
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

import anyio
import attrs
import msgspec
from litestar import Request, Response, WebSocket, get, websocket
from litestar.exceptions import WebSocketDisconnect
from litestar.params import PathParameter, QueryParameter

from dais.actors.observe import logql
from dais.errors import Forbidden, NotFound, Unauthorized, ValidationFailed

from .observe import telemetry_reader
from .params import QUERY_TEXT_MAX, ProjectRef
from .problems import PROBLEM_JSON, status_title
from .streams import next_message

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from litestar.types import WebSocketResponseBodyEvent, WebSocketResponseStartEvent

    from dais.storage.broker import Subscription

__all__ = ["ROUTES", "parse_time"]

log = logging.getLogger(__name__)

_P = "/api/projects/{project:str}/loki/api/v1"
_TAGS = ["loki"]
_MAX_QUERY = min(logql.MAX_QUERY, QUERY_TEXT_MAX)
_NUMERIC = re.compile(r"[0-9]{1,19}")
# Times past this (2096) are refused: a time plus a range must stay a 64-bit nanosecond count.
_LATEST = 4 * 10**18
_LONGEST_STEP = 31 * 86400 * 10**9
_SECONDS = re.compile(r"[0-9]{1,12}(?:\.[0-9]*)?|\.[0-9]+")

_Time = Annotated[
    str | None,
    QueryParameter(
        max_length=40,
        description="A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339",
    ),
]
# ``query`` is Litestar's name for all the query parameters: the handlers' name is ``text``.
_Query = Annotated[
    str, QueryParameter(name="query", max_length=_MAX_QUERY, description="A LogQL query")
]
_Selector = Annotated[
    str | None,
    QueryParameter(name="query", max_length=_MAX_QUERY, description="A stream selector"),
]
_Since = Annotated[
    str | None,
    QueryParameter(max_length=32, description="A duration before end (5m, 1h): the start"),
]
_Limit = Annotated[
    int,
    QueryParameter(ge=1, le=logql.MAX_ENTRIES, description="The most lines to return"),
]
_Direction = Annotated[
    Literal["backward", "forward"],
    QueryParameter(description="backward: newest first; forward: oldest first"),
]


def parse_time(text: str, field: str) -> int:
    """A Loki time parameter in nanoseconds: an integer of up to 10 digits is Unix
    seconds, a longer one nanoseconds, a number with a ``.`` seconds with a fraction, else
    RFC 3339 (as Loki's ``parseTimestamp``).

    :raises ValidationFailed: on ``field`` for anything else.
    """
    text = text.strip()
    if _NUMERIC.fullmatch(text):
        value = int(text)
        return _bounded(value * 10**9 if len(text) <= 10 else value, field)
    if "." in text and _SECONDS.fullmatch(text):
        return _bounded(int(Decimal(text) * 10**9), field)
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise ValidationFailed(
            field, "a nanosecond Unix epoch, Unix seconds or an RFC 3339 time"
        ) from None
    if moment.utcoffset() is None:
        raise ValidationFailed(field, "an RFC 3339 time with its offset (Z or +hh:mm)")
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return _bounded(delta // timedelta(microseconds=1) * 1000, field)


def _bounded(ns: int, field: str) -> int:
    if not 0 <= ns < _LATEST:
        raise ValidationFailed(field, "a time from 1970 to 2096")
    return ns


def _now_ns() -> int:
    return (
        (datetime.now(UTC) - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1000
    )


def _range(
    start: str | None, end: str | None, since: str | None, default: timedelta
) -> tuple[int, int]:
    end_ns = _now_ns() if end is None else parse_time(end, "end")
    if start is not None:
        start_ns = parse_time(start, "start")
    else:
        back = default // timedelta(microseconds=1) * 1000
        if since is not None:
            back = logql.parse_duration(since, "since")
        start_ns = end_ns - back
    if end_ns < start_ns:
        raise ValidationFailed("end", "the end timestamp must not be before the start time")
    return start_ns, end_ns


def _step(step: str | None, start_ns: int, end_ns: int) -> int:
    """Loki's ``step``: a duration or seconds; by default (end - start) / 250, at least 1 s."""
    if step is None or step == "":
        return max(int((end_ns - start_ns) / 1e9 / 250), 1) * 10**9
    if _SECONDS.fullmatch(step) or _NUMERIC.fullmatch(step):
        value = int(Decimal(step) * 10**9)
    else:
        value = logql.parse_duration(step, "step")
    if value > _LONGEST_STEP:
        raise ValidationFailed("step", "at most 31 days")
    if value <= 0:
        raise ValidationFailed(
            "step", "zero or negative query resolution step widths are not accepted"
        )
    return value


def _seconds(ns: int) -> float | int:
    return ns // 10**9 if ns % 10**9 == 0 else ns / 1e9


def _value(value: float) -> str:
    """A sample value as Prometheus prints it (Go's ``FormatFloat(v, 'f', -1, 64)``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return format(Decimal(repr(value)), "f").removesuffix(".0")


def _success(data: Any) -> Response[Any]:
    return Response({"status": "success", "data": data}, media_type="application/json")


async def _answer(
    request: Request[Any, Any, Any], project: str, work: Callable[[int], Awaitable[Any]]
) -> Response[Any]:
    """Run ``work`` for the project the caller may read; a query's fault is a plain-text 400."""
    project_id = await telemetry_reader(request, project)
    try:
        return _success(await work(project_id))
    except ValidationFailed as exc:
        return Response(str(exc), status_code=400, media_type="text/plain")


def _streams(streams: list[logql.Stream]) -> dict[str, Any]:
    return {
        "resultType": "streams",
        "result": [
            {"stream": s.labels, "values": [[str(t), line] for t, line in s.values]}
            for s in streams
        ],
        "stats": {},
    }


@get(f"{_P}/query_range", tags=_TAGS, summary="Loki: a LogQL query over a time range")
async def query_range(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    text: _Query,
    start: _Time = None,
    end: _Time = None,
    since: _Since = None,
    limit: _Limit = 100,
    direction: _Direction = "backward",
    step: Annotated[
        str | None, QueryParameter(max_length=32, description="A duration, or seconds")
    ] = None,
) -> Response[Any]:
    async def work(project_id: int) -> Any:
        expr = logql.parse(text)
        start_ns, end_ns = _range(start, end, since, timedelta(hours=1))
        telemetry = request.app.state.services.telemetry_query
        if isinstance(expr, logql.LogQuery):
            streams = await logql.select_logs(
                telemetry,
                project_id,
                expr,
                start_ns=start_ns,
                end_ns=end_ns,
                limit=limit,
                forward=direction == "forward",
            )
            return _streams(streams)
        series = await logql.evaluate(
            telemetry,
            project_id,
            expr,
            start_ns=start_ns,
            end_ns=end_ns,
            step_ns=_step(step, start_ns, end_ns),
        )
        return {
            "resultType": "matrix",
            "result": [
                {"metric": s.labels, "values": [[_seconds(t), _value(v)] for t, v in s.points]}
                for s in series
            ],
            "stats": {},
        }

    return await _answer(request, project, work)


@get(f"{_P}/query", tags=_TAGS, summary="Loki: a LogQL metric query at one instant")
async def query_instant(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    text: _Query,
    time: _Time = None,
    limit: _Limit = 100,
    direction: _Direction = "backward",
) -> Response[Any]:
    async def work(project_id: int) -> Any:
        expr = logql.parse(text)
        if isinstance(expr, logql.LogQuery):
            raise ValidationFailed(
                "query",
                "log queries are not supported as an instant query type, please change your "
                "query to a range query type",
            )
        at = _now_ns() if time is None else parse_time(time, "time")
        series = await logql.evaluate(
            request.app.state.services.telemetry_query,
            project_id,
            expr,
            start_ns=at,
            end_ns=at,
            step_ns=10**9,
        )
        return {
            "resultType": "vector",
            "result": [
                {"metric": s.labels, "value": [_seconds(t), _value(v)]}
                for s in series
                for t, v in s.points
            ],
            "stats": {},
        }

    return await _answer(request, project, work)


@get(f"{_P}/labels", tags=_TAGS, summary="Loki: the stream label names")
async def labels(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    start: _Time = None,
    end: _Time = None,
    since: _Since = None,
    text: _Selector = None,
) -> Response[Any]:
    async def work(project_id: int) -> Any:
        selector = None if not text else logql.parse_selector(text)
        start_ns, end_ns = _range(start, end, since, timedelta(hours=6))
        return await logql.label_names(
            request.app.state.services.telemetry_query,
            project_id,
            start_ns=start_ns,
            end_ns=end_ns,
            query=selector,
        )

    return await _answer(request, project, work)


@get(f"{_P}/label/{{name:str}}/values", tags=_TAGS, summary="Loki: the values of a label")
async def label_values(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: Annotated[str, PathParameter(max_length=256, description="A label name")],
    start: _Time = None,
    end: _Time = None,
    since: _Since = None,
    text: _Selector = None,
) -> Response[Any]:
    async def work(project_id: int) -> Any:
        selector = None if not text else logql.parse_selector(text)
        start_ns, end_ns = _range(start, end, since, timedelta(hours=6))
        return await logql.label_values(
            request.app.state.services.telemetry_query,
            project_id,
            name,
            start_ns=start_ns,
            end_ns=end_ns,
            query=selector,
        )

    return await _answer(request, project, work)


@get(f"{_P}/series", tags=_TAGS, summary="Loki: the streams that match selectors")
async def series(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    match: Annotated[
        list[str],
        QueryParameter(name="match[]", max_items=32, description="Stream selectors (at least one)"),
    ],
    start: _Time = None,
    end: _Time = None,
    since: _Since = None,
) -> Response[Any]:
    async def work(project_id: int) -> Any:
        selectors = [logql.parse_selector(m) for m in match]
        start_ns, end_ns = _range(start, end, since, timedelta(hours=6))
        return await logql.series(
            request.app.state.services.telemetry_query,
            project_id,
            selectors,
            start_ns=start_ns,
            end_ns=end_ns,
        )

    return await _answer(request, project, work)


@get(f"{_P}/index/stats", tags=_TAGS, summary="Loki: how many streams, entries and bytes match")
async def index_stats(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    text: _Query,
    start: _Time = None,
    end: _Time = None,
) -> Response[Any]:
    project_id = await telemetry_reader(request, project)
    try:
        selector = logql.parse_selector(text)
        start_ns, end_ns = _range(start, end, None, timedelta(hours=1))
        found = await logql.stats(
            request.app.state.services.telemetry_query,
            project_id,
            selector,
            start_ns=start_ns,
            end_ns=end_ns,
        )
    except ValidationFailed as exc:
        return Response(str(exc), status_code=400, media_type="text/plain")
    return Response(found, media_type="application/json")  # Loki answers it unwrapped


# --- live tail -----------------------------------------------------------------------------

_LONGEST_DELAY = 5  # seconds, as Loki's tail allows
_Key = tuple[int, str, tuple[tuple[str, str], ...]]


@attrs.frozen
class _Tail:
    """A tail request's parameters, checked."""

    query: logql.LogQuery
    matcher: logql.RecordMatcher
    start_ns: int
    limit: int


def _tail_request(params: Mapping[str, str]) -> _Tail:
    text = params.get("query")
    if not text:
        raise ValidationFailed("query", "a log query (a stream selector) is required")
    if len(text) > _MAX_QUERY:
        raise ValidationFailed("query", f"at most {_MAX_QUERY} characters")
    query = logql.parse_selector(text)
    limit = params.get("limit", "100")
    if not (_NUMERIC.fullmatch(limit) and 1 <= int(limit) <= logql.MAX_ENTRIES):
        raise ValidationFailed("limit", f"from 1 to {logql.MAX_ENTRIES}")
    delay = params.get("delay_for", "0")
    if not (_NUMERIC.fullmatch(delay) and int(delay) <= _LONGEST_DELAY):
        raise ValidationFailed("delay_for", f"delay_for can't be greater than {_LONGEST_DELAY}")
    start = params.get("start")
    start_ns = _now_ns() - 3600 * 10**9 if start is None else parse_time(start, "start")
    return _Tail(query, logql.compile_matcher(query), start_ns, int(limit))


async def _refuse(
    socket: WebSocket[Any, Any, Any], exc: Unauthorized | Forbidden | NotFound | ValidationFailed
) -> None:
    """Answer the upgrade with the HTTP refusal the other routes give: a query's fault as
    plain text, the rest as problem+json."""
    if isinstance(exc, ValidationFailed):
        status, media, body = 400, "text/plain", str(exc).encode()
    else:
        status, media = exc.status, PROBLEM_JSON
        body = msgspec.json.encode(
            {
                "type": "about:blank",
                "title": status_title(status),
                "status": status,
                "detail": exc.detail,
            }
        )
    if "websocket.http.response" not in (socket.scope.get("extensions") or {}):
        # A close reason holds at most 123 bytes; the server answers the upgrade with a 403.
        await socket.close(4000 + status, str(exc).encode()[:120].decode(errors="ignore"))
        return
    start: WebSocketResponseStartEvent = {
        "type": "websocket.http.response.start",
        "status": status,
        "headers": [(b"content-type", media.encode()), (b"content-length", b"%d" % len(body))],
    }
    end: WebSocketResponseBodyEvent = {
        "type": "websocket.http.response.body",
        "body": body,
        "more_body": False,
    }
    await socket.send(start)
    await socket.send(end)


def _record(data: dict[str, Any]) -> logql.LogRecord:
    """A record of the live tail's message (see ``dais.http.observe``)."""
    moment = datetime.fromisoformat(data["time"])
    return logql.LogRecord(
        time_ns=(moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1000,
        body=data["body"],
        severity_number=data["severity_number"],
        severity_text=data["severity_text"],
        service_name=data["service_name"],
        trace_id=data["trace_id"],
        span_id=data["span_id"],
        attributes=data["attributes"] or {},
        resource_attributes=data["resource_attributes"] or {},
    )


def _frame(entries: list[tuple[dict[str, str], int, str]]) -> dict[str, Any]:
    """Entries in time order, grouped by their label sets."""
    streams: dict[tuple[tuple[str, str], ...], list[list[str]]] = {}
    for tags, t, line in sorted(entries, key=lambda e: e[1]):
        streams.setdefault(tuple(tags.items()), []).append([str(t), line])
    return {"streams": [{"stream": dict(k), "values": v} for k, v in streams.items()]}


@websocket(f"{_P}/tail")
async def tail(
    socket: WebSocket[Any, Any, Any],
    project: Annotated[str, PathParameter(max_length=256)],
) -> None:
    """Loki's live tail (see the module's docstring); the client sends nothing."""
    services = socket.app.state.services
    try:
        # load_project and the permission check read only what a WebSocket has too.
        project_id = await telemetry_reader(cast("Request[Any, Any, Any]", socket), project)
        asked = _tail_request(socket.query_params)
    except (Unauthorized, Forbidden, NotFound, ValidationFailed) as exc:
        await _refuse(socket, exc)
        return
    async with services.log_tail.subscribe(project_id) as messages:
        try:  # subscribed first, so nothing arrives unseen between the two
            history = await logql.select_logs(
                services.telemetry_query,
                project_id,
                asked.query,
                start_ns=asked.start_ns,
                end_ns=_now_ns() + 1,
                limit=asked.limit,
            )
        except ValidationFailed as exc:  # a pattern RE2 refuses
            await _refuse(socket, exc)
            return
        await socket.accept()
        entries = [(s.labels, t, line) for s in history for t, line in s.values]
        # A record both stored and then published is sent once (the tail's times are µs).
        sent = {(t - t % 1000, line, tuple(tags.items())) for tags, t, line in entries}
        try:
            if entries:
                await socket.send_json(_frame(entries))
            async with anyio.create_task_group() as tg:
                tg.start_soon(_until_closed, socket, tg.cancel_scope)
                await _follow(socket, project_id, asked.matcher, messages, sent, services.stopping)
                tg.cancel_scope.cancel()
        except* WebSocketDisconnect:
            pass  # the client has gone: nothing to close
        else:
            if services.stopping.is_set():
                await socket.close(1001, "the server is stopping")


async def _until_closed(socket: WebSocket[Any, Any, Any], scope: anyio.CancelScope) -> None:
    """Drop what the client sends (Loki's clients send nothing) until it closes; then stop
    the tail."""
    while (await socket.receive())["type"] != "websocket.disconnect":
        pass
    scope.cancel()


async def _follow(
    socket: WebSocket[Any, Any, Any],
    project_id: int,
    matcher: logql.RecordMatcher,
    messages: Subscription,
    sent: set[_Key],
    stopping: anyio.Event,
) -> None:
    while not stopping.is_set():
        message = await next_message(messages, stopping)
        if message is None:
            if not stopping.is_set():
                await socket.send_json({"streams": []})
            continue
        batch = json.loads(message.data)
        entries = []
        for data in batch["records"]:
            record = _record(data)
            if matcher.matches(record):
                tags, line = logql.labels_of(record), record.body or ""
                if (record.time_ns, line, tuple(tags.items())) not in sent:
                    entries.append((tags, record.time_ns, line))
        if batch["cut"]:
            log.info(
                "Loki tail of project %d: %d records of an export not sent (cut)",
                project_id,
                batch["cut"],
            )
        if entries:
            await socket.send_json(_frame(entries))


ROUTES = [query_range, query_instant, labels, label_values, series, index_stats, tail]
