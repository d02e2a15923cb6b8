"""Direct tests of symentropy.kernel.logsum: exact sums of logarithms and their canonical form.

As CPython tests ``statistics._sum`` directly: LogSum is the exact core under every measure.
References are computed with mpmath in a private context at 200 digits.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import E, Rational, Symbol, log

from symentropy.kernel.logsum import LogSum, in_base, refine_cofactors
from symentropy.kernel.primes import FACTOR_LIMIT
from symentropy.kernel.xlogx import xlogx

REF = mpmath.mp.clone()
REF.dps = 200
P61, P89, P107 = 2**61 - 1, 2**89 - 1, 2**107 - 1


def numeric(value: LogSum):
    return sum((REF.mpf(c.numerator) / c.denominator) * REF.log(a) for a, c in value.terms.items())


weights = st.lists(st.integers(0, 10**6), min_size=1, max_size=12).filter(lambda w: sum(w) > 0)


@given(weights)
def test_entropy_of_matches_the_definition(ws):
    total = sum(ws)
    h = LogSum.entropy_of([Rational(w, total) for w in ws])
    reference = -sum(REF.mpf(w) / total * REF.log(REF.mpf(w) / total) for w in ws if w)
    assert abs(numeric(h) - reference) < REF.mpf(10) ** -150
    assert h.is_rational


@given(weights, weights)
def test_the_entropy_of_a_product_is_the_sum_exactly(a, b):
    pa = [Rational(w, sum(a)) for w in a]
    pb = [Rational(w, sum(b)) for w in b]
    joint = LogSum.entropy_of([x * y for x in pa for y in pb])
    assert (joint - LogSum.entropy_of(pa) - LogSum.entropy_of(pb)).is_zero


def test_equal_values_have_equal_canonical_expressions():
    six = LogSum.log_of(Rational(6))
    assert six == LogSum.log_of(Rational(2)) + LogSum.log_of(Rational(3))
    assert six.to_expr(2) == (LogSum.log_of(Rational(12)) - LogSum.log_of(Rational(2))).to_expr(2)
    assert six.to_expr(2) == 1 + log(3) / log(2)
    assert LogSum.entropy_of([Rational(1, 6)] * 6).to_expr(2) == six.to_expr(2)


def test_the_rational_part_along_a_composite_base():
    # the part along log(10) is taken along the prime of the base with the smallest |c_q / f_q|
    assert LogSum.log_of(Rational(6)).to_expr(10) == log(2) / log(10) + log(3) / log(10)
    assert LogSum.log_of(Rational(20)).to_expr(10) == 1 + log(2) / log(10)
    assert LogSum.log_of(Rational(100)).to_expr(10) == 2
    assert LogSum.log_of(Rational(1, 4)).to_expr(2) == -2
    assert LogSum.log_of(Rational(2)).to_expr(E) == log(2)


def test_zero_is_zero():
    assert LogSum().to_expr(2) == 0
    assert LogSum.entropy_of([Rational(1)]).is_zero
    assert LogSum.entropy_of([Rational(0), Rational(1)]).to_expr(2) == 0


def test_integers_too_large_to_factor_still_cancel_exactly():
    a, b = LogSum.log_of(Rational(P61 * P89)), LogSum.log_of(Rational(P89 * P107))
    assert max(a.terms) >= FACTOR_LIMIT  # kept whole: not factored
    both = LogSum.log_of(Rational(P61 * P89 * P89 * P107))
    assert (both - a - b).is_zero  # the sum is refined over a coprime basis
    assert (a - LogSum.log_of(Rational(P61)) - LogSum.log_of(Rational(P89))).is_zero


def test_refine_cofactors_rewrites_over_a_coprime_basis():
    terms = {P61 * P89: Fraction(1), P89 * P107: Fraction(-1)}
    assert refine_cofactors(terms) == {P61: Fraction(1), P107: Fraction(-1)}
    assert refine_cofactors({2: Fraction(1)}) == {2: Fraction(1)}


def test_from_integer_weights_and_terms():
    value = LogSum.from_integer_weights({12: Fraction(1), 3: Fraction(-1)})
    assert value.terms == {2: Fraction(2)}
    value.terms[2] = Fraction(5)  # a copy: the sum is not changed
    assert value.terms == {2: Fraction(2)}


def test_symbolic_probabilities():
    p = Symbol("p")
    h = LogSum.entropy_of([p, 1 - p])
    assert h.to_expr(2) == -xlogx(p) / log(2) - xlogx(1 - p) / log(2)  # 0 log 0 = 0 after subs
    assert h.to_expr(2).subs(p, 0) == 0
    half = LogSum.log_of(p / 2)  # the rational factor is split off
    assert half == LogSum.log_of(p) - LogSum.log_of(Rational(2))
    q = Symbol("q", positive=True)
    assert LogSum.log_of(q * p).terms == {q: 1, p: 1}  # all but one factor provably positive


def test_log_of_a_nonpositive_rational():
    with pytest.raises(ValueError, match="nonpositive"):
        LogSum.log_of(Rational(-1, 2))


def test_in_base():
    assert in_base(log(12) - log(3), 2) == 2
    assert in_base(log(6), 10) == log(2) / log(10) + log(3) / log(10)
    value = in_base(log(2 * sympy.pi) / 2 + Rational(1, 2), 2)
    assert sympy.simplify(value - (log(2 * sympy.pi) / 2 + Rational(1, 2)) / log(2)) == 0


def census_of(cells: list[Fraction]) -> dict[int, dict[int, int]]:
    """``{q: {a: count}}`` of a table, as Distribution.census counts it."""
    out: dict[int, dict[int, int]] = {}
    for c in cells:
        by = out.setdefault(c.denominator, {})
        by[c.numerator] = by.get(c.numerator, 0) + 1
    return out


def term_by_term(cells: list[Fraction]) -> LogSum:
    """The reference: ``-sum p log p`` one cell at a time, from the definition."""
    total = LogSum()
    for c in cells:
        if c:
            total = total + LogSum.log_of(Rational(c.numerator, c.denominator)).scaled(-c)
    return total


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=60), st.integers(1, 10**9))
def test_entropy_of_counts_over_several_denominators(weights, scale):
    # w / T reduces to many denominators (divisors of T): summed over their lcm, then reduced
    total = sum(weights) or 1
    cells = [Fraction(w, total * scale) for w in weights] + [1 - Fraction(sum(weights), total * scale)]
    assert LogSum.entropy_of_counts(census_of(cells)) == term_by_term(cells)


def test_entropy_of_counts_with_unrelated_large_denominators():
    # 150 distinct primes near 2**30 as denominators: their lcm has 4,500 bits, so the sum is
    # formed denominator by denominator; the value is the same either way.
    primes = [int(sympy.prevprime(2**30 - 1000 * k)) for k in range(150)]
    cells = [Fraction(1, 300 * p) for p in primes]
    cells.append(1 - sum(cells, Fraction(0)))
    assert LogSum.entropy_of_counts(census_of(cells)) == term_by_term(cells)
