"""Alert routes: a project's alert rules, its active alerts, a rule's history, trying a
rule out, silences, and how notifications are grouped.

Reading needs ``observe:read`` on the project; writing rules, silences and the grouping
needs ``observe:write``; an archived project's are read-only. A private project is a 404
to those who may not read it. A rule's expression is PromQL (the subset
``dais/actors/observe/promql.py`` evaluates) or, with ``language: logql``, a LogQL metric
query optionally compared with a number; ``for`` and ``keep_firing_for`` are seconds, or a
duration such as ``5m``. Semantics are Prometheus' and Alertmanager's (see
``dais/actors/observe/alerts.py`` and ``alert_groups.py``).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, patch, post, put
from litestar.params import JSONBody

from dais.actors.identity.messages import Principal
from dais.actors.identity.permissions import Permission
from dais.actors.observe import alert_messages as am
from dais.actors.observe.alert_rules import (
    MAX_COMMENT,
    MAX_EXPR,
    MAX_FOR,
    MAX_MATCHERS,
    parse_duration,
)
from dais.actors.projects import messages as pm
from dais.errors import Forbidden

from .auth import audit_context, permissions_of, principal, signed_in
from .observe import telemetry_reader
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import Id, ProjectRef
from .projects import load_project

__all__ = ["ROUTES"]

_PROJECT = "/api/projects/{project:str}"
_BASE = f"{_PROJECT}/alert-rules"
_ONE = f"{_BASE}/{{rule_id:int}}"
_TAGS = ["alerts"]

# What the actor checks too (alert_rules.check_draft), published in the OpenAPI document.
_Name = Annotated[
    str,
    msgspec.Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z][A-Za-z0-9_:.-]*(?!\n)$"),
]
_Expr = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_EXPR)]
_For = (
    Annotated[int, msgspec.Meta(ge=0, le=MAX_FOR)]
    | Annotated[str, msgspec.Meta(max_length=32, description="a duration: 90s, 5m, 1h30m")]
)
# Label names are checked by the actor, which says what is wrong with one in words (a
# pattern on a dict's keys would be reported against the whole body).
_Labels = Annotated[
    dict[
        Annotated[str, msgspec.Meta(max_length=128)], Annotated[str, msgspec.Meta(max_length=1024)]
    ],
    msgspec.Meta(max_length=32),
]
_Summary = Annotated[str, msgspec.Meta(max_length=1024)]
_Description = Annotated[str, msgspec.Meta(max_length=8192)]
_Notify = Annotated[
    list[
        Annotated[
            str,
            msgspec.Meta(
                min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?!\n)$"
            ),
        ]
    ],
    msgspec.Meta(max_length=50),
]


class RuleIn(msgspec.Struct, forbid_unknown_fields=True):
    name: _Name
    expr: _Expr
    #: How long an alert must hold before it fires: seconds, or a duration such as 5m.
    for_: _For = msgspec.field(default=0, name="for")
    #: promql (over metrics) or logql (a metric query over logs, e.g. ``sum(count_over_time(
    #: {service_name="api"} |= "error" [5m])) > 10``).
    language: am.Language = am.Language.PROMQL
    #: How long a firing alert the expression stops returning keeps firing.
    keep_firing_for: _For = 0
    severity: am.Severity = am.Severity.WARNING
    labels: _Labels = msgspec.field(default_factory=dict)
    #: ``{{ $labels.name }}`` and ``{{ $value }}`` are filled in.
    summary: _Summary = ""
    description: _Description = ""
    #: Usernames told when an alert fires or resolves; empty: the owner and maintainers.
    notify: _Notify = msgspec.field(default_factory=list)
    enabled: bool = True


class RulePatch(msgspec.Struct, forbid_unknown_fields=True):
    name: _Name | msgspec.UnsetType = msgspec.UNSET
    expr: _Expr | msgspec.UnsetType = msgspec.UNSET
    for_: _For | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="for")
    language: am.Language | msgspec.UnsetType = msgspec.UNSET
    keep_firing_for: _For | msgspec.UnsetType = msgspec.UNSET
    severity: am.Severity | msgspec.UnsetType = msgspec.UNSET
    labels: _Labels | msgspec.UnsetType = msgspec.UNSET
    summary: _Summary | msgspec.UnsetType = msgspec.UNSET
    description: _Description | msgspec.UnsetType = msgspec.UNSET
    notify: _Notify | msgspec.UnsetType = msgspec.UNSET
    enabled: bool | msgspec.UnsetType = msgspec.UNSET


class RuleOut(msgspec.Struct):
    id: str
    name: str
    expr: str
    for_: int = msgspec.field(name="for")
    language: am.Language
    keep_firing_for: int
    severity: am.Severity
    labels: dict[str, str]
    summary: str
    description: str
    notify: list[str]
    enabled: bool
    #: inactive, pending or firing: the strongest of the rule's alerts.
    state: am.RuleState
    #: unknown (not evaluated yet), ok, or error (see last_error).
    health: am.RuleHealth
    last_error: str | None
    last_evaluated: datetime | None
    evaluation_ms: int | None
    created_by: str | None
    created_at: datetime
    updated_at: datetime


class AlertOut(msgspec.Struct):
    id: str
    rule_id: str
    rule_name: str
    severity: am.Severity
    state: am.AlertState
    labels: dict[str, str]
    #: The expression's value at the last evaluation (null when not a finite number).
    value: float | None
    #: Since when the expression has returned this label set.
    active_since: datetime
    fired_at: datetime | None
    #: Since when a firing alert has not been returned (it keeps firing for keep_firing_for).
    keep_firing_since: datetime | None
    last_evaluated: datetime
    summary: str
    description: str
    #: Whether an active silence matches it: it is then not notified.
    silenced: bool


class HistoryOut(msgspec.Struct):
    id: str
    fingerprint: str
    labels: dict[str, str]
    #: inactive (not stored), pending, firing or resolved.
    from_state: str
    to_state: str
    value: float | None
    #: Whether an active silence matched it then (it was not notified).
    silenced: bool
    at: datetime


_LabelName = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
_Time = Annotated[datetime, msgspec.Meta(tz=True)]


class MatcherIn(msgspec.Struct, forbid_unknown_fields=True):
    name: _LabelName
    #: = and != compare; =~ and !~ match a regular expression against the whole value.
    op: am.MatchOp
    value: Annotated[str, msgspec.Meta(max_length=1024)]


class SilenceIn(msgspec.Struct, forbid_unknown_fields=True):
    #: Alerts whose labels match every matcher are silenced.
    matchers: Annotated[list[MatcherIn], msgspec.Meta(min_length=1, max_length=MAX_MATCHERS)]
    ends_at: _Time
    #: Default: now.
    starts_at: _Time | None = None
    comment: Annotated[str, msgspec.Meta(max_length=MAX_COMMENT)] = ""


class MatcherOut(msgspec.Struct):
    name: str
    op: am.MatchOp
    value: str


class SilenceOut(msgspec.Struct):
    id: str
    matchers: list[MatcherOut]
    starts_at: datetime
    ends_at: datetime
    comment: str
    created_by: str | None
    created_at: datetime
    #: pending (starts later), active or expired.
    state: am.SilenceState


_Seconds = Annotated[int, msgspec.Meta(ge=0, le=7 * 86400)]


class GroupingIO(msgspec.Struct, forbid_unknown_fields=True):
    """Alertmanager's route settings: alerts with the same values of group_by are notified
    together; seconds."""

    group_by: Annotated[list[_LabelName], msgspec.Meta(max_length=32)] = msgspec.field(
        default_factory=lambda: ["alertname"]
    )
    group_wait: _Seconds = 30
    group_interval: _Seconds = 300
    repeat_interval: _Seconds = 14400


class SampleOut(msgspec.Struct):
    labels: dict[str, str]
    value: float | None


class TestOut(msgspec.Struct):
    samples: list[SampleOut]
    #: How many samples the expression returned (the first 1,000 are listed).
    total: int
    evaluated_at: datetime


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _rule_out(r: am.RuleRecord) -> RuleOut:
    return RuleOut(
        id=str(r.id),
        name=r.name,
        expr=r.expr,
        for_=r.for_seconds,
        language=r.language,
        keep_firing_for=r.keep_firing_seconds,
        severity=r.severity,
        labels=dict(r.labels),
        summary=r.summary,
        description=r.description,
        notify=list(r.notify),
        enabled=r.enabled,
        state=r.state,
        health=r.health,
        last_error=r.last_error,
        last_evaluated=r.last_evaluated,
        evaluation_ms=r.evaluation_ms,
        created_by=r.created_by,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _alert_out(a: am.AlertRecord) -> AlertOut:
    return AlertOut(
        id=str(a.id),
        rule_id=str(a.rule_id),
        rule_name=a.rule_name,
        severity=a.severity,
        state=a.state,
        labels=dict(a.labels),
        value=_finite(a.value),
        active_since=a.active_since,
        fired_at=a.fired_at,
        keep_firing_since=a.keep_firing_since,
        last_evaluated=a.last_evaluated,
        summary=a.summary,
        description=a.description,
        silenced=a.silenced,
    )


def _silence_out(s: am.SilenceRecord) -> SilenceOut:
    return SilenceOut(
        id=str(s.id),
        matchers=[MatcherOut(m.name, m.op, m.value) for m in s.matchers],
        starts_at=s.starts_at,
        ends_at=s.ends_at,
        comment=s.comment,
        created_by=s.created_by,
        created_at=s.created_at,
        state=s.state,
    )


def _grouping_out(g: am.Grouping) -> GroupingIO:
    return GroupingIO(list(g.group_by), g.group_wait, g.group_interval, g.repeat_interval)


def _seconds(value: int | str, field: str = "for") -> int:
    return value if isinstance(value, int) else parse_duration(value, field)


async def _ask(request: Request[Any, Any, Any], message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(am.ACTOR), message)


async def _writer(request: Request[Any, Any, Any], ref: str) -> tuple[pm.ProjectRecord, Principal]:
    """The project and the caller, who must hold observe:write on it.

    :raises Forbidden: without it, or when the project is archived.
    """
    project = await load_project(request, ref)
    who = await principal(request)
    if Permission.OBSERVE_WRITE not in await permissions_of(request, who, project.id):
        raise Forbidden("alert rules need the observe:write permission on the project")
    if project.archived:
        raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who


@get(_BASE, tags=_TAGS, summary="A project's alert rules, by name", response_headers=LIST_HEADERS)
async def list_rules(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[RuleOut]]:
    project_id = await telemetry_reader(request, project)
    rules: list[am.RuleRecord] = await _ask(request, am.ListRules(project_id))
    return sliced(request, [_rule_out(r) for r in rules], page, per_page)


@post(_BASE, tags=_TAGS, summary="Add an alert rule", guards=[signed_in])
async def create_rule(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[RuleIn]
) -> RuleOut:
    record, who = await _writer(request, project)
    draft = am.RuleDraft(
        name=data.name,
        expr=data.expr,
        for_seconds=_seconds(data.for_),
        language=data.language,
        keep_firing_seconds=_seconds(data.keep_firing_for, "keep_firing_for"),
        severity=data.severity,
        labels=data.labels,
        summary=data.summary,
        description=data.description,
        notify=tuple(data.notify),
        enabled=data.enabled,
    )
    rule = await _ask(request, am.CreateRule(record.id, draft, audit_context(request, who)))
    return _rule_out(rule)


@get(_ONE, tags=_TAGS, summary="An alert rule")
async def get_rule(request: Request[Any, Any, Any], project: ProjectRef, rule_id: Id) -> RuleOut:
    project_id = await telemetry_reader(request, project)
    return _rule_out(await _ask(request, am.GetRule(project_id, rule_id)))


@patch(_ONE, tags=_TAGS, summary="Change an alert rule", guards=[signed_in])
async def update_rule(
    request: Request[Any, Any, Any], project: ProjectRef, rule_id: Id, data: JSONBody[RulePatch]
) -> RuleOut:
    record, who = await _writer(request, project)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "for_" in changes:
        changes["for_seconds"] = _seconds(changes.pop("for_"))
    if "keep_firing_for" in changes:
        changes["keep_firing_seconds"] = _seconds(changes.pop("keep_firing_for"), "keep_firing_for")
    if "notify" in changes:
        changes["notify"] = tuple(changes["notify"])
    rule = await _ask(
        request, am.UpdateRule(record.id, rule_id, changes, audit_context(request, who))
    )
    return _rule_out(rule)


@delete(_ONE, tags=_TAGS, summary="Delete an alert rule (its firing alerts resolve)")
async def delete_rule(request: Request[Any, Any, Any], project: ProjectRef, rule_id: Id) -> None:
    record, who = await _writer(request, project)
    await _ask(request, am.DeleteRule(record.id, rule_id, audit_context(request, who)))


@post(
    f"{_ONE}/test",
    tags=_TAGS,
    summary="Evaluate a rule's expression now, changing nothing",
    status_code=200,
)
async def test_rule(request: Request[Any, Any, Any], project: ProjectRef, rule_id: Id) -> TestOut:
    project_id = await telemetry_reader(request, project)
    result: am.TestResult = await _ask(request, am.TestRule(project_id, rule_id))
    return TestOut(
        samples=[SampleOut(dict(labels), _finite(value)) for labels, value in result.samples],
        total=result.total,
        evaluated_at=result.evaluated_at,
    )


@get(
    f"{_PROJECT}/alerts",
    tags=_TAGS,
    summary="A project's active alerts (pending and firing), firing first",
    response_headers=LIST_HEADERS,
)
async def list_alerts(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[AlertOut]]:
    project_id = await telemetry_reader(request, project)
    found, total = await _ask(request, am.ListAlerts(project_id, per_page, offset(page, per_page)))
    return paged(request, [_alert_out(a) for a in found], page, per_page, total)


@get(
    f"{_ONE}/history",
    tags=_TAGS,
    summary="An alert rule's transitions, newest first (kept 30 days)",
    response_headers=LIST_HEADERS,
)
async def rule_history(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    rule_id: Id,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[HistoryOut]]:
    project_id = await telemetry_reader(request, project)
    found, total = await _ask(
        request, am.ListHistory(project_id, rule_id, per_page, offset(page, per_page))
    )
    out = [
        HistoryOut(
            id=str(h.id),
            fingerprint=h.fingerprint,
            labels=dict(h.labels),
            from_state=h.from_state,
            to_state=h.to_state,
            value=_finite(h.value),
            silenced=h.silenced,
            at=h.at,
        )
        for h in found
    ]
    return paged(request, out, page, per_page, total)


@get(
    f"{_PROJECT}/silences",
    tags=_TAGS,
    summary="A project's silences, active and pending first",
    response_headers=LIST_HEADERS,
)
async def list_silences(
    request: Request[Any, Any, Any], project: ProjectRef, page: Page = 1, per_page: PerPage = 100
) -> Response[list[SilenceOut]]:
    project_id = await telemetry_reader(request, project)
    found, total = await _ask(
        request, am.ListSilences(project_id, per_page, offset(page, per_page))
    )
    return paged(request, [_silence_out(s) for s in found], page, per_page, total)


@post(f"{_PROJECT}/silences", tags=_TAGS, summary="Silence matching alerts", guards=[signed_in])
async def create_silence(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[SilenceIn]
) -> SilenceOut:
    record, who = await _writer(request, project)
    starts_at = data.starts_at or datetime.now(UTC)
    draft = am.SilenceDraft(
        matchers=tuple(am.Matcher(m.name, m.op, m.value) for m in data.matchers),
        starts_at=starts_at,
        ends_at=data.ends_at,
        comment=data.comment,
    )
    silence = await _ask(request, am.CreateSilence(record.id, draft, audit_context(request, who)))
    return _silence_out(silence)


@delete(
    f"{_PROJECT}/silences/{{silence_id:int}}",
    tags=_TAGS,
    summary="Expire a silence now",
    status_code=200,
)
async def expire_silence(
    request: Request[Any, Any, Any], project: ProjectRef, silence_id: Id
) -> SilenceOut:
    record, who = await _writer(request, project)
    silence = await _ask(
        request, am.ExpireSilence(record.id, silence_id, audit_context(request, who))
    )
    return _silence_out(silence)


@get(f"{_PROJECT}/alert-grouping", tags=_TAGS, summary="How alert notifications are grouped")
async def get_grouping(request: Request[Any, Any, Any], project: ProjectRef) -> GroupingIO:
    project_id = await telemetry_reader(request, project)
    return _grouping_out(await _ask(request, am.GetGrouping(project_id)))


@put(
    f"{_PROJECT}/alert-grouping",
    tags=_TAGS,
    summary="Change how alert notifications are grouped",
    guards=[signed_in],
)
async def put_grouping(
    request: Request[Any, Any, Any], project: ProjectRef, data: JSONBody[GroupingIO]
) -> GroupingIO:
    record, who = await _writer(request, project)
    grouping = am.Grouping(
        tuple(data.group_by), data.group_wait, data.group_interval, data.repeat_interval
    )
    saved = await _ask(request, am.PutGrouping(record.id, grouping, audit_context(request, who)))
    return _grouping_out(saved)


ROUTES = [
    list_rules,
    create_rule,
    get_rule,
    update_rule,
    delete_rule,
    test_rule,
    list_alerts,
    rule_history,
    list_silences,
    create_silence,
    expire_silence,
    get_grouping,
    put_grouping,
]
