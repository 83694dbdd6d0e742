"""The ``Actor`` base class that domain actors subclass."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

if TYPE_CHECKING:
    from ._cell import ActorCell
    from ._ref import ActorRef
    from ._system import ActorSystem

M = TypeVar("M")


class Fault(StrEnum):
    """What becomes of an actor whose handler raised an unexpected error (Akka's directives).

    Either way the asker gets an error and the mailbox is kept.
    """

    #: The error cannot have left the actor's state half-changed (its state lives in a
    #: database transaction that rolled back, or the handler only read): answer the asker
    #: with ``HandlerFailed`` and go on with the same instance. No restart is counted.
    RESUME = "resume"
    #: The error may have left in-memory state half-changed: crash, so the supervisor
    #: starts a fresh instance (and counts the restart against its intensity).
    RESTART = "restart"


class Actor(Generic[M]):
    """State plus a handler, fed one message at a time (or ``concurrency`` at a time).

    A supervisor builds a fresh instance for every (re)start from its ``ChildSpec.factory``.
    A handler raising a ``DomainError`` answers the asker with it and the actor lives on.
    Any other exception raised by a handler is a *fault*: ``on_fault`` decides whether the
    actor resumes (the asker gets ``HandlerFailed``) or crashes to be restarted. An
    exception in ``started`` or ``background`` always crashes the actor.
    """

    #: Bound of the mailbox; a tell or ask on a full mailbox raises ``MailboxFull``.
    mailbox_size: ClassVar[int] = 1024
    #: 1 = strictly serial; N = up to N messages handled concurrently.
    concurrency: ClassVar[int] = 1

    #: What ``on_fault`` answers unless overridden. RESTART is the safe choice for an actor
    #: that keeps state in memory; an actor whose state is all in the database (each
    #: change one transaction) declares RESUME.
    faults: ClassVar[Fault] = Fault.RESTART

    _cell: ActorCell | None = None

    @property
    def name(self) -> str:
        """The name this actor is registered under."""
        return self._bound().name

    @property
    def ref(self) -> ActorRef[M]:
        """A ref to this actor (available from ``started`` on)."""
        return self._bound().ref

    @property
    def system(self) -> ActorSystem:
        """The actor system this actor runs in."""
        return self._bound().system

    def stop(self) -> None:
        """Exit normally once the messages already in the mailbox are handled.

        Intake stops at once. A ``PERMANENT`` child is restarted afterwards (as in OTP);
        ``TRANSIENT`` and ``TEMPORARY`` children are removed.
        """
        self._bound().request_stop()

    async def started(self) -> None:
        """Set up before the first message; raising here is a crash."""

    async def receive(self, message: M) -> Any:
        """Handle one message; the return value is the reply to an ask (ignored for a tell)."""
        raise NotImplementedError(f"{type(self).__name__} does not implement receive()")

    def on_fault(self, message: M, error: Exception) -> Fault:
        """Whether to resume or restart after a handler raised ``error`` on ``message``.

        Called in the worker right after the fault; raising here counts as RESTART.
        """
        return self.faults

    async def background(self) -> None:
        """Optional long-running loop beside the mailbox; raising here is a crash."""

    async def stopped(self) -> None:
        """Clean up after a stop or a crash, once the handlers and ``background`` have ended.

        Runs shielded from cancellation, bounded by the child's ``shutdown_timeout``.
        """

    def _bound(self) -> ActorCell:
        cell = self._cell
        if cell is None:
            raise RuntimeError(f"{type(self).__name__} is not running under an ActorSystem")
        return cell
