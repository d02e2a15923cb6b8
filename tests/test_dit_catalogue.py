"""The measures of dit's catalogue, exact: values worked out from their definitions, cited."""

from __future__ import annotations

import pytest
import sympy

from symentropy import (
    Distribution,
    DistributionError,
    caekl_mutual_information,
    co_information,
    common_part,
    compare,
    cumulative_residual_entropy,
    dual_total_correlation,
    entropy,
    exponential,
    extropy,
    gacs_korner_common_information,
    independent,
    lautum_information,
    mutual_information,
    normal,
    o_information,
    pareto,
    perplexity,
    rayleigh,
    residual_entropy,
    s_information,
    total_correlation,
    uniform,
    uniform_interval,
    weibull,
)

LOG2 = sympy.log(2)
BITS = independent(uniform(2, name="X"), uniform(2, name="Y"))
XOR = BITS.with_variable("Z", lambda x, y: x ^ y)
TABLE = Distribution.from_table([["1/2", "1/8"], ["1/8", "1/4"]], names=("X", "Y"))


@pytest.mark.parametrize("n", [2, 3, 4, 5, 8])
def test_extropy_of_a_uniform_distribution(n):
    # Lad, Sanfilippo & Agrò (2015), eq. (2): J = -sum (1 - p) log(1 - p); uniform: (n-1) log2(n/(n-1))
    expected = (n - 1) * (sympy.log(n) - sympy.log(n - 1)) / LOG2
    assert compare(extropy(uniform(n)), expected) == 0


def test_extropy_of_two_outcomes_is_the_entropy():
    # Lad, Sanfilippo & Agrò (2015), §2: for two outcomes J(X) = H(X)
    d = Distribution.from_pmf(["1/5", "4/5"])
    assert extropy(d) == entropy(d)


def test_perplexity():
    assert perplexity(uniform(6)) == 6 and perplexity(uniform(6), base=10) == 6
    assert compare(perplexity(TABLE, "X", given="Y"), sympy.Pow(2, entropy(TABLE, "X", given="Y"))) == 0


def test_lautum_information():
    # Palomar & Verdú (2008), Definition 1: L(X;Y) = D(P_X P_Y || P_XY)
    # TABLE has marginals (5/8, 3/8) both ways: sum_xy p(x)p(y) log2(p(x)p(y)/p(x,y))
    px = {0: sympy.Rational(5, 8), 1: sympy.Rational(3, 8)}
    joint = {(0, 0): sympy.Rational(1, 2), (0, 1): sympy.Rational(1, 8), (1, 0): sympy.Rational(1, 8),
             (1, 1): sympy.Rational(1, 4)}
    expected = sum(px[x] * px[y] * sympy.log(px[x] * px[y] / joint[x, y]) for x, y in joint) / LOG2
    assert compare(lautum_information(TABLE, "X", "Y"), expected) == 0
    assert lautum_information(BITS, "X", "Y") == 0
    # the product of XOR's pairs puts weight where the joint has none
    assert lautum_information(XOR) == sympy.oo
    with pytest.raises(DistributionError, match="two groups"):
        lautum_information(XOR, "X")


def test_o_and_s_information():
    # Rosas et al. (2019): O = TC - DTC, S = TC + DTC; for three variables O is the co-information
    assert o_information(XOR) == co_information(XOR) == -1
    copy3 = uniform(2).with_variable("Y", lambda x: x).with_variable("Z", lambda x, y: x)
    assert o_information(copy3) == co_information(copy3) == 1
    # S = sum_i I(X_i; X_rest)
    s = sum(mutual_information(XOR, v, tuple(w for w in "XYZ" if w != v)) for v in "XYZ")
    assert s_information(XOR) == s == 3
    assert s_information(XOR) == total_correlation(XOR) + dual_total_correlation(XOR)


def test_residual_entropy():
    # Verdú & Weissman (2008): erasure entropy sum_i H(X_i | X_rest); H = DTC + residual
    assert residual_entropy(BITS) == 2 and residual_entropy(XOR) == 0
    d = independent(TABLE, uniform(3, name="W"))
    assert entropy(d) == dual_total_correlation(d) + residual_entropy(d)


def test_caekl_mutual_information():
    # Chan et al. (2015): min over partitions of (sum H(parts) - H(all)) / (|P| - 1)
    # XOR: the partition into three singletons gives (3 - 2)/2 = 1/2, the pairs give 1
    assert caekl_mutual_information(XOR) == sympy.Rational(1, 2)
    assert caekl_mutual_information(TABLE) == mutual_information(TABLE, "X", "Y")  # two groups


def test_gacs_korner_common_information():
    # Gács & Körner (1973): the common part is the connected components of the support
    d = Distribution({(0, 0): "1/4", (0, 1): "1/4", (1, 2): "1/2"}, names=("X", "Y"))
    assert gacs_korner_common_information(d, "X", "Y") == 1  # the block, one fair bit
    assert common_part(d, "X", "Y").marginal("K").to_dict() == {0: sympy.Rational(1, 2), 1: sympy.Rational(1, 2)}
    # a full-support table has no common part, though I(X;Y) > 0
    assert gacs_korner_common_information(TABLE, "X", "Y") == 0 < mutual_information(TABLE, "X", "Y")
    # the common part never exceeds the mutual information (here they are equal: Y = f(X) and block)
    assert gacs_korner_common_information(d, "X", "Y") <= mutual_information(d, "X", "Y")
    # with a condition: given W, X and Y = X share one bit
    e = independent(uniform(2, name="X"), uniform(2, name="W")).with_variable("Y", lambda x, w: x)
    assert gacs_korner_common_information(e, "X", "Y", given="W") == 1


