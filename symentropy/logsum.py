"""Exact sums of logarithms: the internal representation behind every measure.

A :class:`LogSum` is a finite sum ``sum_k c_k log(a_k)`` in natural logarithms.
Each argument ``a_k`` is either a prime number (an ``int``) or a symbolic
expression that is not a product of a rational number and something else; each
coefficient ``c_k`` is a :class:`fractions.Fraction` or, for symbolic tables, a
sympy expression.

Because the logarithms of distinct primes are linearly independent over the
rationals (unique factorisation), two entropies of rational tables are equal
exactly when their prime coefficients are equal.  Arithmetic on a ``LogSum``
(``+``, ``-``, scaling) is therefore exact cancellation, and
:meth:`LogSum.to_expr` turns it into one *canonical* sympy expression for a
given base: a rational part plus rational multiples of ``log(p)/log(base)``.
Equal quantities come out structurally equal, and a quantity that is zero
comes out as ``0``.

This module is internal (like sympy's ``DomainMatrix`` representations):
measures build ``LogSum`` objects and return ``to_expr(base)`` to the user.

Examples
========

>>> from sympy import Rational, E
>>> from symentropy.logsum import LogSum
>>> h = LogSum.entropy_of([Rational(1, 2), Rational(1, 4), Rational(1, 4)])
>>> h.to_expr(2)
3/2
>>> h.to_expr(E)
3*log(2)/2
>>> LogSum.entropy_of([Rational(1, 6)] * 6).to_expr(2)
1 + log(3)/log(2)
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache
from typing import Union

import sympy

__all__ = ["LogSum", "factor_integer", "tidy"]

Coefficient = Union[Fraction, sympy.Expr]
Argument = Union[int, sympy.Expr]


@lru_cache(maxsize=1 << 16)
def factor_integer(n: int) -> tuple[tuple[int, int], ...]:
    """Return the prime factorisation of ``n >= 1`` as ``((prime, exponent), ...)``.

    Results are cached: tables reuse the same numerators and denominators.

    >>> factor_integer(360)
    ((2, 3), (3, 2), (5, 1))
    """
    if n < 1:
        raise ValueError(f"cannot factor {n}: expected a positive integer")
    return tuple(sorted(sympy.factorint(n).items()))


def _add(a: Coefficient, b: Coefficient) -> Coefficient:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a + b
    return _sym(a) + _sym(b)


def _mul(a: Coefficient, b: Coefficient) -> Coefficient:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a * b
    return _sym(a) * _sym(b)


def _sym(c: Coefficient) -> sympy.Expr:
    if isinstance(c, Fraction):
        return sympy.Rational(c.numerator, c.denominator)
    return c


def _as_coefficient(c: sympy.Expr) -> Coefficient:
    """Use a Fraction for rational coefficients: the fast path."""
    if c.is_Rational:
        return Fraction(int(c.p), int(c.q))
    return c


def tidy(expr: sympy.Expr) -> sympy.Expr:
    """Return the shortest of ``expr``, its expansion and its factorisation.

    Used on symbolic probabilities and coefficients (sums of cells such as
    ``p*q + p*(1 - q)`` become ``p``); never on sums of logarithms, where
    ``simplify`` is slow and rarely helps.

    >>> from sympy import symbols
    >>> p, q = symbols("p q")
    >>> tidy(p*q + p*(1 - q))
    p
    >>> tidy((1 - p)*(1 - q))
    (1 - p)*(1 - q)
    """
    if expr.is_Atom or expr.is_Rational:
        return expr
    candidates = [expr]
    expanded = sympy.expand(expr)
    candidates.append(expanded)
    if expanded.is_Add or expanded.is_Mul or expanded.is_Pow:
        try:
            candidates.append(sympy.factor(expanded))
        except sympy.PolynomialError:  # non-polynomial expressions: keep the others
            pass
    return min(candidates, key=lambda e: (sympy.count_ops(e), len(str(e))))


def _split_log_argument(m: sympy.Expr) -> list[tuple[sympy.Expr, sympy.Expr]]:
    """Write ``log(m)`` as ``sum e_i log(b_i)`` where that is valid.

    A product is split when all of its factors but at most one are provably
    positive: then, ``m`` being a nonnegative probability, the remaining
    factor is nonnegative too, so the logarithm of the product is the sum of
    the logarithms.  A power ``b**e`` is split when ``b`` is provably positive.
    """
    if m.is_Mul:
        factors = m.args
        unknown = [f for f in factors if not f.is_positive]
        if len(unknown) <= 1:
            parts: list[tuple[sympy.Expr, sympy.Expr]] = []
            for f in factors:
                parts.extend(_split_log_argument(f))
            return parts
        return [(m, sympy.Integer(1))]
    if m.is_Pow and m.base.is_positive and m.exp.is_real:
        return [(b, e * m.exp) for b, e in _split_log_argument(m.base)]
    return [(m, sympy.Integer(1))]


class LogSum:
    """An exact linear combination of logarithms, ``sum_k c_k log(a_k)`` (nats).

    Build one with :meth:`entropy_of` or :meth:`log_of`; combine with ``+``,
    ``-`` and multiplication by a rational; convert with :meth:`to_expr`.
    """

    __slots__ = ("_terms",)

    def __init__(self, terms: dict[Argument, Coefficient] | None = None):
        self._terms: dict[Argument, Coefficient] = terms if terms is not None else {}

    # -- construction -------------------------------------------------------
    @classmethod
    def entropy_of(cls, probabilities: Iterable[sympy.Expr]) -> LogSum:
        """Return ``-sum p log p`` over ``probabilities``, with ``0 log 0 = 0``.

        Rational probabilities go through integer factorisation (each distinct
        numerator and denominator is factored once); symbolic ones are kept as
        ``-p log p`` after taking out their rational content.
        """
        weights: dict[int, Fraction] = {}
        symbolic: list[sympy.Expr] = []
        for p in probabilities:
            if p.is_Rational:
                if p.is_zero:
                    continue
                w = Fraction(int(p.p), int(p.q))
                weights[int(p.p)] = weights.get(int(p.p), 0) - w
                weights[int(p.q)] = weights.get(int(p.q), 0) + w
            elif p.is_zero:
                continue
            else:
                symbolic.append(p)
        result = cls._from_integer_weights(weights)
        for p in symbolic:
            result._add_inplace(cls.log_of(p).scaled(-p))
        return result

    @classmethod
    def log_of(cls, value: sympy.Expr) -> LogSum:
        """Return ``log(value)`` as a ``LogSum`` (``value`` positive, or a probability)."""
        if value.is_Rational:
            if value <= 0:
                raise ValueError(f"log of a nonpositive rational {value}")
            return cls._from_integer_weights({int(value.p): Fraction(1), int(value.q): Fraction(-1)})
        content, rest = value.as_content_primitive()
        result = cls()
        if rest.could_extract_minus_sign() and content.is_Rational:
            # e.g. (p - 1)*(q - 1) is kept as it is; -p alone is left to sympy
            pass
        if content != 1 and content.is_Rational and content > 0:
            result = cls.log_of(content)
        for arg, exponent in _split_log_argument(rest):
            if arg.is_Rational and arg > 0:
                result._add_inplace(cls.log_of(arg).scaled(exponent))
            elif arg != 1:
                result._add_term(arg, _as_coefficient(exponent))
        return result

    @classmethod
    def _from_integer_weights(cls, weights: dict[int, Fraction]) -> LogSum:
        terms: dict[Argument, Coefficient] = {}
        for n, w in weights.items():
            if n == 1 or not w:
                continue
            for prime, exponent in factor_integer(n):
                terms[prime] = terms.get(prime, 0) + w * exponent
        return cls({k: v for k, v in terms.items() if v})

    # -- arithmetic ---------------------------------------------------------
    def _add_term(self, arg: Argument, coefficient: Coefficient) -> None:
        if arg in self._terms:
            total = _add(self._terms[arg], coefficient)
            if isinstance(total, sympy.Expr):
                total = _as_coefficient(total) if total.is_Rational else total
            if (isinstance(total, Fraction) and not total) or (
                isinstance(total, sympy.Expr) and sympy.expand(total) == 0
            ):
                del self._terms[arg]
            else:
                self._terms[arg] = total
        elif (isinstance(coefficient, Fraction) and coefficient) or (
            isinstance(coefficient, sympy.Expr) and coefficient != 0
        ):
            self._terms[arg] = coefficient

    def _add_inplace(self, other: LogSum) -> None:
        for arg, c in other._terms.items():
            self._add_term(arg, c)

    def copy(self) -> LogSum:
        return LogSum(dict(self._terms))

    def __add__(self, other: LogSum) -> LogSum:
        result = self.copy()
        result._add_inplace(other)
        return result

    def __neg__(self) -> LogSum:
        return self.scaled(Fraction(-1))

    def __sub__(self, other: LogSum) -> LogSum:
        return self + (-other)

    def scaled(self, factor: Coefficient | sympy.Expr) -> LogSum:
        """Return this sum multiplied by ``factor`` (a rational or an expression)."""
        if isinstance(factor, sympy.Expr):
            factor = _as_coefficient(factor)
        return LogSum({k: _mul(c, factor) for k, c in self._terms.items()})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LogSum):
            return NotImplemented
        return self._terms == other._terms

    __hash__ = None  # type: ignore[assignment]  # mutable during construction

    @property
    def is_zero(self) -> bool:
        """True when every coefficient is zero (the value is exactly 0)."""
        return not self._terms

    @property
    def is_rational(self) -> bool:
        """True when every argument is a prime and every coefficient rational."""
        return all(isinstance(k, int) and isinstance(c, Fraction) for k, c in self._terms.items())

    def prime_coefficients(self) -> dict[int, Fraction]:
        """The coefficients of ``log(p)`` for primes ``p`` (rational sums only)."""
        return {k: c for k, c in self._terms.items() if isinstance(k, int)}  # type: ignore[misc]

    def __repr__(self) -> str:
        inner = " + ".join(f"({_sym(c)})*log({k})" for k, c in self._terms.items())
        return f"LogSum({inner or '0'})"

    # -- conversion ---------------------------------------------------------
    def to_expr(self, base: sympy.Expr) -> sympy.Expr:
        """Return the canonical sympy expression of this sum in logarithms to ``base``.

        ``base`` must already be validated (see :func:`symentropy.logbase.as_base`).
        For a rational base ``b = prod q**f_q``, the part along ``log(b)`` is
        taken out as a number ``r``: in bits, ``H = r + sum_{q odd} c_q
        log(q)/log(2)``.  For a base with several primes (10 = 2*5), ``r`` is
        taken along the prime ``q`` of ``b`` that minimises ``|c_q / f_q|``
        (ties: the smaller prime), so ``log_10 6`` stays
        ``log(2)/log(10) + log(3)/log(10)`` and ``log_10 20`` is
        ``1 + log(2)/log(10)``.  The choice depends only on the value, so
        the form stays canonical.
        """
        base = sympy.sympify(base)
        primes = {k: c for k, c in self._terms.items() if isinstance(k, int)}
        others = [(k, c) for k, c in self._terms.items() if not isinstance(k, int)]
        parts: list[sympy.Expr] = []
        if base == sympy.E:
            divisor: sympy.Expr = sympy.Integer(1)
        else:
            divisor = sympy.log(base)
            if base.is_Rational and primes:
                vector = dict(factor_integer(int(base.p)))
                for q, e in factor_integer(int(base.q)):
                    vector[q] = -e
                pivot = _pivot(primes, vector)
                ratio = _mul(primes.get(pivot, Fraction(0)), Fraction(1, vector[pivot]))
                if (isinstance(ratio, Fraction) and ratio) or (isinstance(ratio, sympy.Expr) and ratio != 0):
                    parts.append(tidy(_sym(ratio)) if isinstance(ratio, sympy.Expr) else _sym(ratio))
                    for q, e in vector.items():
                        primes[q] = _add(primes.get(q, Fraction(0)), _mul(ratio, Fraction(-e)))
                    primes.pop(pivot, None)
            elif divisor.is_Rational:  # e.g. base E**2
                pass
        for q in sorted(primes):
            c = primes[q]
            if isinstance(c, Fraction):
                if c:
                    parts.append(_sym(c) * sympy.log(q) / divisor)
            else:
                c = tidy(c)
                if c != 0:
                    parts.append(_term(c, sympy.log(q), divisor))
        for arg, c in others:
            c = tidy(_sym(c))
            if c != 0:
                parts.append(_term(c, sympy.log(arg), divisor, arg))
        return sympy.Add(*parts)


def _pivot(primes: dict, vector: dict[int, int]) -> int:
    """The prime of the base along which the rational part is taken (see ``to_expr``)."""
    ratios = []
    for q, f in vector.items():
        c = primes.get(q, Fraction(0))
        if not isinstance(c, Fraction):  # symbolic coefficients: the smallest prime
            return min(vector)
        ratios.append((abs(c / f), q))
    return min(ratios)[1]


def _term(coefficient: sympy.Expr, log: sympy.Expr, divisor: sympy.Expr, arg: sympy.Expr | None = None) -> sympy.Expr:
    """Build ``coefficient*log/divisor`` in the textbook shape ``-p*log(p)``.

    A coefficient that is the negative of a sum (``-(1 - p)``) is kept as a
    factor ``-1`` times that sum, which sympy would otherwise distribute.
    """
    inverse = sympy.Pow(divisor, -1) if divisor != 1 else sympy.Integer(1)
    if arg is not None and sympy.expand(coefficient + arg) == 0:
        return sympy.Mul(sympy.Integer(-1), arg, log, inverse)
    negated = -coefficient
    if coefficient.is_Add and negated.is_Add and sympy.count_ops(negated) < sympy.count_ops(coefficient):
        return sympy.Mul(sympy.Integer(-1), negated, log, inverse)
    return sympy.Mul(coefficient, log, inverse)
