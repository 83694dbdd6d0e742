"""The SSRF guard: which webhook URLs are acceptable, and which addresses they may reach.

A webhook makes dais send requests to a URL a project admin chose; without a guard that is a
way to reach dais's own network (the cloud metadata service at 169.254.169.254, a database
on 10.0.0.5, an admin port on 127.0.0.1). So by default only public (global) addresses are
allowed, and ``DAIS_WEBHOOK_ALLOWED_HOSTS`` may add:

- ``loopback``: 127.0.0.0/8 and ::1;
- ``private``: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10 (shared address
  space) and fc00::/7 (unique local);
- a CIDR (``10.1.0.0/16``, ``169.254.169.254/32``): any address inside it;
- a host name (``hooks.internal.example``) or a pattern (``*.internal.example``, which
  matches names below it, not the name itself): whatever that name resolves to.

Never allowed, whatever the list says: the unspecified addresses (0.0.0.0/8 and ::, which
the kernel takes for "this host"), multicast and broadcast. An IPv6 address that carries an
IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``, IPv4-compatible ``::a.b.c.d``, IPv4-translated
``::ffff:0:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4, Teredo) is judged by the IPv4 address
inside. Ranges that Python's ``is_global`` (3.11) still counts as public but that are not
reachable on the Internet (local-use NAT64 ``64:ff9b:1::/48``, whose translator may lead
anywhere inside; the deprecated site-local ``fec0::/10``; documentation ``3fff::/20``;
SRv6 ``5f00::/16``) are reserved: refused unless a CIDR names them.

A URL's form is checked too (:func:`parse_url`): http or https, no credentials, a host that
is a DNS name (IDNA 2008 with UTS 46 mapping, as browsers encode it), a dotted-decimal IPv4
address or a bracketed IPv6 one (numeric shorthands such as ``2130706433`` or ``0x7f.1``,
which resolvers and proxies read differently, are refused), and not a port the Fetch
standard blocks for belonging to another protocol (SMTP, IRC, ...).

This module is pure: the sender resolves the host itself, asks :meth:`AllowList.check`
about every address, and connects only to a vetted one (see ``transport.py``).
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import attrs
import idna

from dais.errors import ValidationFailed

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SETTING", "AllowList", "Target", "describe", "parse_url"]

SETTING = "DAIS_WEBHOOK_ALLOWED_HOSTS"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_NEVER = tuple(
    ipaddress.ip_network(n)
    for n in ("0.0.0.0/8", "255.255.255.255/32", "224.0.0.0/4", "::/128", "ff00::/8")
)
_LOOPBACK = tuple(ipaddress.ip_network(n) for n in ("127.0.0.0/8", "::1/128"))
_PRIVATE = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)
_LINK_LOCAL = tuple(ipaddress.ip_network(n) for n in ("169.254.0.0/16", "fe80::/10"))
_RESERVED = tuple(
    ipaddress.ip_network(n) for n in ("64:ff9b:1::/48", "fec0::/10", "3fff::/20", "5f00::/16")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")
_MAX_URL = 2048
_MAX_HOST = 253
# https://fetch.spec.whatwg.org/#port-blocking: ports of protocols that a request carrying
# attacker-chosen bytes could be smuggled into; browsers refuse them for the same reason.
_BAD_PORTS = frozenset(
    {1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95}
    | {101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161}
    | {179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563}
    | {587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060}
    | {5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080}
)
# WHATWG URL: a host whose last label is a number is an IPv4 address, in any of the forms
# inet_aton reads (decimal, octal, hex, fewer than four parts).
_NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)")


def _inside(ip: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    return any(ip.version == n.version and ip in n for n in networks)


def _embedded(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it carries one."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or ip in _IPV4_TRANSLATED:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _IPV4_COMPATIBLE and int(ip) > 1:  # not :: nor ::1
        return ipaddress.IPv4Address(int(ip))
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def describe(ip: IPAddress) -> str:
    """What kind of address ``ip`` is, for a message: 'a loopback address', ..."""
    inner = _embedded(ip)
    if inner is not None:
        return f"an IPv6 address standing for {inner}, {describe(inner)}"
    if _inside(ip, _NEVER):
        return "an unspecified, multicast or broadcast address, which is never allowed"
    if _inside(ip, _LOOPBACK):
        return "a loopback address"
    if _inside(ip, _PRIVATE):
        return "a private address"
    if _inside(ip, _LINK_LOCAL):
        return "a link-local address"
    if _inside(ip, _RESERVED):
        return "a reserved address"
    if ip.is_global:
        return "a public address"
    return "a reserved address"


@attrs.frozen
class AllowList:
    """Where webhooks may go besides public addresses (see the module docstring)."""

    loopback: bool = False
    private: bool = False
    networks: tuple[IPNetwork, ...] = ()
    hosts: tuple[str, ...] = ()  # exact names, or "*.suffix"

    @classmethod
    def parse(cls, tokens: Iterable[str]) -> AllowList:
        """From the setting's items, which ``dais.config`` has validated and lower-cased.

        :raises ValueError: for an item that is none of the accepted forms.
        """
        loopback = private = False
        networks: list[IPNetwork] = []
        hosts: list[str] = []
        for token in tokens:
            item = token.strip().lower().rstrip(".")
            if item == "loopback":
                loopback = True
            elif item == "private":
                private = True
            elif re.fullmatch(r"[0-9a-f.:/]+", item) and re.search(r"[./:]", item):
                try:
                    networks.append(ipaddress.ip_network(item, strict=False))
                except ValueError:
                    hosts.append(item)  # a host name made of hex digits and dots
            elif item:
                hosts.append(item)
        return cls(loopback, private, tuple(networks), tuple(hosts))

    def host_listed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        for pattern in self.hosts:
            if pattern.startswith("*."):
                if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                    return True
            elif host == pattern:
                return True
        return False

    def check(self, host: str, ip: IPAddress) -> str | None:
        """None if ``host`` may be reached at ``ip``; otherwise what ``ip`` is and the rule
        (``"a loopback address, which DAIS_WEBHOOK_ALLOWED_HOSTS does not allow"``)."""
        if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
            return "an address with an interface scope, which is never allowed"
        inner = _embedded(ip)
        judged: IPAddress = inner if inner is not None else ip
        if _inside(judged, _NEVER):
            return describe(ip)
        if _inside(judged, self.networks) or _inside(ip, self.networks):
            return None
        if self.host_listed(host):
            return None
        if _inside(judged, _LOOPBACK):
            allowed = self.loopback
        elif _inside(judged, _PRIVATE):
            allowed = self.private
        else:
            allowed = judged.is_global and not _inside(judged, _RESERVED)
        if allowed:
            return None
        return f"{describe(ip)}, which {SETTING} does not allow"


@attrs.frozen
class Target:
    """A webhook URL taken apart: where to connect and what to ask for."""

    url: str
    scheme: str  # http | https
    host: str  # lower case, IDNA-encoded; an IPv6 literal without brackets
    port: int
    target: str  # path and query, e.g. "/hooks?x=1"
    explicit_port: bool

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}" if self.explicit_port else host

    def literal(self) -> IPAddress | None:
        """The host as an IP address, when the URL names one."""
        try:
            return ipaddress.ip_address(self.host)
        except ValueError:
            return None


def _host(raw: str, field: str) -> str:
    """The host as it is looked up and sent: lower case, IDNA-encoded (UTS 46 mapping, as
    browsers do: ``faß.de`` is ``xn--fa-hia.de``, not ``fass.de``).

    :raises ValidationFailed: for a name that is not a host name, or a numeric shorthand.
    """
    if ":" in raw:  # an IPv6 literal (urlsplit took the brackets off)
        try:
            ipaddress.IPv6Address(raw)
        except ValueError:
            raise ValidationFailed(field, f"[{raw}] is not a valid IPv6 address") from None
        return raw.lower()
    name = raw.rstrip(".")
    if name.isascii():
        host = name.lower()
    else:
        try:
            host = idna.encode(name, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError):
            raise ValidationFailed(field, f"{raw!r} is not a valid host name") from None
    if not host or len(host) > _MAX_HOST:
        raise ValidationFailed(field, f"the host name must be 1 to {_MAX_HOST} characters long")
    if not re.fullmatch(r"[a-z0-9_\-]+(\.[a-z0-9_\-]+)*", host) or any(
        len(label) > 63 for label in host.split(".")
    ):
        raise ValidationFailed(field, f"{raw!r} is not a valid host name")
    if _NUMERIC_LABEL.fullmatch(host.rsplit(".", 1)[-1]):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            raise ValidationFailed(
                field, f"{raw!r}: write an IPv4 address as four decimal numbers, e.g. 192.0.2.7"
            ) from None
    return host


def parse_url(url: str, field: str = "url") -> Target:
    """Check a webhook URL's form (not where it leads: see :meth:`AllowList.check`).

    :raises ValidationFailed: naming ``field`` and the rule broken.
    """
    if not url or len(url) > _MAX_URL:
        raise ValidationFailed(field, f"must be 1 to {_MAX_URL} characters long")
    if re.search(r"[\x00-\x20\x7f]", url):
        raise ValidationFailed(field, "must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValidationFailed(field, f"is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise ValidationFailed(field, "the scheme must be http or https")
    if "@" in parts.netloc:
        raise ValidationFailed(
            field,
            "must not carry credentials (user:password@); receivers check deliveries "
            "with the secret instead",
        )
    if parts.fragment:
        raise ValidationFailed(field, "must not have a fragment (#...)")
    raw_host = parts.hostname
    if not raw_host:
        raise ValidationFailed(field, "must name a host")
    if parts.netloc.startswith("[") and not re.fullmatch(r"\[[^\]]+\](:[0-9]*)?", parts.netloc):
        raise ValidationFailed(field, "an IPv6 address in brackets may be followed only by :port")
    host = _host(raw_host, field)
    if port == 0:
        raise ValidationFailed(field, "port 0 cannot be connected to")
    if port in _BAD_PORTS:
        raise ValidationFailed(
            field, f"port {port} belongs to a protocol other than HTTP; webhooks may not use it"
        )
    default_port = 443 if scheme == "https" else 80
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    return Target(
        url=url,
        scheme=scheme,
        host=host,
        port=port if port is not None else default_port,
        target=target,
        explicit_port=port is not None and port != default_port,
    )
