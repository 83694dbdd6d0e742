"""Input rules for projects. Pure functions."""

from __future__ import annotations

import re

from dais.actors.identity.rules import check_username
from dais.errors import ValidationFailed

from .messages import ProjectPath

__all__ = [
    "PROJECT_REF_PATTERN",
    "check_branch_name",
    "check_project_name",
    "parse_project_ref",
    "ref_name_problem",
]

#: What names a project in a URL: an id (ASCII digits, within bigint) or ``owner/name``,
#: each part following the username rules. The OpenAPI document publishes this pattern.
_NAME = r"[a-z0-9_](?!.*\.\.)[a-z0-9_.-]{1,39}"
PROJECT_REF_PATTERN = rf"^(?:[1-9][0-9]{{0,17}}|{_NAME}/{_NAME})$"
_PROJECT_REF = re.compile(PROJECT_REF_PATTERN)

_BAD_REF_CHARS = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]")


def check_project_name(value: object) -> str:
    """Project names follow the username rules (they share the URL namespace)."""
    name = check_username(value, "name")
    if name.endswith(".git"):
        raise ValidationFailed("name", "must not end with '.git'")
    return name


def parse_project_ref(text: str) -> int | ProjectPath | None:
    """The id or the path ``text`` names, or None when it can name no project.

    ``str.isdigit`` is not the test: it holds for ``"\u00b9"`` (superscript one), which
    ``int`` refuses, and for Arabic-Indic digits, which ``int`` takes. Only ASCII digits
    are ids here, at most 18 of them (always within PostgreSQL's bigint).
    """
    if not _PROJECT_REF.fullmatch(text):
        return None
    owner, slash, name = text.partition("/")
    if not slash:
        return int(text)
    return ProjectPath(owner, name)


def ref_name_problem(name: str) -> str | None:
    """Why ``git check-ref-format`` would refuse ``name`` (a ref or a branch), or None.

    The one copy of git's rules: branch names here, pushed refs in the pre-receive hook.
    """
    if len(name.encode()) > 1024:
        return "is longer than 1024 bytes"
    if _BAD_REF_CHARS.search(name):
        return "contains a space, a control character or one of ~^:?*[\\"
    if name.endswith(("/", ".", ".lock")) or name.startswith("/"):
        return "starts with '/' or ends with '/', '.' or '.lock'"
    if ".." in name or "//" in name or "@{" in name or name == "@":
        return "contains '..', '//' or '@{', or is '@'"
    if any(part.startswith(".") or part.endswith(".lock") for part in name.split("/")):
        return "has a part that starts with '.' or ends with '.lock'"
    return None


def check_branch_name(value: object, field: str = "default_branch") -> str:
    """The rules of ``git check-ref-format --branch``.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str) or not value:
        raise ValidationFailed(field, "must be a non-empty string")
    if len(value) > 255:
        raise ValidationFailed(field, "must be at most 255 characters")
    if value.startswith("-"):
        raise ValidationFailed(field, "must not start with '-'")
    problem = ref_name_problem(value)
    if problem is not None:
        raise ValidationFailed(field, problem)
    return value
