"""Merge request routes: ``/api/projects/{project}/merge-requests[/{iid}[/...]]``, and the
caller's own across projects, ``/api/user/merge-requests``.

Reading needs read access to the project (:func:`load_project`); opening, commenting and
reviewing need ``merge_request:write``; editing needs that or being the author; merging
needs ``merge_request:merge`` and, when a protected-branch rule matches the target, one of
its merge roles. The actor decides (it knows the author and the target); this module works
out who calls and what they hold (:class:`Caller`).

The commits and the diff of a merge request are read like the repository browser's
``compare``: what the source head has that the target lacks, from their merge base.

``/api/user/merge-requests`` lists the merge requests the caller wrote, is assigned or is
asked to review, in the projects they may read now (by :func:`can_read`'s rules), so
someone who lost access to a private project sees none of its merge requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import anyio
import anyio.to_thread
import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.params import JSONBody, QueryParameter

from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.actors.merges import messages as mm
from dais.actors.merges import views
from dais.actors.projects import browser
from dais.actors.projects import messages as pm

from .auth import audit_context, permissions_of, principal, signed_in
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import Id, Iid, ProjectRef
from .projects import load_project
from .repository import (
    CommitOut,
    FileDiffOut,
    StatsOut,
    blob_sizes,
    commit_out,
    file_out,
    read_in_thread,
)

__all__ = ["ROUTES"]

_BASE = "/api/projects/{project:str}/merge-requests"
_ONE = _BASE + "/{iid:int}"
_TAGS = ["merge requests"]
_COMMITS_LIMIT = 250
T = TypeVar("T")

_Name = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
_Names = Annotated[list[_Name], msgspec.Meta(max_length=50)]
_Branch = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
_Title = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
_Body = Annotated[str, msgspec.Meta(max_length=1 << 20)]
_Sha = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-fA-F]{40}$")]
UNSET = msgspec.UNSET


# --- shapes ------------------------------------------------------------------------------


class MergeRequestIn(msgspec.Struct, forbid_unknown_fields=True):
    source_branch: _Branch
    title: _Title
    target_branch: _Branch | None = None  # the project's default branch
    body: _Body = ""
    draft: bool = False
    assignees: _Names = msgspec.field(default_factory=list)
    reviewers: _Names = msgspec.field(default_factory=list)
    labels: _Names = msgspec.field(default_factory=list)


class MergeRequestPatch(msgspec.Struct, forbid_unknown_fields=True):
    title: _Title | msgspec.UnsetType = UNSET
    body: _Body | msgspec.UnsetType = UNSET
    draft: bool | msgspec.UnsetType = UNSET
    state: Literal["open", "closed", "merged"] | msgspec.UnsetType = UNSET
    target_branch: _Branch | msgspec.UnsetType = UNSET
    assignees: _Names | msgspec.UnsetType = UNSET
    reviewers: _Names | msgspec.UnsetType = UNSET
    labels: _Names | msgspec.UnsetType = UNSET
    auto_merge: bool | msgspec.UnsetType = UNSET
    auto_merge_strategy: pm.MergeStrategy | msgspec.UnsetType = UNSET
    auto_merge_delete_source_branch: bool | msgspec.UnsetType = UNSET


class MergeIn(msgspec.Struct, forbid_unknown_fields=True):
    strategy: pm.MergeStrategy | None = None  # the project's first allowed strategy
    delete_source_branch: bool = False
    commit_message: Annotated[str, msgspec.Meta(min_length=1, max_length=1 << 20)] | None = None
    sha: _Sha | None = None  # merge only if the source branch is still here
    auto_merge: bool = False  # not mergeable yet: merge as soon as it is (202)


class CommentIn(msgspec.Struct, forbid_unknown_fields=True):
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=1 << 20)]
    path: Annotated[str, msgspec.Meta(min_length=1, max_length=4096)] | None = None
    line: Annotated[int, msgspec.Meta(ge=1, le=100_000_000)] | None = None
    commit_sha: _Sha | None = None


class CommentPatch(msgspec.Struct, forbid_unknown_fields=True):
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=1 << 20)]


class ReviewIn(msgspec.Struct, forbid_unknown_fields=True):
    state: Literal["approve", "request_changes", "comment"]
    body: _Body = ""

    #: Requesting changes needs a body saying what should change (as GitHub asks).
    json_schema_extra = {  # a class attribute: msgspec fields are the annotated names
        "if": {"properties": {"state": {"const": "request_changes"}}},
        "then": {"required": ["body"], "properties": {"body": {"pattern": "\\S"}}},
    }


class CommitsOut(msgspec.Struct):
    commits: list[CommitOut]  # oldest first
    truncated: bool


class MergeRequestDiffOut(msgspec.Struct):
    base_sha: str | None
    head_sha: str
    stats: StatsOut
    files: list[FileDiffOut]
    truncated: bool


_REVIEW_STATES = {
    "approve": mm.ReviewState.APPROVED,
    "request_changes": mm.ReviewState.CHANGES_REQUESTED,
    "comment": mm.ReviewState.COMMENTED,
}


# --- helpers -----------------------------------------------------------------------------


async def _ask(request: Request[Any, Any, Any], actor: str, message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(actor), message)


async def _caller(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> mm.Caller:
    """Who calls, with the permissions and roles they hold on ``project``."""
    who = await principal(request)
    held = await permissions_of(request, who, project.id)
    assignments: list[im.AssignmentRecord] = await _ask(
        request, "identity", im.ListAssignments(who.user_id)
    )
    return mm.Caller(
        user_id=who.user_id,
        username=who.username,
        permissions=frozenset(str(p) for p in held),
        roles=frozenset(a.role for a in assignments if a.project_id in (None, project.id)),
        is_admin=who.is_admin and who.scopes is None,  # a scoped token does not act as admin
        audit=audit_context(request, who),
        scopes=None if who.scopes is None else frozenset(str(s) for s in who.scopes),
    )


def _repo_dir(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> Path:
    return pm.repository_path(request.app.state.services.settings.data_dir, project.id)


def _out(record: mm.MergeRequestRecord) -> views.MergeRequestOut:
    return views.merge_request_out(record)


async def _get_record(
    request: Request[Any, Any, Any], project: str, iid: int
) -> tuple[pm.ProjectRecord, mm.MergeRequestRecord]:
    record = await load_project(request, project)
    mr: mm.MergeRequestRecord = await _ask(
        request, "merge_requests", mm.GetMergeRequest(record, iid)
    )
    return record, mr


# --- merge requests ----------------------------------------------------------------------


@get(
    _BASE,
    tags=_TAGS,
    summary="A project's merge requests, newest first",
    response_headers=LIST_HEADERS,
)
async def list_merge_requests(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    state_filter: Annotated[mm.StateFilter, QueryParameter(name="state")] = mm.StateFilter.OPEN,
    author: Annotated[str | None, QueryParameter(max_length=255)] = None,
    label: Annotated[str | None, QueryParameter(max_length=255)] = None,
    source_branch: Annotated[str | None, QueryParameter(max_length=255)] = None,
    target_branch: Annotated[str | None, QueryParameter(max_length=255)] = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[views.MergeRequestOut]]:
    record = await load_project(request, project)
    found: mm.MergeRequestPage = await _ask(
        request,
        "merge_requests",
        mm.ListMergeRequests(
            record,
            state_filter,
            author,
            label,
            source_branch,
            target_branch,
            per_page,
            offset(page, per_page),
        ),
    )
    return paged(request, [_out(mr) for mr in found.items], page, per_page, found.total)


@post(_BASE, tags=_TAGS, summary="Open a merge request", guards=[signed_in])
async def create_merge_request(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[MergeRequestIn]
) -> views.MergeRequestOut:
    record = await load_project(request, project)
    mr: mm.MergeRequestRecord = await _ask(
        request,
        "merge_requests",
        mm.CreateMergeRequest(
            project=record,
            caller=await _caller(request, record),
            source_branch=data.source_branch,
            target_branch=data.target_branch or record.default_branch,
            title=data.title,
            body=data.body,
            draft=data.draft,
            assignees=tuple(data.assignees),
            reviewers=tuple(data.reviewers),
            labels=tuple(data.labels),
        ),
    )
    return _out(mr)


@get(_ONE, tags=_TAGS, summary="A merge request, with its mergeability")
async def get_merge_request(
    request: Request[Any, Any, Any], project: ProjectRef, iid: Iid
) -> views.MergeRequestOut:
    _record, mr = await _get_record(request, project, iid)
    return _out(mr)


@patch(_ONE, tags=_TAGS, summary="Edit, close or reopen a merge request", guards=[signed_in])
async def update_merge_request(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[MergeRequestPatch],
) -> views.MergeRequestOut:
    record = await load_project(request, project)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not UNSET}
    mr: mm.MergeRequestRecord = await _ask(
        request,
        "merge_requests",
        mm.UpdateMergeRequest(record, iid, await _caller(request, record), changes),
    )
    return _out(mr)


@post(
    f"{_ONE}/merge",
    tags=_TAGS,
    summary="Merge (200), or arm auto merge until it is mergeable (202)",
    guards=[signed_in],
    status_code=200,
)
async def merge_merge_request(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[MergeIn],
) -> Response[views.MergeRequestOut]:
    record = await load_project(request, project)
    outcome: mm.MergeOutcome = await _ask(
        request,
        "merge_requests",
        mm.Merge(
            project=record,
            iid=iid,
            caller=await _caller(request, record),
            strategy=data.strategy,
            delete_source_branch=data.delete_source_branch,
            commit_message=data.commit_message,
            sha=None if data.sha is None else data.sha.lower(),
            auto_merge=data.auto_merge,
        ),
    )
    return Response(_out(outcome.merge_request), status_code=200 if outcome.merged else 202)


@get(f"{_ONE}/commits", tags=_TAGS, summary="The commits a merge request brings, oldest first")
async def list_merge_request_commits(
    request: Request[Any, Any, Any], project: ProjectRef, iid: Iid
) -> CommitsOut:
    record, mr = await _get_record(request, project, iid)
    found = await read_in_thread(
        browser.compare, _repo_dir(request, record), mr.target_sha, mr.source_sha, _COMMITS_LIMIT
    )
    return CommitsOut(
        commits=[commit_out(c) for c in reversed(found.commits)],
        truncated=found.commits_truncated,
    )


@get(f"{_ONE}/diff", tags=_TAGS, summary="What a merge request changes: files, stats, patches")
async def get_merge_request_diff(
    request: Request[Any, Any, Any], project: ProjectRef, iid: Iid
) -> MergeRequestDiffOut:
    record, mr = await _get_record(request, project, iid)
    repo_dir = _repo_dir(request, record)
    found = await read_in_thread(browser.compare, repo_dir, mr.target_sha, mr.source_sha, 1)
    sizes = await blob_sizes(repo_dir, found.changes.blobs)
    diff = await read_in_thread(browser.render_diff, repo_dir, found.changes, sizes)
    return MergeRequestDiffOut(
        base_sha=found.base,
        head_sha=found.to_sha,
        stats=StatsOut(additions=diff.additions, deletions=diff.deletions, files=diff.changed),
        files=[file_out(f) for f in diff.files],
        truncated=diff.truncated,
    )


# --- the caller's merge requests, across projects ------------------------------------------


class UserMergeRequestOut(views.MergeRequestOut):
    project_path: str  # owner/name


_READERS = 8  # permission look-ups in flight at once for one dashboard


async def _readable(
    request: Request[Any, Any, Any], who: im.Principal, found: list[mm.InvolvedProject]
) -> tuple[int, ...]:
    """The projects among ``found`` the caller may read, by the rules of :func:`can_read`:
    public ones; internal ones unless a token's scopes leave out ``project:read``; private
    ones where they hold ``project:read`` (so someone who lost access sees nothing there)."""
    if who.is_admin and who.scopes is None:
        return tuple(p.project_id for p in found)
    internal = who.scopes is None or Permission.PROJECT_READ in who.scopes
    readable = [
        p.project_id
        for p in found
        if p.visibility is pm.Visibility.PUBLIC
        or (p.visibility is pm.Visibility.INTERNAL and internal)
    ]
    private = [p.project_id for p in found if p.visibility is pm.Visibility.PRIVATE]
    limiter = anyio.CapacityLimiter(_READERS)

    async def check(project_id: int) -> None:
        async with limiter:
            if Permission.PROJECT_READ in await permissions_of(request, who, project_id):
                readable.append(project_id)

    async with anyio.create_task_group() as tasks:
        for project_id in private:
            tasks.start_soon(check, project_id)
    return tuple(sorted(readable))


@get(
    "/api/user/merge-requests",
    tags=_TAGS,
    summary="My merge requests (authored, assigned, to review) in every project I can read",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_my_merge_requests(
    request: Request[Any, Any, Any],
    scope_filter: Annotated[
        mm.DashboardScope, QueryParameter(name="scope")
    ] = mm.DashboardScope.ALL,
    state_filter: Annotated[mm.StateFilter, QueryParameter(name="state")] = mm.StateFilter.OPEN,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[UserMergeRequestOut]]:
    who = await principal(request)
    found: list[mm.InvolvedProject] = await _ask(
        request, "merge_requests", mm.ListInvolvedProjects(who.user_id, scope_filter, state_filter)
    )
    readable = await _readable(request, who, found)
    records, total = await _ask(
        request,
        "merge_requests",
        mm.ListUserMergeRequests(
            who.user_id,
            scope_filter,
            state_filter,
            readable,
            per_page,
            offset(page, per_page),
        ),
    )
    items = [
        UserMergeRequestOut(**msgspec.structs.asdict(_out(mr)), project_path=mr.project_path or "")
        for mr in records
    ]
    return paged(request, items, page, per_page, total)


# --- comments ----------------------------------------------------------------------------


@get(
    f"{_ONE}/comments", tags=_TAGS, summary="Comments, oldest first", response_headers=LIST_HEADERS
)
async def list_merge_request_comments(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[views.CommentOut]]:
    record = await load_project(request, project)
    found: list[mm.CommentRecord] = await _ask(
        request, "merge_requests", mm.ListComments(record, iid)
    )
    return sliced(request, [views.comment_out(c) for c in found], page, per_page)


@post(
    f"{_ONE}/comments",
    tags=_TAGS,
    summary="Comment, optionally on a line of a file at a commit",
    guards=[signed_in],
)
async def create_merge_request_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[CommentIn],
) -> views.CommentOut:
    record = await load_project(request, project)
    comment: mm.CommentRecord = await _ask(
        request,
        "merge_requests",
        mm.CreateComment(
            project=record,
            iid=iid,
            caller=await _caller(request, record),
            body=data.body,
            path=data.path,
            line=data.line,
            commit_sha=data.commit_sha,
        ),
    )
    return views.comment_out(comment)


@patch(
    f"{_ONE}/comments/{{comment_id:int}}",
    tags=_TAGS,
    summary="Edit a comment (its author)",
    guards=[signed_in],
)
async def update_merge_request_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    comment_id: Id,
    data: JSONBody[CommentPatch],
) -> views.CommentOut:
    record = await load_project(request, project)
    comment: mm.CommentRecord = await _ask(
        request,
        "merge_requests",
        mm.UpdateComment(record, iid, comment_id, await _caller(request, record), data.body),
    )
    return views.comment_out(comment)


@delete(
    f"{_ONE}/comments/{{comment_id:int}}",
    tags=_TAGS,
    summary="Delete a comment (its author or a project admin)",
    guards=[signed_in],
)
async def delete_merge_request_comment(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    comment_id: Id,
) -> None:
    record = await load_project(request, project)
    await _ask(
        request,
        "merge_requests",
        mm.DeleteComment(record, iid, comment_id, await _caller(request, record)),
    )


# --- reviews -----------------------------------------------------------------------------


@get(
    f"{_ONE}/reviews",
    tags=_TAGS,
    summary="Reviews, oldest first (dismissed ones marked)",
    response_headers=LIST_HEADERS,
)
async def list_merge_request_reviews(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[views.ReviewOut]]:
    record = await load_project(request, project)
    found: list[mm.ReviewRecord] = await _ask(
        request, "merge_requests", mm.ListReviews(record, iid)
    )
    return sliced(request, [views.review_out(r) for r in found], page, per_page)


@post(
    f"{_ONE}/reviews",
    tags=_TAGS,
    summary="Approve, request changes or comment",
    guards=[signed_in],
)
async def submit_merge_request_review(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    data: JSONBody[ReviewIn],
) -> views.ReviewOut:
    record = await load_project(request, project)
    review: mm.ReviewRecord = await _ask(
        request,
        "merge_requests",
        mm.SubmitReview(
            record, iid, await _caller(request, record), _REVIEW_STATES[data.state], data.body
        ),
    )
    return views.review_out(review)


ROUTES = [
    list_my_merge_requests,
    list_merge_requests,
    create_merge_request,
    get_merge_request,
    update_merge_request,
    merge_merge_request,
    list_merge_request_commits,
    get_merge_request_diff,
    list_merge_request_comments,
    create_merge_request_comment,
    update_merge_request_comment,
    delete_merge_request_comment,
    list_merge_request_reviews,
    submit_merge_request_review,
]
