"""The .platformci.yml parser: valid files become the expected objects, and every bad file
fails with problems that name the path, line and column a user has to fix."""

from __future__ import annotations

import textwrap

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dais.actors.builds.pipeline import (
    MAX_PROBLEMS,
    Artifacts,
    Event,
    PathFilter,
    Pipeline,
    PipelineError,
    Problem,
    Retry,
    Service,
    Status,
    Step,
    When,
    Workflow,
    glob_match,
    parse_duration,
    parse_pipeline,
    should_run,
)
from dais.actors.builds.schema import SCHEMA

VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _yaml(text: str) -> bytes:
    return textwrap.dedent(text).lstrip("\n").encode()


def _problems(data: bytes) -> tuple[Problem, ...]:
    with pytest.raises(PipelineError) as caught:
        parse_pipeline(data)
    return caught.value.errors


FULL = _yaml(
    """
    variables:
      DEBUG: true
      LEVEL: 3
      NAME: dais
    matrix:
      python: [3.10, "3.11"]
      db: [pg, sqlite]
    workflow:
      events: [push, merge_request]
      branches: [main, "release/*"]
    steps:
      - name: lint
        image: python:3.11
        commands: [ruff check .]
      - name: test
        image: python:3.11
        commands:
          - pytest -q
        environment:
          PGHOST: localhost
          WORKERS: 2
        secrets: [CODECOV_TOKEN]
        depends_on: [lint]
        when:
          branch: ["main", "feature/**"]
          event: push
          paths: {include: ["src/**"], exclude: ["docs/**"]}
          status: [success, failure]
        failure: ignore
        timeout: 1h30m
        retry: {count: 2, on_exit_codes: [137]}
        artifacts: {paths: [coverage.xml, "reports/**"], expire_in: 7d}
        services:
          - name: pg
            image: postgres:16
          - name: cache
            image: redis:7
            commands: [redis-server --save ""]
      - name: package
        commands: [make dist]
        depends_on: [lint]
        timeout: 600
        retry: 3
        when: {tag: "v*"}
    """
)

EXPECTED = Pipeline(
    variables={"DEBUG": "true", "LEVEL": "3", "NAME": "dais"},
    matrix={"python": ("3.10", "3.11"), "db": ("pg", "sqlite")},
    workflow=Workflow(events=(Event.PUSH, Event.MERGE_REQUEST), branches=("main", "release/*")),
    steps=(
        Step(name="lint", image="python:3.11", commands=("ruff check .",)),
        Step(
            name="test",
            image="python:3.11",
            commands=("pytest -q",),
            environment={"PGHOST": "localhost", "WORKERS": "2"},
            secrets=("CODECOV_TOKEN",),
            depends_on=("lint",),
            when=When(
                branch=("main", "feature/**"),
                event=(Event.PUSH,),
                paths=PathFilter(include=("src/**",), exclude=("docs/**",)),
                status=(Status.SUCCESS, Status.FAILURE),
            ),
            ignore_failure=True,
            timeout=5400,
            retry=Retry(count=2, on_exit_codes=(137,)),
            artifacts=Artifacts(paths=("coverage.xml", "reports/**"), expire_in=7 * 86400),
            services=(
                Service(name="pg", image="postgres:16"),
                Service(name="cache", image="redis:7", commands=('redis-server --save ""',)),
            ),
        ),
        Step(
            name="package",
            commands=("make dist",),
            depends_on=("lint",),
            timeout=600,
            retry=Retry(count=3),
            when=When(tag=("v*",)),
        ),
    ),
)

MAPPING_FORM = _yaml(
    """
    steps:
      a: {commands: [one]}
      b: {commands: [two], depends_on: [a]}
      c: {commands: [three], depends_on: [a]}
      d: {commands: [four], depends_on: [b, c]}
    """
)


def test_a_full_file_parses_into_the_expected_pipeline() -> None:
    assert parse_pipeline(FULL) == EXPECTED


def test_a_diamond_runs_in_three_levels() -> None:
    pipeline = parse_pipeline(MAPPING_FORM)
    assert pipeline.order() == [["a"], ["b", "c"], ["d"]]
    assert [step.depends_on for step in pipeline.steps] == [(), ("a",), ("a",), ("b", "c")]


