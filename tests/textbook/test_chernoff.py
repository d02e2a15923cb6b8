"""Chernoff information (Cover & Thomas, *Elements of Information Theory*, 2nd ed., section 11.9)."""

from __future__ import annotations

import pytest
import sympy
from sympy import Rational as R

from symentropy import Distribution, evaluate, kl_divergence
from symentropy.errors import DistributionError
from symentropy.kernel.numeric import compare
from symentropy.measures.certified import CertifiedInterval
from symentropy.measures.types import chernoff_information


def tilted(p1, p2, lam):
    weights = [a**lam * b ** (1 - lam) for a, b in zip(p1, p2)]
    total = sum(weights)
    return Distribution.from_pmf([sympy.simplify(w / total) for w in weights])


def f(p1, p2, lam):
    return -sympy.log(sum(a**lam * b ** (1 - lam) for a, b in zip(p1, p2)), 2)


@pytest.mark.parametrize(
    "p1, p2",
    [
        ([R(1, 3), R(2, 3)], [R(2, 3), R(1, 3)]),
        ([R(1, 2), R(1, 4), R(1, 4)], [R(1, 4), R(1, 4), R(1, 2)]),
        ([R(4, 7), R(3, 7)], [R(1, 7), R(6, 7)]),  # ratios 4 and 1/2: u**3 = 3
    ],
)
def test_theorem_11_9_1_the_optimum_is_equidistant(p1, p2):
    # C&T 2nd ed., Theorem 11.9.1 and eq. (11.242): C = D(P_lam* || P1) = D(P_lam* || P2) < min D
    c = chernoff_information(p1, p2)
    assert c.exact
    d1 = kl_divergence(Distribution.from_pmf(p1), Distribution.from_pmf(p2))
    d2 = kl_divergence(Distribution.from_pmf(p2), Distribution.from_pmf(p1))
    q = tilted(p1, p2, c.lam)
    # equal algebraic-logarithmic numbers: their correctly rounded digits agree (a proof of
    # equality would need algebraic number theory; 40 digits of each are certified)
    value = evaluate(c.value, 40)
    assert value == evaluate(kl_divergence(q, Distribution.from_pmf(p1)), 40)
    assert value == evaluate(kl_divergence(q, Distribution.from_pmf(p2)), 40)
    assert compare(c.value, d1) < 0 and compare(c.value, d2) < 0
    swapped = chernoff_information(p2, p1)
    assert evaluate(swapped.value, 40) == value and compare(swapped.lam, 1 - c.lam) == 0


@pytest.mark.parametrize(
    "p1, p2",
    [
        ([R(1, 8), R(7, 8)], [R(1, 2), R(1, 2)]),  # ratios 1/4 and 7/4: not powers of one number
        ([R(1, 9), R(8, 9)], [R(1, 3), R(2, 3)]),  # ratios 1/3 and 4/3
        ([R(1, 2), R(1, 3), R(1, 6)], [R(1, 5), R(2, 5), R(2, 5)]),
    ],
)
def test_certified_chernoff_information(p1, p2):
    import mpmath

    c = chernoff_information(p1, p2, digits=25)
    assert not c.exact and isinstance(c.value, CertifiedInterval)
    assert c.value.width <= c.value.tolerance
    for end in (c.lam.start, c.lam.end):  # C is the maximum of f: f at any lambda is below it
        assert compare(f(p1, p2, end), c.value.upper) <= 0
    # an independent reference: mpmath's root of g'(lambda) at 50 digits
    ctx = mpmath.mp.clone()
    ctx.dps = 50
    a = [ctx.mpf(v.p) / v.q for v in p1]
    b = [ctx.mpf(v.p) / v.q for v in p2]

    def g(lam):
        return ctx.fsum(x**lam * y ** (1 - lam) for x, y in zip(a, b))

    lam = ctx.findroot(lambda t: ctx.diff(g, t), 0.5)
    reference = -ctx.log(g(lam), 2)
    assert c.value.lower <= sympy.Rational(str(reference)) + R(1, 10**40)
    assert sympy.Rational(str(reference)) - R(1, 10**40) <= c.value.upper


def test_symmetric_pair_has_lambda_one_half():
    c = chernoff_information([R(1, 3), R(2, 3)], [R(2, 3), R(1, 3)])
    assert c.lam == R(1, 2)
    # -log2(2 sqrt(1/3 * 2/3)) = log2(3) - 3/2
    assert compare(c.value, sympy.log(3, 2) - R(3, 2)) == 0


def test_algebraic_lambda():
    # ratios 4 = 2**2 and 1/2 = 2**-1: the optimum solves (2/7) u**3 = 6/7 in u = 2**lambda
    c = chernoff_information([R(4, 7), R(3, 7)], [R(1, 7), R(6, 7)])
    assert c.exact and compare(c.lam, sympy.log(3) / (3 * sympy.log(2))) == 0


def test_a_dyadic_optimum_is_found_exactly():
    # ratios 1/2, 2, 3/4, 4/3 are not powers of one number, but swapping the two halves is a
    # symmetry: lambda* = 1/2, where g'(1/2) = 0 is proved exactly
    p1 = [R(1, 10), R(2, 10), R(3, 10), R(4, 10)]
    p2 = [R(2, 10), R(1, 10), R(4, 10), R(3, 10)]
    c = chernoff_information(p1, p2, digits=10)
    assert c.exact and c.lam == R(1, 2)
    assert compare(c.value, f(p1, p2, R(1, 2))) == 0


def test_outcomes_of_one_distribution_only():
    assert chernoff_information([1, 0], [0, 1]).value == sympy.oo
    c = chernoff_information([R(1, 2), R(1, 2), 0], [R(1, 3), R(1, 3), R(1, 3)])
    assert c.lam == 0 and compare(c.value, sympy.log(3, 2) - 1) == 0


def test_bad_input():
    with pytest.raises(DistributionError, match=r"outcomes \[0, 1\] and P2 \[0, 1, 2\]"):
        chernoff_information([R(1, 2), R(1, 2)], [R(1, 3)] * 3)
    with pytest.raises(DistributionError, match=r"P1\[0\] is sqrt\(2\)/2"):
        chernoff_information([sympy.sqrt(2) / 2, 1 - sympy.sqrt(2) / 2], [R(1, 2), R(1, 2)])
