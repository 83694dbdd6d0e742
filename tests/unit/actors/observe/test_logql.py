"""The LogQL parser and its compilation to SQL: every construct, errors naming their
position, hostile input refused quickly, and every value of a query a bound parameter."""

from __future__ import annotations

import re

import pytest

from dais.actors.observe import logql, logql_parse, logql_sql, query
from dais.actors.observe.logql_parse import (
    Compare,
    Grouping,
    Junction,
    LabelFilter,
    LineFilter,
    LineFormat,
    LogQuery,
    Matcher,
    Parse,
    RangeAggregation,
    VectorAggregation,
)
from dais.errors import ValidationFailed

MINUTE = 60 * 10**9


def error(text: str) -> str:
    with pytest.raises(ValidationFailed) as caught:
        logql.parse(text)
    assert caught.value.field == "query"
    return caught.value.rule


def position(text: str) -> int:
    found = re.search(r"at position (\d+)$", error(text))
    assert found is not None
    return int(found[1])


def test_a_stream_selector_with_every_matcher() -> None:
    query = logql.parse('{service_name="api", level=~"error|warn", env!="dev", team!~`a.*`}')
    assert query == LogQuery(
        (
            Matcher("service_name", "=", "api", 1),
            Matcher("level", "=~", "error|warn", 21),
            Matcher("env", "!=", "dev", 42),
            Matcher("team", "!~", "a.*", 54),
        )
    )


def test_line_filters_chain_and_strings_take_go_escapes() -> None:
    query = logql.parse('{app="a"} |= "time\\tout" != "ok" |~ "x\\\\d+" !~ `y\\d` |= "\\u00e9"')
    assert isinstance(query, LogQuery)
    assert query.stages == (
        LineFilter("|=", "time\tout", 10),
        LineFilter("!=", "ok", 25),
        LineFilter("|~", "x\\d+", 33),
        LineFilter("!~", "y\\d", 44),
        LineFilter("|=", "é", 53),
    )


def test_parsers_label_filters_and_line_format() -> None:
    query = logql.parse(
        '{app="a"} | json | status >= 500 and method="GET", (path=~"/a.*" or size < 10) '
        '| logfmt | level != "debug" | code == 2 '
        '| line_format "{{.method}} {{ .path }}: {{__line__}}"'
    )
    assert isinstance(query, LogQuery)
    json_, filters, logfmt, level, code, line_format = query.stages
    assert json_ == Parse("json") and logfmt == Parse("logfmt")
    assert filters == LabelFilter(
        Junction(
            "and",
            Junction("and", Compare("status", ">=", 500.0, 19), Compare("method", "=", "GET", 37)),
            Junction("or", Compare("path", "=~", "/a.*", 52), Compare("size", "<", 10.0, 68)),
        )
    )
    assert level == LabelFilter(Compare("level", "!=", "debug", 90))
    assert code == LabelFilter(Compare("code", "==", 2.0, 109))
    assert line_format == LineFormat(
        ((True, "method"), (False, " "), (True, "path"), (False, ": "), (True, "__line__"))
    )


def test_metric_queries_and_their_groupings() -> None:
    assert logql.parse('count_over_time({app="a"}[5m])') == RangeAggregation(
        "count_over_time", LogQuery((Matcher("app", "=", "a", 17),)), 5 * MINUTE
    )
    ranged = logql.parse('rate({app="a"} |= "x" | json [1h30m])')
    assert isinstance(ranged, RangeAggregation) and ranged.range_ns == 90 * MINUTE
    assert ranged.query.stages == (LineFilter("|=", "x", 15), Parse("json"))
    # the range may also follow the selector, and the log query sit in parentheses
    early = logql.parse('bytes_over_time({app="a"}[30s] |= "x")')
    assert isinstance(early, RangeAggregation) and early.range_ns == 30 * 10**9
    assert logql.parse('bytes_rate(({app="a"} |= "x")[1m])') == RangeAggregation(
        "bytes_rate",
        LogQuery((Matcher("app", "=", "a", 13),), (LineFilter("|=", "x", 22),)),
        MINUTE,
    )
    summed = logql.parse('sum by (level, app) (count_over_time({app="a"}[1m]))')
    assert isinstance(summed, VectorAggregation)
    assert summed.op == "sum" and summed.grouping == Grouping(False, ("level", "app"))
    after = logql.parse('max(avg without (pod) (rate({app="a"}[1m]))) by (app)')
    assert isinstance(after, VectorAggregation) and after.grouping == Grouping(False, ("app",))
    assert isinstance(after.inner, VectorAggregation)
    assert after.inner.op == "avg" and after.inner.grouping == Grouping(True, ("pod",))
    assert isinstance(logql.parse('(count(count_over_time({a="b"}[1m])))'), VectorAggregation)


