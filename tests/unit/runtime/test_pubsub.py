"""Pub/sub: fan-out, bounded subscribers, and a publisher that never waits."""

from __future__ import annotations

import anyio
import pytest

from dais.runtime import ActorSystem, OverflowPolicy, PubSub, SubscriberOverrun

from ._helpers import wait_until


async def test_publish_fans_out_to_every_subscriber_in_order() -> None:
    pubsub = PubSub()
    with pubsub.subscribe("t") as one, pubsub.subscribe("t") as two:
        with pubsub.subscribe("other") as other:
            assert [pubsub.publish("t", i) for i in range(3)] == [2, 2, 2]
            assert other.pending == 0
        got = [[await sub.receive() for _ in range(3)] for sub in (one, two)]
    assert got == [[0, 1, 2], [0, 1, 2]]
    assert pubsub.publish("t", 3) == 0  # leaving the block unsubscribed


async def test_a_slow_subscriber_is_marked_overrun_and_the_publisher_never_waits() -> None:
    pubsub = PubSub()
    with pubsub.subscribe("t", maxsize=2) as slow, pubsub.subscribe("t", maxsize=100) as fast:
        reached = [pubsub.publish("t", i) for i in range(5)]  # plain calls: nothing to await
        assert reached == [2, 2, 1, 1, 1]
        assert (slow.overrun, fast.overrun) == (3, 0)
        assert [await slow.receive() for _ in range(2)] == [0, 1]
        pubsub.publish("t", 5)
        assert await slow.receive() == 5
        [topic, totals] = pubsub.metrics()
        assert (topic.topic, topic.subscribers, topic.published, topic.overrun) == ("t", 2, 6, 3)
        assert (totals.topic, totals.delivered, totals.dropped) == ("*", 9, 0)
        for i in range(10_000):  # nobody reads: the publisher still goes straight through
            pubsub.publish("t", i)
        assert (slow.overrun, fast.overrun) == (3 + 10_000 - 2, 10_000 - (100 - 6))


async def test_a_slow_subscriber_under_drop_policy_is_dropped() -> None:
    pubsub = PubSub()
    policy = OverflowPolicy.DROP_SUBSCRIBER
    with pubsub.subscribe("t", maxsize=2, policy=policy) as slow, pubsub.subscribe("t") as fast:
        assert [pubsub.publish("t", i) for i in range(4)] == [2, 2, 1, 1]
        assert slow.dropped
        received = []
        with pytest.raises(SubscriberOverrun) as caught:
            async for message in slow:
                received.append(message)
        assert received == [0, 1]  # what it had buffered, then the overrun
        assert caught.value.topic == "t"
        assert fast.pending == 4
        [topic, _] = pubsub.metrics()
        assert (topic.subscribers, topic.dropped) == (1, 1)


async def test_shutdown_ends_subscriptions() -> None:
    async with ActorSystem() as system:
        received: list[object] = []

        async def consume() -> None:
            async with system.pubsub.subscribe("t") as subscription:
                async for message in subscription:
                    received.append(message)

        async with anyio.create_task_group() as tg:
            tg.start_soon(consume)
            await wait_until(lambda: len(system.pubsub.metrics()) == 2)  # topic t, then totals
            system.pubsub.publish("t", "hello")
            await system.shutdown()  # the consumer's loop ends, so the task group exits
    assert received == ["hello"]
    with system.pubsub.subscribe("late") as late:
        assert [m async for m in late] == []
