"""Textbook notation: the grammar of ``"I(X;Y|Z)"``, parsed without evaluating anything.

:func:`parse_notation` reads a linear combination of information measures
into a :class:`Notation`: a tuple of ``(coefficient, term)`` pairs, each term
an :class:`EntropyTerm`, :class:`InformationTerm` or :class:`DivergenceTerm`.
:func:`symentropy.measures.info.info` evaluates one on a distribution.

===========================  ====================================================
notation                     term
===========================  ====================================================
``H(X)``, ``H(X,Y)``         (joint) Shannon entropy
``H(X|Y)``, ``H(X|Y,Z)``     conditional entropy
``H(X|Y=3)``                 entropy in the distribution conditioned on ``Y = 3``
``I(X;Y)``, ``I(X,Y;Z)``     mutual information of variables or groups
``I(X;Y|Z)``                 conditional mutual information
``I(X;Y;Z)``                 co-information (interaction information)
``H_2(X)``, ``H_{1/2}(X)``   Rényi entropy of a given order
``H_alpha(X)``               Rényi entropy of symbolic order ``alpha``
``H_inf(X)``, ``H_0(X)``     min-entropy, Hartley entropy
``D(P||Q)``                  Kullback-Leibler divergence of two distributions
``D(P(Y|X)||Q(Y|X))``        conditional divergence
``H(X) + H(Y) - H(X,Y)``     sums and differences, with rational coefficients
``a*I(X;Y) + 2*b*H(X)``      symbolic coefficients (a name and ``*``)
===========================  ====================================================

Textbook Unicode is accepted beside ASCII: ``∣`` for ``|``, ``‖`` or ``∥``
for ``||``, ``−`` for ``-``, ``∞`` for ``inf``, Greek letters for a symbolic
order (``H_α`` is ``H_alpha``) and subscript digits (``H₂``).

The notation is read by a small hand-written recursive-descent parser, in the
spirit of :mod:`symentropy.kernel.parsing`: nothing is passed to ``eval`` or to
``sympify``, so no string can run code.  The grammar::

    notation    := ["+" | "-"] term (("+" | "-") term)*
    term        := [number ["*"]] (symbol "*")* measure
    measure     := entropy | information | divergence
    entropy     := "H" [order] "(" names ["|" condition] ")"
    order       := "_" (word | "{" word "}") | subscript digits
    information := "I" "(" names (";" names)+ ["|" condition] ")"
    divergence  := "D" "(" side "||" side ")"
    side        := word ["(" names ["|" names] ")"]
    names       := word ("," word)*
    condition   := given ("," given)*
    given       := word ["=" (word | quoted)]
    number      := digits ["." digits | "/" digits]

A ``word`` is a run of characters other than white space and
:data:`WORD_DELIMITERS` (``, ; | ( ) = : [ ] { } ' " \\`` and the Unicode
bars).  These are exactly the characters a variable name may not contain
(:func:`symentropy.core.names.check_names` refuses them), so every variable
name of a :class:`~symentropy.Distribution` can be written.  An order is an
integer, a decimal, a fraction, ``inf`` / ``oo`` / ``∞``, or a name that
becomes a sympy ``Symbol``.  The value of an event (``Y=3``) is matched
against the outcomes of ``Y`` by :func:`label_matches`: it equals an outcome
when it is the outcome's ``str`` or, for a numeric outcome, the same number;
quote it (``Y='a b'``) when it contains one of the characters above.

Examples
========

>>> from symentropy.kernel.notation import parse_notation
>>> n = parse_notation("I(X;Y|Z) - 1/2 H(X)")
>>> n.terms[0]
(Fraction(1, 1), InformationTerm(groups=(('X',), ('Y',)), given=('Z',), events=()))
>>> str(n)
'I(X;Y|Z) - 1/2*H(X)'
>>> parse_notation("I(X;Y")
Traceback (most recent call last):
...
symentropy.errors.ParseError: expected "," or "|" or ")" at position 5, found end of input
    I(X;Y
         ^
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy

from ..errors import ParseError
from .exact import as_symbols
from .parsing import MAX_EXPONENT

__all__ = [
    "parse_notation",
    "Notation",
    "EntropyTerm",
    "InformationTerm",
    "DivergenceTerm",
    "Term",
    "Event",
    "WORD_DELIMITERS",
    "DELIMITERS",
    "is_word",
    "first_delimiter",
    "label_matches",
]

#: Longest notation accepted.
MAX_LENGTH = 2000
#: Longest number accepted in a coefficient or an event value.
MAX_DIGITS = 100
#: Largest numerator and denominator of a numeric order (``p**order`` must stay computable).
MAX_ORDER = MAX_EXPONENT

#: The characters that end a word besides white space, in the order messages list them; they are
#: also those a variable name may not contain (:func:`symentropy.core.names.check_names`).
DELIMITERS = ",;|()=:[]{}'\"\\∣｜‖∥"
WORD_DELIMITERS = frozenset(DELIMITERS)
_BARS = frozenset("|∣｜")
_DOUBLE_BARS = frozenset("‖∥")
_MINUS = frozenset("-−")
_SUBSCRIPTS = {chr(0x2080 + k): str(k) for k in range(10)}
_INFINITY_WORDS = frozenset({"inf", "oo", "infinity", "Inf", "∞"})
#: A symbolic coefficient: a name (letters, digits, underscores; not starting with a digit).
_IDENTIFIER = re.compile(r"[^\W\d]\w*")
#: The letters that start a measure, so not a coefficient's name.
_MEASURE_HEADS = frozenset({"H", "I", "D"})
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+|/[0-9]+)?\Z")


# -- the parsed form -----------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """``name=value`` in a condition: the value as written, without quotes."""

    name: str
    value: str

    def __str__(self) -> str:
        return f"{self.name}={_quote(self.value)}"


@dataclass(frozen=True)
class EntropyTerm:
    """``H(names | given, events)``, or the Rényi entropy ``H_order(...)``."""

    names: tuple[str, ...]
    given: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    order: sympy.Expr | None = None
    where: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __str__(self) -> str:
        condition = _format_condition(self.given, self.events)
        return f"H{_format_order(self.order)}({','.join(self.names)}{condition})"


@dataclass(frozen=True)
class InformationTerm:
    """``I(A; B | given, events)``; with three groups or more, the co-information."""

    groups: tuple[tuple[str, ...], ...]
    given: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    where: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __str__(self) -> str:
        body = ";".join(",".join(g) for g in self.groups)
        return f"I({body}{_format_condition(self.given, self.events)})"


@dataclass(frozen=True)
class DivergenceTerm:
    """``D(P||Q)``, ``D(P(names)||Q(names))`` or ``D(P(names|given)||Q(names|given))``."""

    first: str
    second: str
    names: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    where: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    at: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    def __str__(self) -> str:
        if not self.names:
            return f"D({self.first}||{self.second})"
        inner = ",".join(self.names) + (f"|{','.join(self.given)}" if self.given else "")
        return f"D({self.first}({inner})||{self.second}({inner}))"


Term = EntropyTerm | InformationTerm | DivergenceTerm


@dataclass(frozen=True)
class Notation:
    """A parsed notation: a sum of measures with rational (or symbolic) coefficients.

    A coefficient is a :class:`~fractions.Fraction`, or a sympy expression
    (a rational times a product of symbols) when the notation names one.

    ``str()`` gives the canonical spelling, which parses back to an equal
    :class:`Notation`.

    >>> from symentropy.kernel.notation import parse_notation
    >>> n = parse_notation("I(X ; Y ∣ Z) - 1/2 H_α(X)")
    >>> str(n)
    'I(X;Y|Z) - 1/2*H_alpha(X)'
    >>> parse_notation(str(n)) == n
    True
    """

    terms: tuple[tuple[Fraction | sympy.Expr, Term], ...]
    text: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        parts = []
        for k, (coefficient, measure) in enumerate(self.terms):
            if isinstance(coefficient, Fraction):
                sign = "-" if coefficient < 0 else "+"
                size = abs(coefficient)
                scaled = str(measure) if size == 1 else f"{size}*{measure}"
            else:  # a rational times a product of symbols
                number, symbols = coefficient.as_coeff_Mul()
                sign = "-" if number < 0 else "+"
                number = abs(number)
                scaled = ("" if number == 1 else f"{number}*") + f"{_monomial_text(symbols)}*{measure}"
            if k == 0:
                parts.append(scaled if sign == "+" else f"-{scaled}")
            else:
                parts.append(f" {sign} {scaled}")
        return "".join(parts)


def _monomial_text(monomial: sympy.Expr) -> str:
    """A product of symbols as the grammar writes it: ``a*a*b``, never ``a**2*b``."""
    factors = []
    powers = sorted(monomial.as_powers_dict().items(), key=lambda kv: sympy.default_sort_key(kv[0]))
    for base, exponent in powers:
        whole = exponent.is_Integer and exponent > 0
        factors += [str(base)] * int(exponent) if whole else [f"{base}**{exponent}"]
    return "*".join(factors)


def _quote(value: str) -> str:
    if is_word(value):
        return value
    return f'"{value}"' if "'" in value else f"'{value}'"


def _format_condition(given: tuple[str, ...], events: tuple[Event, ...]) -> str:
    items = list(given) + [str(e) for e in events]
    return f"|{','.join(items)}" if items else ""


def _format_order(order: sympy.Expr | None) -> str:
    if order is None:
        return ""
    if order is sympy.oo:
        return "_inf"
    if order.is_Integer and order >= 0:
        return f"_{order}"
    if isinstance(order, sympy.Symbol):
        return f"_{order.name}" if is_word(order.name) else f"_{{{order.name}}}"
    return f"_{{{order}}}"


def is_word(text: str) -> bool:
    """Whether ``text`` reads as one word of the notation: nonempty, no white space, no delimiter."""
    return bool(text) and first_delimiter(text) is None


def first_delimiter(text: str) -> str | None:
    """The first character of ``text`` that ends a word (white space or a delimiter), if any."""
    for ch in text:
        if ch in WORD_DELIMITERS or ch.isspace():
            return ch
    return None


# -- the parser ----------------------------------------------------------------
def parse_notation(text: str, *, symbols: Mapping[str, sympy.Symbol] | None = None) -> Notation:
    """Parse textbook notation such as ``"I(X;Y|Z)"`` into a :class:`Notation`.

    Explanation
    ===========

    Only the grammar of :mod:`symentropy.kernel.notation` is accepted; nothing is
    evaluated.  Variable names are not checked here (that needs the
    distribution): see :func:`info`.

    Examples
    ========

    >>> from symentropy.kernel.notation import parse_notation
    >>> parse_notation("H(X,Y|Z=1)").terms[0][1]
    EntropyTerm(names=('X', 'Y'), given=(), events=(Event(name='Z', value='1'),), order=None)
    >>> str(parse_notation("I(X;Y∣Z)"))
    'I(X;Y|Z)'
    >>> parse_notation("H(X|)")
    Traceback (most recent call last):
    ...
    symentropy.errors.ParseError: expected a variable name at position 4, found ")"
        H(X|)
            ^

    Parameters
    ==========

    text : str
        The notation.
    symbols : mapping from str to Symbol, optional
        Symbols to use for a symbolic order (``H_alpha``), so that their
        assumptions carry over; other names become plain symbols.

    Raises
    ======

    ParseError
        If ``text`` is not in the grammar; the message gives the position
        and says what was expected there.

    See Also
    ========

    symentropy.measures.info.info
    """
    if not isinstance(text, str):
        raise TypeError(f"a notation is a string such as 'I(X;Y|Z)', got {text!r}")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"notation is {len(text)} characters long; at most {MAX_LENGTH} are accepted")
    return _Parser(text, as_symbols(symbols)).parse()


class _Parser:
    def __init__(self, text: str, symbols: dict[str, sympy.Symbol]):
        self.text = text
        self.symbols = symbols
        self.i = 0

    # -- character helpers ---------------------------------------------------
    def _skip(self) -> None:
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1

    def _peek(self) -> str:
        """The next character after white space ("" at the end)."""
        self._skip()
        return self.text[self.i] if self.i < len(self.text) else ""

    def _error(self, expected: str, position: int | None = None) -> ParseError:
        pos = self.i if position is None else position
        found = f'"{self.text[pos]}"' if pos < len(self.text) else "end of input"
        return ParseError(f"expected {expected} at position {pos}, found {found}", self.text, pos)

    def _expect(self, chars: frozenset[str] | str, shown: str) -> None:
        if self._peek() and self._peek() in chars:
            self.i += 1
            return
        raise self._error(shown)

    def _at_double_bar(self) -> bool:
        ch = self._peek()
        return ch in _DOUBLE_BARS or (
            ch in _BARS and self.i + 1 < len(self.text) and self.text[self.i + 1] in _BARS
        )

    def _word(self, what: str) -> tuple[str, int]:
        self._skip()
        start = self.i
        while self.i < len(self.text) and not (
            self.text[self.i] in WORD_DELIMITERS or self.text[self.i].isspace()
        ):
            self.i += 1
        if self.i == start:
            raise self._error(what)
        return self.text[start : self.i], start

    def _number(self) -> Fraction:
        """A coefficient: digits, with an optional decimal part or denominator."""
        start = self.i
        while self.i < len(self.text) and (self.text[self.i].isdigit() or self.text[self.i] in "./"):
            self.i += 1
        literal = self.text[start : self.i]
        value = _exact_number(literal)
        if value is None:
            raise ParseError(
                f"malformed coefficient {literal!r} at position {start}: "
                "expected a number such as 2, 1/2 or 0.5",
                self.text,
                start,
            )
        return value

    # -- grammar ---------------------------------------------------------------
    def parse(self) -> Notation:
        if not self._peek():
            raise ParseError("empty notation: expected a measure such as H(X) or I(X;Y)", self.text, self.i)
        terms: list[tuple[Fraction | sympy.Expr, Term]] = []
        sign = 1
        if self._peek() == "+" or self._peek() in _MINUS:
            sign = -1 if self._peek() in _MINUS else 1
            self.i += 1
        while True:
            coefficient, measure = self._term()
            terms.append((sign * coefficient, measure))
            ch = self._peek()
            if not ch:
                break
            if ch == "+" or ch in _MINUS:
                sign = -1 if ch in _MINUS else 1
                self.i += 1
                continue
            raise self._error('"+", "-" or the end of the notation')
        return Notation(tuple(terms), self.text)

    def _term(self) -> tuple[Fraction | sympy.Expr, Term]:
        coefficient: Fraction | sympy.Expr = Fraction(1)
        if self._peek().isdigit() and self._peek().isascii():
            coefficient = self._number()
            if self._peek() == "*":
                self.i += 1
        while True:  # symbolic factors: "a*", "b*"
            self._skip()
            m = _IDENTIFIER.match(self.text, self.i)
            if m is None or not self.text[m.end() :].lstrip().startswith("*"):
                break
            name = m.group()
            if name in _MEASURE_HEADS:
                raise ParseError(
                    f"{name} names a measure; a symbolic coefficient needs another name", self.text, self.i
                )
            symbol = self.symbols.get(name) or sympy.Symbol(name)
            if isinstance(coefficient, Fraction):
                coefficient = sympy.Rational(coefficient.numerator, coefficient.denominator)
            coefficient = coefficient * symbol
            self.i = m.end()
            self._skip()
            self.i += 1  # the "*"
        return coefficient, self._measure()

    def _measure(self) -> Term:
        head = self._peek()
        if head == "H":
            self.i += 1
            return self._entropy(self._order())
        if head == "I":
            self.i += 1
            return self._information()
        if head == "D":
            self.i += 1
            return self._divergence()
        raise self._error("a measure H(...), I(...) or D(...)")

    def _order(self) -> sympy.Expr | None:
        # No white space inside "H_2": the order is part of the symbol.
        if self.i < len(self.text) and self.text[self.i] in _SUBSCRIPTS:
            start = self.i
            while self.i < len(self.text) and self.text[self.i] in _SUBSCRIPTS:
                self.i += 1
            digits = "".join(_SUBSCRIPTS[c] for c in self.text[start : self.i])
            return self._order_value(digits, start)
        if self.i < len(self.text) and self.text[self.i] == "∞":
            self.i += 1
            return sympy.oo
        if self.i >= len(self.text) or self.text[self.i] != "_":
            return None
        self.i += 1
        if self.i < len(self.text) and self.text[self.i] == "{":
            self.i += 1
            self._skip()
            start = self.i
            while self.i < len(self.text) and self.text[self.i] != "}":
                self.i += 1
            if self.i >= len(self.text):
                raise self._error('"}" to close the order')
            word = self.text[start : self.i].strip()
            self.i += 1
            if not word:
                raise self._error("an order such as 2, 1/2, inf or alpha", start)
            return self._order_value(word, start)
        start = self.i
        while self.i < len(self.text) and (self.text[self.i].isalnum() or self.text[self.i] in "./∞"):
            self.i += 1
        word = self.text[start : self.i]
        if not word:
            raise self._error('an order such as 2, {1/2}, inf or alpha after "_"')
        return self._order_value(word, start)

    def _order_value(self, word: str, start: int) -> sympy.Expr:
        if word in _INFINITY_WORDS:
            return sympy.oo
        if word[0].isdigit() or word[0] in _MINUS:
            value = _exact_number(word.replace("−", "-"))
            if value is None:
                raise ParseError(
                    f"malformed order {word!r} at position {start}: expected a number such as 2, 1/2 or 0.5, "
                    "inf, or a name such as alpha",
                    self.text,
                    start,
                )
            if value < 0:
                raise ParseError(
                    f"order {word} at position {start} is negative; an order is at least 0", self.text, start
                )
            if value > MAX_ORDER or value.denominator > MAX_ORDER:
                raise ParseError(
                    f"order {word} at position {start} is too large (numerator and denominator at most "
                    f"{MAX_ORDER})",
                    self.text,
                    start,
                )
            return sympy.Rational(value.numerator, value.denominator)
        name = _greek_name(word)
        if not name.isidentifier():
            raise ParseError(
                f"malformed order {word!r} at position {start}: expected a number such as 2, 1/2 or 0.5, "
                "inf, or a name such as alpha",
                self.text,
                start,
            )
        if name not in self.symbols:
            self.symbols[name] = sympy.Symbol(name)
        return self.symbols[name]

    def _names(self, where: dict[str, int], what: str = "a variable name") -> tuple[str, ...]:
        names = []
        while True:
            name, pos = self._word(what)
            names.append(name)
            where.setdefault(name, pos)
            if self._peek() == ",":
                self.i += 1
                continue
            return tuple(names)

    def _condition(self, where: dict[str, int]) -> tuple[tuple[str, ...], tuple[Event, ...]]:
        given: list[str] = []
        events: list[Event] = []
        while True:
            name, pos = self._word("a variable name")
            where.setdefault(name, pos)
            if self._peek() == "=":
                self.i += 1
                events.append(Event(name, self._value()))
            else:
                given.append(name)
            if self._peek() == ",":
                self.i += 1
                continue
            return tuple(given), tuple(events)

    def _value(self) -> str:
        ch = self._peek()
        if ch in ("'", '"'):
            start = self.i
            end = self.text.find(ch, start + 1)
            if end < 0:
                raise ParseError(f"unterminated quoted value starting at position {start}", self.text, start)
            self.i = end + 1
            return self.text[start + 1 : end]
        return self._word("a value such as 3 or 'a'")[0]

    def _entropy(self, order: sympy.Expr | None) -> EntropyTerm:
        self._expect("(", '"("')
        where: dict[str, int] = {}
        names = self._names(where)
        given: tuple[str, ...] = ()
        events: tuple[Event, ...] = ()
        if self._peek() and self._peek() in _BARS and not self._at_double_bar():
            self.i += 1
            given, events = self._condition(where)
        self._expect(")", '"," or "|" or ")"' if not (given or events) else '"," or ")"')
        if given and order is not None and order != 1:
            pos = where[given[0]]
            raise ParseError(
                f"conditional Rényi entropy at position {pos} is not supported (it has several "
                f"inequivalent definitions); condition on an event such as {given[0]}=1 instead",
                self.text,
                pos,
            )
        return EntropyTerm(names, given, events, order, where)

    def _information(self) -> InformationTerm:
        self._expect("(", '"("')
        where: dict[str, int] = {}
        groups = [self._names(where)]
        while self._peek() == ";":
            self.i += 1
            groups.append(self._names(where))
        if len(groups) < 2:
            raise self._error('"," or ";" (I needs two groups of variables, as in I(X;Y))')
        given: tuple[str, ...] = ()
        events: tuple[Event, ...] = ()
        if self._peek() and self._peek() in _BARS and not self._at_double_bar():
            self.i += 1
            given, events = self._condition(where)
        self._expect(")", '"," or "|" or ")"' if not (given or events) else '"," or ")"')
        return InformationTerm(tuple(groups), given, events, where)

    def _side(self, where: dict[str, int]) -> tuple[str, int, tuple[str, ...], tuple[str, ...]]:
        name, pos = self._word("the name of a distribution")
        names: tuple[str, ...] = ()
        given: tuple[str, ...] = ()
        if self._peek() == "(":
            self.i += 1
            names = self._names(where)
            if self._peek() and self._peek() in _BARS:
                bar = self.i
                self.i += 1
                given = self._names(where)
                both = [n for n in given if n in names]
                if both:
                    raise ParseError(
                        f"variable {both[0]!r} is on both sides of the bar at position {bar}; "
                        "a conditional divergence is written D(P(Y|X)||Q(Y|X))",
                        self.text,
                        bar,
                    )
            self._expect(")", '"," or "|" or ")"' if not given else '"," or ")"')
        return name, pos, names, given

    def _divergence(self) -> DivergenceTerm:
        self._expect("(", '"("')
        where: dict[str, int] = {}
        first, first_pos, names, given = self._side(where)
        if not self._at_double_bar():
            raise self._error('"||" between the two distributions, as in D(P||Q)')
        self.i += 1 if self.text[self.i] in _DOUBLE_BARS else 2
        second, second_pos, names2, given2 = self._side(where)
        if (names2, given2) != (names, given):
            raise ParseError(
                f"the second distribution at position {second_pos} must be over the same variables "
                "as the first, as in D(P(X|Y)||Q(X|Y))",
                self.text,
                second_pos,
            )
        self._expect(")", '")"')
        return DivergenceTerm(first, second, names, given, where, (first_pos, second_pos))


def _exact_number(literal: str) -> Fraction | None:
    """``"3"``, ``"-1"``, ``"0.5"`` or ``"1/2"`` as a Fraction; None if malformed or ``n/0``."""
    sign = 1
    if literal.startswith("-"):
        sign, literal = -1, literal[1:]
    if len(literal) > MAX_DIGITS or not _NUMBER.match(literal):
        return None
    if "/" in literal:
        top, bottom = literal.split("/")
        return sign * Fraction(int(top), int(bottom)) if int(bottom) else None
    return sign * Fraction(literal)


def _greek_name(word: str) -> str:
    """``"α"`` becomes ``"alpha"``; other words are returned unchanged."""
    if len(word) == 1 and not word.isascii():
        match = re.fullmatch(r"GREEK SMALL LETTER (\w+)", unicodedata.name(word, ""))
        if match:
            return match.group(1).lower()
    return word


def label_matches(value: Any, label: str) -> bool:
    """Whether an outcome ``value`` is the one written ``label`` in an event (``Y=3``).

    A string outcome matches its own text; any outcome matches its ``str``;
    a numeric outcome (int, Fraction, Decimal, sympy Rational, finite float)
    also matches a numeral of the same value (``3``, ``0.5``, ``1/2``, ``-1``).

    >>> from fractions import Fraction
    >>> label_matches(Fraction(1, 2), "0.5"), label_matches(3, "3.0"), label_matches("3", "3.0")
    (True, True, False)
    """
    if isinstance(value, str):
        return value == label
    if str(value) == label:
        return True
    if isinstance(value, bool):
        return False
    number = _exact_number(label.replace("−", "-"))
    if number is None:
        return False
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q)) == number
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator)) == number
    if isinstance(value, float):
        return value == value and abs(value) != float("inf") and Fraction(value) == number
    if isinstance(value, Decimal):
        return value.is_finite() and Fraction(value) == number
    return False
