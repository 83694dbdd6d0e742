"""``dais mcp``: dais's tools for an MCP client that speaks stdio (Claude Code's
``claude mcp add dais -- dais mcp --url ...``, an editor).

Nothing runs locally but the protocol: every ``tools/list`` and ``tools/call`` is a request
to the remote dais's ``/api/mcp/tools`` with the token, so the remote server decides what is
listed and allowed and audits each call, exactly as for its own ``/mcp``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import anyio
import httpx2
from mcp.server.stdio import stdio_server

from .registry import TOOLSETS
from .server import RemoteBackend, build_server

__all__ = ["run"]


def _token(token_file: str | None) -> str:
    """The token from ``--token-file`` or ``DAIS_TOKEN``.

    :raises SystemExit: neither gives one (one line, on stderr).
    """
    if token_file:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise SystemExit(f"dais mcp: cannot read --token-file {token_file}: {exc}") from None
    else:
        token = os.environ.get("DAIS_TOKEN", "").strip()
    if not token or any(c.isspace() for c in token):
        raise SystemExit("dais mcp: give a token with --token-file FILE or DAIS_TOKEN")
    return token


async def _serve(url: str, token: str, toolsets: tuple[str, ...], read_only: bool) -> None:
    headers = {"Authorization": f"Bearer {token}", "User-Agent": "dais-mcp-stdio"}
    # httpx2 is the HTTP client the SDK itself uses (already imported with it): importing
    # httpx as well would add a sixth to the start-up.
    async with httpx2.AsyncClient(base_url=url.rstrip("/"), headers=headers, timeout=60) as http:
        server = build_server(RemoteBackend(http, toolsets, read_only))  # type: ignore[arg-type]
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())


def run(url: str, token_file: str | None, toolsets: str | None, read_only: bool) -> int:
    chosen = tuple(t.strip() for t in (toolsets or "").split(",") if t.strip()) or TOOLSETS
    unknown = sorted(set(chosen) - set(TOOLSETS))
    if unknown:
        print(f"dais mcp: --toolsets: unknown toolset {unknown[0]!r}", file=sys.stderr)
        return 2
    if not url.startswith(("http://", "https://")):
        print("dais mcp: --url must be the dais server's http(s) URL", file=sys.stderr)
        return 2
    anyio.run(_serve, url, _token(token_file), chosen, read_only)
    return 0