def test_a_step_sits_after_its_deepest_dependency() -> None:
    pipeline = parse_pipeline(
        b"steps: {a: {commands: [x]}, b: {commands: [x], depends_on: [a]},"
        b" c: {commands: [x], depends_on: [a, b]}, z: {commands: [x]}}"
    )
    assert pipeline.order() == [["a", "z"], ["b"], ["c"]]


def test_without_depends_on_steps_run_one_after_another() -> None:
    pipeline = parse_pipeline(
        b"steps: [{name: a, commands: [x]}, {name: b, commands: [y]}, {name: c, commands: [z]}]"
    )
    assert [step.depends_on for step in pipeline.steps] == [(), ("a",), ("b",)]
    assert pipeline.order() == [["a"], ["b"], ["c"]]


def test_a_cycle_is_named() -> None:
    problems = _problems(
        _yaml(
            """
            steps:
              a: {commands: [x], depends_on: [c]}
              b: {commands: [x], depends_on: [a]}
              c: {commands: [x], depends_on: [b]}
            """
        )
    )
    assert [problem.message for problem in problems] == ["dependency cycle: a -> c -> b -> a"]
    assert problems[0].path == "steps.b.depends_on[0]"
    assert (problems[0].line, problems[0].column) == (3, 35)


def test_a_step_depending_on_itself_is_refused() -> None:
    (problem,) = _problems(b"steps: {a: {commands: [x], depends_on: [a]}}")
    assert problem.message == "a step cannot depend on itself"


def test_an_unknown_dependency_names_its_line_and_column() -> None:
    data = _yaml(
        """
        steps:
          - name: test
            commands: [pytest]
          - name: build
            commands:
              - make
            depends_on:
              - test
              - tset
        """
    )
    (problem,) = _problems(data)
    assert problem == Problem(
        path="steps.build.depends_on[1]",
        line=9,
        column=9,
        message="unknown step 'tset' (did you mean 'test'?)",
    )
    assert str(problem) == (
        "steps.build.depends_on[1] (line 9, column 9): unknown step 'tset' (did you mean 'test'?)"
    )


def test_unknown_keys_are_named_with_the_allowed_ones() -> None:
    problems = _problems(
        _yaml(
            """
            stages: [a]
            steps:
              build:
                commands: [make]
                imgae: python
                when: {branches: main}
            """
        )
    )
    by_path = {problem.path: problem for problem in problems}
    assert set(by_path) == {"stages", "steps.build.imgae", "steps.build.when.branches"}
    assert by_path["stages"].message == (
        "unknown key 'stages' (did you mean 'steps'?); allowed: matrix, steps, variables, workflow"
    )
    assert (by_path["stages"].line, by_path["stages"].column) == (1, 1)
    assert "unknown key 'imgae' (did you mean 'image'?)" in by_path["steps.build.imgae"].message
    assert (
        "allowed: branch, event, paths, status, tag" in by_path["steps.build.when.branches"].message
    )


def test_all_problems_are_reported_together_one_per_line() -> None:
    data = _yaml(
        """
        matrix: {a: [1, 2, 3, 4, 5], b: [1, 2, 3, 4]}
        steps:
          - name: Bad Name
            commands: []
          - name: ok
            commands: [x]
            timeout: 25h
            retry: 6
            artifacts: {paths: [/etc/passwd, "../up", "a/../b"]}
            failure: always
            when: {event: pull, status: maybe}
            secrets: [HOME]
            environment: {HOME: /root}
        """
    )
    with pytest.raises(PipelineError) as caught:
        parse_pipeline(data)
    assert [str(problem) for problem in caught.value.errors] == [
        "matrix (line 1, column 9): 20 combinations; at most 16 allowed",
        "steps[0].name (line 3, column 11): 'Bad Name' does not match [a-z0-9][a-z0-9_-]{0,62}",
        "steps[0].commands (line 4, column 15): must not be empty",
        "steps.ok.timeout (line 7, column 14): must be between 1 s and 86400 s, got 90000 s",
        "steps.ok.retry (line 8, column 12): must be between 0 and 5, got 6",
        "steps.ok.artifacts.paths[0] (line 9, column 25): "
        "'/etc/passwd' must be relative to the workspace, without '..'",
        "steps.ok.artifacts.paths[1] (line 9, column 38): "
        "'../up' must be relative to the workspace, without '..'",
        "steps.ok.artifacts.paths[2] (line 9, column 47): "
        "'a/../b' must be relative to the workspace, without '..'",
        "steps.ok.failure (line 10, column 14): "
        "the only value is 'ignore', got the string 'always'",
        "steps.ok.when.event (line 11, column 19): "
        "unknown value 'pull'; allowed: push, merge_request, tag, manual, schedule",
        "steps.ok.when.status (line 11, column 33): "
        "unknown value 'maybe'; allowed: success, failure",
        "steps.ok.secrets[0] (line 12, column 15): 'HOME' is also in environment",
    ]
    assert str(caught.value).splitlines() == [str(problem) for problem in caught.value.errors]


