"""The build engine's protocol. Other domains reach builds only through here.

Two actors speak it: ``builds`` (pipelines as records: listing, manual runs, cancel, retry,
schedules, commit statuses) and ``builds.runner`` (one per process: claims queued pipelines
and runs their steps on the executor; told :class:`Wake` when there is new work).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from dais.actors.identity.messages import AuditContext, Principal

__all__ = [
    "ACTOR",
    "CONTEXT",
    "RUNNER",
    "ArtifactRecord",
    "BuildsMessage",
    "CancelPipeline",
    "CommitState",
    "CreateSchedule",
    "DeleteSchedule",
    "FireSchedules",
    "GetArtifact",
    "GetPipeline",
    "GetStep",
    "ListArtifacts",
    "ListPipelines",
    "ListSchedules",
    "ListStatuses",
    "PipelineDetail",
    "PipelineRecord",
    "PipelineState",
    "RetryPipeline",
    "ScheduleRecord",
    "SetStatus",
    "StatusRecord",
    "StepRecord",
    "StepState",
    "TriggerPipeline",
    "UserRef",
    "Wake",
    "combined_state",
    "log_channel",
]

#: Name the records actor is registered under.
ACTOR = "builds"
#: Name of this process's runner.
RUNNER = "builds.runner"
#: The commit status context dais's own pipelines report under.
CONTEXT = "dais/pipeline"


class PipelineState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"
    #: The pipeline file is invalid: nothing ran.
    ERROR = "error"

    @property
    def finished(self) -> bool:
        return self not in (PipelineState.PENDING, PipelineState.RUNNING)


class StepState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"

    @property
    def finished(self) -> bool:
        return self not in (StepState.PENDING, StepState.RUNNING)


class CommitState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"


def combined_state(states: list[CommitState]) -> CommitState | None:
    """A commit's state over all its contexts: failed or cancelled if any is, else running
    or pending if any is, else success (None without statuses), as GitHub combines them."""
    if not states:
        return None
    for worst in (CommitState.FAILED, CommitState.CANCELLED, CommitState.RUNNING):
        if worst in states:
            return worst
    if CommitState.PENDING in states:
        return CommitState.PENDING
    return CommitState.SUCCESS


def log_channel(step_id: int) -> str:
    """The broker channel a step's new log lines are published on."""
    return f"builds.log.{step_id}"


@attrs.frozen
class UserRef:
    id: int
    username: str


@attrs.frozen
class PipelineRecord:
    id: int
    number: int
    project_id: int
    project_path: str
    event: str
    ref: str
    sha: str
    title: str
    label: str
    variables: Mapping[str, str]
    state: PipelineState
    error: str | None
    executor: str
    sandboxed: bool
    cancel_requested: bool
    merge_request_iid: int | None
    schedule_id: int | None
    created_by: UserRef | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def branch(self) -> str | None:
        return self.ref.removeprefix("refs/heads/") if self.ref.startswith("refs/heads/") else None

    @property
    def tag(self) -> str | None:
        return self.ref.removeprefix("refs/tags/") if self.ref.startswith("refs/tags/") else None


@attrs.frozen
class StepRecord:
    id: int
    pipeline_id: int
    name: str
    position: int
    stage: int
    spec: Mapping[str, Any]
    state: StepState
    exit_code: int | None
    attempt: int
    error: str | None
    started_at: datetime | None
    finished_at: datetime | None
    log_lines: int
    log_bytes: int
    log_truncated: bool


@attrs.frozen
class PipelineDetail:
    pipeline: PipelineRecord
    steps: tuple[StepRecord, ...]


@attrs.frozen
class ArtifactRecord:
    id: int
    pipeline_id: int
    step: str
    path: str
    size: int
    sha256: str
    expires_at: datetime | None
    created_at: datetime


@attrs.frozen
class StatusRecord:
    context: str
    state: CommitState
    description: str
    target_url: str | None
    pipeline_number: int | None
    creator: UserRef | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class ScheduleRecord:
    id: int
    project_id: int
    description: str
    cron: str
    timezone: str
    ref: str
    variables: Mapping[str, str]
    active: bool
    next_run_at: datetime | None
    last_run_at: datetime | None
    last_pipeline_number: int | None
    created_by: UserRef | None
    created_at: datetime


# --- messages to ``builds`` ------------------------------------------------------------


@attrs.frozen
class ListPipelines:
    project_id: int
    state: PipelineState | None = None
    ref: str | None = None
    sha: str | None = None
    merge_request_iid: int | None = None
    offset: int = 0
    limit: int = 20


@attrs.frozen
class GetPipeline:
    project_id: int
    number: int


@attrs.frozen
class GetStep:
    project_id: int
    number: int
    step: str


@attrs.frozen
class TriggerPipeline:
    """A manual run of ``ref`` (a branch or tag name) with extra variables."""

    project_id: int
    ref: str
    variables: Mapping[str, str]
    caller: Principal
    audit: AuditContext


@attrs.frozen
class CancelPipeline:
    project_id: int
    number: int
    audit: AuditContext


@attrs.frozen
class RetryPipeline:
    """Run again the steps that did not succeed (``step`` None) or one step, and every step
    depending on them."""

    project_id: int
    number: int
    audit: AuditContext
    step: str | None = None


@attrs.frozen
class ListArtifacts:
    project_id: int
    number: int


@attrs.frozen
class GetArtifact:
    project_id: int
    number: int
    artifact_id: int


@attrs.frozen
class ListStatuses:
    project_id: int
    sha: str


@attrs.frozen
class SetStatus:
    project_id: int
    sha: str
    context: str
    state: CommitState
    description: str
    target_url: str | None
    caller: Principal
    audit: AuditContext


@attrs.frozen
class ListSchedules:
    project_id: int


@attrs.frozen
class CreateSchedule:
    project_id: int
    description: str
    cron: str
    timezone: str
    ref: str
    variables: Mapping[str, str]
    active: bool
    caller: Principal
    audit: AuditContext


@attrs.frozen
class DeleteSchedule:
    project_id: int
    schedule_id: int
    audit: AuditContext


@attrs.frozen
class FireSchedules:
    """Fire the schedules that are due now, without waiting for the next poll; replies how
    many pipelines they made."""


BuildsMessage = (
    ListPipelines
    | GetPipeline
    | GetStep
    | TriggerPipeline
    | CancelPipeline
    | RetryPipeline
    | ListArtifacts
    | GetArtifact
    | ListStatuses
    | SetStatus
    | ListSchedules
    | CreateSchedule
    | DeleteSchedule
    | FireSchedules
)


# --- messages to ``builds.runner`` -------------------------------------------------------


@attrs.frozen
class Wake:
    """There may be queued pipelines, or a cancel to act on."""
