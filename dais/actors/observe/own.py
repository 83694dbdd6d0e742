"""dais observes itself: its own logs, request spans and metrics, in a built-in project.

A fresh install shows dais's health in its own UI without anyone wiring an exporter: at
start a service user ``dais`` and its private project ``dais/dais`` are made (idempotently:
a restart, or two replicas starting together, find them; the database's unique constraints
decide a race), which platform administrators see as they see every project. Then, while
dais runs, three buffers feed that project's telemetry store, the same one OTLP fills:

- **logs**: :class:`LogBuffer`, a handler on the root logger, keeps dais's own records at
  INFO and above and other libraries' at WARNING and above. The access log is left out:
  each request's span carries the same fields.
- **request spans**: the edge (:mod:`dais.http.edge`) hands :class:`RequestSpans` one tuple
  per request; the span continues a caller's W3C ``traceparent``.
- **metrics**: every ``DAIS_SELF_TELEMETRY_INTERVAL`` seconds the Prometheus registry behind
  ``/metrics`` is read and stored as OTLP points.

Nothing here may slow or break what it watches: the handler and the edge only append to
bounded deques (past their capacity the oldest entry goes, counted in
``dais_self_telemetry_dropped_total``), never raise, and never call into the store; the
:class:`OwnTelemetry` actor drains them about once a second into Arrow tables, so a record
logged while it flushes simply waits for the next flush.

No ``traceparent`` is returned to the caller: W3C's ``traceresponse`` header is still a
draft, and the ``X-Request-Id`` every response carries is on the span
(``dais.request_id``) already.
"""

from __future__ import annotations

import collections
import logging
import math
import os
import re
import socket
import time
from typing import TYPE_CHECKING, Any

import anyio
import attrs
import pyarrow as pa
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector

from dais import __version__
from dais.actors.identity.messages import AuditContext, CreateUser, FindUsers, UserKind
from dais.actors.projects.messages import CreateProject, GetProject, ProjectPath, Visibility
from dais.errors import Conflict, TooManyRequests
from dais.runtime import Actor, ChildSpec

from .records import LOGS, METRICS, SPANS, Signal
from .store import WalFailed

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence

    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics_core import Metric

    from dais.actors.projects.messages import ProjectRecord
    from dais.services import Services

    from .store import TelemetryStore

__all__ = [
    "OWN_TELEMETRY",
    "LogBuffer",
    "OwnTelemetry",
    "RequestSpans",
    "Resource",
    "log_table",
    "metric_table",
    "parse_traceparent",
    "severity",
    "span_table",
    "watch_itself",
]

log = logging.getLogger(__name__)

#: Name the actor is registered under.
OWN_TELEMETRY = "observe.own"
#: The built-in project's owner, and the name used when a human already holds that one.
OWNER, FALLBACK_OWNER = "dais", "dais-telemetry"
PROJECT = "dais"
#: Seconds between flushes of the log and span buffers.
FLUSH_EVERY = 1.0
#: Entries each buffer holds at most between two flushes.
CAPACITY = 10_000

_NS = 1_000_000_000
_SERVER = 2  # SpanKind.SPAN_KIND_SERVER
_ERROR = 2  # Status.STATUS_CODE_ERROR


# --- the project --------------------------------------------------------------------------


async def ensure_project(services: Services) -> ProjectRecord | None:
    """The built-in project, made on the first start; None if neither owner name is free."""
    audit = AuditContext(actor_id=None, actor_name="dais", client_address=None, user_agent=None)
    for owner in (OWNER, FALLBACK_OWNER):
        user_id = await _service_user(services, owner, audit)
        if user_id is not None:
            if owner != OWNER:
                log.warning(
                    "the username %r belongs to another account; dais records its own "
                    "telemetry in %s/%s instead",
                    OWNER,
                    owner,
                    PROJECT,
                )
            return await _project(services, user_id, owner, audit)
    log.warning(
        "the usernames %r and %r both belong to other accounts; dais does not record "
        "its own telemetry (set DAIS_SELF_TELEMETRY=false to silence this)",
        OWNER,
        FALLBACK_OWNER,
    )
    return None


