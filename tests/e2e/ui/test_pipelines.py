"""Pipelines in the browser, against pipelines a real `dais serve` runs on its local executor:
the list, a pipeline's step graph, a running step's log followed live, ANSI colours, line
links, search, artifacts, cancel and retry; and the project setting that makes merge
requests wait for a passing pipeline.

The log viewer's ANSI parsing (ui/src/pages/pipelines/ansi.ts) is checked here too, through
what it renders: the UI has no unit-test runner, so a step prints the escapes and the test
reads the spans."""

from __future__ import annotations

import base64
import re
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import Dais, Person, sign_in

#: Long enough for a step on a loaded machine; a passing test waits far less.
PATIENCE = 30.0
#: How long to wait for a change a page sees by reading the pipeline again (every 3 s while
#: it runs: POLL_MS in ui/src/pages/pipelines/shared.tsx), in milliseconds.
POLLED = 15_000
E = "\x1b"

#: Log lines, as a step prints them, and how the viewer must render each: its spans as
#: (text, classes, inline colour, inline background); unstyled text has no span ("").
ANSI_CASES: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    (f"{E}[31mfailed{E}[0m plain", [("failed", "ansi-fg-1", "", ""), (" plain", "", "", "")]),
    (f"{E}[1mbold{E}[m plain", [("bold", "ansi-bold", "", ""), (" plain", "", "", "")]),
    (f"{E}[91;103mbright", [("bright", "ansi-fg-9 ansi-bg-11", "", "")]),
    (
        f"{E}[1;2;3;4ma{E}[22mb{E}[23mc{E}[24md",
        [
            ("a", "ansi-bold ansi-dim ansi-italic ansi-underline", "", ""),
            ("b", "ansi-italic ansi-underline", "", ""),
            ("c", "ansi-underline", "", ""),
            ("d", "", "", ""),
        ],
    ),
    (
        f"{E}[1;32;44mX{E}[39mY{E}[49mZ",
        [
            ("X", "ansi-fg-2 ansi-bg-4 ansi-bold", "", ""),
            ("Y", "ansi-bg-4 ansi-bold", "", ""),
            ("Z", "ansi-bold", "", ""),
        ],
    ),
    # 256 colours and true colour are inline styles; what follows an extended colour applies
    (f"{E}[38;5;196;48;5;21mcube", [("cube", "", "rgb(255, 0, 0)", "rgb(0, 0, 255)")]),
    (f"{E}[38;5;244mgrey", [("grey", "", "rgb(128, 128, 128)", "")]),
    (f"{E}[38;2;1;2;255;4mtrue", [("true", "ansi-underline", "rgb(1, 2, 255)", "")]),
    (f"{E}[38:2::255:128:0mcolon", [("colon", "", "rgb(255, 128, 0)", "")]),
    (f"{E}[38;5;300mout of range", [("out of range", "", "", "")]),
    (f"{E}[5;7;9munsupported", [("unsupported", "", "", "")]),
    (f"{E}[31munterminated", [("unterminated", "ansi-fg-1", "", "")]),
    ("the next line starts unstyled", [("the next line starts unstyled", "", "", "")]),
    # every other escape is dropped, its text kept
    (f"a{E}[2K{E}[1A{E}[10;20Hb{E}[?25lc{E}[?25h moved", [("abc moved", "", "", "")]),
    (f"{E}]0;a window title\x07after a title", [("after a title", "", "", "")]),
    (f"{E}]8;;https://example.com{E}\\link{E}]8;;{E}\\ text", [("link text", "", "", "")]),
    (f"{E}(Ba{E}7b{E}8c{E}=d{E}Me two-byte", [("abcde two-byte", "", "", "")]),
    (f"cut short{E}[1;3", [("cut short", "", "", "")]),
    ("\u009b32mgreen\u009b0m 8-bit", [("green", "ansi-fg-2", "", ""), (" 8-bit", "", "", "")]),
    ("ctl\x08 and\x7f tab\there", [("ctl and tab\there", "", "", "")]),
    ("10%\r50%\r100% progress", [("100% progress", "", "", "")]),
    (
        f"<img src=x onerror=alert(1)>{E}[31m<script>alert(2)</script>",
        [
            ("<img src=x onerror=alert(1)>", "", "", ""),
            ("<script>alert(2)</script>", "ansi-fg-1", "", ""),
        ],
    ),
]

