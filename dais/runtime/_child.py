"""What a supervisor starts, watches and stops: an actor cell or another supervisor."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import anyio
from anyio import TASK_STATUS_IGNORED

if TYPE_CHECKING:
    from anyio.abc import TaskGroup, TaskStatus

    from ._spec import Restart
    from ._supervisor import Supervisor
    from ._system import ActorSystem

logger = logging.getLogger("dais.runtime")


class Child:
    """One supervised slot; it outlives its incarnations, so refs survive restarts.

    Each (re)start runs a new incarnation as a task in the parent supervisor's task group.
    When an incarnation ends without the parent having asked for it, the parent is told
    (``Supervisor.child_exited``) with the crash, or ``None`` for a normal exit.
    """

    def __init__(
        self, name: str, restart: Restart, system: ActorSystem, parent: Supervisor | None
    ) -> None:
        self.name = name
        self.restart = restart
        self.system = system
        self.parent = parent
        #: Bumped on every start, so a supervisor can ignore a stale exit report.
        self.generation = 0
        #: Set while the parent stops this child on purpose (no exit report then).
        self.stop_requested = False
        self.running = False
        self._up = False
        self._done: anyio.Event | None = None

    def names(self) -> list[str]:
        """Every name registered for this child (a supervisor includes its subtree)."""
        return [self.name]

    async def start(self, task_group: TaskGroup) -> None:
        """Start a new incarnation in ``task_group``; return once it is up.

        :raises Exception: whatever the incarnation raised while starting
        """
        self.stop_requested = False
        self.generation += 1
        await task_group.start(self._run, self.generation, name=self.name)

    async def stop(self) -> None:
        """Stop gracefully and wait for the incarnation to end (a no-op if not running)."""
        raise NotImplementedError

    async def _incarnation(self, task_status: TaskStatus[None]) -> None:
        """Run one incarnation; call ``_mark_up`` once started; raise to report a crash."""
        raise NotImplementedError

    def _mark_up(self, task_status: TaskStatus[None]) -> None:
        self._up = True
        task_status.started()

    async def _wait_done(self) -> None:
        done = self._done
        if done is not None:
            await done.wait()

    async def _run(
        self, generation: int, *, task_status: TaskStatus[None] = TASK_STATUS_IGNORED
    ) -> None:
        self.running = True
        self._up = False
        done = self._done = anyio.Event()
        error: Exception | None = None
        try:
            await self._incarnation(task_status)
        except Exception as exc:
            if not self._up:
                raise  # a failed start: ``task_group.start`` raises it to the starter
            error = exc
        finally:
            self.running = False
            done.set()
        parent = self.parent
        if parent is None:
            if error is not None:
                raise error  # the root supervisor fails the whole system
        elif not self.stop_requested:
            parent.child_exited(self, generation, error)
