"""The webhooks actor: a project's hooks, their delivery log, pings and redeliveries.

Sending is the sender's job (``sender.py``); this actor writes delivery rows and wakes it.
A hook's URL is checked when it is set: its form (``guard.parse_url``) and where its host
resolves now (every address must pass the allow list). The sender checks again at every
attempt, since what a name resolves to can change.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dais.actors.identity import audit
from dais.actors.secrets.stored import seal_webhook_secret
from dais.errors import Conflict, NotFound, ValidationFailed
from dais.runtime import Actor, Fault, MailboxFull, UnknownActor
from dais.storage.database import reading

from . import payloads
from .messages import (
    SENDER,
    AttemptRecord,
    CreateHook,
    DeleteHook,
    DeliveryDetail,
    DeliveryRecord,
    DeliveryState,
    GetDelivery,
    GetHook,
    HookEvent,
    HookRecord,
    ListDeliveries,
    ListHooks,
    Ping,
    Redeliver,
    UpdateHook,
    Wake,
    WebhookMessage,
)
from .signing import check_secret
from .transport import check_url

if TYPE_CHECKING:
    import asyncpg

    from dais.actors.secrets.keyring import Keyring
    from dais.runtime import ActorSystem

    from .policy import DeliveryPolicy

__all__ = ["WebhooksActor", "wake_sender"]

log = logging.getLogger(__name__)

MAX_HOOKS_PER_PROJECT = 100
_UPDATABLE = frozenset({"url", "secret", "events", "active"})
_HOOK_COLUMNS = """
    id, project_id, url, (secret_key_id IS NOT NULL OR secret <> '') AS has_secret, events,
    active, consecutive_failures, disabled_reason, disabled_at, created_at, updated_at
"""
# The secret is sealed by the secrets engine (dais.actors.secrets.stored); the plaintext
# column is kept empty since migration 0016.
_SET_SECRET = """
    UPDATE webhooks SET secret = '', secret_key_id = $2, secret_wrapped = $3, secret_nonce = $4,
                        secret_ciphertext = $5
    WHERE id = $1
"""
_DELIVERY_COLUMNS = """
    id, uuid::text AS uuid, hook_id, event, action, source, state, attempts, response_status,
    duration_ms, error, redelivery_of, created_at, next_attempt_at, completed_at
