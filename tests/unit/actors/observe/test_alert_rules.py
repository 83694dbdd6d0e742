"""The alert state machine and rule checks (``alert_rules.py``), without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dais.actors.observe.alert_groups import Group, Member, group_of, plan_flushes
from dais.actors.observe.alert_messages import (
    AlertState,
    Grouping,
    Language,
    Matcher,
    MatchOp,
    RuleDraft,
    SilenceDraft,
)
from dais.actors.observe.alert_rules import (
    Instance,
    RuleError,
    advance,
    alerts_of,
    check_draft,
    check_silence,
    fingerprint,
    logql_condition,
    parse_duration,
    render,
    silenced,
)
from dais.actors.observe.promql import Sample
from dais.errors import ValidationFailed

T = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
HOLD = timedelta(seconds=30)
LABELS = {"alertname": "Busy", "route": "/cart"}
KEY = fingerprint(LABELS)


def test_an_alert_is_pending_then_fires_once_its_for_has_passed() -> None:
    [new] = advance({}, {KEY: (LABELS, 5.0)}, T, HOLD)
    assert (new.instance.state, new.event, new.instance.active_since) == (
        AlertState.PENDING,
        None,
        T,
    )
    stored = {KEY: new.instance}
    [held] = advance(stored, {KEY: (LABELS, 6.0)}, T + timedelta(seconds=29), HOLD)
    assert held.instance.state is AlertState.PENDING and held.instance.value == 6.0
    [fired] = advance(stored, {KEY: (LABELS, 7.0)}, T + HOLD, HOLD)
    assert (fired.instance.state, fired.event) == (AlertState.FIRING, "alert.firing")
    assert fired.instance.fired_at == T + HOLD
    [still] = advance({KEY: fired.instance}, {KEY: (LABELS, 8.0)}, T + 2 * HOLD, HOLD)
    assert (still.instance.state, still.event) == (AlertState.FIRING, None)


def test_with_no_for_an_alert_fires_at_once() -> None:
    [new] = advance({}, {KEY: (LABELS, 1.0)}, T, timedelta(0))
    assert (new.instance.state, new.event) == (AlertState.FIRING, "alert.firing")


def test_a_firing_alert_resolves_and_a_pending_one_goes() -> None:
    firing = Instance(KEY, LABELS, AlertState.FIRING, 2.0, T, fired_at=T, id=1)
    other = {"alertname": "Busy", "route": "/pay"}
    pending = Instance(fingerprint(other), other, AlertState.PENDING, 2.0, T, id=2)
    changes = advance({KEY: firing, pending.fingerprint: pending}, {}, T + HOLD, HOLD)
    by_id = {c.instance.id: c for c in changes}
    assert by_id[1].event == "alert.resolved" and by_id[1].instance.resolved_at == T + HOLD
    assert by_id[2].removed and by_id[2].event is None


def test_a_resolved_alert_that_returns_is_pending_again_in_its_row() -> None:
    resolved = Instance(
        KEY, LABELS, AlertState.RESOLVED, 2.0, T, fired_at=T, resolved_at=T + HOLD, id=9
    )
    at = T + timedelta(hours=1)
    [back] = advance({KEY: resolved}, {KEY: (LABELS, 3.0)}, at, HOLD)
    assert back.instance == Instance(KEY, LABELS, AlertState.PENDING, 3.0, at, id=9)
    assert advance({KEY: resolved}, {}, at, HOLD) == []


def test_alert_labels_drop_the_name_and_take_the_rules_then_alertname() -> None:
    samples = [Sample({"__name__": "up", "team": "a", "job": "x"}, 1.0)]
    [(labels, value)] = alerts_of(samples, "Down", {"team": "ops"}).values()
    assert labels == {"team": "ops", "job": "x", "alertname": "Down"} and value == 1.0
    [(labels, value)] = alerts_of(4.0, "Scalar", {}).values()
    assert (labels, value) == ({"alertname": "Scalar"}, 4.0)
    with pytest.raises(RuleError, match="same labels"):
        alerts_of([Sample({"team": "a"}, 1), Sample({"team": "b"}, 2)], "X", {"team": "ops"})
    with pytest.raises(RuleError, match="1001 series"):
        alerts_of([Sample({"n": str(n)}, 1) for n in range(1001)], "X", {})


@pytest.mark.parametrize(
    ("text", "seconds"), [("0", 0), ("90", 90), ("30s", 30), ("5m", 300), ("1h30m", 5400)]
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5 minutes", "1.5h", "-5m", "25h", "2d", "m", "9" * 7])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_duration(text)
    assert caught.value.field == "for"


def test_templates_fill_value_and_labels_and_leave_the_rest() -> None:
    text = "{{ $labels.route }} at {{$value}}/s {{ $labels.none }}{{ .Other }} <b>"
    assert render(text, {"route": "/cart"}, 2.5) == "/cart at 2.5/s {{ .Other }} <b>"
    assert render("{{ $value }}", {}, 3.0) == "3"


def test_a_draft_is_normalised_and_checked() -> None:
    draft = check_draft(RuleDraft(name="Busy", expr="up > 0", notify=("Alice", "alice")))
    assert draft.notify == ("alice",)
    with pytest.raises(ValidationFailed, match="range vector"):
        check_draft(RuleDraft(name="Busy", expr="up[5m]"))
    with pytest.raises(ValidationFailed) as caught:
        check_draft(RuleDraft(name="Busy", expr="up", labels={"alertname": "x"}))
    assert caught.value.field == "labels"


# --- keep_firing_for, LogQL conditions, silences, grouping ---------------------------------


def test_keep_firing_for_holds_a_missing_alert_then_resolves_it() -> None:
    firing = Instance(KEY, LABELS, AlertState.FIRING, 5.0, T, fired_at=T, id=1)
    keep = timedelta(minutes=2)
    [held] = advance({KEY: firing}, {}, T + timedelta(minutes=1), HOLD, keep)
    assert held.instance.state is AlertState.FIRING and held.event is None
    assert held.instance.keep_firing_since == T + timedelta(minutes=1) and not held.transition
    [still] = advance({KEY: held.instance}, {}, T + timedelta(minutes=2, seconds=59), HOLD, keep)
    assert still.instance.state is AlertState.FIRING
    [gone] = advance({KEY: still.instance}, {}, T + timedelta(minutes=3), HOLD, keep)
    assert gone.event == "alert.resolved" and (gone.before, gone.after) == ("firing", "resolved")
    # Returned again while held: back to plain firing, the clock cleared.
    [back] = advance({KEY: held.instance}, {KEY: (LABELS, 7.0)}, T + timedelta(minutes=2), HOLD)
    assert back.instance.keep_firing_since is None and back.event is None


def test_a_logql_condition_is_a_metric_query_with_an_optional_comparison() -> None:
    cond = logql_condition('sum by (app) (count_over_time({app="api"} |= "error" [5m])) > 10')
    assert (cond.op, cond.threshold) == (">", 10.0)
    assert cond.keeps(11) and not cond.keeps(10)
    assert logql_condition('rate({app="api"}[1m])').keeps(0)
    for bad in ['{app="api"}', "up > 1", 'rate({app="api"}[1m]) > x', "", "x" * 5000]:
        with pytest.raises(ValidationFailed) as caught:
            logql_condition(bad)
        assert caught.value.field == "expr"
    draft = check_draft(RuleDraft("R", 'rate({a="b"}[1m])', language=Language.LOGQL))
    assert draft.language is Language.LOGQL
    with pytest.raises(ValidationFailed, match="keep_firing_for"):
        check_draft(RuleDraft("R", "up", keep_firing_seconds=90000))


def _silence(*matchers: Matcher, hours: float = 1) -> SilenceDraft:
    return SilenceDraft(matchers, T, T + timedelta(hours=hours))


def test_silence_matchers_match_as_alertmanagers_do() -> None:
    team = Matcher("team", MatchOp.EQUAL, "shop")
    route = Matcher("route", MatchOp.REGEX, "/ca.*")
    assert silenced([(team,)], {"team": "shop"})
    assert not silenced([(team, route)], {"team": "shop", "route": "/x/cart"})
    assert silenced([(team, route)], {"team": "shop", "route": "/cart"})
    assert silenced([(Matcher("x", MatchOp.NOT_REGEX, "a+"),)], {})
    assert not silenced([(Matcher("team", MatchOp.NOT_EQUAL, "shop"),)], {"team": "shop"})
    assert check_silence(_silence(team)).matchers == (team,)
    for bad, field in [
        (_silence(), "matchers"),
        (_silence(Matcher("a", MatchOp.REGEX, ".*")), "matchers"),
        (_silence(Matcher("a", MatchOp.REGEX, "(")), "matchers[0].value"),
        (_silence(Matcher("a", MatchOp.REGEX, "(x*)*y")), "matchers[0].value"),
        (_silence(Matcher("a", MatchOp.REGEX, r"(a)\1")), "matchers[0].value"),
        (_silence(Matcher("1a", MatchOp.EQUAL, "x")), "matchers[0].name"),
        (_silence(team, hours=-1), "ends_at"),
        (_silence(team, hours=24 * 400), "ends_at"),
    ]:
        with pytest.raises(ValidationFailed) as caught:
            check_silence(bad)
        assert caught.value.field == field


def _member(name: str, team: str = "shop") -> Member:
    return Member(f"1:{name}", {"alertname": name, "team": team}, {"name": name}, ())


def test_grouping_waits_then_batches_changes_then_repeats() -> None:
    g = Grouping(("team",), group_wait=30, group_interval=300, repeat_interval=3600)
    a, b, c = _member("A"), _member("B"), _member("C")
    [new] = plan_flushes({}, [a, b], {}, g, T)
    assert not new.notify and new.group.next_flush == T + timedelta(seconds=30)
    stored = {new.group.key: new.group}
    assert plan_flushes(stored, [a, b], {}, g, T + timedelta(seconds=29)) == []
    [first] = plan_flushes(stored, [a, b], {}, g, T + timedelta(seconds=30))
    assert first.notify and [m.key for m in first.firing] == ["1:A", "1:B"]
    stored = {first.group.key: first.group}
    [quiet] = plan_flushes(stored, [a, b], {}, g, T + timedelta(seconds=330))
    assert not quiet.notify and not quiet.repeat
    [joined] = plan_flushes(stored, [a, b, c], {}, g, T + timedelta(seconds=330))
    assert joined.notify and len(joined.firing) == 3
    stored = {joined.group.key: joined.group}
    [repeat] = plan_flushes(stored, [a, b, c], {}, g, T + timedelta(seconds=330 + 3600))
    assert repeat.notify and repeat.repeat
    [resolved] = plan_flushes(stored, [], {"1:C": c}, g, T + timedelta(seconds=630))
    assert resolved.notify and resolved.removed and resolved.resolved == (c,)
    assert group_of({"team": "x", "alertname": "A"}, ["team"])[1] == {"team": "x"}
    assert Group("k", {}, T).notified == frozenset()
