"""The binary entropy function h(p) as a sympy Function.

Expected values are typed from the definition ``h(p) = -p log2 p - (1 - p) log2(1 - p)``
(Cover & Thomas, *Elements of Information Theory*, 2nd ed., eq. 2.5) and from
its derivative ``h'(p) = log2((1 - p)/p)``; numerical checks use mpmath on the
definition, independently of the library.
"""

from __future__ import annotations

import pickle
import warnings
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import E, Float, Rational, S, Symbol, diff, latex, limit, log, series, solve, sqrt

from symentropy import DistributionError, InexactInputError, InvalidBaseError, entropy
from symentropy.kernel.binary_entropy import binary_entropy
from symentropy.kernel.xlogx import log_form, xlogx
from symentropy.models.families import bernoulli
from tests.support import assert_exact

p = Symbol("p", positive=True)
LOG2_3 = log(3) / log(2)


def mp_binary_entropy(x: mpmath.mpf) -> mpmath.mpf:
    """h(x) in bits by the definition, in mpmath."""
    return -(x * mpmath.log(x) + (1 - x) * mpmath.log(1 - x)) / mpmath.log(2)


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize("q", [Symbol("p"), Symbol("p", positive=True), Symbol("p", nonnegative=True)])
def test_zero_at_both_ends_also_after_subs(q):
    assert binary_entropy(0) == 0
    assert binary_entropy(1) == 0
    assert binary_entropy(q).subs(q, 0) == 0
    assert binary_entropy(q).subs(q, 1) == 0
    assert binary_entropy(q, E).subs(q, 0) == 0
    assert (binary_entropy(q) / (q + 1)).subs(q, 1) == 0


def test_one_bit_at_one_half():
    # Cover & Thomas 2nd ed., Example 2.1.1: H(X) = 1 bit when p = 1/2.
    assert binary_entropy(S.Half) == 1
    assert binary_entropy(S.Half, E) == log(2)
    assert binary_entropy(S.Half, base=4) == S.Half


@pytest.mark.parametrize(
    "value, expected",
    [
        # -(1/4) log2(1/4) - (3/4) log2(3/4) = 1/2 + 3/2 - (3/4) log2 3
        pytest.param(Rational(1, 4), 2 - Rational(3, 4) * LOG2_3, id="h(1/4)"),
        # -(1/3) log2(1/3) - (2/3) log2(2/3) = log2 3 - 2/3
        pytest.param(Rational(1, 3), LOG2_3 - Rational(2, 3), id="h(1/3)"),
        pytest.param(Rational(3, 4), 2 - Rational(3, 4) * LOG2_3, id="h(3/4)=h(1/4)"),
    ],
)
def test_rational_values_are_canonical(value, expected):
    result = binary_entropy(value)
    assert_exact(result, expected)
    assert result == entropy(bernoulli(value))  # the same canonical form as the measures


def test_symbolic_argument_stays_unevaluated():
    assert binary_entropy(p).func is binary_entropy
    assert binary_entropy(sqrt(2) / 2).func is binary_entropy


def test_base_two_is_not_stored():
    assert binary_entropy(p, 2) == binary_entropy(p)
    assert binary_entropy(p, base=2).args == (p,)
    assert binary_entropy(p, E).args == (p, E)
    assert binary_entropy(p, E).base == E and binary_entropy(p).base == 2


def test_inputs_are_checked():
    with pytest.raises(InexactInputError):
        binary_entropy(0.25)
    with pytest.raises(InvalidBaseError):
        binary_entropy(p, 1)
    assert binary_entropy("1/4") == binary_entropy(Rational(1, 4))


def test_sympy_floats_evaluate():
    value = binary_entropy(Float("0.25", 30))
    assert isinstance(value, Float)
    assert abs(value - Float("0.811278124459132864", 30)) < Float("1e-17")


# --- rewriting and the measures ----------------------------------------------------------------


def test_rewrite_to_logs_is_the_entropy_of_a_coin():
    q = Symbol("q", nonnegative=True)
    assert binary_entropy(q).rewrite(log) == log_form(entropy(bernoulli(q)))
    assert binary_entropy(q, E).rewrite(log) == -q * log(q) - (1 - q) * log(1 - q)
    assert sympy.expand_func(binary_entropy(q)) == entropy(bernoulli(q))
    assert binary_entropy(q).rewrite(xlogx) == entropy(bernoulli(q))


def test_rewrite_piecewise_is_zero_at_the_ends():
    form = binary_entropy(p).rewrite(sympy.Piecewise)
    assert isinstance(form, sympy.Piecewise)
    assert form.subs(p, 0) == 0 and form.subs(p, 1) == 0


# --- calculus ---------------------------------------------------------------------------------


def test_derivative_is_log_of_odds():
    derivative = diff(binary_entropy(p), p)
    assert_exact(derivative, log((1 - p) / p) / log(2))  # typed: h'(p) = log2((1 - p)/p)
    assert diff(binary_entropy(p, E), p) == log(1 - p) - log(p)


def test_derivative_with_respect_to_the_base():
    b = Symbol("b", positive=True)
    # h_b(p) = h_e(p)/log b, so d/db h_b(p) = -h_e(p)/(b log(b)^2)
    expected = -binary_entropy(p, E) / (b * log(b) ** 2)
    difference = diff(binary_entropy(p, b), b).rewrite(log) - expected.rewrite(log)
    assert sympy.simplify(difference) == 0


