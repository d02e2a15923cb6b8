"""Tests of symentropy.measures.multivariate: co-information, total correlations, information atoms.

Textbook cases cite T. M. Cover and J. A. Thomas, *Elements of Information
Theory*, 2nd ed., Wiley, 2006 ("C&T"), and D. J. C. MacKay, *Information
Theory, Inference, and Learning Algorithms*, Cambridge University Press,
2003.  Expected values are typed from the book's answer or derived by hand
from the definitions (said so in the comment), never computed by symentropy.
"""

from __future__ import annotations

import itertools

import pytest
import sympy
from hypothesis import given, settings
from sympy import E, Integer, Rational, Symbol, log

from symentropy import (
    Distribution,
    DistributionError,
    InvalidBaseError,
    UnknownVariableError,
    entropy,
    independent,
    mutual_information,
    uniform,
)
from symentropy.measures.multivariate import (
    co_information,
    dual_total_correlation,
    information_atoms,
    interaction_information,
    total_correlation,
)
from tests.support import assert_exact, joint_distributions


def assert_nonnegative(value: sympy.Expr) -> None:
    """``value >= 0``: exactly 0, or positive by a clear margin at 50 digits.

    For rational tables the results are canonical, so a nonzero result has a
    nonzero value; a true value within 1e-30 of 0 would fail here, not pass.
    """
    if value == 0:
        return
    assert sympy.N(value, 50) > sympy.Float("1e-30", 50), f"{value} is not positive"


def xor() -> Distribution:
    # C&T Pr. 2.6(b) and Pr. 2.25: X, Y independent fair bits, Z = X xor Y.
    bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    return bits.with_variable("Z", lambda x, y: x ^ y)


def copies() -> Distribution:
    # C&T Pr. 2.6(a): X = Y = Z, a fair bit.
    return uniform(2, name="X").with_variable("Y", lambda x: x).with_variable("Z", lambda x, y: x)


def example_2_2_1() -> Distribution:
    # C&T Example 2.2.1: p(x, y) printed with y down and x across.
    return Distribution.from_table(
        [
            ["1/8", "1/16", "1/32", "1/32"],
            ["1/16", "1/8", "1/32", "1/32"],
            ["1/16", "1/16", "1/16", "1/16"],
            ["1/4", 0, 0, 0],
        ],
        names=("Y", "X"),
        labels=(range(1, 5), range(1, 5)),
    )


# --- textbook and hand-derived values ---------------------------------------------------

CASES = [
    # C&T Pr. 2.25 asks for I(X;Y;Z) < 0; for xor, I(X;Y) = 0 and I(X;Y|Z) = 1 (Pr. 2.6(b)), so -1 bit.
    pytest.param(lambda: co_information(xor()), Integer(-1), id="CT2e-pr2.25-xor-I(X;Y;Z)"),
    pytest.param(lambda: co_information(xor(), "X", "Y", "Z", base=E), -log(2), id="xor-I(X;Y;Z)-nats"),
    # Interaction information has the opposite sign on three variables: +1 bit of synergy.
    pytest.param(lambda: interaction_information(xor()), Integer(1), id="xor-II(X;Y;Z)"),
    # X = Y = Z: I(X;Y) = 1 and I(X;Y|Z) = 0 (C&T Pr. 2.6(a)), so I(X;Y;Z) = 1 bit.
    pytest.param(lambda: co_information(copies()), Integer(1), id="CT2e-pr2.6a-copies-I(X;Y;Z)"),
    pytest.param(lambda: interaction_information(copies()), Integer(-1), id="copies-II(X;Y;Z)"),
    # Total correlation of xor by hand: H(X) + H(Y) + H(Z) - H(X,Y,Z) = 3 - 2 = 1 bit.
    pytest.param(lambda: total_correlation(xor()), Integer(1), id="xor-TC"),
    # Dual total correlation of xor by hand: H(X,Y,Z) - 0 = 2 bits (each variable is a function
    # of the other two).
    pytest.param(lambda: dual_total_correlation(xor()), Integer(2), id="xor-DTC"),
    # X = Y = Z: TC = 3 - 1 = 2 bits, DTC = 1 - 0 = 1 bit (by hand).
    pytest.param(lambda: total_correlation(copies()), Integer(2), id="copies-TC"),
    pytest.param(lambda: dual_total_correlation(copies()), Integer(1), id="copies-DTC"),
    # C&T Example 2.2.1: I(X;Y) = 3/8 bit (MacKay, exercise 8.6, same table); TC = DTC = I for two variables.
    pytest.param(lambda: total_correlation(example_2_2_1(), "X", "Y"), Rational(3, 8), id="CT2e-ex2.2.1-TC"),
    pytest.param(lambda: dual_total_correlation(example_2_2_1()), Rational(3, 8), id="CT2e-ex2.2.1-DTC"),
    pytest.param(lambda: co_information(example_2_2_1(), "X", "Y"), Rational(3, 8), id="CT2e-ex2.2.1-co"),
    # One group: the co-information is the entropy, H(X) = 7/4 bits in C&T Example 2.2.1.
    pytest.param(lambda: co_information(example_2_2_1(), "X"), Rational(7, 4), id="CT2e-ex2.2.1-H(X)"),
    # Given Z, xor's X and Y are each determined by the other: I(X;Y|Z) = 1 = H(X|Z).
    pytest.param(lambda: co_information(xor(), "X", "Y", given="Z"), Integer(1), id="xor-I(X;Y|Z)"),
]


