"""PromQL: the parser (every construct, precedence, errors naming their position, hostile
input), stored rows as Prometheus series (names, labels, delta points, histograms), and
evaluation over series held in memory, checked against cases from Prometheus's own test
suite (``promql/promqltest/testdata``)."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from dais.actors.observe import promql
from dais.actors.observe.promql_eval import Engine
from dais.actors.observe.promql_parse import (
    Aggregation,
    Binary,
    Call,
    Matcher,
    MatrixSelector,
    NumberLiteral,
    Unary,
    VectorSelector,
    parse,
)
from dais.actors.observe.promql_series import RawSeries, format_value, label_name, series_of
from dais.errors import ValidationFailed

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MINUTE = 60 * 10**9


def sel(name: str | None = None, *matchers: tuple[str, str, str], **kw: Any) -> VectorSelector:
    named = [Matcher("__name__", "=", name)] if name else []
    return VectorSelector((*named, *(Matcher(*m) for m in matchers)), **kw)


def refused(text: str) -> str:
    with pytest.raises(ValidationFailed) as caught:
        parse(text)
    assert caught.value.field == "query"
    return caught.value.rule


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("up", sel("up")),
        ("up:rule_name", sel("up:rule_name")),
        (
            'up{job="api", path!="/", code=~"5..", env!~"dev|test"}',
            sel(
                "up",
                ("job", "=", "api"),
                ("path", "!=", "/"),
                ("code", "=~", "5.."),
                ("env", "!~", "dev|test"),
            ),
        ),
        ('{job="api",}', sel(None, ("job", "=", "api"))),
        ('{__name__=~"http_.*"}', sel(None, ("__name__", "=~", "http_.*"))),
        ('{"http.server.duration", "le"="0.5"}', sel("http.server.duration", ("le", "=", "0.5"))),
        ("up{job='single', a=`raw\\n`}", sel("up", ("job", "=", "single"), ("a", "=", "raw\\n"))),
        ('up{a="tab\\t\\u00e9\\x41\\101"}', sel("up", ("a", "=", "tab\té" + "A" + "A"))),
        ("up[5m]", MatrixSelector(sel("up"), 5 * MINUTE)),
        ("up[1h30m]", MatrixSelector(sel("up"), 90 * MINUTE)),
        ("up offset 5m", sel("up", offset_ns=5 * MINUTE)),
        ("up offset -1m", sel("up", offset_ns=-MINUTE)),
        ("up[5m] offset 1w", MatrixSelector(sel("up", offset_ns=7 * 24 * 60 * MINUTE), 5 * MINUTE)),
        ("up @ 1609746000", sel("up", at=1609746000.0)),
        ("up @ start() offset 10s", sel("up", at="start", offset_ns=10 * 10**9)),
        ("up[5m] @ end()", MatrixSelector(sel("up", at="end"), 5 * MINUTE)),
        ("rate(up[5m])", Call("rate", (MatrixSelector(sel("up"), 5 * MINUTE),))),
        ("round(up)", Call("round", (sel("up"),))),
        ("round(up, 0.5)", Call("round", (sel("up"), NumberLiteral(0.5)))),
        ("time()", Call("time", ())),
        ("sum(up)", Aggregation("sum", sel("up"))),
        ("sum by (job) (up)", Aggregation("sum", sel("up"), labels=("job",))),
        (
            "sum(up) without (instance, job,)",
            Aggregation("sum", sel("up"), labels=("instance", "job"), without=True),
        ),
        ('SUM BY ("service.name") (up)', Aggregation("sum", sel("up"), labels=("service.name",))),
        ("topk(3, up)", Aggregation("topk", sel("up"), NumberLiteral(3.0))),
        ("quantile by () (0.9, up)", Aggregation("quantile", sel("up"), NumberLiteral(0.9))),
        (
            "1 + 2 * 3",
            Binary("+", NumberLiteral(1.0), Binary("*", NumberLiteral(2.0), NumberLiteral(3.0))),
        ),
        (
            "(1 + 2) * 3",
            Binary("*", Binary("+", NumberLiteral(1.0), NumberLiteral(2.0)), NumberLiteral(3.0)),
        ),
        (
            "1 - 2 - 3",
            Binary("-", Binary("-", NumberLiteral(1.0), NumberLiteral(2.0)), NumberLiteral(3.0)),
        ),
        (
            "2 ^ 3 ^ 2",
            Binary("^", NumberLiteral(2.0), Binary("^", NumberLiteral(3.0), NumberLiteral(2.0))),
        ),
        ("-2 ^ 2", Unary("-", Binary("^", NumberLiteral(2.0), NumberLiteral(2.0)))),
        ("-up", Unary("-", sel("up"))),
        ("+up", sel("up")),
        ("- - 1", NumberLiteral(1.0)),
        ("a > bool 1", Binary(">", sel("a"), NumberLiteral(1.0), return_bool=True)),
        ("a / on (job) b", Binary("/", sel("a"), sel("b"), on=True, labels=("job",))),
        ("a + ignoring (le) b", Binary("+", sel("a"), sel("b"), on=False, labels=("le",))),
        (
            "a and b or c unless d",
            Binary("or", Binary("and", sel("a"), sel("b")), Binary("unless", sel("c"), sel("d"))),
        ),
        ("a == 1 and b", Binary("and", Binary("==", sel("a"), NumberLiteral(1.0)), sel("b"))),
        ("a AND ON (x) b", Binary("and", sel("a"), sel("b"), on=True, labels=("x",))),
        (
            "0x1F + .5 + 1e3 + Inf",
            Binary(
                "+",
                Binary(
                    "+", Binary("+", NumberLiteral(31.0), NumberLiteral(0.5)), NumberLiteral(1000.0)
                ),
                NumberLiteral(math.inf),
            ),
        ),
        ("up # a comment\n + 1", Binary("+", sel("up"), NumberLiteral(1.0))),
    ],
)
def test_every_construct_parses_to_its_tree(text: str, tree: Any) -> None:
    assert parse(text) == tree


def test_nan_parses_as_a_number() -> None:
    parsed = parse("NaN")
    assert isinstance(parsed, NumberLiteral) and math.isnan(parsed.value)


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("rate(up)", 6, "must be a range vector, not an instant vector"),
        ("nonsense(up)", 1, "unknown function nonsense()"),
        ("sum(up[5m])", 5, "aggregates an instant vector"),
        ("up[5m] + 1", 1, "takes scalars and instant vectors"),
        ("1 > 2", 3, "needs bool"),
        ("up + bool 1", 6, "bool is only for comparison"),
        ("1 and up", 3, "set operator and"),
        ("1 + on(a) up", 3, "on() and ignoring()"),
        ("a + group_left b", 5, "group_left"),
        ("up[5m:1m]", 6, "subqueries"),
        ("rate(up[5m])[1m]", 13, "applies to a vector selector only"),
        ("(up)", None, ""),
        ("up[0s]", 4, "longer than zero"),
        ("up[5]", 4, "expected a duration"),
        ("up[1m5h]", 4, "largest first"),
        ("5m", 1, "belongs in a range"),
        ("up offset 5m offset 1m", 14, "offset is given twice"),
        ("up @ 1 @ 2", 8, "@ is given twice"),
        ("up @ banana", 6, "after @"),
        ("sum(up) by", 11, "label list"),
        ("sum by (a-b) (up)", 10, "label list"),
        ("topk(up)", 1, "takes a parameter"),
        ("sum(1, up)", 1, "takes one argument"),
        ("clamp(up, 1)", 1, "takes 3 argument(s), 2 given"),
        ('up{job="a"', 11, "expected ',' or '}'"),
        ("up{job}", 7, "expected one of = != =~ !~"),
        ("up{job=5}", 8, "expected a quoted string"),
        ('up{__name__="x"}', 4, "metric name is given twice"),
        ('{""}', 1, "does not match the empty value"),
        ('{job=""}', 1, "does not match the empty value"),
        ("{}", 1, "does not match the empty value"),
        ('up{a="\\q"}', 7, "unknown escape"),
        ('up{a="\\u12"}', 7, "hex digits"),
        ('up{a="\\ud800"}', 7, "not a Unicode character"),
        ('up{a="open', 6, "unterminated"),
        ("up{a=`open", 6, "unterminated raw string"),
        ("up ! 1", 4, "unexpected character"),
        ("5abc", 1, "bad number"),
        ("(1 + 2", 7, "expected ')'"),
        ("1 +", 4, "expected an expression"),
        ("up )", 4, "after a complete expression"),
        ("by", 1, "unexpected keyword"),
        ("sum(", 5, "expected an expression"),
        ("\u0663", 1, "unexpected character"),
        ("a\x00", 2, "NUL"),
    ],
)
def test_errors_name_their_position(text: str, position: int | None, words: str) -> None:
    if position is None:  # a parenthesised selector is fine
        assert parse(text) == sel("up")
        return
    rule = refused(text)
    assert rule.startswith(f"at position {position}:"), rule
    assert words in rule, rule


def test_hostile_queries_are_refused_before_work_grows_with_them() -> None:
    assert refused("1+" * 500_000 + "1") == "at most 16384 bytes long"  # a megabyte
    assert refused("(" * 10_000 + "1" + ")" * 10_000) == "at most 16384 bytes long"
    assert "nested more than 64 levels deep" in refused("(" * 5_000 + "1" + ")" * 5_000)
    assert "nested more than 64 levels deep" in refused("-" * 5_000 + "1")
    assert "nested more than 64 levels deep" in refused("2" + "^2" * 3_000)
    assert "nested more than 64 levels deep" in refused("abs(" * 100 + "up" + ")" * 100)
    # Left-associative chains are parsed by a loop, but evaluated by recursion: bounded too.
    assert "nested more than 64 levels deep" in refused("1" + " + 1" * 200)
    assert "more than 32 selectors" in refused(" + ".join(["up"] * 40))
    assert "longer than 10 years" in refused("up[" + "9" * 50 + "d]")
    assert "longer than 10 years" in refused("up[11y]")
    assert refused("   ") == "must not be empty"
    assert refused('"just a string"') == "a string is not a query result: use it as an argument"
    # Numbers past a double's range are infinities, not errors.
    huge = parse("0x" + "f" * 400)
    assert isinstance(huge, NumberLiteral) and huge.value == math.inf
    assert parse("1" + " + 1" * 60) is not None


# --- stored rows as series ----------------------------------------------------------------


def row(name: str, kind: str, times: list[int], **columns: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "temporality": "cumulative" if kind in ("sum", "histogram") else None,
        "service_name": "api",
        "namespace": None,
        "instance": None,
        "attributes": [],
        "times": times,
    }
    for column in ("values", "counts", "sums", "buckets", "bounds", "quantiles"):
        base[column] = None
    return base | columns


def test_names_and_labels_follow_prometheus_otlp_translation() -> None:
    stored = row(
        "http.server.request-count",
        "sum",
        [1, 2],
        values=[1.0, 2.0],
        attributes=[
            ("http.route", "/a"),
            ("1st", "x"),
            ("a.b", "dot"),
            ("a_b", "under"),
            ("empty", ""),
            ("none", None),
        ],
        namespace="shop",
        instance="pod-7",
    )
    (series,) = series_of([stored], {("http.server.request-count", "sum", "")})
    assert dict(series.labels) == {
        "__name__": "http_server_request_count",
        "http_route": "/a",
        "key_1st": "x",
        "a_b": "dot;under",  # keys colliding once escaped join their values, in key order
        "service_name": "api",
        "job": "shop/api",
        "instance": "pod-7",
    }
    assert series.times == [1, 2] and series.values == [1.0, 2.0]
    assert label_name("http.method") == "http_method" and label_name("9lives") == "key_9lives"


def test_resource_labels_win_over_attributes_and_nulls_are_staleness() -> None:
    stored = row(
        "g",
        "gauge",
        [1, 2, 3],
        values=[1.0, None, 3.0],
        attributes=[("job", "mine"), ("service_name", "x")],
    )
    (series,) = series_of([stored], {("g", "gauge", "")})
    assert dict(series.labels)["job"] == "api" and dict(series.labels)["service_name"] == "api"
    assert series.times == [1, 3]


def test_delta_sums_are_accumulated_and_split_rows_merged() -> None:
    first = row(
        "c",
        "sum",
        [1, 3],
        values=[2.0, 5.0],
        temporality="delta",
        attributes=[("a", "1"), ("b", "2")],
    )
    second = row(
        "c",
        "sum",
        [2, 4],
        values=[1.0, 1.0],
        temporality="delta",
        attributes=[("b", "2"), ("a", "1")],
    )
    (series,) = series_of([first, second], {("c", "sum", "")})
    assert series.from_delta
    assert series.times == [1, 2, 3, 4]
    assert series.values == [2.0, 3.0, 8.0, 9.0]


def test_points_are_put_in_time_order_before_deltas_are_added() -> None:
    stored = row("c", "sum", [3, 1, 2], values=[5.0, 2.0, 1.0], temporality="delta")
    (series,) = series_of([stored], {("c", "sum", "")})
    assert series.times == [1, 2, 3] and series.values == [2.0, 3.0, 8.0]


def test_histograms_become_buckets_sum_and_count() -> None:
    stored = row(
        "latency",
        "histogram",
        [1, 2],
        counts=[4, 8],
        sums=[10.0, 20.0],
        buckets=[[1, 2, 1], [2, 4, 2]],
        bounds=[[0.005, 2.5], [0.005, 2.5]],
    )
    wanted = {("latency", "histogram", s) for s in ("_bucket", "_sum", "_count")}
    made = {
        (dict(s.labels)["__name__"], dict(s.labels).get("le")): s.values
        for s in series_of([stored], wanted)
    }
    assert made == {
        ("latency_bucket", "0.005"): [1.0, 2.0],
        ("latency_bucket", "2.5"): [3.0, 6.0],
        ("latency_bucket", "+Inf"): [4.0, 8.0],
        ("latency_sum", None): [10.0, 20.0],
        ("latency_count", None): [4.0, 8.0],
    }
    delta = row(
        "latency",
        "histogram",
        [1, 2],
        temporality="delta",
        counts=[4, 8],
        sums=[10.0, 20.0],
        buckets=[[1, 2, 1], [2, 4, 2]],
        bounds=[[0.005, 2.5]] * 2,
    )
    buckets = {
        dict(s.labels)["le"]: s.values
        for s in series_of([delta], {("latency", "histogram", "_bucket")})
    }
    assert buckets == {"0.005": [1.0, 3.0], "2.5": [3.0, 9.0], "+Inf": [4.0, 12.0]}


def test_summaries_become_quantile_series() -> None:
    stored = row(
        "rpc", "summary", [1], counts=[3], sums=[6.0], quantiles=["[[0.5, 2.0], [0.99, 3.0]]"]
    )
    made = {
        dict(s.labels).get("quantile"): s.values
        for s in series_of([stored], {("rpc", "summary", "")})
    }
    assert made == {"0.5": [2.0], "0.99": [3.0]}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.1, "0.1"),
        (123.0, "123"),
        (-0.0, "-0"),
        (1e16, "10000000000000000"),
        (1.5e-5, "0.000015"),
        (1e-7, "1e-07"),
        (1.5e21, "1.5e+21"),
        (math.nan, "NaN"),
        (math.inf, "+Inf"),
        (-math.inf, "-Inf"),
    ],
)
def test_values_are_written_as_prometheus_writes_them(value: float, text: str) -> None:
    assert format_value(value) == text


def test_bucket_bounds_never_use_exponents() -> None:
    assert format_value(1e-7, exponent=False) == "0.0000001"
    assert format_value(1e21, exponent=False) == "1000000000000000000000"


# --- evaluation -------------------------------------------------------------------------------


class Memory:
    """Series held in memory, selected as the store's source selects them (regular
    expressions anchored, ``.`` matching newlines)."""

    def __init__(self, series: list[RawSeries]) -> None:
        self.series = series

    async def check_pattern(self, matcher: Matcher) -> None:
        try:
            re.compile(matcher.value)
        except re.error as exc:
            raise ValidationFailed("query", f"at position {matcher.pos}: {exc}") from None

    async def points(
        self, selector: VectorSelector, lo_ns: int, hi_ns: int, budget: int
    ) -> list[RawSeries]:
        found = []
        for series in self.series:
            labels = dict(series.labels)
            if all(_matches(m, labels.get(m.name, "")) for m in selector.matchers):
                kept = [
                    (t, v)
                    for t, v in zip(series.times, series.values, strict=True)
                    if lo_ns < t <= hi_ns
                ]
                if kept:
                    found.append(
                        RawSeries(
                            series.labels,
                            [t for t, _ in kept],
                            [v for _, v in kept],
                            series.from_delta,
                        )
                    )
        if sum(len(s.times) for s in found) > budget:
            raise ValidationFailed("execution", f"the query reads more than {budget} samples")
        return found


def _matches(m: Matcher, value: str) -> bool:
    if m.op in ("=", "!="):
        return (value == m.value) == (m.op == "=")
    return bool(re.fullmatch(m.value, value, re.DOTALL)) == (m.op == "=~")


_SERIES = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)?(?:\{(.*)\})?")
_PAIR = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"')
_EXPANSION = re.compile(r"(-?[0-9.e+-]+?)([+-][0-9.]+)x([0-9]+)")


def load(step: str, text: str) -> list[RawSeries]:
    """Series written as promqltest's ``load`` writes them: ``name{labels} 0+10x10 5 _``
    (``a+bxn`` is a, a+b, .. a+n*b; ``_`` is no sample), one sample per ``step`` from 0."""
    every = promql.parse_duration(step)
    out = []
    for line in text.strip().splitlines():
        head, _, values = line.strip().partition(" ")
        if "}" in line:
            head, _, values = line.strip().partition("}")
            head += "}"
        match = _SERIES.fullmatch(head.strip())
        assert match is not None, head
        labels = dict(_PAIR.findall(match[2] or ""))
        if match[1]:
            labels["__name__"] = match[1]
        samples: list[float | None] = []
        for word in values.split():
            expansion = _EXPANSION.fullmatch(word)
            if expansion:
                start, increment, count = (
                    float(expansion[1]),
                    float(expansion[2]),
                    int(expansion[3]),
                )
                samples.extend(start + increment * i for i in range(count + 1))
            else:
                samples.append(None if word == "_" else float(word))
        times = [i * every for i, v in enumerate(samples) if v is not None]
        out.append(
            RawSeries(tuple(sorted(labels.items())), times, [v for v in samples if v is not None])
        )
    return out


async def instant(series: list[RawSeries], expr: str, at: str) -> dict[str, float] | float:
    """``expr`` at ``at`` (a duration after 0), samples by their labels written as text."""
    result = await Engine(Memory(series)).instant(
        expr,
        EPOCH + timedelta(microseconds=promql.parse_duration(at) // 1000) if at != "0" else EPOCH,
    )
    if isinstance(result, float):
        return result
    return {_written(s.labels): s.value for s in result}  # type: ignore[union-attr]


def _written(labels: Any) -> str:
    name = labels.get("__name__", "")
    rest = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()) if k != "__name__")
    return f"{name}{{{rest}}}"


INCREASE = load(
    "5m",
    """
    http_requests_total{path="/foo"} 0+10x10
    http_requests_total{path="/bar"} 0+18x5 0+18x5
    http_requests_total{path="/dings"} 10+10x10
    http_requests_total{path="/bumms"} 1+10x10
    """,
)
RATES = load(
    "5m",
    """
    testcounter_reset_middle_total 0+27x4 0+27x5
    testcounter_reset_end_total 0+10x9 0 10
    calculate_rate_offset_total{x="a"} 0+10x10
    calculate_rate_offset_total{x="b"} 0+20x10
    calculate_rate_window_total 0+80x10
    reset_total{path="/foo"} 0 1 2 3 2 3 4
    """,
)
ZERO_CUTOFF = load(
    "4m",
    "\n".join(f'testcounter_zero_cutoff_total{{start="{m}m"}} {60 * m}+240x10' for m in range(6)),
)
HISTOGRAMS = load(
    "5m",
    """
    testhistogram_bucket{le="0.1", start="positive"} 0+5x10
    testhistogram_bucket{le=".2", start="positive"} 0+7x10
    testhistogram_bucket{le="1e0", start="positive"} 0+11x10
    testhistogram_bucket{le="+Inf", start="positive"} 0+12x10
    testhistogram_bucket{le="-.2", start="negative"} 0+1x10
    testhistogram_bucket{le="-0.1", start="negative"} 0+2x10
    testhistogram_bucket{le="0.3", start="negative"} 0+2x10
    testhistogram_bucket{le="+Inf", start="negative"} 0+3x10
    request_duration_seconds_bucket{job="job1", instance="ins1", le="0.1"} 0+1x10
    request_duration_seconds_bucket{job="job1", instance="ins1", le="0.2"} 0+3x10
    request_duration_seconds_bucket{job="job1", instance="ins1", le="+Inf"} 0+4x10
    request_duration_seconds_bucket{job="job1", instance="ins2", le="0.1"} 0+2x10
    request_duration_seconds_bucket{job="job1", instance="ins2", le="0.2"} 0+5x10
    request_duration_seconds_bucket{job="job1", instance="ins2", le="+Inf"} 0+6x10
    request_duration_seconds_bucket{job="job2", instance="ins1", le="0.1"} 0+3x10
    request_duration_seconds_bucket{job="job2", instance="ins1", le="0.2"} 0+4x10
    request_duration_seconds_bucket{job="job2", instance="ins1", le="+Inf"} 0+6x10
    request_duration_seconds_bucket{job="job2", instance="ins2", le="0.1"} 0+4x10
    request_duration_seconds_bucket{job="job2", instance="ins2", le="0.2"} 0+7x10
    request_duration_seconds_bucket{job="job2", instance="ins2", le="+Inf"} 0+9x10
    """,
)
REQUESTS = load(
    "5m",
    """
    http_requests{job="api-server", instance="0", group="production"} 0+10x10
    http_requests{job="api-server", instance="1", group="production"} 0+20x10
    http_requests{job="api-server", instance="0", group="canary"} 0+30x10
    http_requests{job="api-server", instance="1", group="canary"} 0+40x10
    http_requests{job="app-server", instance="0", group="production"} 0+50x10
    http_requests{job="app-server", instance="1", group="production"} 0+60x10
    http_requests{job="app-server", instance="0", group="canary"} 0+70x10
    http_requests{job="app-server", instance="1", group="canary"} 0+80x10
    vector_matching_a{l="x"} 0+1x100
    vector_matching_a{l="y"} 0+2x50
    vector_matching_b{l="x"} 0+4x25
    """,
)


# (series, at, expression, expected): Prometheus's own expectations.
CASES = [
    (
        INCREASE,
        "50m",
        "increase(http_requests_total[50m])",
        {
            '{path="/foo"}': 100,
            '{path="/bar"}': 160,
            '{path="/dings"}': 100,
            '{path="/bumms"}': 100,
        },
    ),
    (
        INCREASE,
        "50m",
        "increase(http_requests_total[100m])",
        {
            '{path="/foo"}': 100,
            '{path="/bar"}': 162,
            '{path="/dings"}': 105,
            '{path="/bumms"}': 101,
        },
    ),
    (RATES, "30m", "increase(reset_total[30m])", {'{path="/foo"}': 7}),
    (RATES, "50m", "rate(testcounter_reset_middle_total[50m])", {"{}": 0.08}),
    (RATES, "50m", "rate(testcounter_reset_end_total[5m])", {}),
    (RATES, "50m", "rate(testcounter_reset_end_total[6m])", {"{}": 0}),
    (RATES, "50m", "rate(calculate_rate_window_total[50m])", {"{}": 0.26666666666666666}),
    (
        RATES,
        "50m",
        "rate(calculate_rate_offset_total[10m] offset 5m)",
        {'{x="a"}': 0.03333333333333333, '{x="b"}': 0.06666666666666667},
    ),
    (
        ZERO_CUTOFF,
        "10m",
        "rate(testcounter_zero_cutoff_total[20m])",
        {f'{{start="{m}m"}}': v for m, v in enumerate([0.5, 0.55, 0.6, 0.6, 0.6, 0.6])},
    ),
    (
        ZERO_CUTOFF,
        "50m",
        "rate(testcounter_zero_cutoff_total[20m])",
        {f'{{start="{m}m"}}': 0.6 for m in range(6)},
    ),
    (
        INCREASE,
        "50m",
        'irate(http_requests_total{path=~"/foo|/bar"}[50m])',
        {'{path="/foo"}': 1 / 30, '{path="/bar"}': 0.06},
    ),
    (INCREASE, "50m", 'idelta(http_requests_total{path="/foo"}[50m])', {'{path="/foo"}': 10}),
    (INCREASE, "50m", 'delta(http_requests_total{path="/foo"}[50m])', {'{path="/foo"}': 100}),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.2, testhistogram_bucket)",
        {'{start="positive"}': 0.048, '{start="negative"}': -0.2},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.5, testhistogram_bucket)",
        {'{start="positive"}': 0.15, '{start="negative"}': -0.15},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.8, rate(testhistogram_bucket[10m]))",
        {'{start="positive"}': 0.72, '{start="negative"}': 0.3},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0, testhistogram_bucket)",
        {'{start="positive"}': 0, '{start="negative"}': -0.2},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(1, testhistogram_bucket)",
        {'{start="positive"}': 1, '{start="negative"}': 0.3},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.3, sum(rate(request_duration_seconds_bucket[10m])) by (le))",
        {"{}": 0.075},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.5, sum(rate(request_duration_seconds_bucket[10m])) by (le))",
        {"{}": 0.1277777777777778},
    ),
    (
        HISTOGRAMS,
        "50m",
        "histogram_quantile(0.5, sum(rate(request_duration_seconds_bucket[10m]))"
        " by (le, instance))",
        {'{instance="ins1"}': 0.1333333333333333, '{instance="ins2"}': 0.125},
    ),
    (
        REQUESTS,
        "50m",
        'SUM BY (group) (http_requests{job="api-server"})',
        {'{group="canary"}': 700, '{group="production"}': 300},
    ),
    (
        REQUESTS,
        "50m",
        'avg by (group) (http_requests{job="api-server"})',
        {'{group="canary"}': 350, '{group="production"}': 150},
    ),
    (
        REQUESTS,
        "50m",
        'count by (group) (http_requests{job="api-server"})',
        {'{group="canary"}': 2, '{group="production"}': 2},
    ),
    (
        REQUESTS,
        "50m",
        'sum without (instance) (http_requests{job="api-server"})',
        {'{group="canary",job="api-server"}': 700, '{group="production",job="api-server"}': 300},
    ),
    (
        REQUESTS,
        "50m",
        "sum(http_requests) by (job) + min(http_requests) by (job)"
        " + max(http_requests) by (job) + avg(http_requests) by (job)",
        {'{job="app-server"}': 4550, '{job="api-server"}': 1750},
    ),
    (
        REQUESTS,
        "50m",
        "topk(2, http_requests)",
        {
            'http_requests{group="canary",instance="1",job="app-server"}': 800,
            'http_requests{group="canary",instance="0",job="app-server"}': 700,
        },
    ),
    (
        REQUESTS,
        "50m",
        "bottomk by (job) (1, http_requests)",
        {
            'http_requests{group="production",instance="0",job="api-server"}': 100,
            'http_requests{group="production",instance="0",job="app-server"}': 500,
        },
    ),
    (REQUESTS, "50m", 'quantile(0.5, http_requests{job="api-server"})', {"{}": 250}),
    (REQUESTS, "50m", 'stddev(http_requests{job="api-server"})', {"{}": math.sqrt(12500)}),
    (
        REQUESTS,
        "50m",
        "group(http_requests) by (job)",
        {'{job="api-server"}': 1, '{job="app-server"}': 1},
    ),
    (
        REQUESTS,
        "50m",
        "SUM(http_requests) BY (job) - COUNT(http_requests) BY (job)",
        {'{job="api-server"}': 996, '{job="app-server"}': 2596},
    ),
    (
        REQUESTS,
        "50m",
        "2 - SUM(http_requests) BY (job)",
        {'{job="api-server"}': -998, '{job="app-server"}': -2598},
    ),
    (
        REQUESTS,
        "50m",
        '-http_requests{job="api-server",instance="0",group="production"}',
        {'{group="production",instance="0",job="api-server"}': -100},
    ),
    (REQUESTS, "50m", "-2^---1*3", -1.5),
    (REQUESTS, "50m", "2/-2^---1*3+2", -10.0),
    (
        REQUESTS,
        "50m",
        "1000 / SUM(http_requests) BY (job)",
        {'{job="api-server"}': 1, '{job="app-server"}': 0.38461538461538464},
    ),
    (
        REQUESTS,
        "50m",
        "SUM(http_requests) BY (job) % 3",
        {'{job="api-server"}': 1, '{job="app-server"}': 2},
    ),
    (
        REQUESTS,
        "50m",
        'http_requests{job="api-server", group="canary"} > 300',
        {'http_requests{group="canary",instance="1",job="api-server"}': 400},
    ),
    (
        REQUESTS,
        "50m",
        '300 < http_requests{job="api-server", group="canary"}',
        {'http_requests{group="canary",instance="1",job="api-server"}': 400},
    ),
    (
        REQUESTS,
        "50m",
        'http_requests{job="api-server", group="canary"} > bool 300',
        {
            '{group="canary",instance="0",job="api-server"}': 0,
            '{group="canary",instance="1",job="api-server"}': 1,
        },
    ),
    (REQUESTS, "50m", "vector_matching_a / vector_matching_b", {'{l="x"}': 10 / 40}),
    (REQUESTS, "50m", "vector_matching_a - on(l) vector_matching_b", {'{l="x"}': 10 - 40}),
    (
        REQUESTS,
        "50m",
        'http_requests{group="canary"} and http_requests{instance="0"}',
        {
            'http_requests{group="canary",instance="0",job="api-server"}': 300,
            'http_requests{group="canary",instance="0",job="app-server"}': 700,
        },
    ),
    (
        REQUESTS,
        "50m",
        'http_requests{group="canary"}'
        ' unless on(job) http_requests{instance="0", job="app-server"}',
        {
            'http_requests{group="canary",instance="0",job="api-server"}': 300,
            'http_requests{group="canary",instance="1",job="api-server"}': 400,
        },
    ),
    (
        REQUESTS,
        "50m",
        "vector_matching_b or vector_matching_a",
        {'vector_matching_b{l="x"}': 40, 'vector_matching_a{l="y"}': 20},
    ),
    (REQUESTS, "50m", "sum_over_time(vector_matching_b[10m])", {'{l="x"}': 36 + 40}),
    (REQUESTS, "50m", "count_over_time(vector_matching_b[10m])", {'{l="x"}': 2}),
    (REQUESTS, "50m", "avg_over_time(vector_matching_b[10m])", {'{l="x"}': 38}),
    (
        REQUESTS,
        "50m",
        "min_over_time(vector_matching_b[11m]) + max_over_time(vector_matching_b[11m])",
        {'{l="x"}': 32 + 40},
    ),
    (REQUESTS, "50m", "last_over_time(vector_matching_b[1h])", {'vector_matching_b{l="x"}': 40}),
    (REQUESTS, "50m", "clamp(vector_matching_a, 15, 50)", {'{l="x"}': 15, '{l="y"}': 20}),
    (REQUESTS, "50m", "clamp(vector_matching_a, 5, 1)", {}),
    (
        REQUESTS,
        "50m",
        "clamp_max(vector_matching_a, 15) + clamp_min(vector_matching_a, 15)",
        {'{l="x"}': 25, '{l="y"}': 35},
    ),
    (REQUESTS, "50m", "round(vector_matching_a / 3)", {'{l="x"}': 3, '{l="y"}': 7}),
    (REQUESTS, "50m", "round(vector_matching_a / 3, 0.5)", {'{l="x"}': 3.5, '{l="y"}': 6.5}),
    (
        REQUESTS,
        "50m",
        "sqrt(vector_matching_b * 10) + abs(-vector_matching_b)"
        " + ceil(vector_matching_a / 3) + floor(vector_matching_a / 3)",
        {'{l="x"}': 20 + 40 + 4 + 3},
    ),
    (
        REQUESTS,
        "50m",
        "ln(vector_matching_a - 10)",
        {'{l="x"}': -math.inf, '{l="y"}': math.log(10)},
    ),
    (REQUESTS, "50m", "sqrt(-vector_matching_a)", {'{l="x"}': math.nan, '{l="y"}': math.nan}),
    (
        REQUESTS,
        "50m",
        "log2(vector_matching_b) * 0 + log10(vector_matching_b * 2.5)"
        " + exp(vector_matching_a * 0) + sgn(-vector_matching_b)",
        {'{l="x"}': 2 + 1 - 1},
    ),
    (REQUESTS, "50m", 'absent(nonexistent{job="x", a=~"b"})', {'{job="x"}': 1}),
    (REQUESTS, "50m", "absent(vector_matching_a)", {}),
    (REQUESTS, "50m", "scalar(vector_matching_b) * 2", 80.0),
    (REQUESTS, "50m", "scalar(vector_matching_a)", math.nan),
    (REQUESTS, "50m", "vector(1) + 1", {"{}": 2}),
    (REQUESTS, "50m", "time()", 3000.0),
    (REQUESTS, "50m", "1 / 0 + -1 % 0 * 0", math.nan),
    (REQUESTS, "50m", "2 ^ 0.5 == bool 2 ^ 0.5", 1.0),
    (REQUESTS, "50m", "vector_matching_b @ 600", {'vector_matching_b{l="x"}': 8}),
    (REQUESTS, "50m", "vector_matching_b offset 40m", {'vector_matching_b{l="x"}': 8}),
    (REQUESTS, "50m", "vector_matching_b offset 50m1s", {}),
    (
        INCREASE,
        "54m",
        'http_requests_total{path="/foo"}',
        {'http_requests_total{path="/foo"}': 100},
    ),
    (INCREASE, "55m", 'http_requests_total{path="/foo"}', {}),  # the lookback is left-open
]


@pytest.mark.parametrize(("series", "at", "expr", "expected"), CASES, ids=[c[2] for c in CASES])
async def test_evaluation_matches_prometheus(
    series: list[RawSeries], at: str, expr: str, expected: Any
) -> None:
    got = await instant(series, expr, at)
    if isinstance(expected, float):
        assert isinstance(got, float)
        assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected), got
        return
    assert isinstance(got, dict)
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-12, abs=1e-12, nan_ok=True), (key, got[key])


async def test_a_range_query_evaluates_every_step() -> None:
    engine = Engine(Memory(REQUESTS))
    at = EPOCH + timedelta(minutes=20)
    got = await engine.range("rate(vector_matching_b[10m])", EPOCH, at, timedelta(minutes=5))
    assert [(s.labels, s.points) for s in got] == [
        (
            {"l": "x"},
            [
                # At 5m the window reaches before 0: extrapolated to the counter's zero only.
                (300.0, pytest.approx(4 / 600)),
                (600.0, pytest.approx(4 / 300)),
                (900.0, pytest.approx(4 / 300)),
                (1200.0, pytest.approx(4 / 300)),
            ],
        )
    ]
    scalar = await engine.range("time() * 2", EPOCH, at, timedelta(minutes=10))
    assert scalar == [(0.0, 0.0), (600.0, 1200.0), (1200.0, 2400.0)]
    pinned = await engine.range("vector_matching_b @ end()", EPOCH, at, timedelta(minutes=10))
    assert [v for _, v in pinned[0].points] == [16.0, 16.0, 16.0]  # @ end(): the value at 20m
    raw = await engine.instant("vector_matching_b[10m]", at)
    assert [(s.labels["__name__"], s.points) for s in raw] == [
        ("vector_matching_b", [(900.0, 12.0), (1200.0, 16.0)])
    ]  # type: ignore[union-attr]


async def test_evaluation_errors_name_what_broke() -> None:
    engine = Engine(Memory(REQUESTS))
    at = EPOCH + timedelta(minutes=50)
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant('rate({__name__=~"vector_matching_.*"}[10m])', at)
    assert caught.value.field == "execution" and "same labelset" in caught.value.rule
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant("http_requests + on(job) http_requests", at)
    assert caught.value.field == "execution" and "many-to-many" in caught.value.rule
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant('up{a=~"(("}', at)
    assert caught.value.field == "query" and caught.value.rule.startswith("at position 4:")
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant("up[32d]", at)
    assert caught.value.field == "query" and "more than 31 days" in caught.value.rule
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant("up @ 1e30", at)
    assert "from 1970 to 2262" in caught.value.rule
    with pytest.raises(ValidationFailed) as caught:
        await engine.range("up", EPOCH, at, timedelta(seconds=0.1))
    assert caught.value.field == "step" and "11000" in caught.value.rule
    with pytest.raises(ValidationFailed) as caught:
        await engine.range("up[5m]", EPOCH, at, timedelta(minutes=1))
    assert caught.value.field == "query"
    with pytest.raises(ValidationFailed) as caught:
        await engine.instant("topk(NaN, http_requests)", at)
    assert "NaN" in caught.value.rule
    wide = Engine(
        Memory([RawSeries((("__name__", "w"), ("i", str(i))), [0], [1.0]) for i in range(200)])
    )
    with pytest.raises(ValidationFailed) as caught:
        await wide.range("w", EPOCH, EPOCH + timedelta(seconds=10_999), timedelta(seconds=1))
    assert caught.value.field == "execution" and "values (series x steps)" in caught.value.rule
