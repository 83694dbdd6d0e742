"""Closing references in merge request bodies and commit messages. Pure functions.

``Closes #12``, ``fixes #3, #4 and !7``, ``Resolved: #9``: a closing keyword (close, closes,
closed, fix, fixes, fixed, resolve, resolves, resolved; any case), an optional colon, then
one or more references to this project's issues (``#N``) or merge requests (``!N``)
separated by commas, ``and`` or spaces. A reference to another project (``owner/name#N``)
or inside a word (``abc#1``) closes nothing here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Closing", "closing_references"]

_REF = r"(?<![\w/])[#!][0-9]{1,9}\b"
_CLOSING = re.compile(
    rf"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]+"
    rf"((?:{_REF})(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]+)(?:{_REF}))*)",
    re.IGNORECASE,
)
_ONE = re.compile(_REF)


@attrs.frozen
class Closing:
    issues: tuple[int, ...]  # issue iids, ascending
    merge_requests: tuple[int, ...]  # merge request iids, ascending


def closing_references(texts: Iterable[str]) -> Closing:
    """Every issue and merge request the ``texts`` say they close, without repeats."""
    issues: set[int] = set()
    merge_requests: set[int] = set()
    for text in texts:
        for match in _CLOSING.finditer(text):
            for ref in _ONE.findall(match.group(1)):
                number = int(ref[1:])
                if number <= 0:
                    continue
                (issues if ref[0] == "#" else merge_requests).add(number)
    return Closing(tuple(sorted(issues)), tuple(sorted(merge_requests)))
