"""The tool registry against the app's real routes and OpenAPI document: every tool names
an operation that exists, and its schema is the operation's parameters and body."""

from __future__ import annotations

from typing import Any

import pytest

from dais.cli import _openapi_app
from dais.http.openapi import document
from dais.mcp.registry import TOOLS, TOOLSETS, Tool, build_tools
from dais.mcp.toolbox import parse_toolsets


@pytest.fixture(scope="module")
def tools() -> dict[str, Tool]:
    app = _openapi_app()
    return build_tools(app, document(app))


def test_every_tool_is_an_operation_of_the_api(tools: dict[str, Tool]) -> None:
    assert len(tools) == len(TOOLS) == len({t.name for t in TOOLS})
    assert {t.toolset for t in TOOLS} == set(TOOLSETS)
    for tool in tools.values():
        assert tool.path.startswith("/api/"), tool.name
        assert tool.method in {"GET", "POST", "PUT", "PATCH", "DELETE"}, tool.name
        assert tool.spec.writes == (tool.method != "GET"), tool.name
        assert tool.input_schema["type"] == "object", tool.name
        assert tool.input_schema["additionalProperties"] is False, tool.name
        assert "$ref" not in repr(tool.input_schema), tool.name


def test_schemas_come_from_the_operation(tools: dict[str, Tool]) -> None:
    create: dict[str, Any] = tools["create_issue"].input_schema
    assert set(create["required"]) == {"project", "title"}
    assert {"body", "labels", "assignees"} <= set(create["properties"])
    assert create["properties"]["title"]["maxLength"] > 0
    listing = tools["list_issues"].input_schema["properties"]
    assert "cursor" in listing and "page" not in listing and "per_page" in listing
    close = tools["close_issue"]
    assert "state" not in close.input_schema["properties"] and close.spec.fixed == {
        "state": "closed"
    }
    merge = tools["merge_merge_request"].input_schema
    assert set(merge["required"]) >= {"project", "iid"}
    assert {p.location for p in tools["get_file_contents"].params} == {"path", "query"}


def test_a_path_parameter_of_a_branch_keeps_its_slashes(tools: dict[str, Tool]) -> None:
    [name] = [p for p in tools["delete_branch"].params if p.name == "name"]
    assert name.kind == "path"


@pytest.mark.parametrize(
    ("raw", "chosen"),
    [
        (None, TOOLSETS),
        ("core", ("core",)),
        ("issues, core", ("core", "issues")),
        (["repos"], ("repos",)),
        ("", TOOLSETS),
    ],
)
def test_toolsets_are_parsed(raw: Any, chosen: tuple[str, ...]) -> None:
    assert parse_toolsets(raw) == chosen


def test_an_unknown_toolset_is_named() -> None:
    with pytest.raises(ValueError, match="'deploy'"):
        parse_toolsets("core,deploy")
