"""The projects actor: project rows and their repositories, kept in step.

A project is created in two steps that must both happen: the row (with its audit entry and
``project.created`` event, in one transaction) and the bare repository. If the repository
cannot be made, the row is deleted again, so no project is left without one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio
import asyncpg
import attrs

from dais.actors.identity import audit
from dais.errors import Conflict, NotFound, ValidationFailed
from dais.runtime import Actor, Fault
from dais.storage import outbox
from dais.storage.database import reading

from . import cache as project_cache
from . import repository, rules
from .messages import (
    CreateBranchRule,
    CreateProject,
    DeleteBranchRule,
    DeleteProject,
    GetProject,
    ListBranchRules,
    ListProjects,
    MergeStrategy,
    ProjectMessage,
    ProjectPath,
    ProjectRecord,
    UpdateBranchRule,
    UpdateProject,
    Visibility,
    repository_path,
)
from .protection import BranchRule

if TYPE_CHECKING:
    from pathlib import Path

    from dais.storage.broker import Broker

__all__ = ["ProjectsActor"]

log = logging.getLogger(__name__)

_COLUMNS = """
    p.id, p.owner_id, u.username AS owner, p.name, p.visibility, p.description,
    p.default_branch, p.archived, p.created_at, p.updated_at, p.merge_strategies,
    p.pipeline_must_succeed
