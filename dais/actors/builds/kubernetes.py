"""The ``kubernetes`` executor: each step runs as a pod in one namespace.

Workspace. With ``storage="pvc"``, :meth:`KubernetesExecutor.prepare` creates the claim
``dais-p<pipeline>`` and runs a checkout pod that clones the commit into it; every step pod
mounts it at ``/workspace``, so steps share files and artifacts can be collected after a step's
pod is gone. The clone runs once, in ``prepare``, rather than in each step's init container,
so that steps starting together cannot race to clone into the same volume, and a failed clone
fails the pipeline with git's own message. Steps running at once on different nodes need a
``ReadWriteMany`` class (``access_mode``): with ``ReadWriteOnce`` the second pod waits for the
volume. With ``storage="emptyDir"`` each step pod clones into a volume of its own in an init
container (whose output opens the step's log): steps do not share files and there is nothing
to collect artifacts from.

Secrets never appear in a pod spec. The job token lives in the Secret ``dais-p<pipeline>-token``
and reaches the clone as ``DAIS_JOB_TOKEN`` through ``secretKeyRef``; git sends it in an
``Authorization`` header it reads from the environment, so it is not in the clone URL either.
A step's whole environment goes into a Secret named as its pod and reaches the step (and its
services) through ``envFrom``. Scripts are written with every ``$`` doubled, because the kubelet
expands ``$(VAR)`` in ``command`` and ``args`` and reduces ``$$`` to ``$``.

Services are native sidecars: init containers with ``restartPolicy: Always`` (Kubernetes 1.29
and later). They start before the step, share its network namespace (a service is reached on
``localhost``, and ``hostAliases`` map each service's name to 127.0.0.1), and the pod completes
when the step's container does; the kubelet then stops them. Ordinary containers beside the
step would keep the pod running after the step ended.

Following a step. A watch on the pod (``fieldSelector=metadata.name=...``) tracks its state and
resumes from the last resourceVersion when the server ends it; a ``410 Expired`` answer means
that version is gone, so the pod is listed again and the watch restarts from the list's
resourceVersion. The log is followed with ``timestamps=true`` from the moment the container
runs: a dropped stream is opened again and the lines already passed on are skipped by their
timestamps, so output is neither lost nor repeated. A pod waiting on ``ErrImagePull``,
``ImagePullBackOff``, ``InvalidImageName``, ``CreateContainerConfigError`` (or unschedulable)
for ``start_timeout`` seconds fails the step with the reason and message the kubelet gave. A pod
that goes away (a ``DELETED`` event, a ``deletionTimestamp`` it did not get from us, or ``404``)
fails it as "was deleted", which reads differently from an API failure ("Kubernetes API
error: <code> <reason>: <message>"). Every call is bounded by ``request_timeout``; streams bound
their connection by it and the watch its silences by the server's watch timeout.

Cleaning up. After a step, and when it is cancelled, its pod (grace period ``grace``) and its
Secret are deleted under a shielded, bounded scope; on cancellation the executor also waits
until the pod is gone. :meth:`~KubernetesExecutor.finish` deletes everything labelled with the
pipeline and :meth:`~KubernetesExecutor.sweep` everything labelled ``managed-by=dais`` that
belongs to no pipeline it is told to keep, so one namespace must not be shared by two dais
installations.

Artifacts (``storage="pvc"`` only). A first collector pod prints the workspace's regular files
and symbolic links (``find``, ``.git`` left out, NUL-separated, base64-encoded on stdout); the
globs are matched here with :func:`~.pipeline.glob_match`; a second pod tars the chosen files
and prints the tar base64-encoded, followed by its SHA-256 and size, which are checked here. The
stream goes through the container log, so it is bounded (``artifact_limit``) and needs a
writable ``/tmp`` in ``default_image`` (BusyBox's or GNU's ``find``, ``tar``, ``base64``,
``sha256sum``). Known limits: the container runtime splits a line longer than its line limit
(16 KiB with containerd) and the kubelet stamps each part, so such a line shows a timestamp
where it was split; images run as their own user, so a step image running as non-root may not
write into a workspace cloned as root.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import math
import re
import tarfile
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Sequence
from datetime import datetime
from typing import IO, Final, cast

import aiohttp
import anyio
import anyio.to_thread
import attrs
from kubernetes_asyncio import config as kube_config
from kubernetes_asyncio.client import ApiClient, Configuration, CoreV1Api

from ._pods import (
    CLONE_CONTAINER,
    LIST_SCRIPT,
    MANAGED_BY,
    PACK_SCRIPT,
    PIPELINE,
    STEP,
    STEP_CONTAINER,
    Json,
    KubernetesConfig,
    claim_name,
    clone_container,
    job_pod,
    pipeline_labels,
    pod_name,
    secret_manifest,
    shell,
    step_pod,
    token_secret_name,
)
from .executor import ArtifactSink, Checkout, ExecutorError, Output, StepOutcome, StepRun
from .pipeline import glob_match, leaves_workspace

__all__ = ["KubernetesConfig", "KubernetesExecutor"]

log = logging.getLogger(__name__)

_WATCH_SECONDS: Final = 60  # the server ends each watch after this; it resumes from there
_TRAILER: Final = b"DAIS-ARTIFACTS "
_STUCK: Final = frozenset(
    {"ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError"}
)
_SPOOL: Final = 1024 * 1024
_MAX_LISTING: Final = 16 * 1024 * 1024  # bytes of base64 listing
_MAX_ARTIFACT_FILES: Final = 1000
_MAX_ARTIFACT_ARGS: Final = 256 * 1024  # bytes of paths passed to the tar pod
_ERROR_TAIL: Final = 2000  # characters of a failed checkout's output kept for the error

# --- The API, bounded and with plain JSON answers ---------------------------------------


class _ApiError(Exception):
    """The API answered with a failure (``code`` 0: it could not be reached)."""

    def __init__(self, code: int, reason: str, message: str) -> None:
        super().__init__(f"{code} {reason}: {message}" if code else f"{reason}: {message}")
        self.code = code
        self.reason = reason
        self.message = message

    def executor_error(self) -> ExecutorError:
        return ExecutorError(f"Kubernetes API error: {self}")

    @property
    def transient(self) -> bool:
        return self.code in (0, 429) or self.code >= 500


class _PodGone(Exception):
    """The pod was deleted by someone else."""


class _Patience:
    """How long a stream keeps reconnecting through transient failures (unreachable, 429,
    5xx) in a row before giving up: ``within`` seconds, pausing longer each time."""

    def __init__(self, within: float) -> None:
        self.within = within
        self._since: float | None = None
        self._pause = 0.1

    async def bear(self, exc: _ApiError, *, also: Collection[int] = ()) -> None:
        """:raises _ApiError: ``exc``, when it is not transient or patience ran out."""
        now = time.monotonic()
        self._since = now if self._since is None else self._since
        if not (exc.transient or exc.code in also) or now - self._since >= self.within:
            raise exc
        await anyio.sleep(self._pause)
        self._pause = min(self._pause * 2, 2.0)

    def reset(self) -> None:
        self._since, self._pause = None, 0.1


def _failure(status: int, body: bytes) -> _ApiError:
    try:
        answer = json.loads(body)
    except ValueError:
        answer = None
    if isinstance(answer, dict) and answer.get("kind") == "Status":
        return _ApiError(
            int(answer.get("code") or status),
            str(answer.get("reason") or "Unknown"),
            str(answer.get("message") or ""),
        )
    return _ApiError(status, "Unknown", body[:200].decode(errors="replace"))


_Method = Callable[..., Awaitable[object]]


class _Api:
    """Calls of :class:`CoreV1Api` answered as JSON, bounded by ``timeout``, failing with
    :class:`_ApiError`. ``_preload_content=False`` makes the client hand back its aiohttp
    response (a success or not), which is read here."""

    def __init__(self, core: CoreV1Api, namespace: str, timeout: float) -> None:
        self.core = core
        self.namespace = namespace
        self.timeout = timeout

    async def call(self, method: _Method, *args: object, **kwargs: object) -> Json:
        try:
            with anyio.fail_after(self.timeout):
                response = cast(
                    "aiohttp.ClientResponse",
                    await method(
                        *args, _preload_content=False, _request_timeout=self.timeout, **kwargs
                    ),
                )
                async with response:
                    body = await response.read()
        except TimeoutError:
            raise _ApiError(0, "Timeout", f"no answer within {self.timeout:g} s") from None
        except aiohttp.ClientError as exc:
            raise _ApiError(0, "ConnectionError", str(exc) or type(exc).__name__) from None
        if not 200 <= response.status < 300:
            raise _failure(response.status, body)
        try:
            answer = json.loads(body)
        except ValueError:
            raise _ApiError(response.status, "BadResponse", "the answer is not JSON") from None
        if not isinstance(answer, dict):
            raise _ApiError(response.status, "BadResponse", "the answer is not an object")
        return answer

    @contextlib.asynccontextmanager
    async def stream(
        self, method: _Method, *args: object, read_timeout: float | None, **kwargs: object
    ) -> AsyncIterator[aiohttp.StreamReader]:
        """The body of a streaming answer (a watch, a followed log); its connection is made
        within ``timeout`` and each read waits at most ``read_timeout`` (``None``: forever)."""
        limits = aiohttp.ClientTimeout(
            total=None, connect=self.timeout, sock_connect=self.timeout, sock_read=read_timeout
        )
        try:
            with anyio.fail_after(self.timeout):
                response = cast(
                    "aiohttp.ClientResponse",
                    await method(*args, _preload_content=False, _request_timeout=limits, **kwargs),
                )
                if not 200 <= response.status < 300:
                    async with response:
                        raise _failure(response.status, await response.content.read(65536))
        except TimeoutError:
            raise _ApiError(0, "Timeout", f"no answer within {self.timeout:g} s") from None
        except aiohttp.ClientError as exc:
            raise _ApiError(0, "ConnectionError", str(exc) or type(exc).__name__) from None
        try:
            yield response.content
        finally:
            response.close()

    async def delete(self, method: _Method, name: str, **kwargs: object) -> bool:
        """Delete ``name``; ``False`` when it was not there."""
        try:
            await self.call(method, name, self.namespace, **kwargs)
        except _ApiError as exc:
            if exc.code == 404:
                return False
            raise
        return True

    async def put_secret(self, secret: Json) -> None:
        """Create the Secret, or replace one of that name (a retried ``prepare``)."""
        try:
            await self.call(self.core.create_namespaced_secret, self.namespace, secret)
        except _ApiError as exc:
            if exc.code != 409:
                raise
            name = secret["metadata"]["name"]
            await self.call(self.core.replace_namespaced_secret, name, self.namespace, secret)


# --- Following a pod --------------------------------------------------------------------

_TIMESTAMP = re.compile(rb"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)")


def _timestamp(text: bytes) -> int | None:
    """Nanoseconds since the epoch of an RFC 3339 timestamp, or ``None``."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    whole, fraction, zone = (part.decode() if part else "" for part in match.groups())
    try:
        moment = datetime.fromisoformat(whole + ("+00:00" if zone == "Z" else zone))
    except ValueError:
        return None
    return int(moment.timestamp()) * 1_000_000_000 + int(fraction.ljust(9, "0"))


