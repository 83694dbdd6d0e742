"""Shared by the project tests: the ``make_user`` fixture lives in tests/conftest.py."""

from __future__ import annotations

from dais.actors.identity import messages as m
from tests.conftest import MakeUser

__all__ = ["AUDIT", "MakeUser"]

AUDIT = m.AuditContext(actor_id=None, actor_name="test", client_address=None, user_agent=None)
