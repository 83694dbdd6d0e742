"""What dais's own telemetry costs a request: req/s with ``DAIS_SELF_TELEMETRY`` on and off.

The same `dais serve` (uvloop, one process) with self telemetry off, then on, twice over
so drift on a shared machine shows, each loaded by the same client with 16 keep-alive
connections on ``GET /healthz`` (answered by the edge: the cheapest request, where a span's
share of the cost is largest) and ``GET /api/version`` (routed through Litestar). With it
on, every request leaves a tuple for a span that the flusher turns into rows once a second,
and the log handler and the metrics reading run beside. The figures: on/off req/s per path,
and on/off of the server's CPU time per request (``process_cpu_seconds_total`` before and
after the load; flushes included), which a busy machine disturbs far less than req/s.
"""

from __future__ import annotations

import re
import statistics
from urllib.parse import urlsplit

import httpx

from bench._load import LoadResult, load
from bench._server import running

PATHS = ("/healthz", "/api/version")
ROUNDS = 2
_DROPPED = re.compile(r'^dais_self_telemetry_dropped_total\{signal="traces"\} (\S+)$', re.M)
_CPU = re.compile(r"^process_cpu_seconds_total (\S+)$", re.M)


def _exposition(url: str) -> str:
    return httpx.get(f"{url}/metrics", timeout=30).text


def _cpu_seconds(url: str) -> float:
    found = _CPU.search(_exposition(url))
    assert found is not None, "process_cpu_seconds_total is on /metrics (Linux)"
    return float(found[1])


def _run(
    database_url: str, on: bool, seconds: float
) -> tuple[dict[str, tuple[LoadResult, float]], float]:
    """Each path's load result and CPU seconds per request, and the request spans dropped
    (0 with telemetry off)."""
    flag = "true" if on else "false"
    with running(database_url, DAIS_SELF_TELEMETRY=flag) as server:
        port = urlsplit(server.url).port
        assert port is not None
        results = {}
        for path in PATHS:
            load("127.0.0.1", port, path, seconds=1, connections=16)  # warm-up
            before = _cpu_seconds(server.url)
            result = load("127.0.0.1", port, path, seconds=seconds, connections=16)
            results[path] = result, (_cpu_seconds(server.url) - before) / result.requests
        exposition = _exposition(server.url)
    dropped = _DROPPED.search(exposition)
    assert (dropped is not None) is on, "the dropped counter is there exactly when it is on"
    return results, float(dropped[1]) if dropped else 0.0


def main(database_url: str, seconds: float = 5) -> dict[str, float]:
    rates: dict[tuple[bool, str], list[float]] = {}
    cpu: dict[tuple[bool, str], list[float]] = {}
    dropped = 0.0
    for _ in range(ROUNDS):
        for on in (False, True):
            results, lost = _run(database_url, on, seconds)
            dropped += lost
            for path, (result, per_request) in results.items():
                assert result.errors == 0, f"{path}: {result.errors} errors"
                rates.setdefault((on, path), []).append(result.rps)
                cpu.setdefault((on, path), []).append(per_request)
    print(f"self telemetry off vs on, 16 keep-alive connections, {ROUNDS} rounds of {seconds}s")
    figures = {}
    for path in PATHS:
        off, on_ = rates[False, path], rates[True, path]
        ratio = statistics.mean(on_) / statistics.mean(off)
        cpu_off = statistics.mean(cpu[False, path]) * 1e6
        cpu_on = statistics.mean(cpu[True, path]) * 1e6
        print(
            f"  GET {path:<13} req/s off {_rounds(off)}, on {_rounds(on_)}: on/off {ratio:.3f};"
            f" CPU/request off {cpu_off:.0f} us, on {cpu_on:.0f} us: on/off {cpu_on / cpu_off:.3f}"
        )
        figures[f"{path} req/s on/off"] = ratio
        figures[f"{path} cpu/request on/off"] = cpu_on / cpu_off
    print(f"  request spans dropped while on: {dropped:,.0f}")
    return figures


def _rounds(rates: list[float]) -> str:
    return " ".join(f"{r:,.0f}" for r in rates)


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
