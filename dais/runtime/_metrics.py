"""Per-actor counters, and the frozen snapshot the HTTP layer renders."""

from __future__ import annotations

import math

import attrs

#: Upper bounds (seconds) of the handling-time histogram buckets, Prometheus style.
BUCKETS: tuple[float, ...] = (0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, math.inf)


@attrs.frozen
class ActorMetrics:
    """A snapshot of one actor's counters.

    ``handled`` counts every message whose handler ran to an end (``failed`` is the part
    of those that raised; ``resumed`` the part after which the actor resumed).
    ``bucket_counts`` are cumulative, one per bound in ``BUCKETS`` (``le`` semantics), so
    the last equals ``handling_seconds_count``.
    """

    name: str
    mailbox_depth: int
    mailbox_size: int
    handled: int
    failed: int
    resumed: int
    crashes: int
    restarts: int
    dropped: int
    handling_seconds_sum: float
    handling_seconds_count: int
    bucket_counts: tuple[int, ...]
    buckets: tuple[float, ...] = BUCKETS


class Counters:
    """Mutable counters kept by an actor cell across its incarnations."""

    __slots__ = (
        "buckets",
        "crashes",
        "dropped",
        "failed",
        "handled",
        "restarts",
        "resumed",
        "seconds",
    )

    def __init__(self) -> None:
        self.handled = 0
        self.failed = 0
        self.resumed = 0
        self.crashes = 0
        self.restarts = 0
        self.dropped = 0
        self.seconds = 0.0
        # Per-bucket (non-cumulative) counts, indexed by bisect_left(BUCKETS, elapsed).
        self.buckets = [0] * len(BUCKETS)

    def snapshot(self, name: str, mailbox_depth: int, mailbox_size: int) -> ActorMetrics:
        cumulative: list[int] = []
        total = 0
        for count in self.buckets:
            total += count
            cumulative.append(total)
        return ActorMetrics(
            name=name,
            mailbox_depth=mailbox_depth,
            mailbox_size=mailbox_size,
            handled=self.handled,
            failed=self.failed,
            resumed=self.resumed,
            crashes=self.crashes,
            restarts=self.restarts,
            dropped=self.dropped,
            handling_seconds_sum=self.seconds,
            handling_seconds_count=self.handled,
            bucket_counts=tuple(cumulative),
        )
