"""LogQL text into a tree: a hand-written lexer and recursive-descent parser for the subset
:mod:`.logql` runs, kept apart from the SQL it compiles to (:mod:`.logql_sql`) so the
grammar can be read and tested without a database.

Every error is a :class:`~dais.errors.ValidationFailed` on ``query`` naming the character
position where it was found. A query is at most :data:`MAX_QUERY` characters and
:data:`MAX_DEPTH` levels of nesting deep, so no input makes the parser hang or exhaust
Python's stack; strings and regular expressions are bounded by the store's limits
(:data:`MAX_TEXT`, :data:`MAX_PATTERN`). Regular expressions are RE2 and are compiled
when the query runs, not here.

Parsed: stream selectors (``=``, ``!=``, ``=~``, ``!~``), line filters (``|=``, ``!=``,
``|~``, ``!~``), ``| json``, ``| logfmt``, label filters (string matchers, and
``== != > >= < <=`` against a number) combined with ``and``, ``,``, ``or`` and parentheses,
``| line_format`` with ``{{.label}}`` and ``{{__line__}}``; ``count_over_time``, ``rate``,
``bytes_over_time`` and ``bytes_rate`` over a range, under ``sum``, ``avg``, ``min``,
``max`` and ``count``, each ``by`` or ``without`` labels. Refused here, with an error
naming them: ``unwrap`` and the functions needing it, other parsers and formatters, binary
operators, ``offset``.
"""

from __future__ import annotations

import math
import re

import attrs

from dais.errors import ValidationFailed

__all__ = [
    "LABEL_NAME",
    "MAX_DEPTH",
    "MAX_PATTERN",
    "MAX_QUERY",
    "MAX_TEXT",
    "Compare",
    "Expr",
    "Grouping",
    "Junction",
    "LabelFilter",
    "LineFilter",
    "LineFormat",
    "LogQuery",
    "Matcher",
    "Metric",
    "Parse",
    "RangeAggregation",
    "Stage",
    "VectorAggregation",
    "parse",
    "parse_duration",
    "parse_selector",
]

#: The longest query accepted, in characters.
MAX_QUERY = 16 * 1024
#: The deepest nesting (parentheses, aggregations) accepted.
MAX_DEPTH = 64
#: The longest string and regular expression accepted: the store's limits
#: (:data:`.query.MAX_TEXT`, :data:`.query.MAX_PATTERN`), repeated here so parsing needs
#: no DuckDB (a unit test holds them equal).
MAX_TEXT = 4096
MAX_PATTERN = 1024
#: A label name as LogQL writes one.
LABEL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_FIELD = "query"
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DURATION_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h|d|w|y)")
_UNITS_NS = {
    "ns": 1,
    "us": 1_000,
    "µs": 1_000,
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60 * 1_000_000_000,
    "h": 3600 * 1_000_000_000,
    "d": 86400 * 1_000_000_000,
    "w": 7 * 86400 * 1_000_000_000,
    "y": 365 * 86400 * 1_000_000_000,
}
_MATCH_OPS = ("=~", "!~", "!=", "=")
_LINE_OPS = ("|=", "|~", "!=", "!~")
_COMPARE_OPS = ("==", "!=", "=~", "!~", ">=", "<=", ">", "<", "=")
_RANGE_FUNCTIONS = frozenset({"count_over_time", "rate", "bytes_over_time", "bytes_rate"})
_UNWRAP_FUNCTIONS = frozenset(
    {
        "sum_over_time",
        "avg_over_time",
        "min_over_time",
        "max_over_time",
        "stddev_over_time",
        "stdvar_over_time",
        "quantile_over_time",
        "first_over_time",
        "last_over_time",
        "absent_over_time",
        "rate_counter",
    }
)
_VECTOR_OPS = frozenset({"sum", "avg", "min", "max", "count"})
_OTHER_VECTOR_OPS = frozenset(
    {"topk", "bottomk", "stddev", "stdvar", "sort", "sort_desc", "label_replace", "vector"}
)
_OTHER_STAGES = frozenset(
    {
        "unwrap",
        "pattern",
        "regexp",
        "unpack",
        "label_format",
        "drop",
        "keep",
        "decolorize",
        "distinct",
    }
)
_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
}
_TEMPLATE_ACTION = re.compile(r"\{\{-?\s*(\.[A-Za-z_][A-Za-z0-9_]*|__line__)\s*-?\}\}")