async def _service_user(services: Services, username: str, audit: AuditContext) -> int | None:
    """The id of the service user ``username`` (made if missing), or None if another
    account (a person, an agent, an inactive one) holds that name."""
    identity = services.system.ref("identity")
    for attempt in range(2):
        found, _ = await services.ask(identity, FindUsers(username, limit=1))
        if found and found[0].username == username:
            return found[0].id if found[0].kind is UserKind.SERVICE else None
        if attempt:  # taken, but not listed: an inactive account
            return None
        try:
            created = await services.ask(
                identity,
                CreateUser(
                    kind=UserKind.SERVICE,
                    username=username,
                    email=None,
                    display_name="dais",
                    password=None,  # a service user cannot sign in
                    is_admin=False,
                    audit=audit,
                ),
            )
        except Conflict:  # another replica made it a moment ago, or a person holds it
            continue
        return int(created.id)
    return None


async def _project(
    services: Services, owner_id: int, owner: str, audit: AuditContext
) -> ProjectRecord:
    projects = services.system.ref("projects")
    try:
        project: ProjectRecord = await services.ask(
            projects,
            CreateProject(
                owner_id=owner_id,
                owner=owner,
                name=PROJECT,
                visibility=Visibility.PRIVATE,
                description="dais's own logs, request spans and metrics.",
                default_branch="main",
                initialize_readme=False,
                audit=audit,
            ),
        )
        log.info("created the project %s for dais's own telemetry", project.path)
    except Conflict:
        project = await services.ask(projects, GetProject(ProjectPath(owner, PROJECT)))
    return project


async def watch_itself(services: Services) -> None:
    """Start recording dais's own telemetry, unless ``DAIS_SELF_TELEMETRY`` is off.

    Call it after the admin is bootstrapped (the first user of an empty database is the
    admin) and before the HTTP app is built (its edge picks ``services.own_spans`` up).
    """
    settings = services.settings
    if not settings.self_telemetry:
        return
    project = await ensure_project(services)
    if project is None:
        return
    logs, spans = LogBuffer(), RequestSpans()
    registry = services.metrics.registry
    registry.register(_Drops(logs, spans))
    services.own_spans = spans
    resource = Resource.here()
    store, interval = services.telemetry, settings.self_telemetry_interval
    await services.system.start_child(
        ChildSpec(
            OWN_TELEMETRY,
            lambda: OwnTelemetry(store, project.id, resource, logs, spans, registry, interval),
        )
    )
    log.info("recording dais's own telemetry in %s (project %d)", project.path, project.id)


# --- what is recorded about this process --------------------------------------------------


@attrs.frozen
class Resource:
    """The resource every row names: this dais process."""

    attributes: dict[str, str]
    started_ns: int

    @classmethod
    def here(cls) -> Resource:
        host, pid = socket.gethostname(), os.getpid()
        return cls(
            {
                "service.name": "dais",
                "service.version": __version__,
                "service.instance.id": f"{host}-{pid}",
                "host.name": host,
                "process.pid": str(pid),
            },
            _process_start_ns(),
        )


def _process_start_ns() -> int:
    """When this process started (Linux's /proc), else now: cumulative sums count from it."""
    try:
        with open("/proc/self/stat", "rb") as stat, open("/proc/stat", "rb") as system:
            # Field 22 (after the parenthesised command, which may hold spaces) is the
            # start in clock ticks since boot; /proc/stat's btime is the boot, in seconds.
            ticks = int(stat.read().rsplit(b")", 1)[1].split()[19])
            boot = next(int(line.split()[1]) for line in system if line.startswith(b"btime"))
        return (boot * _NS) + ticks * _NS // os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time_ns()


# --- logs ---------------------------------------------------------------------------------

_SEVERITY_BASE = {10: 5, 20: 9, 30: 13, 40: 17, 50: 21}  # DEBUG INFO WARN ERROR FATAL
_SEVERITY_TEXT = {"WARNING": "WARN", "CRITICAL": "FATAL"}  # as the OpenTelemetry SDK says


