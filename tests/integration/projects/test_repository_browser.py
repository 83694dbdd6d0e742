"""The repository browser API, on a repository built with the real `git` and pushed in.

The repository holds nested directories, a binary file, a file whose name is not UTF-8, a
text file over the /blob cap, HTML and SVG files, a 10,000-entry directory, commits that
modify, rename and delete, a lightweight and an annotated tag, and a feature branch.
"""

from __future__ import annotations

import base64
import io
import os
import statistics
import subprocess
import tarfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
import attrs
import httpx
import pytest

from dais.actors.projects.messages import repository_path
from dais.http.repository import git_stream

from .conftest import MakeUser

API = "/api/projects/alice%2Fweb/repository"
LATIN1_NAME = b"caf\xe9.txt"  # not valid UTF-8
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
BIG = b"".join(b"%06d %s\n" % (i, b"x" * 92) for i in range(11_000))  # ~1.1 MB of text
GUIDE = b"".join(b"Step %d: read the manual carefully.\n" % i for i in range(30))
HTML = b"<!doctype html><script>alert(document.cookie)</script>\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'
MANY = 10_000


@attrs.frozen
class Built:
    work: Path
    c1: str  # the first commit (tag v1.0, lightweight)
    c2: str  # modify, rename, delete, binary change
    c3: str  # the 10,000-entry directory (tag v2.0, annotated); main
    f1: str  # feature: adds feature.txt
    f2: str  # feature: edits README.md
    tag_v2: str  # the annotated tag object


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def _commit(work: Path, env: dict[str, str], when: int, message: str) -> str:
    stamp = f"{when} +0000"
    _git(work, "add", "-A", env=env)
    _git(
        work,
        "commit",
        "-q",
        "-m",
        message,
        env=env | {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
    )
    return _git(work, "rev-parse", "HEAD", env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("browser")
    work = root / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
        "HOME": str(root),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Alice Liddell",
        "GIT_AUTHOR_EMAIL": "alice@example.com",
        "GIT_COMMITTER_NAME": "Committer Bot",
        "GIT_COMMITTER_EMAIL": "bot@example.com",
    }
    _git(work, "init", "-q", "-b", "main", env=env)
    (work / "README.md").write_bytes(b"# web\n\nA site.\n")
    (work / "src" / "lib").mkdir(parents=True)
    (work / "src" / "app.py").write_bytes(b"import lib\n\n\ndef main():\n    return 1\n")
    (work / "src" / "lib" / "util.py").write_bytes(b"def helper():\n    pass\n")
    (work / "docs").mkdir()
    (work / "docs" / "guide.md").write_bytes(GUIDE)
    (work / "notes.txt").write_bytes(b"to be deleted\n")
    (work / "image.png").write_bytes(PNG)
    (work / "big.txt").write_bytes(BIG)
    (work / "index.html").write_bytes(HTML)
    (work / "logo.svg").write_bytes(SVG)
    with open(os.path.join(os.fsencode(work), LATIN1_NAME), "wb") as f:  # noqa: PTH123
        f.write(b"bonjour\n")
    c1 = _commit(work, env, 1_700_000_000, "First commit\n\nWith a body.")
    _git(work, "tag", "v1.0", env=env)

    (work / "src" / "app.py").write_bytes(
        b"import lib\n\n\ndef main():\n    return 2\n\n\nmain()\n"
    )
    _git(work, "mv", "docs/guide.md", "docs/manual.md", env=env)
    (work / "notes.txt").unlink()
    (work / "image.png").write_bytes(PNG + b"\x00more")
    c2 = _commit(work, env, 1_700_000_100, "Modify, rename and delete")

    many = work / "many"
    many.mkdir()
    for i in range(MANY):
        (many / f"f{i:05d}.txt").write_bytes(b"same\n")
    c3 = _commit(work, env, 1_700_000_200, "Ten thousand files")
    stamp = {"GIT_COMMITTER_DATE": "1700000300 +0000"}
    _git(work, "tag", "-a", "v2.0", "-m", "Release 2.0\n\nThe big one.", env=env | stamp)
    tag_v2 = _git(work, "rev-parse", "refs/tags/v2.0", env=env)

    _git(work, "checkout", "-q", "-b", "feature", env=env)
    (work / "feature.txt").write_bytes(b"new feature\n")
    f1 = _commit(work, env, 1_700_000_400, "Add the feature")
    (work / "README.md").write_bytes(b"# web\n\nA site, with a feature.\n")
    f2 = _commit(work, env, 1_700_000_500, "Document the feature")
    _git(work, "checkout", "-q", "main", env=env)
    return Built(work, c1, c2, c3, f1, f2, tag_v2)


async def _project(
    client: httpx.AsyncClient, auth: dict[str, str], built: Built, services: Any, **extra: Any
) -> Path:
    made = await client.post("/api/projects", json={"name": "web", **extra}, headers=auth)
    assert made.status_code == 201, made.text
    bare = repository_path(services.settings.data_dir, int(made.json()["id"]))
    # Straight into the bare repository, past dais's hooks (which accept pushes only via dais).
    _git(
        built.work,
        "push",
        "-q",
        "--receive-pack=git -c core.hooksPath=/dev/null receive-pack",
        str(bare),
        "refs/heads/*:refs/heads/*",
        "refs/tags/*:refs/tags/*",
    )
    return bare


@pytest.fixture
async def web(
    client: httpx.AsyncClient, make_user: MakeUser, built: Built, services: Any
) -> tuple[dict[str, str], Path]:
    _alice, auth = await make_user("alice")
    bare = await _project(client, auth, built, services)
    return auth, bare


# --- refs --------------------------------------------------------------------------------


async def test_branches_and_tags(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    rule = await client.post(
        "/api/projects/alice%2Fweb/protected-branches", json={"pattern": "ma*"}, headers=auth
    )
    assert rule.status_code == 201
    r = await client.get(f"{API}/branches", headers=auth)
    assert r.status_code == 200, r.text
    branches = {b["name"]: b for b in r.json()}
    assert list(branches) == ["feature", "main"]
    main = branches["main"]
    assert main["default"] is True and main["protected"] is True
    assert main["commit"]["sha"] == built.c3
    assert main["commit"]["title"] == "Ten thousand files"
    assert main["commit"]["author"] == {"name": "Alice Liddell", "email": "alice@example.com"}
    assert main["commit"]["authored_at"].startswith("2023-11-14T22:16:40")
    assert branches["feature"]["default"] is False and branches["feature"]["protected"] is False

    tags = {t["name"]: t for t in (await client.get(f"{API}/tags", headers=auth)).json()}
    assert tags["v1.0"] == {
        "name": "v1.0",
        "sha": built.c1,
        "target": built.c1,
        "message": None,
        "tagger": None,
        "tagged_at": None,
    }
    v2 = tags["v2.0"]
    assert v2["sha"] == built.tag_v2 and v2["target"] == built.c3
    assert v2["message"].startswith("Release 2.0\n\nThe big one.")
    assert v2["tagger"]["name"] == "Committer Bot"


async def test_read_access_follows_the_project(
    client: httpx.AsyncClient, make_user: MakeUser, built: Built, services: Any
) -> None:
    _alice, alice = await make_user("alice")
    _bob, bob = await make_user("bob")
    await _project(client, alice, built, services)  # private
    for path in ("branches", "tags", "tree", "blob?path=README.md", "commits", "archive"):
        assert (await client.get(f"{API}/{path}")).status_code == 401, path
        assert (await client.get(f"{API}/{path}", headers=bob)).status_code == 404, path
    await client.patch("/api/projects/alice%2Fweb", json={"visibility": "public"}, headers=alice)
    anonymous = await client.get(f"{API}/blob", params={"path": "README.md"})
    assert anonymous.status_code == 200 and anonymous.json()["content"] == "# web\n\nA site.\n"


# --- trees -------------------------------------------------------------------------------


async def test_tree_lists_directories_first(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/tree", headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ref"] == "main" and body["commit"] == built.c3 and body["path"] == ""
    names = [e["name"] for e in body["entries"]]
    assert names[:3] == ["docs", "many", "src"]
    assert names[3:] == [  # files by their bytes: the Latin-1 name sorts as b"caf\xe9"
        "README.md",
        "big.txt",
        "caf\ufffd.txt",
        "image.png",
        "index.html",
        "logo.svg",
    ]
    assert [e["type"] for e in body["entries"][:3]] == ["tree"] * 3
    by_name = {e["name"]: e for e in body["entries"]}
    assert by_name["docs"]["mode"] == "040000" and by_name["docs"]["path"] == "docs"
    assert by_name["README.md"] == {
        "name": "README.md",
        "path": "README.md",
        "type": "blob",
        "mode": "100644",
        "sha": _git(built.work, "rev-parse", "main:README.md"),
    }
    odd = [e for e in body["entries"] if "name_base64" in e]
    assert len(odd) == 1
    assert base64.b64decode(odd[0]["name_base64"]) == LATIN1_NAME
    assert odd[0]["name"] == "caf\ufffd.txt"
    assert base64.b64decode(odd[0]["path_base64"]) == LATIN1_NAME

    nested = (await client.get(f"{API}/tree", params={"path": "src/"}, headers=auth)).json()
    assert [(e["name"], e["type"], e["path"]) for e in nested["entries"]] == [
        ("lib", "tree", "src/lib"),
        ("app.py", "blob", "src/app.py"),
    ]
    deep = await client.get(f"{API}/tree", params={"path": "src/lib"}, headers=auth)
    assert [e["path"] for e in deep.json()["entries"]] == ["src/lib/util.py"]


async def test_tree_at_other_refs(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    for ref, commit in (
        ("v1.0", built.c1),
        ("v2.0", built.c3),
        ("refs/tags/v1.0", built.c1),
        ("feature", built.f2),
        ("refs/heads/feature", built.f2),
        (built.c2, built.c2),
        (built.c1[:7], built.c1),
        (built.c2[:12].upper(), built.c2),
        ("HEAD", built.c3),
    ):
        r = await client.get(f"{API}/tree", params={"ref": ref}, headers=auth)
        assert r.status_code == 200, (ref, r.text)
        assert r.json()["commit"] == commit, ref
    old = (await client.get(f"{API}/tree", params={"ref": "v1.0"}, headers=auth)).json()
    assert "notes.txt" in [e["name"] for e in old["entries"]]
    assert "feature.txt" not in [e["name"] for e in old["entries"]]


async def test_a_ten_thousand_entry_directory_lists_fast(
    services: Any, web: tuple[dict[str, str], Path]
) -> None:
    """Server time: from the ASGI call to the last byte of the body, auth and all."""
    from dais.http.app import create_app

    auth, _bare = web
    app = create_app(services)
    server: list[float] = []

    async def timed(scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        await app(scope, receive, send)
        server.append(time.perf_counter() - started)

    transport = httpx.ASGITransport(app=timed)
    async with httpx.AsyncClient(transport=transport, base_url="http://dais.test") as client:
        for _ in range(21):
            r = await client.get(f"{API}/tree", params={"path": "many"}, headers=auth)
            assert r.status_code == 200
    entries = r.json()["entries"]
    assert len(entries) == MANY
    assert entries[0]["path"] == "many/f00000.txt" and entries[-1]["name"] == "f09999.txt"
    p50 = statistics.median(server) * 1000
    print(
        f"\ntree listing of {MANY} entries, server time over {len(server)} requests: "
        f"p50 {p50:.1f} ms, min {min(server) * 1000:.1f} ms, max {max(server) * 1000:.1f} ms"
    )
    assert p50 < 50, f"p50 {p50:.1f} ms"


BAD_TREE_REQUESTS: list[tuple[dict[str, str], int, str]] = [
    ({"path": "../etc"}, 422, "'..'"),
    ({"path": "src/../../etc/passwd"}, 422, "'..'"),
    ({"path": "/etc/passwd"}, 422, "relative"),
    ({"path": "src//lib"}, 422, "empty segments"),
    ({"path": "./src"}, 422, "'.'"),
    ({"path": "src\x00"}, 422, "NUL"),
    ({"path_base64": base64.b64encode(b"../x").decode()}, 422, "'..'"),
    ({"path_base64": "!!!"}, 422, "base64"),
    ({"path": "src", "path_base64": "c3Jj"}, 422, "not both"),
    ({"path": "nope"}, 404, "does not exist"),
    ({"path": "README.md/x"}, 404, "does not exist"),
    ({"path": "README.md"}, 422, "is a file"),
    ({"ref": "nope"}, 404, "ref 'nope' does not exist"),
    ({"ref": "0000000"}, 404, "does not exist"),
    ({"ref": "0" * 40}, 404, "does not exist"),
    # Refused at the edge, by the published pattern (a 400 naming the parameter)...
    ({"ref": "../../config"}, 400, "not a valid"),
    ({"ref": "main..feature"}, 400, "not a valid"),
    ({"ref": "refs/heads/../../config"}, 400, "not a valid"),
    ({"ref": "main\x00"}, 400, "not a valid"),
]


async def test_tree_refuses_bad_input(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    for params, status, needle in BAD_TREE_REQUESTS:
        r = await client.get(f"{API}/tree", params=params, headers=auth)
        assert r.status_code == status, (params, r.text)
        assert needle in r.json()["detail"], (params, r.text)


async def test_an_empty_repository_has_no_tree(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    _alice, auth = await make_user("alice")
    await client.post("/api/projects", json={"name": "web"}, headers=auth)
    assert (await client.get(f"{API}/branches", headers=auth)).json() == []
    r = await client.get(f"{API}/tree", headers=auth)
    assert r.status_code == 404 and "ref 'main' does not exist" in r.json()["detail"]
    assert (await client.get(f"{API}/commits", headers=auth)).status_code == 404


# --- blobs -------------------------------------------------------------------------------


async def test_blob_as_text_and_base64(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/blob", params={"path": "src/app.py"}, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["encoding"] == "text" and body["content"].endswith("main()\n")
    assert body["size"] == len(body["content"].encode())
    assert body["sha"] == _git(built.work, "rev-parse", "main:src/app.py")
    old = await client.get(
        f"{API}/blob", params={"path": "src/app.py", "ref": "v1.0"}, headers=auth
    )
    assert "return 1" in old.json()["content"]

    png = (await client.get(f"{API}/blob", params={"path": "image.png"}, headers=auth)).json()
    assert png["encoding"] == "base64"
    assert base64.b64decode(png["content"]) == PNG + b"\x00more"

    latin = base64.urlsafe_b64encode(LATIN1_NAME).decode().rstrip("=")
    odd = await client.get(f"{API}/blob", params={"path_base64": latin}, headers=auth)
    assert odd.status_code == 200, odd.text
    assert odd.json()["content"] == "bonjour\n"
    assert base64.b64decode(odd.json()["path_base64"]) == LATIN1_NAME


async def test_blob_refuses_large_files_and_directories(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    big = await client.get(f"{API}/blob", params={"path": "big.txt"}, headers=auth)
    assert big.status_code == 422
    assert f"is {len(BIG)} bytes" in big.json()["detail"]
    assert "/api/projects/alice%2Fweb/repository/raw?path=big.txt" in big.json()["detail"]
    for params, needle in (
        ({"path": "src"}, "is a directory"),
        ({}, "is required"),
        ({"path": "missing.txt"}, "does not exist"),
    ):
        r = await client.get(f"{API}/blob", params=params, headers=auth)
        assert r.status_code in (404, 422) and needle in r.json()["detail"], r.text


# --- raw ---------------------------------------------------------------------------------


async def test_raw_never_serves_active_content(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    for path, content in (("index.html", HTML), ("logo.svg", SVG), ("src/app.py", None)):
        r = await client.get(f"{API}/raw", params={"path": path}, headers=auth)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "text/plain; charset=utf-8", path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["content-security-policy"] == "sandbox"
        assert "content-disposition" not in r.headers
        if content is not None:
            assert r.content == content
    png = await client.get(f"{API}/raw", params={"path": "image.png"}, headers=auth)
    assert png.headers["content-type"] == "image/png"
    assert png.headers["content-disposition"].startswith('attachment; filename="image.png"')
    assert png.headers["x-content-type-options"] == "nosniff"
    assert png.content == PNG + b"\x00more"

    latin = base64.b64encode(LATIN1_NAME).decode()
    odd = await client.get(f"{API}/raw", params={"path_base64": latin}, headers=auth)
    assert odd.content == b"bonjour\n"


async def test_raw_streams_large_files(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, bare = web
    async with client.stream("GET", f"{API}/raw", params={"path": "big.txt"}, headers=auth) as r:
        assert r.status_code == 200
        assert r.headers["content-type"] == "text/plain; charset=utf-8"
        assert r.headers["content-length"] == str(len(BIG))
        assert await r.aread() == BIG
    # httpx's ASGI transport gathers the body; the stream below it comes in pieces.
    sha = _git(built.work, "rev-parse", "main:big.txt")
    chunks = [chunk async for chunk in git_stream(bare, "cat-file", "blob", sha)]
    assert b"".join(chunks) == BIG and len(chunks) > 1


async def test_git_stream_kills_git_when_the_reader_stops(web: tuple[dict[str, str], Path]) -> None:
    _auth, bare = web
    marker = f"stop-{uuid.uuid4().hex}"
    stream = git_stream(bare, "archive", "--format=tar", f"--prefix={marker}/", "main")
    first = await stream.__anext__()
    assert first
    assert _processes_with(marker), "git should still be running, blocked on its pipe"
    await stream.aclose()  # what a cancelled response does to its body
    assert not _processes_with(marker)


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                state = (entry / "stat").read_text().split()[2]
            except OSError:
                continue
            if marker.encode() in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


# --- history -----------------------------------------------------------------------------


async def test_commits_are_paged(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/commits", params={"ref": "feature", "per_page": 2}, headers=auth)
    assert r.status_code == 200, r.text
    assert [c["sha"] for c in r.json()] == [built.f2, built.f1]
    assert r.headers["x-total-count"] == "5"
    links = {
        rel.strip(): target.strip()[1:-1]
        for target, rel in (part.split(";") for part in r.headers["link"].split(","))
    }
    nxt = urlsplit(links['rel="next"'])
    assert nxt.path == "/api/projects/alice%2Fweb/repository/commits"
    assert parse_qs(nxt.query) == {"ref": ["feature"], "page": ["2"], "per_page": ["2"]}
    following = await client.get(f"{nxt.path}?{nxt.query}", headers=auth)
    assert [c["sha"] for c in following.json()] == [built.c3, built.c2]
    last = await client.get(
        f"{API}/commits", params={"ref": "feature", "per_page": 2, "page": 3}, headers=auth
    )
    assert [c["sha"] for c in last.json()] == [built.c1]
    assert 'rel="next"' not in last.headers["link"]
    assert last.headers["x-total-count"] == "5"
    first = last.json()[0]
    assert first["title"] == "First commit"
    assert first["message"].startswith("First commit\n\nWith a body.")
    assert first["parents"] == []
    assert first["committer"] == {"name": "Committer Bot", "email": "bot@example.com"}
    default = await client.get(f"{API}/commits", headers=auth)
    assert [c["sha"] for c in default.json()] == [built.c3, built.c2, built.c1]


async def test_commits_filtered_by_path(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web

    async def shas(**params: str) -> list[str]:
        r = await client.get(f"{API}/commits", params={"ref": "feature", **params}, headers=auth)
        assert r.status_code == 200, r.text
        return [c["sha"] for c in r.json()]

    assert await shas(path="src/app.py") == [built.c2, built.c1]
    assert await shas(path="src") == [built.c2, built.c1]
    assert await shas(path="README.md") == [built.f2, built.c1]
    assert await shas(path="docs/manual.md") == [built.c2]
    assert await shas(path_base64=base64.b64encode(LATIN1_NAME).decode()) == [built.c1]
    assert await shas(path="never/there") == []


async def test_commits_refuse_bad_input(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    for params, status in (
        ({"per_page": "0"}, 400),
        ({"per_page": "101"}, 400),
        ({"per_page": "ten"}, 400),
        ({"page": "0"}, 400),
        ({"ref": "nope"}, 404),
        ({"path": "../x"}, 422),
    ):
        r = await client.get(f"{API}/commits", params=params, headers=auth)
        assert r.status_code == status, (params, r.text)
        assert next(iter(params)) in r.json()["detail"], (params, r.text)


async def test_commit_with_stats_and_diff(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/commits/{built.c2}", headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["sha"] == built.c2 and body["parents"] == [built.c1]
    assert body["title"] == "Modify, rename and delete"
    files = {(f["old_path"], f["new_path"]): f for f in body["diff"]["files"]}
    assert body["diff"]["truncated"] is False
    app = files[("src/app.py", "src/app.py")]
    assert app["status"] == "modified" and app["binary"] is False
    assert (app["additions"], app["deletions"]) == (4, 1)
    assert "-    return 1\n+    return 2\n" in app["patch"]
    assert app["patch"].startswith("@@ -2,4 +2,7 @@\n")
    # The hunks are a real patch: git applies them (in reverse, to main, where app.py is as
    # this commit left it).
    patch = "--- a/src/app.py\n+++ b/src/app.py\n" + app["patch"]
    checked = await anyio.run_process(
        ["git", "apply", "--check", "--reverse", "-"], cwd=built.work, input=patch.encode()
    )
    assert checked.returncode == 0
    rename = files[("docs/guide.md", "docs/manual.md")]
    assert rename["status"] == "renamed" and (rename["additions"], rename["deletions"]) == (0, 0)
    deleted = files[("notes.txt", None)]
    assert deleted["status"] == "deleted" and deleted["deletions"] == 1
    assert deleted["patch"] == "@@ -1 +0,0 @@\n-to be deleted\n"
    png = files[("image.png", "image.png")]
    assert png["binary"] is True and png["patch"] is None
    assert body["stats"] == {"additions": 4, "deletions": 2, "files": 4}

    # A root commit diffs against nothing; an abbreviated sha or a ref names a commit too.
    root = (await client.get(f"{API}/commits/{built.c1[:8]}", headers=auth)).json()
    assert root["sha"] == built.c1
    statuses = {f["new_path"]: f["status"] for f in root["diff"]["files"]}
    assert set(statuses.values()) == {"added"} and "src/lib/util.py" in statuses
    odd = [f for f in root["diff"]["files"] if "new_path_base64" in f]
    assert [base64.b64decode(f["new_path_base64"]) for f in odd] == [LATIN1_NAME]
    big = next(f for f in root["diff"]["files"] if f["new_path"] == "big.txt")
    assert big["too_large"] is True and big["patch"] is None
    assert (await client.get(f"{API}/commits/v2.0", headers=auth)).json()["sha"] == built.c3


async def test_a_large_diff_is_truncated(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    body = (await client.get(f"{API}/commits/{built.c3}", headers=auth)).json()
    assert body["diff"]["truncated"] is True
    assert len(body["diff"]["files"]) == 300
    assert body["stats"]["files"] == MANY
    assert body["stats"]["additions"] == 300


async def test_commit_refuses_bad_shas(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    for sha, status in (
        ("zzzzzzz", 404),
        ("0000000", 404),
        ("f" * 40, 404),
        ("abc", 404),
        ("main..x", 422),
        ("-n", 404),
    ):
        r = await client.get(f"{API}/commits/{sha}", headers=auth)
        assert r.status_code == status, (sha, r.text)


async def test_compare(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/compare", params={"from": "main", "to": "feature"}, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["from"] == built.c3 and body["to"] == built.f2
    assert body["merge_base"] == built.c3
    assert [c["sha"] for c in body["commits"]] == [built.f2, built.f1]
    assert body["commits_truncated"] is False
    files = {f["new_path"]: f for f in body["diff"]["files"]}
    assert files["feature.txt"]["status"] == "added"
    assert files["README.md"]["status"] == "modified"
    assert body["stats"] == {"additions": 2, "deletions": 1, "files": 2}

    # From a side branch back: the merge base is the fork point and main adds nothing.
    back = (
        await client.get(f"{API}/compare", params={"from": "feature", "to": "v1.0"}, headers=auth)
    ).json()
    assert back["merge_base"] == built.c1 and back["commits"] == []
    assert back["diff"]["files"] == []
    for params, status in (
        ({"from": "main", "to": "nope"}, 404),
        ({"from": "..", "to": "main"}, 400),
        ({"from": "main"}, 400),
    ):
        bad = await client.get(f"{API}/compare", params=params, headers=auth)
        assert bad.status_code == status, (params, bad.text)


# --- archives ----------------------------------------------------------------------------


async def test_archive_tar_gz_and_zip(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, _bare = web
    r = await client.get(f"{API}/archive", params={"ref": "v1.0"}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/gzip"
    assert r.headers["content-disposition"].startswith('attachment; filename="web-v1.0.tar.gz"')
    with tarfile.open(fileobj=io.BytesIO(r.content), mode="r:gz") as tar:
        names = tar.getnames()
        readme = tar.extractfile("web-v1.0/README.md")
        assert readme is not None and readme.read() == b"# web\n\nA site.\n"
    assert "web-v1.0/src/lib/util.py" in names and "web-v1.0/notes.txt" in names

    z = await client.get(
        f"{API}/archive", params={"ref": "refs/heads/feature", "format": "zip"}, headers=auth
    )
    assert z.status_code == 200
    assert z.headers["content-type"] == "application/zip"
    disposition = z.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="web-refs-heads-feature.zip"')
    with zipfile.ZipFile(io.BytesIO(z.content)) as archive:
        assert archive.read("web-refs-heads-feature/feature.txt") == b"new feature\n"
        assert len([n for n in archive.namelist() if "/many/f" in n]) == MANY

    bad = await client.get(f"{API}/archive", params={"format": "rar"}, headers=auth)
    assert bad.status_code == 400 and "format" in bad.json()["detail"]
    missing = await client.get(f"{API}/archive", params={"ref": "nope"}, headers=auth)
    assert missing.status_code == 404


# --- branch create / delete --------------------------------------------------------------


async def test_create_and_delete_branches(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path], built: Built, services: Any
) -> None:
    auth, bare = web
    made = await client.post(
        f"{API}/branches", json={"name": "topic/one", "ref": "v1.0"}, headers=auth
    )
    assert made.status_code == 201, made.text
    assert made.json()["name"] == "topic/one" and made.json()["commit"]["sha"] == built.c1
    assert _git(bare, "rev-parse", "refs/heads/topic/one") == built.c1
    again = await client.post(
        f"{API}/branches", json={"name": "topic/one", "ref": "main"}, headers=auth
    )
    assert again.status_code == 409 and "already exists" in again.json()["detail"]
    short = await client.post(
        f"{API}/branches", json={"name": "from-sha", "ref": built.c2[:9]}, headers=auth
    )
    assert short.status_code == 201 and short.json()["commit"]["sha"] == built.c2

    gone = await client.delete(f"{API}/branches/topic/one", headers=auth)
    assert gone.status_code == 204, gone.text
    assert "topic/one" not in _git(bare, "for-each-ref", "--format=%(refname)")
    assert (await client.delete(f"{API}/branches/topic/one", headers=auth)).status_code == 404
    encoded = await client.delete(f"{API}/branches/from-sha", headers=auth)
    assert encoded.status_code == 204
    _git(bare, "fsck", "--strict")

    async with services.pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT action, details FROM audit_log WHERE action LIKE 'branch.%' ORDER BY id"
        )
        events = await conn.fetch("SELECT payload FROM events WHERE kind = 'git.push' ORDER BY id")
    assert [r["action"] for r in rows] == [
        "branch.create",
        "branch.create",
        "branch.delete",
        "branch.delete",
    ]
    assert len(events) == 4


REFUSED_BRANCH_NAMES = [
    "has space",
    "double..dot",
    "ends.lock",
    "a.lock/b",
    "-leading-dash",
    "trailing/",
    "/leading",
    ".hidden",
    "a/.hidden",
    "tilde~1",
    "caret^",
    "colon:",
    "what?",
    "star*",
    "open[",
    "back\\slash",
    "at@{1}",
    "@",
    "HEAD",
    "ctrl\x01",
    "x" * 256,
]


async def test_branch_names_git_would_refuse(
    client: httpx.AsyncClient, web: tuple[dict[str, str], Path]
) -> None:
    auth, bare = web
    for name in REFUSED_BRANCH_NAMES:
        refused = await anyio.run_process(
            ["git", "check-ref-format", "--branch", name], cwd=bare, check=False
        )
        # dais refuses a little more than git: "HEAD" and "@" (which git resolves to the
        # current branch) and names over 255 characters.
        assert refused.returncode != 0 or name in ("HEAD", "@") or len(name) > 255, name
        r = await client.post(f"{API}/branches", json={"name": name, "ref": "main"}, headers=auth)
        assert r.status_code == 422, (name, r.text)
        assert r.json()["detail"].startswith("name:"), (name, r.text)
    assert _git(bare, "for-each-ref", "--format=%(refname)", "refs/heads").split() == [
        "refs/heads/feature",
        "refs/heads/main",
    ]


async def test_branch_writes_are_checked(
    client: httpx.AsyncClient,
    make_user: MakeUser,
    built: Built,
    services: Any,
) -> None:
    _alice, alice = await make_user("alice")
    _bob, bob_auth = await make_user("bob")
    carol, carol_auth = await make_user("carol")
    bare = await _project(client, alice, built, services, visibility="internal")
    project = "/api/projects/alice%2Fweb"
    await client.post(
        f"{project}/members", json={"user_id": str(carol.id), "role": "developer"}, headers=alice
    )
    body = {"name": "topic", "ref": "main"}
    assert (await client.post(f"{API}/branches", json=body)).status_code == 401
    reader = await client.post(f"{API}/branches", json=body, headers=bob_auth)
    assert reader.status_code == 403 and "project:write" in reader.json()["detail"]
    assert (await client.delete(f"{API}/branches/feature", headers=bob_auth)).status_code == 403

    bad_ref = await client.post(
        f"{API}/branches", json={"name": "topic", "ref": "nope"}, headers=alice
    )
    assert bad_ref.status_code == 422 and bad_ref.json()["detail"].startswith("ref:")
    extra = await client.post(f"{API}/branches", json={**body, "x": 1}, headers=alice)
    assert extra.status_code in (400, 422)

    # The default branch can never be deleted, not even by its maintainer.
    main = await client.delete(f"{API}/branches/main", headers=alice)
    assert main.status_code == 403
    assert main.json()["detail"] == "main is the default branch and cannot be deleted"

    # Protected branches: deletion needs allow_deletion; creation needs a push role.
    rule = await client.post(
        f"{project}/protected-branches", json={"pattern": "release/*"}, headers=alice
    )
    made = await client.post(
        f"{API}/branches", json={"name": "release/1", "ref": "main"}, headers=alice
    )
    assert made.status_code == 201 and made.json()["protected"] is True
    denied = await client.post(
        f"{API}/branches", json={"name": "release/2", "ref": "main"}, headers=carol_auth
    )
    assert denied.status_code == 403
    assert "only maintainer may push to it directly" in denied.json()["detail"]
    assert (
        await client.post(
            f"{API}/branches", json={"name": "dev", "ref": "main"}, headers=carol_auth
        )
    ).status_code == 201
    kept = await client.delete(f"{API}/branches/release/1", headers=alice)
    assert kept.status_code == 403
    assert kept.json()["detail"] == "release/1 is protected (release/*): deleting it is not allowed"
    assert _git(bare, "rev-parse", "refs/heads/release/1") == built.c3
    await client.patch(
        f"{project}/protected-branches/{rule.json()['id']}",
        json={"allow_deletion": True},
        headers=alice,
    )
    assert (await client.delete(f"{API}/branches/release/1", headers=alice)).status_code == 204

    # Archived projects are read-only.
    await client.patch(project, json={"archived": True}, headers=alice)
    archived = await client.post(f"{API}/branches", json=body, headers=alice)
    assert archived.status_code == 403 and "archived" in archived.json()["detail"]
    assert (await client.get(f"{API}/branches", headers=alice)).status_code == 200
