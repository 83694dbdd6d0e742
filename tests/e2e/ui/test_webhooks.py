"""Webhooks in the browser: add one pointing at a real receiver on 127.0.0.1, send a ping, see
the delivery in its log, and redeliver it."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import Dais, sign_in

SECRET = "browser-test-secret"
REPLY = b"thanks from the receiver"


@pytest.fixture(scope="module")
def dais_env() -> dict[str, str]:
    # dais refuses to deliver to loopback addresses unless told to (SSRF protection).
    return {"DAIS_WEBHOOK_ALLOWED_HOSTS": "loopback", "DAIS_WEBHOOK_RETRY_DELAY": "0.2"}


class Receiver:
    """A real HTTP endpoint on 127.0.0.1 that records every POST and answers 200."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver._lock:
                    receiver.requests.append(
                        ({k.lower(): v for k, v in self.headers.items()}, body)
                    )
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(REPLY)))
                self.end_headers()
                self.wfile.write(REPLY)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/dais"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def wait_for(self, count: int, patience: float = 20.0) -> list[tuple[dict[str, str], bytes]]:
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} deliveries, got {len(self.requests)}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    try:
        yield r
    finally:
        r.close()


def _signed(headers: dict[str, str], body: bytes) -> bool:
    stamp = headers.get("x-dais-timestamp", "")
    mac = hmac.new(SECRET.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={mac}", headers.get("x-dais-signature-256", ""))


def test_add_a_webhook_ping_it_and_redeliver(dais: Dais, receiver: Receiver, page: Any) -> None:
    me = dais.person("hook")
    project = dais.project(me)
    sign_in(page, dais.url, me.username, me.password)

    page.goto(f"{dais.url}/{project['path']}/-/settings/webhooks")
    expect(page.get_by_text("No webhooks.")).to_be_visible()
    page.get_by_label("URL").fill(receiver.url)
    page.get_by_label("Secret").fill(SECRET)
    page.get_by_role("button", name="Add webhook").click()
    expect(page.get_by_role("heading", name="Webhook", exact=True)).to_be_visible()
    expect(page.get_by_label("URL")).to_have_value(receiver.url)
    expect(page.get_by_text("Nothing delivered yet.")).to_be_visible()

    page.get_by_role("button", name="Send a ping").click()
    [(headers, body)] = receiver.wait_for(1)
    assert headers["x-dais-event"] == "ping"
    assert _signed(headers, body)
    assert json.loads(body)["project"]["path"] == project["path"]
    # The log follows the delivery until it is done: no reload needed.
    log = page.get_by_test_id("deliveries")
    first = log.locator("details").first
    expect(first).to_contain_text("delivered")
    expect(first).to_contain_text("ping")
    expect(first).to_contain_text("200")

    # Opened, a delivery shows what was sent and what came back.
    first.locator("summary").click()
    expect(first).to_contain_text(receiver.url)
    expect(first).to_contain_text(REPLY.decode())
    first.get_by_role("button", name="Redeliver").click()
    [_, (again_headers, again_body)] = receiver.wait_for(2)
    assert again_headers["x-dais-event"] == "ping"
    assert again_body == body
    assert again_headers["x-dais-delivery"] != headers["x-dais-delivery"]
    assert _signed(again_headers, again_body)

    rows = log.locator("details")
    expect(rows).to_have_count(2)
    newest = rows.first
    expect(newest).to_contain_text("redelivery of #")
    expect(newest).to_contain_text("delivered")
    expect(newest).to_contain_text("200")