# --- the tree ------------------------------------------------------------------------------


@attrs.frozen
class Matcher:
    """A stream selector's ``name op value``; ``at`` is its position in the query."""

    name: str
    op: str
    value: str
    at: int


@attrs.frozen
class LineFilter:
    op: str  # |= != |~ !~
    value: str
    at: int


@attrs.frozen
class Parse:
    kind: str  # json | logfmt


@attrs.frozen
class Compare:
    """``name op value``: a string matcher when ``value`` is text, else a number compared."""

    name: str
    op: str
    value: str | float
    at: int


@attrs.frozen
class Junction:
    """Both predicates (``and``) or either (``or``)."""

    op: str
    left: Compare | Junction
    right: Compare | Junction


@attrs.frozen
class LabelFilter:
    predicate: Compare | Junction


@attrs.frozen
class LineFormat:
    """The new line: literal text and labels (``(True, name)``; ``__line__`` is the line)."""

    parts: tuple[tuple[bool, str], ...]


Stage = LineFilter | Parse | LabelFilter | LineFormat


@attrs.frozen
class LogQuery:
    matchers: tuple[Matcher, ...]
    stages: tuple[Stage, ...] = ()


@attrs.frozen
class RangeAggregation:
    function: str
    query: LogQuery
    range_ns: int


@attrs.frozen
class Grouping:
    without: bool
    labels: tuple[str, ...]


@attrs.frozen
class VectorAggregation:
    op: str
    grouping: Grouping | None
    inner: RangeAggregation | VectorAggregation


Metric = RangeAggregation | VectorAggregation
Expr = LogQuery | Metric


# --- parsing -------------------------------------------------------------------------------


def parse(text: str) -> Expr:
    """The query ``text`` as a tree.

    :raises ValidationFailed: on ``query``, saying what was wrong at which position.
    """
    if not isinstance(text, str):
        raise ValidationFailed(_FIELD, "a LogQL query")
    if len(text) > MAX_QUERY:
        raise ValidationFailed(_FIELD, f"at most {MAX_QUERY} characters, not {len(text)}")
    return _Parser(text).query()


def parse_selector(text: str) -> LogQuery:
    """A log query (a stream selector and its pipeline), for ``/series`` and friends.

    :raises ValidationFailed: for anything else.
    """
    expr = parse(text)
    if not isinstance(expr, LogQuery):
        raise ValidationFailed(_FIELD, "a log query (a stream selector), not a metric query")
    return expr


