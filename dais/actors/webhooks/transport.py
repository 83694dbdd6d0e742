"""One webhook attempt on the wire: resolve, vet every address, connect to a vetted one.

The host is resolved here, not by the HTTP client, so that the address checked is the
address connected to (a name that resolves to a public address when checked and to
127.0.0.1 a moment later gets nowhere). The request goes to the vetted IP, with the URL's
host in the ``Host`` header and, over TLS, as the SNI name and the name the certificate is
checked against. Redirects are never followed, proxies from the environment are ignored,
the whole attempt has a deadline and the connect step a shorter one, and at most
``max_response_size`` bytes of the answer are read.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import TYPE_CHECKING

import anyio
import attrs
import httpx

from dais.errors import ValidationFailed

from .guard import AllowList, IPAddress, Target, parse_url

if TYPE_CHECKING:
    from .policy import DeliveryPolicy

__all__ = ["Answer", "Blocked", "Transport", "Unresolvable", "resolve", "vet"]

_MAX_HEADERS = 100
_MAX_HEADER_VALUE = 2000


class Blocked(Exception):
    """The URL leads to an address the allow list refuses; the message says which and why."""


class Unresolvable(Exception):
    """The host has no address (or the resolver did not answer in time)."""


async def resolve(target: Target, within: float) -> list[IPAddress]:
    """The host's addresses, in the resolver's order, without repeats.

    :raises Unresolvable: when it has none or resolving timed out.
    """
    literal = target.literal()
    if literal is not None:
        return [literal]
    try:
        with anyio.fail_after(within):
            infos = await anyio.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise Unresolvable(f"resolving {target.host} took over {within:g}s") from None
    except OSError as exc:
        raise Unresolvable(f"{target.host} does not resolve ({exc})") from None
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    if not found:
        raise Unresolvable(f"{target.host} does not resolve")
    return found


async def vet(target: Target, allow: AllowList, within: float) -> list[IPAddress]:
    """The host's addresses, if every one of them is allowed.

    All must be: a name whose records mix a public address with an internal one is refused,
    rather than trusted on the luck of which one is picked.

    :raises Blocked: naming the first refused address and the rule.
    :raises Unresolvable: see :func:`resolve`.
    """
    addresses = await resolve(target, within)
    for address in addresses:
        reason = allow.check(target.host, address)
        if reason is not None:
            if target.literal() is not None:
                raise Blocked(f"{address} is {reason}")
            raise Blocked(f"{target.host} resolves to {address}, {reason}")
    return addresses


@attrs.frozen
class Answer:
    """How one attempt went."""

    duration_ms: int
    status: int | None = None  # None: no answer (blocked, unreachable, timed out)
    headers: dict[str, str] | None = None
    body: str | None = None
    truncated: bool = False
    error: str | None = None
    address: str | None = None  # the IP address connected to
    blocked: bool = False


def _headers(response: httpx.Response) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in response.headers.multi_items():
        if len(out) >= _MAX_HEADERS and name not in out:
            break
        value = value[:_MAX_HEADER_VALUE]
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


class Transport:
    """Sends attempts; one per process, closed with :meth:`aclose`."""

    def __init__(self, policy: DeliveryPolicy) -> None:
        self._policy = policy
        # Plain HTTP connections are kept alive: they are keyed by the vetted IP and port.
        self._plain = self._client(policy, keepalive=32)
        # TLS connections are not: a kept connection is keyed by IP and port only, and one
        # verified for one host name must not carry a request for another on the same IP.
        self._tls = self._client(policy, keepalive=0)

    @staticmethod
    def _client(policy: DeliveryPolicy, *, keepalive: int) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            trust_env=False,  # no proxies from the environment: we connect where we vetted
            follow_redirects=False,
            timeout=httpx.Timeout(policy.timeout, connect=policy.connect_timeout),
            limits=httpx.Limits(max_connections=256, max_keepalive_connections=keepalive),
        )

    async def aclose(self) -> None:
        await self._plain.aclose()
        await self._tls.aclose()

    async def send(
        self, url: str, headers: dict[str, str], body: bytes
    ) -> tuple[Answer, dict[str, str]]:
        """Make one attempt; returns how it went and the request headers actually sent."""
        started = time.perf_counter()
        sent = dict(headers)

        def ms() -> int:
            return int((time.perf_counter() - started) * 1000)

        try:
            target = parse_url(url)
        except ValidationFailed as exc:
            return Answer(ms(), error=f"the URL is not valid: {exc.rule}"), sent
        sent = {"Host": target.host_header} | sent
        policy = self._policy
        address: str | None = None
        try:
            with anyio.fail_after(policy.timeout):
                try:
                    addresses = await vet(target, policy.allow, policy.connect_timeout)
                except Blocked as exc:
                    return Answer(ms(), error=str(exc), blocked=True), sent
                chosen = addresses[0]
                address = str(chosen)
                host = f"[{chosen}]" if chosen.version == 6 else str(chosen)
                tls = target.scheme == "https"
                client = self._tls if tls else self._plain
                extensions = {}
                if tls and target.literal() is None:
                    extensions["sni_hostname"] = target.host
                request = client.build_request(
                    "POST",
                    f"{target.scheme}://{host}:{target.port}{target.target}",
                    content=body,
                    headers=sent | {"Accept-Encoding": "identity"},
                    extensions=extensions,
                )
                response = await client.send(request, stream=True)
                try:
                    chunks: list[bytes] = []
                    size = 0
                    truncated = False
                    cap = policy.max_response_size
                    async for chunk in response.aiter_raw():
                        if size + len(chunk) > cap:
                            chunks.append(chunk[: cap - size])
                            truncated = True
                            break
                        chunks.append(chunk)
                        size += len(chunk)
                finally:
                    await response.aclose()
                return Answer(
                    ms(),
                    status=response.status_code,
                    headers=_headers(response),
                    body=b"".join(chunks).decode("utf-8", errors="replace"),
                    truncated=truncated,
                    address=address,
                ), sent
        except Unresolvable as exc:
            return Answer(ms(), error=str(exc)), sent
        except TimeoutError:
            error = f"no complete answer within {policy.timeout:g}s"
            return Answer(ms(), error=error, address=address), sent
        except httpx.ConnectTimeout:
            error = f"could not connect within {policy.connect_timeout:g}s"
            return Answer(ms(), error=error, address=address), sent
        except httpx.TimeoutException as exc:
            return Answer(ms(), error=f"timed out: {type(exc).__name__}", address=address), sent
        except (httpx.HTTPError, OSError, anyio.BrokenResourceError) as exc:
            detail = str(exc) or type(exc).__name__
            return Answer(ms(), error=f"{type(exc).__name__}: {detail}", address=address), sent


async def check_url(url: str, allow: AllowList, connect_timeout: float, field: str = "url") -> None:
    """A webhook URL's form, and that every address its host resolves to now is allowed (the
    sender checks again at each attempt: what a name resolves to can change).

    :raises ValidationFailed: on ``field``, naming the rule.
    """
    target = parse_url(url, field)
    try:
        await vet(target, allow, connect_timeout)
    except (Blocked, Unresolvable) as exc:
        raise ValidationFailed(field, str(exc)) from None
