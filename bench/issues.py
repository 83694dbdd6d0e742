"""Issue listing filtered by a label, in a project holding 10,000 issues.

Target: ``GET /api/projects/{id}/issues?labels=<one label>`` answers with p50 <= 20 ms and
p99 <= 100 ms under 50 concurrent clients (keep-alive connections, each sending its next
request when the last is answered), against a real `dais serve` with a Bearer token.

With 50 clients that never pause, p50 is about 50 / throughput (Little's law), so the
figures are printed beside two peers measured in the same run (a routed request that
reads nothing, and the project read every project route starts with), with the server's
CPU time per request and the latency of one client alone.

The project, its labels and a first issue are made through the API; the other 9,999
issues are written with one INSERT ... SELECT (and their labels with another), as a
bulk import would, so the set-up takes a second rather than minutes. Each issue carries
one to three of eight labels; the label measured is on about a quarter of them.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile

import asyncpg
import httpx

from bench._load import load
from bench.healthz import ROOT, _free_port, _wait

_PASSWORD = "bench admin password"
_ISSUES = 10_000
_LABELS = ("bug", "feature", "ui", "backend", "docs", "security", "performance", "chore")
_CLIENTS = 50


async def _seed(database_url: str, project_id: int, author_id: int) -> None:
    """Issues 2..10,000 and their labels, in one transaction of two statements."""
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute(
                """
                INSERT INTO issues (project_id, iid, title, body, state, author_id, created_at,
                                    updated_at)
                SELECT $1, n, 'Issue number ' || n || ': ' || (ARRAY['crash', 'slow page',
                       'typo', 'broken link', 'login fails'])[1 + n % 5],
                       'Steps to reproduce issue ' || n || E'.\n\nExpected it to work.',
                       CASE WHEN n % 4 = 0 THEN 'closed' ELSE 'open' END, $2,
                       now() - make_interval(mins => $3 - n), now() - make_interval(mins => $3 - n)
                FROM generate_series(2, $3) AS n
                """,
                project_id,
                author_id,
                _ISSUES,
            )
            # Label k (0..7) goes on issue n when n % 8 == k, plus (n * 3) % 8 == k when n is
            # odd, plus k == 0 ("bug") when n % 5 == 0: one to three labels each.
            await conn.execute(
                """
                INSERT INTO issue_labels (issue_id, label_id, state)
                SELECT DISTINCT i.id, l.id, i.state
                FROM issues i
                JOIN LATERAL (
                    SELECT unnest(ARRAY[i.iid % 8,
                                        CASE WHEN i.iid % 2 = 1 THEN (i.iid * 3) % 8 END,
                                        CASE WHEN i.iid % 5 = 0 THEN 0 END]) AS k
                ) AS picks ON picks.k IS NOT NULL
                JOIN labels l ON l.project_id = i.project_id
                 AND l.name = ($3::text[])[picks.k + 1]
                WHERE i.project_id = $1 AND i.iid >= $2
                ON CONFLICT DO NOTHING
                """,
                project_id,
                2,
                list(_LABELS),
            )
            await conn.execute(
                "UPDATE issue_counters SET last_iid = $2 WHERE project_id = $1",
                project_id,
                _ISSUES,
            )
        # As autovacuum leaves a table after a bulk insert (PostgreSQL 13+ vacuums after
        # inserts too): statistics, and the visibility map that lets the label filter count
        # its matches from the index alone instead of visiting every matching issue.
        await conn.execute("VACUUM ANALYZE issues, issue_labels, labels")
    finally:
        await conn.close()


def main(database_url: str, seconds: float = 10) -> dict[str, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
            "DAIS_ADMIN_PASSWORD": _PASSWORD,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(base + "/readyz", proc)
            with httpx.Client(base_url=base, timeout=30) as c:
                c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
                token = c.post(
                    "/api/user/tokens",
                    json={"name": "bench", "scopes": ["*"]},
                    headers={"Origin": base},
                ).json()["token"]
                auth = {"Authorization": f"Bearer {token}"}
                project = c.post("/api/projects", json={"name": "tracker"}, headers=auth).json()
                path = f"/api/projects/{project['id']}"
                for name in _LABELS:
                    r = c.post(f"{path}/labels", json={"name": name}, headers=auth)
                    r.raise_for_status()
                first = c.post(
                    f"{path}/issues", json={"title": "first", "labels": ["bug"]}, headers=auth
                )
                first.raise_for_status()
                author_id = int(first.json()["author"]["id"])
                asyncio.run(_seed(database_url, int(project["id"]), author_id))
                probe = c.get(f"{path}/issues?labels=bug&state=all&per_page=1", headers=auth)
                matching = int(probe.headers["x-total-count"])
                total = int(
                    c.get(f"{path}/issues?state=all&per_page=1", headers=auth).headers[
                        "x-total-count"
                    ]
                )
            target = f"{path}/issues?labels=bug"
            # Peers in the same run: a routed request that reads nothing, and one that
            # authenticates and reads the project (what every project route does first).
            rows = []
            for name, url in (
                ("GET /api/version", "/api/version"),
                ("GET /api/projects/{id}", path),
                ("GET /api/projects/{id}/issues?labels=bug", target),
            ):
                load("127.0.0.1", port, url, seconds=2, connections=_CLIENTS, headers=auth)
                before = _cpu_seconds(proc.pid)
                result = load(
                    "127.0.0.1", port, url, seconds=seconds, connections=_CLIENTS, headers=auth
                )
                cpu_ms = (_cpu_seconds(proc.pid) - before) / max(result.requests, 1) * 1000
                rows.append((name, result, cpu_ms))
            alone = load("127.0.0.1", port, target, seconds=3, connections=1, headers=auth)
        finally:
            proc.terminate()
            proc.wait(30)
    print(
        f"{total:,} issues, {matching:,} labelled bug; 20 per page; {_CLIENTS} concurrent "
        "keep-alive clients, Bearer token, one dais process"
    )
    for name, r, cpu_ms in rows:
        print(
            f"  {name:<42} {r.rps:>6,.0f} req/s  p50 {r.p50_ms:6.1f} ms  p99 {r.p99_ms:6.1f} ms"
            f"  dais CPU {cpu_ms:.2f} ms/req  errors {r.errors}"
        )
    _name, listing, _cpu = rows[-1]
    print(
        f"  label listing: p50 {listing.p50_ms:.1f} ms (target <= 20), "
        f"p99 {listing.p99_ms:.1f} ms (target <= 100); one client alone: "
        f"p50 {alone.p50_ms:.1f} ms, p99 {alone.p99_ms:.1f} ms"
    )
    return {
        "rps": listing.rps,
        "p50_ms": listing.p50_ms,
        "p99_ms": listing.p99_ms,
        "alone_p50_ms": alone.p50_ms,
    }


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
