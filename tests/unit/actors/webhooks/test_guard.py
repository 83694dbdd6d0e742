"""The SSRF guard without I/O: which addresses a webhook may reach, and which URLs are
acceptable at all."""

from __future__ import annotations

import ipaddress

import pytest

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


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        # IPv4-compatible (::a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d) forms carry an
        # IPv4 address as much as the IPv4-mapped form does.
        ("::7f00:1", "standing for 127.0.0.1, a loopback address"),
        ("::a00:1", "standing for 10.0.0.1, a private address"),
        ("::ffff:0:a9fe:a9fe", "standing for 169.254.169.254, a link-local address"),
        # Counted as public by Python 3.11's is_global, reachable from inside only.
        ("64:ff9b:1::a00:1", "a reserved address"),  # local-use NAT64 (RFC 8215)
        ("fec0::1", "a reserved address"),  # site-local (deprecated, still routed locally)
        ("3fff::1", "a reserved address"),  # documentation (RFC 9637)
        ("fe80::1%eth0", "an interface scope"),
    ],
)
def test_ipv6_forms_that_lead_inside_are_refused(address: str, reason: str) -> None:
    refused = AllowList().check("x", ip(address))
    assert refused is not None and reason in refused
    assert AllowList().check("x", ip("::808:808")) is None  # ::8.8.8.8 is public


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
        ("http://h/" + "a" * 2048, "1 to 2048"),
        # Numeric shorthands for IPv4 addresses, which resolvers and proxies read differently.
        ("http://2130706433/", "four decimal numbers"),
        ("http://0x7f.1/", "four decimal numbers"),
        ("http://127.1/", "four decimal numbers"),
        ("http://010.0.0.1/", "four decimal numbers"),
        ("http://example.1/", "four decimal numbers"),
        # Percent-encoding, junk after an IPv6 literal, too long a name, emoji.
        ("http://%31%32%37.0.0.1/", "not a valid host name"),
        ("http://[::1]x/", "may be followed only by :port"),
        ("http://[::1/", "not a valid URL"),
        ("http://" + "a" * 64 + ".example/", "not a valid host name"),
        ("http://" + "abcdefghi." * 26 + "com/", "1 to 253 characters"),
        ("http://☃.example/", "not a valid host name"),
        ("http://a..b/", "not a valid host name"),
        ("http://exa\\mple.com/", "not a valid host name"),
        # Ports the Fetch standard blocks: a POST must not be smuggled into SMTP or IRC.
        ("http://h:25/", "port 25 belongs to a protocol other than HTTP"),
        ("https://h:6667/", "port 6667"),
    ],
)
def test_url_rules(url: str, rule: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_url(url)
    assert caught.value.field == "url" and rule in caught.value.rule, caught.value.rule


def test_url_parts() -> None:
    t = parse_url("https://Hooks.Example.COM:8443/in?x=1")
    assert (t.scheme, t.host, t.port, t.target) == ("https", "hooks.example.com", 8443, "/in?x=1")
    assert t.host_header == "hooks.example.com:8443"
    t = parse_url("http://[::1]/")
    assert t.literal() == ip("::1") and t.host_header == "[::1]" and t.port == 80
    t = parse_url("http://[::1]:8080/")
    assert t.host_header == "[::1]:8080" and t.port == 8080
    assert parse_url("http://192.0.2.7/").literal() == ip("192.0.2.7")
    assert parse_url("http://hooks_1.internal.example./").host == "hooks_1.internal.example"
    assert parse_url("https://h:8080/").port == 8080


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://bücher.example/", "xn--bcher-kva.example"),
        # IDNA 2008 as browsers apply it: ß is its own letter (IDNA 2003, Python's "idna"
        # codec, turned faß.de into fass.de, a different domain).
        ("https://faß.de/", "xn--fa-hia.de"),
        ("https://BÜCHER.example/", "xn--bcher-kva.example"),
        # UTS 46 mapping: full-width letters and an ideographic full stop are what they
        # look like, so the address guard judges the real name.
        ("http://ｌｏｃａｌｈｏｓｔ/", "localhost"),
        ("http://127。0。0。1/", "127.0.0.1"),
    ],
)
def test_idn_hosts_are_encoded_as_browsers_do(url: str, host: str) -> None:
    assert parse_url(url).host == host
