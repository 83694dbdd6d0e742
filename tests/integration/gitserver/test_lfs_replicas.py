"""Two replicas on one database: a transfer grant one issues, the other honours."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from dais.config import Settings
from dais.http.app import create_app
from dais.serve import running_services
from dais.storage.broker import open_broker
from dais.storage.database import open_pool
from tests.conftest import MakeUser

LFS = {"Accept": "application/vnd.git-lfs+json", "Content-Type": "application/vnd.git-lfs+json"}


@pytest.fixture
async def replica(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A second dais on the same database: its own pool, actors and app."""
    assert settings.database_url is not None
    async with (
        open_pool(settings.database_url, size=3) as pool,
        open_broker(None) as broker,
        running_services(settings, pool, broker, name="replica") as services,
    ):
        transport = httpx.ASGITransport(app=create_app(services))
        async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as c:
            yield c


async def test_a_grant_issued_by_one_replica_is_honoured_by_another(
    client: httpx.AsyncClient, replica: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, auth = await make_user("alice")
    r = await client.post("/api/projects", json={"name": "big"}, headers=auth)
    assert r.status_code == 201, r.text
    data = os.urandom(50_000)
    oid = hashlib.sha256(data).hexdigest()
    batch: dict[str, Any] = {
        "operation": "upload",
        "transfers": ["basic"],
        "objects": [{"oid": oid, "size": len(data)}],
    }
    r = await client.post("/alice/big.git/info/lfs/objects/batch", json=batch, headers=LFS | auth)
    assert r.status_code == 200, r.text
    actions = r.json()["objects"][0]["actions"]

    # The upload and its verification go to the other replica, with only the grant.
    upload = actions["upload"]
    r = await replica.put(urlsplit(upload["href"]).path, content=data, headers=upload["header"])
    assert r.status_code == 200, r.text
    verify = actions["verify"]
    r = await replica.post(
        urlsplit(verify["href"]).path,
        json={"oid": oid, "size": len(data)},
        headers=LFS | verify["header"],
    )
    assert r.status_code == 200, r.text

    # And a download grant from the replica works on the first.
    r = await replica.post(
        "/alice/big.git/info/lfs/objects/batch",
        json=batch | {"operation": "download"},
        headers=LFS | auth,
    )
    download = r.json()["objects"][0]["actions"]["download"]
    r = await client.get(urlsplit(download["href"]).path, headers=download["header"])
    assert r.status_code == 200 and r.content == data


async def test_a_grant_signed_with_another_key_is_refused(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    from dais.gitserver import lfs

    _alice, auth = await make_user("alice")
    r = await client.post("/api/projects", json={"name": "big"}, headers=auth)
    project_id = int(r.json()["id"])
    data = b"x" * 100
    oid = hashlib.sha256(data).hexdigest()
    forged = lfs.sign_grant(
        os.urandom(32),
        lfs.Grant(project_id, lfs.Operation.UPLOAD, oid, len(data), 2**40),
    )
    r = await client.put(
        f"/alice/big.git/info/lfs/objects/{oid}",
        content=data,
        headers={"Authorization": f"Bearer {forged}"},
    )
    assert r.status_code == 401, r.text
    stored = await services.pool.fetchval("SELECT count(*) FROM signing_keys")
    assert stored == 1  # the key the first request made, kept for every replica
