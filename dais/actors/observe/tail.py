"""The live tail of a project's logs: every export's records, once stored, published on the
broker channel of its project, for the streams that follow it (``/telemetry/logs/tail``).

The store is the truth and the tail a courtesy: a reader that falls behind loses messages
(the broker drops them for it alone), and a reader connecting sees what is ingested from
then on, not what came before (the logs query has that).

Encoding an export for the tail costs about as much as decoding it, so nothing is encoded
while no one listens: a publish reports how many subscribers received it (on Redis, across
replicas), and after one that reached nobody the project's exports are not published for
:data:`PROBE` seconds. A reader therefore sees records from at most that long after it
connects; one on this replica says it is listening (:meth:`LogTail.subscribe`) and is
served at once.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from dais.storage.broker import BrokerUnavailable

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractAsyncContextManager

    from dais.storage.broker import Broker, Subscription

__all__ = ["MAX_PER_MESSAGE", "PROBE", "LogTail", "channel"]

log = logging.getLogger(__name__)

#: Seconds an unheard project's exports go unpublished before the next try.
PROBE = 2.0
#: The most records one message carries; an export with more is cut (the tail is for
#: people reading along; the store keeps every record).
MAX_PER_MESSAGE = 500


def channel(project_id: int) -> str:
    return f"telemetry.logs.{project_id}"


class LogTail:
    def __init__(self, broker: Broker) -> None:
        self._broker = broker
        self._unheard_since: dict[int, float] = {}

    async def publish(self, project_id: int, encode: Callable[[], bytes]) -> int:
        """Publish ``encode()`` (called only if someone may listen); the readers reached."""
        unheard = self._unheard_since.get(project_id)
        if unheard is not None and time.monotonic() - unheard < PROBE:
            return 0
        try:
            reached = await self._broker.publish(channel(project_id), encode())
        except BrokerUnavailable as exc:  # the export is stored; only its readers miss it
            log.warning("log tail of project %d not published: %s", project_id, exc)
            reached = 0
        if reached:
            self._unheard_since.pop(project_id, None)
        else:
            self._unheard_since[project_id] = time.monotonic()
        return reached

    def subscribe(
        self, project_id: int, *, maxsize: int = 256
    ) -> AbstractAsyncContextManager[Subscription]:
        self._unheard_since.pop(project_id, None)
        return self._broker.subscribe(channel(project_id), maxsize=maxsize)
