"""Input rules for projects. Pure functions."""

from __future__ import annotations

import re

from dais.actors.identity.rules import check_username
from dais.errors import ValidationFailed

__all__ = ["check_branch_name", "check_project_name"]

_BAD_REF_CHARS = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]")


def check_project_name(value: object) -> str:
    """Project names follow the username rules (they share the URL namespace)."""
    name = check_username(value, "name")
    if name.endswith(".git"):
        raise ValidationFailed("name", "must not end with '.git'")
    return name


def check_branch_name(value: object, field: str = "default_branch") -> str:
    """The rules of ``git check-ref-format --branch``.

    :raises ValidationFailed: naming the rule broken.
    """
    if not isinstance(value, str) or not value:
        raise ValidationFailed(field, "must be a non-empty string")
    if len(value) > 255:
        raise ValidationFailed(field, "must be at most 255 characters")
    if _BAD_REF_CHARS.search(value):
        raise ValidationFailed(field, "must not contain spaces, control characters or ~^:?*[\\")
    if value.startswith(("-", "/")) or value.endswith(("/", ".", ".lock")):
        raise ValidationFailed(
            field, "must not start with '-' or '/' nor end with '/', '.', '.lock'"
        )
    if ".." in value or "//" in value or "@{" in value or value == "@":
        raise ValidationFailed(field, "must not contain '..', '//' or '@{', nor be '@'")
    if any(part.startswith(".") for part in value.split("/")):
        raise ValidationFailed(field, "no part may start with '.'")
    return value
