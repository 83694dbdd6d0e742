"""What the live streams (Server-Sent Events, WebSockets) share: waiting for the next
broker message, bounded so a keep-alive goes out, and ended when the server stops."""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio

if TYPE_CHECKING:
    from dais.storage.broker import Message, Subscription

__all__ = ["KEEPALIVE", "next_message"]

#: Seconds of quiet after which a stream sends a keep-alive (proxies close idle ones).
KEEPALIVE = 15.0


async def next_message(
    messages: Subscription, stopping: anyio.Event, keepalive: float = KEEPALIVE
) -> Message | None:
    """The next message, or None after ``keepalive`` seconds or once the server stops."""
    got: Message | None = None
    with anyio.move_on_after(keepalive):
        async with anyio.create_task_group() as tg:

            async def receive() -> None:
                nonlocal got
                got = await messages.receive()
                tg.cancel_scope.cancel()

            async def stop() -> None:
                await stopping.wait()
                tg.cancel_scope.cancel()

            tg.start_soon(receive)
            tg.start_soon(stop)
    return got
