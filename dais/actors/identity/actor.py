"""The identity actor: users, sessions, tokens, passkeys, roles, delegations, the audit log.

Every change is written with its audit row in one transaction, then the caches are dropped.
Resolved permissions and token lookups are cached in the broker (shared by replicas when it
is Redis) under a *generation*: a random value kept in the broker, part of every cache key.
A change starts a new generation once it has committed, so every replica stops reading the
old entries at once (they expire on their own). A reader fetches the generation before it
reads the database, so an answer computed from rows older than a change can only be stored
under a generation that change has already retired. ``identity.changed`` is published too,
for anyone else keeping state derived from identities.
"""

from __future__ import annotations

from typing import Any

from dais.runtime import Actor, Fault

from ._authentication import Authentication
from ._base import IdentityConfig
from ._directory import Directory
from ._grants import Grants
from ._members import Members
from ._passkey_ceremonies import PasskeyCeremonies
from .messages import IdentityMessage

__all__ = ["IdentityActor", "IdentityConfig"]


class IdentityActor(
    Authentication, Grants, Members, Directory, PasskeyCeremonies, Actor[IdentityMessage]
):
    """Answers "who is this?" and "may they?", and keeps identities.

    Its handlers live in one module per concern (``_authentication``, ``_grants``,
    ``_members``, ``_directory``, ``_passkey_ceremonies``) on the shared state of
    ``_base.IdentityBase``.
    """

    concurrency = 64
    # Its state is PostgreSQL (each change one transaction, rolled back by an error); the
    # instance holds its pool, broker and settings, and when tokens were last marked used
    # (a lost entry costs one extra write). A fault cannot leave it half-changed, so the
    # actor resumes (see dais.runtime.Fault).
    faults = Fault.RESUME
    mailbox_size = 4096

    async def receive(self, message: IdentityMessage) -> Any:
        handler = getattr(self, f"_on_{type(message).__name__}")
        return await handler(message)
