"""Webhooks over HTTP: create, read, change, delete; the secret stays write-only; bad URLs
are refused with the rule they break; only project admins may touch them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import MakeUser

from .conftest import SECRET, Receiver, Setup, add_hook


async def test_crud_never_returns_the_secret(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    made = await add_hook(client, owner, receiver.url(), ["push", "issue"])
    assert made["url"] == receiver.url()
    assert made["events"] == ["issue", "push"] and made["active"] is True
    assert made["has_secret"] is True and "secret" not in made
    hook = owner.hooks(f"/{made['id']}")

    got = await client.get(hook, headers=owner.auth)
    listed = await client.get(owner.hooks(), headers=owner.auth)
    assert got.status_code == listed.status_code == 200
    assert got.json() == made and listed.json() == [made]

    r = await client.patch(
        hook, json={"events": ["merge_request"], "active": False, "secret": ""}, headers=owner.auth
    )
    assert r.status_code == 200, r.text
    changed = r.json()
    assert changed["events"] == ["merge_request"] and changed["active"] is False
    assert changed["has_secret"] is False and "secret" not in changed
    r = await client.patch(hook, json={"secret": "another"}, headers=owner.auth)
    assert r.json()["has_secret"] is True
    # Nowhere in any answer, nor in the audit log.
    for response in (got, listed, r):
        assert SECRET not in response.text and "another" not in response.text
    details = await services.pool.fetch(
        "SELECT action, details::text FROM audit_log WHERE action LIKE 'webhook.%' ORDER BY id"
    )
    assert [d["action"] for d in details] == ["webhook.create", "webhook.update", "webhook.update"]
    assert all(SECRET not in d["details"] and "another" not in d["details"] for d in details)

    assert (await client.delete(hook, headers=owner.auth)).status_code == 204
    assert (await client.get(hook, headers=owner.auth)).status_code == 404
    assert (await client.get(owner.hooks(), headers=owner.auth)).json() == []


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("ftp://127.0.0.1/hook", "the scheme must be http or https"),
        ("file:///etc/passwd", "the scheme must be http or https"),
        ("http://user:pw@127.0.0.1/hook", "must not carry credentials"),
        ("http://token@127.0.0.1/hook", "must not carry credentials"),
        ("http:///nohost", "must name a host"),
        ("http://10.0.0.7/hook", "10.0.0.7 is a private address, which DAIS_WEBHOOK_ALLOWED"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"),
        ("http://0.0.0.0:8080/", "never allowed"),
        ("http://[::ffff:10.1.2.3]/", "standing for 10.1.2.3, a private address"),
        ("http://not-a-host.invalid/hook", "does not resolve"),
        ("http://2130706433/hook", "write an IPv4 address as four decimal numbers"),
        ("http://[::a00:7]/hook", "standing for 10.0.0.7, a private address"),
        ("http://93.184.216.34:25/hook", "port 25 belongs to a protocol other than HTTP"),
        ("http://[::1]evil/hook", "may be followed only by :port"),
    ],
)
async def test_bad_urls_are_422_naming_the_rule(
    client: httpx.AsyncClient, owner: Setup, url: str, rule: str, services: Any
) -> None:
    r = await client.post(owner.hooks(), json={"url": url, "events": ["push"]}, headers=owner.auth)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"] == [{"field": "url", "rule": r.json()["errors"][0]["rule"]}]
    assert rule in r.json()["detail"], r.json()
    assert await services.pool.fetchval("SELECT count(*) FROM webhooks") == 0


@pytest.mark.parametrize("allowed_hosts", [""])
async def test_a_host_resolving_to_loopback_is_refused_unless_allowed(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver
) -> None:
    for url in (receiver.url(), f"http://localhost:{receiver.port}/hook"):
        r = await client.post(
            owner.hooks(), json={"url": url, "events": ["push"]}, headers=owner.auth
        )
        assert r.status_code == 422, r.text
        assert "a loopback address, which DAIS_WEBHOOK_ALLOWED_HOSTS does not allow" in r.text


async def test_other_bad_input_changes_nothing(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"url": receiver.url(), "events": ["push", "nonsense"]}, "events"),
        ({"url": receiver.url(), "events": []}, "events"),
        ({"url": receiver.url(), "events": ["push"], "secret": "x" * 257}, "secret"),
        ({"url": receiver.url(), "events": ["push"], "surprise": 1}, "surprise"),
        ({"url": "http://x/" + "a" * 2100, "events": ["push"]}, "url"),
    ]
    for body, field in cases:
        r = await client.post(owner.hooks(), json=body, headers=owner.auth)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["errors"][0]["field"].split("[")[0] == field, (body, r.text)
    assert await services.pool.fetchval("SELECT count(*) FROM webhooks") == 0

    made = await add_hook(client, owner, receiver.url(), ["push"])
    hook = owner.hooks(f"/{made['id']}")
    r = await client.patch(hook, json={"url": "http://a:b@127.0.0.1/"}, headers=owner.auth)
    assert r.status_code == 422 and "credentials" in r.text
    assert (await client.get(hook, headers=owner.auth)).json() == made


async def test_only_project_admins_see_or_touch_webhooks(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, make_user: MakeUser
) -> None:
    made = await add_hook(client, owner, receiver.url(), ["push"])
    dev, dev_auth = await make_user("dev")
    _stranger, stranger_auth = await make_user("stranger")
    r = await client.post(
        f"/api/projects/{owner.project_id}/members",
        json={"user_id": str(dev.id), "role": "developer"},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text
    paths = [
        ("GET", owner.hooks(), None),
        ("POST", owner.hooks(), {"url": receiver.url(), "events": ["push"]}),
        ("GET", owner.hooks(f"/{made['id']}"), None),
        ("PATCH", owner.hooks(f"/{made['id']}"), {"active": False}),
        ("DELETE", owner.hooks(f"/{made['id']}"), None),
        ("POST", owner.hooks(f"/{made['id']}/ping"), None),
        ("GET", owner.hooks(f"/{made['id']}/deliveries"), None),
    ]
    for method, path, body in paths:
        assert (await client.request(method, path, json=body, headers=dev_auth)).status_code == 403
        # The project is private: to a stranger it does not exist.
        r = await client.request(method, path, json=body, headers=stranger_auth)
        assert r.status_code == 404, (method, path, r.text)
        assert (await client.request(method, path, json=body)).status_code == 401
    # Nothing changed, nothing was sent.
    assert (await client.get(owner.hooks(f"/{made['id']}"), headers=owner.auth)).json() == made
    assert receiver.requests == []


async def test_ids_out_of_range_are_400_and_the_service_lives_on(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver
) -> None:
    # Larger than a bigint, these reached SQL and crashed the webhooks actor (503); enough
    # of them in a row exceeded its supervisor's restart intensity.
    made = await add_hook(client, owner, receiver.url(), ["push"])
    huge = "99999999999999999999"
    for _ in range(2):
        for method, path in (
            ("GET", owner.hooks(f"/{huge}")),
            ("PATCH", owner.hooks(f"/{huge}")),
            ("DELETE", owner.hooks(f"/{huge}")),
            ("POST", owner.hooks(f"/{huge}/ping")),
            ("GET", owner.hooks(f"/{huge}/deliveries")),
            ("GET", owner.hooks(f"/{made['id']}/deliveries/{huge}")),
            ("POST", owner.hooks(f"/{made['id']}/deliveries/{huge}/redeliver")),
        ):
            body = {"active": False} if method == "PATCH" else None
            r = await client.request(method, path, json=body, headers=owner.auth)
            assert r.status_code == 400, (method, path, r.text)
            assert r.json()["errors"][0]["field"] in {"hook_id", "delivery_id"}
        r = await client.get(
            owner.hooks(f"/{made['id']}/deliveries?before={huge}"), headers=owner.auth
        )
        assert r.status_code == 400 and r.json()["errors"][0]["field"] == "before"
    r = await client.get(owner.hooks(f"/{made['id']}"), headers=owner.auth)
    assert r.status_code == 200 and r.json() == made


async def test_an_archived_projects_webhooks_are_read_only(
    client: httpx.AsyncClient, owner: Setup, receiver: Receiver, services: Any
) -> None:
    made = await add_hook(client, owner, receiver.url(), ["push"])
    r = await client.post(owner.hooks(f"/{made['id']}/ping"), headers=owner.auth)
    assert r.status_code == 202, r.text
    ping = r.json()
    r = await client.patch(
        f"/api/projects/{owner.project_id}", json={"archived": True}, headers=owner.auth
    )
    assert r.status_code == 200 and r.json()["archived"] is True
    hook = owner.hooks(f"/{made['id']}")
    for method, path, body in (
        ("POST", owner.hooks(), {"url": receiver.url(), "events": ["push"]}),
        ("PATCH", hook, {"active": False}),
        ("DELETE", hook, None),
        ("POST", f"{hook}/ping", None),
        ("POST", f"{hook}/deliveries/{ping['id']}/redeliver", None),
    ):
        r = await client.request(method, path, json=body, headers=owner.auth)
        assert r.status_code == 403, (method, path, r.text)
        assert "archived" in r.json()["detail"]
    # Reading still works, and nothing changed.
    assert (await client.get(hook, headers=owner.auth)).json() == made
    r = await client.get(f"{hook}/deliveries", headers=owner.auth)
    assert r.status_code == 200 and [d["id"] for d in r.json()] == [ping["id"]]
    assert await services.pool.fetchval("SELECT count(*) FROM webhooks") == 1
