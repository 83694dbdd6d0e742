"""The local executor against real processes and git, without a sandbox and under
bubblewrap: checkout, output, exit codes, environment, stopping (cancel, daemons, services),
artifacts, cleanup, and what the sandbox keeps out.

Sandbox tests need a working ``bwrap``: without one they skip locally and fail under
``CI=true``. Each process a test starts carries a marker (an unusual ``sleep`` duration) so
the test can look for survivors in ``/proc``.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import anyio
import attrs
import pytest

from dais.actors.builds.executor import Checkout, ExecutorError, StepRun
from dais.actors.builds.local import DEFAULT_PATH, LocalExecutor
from dais.actors.builds.pipeline import Service
from tests.conftest import ROOT, require_service

pytestmark = pytest.mark.timeout(30)

GRACE = 0.5
_markers = itertools.count(1)


def marker() -> str:
    """A sleep duration no other process on the machine uses."""
    return str(7_000_000 + (os.getpid() % 1000) * 1000 + next(_markers))


@functools.cache
def bwrap_works() -> bool:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return False
    probe = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all"]
    result = subprocess.run([*probe, "--die-with-parent", "true"], capture_output=True, timeout=10)
    return result.returncode == 0


def need_bwrap() -> None:
    if not bwrap_works():
        require_service("bubblewrap", "bwrap is not installed or cannot make namespaces here")


@pytest.fixture(params=["none", "bubblewrap"])
def mode(request: pytest.FixtureRequest) -> str:
    if request.param == "bubblewrap":
        need_bwrap()
    sandbox: str = request.param
    return sandbox


# --- a repository ------------------------------------------------------------------------


@attrs.frozen
class Repository:
    git_dir: Path
    first: str  # README says "first", build.sh exists
    second: str  # README says "second", build.sh removed, new.txt added


def _git(*args: str, cwd: Path | None = None) -> str:
    env = {
        "PATH": os.environ.get("PATH", DEFAULT_PATH),
        "HOME": str(cwd or "/nonexistent"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    top = tmp_path_factory.mktemp("repository")
    bare, work = top / "app.git", top / "work"
    _git("init", "-q", "--bare", "-b", "main", str(bare))
    _git("init", "-q", "-b", "main", str(work))
    (work / "README").write_text("first\n")
    (work / "build.sh").write_text("echo building\n")
    _git("add", ".", cwd=work)
    _git("commit", "-q", "-m", "first", cwd=work)
    first = _git("rev-parse", "HEAD", cwd=work)
    (work / "README").write_text("second\n")
    (work / "build.sh").unlink()
    (work / "new.txt").write_text("new\n")
    _git("add", "-A", cwd=work)
    _git("commit", "-q", "-m", "second", cwd=work)
    second = _git("rev-parse", "HEAD", cwd=work)
    _git("push", "-q", str(bare), "main", cwd=work)
    return Repository(bare, first, second)


def checkout(repository: Repository, sha: str, pipeline_id: int = 1) -> Checkout:
    return Checkout(
        pipeline_id=pipeline_id,
        project_id=1,
        project_path="alice/app",
        sha=sha,
        git_dir=repository.git_dir,
        clone_url="https://dais.example.com/alice/app.git",
        token="job-token",
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "builds"


@pytest.fixture
async def executor(root: Path, mode: str, repository: Repository) -> AsyncIterator[LocalExecutor]:
    """An executor with pipeline 1 prepared at the repository's second commit."""
    local = LocalExecutor(root, sandbox=mode, grace=GRACE)
    await local.prepare(checkout(repository, repository.second))
    yield local
    await local.finish(1)
    await local.aclose()


def workspace(root: Path, pipeline_id: int = 1) -> Path:
    return root / "workspaces" / str(pipeline_id)


# --- running steps -----------------------------------------------------------------------


