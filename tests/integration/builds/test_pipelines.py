"""Pipelines end to end in process: a commit's ``.platformci.yml`` runs on the local
executor, through the API a user (or the UI) calls."""

from __future__ import annotations

import secrets
import textwrap
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from dais.actors.builds import messages as bm

from .conftest import Repo, eventually, kick, processes_with

DAG = textwrap.dedent(
    """\
    variables:
      GREETING: hello
    steps:
      - name: lint
        commands: ["echo lint says $GREETING"]
      - name: unit
        commands: ["echo unit on $DAIS_BRANCH at $DAIS_COMMIT_SHA"]
      - name: package
        depends_on: [lint, unit]
        commands:
          - mkdir -p dist
          - echo built > dist/app.txt
          - echo done
        artifacts:
          paths: ["dist/*.txt"]
    """
)


async def test_a_push_runs_the_dag_and_reports_its_status(repo: Repo) -> None:
    sha = await repo.commit({".platformci.yml": DAG})
    first = await repo.first_pipeline_of(sha)
    assert first["event"] == "push" and first["branch"] == "main" and first["sha"] == sha
    assert first["title"] == "Write .platformci.yml"
    done = await repo.settled(first["number"])
    assert done["state"] == "success", done
    states = {s["name"]: (s["state"], s["stage"], s["exit_code"]) for s in done["steps"]}
    assert states == {
        "lint": ("success", 0, 0),
        "unit": ("success", 0, 0),
        "package": ("success", 1, 0),
    }
    # package started only once both of its dependencies had finished
    package = repo.step(done, "package")
    for dep in ("lint", "unit"):
        assert repo.step(done, dep)["finished_at"] <= package["started_at"]
    assert "lint says hello" in await repo.log(done["number"], "lint")
    assert f"unit on main at {sha}" in await repo.log(done["number"], "unit")

    statuses = await repo.client.get(
        f"{repo.api}/repository/commits/{sha}/statuses", headers=repo.auth
    )
    assert [(s["context"], s["state"], s["pipeline_number"]) for s in statuses.json()] == [
        ("dais/pipeline", "success", done["number"])
    ]
    combined = await repo.client.get(
        f"{repo.api}/repository/commits/{sha}/status", headers=repo.auth
    )
    assert combined.json()["state"] == "success"

    artifacts = await repo.client.get(
        f"{repo.api}/pipelines/{done['number']}/artifacts", headers=repo.auth
    )
    assert [(a["step"], a["path"], a["size"]) for a in artifacts.json()] == [
        ("package", "dist/app.txt", 6)
    ]
    download = await repo.client.get(artifacts.json()[0]["download_url"], headers=repo.auth)
    assert download.status_code == 200 and download.content == b"built\n"


async def test_the_job_token_exists_only_while_the_pipeline_runs(repo: Repo) -> None:
    sha = await repo.commit(
        {
            ".platformci.yml": textwrap.dedent(
                """\
                steps:
                  - name: wait
                    commands:
                      - test -n "$DAIS_JOB_TOKEN"
                      - echo "token $DAIS_JOB_TOKEN"
                      - sleep 30
                """
            )
        }
    )
    pipeline = await repo.first_pipeline_of(sha)
    pool = repo.services.pool

    async def token_row() -> Any:
        return await pool.fetchrow(
            "SELECT t.project_id, t.internal, t.scopes FROM api_tokens t "
            "JOIN pipelines p ON p.token_id = t.id WHERE p.id = $1",
            int(pipeline["id"]),
        )

    row = await eventually(token_row)
    assert row["internal"] and row["project_id"] is not None
    assert sorted(row["scopes"]) == ["pipeline:read", "pipeline:run", "project:read"]
    # not among the tokens alice sees
    listed = await repo.client.get("/api/user/tokens", headers=repo.auth)
    assert all("job token" not in t["name"] for t in listed.json())
    await eventually(lambda: _log_has(repo, pipeline["number"], "wait", "token ***"))
    cancelled = await repo.client.post(
        f"{repo.api}/pipelines/{pipeline['number']}/cancel", headers=repo.auth
    )
    assert cancelled.status_code == 200, cancelled.text
    await repo.settled(pipeline["number"])
    assert await token_row() is None  # revoked


async def _log_has(repo: Repo, number: int, step: str, text: str) -> bool:
    return text in await repo.log(number, step)


