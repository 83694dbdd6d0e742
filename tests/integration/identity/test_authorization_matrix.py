"""Every route in the OpenAPI document, called by someone who may not use it."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import httpx

from dais.actors.identity import messages as m

from .conftest import SYSTEM, Identity

#: Open to anyone: probes, the API's own description (and the pipeline file's schema), the
#: ways to sign in, and the list of projects (public ones are for everyone to see).
PUBLIC = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/api/version"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/schemas/platformci.json"),
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/passkeys/login/options"),
    ("POST", "/api/auth/passkeys/login/verify"),
    ("GET", "/api/projects"),
    ("GET", "/.well-known/oauth-protected-resource"),
    ("GET", "/.well-known/oauth-protected-resource/mcp"),
}
#: Any signed-in caller may use these, on their own account or in their own namespace, and
#: the user lookup for pickers (``/api/users``).
SIGNED_IN = re.compile(
    r"^/api/(users?|delegations|mcp)(/|$)|^/api/auth/(logout|passkeys/register/)|^/api/projects$"
)
#: For MCP clients: API tokens only, so a browser's session is refused (401) by design.
BEARER_ONLY = re.compile(r"^/api/mcp/")
#: Signed-in callers get a response that does not end (Server-Sent Events), which an
#: in-process client cannot read to its end; tests/e2e/test_notification_stream.py holds
#: them to the same rules over a real server.
STREAMS = {("GET", "/api/user/notifications/stream")}
#: Ids in paths: none of them exists, so a route that got past its guard could only 404.
MISSING_ID = "987654321"


def routes(doc: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """(method, path with ids and required query parameters filled in, a valid body or None)
    for every operation."""
    out = []
    for template, item in doc["paths"].items():
        path = re.sub(r"\{[^}]+\}", MISSING_ID, template)
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                query = {
                    p["name"]: example(p.get("schema", {}), doc)
                    for p in operation.get("parameters", [])
                    if p.get("in") == "query" and p.get("required")
                }
                body = operation.get("requestBody")
                valid = None
                if body is not None and "application/json" in body["content"]:
                    # (Other bodies, such as the Prometheus API's forms, are sent empty:
                    # who calls is asked before a form is read.)
                    valid = example(body["content"]["application/json"]["schema"], doc)
                target = f"{path}?{urlencode(query)}" if query else path
                out.append((method.upper(), target, valid))
    return sorted(out, key=lambda op: op[:2])


def example(schema: dict[str, Any], doc: dict[str, Any]) -> Any:
    """A small value that the schema accepts, so a handler gets to run and authorize."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return example(doc["components"]["schemas"][name], doc)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            chosen = next(s for s in schema[key] if s.get("type") != "null")
            rest = {k: v for k, v in schema.items() if k != key}
            return example(chosen | rest, doc)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: example(properties[name], doc) for name in schema.get("required", [])}
    if kind == "array":
        return [example(schema.get("items", {}), doc)] * max(1, schema.get("minItems", 1))
    if kind == "string":
        if schema.get("format") == "date-time":
            return "2099-01-01T00:00:00Z"
        pattern = schema.get("pattern")
        if pattern is None:
            return "probe"
        # An id where an id fits (paths name things that do not exist), else a word.
        return next((c for c in (MISSING_ID, "probe") if re.search(pattern, c)), MISSING_ID)
    if kind in {"integer", "number"}:
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return False
    return None


async def call(client: httpx.AsyncClient, method: str, path: str, body: Any) -> httpx.Response:
    return await client.request(method, path, json=body)


async def test_every_route_refuses_callers_without_the_right(identity: Identity) -> None:
    anonymous = await identity.client()
    doc = (await anonymous.get("/api/openapi.json")).json()
    operations = routes(doc)
    covered = {(method, path) for method, path, _ in operations}
    assert {("GET", "/api/admin/users"), ("POST", "/api/auth/passkeys/register/verify")} <= covered
    assert len(operations) >= 30

    # The weakest credential there is: a valid token whose scope is beside the point, of a
    # user holding no role at all (any more: a token is scoped only to what its owner holds
    # when it is made); and the same user's browser session.
    nobody = await identity.user("nobody", roles=["viewer"])
    token = await identity.bearer(await identity.token(nobody.id, ["observe:read"]))
    [viewer] = await identity.ask(m.ListAssignments(nobody.id))
    await identity.ask(m.UnassignRole(viewer.id, SYSTEM))
    session = await identity.login("nobody")

    for method, path, valid in operations:
        where = f"{method} {path}"
        junk = None if valid is None else {}
        r = await call(anonymous, method, path, junk)
        assert r.status_code < 500, (where, r.status_code, r.text)
        if (method, path) in PUBLIC:
            continue
        if r.status_code == 422:
            # The route read the body before asking who calls; with a valid one it must ask.
            r = await call(anonymous, method, path, valid)
        assert r.status_code == 401, (where, r.status_code, r.text)
        assert r.headers["content-type"].startswith("application/problem+json"), where
        assert r.headers["www-authenticate"].startswith("Bearer"), where
        for caller in (token, session):
            if (method, path) in STREAMS:
                continue  # answered with an endless stream to these callers
            if caller is session and BEARER_ONLY.match(path):
                r = await call(caller, method, path, valid)
                assert r.status_code == 401, (where, r.status_code, r.text)
                continue
            if SIGNED_IN.match(path):
                # Allowed to callers like these: a junk body keeps it from changing anything.
                r = await call(caller, method, path, junk)
                if caller is session and path == "/api/auth/logout":
                    assert r.status_code == 204
                    session = await identity.login("nobody")
                    continue
                assert r.status_code < 500, (where, r.status_code, r.text)
                assert r.status_code != 401, (where, r.text)
            else:
                r = await call(caller, method, path, valid)
                assert r.status_code in {403, 404}, (where, r.status_code, r.text)
                assert r.headers["content-type"].startswith("application/problem+json"), where
    # Nothing was changed on the way: the only audit rows are the fixture's own.
    actions = {r["action"] for r in await identity.pool.fetch("SELECT action FROM audit_log")}
    fixture = {"user.create", "role.assign", "token.create", "role.unassign"}
    assert actions <= fixture | {"auth.login", "auth.logout"}, actions
    assert (await token.get("/api/user")).status_code == 200
    assert (await session.get("/api/user")).status_code == 200
