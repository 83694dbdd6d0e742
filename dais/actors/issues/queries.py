"""The issues domain's SQL reads (rows in, records out), and what the actor and the
subscribers share.

Every function takes a connection, so the actor can read inside the transaction that
makes a change (an event carries the issue as that transaction leaves it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from .messages import (
    CommentRecord,
    Direction,
    IssueMilestone,
    IssueQuery,
    IssueRecord,
    IssueSort,
    IssueState,
    LabelRecord,
    LabelRef,
    MilestoneRecord,
    MilestoneState,
    StateFilter,
    UserIssue,
    UserIssueScope,
    UserRef,
)
from .views import IssueOut

if TYPE_CHECKING:
    from collections.abc import Callable

    from dais.storage.database import Conn

    from .messages import Readable

__all__ = [
    "comment",
    "comments",
    "issue",
    "issue_page",
    "label",
    "labels",
    "milestone",
    "milestones",
    "private_projects_of",
    "sync_label_state",
    "user_issues",
]

# --- labels ----------------------------------------------------------------------------


def _label(row: Any) -> LabelRecord:
    return LabelRecord(
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        color=row["color"],
        description=row["description"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def labels(conn: Conn, project_id: int) -> list[LabelRecord]:
    rows = await conn.fetch(
        "SELECT * FROM labels WHERE project_id = $1 ORDER BY lower(name), id", project_id
    )
    return [_label(r) for r in rows]


async def label(conn: Conn, project_id: int, label_id: int) -> LabelRecord | None:
    row = await conn.fetchrow(
        "SELECT * FROM labels WHERE project_id = $1 AND id = $2", project_id, label_id
    )
    return None if row is None else _label(row)


# --- milestones ------------------------------------------------------------------------

_MILESTONE = """
    SELECT m.*,
           (SELECT count(*) FROM issues i WHERE i.milestone_id = m.id AND i.state = 'open')
               AS open_issues,
           (SELECT count(*) FROM issues i WHERE i.milestone_id = m.id AND i.state = 'closed')
               AS closed_issues
    FROM milestones m
"""


def _milestone(row: Any) -> MilestoneRecord:
    return MilestoneRecord(
        id=row["id"],
        project_id=row["project_id"],
        title=row["title"],
        description=row["description"],
        due_date=row["due_date"],
        state=MilestoneState(row["state"]),
        open_issues=row["open_issues"],
        closed_issues=row["closed_issues"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def milestones(conn: Conn, project_id: int, state: StateFilter) -> list[MilestoneRecord]:
    rows = await conn.fetch(
        f"{_MILESTONE} WHERE m.project_id = $1 AND ($2::text IS NULL OR m.state = $2) "
        "ORDER BY m.due_date NULLS LAST, m.id",
        project_id,
        None if state is StateFilter.ALL else state.value,
    )
    return [_milestone(r) for r in rows]


async def milestone(conn: Conn, project_id: int, milestone_id: int) -> MilestoneRecord | None:
    row = await conn.fetchrow(
        f"{_MILESTONE} WHERE m.project_id = $1 AND m.id = $2", project_id, milestone_id
    )
    return None if row is None else _milestone(row)


# --- issues ----------------------------------------------------------------------------

# Labels and assignees come aggregated as JSON (the pool decodes json to Python objects).
_ISSUE_COLUMNS = """
    i.id, i.project_id, i.iid, i.title, i.body, i.state, i.closed_at, i.created_at,
    i.updated_at, i.author_id, a.username AS author_name, i.closed_by_id,
    c.username AS closed_by_name, i.milestone_id, m.title AS milestone_title,
    m.state AS milestone_state, m.due_date AS milestone_due_date,
    (SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color,
                                                'description', l.description)
                              ORDER BY lower(l.name), l.id), '[]')
       FROM issue_labels il JOIN labels l ON l.id = il.label_id
      WHERE il.issue_id = i.id) AS labels,
    (SELECT coalesce(json_agg(json_build_object('id', u.id, 'username', u.username)
                              ORDER BY u.username), '[]')
       FROM issue_assignees ia JOIN users u ON u.id = ia.user_id
      WHERE ia.issue_id = i.id) AS assignees,
    (SELECT count(*) FROM issue_comments ic WHERE ic.issue_id = i.id) AS comments
"""
_ISSUE_JOINS = """
    LEFT JOIN users a ON a.id = i.author_id
    LEFT JOIN users c ON c.id = i.closed_by_id
    LEFT JOIN milestones m ON m.id = i.milestone_id