#: The spans of each rendered log line: [line number, [[text, class, colour, background]]].
RENDERED_LINES = """
() => [...document.querySelectorAll('[data-testid="log-line"]')].map((row) => [
  Number(row.dataset.line),
  [...row.querySelector(".log-text").childNodes].map((n) =>
    n.nodeType === Node.TEXT_NODE
      ? [n.textContent, "", "", ""]
      : [n.textContent, n.getAttribute("class") || "", n.style.color, n.style.backgroundColor]),
])
"""


@pytest.fixture(scope="module")
def dais_env() -> dict[str, str]:
    # No sandbox: a step waits for a file the test creates under its tmp_path, so that the
    # browser is on the page before the step prints (bubblewrap would hide the host's /tmp).
    return {"DAIS_BUILD_SANDBOX": "none"}


def _commit(
    dais: Dais,
    who: Person,
    project: dict[str, Any],
    files: dict[str, str | bytes],
    branch: str = "main",
    start: str | None = None,
) -> str:
    """Commit each file in turn through the files API; the last commit's sha."""
    sha = ""
    for path, content in files.items():
        body: dict[str, Any] = {"branch": branch, "path": path, "message": f"Write {path}"}
        if isinstance(content, bytes):
            body |= {"content": base64.b64encode(content).decode(), "encoding": "base64"}
        else:
            body["content"] = content
        if start is not None:
            body["start_branch"], start = start, None
        r = dais.http.put(
            f"/api/projects/{project['id']}/repository/files", json=body, headers=who.auth
        )
        assert r.status_code in (200, 201), r.text
        sha = r.json()["commit"]
    return sha


def _pipeline_of(
    dais: Dais, who: Person, project: dict[str, Any], event: str | None = None, **query: Any
) -> dict[str, Any]:
    """The first pipeline the listing's ``query`` finds (of ``event``, if named), once dais has
    made one."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        r = dais.http.get(
            f"/api/projects/{project['id']}/pipelines", params=query, headers=who.auth
        )
        assert r.status_code == 200, r.text
        found = [p for p in r.json() if event is None or p["event"] == event]
        if found:
            first: dict[str, Any] = found[-1]
            return first
        time.sleep(0.1)
    raise AssertionError(f"no {event or ''} pipeline with {query} after {PATIENCE}s")


def _settled(dais: Dais, who: Person, project: dict[str, Any], number: int) -> dict[str, Any]:
    """Pipeline ``number`` once it has finished."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        r = dais.http.get(f"/api/projects/{project['id']}/pipelines/{number}", headers=who.auth)
        assert r.status_code == 200, r.text
        if r.json()["state"] not in ("pending", "running"):
            found: dict[str, Any] = r.json()
            return found
        time.sleep(0.1)
    raise AssertionError(f"pipeline #{number} still running after {PATIENCE}s")


def _step(page: Any, name: str) -> Any:
    return page.locator(f'[data-testid="step"][data-step="{name}"]')


def _show_log(page: Any, name: str) -> Any:
    """Select step ``name`` in the graph; its log viewer."""
    page.get_by_role("button", name=re.compile(rf"^{name}: .*Show its log$")).click()
    expect(page.get_by_test_id("step-facts")).to_contain_text(name)
    return page.get_by_test_id("log-viewer")


def _line(page: Any, n: int) -> Any:
    return page.locator(f'[data-testid="log-line"][data-line="{n}"]')


