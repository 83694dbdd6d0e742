"""The secrets domain's protocol. Other domains reach secrets only through here.

One actor speaks it, ``secrets``: it seals values as they are set, keeps their versions,
and opens a value only for a caller the HTTP layer (or a later domain: builds, deploys,
agents) has checked may read it, writing an audit row each time.
"""

from __future__ import annotations

import re
from datetime import datetime

import attrs

from dais.actors.identity.messages import AuditContext
from dais.errors import ValidationFailed

__all__ = [
    "ACTOR",
    "ENVIRONMENT_PATTERN",
    "MAX_VALUE",
    "MAX_VERSIONS",
    "NAME_PATTERN",
    "DeleteSecret",
    "GetSecret",
    "ListSecrets",
    "PutSecret",
    "RevealSecret",
    "Revealed",
    "Scope",
    "SecretDetail",
    "SecretMessage",
    "SecretRecord",
    "VersionRecord",
    "check_environment",
    "check_name",
]

#: Name the actor is registered under.
ACTOR = "secrets"

#: The most bytes a value may hold (UTF-8).
MAX_VALUE = 64 * 1024
#: Versions kept per secret; setting one more drops the oldest.
MAX_VERSIONS = 20
#: An environment variable's name, as POSIX shells take it: a letter or ``_``, then letters,
#: digits or ``_``; at most 128 characters.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
NAME_PATTERN = rf"^{_NAME.pattern}(?!\n)$"
#: An environment's name: a DNS label (it names a Kubernetes namespace later).
_ENVIRONMENT = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
ENVIRONMENT_PATTERN = rf"^{_ENVIRONMENT.pattern}(?!\n)$"


def check_name(name: str, field: str = "name") -> str:
    """:raises ValidationFailed: ``name`` is not an environment variable name."""
    if not _NAME.fullmatch(name):
        raise ValidationFailed(
            field,
            "must be an environment variable name: a letter or '_', then letters, digits or "
            "'_', at most 128 characters (no '=', spaces or NUL)",
        )
    return name


def check_environment(environment: str, field: str = "environment") -> str:
    """:raises ValidationFailed: ``environment`` is not a DNS label."""
    if not _ENVIRONMENT.fullmatch(environment):
        raise ValidationFailed(
            field,
            "must be 1 to 63 lower-case letters, digits or '-', starting and ending with a "
            "letter or digit",
        )
    return environment


@attrs.frozen
class Scope:
    """Where a secret lives: the platform (``project_id`` None), a project, or one of its
    environments (``environment`` not empty)."""

    project_id: int | None = None
    environment: str = ""

    def __attrs_post_init__(self) -> None:
        if self.project_id is None and self.environment:
            raise ValueError("platform secrets have no environment")

    @property
    def key(self) -> str:
        """The scope as sealed into every value's associated data: stable forever."""
        if self.project_id is None:
            return "platform"
        if not self.environment:
            return f"project:{self.project_id}"
        return f"project:{self.project_id}/environment:{self.environment}"


@attrs.frozen
class SecretRecord:
    """A secret as listed: never its value."""

    id: int
    scope: Scope
    name: str
    version: int
    created_by: str | None  # usernames; None once the user is deleted
    updated_by: str | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class VersionRecord:
    version: int
    created_by: str | None
    created_at: datetime


@attrs.frozen
class SecretDetail:
    secret: SecretRecord
    versions: tuple[VersionRecord, ...]  # newest first


@attrs.frozen
class Revealed:
    secret: SecretRecord
    version: int
    value: str


@attrs.frozen
class ListSecrets:
    """A scope's secrets by name. For a project, ``environment`` None lists every
    environment's too."""

    project_id: int | None
    environment: str | None = None


@attrs.frozen
class GetSecret:
    scope: Scope
    name: str


@attrs.frozen
class PutSecret:
    """Set ``value`` as the next version of ``name`` (its first, if it is new). Answers
    ``(record, created)``."""

    scope: Scope
    name: str
    value: str
    audit: AuditContext


@attrs.frozen
class DeleteSecret:
    """Delete ``name`` and every version of it."""

    scope: Scope
    name: str
    audit: AuditContext


@attrs.frozen
class RevealSecret:
    """Open a value (the current version, or ``version``); audited as ``secret.read``."""

    scope: Scope
    name: str
    audit: AuditContext
    version: int | None = None


SecretMessage = ListSecrets | GetSecret | PutSecret | DeleteSecret | RevealSecret
