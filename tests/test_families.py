"""Parametric discrete families and distributions given by a pmf formula.

Textbook cases are built from the problem as stated and compared exactly with
the answer typed from the book; references:

* CT: T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
  Wiley, 2006 ("Ex." an example in the text, "Pr." a problem at the end of
  the chapter, with the answer of the book's solutions).
* MK: D. J. C. MacKay, *Information Theory, Inference, and Learning
  Algorithms*, Cambridge University Press, 2003.

Numerical references are computed here with mpmath from the definition
``-sum P(k) log P(k)``, independently of the library.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import E, Rational, S, Symbol, diff, limit, log, oo, solve

from symentropy import (
    Distribution,
    DistributionError,
    InexactInputError,
    InvalidDigitsError,
    UndecidedError,
    UnknownVariableError,
    conditional_entropy,
    entropy,
    joint_entropy,
    mutual_information,
)
from symentropy.kernel.binary_entropy import binary_entropy
from symentropy.kernel.xlogx import log_form
from symentropy.models.families import (
    FormulaDistribution,
    bernoulli,
    binomial,
    categorical,
    discrete_uniform,
    geometric,
    negative_binomial,
    poisson,
)
from tests.support import assert_exact

p = Symbol("p", positive=True)
q = Symbol("q", nonnegative=True)
lam = Symbol("lam", positive=True)
r = Symbol("r", positive=True)
LOG2_3 = log(3) / log(2)


def proved_equal(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Equality of two symbolic entropies for 0 < p < 1, where ``force=True`` is sound."""
    difference = sympy.expand_log((a - b).rewrite(log), force=True)
    return sympy.simplify(difference) == 0


def mp_entropy(pmf, start: int, digits: int) -> mpmath.mpf:
    """``-sum P(k) log P(k)`` (nats) with mpmath's nsum, from the pmf as a Python function."""
    with mpmath.workdps(digits):

        def term(k):
            value = pmf(int(k))
            return -value * mpmath.log(value) if value else mpmath.mpf(0)

        return mpmath.nsum(term, [start, mpmath.inf])


# --- Bernoulli ---------------------------------------------------------------------------------


def test_bernoulli_table():
    assert bernoulli(q) == Distribution.from_dict({0: 1 - q, 1: q})
    assert bernoulli(Rational(1, 3), name="C").names == ("C",)
    assert bernoulli("p").conditions == (sympy.Le(Symbol("p", nonnegative=True), 1),)
    assert bernoulli(Rational(1, 3)).conditions == ()


def test_bernoulli_entropy_is_binary_entropy():
    assert entropy(bernoulli(q)) == sympy.expand_func(binary_entropy(q))
    assert log_form(entropy(bernoulli(q))) == binary_entropy(q).rewrite(log)
    assert_exact(entropy(bernoulli(Rational(1, 4))), 2 - Rational(3, 4) * LOG2_3)


def test_bernoulli_derivative_maximum_and_limits():
    # CT Ex. 2.1.1 and Figure 2.1: H(p) is concave with its maximum, 1 bit, at p = 1/2.
    h = entropy(bernoulli(q))
    derivative = diff(h, q)
    assert proved_equal(derivative, log((1 - q) / q) / log(2))  # h'(p) = log2((1 - p)/p)
    assert solve(derivative, q) == [S.Half]
    assert entropy(bernoulli(S.Half)) == 1
    assert diff(h, q, 2).subs(q, S.Half) == -4 / log(2)
    assert limit(h, q, 0) == 0 and limit(h, q, 1) == 0
    f = sympy.lambdify(q, h, "math")
    assert abs(f(0.5) - 1) < 1e-15


