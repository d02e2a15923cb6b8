"""Derivations: every step is an exact equality, and the renderings agree."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from sympy import E, Rational, Symbol, log

from symentropy import Distribution, ParseError, UnknownVariableError, independent, uniform
from symentropy.display.derivation import Derivation, _parse, derive
from symentropy.display.expressions import Entropy, KLDivergence, MutualInformation

from .support import assert_exact, joint_distributions

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
XOR = independent(uniform(2, name="X"), uniform(2, name="Y")).with_variable("Z", lambda x, y: x ^ y)
SMALL = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
p = Symbol("p", positive=True)


def canonical(expr: sympy.Expr) -> sympy.Expr:
    """Write every log of a positive rational as a sum of logs of primes, then expand.

    Logarithms of distinct primes are linearly independent over the
    rationals, so two such expressions are equal exactly when their
    canonical forms are structurally equal.
    """

    def split(e: sympy.Expr) -> sympy.Expr:
        r = e.args[0]
        total = sympy.Integer(0)
        for prime, k in sympy.factorint(r.p).items():
            total += k * log(prime, evaluate=False)
        for prime, k in sympy.factorint(r.q).items():
            total -= k * log(prime, evaluate=False)
        return total

    replaced = expr.replace(lambda e: isinstance(e, log) and e.args[0].is_Rational and e.args[0] > 0, split)
    return sympy.expand(replaced)


def assert_honest(derivation: Derivation) -> None:
    """Every '=' step's value equals the final value; the '≈' step is the decimals of it."""
    final = derivation.value
    for step in derivation.steps:
        if step.relation == "=":
            value = step.value.doit()
            if final.free_symbols:
                assert_exact(value, final)
            else:
                assert canonical(value - final) == 0, f"step {step.text} is {value}, not {final}"
        else:
            assert step.relation == "≈" and step.value is None
            approx, exact = sympy.Float(step.text, 30), sympy.N(final, 30)
            assert abs(approx - exact) <= sympy.Float("1e-13") * max(1, abs(exact))


CASES = [
    (uniform(range(1, 7)), "H(X)"),
    (CT_221, "H(X)"),
    (CT_221, "H(X,Y)"),
    (CT_221, "H(X|Y)"),
    (CT_221, "H(Y|X)"),
    (CT_221, "I(X;Y)"),
    (SMALL, "I(X;Y)"),
    (XOR, "I(X;Y|Z)"),
    (XOR, "I(X,Y;Z)"),
    (XOR, "H(X,Y|Z)"),
    (Distribution.from_pmf([p, 1 - p]), "H(X)"),
]


@pytest.mark.parametrize("d, notation", CASES, ids=[f"{n}-{i}" for i, (_, n) in enumerate(CASES)])
def test_every_step_is_an_equality(d, notation):
    assert_honest(derive(d, notation))


@pytest.mark.parametrize("base", [E, 10, Rational(1, 2)], ids=["e", "10", "1/2"])
def test_every_step_is_an_equality_in_other_bases(base):
    assert_honest(derive(CT_221, "I(X;Y)", base=base))
    assert_honest(derive(CT_221, "H(X|Y)", base=base))


@settings(max_examples=20, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=2))
def test_random_tables_give_honest_derivations(d):
    a, b, c = d.names
    assert_honest(derive(d, f"I({a};{b}|{c})"))
    assert_honest(derive(d, f"H({a}|{b},{c})"))
    assert_honest(derive(d, f"I({a},{b};{c})"))


def test_large_tables_collect_equal_terms():
    dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    derivation = derive(dice, "H(A,B)")
    assert len(derivation.steps) == 4  # definition, grouped table, exact value, decimals
    assert derivation.steps[1].text == "-log2(1/36)"
    assert "collected" in derivation.steps[1].reason
    assert_honest(derivation)


