"""Merge request handlers: what a push to a source or target branch does.

The ``git.push`` subscriber (:mod:`.subscribers`) hands every committed push here. The open
merge requests whose branches moved are re-examined:

- a push to the source branch moves the merge request's own ref
  (``refs/merge-requests/<iid>/head``) and dismisses stale approvals where the target's
  rule says so;
- a push to the target branch that brings in the source head (merged by hand and pushed)
  marks the merge request merged, by the pusher;
- otherwise mergeability is refreshed, and those armed with auto merge are merged once
  nothing blocks them.
"""

from __future__ import annotations

import re

from dais.actors.projects import messages as pm
from dais.errors import NotFound

from . import mergeability, plumbing, queries, views
from ._base import ASK_TIMEOUT, MergeRequestsBase, keep_ref, log, mr_json
from .messages import HeadStatusChanged, MergeRequestState, PushReceived, UserRef
from .plumbing import ZERO_SHA
from .references import closing_references

_SHA = re.compile(r"[0-9a-f]{40}")
_MAX_MESSAGES = 1000  # commit messages read for closing references


class Pushes(MergeRequestsBase):
    """Reactions to pushes (from the outbox, at least once: idempotent)."""

    # --- pushes ----------------------------------------------------------------------

    async def _head_status(self, m: HeadStatusChanged) -> None:
        """Auto merge the open merge requests whose source head ``m.sha`` is, now that its
        pipeline (or another status) has settled."""
        try:
            project: pm.ProjectRecord = await self.system.ref("projects").ask(
                pm.GetProject(m.project_id), timeout=ASK_TIMEOUT
            )
        except NotFound:
            return
        async with self._pool.acquire() as conn:
            iids = [
                r["iid"]
                for r in await conn.fetch(
                    "SELECT iid FROM merge_requests WHERE project_id = $1 AND state = 'open' "
                    "AND source_sha = $2 AND auto_merge ORDER BY iid",
                    project.id,
                    m.sha,
                )
            ]
        for iid in iids:
            async with self._pool.acquire() as conn:
                record = await self._record(conn, project, iid)
            await self._try_auto_merge(project, record)

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
                pm.GetProject(int(project_info["id"])), timeout=ASK_TIMEOUT
            )
        except NotFound:
            return  # deleted since
        moved: dict[str, tuple[str, str]] = {}  # branch -> (old, new) as the push says
        for r in refs:
            if not isinstance(r, dict) or not str(r.get("ref", "")).startswith("refs/heads/"):
                continue
            old, new = str(r.get("old", "")), str(r.get("new", ""))
            if _SHA.fullmatch(old) and _SHA.fullmatch(new):
                moved[str(r["ref"]).removeprefix("refs/heads/")] = (old, new)
        if not moved:
            return
        pusher_info = payload.get("pusher")
        pusher = None
        if isinstance(pusher_info, dict) and str(pusher_info.get("id", "")).isdigit():
            pusher = UserRef(int(pusher_info["id"]), str(pusher_info.get("username", "")))
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                """
                SELECT iid, source_branch, target_branch FROM merge_requests
                WHERE project_id = $1 AND state = 'open'
                  AND (source_branch = ANY($2::text[]) OR target_branch = ANY($2::text[]))
                ORDER BY iid
                """,
                project.id,
                sorted(moved),
            )
        git_dir = self._git_dir(project)
        for row in rows:
            iid = row["iid"]
            if row["source_branch"] in moved:
                _old, new = moved[row["source_branch"]]
                if new != ZERO_SHA:  # a deleted source branch: the ref keeps its last head
                    await plumbing.set_ref(git_dir, keep_ref(iid), new)
                await self._dismiss_stale(project, iid, pusher)
            if row["target_branch"] in moved:
                old, new = moved[row["target_branch"]]
                if new != ZERO_SHA and await self._merged_by_push(project, iid, old, new, pusher):
                    continue
            async with self._pool.acquire() as conn:
                record = await self._record(conn, project, iid)  # refreshes the check
            await self._try_auto_merge(project, record)

    async def _merged_by_push(
        self, project: pm.ProjectRecord, iid: int, old: str, new: str, pusher: UserRef | None
    ) -> bool:
        """Mark merge request ``iid`` merged if the push that moved its target from ``old`` to
        ``new`` brought in its source head (someone merged it by hand and pushed), as GitLab
        does: merged by the pusher; the merge commit is the new target head when that is a
        merge of the source head, else unknown. Emits ``merge_request.merged``.

        :returns: whether it did.
        """
        git_dir = self._git_dir(project)
        async with self._pool.acquire() as conn:
            row = await queries.merge_request_row(conn, project.id, iid)
        if row is None or row["state"] != MergeRequestState.OPEN:
            return False
        # The source head as of this push: the merge request's own ref follows the source
        # branch push by push (in event order), so a later push to the source does not hide
        # that this one merged what was proposed then.
        head = await plumbing.ref_head(git_dir, keep_ref(iid))
        if head is None:
            heads = await plumbing.branch_heads(git_dir, [row["source_branch"]])
            head = heads[row["source_branch"]] or row["source_sha"]
        if not await plumbing.is_ancestor(git_dir, head, new):
            return False
        if old != ZERO_SHA and await plumbing.is_ancestor(git_dir, head, old):
            return False  # already there before this push (nothing to merge): not this push
        merge_commit = new if head in (await plumbing.read_commit(git_dir, new)).parents else None
        base = old if old != ZERO_SHA else row["target_sha"]
        messages = await plumbing.commit_messages(git_dir, base, head, _MAX_MESSAGES)
        closing = closing_references([row["body"], *messages])
        async with self._pool.acquire() as conn, conn.transaction():
            await queries.lock_merge_requests(conn, project.id, [iid, *closing.merge_requests])
            row = await queries.merge_request_row(conn, project.id, iid)
            if row is None or row["state"] != MergeRequestState.OPEN:
                return False
            await conn.execute(
                """
                UPDATE merge_requests
                SET state = 'merged', merged_by = (SELECT id FROM users WHERE id = $2),
                    merged_at = now(), merge_commit_sha = $3, merge_strategy = NULL,
                    source_sha = $4, target_sha = $5, auto_merge = false, updated_at = now()
                WHERE id = $1
                """,
                row["id"],
                None if pusher is None else pusher.id,
                merge_commit,
                head,
                base,
            )
            merged = await self._record(conn, project, iid)
            sender = pusher or merged.author or UserRef(0, "dais")
            closed = await self._close_referenced(
                conn, project, sender, iid, closing.merge_requests
            )
            await self._emit(
                conn,
                project,
                sender,
                "merge_request.merged",
                merge_request=mr_json(merged)
                | {"closes_issues": list(closing.issues), "closes_merge_requests": closed},
            )
        await plumbing.set_ref(git_dir, keep_ref(iid), head)
        log.info("%s!%d was merged by a push to %s", project.path, iid, row["target_branch"])
        return True

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
                    merge_request=mr_json(record),
                    review=views.to_json(views.review_out(review)),
                )
