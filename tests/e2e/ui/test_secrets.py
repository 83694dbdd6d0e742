"""Secrets in the browser: a project's (project-wide and per environment) and the platform's,
set, versioned and deleted; a value never comes back into the page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from .conftest import ADMIN_PASSWORD, Dais, sign_in, unique

FIRST = "first-value-3f9c1a"
SECOND = "second-value-8b72de"
PRODUCTION = "production-value-5e01aa"


def _set(page: Any, name: str, value: str, environment: str | None = None) -> None:
    page.get_by_label(re.compile(r"^Name")).fill(name)
    if environment is not None:
        page.get_by_label(re.compile(r"^Environment")).fill(environment)
    page.get_by_label(re.compile(r"^Value")).fill(value)
    page.get_by_role("button", name="Set secret").click()


def _value(dais: Dais, project: dict[str, Any], token: str, environment: str | None) -> str:
    r = dais.http.get(
        f"/api/projects/{project['id']}/secrets/DEPLOY_TOKEN/value",
        params={"environment": environment} if environment else {},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    value: str = r.json()["value"]
    return value


def test_a_project_owner_sets_versions_and_deletes_secrets(dais: Dais, page: Any) -> None:
    owner = dais.person("sec")
    project = dais.project(owner)
    sign_in(page, dais.url, owner.username, owner.password)

    page.goto(f"{dais.url}/{project['path']}/-/settings")
    settings = page.get_by_role("navigation", name="Project settings")
    settings.get_by_role("link", name="Secrets").click()
    expect(page).to_have_url(f"{dais.url}/{project['path']}/-/settings/secrets")
    expect(page.get_by_text("No secrets.")).to_be_visible()
    expect(page.get_by_text("Values are write-only here")).to_be_visible()

    _set(page, "DEPLOY_TOKEN", FIRST)
    everywhere = page.get_by_role("region", name="all environments")
    row = everywhere.locator("li", has_text="DEPLOY_TOKEN")
    expect(row).to_contain_text("version 1")
    expect(row).to_contain_text(owner.username)
    expect(row.locator("time")).to_have_count(1)
    # The form is emptied: the value does not linger in the textarea.
    expect(page.get_by_label(re.compile(r"^Value"))).to_have_value("")

    _set(page, "DEPLOY_TOKEN", SECOND)
    expect(page.get_by_role("status")).to_contain_text("version 2")
    expect(row).to_contain_text("version 2")
    expect(everywhere.locator("li")).to_have_count(1)
    html = page.content()
    assert FIRST not in html
    assert SECOND not in html
    assert _value(dais, project, owner.token, None) == SECOND

    _set(page, "DEPLOY_TOKEN", PRODUCTION, environment="production")
    production = page.get_by_role("region", name="production")
    expect(production.get_by_role("heading", name="production")).to_be_visible()
    expect(production.locator("li", has_text="DEPLOY_TOKEN")).to_contain_text("version 1")
    expect(row).to_contain_text("version 2")
    assert PRODUCTION not in page.content()
    assert _value(dais, project, owner.token, "production") == PRODUCTION

    # Deleting the project-wide one leaves production's.
    page.once("dialog", lambda d: d.accept())
    row.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text("Deleted DEPLOY_TOKEN.")
    expect(everywhere).to_have_count(0)
    expect(production.locator("li", has_text="DEPLOY_TOKEN")).to_have_count(1)
    r = dais.http.get(f"/api/projects/{project['id']}/secrets", headers=owner.auth)
    assert r.status_code == 200, r.text
    assert [(s["name"], s["environment"]) for s in r.json()] == [("DEPLOY_TOKEN", "production")]


def test_a_viewer_is_told_they_may_not_see_secrets(dais: Dais, page: Any) -> None:
    owner = dais.person("sec")
    viewer = dais.person("view")
    project = dais.project(owner)
    r = dais.http.post(
        f"/api/projects/{project['id']}/members",
        json={"user_id": viewer.id, "role": "viewer"},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text
    sign_in(page, dais.url, viewer.username, viewer.password)

    page.goto(f"{dais.url}/{project['path']}/-/settings/secrets")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("403")
    expect(alert).to_contain_text("permission on the project")
    expect(page.get_by_role("button", name="Set secret")).to_have_count(0)


def test_an_admin_sets_and_deletes_a_platform_secret(dais: Dais, page: Any) -> None:
    name = unique("REGISTRY_TOKEN_")
    value = "platform-value-c4d2e9"
    sign_in(page, dais.url, "admin", ADMIN_PASSWORD)

    page.goto(f"{dais.url}/-/admin/users")
    page.get_by_role("navigation", name="Administration").get_by_role(
        "link", name="Platform secrets"
    ).click()
    expect(page.get_by_role("heading", name="Platform secrets")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Environment"))).to_have_count(0)

    _set(page, name, value)
    row = page.get_by_test_id("secrets").locator("li", has_text=name)
    expect(row).to_contain_text("version 1")
    expect(row).to_contain_text("admin")
    assert value not in page.content()
    r = dais.http.get(
        f"/api/admin/secrets/{name}/value",
        headers={"Authorization": f"Bearer {dais.admin_token}"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["value"] == value

    page.once("dialog", lambda d: d.accept())
    row.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text(f"Deleted {name}.")
    expect(page.locator("li", has_text=name)).to_have_count(0)