"""


def _user(user_id: int | None, username: str | None) -> UserRef | None:
    return None if user_id is None or username is None else UserRef(user_id, username)


def _issue(row: Any) -> IssueRecord:
    milestone = None
    if row["milestone_id"] is not None:
        milestone = IssueMilestone(
            id=row["milestone_id"],
            title=row["milestone_title"],
            state=MilestoneState(row["milestone_state"]),
            due_date=row["milestone_due_date"],
        )
    return IssueRecord(
        id=row["id"],
        project_id=row["project_id"],
        iid=row["iid"],
        title=row["title"],
        body=row["body"],
        state=IssueState(row["state"]),
        author=_user(row["author_id"], row["author_name"]),
        assignees=tuple(UserRef(u["id"], u["username"]) for u in row["assignees"]),
        labels=tuple(
            LabelRef(x["id"], x["name"], x["color"], x["description"]) for x in row["labels"]
        ),
        milestone=milestone,
        closed_by=_user(row["closed_by_id"], row["closed_by_name"]),
        closed_at=row["closed_at"],
        comments=row["comments"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def issue(conn: Conn, project_id: int, iid: int) -> IssueRecord | None:
    row = await conn.fetchrow(
        f"SELECT {_ISSUE_COLUMNS} FROM issues i {_ISSUE_JOINS} "
        "WHERE i.project_id = $1 AND i.iid = $2",
        project_id,
        iid,
    )
    return None if row is None else _issue(row)


def _filters(project_id: int, q: IssueQuery) -> tuple[str, str, list[object]]:
    """The WHERE clause of a listing, the query counting its matches, and their arguments
    ($1 is the project)."""
    args: list[object] = [project_id]
    where = ["i.project_id = $1"]

    def arg(value: object) -> str:
        args.append(value)
        return f"${len(args)}"

    state = None if q.state is StateFilter.ALL else q.state.value
    if state is not None:
        where.append(f"i.state = {arg(state)}")
    labelled = _labelled(q.labels, state, arg) if q.labels else None
    if labelled is not None:
        where.append(f"i.id IN ({labelled})")
    if q.assignee is not None:
        where.append(
            "i.id IN (SELECT ia.issue_id FROM issue_assignees ia"
            f" JOIN users u ON u.id = ia.user_id WHERE u.username = {arg(q.assignee)})"
        )
    if q.author is not None:
        where.append(f"i.author_id = (SELECT id FROM users WHERE username = {arg(q.author)})")
    if q.no_milestone:
        where.append("i.milestone_id IS NULL")
    elif q.milestone_id is not None:
        where.append(f"i.milestone_id = {arg(q.milestone_id)}")
    if q.text:
        where.append(f"i.search @@ websearch_to_tsquery('english', {arg(q.text)})")
    clause = " AND ".join(where)
    if labelled is not None and len(where) == (3 if state is not None else 2):
        # Labels (and state) are the only filters: count on the label index alone.
        count = f"SELECT count(*) FROM ({labelled}) AS matched"
    else:
        count = f"SELECT count(*) FROM issues i WHERE {clause}"
    return clause, count, args


def _labelled(names: tuple[str, ...], state: str | None, arg: Callable[[object], str]) -> str:
    """The ids of the issues (in ``state``) carrying every label named (regardless of case),
    read from the label index alone. A label that does not exist is on no issue."""
    keys = sorted({name.lower() for name in names})
    in_state = "" if state is None else f" AND il.state = {arg(state)}"
    if len(keys) == 1:
        label = f"(SELECT id FROM labels WHERE project_id = $1 AND lower(name) = {arg(keys[0])})"
        return f"SELECT il.issue_id FROM issue_labels il WHERE il.label_id = {label}{in_state}"
    return (
        "SELECT il.issue_id FROM issue_labels il WHERE il.label_id IN (SELECT id FROM labels"
        f" WHERE project_id = $1 AND lower(name) = ANY({arg(keys)}::text[])){in_state}"
        f" GROUP BY il.issue_id HAVING count(*) = {arg(len(keys))}"
    )


# An issue as the API shows it (views.IssueOut, field for field), built by PostgreSQL, so
# that a listing reaches Python as one JSON text that msgspec decodes straight into the
# views: no row, record or dict per issue. Times are written in UTC with a "Z", which
# msgspec reads back as the same aware datetimes the records carry, so a listed issue
# encodes byte for byte as GET /issues/{iid} does (a test holds the two together).
_UTC = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
_ISSUE_JSON = f"""
    json_build_object(
        'id', i.id::text, 'iid', i.iid, 'project_id', i.project_id::text, 'title', i.title,
        'body', i.body, 'state', i.state,
        'author', CASE WHEN a.id IS NOT NULL
                       THEN json_build_object('id', a.id::text, 'username', a.username) END,
        'assignees', (SELECT coalesce(json_agg(json_build_object('id', u.id::text,
                                                                 'username', u.username)
                                               ORDER BY u.username), '[]')
                        FROM issue_assignees ia JOIN users u ON u.id = ia.user_id
                       WHERE ia.issue_id = i.id),
        'labels', (SELECT coalesce(json_agg(json_build_object('id', l.id::text, 'name', l.name,
                                                              'color', l.color,
                                                              'description', l.description)
                                            ORDER BY lower(l.name), l.id), '[]')
                     FROM issue_labels il JOIN labels l ON l.id = il.label_id
                    WHERE il.issue_id = i.id),
        'milestone', CASE WHEN m.id IS NOT NULL
                          THEN json_build_object('id', m.id::text, 'title', m.title,
                                                 'state', m.state, 'due_date', m.due_date) END,
        'closed_by', CASE WHEN c.id IS NOT NULL
                          THEN json_build_object('id', c.id::text, 'username', c.username) END,
        'closed_at', {_UTC.format("i.closed_at")},
        'comments', (SELECT count(*) FROM issue_comments ic WHERE ic.issue_id = i.id),
        'created_at', {_UTC.format("i.created_at")},
        'updated_at', {_UTC.format("i.updated_at")})
