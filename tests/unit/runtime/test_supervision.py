"""Crashes and restarts: strategies, restart types, intensity and escalation."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from dais.runtime import (
    Actor,
    ActorCrashed,
    ActorStopped,
    ActorSystem,
    ChildSpec,
    Restart,
    Strategy,
    SupervisorEscalation,
    SupervisorSpec,
    UnknownActor,
)

from ._helpers import Journal, wait_until, worker


async def test_crash_fails_pending_asks_and_the_ref_reaches_the_restarted_actor() -> None:
    journal = Journal()
    gate = anyio.Event()
    outcomes: dict[str, Any] = {}
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal, gate)))

        async def ask(label: str, message: str) -> None:
            try:
                outcomes[label] = await ref.ask(message)
            except ActorCrashed as exc:
                outcomes[label] = exc

        async with anyio.create_task_group() as tg:
            tg.start_soon(ask, "first", "gate")
            await wait_until(lambda: journal.count("w", "gated") == 1)
            tg.start_soon(ask, "boom", "boom")
            await wait_until(lambda: system.metrics()[0].mailbox_depth == 1)
            tg.start_soon(ask, "queued", "after")
            await wait_until(lambda: system.metrics()[0].mailbox_depth == 2)
            gate.set()
        assert outcomes["first"] == "opened"
        for label in ("boom", "queued"):
            assert isinstance(outcomes[label], ActorCrashed)
            assert isinstance(outcomes[label].__cause__, RuntimeError)
        assert journal.count("w", "got after") == 0  # failed, not handed to the new one
        assert await ref.ask("again") == ("echo", "again")
        assert system.ref("w") is ref
        assert journal.of("started") == ["w", "w"]
        assert journal.of("stopped") == ["w"]  # the crashed incarnation cleaned up


class Pair(Actor[str]):
    """Two handlers at once; a crash in one fails the other, still in flight."""

    concurrency = 2

    async def receive(self, message: str) -> str:
        if message == "boom":
            await anyio.sleep(0.01)
            raise RuntimeError("boom")
        await anyio.sleep(10)
        return "never"


async def test_asks_in_flight_get_actor_crashed() -> None:
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("pair", Pair))
        errors: list[BaseException] = []

        async def ask(message: str) -> None:
            with pytest.raises(ActorCrashed) as caught:
                await ref.ask(message)
            errors.append(caught.value)

        async with anyio.create_task_group() as tg:
            tg.start_soon(ask, "hang")
            tg.start_soon(ask, "boom")
        assert [type(e.__cause__) for e in errors] == [RuntimeError, RuntimeError]


def _three(strategy: Strategy, journal: Journal) -> SupervisorSpec:
    return SupervisorSpec(
        "sup",
        [ChildSpec(n, worker(n, journal)) for n in ("a", "b", "c")],
        strategy=strategy,
    )


async def test_one_for_one_restarts_only_the_crashed_child() -> None:
    journal = Journal()
    async with ActorSystem() as system:
        await system.start_child(_three(Strategy.ONE_FOR_ONE, journal))
        system.ref("b").tell("boom")
        await wait_until(lambda: journal.count("b", "started") == 2)
        assert await system.ref("b").ask(1) == ("echo", 1)
        assert [journal.count(n, "started") for n in "abc"] == [1, 2, 1]


async def test_rest_for_one_restarts_the_crashed_child_and_those_after_it() -> None:
    journal = Journal()
    async with ActorSystem() as system:
        await system.start_child(_three(Strategy.REST_FOR_ONE, journal))
        journal.events.clear()
        system.ref("b").tell("boom")
        await wait_until(lambda: journal.count("c", "started") == 1)
        assert await system.ref("c").ask(1) == ("echo", 1)
        assert journal.events[:4] == [
            ("b", "stopped"),  # the crash
            ("c", "stopped"),  # stopped by the supervisor
            ("b", "started"),
            ("c", "started"),
        ]
        assert [m.restarts for m in system.metrics()] == [0, 1, 1]


@pytest.mark.parametrize(
    ("restart", "message", "restarted"),
    [
        (Restart.PERMANENT, "boom", True),
        (Restart.PERMANENT, "stop", True),
        (Restart.TRANSIENT, "boom", True),
        (Restart.TRANSIENT, "stop", False),
        (Restart.TEMPORARY, "boom", False),
        (Restart.TEMPORARY, "stop", False),
    ],
)
async def test_restart_types(restart: Restart, message: str, restarted: bool) -> None:
    """A crash is ``boom``; a normal exit is ``stop`` (the actor calls ``Actor.stop``)."""
    journal = Journal()
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal), restart=restart))
        ref.tell(message)
        await wait_until(lambda: journal.count("w", "stopped") == 1)
        if restarted:
            assert await ref.ask(1) == ("echo", 1)
            assert journal.count("w", "started") == 2
        else:
            await wait_until(lambda: "w" not in system.refs())
            with pytest.raises(ActorStopped):
                await ref.ask(1)
            with pytest.raises(UnknownActor):
                system.ref("w")
            assert journal.count("w", "started") == 1


async def test_intensity_exceeded_escalates_to_the_parent() -> None:
    journal = Journal()
    inner = SupervisorSpec(
        "inner",
        [ChildSpec("x", worker("x", journal)), ChildSpec("y", worker("y", journal))],
        intensity=1,
        period=10,
    )
    async with ActorSystem(intensity=5) as system:
        await system.start_child(SupervisorSpec("outer", [inner]))
        system.ref("x").tell("boom")  # restart 1 of 1 allowed
        await wait_until(lambda: journal.count("x", "started") == 2)
        assert journal.count("y", "started") == 1
        system.ref("x").tell("boom")  # too many: inner gives up, outer restarts it
        await wait_until(lambda: journal.count("y", "started") == 2)
        assert journal.count("x", "started") == 3
        assert await system.ref("x").ask(1) == ("echo", 1)
        assert await system.ref("y").ask(2) == ("echo", 2)


async def test_root_intensity_exceeded_fails_the_system() -> None:
    journal = Journal()
    reached_end = False
    with pytest.raises(SupervisorEscalation) as caught:
        async with ActorSystem(intensity=0) as system:
            ref = await system.start_child(ChildSpec("w", worker("w", journal)))
            ref.tell("boom")
            await anyio.sleep(5)  # cancelled when the root gives up
            reached_end = True
    assert not reached_end
    assert caught.value.supervisor == "dais"
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert journal.of("stopped") == ["w"]


class Ticker(Actor[str]):
    """Its background loop crashes once told to."""

    starts = 0

    def __init__(self) -> None:
        self.fail = anyio.Event()

    async def started(self) -> None:
        type(self).starts += 1

    async def background(self) -> None:
        await self.fail.wait()
        raise RuntimeError("background failed")

    async def receive(self, message: str) -> str:
        if message == "fail":
            self.fail.set()
        return message


async def test_background_crash_restarts_the_actor() -> None:
    Ticker.starts = 0
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("t", Ticker))
        assert await ref.ask("fail") == "fail"
        await wait_until(lambda: Ticker.starts == 2)
        assert await ref.ask("still here") == "still here"
        [metrics] = system.metrics()
        assert (metrics.crashes, metrics.restarts) == (1, 1)


class Unready(Actor[str]):
    async def started(self) -> None:
        raise OSError("no database")


async def test_failed_start_raises_from_start_child_and_keeps_nothing() -> None:
    async with ActorSystem() as system:
        with pytest.raises(OSError, match="no database"):
            await system.start_child(ChildSpec("u", Unready))
        assert "u" not in system.refs()
        with pytest.raises(OSError):
            await system.start_child(SupervisorSpec("s", [ChildSpec("u", Unready)]))
        with pytest.raises(UnknownActor):
            await system.start_child(ChildSpec("v", Unready), parent="s")


async def test_restart_that_keeps_failing_escalates() -> None:
    attempts = 0

    class FailsOnRestart(Actor[str]):
        async def started(self) -> None:
            nonlocal attempts
            attempts += 1
            if attempts > 1:
                raise OSError("still broken")

        async def receive(self, message: str) -> str:
            raise RuntimeError(message)

    with pytest.raises(SupervisorEscalation):
        async with ActorSystem(intensity=2) as system:
            (await system.start_child(ChildSpec("f", FailsOnRestart))).tell("boom")
            await anyio.sleep(5)
    assert attempts == 3  # the start plus two failed restarts; the third restart escalates
