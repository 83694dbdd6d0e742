"""Bringing the build engine up: the executor chosen by ``DAIS_EXECUTOR``, the log store,
the artifact store, the ``builds`` actor and this process's runner."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from dais.config import ConfigError
from dais.runtime import ChildSpec
from dais.storage.blobs import FilesystemBlobStore

from .actor import BuildsActor, BuildsContext
from .executor import ExecutorError
from .logstore import LogStore
from .messages import ACTOR, RUNNER
from .runner import BuildPolicy, Runner, runner_name
from .triggers import subscribers as trigger_subscribers

if TYPE_CHECKING:
    from pathlib import Path

    from dais.actors.events.messages import Subscriber
    from dais.config import Settings
    from dais.services import Services

    from .executor import Executor

__all__ = ["BuildEngine", "make_executor", "start_builds"]

log = logging.getLogger(__name__)


def builds_dir(settings: Settings) -> Path:
    return settings.data_dir / "builds"


def make_executor(settings: Settings) -> Executor:
    """The executor ``DAIS_EXECUTOR`` names, configured from the settings."""
    if settings.executor == "kubernetes":
        from .kubernetes import KubernetesConfig, KubernetesExecutor

        return KubernetesExecutor(
            KubernetesConfig(
                namespace=settings.k8s_namespace,
                api_url=settings.k8s_api_url,
                token=settings.k8s_token,
                verify_tls=settings.k8s_verify_tls,
                ca_file=settings.k8s_ca_file,
                requests_cpu=settings.k8s_cpu_request,
                requests_memory=settings.k8s_memory_request,
                limits_cpu=settings.k8s_cpu_limit,
                limits_memory=settings.k8s_memory_limit,
                default_image=settings.k8s_default_image,
                storage="pvc" if settings.k8s_storage == "pvc" else "emptyDir",
            )
        )
    from .local import LocalExecutor

    return LocalExecutor(
        builds_dir(settings), sandbox=settings.build_sandbox, network=settings.build_network
    )


class BuildEngine:
    """The parts the HTTP layer reads directly: logs and artifacts (streamed, not asked)."""

    def __init__(
        self,
        logs: LogStore,
        artifacts: FilesystemBlobStore,
        context: BuildsContext,
        executor: Executor,
    ) -> None:
        self.logs = logs
        self.artifacts = artifacts
        self.context = context
        self.executor = executor


async def start_builds(services: Services, executor: Executor | None = None) -> list[Subscriber]:
    """Start the ``builds`` actor and the runner; return the outbox subscribers that start
    pipelines (for the event dispatcher)."""
    settings, pool, broker = services.settings, services.pool, services.broker
    executor = executor or make_executor(settings)
    check = getattr(executor, "check_sandbox", None)
    if check is not None:
        try:
            await check()  # settles whether steps are sandboxed before any pipeline says so
        except ExecutorError as exc:
            raise ConfigError(f"DAIS_BUILD_SANDBOX={settings.build_sandbox}: {exc}") from None
    sandboxed = bool(getattr(executor, "sandboxed", executor.name == "kubernetes"))
    root = builds_dir(settings)
    logs = LogStore(root / "logs", broker, limit=settings.build_log_limit)
    artifacts = FilesystemBlobStore(root / "artifacts")
    context = BuildsContext(
        data_dir=settings.data_dir,
        executor=executor.name,
        sandboxed=sandboxed,
        public_url=settings.public_url,
    )
    policy = BuildPolicy(
        data_dir=settings.data_dir,
        concurrency=settings.build_concurrency,
        default_timeout=int(settings.build_timeout),
        artifact_max_size=settings.build_artifact_max_size,
        artifact_max_total=10 * settings.build_artifact_max_size,
        artifact_expire_in=settings.build_artifact_expiry,
        public_url=settings.public_url,
    )
    services.builds = BuildEngine(logs, artifacts, context, executor)
    await services.system.start_child(ChildSpec(ACTOR, lambda: BuildsActor(pool, broker, context)))
    node = runner_name(settings.data_dir)
    chosen: Any = executor
    await services.system.start_child(
        ChildSpec(RUNNER, lambda: Runner(pool, broker, chosen, logs, artifacts, policy, node))
    )
    if not sandboxed and executor.name == "local":
        log.warning(
            "build steps run without a sandbox (bubblewrap is not installed): they can read "
            "and write whatever this process can"
        )
    return trigger_subscribers(pool, services.system, context)
