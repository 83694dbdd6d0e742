"""The browser's pure rules, and its reads of small repositories written with dulwich.

No git binary and no database: the repositories are a few objects in a temp directory.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dulwich.index import commit_tree
from dulwich.objects import Blob, Commit, ObjectID, Tag, Tree
from dulwich.refs import Ref
from dulwich.repo import Repo

from dais.actors.projects import browser
from dais.errors import NotFound, ValidationFailed

# --- paths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoded", "expected"),
    [
        (None, None, b""),
        ("", None, b""),
        ("src", None, b"src"),
        ("src/lib/", None, b"src/lib"),
        ("caf\u00e9/menu.txt", None, "caf\u00e9/menu.txt".encode()),
        ("a b/c..d/.e", None, b"a b/c..d/.e"),  # dots inside a name are just characters
        (None, base64.b64encode(b"caf\xe9.txt").decode(), b"caf\xe9.txt"),
        (None, base64.urlsafe_b64encode(b"\xff\xfe/x").decode().rstrip("="), b"\xff\xfe/x"),
    ],
)
def test_parse_path_accepts(text: str | None, encoded: str | None, expected: bytes) -> None:
    assert browser.parse_path(text, encoded) == expected


@pytest.mark.parametrize(
    ("text", "encoded", "field", "rule"),
    [
        ("..", None, "path", "'..'"),
        ("src/../../etc", None, "path", "'..'"),
        ("./src", None, "path", "'.'"),
        ("/etc/passwd", None, "path", "relative"),
        ("/", None, "path", "relative"),
        ("a//b", None, "path", "empty segments"),
        ("a\x00b", None, "path", "NUL"),
        ("x" * 5000, None, "path", "at most"),
        (None, base64.b64encode(b"../../x").decode(), "path_base64", "'..'"),
        (None, base64.b64encode(b"a\x00").decode(), "path_base64", "NUL"),
        (None, "not base64!", "path_base64", "base64"),
        ("a", "YQ==", "path", "not both"),
    ],
)
def test_parse_path_refuses(text: str | None, encoded: str | None, field: str, rule: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        browser.parse_path(text, encoded)
    assert caught.value.field == field
    assert rule in caught.value.rule


def test_display_replaces_bytes_that_are_not_utf8() -> None:
    assert browser.display(b"caf\xe9") == "caf\ufffd"
    assert browser.display("café".encode()) == "café"


@pytest.mark.parametrize("name", ["main", "feature/x", "release-1.0", "a_b", "v1"])
def test_branch_ref_accepts(name: str) -> None:
    assert browser.branch_ref(name) == f"refs/heads/{name}"


@pytest.mark.parametrize(
    "name", ["HEAD", "a..b", "a.lock/b", "x/", "a@{1}", "sp ace", "a//b", "a/.b", "back\\"]
)
def test_branch_ref_refuses(name: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        browser.branch_ref(name)
    assert caught.value.field == "name"


def test_is_text_and_kind() -> None:
    assert browser.is_text(b"plain\n") and browser.is_text("héllo".encode())
    assert not browser.is_text(b"a\x00b")
    assert not browser.is_text(b"caf\xe9")
    assert [browser.kind(m) for m in (0o100644, 0o100755, 0o120000, 0o040000, 0o160000)] == [
        "blob",
        "blob",
        "blob",
        "tree",
        "commit",
    ]


# --- small repositories ------------------------------------------------------------------


class Builder:
    """Commits written straight into a bare repository's object store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.repo = Repo.init_bare(str(path), mkdir=True)
        self.clock = 1_700_000_000

    def commit(
        self, files: dict[bytes, bytes], parents: list[ObjectID] | None = None, message: str = "m"
    ) -> ObjectID:
        store = self.repo.object_store
        entries = []
        for name, data in files.items():
            blob = Blob.from_string(data)
            store.add_object(blob)
            entries.append((name, blob.id, 0o100644))
        c = Commit()
        c.tree = commit_tree(store, entries)
        c.parents = parents or []
        c.author = c.committer = b"Ann Author <ann@example.com>"
        self.clock += 60
        c.author_time = c.commit_time = self.clock
        c.author_timezone = c.commit_timezone = 0
        c.message = message.encode()
        store.add_object(c)
        return c.id

    def ref(self, name: str, sha: ObjectID) -> None:
        self.repo.refs[Ref(name.encode())] = sha


