"""Password hashing: argon2id at a deliberate cost, off the event loop, rehashed on change."""

from __future__ import annotations

import time

from argon2 import PasswordHasher

from dais.actors.identity import passwords


async def test_hashes_are_argon2id_with_the_rfc_9106_low_memory_profile() -> None:
    hashed = await passwords.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert not passwords.needs_rehash(hashed)


async def test_verify_accepts_the_password_and_nothing_else() -> None:
    hashed = await passwords.hash_password("correct horse battery")
    assert await passwords.verify_password(hashed, "correct horse battery")
    assert not await passwords.verify_password(hashed, "correct horse batterY")
    assert not await passwords.verify_password(hashed, "")
    assert not await passwords.verify_password("not a hash", "correct horse battery")


async def test_an_account_without_a_password_costs_what_a_wrong_password_costs() -> None:
    hashed = await passwords.hash_password("correct horse battery")
    started = time.perf_counter()
    assert not await passwords.verify_password(hashed, "wrong")
    miss = time.perf_counter() - started
    started = time.perf_counter()
    assert not await passwords.verify_password(None, "anything at all")
    absent = time.perf_counter() - started
    assert absent > miss / 3


def test_a_hash_made_with_weaker_parameters_is_due_for_a_rehash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("x" * 10)
    assert passwords.needs_rehash(weak)
