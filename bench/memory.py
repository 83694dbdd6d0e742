"""Resident memory of an idle `dais serve` (target: at most 150 MB)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from bench.healthz import ROOT, _free_port, _wait


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main(database_url: str, settle: float = 3) -> dict[str, float]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(f"http://127.0.0.1:{port}/readyz", proc)
            time.sleep(settle)
            rss = _rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(30)
    print(f"idle `dais serve` resident memory: {rss:.1f} MB (target <= 150 MB)")
    return {"idle_rss_mb": rss}
