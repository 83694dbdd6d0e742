"""The email channel: compose a notification email and hand it to an SMTP server.

:func:`compose` is pure: one email for one or more notifications of one thread (an issue or a
merge request), with a plain text part and an HTML part. Everything a user wrote (titles,
bodies) and every link is escaped into the HTML and never interpreted as markup, and nothing
a user wrote can add a header: control characters are taken out of header values. The
``References`` and ``In-Reply-To`` headers carry a thread id derived from the thread alone,
so mail clients file every email about one issue together, and the ``List-*`` and
``Auto-*`` headers tell filters and vacation responders that this is automated mail
(RFC 2369, RFC 2919, RFC 3834).

:func:`send` makes one delivery attempt under one deadline, and tells its caller whether a
failure is worth retrying: a 5xx reply is permanent (RFC 5321 section 4.2.1), everything else
(4xx, a refused or dropped connection, a silent server, a TLS failure) is transient.
"""

from __future__ import annotations

import email.utils
import enum
import hashlib
import html
import re
import unicodedata
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiosmtplib
import anyio
import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EmailItem", "Security", "SendFailed", "SmtpSettings", "compose", "send", "thread_id"]

SUBJECT_MAX = 200
BODY_MAX = 20_000  # characters of one item's body; a longer one is cut with an ellipsis
_REASON_MAX = 300
# Explicit bidirectional embeddings, overrides and isolates: in a subject they can make the
# text read differently from what it is.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")
_NOT_KIND = re.compile(r"[^a-z0-9_.-]+")


class Security(enum.StrEnum):
    """How the connection to the SMTP server is protected."""

    STARTTLS = "starttls"  # plain connect, then STARTTLS, which must succeed (RFC 3207)
    TLS = "tls"  # TLS from the first byte ("implicit TLS", port 465, RFC 8314)
    NONE = "none"  # no TLS at all, not even when the server offers STARTTLS


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be positive, not {value!r}")


@attrs.frozen
class SmtpSettings:
    """Where and how to send email; ``security`` accepts the strings of :class:`Security`."""

    host: str
    port: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(65535))
    )
    security: Security = attrs.field(converter=Security)
    username: str | None
    password: str | None = attrs.field(repr=False)
    from_address: str  # "dais@example.com" or "dais <dais@example.com>"
    timeout: float = attrs.field(default=10.0, validator=_positive)  # bounds a whole send
    verify_tls: bool = True
    ca_file: str | None = None  # a PEM bundle to trust instead of the system's


