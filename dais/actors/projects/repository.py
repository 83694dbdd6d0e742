"""Bare repositories on disk, made and removed with the ``git`` binary (no work tree)."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import anyio

from dais.gitserver.hooks import install_hooks

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["GitFailed", "create_bare", "remove", "run_git"]

_GIT_TIMEOUT = 60.0


class GitFailed(Exception):
    """A git command exited non-zero; the message carries its stderr."""


def _env(git_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {
        "GIT_DIR": str(git_dir),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "HOME": str(git_dir),  # no user config leaks in
    }
    return env


async def run_git(
    git_dir: Path, *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> bytes:
    """Run ``git args`` against ``git_dir`` and return stdout.

    :raises GitFailed: on a non-zero exit or after the timeout.
    """
    with anyio.fail_after(_GIT_TIMEOUT):
        result = await anyio.run_process(
            ["git", *args], input=stdin, env=_env(git_dir) | (env or {}), check=False
        )
    if result.returncode != 0:
        raise GitFailed(f"git {args[0]}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


async def create_bare(
    path: Path, *, default_branch: str, readme: str | None, author: tuple[str, str]
) -> None:
    """``git init --bare``; with ``readme``, one commit holding README.md on the default branch."""
    await anyio.Path(path.parent).mkdir(parents=True, exist_ok=True)
    if await anyio.Path(path).exists():
        raise GitFailed(f"{path} already exists")
    await run_git(
        path, "init", "--quiet", "--bare", f"--initial-branch={default_branch}", str(path)
    )
    await install_hooks(path)
    if readme is None:
        return
    blob = (await run_git(path, "hash-object", "-w", "--stdin", stdin=readme.encode())).strip()
    tree = (await run_git(path, "mktree", stdin=b"100644 blob " + blob + b"\tREADME.md\n")).strip()
    name, email = author
    identity = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    commit = (
        await run_git(path, "commit-tree", tree.decode(), "-m", "Initial commit", env=identity)
    ).strip()
    await run_git(path, "update-ref", f"refs/heads/{default_branch}", commit.decode())


async def remove(path: Path) -> None:
    """Delete a repository directory (in a thread: it may be large)."""
    if await anyio.Path(path).exists():
        await anyio.to_thread.run_sync(shutil.rmtree, path)
