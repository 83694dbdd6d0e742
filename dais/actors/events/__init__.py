"""Domain events: the outbox dispatcher and its subscribers."""

from __future__ import annotations

from .dispatcher import EventDispatcher as EventDispatcher
from .messages import Subscriber as Subscriber
