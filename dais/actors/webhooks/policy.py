"""How webhooks are delivered: the ``DAIS_WEBHOOK_*`` settings, gathered for the actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .guard import AllowList

if TYPE_CHECKING:
    from dais.config import Settings

__all__ = ["DeliveryPolicy"]


@attrs.frozen
class DeliveryPolicy:
    allow: AllowList = attrs.field(factory=AllowList)
    max_attempts: int = 8
    retry_delay: float = 10.0
    max_retry_delay: float = 3600.0
    connect_timeout: float = 5.0
    timeout: float = 10.0
    max_response_size: int = 64 * 1024
    disable_after: int = 10
    public_url: str = "http://127.0.0.1:8080"
    #: How many deliveries one process sends at once.
    concurrency: int = 32
    #: How often due rows are looked for without a wake (retries, other replicas' rows).
    poll_interval: float = 1.0
    #: Finished deliveries older than this (seconds) leave the log: DAIS_EVENT_RETENTION,
    #: as for the outbox events they came from. A body can be a megabyte (an issue's).
    log_retention: float = 7 * 86400.0
    #: How often the log is pruned.
    prune_interval: float = 3600.0

    @property
    def lease(self) -> float:
        """How long a claimed delivery is kept from other senders: its attempt's deadline
        plus a margin for recording the result. A sender that died leaves it due after that."""
        return self.timeout + 5.0

    @classmethod
    def from_settings(cls, settings: Settings) -> DeliveryPolicy:
        return cls(
            allow=AllowList.parse(settings.webhook_allowed_hosts),
            max_attempts=settings.webhook_max_attempts,
            retry_delay=settings.webhook_retry_delay,
            max_retry_delay=settings.webhook_max_retry_delay,
            connect_timeout=settings.webhook_connect_timeout,
            timeout=settings.webhook_timeout,
            max_response_size=settings.webhook_max_response_size,
            disable_after=settings.webhook_disable_after,
            public_url=settings.public_url,
            log_retention=settings.event_retention,
        )
