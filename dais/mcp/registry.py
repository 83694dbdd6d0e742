"""The MCP tools: each one an operation of dais's own HTTP API, grouped in toolsets.

A tool is declared by the route handler it calls (``handler``: the function's name in
``dais/http/``), the permission that lists it, and whether it writes. Its input schema is
built from the operation in the OpenAPI document, that is from the same msgspec types the
API decodes with: path and query parameters and the JSON body's fields side by side, as
one object. So the tools cannot drift from the API, and a tool call is an API request,
checked by the API's own handlers with the caller's own credentials: there is no second
permission system here, only the listing, which hides what the caller's token could never
use.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

import attrs

from dais.actors.identity.permissions import Permission as P

__all__ = ["TOOLSETS", "TOOLSETS_PATTERN", "TOOLS", "Param", "Tool", "ToolSpec", "build_tools"]


@attrs.frozen
class ToolSpec:
    name: str
    toolset: str
    handler: str  # the route handler's function name
    permission: P | None  # None: anyone signed in
    writes: bool = False
    description: str = ""  # defaults to the operation's summary
    fixed: Mapping[str, Any] = attrs.field(factory=dict)  # body fields the tool sets itself


def _t(
    name: str,
    toolset: str,
    handler: str,
    permission: P | None,
    *,
    writes: bool = False,
    description: str = "",
    fixed: Mapping[str, Any] | None = None,
) -> ToolSpec:
    return ToolSpec(name, toolset, handler, permission, writes, description, fixed or {})


TOOLS: tuple[ToolSpec, ...] = (
    # core
    _t("get_me", "core", "current_user", None, description="Who I am: the signed-in user"),
    _t("list_projects", "core", "list_projects", P.PROJECT_READ),
    _t("get_project", "core", "get_project", P.PROJECT_READ),
    _t("list_project_members", "core", "list_members", P.PROJECT_READ),
    _t("find_users", "core", "find_users", None),
    _t("list_my_issues", "core", "list_my_issues", P.PROJECT_READ),
    _t("list_my_merge_requests", "core", "list_my_merge_requests", P.PROJECT_READ),
    _t("list_notifications", "core", "list_notifications", None),
    # repos
    _t("list_branches", "repos", "list_branches", P.PROJECT_READ),
    _t("list_tags", "repos", "list_tags", P.PROJECT_READ),
    _t("get_tree", "repos", "get_tree", P.PROJECT_READ),
    _t("get_file_contents", "repos", "get_blob", P.PROJECT_READ),
    _t("list_commits", "repos", "list_commits", P.PROJECT_READ),
    _t("get_commit", "repos", "get_commit", P.PROJECT_READ),
    _t("compare", "repos", "compare", P.PROJECT_READ),
    _t("list_protected_branches", "repos", "list_branch_rules", P.PROJECT_READ),
    _t("create_branch", "repos", "create_branch", P.PROJECT_WRITE, writes=True),
    _t("delete_branch", "repos", "delete_branch", P.PROJECT_WRITE, writes=True),
    _t("create_or_update_file", "repos", "write_file", P.PROJECT_WRITE, writes=True),
    # issues
    _t("list_issues", "issues", "list_issues", P.PROJECT_READ),
    _t("get_issue", "issues", "get_issue", P.PROJECT_READ),
    _t("list_issue_comments", "issues", "list_comments", P.PROJECT_READ),
    _t("list_labels", "issues", "list_labels", P.PROJECT_READ),
    _t("list_milestones", "issues", "list_milestones", P.PROJECT_READ),
    _t("create_issue", "issues", "create_issue", P.ISSUE_WRITE, writes=True),
    _t("update_issue", "issues", "update_issue", P.ISSUE_WRITE, writes=True),
    _t(
        "close_issue",
        "issues",
        "update_issue",
        P.ISSUE_WRITE,
        writes=True,
        description="Close an issue",
        fixed={"state": "closed"},
    ),
    _t("add_issue_comment", "issues", "create_comment", P.PROJECT_READ, writes=True),
    _t("create_label", "issues", "create_label", P.PROJECT_WRITE, writes=True),
    _t("create_milestone", "issues", "create_milestone", P.PROJECT_WRITE, writes=True),
    # merge requests
    _t("list_merge_requests", "merge_requests", "list_merge_requests", P.PROJECT_READ),
    _t("get_merge_request", "merge_requests", "get_merge_request", P.PROJECT_READ),
    _t("get_merge_request_diff", "merge_requests", "get_merge_request_diff", P.PROJECT_READ),
    _t(
        "list_merge_request_commits", "merge_requests", "list_merge_request_commits", P.PROJECT_READ
    ),
    _t(
        "list_merge_request_comments",
        "merge_requests",
        "list_merge_request_comments",
        P.PROJECT_READ,
    ),
    _t(
        "list_merge_request_reviews", "merge_requests", "list_merge_request_reviews", P.PROJECT_READ
    ),
    _t(
        "create_merge_request",
        "merge_requests",
        "create_merge_request",
        P.MERGE_REQUEST_WRITE,
        writes=True,
    ),
    _t(
        "update_merge_request",
        "merge_requests",
        "update_merge_request",
        P.MERGE_REQUEST_WRITE,
        writes=True,
    ),
    _t(
        "add_merge_request_comment",
        "merge_requests",
        "create_merge_request_comment",
        P.PROJECT_READ,
        writes=True,
        description="Comment on a merge request, optionally on a line of a file at a commit",
    ),
    _t(
        "submit_review",
        "merge_requests",
        "submit_merge_request_review",
        P.MERGE_REQUEST_WRITE,
        writes=True,
    ),
    _t(
        "merge_merge_request",
        "merge_requests",
        "merge_merge_request",
        P.MERGE_REQUEST_MERGE,
        writes=True,
    ),
    # pipelines: runs, their logs and artifacts, commit statuses
    _t("list_pipelines", "pipelines", "list_pipelines", P.PIPELINE_READ),
    _t("get_pipeline", "pipelines", "get_pipeline", P.PIPELINE_READ),
    _t(
        "get_step_log",
        "pipelines",
        "step_log",
        P.PIPELINE_READ,
        description="A step's log as text (secrets masked); pass tail=N for the last N lines",
    ),
    _t("list_pipeline_artifacts", "pipelines", "list_artifacts", P.PIPELINE_READ),
    _t("list_merge_request_pipelines", "pipelines", "merge_request_pipelines", P.PIPELINE_READ),
    _t("get_commit_status", "pipelines", "combined_status", P.PIPELINE_READ),
    _t("run_pipeline", "pipelines", "trigger_pipeline", P.PIPELINE_RUN, writes=True),
    _t("cancel_pipeline", "pipelines", "cancel_pipeline", P.PIPELINE_RUN, writes=True),
    _t("retry_pipeline", "pipelines", "retry_pipeline", P.PIPELINE_RUN, writes=True),
    _t("retry_pipeline_step", "pipelines", "retry_step", P.PIPELINE_RUN, writes=True),
    _t("set_commit_status", "pipelines", "set_status", P.PIPELINE_RUN, writes=True),
    # observe: a project's telemetry (logs, traces, services seen, PromQL) and its alerts
    _t("search_logs", "observe", "search_logs", P.OBSERVE_READ),
    _t("search_traces", "observe", "search_traces", P.OBSERVE_READ),
    _t("get_trace", "observe", "get_trace", P.OBSERVE_READ),
    _t("list_telemetry_services", "observe", "list_services", P.OBSERVE_READ),
    _t("query_metrics", "observe", "prometheus_query_range", P.OBSERVE_READ),
    _t("query_metrics_instant", "observe", "prometheus_query", P.OBSERVE_READ),
    _t("list_alerts", "observe", "list_alerts", P.OBSERVE_READ),
    _t("list_alert_rules", "observe", "list_rules", P.OBSERVE_READ),
    _t("create_alert_rule", "observe", "create_rule", P.OBSERVE_WRITE, writes=True),
    _t("update_alert_rule", "observe", "update_rule", P.OBSERVE_WRITE, writes=True),
    _t("delete_alert_rule", "observe", "delete_rule", P.OBSERVE_WRITE, writes=True),
    _t("list_silences", "observe", "list_silences", P.OBSERVE_READ),
    _t("create_silence", "observe", "create_silence", P.OBSERVE_WRITE, writes=True),
    # secrets: names and versions, and setting them; values are read through the API only
    _t("list_secrets", "secrets", "list_project_secrets", P.PROJECT_WRITE),
    _t("set_secret", "secrets", "put_project_secret", P.SECRET_WRITE, writes=True),
    # admin (listed for administrators only)
    _t("admin_list_users", "admin", "list_users", P.ADMIN_USERS),
    _t("admin_create_user", "admin", "create_user", P.ADMIN_USERS, writes=True),
    _t("admin_list_roles", "admin", "list_roles", P.ADMIN_ROLES),
    _t("admin_list_role_assignments", "admin", "list_assignments", P.ADMIN_ROLES),
    _t("admin_assign_role", "admin", "assign_role", P.ADMIN_ROLES, writes=True),
    _t("admin_unassign_role", "admin", "unassign_role", P.ADMIN_ROLES, writes=True),
    _t("admin_list_delegations", "admin", "list_delegations", P.ADMIN_USERS),
    _t("admin_search_audit_log", "admin", "audit_log", P.ADMIN_PLATFORM),
)

#: Every toolset, in the order tools are listed.
TOOLSETS: tuple[str, ...] = (
    "core",
    "repos",
    "issues",
    "merge_requests",
    "pipelines",
    "observe",
    "secrets",
    "admin",
)
_ONE = "(?:" + "|".join(TOOLSETS) + ")"
#: ``?toolsets=``: toolset names, comma-separated (empty: all of them).
TOOLSETS_PATTERN = rf"^(?:{_ONE}(?:,{_ONE})*)?(?!\n)$"


@attrs.frozen
class Param:
    name: str
    location: str  # path | query | body
    kind: str  # for a path parameter: str | path | int


@attrs.frozen
class Tool:
    """A tool as served: its spec, where its request goes, and its input schema."""

    spec: ToolSpec
    method: str
    path: str  # a Litestar path template: /api/projects/{project:str}/issues
    params: tuple[Param, ...]
    input_schema: dict[str, Any]
    description: str

    @property
    def name(self) -> str:
        return self.spec.name


_PARAM = re.compile(r"\{(\w+):(\w+)\}")


def _inline(schema: Any, components: Mapping[str, Any], depth: int = 0) -> Any:
    """``schema`` with every ``$ref`` to ``#/components/schemas`` replaced by its target."""
    if depth > 32:
        return {}
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            target = components.get(ref.rsplit("/", 1)[1], {})
            return _inline(copy.deepcopy(target), components, depth + 1)
        return {k: _inline(v, components, depth + 1) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline(v, components, depth + 1) for v in schema]
    return schema


