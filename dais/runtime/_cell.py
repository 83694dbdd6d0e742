"""An actor's slot under its supervisor: mailbox, worker loop, crash and stop handling."""

from __future__ import annotations

from bisect import bisect_left
from time import perf_counter
from typing import TYPE_CHECKING, Any

import anyio
from anyio import (
    BrokenResourceError,
    ClosedResourceError,
    EndOfStream,
    WouldBlock,
    create_memory_object_stream,
)

from ._actor import Fault
from ._child import Child, logger
from ._errors import ActorCrashed, ActorStopped, DomainError, HandlerFailed
from ._metrics import BUCKETS, ActorMetrics, Counters
from ._ref import ActorRef, Envelope

if TYPE_CHECKING:
    from collections.abc import Callable

    from anyio.abc import TaskStatus
    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

    from ._actor import Actor
    from ._spec import ChildSpec
    from ._supervisor import Supervisor
    from ._system import ActorSystem

#: Put in the mailbox to wake a worker blocked on it when the actor starts draining.
_WAKE: Envelope[Any] = Envelope(None, None)
_GONE = (BrokenResourceError, ClosedResourceError, WouldBlock)


def _never_put(envelope: Envelope[Any]) -> None:
    raise WouldBlock  # pragma: no cover - refs check ``accepting`` first


