"""Telemetry rows to store, built straight from the schemas of ``records.py``, and a store
and its query side on a temporary directory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from dais.actors.observe.query import TelemetryQuery
from dais.actors.observe.records import LOGS, METRICS, SPANS
from dais.actors.observe.store import TelemetryStore

#: An hour boundary in the past; every test's data sits around it.
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ns(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1) * 1000


def log_row(
    at: datetime | int,
    body: str = "hello",
    *,
    service: str = "api",
    severity: int = 9,
    attributes: Mapping[str, str] | None = None,
    resource: Mapping[str, str] | None = None,
    trace_id: str | None = None,
) -> dict[str, Any]:
    time_ns = at if isinstance(at, int) else ns(at)
    return {
        "time": time_ns,
        "observed_time": time_ns + 1,
        "severity_number": severity,
        "severity_text": {9: "INFO", 13: "WARN", 17: "ERROR"}.get(severity),
        "body": body,
        "trace_id": trace_id,
        "span_id": None,
        "flags": 0,
        "event_name": None,
        "attributes": dict(attributes or {}),
        "service_name": service,
        "resource_attributes": dict(resource or {"host.name": "h1"}),
        "scope_name": "tests",
        "scope_version": "1",
    }


def span_row(
    trace_id: str,
    span_id: str,
    start: datetime,
    *,
    parent: str | None = None,
    name: str = "GET /",
    duration: timedelta = timedelta(milliseconds=5),
    service: str = "api",
    status: int = 0,
    attributes: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    start_ns = ns(start)
    duration_ns = duration // timedelta(microseconds=1) * 1000
    return {
        "trace_id": trace_id,
        "span_id": span_id,
        "parent_span_id": parent,
        "trace_state": None,
        "name": name,
        "kind": 2,
        "start_time": start_ns,
        "end_time": start_ns + duration_ns,
        "duration_ns": duration_ns,
        "status_code": status,
        "status_message": None,
        "attributes": dict(attributes or {}),
        "events": "[]",
        "links": "[]",
        "service_name": service,
        "resource_attributes": {"host.name": "h1"},
        "scope_name": "tests",
        "scope_version": "1",
    }


def point_row(
    name: str,
    at: datetime,
    value: float,
    *,
    service: str = "api",
    attributes: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "description": None,
        "unit": "1",
        "kind": "sum",
        "temporality": "cumulative",
        "monotonic": True,
        "time": ns(at),
        "start_time": ns(T0 - timedelta(days=1)),
        "value": value,
        "count": None,
        "sum": None,
        "min": None,
        "max": None,
        "bucket_counts": None,
        "explicit_bounds": None,
        "quantiles": None,
        "attributes": dict(attributes or {}),
        "service_name": service,
        "resource_attributes": {},
        "scope_name": "tests",
        "scope_version": "1",
    }


def logs(*rows: dict[str, Any]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=LOGS)


def spans(*rows: dict[str, Any]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SPANS)


def points(*rows: dict[str, Any]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=METRICS)


def files_under(root: Path, pattern: str = "**/part-*.parquet") -> list[Path]:
    return sorted(root.glob(pattern))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[TelemetryStore]:
    store = TelemetryStore(tmp_path, flush_interval=3600)
    await store.recover()
    yield store
    await store.flush()  # closes the WAL files a test left open


@pytest.fixture
def query(store: TelemetryStore) -> Any:
    query = TelemetryQuery(store)
    yield query
    query.close()
