"""Passkeys (WebAuthn): ceremony options and response verification over ``webauthn``.

Pure functions: the HTTP layer keeps each :class:`Ceremony`'s challenge server-side, hands
``options`` to the browser, and passes the browser's answer back here together with what it
stored. Every way a response can be wrong ends in :class:`PasskeyRejected`.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import attrs
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    decode_credential_public_key,
    decoded_public_key_to_cryptography,
    options_to_json_dict,
    parse_authentication_credential_json,
    parse_registration_credential_json,
)
from webauthn.helpers.cose import COSEAlgorithmIdentifier
from webauthn.helpers.structs import (
    AttestationConveyancePreference,
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

__all__ = [
    "MAX_CREDENTIAL_JSON_BYTES",
    "Ceremony",
    "NewPasskey",
    "PasskeyRejected",
    "RelyingParty",
    "authentication_options",
    "credential_id",
    "owner_handle",
    "registration_options",
    "relying_party",
    "user_handle",
    "verify_authentication",
    "verify_registration",
]

log = logging.getLogger(__name__)

#: A browser's credential JSON is a few KiB at most; anything past this is refused unparsed.
MAX_CREDENTIAL_JSON_BYTES = 64 * 1024
# In order of preference; the browser picks the first its authenticator supports.
ALGORITHMS = [
    COSEAlgorithmIdentifier.ECDSA_SHA_256,
    COSEAlgorithmIdentifier.EDDSA,
    COSEAlgorithmIdentifier.RSASSA_PKCS1_v1_5_SHA_256,
]
CHALLENGE_BYTES = 32
# https://www.w3.org/TR/webauthn-3/#dom-publickeycredentialuserentity-id and
# https://www.w3.org/TR/webauthn-3/#credential-id ("at most 1023 bytes").
MAX_USER_HANDLE_BYTES = 64
MAX_CREDENTIAL_ID_BYTES = 1023
_DEFAULT_PORTS = {"http": 80, "https": 443}
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")


class PasskeyRejected(Exception):
    """A passkey response that must not be trusted; ``reason`` is safe to show to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.frozen
class RelyingParty:
    """Who the passkeys are for: the host browsers scope them to and the origin they come from."""

    id: str
    name: str
    origin: str


@attrs.frozen
class Ceremony:
    """Options for ``navigator.credentials.create/get`` and the challenge they carry."""

    options: dict[str, Any]
    challenge: bytes


@attrs.frozen
class NewPasskey:
    """A verified new credential, ready to store against the user who registered it."""

    credential_id: bytes
    public_key: bytes
    sign_count: int
    aaguid: str
    transports: tuple[str, ...]
    backed_up: bool


def relying_party(public_url: str, name: str = "dais") -> RelyingParty:
    """The relying party for ``DAIS_PUBLIC_URL``: its host as rp id, its scheme, host and port as
    origin (a default port is dropped, as browsers serialise origins without it).

    :raises ValueError: the URL is not an absolute http(s) URL.
    """
    parts = urlsplit(public_url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"public URL must be http or https, got {public_url!r}")
    host = parts.hostname  # lower-cased, without the brackets of an IPv6 literal
    if not host:
        raise ValueError(f"public URL has no host: {public_url!r}")
    port = parts.port
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return RelyingParty(id=host, name=name, origin=f"{scheme}://{netloc}")


def owner_handle(user_id: int) -> bytes:
    """The WebAuthn user handle of a dais user: the user id as 8 big-endian bytes.

    Stable for the life of the account, carries no personal data, and never names another
    account: user ids are never reused, so a deleted user's passkeys match no one.
    """
    return user_id.to_bytes(8, "big")


def registration_options(
    rp: RelyingParty,
    *,
    user_handle: bytes,
    username: str,
    display_name: str,
    exclude_credentials: Sequence[bytes] = (),
    timeout_ms: int = 300_000,
) -> Ceremony:
    """Options to create a discoverable passkey (so login needs no username) for one user.

    ``user_handle`` is the opaque id the authenticator stores and returns on login; it must not
    be personal data. ``exclude_credentials`` lists the user's existing credential ids so one
    authenticator is not registered twice.

    :raises ValueError: ``user_handle`` is empty or longer than 64 bytes.
    """
    if not 0 < len(user_handle) <= MAX_USER_HANDLE_BYTES:
        raise ValueError(f"user handle must be 1 to {MAX_USER_HANDLE_BYTES} bytes")
    challenge = secrets.token_bytes(CHALLENGE_BYTES)
    options = generate_registration_options(
        rp_id=rp.id,
        rp_name=rp.name,
        user_id=user_handle,
        user_name=username,
        user_display_name=display_name,
        challenge=challenge,
        timeout=timeout_ms,
        attestation=AttestationConveyancePreference.NONE,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            require_resident_key=True,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=c) for c in exclude_credentials],
        supported_pub_key_algs=ALGORITHMS,
    )
    return Ceremony(options=options_to_json_dict(options), challenge=challenge)


