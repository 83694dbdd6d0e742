"""The local executor: each step as a shell script on this machine, in the pipeline's
workspace, optionally inside a bubblewrap sandbox.

Layout under ``root``: ``workspaces/<pipeline id>/`` is a pipeline's workspace, a shallow
clone of its commit that shares nothing with the bare repository (a step cannot reach the
repository's objects through it). Per attempt of a step, ``runs/<pipeline>-<step>-<attempt>/``
holds the scripts dais wrote for it and ``runs/<pipeline>-<step>-<attempt>.json`` records its
process groups, as ``{"pipeline_id", "step_id", "attempt", "groups": [{"pgid", "start"}]}``
where ``start`` is field 22 of ``/proc/<pgid>/stat`` (the leader's start time), so that a
sweep after a crash kills a group only if its leader's pid has not been reused. Both live
outside the workspace, where a step cannot tamper with them.

A step runs as a small launcher script in a new session: it starts the step's services as
background jobs (their output comes back on pipes of their own and is shown line by line as
``[service <name>] ...``; a service's ``image`` is ignored here), runs the step's commands
as one ``/bin/sh -e`` script (each echoed as ``$ command`` before it runs) with stdin from
``/dev/null`` and stderr merged into stdout, and reports the script's exit status to dais on
a pipe of its own. When the script ends, dais gives the services (and anything else the step
left in its group) SIGTERM and up to ``grace`` seconds, then SIGKILLs the whole group; without
services it SIGKILLs at once. Cancellation (for a cancel or a timeout) does the same from
SIGTERM on. The launcher stays until dais kills it, so a group's leader outlives its members
and the record of its start time stays useful. Should dais die, a sandbox dies with it
(``--die-with-parent``); without one, the step runs on until its script ends (or writes to
the pipe dais no longer reads), then the launcher kills its group, and :meth:`sweep` kills
what is left when dais starts again.

The environment is exactly the step's environment plus ``HOME`` (the workspace) and
``PATH`` (:data:`DEFAULT_PATH`), unless the step sets them; nothing of dais's own
environment reaches a step. It is handed over as the process environment, never on a
command line (``/proc/<pid>/cmdline`` is readable by every user of the machine).

Sandboxes:

``none``
    The step runs as dais's own user with everything that user can reach: dais's data
    directory, its configuration, the network, the database. A process that calls
    ``setsid()`` (or ``setpgid()``) leaves the step's process group and survives the step.
    Only for machines whose every pipeline author is trusted with dais's own access.

``bubblewrap``
    The step, its services and the launcher share one ``bwrap`` sandbox: new user, PID,
    IPC, UTS, cgroup and (unless ``network=True``) network namespaces. It sees read-only
    ``/usr``, ``/etc`` and the top-level ``/bin``, ``/sbin``, ``/lib*`` (as symlinks where
    the host has symlinks), a fresh ``/proc``, a minimal ``/dev``, an empty ``/tmp``, its
    own scripts (read-only), and the workspace read-write at its real path. Nothing else
    of the host's filesystem is there: not the repositories, not dais's data directory,
    not other pipelines' workspaces, not ``/home`` or ``/root``. Without the host's
    network it has only its own loopback, which its services listen on; each service's
    name resolves to 127.0.0.1 through the sandbox's ``/etc/hosts``. The PID namespace
    holds every process the step starts, including one that calls ``setsid()``, and the
    kernel kills them all when the sandbox goes. ``/etc`` is the host's: keep secrets out
    of files there that dais's user can read (run dais as its own unprivileged user; as
    root, a step can read what root can, ``/etc/shadow`` included). The sandbox does not
    limit CPU, memory, disk or process count, has no seccomp filter, and shares the
    host's kernel: it keeps a step away from dais and other pipelines, it is not a VM.

``auto``
    ``bubblewrap`` when ``bwrap`` is installed and a probe sandbox starts, else ``none``.

With ``network=True`` (or no sandbox) services listen on the host's loopback, so two
steps running the same service at the same time compete for its port.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import logging
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import attrs
from anyio.abc import Process

from .executor import ExecutorError, StepOutcome
from .pipeline import glob_match, leaves_workspace

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, Awaitable, Callable, Collection, Mapping, Sequence

    from anyio.abc import ByteReceiveStream

    from .executor import ArtifactSink, Checkout, Output, StepRun
    from .pipeline import Service

__all__ = ["DEFAULT_PATH", "SANDBOXES", "LocalExecutor"]

log = logging.getLogger(__name__)

#: ``PATH`` of a step that does not set one.
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#: The values of ``LocalExecutor(sandbox=...)``.
SANDBOXES = ("auto", "bubblewrap", "none")

_CHUNK = 64 * 1024
_DRAIN = 2.0  # seconds to read what is left in the pipes once a step's processes are dead
_REAP = 5.0  # seconds to wait for the launcher to be reaped after SIGKILL
_INFO = 10.0  # seconds for bubblewrap to say which process is the sandbox's init
_PROBE = 10.0
_CHECKOUT = 1800.0
_ERROR_TEXT = 2000  # characters of git's or bubblewrap's complaint kept in an error
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_RUN_NAME = re.compile(r"([0-9]+)-")
_STEP_EXIT = b"dais-step-exit:"
_SERVICES_DONE = b"dais-services-done"
# The top-level directories a sandbox gets from the host, read-only (or as the same symlink).
_SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc")


@attrs.frozen
class _Group:
    """A process group dais started: its id and its leader's start time (clock ticks)."""

    pgid: int
    start: int


