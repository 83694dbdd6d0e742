"""The arithmetic of PromQL: range functions over a window of samples, element-wise
functions, aggregators, ``histogram_quantile``'s bucket interpolation and the binary
operators, each as Prometheus 3 computes it (``promql/functions.go``, ``quantile.go``,
``engine.go``), with Go's answers where Python's math would raise (``1/0`` is ``+Inf``,
``ln(-1)`` is ``NaN``). Pure: :mod:`.promql_eval` applies them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .promql_series import RawSeries

__all__ = [
    "AGGREGATORS",
    "COMPARISONS",
    "ELEMENTWISE",
    "OPERATORS",
    "RANGE_FUNCTIONS",
    "RangeFunction",
    "Window",
    "apply",
    "as_bool",
    "bucket_quantile",
    "clamp",
    "clamp_max",
    "clamp_min",
    "round_to",
]

#: A range function over one series: its value over a window, given the indices [lo, hi)
#: of the series' samples in it and the window's end (nanoseconds), or None.
Window = Callable[[int, int, int], "float | None"]
#: A range function: (the range in nanoseconds, a series) -> its windows.
RangeFunction = Callable[[int, "RawSeries"], Window]


# --- range functions ------------------------------------------------------------------------


def _rate(counter: bool, per_second: bool) -> RangeFunction:
    """``rate``, ``increase`` and ``delta``: Prometheus's ``extrapolatedRate``."""

    def factory(width: int, series: RawSeries) -> Window:
        ts, vs = series.times, series.values
        corrected = _corrected(vs) if counter else vs
        clamp_zero = counter and not series.from_delta

        def window(lo: int, hi: int, end: int) -> float | None:
            if hi - lo < 2:
                return None
            result = corrected[hi - 1] - corrected[lo]
            first, last = ts[lo], ts[hi - 1]
            to_start = (first - (end - width)) / 1e9
            to_end = (end - last) / 1e9
            sampled = (last - first) / 1e9
            average = sampled / (hi - lo - 1)
            threshold = average * 1.1
            if to_start >= threshold:
                to_start = average / 2
            if clamp_zero and result > 0 and vs[lo] >= 0:
                to_start = min(to_start, sampled * (vs[lo] / result))
            if to_end >= threshold:
                to_end = average / 2
            factor = (sampled + to_start + to_end) / sampled
            if per_second:
                factor /= width / 1e9
            return result * factor

        return window

    return factory


def _corrected(values: list[float]) -> list[float]:
    """A counter's values with each reset undone (the value before it added from then on),
    so the increase over a window is the difference of its ends."""
    out, offset, previous = [], 0.0, None
    for v in values:
        if previous is not None and v < previous:
            offset += previous
        out.append(v + offset)
        previous = v
    return out


def _instant_rate(per_second: bool) -> RangeFunction:
    """``irate`` and ``idelta``: from the last two samples."""

    def factory(width: int, series: RawSeries) -> Window:
        ts, vs = series.times, series.values

        def window(lo: int, hi: int, end: int) -> float | None:
            if hi - lo < 2:
                return None
            last, previous = vs[hi - 1], vs[hi - 2]
            if not per_second:
                return last - previous
            change = last if last < previous else last - previous
            return change / ((ts[hi - 1] - ts[hi - 2]) / 1e9)

        return window

    return factory


def _over_time(reduce: Callable[[list[float]], float]) -> RangeFunction:
    def factory(width: int, series: RawSeries) -> Window:
        vs = series.values
        return lambda lo, hi, end: reduce(vs[lo:hi])

    return factory


def _fsum(values: Sequence[float]) -> float:
    try:
        return math.fsum(values)
    except ValueError:  # inf + -inf
        return math.nan
    except OverflowError:
        return sum(values)


def _minimum(values: Sequence[float]) -> float:
    real = [v for v in values if v == v]
    return min(real) if real else math.nan


def _maximum(values: Sequence[float]) -> float:
    real = [v for v in values if v == v]
    return max(real) if real else math.nan


RANGE_FUNCTIONS: dict[str, RangeFunction] = {
    "rate": _rate(counter=True, per_second=True),
    "increase": _rate(counter=True, per_second=False),
    "delta": _rate(counter=False, per_second=False),
    "irate": _instant_rate(per_second=True),
    "idelta": _instant_rate(per_second=False),
    "sum_over_time": _over_time(_fsum),
    "count_over_time": _over_time(lambda vs: float(len(vs))),
    "avg_over_time": _over_time(lambda vs: _fsum(vs) / len(vs)),
    "min_over_time": _over_time(_minimum),
    "max_over_time": _over_time(_maximum),
    "last_over_time": _over_time(lambda vs: vs[-1]),
}


# --- element-wise functions -----------------------------------------------------------------


def _guarded(
    function: Callable[[float], float], domain: Callable[[float], float]
) -> Callable[[float], float]:
    """``function``, with Go's answers (``domain(v)``) where Python's math raises."""

    def apply(v: float) -> float:
        try:
            return function(v)
        except (ValueError, OverflowError):
            return domain(v)

    return apply


def _log(base: Callable[[float], float]) -> Callable[[float], float]:
    return _guarded(base, lambda v: -math.inf if v == 0 else math.nan)


def _integral(function: Callable[[float], int]) -> Callable[[float], float]:
    return lambda v: float(function(v)) if math.isfinite(v) else v


ELEMENTWISE: dict[str, Callable[[float], float]] = {
    "abs": abs,
    "ceil": _integral(math.ceil),
    "floor": _integral(math.floor),
    "exp": _guarded(math.exp, lambda v: math.inf),
    "ln": _log(math.log),
    "log2": _log(math.log2),
    "log10": _log(math.log10),
    "sqrt": _guarded(math.sqrt, lambda v: math.nan),
    "sgn": lambda v: v if v != v else float((v > 0) - (v < 0)),
}


