"""A user's own account in the browser: profile and password; picking other users by username
for members and delegations; the dashboard's issues and merge requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.integration.gitserver.conftest import Git

from .conftest import Dais, sign_in

NEW_PASSWORD = "a new and longer password"


def _session(dais: Dais, login: str, password: str) -> httpx.Client:
    """Another browser, in effect: a client holding a session of its own."""
    client = httpx.Client(base_url=dais.url, timeout=30, headers={"Origin": dais.url})
    r = client.post("/api/auth/login", json={"login": login, "password": password})
    assert r.status_code == 200, r.text
    return client


def test_change_my_profile_and_password(dais: Dais, page: Any) -> None:
    me = dais.person("acct")
    sign_in(page, dais.url, me.username, me.password)
    phone = _session(dais, me.username, me.password)
    try:
        page.goto(dais.url + "/settings/profile")
        page.get_by_label("Display name").fill("Ada in a Browser")
        page.get_by_label("Email").fill(f"{me.username}@example.org")
        page.get_by_role("button", name="Save profile").click()
        expect(page.get_by_text("Profile saved.")).to_be_visible()
        mine = dais.http.get("/api/user", headers=me.auth).json()
        assert mine["display_name"] == "Ada in a Browser"
        assert mine["email"] == f"{me.username}@example.org"
        page.get_by_label("Email").fill("not an email")
        page.get_by_label("Email").evaluate("e => e.type = 'text'")  # past the browser's check
        page.get_by_role("button", name="Save profile").click()
        expect(page.get_by_role("alert")).to_contain_text("email")
        page.reload()
        expect(page.get_by_label("Display name")).to_have_value("Ada in a Browser")

        page.get_by_role("link", name="Password").click()
        page.get_by_label("Current password").fill("not my password")
        page.locator("input[name=new_password]").fill(NEW_PASSWORD)
        page.get_by_label("New password, again").fill(NEW_PASSWORD)
        page.get_by_role("button", name="Change password").click()
        expect(page.get_by_role("alert")).to_contain_text("is not your current password")
        assert phone.get("/api/user").status_code == 200

        page.get_by_label("Current password").fill(me.password)
        page.get_by_role("button", name="Change password").click()
        # Signed out: the phone, and the session the test harness made its token with.
        expect(page.get_by_text("2 other sessions were signed out.")).to_be_visible()
        assert phone.get("/api/user").status_code == 401
    finally:
        phone.close()
    # This session stays; the new password signs in, the old one no longer does.
    page.reload()
    expect(page.get_by_role("button", name=me.username)).to_be_visible()
    with httpx.Client(base_url=dais.url, timeout=30) as anyone:
        r = anyone.post("/api/auth/login", json={"login": me.username, "password": me.password})
        assert r.status_code == 401
    _session(dais, me.username, NEW_PASSWORD).close()


def test_members_and_delegations_pick_users_by_username(dais: Dais, page: Any) -> None:
    owner = dais.person("own")
    friend = dais.person("friend")
    r = dais.http.patch(
        f"/api/admin/users/{friend.id}",
        json={"display_name": "Friendly Person"},
        headers={"Authorization": f"Bearer {dais.admin_token}"},
    )
    assert r.status_code == 200, r.text
    project = dais.project(owner)
    sign_in(page, dais.url, owner.username, owner.password)

    page.goto(f"{dais.url}/{project['path']}/-/settings/members")
    members = page.get_by_test_id("members")
    expect(members).to_contain_text(owner.username)
    picker = page.get_by_role("combobox", name="User")
    picker.fill(friend.username[:-1])
    option = page.get_by_role("option", name=friend.username)
    expect(option).to_contain_text("Friendly Person")
    option.click()
    expect(picker).to_have_value(friend.username)
    page.get_by_label("Role").select_option("developer")
    page.get_by_role("button", name="Add member").click()
    row = members.locator("tr", has_text=friend.username)
    expect(row).to_contain_text("Friendly Person")
    expect(row).to_contain_text("developer")

    # No such user: said so, nothing sent.
    picker.fill("nobody-by-this-name")
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_role("alert")).to_contain_text("No active user is called nobody-by")

    # Delegation: found by display name, picked with the keyboard.
    page.goto(dais.url + "/settings/delegations")
    picker = page.get_by_role("combobox", name="To")
    picker.fill("friendly")
    expect(page.get_by_role("option", name=friend.username)).to_be_visible()
    picker.press("ArrowDown")
    picker.press("Enter")
    expect(picker).to_have_value(friend.username)
    page.get_by_label("project:read", exact=True).check()
    page.get_by_label("Only on project (id)").fill(project["id"])
    page.get_by_role("button", name="Delegate").click()
    row = page.get_by_test_id("delegations").locator("tr", has_text=friend.username)
    expect(row).to_contain_text("you")
    expect(row).to_contain_text("project:read")


def test_the_dashboard_shows_my_recent_issues_and_merge_requests(
    dais: Dais, tmp_path: Path, page: Any
) -> None:
    me = dais.person("dash")
    sign_in(page, dais.url, me.username, me.password)
    expect(page.get_by_text("No open issues involve you.")).to_be_visible()
    expect(page.get_by_text("No open merge requests involve you.")).to_be_visible()

    project = dais.project(me)
    git = Git(tmp_path / "home")
    work = tmp_path / "work"
    git.run("init", "-q", str(work))
    git.commit(work, "notes.txt", "one\n", "Start")
    url = dais.clone_url(project, me)
    git.run("push", "-q", url, "HEAD:refs/heads/main", cwd=work)
    git.run("checkout", "-q", "-b", "feature", cwd=work)
    git.commit(work, "notes.txt", "one\ntwo\n", "Two")
    git.run("push", "-q", url, "HEAD:refs/heads/feature", cwd=work)
    base = f"/api/projects/{project['id']}"
    r = dais.http.post(f"{base}/issues", json={"title": "Dashboard issue"}, headers=me.auth)
    assert r.status_code == 201, r.text
    issue = r.json()
    r = dais.http.post(
        f"{base}/merge-requests",
        json={"title": "Dashboard change", "source_branch": "feature", "target_branch": "main"},
        headers=me.auth,
    )
    assert r.status_code == 201, r.text
    mr = r.json()

    page.reload()
    issues = page.get_by_test_id("my-issues")
    expect(issues).to_contain_text("Dashboard issue")
    expect(issues).to_contain_text(f"{project['path']}#{issue['iid']}")
    mrs = page.get_by_test_id("my-merge-requests")
    expect(mrs).to_contain_text("Dashboard change")
    expect(mrs).to_contain_text("opened by you")
    mrs.get_by_role("link", name="Dashboard change").click()
    expect(page).to_have_url(f"{dais.url}/{project['path']}/-/merge_requests/{mr['iid']}")
    expect(page.get_by_test_id("mr-title")).to_contain_text("Dashboard change")
    page.go_back()
    page.get_by_test_id("my-issues").get_by_role("link", name="Dashboard issue").click()
    expect(page.get_by_test_id("issue-title")).to_contain_text("Dashboard issue")
