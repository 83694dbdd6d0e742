"""The web app: ``ui/dist`` served at ``/``, and ``index.html`` for the app's own routes.

The app routes in the browser (``/alice/web/-/tree``), so the server answers ``index.html``
for any ``GET`` that no other route owns, when a browser asks (``Accept: text/html``) and the
path is outside the server's own prefixes. That fallback hangs off the 404 Litestar raises
when nothing matched: a catch-all ``/{path:path}`` route would not do, because Litestar's
router then sends ``GET /{owner}/{name}/info/refs`` (git) to the catch-all and answers 405
to the git ``POST``s (tried).

Vite names every asset after its content (``/assets/index-3f2a9c.js``), so assets are cached
for a year as immutable; ``index.html`` is ``no-cache`` and carries the app's Content
Security Policy (scripts and styles only from dais's own origin). Assets are gzipped once
and kept in memory (they are small and never change under one name).
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from litestar import Request, Response, get, route
from litestar.exceptions import HTTPException, NotFoundException
from litestar.params import FromPath

from dais.actors.identity import messages as im

from .auth import ask_identity
from .problems import exception_handlers

if TYPE_CHECKING:
    from litestar.types import ExceptionHandlersMap

__all__ = ["DIST", "EXCEPTION_HANDLERS", "ROUTES"]

#: Where the built app lives: ``DAIS_UI_DIST`` if set (an installed dais), else the
#: checkout's ``ui/dist``.
DIST = Path(os.environ.get("DAIS_UI_DIST") or Path(__file__).resolve().parents[2] / "ui" / "dist")

#: Paths the server owns: never answered with the app, even for a browser.
_SERVER_PREFIXES = (
    "/api/",
    "/assets/",
    "/_internal/",
    "/_litestar/",
    "/v1/",
    "/mcp",
    "/healthz",
    "/readyz",
    "/metrics",
)
_IMMUTABLE = "public, max-age=31536000, immutable"
# The app's own code only; images may come from anywhere over https (README badges); the
# repository's raw files are served by dais with a sandbox CSP of their own.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_PAGE_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
_COMPRESSIBLE = (".js", ".css", ".svg", ".json", ".map", ".txt", ".html")

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dais: the web app is not built</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}}
code,pre{{background:#8882;padding:.1rem .3rem;border-radius:4px}}pre{{padding:.6rem}}</style>
</head><body>
<h1>dais is running; its web app is not built</h1>
<p>dais serves the web app from <code>{dist}</code>, which has no <code>index.html</code>.
Build it (Node.js 20.19 or later and npm):</p>
<pre>make ui        # or: cd ui &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p><code>make run</code> builds it too. The API answers meanwhile:
<a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
"""


class _Cached(msgspec.Struct, frozen=True):
    stamp: tuple[int, int]
    body: bytes
    gzipped: bytes | None


_cache: dict[Path, _Cached] = {}


def _read(path: Path) -> _Cached | None:
    """The file's bytes (and gzipped bytes), re-read when the build replaced it."""
    try:
        st = path.stat()
    except OSError:
        return None
    stamp = (st.st_mtime_ns, st.st_size)
    found = _cache.get(path)
    if found is None or found.stamp != stamp:
        body = path.read_bytes()
        gzipped = None
        if path.suffix in _COMPRESSIBLE and len(body) > 1024:
            gzipped = gzip.compress(body, 9, mtime=0)
        found = _cache[path] = _Cached(stamp, body, gzipped)
    return found


def _accepts_gzip(request: Request[Any, Any, Any]) -> bool:
    return "gzip" in (request.headers.get("accept-encoding") or "").lower()


def _send(
    request: Request[Any, Any, Any], found: _Cached, media_type: str, headers: dict[str, str]
) -> Response[bytes]:
    headers = {**headers, "Vary": "Accept-Encoding"}
    body = found.body
    if found.gzipped is not None and _accepts_gzip(request):
        body = found.gzipped
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        body = b""
    return Response(body, media_type=media_type, headers=headers)


def _index(request: Request[Any, Any, Any]) -> Response[bytes]:
    request.scope["path_template"] = "<ui>"
    found = _read(DIST / "index.html")
    if found is None:
        page = _NOT_BUILT.format(dist=DIST).encode()
        return Response(page, status_code=503, media_type="text/html", headers=_PAGE_HEADERS)
    return _send(request, found, "text/html", _PAGE_HEADERS)


@route("/", http_method=["GET", "HEAD"], include_in_schema=False)
async def index(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The app's entry page."""
    return _index(request)


_ASSET_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}")


@route("/assets/{file:path}", http_method=["GET", "HEAD"], include_in_schema=False)
async def asset(request: Request[Any, Any, Any], file: FromPath[str]) -> Response[bytes]:
    """A built asset: its name carries its content hash, so it is cached for good."""
    name = file.lstrip("/")
    # Vite writes assets flat, named [name]-[hash].[ext]: anything else names none (and a
    # NUL would make the file system calls below raise).
    if not _ASSET_NAME.fullmatch(name):
        raise NotFoundException(f"no asset {name!r}")
    root = (DIST / "assets").resolve()
    wanted = (root / name).resolve()
    found = _read(wanted) if wanted.is_relative_to(root) and wanted.is_file() else None
    if found is None:
        raise NotFoundException(f"no asset {file.lstrip('/')!r}: the app may have been rebuilt")
    media_type = mimetypes.guess_type(wanted.name)[0] or "application/octet-stream"
    if wanted.suffix in {".js", ".mjs"}:
        media_type = "text/javascript"
    headers = {"Cache-Control": _IMMUTABLE, "X-Content-Type-Options": "nosniff"}
    return _send(request, found, media_type, headers)


class StatusOut(msgspec.Struct):
    first_start: bool


@get("/api/ui/status", include_in_schema=False)
async def status(request: Request[Any, Any, Any]) -> StatusOut:
    """What the sign-in page needs before anyone signs in: whether this is the first start
    (the ``admin`` user made at first start has never signed in), so it explains how to."""
    users, _total = await ask_identity(request, im.ListUsers("admin", 10, 0))
    admin = next((u for u in users if u.username == "admin"), None)
    return StatusOut(first_start=admin is not None and admin.last_login_at is None)


def _wants_app(request: Request[Any, Any, Any]) -> bool:
    path: str = request.scope["path"]
    return (
        request.method in {"GET", "HEAD"}
        and not path.startswith(_SERVER_PREFIXES)
        and "text/html" in (request.headers.get("accept") or "")
    )


_problem = exception_handlers()[HTTPException]


def not_found(request: Request[Any, Any, Any], exc: NotFoundException) -> Response[Any]:
    """No route matched: a browser gets the app (its router knows the page), others a 404."""
    if _wants_app(request):
        return _index(request)
    return _problem(request, exc)


ROUTES = [index, asset, status]
EXCEPTION_HANDLERS: ExceptionHandlersMap = {NotFoundException: not_found}
