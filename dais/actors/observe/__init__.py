"""Observability: OTLP ingest, Parquet storage, queries (dais's own, PromQL, LogQL, TraceQL),
the live tail, alerts, and dais observing itself."""
