from __future__ import annotations

import re

from dais.actors.identity.tokens import (
    TOKEN_LENGTH,
    hash_secret,
    new_session_secret,
    new_token,
    token_checksum_ok,
)


def test_token_shape_and_checksum() -> None:
    token = new_token()
    assert re.fullmatch(r"dais_pat_[0-9A-Za-z]{36}", token)
    assert len(token) == TOKEN_LENGTH
    assert token_checksum_ok(token)
    assert new_token() != token


def test_checksum_catches_a_typo() -> None:
    token = new_token()
    body = token[9]
    typo = token[:9] + ("A" if body != "A" else "B") + token[10:]
    assert not token_checksum_ok(typo)
    assert not token_checksum_ok(token[:-1])
    assert not token_checksum_ok("ghp_" + token[4:])
    assert not token_checksum_ok(token[:-1] + "!")
    assert not token_checksum_ok("")


def test_secrets_are_hashed() -> None:
    secret = new_session_secret()
    assert len(secret) >= 43
    assert hash_secret(secret) == hash_secret(secret)
    assert len(hash_secret(secret)) == 32
