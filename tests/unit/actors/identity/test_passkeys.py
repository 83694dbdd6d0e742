"""Passkey ceremonies end to end against a software authenticator, with real signatures."""

from __future__ import annotations

import base64
import copy
import json
import random
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest

from dais.actors.identity.passkeys import (
    MAX_CREDENTIAL_JSON_BYTES,
    NewPasskey,
    PasskeyRejected,
    RelyingParty,
    authentication_options,
    credential_id,
    registration_options,
    relying_party,
    user_handle,
    verify_authentication,
    verify_registration,
)
from tests.support.authenticator import AAGUID, Credential, SoftwareAuthenticator, b64url, cbor

RP = relying_party("https://dais.example.com:8443")
HANDLE = bytes(range(32))


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def register(
    authenticator: SoftwareAuthenticator, rp: RelyingParty = RP, handle: bytes = HANDLE
) -> NewPasskey:
    ceremony = registration_options(rp, user_handle=handle, username="ada", display_name="Ada")
    attestation = authenticator.create(ceremony.options, rp.origin)
    return verify_registration(rp, credential=attestation, challenge=ceremony.challenge)


def sign_in(
    authenticator: SoftwareAuthenticator, passkey: NewPasskey, stored_count: int
) -> tuple[dict[str, Any], int]:
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    count = verify_authentication(
        RP,
        credential=assertion,
        challenge=ceremony.challenge,
        public_key=passkey.public_key,
        sign_count=stored_count,
    )
    return assertion, count


def rejected(exc: pytest.ExceptionInfo[PasskeyRejected]) -> str:
    reason = exc.value.reason
    assert reason.endswith(".") and "\n" not in reason, reason
    return reason.lower()


# -- relying party and options ----------------------------------------------------------------


def test_relying_party_takes_host_as_id_and_keeps_a_non_default_port_in_the_origin() -> None:
    rp = relying_party("https://dais.example.com:8443")
    assert rp == RelyingParty(
        id="dais.example.com", name="dais", origin="https://dais.example.com:8443"
    )


@pytest.mark.parametrize(
    ("url", "rp_id", "origin"),
    [
        (
            "https://Dais.Example.COM:443/some/path?q=1",
            "dais.example.com",
            "https://dais.example.com",
        ),
        ("http://localhost:8000/", "localhost", "http://localhost:8000"),
        ("http://[::1]:8000", "::1", "http://[::1]:8000"),
    ],
)
def test_relying_party_normalises_the_origin_as_a_browser_serialises_it(
    url: str, rp_id: str, origin: str
) -> None:
    rp = relying_party(url)
    assert (rp.id, rp.origin) == (rp_id, origin)


@pytest.mark.parametrize("url", ["ftp://dais.example.com", "dais.example.com", "https://"])
def test_relying_party_refuses_what_is_not_an_http_url(url: str) -> None:
    with pytest.raises(ValueError):
        relying_party(url)


def test_registration_options_ask_for_a_discoverable_credential() -> None:
    ceremony = registration_options(
        RP, user_handle=HANDLE, username="ada", display_name="Ada L.", timeout_ms=120_000
    )
    options = json.loads(json.dumps(ceremony.options))  # JSON-ready as it is
    assert options["rp"] == {"id": "dais.example.com", "name": "dais"}
    assert options["user"] == {"id": b64url(HANDLE), "name": "ada", "displayName": "Ada L."}
    assert _unb64url(options["challenge"]) == ceremony.challenge
    assert len(ceremony.challenge) >= 16
    assert options["authenticatorSelection"] == {
        "residentKey": "required",
        "requireResidentKey": True,
        "userVerification": "preferred",
    }
    assert options["attestation"] == "none"
    assert options["timeout"] == 120_000
    assert [p["alg"] for p in options["pubKeyCredParams"]] == [-7, -8, -257]
    assert options["excludeCredentials"] == []


def test_each_ceremony_gets_a_fresh_challenge() -> None:
    challenges = {authentication_options(RP).challenge for _ in range(20)}
    assert len(challenges) == 20


def test_registration_options_refuse_an_empty_or_oversized_user_handle() -> None:
    for handle in (b"", bytes(65)):
        with pytest.raises(ValueError):
            registration_options(RP, user_handle=handle, username="ada", display_name="Ada")


