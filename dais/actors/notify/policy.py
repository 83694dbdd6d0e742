"""How notifications go out, from the settings: the SMTP server, the grouping window, retries,
and the project-webhook delivery policy the webhook channel reuses (its SSRF guard)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import attrs

from dais.actors.webhooks.policy import DeliveryPolicy

from .email import SmtpSettings

if TYPE_CHECKING:
    from dais.config import Settings

__all__ = ["NotifyPolicy"]


@attrs.frozen
class NotifyPolicy:
    public_url: str = "http://127.0.0.1:8080"
    #: None: no email is sent (DAIS_SMTP_HOST unset).
    smtp: SmtpSettings | None = None
    email_window: float = 120.0
    max_attempts: int = 6
    retry_delay: float = 30.0
    max_retry_delay: float = 3600.0
    webhooks: DeliveryPolicy = attrs.field(factory=DeliveryPolicy)
    #: Deliveries one process sends at once; a hanging server holds one of them at most
    #: ``smtp.timeout`` seconds.
    concurrency: int = 8
    poll_interval: float = 1.0

    @property
    def lease(self) -> float:
        """How long a claimed delivery is kept from other senders."""
        timeout = max(self.smtp.timeout if self.smtp else 0.0, self.webhooks.timeout)
        return timeout + 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> NotifyPolicy:
        smtp = None
        if settings.smtp_host:
            host = urlsplit(settings.public_url).hostname or "localhost"
            smtp = SmtpSettings(
                host=settings.smtp_host,
                port=settings.smtp_port,
                security=settings.smtp_security,
                username=settings.smtp_username,
                password=settings.smtp_password,
                from_address=settings.smtp_from or f"dais <dais@{host}>",
                timeout=settings.smtp_timeout,
                verify_tls=settings.smtp_verify_tls,
                ca_file=str(settings.smtp_ca_file) if settings.smtp_ca_file else None,
            )
        return cls(
            public_url=settings.public_url,
            smtp=smtp,
            email_window=settings.notify_email_window,
            max_attempts=settings.notify_max_attempts,
            retry_delay=settings.notify_retry_delay,
            webhooks=DeliveryPolicy.from_settings(settings),
        )
