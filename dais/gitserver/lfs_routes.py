"""Git LFS over HTTP at ``/{owner}/{name}.git/info/lfs/`` (the ``.git`` is optional).

- ``POST objects/batch``: the batch API, basic transfer adapter only.
- ``PUT objects/{oid}``, ``GET objects/{oid}`` (with ``Range``), ``POST objects/verify``:
  the transfers the batch hands out. Each action carries a short-lived grant (see
  :mod:`dais.gitserver.lfs`) in its ``Authorization`` header; a transfer also accepts the
  caller's own credentials.
- ``POST locks``, ``GET locks``, ``POST locks/verify``, ``POST locks/{id}/unlock``: the
  locking API.

Who may do what: download and list locks need read access to the project; upload, verify
and every lock change need write access (and a project that is not archived); removing
another user's lock needs ``force`` and project:admin. Locks are per project, not per
branch: the ``ref`` a client sends is recorded and otherwise ignored, as locking.md's
single-branch model has it. Errors leave as the LFS error
object ``{message, request_id, documentation_url}`` in ``application/vnd.git-lfs+json``,
and a 401 carries ``LFS-Authenticate`` so git-lfs asks its credential helper.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import msgspec
from litestar import Request, Response, get, post, put
from litestar.exceptions import HTTPException, ValidationException
from litestar.params import FromPath, QueryParameter
from litestar.response import Stream

from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.projects.rules import parse_project_ref
from dais.errors import Forbidden, NotFound, Unauthorized
from dais.http.auth import authenticate, permissions_of, principal
from dais.http.projects import can_write, load_project
from dais.runtime import ActorCrashed, ActorStopped, AskTimeout, DomainError, MailboxFull
from dais.storage.blobs import BlobMismatch, BlobStore, FilesystemBlobStore
from dais.storage.keys import shared_key

from . import lfs
from .lfs_records import LfsRecords, LockExists

if TYPE_CHECKING:
    from dais.actors.identity.messages import Principal

__all__ = ["ROUTES"]

log = logging.getLogger(__name__)

_Req = Request[Any, Any, Any]
T = TypeVar("T")

_DOCS = "https://github.com/git-lfs/git-lfs/blob/main/docs/api/"
_BATCH_DOCS = {"lfs_docs": _DOCS + "batch.md"}
_TRANSFER_DOCS = {"lfs_docs": _DOCS + "basic-transfers.md"}
_LOCK_DOCS = {"lfs_docs": _DOCS + "locking.md"}
_JSON_TYPES = frozenset({lfs.LFS_MEDIA_TYPE, "application/json"})
_ACCEPTABLE = frozenset({lfs.LFS_MEDIA_TYPE, "application/json", "application/*", "*/*"})
_MAX_JSON_BODY = 1024 * 1024
_MAX_LOCKS_PAGE = 1000
_PREFIX = "/{owner:str}/{name:str}/info/lfs"


# --- errors ------------------------------------------------------------------------------


def _error(request: _Req, exc: Exception) -> Response[bytes]:
    """Every error of these routes, as the LFS error object."""
    headers: dict[str, str] = {}
    body: dict[str, Any] = {}
    if isinstance(exc, lfs.LfsError):
        status, message = exc.status, exc.message
        body, headers = exc.body, exc.headers
    elif isinstance(exc, MailboxFull):
        status, message = 503, f"{exc.actor} is overloaded; try again shortly"
        headers["Retry-After"] = "1"
    elif isinstance(exc, AskTimeout):
        status, message = 504, f"{exc.actor} did not answer within {exc.timeout:g} s"
    elif isinstance(exc, ActorCrashed | ActorStopped):
        log.error("actor unavailable on %s %s: %r", request.method, request.url.path, exc)
        status, message = 503, "the service is restarting; try again shortly"
        headers["Retry-After"] = "1"
    elif isinstance(exc, DomainError):
        status, message = int(getattr(exc, "status", 400)), str(exc)
    elif isinstance(exc, ValidationException):
        status, message = exc.status_code, exc.detail
        items = exc.extra if isinstance(exc.extra, list) else []
        first = next((e for e in items if isinstance(e, dict)), None)
        if first is not None:
            message = f"{first.get('key') or 'request'}: {first.get('message')}"
    elif isinstance(exc, HTTPException):
        status, message = exc.status_code, exc.detail
        headers.update(exc.headers or {})
    else:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        status, message = 500, "an internal error occurred; it has been logged"
    if status == 401:
        # batch.md: git-lfs reads LFS-Authenticate; git itself reads WWW-Authenticate.
        headers["LFS-Authenticate"] = headers["WWW-Authenticate"] = 'Basic realm="dais"'
    if request.method == "PUT" and status >= 400:
        # The upload body may be unread; the connection cannot carry another request.
        headers["Connection"] = "close"
    payload = {
        "message": message,
        **body,
        "request_id": request.scope.get("state", {}).get("request_id", ""),
        "documentation_url": request.route_handler.opt.get("lfs_docs", _DOCS + "README.md"),
    }
    return Response(
        msgspec.json.encode(payload),
        status_code=status,
        media_type=lfs.LFS_MEDIA_TYPE,
        headers=headers,
    )


_HANDLERS: Any = {
    exc: _error
    for exc in (
        HTTPException,
        DomainError,
        MailboxFull,
        AskTimeout,
        ActorCrashed,
        ActorStopped,
        Exception,
    )
}


# --- helpers -----------------------------------------------------------------------------


def _json(body: Any, status: int = 200) -> Response[bytes]:
    return Response(msgspec.json.encode(body), status_code=status, media_type=lfs.LFS_MEDIA_TYPE)


def _check_accept(request: _Req) -> None:
    accept = request.headers.get("accept")
    if accept and not any(
        part.split(";", 1)[0].strip().lower() in _ACCEPTABLE for part in accept.split(",")
    ):
        raise lfs.LfsError(406, f"Accept must allow {lfs.LFS_MEDIA_TYPE}, not {accept[:100]!r}")


async def _decode(request: _Req, kind: type[T], *, optional: bool = False) -> T:
    """The JSON body as ``kind``: 415 for another media type, 400 for broken JSON, 422 for
    JSON of the wrong shape. With ``optional``, an empty body reads as ``{}``."""
    _check_accept(request)
    raw = await request.body()
    if optional and not raw.strip():
        raw = b"{}"
    else:
        content_type = request.headers.get("content-type", "")
        media = content_type.split(";", 1)[0].strip().lower()
        if media not in _JSON_TYPES:
            shown = content_type[:100] or "none"
            raise lfs.LfsError(415, f"Content-Type must be {lfs.LFS_MEDIA_TYPE}, not {shown}")
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as exc:
        raise lfs.LfsError(422, f"request body: {exc}") from None
    except msgspec.DecodeError as exc:
        raise lfs.LfsError(400, f"request body is not valid JSON: {exc}") from None


async def _secret(request: _Req) -> bytes:
    """The key transfer grants are signed with: shared by every replica on this database
    (a grant issued by one is honoured by another), read once per process."""
    state = request.app.state
    secret: bytes | None = state.get("lfs_grant_secret")
    if secret is None:
        secret = await shared_key(state.services.pool, "lfs.grants")
        state["lfs_grant_secret"] = secret
    return secret


def _store(request: _Req) -> BlobStore:
    state = request.app.state
    store: BlobStore | None = state.get("lfs_store")
    if store is None:
        store = FilesystemBlobStore(state.services.settings.data_dir / "lfs" / "objects")
        state["lfs_store"] = store
    return store


def _records(request: _Req) -> LfsRecords:
    return LfsRecords(request.app.state.services.pool)


def _ref(owner: FromPath[str], name: FromPath[str]) -> str:
    return f"{owner}/{name.removesuffix('.git')}"


async def _writable(request: _Req, project: pm.ProjectRecord) -> Principal:
    """The caller, if they may change ``project``.

    :raises Unauthorized: anonymous (git-lfs then asks for credentials).
    :raises Forbidden: read-only callers, archived projects.
    """
    if not await can_write(request, project):
        if await authenticate(request) is None:
            raise Unauthorized(f"sign in to push to {project.path}")
        raise Forbidden(f"you can read {project.path} but not push to it")
    if project.archived:
        raise Forbidden(f"{project.path} is archived, so it is read-only")
    return await principal(request)


def _grant_token(request: _Req) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value.startswith(lfs.GRANT_PREFIX):
        return value
    return None


async def _transfer(
    request: _Req, owner: str, name: str, operation: lfs.Operation
) -> tuple[pm.ProjectRecord, lfs.Grant | None]:
    """The project a transfer is for, and the grant it came with (None: the caller signed
    in and holds the access ``operation`` needs)."""
    token = _grant_token(request)
    if token is None:
        project = await load_project(request, _ref(owner, name))
        if operation is lfs.Operation.UPLOAD:
            await _writable(request, project)
        return project, None
    grant = lfs.verify_grant(await _secret(request), token, time.time())
    services = request.app.state.services
    try:
        ref = parse_project_ref(_ref(owner, name))
        if ref is None:
            raise NotFound(f"{_ref(owner, name)} is not a project path")
        project = await services.ask(services.system.ref("projects"), pm.GetProject(ref))
    except NotFound:
        raise lfs.LfsError(404, "Repository not found") from None
    if grant.project_id != project.id or grant.operation is not operation:
        raise Forbidden("this transfer token was issued for another project or operation")
    if operation is lfs.Operation.UPLOAD and project.archived:
        raise Forbidden(f"{project.path} is archived, so it is read-only")
    return project, grant


async def _present(store: BlobStore, held: dict[str, int]) -> dict[str, int]:
    """``held`` without objects whose content the store has lost (logged: that is a bug or
    an operator's mistake, and the object must be uploaded again)."""
    present = {}
    for oid, size in held.items():
        if await store.exists(oid) == size:
            present[oid] = size
        else:
            log.error("LFS object %s is recorded but missing from the blob store", oid)
    return present


def _check_oid(oid: str) -> None:
    if not lfs.is_oid(oid):
        raise lfs.LfsError(422, "oid must be a sha256: 64 lowercase hexadecimal digits")


# --- the batch API and transfers ---------------------------------------------------------


@post(
    _PREFIX + "/objects/batch",
    status_code=200,
    request_max_body_size=_MAX_JSON_BODY,
    exception_handlers=_HANDLERS,
    opt=_BATCH_DOCS,
    include_in_schema=False,
)
async def batch(request: _Req, owner: FromPath[str], name: FromPath[str]) -> Response[bytes]:
    project = await load_project(request, _ref(owner, name))
    body = await _decode(request, lfs.BatchRequest)
    operation = lfs.check_batch(body)
    if operation is lfs.Operation.UPLOAD:
        await _writable(request, project)
    store = _store(request)
    oids = [o.oid for o in body.objects if lfs.is_oid(o.oid)]
    held = await _present(store, await _records(request).held(project.id, oids))
    settings = request.app.state.services.settings
    base = f"{settings.public_url}/{project.path}.git/info/lfs/objects"
    secret = await _secret(request)
    expires = int(time.time()) + lfs.ACTION_TTL

    def action(kind: str, oid: str, size: int) -> lfs.Action:
        op = lfs.Operation.DOWNLOAD if kind == "download" else lfs.Operation.UPLOAD
        token = lfs.sign_grant(secret, lfs.Grant(project.id, op, oid, size, expires))
        return lfs.Action(
            href=f"{base}/verify" if kind == "verify" else f"{base}/{oid}",
            header={"Authorization": f"Bearer {token}"},
            expires_in=lfs.ACTION_TTL,
        )

    return _json(
        lfs.plan_batch(
            body,
            operation,
            held=held,
            max_size=request.app.state.services.settings.lfs_max_object_size,
            action=action,
        )
    )


@put(
    _PREFIX + "/objects/{oid:str}",
    status_code=200,
    request_max_body_size=None,  # streamed, under DAIS_LFS_MAX_OBJECT_SIZE (checked below)
    exception_handlers=_HANDLERS,
    opt=_TRANSFER_DOCS,
    include_in_schema=False,
)
async def upload(
    request: _Req, owner: FromPath[str], name: FromPath[str], oid: FromPath[str]
) -> Response[bytes]:
    _check_oid(oid)
    project, grant = await _transfer(request, owner, name, lfs.Operation.UPLOAD)
    if grant is not None and grant.oid != oid:
        raise Forbidden("this transfer token was issued for another object")
    limit = request.app.state.services.settings.lfs_max_object_size
    declared = request.content_length
    expected = grant.size if grant is not None else declared
    if declared is not None and expected is not None and declared != expected:
        raise lfs.LfsError(
            422, f"Content-Length {declared} differs from the object's size of {expected} bytes"
        )
    if expected is not None and expected > limit:
        raise lfs.LfsError(413, f"the object is larger than the limit of {limit} bytes")
    try:
        async with _store(request).open_writer(oid, expected) as writer:
            async for chunk in request.stream():
                if writer.size + len(chunk) > limit:
                    raise lfs.LfsError(413, f"the object is larger than the limit of {limit} bytes")
                await writer.write(chunk)
            await writer.commit()
    except BlobMismatch as exc:
        raise lfs.LfsError(422, f"the upload does not match object {oid}: {exc}") from None
    await _records(request).record(project.id, oid, writer.size)
    return Response(b"", status_code=200, media_type=lfs.LFS_MEDIA_TYPE)


@get(
    _PREFIX + "/objects/{oid:str}",
    exception_handlers=_HANDLERS,
    opt=_TRANSFER_DOCS,
    include_in_schema=False,
)
async def download(
    request: _Req, owner: FromPath[str], name: FromPath[str], oid: FromPath[str]
) -> Response[Any]:
    _check_oid(oid)
    project, grant = await _transfer(request, owner, name, lfs.Operation.DOWNLOAD)
    if grant is not None and grant.oid != oid:
        raise Forbidden("this transfer token was issued for another object")
    store = _store(request)
    held = await _present(store, await _records(request).held(project.id, [oid]))
    if oid not in held:
        raise lfs.LfsError(404, "Object does not exist")
    size = held[oid]
    span = lfs.parse_range(request.headers.get("range"), size)
    start, end = span if span is not None else (0, size)
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start)}
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
    return Stream(
        store.open_reader(oid, start, end),
        status_code=206 if span is not None else 200,
        media_type="application/octet-stream",
        headers=headers,
    )


