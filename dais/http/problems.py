"""Every error leaves dais as RFC 9457 problem+json, mapped here and only here."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import asyncpg
from litestar import Response
from litestar.exceptions import HTTPException, SerializationException, ValidationException

from dais.errors import TooManyRequests, Unauthorized, Unavailable
from dais.runtime import (
    ActorCrashed,
    ActorStopped,
    AskTimeout,
    DomainError,
    HandlerFailed,
    MailboxFull,
)

from .fields import RULES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from litestar import Request
    from litestar.types import ExceptionHandlersMap

__all__ = ["PROBLEM_JSON", "exception_handlers", "path_as_sent", "problem", "status_title"]

log = logging.getLogger("dais.http")

# A lost or refused PostgreSQL connection: the request may succeed a moment later (503),
# unlike a bug (500).
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
)

PROBLEM_JSON = "application/problem+json"
# RFC 9110 renamed these; Python's http module keeps the RFC 7231 phrases.
_TITLES = {413: "Content Too Large", 422: "Unprocessable Content"}


def path_as_sent(scope: Any) -> str:
    """The request's path as the client sent it (still percent-encoded, no query).

    ``scope["path"]`` is decoded, and the edge rewrites an encoded slash in a project path;
    a problem's ``instance`` should be what the client can match against its own request.
    """
    raw = scope.get("raw_path")
    if raw:
        return bytes(raw).split(b"?", 1)[0].decode("latin-1")
    return str(scope.get("path", ""))


def status_title(status: int) -> str:
    return _TITLES.get(status) or HTTPStatus(status).phrase


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    request: Request[Any, Any, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    """Build a problem+json response; ``type`` stays ``about:blank`` as RFC 9457 allows."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or status_title(status),
        "status": status,
        "detail": detail,
    }
    if request is not None:
        body["instance"] = path_as_sent(request.scope)
    body.update(extra or {})
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if isinstance(exc, ValidationException):
        return _validation(request, exc)
    detail = exc.detail
    if isinstance(exc.__cause__, SerializationException):
        # Litestar turns a body it cannot decode into a bare 400 carrying msgspec's words.
        detail = f"request body is not valid JSON: {_json_problem(detail)}"
    elif status == 404 and detail in {"", "Not Found"}:
        detail = f"no route matches {request.method} {path_as_sent(request.scope)}"
    elif status == 405:
        allowed = (exc.headers or {}).get("allow", "")
        detail = f"{request.method} is not allowed on {path_as_sent(request.scope)}" + (
            f"; allowed: {allowed}" if allowed else ""
        )
    elif status == 413:
        detail = f"request body is larger than the limit of {request.app.state.max_body_size} bytes"
    extra = {"errors": exc.extra} if exc.extra else None
    return problem(status, detail, headers=exc.headers, request=request, extra=extra)


# msgspec names the field itself, not a path to it, when an object has one too many or one
# too few: "Object contains unknown field `priority`", "Object missing required field `x`".
_NAMED_FIELD = re.compile(r"(?:unknown|missing required) field `([^`]*)`")
# msgspec's words for a value a pattern refused.
_REGEX_RULE = re.compile(r"Expected `str` matching regex '(.*)'", re.DOTALL)
# msgspec's words for a ``\ud800``-style escape that is not half of a surrogate pair.
_SURROGATE = re.compile(r"surrogate pair(?: \(byte (\d+)\))?", re.IGNORECASE)
# And its message may end with where in the document it happened, e.g. " - at `$.labels[0]`",
# should Litestar not have split it off already.
_AT_PATH = re.compile(r" - at `\$(?:\.(?P<path>[^`]*))?`$")


def _field(error: dict[str, Any]) -> str:
    """The field an error is about, as a path into the body (``labels[0]``, ``a.b``) or the
    name of a parameter.

    Litestar's ``key`` is where msgspec stopped: ``data`` (the body) for an error about the
    whole object, else the path inside it (``labels[0]``). For an unknown or a missing field
    that is the object holding it, so the field msgspec names is appended.
    """
    key = str(error.get("key") or "")
    message = str(error.get("message", ""))
    at = _AT_PATH.search(message)
    if at is not None and at["path"] and key in {"", "data"}:
        key = at["path"]
    if key == "data" or key.startswith("data."):
        key = key[5:]
    named = _NAMED_FIELD.search(message)
    if named is not None:
        name = named[1] or '""'  # a field named by the empty string
        return f"{key}.{name}" if key else name
    return key or "body"


def _rule(error: dict[str, Any]) -> str | None:
    """msgspec's message without the path it may end with (the field names it), and a
    pattern's rule in words rather than as its regular expression."""
    message = error.get("message")
    if message is None:
        return None
    rule = _AT_PATH.sub("", str(message))
    matched = _REGEX_RULE.fullmatch(rule)
    if matched is not None:
        # msgspec quotes the pattern as Python's repr does (each backslash doubled).
        for pattern, words in RULES.items():
            if matched[1] in (pattern, repr(pattern)[1:-1]):
                return words
    return rule


def _json_problem(message: str) -> str:
    """msgspec's account of undecodable JSON, with a lone surrogate called by its name."""
    surrogate = _SURROGATE.search(message)
    if surrogate is None:
        return message
    at = f" near byte {surrogate[1]}" if surrogate[1] else ""
    return (
        f"a string holds a lone UTF-16 surrogate escape{at} (\\ud800 to \\udfff must come"
        " in high-low pairs); text cannot hold half a character"
    )


