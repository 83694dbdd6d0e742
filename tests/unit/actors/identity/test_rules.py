from __future__ import annotations

import pytest

from dais.actors.identity.rules import check_email, check_password, check_text, check_username
from dais.errors import ValidationFailed


@pytest.mark.parametrize("name", ["ab", "alice", "a.b-c_d", "x" * 40, "_bot", "9lives"])
def test_good_usernames(name: str) -> None:
    assert check_username(name) == name


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("a", "2 to 40"),
        ("x" * 41, "2 to 40"),
        (".alice", "must not start with a dot or a dash"),
        ("-alice", "must not start with a dot or a dash"),
        ("al..ice", "'..'"),
        ("Alice", "lower-case"),
        ("al ice", "lower-case"),
        ("al/ice", "lower-case"),
        ("élise", "lower-case"),
        (42, "must be a string"),
    ],
)
def test_bad_usernames(name: object, rule: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        check_username(name)
    assert info.value.field == "username" and rule in info.value.rule


@pytest.mark.parametrize("email", ["a@b.co", "first.last+tag@mail.example.org"])
def test_good_emails(email: str) -> None:
    assert check_email(email) == email


@pytest.mark.parametrize(
    ("email", "rule"),
    [
        ("nobody", "exactly one '@'"),
        ("a@@b.com", "exactly one '@'"),
        ("@b.com", "non-empty part before"),
        ("a@localhost", "domain with a dot"),
        ("a@b.", "domain with a dot"),
        ("a b@c.com", "spaces"),
        ("a@" + "b" * 260 + ".com", "254"),
    ],
)
def test_bad_emails(email: str, rule: str) -> None:
    with pytest.raises(ValidationFailed, match=rule):
        check_email(email)


def test_password_lengths() -> None:
    assert check_password("x" * 10) == "x" * 10
    assert check_password("x" * 1024)
    with pytest.raises(ValidationFailed, match="at least 10"):
        check_password("x" * 9)
    with pytest.raises(ValidationFailed, match="at most 1024"):
        check_password("x" * 1025)


@pytest.mark.parametrize("text", ["", "Ada Lovelace", "Zoë 🚀", "x" * 100])
def test_good_text(text: str) -> None:
    assert check_text(text, "name") == text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("nul\x00", "control characters"),
        ("line\nbreak", "control characters"),
        ("del\x7f", "control characters"),
        ("x" * 101, "at most 100"),
        (7, "must be a string"),
    ],
)
def test_bad_text(text: object, rule: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        check_text(text, "name", max_length=100)
    assert exc.value.field == "name" and rule in exc.value.rule


def test_an_email_with_a_control_character_is_refused() -> None:
    with pytest.raises(ValidationFailed, match="control characters"):
        check_email("ada\x00@example.com")


@pytest.mark.parametrize("name", ["api", "healthz", "_internal", "v1"])
def test_reserved_namespaces(name: str) -> None:
    from dais.actors.identity.rules import check_namespace

    with pytest.raises(ValidationFailed, match="reserved"):
        check_namespace(name)
    assert check_namespace("admin") == "admin"
