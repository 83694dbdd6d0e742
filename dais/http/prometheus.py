"""The Prometheus HTTP API over a project's metrics, under
``/api/projects/{p}/prometheus``, so that Grafana's Prometheus data source (or any
Prometheus client) pointed at that URL queries dais with PromQL.

``api/v1/query``, ``query_range``, ``series``, ``labels``, ``label/{name}/values``,
``metadata`` and ``status/buildinfo`` take the parameters the Prometheus API documents, by
``GET`` or by ``POST`` with ``application/x-www-form-urlencoded`` (Grafana's default; the
query string counts too): times as RFC 3339 or unix seconds, durations as ``5m`` or float
seconds, ``match[]`` repeated. Answers are Prometheus's ``{"status": "success", "data":
...}``, sample values as strings (``"NaN"``, ``"+Inf"``) beside unix-second timestamps.

Errors about the query and its parameters keep Prometheus's own shape, ``{"status":
"error", "errorType": ..., "error": ...}``, rather than dais's problem+json, because
Prometheus clients and Grafana read that shape to show what went wrong: 400 ``bad_data``
for a parameter or a query that is wrong as written, 422 ``execution`` for one that cannot
run over the data (too many samples, duplicate series), 503 ``timeout`` past the
``timeout`` parameter (at most, and by default, :data:`QUERY_TIMEOUT` seconds).

Who may ask is settled first, by a guard, before any parameter is read, and answered as on
every dais route (problem+json): the caller authenticates as everywhere (``Authorization:
Bearer <token>``, HTTP Basic with the token as password, or the session; 401 without) and
needs ``observe:read`` on the project (403; 404 for a project they cannot see). Series and
label listings read at most the last 31 days of a longer range (with a warning saying so);
queries refuse one instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypedDict

import anyio
import msgspec
from litestar import Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException
from litestar.handlers import BaseRouteHandler
from litestar.params import Body, Parameter, QueryParameter

from dais import __version__
from dais.actors.observe import promql
from dais.actors.observe.query import MAX_RANGE
from dais.errors import ValidationFailed

from .observe import telemetry_reader
from .params import QUERY_TEXT_MAX, ProjectRef

__all__ = ["QUERY_TIMEOUT", "ROUTES"]

#: The longest a query may run, in seconds (a ``timeout`` parameter may shorten it).
QUERY_TIMEOUT = 60.0
#: The Prometheus API version dais answers as (clients choose what to ask by it).
PROMETHEUS_VERSION = "3.0.0"

_P = "/api/projects/{project:str}/prometheus/api/v1"
_TAGS = ["prometheus"]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(2262, 4, 11, tzinfo=UTC)  # nanoseconds since 1970 fit 64 bits until then
_LISTING_WINDOW = timedelta(hours=6)
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
_MATCHES = 32  # match[] selectors in one request: each is a read of the store
# Prometheus's own spellings of the earliest and latest times, which clients send for "ever".
_MIN_TIME = "-292273086-05-16T16:47:06Z"
_MAX_TIME = "292277025-08-18T07:12:54.999999999Z"


class _ApiError(Exception):
    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def _bad(message: str) -> _ApiError:
    return _ApiError(400, "bad_data", message)


def _error(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    """A refusal of the query or its parameters, in Prometheus's shape (Litestar's own
    refusals of a parameter included)."""
    if isinstance(exc, _ApiError):
        status, kind, message = exc.status, exc.kind, exc.message
    else:
        assert isinstance(exc, HTTPException)
        status, message = exc.status_code, str(exc.detail)
        if isinstance(exc.extra, list) and exc.extra:  # which parameter, and why
            message = "; ".join(f"{e.get('key')}: {e.get('message')}" for e in exc.extra)
        kind = "bad_data" if status < 500 else "internal"
    body = {"status": "error", "errorType": kind, "error": message}
    return Response(msgspec.json.encode(body), status_code=status, media_type="application/json")


_ERRORS: dict[type[Exception], Any] = {_ApiError: _error, HTTPException: _error}


async def _reader(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard: the caller may read the project's telemetry."""
    assert isinstance(connection, Request)
    await telemetry_reader(connection, connection.path_params["project"])


