"""Notifications in the browser: the bell counts a mention live (over Server-Sent Events,
without a reload), the notifications page marks it read, and the settings page turns a kind
off for good."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import Dais, sign_in


def test_a_mention_rings_the_bell_live_and_is_marked_read(dais: Dais, page: Any) -> None:
    a = dais.person("na")
    b = dais.person("nb")
    project = dais.project(a)
    r = dais.http.post(
        f"/api/projects/{project['id']}/members",
        json={"username": b.username, "role": "developer"},
        headers=a.auth,
    )
    assert r.status_code == 201, r.text

    sign_in(page, dais.url, b.username, b.password)
    page.goto(f"{dais.url}/{project['path']}")
    bell = page.locator("a.bell")
    # The stream is open once the bell knows the count: what comes next arrives live.
    expect(bell).to_have_attribute("data-unread", "0")
    expect(bell).to_have_accessible_name("Notifications")
    expect(page.get_by_test_id("unread-badge")).to_have_count(0)
    page.evaluate("window.__same_page = true")

    r = dais.http.post(
        f"/api/projects/{project['id']}/issues",
        json={"title": "Flaky login", "body": f"@{b.username} could you look at this?"},
        headers=a.auth,
    )
    assert r.status_code == 201, r.text

    expect(page.get_by_test_id("unread-badge")).to_have_text("1")
    expect(bell).to_have_accessible_name("Notifications, 1 unread")
    assert page.evaluate("window.__same_page") is True, "the page was reloaded"

    bell.click()
    expect(page).to_have_url(f"{dais.url}/notifications")
    item = page.get_by_test_id("notifications").locator("li").first
    expect(item).to_contain_text(f"{a.username} mentioned you")
    expect(item).to_contain_text("Flaky login")
    expect(item.get_by_role("link", name="mentioned you")).to_have_attribute(
        "href", f"{dais.url}/{project['path']}/-/issues/{r.json()['iid']}"
    )
    item.get_by_role("button", name="Mark read").click()
    expect(item.get_by_role("button", name="Mark read")).to_have_count(0)
    expect(page.get_by_test_id("unread-badge")).to_have_count(0)
    expect(bell).to_have_accessible_name("Notifications")
    r = dais.http.get("/api/user/notifications/unread-count", headers=b.auth)
    assert r.status_code == 200, r.text
    assert r.json() == {"count": 0}


def test_turning_off_in_app_mentions_is_saved(dais: Dais, page: Any) -> None:
    b = dais.person("nb")
    sign_in(page, dais.url, b.username, b.password)

    page.goto(f"{dais.url}/settings/profile")
    page.get_by_role("navigation", name="Settings").get_by_role(
        "link", name="Notifications"
    ).click()
    expect(page).to_have_url(f"{dais.url}/settings/notifications")
    # The test server has no DAIS_SMTP_HOST: email cannot be chosen.
    expect(page.get_by_text("This server does not send email")).to_be_visible()
    expect(page.get_by_label("Mentions: Email")).to_be_disabled()

    mentions = page.get_by_label("Mentions: In app")
    expect(mentions).to_be_checked()
    mentions.uncheck()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Notification settings saved.")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Mentions: In app")).not_to_be_checked()
    expect(page.get_by_label("Assignments: In app")).to_be_checked()
    r = dais.http.get("/api/user/notification-settings", headers=b.auth)
    assert r.status_code == 200, r.text
    mentioned = next(k for k in r.json()["kinds"] if k["kind"] == "mentioned")
    assert mentioned["in_app"] is False