async def test_cancel_stops_a_sleeping_step_and_its_process_group(repo: Repo) -> None:
    marker = f"1000.{secrets.randbelow(10**9)}"  # sleep's argument: in its command line
    sha = await repo.commit(
        {
            ".platformci.yml": textwrap.dedent(
                f"""\
                steps:
                  - name: sleepy
                    commands:
                      - (sleep {marker} &) &
                      - echo started
                      - sleep {marker}
                  - name: after
                    commands: ["echo never"]
                """
            )
        }
    )
    pipeline = await repo.first_pipeline_of(sha)
    number = pipeline["number"]
    await eventually(lambda: _log_has(repo, number, "sleepy", "started"))
    assert processes_with(marker)
    r = await repo.client.post(f"{repo.api}/pipelines/{number}/cancel", headers=repo.auth)
    assert r.status_code == 200 and r.json()["cancel_requested"] is True
    done = await repo.settled(number)
    assert done["state"] == "cancelled"
    assert [s["state"] for s in done["steps"]] == ["cancelled", "cancelled"]
    assert processes_with(marker) == []
    again = await repo.client.post(f"{repo.api}/pipelines/{number}/cancel", headers=repo.auth)
    assert again.status_code == 409 and "finished" in again.json()["detail"]
    statuses = await repo.client.get(
        f"{repo.api}/repository/commits/{sha}/status", headers=repo.auth
    )
    assert statuses.json()["state"] == "cancelled"


async def test_secrets_are_injected_and_masked_in_the_log(repo: Repo) -> None:
    value = "s3cr3t-" + secrets.token_hex(8)
    r = await repo.client.put(
        f"{repo.api}/secrets/DEPLOY_KEY", json={"value": value}, headers=repo.auth
    )
    assert r.status_code == 201, r.text
    sha = await repo.commit(
        {
            ".platformci.yml": textwrap.dedent(
                """\
                steps:
                  - name: show
                    secrets: [DEPLOY_KEY]
                    commands:
                      - echo "key=$DEPLOY_KEY"
                      - printf '%s' "$DEPLOY_KEY" | base64
                      - test "$DEPLOY_KEY" = "$(printf '%s' "$DEPLOY_KEY")"
                """
            )
        }
    )
    done = await repo.settled((await repo.first_pipeline_of(sha))["number"])
    assert done["state"] == "success", done
    log = await repo.log(done["number"], "show")
    assert value not in log and "key=***" in log
    import base64

    assert base64.b64encode(value.encode()).decode() not in log


async def test_a_missing_secret_fails_the_step_naming_it(repo: Repo) -> None:
    sha = await repo.commit(
        {".platformci.yml": "steps:\n  - name: a\n    secrets: [NOPE]\n    commands: [env]\n"}
    )
    done = await repo.settled((await repo.first_pipeline_of(sha))["number"])
    assert done["state"] == "failed"
    assert "secret NOPE is not set" in repo.step(done, "a")["error"]


async def test_an_invalid_file_makes_an_error_pipeline_with_line_and_column(repo: Repo) -> None:
    sha = await repo.commit(
        {".platformci.yml": "steps:\n  - name: a\n    comands: [echo]\n    depends_on: [b]\n"}
    )
    pipeline = await repo.first_pipeline_of(sha)
    assert pipeline["state"] == "error"
    assert "line 3" in pipeline["error"] and "comands" in pipeline["error"]
    assert "commands" in pipeline["error"]  # the suggestion
    retry = await repo.client.post(
        f"{repo.api}/pipelines/{pipeline['number']}/retry", headers=repo.auth
    )
    assert retry.status_code == 409
    combined = await repo.client.get(
        f"{repo.api}/repository/commits/{sha}/status", headers=repo.auth
    )
    assert combined.json()["state"] == "failed"


