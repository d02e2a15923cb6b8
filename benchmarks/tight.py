"""Tight baselines: exact entropy and mutual information of rational tables, written directly.

These are what a careful programmer would write to get the same canonical
result as symentropy, with nothing general: the input is a list (or a 2-D
table) of sympy Rationals, the output the canonical sympy expression in bits.

How they work, independently of symentropy:

1. count the cells by denominator, then numerator, in one pass (a plain
   loop that visits each cell once and makes no key tuples: faster than
   ``collections.Counter`` over two zipped ``attrgetter`` maps);
2. check each distinct value once: no numerator negative, and the sum,
   one integer sum per distinct denominator, equal to 1;
3. write ``-sum p log p`` over primes: for cells ``a/q`` counted ``k`` times,
   ``(k a / q) (log q - log a)``; each distinct integer is factored once, by a
   smallest-prime-factor sieve (built once, outside the timings, like any
   table a program keeps) and trial division above it; the coefficients are
   integers over ``q``, one Fraction per prime at the end;
4. for mutual information, the two marginals as integer sums over the common
   denominator (rows and columns of the flat table as slices, summed in C),
   and ``I = H(X) + H(Y) - H(X, Y)`` added prime by prime.

Only the last step, turning ``{prime: coefficient}`` into the canonical sympy
expression, is symentropy's (``LogSum(terms).to_expr(2)``): the canonical form
is defined there, and the point of the baseline is the work before it.
"""

from __future__ import annotations

import math
from array import array
from fractions import Fraction
from operator import attrgetter

import sympy

from symentropy.kernel.logsum import LogSum

__all__ = ["tight_entropy", "tight_mutual_information", "smallest_factors", "SIEVE_BOUND"]

#: Integers below this are factored by table lookups.
SIEVE_BOUND = 1 << 20
_numerator, _denominator = attrgetter("p"), attrgetter("q")
_sieve = array("I")


def smallest_factors() -> array:
    """The smallest prime factor of every ``n < SIEVE_BOUND`` (4 bytes each), built on first use."""
    if not _sieve:
        table = array("I", range(SIEVE_BOUND))
        for p in range(math.isqrt(SIEVE_BOUND - 1), 1, -1):  # smaller primes overwrite larger ones
            if all(p % d for d in range(2, math.isqrt(p) + 1)):
                table[p * p :: p] = array("I", [p]) * len(range(p * p, SIEVE_BOUND, p))
        _sieve.extend(table)
    return _sieve


def _add_factors(n: int, weight: int, into: dict[int, int]) -> None:
    """``into[p] += weight * e`` for each ``p**e`` dividing ``n`` (``n`` below 2**64)."""
    table = smallest_factors()
    p = 2
    while n >= SIEVE_BOUND:
        if p * p > n:
            into[n] = into.get(n, 0) + weight
            return
        while n % p == 0:
            into[p] = into.get(p, 0) + weight
            n //= p
        p += 1 if p == 2 else 2
    while n > 1:
        p = table[n]
        into[p] = into.get(p, 0) + weight
        n //= p


def _census(cells: list[sympy.Rational]) -> dict[int, dict[int, int]]:
    census: dict[int, dict[int, int]] = {}
    last, by = None, {}
    for x in cells:  # one visit per cell, no key tuples: faster than Counter over zipped maps
        q = x.q
        if q != last:
            by = census.get(q)
            if by is None:
                by = census[q] = {}
            last = q
        a = x.p
        by[a] = by.get(a, 0) + 1
    if any(a < 0 for by in census.values() for a in by):
        raise ValueError("a negative probability")
    if sum((Fraction(sum(a * k for a, k in by.items()), q) for q, by in census.items()), Fraction(0)) != 1:
        raise ValueError("the probabilities do not sum to 1")
    return census


def _entropy_terms(census: dict[int, dict[int, int]]) -> dict[int, Fraction]:
    terms: dict[int, Fraction] = {}
    for q, by in census.items():
        integer: dict[int, int] = {}
        total = 0
        for a, k in by.items():
            if a:
                total += a * k
                _add_factors(a, -a * k, integer)
        _add_factors(q, total, integer)
        for p, c in integer.items():
            if c:
                terms[p] = terms.get(p, 0) + Fraction(c, q)
    return {p: c for p, c in terms.items() if c}


def tight_entropy(probs: list[sympy.Rational]) -> sympy.Expr:
    """``H`` in bits of a list of sympy Rationals, canonical."""
    return LogSum(_entropy_terms(_census(probs))).to_expr(2)


def _marginal_terms(sums: list[int], common: int) -> dict[int, Fraction]:
    census: dict[int, dict[int, int]] = {}
    for s in sums:
        g = math.gcd(s, common)
        by = census.setdefault(common // g, {})
        by[s // g] = by.get(s // g, 0) + 1
    return _entropy_terms(census)


def tight_mutual_information(rows: list[list[sympy.Rational]]) -> sympy.Expr:
    """``I(X; Y)`` in bits of a table (rows index X), canonical."""
    width = len(rows[0])
    cells = [c for r in rows for c in r]
    census = _census(cells)
    common = math.lcm(*census)
    if len(census) == 1:
        integers = list(map(_numerator, cells))
    else:
        scale = {(a, q): a * (common // q) for q, by in census.items() for a in by}
        pairs = zip(map(_numerator, cells), map(_denominator, cells), strict=True)
        integers = list(map(scale.__getitem__, pairs))
    row_sums = [sum(integers[i : i + width]) for i in range(0, len(integers), width)]
    column_sums = [sum(integers[j::width]) for j in range(width)]
    terms = _marginal_terms(row_sums, common)
    for p, c in _marginal_terms(column_sums, common).items():
        terms[p] = terms.get(p, 0) + c
    for p, c in _entropy_terms(census).items():
        terms[p] = terms.get(p, 0) - c
    return LogSum({p: c for p, c in terms.items() if c}).to_expr(2)
