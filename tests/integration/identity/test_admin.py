"""The admin API: users, roles, role assignments and the audit log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from .conftest import ORIGIN, PASSWORD, Identity, problem

BUILTIN = ["admin", "maintainer", "developer", "ops", "viewer"]


async def permissions(client: httpx.AsyncClient, project_id: int | None = None) -> set[str]:
    params = {} if project_id is None else {"project_id": project_id}
    r = await client.get("/api/user/permissions", params=params)
    assert r.status_code == 200, r.text
    return set(r.json()["permissions"])


# --- users ---------------------------------------------------------------------------------


async def test_users_are_listed_searched_and_paged(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    for name in ("ann", "ben", "cat_1", "dan", "eve"):
        await identity.user(name, email=f"{name}@example.com")
    r = await admin.get("/api/admin/users", params={"page": 2, "per_page": 2})
    assert r.headers["x-total-count"] == "6"  # with admin
    assert [u["username"] for u in r.json()] == ["ben", "cat_1"]
    assert 'page=3&per_page=2>; rel="next"' in r.headers["link"]
    assert 'page=1&per_page=2>; rel="prev"' in r.headers["link"]
    everyone = (await admin.get("/api/admin/users")).json()
    assert [u["username"] for u in everyone] == ["admin", "ann", "ben", "cat_1", "dan", "eve"]
    r = await admin.get("/api/admin/users", params={"q": "EVE@example"})
    assert [u["username"] for u in r.json()] == ["eve"] and r.headers["x-total-count"] == "1"
    # LIKE wildcards in the query are taken literally.
    found = (await admin.get("/api/admin/users", params={"q": "_"})).json()
    assert [u["username"] for u in found] == ["cat_1"]
    r = await admin.get("/api/admin/users", params={"q": "%"})
    assert r.json() == [] and r.headers["x-total-count"] == "0"
    problem(await admin.get("/api/admin/users", params={"per_page": 0}), 400)
    problem(await admin.get("/api/admin/users", params={"per_page": 101}), 400)


async def test_an_admin_creates_a_user_who_can_then_sign_in(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    r = await admin.post(
        "/api/admin/users",
        json={
            "username": "ada.l",
            "email": "ada@example.com",
            "display_name": "Ada Lovelace",
            "password": "analytical engine",
        },
    )
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["kind"] == "human" and user["active"] and not user["is_admin"]
    assert user["last_login_at"] is None
    await identity.login("ada@example.com", "analytical engine")
    r = await admin.post("/api/admin/users", json={"username": "ci-bot", "kind": "service"})
    assert r.status_code == 201 and r.json()["kind"] == "service"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "A"}, "username"),
        ({"username": "-ada"}, "username"),
        ({"username": "a..b"}, "username"),
        ({"username": "x" * 41}, "username"),
        ({"username": "Ada"}, "username"),
        ({"username": "ada", "email": "ada@localhost"}, "email"),
        ({"username": "ada", "email": "a@b@c.d"}, "email"),
        ({"username": "ada", "email": "@example.com"}, "email"),
        ({"username": "ada", "password": "short"}, "password"),
        ({"username": "ada", "password": "x" * 1025}, "password"),
        ({"username": "ada", "kind": "robot"}, "kind"),
        ({"username": "ada", "display_name": "x" * 201}, "display_name"),
        ({"username": 7}, "username"),
    ],
)
async def test_creating_a_user_with_bad_input_is_422_naming_the_field(
    identity: Identity, admin: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    got = problem(await admin.post("/api/admin/users", json=body), 422)
    assert got["errors"][0]["field"] == field, got
    assert field in got["detail"]
    assert await identity.pool.fetchval("SELECT count(*) FROM users") == 1


async def test_a_missing_field_is_422_naming_it(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    got = problem(await admin.post("/api/admin/users", json={"email": "a@example.com"}), 422)
    assert "username" in got["detail"]
    got = problem(await admin.post("/api/admin/users", json={"username": "ab", "admin": True}), 422)
    assert "admin" in got["detail"]
    got = problem(await admin.post("/api/admin/users", json={"username": "api"}), 422)
    assert got["errors"][0]["field"] == "username"
    assert "not a name dais's own paths use" in got["detail"]


async def test_a_duplicate_username_or_email_is_409(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    await identity.user("ada", email="ada@example.com")
    body = problem(await admin.post("/api/admin/users", json={"username": "ada"}), 409)
    assert "username" in body["detail"]
    r = await admin.post("/api/admin/users", json={"username": "ada2", "email": "ADA@example.com"})
    assert "email" in problem(r, 409)["detail"]


async def test_an_admin_changes_a_user(identity: Identity, admin: httpx.AsyncClient) -> None:
    ada = await identity.user("ada", email="ada@example.com")
    r = await admin.patch(
        f"/api/admin/users/{ada.id}",
        json={"display_name": "Ada L.", "email": None, "password": "a brand new secret"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["display_name"] == "Ada L." and r.json()["email"] is None
    await identity.login("ada", "a brand new secret")
    row = await identity.pool.fetchrow("SELECT * FROM audit_log WHERE action = 'user.update'")
    assert row["details"]["password"] == "changed" and "brand" not in str(row["details"])
    problem(await admin.patch(f"/api/admin/users/{ada.id}", json={"email": "nope"}), 422)
    problem(await admin.patch("/api/admin/users/999999", json={"display_name": "x"}), 404)
    problem(await admin.patch(f"/api/admin/users/{ada.id}", json={"username": "x"}), 422)


async def test_disabling_a_user_ends_their_sessions_and_tokens_at_once(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    api = await identity.bearer(await identity.token(ada.id))
    assert (await browser.get("/api/user")).status_code == 200
    assert (await api.get("/api/user")).status_code == 200  # now cached
    r = await admin.patch(f"/api/admin/users/{ada.id}", json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    problem(await browser.get("/api/user"), 401)
    problem(await api.get("/api/user"), 401)
    assert await identity.pool.fetchval("SELECT count(*) FROM api_tokens") == 0
    client = await identity.client()
    r = await client.post("/api/auth/login", json={"login": "ada", "password": PASSWORD})
    assert problem(r, 401)["detail"] == "invalid username or password"
    r = await admin.patch(f"/api/admin/users/{ada.id}", json={"active": True})
    assert r.status_code == 200
    await identity.login("ada")


async def test_deleting_a_user(identity: Identity, admin: httpx.AsyncClient) -> None:
    ada = await identity.user("ada")
    api = await identity.bearer(await identity.token(ada.id))
    assert (await api.get("/api/user")).status_code == 200
    assert (await admin.delete(f"/api/admin/users/{ada.id}")).status_code == 204
    problem(await api.get("/api/user"), 401)
    names = [u["username"] for u in (await admin.get("/api/admin/users")).json()]
    assert names == ["admin"]
    problem(await admin.delete(f"/api/admin/users/{ada.id}"), 404)
    me = (await admin.get("/api/user")).json()["id"]
    assert "own account" in problem(await admin.delete(f"/api/admin/users/{me}"), 409)["detail"]
    r = await admin.patch(f"/api/admin/users/{me}", json={"active": False})
    assert problem(r, 422)["errors"][0]["field"] == "active"


async def test_users_without_the_admin_permissions_are_refused(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    ada = await identity.user("ada", roles=["maintainer"])
    browser = await identity.login("ada")
    assert ada.id
    calls = [
        ("GET", "/api/admin/users", None),
        ("POST", "/api/admin/users", {"username": "eve"}),
        ("PATCH", f"/api/admin/users/{ada.id}", {"is_admin": True}),
        ("DELETE", "/api/admin/users/1", None),
        ("GET", "/api/admin/roles", None),
        ("POST", "/api/admin/roles", {"name": "x", "permissions": []}),
        ("POST", "/api/admin/role-assignments", {"user_id": str(ada.id), "role": "admin"}),
        ("GET", "/api/admin/audit", None),
    ]
    for method, path, body in calls:
        r = await browser.request(method, path, json=body)
        assert "permission" in problem(r, 403)["detail"], (method, path)
    assert await identity.pool.fetchval("SELECT count(*) FROM users") == 2
    assert not await identity.pool.fetchval("SELECT is_admin FROM users WHERE id = $1", ada.id)


async def test_a_user_manager_cannot_touch_administrators_or_make_one(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    r = await admin.post(
        "/api/admin/roles", json={"name": "user-manager", "permissions": ["admin:users"]}
    )
    assert r.status_code == 201
    helper = await identity.user("helper")
    await identity.assign(helper.id, "user-manager")
    client = await identity.login("helper")
    admin_id = (await admin.get("/api/user")).json()["id"]
    r = await client.patch(f"/api/admin/users/{admin_id}", json={"password": "i own you now!"})
    problem(r, 403)
    problem(await client.delete(f"/api/admin/users/{admin_id}"), 403)
    problem(await client.post("/api/admin/users", json={"username": "boss", "is_admin": True}), 403)
    problem(await client.patch(f"/api/admin/users/{helper.id}", json={"is_admin": True}), 403)
    await identity.login("admin")  # the password is unchanged
    # Ordinary users are theirs to manage.
    r = await client.post("/api/admin/users", json={"username": "temp"})
    assert r.status_code == 201
    assert (await client.delete(f"/api/admin/users/{r.json()['id']}")).status_code == 204


# --- roles and assignments -----------------------------------------------------------------


async def test_custom_roles_are_created_changed_and_deleted(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    roles = (await admin.get("/api/admin/roles")).json()
    assert [r["name"] for r in roles] == sorted(BUILTIN) and all(r["builtin"] for r in roles)
    r = await admin.post(
        "/api/admin/roles",
        json={"name": "release", "description": "ships", "permissions": ["deploy:promote"]},
    )
    assert r.status_code == 201
    role = r.json()
    assert role["builtin"] is False and role["permissions"] == ["deploy:promote"]
    ada = await identity.user("ada")
    await identity.assign(ada.id, "release")
    browser = await identity.login("ada")
    assert await permissions(browser) == {"deploy:promote"}
    r = await admin.patch(
        f"/api/admin/roles/{role['id']}", json={"permissions": ["deploy:read", "deploy:promote"]}
    )
    assert r.status_code == 200 and r.json()["description"] == "ships"
    assert await permissions(browser) == {"deploy:read", "deploy:promote"}
    assert (await admin.delete(f"/api/admin/roles/{role['id']}")).status_code == 204
    assert await permissions(browser) == set()
    problem(await admin.delete(f"/api/admin/roles/{role['id']}"), 404)
    assert [r["action"] for r in (await admin.get("/api/admin/audit?action=role")).json()] == [
        "role.delete",
        "role.update",
        "role.assign",
        "role.create",
    ]


async def test_role_input_is_validated(admin: httpx.AsyncClient) -> None:
    r = await admin.post("/api/admin/roles", json={"name": "xy", "permissions": ["no:such"]})
    error = problem(r, 422)["errors"][0]
    assert (error["field"], error["rule"]) == ("permissions[0]", "is not a permission dais knows")
    r = await admin.post("/api/admin/roles", json={"name": "Bad Name", "permissions": []})
    assert problem(r, 422)["errors"][0]["field"] == "name"
    r = await admin.post("/api/admin/roles", json={"name": "viewer", "permissions": []})
    problem(r, 409)


async def test_built_in_roles_cannot_be_changed_or_deleted(admin: httpx.AsyncClient) -> None:
    for role in (await admin.get("/api/admin/roles")).json():
        r = await admin.patch(f"/api/admin/roles/{role['id']}", json={"permissions": []})
        assert "built-in" in problem(r, 409)["detail"]
        problem(await admin.delete(f"/api/admin/roles/{role['id']}"), 409)
    viewer = [r for r in (await admin.get("/api/admin/roles")).json() if r["name"] == "viewer"]
    assert len(viewer[0]["permissions"]) == 4


async def test_roles_are_assigned_globally_or_per_project(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    ada = await identity.user("ada")
    browser = await identity.login("ada")
    r = await admin.post(
        "/api/admin/role-assignments", json={"user_id": str(ada.id), "role": "viewer"}
    )
    assert r.status_code == 201 and r.json()["project_id"] is None
    r = await admin.post(
        "/api/admin/role-assignments",
        json={"user_id": str(ada.id), "role": "developer", "project_id": "7"},
    )
    assert r.status_code == 201
    on_seven = r.json()
    assert "project:write" not in await permissions(browser)
    assert "project:write" in await permissions(browser, 7)
    assert "project:write" not in await permissions(browser, 8)
    assert "project:read" in await permissions(browser, 8)  # the global role holds everywhere
    r = await admin.post(
        "/api/admin/role-assignments",
        json={"user_id": str(ada.id), "role": "developer", "project_id": "7"},
    )
    problem(r, 409)
    listed = (await admin.get("/api/admin/role-assignments", params={"user_id": ada.id})).json()
    assert [(a["role"], a["project_id"]) for a in listed] == [("viewer", None), ("developer", "7")]
    assert (await admin.delete(f"/api/admin/role-assignments/{on_seven['id']}")).status_code == 204
    assert "project:write" not in await permissions(browser, 7)
    problem(await admin.delete(f"/api/admin/role-assignments/{on_seven['id']}"), 404)
    r = await admin.post("/api/admin/role-assignments", json={"user_id": "999", "role": "viewer"})
    problem(r, 404)
    r = await admin.post("/api/admin/role-assignments", json={"user_id": str(ada.id), "role": "x"})
    problem(r, 404)


async def test_no_one_grants_more_than_they_hold(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    r = await admin.post(
        "/api/admin/roles",
        json={"name": "role-manager", "permissions": ["admin:roles", "project:read"]},
    )
    assert r.status_code == 201
    lead = await identity.user("lead", roles=["role-manager"])
    await identity.assign(lead.id, "developer", project_id=7)
    ada = await identity.user("ada")
    client = await identity.login("lead")
    r = await client.post(
        "/api/admin/roles", json={"name": "god", "permissions": ["admin:users", "admin:roles"]}
    )
    assert "admin:users" in problem(r, 403)["detail"]
    for role in ("admin", "maintainer", "developer"):
        r = await client.post(
            "/api/admin/role-assignments", json={"user_id": str(lead.id), "role": role}
        )
        problem(r, 403)
    # Developer on project 7 is theirs to give, there.
    r = await client.post(
        "/api/admin/role-assignments",
        json={"user_id": str(ada.id), "role": "developer", "project_id": "7"},
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        "/api/admin/roles", json={"name": "reader", "permissions": ["project:read"]}
    )
    assert r.status_code == 201


# --- the audit log -------------------------------------------------------------------------


async def test_audit_rows_record_who_from_where_and_with_what(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    client = await identity.client(
        address="2001:db8::7", headers={"Origin": ORIGIN, "User-Agent": "audit-probe/2.0"}
    )
    r = await client.post("/api/auth/login", json={"login": "admin", "password": PASSWORD})
    assert r.status_code == 200
    r = await client.post("/api/admin/users", json={"username": "ada"})
    assert r.status_code == 201
    [row] = (await admin.get("/api/admin/audit", params={"action": "user.create"})).json()[:1]
    admin_id = (await admin.get("/api/user")).json()["id"]
    assert row["actor_id"] == admin_id and row["actor_name"] == "admin"
    assert row["target_type"] == "user" and row["target_id"] == r.json()["id"]
    assert row["client_address"] == "2001:db8::7" and row["user_agent"] == "audit-probe/2.0"
    assert row["details"] == {"username": "ada", "kind": "human", "is_admin": False}
    assert datetime.fromisoformat(row["at"]) > datetime.now(UTC) - timedelta(minutes=1)


async def test_the_audit_log_is_filtered_and_paged_with_a_link_header(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    for i in range(7):
        r = await admin.post("/api/admin/users", json={"username": f"user{i}"})
        assert r.status_code == 201
    admin_id = (await admin.get("/api/user")).json()["id"]
    seen: list[str] = []
    url: str | None = "/api/admin/audit?action=user.create&per_page=3"
    while url:
        r = await admin.get(url)
        assert r.status_code == 200
        assert r.headers["x-total-count"] == "8"
        seen += [row["id"] for row in r.json()]
        assert all(row["action"] == "user.create" for row in r.json())
        links = dict(
            (rel.strip(), target.strip()[1:-1])
            for target, rel in (part.split(";") for part in r.headers["link"].split(","))
        )
        url = links.get('rel="next"')
        if url is not None:
            query = parse_qs(urlsplit(url).query)
            assert query["action"] == ["user.create"] and query["per_page"] == ["3"]
    # 7 created here and the bootstrap admin, newest first, each once.
    assert len(seen) == 8 == len(set(seen))
    assert seen == sorted(seen, key=int, reverse=True)
    by_admin = (await admin.get("/api/admin/audit", params={"actor_id": admin_id})).json()
    assert {row["action"] for row in by_admin} == {"auth.login", "user.create"}
    user3 = await identity.pool.fetchval("SELECT id FROM users WHERE username = 'user3'")
    rows = (
        await admin.get("/api/admin/audit", params={"target_type": "user", "target_id": str(user3)})
    ).json()
    assert [row["details"]["username"] for row in rows] == ["user3"]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (await admin.get("/api/admin/audit", params={"since": future})).json() == []
    assert len((await admin.get("/api/admin/audit", params={"until": future})).json()) >= 9
    naive = datetime.now().replace(tzinfo=None).isoformat()
    r = await admin.get("/api/admin/audit", params={"since": naive})
    error = problem(r, 400)["errors"][0]
    assert (error["field"], error["rule"]) == (
        "since",
        "must be an RFC 3339 date and time with an offset",
    )


async def test_an_action_whose_audit_row_cannot_be_written_does_not_happen(
    identity: Identity, admin: httpx.AsyncClient
) -> None:
    await identity.pool.execute(
        """
        CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.action = 'user.create' THEN RAISE EXCEPTION 'audit disk full'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
            FOR EACH ROW EXECUTE FUNCTION refuse_audit();
        """
    )
    r = await admin.post("/api/admin/users", json={"username": "ada", "password": PASSWORD})
    body = problem(r, 503)
    assert "audit" in body["detail"] and "disk full" not in body["detail"]
    assert await identity.pool.fetchval("SELECT count(*) FROM users WHERE username = 'ada'") == 0
    # The identity service carries on with everything else.
    r = await admin.post("/api/admin/roles", json={"name": "release", "permissions": []})
    assert r.status_code == 201
