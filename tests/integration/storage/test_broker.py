"""The broker contract, run against the in-process broker and a real Redis."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import anyio
import pytest
import redis.asyncio as aioredis

from dais.storage.broker import (
    Broker,
    BrokerUnavailable,
    Message,
    RedisBroker,
    Subscription,
    open_broker,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable


@pytest.fixture(params=["memory", "redis"])
def broker_url(request: pytest.FixtureRequest) -> str | None:
    """None for the in-process broker, else a freshly flushed Redis database."""
    if request.param == "memory":
        return None
    url: str = request.getfixturevalue("redis_url")
    return url


@pytest.fixture
async def broker(broker_url: str | None) -> AsyncIterator[Broker]:
    async with open_broker(broker_url, key_prefix="test:") as opened:
        yield opened


async def next_message(subscription: Subscription) -> Message:
    with anyio.fail_after(2):
        return await subscription.receive()


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    """Poll ``check`` until it holds, for at most 5 s."""
    with anyio.fail_after(5):
        # The condition depends on Redis or a reader task, which signal no Event.
        while not await check():  # noqa: ASYNC110
            await anyio.sleep(0.01)


# -- pub/sub -----------------------------------------------------------------------


async def test_published_message_reaches_subscriber(broker: Broker) -> None:
    async with broker.subscribe("logs") as subscription:
        assert await broker.publish("logs", b"hello") == 1
        assert await next_message(subscription) == Message(channel="logs", data=b"hello")


async def test_subscription_covers_several_channels(broker: Broker) -> None:
    async with broker.subscribe("a", "b", "a") as subscription:
        assert subscription.channels == ("a", "b")
        await broker.publish("b", b"1")
        await broker.publish("elsewhere", b"not for us")
        await broker.publish("a", b"2")
        assert await next_message(subscription) == Message("b", b"1")
        assert await next_message(subscription) == Message("a", b"2")


async def test_every_subscriber_receives(broker: Broker) -> None:
    async with broker.subscribe("events") as first, broker.subscribe("events") as second:
        assert await broker.publish("events", b"x") == 2
        assert await next_message(first) == Message("events", b"x")
        assert await next_message(second) == Message("events", b"x")


async def test_publish_without_subscriber_reaches_nobody(broker: Broker) -> None:
    assert await broker.publish("void", b"x") == 0
    async with broker.subscribe("void"):
        pass
    assert await broker.publish("void", b"x") == 0


async def test_iteration_yields_messages_in_order(broker: Broker) -> None:
    async with broker.subscribe("seq") as subscription:
        for i in range(3):
            await broker.publish("seq", b"%d" % i)
        received = []
        with anyio.fail_after(2):
            async for message in subscription:
                received.append(message.data)
                if len(received) == 3:
                    break
    assert received == [b"0", b"1", b"2"]


async def test_slow_subscriber_drops_without_blocking_others(broker: Broker) -> None:
    count = 2000
    async with (
        broker.subscribe("flood", maxsize=8) as slow,
        broker.subscribe("flood", maxsize=count) as fast,
    ):
        with anyio.fail_after(5):
            for i in range(count):
                await broker.publish("flood", b"%d" % i)

        async def slow_saw_everything() -> bool:
            return slow.overrun >= count - 8

        # Redis delivers through a reader task: wait for it to have seen everything.
        await eventually(slow_saw_everything)
        assert slow.overrun == count - 8
        assert fast.overrun == 0
        assert [(await next_message(slow)).data for _ in range(8)] == [b"%d" % i for i in range(8)]
        assert [(await next_message(fast)).data for _ in range(count)] == [
            b"%d" % i for i in range(count)
        ]


async def test_error_in_subscribe_block_propagates_unwrapped(broker: Broker) -> None:
    with pytest.raises(KeyError, match="boom") as caught:
        async with broker.subscribe("x"):
            raise KeyError("boom") from ValueError("why")
    assert isinstance(caught.value.__cause__, ValueError)
    # The subscription is gone afterwards.
    assert await broker.publish("x", b"") == 0


async def test_cancelled_wait_leaves_subscription_cleanly(broker: Broker) -> None:
    with anyio.move_on_after(0.2) as scope:
        async with broker.subscribe("quiet") as subscription:
            await subscription.receive()
    assert scope.cancelled_caught
    assert await broker.publish("quiet", b"") == 0


async def test_subscribe_rejects_bad_arguments(broker: Broker) -> None:
    with pytest.raises(ValueError, match="at least one channel"):
        async with broker.subscribe():
            pass
    with pytest.raises(ValueError, match="maxsize"):
        async with broker.subscribe("x", maxsize=0):
            pass


# -- cache entries -----------------------------------------------------------------


async def test_get_set_delete(broker: Broker) -> None:
    assert await broker.get("k") is None
    await broker.set("k", b"v1")
    assert await broker.get("k") == b"v1"
    await broker.set("k", b"v2")
    assert await broker.get("k") == b"v2"
    await broker.delete("k")
    assert await broker.get("k") is None
    await broker.delete("k")  # deleting a missing key is fine


async def test_set_with_ttl_expires(broker: Broker) -> None:
    await broker.set("short", b"v", ttl=0.2)
    assert await broker.get("short") == b"v"
    await anyio.sleep(0.3)
    assert await broker.get("short") is None
    assert await broker.ttl("short") is None


async def test_set_without_ttl_clears_expiry(broker: Broker) -> None:
    await broker.set("k", b"v", ttl=0.2)
    await broker.set("k", b"v")
    await anyio.sleep(0.3)
    assert await broker.get("k") == b"v"


async def test_ttl_values(broker: Broker) -> None:
    assert await broker.ttl("missing") is None
    await broker.set("forever", b"v")
    assert await broker.ttl("forever") is None
    await broker.set("ten", b"v", ttl=10)
    remaining = await broker.ttl("ten")
    assert remaining is not None
    assert 9 < remaining <= 10


@pytest.mark.parametrize("ttl", [0, -1, float("nan"), float("inf")])
async def test_nonpositive_ttl_is_rejected(broker: Broker, ttl: float) -> None:
    with pytest.raises(ValueError, match="ttl"):
        await broker.set("k", b"v", ttl=ttl)
    with pytest.raises(ValueError, match="ttl"):
        await broker.incr("k", ttl=ttl)


async def test_delete_prefix(broker: Broker) -> None:
    for key in ("repo:1:readme", "repo:1:tree", "repo:10:readme", "repo:2:readme", "other"):
        await broker.set(key, b"v")
    assert await broker.delete_prefix("repo:1:") == 2
    assert await broker.get("repo:1:readme") is None
    assert await broker.get("repo:1:tree") is None
    assert await broker.get("repo:10:readme") == b"v"
    assert await broker.get("repo:2:readme") == b"v"
    assert await broker.delete_prefix("nothing:") == 0


async def test_delete_prefix_takes_glob_characters_literally(broker: Broker) -> None:
    await broker.set("cache:[ab]*?:1", b"v")
    await broker.set("cache:a:1", b"v")
    await broker.set("cache:b\\:1", b"v")
    assert await broker.delete_prefix("cache:[ab]*?") == 1
    assert await broker.get("cache:a:1") == b"v"
    assert await broker.get("cache:b\\:1") == b"v"


async def test_delete_prefix_removes_more_than_one_batch(broker: Broker) -> None:
    for i in range(1200):
        await broker.set(f"bulk:{i}", b"v")
    assert await broker.delete_prefix("bulk:") == 1200
    assert await broker.get("bulk:0") is None


async def test_key_prefix_isolates_deployments(broker: Broker, broker_url: str | None) -> None:
    async with open_broker(broker_url, key_prefix="other:") as other:
        await broker.set("shared", b"mine")
        assert await other.get("shared") is None
        await other.set("shared", b"theirs")
        assert await broker.get("shared") == b"mine"
        assert await other.delete_prefix("") == 1
        assert await broker.get("shared") == b"mine"
        async with other.subscribe("events"):
            assert await broker.publish("events", b"x") == 0


# -- counters ----------------------------------------------------------------------


async def test_concurrent_incr_is_atomic(broker: Broker) -> None:
    results: list[int] = []

    async def bump() -> None:
        results.append(await broker.incr("hits", ttl=10))

    with anyio.fail_after(5):
        async with anyio.create_task_group() as tg:
            for _ in range(50):
                tg.start_soon(bump)
    assert sorted(results) == list(range(1, 51))
    assert await broker.get("hits") == b"50"


async def test_incr_window_is_fixed_at_creation(broker: Broker) -> None:
    assert await broker.incr("window", ttl=0.5) == 1
    await anyio.sleep(0.25)
    assert await broker.incr("window", ttl=0.5) == 2
    remaining = await broker.ttl("window")
    assert remaining is not None
    assert remaining <= 0.3  # not extended back to 0.5
    await anyio.sleep(0.35)
    assert await broker.get("window") is None
    assert await broker.incr("window", ttl=0.5) == 1


async def test_incr_gives_a_counter_without_expiry_one(broker: Broker) -> None:
    await broker.set("stuck", b"5")
    assert await broker.incr("stuck", ttl=10) == 6
    assert await broker.ttl("stuck") is not None


async def test_incr_of_non_integer_raises(broker: Broker) -> None:
    await broker.set("text", b"abc")
    with pytest.raises(ValueError, match="integer"):
        await broker.incr("text", ttl=10)


# -- health ------------------------------------------------------------------------


async def test_ping(broker: Broker) -> None:
    await broker.ping()
    assert broker.kind in {"memory", "redis"}


async def test_unreachable_redis_raises_broker_unavailable_quickly() -> None:
    url = "redis://dais:hunter2@127.0.0.1:1/0"
    started = time.monotonic()
    async with open_broker(url) as broker:
        with pytest.raises(BrokerUnavailable) as caught:
            await broker.ping()
        with pytest.raises(BrokerUnavailable):
            async with broker.subscribe("x"):
                pass
    assert time.monotonic() - started < 2
    message = str(caught.value)
    assert "redis://dais@127.0.0.1:1/0" in message
    assert "hunter2" not in message


async def test_unanswering_redis_times_out() -> None:
    """A server that accepts connections but never replies is bounded by the timeout."""
    async with await anyio.create_tcp_listener(local_host="127.0.0.1") as listener:
        port = listener.extra(anyio.abc.SocketAttribute.local_port)
        broker = RedisBroker(f"redis://127.0.0.1:{port}/0", timeout=0.3)
        started = time.monotonic()
        try:
            with pytest.raises(BrokerUnavailable, match=f"127.0.0.1:{port}"):
                await broker.ping()
        finally:
            await broker.aclose()
    assert time.monotonic() - started < 2


async def test_redis_subscription_survives_a_dropped_connection(redis_url: str) -> None:
    """redis-py reconnects and resubscribes; messages published afterwards arrive."""
    name = f"dais-test-{time.monotonic_ns()}"
    async with (
        open_broker(f"{redis_url}?client_name={name}") as broker,
        broker.subscribe("events") as subscription,
    ):
        admin = aioredis.Redis.from_url(redis_url)
        try:
            clients = await admin.client_list(_type="pubsub")
            ids = [c["id"] for c in clients if c["name"] == name]
            assert len(ids) == 1
            assert await admin.client_kill_filter(_id=ids[0]) == 1
        finally:
            await admin.aclose()

        async def resubscribed() -> bool:
            return await broker.publish("events", b"again") == 1

        await eventually(resubscribed)
        assert await next_message(subscription) == Message("events", b"again")
