"""What the merge requests actor's handler groups share: its state, reading merge requests
with fresh mergeability, the permission checks, emitting events, and small helpers.

The handler groups (``_requests``, ``_discussions``, ``_merging``, ``_pushes``) are mixins on
:class:`MergeRequestsBase`; ``actor.MergeRequestsActor`` composes them.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

import attrs

from dais.actors.builds import statuses as build_statuses
from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.projects.protection import ZERO_SHA, RefUpdate, check_ref_update
from dais.errors import Forbidden, NotFound, ValidationFailed
from dais.runtime import Actor, Fault
from dais.storage import outbox

from . import mergeability, plumbing, queries, views
from .messages import (
    Caller,
    MergeRequestMessage,
    MergeRequestRecord,
    MergeRequestState,
    MergeStrategy,
    PipelineBrief,
    UpdateMergeRequest,
    UserRef,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import asyncpg

    from dais.actors.projects.protection import BranchRule
    from dais.storage.database import Conn

__all__ = ["MergeRequestsBase"]

log = logging.getLogger("dais.actors.merges.actor")

ASK_TIMEOUT = 10.0


def sender_of(caller: Caller) -> UserRef:
    return UserRef(caller.user_id, caller.username)


def envelope(project: pm.ProjectRecord, sender: UserRef) -> dict[str, Any]:
    """What every event payload starts with: the project and who caused it."""
    return {
        "project": {"id": str(project.id), "path": project.path},
        "sender": {"id": str(sender.id), "username": sender.username},
    }


def mr_json(record: MergeRequestRecord) -> dict[str, Any]:
    """A merge request as ``GET .../merge-requests/{iid}`` returns it (events carry this)."""
    return views.to_json(views.merge_request_out(record))


def keep_ref(iid: int) -> str:
    """The ref that keeps a merge request's latest source head reachable (as GitLab's
    ``refs/merge-requests/<iid>/head``), also once its source branch is deleted. Clients cannot
    push to it: the pre-receive hook accepts only ``refs/heads/`` and ``refs/tags/``."""
    return f"refs/merge-requests/{iid}/head"


class MergeRequestsBase(Actor[MergeRequestMessage]):
    """The merge requests actor's state; the handler groups (mixins) build on it."""

    concurrency = 16
    # Its state is PostgreSQL and the repositories' refs, moved by one compare-and-swap
    # ``update-ref`` and put back if the database commit fails; the instance holds only its
    # pool and data directory. A fault cannot leave it half-changed, so the actor resumes
    # (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], data_dir: Path) -> None:
        self._pool = pool
        self._data_dir = data_dir

    # --- implemented by the handler groups ---------------------------------------------

    async def _update(self, m: UpdateMergeRequest) -> MergeRequestRecord:
        """Edit a merge request (see ``_requests``)."""
        raise NotImplementedError

    async def _try_auto_merge(
        self, project: pm.ProjectRecord, record: MergeRequestRecord
    ) -> MergeRequestRecord:
        """Merge ``record`` now if it is armed and nothing blocks it (see ``_merging``)."""
        raise NotImplementedError

    # --- helpers -----------------------------------------------------------------------

    def _git_dir(self, project: pm.ProjectRecord) -> Path:
        return pm.repository_path(self._data_dir, project.id)

    async def _rules(self, project_id: int) -> list[BranchRule]:
        found: list[BranchRule] = await self.system.ref("projects").ask(
            pm.ListBranchRules(project_id), timeout=ASK_TIMEOUT
        )
        return found

    async def _records(self, conn: Conn, rows: Sequence[Any]) -> list[MergeRequestRecord]:
        """Records for merge request rows (of one project or several), with fresh
        mergeability (recomputed, and kept, for those whose branches moved since the last
        check)."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        assignees = await queries.people_of(conn, "merge_request_assignees", ids)
        reviewers = await queries.people_of(conn, "merge_request_reviewers", ids)
        labels = await queries.labels_of(conn, ids)
        reviews = await queries.reviews_of(conn, ids)
        branch_rules: dict[int, list[BranchRule]] = {}
        heads: dict[int, dict[str, str | None]] = {}
        required: dict[int, bool] = {}
        for project_id in dict.fromkeys(r["project_id"] for r in rows):
            branch_rules[project_id] = await self._rules(project_id)
            required[project_id] = bool(
                await conn.fetchval(
                    "SELECT pipeline_must_succeed FROM projects WHERE id = $1", project_id
                )
            )
            open_rows = [
                r
                for r in rows
                if r["project_id"] == project_id and r["state"] == MergeRequestState.OPEN
            ]
            heads[project_id] = await plumbing.branch_heads(
                pm.repository_path(self._data_dir, project_id),
                {r["source_branch"] for r in open_rows} | {r["target_branch"] for r in open_rows},
            )
        out = []
        for r in rows:
            state = MergeRequestState(r["state"])
            source_sha, target_sha = r["source_sha"], r["target_sha"]
            source_head = target_head = None
            check = None
            git_dir = pm.repository_path(self._data_dir, r["project_id"])
            if state is MergeRequestState.OPEN:
                found = heads[r["project_id"]]
                source_head, target_head = found[r["source_branch"]], found[r["target_branch"]]
                check = mergeability.MergeCheck.from_json(json_value(r["merge_check"]))
                if source_head is not None and target_head is not None:
                    if check is None or not check.holds_for(source_head, target_head):
                        check = await mergeability.check(git_dir, source_head, target_head)
                        await queries.save_check(conn, r["id"], check)
                    source_sha, target_sha = source_head, target_head
                else:
                    source_sha = source_head or source_sha
                    target_sha = target_head or target_sha
            protection = mergeability.protection(branch_rules[r["project_id"]], r["target_branch"])
            approvals = mergeability.approvals(
                reviews.get(r["id"], ()),
                author_id=r["author_id"],
                source_head=source_sha,
                rules=protection,
            )
            pipeline = await conn.fetchrow(
                "SELECT number, state FROM pipelines WHERE project_id = $1 AND sha = $2 "
                "ORDER BY number DESC LIMIT 1",
                r["project_id"],
                source_sha,
            )
            head_state = None
            if state is MergeRequestState.OPEN and required[r["project_id"]]:
                head_state = await build_statuses.combined(conn, r["project_id"], source_sha)
            status = mergeability.merge_status(
                state=state,
                draft=r["draft"],
                source_head=source_head,
                target_head=target_head,
                merge_check=check,
                approvals=approvals,
                rules=protection,
                pipeline_required=required[r["project_id"]],
                pipeline_state=None if head_state is None else str(head_state),
            )
            if state is not MergeRequestState.OPEN:
                # What the merge request held when it was merged or closed.
                stored = mergeability.MergeCheck.from_json(json_value(r["merge_check"]))
                if stored is not None and stored.holds_for(source_sha, target_sha):
                    status = attrs.evolve(status, merge_base=stored.base)
            out.append(
                MergeRequestRecord(
                    id=r["id"],
                    project_id=r["project_id"],
                    iid=r["iid"],
                    title=r["title"],
                    body=r["body"],
                    state=state,
                    draft=r["draft"],
                    author=queries.user(r["author_id"], r["author_name"]),
                    source_branch=r["source_branch"],
                    target_branch=r["target_branch"],
                    source_sha=source_sha,
                    target_sha=target_sha,
                    assignees=assignees.get(r["id"], ()),
                    reviewers=reviewers.get(r["id"], ()),
                    labels=labels.get(r["id"], ()),
                    approvals=approvals,
                    status=status,
                    auto_merge=r["auto_merge"],
                    auto_merge_strategy=strategy_of(r["auto_merge_strategy"]),
                    auto_merge_delete_source_branch=r["auto_merge_delete_source"],
                    auto_merge_by=queries.user(r["auto_merge_by"], r["auto_merge_by_name"]),
                    merged_by=queries.user(r["merged_by"], r["merged_by_name"]),
                    pipeline=None
                    if pipeline is None
                    else PipelineBrief(pipeline["number"], pipeline["state"]),
                    merged_at=r["merged_at"],
                    merge_commit_sha=r["merge_commit_sha"],
                    merge_strategy=strategy_of(r["merge_strategy"]),
                    closed_by=queries.user(r["closed_by"], r["closed_by_name"]),
                    closed_at=r["closed_at"],
                    created_at=r["created_at"],
                    updated_at=r["updated_at"],
                    auto_merge_commit_message=r["auto_merge_commit_message"],
                    project_path=r.get("project_path"),
                )
            )
        return out

    async def _record(self, conn: Conn, project: pm.ProjectRecord, iid: int) -> MergeRequestRecord:
        row = await queries.merge_request_row(conn, project.id, iid)
        if row is None:
            raise NotFound(f"merge request !{iid} does not exist in {project.path}")
        return (await self._records(conn, [row]))[0]

    async def _locked(self, conn: Conn, project: pm.ProjectRecord, iid: int) -> Any:
        row = await queries.merge_request_row(conn, project.id, iid, lock=True)
        if row is None:
            raise NotFound(f"merge request !{iid} does not exist in {project.path}")
        return row

    @staticmethod
    def _writable(project: pm.ProjectRecord) -> None:
        if project.archived:
            raise Forbidden(f"project {project.path} is archived: it is read-only")

    @staticmethod
    def _require(caller: Caller, permission: Permission) -> None:
        if permission not in caller.permissions:
            raise Forbidden(f"this needs the {permission} permission on the project")

    @staticmethod
    def _may_edit(caller: Caller, author_id: int | None, what: str) -> None:
        """Editing needs ``merge_request:write``, or being the author; an author calling with
        a token needs one whose scopes allow ``merge_request:write``.

        :raises Forbidden: naming what is missing.
        """
        if Permission.MERGE_REQUEST_WRITE in caller.permissions:
            return
        if author_id is None or author_id != caller.user_id:
            raise Forbidden(f"only the author or a holder of merge_request:write may edit a {what}")
        if not caller.scope_allows(Permission.MERGE_REQUEST_WRITE):
            raise Forbidden(f"this token needs the {Permission.MERGE_REQUEST_WRITE} scope")

    async def _check_readers(
        self, conn: Conn, project: pm.ProjectRecord, field: str, users: Sequence[UserRef]
    ) -> None:
        """Assignees and reviewers must be able to see the merge request: in a private
        project, only those holding ``project:read`` on it can.

        :raises ValidationFailed: naming ``field`` and the first user who cannot.
        """
        if project.visibility is not pm.Visibility.PRIVATE or not users:
            return
        identity = self.system.ref("identity")
        for found in await queries.principals(conn, [u.id for u in users]):
            held = await identity.ask(im.Permissions(found, project.id), timeout=ASK_TIMEOUT)
            if Permission.PROJECT_READ not in held:
                raise ValidationFailed(
                    field, f"user {found.username!r} is not a member of {project.path}"
                )

    async def _may_merge(self, project: pm.ProjectRecord, caller: Caller, target: str) -> None:
        self._require(caller, Permission.MERGE_REQUEST_MERGE)
        protection = mergeability.protection(await self._rules(project.id), target)
        refusal = protection.merge_refusal(caller.roles, caller.is_admin)
        if refusal is not None:
            raise Forbidden(refusal)

    async def _may_delete_source(
        self, project: pm.ProjectRecord, caller: Caller, branch: str, head: str
    ) -> None:
        """Deleting the source branch with the merge is a push: it needs ``project:write``
        and must be allowed by the branch's protection.

        :raises Forbidden: naming ``delete_source_branch`` and why.
        """
        if Permission.PROJECT_WRITE not in caller.permissions:
            raise Forbidden(
                f"delete_source_branch: this needs the {Permission.PROJECT_WRITE} permission"
            )
        deletion = RefUpdate(f"refs/heads/{branch}", head, ZERO_SHA, False)
        reason = check_ref_update(
            deletion,
            rules=await self._rules(project.id),
            default_branch=project.default_branch,
            roles=caller.roles,
            is_admin=caller.is_admin,
        )
        if reason is not None:
            raise Forbidden(f"delete_source_branch: {reason}")

    async def _close_referenced(
        self,
        conn: Conn,
        project: pm.ProjectRecord,
        sender: UserRef,
        own_iid: int,
        iids: Sequence[int],
    ) -> list[int]:
        """Close the open merge requests a merged one says it closes (``Closes !N``)."""
        closed = []
        for iid in iids:
            if iid == own_iid:
                continue
            row = await queries.merge_request_row(conn, project.id, iid, lock=True)
            if row is None or row["state"] != MergeRequestState.OPEN:
                continue
            await update_row(
                conn,
                row["id"],
                {"state": "closed", "closed_by": sender.id, "closed_at": NOW, "auto_merge": False},
            )
            record = await self._record(conn, project, iid)
            await self._emit(
                conn, project, sender, "merge_request.closed", merge_request=mr_json(record)
            )
            closed.append(iid)
        return closed

    async def _emit(
        self,
        conn: Conn,
        project: pm.ProjectRecord,
        sender: UserRef,
        kind: str,
        **body: Any,
    ) -> None:
        await outbox.emit(
            conn,
            kind,
            envelope(project, sender) | body,
            key=str(project.id),
            actor=sender.username,
        )

    async def _branch_heads(
        self, project: pm.ProjectRecord, source: str, target: str
    ) -> tuple[str, str]:
        """Both branches' heads, for a merge request being proposed or retargeted.

        :raises ValidationFailed: a branch does not exist, or both are the same.
        """
        if source == target:
            raise ValidationFailed("target_branch", "must differ from the source branch")
        heads = await plumbing.branch_heads(self._git_dir(project), (source, target))
        for field, name in (("source_branch", source), ("target_branch", target)):
            if heads[name] is None:
                raise ValidationFailed(field, f"branch {name!r} does not exist in {project.path}")
        source_head, target_head = heads[source], heads[target]
        assert source_head is not None and target_head is not None
        return source_head, target_head


# --- module helpers ------------------------------------------------------------------


class _Now:
    """Stands for ``now()`` in :func:`update_row`."""


NOW = _Now()


async def update_row(conn: Conn, merge_request_id: int, sets: dict[str, object]) -> None:
    """``UPDATE merge_requests SET ...`` (column names are the code's own, never input);
    ``updated_at`` moves unless ``sets`` names it."""
    parts: list[str] = []
    args: list[object] = [merge_request_id]
    for column, value in sets.items():
        if isinstance(value, _Now):
            parts.append(f"{column} = now()")
            continue
        args.append(value)
        cast = "::text::jsonb" if column == "merge_check" else ""
        parts.append(f"{column} = ${len(args)}{cast}")
    if "updated_at" not in sets:
        parts.append("updated_at = now()")
    await conn.execute(f"UPDATE merge_requests SET {', '.join(parts)} WHERE id = $1", *args)


def json_value(value: Any) -> Any:
    """A jsonb column as asyncpg returns it (text, unless a codec is set)."""
    return json.loads(value) if isinstance(value, str) else value


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def strategy_of(value: str | None) -> MergeStrategy | None:
    return None if value is None else MergeStrategy(value)


def allowed_strategy(project: pm.ProjectRecord, wanted: object, field: str) -> MergeStrategy:
    """``wanted`` (None: the project's first allowed strategy), if the project allows it."""
    allowed = project.merge_strategies
    if wanted is None:
        return allowed[0]
    try:
        strategy = MergeStrategy(str(wanted))
    except ValueError:
        known = ", ".join(s.value for s in MergeStrategy)
        raise ValidationFailed(field, f"unknown strategy {wanted!r} (known: {known})") from None
    if strategy not in allowed:
        raise ValidationFailed(
            field,
            f"{strategy} is not allowed in {project.path} "
            f"(allowed: {', '.join(s.value for s in allowed)})",
        )
    return strategy
