from __future__ import annotations

import pytest

from dais.actors.projects.protection import ZERO_SHA, BranchRule, RefUpdate, check_ref_update

A, B = "a" * 40, "b" * 40
MAIN = BranchRule(1, "main")
RELEASES = BranchRule(2, "release/*", allow_force_push=True, push_roles=frozenset())


def _check(update: RefUpdate, roles: set[str] = {"developer"}, admin: bool = False) -> str | None:  # noqa: B006
    return check_ref_update(
        update,
        rules=[MAIN, RELEASES],
        default_branch="main",
        roles=frozenset(roles),
        is_admin=admin,
    )


def test_unprotected_branches_and_tags_pass() -> None:
    assert _check(RefUpdate("refs/heads/feature", A, B, forced=True)) is None
    assert _check(RefUpdate("refs/heads/feature", A, ZERO_SHA, forced=False)) is None
    assert _check(RefUpdate("refs/tags/v1", ZERO_SHA, A, forced=False)) is None


def test_default_branch_cannot_be_deleted_even_by_admins() -> None:
    message = _check(RefUpdate("refs/heads/main", A, ZERO_SHA, forced=False), admin=True)
    assert message == "main is the default branch and cannot be deleted"


@pytest.mark.parametrize("roles", [{"developer"}, {"maintainer"}])
def test_force_push_refused_on_protected_branch(roles: set[str]) -> None:
    message = _check(RefUpdate("refs/heads/main", A, B, forced=True), roles=roles)
    assert message == "main is protected (main): force push is not allowed"


def test_direct_push_needs_a_push_role() -> None:
    update = RefUpdate("refs/heads/main", A, B, forced=False)
    refused = _check(update, roles={"developer"})
    assert refused is not None and "only maintainer may push" in refused
    assert _check(update, roles={"maintainer"}) is None
    assert _check(update, roles=set(), admin=True) is None


def test_glob_rules_and_their_allowances() -> None:
    update = RefUpdate("refs/heads/release/1.0", A, B, forced=True)
    refused = _check(update, roles={"maintainer"})
    assert refused is not None and "only nobody may push" in refused
    assert _check(update, admin=True) is None  # force allowed by the rule, admin may push
    deletion = RefUpdate("refs/heads/release/1.0", A, ZERO_SHA, forced=False)
    assert _check(deletion, admin=True) == (
        "release/1.0 is protected (release/*): deleting it is not allowed"
    )


def test_creating_a_protected_branch_is_not_a_force_push() -> None:
    update = RefUpdate("refs/heads/main", ZERO_SHA, B, forced=True)
    assert _check(update, roles={"maintainer"}) is None