# --- answers --------------------------------------------------------------------------------


class QueryData(msgspec.Struct, rename="camel"):
    #: ``vector``, ``matrix`` or ``scalar``.
    result_type: str
    #: vector: ``[{"metric": {..}, "value": [t, "v"]}]``; matrix: ``[{"metric": {..},
    #: "values": [[t, "v"], ..]}]``; scalar: ``[t, "v"]``.
    result: Any


class QueryAnswer(msgspec.Struct, omit_defaults=True):
    status: str
    data: QueryData
    warnings: list[str] = []


class ListAnswer(msgspec.Struct, omit_defaults=True):
    status: str
    data: list[Any]
    warnings: list[str] = []


class Metadata(msgspec.Struct):
    type: str
    help: str
    unit: str


class MetadataAnswer(msgspec.Struct):
    status: str
    data: dict[str, list[Metadata]]


class BuildInfo(msgspec.Struct, rename="camel"):
    version: str
    revision: str
    branch: str
    build_user: str
    build_date: str
    go_version: str


class BuildInfoAnswer(msgspec.Struct):
    status: str
    data: BuildInfo


def _timestamp(seconds: float) -> float | int:
    """A time as Prometheus writes it: unix seconds to the millisecond."""
    ms = math.floor(seconds * 1000 + 0.5)
    return ms // 1000 if ms % 1000 == 0 else ms / 1000


def _point(seconds: float, value: float) -> list[Any]:
    return [_timestamp(seconds), promql.format_value(value)]


def _limited(items: list[Any], limit: int | None, warnings: list[str]) -> list[Any]:
    if limit and len(items) > limit:
        warnings.append(f"results truncated due to limit ({limit})")
        return items[:limit]
    return items


# --- parameters -----------------------------------------------------------------------------


def _time(name: str, text: str) -> datetime:
    """A Prometheus API time, to the millisecond.

    :raises _ApiError: bad_data naming the parameter.
    """
    text = text.strip()
    if _FLOAT.fullmatch(text):
        seconds = float(text)
        if not 0 <= seconds <= (_LATEST - _EPOCH).total_seconds():
            raise _bad(f'invalid parameter "{name}": {text} is not a time from 1970 to 2262')
        return _EPOCH + timedelta(milliseconds=math.floor(seconds * 1000 + 0.5))
    if text == _MIN_TIME:
        return _EPOCH
    if text == _MAX_TIME:
        return _LATEST
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise _bad(f'invalid parameter "{name}": cannot parse "{text[:64]}" to a valid timestamp')
    year, month, day, hour, minute, second = (int(match[i]) for i in range(1, 7))
    millis = int((match[7] or ".0")[1:4].ljust(3, "0"))
    zone = match[8]
    try:
        offset = timedelta(0)
        if zone not in ("Z", "z"):
            sign = -1 if zone[0] == "-" else 1
            offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        moment = datetime(year, month, day, hour, minute, second, millis * 1000, tzinfo=UTC)
        moment -= offset
    except (ValueError, OverflowError):
        raise _bad(
            f'invalid parameter "{name}": cannot parse "{text[:64]}" to a valid timestamp'
        ) from None
    if not _EPOCH <= moment <= _LATEST:
        raise _bad(f'invalid parameter "{name}": {text} is not a time from 1970 to 2262')
    return moment


