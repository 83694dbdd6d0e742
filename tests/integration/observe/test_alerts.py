"""Alert rules over real metrics: counters made by the OpenTelemetry SDK and sent to
``/v1/metrics`` of the in-process app, rules written through the API, and the evaluator
driven pass by pass with an explicit time (``EvaluateNow``), so that pending, firing and
resolved follow from the data and the clock the test gives, never from waiting.

Also: the outbox events (once per transition), the notification (in the app and by email,
through the SMTP double), one evaluator leading among two and the other taking over when
the leader's lock connection is killed, a broken rule in error while the others go on, and
hostile input on every route.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
import asyncpg
import httpx
import pytest
from opentelemetry.exporter.otlp.proto.common._internal.metrics_encoder import encode_metrics
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.resources import Resource

from dais.actors.observe import alert_messages as am
from dais.actors.observe.alerts import LOCK_KEY, AlertEvaluator
from dais.errors import Conflict
from dais.runtime import ChildSpec
from tests.conftest import MakeUser
from tests.integration.webhooks.conftest import eventually, kick
from tests.support.smtp import SmtpServer

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
RULE = "sum(rate(requests_total[1m])) > 1"


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpServer]:
    async with SmtpServer() as server:
        yield server


@pytest.fixture
def settings(database_url: str, tmp_path: Path, smtp: SmtpServer) -> Any:
    from dais.config import load_settings

    return load_settings(
        {
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": str(tmp_path),
            "DAIS_PUBLIC_URL": "https://dais.example.com",
            # No pass on its own during a test: each one is asked for, with its time.
            "DAIS_ALERT_INTERVAL": "3600",
            "DAIS_SMTP_HOST": smtp.host,
            "DAIS_SMTP_PORT": str(smtp.port),
            "DAIS_SMTP_SECURITY": "none",
            "DAIS_SMTP_FROM": "dais <dais@example.com>",
            "DAIS_NOTIFY_EMAIL_WINDOW": "0",
        }
    )


class Project:
    """alice's project ``alice/web``, an ingest token for it, and a way to send counters."""

    def __init__(self, client: httpx.AsyncClient, services: Any, auth: dict[str, str]) -> None:
        self.client = client
        self.services = services
        self.auth = auth
        self.id = ""
        self.token = ""
        self.reader = InMemoryMetricReader()
        self.provider = MeterProvider(
            metric_readers=[self.reader], resource=Resource.create({"service.name": "shop"})
        )
        self.requests = self.provider.get_meter("shop").create_counter("requests_total")

    @property
    def rules(self) -> str:
        return f"/api/projects/{self.id}/alert-rules"

    async def send(self) -> datetime:
        """Export what the SDK has collected; the time of its newest point."""
        request = encode_metrics(self.reader.get_metrics_data())
        newest = max(
            point.time_unix_nano
            for rm in request.resource_metrics
            for sm in rm.scope_metrics
            for metric in sm.metrics
            for point in metric.sum.data_points
        )
        r = await self.client.post(
            "/v1/metrics",
            content=request.SerializeToString(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/x-protobuf",
            },
        )
        assert r.status_code == 200, r.text
        await self.services.telemetry.flush()
        return EPOCH + timedelta(microseconds=newest // 1000)

    async def rule(self, **body: Any) -> dict[str, Any]:
        r = await self.client.post(self.rules, json=body, headers=self.auth)
        assert r.status_code == 201, r.text
        found: dict[str, Any] = r.json()
        return found

    async def get(self, path: str) -> Any:
        r = await self.client.get(path, headers=self.auth)
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture
async def project(client: httpx.AsyncClient, services: Any, make_user: MakeUser) -> Project:
    _alice, auth = await make_user("alice")
    setup = Project(client, services, auth)
    r = await client.post("/api/projects", json={"name": "web"}, headers=auth)
    assert r.status_code == 201, r.text
    setup.id = r.json()["id"]
    r = await client.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": setup.id},
        headers=auth,
    )
    assert r.status_code == 201, r.text
    setup.token = r.json()["token"]
    return setup


