"""How deep a JSON document nests, found without decoding it.

Litestar decodes a body into plain Python objects before converting it to the declared
type, and msgspec's decoder recurses once per level: a 2 KB body nested a thousand levels
deep raises ``RecursionError`` inside the framework. The edge refuses such a body first
(and the OTLP decoder an export, before it parses one).

The scan works at C speed: string literals are cut out with one regular expression (so a
bracket inside a string does not count), every byte but the four brackets is deleted,
and the running depth is summed by ``itertools.accumulate`` over a signed view of what is
left, a chunk at a time, stopping at the first chunk that goes past the limit.
"""

from __future__ import annotations

import re
from itertools import accumulate

__all__ = ["MAX_DEPTH", "nesting_exceeds"]

#: Deeper than any body dais's API declares (the deepest is a few levels), far shallower
#: than msgspec's recursion limit.
MAX_DEPTH = 64

_STRING = re.compile(rb'"(?:[^"\\]+|\\.)*"?', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# '[' and '{' become +1, ']' and '}' become -1 (0xff read as a signed byte).
_SIGNED = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_CHUNK = 1 << 16


def nesting_exceeds(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether arrays and objects in ``body`` nest deeper than ``limit``.

    Malformed JSON is not judged here (the decoder reports it); an unterminated string runs
    to the end of the body, as it would for the decoder.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False  # the common case: too few brackets to nest that deep
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKETS).translate(_SIGNED)
    depth = 0
    for start in range(0, len(brackets), _CHUNK):
        steps = memoryview(brackets[start : start + _CHUNK]).cast("b")
        if max(accumulate(steps, initial=depth)) > limit:
            return True
        depth += sum(steps)
    return False
