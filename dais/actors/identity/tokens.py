"""Secrets handed to clients: API tokens and session ids. Pure functions.

An API token reads ``dais_pat_`` + 30 base62 characters of randomness (178 bits) + a
6-character base62 CRC-32 of that randomness, so secret scanners can recognise a token and
reject a mistyped one without a database lookup (the scheme GitHub's tokens use).
Only the SHA-256 of a secret is stored; the plaintext is shown once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import zlib

__all__ = [
    "TOKEN_PREFIX",
    "hash_secret",
    "new_session_secret",
    "new_token",
    "token_checksum_ok",
]

TOKEN_PREFIX = "dais_pat_"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_RANDOM_CHARS = 30  # 30 * log2(62) = 178.6 bits
_CHECK_CHARS = 6  # 62**6 > 2**32
TOKEN_LENGTH = len(TOKEN_PREFIX) + _RANDOM_CHARS + _CHECK_CHARS
_SHAPE = re.compile(f"{TOKEN_PREFIX}[0-9A-Za-z]{{{_RANDOM_CHARS + _CHECK_CHARS}}}")


def _base62(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 62)
        out.append(_ALPHABET[r])
    return "".join(reversed(out))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), _CHECK_CHARS)


def new_token() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_RANDOM_CHARS))
    return f"{TOKEN_PREFIX}{body}{_checksum(body)}"


def token_checksum_ok(token: str) -> bool:
    """True if ``token`` has the shape of a dais token and its checksum matches."""
    if not _SHAPE.fullmatch(token):
        return False
    rest = token[len(TOKEN_PREFIX) :]
    body, check = rest[:_RANDOM_CHARS], rest[_RANDOM_CHARS:]
    return secrets.compare_digest(_checksum(body), check)


def new_session_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> bytes:
    """SHA-256: enough for high-entropy secrets (no password stretching needed)."""
    return hashlib.sha256(secret.encode()).digest()
