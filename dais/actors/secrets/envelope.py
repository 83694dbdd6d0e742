"""Envelope encryption of secret values with AES-256-GCM.

Each value is encrypted under its own random data key; the data key is stored beside it,
wrapped (encrypted) under a master key that never leaves the server's configuration. Both
encryptions carry associated data binding the value to its scope, name and version, so a
row copied to another secret, another scope or another version no longer opens. Rotating
the master key rewraps the small data keys row by row and never touches the values.

Pure and I/O-free: storage, configuration and the actor build on these functions.
"""

from __future__ import annotations

import base64
import hashlib
import os
from typing import TYPE_CHECKING

import attrs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "KEY_SIZE",
    "NONCE_SIZE",
    "KeyUnavailable",
    "MasterKey",
    "Sealed",
    "Undecryptable",
    "open_sealed",
    "rewrap",
    "seal",
]

#: Bytes in a master key and in a data key (AES-256).
KEY_SIZE = 32
#: Bytes in an AES-GCM nonce: the 96 bits GCM is designed for (NIST SP 800-38D, 5.2.1.1).
NONCE_SIZE = 12
_TAG_SIZE = 16
_WRAPPED_SIZE = NONCE_SIZE + KEY_SIZE + _TAG_SIZE

# What each encryption protects, so a wrapped data key and a value ciphertext can never be
# taken for one another even if both were ever under the same key.
_VALUE = b"dais/secret-value/v1"
_DATA_KEY = b"dais/secret-data-key/v1"

_URLSAFE_TO_STANDARD = str.maketrans("-_", "+/")


class KeyUnavailable(Exception):
    """The master key that wrapped a value is not configured (say, an old key removed
    before a rotation finished), so the value cannot be opened."""

    def __init__(self, key_id: str) -> None:
        super().__init__(f"master key {key_id!r} is not available")
        self.key_id = key_id


class Undecryptable(Exception):
    """A stored value failed authentication: it was tampered with, or it is opened as a
    scope, name or version other than the one it was sealed for."""

    def __init__(self, scope: str, name: str, version: int) -> None:
        super().__init__(
            f"secret {name!r} version {version} in {scope!r} cannot be decrypted: it was "
            "altered or sealed for another scope, name or version"
        )
        self.scope = scope
        self.name = name
        self.version = version


def _check_key_size(_: object, __: attrs.Attribute[bytes], key: bytes) -> None:
    if len(key) != KEY_SIZE:
        raise ValueError(f"master key must be {KEY_SIZE} bytes, got {len(key)}")


@attrs.frozen
class MasterKey:
    """A key-encryption key: it wraps data keys and never encrypts a value itself.

    ``key_id`` is stored beside every data key it wraps, so rows wrapped by an old and a new
    key can both be opened while a rotation runs. The raw key stays out of ``repr``.
    """

    key_id: str
    key: bytes = attrs.field(repr=False, validator=_check_key_size)

    @classmethod
    def from_bytes(cls, raw: bytes) -> MasterKey:
        """The key ``raw``, identified by the first 8 hex digits of its SHA-256.

        :raises ValueError: ``raw`` is not 32 bytes.
        """
        return cls(key_id=hashlib.sha256(raw).hexdigest()[:8], key=raw)

    @classmethod
    def generate(cls) -> MasterKey:
        """A new random key, from the operating system's CSPRNG."""
        return cls.from_bytes(os.urandom(KEY_SIZE))

    @classmethod
    def from_text(cls, text: str) -> MasterKey:
        """The key written as base64 (standard or URL-safe, padding optional), as
        :meth:`to_text` or ``openssl rand -base64 32`` writes it; surrounding whitespace
        is ignored.

        :raises ValueError: ``text`` is not base64, or does not decode to 32 bytes.
        """
        compact = text.strip().rstrip("=")
        padded = compact.translate(_URLSAFE_TO_STANDARD) + "=" * (-len(compact) % 4)
        try:
            raw = base64.b64decode(padded, validate=True)
        except ValueError as exc:  # binascii.Error, or a non-ASCII character
            raise ValueError(f"master key is not base64: {exc}") from None
        if len(raw) != KEY_SIZE:
            raise ValueError(f"master key must be base64 of {KEY_SIZE} bytes, got {len(raw)} bytes")
        return cls.from_bytes(raw)

    def to_text(self) -> str:
        """The key as padded standard base64 (44 characters), what :meth:`from_text` reads."""
        return base64.b64encode(self.key).decode("ascii")


