"""Which tools a caller may use, and a tool call made as an API request with their token.

Listing: a tool is listed when the caller's token could ever use it: its permission is in
the token's scopes (a ``*`` token: everything its owner may do), an administrator's tool
only to an administrator acting with that right, a project permission only if the owner
can hold it somewhere (a person can, in their own projects; an agent or a service only
through a role or a delegation they hold), and, read-only, no tool that writes. A call is
checked against the same listing again (a client may skip ``tools/list``), then sent to
dais's own HTTP API in process, with the caller's ``Authorization`` header: the API's
handlers decide, as for any request. Every call is audited (``mcp.tool_call``), with the
person an agent acts for when a delegation names one.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from dais.actors.identity import audit
from dais.actors.identity.messages import AuditContext, Permissions, Principal, UserKind
from dais.actors.identity.permissions import Permission
from dais.actors.identity.resolver import narrow_to_scopes

from .registry import TOOLSETS, Tool
from .results import Outcome, ToolRefused

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from dais.services import Services

__all__ = ["MAX_ARGUMENTS", "Outcome", "Toolbox", "ToolRefused", "parse_toolsets"]

log = logging.getLogger(__name__)

#: The most JSON a call's arguments may hold.
MAX_ARGUMENTS = 256 * 1024
#: The most text a result carries (its structured content is whole).
_MAX_TEXT = 50_000
_ADMIN = frozenset(p for p in Permission if p.value.startswith("admin:"))
_PROJECT = frozenset(Permission) - _ADMIN


def parse_toolsets(raw: str | Iterable[str] | None) -> tuple[str, ...]:
    """Toolset names from ``?toolsets=a,b`` or ``--toolsets``; none: every toolset.

    :raises ValueError: naming an unknown toolset.
    """
    if raw is None:
        return TOOLSETS
    names = [n.strip() for n in (raw.split(",") if isinstance(raw, str) else raw) if n.strip()]
    unknown = sorted(set(names) - set(TOOLSETS))
    if unknown:
        raise ValueError(f"unknown toolset {unknown[0]!r}; toolsets: {', '.join(TOOLSETS)}")
    return tuple(t for t in TOOLSETS if t in names) or TOOLSETS


def _cursor(page: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"page": page}).encode()).decode().rstrip("=")


def _page_of(cursor: object) -> int:
    if not isinstance(cursor, str) or len(cursor) > 64:
        raise ValueError("cursor: not a cursor this server gave")
    try:
        page = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["page"]
    except (ValueError, KeyError, TypeError):
        raise ValueError("cursor: not a cursor this server gave") from None
    if not isinstance(page, int) or not 1 <= page <= 1_000_000:
        raise ValueError("cursor: not a cursor this server gave")
    return page


def _summary(tool: Tool, status: int, data: Any, total: str | None) -> str:
    if isinstance(data, list):
        shown = f"{len(data)} item{'s' * (len(data) != 1)}"
        if total is not None:
            shown += f" of {total}"
        return f"{tool.name}: {shown}"
    return f"{tool.name}: done ({status})"


class Toolbox:
    """The tools of one app, for the callers of one process."""

    def __init__(self, tools: Mapping[str, Tool]) -> None:
        self.tools = dict(tools)

    async def attainable(self, services: Services, who: Principal) -> frozenset[Permission]:
        """The permissions ``who``'s credential could ever use (see the module docstring)."""
        if who.kind is UserKind.HUMAN:
            project = set(_PROJECT)
        else:
            rows = await services.pool.fetch(
                """
                SELECT unnest(r.permissions) AS p FROM role_assignments a
                JOIN roles r ON r.id = a.role_id WHERE a.user_id = $1
                UNION
                SELECT unnest(permissions) FROM delegations
                WHERE delegate_id = $1 AND revoked_at IS NULL
                  AND (expires_at IS NULL OR expires_at > now())
                """,
                who.user_id,
            )
            project = {Permission(r["p"]) for r in rows if r["p"] in _PROJECT}
        # Outside any project: an administrator's everything, a global role's permissions
        # (admin:* among them only for those who hold them).
        everywhere: frozenset[Permission] = await services.ask(
            services.system.ref("identity"), Permissions(who, None)
        )
        return narrow_to_scopes(frozenset(project | everywhere), who.scopes)

    async def available(
        self, services: Services, who: Principal, toolsets: tuple[str, ...], read_only: bool
    ) -> list[Tool]:
        held = await self.attainable(services, who)
        out = []
        for tool in self.tools.values():
            spec = tool.spec
            if spec.toolset not in toolsets or (read_only and spec.writes):
                continue
            if spec.permission is not None and spec.permission not in held:
                continue
            out.append(tool)
        return sorted(out, key=lambda t: (TOOLSETS.index(t.spec.toolset), t.name))

    async def call(
        self,
        services: Services,
        app: Any,
        who: Principal,
        authorization: str,
        client: tuple[str, int],
        name: str,
        arguments: Mapping[str, Any] | None,
        *,
        toolsets: tuple[str, ...] = TOOLSETS,
        read_only: bool = False,
    ) -> Outcome:
        """Run tool ``name`` for ``who``.

        :raises ToolRefused: ``name`` is not a tool ``who`` may use here.
        :raises ValueError: the arguments break the tool's schema (one line naming why).
        """
        tool = self.tools.get(name)
        if tool is None or tool not in await self.available(services, who, toolsets, read_only):
            raise ToolRefused(f"unknown tool: {name}")
        args = dict(arguments or {})
        if len(json.dumps(args, default=str)) > MAX_ARGUMENTS:
            raise ValueError(f"arguments: at most {MAX_ARGUMENTS // 1024} KiB of JSON")
        allowed = set(tool.input_schema["properties"])
        unknown = sorted(set(args) - allowed)
        if unknown:
            raise ValueError(f"{unknown[0]}: not an argument of {name}")
        missing = [r for r in tool.input_schema.get("required", []) if r not in args]
        if missing:
            raise ValueError(f"{missing[0]}: required")
        path = tool.path
        query: dict[str, Any] = {}
        body: dict[str, Any] = dict(tool.spec.fixed)
        for param in tool.params:
            if param.name not in args:
                continue
            value = args[param.name]
            if param.location == "path":
                if param.kind == "int":
                    if not isinstance(value, int) or isinstance(value, bool):
                        raise ValueError(f"{param.name}: must be an integer")
                    text = str(value)
                elif not isinstance(value, str) or not value:
                    raise ValueError(f"{param.name}: must be a non-empty string")
                else:
                    text = quote(value, safe="/" if param.kind == "path" else "")
                path = path.replace(f"{{{param.name}:{param.kind}}}", text)
            elif param.location == "query":
                if isinstance(value, bool):
                    value = str(value).lower()
                elif not isinstance(value, str | int | float):
                    raise ValueError(f"{param.name}: must be a string, a number or a boolean")
                query[param.name] = value
            else:
                body[param.name] = value
        page = None
        if "cursor" in args:
            page = _page_of(args["cursor"])
            query["page"] = page
        method = tool.method
        headers = {"Authorization": authorization, "Accept": "application/json"}
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(
            transport=transport, base_url=services.settings.public_url
        ) as http:
            response = await http.request(
                method,
                path,
                params=query,
                json=body if method in {"POST", "PUT", "PATCH"} else None,
                headers=headers,
            )
        await self._audit(services, who, client, tool, response.status_code)
        return self._outcome(tool, response, page or 1)

    @staticmethod
    def _outcome(tool: Tool, response: httpx.Response, page: int) -> Outcome:
        status = response.status_code
        try:
            data = response.json() if response.content else None
        except ValueError:
            data = {"text": response.text[:_MAX_TEXT]}
        if status >= 400:
            problem = data if isinstance(data, dict) else {"status": status}
            detail = problem.get("detail") or problem.get("title") or f"HTTP {status}"
            return Outcome(problem, f"{tool.name} failed ({status}): {detail}", True)
        total = response.headers.get("x-total-count")
        if isinstance(data, list):
            structured: dict[str, Any] = {"items": data}
            if total is not None and total.isdigit():
                structured["total"] = int(total)
            if 'rel="next"' in response.headers.get("link", ""):
                structured["next_cursor"] = _cursor(page + 1)
        elif isinstance(data, dict):
            structured = data
        else:
            structured = {"status": status}
        text = json.dumps(structured, separators=(",", ":"), ensure_ascii=False, default=str)
        if len(text) > _MAX_TEXT:
            text = text[:_MAX_TEXT] + "… (cut; the structured content is whole)"
        return Outcome(structured, f"{_summary(tool, status, data, total)}\n{text}", False)

    @staticmethod
    async def _audit(
        services: Services, who: Principal, client: tuple[str, int], tool: Tool, status: int
    ) -> None:
        async with services.pool.acquire() as conn, conn.transaction():
            # An agent acting under a delegation acts for the person who gave it.
            delegators = await conn.fetch(
                "SELECT DISTINCT delegator_id FROM delegations WHERE delegate_id = $1 "
                "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())",
                who.user_id,
            )
            on_behalf_of = delegators[0]["delegator_id"] if len(delegators) == 1 else None
            context = AuditContext(
                actor_id=who.user_id,
                actor_name=who.username,
                client_address=client[0] if client[0] not in {"", "testclient"} else None,
                user_agent="mcp",
                on_behalf_of=on_behalf_of,
            )
            await audit.record(
                conn,
                context,
                "mcp.tool_call",
                "tool",
                tool.name,
                {"toolset": tool.spec.toolset, "status": status, "writes": tool.spec.writes},
            )