def _cre_from_definition(d):
    """-integral of S log S over the support, S the survival function integrated from the density."""
    x, t = sympy.symbols("x t", positive=True)
    lo, hi = d.support.inf, d.support.sup
    tail = sympy.integrate(d.pdf(t), (t, x, hi))
    return sympy.simplify(-sympy.integrate(tail * sympy.log(tail), (x, lo, hi)))


@pytest.mark.parametrize(
    "make",
    [
        lambda: exponential(2),
        lambda: uniform_interval(1, 4),
        lambda: weibull(3, 2),
        lambda: rayleigh(2),
        lambda: pareto(1, 3),
    ],
)
def test_cumulative_residual_entropy_agrees_with_its_definition(make):
    # Rao, Chen, Vemuri & Wang (2004), Definition 1: CRE = -integral_0^oo F̄ log F̄ (nats)
    d = make()
    assert sympy.simplify(cumulative_residual_entropy(d, base="e") - _cre_from_definition(d)) == 0


def test_cumulative_residual_entropy_edges():
    assert cumulative_residual_entropy(pareto(1, 1)) == sympy.oo
    assert cumulative_residual_entropy(exponential(1)) == 1 / LOG2
    with pytest.raises(DistributionError, match="nonnegative variables"):
        cumulative_residual_entropy(uniform_interval(-1, 1))
    with pytest.raises(DistributionError, match="no closed form"):
        cumulative_residual_entropy(normal(0, 1))


def test_conditional_lautum_with_a_symbolic_weight_is_never_nan():
    from symentropy.errors import UndecidedError

    p = sympy.Symbol("p", positive=True)
    d = Distribution({(0, 0, 0): p / 4, (1, 1, 0): p / 4, (0, 1, 0): p / 4, (1, 0, 0): p / 4,
                      (0, 0, 1): (1 - p) / 2, (1, 1, 1): (1 - p) / 2}, names=("X", "Y", "Z"))
    with pytest.raises(UndecidedError, match="infinite if"):
        lautum_information(d, "X", "Y", given="Z")


def test_discrete_cumulative_residual_entropy_dit_examples():
    # dit's documentation (cumulative_residual_entropy): a die labelled 1..6 has CRE 2.068318...
    # and the uniform -2..2 has GCRE 1.692878... bits; both agree with the definition.  Its die
    # labelled 1..5, 100 (documented 22.672680) and the CRE of the uniform -2..2 (0.906565) do
    # not: the definition gives 42.566064 and 0.786313 (see symentropy.measures.residual).
    # Expected values from the definition: the survival function is a step function.
    from symentropy import Distribution, evaluate
    from symentropy.measures.residual import generalized_cumulative_residual_entropy

    def survival_sum(steps):  # -sum length * S log2 S
        return -sum(length * s * sympy.log(s, 2) for length, s in steps)

    die = Distribution.from_pmf(["1/6"] * 6, outcomes=[1, 2, 3, 4, 5, 6])
    expected = survival_sum([(1, sympy.Rational(k, 6)) for k in range(1, 6)])
    assert sympy.simplify(cumulative_residual_entropy(die) - expected) == 0
    assert str(evaluate(cumulative_residual_entropy(die), 8)) == "2.0683183"
    odd = Distribution.from_pmf(["1/6"] * 6, outcomes=[1, 2, 3, 4, 5, 100])
    expected = survival_sum([(1, sympy.Rational(k, 6)) for k in range(2, 6)] + [(95, sympy.Rational(1, 6))])
    assert sympy.simplify(cumulative_residual_entropy(odd) - expected) == 0
    assert str(evaluate(cumulative_residual_entropy(odd), 8)) == "42.566064"
    five = Distribution.from_pmf(["1/5"] * 5, outcomes=[-2, -1, 0, 1, 2])
    expected = survival_sum([(1, sympy.Rational(k, 5)) for k in range(1, 5)])
    assert sympy.simplify(generalized_cumulative_residual_entropy(five) - expected) == 0
    assert str(evaluate(generalized_cumulative_residual_entropy(five), 8)) == "1.6928787"
    # the CRE of the same variable integrates P(|X| > x): 4/5 on [0, 1), 2/5 on [1, 2)
    expected = survival_sum([(1, sympy.Rational(4, 5)), (1, sympy.Rational(2, 5))])
    assert sympy.simplify(cumulative_residual_entropy(five) - expected) == 0
    assert str(evaluate(cumulative_residual_entropy(five), 6)) == "0.786314"
    # nonnegative variables: the two agree; exact rational outcomes; base e
    assert generalized_cumulative_residual_entropy(die) == cumulative_residual_entropy(die)
    halves = Distribution.from_pmf(["1/2", "1/2"], outcomes=["1/2", "3/2"])
    assert cumulative_residual_entropy(halves, base="e") == sympy.log(2) / 2
    with pytest.raises(DistributionError, match="outcome 'a' is not|'a'"):
        cumulative_residual_entropy(Distribution.from_pmf(["1/2", "1/2"], outcomes=["a", "b"]))
