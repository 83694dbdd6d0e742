"""The OpenAPI document, told the truth: what Litestar generates, finished by one pass.

Litestar documents each operation's success and a generic 400 shaped like its own error
body; dais answers every error as RFC 9457 problem+json, from the edge, the guards, the
domain and the runtime alike. This pass documents those answers where they apply, by
rules that follow from how dais is built (see :func:`_error_statuses`), describes each
request body as msgspec (the decoder) does, and takes the content off answers that carry
none (204). ``GET /api/openapi.json`` and ``dais openapi``
both serve what :func:`document` returns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import msgspec
from litestar.routes import HTTPRoute

from .fields import DATETIME_PATTERN
from .problems import status_title

if TYPE_CHECKING:
    from litestar import Litestar

__all__ = ["PROBLEM_SCHEMA", "document"]

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An RFC 9457 problem: every error dais answers.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string", "description": "The request's path as sent."},
        "errors": {
            "type": "array",
            "description": "Each field that broke a rule, and the rule.",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "source": {"type": ["string", "null"]},
                    "rule": {"type": ["string", "null"]},
                },
            },
        },
    },
    # Problems may carry members of their own (a 409 names what is in the way, ...).
    "additionalProperties": True,
}

_WHY = {
    400: "A parameter, a header or the body is malformed (each named in `errors`).",
    401: "Not signed in, or the credentials are not valid (see `WWW-Authenticate`).",
    403: "Signed in, but not allowed: a missing permission or scope, or a cross-site request.",
    404: "No such resource, or one the caller may not see.",
    409: "The change conflicts with the resource's current state.",
    413: "The body is larger than the limit.",
    415: "The body is not application/json.",
    422: "The body or a parameter is well-formed but breaks a rule (each named in `errors`).",
    429: "Too many attempts; retry after `Retry-After` seconds.",
    503: "Overloaded, restarting or without its database; retry after `Retry-After` seconds.",
    504: "A part of dais did not answer in time.",
}
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}
_AUTHENTICATE = {
    "WWW-Authenticate": {"description": "How to authenticate.", "schema": {"type": "string"}}
}
#: Answers that are not JSON: what their bytes may be.
_STREAMS = {
    ("/api/projects/{project}/repository/archive", "get"): ("application/gzip", "application/zip"),
    # A file as stored: its type is guessed from its name (text/plain, image/png, ...).
    ("/api/projects/{project}/repository/raw", "get"): ("*/*",),
}
#: The Grafana-compatible APIs answer errors as their originals do, which is what their clients
#: read: Prometheus in its JSON envelope (``{"status": "error", "errorType", "error"}``),
#: Loki and Tempo as plain text. Refusals made before the handler runs (the edge, a full
#: mailbox) stay problem+json, so both are documented.
_NATIVE_ERRORS = (
    (
        "/prometheus/api/",
        "application/json",
        {
            "type": "object",
            "required": ["status", "errorType", "error"],
            "properties": {
                "status": {"const": "error"},
                "errorType": {"type": "string"},
                "error": {"type": "string"},
            },
        },
    ),
    ("/loki/api/", "text/plain", {"type": "string"}),
    ("/tempo/api/", "text/plain", {"type": "string"}),
)
#: Tempo's trace by id is protobuf when asked for (what Grafana asks for), JSON otherwise.
_ALSO_PROTOBUF = re.compile(r"/tempo/api/(v2/)?traces/")
_BODY_METHODS = frozenset({"post", "put", "patch"})
_CHANGES = frozenset({"post", "put", "patch", "delete"})
#: Answered without a caller and without parameters: no 401, 403 or 404 to give.
_OPEN = frozenset({"/healthz", "/readyz", "/api/version"})
#: Counted against a caller or an address by the sign-in throttle.
_THROTTLED = frozenset(
    {
        "/api/auth/login",
        "/api/auth/passkeys/login/options",
        "/api/auth/passkeys/login/verify",
        "/api/user/password",
    }
)


def document(app: Litestar) -> dict[str, Any]:
    """The finished OpenAPI 3.1 document of ``app``."""
    doc: dict[str, Any] = app.openapi_schema.to_schema()
    schemas: dict[str, Any] = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    _request_bodies(app, doc, schemas)
    _walk(doc, _datetimes_as_patterns)
    for path, item in doc.get("paths", {}).items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete", "head", "options"}:
                _finish(path, method, operation)
                for parameter in operation.get("parameters", []):
                    _exact_bounds(parameter.get("schema", {}))
    return doc


def _request_bodies(app: Litestar, doc: dict[str, Any], schemas: dict[str, Any]) -> None:
    """Each JSON body as msgspec itself describes the struct it decodes into.

    Litestar's rendering drops constraints on list items and leaves unknown fields open;
    msgspec's is the contract the decoder enforces (``additionalProperties: false`` for a
    struct that forbids unknown fields). A struct may add what JSON Schema can say but a
    type cannot (one field or another, a field required by another's value) in
    ``json_schema_extra``.
    """
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        item = doc.get("paths", {}).get(route.path_format, {})
        for handler in route.route_handlers:
            data = handler.parsed_fn_signature.parameters.get("data")
            struct = getattr(data, "annotation", None)
            if not (isinstance(struct, type) and issubclass(struct, msgspec.Struct)):
                continue
            (top,), components = msgspec.json.schema_components(
                [struct], ref_template="#/components/schemas/{name}"
            )
            body = components.pop(struct.__name__, top)
            body.update(getattr(struct, "json_schema_extra", {}))
            for name, component in components.items():
                schemas.setdefault(name, component)
            for method in handler.http_methods:
                operation = item.get(method.lower())
                if operation is not None and "requestBody" in operation:
                    content = operation["requestBody"].setdefault("content", {})
                    content["application/json"] = {"schema": body}


def _walk(node: Any, visit: Any) -> None:
    """Call ``visit`` on every object in the document, depth first."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _datetimes_as_patterns(schema: dict[str, Any]) -> None:
    """``format: date-time`` is an annotation in JSON Schema 2020-12, not a rule: a client
    may send ``""`` as a valid one. The pattern says what dais takes."""
    if schema.get("format") == "date-time" and "pattern" not in schema:
        schema["pattern"] = DATETIME_PATTERN


def _exact_bounds(schema: dict[str, Any]) -> None:
    """Litestar writes integer bounds as floats (``1.0``); a bound is an integer here."""
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        value = schema.get(key)
        if isinstance(value, float) and value.is_integer():
            schema[key] = int(value)
    for nested in schema.get("oneOf", []) + schema.get("anyOf", []):
        _exact_bounds(nested)


def _finish(path: str, method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for code, answer in responses.items():
        if code == "204":
            answer.pop("content", None)
    streamed = _STREAMS.get((path, method))
    if streamed is not None:
        binary = {"schema": {"type": "string", "format": "binary"}}
        responses["200"]["content"] = {media: binary for media in streamed}
    if _ALSO_PROTOBUF.search(path) and "200" in responses:
        responses["200"].setdefault("content", {})["application/protobuf"] = {
            "schema": {"type": "string", "format": "binary"}
        }
    native = next((n for n in _NATIVE_ERRORS if n[0] in path), None)
    params = operation.get("parameters", [])
    for status in _error_statuses(path, method, params, "requestBody" in operation):
        content: dict[str, Any] = {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        }
        if native is not None:
            content[native[1]] = {"schema": native[2]}
        response = {"description": _WHY.get(status, status_title(status)), "content": content}
        if status in {429, 503}:
            response["headers"] = _RETRY_AFTER
        elif status == 401:
            response["headers"] = _AUTHENTICATE
        responses[str(status)] = response  # replaces Litestar's own 400


def _error_statuses(
    path: str, method: str, params: list[dict[str, Any]], has_body: bool
) -> list[int]:
    """Which errors an operation can answer, by what it takes and where it lives.

    Every operation: 400 (the edge refuses a malformed request before routing), 503 (a full
    mailbox, a restarting actor, no database) and 504 (``DAIS_ASK_TIMEOUT``). Past the
    probes: 401 and 403 (who the caller is and what they may do; a state change through a
    session cookie must come from dais's origin), 404 where a path or body names something.
    Changes: 409. A body (any POST, PUT or PATCH, declared or not: the edge checks them all):
    413 and 415. A body or a query: 422. Sign-in and password routes: 429.
    """
    statuses = {400, 503, 504}
    if path not in _OPEN:
        statuses |= {401, 403}
        if "{" in path or has_body:
            statuses.add(404)
    if method in _CHANGES:
        statuses.add(409)
    if method in _BODY_METHODS:
        statuses |= {413, 415}
    if has_body or any(p.get("in") == "query" for p in params):
        statuses.add(422)
    if path in _THROTTLED:
        statuses.add(429)
    return sorted(statuses)
