"""Input rules for labels, milestones, issues and comments. Pure functions.

Text is stored exactly as written; what is refused is what PostgreSQL cannot store (NUL,
unpaired surrogates), what would break a one-line field (control characters in a title
or a label name), what would make a label unfilterable (a comma: the filter is a comma
list), and what is too large.
"""

from __future__ import annotations

import re
import unicodedata

from dais.errors import ValidationFailed
from dais.text import storable

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_TITLE",
    "check_body",
    "check_color",
    "check_description",
    "check_label_name",
    "check_names",
    "check_title",
    "distinct_names",
    "split_label_filter",
]

MAX_TITLE = 255
MAX_LABEL_NAME = 100
MAX_BODY_BYTES = 1024 * 1024  # 1 MiB of UTF-8, for issue and comment bodies
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def _one_line(field: str, value: str, max_chars: int) -> str:
    if not value.strip():
        raise ValidationFailed(field, "must not be empty")
    if len(value) > max_chars:
        raise ValidationFailed(field, f"must be at most {max_chars} characters")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValidationFailed(field, "must be one line without control characters")
    return value


def check_title(value: object, field: str = "title") -> str:
    """An issue's or a milestone's title: one line of 1 to 255 characters."""
    return _one_line(field, storable(field, value), MAX_TITLE)


def check_body(value: object, field: str = "body", *, allow_empty: bool = True) -> str:
    """Markdown, stored as written: at most 1 MiB of UTF-8."""
    text = storable(field, value)
    if not allow_empty and not text.strip():
        raise ValidationFailed(field, "must not be empty")
    if len(text) > MAX_BODY_BYTES or len(text.encode("utf-8")) > MAX_BODY_BYTES:
        raise ValidationFailed(field, f"must be at most {MAX_BODY_BYTES} bytes of UTF-8")
    return text


def check_description(value: object, max_chars: int, field: str = "description") -> str:
    text = storable(field, value)
    if len(text) > max_chars:
        raise ValidationFailed(field, f"must be at most {max_chars} characters")
    return text


def check_label_name(value: object, field: str = "name") -> str:
    """1 to 100 characters on one line, no comma, no surrounding spaces."""
    name = _one_line(field, storable(field, value), MAX_LABEL_NAME)
    if "," in name:
        raise ValidationFailed(field, "must not contain a comma (label filters are comma lists)")
    if name != name.strip():
        raise ValidationFailed(field, "must not start or end with a space")
    return name


def check_color(value: object, field: str = "color") -> str:
    if not isinstance(value, str) or not _COLOR.fullmatch(value):
        raise ValidationFailed(field, "must be a colour written #rrggbb, e.g. #d73a4a")
    return value.lower()


def check_names(names: object, field: str) -> tuple[str, ...]:
    """Names that refer to labels or users: strings PostgreSQL can compare (no NUL, valid
    Unicode). Whether each exists is the caller's question."""
    if not isinstance(names, tuple | list):
        raise ValidationFailed(field, "must be a list of names")
    return tuple(storable(field, name) for name in names)


def distinct_names(names: tuple[str, ...], *, fold_case: bool) -> tuple[str, ...]:
    """``names`` without repeats, first spelling kept, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.lower() if fold_case else name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


def split_label_filter(value: str | None) -> tuple[str, ...]:
    """``"bug, ui"`` -> ``("bug", "ui")``: a comma list of label names, blanks dropped."""
    if not value:
        return ()
    return distinct_names(
        tuple(part.strip() for part in value.split(",") if part.strip()), fold_case=True
    )
