"""Typical sets and the essential bit content, exact, counted over types (C&T ch. 3, MacKay ch. 4).

A sequence of ``n`` independent draws from a source has a probability that
depends only on its *type*, the counts ``k_1, ..., k_m`` of each symbol; the
type class has ``n! / (k_1! ... k_m!)`` sequences.  So the weakly typical set

    A_eps^(n) = {x^n : | -(1/n) log p(x^n) - H(X) | <= eps}

(Cover & Thomas, 2nd ed., §3.1) and the smallest set of probability at least
``1 - delta`` (MacKay, *Information Theory, Inference, and Learning
Algorithms*, §4.4) are unions of type classes, found by visiting the
``C(n + m - 1, m - 1)`` types rather than the ``m**n`` sequences.  Sizes are
exact integers and probabilities exact rationals.

Whether a type is typical is decided exactly: the condition compares a
rational combination of logarithms with ``eps``; integer enclosures of the
logarithms (:mod:`symentropy.kernel.intervals`) settle nearly every type, and
the rare type at the boundary goes to :func:`symentropy.kernel.numeric.compare`.

Examples
========

>>> from symentropy.measures.typical import typical_set, smallest_high_probability_set
>>> t = typical_set(["1/4", "3/4"], 8, "1/10")
>>> t.size, t.probability
(28, 5103/16384)
>>> s = smallest_high_probability_set(["1/4", "3/4"], 8, "1/10")
>>> s.size, s.probability
(105, 59049/65536)
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..errors import DistributionError
from ..kernel import intervals
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.numeric import compare
from ..models.codes import source_pmf

__all__ = [
    "TypicalSet",
    "HighProbabilitySet",
    "typical_set",
    "smallest_high_probability_set",
    "essential_bit_content",
    "MAX_TYPES",
    "MAX_LENGTH",
]

#: The most types visited (n = 500 over 3 letters has 125,751; over 4 letters 21 million).
MAX_TYPES = 2_000_000
#: The longest sequences counted (the integers of a type class grow with n; n = 5,000 takes seconds).
MAX_LENGTH = 5000
#: Bits of the integer enclosures of the logarithms.
_BITS = 96


@dataclass(frozen=True)
class TypicalSet:
    """The weakly typical set of length-``n`` sequences: its size, probability and types."""

    n: int
    eps: sympy.Rational
    size: int
    probability: sympy.Rational
    types: int

    def _repr_latex_(self) -> str:
        return (
            rf"$$|A_{{{sympy.latex(self.eps)}}}^{{({self.n})}}| = {self.size}, \quad "
            rf"P(A) = {sympy.latex(self.probability)}$$"
        )


@dataclass(frozen=True)
class HighProbabilitySet:
    """The smallest set of length-``n`` sequences with probability at least ``1 - delta``."""

    n: int
    delta: sympy.Rational
    size: int
    probability: sympy.Rational

    def essential_bit_content(self, base: Base = 2) -> sympy.Expr:
        """``H_delta = log |S_delta|`` (MacKay, eq. 4.29), in ``base``."""
        b = as_base(base)
        return sympy.log(self.size) / sympy.log(b) if self.size > 1 else sympy.Integer(0)

    def _repr_latex_(self) -> str:
        size = rf"|S_{{{sympy.latex(self.delta)}}}| = {self.size}"
        return rf"$${size}, \quad P(S) = {sympy.latex(self.probability)}$$"


def _types(n: int, m: int) -> Iterator[tuple[int, ...]]:
    if m == 1:
        yield (n,)
        return
    for k in range(n, -1, -1):
        for rest in _types(n - k, m - 1):
            yield (k, *rest)


def _prepare(source: Any, n: int) -> tuple[list[Fraction], int]:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise DistributionError(f"n is the sequence length, an integer >= 1; got {n!r}")
    if n > MAX_LENGTH:
        raise DistributionError(f"n = {n}; sequences up to length {MAX_LENGTH:,} are counted exactly")
    _, probabilities = source_pmf(source)
    if not all(p.is_Rational for p in probabilities):
        raise DistributionError(
            "typical sets are counted for exact rational probabilities; this source has symbols"
        )
    ps = [Fraction(int(p.p), int(p.q)) for p in probabilities if p != 0]
    count = math.comb(n + len(ps) - 1, len(ps) - 1)
    if count > MAX_TYPES:
        raise DistributionError(
            f"{count:,} types of length {n} over {len(ps)} letters; at most {MAX_TYPES:,} are visited"
        )
    return ps, count


def _fraction(value: Any, what: str) -> Fraction:
    v = as_exact(value, what=what)
    if not v.is_Rational or v < 0:
        raise DistributionError(f"{what} is a nonnegative rational number; got {v}")
    return Fraction(int(v.p), int(v.q))


def _scaled_log(value: Fraction) -> tuple[int, int]:
    """Integers ``lo <= 2**_BITS * log(value) <= hi``."""
    lo, hi = intervals.log_of_rational(value, _BITS + 16)
    a, b = intervals.to_fraction(lo), intervals.to_fraction(hi)
    return math.floor(a * 2**_BITS), math.ceil(b * 2**_BITS)


def typical_set(source: Any, n: int, eps: Any, base: Base = 2) -> TypicalSet:
    """The weakly typical set ``A_eps^(n)`` of a memoryless source: exact size and probability.

    ``eps`` is in the units of ``base`` (bits by default).  The AEP bounds
    (Cover & Thomas, Theorem 3.1.2) hold exactly:
    ``|A| <= 2**(n (H + eps))``, and ``|A| >= (1 - eps) 2**(n (H - eps))``
    once ``P(A) > 1 - eps``.

    Examples
    ========

    >>> from symentropy.measures.typical import typical_set
    >>> typical_set(["1/2", "1/2"], 10, "1/100").size   # every sequence of a fair coin is typical
    1024
    """
    ps, _ = _prepare(source, n)
    e = _fraction(eps, "eps")
    b = as_base(base)
    q = math.lcm(*(p.denominator for p in ps))
    ints = [int(p * q) for p in ps]
    logs = [_scaled_log(1 / p) for p in ps]  # log(1/p_i), natural
    log_base = _scaled_log(Fraction(int(b))) if b.is_Integer else None
    if log_base is None:
        raise DistributionError(f"base {b}: typical sets are counted in an integer base (2, 10, ...) here")
    factorial = [1]
    for k in range(1, n + 1):
        factorial.append(factorial[-1] * k)
    powers = [[1] for _ in ps]
    for row, v in zip(powers, ints, strict=True):
        for _ in range(n):
            row.append(row[-1] * v)
    size = 0
    mass = 0
    types = 0
    for counts in _types(n, len(ps)):
        # -(1/n) log p(x^n) - H = (1/n) sum_i (k_i - n p_i) log(1/p_i); times n q: integers a_i
        a = [q * k - n * v for k, v in zip(counts, ints, strict=True)]
        if not _within(a, logs, log_base, e * n * q, ps, counts, n, b, q):
            continue
        types += 1
        cls = factorial[n]
        for k in counts:
            cls //= factorial[k]
        size += cls
        weight = cls
        for row, k in zip(powers, counts, strict=True):
            weight *= row[k]
        mass += weight
    probability = Fraction(mass, q**n)
    return TypicalSet(n, sympy.Rational(e.numerator, e.denominator), size, _rational(probability), types)


def _within(
    a: list[int],
    logs: list[tuple[int, int]],
    log_base: tuple[int, int],
    bound: Fraction,
    ps: list[Fraction],
    counts: tuple[int, ...],
    n: int,
    base: sympy.Expr,
    q: int,
) -> bool:
    """``|sum a_i log(1/p_i)| <= bound * log(base)``, decided with enclosures, else exactly."""
    lo = sum(x * (low if x >= 0 else high) for x, (low, high) in zip(a, logs, strict=True))
    hi = sum(x * (high if x >= 0 else low) for x, (low, high) in zip(a, logs, strict=True))
    b_lo = bound * log_base[0]
    b_hi = bound * log_base[1]
    if -b_lo <= lo and hi <= b_lo:
        return True
    if lo > b_hi or hi < -b_hi:
        return False
    # at the boundary: the exact comparison
    value = sum(
        (sympy.Rational(k, n) - sympy.Rational(p.numerator, p.denominator))
        * sympy.log(sympy.Rational(p.denominator, p.numerator))
        for k, p in zip(counts, ps, strict=True)
    ) / sympy.log(base)
    eps = sympy.Rational(bound.numerator, bound.denominator) / (n * q)
    return compare(value, eps) <= 0 and compare(value, -eps) >= 0


def _rational(x: Fraction) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


def smallest_high_probability_set(source: Any, n: int, delta: Any) -> HighProbabilitySet:
    """The smallest set ``S_delta`` of length-``n`` sequences with ``P(S) >= 1 - delta`` (MacKay §4.4).

    Sequences are taken from the most probable down; the type classes are
    ordered by the exact probability of their sequences, and the last class
    is cut to as many sequences as needed.

    Examples
    ========

    >>> from symentropy.measures.typical import smallest_high_probability_set
    >>> s = smallest_high_probability_set(["1/2", "1/4", "1/4"], 2, "1/4")
    >>> s.size, s.probability, s.essential_bit_content()
    (5, 3/4, log(5)/log(2))
    """
    ps, _ = _prepare(source, n)
    d = _fraction(delta, "delta")
    if not 0 <= d < 1:
        raise DistributionError(f"delta is in [0, 1); got {d}")
    q = math.lcm(*(p.denominator for p in ps))
    ints = [int(p * q) for p in ps]
    factorial = [1]
    for k in range(1, n + 1):
        factorial.append(factorial[-1] * k)
    classes = []
    for counts in _types(n, len(ps)):
        weight = 1
        for v, k in zip(ints, counts, strict=True):
            weight *= v**k
        if weight == 0:
            continue
        cls = factorial[n]
        for k in counts:
            cls //= factorial[k]
        classes.append((weight, cls))
    classes.sort(key=lambda wc: -wc[0])  # most probable sequences first, exact integers
    need = (1 - d) * q**n  # numerator of the probability still needed, over q**n
    size = 0
    mass = 0
    for weight, cls in classes:
        if mass >= need:
            break
        take = min(cls, math.ceil((need - mass) / weight))
        size += take
        mass += take * weight
    return HighProbabilitySet(n, _rational(d), size, _rational(Fraction(mass, q**n)))


def essential_bit_content(source: Any, n: int, delta: Any, base: Base = 2) -> sympy.Expr:
    """MacKay's essential bit content ``H_delta(X^n) = log |S_delta|`` (eq. 4.29), exact.

    >>> from symentropy.measures.typical import essential_bit_content
    >>> essential_bit_content(["1/2", "1/4", "1/4"], 1, "1/4")
    1
    """
    return smallest_high_probability_set(source, n, delta).essential_bit_content(base)
