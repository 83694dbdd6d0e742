"""One log record against a log query, in Python: what Loki's live tail runs on each record
as it arrives, meaning what :mod:`.logql_sql`'s SQL means over the stored ones (a unit test
runs both over the same records).

A record's labels are the SQL's: stream labels from ``service_name`` and the resource
attributes, metadata from the record's attributes, ``detected_level``/``level``, ``trace_id``
and ``span_id``; keys with ``.-/:`` and spaces as ``_``, the first of a name wins, an empty
value is no label, a stream label wins over metadata (:func:`labels_of`). A matcher or filter
reads one label as the SQL's scan does (:func:`label_of`).

Supported: the stream selector, line filters, and label filters with string matchers
(``=``, ``!=``, ``=~``, ``!~``) combined with ``and``/``or``. Refused, as a
:class:`~dais.errors.ValidationFailed` on ``query`` naming the stage and its position:
``| json``, ``| logfmt``, ``| line_format`` and numeric label filters (``status >= 500``),
whose SQL (JSON and logfmt extraction, DuckDB's casts) this module does not repeat.

Regular expressions are RE2 in the store and Python's :mod:`re` here, so each is rewritten
into the Python pattern matching the same texts (``\\s`` is RE2's ``[\\t\\n\\f\\r ]``, ``$``
ends the text, ``\\d \\w \\b`` are ASCII, ``{,n}`` is literal), and a construct the two read
differently or Python lacks (``\\p`` classes, POSIX classes, ``\\Q..\\E``, ``(?m)``,
``(?U)``, case folding of non-ASCII letters, flags past the start) is refused. One
difference remains: RE2 folds ``K`` and ``ſ`` (KELVIN SIGN, LONG S) into ``k`` and ``s``
under ``(?i)``, this does not.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping

import attrs

from dais.errors import ValidationFailed

from .logql_parse import Compare, Junction, LabelFilter, LineFilter, LogQuery, Matcher, Parse

__all__ = ["LogRecord", "RecordMatcher", "compile_matcher", "label_of", "labels_of", "level"]

_FIELD = "query"
_SANITIZE = str.maketrans(".-/: ", "_____")
_LEVELS = (
    (1, 4, "trace"),
    (5, 8, "debug"),
    (9, 12, "info"),
    (13, 16, "warn"),
    (17, 20, "error"),
    (21, 24, "fatal"),
)
# RE2's \s (Python's also takes \v); inside a class, its members.
_SPACE = "\\t\\n\\f\\r "
_PLAIN_ESCAPES = frozenset("dDwWbBAafnrtvx")
_FLAGS = re.compile(r"\(\?([imsU-]*)[:)]")
# The groups RE2 has: (?:...), (?P<name>...) and flags; Python also has lookarounds and more.
_GROUP = re.compile(r"\(\?(?::|P<|[imsU-]*[:)])")


@attrs.frozen
class LogRecord:
    """A log record as the live tail carries it (and the store holds it)."""

    time_ns: int
    body: str | None
    severity_number: int
    severity_text: str | None
    service_name: str | None
    trace_id: str | None
    span_id: str | None
    attributes: Mapping[str, str]
    resource_attributes: Mapping[str, str]


def level(record: LogRecord) -> str:
    """``detected_level``: the severity text lower-cased, else the severity number's name."""
    if record.severity_text:
        return record.severity_text.lower()
    return next((name for lo, hi, name in _LEVELS if lo <= record.severity_number <= hi), "unknown")


def _first(attributes: Mapping[str, str], name: str) -> str | None:
    """The first non-empty value whose key, sanitized, is ``name``."""
    return next((v for k, v in attributes.items() if v and k.translate(_SANITIZE) == name), None)


def label_of(record: LogRecord, name: str) -> str | None:
    """Label ``name`` as a matcher reads it (None if unset): a resource attribute, else a
    record attribute, else the derived labels; ``service_name`` is the column alone."""
    if name == "service_name":
        return record.service_name or None
    found = _first(record.resource_attributes, name) or _first(record.attributes, name)
    if found is not None:
        return found
    if name in ("level", "detected_level"):
        return level(record)
    if name == "trace_id":
        return record.trace_id
    if name == "span_id":
        return record.span_id
    return None