"""


def wake_sender(system: ActorSystem) -> None:
    """Tell the sender that deliveries are due; if it cannot hear now, its poll finds them."""
    try:
        system.ref(SENDER).tell(Wake())
    except (MailboxFull, UnknownActor):
        pass


def hook_record(row: Any) -> HookRecord:
    return HookRecord(
        id=row["id"],
        project_id=row["project_id"],
        url=row["url"],
        events=tuple(HookEvent(e) for e in row["events"] if e in HookEvent.__members__.values()),
        active=row["active"],
        has_secret=row["has_secret"],
        consecutive_failures=row["consecutive_failures"],
        disabled_reason=row["disabled_reason"],
        disabled_at=row["disabled_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def delivery_record(row: Any) -> DeliveryRecord:
    state = DeliveryState(row["state"])
    return DeliveryRecord(
        id=row["id"],
        uuid=row["uuid"],
        hook_id=row["hook_id"],
        event=row["event"],
        action=row["action"],
        source=row["source"],
        state=state,
        attempts=row["attempts"],
        response_status=row["response_status"],
        duration_ms=row["duration_ms"],
        error=row["error"],
        redelivery_of=row["redelivery_of"],
        created_at=row["created_at"],
        next_attempt_at=row["next_attempt_at"] if state is DeliveryState.PENDING else None,
        completed_at=row["completed_at"],
    )


def _attempt_record(row: Any) -> AttemptRecord:
    headers = row["response_headers"]
    return AttemptRecord(
        number=row["number"],
        outcome=row["outcome"],
        url=row["url"],
        request_headers=json.loads(row["request_headers"]),
        address=row["address"],
        response_status=row["response_status"],
        response_headers=json.loads(headers) if headers is not None else None,
        response_body=row["response_body"],
        response_truncated=row["response_truncated"],
        duration_ms=row["duration_ms"],
        error=row["error"],
        started_at=row["started_at"],
    )


def _shown_url(url: str) -> str:
    """A URL for the audit log: its query may hold a token, so it is left out."""
    parts = urlsplit(url)
    return parts._replace(query="", fragment="").geturl()


class WebhooksActor(Actor[WebhookMessage]):
    concurrency = 32
    # Its state is PostgreSQL (each change one transaction, rolled back by an error); the
    # instance holds only its pool and delivery policy. A fault cannot leave it
    # half-changed, so the actor resumes (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], policy: DeliveryPolicy, keyring: Keyring) -> None:
        self._pool = pool
        self._policy = policy
        self._keyring = keyring

    async def receive(self, message: WebhookMessage) -> Any:
        match message:
            case ListHooks():
                rows = await self._pool.fetch(
                    f"SELECT {_HOOK_COLUMNS} FROM webhooks WHERE project_id = $1 ORDER BY id",
                    message.project_id,
                )
                return [hook_record(r) for r in rows]
            case GetHook():
                return await self._hook(message.project_id, message.hook_id)
            case CreateHook():
                return await self._create(message)
            case UpdateHook():
                return await self._update(message)
            case DeleteHook():
                return await self._delete(message)
            case ListDeliveries():
                return await self._deliveries(message)
            case GetDelivery():
                return await self._delivery(message)
            case Redeliver():
                return await self._redeliver(message)
            case Ping():
                return await self._ping(message)

    async def _hook(self, project_id: int, hook_id: int) -> HookRecord:
        row = await self._pool.fetchrow(
            f"SELECT {_HOOK_COLUMNS} FROM webhooks WHERE id = $1 AND project_id = $2",
            hook_id,
            project_id,
        )
        if row is None:
            raise NotFound(f"webhook {hook_id} does not exist in this project")
        return hook_record(row)

    @staticmethod
    def _check_events(events: frozenset[HookEvent]) -> list[str]:
        if not events:
            raise ValidationFailed("events", "choose at least one event")
        return sorted(e.value for e in events)

    def _sealed_columns(self, hook_id: int, secret: str) -> list[object]:
        """``secret_key_id``, ``secret_wrapped``, ``secret_nonce``, ``secret_ciphertext``:
        all None for no secret."""
        if not secret:
            return [None, None, None, None]
        sealed = seal_webhook_secret(self._keyring, hook_id, secret)
        return [sealed.key_id, sealed.wrapped_key, sealed.nonce, sealed.ciphertext]

    async def _create(self, m: CreateHook) -> HookRecord:
        check_secret(m.secret)
        events = self._check_events(m.events)
        await check_url(m.url, self._policy.allow, self._policy.connect_timeout)
        async with self._pool.acquire() as conn, conn.transaction():
            # Serialises creations per project, so the count below cannot be raced past.
            await conn.execute("SELECT pg_advisory_xact_lock($1)", m.project_id)
            count = await conn.fetchval(
                "SELECT count(*) FROM webhooks WHERE project_id = $1", m.project_id
            )
            if count >= MAX_HOOKS_PER_PROJECT:
                raise Conflict(f"a project may have at most {MAX_HOOKS_PER_PROJECT} webhooks")
            row: Any = await conn.fetchrow(
                f"""
                INSERT INTO webhooks (project_id, url, events, active, created_by)
                VALUES ($1, $2, $3, $4, $5) RETURNING {_HOOK_COLUMNS}
                """,
                m.project_id,
                m.url,
                events,
                m.active,
                m.audit.actor_id,
            )
            if m.secret:
                # Sealed under the hook's own id, known only once the row exists.
                row = await conn.fetchrow(
                    f"{_SET_SECRET} RETURNING {_HOOK_COLUMNS}",
                    row["id"],
                    *self._sealed_columns(row["id"], m.secret),
                )
            hook = hook_record(row)
            await audit.record(
                conn,
                m.audit,
                "webhook.create",
                "project",
                m.project_id,
                {"hook_id": hook.id, "url": _shown_url(m.url), "events": events},
            )
        return hook

    async def _update(self, m: UpdateHook) -> HookRecord:
        unknown = set(m.changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        sets: list[str] = []
        args: list[object] = [m.hook_id, m.project_id]
        shown: dict[str, object] = {}
        if "url" in m.changes:
            await check_url(m.changes["url"], self._policy.allow, self._policy.connect_timeout)
            args.append(m.changes["url"])
            sets.append(f"url = ${len(args)}")
            shown["url"] = _shown_url(m.changes["url"])
        if "secret" in m.changes:
            check_secret(m.changes["secret"])
            columns = self._sealed_columns(m.hook_id, m.changes["secret"])
            start = len(args) + 1
            args.extend(columns)
            sets.append(
                f"secret = '', secret_key_id = ${start}, secret_wrapped = ${start + 1}, "
                f"secret_nonce = ${start + 2}, secret_ciphertext = ${start + 3}"
            )
            shown["secret"] = "(changed)"
        if "events" in m.changes:
            events = self._check_events(frozenset(m.changes["events"]))
            args.append(events)
            sets.append(f"events = ${len(args)}")
            shown["events"] = events
        if "active" in m.changes:
            active = bool(m.changes["active"])
            args.append(active)
            sets.append(f"active = ${len(args)}")
            # Switching a hook on (again) gives it a clean slate; off, it keeps its record.
            if active:
                sets += ["consecutive_failures = 0", "disabled_reason = NULL", "disabled_at = NULL"]
            shown["active"] = active
        if not sets:
            return await self._hook(m.project_id, m.hook_id)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                f"UPDATE webhooks SET {', '.join(sets)}, updated_at = now() "
                f"WHERE id = $1 AND project_id = $2 RETURNING {_HOOK_COLUMNS}",
                *args,
            )
            if row is None:
                raise NotFound(f"webhook {m.hook_id} does not exist in this project")
            await audit.record(
                conn,
                m.audit,
                "webhook.update",
                "project",
                m.project_id,
                {"hook_id": m.hook_id, **shown},
            )
        return hook_record(row)

    async def _delete(self, m: DeleteHook) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            url = await conn.fetchval(
                "DELETE FROM webhooks WHERE id = $1 AND project_id = $2 RETURNING url",
                m.hook_id,
                m.project_id,
            )
            if url is None:
                raise NotFound(f"webhook {m.hook_id} does not exist in this project")
            await audit.record(
                conn,
                m.audit,
                "webhook.delete",
                "project",
                m.project_id,
                {"hook_id": m.hook_id, "url": _shown_url(url)},
            )

    async def _deliveries(self, m: ListDeliveries) -> tuple[list[DeliveryRecord], int]:
        await self._hook(m.project_id, m.hook_id)
        where = "WHERE hook_id = $1 AND ($2::bigint IS NULL OR id < $2)"
        async with reading(self._pool) as conn:
            rows = await conn.fetch(
                f"SELECT {_DELIVERY_COLUMNS} FROM webhook_deliveries {where}"
                " ORDER BY id DESC LIMIT $3 OFFSET $4",
                m.hook_id,
                m.before,
                m.limit,
                m.offset,
            )
            total = await conn.fetchval(
                f"SELECT count(*) FROM webhook_deliveries {where}", m.hook_id, m.before
            )
        return [delivery_record(r) for r in rows], total

    async def _delivery(self, m: GetDelivery) -> DeliveryDetail:
        hook = await self._hook(m.project_id, m.hook_id)
        async with self._pool.acquire() as conn:
            row = await conn.fetchrow(
                f"SELECT {_DELIVERY_COLUMNS}, body FROM webhook_deliveries "
                "WHERE id = $1 AND hook_id = $2",
                m.delivery_id,
                m.hook_id,
            )
            if row is None:
                raise NotFound(f"delivery {m.delivery_id} does not exist for this webhook")
            attempts = await conn.fetch(
                """
                SELECT number, outcome, url, request_headers::text AS request_headers, address,
                       response_status, response_headers::text AS response_headers,
                       response_body, response_truncated, duration_ms, error, started_at
                FROM webhook_attempts WHERE delivery_id = $1 ORDER BY number
                """,
                m.delivery_id,
            )
        return DeliveryDetail(
            delivery=delivery_record(row),
            url=hook.url,
            request_body=row["body"],
            attempts=tuple(_attempt_record(a) for a in attempts),
        )

    async def _redeliver(self, m: Redeliver) -> DeliveryRecord:
        await self._hook(m.project_id, m.hook_id)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                f"""
                INSERT INTO webhook_deliveries (hook_id, source, event, action, body,
                                                redelivery_of)
                SELECT hook_id, 'redelivery', event, action, body, id
                FROM webhook_deliveries WHERE id = $1 AND hook_id = $2
                RETURNING {_DELIVERY_COLUMNS}
                """,
                m.delivery_id,
                m.hook_id,
            )
            if row is None:
                raise NotFound(f"delivery {m.delivery_id} does not exist for this webhook")
            await audit.record(
                conn,
                m.audit,
                "webhook.redeliver",
                "project",
                m.project_id,
                {"hook_id": m.hook_id, "delivery_id": m.delivery_id, "redelivery_id": row["id"]},
            )
        wake_sender(self.system)
        return delivery_record(row)

    async def _ping(self, m: Ping) -> DeliveryRecord:
        hook = await self._hook(m.project_id, m.hook_id)
        body = payloads.ping_body(
            hook_id=hook.id,
            url=hook.url,
            events=[e.value for e in hook.events],
            active=hook.active,
            project={"id": str(m.project_id), "path": m.project_path},
            sender={"id": str(m.sender_id), "username": m.sender_username},
            public_url=self._policy.public_url,
        )
        row = await self._pool.fetchrow(
            f"""
            INSERT INTO webhook_deliveries (hook_id, source, event, body)
            VALUES ($1, 'ping', 'ping', $2) RETURNING {_DELIVERY_COLUMNS}
            """,
            hook.id,
            json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        )
        wake_sender(self.system)
        return delivery_record(row)