@pytest.fixture
def builder(tmp_path: Path) -> Iterator[Builder]:
    b = Builder(tmp_path / "repo.git")
    yield b
    b.repo.close()


def test_branches_win_over_tags_and_directories_are_not_refs(builder: Builder) -> None:
    one = builder.commit({b"a.txt": b"1\n"})
    two = builder.commit({b"a.txt": b"2\n"}, [one])
    builder.ref("refs/heads/same", one)
    builder.ref("refs/tags/same", two)
    builder.ref("refs/heads/feature/x", two)
    assert browser.commit_info(builder.path, "same").sha == one.decode()
    assert browser.commit_info(builder.path, "refs/tags/same").sha == two.decode()
    with pytest.raises(NotFound, match="ref 'feature' does not exist"):
        browser.commit_info(builder.path, "feature")
    assert browser.commit_info(builder.path, "feature/x").sha == two.decode()


def test_a_tag_of_a_tree_is_not_a_commit(builder: Builder) -> None:
    one = builder.commit({b"a.txt": b"1\n"})
    commit = builder.repo.object_store[one]
    assert isinstance(commit, Commit)
    tag = Tag()
    tag.name, tag.object = b"tree-tag", (Tree, commit.tree)
    tag.tagger, tag.tag_time, tag.tag_timezone, tag.message = b"T <t@x>", 1, 0, b"tree\n"
    builder.repo.object_store.add_object(tag)
    builder.ref("refs/tags/tree-tag", tag.id)
    with pytest.raises(NotFound, match="does not point to a commit"):
        browser.commit_info(builder.path, "tree-tag")
    assert [t.target for t in browser.tags(builder.path)] == [commit.tree.decode()]


def test_a_missing_repository_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="repository is missing"):
        browser.branches(tmp_path / "nothing.git")


def _diff(builder: Builder, ref: str, sizes: dict[str, int] | None = None) -> browser.Diff:
    _info, changes = browser.commit_changes(builder.path, ref)
    return browser.render_diff(builder.path, changes, sizes or {})


def test_hunks_mark_a_missing_final_newline(builder: Builder) -> None:
    one = builder.commit({b"a.txt": b"x\ny"})
    builder.ref("refs/heads/main", builder.commit({b"a.txt": b"x\nz\n"}, [one]))
    (change,) = _diff(builder, "main").files
    assert change.patch == "@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n"
    assert (change.additions, change.deletions) == (1, 1)


def test_a_blob_over_the_input_limit_is_never_read(builder: Builder) -> None:
    one = builder.commit({b"big.txt": b"small really\n", b"b.txt": b"1\n"})
    two = builder.commit({b"big.txt": b"still small\n", b"b.txt": b"2\n"}, [one])
    builder.ref("refs/heads/main", two)
    _info, changes = browser.commit_changes(builder.path, "main")
    assert len(changes.blobs) == 4
    new = builder.repo[two]
    assert isinstance(new, Commit)
    tree = builder.repo[new.tree]
    assert isinstance(tree, Tree)
    _mode, big_sha = tree[b"big.txt"]
    # Claim the new big.txt is huge (sizes come from git): the diff must not load it.
    sizes = {sha: 2 for sha in changes.blobs} | {big_sha.decode(): browser.DIFF_INPUT_LIMIT + 1}
    diff = browser.render_diff(builder.path, changes, sizes)
    files = {f.new_path: f for f in diff.files}
    assert files[b"big.txt"].too_large and files[b"big.txt"].patch is None
    assert files[b"b.txt"].patch == "@@ -1 +1 @@\n-1\n+2\n"
    assert diff.changed == 2 and diff.truncated is False


