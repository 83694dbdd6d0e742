"""Grouping alert notifications as Alertmanager does, as pure logic: which notification
groups a pass flushes, with what (``alerts.py`` reads and writes the state, on the
evaluator's clock, so a test that passes ``at`` sees the same flushes every time).

What it does, exactly:

- An alert is notified while it is firing and no active silence matches it. Its group is
  the values of the project's ``group_by`` labels (default ``alertname``) in its labels.
- A group appears when it has a notifiable alert and none is stored: its first flush is due
  ``group_wait`` after that pass.
- At a pass at or after a group's due time, the group flushes: if the set of its notifiable
  alerts differs from the set its last notification told of (one joined, one resolved or
  was silenced), or it still has some and the last notification is ``repeat_interval`` old,
  one notification goes out: the alerts firing now, and those told of before that have
  since resolved (a silenced one is dropped without a word). The next flush is due
  ``group_interval`` later; a group left with no notifiable alert is removed.

So the first notification of a group waits ``group_wait``, changes are told at most every
``group_interval``, a group still firing is told again every ``repeat_interval`` (at its
first flush past it), and resolved alerts are told at the group's next flush.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from dais.errors import ValidationFailed

if TYPE_CHECKING:
    from .alert_messages import Grouping

__all__ = ["Flush", "Group", "Member", "check_grouping", "group_of", "plan_flushes"]

_LABEL = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
_MAX_GROUP_BY = 32
_MAX_WAIT = 86400
_MAX_REPEAT = 7 * 86400


def check_grouping(grouping: Grouping) -> Grouping:
    """The settings, checked, ``group_by`` de-duplicated.

    :raises ValidationFailed: naming the first field that breaks its rule.
    """
    group_by = tuple(dict.fromkeys(grouping.group_by))
    if len(group_by) > _MAX_GROUP_BY:
        raise ValidationFailed("group_by", f"at most {_MAX_GROUP_BY} labels")
    for name in group_by:
        if not _LABEL.fullmatch(name):
            raise ValidationFailed("group_by", f"{name[:64]!r} is not a label name")
    if not 0 <= grouping.group_wait <= _MAX_WAIT:
        raise ValidationFailed("group_wait", f"between 0 and {_MAX_WAIT} seconds")
    if not 1 <= grouping.group_interval <= _MAX_WAIT:
        raise ValidationFailed("group_interval", f"between 1 and {_MAX_WAIT} seconds")
    if not 1 <= grouping.repeat_interval <= _MAX_REPEAT:
        raise ValidationFailed("repeat_interval", f"between 1 and {_MAX_REPEAT} seconds")
    return attrs.evolve(grouping, group_by=group_by)


@attrs.frozen
class Member:
    """An alert as grouping sees it: ``key`` is ``rule_id:fingerprint``; ``event`` its
    payload for the notification."""

    key: str
    labels: Mapping[str, str]
    event: Mapping[str, Any]
    notify: tuple[str, ...]


@attrs.frozen
class Group:
    """A group as stored."""

    key: str
    labels: Mapping[str, str]
    next_flush: datetime
    last_notified: datetime | None = None
    notified: frozenset[str] = frozenset()
    id: int | None = None


@attrs.frozen
class Flush:
    """What one due group does: store ``group`` (or remove it when ``removed``) and, when
    ``firing`` or ``resolved`` is told, send one notification of them."""

    group: Group
    firing: tuple[Member, ...] = ()
    resolved: tuple[Member, ...] = ()
    notify: bool = False
    removed: bool = False
    repeat: bool = False


def group_of(labels: Mapping[str, str], group_by: Sequence[str]) -> tuple[str, dict[str, str]]:
    """An alert's group: its key (sha256 of the grouped labels, hex) and those labels."""
    grouped = {name: labels.get(name, "") for name in sorted(set(group_by))}
    text = json.dumps(sorted(grouped.items()), separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest(), grouped


def plan_flushes(
    stored: Mapping[str, Group],
    firing: Sequence[Member],
    resolved: Mapping[str, Member],
    grouping: Grouping,
    at: datetime,
) -> list[Flush]:
    """The groups a pass at ``at`` stores, flushes or removes: ``firing`` are the
    notifiable alerts of one project, ``resolved`` its resolved alerts by key (the
    silenced-but-firing ones are in neither)."""
    members: dict[str, list[Member]] = {}
    labels_of: dict[str, dict[str, str]] = {}
    for member in firing:
        key, labels = group_of(member.labels, grouping.group_by)
        members.setdefault(key, []).append(member)
        labels_of[key] = labels
    out: list[Flush] = []
    for key in members.keys() - stored.keys():
        wait = timedelta(seconds=grouping.group_wait)
        new = Group(key, labels_of[key], at + wait)
        if wait > timedelta(0):
            out.append(Flush(new))
        else:
            out.append(_flush(new, members[key], resolved, grouping, at))
    for key, group in stored.items():
        if group.next_flush <= at:
            out.append(_flush(group, members.get(key, []), resolved, grouping, at))
    return out


def _flush(
    group: Group,
    members: Sequence[Member],
    resolved: Mapping[str, Member],
    grouping: Grouping,
    at: datetime,
) -> Flush:
    now = frozenset(m.key for m in members)
    gone = tuple(resolved[k] for k in sorted(group.notified - now) if k in resolved)
    repeat = (
        bool(now)
        and now == group.notified
        and group.last_notified is not None
        and at - group.last_notified >= timedelta(seconds=grouping.repeat_interval)
    )
    told = now != group.notified or repeat
    after = attrs.evolve(
        group,
        next_flush=at + timedelta(seconds=grouping.group_interval),
        last_notified=at if told else group.last_notified,
        notified=now,
    )
    ordered = tuple(sorted(members, key=lambda m: m.key))
    notify = told and bool(ordered or gone)
    return Flush(after, ordered, gone, notify=notify, removed=not now, repeat=repeat)
