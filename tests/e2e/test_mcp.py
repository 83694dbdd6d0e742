"""MCP with the `mcp` SDK's own client, against a real `dais serve`: over streamable HTTP at
/mcp, and over stdio through `dais mcp`. Which tools each kind of token sees, a whole
change made through tools (issue, comment, merge request, approval, merge) seen through
the HTTP API, and refusals: tools the token may not use, bad arguments, revoked tokens,
projects the caller cannot see."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx
import httpx2
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from tests.conftest import ROOT, ServerProcess, cli_token

pytestmark = pytest.mark.e2e

READERS = {
    "get_me",
    "list_projects",
    "get_project",
    "list_project_members",
    "find_users",
    "list_my_issues",
    "list_my_merge_requests",
    "list_notifications",
    "list_branches",
    "list_tags",
    "get_tree",
    "get_file_contents",
    "list_commits",
    "get_commit",
    "compare",
    "list_protected_branches",
    "list_issues",
    "get_issue",
    "list_issue_comments",
    "list_labels",
    "list_milestones",
    "list_merge_requests",
    "get_merge_request",
    "get_merge_request_diff",
    "list_merge_request_commits",
    "list_merge_request_comments",
    "list_merge_request_reviews",
}
WRITERS = {
    "create_branch",
    "create_or_update_file",
    "delete_branch",
    "create_issue",
    "update_issue",
    "close_issue",
    "add_issue_comment",
    "create_label",
    "create_milestone",
    "create_merge_request",
    "update_merge_request",
    "add_merge_request_comment",
    "submit_review",
    "merge_merge_request",
    "set_secret",
}
SECRETS_READER = {"list_secrets"}
PIPELINE_READERS = {
    "list_pipelines",
    "get_pipeline",
    "get_step_log",
    "list_pipeline_artifacts",
    "list_merge_request_pipelines",
    "get_commit_status",
}
PIPELINE_WRITERS = {
    "run_pipeline",
    "cancel_pipeline",
    "retry_pipeline",
    "retry_pipeline_step",
    "set_commit_status",
}
PIPELINES = PIPELINE_READERS | PIPELINE_WRITERS
OBSERVE_READERS = {
    "search_logs",
    "search_traces",
    "get_trace",
    "list_telemetry_services",
    "query_metrics",
    "query_metrics_instant",
    "list_alerts",
    "list_alert_rules",
    "list_silences",
}
OBSERVE_WRITERS = {"create_alert_rule", "update_alert_rule", "delete_alert_rule", "create_silence"}
OBSERVE = OBSERVE_READERS | OBSERVE_WRITERS
COMMENTS = {"add_issue_comment", "add_merge_request_comment"}
ADMIN = {
    "admin_list_users",
    "admin_create_user",
    "admin_list_roles",
    "admin_list_role_assignments",
    "admin_assign_role",
    "admin_unassign_role",
    "admin_list_delegations",
    "admin_search_audit_log",
}


@pytest.fixture
def server(server_env: dict[str, str], tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(server_env, tmp_path / "server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@asynccontextmanager
async def http_session(url: str, token: str, query: str = "") -> AsyncIterator[ClientSession]:
    headers = {"Authorization": f"Bearer {token}"}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=30) as http,
        streamable_http_client(f"{url}/mcp{query}", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


async def _names(session: ClientSession) -> set[str]:
    return {t.name for t in (await session.list_tools()).tools}


def _api(server: ServerProcess, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def _user(server: ServerProcess, env: dict[str, str], admin: str, name: str, **body: Any) -> str:
    """A new user's token (every scope)."""
    with _api(server, admin) as http:
        r = http.post(
            "/api/admin/users",
            json={"username": name, "email": f"{name}@example.com", **body},
        )
        assert r.status_code == 201, r.text
    return cli_token(env, name)


def _id_of(server: ServerProcess, admin: str, name: str) -> str:
    with _api(server, admin) as http:
        found = http.get("/api/admin/users", params={"q": name}).json()
    return str(next(u["id"] for u in found if u["username"] == name))


