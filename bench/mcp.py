"""MCP against a real `dais serve`, with the `mcp` SDK's own client: ``tools/list`` and a
read tool call (``get_project``) over ``/mcp`` on a warm server, and ``dais mcp`` over stdio
from process start to its first ``tools/list`` answer.

Targets: tools/list p50 <= 10 ms; a read tool call p50 <= 15 ms; stdio start to the first
tools/list answer <= 1 s. The peer for the call is the same read through the HTTP API
(``GET /api/projects/{p}``) on the same connection pool: what the tool adds on top of the
request it makes.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

from bench._server import running
from bench.healthz import ROOT

N = 200


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


async def _http(url: str, token: str) -> dict[str, list[float]]:
    import httpx2
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    headers = {"Authorization": f"Bearer {token}"}
    listing, calls, peer = [], [], []
    async with (
        httpx2.AsyncClient(headers=headers, timeout=30) as http,
        streamable_http_client(f"{url}/mcp", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        for _ in range(20):  # warm up
            await session.list_tools()
            await session.call_tool("get_project", {"project": "admin/bench"})
        for _ in range(N):
            began = time.perf_counter()
            await session.list_tools()
            listing.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            result = await session.call_tool("get_project", {"project": "admin/bench"})
            calls.append((time.perf_counter() - began) * 1000)
            assert not result.is_error, result.content
        async with httpx2.AsyncClient(headers=headers, timeout=30) as api:
            for _ in range(N):
                began = time.perf_counter()
                r = await api.get(f"{url}/api/projects/admin%2Fbench")
                peer.append((time.perf_counter() - began) * 1000)
                assert r.status_code == 200
    return {"list": listing, "call": calls, "peer": peer}


async def _stdio(url: str, token_file: Path) -> float:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "dais.cli", "mcp", "--url", url, "--token-file", str(token_file)],
        env={k: v for k, v in os.environ.items() if not k.startswith("DAIS_")},
        cwd=str(ROOT),
    )
    began = time.perf_counter()
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        await session.list_tools()
        return time.perf_counter() - began


def main(database_url: str) -> dict[str, float]:
    with running(database_url) as server:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            made = c.post(
                "/api/projects",
                json={"name": "bench"},
                headers={"Authorization": f"Bearer {server.token}"},
            )
            assert made.status_code == 201, made.text
        timings = asyncio.run(_http(server.url, server.token))
        token_file = server.data_dir / "token"
        token_file.write_text(server.token)
        starts = [asyncio.run(_stdio(server.url, token_file)) for _ in range(3)]
    figures = {
        "list_p50_ms": statistics.median(timings["list"]),
        "list_p99_ms": _pct(timings["list"], 0.99),
        "call_p50_ms": statistics.median(timings["call"]),
        "call_p99_ms": _pct(timings["call"], 0.99),
        "peer_p50_ms": statistics.median(timings["peer"]),
        "stdio_start_s": statistics.median(starts),
    }
    print(f"one dais process, the mcp SDK's client over /mcp, {N} of each, one at a time")
    print(
        f"  tools/list: p50 {figures['list_p50_ms']:.1f} ms  p99 {figures['list_p99_ms']:.1f} ms"
        " (target p50 <= 10 ms)"
    )
    print(
        f"  get_project tool call: p50 {figures['call_p50_ms']:.1f} ms  "
        f"p99 {figures['call_p99_ms']:.1f} ms (target p50 <= 15 ms); the same read as "
        f"GET /api/projects/{{p}}: p50 {figures['peer_p50_ms']:.1f} ms "
        f"({figures['call_p50_ms'] / figures['peer_p50_ms']:.1f}x)"
    )
    print(
        f"  dais mcp (stdio): start to first tools/list answer {figures['stdio_start_s']:.2f} s "
        "(median of 3; target <= 1 s)"
    )
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