async def test_failure_skips_later_steps_except_those_asking_for_failure(repo: Repo) -> None:
    sha = await repo.commit(
        {
            ".platformci.yml": textwrap.dedent(
                """\
                steps:
                  - name: flaky
                    commands: ["echo try", "exit 3"]
                    retry: {count: 2, on_exit_codes: [3]}
                  - name: lint
                    commands: ["exit 1"]
                    failure: ignore
                  - name: deploy
                    commands: ["echo deploying"]
                  - name: report
                    when: {status: [failure]}
                    commands: ["echo reporting the failure"]
                """
            )
        }
    )
    done = await repo.settled((await repo.first_pipeline_of(sha))["number"])
    assert done["state"] == "failed"
    flaky = repo.step(done, "flaky")
    assert (flaky["state"], flaky["exit_code"], flaky["attempt"]) == ("failed", 3, 3)
    assert (await repo.log(done["number"], "flaky")).count("\ntry\n") == 3
    assert repo.step(done, "deploy")["state"] == "skipped"
    assert repo.step(done, "report")["state"] == "success"

    # The pusher hears of it; webhooks get pipeline events.
    async def told() -> list[Any]:
        kick(repo.services)
        found = await repo.client.get("/api/user/notifications", headers=repo.auth)
        return [n for n in found.json() if n["kind"] == "pipeline_failed"]

    [note] = await eventually(told)
    assert f"Pipeline #{done['number']} failed on main" in note["title"]
    assert "flaky" in note["body"] and note["url"].endswith(f"/-/pipelines/{done['number']}")
    kinds = [
        r["kind"]
        for r in await repo.services.pool.fetch(
            "SELECT kind FROM events WHERE kind LIKE 'pipeline.%' ORDER BY id"
        )
    ]
    assert kinds == ["pipeline.created", "pipeline.running", "pipeline.finished"]

    # A retry runs the failed step and what depends on it again, in the same pipeline.
    r = await repo.client.post(f"{repo.api}/pipelines/{done['number']}/retry", headers=repo.auth)
    assert r.status_code == 200, r.text
    assert {s["name"] for s in r.json()["steps"] if s["state"] == "pending"} >= {"flaky", "deploy"}
    again = await repo.settled(done["number"])
    assert repo.step(again, "flaky")["attempt"] == 6


async def test_a_step_that_outlives_its_timeout_is_failed(repo: Repo) -> None:
    marker = f"60.{secrets.randbelow(10**9)}"
    sha = await repo.commit(
        {
            ".platformci.yml": "steps:\n  - name: slow\n    timeout: 1s\n"
            f"    commands: ['sleep {marker}']\n"
        }
    )
    done = await repo.settled((await repo.first_pipeline_of(sha))["number"])
    assert done["state"] == "failed"
    assert repo.step(done, "slow")["error"] == "timed out after 1s"
    assert "timed out after 1s" in await repo.log(done["number"], "slow")
    assert processes_with(marker) == []


async def test_a_manual_run_with_variables_and_a_matrix(repo: Repo) -> None:
    await repo.commit(
        {
            ".platformci.yml": textwrap.dedent(
                """\
                workflow: {events: [manual]}
                matrix:
                  PY: ["3.11", "3.12"]
                steps:
                  - name: test
                    commands: ["echo py=$PY who=$WHO"]
                """
            )
        }
    )
    assert await repo.pipelines() == []  # the workflow runs manual pipelines only
    r = await repo.client.post(
        f"{repo.api}/pipelines", json={"ref": "main", "variables": {"WHO": "me"}}, headers=repo.auth
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert [(p["label"], p["event"]) for p in made] == [
        ("PY=3.11", "manual"),
        ("PY=3.12", "manual"),
    ]
    for p in made:
        done = await repo.settled(p["number"])
        assert done["state"] == "success"
        assert f"py={p['variables']['PY']} who=me" in await repo.log(p["number"], "test")
    statuses = await repo.client.get(
        f"{repo.api}/repository/commits/{made[0]['sha']}/statuses", headers=repo.auth
    )
    assert sorted(s["context"] for s in statuses.json()) == [
        "dais/pipeline: PY=3.11",
        "dais/pipeline: PY=3.12",
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"ref": "nope"}, "ref"),
        ({"ref": "main", "variables": {"1BAD": "x"}}, "variables.1BAD"),
        ({"ref": "main", "variables": {"A": "x" * 10_001}}, "variables.A"),
        ({"ref": "main", "extra": 1}, "extra"),
    ],
)
async def test_a_manual_run_refuses_bad_input(repo: Repo, body: dict[str, Any], field: str) -> None:
    await repo.commit({".platformci.yml": "steps:\n  - name: a\n    commands: [true]\n"})
    r = await repo.client.post(f"{repo.api}/pipelines", json=body, headers=repo.auth)
    assert r.status_code in (400, 422), r.text
    assert field in r.text


