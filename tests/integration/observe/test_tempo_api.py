"""Tempo's query API of a real `dais serve`, fed by the OpenTelemetry SDK's own OTLP/HTTP span
exporter: a trace by id decodes (protobuf, with the opentelemetry-proto classes) into the
spans sent, search finds traces by TraceQL and by tags, tags and their values list what is
there, bad input is a plain-text 400, and only readers of the project see its traces."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.proto.trace.v1 import trace_pb2
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.id_generator import IdGenerator
from opentelemetry.trace import SpanKind, Status, StatusCode

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
SHORT_ID = 0xABC123  # a trace id with leading zeros: Tempo takes it as "abc123"


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:  # noqa: F811
    root = tmp_path_factory.mktemp("tempo")
    env = server_environment(module_database, root / "data", DAIS_TELEMETRY_FLUSH_INTERVAL="0.2")
    yield from running_forge(env, root)


class _Ids(IdGenerator):
    def __init__(self, trace_id: int) -> None:
        self.trace_id = trace_id

    def generate_trace_id(self) -> int:
        return self.trace_id

    def generate_span_id(self) -> int:
        return random.getrandbits(64) or 1


def _export(forge: Forge, token: str, service: str, trace_id: int, *, fail: bool = False) -> None:
    """A trace through the SDK: checkout (server) -> reserve, charge (client, maybe failing)."""
    provider = TracerProvider(
        resource=Resource.create({"service.name": service}), id_generator=_Ids(trace_id)
    )
    exporter = OTLPSpanExporter(
        endpoint=f"{forge.url}/v1/traces", headers={"Authorization": f"Bearer {token}"}
    )
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("shop.checkout", "1.2")
    with tracer.start_as_current_span(
        "checkout", kind=SpanKind.SERVER, attributes={"http.route": "/cart", "items": 3}
    ):
        with tracer.start_as_current_span("reserve") as reserve:
            reserve.add_event("reserved", {"sku": "A-1"})
        with tracer.start_as_current_span("charge", kind=SpanKind.CLIENT) as charge:
            time.sleep(0.02)
            if fail:
                charge.set_status(Status(StatusCode.ERROR, "card declined"))
    provider.shutdown()


def _ingest_token(forge: Forge, user: User, project: str) -> str:
    r = forge.http.post(
        "/api/user/tokens",
        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
        headers=user.auth,
    )
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


@pytest.fixture(scope="module")
def shop(forge: Forge) -> tuple[User, Project, int]:
    """Two traces of ``shop`` (one failing), and one in another project."""
    alice = forge.user("alice")
    project = forge.project(alice)
    token = _ingest_token(forge, alice, project.id)
    failing = random.getrandbits(128) | 1 << 127
    _export(forge, token, "shop", SHORT_ID)
    _export(forge, token, "shop", failing, fail=True)
    other = forge.project(alice)
    _export(forge, _ingest_token(forge, alice, other.id), "elsewhere", random.getrandbits(127) | 1)
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        r = _get(forge, alice, project, f"traces/{failing:032x}")
        if r.status_code == 200 and len(_spans(r.json()["batches"])) == 3:
            break
        time.sleep(0.2)
    return alice, project, failing


def _get(forge: Forge, user: User, project: Project, route: str, **kwargs: Any) -> Any:
    return forge.http.get(
        f"/api/projects/{project.id}/tempo/api/{route}", headers=user.auth, **kwargs
    )


def _spans(batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for b in batches for scope in b["scopeSpans"] for s in scope["spans"]]


def test_a_trace_by_id_in_protobuf_is_the_spans_sent(
    forge: Forge, shop: tuple[User, Project, int]
) -> None:
    alice, project, failing = shop
    assert _get(forge, alice, project, "echo").text == "echo"
    protobuf = {"Accept": "application/protobuf", **alice.auth}
    r = forge.http.get(
        f"/api/projects/{project.id}/tempo/api/traces/{failing:032x}", headers=protobuf
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/protobuf"
    trace = trace_pb2.TracesData.FromString(r.content)  # tempopb.Trace: the same wire format
    (batch,) = trace.resource_spans
    resource = {kv.key: kv.value.string_value for kv in batch.resource.attributes}
    assert resource["service.name"] == "shop"
    (scope,) = batch.scope_spans
    assert (scope.scope.name, scope.scope.version) == ("shop.checkout", "1.2")
    spans = {span.name: span for span in scope.spans}
    assert set(spans) == {"checkout", "reserve", "charge"}
    root, charge = spans["checkout"], spans["charge"]
    assert root.trace_id == failing.to_bytes(16, "big") and root.parent_span_id == b""
    assert charge.parent_span_id == root.span_id == spans["reserve"].parent_span_id
    assert root.kind == trace_pb2.Span.SPAN_KIND_SERVER
    assert charge.kind == trace_pb2.Span.SPAN_KIND_CLIENT
    assert charge.status.code == trace_pb2.Status.STATUS_CODE_ERROR
    assert charge.status.message == "card declined"
    assert charge.end_time_unix_nano - charge.start_time_unix_nano >= 20_000_000
    attributes = {kv.key: kv.value for kv in root.attributes}
    assert attributes["http.route"].string_value == "/cart"
    assert attributes["items"].string_value == "3"  # stored as text, answered as text
    (event,) = spans["reserve"].events
    assert event.name == "reserved" and event.attributes[0].value.string_value == "A-1"
    # v2 wraps it in TraceByIDResponse (field 1)
    r = forge.http.get(
        f"/api/projects/{project.id}/tempo/api/v2/traces/{failing:032x}", headers=protobuf
    )
    assert r.content[0] == 0x0A
    length, at = 0, 1
    for shift in range(0, 64, 7):
        length |= (r.content[at] & 0x7F) << shift
        at += 1
        if not r.content[at - 1] & 0x80:
            break
    assert trace_pb2.TracesData.FromString(r.content[at : at + length]) == trace
    assert at + length == len(r.content)


def test_a_trace_by_id_in_json_and_by_a_short_id(
    forge: Forge, shop: tuple[User, Project, int]
) -> None:
    alice, project, failing = shop
    r = _get(forge, alice, project, f"traces/{failing:032X}")
    assert r.status_code == 200
    assert {s["name"] for s in _spans(r.json()["batches"])} == {"checkout", "reserve", "charge"}
    r = _get(forge, alice, project, f"v2/traces/{failing:032x}")
    assert len(_spans(r.json()["trace"]["resourceSpans"])) == 3
    r = _get(forge, alice, project, "traces/abc123")  # left-padded to 32 digits
    assert r.status_code == 200 and len(_spans(r.json()["batches"])) == 3
    for bad in ("xyz", "a" * 33):
        r = _get(forge, alice, project, f"traces/{bad}")
        assert r.status_code == 400, (bad, r.text)
    r = _get(forge, alice, project, f"traces/{'f' * 32}")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")


def _search(forge: Forge, alice: User, project: Project, **params: Any) -> list[dict[str, Any]]:
    now = int(time.time())
    params = {"start": now - 3600, "end": now + 60, **params}
    r = _get(forge, alice, project, "search", params=params)
    assert r.status_code == 200, r.text
    traces: list[dict[str, Any]] = r.json()["traces"]
    return traces


def test_search_by_traceql_and_by_tags(forge: Forge, shop: tuple[User, Project, int]) -> None:
    alice, project, failing = shop
    short = f"{SHORT_ID:032x}"
    every = _search(forge, alice, project)
    assert {t["traceID"] for t in every} == {short, f"{failing:032x}"}
    (found,) = [t for t in every if t["traceID"] == short]
    assert found["rootServiceName"] == "shop" and found["rootTraceName"] == "checkout"
    assert int(found["startTimeUnixNano"]) > 0 and found["durationMs"] >= 20
    q = '{ resource.service.name = "shop" && name = "charge" && status = error }'
    assert [t["traceID"] for t in _search(forge, alice, project, q=q)] == [f"{failing:032x}"]
    q = '{ span.http.route = "/cart" && duration > 10ms && kind = server && .items >= 3 }'
    assert len(_search(forge, alice, project, q=q)) == 2
    assert _search(forge, alice, project, q="{ duration > 1h }") == []
    assert _search(forge, alice, project, q='{ name =~ "char.*" && span.items = 4 }') == []
    assert len(_search(forge, alice, project, q="{}", limit=1)) == 1
    assert len(_search(forge, alice, project, tags="service.name=shop http.route=/cart")) == 2
    assert _search(forge, alice, project, tags="service.name=elsewhere") == []  # other project
    assert len(_search(forge, alice, project, minDuration="10ms", maxDuration="1m")) == 2
    assert _search(forge, alice, project, minDuration="1h") == []


def test_tags_and_their_values(forge: Forge, shop: tuple[User, Project, int]) -> None:
    alice, project, _ = shop
    r = _get(forge, alice, project, "search/tags")
    assert {"http.route", "items", "service.name"} <= set(r.json()["tagNames"])
    scopes = {
        s["name"]: s["tags"] for s in _get(forge, alice, project, "v2/search/tags").json()["scopes"]
    }
    assert "http.route" in scopes["span"] and "service.name" in scopes["resource"]
    assert "duration" in scopes["intrinsic"]
    r = _get(forge, alice, project, "search/tags", params={"scope": "resource"})
    assert "http.route" not in r.json()["tagNames"]
    r = _get(forge, alice, project, "search/tag/service.name/values")
    assert r.json()["tagValues"] == ["shop"]
    r = _get(forge, alice, project, "v2/search/tag/resource.service.name/values")
    assert r.json()["tagValues"] == [{"type": "string", "value": "shop"}]
    r = _get(forge, alice, project, "v2/search/tag/status/values")
    assert {v["value"] for v in r.json()["tagValues"]} == {"unset", "error"}
    r = _get(forge, alice, project, "v2/search/tag/name/values", params={"q": "{ status = error }"})
    assert r.json()["tagValues"] == [{"type": "string", "value": "charge"}]
    assert _get(forge, alice, project, "v2/search/tag/bogus/values").status_code == 400


def test_bad_input_is_a_plain_text_400(forge: Forge, shop: tuple[User, Project, int]) -> None:
    alice, project, _ = shop
    for q, words in {
        '{ name = "x" || name = "y" }': "|| is not supported; join with && at position 13",
        '{ name =~ "(" }': "not a valid RE2",
        "{ duration > fast }": "duration compares",
        "{ bogus = 1 }": "unknown field 'bogus' at position 2",
        "{" * 4000: "expected a field",
        '{ name = "x" } | count() > 1': "only one spanset filter",
    }.items():
        r = _get(forge, alice, project, "search", params={"q": q})
        assert r.status_code == 400, (q[:30], r.text)
        assert r.headers["content-type"].startswith("text/plain") and words in r.text, r.text
    # Past the length a query string may carry: refused before TraceQL reads it.
    r = _get(forge, alice, project, "search", params={"q": "{" * 5000})
    assert r.status_code == 400 and "q: Expected `str` of length <= 4096" in r.text
    r = _get(forge, alice, project, "search", params={"minDuration": "soon"})
    assert r.status_code == 400 and "minDuration" in r.text
    r = _get(forge, alice, project, "search", params={"tags": 'a="unclosed'})
    assert r.status_code == 400 and "tags" in r.text


def test_only_readers_see_a_projects_traces(forge: Forge, shop: tuple[User, Project, int]) -> None:
    alice, project, failing = shop
    url = f"/api/projects/{project.id}/tempo/api/traces/{failing:032x}"
    assert forge.http.get(url).status_code == 401
    assert forge.http.get(f"/api/projects/{project.id}/tempo/api/search").status_code == 401
    stranger = forge.user("mallory")
    assert forge.http.get(url, headers=stranger.auth).status_code == 404
    reader = forge.user("reader", scopes=("project:read",))
    forge.add_member(project, alice, reader, "developer")
    r = forge.http.get(url, headers=reader.auth)
    assert r.status_code == 403 and "observe:read" in r.text
