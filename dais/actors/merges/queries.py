"""The merge requests domain's SQL: rows in, plain values out.

Every function takes a connection, so the actor can read inside the transaction that makes a
change (an event carries the merge request as that transaction leaves it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from dais.actors.identity.messages import Principal, UserKind
from dais.errors import ValidationFailed

from .messages import (
    CommentRecord,
    DashboardScope,
    LabelRef,
    ReviewRecord,
    ReviewState,
    StateFilter,
    UserRef,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dais.storage.database import Conn

    from .mergeability import MergeCheck

__all__ = [
    "Person",
    "comment",
    "comments",
    "involved_projects",
    "labels_by_name",
    "labels_of",
    "lock_merge_requests",
    "merge_request_row",
    "merge_request_rows",
    "next_iid",
    "people",
    "people_of",
    "principals",
    "review",
    "reviews_of",
    "save_check",
    "set_members",
    "user",
    "user_merge_request_rows",
    "users_by_name",
]

_INT4_MAX = 2**31 - 1
_INT8_MAX = 2**63 - 1

_MR = """
    SELECT mr.*,
           au.username AS author_name, amu.username AS auto_merge_by_name,
           mu.username AS merged_by_name, cu.username AS closed_by_name
    FROM merge_requests mr
    LEFT JOIN users au ON au.id = mr.author_id
    LEFT JOIN users amu ON amu.id = mr.auto_merge_by
    LEFT JOIN users mu ON mu.id = mr.merged_by
    LEFT JOIN users cu ON cu.id = mr.closed_by
"""


def user(user_id: int | None, username: str | None) -> UserRef | None:
    return None if user_id is None or username is None else UserRef(user_id, username)


async def merge_request_row(conn: Conn, project_id: int, iid: int, *, lock: bool = False) -> Any:
    """One merge request's row (None if missing); ``lock`` holds it until the transaction ends."""
    if not 0 < iid <= _INT4_MAX:
        return None
    if lock:
        # Lock the merge request row alone (FOR UPDATE OF mr), then read it with its joins.
        found = await conn.fetchval(
            "SELECT id FROM merge_requests WHERE project_id = $1 AND iid = $2 FOR UPDATE",
            project_id,
            iid,
        )
        if found is None:
            return None
    return await conn.fetchrow(f"{_MR} WHERE mr.project_id = $1 AND mr.iid = $2", project_id, iid)


async def lock_merge_requests(conn: Conn, project_id: int, iids: Sequence[int]) -> None:
    """Lock several merge requests until the transaction ends, always in the same order (by
    id), so that two transactions locking overlapping sets cannot deadlock."""
    wanted = sorted({i for i in iids if 0 < i <= _INT4_MAX})
    await conn.execute(
        "SELECT id FROM merge_requests WHERE project_id = $1 AND iid = ANY($2::int[]) "
        "ORDER BY id FOR UPDATE",
        project_id,
        wanted,
    )


async def merge_request_rows(
    conn: Conn,
    project_id: int,
    *,
    state: StateFilter,
    author: str | None,
    label: str | None,
    source_branch: str | None,
    target_branch: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Any], int]:
    """A page of a project's merge requests, newest first, and how many match in all."""
    where = [
        "mr.project_id = $1",
        "($2::text IS NULL OR mr.state = $2)",
        "($3::text IS NULL OR au.username = $3)",
        "($4::text IS NULL OR EXISTS (SELECT 1 FROM merge_request_labels ml "
        "JOIN labels l ON l.id = ml.label_id "
        "WHERE ml.merge_request_id = mr.id AND lower(l.name) = lower($4)))",
        "($5::text IS NULL OR mr.source_branch = $5)",
        "($6::text IS NULL OR mr.target_branch = $6)",
    ]
    args = (
        project_id,
        None if state is StateFilter.ALL else state.value,
        author,
        label,
        source_branch,
        target_branch,
    )
    clause = " AND ".join(where)
    rows = await conn.fetch(
        f"{_MR} WHERE {clause} ORDER BY mr.iid DESC LIMIT $7 OFFSET $8", *args, limit, offset
    )
    total = await conn.fetchval(
        "SELECT count(*) FROM merge_requests mr LEFT JOIN users au ON au.id = mr.author_id "
        f"WHERE {clause}",
        *args,
    )
    return list(rows), int(total)