def authentication_options(rp: RelyingParty, *, timeout_ms: int = 300_000) -> Ceremony:
    """Options for a username-less login: no allowCredentials, so the authenticator offers
    every passkey it holds for this relying party."""
    challenge = secrets.token_bytes(CHALLENGE_BYTES)
    options = generate_authentication_options(
        rp_id=rp.id,
        challenge=challenge,
        timeout=timeout_ms,
        allow_credentials=[],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return Ceremony(options=options_to_json_dict(options), challenge=challenge)


def verify_registration(
    rp: RelyingParty, *, credential: Mapping[str, Any] | str, challenge: bytes
) -> NewPasskey:
    """Check a browser's answer to :func:`registration_options` and extract the new passkey.

    :raises PasskeyRejected: malformed input, wrong challenge, origin or rp id, or an
        attestation that does not verify.
    """
    doc = _load(credential)
    _require_base64url(doc, "id", "rawId", "response.clientDataJSON", "response.attestationObject")
    _refuse_cross_origin(doc)
    with _rejecting(rp, "registration"):
        parsed = parse_registration_credential_json(doc)
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=rp.id,
            expected_origin=rp.origin,
            supported_pub_key_algs=ALGORITHMS,
        )
    try:
        # "none" attestation signs nothing, so nothing has used the key yet: make sure it is a
        # key (a point on its curve, say) before it is stored and every later login fails.
        decoded_public_key_to_cryptography(
            decode_credential_public_key(verified.credential_public_key)
        )
    except Exception as exc:
        raise PasskeyRejected("The passkey's public key is not usable.") from exc
    if len(verified.credential_id) > MAX_CREDENTIAL_ID_BYTES:
        raise PasskeyRejected(
            f"The passkey's credential id is longer than {MAX_CREDENTIAL_ID_BYTES} bytes."
        )
    transports = parsed.response.transports or []
    return NewPasskey(
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        aaguid=verified.aaguid,
        transports=tuple(str(t.value) for t in transports),
        backed_up=verified.credential_backed_up,
    )


def credential_id(credential: Mapping[str, Any] | str) -> bytes:
    """The raw credential id of an assertion or attestation, to look up the stored passkey.

    :raises PasskeyRejected: the JSON is malformed or carries no usable ``rawId``.
    """
    doc = _load(credential)
    raw = _base64url(doc, "rawId")
    if not 0 < len(raw) <= MAX_CREDENTIAL_ID_BYTES:
        raise PasskeyRejected(
            f"The passkey response's rawId must be 1 to {MAX_CREDENTIAL_ID_BYTES} bytes."
        )
    return raw


def user_handle(credential: Mapping[str, Any] | str) -> bytes | None:
    """The user handle an assertion carries (always present for a discoverable credential).

    :raises PasskeyRejected: the JSON is malformed or ``response.userHandle`` is not base64url.
    """
    doc = _load(credential)
    response = doc.get("response")
    if not isinstance(response, dict):
        raise PasskeyRejected("The passkey response is missing the field response.")
    if response.get("userHandle") in (None, ""):
        return None
    handle = _base64url(doc, "response.userHandle")
    if len(handle) > MAX_USER_HANDLE_BYTES:
        raise PasskeyRejected(
            f"The passkey response's userHandle is longer than {MAX_USER_HANDLE_BYTES} bytes."
        )
    return handle


def verify_authentication(
    rp: RelyingParty,
    *,
    credential: Mapping[str, Any] | str,
    challenge: bytes,
    public_key: bytes,
    sign_count: int,
) -> int:
    """Check an assertion against the stored public key and sign counter; return the new count.

    A counter that does not grow, when either side is non-zero, means a replayed assertion or
    a cloned authenticator and is rejected; authenticators that always report 0 are accepted.
    The caller must also check that ``user_handle(credential)``, if present, is the owner of
    the stored passkey.

    :raises PasskeyRejected: malformed input, wrong challenge, origin or rp id, a bad
        signature, or a sign counter that did not increase.
    """
    doc = _load(credential)
    _require_base64url(
        doc,
        "id",
        "rawId",
        "response.clientDataJSON",
        "response.authenticatorData",
        "response.signature",
    )
    _refuse_cross_origin(doc)
    with _rejecting(rp, "sign-in"):
        verified = verify_authentication_response(
            credential=parse_authentication_credential_json(doc),
            expected_challenge=challenge,
            expected_rp_id=rp.id,
            expected_origin=rp.origin,
            credential_public_key=public_key,
            credential_current_sign_count=sign_count,
        )
    return verified.new_sign_count