async def leading(services: Any, name: str = am.EVALUATOR) -> am.EvaluatorStatus:
    """The evaluator's status once it leads."""

    async def check() -> am.EvaluatorStatus | None:
        status: am.EvaluatorStatus = await services.system.ref(name).ask(
            am.GetEvaluatorStatus(), timeout=10
        )
        return status if status.leading else None

    found: am.EvaluatorStatus = await eventually(check)
    return found


async def evaluate(services: Any, at: datetime, name: str = am.EVALUATOR) -> am.PassReport:
    report: am.PassReport = await services.system.ref(name).ask(am.EvaluateNow(at), timeout=60)
    return report


async def alert_events(pool: asyncpg.Pool[Any]) -> list[tuple[str, dict[str, Any]]]:
    rows = await pool.fetch("SELECT kind, payload::text FROM events WHERE kind LIKE 'alert.%'")
    return [(r["kind"], json.loads(r["payload"])) for r in rows]


async def test_a_rule_goes_pending_then_firing_then_resolved_and_tells_people(
    project: Project,
    services: Any,
    pool: asyncpg.Pool[Any],
    client: httpx.AsyncClient,
    make_user: MakeUser,
    smtp: SmtpServer,
) -> None:
    _bob, bob_auth = await make_user("bob")
    r = await client.post(
        f"/api/projects/{project.id}/members",
        json={"username": "bob", "role": "maintainer"},
        headers=project.auth,
    )
    assert r.status_code == 201, r.text
    rule = await project.rule(
        name="HighRequestRate",
        expr=RULE,
        **{"for": "30s"},
        severity="critical",
        labels={"team": "shop"},
        summary="{{ $labels.team }} serves {{ $value }} requests/s",
    )
    assert (rule["for"], rule["state"], rule["health"]) == (30, "inactive", "unknown")
    await leading(services)

    project.requests.add(1, {"route": "/cart"})
    await project.send()
    project.requests.add(5000, {"route": "/cart"})
    last = await project.send()

    report = await evaluate(services, last + timedelta(seconds=1))
    assert (report.rules, report.errors, report.fired) == (1, 0, 0)
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["state"] == "pending"
    assert alert["rule_name"] == "HighRequestRate"
    assert alert["severity"] == "critical"
    assert alert["labels"] == {"alertname": "HighRequestRate", "team": "shop"}
    assert alert["value"] > 1
    assert alert["summary"].startswith("shop serves ")
    assert alert["active_since"].startswith((last + timedelta(seconds=1)).strftime("%Y-%m-%dT%H"))
    assert (await project.get(f"{project.rules}/{rule['id']}"))["state"] == "pending"
    assert await alert_events(pool) == []

    # Held for `for`: firing, once; a later pass while it still holds adds no event.
    report = await evaluate(services, last + timedelta(seconds=35))
    assert report.fired == 1
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["state"] == "firing" and alert["fired_at"] is not None
    assert (await project.get(f"{project.rules}/{rule['id']}"))["state"] == "firing"
    await evaluate(services, last + timedelta(seconds=40))
    events = await alert_events(pool)
    assert [kind for kind, _ in events] == ["alert.firing"]
    payload = events[0][1]
    assert payload["rule"]["name"] == "HighRequestRate"
    assert payload["alert"]["labels"]["team"] == "shop"
    assert sorted(payload["notify"]) == ["alice", "bob"]
    assert payload["web_url"] == "https://dais.example.com/alice/web/-/alerts"

    # The notification: bob (a maintainer) and alice (the owner) hear it, in the app and
    # by email.
    async def notified(auth: dict[str, str], kind: str) -> list[dict[str, Any]]:
        async def check() -> list[dict[str, Any]]:
            kick(services)
            r = await client.get("/api/user/notifications", headers=auth)
            assert r.status_code == 200, r.text
            return [n for n in r.json() if n["kind"] == kind]

        found: list[dict[str, Any]] = await eventually(check)
        return found

    [note] = await notified(bob_auth, "alert_firing")
    assert note["title"] == "Firing: HighRequestRate (critical) in alice/web"
    assert note["url"] == "https://dais.example.com/alice/web/-/alerts"
    assert "team=shop" in note["body"]
    assert len(await notified(project.auth, "alert_firing")) == 1
    mails = await smtp.wait_for(2, patience=20)
    assert sorted(m.rcpt_tos[0] for m in mails) == ["alice@example.com", "bob@example.com"]
    assert all("HighRequestRate" in str(m.message["Subject"]) for m in mails)

    # The counter stops being sent: past the window, nothing is returned: resolved, once.
    report = await evaluate(services, last + timedelta(minutes=5))
    assert report.resolved == 1
    assert await project.get(f"/api/projects/{project.id}/alerts") == []
    await evaluate(services, last + timedelta(minutes=6))
    events = await alert_events(pool)
    assert [kind for kind, _ in events] == ["alert.firing", "alert.resolved"]
    assert events[1][1]["alert"]["resolved_at"] is not None
    [resolved] = await notified(bob_auth, "alert_resolved")
    assert resolved["title"] == "Resolved: HighRequestRate (critical) in alice/web"
    stored = await pool.fetchrow("SELECT state, resolved_at FROM alert_instances")
    assert stored["state"] == "resolved"
    after = await project.get(f"{project.rules}/{rule['id']}")
    assert (after["state"], after["health"], after["last_error"]) == ("inactive", "ok", None)


