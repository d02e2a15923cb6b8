"""Tests of symentropy.measures.divergences.

Textbook cases cite T. M. Cover and J. A. Thomas, *Elements of Information
Theory*, 2nd ed., Wiley, 2006 ("C&T").  Expected values are typed from the
book's answer or derived by hand from the definitions (said so in the
comment), never computed by symentropy.
"""

from __future__ import annotations

import itertools

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import E, Rational, Symbol, log, oo, sqrt

from symentropy import (
    Distribution,
    DistributionError,
    InexactInputError,
    UndecidedError,
    UnknownVariableError,
    ZeroProbabilityError,
    entropy,
    independent,
    mutual_information,
    normal,
)
from symentropy.kernel.numeric import evaluate
from symentropy.kernel.xlogx import log_form
from symentropy.measures.differential import continuous_kl_divergence
from symentropy.measures.divergences import (
    cross_entropy,
    hellinger_distance,
    jensen_shannon_divergence,
    kl_divergence,
    renyi_divergence,
    total_variation_distance,
)
from tests.support import assert_exact, rational_pmfs
from tests.test_series import TINY

LOG2_3 = log(3) / log(2)


def assert_nonnegative(value: sympy.Expr) -> None:
    """``value >= 0``: exactly 0, or positive by a clear margin at 50 digits."""
    if value == 0:
        return
    assert sympy.N(value, 50) > sympy.Float("1e-30", 50), f"{value} is not positive"


def assert_nondecreasing(low: sympy.Expr, high: sympy.Expr) -> None:
    """``low <= high``: a clear margin at 50 digits, or else an exact proof of equality.

    Fractional orders give logarithms of algebraic numbers, which are not
    canonical, so a zero difference need not be structurally ``0``.
    """
    difference = high - low
    if difference == 0:
        return
    if sympy.N(difference, 50) > sympy.Float("1e-30", 50):
        return
    assert_exact(high, low)


def pmf(*probs: str, name: str = "X") -> Distribution:
    return Distribution.from_pmf(list(probs), name=name)


@st.composite
def pairs(draw, *, full_support_q: bool = True, max_size: int = 4):
    """Two exact distributions of one variable on the same outcomes."""
    n = draw(st.integers(2, max_size))
    p = draw(rational_pmfs(n))
    q = draw(rational_pmfs(n, allow_zero=not full_support_q))
    return Distribution.from_pmf(p), Distribution.from_pmf(q)


@st.composite
def joint_pairs(draw):
    """Two exact distributions of (X, Y) on 2 x 2 or 2 x 3 outcomes, q of full support."""
    cols = draw(st.integers(2, 3))
    outcomes = list(itertools.product(range(2), range(cols)))
    p = draw(rational_pmfs(len(outcomes)))
    q = draw(rational_pmfs(len(outcomes), allow_zero=False))
    names = ("X", "Y")
    return (
        Distribution(dict(zip(outcomes, p)), names=names),
        Distribution(dict(zip(outcomes, q)), names=names),
    )


# --- Kullback-Leibler divergence ----------------------------------------------------------

# C&T Example 2.3.1: p = (1 - r, r), q = (1 - s, s) on {0, 1}; with r = 1/2, s = 1/4.
P_231 = pmf("1/2", "1/2")
Q_231 = pmf("3/4", "1/4")


def test_cover_thomas_example_2_3_1():
    # The book: D(p||q) = 1 - (1/2) log 3 = 0.2075 bit and D(q||p) = (3/4) log 3 - 1 = 0.1887 bit.
    d_pq, d_qp = kl_divergence(P_231, Q_231), kl_divergence(Q_231, P_231)
    assert d_pq == 1 - LOG2_3 / 2
    assert d_qp == Rational(3, 4) * LOG2_3 - 1
    assert abs(sympy.N(d_pq, 20) - sympy.Float("0.2075")) < 5e-5
    assert abs(sympy.N(d_qp, 20) - sympy.Float("0.1887")) < 5e-5
    # ... and D(p||q) != D(q||p) in general (the point of the example).
    assert d_pq != d_qp


