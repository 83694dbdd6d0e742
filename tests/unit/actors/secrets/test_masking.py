"""Masking: no secret survives in the output, however the stream is split."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from dais.actors.secrets.masking import Masker, mask, variants

SECRET = b"tok-3f9a???~~~xy"  # base64 forms with "+", "/", "-", "_" and padding


def _reference(text: bytes, secrets: Iterable[bytes]) -> bytes:
    """What masking must give, computed the slow and obvious way: every occurrence of every
    variant at every position, overlapping occurrences merged, each run replaced by ***."""
    forms = set().union(*(variants(secret) for secret in secrets))
    spans = sorted(
        (start, start + len(form))
        for start in range(len(text))
        for form in forms
        if text.startswith(form, start)
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = b"", 0
    for start, end in merged:
        out += text[position:start] + b"***"
        position = end
    return out + text[position:]


def _streamed(chunks: Iterable[bytes], secrets: Iterable[bytes]) -> bytes:
    masker = Masker(secrets)
    return b"".join(masker.feed(chunk) for chunk in chunks) + masker.flush()


def _assert_clean(output: bytes, secrets: Iterable[bytes]) -> None:
    for secret in secrets:
        for form in variants(secret):
            assert form not in output


def test_variants_are_the_value_and_its_base64_forms() -> None:
    standard, urlsafe = base64.b64encode(SECRET), base64.urlsafe_b64encode(SECRET)
    assert standard != urlsafe and standard.endswith(b"=")
    expected = {SECRET, standard, standard.rstrip(b"="), urlsafe, urlsafe.rstrip(b"=")}
    assert variants(SECRET) == expected


def test_plain_and_base64_forms_are_masked() -> None:
    forms = sorted(variants(SECRET))
    text = b"\n".join(b"line %d: " % i + form + b" done" for i, form in enumerate(forms))
    masked = mask(text, [SECRET])
    _assert_clean(masked, [SECRET])
    assert masked == b"\n".join(b"line %d: *** done" % i for i in range(len(forms)))


def test_overlapping_and_adjacent_occurrences_are_all_masked() -> None:
    assert mask(b"x ababab y", [b"abab"]) == b"x *** y"
    assert mask(b"wxyzwxyz", [b"wxyz"]) == b"******"
    assert mask(b"<abcdefghi>", [b"abcdef", b"defghi"]) == b"<***>"
    assert mask(b"aaaaaaaaa", [b"aaaa"]) == b"***"


def test_a_secret_split_at_any_point_is_masked() -> None:
    whole = b"log: " + SECRET + b" then " + base64.b64encode(SECRET) + b" and " + SECRET
    expected = mask(whole, [SECRET])
    assert expected == b"log: *** then *** and ***"
    for i in range(len(whole) + 1):
        output = _streamed([whole[:i], whole[i:]], [SECRET])
        assert output == expected, i
    for i in range(len(whole) + 1):
        for j in range(i, len(whole) + 1):
            output = _streamed([whole[:i], whole[i:j], whole[j:]], [SECRET])
            assert output == expected, (i, j)
    assert _streamed([whole[i : i + 1] for i in range(len(whole))], [SECRET]) == expected


def test_output_is_held_back_only_as_long_as_a_secret_could_be_forming() -> None:
    masker = Masker([SECRET])
    forms = variants(SECRET)
    longest = max(len(form) for form in forms)
    text = b"nothing secret here, just a long enough line of log output\n"
    fed = emitted = 0
    for byte in text:
        emitted += len(masker.feed(bytes([byte])))
        fed += 1
        held = text[emitted:fed]
        assert fed - emitted <= longest - 1
        # what is held back is exactly what could still grow into a secret
        assert not held or any(form.startswith(held) for form in forms)
    # a line that cannot begin a secret is not held back at all (its newline included)
    assert fed - emitted == 0 and masker.flush() == b""
    start = Masker([SECRET])
    assert start.feed(b"token: " + SECRET[:3]) == b"token: "
    assert start.feed(SECRET[3:] + b"\n") == b"***\n"


def test_short_values_are_left_alone() -> None:
    text = b"a on 1 of abc"
    assert variants(b"abc") == frozenset()
    assert mask(text, [b"on", b"1", b"abc", b""]) == text
    masker = Masker([b"on"])
    assert masker.feed(text) is text
    assert masker.flush() == b""


def test_without_secrets_chunks_pass_at_once() -> None:
    masker = Masker([])
    chunk = b"partial lin"
    assert masker.feed(chunk) is chunk
    assert masker.flush() == b""


@st.composite
def _streams(draw: st.DrawFn) -> tuple[list[bytes], bytes, list[int]]:
    """Some secrets, a text mixing filler with their variants (and near misses: prefixes
    of them), and the chunk sizes to feed it in."""
    alphabet = st.sampled_from(b"ab=+/-_xyz09\n").map(lambda byte: bytes([byte]))
    secret = st.lists(alphabet, min_size=1, max_size=12).map(b"".join)  # no '*' in a secret
    secrets = draw(st.lists(secret, min_size=1, max_size=3))
    forms = sorted(set().union(*(variants(s) for s in secrets))) or [b"abcd"]
    filler = st.binary(max_size=8) | st.sampled_from([b"*", b"**", b"***", b"a*b"])
    form = st.sampled_from(forms)
    prefix = st.tuples(form, st.integers(0, 20)).map(lambda fc: fc[0][: fc[1]])
    text = b"".join(draw(st.lists(filler | form | prefix, max_size=30)))
    sizes = draw(st.lists(st.integers(min_value=1, max_value=24), min_size=1, max_size=40))
    return secrets, text, sizes


@settings(max_examples=500, deadline=None)
@given(stream=_streams())
def test_any_chunking_masks_exactly_like_the_whole(
    stream: tuple[list[bytes], bytes, list[int]],
) -> None:
    secrets, text, sizes = stream
    chunks, position, turn = [], 0, 0
    while position < len(text):
        size = sizes[turn % len(sizes)]
        chunks.append(text[position : position + size])
        position, turn = position + size, turn + 1
    expected = mask(text, secrets)
    assert expected == _reference(text, secrets)
    output = _streamed(chunks, secrets)
    assert output == expected
    _assert_clean(output, secrets)