# The merge requests user $1 is involved in, as $2 (a DashboardScope) says: each way of being
# involved has an index of its own (sql/0013).
_INVOLVED = """
    SELECT id FROM merge_requests WHERE author_id = $1 AND $2::text IN ('all', 'authored')
    UNION
    SELECT merge_request_id FROM merge_request_assignees
    WHERE user_id = $1 AND $2::text IN ('all', 'assigned')
    UNION
    SELECT merge_request_id FROM merge_request_reviewers
    WHERE user_id = $1 AND $2::text IN ('all', 'review_requested')
"""


async def involved_projects(
    conn: Conn, user_id: int, scope: DashboardScope, state: StateFilter
) -> list[tuple[int, str]]:
    """(project id, visibility) of every project holding a merge request ``user_id`` is
    involved in (``scope``) in ``state``."""
    rows = await conn.fetch(
        f"""
        SELECT DISTINCT p.id, p.visibility
        FROM merge_requests mr JOIN projects p ON p.id = mr.project_id
        WHERE mr.id IN ({_INVOLVED}) AND ($3::text IS NULL OR mr.state = $3)
        """,
        user_id,
        scope.value,
        None if state is StateFilter.ALL else state.value,
    )
    return [(r["id"], r["visibility"]) for r in rows]


async def user_merge_request_rows(
    conn: Conn,
    user_id: int,
    *,
    scope: DashboardScope,
    state: StateFilter,
    project_ids: Sequence[int],
    limit: int,
    offset: int = 0,
) -> tuple[list[Any], int]:
    """One page of the merge requests ``user_id`` is involved in (``scope``) in ``state``
    within ``project_ids``, most recently updated first, each with its ``project_path``;
    and how many there are in all."""
    where = f"""
        WHERE mr.id IN ({_INVOLVED})
          AND mr.project_id = ANY($3::bigint[])
          AND ($4::text IS NULL OR mr.state = $4)
    """
    args = (
        user_id,
        scope.value,
        list(project_ids),
        None if state is StateFilter.ALL else state.value,
    )
    rows = await conn.fetch(
        f"""
        SELECT mr.*,
               au.username AS author_name, amu.username AS auto_merge_by_name,
               mu.username AS merged_by_name, cu.username AS closed_by_name,
               o.username || '/' || p.name AS project_path
        FROM merge_requests mr
        JOIN projects p ON p.id = mr.project_id
        JOIN users o ON o.id = p.owner_id
        LEFT JOIN users au ON au.id = mr.author_id
        LEFT JOIN users amu ON amu.id = mr.auto_merge_by
        LEFT JOIN users mu ON mu.id = mr.merged_by
        LEFT JOIN users cu ON cu.id = mr.closed_by
        {where}
        ORDER BY mr.updated_at DESC, mr.id DESC
        LIMIT $5 OFFSET $6
        """,
        *args,
        limit,
        offset,
    )
    total = await conn.fetchval(f"SELECT count(*) FROM merge_requests mr {where}", *args)
    return list(rows), total


async def next_iid(conn: Conn, project_id: int) -> int:
    """The project's next merge request number; the counter row stays locked until the
    transaction ends, so concurrent creators get consecutive numbers."""
    iid: int = await conn.fetchval(
        """
        INSERT INTO merge_request_iids (project_id, last_iid) VALUES ($1, 1)
        ON CONFLICT (project_id) DO UPDATE SET last_iid = merge_request_iids.last_iid + 1
        RETURNING last_iid
        """,
        project_id,
    )
    return iid


