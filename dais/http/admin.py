"""Administration routes: users, roles, role assignments and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.params import JSONBody, QueryParameter

from dais.actors.identity import messages as m
from dais.actors.identity.permissions import Permission
from dais.errors import Forbidden, ValidationFailed

from .auth import audit_context, permissions_of, principal, requires
from .fields import (
    DATETIME_PATTERN,
    LINE_PATTERN,
    DisplayName,
    Email,
    Namespace,
    Password,
    PermissionName,
    Username,
    parse_datetime,
)
from .identity import UserOut, _ask, _permissions, user_out
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ID_MAX, Id

__all__ = ["ROUTES"]

_Id = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,18}$")]
_QueryId = Annotated[int | None, QueryParameter(ge=1, le=ID_MAX)]
_USERS = [requires(Permission.ADMIN_USERS)]
_ROLES = [requires(Permission.ADMIN_ROLES)]
_PLATFORM = [requires(Permission.ADMIN_PLATFORM)]


class UserIn(msgspec.Struct, forbid_unknown_fields=True):
    username: Namespace
    kind: m.UserKind = m.UserKind.HUMAN
    email: Email | None = None
    display_name: DisplayName = ""
    password: Password | None = None
    is_admin: bool = False


class UserPatch(msgspec.Struct, forbid_unknown_fields=True):
    email: Email | None | msgspec.UnsetType = msgspec.UNSET
    display_name: DisplayName | msgspec.UnsetType = msgspec.UNSET
    password: Password | msgspec.UnsetType = msgspec.UNSET
    active: bool | msgspec.UnsetType = msgspec.UNSET
    is_admin: bool | msgspec.UnsetType = msgspec.UNSET


_RoleDescription = Annotated[str, msgspec.Meta(max_length=500, pattern=LINE_PATTERN)]


class RoleIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Username
    permissions: Annotated[list[PermissionName], msgspec.Meta(max_length=64)]
    description: _RoleDescription = ""


class RolePatch(msgspec.Struct, forbid_unknown_fields=True):
    description: _RoleDescription | None = None
    permissions: Annotated[list[PermissionName], msgspec.Meta(max_length=64)] | None = None


class RoleOut(msgspec.Struct):
    id: str
    name: str
    description: str
    permissions: list[str]
    builtin: bool


def _role_out(r: m.RoleRecord) -> RoleOut:
    return RoleOut(
        id=str(r.id),
        name=r.name,
        description=r.description,
        permissions=list(r.permissions),
        builtin=r.builtin,
    )


class AssignmentIn(msgspec.Struct, forbid_unknown_fields=True):
    user_id: _Id
    role: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    project_id: _Id | None = None


class AssignmentOut(msgspec.Struct):
    id: str
    user_id: str
    role: str
    project_id: str | None
    created_at: datetime


def _assignment_out(a: m.AssignmentRecord) -> AssignmentOut:
    return AssignmentOut(
        id=str(a.id),
        user_id=str(a.user_id),
        role=a.role,
        project_id=None if a.project_id is None else str(a.project_id),
        created_at=a.created_at,
    )


class AuditOut(msgspec.Struct):
    id: str
    at: datetime
    actor_id: str | None
    actor_name: str | None
    on_behalf_of: str | None
    action: str
    target_type: str
    target_id: str | None
    client_address: str | None
    user_agent: str | None
    details: dict[str, Any]


def _acts_as_admin(who: m.Principal) -> bool:
    """An administrator with all their rights: a token scoped below that is not one, or it
    could mint an administrator (or take one over) and so escape its scopes."""
    return who.is_admin and who.scopes is None


# --- users -------------------------------------------------------------------------------


@get(
    "/api/admin/users",
    tags=["admin"],
    summary="List users",
    guards=_USERS,
    response_headers=LIST_HEADERS,
)
async def list_users(
    request: Request[Any, Any, Any],
    q: Annotated[str | None, QueryParameter(max_length=100)] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> Response[list[UserOut]]:
    users, total = await _ask(request, m.ListUsers(q, per_page, offset(page, per_page)))
    return paged(request, [user_out(u) for u in users], page, per_page, total)


@post("/api/admin/users", tags=["admin"], summary="Create a user", guards=_USERS)
async def create_user(request: Request[Any, Any, Any], data: JSONBody[UserIn]) -> UserOut:
    who = await principal(request)
    if data.is_admin and not _acts_as_admin(who):
        raise Forbidden("only an administrator can create another")
    user = await _ask(
        request,
        m.CreateUser(
            kind=data.kind,
            username=data.username,
            email=data.email,
            display_name=data.display_name,
            password=data.password,
            is_admin=data.is_admin,
            audit=audit_context(request, who),
        ),
    )
    return user_out(user)


@patch("/api/admin/users/{user_id:int}", tags=["admin"], summary="Change a user", guards=_USERS)
async def update_user(
    request: Request[Any, Any, Any], user_id: Id, data: JSONBody[UserPatch]
) -> UserOut:
    who = await principal(request)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "is_admin" in changes and not _acts_as_admin(who):
        raise Forbidden("only an administrator can make or unmake administrators")
    if user_id == who.user_id:
        for field in ("active", "is_admin"):
            if changes.get(field) is False:
                raise ValidationFailed(field, "you cannot disable or demote yourself")
    user = await _ask(
        request,
        m.UpdateUser(user_id, changes, audit_context(request, who), by_admin=_acts_as_admin(who)),
    )
    return user_out(user)


@delete("/api/admin/users/{user_id:int}", tags=["admin"], summary="Delete a user", guards=_USERS)
async def delete_user(request: Request[Any, Any, Any], user_id: Id) -> None:
    who = await principal(request)
    await _ask(
        request, m.DeleteUser(user_id, audit_context(request, who), by_admin=_acts_as_admin(who))
    )


# --- roles -------------------------------------------------------------------------------


@get(
    "/api/admin/roles",
    tags=["admin"],
    summary="List roles",
    guards=_ROLES,
    response_headers=LIST_HEADERS,
)
async def list_roles(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[RoleOut]]:
    items = [_role_out(r) for r in await _ask(request, m.ListRoles())]
    return sliced(request, items, page, per_page)


@post("/api/admin/roles", tags=["admin"], summary="Create a custom role", guards=_ROLES)
async def create_role(request: Request[Any, Any, Any], data: JSONBody[RoleIn]) -> RoleOut:
    who = await principal(request)
    role = await _ask(
        request,
        m.CreateRole(
            data.name,
            data.description,
            _permissions(data.permissions, "permissions"),
            audit_context(request, who),
            grantable=await permissions_of(request, who),
        ),
    )
    return _role_out(role)


@patch(
    "/api/admin/roles/{role_id:int}", tags=["admin"], summary="Change a custom role", guards=_ROLES
)
async def update_role(
    request: Request[Any, Any, Any], role_id: Id, data: JSONBody[RolePatch]
) -> RoleOut:
    who = await principal(request)
    permissions = (
        None if data.permissions is None else _permissions(data.permissions, "permissions")
    )
    role = await _ask(
        request,
        m.UpdateRole(
            role_id,
            data.description,
            permissions,
            audit_context(request, who),
            grantable=await permissions_of(request, who),
        ),
    )
    return _role_out(role)


@delete(
    "/api/admin/roles/{role_id:int}", tags=["admin"], summary="Delete a custom role", guards=_ROLES
)
async def delete_role(request: Request[Any, Any, Any], role_id: Id) -> None:
    who = await principal(request)
    await _ask(request, m.DeleteRole(role_id, audit_context(request, who)))


@get(
    "/api/admin/role-assignments",
    tags=["admin"],
    summary="List role assignments",
    guards=_ROLES,
    response_headers=LIST_HEADERS,
)
async def list_assignments(
    request: Request[Any, Any, Any],
    user_id: _QueryId = None,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[AssignmentOut]]:
    items = [_assignment_out(a) for a in await _ask(request, m.ListAssignments(user_id))]
    return sliced(request, items, page, per_page)


@post("/api/admin/role-assignments", tags=["admin"], summary="Assign a role", guards=_ROLES)
async def assign_role(
    request: Request[Any, Any, Any], data: JSONBody[AssignmentIn]
) -> AssignmentOut:
    who = await principal(request)
    project_id = None if data.project_id is None else int(data.project_id)
    record = await _ask(
        request,
        m.AssignRole(
            int(data.user_id),
            data.role,
            project_id,
            audit_context(request, who),
            grantable=await permissions_of(request, who, project_id),
        ),
    )
    return _assignment_out(record)


@delete(
    "/api/admin/role-assignments/{assignment_id:int}",
    tags=["admin"],
    summary="Unassign a role",
    guards=_ROLES,
)
async def unassign_role(request: Request[Any, Any, Any], assignment_id: Id) -> None:
    who = await principal(request)
    await _ask(request, m.UnassignRole(assignment_id, audit_context(request, who)))


# --- audit -------------------------------------------------------------------------------


@get(
    "/api/admin/audit",
    tags=["admin"],
    summary="The audit log, newest first",
    guards=_PLATFORM,
    response_headers=LIST_HEADERS,
)
async def audit_log(
    request: Request[Any, Any, Any],
    actor_id: _QueryId = None,
    action: Annotated[str | None, QueryParameter(max_length=100)] = None,
    target_type: Annotated[str | None, QueryParameter(max_length=100)] = None,
    target_id: Annotated[str | None, QueryParameter(max_length=100)] = None,
    since: Annotated[str | None, QueryParameter(pattern=DATETIME_PATTERN)] = None,
    until: Annotated[str | None, QueryParameter(pattern=DATETIME_PATTERN)] = None,
    before: Annotated[
        int | None,
        QueryParameter(ge=1, le=ID_MAX, description="only ids below this"),
    ] = None,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[AuditOut]]:
    rows, total = await _ask(
        request,
        m.QueryAudit(
            actor_id,
            action,
            target_type,
            target_id,
            parse_datetime(since, "since"),
            parse_datetime(until, "until"),
            before,
            per_page,
            offset(page, per_page),
        ),
    )
    items = [
        AuditOut(
            id=str(r.id),
            at=r.at,
            actor_id=None if r.actor_id is None else str(r.actor_id),
            actor_name=r.actor_name,
            on_behalf_of=None if r.on_behalf_of is None else str(r.on_behalf_of),
            action=r.action,
            target_type=r.target_type,
            target_id=r.target_id,
            client_address=r.client_address,
            user_agent=r.user_agent,
            details=r.details,
        )
        for r in rows
    ]
    return paged(request, items, page, per_page, total)


ROUTES = [
    list_users,
    create_user,
    update_user,
    delete_user,
    list_roles,
    create_role,
    update_role,
    delete_role,
    list_assignments,
    assign_role,
    unassign_role,
    audit_log,
]
