"""Who is calling, and may they: authentication, CSRF, and the permission guards.

A request authenticates with ``Authorization: Bearer <token>``, with a token as the password
of HTTP Basic (for git), or with the session cookie. Cookie-authenticated requests that
change state must come from dais's own origin (the ``Origin`` header, or ``Referer`` when a
browser leaves it out): that is the CSRF defence; token requests carry no ambient
credential and need none.

Routes declare who may call them with Litestar guards (:func:`signed_in`,
:func:`requires`). Guards run before the request body is read, so a caller without the right
credentials learns 401 or 403 and nothing about what a valid body looks like.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from litestar.datastructures import Cookie

from dais.actors.identity.cache import PrincipalCache, generation, permission_key
from dais.actors.identity.messages import (
    AuditContext,
    AuthenticatePassword,
    AuthenticateSession,
    AuthenticateToken,
    Permissions,
    Principal,
)
from dais.actors.identity.permissions import Permission
from dais.actors.identity.resolver import narrow_for
from dais.actors.identity.tokens import TOKEN_PREFIX, hash_secret
from dais.errors import Forbidden, Unauthorized

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection
    from litestar.handlers import BaseRouteHandler
    from litestar.types import Guard

    from dais.services import Services

__all__ = [
    "SESSION_COOKIE",
    "ask_identity",
    "audit_context",
    "authenticate",
    "check_same_origin",
    "full_rights",
    "permissions_of",
    "principal",
    "require",
    "requires",
    "session_cookie",
    "signed_in",
    "signed_in_with_full_rights",
]

SESSION_COOKIE = "dais_session"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A dais token is 45 characters; Basic adds a user name. Anything far longer is not ours.
_MAX_CREDENTIAL = 1024


def services_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Services:
    services: Services = connection.app.state.services
    return services


async def ask_identity(connection: ASGIConnection[Any, Any, Any, Any], message: Any) -> Any:
    """Ask the identity actor on behalf of a request."""
    services = services_of(connection)
    return await services.ask(services.system.ref("identity"), message)


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def check_same_origin(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """Refuse a cookie-authenticated state change that a browser sent from another site."""
    settings = services_of(connection).settings
    allowed = {_origin_of(settings.public_url), *(o.lower() for o in settings.cors_origins)}
    allowed.discard("*")  # CORS may be open to all; a credentialed state change may not
    sent = connection.headers.get("origin")
    origin = sent
    if origin is None or origin == "null":
        referer = connection.headers.get("referer")
        origin = _origin_of(referer) if referer else None
    if origin is None:
        if sent == "null":  # a sandboxed frame, a file: page, or a redirect across sites
            raise Forbidden(
                "cross-site request refused: the request's Origin is null (an opaque origin:"
                " a sandboxed frame, a local file or a cross-site redirect)"
            )
        raise Forbidden("cross-site request refused: the request carries no Origin header")
    if origin.lower() not in allowed:
        raise Forbidden(f"cross-site request refused: origin {origin} is not {settings.public_url}")


def _basic_credentials(value: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Unauthorized("the Basic credentials are not valid base64") from None
    user, colon, secret = decoded.partition(":")
    if not colon:
        raise Unauthorized("the Basic credentials must be user:token or user:password")
    return user, secret


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal | None:
    """The caller, or None when the request carries no credential at all.

    :raises Unauthorized: for a credential that is present but not valid.
    :raises Forbidden: for a cookie-authenticated cross-site state change.
    """
    state: dict[str, Any] = connection.scope.setdefault("state", {})
    if "principal" in state:
        cached: Principal | None = state["principal"]
        return cached
    found: Principal | None = None
    header = connection.headers.get("authorization")
    if header is not None:
        if len(header) > _MAX_CREDENTIAL:
            raise Unauthorized("the Authorization header is too long to hold a dais token")
        scheme, _, value = header.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and value:
            found = await _token_principal(connection, value)
        elif scheme.lower() == "basic" and value:
            user, secret = _basic_credentials(value)
            if secret.startswith(TOKEN_PREFIX):
                found = await _token_principal(connection, secret)
            else:
                # A human's account password (git clients); throttled like a sign-in.
                found = await ask_identity(
                    connection,
                    AuthenticatePassword(user, secret, audit_context(connection, None)),
                )
        else:
            raise Unauthorized("use Authorization: Bearer <token>")
    else:
        cookie = connection.cookies.get(SESSION_COOKIE)
        if cookie:
            found = await ask_identity(connection, AuthenticateSession(cookie))
            # A WebSocket handshake has no method: it is checked like a change, since a
            # socket opened by another site would carry the cookie too.
            method = connection.scope.get("method")
            if method is None or method not in _SAFE_METHODS:
                check_same_origin(connection)
    state["principal"] = found
    return found


async def _token_principal(connection: ASGIConnection[Any, Any, Any, Any], token: str) -> Principal:
    """A token's principal: from this process's cache when still current, else the actor.

    Only tokens the actor accepted are cached, so a miss (and any malformed token) goes to
    the actor, which checks the checksum and says what is wrong.
    """
    state = connection.app.state
    principals: PrincipalCache = state["principal_cache"]
    digest = hash_secret(token)
    current = await generation(state["services"].broker)
    found = principals.get(digest, current)
    if found is None:
        found = await ask_identity(connection, AuthenticateToken(token))
        principals.put(digest, current, found)
    return found


async def principal(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """The caller; 401 when there is none."""
    found = await authenticate(connection)
    if found is None:
        raise Unauthorized("sign in, or send Authorization: Bearer <token>")
    return found


def full_rights(who: Principal) -> Principal:
    """The caller, if they act with all of their account's rights (a session or a ``*`` token).

    Adding a way to sign in (a passkey) would turn a narrowly scoped token into a full
    session, so such actions need full rights.

    :raises Forbidden: for a scoped token.
    """
    if who.scopes is not None:
        raise Forbidden("this needs a signed-in session or a token with the * scope")
    return who


# Stored permission lists, parsed: there are few distinct ones.
_PARSED: dict[bytes, frozenset[Permission]] = {}


async def permissions_of(
    connection: ASGIConnection[Any, Any, Any, Any], who: Principal, project_id: int | None = None
) -> frozenset[Permission]:
    """What ``who`` may do (on ``project_id``): read straight from the broker entry the
    identity actor keeps for the current generation when there is one (no actor hop), else
    resolved by the actor (which stores that entry)."""
    broker = services_of(connection).broker
    stored = await broker.get(permission_key(await generation(broker), who.user_id, project_id))
    if stored is not None:
        held = _PARSED.get(stored)
        if held is None:
            if len(_PARSED) >= 1024:
                _PARSED.clear()
            held = _PARSED[stored] = frozenset(
                Permission(s) for s in stored.decode().split(",") if s
            )
        return narrow_for(held, who.scopes, who.project_id, project_id)
    resolved: frozenset[Permission] = await ask_identity(connection, Permissions(who, project_id))
    return resolved


async def require(
    connection: ASGIConnection[Any, Any, Any, Any],
    permission: Permission,
    project_id: int | None = None,
) -> Principal:
    """The caller, if they hold ``permission`` (on ``project_id``).

    :raises Unauthorized: no credentials.
    :raises Forbidden: naming the missing permission.
    """
    who = await principal(connection)
    if permission not in await permissions_of(connection, who, project_id):
        raise Forbidden(f"this needs the {permission} permission")
    return who


async def signed_in(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard: any authenticated caller (routes about the caller's own account)."""
    await principal(connection)


