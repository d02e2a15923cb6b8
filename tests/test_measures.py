"""Shannon measures: exact values, canonical forms, bases, symbols and errors."""

import pytest
import sympy
from sympy import E, log
from sympy import Rational as R

from symentropy import (
    Distribution,
    InvalidBaseError,
    UnknownVariableError,
    bernoulli,
    categorical,
    co_information,
    compare,
    conditional_entropy,
    entropy,
    independent,
    joint_entropy,
    kl_divergence,
    mutual_information,
    total_correlation,
    uniform,
)
from symentropy.kernel.xlogx import xlogx
from tests.support import assert_exact, fraction_entropy_bits

p, q = sympy.symbols("p q")


def test_fair_die_canonical_form():
    h = entropy(uniform(range(1, 7)))
    assert h == 1 + log(3) / log(2)  # structural equality: the canonical form


def test_dyadic_distribution_is_rational():
    assert entropy(Distribution.from_pmf(["1/2", "1/4", "1/8", "1/8"])) == R(7, 4)


@pytest.mark.parametrize(
    "base, expected",
    [
        (2, 1 + log(3) / log(2)),
        (E, log(2) + log(3)),
        (6, sympy.Integer(1)),
        (3, 1 + log(2) / log(3)),
        (10, log(2) / log(10) + log(3) / log(10)),
        (4, R(1, 2) + log(3) / log(4)),
        (36, R(1, 2)),
        (20, log(2) / log(20) + log(3) / log(20)),
    ],
)
def test_bases(base, expected):
    assert entropy(uniform(6), base=base) == expected


def test_composite_base_takes_the_simplest_rational_part():
    assert entropy(uniform(10), base=10) == 1
    assert entropy(uniform(20), base=10) == 1 + log(2) / log(10)
    assert entropy(uniform(5), base=10) == log(5) / log(10)


def test_symbolic_base():
    b = sympy.Symbol("b", positive=True)
    assert entropy(uniform(3), base=b) == log(3) / log(b)


def test_rational_base():
    assert entropy(uniform(2), base=R(1, 2)) == -1


def test_invalid_base_is_rejected():
    with pytest.raises(InvalidBaseError):
        entropy(uniform(2), base=1)


def test_equal_quantities_are_structurally_equal():
    # H(X) of a die computed two ways: directly and as H(X, Y) - H(Y|X) with Y = X mod 2.
    d = uniform(range(1, 7), name="X").with_variable("Y", lambda x: x % 2)
    assert entropy(d, "X", "Y") == entropy(d, "X")
    assert entropy(d, "X") - entropy(d, "Y") == entropy(d, "X", given="Y")


def test_product_distribution_has_exactly_zero_mutual_information():
    d = independent(Distribution.from_pmf(["1/3", "2/3"], name="X"), Distribution.from_pmf(["1/5", "4/5"], name="Y"))
    assert mutual_information(d, "X", "Y") == 0
    assert mutual_information(d, "X", "Y", base=E) == 0
    assert entropy(d, "X", given="Y") == entropy(d, "X")


def test_zero_cells_follow_0_log_0():
    d = Distribution.from_pmf(["1", "0", "0"])
    assert entropy(d) == 0


def test_conditional_and_joint_forms_agree():
    d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
    assert conditional_entropy(d, "X", "Y") == entropy(d, "X", given="Y") == R(2, 3)
    assert joint_entropy(d, "X", "Y") == entropy(d) == log(3) / log(2)
    assert_exact(mutual_information(d, "X", "Y"), log(3) / log(2) - R(4, 3))


def test_grouped_and_conditional_mutual_information():
    bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    d = bits.with_variable("Z", lambda x, y: x ^ y)
    assert mutual_information(d, "X", "Y") == 0
    assert mutual_information(d, "X", "Z") == 0
    assert mutual_information(d, "X", "Y", given="Z") == 1
    assert mutual_information(d, ("X", "Y"), "Z") == 1
    assert mutual_information(d, "Z", ("X", "Y")) == 1
    assert entropy(d, "Z", given=("X", "Y")) == 0


def test_overlapping_arguments():
    d = independent(uniform(2, name="X"), uniform(4, name="Y"))
    assert mutual_information(d, "X", "X") == entropy(d, "X") == 1
    assert entropy(d, "X", "Y", given="Y") == 1


def test_rational_path_agrees_with_floats():
    d = Distribution.from_pmf(["1/7", "2/7", "4/7"])
    value = entropy(d)
    assert abs(float(value) - fraction_entropy_bits(d.probabilities)) < 1e-12


def test_symbolic_binary_entropy_is_clean():
    h = entropy(Distribution.from_pmf([p, 1 - p]))
    assert h == -xlogx(p) / log(2) - xlogx(1 - p) / log(2)
    assert h.rewrite(log) == -p * log(p) / log(2) - (1 - p) * log(1 - p) / log(2)
    derivative = sympy.simplify(sympy.diff(h, p))
    assert sympy.simplify(derivative - (log(1 - p) - log(p)) / log(2)) == 0
    assert sympy.limit(h, p, 0, "+") == 0
    assert h.subs(p, R(1, 2)) == 1
    assert sympy.solve(sympy.diff(h, p), p) == [R(1, 2)]
    f = sympy.lambdify(p, h, "mpmath")
    assert abs(f(0.25) - 0.8112781244591328) < 1e-15
    assert f(0) == 0 and f(1) == 0  # generated code follows 0 log 0 = 0 too