"""
_PAGE = (
    f"SELECT coalesce(json_agg({_ISSUE_JSON} ORDER BY ids.n), '[]')::text"
    " FROM unnest($1::bigint[]) WITH ORDINALITY AS ids (id, n)"
    f" JOIN issues i ON i.id = ids.id {_ISSUE_JOINS}"
)
_ISSUES_OUT = msgspec.json.Decoder(list[IssueOut])


async def issue_page(conn: Conn, project_id: int, q: IssueQuery) -> tuple[list[IssueOut], int]:
    """One page of a project's issues matching ``q``, as the API shows them, and how many
    match in all.

    The order is total (iid breaks ties), so pages neither repeat nor skip an issue while
    nothing changes. Two statements: the first picks the page's ids on the issues table
    alone and counts the matches (on the label index alone when labels and state are the
    only filters); PostgreSQL plans it for each call's values, which keeps a rare label
    from being looked for by walking every issue. The second, whose text never changes
    (so it is planned once: planning the whole in one statement took longer than running
    it), builds the page's JSON (:data:`_ISSUE_JSON`). Measured under 50 clients, building
    the page in Python (a record per row, its labels and assignees through ``json.loads``,
    then a view per record) cost the server 0.3 ms of CPU per request more.
    """
    where, count, args = _filters(project_id, q)
    column = "created_at" if q.sort is IssueSort.CREATED else "updated_at"
    way = "ASC" if q.direction is Direction.ASC else "DESC"
    n = len(args)
    page = await conn.fetchrow(
        f"""
        SELECT ARRAY(SELECT i.id FROM issues i WHERE {where}
                     ORDER BY i.{column} {way}, i.iid {way}
                     LIMIT ${n + 1} OFFSET ${n + 2}) AS ids,
               ({count}) AS total
        """,
        *args,
        q.per_page,
        (q.page - 1) * q.per_page,
    )
    assert page is not None
    ids: list[int] = page["ids"]
    if not ids:
        return [], page["total"]
    shown: str = await conn.fetchval(_PAGE, ids)
    return _ISSUES_OUT.decode(shown), page["total"]


# A user's issues: those they wrote, from the (author, updated) index in order, and those
# they are assigned (few, as a rule) sorted; each branch keeps only readable projects and
# stops at the limit, and the two are merged. For "all", the assigned branch leaves out
# what the user wrote, so no issue comes twice. ($1 user, $2 state or NULL, $3 every
# project readable, $4 internal ones readable, $5 readable private ids, $6 where the page
# ends, or NULL to count them all.)
_READABLE = (
    "($3 OR p.visibility = 'public' OR ($4 AND p.visibility = 'internal')"
    " OR p.id = ANY($5::bigint[]))"
)
_AUTHORED = f"""
    (SELECT i.id, i.updated_at FROM issues i JOIN projects p ON p.id = i.project_id
      WHERE i.author_id = $1 AND ($2::text IS NULL OR i.state = $2) AND {_READABLE}
      ORDER BY i.updated_at DESC, i.id DESC LIMIT $6)
"""
_ASSIGNED = f"""
    (SELECT i.id, i.updated_at FROM issue_assignees ia JOIN issues i ON i.id = ia.issue_id
       JOIN projects p ON p.id = i.project_id
      WHERE ia.user_id = $1 AND ($2::text IS NULL OR i.state = $2) AND {_READABLE} {{mine}}
      ORDER BY i.updated_at DESC, i.id DESC LIMIT $6)