class _VerifyIn(msgspec.Struct):
    oid: str
    size: int


@post(
    _PREFIX + "/objects/verify",
    status_code=200,
    request_max_body_size=_MAX_JSON_BODY,
    exception_handlers=_HANDLERS,
    opt=_TRANSFER_DOCS,
    include_in_schema=False,
)
async def verify(request: _Req, owner: FromPath[str], name: FromPath[str]) -> Response[bytes]:
    project, grant = await _transfer(request, owner, name, lfs.Operation.UPLOAD)
    body = await _decode(request, _VerifyIn)
    _check_oid(body.oid)
    if grant is not None and grant.oid != body.oid:
        raise Forbidden("this transfer token was issued for another object")
    held = await _present(_store(request), await _records(request).held(project.id, [body.oid]))
    if body.oid not in held:
        raise lfs.LfsError(404, "Object does not exist")
    if held[body.oid] != body.size:
        raise lfs.LfsError(
            422, f"size {body.size} differs from the stored object's {held[body.oid]} bytes"
        )
    return _json({"oid": body.oid, "size": body.size})


# --- locks -------------------------------------------------------------------------------


class _LockIn(msgspec.Struct):
    path: str
    ref: lfs.RefIn | None = None


class _LockVerifyIn(msgspec.Struct):
    cursor: str | None = None
    limit: int | None = None
    ref: lfs.RefIn | None = None


