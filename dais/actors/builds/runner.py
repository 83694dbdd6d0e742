"""The runner: claims queued pipelines and runs their steps on the executor.

One runner per process. It claims pending pipelines with ``FOR UPDATE SKIP LOCKED`` (so
several replicas share the queue without waiting on each other), up to its concurrency,
and holds each under a lease it renews every third of the lease's length. A pipeline whose
lease runs out belonged to a runner that died: the next runner to look marks its running
steps failed (saying why) and the pipeline failed, and the executor's sweep kills whatever
processes or pods it left. A runner's name is stable across restarts of the same process
on the same data directory, so a restarted dais recovers its own pipelines at once instead
of waiting for their leases.

Within a pipeline, steps start as soon as every step they depend on has finished; a step
whose ``when.status`` does not include how the run has gone so far (``failure`` once a step
failed without ``failure: ignore``) is skipped. A step is stopped by cancelling the scope the
executor runs it in: for its timeout, for a cancel of the pipeline, and for shutdown; the
executor kills what it started before the cancellation goes on, so a cancelled pipeline
never leaves a step running, and a cancelled pipeline never reports success.

Cancel reaches the runner holding the pipeline through the broker (``builds.cancel``), and
through the heartbeat, which reads ``cancel_requested``, should a message be missed.
"""

from __future__ import annotations

import hashlib
import logging
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.lowlevel
import asyncpg
import attrs

from dais.actors.identity.messages import AuditContext, CreateToken, RevokeToken
from dais.actors.identity.permissions import Permission
from dais.actors.projects.messages import repository_path
from dais.actors.secrets.messages import ACTOR as SECRETS
from dais.actors.secrets.messages import RevealSecret, Scope
from dais.errors import DomainError, NotFound
from dais.runtime import Actor, Fault
from dais.storage import outbox

from . import statuses
from .creation import context_of, step_of
from .executor import Checkout, ExecutorError, StepRun
from .messages import CommitState, PipelineRecord, PipelineState, StepRecord, StepState, Wake
from .pipeline import Status
from .queries import PIPELINE_COLUMNS, PIPELINE_FROM, pipeline_record, steps_of

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from anyio.abc import TaskGroup

    from dais.storage.blobs import BlobStore
    from dais.storage.broker import Broker

    from .executor import Executor
    from .logstore import LogStore, LogWriter

__all__ = ["CANCEL_CHANNEL", "BuildPolicy", "Runner", "event_payload", "runner_name"]

log = logging.getLogger(__name__)

#: Broker channel a cancel is announced on (the pipeline id).
CANCEL_CHANNEL = "builds.cancel"

_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)
_CLEANUP = 60.0  # seconds allowed for a pipeline's cleanup after cancellation


@attrs.frozen
class BuildPolicy:
    data_dir: Path
    concurrency: int = 4
    lease: float = 30.0
    poll_interval: float = 5.0
    default_timeout: int = 3600
    artifact_max_size: int = 100 * 1024 * 1024
    artifact_max_total: int = 1024 * 1024 * 1024
    artifact_expire_in: float | None = 30 * 86400.0
    public_url: str = "http://127.0.0.1:8080"


def runner_name(data_dir: Path) -> str:
    """This process's runner name: the host and the data directory, so the same dais
    restarted finds the pipelines its earlier life held."""
    where = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:8]
    return f"{socket.gethostname()}:{where}"


_CLAIM = """
WITH next AS (
    SELECT id FROM pipelines
    WHERE state = 'pending' AND NOT cancel_requested
    ORDER BY id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE pipelines p SET state = 'running', runner = $2,
    lease_expires_at = now() + make_interval(secs => $3),
    started_at = coalesce(p.started_at, now()), finished_at = NULL
FROM next WHERE p.id = next.id
RETURNING p.id
"""

_HEARTBEAT = """
UPDATE pipelines SET lease_expires_at = now() + make_interval(secs => $3)
WHERE runner = $1 AND id = ANY($2::bigint[]) AND state = 'running'
RETURNING id, cancel_requested
"""

