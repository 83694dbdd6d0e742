"""The build engine against a real `dais serve` on the local executor, and its log path in
process.

1. Push accepted -> first step running (target p50 <= 300 ms). A commit is pushed with the
   real ``git`` client; its pipeline's only step prints ``date +%s%N`` as its first command,
   read back from the step's log. The figure is that time minus the moment ``git push``
   returned (one machine, one clock). Two servers run side by side, each on a database of
   its own: one with the bubblewrap sandbox (the default where ``bwrap`` is installed), one
   with ``DAIS_BUILD_SANDBOX=none``; pushes alternate between them, so both see the same
   machine. The split of the time (push -> pipeline row, -> claimed by the runner, -> step
   started, which is after the workspace's clone, -> its first command) comes from the
   API's timestamps.
2. Step output line -> client over SSE (target p95 <= 50 ms). A step prints 200 lines, each
   with its own ``date +%s%N``, 20 ms apart; a client follows ``.../log/stream`` over HTTP
   and takes arrival minus printed time for each ``line`` event.
3. 50 pipelines of 3 steps at once (``DAIS_BUILD_CONCURRENCY=50``), started as manual runs:
   all finish, and the server's RSS (``VmRSS`` sampled every 100 ms, and ``VmHWM``, which
   ``dais serve`` sets while it starts) stays under 300 MB. The peer is one such pipeline
   alone, in the same run: where each pipeline's time went, from the API's timestamps, and
   the CPU dais and its children (git, bubblewrap, the steps) used meanwhile.
4. Log throughput (target >= 50 MB/s written and masked). In process: 256 MiB of ~100-byte
   lines (one in 400 leaks one of 3 secrets, raw or base64) through ``LogStore`` and
   ``LogWriter`` with an in-memory broker, in 64 KiB chunks, with no viewer and with one;
   peers in the same run: the ``Masker`` alone, and the same chunks written to a file.
   End to end: a step printing 200 MB (masked against 3 secrets and the job token) with
   ``DAIS_BUILD_LOG_LIMIT=512MiB``, against the same bytes through ``cat > file`` in a step
   of the same pipeline (same sandbox, same machine). A missed in-process target is profiled.

About a minute on an idle 2-core machine. The figures move with other work on the machine:
the load average is printed at the start and at the end.
"""

from __future__ import annotations

import contextlib
import cProfile
import functools
import io
import itertools
import json
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import anyio
import httpx

from bench._server import Server, running
from dais.actors.builds.logstore import LogStore
from dais.actors.builds.messages import log_channel
from dais.actors.secrets.masking import Masker, variants
from dais.storage.broker import InMemoryBroker

LATENCY_TARGET_MS = 300
SSE_TARGET_MS = 50
RSS_TARGET_MB = 300
LOG_TARGET_MB_S = 50
PUSHES, PUSH_WARMUP = 20, 2
PIPELINES = 50
SSE_LINES = 200
LOG_MB = 256
STEP_BYTES = 200_000_000
_NS = re.compile(rb"^(?:t=)?([0-9]{19})$", re.M)
_LINE = (
    "2024-05-01T12:00:01.337Z INFO compiling src/module_42.py ... ok "
    "[87%] cache restored sha256:9f2c 3s"
)  # 100 bytes with its newline

# --- pipeline files, one per branch: only main runs on a push ------------------------