def test_cover_thomas_example_2_3_1_symbolic():
    # The book's closed form: D(p||q) = (1 - r) log((1 - r)/(1 - s)) + r log(r/s).
    r, s = sympy.symbols("r s", positive=True)
    value = kl_divergence(Distribution.from_pmf([1 - r, r]), Distribution.from_pmf([1 - s, s]), base=E)
    expected = (1 - r) * log((1 - r) / (1 - s)) + r * log(r / s)
    assert sympy.expand(sympy.expand_log(log_form(value - expected), force=True)) == 0
    assert kl_divergence(Distribution.from_pmf([1 - r, r]), Distribution.from_pmf([1 - r, r])) == 0


def test_infinite_divergence_is_exactly_oo():
    # p gives 1/2 to outcome 1, where q gives 0: D(p||q) = oo (C&T's convention p log(p/0) = oo).
    assert kl_divergence(P_231, pmf(1, 0)) is oo
    assert cross_entropy(P_231, pmf(1, 0)) is oo
    # The other way round is finite: D((1, 0) || (1/2, 1/2)) = log 2 = 1 bit (0 log 0 = 0).
    assert kl_divergence(pmf(1, 0), P_231) == 1
    # An outcome missing from q has probability 0 there.
    p = Distribution.from_dict({"a": "1/2", "b": "1/2"})
    assert kl_divergence(p, Distribution.from_dict({"a": 1})) is oo
    assert kl_divergence(Distribution.from_dict({"a": 1}), p) == 1


def test_symbolic_cell_opposite_a_zero_is_undecided():
    t = Symbol("t", nonnegative=True)
    p = Distribution.from_pmf([1 - t, t])
    with pytest.raises(UndecidedError, match="where p is t"):
        kl_divergence(p, pmf(1, 0))
    # A cell known to be positive opposite a zero: infinite.
    u = Symbol("u", positive=True)
    assert kl_divergence(Distribution.from_pmf([1 - u, u]), pmf(1, 0)) is oo


def test_names_restrict_and_order_does_not_matter():
    p = independent(pmf("1/2", "1/2"), pmf("1/3", "2/3", name="Y"))
    q = independent(pmf("3/4", "1/4"), pmf("1/3", "2/3", name="Y"))
    # Same Y marginals: by hand D_Y = 0, and the X part is C&T Example 2.3.1.
    assert kl_divergence(p, q, "Y") == 0
    assert kl_divergence(p, q, "X") == 1 - LOG2_3 / 2
    assert kl_divergence(p, q) == 1 - LOG2_3 / 2
    # q with its variables in the other order.
    swapped = Distribution({(y, x): v for (x, y), v in q.items()}, names=("Y", "X"))
    assert kl_divergence(p, swapped) == 1 - LOG2_3 / 2


def test_conditional_divergence_by_hand():
    # p uniform on 2 x 2; q(x=0, .) = (1/8, 3/8), q(x=1, .) = (1/4, 1/4), so q(x) = p(x) = 1/2.
    p = Distribution.from_table([["1/4", "1/4"], ["1/4", "1/4"]], names=("X", "Y"))
    q = Distribution.from_table([["1/8", "3/8"], ["1/4", "1/4"]], names=("X", "Y"))
    # By hand: D(p(y|x)||q(y|x)|p(x)) = 1/2 D((1/2,1/2)||(1/4,3/4)) + 1/2 * 0 = 1/2 - log2(3)/4.
    assert kl_divergence(p, q, given="X") == Rational(1, 2) - LOG2_3 / 4
    assert kl_divergence(p, q, "Y", given="X") == Rational(1, 2) - LOG2_3 / 4
    # q(x = 1) = 0 where p(x = 1) > 0: q(y | x = 1) is undefined.
    q0 = Distribution.from_table([["1/2", "1/2"], [0, 0]], names=("X", "Y"))
    with pytest.raises(ZeroProbabilityError, match="q gives probability 0 to X=1"):
        kl_divergence(p, q0, given="X")
    # The other way: p(x = 1) = 0 and p(y|x=0) = q(y|x=0), so the conditional divergence is 0.
    assert kl_divergence(q0, p, given="X") == 0


