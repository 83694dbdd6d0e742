"""The issues actor: project labels and milestones, issues and their comments.

Every change runs in one transaction with its audit row and its ``issue.*`` or
``issue_comment.*`` event, and validates everything it names (labels, assignees, the
milestone) before writing, so a refused request leaves nothing behind. Issue numbers come
from a per-project counter row locked by the creating transaction (see
``sql/0008_issues.sql``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import anyio
import asyncpg

from dais.actors.identity import audit
from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.errors import Conflict, Forbidden, NotFound, ValidationFailed
from dais.runtime import Actor, Fault
from dais.storage.database import reading

from . import cache as listing_cache
from . import payloads, queries, rules
from .cache import ListingCache
from .messages import (
    CommentPage,
    CommentRecord,
    CreateComment,
    CreateIssue,
    CreateLabel,
    CreateMilestone,
    DeleteComment,
    DeleteLabel,
    DeleteMilestone,
    GetIssue,
    GetMilestone,
    IssueMessage,
    IssuePage,
    IssueQuery,
    IssueRecord,
    IssueState,
    LabelRecord,
    ListComments,
    ListIssues,
    ListLabels,
    ListMilestones,
    ListUserIssues,
    MilestoneRecord,
    MilestoneState,
    PrivateProjectsOf,
    ProjectRef,
    UpdateComment,
    UpdateIssue,
    UpdateLabel,
    UpdateMilestone,
)
from .views import issue_out, to_json

if TYPE_CHECKING:
    from dais.storage.broker import Broker
    from dais.storage.database import Conn

__all__ = ["IssuesActor"]

MAX_LABEL_DESCRIPTION = 500
MAX_MILESTONE_DESCRIPTION = 10_000
_ISSUE_FIELDS = frozenset({"title", "body", "state", "labels", "assignees", "milestone_id"})
_TRIAGE_FIELDS = frozenset({"labels", "assignees", "milestone_id"})


def _missing_issue(project: ProjectRef | int, iid: int) -> NotFound:
    where = project.path if isinstance(project, ProjectRef) else f"project {project}"
    return NotFound(f"issue #{iid} does not exist in {where}")


class IssuesActor(Actor[IssueMessage]):
    concurrency = 32
    # Its state is PostgreSQL (each change one transaction, rolled back by an error); the
    # instance holds only its pool and broker. A fault cannot leave it half-changed, so the
    # actor resumes (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 2048

    def __init__(
        self, pool: asyncpg.Pool[Any], broker: Broker | None = None, listing_ttl: float = 10.0
    ) -> None:
        self._pool = pool
        # Listing pages are cached only with a broker to keep their generations in (see
        # dais.actors.issues.cache): every change below retires its project's pages.
        self._broker = broker
        self._listings: ListingCache[tuple[int, IssueQuery], IssuePage] | None = (
            None if broker is None else ListingCache(listing_ttl)
        )

    async def receive(self, message: IssueMessage) -> Any:
        # Every message naming a ProjectRef is a change in that project (reads name a
        # project_id): its cached listings are retired once it is done, committed or not
        # (a change whose asker gave up may still have committed), before the asker hears.
        project = getattr(message, "project", None)
        if self._broker is None or not isinstance(project, ProjectRef):
            return await self._receive(message)
        try:
            return await self._receive(message)
        finally:
            with anyio.move_on_after(5, shield=True):  # else entries expire by their TTL
                await listing_cache.retire(self._broker, project.id)

    async def _list_issues(self, m: ListIssues) -> IssuePage:
        if self._broker is None or self._listings is None:
            async with reading(self._pool) as conn:
                items, total = await queries.issue_page(conn, m.project_id, m.query)
            return IssuePage(items, total)
        current = await listing_cache.generation(self._broker, m.project_id)
        page = self._listings.get((m.project_id, m.query), current)
        if page is None:
            async with reading(self._pool) as conn:
                items, total = await queries.issue_page(conn, m.project_id, m.query)
            # The generation goes with the page, so that the HTTP layer may keep its answer.
            page = IssuePage(items, total, generation=current)
            self._listings.put((m.project_id, m.query), current, page)
        return page

    async def _receive(self, message: IssueMessage) -> Any:
        match message:
            case ListLabels():
                async with self._pool.acquire() as conn:
                    return await queries.labels(conn, message.project_id)
            case CreateLabel():
                return await self._create_label(message)
            case UpdateLabel():
                return await self._update_label(message)
            case DeleteLabel():
                return await self._delete_label(message)
            case ListMilestones():
                async with self._pool.acquire() as conn:
                    return await queries.milestones(conn, message.project_id, message.state)
            case GetMilestone():
                return await self._milestone(message.project_id, message.milestone_id)
            case CreateMilestone():
                return await self._create_milestone(message)
            case UpdateMilestone():
                return await self._update_milestone(message)
            case DeleteMilestone():
                return await self._delete_milestone(message)
            case CreateIssue():
                return await self._create_issue(message)
            case GetIssue():
                async with reading(self._pool) as conn:
                    found = await queries.issue(conn, message.project_id, message.iid)
                if found is None:
                    raise _missing_issue(message.project_id, message.iid)
                return found
            case ListIssues():
                return await self._list_issues(message)
            case PrivateProjectsOf():
                async with self._pool.acquire() as conn:
                    return await queries.private_projects_of(conn, message.user_id, message.scope)
            case ListUserIssues():
                async with self._pool.acquire() as conn:
                    return await queries.user_issues(
                        conn,
                        message.user_id,
                        message.scope,
                        message.state,
                        message.readable,
                        message.limit,
                        message.offset,
                    )
            case UpdateIssue():
                return await self._update_issue(message)
            case ListComments():
                return await self._comments(message)
            case CreateComment():
                return await self._create_comment(message)
            case UpdateComment():
                return await self._update_comment(message)
            case DeleteComment():
                return await self._delete_comment(message)

    # --- labels ------------------------------------------------------------------------

    async def _create_label(self, m: CreateLabel) -> LabelRecord:
        name = rules.check_label_name(m.name)
        color = rules.check_color(m.color)
        description = rules.check_description(m.description, MAX_LABEL_DESCRIPTION)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                label_id = await conn.fetchval(
                    "INSERT INTO labels (project_id, name, color, description) "
                    "VALUES ($1, $2, $3, $4) RETURNING id",
                    m.project.id,
                    name,
                    color,
                    description,
                )
                await audit.record(conn, m.audit, "label.create", "label", label_id, {"name": name})
                created = await queries.label(conn, m.project.id, label_id)
        except asyncpg.UniqueViolationError:
            raise Conflict(f"a label named {name!r} already exists in {m.project.path}") from None
        except asyncpg.ForeignKeyViolationError:
            raise NotFound(f"project {m.project.path} does not exist") from None
        assert created is not None
        return created

    async def _update_label(self, m: UpdateLabel) -> LabelRecord:
        checks = {
            "name": rules.check_label_name,
            "color": rules.check_color,
            "description": lambda v: rules.check_description(v, MAX_LABEL_DESCRIPTION),
        }
        changes: dict[str, str] = {}
        for field, value in m.changes.items():
            if field not in checks:
                raise ValidationFailed(field, "is not a field of a label")
            changes[field] = checks[field](value)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                sets = [f"{field} = ${n}" for n, field in enumerate(changes, start=3)]
                found = await conn.fetchval(
                    f"UPDATE labels SET {', '.join([*sets, 'updated_at = now()'])} "
                    "WHERE project_id = $1 AND id = $2 RETURNING id",
                    m.project.id,
                    m.label_id,
                    *changes.values(),
                )
                if found is None:
                    raise NotFound(f"label {m.label_id} does not exist in {m.project.path}")
                await audit.record(conn, m.audit, "label.update", "label", m.label_id, changes)
                updated = await queries.label(conn, m.project.id, m.label_id)
        except asyncpg.UniqueViolationError:
            raise Conflict(
                f"a label named {changes.get('name')!r} already exists in {m.project.path}"
            ) from None
        assert updated is not None
        return updated

    async def _delete_label(self, m: DeleteLabel) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            name = await conn.fetchval(
                "DELETE FROM labels WHERE project_id = $1 AND id = $2 RETURNING name",
                m.project.id,
                m.label_id,
            )
            if name is None:
                raise NotFound(f"label {m.label_id} does not exist in {m.project.path}")
            await audit.record(conn, m.audit, "label.delete", "label", m.label_id, {"name": name})

    # --- milestones --------------------------------------------------------------------

    async def _milestone(self, project_id: int, milestone_id: int) -> MilestoneRecord:
        async with self._pool.acquire() as conn:
            found = await queries.milestone(conn, project_id, milestone_id)
        if found is None:
            raise NotFound(f"milestone {milestone_id} does not exist in project {project_id}")
        return found

    async def _create_milestone(self, m: CreateMilestone) -> MilestoneRecord:
        title = rules.check_title(m.title)
        description = rules.check_description(m.description, MAX_MILESTONE_DESCRIPTION)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                milestone_id = await conn.fetchval(
                    "INSERT INTO milestones (project_id, title, description, due_date, state) "
                    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    m.project.id,
                    title,
                    description,
                    m.due_date,
                    m.state.value,
                )
                await audit.record(
                    conn, m.audit, "milestone.create", "milestone", milestone_id, {"title": title}
                )
                created = await queries.milestone(conn, m.project.id, milestone_id)
        except asyncpg.UniqueViolationError:
            raise Conflict(
                f"a milestone titled {title!r} already exists in {m.project.path}"
            ) from None
        except asyncpg.ForeignKeyViolationError:
            raise NotFound(f"project {m.project.path} does not exist") from None
        assert created is not None
        return created

    async def _update_milestone(self, m: UpdateMilestone) -> MilestoneRecord:
        changes: dict[str, object] = {}
        for field, value in m.changes.items():
            if field == "title":
                changes[field] = rules.check_title(value)
            elif field == "description":
                changes[field] = rules.check_description(value, MAX_MILESTONE_DESCRIPTION)
            elif field == "due_date":
                changes[field] = value
            elif field == "state":
                changes[field] = MilestoneState(str(value)).value
            else:
                raise ValidationFailed(field, "is not a field of a milestone")
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                sets = [f"{field} = ${n}" for n, field in enumerate(changes, start=3)]
                found = await conn.fetchval(
                    f"UPDATE milestones SET {', '.join([*sets, 'updated_at = now()'])} "
                    "WHERE project_id = $1 AND id = $2 RETURNING id",
                    m.project.id,
                    m.milestone_id,
                    *changes.values(),
                )
                if found is None:
                    raise NotFound(f"milestone {m.milestone_id} does not exist in {m.project.path}")
                await audit.record(
                    conn,
                    m.audit,
                    "milestone.update",
                    "milestone",
                    m.milestone_id,
                    {k: str(v) if v is not None else None for k, v in changes.items()},
                )
                updated = await queries.milestone(conn, m.project.id, m.milestone_id)
        except asyncpg.UniqueViolationError:
            raise Conflict(
                f"a milestone titled {changes.get('title')!r} already exists in {m.project.path}"
            ) from None
        assert updated is not None
        return updated

    async def _delete_milestone(self, m: DeleteMilestone) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            title = await conn.fetchval(
                "DELETE FROM milestones WHERE project_id = $1 AND id = $2 RETURNING title",
                m.project.id,
                m.milestone_id,
            )
            if title is None:
                raise NotFound(f"milestone {m.milestone_id} does not exist in {m.project.path}")
            await audit.record(
                conn, m.audit, "milestone.delete", "milestone", m.milestone_id, {"title": title}
            )

    # --- issues ------------------------------------------------------------------------

    async def _assignable(
        self, conn: Conn, project: ProjectRef, usernames: tuple[str, ...]
    ) -> list[int]:
        """The ids of the users named, each able to see the issue: in a private project only
        those holding ``project:read`` on it (as for merge request assignees).

        :raises ValidationFailed: naming ``assignees`` and the first user who cannot.
        """
        rows = await _user_ids(conn, usernames)
        if project.private:
            identity = self.system.ref("identity")
            for row in rows:
                who = im.Principal(
                    user_id=row["id"],
                    username=row["username"],
                    kind=im.UserKind(row["kind"]),
                    is_admin=row["is_admin"],
                )
                held = await identity.ask(im.Permissions(who, project.id))
                if Permission.PROJECT_READ not in held:
                    raise ValidationFailed(
                        "assignees", f"user {row['username']!r} is not a member of {project.path}"
                    )
        return [row["id"] for row in rows]

    async def _create_issue(self, m: CreateIssue) -> IssueRecord:
        title = rules.check_title(m.title)
        body = rules.check_body(m.body)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                label_ids = await _label_ids(conn, m.project, m.labels)
                user_ids = await self._assignable(conn, m.project, m.assignees)
                if m.milestone_id is not None:
                    await _check_milestone(conn, m.project, m.milestone_id)
                iid = await conn.fetchval(
                    """
                    INSERT INTO issue_counters AS c (project_id, last_iid) VALUES ($1, 1)
                    ON CONFLICT (project_id) DO UPDATE SET last_iid = c.last_iid + 1
                    RETURNING last_iid
                    """,
                    m.project.id,
                )
                issue_id = await conn.fetchval(
                    "INSERT INTO issues (project_id, iid, title, body, author_id, milestone_id) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    m.project.id,
                    iid,
                    title,
                    body,
                    m.sender.id,
                    m.milestone_id,
                )
                await _set_links(conn, issue_id, label_ids, user_ids)
                issue = await queries.issue(conn, m.project.id, iid)
                assert issue is not None
                await audit.record(conn, m.audit, "issue.create", "issue", issue_id, {"iid": iid})
                await payloads.emit_issue(conn, "issue.opened", m.project, m.sender, issue)
        except asyncpg.ForeignKeyViolationError:
            raise NotFound(f"project {m.project.path} does not exist") from None
        return issue

    async def _update_issue(self, m: UpdateIssue) -> IssueRecord:
        unknown = set(m.changes) - _ISSUE_FIELDS
        if unknown:
            raise ValidationFailed(sorted(unknown)[0], "is not a field of an issue")
        if not m.triage and (triage := sorted(set(m.changes) & _TRIAGE_FIELDS)):
            raise Forbidden(f"changing {triage[0]} needs the issue:write permission")
        title = rules.check_title(m.changes["title"]) if "title" in m.changes else None
        body = rules.check_body(m.changes["body"]) if "body" in m.changes else None
        state = IssueState(str(m.changes["state"])) if "state" in m.changes else None
        async with self._pool.acquire() as conn, conn.transaction():
            author_id = await conn.fetchval(
                "SELECT author_id FROM issues WHERE project_id = $1 AND iid = $2 FOR UPDATE",
                m.project.id,
                m.iid,
            )
            before = await queries.issue(conn, m.project.id, m.iid)
            if before is None:
                raise _missing_issue(m.project, m.iid)
            if not m.triage and author_id != m.sender.id:
                raise Forbidden(
                    "only the issue's author or a holder of issue:write on the project "
                    "may change it"
                )
            sets: list[str] = []
            args: list[object] = [before.id]

            def assign(column: str, value: object) -> None:
                args.append(value)
                sets.append(f"{column} = ${len(args)}")

            edited: set[str] = set()
            if title is not None and title != before.title:
                assign("title", title)
                edited.add("title")
            if body is not None and body != before.body:
                assign("body", body)
                edited.add("body")
            if "milestone_id" in m.changes:
                milestone_id = m.changes["milestone_id"]
                assert milestone_id is None or isinstance(milestone_id, int)
                if milestone_id is not None:
                    await _check_milestone(conn, m.project, milestone_id)
                if milestone_id != (before.milestone.id if before.milestone else None):
                    assign("milestone_id", milestone_id)
                    edited.add("milestone")
            if "labels" in m.changes:
                label_ids = await _label_ids(conn, m.project, _names(m.changes["labels"]))
                if set(label_ids) != {x.id for x in before.labels}:
                    await conn.execute("DELETE FROM issue_labels WHERE issue_id = $1", before.id)
                    await _set_links(conn, before.id, label_ids, [])
                    edited.add("labels")
            if "assignees" in m.changes:
                user_ids = await self._assignable(conn, m.project, _names(m.changes["assignees"]))
                if set(user_ids) != {u.id for u in before.assignees}:
                    await conn.execute("DELETE FROM issue_assignees WHERE issue_id = $1", before.id)
                    await _set_links(conn, before.id, [], user_ids)
                    edited.add("assignees")
            reopened = state is IssueState.OPEN and before.state is IssueState.CLOSED
            closed = state is IssueState.CLOSED and before.state is IssueState.OPEN
            if closed:
                assign("state", IssueState.CLOSED.value)
                assign("closed_by_id", m.sender.id)
                sets.append("closed_at = now()")
            elif reopened:
                assign("state", IssueState.OPEN.value)
                sets.extend(["closed_by_id = NULL", "closed_at = NULL"])
            if not edited and not closed and not reopened:
                return before
            sets.append("updated_at = now()")
            await conn.execute(f"UPDATE issues SET {', '.join(sets)} WHERE id = $1", *args)
            if closed or reopened:
                await queries.sync_label_state(conn, before.id)
            after = await queries.issue(conn, m.project.id, m.iid)
            assert after is not None
            shown = to_json(issue_out(before))
            changes = {field: {"from": shown[field]} for field in sorted(edited)}
            details: dict[str, Any] = {"iid": m.iid, "fields": sorted(edited)}
            if closed or reopened:
                details["state"] = after.state.value
            await audit.record(conn, m.audit, "issue.update", "issue", before.id, details)
            if edited:
                await payloads.emit_issue(
                    conn, "issue.edited", m.project, m.sender, after, changes=changes
                )
            if closed or reopened:
                kind = "issue.closed" if closed else "issue.reopened"
                await payloads.emit_issue(conn, kind, m.project, m.sender, after)
        return after

    # --- comments ----------------------------------------------------------------------

    async def _comments(self, m: ListComments) -> CommentPage:
        async with self._pool.acquire() as conn:
            issue_id = await conn.fetchval(
                "SELECT id FROM issues WHERE project_id = $1 AND iid = $2", m.project_id, m.iid
            )
            if issue_id is None:
                raise _missing_issue(m.project_id, m.iid)
            items, total = await queries.comments(conn, issue_id, m.page, m.per_page)
        return CommentPage(items, total)

    async def _create_comment(self, m: CreateComment) -> CommentRecord:
        body = rules.check_body(m.body, allow_empty=False)
        async with self._pool.acquire() as conn, conn.transaction():
            issue_id = await _issue_id(conn, m.project, m.iid)
            comment_id = await conn.fetchval(
                "INSERT INTO issue_comments (issue_id, author_id, body) VALUES ($1, $2, $3) "
                "RETURNING id",
                issue_id,
                m.sender.id,
                body,
            )
            comment = await queries.comment(conn, issue_id, comment_id)
            issue = await queries.issue(conn, m.project.id, m.iid)
            assert comment is not None and issue is not None
            await audit.record(
                conn,
                m.audit,
                "issue_comment.create",
                "issue_comment",
                comment_id,
                {"iid": m.iid},
            )
            await payloads.emit_comment(
                conn, "issue_comment.created", m.project, m.sender, issue, comment
            )
        return comment

    async def _own_comment(
        self,
        conn: Conn,
        project: ProjectRef,
        iid: int,
        comment_id: int,
        sender_id: int,
        moderator: bool,
        verb: str,
    ) -> tuple[int, CommentRecord]:
        """The issue's id and the comment, locked, if the sender may ``verb`` it."""
        issue_id = await _issue_id(conn, project, iid)
        author_id = await conn.fetchval(
            "SELECT author_id FROM issue_comments WHERE issue_id = $1 AND id = $2 FOR UPDATE",
            issue_id,
            comment_id,
        )
        comment = await queries.comment(conn, issue_id, comment_id)
        if comment is None:
            raise NotFound(f"comment {comment_id} does not exist on issue #{iid}")
        if author_id != sender_id and not moderator:
            raise Forbidden(f"only the comment's author or a project admin may {verb} it")
        return issue_id, comment

    async def _update_comment(self, m: UpdateComment) -> CommentRecord:
        body = rules.check_body(m.body, allow_empty=False)
        async with self._pool.acquire() as conn, conn.transaction():
            issue_id, before = await self._own_comment(
                conn, m.project, m.iid, m.comment_id, m.sender.id, m.moderator, "edit"
            )
            if body == before.body:
                return before
            await conn.execute(
                "UPDATE issue_comments SET body = $2, updated_at = now() WHERE id = $1",
                m.comment_id,
                body,
            )
            after = await queries.comment(conn, issue_id, m.comment_id)
            issue = await queries.issue(conn, m.project.id, m.iid)
            assert after is not None and issue is not None
            await audit.record(
                conn,
                m.audit,
                "issue_comment.update",
                "issue_comment",
                m.comment_id,
                {"iid": m.iid},
            )
            await payloads.emit_comment(
                conn,
                "issue_comment.edited",
                m.project,
                m.sender,
                issue,
                after,
                changes={"body": {"from": before.body}},
            )
        return after

    async def _delete_comment(self, m: DeleteComment) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            _issue_id, comment = await self._own_comment(
                conn, m.project, m.iid, m.comment_id, m.sender.id, m.moderator, "delete"
            )
            await conn.execute("DELETE FROM issue_comments WHERE id = $1", m.comment_id)
            issue = await queries.issue(conn, m.project.id, m.iid)
            assert issue is not None
            await audit.record(
                conn,
                m.audit,
                "issue_comment.delete",
                "issue_comment",
                m.comment_id,
                {"iid": m.iid},
            )
            await payloads.emit_comment(
                conn, "issue_comment.deleted", m.project, m.sender, issue, comment
            )


