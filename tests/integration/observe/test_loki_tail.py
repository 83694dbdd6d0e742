"""Loki's live tail of a real `dais serve`, over a WebSocket (wsproto on a plain socket, as
Loki's clients speak it), fed with OTLP/JSON exports: the stored lines since ``start``
first, then exactly the matching records as they arrive, with the labels and times the
query API gives the same records; and every bad request refused before the upgrade."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

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

from tests.integration.gitserver.conftest import (  # noqa: F401 (a fixture)
    Forge,
    Project,
    User,
    module_database,
    running_forge,
    server_environment,
)

pytestmark = pytest.mark.e2e

PATIENCE = 30.0
SECOND = 10**9
# Microseconds: the live tail carries a record's time to the microsecond.
NOW = time.time_ns() // 1000 * 1000


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:  # noqa: F811
    root = tmp_path_factory.mktemp("tail")
    env = server_environment(module_database, root / "data", DAIS_TELEMETRY_FLUSH_INTERVAL="0.2")
    yield from running_forge(env, root)


def _ingest_token(forge: Forge, user: User, project: str) -> str:
    r = forge.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
        headers=user.auth,
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


def _export(forge: Forge, token: str, service: str, records: list[tuple[int, int, str]]) -> None:
    """One OTLP/JSON export of (nanoseconds, severity number, body) records."""
    logs = [
        {
            "timeUnixNano": str(t),
            "severityNumber": severity,
            "body": {"stringValue": body},
            "attributes": [{"key": "http.route", "value": {"stringValue": "/cart"}}],
        }
        for t, severity, body in records
    ]
    resource = {
        "attributes": [
            {"key": "service.name", "value": {"stringValue": service}},
            {"key": "k8s.namespace.name", "value": {"stringValue": "shop"}},
        ]
    }
    body = {"resourceLogs": [{"resource": resource, "scopeLogs": [{"logRecords": logs}]}]}
    r = forge.http.post(
        "/v1/logs", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=PATIENCE
    )
    assert r.status_code == 200, r.text


class Tail:
    """A WebSocket client: the handshake's answer, then text frames on demand."""

    def __init__(self, forge: Forge, path: str, headers: dict[str, str]) -> None:
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.sock = socket.create_connection(("127.0.0.1", forge.server.port), timeout=PATIENCE)
        self.status = 0
        self.body = b""
        self.closed: tuple[int, str] | None = None
        self._text = ""
        self._frames: list[Any] = []
        extra = [(k.encode(), v.encode()) for k, v in headers.items()]
        host = f"127.0.0.1:{forge.server.port}"
        self.sock.sendall(self.ws.send(Request(host=host, target=path, extra_headers=extra)))
        while not self.status or (self.status != 101 and not self.closed):
            self._read()

    def _read(self) -> None:
        data = self.sock.recv(65536)
        self.ws.receive_data(data or None)
        for event in self.ws.events():
            if isinstance(event, AcceptConnection):
                self.status = 101
            elif isinstance(event, RejectConnection):
                self.status = event.status_code
                if not event.has_body:
                    self.closed = (event.status_code, "")
            elif isinstance(event, RejectData):
                self.body += event.data
                if event.body_finished:
                    self.closed = (self.status, "")
            elif isinstance(event, TextMessage):
                self._text += event.data
                if event.message_finished:
                    self._frames.append(json.loads(self._text))
                    self._text = ""
            elif isinstance(event, Ping):
                self.sock.sendall(self.ws.send(event.response()))
            elif isinstance(event, CloseConnection):
                self.closed = (event.code, event.reason)
        if not data and self.closed is None:
            self.closed = (0, "the connection ended")

    def frame(self) -> Any:
        """The next frame (keep-alives, ``{"streams": []}``, skipped)."""
        while True:
            while not self._frames:
                assert self.closed is None, self.closed
                self._read()
            got = self._frames.pop(0)
            if got != {"streams": []}:
                return got

    def close(self) -> None:
        if self.status == 101 and self.closed is None:
            with contextlib.suppress(OSError):
                self.sock.sendall(self.ws.send(CloseConnection(code=1000)))
        self.sock.close()


@pytest.fixture
def tail(forge: Forge) -> Iterator[Any]:
    opened: list[Tail] = []

    def open_tail(project: Project, headers: dict[str, str], **params: str) -> Tail:
        query = urlencode(params)
        got = Tail(forge, f"/api/projects/{project.id}/loki/api/v1/tail?{query}", headers)
        opened.append(got)
        return got

    yield open_tail
    for t in opened:
        t.close()


def _entries(frames: list[Any]) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [
        (t, line, tuple(sorted(s["stream"].items())))
        for f in frames
        for s in f["streams"]
        for t, line in s["values"]
    ]


