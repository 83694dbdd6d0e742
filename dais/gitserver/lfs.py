"""Git LFS, the pure part: batch planning, transfer grants, byte ranges and lock rules.

The wire formats follow the Git LFS API documents (github.com/git-lfs/git-lfs,
``docs/api/batch.md``, ``basic-transfers.md`` and ``locking.md``); the HTTP handlers are in
:mod:`dais.gitserver.lfs_routes`, the rows in :mod:`dais.gitserver.lfs_records`.

A transfer *grant* is what the batch endpoint hands out with each ``upload``, ``verify``
and ``download`` action: a short-lived token, signed with HMAC-SHA256, naming the project,
the operation, the object and its size. git-lfs sends it back as the ``Authorization``
header of the transfer, so the transfer needs no second sign-in and a token minted for one
object cannot move another.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs
import msgspec

from dais.errors import Forbidden, ValidationFailed
from dais.runtime import DomainError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "ACTION_TTL",
    "GRANT_PREFIX",
    "LFS_MAX_OBJECT_SIZE",
    "LFS_MEDIA_TYPE",
    "MAX_BATCH_OBJECTS",
    "Action",
    "BatchRequest",
    "BatchResponse",
    "Grant",
    "LfsError",
    "Lock",
    "Operation",
    "check_batch",
    "check_lock_path",
    "check_unlock",
    "is_oid",
    "lock_out",
    "parse_range",
    "partition_locks",
    "plan_batch",
    "sign_grant",
    "verify_grant",
]

LFS_MEDIA_TYPE = "application/vnd.git-lfs+json"
# The default of DAIS_LFS_MAX_OBJECT_SIZE (the routes read the setting).
LFS_MAX_OBJECT_SIZE = 5 * 1024**3
# More objects than this in one batch request is a 413 (git-lfs sends 100 at a time).
MAX_BATCH_OBJECTS = 1000
# How long a transfer grant stays valid, in seconds. It is checked when a transfer starts,
# so a slow upload of a large object is not cut off half way.
ACTION_TTL = 300  # short: a removed member or revoked token loses access soon
GRANT_PREFIX = "dais-lfs."

_OID = re.compile(r"[0-9a-f]{64}")


class Operation(enum.StrEnum):
    UPLOAD = "upload"
    DOWNLOAD = "download"


class LfsError(DomainError):
    """An error the LFS endpoints answer with ``{message, request_id, documentation_url}``
    and the given status; ``body`` adds fields (a lock conflict carries the lock)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        body: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.body = dict(body or {})
        self.headers = dict(headers or {})


def is_oid(value: str) -> bool:
    """Whether ``value`` is an LFS object id: a sha256 in lowercase hex."""
    return _OID.fullmatch(value) is not None


# --- the batch API -----------------------------------------------------------------------


class RefIn(msgspec.Struct):
    name: str


class ObjectIn(msgspec.Struct):
    oid: str
    size: int


class BatchRequest(msgspec.Struct):
    operation: str
    objects: list[ObjectIn]
    transfers: list[str] | None = None
    ref: RefIn | None = None
    hash_algo: str | None = None


class Action(msgspec.Struct, omit_defaults=True):
    href: str
    header: dict[str, str] | None = None
    expires_in: int | None = None


class Actions(msgspec.Struct, omit_defaults=True):
    download: Action | None = None
    upload: Action | None = None
    verify: Action | None = None


class ObjectError(msgspec.Struct):
    code: int
    message: str


class ObjectOut(msgspec.Struct, omit_defaults=True):
    oid: str
    size: int
    authenticated: bool | None = None
    actions: Actions | None = None
    error: ObjectError | None = None


class BatchResponse(msgspec.Struct):
    transfer: str
    objects: list[ObjectOut]
    hash_algo: str = "sha256"