def test_excluded_credentials_are_listed_and_stop_a_second_registration() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = registration_options(
        RP,
        user_handle=HANDLE,
        username="ada",
        display_name="Ada",
        exclude_credentials=[passkey.credential_id, b"other"],
    )
    assert ceremony.options["excludeCredentials"] == [
        {"id": b64url(passkey.credential_id), "type": "public-key"},
        {"id": b64url(b"other"), "type": "public-key"},
    ]
    with pytest.raises(Exception, match="InvalidStateError"):
        authenticator.create(ceremony.options, RP.origin)


def test_authentication_options_are_for_a_login_without_username() -> None:
    ceremony = authentication_options(RP, timeout_ms=60_000)
    assert ceremony.options == {
        "challenge": b64url(ceremony.challenge),
        "timeout": 60_000,
        "rpId": "dais.example.com",
        "allowCredentials": [],
        "userVerification": "preferred",
    }


# -- happy paths -----------------------------------------------------------------------------


def test_registration_yields_the_new_passkey() -> None:
    passkey = register(SoftwareAuthenticator())
    assert len(passkey.credential_id) == 32
    assert passkey.public_key[:1] == b"\xa5"  # a CBOR map of 5: the COSE EC2 key
    assert passkey.sign_count == 0
    assert passkey.aaguid == str(uuid.UUID(bytes=AAGUID))
    assert passkey.transports == ("hybrid", "internal")
    assert passkey.backed_up is False


def test_a_synced_passkey_is_reported_as_backed_up() -> None:
    assert register(SoftwareAuthenticator(backed_up=True)).backed_up is True


def test_register_then_sign_in_twice_and_the_counter_grows() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    _, first = sign_in(authenticator, passkey, passkey.sign_count)
    _, second = sign_in(authenticator, passkey, first)
    assert (first, second) == (1, 2)


def test_discoverable_login_returns_the_registered_user_handle_and_credential_id() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    register(authenticator, handle=b"someone else")  # another account on the same device
    ceremony = authentication_options(RP)
    assert ceremony.options["allowCredentials"] == []
    assertion = authenticator.get(ceremony.options, RP.origin)
    assert user_handle(assertion) == b"someone else"
    assert credential_id(assertion) != passkey.credential_id

    # The user picks the first account: the ids tell the server whose key to check against.
    authenticator.credentials.reverse()
    assertion = authenticator.get(ceremony.options, RP.origin)
    assert user_handle(json.dumps(assertion)) == HANDLE
    assert credential_id(json.dumps(assertion)) == passkey.credential_id
    assert (
        verify_authentication(
            RP,
            credential=json.dumps(assertion),
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
        == 1
    )


def test_user_handle_is_none_when_the_assertion_carries_none() -> None:
    authenticator = SoftwareAuthenticator()
    register(authenticator)
    assertion = authenticator.get(authentication_options(RP).options, RP.origin)
    for missing in (None, ""):
        assertion["response"]["userHandle"] = missing
        assert user_handle(assertion) is None
    del assertion["response"]["userHandle"]
    assert user_handle(assertion) is None


def test_an_authenticator_that_never_counts_is_accepted() -> None:
    authenticator = SoftwareAuthenticator(sign_count_step=0)
    passkey = register(authenticator)
    _, first = sign_in(authenticator, passkey, passkey.sign_count)
    _, second = sign_in(authenticator, passkey, first)
    assert (passkey.sign_count, first, second) == (0, 0, 0)


# -- responses that must be refused ----------------------------------------------------------


def test_registration_with_the_wrong_challenge_is_rejected() -> None:
    ceremony = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    attestation = SoftwareAuthenticator().create(ceremony.options, RP.origin)
    other = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(RP, credential=attestation, challenge=other.challenge)
    assert "challenge" in rejected(exc)


def test_sign_in_with_the_wrong_challenge_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    assertion = authenticator.get(authentication_options(RP).options, RP.origin)
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=authentication_options(RP).challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "challenge" in rejected(exc)


def test_registration_from_another_origin_is_rejected() -> None:
    ceremony = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    attestation = SoftwareAuthenticator().create(ceremony.options, "https://dais.example.com")
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(RP, credential=attestation, challenge=ceremony.challenge)
    assert "another origin than https://dais.example.com:8443" in rejected(exc)


def test_sign_in_from_another_origin_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, "https://evil.example:8443")
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "another origin" in rejected(exc)


