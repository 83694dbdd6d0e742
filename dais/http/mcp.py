"""MCP over HTTP: ``/mcp`` (the protocol's streamable HTTP transport, stateless, JSON
answers), the JSON API the stdio server (``dais mcp``) calls (``/api/mcp/tools``), and the
RFC 9728 metadata that tells an MCP client how to authenticate.

``/mcp`` takes the API's bearer tokens only (a browser's session cookie is not a
credential here, so no page can make a visitor's browser call tools). Without one it is a
401 whose ``WWW-Authenticate`` names the metadata document. ``?toolsets=core,issues``
picks toolsets and ``?read_only=1`` hides every tool that writes, for both.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import parse_qs

import msgspec
from litestar import Request, asgi, get, post
from litestar.connection import ASGIConnection
from litestar.params import JSONBody, Parameter, QueryParameter
from litestar.types import (
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Receive,
    Scope,
    Send,
)

from dais.actors.identity.messages import Principal
from dais.errors import NotFound, Unauthorized, ValidationFailed
from dais.mcp.registry import TOOLSETS, TOOLSETS_PATTERN, build_tools
from dais.mcp.server import SCOPE_KEY, tool_json
from dais.mcp.toolbox import Toolbox, ToolRefused, parse_toolsets

from .auth import authenticate
from .openapi import document

__all__ = ["ROUTES", "toolbox_of"]

_TAGS = ["mcp"]
_METADATA = "/.well-known/oauth-protected-resource"


def toolbox_of(app: Any) -> Toolbox:
    """The app's tools, built from its own routes and OpenAPI document the first time."""
    toolbox: Toolbox | None = getattr(app.state, "mcp_toolbox", None)
    if toolbox is None:
        toolbox = Toolbox(build_tools(app, document(app)))
        app.state.mcp_toolbox = toolbox
    return toolbox


def _challenge(public_url: str) -> dict[str, str]:
    """The 401's ``WWW-Authenticate`` at ``/mcp``: where MCP clients learn how to sign in."""
    metadata = f"{public_url}{_METADATA}/mcp"
    return {"WWW-Authenticate": f'Bearer realm="dais", resource_metadata="{metadata}"'}


async def _bearer(connection: ASGIConnection[Any, Any, Any, Any]) -> tuple[Principal, str]:
    """The caller of a bearer token, and the ``Authorization`` header to forward.

    :raises Unauthorized: no bearer token, or one that is not valid (now).
    """
    header = connection.headers.get("authorization", "")
    if not header[:7].lower() == "bearer ":
        raise Unauthorized("send Authorization: Bearer <token> (an API token)")
    who = await authenticate(connection)
    if who is None or who.token_id is None:
        raise Unauthorized("the token is not valid, or no longer")
    return who, header


def _choice(toolsets: str | None, read_only: str | None) -> tuple[tuple[str, ...], bool]:
    try:
        chosen = parse_toolsets(toolsets)
    except ValueError as exc:
        raise ValidationFailed("toolsets", str(exc)) from None
    flag = (read_only or "").lower()
    if flag not in {"", "0", "1", "true", "false"}:
        raise ValidationFailed("read_only", "must be 1, 0, true or false")
    return chosen, flag in {"1", "true"}


def _first(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


async def _problem(send: Send, status: int, detail: str, headers: dict[str, str]) -> None:
    body = json.dumps({"type": "about:blank", "status": status, "detail": detail}).encode()
    raw: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", b"%d" % len(body)),
    ]
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    start: HTTPResponseStartEvent = {
        "type": "http.response.start",
        "status": status,
        "headers": raw,
    }
    await send(start)
    done: HTTPResponseBodyEvent = {"type": "http.response.body", "body": body, "more_body": False}
    await send(done)


