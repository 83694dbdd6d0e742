"""What a push changed, read from the bare repository with ``git``: was it forced, and which
commits it added. Best effort: a repository that is gone or objects that are missing give
``forced = None`` and no commits, never a failed delivery."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

import anyio

from .payloads import MAX_COMMITS, PushDetails, RefChange, commit_object

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["push_details"]

log = logging.getLogger(__name__)

_TIMEOUT = 10.0
# Unit and record separators keep messages (which may hold anything but NUL) apart.
_FORMAT = "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e"


class _GitError(Exception):
    pass


async def _git(repository: Path, *args: str) -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {"GIT_DIR": str(repository), "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repository)}
    with anyio.fail_after(_TIMEOUT):
        result = await anyio.run_process(["git", *args], env=env, check=False)
    return result.returncode, result.stdout


async def _log(repository: Path, project_id: str, public_url: str, *args: str) -> list[Any]:
    code, out = await _git(repository, "log", "--no-color", _FORMAT, *args, "--")
    if code != 0:
        raise _GitError(f"git log {' '.join(args)} exited {code}")
    commits = []
    for record in out.decode(errors="replace").split("\x1e"):
        fields = record.strip("\n").split("\x1f")
        if len(fields) != 5:
            continue
        sha, name, email, when, message = fields
        commits.append(
            commit_object(
                project_id,
                public_url,
                sha=sha,
                message=message.rstrip("\n"),
                timestamp=when,
                author_name=name,
                author_email=email,
            )
        )
    return commits


async def push_details(
    repository: Path, project_id: str, change: RefChange, public_url: str
) -> PushDetails:
    if change.deleted:
        return PushDetails(forced=False)
    try:
        head = await _log(repository, project_id, public_url, "-n", "1", change.after)
        head_commit = head[0] if head else None
        if change.created:
            return PushDetails(forced=False, head_commit=head_commit)
        code, _ = await _git(repository, "merge-base", "--is-ancestor", change.before, change.after)
        forced = None if code not in (0, 1) else code == 1
        added = await _log(
            repository,
            project_id,
            public_url,
            "--reverse",
            f"--max-count={MAX_COMMITS}",
            f"{change.before}..{change.after}",
        )
        return PushDetails(forced=forced, commits=tuple(added), head_commit=head_commit)
    except (OSError, TimeoutError, _GitError) as exc:
        log.info("push details of %s in %s unavailable: %r", change.ref, repository, exc)
        return PushDetails()
