"""A small, safe grammar for probabilities written as strings.

Strings such as ``"1/8"``, ``"0.125"``, ``"1-p"``, ``"p*q"`` or ``"(1-p)^2/4"``
are parsed by a hand-written recursive-descent parser: nothing is passed to
``eval`` or to an unrestricted ``sympify``, so no string can run code, import a
module or build a large object by accident.

The grammar::

    expression := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := ("+" | "-") unary | power
    power      := atom (("^" | "**") unary)?
    atom       := number | name | "(" expression ")"
    number     := digits ["." digits] [("e" | "E") ["+" | "-"] digits]
    name       := a Python identifier (letters, digits, underscores)

Decimal literals are exact: ``"0.1"`` is ``1/10``.  Names become sympy
symbols, taken from ``symbols=`` when given there, except the names that
sympy gives to its constants (:data:`CONSTANTS`): ``"pi/4"`` is ``pi/4``, as
``sympify`` would read it, not a symbol that prints like ``pi``.

Examples
========

>>> from symentropy.kernel.parsing import parse_expression
>>> parse_expression("3/16")
3/16
>>> parse_expression("0.1")
1/10
>>> parse_expression("(1 - p)^2")
(1 - p)**2
>>> parse_expression("pi/4").is_Symbol, parse_expression("pi/4").free_symbols
(False, set())
>>> parse_expression("__import__('os')")
Traceback (most recent call last):
...
symentropy.errors.ParseError: unexpected character "'" at position 11
    __import__('os')
               ^
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import sympy

from ..errors import InputTooLargeError, ParseError

__all__ = ["parse_expression", "CONSTANTS", "MAX_BITS", "MAX_EXPONENT", "MAX_LENGTH"]

#: Longest string accepted; a probability needs far fewer characters.
MAX_LENGTH = 2000
#: Deepest nesting of parentheses and unary signs accepted.
MAX_DEPTH = 100
#: Largest absolute integer exponent accepted (keeps ``2^2^2^2^2`` from hanging).
MAX_EXPONENT = 10_000
#: Largest size, in bits, of any exact number read from input or built while parsing a string
#: (about 30,000 decimal digits): the bound that keeps every input's cost bounded.
MAX_BITS = 100_000
#: Names read as sympy's constants, as sympy itself reads them (unless ``symbols=`` maps them).
#: The values that are no probability (``I``, ``oo``, ``nan``) are then refused by the checks
#: of whatever reads them, with the reason, instead of passing as symbols that look like them.
CONSTANTS: Mapping[str, sympy.Expr] = {
    "pi": sympy.pi,
    "E": sympy.E,
    "I": sympy.I,
    "oo": sympy.oo,
    "zoo": sympy.zoo,
    "nan": sympy.nan,
}


def parse_expression(
    text: str,
    symbols: Mapping[str, sympy.Symbol] | None = None,
) -> sympy.Expr:
    """Parse ``text`` in the safe grammar and return a sympy expression.

    Parameters
    ==========

    text : str
        The expression, e.g. ``"1/8"`` or ``"p*(1-q)"``.
    symbols : mapping from name to sympy Symbol, optional
        Symbols to use for names (so that assumptions such as
        ``positive=True`` carry over).  Other names become plain symbols,
        except those in :data:`CONSTANTS`.

    Raises
    ======

    ParseError
        If ``text`` is not in the grammar; the message shows the position.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"expression is {len(text)} characters long; at most {MAX_LENGTH} are accepted")
    parser = _Parser(text, dict(symbols or {}))
    return parser.parse()


