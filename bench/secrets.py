"""The secrets engine's pure core, one thread: sealing and opening, and log masking.

Seal and open run for about 1 s each on 1,000-byte values (target: at least 5,000 secrets/s
each); the peer is a bare AES-256-GCM encryption of the same value under a key set up once,
the floor under any envelope. Masking streams 10 MB of log text holding 20 secrets (some as
base64) through a Masker in 64 KiB and 4 KiB chunks; the peers run over the whole text at
once, without the streaming or the overlap handling: one ``re.sub`` with the same
alternation, and a ``bytes.replace`` per variant.

Run alone with ``python -m bench.secrets`` (it needs no database).
"""

from __future__ import annotations

import base64
import os
import random
import re
from collections.abc import Callable
from functools import partial
from time import perf_counter

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dais.actors.secrets.envelope import MasterKey, open_sealed, rewrap, seal
from dais.actors.secrets.masking import Masker, variants

DURATION = 1.0
VALUE_SIZE = 1000
LOG_SIZE = 10_000_000
SECRETS = 20
TARGET_PER_S = 5000
SCOPE, NAME, VERSION = "project:1", "DEPLOY_TOKEN", 1


def _rate(operation: Callable[[int], object], duration: float = DURATION) -> float:
    """Calls of ``operation(i)`` per second over about ``duration`` seconds."""
    done = 0
    began = perf_counter()
    deadline = began + duration
    while perf_counter() < deadline:
        for i in range(100):
            operation(i)
        done += 100
    return done / (perf_counter() - began)


def _envelope_figures() -> dict[str, float]:
    master = MasterKey.generate()
    keys = {master.key_id: master}
    new = MasterKey.generate()
    values = [os.urandom(VALUE_SIZE) for _ in range(100)]
    sealed = [seal(master, value, scope=SCOPE, name=NAME, version=VERSION) for value in values]
    figures = {
        "seal_per_s": _rate(
            lambda i: seal(master, values[i], scope=SCOPE, name=NAME, version=VERSION)
        ),
        "open_per_s": _rate(
            lambda i: open_sealed(keys, sealed[i], scope=SCOPE, name=NAME, version=VERSION)
        ),
        "rewrap_per_s": _rate(
            lambda i: rewrap(keys, new, sealed[i], scope=SCOPE, name=NAME, version=VERSION)
        ),
    }
    aead, nonce = AESGCM(os.urandom(32)), os.urandom(12)
    figures["peer_bare_aes_gcm_encrypt_per_s"] = _rate(
        lambda i: aead.encrypt(nonce, values[i], None)
    )
    return figures


def _log_text(secrets: list[bytes], rng: random.Random) -> bytes:
    """Build-log-like lines; about one line in 200 leaks a secret, raw or base64."""
    words = (
        b"INFO DEBUG Step run npm ci pip install --quiet compiling tests passed failed "
        b"cache restored docker layer sha256:9f2c artifact uploaded 12:00:01.337 ok -> "
        b"Authorization: token= Bearer https://example.test/api/v1 [100%] 3.2s"
    ).split()
    forms = sorted({form for secret in secrets for form in variants(secret)})
    lines, size = [], 0
    while size < LOG_SIZE:
        line = b" ".join(rng.choices(words, k=rng.randint(4, 14)))
        if rng.random() < 0.005:
            line += b" " + rng.choice(forms)
        lines.append(line)
        size += len(line) + 1
    return b"\n".join(lines)[:LOG_SIZE]


def _mb_per_s(run: Callable[[], bytes], size: int) -> tuple[float, bytes]:
    """``run()``'s throughput over ``size`` bytes, and what it returned."""
    began = perf_counter()
    output = run()
    return size / (perf_counter() - began) / 1e6, output


def _stream(secrets: list[bytes], text: bytes, chunk_size: int) -> bytes:
    """``text`` through a Masker in ``chunk_size`` chunks, as a log follower would feed it."""
    masker = Masker(secrets)
    pieces = [masker.feed(text[i : i + chunk_size]) for i in range(0, len(text), chunk_size)]
    pieces.append(masker.flush())
    return b"".join(pieces)


def _replace_each(forms: list[bytes], text: bytes) -> bytes:
    for form in forms:
        text = text.replace(form, b"***")
    return text


def _masking_figures() -> dict[str, float]:
    rng = random.Random(20)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    tokens = ["ghp_" + "".join(rng.choices(alphabet, k=36)) for _ in range(SECRETS // 2)]
    secrets = [token.encode() for token in tokens]
    secrets += [base64.b64encode(rng.randbytes(24)) for _ in range(SECRETS - len(secrets))]
    text = _log_text(secrets, rng)
    forms = sorted({form for secret in secrets for form in variants(secret)}, key=len)[::-1]

    figures: dict[str, float] = {"variants": len(forms)}
    for label, chunk_size in (("64k", 65536), ("4k", 4096)):
        rate, masked = _mb_per_s(partial(_stream, secrets, text, chunk_size), len(text))
        figures[f"masker_{label}_chunks_mb_per_s"] = rate
        assert not any(form in masked for form in forms), "a secret got through"
        figures["masked_occurrences"] = masked.count(b"***")
    pattern = re.compile(b"|".join(map(re.escape, forms)))
    figures["peer_one_re_sub_mb_per_s"], _ = _mb_per_s(
        partial(pattern.sub, b"***", text), len(text)
    )
    figures["peer_bytes_replace_mb_per_s"], _ = _mb_per_s(
        partial(_replace_each, forms, text), len(text)
    )
    return figures


def main() -> dict[str, float]:
    """Run the benchmark (about 6 s) and print its figures."""
    figures = _envelope_figures()
    print(f"envelope encryption, {VALUE_SIZE:,}-byte values, one thread")
    for key, value in figures.items():
        print(f"  {key:<34} {value:>12,.0f}")
    for key in ("seal_per_s", "open_per_s"):
        verdict = "ok" if figures[key] >= TARGET_PER_S else "BELOW TARGET"
        print(f"  {key}: {figures[key]:,.0f}/s (target >= {TARGET_PER_S:,}/s) {verdict}")
    masking = _masking_figures()
    print(f"masking {LOG_SIZE / 1e6:.0f} MB of log text, {SECRETS} secrets, one thread")
    for key, value in masking.items():
        print(f"  {key:<34} {value:>12,.1f}")
    return figures | masking


if __name__ == "__main__":
    main()
