"""The issues domain's protocol: labels, milestones, issues and their comments.

Other domains import issues only through here.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import attrs

from dais.actors.identity.messages import AuditContext

from .views import IssueOut

__all__ = [
    "CommentPage",
    "CommentRecord",
    "CreateComment",
    "CreateIssue",
    "CreateLabel",
    "CreateMilestone",
    "DeleteComment",
    "DeleteLabel",
    "DeleteMilestone",
    "Direction",
    "GetIssue",
    "GetMilestone",
    "IssueMessage",
    "IssueMilestone",
    "IssuePage",
    "IssueQuery",
    "IssueRecord",
    "IssueSort",
    "IssueState",
    "LabelRecord",
    "LabelRef",
    "ListComments",
    "ListIssues",
    "ListLabels",
    "ListMilestones",
    "ListUserIssues",
    "MilestoneRecord",
    "MilestoneState",
    "PrivateProjectsOf",
    "ProjectRef",
    "Readable",
    "StateFilter",
    "UpdateComment",
    "UpdateIssue",
    "UpdateLabel",
    "UpdateMilestone",
    "UserIssue",
    "UserIssueScope",
    "UserRef",
]


class IssueState(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class MilestoneState(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class StateFilter(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ALL = "all"


class IssueSort(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"


class Direction(enum.StrEnum):
    ASC = "asc"
    DESC = "desc"


class UserIssueScope(enum.StrEnum):
    """Which of a user's issues: those they wrote, those they are assigned, or both."""

    ALL = "all"
    AUTHORED = "authored"
    ASSIGNED = "assigned"


@attrs.frozen
class ProjectRef:
    """The project a change happens in, as events name it; ``private`` says whether only
    its members may read it (and so be assigned its issues)."""

    id: int
    path: str
    private: bool = False


@attrs.frozen
class UserRef:
    id: int
    username: str


# --- records ---------------------------------------------------------------------------


@attrs.frozen
class LabelRecord:
    id: int
    project_id: int
    name: str
    color: str
    description: str
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class LabelRef:
    """A label as an issue shows it."""

    id: int
    name: str
    color: str
    description: str


@attrs.frozen
class MilestoneRecord:
    id: int
    project_id: int
    title: str
    description: str
    due_date: date | None
    state: MilestoneState
    open_issues: int
    closed_issues: int
    created_at: datetime
    updated_at: datetime

    @property
    def percent_complete(self) -> int:
        """Closed issues as a whole percentage of all of the milestone's issues (0 when none)."""
        total = self.open_issues + self.closed_issues
        return self.closed_issues * 100 // total if total else 0


@attrs.frozen
class IssueMilestone:
    """A milestone as an issue shows it."""

    id: int
    title: str
    state: MilestoneState
    due_date: date | None


@attrs.frozen
class IssueRecord:
    id: int
    project_id: int
    iid: int
    title: str
    body: str
    state: IssueState
    author: UserRef | None  # None once the author's account is deleted
    assignees: tuple[UserRef, ...]
    labels: tuple[LabelRef, ...]
    milestone: IssueMilestone | None
    closed_by: UserRef | None
    closed_at: datetime | None
    comments: int
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class CommentRecord:
    id: int
    issue_iid: int
    body: str
    author: UserRef | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class IssuePage:
    """A page of a listing, its issues already as the API shows them (built by the
    database: see ``queries.issue_page``), and how many match in all.

    ``generation``: the project's listing generation the page was read under (see
    ``dais.actors.issues.cache``), when the actor keeps them; a page may be reused for as
    long as that generation is current.
    """

    items: list[IssueOut]
    total: int
    generation: str | None = None


@attrs.frozen
class CommentPage:
    items: list[CommentRecord]
    total: int


# --- labels ----------------------------------------------------------------------------


@attrs.frozen
class ListLabels:
    project_id: int


@attrs.frozen
class CreateLabel:
    project: ProjectRef
    name: str
    color: str
    description: str
    audit: AuditContext


@attrs.frozen
class UpdateLabel:
    """``changes`` holds some of ``name``, ``color``, ``description``."""

    project: ProjectRef
    label_id: int
    changes: dict[str, str]
    audit: AuditContext


@attrs.frozen
class DeleteLabel:
    project: ProjectRef
    label_id: int
    audit: AuditContext


# --- milestones ------------------------------------------------------------------------


@attrs.frozen
class ListMilestones:
    project_id: int
    state: StateFilter


