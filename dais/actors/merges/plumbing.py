"""Git plumbing on a bare repository, for merge requests: no work tree, no index on disk.

Everything runs the ``git`` binary with the repository as ``GIT_DIR`` and no user or system
configuration. Merges are computed with ``git merge-tree --write-tree`` (git >= 2.38) and
commits written with ``git commit-tree``; writing objects is harmless (unreferenced ones are
collected later). Only :func:`update_refs` changes what anyone can see, and it does so as
one compare-and-swap transaction over every ref it names.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import anyio
import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

__all__ = [
    "ZERO_SHA",
    "CommitData",
    "GitError",
    "Identity",
    "MergeTree",
    "RefChange",
    "blob_lines",
    "branch_heads",
    "commit_messages",
    "commit_tree",
    "is_commit",
    "is_ancestor",
    "merge_base",
    "merge_tree",
    "path_in_commit",
    "read_commit",
    "ref_head",
    "rev_list",
    "set_ref",
    "update_refs",
]

ZERO_SHA = "0" * 40
_TIMEOUT = 60.0
_SHA = re.compile(r"[0-9a-f]{40}")
_PERSON = re.compile(rb"^(.*?) <([^<>]*)> (\d+ [+-]\d{4})$")
_UNSAFE_IDENTITY = re.compile(r"[<>\n\r\x00]")
_ENCODING = re.compile(rb"[A-Za-z0-9._:-]{1,64}")


class GitError(Exception):
    """git failed in a way the caller did not expect; the message carries its stderr."""


@attrs.frozen
class Identity:
    """An author or committer; ``date`` is git's internal format (``<unix> <+hhmm>``) or
    None for now."""

    name: str
    email: str
    date: str | None = None

    def env(self, role: str) -> dict[str, str]:
        name = _UNSAFE_IDENTITY.sub("", self.name).strip() or "unknown"
        email = _UNSAFE_IDENTITY.sub("", self.email).strip()
        env = {f"GIT_{role}_NAME": name, f"GIT_{role}_EMAIL": email}
        if self.date is not None:
            env[f"GIT_{role}_DATE"] = self.date
        return env


@attrs.frozen
class MergeTree:
    """The result of merging two commits: the merged tree, or the paths that conflict."""

    tree: str
    conflicts: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


@attrs.frozen
class CommitData:
    sha: str
    tree: str
    parents: tuple[str, ...]
    author: Identity
    message: bytes  # exactly as stored
    encoding: str | None = None  # the message's encoding header (None: UTF-8)


@attrs.frozen
class RefChange:
    """Move ``ref`` from ``old`` to ``new``: ``ZERO_SHA`` as ``new`` deletes it, as ``old``
    creates it (it must not exist); ``old`` equal to ``new`` only checks that the ref is
    there; ``old`` None sets it wherever it was."""

    ref: str
    old: str | None
    new: str

    def reverse(self) -> RefChange:
        """The change that undoes this one (only if nothing else has moved the ref since)."""
        assert self.old is not None, "a ref set wherever it was cannot be put back"
        return RefChange(self.ref, self.new, self.old)


def _env(git_dir: Path, extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {
        "GIT_DIR": str(git_dir),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "HOME": str(git_dir),  # no user configuration leaks in
        "LC_ALL": "C",
    }
    return env | (extra or {})


async def _git(
    git_dir: Path,
    *args: str,
    stdin: bytes = b"",
    env: dict[str, str] | None = None,
    ok: Sequence[int] = (0,),
) -> tuple[int, bytes]:
    """Run ``git args``; return (exit code, stdout) when the code is in ``ok``.

    :raises GitError: on any other exit code, or after the timeout.
    """
    try:
        with anyio.fail_after(_TIMEOUT):
            result = await anyio.run_process(
                ["git", "--literal-pathspecs", *args],
                input=stdin,
                env=_env(git_dir, env),
                check=False,
            )
    except TimeoutError:
        raise GitError(f"git {args[0]} took longer than {_TIMEOUT:g} s") from None
    if result.returncode not in ok:
        detail = result.stderr.decode(errors="replace").strip()
        raise GitError(f"git {args[0]} exited with {result.returncode}: {detail}")
    return result.returncode, result.stdout


async def branch_heads(git_dir: Path, branches: Iterable[str]) -> dict[str, str | None]:
    """Where each branch points now (None: it does not exist)."""
    wanted = sorted(set(branches))
    found: dict[str, str | None] = dict.fromkeys(wanted)
    if not wanted:
        return found
    _code, out = await _git(
        git_dir,
        "for-each-ref",
        "--format=%(objectname) %(refname)",
        *(f"refs/heads/{b}" for b in wanted),
    )
    for line in out.decode("utf-8", "surrogateescape").splitlines():
        sha, _, ref = line.partition(" ")
        name = ref.removeprefix("refs/heads/")
        if name in found:  # a pattern also matches refs below it (a/b for a): skip those
            found[name] = sha
    return found


async def merge_base(git_dir: Path, a: str, b: str) -> str | None:
    """The best common ancestor of two commits; None for unrelated histories."""
    code, out = await _git(git_dir, "merge-base", a, b, ok=(0, 1))
    return out.decode().strip() if code == 0 else None


async def is_ancestor(git_dir: Path, ancestor: str, descendant: str) -> bool:
    code, _out = await _git(git_dir, "merge-base", "--is-ancestor", ancestor, descendant, ok=(0, 1))
    return code == 0


async def is_commit(git_dir: Path, sha: str) -> bool:
    """Whether ``sha`` (40 hex digits) names a commit in the repository."""
    if not _SHA.fullmatch(sha):
        return False
    code, out = await _git(git_dir, "cat-file", "-t", sha, ok=(0, 1, 128))
    return code == 0 and out.strip() == b"commit"


async def merge_tree(git_dir: Path, ours: str, theirs: str) -> MergeTree | None:
    """Merge two commits in memory (``git merge-tree --write-tree``); None when their
    histories are unrelated. The tree is written even when there are conflicts."""
    code, out = await _git(
        git_dir,
        "merge-tree",
        "--write-tree",
        "--name-only",
        "--no-messages",
        "-z",
        ours,
        theirs,
        ok=(0, 1, 128),
    )
    if code == 128:
        return None  # "refusing to merge unrelated histories" (or a missing object)
    parts = out.split(b"\0")
    tree = parts[0].decode().strip()
    conflicts = tuple(dict.fromkeys(p.decode("utf-8", "replace") for p in parts[1:] if p))
    if code == 1 and not conflicts:
        raise GitError("git merge-tree reported a conflict without naming a path")
    return MergeTree(tree, conflicts)


async def commit_tree(
    git_dir: Path,
    tree: str,
    parents: Sequence[str],
    message: bytes,
    *,
    author: Identity,
    committer: Identity,
    encoding: str | None = None,
) -> str:
    """Write a commit object (the message taken verbatim from stdin, in ``encoding`` when it
    is not UTF-8); return its sha."""
    args = ["commit-tree", tree]
    if encoding is not None:
        args = ["-c", f"i18n.commitEncoding={encoding}", *args]
    for parent in parents:
        args += ["-p", parent]
    _code, out = await _git(
        git_dir,
        *args,
        stdin=message,
        env=author.env("AUTHOR") | committer.env("COMMITTER"),
    )
    return out.decode().strip()


async def read_commit(git_dir: Path, sha: str) -> CommitData:
    """A commit's tree, parents, author, raw message and its encoding.

    The author's name and email keep their bytes (undecodable ones as surrogate escapes,
    which go back to the same bytes in a child's environment), whatever their encoding.
    """
    _code, raw = await _git(git_dir, "cat-file", "commit", sha)
    head, _, message = raw.partition(b"\n\n")
    tree = ""
    parents: list[str] = []
    author = Identity("unknown", "")
    encoding = None
    for line in head.split(b"\n"):
        key, _, value = line.partition(b" ")
        if key == b"tree":
            tree = value.decode()
        elif key == b"parent":
            parents.append(value.decode())
        elif key == b"author":
            m = _PERSON.match(value)
            if m:
                author = Identity(
                    m.group(1).decode("utf-8", "surrogateescape"),
                    m.group(2).decode("utf-8", "surrogateescape"),
                    m.group(3).decode(),
                )
        elif key == b"encoding" and _ENCODING.fullmatch(value):
            encoding = value.decode()
    return CommitData(sha, tree, tuple(parents), author, message, encoding)


async def rev_list(git_dir: Path, exclude: str, include: str, limit: int) -> list[str]:
    """Non-merge commits in ``include`` and not in ``exclude``, oldest first (as a rebase
    replays them); at most ``limit`` + 1, so a caller can tell there were too many."""
    _code, out = await _git(
        git_dir,
        "rev-list",
        "--reverse",
        "--topo-order",
        "--no-merges",
        f"--max-count={limit + 1}",
        include,
        f"^{exclude}",
    )
    return out.decode().split()


async def commit_messages(git_dir: Path, exclude: str, include: str, limit: int) -> list[str]:
    """The messages of the commits in ``include`` and not in ``exclude`` (newest first)."""
    _code, out = await _git(
        git_dir, "log", "--format=%B%x00", f"--max-count={limit}", include, f"^{exclude}"
    )
    return [m.strip() for m in out.decode("utf-8", "replace").split("\0") if m.strip()]


async def path_in_commit(git_dir: Path, commit: str, path: str) -> tuple[str, str] | None:
    """(object type, sha) of ``path`` in ``commit``'s tree, or None when it is not there."""
    code, out = await _git(git_dir, "ls-tree", "-z", "--full-tree", commit, "--", path, ok=(0, 128))
    if code != 0:
        return None  # a path git will not look up ("outside repository")
    for entry in out.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        if name.decode("utf-8", "surrogateescape") == path:
            _mode, kind, sha = meta.decode().split(" ")
            return kind, sha
    return None