def test_problems_are_capped() -> None:
    steps = "".join(f"  s{index}: {{commands: [x], bad: 1}}\n" for index in range(80))
    errors = _problems(f"steps:\n{steps}".encode())
    assert len(errors) == MAX_PROBLEMS
    assert errors[-1].message == "31 more"


# --- hostile input ---------------------------------------------------------------------

BILLION_LAUGHS = _yaml(
    """
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
    steps: {a: {commands: [*i]}}
    """
)


def test_a_billion_laughs_stops_at_the_node_limit() -> None:
    (problem,) = _problems(BILLION_LAUGHS)
    assert "more than 10,000 nodes" in problem.message
    assert "aliases count each use" in problem.message


def test_a_self_referencing_alias_stops_at_the_depth_limit() -> None:
    (problem,) = _problems(b"x: &x [*x]\nsteps: {a: {commands: [x]}}\n")
    assert problem.message == "nested deeper than 64 levels"


def test_deep_nesting_stops_before_the_parser_recurses() -> None:
    (problem,) = _problems(b"steps: " + b"[" * 5000 + b"]" * 5000)
    assert problem.message == "nested deeper than 64 levels"
    assert problem.line == 1


def test_too_many_nodes_are_refused_while_composing() -> None:
    (problem,) = _problems(b"steps: [" + b"1, " * 20_000 + b"]")
    assert problem.message == "the file has more than 10,000 nodes"


def test_a_file_over_one_mebibyte_is_refused_by_size() -> None:
    (problem,) = _problems(b"# " + b"x" * (2 * 1024 * 1024) + b"\nsteps: {}\n")
    assert problem.message == "the file is 2,097,165 bytes; at most 1,048,576 allowed"
    assert str(problem) == problem.message


def test_control_characters_are_refused_with_their_position() -> None:
    (problem,) = _problems(b"steps:\n  a: {commands: [\x00]}\n")
    assert str(problem) == "line 2, column 18: invalid YAML: character U+0000 is not allowed"


def test_non_utf8_is_refused() -> None:
    (problem,) = _problems(b"steps:\n  a: {commands: [caf\xe9]}\n")
    assert problem.message == "the file is not UTF-8: invalid byte at offset 27"


def test_duplicate_keys_are_refused() -> None:
    (problem,) = _problems(b"steps:\n  a: {commands: [x]}\n  a: {commands: [y]}\n")
    assert (problem.line, problem.column) == (3, 3)
    assert problem.message == "duplicate key 'a' (first at line 2)"


@pytest.mark.parametrize(
    ("data", "tag"),
    [
        (b"steps: !!python/object:os.system {a: {commands: [x]}}", "!!python/object:os.system"),
        (b"steps: {a: {commands: [!!python/name:os.system x]}}", "!!python/name:os.system"),
        (b"steps: {a: {commands: [!!binary aGk=]}}", "!!binary"),
        (b"steps: {a: {commands: [!custom x]}}", "!custom"),
    ],
)
def test_tags_other_than_the_standard_ones_are_refused(data: bytes, tag: str) -> None:
    (problem,) = _problems(data)
    assert problem.message.startswith(f"tag {tag!r} is not allowed here")


