"""A real HTTP receiver on 127.0.0.1 that checks both signatures, and settings for webhooks.

The receiver is a stdlib ``ThreadingHTTPServer`` in a thread of its own, so it serves the
in-process app (``services``/``client``) and a real ``dais serve`` alike. Its answers are
scripted: a queue of (status, headers, body), then 200 for ever; ``hold`` keeps it from
answering until released.
"""

from __future__ import annotations

import collections
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import anyio
import attrs
import httpx
import pytest

from dais.actors.events.messages import Wake
from tests.conftest import MakeUser

SECRET = "s3cret-for-tests"
#: How long a test waits for something that should take well under a second.
PATIENCE = 20.0


@attrs.frozen
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    at: float  # time.perf_counter() on arrival
    dais_signature_ok: bool
    hub_signature_ok: bool

    @property
    def event(self) -> str:
        return self.headers["x-dais-event"]

    @property
    def delivery(self) -> str:
        return self.headers["x-dais-delivery"]

    def json(self) -> Any:
        return json.loads(self.body)


def _sign(secret: str, message: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class Receiver:
    """Records every POST; answers from ``script`` (then 200); verifies the signatures."""

    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self.requests: list[Received] = []
        self.script: collections.deque[tuple[int, dict[str, str], bytes]] = collections.deque()
        self.hold: threading.Event | None = None
        self.held = threading.Event()  # set once a request is being held
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                try:
                    receiver._handle(self)
                except (BrokenPipeError, ConnectionResetError, TimeoutError):
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that went away mid-answer is part of some tests

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, *responses: tuple[int, dict[str, str], bytes]) -> None:
        self.script.extend(responses)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length", "0"))
        body = h.rfile.read(length)
        headers = {k.lower(): v for k, v in h.headers.items()}
        stamp = headers.get("x-dais-timestamp", "")
        received = Received(
            path=h.path,
            headers=headers,
            body=body,
            at=time.perf_counter(),
            dais_signature_ok=hmac.compare_digest(
                _sign(self.secret, f"{stamp}.".encode() + body),
                headers.get("x-dais-signature-256", ""),
            )
            and abs(time.time() - int(stamp or 0)) < 300,
            hub_signature_ok=hmac.compare_digest(
                _sign(self.secret, body), headers.get("x-hub-signature-256", "")
            ),
        )
        with self._lock:
            self.requests.append(received)
            status, extra, reply = self.script.popleft() if self.script else (200, {}, b"ok")
        hold = self.hold
        if hold is not None:
            self.held.set()
            hold.wait(60)
        h.send_response(status)
        for name, value in extra.items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(reply)))
        h.end_headers()
        h.wfile.write(reply)

    def of(self, event: str) -> list[Received]:
        with self._lock:
            return [r for r in self.requests if r.event == event]

    async def wait_for(
        self, count: int, event: str | None = None, patience: float = PATIENCE
    ) -> list[Received]:
        """The first ``count`` requests (of ``event``), once they have come."""
        with anyio.fail_after(patience):
            while True:
                with self._lock:
                    got = [r for r in self.requests if event is None or r.event == event]
                if len(got) >= count:
                    return got
                await anyio.sleep(0.02)

    def wait_sync(
        self, count: int, event: str | None = None, patience: float = PATIENCE
    ) -> list[Received]:
        """:meth:`wait_for`, for tests that drive a real server without an event loop."""
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            with self._lock:
                got = [r for r in self.requests if event is None or r.event == event]
            if len(got) >= count:
                return got
            time.sleep(0.02)
        raise AssertionError(f"expected {count} requests, got {len(self.requests)}")

    def close(self) -> None:
        if self.hold is not None:
            self.hold.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    try:
        yield r
    finally:
        r.close()


#: What DAIS_WEBHOOK_ALLOWED_HOSTS holds in a test; override with @pytest.mark.parametrize.
@pytest.fixture
def allowed_hosts() -> str:
    return "loopback"


WEBHOOK_ENV = {
    "DAIS_WEBHOOK_RETRY_DELAY": "0.05",
    "DAIS_WEBHOOK_MAX_RETRY_DELAY": "0.5",
    "DAIS_WEBHOOK_MAX_ATTEMPTS": "4",
    "DAIS_WEBHOOK_CONNECT_TIMEOUT": "2",
    "DAIS_WEBHOOK_TIMEOUT": "3",
    "DAIS_WEBHOOK_MAX_RESPONSE_SIZE": "1KiB",
    "DAIS_WEBHOOK_DISABLE_AFTER": "3",
}


@pytest.fixture
def settings(database_url: str, tmp_path: Path, allowed_hosts: str) -> Any:
    from dais.config import load_settings

    return load_settings(
        {
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": str(tmp_path),
            "DAIS_WEBHOOK_ALLOWED_HOSTS": allowed_hosts,
            **WEBHOOK_ENV,
        }
    )


def kick(services: Any) -> None:
    """The in-process dispatcher polls; tell it that events are waiting."""
    services.system.ref("events").tell(Wake())


async def eventually(check: Callable[[], Any], patience: float = PATIENCE) -> Any:
    """Call async ``check`` until it returns something truthy."""
    with anyio.fail_after(patience):
        while True:
            value = await check()
            if value:
                return value
            await anyio.sleep(0.05)


@attrs.frozen
class Setup:
    project_id: str
    path: str
    auth: dict[str, str]
    user_id: str
    username: str

    def hooks(self, suffix: str = "") -> str:
        return f"/api/projects/{self.project_id}/webhooks{suffix}"


@pytest.fixture
async def owner(client: httpx.AsyncClient, make_user: MakeUser) -> Setup:
    """A user and a project of theirs with a README (so branches can be made)."""
    user, auth = await make_user("alice")
    r = await client.post(
        "/api/projects", json={"name": "web", "initialize_with_readme": True}, headers=auth
    )
    assert r.status_code == 201, r.text
    return Setup(r.json()["id"], r.json()["path"], auth, str(user.id), user.username)


async def add_hook(
    client: httpx.AsyncClient,
    setup: Setup,
    url: str,
    events: list[str],
    *,
    secret: str = SECRET,
    active: bool = True,
) -> dict[str, Any]:
    r = await client.post(
        setup.hooks(),
        json={"url": url, "events": events, "secret": secret, "active": active},
        headers=setup.auth,
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


async def deliveries(client: httpx.AsyncClient, setup: Setup, hook_id: str) -> list[dict[str, Any]]:
    r = await client.get(setup.hooks(f"/{hook_id}/deliveries"), headers=setup.auth)
    assert r.status_code == 200, r.text
    found: list[dict[str, Any]] = r.json()
    return found


async def settled(
    client: httpx.AsyncClient, setup: Setup, hook_id: str, count: int = 1
) -> list[dict[str, Any]]:
    """The hook's deliveries once ``count`` exist and none is pending, newest first."""

    async def check() -> list[dict[str, Any]] | None:
        found = await deliveries(client, setup, hook_id)
        if len(found) >= count and all(d["outcome"] != "pending" for d in found):
            return found
        return None

    result: list[dict[str, Any]] = await eventually(check)
    return result