async def test_a_pending_alert_that_clears_goes_without_a_word(
    project: Project, services: Any, pool: asyncpg.Pool[Any]
) -> None:
    await project.rule(name="Slow", expr=RULE, **{"for": 600})
    await leading(services)
    project.requests.add(1)
    await project.send()
    project.requests.add(900)
    last = await project.send()
    await evaluate(services, last + timedelta(seconds=1))
    assert len(await project.get(f"/api/projects/{project.id}/alerts")) == 1
    await evaluate(services, last + timedelta(minutes=5))
    assert await project.get(f"/api/projects/{project.id}/alerts") == []
    assert await pool.fetchval("SELECT count(*) FROM alert_instances") == 0
    assert await alert_events(pool) == []


async def test_a_broken_rule_is_marked_in_error_while_the_others_go_on(
    project: Project, services: Any, pool: asyncpg.Pool[Any]
) -> None:
    good = await project.rule(name="Busy", expr=RULE)
    many = await project.rule(name="TooMany", expr="requests_total")
    # A rule stored before the grammar changed, say: it no longer parses.
    broken = await pool.fetchval(
        "INSERT INTO alert_rules (project_id, name, expr) VALUES ($1, 'Old', 'sum(((') "
        "RETURNING id",
        int(project.id),
    )
    await leading(services)
    for n in range(1001):
        project.requests.add(3, {"route": f"/r{n}"})
    await project.send()
    for n in range(1001):
        project.requests.add(4000, {"route": f"/r{n}"})
    last = await project.send()

    report = await evaluate(services, last + timedelta(seconds=1))
    assert (report.rules, report.errors, report.fired) == (3, 2, 1)
    rules = {r["name"]: r for r in await project.get(project.rules)}
    assert rules["Busy"]["health"] == "ok" and rules["Busy"]["state"] == "firing"
    assert rules["Old"]["health"] == "error" and rules["Old"]["last_error"]
    assert rules["TooMany"]["health"] == "error"
    assert "1001 series" in rules["TooMany"]["last_error"]
    assert "at most 1000" in rules["TooMany"]["last_error"]
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["rule_id"] == good["id"]
    assert {many["id"], str(broken)} == {rules["TooMany"]["id"], rules["Old"]["id"]}

    # Fixed, the rule is evaluated anew: its error goes.
    r = await project.client.patch(
        f"{project.rules}/{broken}", json={"expr": "sum(requests_total) > 0"}, headers=project.auth
    )
    assert r.status_code == 200, r.text
    assert (r.json()["health"], r.json()["last_error"]) == ("unknown", None)
    await evaluate(services, last + timedelta(seconds=2))
    fixed = await project.get(f"{project.rules}/{broken}")
    assert (fixed["health"], fixed["last_error"], fixed["state"]) == ("ok", None, "firing")