def test_merge_keys_are_refused() -> None:
    data = b"base: &b {image: x}\nsteps: {a: {<<: *b, commands: [x]}}\n"
    problems = _problems(data)
    assert problems[0].message.startswith("merge keys (<<) are not supported")


def test_non_string_keys_are_refused() -> None:
    (problem,) = _problems(b"steps: {a: {commands: [x], environment: {1: one}}}")
    assert problem.message == "key 1 is not a string (quote it if it should be)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty; 'steps' is required"),
        (b"steps: [", "invalid YAML: while parsing a flow node expected the node content"),
        (b"[1, 2]", "expected a mapping, got a list"),
        (b"variables: {}", "missing required key 'steps'"),
        (b"steps: []", "at least one step is required"),
        (b"steps: [{commands: [x]}]", "missing required key 'name'"),
        (b"steps: {a: {image: x}}", "missing required key 'commands'"),
        (b"a: 1\n---\nb: 2\n", "invalid YAML: expected a single document in the stream"),
    ],
)
def test_malformed_files_are_explained(data: bytes, message: str) -> None:
    problems = _problems(data)
    assert any(problem.message.startswith(message) for problem in problems), problems


# --- matrix ----------------------------------------------------------------------------


def test_the_matrix_expands_into_labelled_pipelines() -> None:
    expanded = parse_pipeline(FULL).expand_matrix()
    assert [pipeline.label for pipeline in expanded] == [
        "python=3.10,db=pg",
        "python=3.10,db=sqlite",
        "python=3.11,db=pg",
        "python=3.11,db=sqlite",
    ]
    assert expanded[1].variables == {
        "DEBUG": "true",
        "LEVEL": "3",
        "NAME": "dais",
        "python": "3.10",
        "db": "sqlite",
    }
    assert expanded[1].order() == [["lint"], ["test", "package"]]


def test_a_matrix_value_overrides_a_variable_of_the_same_name() -> None:
    pipeline = parse_pipeline(
        b"variables: {db: none}\nmatrix: {db: [pg]}\nsteps: {a: {commands: [x]}}"
    )
    assert pipeline.expand_matrix()[0].variables == {"db": "pg"}


def test_without_a_matrix_there_is_one_pipeline() -> None:
    (only,) = parse_pipeline(MAPPING_FORM).expand_matrix()
    assert (only.label, only.combination, only.variables) == ("", {}, {})


def test_sixteen_combinations_pass_and_seventeen_do_not() -> None:
    steps = b"\nsteps: {a: {commands: [x]}}"
    assert (
        len(parse_pipeline(b"matrix: {a: [1, 2, 3, 4], b: [1, 2, 3, 4]}" + steps).expand_matrix())
        == 16
    )
    (problem,) = _problems(
        b"matrix: {a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]}" + steps
    )
    assert problem.message == "17 combinations; at most 16 allowed"
    (problem,) = _problems(b"matrix: {a: [1], b: [1], c: [1], d: [1], e: [1]}" + steps)
    assert problem.message == "at most 4 axes are allowed"


# --- when rules --------------------------------------------------------------------------


def _step(when: str) -> Step:
    return parse_pipeline(f"steps: {{a: {{commands: [x], when: {when}}}}}".encode()).steps[0]