async def people_of(conn: Conn, table: str, ids: Sequence[int]) -> dict[int, tuple[UserRef, ...]]:
    """Assignees or reviewers (``table``) of each merge request, by username."""
    assert table in ("merge_request_assignees", "merge_request_reviewers")
    rows = await conn.fetch(
        f"SELECT t.merge_request_id, u.id, u.username FROM {table} t "
        "JOIN users u ON u.id = t.user_id WHERE t.merge_request_id = ANY($1::bigint[]) "
        "ORDER BY u.username",
        list(ids),
    )
    found: dict[int, list[UserRef]] = defaultdict(list)
    for r in rows:
        found[r["merge_request_id"]].append(UserRef(r["id"], r["username"]))
    return {k: tuple(v) for k, v in found.items()}


async def labels_of(conn: Conn, ids: Sequence[int]) -> dict[int, tuple[LabelRef, ...]]:
    rows = await conn.fetch(
        "SELECT ml.merge_request_id, l.id, l.name, l.color, l.description "
        "FROM merge_request_labels ml JOIN labels l ON l.id = ml.label_id "
        "WHERE ml.merge_request_id = ANY($1::bigint[]) ORDER BY lower(l.name), l.id",
        list(ids),
    )
    found: dict[int, list[LabelRef]] = defaultdict(list)
    for r in rows:
        found[r["merge_request_id"]].append(
            LabelRef(r["id"], r["name"], r["color"], r["description"])
        )
    return {k: tuple(v) for k, v in found.items()}


def _review(row: Any) -> ReviewRecord:
    return ReviewRecord(
        id=row["id"],
        merge_request_iid=row["iid"],
        state=ReviewState(row["state"]),
        body=row["body"],
        author=user(row["author_id"], row["author_name"]),
        commit_sha=row["commit_sha"],
        dismissed_at=row["dismissed_at"],
        created_at=row["created_at"],
    )


_REVIEWS = """
    SELECT r.*, mr.iid, u.username AS author_name
    FROM merge_request_reviews r
    JOIN merge_requests mr ON mr.id = r.merge_request_id
    LEFT JOIN users u ON u.id = r.author_id
"""


async def reviews_of(conn: Conn, ids: Sequence[int]) -> dict[int, list[ReviewRecord]]:
    rows = await conn.fetch(
        f"{_REVIEWS} WHERE r.merge_request_id = ANY($1::bigint[]) ORDER BY r.id", list(ids)
    )
    found: dict[int, list[ReviewRecord]] = defaultdict(list)
    for r in rows:
        found[r["merge_request_id"]].append(_review(r))
    return dict(found)


async def review(conn: Conn, review_id: int) -> ReviewRecord:
    row = await conn.fetchrow(f"{_REVIEWS} WHERE r.id = $1", review_id)
    return _review(row)


