"""Direct tests of symentropy.kernel.intervals: every enclosure holds the exact value.

References are computed with mpmath at a much higher precision in a private context; an
enclosure must contain the reference, and be narrow (relative width about 2**-prec).
"""

from __future__ import annotations

import decimal
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symentropy.kernel import intervals
from symentropy.kernel.intervals import Imprecise, Interval, Undefined

REF = mpmath.mp.clone()
REF.prec = 2000

fractions = st.fractions(min_value=Fraction(-10**6), max_value=Fraction(10**6), max_denominator=10**9)
positive = st.fractions(min_value=Fraction(1, 10**6), max_value=Fraction(10**6), max_denominator=10**9)
precisions = st.sampled_from([24, 53, 113, 400])


def holds(pair, reference) -> bool:
    lo, hi = (ref(intervals.to_fraction(x)) for x in pair)
    return lo <= reference <= hi


def ref(x: Fraction):
    return REF.mpf(x.numerator) / x.denominator


@given(fractions, precisions)
def test_exact(x, prec):
    pair = intervals.exact(x, prec)
    assert intervals.to_fraction(pair[0]) <= x <= intervals.to_fraction(pair[1])
    width = intervals.to_fraction(pair[1]) - intervals.to_fraction(pair[0])
    assert width <= abs(x) * Fraction(2, 2**prec)


@given(fractions, fractions, precisions)
def test_add_mul_neg_sub(x, y, prec):
    a, b = intervals.exact(x, prec), intervals.exact(y, prec)
    assert holds(intervals.add(a, b, prec), ref(x + y))
    assert holds(intervals.sub(a, b, prec), ref(x - y))
    assert holds(intervals.mul(a, b, prec), ref(x * y))
    assert holds(intervals.neg(a), ref(-x))


@given(fractions, fractions, precisions)
def test_scale_and_inverse(x, c, prec):
    a = intervals.exact(x, prec)
    assert holds(intervals.scale(a, c, prec), ref(c * x))
    if x:
        assert holds(intervals.inverse(a, prec), 1 / ref(x))


@given(fractions, st.integers(0, 9), precisions)
def test_power(x, k, prec):
    assert holds(intervals.power(intervals.exact(x, prec), k, prec), ref(x) ** k)


def test_even_power_of_an_interval_around_zero():
    pair = (intervals.exact(Fraction(-2), 53)[0], intervals.exact(Fraction(1), 53)[1])
    lo, hi = (intervals.to_fraction(x) for x in intervals.power(pair, 2, 53))
    assert (lo, hi) == (0, 4)


@given(positive, precisions)
def test_log_and_exp(x, prec):
    a = intervals.exact(x, prec)
    assert holds(intervals.log(a, prec), REF.log(ref(x)))
    small = intervals.exact(x / 10**5, prec)
    assert holds(intervals.exp(small, prec), REF.exp(ref(x / 10**5)))


@pytest.mark.parametrize("prec", [53, 500, 3400])
def test_logarithms_of_integers_are_enclosed_and_narrow(prec):
    intervals.clear_caches()
    integers = [2, 3, 4, 5, 6, 7, 8, 9, 10, 97, 1000, 65521, 65536, 999983, 2**31 - 1, 3**20]
    integers += [2**32, 2**32 + 15]
    integers += [int(sympy.nextprime(10**30)), 10**40]  # beyond the series table: mpmath with a margin
    for n in integers:
        pair = intervals.log_of_integer(n, prec)
        reference = REF.log(n)
        assert holds(pair, reference), n
        lo, hi = (intervals.to_fraction(x) for x in pair)
        assert ref(hi - lo) <= reference * REF.ldexp(1, -prec + 12), n


def test_the_atanh_series_bound_holds():
    for m in (3, 5, 17, 97, 2 * 999983**2 - 1):
        for wp in (64, 300, 1000):
            value, bound = intervals._atanh_inverse(m, wp)  # the private series, tested directly
            exact = REF.atanh(REF.mpf(1) / m) * REF.ldexp(1, wp)
            assert abs(exact - value) <= bound


def test_the_atanh_series_of_a_ratio_bound_holds():
    for a, m in ((1, 4), (3, 40), (8, 2 * 999983), (4, 2 * 101**2 - 4), (36, 2 * 65537**2 - 36)):
        for wp in (64, 300, 1000):
            value, bound = intervals._atanh_ratio(a, m, wp)  # the private series, tested directly
            exact = REF.atanh(REF.mpf(a) / m) * REF.ldexp(1, wp)
            assert abs(exact - value) <= bound


@pytest.mark.parametrize("wp", [60, 176, 1024, 3000])
def test_the_table_of_prime_logarithms_holds_by_every_relation(wp):
    # dense primes (each from the one before it at low precision), sparse ones (from p**2 - k**2),
    # and the primes these rest on; every value within its bound
    table = intervals._SeriesLogs(wp)  # the private table, tested directly
    primes = list(sympy.primerange(2, 3000)) + list(sympy.primerange(10**6, 10**6 + 2000))
    primes += [65537, 1048573, 4194301, 4294967291]
    table.include(primes)
    assert set(primes) <= set(table.logs)
    reference = mpmath.mp.clone()
    reference.prec = wp + 200
    for p, (value, bound) in table.logs.items():
        assert abs(reference.log(p) * reference.ldexp(1, wp) - value) <= bound, p
        assert bound < 2**24, p  # the guard bits of a table cover the error