class ActorCell(Child):
    """Runs incarnations of one actor over a mailbox that lives from start until stop.

    The mailbox is kept across a crash: asks queued or in flight when the actor crashes get
    ``ActorCrashed``, and messages sent while the supervisor restarts it wait for the new
    incarnation. A stop (by the supervisor, ``Actor.stop`` or shutdown) closes intake,
    drains, and answers leftover asks with ``ActorStopped``; a later start opens a new one.
    """

    def __init__(self, spec: ChildSpec, system: ActorSystem, parent: Supervisor) -> None:
        super().__init__(spec.name, spec.restart, system, parent)
        self.spec = spec
        self.ref: ActorRef[Any] = ActorRef(self)
        #: Whether tell/ask may enqueue; checked by refs before ``put``.
        self.accepting = False
        #: The mailbox's ``send_nowait``, cached for the hot path.
        self.put: Callable[[Envelope[Any]], None] = _never_put
        self.mailbox_size = 0
        self.counters = Counters()
        self._send: MemoryObjectSendStream[Envelope[Any]] | None = None
        self._recv: MemoryObjectReceiveStream[Envelope[Any]] | None = None
        self._concurrency = 1
        self._draining = False
        self._crash: Exception | None = None
        self._scope: anyio.CancelScope | None = None
        self._workers_done: anyio.Event | None = None
        self._incarnations = 0

    def metrics(self) -> ActorMetrics:
        recv = self._recv
        depth = recv.statistics().current_buffer_used if recv is not None else 0
        return self.counters.snapshot(self.name, depth, self.mailbox_size)

    # -- lifecycle ---------------------------------------------------------------------

    async def _incarnation(self, task_status: TaskStatus[None]) -> None:
        try:
            actor = self.spec.factory()
        except Exception:
            self.counters.crashes += 1
            raise
        actor._cell = self
        if self._recv is None:
            self._open_mailbox(actor.mailbox_size)
        self._concurrency = concurrency = max(1, actor.concurrency)
        self._crash = None
        self._draining = False
        workers_done = self._workers_done = anyio.Event()
        self.accepting = True
        try:
            with anyio.CancelScope() as scope:
                self._scope = scope
                try:
                    await actor.started()
                except Exception as exc:
                    self._crashed(exc)
                    raise
                self._mark_up(task_status)
                self._incarnations += 1
                if self._incarnations > 1:
                    self.counters.restarts += 1
                async with anyio.create_task_group() as tasks:
                    tasks.start_soon(self._background, actor, name=f"{self.name}.background")
                    if concurrency == 1:
                        await self._work(actor)
                    else:
                        async with anyio.create_task_group() as workers:
                            for _ in range(concurrency):
                                workers.start_soon(self._work, actor, name=f"{self.name}.worker")
                    workers_done.set()
                    tasks.cancel_scope.cancel()  # background() ends with the mailbox
        except BaseException:
            if self._crash is None:  # cancelled from outside: nobody will stop us properly
                self._close_mailbox()
            raise
        finally:
            workers_done.set()
            self._scope = None
            with anyio.move_on_after(self.spec.shutdown_timeout, shield=True):
                try:
                    await actor.stopped()
                except Exception:
                    logger.exception("actor %r: stopped() raised", self.name)
        if self._crash is not None:
            raise self._crash
        self._fail_queued()  # a normal exit: intake is closed, so only wake-ups remain

    async def stop(self) -> None:
        """Close intake, drain up to the system's drain_timeout, cancel, then run stopped()."""
        self.stop_requested = True
        self.accepting = False
        if self.running:
            self._begin_drain()
            if self._workers_done is not None:
                with anyio.move_on_after(self.system.drain_timeout):
                    await self._workers_done.wait()
            if self._scope is not None:
                self._scope.cancel()
            await self._wait_done()
        self._close_mailbox()

    def request_stop(self) -> None:
        """A normal exit asked for by the actor itself (``Actor.stop``)."""
        self.accepting = False
        if self.running:
            self._begin_drain()

    # -- mailbox -----------------------------------------------------------------------

    def _open_mailbox(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"actor {self.name!r}: mailbox_size must be >= 1, got {size}")
        channel: tuple[
            MemoryObjectSendStream[Envelope[Any]], MemoryObjectReceiveStream[Envelope[Any]]
        ]
        channel = create_memory_object_stream(size)
        self._send, self._recv = channel
        self.put = self._send.send_nowait
        self.mailbox_size = size

    def _close_mailbox(self) -> None:
        self.accepting = False
        self._fail_queued()
        if self._send is not None:
            self._send.close()
        if self._recv is not None:
            self._recv.close()
        self._send = self._recv = None
        self.put = _never_put

    def _begin_drain(self) -> None:
        if self._draining:
            return
        self._draining = True
        for _ in range(self._concurrency):
            try:
                self.put(_WAKE)
            except WouldBlock:
                break  # a full mailbox means no worker is blocked waiting on it
            except (BrokenResourceError, ClosedResourceError):
                break

    def _fail_queued(self) -> None:
        """Answer every queued ask (``ActorCrashed`` after a crash, else ``ActorStopped``)."""
        recv = self._recv
        if recv is None:
            return
        while True:
            try:
                envelope = recv.receive_nowait()
            except (WouldBlock, EndOfStream, ClosedResourceError):
                return
            if envelope.reply is not None:
                try:
                    envelope.reply.send_nowait((False, self._failure()))
                except _GONE:
                    pass
            elif envelope is not _WAKE:
                self.counters.dropped += 1

    def _failure(self) -> Exception:
        crash = self._crash
        if crash is None:
            return ActorStopped(self.name)
        error = ActorCrashed(self.name)
        error.__cause__ = crash
        return error

    def _crashed(self, exc: Exception) -> None:
        if self._crash is not None:
            return  # the first crash is the one reported
        self._crash = exc
        self.counters.crashes += 1
        self._fail_queued()
        if self._scope is not None:
            self._scope.cancel()

    def _fault(self, actor: Actor[Any], envelope: Envelope[Any], exc: Exception) -> Fault:
        """Apply the actor's fault directive; on RESUME, answer the asker here."""
        try:
            directive = actor.on_fault(envelope.message, exc)
        except Exception:
            logger.exception("actor %r: on_fault raised; restarting", self.name)
            return Fault.RESTART
        if directive is not Fault.RESUME:
            return Fault.RESTART
        self.counters.resumed += 1
        reply = envelope.reply
        if reply is None:  # nobody to hand it to: log it here, once
            logger.error(
                "actor %r: told %s failed; resumed",
                self.name,
                type(envelope.message).__name__,
                exc_info=exc,
            )
            return directive
        failure = HandlerFailed(self.name, envelope.message)
        failure.__cause__ = exc
        try:
            reply.send_nowait((False, failure))
        except _GONE:  # the asker has gone, so it will never log it
            logger.error(
                "actor %r: %s failed (asker gone); resumed",
                self.name,
                type(envelope.message).__name__,
                exc_info=exc,
            )
        return directive

    # -- tasks -------------------------------------------------------------------------

    async def _background(self, actor: Actor[Any]) -> None:
        try:
            await actor.background()
        except Exception as exc:
            self._crashed(exc)

    async def _work(self, actor: Actor[Any]) -> None:
        """Take envelopes off the mailbox and handle them, one at a time, until drained."""
        assert self._recv is not None
        receive = self._recv.receive
        receive_nowait = self._recv.receive_nowait
        handle = actor.receive
        counters = self.counters
        buckets = counters.buckets
        clock = perf_counter
        while True:
            if self._draining:
                try:
                    envelope = receive_nowait()
                except WouldBlock:
                    return
            else:
                envelope = await receive()
            if envelope is _WAKE:
                if self._draining:
                    return
                continue  # a wake-up left over from an earlier incarnation
            reply = envelope.reply
            started = clock()
            try:
                result = await handle(envelope.message)
            except DomainError as exc:
                answer: tuple[bool, Any] = (False, exc)
                counters.failed += 1
                if reply is None:
                    logger.warning("actor %r: told message failed: %r", self.name, exc)
            except Exception as exc:
                elapsed = clock() - started
                counters.failed += 1
                counters.handled += 1
                counters.seconds += elapsed
                buckets[bisect_left(BUCKETS, elapsed)] += 1
                if self._fault(actor, envelope, exc) is Fault.RESUME:
                    continue
                self._crashed(exc)
                if reply is not None:
                    try:
                        reply.send_nowait((False, self._failure()))
                    except _GONE:
                        pass
                return
            except BaseException:  # cancelled: a crash elsewhere, or a stop past drain_timeout
                if reply is not None:
                    try:
                        reply.send_nowait((False, self._failure()))
                    except _GONE:
                        pass
                raise
            else:
                answer = (True, result)
            elapsed = clock() - started
            counters.handled += 1
            counters.seconds += elapsed
            buckets[bisect_left(BUCKETS, elapsed)] += 1
            if reply is not None:
                try:
                    reply.send_nowait(answer)
                except _GONE:
                    pass  # the asker has gone (timed out or cancelled)
