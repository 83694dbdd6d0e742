"""A process that runs the event dispatcher with one recording subscriber.

Used by test_outbox_crash.py: ``python outbox_worker.py DATABASE_URL RECORD_FILE MODE``.
Mode ``hang`` records ``started <id>`` and then blocks inside the handler (the test kills the
process there, between commit and delivery); mode ``deliver`` records ``delivered <id>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import anyio

from dais.actors.events import EventDispatcher, Subscriber
from dais.runtime import ActorSystem, ChildSpec
from dais.storage.database import open_pool
from dais.storage.outbox import Event


async def main(url: str, record: Path, mode: str) -> None:
    async def handler(event: Event) -> None:
        with record.open("a") as fh:
            fh.write(f"{'started' if mode == 'hang' else 'delivered'} {event.id}\n")
        if mode == "hang":
            await anyio.sleep_forever()

    subscriber = Subscriber("crash-test", handler, from_start=True, timeout=3600)
    async with open_pool(url, size=4) as pool, ActorSystem("worker") as system:
        await system.start_child(
            ChildSpec("events", lambda: EventDispatcher(pool, [subscriber], poll_interval=0.2))
        )
        await anyio.sleep_forever()


if __name__ == "__main__":
    anyio.run(main, sys.argv[1], Path(sys.argv[2]), sys.argv[3])
