"""git over HTTP with an account password (HTTP Basic), as the issue allows for humans."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from .conftest import Forge, Git

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"  # what Forge.user gives every user


def test_clone_with_a_password_and_refusals(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    host = forge.url.removeprefix("http://")
    url = f"http://{alice.username}:{PASSWORD.replace(' ', '%20')}@{host}/{project.path}.git"
    git.run("clone", url, str(tmp_path / "ok"))
    assert (tmp_path / "ok" / "README.md").exists()

    wrong = f"http://{alice.username}:wrong-password@{host}/{project.path}.git"
    refused = git.run("clone", wrong, str(tmp_path / "no"), check=False)
    assert refused.returncode != 0 and "Authentication failed" in refused.stderr

    # An agent must use a token, even with a right password.
    r = forge.http.post(
        "/api/admin/users",
        json={"username": "bot-" + alice.username, "kind": "agent", "password": PASSWORD},
        headers={"Authorization": f"Bearer {forge.admin}"},
    )
    assert r.status_code == 201, r.text
    agent = httpx.get(
        f"{forge.url}/{project.path}.git/info/refs?service=git-upload-pack",
        auth=(r.json()["username"], PASSWORD),
    )
    assert agent.status_code == 401


def test_password_guessing_is_throttled(forge: Forge) -> None:
    carol = forge.user("carol")
    project = forge.project(carol)
    refs = f"{forge.url}/{project.path}.git/info/refs?service=git-upload-pack"
    statuses = [
        httpx.get(refs, auth=(carol.username, f"guess-{i}-password")).status_code for i in range(7)
    ]
    # Five failures per account or per address (this module's earlier test failed once from
    # the same address) within 15 minutes, then 429.
    assert statuses[0] == 401 and statuses[-2:] == [429, 429]
    assert set(statuses) == {401, 429}
    # Throttled now even with the right password, until the window passes.
    assert httpx.get(refs, auth=(carol.username, PASSWORD)).status_code == 429
