"""Checks on text that users send and PostgreSQL stores, shared by every domain."""

from __future__ import annotations

from dais.errors import ValidationFailed

__all__ = ["storable"]


def storable(field: str, value: object) -> str:
    """``value`` if PostgreSQL can store it as text: a string with no NUL character (which
    PostgreSQL refuses) and no unpaired surrogate (which has no UTF-8 form).

    :raises ValidationFailed: naming ``field`` and the rule.
    """
    if not isinstance(value, str):
        raise ValidationFailed(field, "must be a string")
    if "\x00" in value:
        raise ValidationFailed(field, "must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationFailed(field, "must be valid Unicode (no unpaired surrogates)") from None
    return value
