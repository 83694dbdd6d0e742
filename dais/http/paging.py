"""One shape for every list the API answers, as GitHub's and Gitea's APIs do.

The body is a JSON array; ``page`` (from 1) and ``per_page`` choose the slice; the reply
carries ``X-Total-Count`` and an RFC 8288 ``Link`` header with ``first``, ``prev``,
``next`` and ``last`` URLs. A route declares it with ``@get(..., response_headers=LIST_HEADERS)``
and answers with :func:`paged`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar
from urllib.parse import urlencode

from litestar import Response
from litestar.datastructures import ResponseHeader
from litestar.params import QueryParameter

from .problems import path_as_sent

if TYPE_CHECKING:
    from litestar import Request

__all__ = ["LIST_HEADERS", "Page", "PerPage", "offset", "paged", "sliced"]

T = TypeVar("T")

#: Which page, from 1.
Page = Annotated[int, QueryParameter(ge=1, le=100_000, description="The page, from 1.")]
#: How many items a page holds (1 to 100).
PerPage = Annotated[int, QueryParameter(ge=1, le=100, description="Items per page (1-100).")]

#: Documented on every list route (the OpenAPI document promises them).
LIST_HEADERS = [
    ResponseHeader(
        name="X-Total-Count",
        description="How many items there are in all, over every page.",
        documentation_only=True,
    ),
    ResponseHeader(
        name="Link",
        description='RFC 8288 links to the first, previous, next and last pages (rel="first" ...).',
        documentation_only=True,
    ),
]

_PAGING = frozenset({"page", "per_page"})


def offset(page: int, per_page: int) -> int:
    """How many items come before ``page``."""
    return (page - 1) * per_page


def paged(
    request: Request[Any, Any, Any], content: Any, page: int, per_page: int, total: int
) -> Response[Any]:
    """``content`` (one page) with ``X-Total-Count`` and ``Link`` to the neighbouring pages."""
    base = request.app.state.services.settings.public_url
    path = path_as_sent(request.scope)  # not the routed path: the edge rewrites owner%2Fname
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in _PAGING]
    prefix = f"{base}{path}?{urlencode(kept)}&" if kept else f"{base}{path}?"

    def url(n: int) -> str:
        return f"{prefix}page={n}&per_page={per_page}"

    last = max(1, -(-total // per_page))
    links = [f'<{url(1)}>; rel="first"']
    if page > 1:
        links.append(f'<{url(min(page - 1, last))}>; rel="prev"')
    if page < last:
        links.append(f'<{url(page + 1)}>; rel="next"')
    links.append(f'<{url(last)}>; rel="last"')
    return Response(content, headers={"X-Total-Count": str(total), "Link": ", ".join(links)})


def sliced(
    request: Request[Any, Any, Any], items: Sequence[T], page: int, per_page: int
) -> Response[Any]:
    """Page a list that is small by nature (a user's tokens, a project's branches) and read
    whole: the same shape as a list paged in the database."""
    start = offset(page, per_page)
    return paged(request, list(items[start : start + per_page]), page, per_page, len(items))
