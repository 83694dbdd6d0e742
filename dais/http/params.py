"""Path parameters are parsed here, at the edge, into their types, before a handler (let
alone an actor) sees them.

Litestar parses an ``{x:int}`` path parameter with ``int()``, which takes far more than a
URL should carry: ``" 7"``, ``"1_000"``, ``"+7"`` and Arabic-Indic digits. :func:`install`
swaps in a parser taking ASCII digits only; anything else matches no route (404). The
aliases below then bound the number to its column (400 naming the parameter past it) and
publish the bounds in the OpenAPI document: ``Id`` for bigint row ids, ``Iid`` for the
``integer`` columns per-project numbers live in.
"""

from __future__ import annotations

import re
from typing import Annotated

from litestar.params import Parameter
from litestar.routes import base as _routes

from dais.actors.projects.rules import PROJECT_REF_PATTERN

__all__ = [
    "BIGINT_MAX",
    "ID_MAX",
    "INTEGER_MAX",
    "QUERY_TEXT_MAX",
    "Id",
    "Iid",
    "ProjectRef",
    "install",
    "parse_id",
]

BIGINT_MAX = 2**63 - 1
#: The largest id a URL or a body may carry: the largest integer a JSON number (an IEEE
#: double) holds exactly, far past any bigint identity dais will reach. Bounds past it are
#: rounded by JSON tooling (Litestar itself wrote 2**63 - 1 as 9.223372036854776e18).
ID_MAX = 2**53 - 1
INTEGER_MAX = 2**31 - 1
#: The longest text a query-string parameter holds (a PromQL, LogQL or TraceQL query): 4,096
#: characters of up to 4 UTF-8 bytes, each byte percent-encoded, stay inside the 64 KiB a
#: request line may take, so a longer one is a 400 naming it rather than a bare 431.
QUERY_TEXT_MAX = 4096
_DIGITS = re.compile(r"[0-9]{1,40}")


def parse_id(text: str) -> int:
    """A number from a URL: ASCII digits only (no sign, space, ``_`` or other scripts).

    Its range is the route's to check (see ``Id`` and ``Iid``), so that a number too large
    is a 400 naming the parameter; the length cap only bounds the work of ``int()``.

    :raises ValueError: for anything else (Litestar answers 404: no such resource)
    """
    if not _DIGITS.fullmatch(text):
        raise ValueError(f"not a number: {text!r}")
    return int(text)


def install() -> None:
    """Make every ``{x:int}`` path parameter of routes built from now on use :func:`parse_id`.

    Litestar reads this table while it builds an app's routes, so ``create_app`` calls
    this first; it is idempotent.
    """
    _routes.parsers_map[int] = parse_id


#: A row id (bigint) in a path.
Id = Annotated[int, Parameter(ge=1, le=ID_MAX)]
#: A per-project number (an issue's or a merge request's ``iid``: an ``integer`` column).
Iid = Annotated[int, Parameter(ge=1, le=INTEGER_MAX)]
#: A project in a path: its id, or ``owner/name`` sent as ``owner%2Fname``. The edge turns
#: the encoded slash into ``~`` before routing; ``load_project`` parses and checks it, so the
#: pattern is published (``schema_extra``) rather than checked on the routed form.
ProjectRef = Annotated[
    str,
    Parameter(
        description="The project's id, or its path owner/name (URL-encoded: owner%2Fname).",
        schema_extra={"pattern": PROJECT_REF_PATTERN},
    ),
]
