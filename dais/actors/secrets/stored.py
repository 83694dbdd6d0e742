"""Everything sealed under the master key, as stored: secret versions, and the secrets of
project webhooks and of people's notification webhooks.

The three jobs that must see every sealed row live here, so none can miss a table:

- :func:`seal_plaintext_webhook_secrets`: the data half of migration 0016. Webhook secrets
  were kept in plaintext; SQL has no master key, so dais seals them at start-up and empties
  the old column in the same transaction.
- :func:`missing_keys`: the master keys stored rows need that the keyring lacks, so a wrong
  ``DAIS_SECRETS_KEY`` stops start-up with one line instead of failing every read later.
- :func:`rewrap_all`: a master key rotation, in small committed batches. Each row records
  the key that wrapped it, so a rotation killed halfway resumes where it stopped, and the
  values themselves are never decrypted (only the data keys are rewrapped).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import attrs

from .envelope import Sealed, rewrap
from .keyring import KeyringError
from .messages import Scope

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import asyncpg

    from .envelope import MasterKey
    from .keyring import Keyring

__all__ = [
    "NOTIFICATION_WEBHOOKS",
    "WEBHOOKS",
    "Rotation",
    "check_keys",
    "prepare",
    "count_pending",
    "missing_keys",
    "open_column_secret",
    "open_webhook_secret",
    "rewrap_all",
    "seal_column_secret",
    "seal_plaintext_webhook_secrets",
    "seal_webhook_secret",
]

log = logging.getLogger(__name__)


@attrs.frozen
class _SealedSecretColumns:
    """A table whose rows each hold one secret in ``secret_key_id``, ``secret_wrapped``,
    ``secret_nonce`` and ``secret_ciphertext``, sealed as scope ``{scope}:{row id}``."""

    table: str
    id_column: str
    scope: str


#: Project webhooks, and people's notification webhooks. Every sealed column set is listed
#: here, so key checks and rotations cannot miss one.
WEBHOOKS = _SealedSecretColumns("webhooks", "id", "webhook")
NOTIFICATION_WEBHOOKS = _SealedSecretColumns("notification_webhooks", "user_id", "notify-webhook")
_SEALED_COLUMNS = (WEBHOOKS, NOTIFICATION_WEBHOOKS)
# Each row's secret is its own scope's only value.
_COLUMN_NAME = "secret"
_COLUMN_VERSION = 1


def seal_column_secret(
    keyring: Keyring, where: _SealedSecretColumns, row_id: int, secret: str
) -> Sealed:
    return keyring.seal(
        secret.encode(),
        scope=f"{where.scope}:{row_id}",
        name=_COLUMN_NAME,
        version=_COLUMN_VERSION,
    )


def open_column_secret(keyring: Keyring, where: _SealedSecretColumns, row_id: int, row: Any) -> str:
    """The secret in ``row``'s ``secret_*`` columns; '' when it has none.

    :raises KeyUnavailable, Undecryptable: see :func:`envelope.open_sealed`.
    """
    if row["secret_key_id"] is None:
        return ""
    sealed = Sealed(
        row["secret_key_id"], row["secret_wrapped"], row["secret_nonce"], row["secret_ciphertext"]
    )
    raw = keyring.open(
        sealed, scope=f"{where.scope}:{row_id}", name=_COLUMN_NAME, version=_COLUMN_VERSION
    )
    return raw.decode()


def seal_webhook_secret(keyring: Keyring, hook_id: int, secret: str) -> Sealed:
    return seal_column_secret(keyring, WEBHOOKS, hook_id, secret)


def open_webhook_secret(keyring: Keyring, hook_id: int, row: Any) -> str:
    """The secret of hook ``hook_id`` from its row; '' when it has none."""
    return open_column_secret(keyring, WEBHOOKS, hook_id, row)


async def seal_plaintext_webhook_secrets(pool: asyncpg.Pool[Any], keyring: Keyring) -> int:
    """Seal every webhook secret still kept in plaintext; the number sealed."""
    async with pool.acquire() as conn, conn.transaction():
        rows = await conn.fetch("SELECT id, secret FROM webhooks WHERE secret <> '' FOR UPDATE")
        for row in rows:
            sealed = seal_webhook_secret(keyring, row["id"], row["secret"])
            await conn.execute(
                """
                UPDATE webhooks SET secret = '', secret_key_id = $2, secret_wrapped = $3,
                                    secret_nonce = $4, secret_ciphertext = $5
                WHERE id = $1
                """,
                row["id"],
                sealed.key_id,
                sealed.wrapped_key,
                sealed.nonce,
                sealed.ciphertext,
            )
    if rows:
        log.info("sealed %d webhook secrets kept in plaintext by an earlier version", len(rows))
    return len(rows)


async def missing_keys(pool: asyncpg.Pool[Any], keyring: Keyring) -> list[str]:
    """Ids of the master keys stored rows were wrapped with that ``keyring`` lacks."""
    stored = await pool.fetch(
        "SELECT DISTINCT key_id FROM secret_versions"
        + "".join(
            f" UNION SELECT DISTINCT secret_key_id FROM {t.table} WHERE secret_key_id IS NOT NULL"
            for t in _SEALED_COLUMNS
        )
    )
    known = keyring.keys
    return sorted(r["key_id"] for r in stored if r["key_id"] not in known)


async def prepare(pool: asyncpg.Pool[Any], keyring: Keyring) -> None:
    """At start-up: check the keyring opens what is stored, then seal plaintext webhook
    secrets.

    :raises KeyringError: stored rows need a key the keyring lacks (a wrong key).
    """
    await check_keys(pool, keyring)
    await seal_plaintext_webhook_secrets(pool, keyring)


async def check_keys(pool: asyncpg.Pool[Any], keyring: Keyring) -> None:
    """:raises KeyringError: stored rows need a key the keyring lacks (a wrong key)."""
    missing = await missing_keys(pool, keyring)
    if missing:
        raise KeyringError(
            f"stored secrets are sealed with master key {', '.join(missing)}, which "
            f"{keyring.source} does not hold (it holds {', '.join(keyring.keys)}): configure "
            "the key they were written with"
        )


async def count_pending(pool: asyncpg.Pool[Any], key_id: str) -> int:
    """Sealed rows not wrapped by ``key_id``."""
    total: int = await pool.fetchval(
        "SELECT (SELECT count(*) FROM secret_versions WHERE key_id <> $1)"
        + "".join(
            f" + (SELECT count(*) FROM {t.table} WHERE secret_key_id <> $1)"
            for t in _SEALED_COLUMNS
        ),
        key_id,
    )
    return total


@attrs.frozen
class Rotation:
    key_id: str  # the key every row is wrapped by now
    rewrapped: int


async def rewrap_all(
    pool: asyncpg.Pool[Any],
    keyring: Keyring,
    *,
    batch: int = 500,
    progress: Callable[[int], None] | None = None,
) -> Rotation:
    """Rewrap every row not yet wrapped by the keyring's current key, ``batch`` rows per
    committed transaction; ``progress`` is told the running count after each batch.

    :raises KeyUnavailable: a row was wrapped by a key the keyring lacks.
    :raises Undecryptable: a row's wrapped data key was altered.
    """
    new = keyring.current
    old = keyring.keys
    done = 0
    while True:
        async with pool.acquire() as conn, conn.transaction():
            rows = await conn.fetch(
                """
                SELECT v.secret_id, v.version, v.key_id, v.wrapped_key, v.nonce, v.ciphertext,
                       s.project_id, s.environment, s.name
                FROM secret_versions v JOIN secrets s ON s.id = v.secret_id
                WHERE v.key_id <> $1
                ORDER BY v.secret_id, v.version
                LIMIT $2
                FOR UPDATE OF v SKIP LOCKED
                """,
                new.key_id,
                batch,
            )
            for row in rows:
                scope = Scope(row["project_id"], row["environment"]).key
                sealed = rewrap(
                    old,
                    new,
                    Sealed(row["key_id"], row["wrapped_key"], row["nonce"], row["ciphertext"]),
                    scope=scope,
                    name=row["name"],
                    version=row["version"],
                )
                await conn.execute(
                    "UPDATE secret_versions SET key_id = $3, wrapped_key = $4 "
                    "WHERE secret_id = $1 AND version = $2",
                    row["secret_id"],
                    row["version"],
                    sealed.key_id,
                    sealed.wrapped_key,
                )
            rewrapped = len(rows)
            for where in _SEALED_COLUMNS:
                rewrapped += await _rewrap_columns(conn, where, old, new, max(0, batch - rewrapped))
        done += rewrapped
        if not rewrapped:
            return Rotation(new.key_id, done)
        if progress is not None:
            progress(done)


async def _rewrap_columns(
    conn: Any,
    where: _SealedSecretColumns,
    old: Mapping[str, MasterKey],
    new: MasterKey,
    limit: int,
) -> int:
    if limit <= 0:
        return 0
    rows = await conn.fetch(
        f"""
        SELECT {where.id_column} AS id, secret_key_id, secret_wrapped, secret_nonce,
               secret_ciphertext
        FROM {where.table} WHERE secret_key_id IS NOT NULL AND secret_key_id <> $1
        ORDER BY {where.id_column} LIMIT $2 FOR UPDATE SKIP LOCKED
        """,
        new.key_id,
        limit,
    )
    for row in rows:
        sealed = rewrap(
            old,
            new,
            Sealed(
                row["secret_key_id"],
                row["secret_wrapped"],
                row["secret_nonce"],
                row["secret_ciphertext"],
            ),
            scope=f"{where.scope}:{row['id']}",
            name=_COLUMN_NAME,
            version=_COLUMN_VERSION,
        )
        await conn.execute(
            f"UPDATE {where.table} SET secret_key_id = $2, secret_wrapped = $3 "
            f"WHERE {where.id_column} = $1",
            row["id"],
            sealed.key_id,
            sealed.wrapped_key,
        )
    return len(rows)