@attrs.define
class _LogPosition:
    """The last log entry passed on: its timestamp, its place among entries of that
    timestamp, how many of its bytes were passed on, and whether all of them were."""

    stamp: int = -1
    index: int = 0
    sent: int = 0
    complete: bool = True


class _LogReader:
    """Turns a ``timestamps=true`` log stream into output, skipping what ``position`` says
    was passed on already (by an earlier stream of the same log). A line that does not start
    with a timestamp is passed on whole."""

    def __init__(self, position: _LogPosition) -> None:
        self.position = position
        self._head = b""  # the start of an entry, until the space after its timestamp
        self._in_body = False
        self._tracked = False  # whether the current entry moves ``position``
        self._skip = 0  # bytes of the current entry's body not to pass on (-1: all)
        self._stamp = -1
        self._index = 0

    def feed(self, data: bytes) -> list[bytes]:
        out = []
        while data:
            if not self._in_body:
                space = data.find(b" ")
                if space < 0 and len(self._head) + len(data) <= 64:
                    self._head += data
                    break
                head = self._head + (data[:space] if space >= 0 else data)
                rest = data[space + 1 :] if space >= 0 else b""
                self._head, self._in_body = b"", True
                if space >= 0 and self._start(head):
                    data = rest
                else:
                    self._tracked, self._skip = False, 0
                    data = head + (b" " if space >= 0 else b"") + rest
            end = data.find(b"\n")
            body, data = (data, b"") if end < 0 else (data[: end + 1], data[end + 1 :])
            self._in_body = end < 0
            if self._skip < 0:
                continue
            skipped = min(self._skip, len(body))
            self._skip -= skipped
            if body[skipped:]:
                out.append(body[skipped:])
            if self._tracked:
                self.position.sent += len(body) - skipped
                self.position.complete = end >= 0
        return out

    def _start(self, head: bytes) -> bool:
        """Decide what to pass on of the entry stamped ``head``; ``False``: not a stamp."""
        stamp = _timestamp(head)
        if stamp is None:
            return False
        self._index = self._index + 1 if stamp == self._stamp else 0
        self._stamp = stamp
        position = self.position
        key, last = (stamp, self._index), (position.stamp, position.index)
        self._tracked = key >= last
        if key < last or (key == last and position.complete):
            self._skip = -1
        elif key == last:  # passed on in part before the stream broke
            self._skip = position.sent
        else:
            position.stamp, position.index = stamp, self._index
            position.sent, position.complete = 0, False
            self._skip = 0
        return True


