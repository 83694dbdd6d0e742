"""Input rules for merge requests, comments and reviews. Pure functions.

Text is stored as written; refused is what PostgreSQL cannot store (NUL, unpaired
surrogates), control characters in a one-line title, and what is too large.
"""

from __future__ import annotations

import unicodedata

from dais.actors.projects.rules import check_branch_name
from dais.errors import ValidationFailed
from dais.text import storable

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_NAMES",
    "MAX_TITLE",
    "check_body",
    "check_branch",
    "check_names",
    "check_path",
    "check_title",
]

MAX_TITLE = 255
MAX_BODY_BYTES = 1024 * 1024  # 1 MiB of UTF-8: merge request descriptions and comments
MAX_NAMES = 50  # assignees, reviewers or labels on one merge request


def check_title(value: object, field: str = "title") -> str:
    """One line of 1 to 255 characters."""
    title = storable(field, value)
    if not title.strip():
        raise ValidationFailed(field, "must not be empty")
    if len(title) > MAX_TITLE:
        raise ValidationFailed(field, f"must be at most {MAX_TITLE} characters")
    if any(unicodedata.category(c) == "Cc" for c in title):
        raise ValidationFailed(field, "must be one line without control characters")
    return title


def check_body(value: object, field: str = "body", *, allow_empty: bool = True) -> str:
    """Markdown, stored as written: at most 1 MiB of UTF-8."""
    text = storable(field, value)
    if not allow_empty and not text.strip():
        raise ValidationFailed(field, "must not be empty")
    if len(text) > MAX_BODY_BYTES or len(text.encode("utf-8")) > MAX_BODY_BYTES:
        raise ValidationFailed(field, f"must be at most {MAX_BODY_BYTES} bytes of UTF-8")
    return text


def check_branch(value: object, field: str) -> str:
    """A branch name git would accept."""
    return check_branch_name(value, field)


def check_path(value: object, field: str = "path") -> str:
    """A file's path as git stores it in a tree: relative to the repository root, parts
    separated by single slashes, none of them ``.`` or ``..``."""
    path = storable(field, value)
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise ValidationFailed(
            field, "must be a path relative to the repository root, without '.' or '..' parts"
        )
    return path


def check_names(values: object, field: str) -> tuple[str, ...]:
    """A list of usernames or label names: strings, at most :data:`MAX_NAMES`, no repeats
    (the first spelling is kept)."""
    if not isinstance(values, list | tuple):
        raise ValidationFailed(field, "must be a list of names")
    if len(values) > MAX_NAMES:
        raise ValidationFailed(field, f"must name at most {MAX_NAMES}")
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        name = storable(field, value)
        if not name.strip() or len(name) > 255:
            raise ValidationFailed(field, f"{name[:40]!r} is not a name")
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return tuple(out)
