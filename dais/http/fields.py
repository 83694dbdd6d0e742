"""Field types for request bodies and queries, each carrying the rule the domain enforces.

The domain checks every rule (``dais.actors.identity.rules`` and the like), naming the field;
these types publish the same rules in the OpenAPI document as JSON Schema patterns and
lengths, so a client (or schemathesis) can tell a valid request from an invalid one without
asking. A test holds the two in step: strings drawn from each pattern pass the rule.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

import msgspec

from dais.actors.identity.permissions import Permission
from dais.actors.identity.rules import MAX_PASSWORD, MIN_PASSWORD, RESERVED_NAMES
from dais.actors.secrets import messages as secret_messages
from dais.errors import ValidationFailed
from dais.mcp.registry import TOOLSETS, TOOLSETS_PATTERN

__all__ = [
    "BRANCH_GLOB_PATTERN",
    "BRANCH_PATTERN",
    "DATETIME_PATTERN",
    "DIGITS_PATTERN",
    "DATE_PATTERN",
    "EMAIL_PATTERN",
    "LINE_PATTERN",
    "NAMESPACE_PATTERN",
    "PERMISSION_PATTERN",
    "PROJECT_NAME_PATTERN",
    "REF_PATTERN",
    "RULES",
    "SCOPE_PATTERN",
    "USERNAME_PATTERN",
    "Timestamp",
    "Branch",
    "BranchGlob",
    "Day",
    "DisplayName",
    "Email",
    "Namespace",
    "Password",
    "PermissionName",
    "ProjectName",
    "Scope",
    "Username",
    "parse_datetime",
]

# Every pattern ends in ``(?!\n)$``: Python's ``$`` (msgspec checks patterns with
# ``re.search``) also matches before a final line break, JSON Schema's (ECMA) does not.
#: No control character (Unicode category Cc): what ``check_text`` refuses.
LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*(?!\n)$"
#: ``check_username``: lower-case letters, digits, ``-_.``; 2-40 long; no leading dot or
#: dash; no ``..``.
USERNAME_PATTERN = r"^(?!.*\.\.)[a-z0-9_][a-z0-9_.-]{1,39}(?!\n)$"
#: ``check_namespace``: a username that is not one of dais's own top-level paths.
NAMESPACE_PATTERN = (
    "^(?!(?:"
    + "|".join(re.escape(n) for n in sorted(RESERVED_NAMES))
    + ")$)"
    + USERNAME_PATTERN.removeprefix("^")
)
#: ``check_email``: one ``@``, a local part, a domain of two or more labels; no spaces or
#: control characters; at most 254 characters.
EMAIL_PATTERN = (
    r"^(?=.{3,254}$)[^@\s\x00-\x1f\x7f-\x9f]+@[^@\s.\x00-\x1f\x7f-\x9f]+"
    r"(?:\.[^@\s.\x00-\x1f\x7f-\x9f]+)+(?!\n)$"
)
#: ``check_project_name``: the username rules, and not ending in ``.git``.
PROJECT_NAME_PATTERN = USERNAME_PATTERN.removesuffix(r"(?!\n)$") + r"(?<!\.git)(?!\n)$"
# ``ref_name_problem`` and ``check_branch_name``: git's rules for a branch name.
_REF_RULES = r"(?!-)(?!/)(?!@$)(?!.*(?:\.\.|//|@\{))(?!.*(?:^|/)\.)(?!.*\.lock(?:/|$))(?!.*[/.]$)"
#: What names a commit in a query: ``HEAD``, a commit id (7 to 40 hex digits) or a branch
#: or tag name (git's ref rules, a leading dash allowed here as in ``refs/heads/-x``).
REF_PATTERN = (
    r"^(?:HEAD|[0-9a-fA-F]{7,40}|"
    + _REF_RULES.removeprefix("(?!-)")
    + r"[^\x00-\x20\x7f~^:?*\[\\]{1,1024})(?!\n)$"
)
#: A branch name (``git check-ref-format --branch``), at most 255 characters.
BRANCH_PATTERN = "^" + _REF_RULES + r"[^\x00-\x20\x7f~^:?*\[\\]{1,255}(?!\n)$"
#: A protected-branch pattern: a branch name in which ``*``, ``?``, ``[`` and ``]`` may
#: stand for anything (each is read as a letter when the name rules are checked).
BRANCH_GLOB_PATTERN = "^" + _REF_RULES + r"[^\x00-\x20\x7f~^:\\]{1,255}(?!\n)$"
# A calendar day: each month with its own last day (29 February is left out: a schema
# cannot tell leap years, and refusing a valid day is safer than promising an invalid one).
_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
#: An RFC 3339 date and time with its offset (``T`` between date and time, as JSON Schema's
#: ``date-time`` has it; msgspec would take a space too): dais refuses times without a zone.
DATETIME_PATTERN = (
    r"^(?!0000)[0-9]{4}-" + _DAY + r"[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(?:\.[0-9]{1,9})?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])(?!\n)$"
)
#: An RFC 3339 full date (a milestone's due date).
DATE_PATTERN = r"^(?!0000)[0-9]{4}-" + _DAY + r"(?!\n)$"
#: A permission dais knows.
PERMISSION_PATTERN = "^(?:" + "|".join(re.escape(p.value) for p in Permission) + r")(?!\n)$"
#: An id sent as text (JSON strings carry ids, as the API shows them): 1 to 16 digits.
DIGITS_PATTERN = r"^[0-9]{1,16}(?!\n)$"
#: A token scope: a permission, or ``*`` for everything the owner may do.
SCOPE_PATTERN = "^(?:\\*|" + PERMISSION_PATTERN[4:]


Username = Annotated[str, msgspec.Meta(pattern=USERNAME_PATTERN)]
Namespace = Annotated[str, msgspec.Meta(pattern=NAMESPACE_PATTERN)]
Email = Annotated[str, msgspec.Meta(pattern=EMAIL_PATTERN)]
Password = Annotated[str, msgspec.Meta(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)]
PermissionName = Annotated[str, msgspec.Meta(pattern=PERMISSION_PATTERN)]
Scope = Annotated[str, msgspec.Meta(pattern=SCOPE_PATTERN)]
#: What each pattern asks, in words: a 4xx names the rule a value broke rather than quote
#: the regular expression (see ``dais.http.problems``).
RULES: dict[str, str] = {
    LINE_PATTERN: "must not contain control characters",
    USERNAME_PATTERN: (
        "must be 2 to 40 lower-case letters, digits, '-', '_' or '.', not starting with a"
        " dot or a dash, without '..'"
    ),
    NAMESPACE_PATTERN: (
        "must be 2 to 40 lower-case letters, digits, '-', '_' or '.', not starting with a"
        " dot or a dash, without '..', and not a name dais's own paths use"
    ),
    PROJECT_NAME_PATTERN: (
        "must be 2 to 40 lower-case letters, digits, '-', '_' or '.', not starting with a"
        " dot or a dash, without '..', not ending in '.git'"
    ),
    EMAIL_PATTERN: "must be an email address: one '@', a domain with a dot, no spaces",
    BRANCH_PATTERN: "must be a valid branch name (git check-ref-format --branch)",
    BRANCH_GLOB_PATTERN: "must be a branch name, or a glob of one",
    REF_PATTERN: "is not a valid branch, tag or commit name",
    DATETIME_PATTERN: "must be an RFC 3339 date and time with an offset",
    DATE_PATTERN: "must be a date, YYYY-MM-DD",
    PERMISSION_PATTERN: "is not a permission dais knows",
    SCOPE_PATTERN: "is not a permission dais knows, nor '*'",
    DIGITS_PATTERN: "must be a number (an id)",
    TOOLSETS_PATTERN: "must be toolset names, comma-separated: " + ", ".join(TOOLSETS),
    secret_messages.NAME_PATTERN: (
        "must be an environment variable name: a letter or '_', then letters, digits or '_',"
        " at most 128 characters"
    ),
    secret_messages.ENVIRONMENT_PATTERN: (
        "must be 1 to 63 lower-case letters, digits or '-', starting and ending with a letter"
        " or digit"
    ),
}

#: A display name (``check_text``, 200 characters).
DisplayName = Annotated[str, msgspec.Meta(max_length=200, pattern=LINE_PATTERN)]
Branch = Annotated[str, msgspec.Meta(pattern=BRANCH_PATTERN)]
BranchGlob = Annotated[str, msgspec.Meta(pattern=BRANCH_GLOB_PATTERN)]
ProjectName = Annotated[str, msgspec.Meta(pattern=PROJECT_NAME_PATTERN)]
#: A date and time in a body or a query, as text: RFC 3339 with its offset; decode it with
#: :func:`parse_datetime` (a ``datetime`` field would let msgspec take forms the document
#: calls invalid, a space for the ``T`` among them).
Timestamp = Annotated[
    str, msgspec.Meta(pattern=DATETIME_PATTERN, extra_json_schema={"format": "date-time"})
]


#: A calendar day in a body.
Day = Annotated[date, msgspec.Meta(extra_json_schema={"format": "date", "pattern": DATE_PATTERN})]


def parse_datetime(value: str | None, field: str) -> datetime | None:
    """The ``datetime`` a query parameter names, checked against ``DATETIME_PATTERN``.

    :raises ValidationFailed: naming ``field``
    """
    if value is None:
        return None
    if re.search(DATETIME_PATTERN, value):
        try:
            return msgspec.convert(value, datetime)
        except msgspec.ValidationError:
            pass  # a 31 April, say
    raise ValidationFailed(field, "must be an RFC 3339 date and time with an offset")