@pytest.mark.parametrize(
    ("text", "words", "at"),
    [
        ('{service_name="api"', "expected ',' or '}'", 19),
        ("{}", "at least one matcher", 0),
        ('{app=""}', "at least one matcher", 0),
        ('{app=~".*"}', "at least one matcher", 0),
        ('{app="a}', "not closed", 5),
        ('{app="a\\q"}', "unknown escape", 7),
        ('{app="a"} | unwrap latency', "the unwrap stage is not supported", 12),
        ('{app="a"} | pattern "<x>"', "the pattern stage is not supported", 12),
        ('{app="a"} | bogus', "unknown stage or label filter 'bogus'", 12),
        ('{app="a"} | 42', "unknown stage", 12),
        ('{app="a"} | status > "x"', "compares numbers", 21),
        ('{app="a"} | status > 5ms', "durations and byte sizes", 22),
        ('{app="a"} | json x="y"', "with parameters", 17),
        ('{app="a"} | line_format "{{ if .x }}"', "{{.label}} and {{__line__}} only", 25),
        ('{app="a"}[5m]', "needs a function", 9),
        ('count_over_time({app="a"})', "needs a range", 25),
        ('count_over_time({app="a"}[5x])', "a range like [5m]", 26),
        ('count_over_time({app="a"}[5m] offset 1h)', "offset is not supported", 30),
        ('sum_over_time({app="a"} | unwrap x [5m])', "needs | unwrap", 0),
        ('topk(3, count_over_time({app="a"}[5m]))', "topk is not supported", 0),
        ('frobnicate({app="a"})', "unknown function 'frobnicate'", 0),
        ('sum(({app="a"}))', "a log query in parentheses", 4),
        ('sum({app="a"})', "expected a metric query", 4),
        ('sum by (a) (rate({a="b"}[1m])) by (b)', "given twice", 37),
        ('{app="a"} extra', "unexpected 'extra'", 10),
        ('"just a string"', "expected a stream selector", 0),
    ],
)
def test_errors_name_what_and_where(text: str, words: str, at: int) -> None:
    rule = error(text)
    assert words in rule
    assert rule.endswith(f"at position {at}")


def test_hostile_input_is_refused_without_a_hang_or_a_recursion_error() -> None:
    assert "at most 16384 characters" in error('{app="' + "a" * 1_000_000 + '"}')
    assert "nested deeper than 64 levels" in error("(" * 10_000 + 'count_over_time({a="b"}[1m])')
    deep = "sum(" * 2_000 + 'count_over_time({a="b"}[1m])' + ")" * 2_000
    assert "nested deeper than 64 levels" in error(deep)
    predicates = '{a="b"} | ' + "(" * 5_000 + 'x="y"' + ")" * 5_000
    assert len(predicates) < logql.MAX_QUERY
    assert "nested deeper than 64 levels" in error(predicates)
    assert "longer than 1024" in error('{a=~"' + "a" * 2000 + '"}')
    # a wide query within the limits is fine
    wide = "{" + ", ".join(f'l{i}="v"' for i in range(500)) + "}"
    assert len(logql.parse(wide).matchers) == 500  # type: ignore[union-attr]


def test_a_bad_regular_expression_is_checked_with_its_position() -> None:
    # RE2 compiles it when the query runs (TelemetryQuery.select checks the patterns first);
    # the compiled query carries each pattern with the position it came from.
    query = logql.parse('{app=~"("} |~ "[a-"')
    assert isinstance(query, LogQuery)
    compiled = logql_sql.compile_logs(query, start_ns=0, end_ns=MINUTE, limit=10)
    assert compiled.patterns == [("@1", "("), ("@11", "[a-")]


def test_every_value_is_a_bound_parameter() -> None:
    hostile = "'); DROP TABLE x; --"
    query = logql.parse(
        f'{{app="{hostile}", {"lbl"}=~"{hostile}"}} |= "{hostile}" | json | '
        f'status >= 500 | path="{hostile}" | line_format "{hostile}{{{{.path}}}}"'
    )
    assert isinstance(query, LogQuery)
    compiled = logql_sql.compile_logs(query, start_ns=1, end_ns=MINUTE, limit=10)
    assert hostile not in compiled.sql and "DROP" not in compiled.sql
    assert compiled.params.count(hostile) == 5
    assert 500.0 in compiled.params and "app" in compiled.params and "lbl" in compiled.params
    assert compiled.sql.count("?") == len(compiled.params) + 1  # + the file list
    metric = logql.parse(f'sum by (path) (count_over_time({{app="{hostile}"}} | logfmt [5m]))')
    assert isinstance(metric, VectorAggregation) and isinstance(metric.inner, RangeAggregation)
    samples = logql_sql.compile_samples(
        metric.inner, start_ns=0, end_ns=10 * MINUTE, step_ns=MINUTE, by=("path",)
    )
    assert hostile not in samples.sql and samples.params.count(hostile) == 1
    assert samples.sql.count("?") == len(samples.params) + 1


def test_stages_before_the_first_parser_filter_the_scan() -> None:
    query = logql.parse('{service_name="api"} |= "x" | level="error" | json | status > 1')
    assert isinstance(query, LogQuery)
    sql = logql_sql.compile_logs(query, start_ns=0, end_ns=MINUTE, limit=5).sql
    scan = sql[: sql.index("), s1 AS")]
    assert "contains(coalesce(body, ''), ?)" in scan and "service_name" in scan
    assert "try_cast(" not in scan  # the numeric filter on a parsed label comes later
    assert "labels[?]" in sql[sql.index("), s1 AS") :]


def test_durations() -> None:
    assert logql.parse_duration("1h30m") == 90 * MINUTE
    assert logql.parse_duration("250ms") == 250 * 10**6
    assert logql.parse_duration("1.5s") == 1_500_000_000
    for bad in ("", "5", "5x", "0s", "-5m", "1e400h"):
        with pytest.raises(ValidationFailed):
            logql.parse_duration(bad)


def test_the_parsers_limits_are_the_stores() -> None:
    # logql_parse repeats them so that parsing needs no DuckDB; they must not drift apart.
    assert (logql_parse.MAX_TEXT, logql_parse.MAX_PATTERN) == (query.MAX_TEXT, query.MAX_PATTERN)
