"""The event dispatcher's protocol, and what a subscriber hands it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import attrs

from dais.storage.outbox import Event

__all__ = [
    "DispatcherMessage",
    "Event",
    "EventHandler",
    "GetStatus",
    "Subscriber",
    "SubscriberStatus",
    "Wake",
]

EventHandler = Callable[[Event], Awaitable[None]]


@attrs.frozen
class Subscriber:
    """A durable consumer of committed events.

    ``name`` keys its cursor, so keep it stable across releases. ``handler`` must be
    idempotent on ``event.id``: delivery is at least once.
    """

    name: str
    handler: EventHandler
    kinds: frozenset[str] | None = None
    from_start: bool = False
    timeout: float = 30.0


@attrs.frozen
class Wake:
    """New events may be waiting (sent on NOTIFY, or by a test)."""


@attrs.frozen
class GetStatus:
    """Ask for every subscriber's cursor."""


@attrs.frozen
class SubscriberStatus:
    name: str
    last_id: int
    delivered: int
    failures: int
    last_error: str | None
    updated_at: datetime


DispatcherMessage = Wake | GetStatus
