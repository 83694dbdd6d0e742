"""Passkey routes: register one while signed in, sign in with one without a username.

Each ceremony is two calls. ``…/options`` answers the options for the browser's
``navigator.credentials.create()`` or ``get()`` and a ``ceremony_id``; ``…/verify`` takes the
browser's ``PublicKeyCredential.toJSON()`` with that id. The challenge stays server-side in
the broker for five minutes and is good for one answer. The relying party is
``DAIS_PUBLIC_URL``: its host is the rp id, its origin the only one accepted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, post
from litestar.params import JSONBody

from dais.actors.identity import messages as m

from .auth import (
    ask_identity,
    audit_context,
    principal,
    services_of,
    session_cookie,
    signed_in,
    signed_in_with_full_rights,
)
from .identity import UserOut, refuse_login_csrf, user_out
from .paging import LIST_HEADERS, Page, PerPage, sliced
from .params import Id

__all__ = ["ROUTES"]

_CeremonyId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class CeremonyOut(msgspec.Struct):
    ceremony_id: str
    options: dict[str, Any]  # publicKey options, JSON-serialised as WebAuthn Level 3 does


class PasskeyRegistrationIn(msgspec.Struct, forbid_unknown_fields=True):
    ceremony_id: _CeremonyId
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    credential: dict[str, Any]  # PublicKeyCredential.toJSON() of the new credential


class PasskeyLoginIn(msgspec.Struct, forbid_unknown_fields=True):
    ceremony_id: _CeremonyId
    credential: dict[str, Any]  # PublicKeyCredential.toJSON() of the assertion


class PasskeyOut(msgspec.Struct):
    id: str
    name: str
    aaguid: str
    transports: list[str]
    created_at: datetime
    last_used_at: datetime | None


def _passkey_out(p: m.PasskeyRecord) -> PasskeyOut:
    return PasskeyOut(
        id=str(p.id),
        name=p.name,
        aaguid=p.aaguid,
        transports=list(p.transports),
        created_at=p.created_at,
        last_used_at=p.last_used_at,
    )


def _public_url(request: Request[Any, Any, Any]) -> str:
    return services_of(request).settings.public_url


@post(
    "/api/auth/passkeys/register/options",
    tags=["auth"],
    summary="Start registering a passkey for the signed-in user",
    status_code=200,
    guards=[signed_in_with_full_rights],
)
async def registration_options(request: Request[Any, Any, Any]) -> CeremonyOut:
    who = await principal(request)
    ceremony: m.PasskeyCeremony = await ask_identity(
        request, m.StartPasskeyRegistration(who.user_id, _public_url(request))
    )
    return CeremonyOut(ceremony_id=ceremony.ceremony_id, options=ceremony.options)


@post(
    "/api/auth/passkeys/register/verify",
    tags=["auth"],
    summary="Finish registering a passkey",
    guards=[signed_in_with_full_rights],
)
async def register(
    request: Request[Any, Any, Any], data: JSONBody[PasskeyRegistrationIn]
) -> PasskeyOut:
    who = await principal(request)
    record = await ask_identity(
        request,
        m.RegisterPasskey(
            user_id=who.user_id,
            ceremony_id=data.ceremony_id,
            name=data.name,
            credential=data.credential,
            public_url=_public_url(request),
            audit=audit_context(request, who),
        ),
    )
    return _passkey_out(record)


@post(
    "/api/auth/passkeys/login/options",
    tags=["auth"],
    summary="Start signing in with a passkey (no username needed)",
    status_code=200,
)
async def login_options(request: Request[Any, Any, Any]) -> CeremonyOut:
    ceremony: m.PasskeyCeremony = await ask_identity(
        request,
        m.StartPasskeyLogin(_public_url(request), audit_context(request, None).client_address),
    )
    return CeremonyOut(ceremony_id=ceremony.ceremony_id, options=ceremony.options)


@post(
    "/api/auth/passkeys/login/verify",
    tags=["auth"],
    summary="Finish signing in with a passkey; sets the session cookie",
    status_code=200,
)
async def login(
    request: Request[Any, Any, Any], data: JSONBody[PasskeyLoginIn]
) -> Response[UserOut]:
    refuse_login_csrf(request)
    user, secret = await ask_identity(
        request,
        m.PasskeyLogin(
            ceremony_id=data.ceremony_id,
            credential=data.credential,
            public_url=_public_url(request),
            audit=audit_context(request, None),
        ),
    )
    return Response(user_out(user), cookies=[session_cookie(request, secret)])


@get(
    "/api/user/passkeys",
    tags=["user"],
    summary="My passkeys",
    guards=[signed_in],
    response_headers=LIST_HEADERS,
)
async def list_passkeys(
    request: Request[Any, Any, Any], page: Page = 1, per_page: PerPage = 100
) -> Response[list[PasskeyOut]]:
    who = await principal(request)
    items = [_passkey_out(p) for p in await ask_identity(request, m.ListPasskeys(who.user_id))]
    return sliced(request, items, page, per_page)


@delete(
    "/api/user/passkeys/{passkey_id:int}",
    tags=["user"],
    summary="Delete one of my passkeys",
    guards=[signed_in_with_full_rights],
)
async def delete_passkey(request: Request[Any, Any, Any], passkey_id: Id) -> None:
    who = await principal(request)
    await ask_identity(
        request, m.DeletePasskey(who.user_id, passkey_id, audit_context(request, who))
    )


ROUTES = [
    registration_options,
    register,
    login_options,
    login,
    list_passkeys,
    delete_passkey,
]
