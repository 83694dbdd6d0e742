"""What alerting writes beside the alerts: their history, silences, the grouping settings,
and the flush of notification groups at the end of each evaluation pass (the I/O around
``alert_groups.py``). Each function works in its caller's connection (and transaction).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dais.actors.identity import audit
from dais.errors import Conflict, NotFound
from dais.storage import outbox

from .alert_groups import Group, Member, check_grouping, plan_flushes
from .alert_messages import (
    AlertState,
    CreateSilence,
    ExpireSilence,
    Grouping,
    HistoryRecord,
    Matcher,
    MatchOp,
    PutGrouping,
    SilenceRecord,
    SilenceState,
)
from .alert_rules import Instance, check_silence, render, silenced

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from dais.storage.database import Conn

    from .alert_rules import Change

__all__ = [
    "MAX_TOLD",
    "active_silences",
    "alert_json",
    "create_silence",
    "expire_silence",
    "flush_groups",
    "grouping",
    "history",
    "instance_of",
    "list_silences",
    "put_grouping",
    "recipients",
    "record_history",
]

#: The most alerts one notification lists of each kind (it says how many there are).
MAX_TOLD = 100

_OWNER_AND_MAINTAINERS = """
SELECT u.username FROM projects p JOIN users u ON u.id = p.owner_id WHERE p.id = $1
UNION
SELECT u.username FROM role_assignments a
JOIN roles r ON r.id = a.role_id JOIN users u ON u.id = a.user_id
WHERE a.project_id = $1 AND r.name = 'maintainer'
ORDER BY 1
"""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def instance_of(row: Any) -> Instance:
    """An alert instance from its row."""
    return Instance(
        fingerprint=row["fingerprint"],
        labels=_json(row["labels"]),
        state=AlertState(row["state"]),
        value=row["value"],
        active_since=row["active_since"],
        fired_at=row["fired_at"],
        resolved_at=row["resolved_at"],
        id=row["id"],
        keep_firing_since=row["keep_firing_since"],
    )


def alert_json(rule: Mapping[str, Any], alert: Instance) -> dict[str, Any]:
    """An alert and its rule as events show them."""
    value = alert.value if alert.value is not None and math.isfinite(alert.value) else None
    labels = dict(alert.labels)
    return {
        "rule": {
            "id": str(rule["id"]),
            "name": rule["name"],
            "expr": rule["expr"],
            "for": rule["for_seconds"],
            "severity": rule["severity"],
        },
        "alert": {
            "id": str(alert.id),
            "fingerprint": alert.fingerprint,
            "labels": labels,
            "state": alert.state.value,
            "value": value,
            "active_since": _time(alert.active_since),
            "fired_at": _time(alert.fired_at),
            "resolved_at": _time(alert.resolved_at),
            "summary": render(rule["summary"], labels, alert.value),
            "description": render(rule["description"], labels, alert.value),
        },
    }


async def recipients(conn: Conn, project_id: int, notify: Sequence[str]) -> list[str]:
    """Who hears of a rule's alerts: its ``notify``, else the project's owner and
    maintainers."""
    if notify:
        return list(notify)
    return [r["username"] for r in await conn.fetch(_OWNER_AND_MAINTAINERS, project_id)]


# --- history -------------------------------------------------------------------------------


async def record_history(
    conn: Conn, rule_id: int, at: datetime, changes: Sequence[Change], quiet: Sequence[bool]
) -> None:
    """One row per transition, in the caller's transaction."""
    await conn.execute(
        "INSERT INTO alert_history (rule_id, fingerprint, labels, from_state, to_state, value, "
        "silenced, at) SELECT $1, f, l::jsonb, b, a, v, s, $2 "
        "FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], "
        "$8::boolean[]) AS t(f, l, b, a, v, s)",
        rule_id,
        at,
        [c.instance.fingerprint for c in changes],
        [json.dumps(dict(c.instance.labels), ensure_ascii=False) for c in changes],
        [c.before for c in changes],
        [c.after for c in changes],
        [c.instance.value for c in changes],
        list(quiet),
    )


async def history(
    conn: Conn, rule_id: int, limit: int, offset: int
) -> tuple[list[HistoryRecord], int]:
    rows = await conn.fetch(
        "SELECT * FROM alert_history WHERE rule_id = $1 ORDER BY at DESC, id DESC "
        "LIMIT $2 OFFSET $3",
        rule_id,
        limit,
        offset,
    )
    total = await conn.fetchval("SELECT count(*) FROM alert_history WHERE rule_id = $1", rule_id)
    return [
        HistoryRecord(
            id=r["id"],
            rule_id=r["rule_id"],
            fingerprint=r["fingerprint"],
            labels=_json(r["labels"]),
            from_state=r["from_state"],
            to_state=r["to_state"],
            value=r["value"],
            silenced=r["silenced"],
            at=r["at"],
        )
        for r in rows
    ], total


# --- silences ------------------------------------------------------------------------------


