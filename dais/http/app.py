"""The Litestar application, wrapped in the edge (request ids, limits, metrics, access log)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.routes import HTTPRoute
from litestar.utils import ensure_async_callable

from dais import __version__
from dais.actors.identity.cache import PrincipalCache
from dais.actors.issues.cache import ListingCache
from dais.actors.projects.cache import ProjectCache
from dais.gitserver import lfs_routes
from dais.gitserver import routes as gitserver_routes

from . import admin, health, identity, issues, params, passkeys, projects, repository, ui
from . import alerts as alert_routes
from . import builds as build_routes
from . import loki as loki_routes
from . import mcp as mcp_routes
from . import merge_requests as merge_request_routes
from . import notifications as notification_routes
from . import observe as observe_routes
from . import prometheus as prometheus_routes
from . import secrets as secret_routes
from . import tempo as tempo_routes
from . import webhooks as webhook_routes
from .edge import Edge
from .problems import exception_handlers
from .strict import strict_body

if TYPE_CHECKING:
    from collections.abc import Sequence

    from litestar.types import ASGIApp, ControllerRouterHandler

    from dais.services import Services

__all__ = ["create_app"]


def create_app(
    services: Services,
    *,
    route_handlers: Sequence[ControllerRouterHandler] = (),
    raw_body_prefixes: Sequence[str] = (),
) -> ASGIApp:
    """Build the ASGI app serving dais; ``route_handlers`` come from the domains."""
    params.install()  # before Litestar builds the routes (see dais.http.params)
    settings = services.settings
    cors = CORSConfig(allow_origins=list(settings.cors_origins), allow_credentials=True)
    app = Litestar(
        route_handlers=[
            health.healthz,
            health.readyz,
            health.metrics,
            health.version,
            health.openapi,
            *identity.ROUTES,
            *admin.ROUTES,
            *passkeys.ROUTES,
            *projects.ROUTES,
            *issues.ROUTES,
            *merge_request_routes.ROUTES,
            *repository.ROUTES,
            *webhook_routes.ROUTES,
            *secret_routes.ROUTES,
            *notification_routes.ROUTES,
            *build_routes.ROUTES,
            *observe_routes.ROUTES,
            *prometheus_routes.ROUTES,
            *alert_routes.ROUTES,
            *loki_routes.ROUTES,
            *tempo_routes.ROUTES,
            *mcp_routes.ROUTES,
            *gitserver_routes.ROUTES,
            *lfs_routes.ROUTES,
            *route_handlers,
            # Last: the web app, and index.html for browser paths no route above owns.
            *ui.ROUTES,
        ],
        exception_handlers={**exception_handlers(), **ui.EXCEPTION_HANDLERS},
        openapi_config=OpenAPIConfig(
            title="dais",
            version=__version__,
            description="The dais HTTP API. Errors are RFC 9457 problem+json.",
            # Litestar's own schema router mounts a catch-all under its path; keep it out of
            # /api (where it turned unknown routes into HTML 404s) and serve the document
            # from health.openapi at /api/openapi.json.
            path="/_litestar/schema",
            render_plugins=[JsonRenderPlugin()],
        ),
        cors_config=cors if settings.cors_origins else None,
        request_max_body_size=settings.max_body_size,
        state=State(
            {
                "services": services,
                "max_body_size": settings.max_body_size,
                "principal_cache": PrincipalCache(settings.permission_cache_ttl),
                "project_cache": ProjectCache(),
                "listing_cache": ListingCache(),
            }
        ),
        logging_config=None,
        debug=False,
    )
    _answer_options_with_every_method(app)
    _decode_bodies_strictly(app)
    edge: Any = Edge(
        app,
        services.metrics,
        max_body_size=settings.max_body_size,
        raw_body_prefixes=raw_body_prefixes,
    )
    # What in-process callers (MCP tools) send requests to: the app as the network sees it,
    # its edge (limits, path parsing, request ids) included.
    app.state.asgi = edge
    return edge  # type: ignore[no-any-return]


def _answer_options_with_every_method(app: Litestar) -> None:
    """Make ``OPTIONS`` list every method of its path in ``Allow``, as a 405 already does.

    Litestar builds a path's route again each time another handler for it is registered,
    and keeps the ``OPTIONS`` handler it made for the first one, whose closure still holds
    that first route: ``OPTIONS /api/projects/1`` answered ``Allow: GET, OPTIONS`` while the
    path also takes PATCH and DELETE. Point each such handler at the route that holds it.
    """
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            fn: Any = getattr(handler, "fn", None)
            closure = getattr(fn, "__closure__", None)
            if getattr(fn, "__name__", "") != "options_handler" or not closure:
                continue
            for cell in closure:
                if isinstance(cell.cell_contents, HTTPRoute):
                    cell.cell_contents = route


def _decode_bodies_strictly(app: Litestar) -> None:
    """Give each route that takes a JSON body the strict decoding hook (dais.http.strict).

    Per route rather than app-wide: an app-wide ``before_request`` is awaited on every
    request, reads included (in-process, a routed GET measured 40 µs either way, with up
    to 5 µs more in some runs: small, but for nothing).
    """
    hook = ensure_async_callable(strict_body)
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            data = handler.parsed_fn_signature.parameters.get("data")
            struct = getattr(data, "annotation", None)
            if isinstance(struct, type) and issubclass(struct, msgspec.Struct):
                handler.before_request = hook
