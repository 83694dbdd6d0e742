"""Event committed -> notification seen, against a real `dais serve`: in the app over SSE,
and by email at a local SMTP server (aiosmtpd, the tests' double, in this process).

The benchmark commits ``issue.opened`` events mentioning ``@bob`` into the outbox itself
(one transaction each, as the issues actor does), one at a time, and times each from the
moment its commit returns to the moment (one clock: both ends are in this process) bob's
open event stream has read the notification, and the SMTP server has accepted the email.
That covers NOTIFY, the dispatcher (resolving bob, checking he may read the private
project, writing the rows), the broker fan-out to the stream, the sender claiming the
delivery and the SMTP conversation.

Targets: SSE p50 <= 50 ms; email p50 <= 200 ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import threading
import time
from typing import Any

import httpx

from bench._server import running, token_of
from tests.support.smtp import SmtpServer

_BOB_PASSWORD = "bench bob password"


class _Stream:
    """Reads bob's event stream in a thread; arrival times by notification URL's issue."""

    def __init__(self, url: str, token: str) -> None:
        self.arrivals: dict[str, float] = {}
        self.cond = threading.Condition()
        self.ready = threading.Event()
        self._url, self._token = url, token
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self._token}"}
        try:
            with (
                httpx.Client(timeout=httpx.Timeout(10, read=None)) as http,
                http.stream("GET", self._url, headers=headers) as response,
            ):
                event = ""
                for line in response.iter_lines():
                    if line.startswith("event:"):
                        event = line.split(":", 1)[1].strip()
                        if event == "unread":
                            self.ready.set()
                    elif line.startswith("data:") and event == "notification":
                        now = time.perf_counter()
                        key = json.loads(line.split(":", 1)[1])["url"].rsplit("/", 1)[-1]
                        with self.cond:
                            self.arrivals.setdefault(key, now)
                            self.cond.notify_all()
        except httpx.HTTPError:
            pass  # the server stopped

    def wait(self, key: str, timeout: float = 10) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: key in self.arrivals, timeout):
                raise RuntimeError(f"notification {key} did not arrive within {timeout}s")
            return self.arrivals[key]


def _email_arrival(smtp: SmtpServer, n: int) -> float:
    smtp.wait_sync(n, patience=10)
    return time.perf_counter()


async def _commit_events(
    database_url: str, project: dict[str, str], stream: _Stream, smtp: SmtpServer, n: int
) -> tuple[list[float], list[float]]:
    import asyncpg

    from dais.storage import outbox

    conn = await asyncpg.connect(database_url)
    sse, mail = [], []
    try:
        for i in range(n):
            payload = {
                "project": {"id": project["id"], "path": project["path"]},
                "sender": {"id": "1", "username": "admin"},
                "issue": {
                    "iid": i + 1,
                    "title": f"Issue {i}",
                    "body": "@bob have a look",
                    "state": "open",
                    "author": {"id": "1", "username": "admin"},
                    "assignees": [],
                },
            }
            emailed = asyncio.create_task(asyncio.to_thread(_email_arrival, smtp, i + 1))
            async with conn.transaction():
                await outbox.emit(conn, "issue.opened", payload, key=project["id"], actor="admin")
            committed = time.perf_counter()
            seen = await asyncio.to_thread(stream.wait, str(i + 1))
            sse.append((seen - committed) * 1000)
            mail.append((await emailed - committed) * 1000)
            await asyncio.sleep(0.01)
    finally:
        await conn.close()
    return sse, mail


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main(database_url: str, events: int = 200) -> dict[str, float]:
    smtp = SmtpServer()
    smtp.start()
    settings = {
        "DAIS_SMTP_HOST": smtp.host,
        "DAIS_SMTP_PORT": str(smtp.port),
        "DAIS_SMTP_SECURITY": "none",
        "DAIS_NOTIFY_EMAIL_WINDOW": "0",
    }
    try:
        with running(database_url, **settings) as server:
            auth = {"Authorization": f"Bearer {server.token}"}
            with httpx.Client(base_url=server.url, timeout=30, headers=auth) as c:
                r = c.post(
                    "/api/admin/users",
                    json={"username": "bob", "email": "bob@example.com", "password": _BOB_PASSWORD},
                )
                assert r.status_code == 201, r.text
                project: dict[str, Any] = c.post("/api/projects", json={"name": "bench"}).json()
                r = c.post(
                    f"/api/projects/{project['id']}/members",
                    json={"username": "bob", "role": "developer"},
                )
                assert r.status_code == 201, r.text
            bob = token_of(server.url, "bob", _BOB_PASSWORD)
            stream = _Stream(f"{server.url}/api/user/notifications/stream", bob)
            if not stream.ready.wait(10):
                raise RuntimeError("the event stream did not open")
            warm = 10
            sse, mail = asyncio.run(
                _commit_events(database_url, project, stream, smtp, events + warm)
            )
            sse, mail = sse[warm:], mail[warm:]
    finally:
        smtp.stop()
    figures = {
        "sse_p50_ms": statistics.median(sse),
        "sse_p99_ms": _pct(sse, 0.99),
        "email_p50_ms": statistics.median(mail),
        "email_p99_ms": _pct(mail, 0.99),
    }
    print("one dais process, bob's stream open, aiosmtpd on 127.0.0.1, events one at a time")
    print(
        f"  event committed -> in-app notification over SSE ({len(sse)}): "
        f"p50 {figures['sse_p50_ms']:.1f} ms  p99 {figures['sse_p99_ms']:.1f} ms "
        f"(target p50 <= 50 ms)"
    )
    print(
        f"  event committed -> email accepted by SMTP ({len(mail)}): "
        f"p50 {figures['email_p50_ms']:.1f} ms  p99 {figures['email_p99_ms']:.1f} ms "
        f"(target p50 <= 200 ms)"
    )
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
