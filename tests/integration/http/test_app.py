"""The HTTP front through the real ASGI app: system endpoints and error shapes."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import attrs
import httpx
import msgspec
import pytest
from litestar import post
from litestar.params import JSONBody

from dais.errors import Conflict, NotFound, ValidationFailed
from dais.http.app import create_app
from dais.runtime import Actor, AskTimeout, ChildSpec, MailboxFull


class Item(msgspec.Struct):
    name: str
    count: int


@post("/api/_probe/items", sync_to_thread=False)
def create_item(data: JSONBody[Item]) -> dict[str, Any]:
    """A probe handler with a typed body, to exercise the error mapping of the front."""
    if data.name == "taken":
        raise Conflict("an item named 'taken' exists")
    if data.count < 0:
        raise ValidationFailed("count", "must be zero or more")
    return {"name": data.name, "count": data.count}


@post("/api/_probe/missing", sync_to_thread=False)
def missing() -> None:
    raise NotFound("project acme/nope does not exist")


@post("/api/_probe/boom", sync_to_thread=False)
def boom() -> None:
    raise RuntimeError("secret internals")


@post("/api/_probe/full", sync_to_thread=False)
def full() -> None:
    raise MailboxFull("projects")


@post("/api/_probe/slow", sync_to_thread=False)
def slow() -> None:
    raise AskTimeout("builds", 2.5)


PROBES = [create_item, missing, boom, full, slow]


@pytest.fixture
async def probe(services: Any) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(services, route_handlers=PROBES)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
        yield c


def _is_problem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


async def test_healthz(client: httpx.AsyncClient) -> None:
    r = await client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


async def test_readyz_checks_database_and_broker(client: httpx.AsyncClient) -> None:
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ready", "checks": {"database": "ok", "broker": "ok"}}


async def test_readyz_reports_a_dead_database(services: Any) -> None:
    from dais.storage.database import open_pool

    async with open_pool(services.settings.database_url, size=3) as doomed:
        pass  # closed: every query now fails
    dead = attrs.evolve(services, pool=doomed)
    transport = httpx.ASGITransport(app=create_app(dead))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        r = await c.get("/readyz")
    body = _is_problem(r, 503)
    assert body["detail"] == "not ready: database"
    assert body["checks"]["broker"] == "ok"


async def test_openapi_is_3_1(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.1")
    assert "/healthz" in doc["paths"] and "/api/version" in doc["paths"]


async def test_request_id_generated_and_echoed(client: httpx.AsyncClient) -> None:
    first = (await client.get("/api/version")).headers["x-request-id"]
    second = (await client.get("/api/version")).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{17,}", first) and first != second
    r = await client.get("/healthz", headers={"X-Request-Id": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    r = await client.get("/api/version", headers={"X-Request-Id": "bad id\twith junk"})
    assert re.fullmatch(r"[0-9a-f]{17,}", r.headers["x-request-id"])
    r = await client.get("/api/version", headers={"X-Request-Id": "x" * 129})
    assert r.headers["x-request-id"] != "x" * 129


async def test_healthz_answers_head(client: httpx.AsyncClient) -> None:
    r = await client.head("/healthz")
    assert r.status_code == 200 and r.content == b""
    assert r.headers["cache-control"] == "no-store"


async def test_metrics_counts_requests_by_route(client: httpx.AsyncClient) -> None:
    await client.get("/healthz")
    await client.get("/nope/42")
    r = await client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = r.text
    assert 'dais_http_requests_total{method="GET",route="/healthz",status="200"} 1.0' in text
    assert 'route="<unmatched>",status="404"' in text
    assert "dais_http_request_duration_seconds_bucket" in text
    assert "process_resident_memory_bytes" in text


async def test_unknown_route_is_404_problem(client: httpx.AsyncClient) -> None:
    body = _is_problem(await client.get("/api/no/such/thing"), 404)
    assert body["detail"] == "no route matches GET /api/no/such/thing"
    assert body["instance"] == "/api/no/such/thing"


async def test_wrong_method_is_405_problem(client: httpx.AsyncClient) -> None:
    r = await client.delete("/healthz")
    body = _is_problem(r, 405)
    assert "DELETE is not allowed on /healthz" in body["detail"]


async def test_valid_body(probe: httpx.AsyncClient) -> None:
    r = await probe.post("/api/_probe/items", json={"name": "a", "count": 2})
    assert r.status_code == 201 and r.json() == {"name": "a", "count": 2}


async def test_malformed_json_is_400(probe: httpx.AsyncClient) -> None:
    r = await probe.post(
        "/api/_probe/items",
        content=b'{"name": "a", "count": ',
        headers={"content-type": "application/json"},
    )
    body = _is_problem(r, 400)
    assert body["detail"].startswith("request body is not valid JSON")


async def test_wrong_types_are_422_naming_the_field(probe: httpx.AsyncClient) -> None:
    body = _is_problem(await probe.post("/api/_probe/items", json={"name": "a", "count": "x"}), 422)
    assert "count" in body["detail"]
    assert body["errors"][0]["field"] == "count"
    body = _is_problem(await probe.post("/api/_probe/items", json={"name": "a"}), 422)
    assert "count" in body["detail"]


async def test_wrong_content_type_is_415(probe: httpx.AsyncClient) -> None:
    r = await probe.post(
        "/api/_probe/items", content=b"name=a", headers={"content-type": "text/plain"}
    )
    body = _is_problem(r, 415)
    assert "application/json" in body["detail"] and "text/plain" in body["detail"]


async def test_oversized_body_is_413_before_reading(
    services: Any,
) -> None:
    small = attrs.evolve(services, settings=attrs.evolve(services.settings, max_body_size=1024))
    transport = httpx.ASGITransport(app=create_app(small, route_handlers=PROBES))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        r = await c.post("/api/_probe/items", json={"name": "x" * 5000, "count": 1})
        body = _is_problem(r, 413)
        assert "1024 bytes" in body["detail"]

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: Litestar counts
            yield b'{"name": "'
            yield b"y" * 4096
            yield b'", "count": 1}'

        r = await c.post(
            "/api/_probe/items", content=chunks(), headers={"content-type": "application/json"}
        )
        _is_problem(r, 413)


async def test_domain_errors_map_to_their_status(probe: httpx.AsyncClient) -> None:
    body = _is_problem(
        await probe.post("/api/_probe/items", json={"name": "taken", "count": 1}), 409
    )
    assert body["detail"] == "an item named 'taken' exists"
    body = _is_problem(await probe.post("/api/_probe/items", json={"name": "a", "count": -1}), 422)
    assert body["errors"] == [{"field": "count", "rule": "must be zero or more"}]
    body = _is_problem(await probe.post("/api/_probe/missing"), 404)
    assert body["detail"] == "project acme/nope does not exist"


async def test_unexpected_error_is_500_without_internals(probe: httpx.AsyncClient) -> None:
    body = _is_problem(await probe.post("/api/_probe/boom"), 500)
    assert "secret" not in body["detail"]


async def test_mailbox_full_is_503_with_retry_after(probe: httpx.AsyncClient) -> None:
    r = await probe.post("/api/_probe/full")
    _is_problem(r, 503)
    assert r.headers["retry-after"] == "1"


async def test_ask_timeout_is_504(probe: httpx.AsyncClient) -> None:
    body = _is_problem(await probe.post("/api/_probe/slow"), 504)
    assert "builds" in body["detail"] and "2.5" in body["detail"]


async def test_cors_off_by_default_and_on_when_configured(services: Any) -> None:
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        r = await c.get("/api/version", headers={"Origin": "https://ui.example.com"})
        assert "access-control-allow-origin" not in r.headers
    cors = attrs.evolve(
        services,
        settings=attrs.evolve(services.settings, cors_origins=("https://ui.example.com",)),
    )
    transport = httpx.ASGITransport(app=create_app(cors))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        r = await c.get("/api/version", headers={"Origin": "https://ui.example.com"})
        assert r.headers["access-control-allow-origin"] == "https://ui.example.com"
        r = await c.options(
            "/api/version",
            headers={"Origin": "https://evil.example.com", "Access-Control-Request-Method": "GET"},
        )
        assert r.headers.get("access-control-allow-origin") != "https://evil.example.com"


class Sleeper(Actor[float]):
    async def receive(self, message: float) -> None:
        import anyio

        await anyio.sleep(message)


async def test_ask_timeout_from_settings_reaches_http_as_504(services: Any) -> None:
    services = attrs.evolve(services, settings=attrs.evolve(services.settings, ask_timeout=0.1))
    ref = await services.system.start_child(ChildSpec("sleeper", Sleeper))

    @post("/api/_probe/ask")
    async def ask() -> None:
        await services.ask(ref, 1.0)

    transport = httpx.ASGITransport(app=create_app(services, route_handlers=[ask]))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        body = _is_problem(await c.post("/api/_probe/ask"), 504)
        assert "sleeper" in body["detail"]


async def test_unknown_single_segment_api_route_is_404_problem(client: httpx.AsyncClient) -> None:
    for method in ("GET", "POST", "DELETE"):
        r = await client.request(method, "/api/nope")
        body = _is_problem(r, 404)
        assert body["detail"] == f"no route matches {method} /api/nope"


async def test_doubled_slashes_do_not_dodge_the_content_type_check(
    probe: httpx.AsyncClient,
) -> None:
    r = await probe.post(
        httpx.URL("http://dais.test", path="//api/_probe/items"),
        content=b"name=a",
        headers={"content-type": "text/plain"},
    )
    _is_problem(r, 415)


async def test_declared_non_json_type_is_415_even_without_a_length(
    probe: httpx.AsyncClient,
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "a", "count": 1}'

    r = await probe.post(
        "/api/_probe/items", content=chunks(), headers={"content-type": "text/plain"}
    )
    _is_problem(r, 415)


async def test_unknown_methods_share_one_metric_series(client: httpx.AsyncClient) -> None:
    for i in range(3):
        await client.request(f"M{i}XYZ", "/api/version")
    text = (await client.get("/metrics")).text
    assert "M0XYZ" not in text
    assert 'method="OTHER"' in text


async def test_readyz_does_not_leak_error_text(services: Any) -> None:
    from dais.storage.database import open_pool

    async with open_pool(services.settings.database_url, size=3) as doomed:
        pass
    dead = attrs.evolve(services, pool=doomed)
    transport = httpx.ASGITransport(app=create_app(dead))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        body = (await c.get("/readyz")).json()
    assert body["checks"]["database"].startswith("unreachable (")
    assert "pool" not in body["checks"]["database"].lower().split("(")[0]


async def test_a_missing_field_is_named(probe: httpx.AsyncClient) -> None:
    body = _is_problem(await probe.post("/api/_probe/items", json={"name": "a"}), 422)
    assert body["errors"][0]["field"] == "count"
    assert body["title"] == "Unprocessable Content"
