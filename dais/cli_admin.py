"""``dais admin ...``: user and token chores from the shell, through the identity actor."""

from __future__ import annotations

import getpass
import secrets
import sys
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from dais.actors.identity import messages as m
from dais.actors.identity.permissions import Permission

if TYPE_CHECKING:
    import argparse
    from collections.abc import AsyncIterator

    from dais.config import Settings
    from dais.services import Services

__all__ = ["add_parser", "run"]

_AUDIT = m.AuditContext(actor_id=None, actor_name="cli", client_address=None, user_agent="dais")


def add_parser(sub: Any, config_help: str) -> None:
    admin = sub.add_parser(
        "admin", help="manage users and tokens", description="Manage users and tokens."
    )
    actions = admin.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = actions.add_parser(
        "create-user",
        help="create a user",
        description="Create a user. The password is read from standard input with "
        "--password-stdin, asked for on a terminal, or generated and printed.",
    )
    create.add_argument("username")
    create.add_argument("--email")
    create.add_argument("--display-name", default="")
    create.add_argument("--kind", choices=[k.value for k in m.UserKind], default="human")
    create.add_argument("--admin", action="store_true", help="make the user an administrator")
    create.add_argument("--password-stdin", action="store_true")
    create.add_argument("--no-password", action="store_true", help="for agents and services")

    reset = actions.add_parser(
        "reset-password",
        help="set a user's password",
        description="Set a user's password (and sign out their sessions).",
    )
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")

    token = actions.add_parser(
        "create-token",
        help="create an API token for a user",
        description="Create an API token for a user and print it (shown once).",
    )
    token.add_argument("username")
    token.add_argument("--name", required=True)
    token.add_argument(
        "--scope",
        action="append",
        dest="scopes",
        metavar="PERMISSION",
        help=f"repeatable; one of: *, {', '.join(p.value for p in Permission)} (default *)",
    )
    token.add_argument("--expires-in-days", type=int, metavar="DAYS")
    for parser in (create, reset, token):
        parser.add_argument("--config", dest="config", metavar="FILE", help=config_help)


def _password(args: argparse.Namespace, *, generate: bool) -> str | None:
    if getattr(args, "no_password", False):
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if first != getpass.getpass("again: "):
            raise SystemExit("dais: the passwords differ")
        return first
    if generate:
        password = secrets.token_urlsafe(18)
        print(f"generated password: {password}")
        return password
    raise SystemExit("dais: give the password with --password-stdin")


@asynccontextmanager
async def _identity(settings: Settings) -> AsyncIterator[Services]:
    from dais.http.metrics import Metrics
    from dais.runtime import ActorSystem, ChildSpec
    from dais.serve import open_database
    from dais.services import Services
    from dais.storage.broker import open_broker

    from .actors.identity.actor import IdentityActor

    async with (
        open_database(settings) as (pool, _url),
        open_broker(settings.redis_url) as broker,
        ActorSystem("cli") as system,
    ):
        await system.start_child(ChildSpec("identity", lambda: IdentityActor(pool, broker)))
        yield Services(settings, pool, broker, system, Metrics(lambda: system))


async def run(settings: Settings, args: argparse.Namespace) -> None:
    async with _identity(settings) as services:
        identity = services.system.ref("identity")
        if args.action == "create-user":
            user = await services.ask(
                identity,
                m.CreateUser(
                    kind=m.UserKind(args.kind),
                    username=args.username,
                    email=args.email,
                    display_name=args.display_name,
                    password=_password(args, generate=True),
                    is_admin=args.admin,
                    audit=_AUDIT,
                ),
            )
            print(f"created user {user.username} (id {user.id})")
        elif args.action == "reset-password":
            password = _password(args, generate=False)
            assert password is not None
            await services.ask(identity, m.ResetPassword(args.username, password, _AUDIT))
            print(f"password of {args.username} changed; their sessions are signed out")
        elif args.action == "create-token":
            users, _ = await services.ask(identity, m.ListUsers(None, 10_000, 0))
            user = next((u for u in users if u.username == args.username), None)
            if user is None:
                raise SystemExit(f"dais: no user named {args.username!r}")
            scopes = args.scopes or ["*"]
            if scopes != ["*"]:
                for scope in scopes:
                    Permission(scope)  # ValueError names a wrong one
            expires = (
                datetime.now(UTC) + timedelta(days=args.expires_in_days)
                if args.expires_in_days
                else None
            )
            _record, secret = await services.ask(
                identity,
                m.CreateToken(user.id, args.name, frozenset(scopes), expires, _AUDIT),
            )
            print(secret)
