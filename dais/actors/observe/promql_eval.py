"""PromQL evaluation over a series source: every node evaluated at every step at once.

A query runs in two phases. First, on the event loop: each regular expression is compiled
(a bad one is the caller's error, naming its position), and each selector reads the
samples every step needs, once: (t - lookback, t] for an instant selector, (t - range, t]
for a range, shifted by ``offset`` or pinned by ``@``, over all steps; every read counts
against one budget of :data:`~.query.MAX_POINTS` samples. Then, in a worker thread (pure
Python: CPU work must not hold the event loop), the tree is evaluated bottom-up, each node
yielding a scalar per step or, for a vector, a row per series holding a value or None per
step; at most :data:`MAX_CELLS` cells live in one node's result, and a cancelled query stops
at the next series.

Semantics follow Prometheus 3: windows are left-open and right-closed; ``rate``,
``increase`` and ``delta`` extrapolate as ``extrapolatedRate`` does (to the window's edges
when the first and last samples lie within 1.1 average intervals of them, else by half an
interval, and for counters never below zero), counter resets add the value before the
reset, ``histogram_quantile`` interpolates linearly within the bucket and forces bucket
counts monotonic, comparisons filter unless ``bool``, arithmetic, ``bool`` comparisons and
functions drop the metric name, and vector matching is one-to-one (``on``/``ignoring``;
``group_left``/``group_right`` are refused when parsed). Where this differs: sample times
keep the nanoseconds OTLP sent (Prometheus keeps milliseconds), which moves extrapolated
results in their last digits; Prometheus 3's use of start timestamps in ``rate`` is not
done; and for a series accumulated from delta points (see :mod:`.promql_series`) the
counter's zero point is not used to stop extrapolation, as its level counts from the read.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeAlias

import anyio.to_thread
import attrs

from dais.errors import ValidationFailed

from . import promql_functions as functions
from .promql_parse import (
    Aggregation,
    Binary,
    Call,
    Expr,
    Matcher,
    MatrixSelector,
    NumberLiteral,
    Unary,
    VectorSelector,
    parse,
    selectors,
)
from .promql_series import Labels, RawSeries, StoreSource
from .query import MAX_POINTS, MAX_RANGE, TelemetryQuery, to_ns

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "LOOKBACK",
    "MAX_CELLS",
    "MAX_STEPS",
    "Engine",
    "Sample",
    "Series",
    "Source",
    "evaluate",
    "evaluate_instant",
    "evaluate_range",
    "metadata",
    "series_labels",
]

#: How far back an instant selector looks for a series' latest sample.
LOOKBACK = timedelta(minutes=5)
#: The most steps one range query may evaluate (Prometheus's own limit).
MAX_STEPS = 11_000
#: The most values (series x steps) one intermediate result may hold.
MAX_CELLS = 2_000_000

_LOOKBACK_NS = LOOKBACK // timedelta(microseconds=1) * 1000
_LATEST_NS = 2**63 - 1  # the last instant a Parquet timestamp holds (2262-04-11)
_NAME = "__name__"


@attrs.frozen
class Sample:
    """An element of an instant vector."""

    labels: Mapping[str, str]
    value: float


@attrs.frozen
class Series:
    """A series of a range result: (unix seconds, value) points by time."""

    labels: Mapping[str, str]
    points: list[tuple[float, float]]


class Source(Protocol):
    """Where selectors read their series (:class:`~.promql_series.StoreSource`)."""

    async def check_pattern(self, matcher: Matcher) -> None: ...

    async def points(
        self, selector: VectorSelector, lo_ns: int, hi_ns: int, budget: int
    ) -> list[RawSeries]: ...


Row: TypeAlias = list[float | None]


@attrs.define
class _Vector:
    """An instant vector at every step: a row of values (None: absent) per label set."""

    labels: list[Labels]
    rows: list[Row]


Value: TypeAlias = "_Vector | list[float] | list[RawSeries]"


class _Cancelled(Exception):
    """The query was abandoned (timed out or cancelled) while evaluating."""


# --- public API -----------------------------------------------------------------------------


class Engine:
    """Evaluates expressions over the series one source holds."""

    def __init__(self, source: Source) -> None:
        self._source = source

    async def instant(self, expr: str | Expr, at: datetime) -> list[Sample] | float | list[Series]:
        """``expr`` at ``at``: its samples, its scalar, or (for a range selector) the
        samples of each series in the range.

        :raises ValidationFailed: see :func:`evaluate_instant`.
        """
        tree = parse(expr) if isinstance(expr, str) else expr
        t = to_ns(at)
        value = await _run(self._source, tree, [t], t, t)
        if isinstance(value, _Vector):
            samples = (
                Sample(dict(labels), row[0])
                for labels, row in sorted(zip(value.labels, value.rows, strict=True), key=_first)
                if row[0] is not None
            )
            return list(samples)
        if isinstance(tree, MatrixSelector):
            return [
                Series(
                    dict(s.labels), [(t / 1e9, v) for t, v in zip(s.times, s.values, strict=True)]
                )
                for s in sorted(_raw(value), key=_labels_of)
            ]
        return _scalar(value)[0]

    async def range(
        self, expr: str | Expr, start: datetime, end: datetime, step: timedelta
    ) -> list[Series] | list[tuple[float, float]]:
        """``expr`` at start, start + step, ... up to end: a series per label set with its
        points where it has a value, or a scalar's points.

        :raises ValidationFailed: see :func:`evaluate_range`.
        """
        tree = parse(expr) if isinstance(expr, str) else expr
        if isinstance(tree, MatrixSelector):
            raise ValidationFailed(
                "query",
                "a range vector is not a range query result: apply a function such as rate()",
            )
        step_ns = step // timedelta(microseconds=1) * 1000
        start_ns, end_ns = to_ns(start), to_ns(end)
        if step_ns <= 0:
            raise ValidationFailed("step", "a duration longer than zero")
        if end_ns < start_ns:
            raise ValidationFailed("end", "not before start")
        if (end_ns - start_ns) // step_ns + 1 > MAX_STEPS:
            raise ValidationFailed(
                "step",
                f"more than {MAX_STEPS} points per series: a longer step or a shorter range",
            )
        steps = list(range(start_ns, end_ns + 1, step_ns))
        value = await _run(self._source, tree, steps, start_ns, end_ns)
        if isinstance(value, _Vector):
            return [
                Series(
                    dict(labels),
                    [(t / 1e9, v) for t, v in zip(steps, row, strict=True) if v is not None],
                )
                for labels, row in sorted(zip(value.labels, value.rows, strict=True), key=_first)
            ]
        return [(t / 1e9, v) for t, v in zip(steps, _scalar(value), strict=True)]


async def evaluate_instant(
    query: TelemetryQuery,
    project_id: int,
    expr: str | Expr,
    at: datetime,
    *,
    reads: dict[Hashable, pa.Table | None] | None = None,
) -> list[Sample] | float:
    """``expr`` over a project's metrics at the instant ``at``: its samples (sorted by
    labels), or its scalar. Evaluations at one instant may share ``reads`` (a dict, empty
    at first): a store read one of them made is not made again.

    :raises ValidationFailed: on ``query`` for an expression that does not parse or cannot
        run as written (a range selector, a bad regular expression, more than 31 days read);
        on ``execution`` when the data makes it fail (too many samples, duplicate series).
    """
    tree = parse(expr) if isinstance(expr, str) else expr
    if isinstance(tree, MatrixSelector):
        raise ValidationFailed("query", "a range vector is not an instant result: apply a function")
    result = await Engine(StoreSource(query, project_id, reads)).instant(tree, at)
    if isinstance(result, float):
        return result
    return [s for s in result if isinstance(s, Sample)]


async def evaluate(
    query: TelemetryQuery, project_id: int, expr: str | Expr, at: datetime
) -> list[Sample] | float | list[Series]:
    """Like :func:`evaluate_instant`, but a range selector's samples are an answer too (as
    the Prometheus API's instant queries allow)."""
    return await Engine(StoreSource(query, project_id)).instant(expr, at)


