"""The ``.platformci.yml`` pipeline file: parsing, validation, matrix expansion, step order
and ``when`` rules.

A repository's pipeline file is untrusted input, so it is read defensively: at most 1 MiB of
UTF-8, at most 10,000 YAML nodes (an alias counts again each time it is used, so a "billion
laughs" document fails after 10,000 nodes instead of filling memory), nesting at most 64
deep, only the standard tags (``str int float bool null seq map``; no ``!!python/...``, no
``<<`` merge keys, which can grow a document exponentially too), string keys, no duplicate
keys. The YAML is composed into nodes rather than loaded, so every problem can name its
line and column (both 1-based) and its key path, and all problems of a file are reported
together (up to 50).

Schema (mirrored as the JSON Schema in ``schema.py``, for editors and the API)::

    variables: {NAME: str | number | bool}         # NAME like an environment variable
    matrix: {NAME: [scalar, ...]}                  # at most 4 axes, 16 combinations
    workflow:
      events: [push | merge_request | tag | manual | schedule, ...]
      branches: [glob, ...]                        # restricts runs that have a branch
    steps:                                         # required; 1 to 100 steps, either
      - name: build                                #   a list of steps with a name,
        ...                                        #   or a map name -> step
    step:
      name: ^[a-z0-9][a-z0-9_-]{0,62}$
      image: str
      commands: [str, ...]                         # required, not empty
      environment: {NAME: scalar}
      secrets: [NAME, ...]
      depends_on: [step name, ...]                 # no cycles; absent everywhere: each
                                                   #   step depends on the one before
      when:                                        # every condition given must hold
        branch: glob | [glob, ...]
        tag: glob | [glob, ...]
        event: event | [event, ...]
        paths: {include: [glob, ...], exclude: [glob, ...]}
        status: success | failure | [...]          # default: success
      failure: ignore
      timeout: seconds | "1h30m"                   # 1 s to 24 h
      retry: 0..5 | {count: 0..5, on_exit_codes: [1..255, ...]}
      artifacts: {paths: [relative glob, ...], expire_in: "7d"}
      services: [{name: step-like name, image: str, commands: [str, ...]}, ...]

Durations are ``[N d][N h][N m][N s]`` in that order, e.g. ``90s``, ``1h30m``, ``7d``.
Scalars given for variables, environment and matrix values become strings; numbers keep
their source text (``3.10`` stays ``"3.10"``) and booleans become ``true``/``false``.
Globs follow :mod:`fnmatch`, except that ``*`` and ``?`` never match ``/`` and ``**``
matches across directories (``src/**/x.py`` matches ``src/x.py`` and ``src/a/b/x.py``).

Pure and I/O-free: the build actor reads the file from git and hands the bytes here.
"""

from __future__ import annotations

import difflib
import enum
import functools
import itertools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

# PyYAML ships no type hints and types-PyYAML is not a dependency; it is used only here.
import yaml  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_PROBLEMS",
    "Artifacts",
    "Event",
    "ExpandedPipeline",
    "PathFilter",
    "Pipeline",
    "PipelineError",
    "Problem",
    "Retry",
    "Service",
    "Status",
    "Step",
    "When",
    "Workflow",
    "glob_match",
    "leaves_workspace",
    "parse_duration",
    "parse_pipeline",
    "should_run",
]

#: Largest pipeline file accepted, in bytes.
MAX_BYTES = 1024 * 1024
#: Most YAML nodes a file may hold, counting an alias each time it is used.
MAX_NODES = 10_000
#: Deepest nesting of sequences and mappings.
MAX_DEPTH = 64
#: Most problems one :class:`PipelineError` reports.
MAX_PROBLEMS = 50
MAX_STEPS = 100
MAX_AXES = 4
MAX_COMBINATIONS = 16
MAX_RETRIES = 5
MAX_TIMEOUT = 24 * 3600

_NAME = r"[a-z0-9][a-z0-9_-]{0,62}"
_ENV_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_DURATION = r"(?:([0-9]{1,6})d)?(?:([0-9]{1,6})h)?(?:([0-9]{1,6})m)?(?:([0-9]{1,6})s)?"
_NAME_RE = re.compile(_NAME)
_ENV_NAME_RE = re.compile(_ENV_NAME)
_DURATION_RE = re.compile(_DURATION)
_DURATION_UNITS = (86400, 3600, 60, 1)


class Event(enum.StrEnum):
    """What started a pipeline run."""

    PUSH = "push"
    MERGE_REQUEST = "merge_request"
    TAG = "tag"
    MANUAL = "manual"
    SCHEDULE = "schedule"


class Status(enum.StrEnum):
    """How a run has gone so far, as a step's ``when.status`` sees it."""

    SUCCESS = "success"
    FAILURE = "failure"