@attrs.define
class _PodState:
    """What the watch has seen of a pod, shared with the tasks that follow it."""

    name: str
    main: str
    started: dict[str, anyio.Event]
    terminated: dict[str, anyio.Event]
    ended: anyio.Event = attrs.Factory(anyio.Event)
    exit_code: int | None = None
    error: ExecutorError | None = None
    crash: Exception | None = None
    stuck: tuple[str, str, str] | None = None  # (container, reason, message)
    stuck_since: float | None = None

    def fail(self, error: ExecutorError) -> None:
        if self.error is None and self.exit_code is None:
            self.error = error
        self.ended.set()

    def observe(self, pod: Json) -> None:
        meta = pod.get("metadata") or {}
        if meta.get("deletionTimestamp"):
            raise _PodGone
        status = pod.get("status") or {}
        inits = status.get("initContainerStatuses") or []
        statuses = {s.get("name"): s for s in [*inits, *(status.get("containerStatuses") or [])]}
        for name, event in self.started.items():
            state = (statuses.get(name) or {}).get("state") or {}
            if "running" in state or "terminated" in state:
                event.set()
            if "terminated" in state:
                self.terminated[name].set()
        main = ((statuses.get(self.main) or {}).get("state") or {}).get("terminated")
        if main is not None:
            self.exit_code = int(main.get("exitCode", 1))
            self.ended.set()
            return
        if status.get("phase") in ("Succeeded", "Failed"):
            self.fail(self._why_failed(pod, inits))
            return
        self._note_stuck(status, statuses.values())

    def _why_failed(self, pod: Json, inits: Sequence[Json]) -> ExecutorError:
        for init in inits:
            ended = (init.get("state") or {}).get("terminated") or {}
            if ended.get("exitCode", 0) != 0:
                return ExecutorError(
                    f"pod {self.name}: init container {init.get('name')} exited with code "
                    f"{ended.get('exitCode')} ({ended.get('reason', 'Error')})"
                )
        status = pod.get("status") or {}
        why = ": ".join(str(s) for s in (status.get("reason"), status.get("message")) if s)
        return ExecutorError(
            f"pod {self.name} failed before its step ended: {why or 'no reason given'}"
        )

    def _note_stuck(self, status: Json, statuses: Collection[Json]) -> None:
        stuck = None
        for container in statuses:
            waiting = (container.get("state") or {}).get("waiting") or {}
            if waiting.get("reason") in _STUCK:
                stuck = (str(container.get("name")), waiting["reason"], waiting.get("message", ""))
                break
        for condition in status.get("conditions") or []:
            if (
                condition.get("type") == "PodScheduled"
                and condition.get("reason") == "Unschedulable"
            ):
                stuck = stuck or ("", "Unschedulable", condition.get("message", ""))
        if stuck is None:
            self.stuck = self.stuck_since = None
        else:
            self.stuck = stuck
            if self.stuck_since is None:
                self.stuck_since = time.monotonic()