def test_textbook_values():
    # The fair die of the introduction: log2 6 = 1 + log2 3 bits.
    assert derive(uniform(range(1, 7)), "H(X)").value == 1 + log(3) / log(2)
    # Cover & Thomas, Example 2.2.1: H(X|Y) = 11/8 and I(X;Y) = 3/8 bits.
    assert derive(CT_221, "H(X|Y)").value == Rational(11, 8)
    assert derive(CT_221, "I(X;Y)").value == Rational(3, 8)
    assert derive(CT_221, "I(X;Y)").decimals == "0.375"


def test_divergence_derivations():
    # Cover & Thomas, Example 2.3.1 with r = 1/2, s = 1/4: D(p||q) = 1 - (1/2) log2 3.
    pp = Distribution.from_pmf(["1/2", "1/2"])
    qq = Distribution.from_pmf(["3/4", "1/4"])
    derivation = derive(KLDivergence(pp, qq))
    assert derivation.value == 1 - log(3) / (2 * log(2))
    assert_honest(derivation)
    infinite = derive(KLDivergence(pp, Distribution.from_pmf([1, 0])))
    assert infinite.value == sympy.oo and infinite.decimals is None
    assert infinite.steps[-1].latex == r"\infty"


def test_measure_objects_and_notation_agree():
    by_text = derive(CT_221, "I(X;Y)")
    by_object = derive(MutualInformation(CT_221, "X", "Y"))
    assert [s.text for s in by_text.steps] == [s.text for s in by_object.steps]
    assert derive(Entropy(CT_221, "X", given="Y")).value == Rational(11, 8)


def test_renderings():
    derivation = derive(SMALL, "I(X;Y)", digits=6)
    tex = derivation.to_latex()
    assert tex.startswith("\\begin{align*}\nI(X; Y) &= H(X) + H(Y) - H(X, Y)")
    assert tex.endswith("&\\approx 0.251629\n\\end{align*}")
    assert tex.count(" \\\\\n") == len(derivation.steps) - 1
    assert "&&" not in derivation.to_latex(reasons=False)
    assert derivation.to_markdown().startswith("$$\n\\begin{aligned}\n")
    assert derivation._repr_latex_().startswith("$$\\begin{aligned}")
    text = str(derivation)
    assert text.splitlines()[0].startswith("I(X;Y) = H(X) + H(Y) - H(X,Y)")
    assert text.splitlines()[-1].strip() == "≈ 0.251629"
    assert "Derivation of I(X;Y)" in repr(derivation)


def test_symbolic_tables_have_no_decimals():
    derivation = derive(Distribution.from_pmf([p, 1 - p]), "H(X)")
    assert derivation.decimals is None
    assert derivation.steps[-1].relation == "="
    assert "\\log_{2} \\left(1 - p\\right)" in derivation.steps[1].latex


def test_parsers():
    assert _parse("H(X|Y,Z)") == ("H", (("X",),), ("Y", "Z"))
    assert _parse("I(A,B;C)") == ("I", (("A", "B"), ("C",)), ())
    assert _parse("I(X ; Y | Z)") == ("I", (("X",), ("Y",)), ("Z",))
    for bad in ["H(X", "I(X)", "H(X)+H(Y)", "eval('1')", "D(P||Q)", "H(X) + H(Y)", "2 H(X)", "H_2(X)",
                "H(X|Y=1)", "I(X;Y;Z)"]:
        with pytest.raises(ParseError):
            _parse(bad)


def test_errors():
    with pytest.raises(UnknownVariableError, match="'W'"):
        derive(CT_221, "H(W)")
    with pytest.raises(TypeError, match="notation"):
        derive(CT_221)
    with pytest.raises(TypeError, match="no notation"):
        derive(Entropy(CT_221, "X"), "H(X)")
    with pytest.raises(ValueError, match="digits"):
        derive(CT_221, "H(X)", digits=0)
    with pytest.raises(TypeError):
        derive("H(X)")


def test_to_latex_exports_a_derivation():
    from symentropy.display.latex import to_latex

    derivation = derive(SMALL, "H(X)")
    assert to_latex(derivation) == derivation.to_latex()
    assert derivation.to_latex(environment="aligned").startswith("\\begin{aligned}\n")
    with pytest.raises(ValueError, match="environment"):
        derivation.to_latex(environment="equation")
