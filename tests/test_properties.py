"""Identities and inequalities of information theory, decided exactly.

Every distribution here is a random exact rational table over 2-4 variables.
Equalities are checked structurally (the canonical form makes equal values
equal); inequalities are decided on the exact LogSum by
:func:`nonnegative`, which never uses a tolerance.
"""

import math

import sympy
from hypothesis import given
from hypothesis import strategies as st

from symentropy import Distribution, entropy, independent, mutual_information, uniform
from symentropy.kernel.logsum import LogSum
from symentropy.measures.shannon import (
    conditional_entropy_logsum,
    marginal_entropy,
    mutual_information_logsum,
)
from tests.support import joint_distributions, rational_pmfs


def nonnegative(value: LogSum) -> bool:
    """Decide ``value >= 0`` exactly for a rational LogSum.

    ``sum c_q log q >= 0`` iff ``prod q**c_q >= 1``; with a common denominator
    ``D`` of the ``c_q`` this is the integer comparison
    ``prod_{c_q > 0} q**(D c_q) >= prod_{c_q < 0} q**(-D c_q)``.
    """
    coefficients = value.prime_coefficients()
    assert value.is_rational
    if not coefficients:
        return True
    denominator = math.lcm(*(c.denominator for c in coefficients.values()))
    upper = lower = 1
    for prime, c in coefficients.items():
        k = int(c * denominator)
        if k > 0:
            upper *= prime**k
        else:
            lower *= prime**-k
    return upper >= lower


@given(joint_distributions())
def test_chain_rule(d):
    x, y = d.names[0], d.names[1]
    assert entropy(d, x, y) == entropy(d, x) + entropy(d, y, given=x)
    assert marginal_entropy(d, (x, y)) == marginal_entropy(d, (x,)) + conditional_entropy_logsum(d, (y,), (x,))


@given(joint_distributions())
def test_mutual_information_is_symmetric_and_nonnegative(d):
    x, y = d.names[0], d.names[-1]
    assert mutual_information(d, x, y) == mutual_information(d, y, x)
    assert nonnegative(mutual_information_logsum(d, (x,), (y,)))


@given(joint_distributions())
def test_conditioning_reduces_entropy(d):
    x, y = d.names[0], d.names[1]
    difference = marginal_entropy(d, (x,)) - conditional_entropy_logsum(d, (x,), (y,))
    assert nonnegative(difference)


@given(joint_distributions(min_vars=1, max_vars=3, max_card=4))
def test_entropy_is_at_most_log_of_alphabet_size(d):
    x = d.names[0]
    size = len(d.marginal(x))
    assert nonnegative(LogSum.log_of(sympy.Integer(size)) - marginal_entropy(d, (x,)))
    assert nonnegative(marginal_entropy(d, (x,)))


@given(joint_distributions(min_vars=3, max_vars=4))
def test_conditional_mutual_information_is_nonnegative(d):
    x, y, z = d.names[:3]
    assert nonnegative(mutual_information_logsum(d, (x,), (y,), (z,)))
    # and the chain rule for information: I(X; Y, Z) = I(X; Z) + I(X; Y | Z)
    assert mutual_information(d, x, (y, z)) == mutual_information(d, x, z) + mutual_information(d, x, y, given=z)


@given(rational_pmfs(3), rational_pmfs(2))
def test_independence_gives_exactly_zero(px, py):
    d = independent(Distribution.from_pmf(px, name="X"), Distribution.from_pmf(py, name="Y"))
    assert mutual_information(d, "X", "Y") == 0
    assert entropy(d) == entropy(d, "X") + entropy(d, "Y")


@given(joint_distributions(max_vars=3))
def test_results_agree_with_floating_point(d):
    value = entropy(d)
    direct = -sum(float(p) * math.log2(float(p)) for p in d.probabilities if p != 0)
    assert abs(float(value) - direct) < 1e-9


@given(st.integers(1, 40))
def test_uniform_entropy_is_log_n(n):
    assert sympy.simplify(entropy(uniform(n)) - sympy.log(n, 2)) == 0


def test_nonnegative_decides_both_ways():
    assert nonnegative(LogSum.log_of(sympy.Rational(3, 2)))
    assert not nonnegative(LogSum.log_of(sympy.Rational(2, 3)))
    assert nonnegative(LogSum())
