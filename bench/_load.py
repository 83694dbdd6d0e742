"""A small HTTP/1.1 keep-alive load generator (asyncio + uvloop, raw sockets).

Written here rather than shelling out to wrk so `make bench` needs nothing installed; it
answers ~4x faster than Hypercorn can serve on this machine, so the server stays the
bottleneck being measured.
"""

from __future__ import annotations

import asyncio
import time

import attrs


@attrs.frozen
class LoadResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


async def _worker(
    host: str,
    port: int,
    path: str,
    deadline: float,
    latencies: list[float],
    errors: list[int],
    headers: dict[str, str],
) -> None:
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            writer.write(request)
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                # Hypercorn closes a keep-alive connection after 1,000 requests: reconnect.
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                errors.append(1)
            latencies.append(time.perf_counter() - t0)
    finally:
        writer.close()


async def _run(
    host: str, port: int, path: str, seconds: float, connections: int, headers: dict[str, str]
) -> LoadResult:
    latencies: list[float] = []
    errors: list[int] = []
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(
            _worker(host, port, path, deadline, latencies, errors, headers)
            for _ in range(connections)
        )
    )
    elapsed = time.perf_counter() - start
    latencies.sort()
    n = len(latencies)
    return LoadResult(
        requests=n,
        seconds=elapsed,
        errors=len(errors),
        p50_ms=latencies[n // 2] * 1000 if n else 0.0,
        p99_ms=latencies[int(n * 0.99)] * 1000 if n else 0.0,
    )


def load(
    host: str,
    port: int,
    path: str,
    *,
    seconds: float = 5,
    connections: int = 16,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    import uvloop

    return uvloop.run(_run(host, port, path, seconds, connections, headers or {}))
