"""Pipelines on a real `dais serve`: pushed with the stock git client, followed through the
HTTP API as a user (or the UI) follows them: the DAG, live logs over SSE and WebSocket,
artifacts, a SIGKILL of dais mid-step, hostile pipeline files and hostile steps, cancel,
and the merge request gate.

One server serves most of the module (with a 1 MiB log limit, which only the flood test
reaches); the SIGKILL test has a server and a database of its own. Each process a step
starts carries a marker (an unusual ``sleep`` duration) so a test can look for survivors
in ``/proc``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import socket
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs
import httpx
import pytest
from wsproto import ConnectionType, WSConnection
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Ping,
    RejectConnection,
    RejectData,
    Request,
    TextMessage,
)

from tests.conftest import _fresh_database
from tests.integration.gitserver.conftest import (
    Forge,
    Git,
    Project,
    User,
    running_forge,
    server_environment,
    start_server,
)

from .conftest import processes_with

pytestmark = pytest.mark.e2e

#: Long enough for a step on a loaded machine; no test waits this long when it passes.
PATIENCE = 30.0
LOG_LIMIT = 1024 * 1024
_markers = itertools.count(1)
T = TypeVar("T")


def marker() -> str:
    """A sleep duration no other process on the machine uses (its command line shows it)."""
    return str(8_000_000 + (os.getpid() % 1000) * 1000 + next(_markers))


def eventually(check: Callable[[], T | None], what: str, patience: float = PATIENCE) -> T:
    """``check()``'s first truthy answer, asked every 50 ms."""
    deadline = time.monotonic() + patience
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {patience:g}s: {what} (last: {found!r})")
        time.sleep(0.05)


def pipeline_file(**steps: dict[str, Any]) -> str:
    """A ``.platformci.yml`` of ``steps`` (JSON is YAML: no quoting to get wrong)."""
    return json.dumps({"steps": [{"name": name, **step} for name, step in steps.items()]})


def at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


# --- the forge ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def module_database(pg_server_url: str, template_database: str) -> Iterator[str]:
    yield from _fresh_database(pg_server_url, "dais_builds", template_database)


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:
    root = tmp_path_factory.mktemp("forge")
    env = server_environment(module_database, root / "data", DAIS_BUILD_LOG_LIMIT="1MiB")
    yield from running_forge(env, root)


@attrs.define
class Builds:
    """A user's project on the forge, a working copy pushing to it, and its pipelines."""

    forge: Forge
    git: Git
    user: User
    project: Project
    work: Path

    @property
    def api(self) -> str:
        return f"/api/projects/{self.project.id}"

    @property
    def http(self) -> httpx.Client:
        return self.forge.http

    def push(
        self, files: dict[str, str | bytes], *, branch: str = "main", message: str = ""
    ) -> str:
        """Commit ``files`` on ``branch`` (made from the current one if new), push it with
        git over smart HTTP; the new head."""
        if self.git.run("rev-parse", "--verify", "-q", branch, cwd=self.work, check=False).stdout:
            self.git.run("checkout", "-q", branch, cwd=self.work)
        else:
            self.git.run("checkout", "-q", "-b", branch, cwd=self.work)
        for name, content in files.items():
            path = self.work / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content)
        self.git.run("add", "-A", cwd=self.work)
        self.git.run("commit", "-q", "-m", message or f"Change {', '.join(files)}", cwd=self.work)
        self.git.run("push", "-q", "origin", f"HEAD:refs/heads/{branch}", cwd=self.work)
        return self.git.out("rev-parse", "HEAD", cwd=self.work)

    def get(self, path: str, **params: Any) -> Any:
        r = self.http.get(f"{self.api}/{path}", params=params, headers=self.user.auth)
        assert r.status_code == 200, (path, r.text)
        return r.json()

    def pipeline(self, number: int) -> dict[str, Any]:
        found: dict[str, Any] = self.get(f"pipelines/{number}")
        return found

    def pipeline_of(self, sha: str) -> dict[str, Any]:
        """The (only) pipeline of commit ``sha``, once the push has made it."""
        found: list[dict[str, Any]] = eventually(
            lambda: self.get("pipelines", sha=sha), f"a pipeline for {sha[:12]}"
        )
        assert len(found) == 1, found
        return self.pipeline(found[0]["number"])

    def settled(self, number: int, patience: float = PATIENCE) -> dict[str, Any]:
        def finished() -> dict[str, Any] | None:
            found = self.pipeline(number)
            return found if found["state"] not in ("pending", "running") else None

        return eventually(finished, f"pipeline #{number} to finish", patience)

    def log(self, number: int, step: str, **params: Any) -> httpx.Response:
        r = self.http.get(
            f"{self.api}/pipelines/{number}/steps/{step}/log", params=params, headers=self.user.auth
        )
        assert r.status_code == 200, r.text
        return r

    def wait_for_log(self, number: int, step: str, text: str) -> str:
        def has() -> str | None:
            log = self.log(number, step).text
            return log if text in log else None

        return eventually(has, f"{text!r} in the log of {step}")

    @staticmethod
    def step(pipeline: dict[str, Any], name: str) -> dict[str, Any]:
        found: dict[str, Any] = next(s for s in pipeline["steps"] if s["name"] == name)
        return found


