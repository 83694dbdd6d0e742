"""A real `dais serve` and the stock `git` client, for the git server's tests.

One server serves a whole test module (starting one costs about a second); each test makes
users and projects of its own, with unique names, through the HTTP API.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx
import pytest

from dais.actors.projects.messages import repository_path
from tests.conftest import ServerProcess, _fresh_database, free_port

ADMIN_PASSWORD = "admin password for tests"
_names = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}{os.getpid() % 1000}n{next(_names)}"


@attrs.frozen
class User:
    id: str
    username: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@attrs.frozen
class Project:
    id: str
    path: str
    data_dir: Path

    @property
    def repository(self) -> Path:
        return repository_path(self.data_dir, int(self.id))


class Forge:
    """The dais under test, driven through its HTTP API."""

    def __init__(self, server: ServerProcess, data_dir: Path) -> None:
        self.server = server
        self.url = server.url
        self.data_dir = data_dir
        self.http = httpx.Client(base_url=server.url, timeout=30)
        self.admin = self._token_for("admin", ADMIN_PASSWORD, ["*"])

    def _token_for(self, login: str, password: str, scopes: list[str]) -> str:
        with httpx.Client(base_url=self.url, timeout=30, headers={"Origin": self.url}) as c:
            r = c.post("/api/auth/login", json={"login": login, "password": password})
            assert r.status_code == 200, r.text
            r = c.post("/api/user/tokens", json={"name": "git", "scopes": scopes})
            assert r.status_code == 201, r.text
            token: str = r.json()["token"]
            return token

    def user(self, prefix: str = "u", *, scopes: tuple[str, ...] = ("*",)) -> User:
        username = unique(prefix)
        password = "a long enough password"
        r = self.http.post(
            "/api/admin/users",
            json={"username": username, "email": f"{username}@example.com", "password": password},
            headers={"Authorization": f"Bearer {self.admin}"},
        )
        assert r.status_code == 201, r.text
        return User(r.json()["id"], username, self._token_for(username, password, list(scopes)))

    def project(self, owner: User, *, readme: bool = False, visibility: str = "private") -> Project:
        r = self.http.post(
            "/api/projects",
            json={
                "name": unique("p"),
                "visibility": visibility,
                "initialize_with_readme": readme,
            },
            headers=owner.auth,
        )
        assert r.status_code == 201, r.text
        body = r.json()
        return Project(body["id"], body["path"], self.data_dir)

    def add_member(self, project: Project, owner: User, member: User, role: str) -> None:
        r = self.http.post(
            f"/api/projects/{project.id}/members",
            json={"user_id": member.id, "role": role},
            headers=owner.auth,
        )
        assert r.status_code == 201, r.text

    def archive(self, project: Project, owner: User) -> None:
        r = self.http.patch(
            f"/api/projects/{project.id}", json={"archived": True}, headers=owner.auth
        )
        assert r.status_code == 200, r.text

    def clone_url(self, project: Project, user: User | None = None, *, suffix: str = ".git") -> str:
        host = self.url.removeprefix("http://")
        credentials = f"x:{user.token}@" if user else ""
        return f"http://{credentials}{host}/{project.path}{suffix}"


class Git:
    """The stock git client with a throwaway HOME and no system config."""

    def __init__(self, home: Path) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.home = home
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_ASKPASS": "",
            "LC_ALL": "C",
        }

    def run(
        self,
        *args: str,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        check: bool = True,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "init.defaultBranch=main",
                *args,
            ],
            cwd=cwd,
            env=self.env | (env or {}),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check:
            assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}{result.stderr}"
        return result

    def out(self, *args: str, cwd: Path | None = None) -> str:
        return self.run(*args, cwd=cwd).stdout.strip()

    def commit(self, work: Path, name: str, content: str | bytes, message: str = "") -> str:
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
        self.run("add", name, cwd=work)
        self.run("commit", "-q", "-m", message or f"change {name}", cwd=work)
        return self.out("rev-parse", "HEAD", cwd=work)


def bare_git(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git on a server-side repository, directly (what the server has, whatever it says)."""
    return subprocess.run(
        ["git", "--git-dir", str(repository), *args],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(repository), "GIT_CONFIG_NOSYSTEM": "1"},
        timeout=60,
    )


def start_server(env: dict[str, str], log_path: Path) -> ServerProcess:
    server = ServerProcess(env, log_path)
    try:
        server.wait_ready()
    except BaseException:
        server.stop()
        raise
    return server


def server_environment(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """A server's environment; its public URL is its own address (LFS actions point there)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAIS_", "GIT_"))}
    bind = f"127.0.0.1:{free_port()}"
    env |= {
        "DAIS_BIND": bind,
        "DAIS_PUBLIC_URL": f"http://{bind}",
        "DAIS_DATABASE_URL": database_url,
        "DAIS_DATA_DIR": str(data_dir),
        "DAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    return env | extra


@pytest.fixture(scope="module")
def module_database(pg_server_url: str, template_database: str) -> Iterator[str]:
    yield from _fresh_database(pg_server_url, "dais_git", template_database)


@pytest.fixture(scope="module")
def forge(module_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forge]:
    """A `dais serve` shared by the tests of a module."""
    root = tmp_path_factory.mktemp("forge")
    yield from running_forge(server_environment(module_database, root / "data"), root)


def running_forge(env: dict[str, str], root: Path) -> Iterator[Forge]:
    """Start `dais serve` with ``env``, yield a Forge on it, stop it afterwards."""
    server = start_server(env, root / "server.log")
    forge = Forge(server, Path(env["DAIS_DATA_DIR"]))
    try:
        yield forge
    finally:
        forge.http.close()
        server.stop()


@pytest.fixture
def git(tmp_path: Path) -> Git:
    return Git(tmp_path / "home")