_LATENCY_FILE = """\
workflow:
  events: [push]
steps:
  - name: start
    commands: ["date +%s%N"]
"""
_SSE_FILE = f"""\
workflow:
  events: [manual]
steps:
  - name: lines
    commands:
      - 'for i in $(seq {SSE_LINES}); do echo "t=$(date +%s%N)"; sleep 0.02; done'
"""
_LOAD_FILE = """\
workflow:
  events: [manual]
steps:
  - name: one
    commands: [echo one, sleep 0.2]
  - name: two
    commands: [echo two, sleep 0.2]
  - name: three
    commands: [echo three, sleep 0.2]
"""
_BIG_FILE = f"""\
workflow:
  events: [manual]
steps:
  - name: to-file
    commands: ['yes "{_LINE}" | head -c {STEP_BYTES} | cat > out.log']
  - name: to-log
    secrets: [BENCH_SECRET_1, BENCH_SECRET_2, BENCH_SECRET_3]
    commands: ['yes "{_LINE}" | head -c {STEP_BYTES}']
"""
_BRANCHES = {"sse": _SSE_FILE, "load": _LOAD_FILE, "big": _BIG_FILE, "main": _LATENCY_FILE}


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def _ms(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):.0f} ms  p95 {_pct(values, 0.95):.0f} ms  "
        f"max {max(values):.0f} ms"
    )


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _until(check: Callable[[], Any], timeout: float, interval: float = 0.05, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(interval)
    raise RuntimeError(f"{what or 'condition'} not reached within {timeout:g}s")


def _ns(stamp: str) -> int:
    when = datetime.fromisoformat(stamp)
    return int(when.timestamp()) * 1_000_000_000 + when.microsecond * 1000


# --- 4a. the log path in process -------------------------------------------------------


def _log_text(secrets: list[bytes], size: int, rng: random.Random) -> bytes:
    """~100-byte build-log lines; one in 400 leaks a secret, raw or base64."""
    words = (
        "INFO DEBUG WARN Step run npm ci pip install --quiet compiling tests passed failed "
        "cache restored docker layer sha256:9f2c artifact uploaded 12:00:01.337 ok -> "
        "src/dais/actors/builds/runner.py [100%] 3.2s collected 1234 items PASSED"
    ).split()
    forms = sorted({form for secret in secrets for form in variants(secret)})
    out, total = [], 0
    while total < size:
        line = " ".join(rng.choices(words, k=rng.randint(8, 20))).encode()[:140]
        if rng.random() < 1 / 400:
            line += b" token=" + rng.choice(forms)
        out.append(line + b"\n")
        total += len(line) + 1
    return b"".join(out)[:size]


def _chunks(text: bytes, total: int, size: int = 65536) -> Iterator[bytes]:
    """``total`` bytes of ``text`` repeated, in ``size`` pieces."""
    sent = 0
    while sent < total:
        start = sent % len(text)
        piece = text[start : start + min(size, total - sent)]
        sent += len(piece)
        yield piece


async def _through_writer(
    root: Path, secrets: list[bytes], text: bytes, total: int, viewer: bool
) -> tuple[float, float]:
    """Seconds for ``total`` bytes through a LogWriter, and the share of its lines one live
    viewer (if asked for) got from the broker rather than having to read them from the file."""
    broker = InMemoryBroker()
    store = LogStore(root, broker, limit=1 << 40)
    received = 0

    async def view(ready: anyio.Event) -> None:
        nonlocal received
        async with broker.subscribe(log_channel(1), maxsize=1024) as messages:
            ready.set()
            async for message in messages:
                data = json.loads(message.data)
                received += len(data.get("lines", ()))

    async with anyio.create_task_group() as tg:
        if viewer:
            ready = anyio.Event()
            tg.start_soon(view, ready)
            await ready.wait()
        writer = await store.open(1, secrets)
        began = time.perf_counter()
        for chunk in _chunks(text, total):
            await writer.write(chunk)
        await writer.close()
        elapsed = time.perf_counter() - began
        await anyio.sleep(0.1)  # the viewer's last messages
        tg.cancel_scope.cancel()
    return elapsed, received / writer.lines


def _log_path_figures(work: Path) -> dict[str, float]:
    rng = random.Random(4)
    secrets = [
        ("ghp_" + "".join(rng.choices("ABCDEFabcdef0123456789", k=36))).encode() for _ in range(3)
    ]
    text = _log_text(secrets, 16 << 20, rng)
    total = LOG_MB << 20
    figures: dict[str, float] = {}

    masker = Masker(secrets)
    began = time.perf_counter()
    for chunk in _chunks(text, total):
        masker.feed(chunk)
    masker.flush()
    figures["masker_alone_mb_s"] = total / (time.perf_counter() - began) / 1e6

    path = work / "plain.log"
    began = time.perf_counter()
    with path.open("ab") as file:
        for chunk in _chunks(text, total):
            file.write(chunk)
            file.flush()
    figures["peer_plain_write_mb_s"] = total / (time.perf_counter() - began) / 1e6
    path.unlink()

    elapsed, _ = anyio.run(_through_writer, work / "a", secrets, text, total, False)
    figures["writer_mb_s"] = total / elapsed / 1e6
    written = (work / "a" / "001" / "1.log").read_bytes()
    assert not any(form in written for s in secrets for form in variants(s)), "a secret leaked"
    figures["masked"] = written.count(b"***")
    del written
    shutil.rmtree(work / "a")
    half = total // 4
    elapsed, seen = anyio.run(_through_writer, work / "b", secrets, text, half, True)
    figures["writer_one_viewer_mb_s"] = half / elapsed / 1e6
    figures["viewer_saw_live"] = seen
    shutil.rmtree(work / "b")

    print(f"log path in process: {LOG_MB} MiB of ~100-byte lines in 64 KiB chunks, 3 secrets")
    print(f"  Masker alone                     {figures['masker_alone_mb_s']:8.0f} MB/s")
    print(f"  peer: plain file write + flush   {figures['peer_plain_write_mb_s']:8.0f} MB/s")
    print(
        f"  LogWriter, no viewer             {figures['writer_mb_s']:8.0f} MB/s "
        f"({figures['peer_plain_write_mb_s'] / figures['writer_mb_s']:.1f}x the plain write's "
        f"time; {figures['masked']:,.0f} secrets masked)"
    )
    print(
        f"  LogWriter, one live viewer       {figures['writer_one_viewer_mb_s']:8.0f} MB/s "
        f"({half >> 20} MiB; the viewer got {seen:.0%} of the lines live)"
    )
    ok = figures["writer_mb_s"] >= LOG_TARGET_MB_S
    print(f"  target >= {LOG_TARGET_MB_S} MB/s written and masked: {_verdict(ok)}")
    if not ok or figures["writer_one_viewer_mb_s"] < LOG_TARGET_MB_S:
        _profile(work / "p", secrets, text)
    return figures


def _profile(root: Path, secrets: list[bytes], text: bytes) -> None:
    profile = cProfile.Profile()
    profile.enable()
    anyio.run(_through_writer, root, secrets, text, 32 << 20, True)
    profile.disable()
    shutil.rmtree(root, ignore_errors=True)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(12)
    print("  profile of 32 MiB with one viewer (top 12 by own time):")
    for line in out.getvalue().splitlines():
        if line.strip() and not line.strip().startswith("Ordered by"):
            print("   ", line.strip()[:150])


# --- the server side -------------------------------------------------------------------


@contextlib.contextmanager
def _sibling_database(url: str) -> Iterator[str]:
    """Another throwaway database on the same server, for a second dais alongside."""
    import asyncpg

    name = f"dais_bench_{uuid.uuid4().hex[:8]}"

    async def run(sql: str) -> None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    anyio.run(run, f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        anyio.run(run, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _server_pid(data_dir: Path) -> int:
    """The pid of our child `dais serve` using ``data_dir`` (bench._server keeps its Popen)."""
    mark = f"DAIS_DATA_DIR={data_dir}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_bytes().rsplit(b")", 1)[1].split()
            if int(stat[1]) == os.getpid() and mark in Path(
                f"/proc/{entry}/environ"
            ).read_bytes().split(b"\0"):
                return int(entry)
        except OSError:
            continue
    raise RuntimeError("the dais server process was not found")


def _cpu(pid: int) -> tuple[float, float]:
    """CPU seconds of the process itself and of its children it has reaped."""
    fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


class _Rss:
    """Samples a process's VmRSS every 100 ms in a thread until stopped; kB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.hwm = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def status(self) -> dict[str, int]:
        found = {}
        with open(f"/proc/{self.pid}/status") as file:
            for line in file:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line.split(":")[0]] = int(line.split()[1])
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(OSError):
                self.peak = max(self.peak, self.status()["VmRSS"])
            self._stop.wait(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        with contextlib.suppress(OSError):
            status = self.status()
            self.peak, self.hwm = max(self.peak, status["VmRSS"]), status["VmHWM"]


class _Project:
    """A project on the server, its clone here, and its pipelines through the API."""

    def __init__(self, server: Server, name: str, work: Path) -> None:
        self.server = server
        self.http = httpx.Client(
            base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {server.token}"}
        )
        r = self.http.post("/api/projects", json={"name": name, "initialize_with_readme": True})
        assert r.status_code == 201, r.text
        self.id = r.json()["id"]
        self.api = f"/api/projects/{self.id}"
        host = server.url.removeprefix("http://")
        self.clone = work / name
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(work),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_AUTHOR_NAME": "Bench",
            "GIT_AUTHOR_EMAIL": "bench@example.com",
            "GIT_COMMITTER_NAME": "Bench",
            "GIT_COMMITTER_EMAIL": "bench@example.com",
        }
        url = f"http://x:{server.token}@{host}/{r.json()['path']}.git"
        self.git("clone", "-q", url, str(self.clone), cwd=work)

    def __enter__(self) -> _Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def git(self, *args: str, cwd: Path | None = None) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd or self.clone,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError(f"git {args[0]} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def set_up(self) -> None:
        """A branch per pipeline file; main's (the only one a push runs) pushed last."""
        for branch, text in _BRANCHES.items():
            if branch != "main":
                self.git("checkout", "-q", "-B", branch, "origin/main")
            else:
                self.git("checkout", "-q", "main")
            (self.clone / ".platformci.yml").write_text(text)
            self.git("add", ".platformci.yml")
            self.git("commit", "-q", "-m", f"Pipeline file for {branch}")
            self.git("push", "-q", "origin", branch)

    def pipelines(self, **query: Any) -> list[dict[str, Any]]:
        r = self.http.get(f"{self.api}/pipelines", params={"per_page": 100, **query})
        assert r.status_code == 200, r.text
        found: list[dict[str, Any]] = r.json()
        return found

    def detail(self, number: int) -> dict[str, Any]:
        r = self.http.get(f"{self.api}/pipelines/{number}")
        assert r.status_code == 200, r.text
        found: dict[str, Any] = r.json()
        return found

    def settled(self, number: int, timeout: float = 60, interval: float = 0.1) -> dict[str, Any]:
        def check() -> dict[str, Any] | None:
            found = self.detail(number)
            return found if found["state"] not in ("pending", "running") else None

        settled: dict[str, Any] = _until(check, timeout, interval, f"pipeline {number} finished")
        return settled

    def run(self, ref: str) -> int:
        r = self.http.post(f"{self.api}/pipelines", json={"ref": ref})
        assert r.status_code == 201, r.text
        number: int = r.json()[0]["number"]
        return number

    def log(self, number: int, step: str) -> bytes:
        r = self.http.get(f"{self.api}/pipelines/{number}/steps/{step}/log")
        assert r.status_code == 200, r.text
        return r.content


# --- 1. push -> first step running ---------------------------------------------------------


def _push_once(project: _Project, i: int) -> dict[str, float]:
    """Push a new commit to main; milliseconds from the push's return to each stage."""
    (project.clone / "counter.txt").write_text(f"{i}\n")
    project.git("add", "counter.txt")
    project.git("commit", "-q", "-m", f"Push {i}")
    sha = project.git("rev-parse", "HEAD")
    began = time.time_ns()
    project.git("push", "-q", "origin", "main")
    pushed = time.time_ns()
    found = _until(
        functools.partial(project.pipelines, sha=sha), 30, 0.1, f"a pipeline for push {i}"
    )
    detail = project.settled(found[0]["number"])
    assert detail["state"] == "success", detail
    match = _NS.search(project.log(detail["number"], "start"))
    assert match is not None, "the step printed no time"
    return {
        "git push": (pushed - began) / 1e6,
        "pipeline row": (_ns(detail["created_at"]) - pushed) / 1e6,
        "claimed": (_ns(detail["started_at"]) - pushed) / 1e6,
        "step started": (_ns(detail["steps"][0]["started_at"]) - pushed) / 1e6,
        "first command": (int(match[1]) - pushed) / 1e6,
        "sandboxed": detail["sandboxed"],
    }


def _push_latency(projects: dict[str, _Project]) -> dict[str, dict[str, float]]:
    """Pushes to each project in turn (the order alternating), so that both servers see
    the same machine: with other work on it, figures drift over a run."""
    parts: dict[str, list[dict[str, float]]] = {label: [] for label in projects}
    for project in projects.values():
        project.git("checkout", "-q", "main")
    for i in range(PUSH_WARMUP + PUSHES):
        order = list(projects.items())
        for label, project in order if i % 2 else order[::-1]:
            measured = _push_once(project, i)
            if i >= PUSH_WARMUP:
                parts[label].append(measured)
    figures = {}
    for label, pushes in parts.items():
        latency = [push["first command"] for push in pushes]
        slowest = pushes[latency.index(max(latency))]
        ok = statistics.median(latency) <= LATENCY_TARGET_MS
        print(
            f"  push accepted -> first command running, {label} ({len(latency)} pushes; "
            f"pipelines say sandboxed={pushes[0]['sandboxed']}):"
        )
        print(f"    {_ms(latency)}  (target p50 <= {LATENCY_TARGET_MS} ms) {_verdict(ok)}")
        print(
            "    after the push returned, p50: "
            + ", ".join(
                f"{name} {statistics.median(p[name] for p in pushes):+.0f} ms"
                for name in ("pipeline row", "claimed", "step started")
            )
            + "; the git push itself took "
            f"{statistics.median(p['git push'] for p in pushes):.0f} ms"
        )
        print(
            "    the slowest: "
            + ", ".join(
                f"{name} {value:+.0f} ms" for name, value in slowest.items() if name != "sandboxed"
            )
        )
        figures[label] = {"p50_ms": statistics.median(latency), "p95_ms": _pct(latency, 0.95)}
    if len(figures) == 2:
        (a, fa), (b, fb) = figures.items()
        print(f"  {a} / {b}, p50: {fa['p50_ms'] / fb['p50_ms']:.2f}x")
    return figures


# --- 2. a line printed -> over SSE ---------------------------------------------------------


def _sse_latency(project: _Project) -> dict[str, float]:
    number = project.run("sse")
    lags: list[float] = []
    url = f"{project.api}/pipelines/{number}/steps/lines/log/stream"
    ended = False
    with project.http.stream("GET", url, timeout=httpx.Timeout(30, read=30)) as response:
        assert response.status_code == 200, response.read()
        event, data = "", ""
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data = line[5:].removeprefix(" ")
            elif line == "":
                now = time.time_ns()
                if event == "line" and data.startswith("t="):
                    lags.append((now - int(data[2:])) / 1e6)
                elif event == "end":
                    ended = True
                    break
                event, data = "", ""
    detail = project.settled(number)
    assert ended and detail["state"] == "success", detail
    assert len(lags) == SSE_LINES, f"{len(lags)} of {SSE_LINES} lines came over the stream"
    ok = _pct(lags, 0.95) <= SSE_TARGET_MS
    print(f"  step output line -> client over SSE ({len(lags)} lines, 20 ms apart):")
    print(
        f"    p50 {statistics.median(lags):.1f} ms  p95 {_pct(lags, 0.95):.1f} ms  "
        f"p99 {_pct(lags, 0.99):.1f} ms  max {max(lags):.1f} ms "
        f"(target p95 <= {SSE_TARGET_MS} ms) {_verdict(ok)}"
    )
    return {
        "p50_ms": statistics.median(lags),
        "p95_ms": _pct(lags, 0.95),
        "p99_ms": _pct(lags, 0.99),
    }


# --- 3. many pipelines at once -------------------------------------------------------------


def _concurrent(project: _Project, pid: int) -> dict[str, float]:
    solo = project.settled(project.run("load"))
    alone = _phases([solo])
    rss = _Rss(pid)
    time.sleep(0.3)
    baseline, hwm_before = rss.peak, rss.status()["VmHWM"]
    cpu_before = _cpu(pid)
    began = time.time_ns()
    posts: list[float] = []

    def trigger(_: int) -> int:
        sent = time.perf_counter()
        number = project.run("load")
        posts.append((time.perf_counter() - sent) * 1000)
        return number

    # Ten requests at a time: one after the other, each waits behind the pipelines already
    # started, and the first have finished before the last are made.
    with ThreadPoolExecutor(10) as pool:
        numbers = set(pool.map(trigger, range(PIPELINES)))
    triggered = time.time_ns()

    def finished() -> list[dict[str, Any]] | None:
        mine = [p for p in project.pipelines() if p["number"] in numbers]
        done = [p for p in mine if p["state"] not in ("pending", "running")]
        return done if len(done) == len(numbers) else None

    try:
        done = _until(finished, 180, 0.25, f"{PIPELINES} pipelines finished")
    finally:
        rss.stop()
    own, children = (after - before for after, before in zip(_cpu(pid), cpu_before, strict=True))
    wall = (max(_ns(p["finished_at"]) for p in done) - began) / 1e9
    edges = sorted(
        [(_ns(p["started_at"]), 1) for p in done] + [(_ns(p["finished_at"]), -1) for p in done]
    )
    at_once = max(itertools.accumulate(change for _, change in edges))
    durations = [p["duration_seconds"] for p in done]
    phases = _phases([project.detail(n) for n in sorted(numbers)])
    succeeded = sum(p["state"] == "success" for p in done)
    peak_mb, hwm_mb = rss.peak / 1024, rss.hwm / 1024
    ok = succeeded == PIPELINES and max(peak_mb, hwm_mb) < RSS_TARGET_MB
    print(f"  {PIPELINES} pipelines x 3 steps (echo, sleep 0.2), DAIS_BUILD_CONCURRENCY=50:")
    print(
        f"    {succeeded}/{PIPELINES} succeeded; all finished {wall:.1f} s after the first "
        f"was triggered ({PIPELINES / wall:.1f} pipelines/s; triggering took "
        f"{(triggered - began) / 1e9:.1f} s, a POST p50 {statistics.median(posts):.0f} ms, "
        f"max {max(posts):.0f} ms)"
    )
    print(
        f"    CPU meanwhile: dais {own:.1f} s, its children (git, sandboxes, steps) "
        f"{children:.1f} s, in {(time.time_ns() - began) / 1e9:.1f} s on {os.cpu_count()} cores"
    )
    print(
        f"    {at_once} running at once at most; a pipeline took p50 "
        f"{statistics.median(durations):.1f} s, max {max(durations):.1f} s (0.6 s of sleeps; "
        f"alone: {solo['duration_seconds']:.1f} s)"
    )
    for label, spent in (("p50 of the 50", phases), ("peer: one pipeline alone", alone)):
        print(
            f"    where a pipeline's time went, {label}: "
            + ", ".join(
                f"{name} {statistics.median(values):.2f} s" for name, values in spent.items()
            )
        )
    print(
        f"    dais RSS: {baseline / 1024:.0f} MB before, peak {peak_mb:.0f} MB sampled; VmHWM "
        f"{hwm_before / 1024:.0f} MB before, {hwm_mb:.0f} MB after "
        f"(target < {RSS_TARGET_MB} MB, all succeed) {_verdict(ok)}"
    )
    return {"wall_s": wall, "succeeded": succeeded, "peak_rss_mb": peak_mb, "hwm_mb": hwm_mb}


def _phases(details: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Seconds of each part of each pipeline's life, from the API's timestamps."""
    phases: dict[str, list[float]] = {
        "queued": [],
        "workspace": [],
        "running steps": [],
        "between steps": [],
        "settling": [],
    }
    for d in details:
        steps = sorted(d["steps"], key=lambda s: s["started_at"])
        first, last = _ns(steps[0]["started_at"]), _ns(steps[-1]["finished_at"])
        phases["queued"].append((_ns(d["started_at"]) - _ns(d["created_at"])) / 1e9)
        phases["workspace"].append((first - _ns(d["started_at"])) / 1e9)
        running = sum(s["duration_seconds"] for s in steps)
        phases["running steps"].append(running)
        phases["between steps"].append((last - first) / 1e9 - running)
        phases["settling"].append((_ns(d["finished_at"]) - last) / 1e9)
    return phases


# --- 4b. a step's big log end to end -------------------------------------------------------


def _big_log(project: _Project, pid: int) -> dict[str, float]:
    rng = random.Random(5)
    for n in (1, 2, 3):
        value = "".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=40))
        r = project.http.put(f"{project.api}/secrets/BENCH_SECRET_{n}", json={"value": value})
        assert r.status_code in (200, 201), r.text
    cpu_before = _cpu(pid)
    number = project.run("big")
    detail = project.settled(number, timeout=120, interval=0.25)
    own = _cpu(pid)[0] - cpu_before[0]
    assert detail["state"] == "success", detail
    steps = {s["name"]: s for s in detail["steps"]}
    to_file, to_log = steps["to-file"], steps["to-log"]
    assert not to_log["log_truncated"], to_log
    rate = to_log["log_bytes"] / to_log["duration_seconds"] / 1e6
    peer = STEP_BYTES / to_file["duration_seconds"] / 1e6
    ok = rate >= LOG_TARGET_MB_S
    print(f"  a step printing {STEP_BYTES / 1e6:.0f} MB of 100-byte lines (3 secrets + job token):")
    print(
        f"    into the log: {to_log['duration_seconds']:.2f} s, "
        f"{to_log['log_bytes'] / 1e6:.0f} MB, {to_log['log_lines']:,} lines -> {rate:.0f} MB/s "
        f"(target >= {LOG_TARGET_MB_S} MB/s) {_verdict(ok)}"
    )
    print(
        f"    peer, the same bytes through `cat > file` in a step: "
        f"{to_file['duration_seconds']:.2f} s -> {peer:.0f} MB/s; the log takes "
        f"{to_log['duration_seconds'] / to_file['duration_seconds']:.1f}x its time"
    )
    print(f"    dais's own CPU over the pipeline: {own:.1f} s")
    return {"step_log_mb_s": rate, "peer_cat_mb_s": peer}


# --- the run -------------------------------------------------------------------------------


def main(database_url: str) -> dict[str, Any]:
    """Run the benchmark (about a minute) and print its figures."""
    work = Path(tempfile.mkdtemp(prefix="dais-bench-builds-"))
    figures: dict[str, Any] = {}
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores at the start", end="")
    print(": other work is running, expect noisy figures" if load > 1 else "")
    try:
        figures["log_path"] = _log_path_figures(work)
        settings = {
            "DAIS_BUILD_CONCURRENCY": str(PIPELINES),
            "DAIS_BUILD_LOG_LIMIT": "512MiB",
            "DAIS_LOG_LEVEL": "warning",
        }
        print(
            "\ndais on the local executor: bubblewrap (the default here), and for the first "
            "figure\nalso DAIS_BUILD_SANDBOX=none (a second server, on a database of its own)"
        )
        with (
            running(database_url, **settings) as server,
            _Project(server, "bench", work) as project,
        ):
            project.set_up()
            with (
                _sibling_database(database_url) as other,
                running(other, **settings, DAIS_BUILD_SANDBOX="none") as bare,
                _Project(bare, "bench-unsandboxed", work) as unsandboxed,
            ):
                unsandboxed.set_up()
                figures["push"] = _push_latency({"bubblewrap": project, "no sandbox": unsandboxed})
            figures["sse"] = _sse_latency(project)
            pid = _server_pid(server.data_dir)
            figures["concurrent"] = _concurrent(project, pid)
            figures["big_log"] = _big_log(project, pid)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