async def test_a_schedule_fires_a_pipeline(repo: Repo) -> None:
    await repo.commit(
        {
            ".platformci.yml": "steps:\n  - name: nightly\n"
            "    commands: [echo $DAIS_PIPELINE_EVENT]\n"
        }
    )
    bad = await repo.client.post(
        f"{repo.api}/pipeline-schedules",
        json={"description": "x", "cron": "61 * * * *", "ref": "main"},
        headers=repo.auth,
    )
    assert bad.status_code == 422 and "cron" in bad.text
    r = await repo.client.post(
        f"{repo.api}/pipeline-schedules",
        json={
            "description": "nightly",
            "cron": "0 3 * * *",
            "timezone": "Europe/Paris",
            "ref": "main",
        },
        headers=repo.auth,
    )
    assert r.status_code == 201, r.text
    schedule = r.json()
    assert schedule["next_run_at"].endswith(("02:00:00Z", "03:00:00Z"))  # 03:00 in Paris
    await repo.services.pool.execute(
        "UPDATE pipeline_schedules SET next_run_at = now() - interval '1 minute' WHERE id = $1",
        int(schedule["id"]),
    )
    fired = await repo.services.system.ref(bm.ACTOR).ask(bm.FireSchedules())
    assert fired == 1
    assert await repo.services.system.ref(bm.ACTOR).ask(bm.FireSchedules()) == 0  # once
    [pipeline] = [p for p in await repo.pipelines() if p["event"] == "schedule"]
    assert pipeline["schedule_id"] == schedule["id"]
    done = await repo.settled(pipeline["number"])
    assert "schedule" in await repo.log(done["number"], "nightly")
    listed = await repo.client.get(f"{repo.api}/pipeline-schedules", headers=repo.auth)
    assert listed.json()[0]["last_pipeline_number"] == pipeline["number"]
    gone = await repo.client.delete(
        f"{repo.api}/pipeline-schedules/{schedule['id']}", headers=repo.auth
    )
    assert gone.status_code == 204


async def test_external_ci_sets_a_commit_status(repo: Repo) -> None:
    sha = await repo.commit({"a.txt": "a\n"})
    r = await repo.client.post(
        f"{repo.api}/repository/commits/{sha}/statuses",
        json={
            "context": "ci/jenkins",
            "state": "running",
            "target_url": "https://ci.example.com/1",
        },
        headers=repo.auth,
    )
    assert r.status_code == 201, r.text
    for body, field in [
        ({"context": "dais/pipeline", "state": "success"}, "context"),
        ({"state": "bogus"}, "state"),
        ({"state": "success", "target_url": "javascript:alert(1)"}, "target_url"),
    ]:
        bad = await repo.client.post(
            f"{repo.api}/repository/commits/{sha}/statuses", json=body, headers=repo.auth
        )
        assert bad.status_code in (400, 422) and field in bad.text, bad.text
    missing = await repo.client.post(
        f"{repo.api}/repository/commits/{'0' * 40}/statuses",
        json={"state": "success"},
        headers=repo.auth,
    )
    assert missing.status_code == 404
    shown = await repo.client.get(f"{repo.api}/repository/commits/{sha}/status", headers=repo.auth)
    assert shown.json()["state"] == "running"


async def test_pipelines_must_succeed_gates_the_merge_and_auto_merge_waits(repo: Repo) -> None:
    r = await repo.client.patch(repo.api, json={"pipeline_must_succeed": True}, headers=repo.auth)
    assert r.status_code == 200 and r.json()["pipeline_must_succeed"] is True
    await repo.commit(
        {".platformci.yml": "steps:\n  - name: check\n    commands: ['test -f ok']\n"}
    )
    sha = await repo.commit({"b.txt": "b\n"}, branch="feature", start="main")
    failing = await repo.first_pipeline_of(sha)
    mr = await repo.client.post(
        f"{repo.api}/merge-requests",
        json={"title": "Feature", "source_branch": "feature", "target_branch": "main"},
        headers=repo.auth,
    )
    assert mr.status_code == 201, mr.text
    iid = mr.json()["iid"]
    assert (await repo.settled(failing["number"]))["state"] == "failed"
    shown = (await repo.client.get(f"{repo.api}/merge-requests/{iid}", headers=repo.auth)).json()
    assert "pipeline_not_successful" in shown["blockers"] and not shown["mergeable"]
    assert shown["pipeline"] == {"number": failing["number"], "state": "failed"}
    refused = await repo.client.post(
        f"{repo.api}/merge-requests/{iid}/merge", json={}, headers=repo.auth
    )
    assert refused.status_code in (405, 409, 422), refused.text
    listed = await repo.client.get(f"{repo.api}/merge-requests/{iid}/pipelines", headers=repo.auth)
    assert [p["number"] for p in listed.json()] == [failing["number"]]

    armed = await repo.client.post(
        f"{repo.api}/merge-requests/{iid}/merge", json={"auto_merge": True}, headers=repo.auth
    )
    assert armed.status_code in (200, 202), armed.text
    fixed = await repo.commit({"ok": "yes\n"}, branch="feature")
    passing = await repo.first_pipeline_of(fixed)
    assert (await repo.settled(passing["number"]))["state"] == "success"

    async def merged() -> bool:
        kick(repo.services)
        found = await repo.client.get(f"{repo.api}/merge-requests/{iid}", headers=repo.auth)
        return bool(found.json()["state"] == "merged")

    assert await eventually(merged)