@pytest.mark.parametrize(
    "bad, message",
    [
        (Rational(3, 2), "bernoulli(p) needs 0 <= p <= 1, got p = 3/2"),
        (Rational(-1, 2), "bernoulli(p) needs 0 <= p <= 1, got p = -1/2"),
    ],
)
def test_bernoulli_rejects_values_outside_the_domain(bad, message):
    with pytest.raises(DistributionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        bernoulli(bad)


def test_bernoulli_refuses_floats():
    with pytest.raises(InexactInputError):
        bernoulli(0.5)


# --- binomial ----------------------------------------------------------------------------------


def test_binomial_table_for_integer_n():
    d = binomial(3, q)
    assert d.to_dict() == {0: (1 - q) ** 3, 1: 3 * q * (1 - q) ** 2, 2: 3 * q**2 * (1 - q), 3: q**3}
    assert binomial(0, q).to_dict() == {0: 1}
    assert entropy(binomial(0, q)) == 0
    assert binomial(1, q) == bernoulli(q)


def test_binomial_three_fair_coins():
    # Three fair coins: P = 1/8, 3/8, 3/8, 1/8, so
    # H = 2 (1/8) log2 8 + 2 (3/8) log2(8/3) = 3/4 + 9/4 - (3/4) log2 3.
    assert_exact(entropy(binomial(3, S.Half)), 3 - Rational(3, 4) * LOG2_3)


def test_binomial_two_trials_in_closed_form():
    # log2 P(k) = log2 C(2, k) + k log2 p + (2 - k) log2(1 - p) and E[k] = 2p give
    # H = 2 h(p) - P(1) log2 C(2, 1) = 2 h(p) - 2 p (1 - p) bits.
    assert proved_equal(entropy(binomial(2, q)), 2 * binary_entropy(q) - 2 * q * (1 - q))


def test_binomial_mean_and_variance_of_a_bent_coin():
    # MK Example 1.1: a bent coin with probability f of heads is tossed N times;
    # the number of heads r has mean N f and variance N f (1 - f).  Here N = 5.
    f = Symbol("f", positive=True)
    d = binomial(5, f).to_dict()
    mean = sympy.expand(sum(k * w for k, w in d.items()))
    variance = sympy.expand(sum(k**2 * w for k, w in d.items()) - mean**2)
    assert mean == 5 * f
    assert sympy.factor(variance) == sympy.factor(5 * f * (1 - f))


def test_binomial_with_symbolic_n():
    n = Symbol("n", integer=True, nonnegative=True)
    d = binomial(n, p)
    assert isinstance(d, FormulaDistribution)
    assert d.support == sympy.Range(0, n + 1)
    assert d.pmf(2) == sympy.binomial(n, 2) * p**2 * (1 - p) ** (n - 2)
    h = entropy(d)
    assert h.has(sympy.Sum) and h.has(binary_entropy)
    # The unevaluated sum still evaluates once n is a number.
    assert proved_equal(h.subs(n, 3).doit(), entropy(binomial(3, p)))
    assert_exact(h.subs({n: 3, p: S.Half}).doit(), 3 - Rational(3, 4) * LOG2_3)
    assert d.subs(n, 3).to_distribution() == binomial(3, p)
    assert entropy(d.subs(n, 3).subs(p, S.Half)) == entropy(binomial(3, S.Half))


def test_binomial_domain():
    m = Symbol("m")
    conditions = binomial(m, q).conditions
    assert sympy.Contains(m, sympy.S.Naturals0) in conditions
    with pytest.raises(
        DistributionError, match=r"binomial\(n, p\) needs n a nonnegative integer, got n = 5/2"
    ):
        binomial(Rational(5, 2), S.Half)
    with pytest.raises(DistributionError, match="got p = 2"):
        binomial(3, 2)


# --- categorical and uniform ---------------------------------------------------------------------


def test_categorical_cover_thomas_example_2_1_2():
    # CT Ex. 2.1.2: X = a, b, c, d with probabilities 1/2, 1/4, 1/8, 1/8 has H(X) = 7/4 bits.
    d = categorical("1/2", "1/4", "1/8", "1/8", outcomes="abcd")
    assert d.probability(X="c") == Rational(1, 8)
    assert entropy(d) == Rational(7, 4)


def test_categorical_of_one_list_says_how_to_call_it():
    advice = r"separate arguments, got one list: write categorical\(\*probabilities\)"
    with pytest.raises(TypeError, match=advice):
        categorical(["1/2", "1/2"])
    assert categorical(*["1/2", "1/2"]).probabilities == (Rational(1, 2), Rational(1, 2))  # the advice works


def test_categorical_shares_symbols_and_validates():
    d = categorical("p", "q", "1 - p - q")
    assert len(d.free_symbols) == 2
    assert all(s.is_nonnegative for s in d.free_symbols)
    assert d.outcomes == ((1,), (2,), (3,))
    with pytest.raises(DistributionError, match="probabilities sum to 5/6, not 1"):
        categorical("1/2", "1/3")
    with pytest.raises(DistributionError):
        categorical()


def test_discrete_uniform_cover_thomas_example_1_1_1():
    # CT Ex. 1.1.1: a uniform distribution over 32 outcomes has entropy log 32 = 5 bits.
    assert entropy(discrete_uniform(32)) == 5
    assert discrete_uniform(4).outcomes == ((1,), (2,), (3,), (4,))


def test_discrete_uniform_with_symbolic_n():
    d = discrete_uniform("n")
    (n,) = d.free_symbols
    assert n.is_integer and n.is_positive
    assert entropy(d) == log(n) / log(2)
    assert entropy(d, base=E) == log(n)
    assert d.subs("n", 32).entropy() == 5
    assert diff(entropy(d), n) == 1 / (n * log(2))
    with pytest.raises(DistributionError, match="n a positive integer, got n = 0"):
        discrete_uniform(0)


# --- geometric -----------------------------------------------------------------------------------


def test_geometric_cover_thomas_problem_2_1():
    # CT Pr. 2.1(a): a fair coin is flipped until the first head; X = number of flips.
    # Answer: H(X) = 2 bits.  (Also MK Exercise 2.29, unbiased coin: 2 bits.)
    d = geometric(S.Half)
    assert entropy(d) == 2
    assert d.evaluate(30) == sympy.Float(2, 30)
    # The book's solution for a general p (q = 1 - p):
    # H(X) = -log p - (q/p) log q = (-p log p - q log q)/p = H(p)/p bits.
    expected = (-p * log(p, 2) - (1 - p) * log(1 - p, 2)) / p
    assert entropy(geometric(p)) == binary_entropy(p) / p
    assert proved_equal(entropy(geometric(p)), expected)


def test_geometric_mackay_exercise_2_29_biased():
    # MK Exercise 2.29: a coin with probability f of heads is flipped until the
    # first head; the entropy of the number of flips is H_2(f)/f.  Instance f = 1/4:
    # H_2(1/4) = 2 - (3/4) log2 3, so H = 8 - 3 log2 3.
    assert_exact(entropy(geometric(Rational(1, 4))), 8 - 3 * LOG2_3)


def test_geometric_derivative_limits_and_lambdify():
    h = entropy(geometric(p))
    # d/dp [h(p)/p] = (p h'(p) - h(p))/p^2 = log2(1 - p)/p^2: no critical point in (0, 1).
    assert proved_equal(diff(h, p), log(1 - p) / (p**2 * log(2)))
    assert solve(diff(h, p), p) == []
    assert limit(h, p, 1) == 0
    assert limit(h, p, 0) == oo
    assert entropy(geometric(1)) == 0
    textbook = (-p * log(p, 2) - (1 - p) * log(1 - p, 2)) / p
    expansion = sympy.series(h, p, 1, 3, dir="-").removeO()
    assert sympy.simplify(expansion - sympy.series(textbook, p, 1, 3, dir="-").removeO()) == 0
    assert not expansion.has(sympy.I)
    f = sympy.lambdify(p, h, "math")
    assert abs(f(0.5) - 2) < 1e-14 and f(1) == 0


def test_geometric_pmf_and_support():
    d = geometric(p)
    assert d.pmf(3) == p * (1 - p) ** 2
    assert d.pmf(0) == 0 and d.pmf(S.Half) == 0 and d[1] == p
    assert d.support == sympy.Range(1, oo)
    assert d.name == "X" and d.names == ("X",)
    assert geometric(p, name="N").name == "N"
    assert d.parameters == {"p": p}


@settings(max_examples=10, deadline=None)
@given(
    st.fractions(min_value=Fraction(1, 20), max_value=Fraction(19, 20), max_denominator=50),
    st.integers(5, 40),
)
def test_geometric_closed_form_against_partial_sums(x, terms):
    # For a geometric distribution the bound is the tail itself (P(k+1)/P(k) is constant), so
    # the difference is evaluated as one expression, with sympy's control of cancellation.
    d = geometric(Rational(x.numerator, x.denominator))
    with mpmath.workdps(60):
        difference = mpmath.mpf(sympy.N(entropy(d) - d.partial_entropy(terms), 60))
        bound = d.tail_bound(terms)
        assert difference >= 0
        if bound is not oo:
            assert difference <= mpmath.mpf(sympy.N(bound, 60))


# --- Poisson -------------------------------------------------------------------------------------


def test_poisson_entropy_formula():
    k = Symbol("k", integer=True, nonnegative=True)
    # -log P(k) = lam - k log lam + log k!  and  E[k] = lam.
    expected = lam * (1 - log(lam)) + sympy.exp(-lam) * sympy.Sum(
        lam**k * log(sympy.factorial(k)) / sympy.factorial(k), (k, 2, oo)
    )
    assert entropy(poisson(lam), base=E) == expected


@pytest.mark.parametrize("mean", [Rational(1, 2), S(3), S(10)])
def test_poisson_evaluates_to_forty_digits(mean):
    value = poisson(mean).evaluate(40, base=E)
    with mpmath.workdps(60):
        m = mpmath.mpf(sympy.N(mean, 60))
        reference = mp_entropy(lambda k: mpmath.exp(-m) * m**k / mpmath.factorial(k), 0, 60)
        assert abs(mpmath.mpf(value) - reference) <= mpmath.mpf(10) ** -39 * reference
        # the closed form with its Sum, evaluated by sympy, agrees too
        assert (
            abs(mpmath.mpf(sympy.N(entropy(poisson(mean), base=E), 45)) - reference) <= mpmath.mpf(10) ** -39
        )


@pytest.mark.parametrize("mean, terms", [(S(3), 25), (S(3), 40), (Rational(1, 2), 10), (S(10), 45)])
def test_poisson_sum_against_truncated_sum_with_tail_bound(mean, terms):
    d = poisson(mean)
    with mpmath.workdps(60):
        difference = mpmath.mpf(sympy.N(entropy(d) - d.partial_entropy(terms), 60))
        bound = d.tail_bound(terms)
        assert bound is not oo
        assert 0 <= difference <= mpmath.mpf(sympy.N(bound, 60))


def test_poisson_tail_bound_needs_enough_terms():
    assert poisson(10).tail_bound(2) is oo  # P(k + 1)/P(k) = 10/(k + 1) > 1 there
    assert poisson(10).tail_bound(60) < Rational(1, 10**10)


def test_poisson_domain():
    with pytest.raises(DistributionError, match=r"poisson\(lam\) needs lam > 0, got lam = 0"):
        poisson(0)
    assert poisson(Symbol("mu")).conditions == (Symbol("mu") > 0,)


# --- negative binomial -----------------------------------------------------------------------------


def test_negative_binomial_with_one_success_is_geometric():
    assert entropy(negative_binomial(1, p)) == entropy(geometric(p))
    assert negative_binomial(1, p).pmf(0) == p  # counted from 0 failures


def test_negative_binomial_matches_sympy_stats_convention():
    from sympy.stats import NegativeBinomial, density

    k = Symbol("k", integer=True, nonnegative=True)
    theirs = density(NegativeBinomial("Y", r, p))(k)
    assert sympy.simplify(negative_binomial(r, p).pmf(k) - theirs) == 0


@pytest.mark.parametrize(
    "successes, bias", [(S(3), S.Half), (Rational(5, 2), Rational(2, 5)), (Rational(1, 2), Rational(1, 3))]
)
def test_negative_binomial_against_the_definition(successes, bias):
    d = negative_binomial(successes, bias)
    with mpmath.workdps(50):
        rr, pp = (mpmath.mpf(sympy.N(v, 50)) for v in (successes, bias))
        reference = mp_entropy(lambda k: mpmath.binomial(k + rr - 1, k) * pp**rr * (1 - pp) ** k, 0, 50)
        closed = mpmath.mpf(sympy.N(entropy(d, base=E), 45))
        assert abs(closed - reference) <= mpmath.mpf(10) ** -38 * reference
        assert abs(mpmath.mpf(d.evaluate(40, base=E)) - reference) <= mpmath.mpf(10) ** -39 * reference
        partial = mpmath.mpf(sympy.N(d.partial_entropy(60, base=E), 50))
        assert 0 <= reference - partial <= mpmath.mpf(sympy.N(d.tail_bound(60, base=E), 50))


def test_negative_binomial_at_certain_success():
    assert entropy(negative_binomial(3, 1)) == 0
    assert entropy(negative_binomial(3, p)).subs(p, 1).doit() == 0


# --- FormulaDistribution ----------------------------------------------------------------------------


k = Symbol("k", integer=True)


def test_formula_distribution_from_a_formula():
    d = FormulaDistribution(Rational(1, 2) ** k, (k, 1, oo), name="N")
    assert d.pmf(4) == Rational(1, 16) and d.pmf(0) == 0
    assert d.conditions == ()
    assert entropy(d).doit() == 2
    assert d.evaluate(20) == sympy.Float(2, 20)
    finite = FormulaDistribution(Rational(1, 6), (k, 1, 6))
    assert entropy(finite) == 1 + LOG2_3
    assert finite.to_distribution() == Distribution.from_pmf([Rational(1, 6)] * 6, outcomes=range(1, 7))


def test_formula_distribution_validation():
    with pytest.raises(DistributionError, match="probabilities sum to 1/2, not 1"):
        FormulaDistribution(Rational(1, 3) ** k, (k, 1, oo))
    with pytest.raises(DistributionError, match="negative"):
        FormulaDistribution(Rational(1, 2) - k, (k, 0, 1))
    with pytest.raises(DistributionError, match="lower limit must be an integer"):
        FormulaDistribution(Rational(1, 2) ** k, (k, S.Half, oo))
    a = Symbol("a")
    undecided = FormulaDistribution(a * (1 - a) ** (k - 1), (k, 1, oo))
    assert undecided.conditions
    with pytest.raises(UndecidedError):
        FormulaDistribution(a * (1 - a) ** (k - 1), (k, 1, oo), strict=True)


def test_formula_distribution_numerical_limits():
    with pytest.raises(UndecidedError, match="depends on p"):
        geometric(p).evaluate()
    with pytest.raises(InvalidDigitsError, match="digits must be an integer from 1 to"):
        geometric(S.Half).evaluate(0)
    with pytest.raises(ValueError, match="terms must be a positive integer"):
        geometric(S.Half).tail_bound(0)
    heavy = FormulaDistribution(6 / (sympy.pi**2 * k**2), (k, 1, oo))
    with pytest.raises(NotImplementedError, match="cannot be bounded"):
        heavy.evaluate(10)


def test_measures_on_a_formula_distribution():
    d = geometric(p)
    assert entropy(d, "X") == entropy(d) == joint_entropy(d)
    assert entropy(d, given="X") == 0
    assert conditional_entropy(d, "X", "X") == 0
    assert entropy(d, base=E) == binary_entropy(p, E) / p
    with pytest.raises(UnknownVariableError, match="unknown variable 'Y'"):
        entropy(d, "Y")
    with pytest.raises(TypeError, match="FormulaDistribution"):
        mutual_information(d, "X", "X")
    with pytest.raises(TypeError):
        entropy(d, ("X",))


def test_subs_rename_and_printing():
    d = geometric("p")
    half = d.subs("p", "1/2")
    assert half == geometric(S.Half)
    assert hash(half) == hash(geometric(S.Half))
    assert entropy(half) == 2
    with pytest.raises(DistributionError, match=r"geometric\(p\) needs 0 < p <= 1, got p = 2"):
        d.subs("p", 2)
    renamed = half.rename(X="N")
    assert renamed.name == "N" and entropy(renamed, "N") == 2
    assert repr(half) == "geometric(1/2)"
    assert repr(renamed) == "geometric(1/2, name='N')"
    assert str(half) == "P(X = k) = 2**(-k)  for k = 1, 2, ..."
    assert sympy.latex(half) == r"P(X = k) = 2^{- k}, \quad k \in \{1, 2, \ldots\}"
    with pytest.raises(DistributionError, match="not a known finite set"):
        half.to_distribution()


# --- property: derivatives of symbolic results against central differences ---------------------


STEP = Rational(1, 10**30)


def central_difference(f, x: sympy.Rational) -> mpmath.mpf:
    """``(f(x + h) - f(x - h))/(2h)``, ``h = 10**-30``, with both values to 80 digits."""
    with mpmath.workdps(80):
        high = mpmath.mpf(sympy.N(f(x + STEP), 80))
        low = mpmath.mpf(sympy.N(f(x - STEP), 80))
        return (high - low) / (2 * mpmath.mpf(sympy.N(STEP, 80)))


def assert_derivative(expression: sympy.Expr, symbol: sympy.Symbol, x: sympy.Rational, f) -> None:
    estimate = central_difference(f, x)
    with mpmath.workdps(80):
        exact = mpmath.mpf(sympy.N(sympy.diff(expression, symbol).subs(symbol, x), 50))
        assert abs(exact - estimate) <= mpmath.mpf(10) ** -40 * max(1, abs(estimate))


probabilities = st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100), max_denominator=100)


