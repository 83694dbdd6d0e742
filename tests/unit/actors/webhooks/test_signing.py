"""Webhook signatures, checked against values computed independently."""

from __future__ import annotations

from dais.actors.webhooks import signing


def test_signatures() -> None:
    body = b'{"action":"opened"}'
    headers = signing.request_headers(
        event="issue", delivery="d", hook_id=3, timestamp=1700000000, secret="k", body=body
    )
    # Known values: HMAC-SHA256 computed independently (openssl dgst -sha256 -hmac k).
    assert headers["X-Hub-Signature-256"] == (
        "sha256=245afc473d63caa6e2e6312147fec0a7011317029f604a4acbaec62b17889ac8"
    )
    assert headers["X-Dais-Signature-256"] == (
        "sha256=bf7649734d7f0ffddb38240d0f68e879125761eff1bda6a5210bca9e98cb985a"
    )
    assert signing.verify("k", body, "1700000000", headers["X-Dais-Signature-256"], now=1700000100)
    signature = headers["X-Dais-Signature-256"]
    assert not signing.verify("k", body, "1700000000", signature, now=1800000000)  # replayed
    assert not signing.verify("k", body + b" ", "1700000000", signature, now=1700000000)
    assert not signing.verify("k", body, "later", signature, now=1700000000)
    unsigned = signing.request_headers(
        event="ping", delivery="d", hook_id=3, timestamp=1, secret="", body=body
    )
    assert "X-Dais-Signature-256" not in unsigned and "X-Hub-Signature-256" not in unsigned


def test_the_secret_is_in_no_header() -> None:
    secret = "a-secret-that-must-stay-home"
    headers = signing.request_headers(
        event="push", delivery="d", hook_id=1, timestamp=1, secret=secret, body=b"{}"
    )
    assert all(secret not in value for value in headers.values())