@pytest.mark.parametrize(
    ("when", "run", "expected"),
    [
        ("{}", {}, True),
        ("{branch: main}", {"branch": "main"}, True),
        ("{branch: main}", {"branch": "mainline"}, False),
        ("{branch: main}", {"tag": "v1"}, False),
        ("{branch: 'feature/*'}", {"branch": "feature/x"}, True),
        ("{branch: 'feature/*'}", {"branch": "feature/x/y"}, False),
        ("{branch: 'feature/**'}", {"branch": "feature/x/y"}, True),
        ("{branch: [main, 'release-?']}", {"branch": "release-2"}, True),
        ("{branch: 'release-[0-9]'}", {"branch": "release-x"}, False),
        ("{branch: 'release-[!0-9]'}", {"branch": "release-x"}, True),
        ("{tag: 'v*'}", {"tag": "v1.2.0"}, True),
        ("{tag: 'v*'}", {"tag": "1.2.0"}, False),
        ("{tag: 'v*'}", {"branch": "main"}, False),
        ("{event: tag}", {"event": Event.TAG}, True),
        ("{event: [tag, manual]}", {"event": Event.PUSH}, False),
        ("{paths: {include: ['src/**']}}", {"changed_paths": ["src/a/b.py"]}, True),
        ("{paths: {include: ['src/**']}}", {"changed_paths": ["docs/a.md"]}, False),
        ("{paths: {include: ['src/**']}}", {"changed_paths": []}, False),
        ("{paths: {include: ['src/**']}}", {"changed_paths": None}, True),
        ("{paths: {include: ['*.py']}}", {"changed_paths": ["a/b.py"]}, False),
        ("{paths: {include: ['**/*.py']}}", {"changed_paths": ["b.py"]}, True),
        ("{paths: {include: ['src/**/x.py']}}", {"changed_paths": ["src/x.py"]}, True),
        ("{paths: {exclude: ['docs/**']}}", {"changed_paths": ["docs/a.md"]}, False),
        ("{paths: {exclude: ['docs/**']}}", {"changed_paths": ["docs/a.md", "x.py"]}, True),
        (
            "{paths: {include: ['src/**'], exclude: ['src/**/*.md']}}",
            {"changed_paths": ["src/a/readme.md"]},
            False,
        ),
        ("{}", {"status": Status.FAILURE}, False),
        ("{status: failure}", {"status": Status.FAILURE}, True),
        ("{status: failure}", {"status": Status.SUCCESS}, False),
        ("{status: [success, failure]}", {"status": Status.FAILURE}, True),
        ("{branch: main, event: push}", {"branch": "main", "event": Event.MANUAL}, False),
    ],
)
def test_when_rules(when: str, run: dict[str, object], expected: bool) -> None:
    arguments: dict[str, object] = {"event": Event.PUSH, **run}
    assert should_run(_step(when), **arguments) is expected  # type: ignore[arg-type]


def test_workflow_rules() -> None:
    pipeline = parse_pipeline(FULL)
    assert should_run(pipeline, event=Event.PUSH, branch="main")
    assert should_run(pipeline, event=Event.PUSH, branch="release/1.0")
    assert not should_run(pipeline, event=Event.PUSH, branch="release/1.0/hotfix")
    assert not should_run(pipeline, event=Event.SCHEDULE, branch="main")
    assert should_run(pipeline.expand_matrix()[0], event=Event.MERGE_REQUEST, branch="main")
    tags = parse_pipeline(
        b"workflow: {events: [tag], branches: [main]}\nsteps: {a: {commands: [x]}}"
    )
    assert should_run(tags, event=Event.TAG, tag="v1")  # a tag run has no branch to filter
    assert should_run(parse_pipeline(MAPPING_FORM), event=Event.MANUAL)


def test_globs_with_odd_characters_match_literally() -> None:
    assert glob_match("a+b(c)", "a+b(c)")
    assert glob_match("[[]x", "[x")
    assert glob_match("a[", "a[")
    assert not glob_match("a[/]b", "a/b")
    (problem,) = _problems(b"steps: {a: {commands: [x], when: {branch: '[z-a]'}}}")
    assert problem.message.startswith("invalid glob '[z-a]'")


# --- durations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("10m", 600), ("1h30m", 5400), ("7d", 604800), ("1d2h3m4s", 93784)],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "10", "1m1h", "1.5h", "10 m", "1h 30m", "m", "٣m"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("timeout", "message"),
    [
        ("0", "must be between 1 s and 86400 s, got 0 s"),
        ("24h1s", "must be between 1 s and 86400 s, got 86401 s"),
        ("ten", "'ten' is not a duration like '90s', '10m', '1h30m' or '7d'"),
        ("1.5", "expected seconds or a duration, got a number"),
        ("true", "expected seconds or a duration, got a boolean"),
    ],
)
def test_timeouts_out_of_range(timeout: str, message: str) -> None:
    (problem,) = _problems(f"steps: {{a: {{commands: [x], timeout: {timeout}}}}}".encode())
    assert (problem.path, problem.message) == ("steps.a.timeout", message)


def test_a_timeout_of_exactly_a_day_is_allowed() -> None:
    assert parse_pipeline(b"steps: {a: {commands: [x], timeout: 24h}}").steps[0].timeout == 86400


