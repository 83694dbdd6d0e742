"""The observe pages in the browser, against a real `dais serve` fed by the OpenTelemetry
SDK's own OTLP/HTTP exporters: the empty state that hands out an ingest token; logs with
their filters in the URL, paging, the live tail with pause; a trace opened from its search
and from a log line, its waterfall, a span's details, the logs of a trace, a trace of 5,001
spans; a PromQL query as a chart and a table; the histogram of matching logs, zooming by a click
or a drag; dais's own Health page. Hostile bodies, attributes, span names and
label values render as text."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import pytest
from opentelemetry._logs import SeverityNumber
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor
from opentelemetry.sdk.metrics.export import (
    Gauge,
    Metric,
    MetricExportResult,
    MetricsData,
    NumberDataPoint,
    ResourceMetrics,
    ScopeMetrics,
)
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.util.instrumentation import InstrumentationScope
from opentelemetry.trace import Status, StatusCode
from playwright.sync_api import expect

from .conftest import ADMIN_PASSWORD, Dais, Person, sign_in

PATIENCE = 30.0
#: What a hostile body, attribute or span name tries: it must stay text.
XSS_IMG = "<img src=x onerror=window.__xss=1>"
XSS_SCRIPT = "<script>window.__xss=2</script>"


@pytest.fixture(scope="module")
def dais_env() -> dict[str, str]:
    # Exports reach the Parquet files (which the search reads) within a fifth of a second.
    # dais's own metrics (the Health page) are read every half second.
    return {"DAIS_TELEMETRY_FLUSH_INTERVAL": "0.2", "DAIS_SELF_TELEMETRY_INTERVAL": "0.5"}


def _ingest_token(dais: Dais, who: Person, project: dict[str, Any]) -> str:
    r = dais.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project["id"]},
        headers=who.auth,
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


class _Sdk:
    """The SDK's log and trace providers for one service, exporting to dais."""

    def __init__(self, dais: Dais, token: str, service: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        resource = Resource.create({"service.name": service, "deployment.environment": "test"})
        self.logs = LoggerProvider(resource=resource)
        self.logs.add_log_record_processor(
            BatchLogRecordProcessor(
                OTLPLogExporter(endpoint=f"{dais.url}/v1/logs", headers=headers)
            )
        )
        self.traces = TracerProvider(resource=resource)
        self.traces.add_span_processor(
            BatchSpanProcessor(
                OTLPSpanExporter(endpoint=f"{dais.url}/v1/traces", headers=headers),
                max_queue_size=10_000,  # a trace of 5,001 spans, queued whole
                max_export_batch_size=1_000,
            )
        )
        self.tracer = self.traces.get_tracer("tests")
        self._logger = self.logs.get_logger("tests")

    def log(
        self, severity: SeverityNumber, body: str, at_ns: int | None = None, **attributes: str
    ) -> None:
        self._logger.emit(
            timestamp=time.time_ns() if at_ns is None else at_ns,
            severity_number=severity,
            severity_text=severity.name.rstrip("0123456789"),
            body=body,
            attributes=attributes,
        )

    def flush(self) -> None:
        assert self.logs.force_flush() and self.traces.force_flush()

    def close(self) -> None:
        self.logs.shutdown()
        self.traces.shutdown()


def _eventually(read: Any, done: Any) -> Any:
    deadline = time.monotonic() + PATIENCE
    while True:
        got = read()
        if done(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.1)


def _logs(dais: Dais, who: Person, project: dict[str, Any], count: int) -> list[Any]:
    """The project's log records once the search finds ``count`` of them."""
    url = f"/api/projects/{project['id']}/telemetry/logs"
    records: list[Any] = _eventually(
        lambda: dais.http.get(url, params={"limit": 1000}, headers=who.auth).json()["records"],
        lambda got: len(got) >= count,
    )
    assert len(records) == count, [r["body"] for r in records]
    return records


def _no_markup_ran(page: Any) -> None:
    assert page.evaluate("window.__xss") is None
    expect(page.locator("main img")).to_have_count(0)
    expect(page.locator("main script")).to_have_count(0)


def test_logs_from_the_empty_state_to_filters_paging_and_the_live_tail(
    dais: Dais, page: Any
) -> None:
    alice = dais.person("obs")
    project = dais.project(alice)
    base = f"{dais.url}/{project['path']}"
    sign_in(page, dais.url, alice.username, alice.password)

    # Nothing sent yet: the empty state says how, with this dais's URL, and makes a token.
    page.goto(f"{base}/-/logs")
    expect(
        page.get_by_role("navigation", name="Project").get_by_role("link", name="Observe")
    ).to_have_attribute("aria-current", "page")
    empty = page.get_by_test_id("observe-empty")
    expect(empty).to_contain_text("No telemetry yet.")
    env = page.get_by_test_id("otel-env")
    expect(env).to_contain_text(f"OTEL_EXPORTER_OTLP_ENDPOINT={dais.url}\n")
    expect(env).to_contain_text("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer <token>")
    expect(page.get_by_test_id("token-command")).to_contain_text(f'"project":"{project["path"]}"')
    page.get_by_test_id("create-ingest-token").click()
    token = page.get_by_test_id("ingest-token").locator("code").inner_text()
    assert token.startswith("dais_")
    expect(env).to_contain_text(f"Authorization=Bearer {token}")

    # Telemetry sent with that very token: 120 orders, then a hostile warning, then an error.
    shop = _Sdk(dais, token, "shop")
    mailer = _Sdk(dais, token, "mailer")
    try:
        for i in range(120):
            shop.log(SeverityNumber.INFO, f"order {i} ok", **{"order.id": f"o-{i}"})
        shop.flush()
        mailer.log(
            SeverityNumber.WARN, f"bounce {XSS_IMG}", **{XSS_SCRIPT: XSS_IMG, "mail.to": "x"}
        )
        mailer.flush()
        long_line = "payment declined " + "x" * 600
        shop.log(SeverityNumber.ERROR, long_line, **{"customer.tier": "gold"})
        shop.flush()
        _logs(dais, alice, project, 122)

        page.get_by_role("button", name="Check again").click()
        records = page.get_by_test_id("log-record")
        # Newest first, a page of 100; severity and service on each.
        expect(records).to_have_count(100)
        expect(page.get_by_test_id("log-count")).to_contain_text("100 records so far")
        first = records.nth(0)
        expect(first.get_by_test_id("log-body")).to_have_text(long_line)
        expect(first).to_have_attribute("data-severity", "error")
        expect(first.get_by_test_id("log-severity")).to_have_text("ERROR")
        expect(first.get_by_test_id("log-service")).to_have_text("shop")
        # a long line wraps inside the page instead of widening it
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        hostile = records.nth(1)
        expect(hostile.get_by_test_id("log-body")).to_have_text(f"bounce {XSS_IMG}")
        expect(hostile).to_have_attribute("data-severity", "warn")
        hostile.get_by_role("button", name=re.compile("Show the attributes")).click()
        attrs = hostile.get_by_test_id("log-attributes")
        expect(attrs.locator("dt")).to_have_text([XSS_SCRIPT, "mail.to"])
        expect(attrs.locator("dd")).to_have_text([XSS_IMG, "x"])
        resource = hostile.get_by_test_id("log-resource-attributes")
        expect(resource.locator('[data-key="service.name"]')).to_have_text("mailer")
        expect(resource.locator('[data-key="deployment.environment"]')).to_have_text("test")
        _no_markup_ran(page)
        expect(records.nth(2).get_by_test_id("log-body")).to_have_text("order 119 ok")

        # Load older: the rest of the range, and its end.
        page.get_by_test_id("log-older").click()
        expect(records).to_have_count(122)
        expect(records.nth(121).get_by_test_id("log-body")).to_have_text("order 0 ok")
        expect(page.get_by_test_id("log-end")).to_be_visible()

        # Filters go to the URL: a service, then a minimum severity, a substring, a regex.
        form = page.get_by_test_id("log-filters")
        form.get_by_test_id("service").select_option("mailer")
        form.get_by_test_id("log-search").click()
        expect(page).to_have_url(re.compile(r"[?&]service=mailer"))
        expect(records).to_have_count(1)
        page.reload()
        expect(records).to_have_count(1)
        expect(records.get_by_test_id("log-service")).to_have_text("mailer")

        page.goto(f"{base}/-/logs?severity=warn")
        expect(records.get_by_test_id("log-severity")).to_have_text(["ERROR", "WARN"])
        form.get_by_test_id("severity").select_option("")
        form.get_by_test_id("log-query").fill("order 7")
        form.get_by_test_id("log-search").click()
        expect(page).to_have_url(re.compile(r"[?&]q=order\+7"))
        expect(records).to_have_count(11)  # order 7, 70..79
        form.get_by_test_id("log-query").fill("^order 11[0-9] ok$")
        form.get_by_test_id("log-regex").check()
        form.get_by_test_id("log-search").click()
        expect(page).to_have_url(re.compile(r"[?&]regex=1"))
        expect(records).to_have_count(10)
        expect(records.first.get_by_test_id("log-body")).to_have_text("order 119 ok")

        # An attribute filter is a removable chip.
        page.goto(f"{base}/-/logs")
        form.get_by_test_id("log-attr").fill("customer.tier=gold")
        form.get_by_test_id("log-search").click()
        expect(records).to_have_count(1)
        expect(records.get_by_test_id("log-body")).to_have_text(long_line)
        page.get_by_role("button", name="Remove the filter customer.tier=gold").click()
        expect(records).to_have_count(100)

        # Live: a record sent after the page opened appears on top; paused, it waits.
        page.get_by_test_id("log-live-toggle").click()
        live = page.get_by_test_id("log-live")
        expect(live).to_have_attribute("data-phase", "live")
        expect(records.first.get_by_test_id("log-body")).to_have_text(long_line)
        shop.log(SeverityNumber.INFO, f"fresh after opening {XSS_SCRIPT}")
        shop.flush()
        expect(records.first.get_by_test_id("log-body")).to_have_text(
            f"fresh after opening {XSS_SCRIPT}"
        )
        page.get_by_test_id("log-pause").click()
        shop.log(SeverityNumber.WARN, "held while paused")
        shop.flush()
        expect(page.get_by_test_id("log-live-status")).to_contain_text("Paused · 1 new")
        expect(records.first.get_by_test_id("log-body")).to_have_text(
            f"fresh after opening {XSS_SCRIPT}"
        )
        page.get_by_test_id("log-pause").click()
        expect(records.first.get_by_test_id("log-body")).to_have_text("held while paused")
        expect(records.nth(1).get_by_test_id("log-body")).to_have_text(
            f"fresh after opening {XSS_SCRIPT}"
        )
        _no_markup_ran(page)
    finally:
        shop.close()
        mailer.close()


def test_a_trace_from_its_search_and_from_a_log_line(dais: Dais, page: Any) -> None:
    bob = dais.person("obs")
    project = dais.project(bob)
    base = f"{dais.url}/{project['path']}"
    token = _ingest_token(dais, bob, project)
    frontend = _Sdk(dais, token, "frontend")
    checkout = _Sdk(dais, token, "checkout")
    charge_name = f"charge {XSS_IMG}"
    try:
        # One trace over two services: frontend's root, checkout's spans under it.
        with frontend.tracer.start_as_current_span(
            "GET /cart", attributes={"http.route": "/cart"}
        ) as root:
            with checkout.tracer.start_as_current_span("reserve stock"):
                with checkout.tracer.start_as_current_span(
                    "SELECT stock", attributes={"db.statement": XSS_SCRIPT}
                ):
                    time.sleep(0.01)
            with checkout.tracer.start_as_current_span(
                charge_name, attributes={"payment.provider": "acme", XSS_SCRIPT: "key"}
            ) as charge:
                charge.add_event("retry", {"attempt": "2"})
                checkout.log(SeverityNumber.ERROR, "charging failed", **{"order.id": "o-9"})
                charge.set_status(Status(StatusCode.ERROR, "card declined"))
        with frontend.tracer.start_as_current_span("GET /health"):
            pass
        frontend.flush()
        checkout.flush()
        trace_id = format(root.get_span_context().trace_id, "032x")
        charge_id = format(charge.get_span_context().span_id, "016x")
        search = f"/api/projects/{project['id']}/telemetry/traces"
        _eventually(
            lambda: dais.http.get(search, headers=bob.auth).json(),
            lambda got: len(got) == 2 and max(t["span_count"] for t in got) == 4,
        )
        _logs(dais, bob, project, 1)
    finally:
        frontend.close()
        checkout.close()

    sign_in(page, dais.url, bob.username, bob.password)
    page.goto(f"{base}/-/traces")
    rows = page.get_by_test_id("trace-row")
    expect(rows).to_have_count(2)
    expect(rows.get_by_test_id("trace-link")).to_have_text(["GET /health", "GET /cart"])
    cart = page.locator(f'[data-testid="trace-row"][data-trace="{trace_id}"]')
    expect(cart.get_by_test_id("trace-error")).to_have_text("1 error")
    expect(cart).to_contain_text("frontend")
    expect(cart.locator("td").nth(4)).to_have_text("4")
    # Filters: the status, then a span name (of a span under the root).
    form = page.get_by_test_id("trace-filters")
    form.get_by_test_id("trace-status").select_option("error")
    form.get_by_test_id("trace-search").click()
    expect(page).to_have_url(re.compile(r"[?&]status=error"))
    expect(rows).to_have_count(1)
    form.get_by_test_id("trace-status").select_option("")
    form.get_by_test_id("trace-name").fill("SELECT stock")
    form.get_by_test_id("trace-search").click()
    expect(rows).to_have_count(1)
    rows.get_by_test_id("trace-link").click()

    # The waterfall: each span under its parent, by start time; the failed one marked.
    expect(page).to_have_url(f"{base}/-/traces/{trace_id}")
    expect(page.get_by_test_id("trace-title")).to_have_text("GET /cart")
    spans = page.get_by_test_id("span-row")
    expect(spans.get_by_test_id("span-name")).to_have_text(
        ["GET /cart", "reserve stock", "SELECT stock", charge_name]
    )
    assert [spans.nth(i).get_attribute("data-depth") for i in range(4)] == ["0", "1", "2", "1"]
    expect(spans.get_by_test_id("span-error")).to_have_count(1)
    expect(spans.nth(3).get_by_test_id("span-error")).to_be_visible()
    bars = [spans.nth(i).locator(".wf-bar").bounding_box() for i in range(4)]
    # on one axis: the root spans the others, the children start in order
    assert bars[0]["x"] <= bars[1]["x"] <= bars[2]["x"] < bars[3]["x"]
    assert bars[3]["x"] + bars[3]["width"] <= bars[0]["x"] + bars[0]["width"] + 1
    _no_markup_ran(page)

    # Folding a subtree hides it.
    page.get_by_role("button", name=re.compile(r"^Collapse reserve stock")).click()
    expect(spans).to_have_count(3)
    expect(page.get_by_test_id("wf-count")).to_have_text("3 of 4 spans shown")
    page.get_by_test_id("wf-expand-all").click()
    expect(spans).to_have_count(4)

    # A span's details.
    spans.nth(3).get_by_test_id("span-select").click()
    expect(page).to_have_url(re.compile(rf"[?&]span={charge_id}"))
    details = page.get_by_test_id("span-details")
    expect(details.get_by_test_id("span-detail-name")).to_have_text(charge_name)
    expect(details.get_by_test_id("span-service")).to_have_text("checkout")
    expect(details.get_by_test_id("span-kind")).to_have_text("internal")
    expect(details.get_by_test_id("span-status")).to_have_text("error: card declined")
    attrs = details.get_by_test_id("span-attributes")
    expect(attrs.locator('[data-key="payment.provider"]')).to_have_text("acme")
    expect(attrs.locator("dt")).to_have_text([XSS_SCRIPT, "payment.provider"])
    resource = details.get_by_test_id("span-resource-attributes")
    expect(resource.locator('[data-key="service.name"]')).to_have_text("checkout")
    events = details.get_by_test_id("span-event")
    expect(events).to_have_count(1)
    expect(events).to_contain_text("retry")
    expect(events.locator('[data-key="attempt"]')).to_have_text("2")
    _no_markup_ran(page)

    # The logs of this trace, and back to the trace from the log line.
    page.get_by_test_id("trace-logs").click()
    expect(page).to_have_url(re.compile(rf"/-/logs\?.*trace={trace_id}"))
    records = page.get_by_test_id("log-record")
    expect(records).to_have_count(1)
    expect(records.get_by_test_id("log-body")).to_have_text("charging failed")
    expect(page.get_by_test_id("chip")).to_contain_text(trace_id)
    records.get_by_test_id("log-trace").click()
    expect(page).to_have_url(f"{base}/-/traces/{trace_id}?span={charge_id}")
    expect(page.get_by_test_id("span-detail-name")).to_have_text(charge_name)
    selected = page.locator('[data-testid="span-row"][aria-selected="true"]')
    expect(selected).to_have_attribute("data-span", charge_id)

    # A trace of 5,001 spans: only the rows in view are in the page, and folding is one click.
    batch = _Sdk(dais, token, "batch")
    try:
        with batch.tracer.start_as_current_span("nightly batch") as big:
            for i in range(50):
                with batch.tracer.start_as_current_span(f"chunk {i}"):
                    for j in range(99):
                        with batch.tracer.start_as_current_span(f"item {i}.{j}"):
                            pass
        batch.flush()
    finally:
        batch.close()
    big_id = format(big.get_span_context().trace_id, "032x")
    _eventually(
        lambda: dais.http.get(
            f"/api/projects/{project['id']}/telemetry/traces/{big_id}", headers=bob.auth
        ).json(),
        lambda got: isinstance(got, list) and len(got) == 5001,
    )
    page.goto(f"{base}/-/traces/{big_id}")
    count = page.get_by_test_id("wf-count")
    expect(count).to_have_text("5,001 of 5,001 spans shown")
    expect(spans.first.get_by_test_id("span-name")).to_have_text("nightly batch")
    assert spans.count() < 200
    page.get_by_test_id("wf-body").evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(spans.last.get_by_test_id("span-name")).to_have_text("item 49.98")
    assert spans.count() < 200
    page.get_by_test_id("wf-collapse-all").click()
    expect(count).to_have_text("1 of 5,001 spans shown")
    page.get_by_role("button", name=re.compile(r"^Expand nightly batch \(5000 spans")).click()
    expect(spans).to_have_count(51)
    expect(spans.last.get_by_test_id("span-name")).to_have_text("chunk 49")


def test_metrics_as_a_chart_and_a_table(dais: Dais, page: Any) -> None:
    carol = dais.person("obs")
    project = dais.project(carol)
    token = _ingest_token(dais, carol, project)
    # The SDK's exporter and data model, with points placed over the last 20 minutes (an SDK
    # reader would stamp them all now).
    exporter = OTLPMetricExporter(
        endpoint=f"{dais.url}/v1/metrics", headers={"Authorization": f"Bearer {token}"}
    )
    now = time.time_ns()
    points = [
        NumberDataPoint(
            attributes={"queue": queue},
            start_time_unix_nano=0,
            time_unix_nano=now - minutes * 60_000_000_000,
            value=value * scale,
        )
        for queue, scale in (("a", 1), (XSS_IMG, 10))
        for value, minutes in enumerate((20, 15, 10, 5, 1), start=1)
    ]
    metric = Metric(name="queue_depth", description="", unit="", data=Gauge(data_points=points))
    scope = ScopeMetrics(InstrumentationScope("tests"), [metric], schema_url="")
    resource = Resource.create({"service.name": "worker"})
    data = MetricsData([ResourceMetrics(resource, [scope], schema_url="")])
    assert exporter.export(data) is MetricExportResult.SUCCESS
    names = f"/api/projects/{project['id']}/prometheus/api/v1/label/__name__/values"
    _eventually(
        lambda: dais.http.get(names, headers=carol.auth).json().get("data", []),
        lambda got: "queue_depth" in got,
    )

    sign_in(page, dais.url, carol.username, carol.password)
    page.goto(f"{dais.url}/{project['path']}/-/metrics")
    expect(page.locator('#metric-names option[value="queue_depth"]')).to_be_attached()
    page.get_by_test_id("promql").fill("queue_depth")
    page.get_by_test_id("metric-run").click()
    expect(page).to_have_url(re.compile(r"[?&]query=queue_depth"))

    # A line per series, round ticks on both axes, the series' labels in the legend.
    chart = page.get_by_test_id("chart")
    expect(chart.get_by_test_id("chart-line")).to_have_count(2)
    legend = chart.get_by_test_id("legend-item")
    expect(legend).to_have_count(2)
    hostile = f"queue={json.dumps(XSS_IMG)}"
    expect(legend.filter(has_text='queue="a"')).to_have_count(1)
    expect(legend.filter(has_text=hostile)).to_have_count(1)
    assert chart.get_by_test_id("y-tick").count() >= 3
    assert chart.get_by_test_id("x-tick").count() >= 3
    for path in chart.get_by_test_id("chart-line").all():
        assert re.fullmatch(r"(M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+)+", path.get_attribute("d") or "")
    # Hovering the plot shows the time and each series' value there.
    overlay = chart.get_by_test_id("chart-overlay")
    overlay.hover(position={"x": overlay.bounding_box()["width"] - 2, "y": 20})
    tooltip = chart.get_by_test_id("chart-tooltip")
    expect(tooltip.locator("tr")).to_have_count(2)
    expect(tooltip.locator("tr").filter(has_text='queue="a"').locator("td").nth(2)).to_have_text(
        "5"
    )
    expect(tooltip.locator("tr").filter(has_text=hostile).locator("td").nth(2)).to_have_text("50")
    _no_markup_ran(page)

    # The instant table, and a query the server refuses.
    page.get_by_test_id("metric-view-table").click()
    rows = page.get_by_test_id("metric-row")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text='queue="a"').locator("td").nth(1)).to_have_text("5")
    expect(rows.first).to_contain_text('queue_depth{instance="')
    expect(rows.filter(has_text=hostile).locator("td").nth(1)).to_have_text("50")
    page.get_by_test_id("promql").fill("rate(queue_depth[5m]")
    page.get_by_test_id("metric-run").click()
    expect(page.get_by_role("alert")).to_contain_text("bad_data")


