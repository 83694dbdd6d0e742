"""Alert rules as pure logic: checking a rule as written, and the state machine that turns
one evaluation's result into alert changes (Prometheus' alerting-rule semantics: see
``alerts.py``, which does the I/O). No I/O here, so all of it is testable without a
database.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import attrs

from dais.errors import ValidationFailed

from . import logql, promql
from .alert_messages import AlertState, Language, Matcher, MatchOp, RuleDraft, SilenceDraft

__all__ = [
    "MAX_ALERTS",
    "MAX_COMMENT",
    "MAX_EXPR",
    "MAX_FOR",
    "MAX_MATCHERS",
    "MAX_RULES",
    "Change",
    "Condition",
    "Instance",
    "RuleError",
    "advance",
    "alerts_of",
    "check_draft",
    "check_silence",
    "fingerprint",
    "logql_condition",
    "parse_duration",
    "render",
    "rule_timeout",
    "silenced",
]

#: The most rules one project may have.
MAX_RULES = 200
#: The most alerts one rule may have at once; an evaluation returning more is an error.
MAX_ALERTS = 1000
#: The longest expression, and the longest ``for`` (seconds).
MAX_EXPR = 4096
MAX_FOR = 86400

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]{0,127}")
_LABEL = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
_USERNAME = re.compile(r"[a-z0-9_][a-z0-9_.-]{0,39}")
_DURATION = re.compile(r"(?:([0-9]{1,5})d)?(?:([0-9]{1,5})h)?(?:([0-9]{1,5})m)?(?:([0-9]{1,5})s)?")
_TEMPLATE = re.compile(r"\{\{\s*\$(?:(value)|labels\.([A-Za-z_][A-Za-z0-9_]*))\s*\}\}")
_MAX_LABELS = 32
_MAX_LABEL_VALUE = 1024
_MAX_SUMMARY = 1024
_MAX_DESCRIPTION = 8192
_MAX_NOTIFY = 50
_RESERVED_LABELS = frozenset({"alertname"})
#: The most matchers a silence may have, and the longest comment.
MAX_MATCHERS = 64
MAX_COMMENT = 1024
_MAX_MATCHER_VALUE = 1024
# A LogQL condition: a metric query, then optionally a comparison with a number, as Loki's
# ruler reads ``sum(count_over_time({...}[5m])) > 10``. The metric query always ends with
# ")" (an aggregation), so the comparison after the last one is unambiguous.
_LOGQL_CONDITION = re.compile(
    r"(?s)(?P<metric>.*\))\s*(?P<op>>=|<=|==|!=|>|<)\s*"
    r"(?P<number>[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*"
)
_COMPARE = {
    ">": float.__gt__,
    "<": float.__lt__,
    ">=": float.__ge__,
    "<=": float.__le__,
    "==": float.__eq__,
    "!=": float.__ne__,
}


# --- pure: rules as written ----------------------------------------------------------------


def parse_duration(text: str, field: str = "for", most: int = MAX_FOR) -> int:
    """Seconds from ``90``, ``90s``, ``5m``, ``1h30m`` or ``1d`` (Prometheus' units).

    :raises ValidationFailed: on ``field``, for anything else, or past ``most`` seconds.
    """
    text = text.strip()
    match = _DURATION.fullmatch(text)
    if text.isdigit() and len(text) <= 6:
        seconds = int(text)
    elif text and match is not None:
        d, h, m, s = (int(g or 0) for g in match.groups())
        seconds = ((d * 24 + h) * 60 + m) * 60 + s
    else:
        raise ValidationFailed(field, "a duration such as 90, 30s, 5m or 1h30m")
    if seconds > most:
        raise ValidationFailed(field, f"at most {most} seconds")
    return seconds


@attrs.frozen
class Condition:
    """A LogQL rule's condition: its metric query, and the comparison its values must pass
    (none: every series the query returns is an alert)."""

    metric: logql.Metric
    op: str | None = None
    threshold: float = 0.0

    def keeps(self, value: float) -> bool:
        return self.op is None or bool(_COMPARE[self.op](float(value), self.threshold))


def logql_condition(expr: str) -> Condition:
    """A LogQL rule's expression, parsed.

    :raises ValidationFailed: on ``expr``, when it is not a LogQL metric query (optionally
        compared with a number).
    """
    if not expr.strip():
        raise ValidationFailed("expr", "must not be empty")
    if len(expr) > MAX_EXPR:
        raise ValidationFailed("expr", f"at most {MAX_EXPR} characters")
    match = _LOGQL_CONDITION.fullmatch(expr)
    text = expr if match is None else match["metric"]
    try:
        tree = logql.parse(text)
    except ValidationFailed as exc:
        raise ValidationFailed("expr", exc.rule) from None
    except RecursionError:
        raise ValidationFailed("expr", "nested too deeply") from None
    if isinstance(tree, logql.LogQuery):
        raise ValidationFailed(
            "expr", "a log query is not an alert: count its lines with count_over_time() or rate()"
        )
    if match is None:
        return Condition(tree)
    threshold = float(match["number"])
    if not math.isfinite(threshold):
        raise ValidationFailed("expr", "the threshold must be a finite number")
    return Condition(tree, match["op"], threshold)


def _check_expr(expr: str, language: Language = Language.PROMQL) -> None:
    if language is Language.LOGQL:
        logql_condition(expr)
        return
    if not expr.strip():
        raise ValidationFailed("expr", "must not be empty")
    if len(expr) > MAX_EXPR:
        raise ValidationFailed("expr", f"at most {MAX_EXPR} characters")
    try:
        tree = promql.parse(expr)
    except ValidationFailed as exc:
        raise ValidationFailed("expr", exc.rule) from None
    except RecursionError:
        raise ValidationFailed("expr", "nested too deeply") from None
    if isinstance(tree, promql.MatrixSelector):
        raise ValidationFailed("expr", "a range vector is not an alert: apply rate() or the like")


def check_draft(draft: RuleDraft) -> RuleDraft:
    """The draft, checked, its ``notify`` names lower-cased and de-duplicated.

    :raises ValidationFailed: naming the first field that breaks its rule.
    """
    if not _NAME.fullmatch(draft.name):
        raise ValidationFailed(
            "name", "1 to 128 letters, digits, '_', ':', '.' or '-', starting with a letter"
        )
    _check_expr(draft.expr, draft.language)
    if not 0 <= draft.for_seconds <= MAX_FOR:
        raise ValidationFailed("for", f"between 0 and {MAX_FOR} seconds (24h)")
    if not 0 <= draft.keep_firing_seconds <= MAX_FOR:
        raise ValidationFailed("keep_firing_for", f"between 0 and {MAX_FOR} seconds (24h)")
    if len(draft.labels) > _MAX_LABELS:
        raise ValidationFailed("labels", f"at most {_MAX_LABELS} labels")
    for key, value in draft.labels.items():
        if not _LABEL.fullmatch(key) or key.startswith("__"):
            raise ValidationFailed(
                "labels", f"{key[:64]!r} is not a label name ([A-Za-z_][A-Za-z0-9_]*, not __)"
            )
        if key in _RESERVED_LABELS:
            raise ValidationFailed("labels", f"{key!r} is set by dais (the rule's name)")
        if len(value) > _MAX_LABEL_VALUE:
            raise ValidationFailed("labels", f"{key}: at most {_MAX_LABEL_VALUE} characters")
    # PostgreSQL's text holds no NUL; say so here rather than have the row refused.
    texts = {"expr": draft.expr, "summary": draft.summary, "description": draft.description}
    texts |= {"labels": "".join(draft.labels.values())}
    for field, text in texts.items():
        if "\x00" in text:
            raise ValidationFailed(field, "must not contain NUL characters")
    if len(draft.summary) > _MAX_SUMMARY:
        raise ValidationFailed("summary", f"at most {_MAX_SUMMARY} characters")
    if len(draft.description) > _MAX_DESCRIPTION:
        raise ValidationFailed("description", f"at most {_MAX_DESCRIPTION} characters")
    notify = tuple(dict.fromkeys(n.lower() for n in draft.notify))
    if len(notify) > _MAX_NOTIFY:
        raise ValidationFailed("notify", f"at most {_MAX_NOTIFY} people")
    for name in notify:
        if not _USERNAME.fullmatch(name):
            raise ValidationFailed("notify", f"{name[:64]!r} is not a username")
    return attrs.evolve(draft, notify=notify, labels=dict(draft.labels))


def fingerprint(labels: Mapping[str, str]) -> str:
    """An alert's identity within its rule: sha256 of its labels, sorted, in hex."""
    text = json.dumps(sorted(labels.items()), separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def render(template: str, labels: Mapping[str, str], value: float | None) -> str:
    """A summary or description with ``{{ $value }}`` and ``{{ $labels.name }}`` filled in
    (the two Prometheus template forms annotations use most); other text is left as is."""

    def fill(match: re.Match[str]) -> str:
        return _number(value) if match[1] else labels.get(match[2], "")

    return _TEMPLATE.sub(fill, template)


def rule_timeout(interval: float) -> float:
    """How long one rule's evaluation may take: the interval, within 5 to 30 seconds."""
    return min(max(interval, 5.0), 30.0)


# --- pure: the alert state machine ---------------------------------------------------------


@attrs.frozen
class Instance:
    """An alert as stored (``id`` None before it is)."""

    fingerprint: str
    labels: Mapping[str, str]
    state: AlertState
    value: float | None
    active_since: datetime
    fired_at: datetime | None = None
    resolved_at: datetime | None = None
    id: int | None = None
    keep_firing_since: datetime | None = None


@attrs.frozen
class Change:
    """What an evaluation does to one alert: store it as ``instance``, or remove it; the
    event of the transition, if it is one (``alert.firing`` or ``alert.resolved``); and the
    state it was in (``inactive`` when it was not stored, or was resolved and came back as
    pending: then ``before`` is ``resolved``)."""

    instance: Instance
    removed: bool = False
    event: str | None = None
    before: str = "inactive"

    @property
    def after(self) -> str:
        return "inactive" if self.removed else self.instance.state.value

    @property
    def transition(self) -> bool:
        return self.before != self.after


def advance(
    stored: Mapping[str, Instance],
    returned: Mapping[str, tuple[Mapping[str, str], float]],
    at: datetime,
    hold: timedelta,
    keep_firing: timedelta = timedelta(0),
) -> list[Change]:
    """The changes an evaluation at ``at`` makes: ``returned`` maps each fingerprint the
    expression gave to its labels and value; ``hold`` is the rule's ``for``,
    ``keep_firing`` its ``keep_firing_for``: a firing alert no longer returned stays
    firing (its last value kept) until it has been missing that long (Prometheus 2.42+:
    it resolves at the first evaluation where ``at - keep_firing_since >= keep_firing``)."""
    changes = []
    for key, (labels, value) in returned.items():
        old = stored.get(key)
        before = "inactive" if old is None else old.state.value
        if old is None or old.state is AlertState.RESOLVED:
            known = None if old is None else old.id
            new = Instance(key, labels, AlertState.PENDING, value, at, id=known)
        else:
            new = attrs.evolve(old, labels=labels, value=value, keep_firing_since=None)
        event = None
        if new.state is AlertState.PENDING and at - new.active_since >= hold:
            new = attrs.evolve(new, state=AlertState.FIRING, fired_at=at)
            event = "alert.firing"
        changes.append(Change(new, event=event, before=before))
    for key, old in stored.items():
        if key in returned:
            continue
        if old.state is AlertState.PENDING:
            changes.append(Change(old, removed=True, before="pending"))
        elif old.state is AlertState.FIRING:
            since = old.keep_firing_since or at
            if at - since < keep_firing:
                changes.append(Change(attrs.evolve(old, keep_firing_since=since), before="firing"))
                continue
            resolved = attrs.evolve(
                old, state=AlertState.RESOLVED, resolved_at=at, keep_firing_since=None
            )
            changes.append(Change(resolved, event="alert.resolved", before="firing"))
    return changes


class RuleError(Exception):
    """What makes an evaluation's result unusable as alerts (the rule is then in error)."""


def alerts_of(
    result: Sequence[promql.Sample | tuple[Mapping[str, str], float]] | float,
    name: str,
    rule_labels: Mapping[str, str],
) -> dict[str, tuple[Mapping[str, str], float]]:
    """The alerts a result stands for, by fingerprint (a scalar is one alert; a LogQL
    result is given as ``(labels, value)`` pairs)."""
    samples: Sequence[tuple[Mapping[str, str], float]]
    if isinstance(result, int | float):
        samples = [({}, float(result))]
    else:
        samples = [s if isinstance(s, tuple) else (s.labels, s.value) for s in result]
    if len(samples) > MAX_ALERTS:
        raise RuleError(
            f"the expression returned {len(samples)} series; a rule may have at most "
            f"{MAX_ALERTS} alerts (aggregate with sum by (...) or filter the series)"
        )
    out: dict[str, tuple[Mapping[str, str], float]] = {}
    for sample_labels, value in samples:
        labels = {k: v for k, v in sample_labels.items() if k != "__name__"}
        labels.update(rule_labels)
        labels["alertname"] = name
        key = fingerprint(labels)
        if key in out:
            raise RuleError(
                "two series have the same labels once the rule's labels are added: "
                + json.dumps(labels, ensure_ascii=False)[:512]
            )
        out[key] = (labels, value)
    return out


# --- pure: silences ------------------------------------------------------------------------

# What Python's re has and RE2 (Alertmanager's) has not, and the shape that backtracks
# without end: a quantified group holding a quantifier, as in (a+)+.
_LOOKAROUND = re.compile(r"\(\?<?[=!]|\\[1-9]|\(\?P=")
_NESTED_QUANTIFIER = re.compile(
    r"\((?:[^()\\]|\\.)*(?:(?<!\()[*+?]|\{\d)(?:[^()\\]|\\.)*\)(?:[*+]|\{\d)"
)


def _pattern(value: str, where: str) -> re.Pattern[str]:
    if _LOOKAROUND.search(value):
        raise ValidationFailed(where, "lookarounds and backreferences are not RE2 syntax")
    if _NESTED_QUANTIFIER.search(value):
        raise ValidationFailed(where, "a repeated group that repeats inside: write it flat")
    try:
        return _compiled(value)
    except (re.error, RecursionError, OverflowError) as exc:
        raise ValidationFailed(where, f"not a regular expression: {exc}"[:256]) from None


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(value: str) -> re.Pattern[str]:
    found = _PATTERNS.get(value)
    if found is None:
        if len(_PATTERNS) > 4096:
            _PATTERNS.clear()
        found = _PATTERNS[value] = re.compile(value, re.DOTALL)
    return found


def _matches(matcher: Matcher, labels: Mapping[str, str]) -> bool:
    value = labels.get(matcher.name, "")
    match matcher.op:
        case MatchOp.EQUAL:
            return value == matcher.value
        case MatchOp.NOT_EQUAL:
            return value != matcher.value
        case MatchOp.REGEX:
            return _compiled(matcher.value).fullmatch(value) is not None
        case MatchOp.NOT_REGEX:
            return _compiled(matcher.value).fullmatch(value) is None


def check_silence(draft: SilenceDraft) -> SilenceDraft:
    """The silence, checked (Alertmanager's rules: at least one matcher, one of which does
    not match the empty string, so a silence never silences everything by accident; ends
    after it starts).

    :raises ValidationFailed: naming the first field that breaks its rule.
    """
    if not draft.matchers:
        raise ValidationFailed("matchers", "at least one matcher")
    if len(draft.matchers) > MAX_MATCHERS:
        raise ValidationFailed("matchers", f"at most {MAX_MATCHERS} matchers")
    for k, matcher in enumerate(draft.matchers):
        where = f"matchers[{k}]"
        if not _LABEL.fullmatch(matcher.name):
            raise ValidationFailed(f"{where}.name", "a label name ([A-Za-z_][A-Za-z0-9_]*)")
        if len(matcher.value) > _MAX_MATCHER_VALUE:
            raise ValidationFailed(f"{where}.value", f"at most {_MAX_MATCHER_VALUE} characters")
        if "\x00" in matcher.value:
            raise ValidationFailed(f"{where}.value", "must not contain NUL characters")
        if matcher.op in {MatchOp.REGEX, MatchOp.NOT_REGEX}:
            _pattern(matcher.value, f"{where}.value")
    if all(_matches(m, {}) for m in draft.matchers):
        raise ValidationFailed(
            "matchers", "at least one matcher must not match the empty string (or all alerts)"
        )
    if draft.starts_at.tzinfo is None or draft.ends_at.tzinfo is None:
        raise ValidationFailed("ends_at", "a time with its time zone")
    if draft.ends_at <= draft.starts_at:
        raise ValidationFailed("ends_at", "after starts_at")
    if draft.ends_at - draft.starts_at > timedelta(days=366):
        raise ValidationFailed("ends_at", "at most a year after starts_at")
    if len(draft.comment) > MAX_COMMENT:
        raise ValidationFailed("comment", f"at most {MAX_COMMENT} characters")
    if "\x00" in draft.comment:
        raise ValidationFailed("comment", "must not contain NUL characters")
    return draft


def silenced(silences: Sequence[Sequence[Matcher]], labels: Mapping[str, str]) -> bool:
    """Whether any of the (active) silences matches the alert's labels: all its matchers."""
    return any(all(_matches(m, labels) for m in matchers) for matchers in silences)
