"""The ``dais`` command: ``serve``, ``migrate``, ``admin``, ``version``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio

from dais import __version__
from dais.config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dais",
        description="dais: forge, builds, deploys, observability and agents in one process.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    config_help = "TOML file of settings (keys as in DAIS_* without the prefix, e.g. bind)"
    serve = sub.add_parser(
        "serve",
        help="run the server",
        description="Migrate the database and serve HTTP until SIGINT or SIGTERM. Settings "
        "come from DAIS_* environment variables (see the README) or --config.",
    )
    serve.add_argument("--config", metavar="FILE", help=config_help)
    migrate = sub.add_parser(
        "migrate",
        help="apply pending database migrations and exit",
        description="Apply pending sql/NNNN_*.sql migrations, then exit.",
    )
    migrate.add_argument("--config", metavar="FILE", help=config_help)
    sub.add_parser("version", help="print the version", description="Print the dais version.")
    sub.add_parser(
        "openapi",
        help="print the OpenAPI document",
        description="Print the API's OpenAPI 3.1 document (what /api/openapi.json serves) as "
        "JSON, without a database; the web app's typed client is generated from it.",
    )
    mcp = sub.add_parser(
        "mcp",
        help="serve dais's MCP tools over stdio, calling a dais server",
        description="An MCP server on stdin/stdout for clients that launch one (Claude Code, "
        "editors). Every tool call goes to the dais at --url with the token, which decides "
        "what is listed and allowed.",
    )
    mcp.add_argument("--url", required=True, help="the dais server, e.g. https://dais.example.com")
    mcp.add_argument("--token-file", metavar="FILE", help="a file holding the API token")
    mcp.add_argument("--toolsets", metavar="LIST", help="comma-separated toolsets (default all)")
    mcp.add_argument("--read-only", action="store_true", help="list no tool that writes")
    from dais.cli_admin import add_parser as add_admin_parser

    add_admin_parser(sub, config_help)
    return parser


def _run(coro_fn: object, *args: object) -> None:
    """Run ``coro_fn`` on uvloop. A task group wraps a start-up error (a wrong secrets key, a
    database that is not there) in an exception group; one error alone is raised as itself,
    so ``main`` can print it as one line."""
    try:
        anyio.run(coro_fn, *args, backend="asyncio", backend_options={"use_uvloop": True})  # type: ignore[arg-type]
    except BaseExceptionGroup as group:
        sole = _sole(group)
        if sole is None:
            raise
        raise sole from None


def _sole(group: BaseExceptionGroup[BaseException]) -> BaseException | None:
    if len(group.exceptions) != 1:
        return None
    only = group.exceptions[0]
    return _sole(only) if isinstance(only, BaseExceptionGroup) else only


async def _migrate(settings: Settings) -> None:
    from dais.serve import database_url
    from dais.storage.database import open_pool
    from dais.storage.migrations import migrate

    async with database_url(settings) as url, open_pool(url, size=1) as pool:
        async with pool.acquire() as conn:
            applied = await migrate(conn)
    names = ", ".join(m.filename for m in applied) or "nothing to apply"
    print(f"migrations: {names}")


def _openapi_app() -> Any:
    """An app built on default settings and no live services: its routes and its OpenAPI
    document depend on the code alone."""
    from dais.http.app import create_app
    from dais.http.metrics import Metrics
    from dais.services import Services

    services = Services(load_settings({}), None, None, None, Metrics())  # type: ignore[arg-type]
    return create_app(services).app  # type: ignore[attr-defined]


def _openapi_document() -> str:
    """The OpenAPI document ``dais openapi`` prints (what /api/openapi.json serves)."""
    import json

    from dais.http.openapi import document

    return json.dumps(document(_openapi_app()), indent=2, sort_keys=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "version":
        print(f"dais {__version__}")
        return 0
    if args.command == "openapi":
        print(_openapi_document())
        return 0
    if args.command == "mcp":
        from dais.mcp.stdio import run as run_mcp

        return run_mcp(args.url, args.token_file, args.toolsets, args.read_only)
    config = Path(args.config) if getattr(args, "config", None) else None
    try:
        settings = load_settings(config_file=config)
    except ConfigError as exc:
        print(f"dais: configuration error: {exc}", file=sys.stderr)
        return 2

    import asyncpg

    from dais.errors import DomainError
    from dais.http.server import BindError
    from dais.logs import configure_logging
    from dais.storage.database import DatabaseUnavailable
    from dais.storage.migrations import MigrationError

    configure_logging(settings.log_level, settings.log_format)
    try:
        if args.command == "migrate":
            _run(_migrate, settings)
        elif args.command == "admin":
            from dais.cli_admin import run

            _run(run, settings, args)
        else:
            from dais.serve import serve

            _run(serve, settings)
    except ConfigError as exc:  # found late, e.g. a data directory too deep for a socket
        print(f"dais: configuration error: {exc}", file=sys.stderr)
        return 2
    except (BindError, MigrationError, DatabaseUnavailable, DomainError, ValueError) as exc:
        print(f"dais: {exc}", file=sys.stderr)
        return 1
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        print(f"dais: start-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