@asgi("/mcp", is_mount=True, copy_scope=True, include_in_schema=False)
async def mcp_endpoint(scope: Scope, receive: Receive, send: Send) -> None:
    """The MCP endpoint (streamable HTTP): POST only, bearer tokens only."""
    app = scope["app"]
    services = app.state.services
    if scope.get("method") != "POST":
        # Stateless with JSON answers: there is no stream to open with GET, nor a session
        # to end with DELETE.
        await _problem(send, 405, "MCP here is POST only (stateless)", {"Allow": "POST"})
        return
    connection: ASGIConnection[Any, Any, Any, Any] = ASGIConnection(scope)
    try:
        who, authorization = await _bearer(connection)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        toolsets, read_only = _choice(_first(query, "toolsets"), _first(query, "read_only"))
    except Unauthorized as exc:
        await _problem(send, 401, exc.detail, _challenge(services.settings.public_url))
        return
    except ValidationFailed as exc:
        await _problem(send, 422, exc.detail, {})
        return
    host = services.mcp
    if host is None or host.manager is None:
        await _problem(send, 503, "the MCP transport is starting", {"Retry-After": "1"})
        return
    client = scope.get("client") or ("", 0)
    scope[SCOPE_KEY] = {  # type: ignore[literal-required]
        "services": services,
        "app": app.state.asgi,
        "toolbox": toolbox_of(app),
        "principal": who,
        "authorization": authorization,
        "client": (client[0], client[1]),
        "toolsets": toolsets,
        "read_only": read_only,
    }
    await host.manager.handle_request(scope, receive, send)


class CallIn(msgspec.Struct, forbid_unknown_fields=True):
    arguments: dict[str, Any] = msgspec.field(default_factory=dict)


class CallOut(msgspec.Struct):
    structured: dict[str, Any]
    text: str
    is_error: bool


_Toolsets = Annotated[
    str | None,
    QueryParameter(
        max_length=200,
        pattern=TOOLSETS_PATTERN,
        description=f"comma-separated, of: {', '.join(TOOLSETS)} (default all)",
    ),
]
_ReadOnly = Annotated[
    str | None, QueryParameter(pattern=r"^(0|1|true|false)$", description="1: no writers")
]


@get("/api/mcp/tools", tags=_TAGS, summary="The MCP tools this token may use")
async def list_tools(
    request: Request[Any, Any, Any], toolsets: _Toolsets = None, read_only: _ReadOnly = None
) -> list[dict[str, Any]]:
    who, _authorization = await _bearer(request)
    chosen, hide = _choice(toolsets, read_only)
    services = request.app.state.services
    tools = await toolbox_of(request.app).available(services, who, chosen, hide)
    return [tool_json(t) for t in tools]


@post(
    "/api/mcp/tools/{name:str}",
    tags=_TAGS,
    summary="Call an MCP tool (what dais mcp does for stdio clients)",
    status_code=200,
)
async def call_tool(
    request: Request[Any, Any, Any],
    name: Annotated[str, Parameter(max_length=100)],
    data: JSONBody[CallIn],
    toolsets: _Toolsets = None,
    read_only: _ReadOnly = None,
) -> CallOut:
    who, authorization = await _bearer(request)
    chosen, hide = _choice(toolsets, read_only)
    client = request.client
    try:
        outcome = await toolbox_of(request.app).call(
            request.app.state.services,
            request.app.state.asgi,
            who,
            authorization,
            (client.host, client.port) if client else ("", 0),
            name,
            data.arguments,
            toolsets=chosen,
            read_only=hide,
        )
    except ToolRefused as exc:
        raise NotFound(str(exc)) from None
    except ValueError as exc:
        field, _, rule = str(exc).partition(": ")
        raise ValidationFailed(field or "arguments", rule or str(exc)) from None
    return CallOut(outcome.structured, outcome.text, outcome.is_error)


class ResourceMetadata(msgspec.Struct):
    resource: str
    resource_name: str
    bearer_methods_supported: list[str]
    resource_documentation: str


@get(
    [_METADATA, f"{_METADATA}/mcp"],
    tags=_TAGS,
    summary="OAuth 2.0 protected resource metadata (RFC 9728) of /mcp",
)
async def resource_metadata(request: Request[Any, Any, Any]) -> ResourceMetadata:
    public_url = request.app.state.services.settings.public_url
    return ResourceMetadata(
        resource=f"{public_url}/mcp",
        resource_name="dais",
        # Tokens are made in dais (Settings, API tokens, or `dais admin create-token`) and
        # sent as a bearer header; there is no OAuth authorization server to discover.
        bearer_methods_supported=["header"],
        resource_documentation=f"{public_url}/api/openapi.json",
    )


ROUTES = [mcp_endpoint, list_tools, call_tool, resource_metadata]
