"""Tests of symentropy.calculus.optimize: exact optima with certificates, numeric fallbacks, maximum entropy.

Textbook cases are built from the problem as the book states it, with
symentropy's own distributions and measures; the expected answers are typed
from the book.  References: T. M. Cover and J. A. Thomas, *Elements of
Information Theory*, 2nd ed., Wiley, 2006 ("C&T"); E. T. Jaynes, "Where do we
stand on maximum entropy?" (1978), for the Brandeis dice problem.
"""

from __future__ import annotations

import itertools

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Eq, Interval, Rational, S, Symbol, log, sqrt

from symentropy import Distribution, bernoulli, entropy
from symentropy.calculus.optimize import (
    Certificate,
    MaxEntropyResult,
    OptimizationResult,
    max_entropy,
    maximize,
    minimize,
)
from symentropy.errors import (
    DistributionError,
    InexactInputError,
    InvalidDigitsError,
    OptimizationError,
    UndecidedError,
    UnknownVariableError,
)
from tests.support import assert_exact

p, q, r, a, x = sympy.symbols("p q r a x")


def bits(expr: sympy.Expr) -> sympy.Expr:
    return expr / log(2)


def same_algebraic(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Whether two algebraic numbers are equal: the minimal polynomial of a - b is X."""
    X = Symbol("X")
    return sympy.minimal_polynomial(a - b, X) == X


def assert_zero(expr: sympy.Expr) -> None:
    """Prove that a symbolic expression is 0 (logarithms of positive quantities)."""
    assert sympy.simplify(sympy.expand_log(sympy.together(expr), force=True)) == 0, expr


# -- textbook cases -----------------------------------------------------------


def test_bernoulli_entropy_is_maximal_at_one_half():
    # C&T Example 2.1.1: H(p) is concave, maximal at p = 1/2, where it is 1 bit.
    best = maximize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
    assert isinstance(best, OptimizationResult)
    assert best.exact and best.digits is None
    assert best.value == 1
    assert best.argmax == {p: Rational(1, 2)}
    assert best.certificate is Certificate.CONCAVE


def test_bernoulli_entropy_minimum_is_zero_at_the_boundary():
    # C&T Example 2.1.1: H(p) = 0 when p = 0 or 1 (0 log 0 = 0, evaluated as a limit).
    best = minimize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
    assert best.value == 0
    assert best.argmin[p] in (0, 1)
    assert best.certificate is Certificate.CANDIDATES


def test_disjoint_mixture_symbolic():
    # C&T Problem 2.10: H(X) = H(alpha) + alpha H1 + (1 - alpha) H2; maximising over alpha
    # gives 2**H(X) = 2**H1 + 2**H2, at alpha = 2**H1 / (2**H1 + 2**H2).
    H1, H2 = sympy.symbols("H1 H2", positive=True)
    mixture = entropy(Distribution.from_pmf([a, 1 - a])) + a * H1 + (1 - a) * H2
    best = maximize(mixture, over=a)
    assert best.exact and best.certificate is Certificate.CONCAVE
    assert_zero(best.argmax[a] - 2**H1 / (2**H1 + 2**H2))
    assert_zero(2**best.value - (2**H1 + 2**H2))


def test_disjoint_mixture_of_uniform_distributions():
    # C&T Problem 2.10 with X1 uniform on {1, 2} (H1 = 1) and X2 uniform on {3, ..., 6}
    # (H2 = 2): the mixture is built as a distribution and its entropy maximised over alpha.
    # The book's answer 2**H = 2**1 + 2**2 = 6 gives H = log2(6) at alpha = 2/(2 + 4).
    mixture = Distribution.from_pmf([a / 2, a / 2] + [(1 - a) / 4] * 4, outcomes=range(1, 7))
    best = maximize(entropy(mixture), over=a)
    assert best.exact
    assert best.argmax == {a: Rational(1, 3)}
    assert_exact(best.value, bits(log(6)))


def test_uniform_maximises_entropy_of_three_outcomes():
    # C&T Theorem 2.6.4: H(X) <= log|X|, with equality iff X is uniform.
    best = maximize(entropy(Distribution.from_pmf([p, q, 1 - p - q])), over=(p, q))
    assert best.exact and best.certificate is Certificate.CONCAVE
    assert best.argmax == {p: Rational(1, 3), q: Rational(1, 3)}
    assert_exact(best.value, bits(log(3)))


def test_uniform_by_lagrange_multiplier():
    # C&T Theorem 2.6.4 again, with the normalisation as an equality constraint.  At the
    # optimum dH/dp_i = (-log p_i - 1)/log 2 equals the multiplier: (log 3 - 1)/log 2.
    best = maximize(entropy(Distribution.from_pmf([p, q, r])), over=(p, q, r), constraints=[Eq(p + q + r, 1)])
    third = Rational(1, 3)
    assert best.argmax == {p: third, q: third, r: third}
    assert_exact(best.value, bits(log(3)))
    (multiplier,) = best.multipliers
    assert_exact(multiplier, (log(3) - 1) / log(2))


def test_geometric_is_maximum_entropy_given_the_mean():
    # C&T Problem 2.30 and Chapter 12: on {0, 1, 2, ...} with E[X] = A the maximum-entropy
    # distribution is geometric, p(n) = (1/(A+1)) (A/(A+1))**n, with
    # H = (A+1) log(A+1) - A log A (bits).
    A = Symbol("A", positive=True)
    result = max_entropy(S.Naturals0, mean=A)
    assert isinstance(result, MaxEntropyResult)
    assert result.exact and result.certificate is Certificate.GIBBS
    n = Symbol("n", integer=True, nonnegative=True)
    assert_zero(result.pmf(n) - (1 / (A + 1)) * (A / (A + 1)) ** n)
    assert_zero(result.value - bits((A + 1) * log(A + 1) - A * log(A)))


def test_geometric_instance_meets_the_constraint():
    # C&T Problem 2.30 with A = 3: the pmf sums to 1 and has mean 3.
    result = max_entropy(S.Naturals0, mean=3)
    k = Symbol("k", integer=True, nonnegative=True)
    assert sympy.summation(result.pmf(k), (k, 0, sympy.oo)) == 1
    assert sympy.summation(k * result.pmf(k), (k, 0, sympy.oo)) == 3
    assert_exact(result.value, bits(4 * log(4) - 3 * log(3)))


def test_brandeis_dice_to_thirty_digits():
    # Jaynes' Brandeis dice: a die with faces 1..6 and mean 4.5.  Jaynes' published
    # solution is p = (0.05435, 0.07877, 0.11416, 0.16545, 0.23977, 0.34749).
    result = max_entropy(range(1, 7), mean=Rational(9, 2), digits=30)
    assert not result.exact and result.digits == 30
    assert result.distribution is None
    assert "≈" in str(result)
    probs = result.probabilities
    assert all(isinstance(v, sympy.Float) and v._prec >= 99 for v in probs)  # 30 digits ~ 100 bits
    jaynes = ["0.05435", "0.07877", "0.11416", "0.16545", "0.23977", "0.34749"]
    for value, printed in zip(probs, jaynes, strict=True):
        assert abs(value - Rational(printed)) <= Rational(1, 2 * 10**5)
    tolerance = sympy.Float("1e-28")
    assert abs(sum(probs) - 1) < tolerance
    assert abs(sum(k * v for k, v in zip(range(1, 7), probs, strict=True)) - Rational(9, 2)) < tolerance
    # stationarity of the Lagrangian: log p_k is affine in k (Gibbs form, C&T Theorem 12.1.1)
    steps = [sympy.log(probs[i + 1] / probs[i]) for i in range(5)]
    assert all(abs(s - steps[0]) < tolerance for s in steps)
    lam0, lam1 = result.multipliers
    assert all(
        abs(sympy.exp(lam0 + lam1 * k) - v) < tolerance for k, v in zip(range(1, 7), probs, strict=True)
    )


def test_dice_without_constraint_and_with_the_fair_mean_is_uniform():
    # C&T Chapter 12: no constraint (or a constraint met by the uniform law) gives the uniform law.
    for result in (max_entropy(range(1, 7)), max_entropy(range(1, 7), mean=Rational(7, 2))):
        assert result.exact
        assert result.probabilities == (Rational(1, 6),) * 6
        assert_exact(result.value, bits(log(6)))


def test_max_entropy_in_radicals_agrees_with_lagrange():
    # Mean 1/2 on {0, 1, 2}: p_k = y**k/Z (C&T Theorem 12.1.1) with y solving
    # sum_k (k - 1/2) y**k = 0, i.e. 3y**2 + y - 1 = 0, so y = (sqrt(13) - 1)/6, and
    # H = -sum_k p_k log(y**k/Z) = log Z - (1/2) log y.
    y = (sqrt(13) - 1) / 6
    total = 1 + y + y**2
    gibbs = [y**k / total for k in range(3)]
    expected = bits(log(total) - log(y) / 2)
    result = max_entropy([0, 1, 2], mean=Rational(1, 2))
    assert result.exact
    for value, typed in zip(result.probabilities, gibbs, strict=True):
        assert same_algebraic(value, typed)
    assert_zero(result.value - expected)
    # the same optimum from maximize with Lagrange multipliers
    best = maximize(
        entropy(Distribution.from_pmf([p, q, r])),
        over=(p, q, r),
        constraints=[Eq(p + q + r, 1), Eq(q + 2 * r, Rational(1, 2))],
    )
    assert best.exact and best.certificate is Certificate.CONCAVE
    for symbol, typed in zip((p, q, r), gibbs, strict=True):
        assert same_algebraic(best.argmax[symbol], typed)
    # best.value is -sum v log v over the argmax; each v equals y**k/Z (proved above), so
    # log v = k log y - log Z, and the value reduces to the Gibbs form exactly.
    logs = {}
    for lg in best.value.atoms(sympy.log):
        near = [k for k, typed in enumerate(gibbs) if abs(sympy.N(lg.args[0] - typed)) < 1e-9]
        k = next((k for k in near if same_algebraic(lg.args[0], gibbs[k])), None)
        if k is not None:
            logs[lg] = k * log(y) - log(total)
    assert len(logs) == 3
    assert sympy.expand(best.value.xreplace(logs) - expected) == 0


def test_max_entropy_mean_at_the_edge_forces_the_support():
    result = max_entropy([0, 1, 2], mean=2)
    assert result.exact and result.multipliers is None
    assert result.probabilities == (0, 0, 1)
    assert result.value == 0


def test_max_entropy_two_constraints_numeric():
    result = max_entropy(range(1, 7), [(lambda k: k, Rational(9, 2)), (lambda k: k**2, 22)], digits=20)
    assert not result.exact and result.digits == 20
    probs = result.probabilities
    tolerance = sympy.Float("1e-18")
    assert abs(sum(k * v for k, v in zip(range(1, 7), probs, strict=True)) - Rational(9, 2)) < tolerance
    assert abs(sum(k**2 * v for k, v in zip(range(1, 7), probs, strict=True)) - 22) < tolerance


# -- exact optima of other kinds ------------------------------------------------------


def test_minimize_convex_quadratic():
    best = minimize((p - Rational(1, 3)) ** 2 + 1, over=p)
    assert best.value == 1 and best.argmin == {p: Rational(1, 3)}
    assert best.certificate is Certificate.CONVEX
    with pytest.raises(AttributeError, match="argmin"):
        _ = best.argmax


def test_minimize_convex_in_two_variables():
    best = minimize((p - Rational(1, 3)) ** 2 + (q - Rational(1, 4)) ** 2, over=(p, q))
    assert best.value == 0 and best.argmin == {p: Rational(1, 3), q: Rational(1, 4)}
    assert best.certificate is Certificate.CONVEX


def test_all_candidates_compared_for_a_cubic():
    # p**3 - p on [-1, 2]: stationary points +-1/sqrt(3); ends f(-1) = 0, f(2) = 6.
    top = maximize(p**3 - p, over=p, domain=Interval(-1, 2))
    assert top.value == 6 and top.argmax == {p: 2}
    assert top.certificate is Certificate.CANDIDATES
    bottom = minimize(p**3 - p, over=p, domain=(-1, 2))
    assert_exact(bottom.value, -2 * sqrt(3) / 9)
    assert_exact(bottom.argmin[p], sqrt(3) / 3)


def test_minimum_entropy_of_three_outcomes_is_at_a_vertex():
    best = minimize(entropy(Distribution.from_pmf([p, q, 1 - p - q])), over=(p, q))
    assert best.exact and best.value == 0
    assert best.certificate is Certificate.CANDIDATES
    probs = (best.argmin[p], best.argmin[q], 1 - best.argmin[p] - best.argmin[q])
    assert sorted(probs) == [0, 0, 1]


def test_inequality_constraint_moves_the_optimum_to_the_boundary():
    best = maximize(
        entropy(Distribution.from_pmf([p, q, r])),
        over=(p, q, r),
        constraints=[Eq(p + q + r, 1), p <= Rational(1, 10)],
    )
    assert best.argmax == {p: Rational(1, 10), q: Rational(9, 20), r: Rational(9, 20)}
    expected = entropy(Distribution.from_pmf([Rational(1, 10), Rational(9, 20), Rational(9, 20)]))
    assert_exact(best.value, expected)


def test_nonlinear_equality_constraint():
    best = maximize(p * q, over=(p, q), constraints=[Eq(p**2 + q**2, 1)])
    assert best.value == Rational(1, 2)
    assert best.argmax == {p: sqrt(2) / 2, q: sqrt(2) / 2}


def test_binary_symmetric_channel_capacity():
    # C&T Example 7.1.4: C = 1 - H(e) for crossover e = 1/4, at the uniform input.
    e = Rational(1, 4)
    output = Distribution.from_pmf([p * (1 - e) + (1 - p) * e, p * e + (1 - p) * (1 - e)])
    noise = entropy(Distribution.from_pmf([e, 1 - e]))
    best = maximize(entropy(output) - noise, over=p)
    assert best.argmax == {p: Rational(1, 2)}
    assert_exact(best.value, 1 - noise)


def test_string_objective_uses_the_symbols_of_over():
    best = maximize("p*(1 - p)", over=p)
    assert best.value == Rational(1, 4) and best.argmax == {p: Rational(1, 2)}


@settings(max_examples=7, deadline=None)
@given(st.integers(-3, 3))
def test_entropy_plus_linear_term(c):
    # d/dp [h(p) + c p] = log2((1 - p)/p) + c = 0 gives p = 2**c/(1 + 2**c), value log2(1 + 2**c).
    best = maximize(entropy(Distribution.from_pmf([p, 1 - p])) + c * p, over=p)
    two_c = Rational(2) ** c
    assert best.argmax == {p: two_c / (1 + two_c)}
    assert_exact(best.value, bits(log(1 + two_c)))


@settings(max_examples=8, deadline=None)
@given(st.fractions(min_value=0, max_value=1), st.fractions(min_value=-2, max_value=2))
def test_concave_quadratic(centre, shift):
    c, s = Rational(centre.numerator, centre.denominator), Rational(shift.numerator, shift.denominator)
    best = maximize(s - (p - c) ** 2, over=p)
    assert best.argmax == {p: c} and best.value == s


# -- numeric answers -----------------------------------------------------------------


def test_numeric_fallback_is_marked_and_accurate():
    # sin(x) - x**2/2 is stationary where cos(x) = x (the Dottie number), not in closed form.
    best = maximize(sympy.sin(x) - x**2 / 2, over=x, digits=30)
    assert not best.exact and best.digits == 30
    assert "≈" in str(best) and "numeric" in str(best)
    ctx = mpmath.mp.clone()
    ctx.dps = 40
    dottie = ctx.findroot(lambda t: ctx.cos(t) - t, ctx.mpf("0.7"))
    reference_value = ctx.sin(dottie) - dottie**2 / 2
    assert isinstance(best.argmax[x], sympy.Float)
    assert abs(best.argmax[x] - sympy.Float(dottie, 40)) < sympy.Float("1e-28")
    assert abs(best.value - sympy.Float(reference_value, 40)) < sympy.Float("1e-28")


def test_numeric_concave_in_several_variables_keeps_the_certificate():
    # Mean 5/2 on {0, ..., 4} through maximize: the Gibbs equations are beyond exact solution
    # here, the entropy is concave, so the numeric stationary point is the global maximum.
    ps = sympy.symbols("p0:5")
    h = entropy(Distribution.from_pmf(list(ps)))
    mean = Eq(sum(k * v for k, v in enumerate(ps)), Rational(5, 2))
    best = maximize(h, over=ps, constraints=[Eq(sum(ps), 1), mean], digits=20)
    assert not best.exact and best.digits == 20
    assert best.certificate is Certificate.CONCAVE
    reference = max_entropy(range(5), mean=Rational(5, 2), digits=20)
    for symbol, value in zip(ps, reference.probabilities, strict=True):
        assert abs(best.argmax[symbol] - value) < sympy.Float("1e-18")


def test_numeric_search_in_several_variables():
    # sin(3p) + sin(3q) + pq on [0, 1]**2: the maximum is inside, where 3 cos(3p) + q = 0 and
    # 3 cos(3q) + p = 0, which has no closed form.
    best = maximize(sympy.sin(3 * p) + sympy.sin(3 * q) + p * q, over=(p, q), digits=20)
    assert not best.exact and best.certificate is Certificate.NUMERIC
    ctx = mpmath.mp.clone()
    ctx.dps = 30
    u, v = ctx.findroot(lambda s, t: [3 * ctx.cos(3 * s) + t, 3 * ctx.cos(3 * t) + s], [ctx.mpf("0.5")] * 2)
    assert abs(best.argmax[p] - sympy.Float(u, 30)) < sympy.Float("1e-18")
    assert abs(best.argmax[q] - sympy.Float(v, 30)) < sympy.Float("1e-18")


# -- printing ---------------------------------------------------------------------------


def test_printing():
    best = maximize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
    assert str(best) == "max = 1 at p = 1/2 (concave on the domain)"
    assert sympy.latex(best) == r"\max = 1 \text{ at } p = \frac{1}{2}"
    assert best._repr_latex_().startswith("$\\displaystyle")
    geometric = max_entropy(S.Naturals0, mean=3)
    assert str(geometric).startswith("p(k) = (3/4)**k/4")


# -- errors --------------------------------------------------------------------------------


def test_unknown_symbol_in_over():
    with pytest.raises(UnknownVariableError, match="q"):
        maximize(p * (1 - p), over=q)
    with pytest.raises(UnknownVariableError, match="domain is given for the variable q"):
        maximize(p * (1 - p), over=p, domain={q: Interval(0, 1)})


def test_empty_domain():
    with pytest.raises(OptimizationError, match="empty"):
        maximize(p, over=p, domain=Interval(1, 0))
    with pytest.raises(OptimizationError, match="no common solution"):
        maximize(p + q, over=(p, q), constraints=[Eq(p + q, 1), Eq(p + q, 2)])


def test_non_sympy_expression():
    with pytest.raises(TypeError, match="sympy expression"):
        maximize([p], over=p)
    with pytest.raises(InexactInputError):
        maximize(sympy.Float("0.5") * p, over=p)
    with pytest.raises(TypeError, match="Symbol"):
        maximize(p, over="p")
    with pytest.raises(TypeError, match="over= is needed"):
        maximize(p * q)
    with pytest.raises(TypeError, match="digits"):
        maximize(p, over=p, digits=0)
    with pytest.raises(InvalidDigitsError, match="digits"):
        max_entropy(range(3), mean=1, digits=True)


def test_no_optimum():
    with pytest.raises(OptimizationError, match="unbounded"):
        minimize(log(p), over=p)
    with pytest.raises(OptimizationError, match="not attained"):
        maximize(p, over=p, domain=Interval.open(0, 1))


def test_max_entropy_errors():
    with pytest.raises(OptimizationError, match="must lie in"):
        max_entropy(range(1, 7), mean=7)
    with pytest.raises(OptimizationError, match="unbounded"):
        max_entropy(S.Naturals0)
    with pytest.raises(UndecidedError):
        max_entropy([0, 1], mean=Symbol("m", positive=True))
    with pytest.raises(DistributionError, match="twice"):
        max_entropy([1, 1, 2])
    with pytest.raises(TypeError, match="pair"):
        max_entropy([1, 2], [lambda k: k])


# -- regressions ---------------------------------------------------------------------------


def log2_3_convergents(digits: int = 1200):
    """``(n, p, q)`` for the continued-fraction convergents ``p/q`` of log2(3).

    ``p/q`` lies above log2(3) exactly when ``n`` is odd, so the sign of
    ``q*log(3) - p*log(2)`` is ``(-1)**n``: known without evaluating it.
    ``digits`` is far more than the ~800 that the first 760 partial quotients need.
    """
    ctx = mpmath.mp.clone()
    ctx.dps = digits
    t = ctx.log(3) / ctx.log(2)
    (p0, p1), (q0, q1) = (0, 1), (1, 0)
    for n in itertools.count():
        a = int(ctx.floor(t))
        t = 1 / (t - a)
        p0, p1 = p1, a * p1 + p0
        q0, q1 = q1, a * q1 + q0
        yield n, p1, q1


def tiny_log_differences():
    """The first two ``(v, sign)`` with ``v = q*log(3) - p*log(2)`` and ``|v| < 10**-395``."""
    ctx = mpmath.mp.clone()
    ctx.dps = 1200
    found = []
    for n, p_n, q_n in log2_3_convergents():
        if abs(q_n * ctx.log(3) - p_n * ctx.log(2)) < ctx.mpf(10) ** -395:
            found.append((q_n * log(3) - p_n * log(2), 1 if n % 2 == 0 else -1))
        if len(found) == 2:
            return found
    raise AssertionError("unreachable")


@pytest.mark.parametrize("v, sign", tiny_log_differences())
def test_heavy_cancellation_gets_the_right_sign(v, sign):
    # |v| is about 1e-395, far below what a 120-digit evaluation resolves: the argmax of x*v on
    # [0, 1] is x = 0 when v < 0 and x = 1 when v > 0, and which one is decided exactly.
    # One of the two has v tiny negative (about -4.4e-396), the other tiny positive (9.1e-396).
    best = maximize(x * v, over=x, domain=Interval(0, 1))
    assert best.exact and best.certificate is Certificate.CONCAVE
    assert best.argmax == ({x: 0} if sign < 0 else {x: 1})
    assert best.value == 0 if sign < 0 else sympy.expand(best.value - v) == 0
    other = maximize(-x * v, over=x, domain=Interval(0, 1))
    assert other.argmax == ({x: 1} if sign < 0 else {x: 0})


def test_tiny_negative_coefficient_has_argmax_zero():
    # the value that exposed a float margin: v = q*log(3) - p*log(2) < 0 with |v| < 1e-395
    v = next(v for v, sign in tiny_log_differences() if sign < 0)
    assert maximize(x * v, over=x, domain=Interval(0, 1)).argmax == {x: 0}


@pytest.mark.parametrize("assumptions", [{}, {"positive": True}, {"nonnegative": True}])
def test_variable_assumptions_do_not_move_the_domain(assumptions):
    # sympy settles p >= 0 to True for a positive p; the lower end of [0, 1] must not be lost
    # (it was, and the search then ran down to -oo, where the objective is not real).
    # max h(p)/(1 + p) is log2 of the golden ratio, at p = (3 - sqrt(5))/2.
    v = Symbol("p", **assumptions)
    best = maximize(entropy(bernoulli(v)) / (1 + v), over=v, domain=Interval(0, 1))
    assert best.exact and best.certificate is Certificate.CANDIDATES
    assert list(best.argmax) == [v] and same_algebraic(best.argmax[v], (3 - sqrt(5)) / 2)
    assert not best.value.free_symbols
    golden = log((1 + sqrt(5)) / 2) / log(2)
    assert abs(sympy.N(best.value - golden, 50)) < sympy.Float("1e-45")
    plain = maximize(entropy(bernoulli(p)) / (1 + p), over=p, domain=Interval(0, 1))
    assert best.value == plain.value


def test_positive_variable_keeps_its_name_and_boundary():
    v = Symbol("p", positive=True)
    best = minimize(entropy(bernoulli(v)), over=v)
    assert best.value == 0 and best.argmin[v] in (0, 1)
    assert list(best.argmin) == [v]


def test_single_logarithm_in_the_stationary_equation():
    # d/dp p log p = log p + 1: one logarithm; the minimum is -1/e at p = 1/e.
    best = minimize(p * log(p), over=p)
    assert best.exact and best.certificate is Certificate.CONVEX
    assert best.argmin == {p: sympy.exp(-1)}
    assert best.value == -sympy.exp(-1)


def test_objective_that_is_not_real_on_the_domain():
    with pytest.raises(OptimizationError, match="not real"):
        maximize(sqrt(p - 2), over=p)


def test_numeric_answers_ignore_the_global_precision():
    before = mpmath.mp.dps
    with mpmath.workdps(5):
        best = maximize(sympy.sin(x) - x**2 / 2, over=x, digits=30)
        assert mpmath.mp.dps == 5
    assert mpmath.mp.dps == before
    assert str(best.argmax[x]) == "0.739085133215160641655312087674"


def test_max_entropy_with_equal_constraint_values_in_other_forms():
    # f(0) = log(4)/log(2) and f(2) = 2 are equal; the mean 2 forces the support onto both.
    values = {0: log(4) / log(2), 1: Rational(0), 2: Rational(2)}
    result = max_entropy([0, 1, 2], [(lambda k: values[k], 2)])
    assert result.probabilities == (Rational(1, 2), 0, Rational(1, 2))
