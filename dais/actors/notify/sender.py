"""``notify.sender``: sends due notification deliveries, by email and by webhook.

It claims due rows in batches (``FOR UPDATE SKIP LOCKED``, moving ``due_at`` past the
attempt's deadline, so a row whose sender died falls due again by itself) and sends each
in a task of its own, at most ``policy.concurrency`` at once: an SMTP server that hangs
holds one slot for ``DAIS_SMTP_TIMEOUT`` and never the others. A failure that retrying may
fix (a 4xx, a timeout, a refused connection) is retried with doubling delays; a permanent
one (a 5xx), or the last attempt, marks the delivery failed, which admins see.

An email carries every notification attached to its delivery when it is sent: those of a
thread that arrived while it waited go out together.
"""

from __future__ import annotations

import json
import logging
import random
import time
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg

from dais.actors.secrets.envelope import KeyUnavailable, Undecryptable
from dais.actors.secrets.stored import NOTIFICATION_WEBHOOKS, open_column_secret
from dais.actors.webhooks import signing
from dais.actors.webhooks.backoff import Verdict, judge
from dais.actors.webhooks.transport import Transport
from dais.runtime import Actor

from . import email
from .messages import Wake

if TYPE_CHECKING:
    from dais.actors.secrets.keyring import Keyring

    from .policy import NotifyPolicy

__all__ = ["NotificationSender"]

log = logging.getLogger(__name__)

_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)

_CLAIM = """
WITH due AS (
    SELECT id FROM notification_deliveries
    WHERE state = 'pending' AND due_at <= now()
    ORDER BY due_at, id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE notification_deliveries d
SET attempts = d.attempts + 1, due_at = now() + make_interval(secs => $2)
FROM due, users u
WHERE d.id = due.id AND u.id = d.user_id
RETURNING d.id, d.user_id, d.channel, d.thread, d.attempts, u.email, u.username
"""

_ITEMS = """
SELECT id, kind, title, body, url, actor, created_at, project_id
FROM notifications WHERE {column} = $1 ORDER BY id
"""