@attrs.frozen
class Problem:
    """One thing wrong with a pipeline file: where (key path, 1-based line and column, when
    known) and what."""

    path: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.line is not None else ""
        if self.path and where:
            return f"{self.path} ({where}): {self.message}"
        if self.path or where:
            return f"{self.path or where}: {self.message}"
        return self.message


class PipelineError(Exception):
    """A pipeline file that cannot be used; ``errors`` lists every problem found, at most
    :data:`MAX_PROBLEMS`, and ``str()`` gives one per line."""

    def __init__(self, errors: Iterable[Problem]) -> None:
        found = list(errors)
        if len(found) > MAX_PROBLEMS:
            hidden = len(found) - (MAX_PROBLEMS - 1)
            found = [*found[: MAX_PROBLEMS - 1], Problem("", None, None, f"{hidden} more")]
        self.errors: tuple[Problem, ...] = tuple(found)
        super().__init__("\n".join(map(str, self.errors)))


@attrs.frozen
class Workflow:
    """When the pipeline runs at all; an empty tuple places no restriction."""

    events: tuple[Event, ...] = ()
    branches: tuple[str, ...] = ()


@attrs.frozen
class PathFilter:
    """Changed paths that make a step run: any path matching ``include`` (or any path, when
    it is empty) and no ``exclude`` glob."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@attrs.frozen
class When:
    """A step's conditions; an empty tuple (or ``paths=None``) places no restriction."""

    branch: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    event: tuple[Event, ...] = ()
    paths: PathFilter | None = None
    status: tuple[Status, ...] = (Status.SUCCESS,)


@attrs.frozen
class Retry:
    """How often a failed step is retried; ``on_exit_codes`` empty means any failure."""

    count: int = 0
    on_exit_codes: tuple[int, ...] = ()


@attrs.frozen
class Artifacts:
    """Files kept after a step: globs relative to the workspace; ``expire_in`` seconds."""

    paths: tuple[str, ...]
    expire_in: int | None = None


@attrs.frozen
class Service:
    """A container running beside a step, reachable under ``name``."""

    name: str
    image: str
    commands: tuple[str, ...] = ()


@attrs.frozen
class Step:
    """One step. ``depends_on`` is resolved: without ``depends_on`` anywhere in the file,
    each step depends on the one before it. ``timeout`` is in seconds."""

    name: str
    commands: tuple[str, ...]
    image: str | None = None
    environment: Mapping[str, str] = attrs.field(factory=dict)
    secrets: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    when: When = When()
    ignore_failure: bool = False
    timeout: int | None = None
    retry: Retry = Retry()
    artifacts: Artifacts | None = None
    services: tuple[Service, ...] = ()


def _levels(steps: Sequence[Step]) -> list[list[str]]:
    # A step's level is one more than its deepest dependency's; callers guarantee no cycles.
    level: dict[str, int] = {}
    by_name = {step.name: step for step in steps}

    def depth(name: str) -> int:
        if name not in level:
            level[name] = 1 + max((depth(dep) for dep in by_name[name].depends_on), default=-1)
        return level[name]

    result: list[list[str]] = []
    for step in steps:
        index = depth(step.name)
        result.extend([] for _ in range(index + 1 - len(result)))
        result[index].append(step.name)
    return result


@attrs.frozen
class ExpandedPipeline:
    """The pipeline for one matrix combination: ``variables`` includes the combination's
    values, and ``label`` names it (``python=3.11,db=pg``; empty without a matrix)."""

    label: str
    combination: Mapping[str, str]
    variables: Mapping[str, str]
    workflow: Workflow
    steps: tuple[Step, ...]

    def order(self) -> list[list[str]]:
        """The steps in levels; see :meth:`Pipeline.order`."""
        return _levels(self.steps)


@attrs.frozen
class Pipeline:
    """A valid pipeline file; build one with :func:`parse_pipeline`."""

    steps: tuple[Step, ...]
    variables: Mapping[str, str] = attrs.field(factory=dict)
    matrix: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    workflow: Workflow = Workflow()

    def expand_matrix(self) -> list[ExpandedPipeline]:
        """One pipeline per matrix combination, axes varying in file order, the last
        fastest; without a matrix, one pipeline with an empty label."""
        axes = list(self.matrix.items())
        result = []
        for values in itertools.product(*(axis_values for _, axis_values in axes)):
            combination = {name: value for (name, _), value in zip(axes, values, strict=True)}
            result.append(
                ExpandedPipeline(
                    label=",".join(f"{name}={value}" for name, value in combination.items()),
                    combination=combination,
                    variables={**self.variables, **combination},
                    workflow=self.workflow,
                    steps=self.steps,
                )
            )
        return result

    def order(self) -> list[list[str]]:
        """The steps in levels: each level's steps depend only on earlier levels, so they can
        run together once those finish. A step sits one level after its deepest dependency;
        within a level, steps keep file order."""
        return _levels(self.steps)


