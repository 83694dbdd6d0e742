"""Stored OTLP metric points as the Prometheus series a PromQL selector names.

Names follow Prometheus's own OTLP translation (``storage/remote/otlptranslator``, its
underscore-escaping strategy without suffixes): a metric name's characters outside
``[a-zA-Z0-9_:]`` become ``_``, an attribute key's outside ``[a-zA-Z0-9_]`` likewise (with
``key_`` before a leading digit); keys that collide once escaped join their values with
``;`` in key order; empty values are no label. The resource gives ``service_name`` (its
``service.name``), ``job`` (``service.namespace/service.name``, or the name alone) and
``instance`` (``service.instance.id``), which win over point attributes of those names. A
gauge or sum ``m`` is the series ``m``; a histogram ``h`` is ``h_bucket{le="..."}`` (the
cumulative count up to each bound, written as Go's ``FormatFloat(b, 'f', -1)`` does, then
``le="+Inf"`` holding the point's count), ``h_sum`` and ``h_count``; an exponential
histogram ``h_sum`` and ``h_count`` (its buckets are not stored); a summary ``s{quantile=..}``,
``s_sum`` and ``s_count``.

A selector's matchers run in DuckDB (RE2, anchored, ``.`` matching newlines as in
Prometheus 3): on ``__name__`` against the escaped name (a ``=`` value is escaped first, so
a quoted OTLP name such as ``{"http.server.duration"}`` selects its series; a regular
expression may match the OTLP name too), on other labels against the value the label would
have, computed per row from the attribute keys that escape to it. ``le`` and ``quantile``
are made here, so their matchers are applied to the series built.

Delta temporality: the points of a delta sum or histogram series are added up in time
order from the first point read, so every series reaches PromQL cumulative and ``rate``,
``increase`` and ``irate`` mean the same for both temporalities. The level of such a series
counts from the start of the read (the evaluation range, less ranges, offsets and the
lookback), not from when the process began; only differences mean anything, and the
evaluator knows such series (:attr:`RawSeries.from_delta`).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import attrs
import pyarrow.compute as pc

from dais.errors import ValidationFailed

from .promql_parse import Matcher, VectorSelector
from .query import SCAN, TS, from_ns
from .records import Signal

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Sequence

    import pyarrow as pa

    from .query import TelemetryQuery

__all__ = [
    "MAX_SERIES",
    "Exposed",
    "Labels",
    "RawSeries",
    "StoreSource",
    "format_value",
    "label_name",
    "labels_of",
    "metric_name",
    "series_of",
]

#: The most stored series (before histograms are split into buckets) one selector may read.
MAX_SERIES = 50_000

#: A label set sorted by name: hashable, it is a series' identity.
Labels = tuple[tuple[str, str], ...]
#: What a PromQL name stands for: (OTLP metric name, kind, suffix), the suffix being one of
#: "", "_bucket", "_sum", "_count".
Exposed = tuple[str, str, str]

_METRIC_CHARS = re.compile(r"[^a-zA-Z0-9_:]")
_LABEL_CHARS = re.compile(r"[^a-zA-Z0-9_]")
_SQL_ESCAPED = "regexp_replace(name, '[^a-zA-Z0-9_:]', '_', 'g')"
_SUFFIXES = {
    "gauge": ("",),
    "sum": ("",),
    "histogram": ("_bucket", "_sum", "_count"),
    "exponential_histogram": ("_sum", "_count"),
    "summary": ("", "_sum", "_count"),
}
_SQL_SUFFIXES = "CASE kind {} ELSE [] END".format(
    " ".join(
        f"WHEN '{kind}' THEN [{', '.join(repr(s) for s in suffixes)}]::VARCHAR[]"
        for kind, suffixes in _SUFFIXES.items()
    )
)
_SQL_OPS = {
    "=": "{} = ?",
    "!=": "{} <> ?",
    "=~": "regexp_full_match({}, ?, 's')",
    "!~": "NOT regexp_full_match({}, ?, 's')",
}
# The labels the resource sets, over any attribute of the same name.
_JOB = (
    "CASE WHEN coalesce(service_name, '') = '' THEN NULL "
    "WHEN coalesce(resource_attributes['service.namespace'], '') <> '' "
    "THEN resource_attributes['service.namespace'] || '/' || service_name "
    "ELSE service_name END"
)
_RESOURCE_LABELS = {
    "service_name": "nullif(service_name, '')",
    "job": _JOB,
    "instance": "nullif(resource_attributes['service.instance.id'], '')",
}
_MADE_HERE = frozenset({"le", "quantile"})


def metric_name(name: str) -> str:
    """An OTLP metric name as a PromQL one."""
    return _METRIC_CHARS.sub("_", name)


def label_name(key: str) -> str:
    """An OTLP attribute key as a Prometheus label name."""
    name = _LABEL_CHARS.sub("_", key)
    return f"key_{name}" if name[:1].isdigit() else name


def format_value(value: float, *, exponent: bool = True) -> str:
    """A float as Prometheus writes it: Go's shortest ``'f'`` form, and its ``'e'`` form
    below 1e-6 and from 1e21 on when ``exponent`` (sample values; bucket bounds never);
    ``NaN``, ``+Inf`` and ``-Inf``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    text = repr(value)  # the shortest digits; its exponent form is Go's ("1e-07", "1.5e+21")
    magnitude = abs(value)
    if exponent and magnitude != 0 and (magnitude < 1e-6 or magnitude >= 1e21):
        return text
    if "e" in text:
        text = format(Decimal(text), "f")
    return text.removesuffix(".0")


