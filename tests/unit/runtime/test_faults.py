"""Handler faults: an actor that resumes answers the asker and serves on; restarts only
where its directive says its state may be corrupted; a burst never escalates."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from dais.runtime import (
    Actor,
    ActorCrashed,
    ActorSystem,
    ChildSpec,
    Fault,
    HandlerFailed,
)


class Ledger(Actor[Any]):
    """Its state is a counter it only changes after the part that may fail."""

    faults = Fault.RESUME
    concurrency = 4

    def __init__(self, starts: list[int]) -> None:
        self.count = 0
        starts.append(1)

    async def receive(self, message: Any) -> Any:
        if message == "boom":
            raise ValueError("invalid literal for int()")
        if message == "slow":
            await anyio.sleep(0.05)
        self.count += 1
        return self.count


async def test_resume_answers_the_asker_and_keeps_the_instance() -> None:
    starts: list[int] = []
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("ledger", lambda: Ledger(starts)))
        assert await ref.ask("add") == 1
        with pytest.raises(HandlerFailed) as caught:
            await ref.ask("boom")
        assert isinstance(caught.value.__cause__, ValueError)
        assert caught.value.actor == "ledger"
        assert caught.value.message_type == "str"
        assert await ref.ask("add") == 2  # the same instance, its state intact
        metrics = system.metrics()[0]
        assert (metrics.failed, metrics.resumed, metrics.crashes, metrics.restarts) == (1, 1, 0, 0)
    assert starts == [1]


async def test_a_fault_does_not_disturb_messages_in_flight_beside_it() -> None:
    starts: list[int] = []
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("ledger", lambda: Ledger(starts)))
        results: list[Any] = []

        async def ask(message: str) -> None:
            try:
                results.append(await ref.ask(message))
            except HandlerFailed as exc:
                results.append(exc)

        async with anyio.create_task_group() as tg:
            tg.start_soon(ask, "slow")
            tg.start_soon(ask, "boom")
        assert 1 in results
        assert sum(isinstance(r, HandlerFailed) for r in results) == 1


async def test_a_burst_of_faults_never_reaches_the_restart_intensity() -> None:
    starts: list[int] = []
    async with ActorSystem(intensity=3, period=5.0) as system:
        ref = await system.start_child(ChildSpec("ledger", lambda: Ledger(starts)))
        for _ in range(1000):
            with pytest.raises(HandlerFailed):
                await ref.ask("boom")
        assert await ref.ask("add") == 1
    assert starts == [1]


async def test_a_told_message_that_fails_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    starts: list[int] = []
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("ledger", lambda: Ledger(starts)))
        ref.tell("boom")
        assert await ref.ask("add") == 1
    failures = [r for r in caplog.records if "told str failed; resumed" in r.getMessage()]
    assert len(failures) == 1
    assert failures[0].exc_info is not None


class Cache(Actor[Any]):
    """Keeps state in memory: a fault on a write may leave it half-changed, so it restarts."""

    def __init__(self, starts: list[int]) -> None:
        self.entries: dict[str, int] = {}
        starts.append(1)

    def on_fault(self, message: Any, error: Exception) -> Fault:
        return Fault.RESUME if message == ("get", "boom") else Fault.RESTART

    async def receive(self, message: Any) -> Any:
        kind, key = message
        if kind == "put":
            self.entries[key] = len(self.entries)
            if key == "boom":
                raise RuntimeError("half-written")
            return None
        if key == "boom":
            raise KeyError(key)
        return self.entries.get(key)


async def test_on_fault_chooses_per_message() -> None:
    starts: list[int] = []
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("cache", lambda: Cache(starts)))
        await ref.ask(("put", "a"))
        with pytest.raises(HandlerFailed):
            await ref.ask(("get", "boom"))  # a read: resumed
        assert await ref.ask(("get", "a")) == 0
        with pytest.raises(ActorCrashed):
            await ref.ask(("put", "boom"))  # a write that failed halfway: restarted
        # The fresh instance has neither the half-write nor what came before it.
        assert await ref.ask(("get", "a")) is None
    assert starts == [1, 1]


class Confused(Actor[Any]):
    faults = Fault.RESUME

    def on_fault(self, message: Any, error: Exception) -> Fault:
        raise AssertionError("a bug in the directive itself")

    async def receive(self, message: Any) -> Any:
        raise RuntimeError("boom")


async def test_a_directive_that_raises_restarts() -> None:
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("confused", Confused))
        with pytest.raises(ActorCrashed):
            await ref.ask("x")
        with anyio.fail_after(2):
            while system.metrics()[0].restarts < 1:  # noqa: ASYNC110
                await anyio.sleep(0.001)
