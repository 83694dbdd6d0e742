"""The Agents (MCP) settings page: the endpoint and commands to copy, and a pasted token's
tools, listed by toolset; a token that is not one is refused with the API's detail."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from .conftest import Dais, sign_in


def test_a_person_checks_which_tools_their_token_lists(dais: Dais, page: Any) -> None:
    me = dais.person("mcp")
    sign_in(page, dais.url, me.username, me.password)
    # A token made with the browser's session, as the API tokens page makes one.
    r = page.request.post(
        f"{dais.url}/api/user/tokens",
        data={"name": "agent", "scopes": ["*"]},
        headers={"Origin": dais.url},
    )
    assert r.status == 201, r.text()
    token = r.json()["token"]

    page.goto(f"{dais.url}/settings/profile")
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Agents (MCP)").click()
    expect(page).to_have_url(f"{dais.url}/settings/mcp")
    expect(page.get_by_role("heading", name="Agents (MCP)", level=1)).to_be_visible()
    expect(page.get_by_label("MCP endpoint URL", exact=True)).to_have_text(f"{dais.url}/mcp")
    expect(page.get_by_label("Claude Code command for HTTP", exact=True)).to_have_text(
        f'claude mcp add --transport http dais {dais.url}/mcp --header "Authorization: Bearer'
        ' <your token>"'
    )
    expect(page.get_by_label("Claude Code command for stdio", exact=True)).to_have_text(
        f"claude mcp add dais -- dais mcp --url {dais.url} --token-file ~/.dais-token"
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=dais.url)
    page.get_by_role("button", name="Copy MCP endpoint URL").click()
    expect(page.get_by_role("button", name="Copy MCP endpoint URL")).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == f"{dais.url}/mcp"
    expect(page.get_by_role("link", name="API tokens").last).to_have_attribute(
        "href", "/settings/tokens"
    )

    field = page.get_by_label("API token")
    expect(field).to_have_attribute("type", "password")
    field.fill(token)
    page.get_by_role("button", name="Check", exact=True).click()
    tools = page.get_by_test_id("mcp-tools")
    expect(page.get_by_test_id("tool-count")).to_have_text(re.compile(r"^\d+ tools$"))
    count = int(page.get_by_test_id("tool-count").inner_text().split()[0])
    assert count > 10
    expect(tools.locator("tbody tr")).to_have_count(count)
    issues = tools.get_by_role("region", name="issues", exact=True)
    create_issue = issues.locator("tr", has_text="create_issue").first
    expect(create_issue).to_contain_text("writes")
    get_me = tools.get_by_role("region", name="core", exact=True).locator("tr", has_text="get_me")
    expect(get_me).to_contain_text("read only")
    # Not an administrator: no admin toolset.
    expect(tools.get_by_role("region", name="admin", exact=True)).to_have_count(0)

    # Narrowed: issues only, read only.
    page.get_by_label("Toolsets").fill("issues")
    page.get_by_label("Read-only tools only").check()
    page.get_by_role("button", name="Check", exact=True).click()
    expect(tools.get_by_role("region", name="core", exact=True)).to_have_count(0)
    expect(tools.get_by_role("region", name="issues", exact=True)).to_be_visible()
    expect(tools.get_by_text("writes", exact=True)).to_have_count(0)
    expect(tools.locator("td", has_text=re.compile(r"^create_issue$"))).to_have_count(0)

    # The token stays out of the URL and the browser's storage.
    assert token not in page.url
    stored = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert token not in stored

    page.get_by_label("Toolsets").fill("")
    field.fill("dais_pat_bogus")
    page.get_by_role("button", name="Check", exact=True).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("401")
    expect(alert).to_contain_text("the token is malformed or mistyped")
    expect(alert.get_by_role("link", name="Sign in")).to_have_count(0)
    expect(page.get_by_test_id("mcp-tools")).to_have_count(0)
