"""The interface every executor implements, and the records that cross it.

An executor runs one pipeline's steps somewhere: ``local`` as process groups in a workspace
on this machine (``local.py``), ``kubernetes`` as a pod per step (``kubernetes.py``). The
runner (``runner.py``) drives it: :meth:`Executor.prepare` once per pipeline, then
:meth:`Executor.run` for each step (several at once when the DAG allows), then
:meth:`Executor.collect` for a step's artifacts, and :meth:`Executor.finish` at the end.

Cancellation is the one way to stop a step, for a cancel and for a timeout alike: the runner
cancels the scope ``run`` awaits in, and ``run`` kills what it started (a grace period after
SIGTERM, then SIGKILL; or the pod deleted) under a shielded scope before the cancellation
propagates. So a cancelled pipeline never leaves anything running behind it.
:meth:`Executor.sweep` is the other half: at start (and now and then) it removes what an
earlier dais process left behind when it was killed before it could clean up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import attrs

from .pipeline import Service

__all__ = [
    "ArtifactSink",
    "Checkout",
    "Executor",
    "ExecutorError",
    "Output",
    "StepOutcome",
    "StepRun",
]


class ExecutorError(Exception):
    """The executor could not run the step at all (a workspace that cannot be made, a pod
    the API refused): the step fails with this message, which the log shows."""


@attrs.frozen
class Checkout:
    """What a pipeline's workspace holds: the repository at ``sha``.

    The local executor reads ``git_dir`` (the bare repository on this machine); the
    Kubernetes executor clones ``clone_url`` over smart HTTP with ``token`` (the pipeline's
    short-lived job token), which must never appear in a log, a pod spec's plain fields or
    an error message.
    """

    pipeline_id: int
    project_id: int
    project_path: str  # owner/name
    sha: str
    git_dir: Path
    clone_url: str
    token: str = attrs.field(repr=False)


@attrs.frozen
class StepRun:
    """One attempt of one step. ``environment`` is complete (pipeline variables, the step's
    environment, its secrets, and the ``CI``/``DAIS_*`` variables), so the executor only
    adds what its platform needs (``HOME``, ``PATH``)."""

    pipeline_id: int
    step_id: int
    name: str
    attempt: int
    commands: tuple[str, ...]
    image: str | None
    environment: Mapping[str, str] = attrs.field(repr=False)
    services: tuple[Service, ...] = ()


@attrs.frozen
class StepOutcome:
    """How a step's attempt ended on its own: ``exit_code`` of its script (0 is success).
    A step stopped by cancellation does not return an outcome: ``run`` raises the
    cancellation instead."""

    exit_code: int


class Output(Protocol):
    """Where a step's output goes, in chunks as it comes (stdout and stderr interleaved, in
    the order written). Awaiting it applies back-pressure."""

    async def __call__(self, chunk: bytes) -> None: ...


class ArtifactSink(Protocol):
    """Takes one artifact file: its path relative to the workspace (``/``-separated, never
    escaping it) and its bytes. Raises (an exception naming the limit) to refuse it."""

    async def __call__(self, path: str, size: int, chunks: AsyncIterator[bytes]) -> None: ...


class Executor(Protocol):
    """Runs steps; see the module docstring for the order of calls."""

    #: ``local`` or ``kubernetes``: shown on pipelines and steps.
    name: str

    async def prepare(self, checkout: Checkout) -> None:
        """Make the pipeline's workspace, holding the repository checked out at the commit.

        :raises ExecutorError: naming what failed (the pipeline then fails).
        """
        ...

    async def run(self, step: StepRun, output: Output) -> StepOutcome:
        """Run the step's commands (as one shell script that stops at the first failing
        command) in the workspace, its services beside it, streaming output to ``output``.

        On cancellation, everything the step started is gone before this returns.

        :raises ExecutorError: the step could not be started or followed.
        """
        ...

    async def collect(self, step: StepRun, globs: Sequence[str], sink: ArtifactSink) -> list[str]:
        """Hand every regular file in the workspace matching ``globs`` (see
        :func:`~.pipeline.glob_match`) to ``sink``; return a line for each path skipped and
        why (outside the workspace, a symlink, refused by the sink).
        """
        ...

    async def finish(self, pipeline_id: int) -> None:
        """Remove the pipeline's workspace and anything else it holds. Idempotent."""
        ...

    async def sweep(self, keep: Collection[int]) -> int:
        """Kill and remove whatever belongs to pipelines not in ``keep`` (those this process
        runs now), left by an earlier process; return how many things were removed."""
        ...

    async def aclose(self) -> None:
        """Release the executor's own resources (an API client)."""
        ...
