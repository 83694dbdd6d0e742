"""Observability: OTLP ingest, Parquet storage, queries and alerts (issue #13, in progress)."""
