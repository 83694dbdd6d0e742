"""``dais serve``: bring up storage, the actor system and HTTP, in that order, and tear down
in reverse."""

from __future__ import annotations

import gc
import logging
import signal
import sys
from contextlib import AsyncExitStack, asynccontextmanager
from typing import TYPE_CHECKING, Any

import anyio

from dais.actors.builds.service import start_builds
from dais.actors.events import EventDispatcher, Subscriber
from dais.actors.identity.actor import IdentityActor, IdentityConfig
from dais.actors.identity.messages import EnsureAdmin
from dais.actors.identity.subscribers import subscribers as identity_subscribers
from dais.actors.issues.actor import IssuesActor
from dais.actors.issues.subscribers import subscribers as issues_subscribers
from dais.actors.merges.actor import MergeRequestsActor
from dais.actors.merges.subscribers import subscribers as merge_request_subscribers
from dais.actors.notify import dispatcher as notify_dispatcher
from dais.actors.notify.actor import NotifyActor
from dais.actors.notify.messages import ACTOR as NOTIFY
from dais.actors.notify.messages import SENDER as NOTIFY_SENDER
from dais.actors.notify.policy import NotifyPolicy
from dais.actors.notify.sender import NotificationSender
from dais.actors.observe.alerts import start_alerts
from dais.actors.observe.ingester import INGESTER, Ingester
from dais.actors.observe.own import watch_itself
from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.store import TelemetryStore
from dais.actors.observe.tail import LogTail
from dais.actors.projects.actor import ProjectsActor
from dais.actors.secrets import stored as stored_secrets
from dais.actors.secrets.actor import SecretsActor
from dais.actors.secrets.keyring import load_keyring
from dais.actors.secrets.messages import ACTOR as SECRETS
from dais.actors.webhooks.actor import WebhooksActor
from dais.actors.webhooks.messages import ACTOR as WEBHOOKS
from dais.actors.webhooks.messages import SENDER as WEBHOOK_SENDER
from dais.actors.webhooks.policy import DeliveryPolicy
from dais.actors.webhooks.sender import WebhookSender
from dais.actors.webhooks.subscriber import subscribers as webhook_subscribers
from dais.config import Settings, redact_url
from dais.gitserver.hooks import repair_hooks
from dais.gitserver.lfs_gc import LfsCollector
from dais.http.app import create_app
from dais.http.metrics import Metrics
from dais.http.server import bind, serve_http
from dais.logs import flush_logs_periodically
from dais.runtime import ActorSystem, ChildSpec
from dais.services import Services
from dais.storage.blobs import FilesystemBlobStore
from dais.storage.broker import open_broker
from dais.storage.database import open_pool
from dais.storage.embedded import start_embedded_postgres
from dais.storage.migrations import migrate

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Sequence

    import asyncpg

    from dais.storage.broker import Broker

__all__ = [
    "bootstrap_admin",
    "database_url",
    "open_database",
    "running_services",
    "serve",
    "start_actors",
]

log = logging.getLogger("dais")


@asynccontextmanager
async def database_url(settings: Settings) -> AsyncIterator[str]:
    """The configured PostgreSQL URL, or the embedded server's while it runs."""
    if settings.database_url:
        yield settings.database_url
        return
    embedded = await start_embedded_postgres(settings.data_dir)
    try:
        yield embedded.url()
    finally:
        with anyio.move_on_after(30, shield=True):
            await embedded.stop()


@asynccontextmanager
async def open_database(settings: Settings) -> AsyncIterator[tuple[asyncpg.Pool[Any], str]]:
    """A migrated connection pool, and the URL it connects to."""
    async with (
        database_url(settings) as url,
        open_pool(url, size=settings.database_pool_size) as pool,
    ):
        async with pool.acquire() as conn:
            applied = await migrate(conn)
        if applied:
            log.info("database migrated: %s", ", ".join(m.filename for m in applied))
        log.info("database ready at %s", redact_url(url))
        yield pool, url


