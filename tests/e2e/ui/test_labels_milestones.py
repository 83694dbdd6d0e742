"""Labels and milestones in the browser: create them, put them on issues, watch a milestone's
progress move, filter the issue list by both, and follow a `#N` reference from a comment."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from .conftest import Dais, sign_in


def test_labels_milestones_and_references(dais: Dais, page: Any) -> None:
    me = dais.person("lab")
    reader = dais.person("labr")
    project = dais.project(me, visibility="public")
    base = f"{dais.url}/{project['path']}"
    page.on("dialog", lambda d: d.accept())
    sign_in(page, dais.url, me.username, me.password)

    # Labels: the empty state says what to do; create two, a duplicate is refused, edit one.
    page.goto(f"{base}/-/issues")
    page.get_by_role("navigation", name="Issues").get_by_role("link", name="Labels").click()
    expect(page.get_by_text("No labels yet.")).to_be_visible()
    new = page.get_by_role("region", name="New label")
    for name, color, description in [
        ("bug", "#d73a4a", "Something is broken"),
        ("ui", "#1d76db", "The web app"),
    ]:
        new.get_by_label("Name").fill(name)
        new.get_by_label("Colour").fill(color)
        new.get_by_label("Description").fill(description)
        new.get_by_role("button", name="Create label").click()
        expect(page.get_by_test_id("labels")).to_contain_text(description)
    new.get_by_label("Name").fill("BUG")
    new.get_by_role("button", name="Create label").click()
    expect(new.get_by_role("alert")).to_contain_text("already exists")
    rows = page.get_by_test_id("label-row")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Edit ui").click()
    editing = rows.filter(has=page.get_by_role("button", name="Save"))
    editing.get_by_label("Description").fill("The browser app")
    editing.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("labels")).to_contain_text("The browser app")
    swatch = rows.filter(has_text="bug").locator(".swatch")
    expect(swatch).to_have_css("background-color", "rgb(215, 58, 74)")

    # A milestone with a due date; its page starts with no issues.
    page.get_by_role("navigation", name="Issues").get_by_role("link", name="Milestones").click()
    expect(page.get_by_text("No open milestones.")).to_be_visible()
    page.locator("summary", has_text="New milestone").click()
    page.get_by_label("Title").fill("v1.0")
    page.get_by_label("Due date").fill("2031-03-15")
    page.get_by_role("button", name="Create milestone").click()
    expect(page.get_by_test_id("milestone-title")).to_have_text("v1.0")
    expect(page.get_by_test_id("progress")).to_contain_text("no issues")
    expect(page.get_by_text("No issues in this milestone.")).to_be_visible()

    # An issue opened in the browser with a label and the milestone.
    page.goto(f"{base}/-/issues/new")
    page.get_by_label("Title").fill("Crash on save")
    page.get_by_label("bug").check()
    page.get_by_label("Milestone").select_option(label="v1.0")
    page.get_by_role("button", name="Open issue").click()
    expect(page.get_by_test_id("issue-title")).to_contain_text("Crash on save")
    expect(page.get_by_test_id("issue-milestone").get_by_role("link", name="v1.0")).to_be_visible()
    first = int(re.search(r"/issues/(\d+)$", page.url).group(1))  # type: ignore[union-attr]
    r = dais.http.post(
        f"/api/projects/{project['id']}/issues",
        json={"title": "Polish the header", "labels": ["ui"]},
        headers=me.auth,
    )
    assert r.status_code == 201, r.text
    second = r.json()["iid"]

    # The list: a label chip filters by that label; the milestone filter by milestone.
    page.goto(f"{base}/-/issues")
    rows = page.get_by_test_id("issue-row")
    expect(rows).to_have_count(2)
    rows.filter(has_text="Polish the header").get_by_role("link", name="ui", exact=True).click()
    expect(page).to_have_url(re.compile(r"labels=ui"))
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Polish the header")
    page.goto(f"{base}/-/issues")
    page.get_by_label("Milestone").select_option(label="v1.0")
    expect(page).to_have_url(re.compile(r"milestone=\d+"))
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Crash on save")

    # The milestone's progress: nothing closed yet.
    rows.get_by_role("link", name="v1.0").click()
    expect(page.get_by_test_id("progress")).to_contain_text("0 of 1 closed · 0%")

    # The second issue joins the milestone from its page; a comment refers to the first.
    page.goto(f"{base}/-/issues/{second}")
    page.get_by_label("Change the milestone").select_option(label="v1.0")
    expect(page.get_by_test_id("issue-milestone").get_by_role("link", name="v1.0")).to_be_visible()
    page.get_by_text("Edit labels and assignees").click()
    page.get_by_label("Labels").fill("ui, bug")
    page.get_by_label("Assignees").fill(me.username)
    page.get_by_role("button", name="Save").click()
    side = page.locator("aside")
    expect(side.get_by_role("link", name="bug", exact=True)).to_be_visible()
    expect(side).to_contain_text(me.username)
    expect(page.get_by_test_id("issue-milestone").get_by_role("link", name="v1.0")).to_be_visible()
    page.get_by_label("Add a comment").fill(
        f"Same cause as #{first}, fixed by !1.\n\nNot a link: `#{first}`\n\n    #{first} in code"
    )
    page.get_by_role("button", name="Comment", exact=True).click()
    comment = page.get_by_test_id("comment").get_by_test_id("markdown")
    issue_link = comment.get_by_role("link", name=f"#{first}")
    expect(issue_link).to_have_attribute("href", f"/{project['path']}/-/issues/{first}")
    expect(comment.get_by_role("link", name="!1")).to_have_attribute(
        "href", f"/{project['path']}/-/merge_requests/1"
    )
    expect(comment.locator("a")).to_have_count(2)
    expect(comment.locator("code a, pre a")).to_have_count(0)

    # Following the reference, closing the first issue moves the milestone to 1 of 2.
    issue_link.click()
    expect(page.get_by_test_id("issue-title")).to_contain_text("Crash on save")
    page.get_by_role("button", name="Close issue").click()
    expect(page.get_by_role("button", name="Reopen issue")).to_be_visible()
    page.get_by_test_id("issue-milestone").get_by_role("link", name="v1.0").click()
    expect(page.get_by_test_id("progress")).to_contain_text("1 of 2 closed · 50%")
    expect(page.get_by_test_id("issue-row")).to_have_count(2)

    # Closing the milestone moves it to the closed list.
    page.get_by_role("button", name="Close milestone").click()
    expect(page.get_by_role("button", name="Reopen milestone")).to_be_visible()
    page.get_by_role("navigation", name="Issues").get_by_role("link", name="Milestones").click()
    expect(page.get_by_text("No open milestones.")).to_be_visible()
    page.get_by_role("button", name="closed").click()
    expect(page.get_by_test_id("milestone-row")).to_contain_text("v1.0")
    expect(page.get_by_test_id("milestone-row")).to_contain_text("50%")

    # Someone without project:write reads the labels but cannot change them.
    page.context.clear_cookies()
    sign_in(page, dais.url, reader.username, reader.password)
    page.goto(f"{base}/-/labels")
    expect(page.get_by_test_id("label-row")).to_have_count(2)
    expect(page.get_by_role("region", name="New label")).to_have_count(0)
    expect(page.get_by_role("button", name="Delete bug")).to_have_count(0)


def test_delete_a_label_and_a_milestone(dais: Dais, page: Any) -> None:
    me = dais.person("labd")
    project = dais.project(me)
    base = f"{dais.url}/{project['path']}"
    pid = project["id"]
    r = dais.http.post(f"/api/projects/{pid}/labels", json={"name": "wontfix"}, headers=me.auth)
    assert r.status_code == 201, r.text
    r = dais.http.post(
        f"/api/projects/{pid}/milestones", json={"title": "Someday"}, headers=me.auth
    )
    assert r.status_code == 201, r.text
    milestone = r.json()["id"]
    page.on("dialog", lambda d: d.accept())
    sign_in(page, dais.url, me.username, me.password)

    page.goto(f"{base}/-/labels")
    page.get_by_role("button", name="Delete wontfix").click()
    expect(page.get_by_text("No labels yet.")).to_be_visible()

    page.goto(f"{base}/-/milestones/{milestone}")
    page.get_by_role("button", name="Delete milestone").click()
    expect(page).to_have_url(re.compile(r"/-/milestones$"))
    expect(page.get_by_text("No open milestones.")).to_be_visible()