@attrs.frozen
class Sealed:
    """What is stored for one version of a secret; nothing in it reveals the value."""

    #: The master key that wrapped the data key.
    key_id: str
    #: A fresh nonce followed by AES-GCM(master key, data key).
    wrapped_key: bytes
    #: The nonce of the value's encryption.
    nonce: bytes
    #: AES-GCM(data key, value), its 16-byte tag at the end.
    ciphertext: bytes


def _associated_data(purpose: bytes, scope: str, name: str, version: int) -> bytes:
    """Length-prefixed fields, so that no two different (scope, name, version) encode alike:
    ``("a", "bc")`` and ``("ab", "c")`` differ."""
    fields = (purpose, scope.encode(), name.encode(), b"%d" % version)
    return b"".join(len(field).to_bytes(4, "big") + field for field in fields)


def _wrap(master: MasterKey, data_key: bytes, associated_data: bytes) -> bytes:
    # A random nonce per wrap: under one master key, stay below 2**32 wraps (NIST SP
    # 800-38D, 8.3); a rotation well before that resets the count.
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(master.key).encrypt(nonce, data_key, associated_data)


def _unwrap(master: MasterKey | None, sealed: Sealed, scope: str, name: str, version: int) -> bytes:
    if master is None:
        raise KeyUnavailable(sealed.key_id)
    wrapped = sealed.wrapped_key
    if len(wrapped) != _WRAPPED_SIZE:
        raise Undecryptable(scope, name, version)
    associated_data = _associated_data(_DATA_KEY, scope, name, version)
    try:
        return AESGCM(master.key).decrypt(
            wrapped[:NONCE_SIZE], wrapped[NONCE_SIZE:], associated_data
        )
    except InvalidTag as exc:
        raise Undecryptable(scope, name, version) from exc


def seal(master: MasterKey, plaintext: bytes, *, scope: str, name: str, version: int) -> Sealed:
    """Encrypt ``plaintext`` as version ``version`` of secret ``name`` in ``scope``.

    Every call draws a new data key and new nonces, so sealing the same value twice gives
    unrelated rows.
    """
    data_key = os.urandom(KEY_SIZE)
    nonce = os.urandom(NONCE_SIZE)
    ciphertext = AESGCM(data_key).encrypt(
        nonce, plaintext, _associated_data(_VALUE, scope, name, version)
    )
    wrapped = _wrap(master, data_key, _associated_data(_DATA_KEY, scope, name, version))
    return Sealed(key_id=master.key_id, wrapped_key=wrapped, nonce=nonce, ciphertext=ciphertext)


def open_sealed(
    keys: Mapping[str, MasterKey], sealed: Sealed, *, scope: str, name: str, version: int
) -> bytes:
    """The value sealed as version ``version`` of ``name`` in ``scope``, checked intact.

    ``keys`` maps key ids to the master keys configured now.

    :raises KeyUnavailable: no key in ``keys`` has ``sealed.key_id``.
    :raises Undecryptable: the row was altered, or was sealed for another scope, name or
        version.
    """
    data_key = _unwrap(keys.get(sealed.key_id), sealed, scope, name, version)
    if len(sealed.nonce) != NONCE_SIZE:
        raise Undecryptable(scope, name, version)
    associated_data = _associated_data(_VALUE, scope, name, version)
    try:
        return AESGCM(data_key).decrypt(sealed.nonce, sealed.ciphertext, associated_data)
    except InvalidTag as exc:
        raise Undecryptable(scope, name, version) from exc


def rewrap(
    old_keys: Mapping[str, MasterKey],
    new: MasterKey,
    sealed: Sealed,
    *,
    scope: str,
    name: str,
    version: int,
) -> Sealed:
    """``sealed`` with its data key wrapped under ``new`` instead: what a master key
    rotation does to each row.

    The value's ciphertext and nonce are kept as they are and the value is never decrypted,
    so its integrity is checked only when it is opened; the wrapped data key is checked
    here. A row already wrapped by ``new`` is rewrapped too (with a fresh nonce), so an
    interrupted rotation can simply run again.

    :raises KeyUnavailable: ``sealed.key_id`` is neither in ``old_keys`` nor ``new``'s.
    :raises Undecryptable: the wrapped data key was altered, or belongs to another scope,
        name or version.
    """
    master = new if sealed.key_id == new.key_id else old_keys.get(sealed.key_id)
    data_key = _unwrap(master, sealed, scope, name, version)
    wrapped = _wrap(new, data_key, _associated_data(_DATA_KEY, scope, name, version))
    return attrs.evolve(sealed, key_id=new.key_id, wrapped_key=wrapped)
