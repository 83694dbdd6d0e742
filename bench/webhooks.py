"""Event committed -> webhook received, against a real `dais serve` and a local receiver.

The benchmark commits ``issue.opened`` events into the outbox itself (one transaction each,
as the issues actor does), one at a time, and times each from the moment its commit returns
to the moment a receiver on 127.0.0.1 (in this process, so both times come from one clock)
has read the signed request. That covers the whole path: NOTIFY, the dispatcher, the
webhooks subscriber writing the delivery row, the sender claiming it and the HTTP POST.
Then the same for pushes made through the API (branch create), timed from the API's answer.

Target: p50 <= 100 ms.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from bench.healthz import ROOT, _free_port, _wait

_PASSWORD = "bench admin password"
_SECRET = "bench secret"


class _Receiver:
    """Arrival times by a key taken from each body."""

    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                now = time.perf_counter()
                data = json.loads(body)
                key = str(data["issue"]["iid"]) if "issue" in data else data.get("ref", "?")
                with receiver.cond:
                    receiver.arrivals.setdefault(key, now)
                    receiver.cond.notify_all()
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, key: str, timeout: float = 10) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: key in self.arrivals, timeout):
                raise RuntimeError(f"delivery {key} did not arrive within {timeout}s")
            return self.arrivals[key]


async def _commit_events(
    database_url: str, project: dict[str, str], receiver: _Receiver, n: int
) -> list[float]:
    import asyncpg

    from dais.storage import outbox

    conn = await asyncpg.connect(database_url)
    latencies = []
    try:
        for i in range(n):
            payload = {
                "project": {"id": project["id"], "path": project["path"]},
                "sender": {"id": "1", "username": "admin"},
                "issue": {"iid": i, "title": f"Issue {i}", "state": "open"},
            }
            async with conn.transaction():
                await outbox.emit(conn, "issue.opened", payload, key=project["id"], actor="admin")
            committed = time.perf_counter()
            arrived = await asyncio.to_thread(receiver.wait, str(i))
            latencies.append((arrived - committed) * 1000)
            await asyncio.sleep(0.01)
    finally:
        await conn.close()
    return latencies


def _pushes(c: httpx.Client, project_id: str, receiver: _Receiver, n: int) -> list[float]:
    latencies = []
    for i in range(n):
        r = c.post(
            f"/api/projects/{project_id}/repository/branches",
            json={"name": f"b{i}", "ref": "main"},
        )
        answered = time.perf_counter()
        assert r.status_code == 201, r.text
        latencies.append((receiver.wait(f"refs/heads/b{i}") - answered) * 1000)
        time.sleep(0.01)
    return latencies


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main(database_url: str, events: int = 200, pushes: int = 50) -> dict[str, float]:
    receiver = _Receiver()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
            "DAIS_ADMIN_PASSWORD": _PASSWORD,
            "DAIS_WEBHOOK_ALLOWED_HOSTS": "loopback",
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(base + "/readyz", proc)
            with httpx.Client(base_url=base, timeout=30) as c:
                c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
                token = c.post(
                    "/api/user/tokens",
                    json={"name": "bench", "scopes": ["*"]},
                    headers={"Origin": base},
                ).json()["token"]
            with httpx.Client(
                base_url=base, timeout=30, headers={"Authorization": f"Bearer {token}"}
            ) as c:
                project = c.post(
                    "/api/projects", json={"name": "bench", "initialize_with_readme": True}
                ).json()
                r = c.post(
                    f"/api/projects/{project['id']}/webhooks",
                    json={
                        "url": f"http://127.0.0.1:{receiver.port}/hook",
                        "events": ["issue", "push"],
                        "secret": _SECRET,
                    },
                )
                assert r.status_code == 201, r.text
                warm = 10
                committed = asyncio.run(
                    _commit_events(database_url, project, receiver, events + warm)
                )[warm:]
                pushed = _pushes(c, project["id"], receiver, pushes)
        finally:
            proc.terminate()
            proc.wait(30)
            receiver.server.shutdown()
    figures = {
        "event_p50_ms": statistics.median(committed),
        "event_p99_ms": _pct(committed, 0.99),
        "push_p50_ms": statistics.median(pushed),
        "push_p99_ms": _pct(pushed, 0.99),
    }
    print("one dais process, one hook, a receiver on 127.0.0.1, events one at a time")
    print(
        f"  event committed -> webhook received ({len(committed)} issue.opened): "
        f"p50 {figures['event_p50_ms']:.1f} ms  p99 {figures['event_p99_ms']:.1f} ms  "
        f"max {max(committed):.1f} ms (target p50 <= 100 ms)"
    )
    print(
        f"  API branch create answered -> push received ({len(pushed)}): "
        f"p50 {figures['push_p50_ms']:.1f} ms  p99 {figures['push_p99_ms']:.1f} ms"
    )
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