@settings(max_examples=40, deadline=None)
@given(pairs(full_support_q=True))
def test_kl_nonnegative_zero_iff_equal(pq):
    # Information inequality, C&T Theorem 2.6.3: D(p||q) >= 0 with equality iff p = q.
    p, q = pq
    value = kl_divergence(p, q)
    if p == q:
        assert value == 0
    else:
        assert value != 0
        assert_nonnegative(value)
    assert kl_divergence(p, p) == 0
    # H(p, q) = H(p) + D(p||q).
    assert_exact(cross_entropy(p, q), entropy(p) + value)
    # Pinsker's inequality (C&T Lemma 11.6.1): D(p||q) >= 2 V(p, q)**2 in nats.
    assert_nonnegative(kl_divergence(p, q, base=E) - 2 * total_variation_distance(p, q) ** 2)


@settings(max_examples=30, deadline=None)
@given(joint_pairs())
def test_chain_rule(pq):
    # C&T Theorem 2.5.3: D(p(x,y)||q(x,y)) = D(p(x)||q(x)) + D(p(y|x)||q(y|x)).
    p, q = pq
    assert_exact(kl_divergence(p, q), kl_divergence(p, q, "X") + kl_divergence(p, q, given="X"))
    assert_exact(cross_entropy(p, q, given="X"), entropy(p, "Y", given="X") + kl_divergence(p, q, given="X"))
    # Mutual information is the divergence from the product of the marginals (C&T eq. 2.29).
    product = independent(p.marginal("X"), p.marginal("Y"))
    assert kl_divergence(p, product) == mutual_information(p, "X", "Y")


# --- Jensen-Shannon divergence ------------------------------------------------------------


def test_jsd_values():
    # Disjoint supports: JSD = H(1/2, 1/2) = 1 bit, its largest value (Lin 1991).
    assert jensen_shannon_divergence(pmf(1, 0), pmf(0, 1)) == 1
    assert jensen_shannon_divergence(P_231, P_231) == 0
    # By hand: mixture of (1, 0) and (0, 1) with weights (1/3, 2/3) is (1/3, 2/3): H = log2(3) - 2/3.
    assert jensen_shannon_divergence(pmf(1, 0), pmf(0, 1), weights=["1/3", "2/3"]) == LOG2_3 - Rational(2, 3)
    # Three disjoint point masses, uniform weights: log2(3) bits.
    masses = [Distribution.from_dict({k: 1}) for k in "abc"]
    assert jensen_shannon_divergence(*masses) == LOG2_3
    # Symbolic weights: for disjoint supports the JSD is the binary entropy of the weights.
    w = Symbol("w", positive=True)
    assert_exact(
        jensen_shannon_divergence(pmf(1, 0), pmf(0, 1), weights=[w, 1 - w], base=E),
        -w * log(w) - (1 - w) * log(1 - w),
    )


@settings(max_examples=30, deadline=None)
@given(pairs(full_support_q=False), st.integers(0, 4))
def test_jsd_is_mutual_information_with_the_index(pq, k):
    p, q = pq
    w = Rational(k, 4)
    value = jensen_shannon_divergence(p, q, weights=[w, 1 - w])
    # JSD_w(p, q) = I(X; M) with M ~ (w, 1 - w) and X | M=i ~ p_i.
    table = {(0, o[0]): w * v for o, v in p.items()}
    table.update({(1, o[0]): (1 - w) * v for o, v in q.items()})
    joint = Distribution(table, names=("M", "X"))
    assert value == mutual_information(joint, "M", "X")
    # ... and the weighted mean of divergences to the mixture.
    mixture = Distribution({o[0]: w * p[o] + (1 - w) * q[o] for o in p.outcomes}, name="X")
    mean = sympy.Integer(0)
    for weight, d in ((w, p), (1 - w, q)):
        if weight != 0:
            mean += weight * kl_divergence(d, mixture)
    assert_exact(value, mean)
    assert_nonnegative(value)
    assert_nonnegative(1 - value)