async def test_each_token_lists_what_it_may_use(
    server: ServerProcess, server_env: dict[str, str]
) -> None:
    admin = cli_token(server_env, "admin")
    dev = _user(server, server_env, admin, "dev", password="x" * 12)
    async with http_session(server.url, admin) as session:
        assert await _names(session) == (
            READERS | WRITERS | SECRETS_READER | ADMIN | PIPELINES | OBSERVE
        )
    async with http_session(server.url, dev) as session:
        assert await _names(session) == READERS | WRITERS | SECRETS_READER | PIPELINES | OBSERVE
    async with http_session(server.url, dev, "?read_only=1") as session:
        assert await _names(session) == (
            READERS | SECRETS_READER | PIPELINE_READERS | OBSERVE_READERS
        )
    async with http_session(server.url, dev, "?toolsets=core,issues") as session:
        names = await _names(session)
        assert "create_issue" in names and "list_branches" not in names
        assert names <= READERS | WRITERS

    with _api(server, dev) as http:
        r = http.post("/api/user/tokens", json={"name": "ro", "scopes": ["project:read"]})
        assert r.status_code == 201, r.text
        reader = r.json()["token"]
    async with http_session(server.url, reader) as session:
        # Commenting needs only read access (as in the API: anyone who may read may comment).
        assert await _names(session) == READERS | COMMENTS
        # Not listed, and refused when called anyway.
        with pytest.raises(MCPError, match="unknown tool"):
            await session.call_tool("create_issue", {"project": "dev/x", "title": "no"})

    # An agent holding only a narrow delegation sees the tools of what was delegated.
    agent = _user(server, server_env, admin, "bot", kind="agent")
    with _api(server, dev) as http:
        made = http.post("/api/projects", json={"name": "web"})
        assert made.status_code == 201, made.text
        r = http.post(
            "/api/delegations",
            json={
                "delegate_id": _id_of(server, admin, "bot"),
                "permissions": ["project:read"],
                "project_id": made.json()["id"],
            },
        )
        assert r.status_code == 201, r.text
    async with http_session(server.url, agent) as session:
        names = await _names(session)
        assert names == READERS | COMMENTS
        got = await session.call_tool("get_project", {"project": "dev/web"})
        assert not got.is_error and got.structured_content["path"] == "dev/web"  # type: ignore[index]
    # Audited as the agent, on behalf of the person who delegated.
    with _api(server, admin) as http:
        [entry] = http.get("/api/admin/audit", params={"action": "mcp.tool_call"}).json()
    assert entry["actor_name"] == "bot" and entry["target_id"] == "get_project"
    assert entry["on_behalf_of"] == _id_of(server, admin, "dev")