def check_batch(request: BatchRequest) -> Operation:
    """The request's operation, if dais can serve the request as a whole.

    :raises LfsError: 422 for an unknown operation or no transfer adapter in common, 409 for
        a hash algorithm other than sha256, 413 for too many objects.
    """
    try:
        operation = Operation(request.operation)
    except ValueError:
        raise LfsError(
            422, f"operation must be 'upload' or 'download', not {request.operation[:40]!r}"
        ) from None
    if request.transfers is not None and "basic" not in request.transfers:
        raise LfsError(422, "transfers: dais supports only the 'basic' transfer adapter")
    if request.hash_algo is not None and request.hash_algo != "sha256":
        # batch.md: 409 when the hash algorithm disagrees with the server's.
        raise LfsError(409, f"hash_algo: dais names objects by sha256, not {request.hash_algo!r}")
    if len(request.objects) > MAX_BATCH_OBJECTS:
        raise LfsError(
            413, f"objects: at most {MAX_BATCH_OBJECTS} per request, got {len(request.objects)}"
        )
    return operation


def plan_batch(
    request: BatchRequest,
    operation: Operation,
    *,
    held: Mapping[str, int],
    max_size: int,
    action: Callable[[str, str, int], Action],
) -> BatchResponse:
    """The batch response: per object, the actions to take or an error.

    ``held`` maps the objects this project already has to their sizes; ``action(kind, oid,
    size)`` builds the ``upload``, ``verify`` or ``download`` action for an object.
    """
    out: list[ObjectOut] = []
    for obj in request.objects:
        error = _object_error(obj, operation, held, max_size)
        if error is not None:
            out.append(ObjectOut(oid=obj.oid, size=obj.size, error=error))
        elif operation is Operation.DOWNLOAD:
            size = held[obj.oid]
            out.append(
                ObjectOut(
                    oid=obj.oid,
                    size=size,
                    authenticated=True,
                    actions=Actions(download=action("download", obj.oid, size)),
                )
            )
        elif obj.oid in held:
            # batch.md: the server has it; omit `actions` and the client skips the upload.
            out.append(ObjectOut(oid=obj.oid, size=obj.size))
        else:
            out.append(
                ObjectOut(
                    oid=obj.oid,
                    size=obj.size,
                    authenticated=True,
                    actions=Actions(
                        upload=action("upload", obj.oid, obj.size),
                        verify=action("verify", obj.oid, obj.size),
                    ),
                )
            )
    return BatchResponse(transfer="basic", objects=out)


def _object_error(
    obj: ObjectIn, operation: Operation, held: Mapping[str, int], max_size: int
) -> ObjectError | None:
    if not is_oid(obj.oid):
        return ObjectError(422, "oid must be a sha256: 64 lowercase hexadecimal digits")
    if obj.size < 0:
        return ObjectError(422, "size must be at least 0")
    if operation is Operation.DOWNLOAD:
        if obj.oid not in held:
            return ObjectError(404, "Object does not exist")
        return None
    if obj.size > max_size:
        return ObjectError(413, f"size {obj.size} is over the limit of {max_size} bytes")
    if obj.oid in held and held[obj.oid] != obj.size:
        return ObjectError(
            422, f"size {obj.size} differs from the stored object's {held[obj.oid]} bytes"
        )
    return None


# --- transfer grants ---------------------------------------------------------------------


@attrs.frozen
class Grant:
    """Permission to transfer one object of one project until ``expires`` (Unix time)."""

    project_id: int
    operation: Operation
    oid: str
    size: int
    expires: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_grant(secret: bytes, grant: Grant) -> str:
    payload = (
        f"1:{grant.project_id}:{grant.operation.value}:{grant.oid}:{grant.size}:{grant.expires}"
    ).encode()
    mac = hmac.new(secret, payload, hashlib.sha256).digest()
    return f"{GRANT_PREFIX}{_b64(payload)}.{_b64(mac)}"