def _matchers(value: Any) -> tuple[Matcher, ...]:
    return tuple(Matcher(m["name"], MatchOp(m["op"]), m["value"]) for m in _json(value))


async def active_silences(conn: Conn, project_id: int, at: datetime) -> list[tuple[Matcher, ...]]:
    """The matchers of each of the project's silences active at ``at``."""
    rows = await conn.fetch(
        "SELECT matchers FROM alert_silences WHERE project_id = $1 AND starts_at <= $2 "
        "AND ends_at > $2",
        project_id,
        at,
    )
    return [_matchers(r["matchers"]) for r in rows]


_SILENCE_SELECT = """
SELECT s.*, u.username AS creator_name, now() AS now
FROM alert_silences s LEFT JOIN users u ON u.id = s.created_by
"""


def _silence(row: Any) -> SilenceRecord:
    now = row["now"]
    if row["ends_at"] <= now:
        state = SilenceState.EXPIRED
    elif row["starts_at"] > now:
        state = SilenceState.PENDING
    else:
        state = SilenceState.ACTIVE
    return SilenceRecord(
        id=row["id"],
        project_id=row["project_id"],
        matchers=_matchers(row["matchers"]),
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        comment=row["comment"],
        created_by=row["creator_name"],
        created_at=row["created_at"],
        state=state,
    )


async def list_silences(
    conn: Conn, project_id: int, limit: int, offset: int
) -> tuple[list[SilenceRecord], int]:
    rows = await conn.fetch(
        f"{_SILENCE_SELECT} WHERE s.project_id = $1 "
        "ORDER BY s.ends_at > now() DESC, s.created_at DESC, s.id DESC LIMIT $2 OFFSET $3",
        project_id,
        limit,
        offset,
    )
    total = await conn.fetchval(
        "SELECT count(*) FROM alert_silences WHERE project_id = $1", project_id
    )
    return [_silence(r) for r in rows], total


async def _one_silence(conn: Conn, project_id: int, silence_id: int) -> SilenceRecord:
    row = await conn.fetchrow(
        f"{_SILENCE_SELECT} WHERE s.id = $1 AND s.project_id = $2", silence_id, project_id
    )
    if row is None:
        raise NotFound(f"silence {silence_id} does not exist in this project")
    return _silence(row)


async def create_silence(conn: Conn, m: CreateSilence) -> SilenceRecord:
    """:raises ValidationFailed: naming the field that breaks its rule."""
    draft = check_silence(m.draft)
    matchers = [{"name": x.name, "op": x.op.value, "value": x.value} for x in draft.matchers]
    silence_id = await conn.fetchval(
        "INSERT INTO alert_silences (project_id, matchers, starts_at, ends_at, comment, "
        "created_by) VALUES ($1, $2::jsonb, $3, $4, $5, $6) RETURNING id",
        m.project_id,
        matchers,
        draft.starts_at,
        draft.ends_at,
        draft.comment,
        m.audit.actor_id,
    )
    await audit.record(
        conn,
        m.audit,
        "alert_silence.create",
        "project",
        m.project_id,
        {"silence_id": silence_id, "matchers": matchers, "ends_at": _time(draft.ends_at)},
    )
    return await _one_silence(conn, m.project_id, silence_id)


async def expire_silence(conn: Conn, m: ExpireSilence) -> SilenceRecord:
    """:raises NotFound: for another project's silence. :raises Conflict: if it has ended."""
    found = await _one_silence(conn, m.project_id, m.silence_id)
    if found.state is SilenceState.EXPIRED:
        raise Conflict(f"silence {m.silence_id} has already expired")
    await conn.execute(
        "UPDATE alert_silences SET starts_at = least(starts_at, now()), ends_at = now() "
        "WHERE id = $1",
        m.silence_id,
    )
    await audit.record(
        conn, m.audit, "alert_silence.expire", "project", m.project_id, {"silence_id": m.silence_id}
    )
    return await _one_silence(conn, m.project_id, m.silence_id)


# --- grouping ------------------------------------------------------------------------------


def _grouping(row: Any) -> Grouping:
    if row is None:
        return Grouping()
    return Grouping(
        tuple(row["group_by"]),
        row["group_wait_seconds"],
        row["group_interval_seconds"],
        row["repeat_interval_seconds"],
    )


async def grouping(conn: Conn, project_id: int) -> Grouping:
    row = await conn.fetchrow("SELECT * FROM alert_grouping WHERE project_id = $1", project_id)
    return _grouping(row)


async def put_grouping(conn: Conn, m: PutGrouping) -> Grouping:
    """:raises ValidationFailed: naming the field that breaks its rule."""
    g = check_grouping(m.grouping)
    await conn.execute(
        """
        INSERT INTO alert_grouping (project_id, group_by, group_wait_seconds,
                                    group_interval_seconds, repeat_interval_seconds)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (project_id) DO UPDATE
           SET group_by = EXCLUDED.group_by, group_wait_seconds = EXCLUDED.group_wait_seconds,
               group_interval_seconds = EXCLUDED.group_interval_seconds,
               repeat_interval_seconds = EXCLUDED.repeat_interval_seconds
        """,
        m.project_id,
        list(g.group_by),
        g.group_wait,
        g.group_interval,
        g.repeat_interval,
    )
    await audit.record(
        conn,
        m.audit,
        "alert_grouping.update",
        "project",
        m.project_id,
        {
            "group_by": list(g.group_by),
            "group_wait": g.group_wait,
            "group_interval": g.group_interval,
            "repeat_interval": g.repeat_interval,
        },
    )
    return g


