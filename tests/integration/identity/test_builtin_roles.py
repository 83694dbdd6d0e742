"""The built-in roles the code describes are the ones the migrations leave in the database."""

from __future__ import annotations

from typing import Any

import asyncpg

from dais.actors.identity.permissions import BUILTIN_ROLES


async def test_builtin_roles_match_the_migrated_database(pool: asyncpg.Pool[Any]) -> None:
    rows = await pool.fetch("SELECT name, description, permissions FROM roles WHERE builtin")
    seeded = {r["name"]: (r["description"], frozenset(r["permissions"])) for r in rows}
    expected = {
        name: (description, frozenset(p.value for p in perms))
        for name, (description, perms) in BUILTIN_ROLES.items()
    }
    assert seeded == expected


async def test_developers_may_merge_as_protected_branch_rules_assume() -> None:
    from dais.actors.identity.permissions import Permission
    from dais.http.projects import BranchRuleIn

    for role in BranchRuleIn(pattern="main").merge_roles:
        assert Permission.MERGE_REQUEST_MERGE in BUILTIN_ROLES[role][1], role
