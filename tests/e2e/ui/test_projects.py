"""A project in the browser: create it, push to it with git, see and read its files; a
README's hostile HTML does not run."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.integration.gitserver.conftest import Git

from .conftest import Dais, sign_in


def test_create_a_project_push_with_git_and_read_the_file(
    dais: Dais, tmp_path: Path, page: Any
) -> None:
    me = dais.person("push")
    sign_in(page, dais.url, me.username, me.password)
    page.get_by_role("link", name="New project").first.click()
    page.get_by_label("Name").fill("hello")
    page.get_by_label("Description").fill("A project made in the browser")
    page.get_by_role("button", name="Create project").click()
    expect(page).to_have_url(f"{dais.url}/{me.username}/hello")
    expect(page.get_by_test_id("empty-repository")).to_be_visible()
    clone_url = page.get_by_test_id("clone-url").input_value()
    assert clone_url == f"{dais.url}/{me.username}/hello.git"

    git = Git(tmp_path / "home")
    work = tmp_path / "work"
    git.run("init", "-q", str(work))
    git.commit(work, "src/hello.py", 'def greet(name):\n    return f"hello {name}"\n', "Add greet")
    authed = clone_url.replace("http://", f"http://x:{me.token}@")
    git.run("push", "-q", authed, "HEAD:refs/heads/main", cwd=work)

    page.reload()
    expect(page.get_by_role("link", name="src")).to_be_visible()
    expect(page.get_by_text("Add greet").first).to_be_visible()
    page.get_by_role("link", name="src").click()
    page.get_by_role("link", name="hello.py").click()
    expect(page).to_have_url(re.compile(r"/-/blob/src/hello\.py$"))
    code = page.get_by_test_id("code")
    expect(code).to_contain_text('return f"hello {name}"')
    # Highlighted once the language's chunk arrived: Python keywords are marked up.
    expect(code.locator(".hljs-keyword").first).to_have_text("def")

    raw = page.get_by_role("link", name="Raw")
    response = page.request.get(dais.url + raw.get_attribute("href"))
    assert response.status == 200
    assert response.text().startswith("def greet(name):")

    page.get_by_role("link", name="Commits").click()
    page.get_by_role("link", name="Add greet").click()
    expect(page.get_by_test_id("diff")).to_contain_text("src/hello.py")
    expect(page.get_by_test_id("diff")).to_contain_text("+1")


XSS_README = """# Hostile

<img src=x onerror="window.__xss = 'img'">

<script>window.__xss = 'script'</script>

<a href="javascript:window.__xss = 'link'">click me</a>

[markdown link](javascript:window.__xss='md')

<svg><script>window.__xss = 'svg'</script></svg>

<iframe srcdoc="<script>parent.__xss = 'iframe'</script>"></iframe>

Still **rendered**.
"""


def test_a_readme_cannot_run_script(dais: Dais, tmp_path: Path, page: Any) -> None:
    me = dais.person("xss")
    project = dais.project(me)
    git = Git(tmp_path / "home")
    work = tmp_path / "work"
    git.run("init", "-q", str(work))
    git.commit(work, "README.md", XSS_README, "A hostile README")
    git.run("push", "-q", dais.clone_url(project, me), "HEAD:refs/heads/main", cwd=work)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    sign_in(page, dais.url, me.username, me.password)
    page.goto(f"{dais.url}/{project['path']}")
    markdown = page.get_by_test_id("markdown")
    expect(markdown.get_by_role("heading", name="Hostile")).to_be_visible()
    expect(markdown.locator("strong")).to_have_text("rendered")
    for link in markdown.locator("a").all():
        link.click(timeout=2_000)
    page.wait_for_timeout(300)  # give any handler that survived the time to run

    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert markdown.locator("script, iframe, [onerror]").count() == 0
    hrefs = markdown.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert not any(h and h.strip().lower().startswith("javascript:") for h in hrefs), hrefs
