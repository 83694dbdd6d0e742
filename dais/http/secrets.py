"""Secret routes: a project's secrets (``/api/projects/{p}/secrets``) and the platform's
(``/api/admin/secrets``).

A value goes in with ``PUT`` (each one a new version) and never comes back in a listing or
a secret's detail; ``GET .../{name}/value`` opens it, for a caller holding ``secret:read``,
and the audit log records every such read. Who may do what, on a project:

- list names and see versions: ``project:write``, ``secret:write`` or ``secret:read``
  (developers need the names to use them in pipelines; a viewer sees none);
- set and delete: ``secret:write``, and not on an archived project;
- read a value: ``secret:read`` (of the built-in roles, admin and maintainer).

The platform's secrets need ``admin:platform``, and ``secret:read`` too for a value.
``?environment=`` picks an environment's secrets (``production``, ``preview``); without it,
a project-wide secret, and for a listing, every environment's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, put
from litestar.params import JSONBody, Parameter, QueryParameter

from dais.actors.identity.messages import Principal
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.secrets import messages as sm
from dais.errors import Forbidden

from .auth import audit_context, permissions_of, principal, requires
from .paging import LIST_HEADERS, Page, PerPage, sliced
from .params import INTEGER_MAX, ProjectRef
from .projects import load_project

__all__ = ["ROUTES"]

_PROJECT = "/api/projects/{project:str}/secrets"
_PLATFORM = "/api/admin/secrets"
_TAGS = ["secrets"]

_Name = Annotated[
    str,
    Parameter(
        description="An environment variable name: a letter or '_', then letters, digits, '_'.",
        schema_extra={"pattern": sm.NAME_PATTERN},
    ),
]
_Environment = Annotated[
    str | None,
    QueryParameter(
        description="An environment of the project (a DNS label); unset: project-wide.",
        max_length=63,
        pattern=sm.ENVIRONMENT_PATTERN,
    ),
]
_Version = Annotated[
    int | None, QueryParameter(ge=1, le=INTEGER_MAX, description="default: the current one")
]
_LIST_ANY = frozenset({Permission.PROJECT_WRITE, Permission.SECRET_WRITE, Permission.SECRET_READ})


class SecretIn(msgspec.Struct, forbid_unknown_fields=True):
    #: UTF-8 text, at most 64 KiB once encoded (checked on bytes by the domain).
    value: Annotated[str, msgspec.Meta(max_length=sm.MAX_VALUE)]


class SecretOut(msgspec.Struct):
    name: str
    environment: str | None  # None: project-wide (or the platform's)
    version: int
    created_by: str | None
    updated_by: str | None
    created_at: datetime
    updated_at: datetime


class VersionOut(msgspec.Struct):
    version: int
    created_by: str | None
    created_at: datetime


class SecretDetailOut(SecretOut):
    versions: list[VersionOut]  # newest first; the last 20 are kept


class SecretValueOut(msgspec.Struct):
    name: str
    environment: str | None
    version: int
    value: str


def _out(s: sm.SecretRecord) -> SecretOut:
    return SecretOut(
        name=s.name,
        environment=s.scope.environment or None,
        version=s.version,
        created_by=s.created_by,
        updated_by=s.updated_by,
        created_at=s.created_at,
        updated_at=s.updated_at,
    )


def _detail_out(d: sm.SecretDetail) -> SecretDetailOut:
    return SecretDetailOut(
        **msgspec.structs.asdict(_out(d.secret)),
        versions=[VersionOut(v.version, v.created_by, v.created_at) for v in d.versions],
    )


def _value_out(r: sm.Revealed) -> SecretValueOut:
    return SecretValueOut(
        name=r.secret.name,
        environment=r.secret.scope.environment or None,
        version=r.version,
        value=r.value,
    )


async def _ask(request: Request[Any, Any, Any], message: Any) -> Any:
    services = request.app.state.services
    return await services.ask(services.system.ref(sm.ACTOR), message)


def _scope(project_id: int | None, environment: str | None) -> sm.Scope:
    if environment:
        sm.check_environment(environment)
    return sm.Scope(project_id, environment or "")


async def _on_project(
    request: Request[Any, Any, Any], ref: str, need: frozenset[Permission], *, change: bool = False
) -> tuple[pm.ProjectRecord, Principal]:
    """The project and the caller, who must hold one of ``need`` on it.

    :raises Forbidden: without, or for a ``change`` to an archived project.
    """
    project = await load_project(request, ref)
    who = await principal(request)
    if not need & await permissions_of(request, who, project.id):
        names = " or ".join(sorted(p.value for p in need))
        raise Forbidden(f"this needs the {names} permission on the project")
    if change and project.archived:
        raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who


async def _reader(request: Request[Any, Any, Any]) -> Principal:
    """A platform caller who may also read values (``secret:read`` outside any project)."""
    who = await principal(request)
    if Permission.SECRET_READ not in await permissions_of(request, who):
        raise Forbidden("reading a value needs the secret:read permission")
    return who


# --- a project's secrets -------------------------------------------------------------------


@get(
    _PROJECT, tags=_TAGS, summary="A project's secrets (names only)", response_headers=LIST_HEADERS
)
async def list_project_secrets(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    environment: _Environment = None,
    page: Page = 1,
    per_page: PerPage = 100,
) -> Response[list[SecretOut]]:
    record, _who = await _on_project(request, project, _LIST_ANY)
    if environment:
        sm.check_environment(environment)
    found: list[sm.SecretRecord] = await _ask(request, sm.ListSecrets(record.id, environment))
    return sliced(request, [_out(s) for s in found], page, per_page)


@get(f"{_PROJECT}/{{name:str}}", tags=_TAGS, summary="A secret's versions (not its value)")
async def get_project_secret(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _Name,
    environment: _Environment = None,
) -> SecretDetailOut:
    record, _who = await _on_project(request, project, _LIST_ANY)
    detail = await _ask(request, sm.GetSecret(_scope(record.id, environment), name))
    return _detail_out(detail)


@put(f"{_PROJECT}/{{name:str}}", tags=_TAGS, summary="Set a secret (a new version)")
async def put_project_secret(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _Name,
    data: JSONBody[SecretIn],
    environment: _Environment = None,
) -> Response[SecretOut]:
    record, who = await _on_project(
        request, project, frozenset({Permission.SECRET_WRITE}), change=True
    )
    secret, created = await _ask(
        request,
        sm.PutSecret(_scope(record.id, environment), name, data.value, audit_context(request, who)),
    )
    return Response(_out(secret), status_code=201 if created else 200)


@delete(f"{_PROJECT}/{{name:str}}", tags=_TAGS, summary="Delete a secret and its versions")
async def delete_project_secret(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _Name,
    environment: _Environment = None,
) -> None:
    record, who = await _on_project(
        request, project, frozenset({Permission.SECRET_WRITE}), change=True
    )
    await _ask(
        request, sm.DeleteSecret(_scope(record.id, environment), name, audit_context(request, who))
    )


@get(f"{_PROJECT}/{{name:str}}/value", tags=_TAGS, summary="Read a secret's value (audited)")
async def reveal_project_secret(
    request: Request[Any, Any, Any],
    project: ProjectRef,
    name: _Name,
    environment: _Environment = None,
    version: _Version = None,
) -> Response[SecretValueOut]:
    record, who = await _on_project(request, project, frozenset({Permission.SECRET_READ}))
    revealed = await _ask(
        request,
        sm.RevealSecret(_scope(record.id, environment), name, audit_context(request, who), version),
    )
    return Response(_value_out(revealed), headers={"Cache-Control": "no-store"})


# --- the platform's secrets ----------------------------------------------------------------

_PLATFORM_GUARDS = [requires(Permission.ADMIN_PLATFORM)]


@get(
    _PLATFORM,
    tags=_TAGS,
    summary="The platform's secrets (names only)",
    guards=_PLATFORM_GUARDS,
    response_headers=LIST_HEADERS,
)
async def list_platform_secrets(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[SecretOut]]:
    found: list[sm.SecretRecord] = await _ask(request, sm.ListSecrets(None))
    return sliced(request, [_out(s) for s in found], page, per_page)


@get(
    f"{_PLATFORM}/{{name:str}}",
    tags=_TAGS,
    summary="A platform secret's versions",
    guards=_PLATFORM_GUARDS,
)
async def get_platform_secret(request: Request[Any, Any, Any], name: _Name) -> SecretDetailOut:
    return _detail_out(await _ask(request, sm.GetSecret(sm.Scope(), name)))


@put(
    f"{_PLATFORM}/{{name:str}}",
    tags=_TAGS,
    summary="Set a platform secret (a new version)",
    guards=_PLATFORM_GUARDS,
)
async def put_platform_secret(
    request: Request[Any, Any, Any], name: _Name, data: JSONBody[SecretIn]
) -> Response[SecretOut]:
    who = await principal(request)
    secret, created = await _ask(
        request, sm.PutSecret(sm.Scope(), name, data.value, audit_context(request, who))
    )
    return Response(_out(secret), status_code=201 if created else 200)


@delete(
    f"{_PLATFORM}/{{name:str}}",
    tags=_TAGS,
    summary="Delete a platform secret",
    guards=_PLATFORM_GUARDS,
)
async def delete_platform_secret(request: Request[Any, Any, Any], name: _Name) -> None:
    who = await principal(request)
    await _ask(request, sm.DeleteSecret(sm.Scope(), name, audit_context(request, who)))


@get(
    f"{_PLATFORM}/{{name:str}}/value",
    tags=_TAGS,
    summary="Read a platform secret's value (audited)",
    guards=_PLATFORM_GUARDS,
)
async def reveal_platform_secret(
    request: Request[Any, Any, Any], name: _Name, version: _Version = None
) -> Response[SecretValueOut]:
    who = await _reader(request)
    revealed = await _ask(
        request, sm.RevealSecret(sm.Scope(), name, audit_context(request, who), version)
    )
    return Response(_value_out(revealed), headers={"Cache-Control": "no-store"})


ROUTES = [
    list_project_secrets,
    get_project_secret,
    put_project_secret,
    delete_project_secret,
    reveal_project_secret,
    list_platform_secrets,
    get_platform_secret,
    put_platform_secret,
    delete_platform_secret,
    reveal_platform_secret,
]