class _Follower:
    """Runs one pod to its end: creates it, watches it, streams the logs of ``logs`` (in that
    order) to ``output``, and returns the exit code of its ``main`` container."""

    def __init__(self, api: _Api, config: KubernetesConfig) -> None:
        self.api = api
        self.config = config

    async def run(self, manifest: Json, output: Output, *, logs: Sequence[str], main: str) -> int:
        name = manifest["metadata"]["name"]
        await self.api.call(self.api.core.create_namespaced_pod, self.api.namespace, manifest)
        state = _PodState(
            name, main, {c: anyio.Event() for c in logs}, {c: anyio.Event() for c in logs}
        )
        logs_done = anyio.Event()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(self._guarded, state, self._watch(state))
            tasks.start_soon(self._guarded, state, self._bound_start(state))
            tasks.start_soon(self._guarded, state, self._logs(state, logs, output, logs_done))
            await state.ended.wait()
            if state.error is None and state.crash is None:
                # The log ends soon after the container does; do not wait forever for it.
                with anyio.move_on_after(self.config.request_timeout):
                    await logs_done.wait()
            tasks.cancel_scope.cancel()
        if state.crash is not None:
            raise state.crash
        if state.error is not None:
            raise state.error
        assert state.exit_code is not None
        return state.exit_code

    async def _guarded(self, state: _PodState, work: Awaitable[None]) -> None:
        try:
            await work
        except _PodGone:
            state.fail(ExecutorError(f"pod {state.name} was deleted while the step ran"))
        except _ApiError as exc:
            state.fail(exc.executor_error())
        except ExecutorError as exc:
            state.fail(exc)
        except Exception as exc:  # the output refused a chunk, say: re-raised by run()
            state.crash = state.crash or exc
            state.ended.set()

    async def _watch(self, state: _PodState) -> None:
        api = self.api
        selector = f"metadata.name={state.name}"
        version: str | None = None
        patience = _Patience(self.config.request_timeout)
        while not state.ended.is_set():
            try:
                if version is None:
                    listing = await api.call(
                        api.core.list_namespaced_pod, api.namespace, field_selector=selector
                    )
                    if not listing.get("items"):
                        raise _PodGone
                    state.observe(listing["items"][0])
                    version = str(listing["metadata"]["resourceVersion"])
                version = await self._watch_from(state, selector, version)
                patience.reset()
            except _ApiError as exc:
                if exc.code == 410:
                    version = None  # that version is compacted away: list again
                else:
                    await patience.bear(exc)

    async def _watch_from(self, state: _PodState, selector: str, version: str) -> str | None:
        """Watch from ``version`` until the stream ends; the version to resume from (``None``
        to list again)."""
        api = self.api
        try:
            async with api.stream(
                api.core.list_namespaced_pod,
                api.namespace,
                field_selector=selector,
                watch=True,
                resource_version=version,
                timeout_seconds=_WATCH_SECONDS,
                allow_watch_bookmarks=True,
                read_timeout=_WATCH_SECONDS + self.config.request_timeout,
            ) as content:
                while line := await content.readline():
                    event = json.loads(line)
                    kind, obj = event.get("type"), event.get("object") or {}
                    if kind == "ERROR":
                        if obj.get("code") == 410:
                            return None
                        raise _ApiError(
                            int(obj.get("code") or 0),
                            str(obj.get("reason") or "Unknown"),
                            str(obj.get("message") or ""),
                        )
                    version = str((obj.get("metadata") or {}).get("resourceVersion") or version)
                    if kind == "DELETED":
                        raise _PodGone
                    if kind in ("ADDED", "MODIFIED"):
                        state.observe(obj)
                        if state.ended.is_set():
                            break
        except (aiohttp.ClientError, TimeoutError, ValueError):
            pass  # the stream broke: resume from the last version seen
        return version

    async def _bound_start(self, state: _PodState) -> None:
        limit = self.config.start_timeout
        while not state.ended.is_set():
            await anyio.sleep(min(1.0, max(0.05, limit / 20)))
            since, stuck = state.stuck_since, state.stuck
            if since is not None and stuck is not None and time.monotonic() - since >= limit:
                container, reason, message = stuck
                where = f"container {container}" if container else "the pod"
                raise ExecutorError(
                    f"pod {state.name} could not start within {limit:g} s: {where}: "
                    f"{reason}: {message}"
                )

    async def _logs(
        self, state: _PodState, containers: Sequence[str], output: Output, done: anyio.Event
    ) -> None:
        for container in containers:
            async with anyio.create_task_group() as first:

                async def started(event: anyio.Event) -> None:
                    await event.wait()
                    first.cancel_scope.cancel()

                first.start_soon(started, state.started[container])
                first.start_soon(started, state.ended)
            if state.started[container].is_set():
                await self._follow(state, container, output)
        done.set()

    async def _follow(self, state: _PodState, container: str, output: Output) -> None:
        """Follow one container's log to its end. A stream that breaks (a connection
        dropped on the way) is opened again; one the server ends cleanly ends with the
        container, which the watch confirms (else it is opened again too)."""
        api = self.api
        position = _LogPosition()
        patience = _Patience(self.config.request_timeout)
        terminated = state.terminated[container]
        while True:
            reader = _LogReader(position)
            broke = False
            try:
                async with api.stream(
                    api.core.read_namespaced_pod_log,
                    state.name,
                    api.namespace,
                    container=container,
                    follow=True,
                    timestamps=True,
                    read_timeout=None,
                ) as content:
                    async for chunk in content.iter_any():
                        for piece in reader.feed(chunk):
                            await output(piece)
                patience.reset()
            except _ApiError as exc:
                if exc.code == 404:
                    raise _PodGone from None
                # 400: "waiting to start", as a sidecar restarts or the watch runs ahead.
                await patience.bear(exc, also=(400,))
                broke = True
            except (aiohttp.ClientError, TimeoutError):
                broke = True
                await anyio.sleep(0.1)
            if not broke:
                with anyio.move_on_after(2.0):
                    await terminated.wait()
                if terminated.is_set():
                    return


