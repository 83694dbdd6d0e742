"""What a webhook receives: the JSON body for each event, built from outbox events.

Every body is a JSON object with ``action`` (what happened), the object it happened to,
``project`` and ``sender``, named the way GitHub names them where the two map::

    "project": {"id": "42", "path": "alice/web", "http_url": "https://dais.example/alice/web.git"}
    "sender":  {"id": "7", "username": "alice"}

The event is in the ``X-Dais-Event`` header (see ``signing.py`` for the others):

``push`` (a branch moved) and ``tag_push`` (a tag did): one delivery per ref, whichever way
it moved (``git push``, or the API creating or deleting a branch)::

    {"action": "created" | "updated" | "deleted",
     "ref": "refs/heads/main", "before": "<sha>", "after": "<sha>",   (zeros: no ref)
     "created": bool, "deleted": bool,
     "forced": bool | null,             (null when it could not be told)
     "commits": [{"id", "message", "timestamp", "author": {"name", "email"}, "url"}],
     "head_commit": {...} | null,        (the commit the ref now points at)
     "pusher": {"id", "username"}, "project", "sender"}

``commits`` lists what an update added (at most 20, oldest first; empty for a created or
deleted ref, as the list of new commits of a new branch depends on what the receiver has).
A push of many refs at once (a mirror, an import) carries ``commits``, ``head_commit`` and
``forced`` for its first 20 refs only; the others have ``[]``, ``null`` and ``null``.

``issue``: ``issue.opened | edited | closed | reopened``::

    {"action": "opened", "issue": <as GET /api/projects/{id}/issues/{iid}>,
     "changes": {"title": {"from": "old"}} (edited only, when known), "project", "sender"}

``issue_comment``: comments on issues (``issue_comment.created | edited | deleted``) and,
as GitHub does for pull requests, on merge requests (``merge_request_comment.*``); the body
holds ``issue`` or ``merge_request``, and ``comment``::

    {"action": "created", "issue": {...} | "merge_request": {...}, "comment": {...},
     "project", "sender"}

``merge_request``: ``opened | edited | closed | reopened | merged | ready | drafted``::

    {"action": "merged", "merge_request": <as GET .../merge-requests/{iid}; merged ones also
     carry "closes_issues": [iid, ...]>, "changes": {...} (when known), "project", "sender"}

``review``: ``submitted | dismissed``::

    {"action": "submitted", "merge_request": {...},
     "review": {"id", "state": "approved" | "changes_requested" | "commented", "body",
                "author", "commit_sha"}, "project", "sender"}

``pipeline`` and ``deployment`` are reserved for the builds and deploy features: their
``pipeline.*`` and ``deployment.*`` events will be passed on the same way (``action`` is the
part after the dot, then the event's own objects), once those features add their kinds to
:data:`KINDS`.

``alert``: ``firing | resolved``, an alert of one of the project's rules (see
``dais/actors/observe/alerts.py``)::

    {"action": "firing", "rule": {"id", "name", "expr", "for", "severity"},
     "alert": {"id", "fingerprint", "labels", "state", "value", "active_since", "fired_at",
               "resolved_at", "summary", "description"},
     "notify": [usernames told], "web_url", "reason" (resolved by a rule's change only),
     "project", "sender"}

``ping`` (``POST .../webhooks/{id}/ping``)::

    {"zen": "...", "hook_id": "3", "hook": {"id", "url", "events", "active"},
     "project", "sender"}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .messages import HookEvent

__all__ = [
    "KINDS",
    "ZEN",
    "Outgoing",
    "PushDetails",
    "RefChange",
    "commit_object",
    "event_body",
    "ping_body",
    "project_object",
    "push_body",
    "ref_changes",
]

#: Outbox event kinds the webhooks subscriber reads (deployment.* joins later).
KINDS = frozenset(
    {
        "git.push",
        *(f"issue.{a}" for a in ("opened", "edited", "closed", "reopened")),
        *(f"issue_comment.{a}" for a in ("created", "edited", "deleted")),
        *(
            f"merge_request.{a}"
            for a in ("opened", "edited", "closed", "reopened", "merged", "ready", "drafted")
        ),
        *(f"merge_request_comment.{a}" for a in ("created", "edited", "deleted")),
        *(f"review.{a}" for a in ("submitted", "dismissed")),
        *(f"pipeline.{a}" for a in ("created", "running", "finished")),
        "alert.firing",
        "alert.resolved",
    }
)

_BY_PREFIX = {
    "issue": HookEvent.ISSUE,
    "issue_comment": HookEvent.ISSUE_COMMENT,
    "merge_request": HookEvent.MERGE_REQUEST,
    "merge_request_comment": HookEvent.ISSUE_COMMENT,
    "review": HookEvent.REVIEW,
    "pipeline": HookEvent.PIPELINE,
    "deployment": HookEvent.DEPLOYMENT,
    "alert": HookEvent.ALERT,
}
_ZERO = re.compile(r"0+")
ZEN = "Small commits, signed deliveries."
MAX_COMMITS = 20


@attrs.frozen
class Outgoing:
    """One delivery's worth of an event: its hook event, action, ref (push only) and body."""

    event: HookEvent
    action: str | None
    ref: str
    body: dict[str, Any]


