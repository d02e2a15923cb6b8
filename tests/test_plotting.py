"""Plots: what they draw, and a clear message without matplotlib."""

from __future__ import annotations

import builtins
import sys

import pytest
import sympy
from sympy import Rational, Symbol

from symentropy import Distribution, independent, uniform
from symentropy.display.latex import format_decimal, to_latex
from symentropy.display.plotting import (
    plot_binary_entropy,
    plot_expression,
    plot_information_diagram,
    plot_pid_lattice,
    plot_rate_distortion,
)
from symentropy.measures.multivariate import information_atoms


def test_missing_matplotlib_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    for module in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, module)
    with pytest.raises(ImportError, match=r"python -m pip install matplotlib .*'\.\[plot\]'"):
        plot_binary_entropy()


def test_importing_symentropy_does_not_import_matplotlib():
    import subprocess

    code = "import sys, symentropy, symentropy.display.plotting, symentropy.display.latex; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture
def plt():
    """matplotlib's pyplot on the Agg backend; the test is skipped without matplotlib."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


def test_binary_entropy_curve(plt):
    ax = plot_binary_entropy(points=5)
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [0.0, 0.25, 0.5, 0.75, 1.0]
    # h(0) = h(1) = 0 (limits), h(1/2) = 1 bit, h(1/4) = 2 - (3/4) log2 3.
    assert ys[0] == 0.0 and ys[-1] == 0.0 and ys[2] == 1.0
    assert ys[1] == pytest.approx(float(2 - Rational(3, 4) * sympy.log(3, 2)), rel=1e-12)
    assert ax.get_ylabel() == "$h(p)$ (bits)"
    assert ax.lines[1].get_data()[1][0] == 1.0  # the marked maximum


def test_binary_entropy_in_nats(plt):
    ax = plot_binary_entropy(base=sympy.E, points=3)
    assert ax.lines[0].get_data()[1][1] == pytest.approx(float(sympy.log(2)), rel=1e-12)
    assert ax.get_ylabel() == "$h(p)$ (nats)"


def test_plot_expression_labels_with_the_exact_formula(plt):
    q = Symbol("q")
    expr = q**2 * sympy.log(q) / sympy.log(2)
    ax = plot_expression(expr, domain=(0, 2), points=3)
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [0.0, 1.0, 2.0] and list(ys[:2]) == [0.0, 0.0] and ys[2] == pytest.approx(4.0)
    assert ax.get_legend().get_texts()[0].get_text() == f"${to_latex(expr)}$"


def test_plot_expression_errors(plt):
    a, b = Symbol("a"), Symbol("b")
    with pytest.raises(ValueError, match="one symbol"):
        plot_expression(a * b)
    with pytest.raises(ValueError, match=r"substitute values for \['b'\]"):
        plot_expression(a * b, a)
    with pytest.raises(ValueError, match="domain"):
        plot_expression(a, domain=(1, 0))


def region_texts(ax):
    """The text of each region label, lines joined, keyed by its position."""
    groups: dict[tuple, list[str]] = {}
    for t in ax.texts:
        if hasattr(t, "xy"):  # region labels are annotations at the region's point
            groups.setdefault(tuple(t.xy), []).append(t.get_text())
    return [lines for lines in groups.values()]


def test_two_variable_diagram_labels_each_region_exactly(plt):
    # Cover & Thomas, Example 2.2.1: H(X|Y) = 11/8, I(X;Y) = 3/8, H(Y|X) = 13/8.
    d = Distribution.from_table(
        [
            ["1/8", "1/16", "1/32", "1/32"],
            ["1/16", "1/8", "1/32", "1/32"],
            ["1/16", "1/16", "1/16", "1/16"],
            ["1/4", 0, 0, 0],
        ],
        names=("Y", "X"),
        labels=(range(1, 5), range(1, 5)),
    )
    ax = plot_information_diagram(d, "X", "Y")
    regions = region_texts(ax)
    assert [r[0] for r in regions] == [r"$\dfrac{11}{8}$", r"$\dfrac{13}{8}$", r"$\dfrac{3}{8}$"]
    assert [r[1] for r in regions] == [r"$\approx 1.375$", r"$\approx 1.625$", r"$\approx 0.375$"]
    circles = sorted(t.get_text() for t in ax.texts if not hasattr(t, "xy"))
    assert circles == ["$H(X)$", "$H(Y)$"]
    assert len(ax.patches) == 2


def test_three_variable_diagram_of_xor(plt):
    xor = independent(uniform(2, name="X"), uniform(2, name="Y")).with_variable("Z", lambda x, y: x ^ y)
    ax = plot_information_diagram(xor)
    regions = region_texts(ax)
    # Three zeros (each bit is a function of the other two), three 1s, and I(X;Y;Z) = -1 in the middle.
    assert [r[0] for r in regions] == ["$0$"] * 3 + ["$1$"] * 3 + ["$-1$"]
    assert len(ax.patches) == 3


def test_three_variable_diagram_with_long_values_uses_one_line_per_term(plt):
    dice = independent(uniform(range(1, 4), name="A"), uniform(range(1, 4), name="B"))
    dice = dice.with_variable("S", lambda a, b: a + b)
    atoms = information_atoms(dice)
    ax = plot_information_diagram(dice)
    regions = region_texts(ax)
    middle = regions[-1]
    assert atoms["I(A;B;S)"] == -Rational(4, 9) - sympy.log(3) / (3 * sympy.log(2))
    assert middle == [r"$- \dfrac{4}{9}$", r"$- \dfrac{1}{3} \log_{2} 3$", r"$\approx -0.9728$"]


def test_diagram_needs_two_or_three_variables(plt):
    four = independent(*(uniform(2, name=n) for n in "ABCD"))
    with pytest.raises(ValueError):
        plot_information_diagram(four)


def test_drawing_on_given_axes(plt):
    _, ax = plt.subplots()
    assert plot_binary_entropy(ax=ax, points=3) is ax


def test_plot_rate_distortion_draws_exact_and_certified_points(plt):
    from symentropy.measures.rate_distortion import rate_distortion_curve

    curve = rate_distortion_curve(["1/2", "1/3", "1/6"], points=5, digits=4)  # certified above D = 1/3
    ax = plot_rate_distortion(curve, label="Hamming")
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [float(d) for d in curve.distortions] == [0.0, 0.125, 0.25, 0.375, 0.5]
    assert abs(ys[0] - 1.4591479170272448) < 1e-12 and ys[-1] == 0.0  # H(X) and R(D_max) = 0
    assert ax.get_xlabel() == "$D$ (Hamming)" and ax.get_ylabel() == "$R(D)$ (bits)"
    plot_rate_distortion(["1/2", "1/2"], [[0, 2], [2, 0]], ax=ax, points=3)  # a wider curve: the axes follow
    assert ax.get_xlim()[1] >= 1.0


def test_plot_pid_lattice_draws_the_hasse_diagram(plt):
    from symentropy import independent, pid, uniform

    bits = independent(uniform(2, name="X1"), uniform(2, name="X2"), uniform(2, name="X3"))
    result = pid(bits.with_variable("Y", lambda a, b, c: a ^ b ^ c), ("X1", "X2", "X3"), "Y")
    ax = plot_pid_lattice(result)
    labels = {t.get_text().split("\n")[0]: t.get_text().split("\n")[1] for t in ax.texts}
    assert len(labels) == 18 and labels["{123}"] == "1" and labels["{1}{2}{3}"] == "0"
    # covering pairs of the 18-element lattice, counted by hand from the top: {123} covers 3,
    # {12} {13} {23} 2 each, {12}{13} {12}{23} {13}{23} 2 each, {1} {2} {3} 1 each, {12}{13}{23} 3,
    # {1}{23} {2}{13} {3}{12} 2 each, {1}{2} {1}{3} {2}{3} 1 each: 3 + 6 + 6 + 3 + 3 + 6 + 3 = 30
    assert len(ax.lines) == 30
    with pytest.raises(TypeError, match="draws a PIDResult"):
        plot_pid_lattice("not a result")
    # a BROJA decomposition certified to 10 places: each atom shown by its agreed digits
    from symentropy import Distribution

    weights = {(0, 0, 0): 5, (0, 1, 0): 3, (1, 0, 0): 6, (1, 1, 0): 3,
               (0, 0, 1): 6, (0, 1, 1): 6, (1, 0, 2): 6}
    d = Distribution({o: f"{w}/35" for o, w in weights.items()}, names=("X1", "X2", "Y"))
    broja = pid(d, ("X1", "X2"), "Y", measure="broja", digits=10)
    assert not broja.exact
    shown = {t.get_text().split("\n")[0]: t.get_text().split("\n")[1] for t in plot_pid_lattice(broja).texts}
    assert shown["{12}"] == format_decimal(broja.synergy, 4)
