"""The UI's typed API client (ui/src/api/schema.d.ts) matches the server's OpenAPI document.

When the API changes, regenerate it with `make api-client` and commit the result.
"""

from __future__ import annotations

import shutil
import subprocess

from dais.cli import _openapi_document
from tests.conftest import ROOT, require_service

UI = ROOT / "ui"


def test_the_checked_in_client_matches_the_api() -> None:
    node = shutil.which("node")
    if node is None:
        require_service("Node.js", "node is not on PATH")
    if not (UI / "node_modules" / "openapi-typescript").is_dir():
        require_service("the UI's npm packages", "run make ui (npm ci in ui/)")
    result = subprocess.run(
        [node, "scripts/api-client.mjs", "--check"],
        cwd=UI,
        input=_openapi_document(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
