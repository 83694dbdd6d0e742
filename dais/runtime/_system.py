"""The actor system: root supervisor, name registry, pub/sub and shutdown."""

from __future__ import annotations

from types import MappingProxyType, TracebackType
from typing import TYPE_CHECKING, Any, overload

import anyio

from ._cell import ActorCell
from ._errors import SupervisorEscalation, UnknownActor
from ._pubsub import PubSub
from ._spec import ChildSpec, SupervisorSpec
from ._supervisor import Supervisor, build

if TYPE_CHECKING:
    from collections.abc import Mapping

    from anyio.abc import TaskGroup

    from ._child import Child
    from ._metrics import ActorMetrics
    from ._ref import ActorRef


class ActorSystem:
    """Owns the root supervisor and the task group every actor task runs in.

    Use as ``async with ActorSystem() as system:``. If the root supervisor gives up
    (more than ``intensity`` restarts within ``period``), the body is cancelled and
    leaving the block raises ``SupervisorEscalation``.
    """

    def __init__(
        self,
        name: str = "dais",
        *,
        intensity: int = 3,
        period: float = 5.0,
        drain_timeout: float = 5.0,
    ) -> None:
        self.name = name
        #: How long a stopping actor may take to handle what is already in its mailbox.
        self.drain_timeout = drain_timeout
        self._pubsub = PubSub()
        self._actors: dict[str, ActorCell] = {}
        self._supervisors: dict[str, Supervisor] = {}
        spec = SupervisorSpec(name=name, intensity=intensity, period=period)
        self._root = Supervisor(spec, self, None)
        self._supervisors[name] = self._root
        self._task_group: TaskGroup | None = None
        self._shutdown: anyio.Event | None = None

    async def __aenter__(self) -> ActorSystem:
        if self._task_group is not None:
            raise RuntimeError(f"actor system {self.name!r} is already running")
        task_group = anyio.create_task_group()
        await task_group.__aenter__()
        self._task_group = task_group
        await self._root.start(task_group)  # an empty root cannot fail to start
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        task_group = self._task_group
        assert task_group is not None, "ActorSystem was not entered"
        with anyio.CancelScope(shield=True):  # bounded by drain and shutdown timeouts
            await self.shutdown()
        # Hand the task group a cancellation (it may be its own), but not the body's error,
        # which it would wrap in an ExceptionGroup.
        cancelled = isinstance(exc, anyio.get_cancelled_exc_class())
        try:
            if cancelled:
                return await task_group.__aexit__(exc_type, exc, tb)
            await task_group.__aexit__(None, None, None)
        except BaseExceptionGroup as group:
            escalation = _sole_escalation(group)
            if escalation is None:
                raise
        else:
            return None
        raise escalation

    # -- children ----------------------------------------------------------------------

    @overload
    async def start_child(self, spec: ChildSpec, *, parent: str | None = None) -> ActorRef[Any]: ...

    @overload
    async def start_child(self, spec: SupervisorSpec, *, parent: str | None = None) -> None: ...

    async def start_child(
        self, spec: ChildSpec | SupervisorSpec, *, parent: str | None = None
    ) -> ActorRef[Any] | None:
        """Start ``spec`` under the root (or the supervisor named ``parent``).

        Returns once the actor's ``started()`` (or every actor's, for a supervisor) ran.

        :return: the actor's ref, or ``None`` for a supervisor
        :raises ValueError: if a name in ``spec`` is already registered
        :raises UnknownActor: if there is no supervisor named ``parent``
        :raises ActorStopped: if that supervisor is not running (or the system stopped)
        :raises Exception: whatever a ``started()`` raised; nothing is kept then
        """
        supervisor = self._root if parent is None else self._supervisors.get(parent)
        if supervisor is None:
            raise UnknownActor(parent or "")
        names = spec.names() if isinstance(spec, SupervisorSpec) else [spec.name]
        taken = sorted(
            {n for n in names if n in self._actors or n in self._supervisors or names.count(n) > 1}
        )
        if taken:
            raise ValueError(f"names already in use: {', '.join(taken)}")
        child = build(spec, self, supervisor)
        self._register(child)
        try:
            await supervisor.add_child(child)
        except BaseException:
            self._unregister(child)
            raise
        return child.ref if isinstance(child, ActorCell) else None

    async def stop_child(self, name: str) -> None:
        """Stop the actor or supervisor ``name`` for good and unregister it (and its subtree).

        :raises UnknownActor: if nothing but the root is registered under ``name``
        """
        child: Child | None = self._actors.get(name) or self._supervisors.get(name)
        if child is None or child.parent is None:
            raise UnknownActor(name)
        await child.parent.remove_child(child)

    def ref(self, name: str) -> ActorRef[Any]:
        """The ref of the actor registered as ``name``.

        :raises UnknownActor: (a ``KeyError``) if no actor has that name
        """
        cell = self._actors.get(name)
        if cell is None:
            raise UnknownActor(name)
        return cell.ref

    def refs(self) -> Mapping[str, ActorRef[Any]]:
        """A snapshot of every registered actor's ref, by name."""
        return MappingProxyType({name: cell.ref for name, cell in self._actors.items()})

    @property
    def pubsub(self) -> PubSub:
        """The system's in-process pub/sub."""
        return self._pubsub

    def metrics(self) -> list[ActorMetrics]:
        """A snapshot of every registered actor's counters."""
        return [cell.metrics() for cell in self._actors.values()]

    async def shutdown(self) -> None:
        """Stop every actor, children before parents and in reverse start order; idempotent.

        Each actor stops taking messages, handles what its mailbox holds for up to
        ``drain_timeout``, is cancelled, and runs ``stopped()``; asks left over get
        ``ActorStopped``. Then every pub/sub subscription ends.
        """
        if self._shutdown is not None:
            await self._shutdown.wait()
            return
        done = self._shutdown = anyio.Event()
        try:
            await self._root.stop()
        finally:
            self._pubsub.close()
            done.set()

    # -- registry ----------------------------------------------------------------------

    def _register(self, child: Child) -> None:
        if isinstance(child, Supervisor):
            self._supervisors[child.name] = child
            for grandchild in child.children:
                self._register(grandchild)
        elif isinstance(child, ActorCell):
            self._actors[child.name] = child

    def _unregister(self, child: Child) -> None:
        if isinstance(child, Supervisor):
            if self._supervisors.get(child.name) is child:
                del self._supervisors[child.name]
            for grandchild in child.children:
                self._unregister(grandchild)
        elif isinstance(child, ActorCell) and self._actors.get(child.name) is child:
            del self._actors[child.name]


def _sole_escalation(group: BaseExceptionGroup[BaseException]) -> SupervisorEscalation | None:
    """The root's ``SupervisorEscalation`` if it is all the group holds."""
    leaves = group.exceptions
    if len(leaves) == 1:
        leaf = leaves[0]
        if isinstance(leaf, SupervisorEscalation):
            return leaf
        if isinstance(leaf, BaseExceptionGroup):
            return _sole_escalation(leaf)
    return None