async def evaluate_range(
    query: TelemetryQuery,
    project_id: int,
    expr: str | Expr,
    start: datetime,
    end: datetime,
    step: timedelta,
) -> list[Series] | list[tuple[float, float]]:
    """``expr`` over a project's metrics at start, start + step, ... up to end.

    :raises ValidationFailed: as :func:`evaluate_instant`; on ``step`` for a step that is
        not positive or makes more than :data:`MAX_STEPS` points; on ``end`` before start.
    """
    return await Engine(StoreSource(query, project_id)).range(expr, start, end, step)


async def series_labels(
    query: TelemetryQuery,
    project_id: int,
    matches: Sequence[str],
    start: datetime,
    end: datetime,
) -> list[dict[str, str]]:
    """The label sets of the series with a sample in [start, end] that any of the
    ``matches`` selectors names (every series when there are none), sorted.

    :raises ValidationFailed: on ``match[]`` for a text that is not one selector.
    """
    source = StoreSource(query, project_id)
    found: set[Labels] = set()
    lo, hi = to_ns(start) - 1, min(to_ns(end), _LATEST_NS)
    wanted: list[VectorSelector | None] = []
    for text in matches:
        try:
            tree = parse(text)
        except ValidationFailed as exc:
            raise ValidationFailed("match[]", exc.rule) from None
        if not isinstance(tree, VectorSelector):
            raise ValidationFailed("match[]", f"{text[:80]!r} is not a series selector")
        for m in tree.matchers:
            if m.op in ("=~", "!~"):
                await source.check_pattern(m)
        wanted.append(tree)
    for selector in wanted or [None]:
        found.update(await source.labels(selector, lo, hi))
    return [dict(labels) for labels in sorted(found)]


