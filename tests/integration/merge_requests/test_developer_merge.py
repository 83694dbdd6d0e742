"""A developer merges a mergeable merge request, signed in as the web UI is: a session cookie
from ``POST /api/auth/login`` and the page's own Origin on each change (it was a 403: the
protected-branch rule let developers merge, the developer role did not)."""

from __future__ import annotations

import httpx

from dais.actors.identity import messages as im

from .conftest import Setup

PASSWORD = "correct horse battery staple"


async def test_a_developer_merges_through_the_ui_calls(setup: Setup) -> None:
    audit = im.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
    dev = await setup.services.system.ref("identity").ask(
        im.CreateUser(
            kind=im.UserKind.HUMAN,
            username="dana",
            email="dana@example.com",
            display_name="Dana",
            password=PASSWORD,
            is_admin=False,
            audit=audit,
        )
    )
    r = await setup.client.post(
        f"/api/projects/{setup.project['id']}/members",
        json={"user_id": str(dev.id), "role": "developer"},
        headers=setup.alice_auth,
    )
    assert r.status_code == 201, r.text
    # main is protected with the default rule: merge_roles developer and maintainer.
    r = await setup.client.post(
        f"/api/projects/{setup.project['id']}/protected-branches",
        json={"pattern": "main"},
        headers=setup.alice_auth,
    )
    assert r.status_code == 201 and r.json()["merge_roles"] == ["developer", "maintainer"]
    main = setup.repo.head("main")
    assert main is not None
    head = setup.repo.branch("feature", setup.repo.commit(main, {"f.txt": "f\n"}, "Add f"))

    origin = setup.services.settings.public_url
    transport = setup.client._transport  # the same app, a browser's cookie jar
    async with httpx.AsyncClient(transport=transport, base_url=origin) as browser:
        page = {"origin": origin}
        r = await browser.post(
            "/api/auth/login", json={"login": "dana", "password": PASSWORD}, headers=page
        )
        assert r.status_code == 200, r.text
        r = await browser.post(
            setup.base,
            json={"source_branch": "feature", "title": "Add f"},
            headers=page,
        )
        assert r.status_code == 201, r.text
        iid = r.json()["iid"]
        shown = (await browser.get(f"{setup.base}/{iid}")).json()
        assert shown["target_protected"] is True
        assert shown["blockers"] == [], shown
        r = await browser.post(
            f"{setup.base}/{iid}/merge", json={"strategy": "fast-forward"}, headers=page
        )
        assert r.status_code == 200, r.text
        assert r.json()["state"] == "merged"
    assert setup.repo.head("main") == head
