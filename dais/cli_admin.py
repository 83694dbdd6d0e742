"""``dais admin ...``: user and token chores from the shell, through the identity actor, and
the secrets master key's rotation."""

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
        "admin",
        help="manage users, tokens and the secrets key",
        description="Manage users, tokens and the secrets master key.",
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
    rotate = actions.add_parser(
        "rotate-secrets-key",
        help="rewrap every secret under a new master key",
        description="Rewrap every secret's data key under a new master key; values are never "
        "decrypted. With a key file (the default), a new key is generated into it and the old "
        "one kept beside it until every row is rewrapped. With DAIS_SECRETS_KEY, set it to the "
        "new key and DAIS_SECRETS_OLD_KEYS to the old one first. Killed halfway, run it again: "
        "it resumes where it stopped.",
    )
    rotate.add_argument(
        "--batch", type=int, default=500, metavar="ROWS", help="rows per transaction"
    )
    for parser in (create, reset, token, rotate):
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


async def rotate_secrets_key(settings: Settings, *, batch: int = 500) -> None:
    """``dais admin rotate-secrets-key``: see its description above."""
    from dais.actors.identity import audit
    from dais.actors.secrets import stored
    from dais.actors.secrets.envelope import MasterKey
    from dais.actors.secrets.keyring import load_keyring, read_key_file, write_key_file
    from dais.serve import open_database

    if not 1 <= batch <= 100_000:
        raise SystemExit("dais: --batch must be between 1 and 100000")
    keyring = load_keyring(settings, generate=False)
    async with open_database(settings) as (pool, _url):
        await stored.check_keys(pool, keyring)
        old = keyring.current.key_id
        pending = await stored.count_pending(pool, old)
        file = keyring.file
        if pending:
            print(f"resuming: {pending} sealed rows are not yet under key {old}", flush=True)
        elif file is None:
            print(
                f"every secret is sealed under key {old} already. To rotate, set "
                "DAIS_SECRETS_KEY to a new key (openssl rand -base64 32) and "
                "DAIS_SECRETS_OLD_KEYS to the current one, restart dais, and run this again."
            )
            return
        else:
            new = MasterKey.generate()
            write_key_file(file, [new, *read_key_file(file)])
            pending = await stored.count_pending(pool, new.key_id)
            print(
                f"new master key {new.key_id} written first in {file}; key {old} stays below "
                f"it until all {pending} sealed rows are rewrapped",
                flush=True,
            )
        result = await stored.rewrap_all(
            pool,
            keyring,
            batch=batch,
            progress=lambda n: print(f"rewrapped {n} of {pending}", flush=True),
        )
        rewrapped = result.rewrapped
        if file is not None:
            write_key_file(file, [keyring.current])
            # Rows a running server sealed with the old key just before it saw the new file.
            rewrapped += (await stored.rewrap_all(pool, keyring, batch=batch)).rewrapped
        async with pool.acquire() as conn, conn.transaction():
            await audit.record(
                conn,
                _AUDIT,
                "secrets.rotate_key",
                "platform",
                None,
                {"key_id": result.key_id, "rewrapped": rewrapped},
            )
    after = (
        f"older keys removed from {file}"
        if file is not None
        else "DAIS_SECRETS_OLD_KEYS may be removed now"
    )
    print(f"done: {rewrapped} sealed rows rewrapped under key {result.key_id}; {after}")


async def run(settings: Settings, args: argparse.Namespace) -> None:
    if args.action == "rotate-secrets-key":
        await rotate_secrets_key(settings, batch=args.batch)
        return
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
