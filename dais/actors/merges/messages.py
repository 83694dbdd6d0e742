"""The merge requests domain's protocol. Other domains import merge requests only through here.

A merge request proposes merging a source branch into a target branch of the same project.
Callers are described by :class:`Caller` (what they may do on the project, worked out by the
HTTP layer); the actor decides what that allows for one merge request (an author may edit
their own, a protected target asks for a merge role, and so on).
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from dais.actors.identity.messages import AuditContext
from dais.actors.projects.messages import MergeStrategy, ProjectRecord, Visibility

__all__ = [
    "Approvals",
    "Caller",
    "CommentRecord",
    "CreateComment",
    "CreateMergeRequest",
    "DashboardScope",
    "DeleteComment",
    "GetMergeRequest",
    "InvolvedProject",
    "LabelRef",
    "ListComments",
    "ListInvolvedProjects",
    "ListMergeRequests",
    "ListReviews",
    "ListUserMergeRequests",
    "Merge",
    "MergeOutcome",
    "MergeRequestMessage",
    "MergeRequestPage",
    "MergeRequestRecord",
    "MergeRequestState",
    "MergeStatus",
    "MergeStrategy",
    "PushReceived",
    "HeadStatusChanged",
    "ReviewRecord",
    "ReviewState",
    "StateFilter",
    "SubmitReview",
    "UpdateComment",
    "UpdateMergeRequest",
    "UserRef",
]


class MergeRequestState(enum.StrEnum):
    OPEN = "open"
    MERGED = "merged"
    CLOSED = "closed"


class StateFilter(enum.StrEnum):
    OPEN = "open"
    MERGED = "merged"
    CLOSED = "closed"
    ALL = "all"


class DashboardScope(enum.StrEnum):
    """Which of a user's merge requests: any they are involved in, or one way of being."""

    ALL = "all"
    AUTHORED = "authored"
    ASSIGNED = "assigned"
    REVIEW_REQUESTED = "review_requested"