async def serve(settings: Settings, *, subscribers: Sequence[Subscriber] = ()) -> None:
    """Run dais until SIGINT or SIGTERM, then shut down gracefully."""
    config, sockets = bind(settings)
    stop = anyio.Event()
    # The signal watcher outlives everything else, so a second signal during the drain is
    # answered with a log line rather than by the default handler killing the process.
    async with anyio.create_task_group() as outer:
        outer.start_soon(_stop_on_signal, stop)
        outer.start_soon(flush_logs_periodically)
        await _run(settings, subscribers, config, sockets, stop)
        log.info("stopped")
        outer.cancel_scope.cancel()


async def _run(
    settings: Settings,
    subscribers: Sequence[Subscriber],
    config: Any,
    sockets: Any,
    stop: anyio.Event,
) -> None:
    async with AsyncExitStack() as stack:
        pool, url = await stack.enter_async_context(open_database(settings))
        broker = await stack.enter_async_context(open_broker(settings.redis_url))
        services = await stack.enter_async_context(
            running_services(settings, pool, broker, subscribers=subscribers, listen_url=url)
        )
        await bootstrap_admin(services)
        # After the admin (an empty database's first user must be the admin), before the
        # app (its edge takes the span buffer from the services).
        await watch_itself(services)
        app = create_app(services)
        # Everything built so far lives as long as the process: move it out of the garbage
        # collector's view, so collections triggered by request garbage stay cheap.
        gc.collect()
        gc.freeze()
        print(f"dais {_version()} is running at {settings.public_url}", file=sys.stderr, flush=True)
        async with anyio.create_task_group() as tg:

            async def tell_streams() -> None:
                await stop.wait()
                services.stopping.set()

            tg.start_soon(tell_streams)

            async def http() -> None:
                # In a task of its own: Hypercorn's asyncio.TaskGroup leaves a cancellation
                # request on the task that ran it, which anyio would otherwise take for one
                # aimed at this task group's host.
                await serve_http(app, config, sockets, stop.wait)

            tg.start_soon(http)
        log.info("HTTP stopped; shutting down")


@asynccontextmanager
async def running_services(
    settings: Settings,
    pool: asyncpg.Pool[Any],
    broker: Broker,
    *,
    name: str = "dais",
    subscribers: Sequence[Subscriber] = (),
    listen_url: str | None = None,
) -> AsyncIterator[Services]:
    """An actor system with every domain's actors started, as the Services handlers see."""
    builds = None
    services: Services | None = None
    try:
        async with ActorSystem(name, drain_timeout=settings.shutdown_timeout) as system:
            services = Services(
                settings=settings,
                pool=pool,
                broker=broker,
                system=system,
                metrics=Metrics(lambda: system),
            )
            try:
                await start_actors(services, subscribers, listen_url=listen_url)
            finally:
                builds = services.builds
            yield services
    finally:
        # After the runner has stopped: its executor's client closes last.
        if builds is not None:
            with anyio.move_on_after(10, shield=True):
                await builds.executor.aclose()
        if services is not None and services.telemetry_query is not None:
            services.telemetry_query.close()


