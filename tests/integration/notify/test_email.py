"""The email channel against a real SMTP server (aiosmtpd, see ``tests/support/smtp.py``):
what arrives, how it threads, what cannot be injected, and how each way of failing is told
apart as permanent or worth a retry."""

from __future__ import annotations

import socket
import time
from email.message import EmailMessage
from typing import Any

import pytest

from dais.actors.notify.email import EmailItem, SendFailed, SmtpSettings, compose, send
from tests.support.smtp import Received, SmtpServer

PUBLIC_URL = "https://dais.example/"
FROM = "dais <dais@example.com>"
TO = "bob@example.com"
SETTINGS_URL = "https://dais.example/settings/notifications"
FOOTER = f"You get this because of your notification settings: {SETTINGS_URL}"


def settings_for(smtp: SmtpServer | None = None, **changes: Any) -> SmtpSettings:
    base: dict[str, Any] = {
        "host": smtp.host if smtp else "127.0.0.1",
        "port": smtp.port if smtp else 25,
        "security": "none",
        "username": None,
        "password": None,
        "from_address": FROM,
        "timeout": 5.0,
        "ca_file": smtp.ca_file if smtp else None,
    }
    return SmtpSettings(**(base | changes))


def item(
    n: int = 12, *, title: str | None = None, body: str = "Looks good", **kw: str
) -> EmailItem:
    return EmailItem(
        title=title if title is not None else f"alice mentioned you in #{n} Fix the login",
        body=body,
        url=kw.get("url", f"https://dais.example/acme/web/issues/{n}"),
        kind=kw.get("kind", "mentioned"),
    )


def mail(
    settings: SmtpSettings,
    items: list[EmailItem] | None = None,
    *,
    thread: str = "acme/web#12",
    notification_id: str = "n-1",
) -> EmailMessage:
    return compose(
        to=TO,
        items=items or [item()],
        thread=thread,
        notification_id=notification_id,
        settings=settings,
        public_url=PUBLIC_URL,
    )


def parts(got: Received) -> tuple[str, str]:
    plain, rich = got.message.get_body(("plain",)), got.message.get_body(("html",))
    assert plain is not None and rich is not None
    text, markup = plain.get_content(), rich.get_content()
    assert isinstance(text, str) and isinstance(markup, str)
    # The parts come off the wire with CRLF line ends; compare as a mail client shows them.
    return text.replace("\r\n", "\n"), markup.replace("\r\n", "\n")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port  # nothing listens on it once the socket is closed


async def test_one_notification_arrives_with_both_parts_and_escaped_html() -> None:
    async with SmtpServer() as smtp:
        settings = settings_for(smtp)
        evil = item(
            title="<script>alert(1)</script> mentioned you",
            body="see <script>steal()</script> & <b>this</b>\nsecond line",
            url='https://dais.example/acme/web/issues/12?a=1&b="x"',
        )
        await send(settings, mail(settings, [evil]))
        [got] = await smtp.wait_for(1)

    assert got.mail_from == "dais@example.com" and got.rcpt_tos == (TO,)
    m = got.message
    assert m["From"] == FROM and m["To"] == TO
    assert m["Subject"] == "<script>alert(1)</script> mentioned you"
    assert m.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in m.iter_parts()] == ["text/plain", "text/html"]
    text, markup = parts(got)
    assert "see <script>steal()</script> & <b>this</b>\nsecond line" in text
    assert 'View it on dais: https://dais.example/acme/web/issues/12?a=1&b="x"' in text
    assert FOOTER in text
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; mentioned you" in markup
    assert "see &lt;script&gt;steal()&lt;/script&gt; &amp; &lt;b&gt;this&lt;/b&gt;" in markup
    href = 'href="https://dais.example/acme/web/issues/12?a=1&amp;b=&quot;x&quot;"'
    assert f"<a {href}>View it on dais</a>" in markup
    assert f'notification settings: <a href="{SETTINGS_URL}">{SETTINGS_URL}</a>' in markup


async def test_threading_and_list_headers_group_one_thread_and_only_it() -> None:
    async with SmtpServer() as smtp:
        settings = settings_for(smtp)
        await send(settings, mail(settings, thread="acme/web#12", notification_id="n-1"))
        await send(settings, mail(settings, thread="acme/web#12", notification_id="n-2"))
        await send(settings, mail(settings, thread="acme/web!3", notification_id="n-3"))
        first, second, other = await smtp.wait_for(3)

    assert first.message["Message-ID"] == "<n-1@dais.example>"
    assert second.message["Message-ID"] == "<n-2@dais.example>"
    thread = first.message["References"]
    assert thread.startswith("<thread-") and thread.endswith("@dais.example>")
    assert len(thread) == len("<thread-@dais.example>") + 32
    assert first.message["In-Reply-To"] == thread
    assert second.message["References"] == second.message["In-Reply-To"] == thread
    assert other.message["References"] == other.message["In-Reply-To"] != thread
    m = first.message
    assert m["List-Id"] == "<notifications.dais.example>"
    assert m["List-Unsubscribe"] == f"<{SETTINGS_URL}>"
    assert m["Auto-Submitted"] == "auto-generated"
    assert m["X-Auto-Response-Suppress"] == "All"
    assert m["X-Dais-Notification-Kind"] == "mentioned"
    assert m["Date"].datetime.tzinfo is not None


