"""sympy.stats random variables as symentropy distributions.

Expected values are typed from the definition of entropy; the comments give
the arithmetic.  Where ``sympy.stats.entropy`` itself returns ``zoo``, a
``Lambda`` expression or ignores the base, the cases are marked.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import E, Rational, S, Symbol, log
from sympy.stats import (
    Bernoulli,
    Binomial,
    Coin,
    Die,
    DiscreteUniform,
    FiniteRV,
    Geometric,
    Logarithmic,
    NegativeBinomial,
    Normal,
    Poisson,
)

from symentropy import Distribution, UnknownVariableError, entropy, mutual_information
from symentropy.kernel.binary_entropy import binary_entropy
from symentropy.models.families import FormulaDistribution, binomial, geometric, negative_binomial, poisson
from symentropy.models.stats import from_stats, is_random_expression
from tests.support import assert_exact

LOG2_3 = log(3) / log(2)
p = Symbol("p", positive=True)


@pytest.mark.parametrize(
    "make, expected",
    [
        # sympy.stats gives zoo for a fair coin; H = 1 bit.
        pytest.param(lambda: Coin("C"), S(1), id="Coin"),
        # a coin with P(H) = 1/3: H = log2 3 - 2/3
        pytest.param(lambda: Coin("C", Rational(1, 3)), LOG2_3 - Rational(2, 3), id="Coin-1/3"),
        pytest.param(lambda: Die("D", 6), 1 + LOG2_3, id="Die-6"),
        pytest.param(lambda: Die("D", 8), S(3), id="Die-8"),
        pytest.param(lambda: Bernoulli("B", Rational(1, 4)), 2 - Rational(3, 4) * LOG2_3, id="Bernoulli-1/4"),
        # 1/8, 3/8, 3/8, 1/8: H = 3 - (3/4) log2 3
        pytest.param(lambda: Binomial("N", 3, S.Half), 3 - Rational(3, 4) * LOG2_3, id="Binomial-3-1/2"),
        # sympy.stats gives zoo; H = log2 5
        pytest.param(lambda: DiscreteUniform("U", [1, 2, 3, 4, 5]), log(5) / log(2), id="DiscreteUniform-5"),
        # sympy.stats gives a Lambda expression; H = 1/2 + 2/4 + 3/8 + 3/8 = 7/4
        pytest.param(
            lambda: FiniteRV(
                "F", {1: Rational(1, 2), 2: Rational(1, 4), 3: Rational(1, 8), 4: Rational(1, 8)}
            ),
            Rational(7, 4),
            id="FiniteRV-7/4",
        ),
        # The sum of two dice: counts 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1 out of 36, so
        # H = log2 36 - (26 + 12 log2 3 + 10 log2 5)/36 = 23/18 + (5/3) log2 3 - (5/18) log2 5.
        pytest.param(
            lambda: Die("A", 6) + Die("B", 6),
            Rational(23, 18) + Rational(5, 3) * LOG2_3 - Rational(5, 18) * log(5) / log(2),
            id="sum-of-two-dice",
        ),
    ],
)
def test_finite_random_variables(make, expected):
    assert_exact(entropy(make()), expected)


def test_base_is_honoured():
    # sympy.stats.entropy takes the base as b= and silently ignores base= (nats).
    assert entropy(Die("D", 6), base=E) == log(2) + log(3)
    assert entropy(Coin("C"), base=4) == S.Half


def test_symbolic_finite_random_variables():
    q = Symbol("q")
    d = from_stats(Bernoulli("B", q))
    assert d == Distribution.from_dict({0: 1 - q, 1: q}, name="B")
    assert entropy(Bernoulli("B", q)) == entropy(d)
    n = Symbol("n", integer=True, positive=True)
    assert from_stats(Binomial("N", n, p)) == binomial(n, p, name="N")


def test_discrete_random_variables_become_families():
    lam = Symbol("lam", positive=True)
    r = Symbol("r", positive=True)
    assert from_stats(Geometric("G", p)) == geometric(p, name="G")
    assert entropy(Geometric("G", p)) == binary_entropy(p) / p
    # Cover & Thomas 2nd ed., Problem 2.1(a): 2 bits for a fair coin flipped until the first head.
    assert entropy(Geometric("G", S.Half)) == 2
    assert entropy(Poisson("P", lam)) == entropy(poisson(lam))
    assert entropy(NegativeBinomial("Y", r, p)) == entropy(negative_binomial(r, p))


def test_other_discrete_random_variables_become_formulas():
    d = from_stats(Logarithmic("L", S.Half))
    assert isinstance(d, FormulaDistribution)
    assert d.name == "L"
    assert d.support == sympy.Range(1, sympy.oo)
    # P(1) = -(1/2)/(1 log(1/2)) = 1/(2 log 2)
    assert sympy.simplify(d.pmf(1) - 1 / (2 * log(2))) == 0


def test_names_and_given():
    die = Die("D", 6)
    assert from_stats(die, name="X").names == ("X",)
    assert entropy(die, "D") == 1 + LOG2_3
    assert entropy(die, given="D") == 0
    with pytest.raises(UnknownVariableError):
        entropy(die, "X")
    assert from_stats(Die("A", 2) + Die("B", 2)).names == ("X",)


def test_what_is_not_converted():
    with pytest.raises(TypeError, match="continuous"):
        entropy(Normal("Z", 0, 1))
    with pytest.raises(TypeError, match="expected a Distribution"):
        entropy(5)
    with pytest.raises(TypeError, match="expected a sympy.stats random variable"):
        from_stats(Symbol("x"))
    with pytest.raises(TypeError):
        mutual_information(Die("D", 6), "D", "D")  # measures of several variables need a Distribution


def test_is_random_expression():
    assert is_random_expression(Die("D", 6))
    assert is_random_expression(2 * Die("D", 6) + 1)
    assert not is_random_expression(Symbol("x"))
    assert not is_random_expression("D")
