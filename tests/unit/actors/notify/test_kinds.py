"""Who hears of an alert (``kinds.plan`` on ``alert.firing`` and ``alert.resolved``)."""

from __future__ import annotations

from typing import Any

from dais.actors.notify.kinds import DEFAULTS, EVENT_KINDS, Channel, Kind, plan

URL = "https://dais.example"


def _payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "project": {"id": "4", "path": "acme/shop"},
        "rule": {"id": "7", "name": "HighRate", "severity": "critical"},
        "alert": {
            "fingerprint": "ab" * 32,
            "labels": {"alertname": "HighRate", "route": "/cart"},
            "value": 12.5,
            "summary": "too many requests",
        },
        "notify": ["alice", "Bob", "bob"],
        "web_url": f"{URL}/acme/shop/-/alerts",
    }
    return payload | changes


def test_a_firing_alert_tells_each_named_person_once() -> None:
    planned = plan("alert.firing", _payload(), URL)
    assert [p.username for p in planned] == ["alice", "bob"]
    first = planned[0]
    assert first.kind is Kind.ALERT_FIRING
    assert first.title == "Firing: HighRate (critical) in acme/shop"
    assert first.body == "too many requests\nvalue: 12.5\nlabels: route=/cart"
    assert first.url == f"{URL}/acme/shop/-/alerts"
    assert first.thread == "alert:7:" + "ab" * 8


def test_its_resolution_shares_the_thread_and_is_not_emailed_by_default() -> None:
    [firing, *_] = plan("alert.firing", _payload(), URL)
    [resolved, *_] = plan("alert.resolved", _payload(reason="the rule was deleted"), URL)
    assert resolved.kind is Kind.ALERT_RESOLVED and resolved.thread == firing.thread
    assert resolved.title.startswith("Resolved: HighRate")
    assert "the rule was deleted" in resolved.body and "value:" not in resolved.body
    assert Channel.EMAIL in DEFAULTS[Kind.ALERT_FIRING]
    assert Channel.EMAIL not in DEFAULTS[Kind.ALERT_RESOLVED]
    assert {"alert.firing", "alert.resolved"} <= EVENT_KINDS


def test_an_alert_event_missing_what_it_should_carry_tells_nobody() -> None:
    assert plan("alert.firing", _payload(notify="alice"), URL) == []
    assert plan("alert.firing", _payload(rule=None, alert=None, notify=None), URL) == []
    assert plan("alert.firing", _payload(project={}), URL) == []