@pytest.mark.parametrize("compute, expected", CASES)
def test_values(compute, expected):
    value = compute()
    assert_exact(value, expected)
    assert value == expected  # canonical: structurally equal too


def test_atoms_of_xor():
    # Hand-derived: each variable is a function of the other two (conditional entropies 0);
    # each pair has I = 1 given the third; the centre is the co-information -1.
    assert information_atoms(xor()) == {
        "H(X|Y,Z)": 0,
        "H(Y|X,Z)": 0,
        "H(Z|X,Y)": 0,
        "I(X;Y|Z)": 1,
        "I(X;Z|Y)": 1,
        "I(Y;Z|X)": 1,
        "I(X;Y;Z)": -1,
    }


def test_atoms_of_two_variables_example_2_2_1():
    # C&T Example 2.2.1: H(X|Y) = 11/8, H(Y|X) = 13/8 bits; I(X;Y) = 3/8 bit (MacKay, exercise 8.6).
    atoms = information_atoms(example_2_2_1(), "X", "Y")
    assert atoms == {"H(X|Y)": Rational(11, 8), "H(Y|X)": Rational(13, 8), "I(X;Y)": Rational(3, 8)}
    # ... and they sum to H(X, Y) = 27/8 bits (C&T Example 2.2.1).
    assert sum(atoms.values()) == Rational(27, 8)


def test_atoms_labels_for_groups_and_given():
    d = independent(uniform(2, name="A"), uniform(2, name="B"), uniform(2, name="C"), uniform(2, name="W"))
    atoms = information_atoms(d, ("A", "B"), "C", given="W")
    assert list(atoms) == ["H(A,B|C,W)", "H(C|A,B,W)", "I(A,B;C|W)"]
    # Independent fair bits: H(A,B|C,W) = 2, H(C|A,B,W) = 1, I(A,B;C|W) = 0 (by hand).
    assert list(atoms.values()) == [2, 1, 0]


def test_symbolic_table():
    # X a bit with P(X=0) = p, Y = Z = X: every measure of the three copies is H(X).
    p = Symbol("p", positive=True)
    d = Distribution.from_pmf([p, 1 - p]).with_variable("Y", lambda x: x).with_variable("Z", lambda x, y: x)
    h = entropy(d, "X")
    assert_exact(co_information(d), h)
    assert_exact(dual_total_correlation(d), h)
    assert_exact(total_correlation(d), 2 * h)
    assert co_information(d, "X", "Y", given="Z") == 0


# --- identities, decided exactly ----------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=3))
def test_co_information_definition_and_symmetry(d):
    x, y, z = d.names
    value = co_information(d)
    # C&T Pr. 2.25: I(X;Y;Z) = I(X;Y) - I(X;Y|Z), symmetric in X, Y, Z.
    for a, b, c in itertools.permutations((x, y, z)):
        assert value == mutual_information(d, a, b) - mutual_information(d, a, b, given=c)
        assert co_information(d, a, b, c) == value
    # C&T Pr. 2.25(a) and (b).
    h = lambda *names: entropy(d, *names)  # noqa: E731
    mi = lambda a, b: mutual_information(d, a, b)  # noqa: E731
    assert_exact(value, h(x, y, z) - h(x) - h(y) - h(z) + mi(x, y) + mi(y, z) + mi(z, x))
    assert_exact(value, h(x, y, z) - h(x, y) - h(y, z) - h(z, x) + h(x) + h(y) + h(z))
    assert interaction_information(d) == -value