class _UnlockIn(msgspec.Struct):
    force: bool = False
    ref: lfs.RefIn | None = None


def _page(cursor: str | None, limit: int | None) -> tuple[int, int]:
    if cursor and not (cursor.isdigit() and len(cursor) <= 18):
        raise lfs.LfsError(422, "cursor: use the next_cursor of the previous page")
    if limit is not None and not 1 <= limit <= _MAX_LOCKS_PAGE:
        raise lfs.LfsError(422, f"limit: must be between 1 and {_MAX_LOCKS_PAGE}")
    return int(cursor or 0), limit or 100


def _next_cursor(locks: list[lfs.Lock], limit: int) -> dict[str, str]:
    return {"next_cursor": str(locks[limit - 1].id)} if len(locks) > limit else {}


@post(
    _PREFIX + "/locks",
    status_code=201,
    request_max_body_size=_MAX_JSON_BODY,
    exception_handlers=_HANDLERS,
    opt=_LOCK_DOCS,
    include_in_schema=False,
)
async def create_lock(request: _Req, owner: FromPath[str], name: FromPath[str]) -> Response[bytes]:
    project = await load_project(request, _ref(owner, name))
    who = await _writable(request, project)
    body = await _decode(request, _LockIn)
    path = lfs.check_lock_path(body.path)
    try:
        lock = await _records(request).create_lock(
            project.id, path, who.user_id, body.ref.name if body.ref else None
        )
    except LockExists as exc:
        raise lfs.LfsError(
            409,
            f"already created lock: {path} is locked by {exc.lock.owner_name}",
            body={"lock": lfs.lock_out(exc.lock)},
        ) from None
    return _json({"lock": lfs.lock_out(lock)}, status=201)