@pytest.mark.parametrize("prec", [53, 400, 3400])
def test_a_combination_of_logarithms_is_enclosed_in_one_pass(prec):
    intervals.clear_caches()
    coefficients = {
        2: Fraction(-7, 3),
        3: Fraction(5, 12),
        360: Fraction(1, 7),  # composite
        999983: Fraction(-2, 7),
        1000003: Fraction(11, 3),
        2**32 + 15: Fraction(1, 9),  # beyond the table
        7: Fraction(0),
        1: Fraction(3),
    }
    pair = intervals.log_combination(coefficients, prec)
    reference = REF.fsum(REF.mpf(c.numerator) / c.denominator * REF.log(n) for n, c in coefficients.items())
    assert holds(pair, reference)
    lo, hi = (intervals.to_fraction(x) for x in pair)
    assert ref(hi - lo) <= REF.ldexp(1, -prec + 12)
    assert intervals.log_combination({}, prec) == intervals.log_combination({5: Fraction(0)}, prec)


def test_constants():
    assert holds(intervals.pi(200), REF.pi)
    assert holds(intervals.e(200), REF.e)


def test_sign_and_zero():
    assert intervals.sign(intervals.exact(Fraction(-1, 3), 53)) == -1
    assert intervals.sign(intervals.exact(Fraction(0), 53)) == 0
    third = intervals.exact(Fraction(1, 3), 53)
    assert intervals.sign(intervals.sub(third, third, 53)) is None
    assert intervals.contains_zero(intervals.sub(third, third, 53))


def test_what_is_undefined_or_too_wide():
    third = intervals.exact(Fraction(1, 3), 53)
    straddling = intervals.sub(third, third, 53)
    with pytest.raises(Imprecise):
        intervals.inverse(straddling, 53)
    with pytest.raises(Imprecise):
        intervals.log(straddling, 53)
    with pytest.raises(Undefined):
        intervals.log(intervals.exact(Fraction(-1), 53), 53)
    with pytest.raises(ZeroDivisionError):
        intervals.inverse(intervals.exact(Fraction(0), 53), 53)


@given(st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**12), st.integers(1, 40))
def test_round_decimal_is_correct_rounding_ties_to_even(x, digits):
    if not x:
        return
    m, e = intervals.round_decimal(x, digits)
    assert 10 ** (digits - 1) <= abs(m) < 10**digits
    # The reference: the quotient truncated to 60 extra digits (a value with a denominator below
    # 10**12 that is not a tie is not within 10**-60 of one), then rounded once, ties to even.
    wide = decimal.Context(prec=digits + 60, rounding=decimal.ROUND_DOWN).divide(x.numerator, x.denominator)
    expected = decimal.Context(prec=digits, rounding=decimal.ROUND_HALF_EVEN).plus(wide)
    assert decimal.Decimal(m).scaleb(e, decimal.Context(prec=digits + 5)) == expected


def test_round_decimal_ties():
    assert intervals.round_decimal(Fraction(25, 100), 1) == (2, -1)  # 0.25 -> 0.2
    assert intervals.round_decimal(Fraction(35, 100), 1) == (4, -1)  # 0.35 -> 0.4
    assert intervals.round_decimal(Fraction(9999, 1000), 3) == (100, -1)  # 9.999 -> 10.0


def test_common_rounding():
    third = intervals.exact(Fraction(1, 3), 200)
    assert intervals.common_rounding(third, 10) == (3333333333, -10)
    wide = (intervals.exact(Fraction(1, 3), 20)[0], intervals.exact(Fraction(1, 2), 20)[1])
    assert intervals.common_rounding(wide, 5) is None


def test_the_interval_class():
    x = Interval.log_of(3, 100) / Interval.log_of(2, 100)
    assert x.contains(Fraction(15849625007211561, 10**16)) is False
    assert Fraction(15849625007211561, 10**16) < x.lower < x.upper < Fraction(15849625007211562, 10**16)
    assert (x - x).sign() is None and (x + 1).sign() == 1 and (1 - x).sign() == -1
    y = (Interval.from_fraction(Fraction(1, 2), 80).log() * 2).exp()
    assert y.contains(Fraction(1, 4))
    assert (2 / Interval.from_fraction(4, 53)).contains(Fraction(1, 2))
    assert (Interval.from_fraction(3, 53) ** -2).contains(Fraction(1, 9))
    with pytest.raises(Imprecise):
        Interval.from_fraction(1, 53) / (x - x)


def test_a_precise_computation_does_not_make_later_enclosures_long():
    # Once 100,000-bit logarithms were cached, later 64-bit requests got 100,000-bit enclosures
    # (and new primes were computed at that precision): every later operation paid for them.
    from mpmath import libmp

    from symentropy.kernel import intervals

    intervals.clear_caches()
    intervals.log_of_integer(3, 100_000)
    intervals.log_of_integer(10**30 + 57, 100_000)  # beyond the prime table: the general cache
    for n in (3, 7, 10**30 + 57):
        lo, hi = intervals.log_of_integer(n, 64)
        assert libmp.mpf_cmp(lo, hi) <= 0
        assert lo[1].bit_length() < 400 and hi[1].bit_length() < 400
    intervals.clear_caches()
