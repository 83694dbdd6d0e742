"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, on a port of its own.

It speaks RFC 5321 as aiosmtpd does (EHLO, SIZE, 8BITMIME, SMTPUTF8, AUTH PLAIN and LOGIN,
STARTTLS per RFC 3207), and keeps what it receives: the parsed message and its envelope.
A test picks how it misbehaves:

- ``reply_to_data="451 4.3.0 try later"`` (or ``"554 5.7.1 rejected"``): DATA is answered with
  that reply, as a greylisting or filtering server answers, and nothing is kept;
- ``username`` and ``password``: AUTH is offered (over plain TCP too) and required before
  MAIL, which is answered ``530 5.7.0`` otherwise; wrong credentials get aiosmtpd's ``535``;
- ``tls="starttls"`` or ``tls="implicit"``: a self-signed certificate for 127.0.0.1 and
  localhost is made at start; clients trust it through :attr:`SmtpServer.ca_file`. Under
  ``"starttls"`` the server refuses MAIL before STARTTLS;
- ``hang=True``: no SMTP at all, a plain asyncio server that accepts connections and never
  says a word, like a server wedged before its greeting.

The server runs on an event loop in a thread of its own (aiosmtpd's ``Controller``), so a
client under test shares nothing with it but the socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import shutil
import ssl
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any, Literal, Self

import anyio
import anyio.to_thread
import attrs
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["Received", "SmtpServer", "self_signed"]

HOST = "127.0.0.1"


@attrs.frozen
class Received:
    """One message the server accepted, as it arrived."""

    message: EmailMessage  # parsed with email.policy.default
    mail_from: str  # the envelope sender (MAIL FROM)
    rcpt_tos: tuple[str, ...]  # the envelope recipients (RCPT TO)
    raw: bytes
    tls: bool  # whether the session was encrypted when DATA came
    login: str | None  # the user it authenticated as, if it did


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a day either side of
    now; returns the paths of the certificate and of its key (both PEM)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dais test SMTP")])
    now = datetime.now(UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _encrypted(server: SMTP) -> bool:
    """Whether the session runs over TLS, implicit or after STARTTLS."""
    transport = server.transport
    return transport is not None and transport.get_extra_info("ssl_object") is not None


class _Mailbox:
    """The aiosmtpd handler: checks AUTH and TLS where asked to, answers DATA, keeps mail."""

    def __init__(
        self,
        *,
        reply_to_data: str | None,
        credentials: tuple[str, str] | None,
        require_tls: bool,
    ) -> None:
        self.reply_to_data = reply_to_data
        self.credentials = credentials
        self.require_tls = require_tls
        self.arrived = threading.Condition()  # guards received and listeners
        self.received: list[Received] = []
        self.listeners: set[Callable[[], None]] = set()

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if self.credentials is None or not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = (part.encode() for part in self.credentials)
        ok = hmac.compare_digest(data.login, user) & hmac.compare_digest(data.password, password)
        # handled=False: aiosmtpd answers "535 5.7.8 Authentication credentials invalid".
        return AuthResult(success=ok, handled=False, auth_data=self.credentials[0] if ok else None)

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if self.require_tls and not _encrypted(server):
            return "530 5.7.0 Must issue a STARTTLS command first"
        if self.credentials is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.reply_to_data is not None:
            return self.reply_to_data
        raw = envelope.original_content or b""
        message = BytesParser(_class=EmailMessage, policy=default_policy).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        received = Received(
            message=message,
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            raw=raw,
            tls=_encrypted(server),
            login=session.auth_data if session.authenticated else None,
        )
        with self.arrived:
            self.received.append(received)
            self.arrived.notify_all()
            listeners = list(self.listeners)
        for listener in listeners:
            listener()
        return "250 2.0.0 OK: queued"


class _Controller(Controller):
    """aiosmtpd's threaded controller, bound to port 0 (the kernel picks a free port, so
    parallel runs cannot collide) and handing its loop to the server explicitly."""

    def factory(self) -> SMTP:
        return SMTP(self.handler, loop=self.loop, **self.SMTP_kwargs)

    def _trigger_server(self) -> None:
        # start() connects once to make aiosmtpd build its protocol; learn the port first.
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


class _Silent:
    """Accepts TCP connections and never answers: no greeting, no reply, until stopped."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.port = 0
        self.connections = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._failed: BaseException | None = None

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise TimeoutError("the silent server did not start within 10s")
        if self._failed is not None:
            raise self._failed

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def _run(self, ready: threading.Event) -> None:
        try:
            asyncio.run(self._serve(ready))
        except BaseException as exc:  # handed to start(), which raises it in the test
            self._failed = exc
            ready.set()

    async def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        stop = self._stop = asyncio.Event()
        writers: list[asyncio.StreamWriter] = []

        async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.connections += 1
            writers.append(writer)
            await stop.wait()

        server = await asyncio.start_server(hold, self.host, 0)
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        async with server:
            await stop.wait()
        for writer in writers:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


class SmtpServer:
    """A real SMTP server for one test; see the module docstring for the failure modes.

    Use ``async with SmtpServer(...) as smtp:`` in async tests (start and stop run in a
    worker thread, off the test's event loop), or :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        *,
        reply_to_data: str | None = None,
        hang: bool = False,
        username: str | None = None,
        password: str | None = None,
        tls: Literal["starttls", "implicit"] | None = None,
    ) -> None:
        if (username is None) != (password is None):
            raise ValueError("give both username and password, or neither")
        self.host = HOST
        self.hang = hang
        self.tls = tls
        self._credentials = None if username is None or password is None else (username, password)
        self._mailbox = _Mailbox(
            reply_to_data=reply_to_data,
            credentials=self._credentials,
            require_tls=tls == "starttls",
        )
        self._controller: _Controller | None = None
        self._silent: _Silent | None = None
        self._directory: Path | None = None
        self.ca_file: str | None = None  # the certificate to trust, once started with tls

    @property
    def port(self) -> int:
        if self._silent is not None:
            return self._silent.port
        if self._controller is not None:
            port: int = self._controller.port
            return port
        raise RuntimeError("the server is not started")

    @property
    def messages(self) -> list[Received]:
        """What has arrived so far, oldest first (a copy)."""
        with self._mailbox.arrived:
            return list(self._mailbox.received)

    @property
    def connections(self) -> int:
        """How many TCP connections a ``hang=True`` server has accepted."""
        if self._silent is None:
            raise RuntimeError("connections are counted for hang=True only")
        return self._silent.connections

    def start(self) -> None:
        if self.hang:
            self._silent = _Silent(self.host)
            self._silent.start()
            return
        kwargs: dict[str, Any] = {}
        if self._credentials is not None:
            kwargs |= {"authenticator": self._mailbox.authenticate, "auth_require_tls": False}
        if self.tls is not None:
            self._directory = Path(tempfile.mkdtemp(prefix="dais-smtp-"))
            cert, key = self_signed(self._directory)
            self.ca_file = str(cert)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            kwargs["ssl_context" if self.tls == "implicit" else "tls_context"] = context
        controller = _Controller(
            self._mailbox, hostname=self.host, port=0, server_hostname="smtp.test", **kwargs
        )
        try:
            controller.start()
        except BaseException:
            controller.stop(no_assert=True)
            if not controller.loop.is_closed():
                controller.loop.close()
            raise
        self._controller = controller

    def stop(self) -> None:
        if self._silent is not None:
            self._silent.stop()
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    async def __aenter__(self) -> Self:
        await anyio.to_thread.run_sync(self.start)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(self.stop)

    async def wait_for(self, n: int, patience: float = 5.0) -> list[Received]:
        """The first ``n`` messages, once that many have arrived (asyncio only: the server's
        thread wakes the waiting loop with ``call_soon_threadsafe``).

        :raises TimeoutError: when fewer did within ``patience`` seconds.
        """
        loop = asyncio.get_running_loop()
        arrived = asyncio.Event()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits any more
                loop.call_soon_threadsafe(arrived.set)

        mailbox = self._mailbox
        with mailbox.arrived:
            mailbox.listeners.add(wake)
        try:
            with anyio.move_on_after(patience):
                while len(got := self.messages) < n:
                    await arrived.wait()
                    arrived.clear()
                return got[:n]
        finally:
            with mailbox.arrived:
                mailbox.listeners.discard(wake)
        raise TimeoutError(f"{len(self.messages)} of {n} messages arrived within {patience:g}s")

    def wait_sync(self, n: int, patience: float = 5.0) -> list[Received]:
        """:meth:`wait_for` for tests without an event loop.

        :raises TimeoutError: when fewer than ``n`` arrived within ``patience`` seconds.
        """
        mailbox = self._mailbox
        with mailbox.arrived:
            if not mailbox.arrived.wait_for(lambda: len(mailbox.received) >= n, patience):
                count = len(mailbox.received)
                raise TimeoutError(f"{count} of {n} messages arrived within {patience:g}s")
            return list(mailbox.received[:n])
