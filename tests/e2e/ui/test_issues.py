"""Issues in the browser: open one, comment on it, close it; a hostile body does not run."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import Dais, sign_in

HOSTILE = (
    "Steps:\n\n<img src=x onerror=\"window.__xss = 'img'\">\n\n"
    "<script>window.__xss = 'script'</script>\n\n"
    "[a link](javascript:window.__xss='link')\n\n**bold** survives."
)


def test_open_an_issue_and_comment(dais: Dais, page: Any) -> None:
    me = dais.person("iss")
    project = dais.project(me)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, dais.url, me.username, me.password)

    page.goto(f"{dais.url}/{project['path']}/-/issues")
    expect(page.get_by_text("No open issues.")).to_be_visible()
    page.get_by_role("link", name="New issue").click()
    page.get_by_label("Title").fill("The page is blank")
    page.get_by_label("Description").fill(HOSTILE)
    page.get_by_role("button", name="Open issue").click()
    expect(page.get_by_test_id("issue-title")).to_contain_text("The page is blank")
    body = page.get_by_test_id("markdown").first
    expect(body.locator("strong")).to_have_text("bold")

    page.get_by_label("Add a comment").fill("Seen on **Chromium** too.")
    page.get_by_role("button", name="Comment", exact=True).click()
    comment = page.get_by_test_id("comment")
    expect(comment).to_contain_text("Seen on Chromium too.")
    expect(comment.get_by_test_id("markdown").locator("strong")).to_have_text("Chromium")

    for link in body.locator("a").all():
        link.click(timeout=2_000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert body.locator("script, [onerror]").count() == 0

    page.get_by_role("button", name="Close issue").click()
    expect(page.get_by_role("button", name="Reopen issue")).to_be_visible()
    page.get_by_role("link", name="All issues").click()
    expect(page.get_by_text("No open issues.")).to_be_visible()
    page.get_by_role("button", name="closed").click()
    expect(page.get_by_test_id("issues")).to_contain_text("The page is blank")
