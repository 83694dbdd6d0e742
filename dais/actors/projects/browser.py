"""Read a bare repository for the browser API: refs, trees, blobs, history and diffs.

Pure and synchronous: dulwich reads the objects, nothing here runs a process or knows about
HTTP. The routes call these functions through ``anyio.to_thread.run_sync``. Each one opens
the repository and closes it again, so no file handle outlives a request.

Paths inside a repository are bytes (git does not require them to be UTF-8); a caller gives
one as text or as base64 (:func:`parse_path`), and gets names back as bytes to show as it
sees fit. Refs, paths and shas are checked before they touch the refs directory or the
object store; nothing here reads outside the repository.

Blob sizes come from the caller (``git cat-file --batch-check``): dulwich can only learn a
blob's size by inflating it, and one highly compressible blob must not cost a gigabyte of
memory. :func:`render_diff` never loads a blob larger than :data:`DIFF_INPUT_LIMIT`.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import re
import stat
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, cast

import attrs
from dulwich.diff_tree import (
    CHANGE_ADD,
    CHANGE_COPY,
    CHANGE_DELETE,
    CHANGE_RENAME,
    RenameDetector,
    TreeChange,
    tree_changes,
)
from dulwich.errors import NotGitRepository, NotTreeError
from dulwich.graph import find_merge_base
from dulwich.objects import (
    Blob,
    Commit,
    ObjectID,
    SubmoduleEncountered,
    Tag,
    Tree,
    parse_tree,
)
from dulwich.refs import Ref, check_ref_format
from dulwich.repo import Repo

from dais.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from dulwich.object_store import BaseObjectStore
    from dulwich.objects import ShaFile

__all__ = [
    "DIFF_FILES_LIMIT",
    "DIFF_FILE_WORK",
    "MAX_PATH_BYTES",
    "DIFF_INPUT_LIMIT",
    "DIFF_PATCH_LIMIT",
    "DIFF_WORK_LIMIT",
    "BlobRef",
    "Branch",
    "Changes",
    "CommitInfo",
    "Comparison",
    "Diff",
    "FileDiff",
    "Person",
    "TagInfo",
    "TreeItem",
    "TreeListing",
    "branch_head",
    "branch_ref",
    "branches",
    "commit_changes",
    "commit_info",
    "compare",
    "display",
    "find_blob",
    "history",
    "is_text",
    "kind",
    "list_tree",
    "parse_path",
    "read_blob",
    "render_diff",
    "tags",
]

DIFF_FILES_LIMIT = 300
"""At most this many files in one diff; the rest are left out and the diff is truncated."""
DIFF_PATCH_LIMIT = 1 << 20
"""At most this many bytes of patch text in one diff."""
DIFF_INPUT_LIMIT = 512 << 10
"""A file whose old or new side is larger than this is listed without a patch (too large)."""
DIFF_WORK_LIMIT = 10_000_000
"""Line comparisons one diff may spend finding the best match (about a second).
Past it, and past :data:`DIFF_FILE_WORK` for one file, changed regions show as whole
blocks removed and added: still a correct patch, only less minimal."""
DIFF_FILE_WORK = 2_000_000
MAX_PATH_BYTES = 4096
_BINARY_PROBE = 8000  # git's heuristic: a NUL in the first 8000 bytes means binary
_CONTEXT_LINES = 3
_HEX = re.compile(r"[0-9a-fA-F]{7,40}")
_IDENTITY = re.compile(rb"^(.*?)\s*<([^>]*)>\s*$", re.DOTALL)
_STATUS = {
    CHANGE_ADD: "added",
    CHANGE_DELETE: "deleted",
    CHANGE_RENAME: "renamed",
    CHANGE_COPY: "copied",
}


# --- records -----------------------------------------------------------------------------


@attrs.frozen
class Person:
    name: str
    email: str
    at: datetime


@attrs.frozen
class CommitInfo:
    sha: str
    message: str
    author: Person
    committer: Person
    parents: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.message.split("\n", 1)[0].strip()


@attrs.frozen
class Branch:
    name: str
    commit: CommitInfo


@attrs.frozen
class TagInfo:
    name: str
    sha: str  # what the ref points at: the tag object, or the commit for a lightweight tag
    target: str  # the commit (or other object) after peeling every tag
    message: str | None  # None for a lightweight tag
    tagger: Person | None


TreeItem = tuple[bytes, int, bytes]
"""One entry of a tree listing: (name, mode, hex sha), exactly as dulwich's tree parser yields
it. Plain tuples rather than records: a listing holds one per entry, and for 10,000 entries
building even named tuples doubled the time of a listing (measured: 10 ms of 20)."""


@attrs.frozen
class TreeListing:
    commit: str
    path: bytes
    entries: list[TreeItem]  # directories first, then files, each by name


@attrs.frozen
class BlobRef:
    commit: str
    path: bytes
    sha: str
    mode: int


@attrs.frozen
class Changes:
    """Two trees to diff, and the blobs the diff may read (whose sizes the caller looks up)."""

    old_tree: str | None
    new_tree: str
    blobs: frozenset[str]


@attrs.frozen
class FileDiff:
    old_path: bytes | None
    new_path: bytes | None
    status: str  # added | modified | deleted | renamed | copied
    additions: int
    deletions: int
    binary: bool
    too_large: bool
    patch: str | None  # unified diff hunks; None for binary or too large files


@attrs.frozen
class Diff:
    files: list[FileDiff]
    changed: int  # every changed file, including any left out of ``files``
    additions: int  # over the files in ``files``
    deletions: int
    truncated: bool


@attrs.frozen
class Comparison:
    base: str | None  # the merge base; None when the histories are unrelated
    from_sha: str
    to_sha: str
    commits: list[CommitInfo]  # in ``to`` and not in ``from``, newest first
    commits_truncated: bool
    changes: Changes  # merge base (or ``from``) to ``to``


# --- input -------------------------------------------------------------------------------


def parse_path(text: str | None, encoded: str | None = None) -> bytes:
    """A path inside the repository, given as text or as base64 (for non-UTF-8 names).

    ``""`` is the root. A trailing slash is allowed; anything that could address something
    other than a tree entry is not.

    :raises ValidationFailed: for absolute paths, ``.``/``..`` or empty segments, NUL, bad
        base64, or both forms at once.
    """
    if text is not None and encoded is not None:
        raise ValidationFailed("path", "give path or path_base64, not both")
    field = "path"
    raw = b""
    if encoded is not None:
        field = "path_base64"
        padded = encoded.strip().replace("-", "+").replace("_", "/")
        padded += "=" * (-len(padded) % 4)
        try:
            raw = base64.b64decode(padded, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed(field, "is not valid base64") from None
    elif text is not None:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raise ValidationFailed(field, "is not valid text; use path_base64") from None
    if len(raw) > MAX_PATH_BYTES:
        raise ValidationFailed(field, f"must be at most {MAX_PATH_BYTES} bytes")
    if b"\0" in raw:
        raise ValidationFailed(field, "must not contain NUL")
    if raw.startswith(b"/"):
        raise ValidationFailed(field, "must be relative to the repository root")
    raw = raw.rstrip(b"/")
    if not raw:
        return b""
    parts = raw.split(b"/")
    if any(not p for p in parts):
        raise ValidationFailed(field, "must not contain empty segments ('//')")
    if any(p in (b".", b"..") for p in parts):
        raise ValidationFailed(field, "must not contain '.' or '..' segments")
    return raw


def display(raw: bytes) -> str:
    """A name or path as text; bytes that are not UTF-8 show as U+FFFD."""
    return raw.decode("utf-8", "replace")


def branch_ref(name: str) -> str:
    """``refs/heads/<name>``, if git would accept it (see also ``rules.check_branch_name``).

    :raises ValidationFailed: naming the field ``name``.
    """
    ref = f"refs/heads/{name}"
    if name == "HEAD" or not check_ref_format(Ref(ref.encode())):
        raise ValidationFailed("name", f"git refuses {name!r} as a branch name")
    return ref


def is_text(data: bytes) -> bool:
    """Whether ``data`` shows as text: valid UTF-8 with no NUL."""
    if b"\0" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- reading -----------------------------------------------------------------------------


def _open(repo_dir: Path) -> Repo:
    try:
        return Repo(str(repo_dir))
    except NotGitRepository:
        raise NotFound("the project's repository is missing") from None


def _hex(sha: bytes) -> str:
    return sha.decode("ascii")


def _decode(raw: bytes, encoding: bytes | None) -> str:
    try:
        return raw.decode(encoding.decode("ascii") if encoding else "utf-8", "replace")
    except (LookupError, UnicodeDecodeError):  # an encoding header naming no known codec
        return raw.decode("utf-8", "replace")


def _person(raw: bytes, when: int, encoding: bytes | None) -> Person:
    m = _IDENTITY.match(raw)
    name, email = (m.group(1), m.group(2)) if m else (raw, b"")
    try:
        at = datetime.fromtimestamp(when, UTC)
    except (OverflowError, OSError, ValueError):  # a forged date git itself would print as 0
        at = datetime.fromtimestamp(0, UTC)
    return Person(_decode(name, encoding), _decode(email, encoding), at)


def _info(commit: Commit) -> CommitInfo:
    enc = commit.encoding
    return CommitInfo(
        sha=_hex(commit.id),
        message=_decode(commit.message, enc),
        author=_person(commit.author, commit.author_time, enc),
        committer=_person(commit.committer, commit.commit_time, enc),
        parents=tuple(_hex(p) for p in commit.parents),
    )


def _peel_commit(repo: Repo, sha: ObjectID, shown: str) -> Commit:
    try:
        _unpeeled, obj = repo.object_store.peel(sha)
    except KeyError:
        raise NotFound(f"ref {shown!r} points at a missing object") from None
    if not isinstance(obj, Commit):
        raise NotFound(f"ref {shown!r} does not point to a commit")
    return obj


def _resolve(repo: Repo, ref: str) -> Commit:
    """A branch, tag, full ref or (abbreviated, at least 7 digits) commit sha, in that order.

    :raises ValidationFailed: for a name git could never have made, or an ambiguous sha.
    :raises NotFound: when nothing by that name exists.
    """
    raw = ref.encode("utf-8", "surrogateescape")
    if raw == b"HEAD":
        candidates = [b"HEAD"]
    elif raw.startswith(b"refs/"):
        candidates = [raw]
    else:
        candidates = [b"refs/heads/" + raw, b"refs/tags/" + raw]
    well_formed = raw == b"HEAD" or check_ref_format(Ref(candidates[0]))
    if well_formed:
        for name in candidates:
            try:
                sha = repo.refs[Ref(name)]
            except KeyError:
                continue
            return _peel_commit(repo, sha, ref)
    if _HEX.fullmatch(ref):
        return _peel_commit(repo, _find_sha(repo, ref.lower()), ref)
    if not well_formed:
        raise ValidationFailed("ref", f"{ref!r} is not a valid branch, tag or commit name")
    raise NotFound(f"ref {ref!r} does not exist: no branch, tag or commit by that name")


def _find_sha(repo: Repo, prefix: str) -> ObjectID:
    store = repo.object_store
    if len(prefix) == 40:
        sha = ObjectID(prefix.encode("ascii"))
        if sha in store:
            return sha
        raise NotFound(f"commit {prefix} does not exist")
    found = list(islice(store.iter_prefix(prefix.encode("ascii")), 20))
    commits = [s for s in found if isinstance(store[s], Commit | Tag)]
    if not commits:
        raise NotFound(f"ref {prefix!r} does not exist: no branch, tag or commit by that name")
    if len(commits) > 1:
        raise ValidationFailed(
            "ref", f"the abbreviated sha {prefix} is ambiguous; give more digits"
        )
    return commits[0]


def _lookup(repo: Repo, commit: Commit, path: bytes, ref: str) -> tuple[int, ObjectID]:
    tree = repo.object_store[commit.tree]
    assert isinstance(tree, Tree)
    try:
        return tree.lookup_path(repo.object_store.__getitem__, path)
    except (KeyError, NotTreeError):
        raise NotFound(f"path {display(path)!r} does not exist at {ref!r}") from None
    except SubmoduleEncountered:
        raise NotFound(f"path {display(path)!r} is inside a submodule") from None


def commit_info(repo_dir: Path, ref: str) -> CommitInfo:
    """The commit ``ref`` names.

    :raises NotFound: no such ref.
    """
    with _open(repo_dir) as repo:
        return _info(_resolve(repo, ref))


def branch_head(repo_dir: Path, name: str) -> str | None:
    """Where branch ``name`` points now, or None when it does not exist."""
    with _open(repo_dir) as repo:
        sha = repo.refs.as_dict(Ref(b"refs/heads")).get(Ref(name.encode()))
        return None if sha is None else _hex(sha)


def branches(repo_dir: Path) -> list[Branch]:
    """Every branch with its head commit, by name."""
    found: list[Branch] = []
    with _open(repo_dir) as repo:
        for name, sha in sorted(repo.refs.as_dict(Ref(b"refs/heads")).items()):
            obj = repo.object_store.peel(sha)[1]
            if isinstance(obj, Commit):
                found.append(Branch(display(name), _info(obj)))
    return found


def tags(repo_dir: Path) -> list[TagInfo]:
    """Every tag, by name: its target and, for an annotated tag, its message and tagger."""
    found: list[TagInfo] = []
    with _open(repo_dir) as repo:
        for name, sha in sorted(repo.refs.as_dict(Ref(b"refs/tags")).items()):
            tag, target = repo.object_store.peel(sha)
            message = tagger = None
            if isinstance(tag, Tag):
                message = _decode(tag.message, None)
                if tag.tagger is not None and tag.tag_time is not None:
                    tagger = _person(tag.tagger, tag.tag_time, None)
            found.append(TagInfo(display(name), _hex(sha), _hex(target.id), message, tagger))
    return found


_KINDS = {stat.S_IFDIR >> 12: "tree", 0o160000 >> 12: "commit"}  # 0o160000: a gitlink


def kind(mode: int) -> str:
    """``tree``, ``commit`` (a submodule's commit) or ``blob`` (files and symlinks)."""
    return _KINDS.get(mode >> 12, "blob")


def list_tree(repo_dir: Path, ref: str, path: bytes) -> TreeListing:
    """The entries of the directory ``path`` at ``ref``: directories first, then by name.

    Parses the one tree object straight from its raw bytes and reads nothing under it (no
    blob is looked at), so a 10,000-entry directory lists in a few milliseconds.

    :raises NotFound: no such ref or path.
    :raises ValidationFailed: ``path`` is a file.
    """
    with _open(repo_dir) as repo:
        commit = _resolve(repo, ref)
        mode, sha = _lookup(repo, commit, path, ref)
        if not stat.S_ISDIR(mode):
            raise ValidationFailed("path", f"{display(path)!r} is a file; read it with /blob")
        _type, raw = repo.object_store.get_raw(sha)
        parsed: list[TreeItem] = list(parse_tree(raw, repo.object_format.oid_length))
    # git orders a tree by name, directories as if named "name/": the files are already in
    # byte order, and only the directories need sorting.
    is_dir = stat.S_IFDIR >> 12
    trees = sorted(e for e in parsed if e[1] >> 12 == is_dir)
    files = [e for e in parsed if e[1] >> 12 != is_dir] if trees else parsed
    return TreeListing(_hex(commit.id), path, trees + files)


def find_blob(repo_dir: Path, ref: str, path: bytes) -> BlobRef:
    """The blob at ``path`` in ``ref`` (its sha and mode; the content is not read).

    :raises NotFound: no such ref or path.
    :raises ValidationFailed: no path, or ``path`` is a directory or a submodule.
    """
    if not path:
        raise ValidationFailed("path", "is required: the file to read")
    with _open(repo_dir) as repo:
        commit = _resolve(repo, ref)
        mode, sha = _lookup(repo, commit, path, ref)
    if stat.S_ISDIR(mode):
        raise ValidationFailed("path", f"{display(path)!r} is a directory; list it with /tree")
    if kind(mode) == "commit":
        raise ValidationFailed("path", f"{display(path)!r} is a submodule")
    return BlobRef(_hex(commit.id), path, _hex(sha), mode)


def read_blob(repo_dir: Path, sha: str) -> bytes:
    """The content of blob ``sha``. Check its size first: this holds all of it in memory."""
    with _open(repo_dir) as repo:
        blob = repo.object_store[ObjectID(sha.encode("ascii"))]
        assert isinstance(blob, Blob)
        return blob.as_raw_string()


def history(
    repo_dir: Path, ref: str, path: bytes, skip: int, limit: int
) -> tuple[list[CommitInfo], bool]:
    """Commits reachable from ``ref`` (touching ``path``, if given), newest first.

    Returns the ``limit`` commits after the first ``skip``, and whether more follow.

    :raises NotFound: no such ref.
    """
    with _open(repo_dir) as repo:
        head = _resolve(repo, ref)
        walker = repo.get_walker(
            include=[head.id],
            paths=[path] if path else None,
            max_entries=skip + limit + 1,
            # Like ``git log <path>``: at a merge that left the path alone, follow one side.
            simplify_history=True,
        )
        found = list(walker)
    page = [_info(entry.commit) for entry in found[skip : skip + limit]]
    return page, len(found) > skip + limit


def _blob_shas(changes: Iterable[TreeChange]) -> frozenset[str]:
    shas: set[str] = set()
    for change in changes:
        for entry in (change.old, change.new):
            if entry is not None and entry.sha is not None and kind(entry.mode or 0) == "blob":
                shas.add(_hex(entry.sha))
    return frozenset(shas)


def _changes(repo: Repo, old_tree: ObjectID | None, new_tree: ObjectID) -> Changes:
    plain = tree_changes(repo.object_store, old_tree, new_tree)
    return Changes(None if old_tree is None else _hex(old_tree), _hex(new_tree), _blob_shas(plain))


def commit_changes(repo_dir: Path, ref: str) -> tuple[CommitInfo, Changes]:
    """A commit and what it changed against its first parent (everything, for a root).

    :raises NotFound: no such commit.
    """
    with _open(repo_dir) as repo:
        commit = _resolve(repo, ref)
        old_tree = None
        if commit.parents:
            parent = repo.object_store[commit.parents[0]]
            assert isinstance(parent, Commit)
            old_tree = parent.tree
        return _info(commit), _changes(repo, old_tree, commit.tree)


def compare(repo_dir: Path, base_ref: str, head_ref: str, limit: int) -> Comparison:
    """What ``head_ref`` has that ``base_ref`` lacks: commits and the diff from their merge
    base, as a merge request would show it. Unrelated histories diff ``base_ref`` directly.

    :raises NotFound: either ref is unknown.
    """
    with _open(repo_dir) as repo:
        try:
            old = _resolve(repo, base_ref)
        except ValidationFailed as exc:
            raise ValidationFailed("from", exc.rule) from None
        try:
            new = _resolve(repo, head_ref)
        except ValidationFailed as exc:
            raise ValidationFailed("to", exc.rule) from None
        bases = find_merge_base(repo, [old.id, new.id])
        base_commit = old
        if bases:
            found = repo.object_store[bases[0]]
            assert isinstance(found, Commit)
            base_commit = found
        walker = repo.get_walker(include=[new.id], exclude=[old.id], max_entries=limit + 1)
        commits = [_info(entry.commit) for entry in walker]
        return Comparison(
            base=_hex(bases[0]) if bases else None,
            from_sha=_hex(old.id),
            to_sha=_hex(new.id),
            commits=commits[:limit],
            commits_truncated=len(commits) > limit,
            changes=_changes(repo, base_commit.tree, new.tree),
        )


# --- diffs -------------------------------------------------------------------------------


class _BoundedStore:
    """An object store that will not inflate blobs larger than the diff input limit.

    Such a blob reads as a stand-in unique to its sha (two huge files must not look alike,
    as two empty ones would), so rename detection pairs it with nothing but an exact copy;
    :func:`render_diff` reports the file as too large without reading it.
    """

    def __init__(self, store: BaseObjectStore, sizes: Mapping[str, int]) -> None:
        self._store = store
        self._sizes = sizes

    def too_large(self, sha: ObjectID | None) -> bool:
        return sha is not None and self._sizes.get(_hex(sha), 0) > DIFF_INPUT_LIMIT

    def __getitem__(self, sha: ObjectID) -> ShaFile:
        if self.too_large(sha):
            return Blob.from_string(b"\0too large to diff: " + sha)
        return self._store[sha]

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


def _content(store: _BoundedStore, mode: int | None, sha: ObjectID | None) -> bytes:
    if sha is None:
        return b""
    if mode is not None and kind(mode) == "commit":
        return b"Subproject commit " + sha + b"\n"
    obj = store[sha]
    return obj.as_raw_string() if isinstance(obj, Blob) else b""


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


class _TooHard(Exception):
    pass


class _Matcher(difflib.SequenceMatcher[bytes]):
    """difflib's matcher, made to stop after a fixed amount of work.

    Its worst case is far from linear and pushed content can hit it: measured here, 5,000
    identical lines took 1.7 s, and 40,000 lines cycling through 100 values ran for over a
    minute. Each search for a longest match is charged (roughly) the loop iterations it can
    make; past the budget, :class:`_TooHard` ends the matching.
    """

    def __init__(self, a: list[bytes], b: list[bytes], budget: int) -> None:
        super().__init__(None, a, b)
        self.old, self.new, self.left = a, b, budget
        # Where each line of ``b`` occurs, after difflib's "popular line" junking: the
        # candidates find_longest_match walks. (typeshed does not declare this attribute.)
        self.where: dict[bytes, list[int]] = cast("Any", self).b2j

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> difflib.Match:
        ahi = len(self.old) if ahi is None else ahi
        bhi = len(self.new) if bhi is None else bhi
        self.left -= (ahi - alo) + (bhi - blo)
        where = self.where
        for line in self.old[alo:ahi]:
            self.left -= len(where.get(line, ()))
        if self.left < 0:
            raise _TooHard
        return super().find_longest_match(alo, ahi, blo, bhi)


def _rewrite(old: list[bytes], new: list[bytes]) -> list[difflib.Match]:
    """Matching blocks that keep only the common head and tail: the rest shows as one block
    removed and one added, as git shows a rewrite."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    blocks = [difflib.Match(0, 0, head)] if head else []
    if tail:
        blocks.append(difflib.Match(len(old) - tail, len(new) - tail, tail))
    blocks.append(difflib.Match(len(old), len(new), 0))
    return blocks


def _hunks(old: list[bytes], new: list[bytes], budget: int) -> tuple[bytes, int, int, int]:
    """Unified diff hunks (no file headers), the counts of added and removed lines, and the
    matching work left of ``budget``."""
    out: list[bytes] = []
    added = removed = 0

    def line(mark: bytes, text: bytes) -> None:
        out.append(mark + text)
        if not text.endswith(b"\n"):
            out.append(b"\n\\ No newline at end of file\n")

    matcher = _Matcher(old, new, budget)
    try:
        matcher.get_matching_blocks()
    except _TooHard:
        # get_opcodes() builds on the cached matching blocks and only on them (an attribute
        # of CPython's difflib that typeshed does not declare).
        cast("Any", matcher).matching_blocks = _rewrite(old, new)
        matcher.left = 0
    for group in matcher.get_grouped_opcodes(_CONTEXT_LINES):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n".encode())
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for text in old[i1:i2]:
                    line(b" ", text)
                continue
            for text in old[i1:i2]:
                line(b"-", text)
            for text in new[j1:j2]:
                line(b"+", text)
            removed += i2 - i1
            added += j2 - j1
    return b"".join(out), added, removed, max(matcher.left, 0)


def _file_diff(store: _BoundedStore, change: TreeChange, work: int) -> tuple[FileDiff, bytes, int]:
    """One file's diff, its patch as bytes (empty for binary or too large files), and what is
    left of the matching ``work`` budget."""
    old, new = change.old, change.new
    old_path = old.path if old is not None else None
    new_path = new.path if new is not None else None
    status = _STATUS.get(change.type, "modified")
    old_sha, new_sha = (old.sha if old else None), (new.sha if new else None)
    if store.too_large(old_sha) or store.too_large(new_sha):
        return FileDiff(old_path, new_path, status, 0, 0, False, True, None), b"", work
    a = _content(store, old.mode if old else None, old_sha)
    b = _content(store, new.mode if new else None, new_sha)
    if b"\0" in a[:_BINARY_PROBE] or b"\0" in b[:_BINARY_PROBE]:
        return FileDiff(old_path, new_path, status, 0, 0, True, False, None), b"", work
    budget = min(work, DIFF_FILE_WORK)
    patch, added, removed, left = _hunks(
        a.splitlines(keepends=True), b.splitlines(keepends=True), budget
    )
    item = FileDiff(old_path, new_path, status, added, removed, False, False, display(patch))
    return item, patch, work - (budget - left)


def render_diff(repo_dir: Path, changes: Changes, sizes: Mapping[str, int]) -> Diff:
    """The diff of ``changes``, with renames found and patches capped.

    ``sizes`` holds the size of every blob in ``changes.blobs``. At most
    :data:`DIFF_FILES_LIMIT` files are listed and :data:`DIFF_PATCH_LIMIT` bytes of patch
    text returned; past either the diff is ``truncated``: later files are left out, or listed
    without their patch (``too_large``). ``changed`` still counts every file.
    """
    old_tree = None if changes.old_tree is None else ObjectID(changes.old_tree.encode())
    new_tree = ObjectID(changes.new_tree.encode())
    files: list[FileDiff] = []
    room = DIFF_PATCH_LIMIT
    work = DIFF_WORK_LIMIT
    truncated = False
    with _open(repo_dir) as repo:
        store = _BoundedStore(repo.object_store, sizes)
        # The wrapper forwards everything but blob reads; dulwich only indexes the store.
        detector = RenameDetector(store)  # type: ignore[arg-type]
        found = list(
            tree_changes(
                store,  # type: ignore[arg-type]
                old_tree,
                new_tree,
                rename_detector=detector if old_tree is not None else None,
            )
        )
        for change in sorted(found, key=_change_path):
            if len(files) >= DIFF_FILES_LIMIT:
                truncated = True
                break
            item, patch, work = _file_diff(store, change, work)
            if len(patch) > room:
                item = attrs.evolve(item, patch=None, too_large=True)
                room = 0
                truncated = True
            room -= len(patch) if item.patch is not None else 0
            files.append(item)
    return Diff(
        files=files,
        changed=len(found),
        additions=sum(f.additions for f in files),
        deletions=sum(f.deletions for f in files),
        truncated=truncated,
    )


def _change_path(change: TreeChange) -> bytes:
    entry = change.new if change.new is not None else change.old
    return entry.path if entry is not None and entry.path is not None else b""
