"""One MCP server (the ``mcp`` SDK's low-level ``Server``) over two backends.

- :class:`LocalBackend`, for ``/mcp`` inside dais: the edge has authenticated the caller
  and put them, their toolset choice and the app in the request's ASGI scope; tools run
  through the :class:`~dais.mcp.toolbox.Toolbox` in process.
- :class:`RemoteBackend`, for ``dais mcp`` over stdio: every list and call is a request to
  a remote dais's ``/api/mcp/tools`` with the configured token, so the remote server lists,
  checks and audits exactly as for ``/mcp``.

The SDK does not check arguments against a tool's input schema (2.x); the toolbox does,
and an argument error is a tool error the model can read and fix, not a protocol error.
An unknown tool, or one the caller may not use, is the protocol's invalid-params error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.shared.exceptions import MCPError

from dais import __version__

from .results import Outcome, ToolRefused

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import httpx
    from mcp.server.context import ServerRequestContext

    from dais.actors.identity.messages import Principal
    from dais.services import Services

    from .registry import Tool
    from .toolbox import Toolbox

__all__ = ["SCOPE_KEY", "Backend", "LocalBackend", "RemoteBackend", "build_server"]

log = logging.getLogger(__name__)

#: Where the ``/mcp`` route leaves what the local backend needs, in the ASGI scope.
SCOPE_KEY = "dais.mcp"

_INSTRUCTIONS = (
    "dais is a forge: projects (refer to one by id or as owner/name), their repositories, "
    "issues and merge requests. Lists are paged: pass next_cursor back as cursor."
)


class Backend(Protocol):
    async def list_tools(self, ctx: Any) -> list[dict[str, Any]]: ...

    async def call_tool(self, ctx: Any, name: str, arguments: dict[str, Any]) -> Outcome: ...


def tool_json(tool: Tool) -> dict[str, Any]:
    """A tool as ``tools/list`` (and ``/api/mcp/tools``) shows it."""
    return {
        "name": tool.name,
        "title": tool.description,
        "description": tool.description
        + (" (changes data)" if tool.spec.writes else " (read only)"),
        "inputSchema": tool.input_schema,
        "annotations": {
            "readOnlyHint": not tool.spec.writes,
            "destructiveHint": tool.spec.writes and tool.method == "DELETE",
        },
        "_meta": {"dais/toolset": tool.spec.toolset},
    }


class LocalBackend:
    """Tools in this process; the toolbox, the caller and the app come with each request."""

    @staticmethod
    def _state(ctx: ServerRequestContext) -> dict[str, Any]:
        request = ctx.request
        state = request.scope.get(SCOPE_KEY) if request is not None else None
        if not isinstance(state, dict):
            raise MCPError(code=types.INTERNAL_ERROR, message="no caller on this request")
        return state

    async def list_tools(self, ctx: Any) -> list[dict[str, Any]]:
        state = self._state(ctx)
        services: Services = state["services"]
        who: Principal = state["principal"]
        toolbox: Toolbox = state["toolbox"]
        tools = await toolbox.available(services, who, state["toolsets"], state["read_only"])
        return [tool_json(t) for t in tools]

    async def call_tool(self, ctx: Any, name: str, arguments: dict[str, Any]) -> Outcome:
        state = self._state(ctx)
        toolbox: Toolbox = state["toolbox"]
        return await toolbox.call(
            state["services"],
            state["app"],
            state["principal"],
            state["authorization"],
            state["client"],
            name,
            arguments,
            toolsets=state["toolsets"],
            read_only=state["read_only"],
        )


class RemoteBackend:
    """A remote dais's ``/api/mcp/tools``, with one token (``dais mcp``)."""

    def __init__(self, http: httpx.AsyncClient, toolsets: tuple[str, ...], read_only: bool) -> None:
        self._http = http
        self._query = {"toolsets": ",".join(toolsets), "read_only": str(read_only).lower()}

    @staticmethod
    def _refusal(response: httpx.Response) -> str:
        try:
            return str(response.json().get("detail") or response.reason_phrase)
        except ValueError:
            return f"HTTP {response.status_code}"

    async def list_tools(self, ctx: Any) -> list[dict[str, Any]]:
        response = await self._http.get("/api/mcp/tools", params=self._query)
        if response.status_code != 200:
            raise MCPError(
                code=types.INTERNAL_ERROR,
                message=f"dais answered {response.status_code}: {self._refusal(response)}",
            )
        tools: list[dict[str, Any]] = response.json()
        return tools

    async def call_tool(self, ctx: Any, name: str, arguments: dict[str, Any]) -> Outcome:
        response = await self._http.post(
            f"/api/mcp/tools/{name}", params=self._query, json={"arguments": arguments}
        )
        if response.status_code == 404:
            raise ToolRefused(f"unknown tool: {name}")
        if response.status_code == 422:
            raise ValueError(self._refusal(response))
        if response.status_code != 200:
            raise MCPError(
                code=types.INTERNAL_ERROR,
                message=f"dais answered {response.status_code}: {self._refusal(response)}",
            )
        body = response.json()
        return Outcome(body["structured"], body["text"], body["is_error"])


def build_server(
    backend: Backend, schemas: Callable[[str], Mapping[str, Any] | None] | None = None
) -> Server[Any]:
    """The MCP server: ``tools/list`` and ``tools/call`` through ``backend``; ``schemas``
    gives a tool's input schema by name without listing (the SDK checks ``Mcp-Param``
    headers with it)."""

    async def list_tools(
        ctx: ServerRequestContext, params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        tools = await backend.list_tools(ctx)
        return types.ListToolsResult(tools=[types.Tool.model_validate(t) for t in tools])

    async def call_tool(
        ctx: ServerRequestContext, params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        try:
            outcome = await backend.call_tool(ctx, params.name, dict(params.arguments or {}))
        except ToolRefused as exc:
            raise MCPError(code=types.INVALID_PARAMS, message=str(exc)) from None
        except ValueError as exc:
            return types.CallToolResult(
                content=[types.TextContent(type="text", text=f"invalid arguments: {exc}")],
                is_error=True,
            )
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=outcome.text)],
            structured_content=outcome.structured,
            is_error=outcome.is_error,
        )

    return Server(
        "dais",
        version=__version__,
        instructions=_INSTRUCTIONS,
        get_tool_input_schema=schemas,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
