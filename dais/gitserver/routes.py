"""Routes of the git server: smart HTTP at ``/{owner}/{name}.git/...`` and the hook callbacks.

Who may do what: fetching needs read access to the project (anyone, for a public one); pushing
needs write access and a project that is not archived. A caller without credentials who needs
them gets a 401 with a ``Basic`` challenge, so ``git`` asks its credential helper (or the
user) and retries with a token as the password; a hidden project is a 404 to a signed-in
stranger, in the words a missing one gets. Errors are plain text, which ``git`` shows its
user as ``remote:`` lines (for the ref advertisement, ``info/refs``, that starts every
fetch and push). A project missing from the caller's own namespace is a 404 that says how
to create it: telling its owner that it does not exist leaks nothing.

The hook callbacks (``/_internal/hooks/...``) are for the scripts in :mod:`.hooks` and are
authenticated by a secret of this process; they are kept out of the OpenAPI document.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import TYPE_CHECKING, Annotated, Any, cast

import anyio
from litestar import Request, Response, get, post

# Litestar reads handler annotations at run time, so these stay out of TYPE_CHECKING.
from litestar.params import FromPath, QueryParameter  # noqa: TC002
from litestar.types import ASGIApp  # noqa: TC002

from dais.actors.identity import messages as im
from dais.actors.identity.permissions import Permission
from dais.actors.projects import messages as pm
from dais.actors.projects.rules import check_project_name
from dais.errors import Forbidden, NotFound, Unauthorized, ValidationFailed
from dais.http.auth import authenticate
from dais.http.projects import can_write, load_project

from . import hooks
from .smart_http import NO_CACHE_HEADERS, GitCall, GitLimits, GitResponse, Service, git_protocol

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["ROUTES", "hook_secret", "hook_url"]

_HOOK_SECRET = "git_hook_secret"
_ASCII_ID = re.compile(r"[1-9][0-9]{0,17}")
_LIMITS = "git_limits"
_TEXT = "text/plain; charset=utf-8"
# A corrupt or malicious pack is refused. Merge request heads (refs/merge-requests/<iid>/head,
# kept by dais so a merge request's commits outlive its branch) are not shown to pushers, so
# a push never sees them to delete, and git refuses one that names them.
_RECEIVE_CONFIG = ("receive.fsckObjects=true", "receive.hideRefs=refs/merge-requests")
_NO_CACHE = {k.decode(): v.decode() for k, v in NO_CACHE_HEADERS}


def hook_secret(state: Any) -> str:
    """This process's hook secret, made on first use (app state lives as long as the process)."""
    secret: str | None = state.get(_HOOK_SECRET)
    if secret is None:
        secret = state[_HOOK_SECRET] = secrets.token_urlsafe(32)
    return secret


