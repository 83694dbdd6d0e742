"""LogQL trees (:mod:`.logql_parse`) compiled to DuckDB SQL over a project's logs files,
and run: the lines of a log query, the series of a metric query, label names and values,
series and index statistics.

Each query is one statement, run by :meth:`TelemetryQuery.select` over the hour
partitions the range overlaps; every value a query holds (label names, strings, patterns,
numbers) is a bound parameter. The pipeline is a chain of common table expressions, one
per stage; the filters before the first parser or formatter go into the scan, so DuckDB
can push them into the Parquet reader.

What a record's labels are follows Loki's own OTLP ingestion: the stream labels are
``service_name`` and the resource attributes, the record's attributes are structured
metadata, and so are ``trace_id``, ``span_id`` and ``detected_level`` (with ``level`` beside
it): the severity text lower-cased, else the severity number's name (trace, debug, info,
warn, error, fatal; ``unknown`` for neither). In a label name, ``.``, ``-``, ``/``, ``:``
and spaces become ``_`` (``k8s.namespace.name`` is ``k8s_namespace_name``). A label with
an empty value is no label. A stream label wins over metadata of the same name, and a
label a parser extracts that is already set is renamed ``<name>_extracted``, as in Loki.
:mod:`.logql_match` says the same in Python, for one record at a time.

Stream selectors' regular expressions are anchored at both ends as Loki anchors them, line
filters' are not. ``| json`` takes the body's top-level scalar fields (a body that is not
a JSON object gets ``__error__="JSONParserErr"``); a numeric label filter on a label that is
not a number does not match. A range aggregation at step ``t`` counts the records in
``(t - range, t]``; a series has no point at a step whose window holds none, as in Loki.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import attrs

from dais.errors import ValidationFailed

from .logql_parse import (
    LABEL_NAME,
    Compare,
    Grouping,
    Junction,
    LabelFilter,
    LineFilter,
    LogQuery,
    Matcher,
    Metric,
    Parse,
    RangeAggregation,
)
from .query import MAX_POINTS, SCAN, TS, from_ns
from .records import Signal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from .query import TelemetryQuery

__all__ = [
    "MAX_ENTRIES",
    "MAX_SERIES",
    "MAX_STEPS",
    "Series",
    "Stream",
    "compile_logs",
    "compile_samples",
    "evaluate",
    "label_names",
    "label_values",
    "select_logs",
    "series",
    "stats",
]

#: The most log lines one query returns (Loki's ``max_entries_limit_per_query`` default).
MAX_ENTRIES = 5000
#: The most steps of a range query (Loki's limit: 11,000 points per series).
MAX_STEPS = 11_000
#: The most series a metric query returns (Loki's ``max_query_series`` default).
MAX_SERIES = 500

_FIELD = "query"


@attrs.frozen
class Stream:
    """Log lines sharing one label set, as ``(nanoseconds, line)`` in the query's order."""

    labels: dict[str, str]
    values: list[tuple[int, str]]


@attrs.frozen
class Series:
    """A metric query's series: ``(nanoseconds, value)`` by time."""

    labels: dict[str, str]
    points: list[tuple[int, float]]


# --- compilation ---------------------------------------------------------------------------

