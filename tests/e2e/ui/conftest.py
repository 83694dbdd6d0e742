"""Browser tests: Debian's Chromium driven by Playwright, against a real `dais serve`.

The app must be built (``make ui``; ``make test`` does it). Chromium is ``/usr/bin/chromium``
(``DAIS_TEST_CHROMIUM`` overrides); without it, or without the built app, the tests skip
locally and fail under ``CI=true``. A failing test leaves a screenshot, the page's HTML and
its console log under ``test-artifacts/ui/`` (the paths are printed with the failure).

The server's public URL is ``http://localhost:PORT``: passkeys need a host name (an IP
address cannot be a WebAuthn relying party), and the browser must use the same origin for
the session cookie's CSRF check to pass.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from dais.http.ui import DIST
from tests.conftest import ROOT, ServerProcess, _fresh_database, free_port, require_service

CHROMIUM = os.environ.get("DAIS_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "ui"
ADMIN_PASSWORD = "admin password for browser tests"
PASSWORD = "a long enough password"
_names = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}{os.getpid() % 1000}n{next(_names)}"


@attrs.frozen
class Person:
    id: str
    username: str
    password: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Dais:
    """The dais under test: its URL (on localhost) and its API as the administrator."""

    def __init__(self, server: ServerProcess, url: str) -> None:
        self.server = server
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=30)
        self.admin_token = self.token_for("admin", ADMIN_PASSWORD)

    def token_for(self, login: str, password: str) -> str:
        with httpx.Client(base_url=self.url, timeout=30, headers={"Origin": self.url}) as c:
            r = c.post("/api/auth/login", json={"login": login, "password": password})
            assert r.status_code == 200, r.text
            r = c.post("/api/user/tokens", json={"name": "tests", "scopes": ["*"]})
            assert r.status_code == 201, r.text
            token: str = r.json()["token"]
            return token

    def person(self, prefix: str = "u") -> Person:
        username = unique(prefix)
        r = self.http.post(
            "/api/admin/users",
            json={"username": username, "email": f"{username}@example.com", "password": PASSWORD},
            headers={"Authorization": f"Bearer {self.admin_token}"},
        )
        assert r.status_code == 201, r.text
        return Person(r.json()["id"], username, PASSWORD, self.token_for(username, PASSWORD))

    def project(self, owner: Person, **fields: Any) -> dict[str, Any]:
        body = {"name": unique("p"), "visibility": "private"} | fields
        r = self.http.post("/api/projects", json=body, headers=owner.auth)
        assert r.status_code == 201, r.text
        project: dict[str, Any] = r.json()
        return project

    def clone_url(self, project: dict[str, Any], person: Person) -> str:
        host = self.url.removeprefix("http://")
        return f"http://x:{person.token}@{host}/{project['path']}.git"


def _start(
    database_url: str, data_dir: Path, log: Path, extra_env: dict[str, str] | None = None
) -> tuple[ServerProcess, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAIS_", "GIT_"))}
    env |= (extra_env or {}) | {
        "DAIS_BIND": f"127.0.0.1:{port}",
        "DAIS_PUBLIC_URL": f"http://localhost:{port}",
        "DAIS_DATABASE_URL": database_url,
        "DAIS_DATA_DIR": str(data_dir),
        "DAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    server = ServerProcess(env, log)
    try:
        server.wait_ready()
    except BaseException:
        server.stop()
        raise
    return server, f"http://localhost:{port}"


@pytest.fixture(scope="module")
def ui_database(pg_server_url: str, template_database: str) -> Iterator[str]:
    yield from _fresh_database(pg_server_url, "dais_ui", template_database)


@pytest.fixture(scope="module")
def dais_env() -> dict[str, str]:
    """More DAIS_* settings for a module's server; a test module overrides this fixture."""
    return {}


@pytest.fixture(scope="module")
def dais(
    ui_database: str, tmp_path_factory: pytest.TempPathFactory, dais_env: dict[str, str]
) -> Iterator[Dais]:
    """A `dais serve` shared by a module's tests (each makes users and projects of its own)."""
    root = tmp_path_factory.mktemp("ui")
    server, url = _start(ui_database, root / "data", root / "server.log", dais_env)
    forge = Dais(server, url)
    try:
        yield forge
    finally:
        forge.http.close()
        server.stop()


@pytest.fixture
def fresh_dais(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A `dais serve` on a fresh database nobody has signed in to yet; its URL."""
    server, url = _start(database_url, tmp_path / "data", tmp_path / "server.log")
    try:
        yield url
    finally:
        server.stop()


# --- the browser ------------------------------------------------------------------------


@pytest.fixture
def browser() -> Iterator[Any]:
    """Chromium, headless, for one test.

    Playwright's sync API keeps an event loop running in this thread while it is open, and
    the database fixtures need none running (they call anyio.run): so the browser starts
    after every other fixture of the test (see pytest_collection_modifyitems) and stops
    before they are torn down.
    """
    if not Path(CHROMIUM).exists():
        require_service("Chromium", f"{CHROMIUM} is missing: apt-get install chromium")
    if not (DIST / "index.html").exists():
        require_service("the built web UI", f"{DIST}/index.html is missing: run make ui")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        require_service("Playwright for Python", repr(exc))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


_LAST = ("browser", "page")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Set the browser up after the test's other fixtures (see :func:`browser`)."""
    here = Path(__file__).parent
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is not None and Path(str(item.fspath)).is_relative_to(here):
            names.sort(key=lambda name: name in _LAST and _LAST.index(name) + 1)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context and page; on failure its screenshot, HTML and console log are
    kept under test-artifacts/ui/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    console: list[str] = []
    tab.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    tab.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    try:
        yield tab
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            stem = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            try:
                tab.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(tab.content())
            except Exception as exc:  # noqa: BLE001 - a dead page must not hide the failure
                console.append(f"(no screenshot: {exc!r})")
            Path(f"{stem}.log").write_text(f"url: {tab.url}\n" + "\n".join(console))
            print(f"browser artifacts: {stem}.png, {stem}.html, {stem}.log")
        context.close()


def sign_in(page: Any, url: str, login: str, password: str) -> None:
    """Sign in through the sign-in page and wait for the dashboard."""
    page.goto(f"{url}/login")
    page.get_by_label("Username or email").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("button", name=login).wait_for()