def builds_on(forge: Forge, root: Path) -> Builds:
    git = Git(root / "home")
    user = forge.user("dev")
    project = forge.project(user)
    work = root / "work"
    git.run("init", "-q", str(work))
    git.run("remote", "add", "origin", forge.clone_url(project, user), cwd=work)
    return Builds(forge, git, user, project, work)


@pytest.fixture
def builds(forge: Forge, tmp_path: Path) -> Builds:
    return builds_on(forge, tmp_path)


def stray_processes(mark: str) -> list[int]:
    """Processes with ``mark`` in their command line, once they have had a moment to die
    (a SIGKILLed process takes a moment to go)."""
    with contextlib.suppress(AssertionError):
        eventually(lambda: not processes_with(mark), "", patience=5)
    return processes_with(mark)


def process_group(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[2])
    except OSError:
        return None


def members_of(pgids: set[int]) -> list[int]:
    """Live (not zombie) processes in the process groups ``pgids``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != b"Z" and int(fields[2]) in pgids:
                found.append(int(entry))
    return found


# --- 1. a push runs the DAG --------------------------------------------------------------

DAG = textwrap.dedent(
    """\
    variables:
      GREETING: hello
    steps:
      - name: lint
        commands:
          - sleep 0.2
          - echo lint says $GREETING
      - name: unit
        commands:
          - echo unit on $DAIS_BRANCH at $DAIS_COMMIT_SHA
      - name: package
        depends_on: [lint, unit]
        commands:
          - echo packaging after lint and unit
    """
)


def test_a_git_push_runs_the_steps_in_dag_order(builds: Builds) -> None:
    sha = builds.push({".platformci.yml": DAG, "app.py": "print('hi')\n"}, message="Add CI")
    pipeline = builds.pipeline_of(sha)
    assert (pipeline["event"], pipeline["branch"], pipeline["ref"]) == (
        "push",
        "main",
        "refs/heads/main",
    )
    assert pipeline["title"] == "Add CI"
    assert pipeline["created_by"]["username"] == builds.user.username
    done = builds.settled(pipeline["number"])
    assert done["state"] == "success", done
    assert {s["name"]: (s["state"], s["stage"], s["exit_code"]) for s in done["steps"]} == {
        "lint": ("success", 0, 0),
        "unit": ("success", 0, 0),
        "package": ("success", 1, 0),
    }
    lint, unit, package = (builds.step(done, n) for n in ("lint", "unit", "package"))
    assert package["depends_on"] == ["lint", "unit"]
    # package started only once both of its dependencies had finished
    assert at(package["started_at"]) >= max(at(lint["finished_at"]), at(unit["finished_at"]))
    assert at(done["started_at"]) <= at(lint["started_at"]) and at(done["started_at"]) <= at(
        unit["started_at"]
    )
    assert at(package["finished_at"]) <= at(done["finished_at"])
    number = done["number"]
    assert "lint says hello\n" in builds.log(number, "lint").text
    assert f"unit on main at {sha}\n" in builds.log(number, "unit").text
    assert "packaging after lint and unit\n" in builds.log(number, "package").text
    statuses = builds.get(f"repository/commits/{sha}/statuses")
    assert [(s["context"], s["state"], s["pipeline_number"]) for s in statuses] == [
        ("dais/pipeline", "success", number)
    ]


# --- 2. live logs: SSE with reconnect, and the WebSocket ----------------------------------


@attrs.frozen
class Sse:
    event: str
    id: str | None
    data: str


def sse_events(response: httpx.Response) -> Iterator[Sse]:
    """The events of a text/event-stream (lines end in CR LF, LF or CR, as the spec says)."""
    buffer = b""
    event, ident, data = "message", None, []
    for chunk in response.iter_bytes():
        buffer += chunk
        while (found := re.search(rb"\r\n|\r|\n", buffer)) is not None:
            if found.group() == b"\r" and found.end() == len(buffer):
                break  # maybe the first half of a CR LF
            line, buffer = buffer[: found.start()].decode(), buffer[found.end() :]
            if not line:
                if data:
                    yield Sse(event, ident, "\n".join(data))
                event, ident, data = "message", None, []
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                event = value
            elif field == "id":
                ident = value
            elif field == "data":
                data.append(value)


def stream_log(
    builds: Builds, number: int, step: str, *, last_id: str | None = None, stop_after: int = 0
) -> list[Sse]:
    """The SSE events of a step's log until ``end`` (or until ``stop_after`` lines came:
    then the client hangs up)."""
    headers = builds.user.auth | ({"Last-Event-ID": last_id} if last_id is not None else {})
    url = f"{builds.api}/pipelines/{number}/steps/{step}/log/stream"
    got: list[Sse] = []
    with builds.http.stream("GET", url, headers=headers, timeout=PATIENCE) as r:
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        for event in sse_events(r):
            got.append(event)
            if event.event == "end":
                break
            if stop_after and sum(e.event == "line" for e in got) >= stop_after:
                break
    return got


def numbered(events: list[Sse]) -> list[int]:
    """The N of each ``line N`` the step printed, in the order the events came."""
    return [int(m[1]) for e in events if (m := re.fullmatch(r"line (\d+)", e.data))]


def counting(delay: float) -> dict[str, Any]:
    """A step printing ``line 1`` to ``line 40``, ``delay`` seconds apart."""
    return {"commands": [f"for i in $(seq 1 40); do echo line $i; sleep {delay}; done"]}


SLOW = counting(0.08)


def test_the_live_log_over_sse_resumes_from_last_event_id(builds: Builds) -> None:
    sha = builds.push({".platformci.yml": pipeline_file(slow=SLOW)})
    number = builds.pipeline_of(sha)["number"]

    first = stream_log(builds, number, "slow", stop_after=10)
    lines = [e for e in first if e.event == "line"]
    assert len(lines) == 10
    assert all(e.event in ("line", "state") for e in first)
    last = lines[-1].id
    assert last is not None
    # Still running when the client hung up: what follows comes live, after the reconnect.
    assert builds.step(builds.pipeline(number), "slow")["state"] == "running"

    second = stream_log(builds, number, "slow", last_id=last)
    assert second[-1].event == "end"
    assert json.loads(second[-1].data) == {"state": "success", "exit_code": 0}
    lines += [e for e in second if e.event == "line"]
    ids = [int(e.id or 0) for e in lines]
    assert ids == list(range(1, len(ids) + 1))  # every line once, in order, none missed
    assert numbered(lines) == list(range(1, 41))
    assert "$ " + SLOW["commands"][0] in lines[0].data  # the command, shown before it runs

    # The whole log says the same as the stream did.
    text = builds.log(number, "slow").text
    assert text.split("\n")[: len(lines)] == [e.data for e in lines]

    # A reconnect once the step has finished replays the rest, then ends.
    replay = stream_log(builds, number, "slow", last_id="30")
    assert [e.event for e in replay][-1] == "end"
    assert [int(e.id or 0) for e in replay if e.event == "line"] == ids[30:]
    assert numbered(replay) == list(range(30, 41))  # line 1 is the command: ids are one ahead
    assert json.loads(replay[-1].data) == {"state": "success", "exit_code": 0}
    # ?after= does what the header does
    r = builds.http.get(
        f"{builds.api}/pipelines/{number}/steps/slow/log/stream",
        params={"after": len(ids) - 1},
        headers=builds.user.auth,
    )
    assert r.status_code == 200
    assert f"id: {len(ids)}" in r.text and "event: end" in r.text and "id: 2\r\n" not in r.text


@attrs.frozen
class Socket:
    status: int  # 101 when accepted
    frames: list[Any]
    body: bytes = b""


def websocket(forge: Forge, path: str, headers: dict[str, str]) -> Socket:
    """Open a WebSocket on the server (wsproto over a plain socket), read every JSON text
    frame until the server closes it."""
    host = f"127.0.0.1:{forge.server.port}"
    ws = WSConnection(ConnectionType.CLIENT)
    frames: list[Any] = []
    text = ""
    with socket.create_connection(("127.0.0.1", forge.server.port), timeout=PATIENCE) as sock:
        extra = [(k.encode(), v.encode()) for k, v in headers.items()]
        sock.sendall(ws.send(Request(host=host, target=path, extra_headers=extra)))
        status, body = 0, b""
        while True:
            data = sock.recv(65536)
            ws.receive_data(data or None)
            for event in ws.events():
                if isinstance(event, AcceptConnection):
                    status = 101
                elif isinstance(event, RejectConnection):
                    status = event.status_code
                    if not event.has_body:
                        return Socket(status, frames)
                elif isinstance(event, RejectData):
                    body += event.data
                    if event.body_finished:
                        return Socket(status, frames, body)
                elif isinstance(event, TextMessage):
                    text += event.data
                    if event.message_finished:
                        frames.append(json.loads(text))
                        text = ""
                elif isinstance(event, Ping):
                    sock.sendall(ws.send(event.response()))
                elif isinstance(event, CloseConnection):
                    with contextlib.suppress(OSError):
                        sock.sendall(ws.send(event.response()))
                    return Socket(status, frames)
            if not data:
                return Socket(status, frames, body)


def session_cookie(forge: Forge, user: User) -> str:
    with httpx.Client(base_url=forge.url, timeout=PATIENCE, headers={"Origin": forge.url}) as c:
        r = c.post(
            "/api/auth/login", json={"login": user.username, "password": "a long enough password"}
        )
        assert r.status_code == 200, r.text
        return f"dais_session={r.cookies['dais_session']}"


def test_the_live_log_over_a_websocket(builds: Builds) -> None:
    sha = builds.push({".platformci.yml": pipeline_file(slow=counting(0.02))})
    number = builds.pipeline_of(sha)["number"]
    path = f"{builds.api}/pipelines/{number}/steps/slow/log/ws"
    # A token, and the same origin as dais's pages, as the UI would send.
    headers = builds.user.auth | {"Origin": builds.forge.url}

    live = websocket(builds.forge, path, headers)
    assert live.status == 101, live
    assert live.frames[-1] == {"end": {"state": "success", "exit_code": 0}}
    lines = [f for f in live.frames if "n" in f]
    assert [f["n"] for f in lines] == list(range(1, len(lines) + 1))
    assert [int(m[1]) for f in lines if (m := re.fullmatch(r"line (\d+)", f["line"]))] == list(
        range(1, 41)
    )
    assert all(set(f) <= {"n", "line", "state", "end", "keepalive"} for f in live.frames)

    resumed = websocket(builds.forge, f"{path}?after=35", headers)
    assert resumed.status == 101
    assert [f["n"] for f in resumed.frames if "n" in f] == [f["n"] for f in lines[35:]]
    assert resumed.frames[-1] == {"end": {"state": "success", "exit_code": 0}}

    # With the session cookie, a socket opened from dais's pages is served, and one opened
    # by another site (which the browser would send the cookie with) is refused.
    cookie = session_cookie(builds.forge, builds.user)
    own = websocket(builds.forge, path, {"Cookie": cookie, "Origin": builds.forge.url})
    assert own.status == 101
    assert [f for f in own.frames if "n" in f] == lines
    assert own.frames[-1] == live.frames[-1]
    foreign = websocket(builds.forge, path, {"Cookie": cookie, "Origin": "https://evil.test"})
    assert foreign.status != 101 and foreign.frames == []
    anonymous = websocket(builds.forge, path, {"Origin": builds.forge.url})
    assert anonymous.status != 101 and anonymous.frames == []


def test_a_websocket_with_a_bearer_token_needs_no_origin(builds: Builds) -> None:
    """A token carries no ambient credential: a client that is not a browser (a CLI)
    sends no Origin, and needs none (as for every other token request)."""
    sha = builds.push({".platformci.yml": pipeline_file(quick={"commands": ["echo hi"]})})
    number = builds.settled(builds.pipeline_of(sha)["number"])["number"]
    path = f"{builds.api}/pipelines/{number}/steps/quick/log/ws"
    got = websocket(builds.forge, path, builds.user.auth)
    assert got.status == 101, got
    assert {"n": 2, "line": "hi"} in got.frames
    assert got.frames[-1] == {"end": {"state": "success", "exit_code": 0}}


# --- 3. artifacts ------------------------------------------------------------------------

BLOB = b"\x00\x01\x7f\x80\xffabc\n\r"


def test_artifacts_download_byte_exact(builds: Builds) -> None:
    sha = builds.push(
        {
            ".platformci.yml": pipeline_file(
                build={
                    "commands": [
                        "mkdir -p dist/sub",
                        r"printf '\000\001\177\200\377abc\n\r' > dist/blob.bin",
                        r"head -c 300000 /dev/zero | tr '\000' '\377' > dist/sub/ff.bin",
                        "echo not kept > notes.txt",
                    ],
                    "artifacts": {"paths": ["dist/**"]},
                }
            )
        }
    )
    done = builds.settled(builds.pipeline_of(sha)["number"])
    assert done["state"] == "success", done
    assert builds.step(done, "build")["artifacts"] == ["dist/**"]
    listed = builds.get(f"pipelines/{done['number']}/artifacts")
    big = b"\xff" * 300000
    assert [(a["step"], a["path"], a["size"], a["sha256"]) for a in listed] == [
        ("build", "dist/blob.bin", len(BLOB), hashlib.sha256(BLOB).hexdigest()),
        ("build", "dist/sub/ff.bin", len(big), hashlib.sha256(big).hexdigest()),
    ]
    for artifact, expected in zip(listed, (BLOB, big), strict=True):
        r = builds.http.get(artifact["download_url"], headers=builds.user.auth)
        assert r.status_code == 200
        assert r.content == expected
        assert r.headers["content-type"] == "application/octet-stream"
        name = artifact["path"].rsplit("/", 1)[-1]
        assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert "artifacts: 2 files kept" in builds.log(done["number"], "build").text


# --- 4. SIGKILL of dais mid-step ---------------------------------------------------------


@pytest.mark.timeout(120)
def test_a_step_interrupted_by_sigkill_is_failed_and_gone_after_restart(
    database_url: str, tmp_path: Path
) -> None:
    env = server_environment(database_url, tmp_path / "data")
    server = start_server(env, tmp_path / "first.log")
    forge = Forge(server, Path(env["DAIS_DATA_DIR"]))
    try:
        builds = builds_on(forge, tmp_path)
        mark = marker()
        sha = builds.push(
            {
                ".platformci.yml": pipeline_file(
                    sleepy={"commands": ["echo started", f"sleep {mark}"]},
                    after={"commands": ["echo never"]},
                )
            }
        )
        number = builds.pipeline_of(sha)["number"]
        builds.wait_for_log(number, "sleepy", "started")
        eventually(lambda: processes_with(mark), "the step's sleep to run")

        server.proc.kill()
        server.proc.wait(30)
        assert server.stop() == -9

        server = start_server(env, tmp_path / "second.log")
        forge.server = server
        restarted = time.monotonic()
        done = builds.settled(number)
        took = time.monotonic() - restarted
        assert took < 10, f"{took:.1f}s: recovery waited for the lease instead"
        assert done["state"] == "failed", done
        sleepy, after = builds.step(done, "sleepy"), builds.step(done, "after")
        assert sleepy["state"] == "failed" and sleepy["finished_at"] is not None
        assert "dais stopped" in sleepy["error"]
        assert after["state"] == "skipped"
        assert stray_processes(mark) == []
        status = builds.get(f"repository/commits/{sha}/status")
        assert status["state"] == "failed"
        assert "started" in builds.log(number, "sleepy").text
        # and the restarted dais runs pipelines as before
        again = builds.push({".platformci.yml": pipeline_file(ok={"commands": ["echo fine"]})})
        assert builds.settled(builds.pipeline_of(again)["number"])["state"] == "success"
    finally:
        forge.http.close()
        server.stop()


# --- 5. hostile pipeline files -----------------------------------------------------------

_LOL = "[" + ", ".join(["lol"] * 9) + "]"
BOMB = (
    "x0: &x0 "
    + _LOL
    + "\n"
    + "".join(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]\n" for i in range(1, 10))
    + "steps:\n  - name: a\n    commands: *x9\n"
)
CYCLE = textwrap.dedent(
    """\
    steps:
      - name: first
        depends_on: [third]
        commands: [true]
      - name: second
        depends_on: [first]
        commands: [true]
      - name: third
        depends_on: [second]
        commands: [true]
    """
)
UNKNOWN = textwrap.dedent(
    """\
    steps:
      - name: build
        comands: [make]
        commands: [make]
        colour: red
    """
)
HUGE = "steps:\n  - name: a\n    commands: [true]\n" + "# padding padding padding\n" * 420_000


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(BOMB, [r"more than 10,000 nodes"], id="billion-laughs"),
        pytest.param(
            HUGE,
            [rf"\b({len(HUGE)}|{len(HUGE):,}) bytes", r"at most (1 MiB|1,?048,?576)"],
            id="ten-megabytes",
        ),
        pytest.param(
            CYCLE, [r"dependency cycle: (\w+) -> (\w+) -> (\w+) -> \1", r"line \d+"], id="cycle"
        ),
        pytest.param(
            UNKNOWN,
            [
                r"(?m)^.*line 3, column 5.*unknown key 'comands'.*did you mean 'commands'",
                r"(?m)^.*line 5, column 5.*unknown key 'colour'",
            ],
            id="unknown-keys",
        ),
    ],
)
def test_a_hostile_pipeline_file_makes_an_error_pipeline(
    builds: Builds, content: str, expected: list[str]
) -> None:
    began = time.monotonic()
    sha = builds.push({".platformci.yml": content}, message="Hostile")
    pipeline = builds.pipeline_of(sha)
    assert time.monotonic() - began < 20
    assert pipeline["state"] == "error" and pipeline["steps"] == [], pipeline
    for pattern in expected:
        assert re.search(pattern, pipeline["error"]), pipeline["error"]
    assert pipeline["title"] == "Hostile"
    if content is CYCLE:
        names = re.search(r"dependency cycle: (.*)", pipeline["error"])
        assert names and set(names[1].split(" -> ")) == {"first", "second", "third"}
    status = builds.get(f"repository/commits/{sha}/status")
    assert status["state"] == "failed"
    # The server goes on serving.
    assert builds.http.get("/readyz").status_code == 200
    ok = builds.push({".platformci.yml": pipeline_file(a={"commands": ["echo fine"]})})
    assert builds.settled(builds.pipeline_of(ok)["number"])["state"] == "success"


# --- 6. hostile steps --------------------------------------------------------------------


def rss_of(pid: int) -> int:
    """The resident set of process ``pid``, in bytes."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for {pid}")


