"""Envelope encryption: values come back intact, and only where they were sealed."""

from __future__ import annotations

import base64
from typing import TypedDict

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dais.actors.secrets.envelope import (
    KeyUnavailable,
    MasterKey,
    Sealed,
    Undecryptable,
    open_sealed,
    rewrap,
    seal,
)

MASTER = MasterKey.generate()
KEYS = {MASTER.key_id: MASTER}


class _Where(TypedDict):
    scope: str
    name: str
    version: int


WHERE: _Where = {"scope": "project:7", "name": "DEPLOY_TOKEN", "version": 3}
VALUE = b"ghp_" + b"s3cr3t-value-" * 8


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_round_trip() -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    assert sealed.key_id == MASTER.key_id
    assert len(sealed.nonce) == 12
    assert len(sealed.wrapped_key) == 12 + 32 + 16
    assert open_sealed(KEYS, sealed, **WHERE) == VALUE
    assert open_sealed(KEYS, seal(MASTER, b"", **WHERE), **WHERE) == b""


def test_each_seal_draws_a_new_data_key_and_nonce() -> None:
    first, second = seal(MASTER, VALUE, **WHERE), seal(MASTER, VALUE, **WHERE)
    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext
    assert first.wrapped_key[:12] != second.wrapped_key[:12]  # the wrap's own nonce
    assert first.wrapped_key[12:] != second.wrapped_key[12:]  # and a different data key


def test_nothing_stored_reveals_the_value_or_the_master_key() -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    stored = sealed.key_id.encode() + sealed.wrapped_key + sealed.nonce + sealed.ciphertext
    # No 6-byte run of the value (or of the master key) survives anywhere in the row.
    for secret in (VALUE, MASTER.key):
        assert not any(secret[i : i + 6] in stored for i in range(len(secret) - 5))
    assert MASTER.key.hex() not in repr(MASTER) and str(MASTER.key) not in repr(MASTER)


@pytest.mark.parametrize("field", ["ciphertext", "nonce", "wrapped_key"])
def test_any_altered_byte_is_refused(field: str) -> None:
    sealed = seal(MASTER, b"a short value", **WHERE)
    original: bytes = getattr(sealed, field)
    altered = [_flip(original, index) for index in range(len(original))]
    for stored in [*altered, original[:-1], original + b"\0", b""]:
        row = Sealed(**(attrs.asdict(sealed) | {field: stored}))
        with pytest.raises(Undecryptable):
            open_sealed(KEYS, row, **WHERE)


@pytest.mark.parametrize(
    ("scope", "name", "version"),
    [
        ("project:8", "DEPLOY_TOKEN", 3),
        ("project:7", "DEPLOY_TOKEN_2", 3),
        ("project:7", "DEPLOY_TOKEN", 4),
        ("project:7", "DEPLOY_TOKEN", 2),
    ],
)
def test_a_row_moved_elsewhere_is_refused(scope: str, name: str, version: int) -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    with pytest.raises(Undecryptable) as caught:
        open_sealed(KEYS, sealed, scope=scope, name=name, version=version)
    assert "DEPLOY_TOKEN" in str(caught.value) and VALUE.decode() not in str(caught.value)


def test_field_boundaries_are_bound_too() -> None:
    sealed = seal(MASTER, VALUE, scope="a", name="bc", version=1)
    with pytest.raises(Undecryptable):
        open_sealed(KEYS, sealed, scope="ab", name="c", version=1)
    sealed = seal(MASTER, VALUE, scope="s", name="n1", version=1)
    with pytest.raises(Undecryptable):
        open_sealed(KEYS, sealed, scope="s", name="n", version=11)


def test_an_unknown_master_key_is_named() -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    other = MasterKey.generate()
    with pytest.raises(KeyUnavailable, match=MASTER.key_id) as caught:
        open_sealed({other.key_id: other}, sealed, **WHERE)
    assert caught.value.key_id == MASTER.key_id
    # Claiming another configured key's id does not get the row opened either.
    with pytest.raises(Undecryptable):
        open_sealed({other.key_id: other}, attrs.evolve(sealed, key_id=other.key_id), **WHERE)