def test_jsd_errors():
    with pytest.raises(DistributionError, match="weights sum to 3/4, not 1"):
        jensen_shannon_divergence(P_231, Q_231, weights=["1/4", "1/2"])
    with pytest.raises(DistributionError, match="weight 1 is -1/2"):
        jensen_shannon_divergence(P_231, Q_231, weights=["3/2", "-1/2"])
    with pytest.raises(DistributionError, match="3 weights for 2 distributions"):
        jensen_shannon_divergence(P_231, Q_231, weights=["1/3", "1/3", "1/3"])
    with pytest.raises(InexactInputError, match=r"0\.5 \(weight 0\) is a float"):
        jensen_shannon_divergence(P_231, Q_231, weights=[0.5, 0.5])
    with pytest.raises(DistributionError, match="needs at least two distributions, got 1"):
        jensen_shannon_divergence(P_231)
    with pytest.raises(DistributionError, match="distribution 0 has X but distribution 1 has Y"):
        jensen_shannon_divergence(P_231, pmf("1/2", "1/2", name="Y"))
    with pytest.raises(TypeError, match="argument 1 is a list"):
        jensen_shannon_divergence(P_231, [1, 0])


def test_weights_and_orders_are_decided_exactly():
    # The weights sum to 1 exactly, though not as written; orders just above 1, or exactly 1.
    half = Rational(1, 2) + log(6) - log(2) - log(3)
    value = jensen_shannon_divergence(pmf(1, 0), pmf(0, 1), weights=[half, Rational(1, 2)])
    assert evaluate(value, 30) == sympy.Float(1, 30)  # the binary entropy of (1/2, 1/2), not simplified
    with pytest.raises(DistributionError, match="weights sum to"):
        jensen_shannon_divergence(pmf(1, 0), pmf(0, 1), weights=[Rational(1, 2) + TINY, Rational(1, 2)])
    a, b = Symbol("a", nonnegative=True), Symbol("b", nonnegative=True)
    with pytest.raises(DistributionError, match="which is not 1 for every value of a, b"):
        jensen_shannon_divergence(pmf(1, 0), pmf(0, 1), weights=[a, b])
    p, q = pmf("1/2", "1/2"), pmf(1, 0)
    assert renyi_divergence(p, q, 1 + TINY) is oo
    assert renyi_divergence(p, q, 1 + log(6) - log(2) - log(3)) is oo  # alpha = 1 exactly: D_1 = KL
    with pytest.raises(DistributionError, match="must be nonnegative"):
        renyi_divergence(p, q, -TINY)


# --- Renyi divergence ---------------------------------------------------------------------


def test_renyi_divergence_orders():
    # By hand for C&T Example 2.3.1's pair: sum p**2/q = (1/4)/(3/4) + (1/4)/(1/4) = 4/3, so D_2 = log2(4/3).
    assert renyi_divergence(P_231, Q_231, 2) == 2 - LOG2_3
    # D_oo = log max p/q = log2(2) = 1; D_0 = -log q(supp p) = 0; D_1 is the KL divergence.
    assert renyi_divergence(P_231, Q_231, oo) == 1
    assert renyi_divergence(P_231, Q_231, "oo") == 1
    assert renyi_divergence(P_231, Q_231, 0) == 0
    assert renyi_divergence(P_231, Q_231, 1) == kl_divergence(P_231, Q_231)
    # D_0 with a smaller support: p = (1/2, 1/2, 0), q = (1/4, 1/4, 1/2): -log2(1/2) = 1.
    assert renyi_divergence(pmf("1/2", "1/2", 0), pmf("1/4", "1/4", "1/2"), 0) == 1


