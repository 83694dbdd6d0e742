"""PromQL over a project's stored OTLP metrics: the API the Prometheus routes and the alert
evaluator use.

Four modules do the work: :mod:`.promql_parse` turns text into a type-checked tree
(bounded: length, nesting, selectors), :mod:`.promql_series` reads the series a selector
names from the store (OTLP names and attributes as Prometheus's OTLP translation names
them; delta points accumulated), and :mod:`.promql_eval` evaluates the tree at every step
with the arithmetic of :mod:`.promql_functions`. Errors are
:class:`~dais.errors.ValidationFailed`: on ``query`` when the text is at fault (it does not
parse, a regular expression does not compile, a selector reads more than 31 days), on
``execution`` when the data is (too many samples, duplicate series).
"""

from __future__ import annotations

from .promql_eval import LOOKBACK as LOOKBACK
from .promql_eval import MAX_STEPS as MAX_STEPS
from .promql_eval import Sample as Sample
from .promql_eval import Series as Series
from .promql_eval import evaluate as evaluate
from .promql_eval import evaluate_instant as evaluate_instant
from .promql_eval import evaluate_range as evaluate_range
from .promql_eval import metadata as metadata
from .promql_eval import series_labels as series_labels
from .promql_parse import MAX_QUERY as MAX_QUERY
from .promql_parse import Expr as Expr
from .promql_parse import MatrixSelector as MatrixSelector
from .promql_parse import VectorSelector as VectorSelector
from .promql_parse import parse as parse
from .promql_parse import parse_duration as parse_duration
from .promql_series import format_value as format_value
from .promql_series import metric_name as metric_name

__all__ = [
    "LOOKBACK",
    "MAX_QUERY",
    "MAX_STEPS",
    "Expr",
    "MatrixSelector",
    "Sample",
    "Series",
    "VectorSelector",
    "evaluate",
    "evaluate_instant",
    "evaluate_range",
    "format_value",
    "metadata",
    "metric_name",
    "parse",
    "parse_duration",
    "series_labels",
]
