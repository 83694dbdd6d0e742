"""The pure parts of webhooks, without I/O: the address guard, URL rules, backoff, signing."""

from __future__ import annotations

import ipaddress
import random
from datetime import UTC, datetime

import pytest

from dais.actors.webhooks import backoff, signing
from dais.actors.webhooks.guard import AllowList, parse_url
from dais.errors import ValidationFailed

ip = ipaddress.ip_address


@pytest.mark.parametrize(
    ("tokens", "host", "address", "allowed"),
    [
        ((), "example.com", "93.184.216.34", True),
        ((), "example.com", "2606:2800:220:1:248:1893:25c8:1946", True),
        ((), "x", "127.0.0.1", False),
        ((), "x", "::1", False),
        ((), "x", "10.1.2.3", False),
        ((), "x", "100.64.0.1", False),
        ((), "x", "169.254.169.254", False),
        ((), "x", "fd00::1", False),
        ((), "x", "::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ((), "x", "64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ((), "x", "2002:7f00:1::1", False),  # 6to4 of 127.0.0.1
        (("loopback",), "x", "127.0.0.5", True),
        (("loopback",), "x", "::ffff:127.0.0.1", True),
        (("loopback",), "x", "10.0.0.1", False),
        (("private",), "x", "192.168.1.1", True),
        (("private",), "x", "127.0.0.1", False),
        (("private",), "x", "169.254.169.254", False),
        (("169.254.169.254/32",), "x", "169.254.169.254", True),
        (("10.1.0.0/16",), "x", "10.1.9.9", True),
        (("10.1.0.0/16",), "x", "10.2.0.1", False),
        (("*.internal.example",), "hooks.internal.example", "10.0.0.1", True),
        (("*.internal.example",), "internal.example", "10.0.0.1", False),
        (("*.internal.example",), "evilinternal.example", "10.0.0.1", False),
        (("hooks.local",), "hooks.local", "127.0.0.1", True),
        # Never, whatever the list says: "this host" and multicast.
        (("loopback", "private", "0.0.0.0/0"), "x", "0.0.0.0", False),
        (("*.internal.example",), "a.internal.example", "0.0.0.0", False),
        (("0.0.0.0/0",), "x", "224.0.0.1", False),
        (("loopback",), "x", "::", False),
    ],
)
def test_allow_list(tokens: tuple[str, ...], host: str, address: str, allowed: bool) -> None:
    reason = AllowList.parse(tokens).check(host, ip(address))
    assert (reason is None) is allowed, reason


def test_a_refusal_names_the_kind_of_address_and_the_setting() -> None:
    reason = AllowList().check("x", ip("127.0.0.1"))
    assert reason == "a loopback address, which DAIS_WEBHOOK_ALLOWED_HOSTS does not allow"
    assert "never allowed" in (AllowList.parse(["loopback"]).check("x", ip("0.0.0.0")) or "")


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("gopher://h/", "scheme must be http or https"),
        ("http://u:p@h/", "credentials"),
        ("http://u@h/", "credentials"),
        ("http://h/#frag", "fragment"),
        ("http://h:0/", "port 0"),
        ("http://h:99999/", "not a valid URL"),
        ("http://h /", "spaces"),
        ("", "1 to 2048"),
    ],
)
def test_url_rules(url: str, rule: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_url(url)
    assert caught.value.field == "url" and rule in caught.value.rule


def test_url_parts() -> None:
    t = parse_url("https://Hooks.Example.COM:8443/in?x=1")
    assert (t.scheme, t.host, t.port, t.target) == ("https", "hooks.example.com", 8443, "/in?x=1")
    assert t.host_header == "hooks.example.com:8443"
    t = parse_url("http://[::1]/")
    assert t.literal() == ip("::1") and t.host_header == "[::1]" and t.port == 80
    assert parse_url("https://bücher.example/").host == "xn--bcher-kva.example"


def test_backoff() -> None:
    assert backoff.judge(None) is backoff.Verdict.RETRY
    assert backoff.judge(429) is backoff.judge(502) is backoff.Verdict.RETRY
    assert backoff.judge(204) is backoff.Verdict.DELIVERED
    assert backoff.judge(404) is backoff.judge(301) is backoff.Verdict.FAILED
    rng = random.Random(1)
    delays = [backoff.retry_delay(n, base=10, cap=3600, rng=rng) for n in range(1, 12)]
    for n, delay in enumerate(delays, 1):
        assert min(3600, 10 * 2 ** (n - 1)) * 0.5 <= delay <= min(3600, 10 * 2 ** (n - 1))
    assert backoff.retry_delay(1, base=10, cap=60, retry_after=7200) == 60
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert backoff.parse_retry_after("120", now) == 120
    assert backoff.parse_retry_after("Tue, 01 Jan 2030 00:00:30 GMT", now) == 30
    assert backoff.parse_retry_after("soon", now) is None


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
    unsigned = signing.request_headers(
        event="ping", delivery="d", hook_id=3, timestamp=1, secret="", body=body
    )
    assert "X-Dais-Signature-256" not in unsigned and "X-Hub-Signature-256" not in unsigned