async def test_three_notifications_of_a_thread_make_one_email_with_every_link() -> None:
    items = [
        item(12, title="alice mentioned you in #12 Fix the login", kind="mentioned"),
        EmailItem("carol assigned you #12", "", "https://dais.example/i/12#a", "assigned"),
        EmailItem("dave commented on #12", "ship it", "https://dais.example/i/12#c", "mentioned"),
    ]
    async with SmtpServer() as smtp:
        settings = settings_for(smtp)
        await send(settings, mail(settings, items))
        [got] = await smtp.wait_for(1)

    assert got.message["Subject"] == "alice mentioned you in #12 Fix the login (+2 more)"
    text, markup = parts(got)
    for one in items:
        assert f"View it on dais: {one.url}" in text
        assert f'<a href="{one.url}">View it on dais</a>' in markup
        assert one.title in text and one.title in markup
    assert markup.count("View it on dais") == 3
    assert "ship it" in text and FOOTER in text


async def test_a_line_break_in_a_title_cannot_add_a_header() -> None:
    async with SmtpServer() as smtp:
        settings = settings_for(smtp)
        await send(settings, mail(settings, [item(title="hi\r\nBcc: evil@x\nX-Evil: 1")]))
        [got] = await smtp.wait_for(1)

    assert got.message["Bcc"] is None and got.message["X-Evil"] is None
    assert got.rcpt_tos == (TO,)
    assert got.message["Subject"] == "hi Bcc: evil@x X-Evil: 1"
    header_block = got.raw.split(b"\r\n\r\n", 1)[0]
    assert not any(
        line.lower().startswith((b"bcc:", b"x-evil:")) for line in header_block.split(b"\r\n")
    )


async def test_a_long_title_is_capped_and_keeps_the_count() -> None:
    long = "x" * 500
    async with SmtpServer() as smtp:
        settings = settings_for(smtp)
        await send(settings, mail(settings, [item(title=long), item(13), item(14)]))
        [got] = await smtp.wait_for(1)

    subject = got.message["Subject"]
    assert len(subject) <= 200 and subject.endswith("… (+2 more)")


async def test_auth_with_the_right_password_delivers() -> None:
    async with SmtpServer(username="dais", password="s3cret") as smtp:
        settings = settings_for(smtp, username="dais", password="s3cret")
        await send(settings, mail(settings))
        [got] = await smtp.wait_for(1)
    assert got.login == "dais"


async def test_auth_with_a_wrong_password_is_permanent_and_says_no_secret() -> None:
    async with SmtpServer(username="dais", password="s3cret") as smtp:
        settings = settings_for(smtp, username="dais", password="wrong-pw")
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
        assert smtp.messages == []
    assert failed.value.permanent and failed.value.code == 535
    assert "wrong-pw" not in failed.value.reason and "wrong-pw" not in repr(settings)
    assert "\n" not in failed.value.reason


async def test_a_server_that_requires_auth_refuses_mail_without_it() -> None:
    async with SmtpServer(username="dais", password="s3cret") as smtp:
        settings = settings_for(smtp)
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
    assert failed.value.permanent and failed.value.code == 530


@pytest.mark.parametrize(
    ("reply", "permanent"), [("451 4.3.0 try later", False), ("554 5.7.1 rejected", True)]
)
async def test_a_refused_data_is_permanent_only_for_5xx(reply: str, permanent: bool) -> None:
    async with SmtpServer(reply_to_data=reply) as smtp:
        settings = settings_for(smtp)
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
        assert smtp.messages == []
    assert failed.value.permanent is permanent
    assert failed.value.code == int(reply[:3])
    assert reply in failed.value.reason


async def test_a_server_that_never_greets_is_transient_within_the_timeout() -> None:
    async with SmtpServer(hang=True) as smtp:
        settings = settings_for(smtp, timeout=0.5)
        started = time.monotonic()
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
        elapsed = time.monotonic() - started
        assert smtp.connections == 1  # it did connect: this is not a refused connection
    assert not failed.value.permanent and failed.value.code is None
    assert elapsed < 10


async def test_a_refused_connection_is_transient() -> None:
    settings = settings_for(port=closed_port())
    with pytest.raises(SendFailed) as failed:
        await send(settings, mail(settings))
    assert not failed.value.permanent and failed.value.code is None
    assert f"127.0.0.1:{settings.port}" in failed.value.reason


@pytest.mark.parametrize(("tls", "security"), [("starttls", "starttls"), ("implicit", "tls")])
async def test_tls_with_the_servers_certificate_delivers(tls: Any, security: str) -> None:
    async with SmtpServer(tls=tls, username="dais", password="s3cret") as smtp:
        assert smtp.ca_file is not None
        settings = settings_for(smtp, security=security, username="dais", password="s3cret")
        await send(settings, mail(settings))
        [got] = await smtp.wait_for(1)
    assert got.tls and got.login == "dais"
    assert got.message["Subject"] == "alice mentioned you in #12 Fix the login"


@pytest.mark.parametrize(("tls", "security"), [("starttls", "starttls"), ("implicit", "tls")])
async def test_tls_with_an_untrusted_certificate_fails_transient(tls: Any, security: str) -> None:
    async with SmtpServer(tls=tls) as smtp:
        settings = settings_for(smtp, security=security, ca_file=None)
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
        assert smtp.messages == []
    assert not failed.value.permanent
    assert "certificate" in failed.value.reason.lower()


async def test_security_none_does_not_upgrade_when_the_server_offers_starttls() -> None:
    # The server offers STARTTLS and refuses MAIL before it: only a client that stays in
    # plain text, as "none" asks, gets the 530.
    async with SmtpServer(tls="starttls") as smtp:
        settings = settings_for(smtp, security="none")
        with pytest.raises(SendFailed) as failed:
            await send(settings, mail(settings))
    assert failed.value.permanent and failed.value.code == 530
