"""A 422 names the very field that is wrong, however deep in the body it sits: msgspec
reports an unknown or a missing field against the object holding it, and a wrong value by
its path (``$.items[0].count``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import msgspec
import pytest
from litestar import post
from litestar.params import JSONBody

from dais.http.app import create_app


class Line(msgspec.Struct, forbid_unknown_fields=True):
    sku: str
    count: int


class Order(msgspec.Struct, forbid_unknown_fields=True):
    customer: str
    lines: list[Line]
    tags: list[str] = msgspec.field(default_factory=list)


@post("/api/_probe/orders", sync_to_thread=False)
def create_order(data: JSONBody[Order]) -> dict[str, Any]:
    """A probe handler with a nested body."""
    return {"lines": len(data.lines)}


@pytest.fixture
async def probe(services: Any) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(services, route_handlers=[create_order])
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
        yield c


LINE = {"sku": "a-1", "count": 1}


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"customer": "c", "lines": [], "priority": 1}, "priority", "unknown field `priority`"),
        ({"lines": []}, "customer", "missing required field `customer`"),
        ({"customer": "c", "lines": [LINE | {"colour": "red"}]}, "lines[0].colour", "unknown"),
        ({"customer": "c", "lines": [LINE, {"sku": "b"}]}, "lines[1].count", "missing"),
        ({"customer": "c", "lines": [LINE | {"count": "x"}]}, "lines[0].count", "Expected `int`"),
        ({"customer": "c", "lines": [], "tags": ["ok", 5]}, "tags[1]", "Expected `str`"),
        ({"customer": "c", "lines": {}}, "lines", "Expected `array`"),
        ([], "body", "Expected `object`"),
    ],
)
async def test_the_wrong_field_is_named(
    probe: httpx.AsyncClient, body: Any, field: str, rule: str
) -> None:
    r = await probe.post("/api/_probe/orders", json=body)
    assert r.status_code == 422, r.text
    problem = r.json()
    [error] = problem["errors"]
    assert error["field"] == field and error["source"] == "body"
    assert rule in error["rule"] and " - at `$" not in error["rule"]
    assert problem["detail"] == f"{field}: {error['rule']}"


async def test_a_valid_nested_body_passes(probe: httpx.AsyncClient) -> None:
    r = await probe.post("/api/_probe/orders", json={"customer": "c", "lines": [LINE]})
    assert r.status_code == 201 and r.json() == {"lines": 1}