async def start_actors(
    services: Services, subscribers: Sequence[Subscriber] = (), *, listen_url: str | None = None
) -> None:
    """Start every domain's actors under the system's root supervisor.

    ``listen_url`` lets the event dispatcher LISTEN for new events; without it, it polls.
    """
    pool, broker, settings = services.pool, services.broker, services.settings
    if repaired := await repair_hooks(settings.data_dir):
        log.info("git hooks rewritten in %d repositories", len(repaired))
    config = IdentityConfig(
        permission_cache_ttl=settings.permission_cache_ttl,
        session_idle_timeout=settings.session_idle_timeout,
        session_max_age=settings.session_max_age,
    )
    await services.system.start_child(
        ChildSpec("identity", lambda: IdentityActor(pool, broker, config))
    )
    await services.system.start_child(
        ChildSpec("projects", lambda: ProjectsActor(pool, settings.data_dir, broker))
    )
    await services.system.start_child(ChildSpec("issues", lambda: IssuesActor(pool, broker)))
    merge_requests = await services.system.start_child(
        ChildSpec("merge_requests", lambda: MergeRequestsActor(pool, settings.data_dir))
    )
    keyring = load_keyring(settings)
    await stored_secrets.prepare(pool, keyring)
    await services.system.start_child(ChildSpec(SECRETS, lambda: SecretsActor(pool, keyring)))
    hooks = DeliveryPolicy.from_settings(settings)
    await services.system.start_child(
        ChildSpec(WEBHOOKS, lambda: WebhooksActor(pool, hooks, keyring))
    )
    await services.system.start_child(
        ChildSpec(WEBHOOK_SENDER, lambda: WebhookSender(pool, hooks, keyring))
    )
    notify = NotifyPolicy.from_settings(settings)
    await services.system.start_child(ChildSpec(NOTIFY, lambda: NotifyActor(pool, notify, keyring)))
    await services.system.start_child(
        ChildSpec(NOTIFY_SENDER, lambda: NotificationSender(pool, notify, keyring))
    )
    builds = await start_builds(services)
    telemetry = services.telemetry = TelemetryStore(
        settings.data_dir,
        flush_interval=settings.telemetry_flush_interval,
        retention=settings.telemetry_retention,
    )
    services.telemetry_query = TelemetryQuery(telemetry)
    services.log_tail = LogTail(services.broker)
    await services.system.start_child(ChildSpec(INGESTER, lambda: Ingester(telemetry)))
    await start_alerts(services, listen_url or settings.database_url)
    every = [
        *identity_subscribers(pool, broker),
        *builds,
        *notify_dispatcher.subscribers(pool, services.system, broker, notify),
        *webhook_subscribers(pool, services.system, hooks, settings.data_dir),
        *issues_subscribers(pool, broker),
        *merge_request_subscribers(merge_requests),
        *subscribers,
    ]
    await services.system.start_child(
        ChildSpec(
            "events",
            lambda: EventDispatcher(
                pool,
                every,
                listen_url=listen_url,
                delivery_url=listen_url or settings.database_url,
                retention=settings.event_retention,
            ),
        )
    )
    from dais.mcp.host import McpHost, McpTransport  # the mcp SDK takes 0.7 s to import

    host = services.mcp = McpHost()
    await services.system.start_child(ChildSpec("mcp", lambda: McpTransport(host)))
    lfs_store = FilesystemBlobStore(settings.data_dir / "lfs" / "objects")
    stale = await lfs_store.remove_stale_uploads(86400)
    if stale:
        log.info("removed %d unfinished LFS uploads left by an earlier process", stale)
    await services.system.start_child(ChildSpec("lfs-gc", lambda: LfsCollector(pool, lfs_store)))


async def bootstrap_admin(services: Services) -> None:
    """On an empty database, create ``admin``; print a generated password once."""
    password = await services.ask(
        services.system.ref("identity"), EnsureAdmin(services.settings.admin_password)
    )
    if password is not None:
        print(
            f"created the admin user; sign in as admin with password: {password}\n"
            "(shown once; change it, or set DAIS_ADMIN_PASSWORD before the first start)",
            file=sys.stderr,
            flush=True,
        )


async def _stop_on_signal(stop: anyio.Event) -> None:
    # Keeps receiving after the first signal, so a second one during the drain does not kill
    # the process before the pool and the embedded PostgreSQL are closed.
    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for signum in signals:
            name = signal.Signals(signum).name
            if stop.is_set():
                log.warning("received %s again; already stopping, please wait", name)
                continue
            log.info("received %s, stopping", name)
            stop.set()


def _version() -> str:
    from dais import __version__

    return __version__
