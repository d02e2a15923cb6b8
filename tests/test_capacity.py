"""Tests of symentropy.measures.capacity: closed forms, certified enclosures and their properties.

Exact capacities are compared with closed forms typed here; certified
enclosures are checked against values computed independently in this file
(interval arithmetic in a private ``mpmath.iv`` context, or exact mutual
informations from the core measures).
"""

from __future__ import annotations

import itertools
import random
import time
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath.ctx_iv import MPIntervalContext
from sympy import E, Rational, Symbol, besselj, log, sqrt

from symentropy import uniform
from symentropy.kernel.numeric import evaluate
from symentropy.errors import InvalidBaseError, InvalidDigitsError, UndecidedError
from symentropy.measures.capacity import (
    CapacityInterval,
    capacity,
    capacity_achieving_input,
    certified_capacity,
)
from symentropy.models.channel import (
    Channel,
    additive_noise_channel,
    binary_erasure_channel,
    binary_symmetric_channel,
    cascade,
    channel_product,
    channel_sum,
    q_ary_symmetric_channel,
    z_channel,
)
from tests.support import assert_exact, rational_pmfs

p = Symbol("p")
alpha = Symbol("alpha")
half, third, quarter = Rational(1, 2), Rational(1, 3), Rational(1, 4)
MARGIN = Rational(1, 10**45)


def h(x: sympy.Expr) -> sympy.Expr:
    """The binary entropy function in bits, typed from its definition."""
    return -x * log(x, 2) - (1 - x) * log(1 - x, 2)


def value_of(expr: sympy.Expr) -> sympy.Float:
    return sympy.N(expr, 70)


def assert_at_most(small: sympy.Expr, large: sympy.Expr) -> None:
    """``small <= large``, decided with a 1e-45 margin, or exactly when they agree that far."""
    difference = value_of(large - small)
    if difference > MARGIN:
        return
    assert abs(difference) <= MARGIN, f"{small} > {large} (by {-difference})"
    assert_exact(sympy.expand_log(large, force=True), sympy.expand_log(small, force=True))


def bounds(c: sympy.Expr | CapacityInterval) -> tuple[sympy.Expr, sympy.Expr]:
    if isinstance(c, CapacityInterval):
        return c.lower, c.upper
    return c, c


def information_interval(rows, px, prec=300):
    """``I(p)`` in bits for a rational channel, in a private interval context (independent code)."""
    iv = MPIntervalContext()
    iv.prec = prec

    def num(x):
        x = Fraction(str(x))
        return iv.mpf(x.numerator) / iv.mpf(x.denominator)

    n = len(rows[0])
    q = [sum((Fraction(str(px[i])) * Fraction(str(rows[i][j])) for i in range(len(rows))), Fraction(0))
         for j in range(n)]
    total = iv.mpf(0)
    for i, row in enumerate(rows):
        for j, w in enumerate(row):
            if w != 0 and px[i] != 0:
                total += num(px[i]) * num(w) * (iv.log(num(w)) - iv.log(num(q[j])))
    return total / iv.log(iv.mpf(2))


def iv_low(x) -> Rational:
    return Rational(*mpmath.libmp.to_rational(x._mpi_[0]))


def iv_high(x) -> Rational:
    return Rational(*mpmath.libmp.to_rational(x._mpi_[1]))


def uniform_noise_channel() -> Channel:
    """Inputs -2..2, Y = X + Z with Z uniform on {-1, 0, 1} (uniform noise on [-1, 1], discretised)."""
    return additive_noise_channel({-1: third, 0: third, 1: third}, inputs=range(-2, 3))


# -- closed forms -------------------------------------------------------------------------------


def test_binary_symmetric_channel_symbolic():
    assert_exact(capacity(binary_symmetric_channel(p)), 1 - h(p))
    assert capacity_achieving_input(binary_symmetric_channel(p)).to_dict() == {0: half, 1: half}


def test_binary_erasure_channel_symbolic():
    assert capacity(binary_erasure_channel(alpha)) == 1 - alpha


def test_z_channel_symbolic():
    expected = log(1 + (1 - p) * p ** (p / (1 - p)), 2)
    assert capacity(z_channel(p)) == expected
    # P(X = 1) = p**(p/(1-p)) / (1 + (1-p) p**(p/(1-p))); compare the reciprocals
    # (p declared positive so that sympy may combine the powers)
    q = Symbol("q", positive=True)
    pi = capacity_achieving_input(z_channel(q))[1]
    expected_pi = q ** (q / (1 - q)) / (1 + (1 - q) * q ** (q / (1 - q)))
    difference = sympy.expand(sympy.powsimp(sympy.expand(1 / pi - 1 / expected_pi), force=True))
    assert sympy.simplify(difference) == 0


