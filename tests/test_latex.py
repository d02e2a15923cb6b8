"""LaTeX export: textbook forms, tables, channels, and formulas that compile."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import sympy
from hypothesis import given, settings
from sympy import E, Rational, Symbol, log

from symentropy import Distribution, entropy, independent, mutual_information, uniform
from symentropy.display.derivation import derive
from symentropy.display.expressions import Entropy, MutualInformation
from symentropy.display.latex import _LogBase, _rewrite_logs, format_decimal, to_latex, to_text, unit_name
from symentropy.models.channel import Channel, binary_symmetric_channel

from .support import joint_distributions

p = Symbol("p", positive=True)
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
DICE = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B")).with_variable(
    "S", lambda a, b: a + b
)


@pytest.mark.parametrize(
    "value, expected",
    [
        (1 + log(3) / log(2), r"1 + \log_{2} 3"),
        (log(3) / log(2), r"\log_{2} 3"),
        (Rational(3, 2) - Rational(3, 4) * log(3) / log(2), r"\frac{3}{2} - \frac{3}{4} \log_{2} 3"),
        (-Rational(4, 3) + log(3) / log(2), r"- \frac{4}{3} + \log_{2} 3"),
        (Rational(3, 8), r"\frac{3}{8}"),
        (sympy.Integer(0), "0"),
        (log(2) + log(3), r"\ln 2 + \ln 3"),
        (log(3) / log(10), r"\log_{10} 3"),
        (log(3) / log(Symbol("b")), r"\log_{b} 3"),
        (log(Rational(3, 2)) / log(2), r"\log_{2} \frac{3}{2}"),
        (
            -p * log(p) / log(2) - (1 - p) * log(1 - p) / log(2),
            r"- p \log_{2} p - \left(1 - p\right) \log_{2} \left(1 - p\right)",
        ),
        ((log(1 - p) - log(p)) / log(2), r"- \log_{2} p + \log_{2} \left(1 - p\right)"),
    ],
    ids=[
        "die",
        "log2 3",
        "ct-2.2.1-like",
        "negative constant",
        "rational",
        "zero",
        "nats",
        "base 10",
        "symbolic base",
        "rational argument",
        "binary entropy",
        "distributed",
    ],
)
def test_textbook_forms(value, expected):
    assert to_latex(value) == expected


def test_measures_come_out_in_textbook_form():
    # A fair die: log2 6 = 1 + log2 3 bits.
    assert to_latex(entropy(uniform(range(1, 7)))) == r"1 + \log_{2} 3"
    # Cover & Thomas, Example 2.2.1: I(X;Y) = 3/8 bit.
    assert to_latex(mutual_information(CT_221, "X", "Y"), units=True) == r"\frac{3}{8} \,\text{bits}"
    assert (
        to_latex(entropy(DICE, "A", given="S"))
        == r"\frac{13}{18} + \frac{1}{3} \log_{2} 3 + \frac{5}{18} \log_{2} 5"
    )


def test_units_and_decimals():
    assert to_latex(Rational(1, 2), units=True, base=E) == r"\frac{1}{2} \,\text{nats}"
    assert to_latex(Rational(1, 2), units=True, base=10) == r"\frac{1}{2} \,\text{hartleys}"
    assert to_latex(Rational(1, 2), units=True, base=3) == r"\frac{1}{2} \,\text{units of } \log_{3}"
    assert to_latex(Entropy(uniform(6), base=E), units=True) == r"H_{e}(X) \,\text{nats}"
    assert to_latex(log(3) / log(2), decimals=8) == r"\log_{2} 3 \approx 1.5849625"
    assert to_latex(MutualInformation(CT_221, "X", "Y"), decimals=3) == r"I(X; Y) \approx 0.375"
    assert to_latex(sympy.oo, decimals=3) == r"\infty"
    with pytest.raises(ValueError, match="symbols"):
        to_latex(p, decimals=3)
    assert unit_name(2) == "bits"


def test_format_decimal():
    assert format_decimal(log(3) / log(2), 15) == "1.58496250072116"
    assert format_decimal(Rational(1, 3), 4) == "0.3333"
    assert format_decimal(-Rational(1, 8), 4) == "-0.125"
    assert format_decimal(sympy.Integer(2), 4) == "2"


def test_plain_text_form():
    assert to_text(Rational(3, 2) - Rational(3, 4) * log(3) / log(2)) == "3/2 - 3*log2(3)/4"
    assert to_text(log(2) + log(3)) == "ln(2) + ln(3)"


@settings(max_examples=30, deadline=None)
@given(joint_distributions(min_vars=2, max_vars=3, max_card=3))
def test_rewriting_keeps_the_value(d):
    value = mutual_information(d, d.names[0], d.names[1]) + entropy(d)
    rewritten = _rewrite_logs(value)
    restored = rewritten.replace(lambda e: isinstance(e, _LogBase), lambda e: log(e.args[0]) / log(e.args[1]))
    assert sympy.expand(restored - value) == 0


# -- tables ---------------------------------------------------------------------
def test_distribution_booktabs_long():
    d = Distribution.from_pmf(["1/2", "1/4", "1/4"], outcomes=["a_1", "b&c", 3])
    assert to_latex(d) == "\n".join(
        [
            r"\begin{tabular}{cc}",
            r"\toprule",
            r"$X$ & $P(X)$ \\",
            r"\midrule",
            r"$\text{a}\_\text{1}$ & $\frac{1}{2}$ \\",
            r"$\text{b}\&\text{c}$ & $\frac{1}{4}$ \\",
            r"$3$ & $\frac{1}{4}$ \\",
            r"\bottomrule",
            r"\end{tabular}",
        ]
    )


def test_distribution_booktabs_grid_and_array():
    tex = to_latex(CT_221)
    assert r"& \multicolumn{4}{c}{$X$} \\" in tex
    assert r"\cmidrule(l){2-5}" in tex
    assert r"$4$ & $\frac{1}{4}$ & $0$ & $0$ & $0$ \\" in tex
    assert to_latex(CT_221, style="array") == sympy.latex(CT_221)
    long = to_latex(CT_221, layout="long")
    assert r"$Y$ & $X$ & $P(Y, X)$ \\" in long and long.count(r"\\") == 17
    with pytest.raises(Exception, match="two variables"):
        to_latex(uniform(2), layout="grid")


def test_channels_real_and_duck_typed():
    tex = to_latex(binary_symmetric_channel(p))
    assert r"$W(y \mid x)$ & \multicolumn{2}{c}{$Y$} \\" in tex
    assert r"$0$ & $1 - p$ & $p$ \\" in tex

    class Stub:
        matrix = sympy.Matrix([[1, 0], [Rational(1, 2), Rational(1, 2)]])
        inputs = ("a", "b")
        outputs = (0, 1)

    assert to_latex(Stub(), style="array") == (
        r"\begin{array}{c|cc} X \backslash Y & 0 & 1 \\ \hline "
        r"\text{a} & 1 & 0 \\ \text{b} & \frac{1}{2} & \frac{1}{2} \end{array}"
    )
    z = Channel([[1, 0], ["1/2", "1/2"]], inputs="ab")
    assert to_latex(z, names=("U", "V")).splitlines()[2] == r"$W(v \mid u)$ & \multicolumn{2}{c}{$V$} \\"


def test_refuses_what_it_cannot_export():
    with pytest.raises(TypeError, match="cannot export"):
        to_latex("H(X)")
    with pytest.raises(ValueError, match="style"):
        to_latex(uniform(2), style="fancy")


# -- the formulas render ----------------------------------------------------------------
FORMULAS = [
    to_latex(entropy(uniform(range(1, 7)))),
    to_latex(mutual_information(CT_221, "X", "Y"), units=True),
    to_latex(entropy(DICE, "A", given="S"), decimals=10),
    to_latex(entropy(Distribution.from_pmf([p, 1 - p]))),
    to_latex(MutualInformation(CT_221, "X", "Y")),
    to_latex(Entropy(uniform(2), base=E)),
]


@pytest.mark.parametrize("tex", FORMULAS)
def test_formulas_parse_with_mathtext(tex):
    mathtext = pytest.importorskip("matplotlib.mathtext")
    parser = mathtext.MathTextParser("agg")
    # mathtext knows \mathrm but not \text; the unit is text in real LaTeX.
    parser.parse("$" + tex.replace(r"\text", r"\mathrm") + "$", dpi=72)


LATEX_ENGINE = shutil.which("pdflatex") or shutil.which("lualatex") or shutil.which("xelatex")


@pytest.mark.skipif(LATEX_ENGINE is None, reason="no LaTeX engine installed")
def test_exports_compile_with_latex(tmp_path):
    d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
    body = ["$" + f + "$\\par" for f in FORMULAS] + [
        to_latex(CT_221),
        to_latex(CT_221, layout="long"),
        "$" + to_latex(CT_221, style="array") + "$",
        to_latex(binary_symmetric_channel(p)),
        to_latex(Distribution.from_pmf(["1/2", "1/2"], outcomes=["a_1", "b&c"])),
        derive(d, "I(X;Y)").to_latex(),
        derive(uniform(range(1, 7)), "H(X)").to_latex(),
        derive(d, "H(X|Y)").to_latex(),
        derive(
            independent(uniform(2, name="X"), uniform(2, name="Y")).with_variable("Z", lambda x, y: x ^ y),
            "I(X;Y|Z)",
        ).to_latex(),
        derive(Distribution.from_pmf([p, 1 - p]), "H(X)").to_latex(),
    ]
    document = "\n".join(
        [r"\documentclass{article}", r"\usepackage{amsmath}", r"\usepackage{booktabs}", r"\begin{document}"]
        + [b + "\n\n" for b in body]
        + [r"\end{document}"]
    )
    (tmp_path / "export.tex").write_text(document)
    result = subprocess.run(
        [LATEX_ENGINE, "-interaction=nonstopmode", "-halt-on-error", "export.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (tmp_path / "export.pdf").exists()