# --- Artifacts --------------------------------------------------------------------------


class _Spool:
    """Base64 lines of an artifact stream, decoded into a temporary file off the loop."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.digest = hashlib.sha256()
        self.size = 0
        self.trailer: bytes | None = None
        self._line = b""
        self._pending = bytearray()

    async def __call__(self, chunk: bytes) -> None:
        lines = (self._line + chunk).split(b"\n")
        self._line = lines.pop()
        if len(self._line) > 1024:
            raise ExecutorError("the artifact stream is garbled: a line without an end")
        for line in lines:
            await self._take(line.strip())

    async def _take(self, line: bytes) -> None:
        if not line:
            return
        if line.startswith(_TRAILER):
            self.trailer = line[len(_TRAILER) :]
            return
        try:
            data = base64.b64decode(line, validate=True)
        except binascii.Error:
            raise ExecutorError("the artifact stream is garbled: not base64") from None
        self.size += len(data)
        if self.size > self.limit:
            raise ExecutorError(f"the artifacts are over the limit of {self.limit} bytes")
        self.digest.update(data)
        self._pending += data
        if len(self._pending) >= _SPOOL:
            await self.flush()

    async def flush(self) -> None:
        if self._line:
            await self._take(self._line.strip())
            self._line = b""
        if self._pending:
            await anyio.to_thread.run_sync(self.file.write, bytes(self._pending))
            self._pending.clear()

    def close(self) -> None:
        self.file.close()


def _member_name(name: str) -> str:
    while name.startswith("./"):
        name = name[2:]
    return name


async def _hand_over(spool: _Spool, chosen: Sequence[str], sink: ArtifactSink) -> list[str]:
    """Give each chosen file in the spooled tar to ``sink``; lines for what was skipped."""
    await anyio.to_thread.run_sync(spool.file.seek, 0)
    archive = await anyio.to_thread.run_sync(lambda: tarfile.open(fileobj=spool.file, mode="r:"))
    problems = []
    try:
        members = {
            _member_name(m.name): m for m in await anyio.to_thread.run_sync(archive.getmembers)
        }
        for path in chosen:
            member = members.get(path)
            if member is None or not (member.isfile() or member.islnk()):
                problems.append(f"{path}: skipped: it went away before it could be read")
                continue
            if member.islnk():  # a hard link to a file earlier in the archive
                target = members.get(_member_name(member.linkname))
                size = target.size if target is not None else 0
            else:
                size = member.size
            extracted = await anyio.to_thread.run_sync(archive.extractfile, member)
            if extracted is None:
                problems.append(f"{path}: skipped: not a regular file")
                continue

            async def chunks(source: IO[bytes] = extracted) -> AsyncIterator[bytes]:
                while chunk := await anyio.to_thread.run_sync(source.read, 65536):
                    yield chunk

            try:
                await sink(path, size, chunks())
            except Exception as exc:  # the sink refuses it, naming the limit
                problems.append(f"{path}: refused: {exc}")
    finally:
        await anyio.to_thread.run_sync(archive.close)
    return problems


def _listing(data: bytes) -> tuple[list[str], list[str], list[str]]:
    """(regular files, symbolic links, undecodable names) from the list pod's output."""
    try:
        raw = base64.b64decode(b"".join(data.split()), validate=True)
    except binascii.Error:
        raise ExecutorError("the workspace listing is garbled") from None
    names = raw.split(b"\0")
    cut = names.index(b"") if b"" in names else len(names)
    files: list[str] = []
    links: list[str] = []
    bad: list[str] = []
    for group, target in ((names[:cut], files), (names[cut + 1 :], links)):
        for name in group:
            if not name:
                continue
            try:
                target.append(_member_name(name.decode()))
            except UnicodeDecodeError:
                bad.append(_member_name(name.decode(errors="replace")))
    return files, links, bad