def _start_time(pid: int) -> int | None:
    # procfs is not disk I/O: reading it cannot stall the event loop.
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            data = file.read()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses; it ends at the last ")".
    return int(data.rsplit(b")", 1)[1].split()[19])


def _any_alive(pgids: Collection[int]) -> bool:
    """Whether any process (not a zombie) of the process groups ``pgids`` lives."""
    if not pgids:
        return False
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as file:
                    fields = file.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != b"Z" and int(fields[2]) in pgids:
                return True
    return False


def _signal_group(group: _Group, sig: int, *, leader_required: bool) -> bool:
    """Send ``sig`` to the group unless its leader's pid now belongs to another process;
    with ``leader_required``, also unless the leader is gone. Whether it was sent."""
    start = _start_time(group.pgid)
    if start != group.start and (start is not None or leader_required):
        return False
    try:
        os.killpg(group.pgid, sig)
    except ProcessLookupError:
        return False
    except PermissionError:
        log.warning("local executor: not allowed to signal process group %d", group.pgid)
        return False
    return True


# --- the scripts a step runs as ----------------------------------------------------------


def step_script(commands: Sequence[str]) -> str:
    """The shell script of a step's (or service's) commands: stops at the first failing
    command, and shows each, in bold green, before it runs."""
    lines = ["set -e"]
    for command in commands:
        lines.append(rf"printf '\033[32;1m%s\033[0m\n' {shlex.quote('$ ' + command)}")
        lines.append(command)
    return "\n".join(lines) + "\n"


def launcher_script(step: Path, services: Sequence[tuple[Path, int]]) -> str:
    """The script that starts each service (its script, and the descriptor of the pipe its
    output goes to), runs the step's script, and says how it ended on stderr; then it waits
    for dais, which closes its stdin (or kills it) when the step is over."""
    lines = [
        "# Written by dais for one attempt of a step; see dais/actors/builds/local.py.",
        # dais has gone when a write to it fails: stop everything rather than linger.
        "trap 'kill -KILL 0' PIPE",
        # Stay up through SIGTERM until the step and its services have ended.
        "trap : TERM INT HUP",
        "services=",
    ]
    for script, fd in services:
        lines.append(f"sh -e {shlex.quote(str(script))} </dev/null >/dev/fd/{fd} 2>&1 &")
        lines.append('services="$services $!"')
    lines += [
        f"sh -e {shlex.quote(str(step))} </dev/null 2>&1",
        f'echo "{_STEP_EXIT.decode()}$?" >&2',
        # A trapped signal interrupts `wait` (status > 128); only 127 means the job is gone.
        # (Its stderr would say "Terminated" for each service stopped.)
        'for pid in $services; do while wait "$pid" 2>/dev/null; [ $? -gt 128 ]; do :; done; done',
        f"echo {_SERVICES_DONE.decode()} >&2",
        "while :; do read -r _ && continue; [ $? -gt 128 ] || break; done",
        "kill -KILL 0",
    ]
    return "\n".join(lines) + "\n"


def hosts_file(host_hosts: str, services: Sequence[str]) -> str:
    """The sandbox's ``/etc/hosts``: the host's, and each service's name on 127.0.0.1."""
    text = host_hosts if not host_hosts or host_hosts.endswith("\n") else host_hosts + "\n"
    return text + (f"127.0.0.1 {' '.join(services)}\n" if services else "")