def _iso(seconds: float) -> str:
    """An instant as the page writes it in the URL (JavaScript's toISOString)."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{round(seconds * 1000) % 1000:03d}Z"
    )


def _url_has(name: str, value: str) -> re.Pattern[str]:
    return re.compile(rf"[?&]{name}={re.escape(quote(value, safe=''))}(&|$)")


def test_the_log_histogram_counts_levels_and_zooms_by_click_and_drag(dais: Dais, page: Any) -> None:
    dana = dais.person("obs")
    project = dais.project(dana)
    base = f"{dais.url}/{project['path']}"
    sdk = _Sdk(dais, _ingest_token(dais, dana, project), "api")
    t0 = (int(time.time()) // 60 - 10) * 60  # a whole minute, ten minutes ago

    def at(second: float) -> int:
        return round((t0 + second) * 1e9)

    try:
        for i in range(3):
            sdk.log(SeverityNumber.INFO, f"slice five {i}", at_ns=at(5.2))
        sdk.log(SeverityNumber.WARN, "slice twenty warn", at_ns=at(20.5))
        for i in range(2):
            sdk.log(SeverityNumber.ERROR, f"slice twenty error {i}", at_ns=at(20.6))
        sdk.log(SeverityNumber.DEBUG, f"late {XSS_IMG}", at_ns=at(40.1))
        sdk.flush()
        _logs(dais, dana, project, 7)
    finally:
        sdk.close()

    sign_in(page, dais.url, dana.username, dana.password)
    minute = f"range=custom&from={quote(_iso(t0))}&to={quote(_iso(t0 + 60))}"
    page.goto(f"{base}/-/logs?{minute}")
    histogram = page.get_by_test_id("log-histogram")
    bars = histogram.get_by_test_id("log-histogram-bar")
    # 60 slices of a second; the records in theirs, stacked by level.
    expect(bars).to_have_count(60)
    expect(histogram.get_by_test_id("log-histogram-summary")).to_contain_text(
        "7 records, peak 3 at"
    )
    expect(
        histogram.locator('[data-testid="log-histogram-bar"]:not([data-total="0"])')
    ).to_have_count(3)
    expect(bars.nth(5)).to_have_attribute("data-start", _iso(t0 + 5))
    expect(bars.nth(5)).to_have_attribute("data-total", "3")
    expect(bars.nth(5).locator("rect[data-level]")).to_have_count(1)
    expect(bars.nth(5).locator('rect[data-level="info"]')).to_have_attribute("data-count", "3")
    twenty = bars.nth(20)
    expect(twenty).to_have_attribute("data-total", "3")
    expect(twenty.locator('rect[data-level="warn"]')).to_have_attribute("data-count", "1")
    expect(twenty.locator('rect[data-level="error"]')).to_have_attribute("data-count", "2")
    expect(bars.nth(40).locator('rect[data-level="debug"]')).to_have_attribute("data-count", "1")
    # each bar says its slice and counts, to the pointer and to a screen reader
    expect(twenty.locator("title")).to_contain_text("3 records (warn 1, error 2)")
    expect(twenty).to_have_attribute("aria-label", re.compile(r"3 records \(warn 1, error 2\)"))
    expect(page.get_by_test_id("log-record")).to_have_count(7)

    # A click zooms to the bar's second: the URL's range, the listing and the histogram.
    twenty.click()
    expect(page).to_have_url(_url_has("from", _iso(t0 + 20)))
    expect(page).to_have_url(_url_has("to", _iso(t0 + 21)))
    expect(page).to_have_url(re.compile(r"[?&]range=custom"))
    records = page.get_by_test_id("log-record")
    expect(records.get_by_test_id("log-severity")).to_have_text(["ERROR", "ERROR", "WARN"])
    expect(histogram.get_by_test_id("log-histogram-summary")).to_contain_text("3 records")
    expect(page.get_by_test_id("range")).to_have_value("custom")

    # Back, then a drag from second 5 over to second 20: both slices and what is between.
    page.go_back()
    expect(records).to_have_count(7)
    expect(bars.nth(5)).to_have_attribute("data-start", _iso(t0 + 5))
    five = bars.nth(5).bounding_box()
    page.mouse.move(five["x"] + five["width"] / 2, five["y"] + five["height"] / 2)
    page.mouse.down()
    end = bars.nth(20).bounding_box()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()
    expect(page).to_have_url(_url_has("from", _iso(t0 + 5)))
    expect(page).to_have_url(_url_has("to", _iso(t0 + 21)))
    expect(records).to_have_count(6)
    expect(records.last.get_by_test_id("log-body")).to_have_text(re.compile(r"slice five \d"))

    # Live hides it: the tail has no range to count over.
    page.get_by_test_id("log-live-toggle").click()
    expect(page.get_by_test_id("log-live")).to_be_visible()
    expect(histogram).to_have_count(0)
    _no_markup_ran(page)


def test_the_health_page_of_dais_itself(dais: Dais, page: Any) -> None:
    admin = {"Authorization": f"Bearer {dais.admin_token}"}
    r = dais.http.get("/api/projects/dais%2Fdais", headers=admin)
    assert r.status_code == 200, r.text
    own = r.json()
    # A warning in dais's own project (as dais's log handler would store one).
    r = dais.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": own["id"]},
        headers=admin,
    )
    assert r.status_code == 201, r.text
    probe = _Sdk(dais, r.json()["token"], "probe")
    try:
        probe.log(SeverityNumber.WARN, f"disk nearly full {XSS_SCRIPT}")
        probe.flush()
    finally:
        probe.close()
    logs = f"/api/projects/{own['id']}/telemetry/logs"
    _eventually(
        lambda: dais.http.get(logs, params={"min_severity": 13}, headers=admin).json()["records"],
        lambda got: any(x["body"].startswith("disk nearly full") for x in got),
    )
    # Requests answered, and dais's readings of them stored (rate needs two in its window).
    for _ in range(5):
        assert dais.http.get("/api/user", headers=admin).status_code == 200
    query = f"/api/projects/{own['id']}/prometheus/api/v1/query"
    rates = _eventually(
        lambda: dais.http.get(
            query,
            params={
                "query": "sum by (status) (rate(dais_http_requests[5m]))",
                "time": time.time() - 6,
            },
            headers=admin,
        ).json()["data"]["result"],
        bool,
    )
    assert any(s["metric"]["status"] == "200" for s in rates), rates

    # A plain user: dais's project does not exist for them; their own has no such metrics.
    erin = dais.person("obs")
    mine = dais.project(erin)
    sign_in(page, dais.url, erin.username, erin.password)
    page.goto(f"{dais.url}/dais/dais/-/health")
    expect(page.get_by_role("alert")).to_contain_text("404")
    page.goto(f"{dais.url}/{mine['path']}/-/health")
    expect(page.get_by_test_id("health-empty")).to_contain_text("This project has no such metrics")
    expect(page.get_by_test_id("health-panel")).to_have_count(0)

    # The administrator, from the administration's menu.
    page.context.clear_cookies()
    sign_in(page, dais.url, "admin", ADMIN_PASSWORD)
    page.goto(f"{dais.url}/-/admin/users")
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Health").click()
    expect(page).to_have_url(f"{dais.url}/dais/dais/-/health")
    expect(
        page.get_by_role("navigation", name="Observe").get_by_role("link", name="Health")
    ).to_have_attribute("aria-current", "page")
    page.goto(f"{dais.url}/dais/dais/-/health?range=15m")
    requests = page.locator('[data-testid="health-panel"][data-panel="requests"]')
    expect(requests.get_by_test_id("chart-line").first).to_be_visible()
    expect(requests.get_by_test_id("legend-item").filter(has_text="2xx")).to_have_count(1)
    for panel in ("latency", "in-flight", "memory", "cpu"):
        expect(
            page.locator(f'[data-testid="health-panel"][data-panel="{panel}"]').get_by_test_id(
                "chart-line"
            )
        ).not_to_have_count(0)
    problems = page.get_by_test_id("health-problems")
    warning = problems.get_by_test_id("log-record").filter(has_text="disk nearly full")
    expect(warning.get_by_test_id("log-body")).to_have_text(f"disk nearly full {XSS_SCRIPT}")
    expect(warning.get_by_test_id("log-severity")).to_have_text("WARN")
    expect(page.get_by_test_id("health-slow-row").first).to_be_visible()
    _no_markup_ran(page)
