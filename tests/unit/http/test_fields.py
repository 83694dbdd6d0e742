"""The patterns the OpenAPI document publishes say exactly what the domain's rules take.

For each pattern, on any text: the pattern matches (as msgspec checks it, ``re.search``)
if and only if the rule accepts. Text is drawn from an alphabet weighted toward the
characters each rule is about, so both answers come up often.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dais.actors.identity import rules as identity_rules
from dais.actors.projects import rules as project_rules
from dais.actors.secrets import messages as secret_messages
from dais.errors import ValidationFailed
from dais.http import fields

NAMEISH = "abcz09_.-A/ @\n\x00é"
REFISH = "ab/.-_@{}~^:?*[\\ \x7f\n\x00ék"
EMAILISH = "ab.@-_ \t\n\x00\x85é"


def _accepts(rule: Callable[[str], object]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            rule(value)
        except ValidationFailed:
            return False
        return True

    return check


CASES = [
    ("username", fields.USERNAME_PATTERN, identity_rules.check_username, NAMEISH, 45),
    ("namespace", fields.NAMESPACE_PATTERN, identity_rules.check_namespace, NAMEISH, 45),
    ("project", fields.PROJECT_NAME_PATTERN, project_rules.check_project_name, NAMEISH + "gt", 45),
    ("branch", fields.BRANCH_PATTERN, project_rules.check_branch_name, REFISH, 24),
    ("email", fields.EMAIL_PATTERN, identity_rules.check_email, EMAILISH, 12),
    (
        "secret name",
        secret_messages.NAME_PATTERN,
        secret_messages.check_name,
        "aZ_09=- \n\x00é",
        40,
    ),
    (
        "environment",
        secret_messages.ENVIRONMENT_PATTERN,
        secret_messages.check_environment,
        "az09-_A.\n ",
        70,
    ),
    (
        "line",
        fields.LINE_PATTERN,
        lambda v: identity_rules.check_text(v, "x"),
        "a\x01\x1f\x7f\x9f\n é",
        8,
    ),
]


@pytest.mark.parametrize(
    ("name", "pattern", "rule", "alphabet", "size"), CASES, ids=[c[0] for c in CASES]
)
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_pattern_and_rule_agree(
    name: str,
    pattern: str,
    rule: Callable[[str], object],
    alphabet: str,
    size: int,
    data: st.DataObject,
) -> None:
    value = data.draw(st.text(alphabet=alphabet, max_size=size), label=name)
    assert bool(re.search(pattern, value)) == _accepts(rule)(value), repr(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("web", True),
        ("web.git", False),
        ("api", True),  # reserved for users, not for projects
        ("a..b", False),
        ("-web", False),
        ("we\n", False),
    ],
)
def test_project_names(value: str, ok: bool) -> None:
    assert bool(re.search(fields.PROJECT_NAME_PATTERN, value)) is ok
    assert _accepts(project_rules.check_project_name)(value) is ok


def test_reserved_names_are_not_namespaces() -> None:
    for reserved in identity_rules.RESERVED_NAMES:
        if re.search(fields.USERNAME_PATTERN, reserved):
            assert not re.search(fields.NAMESPACE_PATTERN, reserved), reserved


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-:TtZz+. ", max_size=32))
def test_a_datetime_the_pattern_takes_decodes_with_its_zone(value: str) -> None:
    if re.search(fields.DATETIME_PATTERN, value):
        decoded = msgspec.convert(value, datetime)
        assert decoded.tzinfo is not None


@pytest.mark.parametrize(
    "value",
    ["2026-12-03T14:00:00Z", "2026-01-31t00:00:00.123456789+05:30", "2026-02-28T23:59:59-00:00"],
)
def test_datetimes_taken(value: str) -> None:
    assert re.search(fields.DATETIME_PATTERN, value)
    assert fields.parse_datetime(value, "at") is not None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "0.5",
        "2026-12-03",
        "2026-12-03 14:00:00Z",
        "2026-12-03T14:00:00",
        "2026-04-31T00:00:00Z",
    ],
)
def test_datetimes_refused(value: str) -> None:
    assert not re.search(fields.DATETIME_PATTERN, value)
    with pytest.raises(ValidationFailed):
        fields.parse_datetime(value, "at")


def test_scopes_are_permissions_or_everything() -> None:
    assert re.search(fields.SCOPE_PATTERN, "*")
    assert re.search(fields.SCOPE_PATTERN, "project:read")
    assert not re.search(fields.SCOPE_PATTERN, "project:read\n")
    assert not re.search(fields.SCOPE_PATTERN, "")
    assert not re.search(fields.PERMISSION_PATTERN, "*")