def step_run(
    commands: Sequence[str],
    *,
    environment: dict[str, str] | None = None,
    services: Sequence[Service] = (),
    pipeline_id: int = 1,
    step_id: int = 1,
) -> StepRun:
    return StepRun(
        pipeline_id=pipeline_id,
        step_id=step_id,
        name="test",
        attempt=1,
        commands=tuple(commands),
        image=None,
        environment=environment or {},
        services=tuple(services),
    )


class Log:
    """An :class:`~dais.actors.builds.executor.Output` that keeps what it is given."""

    def __init__(self) -> None:
        self.data = b""
        self.changed = anyio.Event()

    async def __call__(self, chunk: bytes) -> None:
        self.data += chunk
        self.changed.set()
        self.changed = anyio.Event()

    @property
    def text(self) -> str:
        return self.data.decode(errors="replace")

    async def wait_for(self, text: str) -> None:
        with anyio.fail_after(10):
            while text.encode() not in self.data:
                await self.changed.wait()


async def run(
    executor: LocalExecutor, commands: Sequence[str], **options: object
) -> tuple[int, str]:
    log = Log()
    outcome = await executor.run(step_run(commands, **options), log)  # type: ignore[arg-type]
    return outcome.exit_code, log.text


def alive(text: str) -> list[int]:
    """Live (not zombie) processes whose command line holds ``text``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ")
            with open(f"/proc/{entry}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if text.encode() in cmdline and state != b"Z":
            found.append(int(entry))
    return found


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in process group ``pgid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != b"Z":
            found.append(int(entry))
    return found


async def running(text: str) -> bool:
    """Whether a process marked ``text`` runs, or starts within 3 s."""
    for _ in range(150):
        if alive(text):
            return True
        await anyio.sleep(0.02)
    return False


async def none_alive(text: str) -> bool:
    """Whether every process marked ``text`` is gone, or goes within 3 s."""
    for _ in range(150):
        if not alive(text):
            return True
        await anyio.sleep(0.02)
    return False


# --- prepare -----------------------------------------------------------------------------


async def test_prepare_checks_out_the_commit_in_a_repository_of_its_own(
    root: Path, mode: str, repository: Repository
) -> None:
    local = LocalExecutor(root, sandbox=mode)
    await local.prepare(checkout(repository, repository.second))
    (workspace(root) / "leftover").write_text("from an earlier run")

    await local.prepare(checkout(repository, repository.first))

    ws = workspace(root)
    assert (ws / "README").read_text() == "first\n"
    assert (ws / "build.sh").exists() and not (ws / "new.txt").exists()
    assert not (ws / "leftover").exists()
    assert _git("rev-parse", "HEAD", cwd=ws) == repository.first
    # Nothing shared with the bare repository: no alternates, no hard links.
    assert not (ws / ".git" / "objects" / "info" / "alternates").exists()
    objects = [p for p in (ws / ".git" / "objects").rglob("*") if p.is_file()]
    assert objects and all(p.stat().st_nlink == 1 for p in objects)
    await local.finish(1)


async def test_prepare_fails_with_gits_message(root: Path, repository: Repository) -> None:
    local = LocalExecutor(root, sandbox="none")
    with pytest.raises(ExecutorError, match=r"git fetch of 0{40} failed: .*not our ref 0{40}"):
        await local.prepare(checkout(repository, "0" * 40))
    with pytest.raises(ExecutorError, match="not a commit id"):
        await local.prepare(checkout(repository, "--upload-pack=touch /tmp/x"))


# --- running -----------------------------------------------------------------------------


async def test_output_is_streamed_while_the_step_runs(executor: LocalExecutor, root: Path) -> None:
    log = Log()
    step = step_run(["echo ready", "while [ ! -e go ]; do sleep 0.02; done", "echo finished"])
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(executor.run, step, log)
        await log.wait_for("ready\n")  # would time out if output came only at the end
        assert "finished" not in log.text
        (workspace(root) / "go").touch()
    assert log.text.endswith("finished\n")
    assert "$ echo ready" in log.text


@pytest.mark.parametrize(
    ("commands", "exit_code"),
    [(["true"], 0), (["echo a", "exit 3"], 3), (["kill -KILL $$"], 128 + signal.SIGKILL)],
)
async def test_exit_codes(executor: LocalExecutor, commands: list[str], exit_code: int) -> None:
    code, text = await run(executor, commands)
    assert code == exit_code
    assert f"$ {commands[-1]}" in text


async def test_the_script_stops_at_the_first_failing_command(executor: LocalExecutor) -> None:
    code, text = await run(executor, ["echo one", "false", "echo two"])
    assert code == 1
    assert "one\n" in text and "two" not in text


async def test_environment_is_the_steps_own_and_nothing_of_dais(
    executor: LocalExecutor, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAIS_SECRETS_KEY", "do-not-leak-this")
    code, text = await run(
        executor, ["env", "pwd"], environment={"GREETING": "hello world", "CI": "true"}
    )
    assert code == 0
    assert "do-not-leak-this" not in text and "DAIS_SECRETS_KEY" not in text
    lines = [line for line in text.splitlines() if "=" in line and not line.startswith("\x1b")]
    env = dict(line.split("=", 1) for line in lines)
    assert env["GREETING"] == "hello world" and env["CI"] == "true"
    assert env["HOME"] == str(workspace(root))
    assert env["PATH"] == DEFAULT_PATH
    assert set(env) <= {"GREETING", "CI", "HOME", "PATH", "PWD", "OLDPWD", "SHLVL", "_"}
    assert text.rstrip().endswith(str(workspace(root)))


async def test_a_step_may_set_path_and_home(executor: LocalExecutor) -> None:
    code, text = await run(
        executor, ['echo "$PATH $HOME"'], environment={"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    )
    assert code == 0 and "/usr/bin:/bin /tmp\n" in text


# --- stopping ----------------------------------------------------------------------------


@pytest.mark.parametrize("ignores_term", [False, True])
async def test_cancel_kills_the_whole_group(
    executor: LocalExecutor, root: Path, mode: str, ignores_term: bool
) -> None:
    mark = marker()
    trap = "trap '' TERM; " if ignores_term else ""
    # A step that heeds SIGTERM ends long before a generous grace runs out.
    local = executor if ignores_term else LocalExecutor(root, sandbox=mode, grace=10)
    log = Log()
    scope = anyio.CancelScope()

    async def step() -> None:
        with scope:
            await local.run(step_run([f"{trap}sleep {mark} & echo started; wait"]), log)

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(step)
        await log.wait_for("started\n")
        record = json.loads((root / "runs" / "1-1-1.json").read_text())
        pgids = [group["pgid"] for group in record["groups"]]
        assert await running(mark)
        began = time.monotonic()
        scope.cancel()
    took = time.monotonic() - began

    assert scope.cancelled_caught
    assert not alive(mark)
    assert all(group_members(pgid) == [] for pgid in pgids)
    assert not (root / "runs" / "1-1-1.json").exists()
    if ignores_term:
        assert GRACE * 0.9 <= took < GRACE + 3  # SIGTERM, the grace, then SIGKILL
    else:
        assert took < 5  # SIGTERM was enough


async def test_daemons_die_when_the_step_ends(executor: LocalExecutor, mode: str) -> None:
    forked, double_forked, own_session = marker(), marker(), marker()
    commands = [f"sleep {forked} &", f"(sleep {double_forked} &)"]
    if mode == "bubblewrap":  # without a sandbox, setsid() leaves the group (see the docs)
        commands.append(f"setsid sleep {own_session} &")
    began = time.monotonic()
    code, _ = await run(executor, [*commands, "echo started"])
    assert code == 0
    assert time.monotonic() - began < 2  # nothing of the step kept its output pipe open
    for mark in (forked, double_forked, own_session):
        assert await none_alive(mark)


async def test_services_run_beside_the_step_and_are_stopped(
    executor: LocalExecutor, root: Path
) -> None:
    db, stubborn = marker(), marker()
    services = [
        Service("db", "postgres:16", ("echo db is up", "touch db-ready", f"sleep {db}")),
        Service("stubborn", "busybox", ("trap '' TERM", f"sleep {stubborn}")),
        Service("cache", "redis:7"),  # an image alone: nothing to run here
    ]
    began = time.monotonic()
    code, text = await run(
        executor,
        ["while [ ! -e db-ready ]; do sleep 0.02; done", "echo step done"],
        services=services,
    )
    took = time.monotonic() - began
    assert code == 0
    assert "[service db] db is up\n" in text
    assert "[service db] \x1b[32;1m$ touch db-ready" in text
    assert "step done\n" in text
    assert "[service cache] not started" in text
    assert await none_alive(db) and await none_alive(stubborn)
    assert took >= GRACE * 0.9  # the stubborn service had its grace before SIGKILL


async def test_a_service_is_reachable_from_the_step(executor: LocalExecutor, mode: str) -> None:
    if not os.path.exists("/usr/bin/python3"):  # noqa: ASYNC240 - the sandbox sees /usr
        require_service("/usr/bin/python3", "the service and its client are Python scripts")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = (
        "import socket; s = socket.socket(); "
        "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
        f"s.bind(('127.0.0.1', {port})); s.listen(); open('listening', 'w').close(); "
        "c, _ = s.accept(); c.sendall(b'pong'); c.close()"
    )
    host = "echo" if mode == "bubblewrap" else "127.0.0.1"  # the sandbox resolves the name
    client = (
        "import socket; c = socket.create_connection((HOST, PORT), timeout=5); "
        "print('got', c.recv(4).decode())"
    ).replace("PORT", str(port))
    code, text = await run(
        executor,
        [
            "while [ ! -e listening ]; do sleep 0.02; done",
            f'/usr/bin/python3 -c "{client.replace("HOST", repr(host))}"',
        ],
        services=[Service("echo", "python:3", (f'/usr/bin/python3 -c "{server}"',))],
    )
    assert code == 0, text
    assert "got pong" in text


# --- artifacts ---------------------------------------------------------------------------


class Sink:
    def __init__(self, refuse: str = "") -> None:
        self.files: dict[str, bytes] = {}
        self.sizes: dict[str, int] = {}
        self.refuse = refuse

    async def __call__(self, path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
        if path == self.refuse:
            raise ValueError(f"{path} is over the limit")
        self.files[path] = b"".join([chunk async for chunk in chunks])
        self.sizes[path] = size


async def test_collect_hands_over_matching_regular_files(
    executor: LocalExecutor, root: Path, tmp_path: Path
) -> None:
    code, _ = await run(
        executor,
        [
            "mkdir -p build/sub",
            "head -c 200000 /dev/zero > build/app.bin",
            "echo deep > build/sub/deep.txt",
            "echo report > report.txt",
            "echo big > big.txt",
            "ln -s /etc/passwd build/passwd",
            "ln -s app.bin build/alias.bin",
            "mkfifo build/fifo",
        ],
    )
    assert code == 0
    (tmp_path / "secret").write_text("secret")
    sink = Sink(refuse="big.txt")
    globs = ["build/**", "*.txt", "../secret", "/etc/passwd", "dist/*.whl", "README"]

    lines = await executor.collect(step_run([]), globs, sink)

    assert sink.files == {
        "README": b"second\n",
        "build/app.bin": bytes(200000),
        "build/sub/deep.txt": b"deep\n",
        "new.txt": b"new\n",
        "report.txt": b"report\n",
    }
    assert sink.sizes["build/app.bin"] == 200000
    assert set(lines) == {
        "../secret: refused: artifact paths stay inside the workspace",
        "/etc/passwd: refused: artifact paths stay inside the workspace",
        "build/alias.bin: skipped: a symbolic link",
        "build/passwd: skipped: a symbolic link to a path outside the workspace",
        "build/fifo: skipped: not a regular file",
        "big.txt: not kept: big.txt is over the limit",
        "dist/*.whl: no file matches",
    }


async def test_collect_does_not_follow_a_directory_swapped_for_a_link(
    executor: LocalExecutor, root: Path, tmp_path: Path
) -> None:
    ws = workspace(root)
    (ws / "a").mkdir()
    (ws / "a" / "first.txt").write_text("first")
    (ws / "b").mkdir()
    (ws / "b" / "second.txt").write_text("second")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "second.txt").write_text("outside the workspace")
    sink = Sink()

    async def swapping_sink(path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
        await sink(path, size, chunks)
        if path == "a/first.txt":  # as a step running beside this one might
            (ws / "b").rename(ws / "b-old")
            (ws / "b").symlink_to(outside)

    lines = await executor.collect(step_run([]), ["a/*", "b/*"], swapping_sink)
    assert sink.files == {"a/first.txt": b"first"}
    assert lines == ["b/second.txt: skipped: it became a symbolic link while it was collected"]


# --- cleaning up -------------------------------------------------------------------------


async def test_finish_removes_the_workspace_even_read_only(
    executor: LocalExecutor, root: Path
) -> None:
    code, _ = await run(
        executor, ["mkdir -p locked/deeper", "touch locked/deeper/f", "chmod -R a-w locked"]
    )
    assert code == 0
    await executor.finish(1)
    assert not workspace(root).exists()
    assert os.listdir(root / "runs") == []
    await executor.finish(1)  # idempotent


_ORPHAN = """
import sys
from pathlib import Path

