"""When a webhook delivery is tried again, and how long it waits."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from dais.actors.webhooks import backoff


def test_which_answers_are_retried() -> None:
    assert backoff.judge(None) is backoff.Verdict.RETRY
    assert backoff.judge(429) is backoff.judge(502) is backoff.Verdict.RETRY
    assert backoff.judge(204) is backoff.Verdict.DELIVERED
    assert backoff.judge(404) is backoff.judge(301) is backoff.Verdict.FAILED


def test_exponential_delays_with_jitter_and_a_cap() -> None:
    rng = random.Random(1)
    delays = [backoff.retry_delay(n, base=10, cap=3600, rng=rng) for n in range(1, 12)]
    for n, delay in enumerate(delays, 1):
        assert min(3600, 10 * 2 ** (n - 1)) * 0.5 <= delay <= min(3600, 10 * 2 ** (n - 1))
    assert backoff.retry_delay(1, base=10, cap=60, retry_after=7200) == 60
    assert backoff.retry_delay(3, base=10, cap=60, retry_after=2) == 2


NOW = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120),
        (" 7 ", 7),
        ("Tue, 01 Jan 2030 00:00:30 GMT", 30),
        ("Mon, 31 Dec 2029 00:00:00 GMT", 0),  # in the past: now
        (None, None),
        ("", None),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        # Not ASCII digits, though str.isdigit says they are: float() refused "²" with a
        # ValueError that crashed the sender.
        ("²", None),
        ("١٢", None),
        ("Tue, 01 Jan 99999 00:00:00 GMT", None),
        ("Tue, 01 Jan 2030 99:99:99 GMT", None),
    ],
)
def test_retry_after(header: str | None, seconds: float | None) -> None:
    assert backoff.parse_retry_after(header, NOW) == seconds
