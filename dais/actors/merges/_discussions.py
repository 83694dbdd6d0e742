"""Merge request handlers: comments (some anchored to a line of a file at a commit) and
reviews (approve, request changes, comment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dais.actors.identity.permissions import Permission
from dais.errors import Conflict, Forbidden, NotFound, ValidationFailed

from . import plumbing, queries, rules, views
from ._base import MergeRequestsBase, mr_json, sender_of
from .messages import (
    CommentRecord,
    CreateComment,
    DeleteComment,
    ListComments,
    ListReviews,
    MergeRequestRecord,
    MergeRequestState,
    ReviewRecord,
    ReviewState,
    SubmitReview,
    UpdateComment,
)

if TYPE_CHECKING:
    from dais.actors.projects import messages as pm

_LINE_CHECK_LIMIT = 1 << 20  # a line comment's line is checked against files up to 1 MiB


class Discussions(MergeRequestsBase):
    """What people say about a merge request: comments and reviews."""

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
        path = rules.check_path(m.path)
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
        found = await plumbing.path_in_commit(git_dir, sha, path)
        if found is None or found[0] != "blob":
            raise ValidationFailed("path", f"{path!r} is not a file at commit {sha}")
        lines = await plumbing.blob_lines(git_dir, found[1], _LINE_CHECK_LIMIT)
        if lines is not None and m.line > max(lines, 1):
            raise ValidationFailed("line", f"{path} has {lines} lines at commit {sha}")

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
                sender_of(m.caller),
                "merge_request_comment.created",
                merge_request=mr_json(await self._record(conn, m.project, m.iid)),
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
            if not m.caller.scope_allows(Permission.MERGE_REQUEST_WRITE):
                raise Forbidden(f"this token needs the {Permission.MERGE_REQUEST_WRITE} scope")
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
                sender_of(m.caller),
                "merge_request_comment.edited",
                merge_request=mr_json(await self._record(conn, m.project, m.iid)),
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
            if Permission.PROJECT_ADMIN not in m.caller.permissions:
                if comment.author is None or comment.author.id != m.caller.user_id:
                    raise Forbidden("only its author or a project admin may delete a comment")
                if not m.caller.scope_allows(Permission.MERGE_REQUEST_WRITE):
                    raise Forbidden(f"this token needs the {Permission.MERGE_REQUEST_WRITE} scope")
            await conn.execute("DELETE FROM merge_request_comments WHERE id = $1", m.comment_id)
            await self._emit(
                conn,
                m.project,
                sender_of(m.caller),
                "merge_request_comment.deleted",
                merge_request=mr_json(await self._record(conn, m.project, m.iid)),
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
                sender_of(m.caller),
                "review.submitted",
                merge_request=mr_json(after),
                review=views.to_json(views.review_out(review)),
            )
        if m.state is ReviewState.APPROVED:
            await self._try_auto_merge(m.project, after)
        return review
