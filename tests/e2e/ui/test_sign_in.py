"""Signing in: with a password, and with a passkey through Chromium's virtual authenticator."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import ADMIN_PASSWORD, Dais, sign_in


def test_first_start_explains_the_admin_sign_in_then_a_password_signs_in(
    page: Any, fresh_dais: str
) -> None:
    page.goto(fresh_dais + "/")
    page.get_by_role("link", name="Sign in").first.click()
    hint = page.get_by_test_id("first-start")
    expect(hint).to_contain_text("DAIS_ADMIN_PASSWORD")
    expect(hint).to_contain_text("admin")

    page.get_by_label("Username or email").fill("admin")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    # The problem's detail, as the API words it.
    expect(page.get_by_role("alert")).to_contain_text("401")

    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("button", name="admin")).to_be_visible()
    expect(page.get_by_role("heading", name="Projects")).to_be_visible()
    # A fresh install holds one project: dais's own telemetry (DAIS_SELF_TELEMETRY).
    expect(page.get_by_test_id("projects").get_by_role("link")).to_have_text(["dais/dais"])

    # Signed in once, the first-start help is gone.
    page.get_by_role("button", name="admin").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page.get_by_label("Username or email")).to_be_visible()
    expect(page.get_by_test_id("first-start")).to_have_count(0)


def test_a_registered_passkey_signs_in(page: Any, dais: Dais) -> None:
    me = dais.person("pk")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    sign_in(page, dais.url, me.username, me.password)

    page.goto(dais.url + "/settings/passkeys")
    expect(page.get_by_text("No passkeys yet.")).to_be_visible()
    page.get_by_label("Name").fill("laptop")
    page.get_by_role("button", name="Add passkey").click()
    expect(page.get_by_test_id("passkeys")).to_contain_text("laptop")
    stored = cdp.send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]}
    )
    assert len(stored["credentials"]) == 1

    page.get_by_role("button", name=me.username).click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in with a passkey")).to_be_visible()
    assert page.request.get(dais.url + "/api/user").status == 401

    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_role("button", name=me.username)).to_be_visible()
    user = page.request.get(dais.url + "/api/user")
    assert user.status == 200
    assert user.json()["username"] == me.username