# A label name as Loki's OTLP ingestion writes an attribute key.
_SANITIZE = "translate({}, '.-/: ', '_____')"
_LEVEL = (
    "coalesce(nullif(lower(severity_text), ''), CASE "
    "WHEN severity_number BETWEEN 1 AND 4 THEN 'trace' "
    "WHEN severity_number BETWEEN 5 AND 8 THEN 'debug' "
    "WHEN severity_number BETWEEN 9 AND 12 THEN 'info' "
    "WHEN severity_number BETWEEN 13 AND 16 THEN 'warn' "
    "WHEN severity_number BETWEEN 17 AND 20 THEN 'error' "
    "WHEN severity_number BETWEEN 21 AND 24 THEN 'fatal' ELSE 'unknown' END)"
)
_DERIVED = {
    "service_name": "nullif(service_name, '')",
    "level": _LEVEL,
    "detected_level": _LEVEL,
    "trace_id": "trace_id",
    "span_id": "span_id",
}
_COLUMNS = (
    "time, body, service_name, resource_attributes, attributes, severity_number, "
    "severity_text, trace_id, span_id"
)
_NON_EMPTY = "lambda e: e.value IS NOT NULL AND e.value <> ''"
_STREAM_ENTRIES = (
    "list_filter(list_concat([{'key': 'service_name', 'value': service_name}], "
    "list_transform(map_entries(coalesce(resource_attributes, MAP {})), "
    f"lambda e: {{'key': {_SANITIZE.format('e.key')}, 'value': e.value}})), {_NON_EMPTY})"
)
_META_ENTRIES = (
    "list_filter(list_concat(list_transform(map_entries(coalesce(attributes, MAP {})), "
    f"lambda e: {{'key': {_SANITIZE.format('e.key')}, 'value': e.value}}), "
    f"[{{'key': 'detected_level', 'value': {_LEVEL}}}, {{'key': 'level', 'value': {_LEVEL}}}, "
    "{'key': 'trace_id', 'value': trace_id}, {'key': 'span_id', 'value': span_id}]), "
    f"{_NON_EMPTY})"
)
# The entries of ``_e`` with the first of each key only (a map's keys must be unique).
_FIRST_OF_EACH = (
    "list_filter(_e, lambda e, i: list_position(list_transform(_e, lambda x: x.key), e.key) = i)"
)
_LOGFMT = r'([^\s="]+)=("(?:[^"\\]|\\.)*"|[^\s"]*)'


@attrs.frozen
class _Compiled:
    sql: str
    params: list[Any]
    patterns: list[tuple[str, str]]


class _Chain:
    """A query's pipeline as a chain of common table expressions, parameters in order."""

    def __init__(self) -> None:
        self.ctes: list[str] = []
        self.params: list[Any] = []
        self.patterns: list[tuple[str, str]] = []
        self.labelled = False  # whether the relation has its ``labels`` map yet
        self.last = ""

    def add(self, sql: str, params: Iterable[Any] = ()) -> None:
        name = f"s{len(self.ctes)}"
        self.ctes.append(f"{name} AS ({sql.replace('{prev}', self.last)})")
        self.params.extend(params)
        self.last = name

    def label(self, name: str) -> tuple[str, list[Any]]:
        """SQL for the value of label ``name`` (null if unset), and its parameters."""
        if self.labelled:
            return "labels[?]", [name]
        found = (
            "list_extract(list_transform(list_filter(map_entries({}), "
            f"lambda e: {_SANITIZE.format('e.key')} = ? AND e.value <> ''), "
            "lambda e: e.value), 1)"
        )
        if name == "service_name":
            return _DERIVED[name], []
        if "_" not in name:
            # Only the key itself becomes a name without "_": a map lookup finds it.
            found = "nullif({}[?], '')"
        parts = [found.format("resource_attributes"), found.format("attributes")]
        params: list[Any] = [name, name]
        if name in _DERIVED:
            parts.append(_DERIVED[name])
        return f"coalesce({', '.join(parts)})", params

    def with_labels(self) -> None:
        if self.labelled:
            return
        self.add(f"SELECT *, {_META_ENTRIES} AS _m, {_STREAM_ENTRIES} AS _s FROM {{prev}}")
        dedup = _FIRST_OF_EACH
        self.add(
            "SELECT * EXCLUDE (_m, _s), map_concat("
            f"map_from_entries(({dedup.replace('_e', '_m')})), "
            f"map_from_entries(({dedup.replace('_e', '_s')}))) AS labels FROM {{prev}}"
        )
        self.labelled = True

    def sql(self, tail: str) -> str:
        return f"WITH {', '.join(self.ctes)} {tail.replace('{prev}', self.last)}"


def _matcher_sql(chain: _Chain, matcher: Matcher) -> tuple[str, list[Any]]:
    value, params = chain.label(matcher.name)
    value = f"coalesce({value}, '')"
    if matcher.op in ("=~", "!~"):
        chain.patterns.append((f"@{matcher.at}", matcher.value))
        negate = "NOT " if matcher.op == "!~" else ""
        return f"{negate}regexp_full_match({value}, ?)", [*params, matcher.value]
    return f"{value} {'=' if matcher.op == '=' else '<>'} ?", [*params, matcher.value]