def _http_url(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or _one_line(value) != value:
        raise ValueError(f"{attribute.name} must be an absolute http(s) URL, not {value!r}")


@attrs.frozen
class EmailItem:
    """One notification as an email shows it."""

    title: str  # "alice mentioned you in #12 Fix the login"
    body: str  # plain text as the user wrote it (markdown source is shown as is)
    url: str = attrs.field(validator=_http_url)  # absolute link to the issue, comment, ...
    kind: str  # "mentioned", "assigned", "review_requested", "merged", ...


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Zl", "Zp"} or char in _BIDI


def _one_line(text: str) -> str:
    """``text`` fit for a header: control characters become spaces, whitespace runs one space."""
    return " ".join("".join(" " if _unsafe(c) else c for c in text).split())


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(text: str) -> str:
    """A user's body as plain text: newlines kept, other control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in text if c in "\n\t" or not _unsafe(c))
    return _cap(kept.strip("\n"), BODY_MAX)


def _subject(items: Sequence[EmailItem]) -> str:
    title = _one_line(items[0].title) or "(untitled)"
    suffix = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
    return _cap(title, SUBJECT_MAX - len(suffix)) + suffix


def _mail_host(public_url: str) -> str:
    host = urlsplit(public_url).hostname
    if not host:
        raise ValueError(f"public_url must be an absolute URL with a host, not {public_url!r}")
    return host.encode("idna").decode("ascii")


def thread_id(thread: str, host: str) -> str:
    """The ``Message-ID``-shaped id every email of ``thread`` refers to."""
    return f"<thread-{hashlib.sha256(thread.encode()).hexdigest()[:32]}@{host}>"


def _text_part(items: Sequence[EmailItem], settings_url: str) -> str:
    blocks = []
    for item in items:
        lines = [_one_line(item.title)]
        body = _plain(item.body)
        if body:
            lines += ["", body]
        lines += ["", f"View it on dais: {item.url}"]
        blocks.append("\n".join(lines))
    footer = f"-- \nYou get this because of your notification settings: {settings_url}\n"
    return "\n\n---\n\n".join(blocks) + "\n\n" + footer


def _html_part(subject: str, items: Sequence[EmailItem], settings_url: str) -> str:
    def e(text: str) -> str:
        return html.escape(text, quote=True)

    blocks = []
    for item in items:
        body = _plain(item.body)
        blocks.append(
            '<div style="margin:0 0 24px">'
            f'<p style="margin:0 0 8px;font-weight:600">{e(_one_line(item.title))}</p>'
            + (f'<div style="white-space:pre-wrap;margin:0 0 8px">{e(body)}</div>' if body else "")
            + f'<p style="margin:0"><a href="{e(item.url)}">View it on dais</a></p>'
            "</div>"
        )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{e(subject)}</title></head>\n"
        '<body style="font-family:sans-serif;font-size:14px;line-height:1.4">\n'
        + "\n".join(blocks)
        + '\n<hr><p style="color:#666;font-size:12px">'
        "You get this because of your notification settings: "
        f'<a href="{e(settings_url)}">{e(settings_url)}</a></p>\n'
        "</body></html>\n"
    )


def compose(
    *,
    to: str,
    items: Sequence[EmailItem],
    thread: str,
    notification_id: str,
    settings: SmtpSettings,
    public_url: str,
) -> EmailMessage:
    """One email for ``items``, notifications of one ``thread`` (e.g. ``"acme/web#12"``).

    The subject is the first item's title, with ``(+n more)`` when there are several; the
    ``Message-ID`` is ``<notification_id@host of public_url>``.

    :raises ValueError: when ``items`` is empty, ``to`` or ``notification_id`` is blank, or
        ``public_url`` has no host.
    """
    if not items:
        raise ValueError("an email needs at least one item")
    recipient = _one_line(to)
    if not recipient:
        raise ValueError("to must be an email address")
    local = _NOT_ID.sub("-", notification_id).strip("-")
    if not local:
        raise ValueError(f"notification_id must have letters or digits, not {notification_id!r}")
    host = _mail_host(public_url)
    settings_url = public_url.rstrip("/") + "/settings/notifications"
    subject = _subject(items)
    thread_ref = thread_id(thread, host)

    message = EmailMessage()
    message["From"] = _one_line(settings.from_address)
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(datetime.now(UTC))
    message["Message-ID"] = f"<{local}@{host}>"
    message["In-Reply-To"] = thread_ref
    message["References"] = thread_ref
    message["List-Id"] = f"<notifications.{host}>"
    message["List-Unsubscribe"] = f"<{settings_url}>"
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies, please
    message["X-Auto-Response-Suppress"] = "All"  # the same, for Exchange
    kind = _NOT_KIND.sub("", items[0].kind.lower())[:64] or "unknown"
    message["X-Dais-Notification-Kind"] = kind
    message.set_content(_text_part(items, settings_url))
    message.add_alternative(_html_part(subject, items, settings_url), subtype="html")
    return message


class SendFailed(Exception):
    """The server did not take the message.

    ``permanent`` says whether retrying the same message can help; ``reason`` is one line for
    the delivery log (the server's reply or what went wrong, never a credential); ``code`` is
    the SMTP reply code when the server gave one.
    """

    def __init__(self, reason: str, *, permanent: bool, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.code = code


def _reason(text: str) -> str:
    return _cap(_one_line(text), _REASON_MAX)


async def send(settings: SmtpSettings, message: EmailMessage) -> None:
    """Deliver ``message`` to its ``To`` address through the server of ``settings``.

    Connecting, TLS, authenticating and the transfer together take at most
    ``settings.timeout`` seconds.

    :raises SendFailed: when the server refused the message or could not be talked to.
    """
    where = f"{settings.host}:{settings.port}"
    try:
        with anyio.fail_after(settings.timeout):
            await aiosmtplib.send(
                message,
                hostname=settings.host,
                port=settings.port,
                username=settings.username,
                password=settings.password,
                use_tls=settings.security is Security.TLS,
                # False, not None, for "none": None lets aiosmtplib upgrade when offered.
                start_tls=settings.security is Security.STARTTLS,
                validate_certs=settings.verify_tls,
                cert_bundle=settings.ca_file,
                timeout=settings.timeout,
            )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        codes = [refused.code for refused in exc.recipients]
        first = exc.recipients[0]
        raise SendFailed(
            _reason(f"{where} refused the recipient: {first.code} {first.message}"),
            permanent=all(code >= 500 for code in codes),
            code=first.code,
        ) from exc
    except aiosmtplib.SMTPResponseException as exc:
        # Replies are the server's words; aiosmtplib never puts the password in them.
        raise SendFailed(
            _reason(f"{where} answered {exc.code} {exc.message}"),
            permanent=exc.code >= 500,
            code=exc.code,
        ) from exc
    except aiosmtplib.SMTPException as exc:
        # Timeouts, lost connections, and a server that lacks STARTTLS or AUTH: none of them
        # is about this message, and the last two may be fixed by the time of a retry.
        raise SendFailed(_reason(f"{where}: {exc.message}"), permanent=False) from exc
    except TimeoutError as exc:
        raise SendFailed(
            f"{where} did not take the message within {settings.timeout:g}s", permanent=False
        ) from exc
    except OSError as exc:  # TLS failures during STARTTLS, resets
        detail = str(exc) or type(exc).__name__
        raise SendFailed(
            _reason(f"{where}: {type(exc).__name__}: {detail}"), permanent=False
        ) from exc