def _system_mounts(network: bool) -> list[str]:
    args: list[str] = []
    for path in _SYSTEM_PATHS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    resolv = "/etc/resolv.conf"
    if network and os.path.islink(resolv):
        # Often a link into /run (systemd-resolved), which the sandbox does not otherwise see.
        real = os.path.realpath(resolv)
        if not real.startswith(("/etc/", "/usr/")):
            args += ["--ro-bind-try", real, real]
    return args


# --- output ------------------------------------------------------------------------------


class _Lines:
    """Prefixes each line of a service's output; a line longer than a chunk is cut."""

    def __init__(self, prefix: bytes) -> None:
        self._prefix = prefix
        self._partial = b""

    def feed(self, data: bytes) -> bytes:
        *lines, self._partial = (self._partial + data).split(b"\n")
        if len(self._partial) >= _CHUNK:
            lines.append(self._partial)
            self._partial = b""
        return b"".join(self._prefix + line + b"\n" for line in lines)

    def flush(self) -> bytes:
        rest, self._partial = self._partial, b""
        return self._prefix + rest + b"\n" if rest else b""


async def _read_pipe(fd: int) -> bytes:
    """Up to a chunk from the non-blocking pipe ``fd``; ``b""`` at its end."""
    while True:
        try:
            return os.read(fd, _CHUNK)
        except BlockingIOError:
            await anyio.wait_readable(fd)


async def _read_stream(stream: ByteReceiveStream) -> bytes:
    try:
        return await stream.receive(_CHUNK)
    except (anyio.EndOfStream, anyio.ClosedResourceError, anyio.BrokenResourceError):
        return b""


async def _forward(
    receive: Callable[[], Awaitable[bytes]], write: Output, prefix: bytes | None, done: anyio.Event
) -> None:
    lines = _Lines(prefix) if prefix is not None else None
    try:
        while chunk := await receive():
            chunk = lines.feed(chunk) if lines else chunk
            if chunk:
                await write(chunk)
        if lines and (rest := lines.flush()):
            await write(rest)
    finally:
        done.set()


class _Status:
    """The launcher's stderr: the step's exit status, then that its services have ended;
    any other text there (bubblewrap's or the shell's own complaints) goes to the log."""

    def __init__(self, stream: ByteReceiveStream) -> None:
        self._stream = stream
        self._partial = b""
        self.exit_code: int | None = None
        self.done = False
        self.ended = False
        self.other = ""

    async def until(self, want: Callable[[], bool], output: Output | None) -> None:
        while not want() and not self.ended:
            data = await _read_stream(self._stream)
            if not data:
                self.ended, data = True, b"\n"
            *lines, self._partial = (self._partial + data).split(b"\n")
            text = b"".join(line + b"\n" for line in lines if self._other(line))
            if text:
                self.other = (self.other + text.decode(errors="replace"))[-_ERROR_TEXT:]
                if output is not None:
                    await output(text)

    def _other(self, line: bytes) -> bool:
        if line.startswith(_STEP_EXIT) and line[len(_STEP_EXIT) :].isdigit():
            if self.exit_code is None:
                self.exit_code = int(line[len(_STEP_EXIT) :])
            return False
        if line == _SERVICES_DONE:
            self.done = True
            return False
        return bool(line)


@attrs.define
class _Launch:
    """A running attempt: the launcher (or the sandbox holding it) and its groups."""

    process: Process
    groups: list[_Group]
    status: _Status
    #: The group SIGTERM goes to: the launcher's (in a sandbox, the sandbox init's session,
    #: which the sandbox's own bwrap process is not part of).
    target: _Group | None
    killed: bool = False

    def terminate(self) -> None:
        if self.target is not None:
            _signal_group(self.target, signal.SIGTERM, leader_required=False)

    def kill(self) -> None:
        for group in reversed(self.groups):
            _signal_group(group, signal.SIGKILL, leader_required=False)
        self.killed = True


# --- files -------------------------------------------------------------------------------