async def test_reading_pipelines_of_a_private_project_needs_access(
    repo: Repo, make_user: Any
) -> None:
    sha = await repo.commit({".platformci.yml": "steps:\n  - name: a\n    commands: [true]\n"})
    pipeline = await repo.first_pipeline_of(sha)
    _bob, bob = await make_user("bob")
    for path in (
        f"{repo.api}/pipelines",
        f"{repo.api}/pipelines/{pipeline['number']}",
        f"{repo.api}/pipelines/{pipeline['number']}/steps/a/log",
    ):
        r = await repo.client.get(path, headers=bob)
        assert r.status_code == 404, (path, r.text)
    r = await repo.client.get(f"{repo.api}/pipelines")
    assert r.status_code == 401
    cancel = await repo.client.post(
        f"{repo.api}/pipelines/{pipeline['number']}/cancel", headers=bob
    )
    assert cancel.status_code == 404


async def test_the_schema_is_published(repo: Repo) -> None:
    r = await repo.client.get("/api/schemas/platformci.json")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/schema+json")
    assert "steps" in r.json()["properties"]


async def test_unknown_pipelines_and_steps_are_404(repo: Repo) -> None:
    for path in ("pipelines/99", "pipelines/99/steps/a/log", "pipelines/99/artifacts"):
        r = await repo.client.get(f"{repo.api}/{path}", headers=repo.auth)
        assert r.status_code == 404, (path, r.text)
    r = await repo.client.get(f"{repo.api}/pipelines/1/steps/..%2F..%2Fetc/log", headers=repo.auth)
    assert r.status_code in (400, 404)
    await anyio.lowlevel.checkpoint()


async def test_a_token_restricted_to_a_project_can_do_nothing_elsewhere(
    repo: Repo, make_user: Any
) -> None:
    """What a job token is: its owner's rights, narrowed to its scopes, on one project."""
    from dais.actors.identity import messages as im

    other = await repo.client.post("/api/projects", json={"name": "other"}, headers=repo.auth)
    assert other.status_code == 201, other.text
    project_id = int((await repo.client.get(repo.api, headers=repo.auth)).json()["id"])
    audit = im.AuditContext(None, "test", None, None)
    _record, token = await repo.services.system.ref("identity").ask(
        im.CreateToken(
            int(repo.user_id),
            "job",
            frozenset({"project:read", "pipeline:read", "pipeline:run"}),
            None,
            audit,
            project_id=project_id,
            internal=True,
        )
    )
    job = {"Authorization": f"Bearer {token}"}
    assert (await repo.client.get(f"{repo.api}/pipelines", headers=job)).status_code == 200
    assert (await repo.client.get("/api/projects/alice%2Fother", headers=job)).status_code == 404
    # no rights outside the project either, not even its owner's global ones
    assert (await repo.client.get("/api/user/permissions", headers=job)).json()["permissions"] == []
    # and its scopes bound it on its own project: no issue writing
    r = await repo.client.post(f"{repo.api}/issues", json={"title": "x"}, headers=job)
    assert r.status_code == 403
    listed = await repo.client.get("/api/user/tokens", headers=repo.auth)
    assert [t["name"] for t in listed.json()] == ["t"]  # the internal token is not listed


async def test_a_project_token_asked_for_everything_gets_named_scopes(repo: Repo) -> None:
    r = await repo.client.post(
        "/api/user/tokens",
        json={"name": "ci", "scopes": ["*"], "project": "alice/app"},
        headers=repo.auth,
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert "*" not in made["scopes"] and "pipeline:run" in made["scopes"]
    assert made["project_id"] is not None
    token = {"Authorization": f"Bearer {made['token']}"}
    # not an account's full rights: no new ways to sign in, no tokens for elsewhere
    r = await repo.client.post("/api/auth/passkeys/register/options", headers=token)
    assert r.status_code == 403
    r = await repo.client.post(
        "/api/user/tokens", json={"name": "x", "scopes": ["project:read"]}, headers=token
    )
    assert r.status_code == 201 and r.json()["project_id"] == made["project_id"]
    missing = await repo.client.post(
        "/api/user/tokens",
        json={"name": "x", "scopes": ["project:read"], "project": "alice/nothing"},
        headers=repo.auth,
    )
    assert missing.status_code == 404