def rational(x: Fraction) -> sympy.Rational:
    return Rational(x.numerator, x.denominator)


@settings(max_examples=8, deadline=None)
@given(probabilities)
def test_derivatives_of_closed_forms(x):
    value = rational(x)
    # The results are evaluated as expressions at x +- h: they are the functions differentiated.
    for family in (bernoulli, lambda t: binomial(3, t), geometric):
        h = entropy(family(q if family is not geometric else p))
        symbol = q if family is not geometric else p
        assert_derivative(h, symbol, value, lambda t, h=h, symbol=symbol: h.subs(symbol, t))
    mixed = entropy(categorical(q, Rational(1, 7), Rational(6, 7) - q))
    if value < Rational(6, 7):
        assert_derivative(mixed, q, value, lambda t: mixed.subs(q, t))


@settings(max_examples=5, deadline=None)
@given(st.integers(2, 60))
def test_derivative_of_discrete_uniform(n_value):
    h = entropy(discrete_uniform("n"))
    (n,) = h.free_symbols
    x = Rational(n_value)
    assert_derivative(h, n, x, lambda t: h.subs(n, t))


@settings(max_examples=3, deadline=None)
@given(st.fractions(min_value=Fraction(1, 4), max_value=Fraction(6), max_denominator=12))
def test_derivative_of_the_poisson_entropy(x):
    # The values at x +- h come from the direct sum -sum P log P (evaluate), not from the formula.
    h = entropy(poisson(lam))
    assert_derivative(h, lam, rational(x), lambda t: poisson(t).evaluate(80))


@settings(max_examples=2, deadline=None)
@given(st.fractions(min_value=Fraction(1, 5), max_value=Fraction(4, 5), max_denominator=10))
def test_derivative_of_the_negative_binomial_entropy(x):
    h = entropy(negative_binomial(Rational(5, 2), p))
    assert_derivative(h, p, rational(x), lambda t: negative_binomial(Rational(5, 2), t).evaluate(80))
