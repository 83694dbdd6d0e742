"""Git LFS at the HTTP level: the batch API, transfers, and locks, on the in-process app."""

from __future__ import annotations

import base64
import hashlib
import os
from typing import Any
from urllib.parse import urlsplit

import attrs
import httpx
import pytest

from dais.gitserver import lfs
from tests.conftest import MakeUser

LFS = "application/vnd.git-lfs+json"
HEADERS = {"Accept": LFS, "Content-Type": LFS}


def _oid(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _project(
    client: httpx.AsyncClient, auth: dict[str, str], name: str, visibility: str = "private"
) -> dict[str, Any]:
    r = await client.post(
        "/api/projects", json={"name": name, "visibility": visibility}, headers=auth
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


async def _member(
    client: httpx.AsyncClient, project: dict[str, Any], owner: dict[str, str], user: Any, role: str
) -> None:
    r = await client.post(
        f"/api/projects/{project['id']}/members",
        json={"user_id": str(user.id), "role": role},
        headers=owner,
    )
    assert r.status_code == 201, r.text


async def _batch(
    client: httpx.AsyncClient,
    path: str,
    operation: str,
    objects: list[tuple[str, int]],
    auth: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.post(
        f"/{path}.git/info/lfs/objects/batch",
        json={
            "operation": operation,
            "transfers": ["basic"],
            "ref": {"name": "refs/heads/main"},
            "objects": [{"oid": o, "size": s} for o, s in objects],
        },
        headers=HEADERS | (auth or {}),
    )


def _local(href: str) -> str:
    """The path of an action's href (the app under test is in-process)."""
    return urlsplit(href).path


def _error_shape(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(LFS)
    body = r.json()
    assert set(body) >= {"message", "request_id", "documentation_url"}, body
    assert body["request_id"] == r.headers["x-request-id"]
    message: str = body["message"]
    return message


async def _upload(
    client: httpx.AsyncClient, path: str, data: bytes, auth: dict[str, str]
) -> dict[str, Any]:
    """Upload as git-lfs does: batch, PUT with the action's header, then verify."""
    r = await _batch(client, path, "upload", [(_oid(data), len(data))], auth)
    assert r.status_code == 200, r.text
    (obj,) = r.json()["objects"]
    upload, verify = obj["actions"]["upload"], obj["actions"]["verify"]
    put = await client.put(
        _local(upload["href"]),
        content=data,
        headers=upload["header"] | {"Content-Type": "application/octet-stream"},
    )
    assert put.status_code == 200, put.text
    checked = await client.post(
        _local(verify["href"]),
        json={"oid": _oid(data), "size": len(data)},
        headers=HEADERS | verify["header"],
    )
    assert checked.status_code == 200, checked.text
    return obj  # type: ignore[no-any-return]


async def test_upload_then_download_round_trip(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "assets")
    data = os.urandom(3 * 1024 * 1024 + 17)
    oid = _oid(data)

    obj = await _upload(client, project["path"], data, alice)
    upload = obj["actions"]["upload"]
    assert obj["authenticated"] is True
    assert upload["href"] == (
        f"{services.settings.public_url}/{project['path']}.git/info/lfs/objects/{oid}"
    )
    assert upload["header"]["Authorization"].startswith("Bearer dais-lfs.")
    assert 0 < upload["expires_in"] <= lfs.ACTION_TTL
    # Stored content-addressed on disk, and recorded for this project.
    stored = services.settings.data_dir / "lfs" / "objects" / oid[:2] / oid[2:4] / oid
    assert stored.read_bytes() == data
    rows = await services.pool.fetch("SELECT project_id, size FROM lfs_objects WHERE oid = $1", oid)
    assert [(r["project_id"], r["size"]) for r in rows] == [(int(project["id"]), len(data))]

    # A second upload of the same object: the server has it, so no actions at all.
    again = await _batch(client, project["path"], "upload", [(oid, len(data))], alice)
    assert again.headers["content-type"].startswith(LFS)
    assert again.json() == {
        "transfer": "basic",
        "objects": [{"oid": oid, "size": len(data)}],
        "hash_algo": "sha256",
    }

    # Download, through the ".git"-less URL too.
    for path in (f"{project['path']}.git", project["path"]):
        r = await client.post(
            f"/{path}/info/lfs/objects/batch",
            json={"operation": "download", "objects": [{"oid": oid, "size": len(data)}]},
            headers=HEADERS | alice,
        )
        assert r.status_code == 200, r.text
        download = r.json()["objects"][0]["actions"]["download"]
        got = await client.get(_local(download["href"]), headers=download["header"])
        assert got.status_code == 200 and got.content == data
        assert got.headers["content-type"] == "application/octet-stream"
        assert got.headers["accept-ranges"] == "bytes"
    # With the caller's own credentials instead of the grant.
    own = await client.get(f"/{project['path']}.git/info/lfs/objects/{oid}", headers=alice)
    assert own.status_code == 200 and own.content == data


async def test_upload_that_does_not_match_its_oid_stores_nothing(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "assets")
    claimed = b"what the pointer says" * 1000
    oid = _oid(claimed)
    r = await _batch(client, project["path"], "upload", [(oid, len(claimed))], alice)
    upload = r.json()["objects"][0]["actions"]["upload"]

    forged = b"something else entirely" * 1000
    forged = forged[: len(claimed)]
    put = await client.put(_local(upload["href"]), content=forged, headers=upload["header"])
    assert "does not match" in _error_shape(put, 422)
    # A body of another length than the batch declared is refused before it is read.
    short = await client.put(_local(upload["href"]), content=claimed[:-1], headers=upload["header"])
    assert "differs" in _error_shape(short, 422)
    # Without a grant, against the caller's own credentials: the oid alone is checked.
    direct = await client.put(
        f"/{project['path']}.git/info/lfs/objects/{oid}", content=forged, headers=alice
    )
    _error_shape(direct, 422)

    objects = services.settings.data_dir / "lfs" / "objects"
    assert [p for p in objects.rglob("*") if p.is_file()] == []
    assert await services.pool.fetchval("SELECT count(*) FROM lfs_objects") == 0
    verify = await client.post(
        f"/{project['path']}.git/info/lfs/objects/verify",
        json={"oid": oid, "size": len(claimed)},
        headers=HEADERS | alice,
    )
    _error_shape(verify, 404)
    down = await _batch(client, project["path"], "download", [(oid, len(claimed))], alice)
    assert down.json()["objects"][0]["error"]["code"] == 404


async def test_size_limit(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "assets")
    big = lfs.LFS_MAX_OBJECT_SIZE + 1
    r = await _batch(client, project["path"], "upload", [("a" * 64, big)], alice)
    assert r.status_code == 200
    (obj,) = r.json()["objects"]
    assert obj["error"]["code"] == 413 and "actions" not in obj

    services.settings = attrs.evolve(services.settings, lfs_max_object_size=1024 * 1024)
    data = os.urandom(1024 * 1024 + 1)
    url = f"/{project['path']}.git/info/lfs/objects/{_oid(data)}"
    # Declared up front: refused before a byte is read.
    declared = await client.put(url, content=data, headers=alice)
    assert "limit" in _error_shape(declared, 413)
    assert declared.headers["connection"] == "close"

    # Streamed without a length: refused as the limit is crossed.
    async def chunks() -> Any:
        for i in range(0, len(data), 65536):
            yield data[i : i + 65536]

    streamed = await client.put(url, content=chunks(), headers=alice)
    _error_shape(streamed, 413)
    objects = services.settings.data_dir / "lfs" / "objects"
    assert [p for p in objects.rglob("*") if p.is_file()] == []
    assert await services.pool.fetchval("SELECT count(*) FROM lfs_objects") == 0


async def test_range_downloads(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "assets")
    data = bytes(range(256)) * 1000
    await _upload(client, project["path"], data, alice)
    url = f"/{project['path']}.git/info/lfs/objects/{_oid(data)}"

    part = await client.get(url, headers=alice | {"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == data[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(data)}"
    assert part.headers["content-length"] == "100"
    resume = await client.get(url, headers=alice | {"Range": "bytes=250000-"})
    assert resume.status_code == 206 and resume.content == data[250000:]
    tail = await client.get(url, headers=alice | {"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == data[-10:]

    for bad in (f"bytes={len(data)}-", "bytes=9-1", "pages=1-2"):
        r = await client.get(url, headers=alice | {"Range": bad})
        _error_shape(r, 416)
        assert r.headers["content-range"] == f"bytes */{len(data)}"


async def test_read_only_member_gets_no_upload_actions(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    viewer_user, viewer = await make_user("victor")
    project = await _project(client, alice, "assets")
    await _member(client, project, alice, viewer_user, "viewer")
    data = b"some content"
    await _upload(client, project["path"], data, alice)

    refused = await _batch(client, project["path"], "upload", [("b" * 64, 3)], viewer)
    assert "not push" in _error_shape(refused, 403)
    put = await client.put(
        f"/{project['path']}.git/info/lfs/objects/{_oid(b'x')}", content=b"x", headers=viewer
    )
    _error_shape(put, 403)
    lock = await client.post(
        f"/{project['path']}.git/info/lfs/locks", json={"path": "a.psd"}, headers=HEADERS | viewer
    )
    _error_shape(lock, 403)
    # Reading is fine.
    down = await _batch(client, project["path"], "download", [(_oid(data), len(data))], viewer)
    assert "download" in down.json()["objects"][0]["actions"]
    listed = await client.get(f"/{project['path']}.git/info/lfs/locks", headers=viewer)
    assert listed.status_code == 200 and listed.json() == {"locks": []}

    # A stranger sees no such project.
    _s, stranger = await make_user("stranger")
    hidden = await _batch(client, project["path"], "download", [(_oid(data), len(data))], stranger)
    _error_shape(hidden, 404)


async def test_anonymous_access(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    public = await _project(client, alice, "open", visibility="public")
    private = await _project(client, alice, "closed")
    data = b"public bytes"
    await _upload(client, public["path"], data, alice)
    await _upload(client, private["path"], data, alice)

    r = await _batch(client, public["path"], "download", [(_oid(data), len(data))])
    assert r.status_code == 200, r.text
    download = r.json()["objects"][0]["actions"]["download"]
    assert (await client.get(_local(download["href"]), headers=download["header"])).content == data
    plain = await client.get(f"/{public['path']}.git/info/lfs/objects/{_oid(data)}")
    assert plain.status_code == 200 and plain.content == data

    # Uploading asks for credentials, as does anything on a private project.
    for r in (
        await _batch(client, public["path"], "upload", [(_oid(b"new"), 3)]),
        await _batch(client, private["path"], "download", [(_oid(data), len(data))]),
        await client.get(f"/{private['path']}.git/info/lfs/objects/{_oid(data)}"),
        await client.get(f"/{private['path']}.git/info/lfs/locks"),
    ):
        _error_shape(r, 401)
        assert r.headers["lfs-authenticate"] == 'Basic realm="dais"'
        assert r.headers["www-authenticate"] == 'Basic realm="dais"'
    # git-lfs answers the challenge with Basic and a token as the password.
    basic = await _batch(
        client,
        private["path"],
        "download",
        [(_oid(data), len(data))],
        {"Authorization": alice["Authorization"].replace("Bearer ", "Basic ")},
    )
    _error_shape(basic, 401)  # not base64 of user:token
    token = alice["Authorization"].removeprefix("Bearer ")
    good = base64.b64encode(f"alice:{token}".encode()).decode()
    ok = await _batch(
        client,
        private["path"],
        "download",
        [(_oid(data), len(data))],
        {"Authorization": f"Basic {good}"},
    )
    assert ok.status_code == 200 and "download" in ok.json()["objects"][0]["actions"]


async def test_bad_batch_requests(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "assets")
    url = f"/{project['path']}.git/info/lfs/objects/batch"

    broken = await client.post(
        url, content=b'{"operation": "upload", "obj', headers=HEADERS | alice
    )
    assert "not valid JSON" in _error_shape(broken, 400)
    for body, status, words in (
        ({"operation": "upload", "objects": "nope"}, 422, "objects"),
        ({"objects": []}, 422, "operation"),
        ({"operation": "upload", "objects": [{"oid": "a" * 64, "size": "big"}]}, 422, "size"),
        ({"operation": "delete", "objects": []}, 422, "operation"),
        ({"operation": "upload", "objects": [], "transfers": ["tus"]}, 422, "basic"),
        ({"operation": "upload", "objects": [], "hash_algo": "sha512"}, 409, "sha256"),
        (
            {"operation": "download", "objects": [{"oid": "a" * 64, "size": 1}] * 1001},
            413,
            "at most",
        ),
    ):
        r = await client.post(url, json=body, headers=HEADERS | alice)
        assert words in _error_shape(r, status), body

    wrong_type = await client.post(
        url,
        content=b'{"operation": "download", "objects": []}',
        headers=alice | {"Content-Type": "text/plain"},
    )
    assert LFS in _error_shape(wrong_type, 415)
    wrong_accept = await client.post(
        url,
        json={"operation": "download", "objects": []},
        headers=alice | {"Content-Type": LFS, "Accept": "text/html"},
    )
    _error_shape(wrong_accept, 406)
    # git-lfs adds a charset; plain JSON is accepted too.
    for content_type in (f"{LFS}; charset=utf-8", "application/json"):
        r = await client.post(
            url,
            content=b'{"operation": "download", "objects": []}',
            headers=alice | {"Content-Type": content_type},
        )
        assert r.status_code == 200 and r.headers["content-type"].startswith(LFS), r.text

    # Per-object errors stay inside a 200.
    r = await _batch(client, project["path"], "upload", [("Z" * 64, 1), ("a" * 64, -1)], alice)
    assert r.status_code == 200
    assert [o["error"]["code"] for o in r.json()["objects"]] == [422, 422]
    # A bad oid in a transfer URL.
    bad = await client.get(f"/{project['path']}.git/info/lfs/objects/..%2F..%2Fetc", headers=alice)
    assert bad.status_code in {404, 422}
    traversal = await client.put(f"/{project['path']}.git/info/lfs/objects/{'A' * 64}", content=b"")
    _error_shape(traversal, 422)


async def test_grants_are_bound_to_their_object_and_project(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    first = await _project(client, alice, "one")
    second = await _project(client, alice, "two")
    data, other = b"first object", b"second object"
    r = await _batch(client, first["path"], "upload", [(_oid(data), len(data))], alice)
    grant = r.json()["objects"][0]["actions"]["upload"]["header"]

    for url, body in (
        (f"/{first['path']}.git/info/lfs/objects/{_oid(other)}", other),
        (f"/{second['path']}.git/info/lfs/objects/{_oid(data)}", data),
    ):
        _error_shape(await client.put(url, content=body, headers=grant), 403)
    tampered = {"Authorization": grant["Authorization"][:-4] + "AAAA"}
    put = await client.put(
        f"/{first['path']}.git/info/lfs/objects/{_oid(data)}", content=data, headers=tampered
    )
    _error_shape(put, 401)
    # A download grant does not upload.
    await _upload(client, first["path"], data, alice)
    down = await _batch(client, first["path"], "download", [(_oid(data), len(data))], alice)
    download_grant = down.json()["objects"][0]["actions"]["download"]["header"]
    put = await client.put(
        f"/{first['path']}.git/info/lfs/objects/{_oid(data)}", content=data, headers=download_grant
    )
    _error_shape(put, 403)


async def test_objects_belong_to_the_project_they_were_uploaded_to(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    _alice, alice = await make_user("alice")
    _bob, bob = await make_user("bob")
    alices = await _project(client, alice, "secret")
    bobs = await _project(client, bob, "mine")
    data = b"alice's private bytes"
    await _upload(client, alices["path"], data, alice)

    # Bob knows the oid, but his project does not hold the object.
    down = await _batch(client, bobs["path"], "download", [(_oid(data), len(data))], bob)
    assert down.json()["objects"][0]["error"]["code"] == 404
    get = await client.get(f"/{bobs['path']}.git/info/lfs/objects/{_oid(data)}", headers=bob)
    _error_shape(get, 404)
    # To have it, he must upload the content (the store keeps one copy).
    up = await _batch(client, bobs["path"], "upload", [(_oid(data), len(data))], bob)
    assert "upload" in up.json()["objects"][0]["actions"]
    await _upload(client, bobs["path"], data, bob)
    objects = services.settings.data_dir / "lfs" / "objects"
    assert len([p for p in objects.rglob("*") if p.is_file()]) == 1


async def test_archived_project_is_read_only(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, alice = await make_user("alice")
    project = await _project(client, alice, "old")
    data = b"kept"
    await _upload(client, project["path"], data, alice)
    r = await client.patch(f"/api/projects/{project['id']}", json={"archived": True}, headers=alice)
    assert r.status_code == 200
    refused = await _batch(client, project["path"], "upload", [(_oid(b"new"), 3)], alice)
    assert "archived" in _error_shape(refused, 403)
    lock = await client.post(
        f"/{project['path']}.git/info/lfs/locks", json={"path": "a"}, headers=HEADERS | alice
    )
    _error_shape(lock, 403)
    down = await _batch(client, project["path"], "download", [(_oid(data), len(data))], alice)
    assert "download" in down.json()["objects"][0]["actions"]


async def test_locks(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    _alice, alice = await make_user("alice")
    bob_user, bob = await make_user("bob")
    dave_user, dave = await make_user("dave")
    project = await _project(client, alice, "game")
    await _member(client, project, alice, bob_user, "developer")
    await _member(client, project, alice, dave_user, "developer")
    locks = f"/{project['path']}.git/info/lfs/locks"

    made = await client.post(
        locks,
        json={"path": "art/hero.psd", "ref": {"name": "refs/heads/main"}},
        headers=HEADERS | bob,
    )
    assert made.status_code == 201, made.text
    assert made.headers["content-type"].startswith(LFS)
    lock = made.json()["lock"]
    assert lock["path"] == "art/hero.psd" and lock["owner"] == {"name": "bob"}
    assert isinstance(lock["id"], str) and lock["locked_at"]

    clash = await client.post(locks, json={"path": "art/hero.psd"}, headers=HEADERS | dave)
    assert "already created lock" in _error_shape(clash, 409)
    assert clash.json()["lock"] == lock

    for i in range(3):
        r = await client.post(locks, json={"path": f"level{i}.bin"}, headers=HEADERS | dave)
        assert r.status_code == 201

    # List: everything, one path, one id, and page by page.
    listed = (await client.get(locks, headers=alice)).json()
    assert [x["path"] for x in listed["locks"]] == [
        "art/hero.psd",
        "level0.bin",
        "level1.bin",
        "level2.bin",
    ]
    assert "next_cursor" not in listed
    by_path = (await client.get(locks, params={"path": "level1.bin"}, headers=alice)).json()
    assert [x["path"] for x in by_path["locks"]] == ["level1.bin"]
    by_id = (await client.get(locks, params={"id": lock["id"]}, headers=alice)).json()
    assert by_id["locks"] == [lock]
    seen, cursor = [], None
    while True:
        params = {"limit": "3"} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(locks, params=params, headers=alice)).json()
        seen += [x["path"] for x in page["locks"]]
        cursor = page.get("next_cursor")
        if cursor is None:
            break
    assert seen == [x["path"] for x in listed["locks"]]
    _error_shape(await client.get(locks, params={"limit": "0"}, headers=alice), 422)
    _error_shape(await client.get(locks, params={"cursor": "x"}, headers=alice), 422)

    # Verify: ours and theirs, for the caller.
    verified = await client.post(f"{locks}/verify", json={}, headers=HEADERS | dave)
    assert verified.status_code == 200, verified.text
    body = verified.json()
    assert [x["path"] for x in body["ours"]] == ["level0.bin", "level1.bin", "level2.bin"]
    assert [x["path"] for x in body["theirs"]] == ["art/hero.psd"]
    empty_body = await client.post(f"{locks}/verify", headers=alice | {"Accept": LFS})
    assert empty_body.status_code == 200 and len(empty_body.json()["theirs"]) == 4

    # Unlock: another's lock needs force, and force needs project:admin.
    unlock = f"{locks}/{lock['id']}/unlock"
    assert "locked by bob" in _error_shape(
        await client.post(unlock, json={}, headers=HEADERS | dave), 403
    )
    assert "project:admin" in _error_shape(
        await client.post(unlock, json={"force": True}, headers=HEADERS | dave), 403
    )
    forced = await client.post(unlock, json={"force": True}, headers=HEADERS | alice)
    assert forced.status_code == 200 and forced.json()["lock"] == lock
    _error_shape(await client.post(unlock, json={}, headers=HEADERS | bob), 404)
    mine = (await client.get(locks, params={"path": "level0.bin"}, headers=dave)).json()
    own = await client.post(
        f"{locks}/{mine['locks'][0]['id']}/unlock", json={}, headers=HEADERS | dave
    )
    assert own.status_code == 200
    # Now dave may lock the freed path.
    again = await client.post(locks, json={"path": "art/hero.psd"}, headers=HEADERS | dave)
    assert again.status_code == 201
    _error_shape(await client.post(f"{locks}/nope/unlock", json={}, headers=HEADERS | dave), 404)
    bad = await client.post(locks, json={"path": ""}, headers=HEADERS | dave)
    assert "path" in _error_shape(bad, 422)