async def test_only_the_leader_evaluates_and_another_takes_over_when_it_is_gone(
    project: Project, services: Any, pool: asyncpg.Pool[Any], settings: Any
) -> None:
    await project.rule(name="Busy", expr=RULE)
    first = await leading(services)
    # A second replica's evaluator, on the same database, trying for the lock often.
    await services.system.start_child(
        ChildSpec(
            "alerts.evaluator.b",
            lambda: AlertEvaluator(
                services.pool,
                services.telemetry_query,
                public_url=settings.public_url,
                interval=3600,
                url=settings.database_url,
                standby=0.05,
            ),
        )
    )
    second = services.system.ref("alerts.evaluator.b")
    await anyio.sleep(0.3)  # several of its tries for the lock
    status: am.EvaluatorStatus = await second.ask(am.GetEvaluatorStatus(), timeout=10)
    assert not status.leading and status.backend_pid is None
    with pytest.raises(Conflict, match="does not lead"):
        await evaluate(services, datetime.now(UTC), "alerts.evaluator.b")
    assert (await evaluate(services, datetime.now(UTC))).rules == 1

    # The leader's lock connection is killed: it stops, the other takes over.
    killed = await pool.fetchval("SELECT pg_terminate_backend($1)", first.backend_pid)
    assert killed
    took_over = await leading(services, "alerts.evaluator.b")
    assert took_over.backend_pid != first.backend_pid
    holder = await pool.fetchval(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
        "AND ((classid::bigint << 32) | objid::bigint) = $1",
        LOCK_KEY,
    )
    assert holder == took_over.backend_pid
    status = await services.system.ref(am.EVALUATOR).ask(am.GetEvaluatorStatus(), timeout=10)
    assert not status.leading
    with pytest.raises(Conflict, match="does not lead"):
        await evaluate(services, datetime.now(UTC))
    assert (await evaluate(services, datetime.now(UTC), "alerts.evaluator.b")).rules == 1


# --- the routes, and what they refuse ------------------------------------------------------


