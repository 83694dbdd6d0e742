"""The TraceQL subset and Tempo's tag search as SQL conditions: each field and operator,
values always bound parameters, errors naming their position."""

from __future__ import annotations

import pytest

from dais.actors.observe import traceql
from dais.actors.observe.query import Where
from dais.errors import ValidationFailed


def compiled(query: str) -> tuple[list[str], list[object], list[tuple[str, str]]]:
    where = Where()
    patterns: list[tuple[str, str]] = []
    traceql.conditions(query, where, patterns)
    return where.clauses, where.params, patterns


def test_every_field_and_operator() -> None:
    clauses, params, patterns = compiled(
        '{ resource.service.name = "shop" && name =~ "GET .*" && duration > 100ms && '
        "status = error && kind != client && span.http.route = `/a` && resource.region != "
        '"eu" && .items >= 3 && span.cached = true && statusMessage !~ "x+" }'
    )
    assert clauses == [
        "coalesce(service_name, '') = ?",
        "regexp_full_match(coalesce(name, ''), ?)",
        "duration_ns > ?",
        "status_code = ?",
        "kind <> ?",
        "coalesce(attributes[?], '') = ?",
        "coalesce(resource_attributes[?], '') <> ?",
        "coalesce(try_cast(coalesce(attributes[?], resource_attributes[?]) AS DOUBLE) >= ?, false)",
        "coalesce(attributes[?], '') = ?",
        "NOT regexp_full_match(coalesce(status_message, ''), ?)",
    ]
    assert params == [
        "shop",
        "GET .*",
        100_000_000,
        2,
        3,
        "http.route",
        "/a",
        "region",
        "eu",
        "items",
        "items",
        3.0,
        "cached",
        "true",
        "x+",
    ]
    assert patterns == [("q", "GET .*"), ("q", "x+")]


def test_empty_filters_select_every_span() -> None:
    assert compiled("") == ([], [], [])
    assert compiled("  { }  ") == ([], [], [])


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (
            '{ name = "x" || name = "y" }',
            "|| is not supported; join with && at position 13",
        ),
        ('{ name = "x" } && { name = "y" }', "only one spanset filter"),
        ('{ name = "x" } | count() > 1', "only one spanset filter"),
        ('{ name > "x" }', "compares numbers and durations, not text at position 9"),
        ("{ duration = soon }", "duration compares with a duration"),
        ("{ status = broken }", "status = or != one of unset, ok, error"),
        ("{ bogus = 1 }", "unknown field 'bogus' at position 2"),
        ('{ name = "x" ', "expected && or }"),
        ('{ name = "x }', "a string is not closed at position 9"),
        ("{ span. = 1 }", "expected an attribute name"),
        ("{ span.a = [1] }", "expected a string, a number or true/false"),
        ('name = "x"', "expected a spanset filter"),
        ("{" * 10_000, "expected a field"),
    ],
)
def test_errors_name_what_and_where(query: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        compiled(query)
    assert caught.value.field == "q" and words in caught.value.rule


def test_hostile_input() -> None:
    with pytest.raises(ValidationFailed, match="at most 16384 characters"):
        compiled("{" + 'name = "x" && ' * 100_000 + "}")
    hostile = "'); DROP TABLE spans; --"
    clauses, params, _ = compiled(f'{{ span.x = "{hostile}" && name = "{hostile}" }}')
    assert hostile not in " ".join(clauses) and params.count(hostile) == 2


def test_tag_search() -> None:
    where = Where()
    traceql.tag_conditions(
        'service.name=cart name="GET /x" status=error http.status_code=500', where
    )
    assert where.clauses == [
        "service_name = ?",
        "name = ?",
        "status_code = ?",
        "(attributes[?] = ? OR resource_attributes[?] = ?)",
    ]
    assert where.params == [
        "cart",
        "GET /x",
        2,
        "http.status_code",
        "500",
        "http.status_code",
        "500",
    ]
    with pytest.raises(ValidationFailed, match="tags: key=value pairs"):
        traceql.tag_conditions('a="unclosed', Where())


def test_go_durations() -> None:
    assert traceql.parse_go_duration("1m30s", "x") == 90 * 10**9
    assert traceql.parse_go_duration("1.5ms", "x") == 1_500_000
    for bad in ("", "10", "5d", "fast"):
        with pytest.raises(ValidationFailed):
            traceql.parse_go_duration(bad, "minDuration")
