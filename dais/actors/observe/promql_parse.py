"""PromQL text into a typed expression tree: a hand-written lexer and recursive-descent
parser for the subset :mod:`.promql` evaluates.

The grammar and its precedence follow Prometheus 3 (``promql/parser/generated_parser.y``):
``^`` (right-associative) binds tightest, then unary minus, then ``* / %``, ``+ -``, the
comparisons, ``and``/``unless``, and ``or`` last. Selectors take ``= != =~ !~`` matchers,
quoted UTF-8 metric and label names (``{"http.server.duration", "le"="0.5"}``), a range
(``[5m]``), ``offset`` and ``@``. Types are checked here as Prometheus checks them, so an
expression that parses can be evaluated: a function gets the argument types it declares,
ranges apply to selectors only, comparisons between scalars need ``bool``, and so on.

Every error is a :class:`~dais.errors.ValidationFailed` on ``query`` naming the place
(``at position N``, counted in characters from 1). Hostile text is bounded before any work
grows with it: at most :data:`MAX_QUERY` bytes, :data:`MAX_DEPTH` levels of nesting (parentheses,
calls, operators: the evaluator recurses once per level, so this also bounds it) and
:data:`MAX_SELECTORS` selectors. Regular expressions are RE2 and are compiled by DuckDB when
the query runs, not here.
"""

from __future__ import annotations

import enum
import math
import re
from typing import TypeAlias

import attrs

from dais.errors import ValidationFailed

__all__ = [
    "AGGREGATIONS",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_QUERY",
    "MAX_SELECTORS",
    "Aggregation",
    "Binary",
    "Call",
    "Expr",
    "MatrixSelector",
    "Matcher",
    "NumberLiteral",
    "StringLiteral",
    "Unary",
    "ValueType",
    "VectorSelector",
    "parse",
    "parse_duration",
    "selectors",
    "type_of",
]

#: The longest query accepted, in bytes of UTF-8.
MAX_QUERY = 16 * 1024
#: The deepest nesting accepted (parentheses, calls, aggregations and operators alike).
MAX_DEPTH = 64
#: The most vector selectors one query may hold (each is a read of the store).
MAX_SELECTORS = 32
#: The longest duration accepted (ranges and offsets): 10 years.
MAX_DURATION_NS = 10 * 365 * 86400 * 10**9


class ValueType(enum.StrEnum):
    SCALAR = "scalar"
    VECTOR = "vector"
    MATRIX = "matrix"
    STRING = "string"


S, V, M, STR = ValueType.SCALAR, ValueType.VECTOR, ValueType.MATRIX, ValueType.STRING

#: function -> (argument types, how many may be left out at the end, result type).
FUNCTIONS: dict[str, tuple[tuple[ValueType, ...], int, ValueType]] = {
    "rate": ((M,), 0, V),
    "increase": ((M,), 0, V),
    "irate": ((M,), 0, V),
    "delta": ((M,), 0, V),
    "idelta": ((M,), 0, V),
    "avg_over_time": ((M,), 0, V),
    "min_over_time": ((M,), 0, V),
    "max_over_time": ((M,), 0, V),
    "sum_over_time": ((M,), 0, V),
    "count_over_time": ((M,), 0, V),
    "last_over_time": ((M,), 0, V),
    "histogram_quantile": ((S, V), 0, V),
    "abs": ((V,), 0, V),
    "ceil": ((V,), 0, V),
    "floor": ((V,), 0, V),
    "exp": ((V,), 0, V),
    "ln": ((V,), 0, V),
    "log2": ((V,), 0, V),
    "log10": ((V,), 0, V),
    "sqrt": ((V,), 0, V),
    "sgn": ((V,), 0, V),
    "round": ((V, S), 1, V),
    "clamp": ((V, S, S), 0, V),
    "clamp_min": ((V, S), 0, V),
    "clamp_max": ((V, S), 0, V),
    "absent": ((V,), 0, V),
    "scalar": ((V,), 0, S),
    "vector": ((S,), 0, V),
    "time": ((), 0, S),
}

