"""Who hears of an alert group (``kinds.plan`` on ``alert.notification``, written by the
alert evaluator when a notification group flushes)."""

from __future__ import annotations

from typing import Any

from dais.actors.notify.kinds import DEFAULTS, EVENT_KINDS, Channel, Kind, plan

URL = "https://dais.example"


def _alert(name: str = "HighRate", route: str = "/cart", severity: str = "critical") -> Any:
    return {
        "rule": {"id": "7", "name": name, "severity": severity},
        "alert": {
            "fingerprint": "ab" * 32,
            "labels": {"alertname": name, "route": route},
            "value": 12.5,
            "summary": "too many requests",
        },
    }


def _payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "project": {"id": "4", "path": "acme/shop"},
        "group": {"key": "cd" * 32, "labels": {"alertname": "HighRate"}},
        "status": "firing",
        "repeat": False,
        "firing": [_alert()],
        "resolved": [],
        "firing_count": 1,
        "resolved_count": 0,
        "notify": ["alice", "Bob", "bob"],
        "web_url": f"{URL}/acme/shop/-/alerts",
    }
    return payload | changes


def test_a_firing_group_tells_each_named_person_once() -> None:
    planned = plan("alert.notification", _payload(), URL)
    assert [p.username for p in planned] == ["alice", "bob"]
    first = planned[0]
    assert first.kind is Kind.ALERT_FIRING
    assert first.title == "Firing: HighRate (critical) in acme/shop"
    assert first.body == "- too many requests; value: 12.5; labels: route=/cart"
    assert first.url == f"{URL}/acme/shop/-/alerts"
    assert first.thread == "alert:" + "cd" * 8


def test_a_group_of_several_names_its_count_and_strongest_severity() -> None:
    firing = [_alert("A", "/a", "info"), _alert("B", "/b", "critical"), _alert("A", "/c")]
    resolved = [_alert("C", "/d", "warning")]
    [note, *_] = plan(
        "alert.notification",
        _payload(firing=firing, resolved=resolved, firing_count=3, resolved_count=1, repeat=True),
        URL,
    )
    assert note.kind is Kind.ALERT_FIRING
    assert note.title == "Firing (3): A, B, C (critical) in acme/shop"
    assert note.body.splitlines()[0] == "Firing (3):"
    assert "Resolved (1):" in note.body and note.body.endswith("(still firing)")


def test_a_resolved_group_shares_the_thread_and_is_not_emailed_by_default() -> None:
    [firing, *_] = plan("alert.notification", _payload(), URL)
    [resolved, *_] = plan(
        "alert.notification",
        _payload(firing=[], resolved=[_alert()], firing_count=0, resolved_count=1),
        URL,
    )
    assert resolved.kind is Kind.ALERT_RESOLVED and resolved.thread == firing.thread
    assert resolved.title.startswith("Resolved: HighRate")
    assert "value:" not in resolved.body
    assert Channel.EMAIL in DEFAULTS[Kind.ALERT_FIRING]
    assert Channel.EMAIL not in DEFAULTS[Kind.ALERT_RESOLVED]
    assert "alert.notification" in EVENT_KINDS
    # The per-alert events are for webhooks: they notify no one.
    assert not {"alert.firing", "alert.resolved"} & EVENT_KINDS


def test_an_alert_event_missing_what_it_should_carry_tells_nobody() -> None:
    assert plan("alert.notification", _payload(notify="alice"), URL) == []
    assert plan("alert.notification", _payload(firing=None, resolved=None), URL) == []
    assert plan("alert.notification", _payload(firing=[], resolved=[]), URL) == []
    assert plan("alert.notification", _payload(project={}), URL) == []
    assert plan("alert.firing", _payload(), URL) == []
