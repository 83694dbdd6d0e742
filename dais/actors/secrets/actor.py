"""The secrets actor: sets, lists, opens and deletes secrets, one transaction each.

Values are sealed here (``keyring.seal``) before they reach PostgreSQL and opened here
only for :class:`RevealSecret`, which writes a ``secret.read`` audit row in the same
transaction it reads the row in: if the audit row cannot be written, the value is not
returned. Who may do what is the caller's to check (``dais.http.secrets`` for the API).

Concurrent ``PUT``s of one name serialise on the secret's row (``INSERT ... ON CONFLICT DO
UPDATE``), so each gets its own version and none is lost; a scope's count of secrets is
checked under a per-scope advisory lock.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from dais.actors.identity import audit
from dais.errors import Conflict, NotFound, Unavailable, ValidationFailed
from dais.runtime import Actor, Fault
from dais.storage.database import reading

from .envelope import KeyUnavailable, Sealed, Undecryptable
from .messages import (
    MAX_VALUE,
    MAX_VERSIONS,
    DeleteSecret,
    GetSecret,
    ListSecrets,
    PutSecret,
    Revealed,
    RevealSecret,
    Scope,
    SecretDetail,
    SecretMessage,
    SecretRecord,
    VersionRecord,
    check_environment,
    check_name,
)

if TYPE_CHECKING:
    import asyncpg

    from dais.storage.database import Conn

    from .keyring import Keyring

__all__ = ["MAX_SECRETS_PER_SCOPE", "SecretsActor", "check_value"]

log = logging.getLogger(__name__)

#: Secrets one scope (the platform, a project, an environment) may hold.
MAX_SECRETS_PER_SCOPE = 500

_COLUMNS = """
    s.id, s.project_id, s.environment, s.name, s.version, s.created_at, s.updated_at,
    cu.username AS created_by, uu.username AS updated_by
"""
_FROM = """
    FROM secrets s
    LEFT JOIN users cu ON cu.id = s.created_by
    LEFT JOIN users uu ON uu.id = s.updated_by
"""
# What a change returns: the record as _record reads it, without a second query.
_RETURNED = """
    s.id, s.project_id, s.environment, s.name, s.version, s.created_at, s.updated_at,
    (SELECT username FROM users WHERE id = s.created_by) AS created_by,
    (SELECT username FROM users WHERE id = s.updated_by) AS updated_by
