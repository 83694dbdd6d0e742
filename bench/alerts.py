"""Alert evaluation at the issue's scale: 1,000 rules (5 projects x 200, the most a project
may have) over a realistic metric set, evaluated pass after pass by the real evaluator.

Each project holds 100 counter series (5 services x 20 routes) over the last 30 minutes at
a 15 s interval, sent as OTLP/HTTP protobuf through the app. The rules are the shapes
people write: per-service request rates over a threshold, one route's rate, and a ratio of
two rates, their thresholds spread so that some fire. The evaluator (the one `dais serve`
runs, in this process, on the same database and Parquet store) is asked for a pass at a
time (``EvaluateNow``), 12 times; the figures are the process's CPU seconds per pass (every
thread: DuckDB's workers too), per rule, and the pass's wall time (p50, p95), and the share
of one core that a pass every 15 s takes. No peer: Prometheus' rule evaluation cannot run
over this store.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from typing import Any

import anyio
import httpx

from bench.promql import INTERVAL, _exports, _series

PROJECTS = 5
RULES_PER_PROJECT = 200
PASSES = 12
WINDOW = 1800  # seconds of points before now


def _rules() -> list[dict[str, Any]]:
    out = []
    for k in range(RULES_PER_PROJECT):
        service = f"svc-{k % 5}"
        match k % 3:
            case 0:
                expr = (
                    f'sum by (service_name) (rate(bench_requests{{service_name="{service}"}}[5m]))'
                    f" > {k % 7}"
                )
            case 1:
                expr = f'rate(bench_requests{{route="/r{k % 20}"}}[5m]) > {(k % 5) / 4}'
            case _:
                expr = (
                    f'sum(rate(bench_requests{{service_name="{service}",route=~"/r1.*"}}[5m]))'
                    f" / sum(rate(bench_requests[5m])) > 0.{k % 9}"
                )
        out.append({"name": f"rule-{k}", "expr": expr, "for": "1m", "labels": {"n": str(k)}})
    return out


async def _run(database_url: str) -> None:
    from dais.actors.identity import messages as im
    from dais.actors.observe import alert_messages as am
    from dais.config import load_settings
    from dais.http.app import create_app
    from dais.serve import open_database, running_services
    from dais.storage.broker import open_broker

    with tempfile.TemporaryDirectory() as data:
        settings = load_settings(
            {
                "DAIS_DATABASE_URL": database_url,
                "DAIS_DATA_DIR": data,
                "DAIS_ALERT_INTERVAL": "3600",  # passes only when asked
            }
        )
        async with (
            open_database(settings) as (pool, _url),
            open_broker(None) as broker,
            running_services(settings, pool, broker, name="bench") as services,
        ):
            audit = im.AuditContext(None, "bench", None, None)
            identity = services.system.ref("identity")
            user = await identity.ask(
                im.CreateUser(
                    im.UserKind.HUMAN,
                    "alertbench",
                    "alertbench@example.com",
                    "B",
                    None,
                    True,
                    audit,
                )
            )
            _r, token = await identity.ask(
                im.CreateToken(user.id, "t", frozenset({"*"}), None, audit)
            )
            auth = {"Authorization": f"Bearer {token}"}
            transport = httpx.ASGITransport(app=create_app(services))  # type: ignore[arg-type]
            async with httpx.AsyncClient(
                transport=transport, base_url="http://dais.bench", timeout=120
            ) as http:
                end_s = int(time.time()) // INTERVAL * INTERVAL
                series = [(s, r, v[: WINDOW // INTERVAL + 1]) for s, r, v in _series()]
                bodies = _exports(series, end_s - WINDOW)
                rules = _rules()
                for p in range(PROJECTS):
                    r = await http.post("/api/projects", json={"name": f"ab{p}"}, headers=auth)
                    r.raise_for_status()
                    project = r.json()["id"]
                    r = await http.post(
                        "/api/user/tokens",
                        json={"name": "otel", "scopes": ["telemetry:write"], "project": project},
                        headers=auth,
                    )
                    r.raise_for_status()
                    ingest = {
                        "Authorization": f"Bearer {r.json()['token']}",
                        "Content-Type": "application/x-protobuf",
                    }
                    for body in bodies:
                        (
                            await http.post("/v1/metrics", content=body, headers=ingest)
                        ).raise_for_status()
                    for rule in rules:
                        r = await http.post(
                            f"/api/projects/{project}/alert-rules", json=rule, headers=auth
                        )
                        r.raise_for_status()
                await services.telemetry.flush()
            evaluator = services.system.ref(am.EVALUATOR)
            with anyio.fail_after(30):
                for _ in range(300):  # it takes the lock within its standby interval
                    if (await evaluator.ask(am.GetEvaluatorStatus(), timeout=10)).leading:
                        break
                    await anyio.sleep(0.1)
            cpu, wall, reports = [], [], []
            for k in range(PASSES + 1):
                c0, w0 = time.process_time(), time.perf_counter()
                report = await evaluator.ask(am.EvaluateNow(datetime.now(UTC)), timeout=600)
                if k:  # the first pass warms caches: not counted
                    cpu.append(time.process_time() - c0)
                    wall.append(time.perf_counter() - w0)
                    reports.append(report)
            # Pending or firing: with `for: 1m`, passes that take under five seconds end
            # before any alert has held a minute.
            active = await pool.fetchval(
                "SELECT count(*) FROM alert_instances WHERE state IN ('pending', 'firing')"
            )
    rules_n = reports[-1].rules
    cpu_pass = statistics.mean(cpu)
    wall.sort()
    p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
    print(
        f"{rules_n} rules ({PROJECTS} projects), {len(series)} series each, "
        f"errors in the last pass: {reports[-1].errors}, alerts pending or firing: {active}"
    )
    print(
        f"CPU per pass: {cpu_pass:.3f} s (per rule {cpu_pass / rules_n * 1000:.2f} ms); "
        f"pass time p50 {statistics.median(wall):.3f} s, p95 {p95:.3f} s"
    )
    share = cpu_pass / 15
    verdict = "fits" if share < 0.5 else "does NOT fit"
    print(f"a pass every 15 s: {share:.2f} of one core ({verdict} in half a core)")


def main(database_url: str) -> None:
    anyio.run(_run, database_url)