class _Failed(Exception):
    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class NotificationSender(Actor[Wake]):
    mailbox_size = 64

    def __init__(self, pool: asyncpg.Pool[Any], policy: NotifyPolicy, keyring: Keyring) -> None:
        self._pool = pool
        self._policy = policy
        self._keyring = keyring
        self._transport = Transport(policy.webhooks)
        self._wake = anyio.Event()
        self._in_flight = 0
        self._rng = random.Random()

    async def receive(self, message: Wake) -> None:
        self._wake.set()

    async def stopped(self) -> None:
        await self._transport.aclose()

    async def background(self) -> None:
        async with anyio.create_task_group() as tg:
            while True:
                self._wake = anyio.Event()
                free = self._policy.concurrency - self._in_flight
                claimed: list[Any] = []
                if free > 0:
                    try:
                        claimed = await self._pool.fetch(_CLAIM, free, self._policy.lease)
                    except _DB_ERRORS as exc:
                        log.warning("could not claim notification deliveries: %s", exc)
                for row in claimed:
                    self._in_flight += 1
                    tg.start_soon(self._run, row)
                if len(claimed) == free and free > 0:
                    continue  # there may be more due right now
                with anyio.move_on_after(self._policy.poll_interval):
                    await self._wake.wait()

    async def _run(self, row: Any) -> None:
        try:
            await self._deliver(row)
        except _DB_ERRORS as exc:
            # The claim's lease runs out and the row falls due again.
            log.warning("notification delivery %d: %s; it will be retried", row["id"], exc)
        finally:
            self._in_flight -= 1
            self._wake.set()

    async def _deliver(self, row: Any) -> None:
        try:
            if row["channel"] == "email":
                await self._email(row)
            else:
                await self._webhook(row)
        except _Failed as failed:
            last = failed.permanent or row["attempts"] >= self._policy.max_attempts
            if last:
                log.warning(
                    "notification delivery %d (%s to %s) failed: %s",
                    row["id"],
                    row["channel"],
                    row["username"],
                    failed.reason,
                )
                await self._pool.execute(
                    "UPDATE notification_deliveries SET state = 'failed', last_error = $2 "
                    "WHERE id = $1",
                    row["id"],
                    failed.reason[:2000],
                )
            else:
                delay = min(
                    self._policy.max_retry_delay,
                    self._policy.retry_delay * 2 ** (row["attempts"] - 1),
                ) * self._rng.uniform(0.8, 1.2)
                await self._pool.execute(
                    "UPDATE notification_deliveries SET due_at = now() + make_interval(secs => $2),"
                    " last_error = $3 WHERE id = $1",
                    row["id"],
                    delay,
                    failed.reason[:2000],
                )
            return
        await self._pool.execute(
            "UPDATE notification_deliveries SET state = 'sent', sent_at = now(), last_error = NULL"
            " WHERE id = $1",
            row["id"],
        )

    async def _email(self, row: Any) -> None:
        smtp = self._policy.smtp
        if smtp is None:
            raise _Failed("email is not configured on this server (DAIS_SMTP_HOST)", permanent=True)
        if not row["email"]:
            raise _Failed(f"{row['username']} has no email address", permanent=True)
        items = await self._pool.fetch(_ITEMS.format(column="email_delivery_id"), row["id"])
        if not items:
            return  # every notification of it was deleted (the project, say)
        message = email.compose(
            to=row["email"],
            items=[email.EmailItem(i["title"], i["body"], i["url"], i["kind"]) for i in items],
            thread=row["thread"],
            notification_id=f"dais-notification-{row['id']}",
            settings=smtp,
            public_url=self._policy.public_url,
        )
        try:
            await email.send(smtp, message)
        except email.SendFailed as exc:
            raise _Failed(exc.reason, permanent=exc.permanent) from None

    async def _webhook(self, row: Any) -> None:
        hook = await self._pool.fetchrow(
            "SELECT url, secret_key_id, secret_wrapped, secret_nonce, secret_ciphertext "
            "FROM notification_webhooks WHERE user_id = $1",
            row["user_id"],
        )
        if hook is None:
            raise _Failed("the webhook was removed before this was sent", permanent=True)
        try:
            secret = open_column_secret(self._keyring, NOTIFICATION_WEBHOOKS, row["user_id"], hook)
        except (KeyUnavailable, Undecryptable) as exc:
            raise _Failed(
                f"the webhook's secret cannot be opened ({exc})", permanent=True
            ) from None
        items = await self._pool.fetch(_ITEMS.format(column="webhook_delivery_id"), row["id"])
        if not items:
            return
        body = json.dumps(
            {
                "notifications": [
                    {
                        "id": str(i["id"]),
                        "kind": i["kind"],
                        "title": i["title"],
                        "body": i["body"],
                        "url": i["url"],
                        "actor": i["actor"],
                        "project_id": None if i["project_id"] is None else str(i["project_id"]),
                        "created_at": i["created_at"].isoformat(),
                    }
                    for i in items
                ],
                "user": {"id": str(row["user_id"]), "username": row["username"]},
            },
            separators=(",", ":"),
        ).encode()
        headers = signing.request_headers(
            event="notification",
            delivery=f"notification-{row['id']}",
            hook_id=0,
            timestamp=int(time.time()),
            secret=secret,
            body=body,
        )
        answer, _sent = await self._transport.send(hook["url"], headers, body)
        if answer.blocked:
            raise _Failed(answer.error or "the address is not allowed", permanent=True)
        if answer.status is None:
            raise _Failed(answer.error or "no answer", permanent=False)
        verdict = judge(answer.status)
        if verdict is Verdict.DELIVERED:
            return
        raise _Failed(f"the receiver answered {answer.status}", permanent=verdict is Verdict.FAILED)
