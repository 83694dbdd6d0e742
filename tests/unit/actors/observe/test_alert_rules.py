"""The alert state machine and rule checks (``alert_rules.py``), without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dais.actors.observe.alert_messages import AlertState, RuleDraft
from dais.actors.observe.alert_rules import (
    Instance,
    RuleError,
    advance,
    alerts_of,
    check_draft,
    fingerprint,
    parse_duration,
    render,
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
