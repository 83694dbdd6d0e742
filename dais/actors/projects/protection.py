"""Protected branches: which ref updates a push may make. Pure functions.

A rule names a branch or a glob (``release/*``) and says whether force pushes and deletions
are allowed, which roles may push directly, which may merge, and how many approvals a merge
request needs (and whether a new push withdraws them). Several rules can match one branch;
the strictest answer wins. The default branch can never be deleted.
"""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["ZERO_SHA", "BranchRule", "RefUpdate", "check_ref_update", "matching_rules"]

ZERO_SHA = "0" * 40


@attrs.frozen
class BranchRule:
    id: int
    pattern: str
    allow_force_push: bool = False
    allow_deletion: bool = False
    push_roles: frozenset[str] = frozenset({"maintainer"})
    merge_roles: frozenset[str] = frozenset({"maintainer", "developer"})
    required_approvals: int = 0
    #: A push to a merge request's source branch withdraws the approvals given before it.
    dismiss_stale_approvals: bool = False

    def matches(self, branch: str) -> bool:
        return fnmatch.fnmatchcase(branch, self.pattern)


@attrs.frozen
class RefUpdate:
    ref: str
    old: str
    new: str
    forced: bool  # the new commit does not descend from the old one

    @property
    def deletes(self) -> bool:
        return self.new == ZERO_SHA

    @property
    def creates(self) -> bool:
        return self.old == ZERO_SHA


def matching_rules(rules: Iterable[BranchRule], branch: str) -> list[BranchRule]:
    return [r for r in rules if r.matches(branch)]


def check_ref_update(
    update: RefUpdate,
    *,
    rules: Iterable[BranchRule],
    default_branch: str,
    roles: frozenset[str],
    is_admin: bool,
) -> str | None:
    """Why ``update`` is refused, or None if the push may make it.

    ``roles`` are the pusher's role names on the project (global and project-scoped).
    """
    if not update.ref.startswith("refs/heads/"):
        return None  # tags and other refs: not governed by branch rules
    branch = update.ref.removeprefix("refs/heads/")
    if update.deletes and branch == default_branch:
        return f"{branch} is the default branch and cannot be deleted"
    matched = matching_rules(rules, branch)
    if not matched:
        return None
    names = ", ".join(sorted({r.pattern for r in matched}))
    if update.deletes:
        if not all(r.allow_deletion for r in matched):
            return f"{branch} is protected ({names}): deleting it is not allowed"
        return None
    if update.forced and not update.creates and not all(r.allow_force_push for r in matched):
        return f"{branch} is protected ({names}): force push is not allowed"
    if is_admin:
        return None
    for rule in matched:
        if not roles & rule.push_roles:
            allowed = ", ".join(sorted(rule.push_roles)) or "nobody"
            return (
                f"{branch} is protected ({rule.pattern}): only {allowed} may push to it "
                "directly; open a merge request"
            )
    return None
