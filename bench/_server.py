"""A real `dais serve` for a benchmark: on a free port, a throwaway data directory, the given
database, and an API token of the bootstrap admin's (every scope)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx

from bench.healthz import ROOT, _free_port, _wait

__all__ = ["ADMIN_PASSWORD", "Server", "running", "token_of"]

ADMIN_PASSWORD = "bench admin password"


@attrs.frozen
class Server:
    url: str
    token: str  # the admin's
    data_dir: Path


def token_of(url: str, login: str, password: str) -> str:
    """A new token (every scope) for ``login``, made by signing in as a browser does."""
    with httpx.Client(base_url=url, timeout=30) as c:
        r = c.post("/api/auth/login", json={"login": login, "password": password})
        assert r.status_code == 200, r.text
        made = c.post(
            "/api/user/tokens", json={"name": "bench", "scopes": ["*"]}, headers={"Origin": url}
        )
        assert made.status_code == 201, made.text
        token: str = made.json()["token"]
        return token


@contextlib.contextmanager
def running(database_url: str, **settings: str) -> Iterator[Server]:
    """`dais serve` with ``settings`` (``DAIS_*`` names) added, until the block ends."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryFile() as log:
        env |= {
            "DAIS_BIND": f"127.0.0.1:{port}",
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": data,
            "DAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
            **settings,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "dais.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            _wait(url + "/readyz", proc)
            yield Server(url, token_of(url, "admin", ADMIN_PASSWORD), Path(data))
        finally:
            proc.terminate()
            proc.wait(30)
