"""Webhook request headers and their signatures.

Every delivery carries:

- ``X-Dais-Event``: the event (``push``, ``issue``, ..., ``ping``);
- ``X-Dais-Delivery``: the delivery's UUID, the same on every retry of it (a receiver can
  drop repeats with it); a redelivery asked for by a user gets a new one;
- ``X-Dais-Hook-Id``: the hook's id;
- ``X-Dais-Timestamp``: Unix seconds when this attempt was signed;
- ``X-Dais-Signature-256``: ``sha256=`` + hex HMAC-SHA256, keyed with the hook's secret,
  of ``"<timestamp>.<body>"``. A receiver recomputes it and refuses a timestamp older than
  it tolerates (five minutes, say), so a captured request cannot be replayed later;
- ``X-Hub-Signature-256``: ``sha256=`` + hex HMAC-SHA256 of the body alone, as GitHub sends
  it, for receivers written for GitHub (it does not protect against replays);
- ``User-Agent: dais-webhooks/<version>`` and ``Content-Type: application/json``.

A hook without a secret gets no signature headers. Compare signatures with
:func:`hmac.compare_digest` (:func:`verify` does).
"""

from __future__ import annotations

import hashlib
import hmac

from dais import __version__
from dais.errors import ValidationFailed

__all__ = ["USER_AGENT", "request_headers", "sign", "verify"]

USER_AGENT = f"dais-webhooks/{__version__}"


#: The longest secret a webhook (a project's, or a person's for notifications) may have.
MAX_SECRET = 256


def check_secret(secret: str, field: str = "secret") -> str:
    """:raises ValidationFailed: on ``field``: too long, or holding NUL."""
    if len(secret) > MAX_SECRET:
        raise ValidationFailed(field, f"must be at most {MAX_SECRET} characters long")
    if "\x00" in secret:
        raise ValidationFailed(field, "must not contain NUL characters")
    return secret


def sign(secret: str, message: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of message>``."""
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def request_headers(
    *, event: str, delivery: str, hook_id: int, timestamp: int, secret: str, body: bytes
) -> dict[str, str]:
    """The headers of one attempt (signed at ``timestamp``)."""
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Dais-Event": event,
        "X-Dais-Delivery": delivery,
        "X-Dais-Hook-Id": str(hook_id),
        "X-Dais-Timestamp": str(timestamp),
    }
    if secret:
        headers["X-Dais-Signature-256"] = sign(secret, f"{timestamp}.".encode() + body)
        headers["X-Hub-Signature-256"] = sign(secret, body)
    return headers


def verify(
    secret: str, body: bytes, timestamp: str, signature: str, *, now: float, tolerance: float = 300
) -> bool:
    """What a receiver does with ``X-Dais-Signature-256``: the signature matches and the
    timestamp is within ``tolerance`` seconds of ``now``."""
    try:
        signed_at = int(timestamp)
    except ValueError:
        return False
    if abs(now - signed_at) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, f"{signed_at}.".encode() + body), signature)
