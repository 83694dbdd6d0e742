"""Per-actor counters: handled, failed, crashes, restarts, mailbox depth, handling time."""

from __future__ import annotations

import anyio
import pytest

from dais.runtime import BUCKETS, ActorCrashed, ActorSystem, ChildSpec

from ._helpers import Journal, Rejected, wait_until, worker


async def test_metrics_count_what_the_actor_did() -> None:
    journal = Journal()
    gate = anyio.Event()
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal, gate)))
        for i in range(3):
            await ref.ask(i)
        for _ in range(2):
            with pytest.raises(Rejected):
                await ref.ask("no")
        with pytest.raises(ActorCrashed):
            await ref.ask("boom")
        await wait_until(lambda: journal.count("w", "started") == 2)

        ref.tell("gate")
        await wait_until(lambda: journal.count("w", "gated") == 1)
        for i in range(3):
            ref.tell(i)
        [busy] = system.metrics()
        gate.set()

    assert busy.name == "w"
    assert (busy.mailbox_depth, busy.mailbox_size) == (3, 1024)
    assert (busy.handled, busy.failed, busy.crashes, busy.restarts) == (6, 3, 1, 1)
    [final] = system.metrics()
    assert final.handled == 10  # the gated message and the three queued behind it drained
    assert final.mailbox_depth == 0
    assert final.handling_seconds_count == final.handled
    assert final.handling_seconds_sum > 0
    assert final.buckets == BUCKETS
    assert len(final.bucket_counts) == len(BUCKETS)
    assert list(final.bucket_counts) == sorted(final.bucket_counts)  # cumulative
    assert final.bucket_counts[-1] == final.handled
