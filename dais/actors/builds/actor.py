"""The ``builds`` actor: pipelines as records (listing, manual runs, cancel, retry),
artifacts, commit statuses and schedules. Running pipelines is the runner's job
(``runner.py``); this actor queues work and tells it.

Every change is one transaction, so a fault cannot leave the actor half-changed: it resumes.
Schedules are fired from its background loop: due rows are claimed with ``FOR UPDATE SKIP
LOCKED`` and moved to their next time in the same transaction as the pipelines they make,
so two replicas never fire one twice, and a schedule missed while dais was down fires once
when it is back.
"""

from __future__ import annotations

import json
import logging
import re
import zoneinfo
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import asyncpg
import attrs
from cronsim import CronSim, CronSimError

from dais.actors.projects.messages import repository_path
from dais.errors import Conflict, NotFound, ValidationFailed
from dais.runtime import Actor, Fault, MailboxFull, UnknownActor
from dais.storage import outbox

from . import statuses
from .creation import RULED_OUT, Request, context_of, create_pipelines
from .messages import (
    RUNNER,
    BuildsMessage,
    CancelPipeline,
    CommitState,
    CreateSchedule,
    DeleteSchedule,
    FireSchedules,
    GetArtifact,
    GetPipeline,
    GetStep,
    ListArtifacts,
    ListPipelines,
    ListSchedules,
    ListStatuses,
    PipelineDetail,
    PipelineRecord,
    PipelineState,
    RetryPipeline,
    ScheduleRecord,
    SetStatus,
    StatusRecord,
    StepRecord,
    TriggerPipeline,
    Wake,
)
from .pipeline import Event
from .queries import (
    PIPELINE_COLUMNS,
    PIPELINE_FROM,
    artifact_record,
    pipeline_record,
    schedule_record,
    steps_of,
)
from .runner import CANCEL_CHANNEL, event_payload
from .source import Source, has_commit, read_source, resolve_ref

if TYPE_CHECKING:
    from dais.runtime import ActorSystem
    from dais.storage.broker import Broker
    from dais.storage.database import Conn

__all__ = [
    "MAX_SCHEDULES",
    "MAX_VARIABLES",
    "BuildsActor",
    "BuildsContext",
    "check_variables",
    "make_pipelines",
    "wake_runner",
]

log = logging.getLogger(__name__)

#: Variables a manual run or a schedule may set.
MAX_VARIABLES = 100
_MAX_VALUE = 10_000
#: Schedules per project.
MAX_SCHEDULES = 50
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
_SCHEDULE_POLL = 15.0


@attrs.frozen
class BuildsContext:
    """What making pipelines needs to know of this process."""

    data_dir: Path
    executor: str
    sandboxed: bool
    public_url: str


def wake_runner(system: ActorSystem) -> None:
    try:
        system.ref(RUNNER).tell(Wake())
    except (MailboxFull, UnknownActor):
        pass  # its poll finds the work


def check_variables(variables: Any, field: str = "variables") -> dict[str, str]:
    """:raises ValidationFailed: not a map of environment variable names to short strings."""
    if not isinstance(variables, dict):
        raise ValidationFailed(field, "must be an object of NAME: value")
    if len(variables) > MAX_VARIABLES:
        raise ValidationFailed(field, f"at most {MAX_VARIABLES} variables")
    for name, value in variables.items():
        if not isinstance(name, str) or not _VARIABLE.fullmatch(name):
            raise ValidationFailed(
                f"{field}.{str(name)[:40]}",
                "must be an environment variable name: a letter or '_', then letters, digits "
                "or '_', at most 128 characters",
            )
        if not isinstance(value, str) or len(value) > _MAX_VALUE or "\x00" in value:
            raise ValidationFailed(
                f"{field}.{name}", f"must be a string of at most {_MAX_VALUE} characters, no NUL"
            )
    return dict(variables)


async def read_commit(
    context: BuildsContext, project_id: int, sha: str, before: str | None = None
) -> Source | None:
    """The commit's pipeline file and changed paths, read in a worker thread."""
    git_dir = repository_path(context.data_dir, project_id)
    return await anyio.to_thread.run_sync(read_source, git_dir, sha, before)


async def make_pipelines(
    pool: asyncpg.Pool[Any], context: BuildsContext, request: Request, before: str | None = None
) -> list[int]:
    """Read the commit's pipeline file and write the pipelines ``request`` makes."""
    source = await read_commit(context, request.project_id, request.sha, before)
    if source is None:
        return []
    async with pool.acquire() as conn, conn.transaction():
        return await create_pipelines(
            conn, request, source, executor=context.executor, sandboxed=context.sandboxed
        )


