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
    rows = await pool.fetch(
        "SELECT kind, payload::text FROM events WHERE kind IN ('alert.firing', 'alert.resolved') "
        "ORDER BY id"
    )
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
    # Notified as soon as it fires (no group_wait); the resolution at the group's next flush.
    r = await client.put(
        f"/api/projects/{project.id}/alert-grouping",
        json={"group_wait": 0, "group_interval": 60},
        headers=project.auth,
    )
    assert r.status_code == 200, r.text
    assert r.json()["group_by"] == ["alertname"]
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


# --- keep_firing_for, LogQL, history, silences, grouping ------------------------------------


async def notifications(client: httpx.AsyncClient, services: Any, auth: dict[str, str]) -> Any:
    kick(services)
    r = await client.get("/api/user/notifications", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()


async def notification_events(pool: asyncpg.Pool[Any]) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        "SELECT payload::text FROM events WHERE kind = 'alert.notification' ORDER BY id"
    )
    return [json.loads(r["payload"]) for r in rows]


async def group_settings(project: Project, **body: Any) -> None:
    r = await project.client.put(
        f"/api/projects/{project.id}/alert-grouping", json=body, headers=project.auth
    )
    assert r.status_code == 200, r.text


async def test_keep_firing_for_holds_a_firing_alert_then_it_resolves_with_its_history(
    project: Project, services: Any, pool: asyncpg.Pool[Any]
) -> None:
    rule = await project.rule(name="Sticky", expr=RULE, keep_firing_for="2m")
    assert (rule["keep_firing_for"], rule["language"]) == (120, "promql")
    await leading(services)
    project.requests.add(1, {"route": "/cart"})
    await project.send()
    project.requests.add(5000, {"route": "/cart"})
    last = await project.send()

    assert (await evaluate(services, last + timedelta(seconds=1))).fired == 1
    # The counter is gone (past the rate's window): it keeps firing for two minutes.
    gone = last + timedelta(minutes=5)
    report = await evaluate(services, gone)
    assert report.resolved == 0
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["state"] == "firing"
    assert alert["keep_firing_since"].startswith(gone.strftime("%Y-%m-%dT%H:%M"))
    assert (await evaluate(services, gone + timedelta(seconds=119))).resolved == 0
    assert (await evaluate(services, gone + timedelta(seconds=120))).resolved == 1
    assert await project.get(f"/api/projects/{project.id}/alerts") == []
    assert [k for k, _ in await alert_events(pool)] == ["alert.firing", "alert.resolved"]

    history = await project.client.get(
        f"{project.rules}/{rule['id']}/history", params={"per_page": 1}, headers=project.auth
    )
    assert history.status_code == 200, history.text
    assert history.headers["x-total-count"] == "2"
    [newest] = history.json()
    assert (newest["from_state"], newest["to_state"]) == ("firing", "resolved")
    assert newest["labels"] == {"alertname": "Sticky"}
    both = await project.get(f"{project.rules}/{rule['id']}/history")
    assert [(h["from_state"], h["to_state"]) for h in both] == [
        ("firing", "resolved"),
        ("inactive", "firing"),
    ]
    assert both[1]["value"] > 1


async def test_a_logql_rule_fires_on_error_lines(
    project: Project, services: Any, pool: asyncpg.Pool[Any]
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)

    def record(seconds_ago: int, body: str) -> dict[str, Any]:
        ns = int((now - timedelta(seconds=seconds_ago)).timestamp()) * 10**9
        return {"timeUnixNano": str(ns), "severityText": "ERROR", "body": {"stringValue": body}}

    lines = [record(k, f"error: payment {k} failed") for k in range(1, 13)]
    lines += [record(k, "ok") for k in range(1, 30)]
    body = {
        "resourceLogs": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "api"}}]
                },
                "scopeLogs": [{"logRecords": lines}],
            }
        ]
    }
    r = await project.client.post(
        "/v1/logs", json=body, headers={"Authorization": f"Bearer {project.token}"}
    )
    assert r.status_code == 200, r.text
    await services.telemetry.flush()
    expr = 'sum by (service_name) (count_over_time({service_name="api"} |= "error" [5m])) > 10'
    rule = await project.rule(name="Errors", language="logql", expr=expr, labels={"team": "api"})
    quiet = await project.rule(
        name="FewErrors", language="logql", expr=expr.replace("> 10", "> 100")
    )
    await leading(services)
    report = await evaluate(services, now + timedelta(seconds=1))
    assert (report.rules, report.errors, report.fired) == (2, 0, 1)
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["labels"] == {"alertname": "Errors", "service_name": "api", "team": "api"}
    assert alert["value"] == 12
    assert (await project.get(f"{project.rules}/{quiet['id']}"))["health"] == "ok"
    r = await project.client.post(f"{project.rules}/{rule['id']}/test", headers=project.auth)
    assert r.status_code == 200, r.text
    assert r.json()["samples"] == [{"labels": {"service_name": "api"}, "value": 12}]
    # Past the five minutes, no error line counts: resolved.
    assert (await evaluate(services, now + timedelta(minutes=6))).resolved == 1