def _problem(r: httpx.Response, status: int, field: str | None = None) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    if field is not None:
        assert any(e["field"].startswith(field) for e in body["errors"]), body
    detail: str = body["detail"]
    return detail


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"name": "Bad", "expr": "sum(rate(requests_total[1m]) >"}, 422, "expr"),
        ({"name": "Bad", "expr": "rate(requests_total)"}, 422, "expr"),
        ({"name": "Bad", "expr": "   "}, 422, "expr"),
        ({"name": "Bad", "expr": "(" * 1000 + "up" + ")" * 1000}, 422, "expr"),
        ({"name": "Bad", "expr": "x" * 5000}, 422, "expr"),
        ({"name": "Bad", "expr": "up", "for": -1}, 422, "for"),
        ({"name": "Bad", "expr": "up", "for": 86401}, 422, "for"),
        ({"name": "Bad", "expr": "up", "for": "25h"}, 422, "for"),
        ({"name": "Bad", "expr": "up", "for": "five minutes"}, 422, "for"),
        ({"name": "Bad", "expr": "up", "for": 1.5}, 422, "for"),
        ({"name": "<script>alert(1)</script>", "expr": "up"}, 422, "name"),
        ({"name": "", "expr": "up"}, 422, "name"),
        ({"name": "n" * 129, "expr": "up"}, 422, "name"),
        ({"name": "Bad", "expr": "up", "severity": "page"}, 422, "severity"),
        ({"name": "Bad", "expr": "up", "labels": {"alertname": "x"}}, 422, "labels"),
        ({"name": "Bad", "expr": "up", "labels": {"__name__": "x"}}, 422, "labels"),
        ({"name": "Bad", "expr": "up", "labels": {"a-b": "x"}}, 422, "labels"),
        ({"name": "Bad", "expr": "up", "labels": {"a": 1}}, 422, "labels"),
        ({"name": "Bad", "expr": "up", "notify": ["nobody-here"]}, 422, "notify"),
        ({"name": "Bad", "expr": "up", "notify": ["<b>"]}, 422, "notify"),
        ({"name": "Bad", "expr": "up", "owner": "mallory"}, 422, "owner"),
        ({"name": "Bad", "expr": "up", "summary": "a\x00b"}, 422, "summary"),
        ({"name": "Bad", "expr": "up", "labels": {"team": "\x00"}}, 422, "labels"),
        ({"name": "Bad"}, 422, "expr"),
    ],
)
async def test_a_rule_that_breaks_a_rule_is_refused_naming_its_field(
    project: Project, body: dict[str, Any], status: int, field: str
) -> None:
    r = await project.client.post(project.rules, json=body, headers=project.auth)
    _problem(r, status, field)
    assert await project.get(project.rules) == []


async def test_rules_are_written_read_changed_and_deleted(project: Project) -> None:
    xss = '<img src=x onerror="alert(1)">'
    rule = await project.rule(
        name="api:errors.rate-high",
        expr=RULE,
        **{"for": 90},
        summary=xss,
        description="{{ $labels.route }} is failing",
        labels={"team": xss},
        notify=["Alice"],
    )
    assert rule["name"] == "api:errors.rate-high"
    assert rule["summary"] == xss and rule["labels"] == {"team": xss}
    assert rule["notify"] == ["alice"] and rule["created_by"] == "alice"
    assert rule["enabled"] is True and rule["severity"] == "warning"
    one = f"{project.rules}/{rule['id']}"
    assert (await project.get(one))["summary"] == xss

    r = await project.client.patch(
        one, json={"for": "1h30m", "severity": "info", "enabled": False}, headers=project.auth
    )
    assert r.status_code == 200, r.text
    assert (r.json()["for"], r.json()["severity"], r.json()["enabled"]) == (5400, "info", False)
    assert r.json()["expr"] == RULE
    r = await project.client.patch(one, json={"expr": "sum((("}, headers=project.auth)
    _problem(r, 422, "expr")
    r = await project.client.patch(one, json={"name": None}, headers=project.auth)
    _problem(r, 422, "name")
    assert (await project.get(one))["for"] == 5400

    # Names are unique per project.
    r = await project.client.post(
        project.rules, json={"name": "api:errors.rate-high", "expr": "up"}, headers=project.auth
    )
    assert "already has an alert rule" in _problem(r, 409)
    other = await project.rule(name="Other", expr="up")
    r = await project.client.patch(
        f"{project.rules}/{other['id']}",
        json={"name": "api:errors.rate-high"},
        headers=project.auth,
    )
    _problem(r, 409)

    names = {x["name"] for x in await project.get(project.rules)}
    assert names == {"Other", "api:errors.rate-high"}
    r = await project.client.delete(one, headers=project.auth)
    assert r.status_code == 204, r.text
    _problem(await project.client.get(one, headers=project.auth), 404)
    _problem(await project.client.delete(one, headers=project.auth), 404)


