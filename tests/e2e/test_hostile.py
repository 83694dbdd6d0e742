"""A real `dais serve` under hostile requests: it answers each with a 4xx and keeps serving.

The first test sends a thousand requests of every kind that once crashed an actor or the
process (see the robustness issue), all at once; the second feeds arbitrary Unicode into
every path parameter of every route. Neither may get a 5xx, restart an actor or stop the
process.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ServerProcess, cli_token

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

JSON = {"content-type": "application/json"}


def _restarts_and_crashes(metrics: str) -> int:
    found = re.findall(
        r"^dais_actor_(?:restarts|crashes)_total\{[^}]*\} (\d+(?:\.\d+)?)$", metrics, re.M
    )
    assert found, "no actor metrics"
    return int(sum(float(v) for v in found))


def _hostile(owner_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, httpx keyword arguments): one of each kind the issue lists, and more."""
    deep = '{"login":' + "[" * 1000 + "]" * 1000 + "}"
    surrogate = '{"login":"\\ud800","password":"x"}'
    nameless = '{"login":"a","password":"x","":1}'
    kinds: list[tuple[str, str, dict[str, Any]]] = []
    for digit in ("%C2%B9", "%D9%A1", "%EF%BC%91", "1_0", "+1", "%201", "99999999999999999999"):
        for rest in ("", "/labels", "/webhooks", "/repository/raw?path=a", "/issues/1", "/members"):
            kinds.append(("GET", f"/api/projects/{digit}{rest}", {}))
        kinds.append(("GET", f"/api/projects/1/issues/{digit}", {}))
        kinds.append(("DELETE", f"/api/admin/users/{digit}", {}))
    kinds += [
        ("DELETE", f"/api/admin/users/{owner_id}", {}),  # owns a project: 409, once crashed
        ("POST", "/api/auth/login", {"content": deep, "headers": JSON}),
        ("POST", "/api/projects", {"content": deep, "headers": JSON}),
        ("POST", "/api/auth/login", {"content": surrogate, "headers": JSON}),
        ("POST", "/api/auth/login", {"content": nameless, "headers": JSON}),
        ("POST", "/api/projects", {"json": {"name": "x" * 10_000}}),
        ("POST", "/api/projects", {"json": {"name": "web", "visibility": "secret"}}),
        ("POST", "/api/projects/1/members", {"json": {"username": "nobody", "role": "viewer"}}),
        ("PATCH", "/api/projects/1", {"json": {"default_branch": "a..b"}}),
        ("GET", "/api/projects/alice%2Fweb%00/issues", {}),
        ("GET", "/api/admin/audit?until=0.5", {}),
        ("GET", "/api/projects?per_page=100000", {}),
        ("POST", "/api/user/tokens", {"json": {"name": "t", "scopes": ["admin:everything"]}}),
    ]
    return kinds


def _request(
    method: str, path: str, auth: dict[str, str], kwargs: dict[str, Any], port: int
) -> bytes:
    """The bytes of one request, as httpx would build them."""
    kwargs = dict(kwargs)
    headers = auth | kwargs.pop("headers", {})
    request = httpx.Request(method, f"http://127.0.0.1:{port}{path}", headers=headers, **kwargs)
    body = request.read()
    head = f"{method} {request.url.raw_path.decode()} HTTP/1.1\r\n"
    sent = dict(request.headers) | {"content-length": str(len(body))}
    head += "".join(f"{k}: {v}\r\n" for k, v in sent.items())
    return head.encode() + b"\r\n" + body


async def _response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; its status, and whether the server closes the connection."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, close = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
        elif name.lower() == b"connection" and b"close" in value.lower():
            close = True
    await reader.readexactly(length)
    return status, close


