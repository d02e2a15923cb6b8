"""Direct tests of symentropy.kernel.simplify: the one rule for the shortest of equal forms."""

from __future__ import annotations

import sympy
from sympy import symbols

from symentropy.kernel.simplify import length, shortest, tidy

p, q = symbols("p q")


def test_shortest_counts_operations_then_characters():
    assert shortest([p**2 + 2 * p + 1, (p + 1) ** 2]) == (p + 1) ** 2
    assert length((p + 1) ** 2) < length(p**2 + 2 * p + 1)


def test_a_tie_keeps_the_first_candidate():
    a, b = p + q, q + p  # the same expression, so the same length
    assert shortest([a, b]) is a
    x, y = sympy.Symbol("x"), sympy.Symbol("y")
    assert length(x) == length(y) and shortest([y, x]) is y


def test_tidy_sums_of_cells():
    assert tidy(p * q + p * (1 - q)) == p
    assert tidy((1 - p) * (1 - q)) == (1 - p) * (1 - q)
    assert tidy(sympy.Rational(3, 4)) == sympy.Rational(3, 4)
    assert tidy(sympy.log(p) + sympy.log(p)) == 2 * sympy.log(p)  # not a polynomial: expand and keep
