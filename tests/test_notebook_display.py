"""Every public object displays in a notebook, and ``init_printing`` gives one notation.

The displays are those IPython's formatter picks (``_repr_html_``, ``_repr_latex_``), asked of
one instance of every public class of ``symentropy``; a new public class without an instance
here fails the completeness test.
"""

from __future__ import annotations

import enum
import inspect
import subprocess
import sys
import textwrap

import pytest
import sympy

import symentropy
from symentropy import (
    CapacityInterval,
    CertifiedInterval,
    Channel,
    ChernoffInformation,
    Code,
    ConditionalEntropy,
    ContinuousDistribution,
    Derivation,
    Distribution,
    Entropy,
    FanoBound,
    FormulaDistribution,
    FunctionOfChain,
    HighProbabilitySet,
    KLDivergence,
    MarkovChain,
    MaxEntropyResult,
    MutualInformation,
    NumericEstimate,
    OptimizationResult,
    PIDResult,
    ProofResult,
    RateDistortionCurve,
    RateDistortionInterval,
    ReverseWaterFilling,
    SanovExponent,
    TypicalSet,
    WaterFilling,
    binary_entropy,
    capacity,
    chernoff_information,
    derive,
    fano_bound,
    geometric,
    huffman_code,
    max_entropy,
    maximize,
    normal,
    pid,
    prove,
    rate_distortion,
    rate_distortion_curve,
    reverse_water_filling,
    sanov_exponent,
    smallest_high_probability_set,
    typical_set,
    water_filling,
    xlogx,
)

IPython = pytest.importorskip("IPython")
from IPython.core.formatters import DisplayFormatter  # noqa: E402

p = sympy.Symbol("p", positive=True)
D = Distribution({(0, 0): "1/2", (1, 1): "1/4", (1, 0): "1/4"}, names=("X", "Y"))
Q = Distribution({(0, 0): "1/4", (1, 1): "1/4", (1, 0): "1/4", (0, 1): "1/4"}, names=("X", "Y"))


def examples() -> dict[type, object]:
    table = {
        Distribution: D,
        Channel: Channel([["1/2", "1/2"], ["1/4", "3/4"]]),
        CapacityInterval: capacity(Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]]), digits=10),
        OptimizationResult: maximize(binary_entropy(p), over=p, domain=sympy.Interval(0, 1)),
        MaxEntropyResult: max_entropy([0, 1, 2], mean=1),
        binary_entropy: binary_entropy(p),
        xlogx: xlogx(p),
        FormulaDistribution: geometric(sympy.Rational(1, 3)),
        Entropy: Entropy(D, "X"),
        ConditionalEntropy: ConditionalEntropy(D, "X", given="Y"),
        MutualInformation: MutualInformation(D, "X", "Y"),
        KLDivergence: KLDivergence(D, Q),
        Derivation: derive(D, "I(X;Y)"),
        ContinuousDistribution: normal(0, 1),
        NumericEstimate: NumericEstimate("1.2345", "1e-10"),
        ProofResult: prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"]),
        TypicalSet: typical_set(["1/4", "3/4"], 8, "1/10"),
        HighProbabilitySet: smallest_high_probability_set(["1/4", "3/4"], 8, "1/10"),
        FanoBound: fano_bound(D, "X", "Y", digits=5),
        WaterFilling: water_filling([1, 2, 5], 4),
        ReverseWaterFilling: reverse_water_filling([1, 4, 9], 3),
        SanovExponent: sanov_exponent(["1/2", "1/2"], "3/4", values=[0, 1]),
        ChernoffInformation: chernoff_information(["1/3", "2/3"], ["2/3", "1/3"]),
        CertifiedInterval: chernoff_information(["1/2", "1/3", "1/6"], ["1/5", "2/5", "2/5"], digits=5).value,
        RateDistortionInterval: rate_distortion(["1/2", "1/3", "1/6"], "2/5", digits=5),
        RateDistortionCurve: rate_distortion_curve(["1/2", "1/2"], points=3),
        Code: huffman_code(["1/2", "1/4", "1/4"]),
        MarkovChain: MarkovChain([["1/2", "1/2"], [1, 0]]),
        FunctionOfChain: MarkovChain([["1/2", "1/2"], [1, 0]]).map({0: "a", 1: "b"}),
        PIDResult: pid(D.with_variable("Z", lambda x, y: x ^ y), ("X", "Y"), "Z"),
    }
    for cls, example in table.items():
        assert isinstance(example, cls), cls
    return table


def public_classes() -> set[type]:
    found = set()
    for name in symentropy.__all__:
        value = getattr(symentropy, name)
        if inspect.isclass(value) and not issubclass(value, (BaseException, enum.Enum)):
            found.add(value)
    return found


def test_every_public_class_has_an_example_here():
    missing = public_classes() - set(examples())
    assert not missing, f"no display example for {sorted(c.__name__ for c in missing)}"


@pytest.mark.parametrize("cls", sorted(public_classes(), key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_a_notebook_shows_math_or_a_table(cls):
    formats, _ = DisplayFormatter().format(examples()[cls])
    rich = formats.get("text/latex") or formats.get("text/html")
    assert rich, f"{cls.__name__} displays as plain text only: {sorted(formats)}"
    if "text/latex" in formats:
        assert formats["text/latex"].startswith("$") and formats["text/latex"].endswith("$")
    assert formats["text/plain"]


def test_init_printing_writes_results_in_textbook_notation():
    # run in a fresh interpreter: init_printing changes the display of sympy's classes for good
    script = textwrap.dedent(
        """
        import sympy
        from IPython.core.interactiveshell import InteractiveShell
        from symentropy import Distribution, entropy, init_printing, uniform

        ip = InteractiveShell.instance()
        h = entropy(uniform(6))
        print(ip.display_formatter.format(h)[0].get("text/latex"))
        init_printing(ip=ip)
        print(ip.display_formatter.format(h)[0]["text/latex"])
        print(ip.display_formatter.format([h, h / 2])[0]["text/latex"])
        d = Distribution.from_pmf(["1/2", "1/2"])
        print("distribution" in ip.display_formatter.format(d)[0]["text/html"])
        sympy.init_printing(ip=ip)
        print(ip.display_formatter.format(h)[0]["text/latex"])
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    before, after, listed, table, again = result.stdout.splitlines()
    assert r"\log_{2} 3" not in before  # sympy's own notation: a fraction of logarithms
    assert after == r"$\displaystyle 1 + \log_{2} 3$"
    assert listed == r"$\displaystyle \left[ 1 + \log_{2} 3, \  \frac{1}{2} + \frac{1}{2} \log_{2} 3\right]$"
    assert table == "True"
    assert r"\log_{2} 3" not in again


def test_codes_and_chains_are_latex_tables_for_sympys_printer():
    code = huffman_code({"a_1": "1/2", "b": "1/4", "c": "1/4"})
    table = sympy.latex(code)
    assert table.startswith(r"\begin{array}") and r"\text{a}\_\text{1} & \frac{1}{2} & \texttt{0}" in table
    assert code._repr_latex_() == "$$" + table + "$$"
    assert sympy.latex(MarkovChain([["1/2", "1/2"], [1, 0]])).startswith("P = \\left[")
    weather = MarkovChain.from_dict({"sun": {"sun": "9/10", "rain": "1/10"}, "rain": {"sun": "1/2", "rain": "1/2"}})
    assert r"\text{sun} & \frac{9}{10} & \frac{1}{10}" in sympy.latex(weather)