# --- globs, durations and when-rules -------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        char = glob[i]
        if glob.startswith("**/", i):  # zero or more whole directories
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = i + 1
            if end < n and glob[end] == "!":
                end += 1
            if end < n and glob[end] == "]":
                end += 1
            while end < n and glob[end] != "]":
                end += 1
            if end < n:
                body = glob[i + 1 : end]
                negate = body.startswith("!")
                chars = "".join(c if c == "-" else re.escape(c) for c in body[negate:])
                out.append(f"(?!/)[{'^' if negate else ''}{chars}]")
                i = end + 1
                continue
            out.append(re.escape(char))
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def glob_match(glob: str, path: str) -> bool:
    """Whether ``path`` (a repository path or a branch or tag name) matches ``glob``: as
    :mod:`fnmatch`, but ``*``, ``?`` and ``[...]`` never match ``/`` while ``**`` does.

    :raises re.error: ``glob`` has an invalid character range, such as ``[z-a]``.
    """
    return _glob_regex(glob).match(path) is not None


def leaves_workspace(glob: str) -> bool:
    """Whether an artifact glob could name a path outside the workspace: an absolute path
    or one with a ``..`` segment (refused by the parser, and by the executors again)."""
    return glob.startswith("/") or ".." in glob.split("/")


def parse_duration(text: str) -> int:
    """The seconds in a duration such as ``90s``, ``10m``, ``1h30m`` or ``7d``: units
    ``d h m s`` in that order, each at most once.

    :raises ValueError: ``text`` is not such a duration.
    """
    match = _DURATION_RE.fullmatch(text)
    if not text or match is None:
        raise ValueError(f"{text!r} is not a duration like '90s', '10m', '1h30m' or '7d'")
    return sum(
        int(part or 0) * unit for part, unit in zip(match.groups(), _DURATION_UNITS, strict=True)
    )


def _any_glob(globs: Iterable[str], value: str) -> bool:
    return any(glob_match(glob, value) for glob in globs)


def should_run(
    target: Step | Pipeline | ExpandedPipeline,
    *,
    event: Event,
    branch: str | None = None,
    tag: str | None = None,
    changed_paths: Sequence[str] | None = None,
    status: Status = Status.SUCCESS,
) -> bool:
    """Whether a step's ``when`` rules, or a pipeline's ``workflow``, let it run.

    For a step, every condition given must hold: ``branch`` and ``tag`` globs need a run
    with a branch or tag that matches; ``paths`` applies only when ``changed_paths`` is
    known (not ``None``); ``status`` is how the run has gone so far. For a pipeline,
    ``workflow.events`` must include ``event`` and ``workflow.branches`` must match
    ``branch`` when the run has one (a tag run has none); ``tag``, ``changed_paths`` and
    ``status`` are ignored.
    """
    if not isinstance(target, Step):
        workflow = target.workflow
        if workflow.events and event not in workflow.events:
            return False
        return not workflow.branches or branch is None or _any_glob(workflow.branches, branch)
    when = target.when
    if when.event and event not in when.event:
        return False
    if when.branch and (branch is None or not _any_glob(when.branch, branch)):
        return False
    if when.tag and (tag is None or not _any_glob(when.tag, tag)):
        return False
    if status not in when.status:
        return False
    if when.paths is not None and changed_paths is not None:
        include, exclude = when.paths.include, when.paths.exclude
        return any(
            (not include or _any_glob(include, path)) and not _any_glob(exclude, path)
            for path in changed_paths
        )
    return True


# --- YAML into located values ------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + name for name in ("str", "int", "float", "bool", "null"))


@attrs.frozen
class _Scalar:
    value: str | int | float | bool | None
    text: str
    line: int
    column: int


@attrs.frozen
class _Seq:
    items: tuple[_Value, ...]
    line: int
    column: int


@attrs.frozen
class _Map:
    entries: tuple[tuple[_Scalar, _Value], ...]
    line: int
    column: int


_Value = _Scalar | _Seq | _Map


