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
    # A request line and headers may take 64 KiB (Hypercorn's default is 16): the API's
    # longest query values (a 4,096-byte repository path, a 1,024-character ref) can take
    # 12 URL characters per character once percent-encoded, and a request past the limit
    # gets a bare 431 from Hypercorn instead of dais's problem naming the parameter.
    config.h11_max_incomplete_size = 64 * 1024
    # Idle keep-alive connections live 75 s, as nginx keeps them (Hypercorn's default is
    # 5 s): a client reusing one just as the server closes it loses that request, which an
    # HTTP client retries only when it is idempotent. Longer idle times make that rarer.
    config.keep_alive_timeout = 75
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
