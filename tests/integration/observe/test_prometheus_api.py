"""The Prometheus HTTP API of a real `dais serve`, fed by the OpenTelemetry SDK: a counter, a
gauge and a histogram, from one service exporting cumulative points and one exporting
deltas, then read back as Grafana's Prometheus data source reads them (query, query_range,
series, labels, label values, metadata, build info), with the numbers checked against what
was recorded; and every refusal in Prometheus's error shape."""

from __future__ import annotations

import base64
import dataclasses
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.sdk.metrics import Counter, Histogram, MeterProvider
from opentelemetry.sdk.metrics.export import (
    AggregationTemporality,
    InMemoryMetricReader,
    MetricExportResult,
    MetricsData,
)
from opentelemetry.sdk.metrics.view import ExplicitBucketHistogramAggregation, View
from opentelemetry.sdk.resources import Resource

from tests.integration.gitserver.conftest import (
    Forge,
    Project,
    User,
    module_database,
    running_forge,
    server_environment,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

__all__ = ["module_database"]  # the fixture, imported for this module's server

PATIENCE = 30.0
TICK = timedelta(seconds=15)
TICKS = 41  # ten minutes of points, 15 s apart
#: Each tick, every service adds this to the counter and records these durations (ms).
ADDED = 3
DURATIONS = (5.0, 20.0, 80.0, 300.0)
BOUNDS = (10.0, 50.0, 100.0, 500.0)


@dataclasses.dataclass
class Shop:
    forge: Forge
    owner: User
    project: Project
    start: datetime  # the first tick's time

    @property
    def end(self) -> datetime:
        return self.start + TICK * (TICKS - 1)

    @property
    def base(self) -> str:
        return f"/api/projects/{self.project.id}/prometheus/api/v1"

    def get(self, path: str, user: User | None = None, **params: Any) -> httpx.Response:
        headers = (user or self.owner).auth
        return self.forge.http.get(f"{self.base}/{path}", params=params, headers=headers)

    def data(self, path: str, **params: Any) -> Any:
        r = self.get(path, **params)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "success", body
        return body["data"]


def _ingest_token(forge: Forge, user: User, project: str) -> str:
    r = forge.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
        headers=user.auth,
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


def _at(data: MetricsData, time_ns: int, start_ns: int) -> MetricsData:
    """The SDK's collection, stamped as if collected at ``time_ns`` (the test cannot wait
    ten minutes): every point's time, and its start time where it has one."""

    def point(p: Any) -> Any:
        start = None if p.start_time_unix_nano is None else start_ns
        return dataclasses.replace(p, time_unix_nano=time_ns, start_time_unix_nano=start)

    return dataclasses.replace(
        data,
        resource_metrics=[
            dataclasses.replace(
                rm,
                scope_metrics=[
                    dataclasses.replace(
                        sm,
                        metrics=[
                            dataclasses.replace(
                                m,
                                data=dataclasses.replace(
                                    m.data, data_points=[point(p) for p in m.data.data_points]
                                ),
                            )
                            for m in sm.metrics
                        ],
                    )
                    for sm in rm.scope_metrics
                ],
            )
            for rm in data.resource_metrics
        ],
    )


def _send(forge: Forge, token: str, service: str, delta: bool, start: datetime) -> None:
    """What the SDK's instruments collect over TICKS ticks, exported to dais tick by tick."""
    temporality = AggregationTemporality.DELTA if delta else AggregationTemporality.CUMULATIVE
    reader = InMemoryMetricReader(
        preferred_temporality={Counter: temporality, Histogram: temporality}
    )
    provider = MeterProvider(
        metric_readers=[reader],
        resource=Resource.create({"service.name": service, "service.instance.id": f"{service}-1"}),
        views=[
            View(
                instrument_name="http.server.duration",
                aggregation=ExplicitBucketHistogramAggregation(BOUNDS),
            )
        ],
    )
    meter = provider.get_meter("shop")
    requests = meter.create_counter("http.requests")
    duration = meter.create_histogram("http.server.duration", unit="ms")
    depth = meter.create_gauge("queue.depth")
    exporter = OTLPMetricExporter(
        endpoint=f"{forge.url}/v1/metrics", headers={"Authorization": f"Bearer {token}"}
    )
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    previous = (start - TICK - epoch) // timedelta(microseconds=1) * 1000
    for tick in range(TICKS):
        requests.add(ADDED, {"http.route": "/cart"})
        for value in DURATIONS:
            duration.record(value, {"http.route": "/cart"})
        depth.set(tick, {"queue": "orders"})
        now = (start + TICK * tick - epoch) // timedelta(microseconds=1) * 1000
        began = previous if delta else (start - TICK - epoch) // timedelta(microseconds=1) * 1000
        assert (
            exporter.export(_at(reader.get_metrics_data(), now, began))
            is MetricExportResult.SUCCESS
        )
        previous = now
    provider.shutdown()


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:
    root = tmp_path_factory.mktemp("prometheus")
    env = server_environment(module_database, root / "data", DAIS_TELEMETRY_FLUSH_INTERVAL="0.2")
    yield from running_forge(env, root)


@pytest.fixture(scope="module")
def shop(forge: Forge) -> Shop:
    owner = forge.user("alice")
    project = forge.project(owner)
    token = _ingest_token(forge, owner, project.id)
    start = (datetime.now(UTC) - timedelta(minutes=15)).replace(second=0, microsecond=0)
    _send(forge, token, "checkout", delta=False, start=start)
    _send(forge, token, "billing", delta=True, start=start)
    shop = Shop(forge, owner, project, start)
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:  # until the store has flushed every point
        got = shop.data("query", query="count_over_time(queue_depth[15m])", time=_unix(shop.end))
        if sorted(float(s["value"][1]) for s in got["result"]) == [TICKS, TICKS]:
            break
        time.sleep(0.2)
    return shop


def _unix(moment: datetime) -> str:
    return f"{moment.timestamp():.3f}"


def _values(data: dict[str, Any]) -> dict[str, float]:
    """An instant vector's values by service."""
    assert data["resultType"] == "vector", data
    return {s["metric"].get("service_name", ""): float(s["value"][1]) for s in data["result"]}


def test_a_counter_rates_the_same_for_cumulative_and_delta_points(shop: Shop) -> None:
    at = _unix(shop.end)
    rate = shop.data("query", query="rate(http_requests[5m])", time=at)
    per_second = ADDED / TICK.total_seconds()
    assert _values(rate) == pytest.approx({"checkout": per_second, "billing": per_second})
    for sample in rate["result"]:  # rate() drops the name, keeps the labels Prometheus sets
        metric = sample["metric"]
        assert "__name__" not in metric and metric["http_route"] == "/cart"
        assert metric["job"] == metric["service_name"]
        assert metric["instance"] == f"{metric['service_name']}-1"
        assert sample["value"][0] == pytest.approx(shop.end.timestamp())
    increase = shop.data("query", query="increase(http_requests[5m])", time=at)
    assert _values(increase) == pytest.approx({"checkout": 60.0, "billing": 60.0})
    total = shop.data("query", query="sum(rate(http_requests[5m]))", time=at)
    assert _values(total) == pytest.approx({"": 2 * per_second})
    by_service = shop.data(
        "query", query='sum by (service_name) (irate({"http.requests"}[1m]))', time=at
    )
    assert _values(by_service) == pytest.approx({"checkout": per_second, "billing": per_second})
    # The cumulative counter's own value: everything added so far.
    raw = shop.data("query", query='http_requests{service_name="checkout"}', time=at)
    assert _values(raw) == {"checkout": ADDED * TICKS}
    assert raw["result"][0]["metric"]["__name__"] == "http_requests"


def test_a_range_query_steps_through_the_rate(shop: Shop) -> None:
    data = shop.data(
        "query_range",
        query="sum by (service_name) (rate(http_requests[5m]))",
        start=(shop.start + timedelta(minutes=5)).isoformat().replace("+00:00", "Z"),
        end=_unix(shop.end),
        step="60s",
    )
    assert data["resultType"] == "matrix"
    per_second = ADDED / TICK.total_seconds()
    by_service = {s["metric"]["service_name"]: s["values"] for s in data["result"]}
    assert set(by_service) == {"checkout", "billing"}
    for values in by_service.values():
        times = [t for t, _ in values]
        first = (shop.start + timedelta(minutes=5)).timestamp()
        assert times == [first + 60 * i for i in range(6)]
        assert [float(v) for _, v in values] == pytest.approx([per_second] * 6)
    scalar = shop.data(
        "query_range", query="1 + 1", start=_unix(shop.start), end=_unix(shop.end), step=300
    )
    assert scalar["result"] == [
        {
            "metric": {},
            "values": [
                [shop.start.timestamp(), "2"],
                [shop.start.timestamp() + 300, "2"],
                [shop.start.timestamp() + 600, "2"],
            ],
        }
    ]


def test_histogram_quantiles_follow_the_recorded_durations(shop: Shop) -> None:
    at = _unix(shop.end)
    # Per tick, one duration in each of (0,10], (10,50], (50,100], (100,500]: the 40th
    # percentile lies 60% into the second bucket.
    expected = 10.0 + 40.0 * 0.6
    quantile = shop.data(
        "query",
        query="histogram_quantile(0.4,"
        " sum by (le, service_name) (rate(http_server_duration_bucket[5m])))",
        time=at,
    )
    assert _values(quantile) == pytest.approx({"checkout": expected, "billing": expected})
    cumulative = shop.data(
        "query",
        query='histogram_quantile(0.4, http_server_duration_bucket{service_name="checkout"})',
        time=at,
    )
    assert _values(cumulative) == pytest.approx({"checkout": expected})
    buckets = shop.data(
        "query", query='http_server_duration_bucket{service_name="checkout"}', time=at
    )
    les = {s["metric"]["le"]: float(s["value"][1]) for s in buckets["result"]}
    assert les == {
        "10": TICKS,
        "50": 2 * TICKS,
        "100": 3 * TICKS,
        "500": 4 * TICKS,
        "+Inf": 4 * TICKS,
    }
    count = shop.data("query", query="increase(http_server_duration_count[5m])", time=at)
    assert _values(count) == pytest.approx({"checkout": 80.0, "billing": 80.0})
    total = shop.data("query", query='http_server_duration_sum{service_name="checkout"}', time=at)
    assert _values(total) == {"checkout": sum(DURATIONS) * TICKS}
    only_inf = shop.data(
        "query", query='http_server_duration_bucket{le=~"[+]Inf", service_name="billing"}', time=at
    )
    assert [s["metric"]["le"] for s in only_inf["result"]] == ["+Inf"]


def test_a_gauge_reads_its_latest_value_within_the_lookback(shop: Shop) -> None:
    now = shop.data("query", query='queue_depth{queue="orders"}', time=_unix(shop.end))
    assert _values(now) == {"checkout": TICKS - 1, "billing": TICKS - 1}
    later = shop.data("query", query="queue_depth", time=_unix(shop.end + timedelta(minutes=4)))
    assert _values(later) == {"checkout": TICKS - 1, "billing": TICKS - 1}
    gone = shop.data("query", query="queue_depth", time=_unix(shop.end + timedelta(minutes=6)))
    assert gone["result"] == []
    two_minutes_ago = shop.data("query", query="max(queue_depth offset 2m)", time=_unix(shop.end))
    assert _values(two_minutes_ago) == {"": TICKS - 1 - 8}
    above = shop.data("query", query="queue_depth > bool 100", time=_unix(shop.end))
    assert _values(above) == {"checkout": 0.0, "billing": 0.0}
    scalar = shop.data("query", query="2 * 3", time=_unix(shop.end))
    assert scalar == {"resultType": "scalar", "result": [shop.end.timestamp(), "6"]}
    matrix = shop.data(
        "query", query='queue_depth{service_name="billing"}[1m]', time=_unix(shop.end)
    )
    assert matrix["resultType"] == "matrix"
    assert [float(v) for _, v in matrix["result"][0]["values"]] == [
        TICKS - 4,
        TICKS - 3,
        TICKS - 2,
        TICKS - 1,
    ]


def test_series_labels_values_and_metadata_list_what_was_sent(shop: Shop) -> None:
    window = {"start": _unix(shop.start), "end": _unix(shop.end)}
    names = shop.data("label/__name__/values", **window)
    assert {
        "http_requests",
        "queue_depth",
        "http_server_duration_bucket",
        "http_server_duration_sum",
        "http_server_duration_count",
    } <= set(names)
    assert names == sorted(names)
    labels = shop.data("labels", **window)
    assert {"__name__", "http_route", "instance", "job", "le", "queue", "service_name"} <= set(
        labels
    )
    assert shop.data("labels", **window, **{"match[]": "queue_depth"}) == [
        "__name__",
        "instance",
        "job",
        "queue",
        "service_name",
    ]
    services = shop.data("label/service_name/values", **window)
    assert services == ["billing", "checkout"]
    series = shop.data(
        "series", **window, **{"match[]": ['queue_depth{service_name="billing"}', "http_requests"]}
    )
    assert sorted((s["__name__"], s["service_name"]) for s in series) == [
        ("http_requests", "billing"),
        ("http_requests", "checkout"),
        ("queue_depth", "billing"),
    ]
    metadata = shop.data("metadata")
    assert metadata["http_requests"] == [{"type": "counter", "help": "", "unit": ""}]
    assert metadata["queue_depth"][0]["type"] == "gauge"
    assert metadata["http_server_duration"] == [{"type": "histogram", "help": "", "unit": "ms"}]
    assert set(shop.data("metadata", metric="queue_depth")) == {"queue_depth"}
    info = shop.data("status/buildinfo")
    assert info["version"].startswith("3.")


def test_grafana_authenticates_with_basic_auth(shop: Shop) -> None:
    token = shop.owner.token
    basic = base64.b64encode(f"grafana:{token}".encode()).decode()
    r = shop.forge.http.get(
        f"{shop.base}/query", params={"query": "1+1"}, headers={"Authorization": f"Basic {basic}"}
    )
    assert r.status_code == 200 and r.json()["data"]["result"][1] == "2", r.text


def test_grafana_posts_its_queries_as_forms(shop: Shop) -> None:
    form = shop.forge.http.post(
        f"{shop.base}/query_range",
        data={
            "query": "sum(rate(http_requests[5m]))",
            "start": _unix(shop.end - timedelta(minutes=2)),
            "end": _unix(shop.end),
            "step": "60",
        },
        headers=shop.owner.auth,
    )
    assert form.status_code == 200, form.text
    values = form.json()["data"]["result"][0]["values"]
    assert [float(v) for _, v in values] == pytest.approx([2 * ADDED / TICK.total_seconds()] * 3)
    labels = shop.forge.http.post(
        f"{shop.base}/labels", data={"match[]": "queue_depth"}, headers=shop.owner.auth
    )
    assert labels.status_code == 200 and "queue" in labels.json()["data"], labels.text
    # A query too long for a URL travels in the form, and is refused by its length.
    huge = shop.forge.http.post(
        f"{shop.base}/query", data={"query": "1+" * 500_000 + "1"}, headers=shop.owner.auth
    )
    _refusal(huge, 400, "bad_data", "16384 bytes")


def _refusal(r: httpx.Response, status: int, kind: str, words: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == "error" and body["errorType"] == kind, body
    assert words in body["error"], body


def test_refusals_are_prometheus_errors(shop: Shop, forge: Forge) -> None:
    at = _unix(shop.end)
    _refusal(shop.get("query"), 400, "bad_data", "query")
    _refusal(shop.get("query", query="rate(http_requests)"), 400, "bad_data", "position 6")
    _refusal(shop.get("query", query="nonsense(x)"), 400, "bad_data", "unknown function nonsense")
    _refusal(shop.get("query", query='x{a=~"(("}'), 400, "bad_data", "RE2")
    _refusal(shop.get("query", query="(" * 1000 + "1" + ")" * 1000), 400, "bad_data", "nested")
    _refusal(shop.get("query", query="up", time="yesterday"), 400, "bad_data", '"time"')
    _refusal(shop.get("query", query="up", time="1e30"), 400, "bad_data", '"time"')
    _refusal(shop.get("query", query="up", timeout="soon"), 400, "bad_data", '"timeout"')
    _refusal(shop.get("query_range", query="up", start=at, end=at), 400, "bad_data", "step")
    _refusal(
        shop.get("query_range", query="up", start=at, end=at, step="0"), 400, "bad_data", "step"
    )
    _refusal(
        shop.get("query_range", query="up", start="0", end=at, step="1"), 400, "bad_data", "11,000"
    )
    _refusal(
        shop.get("query_range", query="up", start=at, end="0", step="15s"),
        400,
        "bad_data",
        "before start",
    )
    _refusal(
        shop.get("query_range", query="up", start=at, end=at, step="fast"),
        400,
        "bad_data",
        '"step"',
    )
    _refusal(
        shop.get("query_range", query="rate(up[5m])[5m]", start=at, end=at, step="1"),
        400,
        "bad_data",
        "range",
    )
    _refusal(shop.get("series"), 400, "bad_data", "match[]")
    _refusal(shop.get("series", **{"match[]": "1 + 1"}), 400, "bad_data", "selector")
    _refusal(shop.get("label/not-a-label/values"), 400, "bad_data", "label name")
    _refusal(shop.get("query", query="http_requests[40d]", time=at), 400, "bad_data", "31 days")
    # Two series that lose their names become one label set: Prometheus refuses, as here.
    _refusal(
        shop.get(
            "query", query='rate({__name__=~"http_server_duration_(sum|count)"}[5m])', time=at
        ),
        422,
        "execution",
        "same labelset",
    )
    # A POST's parameters are a form, as Grafana sends them.
    as_json = forge.http.post(f"{shop.base}/query", json={"query": "1"}, headers=shop.owner.auth)
    _refusal(as_json, 400, "bad_data", "application/x-www-form-urlencoded")
    # Who may ask is settled first (before any parameter is read), as on every dais route.
    url = f"{shop.base}/query"
    _problem(forge.http.get(url), 401, "sign in")
    stranger = forge.user("mallory")
    _problem(shop.get("query", stranger, query="1"), 404, "does not exist")
    # An ingest token only writes: the project is not one it can see.
    ingest = _ingest_token(forge, shop.owner, shop.project.id)
    r = forge.http.get(url, params={"query": "1"}, headers={"Authorization": f"Bearer {ingest}"})
    _problem(r, 404, "does not exist")
    reader_only = forge.user("rita", scopes=("project:read",))
    forge.add_member(shop.project, shop.owner, reader_only, "viewer")
    _problem(shop.get("query", reader_only, query="1"), 403, "observe:read")
    _problem(shop.get("label/not-a-label/values", reader_only), 403, "observe:read")


def _problem(r: httpx.Response, status: int, words: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    assert words in r.json()["detail"], r.text


def test_a_project_sees_only_its_own_metrics(shop: Shop, forge: Forge) -> None:
    other = forge.project(shop.owner)
    token = _ingest_token(forge, shop.owner, other.id)
    provider = MeterProvider(
        metric_readers=[reader := InMemoryMetricReader()],
        resource=Resource.create({"service.name": "elsewhere"}),
    )
    provider.get_meter("other").create_counter("other.requests").add(1)
    exporter = OTLPMetricExporter(
        endpoint=f"{forge.url}/v1/metrics", headers={"Authorization": f"Bearer {token}"}
    )
    assert exporter.export(reader.get_metrics_data()) is MetricExportResult.SUCCESS
    provider.shutdown()
    theirs = f"/api/projects/{other.id}/prometheus/api/v1/query"
    deadline = time.monotonic() + PATIENCE
    while True:
        r = forge.http.get(theirs, params={"query": "other_requests"}, headers=shop.owner.auth)
        if r.json()["data"]["result"] or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert [s["metric"]["service_name"] for s in r.json()["data"]["result"]] == ["elsewhere"]
    mine = shop.data("query", query='{__name__=~"other.*"}')
    assert mine["result"] == []
    assert "elsewhere" not in shop.data("label/service_name/values")
