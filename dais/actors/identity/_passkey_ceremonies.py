"""Identity handlers: passkey registration and sign-in ceremonies, and passkey management."""

from __future__ import annotations

import json
import secrets
from typing import Any

import anyio.to_thread
import asyncpg

from dais.errors import (
    Conflict,
    NotFound,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
)

from . import audit, passkeys, rules
from ._base import (
    _CEREMONY_ID,
    _CEREMONY_LIMIT,
    _CEREMONY_TTL,
    _MAX_PASSKEYS,
    IdentityBase,
    _passkey,
)
from .messages import (
    AuditContext,
    DeletePasskey,
    GetUser,
    ListPasskeys,
    PasskeyCeremony,
    PasskeyLogin,
    PasskeyRecord,
    RegisterPasskey,
    StartPasskeyLogin,
    StartPasskeyRegistration,
    UserRecord,
)


class PasskeyCeremonies(IdentityBase):
    """WebAuthn ceremonies (single-use challenges kept in the broker)."""

    # --- passkeys ----------------------------------------------------------------------
    #
    # A ceremony's challenge waits in the broker under a random id handed out with the
    # options. It is claimed with an atomic counter before it is read, so it is used once
    # even when two replicas receive the same answer at the same moment.

    async def _open_ceremony(self, kind: str, challenge: bytes, user_id: int | None) -> str:
        ceremony_id = secrets.token_urlsafe(24)
        value = {"kind": kind, "user_id": user_id, "challenge": challenge.hex()}
        await self._broker.set(
            f"passkey:ceremony:{ceremony_id}", json.dumps(value).encode(), ttl=_CEREMONY_TTL
        )
        return ceremony_id

    async def _claim_ceremony(self, ceremony_id: str, kind: str) -> tuple[bytes, int | None] | None:
        """The ceremony's challenge and user, once; None if unknown, expired or used."""
        if not _CEREMONY_ID.fullmatch(ceremony_id):
            return None
        key = f"passkey:ceremony:{ceremony_id}"
        if await self._broker.incr(f"{key}:claimed", ttl=_CEREMONY_TTL) != 1:
            return None
        raw = await self._broker.get(key)
        await self._broker.delete(key)
        if raw is None:
            return None
        value = json.loads(raw)
        if value["kind"] != kind:
            return None
        return bytes.fromhex(value["challenge"]), value["user_id"]

    async def _on_StartPasskeyRegistration(  # noqa: N802
        self, m: StartPasskeyRegistration
    ) -> PasskeyCeremony:
        user = await self._on_GetUser(GetUser(m.user_id))
        existing = await self._pool.fetch(
            "SELECT credential_id FROM passkeys WHERE user_id = $1", m.user_id
        )
        if len(existing) >= _MAX_PASSKEYS:
            raise Conflict(f"an account holds at most {_MAX_PASSKEYS} passkeys; delete one first")
        ceremony = passkeys.registration_options(
            passkeys.relying_party(m.public_url),
            user_handle=passkeys.owner_handle(user.id),
            username=user.username,
            display_name=user.display_name or user.username,
            exclude_credentials=[r["credential_id"] for r in existing],
            timeout_ms=int(_CEREMONY_TTL * 1000),
        )
        ceremony_id = await self._open_ceremony("register", ceremony.challenge, user.id)
        return PasskeyCeremony(ceremony_id, ceremony.options)

    async def _on_RegisterPasskey(self, m: RegisterPasskey) -> PasskeyRecord:  # noqa: N802
        rules.check_text(m.name, "name", max_length=100)
        claimed = await self._claim_ceremony(m.ceremony_id, "register")
        if claimed is None or claimed[1] != m.user_id:
            # Well-formed, but no ceremony in progress answers to it: a state to start over
            # from (409), not a malformed request.
            rule = "is unknown, expired or already used; ask for new options"
            raise Conflict(
                f"ceremony_id: {rule}", extra={"errors": [{"field": "ceremony_id", "rule": rule}]}
            )
        rp = passkeys.relying_party(m.public_url)
        try:
            new = await anyio.to_thread.run_sync(
                lambda: passkeys.verify_registration(
                    rp, credential=m.credential, challenge=claimed[0]
                )
            )
        except passkeys.PasskeyRejected as exc:
            raise ValidationFailed("credential", exc.reason) from None
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    """
                    INSERT INTO passkeys (user_id, credential_id, public_key, sign_count, aaguid,
                                          transports, name)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *
                    """,
                    m.user_id,
                    new.credential_id,
                    new.public_key,
                    new.sign_count,
                    new.aaguid,
                    list(new.transports),
                    m.name,
                )
                assert row is not None
                await audit.record(
                    conn,
                    m.audit,
                    "passkey.register",
                    "passkey",
                    row["id"],
                    {"name": m.name, "aaguid": new.aaguid, "backed_up": new.backed_up},
                )
        except asyncpg.UniqueViolationError:
            raise Conflict("this passkey is already registered") from None
        return _passkey(row)

    async def _on_StartPasskeyLogin(self, m: StartPasskeyLogin) -> PasskeyCeremony:  # noqa: N802
        if m.client_address is not None:
            key = f"passkey:options:{m.client_address}"
            if await self._broker.incr(key, ttl=60) > _CEREMONY_LIMIT:
                retry = await self._broker.ttl(key) or 60
                raise TooManyRequests(
                    "too many passkey sign-ins started; try again shortly",
                    retry_after=max(1, int(retry + 0.999)),
                )
        rp = passkeys.relying_party(m.public_url)
        ceremony = passkeys.authentication_options(rp, timeout_ms=int(_CEREMONY_TTL * 1000))
        ceremony_id = await self._open_ceremony("login", ceremony.challenge, None)
        return PasskeyCeremony(ceremony_id, ceremony.options)

    async def _on_PasskeyLogin(self, m: PasskeyLogin) -> tuple[UserRecord, str]:  # noqa: N802
        claimed = await self._claim_ceremony(m.ceremony_id, "login")
        if claimed is None:
            raise Unauthorized("this passkey sign-in has expired or was already used; start again")
        challenge = claimed[0]
        try:
            credential_id = passkeys.credential_id(m.credential)
            handle = passkeys.user_handle(m.credential)
        except passkeys.PasskeyRejected as exc:
            raise Unauthorized(exc.reason) from None
        row = await self._pool.fetchrow(
            """
            SELECT p.id AS passkey_id, p.public_key, p.sign_count, u.id, u.username, u.active
            FROM passkeys p JOIN users u ON u.id = p.user_id WHERE p.credential_id = $1
            """,
            credential_id,
        )
        if row is None:
            raise Unauthorized("this passkey is not registered here")
        if handle is None:
            raise Unauthorized("the passkey response carries no user handle")
        if handle != passkeys.owner_handle(row["id"]):
            await self._passkey_refused(m.audit, row, "the user handle names another account")
            raise Unauthorized("the passkey does not belong to the account it names")
        rp = passkeys.relying_party(m.public_url)
        try:
            sign_count = await anyio.to_thread.run_sync(
                lambda: passkeys.verify_authentication(
                    rp,
                    credential=m.credential,
                    challenge=challenge,
                    public_key=row["public_key"],
                    sign_count=row["sign_count"],
                )
            )
        except passkeys.PasskeyRejected as exc:
            await self._passkey_refused(m.audit, row, exc.reason)
            raise Unauthorized(exc.reason) from None
        if not row["active"]:
            await self._passkey_refused(m.audit, row, "the account is disabled")
            raise Unauthorized("the account is disabled")
        async with self._pool.acquire() as conn, conn.transaction():
            # Compare-and-set: of two sign-ins racing with one counter value, one wins.
            updated = await conn.fetchval(
                """
                UPDATE passkeys SET sign_count = $3, last_used_at = now()
                WHERE id = $1 AND sign_count = $2 RETURNING id
                """,
                row["passkey_id"],
                row["sign_count"],
                sign_count,
            )
            if updated is None:
                raise Unauthorized("the passkey was used concurrently; sign in again")
            return await self._start_session(
                conn,
                row["id"],
                row["username"],
                m.audit,
                {"method": "passkey", "passkey_id": row["passkey_id"]},
            )

    async def _passkey_refused(self, ctx: AuditContext, row: Any, reason: str) -> None:
        """Record a refused sign-in with a registered passkey: a replay or a cloned key."""
        async with self._pool.acquire() as conn, conn.transaction():
            await audit.record(
                conn,
                ctx,
                "auth.login_failed",
                "user",
                row["id"],
                {"method": "passkey", "passkey_id": row["passkey_id"], "reason": reason},
            )

    async def _on_ListPasskeys(self, m: ListPasskeys) -> list[PasskeyRecord]:  # noqa: N802
        rows = await self._pool.fetch(
            "SELECT * FROM passkeys WHERE user_id = $1 ORDER BY id", m.user_id
        )
        return [_passkey(r) for r in rows]

    async def _on_DeletePasskey(self, m: DeletePasskey) -> None:  # noqa: N802
        async with self._pool.acquire() as conn, conn.transaction():
            name = await conn.fetchval(
                "DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name",
                m.passkey_id,
                m.user_id,
            )
            if name is None:
                raise NotFound(f"passkey {m.passkey_id} does not exist")
            await audit.record(
                conn, m.audit, "passkey.delete", "passkey", m.passkey_id, {"name": name}
            )