def parse_duration(text: str, field: str = _FIELD) -> int:
    """A Prometheus duration (``5m``, ``1h30m``, ``250ms``) in nanoseconds.

    :raises ValidationFailed: on ``field`` for anything else, or zero.
    """
    at, total = 0, 0
    while at < len(text):
        part = _DURATION_PART.match(text, at)
        if part is None:
            raise ValidationFailed(field, f"a duration like 5m or 1h30m, not {text[:40]!r}")
        total += int(float(part[1]) * _UNITS_NS[part[2]])
        at = part.end()
    if not text or total <= 0 or total >= 2**62:
        raise ValidationFailed(field, f"a positive duration like 5m or 1h30m, not {text[:40]!r}")
    return total


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.depth = 0

    # -- lexing

    def fail(self, rule: str, at: int | None = None) -> ValidationFailed:
        return ValidationFailed(_FIELD, f"{rule} at position {self.at if at is None else at}")

    def space(self) -> None:
        text, at = self.text, self.at
        while at < len(text):
            if text[at].isspace():
                at += 1
            elif text[at] == "#":  # a comment, to the end of the line
                end = text.find("\n", at)
                at = len(text) if end < 0 else end
            else:
                break
        self.at = at

    def looking_at(self, token: str) -> bool:
        self.space()
        return self.text.startswith(token, self.at)

    def eat(self, token: str) -> bool:
        if self.looking_at(token):
            self.at += len(token)
            return True
        return False

    def expect(self, token: str, what: str) -> None:
        if not self.eat(token):
            raise self.fail(f"expected {what}, found {self.found()}")

    def found(self) -> str:
        self.space()
        if self.at >= len(self.text):
            return "the end of the query"
        return repr(self.text[self.at : self.at + 12])

    def word(self) -> str | None:
        """The identifier at the current position, without taking it."""
        self.space()
        name = LABEL_NAME.match(self.text, self.at)
        return None if name is None else name[0]

    def name(self, what: str = "a label name") -> str:
        name = self.word()
        if name is None:
            raise self.fail(f"expected {what}, found {self.found()}")
        self.at += len(name)
        return name

    def keyword(self, word: str) -> bool:
        if self.word() == word:
            self.at += len(word)
            return True
        return False

    def string(self) -> str:
        self.space()
        start = self.at
        text = self.text
        if self.at >= len(text) or text[self.at] not in '"`':
            raise self.fail(
                f"expected a string in double quotes or backticks, found {self.found()}"
            )
        if text[self.at] == "`":
            end = text.find("`", self.at + 1)
            if end < 0:
                raise self.fail("a string in backticks is not closed", start)
            value = text[self.at + 1 : end]
            self.at = end + 1
        else:
            value = self._quoted(start)
        if len(value) > MAX_TEXT:
            raise self.fail(f"a string is longer than {MAX_TEXT} characters", start)
        return value

    def _quoted(self, start: int) -> str:
        text, at = self.text, self.at + 1
        out: list[str] = []
        while True:
            if at >= len(text):
                raise self.fail("a string in double quotes is not closed", start)
            char = text[at]
            if char == '"':
                self.at = at + 1
                return "".join(out)
            if char == "\n":
                raise self.fail("a string in double quotes runs past the end of the line", start)
            if char != "\\":
                out.append(char)
                at += 1
                continue
            escape = text[at + 1 : at + 2]
            if escape in _ESCAPES:
                out.append(_ESCAPES[escape])
                at += 2
            elif escape in ("x", "u", "U"):
                width = {"x": 2, "u": 4, "U": 8}[escape]
                digits = text[at + 2 : at + 2 + width]
                if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                    raise self.fail(f"\\{escape} needs {width} hexadecimal digits", at)
                code = int(digits, 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    raise self.fail("an escape names no character", at)
                out.append(chr(code))
                at += 2 + width
            else:
                raise self.fail(f"unknown escape \\{escape}", at)

    def number(self) -> float:
        self.space()
        number = _NUMBER.match(self.text, self.at)
        if number is None:
            raise self.fail(f"expected a number, found {self.found()}")
        self.at = number.end()
        if LABEL_NAME.match(self.text, self.at):
            raise self.fail(
                "durations and byte sizes in label filters are not supported; compare a number"
            )
        value = float(number[0])
        if not math.isfinite(value):
            raise self.fail("a number too large", number.start())
        return value

    def nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"nested deeper than {MAX_DEPTH} levels")

    # -- grammar

    def query(self) -> Expr:
        expr = self.expr()
        self.space()
        if self.at < len(self.text):
            raise self.fail(f"unexpected {self.found()}")
        return expr

    def expr(self) -> Expr:
        self.space()
        if self.looking_at("{"):
            return self.log_query()
        if self.looking_at("("):
            start = self.at
            self.nest()
            self.eat("(")
            inner = self.expr()
            self.expect(")", "')'")
            self.depth -= 1
            if isinstance(inner, LogQuery):
                raise self.fail("a log query in parentheses must be a range's", start)
            return inner
        return self.metric()

    def metric(self) -> Metric:
        start = self.at
        word = self.word()
        if word in _VECTOR_OPS:
            return self.vector_aggregation(word)
        if word in _RANGE_FUNCTIONS:
            return self.range_aggregation(word)
        if word in _UNWRAP_FUNCTIONS:
            raise self.fail(f"{word} needs | unwrap, which is not supported", start)
        if word in _OTHER_VECTOR_OPS:
            raise self.fail(f"{word} is not supported", start)
        if word is not None:
            raise self.fail(f"unknown function {word!r}", start)
        raise self.fail(
            f"expected a stream selector {{...}} or a metric query, found {self.found()}"
        )

    def metric_operand(self) -> Metric:
        start = self.at
        expr = self.expr()
        if isinstance(expr, LogQuery):
            raise self.fail("expected a metric query (count_over_time, rate, ...), not logs", start)
        return expr

    def vector_aggregation(self, op: str) -> VectorAggregation:
        self.at += len(op)
        self.nest()
        grouping = self.grouping()
        self.expect("(", f"'(' after {op}")
        inner = self.metric_operand()
        self.expect(")", f"')' closing {op}(")
        after = self.grouping()
        if grouping is not None and after is not None:
            raise self.fail("by or without given twice")
        self.depth -= 1
        return VectorAggregation(op, grouping or after, inner)

    def grouping(self) -> Grouping | None:
        if self.keyword("by"):
            without = False
        elif self.keyword("without"):
            without = True
        else:
            return None
        self.expect("(", "'(' after by or without")
        labels: list[str] = []
        if not self.eat(")"):
            labels.append(self.name())
            while self.eat(","):
                labels.append(self.name())
            self.expect(")", "')' or ',' in the label list")
        return Grouping(without, tuple(labels))

    def range_aggregation(self, function: str) -> RangeAggregation:
        self.at += len(function)
        self.nest()
        self.expect("(", f"'(' after {function}")
        parenthesised = self.eat("(")
        if parenthesised:
            self.nest()
        self.space()
        if not self.looking_at("{"):
            raise self.fail(f"expected a stream selector {{...}}, found {self.found()}")
        matchers = self.selector()
        range_ns = self.range() if self.looking_at("[") else None
        stages = self.stages()
        if parenthesised:
            self.expect(")", "')'")
            self.depth -= 1
        if range_ns is None:
            if not self.looking_at("["):
                raise self.fail(f"{function} needs a range, like [5m]")
            range_ns = self.range()
        elif self.looking_at("["):
            raise self.fail("a range given twice")
        self.expect(")", f"')' closing {function}(")
        self.depth -= 1
        return RangeAggregation(function, LogQuery(matchers, stages), range_ns)

    def range(self) -> int:
        self.expect("[", "'['")
        start = self.at
        end = self.text.find("]", start)
        if end < 0:
            raise self.fail("a range's '[' is not closed", start - 1)
        text = self.text[start:end].strip()
        try:
            range_ns = parse_duration(text)
        except ValidationFailed:
            raise self.fail(f"a range like [5m], not [{text[:20]}]", start) from None
        self.at = end + 1
        if self.word() == "offset":
            raise self.fail("offset is not supported")
        return range_ns

    def log_query(self) -> LogQuery:
        matchers = self.selector()
        stages = self.stages()
        if self.looking_at("["):
            raise self.fail("a range needs a function around it, like count_over_time(...)")
        return LogQuery(matchers, stages)

    def selector(self) -> tuple[Matcher, ...]:
        start = self.at
        self.expect("{", "'{'")
        matchers: list[Matcher] = []
        if not self.eat("}"):
            matchers.append(self.matcher())
            while self.eat(","):
                matchers.append(self.matcher())
            self.expect("}", "',' or '}' in the stream selector")
        if not any(_selective(m) for m in matchers):
            raise self.fail(
                "a stream selector needs at least one matcher that an empty value does not "
                'satisfy (service_name="api", or app=~".+")',
                start,
            )
        return tuple(matchers)

    def matcher(self) -> Matcher:
        self.space()
        at = self.at
        name = self.name()
        op = next((op for op in _MATCH_OPS if self.eat(op)), None)
        if op is None:
            raise self.fail(f"expected =, !=, =~ or !~ after {name}, found {self.found()}")
        value = self.pattern() if op in ("=~", "!~") else self.string()
        return Matcher(name, op, value, at)

    def pattern(self) -> str:
        self.space()
        start = self.at
        value = self.string()
        if len(value) > MAX_PATTERN:
            raise self.fail(f"a regular expression is longer than {MAX_PATTERN} characters", start)
        return value

    def stages(self) -> tuple[Stage, ...]:
        stages: list[Stage] = []
        while True:
            self.space()
            at = self.at
            op = next((op for op in _LINE_OPS if self.eat(op)), None)
            if op is not None:
                self.space()
                value = self.pattern() if op in ("|~", "!~") else self.string()
                stages.append(LineFilter(op, value, at))
                continue
            if not self.eat("|"):
                return tuple(stages)
            stages.append(self.stage())

    def stage(self) -> Stage:
        self.space()
        at = self.at
        word = self.word()
        if word in ("json", "logfmt"):
            self.at += len(word)
            if self.word() is not None:
                raise self.fail(f"{word} with parameters is not supported")
            return Parse(word)
        if word == "line_format":
            self.at += len(word)
            self.space()
            return LineFormat(self.template())
        if word in _OTHER_STAGES:
            raise self.fail(f"the {word} stage is not supported", at)
        if word is None and not self.looking_at("("):
            raise self.fail(f"unknown stage {self.found()}")
        return LabelFilter(self.predicate())

    def template(self) -> tuple[tuple[bool, str], ...]:
        start = self.at
        text = self.string()
        parts: list[tuple[bool, str]] = []
        at = 0
        while at < len(text):
            opening = text.find("{{", at)
            if opening < 0:
                parts.append((False, text[at:]))
                break
            if opening > at:
                parts.append((False, text[at:opening]))
            action = _TEMPLATE_ACTION.match(text, opening)
            if action is None:
                raise self.fail(
                    "line_format supports {{.label}} and {{__line__}} only", start + 1 + opening
                )
            name = action[1]
            parts.append((True, name[1:] if name.startswith(".") else name))
            at = action.end()
        return tuple(parts)

    def predicate(self) -> Compare | Junction:
        self.nest()
        left = self.conjunction()
        while self.keyword("or"):
            left = Junction("or", left, self.conjunction())
        self.depth -= 1
        return left

    def conjunction(self) -> Compare | Junction:
        left = self.comparison()
        while self.keyword("and") or self.eat(","):
            left = Junction("and", left, self.comparison())
        return left

    def comparison(self) -> Compare | Junction:
        self.space()
        if self.eat("("):
            inner = self.predicate()
            self.expect(")", "')' closing the label filter")
            return inner
        at = self.at
        name = self.name("a label filter (name op value) or a stage")
        op = next((op for op in _COMPARE_OPS if self.eat(op)), None)
        if op is None:
            raise self.fail(
                f"unknown stage or label filter {name!r} (a label filter needs a comparison: "
                f"=, !=, =~, !~, ==, >, >=, <, <=), found {self.found()}",
                at,
            )
        self.space()
        if self.looking_at('"') or self.looking_at("`"):
            if op not in ("=", "==", "!=", "=~", "!~"):
                raise self.fail(f"{op} compares numbers, not strings")
            value: str | float = self.pattern() if op in ("=~", "!~") else self.string()
            return Compare(name, "=" if op == "==" else op, value, at)
        if op in ("=~", "!~"):
            raise self.fail(f"{op} needs a regular expression in quotes")
        return Compare(name, "==" if op == "=" else op, self.number(), at)


def _selective(matcher: Matcher) -> bool:
    """Whether an empty (absent) label fails the matcher: Loki's rule for a selector."""
    if matcher.op == "=":
        return matcher.value != ""
    if matcher.op == "=~":
        return matcher.value not in ("", ".*", "^.*$", ".*?")
    return False
