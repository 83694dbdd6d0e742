"""Project routes: create, list, read, change, delete, and members.

A project is addressed by id (``/api/projects/42``) or by its URL-encoded path
(``/api/projects/alice%2Fweb``). The edge turns that encoded slash into ``~`` (a character
no name may hold) before routing, since routers see decoded paths; :func:`_ref` turns it
back.

Who may read: anyone for a public project, any signed-in user for an internal one, and
members (``project:read`` on it) for a private one; a private project is a 404 to everyone
else, so its existence does not leak.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody, QueryParameter

from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.actors.projects import cache as project_cache
from dais.actors.projects import messages as pm
from dais.actors.projects.cache import ProjectCache
from dais.actors.projects.protection import BranchRule
from dais.actors.projects.rules import parse_project_ref
from dais.errors import Forbidden, NotFound, Unauthorized, ValidationFailed

from .auth import audit_context, authenticate, permissions_of, principal, signed_in
from .fields import Branch, BranchGlob, ProjectName, Username
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import Id, ProjectRef

__all__ = ["ROUTES", "can_read", "can_write", "load_project"]

_Id = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,18}$")]


class ProjectIn(msgspec.Struct, forbid_unknown_fields=True):
    name: ProjectName
    visibility: pm.Visibility = pm.Visibility.PRIVATE
    description: Annotated[str, msgspec.Meta(max_length=2000)] = ""
    default_branch: Branch = "main"
    initialize_with_readme: bool = False


class ProjectPatch(msgspec.Struct, forbid_unknown_fields=True):
    name: ProjectName | msgspec.UnsetType = msgspec.UNSET
    visibility: pm.Visibility | msgspec.UnsetType = msgspec.UNSET
    description: Annotated[str, msgspec.Meta(max_length=2000)] | msgspec.UnsetType = msgspec.UNSET
    default_branch: Branch | msgspec.UnsetType = msgspec.UNSET
    archived: bool | msgspec.UnsetType = msgspec.UNSET
    merge_strategies: (
        Annotated[list[pm.MergeStrategy], msgspec.Meta(min_length=1, max_length=4)]
        | msgspec.UnsetType
    ) = msgspec.UNSET
    pipeline_must_succeed: bool | msgspec.UnsetType = msgspec.UNSET


class ProjectOut(msgspec.Struct):
    id: str
    path: str
    owner: str
    name: str
    visibility: str
    description: str
    default_branch: str
    archived: bool
    http_url: str
    created_at: datetime
    updated_at: datetime
    merge_strategies: list[str]
    pipeline_must_succeed: bool


class MemberIn(msgspec.Struct, forbid_unknown_fields=True):
    """Who (``user_id`` or ``username``, one of them) and with which project role."""

    role: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    user_id: _Id | None = None
    username: Username | None = None

    #: One of the two, not both (JSON Schema says so; the handler checks it too).
    json_schema_extra = {  # a class attribute: msgspec fields are the annotated names
        "oneOf": [
            {"required": ["user_id"], "properties": {"user_id": {"type": "string"}}},
            {"required": ["username"], "properties": {"username": {"type": "string"}}},
        ]
    }


class MemberOut(msgspec.Struct):
    id: str
    user_id: str
    username: str
    display_name: str
    role: str
    created_at: datetime


def _member_out(a: im.AssignmentRecord) -> MemberOut:
    return MemberOut(
        id=str(a.id),
        user_id=str(a.user_id),
        username=a.username,
        display_name=a.display_name,
        role=a.role,
        created_at=a.created_at,
    )


def _out(request: Request[Any, Any, Any], p: pm.ProjectRecord) -> ProjectOut:
    base = request.app.state.services.settings.public_url
    return ProjectOut(
        id=str(p.id),
        path=p.path,
        owner=p.owner,
        name=p.name,
        visibility=p.visibility.value,
        description=p.description,
        default_branch=p.default_branch,
        archived=p.archived,
        http_url=f"{base}/{p.path}.git",
        created_at=p.created_at,
        updated_at=p.updated_at,
        merge_strategies=[s.value for s in p.merge_strategies],
        pipeline_must_succeed=p.pipeline_must_succeed,
    )


async def _ask(request: Request[Any, Any, Any], actor: str, message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(actor), message)


def _ref(project: str) -> str:
    return project.replace("~", "/")


async def can_read(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> bool:
    """Whether the caller may read ``project`` (see the module docstring)."""
    if project.visibility is pm.Visibility.PUBLIC:
        return True
    who = await authenticate(request)
    if who is None:
        return False
    if project.visibility is pm.Visibility.INTERNAL and (
        who.scopes is None or Permission.PROJECT_READ in who.scopes
    ):
        return True
    return Permission.PROJECT_READ in await permissions_of(request, who, project.id)


async def can_write(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> bool:
    who = await authenticate(request)
    if who is None:
        return False
    return Permission.PROJECT_WRITE in await permissions_of(request, who, project.id)


async def _find(
    request: Request[Any, Any, Any], ref: int | pm.ProjectPath
) -> pm.ProjectRecord | None:
    """The project ``ref`` names, from this process's cache when still current (see
    :mod:`dais.actors.projects.cache`), else from the projects actor."""
    state = request.app.state
    projects: ProjectCache = state["project_cache"]
    current = await project_cache.generation(state["services"].broker)
    key = str(ref)
    found = projects.get(key, current)
    if found is None:
        try:
            found = await _ask(request, "projects", pm.GetProject(ref))
        except NotFound:
            return None
        projects.put(key, current, found)
    return found


async def load_project(request: Request[Any, Any, Any], ref: str) -> pm.ProjectRecord:
    """The project, if the caller may read it; otherwise 404 (or 401 when anonymous).

    ``ref`` is the path parameter as routed; it is parsed here, before any actor sees it,
    and one that can name no project (not an id, not ``owner/name``) is a 404.
    """
    text = _ref(ref)
    parsed = parse_project_ref(text)
    if parsed is None:
        raise NotFound(f"{text!r} is not a project id or an owner/name path")
    project = await _find(request, parsed)
    if project is not None and await can_read(request, project):
        return project
    if await authenticate(request) is None:
        raise Unauthorized("sign in to see this project, if it exists")
    raise NotFound(f"project {text} does not exist")


async def _admin(request: Request[Any, Any, Any], ref: str) -> tuple[pm.ProjectRecord, Any]:
    project = await load_project(request, ref)
    who = await principal(request)
    if Permission.PROJECT_ADMIN not in await permissions_of(request, who, project.id):
        raise Forbidden("this needs the project:admin permission on the project")
    return project, who


@post(
    "/api/projects",
    tags=["projects"],
    summary="Create a project in my namespace",
    guards=[signed_in],  # 401 before the body is read
)
async def create_project(request: Request[Any, Any, Any], data: JSONBody[ProjectIn]) -> ProjectOut:
    who = await principal(request)
    if who.scopes is not None and Permission.PROJECT_WRITE not in who.scopes:
        raise Forbidden("this token needs the project:write scope to create projects")
    audit = audit_context(request, who)
    project: pm.ProjectRecord = await _ask(
        request,
        "projects",
        pm.CreateProject(
            owner_id=who.user_id,
            owner=who.username,
            name=data.name,
            visibility=data.visibility,
            description=data.description,
            default_branch=data.default_branch,
            initialize_readme=data.initialize_with_readme,
            audit=audit,
        ),
    )
    # The creator maintains the project.
    await _ask(request, "identity", im.AssignRole(who.user_id, "maintainer", project.id, audit))
    return _out(request, project)


@get(
    "/api/projects",
    tags=["projects"],
    summary="Projects I can see",
    response_headers=LIST_HEADERS,
)
async def list_projects(
    request: Request[Any, Any, Any],
    owner: Annotated[str | None, QueryParameter(max_length=40)] = None,
    q: Annotated[str | None, QueryParameter(max_length=100)] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> Response[list[ProjectOut]]:
    who = await authenticate(request)
    member_of: frozenset[int] | None = frozenset()
    if who is not None:
        if who.is_admin and who.scopes is None:
            member_of = None
        else:
            assignments: list[im.AssignmentRecord] = await _ask(
                request, "identity", im.ListAssignments(who.user_id)
            )
            member_of = frozenset(a.project_id for a in assignments if a.project_id is not None)
    projects, total = await _ask(
        request,
        "projects",
        pm.ListProjects(who is not None, member_of, owner, q, per_page, offset(page, per_page)),
    )
    return paged(request, [_out(request, p) for p in projects], page, per_page, total)


@get("/api/projects/{project:str}", tags=["projects"], summary="A project")
async def get_project(request: Request[Any, Any, Any], project: ProjectRef) -> ProjectOut:
    return _out(request, await load_project(request, project))


@patch(
    "/api/projects/{project:str}",
    tags=["projects"],
    summary="Change a project",
    guards=[signed_in],
)
async def update_project(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[ProjectPatch]
) -> ProjectOut:
    record, who = await _admin(request, project)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    updated = await _ask(
        request, "projects", pm.UpdateProject(record.id, changes, audit_context(request, who))
    )
    return _out(request, updated)


@delete("/api/projects/{project:str}", tags=["projects"], summary="Delete a project")
async def delete_project(request: Request[Any, Any, Any], project: ProjectRef) -> None:
    record, who = await _admin(request, project)
    await _ask(request, "projects", pm.DeleteProject(record.id, audit_context(request, who)))


@get(
    "/api/projects/{project:str}/members",
    tags=["projects"],
    summary="Members and roles",
    response_headers=LIST_HEADERS,
)
async def list_members(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[MemberOut]]:
    record = await load_project(request, project)
    assignments: list[im.AssignmentRecord] = await _ask(
        request, "identity", im.ListAssignments(None, record.id)
    )
    return sliced(request, [_member_out(a) for a in assignments], page, per_page)


@post(
    "/api/projects/{project:str}/members",
    tags=["projects"],
    summary=(
        "Add a member by user_id or username (201), or change the role of one already there"
        " (200): a member has one role per project"
    ),
    guards=[signed_in],
    status_code=201,
    responses={200: ResponseSpec(MemberOut, description="The member's role was changed")},
)
async def add_member(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[MemberIn]
) -> Response[MemberOut]:
    record, who = await _admin(request, project)
    if (data.user_id is None) == (data.username is None):
        raise ValidationFailed("user_id", "name the member by user_id or by username, not both")
    if data.role == "admin":
        raise ValidationFailed("role", "the admin role is global; assign it in the admin API")
    a, created = await _ask(
        request,
        "identity",
        im.SetProjectMember(
            user_id=None if data.user_id is None else int(data.user_id),
            username=data.username,
            role=data.role,
            project_id=record.id,
            audit=audit_context(request, who),
            # A project admin cannot hand out a role holding more than they hold there.
            grantable=await permissions_of(request, who, record.id),
        ),
    )
    return Response(_member_out(a), status_code=201 if created else 200)


@delete(
    "/api/projects/{project:str}/members/{member_id:int}",
    tags=["projects"],
    summary="Remove a member",
)
async def remove_member(
    request: Request[Any, Any, Any], project: ProjectRef, member_id: Id
) -> None:
    record, who = await _admin(request, project)
    assignments: list[im.AssignmentRecord] = await _ask(
        request, "identity", im.ListAssignments(None, record.id)
    )
    if not any(a.id == member_id for a in assignments):
        raise NotFound(f"member {member_id} is not in {record.path}")
    await _ask(request, "identity", im.UnassignRole(member_id, audit_context(request, who)))


# --- protected branches ------------------------------------------------------------------

_Roles = Annotated[list[Annotated[str, msgspec.Meta(max_length=40)]], msgspec.Meta(max_length=16)]


class BranchRuleIn(msgspec.Struct, forbid_unknown_fields=True):
    pattern: BranchGlob
    allow_force_push: bool = False
    allow_deletion: bool = False
    push_roles: _Roles = msgspec.field(default_factory=lambda: ["maintainer"])
    merge_roles: _Roles = msgspec.field(default_factory=lambda: ["maintainer", "developer"])
    required_approvals: Annotated[int, msgspec.Meta(ge=0, le=50)] = 0
    dismiss_stale_approvals: bool = False


class BranchRulePatch(msgspec.Struct, forbid_unknown_fields=True):
    pattern: BranchGlob | msgspec.UnsetType = msgspec.UNSET
    allow_force_push: bool | msgspec.UnsetType = msgspec.UNSET
    allow_deletion: bool | msgspec.UnsetType = msgspec.UNSET
    push_roles: _Roles | msgspec.UnsetType = msgspec.UNSET
    merge_roles: _Roles | msgspec.UnsetType = msgspec.UNSET
    required_approvals: Annotated[int, msgspec.Meta(ge=0, le=50)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    dismiss_stale_approvals: bool | msgspec.UnsetType = msgspec.UNSET


class BranchRuleOut(msgspec.Struct):
    id: str
    pattern: str
    allow_force_push: bool
    allow_deletion: bool
    push_roles: list[str]
    merge_roles: list[str]
    required_approvals: int
    dismiss_stale_approvals: bool


def _rule_out(r: BranchRule) -> BranchRuleOut:
    return BranchRuleOut(
        id=str(r.id),
        pattern=r.pattern,
        allow_force_push=r.allow_force_push,
        allow_deletion=r.allow_deletion,
        push_roles=sorted(r.push_roles),
        merge_roles=sorted(r.merge_roles),
        required_approvals=r.required_approvals,
        dismiss_stale_approvals=r.dismiss_stale_approvals,
    )


async def _check_roles(request: Request[Any, Any, Any], field: str, names: list[str]) -> None:
    roles: list[im.RoleRecord] = await _ask(request, "identity", im.ListRoles())
    known = {r.name for r in roles}
    for name in names:
        if name not in known:
            raise ValidationFailed(field, f"unknown role {name!r}")


@get(
    "/api/projects/{project:str}/protected-branches",
    tags=["projects"],
    summary="Protected branch rules",
    response_headers=LIST_HEADERS,
)
async def list_branch_rules(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[BranchRuleOut]]:
    record = await load_project(request, project)
    rules: list[BranchRule] = await _ask(request, "projects", pm.ListBranchRules(record.id))
    return sliced(request, [_rule_out(r) for r in rules], page, per_page)


@post(
    "/api/projects/{project:str}/protected-branches",
    tags=["projects"],
    summary="Protect a branch or a glob of branches",
    guards=[signed_in],
)
async def create_branch_rule(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[BranchRuleIn]
) -> BranchRuleOut:
    record, who = await _admin(request, project)
    await _check_roles(request, "push_roles", data.push_roles)
    await _check_roles(request, "merge_roles", data.merge_roles)
    rule: BranchRule = await _ask(
        request,
        "projects",
        pm.CreateBranchRule(
            project_id=record.id,
            pattern=data.pattern,
            allow_force_push=data.allow_force_push,
            allow_deletion=data.allow_deletion,
            push_roles=frozenset(data.push_roles),
            merge_roles=frozenset(data.merge_roles),
            required_approvals=data.required_approvals,
            audit=audit_context(request, who),
            dismiss_stale_approvals=data.dismiss_stale_approvals,
        ),
    )
    return _rule_out(rule)


@patch(
    "/api/projects/{project:str}/protected-branches/{rule_id:int}",
    tags=["projects"],
    summary="Change a protected branch rule",
    guards=[signed_in],
)
async def update_branch_rule(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    rule_id: Id,
    data: JSONBody[BranchRulePatch],
) -> BranchRuleOut:
    record, who = await _admin(request, project)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    for field in ("push_roles", "merge_roles"):
        if field in changes:
            await _check_roles(request, field, changes[field])
            changes[field] = frozenset(changes[field])
    rule: BranchRule = await _ask(
        request,
        "projects",
        pm.UpdateBranchRule(record.id, rule_id, changes, audit_context(request, who)),
    )
    return _rule_out(rule)


@delete(
    "/api/projects/{project:str}/protected-branches/{rule_id:int}",
    tags=["projects"],
    summary="Unprotect",
)
async def delete_branch_rule(
    request: Request[Any, Any, Any], project: ProjectRef, rule_id: Id
) -> None:
    record, who = await _admin(request, project)
    await _ask(
        request, "projects", pm.DeleteBranchRule(record.id, rule_id, audit_context(request, who))
    )


ROUTES = [
    list_branch_rules,
    create_branch_rule,
    update_branch_rule,
    delete_branch_rule,
    create_project,
    list_projects,
    get_project,
    update_project,
    delete_project,
    list_members,
    add_member,
    remove_member,
]
