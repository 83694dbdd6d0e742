"""When to try a delivery again: which answers are worth a retry, and how long to wait.

Retried: no answer at all (connection refused or reset, a timeout), 5xx, and 429. Anything
else ends the delivery: 2xx delivered; 3xx (redirects are never followed), and 4xx other
than 429 failed, since sending the same request again would be refused again.

The wait before retry ``n`` (n = 1 after the first attempt) is ``base * 2^(n-1)``, capped,
times a random factor in [0.5, 1.0] so that receivers coming back from an outage are not
hit by every sender at once. A receiver's ``Retry-After`` (seconds or an HTTP date) wins,
capped the same way.
"""

from __future__ import annotations

import enum
import random
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

__all__ = ["Verdict", "judge", "parse_retry_after", "retry_delay"]


class Verdict(enum.StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    FAILED = "failed"


def judge(status: int | None) -> Verdict:
    """What an answer (``None``: none came) means for the delivery."""
    if status is None or status == 429 or 500 <= status <= 599:
        return Verdict.RETRY
    if 200 <= status <= 299:
        return Verdict.DELIVERED
    return Verdict.FAILED


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header, or None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        # str.isdigit also holds for "²" or "١٢", which float() refuses or misreads: a
        # receiver's header must not be able to crash the sender.
        return float(value) if value.isascii() else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def retry_delay(
    retry: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds before retry number ``retry`` (1 for the first retry)."""
    if retry_after is not None:
        return min(cap, retry_after)
    exponential = min(cap, base * 2.0 ** min(retry - 1, 40))
    jitter = (rng or random).uniform(0.5, 1.0)
    return exponential * jitter