def hook_url(bind_host: str, bind_port: int) -> str:
    """Where hooks reach this process: its own listening address, over loopback if it listens
    on every address."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(bind_host, bind_host)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{bind_port}/_internal/hooks"


def _limits(request: Request[Any, Any, Any]) -> GitLimits:
    state = request.app.state
    limits: GitLimits | None = state.get(_LIMITS)
    if limits is None:
        settings = request.app.state.services.settings
        limits = state[_LIMITS] = GitLimits(
            limiter=anyio.CapacityLimiter(settings.git_max_concurrency),
            timeout=settings.git_timeout,
            max_input=settings.git_max_push_size,
        )
    return limits


def _text(status: int, detail: str, headers: dict[str, str] | None = None) -> Response[str]:
    body = detail + "\n" if detail else ""
    return Response(body, status_code=status, media_type=_TEXT, headers=_NO_CACHE | (headers or {}))


def _asgi(request: Request[Any, Any, Any], response: Response[str]) -> ASGIApp:
    return response.to_asgi_response(app=None, request=request)


def _challenge(detail: str) -> Response[str]:
    return _text(401, detail, {"WWW-Authenticate": 'Basic realm="dais"'})


async def _project(
    request: Request[Any, Any, Any], owner: str, name: str, service: Service
) -> tuple[pm.ProjectRecord, im.Principal | None]:
    """The project, if the caller may use ``service`` on it.

    :raises Unauthorized: without credentials, when they are needed.
    :raises NotFound: for a project the caller may not see.
    :raises Forbidden: for a push the caller or the project does not allow.
    """
    name = name.removesuffix(".git")
    try:
        project = await load_project(request, f"{owner}/{name}")
    except NotFound:
        hint = await _how_to_create(request, owner, name)
        if hint is None:
            raise
        raise NotFound(hint) from None
    who = await authenticate(request)
    if service is Service.RECEIVE_PACK:
        if who is None:
            raise Unauthorized(f"sign in to push to {project.path}")
        if not await can_write(request, project):
            raise Forbidden(f"you may read {project.path} but not push to it")
        if project.archived:
            raise Forbidden(f"project {project.path} is archived: it is read-only")
    return project, who


async def _how_to_create(request: Request[Any, Any, Any], owner: str, name: str) -> str | None:
    """For a caller who cannot see ``owner/name`` in their own namespace because it does not
    exist (not because their token may not read it), how to create it; else None.

    Only to a caller who may create projects, who could learn as much from the 409 of
    ``POST /api/projects``: a token without ``project:write`` learns nothing here.
    """
    who = await authenticate(request)
    if who is None or who.username != owner:
        return None
    if who.scopes is not None and Permission.PROJECT_WRITE not in who.scopes:
        return None
    try:
        check_project_name(name)
    except ValidationFailed:
        return None
    services = request.app.state.services
    path = pm.ProjectPath(owner, name)
    try:
        await services.ask(services.system.ref("projects"), pm.GetProject(path))
    except NotFound:
        public_url = services.settings.public_url
        return (
            f"project {path} does not exist; create it first: "
            f"POST /api/projects {json.dumps({'name': name})} "
            f"or in the web UI at {public_url}/-/new"
        )
    return None


def _refused(exc: Exception) -> Response[str]:
    if isinstance(exc, Unauthorized):
        return _challenge(str(exc))
    if isinstance(exc, NotFound):
        return _text(404, str(exc))
    return _text(403, str(exc))


def _repository(request: Request[Any, Any, Any], project: pm.ProjectRecord) -> Path:
    return pm.repository_path(request.app.state.services.settings.data_dir, project.id)


@get(
    "/{owner:str}/{name:str}/info/refs",
    include_in_schema=False,
    request_max_body_size=None,
)
async def info_refs(
    request: Request[Any, Any, Any],
    owner: FromPath[str],
    name: FromPath[str],
    service: Annotated[str | None, QueryParameter(max_length=40)] = None,
) -> ASGIApp:
    """The ref advertisement that starts every fetch and push."""
    if service not in {s.value for s in Service}:
        # The "dumb" protocol reads files off disk; dais serves only the smart one.
        message = "only git's smart HTTP protocol is served: use git 1.6.6 or later"
        return _asgi(request, _text(403, message))
    chosen = Service(service)
    try:
        project, _who = await _project(request, owner, name, chosen)
    except (Unauthorized, NotFound, Forbidden) as exc:
        return _asgi(request, _refused(exc))
    call = GitCall(
        service=chosen,
        repository=_repository(request, project),
        advertise=True,
        protocol=git_protocol(request.headers.get("git-protocol")),
    )
    # A raw ASGI app, typed with plain mappings rather than Litestar's message TypedDicts.
    return cast("ASGIApp", GitResponse(call, _limits(request)))


async def _rpc(request: Request[Any, Any, Any], owner: str, name: str, service: Service) -> ASGIApp:
    try:
        project, who = await _project(request, owner, name, service)
    except (Unauthorized, NotFound, Forbidden) as exc:
        return _asgi(request, _refused(exc))
    expected = f"application/x-{service.value}-request"
    media = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if media != expected:
        refusal = _text(415, f"the request body must be {expected} (got {media or 'none'})")
        return _asgi(request, refusal)
    env: dict[str, str] = {}
    config: tuple[str, ...] = ()
    repository = _repository(request, project)
    if service is Service.RECEIVE_PACK:
        assert who is not None
        settings = request.app.state.services.settings
        env = {
            "DAIS_HOOK_URL": hook_url(settings.bind_host, settings.bind_port),
            "DAIS_HOOK_SECRET": hook_secret(request.app.state),
            "DAIS_PROJECT_ID": str(project.id),
            "DAIS_PUSHER_ID": str(who.user_id),
            # An administrator bypasses push roles only with full rights, not a scoped token.
            "DAIS_PUSHER_FULL": "1" if who.scopes is None else "0",
        }
        # Our hooks, whatever the repository's config says.
        config = (*_RECEIVE_CONFIG, f"core.hooksPath={repository / 'hooks'}")
    call = GitCall(
        service=service,
        repository=repository,
        advertise=False,
        protocol=git_protocol(request.headers.get("git-protocol")),
        content_encoding=(request.headers.get("content-encoding") or "").strip().lower() or None,
        env=env,
        config=config,
    )
    # A raw ASGI app, typed with plain mappings rather than Litestar's message TypedDicts.
    return cast("ASGIApp", GitResponse(call, _limits(request)))


@post(
    "/{owner:str}/{name:str}/git-upload-pack",
    include_in_schema=False,
    request_max_body_size=None,
    status_code=200,
)
async def upload_pack(
    request: Request[Any, Any, Any], owner: FromPath[str], name: FromPath[str]
) -> ASGIApp:
    """Fetch and clone: negotiation, then the pack."""
    return await _rpc(request, owner, name, Service.UPLOAD_PACK)


@post(
    "/{owner:str}/{name:str}/git-receive-pack",
    include_in_schema=False,
    request_max_body_size=None,
    status_code=200,
)
async def receive_pack(
    request: Request[Any, Any, Any], owner: FromPath[str], name: FromPath[str]
) -> ASGIApp:
    """Push: commands and a pack in, the report out."""
    return await _rpc(request, owner, name, Service.RECEIVE_PACK)


# --- hook callbacks ----------------------------------------------------------------------


async def _hook_context(
    request: Request[Any, Any, Any],
) -> tuple[pm.ProjectRecord, im.UserRecord, list[hooks.RefUpdate]]:
    """The project, pusher and ref updates of an authenticated hook call.

    :raises Forbidden: without this process's secret.
    :raises NotFound: for a project or user that no longer exists.
    """
    expected = request.app.state.get(_HOOK_SECRET)
    given = request.headers.get("x-dais-hook-secret", "")
    if expected is None or not secrets.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("hook callbacks need this dais process's hook secret")
    project_id = request.headers.get("x-dais-project-id", "")
    pusher_id = request.headers.get("x-dais-pusher-id", "")
    if not (_ASCII_ID.fullmatch(project_id) and _ASCII_ID.fullmatch(pusher_id)):
        raise ValidationFailed("X-Dais-Project-Id", "the hook call must name a project and pusher")
    services = request.app.state.services
    project: pm.ProjectRecord = await services.ask(
        services.system.ref("projects"), pm.GetProject(int(project_id))
    )
    pusher: im.UserRecord = await services.ask(
        services.system.ref("identity"), im.GetUser(int(pusher_id))
    )
    try:
        updates = hooks.parse_updates(await request.body())
    except ValueError as exc:
        raise ValidationFailed("body", str(exc)) from None
    return project, pusher, updates


@post("/_internal/hooks/pre-receive", include_in_schema=False, status_code=200)
async def pre_receive(request: Request[Any, Any, Any]) -> Response[str]:
    """May this push go ahead? 200, or 409 with the reasons, one per line."""
    try:
        project, pusher, updates = await _hook_context(request)
    except NotFound as exc:
        return _text(409, f"dais: {exc}\ndais: push refused")
    services = request.app.state.services
    rules = await services.ask(services.system.ref("projects"), pm.ListBranchRules(project.id))
    assignments: list[im.AssignmentRecord] = await services.ask(
        services.system.ref("identity"), im.ListAssignments(pusher.id)
    )
    roles = frozenset(
        a.role for a in assignments if a.project_id is None or a.project_id == project.id
    )
    full = request.headers.get("x-dais-pusher-full") == "1"
    reasons = hooks.refusals(project, hooks.Pusher(pusher, roles, full), updates, rules)
    if reasons:
        lines = [f"dais: {reason}" for reason in reasons]
        return _text(409, "\n".join([*lines, "dais: push refused"]))
    return Response("", status_code=200, media_type=_TEXT)


@post("/_internal/hooks/post-receive", include_in_schema=False, status_code=200)
async def post_receive(request: Request[Any, Any, Any]) -> Response[str]:
    """Record the push git has just applied; answer where to propose merging new branches."""
    project, pusher, updates = await _hook_context(request)
    services = request.app.state.services
    if updates:
        await hooks.record_push(services.pool, project, pusher, updates)
    links = hooks.merge_request_links(project, updates, services.settings.public_url)
    return Response(links, status_code=200, media_type=_TEXT)


ROUTES = [info_refs, upload_pack, receive_pack, pre_receive, post_receive]
