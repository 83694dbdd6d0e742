"""Permissions and the built-in roles: the vocabulary every guard speaks."""

from __future__ import annotations

import enum

__all__ = ["BUILTIN_ROLES", "Permission", "parse_permissions"]


class Permission(enum.StrEnum):
    """Named permissions covering every domain, present and to come."""

    PROJECT_READ = "project:read"
    PROJECT_WRITE = "project:write"
    PROJECT_ADMIN = "project:admin"
    ISSUE_WRITE = "issue:write"
    MERGE_REQUEST_WRITE = "merge_request:write"
    MERGE_REQUEST_MERGE = "merge_request:merge"
    PIPELINE_READ = "pipeline:read"
    PIPELINE_RUN = "pipeline:run"
    DEPLOY_READ = "deploy:read"
    DEPLOY_PROMOTE = "deploy:promote"
    OBSERVE_READ = "observe:read"
    OBSERVE_WRITE = "observe:write"
    TELEMETRY_WRITE = "telemetry:write"
    SECRET_READ = "secret:read"
    SECRET_WRITE = "secret:write"
    AGENT_RUN = "agent:run"
    ADMIN_USERS = "admin:users"
    ADMIN_ROLES = "admin:roles"
    ADMIN_PLATFORM = "admin:platform"


P = Permission
_READ = frozenset({P.PROJECT_READ, P.PIPELINE_READ, P.DEPLOY_READ, P.OBSERVE_READ})
_DEVELOP = _READ | {
    P.PROJECT_WRITE,
    P.ISSUE_WRITE,
    P.MERGE_REQUEST_WRITE,
    P.PIPELINE_RUN,
    P.AGENT_RUN,
    P.TELEMETRY_WRITE,
    P.OBSERVE_WRITE,
}

#: name -> (description, permissions). Seeded by sql/0002_identity.sql; kept equal by a test.
BUILTIN_ROLES: dict[str, tuple[str, frozenset[Permission]]] = {
    "admin": ("Everything, everywhere.", frozenset(Permission)),
    "maintainer": (
        "Develops, merges, deploys and manages the project and its secrets.",
        _DEVELOP
        | {P.PROJECT_ADMIN, P.MERGE_REQUEST_MERGE, P.DEPLOY_PROMOTE, P.SECRET_READ, P.SECRET_WRITE},
    ),
    "developer": (
        "Writes code, issues and merge requests, and merges them; runs pipelines and agents.",
        _DEVELOP | {P.MERGE_REQUEST_MERGE},
    ),
    "ops": (
        "Operates deployments and observability, and sets secrets (without reading them back).",
        _READ
        | {P.DEPLOY_PROMOTE, P.PIPELINE_RUN, P.SECRET_WRITE, P.TELEMETRY_WRITE, P.OBSERVE_WRITE},
    ),
    "viewer": ("Reads code, pipelines, deployments and telemetry.", _READ),
}


def parse_permissions(values: object, field: str = "permissions") -> frozenset[Permission]:
    """Validate a list of permission names from input.

    :raises ValueError: naming the first unknown permission.
    """
    if not isinstance(values, list | tuple | set | frozenset):
        raise ValueError(f"{field}: must be a list of permission names")
    out: set[Permission] = set()
    for value in values:
        try:
            out.add(Permission(value))
        except ValueError:
            raise ValueError(f"{field}: unknown permission {value!r}") from None
    return frozenset(out)
