"""The live tail's matcher means what the stored query means: the same queries over the same
records, once through logql_sql's SQL (DuckDB over a Parquet file written with the store's
schema) and once through logql_match, select the same lines with the same labels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dais.actors.observe import logql_parse, logql_sql
from dais.actors.observe.logql_match import LogRecord, compile_matcher, labels_of
from dais.actors.observe.records import LOGS
from dais.errors import ValidationFailed

if TYPE_CHECKING:
    from pathlib import Path

SECOND = 10**9

# Each record differs from the others in a way some query below tells apart.
RECORDS: list[dict[str, Any]] = [
    {
        "body": "timeout\nretry",
        "severity_number": 17,
        "severity_text": "ERROR",
        "service_name": "api",
        "resource_attributes": {"k8s.namespace.name": "shop", "service.name": "api"},
        "attributes": {"http.route": "/x", "level": "custom"},
        "trace_id": "0af7651916cd43dd8448eb211c80319c",
        "span_id": "b7ad6b7169203331",
    },
    {
        "body": "out$ and a{,2} here",
        "severity_number": 9,
        "severity_text": None,
        "service_name": "checkout",
        "resource_attributes": {"a.b": "1", "a_b": "2", "team": ""},
        "attributes": {"service_name": "meta", "trace_id": "attr"},
        "trace_id": "",
        "span_id": None,
    },
    {
        "body": "ends in out",
        "severity_number": 21,
        "severity_text": "",
        "service_name": "",
        "resource_attributes": {"app": "worker"},
        "attributes": {},
        "trace_id": None,
        "span_id": None,
    },
    {
        "body": "out\n",
        "severity_number": 0,
        "severity_text": "Warn",
        "service_name": "api",
        "resource_attributes": {},
        "attributes": {"http.route": "/y", "n": "500"},
        "trace_id": None,
        "span_id": None,
    },
    {
        "body": "tab\vhere\u00e942",
        "severity_number": 25,
        "severity_text": None,
        "service_name": "checkout",
        "resource_attributes": {"k8s.namespace.name": "shop"},
        "attributes": {"level": ""},
        "trace_id": None,
        "span_id": None,
    },
    {
        "body": None,
        "severity_number": 5,
        "severity_text": None,
        "service_name": "api",
        "resource_attributes": {"team": "core"},
        "attributes": {},
        "trace_id": None,
        "span_id": None,
    },
]

QUERIES = [
    '{service_name="api"}',
    '{service_name=~"api|checkout"}',
    '{service_name="meta"}',
    '{app="worker"}',
    '{level="error"}',
    '{detected_level=~"warn|error|fatal"}',
    '{level="custom"}',
    '{detected_level="unknown"}',
    '{k8s_namespace_name="shop"} != "retry"',
    '{a_b="1"}',
    '{trace_id="attr"}',
    '{team=~".*", service_name="checkout"}',
    '{team!="core", service_name=~".+"}',
    '{service_name=~".+"} |= "time"',
    '{service_name=~".*t.*"} |= ""',
    '{service_name=~".+"} |~ "out$"',
    '{app=~".+"} |~ "out$"',
    '{service_name=~".+"} |~ "(?i)TIMEOUT"',
    '{service_name=~".+"} |~ "^timeout.retry$"',
    '{service_name=~".+"} |~ "(?s)^timeout.retry$"',
    '{service_name=~".+"} |~ "\\\\s"',
    '{service_name=~".+"} |~ "[\\\\s]here"',
    '{service_name=~".+"} !~ "\\\\d+"',
    '{service_name=~".+"} |~ "\\\\w\\\\b"',
    '{service_name=~".+"} |~ "a{,2}"',
    '{service_name=~".+"} |~ "[]x]|[^a-z ]"',
    '{service_name=~".+"} | http_route="/x" or level="custom"',
    '{service_name=~".+"} | level!="info" and (n="500" or span_id=~"b7.*")',
    '{service_name=~".+"} | n!~"5.."',
]


def stored(tmp_path: Path) -> str:
    rows = [
        {
            **record,
            "time": (n + 1) * SECOND,
            "resource_attributes": list(record["resource_attributes"].items()),
            "attributes": list(record["attributes"].items()),
        }
        for n, record in enumerate(RECORDS)
    ]
    path = tmp_path / "logs.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=LOGS), path)
    return str(path)


def live() -> list[LogRecord]:
    fields = ("body", "severity_number", "severity_text", "service_name", "trace_id", "span_id")
    return [
        LogRecord(
            time_ns=(n + 1) * SECOND,
            attributes=r["attributes"],
            resource_attributes=r["resource_attributes"],
            **{k: r[k] for k in fields},
        )
        for n, r in enumerate(RECORDS)
    ]


Found = list[tuple[int, str, tuple[tuple[str, str], ...]]]


def through_sql(path: str, query: logql_parse.LogQuery) -> Found:
    compiled = logql_sql.compile_logs(query, start_ns=0, end_ns=60 * SECOND, limit=100)
    rows = duckdb.connect().sql(compiled.sql, params=[[path], *compiled.params]).fetchall()
    return sorted((t, line or "", tuple(sorted(dict(tags).items()))) for t, line, tags in rows)


def through_matcher(query: logql_parse.LogQuery) -> Found:
    matcher = compile_matcher(query)
    return sorted(
        (r.time_ns, r.body or "", tuple(labels_of(r).items())) for r in live() if matcher.matches(r)
    )


def test_the_matcher_selects_what_the_stored_query_selects(tmp_path: Path) -> None:
    path = stored(tmp_path)
    selected = set()
    for text in QUERIES:
        query = logql_parse.parse_selector(text)
        expected = through_sql(path, query)
        assert through_matcher(query) == expected, text
        selected.add(tuple(t for t, _line, _labels in expected))
    # The queries tell the records apart: many select a set of their own.
    assert len(selected) >= 10


def test_labels_are_the_streams_the_query_returns(tmp_path: Path) -> None:
    found = through_sql(stored(tmp_path), logql_parse.parse_selector('{service_name=~".+"}'))
    first = dict(found[0][2])
    assert first == {
        "detected_level": "error",
        "http_route": "/x",
        "k8s_namespace_name": "shop",
        "level": "custom",  # a record attribute comes before the derived level
        "service_name": "api",
        "span_id": "b7ad6b7169203331",
        "trace_id": "0af7651916cd43dd8448eb211c80319c",
    }
    assert dict(labels_of(live()[0])) == first


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{app="a"} | json', "does not support | json"),
        ('{app="a"} | logfmt', "does not support | logfmt"),
        ('{app="a"} | line_format "{{.x}}"', "does not support | line_format"),
        ('{app="a"} | status >= 500', "not status >= a number, at position 12"),
        ('{app=~"\\\\pL+"}', "\\p in a regular expression at position 1"),
        ('{app="a"} |~ "[[:alpha:]]"', "a POSIX class in a regular expression at position 10"),
        ('{app="a"} |~ "(?m)^a$"', "the m and U flags"),
        ('{app="a"} |~ "(?U)a+"', "the m and U flags"),
        ('{app="a"} |~ "a(?=b)"', "this kind of group"),
        ('{app="a"} |~ "(?P=x)"', "this kind of group"),
        ('{app="a"} |~ "a*+"', "a possessive repetition"),
        ('{app="a"} |~ "(a)\\\\1"', "\\1 in a regular expression"),
        ('{app="a"} |~ "\\\\Qa.b\\\\E"', "\\Q in a regular expression"),
        ('{app="a"} |~ "(?i)é"', "case folding of letters outside ASCII"),
        ('{app="a"} |~ "a(?i)b"', "this pattern (global flags not at the start"),
        ('{app="a"} |~ "[a\\\\S]"', "\\S in a regular expression"),
        ('{app="a"} | x=~"[\\\\b]"', "\\b in a class in a regular expression at position 12"),
    ],
)
def test_what_the_matcher_cannot_evaluate_is_refused(text: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        compile_matcher(logql_parse.parse_selector(text))
    assert caught.value.field == "query"
    assert words in caught.value.rule