async def test_a_silence_hushes_notifications_and_webhook_events_until_it_expires(
    project: Project, services: Any, pool: asyncpg.Pool[Any], client: httpx.AsyncClient
) -> None:
    await group_settings(project, group_wait=0, group_interval=60)
    silences = f"/api/projects/{project.id}/silences"
    r = await client.post(
        silences,
        json={
            "matchers": [
                {"name": "team", "op": "=", "value": "shop"},
                {"name": "alertname", "op": "=~", "value": "Always|Never"},
            ],
            "ends_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
            "comment": "maintenance window",
        },
        headers=project.auth,
    )
    assert r.status_code == 201, r.text
    silence = r.json()
    assert (silence["state"], silence["created_by"]) == ("active", "alice")
    rule = await project.rule(name="Always", expr="vector(1)", labels={"team": "shop"})
    await leading(services)
    at = datetime.now(UTC)
    assert (await evaluate(services, at)).fired == 1
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert (alert["state"], alert["silenced"]) == ("firing", True)
    [entry] = await project.get(f"{project.rules}/{rule['id']}/history")
    assert (entry["to_state"], entry["silenced"]) == ("firing", True)
    await evaluate(services, at + timedelta(seconds=61))
    # No event for webhooks, none for notifications.
    assert await alert_events(pool) == []
    assert await notification_events(pool) == []

    r = await client.delete(f"{silences}/{silence['id']}", headers=project.auth)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "expired"
    r = await client.delete(f"{silences}/{silence['id']}", headers=project.auth)
    _problem(r, 409)
    [listed] = await project.get(silences)
    assert listed["state"] == "expired"
    after = datetime.now(UTC) + timedelta(seconds=1)
    await evaluate(services, after)
    [alert] = await project.get(f"/api/projects/{project.id}/alerts")
    assert alert["silenced"] is False
    [told] = await notification_events(pool)
    assert [a["alert"]["labels"]["alertname"] for a in told["firing"]] == ["Always"]
    note = await eventually(
        lambda: _kinds(client, services, project.auth, "alert_firing"), patience=20
    )
    assert note[0]["title"] == "Firing: Always (warning) in alice/web"


async def _kinds(
    client: httpx.AsyncClient, services: Any, auth: dict[str, str], kind: str
) -> list[dict[str, Any]]:
    return [n for n in await notifications(client, services, auth) if n["kind"] == kind]


