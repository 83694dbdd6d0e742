"""Merge request handlers: reading, listing, opening, editing, closing and reopening."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import asyncpg

from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.errors import Conflict, ValidationFailed

from . import mergeability, plumbing, queries, rules
from ._base import (
    NOW,
    MergeRequestsBase,
    allowed_strategy,
    dumps,
    keep_ref,
    mr_json,
    sender_of,
    update_row,
)
from .messages import (
    Caller,
    CreateMergeRequest,
    InvolvedProject,
    ListInvolvedProjects,
    ListMergeRequests,
    ListUserMergeRequests,
    MergeRequestPage,
    MergeRequestRecord,
    MergeRequestState,
    UpdateMergeRequest,
    UserRef,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dais.storage.database import Conn


class Requests(MergeRequestsBase):
    """Merge requests themselves: what they propose, who works on them, their state."""

    # --- reading --------------------------------------------------------------------

    async def _get(self, project: pm.ProjectRecord, iid: int) -> MergeRequestRecord:
        async with self._pool.acquire() as conn:
            return await self._record(conn, project, iid)

    async def _list(self, m: ListMergeRequests) -> MergeRequestPage:
        for field in ("author", "label", "source_branch", "target_branch"):
            if "\x00" in (getattr(m, field) or ""):
                raise ValidationFailed(field, "must not contain NUL characters")
        async with self._pool.acquire() as conn:
            rows, total = await queries.merge_request_rows(
                conn,
                m.project.id,
                state=m.state,
                author=m.author,
                label=m.label,
                source_branch=m.source_branch,
                target_branch=m.target_branch,
                limit=m.limit,
                offset=m.offset,
            )
            return MergeRequestPage(await self._records(conn, rows), total)

    async def _involved_projects(self, m: ListInvolvedProjects) -> list[InvolvedProject]:
        async with self._pool.acquire() as conn:
            found = await queries.involved_projects(conn, m.user_id, m.scope, m.state)
        return [InvolvedProject(pid, pm.Visibility(visibility)) for pid, visibility in found]

    async def _user_merge_requests(
        self, m: ListUserMergeRequests
    ) -> tuple[list[MergeRequestRecord], int]:
        if not m.project_ids:
            return [], 0
        async with self._pool.acquire() as conn:
            rows, total = await queries.user_merge_request_rows(
                conn,
                m.user_id,
                scope=m.scope,
                state=m.state,
                project_ids=m.project_ids,
                limit=m.limit,
                offset=m.offset,
            )
            return await self._records(conn, rows), total

    # --- creating and editing ----------------------------------------------------------

    async def _create(self, m: CreateMergeRequest) -> MergeRequestRecord:
        project, caller = m.project, m.caller
        self._writable(project)
        self._require(caller, Permission.MERGE_REQUEST_WRITE)
        title = rules.check_title(m.title)
        body = rules.check_body(m.body)
        source = rules.check_branch(m.source_branch, "source_branch")
        target = rules.check_branch(m.target_branch, "target_branch")
        assignee_names = rules.check_names(list(m.assignees), "assignees")
        reviewer_names = rules.check_names(list(m.reviewers), "reviewers")
        label_names = rules.check_names(list(m.labels), "labels")
        if caller.username in reviewer_names:
            raise ValidationFailed("reviewers", "the author cannot review their own merge request")
        source_head, target_head = await self._branch_heads(project, source, target)
        check = await mergeability.check(self._git_dir(project), source_head, target_head)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                assignees = await queries.users_by_name(conn, "assignees", assignee_names)
                reviewers = await queries.users_by_name(conn, "reviewers", reviewer_names)
                await self._check_readers(conn, project, "assignees", assignees)
                await self._check_readers(conn, project, "reviewers", reviewers)
                labels = await queries.labels_by_name(conn, project.id, label_names)
                iid = await queries.next_iid(conn, project.id)
                mr_id = await conn.fetchval(
                    """
                    INSERT INTO merge_requests (project_id, iid, title, body, author_id,
                        source_branch, target_branch, source_sha, target_sha, draft,
                        merge_check)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb)
                    RETURNING id
                    """,
                    project.id,
                    iid,
                    title,
                    body,
                    caller.user_id,
                    source,
                    target,
                    source_head,
                    target_head,
                    m.draft,
                    dumps(check.to_json()),
                )
                await queries.set_members(
                    conn, "merge_request_assignees", "user_id", mr_id, [u.id for u in assignees]
                )
                await queries.set_members(
                    conn, "merge_request_reviewers", "user_id", mr_id, [u.id for u in reviewers]
                )
                await queries.set_members(
                    conn, "merge_request_labels", "label_id", mr_id, [lb.id for lb in labels]
                )
                record = await self._record(conn, project, iid)
                # Last, so that it fails the transaction rather than follow it. Were the
                # commit to fail, the number is not used up: the next one overwrites the ref.
                await plumbing.set_ref(self._git_dir(project), keep_ref(iid), source_head)
                await self._emit(
                    conn,
                    project,
                    sender_of(caller),
                    "merge_request.opened",
                    merge_request=mr_json(record),
                )
        except asyncpg.UniqueViolationError as exc:
            if "open_pair" in (exc.constraint_name or ""):
                raise Conflict(
                    f"an open merge request already proposes {source} into {target}"
                ) from None
            raise
        return record

    async def _update(self, m: UpdateMergeRequest) -> MergeRequestRecord:
        project, caller, changes = m.project, m.caller, m.changes
        self._writable(project)
        allowed = {
            "title",
            "body",
            "draft",
            "state",
            "target_branch",
            "assignees",
            "reviewers",
            "labels",
            "auto_merge",
            "auto_merge_strategy",
            "auto_merge_delete_source_branch",
            "auto_merge_commit_message",  # only from POST .../merge with auto_merge
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationFailed(sorted(unknown)[0], "cannot be changed")
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await self._locked(conn, project, m.iid)
                self._may_edit(caller, row["author_id"], "merge request")
                before = await self._record(conn, project, m.iid)
                kinds = await self._apply(conn, project, caller, row, before, changes)
                after = await self._record(conn, project, m.iid)
                edited = _edits(before, after)
                sender = sender_of(caller)
                if edited:
                    await self._emit(
                        conn,
                        project,
                        sender,
                        "merge_request.edited",
                        merge_request=mr_json(after),
                        changes=edited,
                    )
                for kind in kinds:
                    await self._emit(conn, project, sender, kind, merge_request=mr_json(after))
        except asyncpg.UniqueViolationError as exc:
            if "open_pair" in (exc.constraint_name or ""):
                raise Conflict(
                    "an open merge request already proposes this source into this target"
                ) from None
            raise
        if after.auto_merge:
            return await self._try_auto_merge(project, after)
        return after

    async def _apply(
        self,
        conn: Conn,
        project: pm.ProjectRecord,
        caller: Caller,
        row: Any,
        before: MergeRequestRecord,
        changes: dict[str, object],
    ) -> list[str]:
        """Write ``changes`` to a locked merge request; return the state events they cause."""
        kinds: list[str] = []
        sets: dict[str, object] = {}
        is_open = before.state is MergeRequestState.OPEN
        if "title" in changes:
            sets["title"] = rules.check_title(changes["title"])
        if "body" in changes:
            sets["body"] = rules.check_body(changes["body"])
        if "draft" in changes and bool(changes["draft"]) != before.draft:
            if not is_open:
                raise Conflict(f"merge request !{before.iid} is {before.state}: it is not open")
            sets["draft"] = bool(changes["draft"])
            kinds.append("merge_request.drafted" if changes["draft"] else "merge_request.ready")
        if "target_branch" in changes and changes["target_branch"] != before.target_branch:
            if not is_open:
                raise Conflict(f"merge request !{before.iid} is {before.state}: it is not open")
            target = rules.check_branch(changes["target_branch"], "target_branch")
            _source_head, target_head = await self._branch_heads(
                project, before.source_branch, target
            )
            sets |= {"target_branch": target, "target_sha": target_head, "merge_check": None}
        auto = {k: changes[k] for k in changes if k.startswith("auto_merge")}
        if auto:
            reopening = changes.get("state") == MergeRequestState.OPEN
            if not is_open and not reopening:
                raise Conflict(f"merge request !{before.iid} is {before.state}: it is not open")
            enabled = bool(auto.get("auto_merge", before.auto_merge))
            strategy = None
            if enabled:  # arming needs the right to merge; anyone who may edit may disarm
                await self._may_merge(
                    project, caller, str(sets.get("target_branch", before.target_branch))
                )
                wanted = auto.get("auto_merge_strategy", before.auto_merge_strategy)
                strategy = allowed_strategy(project, wanted, "auto_merge_strategy").value
            delete_source = enabled and bool(
                auto.get("auto_merge_delete_source_branch", before.auto_merge_delete_source_branch)
            )
            if delete_source:  # refused now rather than when the merge comes
                await self._may_delete_source(
                    project, caller, before.source_branch, before.source_sha
                )
            message = auto.get("auto_merge_commit_message", before.auto_merge_commit_message)
            sets |= {
                "auto_merge": enabled,
                "auto_merge_strategy": strategy,
                "auto_merge_delete_source": delete_source,
                "auto_merge_by": caller.user_id if enabled else None,
                "auto_merge_commit_message": message if enabled else None,
            }
        if "state" in changes and changes["state"] != before.state.value:
            wanted = changes["state"]
            if wanted == MergeRequestState.MERGED:
                raise ValidationFailed("state", "merge with POST .../merge, not by setting it")
            if wanted not in (MergeRequestState.OPEN, MergeRequestState.CLOSED):
                raise ValidationFailed("state", "must be open or closed")
            if before.state is MergeRequestState.MERGED:
                raise Conflict(f"merge request !{before.iid} is merged: it cannot be {wanted}")
            if wanted == MergeRequestState.CLOSED:
                sets |= {
                    "state": "closed",
                    "closed_by": caller.user_id,
                    "closed_at": NOW,
                    "auto_merge": False,
                }
                kinds.append("merge_request.closed")
            else:
                target = str(sets.get("target_branch", before.target_branch))
                source_head, _ = await self._branch_heads(project, before.source_branch, target)
                await plumbing.set_ref(self._git_dir(project), keep_ref(before.iid), source_head)
                sets |= {"state": "open", "closed_by": None, "closed_at": None}
                kinds.append("merge_request.reopened")
        for field, table, column in (
            ("assignees", "merge_request_assignees", "user_id"),
            ("reviewers", "merge_request_reviewers", "user_id"),
        ):
            if field in changes:
                names = rules.check_names(changes[field], field)
                if field == "reviewers" and before.author and before.author.username in names:
                    raise ValidationFailed(
                        "reviewers", "the author cannot review their own merge request"
                    )
                users = await queries.users_by_name(conn, field, names)
                already = {u.id for u in getattr(before, field)}
                await self._check_readers(
                    conn, project, field, [u for u in users if u.id not in already]
                )
                await queries.set_members(conn, table, column, row["id"], [u.id for u in users])
                sets.setdefault("updated_at", NOW)
        if "labels" in changes:
            names = rules.check_names(changes["labels"], "labels")
            found = await queries.labels_by_name(conn, project.id, names)
            await queries.set_members(
                conn, "merge_request_labels", "label_id", row["id"], [lb.id for lb in found]
            )
            sets.setdefault("updated_at", NOW)
        if sets:
            await update_row(conn, row["id"], sets)
        return kinds


def _ref_json(refs: Sequence[UserRef]) -> list[str]:
    return [u.username for u in refs]


def _edits(before: MergeRequestRecord, after: MergeRequestRecord) -> dict[str, Any]:
    """``{field: {"from": old}}`` for the fields an edit changed (state and draft have
    events of their own)."""
    changes: dict[str, Any] = {}
    for field in ("title", "body", "target_branch", "auto_merge", "auto_merge_strategy"):
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            changes[field] = {"from": old.value if hasattr(old, "value") else old}
    for field in ("assignees", "reviewers"):
        old_people, new_people = getattr(before, field), getattr(after, field)
        if old_people != new_people:
            changes[field] = {"from": _ref_json(old_people)}
    if before.labels != after.labels:
        changes["labels"] = {"from": [lb.name for lb in before.labels]}
    return changes