def _duration(name: str, text: str) -> timedelta:
    """A Prometheus API duration: float seconds or ``1m30s``.

    :raises _ApiError: bad_data naming the parameter.
    """
    text = text.strip()
    if _FLOAT.fullmatch(text):
        seconds = float(text)
        if not math.isfinite(seconds) or abs(seconds) > 10 * 365 * 86400:
            raise _bad(f'invalid parameter "{name}": cannot parse "{text}" to a valid duration')
        return timedelta(seconds=seconds)
    try:
        return timedelta(microseconds=promql.parse_duration(text) // 1000)
    except ValidationFailed:
        raise _bad(
            f'invalid parameter "{name}": cannot parse "{text[:64]}" to a valid duration'
        ) from None


def _limit(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.strip().isascii() or not text.strip().isdigit() or len(text.strip()) > 12:
        raise _bad(
            f'invalid parameter "limit": cannot parse "{text[:64]}" to a non-negative integer'
        )
    return int(text) or None


def _timeout(text: str | None) -> float:
    if not text:
        return QUERY_TIMEOUT
    seconds = _duration("timeout", text).total_seconds()
    if seconds <= 0:
        raise _bad('invalid parameter "timeout": must be longer than zero')
    return min(seconds, QUERY_TIMEOUT)


def _expression(text: str | None) -> promql.Expr:
    if text is None or not text.strip():
        raise _bad('invalid parameter "query": no query given')
    try:
        return promql.parse(text)
    except ValidationFailed as exc:
        raise _bad(f'invalid parameter "query": {exc.rule}') from None


def _listing_range(
    start: str | None, end: str | None, warnings: list[str]
) -> tuple[datetime, datetime]:
    """The range of a series or label listing: the last six hours by default, the last 31
    days of a longer one."""
    last = _time("end", end) if end else datetime.now(UTC)
    first = _time("start", start) if start else last - _LISTING_WINDOW
    if last < first:
        raise _bad('invalid parameter "end": end timestamp must not be before start time')
    if last - first > MAX_RANGE:
        first = last - MAX_RANGE
        warnings.append(f"only the last {MAX_RANGE.days} days of the range were read")
    return first, last


def _params(
    request: Request[Any, Any, Any], form: Mapping[str, object] | None
) -> dict[str, list[str]]:
    """A POST's parameters: its form's, then its query string's (Prometheus reads both).

    :raises _ApiError: bad_data for a POST whose body is not a form.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/x-www-form-urlencoded":
        raise _bad(
            "a POST sends its parameters as an application/x-www-form-urlencoded body (or use GET)"
        )
    params: dict[str, list[str]] = {}
    for key, value in (form or {}).items():
        if isinstance(value, str):
            params[key] = [value]
        elif isinstance(value, list):
            params[key] = [str(v) for v in value]
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _one(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _failure(exc: ValidationFailed) -> _ApiError:
    """A query's own fault is bad data; the data's is an execution error."""
    if exc.field == "query":
        return _bad(exc.rule)
    return _ApiError(422, "execution", str(exc))


# --- handlers -------------------------------------------------------------------------------


async def _query(
    request: Request[Any, Any, Any],
    project: str,
    text: str | None,
    at: str | None,
    wait: str | None,
    limit: str | None,
) -> QueryAnswer:
    project_id = await telemetry_reader(request, project)
    expr = _expression(text)
    now = datetime.now(UTC)
    moment = _time("time", at) if at else now.replace(microsecond=now.microsecond // 1000 * 1000)
    most = _limit(limit)
    seconds = _timeout(wait)
    query = request.app.state.services.telemetry_query
    try:
        with anyio.fail_after(seconds):
            result = await promql.evaluate(query, project_id, expr, moment)
    except ValidationFailed as exc:
        raise _failure(exc) from None
    except TimeoutError:
        raise _ApiError(503, "timeout", f"query timed out after {seconds:g}s") from None
    warnings: list[str] = []
    at_seconds = (moment - _EPOCH).total_seconds()
    if isinstance(result, float):
        return QueryAnswer("success", QueryData("scalar", _point(at_seconds, result)))
    if isinstance(expr, promql.MatrixSelector):
        series = _limited(result, most, warnings)
        matrix = [
            {"metric": dict(s.labels), "values": [_point(t, v) for t, v in s.points]}
            for s in series
        ]
        return QueryAnswer("success", QueryData("matrix", matrix), warnings)
    samples = _limited(result, most, warnings)
    vector = [{"metric": dict(s.labels), "value": _point(at_seconds, s.value)} for s in samples]
    return QueryAnswer("success", QueryData("vector", vector), warnings)


async def _query_range(
    request: Request[Any, Any, Any],
    project: str,
    text: str | None,
    start: str | None,
    end: str | None,
    step: str | None,
    wait: str | None,
    limit: str | None,
) -> QueryAnswer:
    project_id = await telemetry_reader(request, project)
    expr = _expression(text)
    for name, value in (("start", start), ("end", end), ("step", step)):
        if not value:
            raise _bad(f'invalid parameter "{name}": missing')
    assert start and end and step
    first, last, width = _time("start", start), _time("end", end), _duration("step", step)
    if last < first:
        raise _bad('invalid parameter "end": end timestamp must not be before start time')
    if width <= timedelta(0):
        raise _bad(
            'invalid parameter "step": zero or negative query resolution step widths are not '
            "accepted. Try a positive integer"
        )
    if (last - first) // width + 1 > promql.MAX_STEPS:
        raise _bad(
            f"exceeded maximum resolution of {promql.MAX_STEPS:,} points per timeseries. "
            "Try decreasing the query resolution (?step=XX)"
        )
    if last - first > MAX_RANGE:
        raise _bad(f'invalid parameter "end": at most {MAX_RANGE.days} days after start')
    most = _limit(limit)
    seconds = _timeout(wait)
    query = request.app.state.services.telemetry_query
    try:
        with anyio.fail_after(seconds):
            result = await promql.evaluate_range(query, project_id, expr, first, last, width)
    except ValidationFailed as exc:
        raise _failure(exc) from None
    except TimeoutError:
        raise _ApiError(503, "timeout", f"query timed out after {seconds:g}s") from None
    warnings: list[str] = []
    if result and isinstance(result[0], tuple):  # a scalar: one series without labels
        points = [_point(t, v) for t, v in result]
        return QueryAnswer("success", QueryData("matrix", [{"metric": {}, "values": points}]))
    series = _limited(list(result), most, warnings)
    matrix = [
        {"metric": dict(s.labels), "values": [_point(t, v) for t, v in s.points]} for s in series
    ]
    return QueryAnswer("success", QueryData("matrix", matrix), warnings)


async def _series(
    request: Request[Any, Any, Any],
    project: str,
    matches: Sequence[str],
    start: str | None,
    end: str | None,
    limit: str | None,
    *,
    required: bool = False,
) -> tuple[list[dict[str, str]], list[str]]:
    """The label sets of the series the ``match[]`` selectors name, and warnings."""
    project_id = await telemetry_reader(request, project)
    if required and not matches:
        raise _bad("no match[] parameter provided")
    if len(matches) > _MATCHES:
        raise _bad(f'invalid parameter "match[]": at most {_MATCHES} selectors')
    warnings: list[str] = []
    first, last = _listing_range(start, end, warnings)
    most = _limit(limit)
    query = request.app.state.services.telemetry_query
    try:
        with anyio.fail_after(QUERY_TIMEOUT):
            found = await promql.series_labels(query, project_id, matches, first, last)
    except ValidationFailed as exc:
        if exc.field in ("match[]", "query"):
            raise _bad(f'invalid parameter "match[]": {exc.rule}') from None
        raise _failure(exc) from None
    except TimeoutError:
        raise _ApiError(503, "timeout", f"listing timed out after {QUERY_TIMEOUT:g}s") from None
    return _limited(found, most, warnings), warnings


async def _label_names(
    request: Request[Any, Any, Any],
    project: str,
    matches: Sequence[str],
    start: str | None,
    end: str | None,
    limit: str | None,
) -> ListAnswer:
    found, warnings = await _series(request, project, matches, start, end, None)
    names = sorted({name for labels in found for name in labels})
    return ListAnswer("success", _limited(names, _limit(limit), warnings), warnings)


async def _label_values(
    request: Request[Any, Any, Any],
    project: str,
    name: str,
    matches: Sequence[str],
    start: str | None,
    end: str | None,
    limit: str | None,
) -> ListAnswer:
    if not _LABEL_NAME.fullmatch(name):
        raise _bad(f'invalid label name: "{name[:64]}"')
    found, warnings = await _series(request, project, matches, start, end, None)
    values = sorted({labels[name] for labels in found if name in labels})
    return ListAnswer("success", _limited(values, _limit(limit), warnings), warnings)


# Parameters as the OpenAPI document shows them (and MCP tools take them). Each is read as
# text and checked here, so that every refusal is Prometheus's own shape.
_Query = Annotated[
    str,
    QueryParameter(name="query", description="A PromQL expression", max_length=QUERY_TEXT_MAX),
]
_Time = Annotated[
    str | None,
    QueryParameter(description="RFC 3339 or unix seconds; default: now", max_length=64),
]
_Moment = QueryParameter(description="RFC 3339 or unix seconds", max_length=64)
_Start = Annotated[str | None, _Moment]
_End = Annotated[str | None, _Moment]
_Step = Annotated[
    str,
    QueryParameter(description="Resolution: a duration (15s, 1m) or float seconds", max_length=64),
]
_Timeout = Annotated[
    str | None,
    QueryParameter(
        name="timeout",
        description=f"A duration; at most (and by default) {QUERY_TIMEOUT:g}s",
        max_length=64,
    ),
]
_Limit = Annotated[
    str | None,
    QueryParameter(description="At most this many series (0: no limit)", max_length=12),
]
_Match = Annotated[
    list[str] | None,
    QueryParameter(
        name="match[]", description="A series selector; repeat for more", max_items=_MATCHES
    ),
]
_LabelName = Annotated[
    str, Parameter(description="A label name", schema_extra={"pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$"})
]


# The same parameters as a form body, for POST (Grafana's default). Every field is optional
# here (the query string may carry any of them) and checked by the handler.
_Repeated = list[str] | str  # one match[] arrives as text, several as a list


class QueryForm(TypedDict, total=False):
    query: str
    time: str
    timeout: str
    limit: str


class RangeForm(TypedDict, total=False):
    query: str
    start: str
    end: str
    step: str
    timeout: str
    limit: str


# Functional syntax: "match[]" is no Python name.
SeriesForm = TypedDict(
    "SeriesForm",
    {"match[]": _Repeated, "start": str, "end": str, "limit": str},
    total=False,
)
_FORM = Body(media_type=RequestEncodingType.URL_ENCODED)


def _handlers(**kwargs: Any) -> dict[str, Any]:
    return {"tags": _TAGS, "exception_handlers": _ERRORS, "guards": [_reader], **kwargs}


@get(f"{_P}/query", **_handlers(summary="Evaluate a PromQL expression at one instant"))
async def prometheus_query(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    expr: _Query,
    time: _Time = None,
    wait: _Timeout = None,
    limit: _Limit = None,
) -> QueryAnswer:
    return await _query(request, project, expr, time, wait, limit)


@post(f"{_P}/query", status_code=200, **_handlers(summary="Evaluate PromQL at one instant (form)"))
async def prometheus_query_form(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    data: Annotated[QueryForm, _FORM],
) -> QueryAnswer:
    p = _params(request, data)
    return await _query(
        request, project, _one(p, "query"), _one(p, "time"), _one(p, "timeout"), _one(p, "limit")
    )


@get(f"{_P}/query_range", **_handlers(summary="Evaluate a PromQL expression over a time range"))
async def prometheus_query_range(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    expr: _Query,
    start: Annotated[str, _Moment],
    end: Annotated[str, _Moment],
    step: _Step,
    wait: _Timeout = None,
    limit: _Limit = None,
) -> QueryAnswer:
    return await _query_range(request, project, expr, start, end, step, wait, limit)


@post(
    f"{_P}/query_range",
    status_code=200,
    **_handlers(summary="Evaluate PromQL over a time range (form)"),
)
async def prometheus_query_range_form(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    data: Annotated[RangeForm, _FORM],
) -> QueryAnswer:
    p = _params(request, data)
    return await _query_range(
        request,
        project,
        *(_one(p, name) for name in ("query", "start", "end", "step", "timeout", "limit")),
    )


@get(f"{_P}/series", **_handlers(summary="The series that match selectors"))
async def prometheus_series(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    match: Annotated[
        list[str],
        QueryParameter(
            name="match[]",
            description="A series selector; repeat for more",
            min_items=1,
            max_items=_MATCHES,
        ),
    ],
    start: _Start = None,
    end: _End = None,
    limit: _Limit = None,
) -> ListAnswer:
    found, warnings = await _series(request, project, match, start, end, limit, required=True)
    return ListAnswer("success", found, warnings)


@post(
    f"{_P}/series", status_code=200, **_handlers(summary="The series that match selectors (form)")
)
async def prometheus_series_form(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    data: Annotated[SeriesForm, _FORM],
) -> ListAnswer:
    p = _params(request, data)
    found, warnings = await _series(
        request,
        project,
        p.get("match[]", []),
        _one(p, "start"),
        _one(p, "end"),
        _one(p, "limit"),
        required=True,
    )
    return ListAnswer("success", found, warnings)


@get(f"{_P}/labels", **_handlers(summary="The label names of the series that match selectors"))
async def prometheus_labels(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    match: _Match = None,
    start: _Start = None,
    end: _End = None,
    limit: _Limit = None,
) -> ListAnswer:
    return await _label_names(request, project, match or [], start, end, limit)


@post(
    f"{_P}/labels",
    status_code=200,
    **_handlers(summary="The label names of the series that match selectors (form)"),
)
async def prometheus_labels_form(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    data: Annotated[SeriesForm, _FORM],
) -> ListAnswer:
    p = _params(request, data)
    return await _label_names(
        request, project, p.get("match[]", []), _one(p, "start"), _one(p, "end"), _one(p, "limit")
    )


@get(f"{_P}/label/{{name:str}}/values", **_handlers(summary="The values a label takes"))
async def prometheus_label_values(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _LabelName,
    match: _Match = None,
    start: _Start = None,
    end: _End = None,
    limit: _Limit = None,
) -> ListAnswer:
    return await _label_values(request, project, name, match or [], start, end, limit)


@get(f"{_P}/metadata", **_handlers(summary="Each metric's type, help and unit"))
async def prometheus_metadata(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    metric: Annotated[
        str | None, QueryParameter(description="A metric name", max_length=4096)
    ] = None,
    limit: _Limit = None,
) -> MetadataAnswer:
    project_id = await telemetry_reader(request, project)
    most = _limit(limit)
    now = datetime.now(UTC)
    query = request.app.state.services.telemetry_query
    with anyio.fail_after(QUERY_TIMEOUT):
        found = await promql.metadata(query, project_id, now - timedelta(days=1), now)
    data: dict[str, list[Metadata]] = {}
    for name, kind, help_text, unit in found:
        if metric is not None and name != metric:
            continue
        entry = Metadata(kind, help_text, unit)
        if entry not in data.setdefault(name, []):
            data[name].append(entry)
    names = _limited(sorted(data), most, [])
    return MetadataAnswer("success", {name: data[name] for name in names})


@get(f"{_P}/status/buildinfo", **_handlers(summary="The Prometheus API version answered"))
async def prometheus_buildinfo(project: ProjectRef) -> BuildInfoAnswer:
    info = BuildInfo(PROMETHEUS_VERSION, f"dais {__version__}", "", "dais", "", "")
    return BuildInfoAnswer("success", info)


ROUTES = [
    prometheus_query,
    prometheus_query_form,
    prometheus_query_range,
    prometheus_query_range_form,
    prometheus_series,
    prometheus_series_form,
    prometheus_labels,
    prometheus_labels_form,
    prometheus_label_values,
    prometheus_metadata,
    prometheus_buildinfo,
]