def _stored(forge: Forge, user: User, project: Project, query: str, count: int) -> list[Any]:
    """The query's entries from the query API, once it holds ``count`` of them."""
    deadline = time.monotonic() + PATIENCE
    while True:
        r = forge.http.get(
            f"/api/projects/{project.id}/loki/api/v1/query_range",
            params={"query": query, "start": str(NOW - 60 * SECOND), "direction": "forward"},
            headers=user.auth,
        )
        assert r.status_code == 200, r.text
        found = _entries([{"streams": r.json()["data"]["result"]}])
        if len(found) >= count or time.monotonic() > deadline:
            return sorted(found)
        time.sleep(0.2)


QUERY = '{service_name="checkout"} |= "timeout" != "retried"'


def test_the_tail_sends_the_stored_lines_then_exactly_the_matching_ones(
    forge: Forge, tail: Any
) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    other = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    _export(
        forge,
        token,
        "checkout",
        [(NOW - 20 * SECOND, 17, "before: timeout"), (NOW - 19 * SECOND, 9, "before: fine")],
    )
    assert len(_stored(forge, alice, project, QUERY, 1)) == 1

    live = tail(project, alice.auth, query=QUERY, start=str(NOW - 60 * SECOND), limit="10")
    assert live.status == 101, (live.status, live.body)
    (history,) = _entries([live.frame()])
    assert history[:2] == (str(NOW - 20 * SECOND), "before: timeout")

    # Exports that match nothing, then one mixing both, then a last matching line: frames
    # come in the order of the exports, so the last one says everything has arrived.
    _export(forge, _ingest_token(forge, alice, other.id), "checkout", [(NOW, 17, "timeout")])
    _export(forge, token, "search", [(NOW + 1000, 17, "search timeout")])
    _export(
        forge,
        token,
        "checkout",
        [
            (NOW + 2 * SECOND, 17, "live timeout 1"),
            (NOW + 3 * SECOND, 9, "live timeout, retried"),
            (NOW + 4 * SECOND, 9, "all good"),
            (NOW + 5 * SECOND + 7000, 13, "live timeout 2"),
        ],
    )
    _export(forge, token, "checkout", [(NOW + 6 * SECOND, 21, "last timeout")])
    frames = [live.frame()]
    while _entries(frames)[-1][1] != "last timeout":
        frames.append(live.frame())
    lines = [(t, line) for t, line, _labels in _entries(frames)]
    assert lines == [
        (str(NOW + 2 * SECOND), "live timeout 1"),
        (str(NOW + 5 * SECOND + 7000), "live timeout 2"),
        (str(NOW + 6 * SECOND), "last timeout"),
    ]
    # The same query over the stored records answers the same lines with the same labels.
    assert sorted([history, *_entries(frames)]) == _stored(forge, alice, project, QUERY, 4)
    labels = dict(_entries(frames)[1][2])
    assert labels["detected_level"] == "warn" and labels["k8s_namespace_name"] == "shop"
    assert labels["service_name"] == "checkout" and labels["http_route"] == "/cart"


def test_bad_requests_are_refused_before_the_upgrade(forge: Forge, tail: Any) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    cases = {
        '{service_name="checkout"': "at position 24",
        'count_over_time({service_name="x"}[1m])': "not a metric query",
        '{service_name="x"} | json': "does not support | json",
        '{service_name="x"} | status >= 500': "compares labels as strings only",
        '{service_name="x"} |~ "(?=a)"': "cannot evaluate this kind of group",
        '{service_name="x"} |~ "a{1001}"': "not a valid RE2 regular expression",
        '{service_name="' + "x" * 5000 + '"}': "at most 4096 characters",
    }
    for query, words in cases.items():
        refused = tail(project, alice.auth, query=query)
        assert refused.status == 400, (query[:40], refused.status)
        assert words in refused.body.decode(), (query[:40], refused.body)
    for params, words in [
        ({}, b"query: a log query"),
        ({"query": '{a="b"}', "limit": "0"}, b"limit: from 1 to 5000"),
        ({"query": '{a="b"}', "delay_for": "6"}, b"delay_for"),
        ({"query": '{a="b"}', "start": "yesterday"}, b"start"),
    ]:
        refused = tail(project, alice.auth, **params)
        assert refused.status == 400 and words in refused.body, (params, refused.body)


def test_only_readers_may_tail_a_project(forge: Forge, tail: Any) -> None:
    alice = forge.user("alice")
    project = forge.project(alice)
    query = {"query": '{service_name="checkout"}'}
    anonymous = tail(project, {}, **query)
    assert anonymous.status == 401 and b"sign in" in anonymous.body
    stranger = tail(project, forge.user("mallory").auth, **query)
    assert stranger.status == 404
    reader = forge.user("reader", scopes=("project:read",))
    forge.add_member(project, alice, reader, "developer")
    member = tail(project, reader.auth, **query)
    assert member.status == 403 and b"observe:read" in member.body
    # alice reads her own project, not the one she is a stranger to
    bob = forge.user("bob")
    assert tail(forge.project(bob), alice.auth, **query).status == 404
    assert tail(project, alice.auth, **query).status == 101