def _entries(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in pairs:
        if value and key not in out:
            out[key] = value
    return out


def labels_of(record: LogRecord) -> dict[str, str]:
    """The record's labels as a log query returns them, sorted by name."""
    stream = _entries(
        [("service_name", record.service_name)]
        + [(k.translate(_SANITIZE), v) for k, v in record.resource_attributes.items()]
    )
    derived = level(record)
    meta = _entries(
        [(k.translate(_SANITIZE), v) for k, v in record.attributes.items()]
        + [("detected_level", derived), ("level", derived)]
        + [("trace_id", record.trace_id), ("span_id", record.span_id)]
    )
    return dict(sorted((meta | stream).items()))


@attrs.frozen
class RecordMatcher:
    """A log query compiled for one record at a time (:func:`compile_matcher`)."""

    query: LogQuery
    patterns: Mapping[int, re.Pattern[str]]  # by the position in the query

    def matches(self, record: LogRecord) -> bool:
        if not all(self._matcher(record, m) for m in self.query.matchers):
            return False
        for stage in self.query.stages:
            if isinstance(stage, LineFilter):
                body = record.body or ""
                if stage.op in ("|=", "!="):
                    found = stage.value in body
                else:
                    found = self.patterns[stage.at].search(body) is not None
                if found != (stage.op in ("|=", "|~")):
                    return False
            elif isinstance(stage, LabelFilter) and not self._predicate(record, stage.predicate):
                return False
        return True

    def _matcher(self, record: LogRecord, matcher: Matcher | Compare) -> bool:
        value = label_of(record, matcher.name) or ""
        if matcher.op in ("=~", "!~"):
            found = self.patterns[matcher.at].fullmatch(value) is not None
            return found == (matcher.op == "=~")
        return (value == matcher.value) == (matcher.op == "=")

    def _predicate(self, record: LogRecord, predicate: Compare | Junction) -> bool:
        if isinstance(predicate, Compare):
            return self._matcher(record, predicate)
        left = self._predicate(record, predicate.left)
        if predicate.op == "and":
            return left and self._predicate(record, predicate.right)
        return left or self._predicate(record, predicate.right)


def compile_matcher(query: LogQuery) -> RecordMatcher:
    """The query ready for :meth:`RecordMatcher.matches`.

    :raises ValidationFailed: on ``query``, for a stage or a regular expression this
        module does not evaluate (see the module's docstring), naming its position.
    """
    patterns: dict[int, re.Pattern[str]] = {}
    for matcher in query.matchers:
        if matcher.op in ("=~", "!~"):
            patterns[matcher.at] = _pattern(matcher.value, matcher.at)
    for stage in query.stages:
        if isinstance(stage, LineFilter):
            if stage.op in ("|~", "!~"):
                patterns[stage.at] = _pattern(stage.value, stage.at)
        elif isinstance(stage, LabelFilter):
            _predicate_patterns(stage.predicate, patterns)
        else:
            what = f"| {stage.kind}" if isinstance(stage, Parse) else "| line_format"
            raise ValidationFailed(
                _FIELD, f"the live tail does not support {what}: tail without it, or query it"
            )
    return RecordMatcher(query, patterns)


def _predicate_patterns(predicate: Compare | Junction, into: dict[int, re.Pattern[str]]) -> None:
    if isinstance(predicate, Junction):
        _predicate_patterns(predicate.left, into)
        _predicate_patterns(predicate.right, into)
    elif not isinstance(predicate.value, str):
        raise ValidationFailed(
            _FIELD,
            f"the live tail compares labels as strings only, not {predicate.name} "
            f"{predicate.op} a number, at position {predicate.at}",
        )
    elif predicate.op in ("=~", "!~"):
        into[predicate.at] = _pattern(predicate.value, predicate.at)


def _pattern(pattern: str, at: int) -> re.Pattern[str]:
    """The Python pattern matching what RE2 matches with ``pattern``."""

    def refuse(what: str) -> ValidationFailed:
        return ValidationFailed(
            _FIELD, f"the live tail cannot evaluate {what} in a regular expression at position {at}"
        )

    flags = "".join(_FLAGS.findall(pattern))
    if "m" in flags or "U" in flags:
        raise refuse("the m and U flags")
    if "i" in flags and not pattern.isascii():
        raise refuse("case folding of letters outside ASCII")
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escape = pattern[i + 1 : i + 2]
            if escape == "s":
                out.append(_SPACE if in_class else f"[{_SPACE}]")
            elif escape == "S" and not in_class:
                out.append(f"[^{_SPACE}]")
            elif escape == "z":
                out.append("\\Z")
            elif in_class and escape in ("b", "B", "A", "z"):
                raise refuse(f"\\{escape} in a class")
            elif escape in _PLAIN_ESCAPES or (escape and not escape.isalnum()):
                out.append(char + escape)
            else:
                raise refuse(f"\\{escape}")
            i += 2
            continue
        if in_class:
            if char == "[" and pattern[i + 1 : i + 2] in (":", "=", "."):
                raise refuse("a POSIX class")
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            i += 1
            # A ']' first in the class (after any '^') is a member, in both dialects.
            for lead in ("^", "]"):
                if pattern[i : i + 1] == lead:
                    out.append(lead)
                    i += 1
            continue
        elif char == "$":
            char = "\\Z"
        elif char == "(" and pattern[i + 1 : i + 2] == "?" and not _GROUP.match(pattern, i):
            raise refuse("this kind of group (RE2 has (?:...), (?P<name>...) and flags)")
        elif char in "*+?}" and pattern[i + 1 : i + 2] == "+":
            raise refuse("a possessive repetition")
        elif char == "{" and pattern[i + 1 : i + 2] == ",":
            char = "\\{"  # RE2 reads {,n} as text, Python as a repetition
        out.append(char)
        i += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set" and friends
            return re.compile("".join(out), re.ASCII)
    except (re.error, FutureWarning, DeprecationWarning) as exc:
        raise refuse(f"this pattern ({exc})") from None
