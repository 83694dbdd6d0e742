"""tell and ask: replies, domain errors, full mailboxes, timeouts and concurrency."""

from __future__ import annotations

from typing import Any, ClassVar

import anyio
import pytest

from dais.runtime import (
    Actor,
    ActorStopped,
    AskTimeout,
    ChildSpec,
    MailboxFull,
    UnknownActor,
)
from dais.runtime import ActorSystem as System

from ._helpers import Journal, Rejected, Worker, wait_until, worker


async def test_ask_returns_the_handler_reply_and_tell_is_handled() -> None:
    journal = Journal()
    async with System() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal)))
        assert await ref.ask(41) == ("echo", 41)
        ref.tell("told")
        await wait_until(lambda: journal.count("w", "got told") == 1)
        assert system.ref("w") is ref
        assert dict(system.refs()) == {"w": ref}


async def test_domain_error_is_raised_in_the_asker_and_the_actor_lives_on() -> None:
    journal = Journal()
    async with System() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal)))
        with pytest.raises(Rejected, match="no"):
            await ref.ask("no")
        ref.tell("no")  # a told domain error is logged, not a crash
        assert await ref.ask(1) == ("echo", 1)
        assert journal.count("w", "started") == 1


async def test_full_mailbox_raises_mailbox_full_without_blocking() -> None:
    journal = Journal()
    gate = anyio.Event()

    class Small(Worker):
        mailbox_size = 2

    async with System() as system:
        ref = await system.start_child(ChildSpec("small", lambda: Small("small", journal, gate)))
        ref.tell("gate")
        await wait_until(lambda: journal.count("small", "gated") == 1)
        ref.tell(1)
        ref.tell(2)
        with pytest.raises(MailboxFull) as caught:
            ref.tell(3)
        assert caught.value.actor == "small"
        with anyio.fail_after(1), pytest.raises(MailboxFull):
            await ref.ask(4)
        gate.set()
        await wait_until(lambda: journal.count("small", "got 2") == 1)
        assert await ref.ask(5) == ("echo", 5)
        assert journal.count("small", "got 1") == 1


async def test_ask_timeout_and_a_gone_caller_do_not_hurt_the_actor() -> None:
    journal = Journal()
    gate = anyio.Event()
    async with System() as system:
        ref = await system.start_child(ChildSpec("w", worker("w", journal, gate)))
        with pytest.raises(AskTimeout) as caught:
            await ref.ask("gate", timeout=0.05)
        assert (caught.value.actor, caught.value.timeout) == ("w", 0.05)
        with anyio.move_on_after(0.05):  # a caller cancelled while its ask is queued
            await ref.ask("queued")
        gate.set()  # the actor now replies to two askers that have gone
        assert await ref.ask(2) == ("echo", 2)
        assert journal.count("w", "started") == 1
        assert journal.count("w", "got queued") == 1


class Gauge(Actor[int]):
    """Measures how many of its handlers run at once."""

    running = 0
    peak = 0

    async def receive(self, message: int) -> int:
        cls = type(self)
        cls.running += 1
        cls.peak = max(cls.peak, cls.running)
        await anyio.sleep(0.02)
        cls.running -= 1
        return message


class SerialGauge(Gauge):
    concurrency: ClassVar[int] = 1


class ParallelGauge(Gauge):
    concurrency: ClassVar[int] = 4


@pytest.mark.parametrize(("gauge", "peak"), [(SerialGauge, 1), (ParallelGauge, 4)])
async def test_concurrency_bounds_handlers_in_flight(gauge: type[Gauge], peak: int) -> None:
    gauge.running = gauge.peak = 0
    replies: list[Any] = []
    async with System() as system:
        ref = await system.start_child(ChildSpec("g", gauge))

        async def ask(i: int) -> None:
            replies.append(await ref.ask(i))

        async with anyio.create_task_group() as tg:
            for i in range(12):
                tg.start_soon(ask, i)
    assert sorted(replies) == list(range(12))
    assert gauge.peak == peak


async def test_registry_errors_are_clear() -> None:
    journal = Journal()
    async with System() as system:
        with pytest.raises(UnknownActor, match="no actor or supervisor named 'ghost'"):
            system.ref("ghost")
        with pytest.raises(KeyError):
            system.ref("ghost")
        await system.start_child(ChildSpec("w", worker("w", journal)))
        with pytest.raises(ValueError, match="names already in use: w"):
            await system.start_child(ChildSpec("w", worker("w", journal)))
        with pytest.raises(UnknownActor):
            await system.start_child(ChildSpec("v", worker("v", journal)), parent="ghost")


async def test_actor_knows_its_ref_and_system_once_started() -> None:
    seen: list[Any] = []

    class Self(Actor[str]):
        async def started(self) -> None:
            seen.extend([self.name, self.ref, self.system])

        async def receive(self, message: str) -> str:
            return f"{self.name}:{message}"

    loose = Self()
    with pytest.raises(RuntimeError, match="not running under an ActorSystem"):
        _ = loose.ref
    async with System() as system:
        ref = await system.start_child(ChildSpec("me", Self))
        assert seen == ["me", ref, system]
        assert await ref.ask("hi") == "me:hi"
    with pytest.raises(ActorStopped):
        ref.tell("late")
