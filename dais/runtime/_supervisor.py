"""Supervisors: start children in order, restart them as in OTP, stop them in reverse."""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING

import anyio
from anyio import BrokenResourceError, ClosedResourceError, create_memory_object_stream

from ._cell import ActorCell
from ._child import Child, logger
from ._errors import ActorStopped, SupervisorEscalation
from ._spec import Restart, Strategy, SupervisorSpec

if TYPE_CHECKING:
    from anyio.abc import TaskGroup, TaskStatus
    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

    from ._spec import ChildSpec
    from ._system import ActorSystem

#: (child, its generation when it exited, the crash or None for a normal exit)
_Exit = tuple[Child, int, Exception | None]


def build(spec: ChildSpec | SupervisorSpec, system: ActorSystem, parent: Supervisor) -> Child:
    """Create the (not yet started) child tree for ``spec``."""
    if isinstance(spec, SupervisorSpec):
        supervisor = Supervisor(spec, system, parent)
        supervisor.children = [build(child, system, supervisor) for child in spec.children]
        return supervisor
    return ActorCell(spec, system, parent)


class Supervisor(Child):
    """Watches its children's exits in one loop; restarts, gives up, or removes them.

    Starting, restarting and stopping children is serialized by a lock, so a child's
    ``started()`` must not start siblings under its own supervisor (it would wait on it).
    """

    def __init__(
        self, spec: SupervisorSpec, system: ActorSystem, parent: Supervisor | None
    ) -> None:
        super().__init__(spec.name, spec.restart, system, parent)
        self.spec = spec
        #: In start order; rest_for_one restarts a crashed child and those after it.
        self.children: list[Child] = []
        self._lock = anyio.Lock()
        self._task_group: TaskGroup | None = None
        self._exits: MemoryObjectSendStream[_Exit] | None = None
        self._restarts: deque[float] = deque()

    def names(self) -> list[str]:
        found = [self.name]
        for child in self.children:
            found.extend(child.names())
        return found

    # -- called by children and the system ---------------------------------------------

    def child_exited(self, child: Child, generation: int, error: Exception | None) -> None:
        """Queue an exit for the supervision loop (at most one per child incarnation)."""
        exits = self._exits
        try:
            if exits is None:
                raise ClosedResourceError
            exits.send_nowait((child, generation, error))
        except (ClosedResourceError, BrokenResourceError):
            if error is not None:
                logger.error(
                    "%r crashed while its supervisor %r was stopping",
                    child.name,
                    self.name,
                    exc_info=error,
                )

    async def add_child(self, child: Child) -> None:
        """Append ``child`` and start it; on failure it is not kept.

        :raises ActorStopped: if this supervisor is not running
        """
        async with self._lock:
            if self._task_group is None or self.stop_requested:
                raise ActorStopped(self.name)
            self.children.append(child)
            try:
                await child.start(self._task_group)
            except BaseException:
                self.children.remove(child)
                await child.stop()
                raise

    async def remove_child(self, child: Child) -> None:
        """Stop ``child`` for good and forget it."""
        async with self._lock:
            if child in self.children:
                await self._remove(child)

    async def stop(self) -> None:
        """Stop the children in reverse start order, then end the supervision loop."""
        self.stop_requested = True
        if not self.running:
            return
        async with self._lock:
            await self._stop_children()
            if self._exits is not None:
                self._exits.close()
        await self._wait_done()

    # -- the supervision loop -----------------------------------------------------------

    async def _incarnation(self, task_status: TaskStatus[None]) -> None:
        channel: tuple[MemoryObjectSendStream[_Exit], MemoryObjectReceiveStream[_Exit]]
        # Unbounded in type only: it holds at most one exit per child incarnation.
        channel = create_memory_object_stream(math.inf)
        self._exits, exits = channel
        self._restarts.clear()
        failure: Exception | None = None
        try:
            async with anyio.create_task_group() as task_group:
                self._task_group = task_group
                async with self._lock:
                    failure = await self._start_children()
                if failure is None:
                    self._mark_up(task_status)
                    async for child, generation, error in exits:
                        async with self._lock:
                            failure = await self._child_exit(child, generation, error)
                        if failure is not None:
                            break
        finally:
            self._task_group = None
            self._exits.close()
            exits.close()
        if failure is not None:
            raise failure

    async def _start_children(self) -> Exception | None:
        assert self._task_group is not None
        started: list[Child] = []
        for child in list(self.children):
            try:
                await child.start(self._task_group)
            except Exception as exc:
                await child.stop()
                for sibling in reversed(started):
                    await sibling.stop()
                return exc
            started.append(child)
        return None

    async def _stop_children(self) -> None:
        for child in reversed(self.children):
            await child.stop()

    async def _child_exit(
        self, child: Child, generation: int, error: Exception | None
    ) -> Exception | None:
        if child.generation != generation or child.stop_requested or child not in self.children:
            return None  # stale: already stopped or restarted by us
        crashed = error is not None
        if crashed:
            logger.error("%r crashed (supervisor %r)", child.name, self.name, exc_info=error)
        if not child.restart.restarts_after(crashed):
            await self._remove(child)
            return None
        if not self._may_restart():
            return await self._give_up(error)
        if self.spec.strategy is Strategy.ONE_FOR_ONE:
            affected = [child]
        else:
            affected = self.children[self.children.index(child) :]
        for sibling in reversed(affected[1:]):
            await sibling.stop()
        for member in affected:
            if member is not child and member.restart is Restart.TEMPORARY:
                await self._remove(member)
                continue
            failure = await self._restart(member)
            if failure is not None:
                return failure
        return None

    async def _restart(self, child: Child) -> Exception | None:
        assert self._task_group is not None
        while True:
            try:
                await child.start(self._task_group)
            except Exception as exc:
                logger.error("%r failed to restart", child.name, exc_info=exc)
                if not self._may_restart():
                    return await self._give_up(exc)
            else:
                return None

    def _may_restart(self) -> bool:
        """Record a restart; False once more than intensity happened within period."""
        now = anyio.current_time()
        restarts = self._restarts
        restarts.append(now)
        while restarts and restarts[0] <= now - self.spec.period:
            restarts.popleft()
        return len(restarts) <= self.spec.intensity

    async def _give_up(self, cause: Exception | None) -> Exception:
        await self._stop_children()
        for child in [c for c in self.children if c.restart is Restart.TEMPORARY]:
            await self._remove(child)
        escalation = SupervisorEscalation(self.name, self.spec.intensity, self.spec.period)
        escalation.__cause__ = cause
        logger.error("supervisor %r gave up", self.name, exc_info=escalation)
        return escalation

    async def _remove(self, child: Child) -> None:
        await child.stop()
        self.children.remove(child)
        self.system._unregister(child)