def _remove_tree(path: Path) -> bool:
    """Remove ``path`` and everything under it, making read-only directories writable."""
    if not os.path.lexists(path):
        return False
    if not os.path.isdir(path) or os.path.islink(path):
        os.unlink(path)
        return True
    try:
        shutil.rmtree(path)
    except OSError:
        # A step may leave directories without write (or read) permission.
        os.chmod(path, stat.S_IRWXU)
        for parent, dirs, _files in os.walk(path):
            for name in dirs:
                child = os.path.join(parent, name)
                if not os.path.islink(child):
                    os.chmod(child, stat.S_IRWXU)
        shutil.rmtree(path)
    return True


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


def _walk(top: str) -> list[tuple[str, str]]:
    """Every entry under ``top`` (not following symbolic links) as (kind, relative path)."""
    real_top = os.path.realpath(top)
    found: list[tuple[str, str]] = []
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(top, relative) if relative else top))
        except OSError:
            found.append(("unreadable", relative))
            continue
        for entry in entries:
            path = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_symlink():
                real = os.path.realpath(entry.path)
                inside = real == real_top or real.startswith(real_top + os.sep)
                found.append(("symlink" if inside else "outside", path))
            elif entry.is_dir(follow_symlinks=False):
                found.append(("directory", path))
                pending.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(("file", path))
            else:
                found.append(("special", path))
    return sorted(found, key=lambda item: item[1])