def test_a_pipeline_page_follows_its_steps_and_logs(dais: Dais, tmp_path: Path, page: Any) -> None:
    owner = dais.person("ci")
    project = dais.project(owner, initialize_with_readme=True)
    gate = tmp_path / "go"
    pipeline_file = textwrap.dedent(
        f"""\
        steps:
          - name: colours
            commands:
              - printf '\\033[31mred\\033[0m\\n'
              - cat ansi.log
          - name: count
            commands:
              - for _ in $(seq 600); do [ -e '{gate}' ] && break; sleep 0.05; done
              - for i in $(seq 1 60); do echo line $i; sleep 0.05; done
          - name: package
            depends_on: [colours]
            commands:
              - mkdir -p dist
              - echo built > dist/app.txt
            artifacts:
              paths: ["dist/*.txt"]
          - name: broken
            depends_on: [count]
            commands:
              - echo about to fail
              - exit 3
        """
    )
    ansi_log = "".join(f"{raw}\n" for raw, _spans in ANSI_CASES).encode()
    sha = _commit(dais, owner, project, {"ansi.log": ansi_log, ".platformci.yml": pipeline_file})
    number = _pipeline_of(dais, owner, project, sha=sha)["number"]
    sign_in(page, dais.url, owner.username, owner.password)

    # The list: the pipeline, running (count waits for the gate), with its ref and commit.
    page.goto(f"{dais.url}/{project['path']}/-/pipelines")
    row = page.locator(f'[data-testid="pipeline-row"][data-number="{number}"]')
    expect(row).to_have_attribute("data-state", "running", timeout=POLLED)
    expect(row.get_by_test_id("pipeline-status")).to_contain_text("Running")
    expect(row.get_by_test_id("pipeline-ref")).to_contain_text("main")
    expect(row.get_by_test_id("pipeline-sha")).to_have_text(sha[:8])
    expect(row).to_contain_text("Write .platformci.yml")
    row.get_by_role("link", name=f"#{number}", exact=True).click()

    # The graph: a column per stage, the steps of each in order, what each needs.
    expect(page).to_have_url(f"{dais.url}/{project['path']}/-/pipelines/{number}")
    expect(page.get_by_test_id("pipeline-heading")).to_contain_text(f"Pipeline #{number}")
    stages = page.get_by_test_id("step-stage")
    expect(stages).to_have_count(2)
    expect(stages.nth(0).get_by_test_id("step")).to_have_count(2)
    expect(stages.nth(0).locator(".step-name")).to_have_text(["colours", "count"])
    expect(stages.nth(1).locator(".step-name")).to_have_text(["package", "broken"])
    expect(_step(page, "broken").get_by_test_id("step-needs")).to_have_text("needs: count")
    box = {s: _step(page, s).bounding_box() for s in ("colours", "count", "package")}
    assert box["colours"]["x"] == box["count"]["x"] < box["package"]["x"]
    expect(page.locator(".step-edges path")).to_have_count(2)
    expect(page.get_by_test_id("pipeline-executor")).to_contain_text("not sandboxed")

    # A running step's log, live: lines appear as they are printed, the view follows them.
    expect(_step(page, "count")).to_have_attribute("data-state", "running", timeout=POLLED)
    log = _show_log(page, "count")
    expect(log).to_have_attribute("data-phase", "live")
    expect(page.get_by_test_id("log-follow")).to_have_attribute("aria-pressed", "true")
    gate.touch()
    lines = page.get_by_test_id("log-lines")
    expect(lines).to_contain_text("line 5")
    # still being written: the step has almost 3 s of lines to go
    expect(lines).not_to_contain_text("line 60")
    expect(log).to_have_attribute("data-phase", "live")
    printed = page.get_by_test_id("log-line")
    last = printed.filter(has_text=re.compile(r"^\d+line 60$"))
    expect(last).to_be_attached()
    # the page scrolled to the viewer (which grew with its lines); its own scrolling untouched
    log.evaluate("el => el.scrollIntoView({ block: 'end' })")
    expect(last).to_be_in_viewport()
    # more lines than the viewer is tall: following scrolled the first ones away
    expect(printed.filter(has_text=re.compile(r"^\d+line 1$"))).not_to_be_in_viewport()
    expect(log).to_have_attribute("data-phase", "done")
    expect(page.get_by_test_id("log-status")).to_contain_text("Finished: passed (exit code 0)")

    state = page.get_by_test_id("pipeline-state")
    expect(state).to_have_attribute("data-state", "failed", timeout=POLLED)
    expect(_step(page, "broken")).to_have_attribute("data-state", "failed")
    expect(_step(page, "package")).to_have_attribute("data-state", "success")
    page.screenshot(path=str(tmp_path / "pipeline.png"), full_page=True)

    # ANSI: the printf's "red" is a red span, and no escape reaches the page.
    _show_log(page, "colours")
    expect(log).to_have_attribute("data-phase", "done")
    red = lines.locator("span.ansi-fg-1", has_text=re.compile("^red$"))
    expect(red).to_have_count(1)
    expect(red).to_have_css("color", "rgb(224, 108, 117)")
    assert E not in lines.inner_text() and "[31m" not in red.locator("xpath=..").inner_text()
    rendered = page.evaluate(RENDERED_LINES)
    texts = ["".join(span[0] for span in spans) for _n, spans in rendered]
    first = texts.index("$ cat ansi.log") + 1
    # the command echoed before it runs: bold green
    assert rendered[first - 1][1] == [["$ cat ansi.log", "ansi-fg-2 ansi-bold", "", ""]]
    assert len(rendered) - first == len(ANSI_CASES), texts
    for (raw, want), (n, got) in zip(ANSI_CASES, rendered[first:], strict=True):
        assert [tuple(span) for span in got] == want, f"line {n}: {raw!r}"
    expect(page.locator(".log-text img, .log-text script")).to_have_count(0)

    # A line link highlights its line, from a click and from the URL.
    _line(page, 3).get_by_role("link", name="Line 3").click()
    expect(page).to_have_url(re.compile(r"\?step=colours#L3$"))
    expect(_line(page, 3)).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator(".log-line.selected")).to_have_count(1)
    page.goto(f"{dais.url}/{project['path']}/-/pipelines/{number}?step=colours#L5")
    expect(_line(page, 5)).to_have_class(re.compile(r"\bselected\b"))
    expect(_line(page, 3)).not_to_have_class(re.compile(r"\bselected\b"))

    # Search keeps the matching lines, the matches marked.
    search = page.get_by_test_id("log-search")
    search.fill("ALERT")
    expect(page.get_by_test_id("log-line")).to_have_count(1)
    expect(page.get_by_test_id("log-count")).to_contain_text("1 matching")
    expect(page.get_by_test_id("log-line").locator("mark")).to_have_text(["alert", "alert"])
    # literal text, not a pattern; a match inside a styled span keeps its style
    search.fill("alert(2)")
    expect(page.get_by_test_id("log-line")).to_have_count(1)
    expect(page.get_by_test_id("log-line").locator("mark.ansi-fg-1")).to_have_text("alert(2)")
    # a match across spans is marked in each
    search.fill("xyz")
    marks = page.get_by_test_id("log-line").locator("mark")
    expect(marks).to_have_text(["X", "Y", "Z"])
    expect(marks.first).to_have_class("ansi-fg-2 ansi-bg-4 ansi-bold")
    search.fill("no such text")
    expect(page.get_by_test_id("log-line")).to_have_count(0)
    expect(lines).to_contain_text("No line matches")
    search.fill("")
    expect(page.get_by_test_id("log-line")).to_have_count(len(rendered))

    # Artifacts: a link that downloads the file.
    artifact = page.get_by_test_id("artifact")
    expect(artifact).to_have_count(1)
    expect(artifact).to_contain_text("from package")
    with page.expect_download() as got:
        artifact.get_by_test_id("artifact-link").click()
    download = got.value
    assert download.suggested_filename == "app.txt"
    assert Path(download.path()).read_bytes() == b"built\n"

    # Retry: the failed step is queued again, and fails again.
    with page.expect_response(re.compile(rf"/pipelines/{number}/retry$")) as answer:
        page.get_by_test_id("pipeline-retry").click()
    retried = answer.value.json()
    assert retried["state"] in ("pending", "running"), retried
    steps = {s["name"]: s["state"] for s in retried["steps"]}
    assert steps == {
        "colours": "success",
        "count": "success",
        "package": "success",
        "broken": "pending",
    }
    expect(_step(page, "broken")).to_contain_text("attempt 2", timeout=POLLED)
    expect(_step(page, "count")).not_to_contain_text("attempt")
    expect(state).to_have_attribute("data-state", "failed", timeout=POLLED)
    expect(page.get_by_test_id("pipeline-retry")).to_be_visible()


