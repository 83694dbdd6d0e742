"""Writing a file through the API: a commit made with git plumbing (no work tree), the
branch moved as a push moves it (protected-branch rules, a git.push event), and paths,
contents and branches that must be refused without leaving anything behind."""

from __future__ import annotations

import base64
import subprocess
from typing import Any

import httpx
import pytest

from dais.actors.projects.messages import repository_path

from .conftest import MakeUser

FILES = "/api/projects/alice%2Fweb/repository/files"


def _git(services: Any, project_id: str, *args: str) -> str:
    repo = repository_path(services.settings.data_dir, int(project_id))
    return subprocess.run(
        ["git", "--git-dir", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


async def _project(client: httpx.AsyncClient, make_user: MakeUser) -> tuple[str, dict[str, str]]:
    _alice, alice = await make_user("alice")
    r = await client.post(
        "/api/projects", json={"name": "web", "initialize_with_readme": True}, headers=alice
    )
    assert r.status_code == 201, r.text
    return r.json()["id"], alice


def _body(**changes: Any) -> dict[str, Any]:
    return {
        "branch": "main",
        "path": "docs/guide.md",
        "content": "# Guide\n",
        "message": "Add the guide",
    } | changes


async def test_create_then_replace_a_file(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    project_id, alice = await _project(client, make_user)
    before = _git(services, project_id, "rev-parse", "main")
    made = await client.put(FILES, json=_body(), headers=alice)
    assert made.status_code == 201, made.text
    first = made.json()
    assert first["created"] is True and first["branch"] == "main"
    assert _git(services, project_id, "rev-parse", "main") == first["commit"]
    assert _git(services, project_id, "rev-parse", f"{first['commit']}^") == before
    assert _git(services, project_id, "show", "main:docs/guide.md") == "# Guide"
    assert _git(services, project_id, "log", "-1", "--format=%an <%ae>|%s", "main") == (
        "Alice <alice@example.com>|Add the guide"
    )
    # README.md is still there: the tree is the old one plus the file.
    assert _git(services, project_id, "ls-tree", "-r", "--name-only", "main").split() == [
        "README.md",
        "docs/guide.md",
    ]

    again = await client.put(FILES, json=_body(content="# Guide, v2\n"), headers=alice)
    assert again.status_code == 200 and again.json()["created"] is False
    blob = await client.get(
        "/api/projects/alice%2Fweb/repository/blob",
        params={"ref": "main", "path": "docs/guide.md"},
        headers=alice,
    )
    assert blob.json()["content"] == "# Guide, v2\n"
    binary = await client.put(
        FILES,
        json=_body(
            path="logo.bin", content=base64.b64encode(b"\x00\xff\x10").decode(), encoding="base64"
        ),
        headers=alice,
    )
    assert binary.status_code == 201, binary.text
    _git(services, project_id, "fsck", "--strict")
    pushes = await services.pool.fetch(
        "SELECT payload FROM events WHERE kind = 'git.push' ORDER BY id"
    )
    assert [p["payload"]["refs"][0]["new"] for p in pushes] == [
        first["commit"],
        again.json()["commit"],
        binary.json()["commit"],
    ]
    assert {p["payload"]["via"] for p in pushes} == {"api"}


async def test_a_new_branch_from_another(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    project_id, alice = await _project(client, make_user)
    missing = await client.put(FILES, json=_body(branch="feature"), headers=alice)
    assert missing.status_code == 404 and "start_branch" in missing.text
    made = await client.put(FILES, json=_body(branch="feature", start_branch="main"), headers=alice)
    assert made.status_code == 201, made.text
    assert _git(services, project_id, "rev-parse", "feature") == made.json()["commit"]
    assert _git(services, project_id, "rev-parse", "main") != made.json()["commit"]


@pytest.mark.parametrize(
    ("changes", "status", "words"),
    [
        ({"path": "../escape"}, 422, "path"),
        ({"path": "/etc/passwd"}, 422, "relative"),
        ({"path": "a//b"}, 422, "empty segments"),
        ({"path": ".git/config"}, 422, ".git"),
        ({"path": "sub/.GIT/hooks/x"}, 422, ".git"),
        ({"path": "bad\x00name"}, 422, "NUL"),
        ({"path": "README.md/inside"}, 409, "could not write"),
        ({"content": "not base64!", "encoding": "base64"}, 422, "base64"),
        ({"content": "x" * (5 * 1024 * 1024 + 1)}, 422, "5242880 bytes"),
        ({"branch": "bad..name"}, 422, "branch"),
        ({"message": ""}, 422, "message"),
        ({"branch": "nope", "start_branch": "missing"}, 422, "start_branch"),
    ],
)
async def test_refused_input_leaves_the_repository_as_it_was(
    client: httpx.AsyncClient,
    make_user: MakeUser,
    services: Any,
    changes: dict[str, Any],
    status: int,
    words: str,
) -> None:
    project_id, alice = await _project(client, make_user)
    refs = _git(services, project_id, "for-each-ref")
    r = await client.put(FILES, json=_body(**changes), headers=alice)
    assert r.status_code == status, r.text
    assert words in r.text
    assert _git(services, project_id, "for-each-ref") == refs
    assert await services.pool.fetchval("SELECT count(*) FROM events WHERE kind = 'git.push'") == 0


async def test_rights_and_protected_branches(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any
) -> None:
    project_id, alice = await _project(client, make_user)
    users = {}
    for name, role in (("dev", "developer"), ("viewer", "viewer")):
        user, auth = await make_user(name)
        r = await client.post(
            "/api/projects/alice%2Fweb/members",
            json={"user_id": str(user.id), "role": role},
            headers=alice,
        )
        assert r.status_code == 201, r.text
        users[name] = auth
    assert (await client.put(FILES, json=_body(), headers=users["viewer"])).status_code == 403
    rule = await client.post(
        "/api/projects/alice%2Fweb/protected-branches", json={"pattern": "main"}, headers=alice
    )
    assert rule.status_code == 201, rule.text
    refused = await client.put(FILES, json=_body(), headers=users["dev"])
    assert refused.status_code == 403, refused.text
    allowed = await client.put(
        FILES, json=_body(branch="topic", start_branch="main"), headers=users["dev"]
    )
    assert allowed.status_code == 201, allowed.text
    assert (await client.put(FILES, json=_body())).status_code == 401
