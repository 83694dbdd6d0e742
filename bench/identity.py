"""Identity costs: an authenticated request against /healthz, and a password login.

Targets: GET /api/user with a token (permission and token caches warm) costs at most 1.5x
an unauthenticated GET /healthz, measured in the same run on the same server; a password
login takes at least 50 ms (argon2id's cost is deliberate) and does not stall the event
loop (shown by /healthz latency while logins run).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import httpx

from bench._load import load
from bench.healthz import ROOT, _free_port, _wait

_PASSWORD = "bench admin password"


def main(database_url: str, seconds: float = 5) -> dict[str, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
            "DAIS_ADMIN_PASSWORD": _PASSWORD,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(base + "/readyz", proc)
            with httpx.Client(base_url=base) as c:
                c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
                token = c.post(
                    "/api/user/tokens",
                    json={"name": "bench", "scopes": ["*"]},
                    headers={"Origin": base},
                ).json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            load("127.0.0.1", port, "/api/user", seconds=1, headers=auth)  # warm the caches
            healthz = load("127.0.0.1", port, "/healthz", seconds=seconds)
            user = load("127.0.0.1", port, "/api/user", seconds=seconds, headers=auth)
            logins, probe_p99 = _logins(base)
        finally:
            proc.terminate()
            proc.wait(30)
    ratio = healthz.rps / user.rps
    print("16 keep-alive connections, one dais process")
    print(
        f"  GET /healthz (anonymous)      {healthz.rps:>9,.0f} req/s  p50 {healthz.p50_ms:.2f} ms"
    )
    print(
        f"  GET /api/user (Bearer token)  {user.rps:>9,.0f} req/s  p50 {user.p50_ms:.2f} ms"
        f"  errors {user.errors}"
    )
    print(f"  cost ratio /api/user to /healthz: {ratio:.2f}x (target <= 1.5x)")
    print(
        f"  password login: p50 {statistics.median(logins):.0f} ms, min {min(logins):.0f} ms "
        f"(target >= 50 ms); /healthz p99 while 4 logins run at once: {probe_p99:.1f} ms"
    )
    return {
        "healthz_rps": healthz.rps,
        "user_rps": user.rps,
        "ratio": ratio,
        "login_p50_ms": statistics.median(logins),
        "healthz_p99_during_logins_ms": probe_p99,
    }


def _logins(base: str, n: int = 12) -> tuple[list[float], float]:
    """Time sequential logins, then probe /healthz while logins run in parallel."""
    times: list[float] = []
    with httpx.Client(base_url=base) as c:
        for _ in range(n):
            t0 = time.perf_counter()
            r = c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
    stop = threading.Event()

    def login_loop() -> None:
        with httpx.Client(base_url=base) as c:
            while not stop.is_set():
                c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})

    threads = [threading.Thread(target=login_loop) for _ in range(4)]
    for t in threads:
        t.start()
    probes: list[float] = []
    try:
        with httpx.Client(base_url=base) as c:
            for _ in range(200):
                t0 = time.perf_counter()
                c.get("/healthz")
                probes.append((time.perf_counter() - t0) * 1000)
    finally:
        stop.set()
        for t in threads:
            t.join()
    probes.sort()
    return times, probes[int(len(probes) * 0.99)]