class ReviewState(enum.StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    COMMENTED = "commented"


# --- records ---------------------------------------------------------------------------


@attrs.frozen
class UserRef:
    id: int
    username: str


@attrs.frozen
class LabelRef:
    id: int
    name: str
    color: str
    description: str


@attrs.frozen
class Approvals:
    """Approvals that count: the latest verdict of each reviewer other than the author."""

    required: int  # from the protected-branch rules matching the target (the largest)
    approved_by: tuple[UserRef, ...]

    @property
    def missing(self) -> int:
        return max(0, self.required - len(self.approved_by))


@attrs.frozen
class MergeStatus:
    """Whether the merge request can be merged now, and if not, why not."""

    mergeable: bool
    conflicts: tuple[str, ...]  # paths git could not merge
    blockers: tuple[str, ...]  # draft, conflicts, approvals_missing, source_branch_missing, ...
    merge_base: str | None
    fast_forward_possible: bool
    target_protected: bool


@attrs.frozen
class MergeRequestRecord:
    id: int
    project_id: int
    iid: int
    title: str
    body: str
    state: MergeRequestState
    draft: bool
    author: UserRef | None  # None once the author's account is deleted
    source_branch: str
    target_branch: str
    source_sha: str
    target_sha: str
    assignees: tuple[UserRef, ...]
    reviewers: tuple[UserRef, ...]
    labels: tuple[LabelRef, ...]
    approvals: Approvals
    status: MergeStatus
    auto_merge: bool
    auto_merge_strategy: MergeStrategy | None
    auto_merge_delete_source_branch: bool
    auto_merge_by: UserRef | None
    merged_by: UserRef | None
    merged_at: datetime | None
    merge_commit_sha: str | None
    merge_strategy: MergeStrategy | None
    closed_by: UserRef | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    auto_merge_commit_message: str | None = None  # kept for the auto merge (not shown)
    project_path: str | None = None  # filled in where merge requests of many projects mix
    pipeline: PipelineBrief | None = None  # the latest pipeline of the source head


@attrs.frozen
class PipelineBrief:
    number: int
    state: str


@attrs.frozen
class MergeRequestPage:
    items: list[MergeRequestRecord]
    total: int


@attrs.frozen
class CommentRecord:
    id: int
    merge_request_iid: int
    body: str
    author: UserRef | None
    path: str | None  # a line comment: the file, the line and the commit it was read at
    line: int | None
    commit_sha: str | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class ReviewRecord:
    id: int
    merge_request_iid: int
    state: ReviewState
    body: str
    author: UserRef | None
    commit_sha: str  # the source branch head the review was given on
    dismissed_at: datetime | None
    created_at: datetime


@attrs.frozen
class MergeOutcome:
    """What ``Merge`` did: merged now, or armed to merge once mergeable (auto merge)."""

    merged: bool
    merge_request: MergeRequestRecord


@attrs.frozen
class Caller:
    """Who asks, and what they may do on the project (resolved by the HTTP layer)."""

    user_id: int
    username: str
    permissions: frozenset[str]  # permission names held on the project
    roles: frozenset[str]  # role names held on the project (globally or there)
    is_admin: bool  # an administrator acting with full rights (not a scoped token)
    audit: AuditContext
    #: The scopes of the token they call with (None: a session or a ``*`` token). What the
    #: caller may do as the author of something (edit their merge request or comment) is
    #: still limited by them.
    scopes: frozenset[str] | None = None

    def scope_allows(self, permission: str) -> bool:
        return self.scopes is None or permission in self.scopes


# --- messages --------------------------------------------------------------------------


@attrs.frozen
class CreateMergeRequest:
    project: ProjectRecord
    caller: Caller
    source_branch: str
    target_branch: str
    title: str
    body: str
    draft: bool
    assignees: tuple[str, ...]  # usernames
    reviewers: tuple[str, ...]
    labels: tuple[str, ...]  # label names


@attrs.frozen
class ListMergeRequests:
    project: ProjectRecord
    state: StateFilter
    author: str | None
    label: str | None
    source_branch: str | None
    target_branch: str | None
    limit: int
    offset: int


@attrs.frozen
class GetMergeRequest:
    project: ProjectRecord
    iid: int


@attrs.frozen
class UpdateMergeRequest:
    """``changes``: title, body, draft, state (open|closed), target_branch, assignees,
    reviewers, labels, auto_merge, auto_merge_strategy, auto_merge_delete_source_branch."""

    project: ProjectRecord
    iid: int
    caller: Caller
    changes: dict[str, object]


@attrs.frozen
class Merge:
    project: ProjectRecord
    iid: int
    caller: Caller
    strategy: MergeStrategy | None  # None: the first strategy the project allows
    delete_source_branch: bool
    commit_message: str | None
    sha: str | None  # merge only if the source branch still points here
    auto_merge: bool  # not mergeable yet: merge as soon as it is


@attrs.frozen
class ListComments:
    project: ProjectRecord
    iid: int


@attrs.frozen
class CreateComment:
    project: ProjectRecord
    iid: int
    caller: Caller
    body: str
    path: str | None
    line: int | None
    commit_sha: str | None


@attrs.frozen
class UpdateComment:
    project: ProjectRecord
    iid: int
    comment_id: int
    caller: Caller
    body: str


@attrs.frozen
class DeleteComment:
    project: ProjectRecord
    iid: int
    comment_id: int
    caller: Caller


@attrs.frozen
class ListReviews:
    project: ProjectRecord
    iid: int


@attrs.frozen
class SubmitReview:
    project: ProjectRecord
    iid: int
    caller: Caller
    state: ReviewState
    body: str


@attrs.frozen
class InvolvedProject:
    project_id: int
    visibility: Visibility


@attrs.frozen
class ListInvolvedProjects:
    """The projects holding merge requests ``user_id`` is involved in (``scope``, ``state``):
    the caller works out which of them the user may still read."""

    user_id: int
    scope: DashboardScope
    state: StateFilter


@attrs.frozen
class ListUserMergeRequests:
    """``user_id``'s merge requests (``scope``, ``state``) in ``project_ids`` (those they may
    read), most recently updated first; each record carries its ``project_path``. Replies
    ``(records, total)``."""

    user_id: int
    scope: DashboardScope
    state: StateFilter
    project_ids: tuple[int, ...]
    limit: int
    offset: int = 0


@attrs.frozen
class HeadStatusChanged:
    """A commit's pipeline or status changed (``pipeline.finished``, ``commit_status.updated``):
    re-examine the open merge requests whose source head it is, and auto merge those armed."""

    project_id: int
    sha: str


@attrs.frozen
class PushReceived:
    """A committed ``git.push`` event (from the outbox): re-examine the merge requests whose
    branches moved. Idempotent: it looks at where the branches are now."""

    event_id: int
    payload: dict[str, object]


MergeRequestMessage = (
    CreateMergeRequest
    | ListMergeRequests
    | GetMergeRequest
    | UpdateMergeRequest
    | Merge
    | ListComments
    | CreateComment
    | UpdateComment
    | DeleteComment
    | ListReviews
    | SubmitReview
    | PushReceived
    | HeadStatusChanged
    | ListInvolvedProjects
    | ListUserMergeRequests
)