# --- JSON Schema ---------------------------------------------------------------------------

VALID = [
    FULL,
    MAPPING_FORM,
    b"steps: [{name: a, commands: [x]}]",
    b"steps: {a: {commands: [x], when: {event: [push, tag], status: failure}}}",
]

# Invalid files the JSON Schema can tell apart too (not the matrix cap, cycles, unknown
# dependencies, duration ranges or duplicate names, which only the parser checks).
INVALID_FOR_SCHEMA = [
    b"variables: {A: 1}",
    b"stages: []\nsteps: {a: {commands: [x]}}",
    b"steps: []",
    b"steps: [{commands: [x]}]",
    b"steps: {a: {image: x}}",
    b"steps: {a: {commands: []}}",
    b"steps: {a: {commands: [x], imgae: y}}",
    b"steps: {Bad: {commands: [x]}}",
    b"steps: {a: {commands: [x], name: a}}",
    b"steps: {a: {commands: [x], failure: always}}",
    b"steps: {a: {commands: [x], retry: 6}}",
    b"steps: {a: {commands: [x], retry: {on_exit_codes: [1]}}}",
    b"steps: {a: {commands: [x], timeout: 0}}",
    b"steps: {a: {commands: [x], timeout: ten}}",
    b"steps: {a: {commands: [x], when: {event: pull}}}",
    b"steps: {a: {commands: [x], when: {status: maybe}}}",
    b"steps: {a: {commands: [x], artifacts: {paths: [/etc/passwd]}}}",
    b"steps: {a: {commands: [x], artifacts: {paths: [a/../b]}}}",
    b"steps: {a: {commands: [x], artifacts: {paths: [x], expire_in: soon}}}",
    b"steps: {a: {commands: [x], services: [{name: pg}]}}",
    b"steps: {a: {commands: [x], secrets: [not-a-name]}}",
    b"steps: {a: {commands: [x], environment: {A: null}}}",
    b"matrix: {a: [1], b: [1], c: [1], d: [1], e: [1]}\nsteps: {a: {commands: [x]}}",
    b"workflow: {events: [pull]}\nsteps: {a: {commands: [x]}}",
]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("data", VALID)
def test_valid_files_pass_the_schema(data: bytes) -> None:
    parse_pipeline(data)
    VALIDATOR.validate(yaml.safe_load(data))


@pytest.mark.parametrize("data", INVALID_FOR_SCHEMA)
def test_invalid_files_fail_the_schema_and_the_parser(data: bytes) -> None:
    _problems(data)
    assert not VALIDATOR.is_valid(yaml.safe_load(data))


# --- never anything but PipelineError ---------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "steps:",
        "variables:",
        "matrix:",
        "workflow:",
        "  - name: a",
        "    commands: [x]",
        "  a: {commands: [x]}",
        "    depends_on: [a]",
        "    when: {branch: '[z-a]'}",
        "&a",
        "*a",
        "!!python/object:x",
        "<<: *a",
        "[",
        "]",
        "{",
        "}",
        ":",
        "-",
        "'",
        '"',
        "0x_",
        "._",
        "1:2:3",
        "~",
        "yes",
        "\t",
        "  ",
        "\n",
        "!!binary",
        "? x",
        "%YAML 1.1",
        "---",
        "...",
        "#",
        "\ufeff",
        "timeout: 1h",
        "retry: {count: 9}",
    ]
)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.one_of(
        st.text(),
        st.lists(_FRAGMENTS, max_size=30).map(" ".join),
        st.lists(_FRAGMENTS, max_size=30).map("\n".join),
    )
)
def test_any_text_gives_a_pipeline_or_a_pipeline_error(text: str) -> None:
    try:
        assert isinstance(parse_pipeline(text.encode("utf-8", "surrogatepass")), Pipeline)
    except PipelineError as error:
        assert error.errors
        assert len(error.errors) <= MAX_PROBLEMS


@settings(max_examples=100, deadline=None, database=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_pipeline_or_a_pipeline_error(data: bytes) -> None:
    try:
        parse_pipeline(data)
    except PipelineError as error:
        assert error.errors