def test_cancel_stops_a_sleeping_pipeline(dais: Dais, page: Any) -> None:
    owner = dais.person("ci")
    project = dais.project(owner, initialize_with_readme=True)
    sleepy = "steps:\n  - name: nap\n    commands: ['echo napping', 'sleep 60']\n"
    sha = _commit(dais, owner, project, {".platformci.yml": sleepy})
    number = _pipeline_of(dais, owner, project, sha=sha)["number"]
    sign_in(page, dais.url, owner.username, owner.password)

    page.goto(f"{dais.url}/{project['path']}/-/pipelines/{number}")
    expect(page.get_by_test_id("log-lines")).to_contain_text("napping", timeout=POLLED)
    state = page.get_by_test_id("pipeline-state")
    expect(state).to_have_attribute("data-state", "running", timeout=POLLED)
    expect(page.get_by_test_id("pipeline-retry")).to_have_count(0)
    page.get_by_test_id("pipeline-cancel").click()
    expect(state).to_have_attribute("data-state", "cancelled", timeout=POLLED)
    expect(_step(page, "nap")).to_have_attribute("data-state", "cancelled")
    expect(page.get_by_test_id("pipeline-cancel")).to_have_count(0)
    expect(page.get_by_test_id("log-status")).to_contain_text("Finished: cancelled")
    r = dais.http.get(f"/api/projects/{project['id']}/pipelines/{number}", headers=owner.auth)
    assert r.json()["state"] == "cancelled"

    page.goto(f"{dais.url}/{project['path']}/-/pipelines?state=cancelled")
    row = page.get_by_test_id("pipeline-row")
    expect(row).to_have_count(1)
    expect(row).to_have_attribute("data-state", "cancelled")
    expect(row.get_by_test_id("pipeline-status")).to_contain_text("Cancelled")


