"""The secrets master key against a real `dais serve`: generated on first start, rotated by
`dais admin rotate-secrets-key` while the server runs, and a wrong key refused at start-up
with one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from dais.actors.secrets.envelope import MasterKey
from dais.actors.secrets.keyring import read_key_file
from tests.conftest import ROOT, ServerProcess, cli_token

pytestmark = pytest.mark.e2e


def _rotate(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dais.cli", "admin", "rotate-secrets-key", "--batch", "2"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_rotating_the_key_under_a_running_server(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    key_file = Path(server_env["DAIS_DATA_DIR"]) / "secrets.key"
    server = ServerProcess(server_env, tmp_path / "server.log")
    try:
        server.wait_ready()
        assert "generated a secrets master key" in server.log()
        first = read_key_file(key_file)
        assert len(first) == 1
        auth = {"Authorization": f"Bearer {cli_token(server_env, 'admin')}"}
        with httpx.Client(base_url=server.url, headers=auth, timeout=10) as http:
            for i in range(5):
                r = http.put(f"/api/admin/secrets/KEY_{i}", json={"value": f"value {i}"})
                assert r.status_code == 201, r.text

            rotated = _rotate(server_env)
            assert rotated.returncode == 0, rotated.stderr
            assert "rewrapped" in rotated.stdout and "done: 5 sealed rows" in rotated.stdout
            after = read_key_file(key_file)
            assert len(after) == 1 and after[0].key_id != first[0].key_id
            assert first[0].to_text() not in key_file.read_text()
            # The running server follows the file: it reads every value, and seals new ones
            # with the new key.
            for i in range(5):
                assert http.get(f"/api/admin/secrets/KEY_{i}/value").json()["value"] == f"value {i}"
            assert http.put("/api/admin/secrets/LATER", json={"value": "x" * 8}).is_success

            # A second rotation starts from the new key; nothing leaks into its output.
            again = _rotate(server_env)
            assert again.returncode == 0, again.stderr
            assert "value " not in again.stdout + again.stderr
            assert http.get("/api/admin/secrets/LATER/value").json()["value"] == "x" * 8
            audit = http.get("/api/admin/audit", params={"action": "secrets.rotate_key"})
            assert audit.status_code == 200, audit.text
            assert [e["details"]["rewrapped"] for e in audit.json()] == [6, 5]
    finally:
        assert server.stop() == 0, server.log()

    # Restarted on the rotated key file, the server starts and reads as before.
    server = ServerProcess(server_env, tmp_path / "server-2.log")
    try:
        server.wait_ready()
        auth = {"Authorization": f"Bearer {cli_token(server_env, 'admin', 'again')}"}
        got = httpx.get(f"{server.url}/api/admin/secrets/KEY_3/value", headers=auth, timeout=10)
        assert got.json()["value"] == "value 3"
    finally:
        server.stop()

    # Started with another key, it refuses in one line, without a traceback.
    wrong = server_env | {"DAIS_SECRETS_KEY": MasterKey.generate().to_text()}
    refused = subprocess.run(
        [sys.executable, "-m", "dais.cli", "serve"],
        env=wrong,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2, refused.stderr
    assert "Traceback" not in refused.stderr
    last = refused.stderr.strip().splitlines()[-1]
    assert last.startswith("dais: configuration error: stored secrets are sealed with master key")
    assert "DAIS_SECRETS_KEY does not hold" in last
