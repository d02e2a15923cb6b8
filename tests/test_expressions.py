"""Unevaluated measures: printing, evaluation and sympy's object protocols."""

from __future__ import annotations

import copy
import pickle

import pytest
import sympy
from hypothesis import given, settings
from sympy import E, Matrix, Rational, Symbol, latex, pretty, sstr
from sympy.core.symbol import Str

from symentropy import Distribution, UnknownVariableError, entropy, independent, mutual_information, uniform
from symentropy.display.expressions import (
    ConditionalEntropy,
    DistributionAtom,
    Entropy,
    KLDivergence,
    MutualInformation,
)
from symentropy.errors import DistributionError
from symentropy.measures.divergences import kl_divergence

from .support import assert_exact, joint_distributions

# Cover & Thomas, Elements of Information Theory, 2nd ed., Example 2.2.1 (rows y, columns x).
CT_221 = Distribution.from_table(
    [
        ["1/8", "1/16", "1/32", "1/32"],
        ["1/16", "1/8", "1/32", "1/32"],
        ["1/16", "1/16", "1/16", "1/16"],
        ["1/4", 0, 0, 0],
    ],
    names=("Y", "X"),
    labels=(range(1, 5), range(1, 5)),
)
p = Symbol("p", positive=True)
BERNOULLI = Distribution.from_pmf([p, 1 - p])
XOR = independent(uniform(2, name="X"), uniform(2, name="Y")).with_variable("Z", lambda x, y: x ^ y)


def all_objects():
    return [
        Entropy(CT_221, "X"),
        Entropy(CT_221, "X", "Y"),
        ConditionalEntropy(CT_221, "X", "Y"),
        MutualInformation(CT_221, "X", "Y"),
        MutualInformation(XOR, ("X", "Y"), "Z", given=()),
        MutualInformation(XOR, "X", "Y", given="Z"),
        Entropy(BERNOULLI),
        Entropy(uniform(6), base=E),
        KLDivergence(uniform(2), Distribution.from_pmf(["3/4", "1/4"])),
        KLDivergence(CT_221, CT_221, "X", given="Y", labels=("p", "q")),
    ]


IDS = [
    "H(X)",
    "H(X,Y)",
    "H(X|Y)",
    "I(X;Y)",
    "I(X,Y;Z)",
    "I(X;Y|Z)",
    "H(p)",
    "H_e",
    "D(P||Q)",
    "D(p(X|Y)||q(X|Y))",
]


# -- values from the book ----------------------------------------------------------
def test_cover_thomas_example_2_2_1_values():
    # Book: H(X) = 7/4 bits, H(Y) = 2 bits, H(X|Y) = 11/8, H(Y|X) = 13/8, H(X,Y) = 27/8, I = 3/8.
    assert Entropy(CT_221, "X").doit() == Rational(7, 4)
    assert Entropy(CT_221, "Y").doit() == 2
    assert ConditionalEntropy(CT_221, "X", "Y").doit() == Rational(11, 8)
    assert Entropy(CT_221, "Y", given="X").doit() == Rational(13, 8)
    assert Entropy(CT_221, "X", "Y").doit() == Rational(27, 8)
    assert MutualInformation(CT_221, "X", "Y").doit() == Rational(3, 8)


def test_doit_matches_the_functions():
    assert Entropy(BERNOULLI).doit() == entropy(BERNOULLI)
    assert MutualInformation(XOR, "X", "Y", given="Z").doit() == 1
    assert MutualInformation(XOR, "X", "Y").doit() == 0
    q = Distribution.from_pmf(["3/4", "1/4"])
    assert KLDivergence(uniform(2), q).doit() == kl_divergence(uniform(2), q)
    assert KLDivergence(uniform(2), Distribution.from_pmf([1, 0])).doit() == sympy.oo


def test_a_derivation_written_first_evaluates_at_the_end():
    identity = (
        Entropy(CT_221, "X") - ConditionalEntropy(CT_221, "X", "Y") - MutualInformation(CT_221, "X", "Y")
    )
    assert identity.doit() == 0
    assert (2 * Entropy(CT_221, "X")).doit() == Rational(7, 2)


@settings(max_examples=25, deadline=None)
@given(joint_distributions(min_vars=2, max_vars=3, max_card=3))
def test_chain_rule_with_unevaluated_objects(d):
    a, b = d.names[:2]
    lhs = MutualInformation(d, a, b)
    rhs = Entropy(d, a) + Entropy(d, b) - Entropy(d, a, b)
    assert_exact(lhs.doit(), rhs.doit())


