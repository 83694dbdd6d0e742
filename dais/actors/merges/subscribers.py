"""Merge requests' reactions to other domains' events (delivered by the outbox dispatcher).

``git.push`` (from the post-receive hook, the branch API, and merges themselves): the merge
requests whose source or target branch moved are re-examined by the merge requests actor:
stale approvals dismissed where the target's rule says so, mergeability recomputed, and
those armed with auto merge merged once nothing blocks them. Idempotent on redelivery: the
actor looks at where the branches are now, not at what the event says they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.actors.events.messages import Subscriber

from .messages import HeadStatusChanged, PushReceived

if TYPE_CHECKING:
    from dais.runtime import ActorRef
    from dais.storage.outbox import Event

__all__ = ["subscribers"]

# A push can touch many merge requests (each a merge-tree, maybe a merge): allow it time.
_TIMEOUT = 120.0


def subscribers(merge_requests: ActorRef[Any]) -> list[Subscriber]:
    async def pushed(event: Event) -> None:
        await merge_requests.ask(PushReceived(event.id, dict(event.payload)), timeout=_TIMEOUT)

    async def status_changed(event: Event) -> None:
        payload = dict(event.payload)
        project_id = str((payload.get("project") or {}).get("id", ""))
        sha = payload.get("sha") or (payload.get("pipeline") or {}).get("sha")
        if not (project_id.isdecimal() and project_id.isascii()) or not isinstance(sha, str):
            return
        await merge_requests.ask(HeadStatusChanged(int(project_id), sha), timeout=_TIMEOUT)

    return [
        Subscriber(
            "merge_requests.head-status",
            status_changed,
            kinds=frozenset({"pipeline.finished", "commit_status.updated"}),
            timeout=_TIMEOUT + 5,
        ),
        Subscriber(
            "merge_requests.git-push",
            pushed,
            kinds=frozenset({"git.push"}),
            timeout=_TIMEOUT + 5,
        ),
    ]
