"""Loki's query API of a real `dais serve`, fed by the OpenTelemetry SDK's own OTLP/HTTP log
exporter: LogQL log and metric queries answer exactly the records sent, labels, values and
series list what is there, bad queries are plain-text 400s naming the position, and only
readers of the project see its logs."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry._logs import SeverityNumber
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
from opentelemetry.sdk.resources import Resource

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
MINUTE = 60 * 10**9
# A minute boundary a few minutes back: every record sits in the minute after it.
BASE = (time.time_ns() // MINUTE - 5) * MINUTE


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:  # noqa: F811
    root = tmp_path_factory.mktemp("loki")
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


def _send(
    forge: Forge, token: str, service: str, records: list[tuple[int, SeverityNumber, str]]
) -> None:
    """Log records through the SDK: (seconds after BASE, severity, body)."""
    provider = LoggerProvider(
        resource=Resource.create({"service.name": service, "k8s.namespace.name": "shop"})
    )
    exporter = OTLPLogExporter(
        endpoint=f"{forge.url}/v1/logs", headers={"Authorization": f"Bearer {token}"}
    )
    provider.add_log_record_processor(SimpleLogRecordProcessor(exporter))
    logger = provider.get_logger("tests.loki")
    for seconds, severity, body in records:
        logger.emit(
            timestamp=BASE + seconds * 10**9,
            severity_number=severity,
            severity_text=severity.name,
            body=body,
            attributes={"http.route": "/cart"},
        )
    provider.shutdown()


@pytest.fixture(scope="module")
def shop(forge: Forge) -> tuple[User, Project]:
    """A project with checkout's and search's logs, and another project with its own."""
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    E, N, W = SeverityNumber.ERROR, SeverityNumber.INFO, SeverityNumber.WARN  # noqa: N806
    _send(
        forge,
        token,
        "checkout",
        [
            (5, E, json.dumps({"status": 503, "msg": "upstream timeout"})),
            (10, N, json.dumps({"status": 200, "msg": "timeout, retried"})),
            (15, E, json.dumps({"status": 500, "msg": "db timeout"})),
            (20, E, json.dumps({"status": 502, "msg": "bad gateway"})),
            (25, W, "plain timeout line"),
            (30, N, 'method=GET status=404 msg="not found"'),
        ],
    )
    _send(forge, token, "search", [(12, E, json.dumps({"status": 500, "msg": "timeout"}))])
    other = forge.project(alice)
    _send(
        forge,
        _ingest_token(forge, alice, other.id),
        "checkout",
        [(8, E, json.dumps({"status": 599, "msg": "other project timeout"}))],
    )
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        r = _get(forge, alice, project, "query_range", query='{k8s_namespace_name="shop"}')
        if r.status_code == 200 and sum(len(s["values"]) for s in r.json()["data"]["result"]) == 7:
            break
        time.sleep(0.2)
    return alice, project


def _get(forge: Forge, user: User, project: Project, route: str, **params: Any) -> Any:
    params.setdefault("start", str(BASE))
    params.setdefault("end", str(BASE + 2 * MINUTE))
    return forge.http.get(
        f"/api/projects/{project.id}/loki/api/v1/{route}", params=params, headers=user.auth
    )


def _lines(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "success" and body["data"]["resultType"] == "streams"
    values = [v for s in body["data"]["result"] for v in s["values"]]
    return [line for _, line in sorted(values, key=lambda v: int(v[0]))]


def test_log_queries_answer_exactly_the_matching_lines(
    forge: Forge, shop: tuple[User, Project]
) -> None:
    alice, project = shop
    query = '{service_name="checkout"} |= "timeout" | json | status >= 500'
    r = _get(forge, alice, project, "query_range", query=query)
    assert _lines(r) == [
        json.dumps({"status": 503, "msg": "upstream timeout"}),
        json.dumps({"status": 500, "msg": "db timeout"}),
    ]
    stream = r.json()["data"]["result"][0]
    assert stream["stream"]["service_name"] == "checkout"
    assert stream["stream"]["k8s_namespace_name"] == "shop"
    assert stream["stream"]["http_route"] == "/cart"  # structured metadata, dots as _
    assert stream["stream"]["detected_level"] == "error" and stream["stream"]["status"] in (
        "503",
        "500",
    )
    nanos, _ = stream["values"][0]
    assert isinstance(nanos, str) and BASE < int(nanos) < BASE + MINUTE
    # newest first, limited; forward gives the oldest
    r = _get(forge, alice, project, "query_range", query='{service_name="checkout"}', limit=2)
    assert _lines(r) == ["plain timeout line", 'method=GET status=404 msg="not found"']
    r = _get(
        forge,
        alice,
        project,
        "query_range",
        query='{service_name="checkout"}',
        limit=1,
        direction="forward",
    )
    assert _lines(r) == [json.dumps({"status": 503, "msg": "upstream timeout"})]
    # level from the severity, regular expressions anchored, logfmt and line_format
    r = _get(
        forge, alice, project, "query_range", query='{service_name=~"check.*", level=~"warn|info"}'
    )
    assert len(_lines(r)) == 3
    assert _lines(_get(forge, alice, project, "query_range", query='{service_name=~"check"}')) == []
    query = (
        '{service_name="checkout"} | logfmt | status == 404 | line_format "{{.method}} {{.msg}}"'
    )
    assert _lines(_get(forge, alice, project, "query_range", query=query)) == ["GET not found"]
    query = (
        '{service_name="checkout"} |~ "time(out)?" != "retried" | json | __error__="JSONParserErr"'
    )
    assert _lines(_get(forge, alice, project, "query_range", query=query)) == ["plain timeout line"]
    # RFC 3339 times work as well as nanoseconds
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(BASE // 10**9))
    r = _get(forge, alice, project, "query_range", query='{service_name="search"}', start=start)
    assert _lines(r) == [json.dumps({"status": 500, "msg": "timeout"})]


def test_metric_queries_count_right(forge: Forge, shop: tuple[User, Project]) -> None:
    alice, project = shop
    query = 'sum by (level) (count_over_time({service_name="checkout"}[1m]))'
    r = _get(forge, alice, project, "query_range", query=query, step="60")
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["resultType"] == "matrix"
    at = (BASE + MINUTE) // 10**9
    counts = {s["metric"]["level"]: s["values"] for s in data["result"]}
    assert counts == {"error": [[at, "3"]], "info": [[at, "2"]], "warn": [[at, "1"]]}
    query = 'sum(rate({service_name=~".+"} |= "timeout" [1m]))'
    r = _get(forge, alice, project, "query", query=query, time=str(BASE + MINUTE))
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["resultType"] == "vector"
    # four of checkout's lines and search's one hold "timeout"
    ((answer,),) = [[s for s in data["result"] if s["metric"] == {}]]
    assert answer["value"][0] == at and float(answer["value"][1]) == pytest.approx(5 / 60)
    query = 'count by (service_name) (count_over_time({k8s_namespace_name="shop"} | json [2m]))'
    r = _get(forge, alice, project, "query", query=query, time=str(BASE + MINUTE))
    per_service = {s["metric"]["service_name"]: s["value"][1] for s in r.json()["data"]["result"]}
    # json extracts status and msg, so every checkout line but the two non-JSON is its own
    # series (4) and those two carry __error__ with their own levels (2): 6; search has 1
    assert per_service == {"checkout": "6", "search": "1"}
    r = _get(
        forge,
        alice,
        project,
        "query",
        query='bytes_over_time({service_name="search"}[5m])',
        time=str(BASE + MINUTE),
    )
    assert r.json()["data"]["result"][0]["value"][1] == str(
        len(json.dumps({"status": 500, "msg": "timeout"}))
    )


def test_labels_values_series_and_stats(forge: Forge, shop: tuple[User, Project]) -> None:
    alice, project = shop
    r = _get(forge, alice, project, "labels")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "success"
    # every resource attribute is a stream label (the SDK adds telemetry.sdk.* and the
    # service instance), its dots as underscores
    assert {"k8s_namespace_name", "service_name", "telemetry_sdk_language"} <= set(r.json()["data"])
    assert r.json()["data"] == sorted(r.json()["data"])
    r = _get(forge, alice, project, "label/service_name/values")
    assert r.json()["data"] == ["checkout", "search"]  # not the other project's
    r = _get(forge, alice, project, "label/level/values", query='{service_name="checkout"}')
    assert r.json()["data"] == ["error", "info", "warn"]
    r = _get(forge, alice, project, "series", **{"match[]": '{service_name="search"}'})
    (stream,) = r.json()["data"]
    assert stream["service_name"] == "search" and stream["k8s_namespace_name"] == "shop"
    assert "http_route" not in stream  # structured metadata is not a stream label
    r = _get(forge, alice, project, "index/stats", query='{service_name="checkout"}')
    assert r.json()["streams"] == 1 and r.json()["entries"] == 6


def test_bad_queries_are_plain_text_400s(forge: Forge, shop: tuple[User, Project]) -> None:
    alice, project = shop
    cases = {
        '{service_name="checkout"': "at position 24",
        '{service_name=~"("}': "not a valid RE2 regular expression",
        '{service_name="x"} | unwrap latency': "the unwrap stage is not supported at position 21",
        "(" * 100 + 'count_over_time({a="b"}[1m])' + ")" * 100: "nested deeper than 64 levels",
        '{service_name="x"}': None,
    }
    for query, words in cases.items():
        r = _get(forge, alice, project, "query_range", query=query)
        if words is None:
            assert r.status_code == 200
            continue
        assert r.status_code == 400, (query[:40], r.text)
        assert r.headers["content-type"].startswith("text/plain") and words in r.text
    r = _get(forge, alice, project, "query_range", query='{service_name=~"("}')
    assert r.text.endswith("at position 1")
    r = _get(forge, alice, project, "query", query='{service_name="x"}')
    assert r.status_code == 400 and "instant query" in r.text
    for start in ("yesterday", "9" * 19, "99999999999.5", "0001-01-01T00:00:00Z"):
        r = _get(forge, alice, project, "query_range", query='{a="b"}', start=start)
        assert r.status_code == 400 and "start" in r.text, (start, r.text)
    r = _get(
        forge,
        alice,
        project,
        "query_range",
        query='{a="b"}',
        start=str(BASE + MINUTE),
        end=str(BASE),
    )
    assert r.status_code == 400
    r = _get(
        forge, alice, project, "query_range", query='count_over_time({a="b"}[1m])', step="0.001"
    )
    assert r.status_code == 400 and "resolution" in r.text
    huge = _get(forge, alice, project, "query_range", query='{a="' + "x" * 20_000 + '"}')
    assert huge.status_code == 400 and "query" in huge.text


def test_only_readers_see_a_projects_logs(forge: Forge, shop: tuple[User, Project]) -> None:
    alice, project = shop
    query = {"query": '{service_name="checkout"}'}
    url = f"/api/projects/{project.id}/loki/api/v1/query_range"
    assert forge.http.get(url, params=query).status_code == 401
    stranger = forge.user("mallory")
    assert forge.http.get(url, params=query, headers=stranger.auth).status_code == 404
    reader = forge.user("reader", scopes=("project:read",))
    forge.add_member(project, alice, reader, "developer")
    r = forge.http.get(url, params=query, headers=reader.auth)
    assert r.status_code == 403 and "observe:read" in r.text