_DIGITS = frozenset("0123456789")
_TWO_CHAR = {"**"}
_ONE_CHAR = set("+-*/^()")


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    """Split ``text`` into (kind, value, position) triples."""
    tokens: list[tuple[str, str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            start = i
            while i < n and text[i] in _DIGITS:
                i += 1
            if i < n and text[i] == ".":
                i += 1
                while i < n and text[i] in _DIGITS:
                    i += 1
            if i < n and text[i] in "eE":
                j = i + 1
                if j < n and text[j] in "+-":
                    j += 1
                if j < n and text[j] in _DIGITS:
                    i = j
                    while i < n and text[i] in _DIGITS:
                        i += 1
            tokens.append(("number", text[start:i], start))
            continue
        if ch.isalpha() or ch == "_":
            start = i
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(("name", text[start:i], start))
            continue
        if text[i : i + 2] in _TWO_CHAR:
            tokens.append(("op", "^", i))
            i += 2
            continue
        if ch in _ONE_CHAR:
            tokens.append(("op", ch, i))
            i += 1
            continue
        raise ParseError(f'unexpected character "{ch}" at position {i}', text, i)
    tokens.append(("end", "", n))
    return tokens


class _Parser:
    def __init__(self, text: str, symbols: dict[str, sympy.Symbol]):
        self.text = text
        self.symbols = symbols
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0

    # -- token helpers -------------------------------------------------
    def _peek(self) -> tuple[str, str, int]:
        return self.tokens[self.index]

    def _take(self) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def _error(self, expected: str) -> ParseError:
        kind, value, pos = self._peek()
        found = "end of input" if kind == "end" else f'"{value}"'
        return ParseError(f"expected {expected} at position {pos}, found {found}", self.text, pos)

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            pos = self._peek()[2]
            raise ParseError(f"expression nested more than {MAX_DEPTH} levels deep", self.text, pos)

    # -- grammar -------------------------------------------------------
    def parse(self) -> sympy.Expr:
        if self._peek()[0] == "end":
            raise ParseError("empty expression", self.text, 0)
        value = self._expression()
        if self._peek()[0] != "end":
            raise self._error("an operator or the end of the expression")
        return value

    def _expression(self) -> sympy.Expr:
        value = self._term()
        while self._peek()[0] == "op" and self._peek()[1] in "+-":
            op = self._take()[1]
            rhs = self._term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def _term(self) -> sympy.Expr:
        value = self._unary()
        while self._peek()[0] == "op" and self._peek()[1] in "*/":
            op = self._take()[1]
            pos = self._peek()[2]
            rhs = self._unary()
            if op == "*":
                value = value * rhs
            else:
                if rhs.is_zero:
                    raise ParseError(f"division by zero at position {pos}", self.text, pos)
                value = value / rhs
        return value

    def _unary(self) -> sympy.Expr:
        kind, value, _ = self._peek()
        if kind == "op" and value in "+-":
            self._take()
            self._enter()
            operand = self._unary()
            self.depth -= 1
            return -operand if value == "-" else operand
        return self._power()

    def _power(self) -> sympy.Expr:
        base = self._atom()
        kind, value, pos = self._peek()
        if kind == "op" and value == "^":
            self._take()
            self._enter()
            exponent = self._unary()
            self.depth -= 1
            if exponent.is_number and (not exponent.is_Rational or abs(exponent) > MAX_EXPONENT):
                raise ParseError(
                    f"exponent {exponent} at position {pos} is too large (at most {MAX_EXPONENT})",
                    self.text,
                    pos,
                )
            if base.is_zero and exponent.is_number and exponent.is_negative:
                raise ParseError(f"division by zero at position {pos}", self.text, pos)
            if base.is_Rational and exponent.is_Integer:
                bits = abs(int(exponent)) * max(int(base.p).bit_length(), int(base.q).bit_length())
                if bits > MAX_BITS:
                    raise InputTooLargeError(
                        f"the power at position {pos} would have about {bits:,} bits; "
                        f"numbers of at most {MAX_BITS:,} bits are accepted"
                    )
            return base**exponent
        return base

    def _atom(self) -> sympy.Expr:
        kind, value, pos = self._peek()
        if kind == "number":
            self._take()
            return _exact_number(value)
        if kind == "name":
            self._take()
            if value not in self.symbols:
                self.symbols[value] = CONSTANTS.get(value) or sympy.Symbol(value)
            return self.symbols[value]
        if kind == "op" and value == "(":
            self._take()
            self._enter()
            inner = self._expression()
            self.depth -= 1
            if self._peek()[:2] != ("op", ")"):
                raise self._error('")"')
            self._take()
            return inner
        raise self._error("a number, a name or \"(\"")


def _exact_number(literal: str) -> sympy.Rational:
    """Convert a decimal literal to an exact sympy Rational."""
    mantissa, _, exponent = literal.lower().partition("e")
    value = Fraction(mantissa)
    if exponent:
        power = int(exponent)
        if abs(power) > MAX_EXPONENT:
            raise ParseError(f"exponent in {literal} is too large (at most {MAX_EXPONENT})")
        value *= Fraction(10) ** power
    return sympy.Rational(value.numerator, value.denominator)
