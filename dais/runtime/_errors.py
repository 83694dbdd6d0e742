"""Exceptions raised by the actor runtime."""

from __future__ import annotations


class DomainError(Exception):
    """Base for expected errors: raised by a handler, re-raised in the asker; the actor lives on."""


class MailboxFull(Exception):
    """A tell or ask found the actor's mailbox full (the caller is never made to wait)."""

    def __init__(self, actor: str) -> None:
        super().__init__(f"mailbox of actor {actor!r} is full")
        self.actor = actor


class AskTimeout(Exception):
    """An ask got no reply within its timeout."""

    def __init__(self, actor: str, timeout: float) -> None:
        super().__init__(f"actor {actor!r} did not reply within {timeout:g}s")
        self.actor = actor
        self.timeout = timeout


class ActorCrashed(Exception):
    """The actor crashed while the ask was queued or in flight; ``__cause__`` is the crash."""

    def __init__(self, actor: str) -> None:
        super().__init__(f"actor {actor!r} crashed")
        self.actor = actor


class HandlerFailed(Exception):
    """The handler raised an unexpected error on this message and the actor resumed.

    Raised in the asker when the actor's ``on_fault`` chose ``Fault.RESUME``; ``__cause__`` is
    the handler's error. The actor handles its next message as if nothing had happened.
    """

    def __init__(self, actor: str, message: object) -> None:
        super().__init__(f"actor {actor!r} failed to handle {type(message).__name__}")
        self.actor = actor
        self.message_type = type(message).__name__


class ActorStopped(Exception):
    """The actor is stopped or stopping, so it takes no new messages and answers no more asks."""

    def __init__(self, actor: str) -> None:
        super().__init__(f"actor {actor!r} is stopped")
        self.actor = actor


class SupervisorEscalation(Exception):
    """A supervisor exceeded its restart intensity and gave up; ``__cause__`` is the last crash."""

    def __init__(self, supervisor: str, intensity: int, period: float) -> None:
        super().__init__(f"supervisor {supervisor!r} exceeded {intensity} restarts in {period:g}s")
        self.supervisor = supervisor
        self.intensity = intensity
        self.period = period


class UnknownActor(KeyError):
    """No actor (or supervisor) is registered under the name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"no actor or supervisor named {self.name!r} is registered"


class SubscriberOverrun(Exception):
    """A subscription was dropped because it fell behind (``OverflowPolicy.DROP_SUBSCRIBER``)."""

    def __init__(self, topic: str) -> None:
        super().__init__(f"subscriber to {topic!r} fell behind and was dropped")
        self.topic = topic
