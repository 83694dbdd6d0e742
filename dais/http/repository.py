"""The repository browser: branches, tags, trees, blobs, history, diffs and archives.

Everything lives under ``/api/projects/{project}/repository/`` and needs read access to the
project (:func:`load_project`); creating and deleting branches needs write access and obeys
the protected branch rules, as a push would.

dulwich reads objects in a worker thread (:mod:`dais.actors.projects.browser`); the ``git``
binary serves what must stream: archives, blobs above the JSON size cap, and blob sizes
(which dulwich can only learn by inflating the blob).

User content never runs on dais's origin: ``/raw`` serves anything a browser could execute
(HTML, SVG, XML, scripts) as ``text/plain``, with ``nosniff`` and a ``sandbox`` CSP, and
binary types as attachments.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import enum
import functools
import logging
import mimetypes
import os
import re
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import quote, urlencode

import anyio
import anyio.to_thread
import msgspec
from litestar import Request, Response, delete, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.response import Stream

from dais.actors.identity import audit
from dais.actors.identity import messages as im
from dais.actors.projects import browser
from dais.actors.projects import messages as pm
from dais.actors.projects.protection import (
    ZERO_SHA,
    BranchRule,
    RefUpdate,
    check_ref_update,
    matching_rules,
)
from dais.actors.projects.repository import GitFailed, run_git
from dais.actors.projects.rules import check_branch_name
from dais.errors import Conflict, Forbidden, NotFound, ValidationFailed
from dais.storage import outbox

from .auth import audit_context, principal, signed_in
from .fields import REF_PATTERN
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ProjectRef
from .projects import can_write, load_project

__all__ = [
    "BLOB_LIMIT",
    "ROUTES",
    "blob_sizes",
    "commit_out",
    "file_out",
    "raw_content_type",
    "read_in_thread",
]

_HISTORY_DEPTH = 10_000

log = logging.getLogger(__name__)

BLOB_LIMIT = 1 << 20
"""``/blob`` answers files up to this size; larger ones are for ``/raw``."""
_CHUNK = 64 << 10
_IDLE_TIMEOUT = 60.0  # a streaming git that sends nothing for this long is killed
_COMPARE_COMMITS = 250
_BASE = "/api/projects/{project:str}/repository"
_TAGS = ["repository"]
_Ref = Annotated[str | None, QueryParameter(max_length=1024, pattern=REF_PATTERN)]
_PathText = Annotated[str | None, QueryParameter(max_length=browser.MAX_PATH_BYTES)]
_PathB64 = Annotated[
    str | None, QueryParameter(name="path_base64", max_length=browser.MAX_PATH_BYTES * 2)
]
T = TypeVar("T")


# --- shapes ------------------------------------------------------------------------------


class PersonOut(msgspec.Struct):
    name: str
    email: str


class CommitSummary(msgspec.Struct):
    sha: str
    title: str
    author: PersonOut
    authored_at: datetime


class CommitOut(msgspec.Struct):
    sha: str
    title: str
    message: str
    author: PersonOut
    authored_at: datetime
    committer: PersonOut
    committed_at: datetime
    parents: list[str]


class StatsOut(msgspec.Struct):
    additions: int
    deletions: int
    files: int


class FileDiffOut(msgspec.Struct, omit_defaults=True):
    old_path: str | None
    new_path: str | None
    status: str
    additions: int
    deletions: int
    binary: bool
    too_large: bool
    patch: str | None
    old_path_base64: str | None = None
    new_path_base64: str | None = None


class DiffOut(msgspec.Struct):
    files: list[FileDiffOut]
    truncated: bool


class CommitDetailOut(CommitOut):
    stats: StatsOut
    diff: DiffOut


class CompareOut(msgspec.Struct):
    from_: str = msgspec.field(name="from")
    to: str = ""
    merge_base: str | None = None
    commits: list[CommitOut] = msgspec.field(default_factory=list)
    commits_truncated: bool = False
    stats: StatsOut = msgspec.field(default_factory=lambda: StatsOut(0, 0, 0))
    diff: DiffOut = msgspec.field(default_factory=lambda: DiffOut([], False))


class BranchOut(msgspec.Struct):
    name: str
    commit: CommitSummary
    default: bool
    protected: bool


class TagOut(msgspec.Struct):
    name: str
    sha: str
    target: str
    message: str | None
    tagger: PersonOut | None
    tagged_at: datetime | None


class TreeEntryOut(msgspec.Struct, omit_defaults=True):
    name: str
    path: str
    type: str
    mode: str
    sha: str
    name_base64: str | None = None
    path_base64: str | None = None


class TreeOut(msgspec.Struct, omit_defaults=True):
    ref: str
    commit: str
    path: str
    entries: list[TreeEntryOut]
    path_base64: str | None = None


class BlobOut(msgspec.Struct, omit_defaults=True):
    ref: str
    commit: str
    path: str
    sha: str
    size: int
    encoding: str  # text | base64
    content: str
    path_base64: str | None = None


class BranchIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    ref: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class ArchiveFormat(enum.StrEnum):
    TAR_GZ = "tar.gz"
    ZIP = "zip"


# --- helpers -----------------------------------------------------------------------------


def _b64(raw: bytes) -> str | None:
    """Base64 of a name that is not UTF-8; None when the text form is exact."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return base64.b64encode(raw).decode("ascii")
    return None


