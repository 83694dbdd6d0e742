"""Logging set-up: one line per record, as ``key=value`` text or as JSON."""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
from datetime import UTC, datetime
from typing import Any

__all__ = ["BatchingStreamHandler", "configure_logging", "flush_logs_periodically"]

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD}


_second: list[Any] = [-1, ""]


def _timestamp(record: logging.LogRecord) -> str:
    """ISO 8601 UTC with milliseconds; the part up to the second is formatted once a second."""
    second = int(record.created)
    if second != _second[0]:
        _second[:] = [second, datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")]
    return f"{_second[1]}.{int(record.msecs):03d}Z"


# The fields of a dais.access record, in the order they are written.
ACCESS_FIELDS = ("method", "path", "status", "route", "duration_ms", "request_id", "client")
_NEEDS_QUOTE = re.compile(r'[\s"=\\]|^$')


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.name == "dais.access":  # hot path: known fields, no scan of the record
            d = record.__dict__
            out.update((k, d[k]) for k in ACCESS_FIELDS)
            return json.dumps(out)
        out.update(_extras(record))
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.name == "dais.access":  # hot path: known fields, no scan of the record
            d = record.__dict__
            fields = " ".join([f"{k}={_quote(d[k])}" for k in ACCESS_FIELDS])
            return f"{_timestamp(record)} info    dais.access: request {fields}"
        parts = [
            _timestamp(record),
            f"{record.levelname.lower():<7}",
            f"{record.name}:",
            record.getMessage(),
        ]
        parts += [f"{k}={_quote(v)}" for k, v in _extras(record).items()]
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _quote(value: object) -> str:
    """A logfmt value: bare when safe, else JSON-quoted (so a newline cannot forge a line)."""
    text = str(value)
    return json.dumps(text) if _NEEDS_QUOTE.search(text) else text


class BatchingStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes access-log lines in batches, everything else at once.

    An access line is written per request; one ``write`` + ``flush`` each cost more than the
    rest of the access log together (measured). Access lines wait in a small buffer that
    :func:`flush_logs_periodically` empties every quarter second, and any other record
    flushes the buffer first, so the order of lines is kept.
    """

    def __init__(self, stream: Any, capacity: int = 256) -> None:
        super().__init__(stream)
        self.capacity = capacity
        self._lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # noqa: BLE001 - logging's own convention: report, never raise
            self.handleError(record)
            return
        self._lines.append(line)
        if record.name != "dais.access" or len(self._lines) >= self.capacity:
            self.flush()

    def flush(self) -> None:
        with self.lock or _NO_LOCK:
            if self._lines:
                self.stream.write("\n".join(self._lines) + "\n")
                self._lines.clear()
            self.stream.flush()


_NO_LOCK = threading.RLock()


async def flush_logs_periodically(interval: float = 0.25) -> None:
    """Flush batched log lines every ``interval`` seconds (run in the server's task group)."""
    import anyio

    while True:
        await anyio.sleep(interval)
        for handler in logging.getLogger().handlers:
            handler.flush()


def configure_logging(level: str = "info", fmt: str = "text") -> None:
    """Send every log line to stderr in the chosen format."""
    # Neither formatter prints caller, thread or process, so skip collecting them per record
    # (the logging HOWTO's "Optimization" section; it halves the cost of an access line).
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = BatchingStreamHandler(sys.stderr)
    handler.setFormatter(JSONFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Hypercorn's own access log duplicates ours; its error log stays.
    logging.getLogger("hypercorn.access").disabled = True
    # pgserver logs every pg_ctl call with its output at INFO; its warnings still show.
    logging.getLogger("pgserver").setLevel(max(logging.WARNING, root.level))
