"""The edge of the HTTP stack: a plain ASGI wrapper around the Litestar app.

It runs for every request, so it is written against raw ASGI rather than as Litestar
middleware: it stamps ``X-Request-Id``, refuses oversized bodies and non-JSON API bodies
before anything reads them, counts and times each request, and writes the access log.

It also answers the liveness probe, ``GET /healthz``, itself: liveness means "this process
serves HTTP", which the edge proves without the framework, and probes arrive every few
seconds from every load balancer and kubelet, so they should cost as little as possible
(measured: routing through Litestar doubles their cost). The Litestar route stays, for the
OpenAPI document and as the answer should the edge ever be bypassed.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from dais.json_depth import MAX_DEPTH, nesting_exceeds

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, MutableMapping, Sequence

    from dais.actors.observe.own import RequestSpans

    from .metrics import Metrics

    # Raw ASGI: the edge sees every scope type, so Litestar's TypedDicts do not fit here.
    Scope = MutableMapping[str, Any]
    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    ASGIApp = Callable[..., Awaitable[None]]

__all__ = ["Edge"]

access_log = logging.getLogger("dais.access")

_SLASHES = re.compile(r"//+")
_SANE_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:+/=-]{1,128}")
# Request ids: a random per-process prefix and a counter. Unique across replicas and
# restarts, and a tenth of the cost of uuid4 on the hot path.
_ID_PREFIX = os.urandom(8).hex().encode()
_id_counter = itertools.count(1)
_KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "REPORT"}
)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# The Prometheus API takes its POSTs as forms (Grafana's default): not JSON bodies.
_FORM_BODIES = re.compile(
    r"/api/projects/[^/]+/prometheus/api/v1/(?:query|query_range|series|labels)"
)


def _is_json(content_type: bytes) -> bool:
    media = content_type.split(b";", 1)[0].strip().lower()
    return media == b"application/json" or (
        media.startswith(b"application/") and media.endswith(b"+json")
    )


class Edge:
    """Wraps the app; see the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        metrics: Metrics,
        *,
        max_body_size: int,
        raw_body_prefixes: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_size = max_body_size
        # API paths whose bodies are not JSON (uploads); everything else under /api/ is JSON.
        self.raw_body_prefixes = tuple(raw_body_prefixes)
        # Where each request becomes one of dais's own spans (dais.actors.observe.own), if
        # dais watches itself: set on the services before the app is built.
        services = getattr(app, "state", {}).get("services")
        self.spans: RequestSpans | None = getattr(services, "own_spans", None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = b""
        content_length = -1
        content_type = b""
        chunked = False
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                if _SANE_REQUEST_ID.fullmatch(value):
                    request_id = value
            elif name == b"content-length":
                content_length = int(value) if value.isdigit() else -2
            elif name == b"content-type":
                content_type = value
            elif name == b"transfer-encoding":
                chunked = True
        if scope["path"].startswith("/api/projects/") and b"%2" in scope.get("raw_path", b""):
            _encoded_project_path(scope)
        if not request_id:
            request_id = b"%s%x" % (_ID_PREFIX, next(_id_counter))
        scope.setdefault("state", {})["request_id"] = request_id.decode()
        status = 500
        id_header = (b"x-request-id", request_id)

        # A request whose body the app answers without reading to its end leaves the
        # connection unusable; Hypercorn then closes it silently after the response, and a
        # client that sends its next request on it loses that one. Say so in the answer.
        # (HTTP/1 only: HTTP/2 has no connection header, and its streams do not share state.)
        body_pending = (content_length > 0 or chunked) and scope.get("http_version", "1.1") < "2"

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), id_header]
                if body_pending and (b"connection", b"close") not in headers:
                    headers.append((b"connection", b"close"))
                message["headers"] = headers
            await send(message)

        if body_pending:
            inner = receive

            async def receive_tracked() -> Message:
                nonlocal body_pending
                message = await inner()
                if message["type"] != "http.request" or not message.get("more_body", False):
                    body_pending = False
                return message

            receive = receive_tracked

        metrics = self.metrics
        metrics.in_flight += 1
        try:
            # Litestar collapses repeated slashes when routing; so must the checks.
            path: str = _SLASHES.sub("/", scope["path"])
            refusal = self._refuse(scope, path, content_length, chunked, content_type)
            if refusal is None and self._takes_json(scope, path) and _is_json(content_type):
                receive, refusal = await self._screen_json(receive)
            if refusal is not None:
                await _send_problem(send_with_id, scope, *refusal)
            elif scope["path"] == "/healthz" and scope["method"] in _PROBE_METHODS:
                await _send_alive(send_with_id, scope)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            metrics.in_flight -= 1
            elapsed = time.perf_counter() - started
            route = scope.get("path_template") or "<unmatched>"
            method = scope["method"]
            if method not in _KNOWN_METHODS:
                method = "OTHER"  # a client must not be able to mint metric series
            metrics.observe_request(method, route, status, elapsed)
            if self.spans is not None:
                self.spans.record(
                    elapsed, method, route, status, scope["path"], request_id, scope["headers"]
                )
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                path = scope["path"]
                access_log.info(
                    "request",
                    extra={
                        "method": method,
                        "path": path,
                        "status": status,
                        "route": route,
                        "duration_ms": round(elapsed * 1000, 3),
                        "request_id": request_id.decode(),
                        "client": client[0] if client else None,
                    },
                )

    def _takes_json(self, scope: Scope, path: str) -> bool:
        """Whether a request's body, if any, must be JSON: a POST, PUT or PATCH under /api/
        outside the raw-body prefixes and the Prometheus form routes (``path`` collapsed as
        Litestar routes it)."""
        return (
            scope["method"] in _BODY_METHODS
            and path.startswith("/api/")
            and not path.startswith(self.raw_body_prefixes or ("\0",))
            and not _FORM_BODIES.fullmatch(path)
        )

    async def _screen_json(self, receive: Receive) -> tuple[Receive, tuple[int, str] | None]:
        """Read a JSON API body whole (under the limit) and refuse one nested too deeply,
        before the framework's decoder recurses into it; the app then reads it replayed."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: so the app learns
                return _disconnected(message), None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_size:
                limit = self.max_body_size
                return receive, (413, f"request body is larger than the limit of {limit} bytes")
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if nesting_exceeds(body):
            return receive, (
                400,
                f"request body nests arrays and objects deeper than {MAX_DEPTH} levels",
            )
        return _replaying(body, receive), None

    def _refuse(
        self, scope: Scope, path: str, content_length: int, chunked: bool, content_type: bytes
    ) -> tuple[int, str] | None:
        if content_length == -2:
            return 400, "Content-Length is not a number"
        # The API's limit; git and other transports stream their bodies under limits of
        # their own (a push is far larger than any JSON body).
        if content_length > self.max_body_size and path.startswith("/api/"):
            return 413, f"request body is larger than the limit of {self.max_body_size} bytes"
        if (
            self._takes_json(scope, path)
            and (content_type or content_length > 0 or chunked)
            and not _is_json(content_type)
        ):
            # A declared type must be JSON; an undeclared one only for an empty body.
            shown = content_type.decode("latin-1") or "none"
            return 415, f"request body must be application/json (got content type {shown})"
        return None


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands over ``body`` in one message, then defers to ``receive``."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _disconnected(message: Message) -> Receive:
    """A ``receive`` for a client that left mid-body: the app never sees part of a body."""

    async def gone() -> Message:
        return message

    return gone


_ALIVE = b'{"status":"ok"}'
_ALIVE_HEADERS = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(_ALIVE)).encode()),
    (b"cache-control", b"no-store"),
]
_PROBE_METHODS = frozenset({"GET", "HEAD"})


async def _send_alive(send: Send, scope: Scope) -> None:
    """Answer the liveness probe here, before the framework (see the module docstring)."""
    scope["path_template"] = "/healthz"
    await send({"type": "http.response.start", "status": 200, "headers": list(_ALIVE_HEADERS)})
    body = b"" if scope["method"] == "HEAD" else _ALIVE
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _encoded_project_path(scope: Scope) -> None:
    """Keep ``/api/projects/alice%2Fweb/...`` one segment: the slash becomes ``~``.

    Routers match decoded paths, where the encoded slash would split the project's path in
    two. ``~`` cannot occur in an owner or project name, so the handler can turn it back.
    """
    raw: bytes = scope["raw_path"]
    parts = raw.split(b"?", 1)[0].split(b"/")
    if len(parts) < 4 or b"%2f" not in parts[3].lower():
        return
    project = unquote(parts[3].decode("latin-1")).replace("/", "~")
    rest = [unquote(p.decode("latin-1")) for p in parts[4:]]
    scope["path"] = "/".join(["", "api", "projects", project, *rest])


async def _send_problem(send: Send, scope: Scope, status: int, detail: str) -> None:
    from .problems import path_as_sent, status_title

    body = json.dumps(
        {
            "type": "about:blank",
            "title": status_title(status),
            "status": status,
            "detail": detail,
            "instance": path_as_sent(scope),
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})
