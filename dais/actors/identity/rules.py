"""Input rules for identities: usernames, emails, passwords, token scopes. Pure functions."""

from __future__ import annotations

import re
import unicodedata

from dais.errors import ValidationFailed

from .permissions import Permission

__all__ = [
    "RESERVED_NAMES",
    "SIGNED_IN",
    "check_namespace",
    "MAX_PASSWORD",
    "MIN_PASSWORD",
    "check_email",
    "check_password",
    "check_text",
    "check_token_scopes",
    "check_username",
]

_USERNAME = re.compile(r"[a-z0-9_][a-z0-9_.-]{1,39}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024


def check_username(value: object, field: str = "username") -> str:
    """Lower-case letters, digits, ``-``, ``_`` and ``.``; 2-40 long; no leading dot/dash or ``..``.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str):
        raise ValidationFailed(field, "must be a string")
    if not 2 <= len(value) <= 40:
        raise ValidationFailed(field, "must be 2 to 40 characters long")
    if value[0] in ".-":
        raise ValidationFailed(field, "must not start with a dot or a dash")
    if ".." in value:
        raise ValidationFailed(field, "must not contain '..'")
    if not _USERNAME.fullmatch(value):
        raise ValidationFailed(
            field, "may contain only lower-case letters, digits, '-', '_' and '.'"
        )
    return value


def check_email(value: object, field: str = "email") -> str:
    """Exactly one ``@``, a non-empty local part, a domain with a dot.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str):
        raise ValidationFailed(field, "must be a string")
    if len(value) > 254:
        raise ValidationFailed(field, "must be at most 254 characters")
    if value.count("@") != 1:
        raise ValidationFailed(field, "must contain exactly one '@'")
    local, domain = value.split("@")
    if not local:
        raise ValidationFailed(field, "must have a non-empty part before '@'")
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        raise ValidationFailed(field, "must have a domain with a dot, e.g. example.com")
    if any(c.isspace() for c in value):
        raise ValidationFailed(field, "must not contain spaces")
    return check_text(value, field)


def check_text(value: object, field: str, *, max_length: int = 1000) -> str:
    """A name, description or search term: no control characters (PostgreSQL refuses NUL in
    text, and a line break in a name is never meant), at most ``max_length`` characters.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str):
        raise ValidationFailed(field, "must be a string")
    if len(value) > max_length:
        raise ValidationFailed(field, f"must be at most {max_length} characters")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValidationFailed(field, "must not contain control characters")
    return value


def check_password(value: object, field: str = "password") -> str:
    """At least 10 and at most 1,024 characters.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str):
        raise ValidationFailed(field, "must be a string")
    if len(value) < MIN_PASSWORD:
        raise ValidationFailed(field, f"must be at least {MIN_PASSWORD} characters")
    if len(value) > MAX_PASSWORD:
        raise ValidationFailed(field, f"must be at most {MAX_PASSWORD} characters")
    return value


#: Top-level paths dais serves itself: a user (a namespace, ``/{owner}/{project}``) may not
#: take one of these names, or their repositories could never be reached.
RESERVED_NAMES = frozenset(
    {
        "api",
        "healthz",
        "readyz",
        "metrics",
        "v1",
        "mcp",
        "assets",
        "static",
        "_internal",
        "_litestar",
        "favicon.ico",
        "robots.txt",
        "login",
        "logout",
        "settings",
        "explore",
    }
)


def check_namespace(value: object, field: str = "username") -> str:
    """A username: the username rules, and not a name dais's own routes use.

    :raises ValidationFailed: naming the rule broken.
    """
    name = check_username(value, field)
    if name in RESERVED_NAMES:
        raise ValidationFailed(field, f"{name!r} is reserved")
    return name


#: What any signed-in user may do without holding a role, so what any token may be scoped to:
#: read public and internal projects, create projects of their own (``POST /api/projects``
#: asks a token for ``project:write``), comment on the issues of a project they can read.
SIGNED_IN = frozenset({Permission.PROJECT_READ, Permission.PROJECT_WRITE, Permission.ISSUE_WRITE})


def check_token_scopes(scopes: frozenset[str], held: frozenset[Permission]) -> None:
    """A new token's scopes must be things its owner may do somewhere (``held``, which
    includes :data:`SIGNED_IN`): a scope they hold nowhere would promise what the token can
    never do. ``*`` (all the owner may do, whatever that becomes) is always allowed.

    :raises ValidationFailed: naming every scope the owner does not hold.
    """
    if "*" in scopes:
        return
    order = {p.value: i for i, p in enumerate(Permission)}
    missing = sorted(
        (s for s in scopes if s not in held), key=lambda s: (order.get(s, len(order)), s)
    )
    if missing:
        raise ValidationFailed("scopes", f"you do not hold {', '.join(missing)}")
