"""Shared by the issue tests: a project with members, and a way to read the outbox."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import MakeUser

__all__ = ["Team", "outbox"]


class Team:
    """alice maintains alice/web (private); bob is a developer, vera a viewer; eve is a
    signed-in stranger."""

    def __init__(self, client: httpx.AsyncClient, users: dict[str, Any], auth: dict[str, Any]):
        self.client = client
        self.users = users
        self.auth = auth
        self.project_id = ""
        self.base = ""

    def url(self, suffix: str = "") -> str:
        return f"{self.base}{suffix}"

    async def issue(self, who: str = "alice", **fields: Any) -> dict[str, Any]:
        fields.setdefault("title", "Something is broken")
        r = await self.client.post(self.url("/issues"), json=fields, headers=self.auth[who])
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body

    async def label(self, name: str, color: str = "#d73a4a") -> dict[str, Any]:
        r = await self.client.post(
            self.url("/labels"), json={"name": name, "color": color}, headers=self.auth["alice"]
        )
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body


@pytest.fixture
async def team(client: httpx.AsyncClient, make_user: MakeUser) -> Team:
    users: dict[str, Any] = {}
    auth: dict[str, Any] = {}
    for name in ("alice", "bob", "vera", "eve"):
        users[name], auth[name] = await make_user(name)
    t = Team(client, users, auth)
    r = await client.post(
        "/api/projects", json={"name": "web", "visibility": "private"}, headers=auth["alice"]
    )
    assert r.status_code == 201, r.text
    t.project_id = r.json()["id"]
    t.base = f"/api/projects/{t.project_id}"
    for name, role in (("bob", "developer"), ("vera", "viewer")):
        r = await client.post(
            f"{t.base}/members",
            json={"user_id": str(users[name].id), "role": role},
            headers=auth["alice"],
        )
        assert r.status_code == 201, r.text
    return t


async def outbox(services: Any, kind_prefix: str) -> list[dict[str, Any]]:
    """The events whose kind starts with ``kind_prefix``, oldest first."""
    rows = await services.pool.fetch(
        "SELECT kind, payload, key, actor FROM events WHERE kind LIKE $1 || '%' ORDER BY id",
        kind_prefix,
    )
    return [dict(r) for r in rows]
