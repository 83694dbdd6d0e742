"""Pipelines started by other domains' events (delivered by the outbox dispatcher).

``git.push``: each branch updated or created, and each tag created, runs its commit's
pipeline file (event ``push`` or ``tag``); the paths changed since the old head decide
``paths`` rules (unknown for a new branch: every step runs). ``merge_request.opened`` and
``.reopened`` run a ``merge_request`` pipeline on the source head, when the file asks for
such pipelines. Each is keyed by the event's id and ref, so an event delivered twice makes
its pipelines once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.actors.events.messages import Subscriber

from .actor import make_pipelines, wake_runner
from .creation import Request
from .pipeline import Event

if TYPE_CHECKING:
    import asyncpg

    from dais.runtime import ActorSystem
    from dais.storage.outbox import Event as OutboxEvent

    from .actor import BuildsContext

__all__ = ["subscribers"]

_ZERO = "0" * 40


def _int(raw: object) -> int | None:
    text = str(raw or "")
    return int(text) if text.isdecimal() and text.isascii() and len(text) <= 18 else None


def subscribers(
    pool: asyncpg.Pool[Any], system: ActorSystem, context: BuildsContext
) -> list[Subscriber]:
    async def pushed(event: OutboxEvent) -> None:
        payload: dict[str, Any] = dict(event.payload)
        project = payload.get("project") or {}
        project_id = _int(project.get("id"))
        pusher = payload.get("pusher") or {}
        if project_id is None:
            return
        made = 0
        for update in payload.get("refs") or ():
            ref, old, new = update.get("ref", ""), update.get("old", ""), update.get("new", "")
            if new == _ZERO or len(new) != 40:
                continue  # deleted
            if ref.startswith("refs/heads/"):
                kind = Event.PUSH
            elif ref.startswith("refs/tags/") and old == _ZERO:
                kind = Event.TAG
            else:
                continue
            request = Request(
                project_id=project_id,
                project_path=str(project.get("path", "")),
                event=kind,
                ref=ref,
                sha=new,
                created_by=_int(pusher.get("id")),
                actor=pusher.get("username"),
                trigger_key=f"event:{event.id}:{ref}",
            )
            before = None if old == _ZERO else old
            made += len(await make_pipelines(pool, context, request, before))
        if made:
            wake_runner(system)

    async def merge_request(event: OutboxEvent) -> None:
        payload: dict[str, Any] = dict(event.payload)
        project = payload.get("project") or {}
        project_id = _int(project.get("id"))
        mr = payload.get("merge_request") or {}
        sender = payload.get("sender") or {}
        sha = str(mr.get("source_sha") or "")
        branch = mr.get("source_branch")
        if project_id is None or len(sha) != 40 or not branch:
            return
        request = Request(
            project_id=project_id,
            project_path=str(project.get("path", "")),
            event=Event.MERGE_REQUEST,
            ref=f"refs/heads/{branch}",
            sha=sha,
            created_by=_int(sender.get("id")),
            actor=sender.get("username"),
            trigger_key=f"event:{event.id}",
            merge_request_iid=_int(mr.get("iid")),
        )
        if await make_pipelines(pool, context, request):
            wake_runner(system)

    return [
        Subscriber("builds.git-push", pushed, kinds=frozenset({"git.push"}), timeout=60.0),
        Subscriber(
            "builds.merge-request",
            merge_request,
            kinds=frozenset({"merge_request.opened", "merge_request.reopened"}),
            timeout=60.0,
        ),
    ]
