"""How labels, milestones, issues and comments look as JSON: in API replies and in events.

One shape for both, by contract: an ``issue.*`` event carries the issue exactly as
``GET /api/projects/{id}/issues/{iid}`` returns it, so both are built here.
"""

from __future__ import annotations

# msgspec reads the structs' annotations at run time, so these imports must be real.
from datetime import date, datetime  # noqa: TC003
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from .messages import (
        CommentRecord,
        IssueRecord,
        LabelRecord,
        LabelRef,
        MilestoneRecord,
        UserIssue,
        UserRef,
    )

__all__ = [
    "CommentOut",
    "IssueLabelOut",
    "IssueMilestoneOut",
    "IssueOut",
    "LabelOut",
    "MilestoneOut",
    "ProgressOut",
    "UserIssueOut",
    "UserOut",
    "comment_out",
    "issue_out",
    "label_out",
    "milestone_out",
    "to_json",
    "user_issue_out",
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
    created_at: datetime
    updated_at: datetime


class IssueLabelOut(msgspec.Struct):
    id: str
    name: str
    color: str
    description: str


class ProgressOut(msgspec.Struct):
    open_issues: int
    closed_issues: int
    percent: int  # closed issues as a whole percentage of all; 0 when there are none


class MilestoneOut(msgspec.Struct):
    id: str
    title: str
    description: str
    due_date: date | None
    state: str
    progress: ProgressOut
    created_at: datetime
    updated_at: datetime


class IssueMilestoneOut(msgspec.Struct):
    id: str
    title: str
    state: str
    due_date: date | None


class IssueOut(msgspec.Struct):
    id: str
    iid: int
    project_id: str
    title: str
    body: str
    state: str
    author: UserOut | None
    assignees: list[UserOut]
    labels: list[IssueLabelOut]
    milestone: IssueMilestoneOut | None
    closed_by: UserOut | None
    closed_at: datetime | None
    comments: int
    created_at: datetime
    updated_at: datetime


class UserIssueOut(IssueOut):
    """An issue in a list spanning projects: it says which project it is in."""

    project_path: str


class CommentOut(msgspec.Struct):
    id: str
    issue_iid: int
    body: str
    author: UserOut | None
    created_at: datetime
    updated_at: datetime


def user_out(user: UserRef | None) -> UserOut | None:
    return None if user is None else UserOut(id=str(user.id), username=user.username)


def label_out(label: LabelRecord) -> LabelOut:
    return LabelOut(
        id=str(label.id),
        name=label.name,
        color=label.color,
        description=label.description,
        created_at=label.created_at,
        updated_at=label.updated_at,
    )


def _issue_label(label: LabelRef) -> IssueLabelOut:
    return IssueLabelOut(
        id=str(label.id), name=label.name, color=label.color, description=label.description
    )


def milestone_out(m: MilestoneRecord) -> MilestoneOut:
    return MilestoneOut(
        id=str(m.id),
        title=m.title,
        description=m.description,
        due_date=m.due_date,
        state=m.state.value,
        progress=ProgressOut(
            open_issues=m.open_issues, closed_issues=m.closed_issues, percent=m.percent_complete
        ),
        created_at=m.created_at,
        updated_at=m.updated_at,
    )


def issue_out(issue: IssueRecord) -> IssueOut:
    m = issue.milestone
    milestone = None
    if m is not None:
        milestone = IssueMilestoneOut(
            id=str(m.id), title=m.title, state=m.state.value, due_date=m.due_date
        )
    return IssueOut(
        id=str(issue.id),
        iid=issue.iid,
        project_id=str(issue.project_id),
        title=issue.title,
        body=issue.body,
        state=issue.state.value,
        author=user_out(issue.author),
        assignees=[UserOut(id=str(u.id), username=u.username) for u in issue.assignees],
        labels=[_issue_label(label) for label in issue.labels],
        milestone=milestone,
        closed_by=user_out(issue.closed_by),
        closed_at=issue.closed_at,
        comments=issue.comments,
        created_at=issue.created_at,
        updated_at=issue.updated_at,
    )


def user_issue_out(found: UserIssue) -> UserIssueOut:
    shown = issue_out(found.issue)
    return UserIssueOut(
        **{f: getattr(shown, f) for f in shown.__struct_fields__},
        project_path=found.project_path,
    )


def comment_out(comment: CommentRecord) -> CommentOut:
    return CommentOut(
        id=str(comment.id),
        issue_iid=comment.issue_iid,
        body=comment.body,
        author=user_out(comment.author),
        created_at=comment.created_at,
        updated_at=comment.updated_at,
    )


def to_json(view: msgspec.Struct) -> dict[str, Any]:
    """The view as the API's JSON encoder writes it (datetimes in RFC 3339), as builtins."""
    out: dict[str, Any] = msgspec.to_builtins(view)
    return out