def _predicate_sql(chain: _Chain, predicate: Compare | Junction) -> tuple[str, list[Any]]:
    if isinstance(predicate, Junction):
        left, lp = _predicate_sql(chain, predicate.left)
        right, rp = _predicate_sql(chain, predicate.right)
        return f"({left} {predicate.op.upper()} {right})", [*lp, *rp]
    if isinstance(predicate.value, str):
        return _matcher_sql(
            chain, Matcher(predicate.name, predicate.op, predicate.value, predicate.at)
        )
    value, params = chain.label(predicate.name)
    op = {"==": "="}.get(predicate.op, predicate.op).replace("!=", "<>")
    return f"coalesce(try_cast({value} AS DOUBLE) {op} ?, false)", [*params, predicate.value]


def _line_filter_sql(chain: _Chain, line: LineFilter) -> tuple[str, list[Any]]:
    if line.op in ("|~", "!~"):
        chain.patterns.append((f"@{line.at}", line.value))
        negate = "NOT " if line.op == "!~" else ""
        return f"{negate}regexp_matches(coalesce(body, ''), ?)", [line.value]
    negate = "NOT " if line.op == "!=" else ""
    return f"{negate}contains(coalesce(body, ''), ?)", [line.value]


def _pipeline(query: LogQuery, start_ns: int, end_ns: int) -> _Chain:
    """The records of [start_ns, end_ns) through the query's selector and pipeline."""
    chain = _Chain()
    where = [f"time >= {TS}", f"time < {TS}"]
    params: list[Any] = [start_ns, end_ns]
    for matcher in query.matchers:
        sql, more = _matcher_sql(chain, matcher)
        where.append(sql)
        params.extend(more)
    stages = list(query.stages)
    # Filters before the first parser or formatter read the stored columns, in the scan.
    while stages:
        first = stages[0]
        if isinstance(first, LineFilter):
            sql, more = _line_filter_sql(chain, first)
        elif isinstance(first, LabelFilter):
            sql, more = _predicate_sql(chain, first.predicate)
        else:
            break
        stages.pop(0)
        where.append(sql)
        params.extend(more)
    chain.add(f"SELECT {_COLUMNS} FROM {SCAN} WHERE {' AND '.join(where)}", params)
    for stage in stages:
        if isinstance(stage, LineFilter):
            sql, more = _line_filter_sql(chain, stage)
            chain.add(f"SELECT * FROM {{prev}} WHERE {sql}", more)
        elif isinstance(stage, LabelFilter):
            sql, more = _predicate_sql(chain, stage.predicate)
            chain.add(f"SELECT * FROM {{prev}} WHERE {sql}", more)
        elif isinstance(stage, Parse):
            chain.with_labels()
            _parse_stage(chain, stage.kind)
        else:
            chain.with_labels()
            pieces, more = [], []
            for is_label, text in stage.parts:
                if is_label and text == "__line__":
                    pieces.append("coalesce(body, '')")
                elif is_label:
                    pieces.append("coalesce(labels[?], '')")
                    more.append(text)
                else:
                    pieces.append("?")
                    more.append(text)
            line = f"concat({', '.join(pieces)})" if pieces else "''"
            chain.add(f"SELECT * REPLACE ({line} AS body) FROM {{prev}}", more)
    return chain