def severity(levelno: int, levelname: str) -> tuple[int, str]:
    """OTLP's severity number and text for a Python level, as the OpenTelemetry SDK maps
    them: each level and the three above it take the four numbers of its range (DEBUG to
    DEBUG4, ...), the rest of a decade the fourth; below DEBUG is unspecified."""
    if levelno < 10:
        return 0, levelname
    base = min(levelno // 10 * 10, 50)
    return _SEVERITY_BASE[base] + min(levelno - base, 3), _SEVERITY_TEXT.get(levelname, levelname)


@attrs.frozen
class LogEntry:
    """What a record leaves in the buffer: text only, no references to the caller's objects
    (a record's arguments may change after the call, its traceback holds whole frames)."""

    time_ns: int
    levelno: int
    levelname: str
    logger: str
    message: str
    filepath: str
    lineno: int
    exception_type: str | None
    exception_message: str | None
    stacktrace: str | None
    request_id: str | None


_FORMATTER = logging.Formatter()


class LogBuffer(logging.Handler):
    """Keeps dais's own records (INFO and above; other loggers' WARNING and above) for
    :class:`OwnTelemetry` to store. ``emit`` only copies a record into a bounded deque:
    logging holds the handler's lock around it, so the counts are exact."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        super().__init__(logging.INFO)
        self.addFilter(_own_or_warning)
        self.entries: collections.deque[LogEntry] = collections.deque(maxlen=capacity)
        self.received = 0
        self.taken = 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            entry = _entry(record)
        except Exception:  # noqa: BLE001 - logging's convention: report, never raise
            self.handleError(record)
            return
        self.received += 1
        self.entries.append(entry)

    def take(self) -> list[LogEntry]:
        """What is buffered now; a record logged meanwhile waits for the next call."""
        taken = _take(self.entries)
        self.taken += len(taken)
        return taken

    @property
    def dropped(self) -> int:
        return self.received - self.taken - len(self.entries)


def _own_or_warning(record: logging.LogRecord) -> bool:
    name = record.name
    if name == "dais.access":
        return False
    if name == "dais" or name.startswith("dais."):
        return True
    return record.levelno >= logging.WARNING


def _take(entries: collections.deque[Any]) -> list[Any]:
    return [entries.popleft() for _ in range(len(entries))]


def _entry(record: logging.LogRecord) -> LogEntry:
    exc_type = exc_message = stacktrace = None
    if record.exc_info and record.exc_info[0] is not None:
        kind, value, _ = record.exc_info
        exc_type = kind.__qualname__ if kind.__module__ == "builtins" else _qualified(kind)
        exc_message = str(value)
        stacktrace = record.exc_text or _FORMATTER.formatException(record.exc_info)
    request_id = record.__dict__.get("request_id")
    return LogEntry(
        time_ns=int(record.created * _NS),
        levelno=record.levelno,
        levelname=record.levelname,
        logger=record.name,
        message=record.getMessage(),
        filepath=record.pathname,
        lineno=record.lineno,
        exception_type=exc_type,
        exception_message=exc_message,
        stacktrace=stacktrace,
        request_id=None if request_id is None else str(request_id),
    )


def _qualified(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def log_table(entries: Sequence[LogEntry], resource: Resource, observed_ns: int) -> pa.Table:
    """LOGS rows for buffered records."""
    attributes = []
    numbers, texts = [], []
    for e in entries:
        number, text = severity(e.levelno, e.levelname)
        numbers.append(number)
        texts.append(text)
        fields = {"logger.name": e.logger}
        # dais turns caller lookup off (dais.logs: it halves a record's cost), so a record
        # says where it was logged only where logging was configured otherwise.
        if e.lineno:
            fields["code.file.path"] = e.filepath
            fields["code.line.number"] = str(e.lineno)
        if e.exception_type is not None:
            fields["exception.type"] = e.exception_type
            fields["exception.message"] = e.exception_message or ""
            fields["exception.stacktrace"] = e.stacktrace or ""
        if e.request_id is not None:
            fields["dais.request_id"] = e.request_id
        attributes.append(fields)
    n = len(entries)
    return pa.Table.from_pydict(
        {
            "time": [e.time_ns for e in entries],
            "observed_time": [observed_ns] * n,
            "severity_number": numbers,
            "severity_text": texts,
            "body": [e.message for e in entries],
            "trace_id": [None] * n,
            "span_id": [None] * n,
            "flags": [0] * n,
            "event_name": [None] * n,
            "attributes": attributes,
            # The OpenTelemetry SDK's handler names the scope after the logger, too.
            "scope_name": [e.logger for e in entries],
            "scope_version": [__version__] * n,
            **_resource_columns(resource, n),
        },
        schema=LOGS,
    )


def _resource_columns(resource: Resource, n: int) -> dict[str, list[Any]]:
    return {
        "service_name": [resource.attributes["service.name"]] * n,
        "resource_attributes": [resource.attributes] * n,
    }


# --- request spans ------------------------------------------------------------------------

# W3C Trace Context, section 3.2: version, trace id, parent id and flags in lower-case hex.
# A future version may append fields after a dash; version ff is never valid.
_TRACEPARENT = re.compile(
    rb"(?P<version>[0-9a-f]{2})-(?P<trace>[0-9a-f]{32})-(?P<parent>[0-9a-f]{16})-[0-9a-f]{2}"
)
_ZERO_TRACE, _ZERO_SPAN = b"0" * 32, b"0" * 16


def parse_traceparent(value: bytes) -> tuple[str, str] | None:
    """The trace id and parent span id of a ``traceparent`` header, or None when it is not
    one a receiver may continue (W3C Trace Context: any fault means start a new trace)."""
    match = _TRACEPARENT.match(value)
    if match is None:
        return None
    version, trace, parent = match["version"], match["trace"], match["parent"]
    if version == b"ff" or trace == _ZERO_TRACE or parent == _ZERO_SPAN:
        return None
    # Version 00 is exactly 55 characters; a later one may carry more after a dash.
    if len(value) != 55 and (version == b"00" or value[55:56] != b"-"):
        return None
    return trace.decode(), parent.decode()


#: What the edge records of a request: its end (Unix ns), duration (s), method, route
#: template (or ``<unmatched>``), status, path, request id and request headers.
RequestFields = tuple[int, float, str, str, int, str, bytes, "Sequence[tuple[bytes, bytes]]"]


class RequestSpans:
    """The requests answered since the last flush, as the edge saw them. ``record`` runs on
    every request, on the event loop: a tuple into a bounded deque, nothing more."""

    __slots__ = ("entries", "received", "taken")

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.entries: collections.deque[RequestFields] = collections.deque(maxlen=capacity)
        self.received = 0
        self.taken = 0

    def record(
        self,
        seconds: float,
        method: str,
        route: str,
        status: int,
        path: str,
        request_id: bytes,
        headers: Sequence[tuple[bytes, bytes]],
    ) -> None:
        self.received += 1
        self.entries.append(
            (time.time_ns(), seconds, method, route, status, path, request_id, headers)
        )

    def take(self) -> list[RequestFields]:
        taken = _take(self.entries)
        self.taken += len(taken)
        return taken

    @property
    def dropped(self) -> int:
        return self.received - self.taken - len(self.entries)


def _traceparent(headers: Sequence[tuple[bytes, bytes]]) -> tuple[str, str] | None:
    values = [value for name, value in headers if name == b"traceparent"]
    # Two traceparent headers contradict each other: W3C says start afresh.
    return parse_traceparent(values[0]) if len(values) == 1 else None


def span_table(
    requests: Sequence[RequestFields], resource: Resource, random_bytes: Any = os.urandom
) -> pa.Table:
    """SPANS rows for recorded requests: one server span each, named and described as the
    OpenTelemetry HTTP semantic conventions say (``GET /api/projects/{ref}``)."""
    cols: dict[str, list[Any]] = {k: [] for k in ("trace_id", "span_id", "parent_span_id")}
    names, starts, ends, durations, statuses, attributes = [], [], [], [], [], []
    for end_ns, seconds, method, route, status, path, request_id, headers in requests:
        continued = _traceparent(headers)
        trace_id, parent = continued or (random_bytes(16).hex(), None)
        cols["trace_id"].append(trace_id)
        cols["span_id"].append(random_bytes(8).hex())
        cols["parent_span_id"].append(parent)
        duration = round(seconds * _NS)
        starts.append(end_ns - duration)
        ends.append(end_ns)
        durations.append(duration)
        statuses.append(_ERROR if status >= 500 else 0)  # a 4xx is the client's fault
        # The edge says OTHER for a method it does not know; the conventions say _OTHER,
        # and name such a span "HTTP". A path no route matched has no template to name.
        known = method != "OTHER"
        span_attributes = {
            "http.request.method": method if known else "_OTHER",
            "http.response.status_code": str(status),
            "url.path": path,
            "dais.request_id": request_id.decode("ascii", "replace"),
        }
        name = method if known else "HTTP"
        if route != "<unmatched>":
            span_attributes["http.route"] = route
            name = f"{name} {route}"
        names.append(name)
        attributes.append(span_attributes)
    n = len(requests)
    return pa.Table.from_pydict(
        {
            **cols,
            "trace_state": [None] * n,
            "name": names,
            "kind": [_SERVER] * n,
            "start_time": starts,
            "end_time": ends,
            "duration_ns": durations,
            "status_code": statuses,
            "status_message": [None] * n,
            "attributes": attributes,
            "events": ["[]"] * n,
            "links": ["[]"] * n,
            "scope_name": ["dais.http"] * n,
            "scope_version": [__version__] * n,
            **_resource_columns(resource, n),
        },
        schema=SPANS,
    )


# --- metrics ------------------------------------------------------------------------------


def metric_table(families: Iterable[Metric], resource: Resource, now_ns: int) -> pa.Table:
    """METRICS rows for what a Prometheus registry collected at ``now_ns``: counters as
    cumulative monotonic sums counting from the process's start, gauges as gauges,
    histograms as OTLP histograms (per-bucket counts, bounds without +Inf). Label sets
    become point attributes. Other types (summaries, info, state sets) are not collected:
    dais's registry has none."""
    rows: list[dict[str, Any]] = []
    for family in families:
        base = {
            "name": family.name,
            "description": family.documentation or None,
            "unit": family.unit or None,
            "time": now_ns,
        }
        if family.type == "counter":
            for sample in family.samples:
                if sample.name.endswith("_total"):
                    rows.append(
                        base
                        | _SUM
                        | {
                            "start_time": resource.started_ns,
                            "value": float(sample.value),
                            "attributes": dict(sample.labels),
                        }
                    )
        elif family.type == "gauge":
            rows.extend(
                base | _GAUGE | {"value": float(s.value), "attributes": dict(s.labels)}
                for s in family.samples
            )
        elif family.type == "histogram":
            rows.extend(
                base | _HISTOGRAM | {"start_time": resource.started_ns} | point
                for point in _histogram_points(family)
            )
    n = len(rows)
    columns = {field.name: [row.get(field.name) for row in rows] for field in METRICS}
    columns |= {
        "scope_name": ["prometheus"] * n,
        "scope_version": [None] * n,
        **_resource_columns(resource, n),
    }
    return pa.Table.from_pydict(columns, schema=METRICS)


_SUM = {"kind": "sum", "temporality": "cumulative", "monotonic": True}
_GAUGE = {"kind": "gauge", "temporality": None, "monotonic": None}
_HISTOGRAM = {"kind": "histogram", "temporality": "cumulative", "monotonic": None}


def _histogram_points(family: Metric) -> Iterator[dict[str, Any]]:
    """One point per label set: Prometheus's cumulative ``le`` buckets become OTLP's counts
    per bucket, the bounds the finite ``le`` values (OTLP's last bucket is implicitly
    ``(last bound, +Inf)``)."""
    series: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
    for sample in family.samples:
        labels = {k: v for k, v in sample.labels.items() if k != "le"}
        point = series.setdefault(tuple(sorted(labels.items())), {"buckets": []})
        suffix = sample.name[len(family.name) :]
        if suffix == "_bucket":
            point["buckets"].append((float(sample.labels["le"]), sample.value))
        elif suffix in ("_sum", "_count"):
            point[suffix[1:]] = sample.value
    for key, point in series.items():
        buckets = sorted(point["buckets"])
        cumulative = [count for _, count in buckets]
        total = int(point.get("count", cumulative[-1] if cumulative else 0))
        counts = [
            int(count - previous)
            for previous, count in zip([0.0, *cumulative], cumulative, strict=False)
        ]
        bounds = [bound for bound, _ in buckets if not math.isinf(bound)]
        if len(counts) == len(bounds):  # no +Inf bucket: OTLP's last one holds the rest
            counts.append(total - int(cumulative[-1] if cumulative else 0))
        yield {
            "count": total,
            "sum": float(point.get("sum", 0.0)),
            "bucket_counts": counts,
            "explicit_bounds": bounds,
            "attributes": dict(key),
        }


class _Drops(Collector):
    """``dais_self_telemetry_dropped_total``: records and spans that the buffers let go of
    because flushes did not keep up (also on ``/metrics``)."""

    def __init__(self, logs: LogBuffer, spans: RequestSpans) -> None:
        self._logs, self._spans = logs, spans

    def collect(self) -> Iterator[Metric]:
        dropped = CounterMetricFamily(
            "dais_self_telemetry_dropped",
            "Own log records and request spans dropped before they could be stored.",
            labels=["signal"],
        )
        dropped.add_metric(["logs"], self._logs.dropped)
        dropped.add_metric(["traces"], self._spans.dropped)
        yield dropped


# --- the actor ----------------------------------------------------------------------------


class OwnTelemetry(Actor[None]):
    """Installs the log handler, then drains the buffers into the store about once a second
    and the registry every ``interval`` seconds; removes the handler and flushes at stop."""

    mailbox_size = 1

    def __init__(
        self,
        store: TelemetryStore,
        project_id: int,
        resource: Resource,
        logs: LogBuffer,
        spans: RequestSpans,
        registry: CollectorRegistry,
        interval: float,
    ) -> None:
        self._store = store
        self._project_id = project_id
        self._resource = resource
        self._logs = logs
        self._spans = spans
        self._registry = registry
        self._interval = interval

    async def started(self) -> None:
        logging.getLogger().addHandler(self._logs)

    async def background(self) -> None:
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._every, FLUSH_EVERY, self.flush)
            tg.start_soon(self._every, self._interval, self.collect)

    async def stopped(self) -> None:
        logging.getLogger().removeHandler(self._logs)
        await self.flush()

    async def _every(self, seconds: float, work: Callable[[], Awaitable[None]]) -> None:
        while True:
            await anyio.sleep(seconds)
            await work()

    async def flush(self) -> None:
        """Store the records and spans buffered now."""
        entries = self._logs.take()
        if entries:
            await self._append(Signal.LOGS, log_table(entries, self._resource, time.time_ns()))
        requests = self._spans.take()
        if requests:
            await self._append(Signal.TRACES, span_table(requests, self._resource))

    async def collect(self) -> None:
        """Store one reading of every metric ``/metrics`` serves."""
        table = metric_table(self._registry.collect(), self._resource, time.time_ns())
        await self._append(Signal.METRICS, table)

    async def _append(self, signal: Signal, table: pa.Table) -> None:
        try:
            await self._store.append(self._project_id, signal, table)
        except (TooManyRequests, WalFailed) as exc:
            # The store is behind or its disk failing; dais's own rows are the first to go.
            log.warning("own %s not stored (%d rows): %s", signal, table.num_rows, exc)
