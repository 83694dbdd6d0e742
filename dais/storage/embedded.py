"""An embedded PostgreSQL (the ``pgserver`` wheel) for running dais without any setup.

The server lives in ``<data_dir>/postgres``, listens only on a Unix socket inside that
directory, and is stopped when the last process using it exits.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio.to_thread

from dais.config import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["EmbeddedPostgres", "start_embedded_postgres"]

log = logging.getLogger(__name__)

# A Unix socket path is limited to 107 bytes on Linux; the socket lives in the data directory.
_MAX_SOCKET_DIR = 107 - len("/.s.PGSQL.5432")


class EmbeddedPostgres:
    """A handle on a running embedded server."""

    def __init__(self, server: Any, pgdata: Path) -> None:
        self._server = server
        self.pgdata = pgdata

    def url(self, database: str = "postgres") -> str:
        return str(self._server.get_uri(database))

    async def stop(self) -> None:
        """Release this process's handle; the server stops once no process holds one."""
        await anyio.to_thread.run_sync(self._server.cleanup)


async def start_embedded_postgres(data_dir: Path, *, cleanup: str = "stop") -> EmbeddedPostgres:
    """Start (or join) the embedded server kept under ``data_dir/postgres``.

    ``cleanup`` is pgserver's mode: ``stop`` stops the server when the last user exits,
    ``delete`` also removes the data (tests), ``None`` leaves it running.
    """
    pgdata = (data_dir / "postgres").resolve()
    if len(str(pgdata).encode()) > _MAX_SOCKET_DIR:
        raise ConfigError(
            f"DAIS_DATA_DIR={data_dir}: the embedded PostgreSQL socket path would exceed the "
            f"Unix limit; use a shorter data directory (at most {_MAX_SOCKET_DIR - 9} bytes)"
        )
    pgdata.mkdir(parents=True, exist_ok=True)

    def start() -> Any:
        import pgserver  # imported lazily: it is heavy and unused with DAIS_DATABASE_URL

        return pgserver.get_server(pgdata, cleanup_mode=cleanup)  # type: ignore[attr-defined]

    log.info("starting embedded PostgreSQL in %s", pgdata)
    server = await anyio.to_thread.run_sync(start)
    return EmbeddedPostgres(server, pgdata)
