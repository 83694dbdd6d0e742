"""In-process publish/subscribe with bounded subscriptions; publishing never waits."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

import attrs
from anyio import (
    BrokenResourceError,
    ClosedResourceError,
    EndOfStream,
    WouldBlock,
    create_memory_object_stream,
)

from ._errors import SubscriberOverrun

if TYPE_CHECKING:
    from types import TracebackType

    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream


class OverflowPolicy(StrEnum):
    """What happens to a subscriber whose buffer is full when a message is published."""

    DROP_SUBSCRIBER = "drop"  # unsubscribe it; its iterator raises SubscriberOverrun
    MARK_OVERRUN = "overrun"  # skip the message for it and count it in ``overrun``


@attrs.frozen
class TopicMetrics:
    """Counters of one topic (kept while it has subscribers) or of all topics (``"*"``)."""

    topic: str
    subscribers: int
    published: int
    delivered: int
    overrun: int
    dropped: int


@attrs.define
class _TopicCounters:
    published: int = 0
    delivered: int = 0
    overrun: int = 0
    dropped: int = 0


class Subscription:
    """A bounded queue of one topic's messages: a context manager and an async iterator.

    Use it as ``with pubsub.subscribe(topic) as sub: async for message in sub: ...``
    (``async with`` works too); leaving the block unsubscribes. The iterator ends when the
    subscription is closed or the PubSub shuts down, and raises ``SubscriberOverrun``
    (after the messages still buffered) if it was dropped for falling behind.
    """

    def __init__(self, pubsub: PubSub, topic: str, maxsize: int, policy: OverflowPolicy) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize must be >= 1, got {maxsize}")
        self.topic = topic
        self.policy = policy
        #: Messages skipped for this subscriber because its buffer was full.
        self.overrun = 0
        #: True once dropped for falling behind (``OverflowPolicy.DROP_SUBSCRIBER``).
        self.dropped = False
        self._pubsub = pubsub
        channel: tuple[MemoryObjectSendStream[object], MemoryObjectReceiveStream[object]]
        channel = create_memory_object_stream(maxsize)
        self._send, self._recv = channel

    def __repr__(self) -> str:
        return f"<Subscription {self.topic!r} overrun={self.overrun} dropped={self.dropped}>"

    @property
    def pending(self) -> int:
        """Messages buffered and not yet received."""
        return self._recv.statistics().current_buffer_used

    async def receive(self) -> object:
        """The next message.

        :raises SubscriberOverrun: if dropped for falling behind (once the buffer is empty)
        :raises EndOfStream: if the subscription was closed or the PubSub shut down
        """
        try:
            return await self._recv.receive()
        except ClosedResourceError:
            raise EndOfStream from None
        except EndOfStream:
            if self.dropped:
                raise SubscriberOverrun(self.topic) from None
            raise

    def close(self) -> None:
        """Unsubscribe; idempotent."""
        self._pubsub._unsubscribe(self)
        self._send.close()
        self._recv.close()

    def __enter__(self) -> Subscription:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> object:
        try:
            return await self.receive()
        except EndOfStream:
            raise StopAsyncIteration from None


class PubSub:
    """Topic fan-out inside one process; a slow subscriber never slows the publisher."""

    def __init__(self) -> None:
        self._topics: dict[str, tuple[Subscription, ...]] = {}
        self._counters: dict[str, _TopicCounters] = {}
        self._totals = _TopicCounters()
        self._closed = False

    def subscribe(
        self,
        topic: str,
        *,
        maxsize: int = 256,
        policy: OverflowPolicy = OverflowPolicy.MARK_OVERRUN,
    ) -> Subscription:
        """Subscribe to ``topic`` now; messages published from here on are buffered."""
        subscription = Subscription(self, topic, maxsize, policy)
        if self._closed:
            subscription._send.close()  # iterating it ends at once
            return subscription
        self._topics[topic] = (*self._topics.get(topic, ()), subscription)
        self._counters.setdefault(topic, _TopicCounters())
        return subscription

    def publish(self, topic: str, message: object) -> int:
        """Offer ``message`` to every subscriber of ``topic``; never waits.

        :return: the number of subscribers that got it
        """
        totals = self._totals
        totals.published += 1
        subscribers = self._topics.get(topic)
        if not subscribers:
            return 0
        counters = self._counters[topic]
        counters.published += 1
        reached = 0
        for subscription in subscribers:
            try:
                subscription._send.send_nowait(message)
            except WouldBlock:
                if subscription.policy is OverflowPolicy.MARK_OVERRUN:
                    subscription.overrun += 1
                    counters.overrun += 1
                    totals.overrun += 1
                else:
                    subscription.dropped = True
                    counters.dropped += 1
                    totals.dropped += 1
                    self._unsubscribe(subscription)
                    subscription._send.close()
            except (BrokenResourceError, ClosedResourceError):
                self._unsubscribe(subscription)  # closed by its owner meanwhile
            else:
                reached += 1
        counters.delivered += reached
        totals.delivered += reached
        return reached

    def metrics(self) -> list[TopicMetrics]:
        """Per-topic counters for topics with subscribers, then the totals as topic ``"*"``."""
        found = [
            TopicMetrics(
                topic=topic,
                subscribers=len(self._topics.get(topic, ())),
                published=c.published,
                delivered=c.delivered,
                overrun=c.overrun,
                dropped=c.dropped,
            )
            for topic, c in self._counters.items()
        ]
        t = self._totals
        found.append(
            TopicMetrics(
                topic="*",
                subscribers=sum(len(s) for s in self._topics.values()),
                published=t.published,
                delivered=t.delivered,
                overrun=t.overrun,
                dropped=t.dropped,
            )
        )
        return found

    def close(self) -> None:
        """End every subscription's iterator (after what is buffered); later ones end at once."""
        self._closed = True
        for subscribers in self._topics.values():
            for subscription in subscribers:
                subscription._send.close()
        self._topics.clear()
        self._counters.clear()

    def _unsubscribe(self, subscription: Subscription) -> None:
        topic = subscription.topic
        subscribers = self._topics.get(topic)
        if subscribers is None or subscription not in subscribers:
            return
        remaining = tuple(s for s in subscribers if s is not subscription)
        if remaining:
            self._topics[topic] = remaining
        else:
            del self._topics[topic]
            self._counters.pop(topic, None)
