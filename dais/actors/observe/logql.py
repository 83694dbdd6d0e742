"""LogQL, the subset Grafana's Loki data source needs, over a project's stored OTLP logs:
the API the Loki routes use.

Three modules do the work: :mod:`.logql_parse` turns text into a tree (bounded: length,
nesting, string and pattern sizes; each error names its position in the query),
:mod:`.logql_sql` compiles the tree to one DuckDB statement over the logs files and runs
it, labelling records as Loki's OTLP ingestion does, and :mod:`.logql_match` matches one
record at a time against a log query, with the same meaning, for the live tail. Errors are
:class:`~dais.errors.ValidationFailed`, on ``query`` when the text is at fault.
"""

from __future__ import annotations

from .logql_match import LogRecord as LogRecord
from .logql_match import RecordMatcher as RecordMatcher
from .logql_match import compile_matcher as compile_matcher
from .logql_match import labels_of as labels_of
from .logql_parse import MAX_QUERY as MAX_QUERY
from .logql_parse import Expr as Expr
from .logql_parse import LogQuery as LogQuery
from .logql_parse import Metric as Metric
from .logql_parse import parse as parse
from .logql_parse import parse_duration as parse_duration
from .logql_parse import parse_selector as parse_selector
from .logql_sql import MAX_ENTRIES as MAX_ENTRIES
from .logql_sql import Series as Series
from .logql_sql import Stream as Stream
from .logql_sql import evaluate as evaluate
from .logql_sql import label_names as label_names
from .logql_sql import label_values as label_values
from .logql_sql import select_logs as select_logs
from .logql_sql import series as series
from .logql_sql import stats as stats

__all__ = [
    "MAX_ENTRIES",
    "MAX_QUERY",
    "Expr",
    "LogQuery",
    "LogRecord",
    "Metric",
    "RecordMatcher",
    "Series",
    "Stream",
    "compile_matcher",
    "evaluate",
    "label_names",
    "label_values",
    "labels_of",
    "parse",
    "parse_duration",
    "parse_selector",
    "select_logs",
    "series",
    "stats",
]