def _comment(row: Any) -> CommentRecord:
    return CommentRecord(
        id=row["id"],
        merge_request_iid=row["iid"],
        body=row["body"],
        author=user(row["author_id"], row["author_name"]),
        path=row["path"],
        line=row["line"],
        commit_sha=row["commit_sha"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


_COMMENTS = """
    SELECT c.*, mr.iid, u.username AS author_name
    FROM merge_request_comments c
    JOIN merge_requests mr ON mr.id = c.merge_request_id
    LEFT JOIN users u ON u.id = c.author_id
"""


async def comments(conn: Conn, merge_request_id: int) -> list[CommentRecord]:
    rows = await conn.fetch(
        f"{_COMMENTS} WHERE c.merge_request_id = $1 ORDER BY c.id", merge_request_id
    )
    return [_comment(r) for r in rows]


async def comment(conn: Conn, merge_request_id: int, comment_id: int) -> CommentRecord | None:
    if not 0 < comment_id <= _INT8_MAX:
        return None
    row = await conn.fetchrow(
        f"{_COMMENTS} WHERE c.merge_request_id = $1 AND c.id = $2", merge_request_id, comment_id
    )
    return None if row is None else _comment(row)


async def users_by_name(conn: Conn, field: str, names: Sequence[str]) -> list[UserRef]:
    """The active users named, in the order given.

    :raises ValidationFailed: naming ``field`` and the first unknown username.
    """
    if not names:
        return []
    rows = await conn.fetch(
        "SELECT id, username FROM users WHERE username = ANY($1::text[]) AND active",
        list(names),
    )
    known = {r["username"]: UserRef(r["id"], r["username"]) for r in rows}
    for name in names:
        if name not in known:
            raise ValidationFailed(field, f"unknown user {name!r}")
    return [known[n] for n in names]


async def principals(conn: Conn, user_ids: Sequence[int]) -> list[Principal]:
    """The users, as the permission resolver takes them (acting with their full rights), in
    the order given."""
    rows = await conn.fetch(
        "SELECT id, username, kind, is_admin FROM users WHERE id = ANY($1::bigint[])",
        list(user_ids),
    )
    found = {
        r["id"]: Principal(
            user_id=r["id"],
            username=r["username"],
            kind=UserKind(r["kind"]),
            is_admin=r["is_admin"],
        )
        for r in rows
    }
    return [found[i] for i in user_ids if i in found]


async def labels_by_name(conn: Conn, project_id: int, names: Sequence[str]) -> list[LabelRef]:
    """The project's labels named (any case), in the order given.

    :raises ValidationFailed: naming ``labels`` and the first unknown label.
    """
    if not names:
        return []
    rows = await conn.fetch(
        "SELECT id, name, color, description FROM labels "
        "WHERE project_id = $1 AND lower(name) = ANY($2::text[])",
        project_id,
        [n.lower() for n in names],
    )
    known = {
        r["name"].lower(): LabelRef(r["id"], r["name"], r["color"], r["description"]) for r in rows
    }
    for name in names:
        if name.lower() not in known:
            raise ValidationFailed("labels", f"unknown label {name!r} in this project")
    return [known[n.lower()] for n in names]


async def set_members(
    conn: Conn, table: str, column: str, merge_request_id: int, member_ids: Sequence[int]
) -> None:
    """Replace the assignees, reviewers or labels of a merge request."""
    assert (table, column) in (
        ("merge_request_assignees", "user_id"),
        ("merge_request_reviewers", "user_id"),
        ("merge_request_labels", "label_id"),
    )
    await conn.execute(f"DELETE FROM {table} WHERE merge_request_id = $1", merge_request_id)
    if member_ids:
        await conn.execute(
            f"INSERT INTO {table} (merge_request_id, {column}) "
            "SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
            merge_request_id,
            list(member_ids),
        )


async def save_check(conn: Conn, merge_request_id: int, check: MergeCheck) -> None:
    """Keep a fresh mergeability check, and the branch heads it was made for."""
    await conn.execute(
        """
        UPDATE merge_requests
        SET merge_check = $2::text::jsonb, source_sha = $3, target_sha = $4
        WHERE id = $1 AND state = 'open'
        """,
        merge_request_id,
        json.dumps(check.to_json()),
        check.source,
        check.target,
    )


@attrs.frozen
class Person:
    """A user's name and email as a git identity wants them."""

    username: str
    name: str
    email: str


async def people(conn: Conn, user_ids: Sequence[int]) -> dict[int, Person]:
    rows = await conn.fetch(
        "SELECT id, username, display_name, email FROM users WHERE id = ANY($1::bigint[])",
        list(user_ids),
    )
    return {
        r["id"]: Person(
            r["username"],
            r["display_name"] or r["username"],
            r["email"] or f"{r['username']}@users.dais",
        )
        for r in rows
    }
