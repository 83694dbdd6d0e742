"""The webhooks domain's protocol. Other domains import webhooks only through here.

Two actors speak it: ``webhooks`` (hooks, their delivery log, pings and redeliveries) and
``webhooks.sender`` (sends due deliveries; told :class:`Wake` when new ones are written).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import attrs

from dais.actors.identity.messages import AuditContext

__all__ = [
    "ACTOR",
    "SENDER",
    "AttemptRecord",
    "CreateHook",
    "DeleteHook",
    "DeliveryDetail",
    "DeliveryRecord",
    "DeliveryState",
    "GetDelivery",
    "GetHook",
    "HookEvent",
    "HookRecord",
    "ListDeliveries",
    "ListHooks",
    "Ping",
    "Redeliver",
    "UpdateHook",
    "Wake",
    "WebhookMessage",
]

#: Names the actors are registered under.
ACTOR = "webhooks"
SENDER = "webhooks.sender"


class HookEvent(enum.StrEnum):
    """What a hook may subscribe to (the ``X-Dais-Event`` header)."""

    PUSH = "push"
    TAG_PUSH = "tag_push"
    ISSUE = "issue"
    ISSUE_COMMENT = "issue_comment"
    MERGE_REQUEST = "merge_request"
    REVIEW = "review"
    PIPELINE = "pipeline"  # pipeline.created / .running / .finished
    DEPLOYMENT = "deployment"  # reserved for deploys
    ALERT = "alert"  # alert.firing / .resolved


class DeliveryState(enum.StrEnum):
    PENDING = "pending"  # not sent yet, or waiting for its next attempt
    DELIVERED = "delivered"  # the receiver answered 2xx
    FAILED = "failed"  # attempts used up, or an answer that retrying cannot change
    BLOCKED = "blocked"  # the address is not allowed: nothing was sent


@attrs.frozen
class HookRecord:
    id: int
    project_id: int
    url: str
    events: tuple[HookEvent, ...]
    active: bool
    has_secret: bool
    consecutive_failures: int
    disabled_reason: str | None
    disabled_at: datetime | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class DeliveryRecord:
    """A delivery as the log lists it."""

    id: int
    uuid: str
    hook_id: int
    event: str
    action: str | None
    source: str  # event | ping | redelivery
    state: DeliveryState
    attempts: int
    response_status: int | None
    duration_ms: int | None
    error: str | None
    redelivery_of: int | None
    created_at: datetime
    next_attempt_at: datetime | None  # while pending
    completed_at: datetime | None


@attrs.frozen
class AttemptRecord:
    number: int
    outcome: str  # delivered | failed | retry | blocked
    url: str | None  # where it was sent (None: recorded before dais kept it)
    request_headers: dict[str, str]
    address: str | None  # the vetted IP address connected to
    response_status: int | None
    response_headers: dict[str, str] | None
    response_body: str | None
    response_truncated: bool
    duration_ms: int
    error: str | None
    started_at: datetime


@attrs.frozen
class DeliveryDetail:
    delivery: DeliveryRecord
    url: str
    request_body: str
    attempts: tuple[AttemptRecord, ...]  # oldest first


@attrs.frozen
class ListHooks:
    project_id: int


@attrs.frozen
class GetHook:
    project_id: int
    hook_id: int


@attrs.frozen
class CreateHook:
    project_id: int
    url: str
    secret: str
    events: frozenset[HookEvent]
    active: bool
    audit: AuditContext


@attrs.frozen
class UpdateHook:
    """``changes`` holds any of url, secret, events (a frozenset of HookEvent), active."""

    project_id: int
    hook_id: int
    changes: dict[str, Any]
    audit: AuditContext


@attrs.frozen
class DeleteHook:
    project_id: int
    hook_id: int
    audit: AuditContext


@attrs.frozen
class ListDeliveries:
    """Newest first; only ids below ``before`` when given. Replies ``(records, total)``."""

    project_id: int
    hook_id: int
    limit: int
    before: int | None = None
    offset: int = 0


@attrs.frozen
class GetDelivery:
    project_id: int
    hook_id: int
    delivery_id: int


@attrs.frozen
class Redeliver:
    """Send a delivery's body again, as a new delivery (a new ``X-Dais-Delivery``)."""

    project_id: int
    hook_id: int
    delivery_id: int
    audit: AuditContext


@attrs.frozen
class Ping:
    """A ``ping`` delivery; ``project`` and ``sender`` are the payload's objects."""

    project_id: int
    hook_id: int
    project_path: str
    sender_id: int
    sender_username: str
    audit: AuditContext


@attrs.frozen
class Wake:
    """For the sender: deliveries may be due now."""


WebhookMessage = (
    ListHooks
    | GetHook
    | CreateHook
    | UpdateHook
    | DeleteHook
    | ListDeliveries
    | GetDelivery
    | Redeliver
    | Ping
)
