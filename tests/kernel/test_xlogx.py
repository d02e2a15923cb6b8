"""xlogx: x*log(x) extended by 0 at x = 0 (Cover & Thomas, 2nd ed., p. 14: 0 log 0 = 0)."""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy
from sympy import E, Piecewise, Rational, Symbol, diff, latex, limit, log, oo, series

from symentropy import Distribution, entropy, kl_divergence, mutual_information
from symentropy.errors import ParseError
from symentropy.kernel.logsum import LogSum
from symentropy.kernel.xlogx import log_form, xlogx

x = Symbol("x")
p, q = sympy.symbols("p q")


def test_values():
    assert xlogx(0) == 0 and xlogx(1) == 0
    assert xlogx(Rational(1, 2)) == -log(2) / 2
    assert xlogx(E) == E
    assert xlogx(x).subs(x, 0) == 0 and xlogx(1 - x).subs(x, 1) == 0
    assert isinstance(xlogx(x), xlogx)  # unevaluated where nothing is known


def test_calculus():
    assert diff(xlogx(x), x) == log(x) + 1
    assert diff(xlogx(1 - x), x) == -log(1 - x) - 1
    assert limit(xlogx(x), x, 0, "+") == 0
    assert limit(xlogx(x) / x, x, 1) == 0
    assert series(xlogx(x), x, 1, 3) == series(x * log(x), x, 1, 3)
    h = -xlogx(x) - xlogx(1 - x)
    assert sympy.solve(diff(h, x), x) == [Rational(1, 2)]


def test_rewrites():
    assert xlogx(x).rewrite(log) == x * log(x)
    assert xlogx(x).rewrite(Piecewise).subs(x, 0) == 0
    assert sympy.expand_func(xlogx(x)) == x * log(x)
    assert log_form(2 * xlogx(x) + log(x)) == 2 * x * log(x) + log(x)
    assert log_form(3) == 3 and log_form("text") == "text"  # anything else is returned as it is


def test_evalf_to_any_precision():
    value = xlogx(Rational(1, 10)).evalf(50)
    mpmath.mp.dps = 60
    try:
        assert abs(value - mpmath.mpf(1) / 10 * mpmath.log(mpmath.mpf(1) / 10)) < mpmath.mpf(10) ** -49
    finally:
        mpmath.mp.dps = 15


@pytest.mark.parametrize("modules", ["math", "mpmath", "numpy"])
def test_generated_code_is_0_at_0(modules):
    if modules == "numpy":
        pytest.importorskip("numpy")
    f = sympy.lambdify(x, -xlogx(x) - xlogx(1 - x), modules)
    assert float(f(0)) == 0 and float(f(1)) == 0
    assert math.isclose(float(f(0.25)), -(0.25 * math.log(0.25) + 0.75 * math.log(0.75)), rel_tol=1e-14)


def test_assumptions():
    u = Symbol("u", nonnegative=True)
    inside = Symbol("v", positive=True)
    assert xlogx(u).is_real and xlogx(u).is_finite
    assert xlogx(inside).is_zero is None  # v may be 1
    assert xlogx(Symbol("w", positive=True) + 1).is_positive  # w + 1 > 1


def test_printing():
    assert str(xlogx(x)) == "xlogx(x)"
    assert latex(xlogx(1 - x)) == r"\left(1 - x\right) \log{\left(1 - x \right)}"
    assert sympy.pretty(xlogx(x), use_unicode=False) == "x*log(x)"


def test_values_go_through_the_gate():
    assert xlogx("1/2") == -log(2) / 2
    with pytest.raises(ParseError):
        xlogx("__import__('os')")
    with pytest.raises(TypeError):
        xlogx(("1/2",))
    with pytest.raises(TypeError):
        xlogx.eval("1/2")


def test_the_measures_write_xlogx_exactly_where_the_coefficient_vanishes_with_the_argument():
    # -p log p: coefficient -p, a multiple of p
    assert LogSum.entropy_of([p, 1 - p]).to_expr(E) == -xlogx(p) - xlogx(1 - p)
    # D(1/2, 1/2 || p, 1 - p) = -log 2 - (log p + log(1 - p))/2: coefficients that do not vanish
    half, coin = Distribution.from_pmf(["1/2", "1/2"]), Distribution.from_pmf([p, 1 - p])
    divergence = kl_divergence(half, coin, base=E)
    assert not divergence.has(xlogx) and divergence.has(log(p))
    # a combined coefficient: -(1 - p)*(1 - q) log(1 - p) is (q - 1)*xlogx(1 - p)
    d = Distribution.from_table([[(1 - p) * (1 - q), (1 - p) * q], [p * (1 - q), p * q]], names=("X", "Y"))
    h = entropy(d, "X", "Y")
    assert not h.has(log(p), log(1 - p), log(q), log(1 - q)) and h.subs({p: 0, q: 0}) == 0
    assert mutual_information(d, "X", "Y") == 0


def test_edges_agree_with_the_tables_at_the_edges():
    # the symbolic result at the edge is the result of the table at the edge: 0 log 0 = 0 both ways
    d = Distribution.from_table([[p / 2, (1 - p) / 2], [(1 - p) / 2, p / 2]], names=("X", "Y"))
    information = mutual_information(d, "X", "Y")
    for point in [0, 1]:
        assert information.subs(p, point) == mutual_information(d.subs(p, point), "X", "Y")
        assert entropy(d).subs(p, point) == entropy(d.subs(p, point))
    third = Distribution.from_pmf(["1/3", "2/3"])
    divergence = kl_divergence(Distribution.from_pmf([p, 1 - p]), third)
    assert divergence.subs(p, 0) == kl_divergence(Distribution.from_pmf([0, 1]), third)
    assert oo not in (entropy(d).subs(p, 0), entropy(d).subs(p, 1))