def test_renyi_divergence_support_mismatch():
    p, q = pmf("1/2", "1/2"), pmf(1, 0)
    # q misses part of supp p: infinite for alpha >= 1, finite below.
    assert renyi_divergence(p, q, 2) is oo
    assert renyi_divergence(p, q, oo) is oo
    # alpha = 1/2: by hand sum p**(1/2) q**(1/2) = sqrt(1/2), D = -2 log2 sqrt(1/2) = 1.
    assert renyi_divergence(p, q, Rational(1, 2)) == 1
    assert renyi_divergence(pmf(1, 0), pmf(0, 1), Rational(1, 2)) is oo
    assert renyi_divergence(pmf(1, 0), pmf(0, 1), 0) is oo
    a = Symbol("a", positive=True)
    with pytest.raises(UndecidedError, match="alpha = a is not decided"):
        renyi_divergence(p, q, a)
    # With alpha = 1 - c known to be below 1, the term with q = 0 drops out. By hand:
    # sum = (1/2)**(1 - c) * 1**c, so D = (1 - c) log(1/2) / (-c) = (1 - c) log(2) / c nats.
    c = Symbol("c", positive=True)
    value = renyi_divergence(p, q, 1 - c, base=E)
    assert sympy.simplify(sympy.expand_log(value - (1 - c) * log(2) / c, force=True)) == 0


def test_renyi_divergence_limit_is_kl():
    a = Symbol("a", positive=True)
    p, q = pmf("1/2", "1/3", "1/6"), pmf("1/4", "1/4", "1/2")
    general = renyi_divergence(p, q, a)
    assert_exact(sympy.limit(general, a, 1), kl_divergence(p, q))
    assert_exact(general.subs(a, 2), renyi_divergence(p, q, 2))


def test_renyi_divergence_half_is_hellinger():
    # D_{1/2} = -2 log(1 - H**2) with H the Hellinger distance; exp(-D/2) = 1 - H**2 is algebraic,
    # and its equality is proved by a minimal polynomial.
    p, q = pmf("1/2", "1/3", "1/6"), pmf("1/4", "1/4", "1/2")
    d_half = renyi_divergence(p, q, Rational(1, 2), base=E)
    h = hellinger_distance(p, q)
    x = Symbol("x")
    assert sympy.minimal_polynomial(sympy.expand(sympy.exp(-d_half / 2)) - (1 - h**2), x) == x


@settings(max_examples=30, deadline=None)
@given(pairs(full_support_q=True, max_size=3))
def test_renyi_divergence_nondecreasing_in_alpha(pq):
    # van Erven and Harremoes (2014), Theorem 3: D_alpha is nondecreasing in alpha.
    p, q = pq
    # Integer orders 2 <= a < b, compared exactly: D_a <= D_b iff S_a**(b-1) <= S_b**(a-1),
    # with S_a = sum p**a q**(1-a), D_a = log2(S_a)/(a - 1).
    sums = {}
    for a in (2, 3, 4):
        sums[a] = sympy.Add(*(p[o] ** a * q[o] ** (1 - a) for o in p.outcomes if p[o] != 0))
        assert_exact(renyi_divergence(p, q, a), log(sums[a]) / ((a - 1) * log(2)))
    for a, b in ((2, 3), (3, 4), (2, 4)):
        assert sums[a] ** (b - 1) <= sums[b] ** (a - 1)
    # The whole chain, including the limit orders, from the library's canonical results.
    orders = [0, Rational(1, 2), 1, 2, 3, oo]
    values = [renyi_divergence(p, q, a) for a in orders]
    for low, high in zip(values, values[1:]):
        assert_nondecreasing(low, high)


# --- distances ----------------------------------------------------------------------------


