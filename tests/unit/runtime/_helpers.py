"""Small actors and waits shared by the runtime tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import anyio

from dais.runtime import Actor, DomainError

if TYPE_CHECKING:
    from collections.abc import Callable


class Rejected(DomainError):
    """An expected, domain-level refusal."""


async def wait_until(predicate: Callable[[], bool], within: float = 2.0) -> None:
    """Poll ``predicate`` until it holds; fail the test after ``within`` seconds."""
    with anyio.fail_after(within):
        while not predicate():  # noqa: ASYNC110 - polling what the test observes from outside
            await anyio.sleep(0.001)


class Journal:
    """What the actors of one test did, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def add(self, name: str, event: str) -> None:
        self.events.append((name, event))

    def count(self, name: str, event: str) -> int:
        return self.events.count((name, event))

    def of(self, event: str) -> list[str]:
        return [name for name, e in self.events if e == event]


class Worker(Actor[Any]):
    """Answers ``("echo", x)``; crashes on ``"boom"``; refuses ``"no"``; waits on ``"gate"``."""

    def __init__(self, name: str, journal: Journal, gate: anyio.Event | None = None) -> None:
        self.label = name
        self.journal = journal
        self.gate = gate

    async def started(self) -> None:
        self.journal.add(self.label, "started")

    async def stopped(self) -> None:
        self.journal.add(self.label, "stopped")

    async def receive(self, message: Any) -> Any:
        if message == "boom":
            raise RuntimeError("boom")
        if message == "no":
            raise Rejected("no")
        if message == "gate":
            self.journal.add(self.label, "gated")
            assert self.gate is not None
            await self.gate.wait()
            return "opened"
        if message == "stop":
            self.stop()
            return "stopping"
        self.journal.add(self.label, f"got {message}")
        return ("echo", message)


def worker(name: str, journal: Journal, gate: anyio.Event | None = None) -> Callable[[], Worker]:
    return lambda: Worker(name, journal, gate)
