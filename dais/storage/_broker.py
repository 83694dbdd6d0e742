"""The broker contract shared by the in-process and Redis implementations."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Protocol

import anyio
import attrs

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager


class BrokerUnavailable(Exception):
    """The broker's backing service could not be reached within the timeout."""


@attrs.frozen
class Message:
    """One published message, as a subscriber receives it."""

    channel: str
    data: bytes


class Subscription:
    """A subscriber's bounded mailbox of :class:`Message`; iterate it to receive.

    Brokers hand messages over with :meth:`_deliver`, which never waits: when the
    mailbox is full the message is dropped for this subscriber alone and counted in
    :attr:`overrun`, so one slow reader cannot stall the publisher or other readers.
    """

    def __init__(self, channels: tuple[str, ...], maxsize: int) -> None:
        if not channels:
            raise ValueError("subscribe() needs at least one channel")
        if maxsize < 1:
            raise ValueError(f"maxsize must be at least 1, got {maxsize}")
        #: The channels subscribed to, without duplicates, in the order given.
        self.channels: tuple[str, ...] = tuple(dict.fromkeys(channels))
        #: Messages dropped because the mailbox was full.
        self.overrun = 0
        self._error: BaseException | None = None
        self._send, self._receive = anyio.create_memory_object_stream[Message](maxsize)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> Message:
        try:
            return await self.receive()
        except anyio.EndOfStream:
            raise StopAsyncIteration from None

    async def receive(self) -> Message:
        """Wait for the next message.

        :raises BrokerUnavailable: the connection behind the subscription was lost
            (after the messages received before the loss have been handed out)
        :raises anyio.EndOfStream: the subscription has ended
        """
        try:
            return await self._receive.receive()
        except anyio.EndOfStream:
            if self._error is not None:
                raise self._error from None
            raise

    def _deliver(self, message: Message) -> bool:
        """Queue ``message`` without waiting; False if it was dropped."""
        try:
            self._send.send_nowait(message)
        except anyio.WouldBlock:
            self.overrun += 1
            return False
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            return False
        return True

    def _fail(self, error: BaseException) -> None:
        """End the subscription; readers see ``error`` once the mailbox is drained."""
        self._error = error
        self._send.close()

    def _close(self) -> None:
        self._send.close()
        self._receive.close()


class Broker(Protocol):
    """Pub/sub fan-out, short-lived cache entries and TTL counters behind one interface.

    Live logs, session events and cache invalidation publish through it; rate limits
    count with :meth:`incr`. The in-process broker serves a single node, the Redis one
    lets several replicas share state.
    """

    #: ``"memory"`` or ``"redis"``.
    kind: str

    async def publish(self, channel: str, message: bytes) -> int:
        """Send ``message`` to the current subscribers of ``channel``.

        :return: how many subscribers it reached (Redis: the ``PUBLISH`` reply)
        :raises BrokerUnavailable: the backing service cannot be reached
        """
        ...

    def subscribe(
        self, *channels: str, maxsize: int = 1024
    ) -> AbstractAsyncContextManager[Subscription]:
        """Subscribe to ``channels``; live as soon as the context manager has entered.

        At most ``maxsize`` unread messages are kept; later ones are dropped and
        counted in :attr:`Subscription.overrun`.

        :raises BrokerUnavailable: the backing service cannot be reached
        """
        ...

    async def get(self, key: str) -> bytes | None:
        """Return the value under ``key``, or None when absent or expired."""
        ...

    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None:
        """Store ``value`` under ``key``, expiring after ``ttl`` seconds when given."""
        ...

    async def delete(self, key: str) -> None:
        """Remove ``key`` if present."""
        ...

    async def delete_prefix(self, prefix: str) -> int:
        """Remove every key starting with ``prefix`` (cache invalidation).

        :return: how many keys were removed
        """
        ...

    async def incr(self, key: str, *, ttl: float) -> int:
        """Atomically add one to the counter under ``key`` and return the new value.

        A new counter expires ``ttl`` seconds after creation; later increments do not
        extend it (a fixed window, as rate limits use).

        :raises ValueError: ``key`` holds something other than an integer
        """
        ...

    async def ttl(self, key: str) -> float | None:
        """Seconds until ``key`` expires; None when absent or without expiry."""
        ...

    async def ping(self) -> None:
        """Check the backing service answers.

        :raises BrokerUnavailable: it does not answer within the timeout
        """
        ...

    async def aclose(self) -> None:
        """Release connections; the broker must not be used afterwards."""
        ...


def check_ttl(ttl: float) -> None:
    """Reject TTLs that no backend can honour: zero, negative, NaN or infinite."""
    if not (math.isfinite(ttl) and ttl > 0):
        raise ValueError(f"ttl must be a positive number of seconds, got {ttl!r}")
