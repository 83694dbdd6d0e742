"""How merge requests, comments and reviews look as JSON: in API replies and in events.

One shape for both, by contract: a ``merge_request.*`` event carries the merge request
exactly as ``GET /api/projects/{id}/merge-requests/{iid}`` returns it, so both come from here.
"""

from __future__ import annotations

from datetime import datetime  # noqa: TC003 - msgspec resolves the annotations at runtime
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from .messages import (
        CommentRecord,
        LabelRef,
        MergeRequestRecord,
        ReviewRecord,
        UserRef,
    )

__all__ = [
    "ApprovalsOut",
    "CommentOut",
    "LabelOut",
    "MergeRequestOut",
    "ReviewOut",
    "UserOut",
    "comment_out",
    "merge_request_out",
    "review_out",
    "to_json",
    "user_out",
]


class UserOut(msgspec.Struct):
    id: str
    username: str


class LabelOut(msgspec.Struct):
    id: str
    name: str
    color: str
    description: str


class ApprovalsOut(msgspec.Struct):
    required: int
    given: int
    approved_by: list[UserOut]


class MergeRequestOut(msgspec.Struct):
    id: str
    iid: int
    project_id: str
    title: str
    body: str
    state: str  # open | merged | closed
    draft: bool
    author: UserOut | None
    source_branch: str
    target_branch: str
    source_sha: str
    target_sha: str
    merge_base_sha: str | None
    assignees: list[UserOut]
    reviewers: list[UserOut]
    labels: list[LabelOut]
    mergeable: bool
    conflicts: list[str]
    blockers: list[str]
    fast_forward_possible: bool
    target_protected: bool
    approvals: ApprovalsOut
    auto_merge: bool
    auto_merge_strategy: str | None
    auto_merge_delete_source_branch: bool
    auto_merge_by: UserOut | None
    merged_by: UserOut | None
    merged_at: datetime | None
    merge_commit_sha: str | None
    merge_strategy: str | None
    closed_by: UserOut | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    #: The latest pipeline of the source head (None: none ran for it).
    pipeline: PipelineBriefOut | None


class PipelineBriefOut(msgspec.Struct):
    number: int
    state: str


class CommentOut(msgspec.Struct):
    id: str
    merge_request_iid: int
    body: str
    author: UserOut | None
    path: str | None
    line: int | None
    commit_sha: str | None
    created_at: datetime
    updated_at: datetime


class ReviewOut(msgspec.Struct):
    id: str
    merge_request_iid: int
    state: str  # approved | changes_requested | commented
    body: str
    author: UserOut | None
    commit_sha: str
    dismissed: bool
    dismissed_at: datetime | None
    created_at: datetime


def user_out(user: UserRef | None) -> UserOut | None:
    return None if user is None else UserOut(id=str(user.id), username=user.username)


def _users(users: tuple[UserRef, ...]) -> list[UserOut]:
    return [UserOut(id=str(u.id), username=u.username) for u in users]


def _label(label: LabelRef) -> LabelOut:
    return LabelOut(
        id=str(label.id), name=label.name, color=label.color, description=label.description
    )


def merge_request_out(mr: MergeRequestRecord) -> MergeRequestOut:
    s = mr.status
    return MergeRequestOut(
        id=str(mr.id),
        iid=mr.iid,
        project_id=str(mr.project_id),
        title=mr.title,
        body=mr.body,
        state=mr.state.value,
        draft=mr.draft,
        author=user_out(mr.author),
        source_branch=mr.source_branch,
        target_branch=mr.target_branch,
        source_sha=mr.source_sha,
        target_sha=mr.target_sha,
        merge_base_sha=s.merge_base,
        assignees=_users(mr.assignees),
        reviewers=_users(mr.reviewers),
        labels=[_label(label) for label in mr.labels],
        mergeable=s.mergeable,
        conflicts=list(s.conflicts),
        blockers=list(s.blockers),
        fast_forward_possible=s.fast_forward_possible,
        target_protected=s.target_protected,
        approvals=ApprovalsOut(
            required=mr.approvals.required,
            given=len(mr.approvals.approved_by),
            approved_by=_users(mr.approvals.approved_by),
        ),
        auto_merge=mr.auto_merge,
        auto_merge_strategy=None
        if mr.auto_merge_strategy is None
        else mr.auto_merge_strategy.value,
        auto_merge_delete_source_branch=mr.auto_merge_delete_source_branch,
        auto_merge_by=user_out(mr.auto_merge_by),
        merged_by=user_out(mr.merged_by),
        merged_at=mr.merged_at,
        merge_commit_sha=mr.merge_commit_sha,
        merge_strategy=None if mr.merge_strategy is None else mr.merge_strategy.value,
        closed_by=user_out(mr.closed_by),
        closed_at=mr.closed_at,
        created_at=mr.created_at,
        updated_at=mr.updated_at,
        pipeline=None
        if mr.pipeline is None
        else PipelineBriefOut(mr.pipeline.number, mr.pipeline.state),
    )


def comment_out(c: CommentRecord) -> CommentOut:
    return CommentOut(
        id=str(c.id),
        merge_request_iid=c.merge_request_iid,
        body=c.body,
        author=user_out(c.author),
        path=c.path,
        line=c.line,
        commit_sha=c.commit_sha,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


def review_out(r: ReviewRecord) -> ReviewOut:
    return ReviewOut(
        id=str(r.id),
        merge_request_iid=r.merge_request_iid,
        state=r.state.value,
        body=r.body,
        author=user_out(r.author),
        commit_sha=r.commit_sha,
        dismissed=r.dismissed_at is not None,
        dismissed_at=r.dismissed_at,
        created_at=r.created_at,
    )


def to_json(view: msgspec.Struct) -> dict[str, Any]:
    """The view as the API's JSON encoder writes it (datetimes in RFC 3339), as builtins."""
    out: dict[str, Any] = msgspec.to_builtins(view)
    return out