def test_z_channel_rational():
    assert capacity(z_channel(half)) == -2 + log(5) / log(2)
    assert capacity_achieving_input(z_channel(half)).to_dict() == {0: Rational(3, 5), 1: Rational(2, 5)}


def test_q_ary_symmetric_channel_symbolic():
    # C = log2 q - H(row) = log2 3 - h(p) - p
    c = capacity(q_ary_symmetric_channel(3, p))
    assert_exact(c, log(3, 2) - h(p) - p)


def test_erasure_output_is_factored_out():
    # a ternary erasure channel: C = (1 - alpha) log2 3
    w = Channel([[1 - alpha, 0, 0, alpha], [0, 1 - alpha, 0, alpha], [0, 0, 1 - alpha, alpha]])
    assert_exact(capacity(w), (1 - alpha) * log(3, 2))


def test_repeated_inputs_do_not_change_capacity():
    w = Channel([["3/4", "1/4"], ["1/4", "3/4"], ["3/4", "1/4"]])
    assert capacity(w) == capacity(binary_symmetric_channel(quarter))
    optimal = capacity_achieving_input(w)
    assert w.mutual_information(optimal) == capacity(w)


def test_zero_capacity():
    assert capacity(Channel([["1/3", "2/3"], ["1/3", "2/3"]])) == 0
    assert capacity(Channel([[1], [1], [1]])) == 0
    assert capacity(Channel([["1/2", "1/2"]])) == 0


def test_noiseless_channel():
    assert capacity(Channel([[1, 0, 0], [0, 1, 0], [0, 0, 1]])) == log(3) / log(2)


def test_sum_of_channels_rational():
    # 2**C = 2**C1 + 2**C2 with C1 = C2 = 1 - h(1/4): C = 2 - h(1/4)
    w = channel_sum(binary_symmetric_channel(quarter), binary_symmetric_channel(quarter))
    assert_exact(capacity(w), 2 - h(quarter))


def test_sum_of_channels_symbolic():
    c = capacity(channel_sum(binary_symmetric_channel(p), Channel([[1]])))
    assert_exact(c.subs(p, quarter), log(2 ** (1 - h(quarter)) + 1, 2))
    assert c == log(2 * p**p * (1 - p) ** (1 - p) + 1) / log(2)


def test_product_of_channels():
    w = channel_product(binary_symmetric_channel(quarter), binary_erasure_channel(third))
    assert_exact(capacity(w), 1 - h(quarter) + Rational(2, 3))
    plain = Channel(w.rows)  # the same matrix without its history
    assert w.structure[0] == "product" and plain.structure is None
    assert_exact(capacity(plain), 1 - h(quarter) + Rational(2, 3))


def test_product_of_symbolic_channels():
    c = capacity(channel_product(binary_symmetric_channel(p), binary_erasure_channel(alpha)))
    assert_exact(c, 1 - h(p) + 1 - alpha)


def test_inverse_matrix_method_on_a_square_channel():
    w = Channel([["2/3", "1/3", 0], [0, "2/3", "1/3"], ["1/4", 0, "3/4"]])
    c = capacity(w)
    assert not isinstance(c, CapacityInterval) and not c.has(sympy.Float)
    certified = certified_capacity(w, digits=40)
    assert c in certified
    optimal = capacity_achieving_input(w)
    assert abs(value_of(sum(optimal.probabilities) - 1)) < MARGIN
    for x in w.inputs:  # the exact optimum is where the certified numeric solution is
        assert abs(value_of(optimal[x] - certified.input[x])) < Rational(1, 10**20)


def test_unused_input_found_exactly():
    # input 1 is the average of inputs 0 and 2: unused, C = 2/3 bit with p = (1/2, 0, 1/2)
    w = Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]])
    assert capacity(w) == Rational(2, 3)
    assert capacity_achieving_input(w).to_dict() == {0: half, 1: 0, 2: half}


def test_irrational_entries():
    s = sqrt(2) / 2
    w = Channel([[s, 1 - s], [1 - s, s]])
    c = capacity(w)
    # 1 - h(s) with log(2 - sqrt(2)) = log(2) + log(1 - sqrt(2)/2)
    rewritten = c.subs(log(2 - sqrt(2)), log(2) + log(1 - s))
    assert sympy.simplify(sympy.expand(rewritten - (1 - h(1 - s)))) == 0
    assert c in certified_capacity(w, digits=30)


