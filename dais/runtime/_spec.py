"""Declarative child and supervisor specifications, as in OTP child specs."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs

from ._actor import Actor

if TYPE_CHECKING:
    from collections.abc import Iterable


class Restart(StrEnum):
    """When a supervisor restarts a child (OTP restart types)."""

    PERMANENT = "permanent"  # always
    TRANSIENT = "transient"  # only after a crash (an unexpected exception)
    TEMPORARY = "temporary"  # never

    def restarts_after(self, crashed: bool) -> bool:
        """Whether a child of this type is restarted after a crash or a normal exit."""
        return self is Restart.PERMANENT or (self is Restart.TRANSIENT and crashed)


class Strategy(StrEnum):
    """Which children a supervisor restarts when one of them crashes."""

    ONE_FOR_ONE = "one_for_one"  # only the crashed child
    REST_FOR_ONE = "rest_for_one"  # the crashed child and every child started after it


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must not be empty")


@attrs.frozen
class ChildSpec:
    """An actor under a supervisor: ``factory`` builds a fresh instance for every (re)start."""

    name: str = attrs.field(validator=_non_empty)
    factory: Callable[[], Actor[Any]]
    restart: Restart = Restart.PERMANENT
    shutdown_timeout: float = attrs.field(default=5.0, validator=_non_negative)


def _children(
    value: Iterable[ChildSpec | SupervisorSpec],
) -> tuple[ChildSpec | SupervisorSpec, ...]:
    return tuple(value)


@attrs.frozen
class SupervisorSpec:
    """A supervisor and its children, started in order and stopped in reverse order.

    More than ``intensity`` restarts within ``period`` seconds make the supervisor stop its
    children and fail to its parent, which treats it as a crashed child.
    """

    name: str = attrs.field(validator=_non_empty)
    children: tuple[ChildSpec | SupervisorSpec, ...] = attrs.field(default=(), converter=_children)
    strategy: Strategy = Strategy.ONE_FOR_ONE
    intensity: int = attrs.field(default=3, validator=_non_negative)
    period: float = attrs.field(default=5.0, validator=_non_negative)
    restart: Restart = Restart.PERMANENT

    def names(self) -> list[str]:
        """This supervisor's name and every name below it, depth first."""
        found = [self.name]
        for child in self.children:
            found.extend(child.names() if isinstance(child, SupervisorSpec) else [child.name])
        return found
