"""Tests of symentropy.measures.generalized: Rényi and Tsallis entropies, VI, normalised MI.

Textbook tables cite T. M. Cover and J. A. Thomas, *Elements of Information
Theory*, 2nd ed., Wiley, 2006 ("C&T").  Values of the generalised entropies
are derived by hand from the definitions (the derivation is in the comment),
never computed by symentropy.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import E, I, Integer, Rational, Symbol, log, oo, sqrt

from symentropy import (
    Distribution,
    DistributionError,
    InexactInputError,
    UnknownVariableError,
    entropy,
    independent,
    mutual_information,
    uniform,
)
from symentropy.kernel.numeric import evaluate, sign
from symentropy.measures.generalized import (
    NMI_VARIANTS,
    normalized_mutual_information,
    renyi_entropy,
    tsallis_entropy,
    variation_of_information,
)
from tests.support import assert_exact, joint_distributions, rational_pmfs

LOG2 = lambda x: log(x) / log(2)  # noqa: E731


def assert_nondecreasing(low: sympy.Expr, high: sympy.Expr) -> None:
    """``low <= high``: a clear margin at 50 digits, or else an exact proof of equality."""
    difference = high - low
    if difference == 0:
        return
    if sympy.N(difference, 50) > sympy.Float("1e-30", 50):
        return
    assert_exact(high, low)


def example_2_1_2() -> Distribution:
    # C&T Example 2.1.2: X takes a, b, c, d with probabilities 1/2, 1/4, 1/8, 1/8; H(X) = 7/4 bits.
    return Distribution.from_pmf(["1/2", "1/4", "1/8", "1/8"], outcomes="abcd")


# --- Renyi entropy ------------------------------------------------------------------------

RENYI_CASES = [
    # alpha = 0: log2 of the support size, 4 outcomes.
    pytest.param(0, Integer(2), id="hartley"),
    # alpha = 1: the Shannon entropy, 7/4 bits (C&T Example 2.1.2).
    pytest.param(1, Rational(7, 4), id="shannon"),
    # alpha = 2: -log2(1/4 + 1/16 + 1/64 + 1/64) = -log2(22/64) = 5 - log2 11.
    pytest.param(2, 5 - LOG2(11), id="collision"),
    # alpha = 3: -(1/2) log2(1/8 + 1/64 + 2/512) = -(1/2) log2(74/512) = 4 - (1/2) log2 37.
    pytest.param(3, 4 - LOG2(37) / 2, id="order-3"),
    # alpha = oo: -log2 max p = -log2(1/2) = 1.
    pytest.param(oo, Integer(1), id="min-entropy"),
    pytest.param("oo", Integer(1), id="min-entropy-string"),
]


@pytest.mark.parametrize("alpha, expected", RENYI_CASES)
def test_renyi_entropy_special_orders(alpha, expected):
    value = renyi_entropy(example_2_1_2(), alpha)
    assert_exact(value, expected)
    assert value == sympy.expand(expected)  # canonical form


def test_renyi_entropy_fractional_order():
    # alpha = 1/2: 2 log2(sum sqrt p) = 2 log2(sqrt(1/2) + 1/2 + 2 sqrt(1/8)) = 2 log2(1/2 + sqrt(2)).
    assert_exact(renyi_entropy(example_2_1_2(), Rational(1, 2)), 2 * LOG2(Rational(1, 2) + sqrt(2)))
    assert_exact(renyi_entropy(example_2_1_2(), "1/2", base=E), 2 * log(Rational(1, 2) + sqrt(2)))


@pytest.mark.parametrize("n", [1, 2, 3, 6, 12])
def test_renyi_entropy_of_uniform_is_log_n(n):
    # Every order gives log n for a uniform distribution on n outcomes.
    d = uniform(n)
    for alpha in (0, Rational(1, 3), 1, 2, 5, oo):
        assert_exact(renyi_entropy(d, alpha), LOG2(n))
    assert renyi_entropy(d, 2) == entropy(d)


def test_renyi_entropy_symbolic():
    a = Symbol("a", positive=True)
    d = example_2_1_2()
    general = renyi_entropy(d, a)
    # The limit alpha -> 1 is the Shannon entropy, 7/4 bits.
    assert_exact(sympy.limit(general, a, 1), Rational(7, 4))
    assert_exact(general.subs(a, 2), renyi_entropy(d, 2))
    # A symbolic table: H_2 of a Bernoulli(p) is -log2(p**2 + (1 - p)**2); H_oo is -log2 max(p, 1 - p).
    p = Symbol("p", positive=True)
    bern = Distribution.from_pmf([p, 1 - p])
    assert_exact(renyi_entropy(bern, 2), -LOG2(p**2 + (1 - p) ** 2))
    assert renyi_entropy(bern, oo) == -LOG2(sympy.Max(p, 1 - p))
    assert renyi_entropy(bern, 0) == 1
    assert renyi_entropy(bern, 1) == entropy(bern)


@settings(max_examples=4, deadline=None)
@given(rational_pmfs(3, allow_zero=True))
def test_renyi_limit_at_one_is_shannon(probs):
    a = Symbol("a", positive=True)
    d = Distribution.from_pmf(probs)
    assert_exact(sympy.limit(renyi_entropy(d, a, base=E), a, 1), entropy(d, base=E))


@settings(max_examples=30, deadline=None)
@given(rational_pmfs(4))
def test_renyi_nonincreasing_in_alpha(probs):
    d = Distribution.from_pmf(probs)
    support = [p for p in probs if p != 0]
    # Integer orders 2 <= a < b, compared exactly: H_a = log(S_a)/(1 - a) nats with S_a = sum p**a
    # (so exp((1 - a) H_a) = S_a), and H_a >= H_b  iff  S_a**(b - 1) <= S_b**(a - 1).
    sums = {a: sympy.Add(*(p**a for p in support)) for a in (2, 3, 4)}
    for a in sums:
        assert sympy.exp((1 - a) * renyi_entropy(d, a, base=E)) == sums[a]
    for a, b in ((2, 3), (3, 4), (2, 4)):
        assert sums[a] ** (b - 1) <= sums[b] ** (a - 1)
    # The whole chain from the library's results, including the limit orders.
    orders = [0, Rational(1, 2), 1, 2, 3, oo]
    values = [renyi_entropy(d, a) for a in orders]
    for high, low in zip(values, values[1:]):
        assert_nondecreasing(low, high)
    # Equal across all orders exactly when the distribution is uniform on its support.
    assert (values[0] == values[-1]) == (len(set(support)) == 1)


def test_renyi_entropy_of_joint_and_marginal():
    d = independent(uniform(2, name="X"), Distribution.from_pmf(["1/2", "1/4", "1/4"], name="Y"))
    # Additive over independent variables: H_2(Y) = -log2(1/4 + 1/16 + 1/16) = 3 - log2 3, plus 1 bit.
    assert renyi_entropy(d, 2, "Y") == 3 - LOG2(3)
    assert renyi_entropy(d, 2) == 4 - LOG2(3)
    assert renyi_entropy(d, 2, "X", "Y") == renyi_entropy(d, 2, "Y", "X", "X")


# --- Tsallis entropy ----------------------------------------------------------------------

TSALLIS_CASES = [
    # q = 2: 1 - sum p**2 = 1 - 22/64 = 21/32.
    pytest.param(2, Rational(21, 32), id="q=2"),
    # q = 3: (1 - 74/512)/2 = 219/512.
    pytest.param(3, Rational(219, 512), id="q=3"),
    # q = 0: support size minus one.
    pytest.param(0, Integer(3), id="q=0"),
    # q = 1: Shannon entropy in nats, 7/4 log 2 (C&T Example 2.1.2).
    pytest.param(1, Rational(7, 4) * log(2), id="q=1"),
    # q = 1/2: 2 (sum sqrt p - 1) = 2 (1/2 + sqrt(2) - 1) = 2 sqrt(2) - 1.
    pytest.param(Rational(1, 2), 2 * sqrt(2) - 1, id="q=1/2"),
]


@pytest.mark.parametrize("q, expected", TSALLIS_CASES)
def test_tsallis_values(q, expected):
    value = tsallis_entropy(example_2_1_2(), q)
    assert_exact(value, expected)


def test_tsallis_negative_order_needs_positive_cells():
    d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
    assert tsallis_entropy(d, -1) == Rational(9, 2)  # (2 + 4 + 4 - 1) / 2
    with_zero = Distribution.from_pmf(["1/2", "1/4", "1/4", 0])
    with pytest.raises(DistributionError, match=r"outcome 3 has probability 0"):
        tsallis_entropy(with_zero, -1)
    # the advice of the message, followed, works
    kept = Distribution.from_dict({o: p for o, p in with_zero.items() if p != 0}, names=with_zero.names)
    assert tsallis_entropy(kept, -1) == Rational(9, 2)
    assert tsallis_entropy(with_zero, 2) == tsallis_entropy(d, 2)  # nonnegative orders: the support


def test_tsallis_symbolic():
    s = Symbol("s", positive=True)
    d = example_2_1_2()
    assert_exact(sympy.limit(tsallis_entropy(d, s), s, 1), entropy(d, base=E))
    p = Symbol("p", positive=True)
    # Gini-Simpson index of a Bernoulli(p): 1 - p**2 - (1 - p)**2 = 2 p (1 - p).
    assert sympy.expand(tsallis_entropy(Distribution.from_pmf([p, 1 - p]), 2) - 2 * p * (1 - p)) == 0


@settings(max_examples=30, deadline=None)
@given(rational_pmfs(4), st.integers(2, 4))
def test_tsallis_and_renyi_agree(probs, q):
    # Both are functions of S_q = sum p**q: 1 - (q - 1) T_q = S_q = exp((1 - q) H_q) in nats.
    d = Distribution.from_pmf(probs)
    t = tsallis_entropy(d, q)
    assert isinstance(t, sympy.Rational)
    assert 1 - (q - 1) * t == sympy.exp((1 - q) * renyi_entropy(d, q, base=E))


# --- variation of information -------------------------------------------------------------


def test_variation_of_information_by_hand():
    dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    d = dice.with_variable("P", lambda a, b: a % 2).with_variable("Q", lambda a, b, p: 1 - p)
    # Independent dice: VI = H(A) + H(B) = 2 log2 6; P and Q = 1 - P determine each other: VI = 0.
    assert variation_of_information(d, "A", "B") == 2 + 2 * LOG2(3)
    assert variation_of_information(d, "P", "Q") == 0
    # A determines P: VI(A, P) = H(A|P) = log2 3.
    assert variation_of_information(d, "A", "P") == LOG2(3)
    assert variation_of_information(d, "A", "P", given="B") == LOG2(3)
    assert variation_of_information(d, "A", "B", base=6) == 2


@settings(max_examples=30, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=3))
def test_variation_of_information_is_a_metric(d):
    a, b, c = d.names
    vi = lambda x, y: variation_of_information(d, x, y)  # noqa: E731
    assert vi(a, b) == vi(b, a)
    assert vi(a, a) == 0
    assert_exact(vi(a, b), entropy(d, a, b) - mutual_information(d, a, b))
    assert_exact(vi(a, b), entropy(d, a, given=b) + entropy(d, b, given=a))
    assert_nondecreasing(vi(a, c), vi(a, b) + vi(b, c))


# --- normalised mutual information --------------------------------------------------------


def die_and_parity() -> Distribution:
    return uniform(range(1, 7), name="A").with_variable("P", lambda a: a % 2)


@pytest.mark.parametrize(
    "variant, expected",
    [
        # By hand: I(A;P) = H(P) = log 2, H(A) = H(A, P) = log 6 (nats).
        pytest.param("arithmetic", 2 * log(2) / (log(2) + log(6)), id="arithmetic"),
        pytest.param("geometric", log(2) / sqrt(log(2) * log(6)), id="geometric"),
        pytest.param("min", Integer(1), id="min"),
        pytest.param("max", log(2) / log(6), id="max"),
        pytest.param("joint", log(2) / log(6), id="joint"),
    ],
)
def test_nmi_variants_by_hand(variant, expected):
    value = normalized_mutual_information(die_and_parity(), "A", "P", variant=variant)
    assert_exact(value, expected)


def test_nmi_edge_cases():
    constant = Distribution.from_dict({(0, 0): 1}, names=("A", "B"))
    one_constant = independent(uniform(2, name="A"), Distribution.from_dict({0: 1}, name="B"))
    twins = uniform(3, name="A").with_variable("B", lambda a: a)
    for variant in NMI_VARIANTS:
        assert normalized_mutual_information(constant, "A", "B", variant=variant) == 1
        assert normalized_mutual_information(one_constant, "A", "B", variant=variant) == 0
        assert normalized_mutual_information(twins, "A", "B", variant=variant) == 1


def nearly_equal_entropies(bits: int) -> Distribution:
    """A table of A, uniform on 6 values, and B, whose entropy falls short of H(A) by less than ``2**-bits``.

    B's cells are powers of 1/2: a spine 1/2, 1/4, ..., 2**-bits, 2**-bits, where the cell
    2**-j is split in two halves when bit j of a dyadic S < log2(3) - 1 + 2**(1 - bits) is 1.
    Each split of a cell 2**-j adds 2**-j bits, so H(B) = 2 - 2**(1 - bits) + S bits, just
    below log2(6) = H(A).  A and B are coupled by laying both in order along [0, 1].
    """
    context = mpmath.mp.clone()
    context.prec = bits + 64
    target = context.log(3) / context.log(2) - 1 + context.ldexp(1, 1 - bits)
    s = int(context.floor(context.ldexp(target, bits)))
    cells = []
    for j in range(1, bits + 1):
        cells += [Fraction(1, 2 ** (j + 1))] * 2 if (s >> (bits - j)) & 1 else [Fraction(1, 2**j)]
    cells.append(Fraction(1, 2**bits))
    assert sum(cells) == 1
    joint: dict[tuple[int, int], Fraction] = {}
    a, room = 0, Fraction(1, 6)
    for b, cell in enumerate(cells):
        while cell:
            part = min(cell, room)
            joint[(a, b)] = joint.get((a, b), Fraction(0)) + part
            cell, room = cell - part, room - part
            if not room and a < 5:
                a, room = a + 1, Fraction(1, 6)
    return Distribution.from_dict(
        {k: Rational(v.numerator, v.denominator) for k, v in joint.items()}, names=("A", "B")
    )


def test_nmi_orders_entropies_that_differ_below_1e_390():
    # H(A) - H(B) is about 1.9e-395 nats: no evaluation at a few hundred digits decides the order.
    d = nearly_equal_entropies(1310)
    ha, hb = entropy(d, "A", base=E), entropy(d, "B", base=E)
    assert ha == log(2) + log(3)
    assert sign(ha - hb) == 1 and evaluate(ha - hb, 3) < sympy.Float("1e-390")
    info = mutual_information(d, "A", "B", base=E)
    assert normalized_mutual_information(d, "A", "B", variant="min") == info / hb
    assert normalized_mutual_information(d, "A", "B", variant="max") == info / ha


@settings(max_examples=12, deadline=None)
@given(joint_distributions(min_vars=2, max_vars=2, max_card=3))
def test_nmi_in_unit_interval_and_ordered(d):
    a, b = d.names
    values = {v: normalized_mutual_information(d, a, b, variant=v) for v in NMI_VARIANTS}
    for value in values.values():
        assert not value.has(sympy.Float)
        assert_nondecreasing(Integer(0), value)
        assert_nondecreasing(value, Integer(1))
    # Means of H(A), H(B): min <= geometric <= arithmetic <= max, so the NMIs go the other way.
    assert_nondecreasing(values["max"], values["arithmetic"])
    assert_nondecreasing(values["arithmetic"], values["geometric"])
    assert_nondecreasing(values["geometric"], values["min"])
    assert_nondecreasing(values["joint"], values["max"])


# --- errors -------------------------------------------------------------------------------


def test_errors():
    d = example_2_1_2()
    with pytest.raises(DistributionError, match="the order alpha must be nonnegative, got -1"):
        renyi_entropy(d, -1)
    with pytest.raises(DistributionError, match="the order alpha must be nonnegative, got -1/2"):
        renyi_entropy(d, "-1/2")
    with pytest.raises(DistributionError, match="the order alpha must be nonnegative, got b"):
        renyi_entropy(d, Symbol("b", negative=True))
    with pytest.raises(DistributionError, match="nonnegative real number or oo, got I"):
        renyi_entropy(d, I)
    with pytest.raises(DistributionError, match="nonnegative real number or oo, got -oo"):
        renyi_entropy(d, -oo)
    with pytest.raises(InexactInputError, match=r"2\.0 \(the order alpha of renyi_entropy\) is a float"):
        renyi_entropy(d, 2.0)
    with pytest.raises(TypeError, match="must be a number, got True"):
        renyi_entropy(d, True)
    # a negative Tsallis order is defined over the support (dit's tests use q = -1)
    with pytest.raises(DistributionError, match="the order q must be finite, got oo"):
        tsallis_entropy(d, oo)
    with pytest.raises(UnknownVariableError, match="unknown variable 'Y'"):
        renyi_entropy(d, 2, "Y")
    with pytest.raises(TypeError, match="separate strings"):
        renyi_entropy(d, 2, ("X",))
    with pytest.raises(UnknownVariableError, match="unknown variable 'Z'"):
        variation_of_information(die_and_parity(), "A", "Z")
    with pytest.raises(DistributionError, match="unknown variant 'mean'"):
        normalized_mutual_information(die_and_parity(), "A", "P", variant="mean")
    with pytest.raises(TypeError, match="unexpected keyword argument 'base'"):
        normalized_mutual_information(die_and_parity(), "A", "P", base=2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'base'"):
        tsallis_entropy(d, 2, base=2)
    with pytest.raises(TypeError, match="expected a Distribution"):
        renyi_entropy({"a": 1}, 2)


def test_tsallis_entropy_of_negative_order():
    # S_q = (1 - sum p**q)/(q - 1), every outcome of positive probability
    d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
    assert tsallis_entropy(d, -1) == (1 - (2 + 4 + 4)) / Rational(-2)  # (sum 1/p - 1)/2 = 9/2
    assert tsallis_entropy(d, Rational(-1, 2)) == (1 - (sqrt(2) + 4)) / Rational(-3, 2)