"""
_FROM = "FROM projects p JOIN users u ON u.id = p.owner_id"
_RETIRE_TIMEOUT = 5.0  # a broker that does not answer: entries still expire by their TTL
_UPDATABLE = frozenset(
    {
        "name",
        "visibility",
        "description",
        "default_branch",
        "archived",
        "merge_strategies",
        "pipeline_must_succeed",
    }
)


def _project(row: Any) -> ProjectRecord:
    return ProjectRecord(
        id=row["id"],
        owner_id=row["owner_id"],
        owner=row["owner"],
        name=row["name"],
        visibility=Visibility(row["visibility"]),
        description=row["description"],
        default_branch=row["default_branch"],
        archived=row["archived"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        merge_strategies=tuple(MergeStrategy(s) for s in row["merge_strategies"]),
        pipeline_must_succeed=row["pipeline_must_succeed"],
    )


def _event(project: ProjectRecord) -> dict[str, Any]:
    return {"project": {"id": str(project.id), "path": project.path}}


class ProjectsActor(Actor[ProjectMessage]):
    concurrency = 32
    # Its state is PostgreSQL (each change one transaction, rolled back by an error) and
    # the bare repositories on disk (a failed create removes its directory again); the
    # instance holds only its pool, broker and data directory. A fault cannot leave it
    # half-changed, so the actor resumes (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 2048

    def __init__(
        self, pool: asyncpg.Pool[Any], data_dir: Path, broker: Broker | None = None
    ) -> None:
        self._pool = pool
        self._data_dir = data_dir
        # Where the generation of cached project records lives (dais.actors.projects.cache).
        self._broker = broker

    async def receive(self, message: ProjectMessage) -> Any:
        if self._broker is None or not isinstance(
            message, CreateProject | UpdateProject | DeleteProject
        ):
            return await self._receive(message)
        # A change retires every cached project record, on every replica, before the asker
        # hears of it; also when it failed (a create whose repository could not be made is
        # deleted again) or when the asker gave up (it may still have committed).
        try:
            return await self._receive(message)
        finally:
            with anyio.move_on_after(_RETIRE_TIMEOUT, shield=True):
                await project_cache.retire(self._broker)

    async def _receive(self, message: ProjectMessage) -> Any:
        match message:
            case GetProject():
                return await self._get(message.ref)
            case ListProjects():
                return await self._list(message)
            case CreateProject():
                return await self._create(message)
            case UpdateProject():
                return await self._update(message)
            case DeleteProject():
                return await self._delete(message)
            case ListBranchRules():
                return await self._rules(message.project_id)
            case CreateBranchRule():
                return await self._create_rule(message)
            case UpdateBranchRule():
                return await self._update_rule(message)
            case DeleteBranchRule():
                return await self._delete_rule(message)

    async def _get(self, ref: int | ProjectPath) -> ProjectRecord:
        async with reading(self._pool) as conn:
            if isinstance(ref, int):
                row = await conn.fetchrow(f"SELECT {_COLUMNS} {_FROM} WHERE p.id = $1", ref)
            else:
                row = await conn.fetchrow(
                    f"SELECT {_COLUMNS} {_FROM} WHERE u.username = $1 AND p.name = $2",
                    ref.owner,
                    ref.name,
                )
        if row is None:
            raise NotFound(f"project {ref} does not exist")
        return _project(row)

    async def _list(self, m: ListProjects) -> tuple[list[ProjectRecord], int]:
        visible = ["p.visibility = 'public'"]
        if m.signed_in:
            visible.append("p.visibility = 'internal'")
        # $1 is named either way: asyncpg cannot type a parameter the statement never uses.
        visible.append("p.id = ANY($1::bigint[])")
        if m.member_of is None:
            visible.append("true")
        where = f"({' OR '.join(visible)})"
        where += " AND ($2::text IS NULL OR u.username = $2)"
        where += " AND ($3::text IS NULL OR p.name ILIKE $3 OR p.description ILIKE $3)"
        pattern = f"%{m.query}%" if m.query else None
        args = (sorted(m.member_of or ()), m.owner, pattern)
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                f"SELECT {_COLUMNS} {_FROM} WHERE {where} "
                "ORDER BY p.updated_at DESC, p.id DESC LIMIT $4 OFFSET $5",
                *args,
                m.limit,
                m.offset,
            )
            total = await conn.fetchval(f"SELECT count(*) {_FROM} WHERE {where}", *args)
        return [_project(r) for r in rows], total

    async def _create(self, m: CreateProject) -> ProjectRecord:
        rules.check_project_name(m.name)
        rules.check_branch_name(m.default_branch)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    """
                    INSERT INTO projects (owner_id, name, visibility, description, default_branch)
                    VALUES ($1, $2, $3, $4, $5) RETURNING id
                    """,
                    m.owner_id,
                    m.name,
                    m.visibility.value,
                    m.description,
                    m.default_branch,
                )
                assert row is not None
                full = await conn.fetchrow(f"SELECT {_COLUMNS} {_FROM} WHERE p.id = $1", row["id"])
                project = _project(full)
                await audit.record(
                    conn,
                    m.audit,
                    "project.create",
                    "project",
                    project.id,
                    {"path": project.path, "visibility": project.visibility.value},
                )
                await outbox.emit(
                    conn,
                    "project.created",
                    _event(project),
                    key=str(project.id),
                    actor=m.owner,
                )
        except asyncpg.UniqueViolationError:
            raise Conflict(f"{m.owner}/{m.name} already exists") from None
        path = repository_path(self._data_dir, project.id)
        try:
            await repository.create_bare(
                path,
                default_branch=m.default_branch,
                readme=f"# {m.name}\n\n{m.description}\n" if m.initialize_readme else None,
                author=(m.owner, f"{m.owner}@users.dais"),
            )
        except BaseException:
            log.exception(
                "creating the repository of %s failed; removing the project", project.path
            )
            with anyio.move_on_after(30, shield=True):
                await repository.remove(path)
                await self._pool.execute("DELETE FROM projects WHERE id = $1", project.id)
            raise
        return project

    async def _update(self, m: UpdateProject) -> ProjectRecord:
        unknown = set(m.changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        if "name" in m.changes:
            rules.check_project_name(m.changes["name"])
        if "default_branch" in m.changes:
            rules.check_branch_name(m.changes["default_branch"])
        if "merge_strategies" in m.changes:
            m = attrs.evolve(
                m,
                changes=m.changes
                | {"merge_strategies": _check_strategies(m.changes["merge_strategies"])},
            )
        sets: list[str] = []
        args: list[object] = [m.project_id]
        for field, value in m.changes.items():
            args.append(value.value if isinstance(value, Visibility) else value)
            sets.append(f"{field} = ${len(args)}")
        if not sets:
            return await self._get(m.project_id)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                updated = await conn.fetchval(
                    f"UPDATE projects SET {', '.join(sets)}, updated_at = now() "
                    "WHERE id = $1 RETURNING id",
                    *args,
                )
                if updated is None:
                    raise NotFound(f"project {m.project_id} does not exist")
                row = await conn.fetchrow(
                    f"SELECT {_COLUMNS} {_FROM} WHERE p.id = $1", m.project_id
                )
                project = _project(row)
                shown = {
                    k: (v.value if isinstance(v, Visibility) else v) for k, v in m.changes.items()
                }
                await audit.record(conn, m.audit, "project.update", "project", m.project_id, shown)
                await outbox.emit(
                    conn,
                    "project.updated",
                    _event(project) | {"changes": shown},
                    key=str(project.id),
                    actor=m.audit.actor_name,
                )
        except asyncpg.UniqueViolationError:
            raise Conflict("a project with that name already exists in this namespace") from None
        return project

    async def _delete(self, m: DeleteProject) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                f"SELECT {_COLUMNS} {_FROM} WHERE p.id = $1 FOR UPDATE OF p", m.project_id
            )
            if row is None:
                raise NotFound(f"project {m.project_id} does not exist")
            project = _project(row)
            await conn.execute("DELETE FROM projects WHERE id = $1", m.project_id)
            await audit.record(
                conn, m.audit, "project.delete", "project", m.project_id, {"path": project.path}
            )
            # Identity drops the project's role assignments and delegations on this event.
            await outbox.emit(
                conn,
                "project.deleted",
                _event(project),
                key=str(project.id),
                actor=m.audit.actor_name,
            )
        await repository.remove(repository_path(self._data_dir, m.project_id))

    # --- protected branches ------------------------------------------------------------

    async def _rules(self, project_id: int) -> list[BranchRule]:
        rows = await self._pool.fetch(
            "SELECT * FROM protected_branches WHERE project_id = $1 ORDER BY pattern", project_id
        )
        return [_rule(r) for r in rows]

    async def _create_rule(self, m: CreateBranchRule) -> BranchRule:
        _check_pattern(m.pattern)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    """
                    INSERT INTO protected_branches (project_id, pattern, allow_force_push,
                        allow_deletion, push_roles, merge_roles, required_approvals,
                        dismiss_stale_approvals)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
                    """,
                    m.project_id,
                    m.pattern,
                    m.allow_force_push,
                    m.allow_deletion,
                    sorted(m.push_roles),
                    sorted(m.merge_roles),
                    m.required_approvals,
                    m.dismiss_stale_approvals,
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "protected_branch.create",
                    "project",
                    m.project_id,
                    {"pattern": m.pattern},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict(f"a rule for {m.pattern!r} already exists") from None
        except asyncpg.ForeignKeyViolationError:
            raise NotFound(f"project {m.project_id} does not exist") from None
        return _rule(row)

    async def _update_rule(self, m: UpdateBranchRule) -> BranchRule:
        sets: list[str] = []
        args: list[object] = [m.rule_id, m.project_id]
        for field, value in m.changes.items():
            if field == "pattern":
                _check_pattern(value)
            if isinstance(value, frozenset | set):
                value = sorted(value)
            args.append(value)
            sets.append(f"{field} = ${len(args)}")
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    f"UPDATE protected_branches SET {', '.join([*sets, 'updated_at = now()'])} "
                    "WHERE id = $1 AND project_id = $2 RETURNING *",
                    *args,
                )
                if row is None:
                    raise NotFound(f"protected branch rule {m.rule_id} does not exist")
                shown = {
                    k: sorted(v) if isinstance(v, frozenset | set) else v
                    for k, v in m.changes.items()
                }
                await audit.record(
                    conn,
                    m.audit,
                    "protected_branch.update",
                    "project",
                    m.project_id,
                    {"rule_id": m.rule_id, **shown},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict("a rule for that pattern already exists") from None
        return _rule(row)

    async def _delete_rule(self, m: DeleteBranchRule) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            pattern = await conn.fetchval(
                "DELETE FROM protected_branches WHERE id = $1 AND project_id = $2 "
                "RETURNING pattern",
                m.rule_id,
                m.project_id,
            )
            if pattern is None:
                raise NotFound(f"protected branch rule {m.rule_id} does not exist")
            await audit.record(
                conn,
                m.audit,
                "protected_branch.delete",
                "project",
                m.project_id,
                {"rule_id": m.rule_id, "pattern": pattern},
            )


def _rule(row: Any) -> BranchRule:
    return BranchRule(
        id=row["id"],
        pattern=row["pattern"],
        allow_force_push=row["allow_force_push"],
        allow_deletion=row["allow_deletion"],
        push_roles=frozenset(row["push_roles"]),
        merge_roles=frozenset(row["merge_roles"]),
        required_approvals=row["required_approvals"],
        dismiss_stale_approvals=row["dismiss_stale_approvals"],
    )


def _check_strategies(value: object) -> list[str]:
    """A non-empty list of known merge strategies, as stored (in the enum's order).

    :raises ValidationFailed: naming ``merge_strategies``.
    """
    if not isinstance(value, list | tuple | set | frozenset) or not value:
        raise ValidationFailed("merge_strategies", "must name at least one merge strategy")
    chosen = set()
    for item in value:
        try:
            chosen.add(MergeStrategy(item))
        except ValueError:
            known = ", ".join(s.value for s in MergeStrategy)
            raise ValidationFailed(
                "merge_strategies", f"unknown merge strategy {item!r} (known: {known})"
            ) from None
    return [s.value for s in MergeStrategy if s in chosen]


def _check_pattern(value: object) -> None:
    """A branch name, or a glob of one (``*``, ``?`` and ``[...]`` allowed)."""
    if not isinstance(value, str):
        raise ValidationFailed("pattern", "must be a string")
    plain = value.replace("*", "x").replace("?", "x").replace("[", "x").replace("]", "x")
    rules.check_branch_name(plain, "pattern")
