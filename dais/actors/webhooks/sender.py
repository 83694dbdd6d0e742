"""The sender: makes the attempts of due deliveries, records them, and schedules retries.

A pass claims due rows with ``FOR UPDATE SKIP LOCKED`` and, in the same short transaction,
moves each one's ``next_attempt_at`` past its attempt's deadline (the lease): so several
replicas share the work without waiting on each other, no transaction stays open while a
receiver is slow (an open one would hold up the outbox's delivery horizon), and a row whose
sender died in the middle of an attempt is due again once the lease has run out. Delivery is
therefore at least once; receivers drop repeats by ``X-Dais-Delivery``.

It wakes when told (:class:`~.messages.Wake`: the subscriber and the webhooks actor send one
after writing rows), when a retry it scheduled falls due, and every ``poll_interval`` for
rows that other replicas wrote or that a dead sender left.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg

from dais.actors.secrets.envelope import KeyUnavailable, Undecryptable
from dais.actors.secrets.stored import open_webhook_secret
from dais.runtime import Actor
from dais.storage import outbox

from . import signing
from .backoff import Verdict, judge, parse_retry_after, retry_delay
from .messages import DeliveryState, Wake
from .transport import Answer, Transport

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

    from dais.actors.secrets.keyring import Keyring

    from .policy import DeliveryPolicy

__all__ = ["WebhookSender", "prune_log"]

log = logging.getLogger(__name__)

_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)

_CLAIM = """
WITH due AS (
    SELECT id FROM webhook_deliveries
    WHERE state = 'pending' AND next_attempt_at <= now()
    ORDER BY next_attempt_at, id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE webhook_deliveries d
SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
FROM due, webhooks h
WHERE d.id = due.id AND h.id = d.hook_id
RETURNING d.id, d.uuid::text AS uuid, d.hook_id, d.source, d.event, d.body, d.attempts,
          h.url, h.active, h.secret_key_id, h.secret_wrapped, h.secret_nonce, h.secret_ciphertext
"""

_RECORD_ATTEMPT = """
INSERT INTO webhook_attempts (delivery_id, number, outcome, request_headers, address,
    response_status, response_headers, response_body, response_truncated, duration_ms, error,
    started_at, url)
VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13)
ON CONFLICT DO NOTHING
"""

# Finished deliveries past the retention, a batch at a time (their attempts cascade).
_PRUNE = """
DELETE FROM webhook_deliveries WHERE id IN (
    SELECT id FROM webhook_deliveries
    WHERE completed_at < now() - make_interval(secs => $1)
    LIMIT $2
)
"""


async def prune_log(pool: asyncpg.Pool[Any], *, older_than: float, batch: int = 1000) -> int:
    """Delete finished deliveries older than ``older_than`` seconds; return how many went.

    Each batch is its own statement, so a large backlog holds no long transaction.
    """
    removed = 0
    while True:
        status = await pool.execute(_PRUNE, float(older_than), batch)
        count = int(status.rsplit(" ", 1)[1])
        removed += count
        if count < batch:
            return removed


# Only the claim that made this attempt may settle it: if its lease ran out and another
# sender claimed the row again, that one's attempt number is higher and this update is moot.
_SETTLE = """
UPDATE webhook_deliveries
SET state = $3, next_attempt_at = coalesce($4, next_attempt_at), response_status = $5,
    duration_ms = $6, error = $7, completed_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
WHERE id = $1 AND attempts = $2 AND state = 'pending'
RETURNING id
"""

_SUCCEEDED = (
    "UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0"
)

# One failed delivery more; at the limit an active hook is switched off, saying why.
_FAILED = """
UPDATE webhooks SET
    consecutive_failures = consecutive_failures + 1,
    active = CASE WHEN consecutive_failures + 1 >= $2 THEN false ELSE active END,
    disabled_reason = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN $3
                      ELSE disabled_reason END,
    disabled_at = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN now()
                  ELSE disabled_at END,
    updated_at = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN now()
                 ELSE updated_at END
