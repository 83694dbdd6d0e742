"""The permission resolver's logic, free of I/O: what may a principal do on a project?

Inputs are the rows the database holds (role grants, delegations); the actor fetches them and
caches the result. Rules:

- an active admin may do everything;
- a user holds the union of the permissions of their roles assigned globally or on the
  project;
- a delegation gives its delegate the delegated permissions (on its project, or everywhere
  if it names none) until it expires or is revoked, and only those the delegator still holds
  there through their own roles. Delegations do not chain: a delegate cannot pass on what
  was delegated to them;
- a token narrows all of that to its scopes (``*`` keeps everything).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from .permissions import Permission

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Delegation",
    "Grant",
    "effective_permissions",
    "narrow_for",
    "narrow_to_scopes",
    "own_permissions",
    "valid_until",
]

ALL = frozenset(Permission)


@attrs.frozen
class Grant:
    """A role's permissions assigned to a user, globally (``project_id`` None) or on a project."""

    user_id: int
    project_id: int | None
    permissions: frozenset[Permission]


@attrs.frozen
class Delegation:
    delegator_id: int
    delegator_active: bool
    delegator_admin: bool
    delegate_id: int
    project_id: int | None
    permissions: frozenset[Permission]
    expires_at: datetime | None
    revoked: bool


def _own(
    user_id: int, is_admin: bool, grants: Iterable[Grant], project_id: int | None
) -> frozenset[Permission]:
    if is_admin:
        return ALL
    out: set[Permission] = set()
    for g in grants:
        if g.user_id == user_id and (g.project_id is None or g.project_id == project_id):
            out |= g.permissions
    return frozenset(out)


def own_permissions(
    *,
    user_id: int,
    active: bool,
    is_admin: bool,
    project_id: int | None,
    grants: Iterable[Grant],
) -> frozenset[Permission]:
    """What ``user_id`` holds on ``project_id`` through their own roles, without delegations:
    all a user may delegate, since delegations do not chain."""
    if not active:
        return frozenset()
    return _own(user_id, is_admin, grants, project_id)


def valid_until(delegations: Iterable[Delegation], now: datetime) -> datetime | None:
    """When the first delegation still in force expires: a cached answer built on them must
    not outlive that moment."""
    ends = [d.expires_at for d in delegations if d.expires_at is not None and d.expires_at > now]
    return min(ends, default=None)


def effective_permissions(
    *,
    user_id: int,
    active: bool,
    is_admin: bool,
    project_id: int | None,
    grants: Iterable[Grant],
    delegations: Iterable[Delegation],
    now: datetime,
) -> frozenset[Permission]:
    """Everything ``user_id`` may do on ``project_id`` (None: outside any project).

    ``grants`` must include the delegators' grants, since a delegation is honoured only
    while its delegator holds the permission.
    """
    if not active:
        return frozenset()
    grants = list(grants)
    own = _own(user_id, is_admin, grants, project_id)
    if own == ALL:
        return ALL
    out = set(own)
    for d in delegations:
        if d.delegate_id != user_id or d.revoked or not d.delegator_active:
            continue
        if d.expires_at is not None and d.expires_at <= now:
            continue
        if d.project_id is not None and d.project_id != project_id:
            continue
        held = _own(d.delegator_id, d.delegator_admin, grants, project_id)
        out |= d.permissions & held
    return frozenset(out)


def narrow_for(
    permissions: frozenset[Permission],
    scopes: frozenset[Permission] | None,
    restricted_to: int | None,
    project_id: int | None,
) -> frozenset[Permission]:
    """What a credential may do with ``permissions`` held on ``project_id``: a token's
    scopes, and nothing at all outside the one project a restricted token is for."""
    if restricted_to is not None and project_id != restricted_to:
        return frozenset()
    return narrow_to_scopes(permissions, scopes)


def narrow_to_scopes(
    permissions: frozenset[Permission], scopes: frozenset[Permission] | None
) -> frozenset[Permission]:
    """What a token may do: its scopes intersected with its owner's permissions."""
    return permissions if scopes is None else permissions & scopes
