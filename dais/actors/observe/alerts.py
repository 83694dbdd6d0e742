"""Alerting over a project's metrics and logs: rules, and the evaluator turning them into
alerts.

A rule is a PromQL expression (``promql.py``'s subset) or a LogQL metric query, optionally
compared with a number (``sum by (service_name) (count_over_time({...} |= "error" [5m])) >
10``), with Prometheus' alerting-rule semantics: every label set the expression returns at
an evaluation is an alert, *pending* until it has been returned for the rule's ``for``,
then *firing*; a firing alert the expression stops returning keeps firing for the rule's
``keep_firing_for``, then is *resolved* (a pending one just goes). An alert's labels are
the sample's (without ``__name__``), then the rule's labels, then ``alertname``. Every
transition is written to ``alert_history`` in its transaction (kept 30 days).

``AlertsActor`` (``alerts``) keeps the rules: every change is checked here (the expression
must parse) and written with its audit row. ``AlertEvaluator`` (``alerts.evaluator``) runs
in every process but evaluates in one: the replica holding a session advisory lock on a
connection of its own leads (DESIGN.md, "Scaling out"). It evaluates every enabled rule
each ``DAIS_ALERT_INTERVAL``, each rule under a timeout and alone in its transaction: a rule
that fails is marked with its error and the pass goes on. A replica whose lock connection
drops stops evaluating at once (the lock went with the connection); the others try for the
lock every few seconds, so one of them takes over.

A transition is written with its outbox event in the same transaction: ``alert.firing`` and
``alert.resolved``, which project webhooks pass on. Notifications are grouped, Alertmanager's
way (``alert_groups.py``): at the end of each pass the evaluator flushes the notification
groups that are due and writes one ``alert.notification`` event per group told, which the
notification dispatcher turns into notifications for the rules' ``notify`` users, else the
project's owner and maintainers.

Silences (Alertmanager's): an alert that an active silence matches changes state, is
listed (marked silenced) and is in the history as usual, but is not notified: its
transitions write no ``alert.firing``/``alert.resolved`` event (so no webhook delivery
either, as Alertmanager sends a silenced alert to no receiver), and grouping leaves it out.
A silence is judged at the evaluator's ``at``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg
import attrs

from dais.actors.identity import audit
from dais.errors import Conflict, DomainError, NotFound, ValidationFailed
from dais.runtime import Actor, ChildSpec, Fault
from dais.storage import outbox

from . import alert_notices, logql, promql
from .alert_messages import (
    ACTOR,
    EVALUATOR,
    AlertRecord,
    AlertsMessage,
    AlertState,
    CreateRule,
    CreateSilence,
    DeleteRule,
    EvaluateNow,
    EvaluatorMessage,
    EvaluatorStatus,
    ExpireSilence,
    GetEvaluatorStatus,
    GetGrouping,
    GetRule,
    Language,
    ListAlerts,
    ListHistory,
    ListRules,
    ListSilences,
    PassReport,
    PutGrouping,
    RuleDraft,
    RuleHealth,
    RuleRecord,
    RuleState,
    Severity,
    TestResult,
    TestRule,
    UpdateRule,
)
from .alert_rules import (
    MAX_ALERTS,
    MAX_RULES,
    Change,
    Instance,
    RuleError,
    advance,
    alerts_of,
    check_draft,
    logql_condition,
    render,
    rule_timeout,
    silenced,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from dais.services import Services
    from dais.storage.database import Conn

    from .query import TelemetryQuery

__all__ = ["LOCK_KEY", "AlertEvaluator", "AlertsActor", "start_alerts"]

log = logging.getLogger(__name__)

#: How long a resolved alert is kept (it shows when the alert last fired).
RESOLVED_KEPT = timedelta(days=1)
#: How long a transition is kept in the history.
HISTORY_KEPT = timedelta(days=30)
#: The evaluator's advisory-lock key: the first 8 bytes of sha256("dais.alerts.evaluator").
LOCK_KEY = int.from_bytes(hashlib.sha256(b"dais.alerts.evaluator").digest()[:8], "big", signed=True)
#: Rules evaluated at once in a pass (each holds a DuckDB worker thread meanwhile).
PASS_CONCURRENCY = 4

_MAX_ERROR = 2048
_DB_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)
_UPDATABLE = frozenset(attrs.fields_dict(RuleDraft))


# --- rows, records and events --------------------------------------------------------------

_RULE_SELECT = """
SELECT r.*, u.username AS creator_name,
       CASE WHEN bool_or(i.state = 'firing') THEN 'firing'
            WHEN bool_or(i.state = 'pending') THEN 'pending'
            ELSE 'inactive' END AS rule_state
