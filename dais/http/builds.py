"""Build routes: pipelines, their steps' logs (whole, SSE and WebSocket), artifacts, commit
statuses and pipeline schedules, under ``/api/projects/{p}``; and the pipeline file's JSON
Schema at ``/api/schemas/platformci.json``.

Reading needs ``pipeline:read`` on the project (everyone who may read a public project has
it through the viewer role); running, cancelling, retrying, scheduling and setting a commit
status need ``pipeline:run`` (developers; a pipeline's own job token has it on its project).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
from litestar import Request, Response, WebSocket, delete, get, post, websocket
from litestar.datastructures import CacheControlHeader
from litestar.exceptions import WebSocketDisconnect
from litestar.params import JSONBody, Parameter, PathParameter, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage, Stream

from dais.actors.builds import messages as bm
from dais.actors.builds.pipeline import Event
from dais.actors.builds.schema import SCHEMA
from dais.actors.identity.messages import Principal
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.errors import Forbidden, NotFound, Unauthorized, ValidationFailed
from dais.storage.broker import Subscription

from .auth import audit_context, authenticate, permissions_of
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ID_MAX, INTEGER_MAX, Iid, ProjectRef
from .projects import load_project
from .streams import next_message

__all__ = ["ROUTES"]

_P = "/api/projects/{project:str}"
_PIPELINES = f"{_P}/pipelines"
_ONE = f"{_PIPELINES}/{{number:int}}"
_STEP = f"{_ONE}/steps/{{step:str}}"
_TAGS = ["pipelines"]
_SHA_PATTERN = "^[0-9a-f]{40}$"

_StepName = Annotated[
    str,
    Parameter(description="A step's name", schema_extra={"pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"}),
]
_Sha = Annotated[
    str,
    Parameter(
        description="A full commit sha (40 hex digits)", schema_extra={"pattern": _SHA_PATTERN}
    ),
]
_After = Annotated[
    int | None,
    QueryParameter(
        ge=0,
        le=INTEGER_MAX,
        description="Lines after this one.",
        # Litestar leaves a bound of 0 out of the schema (it tests the bound for truth).
        schema_extra={"minimum": 0},
    ),
]


class UserOut(msgspec.Struct):
    id: str
    username: str


class PipelineOut(msgspec.Struct):
    id: str
    number: int
    project_id: str
    project_path: str
    ref: str
    branch: str | None
    tag: str | None
    sha: str
    title: str
    event: Event
    label: str
    state: bm.PipelineState
    error: str | None
    executor: Literal["local", "kubernetes"]
    sandboxed: bool
    variables: dict[str, str]
    cancel_requested: bool
    created_by: UserOut | None
    merge_request_iid: int | None
    schedule_id: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    duration_seconds: float | None
    web_url: str


class StepOut(msgspec.Struct):
    name: str
    stage: int
    position: int
    depends_on: list[str]
    state: bm.StepState
    exit_code: int | None
    attempt: int
    error: str | None
    image: str | None
    allow_failure: bool
    timeout_seconds: int | None
    started_at: datetime | None
    finished_at: datetime | None
    duration_seconds: float | None
    log_lines: int
    log_bytes: int
    log_truncated: bool
    artifacts: list[str]


class PipelineDetailOut(PipelineOut):
    steps: list[StepOut]


class ArtifactOut(msgspec.Struct):
    id: str
    step: str
    path: str
    size: int
    sha256: str
    expires_at: datetime | None
    created_at: datetime
    download_url: str


class StatusOut(msgspec.Struct):
    context: str
    state: bm.CommitState
    description: str
    target_url: str | None
    pipeline_number: int | None
    creator: UserOut | None
    created_at: datetime
    updated_at: datetime


class CombinedStatusOut(msgspec.Struct):
    state: bm.CommitState | None
    statuses: list[StatusOut]


class ScheduleOut(msgspec.Struct):
    id: str
    description: str
    cron: str
    timezone: str
    ref: str
    variables: dict[str, str]
    active: bool
    next_run_at: datetime | None
    last_run_at: datetime | None
    last_pipeline_number: int | None
    created_by: UserOut | None
    created_at: datetime


_VariableMap = Annotated[dict[str, str], msgspec.Meta(max_length=100)]


class TriggerIn(msgspec.Struct, forbid_unknown_fields=True):
    ref: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    variables: _VariableMap = msgspec.field(default_factory=dict)


class StatusIn(msgspec.Struct, forbid_unknown_fields=True):
    state: bm.CommitState
    context: Annotated[str, msgspec.Meta(min_length=1, max_length=255)] = "default"
    description: Annotated[str, msgspec.Meta(max_length=1024)] = ""
    target_url: Annotated[str, msgspec.Meta(max_length=2048)] | None = None


class ScheduleIn(msgspec.Struct, forbid_unknown_fields=True):
    description: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    cron: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    ref: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    timezone: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] = "UTC"
    variables: _VariableMap = msgspec.field(default_factory=dict)
    active: bool = True


def _user(u: bm.UserRef | None) -> UserOut | None:
    return None if u is None else UserOut(str(u.id), u.username)


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds(), 3)


def _web_url(request: Request[Any, Any, Any], p: bm.PipelineRecord) -> str:
    base = request.app.state.services.settings.public_url
    return f"{base}/{p.project_path}/-/pipelines/{p.number}"


def _pipeline_fields(request: Request[Any, Any, Any], p: bm.PipelineRecord) -> dict[str, Any]:
    return {
        "id": str(p.id),
        "number": p.number,
        "project_id": str(p.project_id),
        "project_path": p.project_path,
        "ref": p.ref,
        "branch": p.branch,
        "tag": p.tag,
        "sha": p.sha,
        "title": p.title,
        "event": Event(p.event),
        "label": p.label,
        "state": p.state,
        "error": p.error,
        "executor": p.executor,
        "sandboxed": p.sandboxed,
        "variables": dict(p.variables),
        "cancel_requested": p.cancel_requested,
        "created_by": _user(p.created_by),
        "merge_request_iid": p.merge_request_iid,
        "schedule_id": None if p.schedule_id is None else str(p.schedule_id),
        "created_at": p.created_at,
        "started_at": p.started_at,
        "finished_at": p.finished_at,
        "duration_seconds": _seconds(p.started_at, p.finished_at),
        "web_url": _web_url(request, p),
    }


def pipeline_out(request: Request[Any, Any, Any], p: bm.PipelineRecord) -> PipelineOut:
    return PipelineOut(**_pipeline_fields(request, p))


def _step_out(s: bm.StepRecord) -> StepOut:
    spec = s.spec
    artifacts = spec.get("artifacts") or {}
    return StepOut(
        name=s.name,
        stage=s.stage,
        position=s.position,
        depends_on=list(spec.get("depends_on") or ()),
        state=s.state,
        exit_code=s.exit_code,
        attempt=s.attempt,
        error=s.error,
        image=spec.get("image"),
        allow_failure=bool(spec.get("ignore_failure")),
        timeout_seconds=spec.get("timeout"),
        started_at=s.started_at,
        finished_at=s.finished_at,
        duration_seconds=_seconds(s.started_at, s.finished_at),
        log_lines=s.log_lines,
        log_bytes=s.log_bytes,
        log_truncated=s.log_truncated,
        artifacts=list(artifacts.get("paths") or ()),
    )


def detail_out(request: Request[Any, Any, Any], d: bm.PipelineDetail) -> PipelineDetailOut:
    return PipelineDetailOut(
        **_pipeline_fields(request, d.pipeline), steps=[_step_out(s) for s in d.steps]
    )


def _status_out(s: bm.StatusRecord) -> StatusOut:
    return StatusOut(
        context=s.context,
        state=s.state,
        description=s.description,
        target_url=s.target_url,
        pipeline_number=s.pipeline_number,
        creator=_user(s.creator),
        created_at=s.created_at,
        updated_at=s.updated_at,
    )


def _schedule_out(s: bm.ScheduleRecord) -> ScheduleOut:
    return ScheduleOut(
        id=str(s.id),
        description=s.description,
        cron=s.cron,
        timezone=s.timezone,
        ref=s.ref,
        variables=dict(s.variables),
        active=s.active,
        next_run_at=s.next_run_at,
        last_run_at=s.last_run_at,
        last_pipeline_number=s.last_pipeline_number,
        created_by=_user(s.created_by),
        created_at=s.created_at,
    )


async def _ask(connection: Any, message: Any) -> Any:
    services = connection.app.state.services
    return await services.ask(services.system.ref(bm.ACTOR), message)


async def _project(
    request: Any, ref: str, need: Permission, *, change: bool = False
) -> tuple[pm.ProjectRecord, Principal | None]:
    """The project and the caller, who must hold ``need`` there; reading the pipelines of a
    public or internal project needs only that the caller may see the project."""
    project = await load_project(request, ref)
    who = await authenticate(request)
    if need is Permission.PIPELINE_READ and project.visibility is not pm.Visibility.PRIVATE:
        return project, who
    if who is None:
        raise Unauthorized("sign in, or send Authorization: Bearer <token>")
    if need not in await permissions_of(request, who, project.id):
        raise Forbidden(f"this needs the {need} permission on the project")
    if change and project.archived:
        raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who


def _caller(who: Principal | None) -> Principal:
    assert who is not None  # pipeline:run needs a principal
    return who


# --- pipelines ---------------------------------------------------------------------------


@get(
    _PIPELINES,
    tags=_TAGS,
    summary="A project's pipelines, newest first",
    response_headers=LIST_HEADERS,
)
async def list_pipelines(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    pipeline_state: Annotated[bm.PipelineState | None, QueryParameter(name="state")] = None,
    ref: Annotated[str | None, QueryParameter(max_length=255)] = None,
    sha: Annotated[str | None, QueryParameter(pattern=_SHA_PATTERN)] = None,
    merge_request: Annotated[int | None, QueryParameter(ge=1, le=INTEGER_MAX)] = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[PipelineOut]]:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found, total = await _ask(
        request,
        bm.ListPipelines(
            record.id,
            state=pipeline_state,
            ref=ref,
            sha=sha,
            merge_request_iid=merge_request,
            offset=offset(page, per_page),
            limit=per_page,
        ),
    )
    return paged(request, [pipeline_out(request, p) for p in found], page, per_page, total)


@post(_PIPELINES, tags=_TAGS, summary="Run a pipeline on a branch or tag")
async def trigger_pipeline(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[TriggerIn]
) -> Response[list[PipelineOut]]:
    record, who = await _project(request, project, Permission.PIPELINE_RUN, change=True)
    made = await _ask(
        request,
        bm.TriggerPipeline(
            record.id, data.ref, data.variables, _caller(who), audit_context(request, who)
        ),
    )
    return Response([pipeline_out(request, p) for p in made], status_code=201)


@get(_ONE, tags=_TAGS, summary="A pipeline and its steps")
async def get_pipeline(
    request: Request[Any, Any, Any], project: ProjectRef, number: Iid
) -> PipelineDetailOut:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    return detail_out(request, await _ask(request, bm.GetPipeline(record.id, number)))


@post(f"{_ONE}/cancel", tags=_TAGS, summary="Cancel a pipeline", status_code=200)
async def cancel_pipeline(
    request: Request[Any, Any, Any], project: ProjectRef, number: Iid
) -> PipelineOut:
    record, who = await _project(request, project, Permission.PIPELINE_RUN)
    found = await _ask(request, bm.CancelPipeline(record.id, number, audit_context(request, who)))
    return pipeline_out(request, found)


@post(
    f"{_ONE}/retry",
    tags=_TAGS,
    summary="Run a pipeline's unsuccessful steps again",
    status_code=200,
)
async def retry_pipeline(
    request: Request[Any, Any, Any], project: ProjectRef, number: Iid
) -> PipelineDetailOut:
    record, who = await _project(request, project, Permission.PIPELINE_RUN, change=True)
    found = await _ask(request, bm.RetryPipeline(record.id, number, audit_context(request, who)))
    return detail_out(request, found)


@post(
    f"{_STEP}/retry", tags=_TAGS, summary="Run a step (and those after it) again", status_code=200
)
async def retry_step(
    request: Request[Any, Any, Any], project: ProjectRef, number: Iid, step: _StepName
) -> PipelineDetailOut:
    record, who = await _project(request, project, Permission.PIPELINE_RUN, change=True)
    found = await _ask(
        request, bm.RetryPipeline(record.id, number, audit_context(request, who), step=step)
    )
    return detail_out(request, found)


@get(
    f"{_P}/merge-requests/{{iid:int}}/pipelines",
    tags=_TAGS,
    summary="A merge request's pipelines",
    response_headers=LIST_HEADERS,
)
async def merge_request_pipelines(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    iid: Iid,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[PipelineOut]]:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found, total = await _ask(
        request,
        bm.ListPipelines(
            record.id,
            merge_request_iid=iid,
            offset=offset(page, per_page),
            limit=per_page,
        ),
    )
    return paged(request, [pipeline_out(request, p) for p in found], page, per_page, total)


# --- logs ----------------------------------------------------------------------------------


def _shown(line: bytes | str) -> str:
    """A log line as a live viewer gets it: text, and what a carriage return overwrote is
    gone (a progress bar shows its last state)."""
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    return text.rsplit("\r", 1)[-1] if "\r" in text else text


async def _step_of(connection: Any, project_id: int, number: int, step: str) -> bm.StepRecord:
    _pipeline, found = await _ask(connection, bm.GetStep(project_id, number, step))
    record: bm.StepRecord = found
    return record


@get(f"{_STEP}/log", tags=_TAGS, summary="A step's log (text; ANSI escapes kept)")
async def step_log(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    number: Iid,
    step: _StepName,
    tail: Annotated[int | None, QueryParameter(ge=1, le=100_000)] = None,
    download: Annotated[bool, QueryParameter(description="As an attachment")] = False,
) -> Stream:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found = await _step_of(request, record.id, number, step)
    logs = request.app.state.services.builds.logs
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{record.name}-{number}-{step}.log"'
    if tail is not None:
        lines = await logs.tail(found.id, tail)

        async def some() -> AsyncIterator[bytes]:
            yield b"".join(line + b"\n" for _n, line in lines)

        return Stream(some(), media_type="text/plain; charset=utf-8", headers=headers)
    return Stream(
        logs.read_bytes(found.id), media_type="text/plain; charset=utf-8", headers=headers
    )


def _last_event_id(connection: Any, after: int | None) -> int:
    raw = connection.headers.get("last-event-id")
    if raw is not None:
        raw = raw.strip()
        if not raw.isdecimal() or not raw.isascii() or len(raw) > 10:
            raise ValidationFailed("Last-Event-ID", "must be a line number")
        return int(raw)
    return after or 0


async def _follow(
    connection: Any,
    step: bm.GetStep,
    step_id: int,
    after: int,
    subscription: AbstractAsyncContextManager[Subscription],
) -> AsyncIterator[tuple[str, Any]]:
    """A step's log from line ``after + 1``, then live, as ``("line", (n, text))``,
    ``("state", {...})`` and finally ``("end", {...})``; ``("idle", None)`` every
    keep-alive period. The file is the truth: lines the broker dropped are read from it."""
    services = connection.app.state.services
    logs = services.builds.logs
    sent = after

    async def catch_up() -> AsyncIterator[tuple[str, Any]]:
        nonlocal sent
        async for n, line in logs.read_lines(step_id, after=sent):
            sent = n
            yield "line", (n, _shown(line))

    async with subscription as messages:
        async for item in catch_up():
            yield item
        # Read after subscribing: a change from now on is in the subscription.
        try:
            _pipeline, current = await _ask(connection, step)
        except NotFound:  # deleted since
            yield "end", {"state": "cancelled", "exit_code": None}
            return
        if current.state.finished:
            async for item in catch_up():
                yield item
            yield "end", {"state": str(current.state), "exit_code": current.exit_code}
            return
        yield "state", {"state": str(current.state)}
        while True:
            message = await next_message(messages, services.stopping)
            if services.stopping.is_set():
                return
            if message is None:
                yield "idle", None
                continue
            data = json.loads(message.data)
            if "first" in data:
                first = data["first"]
                if first > sent + 1:  # missed some: the file has them
                    async for item in catch_up():
                        yield item
                for i, text in enumerate(data["lines"]):
                    n = first + i
                    if n > sent:
                        sent = n
                        yield "line", (n, _shown(text))
            elif data.get("end"):
                async for item in catch_up():
                    yield item
                yield "end", {"state": data.get("state"), "exit_code": data.get("exit_code")}
                return
            else:
                yield "state", data


@get(f"{_STEP}/log/stream", tags=_TAGS, summary="A step's log, live (Server-Sent Events)")
async def step_log_stream(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    number: Iid,
    step: _StepName,
    after: _After = None,
) -> ServerSentEvent:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found = await _step_of(request, record.id, number, step)
    start = _last_event_id(request, after)
    services = request.app.state.services
    subscription = services.broker.subscribe(bm.log_channel(found.id), maxsize=1024)

    async def events() -> AsyncIterator[ServerSentEventMessage]:
        asked = bm.GetStep(record.id, number, step)
        async for kind, value in _follow(request, asked, found.id, start, subscription):
            if kind == "line":
                n, text = value
                yield ServerSentEventMessage(data=text, event="line", id=str(n))
            elif kind == "idle":
                yield ServerSentEventMessage(data=None, comment="keep-alive")
            else:
                yield ServerSentEventMessage(data=json.dumps(value), event=kind)

    return ServerSentEvent(
        events(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )


@websocket(f"{_STEP}/log/ws")
async def step_log_socket(
    socket: WebSocket[Any, Any, Any],
    project: Annotated[str, PathParameter()],
    number: Annotated[int, PathParameter(ge=1, le=INTEGER_MAX)],
    step: Annotated[str, PathParameter(pattern="^[a-z0-9][a-z0-9_-]{0,62}$")],
) -> None:
    """The same as the SSE stream, as JSON text frames (``{"n", "line"}``, ``{"state"}``,
    ``{"end"}``); ``?after=n`` resumes."""
    raw = socket.query_params.get("after", "0")
    if not raw.isdecimal() or not raw.isascii() or len(raw) > 10:
        raise ValidationFailed("after", "must be a line number")
    record, _who = await _project(socket, project, Permission.PIPELINE_READ)
    found = await _step_of(socket, record.id, number, step)
    services = socket.app.state.services
    subscription = services.broker.subscribe(bm.log_channel(found.id), maxsize=1024)
    await socket.accept()
    try:
        asked = bm.GetStep(record.id, number, step)
        async for kind, value in _follow(socket, asked, found.id, int(raw), subscription):
            if kind == "line":
                await socket.send_json({"n": value[0], "line": value[1]})
            elif kind == "idle":
                await socket.send_json({"keepalive": True})
            else:
                await socket.send_json({kind: value})
        await socket.close()
    except WebSocketDisconnect:
        return


# --- artifacts -----------------------------------------------------------------------------


@get(f"{_ONE}/artifacts", tags=_TAGS, summary="A pipeline's artifacts")
async def list_artifacts(
    request: Request[Any, Any, Any], project: ProjectRef, number: Iid
) -> list[ArtifactOut]:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found = await _ask(request, bm.ListArtifacts(record.id, number))
    base = f"/api/projects/{record.id}/pipelines/{number}/artifacts"
    return [
        ArtifactOut(
            id=str(a.id),
            step=a.step,
            path=a.path,
            size=a.size,
            sha256=a.sha256,
            expires_at=a.expires_at,
            created_at=a.created_at,
            download_url=f"{base}/{a.id}",
        )
        for a in found
    ]


@get(f"{_ONE}/artifacts/{{artifact:int}}", tags=_TAGS, summary="Download an artifact")
async def download_artifact(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    number: Iid,
    artifact: Annotated[int, Parameter(ge=1, le=ID_MAX)],
) -> Stream:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found: bm.ArtifactRecord = await _ask(request, bm.GetArtifact(record.id, number, artifact))
    store = request.app.state.services.builds.artifacts
    name = found.path.rsplit("/", 1)[-1].replace('"', "")
    return Stream(
        store.open_reader(found.sha256),
        media_type="application/octet-stream",
        headers={
            "Content-Length": str(found.size),
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
            "ETag": f'"{found.sha256}"',
        },
    )


# --- commit statuses -----------------------------------------------------------------------

_STATUSES = f"{_P}/repository/commits/{{sha:str}}/statuses"


@get(_STATUSES, tags=_TAGS, summary="A commit's statuses", response_headers=LIST_HEADERS)
async def list_statuses(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    sha: _Sha,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[StatusOut]]:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found = await _ask(request, bm.ListStatuses(record.id, _check_sha(sha)))
    return sliced(request, [_status_out(s) for s in found], page, per_page)


@get(
    f"{_P}/repository/commits/{{sha:str}}/status", tags=_TAGS, summary="A commit's combined status"
)
async def combined_status(
    request: Request[Any, Any, Any], project: ProjectRef, sha: _Sha
) -> CombinedStatusOut:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    found: list[bm.StatusRecord] = await _ask(request, bm.ListStatuses(record.id, _check_sha(sha)))
    state = bm.combined_state([s.state for s in found])
    return CombinedStatusOut(state, [_status_out(s) for s in found])


def _check_sha(sha: str) -> str:
    if len(sha) != 40 or any(c not in "0123456789abcdef" for c in sha):
        raise ValidationFailed("sha", "must be a full commit sha: 40 lower-case hex digits")
    return sha


@post(_STATUSES, tags=_TAGS, summary="Set a commit status (for external CI)")
async def set_status(
    request: Request[Any, Any, Any], project: ProjectRef, sha: _Sha, data: JSONBody[StatusIn]
) -> Response[StatusOut]:
    record, who = await _project(request, project, Permission.PIPELINE_RUN, change=True)
    if data.context == bm.CONTEXT or data.context.startswith(f"{bm.CONTEXT}:"):
        raise ValidationFailed("context", f"{bm.CONTEXT} is dais's own pipelines' context")
    if data.target_url is not None and not data.target_url.startswith(("https://", "http://")):
        raise ValidationFailed("target_url", "must be an http:// or https:// URL")
    if any(ord(c) < 32 for c in data.context + data.description):
        raise ValidationFailed("description", "must not hold control characters")
    found = await _ask(
        request,
        bm.SetStatus(
            record.id,
            _check_sha(sha),
            data.context,
            data.state,
            data.description,
            data.target_url,
            _caller(who),
            audit_context(request, who),
        ),
    )
    return Response(_status_out(found), status_code=201)


# --- schedules -----------------------------------------------------------------------------

_SCHEDULES = f"{_P}/pipeline-schedules"


@get(_SCHEDULES, tags=_TAGS, summary="A project's pipeline schedules")
async def list_schedules(request: Request[Any, Any, Any], project: ProjectRef) -> list[ScheduleOut]:
    record, _who = await _project(request, project, Permission.PIPELINE_READ)
    return [_schedule_out(s) for s in await _ask(request, bm.ListSchedules(record.id))]


@post(_SCHEDULES, tags=_TAGS, summary="Schedule a pipeline (cron)")
async def create_schedule(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[ScheduleIn]
) -> Response[ScheduleOut]:
    record, who = await _project(request, project, Permission.PIPELINE_RUN, change=True)
    found = await _ask(
        request,
        bm.CreateSchedule(
            record.id,
            data.description,
            data.cron,
            data.timezone,
            data.ref,
            data.variables,
            data.active,
            _caller(who),
            audit_context(request, who),
        ),
    )
    return Response(_schedule_out(found), status_code=201)


@delete(f"{_SCHEDULES}/{{schedule:int}}", tags=_TAGS, summary="Delete a pipeline schedule")
async def delete_schedule(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    schedule: Annotated[int, Parameter(ge=1, le=ID_MAX)],
) -> None:
    record, who = await _project(request, project, Permission.PIPELINE_RUN)
    await _ask(request, bm.DeleteSchedule(record.id, schedule, audit_context(request, who)))


# --- the pipeline file's schema --------------------------------------------------------------


@get(
    "/api/schemas/platformci.json",
    tags=_TAGS,
    summary="The JSON Schema of .platformci.yml",
    media_type="application/schema+json",
    cache_control=CacheControlHeader(public=True, max_age=3600),
)
async def pipeline_schema() -> dict[str, Any]:
    return SCHEMA


ROUTES = [
    list_pipelines,
    trigger_pipeline,
    get_pipeline,
    cancel_pipeline,
    retry_pipeline,
    retry_step,
    merge_request_pipelines,
    step_log,
    step_log_stream,
    step_log_socket,
    list_artifacts,
    download_artifact,
    list_statuses,
    combined_status,
    set_status,
    list_schedules,
    create_schedule,
    delete_schedule,
    pipeline_schema,
]
