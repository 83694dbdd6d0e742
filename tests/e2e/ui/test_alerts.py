"""The alerts page in the browser, against a real `dais serve` whose evaluator runs every
second: a rule written in the form (a refused expression shown under its field first, then
the rule listed, its summary shown as text, not markup), a rule over counters sent with
the OpenTelemetry SDK's own exporter going to firing in the active alerts, and that alert
silenced from its row (marked silenced, the comment shown as text), the rule's history
listing the transition, and the silence expired."""

from __future__ import annotations

from typing import Any

import pytest
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader, MetricExportResult
from opentelemetry.sdk.resources import Resource
from playwright.sync_api import expect

from .conftest import Dais, Person, sign_in

#: How long the page may take to show what the evaluator did: it evaluates every second and
#: the page reads again every 3 s (ms).
POLLED = 20_000
XSS = '<img src=x onerror="document.body.dataset.owned=1">'


@pytest.fixture(scope="module")
def dais_env() -> dict[str, str]:
    return {"DAIS_ALERT_INTERVAL": "1", "DAIS_TELEMETRY_FLUSH_INTERVAL": "0.2"}


def _open(page: Any, dais: Dais, owner: Person, project: dict[str, Any]) -> None:
    sign_in(page, dais.url, owner.username, owner.password)
    page.goto(f"{dais.url}/{project['path']}/-/alerts")
    expect(page.get_by_role("heading", name="Alert rules")).to_be_visible()


def test_a_rule_is_written_in_the_page_and_listed(dais: Dais, page: Any) -> None:
    owner = dais.person("alert")
    project = dais.project(owner)
    _open(page, dais, owner, project)
    expect(page.get_by_text("No alert rules.")).to_be_visible()
    form = page.get_by_test_id("rule-form")
    form.locator("input[name=name]").fill("HighRate")
    form.locator("textarea[name=expr]").fill("sum(rate(requests_total[1m]) >")
    form.locator("input[name=for]").fill("2m")
    form.locator("input[name=summary]").fill(XSS)
    form.get_by_role("button", name="Add rule").click()
    # The server's rule, under the field it is about; nothing is added.
    expect(form.get_by_test_id("error-expr")).to_be_visible()
    expect(page.get_by_text("No alert rules.")).to_be_visible()

    form.locator("textarea[name=expr]").fill("sum(rate(requests_total[1m])) > 1")
    form.locator("select[name=severity]").select_option("critical")
    form.get_by_role("button", name="Add rule").click()
    expect(page.get_by_text("Added the rule “HighRate”.")).to_be_visible()
    row = page.get_by_test_id("rule-row")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("rule-name")).to_have_text("HighRate")
    expect(row.get_by_test_id("rule-expr")).to_have_text("sum(rate(requests_total[1m])) > 1")
    expect(row).to_contain_text("for 2m")
    expect(row).to_contain_text("critical")
    expect(row.get_by_text(XSS, exact=True)).to_be_visible()  # the summary, as text
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("document.body.dataset.owned") is None

    r = dais.http.get(f"/api/projects/{project['id']}/alert-rules", headers=owner.auth)
    assert [(x["name"], x["for"], x["severity"], x["summary"]) for x in r.json()] == [
        ("HighRate", 120, "critical", XSS)
    ]