class _Bounded:
    """Output kept in memory up to ``limit`` bytes (then an error), or only its tail."""

    def __init__(self, limit: int, *, tail: bool = False) -> None:
        self.limit = limit
        self.tail = tail
        self.data = bytearray()

    async def __call__(self, chunk: bytes) -> None:
        self.data += chunk
        if len(self.data) > self.limit:
            if not self.tail:
                raise ExecutorError(f"the output is over the limit of {self.limit} bytes")
            del self.data[: len(self.data) - self.limit]


# --- The executor -----------------------------------------------------------------------


class KubernetesExecutor:
    """Runs steps as pods; see the module docstring."""

    name = "kubernetes"

    def __init__(self, config: KubernetesConfig) -> None:
        self.config = config
        self._client: ApiClient | None = None
        self._api: _Api | None = None
        self._lock = anyio.Lock()
        self._checkouts: dict[int, Checkout] = {}

    async def _connect(self) -> _Api:
        async with self._lock:
            if self._api is None:
                configuration = await self._configuration()
                self._client = ApiClient(configuration)
                core = CoreV1Api(self._client)
                self._api = _Api(core, self.config.namespace, self.config.request_timeout)
            return self._api

    async def _configuration(self) -> Configuration:
        config = self.config
        if not config.api_url:  # None (or empty): in-cluster, else the kubeconfig
            configuration = Configuration()
            try:
                kube_config.load_incluster_config(  # type: ignore[no-untyped-call]
                    client_configuration=configuration
                )
            except kube_config.ConfigException:
                try:
                    await kube_config.load_kube_config(client_configuration=configuration)
                except (kube_config.ConfigException, OSError) as exc:
                    raise ExecutorError(f"no Kubernetes configuration: {exc}") from None
            return configuration
        configuration = Configuration(host=config.api_url)
        if config.token:
            configuration.api_key = {"BearerToken": config.token}
            configuration.api_key_prefix = {"BearerToken": "Bearer"}
        configuration.verify_ssl = config.verify_tls
        if config.ca_file is not None:
            configuration.ssl_ca_cert = str(config.ca_file)
        return configuration

    def _checkout(self, pipeline_id: int) -> Checkout:
        try:
            return self._checkouts[pipeline_id]
        except KeyError:
            raise ExecutorError(f"pipeline {pipeline_id} was not prepared") from None

    async def prepare(self, checkout: Checkout) -> None:
        """Store the job token in a Secret and, with ``storage="pvc"``, create the claim and
        clone the commit into it.

        :raises ExecutorError: the API refused, or the clone failed (with git's last words).
        """
        api = await self._connect()
        labels = pipeline_labels(checkout)
        try:
            secret = secret_manifest(
                token_secret_name(checkout.pipeline_id), labels, {"token": checkout.token}
            )
            await api.put_secret(secret)
            self._checkouts[checkout.pipeline_id] = checkout
            if self.config.storage == "pvc":
                await self._claim(api, checkout)
                await self._clone(api, checkout)
        except _ApiError as exc:
            raise exc.executor_error() from None

    async def _claim(self, api: _Api, checkout: Checkout) -> None:
        config = self.config
        spec: Json = {
            "accessModes": [config.access_mode],
            "resources": {"requests": {"storage": config.storage_size}},
        }
        if config.storage_class is not None:
            spec["storageClassName"] = config.storage_class
        claim = {
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {
                "name": claim_name(checkout.pipeline_id),
                "labels": pipeline_labels(checkout),
            },
            "spec": spec,
        }
        try:
            await api.call(api.core.create_namespaced_persistent_volume_claim, api.namespace, claim)
        except _ApiError as exc:
            if exc.code != 409:  # a retried prepare: the claim is there, with its checkout
                raise

    async def _clone(self, api: _Api, checkout: Checkout) -> None:
        name = f"dais-p{checkout.pipeline_id}-checkout"
        container = clone_container(self.config, checkout)
        container["name"] = STEP_CONTAINER
        manifest = job_pod(self.config, checkout, name, "checkout", container)
        tail = _Bounded(_ERROR_TAIL, tail=True)
        code = await self._run_pod(api, manifest, tail, secrets=())
        if code != 0:
            said = tail.data.decode(errors="replace").strip()
            raise ExecutorError(f"the checkout failed (exit code {code}): {said}")

    async def _run_pod(
        self,
        api: _Api,
        manifest: Json,
        output: Output,
        *,
        secrets: Sequence[str],
        logs: Sequence[str] | None = None,
    ) -> int:
        """Run a pod to its end (see :class:`_Follower`), then delete it and ``secrets``; on
        cancellation, wait until the pod is gone too."""
        name = manifest["metadata"]["name"]
        cancelled = False
        try:
            return await _Follower(api, self.config).run(
                manifest, output, logs=logs or [STEP_CONTAINER], main=STEP_CONTAINER
            )
        except anyio.get_cancelled_exc_class():
            cancelled = True
            raise
        finally:
            await self._remove_pod(api, name, secrets, wait=cancelled)

    async def _remove_pod(
        self, api: _Api, name: str, secrets: Sequence[str], *, wait: bool
    ) -> None:
        grace = math.ceil(self.config.grace)
        bound = grace + 2 * self.config.request_timeout
        with anyio.CancelScope(shield=True), anyio.move_on_after(bound) as scope:
            try:
                await api.delete(
                    api.core.delete_namespaced_pod,
                    name,
                    grace_period_seconds=grace,
                    propagation_policy="Background",
                )
                for secret in secrets:
                    await api.delete(api.core.delete_namespaced_secret, secret)
                if wait:
                    await self._until_gone(api, name)
            except _ApiError as exc:
                log.warning("pod %s: cleaning up failed: %s (sweep removes it later)", name, exc)
        if scope.cancelled_caught:
            log.warning("pod %s: cleaning up took over %g s (sweep removes it later)", name, bound)

    async def _until_gone(self, api: _Api, name: str) -> None:
        pause = 0.05
        while True:
            try:
                await api.call(api.core.read_namespaced_pod, name, api.namespace)
            except _ApiError as exc:
                if exc.code == 404:
                    return
                raise
            await anyio.sleep(pause)
            pause = min(pause * 2, 1.0)

    async def run(self, step: StepRun, output: Output) -> StepOutcome:
        """Run the step as a pod and stream its log; see the module docstring.

        :raises ExecutorError: the pod could not be created, started or followed.
        """
        checkout = self._checkout(step.pipeline_id)
        api = await self._connect()
        name = pod_name(step)
        labels = {**pipeline_labels(checkout), STEP: str(step.step_id)}
        manifest = step_pod(self.config, checkout, step)
        containers = [CLONE_CONTAINER] if self.config.storage == "emptyDir" else []
        try:
            await api.put_secret(secret_manifest(name, labels, dict(step.environment)))
            code = await self._run_pod(
                api, manifest, output, secrets=[name], logs=[*containers, STEP_CONTAINER]
            )
        except _ApiError as exc:
            with anyio.CancelScope(shield=True), anyio.move_on_after(self.config.request_timeout):
                with contextlib.suppress(_ApiError):
                    await api.delete(api.core.delete_namespaced_secret, name)
            raise exc.executor_error() from None
        return StepOutcome(exit_code=code)

    async def collect(self, step: StepRun, globs: Sequence[str], sink: ArtifactSink) -> list[str]:
        """Hand the workspace's regular files matching ``globs`` to ``sink`` (see the module
        docstring); lines for what was skipped and why."""
        if self.config.storage != "pvc":
            return [
                f"{', '.join(globs)}: not collected: artifacts need storage=pvc on the "
                "kubernetes executor"
            ]
        checkout = self._checkout(step.pipeline_id)
        problems: list[str] = []
        usable = []
        for glob in globs:
            if leaves_workspace(glob):
                problems.append(f"{glob}: refused: it reaches outside the workspace")
            else:
                usable.append(glob)
        if not usable:
            return problems
        api = await self._connect()
        try:
            files, links, bad = await self._list(api, checkout, step)
            chosen: dict[str, None] = {}  # in the order found, once each
            for glob in usable:
                try:
                    chosen.update((f, None) for f in files if glob_match(glob, f))
                    problems += [
                        f"{p}: skipped: a symbolic link" for p in links if glob_match(glob, p)
                    ]
                except re.error as exc:
                    problems.append(f"{glob}: skipped: {exc}")
            problems += [f"{name}: skipped: its name is not UTF-8" for name in bad]
            packed, left_out = _within_limits(list(chosen))
            problems += left_out
            if packed:
                problems += await self._pack(api, checkout, step, packed, sink)
        except _ApiError as exc:
            problems.append(f"not collected: {exc.executor_error()}")
        except ExecutorError as exc:
            problems.append(f"not collected: {exc}")
        return problems

    async def _list(
        self, api: _Api, checkout: Checkout, step: StepRun
    ) -> tuple[list[str], list[str], list[str]]:
        name = f"{pod_name(step)}-list"
        container = {
            "name": STEP_CONTAINER,
            "image": self.config.default_image,
            "command": shell(LIST_SCRIPT),
        }
        manifest = job_pod(self.config, checkout, name, "collect", container, step.step_id)
        listing = _Bounded(_MAX_LISTING)
        code = await self._run_pod(api, manifest, listing, secrets=())
        if code != 0:
            raise ExecutorError(f"listing the workspace failed with exit code {code}")
        return _listing(bytes(listing.data))

    async def _pack(
        self, api: _Api, checkout: Checkout, step: StepRun, chosen: list[str], sink: ArtifactSink
    ) -> list[str]:
        name = f"{pod_name(step)}-pack"
        container = {
            "name": STEP_CONTAINER,
            "image": self.config.default_image,
            "command": shell(PACK_SCRIPT, *(f"./{path}" for path in chosen)),
            "env": [{"name": "DAIS_LIMIT", "value": str(self.config.artifact_limit)}],
        }
        manifest = job_pod(self.config, checkout, name, "collect", container, step.step_id)
        spool = _Spool(self.config.artifact_limit)
        try:
            code = await self._run_pod(api, manifest, spool, secrets=())
            await spool.flush()
            trailer = (spool.trailer or b"").split()
            if trailer[:1] == [b"too-large"]:
                size, limit = trailer[1].decode(), self.config.artifact_limit
                return [
                    f"not collected: the artifacts take {size} bytes, over the limit of {limit}"
                ]
            if code != 0 or len(trailer) != 2:
                return [f"not collected: packing the artifacts failed with exit code {code}"]
            if trailer != [spool.digest.hexdigest().encode(), str(spool.size).encode()]:
                return ["not collected: the artifact stream arrived damaged (log rotation?)"]
            return await _hand_over(spool, chosen, sink)
        finally:
            spool.close()

    async def finish(self, pipeline_id: int) -> None:
        """Delete every pod, Secret and claim labelled with the pipeline. Idempotent.

        :raises ExecutorError: the API failed.
        """
        self._checkouts.pop(pipeline_id, None)
        api = await self._connect()
        try:
            await self._remove(api, f"{PIPELINE}={pipeline_id}", lambda _: True)
        except _ApiError as exc:
            raise exc.executor_error() from None

    async def sweep(self, keep: Collection[int]) -> int:
        """Delete what dais made in the namespace for pipelines not in ``keep``; how many.

        :raises ExecutorError: the API failed.
        """
        kept = {str(pipeline_id) for pipeline_id in keep}
        api = await self._connect()
        try:
            return await self._remove(
                api, f"{MANAGED_BY}=dais", lambda labels: labels.get(PIPELINE) not in kept
            )
        except _ApiError as exc:
            raise exc.executor_error() from None

    async def _remove(
        self, api: _Api, selector: str, doomed: Callable[[dict[str, str]], bool]
    ) -> int:
        core = api.core
        grace = math.ceil(self.config.grace)
        pod_options: dict[str, object] = {
            "grace_period_seconds": grace,
            "propagation_policy": "Background",
        }
        # Pods first: a claim stays (protected) until no running pod mounts it.
        kinds: list[tuple[_Method, _Method, dict[str, object]]] = [
            (core.list_namespaced_pod, core.delete_namespaced_pod, pod_options),
            (core.list_namespaced_secret, core.delete_namespaced_secret, {}),
            (
                core.list_namespaced_persistent_volume_claim,
                core.delete_namespaced_persistent_volume_claim,
                {},
            ),
        ]
        removed = 0
        for list_them, delete, options in kinds:
            listing = await api.call(list_them, api.namespace, label_selector=selector)
            for item in listing.get("items") or []:
                meta = item.get("metadata") or {}
                if meta.get("deletionTimestamp") or not doomed(meta.get("labels") or {}):
                    continue
                if await api.delete(delete, meta["name"], **options):
                    removed += 1
        return removed

    async def aclose(self) -> None:
        """Close the API client."""
        if self._client is not None:
            await self._client.close()
            self._client = self._api = None


def _within_limits(chosen: list[str]) -> tuple[list[str], list[str]]:
    """The paths one tar pod can take (its arguments are bounded), and lines for the rest."""
    kept: list[str] = []
    size = 0
    for index, path in enumerate(chosen):
        size += len(path.encode()) + 3
        if index >= _MAX_ARTIFACT_FILES or size > _MAX_ARTIFACT_ARGS:
            why = f"over {_MAX_ARTIFACT_FILES} files or {_MAX_ARTIFACT_ARGS} bytes of names"
            return kept, [f"{len(chosen) - index} more files: skipped: {why}"]
        kept.append(path)
    return kept, []