async def test_a_change_made_through_tools(
    server: ServerProcess, server_env: dict[str, str]
) -> None:
    admin = cli_token(server_env, "admin")
    with _api(server, admin) as http:
        r = http.post("/api/projects", json={"name": "web", "initialize_with_readme": True})
        assert r.status_code == 201, r.text
    reviewer = _user(server, server_env, admin, "rita", password="y" * 12)
    with _api(server, admin) as http:
        r = http.post(
            "/api/projects/admin%2Fweb/members", json={"username": "rita", "role": "maintainer"}
        )
        assert r.status_code == 201, r.text

    async with http_session(server.url, admin) as session:
        issue = await session.call_tool(
            "create_issue", {"project": "admin/web", "title": "Made by a tool", "body": "hi"}
        )
        assert not issue.is_error, issue.content
        assert issue.structured_content is not None
        iid = issue.structured_content["iid"]
        comment = await session.call_tool(
            "add_issue_comment", {"project": "admin/web", "iid": iid, "body": "via MCP"}
        )
        assert not comment.is_error, comment.content
        branch = await session.call_tool(
            "create_branch", {"project": "admin/web", "name": "feature", "ref": "main"}
        )
        assert not branch.is_error, branch.content
    # A commit on the branch through git plumbing, so the merge request has something to
    # merge; and one pushed with the real git client on top of it.
    async with http_session(server.url, admin) as session:
        wrote = await session.call_tool(
            "create_or_update_file",
            {
                "project": "admin/web",
                "branch": "feature",
                "path": "docs/tool.md",
                "content": "written by a tool\n",
                "message": "Add docs/tool.md",
            },
        )
        assert not wrote.is_error, wrote.content
        assert wrote.structured_content["created"] is True  # type: ignore[index]
    _commit_on(server, admin, "feature")
    with _api(server, admin) as http:
        blob = http.get(
            "/api/projects/admin%2Fweb/repository/blob",
            params={"ref": "feature", "path": "docs/tool.md"},
        ).json()
        assert blob["content"] == "written by a tool\n"

    async with http_session(server.url, admin) as session:
        mr = await session.call_tool(
            "create_merge_request",
            {"project": "admin/web", "source_branch": "feature", "title": "Tooling"},
        )
        assert not mr.is_error, mr.content
        number = mr.structured_content["iid"]  # type: ignore[index]
    async with http_session(server.url, reviewer) as session:
        review = await session.call_tool(
            "submit_review", {"project": "admin/web", "iid": number, "state": "approve"}
        )
        assert not review.is_error, review.content
    async with http_session(server.url, admin) as session:
        merged = await session.call_tool(
            "merge_merge_request", {"project": "admin/web", "iid": number, "strategy": "merge"}
        )
        assert not merged.is_error, merged.content
        listed = await session.call_tool("list_issues", {"project": "admin/web"})
        assert [i["iid"] for i in listed.structured_content["items"]] == [iid]  # type: ignore[index]
        # Long lists come a page at a time, walked with the cursor each page gives.
        seen: list[str] = []
        arguments: dict[str, Any] = {"project": "admin/web", "ref": "main", "per_page": 1}
        while True:
            page = await session.call_tool("list_commits", arguments)
            content = page.structured_content
            assert not page.is_error and content is not None, page.content
            seen += [c["sha"] for c in content["items"]]
            if "next_cursor" not in content:
                break
            arguments["cursor"] = content["next_cursor"]
        assert len(seen) == len(set(seen)) >= 3  # the README, tool.txt, the merge
        bad = await session.call_tool("list_commits", {"project": "admin/web", "cursor": "x"})
        assert bad.is_error and "cursor" in bad.content[0].text  # type: ignore[union-attr]

    with _api(server, admin) as http:
        got = http.get(f"/api/projects/admin%2Fweb/merge-requests/{number}").json()
        assert got["state"] == "merged"
        comments = http.get(f"/api/projects/admin%2Fweb/issues/{iid}/comments").json()
        assert [c["body"] for c in comments] == ["via MCP"]
        audit = http.get("/api/admin/audit", params={"action": "mcp.tool_call"}).json()
        assert {e["target_id"] for e in audit} >= {"create_issue", "merge_merge_request"}
        assert {e["actor_name"] for e in audit} == {"admin", "rita"}


def _commit_on(server: ServerProcess, token: str, branch: str) -> None:
    """Push one commit to ``branch`` with the real git client."""
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"mcp-push-{os.getpid()}"
    url = server.url.replace("http://", f"http://admin:{token}@") + "/admin/web.git"
    env = os.environ | {
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@example.com",
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@example.com",
    }

    def git(*args: str, cwd: Path | None = None) -> None:
        result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr

    git("clone", "-q", "--branch", branch, url, str(work))
    (work / "tool.txt").write_text("made for the merge request\n")
    git("add", "tool.txt", cwd=work)
    git("commit", "-q", "-m", "Add tool.txt", cwd=work)
    git("push", "-q", "origin", branch, cwd=work)
    subprocess.run(["rm", "-rf", str(work)], check=True)


def _unauthenticated(url: str) -> None:
    """No token, or a bad one: 401 saying where to learn how to sign in (RFC 9728)."""
    listing = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    for headers in ({}, {"Authorization": "Bearer dais_pat_nope"}, {"Cookie": "dais_session=x"}):
        r = httpx.post(f"{url}/mcp", json=listing, headers=headers)
        assert r.status_code == 401, r.text
        metadata_url = f"{url}/.well-known/oauth-protected-resource/mcp"
        assert r.headers["www-authenticate"] == (
            f'Bearer realm="dais", resource_metadata="{metadata_url}"'
        )
    r = httpx.get(f"{url}/api/mcp/tools", params={"toolsets": "core,deploy"})
    assert r.status_code == 400 and "toolset names" in r.text
    metadata = httpx.get(f"{url}/.well-known/oauth-protected-resource/mcp").json()
    assert metadata["resource"] == f"{url}/mcp"
    assert metadata["bearer_methods_supported"] == ["header"]
    assert httpx.get(f"{url}/mcp").status_code == 405