async def blob_lines(git_dir: Path, sha: str, max_size: int) -> int | None:
    """How many lines blob ``sha`` has; None when it is larger than ``max_size`` bytes."""
    _code, out = await _git(git_dir, "cat-file", "-s", sha)
    if int(out.strip() or 0) > max_size:
        return None
    _code, data = await _git(git_dir, "cat-file", "blob", sha)
    return data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)


async def update_refs(git_dir: Path, changes: Sequence[RefChange]) -> None:
    """Apply every change or none: ``git update-ref --stdin`` checks each ref's old value
    under its lock and commits them together.

    :raises GitError: a ref was not where expected (nothing was changed).
    """
    lines = []
    for c in changes:
        if c.old is None:
            lines.append(f"update {c.ref} {c.new}\n")
        elif c.old == c.new:
            lines.append(f"verify {c.ref} {c.old}\n")
        elif c.new == ZERO_SHA:
            lines.append(f"delete {c.ref} {c.old}\n")
        else:
            lines.append(f"update {c.ref} {c.new} {c.old}\n")
    await _git(git_dir, "update-ref", "--stdin", stdin="".join(lines).encode())


async def set_ref(git_dir: Path, ref: str, sha: str) -> None:
    """Point ``ref`` at ``sha``, wherever it was (dais's own bookkeeping refs)."""
    await update_refs(git_dir, [RefChange(ref, None, sha)])


async def ref_head(git_dir: Path, ref: str) -> str | None:
    """Where ``ref`` points, or None when it does not exist."""
    code, out = await _git(
        git_dir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", ok=(0, 1)
    )
    return out.decode().strip() if code == 0 else None