"""
_IN_SCOPE = "s.project_id IS NOT DISTINCT FROM $1 AND s.environment = $2 AND s.name = $3"


def check_value(value: str) -> bytes:
    """The value as stored: UTF-8, at most :data:`MAX_VALUE` bytes, no NUL.

    :raises ValidationFailed: on ``value``.
    """
    try:
        raw = value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from a caller that skipped the edge
        raise ValidationFailed("value", "must be valid UTF-8 text") from None
    if len(raw) > MAX_VALUE:
        raise ValidationFailed("value", f"must be at most {MAX_VALUE} bytes (UTF-8)")
    if b"\x00" in raw:
        raise ValidationFailed("value", "must not contain NUL characters")
    return raw


def _record(row: Any) -> SecretRecord:
    return SecretRecord(
        id=row["id"],
        scope=Scope(row["project_id"], row["environment"]),
        name=row["name"],
        version=row["version"],
        created_by=row["created_by"],
        updated_by=row["updated_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _target(scope: Scope) -> tuple[str, int | None]:
    return ("project", scope.project_id) if scope.project_id is not None else ("platform", None)


def _shown(scope: Scope, name: str) -> dict[str, Any]:
    shown: dict[str, Any] = {"name": name}
    if scope.environment:
        shown["environment"] = scope.environment
    return shown


class SecretsActor(Actor[SecretMessage]):
    concurrency = 32
    # Its state is PostgreSQL (each change one transaction) and a keyring it only reads: a
    # fault cannot leave it half-changed, so the actor resumes (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], keyring: Keyring) -> None:
        self._pool = pool
        self._keyring = keyring

    async def receive(self, message: SecretMessage) -> Any:
        match message:
            case ListSecrets():
                return await self._list(message)
            case GetSecret():
                return await self._get(message)
            case PutSecret():
                return await self._put(message)
            case DeleteSecret():
                return await self._delete(message)
            case RevealSecret():
                return await self._reveal(message)

    @staticmethod
    def _check(scope: Scope, name: str) -> None:
        check_name(name)
        if scope.environment:
            check_environment(scope.environment)

    async def _list(self, m: ListSecrets) -> list[SecretRecord]:
        async with reading(self._pool) as conn:
            rows = await conn.fetch(
                f"""
                SELECT {_COLUMNS} {_FROM}
                WHERE s.project_id IS NOT DISTINCT FROM $1
                  AND ($2::text IS NULL OR s.environment = $2)
                ORDER BY s.environment, s.name
                """,
                m.project_id,
                m.environment,
            )
        return [_record(r) for r in rows]

    async def _row(self, conn: Conn, scope: Scope, name: str, *, lock: bool = False) -> Any:
        row = await conn.fetchrow(
            f"SELECT {_COLUMNS} {_FROM} WHERE {_IN_SCOPE}" + (" FOR UPDATE OF s" if lock else ""),
            scope.project_id,
            scope.environment,
            name,
        )
        if row is None:
            where = f" in environment {scope.environment}" if scope.environment else ""
            raise NotFound(f"secret {name} does not exist{where}")
        return row

    async def _get(self, m: GetSecret) -> SecretDetail:
        self._check(m.scope, m.name)
        async with reading(self._pool) as conn:
            row = await self._row(conn, m.scope, m.name)
            versions = await conn.fetch(
                """
                SELECT v.version, u.username AS created_by, v.created_at
                FROM secret_versions v LEFT JOIN users u ON u.id = v.created_by
                WHERE v.secret_id = $1 ORDER BY v.version DESC
                """,
                row["id"],
            )
        return SecretDetail(
            secret=_record(row),
            versions=tuple(
                VersionRecord(v["version"], v["created_by"], v["created_at"]) for v in versions
            ),
        )

    async def _put(self, m: PutSecret) -> tuple[SecretRecord, bool]:
        self._check(m.scope, m.name)
        raw = check_value(m.value)
        scope = m.scope
        async with self._pool.acquire() as conn, conn.transaction():
            # A new version of an existing secret: its row lock orders concurrent PUTs.
            row: Any = await conn.fetchrow(
                f"""
                UPDATE secrets s SET version = s.version + 1, updated_by = $4, updated_at = now()
                WHERE {_IN_SCOPE} RETURNING {_RETURNED}, false AS created
                """,
                scope.project_id,
                scope.environment,
                m.name,
                m.audit.actor_id,
            )
            if row is None:
                # A new name: one scope's creations in turn, so its count cannot be raced
                # past; a PUT of the same name that won the race is updated instead.
                await conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtext($1))", f"secrets:{scope.key}"
                )
                count = await conn.fetchval(
                    "SELECT count(*) FROM secrets WHERE project_id IS NOT DISTINCT FROM $1 "
                    "AND environment = $2",
                    scope.project_id,
                    scope.environment,
                )
                if count >= MAX_SECRETS_PER_SCOPE:
                    raise Conflict(f"a scope may hold at most {MAX_SECRETS_PER_SCOPE} secrets")
                row = await conn.fetchrow(
                    f"""
                    INSERT INTO secrets AS s (project_id, environment, name, version,
                                              created_by, updated_by)
                    VALUES ($1, $2, $3, 1, $4, $4)
                    ON CONFLICT (coalesce(project_id, 0), environment, name) DO UPDATE
                       SET version = s.version + 1, updated_by = $4, updated_at = now()
                    RETURNING {_RETURNED}, (xmax = 0) AS created
                    """,
                    scope.project_id,
                    scope.environment,
                    m.name,
                    m.audit.actor_id,
                )
            version: int = row["version"]
            sealed = self._keyring.seal(raw, scope=scope.key, name=m.name, version=version)
            await conn.execute(
                """
                INSERT INTO secret_versions (secret_id, version, key_id, wrapped_key, nonce,
                                             ciphertext, size, created_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """,
                row["id"],
                version,
                sealed.key_id,
                sealed.wrapped_key,
                sealed.nonce,
                sealed.ciphertext,
                len(raw),
                m.audit.actor_id,
            )
            if version > MAX_VERSIONS:
                await conn.execute(
                    "DELETE FROM secret_versions WHERE secret_id = $1 AND version <= $2",
                    row["id"],
                    version - MAX_VERSIONS,
                )
            target_type, target_id = _target(scope)
            await audit.record(
                conn,
                m.audit,
                "secret.create" if row["created"] else "secret.update",
                target_type,
                target_id,
                _shown(scope, m.name) | {"version": version},
            )
        return _record(row), bool(row["created"])

    async def _delete(self, m: DeleteSecret) -> None:
        self._check(m.scope, m.name)
        async with self._pool.acquire() as conn, conn.transaction():
            deleted = await conn.fetchval(
                f"DELETE FROM secrets s WHERE {_IN_SCOPE} RETURNING version",
                m.scope.project_id,
                m.scope.environment,
                m.name,
            )
            if deleted is None:
                raise NotFound(f"secret {m.name} does not exist")
            target_type, target_id = _target(m.scope)
            await audit.record(
                conn, m.audit, "secret.delete", target_type, target_id, _shown(m.scope, m.name)
            )

    async def _reveal(self, m: RevealSecret) -> Revealed:
        self._check(m.scope, m.name)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._row(conn, m.scope, m.name)
            version = m.version if m.version is not None else row["version"]
            stored = await conn.fetchrow(
                "SELECT key_id, wrapped_key, nonce, ciphertext FROM secret_versions "
                "WHERE secret_id = $1 AND version = $2",
                row["id"],
                version,
            )
            if stored is None:
                raise NotFound(
                    f"secret {m.name} has no version {version} (the last {MAX_VERSIONS} are kept)"
                )
            sealed = Sealed(
                stored["key_id"], stored["wrapped_key"], stored["nonce"], stored["ciphertext"]
            )
            try:
                raw = self._keyring.open(sealed, scope=m.scope.key, name=m.name, version=version)
            except KeyUnavailable as exc:
                log.error("secret %s v%d: %s", m.name, version, exc)
                raise Unavailable(
                    f"secret {m.name} was sealed with master key {exc.key_id}, which this "
                    "server does not have; configure it (DAIS_SECRETS_OLD_KEYS or the key file)"
                ) from None
            except Undecryptable as exc:
                log.error("%s", exc)
                raise Conflict(
                    f"secret {m.name} version {version} cannot be decrypted: its stored row was "
                    "altered; set it again"
                ) from None
            target_type, target_id = _target(m.scope)
            await audit.record(
                conn,
                m.audit,
                "secret.read",
                target_type,
                target_id,
                _shown(m.scope, m.name) | {"version": version},
            )
        return Revealed(_record(row), version, raw.decode("utf-8"))