async def _project_path(conn: Conn, project_id: int) -> str:
    path: str = await conn.fetchval(
        "SELECT u.username || '/' || p.name FROM projects p JOIN users u ON u.id = p.owner_id "
        "WHERE p.id = $1",
        project_id,
    )
    return path


def _next_run(cron: str, timezone: str, after: datetime) -> datetime:
    zone = zoneinfo.ZoneInfo(timezone)
    local = after.astimezone(zone).replace(second=0, microsecond=0)
    return next(iter(CronSim(cron, local))).astimezone(UTC)


class BuildsActor(Actor[BuildsMessage]):
    concurrency = 16
    faults = Fault.RESUME
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], broker: Broker, context: BuildsContext) -> None:
        self._pool = pool
        self._broker = broker
        self._context = context

    async def receive(self, message: BuildsMessage) -> Any:
        match message:
            case ListPipelines():
                return await self._list(message)
            case GetPipeline():
                return await self._detail(message.project_id, message.number)
            case GetStep():
                return await self._step(message)
            case TriggerPipeline():
                return await self._trigger(message)
            case CancelPipeline():
                return await self._cancel(message)
            case RetryPipeline():
                return await self._retry(message)
            case ListArtifacts():
                return await self._artifacts(message)
            case GetArtifact():
                return await self._artifact(message)
            case ListStatuses():
                async with self._pool.acquire() as conn:
                    return await statuses.listing(conn, message.project_id, message.sha)
            case SetStatus():
                return await self._set_status(message)
            case ListSchedules():
                return await self._schedules(message.project_id)
            case CreateSchedule():
                return await self._create_schedule(message)
            case DeleteSchedule():
                return await self._delete_schedule(message)
            case FireSchedules():
                fired = await self._fire_due()
                if fired:
                    wake_runner(self.system)
                return fired

    # --- pipelines ---------------------------------------------------------------------

    async def _list(self, m: ListPipelines) -> tuple[list[PipelineRecord], int]:
        """One page of the pipelines matching ``m``, and how many match in all."""
        where, args = ["p.project_id = $1"], [m.project_id]

        def arg(value: object) -> str:
            args.append(value)  # type: ignore[arg-type]
            return f"${len(args)}"

        if m.state is not None:
            where.append(f"p.state = {arg(str(m.state))}")
        if m.ref is not None:
            ref = m.ref if m.ref.startswith("refs/") else None
            if ref is None:
                name = arg(m.ref)
                where.append(f"(p.ref = 'refs/heads/' || {name} OR p.ref = 'refs/tags/' || {name})")
            else:
                where.append(f"p.ref = {arg(ref)}")
        if m.sha is not None:
            where.append(f"p.sha = {arg(m.sha)}")
        if m.merge_request_iid is not None:
            # Its own pipelines, and its source branch's push pipelines (the branch's
            # pipeline serves the merge request unless the file asks for one of its own).
            branch = await self._pool.fetchval(
                "SELECT source_branch FROM merge_requests WHERE project_id = $1 AND iid = $2",
                m.project_id,
                m.merge_request_iid,
            )
            if branch is None:
                raise NotFound(f"merge request !{m.merge_request_iid} does not exist")
            where.append(
                f"(p.merge_request_iid = {arg(m.merge_request_iid)} OR "
                f"(p.event = 'push' AND p.ref = {arg('refs/heads/' + branch)}))"
            )
        condition = " AND ".join(where)
        total = await self._pool.fetchval(
            f"SELECT count(*) FROM pipelines p WHERE {condition}", *args
        )
        rows = await self._pool.fetch(
            f"SELECT {PIPELINE_COLUMNS} {PIPELINE_FROM} WHERE {condition} "
            f"ORDER BY p.number DESC OFFSET {arg(m.offset)} LIMIT {arg(m.limit)}",
            *args,
        )
        return [pipeline_record(r) for r in rows], total

    async def _row(self, conn: Conn, project_id: int, number: int, *, lock: bool = False) -> Any:
        row = await conn.fetchrow(
            f"SELECT {PIPELINE_COLUMNS} {PIPELINE_FROM} WHERE p.project_id = $1 AND p.number = $2"
            + (" FOR UPDATE OF p" if lock else ""),
            project_id,
            number,
        )
        if row is None:
            raise NotFound(f"pipeline #{number} does not exist")
        return row

    async def _detail(self, project_id: int, number: int) -> PipelineDetail:
        async with self._pool.acquire() as conn:
            row = await self._row(conn, project_id, number)
            return PipelineDetail(pipeline_record(row), tuple(await steps_of(conn, row["id"])))

    async def _step(self, m: GetStep) -> tuple[PipelineRecord, StepRecord]:
        detail = await self._detail(m.project_id, m.number)
        for step in detail.steps:
            if step.name == m.step:
                return detail.pipeline, step
        raise NotFound(f"pipeline #{m.number} has no step {m.step!r}")

    async def _trigger(self, m: TriggerPipeline) -> list[PipelineRecord]:
        variables = check_variables(dict(m.variables))
        git_dir = repository_path(self._context.data_dir, m.project_id)
        resolved = await anyio.to_thread.run_sync(resolve_ref, git_dir, m.ref)
        if resolved is None:
            raise ValidationFailed("ref", f"no branch or tag is named {m.ref!r}")
        ref, sha = resolved
        async with self._pool.acquire() as conn:
            path = await _project_path(conn, m.project_id)
        request = Request(
            project_id=m.project_id,
            project_path=path,
            event=Event.MANUAL,
            ref=ref,
            sha=sha,
            variables=variables,
            created_by=m.caller.user_id,
            actor=m.caller.username,
        )
        source = await read_commit(self._context, m.project_id, sha)
        if source is None or (source.file is None and source.problem is None):
            raise ValidationFailed("ref", f"{m.ref} has no .platformci.yml at {sha[:12]}")
        async with self._pool.acquire() as conn, conn.transaction():
            ids = await create_pipelines(
                conn,
                request,
                source,
                executor=self._context.executor,
                sandboxed=self._context.sandboxed,
            )
            if not ids:
                raise Conflict("the pipeline file's workflow rules leave manual runs out")
            rows = await conn.fetch(
                f"SELECT {PIPELINE_COLUMNS} {PIPELINE_FROM} WHERE p.id = ANY($1::bigint[]) "
                "ORDER BY p.number",
                ids,
            )
        wake_runner(self.system)
        return [pipeline_record(r) for r in rows]

    async def _cancel(self, m: CancelPipeline) -> PipelineRecord:
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._row(conn, m.project_id, m.number, lock=True)
            state = PipelineState(row["state"])
            if state.finished:
                raise Conflict(f"pipeline #{m.number} has finished ({state}): nothing to cancel")
            await conn.execute(
                "UPDATE pipelines SET cancel_requested = true WHERE id = $1", row["id"]
            )
            if state is PipelineState.PENDING:
                # Not claimed by any runner (the claim locks the row): settle it here.
                await self._settle_cancelled(conn, pipeline_record(row))
        if state is PipelineState.RUNNING:
            await self._broker.publish(CANCEL_CHANNEL, str(row["id"]).encode())
        async with self._pool.acquire() as conn:
            return pipeline_record(await self._row(conn, m.project_id, m.number))

    async def _settle_cancelled(self, conn: Conn, pipeline: PipelineRecord) -> None:
        await conn.execute(
            "UPDATE pipeline_steps SET state = 'cancelled' "
            "WHERE pipeline_id = $1 AND state IN ('pending', 'running')",
            pipeline.id,
        )
        await conn.execute(
            "UPDATE pipelines SET state = 'cancelled', finished_at = now() WHERE id = $1",
            pipeline.id,
        )
        await statuses.put(
            conn,
            pipeline.project_id,
            pipeline.sha,
            context_of(pipeline.label),
            CommitState.CANCELLED,
            "the pipeline was cancelled",
            pipeline_id=pipeline.id,
        )
        url = f"{self._context.public_url}/{pipeline.project_path}/-/pipelines/{pipeline.number}"
        payload = event_payload(pipeline, PipelineState.CANCELLED, url)
        await outbox.emit(conn, "pipeline.finished", payload, key=str(pipeline.project_id))

    async def _retry(self, m: RetryPipeline) -> PipelineDetail:
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._row(conn, m.project_id, m.number, lock=True)
            state = PipelineState(row["state"])
            if state is PipelineState.ERROR:
                raise Conflict(
                    f"pipeline #{m.number} has an invalid pipeline file: fix it and push again"
                )
            if not state.finished:
                raise Conflict(f"pipeline #{m.number} is still {state}: cancel it first")
            steps = await steps_of(conn, row["id"])
            by_name = {s.name: s for s in steps}
            if m.step is not None:
                if m.step not in by_name:
                    raise NotFound(f"pipeline #{m.number} has no step {m.step!r}")
                if by_name[m.step].error == RULED_OUT:
                    raise Conflict(f"step {m.step!r} is left out of this run by its when rules")
                chosen = {m.step}
            else:
                chosen = {
                    s.name
                    for s in steps
                    if s.state in ("failed", "cancelled")
                    or (s.state == "skipped" and s.error != RULED_OUT)
                }
                if not chosen:
                    raise Conflict(f"pipeline #{m.number} succeeded: no step to retry")
            # Every step depending on a chosen one runs again too.
            grew = True
            while grew:
                grew = False
                for s in steps:
                    deps = s.spec.get("depends_on") or ()
                    if s.name not in chosen and s.error != RULED_OUT and chosen & set(deps):
                        chosen.add(s.name)
                        grew = True
            await conn.execute(
                "UPDATE pipeline_steps SET state = 'pending', exit_code = NULL, error = NULL, "
                "started_at = NULL, finished_at = NULL "
                "WHERE pipeline_id = $1 AND name = ANY($2::text[])",
                row["id"],
                sorted(chosen),
            )
            await conn.execute(
                "UPDATE pipelines SET state = 'pending', cancel_requested = false, error = NULL, "
                "finished_at = NULL, runner = NULL, lease_expires_at = NULL WHERE id = $1",
                row["id"],
            )
            pipeline = pipeline_record(row)
            await statuses.put(
                conn,
                pipeline.project_id,
                pipeline.sha,
                context_of(pipeline.label),
                CommitState.PENDING,
                "the pipeline is waiting to run again",
                pipeline_id=pipeline.id,
            )
        wake_runner(self.system)
        return await self._detail(m.project_id, m.number)

    # --- artifacts ---------------------------------------------------------------------

    async def _artifacts(self, m: ListArtifacts) -> list[Any]:
        return await self._kept_artifacts(m.project_id, m.number)

    async def _artifact(self, m: GetArtifact) -> Any:
        found = await self._kept_artifacts(m.project_id, m.number, m.artifact_id)
        if not found:
            raise NotFound(f"pipeline #{m.number} has no artifact {m.artifact_id} (or it expired)")
        return found[0]

    async def _kept_artifacts(
        self, project_id: int, number: int, artifact_id: int | None = None
    ) -> list[Any]:
        """The pipeline's artifacts that have not expired (or the one with ``artifact_id``)."""
        async with self._pool.acquire() as conn:
            row = await self._row(conn, project_id, number)
            rows = await conn.fetch(
                "SELECT a.*, s.name AS step FROM pipeline_artifacts a "
                "JOIN pipeline_steps s ON s.id = a.step_id "
                "WHERE a.pipeline_id = $1 AND ($2::bigint IS NULL OR a.id = $2) "
                "AND (a.expires_at IS NULL OR a.expires_at > now()) ORDER BY a.id",
                row["id"],
                artifact_id,
            )
        return [artifact_record(r) for r in rows]

    # --- commit statuses ---------------------------------------------------------------

    async def _set_status(self, m: SetStatus) -> StatusRecord:
        git_dir = repository_path(self._context.data_dir, m.project_id)
        if not await anyio.to_thread.run_sync(has_commit, git_dir, m.sha):
            raise NotFound(f"commit {m.sha} does not exist in this repository")
        async with self._pool.acquire() as conn, conn.transaction():
            await statuses.put(
                conn,
                m.project_id,
                m.sha,
                m.context,
                m.state,
                m.description,
                target_url=m.target_url,
                created_by=m.caller.user_id,
            )
            path = await _project_path(conn, m.project_id)
            await outbox.emit(
                conn,
                "commit_status.updated",
                {
                    "project": {"id": str(m.project_id), "path": path},
                    "sha": m.sha,
                    "context": m.context,
                    "state": str(m.state),
                },
                key=str(m.project_id),
                actor=m.caller.username,
            )
            found = [
                s
                for s in await statuses.listing(conn, m.project_id, m.sha)
                if s.context == m.context
            ]
        return found[0]

    # --- schedules ---------------------------------------------------------------------

    async def _schedules(self, project_id: int) -> list[ScheduleRecord]:
        rows = await self._pool.fetch(
            "SELECT s.*, u.username AS creator_name, p.number AS last_pipeline_number "
            "FROM pipeline_schedules s LEFT JOIN users u ON u.id = s.created_by "
            "LEFT JOIN pipelines p ON p.id = s.last_pipeline_id "
            "WHERE s.project_id = $1 ORDER BY s.id",
            project_id,
        )
        return [schedule_record(r) for r in rows]

    async def _create_schedule(self, m: CreateSchedule) -> ScheduleRecord:
        if not 1 <= len(m.description) <= 255:
            raise ValidationFailed("description", "must be 1 to 255 characters")
        try:
            zoneinfo.ZoneInfo(m.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationFailed("timezone", f"unknown time zone {m.timezone[:64]!r}") from None
        if len(m.cron) > 255:
            raise ValidationFailed("cron", "at most 255 characters")
        try:
            next_run = _next_run(m.cron, m.timezone, datetime.now(UTC))
        except (CronSimError, StopIteration) as exc:
            raise ValidationFailed(
                "cron", f"is not a cron expression like '0 3 * * *' ({exc})"
            ) from None
        variables = check_variables(dict(m.variables))
        if not m.ref or len(m.ref) > 255:
            raise ValidationFailed("ref", "must name a branch or tag")
        async with self._pool.acquire() as conn, conn.transaction():
            count = await conn.fetchval(
                "SELECT count(*) FROM pipeline_schedules WHERE project_id = $1", m.project_id
            )
            if count >= MAX_SCHEDULES:
                raise Conflict(f"a project has at most {MAX_SCHEDULES} schedules")
            schedule_id = await conn.fetchval(
                "INSERT INTO pipeline_schedules (project_id, description, cron, timezone, ref, "
                "variables, active, next_run_at, created_by) "
                "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9) RETURNING id",
                m.project_id,
                m.description,
                m.cron,
                m.timezone,
                m.ref,
                json.dumps(variables),
                m.active,
                next_run,
                m.caller.user_id,
            )
        return next(s for s in await self._schedules(m.project_id) if s.id == schedule_id)

    async def _delete_schedule(self, m: DeleteSchedule) -> None:
        deleted = await self._pool.fetchval(
            "DELETE FROM pipeline_schedules WHERE project_id = $1 AND id = $2 RETURNING id",
            m.project_id,
            m.schedule_id,
        )
        if deleted is None:
            raise NotFound(f"schedule {m.schedule_id} does not exist")

    async def background(self) -> None:
        while True:
            try:
                fired = await self._fire_due()
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("pipeline schedules: database error %r; will try again", exc)
                fired = 0
            if fired:
                wake_runner(self.system)
            await anyio.sleep(_SCHEDULE_POLL if not fired else 0.1)

    async def _fire_due(self) -> int:
        fired = 0
        async with self._pool.acquire() as conn, conn.transaction():
            rows = await conn.fetch(
                "SELECT s.*, u.username AS creator_name, "
                "ou.username || '/' || p.name AS project_path "
                "FROM pipeline_schedules s JOIN projects p ON p.id = s.project_id "
                "JOIN users ou ON ou.id = p.owner_id LEFT JOIN users u ON u.id = s.created_by "
                "WHERE s.active AND s.next_run_at <= now() "
                "ORDER BY s.next_run_at LIMIT 20 FOR UPDATE OF s SKIP LOCKED"
            )
            for row in rows:
                due: datetime = row["next_run_at"]
                try:
                    following = _next_run(row["cron"], row["timezone"], datetime.now(UTC))
                except (CronSimError, StopIteration, zoneinfo.ZoneInfoNotFoundError):
                    following = None
                git_dir = repository_path(self._context.data_dir, row["project_id"])
                resolved = await anyio.to_thread.run_sync(resolve_ref, git_dir, row["ref"])
                pipeline_id = None
                if resolved is not None:
                    ref, sha = resolved
                    request = Request(
                        project_id=row["project_id"],
                        project_path=row["project_path"],
                        event=Event.SCHEDULE,
                        ref=ref,
                        sha=sha,
                        variables=json.loads(row["variables"])
                        if isinstance(row["variables"], str)
                        else row["variables"],
                        created_by=row["created_by"],
                        actor=row["creator_name"],
                        trigger_key=f"schedule:{row['id']}:{int(due.timestamp())}",
                        schedule_id=row["id"],
                    )
                    source = await read_commit(self._context, row["project_id"], sha)
                    if source is not None:
                        ids = await create_pipelines(
                            conn,
                            request,
                            source,
                            executor=self._context.executor,
                            sandboxed=self._context.sandboxed,
                        )
                        pipeline_id = ids[0] if ids else None
                        fired += len(ids)
                else:
                    log.warning(
                        "schedule %d: %s has no branch or tag %r",
                        row["id"],
                        row["project_path"],
                        row["ref"],
                    )
                await conn.execute(
                    "UPDATE pipeline_schedules SET next_run_at = $2, last_run_at = now(), "
                    "last_pipeline_id = coalesce($3, last_pipeline_id) WHERE id = $1",
                    row["id"],
                    following,
                    pipeline_id,
                )
        return fired
