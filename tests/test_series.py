"""Infinite entropy series (symentropy.models.series) and the sign decisions of the families.

Reference values are computed here from the definitions with mpmath, in private contexts,
independently of the library.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy
from sympy import E, Rational, Sum, Symbol, exp, factorial, log, oo, sqrt

from symentropy import DistributionError, entropy
from symentropy.kernel.numeric import evaluate, sign, working_context
from symentropy.models.families import FormulaDistribution, bernoulli, geometric, poisson
from symentropy.models.series import EntropySeries, InfiniteSum, sum_to_infinity

k = Symbol("k", integer=True, nonnegative=True)
lam = Symbol("lam", positive=True)


def nearly_zero() -> sympy.Expr:
    """``q log 3 - p log 2`` for a convergent ``p/q`` of ``log2(3)``: positive and below ``10**-390``."""
    ctx = mpmath.mp.clone()
    ctx.dps = 2500
    y = ctx.log(3) / ctx.log(2)
    quotients = []
    for _ in range(900):
        quotients.append(int(ctx.floor(y)))
        y = 1 / (y - quotients[-1])
    h0, h1, k0, k1 = 1, quotients[0], 0, 1
    for a in quotients[1:]:
        h0, h1, k0, k1 = h1, a * h1 + h0, k1, a * k1 + k0
        value = k1 * log(3) - h1 * log(2)
        if abs(k1 * ctx.log(3) - h1 * ctx.log(2)) < ctx.mpf(10) ** -390:
            return value if sign(value) > 0 else -value
    raise AssertionError("no convergent close enough")


TINY = nearly_zero()


def test_tiny_is_tiny():
    assert sign(TINY) == 1 and evaluate(TINY, 3) < sympy.Float("1e-390")


def test_parameters_are_decided_exactly():
    # sympy's comparison cannot decide these (the old checks kept them as conditions).
    with pytest.raises(DistributionError, match="needs 0 <= p <= 1"):
        bernoulli(1 + TINY)
    with pytest.raises(DistributionError, match="needs 0 <= p <= 1"):
        bernoulli(-TINY)
    assert bernoulli(TINY).conditions == () and bernoulli(1 - TINY).conditions == ()
    with pytest.raises(DistributionError, match="needs 0 < p <= 1"):
        geometric(log(6) - log(2) - log(3))  # exactly 0
    with pytest.raises(DistributionError, match="needs lam > 0"):
        poisson(sympy.I)


def test_total_of_a_formula_is_decided_exactly():
    with pytest.raises(DistributionError, match="probabilities sum to"):
        FormulaDistribution((1 + TINY) / 4, (k, 1, 4))
    d = FormulaDistribution((1 + log(6) - log(2) - log(3)) / 4, (k, 1, 4))
    assert d.conditions == ()


def test_infinite_sum_is_a_sum():
    s = InfiniteSum(lam**k / factorial(k), (k, 0, oo))
    plain = Sum(lam**k / factorial(k), (k, 0, oo))
    assert s == plain and hash(s) == hash(plain) and str(s) == str(plain)
    assert s.subs(lam, 1).evalf(50) == E.evalf(50)


def test_sum_to_infinity_in_a_private_context():
    total = sum_to_infinity(lambda ctx: lambda j: 1 / ctx.factorial(j), 0, prec=200)
    ctx = working_context(60)
    assert abs(ctx.mpf(total) - ctx.e) < ctx.mpf(2) ** -195
    assert mpmath.mp.dps == 15


@pytest.mark.parametrize("module", ["math", "mpmath", "numpy"])
def test_lambdify_of_an_entropy_series(module):
    if module == "numpy":
        pytest.importorskip("numpy")
    h = entropy(poisson(lam), base=E)
    f = sympy.lambdify(lam, h, module)
    source = f.__doc__  # lambdify puts the generated source there
    assert "sum_to_infinity(lambda mpmath: lambda k:" in source and "families" not in source
    reference = float(poisson(3).evaluate(30, base=E))
    assert abs(float(f(3)) - reference) < 1e-13
    assert mpmath.mp.dps == 15


def test_evaluation_ignores_the_global_precision():
    expected = poisson(3).evaluate(30)
    with mpmath.workdps(5):  # a user's setting: the library neither reads nor changes it
        assert poisson(3).evaluate(30) == expected
        assert mpmath.mp.dps == 5
    assert entropy(poisson(lam)).subs(lam, 3).evalf(30) == expected


def test_tail_bound_with_irrational_coefficients():
    # P(k) = (k + sqrt(2)) 2**-k / (2 + 2 sqrt(2)), k >= 0: r(k) = (k + 1 + sqrt(2))/(2k + 2 sqrt(2)),
    # whose pole bound (Cauchy) has the irrational coefficient sqrt(2).
    s = sqrt(2)
    pmf = (k + s) / 2**k / (2 + 2 * s)
    series = EntropySeries(pmf, k, 0, oo)
    ctx = working_context(40)
    reference_ctx = mpmath.mp.clone()
    reference_ctx.dps = 60
    r2 = reference_ctx.sqrt(2)

    def p(j: int):
        return (j + r2) / reference_ctx.mpf(2) ** j / (2 + 2 * r2)

    reference = -reference_ctx.fsum(p(j) * reference_ctx.log(p(j)) for j in range(400))
    value = series.entropy(ctx, ctx.mpf(10) ** -45)
    assert abs(value - reference) < reference_ctx.mpf(10) ** -42
    for last in (5, 20, 60):
        bound = series.tail_bound(ctx, last)
        tail = -reference_ctx.fsum(p(j) * reference_ctx.log(p(j)) for j in range(last + 1, 400))
        assert bound is not None and tail <= bound <= 4 * tail


def test_a_tail_that_is_not_geometric_is_refused():
    heavy = EntropySeries(Rational(6, 1) / (sympy.pi**2 * (k + 1) ** 2), k, 0, oo)
    with pytest.raises(NotImplementedError, match="tends to 1 or more"):
        heavy.tail_bound(working_context(10), 100)
    slow = EntropySeries(exp(-sqrt(k)), k, 0, oo)
    with pytest.raises(NotImplementedError, match="not eventually geometric"):
        slow.entropy(working_context(10), 10**-10)
