"""The MCP transport's home in the process: the SDK's session manager must run inside a task
group that outlives every request, so an actor holds it (restarted, it makes a new one: a
manager runs once)."""

from __future__ import annotations

import logging
from typing import Any

import anyio
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

from dais.runtime import Actor

from .server import LocalBackend, build_server

__all__ = ["McpHost", "McpTransport"]

# The SDK logs every stateless request's end at INFO ("Terminating session: None").
logging.getLogger("mcp").setLevel(logging.WARNING)


class McpHost:
    """What ``/mcp`` hands requests to, once :class:`McpTransport` has started it."""

    def __init__(self) -> None:
        # Stateless, JSON answers: Claude Code's HTTP client keeps stale session ids, and
        # nothing here needs a session (no server-to-client requests).
        self.server = build_server(LocalBackend())
        self.manager: StreamableHTTPSessionManager | None = None
        self.ready = anyio.Event()

    def new_manager(self) -> StreamableHTTPSessionManager:
        return StreamableHTTPSessionManager(app=self.server, stateless=True, json_response=True)


class McpTransport(Actor[Any]):
    def __init__(self, host: McpHost) -> None:
        self._host = host

    async def receive(self, message: Any) -> None:
        return None

    async def background(self) -> None:
        manager = self._host.new_manager()
        async with manager.run():
            self._host.manager = manager
            self._host.ready.set()
            try:
                await anyio.sleep_forever()
            finally:
                self._host.manager = None
                self._host.ready = anyio.Event()