class _Fatal(Exception):
    """A problem after which reading the file goes no further."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _mark_problem(mark: Any, message: str, path: str = "") -> Problem:
    if mark is None:
        return Problem(path, None, None, message)
    return Problem(path, mark.line + 1, mark.column + 1, message)


def _without_timestamps(resolvers: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {
        first: [(tag, regex) for tag, regex in entries if tag != _TAG + "timestamp"]
        for first, entries in resolvers.items()
    }


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML is untyped
    """A SafeLoader that refuses, while composing, more than :data:`MAX_NODES` nodes or
    nesting deeper than :data:`MAX_DEPTH` (the composer recurses once per level), and that
    leaves dates as strings."""

    yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._composed = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        mark = self.peek_event().start_mark
        self._composed += 1
        if self._composed > MAX_NODES:
            raise _Fatal(_mark_problem(mark, f"the file has more than {MAX_NODES:,} nodes"))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Fatal(_mark_problem(mark, f"nested deeper than {MAX_DEPTH} levels"))
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


class _Reader:
    """Turns composed nodes into located values, expanding aliases, counting every node it
    visits (aliases again each time) and recording tag and key problems."""

    def __init__(self, loader: _Loader, problems: list[Problem]) -> None:
        self._loader = loader
        self._problems = problems
        self._visited = 0

    def read(self, node: Any, depth: int = 1) -> _Value:
        mark = node.start_mark
        self._visited += 1
        if self._visited > MAX_NODES:
            message = f"the file expands to more than {MAX_NODES:,} nodes (aliases count each use)"
            raise _Fatal(_mark_problem(mark, message))
        if depth > MAX_DEPTH:
            raise _Fatal(_mark_problem(mark, f"nested deeper than {MAX_DEPTH} levels"))
        line, column = mark.line + 1, mark.column + 1
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, line, column)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _TAG + "seq")
            return _Seq(tuple(self.read(item, depth + 1) for item in node.value), line, column)
        self._check_tag(node, _TAG + "map")
        entries: list[tuple[_Scalar, _Value]] = []
        first: dict[str, _Scalar] = {}
        for key_node, value_node in node.value:
            key = self.read(key_node, depth + 1)
            value = self.read(value_node, depth + 1)
            if key_node.tag == _TAG + "merge":
                continue  # reported by _scalar
            if not isinstance(key, _Scalar) or not isinstance(key.value, str):
                shown = key.text if isinstance(key, _Scalar) else "a collection"
                self._fail(key, f"key {shown} is not a string (quote it if it should be)")
            elif key.value in first:
                earlier = first[key.value]
                self._fail(key, f"duplicate key {key.value!r} (first at line {earlier.line})")
            else:
                first[key.value] = key
                entries.append((key, value))
        return _Map(tuple(entries), line, column)

    def _fail(self, at: _Value, message: str) -> None:
        self._problems.append(Problem("", at.line, at.column, message))

    def _check_tag(self, node: Any, expected: str) -> bool:
        if node.tag == expected or (node.tag in _SCALAR_TAGS and expected == "scalar"):
            return True
        mark = node.start_mark
        if node.tag == _TAG + "merge":
            message = "merge keys (<<) are not supported; repeat the keys instead"
        else:
            message = (
                f"tag {_short_tag(node.tag)!r} is not allowed here; only the standard tags "
                "!!str, !!int, !!float, !!bool, !!null, !!seq and !!map are"
            )
        self._problems.append(_mark_problem(mark, message))
        return False

    def _scalar(self, node: Any, line: int, column: int) -> _Scalar:
        text: str = node.value
        if not self._check_tag(node, "scalar"):
            return _Scalar(text, text, line, column)
        constructors: dict[str, Callable[[Any], Any]] = {
            _TAG + "null": self._loader.construct_yaml_null,
            _TAG + "bool": self._loader.construct_yaml_bool,
            _TAG + "int": self._loader.construct_yaml_int,
            _TAG + "float": self._loader.construct_yaml_float,
        }
        construct = constructors.get(node.tag)
        if construct is None:
            return _Scalar(text, text, line, column)
        try:
            if node.tag in (_TAG + "int", _TAG + "float") and len(text) > 64:
                raise ValueError(text)
            value = construct(node)
        except (ValueError, KeyError, OverflowError):
            self._problems.append(
                Problem("", line, column, f"{text[:40]!r} is not a valid {_short_tag(node.tag)}")
            )
            return _Scalar(text, text, line, column)
        return _Scalar(value, text, line, column)


# --- validation --------------------------------------------------------------------------

_E = TypeVar("_E", bound=enum.StrEnum)


def _key(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(node: _Value) -> str:
    if isinstance(node, _Map):
        return "a mapping"
    if isinstance(node, _Seq):
        return "a list"
    if node.value is None:
        return "null"
    if isinstance(node.value, bool):
        return "a boolean"
    if isinstance(node.value, int | float):
        return "a number"
    return f"the string {node.text[:40]!r}"


class _Checker:
    """Checks located values against the schema, recording every problem with its path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def fail(self, path: str, at: _Value, message: str) -> None:
        self.problems.append(Problem(path, at.line, at.column, message))

    def mapping(
        self, path: str, node: _Value, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> dict[str, tuple[_Scalar, _Value]]:
        """The entries of ``node`` with allowed keys; empty if ``node`` is no mapping."""
        if not isinstance(node, _Map):
            self.fail(path, node, f"expected a mapping, got {_describe(node)}")
            return {}
        found = {}
        for key, value in node.entries:
            name = str(key.value)
            if name in allowed:
                found[name] = (key, value)
                continue
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            listed = ", ".join(sorted(allowed))
            self.fail(_key(path, name), key, f"unknown key {name!r}{hint}; allowed: {listed}")
        for name in required:
            if name not in found:
                self.fail(path, node, f"missing required key {name!r}")
        return found

    def items(
        self, path: str, node: _Value, *, one_or_more: bool = False, max_items: int | None = None
    ) -> list[tuple[str, _Value]]:
        """The elements of a list with their paths; a lone value counts as a list of one
        when ``one_or_more``. An empty list is a problem."""
        if not isinstance(node, _Seq):
            if one_or_more and isinstance(node, _Scalar):
                return [(path, node)]
            self.fail(path, node, f"expected a list, got {_describe(node)}")
            return []
        if not node.items:
            self.fail(path, node, "must not be empty")
        if max_items is not None and len(node.items) > max_items:
            self.fail(path, node, f"at most {max_items} entries are allowed")
        return [(f"{path}[{index}]", item) for index, item in enumerate(node.items)]

    def string(self, path: str, node: _Value, pattern: re.Pattern[str] | None = None) -> str:
        if not isinstance(node, _Scalar) or not isinstance(node.value, str):
            self.fail(path, node, f"expected a string, got {_describe(node)}")
            return ""
        if pattern is not None and not pattern.fullmatch(node.value):
            self.fail(path, node, f"{node.value!r} does not match {pattern.pattern}")
        return node.value

    def strings(
        self,
        path: str,
        node: _Value,
        pattern: re.Pattern[str] | None = None,
        *,
        one_or_more: bool = False,
    ) -> tuple[str, ...]:
        return tuple(
            self.string(item_path, item, pattern)
            for item_path, item in self.items(path, node, one_or_more=one_or_more)
        )

    def integer(self, path: str, node: _Value, low: int, high: int) -> int:
        if not isinstance(node, _Scalar) or type(node.value) is not int:
            self.fail(path, node, f"expected an integer, got {_describe(node)}")
            return low
        if not low <= node.value <= high:
            self.fail(path, node, f"must be between {low} and {high}, got {node.value}")
        return node.value

    def scalar_text(self, path: str, node: _Value) -> str:
        """A string, number or boolean as a string: numbers as written, booleans
        ``true``/``false``."""
        if not isinstance(node, _Scalar) or node.value is None:
            self.fail(path, node, f"expected a string, number or boolean, got {_describe(node)}")
            return ""
        if isinstance(node.value, bool):
            return "true" if node.value else "false"
        return node.value if isinstance(node.value, str) else node.text

    def choices(self, path: str, node: _Value, kind: type[_E]) -> tuple[_E, ...]:
        values = []
        for item_path, item in self.items(path, node, one_or_more=True):
            text = self.string(item_path, item)
            try:
                values.append(kind(text))
            except ValueError:
                allowed = ", ".join(str(member) for member in kind)
                if text:
                    self.fail(item_path, item, f"unknown value {text!r}; allowed: {allowed}")
        return tuple(values)

    def globs(self, path: str, node: _Value, *, one_or_more: bool = False) -> tuple[str, ...]:
        globs = []
        for item_path, item in self.items(path, node, one_or_more=one_or_more):
            glob = self.string(item_path, item)
            try:
                _glob_regex(glob)
            except re.error as exc:
                self.fail(item_path, item, f"invalid glob {glob!r}: {exc}")
            if isinstance(item, _Scalar) and isinstance(item.value, str) and not glob:
                self.fail(item_path, item, "a glob must not be empty")
            globs.append(glob)
        return tuple(globs)

    def duration(self, path: str, node: _Value, low: int, high: int | None) -> int:
        if isinstance(node, _Scalar) and type(node.value) is int:
            seconds = node.value
        elif isinstance(node, _Scalar) and isinstance(node.value, str):
            try:
                seconds = parse_duration(node.value)
            except ValueError as exc:
                self.fail(path, node, str(exc))
                return low
        else:
            self.fail(path, node, f"expected seconds or a duration, got {_describe(node)}")
            return low
        if seconds < low or (high is not None and seconds > high):
            limit = f"between {low} s and {high} s" if high is not None else f"at least {low} s"
            self.fail(path, node, f"must be {limit}, got {seconds} s")
        return seconds

    def scalar_map(self, path: str, node: _Value) -> dict[str, str]:
        result: dict[str, str] = {}
        if not isinstance(node, _Map):
            self.fail(path, node, f"expected a mapping, got {_describe(node)}")
            return result
        for key, value in node.entries:
            name = self.string(_key(path, str(key.value)), key, _ENV_NAME_RE)
            result[name] = self.scalar_text(_key(path, name), value)
        return result


_TOP_KEYS = ("matrix", "steps", "variables", "workflow")
_STEP_KEYS = (
    "artifacts",
    "commands",
    "depends_on",
    "environment",
    "failure",
    "image",
    "retry",
    "secrets",
    "services",
    "timeout",
    "when",
)


def _matrix(check: _Checker, node: _Value) -> dict[str, tuple[str, ...]]:
    axes: dict[str, tuple[str, ...]] = {}
    if not isinstance(node, _Map):
        check.fail("matrix", node, f"expected a mapping, got {_describe(node)}")
        return axes
    if len(node.entries) > MAX_AXES:
        check.fail("matrix", node, f"at most {MAX_AXES} axes are allowed")
    for key, value in node.entries:
        path = _key("matrix", str(key.value))
        name = check.string(path, key, _ENV_NAME_RE)
        items = check.items(path, value)
        axes[name] = tuple(check.scalar_text(item_path, item) for item_path, item in items)
    combinations = 1
    for values in axes.values():
        combinations *= len(values)
    if combinations > MAX_COMBINATIONS:
        check.fail(
            "matrix", node, f"{combinations} combinations; at most {MAX_COMBINATIONS} allowed"
        )
    return axes


def _workflow(check: _Checker, node: _Value) -> Workflow:
    found = check.mapping("workflow", node, ("branches", "events"))
    events = (
        check.choices("workflow.events", found["events"][1], Event) if "events" in found else ()
    )
    branches = check.globs("workflow.branches", found["branches"][1]) if "branches" in found else ()
    return Workflow(events=events, branches=branches)


def _when(check: _Checker, path: str, node: _Value) -> When:
    found = check.mapping(path, node, ("branch", "event", "paths", "status", "tag"))
    when = When()
    if "branch" in found:
        when = attrs.evolve(
            when, branch=check.globs(f"{path}.branch", found["branch"][1], one_or_more=True)
        )
    if "tag" in found:
        when = attrs.evolve(when, tag=check.globs(f"{path}.tag", found["tag"][1], one_or_more=True))
    if "event" in found:
        when = attrs.evolve(when, event=check.choices(f"{path}.event", found["event"][1], Event))
    if "status" in found:
        status = check.choices(f"{path}.status", found["status"][1], Status)
        when = attrs.evolve(when, status=status)
    if "paths" in found:
        paths_path = f"{path}.paths"
        sub = check.mapping(paths_path, found["paths"][1], ("exclude", "include"))
        include = (
            check.globs(f"{paths_path}.include", sub["include"][1]) if "include" in sub else ()
        )
        exclude = (
            check.globs(f"{paths_path}.exclude", sub["exclude"][1]) if "exclude" in sub else ()
        )
        when = attrs.evolve(when, paths=PathFilter(include=include, exclude=exclude))
    return when


def _retry(check: _Checker, path: str, node: _Value) -> Retry:
    if isinstance(node, _Scalar):
        return Retry(count=check.integer(path, node, 0, MAX_RETRIES))
    found = check.mapping(path, node, ("count", "on_exit_codes"), required=("count",))
    count = (
        check.integer(f"{path}.count", found["count"][1], 0, MAX_RETRIES) if "count" in found else 0
    )
    codes: tuple[int, ...] = ()
    if "on_exit_codes" in found:
        codes_path = f"{path}.on_exit_codes"
        items = check.items(codes_path, found["on_exit_codes"][1])
        codes = tuple(check.integer(item_path, item, 1, 255) for item_path, item in items)
    return Retry(count=count, on_exit_codes=codes)


def _artifacts(check: _Checker, path: str, node: _Value) -> Artifacts:
    found = check.mapping(path, node, ("expire_in", "paths"), required=("paths",))
    globs: tuple[str, ...] = ()
    if "paths" in found:
        globs = check.globs(f"{path}.paths", found["paths"][1])
        for index, glob in enumerate(globs):
            item = found["paths"][1].items[index]  # type: ignore[union-attr]  # globs() saw a list
            if leaves_workspace(glob):
                message = "must be relative to the workspace, without '..'"
                check.fail(f"{path}.paths[{index}]", item, f"{glob!r} {message}")
    expire_in = None
    if "expire_in" in found:
        expire_in = check.duration(f"{path}.expire_in", found["expire_in"][1], 1, None)
    return Artifacts(paths=globs, expire_in=expire_in)


def _services(check: _Checker, path: str, node: _Value) -> tuple[Service, ...]:
    services: list[Service] = []
    for item_path, item in check.items(path, node):
        found = check.mapping(item_path, item, ("commands", "image", "name"), ("image", "name"))
        name = (
            check.string(f"{item_path}.name", found["name"][1], _NAME_RE) if "name" in found else ""
        )
        image = check.string(f"{item_path}.image", found["image"][1]) if "image" in found else ""
        commands = (
            check.strings(f"{item_path}.commands", found["commands"][1])
            if "commands" in found
            else ()
        )
        if name and any(service.name == name for service in services):
            check.fail(f"{item_path}.name", found["name"][1], f"duplicate service {name!r}")
        services.append(Service(name=name, image=image, commands=commands))
    return tuple(services)


def _step(
    check: _Checker, path: str, name: str, found: Mapping[str, tuple[_Scalar, _Value]], node: _Map
) -> tuple[Step, dict[str, _Value]]:
    """A step from its checked keys, and the nodes of its ``depends_on`` entries."""
    if "commands" not in found:
        check.fail(path, node, "missing required key 'commands'")

    def get(key: str) -> _Value | None:
        return found[key][1] if key in found else None

    step = Step(name=name, commands=())
    deps: dict[str, _Value] = {}
    if (value := get("commands")) is not None:
        step = attrs.evolve(step, commands=check.strings(f"{path}.commands", value))
    if (value := get("image")) is not None:
        image = check.string(f"{path}.image", value)
        if isinstance(value, _Scalar) and not image:
            check.fail(f"{path}.image", value, "must not be empty")
        step = attrs.evolve(step, image=image)
    if (value := get("environment")) is not None:
        step = attrs.evolve(step, environment=check.scalar_map(f"{path}.environment", value))
    if (value := get("secrets")) is not None:
        secrets = check.strings(f"{path}.secrets", value, _ENV_NAME_RE)
        for index, secret in enumerate(secrets):
            if secret and secret in step.environment:
                item = value.items[index]  # type: ignore[union-attr]  # strings() saw a list
                check.fail(f"{path}.secrets[{index}]", item, f"{secret!r} is also in environment")
        step = attrs.evolve(step, secrets=secrets)
    if (value := get("depends_on")) is not None:
        for item_path, item in check.items(f"{path}.depends_on", value):
            dep = check.string(item_path, item)
            if dep in deps:
                check.fail(item_path, item, f"{dep!r} is listed twice")
            deps.setdefault(dep, item)
        step = attrs.evolve(step, depends_on=tuple(deps))
    if (value := get("when")) is not None:
        step = attrs.evolve(step, when=_when(check, f"{path}.when", value))
    if (value := get("failure")) is not None:
        if not (isinstance(value, _Scalar) and value.value == "ignore"):
            check.fail(
                f"{path}.failure", value, f"the only value is 'ignore', got {_describe(value)}"
            )
        step = attrs.evolve(step, ignore_failure=True)
    if (value := get("timeout")) is not None:
        step = attrs.evolve(step, timeout=check.duration(f"{path}.timeout", value, 1, MAX_TIMEOUT))
    if (value := get("retry")) is not None:
        step = attrs.evolve(step, retry=_retry(check, f"{path}.retry", value))
    if (value := get("artifacts")) is not None:
        step = attrs.evolve(step, artifacts=_artifacts(check, f"{path}.artifacts", value))
    if (value := get("services")) is not None:
        step = attrs.evolve(step, services=_services(check, f"{path}.services", value))
    return step, deps


def _steps(check: _Checker, node: _Value) -> list[tuple[Step, str, dict[str, _Value]]]:
    """Every step with its path and the nodes of its ``depends_on`` entries."""
    located: list[tuple[str, str, _Value, _Value]] = []  # path, name, name node, step node
    if isinstance(node, _Seq):
        for index, item in enumerate(node.items):
            name_node = (
                next((v for k, v in item.entries if k.value == "name"), None)
                if isinstance(item, _Map)
                else None
            )
            name = name_node.value if isinstance(name_node, _Scalar) else None
            path = (
                f"steps.{name}"
                if isinstance(name, str) and _NAME_RE.fullmatch(name)
                else f"steps[{index}]"
            )
            if name_node is None:
                check.fail(path, item, "missing required key 'name'")
                continue
            located.append(
                (path, check.string(f"{path}.name", name_node, _NAME_RE), name_node, item)
            )
        count = len(node.items)
    elif isinstance(node, _Map):
        for key, item in node.entries:
            path = _key("steps", str(key.value))
            located.append((path, check.string(path, key, _NAME_RE), key, item))
        count = len(node.entries)
    else:
        check.fail("steps", node, f"expected a list or a mapping of steps, got {_describe(node)}")
        return []
    if count == 0:
        check.fail("steps", node, "at least one step is required")
    if count > MAX_STEPS:
        check.fail("steps", node, f"{count} steps; at most {MAX_STEPS} are allowed")
    steps: list[tuple[Step, str, dict[str, _Value]]] = []
    seen: dict[str, _Value] = {}
    for path, name, name_node, item in located:
        if name and name in seen:
            check.fail(
                path, name_node, f"duplicate step name {name!r} (first at line {seen[name].line})"
            )
        seen.setdefault(name, name_node)
        allowed = (*_STEP_KEYS, "name") if isinstance(node, _Seq) else _STEP_KEYS
        found = check.mapping(path, item, allowed)
        if isinstance(item, _Map):
            step, deps = _step(check, path, name, found, item)
            steps.append((step, path, deps))
    return steps


def _resolve_order(
    check: _Checker, steps: list[tuple[Step, str, dict[str, _Value]]]
) -> tuple[Step, ...]:
    """The steps with ``depends_on`` resolved, after checking every dependency exists and
    that they form no cycle."""
    names = {step.name for step, _, _ in steps}
    if not any(deps for _, _, deps in steps):
        chained = [
            attrs.evolve(step, depends_on=(steps[index - 1][0].name,)) if index else step
            for index, (step, _, _) in enumerate(steps)
        ]
        return tuple(chained)
    for step, path, deps in steps:
        for index, (dep, node) in enumerate(deps.items()):
            if dep == step.name:
                check.fail(f"{path}.depends_on[{index}]", node, "a step cannot depend on itself")
            elif dep and dep not in names:
                close = difflib.get_close_matches(dep, sorted(names), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                check.fail(f"{path}.depends_on[{index}]", node, f"unknown step {dep!r}{hint}")
    graph = {
        step.name: [dep for dep in step.depends_on if dep in names and dep != step.name]
        for step, _, _ in steps
    }
    where = {step.name: (path, deps) for step, path, deps in steps}
    # Iterative depth-first search (100 steps could exceed no limit, but stay uniform):
    # grey nodes are on the current path, so an edge to one closes a cycle.
    colour: dict[str, int] = {}
    for root in graph:
        if root in colour:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        colour[root] = 1
        while stack:
            name, index = stack[-1]
            if index == len(graph[name]):
                colour[name] = 2
                stack.pop()
                continue
            stack[-1] = (name, index + 1)
            dep = graph[name][index]
            if colour.get(dep) == 1:
                path_names = [entry for entry, _ in stack]
                cycle = [*path_names[path_names.index(dep) :], dep]
                step_path, deps = where[name]
                position = list(deps).index(dep)
                check.fail(
                    f"{step_path}.depends_on[{position}]",
                    deps[dep],
                    f"dependency cycle: {' -> '.join(cycle)}",
                )
            elif dep not in colour:
                colour[dep] = 1
                stack.append((dep, 0))
    return tuple(step for step, _, _ in steps)


def _compose(data: bytes) -> _Value | None:
    if len(data) > MAX_BYTES:
        raise _Fatal(
            Problem(
                "", None, None, f"the file is {len(data):,} bytes; at most {MAX_BYTES:,} allowed"
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Fatal(
            Problem("", None, None, f"the file is not UTF-8: invalid byte at offset {exc.start}")
        ) from None
    loader = None
    try:
        loader = _Loader(text)  # the reader refuses control characters here already
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise _Fatal(_mark_problem(mark, f"invalid YAML: {message or exc}")) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        message = f"invalid YAML: character U+{exc.character:04X} is not allowed"
        raise _Fatal(Problem("", line, column, message)) from None
    except yaml.YAMLError as exc:
        raise _Fatal(Problem("", None, None, f"invalid YAML: {exc}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None
    problems: list[Problem] = []
    value = _Reader(loader, problems).read(root)
    if problems:
        raise PipelineError(problems)
    return value


def parse_pipeline(data: bytes) -> Pipeline:
    """The pipeline in the ``.platformci.yml`` file ``data``, checked against the schema in
    this module's docstring.

    :raises PipelineError: the file is too large, not UTF-8, not YAML, uses a tag or key
        YAML allows but a pipeline does not, or breaks the schema; ``errors`` lists every
        problem found, with its key path, line and column.
    """
    try:
        root = _compose(data)
    except _Fatal as fatal:
        raise PipelineError([fatal.problem]) from None
    if root is None:
        raise PipelineError([Problem("", None, None, "the file is empty; 'steps' is required")])
    check = _Checker([])
    found = check.mapping("", root, _TOP_KEYS, required=("steps",))
    variables = check.scalar_map("variables", found["variables"][1]) if "variables" in found else {}
    matrix = _matrix(check, found["matrix"][1]) if "matrix" in found else {}
    workflow = _workflow(check, found["workflow"][1]) if "workflow" in found else Workflow()
    steps = _steps(check, found["steps"][1]) if "steps" in found else []
    resolved = _resolve_order(check, steps)
    if check.problems:
        raise PipelineError(sorted(check.problems, key=lambda p: (p.line or 0, p.column or 0)))
    return Pipeline(steps=resolved, variables=variables, matrix=matrix, workflow=workflow)