def test_rewrap_moves_the_row_to_the_new_key_without_touching_the_value() -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    new = MasterKey.generate()
    rewrapped = rewrap(KEYS, new, sealed, **WHERE)
    assert rewrapped.key_id == new.key_id
    assert rewrapped.ciphertext == sealed.ciphertext
    assert rewrapped.nonce == sealed.nonce
    assert rewrapped.wrapped_key != sealed.wrapped_key
    assert open_sealed({new.key_id: new}, rewrapped, **WHERE) == VALUE
    with pytest.raises(KeyUnavailable):
        open_sealed(KEYS, rewrapped, **WHERE)
    # A rotation that runs again over a row it already moved still works.
    again = rewrap(KEYS, new, rewrapped, **WHERE)
    assert open_sealed({new.key_id: new}, again, **WHERE) == VALUE


def test_rewrap_refuses_what_open_would_refuse() -> None:
    sealed = seal(MASTER, VALUE, **WHERE)
    new = MasterKey.generate()
    with pytest.raises(KeyUnavailable):
        rewrap({}, new, sealed, **WHERE)
    with pytest.raises(Undecryptable):
        rewrap(KEYS, new, attrs.evolve(sealed, wrapped_key=_flip(sealed.wrapped_key, 20)), **WHERE)
    with pytest.raises(Undecryptable):
        rewrap(KEYS, new, sealed, scope="project:7", name="DEPLOY_TOKEN", version=4)


def test_master_key_text_round_trip_and_forms() -> None:
    raw = bytes(range(200, 232))  # both '+' and '/' in standard base64, '-' and '_' URL-safe
    standard = base64.b64encode(raw).decode()
    urlsafe = base64.urlsafe_b64encode(raw).decode()
    assert "+" in standard and "/" in standard
    key = MasterKey.from_bytes(raw)
    assert key.to_text() == standard
    for text in (standard, standard.rstrip("="), urlsafe, urlsafe.rstrip("="), f" {standard}\n"):
        assert MasterKey.from_text(text) == key
    generated = MasterKey.generate()
    assert MasterKey.from_text(generated.to_text()) == generated
    assert len(generated.key_id) == 8 and generated.key_id != MasterKey.generate().key_id


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (base64.b64encode(bytes(16)).decode(), "must be base64 of 32 bytes, got 16 bytes"),
        (base64.b64encode(bytes(33)).decode(), "must be base64 of 32 bytes, got 33 bytes"),
        ("", "must be base64 of 32 bytes, got 0 bytes"),
        ("not base64 at all!", "is not base64"),
        ("A" * 42 + "é=", "is not base64"),
        ("A" * 41, "is not base64"),  # 41 characters cannot end a base64 text
    ],
)
def test_master_key_text_errors_name_the_problem(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem) as caught:
        MasterKey.from_text(text)
    assert "\n" not in str(caught.value)


def test_master_key_must_be_32_bytes() -> None:
    with pytest.raises(ValueError, match="32 bytes, got 31"):
        MasterKey.from_bytes(bytes(31))


@settings(max_examples=200, deadline=None)
@given(
    value=st.binary(max_size=2048),
    scope=st.text(max_size=40),
    name=st.text(max_size=40),
    version=st.integers(min_value=0, max_value=2**63),
)
def test_any_value_round_trips_and_stays_put(
    value: bytes, scope: str, name: str, version: int
) -> None:
    sealed = seal(MASTER, value, scope=scope, name=name, version=version)
    assert isinstance(sealed, Sealed)
    assert open_sealed(KEYS, sealed, scope=scope, name=name, version=version) == value
    with pytest.raises(Undecryptable):
        open_sealed(KEYS, sealed, scope=scope + "x", name=name, version=version)
    with pytest.raises(Undecryptable):
        open_sealed(KEYS, sealed, scope=scope, name=name, version=version + 1)
