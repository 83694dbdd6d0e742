"""Liveness, readiness, metrics and version: the endpoints operators and probes use."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio
from litestar import Request, Response, get

from dais import __version__

from .metrics import CONTENT_TYPE
from .problems import problem

if TYPE_CHECKING:
    from dais.services import Services

__all__ = ["healthz", "metrics", "openapi", "readyz", "version"]

log = logging.getLogger(__name__)

_CHECK_TIMEOUT = 2.0


@get("/healthz", sync_to_thread=False, tags=["system"], summary="Liveness")
def healthz() -> dict[str, str]:
    """The process is up and serving HTTP."""
    return {"status": "ok"}


@get("/readyz", tags=["system"], summary="Readiness: database and broker reachable")
async def readyz(request: Request[Any, Any, Any]) -> Response[Any]:
    services: Services = request.app.state.services
    checks: dict[str, str] = {}
    try:
        with anyio.fail_after(_CHECK_TIMEOUT):
            await services.pool.fetchval("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"; it is logged
        log.warning("readiness: database unreachable: %r", exc)
        checks["database"] = f"unreachable ({type(exc).__name__})"
    try:
        with anyio.fail_after(_CHECK_TIMEOUT):
            await services.broker.ping()
        checks["broker"] = "ok"
    except Exception as exc:  # noqa: BLE001
        log.warning("readiness: broker unreachable: %r", exc)
        checks["broker"] = f"unreachable ({type(exc).__name__})"
    if all(v == "ok" for v in checks.values()):
        return Response({"status": "ready", "checks": checks})
    failing = ", ".join(k for k, v in checks.items() if v != "ok")
    return problem(503, f"not ready: {failing}", request=request, extra={"checks": checks})


@get("/metrics", tags=["system"], summary="Prometheus metrics", include_in_schema=False)
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    services: Services = request.app.state.services
    body = services.metrics.render()  # on the loop: the counters it reads change there
    return Response(body, media_type=CONTENT_TYPE)


@get("/api/version", sync_to_thread=False, tags=["system"], summary="dais version")
def version() -> dict[str, str]:
    return {"version": __version__}


@get("/api/openapi.json", tags=["system"], summary="This document", include_in_schema=False)
async def openapi(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The OpenAPI 3.1 document, rendered once per process."""
    state = request.app.state
    if "openapi_json" not in state:
        import msgspec

        from .openapi import document

        state["openapi_json"] = msgspec.json.encode(document(request.app))
    body: bytes = state["openapi_json"]
    return Response(body, media_type="application/vnd.oai.openapi+json")