_MEMBERS = """
SELECT i.*, r.project_id, r.name, r.expr, r.for_seconds, r.severity, r.summary, r.description,
       r.notify, o.username || '/' || p.name AS project_path
FROM alert_instances i JOIN alert_rules r ON r.id = i.rule_id
JOIN projects p ON p.id = r.project_id JOIN users o ON o.id = p.owner_id
WHERE i.state IN ('firing', 'resolved')
  AND r.project_id IN (SELECT r2.project_id FROM alert_rules r2
                       JOIN alert_instances i2 ON i2.rule_id = r2.id AND i2.state = 'firing'
                       UNION SELECT project_id FROM alert_groups)
"""


async def flush_groups(conn: Conn, at: datetime, public_url: str) -> int:
    """Flush every due notification group as of ``at`` (``alert_groups.py`` says how),
    writing one ``alert.notification`` outbox event per group told; how many were told."""
    by_project: dict[int, tuple[str, list[Member], dict[str, Member]]] = {}
    for row in await conn.fetch(_MEMBERS):
        rule = {**dict(row), "id": row["rule_id"]}
        instance = instance_of(row)
        member = Member(
            f"{row['rule_id']}:{row['fingerprint']}",
            instance.labels,
            alert_json(rule, instance),
            tuple(row["notify"]),
        )
        _path, firing, resolved = by_project.setdefault(
            row["project_id"], (row["project_path"], [], {})
        )
        if row["state"] == "firing":
            firing.append(member)
        else:
            resolved[member.key] = member
    stored: dict[int, dict[str, Group]] = {}
    for row in await conn.fetch("SELECT * FROM alert_groups ORDER BY id FOR UPDATE"):
        stored.setdefault(row["project_id"], {})[row["key"]] = Group(
            row["key"],
            _json(row["labels"]),
            row["next_flush"],
            row["last_notified"],
            frozenset(row["notified"]),
            row["id"],
        )
    told = 0
    for project_id in by_project.keys() | stored.keys():
        path, firing, resolved = by_project.get(project_id, ("", [], {}))
        if not path:
            path = await conn.fetchval(
                "SELECT o.username || '/' || p.name FROM projects p "
                "JOIN users o ON o.id = p.owner_id WHERE p.id = $1",
                project_id,
            )
        silences = await active_silences(conn, project_id, at)
        loud = [m for m in firing if not silenced(silences, m.labels)]
        settings = await grouping(conn, project_id)
        for flush in plan_flushes(stored.get(project_id, {}), loud, resolved, settings, at):
            g = flush.group
            if flush.notify:
                told += 1
                await _notify(conn, project_id, path, flush, public_url)
            if flush.removed:
                await conn.execute(
                    "DELETE FROM alert_groups WHERE project_id = $1 AND key = $2",
                    project_id,
                    g.key,
                )
                continue
            await conn.execute(
                """
                INSERT INTO alert_groups (project_id, key, labels, next_flush, last_notified,
                                          notified)
                VALUES ($1, $2, $3::jsonb, $4, $5, $6)
                ON CONFLICT (project_id, key) DO UPDATE
                   SET next_flush = EXCLUDED.next_flush,
                       last_notified = EXCLUDED.last_notified, notified = EXCLUDED.notified
                """,
                project_id,
                g.key,
                dict(g.labels),
                g.next_flush,
                g.last_notified,
                sorted(g.notified),
            )
    return told


async def _notify(conn: Conn, project_id: int, path: str, flush: Any, public_url: str) -> None:
    people: dict[str, None] = {}
    seen: set[tuple[str, ...]] = set()
    for member in (*flush.firing, *flush.resolved):
        if member.notify in seen:
            continue
        seen.add(member.notify)
        people.update(dict.fromkeys(await recipients(conn, project_id, member.notify)))
    payload = {
        "project": {"id": str(project_id), "path": path},
        "group": {"key": flush.group.key, "labels": dict(flush.group.labels)},
        "status": "firing" if flush.firing else "resolved",
        "repeat": flush.repeat,
        "firing_count": len(flush.firing),
        "resolved_count": len(flush.resolved),
        "firing": [dict(m.event) for m in flush.firing[:MAX_TOLD]],
        "resolved": [dict(m.event) for m in flush.resolved[:MAX_TOLD]],
        "notify": sorted(people),
        "web_url": f"{public_url}/{path}/-/alerts",
    }
    await outbox.emit(conn, "alert.notification", payload, key=str(project_id))