import anyio

from dais.actors.builds.executor import StepRun
from dais.actors.builds.local import LocalExecutor


async def main() -> None:
    local = LocalExecutor(Path(sys.argv[1]), sandbox=sys.argv[2])
    step = StepRun(7, 1, "orphan", 1, (sys.argv[3],), None, {})

    async def output(chunk: bytes) -> None:
        sys.stdout.buffer.write(chunk)
        sys.stdout.flush()

    await local.run(step, output)


anyio.run(main)
"""


async def test_sweep_kills_what_a_dead_dais_left(
    root: Path, mode: str, repository: Repository
) -> None:
    mark = marker()
    local = LocalExecutor(root, sandbox=mode)
    await local.prepare(checkout(repository, repository.second, pipeline_id=7))
    await local.prepare(checkout(repository, repository.second, pipeline_id=8))
    command = [sys.executable, "-c", _ORPHAN, str(root), mode, f"sleep {mark} & echo started; wait"]
    async with await anyio.open_process(
        command, stdin=None, stdout=subprocess.PIPE, cwd=ROOT
    ) as dais:
        assert dais.stdout is not None
        seen = b""
        with anyio.fail_after(20):
            while b"started" not in seen:
                seen += await dais.stdout.receive()
        dais.kill()  # no cleanup of any kind
    assert (root / "runs" / "7-1-1.json").exists()
    if mode == "none":
        assert await running(mark)  # the orphan outlives dais

    removed = await LocalExecutor(root, sandbox=mode).sweep({8})

    assert await none_alive(mark)
    if mode == "none":
        assert removed == 2  # the group and workspace 7
    else:
        assert removed >= 1  # workspace 7 (the sandbox dies with dais; it may not be reaped)
    assert not workspace(root, 7).exists() and workspace(root, 8).exists()
    assert os.listdir(root / "runs") == []


async def test_sweep_spares_a_group_whose_pid_was_reused(root: Path) -> None:
    mark = marker()
    stranger = await anyio.open_process(
        ["sleep", mark], stdout=None, stderr=None, start_new_session=True
    )
    try:
        await anyio.Path(root / "runs").mkdir(parents=True)
        stat = await anyio.Path(f"/proc/{stranger.pid}/stat").read_bytes()
        start = int(stat.rsplit(b")", 1)[1].split()[19])
        record = {
            "pipeline_id": 3,
            "step_id": 1,
            "attempt": 1,
            "groups": [{"pgid": stranger.pid, "start": start + 1}],
        }
        (root / "runs" / "3-1-1.json").write_text(json.dumps(record))

        assert await LocalExecutor(root, sandbox="none").sweep(set()) == 0

        assert alive(mark)
        assert not (root / "runs" / "3-1-1.json").exists()
    finally:
        stranger.kill()
        await stranger.wait()


# --- the sandbox -------------------------------------------------------------------------


async def test_the_sandboxed_flag(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert LocalExecutor(root, sandbox="none").sandboxed is False
    with pytest.raises(ValueError, match="sandbox must be one of"):
        LocalExecutor(root, sandbox="docker")
    if bwrap_works():
        required = LocalExecutor(root, sandbox="bubblewrap")
        assert await required.check_sandbox() is True and required.sandboxed is True
        auto = LocalExecutor(root, sandbox="auto")
        assert await auto.check_sandbox() is True and auto.sandboxed is True
    monkeypatch.setenv("PATH", str(root))  # no bwrap to be found
    auto = LocalExecutor(root, sandbox="auto")
    assert await auto.check_sandbox() is False and auto.sandboxed is False
    with pytest.raises(ExecutorError, match="bubblewrap sandbox is required, but bwrap is not"):
        await LocalExecutor(root, sandbox="bubblewrap").check_sandbox()


@pytest.fixture
async def sandboxed(root: Path, repository: Repository) -> AsyncIterator[LocalExecutor]:
    need_bwrap()
    local = LocalExecutor(root, sandbox="bubblewrap", grace=GRACE)
    await local.prepare(checkout(repository, repository.second))
    yield local
    await local.finish(1)


async def test_the_sandbox_keeps_the_filesystem_outside_the_workspace_read_only_or_out_of_sight(
    sandboxed: LocalExecutor, root: Path, repository: Repository, tmp_path: Path
) -> None:
    bare, outside = repository.git_dir, tmp_path / "outside.txt"
    attempts = [
        f"echo evil > {bare}/evil",
        f"echo evil > {bare}/refs/heads/main",
        f"echo evil > {outside}",
        "touch /usr/evil",
        "touch /etc/evil",
        f"ls {root}/runs",
    ]
    commands = [f"if {attempt}; then echo WROTE; else echo refused; fi" for attempt in attempts]
    code, text = await run(
        sandboxed, [*commands, f"test ! -e {bare}/HEAD && echo no-repository", "echo ok > inside"]
    )
    assert code == 0, text
    assert "Read-only file system" in text
    assert "no-repository" in text
    assert not (bare / "evil").exists()
    assert _git("--git-dir", str(bare), "rev-parse", "main") == repository.second
    assert not outside.exists()
    assert not await anyio.Path("/usr/evil").exists()
    assert not await anyio.Path("/etc/evil").exists()
    assert (workspace(root) / "inside").read_text() == "ok\n"


@pytest.mark.parametrize("network", [False, True])
async def test_the_sandbox_has_no_network_unless_allowed(
    root: Path, repository: Repository, network: bool
) -> None:
    need_bwrap()
    if shutil.which("bash") is None:
        require_service("bash", "the probe connects through bash's /dev/tcp")
    local = LocalExecutor(root, sandbox="bubblewrap", network=network)
    await local.prepare(checkout(repository, repository.second))
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        probe = f"bash -c 'exec 3<>/dev/tcp/127.0.0.1/{port}'"
        code, text = await run(local, [f"if {probe}; then echo connected; else echo blocked; fi"])
    assert code == 0
    assert ("connected" if network else "blocked") in text.splitlines()
    await local.finish(1)
