"""Issue routes: a project's labels, milestones, issues and their comments.

Who may do what (the project is addressed as in projects.py, by id or encoded path):

- read anything here: whoever may read the project (a private project is a 404 to others);
- manage labels and milestones: ``project:write``;
- open an issue, and change any issue, its labels, assignees and milestone included:
  ``issue:write``; an issue's author may change its title, body and state without it;
- comment: any signed-in caller who may read the project (a scoped token needs the
  ``issue:write`` scope); edit or delete a comment: its author, or ``project:admin``.

An archived project is read-only: every change is refused (403).

Listings page as every list does (see :mod:`dais.http.paging`). The order is total (the
issue number breaks ties).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, TypeVar

import anyio
import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.enums import MediaType
from litestar.exceptions import ValidationException
from litestar.params import FromQuery, JSONBody, QueryParameter
from litestar.serialization import encode_json

from dais.actors.identity.messages import Principal
from dais.actors.identity.permissions import Permission
from dais.actors.issues import cache as listing_cache
from dais.actors.issues import messages as im
from dais.actors.issues.cache import ListingCache
from dais.actors.issues.rules import MAX_BODY_BYTES, split_label_filter
from dais.actors.issues.views import (
    CommentOut,
    IssueOut,
    LabelOut,
    MilestoneOut,
    UserIssueOut,
    comment_out,
    issue_out,
    label_out,
    milestone_out,
    user_issue_out,
)
from dais.actors.projects import messages as pm
from dais.errors import Forbidden, NotFound, ValidationFailed

from .auth import audit_context, permissions_of, principal, signed_in
from .fields import Day
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ID_MAX, Id, Iid, ProjectRef
from .projects import load_project

__all__ = ["ROUTES"]

_MAX_IID = 2**31 - 1
_MAX_ID = ID_MAX  # see dais.http.params
_Id = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,18}$")]
_Title = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
_Body = Annotated[str, msgspec.Meta(max_length=MAX_BODY_BYTES)]
_Labels = Annotated[
    list[Annotated[str, msgspec.Meta(min_length=1, max_length=100)]], msgspec.Meta(max_length=50)
]
_Usernames = Annotated[
    list[Annotated[str, msgspec.Meta(min_length=1, max_length=40)]], msgspec.Meta(max_length=20)
]
_LabelName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
_Color = Annotated[str, msgspec.Meta(pattern=r"^#[0-9a-fA-F]{6}$")]
_LabelDescription = Annotated[str, msgspec.Meta(max_length=500)]
_MilestoneDescription = Annotated[str, msgspec.Meta(max_length=10_000)]


class LabelIn(msgspec.Struct, forbid_unknown_fields=True):
    name: _LabelName
    color: _Color = "#6b7280"
    description: _LabelDescription = ""


class LabelPatch(msgspec.Struct, forbid_unknown_fields=True):
    name: _LabelName | msgspec.UnsetType = msgspec.UNSET
    color: _Color | msgspec.UnsetType = msgspec.UNSET
    description: _LabelDescription | msgspec.UnsetType = msgspec.UNSET


class MilestoneIn(msgspec.Struct, forbid_unknown_fields=True):
    title: _Title
    description: _MilestoneDescription = ""
    due_date: Day | None = None
    state: im.MilestoneState = im.MilestoneState.OPEN


class MilestonePatch(msgspec.Struct, forbid_unknown_fields=True):
    title: _Title | msgspec.UnsetType = msgspec.UNSET
    description: _MilestoneDescription | msgspec.UnsetType = msgspec.UNSET
    due_date: Day | None | msgspec.UnsetType = msgspec.UNSET
    state: im.MilestoneState | msgspec.UnsetType = msgspec.UNSET


class IssueIn(msgspec.Struct, forbid_unknown_fields=True):
    title: _Title
    body: _Body = ""
    labels: _Labels = msgspec.field(default_factory=list)
    assignees: _Usernames = msgspec.field(default_factory=list)
    milestone_id: _Id | None = None


class IssuePatch(msgspec.Struct, forbid_unknown_fields=True):
    title: _Title | msgspec.UnsetType = msgspec.UNSET
    body: _Body | msgspec.UnsetType = msgspec.UNSET
    state: im.IssueState | msgspec.UnsetType = msgspec.UNSET
    labels: _Labels | msgspec.UnsetType = msgspec.UNSET
    assignees: _Usernames | msgspec.UnsetType = msgspec.UNSET
    milestone_id: _Id | None | msgspec.UnsetType = msgspec.UNSET


class CommentIn(msgspec.Struct, forbid_unknown_fields=True):
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_BODY_BYTES)]


# --- plumbing ----------------------------------------------------------------------------


async def _ask(request: Request[Any, Any, Any], message: im.IssueMessage) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref("issues"), message)


def _iid(value: int) -> int:
    if not 0 < value <= _MAX_IID:
        raise NotFound(f"issue #{value} does not exist")
    return value


def _id(value: int, what: str) -> int:
    if not 0 < value <= _MAX_ID:
        raise NotFound(f"{what} {value} does not exist")
    return value


def _ref(project: pm.ProjectRecord) -> im.ProjectRef:
    return im.ProjectRef(
        project.id, project.path, private=project.visibility is pm.Visibility.PRIVATE
    )


def _sender(who: Principal) -> im.UserRef:
    return im.UserRef(who.user_id, who.username)


def _changes(data: msgspec.Struct) -> dict[str, Any]:
    return {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}


async def _caller(
    request: Request[Any, Any, Any], ref: str
) -> tuple[pm.ProjectRecord, Principal, frozenset[Permission]]:
    """The project (if the caller may read it), the caller, and what they hold on it.

    :raises Forbidden: the project is archived (read-only).
    """
    project = await load_project(request, ref)
    who = await principal(request)
    if project.archived:
        raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who, await permissions_of(request, who, project.id)


def _need(permission: Permission, held: frozenset[Permission], project: pm.ProjectRecord) -> None:
    if permission not in held:
        raise Forbidden(f"this needs the {permission} permission on {project.path}")


def _token_may(who: Principal, permission: Permission) -> None:
    if who.scopes is not None and permission not in who.scopes:
        raise Forbidden(f"this token needs the {permission} scope")


# ``state`` is a name Litestar reserves for the application state, so the parameter has
# another name in Python, and is checked here so that an error names ``state``.
_State = Annotated[
    str,
    QueryParameter(
        name="state", enum=[s.value for s in im.StateFilter], description="open, closed or all"
    ),
]


_E = TypeVar("_E", bound=enum.StrEnum)


def _choice(kind: type[_E], name: str, value: str) -> _E:
    """A query parameter Litestar knows by another name (see ``_State``), checked here so
    that an error names the parameter as the caller wrote it."""
    try:
        return kind(value)
    except ValueError:
        rule = f"must be one of {', '.join(kind)}"
        raise ValidationException(
            f"{name}: {rule}", extra=[{"key": name, "message": rule, "source": "query"}]
        ) from None


def _state(value: str) -> im.StateFilter:
    return _choice(im.StateFilter, "state", value)


# --- labels ------------------------------------------------------------------------------


@get(
    "/api/projects/{project:str}/labels",
    tags=["issues"],
    summary="A project's labels",
    response_headers=LIST_HEADERS,
)
async def list_labels(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[LabelOut]]:
    record = await load_project(request, project)
    labels: list[im.LabelRecord] = await _ask(request, im.ListLabels(record.id))
    return sliced(request, [label_out(x) for x in labels], page, per_page)


@post(
    "/api/projects/{project:str}/labels",
    tags=["issues"],
    summary="Create a label (name unique regardless of case; needs project:write)",
    guards=[signed_in],
)
async def create_label(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[LabelIn]
) -> LabelOut:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    label: im.LabelRecord = await _ask(
        request,
        im.CreateLabel(
            _ref(record), data.name, data.color, data.description, audit_context(request, who)
        ),
    )
    return label_out(label)


@patch(
    "/api/projects/{project:str}/labels/{label_id:int}",
    tags=["issues"],
    summary="Change a label",
    guards=[signed_in],
)
async def update_label(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    label_id: Id,
    data: JSONBody[LabelPatch],
) -> LabelOut:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    label: im.LabelRecord = await _ask(
        request,
        im.UpdateLabel(
            _ref(record), _id(label_id, "label"), _changes(data), audit_context(request, who)
        ),
    )
    return label_out(label)


@delete(
    "/api/projects/{project:str}/labels/{label_id:int}",
    tags=["issues"],
    summary="Delete a label (it comes off every issue)",
    guards=[signed_in],
)
async def delete_label(request: Request[Any, Any, Any], project: ProjectRef, label_id: Id) -> None:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    await _ask(
        request, im.DeleteLabel(_ref(record), _id(label_id, "label"), audit_context(request, who))
    )


# --- milestones --------------------------------------------------------------------------


@get(
    "/api/projects/{project:str}/milestones",
    tags=["issues"],
    summary="A project's milestones with their progress, soonest due first",
    response_headers=LIST_HEADERS,
)
async def list_milestones(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    state_filter: _State = "all",
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[MilestoneOut]]:
    record = await load_project(request, project)
    found: list[im.MilestoneRecord] = await _ask(
        request, im.ListMilestones(record.id, _state(state_filter))
    )
    return sliced(request, [milestone_out(m) for m in found], page, per_page)


@post(
    "/api/projects/{project:str}/milestones",
    tags=["issues"],
    summary="Create a milestone (needs project:write)",
    guards=[signed_in],
)
async def create_milestone(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[MilestoneIn]
) -> MilestoneOut:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    created: im.MilestoneRecord = await _ask(
        request,
        im.CreateMilestone(
            _ref(record),
            data.title,
            data.description,
            data.due_date,
            data.state,
            audit_context(request, who),
        ),
    )
    return milestone_out(created)


@get(
    "/api/projects/{project:str}/milestones/{milestone_id:int}",
    tags=["issues"],
    summary="A milestone and its progress",
)
async def get_milestone(
    request: Request[Any, Any, Any], project: ProjectRef, milestone_id: Id
) -> MilestoneOut:
    record = await load_project(request, project)
    found: im.MilestoneRecord = await _ask(
        request, im.GetMilestone(record.id, _id(milestone_id, "milestone"))
    )
    return milestone_out(found)


@patch(
    "/api/projects/{project:str}/milestones/{milestone_id:int}",
    tags=["issues"],
    summary="Change, close or reopen a milestone",
    guards=[signed_in],
)
async def update_milestone(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    milestone_id: Id,
    data: JSONBody[MilestonePatch],
) -> MilestoneOut:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    updated: im.MilestoneRecord = await _ask(
        request,
        im.UpdateMilestone(
            _ref(record),
            _id(milestone_id, "milestone"),
            _changes(data),
            audit_context(request, who),
        ),
    )
    return milestone_out(updated)


@delete(
    "/api/projects/{project:str}/milestones/{milestone_id:int}",
    tags=["issues"],
    summary="Delete a milestone (its issues keep going, without one)",
    guards=[signed_in],
)
async def delete_milestone(
    request: Request[Any, Any, Any], project: ProjectRef, milestone_id: Id
) -> None:
    record, who, held = await _caller(request, project)
    _need(Permission.PROJECT_WRITE, held, record)
    await _ask(
        request,
        im.DeleteMilestone(
            _ref(record), _id(milestone_id, "milestone"), audit_context(request, who)
        ),
    )


# --- issues ------------------------------------------------------------------------------


@get(
    "/api/projects/{project:str}/issues",
    tags=["issues"],
    summary=(
        "A project's issues, filtered (state, labels: a comma list all of which must match, "
        "assignee, author, milestone: an id or 'none', q: full-text search) and sorted; "
        "paged with page and per_page, answered with X-Total-Count and a Link header "
        "(rel first, prev, next, last)"
    ),
    response_headers=LIST_HEADERS,
)
async def list_issues(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    state_filter: _State = "open",
    labels: Annotated[str | None, QueryParameter(max_length=2000)] = None,
    assignee: Annotated[str | None, QueryParameter(max_length=40)] = None,
    author: Annotated[str | None, QueryParameter(max_length=40)] = None,
    milestone: Annotated[str | None, QueryParameter(pattern=r"^([0-9]{1,18}|none)$")] = None,
    q: Annotated[str | None, QueryParameter(max_length=200)] = None,
    sort: FromQuery[im.IssueSort] = im.IssueSort.CREATED,
    direction: FromQuery[im.Direction] = im.Direction.DESC,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[IssueOut]]:
    record = await load_project(request, project)
    for field, value in (("q", q), ("labels", labels), ("assignee", assignee), ("author", author)):
        # PostgreSQL text cannot hold NUL: refused here, it would fail the query instead.
        if value is not None and "\x00" in value:
            raise ValidationFailed(field, "must not contain NUL characters")
    text = q.strip() if q else None
    query = im.IssueQuery(
        state=_state(state_filter),
        labels=split_label_filter(labels),
        assignee=assignee or None,
        author=author or None,
        milestone_id=int(milestone) if milestone and milestone != "none" else None,
        no_milestone=milestone == "none",
        text=text or None,
        sort=sort,
        direction=direction,
        page=page,
        per_page=per_page,
    )
    # The answer is the same for every caller who may read the project, so it is kept,
    # encoded, under the generation the issues actor read the page under (when it keeps
    # them: see dais.actors.issues.cache), and reused while that generation is current.
    answers: ListingCache[tuple[int, str, bytes], tuple[bytes, dict[str, str]]]
    answers = request.app.state["listing_cache"]
    broker = request.app.state.services.broker
    key = (record.id, request.url.path, request.scope["query_string"])
    current = await listing_cache.generation(broker, record.id)
    kept = answers.get(key, current)
    if kept is None:
        found: im.IssuePage = await _ask(request, im.ListIssues(record.id, query))
        answer = paged(request, encode_json(found.items), page, per_page, found.total)
        if found.generation is not None:
            answers.put(key, found.generation, (answer.content, dict(answer.headers)))
        return answer
    body, headers = kept
    hit: Response[Any] = Response(body, headers=headers, media_type=MediaType.JSON)
    return hit


@post(
    "/api/projects/{project:str}/issues",
    tags=["issues"],
    summary="Open an issue (needs issue:write); labels by name, assignees by username",
    guards=[signed_in],
)
async def create_issue(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[IssueIn]
) -> IssueOut:
    record, who, held = await _caller(request, project)
    _need(Permission.ISSUE_WRITE, held, record)
    issue: im.IssueRecord = await _ask(
        request,
        im.CreateIssue(
            project=_ref(record),
            sender=_sender(who),
            title=data.title,
            body=data.body,
            labels=tuple(data.labels),
            assignees=tuple(data.assignees),
            milestone_id=int(data.milestone_id) if data.milestone_id is not None else None,
            audit=audit_context(request, who),
        ),
    )
    return issue_out(issue)


@get("/api/projects/{project:str}/issues/{iid:int}", tags=["issues"], summary="An issue")
async def get_issue(request: Request[Any, Any, Any], project: ProjectRef, iid: Iid) -> IssueOut:
    record = await load_project(request, project)
    issue: im.IssueRecord = await _ask(request, im.GetIssue(record.id, _iid(iid)))
    return issue_out(issue)


@patch(
    "/api/projects/{project:str}/issues/{iid:int}",
    tags=["issues"],
    summary=(
        "Change an issue; state closes or reopens it. Its author may change title, body and "
        "state; everything else needs issue:write"
    ),
    guards=[signed_in],
)
async def update_issue(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[IssuePatch],
) -> IssueOut:
    record, who, held = await _caller(request, project)
    _token_may(who, Permission.ISSUE_WRITE)
    changes = _changes(data)
    for field in ("labels", "assignees"):
        if field in changes:
            changes[field] = tuple(changes[field])
    if "milestone_id" in changes and changes["milestone_id"] is not None:
        changes["milestone_id"] = int(changes["milestone_id"])
    issue: im.IssueRecord = await _ask(
        request,
        im.UpdateIssue(
            project=_ref(record),
            iid=_iid(iid),
            sender=_sender(who),
            changes=changes,
            triage=Permission.ISSUE_WRITE in held,
            audit=audit_context(request, who),
        ),
    )
    return issue_out(issue)


# --- my issues, across projects -----------------------------------------------------------

# How many projects' permissions are asked for at once (each answer is cached by identity).
_PERMISSION_ASKS = 8


async def _readable(
    request: Request[Any, Any, Any], who: Principal, scope: im.UserIssueScope
) -> im.Readable:
    """The projects whose issues the caller may see here: what ``load_project`` would let
    them read (public ones; internal ones with the ``project:read`` scope; private ones
    where they hold ``project:read``, asked of identity for the private projects that hold
    one of their issues, so a member who lost access sees nothing of the project any more).
    """
    if Permission.PROJECT_READ in await permissions_of(request, who):
        return im.Readable(every=True)  # an administrator, or a global role that reads
    if who.scopes is not None and Permission.PROJECT_READ not in who.scopes:
        return im.Readable()  # a token without project:read: public projects only
    candidates: list[int] = await _ask(request, im.PrivateProjectsOf(who.user_id, scope))
    private: set[int] = set()
    limiter = anyio.CapacityLimiter(_PERMISSION_ASKS)

    async def check(project_id: int) -> None:
        async with limiter:
            if Permission.PROJECT_READ in await permissions_of(request, who, project_id):
                private.add(project_id)

    async with anyio.create_task_group() as tg:
        for project_id in candidates:
            tg.start_soon(check, project_id)
    return im.Readable(internal=True, private=frozenset(private))


@get(
    "/api/user/issues",
    tags=["issues"],
    summary=(
        "My issues across every project I may read: those I opened (scope=authored), am "
        "assigned (scope=assigned) or both (scope=all), most recently updated first"
    ),
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_my_issues(
    request: Request[Any, Any, Any],
    # ``scope`` is reserved by Litestar too (the ASGI scope): named like ``state`` is.
    scope_filter: Annotated[
        str,
        QueryParameter(
            name="scope",
            enum=[s.value for s in im.UserIssueScope],
            description="all, authored or assigned",
        ),
    ] = "all",
    state_filter: _State = "open",
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[UserIssueOut]]:
    who = await principal(request)
    scope = _choice(im.UserIssueScope, "scope", scope_filter)
    state = _state(state_filter)
    readable = await _readable(request, who, scope)
    found, total = await _ask(
        request,
        im.ListUserIssues(who.user_id, scope, state, readable, per_page, offset(page, per_page)),
    )
    return paged(request, [user_issue_out(x) for x in found], page, per_page, total)


# --- comments ----------------------------------------------------------------------------


@get(
    "/api/projects/{project:str}/issues/{iid:int}/comments",
    tags=["issues"],
    summary="An issue's comments, oldest first",
    response_headers=LIST_HEADERS,
)
async def list_comments(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    page: Page = 1,
    per_page: PerPage = 50,
) -> Response[list[CommentOut]]:
    record = await load_project(request, project)
    found: im.CommentPage = await _ask(
        request, im.ListComments(record.id, _iid(iid), page, per_page)
    )
    return paged(request, [comment_out(c) for c in found.items], page, per_page, found.total)


@post(
    "/api/projects/{project:str}/issues/{iid:int}/comments",
    tags=["issues"],
    summary="Comment on an issue (anyone signed in who may read the project)",
    guards=[signed_in],
)
async def create_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[CommentIn],
) -> CommentOut:
    record, who, _held = await _caller(request, project)
    _token_may(who, Permission.ISSUE_WRITE)
    comment: im.CommentRecord = await _ask(
        request,
        im.CreateComment(
            _ref(record), _iid(iid), _sender(who), data.body, audit_context(request, who)
        ),
    )
    return comment_out(comment)


@patch(
    "/api/projects/{project:str}/issues/{iid:int}/comments/{comment_id:int}",
    tags=["issues"],
    summary="Edit a comment (its author, or project:admin)",
    guards=[signed_in],
)
async def update_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    comment_id: Id,
    data: JSONBody[CommentIn],
) -> CommentOut:
    record, who, held = await _caller(request, project)
    _token_may(who, Permission.ISSUE_WRITE)
    comment: im.CommentRecord = await _ask(
        request,
        im.UpdateComment(
            project=_ref(record),
            iid=_iid(iid),
            comment_id=_id(comment_id, "comment"),
            sender=_sender(who),
            body=data.body,
            moderator=Permission.PROJECT_ADMIN in held,
            audit=audit_context(request, who),
        ),
    )
    return comment_out(comment)


@delete(
    "/api/projects/{project:str}/issues/{iid:int}/comments/{comment_id:int}",
    tags=["issues"],
    summary="Delete a comment (its author, or project:admin)",
    guards=[signed_in],
)
async def delete_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    comment_id: Id,
) -> None:
    record, who, held = await _caller(request, project)
    _token_may(who, Permission.ISSUE_WRITE)
    await _ask(
        request,
        im.DeleteComment(
            project=_ref(record),
            iid=_iid(iid),
            comment_id=_id(comment_id, "comment"),
            sender=_sender(who),
            moderator=Permission.PROJECT_ADMIN in held,
            audit=audit_context(request, who),
        ),
    )


ROUTES = [
    list_labels,
    create_label,
    update_label,
    delete_label,
    list_milestones,
    create_milestone,
    get_milestone,
    update_milestone,
    delete_milestone,
    list_issues,
    create_issue,
    get_issue,
    update_issue,
    list_comments,
    create_comment,
    update_comment,
    delete_comment,
    list_my_issues,
]