async def test_the_201st_rule_is_refused(project: Project, pool: asyncpg.Pool[Any]) -> None:
    await pool.execute(
        "INSERT INTO alert_rules (project_id, name, expr) "
        "SELECT $1, 'rule' || n, 'up' FROM generate_series(1, 200) AS n",
        int(project.id),
    )
    r = await project.client.post(
        project.rules, json={"name": "OneTooMany", "expr": "up"}, headers=project.auth
    )
    assert "at most 200 alert rules" in _problem(r, 409)
    r = await project.client.get(project.rules, params={"per_page": 100}, headers=project.auth)
    assert r.headers["x-total-count"] == "200"


async def test_rules_are_seen_and_changed_only_as_permissions_allow(
    project: Project, client: httpx.AsyncClient, make_user: MakeUser, pool: asyncpg.Pool[Any]
) -> None:
    rule = await project.rule(name="Busy", expr=RULE)
    one = f"{project.rules}/{rule['id']}"
    # mallory has a project of her own: its id does not reach alice's rule.
    _mallory, mallory = await make_user("mallory")
    r = await client.post("/api/projects", json={"name": "mine"}, headers=mallory)
    theirs = f"/api/projects/{r.json()['id']}/alert-rules/{rule['id']}"
    for method in ("GET", "PATCH", "DELETE"):
        body = {"enabled": False} if method == "PATCH" else None
        r = await client.request(method, theirs, json=body, headers=mallory)
        _problem(r, 404)
    _problem(await client.post(f"{theirs}/test", headers=mallory), 404)
    # alice's project is private: to mallory it does not exist.
    _problem(await client.get(project.rules, headers=mallory), 404)
    _problem(await client.get(f"/api/projects/{project.id}/alerts", headers=mallory), 404)
    _problem(await client.patch(one, json={"enabled": False}, headers=mallory), 404)
    _problem(await client.get(project.rules), 401)

    # A viewer reads, and may not write.
    _victor, viewer = await make_user("victor")
    r = await client.post(
        f"/api/projects/{project.id}/members",
        json={"username": "victor", "role": "viewer"},
        headers=project.auth,
    )
    assert r.status_code == 201, r.text
    r = await client.get(project.rules, headers=viewer)
    assert [x["name"] for x in r.json()] == ["Busy"]
    assert "observe:write" in _problem(
        await client.post(project.rules, json={"name": "Mine", "expr": "up"}, headers=viewer), 403
    )
    _problem(await client.patch(one, json={"enabled": False}, headers=viewer), 403)
    _problem(await client.delete(one, headers=viewer), 403)

    # Out of range and malformed ids.
    _problem(await client.get(f"{project.rules}/{2**60}", headers=project.auth), 400)
    _problem(await client.get(f"{project.rules}/0", headers=project.auth), 400)
    assert (await client.get(f"{project.rules}/1e3", headers=project.auth)).status_code == 404
    _problem(await client.get(f"{project.rules}/999999", headers=project.auth), 404)

    # An archived project's rules are read-only.
    r = await client.patch(
        f"/api/projects/{project.id}", json={"archived": True}, headers=project.auth
    )
    assert r.status_code == 200, r.text
    assert "archived" in _problem(
        await client.patch(one, json={"enabled": False}, headers=project.auth), 403
    )
    assert (await client.get(one, headers=project.auth)).status_code == 200


async def test_a_rule_is_tried_out_without_changing_anything(
    project: Project, pool: asyncpg.Pool[Any]
) -> None:
    rule = await project.rule(name="Routes", expr="sum by (route) (requests_total) > 0")
    project.requests.add(7, {"route": "/cart"})
    project.requests.add(3, {"route": "/pay"})
    await project.send()
    r = await project.client.post(f"{project.rules}/{rule['id']}/test", headers=project.auth)
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["total"] == 2
    assert sorted((s["labels"]["route"], s["value"]) for s in got["samples"]) == [
        ("/cart", 7),
        ("/pay", 3),
    ]
    assert await pool.fetchval("SELECT count(*) FROM alert_instances") == 0
    assert (await project.get(f"{project.rules}/{rule['id']}"))["health"] == "unknown"
