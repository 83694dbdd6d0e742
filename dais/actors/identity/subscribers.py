"""Identity's reactions to other domains' events (delivered by the outbox dispatcher)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.actors.events.messages import Subscriber

from . import cache

if TYPE_CHECKING:
    import asyncpg

    from dais.storage.broker import Broker
    from dais.storage.outbox import Event

__all__ = ["subscribers"]


def subscribers(pool: asyncpg.Pool[Any], broker: Broker) -> list[Subscriber]:
    async def project_deleted(event: Event) -> None:
        """A deleted project takes its role assignments and delegations with it (idempotent)."""
        project_id = int(event.payload["project"]["id"])
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute("DELETE FROM role_assignments WHERE project_id = $1", project_id)
            await conn.execute("DELETE FROM delegations WHERE project_id = $1", project_id)
        await cache.retire(broker)

    return [
        Subscriber(
            "identity.project-deleted", project_deleted, kinds=frozenset({"project.deleted"})
        )
    ]
