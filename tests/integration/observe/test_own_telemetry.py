"""dais observes itself: a real `dais serve` records its own request spans (continuing a
caller's ``traceparent``), log lines and metrics in the built-in project ``dais/dais``,
which the admin reads through the telemetry API and nobody else can see; replicas starting
together and restarts share one project; ``DAIS_SELF_TELEMETRY=false`` records nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import anyio
import pytest

from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.store import TelemetryStore
from tests.conftest import ServerProcess
from tests.integration.gitserver.conftest import Forge, running_forge, server_environment

pytestmark = pytest.mark.e2e

PATIENCE = 30.0
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"
T = TypeVar("T")


def _env(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    return server_environment(
        database_url,
        data_dir,
        DAIS_TELEMETRY_FLUSH_INTERVAL="0.2",
        DAIS_SELF_TELEMETRY_INTERVAL="0.5",
        **extra,
    )


@pytest.fixture
def forge(database_url: str, tmp_path: Path) -> Iterator[Forge]:
    yield from running_forge(_env(database_url, tmp_path / "data"), tmp_path)


@contextmanager
def _serving(env: dict[str, str], root: Path) -> Iterator[Forge]:
    yield from running_forge(env, root)


def _eventually(probe: Callable[[], T | None]) -> T:
    deadline = time.monotonic() + PATIENCE
    while (found := probe()) is None:
        assert time.monotonic() < deadline, "not stored in time"
        time.sleep(0.2)
    return found


def _own_projects(forge: Forge) -> list[dict[str, Any]]:
    r = forge.http.get("/api/projects", params={"owner": "dais"}, headers=_admin(forge))
    assert r.status_code == 200, r.text
    projects: list[dict[str, Any]] = r.json()
    return projects


def _admin(forge: Forge) -> dict[str, str]:
    return {"Authorization": f"Bearer {forge.admin}"}


def _points(data_dir: Path, project_id: int, name: str) -> list[dict[str, Any]] | None:
    """The points of metric ``name`` stored in the last hour, if any."""

    async def read() -> list[dict[str, Any]]:
        query = TelemetryQuery(TelemetryStore(data_dir))
        end = datetime.now(UTC) + timedelta(minutes=1)
        try:
            table = await query.metric_points(
                project_id, name=name, start=end - timedelta(hours=1), end=end
            )
        finally:
            query.close()
        rows: list[dict[str, Any]] = table.drop_columns(["time", "start_time"]).to_pylist()
        return rows

    return anyio.run(read) or None


def test_dais_records_its_requests_logs_and_metrics(forge: Forge) -> None:
    (project,) = _own_projects(forge)
    assert (project["path"], project["visibility"]) == ("dais/dais", "private")
    base = f"/api/projects/{project['id']}/telemetry"
    admin = _admin(forge)

    # A caller's trace continues into dais; a path no route matches is a 404.
    traceparent = f"00-{TRACE}-{PARENT}-01"
    r = forge.http.get("/api/user", headers=admin | {"traceparent": traceparent})
    assert r.status_code == 200
    request_id = r.headers["x-request-id"]
    assert forge.http.get("/api/no/such/route", headers=admin).status_code == 404

    def continued() -> list[dict[str, Any]] | None:
        r = forge.http.get(f"{base}/traces/{TRACE}", headers=admin)
        return r.json() if r.status_code == 200 else None

    (span,) = _eventually(continued)
    assert span["name"] == "GET /api/user"
    assert (span["parent_span_id"], span["kind"], span["status_code"]) == (PARENT, 2, 0)
    assert span["service_name"] == "dais"
    assert span["attributes"] == {
        "http.request.method": "GET",
        "http.route": "/api/user",
        "http.response.status_code": "200",
        "url.path": "/api/user",
        "dais.request_id": request_id,
    }
    assert span["resource_attributes"]["service.instance.id"].endswith(f"-{forge.server.proc.pid}")

    def unmatched() -> list[dict[str, Any]] | None:
        params = {"service": "dais", "name": "GET", "limit": "1000"}
        r = forge.http.get(f"{base}/traces", params=params, headers=admin)
        assert r.status_code == 200, r.text
        return r.json() or None

    assert all(t["root_name"] == "GET" for t in _eventually(unmatched))
    r = forge.http.get(f"{base}/traces", params={"service": "dais", "limit": 1000}, headers=admin)
    assert "GET /api/user" in {t["root_name"] for t in r.json()}

    # The line saying where dais records itself is itself recorded.
    def startup_line() -> list[dict[str, Any]] | None:
        params = {"service": "dais", "q": "recording dais's own telemetry"}
        r = forge.http.get(f"{base}/logs", params=params, headers=admin)
        assert r.status_code == 200, r.text
        return r.json()["records"] or None

    (line,) = _eventually(startup_line)
    assert line["body"] == f"recording dais's own telemetry in dais/dais (project {project['id']})"
    assert (line["severity_number"], line["severity_text"]) == (9, "INFO")
    assert line["attributes"]["logger.name"] == "dais.actors.observe.own"

    # What /metrics serves: HTTP counters and histograms, actor gauges, the process.
    def points(name: str) -> list[dict[str, Any]]:
        return _eventually(lambda: _points(forge.data_dir, int(project["id"]), name))

    counted = {"method": "GET", "route": "/api/user", "status": "200"}

    def request_counted() -> list[dict[str, Any]] | None:
        found = _points(forge.data_dir, int(project["id"]), "dais_http_requests") or []
        return [p for p in found if dict(p["attributes"]) == counted] or None

    (counter, *_) = _eventually(request_counted)
    assert (counter["kind"], counter["temporality"], counter["monotonic"]) == (
        "sum",
        "cumulative",
        True,
    )
    assert counter["value"] >= 1
    for p in points("dais_http_request_duration_seconds"):
        assert p["kind"] == "histogram"
        assert sum(p["bucket_counts"]) == p["count"] > 0
        assert len(p["bucket_counts"]) == len(p["explicit_bounds"]) + 1
    (depth, *_) = points("dais_actor_mailbox_depth")
    assert depth["kind"] == "gauge"
    assert points("dais_actor_messages_handled")[0]["kind"] == "sum"
    assert points("process_resident_memory_bytes")[0]["value"] > 0


def test_only_administrators_see_the_dais_project(forge: Forge) -> None:
    (project,) = _own_projects(forge)
    alice = forge.user("alice")
    for path in ("", "/telemetry/logs", "/telemetry/traces"):
        r = forge.http.get(f"/api/projects/{project['id']}{path}", headers=alice.auth)
        assert r.status_code == 404, (path, r.text)
    r = forge.http.get("/api/projects", params={"owner": "dais"}, headers=alice.auth)
    assert r.json() == []


def test_replicas_and_restarts_share_one_project(database_url: str, tmp_path: Path) -> None:
    # Two replicas starting at once on one database: each ensures the project.
    first = ServerProcess(_env(database_url, tmp_path / "a"), tmp_path / "a.log")
    second = ServerProcess(_env(database_url, tmp_path / "b"), tmp_path / "b.log")
    try:
        first.wait_ready()
        second.wait_ready()
    finally:
        assert first.stop() == 0, first.log()
        assert second.stop() == 0, second.log()
    env = _env(database_url, tmp_path / "a")
    for _ in range(2):  # and restarting finds them
        with _serving(env, tmp_path) as forge:
            projects = _own_projects(forge)
            r = forge.http.get("/api/admin/users", params={"q": "dais"}, headers=_admin(forge))
            users = r.json()
        assert [p["path"] for p in projects] == ["dais/dais"]
        assert [(u["username"], u["kind"]) for u in users] == [("dais", "service")]


def test_a_person_named_dais_keeps_the_name(database_url: str, tmp_path: Path) -> None:
    env = _env(database_url, tmp_path / "data", DAIS_SELF_TELEMETRY="false")
    with _serving(env, tmp_path) as forge:
        r = forge.http.post(
            "/api/admin/users",
            json={"username": "dais", "email": "d@example.com", "password": "a long password"},
            headers=_admin(forge),
        )
        assert r.status_code == 201, r.text
    with _serving(env | {"DAIS_SELF_TELEMETRY": "true"}, tmp_path) as forge:
        r = forge.http.get("/api/projects", params={"q": "dais"}, headers=_admin(forge))
        assert [p["path"] for p in r.json()] == ["dais-telemetry/dais"]
        assert "the username 'dais' belongs to another account" in forge.server.log()


def test_self_telemetry_can_be_turned_off(database_url: str, tmp_path: Path) -> None:
    env = _env(database_url, tmp_path / "data", DAIS_SELF_TELEMETRY="false")
    with _serving(env, tmp_path) as forge:
        for _ in range(5):
            assert forge.http.get("/api/user", headers=_admin(forge)).status_code == 200
        assert _own_projects(forge) == []
        users = forge.http.get("/api/admin/users", params={"q": "dais"}, headers=_admin(forge))
        assert users.json() == []
        time.sleep(1.5)  # past a flush of the buffers, were there any
    assert not [p for p in (forge.data_dir / "telemetry").rglob("*") if p.is_file()]
