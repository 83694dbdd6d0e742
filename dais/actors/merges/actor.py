"""The merge requests actor: merge requests, their comments and reviews, and merging.

Every change and the events it causes are written in one transaction. A merge computes the
new commits first (objects only, see :mod:`.strategies`), then, in one transaction, marks
the merge request merged, writes its events and moves the refs with a compare-and-swap
(``git update-ref --stdin``): if git refuses (a branch moved meanwhile), the transaction
rolls back and neither the refs nor the rows change.

Mergeability is computed with ``git merge-tree`` and kept on the row for the branch heads it
was made for. Reads recompute it when either branch has moved since (so a read is never
stale), and the ``git.push`` subscriber (:mod:`.subscribers`) re-examines the merge
requests whose branches a push moved: it dismisses stale approvals where the target's rule
says so, refreshes the check, and merges those armed with auto merge.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

import asyncpg
import attrs

from dais.actors.identity import audit
from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.projects.protection import ZERO_SHA, BranchRule, RefUpdate, check_ref_update
from dais.errors import Conflict, DomainError, Forbidden, NotFound, ValidationFailed
from dais.runtime import Actor
from dais.storage import outbox

from . import mergeability, plumbing, queries, rules, strategies, views
from .messages import (
    Caller,
    CommentRecord,
    CreateComment,
    CreateMergeRequest,
    DeleteComment,
    GetMergeRequest,
    ListComments,
    ListMergeRequests,
    ListReviews,
    Merge,
    MergeOutcome,
    MergeRequestMessage,
    MergeRequestPage,
    MergeRequestRecord,
    MergeRequestState,
    MergeStrategy,
    PushReceived,
    ReviewRecord,
    ReviewState,
    SubmitReview,
    UpdateComment,
    UpdateMergeRequest,
    UserRef,
)
from .references import closing_references

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from dais.storage.database import Conn

__all__ = ["MergeRequestsActor"]

log = logging.getLogger(__name__)

_MAX_MESSAGES = 1000  # commit messages read for closing references
_LINE_CHECK_LIMIT = 1 << 20  # a line comment's line is checked against files up to 1 MiB
_ASK_TIMEOUT = 10.0


def _sender(caller: Caller) -> UserRef:
    return UserRef(caller.user_id, caller.username)


def _envelope(project: pm.ProjectRecord, sender: UserRef) -> dict[str, Any]:
    return {
        "project": {"id": str(project.id), "path": project.path},
        "sender": {"id": str(sender.id), "username": sender.username},
    }


def _mr_json(record: MergeRequestRecord) -> dict[str, Any]:
    return views.to_json(views.merge_request_out(record))


def _ref_json(refs: Sequence[UserRef]) -> list[str]:
    return [u.username for u in refs]


class MergeRequestsActor(Actor[MergeRequestMessage]):
    concurrency = 16
    mailbox_size = 1024

    def __init__(self, pool: asyncpg.Pool[Any], data_dir: Path) -> None:
        self._pool = pool
        self._data_dir = data_dir

    async def receive(self, message: MergeRequestMessage) -> Any:
        match message:
            case GetMergeRequest():
                return await self._get(message.project, message.iid)
            case ListMergeRequests():
                return await self._list(message)
            case CreateMergeRequest():
                return await self._create(message)
            case UpdateMergeRequest():
                return await self._update(message)
            case Merge():
                return await self._merge(message)
            case ListComments():
                return await self._comments(message)
            case CreateComment():
                return await self._create_comment(message)
            case UpdateComment():
                return await self._update_comment(message)
            case DeleteComment():
                return await self._delete_comment(message)
            case ListReviews():
                return await self._reviews(message)
            case SubmitReview():
                return await self._submit_review(message)
            case PushReceived():
                return await self._push(message)

    # --- helpers ---------------------------------------------------------------------

    def _git_dir(self, project: pm.ProjectRecord) -> Path:
        return pm.repository_path(self._data_dir, project.id)

    async def _rules(self, project_id: int) -> list[BranchRule]:
        found: list[BranchRule] = await self.system.ref("projects").ask(
            pm.ListBranchRules(project_id), timeout=_ASK_TIMEOUT
        )
        return found

    async def _records(
        self, conn: Conn, project: pm.ProjectRecord, rows: Sequence[Any]
    ) -> list[MergeRequestRecord]:
        """Records for merge request rows, with fresh mergeability (recomputed, and kept,
        for those whose branches moved since the last check)."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        assignees = await queries.people_of(conn, "merge_request_assignees", ids)
        reviewers = await queries.people_of(conn, "merge_request_reviewers", ids)
        labels = await queries.labels_of(conn, ids)
        reviews = await queries.reviews_of(conn, ids)
        branch_rules = await self._rules(project.id)
        git_dir = self._git_dir(project)
        open_rows = [r for r in rows if r["state"] == MergeRequestState.OPEN]
        heads = await plumbing.branch_heads(
            git_dir,
            {r["source_branch"] for r in open_rows} | {r["target_branch"] for r in open_rows},
        )
        out = []
        for r in rows:
            state = MergeRequestState(r["state"])
            source_sha, target_sha = r["source_sha"], r["target_sha"]
            source_head = target_head = None
            check = None
            if state is MergeRequestState.OPEN:
                source_head, target_head = heads[r["source_branch"]], heads[r["target_branch"]]
                check = mergeability.MergeCheck.from_json(_json(r["merge_check"]))
                if source_head is not None and target_head is not None:
                    if check is None or not check.holds_for(source_head, target_head):
                        check = await mergeability.check(git_dir, source_head, target_head)
                        await queries.save_check(conn, r["id"], check)
                    source_sha, target_sha = source_head, target_head
                else:
                    source_sha = source_head or source_sha
                    target_sha = target_head or target_sha
            protection = mergeability.protection(branch_rules, r["target_branch"])
            approvals = mergeability.approvals(
                reviews.get(r["id"], ()),
                author_id=r["author_id"],
                source_head=source_sha,
                rules=protection,
            )
            status = mergeability.merge_status(
                state=state,
                draft=r["draft"],
                source_head=source_head,
                target_head=target_head,
                merge_check=check,
                approvals=approvals,
                rules=protection,
            )
            if state is not MergeRequestState.OPEN:
                # What the merge request held when it was merged or closed.
                stored = mergeability.MergeCheck.from_json(_json(r["merge_check"]))
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
                    auto_merge_strategy=_strategy(r["auto_merge_strategy"]),
                    auto_merge_delete_source_branch=r["auto_merge_delete_source"],
                    auto_merge_by=queries.user(r["auto_merge_by"], r["auto_merge_by_name"]),
                    merged_by=queries.user(r["merged_by"], r["merged_by_name"]),
                    merged_at=r["merged_at"],
                    merge_commit_sha=r["merge_commit_sha"],
                    merge_strategy=_strategy(r["merge_strategy"]),
                    closed_by=queries.user(r["closed_by"], r["closed_by_name"]),
                    closed_at=r["closed_at"],
                    created_at=r["created_at"],
                    updated_at=r["updated_at"],
                )
            )
        return out

    async def _record(self, conn: Conn, project: pm.ProjectRecord, iid: int) -> MergeRequestRecord:
        row = await queries.merge_request_row(conn, project.id, iid)
        if row is None:
            raise NotFound(f"merge request !{iid} does not exist in {project.path}")
        return (await self._records(conn, project, [row]))[0]

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

    async def _may_merge(self, project: pm.ProjectRecord, caller: Caller, target: str) -> None:
        self._require(caller, Permission.MERGE_REQUEST_MERGE)
        protection = mergeability.protection(await self._rules(project.id), target)
        refusal = protection.merge_refusal(caller.roles, caller.is_admin)
        if refusal is not None:
            raise Forbidden(refusal)

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
            _envelope(project, sender) | body,
            key=str(project.id),
            actor=sender.username,
        )

    # --- reading ---------------------------------------------------------------------

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
            return MergeRequestPage(await self._records(conn, m.project, rows), total)

    # --- creating and editing ----------------------------------------------------------

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
                    _dumps(check.to_json()),
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
                await self._emit(
                    conn,
                    project,
                    _sender(caller),
                    "merge_request.opened",
                    merge_request=_mr_json(record),
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
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationFailed(sorted(unknown)[0], "cannot be changed")
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await self._locked(conn, project, m.iid)
                is_author = row["author_id"] == caller.user_id
                if not is_author and Permission.MERGE_REQUEST_WRITE not in caller.permissions:
                    raise Forbidden(
                        "only the author or a holder of merge_request:write may edit it"
                    )
                before = await self._record(conn, project, m.iid)
                kinds = await self._apply(conn, project, caller, row, before, changes)
                after = await self._record(conn, project, m.iid)
                edited = _edits(before, after)
                sender = _sender(caller)
                if edited:
                    await self._emit(
                        conn,
                        project,
                        sender,
                        "merge_request.edited",
                        merge_request=_mr_json(after),
                        changes=edited,
                    )
                for kind in kinds:
                    await self._emit(conn, project, sender, kind, merge_request=_mr_json(after))
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
                strategy = _allowed_strategy(project, wanted, "auto_merge_strategy").value
            sets |= {
                "auto_merge": enabled,
                "auto_merge_strategy": strategy,
                "auto_merge_delete_source": bool(
                    auto.get(
                        "auto_merge_delete_source_branch", before.auto_merge_delete_source_branch
                    )
                )
                and enabled,
                "auto_merge_by": caller.user_id if enabled else None,
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
                    "closed_at": _NOW,
                    "auto_merge": False,
                }
                kinds.append("merge_request.closed")
            else:
                target = str(sets.get("target_branch", before.target_branch))
                await self._branch_heads(project, before.source_branch, target)
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
                await queries.set_members(conn, table, column, row["id"], [u.id for u in users])
                sets.setdefault("updated_at", _NOW)
        if "labels" in changes:
            names = rules.check_names(changes["labels"], "labels")
            found = await queries.labels_by_name(conn, project.id, names)
            await queries.set_members(
                conn, "merge_request_labels", "label_id", row["id"], [lb.id for lb in found]
            )
            sets.setdefault("updated_at", _NOW)
        if sets:
            await _update_row(conn, row["id"], sets)
        return kinds

    # --- merging ---------------------------------------------------------------------

    async def _merge(self, m: Merge) -> MergeOutcome:
        project, caller = m.project, m.caller
        self._writable(project)
        git_dir = self._git_dir(project)
        async with self._pool.acquire() as conn:
            record = await self._record(conn, project, m.iid)
        await self._may_merge(project, caller, record.target_branch)
        if record.state is not MergeRequestState.OPEN:
            raise Conflict(f"merge request !{m.iid} is {record.state}: only an open one merges")
        strategy = _allowed_strategy(project, m.strategy, "strategy")
        if m.commit_message is not None:
            if strategy in (MergeStrategy.REBASE, MergeStrategy.FAST_FORWARD):
                raise ValidationFailed(
                    "commit_message", f"{strategy} keeps the source commits and writes none"
                )
            rules.check_body(m.commit_message, "commit_message", allow_empty=False)
        if m.auto_merge and not record.status.mergeable:
            return MergeOutcome(False, await self._arm(project, caller, record, m, strategy))
        if not record.status.mergeable:
            raise Conflict(
                f"merge request !{m.iid} cannot be merged: {', '.join(record.status.blockers)}",
                extra={
                    "blockers": list(record.status.blockers),
                    "conflicts": list(record.status.conflicts),
                },
            )
        source, target = record.source_sha, record.target_sha
        if m.sha is not None and m.sha != source:
            raise Conflict(
                f"the source branch is at {source}, not {m.sha}: review the new commits first"
            )
        branch_rules = await self._rules(project.id)
        if m.delete_source_branch:
            deletion = RefUpdate(f"refs/heads/{record.source_branch}", source, ZERO_SHA, False)
            reason = check_ref_update(
                deletion,
                rules=branch_rules,
                default_branch=project.default_branch,
                roles=caller.roles,
                is_admin=caller.is_admin,
            )
            if reason is not None:
                raise Forbidden(f"delete_source_branch: {reason}")
        async with self._pool.acquire() as conn:
            persons = await queries.people(
                conn, [caller.user_id] + ([record.author.id] if record.author else [])
            )
        merger = _identity(persons.get(caller.user_id), caller.username)
        author = _identity(
            persons.get(record.author.id) if record.author else None,
            record.author.username if record.author else "ghost",
        )
        message = m.commit_message or await self._default_message(
            git_dir, project, record, strategy
        )
        new_head = await strategies.land(
            git_dir,
            strategy,
            source=source,
            target=target,
            message=message,
            mr_author=author,
            merger=merger,
        )
        texts = [
            record.body,
            *await plumbing.commit_messages(git_dir, target, source, _MAX_MESSAGES),
        ]
        if strategy in (MergeStrategy.MERGE, MergeStrategy.SQUASH):
            texts.append(message)
        closing = closing_references(texts)
        refs = [plumbing.RefChange(f"refs/heads/{record.target_branch}", target, new_head)]
        if m.delete_source_branch:
            refs.append(plumbing.RefChange(f"refs/heads/{record.source_branch}", source, ZERO_SHA))
        sender = _sender(caller)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, project, m.iid)
            if row["state"] != MergeRequestState.OPEN:
                raise Conflict(
                    f"merge request !{m.iid} is {row['state']}: it was changed meanwhile"
                )
            current = await self._record(conn, project, m.iid)
            if current.source_sha != source or not current.status.mergeable:
                raise Conflict(
                    f"merge request !{m.iid} changed during the merge "
                    f"({', '.join(current.status.blockers) or 'new commits'}); try again"
                )
            await _update_row(
                conn,
                row["id"],
                {
                    "state": "merged",
                    "merged_by": caller.user_id,
                    "merged_at": _NOW,
                    "merge_commit_sha": new_head,
                    "merge_strategy": strategy.value,
                    "source_sha": source,
                    "target_sha": target,
                    "auto_merge": False,
                },
            )
            closed = await self._close_referenced(
                conn, project, sender, m.iid, closing.merge_requests
            )
            await audit.record(
                conn,
                caller.audit,
                "merge_request.merge",
                "project",
                project.id,
                {
                    "iid": m.iid,
                    "strategy": strategy.value,
                    "target": record.target_branch,
                    "old": target,
                    "new": new_head,
                    "source_deleted": m.delete_source_branch,
                },
            )
            merged = await self._record(conn, project, m.iid)
            await self._emit(
                conn,
                project,
                sender,
                "merge_request.merged",
                merge_request=_mr_json(merged)
                | {
                    "closes_issues": list(closing.issues),
                    "closes_merge_requests": closed,
                },
            )
            # update-ref runs no hooks: this event is how other consumers see the push.
            await outbox.emit(
                conn,
                "git.push",
                {
                    "project": {"id": str(project.id), "path": project.path},
                    "pusher": {"id": str(caller.user_id), "username": caller.username},
                    "refs": [{"ref": r.ref, "old": r.old, "new": r.new} for r in refs],
                    "via": "merge_request",
                },
                key=str(project.id),
                actor=caller.username,
            )
            try:
                await plumbing.update_refs(git_dir, refs)
            except plumbing.GitError:
                log.info("merge of %s!%d lost a race: %s", project.path, m.iid, refs)
                raise Conflict(
                    f"{record.target_branch} or {record.source_branch} moved during the merge; "
                    "nothing was changed: try again"
                ) from None
        return MergeOutcome(True, merged)

    async def _default_message(
        self,
        git_dir: Path,
        project: pm.ProjectRecord,
        record: MergeRequestRecord,
        strategy: MergeStrategy,
    ) -> str:
        reference = f"See merge request {project.path}!{record.iid}"
        if strategy is MergeStrategy.SQUASH:
            subjects = [
                m.split("\n", 1)[0]
                for m in await plumbing.commit_messages(
                    git_dir, record.target_sha, record.source_sha, 100
                )
            ]
            listed = "".join(f"* {s}\n" for s in reversed(subjects))
            return f"{record.title}\n\n{listed}\n{reference}\n"
        return (
            f"Merge branch '{record.source_branch}' into '{record.target_branch}'\n\n"
            f"{record.title}\n\n{reference}\n"
        )

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
            await _update_row(
                conn,
                row["id"],
                {"state": "closed", "closed_by": sender.id, "closed_at": _NOW, "auto_merge": False},
            )
            record = await self._record(conn, project, iid)
            await self._emit(
                conn, project, sender, "merge_request.closed", merge_request=_mr_json(record)
            )
            closed.append(iid)
        return closed

    async def _arm(
        self,
        project: pm.ProjectRecord,
        caller: Caller,
        record: MergeRequestRecord,
        m: Merge,
        strategy: MergeStrategy,
    ) -> MergeRequestRecord:
        """Auto merge: remember to merge once nothing blocks."""
        lasting = {"source_branch_missing", "target_branch_missing", "unrelated_histories"}
        stuck = lasting & set(record.status.blockers)
        if stuck:
            raise Conflict(
                f"merge request !{m.iid} cannot be merged: {', '.join(sorted(stuck))}",
                extra={"blockers": list(record.status.blockers)},
            )
        changes: dict[str, object] = {
            "auto_merge": True,
            "auto_merge_strategy": strategy.value,
            "auto_merge_delete_source_branch": m.delete_source_branch,
        }
        return await self._update(UpdateMergeRequest(project, m.iid, caller, changes))

    async def _try_auto_merge(
        self, project: pm.ProjectRecord, record: MergeRequestRecord
    ) -> MergeRequestRecord:
        """Merge ``record`` now if it is armed and nothing blocks it; else return it as is."""
        if (
            not record.auto_merge
            or not record.status.mergeable
            or record.state is not MergeRequestState.OPEN
        ):
            return record
        if record.auto_merge_by is None:
            return record
        caller = await self._caller_of(record.auto_merge_by.id, project)
        if caller is None:
            log.warning("auto merge of %s!%d: its user is gone", project.path, record.iid)
            return record
        try:
            outcome = await self._merge(
                Merge(
                    project=project,
                    iid=record.iid,
                    caller=caller,
                    strategy=record.auto_merge_strategy,
                    delete_source_branch=record.auto_merge_delete_source_branch,
                    commit_message=None,
                    sha=None,
                    auto_merge=False,
                )
            )
        except DomainError as exc:
            log.warning("auto merge of %s!%d failed: %s", project.path, record.iid, exc)
            return record
        return outcome.merge_request

    async def _caller_of(self, user_id: int, project: pm.ProjectRecord) -> Caller | None:
        """The user who armed auto merge, with what they may do on the project now."""
        identity = self.system.ref("identity")
        try:
            user: im.UserRecord = await identity.ask(im.GetUser(user_id), timeout=_ASK_TIMEOUT)
        except NotFound:
            return None
        if not user.active:
            return None
        who = im.Principal(
            user_id=user.id, username=user.username, kind=user.kind, is_admin=user.is_admin
        )
        held = await identity.ask(im.Permissions(who, project.id), timeout=_ASK_TIMEOUT)
        assignments: list[im.AssignmentRecord] = await identity.ask(
            im.ListAssignments(user.id), timeout=_ASK_TIMEOUT
        )
        return Caller(
            user_id=user.id,
            username=user.username,
            permissions=frozenset(str(p) for p in held),
            roles=frozenset(a.role for a in assignments if a.project_id in (None, project.id)),
            is_admin=user.is_admin,
            audit=im.AuditContext(
                actor_id=user.id,
                actor_name=user.username,
                client_address=None,
                user_agent="dais auto merge",
            ),
        )

    # --- comments --------------------------------------------------------------------

    async def _comments(self, m: ListComments) -> list[CommentRecord]:
        async with self._pool.acquire() as conn:
            row = await queries.merge_request_row(conn, m.project.id, m.iid)
            if row is None:
                raise NotFound(f"merge request !{m.iid} does not exist in {m.project.path}")
            return await queries.comments(conn, row["id"])

    async def _check_anchor(
        self, project: pm.ProjectRecord, record: MergeRequestRecord, m: CreateComment
    ) -> None:
        """A line comment's file must exist at its commit, which must be part of the merge
        request (reachable from its source or target head), and the line inside the file."""
        if (m.path, m.line, m.commit_sha) == (None, None, None):
            return
        if m.path is None or m.line is None or m.commit_sha is None:
            raise ValidationFailed("path", "a line comment needs path, line and commit_sha")
        if "\x00" in m.path or m.path.startswith("/"):
            raise ValidationFailed("path", "must be a path relative to the repository root")
        git_dir = self._git_dir(project)
        sha = m.commit_sha.lower()
        if not await plumbing.is_commit(git_dir, sha):
            raise ValidationFailed("commit_sha", f"{m.commit_sha!r} is not a commit here")
        related = await plumbing.is_ancestor(git_dir, sha, record.source_sha)
        if not related:
            related = await plumbing.is_ancestor(git_dir, sha, record.target_sha)
        if not related:
            raise ValidationFailed(
                "commit_sha", f"{sha} is not on this merge request's source or target branch"
            )
        found = await plumbing.path_in_commit(git_dir, sha, m.path)
        if found is None or found[0] != "blob":
            raise ValidationFailed("path", f"{m.path!r} is not a file at commit {sha}")
        lines = await plumbing.blob_lines(git_dir, found[1], _LINE_CHECK_LIMIT)
        if lines is not None and m.line > max(lines, 1):
            raise ValidationFailed("line", f"{m.path} has {lines} lines at commit {sha}")

    async def _create_comment(self, m: CreateComment) -> CommentRecord:
        self._writable(m.project)
        self._require(m.caller, Permission.MERGE_REQUEST_WRITE)
        body = rules.check_body(m.body, allow_empty=False)
        async with self._pool.acquire() as conn:
            record = await self._record(conn, m.project, m.iid)
        await self._check_anchor(m.project, record, m)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, m.project, m.iid)
            comment_id = await conn.fetchval(
                """
                INSERT INTO merge_request_comments (merge_request_id, author_id, body, path,
                    line, commit_sha)
                VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
                """,
                row["id"],
                m.caller.user_id,
                body,
                m.path,
                m.line,
                None if m.commit_sha is None else m.commit_sha.lower(),
            )
            comment = await queries.comment(conn, row["id"], comment_id)
            assert comment is not None
            await self._emit(
                conn,
                m.project,
                _sender(m.caller),
                "merge_request_comment.created",
                merge_request=_mr_json(await self._record(conn, m.project, m.iid)),
                comment=views.to_json(views.comment_out(comment)),
            )
        return comment

    async def _update_comment(self, m: UpdateComment) -> CommentRecord:
        self._writable(m.project)
        body = rules.check_body(m.body, allow_empty=False)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, m.project, m.iid)
            comment = await queries.comment(conn, row["id"], m.comment_id)
            if comment is None:
                raise NotFound(f"comment {m.comment_id} does not exist on !{m.iid}")
            if comment.author is None or comment.author.id != m.caller.user_id:
                raise Forbidden("only its author may edit a comment")
            await conn.execute(
                "UPDATE merge_request_comments SET body = $2, updated_at = now() WHERE id = $1",
                m.comment_id,
                body,
            )
            updated = await queries.comment(conn, row["id"], m.comment_id)
            assert updated is not None
            await self._emit(
                conn,
                m.project,
                _sender(m.caller),
                "merge_request_comment.edited",
                merge_request=_mr_json(await self._record(conn, m.project, m.iid)),
                comment=views.to_json(views.comment_out(updated)),
                changes={"body": {"from": comment.body}},
            )
        return updated

    async def _delete_comment(self, m: DeleteComment) -> None:
        self._writable(m.project)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, m.project, m.iid)
            comment = await queries.comment(conn, row["id"], m.comment_id)
            if comment is None:
                raise NotFound(f"comment {m.comment_id} does not exist on !{m.iid}")
            own = comment.author is not None and comment.author.id == m.caller.user_id
            if not own and Permission.PROJECT_ADMIN not in m.caller.permissions:
                raise Forbidden("only its author or a project admin may delete a comment")
            await conn.execute("DELETE FROM merge_request_comments WHERE id = $1", m.comment_id)
            await self._emit(
                conn,
                m.project,
                _sender(m.caller),
                "merge_request_comment.deleted",
                merge_request=_mr_json(await self._record(conn, m.project, m.iid)),
                comment=views.to_json(views.comment_out(comment)),
            )

    # --- reviews ---------------------------------------------------------------------

    async def _reviews(self, m: ListReviews) -> list[ReviewRecord]:
        async with self._pool.acquire() as conn:
            row = await queries.merge_request_row(conn, m.project.id, m.iid)
            if row is None:
                raise NotFound(f"merge request !{m.iid} does not exist in {m.project.path}")
            return (await queries.reviews_of(conn, [row["id"]])).get(row["id"], [])

    async def _submit_review(self, m: SubmitReview) -> ReviewRecord:
        self._writable(m.project)
        self._require(m.caller, Permission.MERGE_REQUEST_WRITE)
        body = rules.check_body(m.body)
        if m.state is ReviewState.CHANGES_REQUESTED and not body.strip():
            raise ValidationFailed("body", "say what should change when requesting changes")
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, m.project, m.iid)
            before = await self._record(conn, m.project, m.iid)
            if before.state is not MergeRequestState.OPEN:
                raise Conflict(f"merge request !{m.iid} is {before.state}: it is not open")
            if row["author_id"] == m.caller.user_id and m.state is not ReviewState.COMMENTED:
                raise ValidationFailed(
                    "state", "the author cannot approve or request changes on their own work"
                )
            review_id = await conn.fetchval(
                """
                INSERT INTO merge_request_reviews (merge_request_id, author_id, state, body,
                    commit_sha)
                VALUES ($1, $2, $3, $4, $5) RETURNING id
                """,
                row["id"],
                m.caller.user_id,
                m.state.value,
                body,
                before.source_sha,
            )
            review = await queries.review(conn, review_id)
            after = await self._record(conn, m.project, m.iid)
            await self._emit(
                conn,
                m.project,
                _sender(m.caller),
                "review.submitted",
                merge_request=_mr_json(after),
                review=views.to_json(views.review_out(review)),
            )
        if m.state is ReviewState.APPROVED:
            await self._try_auto_merge(m.project, after)
        return review

    # --- pushes ----------------------------------------------------------------------

    async def _push(self, m: PushReceived) -> None:
        """Re-examine the open merge requests whose source or target branch a push moved."""
        payload = m.payload
        project_info = payload.get("project")
        refs = payload.get("refs")
        if not isinstance(project_info, dict) or not isinstance(refs, list):
            log.warning("git.push event %d has no project or refs; ignored", m.event_id)
            return
        try:
            project: pm.ProjectRecord = await self.system.ref("projects").ask(
                pm.GetProject(str(project_info["id"])), timeout=_ASK_TIMEOUT
            )
        except NotFound:
            return  # deleted since
        branches = {
            r["ref"].removeprefix("refs/heads/")
            for r in refs
            if isinstance(r, dict) and str(r.get("ref", "")).startswith("refs/heads/")
        }
        if not branches:
            return
        pusher_info = payload.get("pusher")
        pusher = None
        if isinstance(pusher_info, dict) and str(pusher_info.get("id", "")).isdigit():
            pusher = UserRef(int(pusher_info["id"]), str(pusher_info.get("username", "")))
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                """
                SELECT iid, source_branch FROM merge_requests
                WHERE project_id = $1 AND state = 'open'
                  AND (source_branch = ANY($2::text[]) OR target_branch = ANY($2::text[]))
                ORDER BY iid
                """,
                project.id,
                sorted(branches),
            )
        for row in rows:
            if row["source_branch"] in branches:
                await self._dismiss_stale(project, row["iid"], pusher)
            async with self._pool.acquire() as conn:
                record = await self._record(conn, project, row["iid"])  # refreshes the check
            await self._try_auto_merge(project, record)

    async def _dismiss_stale(
        self, project: pm.ProjectRecord, iid: int, pusher: UserRef | None
    ) -> None:
        """Withdraw approvals given before the source branch's current head, if the target's
        rules say so; one ``review.dismissed`` event each."""
        async with self._pool.acquire() as conn, conn.transaction():
            row = await self._locked(conn, project, iid)
            protection = mergeability.protection(
                await self._rules(project.id), row["target_branch"]
            )
            if not protection.dismiss_stale_approvals:
                return
            heads = await plumbing.branch_heads(self._git_dir(project), [row["source_branch"]])
            head = heads[row["source_branch"]]
            if head is None:
                return
            dismissed = await conn.fetch(
                """
                UPDATE merge_request_reviews SET dismissed_at = now()
                WHERE merge_request_id = $1 AND state = 'approved' AND dismissed_at IS NULL
                  AND commit_sha <> $2
                RETURNING id
                """,
                row["id"],
                head,
            )
            if not dismissed:
                return
            record = await self._record(conn, project, iid)
            sender = pusher or record.author or UserRef(0, "dais")
            for found in dismissed:
                review = await queries.review(conn, found["id"])
                await self._emit(
                    conn,
                    project,
                    sender,
                    "review.dismissed",
                    merge_request=_mr_json(record),
                    review=views.to_json(views.review_out(review)),
                )


# --- module helpers ------------------------------------------------------------------


class _Now:
    """Stands for ``now()`` in :func:`_update_row`."""


_NOW = _Now()


async def _update_row(conn: Conn, merge_request_id: int, sets: dict[str, object]) -> None:
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


def _json(value: Any) -> Any:
    """A jsonb column as asyncpg returns it (text, unless a codec is set)."""
    return json.loads(value) if isinstance(value, str) else value


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _strategy(value: str | None) -> MergeStrategy | None:
    return None if value is None else MergeStrategy(value)


def _allowed_strategy(project: pm.ProjectRecord, wanted: object, field: str) -> MergeStrategy:
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


def _identity(person: queries.Person | None, username: str) -> plumbing.Identity:
    if person is None:
        return plumbing.Identity(username, f"{username}@users.dais")
    return plumbing.Identity(person.name, person.email)


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
