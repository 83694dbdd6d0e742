"""schemathesis over the whole OpenAPI document, against a real `dais serve`.

Every operation is fuzzed with ``--checks all`` (no 5xx, every status, content type, header
and body as documented, schema-invalid input refused, schema-valid input taken, methods and
``Allow`` as documented, authentication honoured), once as an administrator and once as a
user holding no role, on a project seeded with an issue, a label, a milestone, a webhook and
a merge request so that paths name real things. The example count is bounded so the run
stays within a few minutes; ``DAIS_FUZZ_EXAMPLES`` and ``DAIS_FUZZ_SEED`` change it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ServerProcess, cli_token

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

HERE = Path(__file__).resolve().parent
EXAMPLES = os.environ.get("DAIS_FUZZ_EXAMPLES", "10")
SEED = os.environ.get("DAIS_FUZZ_SEED", "20261203")


@pytest.fixture
def server_env(server_env: dict[str, str]) -> dict[str, str]:
    # The seeded webhook points at this machine (there is no network to resolve names on).
    return server_env | {"DAIS_WEBHOOK_ALLOWED_HOSTS": "loopback"}


def _seed(url: str, admin: dict[str, str]) -> None:
    """A public project with one of everything a path can name."""
    with httpx.Client(base_url=url, headers=admin, timeout=30) as c:

        def ok(r: httpx.Response) -> httpx.Response:
            assert r.is_success, (r.request.url, r.status_code, r.text)
            return r

        ok(c.post("/api/admin/users", json={"username": "vera", "password": "vera-password-1"}))
        ok(
            c.post(
                "/api/projects",
                json={"name": "web", "visibility": "public", "initialize_with_readme": True},
            )
        )
        base = "/api/projects/admin%2Fweb"
        ok(c.post(f"{base}/labels", json={"name": "bug", "color": "#d73a4a"}))
        ok(c.post(f"{base}/milestones", json={"title": "v1"}))
        ok(c.post(f"{base}/issues", json={"title": "First", "labels": ["bug"]}))
        ok(c.post(f"{base}/issues/1/comments", json={"body": "a comment"}))
        ok(c.post(f"{base}/repository/branches", json={"name": "feature", "ref": "main"}))
        ok(c.post(f"{base}/merge-requests", json={"source_branch": "feature", "title": "MR"}))
        ok(
            c.post(
                f"{base}/webhooks", json={"url": "http://127.0.0.1:8999/hook", "events": ["push"]}
            )
        )


def _fuzz(url: str, token: str, label: str, tmp_path: Path) -> str:
    report = tmp_path / f"schemathesis-{label}.log"
    started = time.monotonic()
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(HERE / "schemathesis.toml"),
            "--no-color",
            "run",
            f"{url}/api/openapi.json",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            EXAMPLES,
            "--seed",
            SEED,
            "--workers",
            "2",
            "--header",
            f"Authorization: Bearer {token}",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    report.write_text(output)
    summary = output[output.rfind("SUMMARY") :] if "SUMMARY" in output else output[-4000:]
    tested = re.search(r"Tested: (\d+)", output)
    cases = re.search(r"(\d+) generated", output)
    print(
        f"schemathesis as {label}: {tested[1] if tested else '?'} operations, "
        f"{cases[1] if cases else '?'} test cases, {time.monotonic() - started:.0f} s"
    )
    assert result.returncode == 0, f"schemathesis as {label} failed:\n{output[-20000:]}"
    assert tested is not None and int(tested[1]) >= 90, summary
    return output


def test_every_operation_as_admin_and_as_a_plain_user(
    dais_server: ServerProcess, server_env: dict[str, str], tmp_path: Path
) -> None:
    admin = cli_token(server_env, "admin")
    _seed(dais_server.url, {"Authorization": f"Bearer {admin}"})
    vera = cli_token(server_env, "vera")
    _fuzz(dais_server.url, admin, "admin", tmp_path)
    _fuzz(dais_server.url, vera, "vera", tmp_path)
    assert dais_server.proc.poll() is None, "dais serve stopped during the run"
    log = dais_server.log()
    assert "Traceback" not in log, log[-5000:]
    assert httpx.get(dais_server.url + "/readyz").status_code == 200
