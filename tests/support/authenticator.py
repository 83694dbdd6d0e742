"""A software WebAuthn authenticator and client, for tests that cannot drive a browser.

It builds the same bytes a platform authenticator and browser would: clientDataJSON,
authenticator data, a CBOR attestation object (fmt "none") and ECDSA P-256 assertions, and
hands back the JSON a browser's ``PublicKeyCredential.toJSON()`` produces. Unlike a browser it
does not check that the rp id is a suffix of the origin's host, so tests can forge responses
a relying party must refuse.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

__all__ = ["AuthenticatorError", "Credential", "SoftwareAuthenticator", "b64url", "cbor"]

ES256 = -7
# Authenticator data flags, https://www.w3.org/TR/webauthn-3/#authdata-flags
UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40
# A made-up AAGUID, so tests can tell it from the all-zero one "none" attestation may carry.
AAGUID = bytes.fromhex("dad5dad5000040008000000000000001")


class AuthenticatorError(Exception):
    """What the browser would report as a DOMException (NotAllowedError, InvalidStateError…)."""


def b64url(data: bytes) -> str:
    """base64url without padding, as WebAuthn's JSON serialisation uses."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cbor(value: object) -> bytes:
    """Minimal CTAP2-canonical CBOR: unsigned and negative ints, bytes, text, lists, maps, bools."""
    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list | tuple):
        return _head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, Mapping):
        # CTAP2 canonical order: shorter encoded keys first, then bytewise.
        items = sorted(
            ((cbor(k), cbor(v)) for k, v in value.items()), key=lambda kv: (len(kv[0]), kv[0])
        )
        return _head(5, len(items)) + b"".join(k + v for k, v in items)
    raise TypeError(f"cannot CBOR-encode {type(value).__name__}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, n)
    raise ValueError("integer too large for CBOR")


@attrs.define
class Credential:
    """A resident credential as the authenticator stores it."""

    id: bytes
    rp_id: str
    user_handle: bytes
    private_key: ec.EllipticCurvePrivateKey
    sign_count: int = 0

    def cose_public_key(self) -> bytes:
        numbers = self.private_key.public_key().public_numbers()
        # COSE_Key: kty EC2 (2), alg ES256, crv P-256 (1), x, y.
        return cbor(
            {
                1: 2,
                3: ES256,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )


@attrs.define
class SoftwareAuthenticator:
    """A platform authenticator holding discoverable ES256 credentials in memory.

    ``sign_count_step`` is added to a credential's counter on every assertion; 0 imitates
    authenticators (most synced passkeys) that always report 0. ``backed_up`` sets the
    backup-eligible and backed-up flags, as a synced passkey would.
    """

    sign_count_step: int = 1
    backed_up: bool = False
    aaguid: bytes = AAGUID
    credentials: list[Credential] = attrs.field(factory=list)

    def create(self, options: Mapping[str, Any], origin: str) -> dict[str, Any]:
        """``navigator.credentials.create({publicKey: options})`` on a page at ``origin``."""
        rp_id = options.get("rp", {}).get("id") or _host(origin)
        if not any(p.get("alg") == ES256 for p in options.get("pubKeyCredParams", [])):
            raise AuthenticatorError("NotSupportedError: ES256 was not offered")
        excluded = {_unb64url(c["id"]) for c in options.get("excludeCredentials", [])}
        if any(c.rp_id == rp_id and c.id in excluded for c in self.credentials):
            raise AuthenticatorError("InvalidStateError: a credential here is excluded")
        user_handle = _unb64url(options["user"]["id"])
        # A resident credential replaces any other for the same rp and user (CTAP2 makeCredential).
        self.credentials = [
            c for c in self.credentials if (c.rp_id, c.user_handle) != (rp_id, user_handle)
        ]
        credential = Credential(
            id=secrets.token_bytes(32),
            rp_id=rp_id,
            user_handle=user_handle,
            private_key=ec.generate_private_key(ec.SECP256R1()),
        )
        self.credentials.append(credential)

        client_data = _client_data("webauthn.create", options["challenge"], origin)
        attested = (
            self.aaguid
            + struct.pack(">H", len(credential.id))
            + credential.id
            + credential.cose_public_key()
        )
        auth_data = self._auth_data(rp_id, AT, credential.sign_count) + attested
        attestation_object = cbor({"fmt": "none", "attStmt": {}, "authData": auth_data})
        public_key_der = credential.private_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return {
            "id": b64url(credential.id),
            "rawId": b64url(credential.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation_object),
                "authenticatorData": b64url(auth_data),
                "publicKey": b64url(public_key_der),
                "publicKeyAlgorithm": ES256,
                "transports": ["hybrid", "internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }

    def get(self, options: Mapping[str, Any], origin: str) -> dict[str, Any]:
        """``navigator.credentials.get({publicKey: options})`` on a page at ``origin``.

        With an empty allowCredentials the newest resident credential for the rp is used, as if
        the user picked it from the browser's account chooser.
        """
        rp_id = options.get("rpId") or _host(origin)
        allowed = {_unb64url(c["id"]) for c in options.get("allowCredentials", [])}
        candidates = [
            c for c in self.credentials if c.rp_id == rp_id and (not allowed or c.id in allowed)
        ]
        if not candidates:
            raise AuthenticatorError(f"NotAllowedError: no credential for {rp_id}")
        credential = candidates[-1]
        credential.sign_count += self.sign_count_step

        client_data = _client_data("webauthn.get", options["challenge"], origin)
        auth_data = self._auth_data(rp_id, 0, credential.sign_count)
        signature = credential.private_key.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return {
            "id": b64url(credential.id),
            "rawId": b64url(credential.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": b64url(credential.user_handle),
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }

    def _auth_data(self, rp_id: str, flags: int, sign_count: int) -> bytes:
        flags |= UP | UV | (BE | BS if self.backed_up else 0)
        rp_id_hash = hashlib.sha256(rp_id.encode("utf-8")).digest()
        return rp_id_hash + bytes([flags]) + struct.pack(">I", sign_count)


def _client_data(kind: str, challenge: str, origin: str) -> bytes:
    # Browsers serialise these members first and in this order, without whitespace:
    # https://www.w3.org/TR/webauthn-3/#clientdatajson-serialization
    return json.dumps(
        {"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False},
        separators=(",", ":"),
    ).encode("utf-8")


def _host(origin: str) -> str:
    """The rp id a browser defaults to: the origin's host."""
    return urlsplit(origin).hostname or ""