def test_pipelines_must_succeed_is_saved_and_blocks_a_merge_request(dais: Dais, page: Any) -> None:
    owner = dais.person("ci")
    project = dais.project(owner, initialize_with_readme=True)
    sign_in(page, dais.url, owner.username, owner.password)

    page.goto(f"{dais.url}/{project['path']}/-/settings")
    setting = page.get_by_test_id("pipeline-must-succeed")
    expect(setting).not_to_be_checked()
    setting.check()
    page.get_by_role("button", name="Save pipeline setting").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    r = dais.http.get(f"/api/projects/{project['id']}", headers=owner.auth)
    assert r.json()["pipeline_must_succeed"] is True
    page.reload()
    expect(page.get_by_test_id("pipeline-must-succeed")).to_be_checked()

    # The file asks for merge request pipelines too: opening one runs a second pipeline.
    failing = textwrap.dedent(
        """\
        steps:
          - name: check
            commands: ["test -f ok"]
            when: {event: [push, merge_request]}
        """
    )
    sha = _commit(dais, owner, project, {".platformci.yml": failing}, "feature", start="main")
    pushed = _pipeline_of(dais, owner, project, sha=sha)
    r = dais.http.post(
        f"/api/projects/{project['id']}/merge-requests",
        json={"title": "Feature", "source_branch": "feature", "target_branch": "main"},
        headers=owner.auth,
    )
    assert r.status_code == 201, r.text
    iid = r.json()["iid"]
    # The merge request's listing holds its source branch's push pipeline too.
    opened = _pipeline_of(dais, owner, project, event="merge_request", merge_request=iid)
    assert (pushed["event"], opened["merge_request_iid"]) == ("push", iid)
    for p in (pushed, opened):
        assert _settled(dais, owner, project, p["number"])["state"] == "failed"

    page.goto(f"{dais.url}/{project['path']}/-/merge_requests/{iid}")
    latest = page.get_by_test_id("mr-pipeline")
    expect(latest).to_contain_text(f"#{opened['number']}")
    expect(latest.get_by_test_id("pipeline-status")).to_have_attribute("data-state", "failed")
    blocker = page.locator('[data-blocker="pipeline_not_successful"]')
    expect(blocker).to_have_text(
        f"Pipelines must succeed in this project: pipeline #{opened['number']} failed."
    )
    tabs = page.get_by_role("navigation", name="Merge request")
    tabs.get_by_role("link", name="Pipelines", exact=True).click()
    rows = page.get_by_test_id("mr-pipelines").get_by_test_id("pipeline-row")
    expect(rows).to_have_count(2)
    for row, p in zip(rows.all(), (opened, pushed), strict=True):
        expect(row).to_have_attribute("data-number", str(p["number"]))
        expect(row).to_have_attribute("data-state", "failed")
    expect(rows.first).to_contain_text(f"merge request !{iid}")
    expect(rows.last).to_contain_text("push")