def test_substituting_the_edge_of_the_domain_gives_0_log_0():
    # Cover & Thomas, 2nd ed., p. 14: 0 log 0 = 0, so h(0) = h(1) = 0; sympy's 0*log(0) is nan
    h = entropy(Distribution.from_pmf([p, 1 - p]))
    assert h.subs(p, 0) == 0 and h.subs(p, 1) == 0
    d = Distribution.from_table([[(1 - p) * (1 - q), (1 - p) * q], [p * (1 - q), p * q]], names=("X", "Y"))
    assert entropy(d).subs({p: 0, q: 1}) == 0
    assert entropy(d, "X", given="Y").subs(q, 0) == h
    w = Distribution.from_table([[p / 2, (1 - p) / 2], [(1 - p) / 2, p / 2]], names=("X", "Y"))
    assert mutual_information(w, "X", "Y").subs(p, 0) == 1 == mutual_information(w.subs(p, 0), "X", "Y")
    # a term whose coefficient does not vanish with its argument keeps log: infinite at the edge
    # (sympy's log(0) is zoo; kl_divergence of the substituted tables says oo)
    divergence = kl_divergence(Distribution.from_pmf(["1/2", "1/2"]), Distribution.from_pmf([p, 1 - p]))
    assert divergence.subs(p, 0).is_infinite


def test_symbolic_cells_with_rational_content():
    h = entropy(Distribution.from_pmf([p / 2, p / 2, 1 - p]))
    assert h == p - xlogx(p) / log(2) - xlogx(1 - p) / log(2)


def test_symbolic_product_with_positive_parameters_has_zero_information():
    a, c = sympy.symbols("a c", positive=True)
    d = Distribution({(0, 0): a * c, (0, 1): a * (1 - c), (1, 0): (1 - a) * c, (1, 1): (1 - a) * (1 - c)},
                     names=("X", "Y"))
    assert mutual_information(d, "X", "Y") == 0  # structurally: every logarithm is split and cancels


def test_symbolic_product_table_has_zero_information_without_assumptions():
    # plain symbols: 1 - p and q are marginal probabilities of the table, so they are nonnegative
    # wherever it is a distribution, and log((1 - p)*q) = log(1 - p) + log(q) there
    d = Distribution.from_table([[(1 - p) * (1 - q), (1 - p) * q], [p * (1 - q), p * q]], names=("X", "Y"))
    assert mutual_information(d, "X", "Y") == 0
    assert entropy(d) == entropy(d, "X") + entropy(d, "Y")
    assert independent(bernoulli(p, name="X"), bernoulli(q, name="Y")).info("I(X;Y)") == 0


def test_symbolic_product_of_three_and_of_unequal_sizes():
    a, b, r = sympy.symbols("a b r")
    t = independent(bernoulli(p, name="X"), categorical(a, b, 1 - a - b, name="Y"), bernoulli(r, name="Z"))
    assert mutual_information(t, "X", "Y", given="Z") == 0  # marginals like p - p*r are factored
    assert mutual_information(t, ["X", "Y"], "Z") == 0
    assert total_correlation(t, "X", "Y", "Z") == 0
    assert co_information(t, "X", "Y", "Z") == 0


def test_split_logarithms_keep_the_value():
    # a dependent table in symbols: the value at a point is that of the rational table there
    d = Distribution.from_table([[p / 2, (1 - p) / 2], [(1 - p) / 2, p / 2]], names=("X", "Y"))
    info = mutual_information(d, "X", "Y")
    assert info != 0
    for point in [R(1, 3), R(1, 10), R(9, 10)]:
        exact = mutual_information(d.subs(p, point), "X", "Y")
        assert compare(info.subs(p, point), exact) == 0


def test_a_logarithm_is_not_split_where_its_factors_may_be_negative():
    # p**2 - q**2 = (p - q)*(p + q): at p = -1/2, q = 0 both factors are negative, so the
    # logarithm of the product is not the sum of their logarithms, and it is kept whole
    h = entropy(Distribution.from_pmf([p**2 - q**2, 1 - p**2 + q**2]))
    assert h.has(xlogx(p**2 - q**2))
    assert not h.has(log(p - q), log(p + q), xlogx(p - q), xlogx(p + q))


def test_subs_on_the_distribution_applies_0_log_0():
    d = Distribution.from_pmf([p, 1 - p])
    assert entropy(d.subs(p, 0)) == 0
    assert entropy(d.subs(p, "1/4")) == 2 - 3 * log(3) / (4 * log(2))


def test_measures_are_cached_per_distribution_and_consistent():
    d = uniform(range(1, 7), name="A").with_variable("B", lambda a: a > 4)
    first = entropy(d, "B")
    assert entropy(d, "B") is first or entropy(d, "B") == first


def test_unknown_variable():
    d = uniform(2)
    with pytest.raises(UnknownVariableError, match="unknown variable 'Y'; the distribution's variables are X"):
        entropy(d, "Y")
    with pytest.raises(UnknownVariableError):
        mutual_information(d, "X", "Y")
    with pytest.raises(UnknownVariableError):
        entropy(d, "X", given="Q")


def test_argument_errors():
    d = uniform(2)
    with pytest.raises(TypeError, match="separate strings"):
        entropy(d, ("X",))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Distribution"):
        entropy([0.5, 0.5])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        entropy(d, bse=2)  # type: ignore[call-arg]  # a misspelt keyword is an error
    with pytest.raises(ValueError, match="a variable on each side"):
        mutual_information(d, (), "X")


def test_results_are_never_floats_or_nan():
    d = Distribution.from_pmf(["1/3", 0, "2/3"])
    for value in (entropy(d), entropy(d, base=E), entropy(d, base=10)):
        assert isinstance(value, sympy.Expr)
        assert not value.has(sympy.Float, sympy.nan, sympy.zoo)