def _revoked(url: str, token: str) -> None:
    r = httpx.post(
        f"{url}/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 401 and "revoked" in r.json()["detail"]


async def test_refusals_are_clear_and_write_nothing(
    server: ServerProcess, server_env: dict[str, str]
) -> None:
    admin = cli_token(server_env, "admin")
    stranger = _user(server, server_env, admin, "eve", password="z" * 12)
    with _api(server, admin) as http:
        assert http.post("/api/projects", json={"name": "secret-plans"}).status_code == 201

    _unauthenticated(server.url)

    async with http_session(server.url, stranger) as session:
        with pytest.raises(MCPError, match="unknown tool"):
            await session.call_tool("no_such_tool", {})
        hidden = await session.call_tool("get_project", {"project": "admin/secret-plans"})
        assert hidden.is_error and "404" in hidden.content[0].text  # type: ignore[union-attr]
        wrong = await session.call_tool("create_issue", {"project": "admin/x", "colour": "red"})
        assert wrong.is_error and "colour" in wrong.content[0].text  # type: ignore[union-attr]
        typed = await session.call_tool("get_issue", {"project": "admin/x", "iid": "one"})
        assert typed.is_error and "iid" in typed.content[0].text  # type: ignore[union-attr]
        huge = await session.call_tool(
            "create_issue", {"project": "eve/x", "title": "t", "body": "x" * 300_000}
        )
        assert huge.is_error and "KiB" in huge.content[0].text  # type: ignore[union-attr]
        with pytest.raises(MCPError, match="unknown tool"):
            await session.call_tool("admin_list_users", {})

    with _api(server, admin) as http:
        assert http.get("/api/projects/admin%2Fsecret-plans/issues").json() == []

    # A token revoked between two calls stops working at once.
    with _api(server, stranger) as http:
        mine = http.get("/api/user/tokens").json()
    async with http_session(server.url, stranger) as session:
        assert "get_me" in await _names(session)
        with _api(server, stranger) as http:
            for token in mine:
                http.delete(f"/api/user/tokens/{token['id']}")
        with pytest.raises(MCPError):
            await session.list_tools()
    _revoked(server.url, stranger)


async def test_stdio_through_dais_mcp(
    server: ServerProcess, server_env: dict[str, str], tmp_path: Path
) -> None:
    admin = cli_token(server_env, "admin")
    token_file = tmp_path / "token"
    token_file.write_text(admin + "\n")
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "dais.cli", "mcp", "--url", server.url, "--token-file", str(token_file)],
        env={k: v for k, v in os.environ.items() if not k.startswith("DAIS_")},
        cwd=str(ROOT),
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        assert await _names(session) == (
            READERS | WRITERS | SECRETS_READER | ADMIN | PIPELINES | OBSERVE
        )
        me = await session.call_tool("get_me", {})
        assert me.structured_content is not None and me.structured_content["username"] == "admin"
        with pytest.raises(MCPError, match="unknown tool"):
            await session.call_tool("nope", {})
    read_only = StdioServerParameters(
        command=sys.executable,
        args=[*params.args, "--read-only", "--toolsets", "core"],
        env=params.env,
        cwd=str(ROOT),
    )
    async with stdio_client(read_only) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        names = await _names(session)
        assert names and names <= READERS and "list_issues" not in names


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (["--url", "http://127.0.0.1:9"], {}, "give a token with --token-file FILE or DAIS_TOKEN"),
        (["--url", "http://127.0.0.1:9", "--token-file", "/nonexistent"], {}, "cannot read"),
        (["--url", "ftp://x"], {"DAIS_TOKEN": "t"}, "--url must be"),
        (["--url", "http://x", "--toolsets", "core,nope"], {"DAIS_TOKEN": "t"}, "'nope'"),
    ],
)
def test_dais_mcp_refuses_what_it_cannot_use(
    args: list[str], env: dict[str, str], words: str
) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DAIS_")}
    result = subprocess.run(
        [sys.executable, "-m", "dais.cli", "mcp", *args],
        env=clean | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0
    assert words in result.stderr and "Traceback" not in result.stderr


async def test_pipelines_through_tools(server: ServerProcess, server_env: dict[str, str]) -> None:
    """An agent's loop: run a pipeline, follow it, read the tail of a step's log, list its
    artifacts; and cancel a run that hangs."""
    admin = cli_token(server_env, "admin")
    pipeline_file = (
        "steps:\n"
        "  - name: build\n"
        "    commands: ['for i in $(seq 1 50); do echo build line $i; done', "
        "'mkdir -p out', 'echo made > out/result.txt']\n"
        "    artifacts: {paths: ['out/*.txt']}\n"
        "    when: {event: [manual]}\n"
        "  - name: hang\n"
        "    commands: ['sleep 300']\n"
        "    when: {event: [manual]}\n"
    )
    with _api(server, admin) as http:
        r = http.post("/api/projects", json={"name": "ci", "initialize_with_readme": True})
        assert r.status_code == 201, r.text
        r = http.put(
            "/api/projects/admin%2Fci/repository/files",
            json={
                "branch": "main",
                "path": ".platformci.yml",
                "content": pipeline_file,
                "message": "CI",
            },
        )
        assert r.status_code == 201, r.text
    async with http_session(server.url, admin, "?toolsets=pipelines") as session:
        assert await _names(session) == PIPELINES
        ran = await session.call_tool("run_pipeline", {"project": "admin/ci", "ref": "main"})
        assert not ran.is_error, ran.content
        [made] = ran.structured_content["items"]  # type: ignore[index]
        number = made["number"]
        assert made["event"] == "manual" and made["state"] in ("pending", "running")
        # build succeeds, then hang runs until cancelled
        for _ in range(300):
            got = await session.call_tool("get_pipeline", {"project": "admin/ci", "number": number})
            steps = {s["name"]: s["state"] for s in got.structured_content["steps"]}  # type: ignore[index]
            if steps["build"] == "success" and steps["hang"] == "running":
                break
            await anyio.sleep(0.1)
        else:
            raise AssertionError(f"the pipeline did not get going: {steps}")
        tail = await session.call_tool(
            "get_step_log", {"project": "admin/ci", "number": number, "step": "build", "tail": 4}
        )
        assert not tail.is_error, tail.content
        text = tail.structured_content["text"]  # type: ignore[index]
        assert "build line 50" in text and "build line 10\n" not in text
        artifacts = await session.call_tool(
            "list_pipeline_artifacts", {"project": "admin/ci", "number": number}
        )
        assert [a["path"] for a in artifacts.structured_content["items"]] == [  # type: ignore[index]
            "out/result.txt"
        ]
        cancelled = await session.call_tool(
            "cancel_pipeline", {"project": "admin/ci", "number": number}
        )
        assert not cancelled.is_error, cancelled.content
        for _ in range(300):
            got = await session.call_tool("get_pipeline", {"project": "admin/ci", "number": number})
            if got.structured_content["state"] == "cancelled":  # type: ignore[index]
                break
            await anyio.sleep(0.1)
        else:
            raise AssertionError("the pipeline was not cancelled")
        again = await session.call_tool(
            "cancel_pipeline", {"project": "admin/ci", "number": number}
        )
        assert again.is_error and "finished" in again.content[0].text  # type: ignore[union-attr]


async def test_telemetry_through_tools(server: ServerProcess, server_env: dict[str, str]) -> None:
    """An agent looking into a failure: the services that report, the error logs, the trace
    they name and its spans."""
    admin = cli_token(server_env, "admin")
    trace_id, span_id = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    now = 1_800_000_000_000_000_000  # fixed, so the search below names its own range
    with _api(server, admin) as http:
        r = http.post("/api/projects", json={"name": "shop"})
        assert r.status_code == 201, r.text
        r = http.post(
            "/api/user/tokens",
            json={"name": "otel", "scopes": ["telemetry:write"], "project": "admin/shop"},
        )
        assert r.status_code == 201, r.text
        ingest = {"Authorization": f"Bearer {r.json()['token']}"}
    resource = {"attributes": [{"key": "service.name", "value": {"stringValue": "web"}}]}
    spans = {
        "resourceSpans": [
            {
                "resource": resource,
                "scopeSpans": [
                    {
                        "spans": [
                            {
                                "traceId": trace_id,
                                "spanId": span_id,
                                "name": "POST /pay",
                                "startTimeUnixNano": str(now),
                                "endTimeUnixNano": str(now + 250_000_000),
                                "status": {"code": 2, "message": "gateway timeout"},
                            }
                        ]
                    }
                ],
            }
        ]
    }
    logs = {
        "resourceLogs": [
            {
                "resource": resource,
                "scopeLogs": [
                    {
                        "logRecords": [
                            {
                                "timeUnixNano": str(now + 100_000_000),
                                "severityNumber": 17,
                                "body": {"stringValue": "payment gateway timed out"},
                                "traceId": trace_id,
                                "spanId": span_id,
                            }
                        ]
                    }
                ],
            }
        ]
    }
    metrics = {
        "resourceMetrics": [
            {
                "resource": resource,
                "scopeMetrics": [
                    {
                        "metrics": [
                            {
                                "name": "queue.depth",
                                "gauge": {
                                    "dataPoints": [{"timeUnixNano": str(now), "asDouble": 7}]
                                },
                            }
                        ]
                    }
                ],
            }
        ]
    }
    with httpx.Client(base_url=server.url, headers=ingest, timeout=30) as http:
        for signal, body in (("traces", spans), ("logs", logs), ("metrics", metrics)):
            r = http.post(f"/v1/{signal}", json=body)
            assert r.status_code == 200, r.text
    window = {"start": "2027-01-15T08:00:00Z", "end": "2027-01-15T09:00:00Z"}
    async with http_session(server.url, admin, "?toolsets=observe") as session:
        assert await _names(session) == OBSERVE
        for _ in range(300):  # until the store has flushed them to Parquet
            found = await session.call_tool(
                "search_logs", {"project": "admin/shop", "min_severity": 17, **window}
            )
            assert not found.is_error, found.content
            if found.structured_content["records"]:  # type: ignore[index]
                break
            await anyio.sleep(0.1)
        [record] = found.structured_content["records"]  # type: ignore[index]
        assert record["body"] == "payment gateway timed out" and record["trace_id"] == trace_id
        services = await session.call_tool(
            "list_telemetry_services", {"project": "admin/shop", **window}
        )
        assert not services.is_error, services.content
        assert services.structured_content["items"] == [{"name": "web"}]  # type: ignore[index]
        for _ in range(300):
            traces = await session.call_tool(
                "search_traces", {"project": "admin/shop", "status": "error", **window}
            )
            if traces.structured_content["items"]:  # type: ignore[index]
                break
            await anyio.sleep(0.1)
        [summary] = traces.structured_content["items"]  # type: ignore[index]
        assert (summary["trace_id"], summary["root_name"], summary["error_count"]) == (
            trace_id,
            "POST /pay",
            1,
        )
        trace = await session.call_tool(
            "get_trace", {"project": "admin/shop", "trace_id": trace_id}
        )
        [span] = trace.structured_content["items"]  # type: ignore[index]
        assert span["status_message"] == "gateway timeout" and span["duration_ns"] == 250_000_000
        refused = await session.call_tool(
            "search_traces", {"project": "admin/shop", "status": "sideways"}
        )
        assert refused.is_error and "status" in refused.content[0].text  # type: ignore[union-attr]
        for _ in range(300):
            depth = await session.call_tool(
                "query_metrics_instant",
                {"project": "admin/shop", "query": "max(queue_depth)", "time": "1800000001"},
            )
            assert not depth.is_error, depth.content
            if depth.structured_content["data"]["result"]:  # type: ignore[index]
                break
            await anyio.sleep(0.1)
        [sample] = depth.structured_content["data"]["result"]  # type: ignore[index]
        assert sample["value"][1] == "7"
        rule = await session.call_tool(
            "create_alert_rule",
            {"project": "admin/shop", "name": "QueueDeep", "expr": "queue_depth > 5", "for": "5m"},
        )
        assert not rule.is_error, rule.content
        rules = await session.call_tool("list_alert_rules", {"project": "admin/shop"})
        assert [r["name"] for r in rules.structured_content["items"]] == ["QueueDeep"]  # type: ignore[index]
        bad = await session.call_tool(
            "create_alert_rule", {"project": "admin/shop", "name": "Bad", "expr": "rate(("}
        )
        assert bad.is_error and "expr" in bad.content[0].text  # type: ignore[union-attr]
