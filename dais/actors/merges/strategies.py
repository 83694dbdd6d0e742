"""The four ways a merge request lands on its target, as new commit objects.

Each function returns the commit the target branch should move to; none of them moves a
ref (the caller does that with a compare-and-swap, see :func:`plumbing.update_refs`). A
merge that cannot be made raises :class:`dais.errors.Conflict` naming why, and leaves
nothing behind but unreferenced objects.

- ``merge``: a merge commit of target and source (two parents), by the merger.
- ``squash``: one commit on top of the target holding the merged tree, authored by the
  merge request's author and committed by the merger.
- ``rebase``: each source commit replayed onto the target in order, keeping its author,
  message and author date (the merger commits); then the target fast-forwards to the last.
- ``fast-forward``: the target moves to the source head; only when the target is an
  ancestor of the source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dais.actors.projects.messages import MergeStrategy
from dais.errors import Conflict

from . import plumbing

if TYPE_CHECKING:
    from pathlib import Path

    from .plumbing import Identity

__all__ = ["MAX_REBASE_COMMITS", "land"]

MAX_REBASE_COMMITS = 1000
"""A rebase replays at most this many commits (each costs a few git processes)."""


async def land(
    git_dir: Path,
    strategy: MergeStrategy,
    *,
    source: str,
    target: str,
    message: str,
    mr_author: Identity,
    merger: Identity,
) -> str:
    """The commit the target branch moves to when merging ``source`` into ``target``.

    :raises Conflict: the histories conflict, are unrelated, or cannot fast-forward.
    """
    if strategy is MergeStrategy.FAST_FORWARD:
        if not await plumbing.is_ancestor(git_dir, target, source):
            raise Conflict(
                "fast-forward is not possible: the target branch has commits the source "
                "branch lacks; rebase the source branch or choose another strategy"
            )
        return source
    if strategy is MergeStrategy.REBASE:
        return await _rebase(git_dir, source, target, merger)
    merged = await _merged_tree(git_dir, target, source)
    text = message.encode() if message.endswith("\n") else (message + "\n").encode()
    if strategy is MergeStrategy.SQUASH:
        return await plumbing.commit_tree(
            git_dir, merged, [target], text, author=mr_author, committer=merger
        )
    return await plumbing.commit_tree(
        git_dir, merged, [target, source], text, author=merger, committer=merger
    )


async def _merged_tree(git_dir: Path, target: str, source: str) -> str:
    result = await plumbing.merge_tree(git_dir, target, source)
    if result is None:
        raise Conflict("the source and target branches have unrelated histories")
    if not result.clean:
        raise Conflict(
            f"the merge conflicts in {', '.join(result.conflicts)}",
            extra={"conflicts": list(result.conflicts)},
        )
    return result.tree


async def _rebase(git_dir: Path, source: str, target: str, merger: Identity) -> str:
    """Replay the source's own commits onto the target, one three-way merge each.

    git 2.39's merge-tree has no ``--merge-base``, so the base is arranged instead: to
    replay commit C (parent P) onto the current head H, merge C with a scratch commit
    holding H's tree whose only parent is P. Their one merge base is P, so the result is
    exactly the three-way merge a cherry-pick makes (base P, ours H, theirs C).
    """
    if await plumbing.is_ancestor(git_dir, target, source):
        return source  # already on top of the target: nothing to rewrite
    commits = await plumbing.rev_list(git_dir, target, source, MAX_REBASE_COMMITS)
    if len(commits) > MAX_REBASE_COMMITS:
        raise Conflict(
            f"a rebase replays at most {MAX_REBASE_COMMITS} commits; use merge or squash"
        )
    head = target
    head_tree = (await plumbing.read_commit(git_dir, target)).tree
    for sha in commits:
        commit = await plumbing.read_commit(git_dir, sha)
        if not commit.parents:
            raise Conflict(f"commit {sha} has no parent: it cannot be replayed onto the target")
        scratch = await plumbing.commit_tree(
            git_dir,
            head_tree,
            [commit.parents[0]],
            b"dais: rebase scratch commit\n",
            author=merger,
            committer=merger,
        )
        result = await plumbing.merge_tree(git_dir, scratch, sha)
        if result is None:
            raise Conflict(f"commit {sha} cannot be replayed onto the target")
        if not result.clean:
            raise Conflict(
                f"replaying commit {sha[:12]} onto the target conflicts in "
                f"{', '.join(result.conflicts)}",
                extra={"conflicts": list(result.conflicts), "commit": sha},
            )
        if result.tree == head_tree:
            continue  # already applied upstream: it would be empty, and a rebase drops it
        head = await plumbing.commit_tree(
            git_dir,
            result.tree,
            [head],
            commit.message,
            author=commit.author,
            committer=merger,
            encoding=commit.encoding,
        )
        head_tree = result.tree
    return head
