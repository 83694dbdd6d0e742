"""The identity domain's protocol: records it returns and messages it answers.

Other domains import identity only through this module.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import attrs

from .permissions import Permission

__all__ = [
    "AuditContext",
    "Principal",
    "UserKind",
    "UserRecord",
    "UserSummary",
]


class UserKind(enum.StrEnum):
    HUMAN = "human"
    AGENT = "agent"
    SERVICE = "service"


@attrs.frozen
class UserRecord:
    id: int
    kind: UserKind
    username: str
    email: str | None
    display_name: str
    active: bool
    is_admin: bool
    created_at: datetime
    last_login_at: datetime | None


@attrs.frozen
class Principal:
    """Who is making a request, and through what.

    ``scopes`` is ``None`` for a session (the user's full rights) and the token's scopes for
    a token: a token can do exactly what its scopes allow intersected with what its owner
    may do now.
    """

    user_id: int
    username: str
    kind: UserKind
    is_admin: bool
    session_id: int | None = None
    token_id: int | None = None
    scopes: frozenset[Permission] | None = None
    #: The account as read when authenticating (from the token cache for tokens), so
    #: ``GET /api/user`` needs no second lookup.
    user: UserRecord | None = attrs.field(default=None, eq=False, repr=False)
    #: When the credential stops being valid (Unix time), if it does.
    expires_at: float | None = attrs.field(default=None, eq=False, repr=False)
    #: A token restricted to one project (a pipeline's job token) may do nothing elsewhere.
    project_id: int | None = None


@attrs.frozen
class AuditContext:
    """Who did it and from where; written with every state change."""

    actor_id: int | None
    actor_name: str | None
    client_address: str | None
    user_agent: str | None
    on_behalf_of: int | None = None


@attrs.frozen
class SessionRecord:
    id: int
    user_id: int
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    client_address: str | None
    user_agent: str | None


@attrs.frozen
class TokenRecord:
    id: int
    user_id: int
    name: str
    last4: str
    scopes: tuple[str, ...]
    expires_at: datetime | None
    created_at: datetime
    last_used_at: datetime | None
    #: The one project the token may act on (None: wherever its owner may).
    project_id: int | None = None


@attrs.frozen
class RoleRecord:
    id: int
    name: str
    description: str
    permissions: tuple[str, ...]
    builtin: bool


@attrs.frozen
class AssignmentRecord:
    id: int
    user_id: int
    role_id: int
    role: str
    project_id: int | None
    created_at: datetime
    #: The assignee's username and display name, for lists of members.
    username: str
    display_name: str


@attrs.frozen
class DelegationRecord:
    id: int
    delegator_id: int
    delegate_id: int
    permissions: tuple[str, ...]
    project_id: int | None
    expires_at: datetime | None
    created_at: datetime
    revoked_at: datetime | None
    delegator_username: str
    delegate_username: str


@attrs.frozen
class UserSummary:
    """What any signed-in user may see of another (never the email): for user pickers."""

    id: int
    kind: UserKind
    username: str
    display_name: str


@attrs.frozen
class PasskeyRecord:
    id: int
    user_id: int
    name: str
    aaguid: str
    transports: tuple[str, ...]
    created_at: datetime
    last_used_at: datetime | None


@attrs.frozen
class PasskeyCeremony:
    """Options for the browser's ``navigator.credentials.create/get``, and the id under which
    their challenge waits (single use, a few minutes) for the answer."""

    ceremony_id: str
    options: dict[str, Any]


@attrs.frozen
class AuditRecord:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str | None
    on_behalf_of: int | None
    action: str
    target_type: str
    target_id: str | None
    client_address: str | None
    user_agent: str | None
    details: dict[str, object]


# --- messages ---------------------------------------------------------------------------


@attrs.frozen
class AuthenticateToken:
    token: str


@attrs.frozen
class AuthenticateSession:
    secret: str


@attrs.frozen
class Login:
    login: str
    password: str
    audit: AuditContext


@attrs.frozen
class AuthenticatePassword:
    """HTTP Basic with an account's password (git clients); throttled like a login."""

    login: str
    password: str
    audit: AuditContext


@attrs.frozen
class Logout:
    session_id: int
    audit: AuditContext


@attrs.frozen
class GetUser:
    user_id: int


@attrs.frozen
class ListSessions:
    user_id: int


@attrs.frozen
class RevokeSession:
    user_id: int
    session_id: int
    audit: AuditContext


@attrs.frozen
class CreateToken:
    """``project_id`` restricts the token to one project; ``internal`` tokens (dais's own
    job tokens) are not listed to their owner."""

    user_id: int
    name: str
    scopes: frozenset[str]
    expires_at: datetime | None
    audit: AuditContext
    project_id: int | None = None
    internal: bool = False


@attrs.frozen
class ListTokens:
    user_id: int


@attrs.frozen
class RevokeToken:
    user_id: int
    token_id: int
    audit: AuditContext


@attrs.frozen
class Permissions:
    """Everything the principal may do on the project (None: outside any project)."""

    principal: Principal
    project_id: int | None


@attrs.frozen
class EnsureAdmin:
    """First start: create the ``admin`` user if there are no users; reply its password."""

    password: str | None


@attrs.frozen
class ListUsers:
    query: str | None
    limit: int
    offset: int


@attrs.frozen
class FindUsers:
    """Active users whose username, display name or a word of it starts with ``prefix``
    (any case); exact username matches first. Replies ``(list[UserSummary], total)``."""

    prefix: str
    limit: int
    offset: int = 0


@attrs.frozen
class ChangePassword:
    """A human changes their own password, proving the current one (throttled like a
    sign-in). Every other session of theirs ends; ``session_id`` (the caller's) is kept."""

    user_id: int
    session_id: int | None
    current_password: str
    new_password: str
    audit: AuditContext


@attrs.frozen
class CreateUser:
    kind: UserKind
    username: str
    email: str | None
    display_name: str
    password: str | None
    is_admin: bool
    audit: AuditContext


@attrs.frozen
class UpdateUser:
    """``by_admin``: whether the caller is an administrator; only one may change another."""

    user_id: int
    changes: dict[str, object]
    audit: AuditContext
    by_admin: bool = False


@attrs.frozen
class DeleteUser:
    user_id: int
    audit: AuditContext
    by_admin: bool = False


@attrs.frozen
class ResetPassword:
    username: str
    password: str
    audit: AuditContext


@attrs.frozen
class ListRoles:
    pass


@attrs.frozen
class CreateRole:
    """``grantable``: what the caller holds, so no one grants more than they have (None: the
    system, which may grant anything)."""

    name: str
    description: str
    permissions: frozenset[Permission]
    audit: AuditContext
    grantable: frozenset[Permission] | None = None


@attrs.frozen
class UpdateRole:
    role_id: int
    description: str | None
    permissions: frozenset[Permission] | None
    audit: AuditContext
    grantable: frozenset[Permission] | None = None


@attrs.frozen
class DeleteRole:
    role_id: int
    audit: AuditContext


@attrs.frozen
class AssignRole:
    """``grantable``: what the caller holds on the project; the role must not exceed it."""

    user_id: int
    role: str
    project_id: int | None
    audit: AuditContext
    grantable: frozenset[Permission] | None = None


@attrs.frozen
class SetProjectMember:
    """Make a user (by id or username) a member of a project with ``role``, replacing the
    role they had there; replies ``(AssignmentRecord, created)``. ``grantable`` as for
    ``AssignRole``."""

    user_id: int | None
    username: str | None
    role: str
    project_id: int
    audit: AuditContext
    grantable: frozenset[Permission] | None = None


@attrs.frozen
class UnassignRole:
    assignment_id: int
    audit: AuditContext


@attrs.frozen
class ListAssignments:
    """Assignments of a user (None: everyone), optionally only those on one project."""

    user_id: int | None
    project_id: int | None = None


@attrs.frozen
class Delegate:
    delegator: Principal
    delegate_id: int
    permissions: frozenset[Permission]
    project_id: int | None
    expires_at: datetime | None
    audit: AuditContext


@attrs.frozen
class ListDelegations:
    user_id: int


@attrs.frozen
class RevokeDelegation:
    user_id: int
    delegation_id: int
    audit: AuditContext


@attrs.frozen
class QueryAudit:
    actor_id: int | None
    action: str | None
    target_type: str | None
    target_id: str | None
    since: datetime | None
    until: datetime | None
    before_id: int | None
    limit: int
    offset: int = 0


@attrs.frozen
class StartPasskeyRegistration:
    """Options to register a new passkey for the user; ``public_url`` names the relying party."""

    user_id: int
    public_url: str


@attrs.frozen
class RegisterPasskey:
    user_id: int
    ceremony_id: str
    name: str
    credential: dict[str, Any]
    public_url: str
    audit: AuditContext


@attrs.frozen
class StartPasskeyLogin:
    """Options for a username-less passkey sign-in. ``client_address`` is rate limited."""

    public_url: str
    client_address: str | None


@attrs.frozen
class PasskeyLogin:
    """Finish a passkey sign-in; replies ``(UserRecord, session secret)`` as :class:`Login`."""

    ceremony_id: str
    credential: dict[str, Any]
    public_url: str
    audit: AuditContext


@attrs.frozen
class ListPasskeys:
    user_id: int


@attrs.frozen
class DeletePasskey:
    user_id: int
    passkey_id: int
    audit: AuditContext


IdentityMessage = (
    AuthenticateToken
    | AuthenticatePassword
    | AuthenticateSession
    | Login
    | Logout
    | GetUser
    | ListSessions
    | RevokeSession
    | CreateToken
    | ListTokens
    | RevokeToken
    | Permissions
    | EnsureAdmin
    | ListUsers
    | FindUsers
    | ChangePassword
    | CreateUser
    | UpdateUser
    | DeleteUser
    | ResetPassword
    | ListRoles
    | CreateRole
    | UpdateRole
    | DeleteRole
    | AssignRole
    | SetProjectMember
    | UnassignRole
    | ListAssignments
    | Delegate
    | ListDelegations
    | RevokeDelegation
    | QueryAudit
    | StartPasskeyRegistration
    | RegisterPasskey
    | StartPasskeyLogin
    | PasskeyLogin
    | ListPasskeys
    | DeletePasskey
)