def test_registration_for_another_rp_id_is_rejected() -> None:
    ceremony = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    options = copy.deepcopy(ceremony.options)
    options["rp"]["id"] = "evil.example"
    attestation = SoftwareAuthenticator().create(options, RP.origin)
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(RP, credential=attestation, challenge=ceremony.challenge)
    assert "another site than dais.example.com" in rejected(exc)


def test_sign_in_with_a_passkey_made_for_another_rp_id_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    elsewhere = RelyingParty(id="evil.example", name="evil", origin=RP.origin)
    passkey = register(authenticator, rp=elsewhere)
    ceremony = authentication_options(RP)
    assertion = authenticator.get({**ceremony.options, "rpId": "evil.example"}, RP.origin)
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "another site" in rejected(exc)


def test_a_tampered_signature_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    signature = bytearray(_unb64url(assertion["response"]["signature"]))
    signature[-1] ^= 0x01
    assertion["response"]["signature"] = b64url(bytes(signature))
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "signature is not valid" in rejected(exc)


def test_a_signature_by_another_key_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    other = register(SoftwareAuthenticator())
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=other.public_key,
            sign_count=passkey.sign_count,
        )
    assert "signature is not valid" in rejected(exc)


def test_tampered_client_data_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    client_data = json.loads(_unb64url(assertion["response"]["clientDataJSON"]))
    # Same challenge and origin, different bytes: the signature covers their hash.
    client_data["other_keys_can_be_added_here"] = "tampered"
    assertion["response"]["clientDataJSON"] = b64url(json.dumps(client_data).encode())
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "signature is not valid" in rejected(exc)


def test_client_data_from_a_cross_origin_frame_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    client_data = json.loads(_unb64url(assertion["response"]["clientDataJSON"]))
    client_data["crossOrigin"] = True
    assertion["response"]["clientDataJSON"] = b64url(json.dumps(client_data).encode())
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "embedded by another site" in rejected(exc)


def test_a_registration_answer_is_not_accepted_as_a_sign_in() -> None:
    ceremony = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    attestation = SoftwareAuthenticator().create(ceremony.options, RP.origin)
    passkey = verify_registration(RP, credential=attestation, challenge=ceremony.challenge)
    forged = copy.deepcopy(attestation)
    forged["response"]["signature"] = b64url(b"\x30\x06\x02\x01\x01\x02\x01\x01")
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=forged,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert "another kind of ceremony" in rejected(exc)


def test_a_replayed_assertion_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)
    count = verify_authentication(
        RP,
        credential=assertion,
        challenge=ceremony.challenge,
        public_key=passkey.public_key,
        sign_count=passkey.sign_count,
    )
    # Even if the challenge were somehow still valid, the counter gives the replay away.
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=count,
        )
    assert "counter did not increase" in rejected(exc)


def test_a_counter_behind_the_stored_one_means_a_clone_and_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    assertion = authenticator.get(ceremony.options, RP.origin)  # counter 1
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=assertion,
            challenge=ceremony.challenge,
            public_key=passkey.public_key,
            sign_count=5,
        )
    assert "cloned authenticator" in rejected(exc)


def test_a_counter_that_stops_counting_is_rejected() -> None:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    _, count = sign_in(authenticator, passkey, passkey.sign_count)
    authenticator.sign_count_step = 0
    with pytest.raises(PasskeyRejected):
        sign_in(authenticator, passkey, count)


# -- malformed input -------------------------------------------------------------------------


def _assertion() -> tuple[dict[str, Any], bytes, NewPasskey]:
    authenticator = SoftwareAuthenticator()
    passkey = register(authenticator)
    ceremony = authentication_options(RP)
    return authenticator.get(ceremony.options, RP.origin), ceremony.challenge, passkey


def _attestation() -> tuple[dict[str, Any], bytes]:
    ceremony = registration_options(RP, user_handle=HANDLE, username="ada", display_name="Ada")
    return SoftwareAuthenticator().create(ceremony.options, RP.origin), ceremony.challenge


def _without(doc: dict[str, Any], path: str) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    target = doc
    for key in parents:
        target = target[key]
    del target[last]
    return doc