def verify_grant(secret: bytes, token: str, now: float) -> Grant:
    """The grant ``token`` carries, if its signature holds and it has not expired.

    :raises LfsError: 401 otherwise.
    """
    if not token.startswith(GRANT_PREFIX):
        raise LfsError(401, "not an LFS transfer token")
    payload_b64, _, mac_b64 = token.removeprefix(GRANT_PREFIX).partition(".")
    try:
        payload, mac = _unb64(payload_b64), _unb64(mac_b64)
    except (binascii.Error, ValueError):
        raise LfsError(401, "the LFS transfer token is malformed") from None
    expected = hmac.new(secret, payload, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, expected):
        raise LfsError(
            401, "the LFS transfer token is not valid here (it may come from a restarted server)"
        )
    version, project_id, operation, oid, size, expires = payload.decode().split(":")
    grant = Grant(int(project_id), Operation(operation), oid, int(size), int(expires))
    if version != "1" or grant.expires < now:
        raise LfsError(401, "the LFS transfer token has expired; run the command again")
    return grant


# --- byte ranges -------------------------------------------------------------------------

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The byte range ``[start, end)`` a ``Range`` header asks for, or None for all of it.

    Supports one range (``a-b``, ``a-``, ``-n``), which is what git-lfs sends to resume a
    download; a request for several ranges is answered whole, as RFC 9110 §14.2 allows.

    :raises LfsError: 416 for a malformed or unsatisfiable range.
    """
    if header is None:
        return None
    spec = header.strip()
    if "," in spec and spec.lower().startswith("bytes="):
        return None
    m = _RANGE.fullmatch(spec)
    if m is None or (not m[1] and not m[2]):
        raise LfsError(
            416,
            "Range must be bytes=start-end, bytes=start- or bytes=-length",
            headers={"Content-Range": f"bytes */{size}"},
        )
    if not m[1]:  # the last n bytes
        length = int(m[2])
        if length == 0 or size == 0:
            raise _unsatisfiable(spec, size)
        return max(0, size - length), size
    start = int(m[1])
    end = int(m[2]) + 1 if m[2] else size
    if start >= size or end <= start:
        raise _unsatisfiable(spec, size)
    return start, min(end, size)


def _unsatisfiable(spec: str, size: int) -> LfsError:
    return LfsError(
        416,
        f"the range {spec} is not satisfiable for an object of {size} bytes",
        headers={"Content-Range": f"bytes */{size}"},
    )


# --- locks -------------------------------------------------------------------------------


@attrs.frozen
class Lock:
    id: int
    project_id: int
    path: str
    owner_id: int
    owner_name: str
    locked_at: datetime
    ref: str | None


class LockOwner(msgspec.Struct):
    name: str


class LockOut(msgspec.Struct):
    id: str
    path: str
    locked_at: str
    owner: LockOwner


def lock_out(lock: Lock) -> LockOut:
    return LockOut(
        id=str(lock.id),
        path=lock.path,
        locked_at=lock.locked_at.isoformat(),
        owner=LockOwner(lock.owner_name),
    )


def check_lock_path(path: str) -> str:
    """A lockable path: relative to the repository's root, as git-lfs sends it.

    :raises ValidationFailed: for an empty, overlong or control-character path.
    """
    if not path or len(path) > 4096:
        raise ValidationFailed("path", "must be 1 to 4096 characters long")
    if any(ord(c) < 0x20 or c == "\x7f" for c in path):
        raise ValidationFailed("path", "must not contain control characters")
    return path


def partition_locks(locks: Iterable[Lock], user_id: int) -> tuple[list[Lock], list[Lock]]:
    """``(ours, theirs)`` for the lock verification git-lfs runs before a push: a push that
    changes a file under one of *theirs* is halted."""
    ours: list[Lock] = []
    theirs: list[Lock] = []
    for lock in locks:
        (ours if lock.owner_id == user_id else theirs).append(lock)
    return ours, theirs


def check_unlock(lock: Lock, user_id: int, *, force: bool, may_force: bool) -> None:
    """Whether ``user_id`` may remove ``lock``: their own, always; another user's only with
    ``force`` and the project:admin permission (``may_force``).

    :raises Forbidden: otherwise.
    """
    if lock.owner_id == user_id:
        return
    if not force:
        raise Forbidden(
            f"{lock.path} is locked by {lock.owner_name}; a maintainer can remove the lock "
            "with force (git lfs unlock --force)"
        )
    if not may_force:
        raise Forbidden("removing another user's lock needs the project:admin permission")
