"""Git LFS, the pure part: batch plans, grants, ranges, lock rules."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import msgspec
import pytest

from dais.errors import Forbidden, ValidationFailed
from dais.gitserver import lfs

A = hashlib.sha256(b"a").hexdigest()
B = hashlib.sha256(b"b").hexdigest()
SECRET = b"k" * 32


def _request(op: str, *objects: tuple[str, int], **extra: object) -> lfs.BatchRequest:
    body = {"operation": op, "objects": [{"oid": o, "size": s} for o, s in objects]}
    return msgspec.convert(body | extra, lfs.BatchRequest)


def _action(kind: str, oid: str, size: int) -> lfs.Action:
    return lfs.Action(href=f"https://x/{kind}/{oid}", header={"A": "b"}, expires_in=60)


def _plan(request: lfs.BatchRequest, held: dict[str, int], max_size: int = 100) -> list[dict]:
    operation = lfs.check_batch(request)
    planned = lfs.plan_batch(request, operation, held=held, max_size=max_size, action=_action)
    encoded = msgspec.to_builtins(planned)
    assert encoded["transfer"] == "basic" and encoded["hash_algo"] == "sha256"
    objects: list[dict] = encoded["objects"]
    return objects


def test_upload_plan() -> None:
    objects = _plan(
        _request("upload", (A, 1), (B, 1), ("NOT-AN-OID", 1), (B.upper(), 1), (A, -1), (B, 101)),
        held={A: 1},
    )
    # Held already: no actions at all, so the client skips it.
    assert objects[0] == {"oid": A, "size": 1}
    assert objects[1]["actions"]["upload"]["href"] == f"https://x/upload/{B}"
    assert objects[1]["actions"]["verify"]["href"] == f"https://x/verify/{B}"
    assert objects[1]["authenticated"] is True and "error" not in objects[1]
    assert [o["error"]["code"] for o in objects[2:]] == [422, 422, 422, 413]
    assert all("actions" not in o for o in objects[2:])


def test_upload_of_a_held_object_with_another_size_is_refused() -> None:
    (obj,) = _plan(_request("upload", (A, 2)), held={A: 1})
    assert obj["error"]["code"] == 422 and "differs" in obj["error"]["message"]


def test_download_plan() -> None:
    objects = _plan(_request("download", (A, 999), (B, 1)), held={A: 1})
    # The stored size wins over what the client believes.
    assert objects[0]["size"] == 1
    assert objects[0]["actions"] == {
        "download": {"href": f"https://x/download/{A}", "header": {"A": "b"}, "expires_in": 60}
    }
    assert objects[1]["error"] == {"code": 404, "message": "Object does not exist"}


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({"operation": "delete"}, 422),
        ({"transfers": ["tus"]}, 422),
        ({"hash_algo": "sha512"}, 409),
    ],
)
def test_requests_refused_whole(extra: dict[str, object], status: int) -> None:
    request = _request("upload", (A, 1), **extra)
    with pytest.raises(lfs.LfsError) as caught:
        lfs.check_batch(request)
    assert caught.value.status == status


def test_accepted_variants_and_too_many_objects() -> None:
    ok = _request(
        "download", (A, 1), transfers=["lfs-standalone-file", "basic"], hash_algo="sha256"
    )
    assert lfs.check_batch(ok) is lfs.Operation.DOWNLOAD
    many = _request("download", *[(A, 1)] * (lfs.MAX_BATCH_OBJECTS + 1))
    with pytest.raises(lfs.LfsError) as caught:
        lfs.check_batch(many)
    assert caught.value.status == 413


def test_grants_round_trip_and_refuse_tampering() -> None:
    grant = lfs.Grant(7, lfs.Operation.UPLOAD, A, 12, expires=2_000)
    token = lfs.sign_grant(SECRET, grant)
    assert token.startswith(lfs.GRANT_PREFIX)
    assert lfs.verify_grant(SECRET, token, now=1_999) == grant
    for bad, now in (
        (token, 2_001),  # expired
        (lfs.sign_grant(b"other" * 8, grant), 0),  # another process's key
        (token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"), 0),  # signature
        (lfs.GRANT_PREFIX + "!!!.???", 0),
        ("Basic abc", 0),
    ):
        with pytest.raises(lfs.LfsError) as caught:
            lfs.verify_grant(SECRET, bad, now=now)
        assert caught.value.status == 401
    # A payload from another grant under this grant's signature does not verify.
    other = lfs.sign_grant(SECRET, lfs.Grant(8, lfs.Operation.UPLOAD, A, 12, expires=2_000))
    spliced = other.rsplit(".", 1)[0] + "." + token.rsplit(".", 1)[1]
    with pytest.raises(lfs.LfsError):
        lfs.verify_grant(SECRET, spliced, now=0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-9", (0, 10)),
        ("bytes=5-", (5, 100)),
        ("bytes=90-200", (90, 100)),
        ("bytes=-10", (90, 100)),
        ("bytes=-500", (0, 100)),
        ("bytes=0-1,5-6", None),  # several ranges: answered whole
    ],
)
def test_ranges(header: str | None, expected: tuple[int, int] | None) -> None:
    assert lfs.parse_range(header, 100) == expected


@pytest.mark.parametrize(
    "header", ["bytes=100-", "bytes=9-5", "bytes=-0", "bytes=-", "items=0-1", "bytes=a-b", "0-5"]
)
def test_bad_ranges(header: str) -> None:
    with pytest.raises(lfs.LfsError) as caught:
        lfs.parse_range(header, 100)
    assert caught.value.status == 416
    assert caught.value.headers == {"Content-Range": "bytes */100"}


def _lock(owner_id: int) -> lfs.Lock:
    return lfs.Lock(1, 1, "a.bin", owner_id, f"user{owner_id}", datetime.now(UTC), None)


def test_lock_rules() -> None:
    ours, theirs = lfs.partition_locks([_lock(1), _lock(2), _lock(1)], user_id=1)
    assert [x.owner_id for x in ours] == [1, 1] and [x.owner_id for x in theirs] == [2]
    lfs.check_unlock(_lock(1), 1, force=False, may_force=False)
    lfs.check_unlock(_lock(2), 1, force=True, may_force=True)
    with pytest.raises(Forbidden, match="locked by user2"):
        lfs.check_unlock(_lock(2), 1, force=False, may_force=True)
    with pytest.raises(Forbidden, match="project:admin"):
        lfs.check_unlock(_lock(2), 1, force=True, may_force=False)
    out = msgspec.to_builtins(lfs.lock_out(_lock(2)))
    assert out["id"] == "1" and out["owner"] == {"name": "user2"} and out["path"] == "a.bin"
    assert datetime.fromisoformat(out["locked_at"]).tzinfo is not None


def test_lock_paths() -> None:
    assert lfs.check_lock_path("dir/file.psd") == "dir/file.psd"
    for bad in ("", "a\nb", "x" * 4097, "nul\x00"):
        with pytest.raises(ValidationFailed):
            lfs.check_lock_path(bad)
