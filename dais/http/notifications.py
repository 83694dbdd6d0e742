"""Notification routes: the signed-in user's notifications, their live stream for the bell,
their settings; failed deliveries for admins.

``GET /api/user/notifications/stream`` is Server-Sent Events: an ``unread`` event with the
count at once, a ``notification`` event (the notification's JSON) for each new one, and a
comment every 15 seconds so proxies keep the connection open. The browser's EventSource
sends the session cookie; other clients send a bearer token.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get, post, put
from litestar.params import JSONBody, QueryParameter
from litestar.response import ServerSentEvent
from litestar.response.sse import ServerSentEventMessage

from dais.actors.identity.permissions import Permission
from dais.actors.notify import messages as nm
from dais.actors.notify.kinds import Channel, Kind
from dais.errors import ValidationFailed

from .auth import audit_context, principal, requires, signed_in
from .fields import DIGITS_PATTERN
from .paging import LIST_HEADERS, Page, PerPage, offset, paged
from .params import Id
from .streams import next_message

__all__ = ["ROUTES"]

_TAGS = ["notifications"]
_MINE = "/api/user/notifications"


class NotificationOut(msgspec.Struct):
    id: str
    kind: str
    project_id: str | None
    thread: str
    title: str
    body: str
    url: str
    actor: str | None
    created_at: datetime
    read_at: datetime | None


class UnreadOut(msgspec.Struct):
    count: int


_NotificationId = Annotated[str, msgspec.Meta(pattern=DIGITS_PATTERN)]
_Url = Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]


class MarkIn(msgspec.Struct, forbid_unknown_fields=True):
    #: Notification ids; leave out to mark every one. Ids that are not the caller's (or do
    #: not exist) change nothing.
    ids: Annotated[list[_NotificationId], msgspec.Meta(max_length=1000)] | None = None
    read: bool = True


class MarkedOut(msgspec.Struct):
    changed: int


class KindSettingOut(msgspec.Struct):
    kind: str
    in_app: bool
    email: bool
    webhook: bool


class SettingsOut(msgspec.Struct):
    kinds: list[KindSettingOut]
    email: str | None
    email_available: bool
    webhook_url: str | None
    webhook_has_secret: bool


class KindSettingIn(msgspec.Struct, forbid_unknown_fields=True):
    kind: Kind
    in_app: bool
    email: bool
    webhook: bool


class SettingsIn(msgspec.Struct, forbid_unknown_fields=True):
    kinds: Annotated[list[KindSettingIn], msgspec.Meta(max_length=len(Kind))] = []
    #: Where the webhook channel posts; null removes it; leave out to keep it.
    webhook_url: (
        Annotated[str, msgspec.Meta(min_length=1, max_length=2048)] | None | msgspec.UnsetType
    ) = msgspec.UNSET
    #: Signs the webhook's deliveries (as project webhooks are signed); '' removes it.
    webhook_secret: Annotated[str, msgspec.Meta(max_length=256)] | msgspec.UnsetType = msgspec.UNSET


class DeliveryOut(msgspec.Struct):
    id: str
    user_id: str
    username: str
    channel: str
    thread: str
    state: str
    attempts: int
    last_error: str | None
    notifications: int
    created_at: datetime
    due_at: datetime
    sent_at: datetime | None


def _out(n: nm.NotificationRecord) -> NotificationOut:
    return NotificationOut(
        id=str(n.id),
        kind=n.kind,
        project_id=None if n.project_id is None else str(n.project_id),
        thread=n.thread,
        title=n.title,
        body=n.body,
        url=n.url,
        actor=n.actor,
        created_at=n.created_at,
        read_at=n.read_at,
    )


def _settings_out(s: nm.Settings) -> SettingsOut:
    return SettingsOut(
        kinds=[
            KindSettingOut(
                kind=k.kind.value,
                in_app=Channel.IN_APP in k.channels,
                email=Channel.EMAIL in k.channels,
                webhook=Channel.WEBHOOK in k.channels,
            )
            for k in s.kinds
        ],
        email=s.email,
        email_available=s.email_available,
        webhook_url=s.webhook_url,
        webhook_has_secret=s.webhook_has_secret,
    )


def _channels(s: KindSettingIn) -> frozenset[Channel]:
    chosen = ((Channel.IN_APP, s.in_app), (Channel.EMAIL, s.email), (Channel.WEBHOOK, s.webhook))
    return frozenset(c for c, on in chosen if on)


async def _ask(request: Request[Any, Any, Any], message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(nm.ACTOR), message)


@get(_MINE, tags=_TAGS, summary="Your notifications, newest first", response_headers=LIST_HEADERS)
async def list_notifications(
    request: Request[Any, Any, Any],
    unread: Annotated[bool, QueryParameter(description="only unread ones")] = False,
    page: Page = 1,
    per_page: PerPage = 50,
) -> Response[list[NotificationOut]]:
    who = await principal(request)
    found, total = await _ask(
        request, nm.ListNotifications(who.user_id, unread, per_page, offset(page, per_page))
    )
    return paged(request, [_out(n) for n in found], page, per_page, total)


@get(f"{_MINE}/unread-count", tags=_TAGS, summary="How many of your notifications are unread")
async def unread_count(request: Request[Any, Any, Any]) -> UnreadOut:
    who = await principal(request)
    return UnreadOut(await _ask(request, nm.UnreadCount(who.user_id)))


@post(f"{_MINE}/read", tags=_TAGS, summary="Mark notifications read (or unread)", status_code=200)
async def mark_read(request: Request[Any, Any, Any], data: JSONBody[MarkIn]) -> MarkedOut:
    who = await principal(request)
    ids: tuple[int, ...] | None = None
    if data.ids is not None:
        ids = tuple(int(raw) for raw in data.ids)  # digits only, by the pattern
    changed = await _ask(request, nm.MarkRead(who.user_id, ids, data.read))
    return MarkedOut(changed)


@get(
    f"{_MINE}/stream",
    tags=_TAGS,
    summary="Your new notifications, live (Server-Sent Events)",
    guards=[signed_in],
)
async def stream(request: Request[Any, Any, Any]) -> ServerSentEvent:
    who = await principal(request)
    services = request.app.state.services
    subscription = services.broker.subscribe(nm.channel(who.user_id), maxsize=256)

    async def events() -> AsyncIterator[ServerSentEventMessage]:
        async with subscription as messages:
            # Subscribed first, counted second: nothing published in between is missed.
            count = await _ask(request, nm.UnreadCount(who.user_id))
            yield ServerSentEventMessage(data=json.dumps({"count": count}), event="unread")
            while True:
                message = await next_message(messages, services.stopping)
                if services.stopping.is_set():
                    return
                if message is None:
                    yield ServerSentEventMessage(data=None, comment="keep-alive")
                else:
                    yield ServerSentEventMessage(data=message.data.decode(), event="notification")

    return ServerSentEvent(
        events(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )


@get("/api/user/notification-settings", tags=_TAGS, summary="Your notification settings")
async def get_settings(request: Request[Any, Any, Any]) -> SettingsOut:
    who = await principal(request)
    return _settings_out(await _ask(request, nm.GetSettings(who.user_id)))


@put(
    "/api/user/notification-settings",
    tags=_TAGS,
    summary="Change your notification settings",
    guards=[signed_in],
)
async def put_settings(request: Request[Any, Any, Any], data: JSONBody[SettingsIn]) -> SettingsOut:
    who = await principal(request)
    kinds = tuple(nm.ChannelSettings(s.kind, _channels(s)) for s in data.kinds)
    if len({k.kind for k in kinds}) != len(kinds):
        raise ValidationFailed("kinds", "each kind at most once")
    url = nm.UNSET if data.webhook_url is msgspec.UNSET else data.webhook_url
    secret = None if data.webhook_secret is msgspec.UNSET else data.webhook_secret
    settings = await _ask(
        request,
        nm.PutSettings(who.user_id, kinds, audit_context(request, who), url, secret),
    )
    return _settings_out(settings)


_ADMIN = [requires(Permission.ADMIN_PLATFORM)]


@get(
    "/api/admin/notifications/failed",
    tags=["admin", *_TAGS],
    summary="Notification deliveries that gave up",
    guards=_ADMIN,
    response_headers=LIST_HEADERS,
)
async def failed(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 50
) -> Response[list[DeliveryOut]]:
    found, total = await _ask(request, nm.ListFailed(per_page, offset(page, per_page)))
    shown = [
        DeliveryOut(
            id=str(d.id),
            user_id=str(d.user_id),
            username=d.username,
            channel=d.channel,
            thread=d.thread,
            state=d.state,
            attempts=d.attempts,
            last_error=d.last_error,
            notifications=d.notifications,
            created_at=d.created_at,
            due_at=d.due_at,
            sent_at=d.sent_at,
        )
        for d in found
    ]
    return paged(request, shown, page, per_page, total)


@post(
    "/api/admin/notifications/deliveries/{delivery_id:int}/retry",
    tags=["admin", *_TAGS],
    summary="Send a failed notification delivery again",
    guards=_ADMIN,
    status_code=202,
)
async def retry(request: Request[Any, Any, Any], delivery_id: Id) -> None:
    who = await principal(request)
    await _ask(request, nm.RetryDelivery(delivery_id, audit_context(request, who)))


ROUTES = [
    list_notifications,
    unread_count,
    mark_read,
    stream,
    get_settings,
    put_settings,
    failed,
    retry,
]
