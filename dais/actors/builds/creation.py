"""Making pipelines: from a commit's pipeline file to rows, in the caller's transaction.

A push, a merge request, a schedule or a manual run each come here with what they know
(event, ref, commit, changed paths). The file is parsed; ``workflow`` decides whether the
event runs at all; the matrix gives one pipeline per combination; each step whose ``when``
rules (all but ``status``, which only the run can know) rule it out starts ``skipped``.
An invalid file still makes one pipeline, in state ``error`` with every problem and its
line and column, so the author sees why nothing ran. Each pipeline is numbered per project,
gets a pending commit status, and a ``pipeline.created`` event in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from dais.storage import outbox

from . import statuses
from .messages import CONTEXT, CommitState, PipelineState, StepState
from .pipeline import (
    Artifacts,
    Event,
    PathFilter,
    Pipeline,
    PipelineError,
    Retry,
    Service,
    Status,
    Step,
    When,
    parse_pipeline,
    should_run,
)

if TYPE_CHECKING:
    from dais.storage.database import Conn

    from .source import Source

__all__ = ["RULED_OUT", "Request", "context_of", "create_pipelines", "spec_of", "step_of"]

#: The reason kept on a step its ``when`` rules leave out of a run (a retry leaves it out).
RULED_OUT = "not run: its when rules leave it out of this run"


@attrs.frozen
class Request:
    """What started a run. ``trigger_key`` makes creation idempotent: a second request with
    the same key makes nothing (an outbox event delivered twice)."""

    project_id: int
    project_path: str
    event: Event
    ref: str  # refs/heads/... or refs/tags/...
    sha: str
    variables: Mapping[str, str] = attrs.field(factory=dict)
    created_by: int | None = None
    actor: str | None = None
    trigger_key: str | None = None
    merge_request_iid: int | None = None
    schedule_id: int | None = None


def spec_of(step: Step) -> dict[str, Any]:
    """A step as stored (``pipeline_steps.spec``)."""
    return {
        "commands": list(step.commands),
        "image": step.image,
        "environment": dict(step.environment),
        "secrets": list(step.secrets),
        "depends_on": list(step.depends_on),
        "when": {
            "branch": list(step.when.branch),
            "tag": list(step.when.tag),
            "event": [str(e) for e in step.when.event],
            "paths": None
            if step.when.paths is None
            else {
                "include": list(step.when.paths.include),
                "exclude": list(step.when.paths.exclude),
            },
            "status": [str(s) for s in step.when.status],
        },
        "ignore_failure": step.ignore_failure,
        "timeout": step.timeout,
        "retry": {"count": step.retry.count, "on_exit_codes": list(step.retry.on_exit_codes)},
        "artifacts": None
        if step.artifacts is None
        else {"paths": list(step.artifacts.paths), "expire_in": step.artifacts.expire_in},
        "services": [
            {"name": s.name, "image": s.image, "commands": list(s.commands)} for s in step.services
        ],
    }


def step_of(name: str, spec: Mapping[str, Any]) -> Step:
    """The step a stored spec describes (the inverse of :func:`spec_of`)."""
    when = spec.get("when") or {}
    paths = when.get("paths")
    retry = spec.get("retry") or {}
    artifacts = spec.get("artifacts")
    return Step(
        name=name,
        commands=tuple(spec["commands"]),
        image=spec.get("image"),
        environment=dict(spec.get("environment") or {}),
        secrets=tuple(spec.get("secrets") or ()),
        depends_on=tuple(spec.get("depends_on") or ()),
        when=When(
            branch=tuple(when.get("branch") or ()),
            tag=tuple(when.get("tag") or ()),
            event=tuple(Event(e) for e in when.get("event") or ()),
            paths=None
            if paths is None
            else PathFilter(tuple(paths.get("include") or ()), tuple(paths.get("exclude") or ())),
            status=tuple(Status(s) for s in when.get("status") or ("success",)),
        ),
        ignore_failure=bool(spec.get("ignore_failure")),
        timeout=spec.get("timeout"),
        retry=Retry(int(retry.get("count") or 0), tuple(retry.get("on_exit_codes") or ())),
        artifacts=None
        if artifacts is None
        else Artifacts(tuple(artifacts["paths"]), artifacts.get("expire_in")),
        services=tuple(
            Service(s["name"], s["image"], tuple(s.get("commands") or ()))
            for s in spec.get("services") or ()
        ),
    )


def context_of(label: str) -> str:
    """The commit status context of a pipeline (one per matrix combination)."""
    return f"{CONTEXT}: {label}" if label else CONTEXT


async def _next_number(conn: Conn, project_id: int) -> int:
    number: int = await conn.fetchval(
        """
        INSERT INTO pipeline_counters (project_id, last_number) VALUES ($1, 1)
        ON CONFLICT (project_id) DO UPDATE SET last_number = pipeline_counters.last_number + 1
        RETURNING last_number
        """,
        project_id,
    )
    return number


_INSERT_PIPELINE = """
INSERT INTO pipelines (project_id, number, event, ref, sha, title, label, variables, state,
    error, executor, sandboxed, merge_request_iid, schedule_id, created_by, trigger_key,
    finished_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11, $12, $13, $14, $15, $16,
    CASE WHEN $9 = 'error' THEN now() END)