def _parse_stage(chain: _Chain, kind: str) -> None:
    key = "regexp_replace({}, '[^A-Za-z0-9_]', '_', 'g')"
    renamed = "CASE WHEN map_contains(labels, {k}) THEN {k} || '_extracted' ELSE {k} END"
    if kind == "json":
        as_map = "try_cast(try_cast(body AS JSON) AS MAP(VARCHAR, JSON))"
        text = (
            "CASE WHEN json_type(e.value) = 'VARCHAR' THEN e.value->>'$' ELSE e.value::VARCHAR END"
        )
        k = key.format("e.key")
        entries = (
            f"CASE WHEN json_type(try_cast(body AS JSON)) = 'OBJECT' THEN list_filter("
            f"list_transform(list_filter(map_entries({as_map}), "
            "lambda e: json_type(e.value) NOT IN ('OBJECT', 'ARRAY', 'NULL')), "
            f"lambda e: {{'key': {renamed.format(k=k)}, 'value': {text}}}), {_NON_EMPTY}) END"
        )
        chain.add(f"SELECT *, {entries} AS _e FROM {{prev}}")
        parsed = (
            "CASE WHEN _e IS NULL THEN MAP {'__error__': 'JSONParserErr'} "
            f"ELSE map_from_entries({_FIRST_OF_EACH}) END"
        )
    else:
        chain.add(
            "SELECT *, regexp_extract_all(coalesce(body, ''), ?, 1) AS _k, "
            "regexp_extract_all(coalesce(body, ''), ?, 2) AS _v FROM {prev}",
            [_LOGFMT, _LOGFMT],
        )
        k = key.format("_k[i]")
        value = (
            "CASE WHEN starts_with(_v[i], '\"') "
            "THEN replace(replace(_v[i][2:-2], '\\\"', '\"'), '\\\\', '\\') ELSE _v[i] END"
        )
        chain.add(
            f"SELECT * EXCLUDE (_k, _v), list_filter(list_transform(range(1, len(_k) + 1), "
            f"lambda i: {{'key': {renamed.format(k=k)}, 'value': {value}}}), {_NON_EMPTY}) AS _e "
            "FROM {prev}"
        )
        parsed = f"map_from_entries({_FIRST_OF_EACH})"
    chain.add(
        f"SELECT * EXCLUDE (_e) REPLACE (map_concat(labels, {parsed}) AS labels) FROM {{prev}}"
    )


def compile_logs(
    query: LogQuery, *, start_ns: int, end_ns: int, limit: int, forward: bool = False
) -> _Compiled:
    """SQL for the query's lines in [start_ns, end_ns), the first ``limit`` in time order
    (newest first unless ``forward``): columns ``t`` (nanoseconds), ``line``, ``labels``."""
    chain = _pipeline(query, start_ns, end_ns)
    order = "ASC" if forward else "DESC"
    top = f"SELECT * FROM {{prev}} ORDER BY time {order}, body {order} LIMIT {int(limit)}"
    chain.add(top)
    chain.with_labels()
    sql = chain.sql(
        f"SELECT epoch_ns(time) AS t, body AS line, labels FROM {{prev}} ORDER BY time {order}, "
        f"body {order}"
    )
    return _Compiled(sql, chain.params, chain.patterns)


