"""LFS garbage collection: objects go once no project holds them, and not before."""

from __future__ import annotations

import hashlib
import os
from typing import Any
from urllib.parse import urlsplit

import httpx

from dais.gitserver.lfs_gc import CollectGarbage
from dais.storage.blobs import FilesystemBlobStore
from tests.conftest import MakeUser

LFS = {"Accept": "application/vnd.git-lfs+json", "Content-Type": "application/vnd.git-lfs+json"}


async def _upload(client: httpx.AsyncClient, path: str, data: bytes, auth: dict[str, str]) -> None:
    oid = hashlib.sha256(data).hexdigest()
    r = await client.post(
        f"/{path}.git/info/lfs/objects/batch",
        json={"operation": "upload", "objects": [{"oid": oid, "size": len(data)}]},
        headers=LFS | auth,
    )
    assert r.status_code == 200, r.text
    actions = r.json()["objects"][0].get("actions")
    if actions is None:
        return  # the project holds it already
    upload = actions["upload"]
    r = await client.put(urlsplit(upload["href"]).path, content=data, headers=upload["header"])
    assert r.status_code == 200, r.text


def _age_everything(root: Any, seconds: float) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            old = path.stat().st_mtime - seconds
            os.utime(path, (old, old))


async def test_objects_are_collected_once_their_last_project_is_deleted(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, auth = await make_user("alice")
    for name in ("one", "two"):
        r = await client.post("/api/projects", json={"name": name}, headers=auth)
        assert r.status_code == 201, r.text
    shared, own = os.urandom(40_000), os.urandom(30_000)
    await _upload(client, "alice/one", shared, auth)
    await _upload(client, "alice/one", own, auth)
    await _upload(client, "alice/two", shared, auth)
    store = FilesystemBlobStore(services.settings.data_dir / "lfs" / "objects")
    collector = services.system.ref("lfs-gc")

    # Nothing goes while projects hold the objects, however old they are.
    _age_everything(store.root, 2 * 86400)
    assert await collector.ask(CollectGarbage()) == 0

    r = await client.delete("/api/projects/alice%2Fone", headers=auth)
    assert r.status_code == 204, r.text
    assert await collector.ask(CollectGarbage()) == 1
    assert await store.exists(hashlib.sha256(own).hexdigest()) is None
    assert await store.exists(hashlib.sha256(shared).hexdigest()) == len(shared)

    # The object project two still holds downloads as before.
    r = await client.post(
        "/alice/two.git/info/lfs/objects/batch",
        json={
            "operation": "download",
            "objects": [{"oid": hashlib.sha256(shared).hexdigest(), "size": len(shared)}],
        },
        headers=LFS | auth,
    )
    download = r.json()["objects"][0]["actions"]["download"]
    r = await client.get(urlsplit(download["href"]).path, headers=download["header"])
    assert r.content == shared


async def test_a_fresh_unreferenced_object_is_kept_for_the_grace_period(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, auth = await make_user("alice")
    await client.post("/api/projects", json={"name": "one"}, headers=auth)
    data = os.urandom(10_000)
    await _upload(client, "alice/one", data, auth)
    r = await client.delete("/api/projects/alice%2Fone", headers=auth)
    assert r.status_code == 204
    # Deleted just now, but written within the day's grace: an upload in flight looks alike.
    assert await services.system.ref("lfs-gc").ask(CollectGarbage()) == 0
    store = FilesystemBlobStore(services.settings.data_dir / "lfs" / "objects")
    assert await store.exists(hashlib.sha256(data).hexdigest()) == len(data)
