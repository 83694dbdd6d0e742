"""The running process's shared parts, handed to HTTP handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import asyncpg
import attrs

from dais.config import Settings
from dais.http.metrics import Metrics
from dais.runtime import ActorSystem
from dais.storage.broker import Broker

if TYPE_CHECKING:
    from dais.runtime import ActorRef

__all__ = ["Services"]

M = TypeVar("M")


@attrs.define
class Services:
    settings: Settings
    pool: asyncpg.Pool[Any]
    broker: Broker
    system: ActorSystem
    metrics: Metrics
    #: Set when the server begins to stop: long-lived responses (event streams) end then,
    #: rather than hold the drain up to its timeout.
    stopping: anyio.Event = attrs.field(factory=anyio.Event)
    #: The MCP transport (``dais.mcp.host``), once its actor runs.
    mcp: Any = None
    #: The build engine's stores (``dais.actors.builds.service.BuildEngine``), once started.
    builds: Any = None
    #: The telemetry store (``dais.actors.observe.store.TelemetryStore``), once started.
    telemetry: Any = None
    #: Queries over it (``dais.actors.observe.query.TelemetryQuery``).
    telemetry_query: Any = None
    #: The live tail of logs (``dais.actors.observe.tail.LogTail``), once started.
    log_tail: Any = None
    #: The edge's record of requests for dais's own spans
    #: (``dais.actors.observe.own.RequestSpans``), when dais watches itself.
    own_spans: Any = None

    async def ask(self, ref: ActorRef[M], message: M) -> Any:
        """Ask an actor on behalf of an HTTP request, bounded by ``DAIS_ASK_TIMEOUT``."""
        return await ref.ask(message, timeout=self.settings.ask_timeout)
