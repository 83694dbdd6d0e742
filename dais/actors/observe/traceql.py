"""A small TraceQL subset, and Tempo's tag search, as conditions on the SPANS rows.

One spanset filter ``{ a && b && ... }`` (``{}`` or nothing: every span): each condition
is ``field op value`` and a span must meet them all. Fields: the intrinsics ``name``,
``duration``, ``status`` (``error``, ``ok``, ``unset``), ``kind`` (``server``, ``client``,
...) and ``statusMessage``; attributes ``span.<key>``, ``resource.<key>`` and unscoped
``.<key>`` (either scope). Operators ``=``, ``!=``, ``=~``, ``!~`` (RE2, anchored at both
ends as Tempo anchors them) for text; ``= != > >= < <=`` for durations (``100ms``, ``1.5s``)
and numbers (an attribute that is not a number does not match). Not supported (an error
naming the position): ``||``, parentheses, several spansets, pipelines and metrics.

Tempo's older tag search (``tags=service.name=cart http.status_code=500``, logfmt) becomes
the same conditions: ``service.name`` and ``name`` as in TraceQL, other keys an attribute
of either scope; each value is matched whole (Tempo matches a substring, case-blind).

Pure: no I/O; ``dais.http.tempo`` runs the SQL.
"""

from __future__ import annotations

import re
from typing import Any

from dais.errors import ValidationFailed

from .query import MAX_PATTERN, MAX_TEXT, Where

__all__ = ["MAX_QUERY", "KINDS", "STATUSES", "conditions", "parse_go_duration", "tag_conditions"]

#: The longest query accepted, in characters.
MAX_QUERY = 16 * 1024
#: Status codes by TraceQL's names for them.
STATUSES = {"unset": 0, "ok": 1, "error": 2}
#: Span kinds by TraceQL's names for them.
KINDS = {"unspecified": 0, "internal": 1, "server": 2, "client": 3, "producer": 4, "consumer": 5}

_OPS = ("=~", "!~", "!=", ">=", "<=", "=", ">", "<")
_SQL_OPS = {"=": "=", "!=": "<>", ">": ">", ">=": ">=", "<": "<", "<=": "<="}
_ATTRIBUTE = re.compile(r"[A-Za-z0-9_.\-/:]+")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_DURATION = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+")
_DURATION_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)")
_UNITS = {
    "ns": 1,
    "us": 10**3,
    "µs": 10**3,
    "ms": 10**6,
    "s": 10**9,
    "m": 60 * 10**9,
    "h": 3600 * 10**9,
}
_LOGFMT = re.compile(r'\s*([^\s="]+)=("(?:[^"\\]|\\.)*"|[^\s"]*)')


def parse_go_duration(text: str, field: str) -> int:
    """A Go duration (``100ms``, ``1m30s``) in nanoseconds.

    :raises ValidationFailed: on ``field`` for anything else.
    """
    if not _DURATION.fullmatch(text):
        raise ValidationFailed(field, f"a duration like 100ms or 1m30s, not {text[:40]!r}")
    total = sum(int(float(n) * _UNITS[unit]) for n, unit in _DURATION_PART.findall(text))
    if total >= 2**63:
        raise ValidationFailed(field, "a shorter duration")
    return total


def conditions(query: str, where: Where, patterns: list[tuple[str, str]]) -> None:
    """Add the conditions of the TraceQL spanset filter ``query`` to ``where`` (and its
    regular expressions to ``patterns``, as ``(field, pattern)`` for the caller to compile).

    :raises ValidationFailed: on ``q``, naming what was wrong and where.
    """
    if len(query) > MAX_QUERY:
        raise ValidationFailed("q", f"at most {MAX_QUERY} characters")
    _Parser(query, where, patterns).spanset()


def tag_conditions(tags: str, where: Where) -> None:
    """Add the conditions of Tempo's logfmt ``tags`` search to ``where``.

    :raises ValidationFailed: on ``tags`` for text that is not ``key=value`` pairs.
    """
    at = 0
    while at < len(tags):
        pair = _LOGFMT.match(tags, at)
        if pair is None:
            if tags[at:].strip():
                raise ValidationFailed("tags", f"key=value pairs (logfmt) at position {at}")
            break
        key, value = pair[1], pair[2]
        if value.startswith('"'):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if len(key) > MAX_TEXT or len(value) > MAX_TEXT:
            raise ValidationFailed("tags", f"keys and values of at most {MAX_TEXT} characters")
        if key == "service.name":
            where.add("service_name = ?", value)
        elif key == "name":
            where.add("name = ?", value)
        elif key == "status" and value in STATUSES:
            where.add("status_code = ?", STATUSES[value])
        else:
            where.add("(attributes[?] = ? OR resource_attributes[?] = ?)", key, value, key, value)
        at = pair.end()