# Pipelines whose runner is gone: its lease ran out, or (at start, $2) it is this runner's
# earlier life.
_ORPHANED = """
UPDATE pipelines SET runner = NULL, lease_expires_at = NULL
WHERE state = 'running' AND (lease_expires_at < now() OR ($2 AND runner = $1))
RETURNING id, token_id, created_by
"""

_STEP_STARTED = """
UPDATE pipeline_steps SET state = 'running', attempt = $2, started_at = now(),
    finished_at = NULL, exit_code = NULL, error = NULL
WHERE id = $1
"""

_STEP_FINISHED = """
UPDATE pipeline_steps SET state = $2, exit_code = $3, error = $4, finished_at = now(),
    log_lines = $5, log_bytes = $6, log_truncated = $7
WHERE id = $1
"""


class Runner(Actor[Wake]):
    mailbox_size = 256
    # Its state is the database's rows and the tasks it runs; a message only wakes it.
    faults = Fault.RESUME

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        broker: Broker,
        executor: Executor,
        logs: LogStore,
        artifacts: BlobStore,
        policy: BuildPolicy,
        node: str,
    ) -> None:
        self._pool = pool
        self._broker = broker
        self._executor = executor
        self._logs = logs
        self._artifacts = artifacts
        self._policy = policy
        self._node = node
        self._wake = anyio.Event()
        self._running: dict[int, anyio.CancelScope] = {}
        # Pipelines being cleaned up and settled: once settled, their row no longer takes a
        # lease, which is no sign of a lost one.
        self._settling: set[int] = set()

    async def receive(self, message: Wake) -> None:
        self._wake.set()

    # --- the loops ---------------------------------------------------------------------

    async def background(self) -> None:
        await self._recover(at_start=True)
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._heartbeats)
            tg.start_soon(self._cancels)
            tg.start_soon(self._housekeeping)
            failures = 0
            while True:
                try:
                    await self._claim(tg)
                    failures = 0
                except _DB_ERRORS as exc:
                    failures += 1
                    delay = min(30.0, 0.5 * 2.0 ** min(failures, 6))
                    log.warning("build runner: database error %r; retrying in %.1fs", exc, delay)
                    await anyio.sleep(delay)
                    continue
                with anyio.move_on_after(self._policy.poll_interval):
                    await self._wake.wait()
                self._wake = anyio.Event()

    async def _claim(self, tg: TaskGroup) -> None:
        free = self._policy.concurrency - len(self._running)
        if free <= 0:
            return
        async with self._pool.acquire() as conn:
            ids = [r["id"] for r in await conn.fetch(_CLAIM, free, self._node, self._policy.lease)]
        for pipeline_id in ids:
            self._running[pipeline_id] = anyio.CancelScope()
            tg.start_soon(self._run_pipeline, pipeline_id)

    async def _heartbeats(self) -> None:
        while True:
            await anyio.sleep(self._policy.lease / 3)
            held = list(self._running)
            if not held:
                continue
            try:
                rows = await self._pool.fetch(_HEARTBEAT, self._node, held, self._policy.lease)
            except _DB_ERRORS as exc:
                log.warning("build runner: heartbeat failed (%r); will try again", exc)
                continue
            renewed = {r["id"]: r["cancel_requested"] for r in rows}
            for pipeline_id in held:
                scope = self._running.get(pipeline_id)
                if scope is None or pipeline_id in self._settling:
                    continue
                if pipeline_id not in renewed:
                    log.warning("pipeline %d: its lease was lost; stopping it", pipeline_id)
                    scope.cancel()
                elif renewed[pipeline_id]:
                    scope.cancel()

    async def _cancels(self) -> None:
        while True:
            try:
                async with self._broker.subscribe(CANCEL_CHANNEL, maxsize=256) as messages:
                    async for message in messages:
                        raw = message.data.decode("ascii", "replace")
                        scope = self._running.get(int(raw)) if raw.isdecimal() else None
                        if scope is not None:
                            scope.cancel()
            except Exception as exc:  # the broker went away: the heartbeat covers meanwhile
                log.warning("build runner: cancel subscription lost (%r); resubscribing", exc)
                await anyio.sleep(1.0)

    async def _housekeeping(self) -> None:
        while True:
            await anyio.sleep(self._policy.lease)
            try:
                await self._recover()
                await self._prune_artifacts()
            except _DB_ERRORS as exc:
                log.warning("build runner: housekeeping failed (%r); will try again", exc)

    # --- recovery ----------------------------------------------------------------------

    async def _recover(self, *, at_start: bool = False) -> None:
        """Fail the pipelines whose runner died, then sweep what the executor left.

        At start, this runner's own pipelines are an earlier life's: none runs here yet.
        Later, only expired leases count (one claimed a moment ago is this runner's)."""
        async with self._pool.acquire() as conn, conn.transaction():
            rows = await conn.fetch(_ORPHANED, self._node, at_start)
            orphans = [r["id"] for r in rows]
            for pipeline_id in orphans:
                await conn.execute(
                    "UPDATE pipeline_steps SET state = 'failed', finished_at = now(), "
                    "error = 'dais stopped while this step ran' "
                    "WHERE pipeline_id = $1 AND state = 'running'",
                    pipeline_id,
                )
            active = [
                r["id"]
                for r in await conn.fetch(
                    "SELECT id FROM pipelines WHERE state = 'running' AND runner IS NOT NULL"
                )
            ]
        for row in rows:
            log.warning("pipeline %d: its runner stopped mid-run; marking it failed", row["id"])
            await self._finish(row["id"], cancelled=False, error=None)
            if row["token_id"] is not None and row["created_by"] is not None:
                await self._revoke(row["created_by"], row["token_id"])
        removed = await self._executor.sweep(set(active) | set(self._running))
        if removed:
            log.info("build runner: removed %d leftovers of earlier runs", removed)

    async def _prune_artifacts(self) -> None:
        rows = await self._pool.fetch(
            "DELETE FROM pipeline_artifacts WHERE expires_at < now() RETURNING sha256"
        )
        for row in rows:
            still = await self._pool.fetchval(
                "SELECT 1 FROM pipeline_artifacts WHERE sha256 = $1 LIMIT 1", row["sha256"]
            )
            if not still:
                await self._artifacts.delete(row["sha256"])

    # --- one pipeline ------------------------------------------------------------------

    async def _record(self, pipeline_id: int) -> PipelineRecord:
        row = await self._pool.fetchrow(
            f"SELECT {PIPELINE_COLUMNS} {PIPELINE_FROM} WHERE p.id = $1", pipeline_id
        )
        assert row is not None
        return pipeline_record(row)

    async def _run_pipeline(self, pipeline_id: int) -> None:
        scope = self._running[pipeline_id]
        error: str | None = None
        token_id: int | None = None
        pipeline: PipelineRecord | None = None
        try:
            with scope:
                pipeline = await self._record(pipeline_id)
                if pipeline.cancel_requested:
                    scope.cancel()
                await anyio.lowlevel.checkpoint()
                async with self._pool.acquire() as conn:
                    steps = await steps_of(conn, pipeline.id)
                token_id, token = await self._job_token(pipeline, steps)
                await self._announce(pipeline, CommitState.RUNNING, "the pipeline is running")
                checkout = Checkout(
                    pipeline_id=pipeline.id,
                    project_id=pipeline.project_id,
                    project_path=pipeline.project_path,
                    sha=pipeline.sha,
                    git_dir=repository_path(self._policy.data_dir, pipeline.project_id),
                    clone_url=f"{self._policy.public_url}/{pipeline.project_path}.git",
                    token=token or "",
                )
                try:
                    await self._executor.prepare(checkout)
                except ExecutorError as exc:
                    error = f"the workspace could not be prepared: {exc}"
                else:
                    await self._run_steps(pipeline, steps, token)
        except anyio.get_cancelled_exc_class():
            # Not its own scope's cancel (that one ends inside the scope): dais is stopping.
            error = "dais stopped while this pipeline ran"
            raise
        except Exception as exc:
            log.exception("pipeline %d: the runner failed", pipeline_id)
            error = f"the runner failed: {type(exc).__name__}: {exc}"
        finally:
            with anyio.CancelScope(shield=True), anyio.move_on_after(_CLEANUP):
                self._settling.add(pipeline_id)
                try:
                    await self._executor.finish(pipeline_id)
                except Exception:
                    log.exception("pipeline %d: cleaning up its workspace failed", pipeline_id)
                try:
                    await self._finish(pipeline_id, cancelled=scope.cancel_called, error=error)
                except _DB_ERRORS:
                    # Its lease runs out and recovery finishes it.
                    log.exception("pipeline %d: recording its end failed", pipeline_id)
                if token_id is not None and pipeline is not None and pipeline.created_by:
                    await self._revoke(pipeline.created_by.id, token_id)
            self._running.pop(pipeline_id, None)
            self._settling.discard(pipeline_id)
            self._wake.set()

    async def _job_token(
        self, pipeline: PipelineRecord, steps: list[StepRecord]
    ) -> tuple[int | None, str | None]:
        """A token for the pipeline's steps: its creator's rights, narrowed to reading the
        project and its pipelines and running pipelines there, valid for the pipeline's
        longest possible run. None when there is no creator (a deleted user) or they may no
        longer do that."""
        if pipeline.created_by is None:
            return None, None
        longest = sum(s.spec.get("timeout") or self._policy.default_timeout for s in steps)
        expires = datetime.now(UTC) + timedelta(seconds=min(longest + 600, 25 * 3600))
        audit = AuditContext(pipeline.created_by.id, pipeline.created_by.username, None, "dais")
        try:
            record, secret = await self.system.ref("identity").ask(
                CreateToken(
                    pipeline.created_by.id,
                    f"job token: {pipeline.project_path} pipeline #{pipeline.number}",
                    frozenset(
                        {Permission.PROJECT_READ, Permission.PIPELINE_READ, Permission.PIPELINE_RUN}
                    ),
                    expires,
                    audit,
                    project_id=pipeline.project_id,
                    internal=True,
                ),
                timeout=10.0,
            )
        except DomainError as exc:
            log.info("pipeline %d: no job token (%s)", pipeline.id, exc)
            return None, None
        await self._pool.execute(
            "UPDATE pipelines SET token_id = $2 WHERE id = $1", pipeline.id, record.id
        )
        return record.id, secret

    async def _revoke(self, user_id: int, token_id: int) -> None:
        audit = AuditContext(user_id, None, None, "dais")
        try:
            await self.system.ref("identity").ask(
                RevokeToken(user_id, token_id, audit), timeout=10.0
            )
        except NotFound:
            pass
        except Exception:
            log.exception("revoking job token %d failed; it expires by itself", token_id)

    async def _announce(self, pipeline: PipelineRecord, state: CommitState, text: str) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            await statuses.put(
                conn,
                pipeline.project_id,
                pipeline.sha,
                context_of(pipeline.label),
                state,
                text,
                target_url=self._web_url(pipeline),
                pipeline_id=pipeline.id,
            )
            await outbox.emit(
                conn,
                "pipeline.running",
                event_payload(pipeline, PipelineState.RUNNING, self._web_url(pipeline)),
                key=str(pipeline.project_id),
            )

    def _web_url(self, pipeline: PipelineRecord) -> str:
        return f"{self._policy.public_url}/{pipeline.project_path}/-/pipelines/{pipeline.number}"

    async def _run_steps(
        self, pipeline: PipelineRecord, records: list[StepRecord], token: str | None
    ) -> None:
        steps = {s.name: s for s in records}
        specs = {s.name: step_of(s.name, s.spec) for s in records}
        done = {name for name, s in steps.items() if s.state.finished}
        failed = {name for name in done if _counts_as_failure(steps[name])}
        running: set[str] = set()
        send, receive = anyio.create_memory_object_stream[tuple[str, StepState]](len(steps) + 1)
        with send, receive:
            async with anyio.create_task_group() as tg:
                while True:
                    skipped = True
                    while skipped:  # a skipped step may make others ready
                        skipped = False
                        for name, record in steps.items():
                            if name in done or name in running:
                                continue
                            spec = specs[name]
                            if not all(dep in done for dep in spec.depends_on):
                                continue
                            status = Status.FAILURE if failed else Status.SUCCESS
                            if status not in spec.when.status:
                                await self._skip(record)
                                done.add(name)
                                skipped = True
                                continue
                            running.add(name)
                            tg.start_soon(self._step_task, pipeline, record, token, send)
                    if not running:
                        break
                    name, state = await receive.receive()
                    running.discard(name)
                    done.add(name)
                    if state in (StepState.FAILED, StepState.CANCELLED) and not (
                        specs[name].ignore_failure
                    ):
                        failed.add(name)

    async def _skip(self, record: StepRecord) -> None:
        await self._pool.execute(
            "UPDATE pipeline_steps SET state = 'skipped' WHERE id = $1 AND state = 'pending'",
            record.id,
        )
        await self._logs.publish_state(record.id, {"state": "skipped", "end": True})

    async def _step_task(
        self,
        pipeline: PipelineRecord,
        record: StepRecord,
        token: str | None,
        done: Any,
    ) -> None:
        state = StepState.FAILED
        try:
            state = await self._run_step(pipeline, record, token)
        finally:
            done.send_nowait((record.name, state))

    async def _secrets(self, pipeline: PipelineRecord, names: tuple[str, ...]) -> dict[str, str]:
        """The step's secrets, from the project or else the platform, read on behalf of
        the pipeline's creator (each read is audited)."""
        found: dict[str, str] = {}
        user = pipeline.created_by
        audit = AuditContext(
            user.id if user else None,
            f"pipeline {pipeline.project_path}#{pipeline.number}",
            None,
            "dais",
        )
        secrets = self.system.ref(SECRETS)
        for name in names:
            for scope in (Scope(pipeline.project_id), Scope()):
                try:
                    revealed = await secrets.ask(RevealSecret(scope, name, audit), timeout=10.0)
                except NotFound:
                    continue
                found[name] = revealed.value
                break
            else:
                raise NotFound(
                    f"secret {name} is not set for {pipeline.project_path} or the platform"
                )
        return found

    def _environment(
        self, pipeline: PipelineRecord, record: StepRecord, token: str | None
    ) -> dict[str, str]:
        env = {
            "CI": "true",
            "DAIS": "true",
            "DAIS_API_URL": f"{self._policy.public_url}/api",
            "DAIS_PROJECT": pipeline.project_path,
            "DAIS_PIPELINE_ID": str(pipeline.id),
            "DAIS_PIPELINE_NUMBER": str(pipeline.number),
            "DAIS_PIPELINE_EVENT": pipeline.event,
            "DAIS_COMMIT_SHA": pipeline.sha,
            "DAIS_COMMIT_REF": pipeline.ref,
            "DAIS_STEP": record.name,
            "DAIS_MATRIX": pipeline.label,
        }
        if pipeline.branch is not None:
            env["DAIS_BRANCH"] = pipeline.branch
        if pipeline.tag is not None:
            env["DAIS_TAG"] = pipeline.tag
        if token:
            env["DAIS_JOB_TOKEN"] = token
        return env

    async def _run_step(
        self, pipeline: PipelineRecord, record: StepRecord, token: str | None
    ) -> StepState:
        spec = step_of(record.name, record.spec)
        attempt = record.attempt
        writer: LogWriter | None = None
        state, exit_code, error = StepState.FAILED, None, None
        try:
            try:
                secrets = await self._secrets(pipeline, spec.secrets)
            except DomainError as exc:
                secrets, error = {}, str(exc)
            masked = [v.encode() for v in secrets.values()] + ([token.encode()] if token else [])
            writer = await self._logs.open(record.id, masked, lines=record.log_lines)
            if error is not None:
                attempt += 1
                await self._started(record, attempt)
                await writer.note(error)
                return state
            environment = {
                **pipeline.variables,
                **spec.environment,
                **self._environment(pipeline, record, token),
                **secrets,
            }
            timeout = spec.timeout or self._policy.default_timeout
            retries = 0
            while True:
                attempt += 1
                await self._started(record, attempt)
                run = StepRun(
                    pipeline_id=pipeline.id,
                    step_id=record.id,
                    name=record.name,
                    attempt=attempt,
                    commands=spec.commands,
                    image=spec.image,
                    environment=environment,
                    services=spec.services,
                )
                exit_code, error = None, None
                with anyio.move_on_after(timeout) as limit:
                    try:
                        exit_code = (await self._executor.run(run, writer.write)).exit_code
                    except ExecutorError as exc:
                        error = str(exc)
                if limit.cancelled_caught:
                    error = f"timed out after {_duration(timeout)}"
                if error is not None:
                    await writer.note(error)
                if exit_code == 0:
                    state = StepState.SUCCESS
                    break
                if (
                    error is None
                    and exit_code is not None
                    and retries < spec.retry.count
                    and (not spec.retry.on_exit_codes or exit_code in spec.retry.on_exit_codes)
                ):
                    retries += 1
                    await writer.note(
                        f"exit code {exit_code}: retrying (retry {retries} of {spec.retry.count})"
                    )
                    continue
                if exit_code is not None and error is None:
                    error = f"exit code {exit_code}"
                    await writer.note(f"the step failed with exit code {exit_code}")
                break
            if state is StepState.SUCCESS and spec.artifacts is not None:
                await self._collect(
                    pipeline, record, run, spec.artifacts.paths, spec.artifacts.expire_in, writer
                )
            return state
        except anyio.get_cancelled_exc_class():
            state, error = StepState.CANCELLED, "cancelled"
            raise
        finally:
            with anyio.CancelScope(shield=True), anyio.move_on_after(_CLEANUP):
                if writer is not None:
                    if state is StepState.CANCELLED:
                        await writer.note("the step was cancelled")
                    await writer.close()
                lines = writer.lines if writer else record.log_lines
                size = writer.bytes if writer else record.log_bytes
                truncated = writer.truncated if writer else record.log_truncated
                await self._pool.execute(
                    _STEP_FINISHED, record.id, str(state), exit_code, error, lines, size, truncated
                )
                await self._logs.publish_state(
                    record.id, {"state": str(state), "exit_code": exit_code, "end": True}
                )

    async def _started(self, record: StepRecord, attempt: int) -> None:
        await self._pool.execute(_STEP_STARTED, record.id, attempt)
        await self._logs.publish_state(record.id, {"state": "running", "attempt": attempt})

    async def _collect(
        self,
        pipeline: PipelineRecord,
        record: StepRecord,
        run: StepRun,
        globs: tuple[str, ...],
        expire_in: int | None,
        writer: LogWriter,
    ) -> None:
        total = 0
        kept = 0
        policy = self._policy
        expiry = expire_in if expire_in is not None else policy.artifact_expire_in
        expires_at = None if expiry is None else datetime.now(UTC) + timedelta(seconds=expiry)

        async def sink(path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
            nonlocal total, kept
            if size > policy.artifact_max_size:
                raise ValueError(
                    f"{path} is {size} bytes, over the limit of {policy.artifact_max_size}"
                )
            if total + size > policy.artifact_max_total:
                raise ValueError(
                    f"{path} would take the step's artifacts over {policy.artifact_max_total} bytes"
                )
            async with self._artifacts.open_writer(None, None) as blob:
                async for chunk in chunks:
                    if blob.size + len(chunk) > policy.artifact_max_size:
                        raise ValueError(f"{path} grew past the limit while it was read")
                    await blob.write(chunk)
                await blob.commit()
                written, sha256 = blob.size, blob.sha256
            total += written
            await self._pool.execute(
                """
                INSERT INTO pipeline_artifacts
                    (pipeline_id, step_id, path, size, sha256, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (step_id, path) DO UPDATE SET size = excluded.size,
                    sha256 = excluded.sha256, expires_at = excluded.expires_at, created_at = now()
                """,
                pipeline.id,
                record.id,
                path,
                written,
                sha256,
                expires_at,
            )
            kept += 1

        # The parser refuses globs leaving the workspace; the executor refuses them again,
        # and symlinks out of it, reporting each as a line.
        problems = await self._executor.collect(run, globs, sink)
        for problem in problems:
            await writer.note(f"artifacts: {problem}")
        await writer.note(f"artifacts: {kept} file{'s' if kept != 1 else ''} kept ({total} bytes)")

    async def _finish(self, pipeline_id: int, *, cancelled: bool, error: str | None) -> None:
        """Settle the pipeline from its steps' states, and tell the world."""
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                f"SELECT {PIPELINE_COLUMNS} {PIPELINE_FROM} WHERE p.id = $1 FOR UPDATE OF p",
                pipeline_id,
            )
            if row is None or PipelineState(row["state"]).finished:
                return
            cancelled = cancelled or row["cancel_requested"]
            leftover = "cancelled" if cancelled else "skipped"
            await conn.execute(
                "UPDATE pipeline_steps SET state = $2, finished_at = CASE WHEN state = 'running' "
                "THEN now() ELSE finished_at END "
                "WHERE pipeline_id = $1 AND state IN ('pending', 'running')",
                pipeline_id,
                leftover,
            )
            steps = await steps_of(conn, pipeline_id)
            if cancelled:
                state = PipelineState.CANCELLED
            elif error is not None or any(_counts_as_failure(s) for s in steps):
                state = PipelineState.FAILED
            else:
                state = PipelineState.SUCCESS
            await conn.execute(
                "UPDATE pipelines SET state = $2, error = coalesce($3, error), "
                "finished_at = now(), runner = NULL, lease_expires_at = NULL WHERE id = $1",
                pipeline_id,
                str(state),
                error,
            )
            pipeline = pipeline_record(row)
            description = {
                PipelineState.SUCCESS: "the pipeline succeeded",
                PipelineState.FAILED: "the pipeline failed",
                PipelineState.CANCELLED: "the pipeline was cancelled",
            }[state]
            await statuses.put(
                conn,
                pipeline.project_id,
                pipeline.sha,
                context_of(pipeline.label),
                CommitState(str(state)),
                description,
                target_url=self._web_url(pipeline),
                pipeline_id=pipeline.id,
            )
            payload = event_payload(pipeline, state, self._web_url(pipeline))
            payload["pipeline"] |= {
                "error": error,
                "failed_steps": [s.name for s in steps if _counts_as_failure(s)],
                "duration_seconds": _seconds(pipeline.started_at),
            }
            await outbox.emit(conn, "pipeline.finished", payload, key=str(pipeline.project_id))
        for step in steps:
            if step.state is StepState.SKIPPED or step.state is StepState.CANCELLED:
                await self._logs.publish_state(step.id, {"state": str(step.state), "end": True})