#: aggregation -> the type of its parameter (None: it takes none).
AGGREGATIONS: dict[str, ValueType | None] = {
    "sum": None,
    "avg": None,
    "min": None,
    "max": None,
    "count": None,
    "group": None,
    "stddev": None,
    "stdvar": None,
    "topk": S,
    "bottomk": S,
    "quantile": S,
}

_COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})
_SET_OPERATORS = frozenset({"and", "or", "unless"})
# operator -> (precedence, right-associative)
_BINARY: dict[str, tuple[int, bool]] = {
    "or": (1, False),
    "and": (2, False),
    "unless": (2, False),
    **dict.fromkeys(_COMPARISONS, (3, False)),
    "+": (4, False),
    "-": (4, False),
    "*": (5, False),
    "/": (5, False),
    "%": (5, False),
    "^": (7, True),
}
_UNARY_PRECEDENCE = 6  # above * / %, below ^: -2^2 is -4, as in Prometheus
_KEYWORDS = frozenset(
    {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset"}
    | _SET_OPERATORS
)
_CASELESS = _KEYWORDS | set(AGGREGATIONS) | {"start", "end"}


@attrs.frozen
class Matcher:
    """``name op value``: op is one of ``= != =~ !~``; regular expressions are anchored."""

    name: str
    op: str
    value: str
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class VectorSelector:
    """The series whose labels satisfy every matcher (the metric name is the matcher on
    ``__name__``); ``offset`` shifts the time read back, ``at`` pins it (unix seconds, or
    ``"start"``/``"end"`` of the query)."""

    matchers: tuple[Matcher, ...]
    offset_ns: int = 0
    at: float | str | None = None
    pos: int = attrs.field(default=0, eq=False)

    @property
    def name(self) -> str | None:
        for m in self.matchers:
            if m.name == "__name__" and m.op == "=":
                return m.value
        return None


@attrs.frozen
class MatrixSelector:
    """A selector's samples over ``range_ns`` before each evaluation time."""

    selector: VectorSelector
    range_ns: int
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class NumberLiteral:
    value: float
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class StringLiteral:
    value: str
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Call:
    function: str
    args: tuple[Expr, ...]
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Aggregation:
    """``op [by|without (labels)] ([param,] expr)``; ``without`` False with no labels is
    an aggregation over everything."""

    op: str
    expr: Expr
    param: Expr | None = None
    labels: tuple[str, ...] = ()
    without: bool = False
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Binary:
    """``lhs op rhs``; ``on`` is None without a matching clause, True for ``on (labels)``,
    False for ``ignoring (labels)``."""

    op: str
    lhs: Expr
    rhs: Expr
    return_bool: bool = False
    on: bool | None = None
    labels: tuple[str, ...] = ()
    pos: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Unary:
    op: str  # "-" (a "+" is dropped while parsing)
    expr: Expr
    pos: int = attrs.field(default=0, eq=False)


Expr: TypeAlias = (
    NumberLiteral
    | StringLiteral
    | VectorSelector
    | MatrixSelector
    | Call
    | Aggregation
    | Binary
    | Unary
)


def type_of(expr: Expr) -> ValueType:
    """The type of value ``expr`` evaluates to."""
    match expr:
        case NumberLiteral():
            return S
        case StringLiteral():
            return STR
        case VectorSelector() | Aggregation():
            return V
        case MatrixSelector():
            return M
        case Call():
            return FUNCTIONS[expr.function][2]
        case Unary():
            return type_of(expr.expr)
        case Binary():
            both_scalar = type_of(expr.lhs) is S and type_of(expr.rhs) is S
            return S if both_scalar else V
    raise AssertionError(f"not an expression: {expr!r}")


def selectors(expr: Expr) -> list[VectorSelector]:
    """Every vector selector in ``expr`` (those under ranges included), left to right."""
    found: list[VectorSelector] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        match node:
            case VectorSelector():
                found.append(node)
            case MatrixSelector():
                found.append(node.selector)
            case _:
                stack.extend(reversed(_children(node)))
    return found


def _children(expr: Expr) -> list[Expr]:
    match expr:
        case Call():
            return list(expr.args)
        case Aggregation():
            return [expr.expr] if expr.param is None else [expr.param, expr.expr]
        case Binary():
            return [expr.lhs, expr.rhs]
        case Unary():
            return [expr.expr]
    return []


def _height(expr: Expr) -> int:
    """How many levels deep the tree is, found without recursion."""
    deepest = 0
    stack = [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in _children(node))
    return deepest


# --- lexer ----------------------------------------------------------------------------------


@attrs.frozen
class _Token:
    kind: str  # "number", "duration", "string", "ident", "op", "end"
    text: str
    pos: int  # 1-based character position
    value: float | int | str | None = None

    @property
    def word(self) -> str:
        """The text, lower-cased for keywords and aggregations (case-insensitive in
        PromQL, as function and metric names are not)."""
        lower = self.text.lower()
        return lower if self.kind == "ident" and lower in _CASELESS else self.text


_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DURATION = re.compile(r"(?:[0-9]+(?:ms|[smhdwy]))+")
_DURATION_PART = re.compile(r"([0-9]+)(ms|[smhdwy])")
_UNITS_NS = {
    "y": 365 * 86400 * 10**9,
    "w": 7 * 86400 * 10**9,
    "d": 86400 * 10**9,
    "h": 3600 * 10**9,
    "m": 60 * 10**9,
    "s": 10**9,
    "ms": 10**6,
}
_UNIT_ORDER = list(_UNITS_NS)
_DIGITS = "0123456789"
_IDENT = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
_LABEL = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
_WORD_CHAR = re.compile(r"[a-zA-Z0-9_]")
# Longest first, so "==" is not read as "=" "=".
_OPERATORS = "== != =~ !~ <= >= = < > + - * / % ^ ( ) { } [ ] , @ :".split()
_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _fail(pos: int, message: str) -> ValidationFailed:
    return ValidationFailed("query", f"at position {pos}: {message}")


def parse_duration(text: str, pos: int = 1) -> int:
    """A Prometheus duration (``1h30m``, ``500ms``; units in decreasing order, each at most
    once) in nanoseconds.

    :raises ValidationFailed: for anything else, or one over 10 years.
    """
    if not _DURATION.fullmatch(text):
        raise _fail(pos, f"{text!r} is not a duration (such as 5m, 1h30m or 500ms)")
    total, last = 0, -1
    for number, unit in _DURATION_PART.findall(text):
        if len(number) > 20:
            raise _fail(pos, f"duration {text!r} is longer than 10 years")
        order = _UNIT_ORDER.index(unit)
        if order <= last:
            raise _fail(pos, f"duration {text!r}: units must come largest first, each once")
        last = order
        total += int(number) * _UNITS_NS[unit]
        if total > MAX_DURATION_NS:
            raise _fail(pos, f"duration {text!r} is longer than 10 years")
    return total


def _number(word: str) -> float:
    try:
        return float(int(word, 16)) if word[:2].lower() == "0x" else float(word)
    except OverflowError:  # a hexadecimal literal past the largest double
        return math.inf


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        pos = i + 1
        if c in " \t\r\n":
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in _DIGITS or (c == "." and i + 1 < n and text[i + 1] in _DIGITS):
            duration = _DURATION.match(text, i)
            number = _NUMBER.match(text, i)
            value: float
            assert number is not None
            if duration is not None and duration.end() >= number.end():
                end = duration.end()
                kind, value = "duration", parse_duration(duration.group(), pos)
            else:
                end = number.end()
                word = number.group()
                kind, value = "number", _number(word)
            if end < n and _WORD_CHAR.match(text, end):
                raise _fail(pos, f"bad number or duration {text[i : end + 1]!r}")
            tokens.append(_Token(kind, text[i:end], pos, value))
            i = end
        elif c in "\"'`":
            string, i = _string(text, i)
            tokens.append(_Token("string", text[pos - 1 : i], pos, string))
        elif _IDENT.match(text, i):
            match = _IDENT.match(text, i)
            assert match is not None
            tokens.append(_Token("ident", match.group(), pos))
            i = match.end()
        else:
            for op in _OPERATORS:
                if text.startswith(op, i):
                    tokens.append(_Token("op", op, pos))
                    i += len(op)
                    break
            else:
                raise _fail(pos, f"unexpected character {c!r}")
    tokens.append(_Token("end", "", n + 1))
    return tokens


def _string(text: str, start: int) -> tuple[str, int]:
    """The string literal opening at ``start``, and the index after its closing quote."""
    quote = text[start]
    i = start + 1
    if quote == "`":
        end = text.find("`", i)
        if end < 0:
            raise _fail(start + 1, "unterminated raw string")
        return text[i:end], end + 1
    out: list[str] = []
    while True:
        if i >= len(text) or text[i] == "\n":
            raise _fail(start + 1, "unterminated quoted string")
        c = text[i]
        if c == quote:
            return "".join(out), i + 1
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= len(text):
            raise _fail(start + 1, "unterminated quoted string")
        e = text[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in _HEX_ESCAPES:
            digits = text[i + 2 : i + 2 + _HEX_ESCAPES[e]]
            if len(digits) != _HEX_ESCAPES[e] or not all(
                d in "0123456789abcdefABCDEF" for d in digits
            ):
                raise _fail(i + 1, f"bad escape \\{e}: expected {_HEX_ESCAPES[e]} hex digits")
            code = int(digits, 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise _fail(i + 1, f"escape \\{e}{digits} is not a Unicode character")
            out.append(chr(code))
            i += 2 + len(digits)
        elif e in "01234567":
            digits = text[i + 1 : i + 4]
            if len(digits) != 3 or not all(d in "01234567" for d in digits) or int(digits, 8) > 255:
                raise _fail(i + 1, "bad octal escape: expected three octal digits up to \\377")
            out.append(chr(int(digits, 8)))
            i += 4
        else:
            raise _fail(i + 1, f"unknown escape sequence \\{e}")


# --- parser ---------------------------------------------------------------------------------


def parse(text: str) -> Expr:
    """The expression ``text`` holds, type-checked.

    :raises ValidationFailed: on ``query``, naming the position and what was expected.
    """
    if not isinstance(text, str):
        raise ValidationFailed("query", "must be text")
    if len(text) > MAX_QUERY or len(text.encode("utf-8", "surrogatepass")) > MAX_QUERY:
        raise ValidationFailed("query", f"at most {MAX_QUERY} bytes long")
    if "\x00" in text:
        raise _fail(text.index("\x00") + 1, "a NUL character")
    if not text.strip():
        raise ValidationFailed("query", "must not be empty")
    parser = _Parser(_tokens(text))
    expr = parser.expression()
    token = parser.peek()
    if token.kind != "end":
        raise _fail(token.pos, f"unexpected {_shown(token)} after a complete expression")
    if _height(expr) > MAX_DEPTH:
        raise ValidationFailed("query", f"nested more than {MAX_DEPTH} levels deep")
    found = selectors(expr)
    if len(found) > MAX_SELECTORS:
        raise _fail(found[MAX_SELECTORS].pos, f"more than {MAX_SELECTORS} selectors in one query")
    if type_of(expr) is STR:
        raise ValidationFailed("query", "a string is not a query result: use it as an argument")
    return expr


def _shown(token: _Token) -> str:
    if token.kind == "end":
        return "end of query"
    if token.kind == "ident" and token.word in _KEYWORDS:
        return f"keyword {token.text!r}"
    return f"{token.kind} {token.text!r}" if token.kind != "op" else repr(token.text)


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._at = 0
        self._depth = 0

    def peek(self, ahead: int = 0) -> _Token:
        return self._tokens[min(self._at + ahead, len(self._tokens) - 1)]

    def _take(self) -> _Token:
        token = self.peek()
        self._at += 1
        return token

    def _is(self, text: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind in ("op", "ident") and token.word == text

    def _expect(self, text: str, what: str) -> _Token:
        token = self.peek()
        if not self._is(text):
            raise _fail(token.pos, f"expected {what}, found {_shown(token)}")
        return self._take()

    def _deeper(self, pos: int) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _fail(pos, f"nested more than {MAX_DEPTH} levels deep")

    def expression(self, min_precedence: int = 0) -> Expr:
        lhs = self._unary()
        while True:
            token = self.peek()
            op = token.word if token.kind in ("op", "ident") else ""
            if op not in _BINARY or (token.kind == "ident") != (op in _SET_OPERATORS):
                return lhs
            precedence, right = _BINARY[op]
            if precedence < min_precedence:
                return lhs
            self._take()
            return_bool, on, labels = self._modifiers(op)
            self._deeper(token.pos)
            rhs = self.expression(precedence if right else precedence + 1)
            self._depth -= 1
            lhs = _binary(op, lhs, rhs, return_bool, on, labels, token.pos)

    def _modifiers(self, op: str) -> tuple[bool, bool | None, tuple[str, ...]]:
        return_bool = False
        if self._is("bool"):
            token = self._take()
            if op not in _COMPARISONS:
                raise _fail(token.pos, "bool is only for comparison operators")
            return_bool = True
        on: bool | None = None
        labels: tuple[str, ...] = ()
        if self._is("on") or self._is("ignoring"):
            on = self._take().word == "on"
            labels = self._label_list()
        for word in ("group_left", "group_right"):
            if self._is(word):
                raise _fail(self.peek().pos, f"{word} (many-to-one matching) is not supported")
        return return_bool, on, labels

    def _unary(self) -> Expr:
        token = self.peek()
        self._deeper(token.pos)
        try:
            if self._is("-") or self._is("+"):
                self._take()
                operand = self.expression(_UNARY_PRECEDENCE)
                kind = type_of(operand)
                if kind not in (S, V):
                    raise _fail(token.pos, f"unary {token.text} needs a scalar or a vector")
                if token.text == "+":
                    return operand
                if isinstance(operand, NumberLiteral):
                    return NumberLiteral(-operand.value, token.pos)
                return Unary("-", operand, token.pos)
            return self._postfix(self._primary())
        finally:
            self._depth -= 1

    def _primary(self) -> Expr:
        token = self.peek()
        if token.kind == "number":
            self._take()
            return NumberLiteral(float(token.value or 0), token.pos)
        if token.kind == "string":
            self._take()
            return StringLiteral(str(token.value), token.pos)
        if token.kind == "duration":
            raise _fail(
                token.pos, f"a duration ({token.text}) belongs in a range [..] or after offset"
            )
        if self._is("("):
            self._take()
            inner = self.expression()
            self._expect(")", "')'")
            return inner
        if self._is("{"):
            return self._selector(None, token.pos)
        if token.kind == "ident":
            return self._identifier()
        raise _fail(token.pos, f"unexpected {_shown(token)}: expected an expression")

    def _identifier(self) -> Expr:
        token = self._take()
        word = token.word
        if word in AGGREGATIONS and (self._is("(") or self._is("by") or self._is("without")):
            return self._aggregation(token)
        if self._is("("):
            if token.text not in FUNCTIONS:
                raise _fail(token.pos, f"unknown function {token.text}()")
            return self._call(token)
        if word.lower() in ("inf", "nan"):
            return NumberLiteral(math.inf if word.lower() == "inf" else math.nan, token.pos)
        if word in _KEYWORDS:
            raise _fail(token.pos, f"unexpected keyword {word!r}: expected an expression")
        return self._selector(token.text, token.pos)

    def _call(self, name: _Token) -> Expr:
        self._take()  # (
        args: list[Expr] = []
        if not self._is(")"):
            args.append(self.expression())
            while self._is(","):
                self._take()
                args.append(self.expression())
        self._expect(")", f"',' or ')' to close {name.text}(")
        kinds, optional, _ = FUNCTIONS[name.text]
        if not len(kinds) - optional <= len(args) <= len(kinds):
            wanted = str(len(kinds)) if not optional else f"{len(kinds) - optional} to {len(kinds)}"
            raise _fail(name.pos, f"{name.text}() takes {wanted} argument(s), {len(args)} given")
        for i, (arg, kind) in enumerate(zip(args, kinds, strict=False)):
            if type_of(arg) is not kind:
                raise _fail(
                    _pos(arg),
                    f"argument {i + 1} of {name.text}() must be {_a(kind)}, not {_a(type_of(arg))}",
                )
        return Call(name.text, tuple(args), name.pos)

    def _aggregation(self, name: _Token) -> Expr:
        labels: tuple[str, ...] = ()
        without = False
        grouped = False
        if self._is("by") or self._is("without"):
            without = self._take().word == "without"
            labels = self._label_list()
            grouped = True
        self._expect("(", f"'(' after {name.text}")
        param: Expr | None = None
        first = self.expression()
        if self._is(","):
            self._take()
            param, first = first, self.expression()
        self._expect(")", f"')' to close {name.text}(")
        if not grouped and (self._is("by") or self._is("without")):
            without = self._take().word == "without"
            labels = self._label_list()
        wanted = AGGREGATIONS[name.word]
        if wanted is None and param is not None:
            raise _fail(name.pos, f"{name.text}() takes one argument")
        if wanted is not None and param is None:
            raise _fail(name.pos, f"{name.text}() takes a parameter and a vector")
        if param is not None and type_of(param) is not wanted:
            raise _fail(_pos(param), f"the parameter of {name.text}() must be a scalar")
        if type_of(first) is not V:
            raise _fail(
                _pos(first),
                f"{name.text}() aggregates an instant vector, not {_a(type_of(first))}",
            )
        return Aggregation(name.word, first, param, labels, without, name.pos)

    def _label_list(self) -> tuple[str, ...]:
        self._expect("(", "'(' to open a label list")
        labels: list[str] = []
        while not self._is(")"):
            token = self._take()
            if token.kind == "string":
                labels.append(str(token.value))
            elif token.kind == "ident" and _LABEL.fullmatch(token.text):
                labels.append(token.text)
            else:
                raise _fail(token.pos, f"expected a label name, found {_shown(token)}")
            if not self._is(")"):
                self._expect(",", "',' or ')' in the label list")
        self._take()
        return tuple(labels)

    def _selector(self, name: str | None, pos: int) -> VectorSelector:
        matchers: list[Matcher] = []
        if name is not None:
            matchers.append(Matcher("__name__", "=", name, pos))
        if self._is("{"):
            self._take()
            while not self._is("}"):
                matchers.append(
                    self._matcher(
                        has_name=any(m.name == "__name__" and m.op == "=" for m in matchers)
                    )
                )
                if not self._is("}"):
                    self._expect(",", "',' or '}' in the selector")
            self._take()
        if not any(_selects(m) for m in matchers):
            raise _fail(
                pos,
                "a selector needs a metric name or a matcher that does not match the empty value",
            )
        return VectorSelector(tuple(matchers), pos=pos)

    def _matcher(self, *, has_name: bool) -> Matcher:
        token = self._take()
        if token.kind == "string" and not self._is_matcher_op():
            if has_name:
                raise _fail(token.pos, "the metric name is given twice")
            return Matcher("__name__", "=", str(token.value), token.pos)
        if token.kind == "string":
            label = str(token.value)
        elif token.kind == "ident" and _LABEL.fullmatch(token.text):
            label = token.text
        else:
            raise _fail(token.pos, f"expected a label name, found {_shown(token)}")
        op = self.peek()
        if not self._is_matcher_op():
            raise _fail(op.pos, f"expected one of = != =~ !~ after {label}, found {_shown(op)}")
        self._take()
        value = self.peek()
        if value.kind != "string":
            raise _fail(
                value.pos, f"expected a quoted string after {label}{op.text}, found {_shown(value)}"
            )
        self._take()
        if label == "__name__" and op.text == "=" and has_name:
            raise _fail(token.pos, "the metric name is given twice")
        return Matcher(label, op.text, str(value.value), token.pos)

    def _is_matcher_op(self) -> bool:
        return any(self._is(op) for op in ("=", "!=", "=~", "!~"))

    def _postfix(self, expr: Expr) -> Expr:
        if self._is("["):
            token = self._take()
            if not isinstance(expr, VectorSelector):
                raise _fail(
                    token.pos,
                    "a range [..] applies to a vector selector only (subqueries are not supported)",
                )
            duration = self.peek()
            if duration.kind != "duration":
                raise _fail(
                    duration.pos, f"expected a duration such as 5m, found {_shown(duration)}"
                )
            self._take()
            after = self.peek()
            if after.text.startswith(":"):  # ":1m" lexes as a name (names may hold colons)
                raise _fail(after.pos, "subqueries ([range:step]) are not supported")
            self._expect("]", "']' to close the range")
            range_ns = int(duration.value or 0)
            if range_ns <= 0:
                raise _fail(duration.pos, "a range must be longer than zero")
            expr = MatrixSelector(expr, range_ns, expr.pos)
        while self._is("offset") or self._is("@"):
            token = self._take()
            selector = expr.selector if isinstance(expr, MatrixSelector) else expr
            if not isinstance(selector, VectorSelector):
                raise _fail(token.pos, f"{token.text} applies to a selector only")
            if token.word == "offset":
                if selector.offset_ns:
                    raise _fail(token.pos, "offset is given twice")
                selector = attrs.evolve(selector, offset_ns=self._offset())
            else:
                if selector.at is not None:
                    raise _fail(token.pos, "@ is given twice")
                selector = attrs.evolve(selector, at=self._at_time())
            expr = (
                attrs.evolve(expr, selector=selector)
                if isinstance(expr, MatrixSelector)
                else selector
            )
        return expr

    def _offset(self) -> int:
        sign = 1
        if self._is("-") or self._is("+"):
            sign = -1 if self._take().text == "-" else 1
        token = self.peek()
        if token.kind != "duration":
            raise _fail(token.pos, f"expected a duration after offset, found {_shown(token)}")
        self._take()
        return sign * int(token.value or 0)

    def _at_time(self) -> float | str:
        token = self.peek()
        if token.kind == "ident" and token.word in ("start", "end") and self._is("(", 1):
            self._take()
            self._take()
            self._expect(")", f"')' after {token.text}(")
            return token.word
        sign = 1.0
        if self._is("-") or self._is("+"):
            sign = -1.0 if self._take().text == "-" else 1.0
            token = self.peek()
        if token.kind != "number" or not math.isfinite(float(token.value or 0)):
            raise _fail(
                token.pos, f"expected a unix time, start() or end() after @, found {_shown(token)}"
            )
        self._take()
        return sign * float(token.value or 0)


def _selects(m: Matcher) -> bool:
    """Whether a matcher rules out series lacking the label (it does not match "")."""
    if m.op == "=":
        return m.value != ""
    if m.op == "!=":
        return m.value == ""
    return m.op == "=~" and m.value not in ("", ".*", ".*?", "^.*$")


def _binary(
    op: str,
    lhs: Expr,
    rhs: Expr,
    return_bool: bool,
    on: bool | None,
    labels: tuple[str, ...],
    pos: int,
) -> Binary:
    left, right = type_of(lhs), type_of(rhs)
    for side in (lhs, rhs):
        if type_of(side) not in (S, V):
            raise _fail(
                _pos(side),
                f"operator {op} takes scalars and instant vectors, not {_a(type_of(side))}",
            )
    if op in _SET_OPERATORS and (left is S or right is S):
        raise _fail(pos, f"set operator {op} works between instant vectors only")
    if op in _COMPARISONS and left is S and right is S and not return_bool:
        raise _fail(pos, f"a comparison between scalars needs bool ({op} bool)")
    if on is not None and (left is S or right is S):
        raise _fail(pos, "on() and ignoring() match two instant vectors only")
    return Binary(op, lhs, rhs, return_bool, on, labels, pos)


def _pos(expr: Expr) -> int:
    return expr.pos


def _described(kind: ValueType) -> str:
    return {S: "scalar", V: "instant vector", M: "range vector", STR: "string"}[kind]


def _a(kind: ValueType) -> str:
    """The type's name with its article: "a scalar", "an instant vector"."""
    word = _described(kind)
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"