async def metadata(
    query: TelemetryQuery, project_id: int, start: datetime, end: datetime
) -> list[tuple[str, str, str, str]]:
    """(name, type, help, unit) of each metric with a sample in [start, end], by name; the
    type is Prometheus's (``counter``, ``gauge``, ``histogram``, ``summary``)."""
    source = StoreSource(query, project_id)
    return await source.metadata(to_ns(start) - 1, min(to_ns(end), _LATEST_NS))


# --- reading, then evaluating ---------------------------------------------------------------


async def _run(source: Source, tree: Expr, steps: list[int], start_ns: int, end_ns: int) -> Value:
    for m in {m for s in selectors(tree) for m in s.matchers if m.op in ("=~", "!~")}:
        await source.check_pattern(m)
    data: dict[tuple[VectorSelector, int], list[RawSeries]] = {}
    budget = MAX_POINTS
    for selector, width in _reads(tree):
        if (selector, width) in data:
            continue
        times = _times(selector, steps, start_ns, end_ns)
        lo, hi = min(times) - width, max(times)
        if hi - lo > MAX_RANGE // timedelta(microseconds=1) * 1000:
            raise ValidationFailed(
                "query",
                f"at position {selector.pos}: the selector reads more than {MAX_RANGE.days} days "
                "(the query's range, plus its own range or the 5m lookback, and offset)",
            )
        lo, hi = max(lo, -1), min(hi, _LATEST_NS)
        series = [] if hi <= lo else await source.points(selector, lo, hi, budget)
        budget -= sum(len(s.times) for s in series)
        data[(selector, width)] = series
    cancelled = threading.Event()
    evaluator = _Evaluator(steps, start_ns, end_ns, data, cancelled)
    try:
        return await anyio.to_thread.run_sync(partial(evaluator.run, tree), abandon_on_cancel=True)
    finally:
        cancelled.set()  # an abandoned evaluation stops at its next check


