"""The Redis/Valkey broker, shared by several dais replicas."""

from __future__ import annotations

import math
import re
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit, urlunsplit

import anyio
import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from ._broker import BrokerUnavailable, Message, Subscription, check_ttl

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from redis.asyncio.client import PubSub

#: Errors meaning "the server cannot be reached"; OSError covers anyio's TimeoutError.
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

#: Keys are found with SCAN MATCH and removed with UNLINK this many at a time.
_BATCH = 500

#: How long a subscription's reader waits for a message before polling again; each
#: poll lets redis-py send its health-check PING, so a dead connection is noticed.
_POLL_SECONDS = 1.0

# INCR, then give the counter its window only when it has none: on creation, or if
# a plain set() left it without expiry (otherwise it would never reset). One script
# so the two steps are atomic.
_INCR_WITH_TTL = """
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return count
"""


class RedisBroker:
    """A broker on Redis or Valkey, with every key and channel under ``key_prefix``.

    Commands share one connection pool; each subscription holds its own pub/sub
    connection, drained by a reader task into the subscription's bounded mailbox.
    Every network wait is bounded by ``timeout`` seconds and a failure to reach the
    server raises :class:`BrokerUnavailable` naming the URL (without credentials).
    """

    kind = "redis"

    def __init__(self, url: str, *, key_prefix: str = "dais:", timeout: float = 5.0) -> None:
        self._url = redact_url(url)
        self._prefix = key_prefix
        self._timeout = timeout
        self._client = aioredis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            health_check_interval=15,
            # A couple of quick reconnect attempts ride out a server restart; the
            # enclosing fail_after still bounds the whole call.
            retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), retries=2),
        )
        self._incr_script = self._client.register_script(_INCR_WITH_TTL)

    async def publish(self, channel: str, message: bytes) -> int:
        with self._bounded():
            receivers: int = await self._client.publish(self._prefix + channel, message)
        return receivers

    @asynccontextmanager
    async def subscribe(self, *channels: str, maxsize: int = 1024) -> AsyncIterator[Subscription]:
        """Subscribe to ``channels``; the server has confirmed them on entry.

        :raises BrokerUnavailable: the server cannot be reached
        """
        subscription = Subscription(channels, maxsize)
        pubsub = self._client.pubsub()
        try:
            with self._bounded():
                await pubsub.subscribe(*(self._prefix + c for c in subscription.channels))
                await self._confirm(pubsub, subscription)
            with _single_errors():
                async with anyio.create_task_group() as tg:
                    tg.start_soon(self._read, pubsub, subscription)
                    try:
                        yield subscription
                    finally:
                        tg.cancel_scope.cancel()
        finally:
            subscription._close()
            with anyio.move_on_after(self._timeout, shield=True):
                await pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py leaves it bare

    async def get(self, key: str) -> bytes | None:
        with self._bounded():
            value = await self._client.get(self._prefix + key)
        # Typed bytes | str; always bytes here, as decode_responses is off.
        return cast("bytes | None", value)

    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None:
        px = None if ttl is None else _milliseconds(ttl)
        with self._bounded():
            await self._client.set(self._prefix + key, value, px=px)

    async def delete(self, key: str) -> None:
        with self._bounded():
            await self._client.unlink(self._prefix + key)

    async def delete_prefix(self, prefix: str) -> int:
        """Remove keys starting with ``prefix`` with SCAN + UNLINK, never blocking Redis.

        Each round trip is bounded by the timeout, not the whole sweep. Keys written
        while the sweep runs may survive it, as SCAN guarantees only the keys present
        throughout.
        """
        pattern = _glob_escape(self._prefix + prefix) + "*"
        removed = 0
        cursor = 0
        while True:
            with self._bounded():
                cursor, keys = await self._client.scan(cursor, match=pattern, count=_BATCH)
            if keys:
                with self._bounded():
                    removed += await self._client.unlink(*keys)
            if cursor == 0:
                return removed

    async def incr(self, key: str, *, ttl: float) -> int:
        args = [_milliseconds(ttl)]
        try:
            with self._bounded():
                count: int = await self._incr_script(keys=[self._prefix + key], args=args)
        except ResponseError as exc:
            raise ValueError(f"{key!r} does not hold an integer: {exc}") from exc
        return count

    async def ttl(self, key: str) -> float | None:
        with self._bounded():
            milliseconds: int = await self._client.pttl(self._prefix + key)
        # -2: no such key; -1: no expiry.
        return None if milliseconds < 0 else milliseconds / 1000

    async def ping(self) -> None:
        with self._bounded():
            await self._client.ping()

    async def aclose(self) -> None:
        with anyio.move_on_after(self._timeout, shield=True):
            await self._client.aclose()

    @contextmanager
    def _bounded(self) -> Iterator[None]:
        """Bound the block by the timeout and map unreachability to BrokerUnavailable."""
        try:
            with anyio.fail_after(self._timeout):
                yield
        except _UNREACHABLE as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: BaseException) -> BrokerUnavailable:
        detail = str(exc) or f"no answer within {self._timeout:g} s"
        return BrokerUnavailable(f"Redis at {self._url} is unavailable: {detail}")

    async def _confirm(self, pubsub: PubSub, subscription: Subscription) -> None:
        """Wait until the server confirms every channel, so publishes after entry arrive.

        SUBSCRIBE is only sent by ``pubsub.subscribe``; a PUBLISH on another connection
        could overtake it. Messages on channels confirmed earlier are kept.
        """
        pending = {(self._prefix + c).encode() for c in subscription.channels}
        while pending:
            reply = await pubsub.get_message(timeout=self._timeout)
            if reply is None:
                continue
            if reply["type"] == "subscribe":
                pending.discard(reply["channel"])
            else:
                self._deliver(reply, subscription)

    async def _read(self, pubsub: PubSub, subscription: Subscription) -> None:
        """Drain the pub/sub connection into the mailbox until cancelled or disconnected.

        redis-py reconnects and resubscribes on its own (messages published meanwhile
        are lost, as pub/sub is at most once); when it gives up, the subscription ends
        with BrokerUnavailable.
        """
        try:
            while True:
                reply = await pubsub.get_message(
                    ignore_subscribe_messages=True, timeout=_POLL_SECONDS
                )
                if reply is not None:
                    self._deliver(reply, subscription)
        except _UNREACHABLE as exc:
            subscription._fail(self._unavailable(exc))

    def _deliver(self, reply: dict[str, Any], subscription: Subscription) -> None:
        if reply["type"] != "message":
            return
        channel = reply["channel"].decode()[len(self._prefix) :]
        subscription._deliver(Message(channel=channel, data=reply["data"]))


def redact_url(url: str) -> str:
    """Return ``url`` without password or query (which may carry one), for messages."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _milliseconds(ttl: float) -> int:
    """Redis expiries are whole milliseconds; round up so a short TTL is never zero."""
    check_ttl(ttl)
    return max(1, math.ceil(ttl * 1000))


def _glob_escape(text: str) -> str:
    """Escape the characters SCAN MATCH treats as glob syntax."""
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)


@contextmanager
def _single_errors() -> Iterator[None]:
    """Re-raise a lone exception from a task group as itself, not an ExceptionGroup.

    The reader task never raises by design, so a lone error comes from the caller's
    ``async with`` body and should reach them unwrapped (as Starlette's
    ``collapse_excgroups`` does), with its own ``__context__`` intact.
    """
    try:
        yield
    except BaseExceptionGroup as group:
        if len(group.exceptions) != 1:
            raise
        error = group.exceptions[0]
        context = error.__context__
        try:
            raise error  # noqa: B904 - the group is an artefact, not a cause
        finally:
            error.__context__ = context
            del error, context
