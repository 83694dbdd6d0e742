"""Who is calling, and may they: authentication, CSRF, and the permission guard.

A request authenticates with ``Authorization: Bearer <token>``, with a token as the password
of HTTP Basic (for git), or with the session cookie. Cookie-authenticated requests that
change state must come from dais's own origin (the ``Origin`` header, or ``Referer`` when a
browser leaves it out): that is the CSRF defence; token requests carry no ambient
credential and need none.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dais.actors.identity.messages import (
    AuditContext,
    AuthenticateSession,
    AuthenticateToken,
    Permissions,
    Principal,
)
from dais.errors import Forbidden, Unauthorized

if TYPE_CHECKING:
    from litestar import Request

    from dais.actors.identity.permissions import Permission
    from dais.services import Services

__all__ = [
    "SESSION_COOKIE",
    "audit_context",
    "authenticate",
    "check_same_origin",
    "optional_principal",
    "permissions_of",
    "principal",
    "require",
]

SESSION_COOKIE = "dais_session"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _services(request: Request[Any, Any, Any]) -> Services:
    services: Services = request.app.state.services
    return services


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def check_same_origin(request: Request[Any, Any, Any]) -> None:
    """Refuse a cookie-authenticated state change that a browser sent from another site."""
    settings = _services(request).settings
    allowed = {_origin_of(settings.public_url), *(o.lower() for o in settings.cors_origins)}
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        referer = request.headers.get("referer")
        origin = _origin_of(referer) if referer else None
    if origin is None:
        raise Forbidden("cross-site request refused: the request carries no Origin header")
    if origin.lower() not in allowed:
        raise Forbidden(f"cross-site request refused: origin {origin} is not {settings.public_url}")


async def authenticate(request: Request[Any, Any, Any]) -> Principal | None:
    """The caller, or None when the request carries no credential at all.

    :raises Unauthorized: for a credential that is present but not valid.
    :raises Forbidden: for a cookie-authenticated cross-site state change.
    """
    state: dict[str, Any] = request.scope.setdefault("state", {})
    if "principal" in state:
        cached: Principal | None = state["principal"]
        return cached
    services = _services(request)
    identity = services.system.ref("identity")
    found: Principal | None = None
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, value = header.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and value:
            found = await services.ask(identity, AuthenticateToken(value))
        elif scheme.lower() == "basic" and value:
            try:
                _, _, secret = base64.b64decode(value, validate=True).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                raise Unauthorized("the Basic credentials are not valid base64") from None
            found = await services.ask(identity, AuthenticateToken(secret))
        else:
            raise Unauthorized("use Authorization: Bearer <token>")
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            found = await services.ask(identity, AuthenticateSession(cookie))
            if request.method not in _SAFE_METHODS:
                check_same_origin(request)
    state["principal"] = found
    return found


async def optional_principal(request: Request[Any, Any, Any]) -> Principal | None:
    return await authenticate(request)


async def principal(request: Request[Any, Any, Any]) -> Principal:
    """The caller; 401 when there is none."""
    found = await authenticate(request)
    if found is None:
        raise Unauthorized("sign in, or send Authorization: Bearer <token>")
    return found


async def permissions_of(
    request: Request[Any, Any, Any], who: Principal, project_id: int | None = None
) -> frozenset[Permission]:
    services = _services(request)
    held: frozenset[Permission] = await services.ask(
        services.system.ref("identity"), Permissions(who, project_id)
    )
    return held


async def require(
    request: Request[Any, Any, Any], permission: Permission, project_id: int | None = None
) -> Principal:
    """The caller, if they hold ``permission`` (on ``project_id``).

    :raises Unauthorized: no credentials.
    :raises Forbidden: naming the missing permission.
    """
    who = await principal(request)
    if permission not in await permissions_of(request, who, project_id):
        raise Forbidden(f"this needs the {permission} permission")
    return who


def audit_context(request: Request[Any, Any, Any], who: Principal | None) -> AuditContext:
    client = request.client
    return AuditContext(
        actor_id=who.user_id if who else None,
        actor_name=who.username if who else None,
        client_address=client.host if client else None,
        user_agent=request.headers.get("user-agent"),
    )