# -- printing --------------------------------------------------------------------
@pytest.mark.parametrize(
    "obj, text, tex",
    [
        (Entropy(CT_221, "X"), "H(X)", r"H(X)"),
        (Entropy(CT_221, "X", "Y"), "H(X,Y)", r"H(X, Y)"),
        (ConditionalEntropy(CT_221, "X", "Y"), "H(X|Y)", r"H(X \mid Y)"),
        (MutualInformation(XOR, "X", "Y", given="Z"), "I(X;Y|Z)", r"I(X; Y \mid Z)"),
        (MutualInformation(XOR, ("X", "Y"), "Z"), "I(X,Y;Z)", r"I(X, Y; Z)"),
        (Entropy(uniform(6), base=E), "H(X, base=E)", r"H_{e}(X)"),
        (KLDivergence(uniform(2), uniform(2)), "D(P||Q)", r"D(P \,\|\, Q)"),
        (
            KLDivergence(CT_221, CT_221, "X", given="Y"),
            "D(P(X|Y)||Q(X|Y))",
            r"D(P(X \mid Y) \,\|\, Q(X \mid Y))",
        ),
        (Entropy(independent(uniform(2, name="X1"), uniform(2, name="X2"))), "H(X1,X2)", r"H(X_{1}, X_{2})"),
    ],
    ids=["H", "joint", "conditional", "cmi", "groups", "base e", "kl", "kl conditional", "subscripts"],
)
def test_str_and_latex(obj, text, tex):
    assert str(obj) == text
    assert sstr(obj) == text
    assert latex(obj) == tex
    assert obj._repr_latex_() == f"$\\displaystyle {tex}$"


def test_printing_inside_larger_expressions():
    h, i = ConditionalEntropy(CT_221, "X", "Y"), MutualInformation(CT_221, "X", "Y")
    assert latex(Matrix([[h, i]])) == r"\left[\begin{matrix}H(X \mid Y) & I(X; Y)\end{matrix}\right]"
    assert latex([h, 2 * i]) == r"\left[ H(X \mid Y), \  2 I(X; Y)\right]"
    assert latex(h**2) == r"H(X \mid Y)^{2}"
    assert str(h + i) == "H(X|Y) + I(X;Y)"
    assert pretty(h + i, use_unicode=False) == "H(X|Y) + I(X;Y)"
    assert pretty(h**2, use_unicode=False) == "      2\nH(X|Y) "


def test_distribution_prints_inside_sympy_containers():
    d = Distribution.from_pmf(["1/2", "1/2"], outcomes="ab")
    table = (
        r"\begin{array}{c|c} X & P(X) \\ \hline \text{a} & \frac{1}{2} \\ \text{b} & \frac{1}{2} \end{array}"
    )
    assert latex([d]) == r"\left[ " + table + r"\right]"
    assert pretty(d, use_unicode=False) == "X  P  \n------\na  1/2\nb  1/2"
    assert "<th>a</th><td>1/2</td>" in d._repr_html_()
    assert sstr([d]) == "[Distribution.from_dict({'a': '1/2', 'b': '1/2'}, name='X')]"


def test_two_variable_distribution_is_a_grid():
    html = CT_221._repr_html_()
    assert "<th>Y \\ X</th>" in html and html.count("<tr>") == 5
    assert latex(CT_221).startswith(
        r"\begin{array}{c|cccc} Y \backslash X & 1 & 2 & 3 & 4 \\ \hline 1 & \frac{1}{8}"
    )


# -- sympy protocols ------------------------------------------------------------------
@pytest.mark.parametrize("obj", all_objects(), ids=IDS)
def test_rebuild_pickle_copy_round_trips(obj):
    assert obj.func(*obj.args) == obj
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert copy.deepcopy(obj) == obj
    assert obj.xreplace({}) == obj
    assert obj.subs(Symbol("unrelated"), 1) == obj
    assert hash(obj.func(*obj.args)) == hash(obj)
    assert all(isinstance(a, sympy.Basic) for a in obj.args)
    assert sympy.srepr(obj).startswith(type(obj).__name__ + "(DistributionAtom(")


@pytest.mark.parametrize("obj", all_objects(), ids=IDS)
def test_pickled_objects_evaluate(obj):
    assert pickle.loads(pickle.dumps(obj)).doit() == obj.doit()