RETURNING id
"""


async def create_pipelines(
    conn: Conn, request: Request, source: Source, *, executor: str, sandboxed: bool
) -> list[int]:
    """Write the pipelines ``request`` makes of ``source`` (none without a pipeline file, or
    when ``workflow`` rules the event out); return their ids. Run inside a transaction."""
    if source.file is None and source.problem is None:
        return []
    if request.trigger_key is not None:
        seen = await conn.fetchval(
            "SELECT 1 FROM pipelines WHERE project_id = $1 AND trigger_key = $2 LIMIT 1",
            request.project_id,
            request.trigger_key,
        )
        if seen:
            return []
    branch = (
        request.ref.removeprefix("refs/heads/") if request.ref.startswith("refs/heads/") else None
    )
    tag = request.ref.removeprefix("refs/tags/") if request.ref.startswith("refs/tags/") else None
    error = source.problem
    if error is None:
        try:
            pipeline = parse_pipeline(source.file or b"")
        except PipelineError as exc:
            error = str(exc)
    if error is not None:
        failed = PipelineState.ERROR
        return [await _insert(conn, request, source, "", {}, failed, error, executor, sandboxed)]
    if not should_run(pipeline, event=request.event, branch=branch, tag=tag):
        return []
    if request.event is Event.MERGE_REQUEST and not _asks_for_merge_requests(pipeline):
        return []  # the branch's push pipeline serves the merge request
    ids = []
    for expanded in pipeline.expand_matrix():
        variables = {**expanded.variables, **request.variables}
        pipeline_id = await _insert(
            conn,
            request,
            source,
            expanded.label,
            variables,
            PipelineState.PENDING,
            None,
            executor,
            sandboxed,
        )
        rows = []
        for stage, names in enumerate(expanded.order()):
            for name in names:
                step = next(s for s in expanded.steps if s.name == name)
                runs = should_run(
                    step,
                    event=request.event,
                    branch=branch,
                    tag=tag,
                    changed_paths=source.changed_paths,
                    status=step.when.status[0],  # status is the run's to judge
                )
                position = expanded.steps.index(step)
                rows.append(
                    (
                        pipeline_id,
                        name,
                        position,
                        stage,
                        json.dumps(spec_of(step)),
                        StepState.PENDING if runs else StepState.SKIPPED,
                        None if runs else RULED_OUT,
                    )
                )
        await conn.executemany(
            "INSERT INTO pipeline_steps (pipeline_id, name, position, stage, spec, state, error) "
            "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)",
            rows,
        )
        ids.append(pipeline_id)
    return ids


def _asks_for_merge_requests(pipeline: Pipeline) -> bool:
    """Whether the file names the ``merge_request`` event (in ``workflow`` or a step's
    ``when``): only then does opening a merge request make a pipeline of its own."""
    return Event.MERGE_REQUEST in pipeline.workflow.events or any(
        Event.MERGE_REQUEST in step.when.event for step in pipeline.steps
    )


async def _insert(
    conn: Conn,
    request: Request,
    source: Source,
    label: str,
    variables: Mapping[str, str],
    state: PipelineState,
    error: str | None,
    executor: str,
    sandboxed: bool,
) -> int:
    number = await _next_number(conn, request.project_id)
    pipeline_id: int = await conn.fetchval(
        _INSERT_PIPELINE,
        request.project_id,
        number,
        str(request.event),
        request.ref,
        request.sha,
        source.title,
        label,
        json.dumps(dict(variables)),
        str(state),
        error,
        executor,
        sandboxed,
        request.merge_request_iid,
        request.schedule_id,
        request.created_by,
        request.trigger_key,
    )
    failed = state is PipelineState.ERROR
    await statuses.put(
        conn,
        request.project_id,
        request.sha,
        context_of(label),
        CommitState.FAILED if failed else CommitState.PENDING,
        "the pipeline file is invalid" if failed else "the pipeline is waiting to run",
        pipeline_id=pipeline_id,
        created_by=request.created_by,
    )
    payload = {
        "project": {"id": str(request.project_id), "path": request.project_path},
        "pipeline": {
            "id": str(pipeline_id),
            "number": number,
            "ref": request.ref,
            "sha": request.sha,
            "event": str(request.event),
            "label": label,
            "state": str(state),
            "error": error,
            "created_by": None if request.created_by is None else str(request.created_by),
        },
    }
    kind = "pipeline.finished" if failed else "pipeline.created"
    await outbox.emit(conn, kind, payload, key=str(request.project_id), actor=request.actor)
    return pipeline_id