class _Parser:
    def __init__(self, text: str, where: Where, patterns: list[tuple[str, str]]) -> None:
        self.text = text
        self.at = 0
        self.where = where
        self.patterns = patterns

    def fail(self, rule: str, at: int | None = None) -> ValidationFailed:
        return ValidationFailed("q", f"{rule} at position {self.at if at is None else at}")

    def space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def eat(self, token: str) -> bool:
        self.space()
        if self.text.startswith(token, self.at):
            self.at += len(token)
            return True
        return False

    def found(self) -> str:
        self.space()
        return repr(self.text[self.at : self.at + 12]) if self.at < len(self.text) else "the end"

    def spanset(self) -> None:
        self.space()
        if self.at == len(self.text):
            return
        if not self.eat("{"):
            raise self.fail(f"expected a spanset filter {{ ... }}, found {self.found()}")
        if not self.eat("}"):
            self.condition()
            while self.eat("&&"):
                self.condition()
            if self.text.startswith("||", self.at):
                raise self.fail("|| is not supported; join with &&")
            if not self.eat("}"):
                raise self.fail(f"expected && or }}, found {self.found()}")
        self.space()
        if self.at < len(self.text):
            raise self.fail("only one spanset filter is supported, without pipelines or structure")

    def condition(self) -> None:
        self.space()
        at = self.at
        if self.text.startswith(("span.", "resource.", "."), at):
            scope, _, _ = self.text[at:].partition(".")
            self.at += len(scope) + 1
            name = _ATTRIBUTE.match(self.text, self.at)
            if name is None:
                raise self.fail("expected an attribute name")
            self.at = name.end()
            self.attribute(scope, name[0])
            return
        word = _IDENT.match(self.text, at)
        if word is None:
            raise self.fail(
                "expected a field (name, duration, status, kind, span.x, ...), "
                f"found {self.found()}"
            )
        self.at = word.end()
        field = word[0]
        op = self.op()
        if field in ("name", "statusMessage"):
            self.text_condition(field if field == "name" else "status_message", op)
        elif field == "duration":
            self.duration(op)
        elif field in ("status", "kind"):
            names = STATUSES if field == "status" else KINDS
            self.space()
            value = _IDENT.match(self.text, self.at)
            if value is None or value[0] not in names or op not in ("=", "!="):
                raise self.fail(f"{field} = or != one of {', '.join(names)}")
            self.at = value.end()
            column = "status_code" if field == "status" else "kind"
            self.where.add(f"{column} {_SQL_OPS[op]} ?", names[value[0]])
        else:
            raise self.fail(f"unknown field {field!r}", at)

    def op(self) -> str:
        for op in _OPS:
            if self.eat(op):
                return op
        raise self.fail(f"expected an operator (=, !=, =~, !~, >, >=, <, <=), found {self.found()}")

    def string(self) -> str:
        self.space()
        start = self.at
        quote = self.text[self.at : self.at + 1]
        if quote not in ('"', "`"):
            raise self.fail(f"expected a string in quotes, found {self.found()}")
        if quote == "`":
            end = self.text.find("`", self.at + 1)
            if end < 0:
                raise self.fail("a string is not closed", start)
            value, self.at = self.text[self.at + 1 : end], end + 1
        else:
            match = re.compile(r'"((?:[^"\\]|\\.)*)"').match(self.text, self.at)
            if match is None:
                raise self.fail("a string is not closed", start)
            value, self.at = re.sub(r"\\(.)", r"\1", match[1]), match.end()
        if len(value) > MAX_TEXT:
            raise self.fail(f"a string longer than {MAX_TEXT} characters", start)
        return value

    def text_condition(self, column: str, op: str, params: tuple[Any, ...] = ()) -> None:
        self.space()
        start = self.at
        value = self.string()
        if op in ("=~", "!~"):
            if len(value) > MAX_PATTERN:
                raise self.fail(f"a regular expression longer than {MAX_PATTERN}", start)
            self.patterns.append(("q", value))
            negate = "NOT " if op == "!~" else ""
            self.where.add(f"{negate}regexp_full_match(coalesce({column}, ''), ?)", *params, value)
        elif op in ("=", "!="):
            self.where.add(f"coalesce({column}, '') {_SQL_OPS[op]} ?", *params, value)
        else:
            raise self.fail(f"{op} compares numbers and durations, not text", start)

    def duration(self, op: str) -> None:
        self.space()
        match = _DURATION.match(self.text, self.at)
        if match is None or op in ("=~", "!~"):
            raise self.fail("duration compares with a duration like 100ms")
        self.at = match.end()
        self.where.add(f"duration_ns {_SQL_OPS[op]} ?", parse_go_duration(match[0], "q"))

    def attribute(self, scope: str, key: str) -> None:
        if scope == "resource" and key == "service.name":
            self.text_condition("service_name", self.op())
            return
        column = {"span": "attributes[?]", "resource": "resource_attributes[?]"}.get(
            scope, "coalesce(attributes[?], resource_attributes[?])"
        )
        params: tuple[Any, ...] = (key,) if scope else (key, key)
        op = self.op()
        self.space()
        if self.text.startswith(('"', "`"), self.at):
            self.text_condition(column, op, params)
            return
        number = _NUMBER.match(self.text, self.at)
        word = _IDENT.match(self.text, self.at)
        if number is not None and op in _SQL_OPS:
            self.at = number.end()
            self.where.add(
                f"coalesce(try_cast({column} AS DOUBLE) {_SQL_OPS[op]} ?, false)",
                *params,
                float(number[0]),
            )
        elif word is not None and word[0] in ("true", "false") and op in ("=", "!="):
            self.at = word.end()
            self.where.add(f"coalesce({column}, '') {_SQL_OPS[op]} ?", *params, word[0])
        else:
            raise self.fail(f"expected a string, a number or true/false, found {self.found()}")
