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

Integers of 64 bits or more are not factored completely (a product of two
large primes could take forever): their prime factors below ``2**16`` are
divided out and the rest is kept whole, as a *cofactor*.  Cofactors and
primes are then refined by gcds into a coprime (gcd-free) basis, over which
logarithms are still linearly independent, so cancellation and the test for
zero stay exact.  What is canonical then: every argument below ``2**64`` is
a prime, and the arguments at or above it are pairwise coprime, free of the
primes below ``2**16`` and of every other argument, but not necessarily
prime.  Such a form is unique for the integers of one basis: two sums written
over different bases (:meth:`LogSum.over_basis`) can print the same value
differently, which is why the measures write every value of one distribution
over one basis (docs/design.md, "Exactness and canonical forms", states the
guarantee), and :func:`symentropy.kernel.numeric.compare` decides equality
exactly in any case.  Tables whose numerators and denominators are below
``2**64`` (all but contrived ones) only ever produce primes.

This module is internal (like sympy's ``DomainMatrix`` representations):
measures build ``LogSum`` objects and return ``to_expr(base)`` to the user.

Examples
========

>>> from sympy import Rational, E
>>> from symentropy.kernel.logsum import LogSum
>>> h = LogSum.entropy_of([Rational(1, 2), Rational(1, 4), Rational(1, 4)])
>>> h.to_expr(2)
3/2
>>> h.to_expr(E)
3*log(2)/2
>>> LogSum.entropy_of([Rational(1, 6)] * 6).to_expr(2)
1 + log(3)/log(2)
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache
from typing import Any, Union

import sympy
from sympy.core.basic import ordering_of_classes

from . import primes
from .primes import (
    FACTOR_LIMIT,
    TRIAL_BOUND,
    accumulate_factors,
    coprime_basis,
    exponents_over,
    factor_integer,
    is_probable_prime,
    split_integer,
)
from .simplify import tidy
from .xlogx import xlogx

__all__ = [
    "LogSum",
    "nonnegative_forms",
    "refine_cofactors",
    "in_base",
    "is_log_term",
    "is_rational_log",
    "clear_caches",
]

Coefficient = Union[Fraction, sympy.Expr]
Argument = Union[int, sympy.Expr]


def _has_cofactor(terms: dict) -> bool:
    return any(isinstance(k, int) and k >= FACTOR_LIMIT and not _is_prime_cofactor(k) for k in terms)


@lru_cache(maxsize=1 << 16)
def _is_prime_cofactor(k: int) -> bool:
    return is_probable_prime(k)


def refine_cofactors(terms: dict) -> dict:
    """Rewrite the integer arguments of ``terms`` (``{argument: coefficient}``) over a coprime basis.

    Arguments below :data:`~symentropy.kernel.primes.FACTOR_LIMIT` are
    primes; a cofactor (an argument at or above it) may share factors with
    another cofactor or with a prime key.  The arguments are replaced by a
    coprime basis (:func:`~symentropy.kernel.primes.coprime_basis`), over
    which logarithms are linearly independent, so exact cancellation and the
    test for zero stay exact without factoring.  Terms whose coefficient
    becomes zero are dropped.
    """
    cofactors = [k for k in terms if isinstance(k, int) and k >= FACTOR_LIMIT and not _is_prime_cofactor(k)]
    if not cofactors:  # only primes: pairwise coprime already
        return terms
    primes = sorted(
        k
        for k in terms
        if isinstance(k, int) and k >= TRIAL_BOUND and (k < FACTOR_LIMIT or _is_prime_cofactor(k))
    )
    pieces = coprime_basis(cofactors, primes)
    elements = set(pieces)
    out: dict = {}
    for k, c in terms.items():
        if isinstance(k, int) and k >= FACTOR_LIMIT:
            for b, e in [(k, 1)] if k in elements else exponents_over(k, pieces):
                out[b] = _add(out.get(b, Fraction(0)), _mul(c, Fraction(e)))
        else:
            out[k] = _add(out.get(k, Fraction(0)), c) if k in out else c
    return {k: c for k, c in out.items() if not _is_zero_coefficient(c)}


def _is_zero_coefficient(c: Coefficient) -> bool:
    if isinstance(c, Fraction):
        return not c
    return sympy.expand(c) == 0


def _add(a: Coefficient, b: Coefficient) -> Coefficient:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a + b
    return _sym(a) + _sym(b)


def _mul(a: Coefficient, b: Coefficient) -> Coefficient:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a * b
    return _sym(a) * _sym(b)


_from_coprime_ints = getattr(sympy.Rational, "from_coprime_ints", None)  # sympy >= 1.13


def _sym(c: Coefficient) -> sympy.Expr:
    if isinstance(c, Fraction):  # in lowest terms already: no gcd again
        if _from_coprime_ints is not None:
            return _from_coprime_ints(c.numerator, c.denominator)
        return sympy.Rational(c.numerator, c.denominator)
    return c


def _as_coefficient(c: sympy.Expr) -> Coefficient:
    """Use a Fraction for rational coefficients: the fast path."""
    if c.is_Rational:
        return Fraction(int(c.p), int(c.q))
    return c


def _split_log_argument(m: sympy.Expr, known: frozenset = frozenset()) -> list[tuple[sympy.Expr, sympy.Expr]]:
    """Write ``log(m)`` as ``sum e_i log(b_i)`` where that is valid.

    A product is split when all of its factors but at most one are
    nonnegative, by sympy's assumptions or because their expanded form is in
    ``known`` (expressions the caller knows to be nonnegative wherever ``m``
    is used, such as the marginal probabilities of a table).  Where the
    probability ``m`` is positive, those factors are then positive and so is
    the remaining one, so the logarithm of the product is the sum of the
    logarithms; where ``m`` is 0 its term is 0 by the convention
    ``0 log 0 = 0`` either way.  A power ``b**e`` is split when ``b`` is
    provably positive.
    """
    if known and (m.is_Add or m.is_Mul):
        product = _known_product(m, known)
        if product is not None:
            coefficient, factors = product
            parts = [(coefficient, sympy.Integer(1))] if coefficient != 1 else []
            for f in factors:
                parts.extend(_split_log_argument(f, known))
            return parts
        return [(m, sympy.Integer(1))]
    if m.is_Mul:
        factors = m.args
        unknown = [f for f in factors if not _is_nonnegative(f, known)]
        if len(unknown) <= 1:
            parts = []
            for f in factors:
                parts.extend(_split_log_argument(f, known))
            return parts
        return [(m, sympy.Integer(1))]
    if m.is_Pow and m.exp.is_real and (m.base.is_positive or (known and _is_nonnegative(m.base, known))):
        return [(b, e * m.exp) for b, e in _split_log_argument(m.base, known)]
    return [(m, sympy.Integer(1))]


def _is_nonnegative(f: sympy.Expr, known: frozenset) -> bool:
    return bool(f.is_nonnegative) or (bool(known) and sympy.expand(f) in known)


def _known_product(m: sympy.Expr, known: frozenset) -> tuple[sympy.Expr, list[sympy.Expr]] | None:
    """``m`` as ``c * f_1 * ... * f_k`` with ``c`` a positive rational and all the ``f_i`` but
    at most one nonnegative (by assumptions or ``known``), or None.

    A sum is factored first (``p - p*r`` is ``p*(1 - r)``), and a factor whose negative is
    known nonnegative is negated, in pairs with the sign of ``c`` (``(p - 1)*(r - 1)`` is
    ``(1 - p)*(1 - r)``).
    """
    expr = sympy.factor(m) if m.is_Add else m
    if not expr.is_Mul:
        return None
    coefficient, factors = expr.as_coeff_mul()
    normalized = []
    for f in factors:
        base, exponent = f.as_base_exp()
        if exponent.is_Integer and not _is_nonnegative(base, known) and _is_nonnegative(-base, known):
            f = (-base) ** exponent
            coefficient *= (-1) ** int(exponent)
        normalized.append(f)
    unknown = [f for f in normalized if not _is_nonnegative(f.as_base_exp()[0], known)]
    if not (coefficient.is_Rational and coefficient > 0) or len(unknown) > 1:
        return None
    return coefficient, normalized


def nonnegative_forms(expressions: Iterable[sympy.Expr]) -> frozenset:
    """The expanded forms of ``expressions``, as :meth:`LogSum.log_of` looks factors up in them.

    Numbers are left out: their signs are decided where they occur.
    """
    return frozenset(sympy.expand(e) for e in expressions if not e.is_number)


#: Up to this size (bits) of the common denominator of a table, its entropy is summed as integers
#: over it; above (many unrelated denominators), denominator by denominator with fractions.
_COMMON_DENOMINATOR_BITS = 4096


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
    def entropy_of(
        cls, probabilities: Iterable[sympy.Expr], nonnegative: Iterable[sympy.Expr] = ()
    ) -> LogSum:
        """Return ``-sum p log p`` over ``probabilities``, with ``0 log 0 = 0``.

        Rational probabilities go through integer factorisation (each distinct
        numerator and denominator is factored once); symbolic ones are kept as
        ``-p log p`` after taking out their rational content, and the
        logarithm of a product is split into a sum where that is valid
        (factors known nonnegative by their assumptions or listed in
        ``nonnegative``; see :meth:`log_of`).
        """
        known = nonnegative_forms(nonnegative)
        # Rational cells are grouped by denominator and counted, so a table of
        # n cells costs n dictionary updates plus integer arithmetic per
        # distinct numerator; Fractions appear only once per prime.
        counts: dict[int, dict[int, int]] = {}
        symbolic: list[sympy.Expr] = []
        for p in probabilities:
            if p.is_Rational:
                numerator = int(p.p)
                if not numerator:
                    continue
                by_numerator = counts.setdefault(int(p.q), {})
                by_numerator[numerator] = by_numerator.get(numerator, 0) + 1
            elif p.is_zero:
                continue
            else:
                symbolic.append(p)
        result = cls._from_grouped_counts(counts)
        for p in symbolic:
            result._add_inplace(cls.log_of(p, known).scaled(-p))
        return result

    @classmethod
    def log_of(cls, value: sympy.Expr, nonnegative: Iterable[sympy.Expr] = ()) -> LogSum:
        """Return ``log(value)`` as a ``LogSum`` (``value`` positive, or a probability).

        The logarithm of a product is the sum of the logarithms of its factors
        when all of them but at most one are nonnegative, by sympy's
        assumptions or because they are listed in ``nonnegative``
        (expressions the caller knows to be nonnegative where ``value`` is a
        probability, such as the marginal probabilities of its table):

        >>> from sympy import symbols
        >>> from symentropy.kernel.logsum import LogSum
        >>> p, q = symbols("p q")
        >>> LogSum.log_of((1 - p)*q)
        LogSum((1)*log(q*(1 - p)))
        >>> LogSum.log_of((1 - p)*q, nonnegative=[1 - p, q])
        LogSum((1)*log(q) + (1)*log(1 - p))
        """
        if value.is_Rational:
            if value <= 0:
                raise ValueError(f"log of a nonpositive rational {value}")
            return cls.from_integer_weights({int(value.p): Fraction(1), int(value.q): Fraction(-1)})
        known = nonnegative if isinstance(nonnegative, frozenset) else nonnegative_forms(nonnegative)
        content, rest = value.as_content_primitive()
        result = cls()
        if content != 1 and content.is_Rational and content > 0:
            result = cls.log_of(content)
        for arg, exponent in _split_log_argument(rest, known):
            if arg.is_Rational and arg > 0:
                result._add_inplace(cls.log_of(arg).scaled(exponent))
            elif arg != 1:
                result._add_term(arg, _as_coefficient(exponent))
        return result

    @classmethod
    def from_integer_weights(cls, weights: dict[int, Fraction]) -> LogSum:
        """Return ``sum_n w_n log(n)`` for ``{n: w_n}``, integers ``n >= 1`` and rationals ``w_n``."""
        terms: dict[Argument, Coefficient] = {}
        for n, w in weights.items():
            if n == 1 or not w:
                continue
            for prime, exponent in split_integer(n):
                terms[prime] = terms.get(prime, 0) + w * exponent
        return cls(refine_cofactors({k: v for k, v in terms.items() if v}))

    @classmethod
    def entropy_of_counts(cls, counts: dict[int, dict[int, int]]) -> LogSum:
        """``-sum p log p`` over ``counts[q][a]`` cells ``a/q`` (``a >= 0``): a table counted once.

        >>> LogSum.entropy_of_counts({4: {1: 2, 2: 1}}).to_expr(2)
        3/2
        """
        return cls._from_grouped_counts(counts)  # empty cells add nothing there

    @classmethod
    def _from_grouped_counts(cls, counts: dict[int, dict[int, int]]) -> LogSum:
        """``-sum p log p`` for ``counts[q][a]`` cells equal to ``a/q``.

        For one denominator ``q`` the sum is ``(1/q) sum_a k_a a (log q - log a)``:
        its coefficients over the primes are integers divided by ``q``.  Over
        several denominators the integers are scaled to their least common
        multiple ``L`` (when it is not too long), each distinct integer is
        factored once, and each prime gets one coefficient ``c / L``.
        """
        common = math.lcm(*counts) if counts else 1
        if len(counts) > 1 and common.bit_length() > _COMMON_DENOMINATOR_BITS:  # unrelated denominators
            terms: dict[Argument, Coefficient] = {}
            for q, by_numerator in counts.items():
                for prime, c in cls._from_grouped_counts({q: by_numerator})._terms.items():
                    terms[prime] = terms[prime] + c if prime in terms else c
            return cls(refine_cofactors({k: v for k, v in terms.items() if v}))
        weights: dict[int, int] = {}
        for q, by_numerator in counts.items():
            scale = common // q
            total = 0
            for a, k in by_numerator.items():
                total += a * k
                if a > 1:
                    weights[a] = weights.get(a, 0) - a * k * scale
            if q != 1:
                weights[q] = weights.get(q, 0) + total * scale
        integer = accumulate_factors(weights.items(), {})
        return cls(refine_cofactors({p: Fraction(c, common) for p, c in integer.items() if c}))

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
        if _has_cofactor(self._terms):
            self._terms = refine_cofactors(self._terms)

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

    def cofactors(self) -> list[int]:
        """The arguments that are composite cofactors (integers past the factoring limit, not prime).

        Logarithms of different cofactors are independent only over a coprime
        basis; two results that hold cofactors sharing a factor are written
        over one basis with :meth:`over_basis`.
        """
        return [
            k for k in self._terms if isinstance(k, int) and k >= FACTOR_LIMIT and not _is_prime_cofactor(k)
        ]

    def over_basis(self, basis: Iterable[int]) -> LogSum:
        """This sum with every cofactor written over ``basis``, a coprime basis that spans them.

        >>> from sympy import Rational
        >>> P, Q, R = 2**89 - 1, 2**107 - 1, 2**127 - 1
        >>> LogSum.log_of(Rational(P * Q)).over_basis([P, Q, R]).terms == {P: 1, Q: 1}
        True
        """
        basis = list(basis)
        elements = set(basis)
        out: dict = {}
        for k, c in self._terms.items():
            if isinstance(k, int) and k >= FACTOR_LIMIT and k not in elements:
                for b, e in exponents_over(k, basis):
                    out[b] = _add(out.get(b, Fraction(0)), _mul(c, Fraction(e)))
            else:
                out[k] = _add(out.get(k, Fraction(0)), c) if k in out else c
        return LogSum({k: c for k, c in out.items() if not _is_zero_coefficient(c)})

    @property
    def terms(self) -> dict[Argument, Coefficient]:
        """A copy of ``{argument: coefficient}``: primes (or coprime cofactors) and symbolic arguments."""
        return dict(self._terms)

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

        ``base`` must already be validated (see :func:`symentropy.kernel.logbase.as_base`).
        For a rational base ``b = prod q**f_q``, the part along ``log(b)`` is
        taken out as a number ``r``: in bits, ``H = r + sum_{q odd} c_q
        log(q)/log(2)``.  For a base with several primes (10 = 2*5), ``r`` is
        taken along the prime ``q`` of ``b`` that minimises ``|c_q / f_q|``
        (ties: the smaller prime), so ``log_10 6`` stays
        ``log(2)/log(10) + log(3)/log(10)`` and ``log_10 20`` is
        ``1 + log(2)/log(10)``.  The choice depends only on the value, so
        the form stays canonical.
        """
        base = _base_expression(base)
        primes = {k: c for k, c in self._terms.items() if isinstance(k, int)}
        others = [(k, c) for k, c in self._terms.items() if not isinstance(k, int)]
        parts: list[sympy.Expr] = []
        if base is sympy.E:  # a singleton
            divisor: sympy.Expr = sympy.Integer(1)
        else:
            divisor = _log_of_integer(base.p) if base.is_Integer and base.p > 1 else sympy.log(base)
            if base.is_Rational and primes:
                primes, vector = _over_one_basis(primes, int(base.p), int(base.q))
                pivot = _pivot(primes, vector)
                if vector == {pivot: 1}:  # a prime base (bits): the rational part is its coefficient
                    ratio = primes.pop(pivot, Fraction(0))
                else:
                    ratio = _mul(primes.get(pivot, Fraction(0)), Fraction(1, vector[pivot]))
                if (isinstance(ratio, Fraction) and ratio) or (isinstance(ratio, sympy.Expr) and ratio != 0):
                    parts.append(tidy(_sym(ratio)) if isinstance(ratio, sympy.Expr) else _sym(ratio))
                    if len(vector) > 1 or vector[pivot] != 1:
                        for q, e in vector.items():
                            primes[q] = _add(primes.get(q, Fraction(0)), _mul(ratio, Fraction(-e)))
                        primes.pop(pivot, None)
            elif divisor.is_Rational:  # e.g. base E**2
                pass
        rational = all(isinstance(c, Fraction) for c in primes.values())
        if rational and not others and isinstance(divisor, sympy.log):
            if _direct_sums_agree():  # the common case: sorted by integer keys, no sympy object compared
                args = parts + _sorted_rational_terms(primes, divisor)
                if len(args) < 2:
                    return args[0] if args else sympy.Integer(0)
                return sympy.Add._from_args(args, is_commutative=True)
        for q in sorted(primes):
            c = primes[q]
            if isinstance(c, Fraction):
                if c:
                    parts.append(_rational_term(c, q, divisor))
            else:
                c = tidy(c)
                if c != 0:
                    parts.append(_term(c, _log_of_integer(q), divisor))
        for arg, c in others:
            c = tidy(_sym(c))
            if c != 0:
                parts.append(_symbolic_term(c, arg, divisor))
        return _sum_of_terms(parts)


def _base_expression(base: Any) -> sympy.Expr:
    """A base already validated by ``as_base``: an int or a sympy expression, never a string to parse."""
    if isinstance(base, int) and not isinstance(base, bool):
        return sympy.Integer(base)
    if isinstance(base, sympy.Expr):
        return base
    raise TypeError(f"pass a logarithm base validated by symentropy.kernel.logbase.as_base, got {base!r}")


def is_rational_log(expr: sympy.Expr) -> bool:
    """Whether ``expr`` is ``log(r)`` for a positive rational ``r``.

    >>> from sympy import log, Rational, Symbol
    >>> is_rational_log(log(Rational(3, 2))), is_rational_log(log(Symbol("p")))
    (True, False)
    """
    return isinstance(expr, sympy.log) and expr.args[0].is_Rational and bool(expr.args[0].is_positive)


def is_log_term(term: sympy.Expr) -> bool:
    """Whether ``term`` is a rational, or a rational times the logarithm of a positive rational.

    The terms that :func:`in_base` (and :class:`LogSum`) write canonically.

    >>> from sympy import log, pi, Rational
    >>> is_log_term(Rational(3, 2)), is_log_term(-2*log(Rational(5, 3))), is_log_term(log(pi))
    (True, True, False)
    """
    coefficient, factor = term.as_coeff_Mul()
    if factor == 1:
        return coefficient.is_Rational
    return bool(coefficient.is_Rational) and is_rational_log(factor)


def in_base(nats: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    """Return a value given in nats in logarithms to ``base``, canonically (as :meth:`LogSum.to_expr` does).

    ``nats`` is expanded into terms; the terms ``c*log(a)`` with rational
    ``c`` and positive rational ``a`` are collected into a :class:`LogSum`
    and written canonically (logarithms of primes, the rational part along
    the base taken out); a rational constant ``r`` becomes ``r/log(base)``;
    any other term is divided by ``log(base)`` as it is.  ``base`` must be
    validated already (:func:`symentropy.kernel.logbase.as_base`).

    >>> from sympy import log, pi, Rational
    >>> from symentropy.kernel.logsum import in_base
    >>> in_base(log(12) - log(3), 2)
    2
    >>> in_base(log(2*pi)/2 + Rational(1, 2), 2)
    1/2 + 1/(2*log(2)) + log(pi)/(2*log(2))
    >>> in_base(log(6), 10)
    log(2)/log(10) + log(3)/log(10)
    """
    base = _base_expression(base)
    divisor = sympy.Integer(1) if base == sympy.E else sympy.log(base)
    logs = LogSum()
    constant = sympy.Integer(0)
    rest: list[sympy.Expr] = []
    for term in sympy.Add.make_args(sympy.expand(sympy.expand_log(nats))):
        coefficient, factor = term.as_coeff_Mul()
        if not is_log_term(term):
            rest.append(term)
        elif factor == 1:
            constant += coefficient
        else:
            logs._add_inplace(LogSum.log_of(factor.args[0]).scaled(coefficient))
    parts = [logs.to_expr(base)]
    if constant != 0:
        parts.append(constant / divisor)
    parts.extend(term / divisor for term in rest)
    return sympy.Add(*parts)


@lru_cache(maxsize=1 << 16)
def _log_of_integer(n: int) -> sympy.Expr:
    """``log(n)`` for an integer ``n >= 2``, built without sympy's evaluation.

    ``log.eval`` leaves such a logarithm unchanged but spends about a
    millisecond on finding that out; the object built directly is identical
    (same class, same args, equal and with the same hash).
    """
    return sympy.Basic.__new__(sympy.log, sympy.Integer(n))


def _rational_term(c: Fraction, q: int, divisor: sympy.Expr) -> sympy.Expr:
    """``c*log(q)/divisor``, exactly as ``sympy.Mul`` builds it.

    For a divisor ``log(b)`` the product has the args ``(c, 1/log(b),
    log(q))`` in sympy's canonical order, which depends only on the classes
    involved; building it directly skips ``Mul.flatten`` and the assumption
    queries it makes on every new ``log(q)``, the main cost of a result with
    thousands of terms.  The order is checked against ``Mul`` once.
    """
    inverse = _inverse_of(divisor)
    if isinstance(divisor, sympy.log) and _direct_products_agree():
        factors: tuple = (inverse, _log_of_integer(q))
        if c != 1:
            factors = (_sym(c),) + factors
        return sympy.Mul._from_args(factors, is_commutative=True)
    return sympy.Mul(_sym(c), _log_of_integer(q), inverse)


def _sum_of_terms(parts: list[sympy.Expr]) -> sympy.Expr:
    """``sympy.Add(*parts)``, built directly when the parts are rational log terms.

    For a rational number and terms ``c*log(q)/divisor`` with distinct
    integers ``q``, ``Add.flatten`` collects nothing and returns the number
    followed by the terms in sympy's canonical order (``Basic.compare``); it is
    then cheaper to sort them here and skip its bookkeeping.  Anything else
    goes through ``sympy.Add``.
    """
    numbers = [p for p in parts if p.is_Rational]
    terms = [p for p in parts if not p.is_Rational]
    logs = {_integer_log_of_term(t) for t in terms}
    if len(numbers) > 1 or None in logs or len(logs) != len(terms) or not _direct_sums_agree():
        return sympy.Add(*parts)
    _sort_terms(terms)
    args = numbers + terms
    if len(args) < 2:
        return args[0] if args else sympy.Integer(0)
    return sympy.Add._from_args(args, is_commutative=True)


_canonical_order = functools.cmp_to_key(sympy.Basic.compare)


def _sort_terms(terms: list[sympy.Expr]) -> None:
    """Sort terms ``c*log(q)/divisor`` in place by ``Basic.compare``, as ``Add`` does.

    ``Basic.compare`` orders by class name, then by the length and the items
    of the args, recursively.  For these terms that is the order of the key
    below (the divisor is the same object in every term); the result is
    checked with ``Basic.compare`` on neighbours, and sorted by it directly
    if the check fails, so the order is sympy's in any case.
    """
    try:
        terms.sort(key=_term_key)
    except TypeError:  # keys of different shapes met: let Basic.compare decide
        pass
    if any(a.compare(b) >= 0 for a, b in itertools.pairwise(terms)):
        terms.sort(key=_canonical_order)


def _term_key(term: sympy.Expr) -> tuple:
    if not term.is_Mul:
        return (_class_key(type(term)), _item_key(term))
    return (_class_key(sympy.Mul), len(term.args), *(_item_key(a) for a in term.args))


def _item_key(a: sympy.Expr) -> tuple:
    if a.is_Rational:
        return (_class_key(type(a)), *a._hashable_content())
    if isinstance(a, sympy.log):  # log(q), q an Integer
        return (_class_key(sympy.log), int(a.args[0]))
    return (_class_key(type(a)),)  # the divisor, the same in every term


@functools.cache
def _class_key(cls: type) -> tuple[int, str]:
    """The position of a class in ``Basic.compare``: listed classes first, then by name."""
    name = cls.__name__
    if name in ordering_of_classes:
        return (ordering_of_classes.index(name), "")
    return (len(ordering_of_classes) + 1, name)


def _integer_log_of_term(term: sympy.Expr) -> int | None:
    """``q`` when ``term`` is ``log(q)``, ``c*log(q)`` or ``c*log(q)/log(b)``, else None."""
    if isinstance(term, sympy.log):
        return int(term.args[0]) if term.args[0].is_Integer else None
    if not term.is_Mul:
        return None
    q = None
    for a in term.args:
        if isinstance(a, sympy.log) and a.args[0].is_Integer and q is None:
            q = int(a.args[0])
        elif not (a.is_Rational or (a.is_Pow and a.exp == -1 and isinstance(a.base, sympy.log))):
            return None
    return q


def _sorted_rational_terms(primes: dict[int, Fraction], divisor: sympy.Expr) -> list[sympy.Expr]:
    """The terms ``c*log(q)/divisor`` (``divisor`` a logarithm) in sympy's canonical order of ``Add``.

    ``Basic.compare`` orders such products by their number of args (``c = 1``
    has none), then the class of ``c`` (Integer, Half, Rational, ...), its
    numerator and denominator, and last ``q``: the key below, computed from
    integers, so no sympy object is compared.  :func:`_direct_sums_agree`
    checks this order against ``Add`` once.
    """
    inverse = _inverse_of(divisor)
    keyed = []
    for q, c in primes.items():
        if not c:
            continue
        if c == 1:
            keyed.append(((2, (), 0, 0, q), (inverse, _log_of_integer(q))))
        else:
            coefficient = _sym(c)
            key = (3, _class_key(type(coefficient)), c.numerator, c.denominator, q)
            keyed.append((key, (coefficient, inverse, _log_of_integer(q))))
    keyed.sort(key=lambda item: item[0])
    return [sympy.Mul._from_args(factors, is_commutative=True) for _, factors in keyed]


@lru_cache(maxsize=1)
def _direct_sums_agree() -> bool:
    """Whether sums built directly (:func:`_sorted_rational_terms`) are those of ``sympy.Add``."""
    if not _direct_products_agree():
        return False
    inverse = sympy.Pow(sympy.log(2), -1)
    coefficients = [(-5, 7, 3), (1, 1, 5), (7, 2, 11), (-14, 1, 13), (1, 2, 17), (-1, 1, 19), (3, 1, 23),
                    (-1, 2, 29), (2, 7, 31), (5, 1, 37), (1, 1, 41), (-9, 4, 43), (-1, 1, 7)]
    parts = [sympy.Rational(3, 4)] + [sympy.Mul(sympy.Rational(a, b), sympy.log(q), inverse)
                                      for a, b, q in coefficients]
    built = sympy.Add(*parts)
    terms = _sorted_rational_terms({q: Fraction(a, b) for a, b, q in coefficients}, sympy.log(2))
    direct = sympy.Add._from_args([parts[0]] + terms, is_commutative=True)
    return built == direct and built.args == direct.args


@lru_cache(maxsize=64)
def _inverse_of(divisor: sympy.Expr) -> sympy.Expr:
    return sympy.Pow(divisor, -1)


@lru_cache(maxsize=1)
def _direct_products_agree() -> bool:
    inverse = sympy.Pow(sympy.log(2), -1)
    for c in (Fraction(-5, 7), Fraction(1), Fraction(-1)):
        built = sympy.Mul(_sym(c), sympy.log(3), inverse)
        factors: tuple = (inverse, _log_of_integer(3))
        direct = sympy.Mul._from_args(((_sym(c),) if c != 1 else ()) + factors, is_commutative=True)
        if built != direct or built.args != direct.args:
            return False
    return True


def _over_one_basis(primes: dict, p: int, q: int) -> tuple[dict, dict[int, int]]:
    """The prime terms and the exponents of the base ``p/q``, over one coprime basis.

    Below :data:`~symentropy.kernel.primes.FACTOR_LIMIT` that is the
    factorisation of the base; a base with a large cofactor (a product of
    two 27-digit primes, say) is not factored: its cofactor and those of the
    terms are split against each other by gcds only.
    """
    if q == 1 and p < TRIAL_BOUND:  # bits, nats of an integer base: its primes, no cofactor
        return primes, dict(factor_integer(p))
    vector: dict[int, int] = {}
    for n, sign in ((p, 1), (q, -1)):
        if n != 1:
            for b, e in split_integer(n):
                vector[b] = vector.get(b, 0) + sign * e
    if all(b < TRIAL_BOUND for b in vector):  # small primes: no cofactor of the terms holds them
        return primes, vector
    keys = set(vector) | set(primes)
    cofactors = sorted(k for k in keys if k >= FACTOR_LIMIT)
    if not cofactors:
        return primes, vector
    basis = coprime_basis(cofactors, sorted(k for k in keys if TRIAL_BOUND <= k < FACTOR_LIMIT))

    def rewrite(terms: dict, zero: Coefficient) -> dict:
        out: dict = {}
        for k, c in terms.items():
            for b, e in exponents_over(k, basis) if k >= FACTOR_LIMIT else [(k, 1)]:
                if isinstance(c, int):  # an exponent of the base
                    out[b] = out.get(b, 0) + c * e
                else:
                    out[b] = _add(out.get(b, zero), _mul(c, Fraction(e)))
        return out

    return rewrite(primes, Fraction(0)), {b: int(e) for b, e in rewrite(vector, 0).items() if e}


def _pivot(primes: dict, vector: dict[int, int]) -> int:
    """The prime of the base along which the rational part is taken (see ``to_expr``)."""
    if len(vector) == 1:  # a prime power, or 1/p**e
        return next(iter(vector))
    ratios = []
    for q, f in vector.items():
        c = primes.get(q, Fraction(0))
        if not isinstance(c, Fraction):  # symbolic coefficients: the smallest prime
            return min(vector)
        ratios.append((abs(c / f), q))
    return min(ratios)[1]


def _symbolic_term(coefficient: sympy.Expr, arg: sympy.Expr, divisor: sympy.Expr) -> sympy.Expr:
    """``coefficient*log(arg)/divisor``, as ``k*xlogx(arg)/divisor`` when ``coefficient = k*arg``.

    A coefficient that vanishes with the argument (``-p`` for ``log(p)``,
    ``(1 - p)*(q - 1)`` for ``log(1 - p)``) is a multiple of it; the term is then
    written with :class:`~symentropy.kernel.xlogx.xlogx`, which is 0 where
    ``arg`` is 0, so that substituting the edge of the domain gives ``0 log 0 = 0``
    rather than ``nan``.  Other terms keep ``log(arg)``: where ``arg`` is 0 and
    the coefficient is not, the value is infinite.
    """
    if not coefficient.is_number and coefficient.free_symbols & arg.free_symbols:
        k = sympy.cancel(coefficient / arg)
        if not sympy.fraction(k)[1].free_symbols & arg.free_symbols:
            return _term(tidy(k), xlogx(arg), divisor)
    return _term(coefficient, sympy.log(arg), divisor, arg)


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


def clear_caches() -> None:
    """Forget the cached factorisations and logarithm objects (for timings that start cold)."""
    primes.clear_caches()
    _log_of_integer.cache_clear()