async def test_alerts_of_a_group_are_notified_together_as_alertmanager_does(
    project: Project, services: Any, pool: asyncpg.Pool[Any], client: httpx.AsyncClient
) -> None:
    await group_settings(
        project, group_by=["team"], group_wait=30, group_interval=300, repeat_interval=3600
    )
    for name in ("CartSlow", "PaySlow"):
        await project.rule(name=name, expr="vector(1)", labels={"team": "shop"})
    other = await project.rule(name="Elsewhere", expr="vector(1)", labels={"team": "ops"})
    await leading(services)
    t0 = datetime.now(UTC)
    await evaluate(services, t0)
    assert await notification_events(pool) == []  # group_wait
    await evaluate(services, t0 + timedelta(seconds=15))
    assert await notification_events(pool) == []
    await evaluate(services, t0 + timedelta(seconds=30))
    told = await notification_events(pool)
    assert len(told) == 2  # one per group: team=shop and team=ops
    shop = next(t for t in told if t["group"]["labels"] == {"team": "shop"})
    assert sorted(a["rule"]["name"] for a in shop["firing"]) == ["CartSlow", "PaySlow"]
    assert sorted(shop["notify"]) == ["alice"]

    # A third joins: told at the next group_interval, not before.
    third = await project.rule(name="ShipSlow", expr="vector(1)", labels={"team": "shop"})
    await evaluate(services, t0 + timedelta(seconds=60))
    await evaluate(services, t0 + timedelta(seconds=329))
    assert len(await notification_events(pool)) == 2
    await evaluate(services, t0 + timedelta(seconds=330))
    told = await notification_events(pool)
    assert len(told) == 3
    assert told[-1]["firing_count"] == 3 and told[-1]["repeat"] is False
    # Nothing changed: nothing more until repeat_interval has passed since the last word.
    await evaluate(services, t0 + timedelta(seconds=630))
    assert len(await notification_events(pool)) == 3
    await evaluate(services, t0 + timedelta(seconds=330 + 3600))
    told = await notification_events(pool)
    # Both groups are told again (ops' last word was at 30 s).
    repeats = told[3:]
    assert sorted(t["group"]["labels"]["team"] for t in repeats) == ["ops", "shop"]
    assert all(t["repeat"] for t in repeats)

    # One resolves: told at the group's next flush, with the two still firing.
    r = await client.patch(
        f"{project.rules}/{third['id']}", json={"expr": "vector(1) > 2"}, headers=project.auth
    )
    assert r.status_code == 200, r.text
    resolve_at = t0 + timedelta(seconds=3960)
    assert (await evaluate(services, resolve_at)).resolved == 1
    assert len(await notification_events(pool)) == 5
    await evaluate(services, t0 + timedelta(seconds=330 + 3600 + 300))
    last = (await notification_events(pool))[-1]
    assert [a["rule"]["name"] for a in last["resolved"]] == ["ShipSlow"]
    assert last["firing_count"] == 2 and last["status"] == "firing"
    # The other group's alerts resolve: a resolved-only notification, and the group goes.
    r = await client.patch(
        f"{project.rules}/{other['id']}", json={"enabled": False}, headers=project.auth
    )
    assert r.status_code == 200, r.text
    await evaluate(services, t0 + timedelta(seconds=330 + 3600 + 600))
    final = (await notification_events(pool))[-1]
    assert (final["status"], final["group"]["labels"]) == ("resolved", {"team": "ops"})
    assert await pool.fetchval("SELECT count(*) FROM alert_groups") == 1

    firing = await eventually(
        lambda: _at_least(client, services, project.auth, "alert_firing", 5), patience=20
    )
    assert any(
        n["title"] == "Firing (3): CartSlow, PaySlow, ShipSlow (warning) in alice/web"
        for n in firing
    )
    [resolved] = await eventually(
        lambda: _at_least(client, services, project.auth, "alert_resolved", 1), patience=20
    )
    assert resolved["title"] == "Resolved: Elsewhere (warning) in alice/web"


async def _at_least(
    client: httpx.AsyncClient, services: Any, auth: dict[str, str], kind: str, n: int
) -> list[dict[str, Any]] | None:
    found = await _kinds(client, services, auth, kind)
    return found if len(found) >= n else None


