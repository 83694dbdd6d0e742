"""The alerting protocol. Other domains and the HTTP layer reach alerts only through here.

Two actors speak it: ``alerts`` (a project's rules and its active alerts; one per process)
and ``alerts.evaluator`` (one per process, but only the replica holding the evaluator's
advisory lock evaluates: see ``alerts.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from dais.actors.identity.messages import AuditContext

__all__ = [
    "ACTOR",
    "EVALUATOR",
    "AlertRecord",
    "AlertState",
    "AlertsMessage",
    "CreateRule",
    "DeleteRule",
    "EvaluateNow",
    "EvaluatorMessage",
    "EvaluatorStatus",
    "ExpireSilence",
    "GetEvaluatorStatus",
    "GetGrouping",
    "GetRule",
    "Grouping",
    "HistoryRecord",
    "Language",
    "ListAlerts",
    "ListHistory",
    "ListRules",
    "ListSilences",
    "Matcher",
    "MatchOp",
    "PutGrouping",
    "PassReport",
    "RuleDraft",
    "RuleHealth",
    "RuleRecord",
    "RuleState",
    "Severity",
    "SilenceDraft",
    "SilenceRecord",
    "SilenceState",
    "CreateSilence",
    "TestResult",
    "TestRule",
    "UpdateRule",
]

#: Names the actors are registered under.
ACTOR = "alerts"
EVALUATOR = "alerts.evaluator"


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class Language(enum.StrEnum):
    """What a rule's condition is written in: PromQL over metrics, LogQL over logs."""

    PROMQL = "promql"
    LOGQL = "logql"


class AlertState(enum.StrEnum):
    PENDING = "pending"  # returned by the expression, for less than the rule's `for`
    FIRING = "firing"
    RESOLVED = "resolved"  # fired, then stopped being returned


class RuleState(enum.StrEnum):
    """A rule's state: the strongest of its alerts' (Prometheus' rule state)."""

    INACTIVE = "inactive"
    PENDING = "pending"
    FIRING = "firing"


class RuleHealth(enum.StrEnum):
    UNKNOWN = "unknown"  # not evaluated yet
    OK = "ok"
    ERROR = "error"  # see the rule's last_error


@attrs.frozen
class RuleDraft:
    """A rule as written, before the actor checks it.

    ``for_seconds`` is how long an alert must hold before it fires; ``keep_firing_seconds``
    how long a firing alert the condition stops returning keeps firing (Prometheus'
    ``keep_firing_for``); ``notify`` names who is told (usernames; empty: the project's
    owner and maintainers).
    """

    name: str
    expr: str
    for_seconds: int = 0
    language: Language = Language.PROMQL
    keep_firing_seconds: int = 0
    severity: Severity = Severity.WARNING
    labels: Mapping[str, str] = attrs.field(factory=dict)
    summary: str = ""
    description: str = ""
    notify: tuple[str, ...] = ()
    enabled: bool = True


@attrs.frozen
class RuleRecord:
    id: int
    project_id: int
    name: str
    expr: str
    for_seconds: int
    language: Language
    keep_firing_seconds: int
    severity: Severity
    labels: Mapping[str, str]
    summary: str
    description: str
    notify: tuple[str, ...]
    enabled: bool
    state: RuleState
    health: RuleHealth
    last_error: str | None
    last_evaluated: datetime | None
    evaluation_ms: int | None
    created_by: str | None  # username; None once the user is deleted
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class AlertRecord:
    """One alert instance: a label set the rule's expression returned."""

    id: int
    rule_id: int
    rule_name: str
    severity: Severity
    fingerprint: str
    labels: Mapping[str, str]
    state: AlertState
    value: float | None
    active_since: datetime
    fired_at: datetime | None
    resolved_at: datetime | None
    last_evaluated: datetime
    summary: str  # the rule's, with {{ $labels.x }} and {{ $value }} filled in
    description: str
    #: Since when a firing alert has not been returned (it fires on for keep_firing_for).
    keep_firing_since: datetime | None = None
    #: Whether an active silence matches it now (it is then not notified).
    silenced: bool = False


@attrs.frozen
class HistoryRecord:
    """One transition of an alert of a rule (``inactive``: not stored before, or after)."""

    id: int
    rule_id: int
    fingerprint: str
    labels: Mapping[str, str]
    from_state: str
    to_state: str
    value: float | None
    silenced: bool
    at: datetime


class MatchOp(enum.StrEnum):
    EQUAL = "="
    NOT_EQUAL = "!="
    REGEX = "=~"
    NOT_REGEX = "!~"


