"""`make bench`: every benchmark, one after the other, figures printed as they come.

PostgreSQL for the server benchmarks: DAIS_BENCH_DATABASE_URL, else DAIS_TEST_DATABASE_URL,
else an embedded server started for the run.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator

from bench import (
    alerts,
    ask_roundtrip,
    builds,
    git,
    healthz,
    identity,
    issues,
    logql,
    mcp,
    memory,
    notify,
    observe,
    own_telemetry,
    promql,
    secrets,
    secrets_store,
    tail,
    ui,
    webhooks,
)


@contextlib.contextmanager
def _database() -> Iterator[str]:
    url = os.environ.get("DAIS_BENCH_DATABASE_URL") or os.environ.get("DAIS_TEST_DATABASE_URL")
    if url:
        yield url
        return
    import pgserver

    with tempfile.TemporaryDirectory() as pgdata:
        server = pgserver.get_server(pgdata, cleanup_mode="delete")
        try:
            yield str(server.get_uri())
        finally:
            server.cleanup()


@contextlib.contextmanager
def _fresh_database(server_url: str) -> Iterator[str]:
    """A throwaway database on the server, so the bench never touches real data."""
    import asyncio
    from urllib.parse import urlsplit, urlunsplit

    import asyncpg

    name = f"dais_bench_{uuid.uuid4().hex[:8]}"

    async def run(sql: str) -> None:
        conn = await asyncpg.connect(server_url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


#: name -> benchmark taking a database URL, in the order they run.
SERVER_BENCHMARKS: dict[str, Callable[[str], object]] = {
    "healthz": healthz.main,
    "identity": identity.main,
    "git": git.main,
    "issues": issues.main,
    "webhooks": webhooks.main,
    "notify": notify.main,
    "secrets-store": secrets_store.main,
    "mcp": mcp.main,
    "memory": memory.main,
    "ui": ui.main,
    "builds": builds.main,
    "observe": observe.main,
    "promql": promql.main,
    "own-telemetry": own_telemetry.main,
    "tail": tail.main,
    "alerts": alerts.main,
}


def main() -> None:
    """Run every benchmark, or those named on the command line (``python -m bench git``)."""
    alone = {"ask", "secrets", "logql"}  # no database needed
    wanted = set(sys.argv[1:]) or {*alone, *SERVER_BENCHMARKS}
    unknown = wanted - {*alone, *SERVER_BENCHMARKS}
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    if "ask" in wanted:
        print("== actor ask round-trip")
        ask_roundtrip.main()
    if "secrets" in wanted:
        print("\n== secrets")
        secrets.main()
    if "logql" in wanted:
        print("\n== logql")
        logql.main()
    if not wanted & set(SERVER_BENCHMARKS):
        return
    with _database() as server_url:
        for name, run in SERVER_BENCHMARKS.items():
            if name in wanted:
                print(f"\n== {name}")
                with _fresh_database(server_url) as url:
                    run(url)


if __name__ == "__main__":
    main()
