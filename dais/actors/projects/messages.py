"""The projects domain's protocol. Other domains import projects only through here."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from dais.actors.identity.messages import AuditContext

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "ALL_MERGE_STRATEGIES",
    "CreateBranchRule",
    "CreateProject",
    "DeleteBranchRule",
    "ListBranchRules",
    "UpdateBranchRule",
    "DeleteProject",
    "GetProject",
    "ListProjects",
    "MergeStrategy",
    "ProjectMessage",
    "ProjectPath",
    "ProjectRecord",
    "UpdateProject",
    "Visibility",
    "repository_path",
]


class Visibility(enum.StrEnum):
    PUBLIC = "public"  # anyone, signed in or not, may read
    INTERNAL = "internal"  # any signed-in user may read
    PRIVATE = "private"  # members only


class MergeStrategy(enum.StrEnum):
    """How a merge request lands on its target branch (a project allows some of them)."""

    MERGE = "merge"  # a merge commit with two parents
    SQUASH = "squash"  # one commit on top of the target
    REBASE = "rebase"  # each commit replayed onto the target, then a fast-forward
    FAST_FORWARD = "fast-forward"  # only when the target has nothing the source lacks


ALL_MERGE_STRATEGIES: tuple[MergeStrategy, ...] = tuple(MergeStrategy)


@attrs.frozen
class ProjectRecord:
    id: int
    owner_id: int
    owner: str
    name: str
    visibility: Visibility
    description: str
    default_branch: str
    archived: bool
    created_at: datetime
    updated_at: datetime
    merge_strategies: tuple[MergeStrategy, ...] = ALL_MERGE_STRATEGIES
    #: Merge requests merge only once their source head's pipelines have succeeded.
    pipeline_must_succeed: bool = False

    @property
    def path(self) -> str:
        return f"{self.owner}/{self.name}"


def repository_path(data_dir: Path, project_id: int) -> Path:
    """Where a project's bare repository lives: by id, so a rename never moves it."""
    return data_dir / "repositories" / f"{project_id}.git"


@attrs.frozen
class CreateProject:
    owner_id: int
    owner: str
    name: str
    visibility: Visibility
    description: str
    default_branch: str
    initialize_readme: bool
    audit: AuditContext


@attrs.frozen
class ProjectPath:
    """A project named by its path, ``owner/name``, as parsed at the edge."""

    owner: str
    name: str

    def __str__(self) -> str:
        return f"{self.owner}/{self.name}"


@attrs.frozen
class GetProject:
    """By id or by path; the HTTP edge parses ``"42"`` or ``"alice/web"`` into one of them
    (see :func:`dais.actors.projects.rules.parse_project_ref`)."""

    ref: int | ProjectPath


@attrs.frozen
class ListProjects:
    """Projects the viewer may see: public ones, internal ones when signed in, and those in
    ``member_of`` (None: every project, for administrators)."""

    signed_in: bool
    member_of: frozenset[int] | None
    owner: str | None
    query: str | None
    limit: int
    offset: int


@attrs.frozen
class UpdateProject:
    project_id: int
    changes: dict[str, object]
    audit: AuditContext


@attrs.frozen
class DeleteProject:
    project_id: int
    audit: AuditContext


@attrs.frozen
class ListBranchRules:
    project_id: int


@attrs.frozen
class CreateBranchRule:
    project_id: int
    pattern: str
    allow_force_push: bool
    allow_deletion: bool
    push_roles: frozenset[str]
    merge_roles: frozenset[str]
    required_approvals: int
    audit: AuditContext
    dismiss_stale_approvals: bool = False


@attrs.frozen
class UpdateBranchRule:
    project_id: int
    rule_id: int
    changes: dict[str, object]
    audit: AuditContext


@attrs.frozen
class DeleteBranchRule:
    project_id: int
    rule_id: int
    audit: AuditContext


ProjectMessage = (
    CreateProject
    | GetProject
    | ListProjects
    | UpdateProject
    | DeleteProject
    | ListBranchRules
    | CreateBranchRule
    | UpdateBranchRule
    | DeleteBranchRule
)
