"""Whether a merge request can be merged, and why not. Pure functions, plus :func:`check`.

The git half (:func:`check`) merges the two branch heads in memory with ``git merge-tree``
and is kept as a :class:`MergeCheck` on the merge request: it stays true for as long as both
branches point where it says, so it is recomputed only when either moves. The rest
(approvals, draft, missing branches) is cheap and worked out on every read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from dais.actors.projects.protection import BranchRule

from . import plumbing
from .messages import Approvals, MergeRequestState, MergeStatus, ReviewRecord, ReviewState

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

__all__ = [
    "BLOCKERS",
    "MergeCheck",
    "Protection",
    "approvals",
    "check",
    "merge_status",
    "protection",
]

#: Every reason a merge request may not be mergeable, in the order they are listed.
BLOCKERS = (
    "merged",
    "closed",
    "source_branch_missing",
    "target_branch_missing",
    "draft",
    "unrelated_histories",
    "nothing_to_merge",
    "conflicts",
    "pipeline_not_successful",
    "approvals_missing",
    "mergeability_unknown",  # not checked for the current heads (should not happen)
)


@attrs.frozen
class MergeCheck:
    """The in-memory merge of ``source`` into ``target``."""

    source: str
    target: str
    base: str | None  # None: unrelated histories
    clean: bool
    conflicts: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "base": self.base,
            "clean": self.clean,
            "conflicts": list(self.conflicts),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> MergeCheck | None:
        if not data:
            return None
        return cls(
            source=data["source"],
            target=data["target"],
            base=data.get("base"),
            clean=bool(data.get("clean")),
            conflicts=tuple(data.get("conflicts") or ()),
        )

    def holds_for(self, source: str | None, target: str | None) -> bool:
        return self.source == source and self.target == target


async def check(git_dir: Path, source: str, target: str) -> MergeCheck:
    """Merge ``source`` into ``target`` in memory: the merge base and any conflicting paths."""
    base = await plumbing.merge_base(git_dir, target, source)
    if base is None:
        return MergeCheck(source, target, None, False, ())
    if base in (source, target):
        # Nothing to merge, or a fast-forward: neither can conflict.
        return MergeCheck(source, target, base, True, ())
    merged = await plumbing.merge_tree(git_dir, target, source)
    if merged is None:
        return MergeCheck(source, target, None, False, ())
    return MergeCheck(source, target, base, merged.clean, merged.conflicts)


@attrs.frozen
class Protection:
    """What the protected-branch rules matching a target branch ask of a merge."""

    rules: tuple[BranchRule, ...]

    @property
    def protected(self) -> bool:
        return bool(self.rules)

    @property
    def required_approvals(self) -> int:
        return max((r.required_approvals for r in self.rules), default=0)

    @property
    def dismiss_stale_approvals(self) -> bool:
        return any(r.dismiss_stale_approvals for r in self.rules)

    def merge_refusal(self, roles: frozenset[str], is_admin: bool) -> str | None:
        """Why someone holding ``roles`` may not merge into the branch, or None."""
        if is_admin:
            return None
        for rule in self.rules:
            if not roles & rule.merge_roles:
                allowed = ", ".join(sorted(rule.merge_roles)) or "nobody"
                return f"the target branch is protected ({rule.pattern}): only {allowed} may merge"
        return None


def protection(rules: Iterable[BranchRule], branch: str) -> Protection:
    return Protection(tuple(r for r in rules if r.matches(branch)))


def approvals(
    reviews: Iterable[ReviewRecord],
    *,
    author_id: int | None,
    source_head: str,
    rules: Protection,
) -> Approvals:
    """The approvals that count: each reviewer's latest verdict (approve or request changes;
    comments and dismissed reviews do not change it), when it is an approval by someone
    other than the author, given on the current head if stale approvals are dismissed."""
    latest: dict[int, ReviewRecord] = {}
    for review in sorted(reviews, key=lambda r: r.id):
        if review.author is None or review.dismissed_at is not None:
            continue
        if review.state is ReviewState.COMMENTED:
            continue
        latest[review.author.id] = review
    approved = tuple(
        r.author
        for r in sorted(latest.values(), key=lambda r: r.id)
        if r.author is not None
        and r.state is ReviewState.APPROVED
        and r.author.id != author_id
        and (not rules.dismiss_stale_approvals or r.commit_sha == source_head)
    )
    return Approvals(required=rules.required_approvals, approved_by=approved)


def merge_status(
    *,
    state: MergeRequestState,
    draft: bool,
    source_head: str | None,
    target_head: str | None,
    merge_check: MergeCheck | None,
    approvals: Approvals,
    rules: Protection,
    pipeline_required: bool = False,
    pipeline_state: str | None = None,
) -> MergeStatus:
    """Put the pieces together: mergeable when nothing blocks. ``pipeline_required``: the
    project asks that the source head's pipelines (its combined commit status,
    ``pipeline_state``) have succeeded."""
    if state is not MergeRequestState.OPEN:
        return MergeStatus(False, (), (state.value,), None, False, rules.protected)
    found: set[str] = set()
    if source_head is None:
        found.add("source_branch_missing")
    if target_head is None:
        found.add("target_branch_missing")
    if draft:
        found.add("draft")
    conflicts: tuple[str, ...] = ()
    base = None
    if merge_check is not None and merge_check.holds_for(source_head, target_head):
        base = merge_check.base
        if base is None:
            found.add("unrelated_histories")
        elif base == merge_check.source:
            found.add("nothing_to_merge")
        elif not merge_check.clean:
            found.add("conflicts")
            conflicts = merge_check.conflicts
    elif source_head is not None and target_head is not None:
        found.add("mergeability_unknown")
    if approvals.missing:
        found.add("approvals_missing")
    if pipeline_required and pipeline_state != "success":
        found.add("pipeline_not_successful")
    blockers = tuple(b for b in BLOCKERS if b in found)
    return MergeStatus(
        mergeable=not blockers,
        conflicts=conflicts,
        blockers=blockers,
        merge_base=base,
        fast_forward_possible=base is not None and base == target_head,
        target_protected=rules.protected,
    )