_SOON = (datetime.now(UTC) + timedelta(days=1)).isoformat()
_TEAM = {"name": "team", "op": "=", "value": "shop"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"matchers": [{"name": "team", "op": "==", "value": "x"}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [{"name": "team", "op": "=~", "value": "("}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [{"name": "t", "op": "=~", "value": "(a+)+$"}], "ends_at": _SOON}, "match"),
        ({"matchers": [{"name": "t", "op": "=~", "value": "(?=a)"}], "ends_at": _SOON}, "match"),
        ({"matchers": [{"name": "t", "op": "=~", "value": ".*"}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [{"name": "t", "op": "!=", "value": "x"}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [{"name": "a-b", "op": "=", "value": "x"}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [{"name": "t", "op": "=", "value": "a\x00"}], "ends_at": _SOON}, "matchers"),
        ({"matchers": [], "ends_at": _SOON}, "matchers"),
        ({"matchers": [_TEAM] * 10_000, "ends_at": _SOON}, "matchers"),
        ({"matchers": [_TEAM], "ends_at": "2000-01-01T00:00:00Z"}, "ends_at"),
        (
            {
                "matchers": [_TEAM],
                "starts_at": "2998-01-02T00:00:00Z",
                "ends_at": "2998-01-01T00:00:00Z",
            },
            "ends_at",
        ),
        ({"matchers": [_TEAM], "ends_at": _SOON[:19]}, "ends_at"),
        ({"matchers": [_TEAM], "ends_at": _SOON, "comment": "c" * 100_000}, "comment"),
        ({"matchers": [_TEAM], "ends_at": _SOON, "created_by": "mallory"}, "created_by"),
        ({"matchers": [_TEAM]}, "ends_at"),
        ({"matchers": [_TEAM], "ends_at": "2999-01-01T00:00:00Z"}, "ends_at"),
    ],
)
async def test_a_silence_that_breaks_a_rule_is_refused_naming_its_field(
    project: Project, body: dict[str, Any], field: str
) -> None:
    silences = f"/api/projects/{project.id}/silences"
    r = await project.client.post(silences, json=body, headers=project.auth)
    _problem(r, 422, field)
    assert await project.get(silences) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Bad", "expr": "up", "language": "sql"}, "language"),
        ({"name": "Bad", "expr": "up", "keep_firing_for": "25h"}, "keep_firing_for"),
        ({"name": "Bad", "expr": "up", "keep_firing_for": -5}, "keep_firing_for"),
        ({"name": "Bad", "expr": '{service_name="api"}', "language": "logql"}, "expr"),
        ({"name": "Bad", "expr": "sum(rate(up[5m])) > 1", "language": "logql"}, "expr"),
        ({"name": "Bad", "expr": 'count_over_time({a="b"}[5m]) > x', "language": "logql"}, "expr"),
        (
            {"name": "Bad", "expr": 'count_over_time({a="b"}[5m]) > 1e999', "language": "logql"},
            "expr",
        ),
        ({"name": "Bad", "expr": "(" * 500 + ")" * 500, "language": "logql"}, "expr"),
    ],
)
async def test_a_new_rule_field_that_breaks_a_rule_is_refused(
    project: Project, body: dict[str, Any], field: str
) -> None:
    r = await project.client.post(project.rules, json=body, headers=project.auth)
    _problem(r, 422, field)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"group_by": ["a-b"]}, "group_by"),
        ({"group_by": ["x"] * 33}, "group_by"),
        ({"group_wait": -1}, "group_wait"),
        ({"group_wait": 86401}, "group_wait"),
        ({"group_interval": 0}, "group_interval"),
        ({"repeat_interval": 10**9}, "repeat_interval"),
        ({"receiver": "x"}, "receiver"),
    ],
)
async def test_grouping_that_breaks_a_rule_is_refused(
    project: Project, body: dict[str, Any], field: str
) -> None:
    path = f"/api/projects/{project.id}/alert-grouping"
    _problem(await project.client.put(path, json=body, headers=project.auth), 422, field)
    assert (await project.get(path))["group_wait"] == 30


async def test_silences_and_history_are_seen_and_changed_only_as_permissions_allow(
    project: Project, client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _eve, eve_auth = await make_user("eve")
    r = await client.post("/api/projects", json={"name": "other"}, headers=eve_auth)
    assert r.status_code == 201, r.text
    theirs = r.json()["id"]
    r = await client.post(
        f"/api/projects/{theirs}/silences",
        json={"matchers": [_TEAM], "ends_at": _SOON},
        headers=eve_auth,
    )
    assert r.status_code == 201, r.text
    their_silence = r.json()["id"]
    rule = await project.rule(name="Mine", expr="vector(1)")
    # Another project's silence, through this project: not found, and left as it was.
    mine = f"/api/projects/{project.id}/silences"
    _problem(await client.delete(f"{mine}/{their_silence}", headers=project.auth), 404)
    r = await client.get(f"/api/projects/{theirs}/silences", headers=eve_auth)
    assert r.json()[0]["state"] == "active"
    _problem(await client.delete(f"{mine}/99999999", headers=project.auth), 404)
    # eve may not touch alice's project (private: not found), nor read its history.
    r = await client.get(f"/api/projects/{project.id}", headers=eve_auth)
    hidden = 404 if r.status_code == 404 else 403
    for method, path in [
        ("POST", mine),
        ("GET", mine),
        ("GET", f"{project.rules}/{rule['id']}/history"),
        ("PUT", f"/api/projects/{project.id}/alert-grouping"),
    ]:
        r = await client.request(
            method, path, json={"matchers": [_TEAM], "ends_at": _SOON}, headers=eve_auth
        )
        assert r.status_code in {hidden, 403, 422}, (method, path, r.text)
        assert r.status_code != 422 or method == "PUT", r.text
    # Another project's rule's history: not found.
    r = await client.post(
        f"/api/projects/{theirs}/alert-rules", json={"name": "T", "expr": "up"}, headers=eve_auth
    )
    assert r.status_code == 201, r.text
    r = await client.get(f"{project.rules}/{r.json()['id']}/history", headers=project.auth)
    _problem(r, 404)