def test_a_thousand_hostile_requests_in_a_second_and_it_still_serves(
    dais_server: ServerProcess, server_env: dict[str, str]
) -> None:
    admin = {"Authorization": f"Bearer {cli_token(server_env, 'admin')}"}
    with httpx.Client(base_url=dais_server.url, headers=admin, timeout=30) as c:
        owner = c.post("/api/admin/users", json={"username": "olga"}).json()["id"]
        olga = {"Authorization": f"Bearer {cli_token(server_env, 'olga')}"}
        assert c.post("/api/projects", json={"name": "web"}, headers=olga).status_code == 201
        before = _restarts_and_crashes(c.get("/metrics").text)
    kinds = _hostile(owner)
    port = dais_server.port
    wire = [_request(m, p, admin, kw, port) for m, p, kw in kinds]
    answers: list[int] = []

    async def flood() -> float:
        # Raw HTTP/1.1 on keep-alive connections, as a load generator sends it: an httpx
        # client on these two cores could not send a thousand requests in a second.
        async def connection(first: int) -> None:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                for i in range(first, 1000, 16):
                    writer.write(wire[i % len(wire)])
                    status, close = await _response(reader)
                    answers.append(status)
                    if close:
                        writer.close()
                        reader, writer = await asyncio.open_connection("127.0.0.1", port)
            finally:
                writer.close()

        started = time.monotonic()
        await asyncio.gather(*(connection(i) for i in range(16)))
        return time.monotonic() - started

    took = asyncio.run(flood())
    print(f"1000 hostile requests ({len(kinds)} kinds) answered in {took:.2f} s")
    assert len(answers) == 1000
    assert not [s for s in answers if s >= 500], sorted(set(answers))
    assert all(400 <= s < 500 for s in answers), sorted(set(answers))
    assert dais_server.proc.poll() is None, dais_server.log()[-3000:]
    with httpx.Client(base_url=dais_server.url, headers=admin, timeout=30) as c:
        assert c.get("/readyz").status_code == 200
        assert c.get("/api/projects/olga%2Fweb").status_code == 200
        assert c.get("/api/user").json()["username"] == "admin"
        assert _restarts_and_crashes(c.get("/metrics").text) == before
    assert "Traceback" not in dais_server.log(), dais_server.log()[-5000:]


# --- every path parameter, arbitrary Unicode ----------------------------------------------


def _templates() -> list[tuple[str, str, str]]:
    """(method, path template, the parameter to fuzz) for every route of the app."""
    from litestar.routes import HTTPRoute

    from dais.cli import _openapi_app

    found = []
    for route in _openapi_app().routes:
        if not isinstance(route, HTTPRoute):
            continue
        names = re.findall(r"\{(\w+)(?::\w+)?\}", route.path)
        for method in sorted(route.methods - {"OPTIONS", "HEAD"}):
            found += [(method, route.path, name) for name in names]
    return found


TEMPLATES = _templates()
FILLER = {"project": "admin%2Fweb", "owner": "admin", "name": "web.git", "iid": "1"}


def _url(template: str, fuzzed: str, value: str) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == fuzzed:
            return quote(value, safe="")
        return FILLER.get(name, "1")

    return re.sub(r"\{(\w+)(?::\w+)?\}", fill, template)


def test_templates_cover_every_routed_parameter() -> None:
    assert len(TEMPLATES) >= 100
    assert {"project", "iid", "owner", "name", "hook_id", "user_id"} <= {t[2] for t in TEMPLATES}


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(route=st.sampled_from(TEMPLATES), value=st.text(min_size=1, max_size=40))
def test_any_unicode_in_any_path_parameter_is_never_a_5xx(
    fuzz_target: tuple[httpx.Client, ServerProcess], route: tuple[str, str, str], value: str
) -> None:
    client, server = fuzz_target
    method, template, name = route
    r = client.request(method, _url(template, name, value), json={} if method != "GET" else None)
    assert r.status_code < 500, (method, template, name, value, r.status_code, r.text[:300])
    assert server.proc.poll() is None


@pytest.fixture
def fuzz_target(dais_server: ServerProcess, server_env: dict[str, str]) -> Any:
    admin = {"Authorization": f"Bearer {cli_token(server_env, 'admin')}"}
    with httpx.Client(base_url=dais_server.url, headers=admin, timeout=30) as c:
        r = c.post("/api/projects", json={"name": "web", "initialize_with_readme": True})
        assert r.status_code == 201
        yield c, dais_server
        assert "Traceback" not in dais_server.log(), dais_server.log()[-5000:]


def test_an_answer_that_leaves_the_body_unread_closes_the_connection(
    dais_server: ServerProcess,
) -> None:
    """Hypercorn closes such a connection after the answer without saying so, and a client
    reusing it lost its next request ("server disconnected"): the answer now says close."""

    async def exchange() -> list[tuple[int, bool]]:
        reader, writer = await asyncio.open_connection("127.0.0.1", dais_server.port)
        body = b"0032want " + b"0" * 40 + b"\n0000"
        unread = (  # git's upload-pack asks for credentials first: 401, body never read
            b"POST /nobody/nothing.git/git-upload-pack HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-git-upload-pack-request\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        read = b"GET /api/version HTTP/1.1\r\nHost: x\r\n\r\n"
        answers = []
        try:
            writer.write(read)
            answers.append(await _response(reader))
            writer.write(unread)
            answers.append(await _response(reader))
        finally:
            writer.close()
        return answers

    (ok, kept), (refused, closed) = asyncio.run(exchange())
    assert (ok, kept) == (200, False)  # a body-less request keeps the connection
    assert refused in {401, 404} and closed
