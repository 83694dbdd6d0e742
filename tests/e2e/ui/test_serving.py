"""How dais serves the web app: the page for browser paths, cache headers, and its routes'
precedence (the API, git and unknown paths keep answering as they did)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import httpx
import pytest

from dais.http import ui

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built app of our own (the tests must not depend on the real build's names)."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(
        '<!doctype html><title>dais</title><script type="module" src="/assets/index-abc123.js">'
        "</script>"
    )
    (root / "assets" / "index-abc123.js").write_text("console.log('dais');\n" * 200)
    monkeypatch.setattr(ui, "DIST", root)
    return root


async def test_the_app_answers_browser_paths_no_route_owns(
    client: httpx.AsyncClient, dist: Path
) -> None:
    for path in ("/", "/login", "/alice/web", "/alice/web/-/tree/src/a.py", "/-/admin/users"):
        r = await client.get(path, headers=HTML)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html"), path
        assert "/assets/index-abc123.js" in r.text
        assert r.headers["cache-control"] == "no-cache"
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp
    head = await client.head("/alice/web", headers=HTML)
    assert head.status_code == 200 and head.content == b""


async def test_non_browser_and_server_paths_keep_their_answers(
    client: httpx.AsyncClient, dist: Path
) -> None:
    # No Accept: text/html (a script, curl): a 404 problem, as before the app existed.
    r = await client.get("/alice/web/-/tree")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "no route matches GET /alice/web/-/tree" in r.json()["detail"]
    # The API's unknown routes are problems even for a browser.
    r = await client.get("/api/no-such-thing", headers=HTML)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    # Only GET and HEAD fall back to the page.
    r = await client.post("/alice/web", headers=HTML, json={})
    assert r.status_code in {404, 405}
    assert "text/html" not in r.headers["content-type"]
    # git's routes keep theirs: the smart HTTP advertisement, not the page.
    r = await client.get("/alice/web.git/info/refs?service=git-upload-pack", headers=HTML)
    assert "text/html" not in r.headers.get("content-type", "")
    # /healthz and the API.
    assert (await client.get("/healthz", headers=HTML)).json() == {"status": "ok"}
    assert (await client.get("/api/version", headers=HTML)).json()["version"]


async def test_hashed_assets_are_cached_for_good_and_gzipped(
    client: httpx.AsyncClient, dist: Path
) -> None:
    r = await client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert r.headers["content-encoding"] == "gzip"
    assert r.text == (dist / "assets" / "index-abc123.js").read_text()  # httpx inflates it
    plain = await client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert len(plain.content) > len(gzip.compress(plain.content))

    for missing in ("/assets/index-old.js", "/assets/%2e%2e/index.html", "/assets/..%2findex.html"):
        r = await client.get(missing, headers=HTML)
        assert r.status_code == 404, missing
        assert r.headers["content-type"].startswith("application/problem+json"), missing


async def test_an_unbuilt_app_says_how_to_build_it(
    client: httpx.AsyncClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui, "DIST", tmp_path / "nothing")
    r = await client.get("/", headers=HTML)
    assert r.status_code == 503
    assert "make ui" in r.text and "npm run build" in r.text
    assert re.search(r"<h1>.*not built.*</h1>", r.text)


async def test_the_sign_in_page_knows_the_first_start(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/ui/status")
    assert r.status_code == 200
    assert set(r.json()) == {"first_start"}