def test_the_patch_budget_truncates(builder: Builder, monkeypatch: pytest.MonkeyPatch) -> None:
    one = builder.commit({b"a.txt": b"1\n", b"b.txt": b"1\n", b"c.txt": b"1\n"})
    two = builder.commit({b"a.txt": b"2\n", b"b.txt": b"2\n", b"c.txt": b"2\n"}, [one])
    builder.ref("refs/heads/main", two)
    monkeypatch.setattr(browser, "DIFF_PATCH_LIMIT", 30)
    diff = _diff(builder, "main")
    assert [f.patch is not None for f in diff.files] == [True, False, False]
    assert [f.too_large for f in diff.files] == [False, True, True]
    assert diff.truncated and diff.changed == 3
    assert diff.additions == 3  # counted for every file listed
    monkeypatch.setattr(browser, "DIFF_FILES_LIMIT", 2)
    assert [f.new_path for f in _diff(builder, "main").files] == [b"a.txt", b"b.txt"]


def test_compare_unrelated_histories(builder: Builder) -> None:
    left = builder.commit({b"a.txt": b"left\n"})
    right = builder.commit({b"b.txt": b"right\n"})
    builder.ref("refs/heads/left", left)
    builder.ref("refs/heads/right", right)
    found = browser.compare(builder.path, "left", "right", 10)
    assert found.base is None
    assert [c.sha for c in found.commits] == [right.decode()]
    diff = browser.render_diff(builder.path, found.changes, {})
    assert {(f.old_path, f.new_path, f.status) for f in diff.files} == {
        (b"a.txt", None, "deleted"),
        (None, b"b.txt", "added"),
    }
    with pytest.raises(ValidationFailed) as caught:
        browser.compare(builder.path, "left", "a..b", 10)
    assert caught.value.field == "to"


def test_history_pages_and_paths(builder: Builder) -> None:
    shas = [builder.commit({b"a.txt": b"0\n"})]
    for i in range(1, 5):
        files = {b"a.txt": b"0\n", b"b.txt": f"{i}\n".encode()}
        shas.append(builder.commit(files, [shas[-1]], message=f"c{i}\n\nbody"))
    builder.ref("refs/heads/main", shas[-1])
    page, more = browser.history(builder.path, "main", b"", 1, 2)
    assert [c.sha for c in page] == [shas[3].decode(), shas[2].decode()] and more
    assert page[0].title == "c3" and page[0].message == "c3\n\nbody"
    assert page[0].author.name == "Ann Author" and page[0].author.email == "ann@example.com"
    page, more = browser.history(builder.path, "main", b"", 4, 2)
    assert [c.sha for c in page] == [shas[0].decode()] and not more
    touched, _ = browser.history(builder.path, "main", b"a.txt", 0, 10)
    assert [c.sha for c in touched] == [shas[0].decode()]


def test_two_huge_files_are_not_taken_for_a_rename(builder: Builder) -> None:
    one = builder.commit({b"old.bin": b"one thing\n", b"keep.txt": b"k\n"})
    builder.ref(
        "refs/heads/main", builder.commit({b"new.bin": b"another\n", b"keep.txt": b"k\n"}, [one])
    )
    _info, changes = browser.commit_changes(builder.path, "main")
    sizes = {sha: browser.DIFF_INPUT_LIMIT + 1 for sha in changes.blobs}
    diff = browser.render_diff(builder.path, changes, sizes)
    assert {(f.old_path, f.new_path, f.status, f.too_large) for f in diff.files} == {
        (b"old.bin", None, "deleted", True),
        (None, b"new.bin", "added", True),
    }


def test_a_pathological_diff_is_bounded(builder: Builder) -> None:
    """40,000 lines cycling through 100 values ran difflib for over a minute; the bounded
    matcher gives up and shows the rewrite as one block out, one block in."""
    old = b"".join(b"%d\n" % (i % 100) for i in range(40_000))
    new = b"".join(b"%d\n" % (i * 7 % 100) for i in range(40_000))
    one = builder.commit({b"cycle.txt": old, b"tail.txt": b"a\nb\n"})
    two = builder.commit({b"cycle.txt": new, b"tail.txt": b"a\nB\n"}, [one])
    builder.ref("refs/heads/main", two)
    started = time.perf_counter()
    diff = _diff(builder, "main")
    assert time.perf_counter() - started < 5
    cycle, tail = diff.files
    assert cycle.patch is not None and cycle.patch.startswith("@@ -1,40000 +1,40000 @@\n 0\n-1\n")
    assert (cycle.additions, cycle.deletions) == (39_999, 39_999)
    assert tail.patch == "@@ -1,2 +1,2 @@\n a\n-b\n+B\n"
