"""Webhook routes: a project's hooks, their delivery log, redeliveries and pings.

Everything here needs ``project:admin`` on the project (a hook's URL and its log can carry
what only admins should see); a private project is a 404 to everyone else, and an archived
one is read-only (hooks and their log can be read, nothing else: 403). The secret is
write-only: responses say ``has_secret``.
What receivers get is documented in ``dais/actors/webhooks/payloads.py`` (bodies) and
``dais/actors/webhooks/signing.py`` (headers and signatures).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.params import JSONBody, QueryParameter

from dais.actors.identity.messages import Principal
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.webhooks import messages as wm
from dais.errors import Forbidden, NotFound

from .auth import audit_context, permissions_of, principal, signed_in
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ID_MAX, Id, ProjectRef
from .projects import load_project

__all__ = ["ROUTES"]

_BASE = "/api/projects/{project:str}/webhooks"
_TAGS = ["webhooks"]

_MAX_ID = ID_MAX  # see dais.http.params
_Url = Annotated[str, msgspec.Meta(max_length=2048)]
_Secret = Annotated[str, msgspec.Meta(max_length=256)]
_Events = Annotated[list[wm.HookEvent], msgspec.Meta(min_length=1, max_length=16)]


class HookIn(msgspec.Struct, forbid_unknown_fields=True):
    url: _Url
    events: _Events
    secret: _Secret = ""
    active: bool = True


class HookPatch(msgspec.Struct, forbid_unknown_fields=True):
    url: _Url | msgspec.UnsetType = msgspec.UNSET
    events: _Events | msgspec.UnsetType = msgspec.UNSET
    secret: _Secret | msgspec.UnsetType = msgspec.UNSET
    active: bool | msgspec.UnsetType = msgspec.UNSET


class HookOut(msgspec.Struct):
    id: str
    url: str
    events: list[str]
    active: bool
    has_secret: bool
    consecutive_failures: int
    disabled_reason: str | None
    disabled_at: datetime | None
    created_at: datetime
    updated_at: datetime


class DeliveryOut(msgspec.Struct):
    id: str
    uuid: str
    hook_id: str
    event: str
    action: str | None
    source: str
    outcome: str
    attempts: int
    response_status: int | None
    duration_ms: int | None
    error: str | None
    redelivery_of: str | None
    created_at: datetime
    next_attempt_at: datetime | None
    completed_at: datetime | None


class RequestOut(msgspec.Struct):
    url: str
    headers: dict[str, str]
    body: str


class ResponseOut(msgspec.Struct):
    status: int
    headers: dict[str, str]
    body: str
    truncated: bool


class AttemptOut(msgspec.Struct):
    number: int
    outcome: str
    url: str | None  # where this attempt was sent (the hook's URL may have changed since)
    started_at: datetime
    duration_ms: int
    address: str | None
    error: str | None
    request_headers: dict[str, str]
    response: ResponseOut | None


class DeliveryDetailOut(msgspec.Struct):
    delivery: DeliveryOut
    request: RequestOut
    response: ResponseOut | None
    attempts: list[AttemptOut]


def _hook_out(h: wm.HookRecord) -> HookOut:
    return HookOut(
        id=str(h.id),
        url=h.url,
        events=[e.value for e in h.events],
        active=h.active,
        has_secret=h.has_secret,
        consecutive_failures=h.consecutive_failures,
        disabled_reason=h.disabled_reason,
        disabled_at=h.disabled_at,
        created_at=h.created_at,
        updated_at=h.updated_at,
    )


def _delivery_out(d: wm.DeliveryRecord) -> DeliveryOut:
    return DeliveryOut(
        id=str(d.id),
        uuid=d.uuid,
        hook_id=str(d.hook_id),
        event=d.event,
        action=d.action,
        source=d.source,
        outcome=d.state.value,
        attempts=d.attempts,
        response_status=d.response_status,
        duration_ms=d.duration_ms,
        error=d.error,
        redelivery_of=None if d.redelivery_of is None else str(d.redelivery_of),
        created_at=d.created_at,
        next_attempt_at=d.next_attempt_at,
        completed_at=d.completed_at,
    )


def _response_out(a: wm.AttemptRecord) -> ResponseOut | None:
    if a.response_status is None:
        return None
    return ResponseOut(
        status=a.response_status,
        headers=a.response_headers or {},
        body=a.response_body or "",
        truncated=a.response_truncated,
    )


def _attempt_out(a: wm.AttemptRecord) -> AttemptOut:
    return AttemptOut(
        number=a.number,
        outcome=a.outcome,
        url=a.url,
        started_at=a.started_at,
        duration_ms=a.duration_ms,
        address=a.address,
        error=a.error,
        request_headers=a.request_headers,
        response=_response_out(a),
    )


async def _ask(request: Request[Any, Any, Any], message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(wm.ACTOR), message)


def _id(value: int, what: str) -> int:
    if not 0 < value <= _MAX_ID:
        raise NotFound(f"{what} {value} does not exist")
    return value


async def _admin(
    request: Request[Any, Any, Any], ref: str, *, change: bool = False
) -> tuple[pm.ProjectRecord, Principal]:
    """The project and the caller, who must hold project:admin on it.

    :raises Forbidden: without it, or for a ``change`` to an archived project.
    """
    project = await load_project(request, ref)
    who = await principal(request)
    if Permission.PROJECT_ADMIN not in await permissions_of(request, who, project.id):
        raise Forbidden("webhooks need the project:admin permission on the project")
    if change and project.archived:
        raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who


@get(_BASE, tags=_TAGS, summary="A project's webhooks", response_headers=LIST_HEADERS)
async def list_hooks(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[HookOut]]:
    record, _who = await _admin(request, project)
    hooks: list[wm.HookRecord] = await _ask(request, wm.ListHooks(record.id))
    return sliced(request, [_hook_out(h) for h in hooks], page, per_page)


@post(_BASE, tags=_TAGS, summary="Add a webhook", guards=[signed_in])
async def create_hook(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[HookIn]
) -> HookOut:
    record, who = await _admin(request, project, change=True)
    hook: wm.HookRecord = await _ask(
        request,
        wm.CreateHook(
            project_id=record.id,
            url=data.url,
            secret=data.secret,
            events=frozenset(data.events),
            active=data.active,
            audit=audit_context(request, who),
        ),
    )
    return _hook_out(hook)


@get(f"{_BASE}/{{hook_id:int}}", tags=_TAGS, summary="A webhook")
async def get_hook(request: Request[Any, Any, Any], project: ProjectRef, hook_id: Id) -> HookOut:
    record, _who = await _admin(request, project)
    return _hook_out(await _ask(request, wm.GetHook(record.id, _id(hook_id, "webhook"))))


@patch(f"{_BASE}/{{hook_id:int}}", tags=_TAGS, summary="Change a webhook", guards=[signed_in])
async def update_hook(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    hook_id: Id,
    data: JSONBody[HookPatch],
) -> HookOut:
    record, who = await _admin(request, project, change=True)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "events" in changes:
        changes["events"] = frozenset(changes["events"])
    hook: wm.HookRecord = await _ask(
        request,
        wm.UpdateHook(record.id, _id(hook_id, "webhook"), changes, audit_context(request, who)),
    )
    return _hook_out(hook)


@delete(f"{_BASE}/{{hook_id:int}}", tags=_TAGS, summary="Delete a webhook and its log")
async def delete_hook(request: Request[Any, Any, Any], project: ProjectRef, hook_id: Id) -> None:
    record, who = await _admin(request, project, change=True)
    await _ask(
        request, wm.DeleteHook(record.id, _id(hook_id, "webhook"), audit_context(request, who))
    )


@post(
    f"{_BASE}/{{hook_id:int}}/ping",
    tags=_TAGS,
    summary="Send a ping delivery",
    status_code=202,
    guards=[signed_in],
)
async def ping_hook(
    request: Request[Any, Any, Any], project: ProjectRef, hook_id: Id
) -> DeliveryOut:
    record, who = await _admin(request, project, change=True)
    delivery: wm.DeliveryRecord = await _ask(
        request,
        wm.Ping(
            project_id=record.id,
            hook_id=_id(hook_id, "webhook"),
            project_path=record.path,
            sender_id=who.user_id,
            sender_username=who.username,
            audit=audit_context(request, who),
        ),
    )
    return _delivery_out(delivery)


@get(
    f"{_BASE}/{{hook_id:int}}/deliveries",
    tags=_TAGS,
    summary="A webhook's deliveries, newest first",
    response_headers=LIST_HEADERS,
)
async def list_deliveries(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    hook_id: Id,
    before: Annotated[
        int | None, QueryParameter(ge=1, le=_MAX_ID, description="only ids below this")
    ] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> Response[list[DeliveryOut]]:
    record, _who = await _admin(request, project)
    found, total = await _ask(
        request,
        wm.ListDeliveries(
            record.id, _id(hook_id, "webhook"), per_page, before, offset(page, per_page)
        ),
    )
    return paged(request, [_delivery_out(d) for d in found], page, per_page, total)


@get(
    f"{_BASE}/{{hook_id:int}}/deliveries/{{delivery_id:int}}",
    tags=_TAGS,
    summary="A delivery: request, response and every attempt",
)
async def get_delivery(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    hook_id: Id,
    delivery_id: Id,
) -> DeliveryDetailOut:
    record, _who = await _admin(request, project)
    detail: wm.DeliveryDetail = await _ask(
        request,
        wm.GetDelivery(record.id, _id(hook_id, "webhook"), _id(delivery_id, "delivery")),
    )
    last = detail.attempts[-1] if detail.attempts else None
    return DeliveryDetailOut(
        delivery=_delivery_out(detail.delivery),
        request=RequestOut(
            url=(last.url if last is not None and last.url else detail.url),
            headers=last.request_headers if last is not None else {},
            body=detail.request_body,
        ),
        response=_response_out(last) if last is not None else None,
        attempts=[_attempt_out(a) for a in detail.attempts],
    )


@post(
    f"{_BASE}/{{hook_id:int}}/deliveries/{{delivery_id:int}}/redeliver",
    tags=_TAGS,
    summary="Send a delivery again, as a new delivery",
    status_code=202,
    guards=[signed_in],
)
async def redeliver(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    hook_id: Id,
    delivery_id: Id,
) -> DeliveryOut:
    record, who = await _admin(request, project, change=True)
    delivery: wm.DeliveryRecord = await _ask(
        request,
        wm.Redeliver(
            record.id,
            _id(hook_id, "webhook"),
            _id(delivery_id, "delivery"),
            audit_context(request, who),
        ),
    )
    return _delivery_out(delivery)


ROUTES = [
    list_hooks,
    create_hook,
    get_hook,
    update_hook,
    delete_hook,
    ping_hook,
    list_deliveries,
    get_delivery,
    redeliver,
]
