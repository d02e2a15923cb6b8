"""Logarithms of quadratic irrationals written over one unit per field, exactly."""

from __future__ import annotations

from fractions import Fraction

import sympy
from sympy import Rational, log, sqrt

from symentropy.kernel.canonical import tidy_value
from symentropy.kernel.quadratic import as_quadratic, quadratic_logs

PHI = (1 + sqrt(5)) / 2


def _exp(value: sympy.Expr) -> sympy.Expr:
    """``exp(value)`` as an algebraic number ``a + b*sqrt(d)``: equal logarithms, equal numbers."""
    return sympy.expand(sympy.radsimp(sympy.expand(sympy.exp(sympy.expand(value)))))


def test_as_quadratic():
    assert as_quadratic((3 - sqrt(5)) / 2) == (Fraction(3, 2), Fraction(-1, 2), 5)
    assert as_quadratic(1 / (1 + sqrt(2))) == (Fraction(-1), Fraction(1), 2)
    assert as_quadratic(sqrt(8)) == (Fraction(0), Fraction(2), 2)
    assert as_quadratic(Rational(1, 2)) is None
    assert as_quadratic(sqrt(2) + sqrt(3)) is None and as_quadratic(2 ** Rational(1, 3)) is None


def test_powers_of_the_golden_ratio_meet():
    # (3 - sqrt 5)/2 = phi**-2, (sqrt 5 - 1)/2 = phi**-1, 3 - sqrt 5 = 2 phi**-2, sqrt 5 - 1 = 2 phi**-1
    assert quadratic_logs(log((3 - sqrt(5)) / 2)) == -2 * log(PHI)
    assert quadratic_logs(log((sqrt(5) - 1) / 2) - log(PHI)) == -2 * log(PHI)
    value = log(3 - sqrt(5)) + log(sqrt(5) - 1)
    rewritten = quadratic_logs(value)
    assert rewritten == log(4) - 3 * log(PHI)
    assert _exp(rewritten) == _exp(value) == sympy.expand((3 - sqrt(5)) * (sqrt(5) - 1))


def test_the_unit_is_the_largest_common_root():
    silver = 1 + sqrt(2)
    # 3 + 2 sqrt 2 = silver**2 and 17 + 12 sqrt 2 = silver**4: alone, each is written over silver
    assert quadratic_logs(log(17 + 12 * sqrt(2))) == 4 * log(silver)
    assert quadratic_logs(log(3 + 2 * sqrt(2)) - log(silver)) == log(silver)
    # two fields in one expression: one unit each
    mixed = quadratic_logs(log(3 + 2 * sqrt(2)) + log((7 + 3 * sqrt(5)) / 2))
    assert mixed == 2 * log(silver) + 4 * log(PHI)


def test_what_is_left_alone():
    # 1 + 2 sqrt 2 has norm -7 and is not a unit times a rational: its logarithm stays
    assert quadratic_logs(log(1 + 2 * sqrt(2))) == log(1 + 2 * sqrt(2))
    # a negative argument, a cube root, a symbol, a rational
    p = sympy.Symbol("p")
    for value in (log(1 - sqrt(2), evaluate=False), log(2 ** Rational(1, 3)), log(p + sqrt(2)), log(3)):
        assert quadratic_logs(value) == value
    # sqrt(d) itself: half a rational logarithm
    assert quadratic_logs(log(sqrt(5))) == log(5) / 2


def test_tidy_value_finds_the_golden_ratio():
    # Cover & Thomas, 2nd ed., Problem 4.7: h(p)/(1 + p) at p = (3 - sqrt 5)/2 is log2 of the golden ratio
    p = (3 - sqrt(5)) / 2
    rate = -(p * log(p) + (1 - p) * log(1 - p)) / ((1 + p) * log(2))
    assert tidy_value(rate) == log(PHI) / log(2)


def test_a_large_power_is_written_over_a_root_within_the_cap():
    # (1 + sqrt 2)**300: |u| = (1 + sqrt 2)**600, whose largest root tried (MAX_ROOT = 256) is the
    # 200th, (1 + sqrt 2)**3 = 7 + 5 sqrt 2: exact, though not over the least unit
    value = log(sympy.expand((1 + sqrt(2)) ** 300))
    assert quadratic_logs(value) == 100 * log(7 + 5 * sqrt(2))
