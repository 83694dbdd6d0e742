"""Routes for signing in and for the signed-in user: profile, password, sessions, tokens,
delegations; and the user lookup any signed-in caller may use (for pickers)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, patch, post
from litestar.params import JSONBody, QueryParameter

from dais.actors.identity import messages as m
from dais.actors.identity.permissions import Permission
from dais.errors import Forbidden, ValidationFailed

from .auth import (
    ask_identity,
    audit_context,
    check_same_origin,
    full_rights,
    permissions_of,
    principal,
    session_cookie,
    signed_in,
    signed_in_with_full_rights,
)
from .fields import (
    DisplayName,
    Email,
    Password,
    PermissionName,
    Scope,
    Timestamp,
    parse_datetime,
)
from .paging import LIST_HEADERS, Page, PerPage, offset, paged, sliced
from .params import ID_MAX, Id
from .projects import load_project

__all__ = ["ROUTES", "UserOut", "user_out"]

_Name = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]


# --- shapes ------------------------------------------------------------------------------


class UserOut(msgspec.Struct):
    id: str
    kind: str
    username: str
    email: str | None
    display_name: str
    active: bool
    is_admin: bool
    created_at: datetime
    last_login_at: datetime | None


def user_out(u: m.UserRecord) -> UserOut:
    return UserOut(
        id=str(u.id),
        kind=u.kind.value,
        username=u.username,
        email=u.email,
        display_name=u.display_name,
        active=u.active,
        is_admin=u.is_admin,
        created_at=u.created_at,
        last_login_at=u.last_login_at,
    )


class ProfilePatch(msgspec.Struct, forbid_unknown_fields=True):
    """What a user may change of their own account; checked as the admin API checks it."""

    email: Email | None | msgspec.UnsetType = msgspec.UNSET
    display_name: DisplayName | msgspec.UnsetType = msgspec.UNSET


class PasswordChangeIn(msgspec.Struct, forbid_unknown_fields=True):
    current_password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]
    # Its rules (length) are checked where every password's are too, naming the field.
    new_password: Password


class PasswordChangedOut(msgspec.Struct):
    #: How many other sessions of yours were signed out.
    sessions_ended: int


class UserSummaryOut(msgspec.Struct):
    """Another user as anyone signed in may see them: never their email."""

    id: str
    username: str
    display_name: str
    kind: str


class LoginIn(msgspec.Struct, forbid_unknown_fields=True):
    login: Annotated[str, msgspec.Meta(min_length=1, max_length=254)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class SessionOut(msgspec.Struct):
    id: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    client_address: str | None
    user_agent: str | None
    current: bool


class TokenIn(msgspec.Struct, forbid_unknown_fields=True):
    name: _Name
    scopes: Annotated[list[Scope], msgspec.Meta(min_length=1, max_length=64)]
    expires_at: Timestamp | None = None
    #: Restrict the token to one project (an id or owner/name): it can do nothing elsewhere
    #: (an ingest token for OpenTelemetry is one with the telemetry:write scope).
    project: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None


class TokenOut(msgspec.Struct):
    id: str
    name: str
    last4: str
    scopes: list[str]
    expires_at: datetime | None
    created_at: datetime
    project_id: str | None
    last_used_at: datetime | None


class CreatedTokenOut(TokenOut):
    token: str  # shown once


def token_out(t: m.TokenRecord) -> TokenOut:
    return TokenOut(
        id=str(t.id),
        name=t.name,
        last4=t.last4,
        scopes=list(t.scopes),
        expires_at=t.expires_at,
        created_at=t.created_at,
        last_used_at=t.last_used_at,
        project_id=None if t.project_id is None else str(t.project_id),
    )


class DelegationIn(msgspec.Struct, forbid_unknown_fields=True):
    delegate_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,18}$")]
    permissions: Annotated[list[PermissionName], msgspec.Meta(min_length=1, max_length=64)]
    project_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,18}$")] | None = None
    expires_at: Timestamp | None = None


class DelegationOut(msgspec.Struct):
    id: str
    delegator_id: str
    delegator_username: str
    delegate_id: str
    delegate_username: str
    permissions: list[str]
    project_id: str | None
    expires_at: datetime | None
    created_at: datetime


def delegation_out(d: m.DelegationRecord) -> DelegationOut:
    return DelegationOut(
        id=str(d.id),
        delegator_id=str(d.delegator_id),
        delegator_username=d.delegator_username,
        delegate_id=str(d.delegate_id),
        delegate_username=d.delegate_username,
        permissions=list(d.permissions),
        project_id=None if d.project_id is None else str(d.project_id),
        expires_at=d.expires_at,
        created_at=d.created_at,
    )


def _permissions(values: list[str], field: str) -> frozenset[Permission]:
    out = set()
    for value in values:
        try:
            out.add(Permission(value))
        except ValueError:
            raise ValidationFailed(field, f"unknown permission {value!r}") from None
    return frozenset(out)


_ask = ask_identity


# --- routes ------------------------------------------------------------------------------


def refuse_login_csrf(request: Request[Any, Any, Any]) -> None:
    """A sign-in posted from another site would sign the victim into the attacker's account;
    browsers send Origin on every POST, so one naming another site is refused."""
    if request.headers.get("origin") is not None:
        check_same_origin(request)


@post(
    "/api/auth/login",
    tags=["auth"],
    summary="Sign in with a username or email and a password",
    status_code=200,
)
async def login(request: Request[Any, Any, Any], data: JSONBody[LoginIn]) -> Response[UserOut]:
    refuse_login_csrf(request)
    user, secret = await _ask(
        request, m.Login(data.login, data.password, audit_context(request, None))
    )
    return Response(user_out(user), cookies=[session_cookie(request, secret)])


@post(
    "/api/auth/logout",
    tags=["auth"],
    summary="Sign out of this session",
    status_code=204,
    guards=[signed_in],
)
async def logout(request: Request[Any, Any, Any]) -> Response[None]:
    who = await principal(request)
    if who.session_id is not None:
        await _ask(request, m.Logout(who.session_id, audit_context(request, who)))
    return Response(None, status_code=204, cookies=[session_cookie(request, "")])


@get("/api/user", tags=["user"], summary="The signed-in user")
async def current_user(request: Request[Any, Any, Any]) -> UserOut:
    # No guard: there is no body to read first, and this is the hottest authenticated
    # route (Litestar's guard machinery cost a fifth of it, measured).
    who = await principal(request)
    return user_out(who.user or await _ask(request, m.GetUser(who.user_id)))


@patch(
    "/api/user",
    tags=["user"],
    summary="Change my display name or email",
    guards=[signed_in_with_full_rights],
)
async def update_profile(request: Request[Any, Any, Any], data: JSONBody[ProfilePatch]) -> UserOut:
    who = full_rights(await principal(request))
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    user = await _ask(
        request,
        m.UpdateUser(who.user_id, changes, audit_context(request, who), by_admin=who.is_admin),
    )
    return user_out(user)


@post(
    "/api/user/password",
    tags=["user"],
    summary="Change my password (my other sessions are signed out)",
    status_code=200,
    guards=[signed_in_with_full_rights],
)
async def change_password(
    request: Request[Any, Any, Any], data: JSONBody[PasswordChangeIn]
) -> PasswordChangedOut:
    who = full_rights(await principal(request))
    ended = await _ask(
        request,
        m.ChangePassword(
            user_id=who.user_id,
            session_id=who.session_id,
            current_password=data.current_password,
            new_password=data.new_password,
            audit=audit_context(request, who),
        ),
    )
    return PasswordChangedOut(sessions_ended=ended)


@get(
    "/api/users",
    tags=["user"],
    summary="Look active users up by username or display-name prefix (for pickers)",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def find_users(
    request: Request[Any, Any, Any],
    q: Annotated[str | None, QueryParameter(max_length=100)] = None,
    page: Page = 1,
    per_page: PerPage = 10,
) -> Response[list[UserSummaryOut]]:
    found, total = await _ask(request, m.FindUsers(q or "", per_page, offset(page, per_page)))
    items = [
        UserSummaryOut(
            id=str(u.id), username=u.username, display_name=u.display_name, kind=u.kind.value
        )
        for u in found
    ]
    return paged(request, items, page, per_page, total)


class PermissionsOut(msgspec.Struct):
    project_id: str | None
    permissions: list[str]


@get(
    "/api/user/permissions",
    tags=["user"],
    summary="What I may do, outside any project or on one",
    guards=[signed_in],
)
async def my_permissions(
    request: Request[Any, Any, Any],
    project_id: Annotated[int | None, QueryParameter(ge=1, le=ID_MAX)] = None,
) -> PermissionsOut:
    who = await principal(request)
    held = await permissions_of(request, who, project_id)
    return PermissionsOut(
        project_id=None if project_id is None else str(project_id), permissions=sorted(held)
    )


@get(
    "/api/user/sessions",
    tags=["user"],
    summary="My sessions",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_sessions(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[SessionOut]]:
    who = await principal(request)
    sessions: list[m.SessionRecord] = await _ask(request, m.ListSessions(who.user_id))
    items = [
        SessionOut(
            id=str(s.id),
            created_at=s.created_at,
            last_seen_at=s.last_seen_at,
            expires_at=s.expires_at,
            client_address=s.client_address,
            user_agent=s.user_agent,
            current=s.id == who.session_id,
        )
        for s in sessions
    ]
    return sliced(request, items, page, per_page)


@delete(
    "/api/user/sessions/{session_id:int}",
    tags=["user"],
    summary="Sign a session out",
    guards=[signed_in],
)
async def revoke_session(request: Request[Any, Any, Any], session_id: Id) -> None:
    who = await principal(request)
    await _ask(request, m.RevokeSession(who.user_id, session_id, audit_context(request, who)))


@get(
    "/api/user/tokens",
    tags=["user"],
    summary="My API tokens",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_tokens(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[TokenOut]]:
    who = await principal(request)
    items = [token_out(t) for t in await _ask(request, m.ListTokens(who.user_id))]
    return sliced(request, items, page, per_page)


@post(
    "/api/user/tokens",
    tags=["user"],
    summary="Create an API token (shown once)",
    guards=[signed_in],
)
async def create_token(request: Request[Any, Any, Any], data: JSONBody[TokenIn]) -> CreatedTokenOut:
    who = await principal(request)
    # "*" is everything the owner may do, with or without other names beside it.
    scopes = {"*"} if "*" in data.scopes else set(_permissions(data.scopes, "scopes"))
    if who.scopes is not None:
        # A token can mint tokens only as narrow as itself.
        if "*" in scopes or not scopes <= who.scopes:
            raise ValidationFailed("scopes", "must be within the scopes of the calling token")
    expires = parse_datetime(data.expires_at, "expires_at")
    if expires is not None and expires <= datetime.now(UTC):
        raise ValidationFailed("expires_at", "must be in the future")
    project_id = None
    if data.project is not None:
        project_id = (await load_project(request, data.project)).id
        if "*" in scopes:
            # Everything the owner may do there, named: a restricted token never acts with
            # an account's full rights (which would let it add a passkey, say).
            held = await permissions_of(request, who, project_id)
            if not held:
                raise Forbidden("you hold no permission on this project to give a token")
            scopes = {str(p) for p in held}
        if who.project_id is not None and who.project_id != project_id:
            raise ValidationFailed("project", "must be the project of the calling token")
    elif who.project_id is not None:
        project_id = who.project_id  # a restricted token mints only restricted tokens
    record, secret = await _ask(
        request,
        m.CreateToken(
            who.user_id,
            data.name,
            frozenset(scopes),
            expires,
            audit_context(request, who),
            project_id=project_id,
        ),
    )
    out = token_out(record)
    return CreatedTokenOut(**msgspec.structs.asdict(out), token=secret)


@delete(
    "/api/user/tokens/{token_id:int}",
    tags=["user"],
    summary="Revoke an API token",
    guards=[signed_in],
)
async def revoke_token(request: Request[Any, Any, Any], token_id: Id) -> None:
    who = await principal(request)
    await _ask(request, m.RevokeToken(who.user_id, token_id, audit_context(request, who)))


@get(
    "/api/delegations",
    tags=["delegation"],
    summary="Delegations I gave or received",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_delegations(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[DelegationOut]]:
    who = await principal(request)
    items = [delegation_out(d) for d in await _ask(request, m.ListDelegations(who.user_id))]
    return sliced(request, items, page, per_page)


@post(
    "/api/delegations",
    tags=["delegation"],
    summary="Delegate some of my permissions",
    guards=[signed_in],
)
async def create_delegation(
    request: Request[Any, Any, Any], data: JSONBody[DelegationIn]
) -> DelegationOut:
    who = await principal(request)
    record = await _ask(
        request,
        m.Delegate(
            delegator=who,
            delegate_id=int(data.delegate_id),
            permissions=_permissions(data.permissions, "permissions"),
            project_id=None if data.project_id is None else int(data.project_id),
            expires_at=parse_datetime(data.expires_at, "expires_at"),
            audit=audit_context(request, who),
        ),
    )
    return delegation_out(record)


@delete(
    "/api/delegations/{delegation_id:int}",
    tags=["delegation"],
    summary="Revoke a delegation I gave or received",
    guards=[signed_in],
)
async def revoke_delegation(request: Request[Any, Any, Any], delegation_id: Id) -> None:
    who = await principal(request)
    await _ask(request, m.RevokeDelegation(who.user_id, delegation_id, audit_context(request, who)))


ROUTES = [
    login,
    logout,
    current_user,
    update_profile,
    change_password,
    find_users,
    my_permissions,
    list_sessions,
    revoke_session,
    list_tokens,
    create_token,
    revoke_token,
    list_delegations,
    create_delegation,
    revoke_delegation,
]
