"""Domain errors: raised by domain code, mapped to problem+json once, in ``dais.http``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dais.runtime import DomainError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Conflict",
    "DomainError",
    "Forbidden",
    "NotFound",
    "TooManyRequests",
    "Unauthorized",
    "Unavailable",
    "ValidationFailed",
]


class _Problem(DomainError):
    """A domain error with the HTTP status it maps to and optional structured detail."""

    status: int = 400
    title: str = "Bad Request"

    def __init__(self, detail: str, *, extra: Mapping[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = dict(extra or {})


class NotFound(_Problem):
    status, title = 404, "Not Found"


class Conflict(_Problem):
    status, title = 409, "Conflict"


class Forbidden(_Problem):
    status, title = 403, "Forbidden"


class Unauthorized(_Problem):
    status, title = 401, "Unauthorized"


class ValidationFailed(_Problem):
    """Input that is well-formed but breaks a rule; ``field`` names what was wrong."""

    status, title = 422, "Unprocessable Content"

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}", extra={"errors": [{"field": field, "rule": rule}]})
        self.field = field
        self.rule = rule


class Unavailable(_Problem):
    """A dependency (the database, the broker) cannot be reached right now."""

    status, title = 503, "Service Unavailable"


class TooManyRequests(_Problem):
    status, title = 429, "Too Many Requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