def _validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    # Litestar raises ValidationException both for a body that is not JSON at all and for a
    # well-formed body (or parameter) that breaks the declared types. The first is 400, the
    # second is 422, naming each field and the rule it broke.
    items = exc.extra if isinstance(exc.extra, list) else []
    body_errors = [e for e in items if isinstance(e, dict) and e.get("source") == "body"]
    malformed = [e for e in body_errors if "malformed" in str(e.get("message", "")).lower()]
    if malformed or (not items and "json" in exc.detail.lower()):
        reason = malformed[0]["message"] if malformed else exc.detail
        return problem(
            400, f"request body is not valid JSON: {_json_problem(reason)}", request=request
        )
    errors = [
        {"field": _field(e), "source": e.get("source"), "rule": _rule(e)}
        for e in items
        if isinstance(e, dict)
    ]
    status = 422 if body_errors else 400
    first = errors[0] if errors else None
    detail = f"{first['field']}: {first['rule']}" if first else exc.detail
    return problem(status, detail, request=request, extra={"errors": errors})


def _domain_error(request: Request[Any, Any, Any], exc: DomainError) -> Response[Any]:
    status = int(getattr(exc, "status", 400))
    headers = None
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    elif isinstance(exc, Unavailable):
        headers = {"Retry-After": "5"}
    elif isinstance(exc, Unauthorized):
        headers = {"WWW-Authenticate": 'Bearer realm="dais"'}
    return problem(
        status,
        str(exc),
        title=getattr(exc, "title", None),
        headers=headers,
        request=request,
        extra=getattr(exc, "extra", None),
    )


def _mailbox_full(request: Request[Any, Any, Any], exc: MailboxFull) -> Response[Any]:
    return problem(
        503,
        f"{exc.actor} is overloaded; try again shortly",
        headers={"Retry-After": "1"},
        request=request,
    )


def _ask_timeout(request: Request[Any, Any, Any], exc: AskTimeout) -> Response[Any]:
    return problem(504, f"{exc.actor} did not answer within {exc.timeout:g} s", request=request)


def _unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.error("actor unavailable on %s %s: %r", request.method, request.url.path, exc)
    return problem(
        503,
        "the service is restarting; try again shortly",
        headers={"Retry-After": "1"},
        request=request,
    )


def _request_id(request: Request[Any, Any, Any]) -> str:
    return str(request.scope.get("state", {}).get("request_id", "-"))


def _database_refusal(
    request: Request[Any, Any, Any], error: BaseException | None
) -> Response[Any] | None:
    """A constraint or a value PostgreSQL refused, as the 4xx it is, or None.

    The domain code should have said it first, in its own words (and the log says where
    it did not); this is the net under it, so a missed check is never a 500.
    """
    if not isinstance(error, asyncpg.PostgresError | asyncpg.exceptions._base.DataError):
        return None
    constraint = getattr(error, "constraint_name", None)
    named = f" (constraint {constraint})" if constraint else ""
    if isinstance(error, asyncpg.exceptions.TransactionRollbackError):
        status, detail = 503, "the change collided with another one at the same moment; retry it"
    elif isinstance(error, asyncpg.UniqueViolationError | asyncpg.ExclusionViolationError):
        status, detail = 409, f"the change conflicts with an existing record{named}"
    elif isinstance(error, asyncpg.ForeignKeyViolationError | asyncpg.RestrictViolationError):
        status, detail = 409, f"the change conflicts with records that refer to it{named}"
    elif isinstance(error, asyncpg.IntegrityConstraintViolationError):
        status, detail = 422, f"a value breaks a rule of the stored data{named}"
    elif isinstance(error, asyncpg.DataError | asyncpg.exceptions._base.DataError):
        status, detail = 422, "a value is out of range or not storable"
    else:
        return None
    log.warning(
        "database refused %s %s (request %s): %r; answered %d",
        request.method,
        request.url.path,
        _request_id(request),
        error,
        status,
    )
    headers = {"Retry-After": "1"} if status == 503 else None
    return problem(status, detail, headers=headers, request=request)


def _handler_failed(request: Request[Any, Any, Any], exc: HandlerFailed) -> Response[Any]:
    """An actor's handler failed on this request and the actor resumed (it serves on)."""
    cause = exc.__cause__
    error = cause if isinstance(cause, Exception) else exc
    return _failure(request, error, f"{exc.message_type} failed in actor {exc.actor} (resumed)")


def _internal(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return _failure(request, exc, "unhandled error")


def _failure(request: Request[Any, Any, Any], error: Exception, what: str) -> Response[Any]:
    """An unexpected error: a refusal PostgreSQL made (4xx), the database out of reach (503),
    or a bug (500); logged once, with the request id the answer names."""
    refused = _database_refusal(request, error)
    if refused is not None:
        return refused
    where = f"{request.method} {request.url.path} (request {_request_id(request)})"
    if isinstance(error, _CONNECTION_ERRORS):
        log.error("database unreachable on %s: %r", where, error)
        return problem(
            503,
            "the database cannot be reached; try again shortly",
            headers={"Retry-After": "5"},
            request=request,
        )
    log.error("%s on %s", what, where, exc_info=error)
    return problem(
        500,
        f"an internal error occurred (request {_request_id(request)}); it has been logged",
        request=request,
    )


def exception_handlers() -> ExceptionHandlersMap:
    return {
        HTTPException: _http_exception,
        DomainError: _domain_error,
        MailboxFull: _mailbox_full,
        AskTimeout: _ask_timeout,
        HandlerFailed: _handler_failed,
        ActorCrashed: _unavailable,
        ActorStopped: _unavailable,
        Exception: _internal,
    }