# --- helpers (inside the caller's transaction) --------------------------------------------


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, tuple | list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a sequence of names, got {value!r}")
    return tuple(value)


async def _issue_id(conn: Conn, project: ProjectRef, iid: int) -> int:
    issue_id: int | None = await conn.fetchval(
        "SELECT id FROM issues WHERE project_id = $1 AND iid = $2", project.id, iid
    )
    if issue_id is None:
        raise _missing_issue(project, iid)
    return issue_id


async def _label_ids(conn: Conn, project: ProjectRef, names: tuple[str, ...]) -> list[int]:
    """The ids of the labels named (regardless of case).

    :raises ValidationFailed: naming the first label the project does not have.
    """
    wanted = rules.distinct_names(rules.check_names(names, "labels"), fold_case=True)
    if not wanted:
        return []
    rows = await conn.fetch(
        "SELECT id, lower(name) AS key FROM labels "
        "WHERE project_id = $1 AND lower(name) = ANY($2::text[])",
        project.id,
        [n.lower() for n in wanted],
    )
    found = {r["key"]: r["id"] for r in rows}
    for name in wanted:
        if name.lower() not in found:
            raise ValidationFailed("labels", f"{project.path} has no label named {name!r}")
    return [found[n.lower()] for n in wanted]


async def _user_ids(conn: Conn, usernames: tuple[str, ...]) -> list[Any]:
    """The ids of the (active) users named.

    :raises ValidationFailed: naming the first unknown username.
    """
    wanted = rules.distinct_names(rules.check_names(usernames, "assignees"), fold_case=False)
    if not wanted:
        return []
    rows = await conn.fetch(
        "SELECT id, username, kind, is_admin FROM users "
        "WHERE username = ANY($1::text[]) AND active",
        list(wanted),
    )
    found = {r["username"]: r for r in rows}
    for name in wanted:
        if name not in found:
            raise ValidationFailed("assignees", f"no active user is named {name!r}")
    return [found[n] for n in wanted]


async def _check_milestone(conn: Conn, project: ProjectRef, milestone_id: int) -> None:
    exists = await conn.fetchval(
        "SELECT true FROM milestones WHERE project_id = $1 AND id = $2", project.id, milestone_id
    )
    if not exists:
        raise ValidationFailed(
            "milestone_id", f"{project.path} has no milestone with id {milestone_id}"
        )


async def _set_links(conn: Conn, issue_id: int, label_ids: list[int], user_ids: list[int]) -> None:
    if label_ids:
        await conn.execute(
            "INSERT INTO issue_labels (issue_id, label_id, state) "
            "SELECT $1, unnest($2::bigint[]), (SELECT state FROM issues WHERE id = $1) "
            "ON CONFLICT DO NOTHING",
            issue_id,
            label_ids,
        )
    if user_ids:
        await conn.execute(
            "INSERT INTO issue_assignees (issue_id, user_id) "
            "SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
            issue_id,
            user_ids,
        )