def _reads(tree: Expr) -> list[tuple[VectorSelector, int]]:
    """Each selector of ``tree`` and how far back it reads from its evaluation time."""
    found: list[tuple[VectorSelector, int]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        match node:
            case VectorSelector():
                found.append((node, _LOOKBACK_NS))
            case MatrixSelector():
                found.append((node.selector, node.range_ns))
            case Call():
                stack.extend(node.args)
            case Aggregation():
                stack.extend([node.expr] if node.param is None else [node.param, node.expr])
            case Binary():
                stack.extend([node.lhs, node.rhs])
            case Unary():
                stack.append(node.expr)
    return found


def _times(selector: VectorSelector, steps: list[int], start_ns: int, end_ns: int) -> list[int]:
    """The time a selector is evaluated at, per step: the step's (or ``@``'s) less offset."""
    at = selector.at
    if at is None:
        return [t - selector.offset_ns for t in steps]
    if at == "start":
        pinned = start_ns
    elif at == "end":
        pinned = end_ns
    else:
        assert isinstance(at, float)
        if not 0 <= at <= _LATEST_NS / 1e9:
            raise ValidationFailed(
                "query", f"at position {selector.pos}: @ takes a unix time from 1970 to 2262"
            )
        pinned = round(at * 1000) * 10**6
    return [pinned - selector.offset_ns] * len(steps)


class _Evaluator:
    def __init__(
        self,
        steps: list[int],
        start_ns: int,
        end_ns: int,
        data: Mapping[tuple[VectorSelector, int], list[RawSeries]],
        cancelled: threading.Event,
    ) -> None:
        self._steps = steps
        self._start = start_ns
        self._end = end_ns
        self._data = data
        self._cancelled = cancelled

    def run(self, tree: Expr) -> Value:
        if isinstance(tree, MatrixSelector):  # an instant query's range: the raw samples
            return self._matrix(tree)
        return self._eval(tree)

    def _check(self) -> None:
        if self._cancelled.is_set():
            raise _Cancelled

    def _vector(self, labels: list[Labels], rows: list[Row]) -> _Vector:
        """A result, its rows without a value dropped."""
        kept = [i for i, row in enumerate(rows) if any(v is not None for v in row)]
        if len(kept) < len(rows):
            labels, rows = [labels[i] for i in kept], [rows[i] for i in kept]
        if len(rows) * len(self._steps) > MAX_CELLS:
            raise ValidationFailed(
                "execution",
                f"more than {MAX_CELLS} values (series x steps) in one result: "
                "narrow the selectors, aggregate, or make the step longer",
            )
        return _Vector(labels, rows)

    def _eval(self, expr: Expr) -> _Vector | list[float]:
        match expr:
            case NumberLiteral():
                return [expr.value] * len(self._steps)
            case VectorSelector():
                return self._instant(expr)
            case Call():
                return self._call(expr)
            case Aggregation():
                return self._aggregate(expr)
            case Binary():
                return self._binary(expr)
            case Unary():
                operand = self._eval(expr.expr)
                if isinstance(operand, list):
                    return [-v for v in operand]
                rows = [[None if v is None else -v for v in row] for row in operand.rows]
                return self._unique([_without_name(lb) for lb in operand.labels], rows)
        raise AssertionError(f"cannot evaluate {expr!r}")  # strings and ranges: type-checked

    def _scalar(self, expr: Expr) -> list[float]:
        value = self._eval(expr)
        assert isinstance(value, list)
        return value

    def _instant_vector(self, expr: Expr) -> _Vector:
        value = self._eval(expr)
        assert isinstance(value, _Vector)
        return value

    # --- selectors ----------------------------------------------------------------------

    def _instant(self, selector: VectorSelector) -> _Vector:
        times = _times(selector, self._steps, self._start, self._end)
        labels, rows = [], []
        for series in self._data[(selector, _LOOKBACK_NS)]:
            self._check()
            ts, vs = series.times, series.values
            row: Row = []
            for t in times:
                i = bisect_right(ts, t) - 1
                row.append(vs[i] if i >= 0 and ts[i] > t - _LOOKBACK_NS else None)
            if any(v is not None for v in row):
                labels.append(series.labels)
                rows.append(row)
        return self._vector(labels, rows)

    def _matrix(self, matrix: MatrixSelector) -> list[RawSeries]:
        (t,) = _times(matrix.selector, self._steps, self._start, self._end)
        out = []
        for series in self._data[(matrix.selector, matrix.range_ns)]:
            lo, hi = bisect_right(series.times, t - matrix.range_ns), bisect_right(series.times, t)
            if hi > lo:
                out.append(
                    attrs.evolve(series, times=series.times[lo:hi], values=series.values[lo:hi])
                )
        return out

    def _windows(
        self,
        matrix: MatrixSelector,
        function: Callable[[RawSeries], Callable[[int, int, int], float | None]],
        keep_name: bool = False,
    ) -> _Vector:
        """A range function: ``function(series)`` gives the value of a window (the indices
        [lo, hi) of its samples, and the window's end) or None."""
        times = _times(matrix.selector, self._steps, self._start, self._end)
        width = matrix.range_ns
        labels, rows = [], []
        for series in self._data[(matrix.selector, width)]:
            self._check()
            ts = series.times
            window = function(series)
            row: Row = []
            for t in times:
                lo, hi = bisect_right(ts, t - width), bisect_right(ts, t)
                row.append(window(lo, hi, t) if hi > lo else None)
            if any(v is not None for v in row):
                labels.append(series.labels if keep_name else _without_name(series.labels))
                rows.append(row)
        return self._unique(labels, rows)

    # --- functions ----------------------------------------------------------------------

    def _call(self, call: Call) -> _Vector | list[float]:
        name, args = call.function, call.args
        if name in functions.RANGE_FUNCTIONS:
            matrix = args[0]
            assert isinstance(matrix, MatrixSelector)
            factory = functions.RANGE_FUNCTIONS[name]
            return self._windows(
                matrix, partial(factory, matrix.range_ns), keep_name=name == "last_over_time"
            )
        if name == "time":
            return [t / 1e9 for t in self._steps]
        if name == "vector":
            return self._vector([()], [list(self._scalar(args[0]))])
        if name == "histogram_quantile":
            return self._histogram_quantile(self._scalar(args[0]), self._instant_vector(args[1]))
        vector = self._instant_vector(args[0])
        if name == "scalar":  # the value of a one-element vector, else NaN
            out: list[float] = []
            for k in range(len(self._steps)):
                present = [v for row in vector.rows if (v := row[k]) is not None]
                out.append(present[0] if len(present) == 1 else math.nan)
            return out
        if name == "absent":
            return self._absent(args[0], vector)
        params = [self._scalar(arg) for arg in args[1:]]
        if name == "round" and not params:
            params = [[1.0] * len(self._steps)]
        if name == "clamp":
            low, high = params
            rows = [
                [
                    functions.clamp(v, low[k], high[k]) if v is not None else None
                    for k, v in enumerate(row)
                ]
                for row in vector.rows
            ]
        elif name in ("clamp_min", "clamp_max", "round"):
            (param,) = params
            apply = {
                "clamp_min": functions.clamp_min,
                "clamp_max": functions.clamp_max,
                "round": functions.round_to,
            }[name]
            rows = [
                [None if v is None else apply(v, param[k]) for k, v in enumerate(row)]
                for row in vector.rows
            ]
        else:
            apply1 = functions.ELEMENTWISE[name]
            rows = [[None if v is None else apply1(v) for v in row] for row in vector.rows]
        return self._unique([_without_name(lb) for lb in vector.labels], rows)

    def _absent(self, arg: Expr, vector: _Vector) -> _Vector:
        row: Row = [
            1.0 if all(r[k] is None for r in vector.rows) else None for k in range(len(self._steps))
        ]
        labels: dict[str, str] = {}
        if isinstance(arg, VectorSelector):
            equal = [m for m in arg.matchers if m.op == "=" and m.name != _NAME]
            for m in equal:
                if sum(1 for o in equal if o.name == m.name) == 1:
                    labels[m.name] = m.value
        if all(v is None for v in row):
            return self._vector([], [])
        return self._vector([tuple(sorted(labels.items()))], [row])

    def _histogram_quantile(self, phi: list[float], vector: _Vector) -> _Vector:
        groups: dict[Labels, list[tuple[float, Row]]] = defaultdict(list)
        for labels, values in zip(vector.labels, vector.rows, strict=True):
            le = dict(labels).get("le")
            bound = _float(le) if le is not None else None
            if bound is None:
                continue  # not a bucket
            key = tuple((k, v) for k, v in labels if k not in ("le", _NAME))
            groups[key].append((bound, values))
        out_labels, out_rows = [], []
        for key, buckets in groups.items():
            self._check()
            row: Row = []
            for k in range(len(self._steps)):
                present = [(bound, v) for bound, r in buckets if (v := r[k]) is not None]
                row.append(functions.bucket_quantile(phi[k], present) if present else None)
            if any(v is not None for v in row):
                out_labels.append(key)
                out_rows.append(row)
        return self._vector(out_labels, out_rows)

    # --- aggregations -------------------------------------------------------------------

    def _aggregate(self, agg: Aggregation) -> _Vector:
        vector = self._instant_vector(agg.expr)
        param = None if agg.param is None else self._scalar(agg.param)
        groups: dict[Labels, list[int]] = defaultdict(list)
        for i, labels in enumerate(vector.labels):
            groups[_grouping(labels, agg.labels, agg.without)].append(i)
        n = len(self._steps)
        if agg.op in ("topk", "bottomk"):
            assert param is not None
            return self._top(agg.op == "topk", param, vector, list(groups.values()))
        labels_out, rows_out = [], []
        for key, members in groups.items():
            self._check()
            rows = [vector.rows[i] for i in members]
            row: Row = []
            for k in range(n):
                values = [v for r in rows if (v := r[k]) is not None]
                p = 0.0 if param is None else param[k]
                row.append(functions.AGGREGATORS[agg.op](values, p) if values else None)
            labels_out.append(key)
            rows_out.append(row)
        return self._vector(labels_out, rows_out)

    def _top(
        self, largest: bool, param: list[float], vector: _Vector, groups: list[list[int]]
    ) -> _Vector:
        rows: dict[int, Row] = {}
        for k, k_param in enumerate(param):
            self._check()
            if math.isnan(k_param):
                raise ValidationFailed(
                    "execution", f"the parameter of {'topk' if largest else 'bottomk'}() is NaN"
                )
            count = int(max(min(k_param, 2**31), -1))
            if count < 1:
                continue
            for members in groups:
                present = [i for i in members if vector.rows[i][k] is not None]

                def order(i: int, k: int = k) -> tuple[bool, float]:
                    value = vector.rows[i][k]
                    assert value is not None
                    # NaN sorts last either way, as in Prometheus.
                    return (math.isnan(value), -value if largest else value)

                for i in sorted(present, key=order)[:count]:
                    rows.setdefault(i, [None] * len(param))[k] = vector.rows[i][k]
        kept = sorted(rows)
        return self._vector([vector.labels[i] for i in kept], [rows[i] for i in kept])

    # --- binary operators ---------------------------------------------------------------

    def _binary(self, node: Binary) -> _Vector | list[float]:
        lhs, rhs = self._eval(node.lhs), self._eval(node.rhs)
        op = node.op
        if op in ("and", "or", "unless"):
            assert isinstance(lhs, _Vector) and isinstance(rhs, _Vector)
            return self._set_operation(node, lhs, rhs)
        compute = functions.OPERATORS[op]
        comparison = op in functions.COMPARISONS
        if isinstance(lhs, list) and isinstance(rhs, list):
            return [
                functions.as_bool(compute(a, b)) if comparison else float(compute(a, b))
                for a, b in zip(lhs, rhs, strict=True)
            ]
        drop_name = not comparison or node.return_bool
        if isinstance(lhs, list) or isinstance(rhs, list):
            vector = rhs if isinstance(lhs, list) else lhs
            scalar = lhs if isinstance(lhs, list) else rhs
            assert isinstance(vector, _Vector) and isinstance(scalar, list)
            scalar_left = isinstance(lhs, list)
            rows = []
            for row in vector.rows:
                out: Row = []
                for k, v in enumerate(row):
                    if v is None:
                        out.append(None)
                        continue
                    a, b = (scalar[k], v) if scalar_left else (v, scalar[k])
                    out.append(functions.apply(compute, a, b, v, comparison, node.return_bool))
                rows.append(out)
            labels = [_without_name(lb) if drop_name else lb for lb in vector.labels]
            return self._unique(labels, rows)
        assert isinstance(lhs, _Vector) and isinstance(rhs, _Vector)
        return self._matched(node, lhs, rhs, compute, comparison, drop_name)

    def _matched(
        self,
        node: Binary,
        lhs: _Vector,
        rhs: _Vector,
        compute: Callable[[float, float], float | bool],
        comparison: bool,
        drop_name: bool,
    ) -> _Vector:
        """One-to-one vector matching."""
        left = _by_signature(lhs, node)
        right = _by_signature(rhs, node)
        labels_out: list[Labels] = []
        rows_out: list[Row] = []
        for sig, lefts in left.items():
            rights = right.get(sig)
            if not rights:
                continue
            self._check()
            if len(lefts) > 1 or len(rights) > 1:
                self._check_unique(lhs, lefts, rhs, rights, sig)
            for li in lefts:
                for ri in rights:
                    row: Row = []
                    for a, b in zip(lhs.rows[li], rhs.rows[ri], strict=True):
                        row.append(
                            None
                            if a is None or b is None
                            else functions.apply(compute, a, b, a, comparison, node.return_bool)
                        )
                    if any(v is not None for v in row):
                        labels_out.append(_result_labels(lhs.labels[li], node, drop_name))
                        rows_out.append(row)
        return self._unique(
            labels_out,
            rows_out,
            many="multiple matches for labels: many-to-one matching "
            "(group_left/group_right) is not supported",
        )

    def _check_unique(
        self, lhs: _Vector, lefts: list[int], rhs: _Vector, rights: list[int], sig: Labels
    ) -> None:
        for k in range(len(self._steps)):
            on_left = [i for i in lefts if lhs.rows[i][k] is not None]
            on_right = [i for i in rights if rhs.rows[i][k] is not None]
            if on_left and on_right and (len(on_left) > 1 or len(on_right) > 1):
                side = "left" if len(on_left) > 1 else "right"
                raise ValidationFailed(
                    "execution",
                    f"found duplicate series for the match group {_shown(sig)} on the {side} "
                    "hand-side of the operation: many-to-many matching not allowed: matching "
                    "labels must be unique on one side",
                )

    def _set_operation(self, node: Binary, lhs: _Vector, rhs: _Vector) -> _Vector:
        n = len(self._steps)
        right_present: dict[Labels, list[bool]] = {}
        for sig, members in _by_signature(rhs, node).items():
            right_present[sig] = [
                any(rhs.rows[i][k] is not None for i in members) for k in range(n)
            ]
        none = [False] * n
        if node.op in ("and", "unless"):
            keep_if = node.op == "and"
            rows = []
            for labels, row in zip(lhs.labels, lhs.rows, strict=True):
                present = right_present.get(_signature(labels, node), none)
                rows.append([v if present[k] == keep_if else None for k, v in enumerate(row)])
            return self._unique(list(lhs.labels), rows)
        left_present: dict[Labels, list[bool]] = {}
        for sig, members in _by_signature(lhs, node).items():
            left_present[sig] = [any(lhs.rows[i][k] is not None for i in members) for k in range(n)]
        rows = [list(row) for row in lhs.rows]
        for labels, row in zip(rhs.labels, rhs.rows, strict=True):
            present = left_present.get(_signature(labels, node), none)
            rows.append([None if present[k] else v for k, v in enumerate(row)])
        return self._unique([*lhs.labels, *rhs.labels], rows)

    def _unique(self, labels: list[Labels], rows: list[Row], many: str = "") -> _Vector:
        """Rows of equal labels as one; two of them holding a value at the same step is an
        error (Prometheus: a vector cannot contain metrics with the same labelset)."""
        merged: dict[Labels, Row] = {}
        for lb, row in zip(labels, rows, strict=True):
            if all(v is None for v in row):
                continue
            seen = merged.get(lb)
            if seen is None:
                merged[lb] = row
                continue
            for k, v in enumerate(row):
                if v is None:
                    continue
                if seen[k] is not None:
                    raise ValidationFailed(
                        "execution",
                        many
                        or f"vector cannot contain metrics with the same labelset {_shown(lb)}",
                    )
                seen[k] = v
        return self._vector(list(merged), list(merged.values()))


# --- labels ---------------------------------------------------------------------------------


def _without_name(labels: Labels) -> Labels:
    return tuple((k, v) for k, v in labels if k != _NAME)


def _grouping(labels: Labels, names: tuple[str, ...], without: bool) -> Labels:
    if without:
        return tuple((k, v) for k, v in labels if k not in names and k != _NAME)
    return tuple((k, v) for k, v in labels if k in names)


def _signature(labels: Labels, node: Binary) -> Labels:
    if node.on:
        return tuple((k, v) for k, v in labels if k in node.labels)
    return tuple((k, v) for k, v in labels if k != _NAME and k not in node.labels)


def _by_signature(vector: _Vector, node: Binary) -> dict[Labels, list[int]]:
    found: dict[Labels, list[int]] = defaultdict(list)
    for i, labels in enumerate(vector.labels):
        found[_signature(labels, node)].append(i)
    return found


def _result_labels(labels: Labels, node: Binary, drop_name: bool) -> Labels:
    if drop_name:
        labels = _without_name(labels)
    if node.on is True:
        return tuple((k, v) for k, v in labels if k in node.labels)
    if node.on is False:
        return tuple((k, v) for k, v in labels if k not in node.labels)
    return labels


def _scalar(value: Value) -> list[float]:
    assert not isinstance(value, _Vector)
    return [float(v) for v in value if isinstance(v, float | int)]


def _raw(value: Value) -> list[RawSeries]:
    assert not isinstance(value, _Vector)
    return [v for v in value if isinstance(v, RawSeries)]


def _first(pair: tuple[Labels, Row]) -> Labels:
    return pair[0]


def _labels_of(series: RawSeries) -> Labels:
    return series.labels


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _shown(labels: Labels) -> str:
    return "{" + ", ".join(f'{k}="{v}"' for k, v in labels) + "}"
