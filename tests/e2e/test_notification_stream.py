"""The bell's live stream against a real `dais serve`: Server-Sent Events over HTTP/1.1, as
a browser's EventSource reads them."""

from __future__ import annotations

import json
import queue
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ServerProcess, cli_token

pytestmark = pytest.mark.e2e


def _events(url: str, headers: dict[str, str], out: queue.Queue[tuple[str, Any]]) -> None:
    """Read the stream, putting (event, data) on ``out``; stops when the server closes it."""
    try:
        _read(url, headers, out)
    except (httpx.RemoteProtocolError, httpx.ReadError):
        out.put(("cut", None))  # closed without the chunked body's end
    else:
        out.put(("closed", None))


def _read(url: str, headers: dict[str, str], out: queue.Queue[tuple[str, Any]]) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(10, read=60)) as http,
        http.stream("GET", url, headers=headers) as response,
    ):
        out.put(("status", response.status_code))
        out.put(("content-type", response.headers.get("content-type")))
        event, data = "message", []
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                data.append(line.split(":", 1)[1].strip())
            elif line == "" and data:
                out.put((event, json.loads("\n".join(data))))
                event, data = "message", []


def test_a_mention_reaches_the_open_stream(server_env: dict[str, str], tmp_path: Path) -> None:
    server = ServerProcess(server_env, tmp_path / "server.log")
    try:
        server.wait_ready()
        admin = {"Authorization": f"Bearer {cli_token(server_env, 'admin')}"}
        with httpx.Client(base_url=server.url, timeout=10) as http:
            r = http.post(
                "/api/admin/users",
                json={"username": "bob", "email": "bob@example.com", "password": "x" * 12},
                headers=admin,
            )
            assert r.status_code == 201, r.text
            bob = {"Authorization": f"Bearer {cli_token(server_env, 'bob')}"}
            assert http.get("/api/user/notifications/stream").status_code == 401

            events: queue.Queue[tuple[str, Any]] = queue.Queue()
            reader = threading.Thread(
                target=_events,
                args=(f"{server.url}/api/user/notifications/stream", bob, events),
                daemon=True,
            )
            reader.start()
            assert events.get(timeout=10) == ("status", 200)
            assert events.get(timeout=10)[1].startswith("text/event-stream")
            assert events.get(timeout=10) == ("unread", {"count": 0})

            made = http.post("/api/projects", json={"name": "web"}, headers=admin)
            assert made.status_code == 201, made.text
            added = http.post(
                "/api/projects/admin%2Fweb/members",
                json={"username": "bob", "role": "developer"},
                headers=admin,
            )
            assert added.status_code in {200, 201}, added.text
            issue = http.post(
                "/api/projects/admin%2Fweb/issues",
                json={"title": "Look", "body": "@bob what do you think?"},
                headers=admin,
            )
            assert issue.status_code == 201, issue.text
            kind, note = events.get(timeout=15)
            assert kind == "notification"
            assert note["kind"] == "mentioned" and note["actor"] == "admin"
            assert note["url"].endswith("/admin/web/-/issues/1")
            listed = http.get("/api/user/notifications", headers=bob).json()
            assert [n["id"] for n in listed] == [note["id"]]
        # Stopping the server ends the stream, at once rather than at the end of the grace
        # period: an open stream must not hold up a shutdown.
        started = time.monotonic()
        assert server.stop() == 0, server.log()
        assert events.get(timeout=10)[0] == "closed"
        assert time.monotonic() - started < 8, server.log()
    finally:
        server.stop()