def test_distances_by_hand():
    # V = (|1/2 - 3/4| + |1/2 - 1/4|)/2 = 1/4.
    assert total_variation_distance(P_231, Q_231) == Rational(1, 4)
    assert total_variation_distance(pmf(1, 0), pmf(0, 1)) == 1
    assert total_variation_distance(P_231, P_231) == 0
    # Missing outcomes count as 0: V({a: 1}, {b: 1}) = 1.
    assert total_variation_distance(Distribution.from_dict({"a": 1}), Distribution.from_dict({"b": 1})) == 1
    # H**2 = 1 - (sqrt(1/16) + sqrt(7/16)) = 3/4 - sqrt(7)/4 for (1/2, 1/2) and (1/8, 7/8).
    assert hellinger_distance(P_231, pmf("1/8", "7/8")) == sqrt(Rational(3, 4) - sqrt(7) / 4)
    assert hellinger_distance(pmf(1, 0), pmf(0, 1)) == 1
    assert hellinger_distance(P_231, P_231) == 0
    t = Symbol("t", positive=True)
    assert total_variation_distance(pmf(1, 0), Distribution.from_pmf([1 - t, t])) == sympy.Abs(t)


@settings(max_examples=30, deadline=None)
@given(pairs(full_support_q=False, max_size=3))
def test_distance_properties(pq):
    p, q = pq
    v, h = total_variation_distance(p, q), hellinger_distance(p, q)
    assert isinstance(v, sympy.Rational)
    # V is the largest difference of probabilities of an event (checked over all events).
    outcomes = p.outcomes
    largest = max(
        abs(sympy.Add(*(p[o] - q[o] for o in event)))
        for k in range(len(outcomes) + 1)
        for event in itertools.combinations(outcomes, k)
    )
    assert v == largest
    assert total_variation_distance(q, p) == v
    # H**2 <= V <= sqrt(2) H (Le Cam's inequalities); H is in [0, 1].
    assert_nonnegative(v - h**2)
    assert_nonnegative(sqrt(2) * h - v)
    assert_nonnegative(1 - h)
    assert (v == 0) == (p == q) == (h == 0)


# --- errors and dispatch ------------------------------------------------------------------


def test_errors():
    pxy = independent(P_231, pmf("1/2", "1/2", name="Y"))
    with pytest.raises(DistributionError, match="same variables; p has X, Y but q has X"):
        kl_divergence(pxy, Q_231)
    with pytest.raises(DistributionError, match="same variables"):
        total_variation_distance(P_231, pmf("1/2", "1/2", name="Y"))
    with pytest.raises(UnknownVariableError, match="unknown variable 'Z'"):
        kl_divergence(pxy, pxy, "Z")
    with pytest.raises(UnknownVariableError, match="unknown variable 'Y'"):
        hellinger_distance(pxy, independent(P_231, pmf("1/2", "1/2", name="W")), "Y")
    with pytest.raises(UnknownVariableError, match="unknown variable 'W'"):
        kl_divergence(pxy, pxy, given="W")
    with pytest.raises(DistributionError, match="nothing is left"):
        kl_divergence(pxy, pxy, given=("X", "Y"))
    with pytest.raises(UnknownVariableError, match="unknown variable 'Y'"):
        kl_divergence(pxy.marginal("X"), pxy.marginal("X"), given="Y")
    with pytest.raises(TypeError, match="q is a dict"):
        kl_divergence(P_231, {0: 1})
    with pytest.raises(DistributionError, match="the order alpha must be nonnegative, got -1"):
        renyi_divergence(P_231, Q_231, -1)
    with pytest.raises(InexactInputError, match="is a float"):
        renyi_divergence(P_231, Q_231, 0.5)
    with pytest.raises(InexactInputError, match="float"):
        kl_divergence(P_231, Q_231, base=2.0)
    with pytest.raises(TypeError, match="unexpected keyword argument 'base'"):
        total_variation_distance(P_231, Q_231, base=2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'weight'"):
        jensen_shannon_divergence(P_231, Q_231, weight=None)


def test_kl_divergence_of_non_distributions():
    p, q = normal(0, 1), normal(0, 2)
    assert kl_divergence(p, q, base=E) == continuous_kl_divergence(p, q, base=E)
    assert kl_divergence(p, q) == continuous_kl_divergence(p, q, base=2)
    with pytest.raises(TypeError, match="no variable names and no given"):
        kl_divergence(p, q, "X")


def test_kl_divergence_of_something_else():
    with pytest.raises(TypeError, match="compares two Distribution objects; p is a list"):
        kl_divergence([1, 0], P_231)
