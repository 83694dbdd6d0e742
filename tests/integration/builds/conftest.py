"""The build engine in process: a project with a repository, pipeline files committed
through the files API (each commit a ``git.push`` event, as a push would be), and waits for
pipelines to settle."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from tests.conftest import MakeUser
from tests.integration.webhooks.conftest import eventually, kick

__all__ = ["Repo", "eventually", "kick", "processes_with", "repo"]

#: Long enough for a step on a loaded CI machine; no test waits this long when it passes.
PATIENCE = 30.0


@pytest.fixture
def build_env() -> dict[str, str]:
    """Settings a test adds or overrides."""
    return {}


@pytest.fixture
def settings(database_url: str, tmp_path: Path, build_env: dict[str, str]) -> Any:
    from dais.config import load_settings

    return load_settings(
        {
            "DAIS_DATABASE_URL": database_url,
            "DAIS_DATA_DIR": str(tmp_path / "data"),
            "DAIS_PUBLIC_URL": "https://dais.example.com",
            **build_env,
        }
    )


@attrs.define
class Repo:
    """alice's project ``alice/app`` with its main branch, and ways to drive its pipelines."""

    client: httpx.AsyncClient
    services: Any
    auth: dict[str, str]
    user_id: str
    path: str = "alice%2Fapp"

    @property
    def api(self) -> str:
        return f"/api/projects/{self.path}"

    async def commit(
        self, files: dict[str, str | bytes], branch: str = "main", *, start: str | None = None
    ) -> str:
        """Commit each file in turn on ``branch``; the last commit's sha."""
        sha = ""
        for path, content in files.items():
            body: dict[str, Any] = {"branch": branch, "path": path, "message": f"Write {path}"}
            if isinstance(content, bytes):
                body |= {"content": base64.b64encode(content).decode(), "encoding": "base64"}
            else:
                body["content"] = content
            if start is not None:
                body["start_branch"] = start
                start = None
            r = await self.client.put(f"{self.api}/repository/files", json=body, headers=self.auth)
            assert r.status_code in (200, 201), r.text
            sha = r.json()["commit"]
        kick(self.services)
        return sha

    async def pipelines(self, **query: Any) -> list[dict[str, Any]]:
        r = await self.client.get(f"{self.api}/pipelines", params=query, headers=self.auth)
        assert r.status_code == 200, r.text
        found: list[dict[str, Any]] = r.json()
        return found

    async def pipeline(self, number: int) -> dict[str, Any]:
        r = await self.client.get(f"{self.api}/pipelines/{number}", headers=self.auth)
        assert r.status_code == 200, r.text
        found: dict[str, Any] = r.json()
        return found

    async def settled(self, number: int, patience: float = PATIENCE) -> dict[str, Any]:
        """Pipeline ``number`` once it has finished."""

        async def check() -> dict[str, Any] | None:
            found = await self.pipeline(number)
            return found if found["state"] not in ("pending", "running") else None

        settled: dict[str, Any] = await eventually(check, patience)
        return settled

    async def first_pipeline_of(self, sha: str) -> dict[str, Any]:
        async def check() -> list[dict[str, Any]]:
            kick(self.services)
            return await self.pipelines(sha=sha)

        found = await eventually(check, PATIENCE)
        pipeline: dict[str, Any] = found[-1]
        return pipeline

    async def log(self, number: int, step: str) -> str:
        r = await self.client.get(
            f"{self.api}/pipelines/{number}/steps/{step}/log", headers=self.auth
        )
        assert r.status_code == 200, r.text
        return r.text

    def step(self, pipeline: dict[str, Any], name: str) -> dict[str, Any]:
        found: dict[str, Any] = next(s for s in pipeline["steps"] if s["name"] == name)
        return found


@pytest.fixture
async def repo(client: httpx.AsyncClient, services: Any, make_user: MakeUser) -> Repo:
    user, auth = await make_user("alice")
    r = await client.post(
        "/api/projects", json={"name": "app", "initialize_with_readme": True}, headers=auth
    )
    assert r.status_code == 201, r.text
    return Repo(client, services, auth, str(user.id))


def processes_with(marker: str) -> list[int]:
    """Pids of this machine's processes whose command line holds ``marker``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if marker.encode() in cmdline:
            found.append(int(entry))
    return found
