"""The web app's costs: initial JavaScript (gzipped) and first-page navigation timing.

Targets: the JavaScript a first visit loads before any page code (the entry and its
modulepreloads) is at most 100 KB gzipped; the first page is usable within 1 s on
localhost in headless Chromium. "Usable" is measured as the time from navigation start to
the sign-in form's input being in the DOM (anonymous, cold cache, a new browser context
each time), and for a signed-in user to their project list; the browser's own navigation
timing (DOMContentLoaded, load) is printed beside it.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

from bench.healthz import ROOT, _free_port, _wait

DIST = ROOT / "ui" / "dist"
CHROMIUM = os.environ.get("DAIS_TEST_CHROMIUM", "/usr/bin/chromium")
_PASSWORD = "bench admin password"
_RUNS = 10


def initial_assets(dist: Path = DIST) -> dict[str, tuple[int, int]]:
    """Each file index.html loads up front: (bytes, gzipped bytes)."""
    html = (dist / "index.html").read_text()
    names = re.findall(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"', html)
    out = {}
    for name in names:
        data = (dist / name).read_bytes()
        out[name] = (len(data), len(gzip.compress(data, 9)))
    return out


def _timings(page: Any, url: str, ready: str) -> dict[str, float]:
    page.goto(url, wait_until="commit")
    page.wait_for_selector(ready)
    usable = page.evaluate("performance.now()")
    nav = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()"
    )
    return {"usable": usable, "dcl": nav["dcl"], "load": nav["load"]}


def _browse(base: str) -> dict[str, list[dict[str, float]]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict[str, float]]] = {"sign-in page": [], "project list": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for _ in range(_RUNS + 1):  # the first run warms the server; it is dropped
                context = browser.new_context()
                page = context.new_page()
                results["sign-in page"].append(_timings(page, base + "/login", "input[name=login]"))
                context.close()
            state = tempfile.mktemp(suffix=".json")
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "/login")
            page.fill("input[name=login]", "bencher")
            page.fill("input[name=password]", _PASSWORD)
            page.click("form button")
            page.wait_for_selector("[data-testid=projects]")
            context.storage_state(path=state)
            context.close()
            for _ in range(_RUNS + 1):
                context = browser.new_context(storage_state=state)
                page = context.new_page()
                results["project list"].append(_timings(page, base + "/", "[data-testid=projects]"))
                context.close()
            os.unlink(state)
        finally:
            browser.close()
    return {k: v[1:] for k, v in results.items()}


def main(database_url: str) -> dict[str, float]:
    if not (DIST / "index.html").exists():
        print("  skipped: the web app is not built (make ui)")
        return {}
    assets = initial_assets()
    js = sum(z for name, (_, z) in assets.items() if name.endswith(".js"))
    css = sum(z for name, (_, z) in assets.items() if name.endswith(".css"))
    print(f"initial assets ({len(assets)} files, gzip -9):")
    for name, (raw, z) in sorted(assets.items()):
        print(f"  {name:<45} {raw / 1024:>7.1f} KB  gzipped {z / 1024:>6.1f} KB")
    print(f"  initial JavaScript: {js / 1024:.1f} KB gzipped (target <= 100 KB)")
    print(f"  initial CSS: {css / 1024:.1f} KB gzipped")
    if not Path(CHROMIUM).exists():
        print(f"  navigation timing skipped: {CHROMIUM} is missing")
        return {"initial_js_gzip_kb": js / 1024}

    port = _free_port()
    base = f"http://localhost:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_PUBLIC_URL": base,
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
            "DAIS_ADMIN_PASSWORD": _PASSWORD,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(f"http://127.0.0.1:{port}/readyz", proc)
            with httpx.Client(base_url=base, headers={"Origin": base}) as c:
                c.post("/api/auth/login", json={"login": "admin", "password": _PASSWORD})
                user = {"username": "bencher", "password": _PASSWORD}
                c.post("/api/admin/users", json=user).raise_for_status()
                c.post("/api/auth/login", json={"login": "bencher", "password": _PASSWORD})
                for i in range(20):
                    r = c.post("/api/projects", json={"name": f"bench{i}", "visibility": "public"})
                    r.raise_for_status()
            results = _browse(base)
        finally:
            proc.terminate()
            proc.wait(30)
    figures = {"initial_js_gzip_kb": js / 1024}
    print(f"headless Chromium on localhost, cold cache, median of {_RUNS} (ms):")
    for name, runs in results.items():
        usable = statistics.median(r["usable"] for r in runs)
        dcl = statistics.median(r["dcl"] for r in runs)
        load = statistics.median(r["load"] for r in runs)
        print(
            f"  {name:<13} usable {usable:6.0f}  (DOMContentLoaded {dcl:5.0f}, load {load:5.0f},"
            f" worst usable {max(r['usable'] for r in runs):5.0f}; target <= 1000)"
        )
        figures[f"{name}_usable_ms"] = usable
    return figures


if __name__ == "__main__":
    from bench.__main__ import _database, _fresh_database

    with _database() as server, _fresh_database(server) as url:
        main(url)