def _firing(dais: Dais, owner: Person, project: dict[str, Any]) -> None:
    """A rule ``Requests`` (team=shop) over a counter of 50 sent with the SDK's exporter."""
    r = dais.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project["id"]},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    r = dais.http.post(
        f"/api/projects/{project['id']}/alert-rules",
        json={"name": "Requests", "expr": "sum(requests_total) > 10", "labels": {"team": "shop"}},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text

    reader = InMemoryMetricReader()
    provider = MeterProvider(
        metric_readers=[reader], resource=Resource.create({"service.name": "shop"})
    )
    provider.get_meter("shop").create_counter("requests_total").add(50, {"route": "/cart"})
    exporter = OTLPMetricExporter(
        endpoint=f"{dais.url}/v1/metrics",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert exporter.export(reader.get_metrics_data()) is MetricExportResult.SUCCESS
    provider.shutdown()


def test_a_rule_over_sent_counters_shows_firing(dais: Dais, page: Any) -> None:
    owner = dais.person("fire")
    project = dais.project(owner)
    _firing(dais, owner, project)
    _open(page, dais, owner, project)
    alert = page.get_by_test_id("alert-row")
    expect(alert).to_have_attribute("data-state", "firing", timeout=POLLED)
    expect(alert).to_contain_text("Requests")
    expect(alert).to_contain_text("team=shop")
    expect(alert).to_contain_text("50")
    expect(page.get_by_test_id("rule-state")).to_have_text("firing", timeout=POLLED)


def test_an_alert_is_silenced_from_its_row_then_the_silence_expired(dais: Dais, page: Any) -> None:
    owner = dais.person("hush")
    project = dais.project(owner)
    _firing(dais, owner, project)
    _open(page, dais, owner, project)
    alert = page.get_by_test_id("alert-row")
    expect(alert).to_have_attribute("data-state", "firing", timeout=POLLED)
    expect(alert.get_by_test_id("alert-silenced")).to_have_count(0)
    expect(page.get_by_text("No silences.")).to_be_visible()

    alert.get_by_role("button", name="Silence").click()
    form = page.get_by_test_id("silence-form")
    matchers = form.get_by_test_id("matcher")
    expect(matchers).to_have_count(2)  # alertname and team, from the alert's labels
    names = [matchers.nth(k).locator("input[name=matcher-name]").input_value() for k in range(2)]
    values = [matchers.nth(k).locator("input[name=matcher-value]").input_value() for k in range(2)]
    assert sorted(zip(names, values, strict=True)) == [("alertname", "Requests"), ("team", "shop")]
    # A matcher the server refuses is named under itself; removed, the rest is saved.
    form.get_by_role("button", name="Add matcher").click()
    form.get_by_test_id("matcher").nth(2).locator("input[name=matcher-name]").fill("not a label")
    form.locator("input[name=duration]").fill("1h")
    form.locator("textarea[name=comment]").fill(XSS)
    form.get_by_role("button", name="Create silence").click()
    expect(form.get_by_test_id("matcher").nth(2).get_by_test_id("error-matchers")).to_be_visible()
    expect(page.get_by_text("No silences.")).to_be_visible()
    form.get_by_role("button", name="Remove the matcher not a label").click()
    form.get_by_role("button", name="Create silence").click()

    silence = page.get_by_test_id("silence-row")
    expect(silence).to_have_count(1)
    expect(silence).to_have_attribute("data-state", "active")
    expect(silence.get_by_test_id("silence-comment")).to_have_text(XSS)  # as text
    expect(silence).to_contain_text('team="shop"')
    expect(alert.get_by_test_id("alert-silenced")).to_be_visible(timeout=POLLED)
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("document.body.dataset.owned") is None

    # The rule's history has the alert's transition to firing.
    rule = page.get_by_test_id("rule-row")
    rule.get_by_role("button", name="History of the rule Requests").click()
    fired = rule.get_by_test_id("history-row").and_(page.locator("[data-to=firing]"))
    expect(fired.first).to_be_visible()
    expect(fired.first).to_contain_text("team=shop")

    silence.get_by_role("button", name="Expire").click()
    expect(silence).to_have_attribute("data-state", "expired")
    expect(silence.get_by_role("button", name="Expire")).to_have_count(0)
    expect(alert.get_by_test_id("alert-silenced")).to_have_count(0, timeout=POLLED)
    r = dais.http.get(f"/api/projects/{project['id']}/silences", headers=owner.auth)
    assert [(s["state"], s["comment"], s["created_by"]) for s in r.json()] == [
        ("expired", XSS, owner.username)
    ]
