"""Merge requests in the browser: open one from a pushed branch, comment on a line, merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.integration.gitserver.conftest import Git

from .conftest import Dais, sign_in


def test_open_and_merge_a_merge_request(dais: Dais, tmp_path: Path, page: Any) -> None:
    me = dais.person("mr")
    project = dais.project(me)
    git = Git(tmp_path / "home")
    work = tmp_path / "work"
    git.run("init", "-q", str(work))
    git.commit(work, "notes.txt", "one\ntwo\nthree\n", "Start")
    url = dais.clone_url(project, me)
    git.run("push", "-q", url, "HEAD:refs/heads/main", cwd=work)
    git.run("checkout", "-q", "-b", "feature", cwd=work)
    git.commit(work, "notes.txt", "one\n2\nthree\nfour\n", "Better notes")
    git.run("push", "-q", url, "HEAD:refs/heads/feature", cwd=work)

    sign_in(page, dais.url, me.username, me.password)
    page.goto(f"{dais.url}/{project['path']}/-/merge_requests")
    expect(page.get_by_text("No open merge requests.")).to_be_visible()
    page.get_by_role("link", name="New merge request").click()
    page.locator("select[name=source]").select_option("feature")
    page.get_by_label("Title").fill("Better notes")
    page.get_by_role("button", name="Open merge request").click()
    expect(page.get_by_test_id("mr-title")).to_contain_text("Better notes")

    page.get_by_role("link", name="Changes (1)").click()
    diff = page.get_by_test_id("diff")
    expect(diff).to_contain_text("notes.txt")
    expect(diff).to_contain_text("four")
    diff.get_by_role("button", name="4", exact=True).click()
    page.get_by_label("Line comment").fill("A fourth line, nice.")
    page.get_by_role("button", name="Comment on line").click()
    expect(page.get_by_test_id("line-comment")).to_contain_text("A fourth line, nice.")

    page.get_by_role("link", name="Conversation").click()
    expect(page.get_by_test_id("mergeability")).to_contain_text("0 of 0 required")
    page.get_by_role("button", name="Merge", exact=True).click()
    expect(page.get_by_text("merged", exact=True).first).to_be_visible()

    r = dais.http.get(
        f"/api/projects/{project['id']}/repository/blob",
        params={"ref": "main", "path": "notes.txt"},
        headers=me.auth,
    )
    assert r.json()["content"] == "one\n2\nthree\nfour\n"