WHERE id = $1
RETURNING project_id, url, consecutive_failures, (disabled_at = now()) AS disabled_now
"""


_CREATOR = """
SELECT u.username FROM webhooks h JOIN users u ON u.id = h.created_by WHERE h.id = $1
"""
_PROJECT_PATH = """
SELECT u.username || '/' || p.name FROM projects p JOIN users u ON u.id = p.owner_id
WHERE p.id = $1
"""


class WebhookSender(Actor[Wake]):
    mailbox_size = 256

    def __init__(self, pool: asyncpg.Pool[Any], policy: DeliveryPolicy, keyring: Keyring) -> None:
        self._pool = pool
        self._policy = policy
        self._keyring = keyring
        self._transport = Transport(policy)
        self._wake = anyio.Event()
        self._in_flight = 0
        self._full = False
        self._soonest = math.inf  # monotonic time a retry scheduled here falls due
        self._rng = random.Random()

    async def receive(self, message: Wake) -> None:
        self._wake.set()

    async def stopped(self) -> None:
        await self._transport.aclose()

    async def background(self) -> None:
        failures = 0
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._prune_periodically)
            while True:
                now = time.monotonic()
                wait = max(0.0, min(self._policy.poll_interval, self._soonest - now))
                with anyio.move_on_after(wait):
                    await self._wake.wait()
                self._wake = anyio.Event()
                if self._soonest <= time.monotonic():
                    self._soonest = math.inf
                try:
                    await self._claim_and_start(tg)
                    failures = 0
                except _DB_ERRORS as exc:
                    failures += 1
                    delay = min(30.0, 0.5 * 2.0 ** min(failures, 8)) * self._rng.uniform(0.5, 1)
                    log.warning("webhook sender: database error %r; retrying in %.1fs", exc, delay)
                    await anyio.sleep(delay)

    async def _prune_periodically(self) -> None:
        """Keep the delivery log to the retention: now, then every prune interval. Several
        replicas may prune at once: each deletes what is left."""
        while True:
            try:
                removed = await prune_log(self._pool, older_than=self._policy.log_retention)
                if removed:
                    log.info("pruned %d webhook deliveries from the log", removed)
            except _DB_ERRORS as exc:
                log.warning("webhook log pruning failed (%r); will try again", exc)
            await anyio.sleep(self._policy.prune_interval)

    async def _claim_and_start(self, tg: TaskGroup) -> None:
        while True:
            free = self._policy.concurrency - self._in_flight
            if free <= 0:
                self._full = True  # the next attempt to finish wakes us
                return
            async with self._pool.acquire() as conn:
                rows = await conn.fetch(_CLAIM, free, self._policy.lease)
            for row in rows:
                self._in_flight += 1
                tg.start_soon(self._attempt, row)
            if len(rows) < free:
                return

    async def _attempt(self, row: Any) -> None:
        try:
            await self._send(row)
        except asyncpg.ForeignKeyViolationError:
            log.info("webhook delivery %s: its hook was deleted meanwhile", row["uuid"])
        except _DB_ERRORS as exc:
            # The row stays claimed until its lease runs out; then it is tried again.
            log.warning(
                "webhook delivery %s: could not record attempt %d (%r); it will be retried",
                row["uuid"],
                row["attempts"],
                exc,
            )
        except Exception:
            # A bug met by one delivery (a receiver's odd answer, say) must not crash the
            # sender and with it every other attempt in flight. The row stays claimed until
            # its lease runs out and is then tried again, at most max_attempts times in all.
            log.exception(
                "webhook delivery %s: attempt %d failed unexpectedly; it will be retried",
                row["uuid"],
                row["attempts"],
            )
        finally:
            self._in_flight -= 1
            if self._full:
                self._full = False
                self._wake.set()

    async def _send(self, row: Any) -> None:
        number: int = row["attempts"]
        if number > self._policy.max_attempts:
            # Earlier claims ended without recording an outcome (the process died in the
            # middle, or the attempt failed unexpectedly): sending again and again would
            # not end, so the delivery fails here, unsent.
            await self._settle(
                row,
                DeliveryState.FAILED,
                error=(
                    f"gave up after {number - 1} attempts; the last ended without an outcome "
                    "(interrupted)"
                ),
            )
            return
        if not row["active"] and row["source"] == "event":
            await self._settle(
                row,
                DeliveryState.FAILED,
                error="the webhook was switched off before this was sent",
                count_failure=False,
            )
            return
        try:
            secret = open_webhook_secret(self._keyring, row["hook_id"], row)
        except (KeyUnavailable, Undecryptable) as exc:
            # Sending unsigned would tell the receiver nothing was wrong; retrying cannot fix
            # the key, so the delivery fails, unsent, naming why.
            log.error("webhook %d: its secret cannot be opened: %s", row["hook_id"], exc)
            await self._settle(
                row,
                DeliveryState.FAILED,
                error=f"not sent: the webhook's secret cannot be opened ({exc}); set it again",
                count_failure=False,
            )
            return
        body: bytes = row["body"].encode()
        started_at = datetime.now(UTC)
        headers = signing.request_headers(
            event=row["event"],
            delivery=row["uuid"],
            hook_id=row["hook_id"],
            timestamp=int(time.time()),
            secret=secret,
            body=body,
        )
        answer, sent = await self._transport.send(row["url"], headers, body)
        next_at: datetime | None = None
        if answer.blocked:
            state, outcome = DeliveryState.BLOCKED, "blocked"
        else:
            verdict = judge(answer.status)
            if verdict is Verdict.DELIVERED:
                state, outcome = DeliveryState.DELIVERED, "delivered"
            elif verdict is Verdict.FAILED or number >= self._policy.max_attempts:
                state, outcome = DeliveryState.FAILED, "failed"
            else:
                state, outcome = DeliveryState.PENDING, "retry"
                after = (answer.headers or {}).get("retry-after")
                delay = retry_delay(
                    number,
                    base=self._policy.retry_delay,
                    cap=self._policy.max_retry_delay,
                    retry_after=parse_retry_after(after, datetime.now(UTC)),
                    rng=self._rng,
                )
                next_at = datetime.now(UTC) + timedelta(seconds=delay)
                # A little late rather than early: the row is due by the database's clock.
                self._soonest = min(self._soonest, time.monotonic() + delay + 0.01)
        error = answer.error
        if state is DeliveryState.FAILED:
            error = _why(answer, number)
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute(
                _RECORD_ATTEMPT,
                row["id"],
                number,
                outcome,
                json.dumps(sent),
                answer.address,
                answer.status,
                None if answer.headers is None else json.dumps(answer.headers),
                None if answer.body is None else answer.body.replace("\x00", "\ufffd"),
                answer.truncated,
                answer.duration_ms,
                error,
                started_at,
                row["url"],
            )
            await self._settle(
                row,
                state,
                next_at=next_at,
                status=answer.status,
                duration_ms=answer.duration_ms,
                error=error,
                conn=conn,
            )
        log.debug(
            "webhook delivery %s attempt %d: %s status=%s in %d ms",
            row["uuid"],
            number,
            outcome,
            answer.status,
            answer.duration_ms,
        )

    async def _settle(
        self,
        row: Any,
        state: DeliveryState,
        *,
        next_at: datetime | None = None,
        status: int | None = None,
        duration_ms: int | None = None,
        error: str | None = None,
        count_failure: bool = True,
        conn: Any = None,
    ) -> None:
        if conn is None:
            async with self._pool.acquire() as own, own.transaction():
                await self._settle(
                    row,
                    state,
                    next_at=next_at,
                    status=status,
                    duration_ms=duration_ms,
                    error=error,
                    count_failure=count_failure,
                    conn=own,
                )
            return
        settled = await conn.fetchval(
            _SETTLE,
            row["id"],
            row["attempts"],
            state.value,
            next_at,
            status,
            duration_ms,
            error,
        )
        if settled is None or state is DeliveryState.PENDING:
            return
        if state is DeliveryState.DELIVERED:
            await conn.execute(_SUCCEEDED, row["hook_id"])
            return
        if not count_failure:
            return
        limit = self._policy.disable_after
        reason = (
            f"switched off after {limit} deliveries in a row failed; the last "
            f"({row['uuid']}): {error or 'failed'}"
        )[:2000]
        hook = await conn.fetchrow(_FAILED, row["hook_id"], limit, reason)
        if hook is not None and hook["disabled_now"]:
            log.warning(
                "webhook %s of project %s switched off: %s",
                row["hook_id"],
                hook["project_id"],
                reason,
            )
            # In this transaction, for whoever tells the project's admins (the notifications
            # feature subscribes to it; webhooks themselves do not).
            path = await conn.fetchval(_PROJECT_PATH, hook["project_id"])
            creator = await conn.fetchval(_CREATOR, row["hook_id"])
            await outbox.emit(
                conn,
                "webhook.disabled",
                {
                    "project": {"id": str(hook["project_id"]), "path": path},
                    "hook": {"id": str(row["hook_id"]), "url": hook["url"]},
                    # Who set the hook up: the one the notifications feature tells.
                    "created_by": creator,
                    "reason": reason,
                },
                key=str(hook["project_id"]),
            )


def _why(answer: Answer, number: int) -> str:
    """Why a delivery failed for good, in a sentence for the log."""
    status = answer.status
    if status is not None and 300 <= status <= 399:
        return f"the receiver answered {status}; redirects are not followed"
    if status is not None and judge(status) is Verdict.FAILED:
        return f"the receiver answered {status}"
    last = answer.error or f"the receiver answered {status}"
    return f"gave up after {number} attempts; the last: {last}"