def test_maximum_is_one_bit_at_one_half():
    # Cover & Thomas 2nd ed., Example 2.1.1 and Figure 2.1: H(p) is concave,
    # maximal at p = 1/2, where it is 1 bit.
    critical = solve(diff(binary_entropy(p), p), p)
    assert critical == [S.Half]
    assert binary_entropy(critical[0]) == 1
    second = diff(binary_entropy(p), p, 2)
    assert_exact(sympy.simplify(second - (-1 / (p * (1 - p) * log(2)))), S.Zero)


def test_limits_at_the_ends_of_the_domain():
    assert limit(binary_entropy(p), p, 0) == 0
    assert limit(binary_entropy(p), p, 1) == 0
    assert limit(binary_entropy(p) / p, p, 1) == 0
    assert limit(binary_entropy(p) / p, p, 0) == sympy.oo


def test_series_at_one_half():
    # h(1/2 + x) = 1 + h''(1/2) x^2/2 + ..., with h''(1/2) = -4/log 2
    expansion = series(binary_entropy(p), p, S.Half, 3).removeO()
    expected = 1 - 2 * (p - S.Half) ** 2 / log(2)
    assert sympy.expand(expansion - expected) == 0


def test_series_at_zero():
    # -p log p - (1 - p) log(1 - p) = -p log p + p - p^2/2 + O(p^3), in nats
    expansion = series(binary_entropy(p, E), p, 0, 3).removeO()
    assert sympy.expand(expansion - (-p * log(p) + p - p**2 / 2)) == 0


def test_solve_with_a_linear_term():
    # d/dp (2 h(p) - p) = 2 log2((1-p)/p) - 1 = 0  <=>  (1 - p)/p = sqrt(2)
    assert solve(diff(2 * binary_entropy(p) - p, p), p) == [sqrt(2) - 1]


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [Rational(1, 10), sqrt(2) / 2, Rational(999, 1000), 1 / sympy.pi])
def test_evalf_to_fifty_digits(value):
    with mpmath.workdps(70):
        x = mpmath.mpf(sympy.N(value, 70))
        reference = mp_binary_entropy(x)
        result = mpmath.mpf(binary_entropy(value).evalf(50))
        assert abs(result - reference) <= mpmath.mpf(10) ** -49 * abs(reference)


def test_lambdify_is_zero_at_the_ends():
    for module in ("math", "mpmath"):
        f = sympy.lambdify(p, binary_entropy(p), module)
        assert f(0) == 0 and f(1) == 0
        assert abs(f(Fraction(1, 2)) - 1) < 1e-15
    numpy = pytest.importorskip("numpy")
    f = sympy.lambdify(p, binary_entropy(p), "numpy")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy evaluates both branches
        values = f(numpy.array([0.0, 0.5, 1.0]))
    assert values.tolist() == [0.0, 1.0, 0.0]


# --- printing and pickling -----------------------------------------------------------------------


def test_latex():
    assert latex(binary_entropy(p)) == r"h\left(p\right)"
    assert latex(binary_entropy(p, E)) == r"h_{e}\left(p\right)"
    assert latex(binary_entropy(p) ** 2) == r"h^{2}\left(p\right)"
    assert latex(binary_entropy(p, 10) / p) == r"\frac{h_{10}\left(p\right)}{p}"


def test_rebuilds_and_pickles():
    for e in (binary_entropy(p), binary_entropy(p, E)):
        assert e.func(*e.args) == e
        assert pickle.loads(pickle.dumps(e)) == e
        assert sympy.sympify(str(e), locals={"binary_entropy": binary_entropy, "p": p}) == e


# --- assumptions --------------------------------------------------------------------------------


def test_sign_and_reality():
    inside = sqrt(2) / 2
    assert binary_entropy(inside).is_positive is True
    assert binary_entropy(inside).is_real is True
    assert binary_entropy(inside, Rational(1, 2)).is_negative is True  # base 1/2: log(1/2) < 0
    assert binary_entropy(0).is_zero
    with pytest.raises(DistributionError, match="needs 0 <= p <= 1"):
        binary_entropy(2)  # a number outside [0, 1] is refused, as bernoulli(2) is
    assert binary_entropy(p).is_nonnegative is None  # p <= 1 is unknown


# --- property: derivatives against finite differences ----------------------------------------------


def central_difference(f, x: sympy.Rational, step: sympy.Rational, digits: int = 80) -> mpmath.mpf:
    """``(f(x + step) - f(x - step))/(2 step)`` with both values evaluated to ``digits`` digits."""
    with mpmath.workdps(digits):
        high = mpmath.mpf(sympy.N(f(x + step), digits))
        low = mpmath.mpf(sympy.N(f(x - step), digits))
        return (high - low) / (2 * mpmath.mpf(sympy.N(step, digits)))


interior = st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(999, 1000), max_denominator=1000)


@settings(max_examples=15, deadline=None)
@given(interior, st.sampled_from([S(2), E, S(10)]))
def test_derivative_agrees_with_central_difference(x, base):
    value = Rational(x.numerator, x.denominator)
    step = Rational(1, 10**30)
    derivative = diff(binary_entropy(p, base), p).subs(p, value)
    estimate = central_difference(lambda t: binary_entropy(t, base), value, step)
    with mpmath.workdps(80):
        assert abs(mpmath.mpf(sympy.N(derivative, 50)) - estimate) <= mpmath.mpf(10) ** -40 * max(
            1, abs(estimate)
        )


def test_an_argument_outside_the_unit_interval_is_refused_like_bernoulli():
    with pytest.raises(DistributionError, match="needs 0 <= p <= 1, got p = 3/2"):
        binary_entropy("3/2")
    with pytest.raises(DistributionError, match="got p = -1/2"):
        binary_entropy(Rational(-1, 2))