@attrs.frozen
class RefChange:
    event: HookEvent  # push or tag_push
    ref: str
    before: str
    after: str

    @property
    def created(self) -> bool:
        return _ZERO.fullmatch(self.before) is not None

    @property
    def deleted(self) -> bool:
        return _ZERO.fullmatch(self.after) is not None

    @property
    def action(self) -> str:
        return "created" if self.created else "deleted" if self.deleted else "updated"


@attrs.frozen
class PushDetails:
    """What the repository tells about a ref change (read by ``pushinfo.py``)."""

    forced: bool | None = None
    commits: tuple[dict[str, Any], ...] = ()
    head_commit: dict[str, Any] | None = None


def project_object(project: Mapping[str, Any], public_url: str) -> dict[str, Any]:
    path = str(project.get("path", ""))
    return {
        "id": str(project.get("id", "")),
        "path": path,
        "http_url": f"{public_url}/{path}.git",
    }


def _sender(payload: Mapping[str, Any], actor: str | None) -> dict[str, Any]:
    sender = payload.get("sender")
    if isinstance(sender, Mapping):
        return {"id": sender.get("id"), "username": sender.get("username")}
    return {"id": None, "username": actor}


def ref_changes(payload: Mapping[str, Any]) -> list[RefChange]:
    """A ``git.push`` event's refs as pushes and tag pushes (other refs are not announced)."""
    changes = []
    for item in payload.get("refs", ()):
        ref = str(item.get("ref", ""))
        if ref.startswith("refs/heads/"):
            event = HookEvent.PUSH
        elif ref.startswith("refs/tags/"):
            event = HookEvent.TAG_PUSH
        else:
            continue
        changes.append(RefChange(event, ref, str(item.get("old", "")), str(item.get("new", ""))))
    return changes


def commit_object(
    project_id: str,
    public_url: str,
    *,
    sha: str,
    message: str,
    timestamp: str,
    author_name: str,
    author_email: str,
) -> dict[str, Any]:
    return {
        "id": sha,
        "message": message,
        "timestamp": timestamp,
        "author": {"name": author_name, "email": author_email},
        "url": f"{public_url}/api/projects/{project_id}/repository/commits/{sha}",
    }


def push_body(
    change: RefChange, payload: Mapping[str, Any], details: PushDetails, public_url: str
) -> dict[str, Any]:
    pusher = payload.get("pusher") or {}
    who = {"id": pusher.get("id"), "username": pusher.get("username")}
    return {
        "action": change.action,
        "ref": change.ref,
        "before": change.before,
        "after": change.after,
        "created": change.created,
        "deleted": change.deleted,
        "forced": details.forced,
        "commits": list(details.commits),
        "head_commit": details.head_commit,
        "pusher": who,
        "project": project_object(payload.get("project") or {}, public_url),
        "sender": who,
    }


def event_body(
    kind: str, payload: Mapping[str, Any], *, actor: str | None, public_url: str
) -> Outgoing | None:
    """The delivery of a non-push event, or None for a kind no hook can subscribe to."""
    prefix, _, action = kind.partition(".")
    event = _BY_PREFIX.get(prefix)
    if event is None or not action:
        return None
    body: dict[str, Any] = {"action": action}
    for key, value in payload.items():
        if key not in {"project", "sender", "action"}:
            body[key] = value
    body["project"] = project_object(payload.get("project") or {}, public_url)
    body["sender"] = _sender(payload, actor)
    return Outgoing(event, action, "", body)


def ping_body(
    *,
    hook_id: int,
    url: str,
    events: Sequence[str],
    active: bool,
    project: Mapping[str, Any],
    sender: Mapping[str, Any],
    public_url: str,
) -> dict[str, Any]:
    return {
        "zen": ZEN,
        "hook_id": str(hook_id),
        "hook": {"id": str(hook_id), "url": url, "events": sorted(events), "active": active},
        "project": project_object(project, public_url),
        "sender": dict(sender),
    }
