"""The notifications domain's protocol. Other domains reach notifications only through here
(and through the outbox events the dispatcher reads).

Two actors speak it: ``notify`` (a person's notifications and settings; failed deliveries
for admins) and ``notify.sender`` (sends due email and webhook deliveries; told
:class:`Wake` when new ones are written). New notifications are published on the broker
channel :func:`channel` of their recipient, for the UI's live bell.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from dais.actors.identity.messages import AuditContext

from .kinds import Channel, Kind

__all__ = [
    "ACTOR",
    "SENDER",
    "ChannelSettings",
    "DeliveryRecord",
    "GetSettings",
    "ListFailed",
    "ListNotifications",
    "MarkRead",
    "NotificationRecord",
    "NotifyMessage",
    "PutSettings",
    "RetryDelivery",
    "Settings",
    "UNSET",
    "UnreadCount",
    "Wake",
    "channel",
]

ACTOR = "notify"
SENDER = "notify.sender"


def channel(user_id: int) -> str:
    """The broker channel a user's new notifications are published on (JSON, as the API
    shows them)."""
    return f"notify:user:{user_id}"


@attrs.frozen
class NotificationRecord:
    id: int
    kind: str
    project_id: int | None
    thread: str
    title: str
    body: str
    url: str
    actor: str | None
    created_at: datetime
    read_at: datetime | None


@attrs.frozen
class ChannelSettings:
    kind: Kind
    channels: frozenset[Channel]


@attrs.frozen
class Settings:
    """A person's choices: channels per kind, and their webhook (its secret write-only)."""

    kinds: tuple[ChannelSettings, ...]
    email: str | None  # where email goes: the account's address
    email_available: bool  # the server sends email at all (DAIS_SMTP_HOST)
    webhook_url: str | None
    webhook_has_secret: bool


@attrs.frozen
class DeliveryRecord:
    id: int
    user_id: int
    username: str
    channel: str
    thread: str
    state: str
    attempts: int
    last_error: str | None
    created_at: datetime
    due_at: datetime
    sent_at: datetime | None
    notifications: int


@attrs.frozen
class ListNotifications:
    """Newest first; answers ``(records, total)``."""

    user_id: int
    unread_only: bool
    limit: int
    offset: int


@attrs.frozen
class UnreadCount:
    user_id: int


@attrs.frozen
class MarkRead:
    """Mark ``ids`` read (all of the user's when None); answers how many changed."""

    user_id: int
    ids: tuple[int, ...] | None
    read: bool = True


@attrs.frozen
class GetSettings:
    user_id: int


#: A ``webhook_url`` that leaves the webhook as it is.
UNSET = "\x00unset"


@attrs.frozen
class PutSettings:
    """Change the channels of the kinds in ``kinds`` (others keep theirs), and the webhook:
    ``webhook_url`` None removes it, :data:`UNSET` keeps it; ``webhook_secret`` None keeps
    the secret, '' removes it."""

    user_id: int
    kinds: tuple[ChannelSettings, ...]
    audit: AuditContext
    webhook_url: str | None = UNSET
    webhook_secret: str | None = None


@attrs.frozen
class ListFailed:
    """Deliveries that gave up, newest first, for admins; answers ``(records, total)``."""

    limit: int
    offset: int


@attrs.frozen
class RetryDelivery:
    """Send a failed delivery again (its attempts start over)."""

    delivery_id: int
    audit: AuditContext


@attrs.frozen
class Wake:
    """Deliveries are due (to ``notify.sender``)."""


NotifyMessage = (
    ListNotifications
    | UnreadCount
    | MarkRead
    | GetSettings
    | PutSettings
    | ListFailed
    | RetryDelivery
)
