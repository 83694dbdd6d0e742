from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dais.actors.identity.permissions import BUILTIN_ROLES, Permission
from dais.actors.identity.resolver import (
    Delegation,
    Grant,
    effective_permissions,
    narrow_to_scopes,
    own_permissions,
    valid_until,
)

P = Permission
NOW = datetime(2026, 11, 24, tzinfo=UTC)
DEV = BUILTIN_ROLES["developer"][1]
VIEW = BUILTIN_ROLES["viewer"][1]


def _eff(user_id: int, project_id: int | None, grants: list[Grant], delegations=(), **kw):  # type: ignore[no-untyped-def]
    return effective_permissions(
        user_id=user_id,
        active=kw.get("active", True),
        is_admin=kw.get("is_admin", False),
        project_id=project_id,
        grants=grants,
        delegations=list(delegations),
        now=NOW,
    )


def _delegation(**kw: object) -> Delegation:
    base: dict[str, object] = {
        "delegator_id": 1,
        "delegator_active": True,
        "delegator_admin": False,
        "delegate_id": 2,
        "project_id": None,
        "permissions": frozenset({P.PROJECT_WRITE, P.PIPELINE_RUN}),
        "expires_at": None,
        "revoked": False,
    }
    base.update(kw)
    return Delegation(**base)  # type: ignore[arg-type]


def test_roles_global_and_per_project() -> None:
    grants = [Grant(1, None, VIEW), Grant(1, 7, DEV)]
    assert _eff(1, None, grants) == VIEW
    assert _eff(1, 7, grants) == VIEW | DEV
    assert _eff(1, 8, grants) == VIEW


def test_admin_and_disabled() -> None:
    assert _eff(1, None, [], is_admin=True) == frozenset(Permission)
    assert _eff(1, 7, [Grant(1, None, DEV)], active=False) == frozenset()
    assert _eff(1, 7, [], is_admin=True, active=False) == frozenset()


def test_delegation_is_a_subset_of_what_the_delegator_holds() -> None:
    grants = [Grant(1, None, frozenset({P.PROJECT_READ, P.PROJECT_WRITE}))]
    got = _eff(2, 7, grants, [_delegation()])
    assert got == {P.PROJECT_WRITE}  # PIPELINE_RUN was delegated but never held


def test_delegation_outlives_nothing() -> None:
    grants = [Grant(1, None, DEV)]
    assert P.PROJECT_WRITE in _eff(2, 7, grants, [_delegation()])
    # The delegator loses the role: the delegate loses what it gave.
    assert _eff(2, 7, [], [_delegation()]) == frozenset()
    # The delegator is disabled: same.
    assert _eff(2, 7, grants, [_delegation(delegator_active=False)]) == frozenset()


def test_delegation_expiry_revocation_and_project() -> None:
    grants = [Grant(1, None, DEV)]
    assert _eff(2, 7, grants, [_delegation(expires_at=NOW - timedelta(seconds=1))]) == set()
    assert _eff(2, 7, grants, [_delegation(expires_at=NOW + timedelta(hours=1))])
    assert _eff(2, 7, grants, [_delegation(revoked=True)]) == frozenset()
    scoped = _delegation(project_id=7)
    assert _eff(2, 7, grants, [scoped]) and _eff(2, 8, grants, [scoped]) == frozenset()


def test_delegations_do_not_chain() -> None:
    grants = [Grant(1, None, DEV)]
    chain = [_delegation(), _delegation(delegator_id=2, delegate_id=3)]
    assert _eff(3, 7, grants, chain) == frozenset()


def test_admin_delegator_can_delegate_anything() -> None:
    d = _delegation(delegator_admin=True, permissions=frozenset({P.ADMIN_USERS}))
    assert _eff(2, None, [], [d]) == {P.ADMIN_USERS}


def test_token_scopes_narrow() -> None:
    assert narrow_to_scopes(DEV, None) == DEV
    assert narrow_to_scopes(VIEW, frozenset({P.PROJECT_READ, P.SECRET_READ})) == {P.PROJECT_READ}


def test_own_permissions_leave_delegations_out() -> None:
    grants = [Grant(2, None, VIEW), Grant(2, 7, DEV)]
    own = own_permissions(user_id=2, active=True, is_admin=False, project_id=7, grants=grants)
    assert own == VIEW | DEV
    assert own_permissions(user_id=2, active=False, is_admin=True, project_id=7, grants=grants) == (
        frozenset()
    )
    assert own_permissions(user_id=2, active=True, is_admin=True, project_id=None, grants=[]) == (
        frozenset(Permission)
    )


def test_valid_until_is_the_first_expiry_still_ahead() -> None:
    soon, later = NOW + timedelta(seconds=5), NOW + timedelta(hours=1)
    delegations = [
        _delegation(expires_at=later),
        _delegation(expires_at=None),
        _delegation(expires_at=soon),
        _delegation(expires_at=NOW - timedelta(seconds=1)),
    ]
    assert valid_until(delegations, NOW) == soon
    assert valid_until([_delegation()], NOW) is None
    assert valid_until([], NOW) is None