def clamp(v: float, low: float, high: float) -> float | None:
    if high < low:
        return None  # Prometheus answers nothing
    return clamp_min(clamp_max(v, high), low)


def clamp_min(v: float, low: float) -> float:
    return math.nan if v != v or low != low else max(low, v)  # Go's math.Max: NaN wins


def clamp_max(v: float, high: float) -> float:
    return math.nan if v != v or high != high else min(high, v)


def round_to(v: float, to_nearest: float) -> float:
    inverse = 1.0 / to_nearest if to_nearest else math.inf
    scaled = v * inverse + 0.5
    return (math.floor(scaled) if math.isfinite(scaled) else scaled) / inverse


# --- aggregators ----------------------------------------------------------------------------


def _stdvar(values: list[float], _: float) -> float:
    mean = _fsum(values) / len(values)
    return _fsum([(v - mean) ** 2 for v in values]) / len(values)


def _quantile(values: list[float], phi: float) -> float:
    """Prometheus's ``quantile``: linear interpolation between the closest ranks."""
    if math.isnan(phi):
        return math.nan
    if phi < 0:
        return -math.inf
    if phi > 1:
        return math.inf
    ordered = sorted(values)
    rank = phi * (len(ordered) - 1)
    lower = max(0, math.floor(rank))
    upper = min(len(ordered) - 1, lower + 1)
    weight = rank - math.floor(rank)
    return ordered[lower] * (1 - weight) + ordered[upper] * weight


AGGREGATORS: dict[str, Callable[[list[float], float], float]] = {
    "sum": lambda vs, _: _fsum(vs),
    "avg": lambda vs, _: _fsum(vs) / len(vs),
    "min": lambda vs, _: _minimum(vs),
    "max": lambda vs, _: _maximum(vs),
    "count": lambda vs, _: float(len(vs)),
    "group": lambda vs, _: 1.0,
    "stdvar": _stdvar,
    "stddev": lambda vs, p: math.sqrt(_stdvar(vs, p)),
    "quantile": _quantile,
}


def bucket_quantile(q: float, buckets: list[tuple[float, float]]) -> float:
    """Prometheus's ``BucketQuantile`` over (upper bound, cumulative count) pairs."""
    if math.isnan(q):
        return math.nan
    if q < 0:
        return -math.inf
    if q > 1:
        return math.inf
    buckets = sorted(buckets, key=lambda b: b[0])
    if not math.isinf(buckets[-1][0]) or buckets[-1][0] < 0:
        return math.nan
    coalesced: list[list[float]] = []
    for bound, count in buckets:
        if coalesced and coalesced[-1][0] == bound:
            coalesced[-1][1] += count
        else:
            coalesced.append([bound, count])
    # Force monotonic counts, ignoring differences within floating-point error.
    previous = coalesced[0][1]
    for bucket in coalesced[1:]:
        current = bucket[1]
        if current == previous:
            continue
        if current < previous or _almost_equal(current, previous):
            bucket[1] = previous
            continue
        previous = current
    if len(coalesced) < 2:
        return math.nan
    observations = coalesced[-1][1]
    if observations == 0:
        return math.nan
    rank = q * observations
    b = next((i for i in range(len(coalesced) - 1) if coalesced[i][1] >= rank), len(coalesced) - 1)
    if b == len(coalesced) - 1:
        return coalesced[-2][0]
    if b == 0 and coalesced[0][0] <= 0:
        return coalesced[0][0]
    start, end, count = 0.0, coalesced[b][0], coalesced[b][1]
    if b > 0:
        start = coalesced[b - 1][0]
        count -= coalesced[b - 1][1]
        rank -= coalesced[b - 1][1]
    return start + (end - start) * (rank / count)


def _almost_equal(a: float, b: float) -> bool:
    """Prometheus's ``almost.Equal`` with its histogram tolerance, 1e-12 relative."""
    if a == 0 or b == 0:
        return abs(a - b) < 1e-12 * 2.2250738585072014e-308
    return abs(a - b) / min(abs(a) + abs(b), 1.7976931348623157e308) < 1e-12


# --- operators ------------------------------------------------------------------------------


def _divide(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _modulo(a: float, b: float) -> float:
    try:
        return math.fmod(a, b)
    except ValueError:  # x % 0, inf % x
        return math.nan


def _power(a: float, b: float) -> float:
    try:
        return math.pow(a, b)
    except ZeroDivisionError:
        return math.inf
    except ValueError:  # 0 ** -1 (Go: +Inf), a negative base to a fraction (NaN)
        return math.inf if a == 0 else math.nan
    except OverflowError:
        odd = b == math.floor(b) and math.floor(b) % 2 == 1
        return math.copysign(math.inf, a) if odd else math.inf


OPERATORS: dict[str, Callable[[float, float], float | bool]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": _divide,
    "%": _modulo,
    "^": _power,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}
COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})


def as_bool(value: float | bool) -> float:
    return 1.0 if value else 0.0


def apply(
    compute: Callable[[float, float], float | bool],
    a: float,
    b: float,
    kept: float,
    comparison: bool,
    return_bool: bool,
) -> float | None:
    """One element of a binary operation; a comparison keeps the vector's value ``kept``
    where it holds (None where not), or gives 1/0 with ``bool``."""
    result = compute(a, b)
    if not comparison:
        return float(result)
    if return_bool:
        return as_bool(result)
    return kept if result else None