@settings(max_examples=30, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=3))
def test_atoms_partition_the_diagram(d):
    x, y, z = d.names
    atoms = information_atoms(d)
    assert list(atoms) == [
        f"H({x}|{y},{z})",
        f"H({y}|{x},{z})",
        f"H({z}|{x},{y})",
        f"I({x};{y}|{z})",
        f"I({x};{z}|{y})",
        f"I({y};{z}|{x})",
        f"I({x};{y};{z})",
    ]
    assert_exact(sympy.Add(*atoms.values()), entropy(d))
    assert atoms[f"I({x};{y};{z})"] == co_information(d)
    assert atoms[f"I({x};{y}|{z})"] == mutual_information(d, x, y, given=z)
    assert atoms[f"H({x}|{y},{z})"] == entropy(d, x, given=(y, z))
    # H(X) is the sum of the four atoms inside its circle.
    inside = [f"H({x}|{y},{z})", f"I({x};{y}|{z})", f"I({x};{z}|{y})", f"I({x};{y};{z})"]
    assert_exact(sympy.Add(*(atoms[k] for k in inside)), entropy(d, x))
    # Every atom but the centre is a conditional entropy or mutual information: nonnegative.
    for label, value in atoms.items():
        if label != f"I({x};{y};{z})":
            assert_nonnegative(value)


@settings(max_examples=30, deadline=None)
@given(joint_distributions(min_vars=2, max_vars=4, max_card=3))
def test_total_correlations(d):
    tc, dtc = total_correlation(d), dual_total_correlation(d)
    assert_nonnegative(tc)
    assert_nonnegative(dtc)
    # TC + DTC = sum_i I(X_i; X_rest)  (the S-information).
    s_information = sympy.Add(
        *(mutual_information(d, n, tuple(m for m in d.names if m != n)) for n in d.names)
    )
    assert_exact(tc + dtc, s_information)
    if len(d.names) == 2:
        assert tc == dtc == mutual_information(d, *d.names)
    if len(d.names) == 3:
        # Three variables: TC counts the centre atom twice and DTC once, so TC - DTC is the co-information.
        assert_exact(tc - dtc, co_information(d))
    # TC is zero exactly for a product of independent variables (canonical: 0 means 0).
    product = independent(*(d.marginal(n) for n in d.names))
    assert total_correlation(product) == 0
    assert dual_total_correlation(product) == 0


@settings(max_examples=20, deadline=None)
@given(joint_distributions(min_vars=4, max_vars=4, max_card=2))
def test_four_variables(d):
    a, b, c, w = d.names
    # I(A;B;C;W) = I(A;B;C) - I(A;B;C|W) (the recursive definition), and even n: II = co-information.
    assert_exact(co_information(d), co_information(d, a, b, c) - co_information(d, a, b, c, given=w))
    assert interaction_information(d) == co_information(d)
    # Conditional atoms sum to the conditional joint entropy.
    atoms = information_atoms(d, a, b, c, given=w)
    assert_exact(sympy.Add(*atoms.values()), entropy(d, a, b, c, given=w))
    # Grouping: I(A,B; C) computed as a two-group co-information.
    assert co_information(d, (a, b), c) == mutual_information(d, (a, b), c)


@settings(max_examples=20, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=2))
def test_base_changes_scale(d):
    bits = co_information(d)
    nats = co_information(d, base=E)
    assert_exact(nats, bits * log(2))
    assert_exact(total_correlation(d, base=4), total_correlation(d) / 2)


# --- errors -------------------------------------------------------------------------------


def test_errors():
    d = xor()
    with pytest.raises(UnknownVariableError, match="unknown variable 'Q'"):
        co_information(d, "X", "Q")
    with pytest.raises(UnknownVariableError, match="unknown variable 'Q'"):
        total_correlation(d, given="Q")
    with pytest.raises(DistributionError, match="group 2 is empty"):
        co_information(d, "X", ())
    with pytest.raises(DistributionError, match="needs 2 or 3 groups, got 1"):
        information_atoms(d, "X")
    with pytest.raises(DistributionError, match="needs 2 or 3 groups, got 4"):
        information_atoms(d.with_variable("W", lambda x, y, z: 0))
    with pytest.raises(DistributionError, match="nothing is left"):
        dual_total_correlation(d, given=("X", "Y", "Z"))
    with pytest.raises(TypeError, match="group 1 must be a variable name or a tuple of names, got 3"):
        co_information(d, 3)
    with pytest.raises(TypeError, match="expected a Distribution, got dict"):
        co_information({(0, 0): 1})
    with pytest.raises(InvalidBaseError, match="got 1"):
        total_correlation(d, base=1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'bsae'"):
        co_information(d, bsae=2)
