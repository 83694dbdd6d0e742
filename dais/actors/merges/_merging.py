"""Merge request handlers: merging with the strategy asked for, and auto merge.

A merge computes the new commits first (objects only, see :mod:`.strategies`), then, in one
transaction, marks the merge request merged, writes its events and moves the refs with a
compare-and-swap (``git update-ref --stdin``): if git refuses (a branch moved meanwhile),
the transaction rolls back and neither the refs nor the rows change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio

from dais.actors.identity import audit
from dais.actors.identity import messages as im
from dais.actors.projects.protection import ZERO_SHA
from dais.errors import Conflict, DomainError, NotFound, ValidationFailed
from dais.storage import outbox

from . import plumbing, queries, rules, strategies
from ._base import (
    ASK_TIMEOUT,
    NOW,
    MergeRequestsBase,
    allowed_strategy,
    keep_ref,
    log,
    mr_json,
    sender_of,
    update_row,
)
from .messages import (
    Caller,
    Merge,
    MergeOutcome,
    MergeRequestRecord,
    MergeRequestState,
    MergeStrategy,
    UpdateMergeRequest,
)
from .references import closing_references

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from dais.actors.projects import messages as pm

_MAX_MESSAGES = 1000  # commit messages read for closing references


class Merging(MergeRequestsBase):
    """Merging now, or once nothing blocks (auto merge)."""

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
        strategy = allowed_strategy(project, m.strategy, "strategy")
        if m.commit_message is not None:
            if strategy in (MergeStrategy.REBASE, MergeStrategy.FAST_FORWARD):
                raise ValidationFailed(
                    "commit_message", f"{strategy} keeps the source commits and writes none"
                )
            rules.check_body(m.commit_message, "commit_message", allow_empty=False)
        if m.sha is not None and m.sha != record.source_sha:
            raise Conflict(
                f"the source branch is at {record.source_sha}, not {m.sha}: "
                "review the new commits first"
            )
        if m.delete_source_branch:
            await self._may_delete_source(project, caller, record.source_branch, record.source_sha)
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
        async with self._pool.acquire() as conn:
            persons = await queries.people(
                conn, [caller.user_id] + ([record.author.id] if record.author else [])
            )
        merger = git_identity(persons.get(caller.user_id), caller.username)
        author = git_identity(
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
        source_ref = f"refs/heads/{record.source_branch}"
        # What moves, as the push event tells it; then, in the same all-or-nothing update,
        # the source branch must still be where it was merged from (a push to it during the
        # merge fails the merge rather than leaving its new commits unmerged), and the merge
        # request's own ref keeps what was merged.
        moves = [plumbing.RefChange(f"refs/heads/{record.target_branch}", target, new_head)]
        if m.delete_source_branch:
            moves.append(plumbing.RefChange(source_ref, source, ZERO_SHA))
        refs = list(moves)
        if not m.delete_source_branch:
            refs.append(plumbing.RefChange(source_ref, source, source))  # verify only
        refs.append(plumbing.RefChange(keep_ref(m.iid), None, source))
        sender = sender_of(caller)
        moved = False
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                # Lock this merge request and those it closes in one go, in id order, so two
                # merges that close each other wait for one another instead of deadlocking.
                await queries.lock_merge_requests(
                    conn, project.id, [m.iid, *closing.merge_requests]
                )
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
                await update_row(
                    conn,
                    row["id"],
                    {
                        "state": "merged",
                        "merged_by": caller.user_id,
                        "merged_at": NOW,
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
                    merge_request=mr_json(merged)
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
                        "refs": [{"ref": r.ref, "old": r.old, "new": r.new} for r in moves],
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
                        f"{record.target_branch} or {record.source_branch} moved during the "
                        "merge; nothing was changed: try again"
                    ) from None
                moved = True
        except BaseException:
            if moved:  # the refs moved but the transaction did not commit: put them back
                await self._put_back(git_dir, project, m.iid, moves)
            raise
        return MergeOutcome(True, merged)

    async def _put_back(
        self,
        git_dir: Path,
        project: pm.ProjectRecord,
        iid: int,
        moves: Sequence[plumbing.RefChange],
    ) -> None:
        """Undo a merge's ref moves whose transaction failed to commit (each only if it is
        still where the merge put it), so the refs agree with the rows again."""
        with anyio.CancelScope(shield=True):
            try:
                await plumbing.update_refs(git_dir, [c.reverse() for c in moves])
            except plumbing.GitError as exc:
                log.error(
                    "merge of %s!%d: its transaction failed after the refs moved and they "
                    "could not be put back: %s",
                    project.path,
                    iid,
                    exc,
                )
            else:
                log.warning(
                    "merge of %s!%d: its transaction failed after the refs moved; "
                    "they were put back",
                    project.path,
                    iid,
                )

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
            "auto_merge_commit_message": m.commit_message,
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
                    # Kept from when it was armed; a strategy changed since to one that
                    # writes no commit has no use for it.
                    commit_message=record.auto_merge_commit_message
                    if record.auto_merge_strategy in (MergeStrategy.MERGE, MergeStrategy.SQUASH)
                    else None,
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
            user: im.UserRecord = await identity.ask(im.GetUser(user_id), timeout=ASK_TIMEOUT)
        except NotFound:
            return None
        if not user.active:
            return None
        who = im.Principal(
            user_id=user.id, username=user.username, kind=user.kind, is_admin=user.is_admin
        )
        held = await identity.ask(im.Permissions(who, project.id), timeout=ASK_TIMEOUT)
        assignments: list[im.AssignmentRecord] = await identity.ask(
            im.ListAssignments(user.id), timeout=ASK_TIMEOUT
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


def git_identity(person: queries.Person | None, username: str) -> plumbing.Identity:
    if person is None:
        return plumbing.Identity(username, f"{username}@users.dais")
    return plumbing.Identity(person.name, person.email)