def _with(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    target = doc
    for key in parents:
        target = target[key]
    target[last] = value
    return doc


def _entry_points(
    credential: Any, challenge: bytes = b"c", public_key: bytes = b"k"
) -> list[Callable[[], object]]:
    """Every function that takes credential JSON from the browser."""
    return [
        partial(verify_registration, RP, credential=credential, challenge=challenge),
        partial(
            verify_authentication,
            RP,
            credential=credential,
            challenge=challenge,
            public_key=public_key,
            sign_count=0,
        ),
        partial(credential_id, credential),
        partial(user_handle, credential),
    ]


NOT_A_CREDENTIAL = ["", "{not json", "[]", "null", "42", '"public-key"', "{}", '{"rawId": 7}']


@pytest.mark.parametrize("text", NOT_A_CREDENTIAL)
def test_text_that_is_not_a_credential_is_rejected_everywhere(text: str) -> None:
    for call in _entry_points(text):
        with pytest.raises(PasskeyRejected) as exc:
            call()
        rejected(exc)


@pytest.mark.parametrize(
    "path",
    [
        "id",
        "rawId",
        "type",
        "response",
        "response.clientDataJSON",
        "response.authenticatorData",
        "response.signature",
    ],
)
def test_an_assertion_missing_a_field_is_rejected_naming_it(path: str) -> None:
    assertion, challenge, passkey = _assertion()
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=_without(assertion, path),
            challenge=challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    reason = rejected(exc)
    if path != "type":
        assert path.lower() in reason


@pytest.mark.parametrize(
    "path", ["id", "rawId", "response", "response.clientDataJSON", "response.attestationObject"]
)
def test_an_attestation_missing_a_field_is_rejected_naming_it(path: str) -> None:
    attestation, challenge = _attestation()
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(RP, credential=_without(attestation, path), challenge=challenge)
    assert path.lower() in rejected(exc)


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        ("rawId", "not base64url!", "rawid is not a base64url string"),
        ("rawId", 12345, "rawid is not a base64url string"),
        ("rawId", "A", "rawid is not valid base64url"),
        ("id", "AAAA", "id and rawid differ"),
        ("type", "password", '"public-key"'),
        ("response.clientDataJSON", b64url(b"\xff\xfe"), "clientdatajson is not valid json"),
        ("response.clientDataJSON", b64url(b"[1]"), "clientdatajson is not a json object"),
        ("response.clientDataJSON", b64url(b"{}"), "clientdatajson is malformed"),
        ("response.authenticatorData", b64url(b"short"), "authenticatordata is malformed"),
        ("response.authenticatorData", b64url(bytes(37) + b"x"), "authenticatordata is malformed"),
        ("response.signature", b64url(b""), "signature is not valid"),
        ("response.userHandle", {"bytes": 1}, "malformed"),
    ],
)
def test_an_assertion_with_a_malformed_field_is_rejected(path: str, value: Any, says: str) -> None:
    assertion, challenge, passkey = _assertion()
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP,
            credential=_with(assertion, path, value),
            challenge=challenge,
            public_key=passkey.public_key,
            sign_count=0,
        )
    assert says in rejected(exc)


@pytest.mark.parametrize(
    "value",
    [b64url(b"not cbor at all"), b64url(b"\xa0"), b64url(b"\xa1\x63fmt\x64none"), ""],
)
def test_a_malformed_attestation_object_is_rejected(value: str) -> None:
    attestation, challenge = _attestation()
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(
            RP,
            credential=_with(attestation, "response.attestationObject", value),
            challenge=challenge,
        )
    rejected(exc)


def test_a_public_key_that_is_not_a_point_on_its_curve_is_not_registered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With "none" attestation nothing proves the key at registration; it must still be a key.
    off_curve = cbor({1: 2, 3: -7, -1: 1, -2: bytes(31) + b"\x01", -3: bytes(31) + b"\x01"})
    monkeypatch.setattr(Credential, "cose_public_key", lambda self: off_curve)
    attestation, challenge = _attestation()
    with pytest.raises(PasskeyRejected) as exc:
        verify_registration(RP, credential=attestation, challenge=challenge)
    assert "public key is not usable" in rejected(exc)


