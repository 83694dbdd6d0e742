"""Masking secret values in streamed output: pipeline logs, agent output.

Every occurrence of a secret, as is or base64-encoded, becomes ``***``, wherever the chunks
of the stream happen to split it. Occurrences that overlap are masked as one, so no part of
either shows.

Two limits, both by construction: a secret inside a larger base64 blob (say, base64 of
``user:secret``) is not recognised, since its encoding there depends on its neighbours; and
a secret containing ``*`` can re-form out of the text around a mask, which reveals nothing
the text's author did not already write.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MASK", "MIN_LENGTH", "Masker", "mask", "variants"]

#: What each masked occurrence becomes.
MASK = b"***"
#: Values shorter than this are not masked.
MIN_LENGTH = 4


def variants(value: bytes) -> frozenset[bytes]:
    """The forms of ``value`` that are masked: the value itself and its base64 encodings,
    standard and URL-safe, with and without padding.

    A value shorter than :data:`MIN_LENGTH` bytes has none: masking every ``on`` or ``1``
    would shred ordinary text, and so short a value protects nothing anyway.
    """
    if len(value) < MIN_LENGTH:
        return frozenset()
    standard = base64.b64encode(value)
    urlsafe = base64.urlsafe_b64encode(value)
    return frozenset({value, standard, standard.rstrip(b"="), urlsafe, urlsafe.rstrip(b"=")})


class Masker:
    """Masks secret values in one stream fed in chunks of any size.

    A stateful filter, hence a plain class and not a frozen record; use one per stream.
    :meth:`feed` returns what is safe to emit at once and holds back only the bytes that
    could begin a secret the next chunk completes (at most the longest variant's length
    minus one);
    :meth:`flush` returns the rest at the end of the stream. The output is exactly
    :func:`mask` of the whole stream, however it was split.
    """

    __slots__ = ("_by_first", "_covered", "_hold", "_pattern", "_pending")

    def __init__(self, secrets: Iterable[bytes]) -> None:
        forms = frozenset[bytes]().union(*(variants(secret) for secret in secrets))
        # Longest first: at a given position the regex takes the first alternative that
        # matches, so this finds the longest variant starting there.
        ordered = sorted(forms, key=lambda form: (-len(form), form))
        self._pattern = re.compile(b"|".join(map(re.escape, ordered))) if ordered else None
        self._hold = len(ordered[0]) - 1 if ordered else 0
        # Variants by their first byte: only a byte that begins one can begin a secret
        # the next chunk completes, so only from there on is output held back.
        self._by_first: dict[int, tuple[bytes, ...]] = {}
        for form in ordered:
            self._by_first[form[0]] = (*self._by_first.get(form[0], ()), form)
        # Bytes received but not yet emitted; the first ``_covered`` of them lie inside a
        # mask already emitted, which a later occurrence may still widen.
        self._pending = b""
        self._covered = 0

    def feed(self, chunk: bytes) -> bytes:
        """The masked output that can be emitted now that ``chunk`` has arrived."""
        if self._pattern is None:
            return chunk
        buffer = self._pending + chunk if self._pending else chunk
        return self._emit(self._pattern, buffer, self._safe_cut(buffer))

    def _safe_cut(self, buffer: bytes) -> int:
        """Where the output must stop for now: at the first of the last ``_hold`` bytes
        from which the rest of ``buffer`` could still grow into a variant (so a line's end
        is not held back just because a secret is long)."""
        size = len(buffer)
        by_first = self._by_first
        for start in range(max(0, size - self._hold), size):
            forms = by_first.get(buffer[start])
            if forms is None:
                continue
            tail = buffer[start:]
            if any(form.startswith(tail) for form in forms):
                return start
        return size

    def flush(self) -> bytes:
        """The rest of the output, masked, at the end of the stream."""
        if self._pattern is None:
            return b""
        return self._emit(self._pattern, self._pending, len(self._pending))

    def _emit(self, pattern: re.Pattern[bytes], buffer: bytes, cut: int) -> bytes:
        """Mask and return ``buffer[:cut]``, keeping the rest pending.

        Every variant starting before ``cut`` lies wholly in ``buffer`` (at least
        ``_hold`` bytes follow it), so those occurrences are final; the ones starting later
        are found again once more bytes have come.
        """
        if cut <= 0:
            self._pending = buffer
            return b""
        out: list[bytes] = []
        end = self._covered  # buffer[:end] is emitted: plain text, or inside the last mask
        found = pattern.search(buffer)
        while found is not None and (start := found.start()) < cut:
            if start >= end:
                out += (buffer[end:start], MASK)
                end = found.end()
            elif found.end() > end:  # overlaps the last mask: widen it
                end = found.end()
            # The next occurrence may begin inside this one and reach past it.
            found = pattern.search(buffer, start + 1)
        if end < cut:
            out.append(buffer[end:cut])
        self._pending = buffer[cut:]
        self._covered = max(0, end - cut)
        return b"".join(out)


def mask(text: bytes, secrets: Iterable[bytes]) -> bytes:
    """``text`` with every variant of every secret in ``secrets`` replaced by ``***``."""
    masker = Masker(secrets)
    return masker.feed(text) + masker.flush()
