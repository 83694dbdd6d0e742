"""Closing references ("Closes #N", "fixes !M"): a pure parser, checked on its own."""

from __future__ import annotations

import pytest

from dais.actors.merges.references import closing_references


@pytest.mark.parametrize(
    ("text", "issues", "merge_requests"),
    [
        ("Closes #12", (12,), ()),
        ("fixes #3, #4 and !7", (3, 4), (7,)),
        ("Resolved: #9, then #10 is mentioned later", (9,), ()),
        ("FIXED #1 #2", (1, 2), ()),
        ("closes owner/other#5", (), ()),  # another project's issue
        ("prefixes #4, closes#2, abc#1", (), ()),  # not a keyword, no space, inside a word
        ("Related to #8", (), ()),
        ("closes #0", (), ()),
        ("Close !3\nResolves #3", (3,), (3,)),
    ],
)
def test_closing_references(
    text: str, issues: tuple[int, ...], merge_requests: tuple[int, ...]
) -> None:
    found = closing_references([text])
    assert (found.issues, found.merge_requests) == (issues, merge_requests)


def test_references_from_many_texts_are_merged_without_repeats() -> None:
    found = closing_references(["Closes #2", "fixes #1 and #2", "resolves !4"])
    assert found.issues == (1, 2) and found.merge_requests == (4,)