@pytest.mark.parametrize("public_key", [b"", b"\x00", b"\xa0", b"garbage", bytes(65)])
def test_a_corrupt_stored_public_key_is_rejected_not_raised(public_key: bytes) -> None:
    assertion, challenge, _ = _assertion()
    with pytest.raises(PasskeyRejected) as exc:
        verify_authentication(
            RP, credential=assertion, challenge=challenge, public_key=public_key, sign_count=0
        )
    rejected(exc)


def test_user_handle_and_credential_id_reject_malformed_values() -> None:
    assertion, _, _ = _assertion()
    with pytest.raises(PasskeyRejected) as exc:
        user_handle(_with(assertion, "response.userHandle", "%%%"))
    assert "userhandle" in rejected(exc)
    with pytest.raises(PasskeyRejected) as exc:
        user_handle(_with(assertion, "response.userHandle", b64url(bytes(65))))
    assert "longer than 64 bytes" in rejected(exc)
    with pytest.raises(PasskeyRejected) as exc:
        credential_id(_with(assertion, "rawId", ""))
    assert "rawid" in rejected(exc)
    with pytest.raises(PasskeyRejected) as exc:
        credential_id(_without(assertion, "rawId"))
    assert "missing the field rawid" in rejected(exc)


def test_oversized_input_is_rejected_before_it_is_parsed() -> None:
    assertion, challenge, passkey = _assertion()
    padded = _with(assertion, "clientExtensionResults", {"pad": "x" * MAX_CREDENTIAL_JSON_BYTES})
    # Not even valid JSON: the size check has to come first to say so.
    unparsable = "{" * (MAX_CREDENTIAL_JSON_BYTES + 1)
    multibyte = json.dumps(assertion)[:-1] + ', "pad": "' + "é" * 40_000 + '"}'
    for credential in (padded, json.dumps(padded), unparsable, multibyte):
        for call in _entry_points(credential, challenge, passkey.public_key):
            with pytest.raises(PasskeyRejected) as exc:
                call()
            assert f"larger than {MAX_CREDENTIAL_JSON_BYTES} bytes" in rejected(exc)


def test_deeply_nested_json_is_rejected() -> None:
    nested = "[" * 20_000 + "]" * 20_000
    with pytest.raises(PasskeyRejected) as exc:
        credential_id(nested)
    assert "not valid json" in rejected(exc)


def test_a_mapping_that_is_not_json_is_rejected() -> None:
    assertion, _, _ = _assertion()
    with pytest.raises(PasskeyRejected) as exc:
        credential_id({**assertion, "clientExtensionResults": object()})
    assert "json" in rejected(exc)


def test_random_corruption_only_ever_raises_passkey_rejected() -> None:
    """Flip bytes in every binary field: the library's own exceptions must never escape."""
    rng = random.Random(20240601)
    attestation, registration_challenge = _attestation()
    assertion, challenge, passkey = _assertion()
    cases = [
        (attestation, field) for field in ("response.clientDataJSON", "response.attestationObject")
    ] + [
        (assertion, field)
        for field in (
            "response.clientDataJSON",
            "response.authenticatorData",
            "response.signature",
        )
    ]
    for _ in range(60):
        for doc, path in cases:
            parent = path.split(".")[1]
            raw = bytearray(_unb64url(doc["response"][parent]))
            for _ in range(rng.randint(1, 4)):
                position = rng.randrange(len(raw))
                raw[position] = rng.randrange(256)
            if rng.random() < 0.3:
                raw = raw[: rng.randrange(len(raw))]
            corrupt = _with(doc, path, b64url(bytes(raw)))
            try:
                if doc is attestation:
                    verify_registration(RP, credential=corrupt, challenge=registration_challenge)
                else:
                    verify_authentication(
                        RP,
                        credential=corrupt,
                        challenge=challenge,
                        public_key=passkey.public_key,
                        sign_count=0,
                    )
            except PasskeyRejected as exc:
                assert exc.reason


def test_a_users_handle_is_their_id_in_eight_bytes() -> None:
    from dais.actors.identity.passkeys import owner_handle

    assert owner_handle(1) == b"\x00" * 7 + b"\x01"
    assert owner_handle(2**63 - 1) == b"\x7f" + b"\xff" * 7
    assert len({owner_handle(i) for i in range(1000)}) == 1000
