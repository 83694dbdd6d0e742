"""Graceful shutdown: stop intake, drain, clean up, then cancel; reverse start order."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from dais.runtime import Actor, ActorRef, ActorStopped, ActorSystem, ChildSpec, SupervisorSpec

from ._helpers import Journal, wait_until, worker


class Slow(Actor[int]):
    """Takes a while per message and records what it handled and when it cleaned up."""

    def __init__(self, journal: Journal, delay: float) -> None:
        self.journal = journal
        self.delay = delay

    async def receive(self, message: int) -> int:
        self.journal.add("slow", "handling")
        await anyio.sleep(self.delay)
        self.journal.add("slow", f"handled {message}")
        return message

    async def stopped(self) -> None:
        self.journal.add("slow", "stopped")


async def test_shutdown_drains_the_mailbox_then_runs_stopped() -> None:
    journal = Journal()
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("slow", lambda: Slow(journal, 0.005)))
        for i in range(5):
            ref.tell(i)
        await system.shutdown()
        assert [e for _, e in journal.events] == [
            e for i in range(5) for e in ("handling", f"handled {i}")
        ] + ["stopped"]
        with pytest.raises(ActorStopped):
            ref.tell(5)
        with pytest.raises(ActorStopped):
            await ref.ask(6)
        await system.shutdown()  # idempotent
    assert system.metrics()[0].handled == 5


async def test_asks_left_after_the_drain_timeout_get_actor_stopped() -> None:
    journal = Journal()
    outcomes: list[Any] = []
    with anyio.fail_after(5):
        async with ActorSystem(drain_timeout=0.05) as system:
            ref = await system.start_child(ChildSpec("slow", lambda: Slow(journal, 30)))

            async def ask(i: int) -> None:
                try:
                    outcomes.append(await ref.ask(i, timeout=30))
                except ActorStopped as exc:
                    outcomes.append(exc)

            async with anyio.create_task_group() as tg:
                for i in range(3):
                    tg.start_soon(ask, i)
                await wait_until(lambda: journal.count("slow", "handling") == 1)
                await system.shutdown()
    assert len(outcomes) == 3
    assert all(isinstance(o, ActorStopped) for o in outcomes)
    assert journal.events == [("slow", "handling"), ("slow", "stopped")]


async def test_children_stop_in_reverse_start_order() -> None:
    journal = Journal()
    spec = SupervisorSpec(
        "s", [ChildSpec("b", worker("b", journal)), ChildSpec("c", worker("c", journal))]
    )
    async with ActorSystem() as system:
        await system.start_child(ChildSpec("a", worker("a", journal)))
        await system.start_child(spec)
        await system.start_child(ChildSpec("d", worker("d", journal)))
    assert journal.of("started") == ["a", "b", "c", "d"]
    assert journal.of("stopped") == ["d", "c", "b", "a"]


class Forwarder(Actor[str]):
    """Asks an actor started before it, so that one must still be up while this one drains."""

    def __init__(self, target: ActorRef[Any], replies: list[Any]) -> None:
        self.target = target
        self.replies = replies

    async def receive(self, message: str) -> None:
        self.replies.append(await self.target.ask(message))


async def test_a_draining_actor_can_still_ask_actors_started_before_it() -> None:
    journal = Journal()
    replies: list[Any] = []
    async with ActorSystem() as system:
        target = await system.start_child(ChildSpec("t", worker("t", journal)))
        ref = await system.start_child(ChildSpec("f", lambda: Forwarder(target, replies)))
        ref.tell("x")
        ref.tell("y")
    assert replies == [("echo", "x"), ("echo", "y")]


class Stubborn(Actor[str]):
    async def receive(self, message: str) -> str:
        return message

    async def stopped(self) -> None:
        await anyio.sleep(30)


async def test_stopped_hook_is_bounded_by_shutdown_timeout() -> None:
    with anyio.fail_after(5):
        async with ActorSystem() as system:
            await system.start_child(ChildSpec("s", Stubborn, shutdown_timeout=0.05))


async def test_stop_child_removes_it() -> None:
    journal = Journal()
    async with ActorSystem() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal)))
        await system.stop_child("w")
        assert journal.of("stopped") == ["w"]
        assert "w" not in system.refs()
        with pytest.raises(ActorStopped):
            ref.tell(1)
        again = await system.start_child(ChildSpec("w", worker("w", journal)))
        assert await again.ask(1) == ("echo", 1)


async def test_body_errors_propagate_unwrapped_after_a_graceful_shutdown() -> None:
    journal = Journal()
    with pytest.raises(LookupError, match="from the body"):
        async with ActorSystem() as system:
            await system.start_child(ChildSpec("w", worker("w", journal)))
            raise LookupError("from the body")
    assert journal.of("stopped") == ["w"]


async def test_cancelling_the_owner_still_shuts_down_gracefully() -> None:
    journal = Journal()
    with anyio.move_on_after(0.05) as scope:
        async with ActorSystem() as system:
            ref = await system.start_child(ChildSpec("w", worker("w", journal)))
            await anyio.sleep(5)
    assert scope.cancelled_caught
    assert journal.of("stopped") == ["w"]
    with pytest.raises(ActorStopped):
        ref.tell(1)


async def test_stopping_a_supervisor_unregisters_its_subtree() -> None:
    journal = Journal()
    spec = SupervisorSpec("s", [ChildSpec("a", worker("a", journal))])
    async with ActorSystem() as system:
        await system.start_child(spec)
        await system.start_child(ChildSpec("b", worker("b", journal)), parent="s")
        assert set(system.refs()) == {"a", "b"}
        await system.stop_child("s")
        assert journal.of("stopped") == ["b", "a"]
        assert dict(system.refs()) == {}
        await system.start_child(spec)  # the names are free again
        assert await system.ref("a").ask(1) == ("echo", 1)