@pytest.mark.timeout(120)
def test_a_flood_of_output_is_capped_and_dais_memory_stays_bounded(builds: Builds) -> None:
    flood = "head -c 300000000 /dev/zero | tr '\\000' x | fold -w 100"
    pid = builds.forge.server.proc.pid
    peak = [rss_of(pid)]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            with contextlib.suppress(OSError, AssertionError):
                peak.append(rss_of(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        sha = builds.push(
            {".platformci.yml": pipeline_file(flood={"commands": [flood, "echo after the flood"]})}
        )
        done = builds.settled(builds.pipeline_of(sha)["number"], patience=90)
    finally:
        stop.set()
        sampler.join()
    assert done["state"] == "success", done
    step = builds.step(done, "flood")
    assert step["exit_code"] == 0 and step["log_truncated"] is True
    assert LOG_LIMIT <= step["log_bytes"] <= LOG_LIMIT + 4096, step
    r = builds.log(done["number"], "flood")
    assert LOG_LIMIT <= len(r.content) <= LOG_LIMIT + 4096
    assert len(r.content) == step["log_bytes"]
    assert "[dais] the log reached its limit of 1 MiB" in r.text
    assert "after the flood" not in r.text  # dropped, as everything beyond the limit
    assert r.text.count("x" * 100 + "\n") > 9000
    assert max(peak) < 400 * 1024 * 1024, f"dais grew to {max(peak) / 2**20:.0f} MiB"
    tail = builds.log(done["number"], "flood", tail=1).text
    assert "the log reached its limit" in tail


def test_binary_output_does_not_break_the_log(builds: Builds) -> None:
    sha = builds.push(
        {
            ".platformci.yml": pipeline_file(
                noise={
                    "commands": [
                        "head -c 4096 /dev/urandom",
                        r"printf '\377\376\000\r\033[31mred\033[0m\n'",
                        "echo after the noise",
                    ]
                }
            )
        }
    )
    done = builds.settled(builds.pipeline_of(sha)["number"])
    assert done["state"] == "success", done
    number = done["number"]
    step = builds.step(done, "noise")
    whole = builds.log(number, "noise")
    assert whole.headers["content-type"].startswith("text/plain")
    assert len(whole.content) == step["log_bytes"] and step["log_truncated"] is False
    assert b"\nafter the noise\n" in whole.content
    download = builds.log(number, "noise", download=1)
    assert download.content == whole.content
    assert download.headers["content-disposition"].startswith("attachment;")
    assert builds.log(number, "noise", tail=1).content.endswith(b"after the noise\n")
    events = stream_log(builds, number, "noise")
    assert events[-1].event == "end" and json.loads(events[-1].data)["state"] == "success"
    lines = [e for e in events if e.event == "line"]
    assert [int(e.id or 0) for e in lines] == list(range(1, step["log_lines"] + 1))
    assert lines[-1].data == "after the noise"
    assert any(e.data == "\x1b[31mred\x1b[0m" for e in lines)  # what the \r overwrote is gone


def test_a_daemon_a_step_leaves_behind_is_killed(builds: Builds) -> None:
    double_forked, background = marker(), marker()
    sha = builds.push(
        {
            ".platformci.yml": pipeline_file(
                daemon={
                    "commands": [
                        f"(sleep {double_forked} &) ; sleep {background} & echo forked; exit 0"
                    ]
                }
            )
        }
    )
    began = time.monotonic()
    done = builds.settled(builds.pipeline_of(sha)["number"])
    assert done["state"] == "success", done
    assert time.monotonic() - began < 15  # the daemons did not hold the step open
    assert "forked" in builds.log(done["number"], "daemon").text
    assert stray_processes(double_forked) == []
    assert stray_processes(background) == []


def test_artifact_paths_cannot_escape_the_workspace(builds: Builds) -> None:
    escaping = textwrap.dedent(
        """\
        steps:
          - name: build
            commands: [true]
            artifacts:
              paths: ["dist/*", "../outside"]
        """
    )
    sha = builds.push({".platformci.yml": escaping})
    refused = builds.pipeline_of(sha)
    assert refused["state"] == "error", refused
    assert re.search(r"line 5, column \d+\).*'\.\./outside'", refused["error"]), refused["error"]

    passwd = Path("/etc/passwd").read_bytes()
    sha = builds.push(
        {
            ".platformci.yml": pipeline_file(
                build={
                    "commands": [
                        "mkdir -p dist",
                        "ln -s /etc/passwd dist/link",
                        "ln -s ../../.. dist/up",
                        "echo real > dist/real.txt",
                    ],
                    "artifacts": {"paths": ["dist/*", "dist/up/**"]},
                }
            )
        }
    )
    done = builds.settled(builds.pipeline_of(sha)["number"])
    assert done["state"] == "success", done
    listed = builds.get(f"pipelines/{done['number']}/artifacts")
    assert [a["path"] for a in listed] == ["dist/real.txt"]
    log = builds.log(done["number"], "build").text
    assert "dist/link: skipped: a symbolic link to a path outside the workspace" in log
    assert "dist/up: skipped: a symbolic link to a path outside the workspace" in log
    # Nothing downloadable holds the file the link pointed at.
    last = int(listed[-1]["id"])
    for artifact in range(1, last + 5):
        r = builds.http.get(
            f"{builds.api}/pipelines/{done['number']}/artifacts/{artifact}",
            headers=builds.user.auth,
        )
        assert r.status_code in (200, 404)
        assert r.content != passwd


# --- 7. cancel ---------------------------------------------------------------------------


def test_cancel_stops_the_step_and_its_process_group(builds: Builds) -> None:
    mark = marker()
    sha = builds.push(
        {
            ".platformci.yml": pipeline_file(
                sleepy={"commands": ["echo started", f"sleep {mark}"]},
                after={"commands": ["echo never"]},
            )
        }
    )
    number = builds.pipeline_of(sha)["number"]
    builds.wait_for_log(number, "sleepy", "started")
    pids = eventually(lambda: processes_with(mark), "the step's sleep to run")
    groups = {g for pid in pids if (g := process_group(pid)) is not None}
    assert groups
    assert builds.get(f"repository/commits/{sha}/status")["state"] == "running"

    r = builds.http.post(f"{builds.api}/pipelines/{number}/cancel", headers=builds.user.auth)
    assert r.status_code == 200, r.text
    assert r.json()["cancel_requested"] is True or r.json()["state"] == "cancelled"
    done = builds.settled(number)
    assert done["state"] == "cancelled", done
    assert [(s["name"], s["state"]) for s in done["steps"]] == [
        ("sleepy", "cancelled"),
        ("after", "cancelled"),
    ]
    assert stray_processes(mark) == []
    assert members_of(groups) == []
    assert "the step was cancelled" in builds.log(number, "sleepy").text
    statuses = builds.get(f"repository/commits/{sha}/statuses")
    assert [(s["context"], s["state"]) for s in statuses] == [("dais/pipeline", "cancelled")]
    assert builds.get(f"repository/commits/{sha}/status")["state"] == "cancelled"


# --- 8. the merge request gate -----------------------------------------------------------


def open_merge_request(builds: Builds, branch: str) -> int:
    r = builds.http.post(
        f"{builds.api}/merge-requests",
        json={"title": f"Merge {branch}", "source_branch": branch, "target_branch": "main"},
        headers=builds.user.auth,
    )
    assert r.status_code == 201, r.text
    iid: int = r.json()["iid"]
    return iid


def test_pipeline_must_succeed_blocks_the_merge_request_until_a_fix_is_pushed(
    builds: Builds,
) -> None:
    check = pipeline_file(check={"commands": ["test -f ok"]})
    builds.push({".platformci.yml": check, "README": "app\n"}, message="CI")
    failing = builds.push({"feature.txt": "new\n"}, branch="feature", message="Feature")
    first = builds.settled(builds.pipeline_of(failing)["number"])
    assert first["state"] == "failed" and first["branch"] == "feature"
    assert builds.get(f"repository/commits/{failing}/status")["state"] == "failed"
    iid = open_merge_request(builds, "feature")

    def merge_request() -> dict[str, Any]:
        found: dict[str, Any] = builds.get(f"merge-requests/{iid}")
        return found

    shown = merge_request()
    assert "pipeline_not_successful" not in shown["blockers"]  # not required yet
    assert shown["pipeline"]["number"] >= first["number"]
    r = builds.http.patch(
        builds.api, json={"pipeline_must_succeed": True}, headers=builds.user.auth
    )
    assert r.status_code == 200 and r.json()["pipeline_must_succeed"] is True
    shown = merge_request()
    assert "pipeline_not_successful" in shown["blockers"] and shown["mergeable"] is False
    refused = builds.http.post(
        f"{builds.api}/merge-requests/{iid}/merge", json={}, headers=builds.user.auth
    )
    assert refused.status_code in (405, 409, 422), refused.text
    assert "pipeline_not_successful" in refused.text
    listed = builds.get(f"merge-requests/{iid}/pipelines")
    assert first["number"] in [p["number"] for p in listed]

    fixed = builds.push({"ok": "yes\n"}, branch="feature", message="Fix")
    second = builds.settled(builds.pipeline_of(fixed)["number"])
    assert second["state"] == "success", second

    def unblocked() -> dict[str, Any] | None:
        found = merge_request()
        return found if "pipeline_not_successful" not in found["blockers"] else None

    shown = eventually(unblocked, "the blocker to go")
    assert shown["source_sha"] == fixed
    assert shown["pipeline"] == {"number": second["number"], "state": "success"}
    assert shown["blockers"] == [] and shown["mergeable"] is True
    listed = builds.get(f"merge-requests/{iid}/pipelines")
    assert listed[0]["number"] == second["number"]
    merged = builds.http.post(
        f"{builds.api}/merge-requests/{iid}/merge", json={}, headers=builds.user.auth
    )
    assert merged.status_code == 200, merged.text
    assert builds.get(f"merge-requests/{iid}")["state"] == "merged"


def test_opening_a_merge_request_runs_a_pipeline_only_when_the_file_asks(
    builds: Builds,
) -> None:
    plain = pipeline_file(check={"commands": ["true"]})
    asks = json.dumps(
        {
            "workflow": {"events": ["push", "merge_request"]},
            "steps": [{"name": "check", "commands": ["true"]}],
        }
    )
    builds.push({".platformci.yml": plain}, message="CI")
    quiet = builds.push({"a.txt": "a\n"}, branch="quiet", message="Quiet")
    pushed = builds.settled(builds.pipeline_of(quiet)["number"])
    builds.git.run("checkout", "-q", "main", cwd=builds.work)
    loud = builds.push({".platformci.yml": asks}, branch="loud", message="Loud")
    builds.settled(builds.pipeline_of(loud)["number"])
    quiet_mr = open_merge_request(builds, "quiet")
    loud_mr = open_merge_request(builds, "loud")

    # The loud branch's file asks for merge request pipelines: opening its merge request
    # makes one. Events reach the subscriber in order, so by then the quiet one's opening
    # has been handled too.
    def of_event(sha: str) -> list[str]:
        return [p["event"] for p in builds.get("pipelines", sha=sha)]

    assert eventually(lambda: of_event(loud) == ["merge_request", "push"], "a pipeline for !2")
    made = builds.get("pipelines", sha=loud)[0]
    assert made["merge_request_iid"] == loud_mr
    # The quiet branch's file does not name the merge_request event: nothing more runs.
    assert of_event(quiet) == ["push"], builds.get("pipelines", sha=quiet)
    shown = builds.get(f"merge-requests/{quiet_mr}")["pipeline"]
    assert shown == {"number": pushed["number"], "state": "success"}
