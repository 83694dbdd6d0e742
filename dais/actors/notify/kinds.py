"""What a domain event means to whom: the kinds of notification, their defaults, and the
pure function turning one outbox event into the notifications it causes.

Pure and I/O-free: the dispatcher (``dispatcher.py``) resolves the usernames named here,
drops those who may not see the project, applies people's settings and writes the rows.

Who hears of what:

- ``mentioned``: ``@username`` in a new issue's or merge request's text, or in a comment;
- ``assigned``: added as an issue's or a merge request's assignee;
- ``review_requested``: added as a merge request's reviewer;
- ``commented``: a comment on an issue or merge request one authored or is assigned to;
- ``merged``: a merge request one authored, is assigned to or reviews was merged;
- ``webhook_disabled``: a project webhook one created was switched off after failing;
- ``pipeline_failed``: a pipeline one started failed;
- ``alert_firing`` and ``alert_resolved``: a notification group of a project's alerts has
  alerts firing, or only resolved ones (``alert.notification``, written by the alert
  evaluator when the group flushes: Alertmanager's grouping, see
  ``observe/alert_groups.py``), told to the rules' ``notify`` users, else the project's
  owner and maintainers (the event names them). The per-alert ``alert.firing`` and
  ``alert.resolved`` events are for webhooks; they notify no one.

No one is told of their own action, and one event tells each person once: if they are both
assigned and mentioned, the stronger kind (earlier in :data:`PRIORITY`) is the one kept.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

__all__ = [
    "DEFAULTS",
    "EVENT_KINDS",
    "MAX_MENTIONS",
    "PRIORITY",
    "Channel",
    "Kind",
    "Planned",
    "mentions",
    "plan",
]


class Kind(enum.StrEnum):
    MENTIONED = "mentioned"
    ASSIGNED = "assigned"
    REVIEW_REQUESTED = "review_requested"
    COMMENTED = "commented"
    MERGED = "merged"
    WEBHOOK_DISABLED = "webhook_disabled"
    PIPELINE_FAILED = "pipeline_failed"
    ALERT_FIRING = "alert_firing"
    ALERT_RESOLVED = "alert_resolved"


class Channel(enum.StrEnum):
    IN_APP = "in_app"
    EMAIL = "email"
    WEBHOOK = "webhook"


#: When one event gives someone several kinds, the first of these is kept.
PRIORITY = (
    Kind.ASSIGNED,
    Kind.REVIEW_REQUESTED,
    Kind.MENTIONED,
    Kind.MERGED,
    Kind.COMMENTED,
    Kind.WEBHOOK_DISABLED,
    Kind.PIPELINE_FAILED,
    Kind.ALERT_FIRING,
    Kind.ALERT_RESOLVED,
)

#: Each kind's channels when a person has not chosen: everything in the app; email for what
#: asks something of them; their webhook (once they set one) for everything.
DEFAULTS: dict[Kind, frozenset[Channel]] = {
    Kind.MENTIONED: frozenset(Channel),
    Kind.ASSIGNED: frozenset(Channel),
    Kind.REVIEW_REQUESTED: frozenset(Channel),
    Kind.COMMENTED: frozenset({Channel.IN_APP, Channel.WEBHOOK}),
    Kind.MERGED: frozenset({Channel.IN_APP, Channel.WEBHOOK}),
    Kind.WEBHOOK_DISABLED: frozenset(Channel),
    Kind.PIPELINE_FAILED: frozenset(Channel),
    Kind.ALERT_FIRING: frozenset(Channel),
    # The all-clear of an alert that emailed: in the app and to a webhook, not another email.
    Kind.ALERT_RESOLVED: frozenset({Channel.IN_APP, Channel.WEBHOOK}),
}

#: The outbox events the dispatcher subscribes to.
EVENT_KINDS = frozenset(
    {
        "issue.opened",
        "issue.edited",
        "issue_comment.created",
        "merge_request.opened",
        "merge_request.edited",
        "merge_request_comment.created",
        "merge_request.merged",
        "webhook.disabled",
        "pipeline.finished",
        "alert.notification",
    }
)

#: Mentions beyond this many in one text are ignored: a comment naming a thousand people is
#: a storm, not a conversation.
MAX_MENTIONS = 50
# GitLab's rule: ``@`` not preceded by a word character or another ``@``, then a username.
_MENTION = re.compile(r"(?<![\w@.`])@([a-z0-9_][a-z0-9_.-]{1,39})(?![\w-])", re.IGNORECASE)
_FENCE = re.compile(r"```.*?(?:```|\Z)|`[^`\n]*`", re.DOTALL)
_TITLE = 120
_BODY = 2000


def mentions(text: str) -> list[str]:
    """The usernames ``text`` mentions, lower-cased, in order, each once, at most
    :data:`MAX_MENTIONS`; code spans and fenced blocks are not read."""
    seen: dict[str, None] = {}
    for match in _MENTION.finditer(_FENCE.sub(" ", text)):
        name = match[1].lower().rstrip(".")
        if name not in seen:
            seen[name] = None
            if len(seen) == MAX_MENTIONS:
                break
    return list(seen)


@attrs.frozen
class Planned:
    """One notification for the user named ``username``, before it is resolved."""

    username: str
    kind: Kind
    thread: str
    title: str
    body: str
    url: str


def _names(users: Any) -> list[str]:
    if not isinstance(users, list):
        return []
    return [
        u["username"] for u in users if isinstance(u, dict) and isinstance(u.get("username"), str)
    ]


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split()) if limit <= _TITLE else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plan(kind: str, payload: Any, public_url: str) -> list[Planned]:
    """The notifications event ``kind`` with ``payload`` causes, one per person at most,
    the sender left out. An event missing what it should carry causes none."""
    if not isinstance(payload, dict):
        return []
    project = payload.get("project") or {}
    path = project.get("path") if isinstance(project, dict) else None
    sender = (payload.get("sender") or {}).get("username")
    if not isinstance(path, str):
        return []
    out: list[tuple[str, Kind]] = []
    if kind == "webhook.disabled":
        return _webhook_disabled(payload, path, public_url)
    if kind == "pipeline.finished":
        return _pipeline_failed(payload, path)
    if kind == "alert.notification":
        return _alert(payload, path)
    thing = payload.get("issue") if kind.startswith("issue") else payload.get("merge_request")
    if not isinstance(thing, dict) or not isinstance(thing.get("iid"), int):
        return []
    is_issue = kind.startswith("issue")
    iid = thing["iid"]
    title = str(thing.get("title", ""))
    noun = "issue" if is_issue else "merge request"
    ref = f"#{iid}" if is_issue else f"!{iid}"
    url = f"{public_url}/{path}/-/{'issues' if is_issue else 'merge_requests'}/{iid}"
    thread = f"{'issue' if is_issue else 'merge_request'}:{project.get('id')}:{iid}"
    author = (thing.get("author") or {}).get("username")
    assignees = _names(thing.get("assignees"))
    reviewers = _names(thing.get("reviewers"))
    comment = payload.get("comment") if isinstance(payload.get("comment"), dict) else None
    text = str(comment.get("body", "")) if comment else str(thing.get("body", ""))
    changes: dict[str, Any] = payload["changes"] if isinstance(payload.get("changes"), dict) else {}

    if kind in {"issue.opened", "merge_request.opened"}:
        out += [(n, Kind.ASSIGNED) for n in assignees]
        out += [(n, Kind.REVIEW_REQUESTED) for n in reviewers]
        out += [(n, Kind.MENTIONED) for n in mentions(text)]
        verb = "opened"
    elif kind in {"issue.edited", "merge_request.edited"}:
        before_assignees = _names((changes.get("assignees") or {}).get("from"))
        before_reviewers = _names((changes.get("reviewers") or {}).get("from"))
        if "assignees" in changes:
            out += [(n, Kind.ASSIGNED) for n in assignees if n not in before_assignees]
        if "reviewers" in changes:
            out += [(n, Kind.REVIEW_REQUESTED) for n in reviewers if n not in before_reviewers]
        verb = "assigned you to"
    elif kind in {"issue_comment.created", "merge_request_comment.created"}:
        out += [(n, Kind.MENTIONED) for n in mentions(text)]
        out += [(n, Kind.COMMENTED) for n in [author, *assignees] if isinstance(n, str)]
        verb = "commented on"
    elif kind == "merge_request.merged":
        out += [(n, Kind.MERGED) for n in [author, *assignees, *reviewers] if isinstance(n, str)]
        verb = "merged"
        text = ""
    else:
        return []

    best: dict[str, Kind] = {}
    for name, why in out:
        name = name.lower()
        if name == (sender or "").lower():
            continue
        if name not in best or PRIORITY.index(why) < PRIORITY.index(best[name]):
            best[name] = why
    shown_sender = sender or "someone"
    planned = []
    for name, why in best.items():
        headline = {
            Kind.ASSIGNED: f"{shown_sender} assigned you to {noun} {ref}",
            Kind.REVIEW_REQUESTED: f"{shown_sender} asked you to review {ref}",
            Kind.MENTIONED: f"{shown_sender} mentioned you in {noun} {ref}",
            Kind.COMMENTED: f"{shown_sender} commented on {noun} {ref}",
            Kind.MERGED: f"{shown_sender} merged {ref}",
        }.get(why, f"{shown_sender} {verb} {noun} {ref}")
        planned.append(
            Planned(
                username=name,
                kind=why,
                thread=thread,
                title=_short(f"{headline}: {title} ({path})", _TITLE * 2),
                body=_short(text, _BODY),
                url=url + (f"#note-{comment.get('id')}" if comment else ""),
            )
        )
    return planned


def _pipeline_failed(payload: dict[str, Any], path: str) -> list[Planned]:
    """A failed pipeline (or one whose file is invalid) tells the person who started it."""
    pipeline = payload.get("pipeline") or {}
    if not isinstance(pipeline, dict) or pipeline.get("state") not in ("failed", "error"):
        return []
    creator = pipeline.get("created_by")
    name = creator.get("username") if isinstance(creator, dict) else None
    number = pipeline.get("number")
    if not isinstance(name, str) or not isinstance(number, int):
        return []
    ref = str(pipeline.get("ref", ""))
    short = ref.removeprefix("refs/heads/").removeprefix("refs/tags/")
    failed = pipeline.get("failed_steps") or []
    if pipeline.get("state") == "error":
        body = str(pipeline.get("error") or "the pipeline file is invalid")
    elif failed:
        body = "failed steps: " + ", ".join(str(step) for step in failed[:20])
    else:
        body = str(pipeline.get("error") or "the pipeline failed")
    label = f" ({pipeline['label']})" if pipeline.get("label") else ""
    return [
        Planned(
            username=name.lower(),
            kind=Kind.PIPELINE_FAILED,
            thread=f"pipeline:{pipeline.get('id')}",
            title=_short(f"Pipeline #{number}{label} failed on {short} in {path}", _TITLE * 2),
            body=_short(body, _BODY),
            url=str(pipeline.get("web_url") or ""),
        )
    ]


def _alert(payload: dict[str, Any], path: str) -> list[Planned]:
    """A notification group told: each person the event's ``notify`` names hears of the
    group's firing alerts and those resolved since it was last told."""
    firing = payload.get("firing")
    resolved = payload.get("resolved")
    names = payload.get("notify")
    group = payload.get("group") or {}
    if not (
        isinstance(firing, list)
        and isinstance(resolved, list)
        and isinstance(names, list)
        and isinstance(group, dict)
    ):
        return []
    told = [a for a in firing + resolved if isinstance(a, dict)]
    if not told:
        return []
    rules = list(dict.fromkeys(str((a.get("rule") or {}).get("name", "")) for a in told))
    order = {"info": 0, "warning": 1, "critical": 2}
    severity = max(
        (str((a.get("rule") or {}).get("severity", "")) for a in told),
        key=lambda s: order.get(s, -1),
    )
    n_firing = payload.get("firing_count", len(firing))
    n_resolved = payload.get("resolved_count", len(resolved))
    status = "Firing" if firing else "Resolved"
    count = n_firing if firing else n_resolved
    what = ", ".join(rules[:3]) + (f" and {len(rules) - 3} more" if len(rules) > 3 else "")
    title = f"{status}: {what} ({severity}) in {path}"
    if isinstance(count, int) and count > 1:
        title = f"{status} ({count}): {what} ({severity}) in {path}"
    lines = []
    for heading, alerts, total in (
        ("Firing", firing, n_firing),
        ("Resolved", resolved, n_resolved),
    ):
        if not alerts:
            continue
        lines.append(f"{heading} ({total}):" if firing and resolved else "")
        for entry in alerts:
            alert = entry.get("alert") if isinstance(entry, dict) else None
            if not isinstance(alert, dict):
                continue
            labels = alert.get("labels")
            labels = labels if isinstance(labels, dict) else {}
            shown = ", ".join(f"{k}={v}" for k, v in sorted(labels.items()) if k != "alertname")
            value = alert.get("value")
            parts = [
                str(alert.get("summary") or labels.get("alertname") or ""),
                f"value: {value}" if heading == "Firing" and value is not None else "",
                f"labels: {shown}" if shown else "",
            ]
            lines.append("- " + "; ".join(p for p in parts if p))
    if payload.get("repeat"):
        lines.append("(still firing)")
    return [
        Planned(
            username=name,
            kind=Kind.ALERT_FIRING if firing else Kind.ALERT_RESOLVED,
            thread=f"alert:{str(group.get('key', ''))[:16]}",
            title=_short(title, _TITLE * 2),
            body=_short("\n".join(line for line in lines if line), _BODY),
            url=str(payload.get("web_url") or ""),
        )
        for name in dict.fromkeys(n.lower() for n in names if isinstance(n, str))
    ]


def _webhook_disabled(payload: dict[str, Any], path: str, public_url: str) -> list[Planned]:
    hook = payload.get("hook") or {}
    creator = payload.get("created_by")
    if not isinstance(hook, dict) or not isinstance(creator, str):
        return []
    reason = str(payload.get("reason", ""))
    return [
        Planned(
            username=creator.lower(),
            kind=Kind.WEBHOOK_DISABLED,
            thread=f"webhook:{hook.get('id')}",
            title=_short(f"A webhook of {path} was switched off after failing", _TITLE * 2),
            body=_short(f"{hook.get('url', '')}: {reason}", _BODY),
            url=f"{public_url}/{path}/-/settings/webhooks/{hook.get('id')}",
        )
    ]
