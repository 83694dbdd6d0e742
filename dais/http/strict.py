"""JSON bodies are decoded strictly: a ``0`` is not a ``false``, a ``"5"`` not a ``5``.

Litestar converts a handler's parameters with msgspec in its lax mode, which query strings
need (every value there is text) but a JSON body does not: there it let ``0`` stand for
``false`` and ``"5"`` for ``5``, so a body the OpenAPI document calls invalid was taken.
This ``before_request`` hook decodes the body once more, strictly, into the struct the
handler declares, and refuses a mismatch as Litestar refuses any other (a 422 naming the
field). It runs after the guards and before Litestar reads the body for the handler (which
reuses the bytes already read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
from litestar.exceptions import ValidationException

if TYPE_CHECKING:
    from litestar import Request

__all__ = ["strict_body"]

_decoders: dict[type, msgspec.json.Decoder[Any]] = {}


async def strict_body(request: Request[Any, Any, Any]) -> None:
    """Refuse a JSON body that only a lax conversion would fit to the handler's struct."""
    data = request.route_handler.parsed_fn_signature.parameters.get("data")
    struct = getattr(data, "annotation", None)
    if not (isinstance(struct, type) and issubclass(struct, msgspec.Struct)):
        return
    decoder = _decoders.get(struct)
    if decoder is None:
        decoder = _decoders[struct] = msgspec.json.Decoder(struct, strict=True)
    body = await request.body()
    if not body:
        return  # Litestar answers a missing body itself
    try:
        decoder.decode(body)
    except msgspec.ValidationError as exc:
        raise ValidationException(
            detail="Validation failed",
            extra=[{"message": str(exc), "key": "data", "source": "body"}],
        ) from None
    except msgspec.DecodeError:
        return  # not JSON at all: Litestar's own decoding says so, as a 400
