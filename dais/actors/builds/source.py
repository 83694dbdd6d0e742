"""What a pipeline needs from the repository: the pipeline file at a commit, the commit's
title, and the paths a push changed. Read with dulwich; blocking, so callers run it in a
worker thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from dulwich.diff_tree import tree_changes
from dulwich.errors import NotTreeError
from dulwich.objects import Blob, Commit, ObjectID, Tag, Tree
from dulwich.refs import Ref
from dulwich.repo import Repo

from .pipeline import MAX_BYTES

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FILE", "MAX_CHANGED_PATHS", "Source", "has_commit", "read_source", "resolve_ref"]

#: The pipeline file, at the root of the repository.
FILE = b".platformci.yml"
#: Beyond this many changed paths, a push's changes count as unknown (``paths`` rules then
#: let every step run, as for a new branch).
MAX_CHANGED_PATHS = 10_000


@attrs.frozen
class Source:
    """``file`` None: the commit has no pipeline file. ``changed_paths`` None: unknown.
    ``problem``: why the file could not be read (it is too large)."""

    file: bytes | None
    title: str
    changed_paths: tuple[str, ...] | None
    problem: str | None = None


def _commit(repo: Repo, sha: str) -> Commit | None:
    try:
        obj = repo.object_store[ObjectID(sha.encode("ascii"))]
    except KeyError:
        return None
    return obj if isinstance(obj, Commit) else None


def read_source(repo_dir: Path, sha: str, before: str | None = None) -> Source | None:
    """The pipeline file of commit ``sha`` and the paths changed since ``before`` (None, or
    a commit the repository lacks: unknown). None if ``sha`` is not a commit here. A file
    over the limit is not read (its size is known without reading it): ``problem`` says so.
    """
    with Repo(str(repo_dir)) as repo:
        commit = _commit(repo, sha)
        if commit is None:
            return None
        title = commit.message.decode("utf-8", "replace").split("\n", 1)[0].strip()[:255]
        file = None
        problem = None
        tree = repo.object_store[commit.tree]
        assert isinstance(tree, Tree)
        try:
            _mode, blob_sha = tree[FILE]
        except KeyError:
            pass
        else:
            blob = repo.object_store[blob_sha]
            if isinstance(blob, Blob):
                if blob.raw_length() > MAX_BYTES:
                    problem = (
                        f"{FILE.decode()} is {blob.raw_length()} bytes; "
                        f"at most {MAX_BYTES} (1 MiB) are read"
                    )
                else:
                    file = blob.as_raw_string()
        changed: tuple[str, ...] | None = None
        old = _commit(repo, before) if before else None
        if old is not None:
            paths: list[str] = []
            try:
                for change in tree_changes(repo.object_store, old.tree, commit.tree):
                    for entry in (change.old, change.new):
                        if entry is not None and entry.path is not None:
                            paths.append(entry.path.decode("utf-8", "replace"))
                    if len(paths) > MAX_CHANGED_PATHS:
                        break
            except NotTreeError:
                paths = []
            if len(paths) <= MAX_CHANGED_PATHS:
                changed = tuple(dict.fromkeys(paths))
        return Source(file, title, changed, problem)


def resolve_ref(git_dir: Path, name: str) -> tuple[str, str] | None:
    """The full ref and commit of a branch or tag name (a branch first, as git does)."""
    with Repo(str(git_dir)) as repo:
        for ref in (f"refs/heads/{name}", f"refs/tags/{name}"):
            try:
                sha = repo.refs[Ref(ref.encode())]
            except KeyError:
                continue
            obj = repo.object_store[sha]
            while isinstance(obj, Tag):
                obj = repo.object_store[obj.object[1]]
            if isinstance(obj, Commit):
                return ref, obj.id.decode()
    return None


def has_commit(git_dir: Path, sha: str) -> bool:
    """Whether ``sha`` names a commit of the repository."""
    with Repo(str(git_dir)) as repo:
        return _commit(repo, sha) is not None