def _paged(properties: dict[str, Any]) -> bool:
    return "page" in properties and "per_page" in properties


def build_tools(app: Any, document: Mapping[str, Any]) -> dict[str, Tool]:
    """The tools of :data:`TOOLS`, their routes and schemas read from ``app`` and its
    OpenAPI ``document``.

    :raises LookupError: a spec names a handler the app does not have (a test keeps the
        registry in step with the routes).
    """
    handlers: dict[str, tuple[str, str]] = {}
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            methods = sorted(
                m for m in (getattr(handler, "http_methods", None) or ()) if m != "OPTIONS"
            )
            if methods and route.path.startswith("/api/"):
                handlers[handler.handler_name] = (methods[0], route.path)
    components = document.get("components", {}).get("schemas", {})
    tools: dict[str, Tool] = {}
    for spec in TOOLS:
        if spec.handler not in handlers:
            raise LookupError(f"tool {spec.name}: no route handler named {spec.handler!r}")
        method, path = handlers[spec.handler]
        openapi_path = _PARAM.sub(r"{\1}", path)
        operation = document["paths"][openapi_path][method.lower()]
        kinds = dict(_PARAM.findall(path))
        properties: dict[str, Any] = {}
        required: list[str] = []
        params: list[Param] = []
        for p in operation.get("parameters", []):
            if p.get("in") not in {"path", "query"}:
                continue
            schema = _inline(p.get("schema", {}), components)
            if p.get("description"):
                schema = {**schema, "description": p["description"]}
            properties[p["name"]] = schema
            params.append(Param(p["name"], p["in"], kinds.get(p["name"], "str")))
            if p.get("required") or p["in"] == "path":
                required.append(p["name"])
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body is not None:
            schema = _inline(body.get("schema", {}), components)
            for name, field in schema.get("properties", {}).items():
                if name in spec.fixed:
                    continue
                if name in properties:
                    raise LookupError(f"tool {spec.name}: {name!r} is both a parameter and a field")
                properties[name] = field
                params.append(Param(name, "body", "json"))
            required += [r for r in schema.get("required", []) if r not in spec.fixed]
        if _paged(properties):
            # Pages are walked with an opaque cursor, as MCP pages its own lists.
            del properties["page"]
            required = [r for r in required if r != "page"]
            properties["cursor"] = {
                "type": "string",
                "description": "next_cursor from the previous call, for the next page",
            }
        input_schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            input_schema["required"] = sorted(set(required))
        tools[spec.name] = Tool(
            spec=spec,
            method=method,
            path=path,
            params=tuple(params),
            input_schema=input_schema,
            description=spec.description or operation.get("summary", spec.name),
        )
    return tools