def _person(p: browser.Person) -> PersonOut:
    return PersonOut(name=p.name, email=p.email)


def _summary(c: browser.CommitInfo) -> CommitSummary:
    return CommitSummary(
        sha=c.sha, title=c.title, author=_person(c.author), authored_at=c.author.at
    )


def commit_out(c: browser.CommitInfo) -> CommitOut:
    return CommitOut(
        sha=c.sha,
        title=c.title,
        message=c.message,
        author=_person(c.author),
        authored_at=c.author.at,
        committer=_person(c.committer),
        committed_at=c.committer.at,
        parents=list(c.parents),
    )


def file_out(f: browser.FileDiff) -> FileDiffOut:
    return FileDiffOut(
        old_path=None if f.old_path is None else browser.display(f.old_path),
        new_path=None if f.new_path is None else browser.display(f.new_path),
        status=f.status,
        additions=f.additions,
        deletions=f.deletions,
        binary=f.binary,
        too_large=f.too_large,
        patch=f.patch,
        old_path_base64=None if f.old_path is None else _b64(f.old_path),
        new_path_base64=None if f.new_path is None else _b64(f.new_path),
    )


def _diff(d: browser.Diff) -> tuple[StatsOut, DiffOut]:
    stats = StatsOut(additions=d.additions, deletions=d.deletions, files=d.changed)
    return stats, DiffOut(files=[file_out(f) for f in d.files], truncated=d.truncated)