def compile_samples(
    aggregation: RangeAggregation,
    *,
    start_ns: int,
    end_ns: int,
    step_ns: int,
    by: tuple[str, ...] | None = None,
) -> _Compiled:
    """SQL for the range aggregation at steps ``start_ns + k * step_ns`` up to ``end_ns``:
    per series and run of steps ``lo..hi`` the records counted in each (``n``) and their
    bytes (``bytes``). With ``by``, series carry only those labels (a ``sum by`` pushed
    down, so the records are never grouped by their full label sets)."""
    range_ns = aggregation.range_ns
    steps = (end_ns - start_ns) // step_ns
    chain = _pipeline(aggregation.query, start_ns - range_ns + 1, end_ns + 1)
    series_params: list[Any] = []
    if by is None:
        chain.with_labels()
        series_sql = "labels"
    else:
        entries: list[str] = []
        for name in by:
            value, more = chain.label(name)
            entries.append(f"{{'key': ?, 'value': {value}}}")
            series_params.extend([name, *more])
        listed = (
            f"[{', '.join(entries)}]" if entries else "[]::STRUCT(key VARCHAR, value VARCHAR)[]"
        )
        series_sql = f"map_from_entries(list_filter({listed}, {_NON_EMPTY}))"
    chain.add(
        f"SELECT {series_sql} AS series, epoch_ns(time) - ? AS rel, "
        "strlen(coalesce(body, '')) AS bytes FROM {prev}",
        [*series_params, start_ns],
    )
    # rel > -range, so every dividend below is positive and // (which truncates) floors.
    ahead = -(-range_ns // step_ns)
    chain.add(
        "SELECT series, greatest((rel + ? + ?) // ? - ?, 0) AS lo, "
        "least((rel + ? - 1) // ?, ?) AS hi, bytes FROM {prev}",
        [step_ns - 1, ahead * step_ns, step_ns, ahead, range_ns, step_ns, steps],
    )
    sql = chain.sql(
        "SELECT series, lo, hi, count(*) AS n, sum(bytes)::BIGINT AS bytes FROM {prev} "
        f"WHERE lo <= hi GROUP BY ALL LIMIT {MAX_POINTS + 1}"
    )
    return _Compiled(sql, chain.params, chain.patterns)


# --- running -------------------------------------------------------------------------------


async def _select(
    telemetry: TelemetryQuery, project_id: int, start_ns: int, end_ns: int, compiled: _Compiled
) -> Any:
    """Run ``compiled`` over the logs files of [start_ns, end_ns); a bad pattern's error
    names its position in the query."""
    try:
        return await telemetry.select(
            Signal.LOGS,
            project_id,
            from_ns(start_ns),
            from_ns(end_ns) + timedelta(microseconds=1),
            compiled.sql,
            compiled.params,
            patterns=compiled.patterns,
        )
    except ValidationFailed as exc:
        if exc.field.startswith("@"):
            raise ValidationFailed(_FIELD, f"{exc.rule} at position {exc.field[1:]}") from None
        raise


async def select_logs(
    telemetry: TelemetryQuery,
    project_id: int,
    query: LogQuery,
    *,
    start_ns: int,
    end_ns: int,
    limit: int,
    forward: bool = False,
) -> list[Stream]:
    """The query's lines in [start_ns, end_ns), at most ``limit``, grouped into streams by
    their label sets (each in time order; streams in the order of their first line).

    :raises ValidationFailed: for a bad pattern, range or limit.
    """
    if not 1 <= limit <= MAX_ENTRIES:
        raise ValidationFailed("limit", f"from 1 to {MAX_ENTRIES} (max_entries_limit_per_query)")
    compiled = compile_logs(query, start_ns=start_ns, end_ns=end_ns, limit=limit, forward=forward)
    table = await _select(telemetry, project_id, start_ns, end_ns, compiled)
    streams: dict[tuple[tuple[str, str], ...], Stream] = {}
    if table is None:
        return []
    for t, line, labels in zip(
        table.column("t").to_pylist(),
        table.column("line").to_pylist(),
        table.column("labels").to_pylist(),
        strict=True,
    ):
        key = tuple(sorted(labels or ()))
        stream = streams.get(key)
        if stream is None:
            stream = streams[key] = Stream(dict(key), [])
        stream.values.append((t, line or ""))
    return list(streams.values())


async def evaluate(
    telemetry: TelemetryQuery,
    project_id: int,
    metric: Metric,
    *,
    start_ns: int,
    end_ns: int,
    step_ns: int,
) -> list[Series]:
    """The metric query at each step from ``start_ns`` to ``end_ns`` (one step for an
    instant query: ``start_ns == end_ns``), its series sorted by labels.

    :raises ValidationFailed: past :data:`MAX_STEPS` steps, :data:`MAX_SERIES` series or
        :data:`~.query.MAX_POINTS` points, and for a bad pattern or range.
    """
    if step_ns <= 0:
        raise ValidationFailed("step", "a positive duration")
    if end_ns < start_ns:
        raise ValidationFailed("end", "not before start")
    steps = (end_ns - start_ns) // step_ns + 1
    if steps > MAX_STEPS:
        raise ValidationFailed(
            "step",
            f"exceeded maximum resolution of {MAX_STEPS} points per timeseries: try a larger step",
        )
    series = await _evaluate(telemetry, project_id, metric, start_ns, end_ns, step_ns)
    if len(series) > MAX_SERIES:
        raise ValidationFailed(
            _FIELD, f"maximum of series ({MAX_SERIES}) reached for a single query"
        )
    return [
        Series(dict(key), [(start_ns + k * step_ns, v) for k, v in sorted(points.items())])
        for key, points in sorted(series.items())
    ]


_Points = dict[tuple[tuple[str, str], ...], dict[int, float]]


async def _evaluate(
    telemetry: TelemetryQuery,
    project_id: int,
    metric: Metric,
    start_ns: int,
    end_ns: int,
    step_ns: int,
) -> _Points:
    if isinstance(metric, RangeAggregation):
        return await _range(telemetry, project_id, metric, start_ns, end_ns, step_ns, None)
    inner = metric.inner
    grouping = metric.grouping
    if (
        metric.op == "sum"
        and isinstance(inner, RangeAggregation)
        and not (grouping is not None and grouping.without)
    ):
        # Summing counts per group is counting per group: group the records at once.
        labels = () if grouping is None else grouping.labels
        return await _range(telemetry, project_id, inner, start_ns, end_ns, step_ns, labels)
    points = await _evaluate(telemetry, project_id, inner, start_ns, end_ns, step_ns)
    return _aggregate(metric.op, grouping, points)


def _aggregate(op: str, grouping: Grouping | None, points: _Points) -> _Points:
    groups: dict[tuple[tuple[str, str], ...], dict[int, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for key, values in points.items():
        if grouping is None:
            group: tuple[tuple[str, str], ...] = ()
        elif grouping.without:
            group = tuple((k, v) for k, v in key if k not in grouping.labels)
        else:
            group = tuple((k, v) for k, v in key if k in grouping.labels)
        for step, value in values.items():
            groups[group][step].append(value)
    combines: dict[str, Callable[[list[float]], float]] = {
        "sum": math.fsum,
        "avg": lambda vs: math.fsum(vs) / len(vs),
        "min": min,
        "max": max,
        "count": lambda vs: float(len(vs)),
    }
    combine = combines[op]
    return {
        group: {step: combine(values) for step, values in steps.items()}
        for group, steps in groups.items()
    }


async def _range(
    telemetry: TelemetryQuery,
    project_id: int,
    aggregation: RangeAggregation,
    start_ns: int,
    end_ns: int,
    step_ns: int,
    by: tuple[str, ...] | None,
) -> _Points:
    compiled = compile_samples(
        aggregation, start_ns=start_ns, end_ns=end_ns, step_ns=step_ns, by=by
    )
    table = await _select(
        telemetry, project_id, start_ns - aggregation.range_ns + 1, end_ns + 1, compiled
    )
    if table is None:
        return {}
    if table.num_rows > MAX_POINTS:
        raise ValidationFailed(_FIELD, "too many samples: narrow the time range or the selector")
    # Each row adds its counts to a run of steps: difference arrays, then running sums.
    changes: dict[tuple[tuple[str, str], ...], dict[int, list[int]]] = defaultdict(dict)
    for labels, lo, hi, n, size in zip(
        *(table.column(c).to_pylist() for c in ("series", "lo", "hi", "n", "bytes")), strict=True
    ):
        at = changes[tuple(sorted(labels or ()))]
        for step, sign in ((lo, 1), (hi + 1, -1)):
            change = at.setdefault(step, [0, 0])
            change[0] += sign * n
            change[1] += sign * size
    seconds = aggregation.range_ns / 1e9
    value: Callable[[int, int], float] = {
        "count_over_time": lambda n, b: float(n),
        "rate": lambda n, b: n / seconds,
        "bytes_over_time": lambda n, b: float(b),
        "bytes_rate": lambda n, b: b / seconds,
    }[aggregation.function]
    result: _Points = {}
    total = 0
    for key, at in changes.items():
        points: dict[int, float] = {}
        n = size = 0
        marks = sorted(at)
        for here, following in zip(marks, marks[1:], strict=False):
            n += at[here][0]
            size += at[here][1]
            if n > 0:
                for step in range(here, following):
                    points[step] = value(n, size)
        total += len(points)
        if total > MAX_POINTS:
            raise ValidationFailed("step", "too many points: try a larger step or a narrower range")
        if points:
            result[key] = points
    return result


# --- labels and series ---------------------------------------------------------------------


async def label_names(
    telemetry: TelemetryQuery,
    project_id: int,
    *,
    start_ns: int,
    end_ns: int,
    query: LogQuery | None = None,
) -> list[str]:
    """The stream label names of the records in [start_ns, end_ns) (of ``query``'s)."""
    chain = _scope(query, start_ns, end_ns)
    sql = chain.sql(
        "SELECT DISTINCT name FROM (SELECT unnest(list_transform(list_filter("
        f"{_STREAM_ENTRIES}, lambda e: e.value IS NOT NULL), lambda e: e.key)) AS name "
        "FROM {prev}) ORDER BY name LIMIT 10000"
    )
    table = await _select(
        telemetry, project_id, start_ns, end_ns, _Compiled(sql, chain.params, chain.patterns)
    )
    return [] if table is None else [str(n) for n in table.column("name").to_pylist()]


async def label_values(
    telemetry: TelemetryQuery,
    project_id: int,
    name: str,
    *,
    start_ns: int,
    end_ns: int,
    query: LogQuery | None = None,
) -> list[str]:
    """The values label ``name`` takes on the records in [start_ns, end_ns)."""
    if not LABEL_NAME.fullmatch(name):
        raise ValidationFailed("name", "a label name ([A-Za-z_][A-Za-z0-9_]*)")
    chain = _scope(query, start_ns, end_ns)
    value, params = chain.label(name)
    sql = chain.sql(
        f"SELECT DISTINCT {value} AS value FROM {{prev}} WHERE {value} IS NOT NULL "
        "ORDER BY value LIMIT 10000"
    )
    compiled = _Compiled(sql, [*chain.params, *params, *params], chain.patterns)
    table = await _select(telemetry, project_id, start_ns, end_ns, compiled)
    return [] if table is None else [str(v) for v in table.column("value").to_pylist()]


async def series(
    telemetry: TelemetryQuery,
    project_id: int,
    queries: Sequence[LogQuery],
    *,
    start_ns: int,
    end_ns: int,
) -> list[dict[str, str]]:
    """The distinct stream label sets of the records any of ``queries`` selects."""
    found: set[tuple[tuple[str, str], ...]] = set()
    for query in queries:
        chain = _scope(query, start_ns, end_ns)
        dedup = _FIRST_OF_EACH.replace("_e", "_s")
        chain.add(f"SELECT {_STREAM_ENTRIES} AS _s FROM {{prev}}")
        sql = chain.sql(
            f"SELECT DISTINCT map_from_entries(({dedup})) AS stream FROM {{prev}} "
            f"LIMIT {MAX_ENTRIES + 1}"
        )
        table = await _select(
            telemetry, project_id, start_ns, end_ns, _Compiled(sql, chain.params, chain.patterns)
        )
        if table is not None:
            found.update(tuple(sorted(s)) for s in table.column("stream").to_pylist())
        if len(found) > MAX_ENTRIES:
            raise ValidationFailed("match[]", f"more than {MAX_ENTRIES} series: narrow it")
    return [dict(key) for key in sorted(found)]


async def stats(
    telemetry: TelemetryQuery, project_id: int, query: LogQuery, *, start_ns: int, end_ns: int
) -> dict[str, int]:
    """Loki's index statistics of the query's records: streams, chunks (here: files with
    any), entries and bytes."""
    chain = _pipeline(query, start_ns, end_ns)
    dedup = _FIRST_OF_EACH.replace("_e", "_s")
    chain.add(f"SELECT {_STREAM_ENTRIES} AS _s, body FROM {{prev}}")
    sql = chain.sql(
        f"SELECT count(DISTINCT map_from_entries(({dedup}))) AS streams, count(*) AS entries, "
        "coalesce(sum(strlen(coalesce(body, ''))), 0)::BIGINT AS bytes FROM {prev}"
    )
    compiled = _Compiled(sql, chain.params, chain.patterns)
    table = await _select(telemetry, project_id, start_ns, end_ns, compiled)
    if table is None:
        return {"streams": 0, "chunks": 0, "entries": 0, "bytes": 0}
    streams, entries, size = (table.column(c)[0].as_py() for c in ("streams", "entries", "bytes"))
    return {"streams": streams, "chunks": streams, "entries": entries, "bytes": size}


def _scope(query: LogQuery | None, start_ns: int, end_ns: int) -> _Chain:
    if query is not None:
        return _pipeline(query, start_ns, end_ns)
    chain = _Chain()
    chain.add(
        f"SELECT {_COLUMNS} FROM {SCAN} WHERE time >= {TS} AND time < {TS}", [start_ns, end_ns]
    )
    return chain