def _counts_as_failure(step: StepRecord) -> bool:
    if step.state not in (StepState.FAILED, StepState.CANCELLED):
        return False
    return not bool(step.spec.get("ignore_failure"))


def event_payload(pipeline: PipelineRecord, state: PipelineState, url: str) -> dict[str, Any]:
    """A ``pipeline.*`` event's payload (webhooks send it; notifications read it)."""
    creator = pipeline.created_by
    return {
        "project": {"id": str(pipeline.project_id), "path": pipeline.project_path},
        "pipeline": {
            "id": str(pipeline.id),
            "number": pipeline.number,
            "ref": pipeline.ref,
            "sha": pipeline.sha,
            "title": pipeline.title,
            "event": pipeline.event,
            "label": pipeline.label,
            "state": str(state),
            "web_url": url,
            "merge_request_iid": pipeline.merge_request_iid,
            "created_by": None
            if creator is None
            else {"id": str(creator.id), "username": creator.username},
        },
    }


def _seconds(since: datetime | None) -> float | None:
    if since is None:
        return None
    return round((datetime.now(UTC) - since).total_seconds(), 3)


def _duration(seconds: float) -> str:
    if seconds < 60 or seconds % 60:
        return f"{seconds:g}s"
    minutes = int(seconds // 60)
    return f"{minutes // 60}h{minutes % 60}m" if minutes >= 60 else f"{minutes}m"
