"""Requests/s for GET /healthz through dais, against a bare ASGI app on the same Hypercorn.

Both servers run as subprocesses with uvloop, one at a time, loaded by the same client in
the same run. The figure that matters is the cost ratio: bare req/s over dais req/s.
Target: at most 1.3.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench._load import LoadResult, load

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} not ready")


def _measure(
    cmd: list[str], env: dict[str, str], port: int, paths: list[str], seconds: float
) -> list[LoadResult]:
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=log)
        try:
            _wait(f"http://127.0.0.1:{port}{paths[0]}", proc)
            results = []
            for path in paths:
                load("127.0.0.1", port, path, seconds=1, connections=16)  # warm-up
                results.append(load("127.0.0.1", port, path, seconds=seconds, connections=16))
            return results
        finally:
            proc.terminate()
            proc.wait(30)


def main(database_url: str, seconds: float = 5) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    bare_port = _free_port()
    (bare,) = _measure(
        [
            sys.executable,
            "-m",
            "hypercorn",
            "--worker-class",
            "uvloop",
            "--bind",
            f"127.0.0.1:{bare_port}",
            "bench.bare_app:app",
        ],
        env,
        bare_port,
        ["/healthz"],
        seconds,
    )
    dais_port = _free_port()
    with tempfile.TemporaryDirectory() as data:
        dais_env = env | {
            "DAIS_BIND": f"127.0.0.1:{dais_port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
        }
        dais, routed = _measure(
            [sys.executable, "-m", "dais.cli", "serve"],
            dais_env,
            dais_port,
            ["/healthz", "/api/version"],
            seconds,
        )
    ratio = bare.rps / dais.rps
    print("GET /healthz, 16 keep-alive connections, Hypercorn + uvloop, one process each")
    rows = (("bare ASGI /healthz", bare), ("dais /healthz", dais), ("dais /api/version", routed))
    for name, r in rows:
        print(
            f"  {name:<18} {r.rps:>9,.0f} req/s  p50 {r.p50_ms:.2f} ms  p99 {r.p99_ms:.2f} ms"
            f"  errors {r.errors}"
        )
    print(f"  cost ratio dais/bare on /healthz: {ratio:.2f}x (target <= 1.3x)")
    print(
        f"  cost ratio dais/bare on /api/version (routed through Litestar): "
        f"{bare.rps / routed.rps:.2f}x"
    )
    return {"bare_rps": bare.rps, "dais_rps": dais.rps, "ratio": ratio, "routed_rps": routed.rps}