@attrs.frozen
class Matcher:
    """An Alertmanager matcher on one alert label (a regex must match the whole value; an
    absent label is the empty string)."""

    name: str
    op: MatchOp
    value: str


class SilenceState(enum.StrEnum):
    PENDING = "pending"  # starts later
    ACTIVE = "active"
    EXPIRED = "expired"


@attrs.frozen
class SilenceDraft:
    matchers: tuple[Matcher, ...]
    starts_at: datetime
    ends_at: datetime
    comment: str = ""


@attrs.frozen
class SilenceRecord:
    id: int
    project_id: int
    matchers: tuple[Matcher, ...]
    starts_at: datetime
    ends_at: datetime
    comment: str
    created_by: str | None
    created_at: datetime
    state: SilenceState


@attrs.frozen
class Grouping:
    """How a project's alert notifications are grouped (Alertmanager's route): alerts with
    the same values of ``group_by`` are told together; a new group waits ``group_wait``
    seconds, a changed one at most every ``group_interval``, and one still firing is told
    again every ``repeat_interval``."""

    group_by: tuple[str, ...] = ("alertname",)
    group_wait: int = 30
    group_interval: int = 300
    repeat_interval: int = 14400


@attrs.frozen
class TestResult:
    """What a rule's expression returns now: each sample's labels and value (a scalar
    result is one sample without labels), the first :data:`~.alert_rules.MAX_ALERTS` of ``total``;
    nothing is changed."""

    samples: tuple[tuple[Mapping[str, str], float], ...]
    total: int
    evaluated_at: datetime


@attrs.frozen
class ListRules:
    project_id: int


@attrs.frozen
class GetRule:
    project_id: int
    rule_id: int


@attrs.frozen
class CreateRule:
    project_id: int
    draft: RuleDraft
    audit: AuditContext


@attrs.frozen
class UpdateRule:
    """``changes`` holds any of RuleDraft's fields (notify as a tuple, severity a Severity)."""

    project_id: int
    rule_id: int
    changes: Mapping[str, Any]
    audit: AuditContext


@attrs.frozen
class DeleteRule:
    project_id: int
    rule_id: int
    audit: AuditContext


@attrs.frozen
class ListAlerts:
    """The project's pending and firing alerts, firing first, then the longest active.
    Replies ``(records, total)``."""

    project_id: int
    limit: int
    offset: int = 0


@attrs.frozen
class TestRule:
    project_id: int
    rule_id: int


@attrs.frozen
class ListHistory:
    """A rule's transitions, newest first. Replies ``(records, total)``."""

    project_id: int
    rule_id: int
    limit: int
    offset: int = 0


@attrs.frozen
class ListSilences:
    """The project's silences, active and pending first, then the newest. Replies
    ``(records, total)``."""

    project_id: int
    limit: int
    offset: int = 0


@attrs.frozen
class CreateSilence:
    project_id: int
    draft: SilenceDraft
    audit: AuditContext


@attrs.frozen
class ExpireSilence:
    """End a silence now (a pending one never starts). Replies the :class:`SilenceRecord`."""

    project_id: int
    silence_id: int
    audit: AuditContext


@attrs.frozen
class GetGrouping:
    project_id: int


@attrs.frozen
class PutGrouping:
    project_id: int
    grouping: Grouping
    audit: AuditContext


AlertsMessage = (
    ListRules
    | GetRule
    | CreateRule
    | UpdateRule
    | DeleteRule
    | ListAlerts
    | TestRule
    | ListHistory
    | ListSilences
    | CreateSilence
    | ExpireSilence
    | GetGrouping
    | PutGrouping
)


@attrs.frozen
class PassReport:
    """One evaluation pass: how many rules were evaluated, how many failed, and the
    transitions it made."""

    at: datetime
    rules: int
    errors: int
    fired: int
    resolved: int


@attrs.frozen
class EvaluatorStatus:
    """Whether this replica leads (holds the lock and evaluates), the backend pid of its
    lock connection while it does, and its last pass."""

    leading: bool
    backend_pid: int | None
    last_pass: PassReport | None


@attrs.frozen
class EvaluateNow:
    """Run one pass as of ``at`` (tests, and an operator's "evaluate now"), on the leader.

    Replies the :class:`PassReport`. :raises Conflict: on a replica that does not lead.
    """

    at: datetime


@attrs.frozen
class GetEvaluatorStatus:
    pass


EvaluatorMessage = EvaluateNow | GetEvaluatorStatus