def _load(credential: Mapping[str, Any] | str) -> dict[str, Any]:
    """Credential JSON as plain dicts, refusing oversized input before parsing it."""
    if isinstance(credential, str):
        text = credential
    elif isinstance(credential, Mapping):
        try:
            text = json.dumps(dict(credential))
        except (TypeError, ValueError, RecursionError) as exc:
            raise PasskeyRejected("The passkey response is not JSON-compatible.") from exc
    else:
        raise PasskeyRejected("The passkey response must be a JSON object.")
    # A character is at least one UTF-8 byte: the cheap check first, the exact one after.
    if len(text) > MAX_CREDENTIAL_JSON_BYTES or (
        len(text.encode("utf-8", "surrogatepass")) > MAX_CREDENTIAL_JSON_BYTES
    ):
        raise PasskeyRejected(
            f"The passkey response is larger than {MAX_CREDENTIAL_JSON_BYTES} bytes."
        )
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise PasskeyRejected("The passkey response is not valid JSON.") from exc
    if not isinstance(doc, dict):
        raise PasskeyRejected("The passkey response must be a JSON object.")
    return doc


def _field(doc: dict[str, Any], path: str) -> object:
    value: object = doc
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            raise PasskeyRejected(f"The passkey response is missing the field {path}.")
        value = value[key]
    return value


def _base64url(doc: dict[str, Any], path: str) -> bytes:
    """Strictly decode a base64url field (the library's decoder skips stray characters)."""
    value = _field(doc, path)
    if not isinstance(value, str) or not _BASE64URL.fullmatch(value):
        raise PasskeyRejected(f"The passkey response's {path} is not a base64url string.")
    try:
        return base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError) as exc:
        raise PasskeyRejected(f"The passkey response's {path} is not valid base64url.") from exc


def _require_base64url(doc: dict[str, Any], *paths: str) -> None:
    for path in paths:
        _base64url(doc, path)


def _refuse_cross_origin(doc: dict[str, Any]) -> None:
    """dais is never framed by another site, so a ceremony run inside a foreign frame
    (``crossOrigin: true``, which the library does not check) is refused."""
    try:
        client_data = json.loads(_base64url(doc, "response.clientDataJSON"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise PasskeyRejected("The passkey response's clientDataJSON is not valid JSON.") from exc
    if not isinstance(client_data, dict):
        raise PasskeyRejected("The passkey response's clientDataJSON is not a JSON object.")
    if client_data.get("crossOrigin") is True:
        raise PasskeyRejected("The passkey was used from a page embedded by another site.")


# Library messages (webauthn 3.0.1, lower-cased) mapped to sentences a user can act on; the
# pin in pyproject.toml and the tests keep these substrings honest. First match wins.
_REPLAYED = "a replayed response or a cloned authenticator"
_REASONS = (
    (
        "challenge was not expected",
        "The passkey response does not match this {ceremony}'s challenge.",
    ),
    ("unexpected client data type", "The passkey response is for another kind of ceremony."),
    (
        "unexpected client data origin",
        "The passkey response came from another origin than {origin}.",
    ),
    ("unexpected rp id hash", "The passkey was made for another site than {rp_id}."),
    ("was not greater than current count", f"The passkey's counter did not increase: {_REPLAYED}."),
    ("could not verify authentication signature", "The passkey's signature is not valid."),
    ("user presence was required", "The authenticator did not confirm a user was present."),
    ("user was not present", "The authenticator did not confirm a user was present."),
    ("unsupported credential public key alg", "The passkey uses an unsupported algorithm."),
    ("unsupported credential public key type", "The passkey uses an unsupported key type."),
    ("id and raw_id were not equivalent", "The passkey response's id and rawId differ."),
    ("credential had unexpected type", 'The passkey response\'s type must be "public-key".'),
    ("attestation statement", "The authenticator's attestation could not be verified."),
    ("unsupported attestation type", "The authenticator's attestation format is not supported."),
    ("clientdatajson", "The passkey response's clientDataJSON is malformed."),
    ("attestationobject", "The passkey response's attestationObject is malformed."),
    ("authenticatordata", "The passkey response's authenticatorData is malformed."),
)


@contextmanager
def _rejecting(rp: RelyingParty, ceremony: str) -> Iterator[None]:
    """Turn anything the library raises into :class:`PasskeyRejected`.

    Deliberately broad: attestation verification walks CBOR, ASN.1, X.509 and TPM structures
    from the client, and cbor2, pyasn1 and cryptography each raise their own exception types
    on garbage. The original stays attached as ``__cause__`` and is logged at debug level.
    """
    try:
        yield
    except Exception as exc:
        message = str(exc)
        log.debug("passkey %s rejected: %s: %s", ceremony, type(exc).__name__, message)
        lowered = message.lower()
        for needle, template in _REASONS:
            if needle in lowered:
                reason = template.format(ceremony=ceremony, origin=rp.origin, rp_id=rp.id)
                break
        else:
            reason = f"The passkey {ceremony} response is malformed or could not be verified."
        raise PasskeyRejected(reason) from exc