"""
_MINE = {
    UserIssueScope.AUTHORED: _AUTHORED,
    UserIssueScope.ASSIGNED: _ASSIGNED.format(mine=""),
    UserIssueScope.ALL: (
        f"{_AUTHORED} UNION ALL " + _ASSIGNED.format(mine="AND i.author_id IS DISTINCT FROM $1")
    ),
}


async def private_projects_of(conn: Conn, user_id: int, scope: UserIssueScope) -> list[int]:
    """The private projects holding an issue the user wrote or is assigned."""
    wrote = "SELECT i.project_id FROM issues i WHERE i.author_id = $1"
    assigned = (
        "SELECT i.project_id FROM issue_assignees ia JOIN issues i ON i.id = ia.issue_id"
        " WHERE ia.user_id = $1"
    )
    mine = {
        UserIssueScope.AUTHORED: wrote,
        UserIssueScope.ASSIGNED: assigned,
        UserIssueScope.ALL: f"{wrote} UNION {assigned}",
    }[scope]
    rows = await conn.fetch(
        f"SELECT p.id FROM projects p WHERE p.visibility = 'private' AND p.id IN ({mine})",
        user_id,
    )
    return [r["id"] for r in rows]


async def user_issues(
    conn: Conn,
    user_id: int,
    scope: UserIssueScope,
    state: StateFilter,
    readable: Readable,
    limit: int,
    offset: int = 0,
) -> tuple[list[UserIssue], int]:
    """One page of the user's issues in the projects they may read, most recently updated
    first: one statement (see :data:`_MINE`), which gathers labels, assignees and comment
    counts for the page's rows alone; and how many there are in all."""
    args = (
        user_id,
        None if state is StateFilter.ALL else state.value,
        readable.every,
        readable.internal,
        sorted(readable.private),
    )
    rows = await conn.fetch(
        f"""
        SELECT {_ISSUE_COLUMNS}, o.username || '/' || p.name AS project_path
        FROM ({_MINE[scope]}) AS mine
        JOIN issues i ON i.id = mine.id
        JOIN projects p ON p.id = i.project_id
        JOIN users o ON o.id = p.owner_id
        {_ISSUE_JOINS}
        ORDER BY mine.updated_at DESC, mine.id DESC
        LIMIT $8 OFFSET $7
        """,
        *args,
        offset + limit,  # each branch stops where the page ends
        offset,
        limit,
    )
    # LIMIT NULL is no limit: the branches in full, counted.
    total = await conn.fetchval(f"SELECT count(*) FROM ({_MINE[scope]}) AS mine", *args, None)
    return [UserIssue(_issue(r), r["project_path"]) for r in rows], total


async def sync_label_state(conn: Conn, issue_id: int) -> None:
    """Copy an issue's state onto its label rows (the label filter reads it there)."""
    await conn.execute(
        "UPDATE issue_labels SET state = i.state FROM issues i "
        "WHERE i.id = $1 AND issue_labels.issue_id = $1 AND issue_labels.state <> i.state",
        issue_id,
    )


# --- comments --------------------------------------------------------------------------

_COMMENT = """
    SELECT ic.id, ic.body, ic.author_id, u.username AS author_name, ic.created_at,
           ic.updated_at, i.iid
    FROM issue_comments ic JOIN issues i ON i.id = ic.issue_id
    LEFT JOIN users u ON u.id = ic.author_id
"""


def _comment(row: Any) -> CommentRecord:
    return CommentRecord(
        id=row["id"],
        issue_iid=row["iid"],
        body=row["body"],
        author=_user(row["author_id"], row["author_name"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


async def comments(
    conn: Conn, issue_id: int, page: int, per_page: int
) -> tuple[list[CommentRecord], int]:
    rows = await conn.fetch(
        f"{_COMMENT} WHERE ic.issue_id = $1 ORDER BY ic.id LIMIT $2 OFFSET $3",
        issue_id,
        per_page,
        (page - 1) * per_page,
    )
    total: int = await conn.fetchval(
        "SELECT count(*) FROM issue_comments WHERE issue_id = $1", issue_id
    )
    return [_comment(r) for r in rows], total


async def comment(conn: Conn, issue_id: int, comment_id: int) -> CommentRecord | None:
    row = await conn.fetchrow(
        f"{_COMMENT} WHERE ic.issue_id = $1 AND ic.id = $2", issue_id, comment_id
    )
    return None if row is None else _comment(row)
