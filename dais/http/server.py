"""Hypercorn, run from inside dais's own task group."""

from __future__ import annotations

import errno
import logging
from typing import TYPE_CHECKING, Any

from hypercorn.asyncio.run import worker_serve
from hypercorn.config import Config, Sockets
from hypercorn.utils import wrap_app

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from litestar.types import ASGIApp

    from dais.config import Settings

__all__ = ["BindError", "bind", "serve_http"]


class BindError(Exception):
    """The listening socket could not be opened."""


def _config(settings: Settings) -> Config:
    config = Config()
    config.bind = [settings.bind]
    config.accesslog = None  # dais writes its own access log (dais.http.edge)
    config.errorlog = logging.getLogger("hypercorn.error")
    config.graceful_timeout = settings.shutdown_timeout
    config.include_server_header = False
    return config


def bind(settings: Settings) -> tuple[Config, Sockets]:
    """Open the listening sockets first, so a busy port fails start-up before anything else.

    :raises BindError: naming the address and the reason.
    """
    config = _config(settings)
    try:
        return config, config.create_sockets()
    except OSError as exc:
        reason = {
            errno.EADDRINUSE: "address already in use (is another dais or server running there?)",
            errno.EADDRNOTAVAIL: "that address is not on this machine",
            errno.EACCES: "permission denied (ports below 1024 need privileges)",
        }.get(exc.errno or 0, exc.strerror or str(exc))
        raise BindError(f"DAIS_BIND={settings.bind}: cannot listen: {reason}") from exc


async def serve_http(
    app: ASGIApp,
    config: Config,
    sockets: Sockets,
    shutdown_trigger: Callable[[], Awaitable[Any]],
) -> None:
    """Serve ``app`` on the pre-opened ``sockets`` until ``shutdown_trigger`` returns."""
    # worker_serve is hypercorn.asyncio.serve minus socket creation, which we did in bind().
    await worker_serve(
        wrap_app(app, config.wsgi_max_body_size, "asgi"),  # type: ignore[arg-type]
        config,
        sockets=sockets,
        shutdown_trigger=shutdown_trigger,
    )