def test_bases():
    bits = capacity(binary_symmetric_channel(quarter))
    assert_exact(capacity(binary_symmetric_channel(quarter), base=E), bits * log(2))
    assert_exact(capacity(binary_symmetric_channel(quarter), base=10), bits * log(2) / log(10))


def test_symbolic_channel_without_closed_form():
    w = Channel([[p, 1 - p, 0], [0, p, 1 - p]])
    with pytest.raises(UndecidedError, match="symbols p"):
        capacity(w)
    with pytest.raises(UndecidedError):
        capacity_achieving_input(w)
    with pytest.raises(UndecidedError, match="substitute"):
        certified_capacity(binary_symmetric_channel(p))


# -- certified numeric capacities -----------------------------------------------------------------

NO_CLOSED_FORM = Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]])


def test_no_closed_form_gives_an_interval():
    c = capacity(NO_CLOSED_FORM, digits=25)
    assert isinstance(c, CapacityInterval)
    assert c.digits == 25 and c.base == 2
    assert 0 < c.width <= Rational(1, 10**25)
    assert isinstance(c.lower, sympy.Rational) and isinstance(c.upper, sympy.Rational)


def test_interval_is_a_certificate():
    c = certified_capacity(NO_CLOSED_FORM, digits=30)
    px = [c.input[x] for x in NO_CLOSED_FORM.inputs]
    information = information_interval(NO_CLOSED_FORM.rows, px)
    # the lower end is I(input), the upper end bounds every input's information
    assert c.lower <= iv_low(information) and iv_high(information) <= c.upper
    for a in range(0, 21):
        grid = information_interval(NO_CLOSED_FORM.rows, [Rational(a, 20), Rational(20 - a, 20)])
        assert iv_high(grid) <= c.upper