def _repo_dir(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> Path:
    return pm.repository_path(request.app.state.services.settings.data_dir, project.id)


async def _ask(request: Request[Any, Any, Any], actor: str, message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(actor), message)


async def read_in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run a dulwich read in a worker thread: it must never block the event loop."""
    return await anyio.to_thread.run_sync(functools.partial(fn, *args))


async def blob_sizes(repo_dir: Path, shas: frozenset[str]) -> dict[str, int]:
    """Sizes of blobs, from ``git cat-file --batch-check`` (no blob is inflated)."""
    if not shas:
        return {}
    out = await run_git(
        repo_dir,
        "cat-file",
        "--batch-check=%(objectname) %(objectsize)",
        stdin="".join(f"{s}\n" for s in sorted(shas)).encode(),
    )
    sizes: dict[str, int] = {}
    for line in out.decode().splitlines():
        sha, _, size = line.partition(" ")
        if size.isdigit():
            sizes[sha] = int(size)
    return sizes


def _git_env(repo_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | {
        "GIT_DIR": str(repo_dir),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "HOME": str(repo_dir),  # no user configuration leaks in
    }


async def git_stream(repo_dir: Path, *args: str) -> AsyncIterator[bytes]:
    """The stdout of ``git args``, chunk by chunk, never whole in memory.

    git runs in a process group of its own. When the consumer stops early (the client went
    away and the response was cancelled, or the generator is closed), the group is killed.
    A git that fails or goes silent for ``_IDLE_TIMEOUT`` raises, so the response is cut
    short rather than ending as if complete.

    :raises GitFailed: git exited non-zero.
    :raises TimeoutError: git sent nothing for too long.
    """
    process = await anyio.open_process(
        ["git", *args],
        stdin=subprocess.DEVNULL,
        env=_git_env(repo_dir),
        start_new_session=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        while True:
            try:
                with anyio.fail_after(_IDLE_TIMEOUT):
                    chunk = await process.stdout.receive(_CHUNK)
            except anyio.EndOfStream:
                break
            yield chunk
        with anyio.fail_after(_IDLE_TIMEOUT):
            code = await process.wait()
        if code != 0:
            err = b""
            with anyio.move_on_after(1), contextlib.suppress(anyio.EndOfStream):
                err = await process.stderr.receive(4096)
            log.error("git %s failed in %s: %s", args[0], repo_dir, err.decode(errors="replace"))
            raise GitFailed(f"git {args[0]} exited with {code}")
    finally:
        if process.returncode is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        with anyio.move_on_after(5, shield=True):
            await process.aclose()


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(data), _CHUNK):
        yield data[start : start + _CHUNK]


_TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/javascript",
        "application/ecmascript",
        "application/x-javascript",
        "application/xml",
        "application/xhtml+xml",
        "application/x-sh",
        "application/x-csh",
        "application/x-tex",
        "application/x-latex",
        "application/toml",
        "application/yaml",
        "application/x-yaml",
        "application/sql",
        "image/svg+xml",
    }
)
_SAFE_MEDIA = ("image/", "audio/", "video/", "font/")
_SAFE_TYPES = frozenset(
    {"application/pdf", "application/zip", "application/gzip", "application/x-tar"}
)
TEXT_PLAIN = "text/plain"  # Litestar adds "; charset=utf-8" to text/ types


def raw_content_type(name: str, head: bytes | None) -> tuple[str, bool]:
    """The Content-Type to serve a file as, and whether it is an attachment.

    ``head`` is the file's content when it was read (small files), else None. Media and
    archives keep their type (as attachments); anything textual, and so anything a browser
    could run (HTML, SVG, XML, JavaScript), is ``text/plain``; the rest is an
    ``application/octet-stream`` attachment.
    """
    guessed, encoding = mimetypes.guess_type(name, strict=False)
    if encoding is None and guessed is not None:
        if (guessed.startswith(_SAFE_MEDIA) and "svg" not in guessed) or guessed in _SAFE_TYPES:
            return guessed, True
    if head is not None:
        textual = b"\0" not in head[:8000]
    else:
        textual = (
            encoding is None
            and guessed is not None
            and (
                guessed.startswith("text/")
                or guessed in _TEXT_TYPES
                or guessed.endswith(("+xml", "+json"))
            )
        )
    return (TEXT_PLAIN, False) if textual else ("application/octet-stream", True)


def _disposition(kind: str, name: str) -> str:
    """A Content-Disposition naming ``name`` safely (ASCII fallback plus RFC 6266 UTF-8)."""
    plain = re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip() or "download"
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _archive_name(project: str, ref: str) -> str:
    tail = _SAFE_NAME.sub("-", ref).strip(".-")[:100] or "archive"
    return f"{project}-{tail}"


def _sibling(
    request: Request[Any, Any, Any], endpoint: str, query: dict[str, str] | None = None
) -> str:
    """The URL of another endpoint of this repository, spelled as the client spelled this one
    (the edge rewrites an encoded ``owner%2Fname`` in the routed path; ``raw_path`` keeps it).
    """
    raw = request.scope.get("raw_path") or request.url.path.encode()
    here = raw.decode("latin-1").split("?", 1)[0].rstrip("/")
    base = here[: here.rindex("/repository/") + len("/repository/")]
    wanted = dict(request.query_params) if query is None else query
    return f"{base}{endpoint}" + (f"?{urlencode(wanted)}" if wanted else "")


async def _roles(request: Request[Any, Any, Any], user_id: int, project_id: int) -> frozenset[str]:
    assignments: list[im.AssignmentRecord] = await _ask(
        request, "identity", im.ListAssignments(user_id)
    )
    return frozenset(a.role for a in assignments if a.project_id in (None, project_id))


# --- reading -----------------------------------------------------------------------------


@get(
    f"{_BASE}/branches",
    tags=_TAGS,
    summary="Branches, with their head commits",
    response_headers=LIST_HEADERS,
)
async def list_branches(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[BranchOut]]:
    record = await load_project(request, project)
    found = await read_in_thread(browser.branches, _repo_dir(request, record))
    rules: list[BranchRule] = await _ask(request, "projects", pm.ListBranchRules(record.id))
    items = [
        BranchOut(
            name=b.name,
            commit=_summary(b.commit),
            default=b.name == record.default_branch,
            protected=bool(matching_rules(rules, b.name)),
        )
        for b in found
    ]
    return sliced(request, items, page, per_page)


@get(
    f"{_BASE}/tags",
    tags=_TAGS,
    summary="Tags, lightweight and annotated",
    response_headers=LIST_HEADERS,
)
async def list_tags(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[TagOut]]:
    record = await load_project(request, project)
    found = await read_in_thread(browser.tags, _repo_dir(request, record))
    items = [
        TagOut(
            name=t.name,
            sha=t.sha,
            target=t.target,
            message=t.message,
            tagger=None if t.tagger is None else _person(t.tagger),
            tagged_at=None if t.tagger is None else t.tagger.at,
        )
        for t in found
    ]
    return sliced(request, items, page, per_page)


@get(f"{_BASE}/tree", tags=_TAGS, summary="A directory's entries: directories first")
async def get_tree(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    ref: _Ref = None,
    path: _PathText = None,
    path_b64: _PathB64 = None,
) -> TreeOut:
    record = await load_project(request, project)
    wanted = browser.parse_path(path, path_b64)
    name = ref or record.default_branch
    repo_dir = _repo_dir(request, record)
    # Shaping 10,000 entries takes milliseconds of CPU too: it runs in the thread as well.
    return await read_in_thread(lambda: _tree_out(name, browser.list_tree(repo_dir, name, wanted)))


def _tree_out(ref: str, listing: browser.TreeListing) -> TreeOut:
    """The listing as JSON shapes, in one pass that decodes each name once (this loop and
    the tree parse are most of the cost of listing a 10,000-entry directory)."""
    raw_prefix = listing.path + b"/" if listing.path else b""
    prefix = browser.display(raw_prefix)
    odd_prefix = _b64(listing.path) is not None
    modes: dict[int, tuple[str, str]] = {}
    entries = []
    for raw_name, mode, sha in listing.entries:
        try:
            name, name_b64 = raw_name.decode(), None
        except UnicodeDecodeError:
            name, name_b64 = browser.display(raw_name), base64.b64encode(raw_name).decode()
        shown = modes.get(mode)
        if shown is None:
            shown = modes[mode] = (browser.kind(mode), f"{mode:06o}")
        path_b64 = None
        if name_b64 or odd_prefix:
            path_b64 = base64.b64encode(raw_prefix + raw_name).decode()
        entries.append(
            TreeEntryOut(name, prefix + name, shown[0], shown[1], sha.decode(), name_b64, path_b64)
        )
    return TreeOut(
        ref=ref,
        commit=listing.commit,
        path=browser.display(listing.path),
        path_base64=_b64(listing.path),
        entries=entries,
    )


@get(f"{_BASE}/blob", tags=_TAGS, summary="A file, as JSON (text or base64), up to 1 MiB")
async def get_blob(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    ref: _Ref = None,
    path: _PathText = None,
    path_b64: _PathB64 = None,
) -> BlobOut:
    record = await load_project(request, project)
    wanted = browser.parse_path(path, path_b64)
    name = ref or record.default_branch
    repo_dir = _repo_dir(request, record)
    blob = await read_in_thread(browser.find_blob, repo_dir, name, wanted)
    size = (await blob_sizes(repo_dir, frozenset({blob.sha}))).get(blob.sha, 0)
    if size > BLOB_LIMIT:
        raise ValidationFailed(
            "path",
            f"{browser.display(wanted)!r} is {size} bytes, over the {BLOB_LIMIT}-byte limit "
            f"of /blob; download it from {_sibling(request, 'raw')}",
        )
    data = await read_in_thread(browser.read_blob, repo_dir, blob.sha)
    text = browser.is_text(data)
    return BlobOut(
        ref=name,
        commit=blob.commit,
        path=browser.display(wanted),
        path_base64=_b64(wanted),
        sha=blob.sha,
        size=len(data),
        encoding="text" if text else "base64",
        content=data.decode() if text else base64.b64encode(data).decode("ascii"),
    )


@get(f"{_BASE}/raw", tags=_TAGS, summary="A file's bytes, streamed")
async def get_raw(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    ref: _Ref = None,
    path: _PathText = None,
    path_b64: _PathB64 = None,
) -> Stream:
    record = await load_project(request, project)
    wanted = browser.parse_path(path, path_b64)
    repo_dir = _repo_dir(request, record)
    blob = await read_in_thread(browser.find_blob, repo_dir, ref or record.default_branch, wanted)
    size = (await blob_sizes(repo_dir, frozenset({blob.sha}))).get(blob.sha, 0)
    name = browser.display(wanted.rsplit(b"/", 1)[-1])
    body: AsyncIterator[bytes]
    if size <= BLOB_LIMIT:
        data = await read_in_thread(browser.read_blob, repo_dir, blob.sha)
        content_type, attachment = raw_content_type(name, data)
        body = _chunks(data)
    else:
        content_type, attachment = raw_content_type(name, None)
        body = git_stream(repo_dir, "cat-file", "blob", blob.sha)
    headers = {
        "Content-Length": str(size),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Cache-Control": "private, no-cache",
        "ETag": f'"{blob.sha}"',
    }
    if attachment:
        headers["Content-Disposition"] = _disposition("attachment", name)
    return Stream(body, media_type=content_type, headers=headers)


@get(
    f"{_BASE}/commits",
    tags=_TAGS,
    summary="History, newest first, paged (X-Total-Count counts at most 10,000 back)",
    response_headers=LIST_HEADERS,
)
async def list_commits(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    ref: _Ref = None,
    path: _PathText = None,
    path_b64: _PathB64 = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> Response[list[CommitOut]]:
    record = await load_project(request, project)
    wanted = browser.parse_path(path, path_b64)
    ref = ref or record.default_branch
    if offset(page, per_page) >= _HISTORY_DEPTH:
        # Each page walks history from the newest commit, so deep pages would cost without
        # bound: past the depth dais pages through, a page is empty, as past the last one.
        total = await _history_length(_repo_dir(request, record), ref, wanted)
        return paged(request, [], page, per_page, total)
    found, more = await read_in_thread(
        browser.history, _repo_dir(request, record), ref, wanted, offset(page, per_page), per_page
    )
    seen = offset(page, per_page) + len(found)
    total = seen + 1 if more else seen
    if more or (not found and page > 1):
        total = await _history_length(_repo_dir(request, record), ref, wanted)
    return paged(request, [commit_out(c) for c in found], page, per_page, total)


async def _history_length(repo_dir: Path, ref: str, path: bytes) -> int:
    """How many commits the history holds, as ``git log`` walks it, up to ``_HISTORY_DEPTH``."""
    args = ["rev-list", "--count", f"--max-count={_HISTORY_DEPTH}", "--end-of-options", ref]
    if path:
        args += ["--", os.fsdecode(path)]
    try:
        return int(await run_git(repo_dir, *args))
    except (GitFailed, ValueError) as exc:  # the page itself was read; only the count is lost
        log.warning("could not count the history of %s at %r: %s", repo_dir, ref, exc)
        return 0


@get(f"{_BASE}/commits/{{sha:str}}", tags=_TAGS, summary="A commit, with stats and diff")
async def get_commit(
    request: Request[Any, Any, Any], project: ProjectRef, sha: FromPath[str]
) -> CommitDetailOut:
    record = await load_project(request, project)
    repo_dir = _repo_dir(request, record)
    info, changes = await read_in_thread(browser.commit_changes, repo_dir, sha)
    sizes = await blob_sizes(repo_dir, changes.blobs)
    stats, diff = _diff(await read_in_thread(browser.render_diff, repo_dir, changes, sizes))
    c = commit_out(info)
    return CommitDetailOut(**msgspec.structs.asdict(c), stats=stats, diff=diff)


@get(f"{_BASE}/compare", tags=_TAGS, summary="What one ref has that another lacks")
async def compare(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    from_ref: Annotated[
        str, QueryParameter(name="from", min_length=1, max_length=1024, pattern=REF_PATTERN)
    ],
    to_ref: Annotated[
        str, QueryParameter(name="to", min_length=1, max_length=1024, pattern=REF_PATTERN)
    ],
) -> CompareOut:
    record = await load_project(request, project)
    repo_dir = _repo_dir(request, record)
    found = await read_in_thread(browser.compare, repo_dir, from_ref, to_ref, _COMPARE_COMMITS)
    sizes = await blob_sizes(repo_dir, found.changes.blobs)
    stats, diff = _diff(await read_in_thread(browser.render_diff, repo_dir, found.changes, sizes))
    return CompareOut(
        from_=found.from_sha,
        to=found.to_sha,
        merge_base=found.base,
        commits=[commit_out(c) for c in found.commits],
        commits_truncated=found.commits_truncated,
        stats=stats,
        diff=diff,
    )


@get(f"{_BASE}/archive", tags=_TAGS, summary="The tree at a ref, as tar.gz or zip, streamed")
async def get_archive(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    ref: _Ref = None,
    archive_format: Annotated[ArchiveFormat, QueryParameter(name="format")] = (
        ArchiveFormat.TAR_GZ
    ),
) -> Stream:
    record = await load_project(request, project)
    repo_dir = _repo_dir(request, record)
    name = ref or record.default_branch
    commit = await read_in_thread(browser.commit_info, repo_dir, name)
    stem = _archive_name(record.name, name)
    body = git_stream(
        repo_dir,
        "archive",
        f"--format={archive_format.value}",
        f"--prefix={stem}/",
        commit.sha,  # a resolved sha: nothing the caller typed reaches git's command line
    )
    media = "application/gzip" if archive_format is ArchiveFormat.TAR_GZ else "application/zip"
    headers = {
        "Content-Disposition": _disposition("attachment", f"{stem}.{archive_format.value}"),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
    }
    return Stream(body, media_type=media, headers=headers)


# --- writing -----------------------------------------------------------------------------


async def _writable(request: Request[Any, Any, Any], ref: str) -> tuple[pm.ProjectRecord, Any]:
    record = await load_project(request, ref)
    who = await principal(request)
    if not await can_write(request, record):
        raise Forbidden("this needs the project:write permission on the project")
    if record.archived:
        raise Forbidden(f"project {record.path} is archived: it is read-only")
    return record, who


async def _protection(
    request: Request[Any, Any, Any], record: pm.ProjectRecord, who: Any, update: RefUpdate
) -> None:
    rules: list[BranchRule] = await _ask(request, "projects", pm.ListBranchRules(record.id))
    reason = check_ref_update(
        update,
        rules=rules,
        default_branch=record.default_branch,
        roles=await _roles(request, who.user_id, record.id),
        is_admin=who.is_admin and who.scopes is None,  # a scoped token does not act as admin
    )
    if reason is not None:
        raise Forbidden(reason)


async def _move_ref(
    request: Request[Any, Any, Any],
    record: pm.ProjectRecord,
    who: Any,
    action: str,
    update: RefUpdate,
    git_args: tuple[str, ...],
) -> None:
    """Change one ref with ``git update-ref`` (compare-and-swap on its old value), writing the
    audit row and a ``git.push`` event in one transaction: if git refuses, neither stays."""
    services = request.app.state.services
    payload = {
        "project": {"id": str(record.id), "path": record.path},
        "pusher": {"id": str(who.user_id), "username": who.username},
        "refs": [{"ref": update.ref, "old": update.old, "new": update.new}],
        "via": "api",
    }
    async with services.pool.acquire() as conn, conn.transaction():
        await audit.record(
            conn,
            audit_context(request, who),
            action,
            "project",
            record.id,
            {"ref": update.ref, "old": update.old, "new": update.new},
        )
        await outbox.emit(conn, "git.push", payload, key=str(record.id), actor=who.username)
        await run_git(_repo_dir(request, record), "update-ref", *git_args)


@post(
    f"{_BASE}/branches",
    tags=_TAGS,
    summary="Create a branch at a ref",
    guards=[signed_in],  # 401 before the body is read
)
async def create_branch(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[BranchIn]
) -> BranchOut:
    record, who = await _writable(request, project)
    name = check_branch_name(data.name, "name")
    ref = browser.branch_ref(name)
    repo_dir = _repo_dir(request, record)
    try:
        commit = await read_in_thread(browser.commit_info, repo_dir, data.ref)
    except (NotFound, ValidationFailed) as exc:
        raise ValidationFailed("ref", f"{data.ref!r} does not name a commit ({exc})") from None
    if await read_in_thread(browser.branch_head, repo_dir, name) is not None:
        raise Conflict(f"branch {name} already exists")
    update = RefUpdate(ref=ref, old=ZERO_SHA, new=commit.sha, forced=False)
    await _protection(request, record, who, update)
    try:
        # The zero old value makes git refuse if the branch appeared meanwhile.
        await _move_ref(request, record, who, "branch.create", update, (ref, commit.sha, ZERO_SHA))
    except GitFailed as exc:
        if await read_in_thread(browser.branch_head, repo_dir, name) is not None:
            raise Conflict(f"branch {name} already exists") from None
        # A name that collides with an existing one as a directory (a/b next to a).
        raise Conflict(f"git could not create {name}: {exc}") from None
    rules: list[BranchRule] = await _ask(request, "projects", pm.ListBranchRules(record.id))
    return BranchOut(
        name=name,
        commit=_summary(commit),
        default=name == record.default_branch,
        protected=bool(matching_rules(rules, name)),
    )


@delete(
    f"{_BASE}/branches/{{name:path}}",
    tags=_TAGS,
    summary="Delete a branch",
    guards=[signed_in],
)
async def delete_branch(
    request: Request[Any, Any, Any], project: ProjectRef, name: FromPath[str]
) -> None:
    record, who = await _writable(request, project)
    branch = str(name).lstrip("/")
    repo_dir = _repo_dir(request, record)
    old = await read_in_thread(browser.branch_head, repo_dir, branch)
    if old is None:
        raise NotFound(f"branch {branch} does not exist")
    ref = f"refs/heads/{branch}"
    update = RefUpdate(ref=ref, old=old, new=ZERO_SHA, forced=False)
    await _protection(request, record, who, update)
    try:
        await _move_ref(request, record, who, "branch.delete", update, ("-d", ref, old))
    except GitFailed:
        raise Conflict(f"branch {branch} moved while it was being deleted; try again") from None


#: The most a file written through the API may hold (larger files are pushed with git).
MAX_FILE_BYTES = 5 * 1024 * 1024


class FileIn(msgspec.Struct, forbid_unknown_fields=True):
    branch: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    path: Annotated[str, msgspec.Meta(min_length=1, max_length=4096)]
    content: Annotated[str, msgspec.Meta(max_length=2 * MAX_FILE_BYTES)]
    message: Annotated[str, msgspec.Meta(min_length=1, max_length=10_000)]
    #: ``base64`` for bytes that are not text.
    encoding: Literal["text", "base64"] = "text"
    #: Make ``branch`` from this branch's head when ``branch`` does not exist yet.
    start_branch: Annotated[str, msgspec.Meta(min_length=1, max_length=255)] | None = None


class FileCommitOut(msgspec.Struct):
    branch: str
    path: str
    commit: str
    blob: str
    created: bool  # the file is new on the branch


def _file_bytes(data: FileIn) -> bytes:
    if data.encoding == "text":
        raw = data.content.encode("utf-8")
    else:
        try:
            raw = base64.b64decode(data.content, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed("content", "is not valid base64") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationFailed("content", f"must be at most {MAX_FILE_BYTES} bytes")
    return raw


@put(
    f"{_BASE}/files",
    tags=_TAGS,
    summary="Create or replace a file with a commit on a branch (no work tree)",
    guards=[signed_in],
)
async def write_file(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[FileIn]
) -> Response[FileCommitOut]:
    """Commit one file onto ``branch``, built with git plumbing in a private index: read the
    branch's tree, add the blob, write the tree and a commit on top, then move the branch
    with a compare-and-swap on its old head, as a push would (protected-branch rules
    apply, and a ``git.push`` event goes out)."""
    record, who = await _writable(request, project)
    branch = check_branch_name(data.branch, "branch")
    raw_path = browser.parse_path(data.path)
    if not raw_path:
        raise ValidationFailed("path", "must name a file, not the root")
    if any(part.lower() == b".git" for part in raw_path.split(b"/")):
        raise ValidationFailed("path", "must not contain a .git segment")
    content = _file_bytes(data)
    repo_dir = _repo_dir(request, record)
    old = await read_in_thread(browser.branch_head, repo_dir, branch)
    parent = old
    if old is None:
        if data.start_branch is None:
            raise NotFound(f"branch {branch} does not exist (give start_branch to make it)")
        start = check_branch_name(data.start_branch, "start_branch")
        parent = await read_in_thread(browser.branch_head, repo_dir, start)
        if parent is None:
            raise ValidationFailed("start_branch", f"branch {start} does not exist")
    path_text = raw_path.decode("utf-8", "surrogateescape")
    user = getattr(who, "user", None)
    email = getattr(user, "email", None) or f"{who.username}@users.noreply.invalid"
    name = getattr(user, "display_name", None) or who.username
    identity = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    with tempfile.TemporaryDirectory() as scratch:
        index = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        try:
            existing = b""
            if parent is not None:
                await run_git(repo_dir, "read-tree", parent, env=index)
                existing = await run_git(repo_dir, "ls-files", "-z", "--", path_text, env=index)
            blob = (await run_git(repo_dir, "hash-object", "-w", "--stdin", stdin=content)).strip()
            await run_git(
                repo_dir,
                "update-index",
                "--add",
                "--cacheinfo",
                f"100644,{blob.decode()},{path_text}",
                env=index,
            )
            tree = (await run_git(repo_dir, "write-tree", env=index)).strip().decode()
            parents = ["-p", parent] if parent is not None else []
            commit = (
                (
                    await run_git(
                        repo_dir,
                        "commit-tree",
                        tree,
                        *parents,
                        stdin=data.message.encode(),
                        env=identity,
                    )
                )
                .strip()
                .decode()
            )
        except GitFailed as exc:
            # A path through a file (a/b where a is a file), say.
            raise Conflict(f"git could not write {path_text}: {exc}") from None
    ref = browser.branch_ref(branch)
    update = RefUpdate(ref=ref, old=old or ZERO_SHA, new=commit, forced=False)
    await _protection(request, record, who, update)
    try:
        await _move_ref(request, record, who, "file.write", update, (ref, commit, old or ZERO_SHA))
    except GitFailed:
        raise Conflict(f"branch {branch} moved while the file was written; try again") from None
    created = not existing
    out = FileCommitOut(branch, path_text, commit, blob.decode(), created)
    return Response(out, status_code=201 if created else 200)


ROUTES = [
    list_branches,
    create_branch,
    delete_branch,
    write_file,
    list_tags,
    get_tree,
    get_blob,
    get_raw,
    list_commits,
    get_commit,
    compare,
    get_archive,
]