@attrs.frozen
class RawSeries:
    """A series as read: its labels, and its samples by time (nanoseconds, no repeats)."""

    labels: Labels
    times: list[int]
    values: list[float]
    #: Accumulated from delta points: its level counts from the start of the read.
    from_delta: bool = False


# --- from rows to series ------------------------------------------------------------------


def _base_labels(row: dict[str, Any]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, value in sorted(row["attributes"] or [], key=lambda kv: kv[0]):
        if not key or value is None or value == "":
            continue
        name = label_name(key)
        labels[name] = f"{labels[name]};{value}" if name in labels else value
    service = row["service_name"] or ""
    if service:
        labels["service_name"] = service
        namespace = row.get("namespace") or ""
        labels["job"] = f"{namespace}/{service}" if namespace else service
    if row.get("instance"):
        labels["instance"] = row["instance"]
    return labels


def _labels(base: dict[str, str], name: str, extra: dict[str, str] | None = None) -> Labels:
    merged = {**base, **(extra or {}), "__name__": name}
    return tuple(sorted(merged.items()))


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _buckets(
    times: list[int], counts: list[Any], bounds: list[Any], totals: list[Any], delta: bool
) -> dict[str, tuple[list[int], list[float]]]:
    """``le`` -> the cumulative bucket series of a histogram's points (``+Inf`` from the
    points' counts); a delta histogram's buckets added up over time, bound by bound."""
    out: dict[str, tuple[list[int], list[float]]] = {}
    running: dict[str, float] = defaultdict(float)
    for t, point_counts, point_bounds, total in zip(times, counts, bounds, totals, strict=True):
        if total is None:
            continue
        cumulative = 0.0
        les = []
        for bound, count in zip(point_bounds or [], point_counts or [], strict=False):
            cumulative += count
            les.append((format_value(bound, exponent=False), cumulative))
        les.append(("+Inf", float(total)))
        for le, value in les:
            if delta:
                running[le] += value
                value = running[le]
            ts, vs = out.setdefault(le, ([], []))
            ts.append(t)
            vs.append(value)
    return out


def _quantiles(times: list[int], documents: list[Any]) -> dict[str, tuple[list[int], list[float]]]:
    out: dict[str, tuple[list[int], list[float]]] = {}
    for t, document in zip(times, documents, strict=True):
        for quantile, value in json.loads(document) if document else []:
            ts, vs = out.setdefault(format_value(float(quantile), exponent=False), ([], []))
            ts.append(t)
            vs.append(float(value))
    return out


def _present(times: list[int], values: list[Any]) -> tuple[list[int], list[float]]:
    """The samples that hold a value (a point without one is a staleness marker), as
    floats (counts are integers)."""
    if None not in values:
        if not values or type(values[0]) is float:  # a column of doubles
            return times, values
        return times, [float(v) for v in values]
    kept = [(t, float(v)) for t, v in zip(times, values, strict=True) if v is not None]
    return [t for t, _ in kept], [v for _, v in kept]


def series_of(rows: Iterable[dict[str, Any]], wanted: set[Exposed]) -> list[RawSeries]:
    """The series stored rows hold. Each row is one stored series (``name``, ``kind``,
    ``temporality``, ``service_name``, ``namespace``, ``instance``, ``attributes``) with its
    points as lists (``times``, ``values``, ``counts``, ``sums``, ``buckets``, ``bounds``,
    ``quantiles``, side by side in any order of time; a list not read is None).
    ``wanted`` holds the (name, kind, suffix) to make. Rows whose labels come out equal make
    one series, with one sample per timestamp."""
    made: dict[Labels, list[RawSeries]] = defaultdict(list)
    for (name, kind, delta, base_items), row in _stored(rows).items():
        base = dict(base_items)
        times = row["times"]
        for suffix in _SUFFIXES.get(kind, ()):
            if (name, kind, suffix) not in wanted:
                continue
            series_name = metric_name(name) + suffix
            if suffix == "_bucket":
                les = _buckets(times, row["buckets"], row["bounds"], row["counts"], delta)
                for le, (ts, vs) in les.items():
                    labels = _labels(base, series_name, {"le": le})
                    made[labels].append(RawSeries(labels, ts, vs, delta))
            elif suffix == "" and kind == "summary":
                for q, (ts, vs) in _quantiles(times, row["quantiles"]).items():
                    labels = _labels(base, series_name, {"quantile": q})
                    made[labels].append(RawSeries(labels, ts, vs))
            else:
                column = {"": "values", "_sum": "sums", "_count": "counts"}[suffix]
                ts, vs = _present(times, row[column])
                labels = _labels(base, series_name)
                # Only sums and histograms have a temporality, so delta means accumulate.
                made[labels].append(RawSeries(labels, ts, _accumulate(vs) if delta else vs, delta))
    return [_union(labels, parts) for labels, parts in made.items()]


def labels_of(rows: Iterable[dict[str, Any]], wanted: set[Exposed]) -> list[Labels]:
    """The label sets of the series stored rows hold, as :func:`series_of` would make them,
    from rows that carry every ``bounds`` and ``quantiles`` document seen instead of
    points."""
    found: set[Labels] = set()
    for row in rows:
        base = _base_labels(row)
        name, kind = row["name"], row["kind"]
        for suffix in _SUFFIXES.get(kind, ()):
            if (name, kind, suffix) not in wanted:
                continue
            series_name = metric_name(name) + suffix
            if suffix == "_bucket":
                bounds = sorted(set(row["bounds"] or []))
                for le in [*(format_value(b, exponent=False) for b in bounds), "+Inf"]:
                    found.add(_labels(base, series_name, {"le": le}))
            elif suffix == "" and kind == "summary":
                for document in row["quantiles"] or []:
                    for q, _ in json.loads(document) if document else []:
                        quantile = format_value(float(q), exponent=False)
                        found.add(_labels(base, series_name, {"quantile": quantile}))
            else:
                found.add(_labels(base, series_name))
    return sorted(found)


_POINT_LISTS = ("times", "values", "counts", "sums", "buckets", "bounds", "quantiles")


def _stored(
    rows: Iterable[dict[str, Any]],
) -> dict[tuple[str, str, bool, Labels], dict[str, Any]]:
    """Stored series by (name, kind, delta, labels), points in time order: rows that differ
    only in the order of their attributes (two SDKs, one series) become one."""
    groups: dict[tuple[str, str, bool, Labels], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        labels = tuple(sorted(_base_labels(row).items()))
        groups[(row["name"], row["kind"], row["temporality"] == "delta", labels)].append(row)
    return {key: _in_time_order(group) for key, group in groups.items()}


def _in_time_order(group: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows' points as one row, by time (DuckDB's lists come in no set order; mostly
    ordered already, as each file is)."""
    first = group[0]
    lists: dict[str, list[Any] | None] = {}
    for column in _POINT_LISTS:
        if all(row[column] is None for row in group):
            lists[column] = None
        elif len(group) == 1:
            lists[column] = first[column]
        else:
            lists[column] = [
                v for row in group for v in (row[column] or [None] * len(row["times"]))
            ]
    times = lists["times"] or []
    if times != sorted(times):
        order = sorted(range(len(times)), key=times.__getitem__)
        lists = {c: None if v is None else [v[i] for i in order] for c, v in lists.items()}
    return {**first, **lists}


def _union(labels: Labels, parts: list[RawSeries]) -> RawSeries:
    """Series of equal labels (OTLP names or keys that escape alike) as one."""
    if len(parts) == 1:
        return _deduplicated(parts[0])
    samples = sorted(
        ((t, v) for part in parts for t, v in zip(part.times, part.values, strict=True)),
        key=lambda sample: sample[0],
    )
    merged = RawSeries(
        labels, [t for t, _ in samples], [v for _, v in samples], any(p.from_delta for p in parts)
    )
    return _deduplicated(merged)


def _deduplicated(series: RawSeries) -> RawSeries:
    """At most one sample per timestamp: the last one read."""
    times = series.times  # in time order already
    if len(set(times)) == len(times):
        return series
    kept_t: list[int] = []
    kept_v: list[float] = []
    for t, v in zip(times, series.values, strict=True):
        if kept_t and kept_t[-1] == t:
            kept_v[-1] = v
        else:
            kept_t.append(t)
            kept_v.append(v)
    return attrs.evolve(series, times=kept_t, values=kept_v)


# --- reading the store ----------------------------------------------------------------------


class StoreSource:
    """The series of one project's stored metrics, for :mod:`.promql_eval`. Times are
    nanoseconds; a read covers (lo, hi], as Prometheus 3's windows are left-open."""

    def __init__(
        self,
        query: TelemetryQuery,
        project_id: int,
        reads: dict[Hashable, pa.Table | None] | None = None,
    ) -> None:
        self._query = query
        self._project_id = project_id
        # Reads already made, shared by evaluations at one instant (an alert evaluator's
        # pass): rules over the same metrics and windows read the store once.
        self._reads = reads

    async def check_pattern(self, matcher: Matcher) -> None:
        """Compile a regular expression matcher's pattern with DuckDB's RE2.

        :raises ValidationFailed: on ``query``, naming the matcher's position.
        """
        try:
            # Over the first second of 1970, where no files are: only the pattern is compiled.
            await self._query.select(
                Signal.METRICS,
                self._project_id,
                from_ns(0),
                from_ns(10**9),
                "SELECT len(?)",
                patterns=[("query", matcher.value)],
            )
        except ValidationFailed as exc:
            raise ValidationFailed(
                "query", f"at position {matcher.pos}: {matcher.name}{matcher.op}: {exc.rule}"
            ) from None

    async def points(
        self, selector: VectorSelector, lo_ns: int, hi_ns: int, budget: int
    ) -> list[RawSeries]:
        """The series ``selector`` names, with their samples in (lo, hi].

        :raises ValidationFailed: past ``budget`` samples (a histogram's point counts once
            per bucket), or :data:`MAX_SERIES` stored series.
        """
        wanted = await self._names(selector, lo_ns, hi_ns)
        if not wanted:
            return []
        suffixes = {(kind, suffix) for _, kind, suffix in wanted}
        buckets = any(suffix == "_bucket" for _, suffix in suffixes)
        columns = [
            "list(epoch_ns(time)) AS times",
            # What the points become once read: a histogram's, a sample per bucket.
            "sum(len(coalesce(bucket_counts, [])) + 3) AS weight"
            if buckets
            else "count(*) AS weight",
        ]
        for column, source, needed in (
            ("values", "value", any(s == "" and k != "summary" for k, s in suffixes)),
            ("counts", "count", any(s in ("_count", "_bucket") for _, s in suffixes)),
            ("sums", "sum", any(s == "_sum" for _, s in suffixes)),
            ("buckets", "bucket_counts", buckets),
            ("bounds", "explicit_bounds", buckets),
            ("quantiles", "quantiles", any(s == "" and k == "summary" for k, s in suffixes)),
        ):
            read = f"list({source})" if needed else "NULL"
            columns.append(f"{read} AS {column}")
        table = await self._stored_series(selector, wanted, lo_ns, hi_ns, columns, budget)
        if table is None:
            return []
        if (pc.sum(table.column("weight")).as_py() or 0) > budget:
            raise _too_many_samples(budget)
        # Python objects from Arrow, then series: CPU work, off the event loop.
        series = await anyio.to_thread.run_sync(lambda: series_of(table.to_pylist(), wanted))
        return await self._made_here(selector, series, lo_ns, hi_ns)

    async def labels(self, selector: VectorSelector | None, lo_ns: int, hi_ns: int) -> list[Labels]:
        """The label sets of the series ``selector`` names (every series for None) with a
        sample in (lo, hi], sorted.

        :raises ValidationFailed: past :data:`MAX_SERIES` stored series.
        """
        selector = selector or VectorSelector(())
        wanted = await self._names(selector, lo_ns, hi_ns)
        if not wanted:
            return []
        columns = [
            "list_distinct(flatten(list(explicit_bounds))) AS bounds",
            "list(DISTINCT quantiles) AS quantiles",
        ]
        table = await self._stored_series(selector, wanted, lo_ns, hi_ns, columns, None)
        if table is None:
            return []
        found = await anyio.to_thread.run_sync(lambda: labels_of(table.to_pylist(), wanted))
        series = [RawSeries(labels, [], []) for labels in found]
        return [s.labels for s in await self._made_here(selector, series, lo_ns, hi_ns)]

    async def metadata(self, lo_ns: int, hi_ns: int) -> list[tuple[str, str, str, str]]:
        """(PromQL name, Prometheus type, help, unit) of each metric with a point in (lo, hi]:
        a monotonic sum is a counter, any other sum a gauge."""
        sql = f"""
            SELECT name, kind, bool_or(coalesce(monotonic, false)) AS monotonic,
                coalesce(any_value(description), '') AS help, coalesce(any_value(unit), '') AS unit
            FROM {SCAN} WHERE time > {TS} AND time <= {TS} GROUP BY name, kind
            ORDER BY name LIMIT {MAX_SERIES}
        """
        table = await self._select(lo_ns, hi_ns, sql, [lo_ns, hi_ns])
        found = []
        for row in [] if table is None else table.to_pylist():
            kind = row["kind"]
            if kind == "sum":
                kind = "counter" if row["monotonic"] else "gauge"
            elif kind == "exponential_histogram":
                kind = "histogram"
            found.append((metric_name(row["name"]), kind, row["help"], row["unit"]))
        return found

    async def _names(self, selector: VectorSelector, lo_ns: int, hi_ns: int) -> set[Exposed]:
        """What the PromQL names the selector's ``__name__`` matchers take stand for."""
        where, params = [], []
        for m in selector.matchers:
            if m.name != "__name__":
                continue
            if m.op in ("=", "!="):
                where.append(_SQL_OPS[m.op].format("prom"))
                params.append(metric_name(m.value))
            else:
                either = (
                    "(regexp_full_match(prom, ?, 's') OR regexp_full_match(name || suffix, ?, 's'))"
                )
                where.append(either if m.op == "=~" else f"NOT {either}")
                params.extend([m.value, m.value])
        sql = f"""
            WITH names AS (
                SELECT DISTINCT name, kind FROM {SCAN} WHERE time > {TS} AND time <= {TS}
            ),
            exposed AS (SELECT name, kind, unnest({_SQL_SUFFIXES}) AS suffix FROM names)
            SELECT name, kind, suffix FROM (
                SELECT *, {_SQL_ESCAPED} || suffix AS prom FROM exposed
            ) WHERE {" AND ".join(where) or "true"}
        """
        table = await self._select(lo_ns, hi_ns, sql, [lo_ns, hi_ns, *params])
        if table is None:
            return set()
        return {(row["name"], row["kind"], row["suffix"]) for row in table.to_pylist()}

    async def _stored_series(
        self,
        selector: VectorSelector,
        wanted: set[Exposed],
        lo_ns: int,
        hi_ns: int,
        columns: Sequence[str],
        budget: int | None,
    ) -> pa.Table | None:
        """One row per stored series of the wanted names whose labels satisfy the
        selector's matchers (those on ``le`` and ``quantile`` aside), with ``columns``."""
        names = sorted({name for name, _, _ in wanted})
        where = ["name = ANY(?::VARCHAR[])", f"time > {TS}", f"time <= {TS}"]
        params: list[Any] = [names, lo_ns, hi_ns]
        labelled = [m for m in selector.matchers if m.name not in ("__name__", *_MADE_HERE)]
        keys = await self._keys(names, lo_ns, hi_ns) if labelled else {}
        for m in labelled:
            expression, bound = _label_expression(m.name, keys.get(m.name, []))
            where.append(_SQL_OPS[m.op].format(expression))
            params.extend([*bound, m.value])
        # The inner LIMIT stops the scan early when a query would read too much.
        limit = "" if budget is None else f"LIMIT {budget + 1}"
        sql = f"""
            SELECT name, kind, temporality, service_name,
                resource_attributes['service.namespace'] AS namespace,
                resource_attributes['service.instance.id'] AS instance,
                attributes, {", ".join(columns)}
            FROM (SELECT * FROM {SCAN} WHERE {" AND ".join(where)} {limit})
            GROUP BY ALL LIMIT {MAX_SERIES + 1}
        """
        table = await self._select(lo_ns, hi_ns, sql, params)
        if table is not None and table.num_rows > MAX_SERIES:
            raise ValidationFailed(
                "execution",
                f"the selector at position {selector.pos} names more than {MAX_SERIES} "
                "stored series: narrow it with label matchers",
            )
        return table

    async def _keys(self, names: list[str], lo_ns: int, hi_ns: int) -> dict[str, list[str]]:
        """Label name -> the attribute keys of these metrics that escape to it, sorted."""
        sql = (
            f"SELECT DISTINCT unnest(map_keys(attributes)) AS key FROM {SCAN}"
            f" WHERE name = ANY(?::VARCHAR[]) AND time > {TS} AND time <= {TS}"
        )
        table = await self._select(lo_ns, hi_ns, sql, [names, lo_ns, hi_ns])
        keys: dict[str, list[str]] = defaultdict(list)
        for key in [] if table is None else table.column("key").to_pylist():
            if key:
                keys[label_name(key)].append(key)
        return {name: sorted(found) for name, found in keys.items()}

    async def _made_here(
        self, selector: VectorSelector, series: list[RawSeries], lo_ns: int, hi_ns: int
    ) -> list[RawSeries]:
        """The series whose ``le`` and ``quantile`` labels satisfy the selector."""
        for m in selector.matchers:
            if m.name not in _MADE_HERE or not series:
                continue
            values = sorted({dict(s.labels).get(m.name, "") for s in series})
            if m.op in ("=", "!="):
                matching = {v for v in values if (v == m.value) == (m.op == "=")}
            else:
                sql = "SELECT len(?), list_filter(?::VARCHAR[], lambda v: {}) AS kept".format(
                    _SQL_OPS[m.op].format("v")
                )
                found = await self._select(lo_ns, hi_ns, sql, [values, m.value])
                matching = set(found.column("kept")[0].as_py() or []) if found else set()
            series = [s for s in series if dict(s.labels).get(m.name, "") in matching]
        return series

    async def _select(self, lo_ns: int, hi_ns: int, sql: str, params: list[Any]) -> pa.Table | None:
        key = None
        if self._reads is not None:
            key = (self._project_id, lo_ns, hi_ns, sql, _hashable(params))
            if key in self._reads:
                return self._reads[key]
        # The store lists the hours of [start, end): end past hi, so hi's own hour is read.
        start = from_ns(max(lo_ns, 0))
        end = from_ns(max(hi_ns, 0)) + timedelta(microseconds=1)
        table: pa.Table | None = await self._query.select(
            Signal.METRICS, self._project_id, start, end, sql, params
        )
        if key is not None and self._reads is not None:
            self._reads[key] = table
        return table


def _hashable(value: Any) -> Hashable:
    """A query's parameters as a key: lists as tuples (its values are text and numbers)."""
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    hashable: Hashable = value
    return hashable


def _label_expression(label: str, keys: list[str]) -> tuple[str, list[str]]:
    """SQL for the value ``label`` has on a stored row ('' for none), mirroring
    :func:`_base_labels`, and the attribute keys it binds."""
    if not keys:
        attribute = "NULL"
    elif len(keys) == 1:
        attribute = "nullif(attributes[?], '')"
    else:
        parts = ", ".join("nullif(attributes[?], '')" for _ in keys)
        attribute = f"nullif(concat_ws(';', {parts}), '')"
    resource = _RESOURCE_LABELS.get(label)
    if resource is None:
        return f"coalesce({attribute}, '')", list(keys)
    return f"coalesce({resource}, {attribute}, '')", list(keys)


def _too_many_samples(budget: int) -> ValidationFailed:
    return ValidationFailed(
        "execution",
        f"the query reads more than {budget} samples: narrow the time range or the selectors",
    )
