"""The ``notify`` actor: a person's notifications (list, unread count, mark read), their
settings per kind and channel, and, for admins, the deliveries that gave up.

A webhook URL is checked when it is set, as a project webhook's is (its form, and where its
host resolves now); its secret is sealed by the secrets engine and never shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.actors.identity import audit
from dais.actors.secrets.stored import NOTIFICATION_WEBHOOKS, seal_column_secret
from dais.actors.webhooks.signing import check_secret
from dais.actors.webhooks.transport import check_url
from dais.errors import NotFound, ValidationFailed
from dais.runtime import Actor, Fault

from .dispatcher import wake_sender
from .kinds import DEFAULTS, Channel, Kind
from .messages import (
    UNSET,
    ChannelSettings,
    DeliveryRecord,
    GetSettings,
    ListFailed,
    ListNotifications,
    MarkRead,
    NotificationRecord,
    NotifyMessage,
    PutSettings,
    RetryDelivery,
    Settings,
    UnreadCount,
)

if TYPE_CHECKING:
    import asyncpg

    from dais.actors.secrets.keyring import Keyring

    from .policy import NotifyPolicy

__all__ = ["NotifyActor"]

_COLUMNS = "id, kind, project_id, thread, title, body, url, actor, created_at, read_at"


def _record(row: Any) -> NotificationRecord:
    return NotificationRecord(
        id=row["id"],
        kind=row["kind"],
        project_id=row["project_id"],
        thread=row["thread"],
        title=row["title"],
        body=row["body"],
        url=row["url"],
        actor=row["actor"],
        created_at=row["created_at"],
        read_at=row["read_at"],
    )


class NotifyActor(Actor[NotifyMessage]):
    concurrency = 32
    # State in PostgreSQL, one transaction per change: a fault leaves nothing half-done.
    faults = Fault.RESUME
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], policy: NotifyPolicy, keyring: Keyring) -> None:
        self._pool = pool
        self._policy = policy
        self._keyring = keyring

    async def receive(self, message: NotifyMessage) -> Any:
        match message:
            case ListNotifications():
                return await self._list(message)
            case UnreadCount():
                count: int = await self._pool.fetchval(
                    "SELECT count(*) FROM notifications "
                    "WHERE user_id = $1 AND in_app AND read_at IS NULL",
                    message.user_id,
                )
                return count
            case MarkRead():
                return await self._mark(message)
            case GetSettings():
                return await self._settings(message.user_id)
            case PutSettings():
                return await self._put_settings(message)
            case ListFailed():
                return await self._failed(message)
            case RetryDelivery():
                return await self._retry(message)

    async def _list(self, m: ListNotifications) -> tuple[list[NotificationRecord], int]:
        where = "WHERE user_id = $1 AND in_app" + (" AND read_at IS NULL" if m.unread_only else "")
        rows = await self._pool.fetch(
            f"SELECT {_COLUMNS} FROM notifications {where} ORDER BY id DESC LIMIT $2 OFFSET $3",
            m.user_id,
            m.limit,
            m.offset,
        )
        total: int = await self._pool.fetchval(
            f"SELECT count(*) FROM notifications {where}", m.user_id
        )
        return [_record(r) for r in rows], total

    async def _mark(self, m: MarkRead) -> int:
        read = "now()" if m.read else "NULL"
        if m.ids is None:
            result = await self._pool.execute(
                f"UPDATE notifications SET read_at = {read} "
                f"WHERE user_id = $1 AND in_app AND (read_at IS NULL) = $2",
                m.user_id,
                m.read,
            )
        else:
            result = await self._pool.execute(
                f"UPDATE notifications SET read_at = {read} "
                f"WHERE user_id = $1 AND id = ANY($2::bigint[]) AND (read_at IS NULL) = $3",
                m.user_id,
                list(m.ids),
                m.read,
            )
        return int(result.rsplit(" ", 1)[-1])

    async def _settings(self, user_id: int) -> Settings:
        async with self._pool.acquire() as conn:
            email = await conn.fetchval("SELECT email FROM users WHERE id = $1", user_id)
            rows = await conn.fetch(
                "SELECT kind, channel, enabled FROM notification_settings WHERE user_id = $1",
                user_id,
            )
            hook = await conn.fetchrow(
                "SELECT url, secret_key_id IS NOT NULL AS has_secret "
                "FROM notification_webhooks WHERE user_id = $1",
                user_id,
            )
        chosen = {kind: set(channels) for kind, channels in DEFAULTS.items()}
        for r in rows:
            if r["kind"] not in Kind.__members__.values():
                continue
            channels = chosen[Kind(r["kind"])]
            if r["enabled"]:
                channels.add(Channel(r["channel"]))
            else:
                channels.discard(Channel(r["channel"]))
        return Settings(
            kinds=tuple(ChannelSettings(k, frozenset(chosen[k])) for k in Kind),
            email=email,
            email_available=self._policy.smtp is not None,
            webhook_url=hook["url"] if hook else None,
            webhook_has_secret=bool(hook and hook["has_secret"]),
        )

    async def _put_settings(self, m: PutSettings) -> Settings:
        if not m.kinds and m.webhook_url == UNSET and m.webhook_secret is None:
            return await self._settings(m.user_id)  # nothing to change, nothing to audit
        if m.webhook_url not in (None, UNSET):
            assert m.webhook_url is not None
            hooks = self._policy.webhooks
            await check_url(m.webhook_url, hooks.allow, hooks.connect_timeout, "webhook_url")
        if m.webhook_secret is not None:
            check_secret(m.webhook_secret, "webhook_secret")
        async with self._pool.acquire() as conn, conn.transaction():
            for setting in m.kinds:
                for ch in Channel:
                    await conn.execute(
                        """
                        INSERT INTO notification_settings (user_id, kind, channel, enabled)
                        VALUES ($1, $2, $3, $4)
                        ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = $4
                        """,
                        m.user_id,
                        setting.kind.value,
                        ch.value,
                        ch in setting.channels,
                    )
            if m.webhook_url is None:
                await conn.execute(
                    "DELETE FROM notification_webhooks WHERE user_id = $1", m.user_id
                )
            elif m.webhook_url != UNSET:
                await conn.execute(
                    """
                    INSERT INTO notification_webhooks (user_id, url) VALUES ($1, $2)
                    ON CONFLICT (user_id) DO UPDATE SET url = $2, updated_at = now()
                    """,
                    m.user_id,
                    m.webhook_url,
                )
            if m.webhook_secret is not None:
                sealed: list[object] = [None, None, None, None]
                if m.webhook_secret:
                    s = seal_column_secret(
                        self._keyring, NOTIFICATION_WEBHOOKS, m.user_id, m.webhook_secret
                    )
                    sealed = [s.key_id, s.wrapped_key, s.nonce, s.ciphertext]
                changed = await conn.execute(
                    """
                    UPDATE notification_webhooks
                    SET secret_key_id = $2, secret_wrapped = $3, secret_nonce = $4,
                        secret_ciphertext = $5, updated_at = now()
                    WHERE user_id = $1
                    """,
                    m.user_id,
                    *sealed,
                )
                if changed.endswith(" 0") and m.webhook_secret:
                    raise ValidationFailed("webhook_secret", "set a webhook_url first")
            await audit.record(
                conn,
                m.audit,
                "notification_settings.update",
                "user",
                m.user_id,
                {
                    "kinds": sorted(s.kind.value for s in m.kinds),
                    **({"webhook": "changed"} if m.webhook_url != UNSET else {}),
                },
            )
        return await self._settings(m.user_id)

    async def _failed(self, m: ListFailed) -> tuple[list[DeliveryRecord], int]:
        rows = await self._pool.fetch(
            """
            SELECT d.id, d.user_id, u.username, d.channel, d.thread, d.state, d.attempts,
                   d.last_error, d.created_at, d.due_at, d.sent_at,
                   (SELECT count(*) FROM notifications n
                    WHERE n.email_delivery_id = d.id OR n.webhook_delivery_id = d.id)
                   AS notifications
            FROM notification_deliveries d JOIN users u ON u.id = d.user_id
            WHERE d.state = 'failed' ORDER BY d.id DESC LIMIT $1 OFFSET $2
            """,
            m.limit,
            m.offset,
        )
        total: int = await self._pool.fetchval(
            "SELECT count(*) FROM notification_deliveries WHERE state = 'failed'"
        )
        return [DeliveryRecord(**dict(r)) for r in rows], total

    async def _retry(self, m: RetryDelivery) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                """
                UPDATE notification_deliveries
                SET state = 'pending', attempts = 0, due_at = now(), last_error = NULL
                WHERE id = $1 AND state = 'failed' RETURNING user_id
                """,
                m.delivery_id,
            )
            if row is None:
                raise NotFound(f"no failed notification delivery {m.delivery_id}")
            await audit.record(
                conn,
                m.audit,
                "notification_delivery.retry",
                "user",
                row["user_id"],
                {"delivery_id": m.delivery_id},
            )
        wake_sender(self.system)