FROM alert_rules r
LEFT JOIN users u ON u.id = r.created_by
LEFT JOIN alert_instances i ON i.rule_id = r.id AND i.state <> 'resolved'
"""
_RULE_GROUP = " GROUP BY r.id, u.username"
_RULES_TO_EVALUATE = """
SELECT r.id, r.project_id, r.name, r.expr, r.for_seconds, r.severity, r.labels, r.summary,
       r.description, r.notify, r.updated_at, r.language, r.keep_firing_seconds,
       o.username || '/' || p.name AS project_path
FROM alert_rules r JOIN projects p ON p.id = r.project_id JOIN users o ON o.id = p.owner_id
WHERE r.enabled ORDER BY r.id
"""
_UPSERT = """
INSERT INTO alert_instances (rule_id, fingerprint, labels, state, value, active_since, fired_at,
                             resolved_at, last_evaluated, keep_firing_since)
SELECT $1, f, l::jsonb, s, v, a, fa, ra, $2, kf
FROM unnest($3::text[], $4::text[], $5::text[], $6::float8[], $7::timestamptz[],
            $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
     AS t(f, l, s, v, a, fa, ra, kf)
ON CONFLICT (rule_id, fingerprint) DO UPDATE
   SET labels = EXCLUDED.labels, state = EXCLUDED.state, value = EXCLUDED.value,
       active_since = EXCLUDED.active_since, fired_at = EXCLUDED.fired_at,
       resolved_at = EXCLUDED.resolved_at, last_evaluated = EXCLUDED.last_evaluated,
       keep_firing_since = EXCLUDED.keep_firing_since
RETURNING id, fingerprint
"""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _rule_record(row: Any) -> RuleRecord:
    return RuleRecord(
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        expr=row["expr"],
        for_seconds=row["for_seconds"],
        language=Language(row["language"]),
        keep_firing_seconds=row["keep_firing_seconds"],
        severity=Severity(row["severity"]),
        labels=_json(row["labels"]),
        summary=row["summary"],
        description=row["description"],
        notify=tuple(row["notify"]),
        enabled=row["enabled"],
        state=RuleState(row["rule_state"]),
        health=RuleHealth(row["health"]),
        last_error=row["last_error"],
        last_evaluated=row["last_evaluated"],
        evaluation_ms=row["evaluation_ms"],
        created_by=row["creator_name"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


_instance = alert_notices.instance_of


def _alert_record(row: Any, silenced: bool = False) -> AlertRecord:
    labels = _json(row["labels"])
    return AlertRecord(
        id=row["id"],
        rule_id=row["rule_id"],
        rule_name=row["rule_name"],
        severity=Severity(row["severity"]),
        fingerprint=row["fingerprint"],
        labels=labels,
        state=AlertState(row["state"]),
        value=row["value"],
        active_since=row["active_since"],
        fired_at=row["fired_at"],
        resolved_at=row["resolved_at"],
        last_evaluated=row["last_evaluated"],
        summary=render(row["summary"], labels, row["value"]),
        description=render(row["description"], labels, row["value"]),
        keep_firing_since=row["keep_firing_since"],
        silenced=silenced,
    )


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def _emit(
    conn: Conn,
    rule: Mapping[str, Any],
    project_path: str,
    alert: Instance,
    kind: str,
    public_url: str,
    *,
    reason: str | None = None,
) -> None:
    """The outbox event of one transition, in the caller's transaction."""
    payload: dict[str, Any] = {
        "project": {"id": str(rule["project_id"]), "path": project_path},
        **alert_notices.alert_json(rule, alert),
        "notify": await alert_notices.recipients(conn, rule["project_id"], rule["notify"]),
        "web_url": f"{public_url}/{project_path}/-/alerts",
    }
    if reason is not None:
        payload["reason"] = reason
    await outbox.emit(conn, kind, payload, key=str(rule["project_id"]))


async def _resolve_all(
    conn: Conn, rule_id: int, reason: str, public_url: str, *, delete: bool
) -> None:
    """Resolve a rule's firing alerts (with their events) and drop its pending ones, as when
    it is switched off or deleted: its alerts cannot hold any more."""
    rule: Any = await conn.fetchrow(
        "SELECT r.*, o.username || '/' || p.name AS project_path FROM alert_rules r "
        "JOIN projects p ON p.id = r.project_id JOIN users o ON o.id = p.owner_id "
        "WHERE r.id = $1",
        rule_id,
    )
    firing = await conn.fetch(
        "SELECT * FROM alert_instances WHERE rule_id = $1 AND state = 'firing'", rule_id
    )
    now = datetime.now(UTC)
    silences = await alert_notices.active_silences(conn, rule["project_id"], now)
    for row in firing:
        resolved = attrs.evolve(_instance(row), state=AlertState.RESOLVED, resolved_at=now)
        if not silenced(silences, resolved.labels):
            await _emit(
                conn,
                rule,
                rule["project_path"],
                resolved,
                "alert.resolved",
                public_url,
                reason=reason,
            )
    if not delete:
        await conn.execute(
            "INSERT INTO alert_history (rule_id, fingerprint, labels, from_state, to_state, "
            "value, at) SELECT rule_id, fingerprint, labels, state, "
            "CASE state WHEN 'firing' THEN 'resolved' ELSE 'inactive' END, value, $2 "
            "FROM alert_instances WHERE rule_id = $1 AND state IN ('firing', 'pending')",
            rule_id,
            now,
        )
        await conn.execute(
            "UPDATE alert_instances SET state = 'resolved', resolved_at = $2 "
            "WHERE rule_id = $1 AND state = 'firing'",
            rule_id,
            now,
        )
        await conn.execute(
            "DELETE FROM alert_instances WHERE rule_id = $1 AND state = 'pending'", rule_id
        )


# --- the rules actor -----------------------------------------------------------------------


class AlertsActor(Actor[AlertsMessage]):
    """A project's alert rules (each change checked and audited) and its active alerts."""

    concurrency = 16
    # Its state is PostgreSQL, each change one transaction.
    faults = Fault.RESUME
    mailbox_size = 512

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        query: TelemetryQuery,
        *,
        public_url: str,
        timeout: float = 30.0,
    ) -> None:
        self._pool = pool
        self._query = query
        self._public_url = public_url
        self._timeout = timeout

    async def receive(self, message: AlertsMessage) -> Any:
        match message:
            case ListRules():
                rows = await self._pool.fetch(
                    f"{_RULE_SELECT} WHERE r.project_id = $1 {_RULE_GROUP} ORDER BY r.name",
                    message.project_id,
                )
                return [_rule_record(r) for r in rows]
            case GetRule():
                async with self._pool.acquire() as conn:
                    return await self._rule(conn, message.project_id, message.rule_id)
            case CreateRule():
                return await self._create(message)
            case UpdateRule():
                return await self._update(message)
            case DeleteRule():
                return await self._delete(message)
            case ListAlerts():
                return await self._alerts(message)
            case TestRule():
                return await self._test(message)
            case ListHistory():
                async with self._pool.acquire() as conn:
                    await self._rule(conn, message.project_id, message.rule_id)
                    return await alert_notices.history(
                        conn, message.rule_id, message.limit, message.offset
                    )
            case ListSilences():
                async with self._pool.acquire() as conn:
                    return await alert_notices.list_silences(
                        conn, message.project_id, message.limit, message.offset
                    )
            case CreateSilence():
                async with self._pool.acquire() as conn, conn.transaction():
                    return await alert_notices.create_silence(conn, message)
            case ExpireSilence():
                async with self._pool.acquire() as conn, conn.transaction():
                    return await alert_notices.expire_silence(conn, message)
            case GetGrouping():
                async with self._pool.acquire() as conn:
                    return await alert_notices.grouping(conn, message.project_id)
            case PutGrouping():
                async with self._pool.acquire() as conn, conn.transaction():
                    return await alert_notices.put_grouping(conn, message)

    async def _rule(self, conn: Conn, project_id: int, rule_id: int) -> RuleRecord:
        row = await conn.fetchrow(
            f"{_RULE_SELECT} WHERE r.id = $1 AND r.project_id = $2 {_RULE_GROUP}",
            rule_id,
            project_id,
        )
        if row is None:
            raise NotFound(f"alert rule {rule_id} does not exist in this project")
        return _rule_record(row)

    async def _check_notify(self, conn: Conn, names: Sequence[str]) -> None:
        if not names:
            return
        found = {
            r["username"]
            for r in await conn.fetch(
                "SELECT username FROM users WHERE username = ANY($1::text[]) AND kind <> 'agent'",
                list(names),
            )
        }
        for name in names:
            if name not in found:
                raise ValidationFailed("notify", f"there is no user {name!r}")

    async def _create(self, m: CreateRule) -> RuleRecord:
        draft = check_draft(m.draft)
        async with self._pool.acquire() as conn, conn.transaction():
            await self._check_notify(conn, draft.notify)
            # Serialises creations per project, so the count below cannot be raced past.
            await conn.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended('alert_rules:' || $1, 0))",
                str(m.project_id),
            )
            count = await conn.fetchval(
                "SELECT count(*) FROM alert_rules WHERE project_id = $1", m.project_id
            )
            if count >= MAX_RULES:
                raise Conflict(f"a project may have at most {MAX_RULES} alert rules")
            rule_id = await conn.fetchval(
                """
                INSERT INTO alert_rules (project_id, name, expr, for_seconds, severity, labels,
                                         summary, description, notify, enabled, created_by,
                                         language, keep_firing_seconds)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (project_id, name) DO NOTHING
                RETURNING id
                """,
                m.project_id,
                draft.name,
                draft.expr,
                draft.for_seconds,
                draft.severity.value,
                dict(draft.labels),
                draft.summary,
                draft.description,
                list(draft.notify),
                draft.enabled,
                m.audit.actor_id,
                draft.language.value,
                draft.keep_firing_seconds,
            )
            if rule_id is None:
                raise Conflict(f"this project already has an alert rule named {draft.name!r}")
            await audit.record(
                conn,
                m.audit,
                "alert_rule.create",
                "project",
                m.project_id,
                {"rule_id": rule_id, "name": draft.name, "expr": draft.expr},
            )
            return await self._rule(conn, m.project_id, rule_id)

    async def _update(self, m: UpdateRule) -> RuleRecord:
        unknown = set(m.changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "SELECT * FROM alert_rules WHERE id = $1 AND project_id = $2 FOR UPDATE",
                m.rule_id,
                m.project_id,
            )
            if row is None:
                raise NotFound(f"alert rule {m.rule_id} does not exist in this project")
            before = RuleDraft(
                name=row["name"],
                expr=row["expr"],
                for_seconds=row["for_seconds"],
                language=Language(row["language"]),
                keep_firing_seconds=row["keep_firing_seconds"],
                severity=Severity(row["severity"]),
                labels=_json(row["labels"]),
                summary=row["summary"],
                description=row["description"],
                notify=tuple(row["notify"]),
                enabled=row["enabled"],
            )
            draft = check_draft(attrs.evolve(before, **m.changes))
            if draft == before:
                return await self._rule(conn, m.project_id, m.rule_id)
            await self._check_notify(conn, draft.notify)
            if before.enabled and not draft.enabled:
                await _resolve_all(
                    conn, m.rule_id, "the rule was switched off", self._public_url, delete=False
                )
            taken = await conn.fetchval(
                "SELECT 1 FROM alert_rules WHERE project_id = $1 AND name = $2 AND id <> $3",
                m.project_id,
                draft.name,
                m.rule_id,
            )
            if taken:
                raise Conflict(f"this project already has an alert rule named {draft.name!r}")
            # A new expression has not been evaluated yet: its health is unknown again.
            await conn.execute(
                """
                UPDATE alert_rules
                   SET name = $2, expr = $3, for_seconds = $4, severity = $5, labels = $6::jsonb,
                       summary = $7, description = $8, notify = $9, enabled = $10,
                       language = $11, keep_firing_seconds = $12,
                       health = CASE WHEN expr = $3 AND language = $11 THEN health
                                     ELSE 'unknown' END,
                       last_error = CASE WHEN expr = $3 AND language = $11 THEN last_error END,
                       updated_at = now()
                 WHERE id = $1
                """,
                m.rule_id,
                draft.name,
                draft.expr,
                draft.for_seconds,
                draft.severity.value,
                dict(draft.labels),
                draft.summary,
                draft.description,
                list(draft.notify),
                draft.enabled,
                draft.language.value,
                draft.keep_firing_seconds,
            )
            changed = {
                field: value
                for field, value in attrs.asdict(draft).items()
                if value != attrs.asdict(before)[field]
            }
            await audit.record(
                conn,
                m.audit,
                "alert_rule.update",
                "project",
                m.project_id,
                {"rule_id": m.rule_id, **{k: _plain(v) for k, v in changed.items()}},
            )
            return await self._rule(conn, m.project_id, m.rule_id)

    async def _delete(self, m: DeleteRule) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            name = await conn.fetchval(
                "SELECT name FROM alert_rules WHERE id = $1 AND project_id = $2 FOR UPDATE",
                m.rule_id,
                m.project_id,
            )
            if name is None:
                raise NotFound(f"alert rule {m.rule_id} does not exist in this project")
            await _resolve_all(
                conn, m.rule_id, "the rule was deleted", self._public_url, delete=True
            )
            await conn.execute("DELETE FROM alert_rules WHERE id = $1", m.rule_id)
            await audit.record(
                conn,
                m.audit,
                "alert_rule.delete",
                "project",
                m.project_id,
                {"rule_id": m.rule_id, "name": name},
            )

    async def _alerts(self, m: ListAlerts) -> tuple[list[AlertRecord], int]:
        where = "WHERE r.project_id = $1 AND i.state <> 'resolved'"
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                f"""
                SELECT i.*, r.name AS rule_name, r.severity, r.summary, r.description
                FROM alert_instances i JOIN alert_rules r ON r.id = i.rule_id {where}
                ORDER BY i.state = 'firing' DESC, i.active_since, i.id
                LIMIT $2 OFFSET $3
                """,
                m.project_id,
                m.limit,
                m.offset,
            )
            total = await conn.fetchval(
                f"SELECT count(*) FROM alert_instances i JOIN alert_rules r ON r.id = i.rule_id "
                f"{where}",
                m.project_id,
            )
            silences = await alert_notices.active_silences(conn, m.project_id, datetime.now(UTC))
        return [_alert_record(r, silenced(silences, _json(r["labels"]))) for r in rows], total

    async def _test(self, m: TestRule) -> TestResult:
        async with self._pool.acquire() as conn:
            rule = await self._rule(conn, m.project_id, m.rule_id)
        at = datetime.now(UTC)
        try:
            with anyio.fail_after(self._timeout):
                result = await condition(self._query, m.project_id, rule.language, rule.expr, at)
        except TimeoutError:
            raise ValidationFailed(
                "expr", f"the evaluation took longer than {self._timeout:g} seconds"
            ) from None
        except ValidationFailed as exc:
            raise ValidationFailed("expr", exc.rule) from None
        if isinstance(result, int | float):
            return TestResult((({}, float(result)),), 1, at)
        samples = tuple((dict(labels), value) for labels, value in result[:MAX_ALERTS])
        return TestResult(samples, len(result), at)