def _open_inside(top: str, path: str) -> int:
    """Open the regular file at ``path`` under ``top`` without following any symbolic link
    on the way (each component is opened with ``O_NOFOLLOW``), so a path changed since it
    was listed cannot lead outside.

    :raises OSError: a component is a symbolic link (``ELOOP``/``ENOTDIR``) or is gone.
    :raises ValueError: the file is not a regular file.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    directory = os.open(top, flags | os.O_DIRECTORY)
    try:
        *parents, name = path.split("/")
        for part in parents:
            inner = os.open(part, flags | os.O_DIRECTORY, dir_fd=directory)
            os.close(directory)
            directory = inner
        # O_NONBLOCK: a FIFO put there since the listing must not block the open.
        fd = os.open(name, flags | os.O_NONBLOCK, dir_fd=directory)
    finally:
        os.close(directory)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ValueError("not a regular file")
    os.set_blocking(fd, True)
    return fd


# --- the executor ------------------------------------------------------------------------


class LocalExecutor:
    """Runs steps as process groups on this machine; see the module docstring.

    :param root: the directory holding workspaces and run records (created as needed).
    :param sandbox: ``auto``, ``bubblewrap`` (required: :meth:`prepare` and :meth:`run`
        raise :class:`ExecutorError` when it does not work) or ``none``.
    :param network: whether sandboxed steps reach the host's network.
    :param grace: seconds between SIGTERM and SIGKILL when a step is stopped.
    :raises ValueError: ``sandbox`` is none of :data:`SANDBOXES`.
    """

    name = "local"

    def __init__(
        self, root: Path, *, sandbox: str = "auto", network: bool = False, grace: float = 10.0
    ) -> None:
        if sandbox not in SANDBOXES:
            raise ValueError(f"sandbox must be one of {', '.join(SANDBOXES)}, not {sandbox!r}")
        self._root = Path(os.path.abspath(root))
        self._workspaces = self._root / "workspaces"
        self._runs = self._root / "runs"
        self._mode = sandbox
        self._network = network
        self._grace = grace
        self._bwrap = shutil.which("bwrap") if sandbox != "none" else None
        self._system = _system_mounts(network)
        self._probed: bool | None = False if sandbox == "none" else None
        self._unusable = "" if self._bwrap else "bwrap is not installed (not found on PATH)"
        self._probe_lock = anyio.Lock()

    @property
    def sandboxed(self) -> bool:
        """Whether steps run under bubblewrap. Settled by the first :meth:`check_sandbox`
        (which :meth:`prepare` calls); before it, whether ``bwrap`` is installed."""
        return self._probed if self._probed is not None else self._bwrap is not None

    async def check_sandbox(self) -> bool:
        """Probe bubblewrap once by starting an empty sandbox; later calls return the first
        answer. Whether steps will be sandboxed.

        :raises ExecutorError: ``sandbox="bubblewrap"`` and bubblewrap does not work here.
        """
        async with self._probe_lock:
            if self._probed is None:
                self._probed = await self._probe()
                if not self._probed and self._mode == "auto":
                    log.warning("local executor: %s; steps run without a sandbox", self._unusable)
        if self._mode == "bubblewrap" and not self._probed:
            raise ExecutorError(f"the bubblewrap sandbox is required, but {self._unusable}")
        return self._probed

    async def _probe(self) -> bool:
        if self._bwrap is None:
            return False
        command = [*self._sandbox_args(), "/bin/sh", "-c", "exit 0"]
        with anyio.move_on_after(_PROBE):
            try:
                result = await anyio.run_process(
                    command, check=False, stdin=subprocess.DEVNULL, env={"PATH": DEFAULT_PATH}
                )
            except OSError as exc:
                self._unusable = f"bwrap could not be started: {exc}"
                return False
            if result.returncode == 0:
                return True
            self._unusable = f"bwrap fails: {_trim(result.stderr)}"
            return False
        self._unusable = f"bwrap did not start a sandbox within {_PROBE:g} s"
        return False

    def _sandbox_args(self, *binds: str) -> list[str]:
        assert self._bwrap is not None
        return [
            self._bwrap,
            "--unshare-all",
            *(["--share-net"] if self._network else []),
            "--die-with-parent",
            # Puts the sandbox's processes in a session of their own, so dais can SIGTERM
            # them without SIGTERMing bwrap (which would end the sandbox at once).
            "--new-session",
            *self._system,
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            # Before the binds: the workspace may well be under /tmp.
            "--tmpfs",
            "/tmp",
            *binds,
        ]

    def _workspace(self, pipeline_id: int) -> Path:
        return self._workspaces / str(pipeline_id)

    # --- prepare ---------------------------------------------------------------------

    async def prepare(self, checkout: Checkout) -> None:
        """Make a fresh workspace holding ``checkout.sha``, fetched from the bare repository
        into a repository of its own (no shared or hard-linked objects).

        :raises ExecutorError: the sandbox is required but does not work, or git failed.
        """
        await self.check_sandbox()
        if not _SHA.fullmatch(checkout.sha):
            raise ExecutorError(f"{checkout.sha!r} is not a commit id")
        workspace = self._workspace(checkout.pipeline_id)
        home = self._root / "git-home"
        await anyio.to_thread.run_sync(_remove_tree, workspace)
        # Private to dais's user: workspaces hold the source and whatever steps write.
        for directory in (self._workspaces, self._runs, home, workspace):
            await anyio.Path(directory).mkdir(mode=0o700, parents=True, exist_ok=True)
        env = {
            "PATH": os.environ.get("PATH", DEFAULT_PATH),
            "HOME": str(home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "LC_ALL": "C",
        }
        url = (Path.cwd() / checkout.git_dir).as_uri()  # no-op for the absolute paths dais uses
        # Protocol v0 serves only advertised refs unless told otherwise; v2 serves any object.
        upload_pack = "git -c uploadpack.allowAnySHA1InWant=true upload-pack"
        ws = str(workspace)
        await _git(env, "init", "-c", "init.defaultBranch=main", "init", "-q", ws)
        fetch = ["fetch", "-q", "--depth=1", "--no-tags", f"--upload-pack={upload_pack}"]
        await _git(env, f"fetch of {checkout.sha}", "-C", ws, *fetch, url, checkout.sha)
        await _git(env, "checkout", "-C", ws, "checkout", "-q", "--detach", "FETCH_HEAD")

    # --- run -------------------------------------------------------------------------

    async def run(self, step: StepRun, output: Output) -> StepOutcome:
        """Run the step's script and its services; see the module docstring.

        :raises ExecutorError: no workspace, the sandbox is required but does not work,
            or the launcher could not be started or ended without saying how the script did.
        """
        workspace = self._workspace(step.pipeline_id)
        if not await anyio.Path(workspace).is_dir():
            raise ExecutorError("the pipeline has no workspace (it was not prepared)")
        sandboxed = await self.check_sandbox()
        lock = anyio.Lock()

        async def write(chunk: bytes) -> None:
            # Output comes from several pipes at once; the log takes one chunk at a time.
            async with lock:
                await output(chunk)

        services = [service for service in step.services if service.commands]
        for service in step.services:
            if not service.commands:
                await write(
                    f"[service {service.name}] not started: it has no commands, and the "
                    "local executor runs no images\n".encode()
                )
        stem = f"{step.pipeline_id}-{step.step_id}-{step.attempt}"
        scripts, record = self._runs / stem, self._runs / f"{stem}.json"
        pipes = _Pipes(len(services) + (1 if sandboxed else 0))  # the last: bubblewrap's info
        launch: _Launch | None = None
        try:
            outputs = pipes.write_ends[: len(services)]
            info = pipes.write_ends[-1] if sandboxed else None
            try:
                command = await self._write_scripts(step, scripts, services, outputs, info)
            except OSError as exc:
                raise ExecutorError(f"the step's scripts could not be written: {exc}") from exc
            launch = self._spawned(
                await _spawn(command, workspace, step.environment, pipes.write_ends)
            )
            pipes.close_writes()
            await self._record(record, step, launch.groups)
            if sandboxed:
                inner = await _sandbox_init(pipes.ends[-1][0])
                if inner is not None and (start := _start_time(inner)) is not None:
                    launch.target = _Group(inner, start)
                    launch.groups.append(launch.target)
                    await self._record(record, step, launch.groups)
            return await self._follow(launch, services, pipes.ends, write)
        finally:
            with anyio.CancelScope(shield=True):
                if launch is not None:
                    await self._stop(launch)
                pipes.close()
                await anyio.to_thread.run_sync(_remove_tree, record)
                await anyio.to_thread.run_sync(_remove_tree, scripts)

    async def _write_scripts(
        self,
        step: StepRun,
        scripts: Path,
        services: Sequence[Service],
        outputs: Sequence[int],
        info: int | None,
    ) -> list[str]:
        await anyio.to_thread.run_sync(_remove_tree, scripts)
        await anyio.Path(scripts).mkdir(parents=True)
        targets: list[tuple[Path, int]] = []
        for index, (service, fd) in enumerate(zip(services, outputs, strict=True)):
            script = scripts / f"service-{index}.sh"
            await anyio.Path(script).write_text(step_script(service.commands))
            targets.append((script, fd))
        await anyio.Path(scripts / "step.sh").write_text(step_script(step.commands))
        launcher = scripts / "launcher.sh"
        await anyio.Path(launcher).write_text(launcher_script(scripts / "step.sh", targets))
        if info is None:
            return ["/bin/sh", str(launcher)]
        workspace = str(self._workspace(step.pipeline_id))
        binds = ["--bind", workspace, workspace, "--ro-bind", str(scripts), str(scripts)]
        if services and await anyio.Path("/etc/hosts").is_file():
            hosts = scripts / "hosts"
            host_hosts = await anyio.Path("/etc/hosts").read_text(errors="replace")
            await anyio.Path(hosts).write_text(hosts_file(host_hosts, [s.name for s in services]))
            binds += ["--ro-bind", str(hosts), "/etc/hosts"]
        binds += ["--chdir", workspace, "--info-fd", str(info)]
        return [*self._sandbox_args(*binds), "/bin/sh", str(launcher)]

    def _spawned(self, process: Process) -> _Launch:
        assert process.stderr is not None
        start = _start_time(process.pid)
        groups = [_Group(process.pid, start)] if start is not None else []
        return _Launch(process, groups, _Status(process.stderr), groups[0] if groups else None)

    async def _record(self, path: Path, step: StepRun, groups: Sequence[_Group]) -> None:
        text = json.dumps(
            {
                "pipeline_id": step.pipeline_id,
                "step_id": step.step_id,
                "attempt": step.attempt,
                "groups": [attrs.asdict(group) for group in groups],
            }
        )
        try:
            await anyio.to_thread.run_sync(_write_atomically, path, text)
        except OSError as exc:  # without a record, a crash would leave the step running
            raise ExecutorError(f"the step's processes could not be recorded: {exc}") from exc

    async def _follow(
        self,
        launch: _Launch,
        services: Sequence[Service],
        pipes: Sequence[tuple[int, int]],
        write: Output,
    ) -> StepOutcome:
        stdout, status = launch.process.stdout, launch.status
        assert stdout is not None
        finished = [anyio.Event() for _ in range(len(services) + 1)]
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(
                _forward, functools.partial(_read_stream, stdout), write, None, finished[0]
            )
            for service, (read_end, _), done in zip(services, pipes, finished[1:], strict=False):
                prefix = f"[service {service.name}] ".encode()
                tasks.start_soon(
                    _forward, functools.partial(_read_pipe, read_end), write, prefix, done
                )
            await status.until(lambda: status.exit_code is not None, write)
            if status.exit_code is not None and services:
                launch.terminate()
                with anyio.move_on_after(self._grace):
                    await status.until(lambda: status.done, write)
            launch.kill()
            # Whatever the step wrote before it died, unless something outside its group
            # (a daemon that called setsid()) still holds the pipe.
            with anyio.move_on_after(_DRAIN):
                for event in finished:
                    await event.wait()
            tasks.cancel_scope.cancel()
        if status.exit_code is None:
            why = status.other.strip()
            raise ExecutorError(
                "the step's shell ended without saying how its script did"
                + (f": {why}" if why else "")
            )
        return StepOutcome(status.exit_code)

    async def _stop(self, launch: _Launch) -> None:
        """SIGTERM, up to ``grace`` seconds for the script and services to end, SIGKILL (if
        not done already); then reap the launcher. Called shielded."""
        if not launch.killed:
            launch.terminate()
            with anyio.move_on_after(self._grace):
                await launch.status.until(lambda: launch.status.done, None)
            launch.kill()
        pgids = frozenset(group.pgid for group in launch.groups)
        with anyio.move_on_after(_REAP):
            await launch.process.aclose()
            # SIGKILL lands at once but a process takes a moment to die (longer when it
            # is in the middle of a system call); the record goes once they all have.
            while await anyio.to_thread.run_sync(_any_alive, pgids):  # noqa: ASYNC110
                await anyio.sleep(0.01)  # (no event says when another process has died)
            return
        log.error("local executor: process groups %s outlived SIGKILL", sorted(pgids))

    # --- collect ---------------------------------------------------------------------

    async def collect(self, step: StepRun, globs: Sequence[str], sink: ArtifactSink) -> list[str]:
        """Hand each regular file of the workspace matching ``globs`` to ``sink``, in path
        order; return a line for each glob refused or matching nothing and each path skipped
        (a symbolic link, not a regular file, refused by the sink)."""
        lines: list[str] = []
        usable: list[str] = []
        for glob in globs:
            if leaves_workspace(glob):
                lines.append(f"{glob}: refused: artifact paths stay inside the workspace")
                continue
            try:
                glob_match(glob, "")
            except re.error as exc:
                lines.append(f"{glob}: refused: not a valid glob ({exc})")
                continue
            usable.append(glob)
        workspace = str(self._workspace(step.pipeline_id))
        if not usable:
            return lines
        if not await anyio.Path(workspace).is_dir():
            return [*lines, "the workspace is gone: nothing collected"]
        matched: set[str] = set()
        kept: list[str] = []
        for kind, path in await anyio.to_thread.run_sync(_walk, workspace):
            globs_matching = [glob for glob in usable if glob_match(glob, path)]
            if kind == "directory":
                if any(glob.rstrip("/") == path for glob in usable):
                    lines.append(f"{path}: skipped: a directory (its files match {path}/**)")
            elif globs_matching:
                matched.update(globs_matching)
                if kind == "file":
                    kept.append(path)
                else:
                    lines.append(f"{path}: skipped: {_SKIPPED[kind]}")
        lines += [f"{glob}: no file matches" for glob in usable if glob not in matched]
        for path in kept:
            if (line := await _hand_over(workspace, path, sink)) is not None:
                lines.append(line)
        return lines

    # --- cleaning up -----------------------------------------------------------------

    async def finish(self, pipeline_id: int) -> None:
        """Kill what is still recorded for the pipeline, remove its workspace and records."""
        await self._clear_runs(lambda found: found == pipeline_id)
        await anyio.to_thread.run_sync(_remove_tree, self._workspace(pipeline_id))

    async def sweep(self, keep: Collection[int]) -> int:
        """Kill the recorded process groups of pipelines not in ``keep`` (each only if its
        leader's pid still belongs to it), and remove their records and workspaces; return
        the number of groups killed plus workspaces removed."""
        kept = set(keep)
        removed = await self._clear_runs(lambda found: found not in kept)
        for name in await anyio.to_thread.run_sync(_list, self._workspaces):
            if name.isdigit() and int(name) not in kept:
                removed += await anyio.to_thread.run_sync(_remove_tree, self._workspaces / name)
        return removed

    async def _clear_runs(self, select: Callable[[int], bool]) -> int:
        killed = 0
        for name in await anyio.to_thread.run_sync(_list, self._runs):
            match = _RUN_NAME.match(name)
            if match is None or not select(int(match[1])):
                continue
            if name.endswith(".json"):
                killed += await anyio.to_thread.run_sync(_kill_recorded, self._runs / name)
            await anyio.to_thread.run_sync(_remove_tree, self._runs / name)
        return killed

    async def aclose(self) -> None:
        """Nothing to release: every step's processes are gone when its :meth:`run` ends."""


_SKIPPED = {
    "symlink": "a symbolic link",
    "outside": "a symbolic link to a path outside the workspace",
    "special": "not a regular file",
    "unreadable": "a directory that cannot be read",
}


class _Pipes:
    """Pipes whose write ends a child inherits; each end is closed exactly once (a second
    close could hit a descriptor reused meanwhile)."""

    def __init__(self, count: int) -> None:
        self.ends: list[tuple[int, int]] = []
        self._open: set[int] = set()
        try:
            for _ in range(count):
                read_end, write_end = os.pipe()
                self.ends.append((read_end, write_end))
                self._open |= {read_end, write_end}
                os.set_blocking(read_end, False)
        except OSError as exc:
            self.close()
            raise ExecutorError(f"the step could not be started: {exc}") from exc

    @property
    def write_ends(self) -> list[int]:
        return [write_end for _, write_end in self.ends]

    def close_writes(self) -> None:
        for fd in self.write_ends:
            self._close(fd)

    def close(self) -> None:
        for read_end, write_end in self.ends:
            self._close(read_end)
            self._close(write_end)

    def _close(self, fd: int) -> None:
        if fd in self._open:
            self._open.discard(fd)
            os.close(fd)


async def _spawn(
    command: Sequence[str], workspace: Path, environment: Mapping[str, str], fds: Sequence[int]
) -> Process:
    env = {"HOME": str(workspace), "PATH": DEFAULT_PATH, **environment}
    try:
        return await anyio.open_process(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=workspace,
            env=env,
            start_new_session=True,
            pass_fds=fds,
        )
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the environment
        raise ExecutorError(f"the step could not be started: {exc}") from exc


async def _sandbox_init(fd: int) -> int | None:
    """The host pid of the sandbox's init, from bubblewrap's ``--info-fd`` JSON."""
    data = b""
    with anyio.move_on_after(_INFO):
        while chunk := await _read_pipe(fd):
            data += chunk
            with contextlib.suppress(ValueError, KeyError, TypeError):
                return int(json.loads(data)["child-pid"])
    return None


async def _hand_over(workspace: str, path: str, sink: ArtifactSink) -> str | None:
    try:
        fd = await anyio.to_thread.run_sync(_open_inside, workspace, path)
    except ValueError:
        return f"{path}: skipped: not a regular file"
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            return f"{path}: skipped: it became a symbolic link while it was collected"
        return f"{path}: skipped: it could not be opened ({exc.strerror})"
    file = anyio.wrap_file(os.fdopen(fd, "rb", buffering=0))
    size = os.fstat(fd).st_size

    async def chunks() -> AsyncGenerator[bytes, None]:
        left = size  # no more than the size announced, should the file grow meanwhile
        while left > 0 and (data := await file.read(min(_CHUNK, left))):
            left -= len(data)
            yield data

    try:
        async with contextlib.aclosing(chunks()) as iterator:
            await sink(path, size, iterator)
    except Exception as exc:  # noqa: BLE001 - the sink refuses a file by raising
        return f"{path}: not kept: {exc}"
    finally:
        await file.aclose()
    return None


def _kill_recorded(path: Path) -> int:
    try:
        record = json.loads(path.read_text())
        groups = [_Group(int(g["pgid"]), int(g["start"])) for g in record["groups"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("local executor: unreadable run record %s: %r", path, exc)
        return 0
    return sum(_signal_group(g, signal.SIGKILL, leader_required=True) for g in groups)


def _list(directory: Path) -> list[str]:
    try:
        return sorted(os.listdir(directory))
    except FileNotFoundError:
        return []


def _trim(data: bytes) -> str:
    return data.decode(errors="replace").strip()[-_ERROR_TEXT:]


async def _git(env: Mapping[str, str], what: str, *args: str) -> None:
    try:
        with anyio.fail_after(_CHECKOUT):
            result = await anyio.run_process(
                ["git", *args], check=False, stdin=subprocess.DEVNULL, env=env
            )
    except TimeoutError:
        raise ExecutorError(f"git {what} did not finish within {_CHECKOUT:g} s") from None
    except OSError as exc:
        raise ExecutorError(f"git could not be started: {exc}") from exc
    if result.returncode != 0:
        why = _trim(result.stderr) or f"exit code {result.returncode}"
        raise ExecutorError(f"git {what} failed: {why}")