def test_names_do_not_leak_into_free_symbols():
    assert MutualInformation(CT_221, "X", "Y").free_symbols == set()
    assert Entropy(BERNOULLI).free_symbols == {p}
    assert Entropy(uniform(2), base=Symbol("b", positive=True)).free_symbols == {Symbol("b", positive=True)}
    assert Str("X") in MutualInformation(CT_221, "X", "Y").atoms(Str)


def test_subs_and_xreplace_reach_into_the_table():
    h = Entropy(BERNOULLI)
    half = h.subs(p, Rational(1, 2))
    assert half.doit() == 1
    assert h.xreplace({p: Rational(1, 4)}).doit() == entropy(Distribution.from_pmf(["1/4", "3/4"]))
    assert half == Entropy(Distribution.from_pmf(["1/2", "1/2"]))
    with pytest.raises(DistributionError, match="negative"):
        h.subs(p, 2)
    assert (h + p).subs(p, Rational(1, 2)).doit() == Rational(3, 2)


def test_evalf_and_assumptions():
    assert sympy.N(Entropy(uniform(3)), 20) == sympy.N(sympy.log(3) / sympy.log(2), 20)
    assert Entropy(uniform(2)).evalf() == sympy.Float(1)
    assert Entropy(BERNOULLI).is_nonnegative and Entropy(BERNOULLI).is_real
    assert MutualInformation(CT_221, "X", "Y").is_nonnegative
    assert Entropy(uniform(2), base=Symbol("b", positive=True)).is_nonnegative is None
    assert Entropy(uniform(2), base=Rational(1, 2)).is_nonnegative is None


def test_derivative_stays_unevaluated_until_doit():
    derivative = sympy.diff(Entropy(BERNOULLI), p)
    assert isinstance(derivative, sympy.Derivative)
    assert_exact(derivative.doit(), (sympy.log(1 - p) - sympy.log(p)) / sympy.log(2))


def test_sorting_objects_of_different_distributions():
    a, b = Entropy(uniform(2)), Entropy(uniform(3))
    total = a + b
    assert total.doit() == 1 + sympy.log(3) / sympy.log(2)
    assert sorted([b, a], key=sympy.default_sort_key) == sorted([a, b], key=sympy.default_sort_key)
    assert a != b and DistributionAtom(uniform(2)) == DistributionAtom(uniform(2))


def test_conditional_entropy_spellings_are_one_object():
    assert ConditionalEntropy(CT_221, "X", "Y") == Entropy(CT_221, "X", given="Y")
    assert type(Entropy(CT_221, "X", given="Y")) is ConditionalEntropy
    assert Entropy(CT_221).names == ("Y", "X")


# -- errors ------------------------------------------------------------------------
def test_errors_name_the_bad_value():
    with pytest.raises(UnknownVariableError, match="'W'"):
        Entropy(CT_221, "W")
    with pytest.raises(UnknownVariableError, match="'W'"):
        MutualInformation(CT_221, "X", "Y", given="W")
    with pytest.raises(TypeError, match="Distribution"):
        Entropy({"a": 1}, "X")
    with pytest.raises(TypeError, match="separate strings"):
        Entropy(CT_221, ("X", "Y"))
    with pytest.raises(DistributionError, match="each side"):
        MutualInformation(CT_221, (), "Y")
    with pytest.raises(TypeError, match="labels"):
        KLDivergence(uniform(2), uniform(2), labels=("P",))
    with pytest.raises(TypeError, match="expected a distribution, got x"):
        DistributionAtom(Symbol("x"))
    with pytest.raises(TypeError):
        ConditionalEntropy(CT_221, "X")


def test_mutual_information_value_of_xor_groups():
    assert MutualInformation(XOR, ("X", "Y"), "Z").doit() == mutual_information(XOR, ("X", "Y"), "Z") == 1


def test_long_tables_are_cut_in_html():
    d = uniform(100)
    html = d._repr_html_()
    assert html.count("<tr>") == 1 + 60 + 1
    assert "&hellip; 40 more rows" in html
    grid = independent(uniform(70, name="A"), uniform(2, name="B"))._repr_html_()
    assert '<td colspan="3">&hellip; 10 more rows</td>' in grid


def test_pretty_table_of_a_symbolic_distribution():
    q = Symbol("q")
    d = Distribution.from_pmf([q**2, 1 - q**2], outcomes=["in", "out"])
    lines = ["X    P     ", "───────────", "      2    ", "in   q     ", "          2", "out  1 - q "]
    assert pretty(d, use_unicode=True) == "\n".join(lines)
