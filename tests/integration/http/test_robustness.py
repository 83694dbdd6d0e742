"""No request may crash an actor or stop the server: each defect found by trying the forge
as an adversary would, as a regression test at the HTTP level."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from litestar import Request, get

from dais.actors.projects import messages as pm
from dais.http.app import create_app
from tests.conftest import MakeUser

JSON = {"content-type": "application/json"}


def _actor(services: Any, name: str) -> Any:
    return next(m for m in services.system.metrics() if m.name == name)


@pytest.mark.parametrize(
    "path",
    [
        "/api/projects/%C2%B9",  # superscript one: str.isdigit() holds, int() refuses
        "/api/projects/%D9%A1",  # Arabic-Indic one: int() takes it
        "/api/projects/%C2%B9/labels",
        "/api/projects/%C2%B9/webhooks",
        "/api/projects/%C2%B9/repository/raw/README.md",
        "/api/projects/%C2%B9/issues/1",
        "/api/projects/99999999999999999999",
        "/api/projects/alice%2Fweb%00",
        "/api/projects/1/issues/%D9%A1",
        "/api/projects/1/issues/1_0",
        "/api/projects/1/issues/+1",
    ],
)
async def test_a_malformed_path_parameter_is_a_404_and_the_actors_live_on(
    client: httpx.AsyncClient, services: Any, path: str
) -> None:
    for _ in range(5):  # four in five seconds used to stop the process for good
        r = await client.get(path)
        assert r.status_code == 404, r.text
        assert r.headers["content-type"] == "application/problem+json"
    for m in services.system.metrics():
        assert (m.crashes, m.restarts, m.resumed) == (0, 0, 0), m
    assert (await client.get("/api/projects")).status_code == 200


async def test_a_number_past_the_column_is_a_400_naming_the_parameter(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, auth = await make_user("alice")
    r = await client.post("/api/projects", json={"name": "web"}, headers=auth)
    assert r.status_code == 201
    r = await client.get("/api/projects/alice%2Fweb/issues/2147483648", headers=auth)
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "iid"
    assert "2147483647" in r.json()["detail"]
    r = await client.get("/api/projects/alice%2Fweb/issues/2147483647", headers=auth)
    assert r.status_code == 404


@get("/api/_probe/fault")
async def fault(request: Request[Any, Any, Any]) -> None:
    """Hands the projects actor a message no edge would let through: a ref of the wrong type."""
    services = request.app.state.services
    await services.ask(services.system.ref("projects"), pm.GetProject("¹"))  # type: ignore[arg-type]


@pytest.fixture
async def probe(services: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(services, route_handlers=[fault]))
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
        yield c


async def test_a_fault_past_the_edge_is_a_500_and_the_actor_resumes(
    probe: httpx.AsyncClient, services: Any, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(10):
        r = await probe.get("/api/_probe/fault", headers={"x-request-id": "req-42"})
        assert r.status_code == 500
        assert r.headers["content-type"] == "application/problem+json"
        assert "req-42" in r.json()["detail"]
    projects = _actor(services, "projects")
    assert (projects.resumed, projects.crashes, projects.restarts) == (10, 0, 0)
    assert (await probe.get("/api/projects")).status_code == 200
    logged = [r for r in caplog.records if "request req-42" in r.getMessage()]
    assert len(logged) == 10  # once per request, with its traceback
    assert all(r.exc_info and isinstance(r.exc_info[1], AttributeError) for r in logged)


async def test_deleting_a_user_who_owns_projects_is_a_409_naming_them(
    client: httpx.AsyncClient, services: Any, make_user: MakeUser
) -> None:
    _admin, admin = await make_user("root", admin=True)
    bob, bob_auth = await make_user("bob")
    for name in ("api", "web"):
        r = await client.post("/api/projects", json={"name": name}, headers=bob_auth)
        assert r.status_code == 201
    for _ in range(5):
        r = await client.delete(f"/api/admin/users/{bob.id}", headers=admin)
        assert r.status_code == 409, r.text
        assert r.json()["projects"] == ["bob/api", "bob/web"]
        assert "bob/api, bob/web" in r.json()["detail"]
    identity = _actor(services, "identity")
    assert (identity.crashes, identity.resumed) == (0, 0)
    assert (await client.get("/api/user", headers=bob_auth)).status_code == 200  # still there
    for name in ("api", "web"):
        assert (await client.delete(f"/api/projects/bob%2F{name}", headers=bob_auth)).is_success
    r = await client.delete(f"/api/admin/users/{bob.id}", headers=admin)
    assert r.status_code == 204
    assert (await client.get("/api/user", headers=bob_auth)).status_code == 401


@pytest.mark.parametrize(
    # The last: Litestar routes it to /api/auth/login, so the edge must see it so too.
    "path",
    ["/api/auth/login", "/api/projects", "/api/user/tokens", "http://dais.test//api/auth/login"],
)
async def test_json_nested_too_deeply_is_a_400_before_decoding(
    client: httpx.AsyncClient, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = '{"login":' + "[" * 1000 + "]" * 1000 + "}"  # 2 KB
    r = await client.post(path, content=body, headers=JSON)
    assert r.status_code == 400
    assert "deeper than 64 levels" in r.json()["detail"]
    assert not [rec for rec in caplog.records if rec.exc_info]  # nothing blew up on the way


async def test_json_nested_within_the_limit_reaches_the_handler(client: httpx.AsyncClient) -> None:
    body = '{"login":' + "[" * 60 + "]" * 60 + ',"password":"x"}'
    r = await client.post("/api/auth/login", content=body, headers=JSON)
    assert r.status_code == 422  # the type checked it, not the depth limit
    assert r.json()["errors"][0]["field"] == "login"


async def test_a_lone_surrogate_is_called_by_its_name(client: httpx.AsyncClient) -> None:
    for escape in ("\\ud800", "\\udfff"):
        r = await client.post(
            "/api/auth/login", content=f'{{"login":"{escape}","password":"x"}}', headers=JSON
        )
        assert r.status_code == 400
        assert "lone UTF-16 surrogate" in r.json()["detail"], r.text


async def test_an_unknown_field_named_by_the_empty_string(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/auth/login", content='{"login":"a","password":"x","":1}', headers=JSON
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == '""'


async def test_origin_null_is_reported_as_such(
    client: httpx.AsyncClient, services: Any, make_user: MakeUser
) -> None:
    await make_user("carol")
    r = await client.post(
        "/api/auth/login",
        json={"login": "carol", "password": "whatever-it-is"},
        headers={"origin": "null"},
    )
    assert r.status_code == 403
    assert "Origin is null" in r.json()["detail"]


async def test_problem_instance_is_the_path_as_sent(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/projects/alice%2Fweb%C2%B9/issues")
    assert r.status_code in {401, 404}
    assert r.json()["instance"] == "/api/projects/alice%2Fweb%C2%B9/issues"
    r = await client.post("/api/auth/login", content="[" * 100, headers=JSON)
    assert r.json()["instance"] == "/api/auth/login"


async def test_json_bodies_are_decoded_strictly(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    assert (await client.post("/api/projects", json={"name": "web"}, headers=alice)).is_success
    rules = "/api/projects/alice%2Fweb/protected-branches"
    for body, field in (
        ({"pattern": "main", "dismiss_stale_approvals": 0}, "dismiss_stale_approvals"),
        ({"pattern": "main", "required_approvals": "1"}, "required_approvals"),
    ):
        r = await client.post(rules, json=body, headers=alice)
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    assert (await client.get(rules, headers=alice)).json() == []  # nothing was written
    r = await client.post(rules, json={"pattern": "main", "required_approvals": 1}, headers=alice)
    assert r.status_code == 201