def _plain(value: Any) -> Any:
    """A value for an audit row's JSON."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Severity | Language):
        return value.value
    return value


async def condition(
    query: TelemetryQuery,
    project_id: int,
    language: Language | str,
    expr: str,
    at: datetime,
    reads: dict[Any, Any] | None = None,
) -> list[tuple[Mapping[str, str], float]] | float:
    """What a rule's expression returns at ``at``: PromQL's instant result, or a LogQL
    condition's series (their value at ``at``) that pass its comparison. Rules evaluated at
    one instant share ``reads``, so rules over the same metrics read the store once.

    :raises ValidationFailed: when the expression does not parse or cannot be evaluated.
    """
    if Language(language) is Language.PROMQL:
        result = await promql.evaluate_instant(query, project_id, expr, at, reads=reads)
        if isinstance(result, int | float):
            return float(result)
        return [(s.labels, s.value) for s in result]
    cond = logql_condition(expr)
    at_ns = int(at.timestamp()) * 10**9 + at.microsecond * 1000
    series = await logql.evaluate(
        query, project_id, cond.metric, start_ns=at_ns, end_ns=at_ns, step_ns=10**9
    )
    found: list[tuple[Mapping[str, str], float]] = [
        (s.labels, value) for s in series for _t, value in s.points[-1:] if cond.keeps(value)
    ]
    return found


# --- the evaluator -------------------------------------------------------------------------


@attrs.define
class _Leadership:
    conn: asyncpg.Connection[Any]
    pid: int


class AlertEvaluator(Actor[EvaluatorMessage]):
    """Evaluates every enabled rule each ``interval``, on the replica that leads.

    ``url`` is the database the lock connection is opened on (a connection of its own, so
    the lock lives exactly as long as it); without one, a connection is held from the pool
    while leading. A replica that does not lead tries for the lock every ``standby``
    seconds.
    """

    mailbox_size = 64

    def __init__(
        self,
        pool: asyncpg.Pool[Any],
        query: TelemetryQuery,
        *,
        public_url: str,
        interval: float,
        url: str | None = None,
        standby: float | None = None,
        timeout: float | None = None,
    ) -> None:
        self._pool = pool
        self._query = query
        self._public_url = public_url
        self._interval = interval
        self._url = url
        self._standby = standby if standby is not None else min(interval, 5.0)
        self._timeout = timeout if timeout is not None else rule_timeout(interval)
        self._leader: _Leadership | None = None
        self._last: PassReport | None = None
        self._passing = anyio.Lock()  # one pass at a time, and the lock connection's user

    async def receive(self, message: EvaluatorMessage) -> Any:
        match message:
            case GetEvaluatorStatus():
                leader = self._leader
                pid = None if leader is None else leader.pid
                return EvaluatorStatus(leader is not None, pid, self._last)
            case EvaluateNow():
                if self._leader is None:
                    raise Conflict("this replica does not lead the alert evaluator")
                return await self._pass(message.at)

    async def background(self) -> None:
        while True:
            try:
                await self._lead()
            except _DB_ERRORS as exc:
                log.warning("alert evaluator: database error %r; trying again", exc)
            await anyio.sleep(self._standby)

    async def _lead(self) -> None:
        """Lead while this replica holds the lock; return when it does not (or no longer)."""
        if self._url is not None:
            with anyio.fail_after(10):
                conn: Any = await asyncpg.connect(self._url)
            try:
                await self._lead_on(conn)
            finally:
                with anyio.move_on_after(2, shield=True):
                    await conn.close()
        else:
            async with self._pool.acquire() as conn:
                await self._lead_on(conn)

    async def _lead_on(self, conn: asyncpg.Connection[Any]) -> None:
        with anyio.fail_after(10):
            held = await conn.fetchval("SELECT pg_try_advisory_lock($1)", LOCK_KEY)
        if not held:
            return
        lost = anyio.Event()
        conn.add_termination_listener(lambda _conn: lost.set())
        self._leader = _Leadership(conn, conn.get_server_pid())
        log.info("alert evaluator: leading (backend %d)", self._leader.pid)
        try:
            async with anyio.create_task_group() as tg:

                async def step_down_when_lost() -> None:
                    await lost.wait()
                    log.warning("alert evaluator: lock connection lost; no longer leading")
                    tg.cancel_scope.cancel()

                tg.start_soon(step_down_when_lost)
                await self._evaluate_periodically()
                tg.cancel_scope.cancel()
        finally:
            self._leader = None
            if not conn.is_closed():
                with anyio.move_on_after(2, shield=True):
                    await conn.execute("SELECT pg_advisory_unlock($1)", LOCK_KEY)

    async def _evaluate_periodically(self) -> None:
        """Pass after pass, until the lock connection stops answering."""
        while True:
            await anyio.sleep(self._interval)
            try:
                await self._pass(datetime.now(UTC))
            except Conflict as exc:
                log.warning("alert evaluator: %s; no longer leading", exc.detail)
                return
            except _DB_ERRORS as exc:
                log.warning(
                    "alert evaluation pass failed (%r); next one in %gs", exc, self._interval
                )

    async def _pass(self, at: datetime) -> PassReport:
        """Evaluate every enabled rule as of ``at``.

        :raises Conflict: if the lock connection no longer answers (leadership is lost).
        """
        async with self._passing:
            leader = self._leader
            if leader is None:
                raise Conflict("this replica does not lead the alert evaluator")
            try:
                with anyio.fail_after(5):
                    await leader.conn.fetchval("SELECT 1")
            except _DB_ERRORS as exc:
                with anyio.move_on_after(2, shield=True):
                    await leader.conn.close()
                raise Conflict(f"the alert evaluator lost its lock connection ({exc!r})") from exc
            rules = await self._pool.fetch(_RULES_TO_EVALUATE)
            counts = {"errors": 0, "alert.firing": 0, "alert.resolved": 0}
            limiter = anyio.CapacityLimiter(PASS_CONCURRENCY)
            reads: dict[Any, Any] = {}  # the store reads of this pass, shared by its rules

            async def one(rule: Any) -> None:
                async with limiter:
                    for outcome in await self._evaluate(rule, at, reads):
                        counts[outcome] += 1

            async with anyio.create_task_group() as tg:
                for rule in rules:
                    tg.start_soon(one, rule)
            try:
                async with self._pool.acquire() as conn, conn.transaction():
                    await alert_notices.flush_groups(conn, at, self._public_url)
                    await conn.execute("DELETE FROM alert_history WHERE at < $1", at - HISTORY_KEPT)
            except _DB_ERRORS as exc:
                log.warning("alert notifications: the groups were not flushed: %r", exc)
            self._last = PassReport(
                at, len(rules), counts["errors"], counts["alert.firing"], counts["alert.resolved"]
            )
            return self._last

    async def _evaluate(self, rule: Any, at: datetime, reads: dict[Any, Any]) -> list[str]:
        """One rule: its events written, or its error; never raises (but cancellation)."""
        started = anyio.current_time()
        returned = None
        try:
            with anyio.fail_after(self._timeout):
                result = await condition(
                    self._query, rule["project_id"], rule["language"], rule["expr"], at, reads
                )
            returned = alerts_of(result, rule["name"], _json(rule["labels"]))
            error = None
        except TimeoutError:
            error = f"the evaluation took longer than {self._timeout:g} seconds"
        except (DomainError, RuleError) as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one rule's failure must not stop the others
            log.warning("alert rule %d failed to evaluate: %r", rule["id"], exc)
            error = f"{type(exc).__name__}: {exc}"
        elapsed = round((anyio.current_time() - started) * 1000)
        try:
            return await self._record(rule, at, returned, error, elapsed)
        except _DB_ERRORS as exc:
            log.warning("alert rule %d: its evaluation was not recorded: %r", rule["id"], exc)
            return ["errors"]

    async def _record(
        self,
        rule: Any,
        at: datetime,
        returned: Mapping[str, tuple[Mapping[str, str], float]] | None,
        error: str | None,
        elapsed_ms: int,
    ) -> list[str]:
        async with self._pool.acquire() as conn, conn.transaction():
            # Changed or switched off since the pass read it: the next pass evaluates it anew.
            current = await conn.fetchval(
                "SELECT updated_at FROM alert_rules WHERE id = $1 AND enabled FOR UPDATE",
                rule["id"],
            )
            if current != rule["updated_at"]:
                return []
            await conn.execute(
                "UPDATE alert_rules SET health = $2, last_error = $3, last_evaluated = $4, "
                "evaluation_ms = $5 WHERE id = $1",
                rule["id"],
                RuleHealth.ERROR.value if error is not None else RuleHealth.OK.value,
                None if error is None else error[:_MAX_ERROR],
                at,
                min(elapsed_ms, 2**31 - 1),
            )
            if returned is None:
                return ["errors"]
            rows = await conn.fetch(
                "SELECT * FROM alert_instances WHERE rule_id = $1 FOR UPDATE", rule["id"]
            )
            stored = {r["fingerprint"]: _instance(r) for r in rows}
            changes = advance(
                stored,
                returned,
                at,
                timedelta(seconds=rule["for_seconds"]),
                timedelta(seconds=rule["keep_firing_seconds"]),
            )
            ids = await self._store(conn, rule["id"], at, changes)
            transitions = [c for c in changes if c.transition]
            silences = (
                await alert_notices.active_silences(conn, rule["project_id"], at)
                if transitions
                else []
            )
            outcomes = []
            quiet = []
            for change in transitions:
                hushed = silenced(silences, change.instance.labels)
                quiet.append(hushed)
                if change.event is not None:
                    outcomes.append(change.event)
                    if hushed:
                        continue
                    alert = attrs.evolve(change.instance, id=ids[change.instance.fingerprint])
                    await _emit(
                        conn, rule, rule["project_path"], alert, change.event, self._public_url
                    )
            if transitions:
                await alert_notices.record_history(conn, rule["id"], at, transitions, quiet)
            await conn.execute(
                "DELETE FROM alert_instances WHERE rule_id = $1 AND state = 'resolved' "
                "AND resolved_at < $2",
                rule["id"],
                at - RESOLVED_KEPT,
            )
            return outcomes

    @staticmethod
    async def _store(
        conn: Conn, rule_id: int, at: datetime, changes: Sequence[Change]
    ) -> dict[str, int]:
        """Write the changes; each kept alert's id by fingerprint."""
        removed = [c.instance.id for c in changes if c.removed]
        if removed:
            await conn.execute("DELETE FROM alert_instances WHERE id = ANY($1::bigint[])", removed)
        kept = [c.instance for c in changes if not c.removed]
        if not kept:
            return {}
        rows = await conn.fetch(
            _UPSERT,
            rule_id,
            at,
            [a.fingerprint for a in kept],
            [json.dumps(dict(a.labels), ensure_ascii=False) for a in kept],
            [a.state.value for a in kept],
            [a.value for a in kept],
            [a.active_since for a in kept],
            [a.fired_at for a in kept],
            [a.resolved_at for a in kept],
            [a.keep_firing_since for a in kept],
        )
        return {r["fingerprint"]: r["id"] for r in rows}


async def start_alerts(services: Services, url: str | None) -> None:
    """Start the rules actor and the evaluator (which evaluates only while it leads);
    ``url`` is the database the evaluator's lock connection is opened on."""
    pool, query, settings = services.pool, services.telemetry_query, services.settings
    timeout = rule_timeout(settings.alert_interval)
    await services.system.start_child(
        ChildSpec(
            ACTOR,
            lambda: AlertsActor(pool, query, public_url=settings.public_url, timeout=timeout),
        )
    )
    await services.system.start_child(
        ChildSpec(
            EVALUATOR,
            lambda: AlertEvaluator(
                pool,
                query,
                public_url=settings.public_url,
                interval=settings.alert_interval,
                url=url,
            ),
        )
    )