@attrs.frozen
class GetMilestone:
    project_id: int
    milestone_id: int


@attrs.frozen
class CreateMilestone:
    project: ProjectRef
    title: str
    description: str
    due_date: date | None
    state: MilestoneState
    audit: AuditContext


@attrs.frozen
class UpdateMilestone:
    """``changes`` holds some of ``title``, ``description``, ``due_date`` (None clears it),
    ``state``."""

    project: ProjectRef
    milestone_id: int
    changes: dict[str, object]
    audit: AuditContext


@attrs.frozen
class DeleteMilestone:
    project: ProjectRef
    milestone_id: int
    audit: AuditContext


# --- issues ----------------------------------------------------------------------------


@attrs.frozen
class CreateIssue:
    project: ProjectRef
    sender: UserRef
    title: str
    body: str
    labels: tuple[str, ...]  # names, matched regardless of case
    assignees: tuple[str, ...]  # usernames
    milestone_id: int | None
    audit: AuditContext


@attrs.frozen
class GetIssue:
    project_id: int
    iid: int


@attrs.frozen
class IssueQuery:
    """Filters, order and page of an issue listing; every filter must match."""

    state: StateFilter = StateFilter.OPEN
    labels: tuple[str, ...] = ()  # issues carrying all of these labels
    assignee: str | None = None
    author: str | None = None
    milestone_id: int | None = None
    no_milestone: bool = False
    text: str | None = None  # PostgreSQL web-search syntax over title and body
    sort: IssueSort = IssueSort.CREATED
    direction: Direction = Direction.DESC
    page: int = 1
    per_page: int = 20


@attrs.frozen
class ListIssues:
    project_id: int
    query: IssueQuery


@attrs.frozen
class UpdateIssue:
    """``changes`` holds some of ``title``, ``body``, ``state`` (an :class:`IssueState`),
    ``labels`` and ``assignees`` (tuples of names, replacing the current ones) and
    ``milestone_id`` (None clears it).

    ``triage`` says the sender holds issue:write on the project; without it, only the
    issue's author may change it, and only its title, body and state.
    """

    project: ProjectRef
    iid: int
    sender: UserRef
    changes: dict[str, object]
    triage: bool
    audit: AuditContext


# --- a user's issues across projects ----------------------------------------------------


@attrs.frozen
class Readable:
    """The projects a caller may read: every one, or the public ones, the internal ones when
    ``internal``, and the private ones listed (the HTTP layer asks identity about those)."""

    every: bool = False
    internal: bool = False
    private: frozenset[int] = frozenset()


@attrs.frozen
class PrivateProjectsOf:
    """The private projects holding an issue the user wrote or is assigned (in ``scope``):
    those whose read permission decides what :class:`ListUserIssues` may show."""

    user_id: int
    scope: UserIssueScope


@attrs.frozen
class ListUserIssues:
    """The user's issues (``scope``) in the projects in ``readable``, most recently updated
    first."""

    user_id: int
    scope: UserIssueScope
    state: StateFilter
    readable: Readable
    limit: int = 20
    offset: int = 0


@attrs.frozen
class UserIssue:
    issue: IssueRecord
    project_path: str


# --- comments --------------------------------------------------------------------------


@attrs.frozen
class ListComments:
    project_id: int
    iid: int
    page: int = 1
    per_page: int = 50


@attrs.frozen
class CreateComment:
    project: ProjectRef
    iid: int
    sender: UserRef
    body: str
    audit: AuditContext


@attrs.frozen
class UpdateComment:
    """Its author may edit a comment, and so may a ``moderator`` (project:admin)."""

    project: ProjectRef
    iid: int
    comment_id: int
    sender: UserRef
    body: str
    moderator: bool
    audit: AuditContext


@attrs.frozen
class DeleteComment:
    project: ProjectRef
    iid: int
    comment_id: int
    sender: UserRef
    moderator: bool
    audit: AuditContext


IssueMessage = (
    ListLabels
    | CreateLabel
    | UpdateLabel
    | DeleteLabel
    | ListMilestones
    | GetMilestone
    | CreateMilestone
    | UpdateMilestone
    | DeleteMilestone
    | CreateIssue
    | GetIssue
    | ListIssues
    | PrivateProjectsOf
    | ListUserIssues
    | UpdateIssue
    | ListComments
    | CreateComment
    | UpdateComment
    | DeleteComment
)