def test_certified_capacity_contains_closed_forms():
    assert log(5, 2) - 2 in certified_capacity(z_channel(half), digits=40)
    assert 1 - h(Rational(1, 10)) in certified_capacity(binary_symmetric_channel("1/10"), digits=40)
    assert log(3, 2) in certified_capacity(Channel([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), digits=40)


def test_slow_blahut_arimoto_channel_is_fast_and_exact():
    # Y = X + Z, X in {0, +-1, +-2}, Z uniform on {-1, 0, 1}.  The input 0 is
    # tied (its divergence equals C although it is unused), which makes plain
    # Blahut-Arimoto converge only sublinearly.  By hand: p = (1/3, 1/6, 0, 1/6, 1/3)
    # gives outputs (1/9, 1/6, 1/6, 1/9, 1/6, 1/6, 1/9), H(Y) = 2/3 + (4/3) log2 3,
    # H(Y|X) = log2 3, and every divergence is at most 2/3 + (1/3) log2 3.
    w = uniform_noise_channel()
    expected = Rational(2, 3) + log(3, 2) / 3
    start = time.perf_counter()
    c = certified_capacity(w, digits=40)
    assert time.perf_counter() - start < 20
    assert expected in c
    assert_exact(capacity(w), expected)
    sixth = Rational(1, 6)
    assert capacity_achieving_input(w).to_dict() == {-2: third, -1: sixth, 0: 0, 1: sixth, 2: third}


def test_random_ten_by_ten_channel():
    rng = random.Random(7)
    rows = []
    for _ in range(10):
        weights = [rng.randint(1, 100) for _ in range(10)]
        rows.append([Rational(v, sum(weights)) for v in weights])
    w = Channel(rows)
    c = certified_capacity(w, digits=30)
    assert c.width <= Rational(1, 10**30)
    information = information_interval(w.rows, [c.input[x] for x in w.inputs], prec=400)
    assert c.lower <= iv_low(information)


def test_certified_in_other_bases():
    bits = certified_capacity(NO_CLOSED_FORM, digits=30)
    nats = certified_capacity(NO_CLOSED_FORM, digits=30, base=E)
    assert nats.base == E
    assert nats.lower <= bits.upper * log(2).evalf(60) and bits.lower * log(2).evalf(60) <= nats.upper
    with pytest.raises(InvalidBaseError):
        certified_capacity(NO_CLOSED_FORM, base=Symbol("b", positive=True))


def test_interval_api():
    c = certified_capacity(NO_CLOSED_FORM, digits=20)
    assert c.tolerance == Rational(1, 10**20) and c.width <= c.tolerance
    assert c.lower <= c.midpoint <= c.upper
    assert isinstance(c.evalf(15), sympy.Float) and abs(c.evalf(15) - c.midpoint) < Rational(1, 10**14)
    assert float(c) == pytest.approx(float(c.midpoint))  # a float conversion, not an exact answer
    with pytest.raises(ValueError, match="only 20 digits are certified"):
        c.evalf(21)
    assert c.lower in c and c.upper in c and (c.upper + 1) not in c
    assert c == certified_capacity(NO_CLOSED_FORM, digits=20)
    assert repr(c).startswith("CapacityInterval(lower='0.1965971315992196231")
    assert str(c).startswith("[0.19659713159921962319")
    assert sympy.latex(sympy.sympify(0)) == "0" and sympy.latex(c).startswith(r"\left[0.1965")


def test_bad_arguments():
    with pytest.raises(TypeError):
        capacity([[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="digits"):
        capacity(NO_CLOSED_FORM, digits=0)
    with pytest.raises(ValueError, match="digits"):
        certified_capacity(NO_CLOSED_FORM, digits=True)
    for bad in (0, True, 2.5, 2001, "10"):
        with pytest.raises(InvalidDigitsError, match="from 1 to 2000"):
            certified_capacity(NO_CLOSED_FORM, digits=bad)
        with pytest.raises(InvalidDigitsError):
            capacity_achieving_input(NO_CLOSED_FORM, digits=bad)
    c = certified_capacity(NO_CLOSED_FORM, digits=10)
    for bad in (0, True, 2.5):
        with pytest.raises(InvalidDigitsError):
            c.evalf(bad)


def interval(lower: str, upper: str, digits: int) -> CapacityInterval:
    """A CapacityInterval with the given ends (as a certificate would print them)."""
    places = len(lower.partition(".")[2])
    return CapacityInterval(Rational(lower), Rational(upper), base=2, digits=digits,
                            input=uniform(2, name="X"), places=places)


def test_evalf_prints_only_certified_digits():
    # the two ends round differently to 6 digits: no digit is guessed (the midpoint
    # would print 0.0308100)
    c = interval("0.0308099", "0.0308101", 6)
    with pytest.raises(UndecidedError, match="round differently to 6 significant digits"):
        c.evalf(6)
    with pytest.raises(UndecidedError):
        evaluate(c, 6)
    assert c.evalf(4) == evaluate(c, 4) == sympy.Float("0.03081", 4)
    assert c.n(5) == sympy.Float("0.030810", 5)
    # a capacity that is not known to be nonzero has no significant digit
    with pytest.raises(UndecidedError):
        interval("0.0000000", "0.0000001", 6).evalf(1)


def test_evalf_is_evaluate():
    c = certified_capacity(NO_CLOSED_FORM, digits=20)
    for n in range(1, 25):
        try:
            expected = evaluate(c, n)
        except UndecidedError:
            with pytest.raises(UndecidedError):
                c.evalf(n)
        else:
            assert c.evalf(n) == expected and str(c.evalf(n)) == str(expected)
            # C ~ 0.2: the n-th significant digit is the n-th decimal, so the rounding is within 10**-n / 2
            assert abs(Rational(str(c.evalf(n))) - c.midpoint) <= Rational(1, 2 * 10**n) + c.width
    assert c.evalf(15) == sympy.Float("0.196597131599220", 15)


def test_membership_is_decided_exactly():
    two = log(8) / log(2) - 1  # 2, in a form sympy does not reduce
    assert two in interval("2.0", "2.1", 1) and two in interval("1.9", "2.0", 1)
    assert two not in interval("2.1", "2.2", 1)
    assert log(3, 2) in certified_capacity(Channel([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), digits=30)
    with pytest.raises(UndecidedError):
        Symbol("x") in interval("2.0", "2.1", 1)  # noqa: B015


def test_many_digits():
    # more than the range of a float: 10**-400 is 0.0 as a float
    c = certified_capacity(NO_CLOSED_FORM, digits=400)
    assert c.width <= Rational(1, 10**400)
    few = certified_capacity(NO_CLOSED_FORM, digits=30)
    assert few.lower <= c.lower <= c.upper <= few.upper


def test_irrational_bases():
    bits = certified_capacity(NO_CLOSED_FORM, digits=30)
    half_bits = certified_capacity(NO_CLOSED_FORM, digits=30, base=sqrt(2))  # log_sqrt2 = 2 log2
    assert half_bits.lower <= 2 * bits.upper and 2 * bits.lower <= half_bits.upper
    assert half_bits.width <= Rational(1, 10**30)
    negative = certified_capacity(NO_CLOSED_FORM, digits=30, base=Rational(1, 2))
    assert negative.lower == -bits.upper and negative.upper == -bits.lower
    with pytest.raises(InvalidBaseError, match="positive and not 1"):
        certified_capacity(NO_CLOSED_FORM, base=(1 + sqrt(2)) * (sqrt(2) - 1))


def test_entries_beyond_elementary_functions():
    # J0(1)/2 is certified through kernel.numeric.evaluate (sympy's evalf for Bessel functions)
    b = besselj(0, 1) / 2
    w = Channel([[b, 1 - b, 0], [0, third, 2 * third]])
    c = capacity(w, digits=25)
    assert isinstance(c, CapacityInterval) and c.width <= Rational(1, 10**25)
    information = sympy.N(w.mutual_information(list(c.input.probabilities)), 60)
    assert c.lower - Rational(1, 10**40) <= information <= c.upper


def test_global_precision_is_untouched():
    before = (mpmath.mp.prec, mpmath.iv.prec)
    certified_capacity(Channel([["1/3", "1/3", "1/3"], ["1/2", "1/4", "1/4"]]), digits=60)
    capacity(uniform_noise_channel())
    assert (mpmath.mp.prec, mpmath.iv.prec) == before


# -- properties --------------------------------------------------------------------------------------


@st.composite
def channels(draw, *, min_inputs=2, max_inputs=3, outputs=None):
    m = draw(st.integers(min_inputs, max_inputs))
    n = outputs if outputs is not None else draw(st.integers(2, 3))
    return Channel([draw(rational_pmfs(n, max_weight=4)) for _ in range(m)])


def grid(m: int, denominator: int):
    for counts in itertools.product(range(denominator + 1), repeat=m - 1):
        if sum(counts) <= denominator:
            rest = Rational(denominator - sum(counts), denominator)
            yield [Rational(c, denominator) for c in counts] + [rest]


@settings(max_examples=20, deadline=None)
@given(channels())
def test_capacity_is_the_maximum_of_the_information(w):
    c = capacity(w, digits=30)
    low, high = bounds(c)
    # no input on a grid does better ...
    for px in grid(len(w.inputs), 4):
        assert_at_most(w.mutual_information(px), high)
    # ... and the optimal input attains it (an irrational optimum is rounded to 80
    # digits: I is flat there, so I(rounded) is within 1e-60 of C)
    optimal = capacity_achieving_input(w)
    if isinstance(c, CapacityInterval):
        # (its denominators are large: evaluate I in interval arithmetic, not exactly)
        assert low <= iv_low(information_interval(w.rows, list(optimal.probabilities)))
    elif all(v.is_Rational for v in optimal.probabilities):
        assert_exact(w.mutual_information(optimal), c)
    else:
        rounded = [Rational(str(sympy.N(v, 80))) for v in optimal.probabilities]
        rounded = [v / sum(rounded) for v in rounded]
        attained = information_interval(w.rows, rounded)
        assert value_of(c - iv_low(attained)) <= MARGIN and value_of(iv_high(attained) - c) <= MARGIN
    # C <= log min(|X|, |Y|)
    assert_at_most(low, log(min(w.shape), 2))


@settings(max_examples=15, deadline=None)
@given(channels(outputs=3), channels(min_inputs=3, max_inputs=3))
def test_cascading_never_increases_capacity(first, second):
    joined = cascade(first, second)
    low, _ = bounds(capacity(joined, digits=30))
    for stage in (first, second):
        assert_at_most(low, bounds(capacity(stage, digits=30))[1])


@settings(max_examples=10, deadline=None)
@given(channels(max_inputs=2, outputs=2), channels(max_inputs=2, outputs=2))
def test_sums_and_products(first, second):
    c1, c2 = capacity(first), capacity(second)  # binary channels always have closed forms
    assert_at_most(capacity(channel_product(first, second)), c1 + c2)
    assert_at_most(c1 + c2, capacity(channel_product(first, second)))
    total = capacity(channel_sum(first, second))
    assert abs(value_of(2**total - 2**c1 - 2**c2)) <= MARGIN