@get(
    _PREFIX + "/locks",
    exception_handlers=_HANDLERS,
    opt=_LOCK_DOCS,
    include_in_schema=False,
)
async def list_locks(
    request: _Req,
    owner: FromPath[str],
    name: FromPath[str],
    path: Annotated[str | None, QueryParameter(max_length=4096)] = None,
    lock_id: Annotated[str | None, QueryParameter(name="id", max_length=40)] = None,
    cursor: Annotated[str | None, QueryParameter(max_length=40)] = None,
    limit: Annotated[int | None, QueryParameter()] = None,
    refspec: Annotated[str | None, QueryParameter(max_length=1024)] = None,
) -> Response[bytes]:
    _check_accept(request)
    project = await load_project(request, _ref(owner, name))
    after, size = _page(cursor, limit)
    if lock_id is not None and not (lock_id.isdigit() and len(lock_id) <= 18):
        return _json({"locks": []})
    locks = await _records(request).locks(
        project.id,
        path=path or None,
        lock_id=int(lock_id) if lock_id else None,
        after=after,
        limit=size + 1,
    )
    return _json(
        {"locks": [lfs.lock_out(lock) for lock in locks[:size]], **_next_cursor(locks, size)}
    )


@post(
    _PREFIX + "/locks/verify",
    status_code=200,
    request_max_body_size=_MAX_JSON_BODY,
    exception_handlers=_HANDLERS,
    opt=_LOCK_DOCS,
    include_in_schema=False,
)
async def verify_locks(request: _Req, owner: FromPath[str], name: FromPath[str]) -> Response[bytes]:
    project = await load_project(request, _ref(owner, name))
    who = await _writable(request, project)
    body = await _decode(request, _LockVerifyIn, optional=True)
    after, size = _page(body.cursor, body.limit)
    locks = await _records(request).locks(project.id, after=after, limit=size + 1)
    ours, theirs = lfs.partition_locks(locks[:size], who.user_id)
    return _json(
        {
            "ours": [lfs.lock_out(lock) for lock in ours],
            "theirs": [lfs.lock_out(lock) for lock in theirs],
            **_next_cursor(locks, size),
        }
    )