async def signed_in_with_full_rights(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    """Guard: a session or a ``*`` token (see :func:`full_rights`)."""
    full_rights(await principal(connection))


def requires(permission: Permission) -> Guard:
    """Guard: a caller holding ``permission`` outside any project."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        await require(connection, permission)

    guard.__name__ = f"requires_{permission.name.lower()}"
    return guard


def _ip(host: str | None) -> str | None:
    """The client address if it is an IP address (``inet`` refuses anything else)."""
    if not host:
        return None
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def audit_context(
    connection: ASGIConnection[Any, Any, Any, Any], who: Principal | None
) -> AuditContext:
    client = connection.client
    return AuditContext(
        actor_id=who.user_id if who else None,
        actor_name=who.username if who else None,
        client_address=_ip(client.host if client else None),
        # PostgreSQL text cannot hold NUL; servers should refuse it in headers, but be sure.
        user_agent=(connection.headers.get("user-agent") or "").replace("\x00", "") or None,
    )


def session_cookie(connection: ASGIConnection[Any, Any, Any, Any], value: str) -> Cookie:
    """The session cookie holding ``value``; an empty value clears it."""
    settings = services_of(connection).settings
    return Cookie(
        key=SESSION_COOKIE,
        value=value,
        max_age=int(settings.session_max_age) if value else 0,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
    )