@post(
    _PREFIX + "/locks/{lock_id:str}/unlock",
    status_code=200,
    request_max_body_size=_MAX_JSON_BODY,
    exception_handlers=_HANDLERS,
    opt=_LOCK_DOCS,
    include_in_schema=False,
)
async def unlock(
    request: _Req, owner: FromPath[str], name: FromPath[str], lock_id: FromPath[str]
) -> Response[bytes]:
    project = await load_project(request, _ref(owner, name))
    who = await _writable(request, project)
    body = await _decode(request, _UnlockIn, optional=True)
    records = _records(request)
    lock = None
    if lock_id.isdigit() and len(lock_id) <= 18:
        lock = await records.lock(project.id, int(lock_id))
    if lock is None:
        raise lfs.LfsError(404, f"lock {lock_id[:40]} does not exist")
    may_force = Permission.PROJECT_ADMIN in await permissions_of(request, who, project.id)
    lfs.check_unlock(lock, who.user_id, force=body.force, may_force=may_force)
    if not await records.delete_lock(project.id, lock.id):
        raise lfs.LfsError(404, f"lock {lock_id} does not exist")
    return _json({"lock": lfs.lock_out(lock)})


ROUTES = [batch, upload, download, verify, create_lock, list_locks, verify_locks, unlock]
