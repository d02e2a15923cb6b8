"""Plots: the binary entropy curve, results against a parameter, information diagrams.

=======================================  ===============================================
function                                 draws
=======================================  ===============================================
:func:`plot_binary_entropy`              ``h(p) = -p log p - (1-p) log(1-p)`` on [0, 1]
:func:`plot_expression`                  any result with one symbol, against that symbol
:func:`plot_information_diagram`         the Venn diagram of 2 or 3 variables, each
                                         region labelled with its exact value
:func:`plot_rate_distortion`             a rate-distortion curve ``R(D)``
:func:`plot_pid_lattice`                 the redundancy lattice of a partial information
                                         decomposition, each atom labelled with its value
=======================================  ===============================================

Plotting needs matplotlib, which is an optional dependency: install it with
``python -m pip install matplotlib``, or with the ``plot`` extra from a checkout
(``python -m pip install ".[plot]"``).  It is imported only when a plot is
drawn, so ``import symentropy`` never needs it.  Each function draws on the
``ax`` it is given, or on a new figure, and returns the axes.

The values plotted are computed exactly and converted to floating point
only for drawing; endpoints where a formula is ``0 log 0`` are taken as
exact limits.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..errors import DistributionError, UndecidedError
from ..kernel.exact import safe_sympify
from ..kernel.lambdify import lambdify
from ..kernel.logbase import Base, as_base
from ..kernel.numeric import known_sign, working_context
from ..measures.multivariate import information_atoms
from ..measures.pid import PIDResult, antichain_leq
from ..measures.rate_distortion import RateDistortionCurve, rate_distortion_curve
from ..measures.shannon import entropy
from .latex import format_decimal, to_latex, unit_name

__all__ = [
    "plot_binary_entropy",
    "plot_expression",
    "plot_information_diagram",
    "plot_rate_distortion",
    "plot_pid_lattice",
]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "symentropy.display.plotting needs matplotlib; install it with python -m pip install matplotlib "
            "(or, in a checkout of symentropy, with its plot extra: python -m pip install '.[plot]')"
        ) from None
    return plt


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    plt = _pyplot()
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _mathtext(value: sympy.Expr) -> str:
    return to_latex(value)


def _samples(
    expr: sympy.Expr, symbol: sympy.Symbol, lo: sympy.Expr, hi: sympy.Expr, points: int
) -> tuple[list, list]:
    """Exact sample points and float values; non-finite values are replaced by exact limits."""
    ctx = working_context(5)  # 20 digits: ample for a picture
    f = lambdify(symbol, expr, context=ctx)
    xs, ys = [], []
    for k in range(points):
        x = lo + (hi - lo) * sympy.Rational(k, points - 1)
        try:
            y = complex(f(ctx.mpf(sympy.Float(x, 20))))
            ok = abs(y.imag) < 1e-12 and ctx.isfinite(y.real)
        except (ValueError, ZeroDivisionError, TypeError):
            ok = False
        if not ok:
            direction = "+" if k == 0 else "-"
            limit = sympy.limit(expr, symbol, x, direction) if k in (0, points - 1) else sympy.nan
            if not limit.is_finite or not limit.is_real:
                continue
            y = complex(sympy.N(limit))
        xs.append(float(x))
        ys.append(y.real)
    return xs, ys


def plot_expression(
    expr: Any,
    symbol: sympy.Symbol | None = None,
    *,
    domain: tuple[Any, Any] = (0, 1),
    ax: Any = None,
    points: int = 201,
    label: str | None = None,
) -> Any:
    """Plot a result that depends on one symbol against that symbol.

    Explanation
    ===========

    ``expr`` is a sympy expression (or an unevaluated measure, which is
    evaluated first) with exactly one free symbol, or ``symbol`` names the
    one to plot against.  The curve is labelled with the exact expression
    in textbook LaTeX unless ``label`` is given.

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy import Distribution, mutual_information
    >>> from symentropy.models.channel import binary_symmetric_channel
    >>> from symentropy.display.plotting import plot_expression
    >>> eps = Symbol("epsilon")
    >>> joint = binary_symmetric_channel(eps).joint({0: "1/2", 1: "1/2"})
    >>> ax = plot_expression(mutual_information(joint, "X", "Y"), eps)
    >>> ax.get_xlabel()
    '$\\\\epsilon$'

    Parameters
    ==========

    expr : sympy expression or unevaluated measure
    symbol : Symbol, optional
        The variable of the horizontal axis; the one free symbol by default.
    domain : pair of numbers
        The interval plotted, ``(0, 1)`` by default.
    ax : matplotlib Axes, optional
    points : int
        Number of sample points, endpoints included.
    label : str, optional

    See Also
    ========

    plot_binary_entropy
    """
    if hasattr(expr, "doit") and not isinstance(expr, sympy.Symbol):
        expr = expr.doit()
    expr = safe_sympify(expr)
    symbols = expr.free_symbols
    if symbol is None:
        if len(symbols) != 1:
            raise ValueError(
                f"plot_expression() needs one symbol to plot against; {expr} has {sorted(map(str, symbols))}"
            )
        symbol = next(iter(symbols))  # type: ignore[assignment]
    others = symbols - {symbol}
    if others:
        raise ValueError(
            f"substitute values for {sorted(map(str, others))} before plotting {expr} against {symbol}"
        )
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise ValueError(f"points must be an integer of at least 2, got {points!r}")
    lo, hi = (sympy.Rational(safe_sympify(v)) if not isinstance(v, sympy.Basic) else v for v in domain)
    if known_sign(hi - lo) != 1:
        raise ValueError(f"domain must be an interval (a, b) with a < b, got {domain!r}")
    xs, ys = _samples(expr, symbol, lo, hi, points)  # type: ignore[arg-type]
    ax = _axes(ax, (5.0, 3.2))
    ax.plot(xs, ys, label=label if label is not None else f"${_mathtext(expr)}$")
    ax.set_xlabel(f"${sympy.latex(symbol)}$")
    ax.set_xlim(float(lo), float(hi))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_binary_entropy(*, ax: Any = None, base: Base = 2, points: int = 201) -> Any:
    """Plot the binary entropy function ``h(p)`` for ``0 <= p <= 1``.

    The curve is computed from the exact ``entropy`` of ``(p, 1 - p)``;
    it has its maximum ``log_base 2`` (one bit) at ``p = 1/2``, marked.

    Examples
    ========

    >>> from symentropy.display.plotting import plot_binary_entropy
    >>> ax = plot_binary_entropy()
    >>> ax.get_ylabel()
    '$h(p)$ (bits)'

    See Also
    ========

    plot_expression
    """
    b = as_base(base)
    p = sympy.Symbol("p", nonnegative=True)
    h = entropy(Distribution.from_pmf([p, 1 - p]), base=b)
    ax = plot_expression(h, p, ax=ax, points=points)
    top = h.subs(p, sympy.Rational(1, 2))
    ax.plot([0.5], [float(sympy.N(top))], "o", color="C0")
    ax.annotate(
        f"$h(1/2) = {_mathtext(sympy.expand_log(top, force=True))}$",
        (0.5, float(sympy.N(top))),
        textcoords="offset points",
        xytext=(0, -22),
        ha="center",
    )
    ax.set_ylabel(f"$h(p)$ ({unit_name(b)})")
    ax.set_ylim(0, float(sympy.N(top)) * 1.1)
    return ax


# Region label positions, in the order of itertools.combinations over the groups.
_CENTERS_2 = [(-0.55, 0.0), (0.55, 0.0)]
_LABELS_2 = [(-1.05, 0.0), (1.05, 0.0), (0.0, 0.0)]
_CENTERS_3 = [(-0.55, 0.35), (0.55, 0.35), (0.0, -0.6)]
_LABELS_3 = [(-1.0, 0.65), (1.0, 0.65), (0.0, -1.15), (0.0, 0.75), (-0.62, -0.35), (0.62, -0.35), (0.0, 0.02)]


def _region_lines(value: sympy.Expr, digits: int) -> list[str]:
    """The exact value on one or more lines (one term a line when long), then its decimals."""
    def display(tex: str) -> str:  # full-size fractions: mathtext's \frac is small
        return "$" + tex.replace(r"\frac", r"\dfrac") + "$"

    tex = to_latex(value)
    lines = [display(tex)]
    if value.is_Add and len(tex) > 32:  # long: break between terms, about 30 characters a line
        pieces: list[str] = []
        for k, term in enumerate(_ordered_terms(value)):
            piece = to_latex(term)
            if k and not piece.startswith("-"):
                piece = "+ " + piece
            if pieces and len(pieces[-1]) + len(piece) <= 30:
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        lines = [display(piece) for piece in pieces]
    if not value.free_symbols:
        lines.append(f"$\\approx {format_decimal(value, digits)}$")
    return lines


def _stacked(ax: Any, x: float, y: float, lines: list[str], fontsize: float) -> None:
    """Centre ``lines`` on ``(x, y)``, one text each, spaced by their height (fractions are tall)."""
    heights = [fontsize * (2.8 if "frac" in line else 1.5) for line in lines]
    top = sum(heights) / 2
    for line, h in zip(lines, heights, strict=True):
        ax.annotate(
            line,
            (x, y),
            xytext=(0, top - h / 2),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=fontsize,
        )
        top -= h


def _ordered_terms(value: sympy.Expr) -> list[sympy.Expr]:
    """The terms of a sum in the order :func:`~symentropy.display.latex.to_latex` prints them."""

    def key(t: sympy.Expr) -> tuple:
        arguments = sorted((a.args[0] for a in t.atoms(sympy.log)), key=sympy.default_sort_key)
        return tuple(sympy.default_sort_key(a) for a in arguments), sympy.default_sort_key(t)

    constant = [t for t in value.args if t.is_Rational]
    numeric = sorted((t for t in value.args if t.is_number and not t.is_Rational), key=key)
    other = [t for t in value.args if not t.is_number]
    return constant + numeric + other


def plot_information_diagram(
    d: Distribution,
    *groups: Any,
    given: Any = (),
    ax: Any = None,
    base: Base = 2,
    digits: int = 4,
) -> Any:
    """Draw the information diagram (Venn diagram) of 2 or 3 variables.

    Explanation
    ===========

    Each circle stands for the entropy of one variable (or group), and
    each region is labelled with its exact value and its decimals: for two
    variables ``H(X|Y)``, ``I(X;Y)``, ``H(Y|X)``; for three, the seven atoms
    of Yeung's I-measure, including the co-information ``I(X;Y;Z)`` in the
    middle, which can be negative.  The atoms are those of
    :func:`symentropy.measures.multivariate.information_atoms`.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.display.plotting import plot_information_diagram
    >>> d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
    >>> ax = plot_information_diagram(d)
    >>> [t.get_text() for t in ax.texts if "log" in t.get_text()]
    ['$- \\\\dfrac{4}{3} + \\\\log_{2} 3$']

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        Two or three variables (or groups); by default every variable of
        ``d`` not in ``given``.
    given : str or tuple of str
        Condition every region on these variables.
    ax : matplotlib Axes, optional
    base : 2, sympy.E, 10, ...
    digits : int
        Significant digits of the decimals under each exact value.

    See Also
    ========

    symentropy.measures.multivariate.information_atoms

    References
    ==========

    R. W. Yeung, *Information Theory and Network Coding*, Springer, 2008,
    chapter 3.  Cover & Thomas, 2nd ed., Figure 2.2.
    """
    atoms = information_atoms(d, *groups, given=given, base=base)
    count = {3: 2, 7: 3}.get(len(atoms))
    if count is None:  # pragma: no cover - information_atoms checks this
        raise DistributionError(f"an information diagram has 2 or 3 circles; got {len(atoms)} regions")
    labels = list(atoms)
    names = [lab[2:-1].split("|")[0] for lab in labels[:count]]
    ax = _axes(ax, (7.0, 6.4) if count == 3 else (7.0, 3.8))
    from matplotlib.patches import Circle

    centers = _CENTERS_2 if count == 2 else _CENTERS_3
    spots = _LABELS_2 if count == 2 else _LABELS_3
    regions = [c for k in range(1, count + 1) for c in combinations(range(count), k)]
    assert len(regions) == len(labels)
    for i, (x, y) in enumerate(centers):
        ax.add_patch(Circle((x, y), 1.0, facecolor=f"C{i}", alpha=0.18, edgecolor=f"C{i}", linewidth=1.5))
    circle_spots = [(-1.35, 0.9), (1.35, 0.9)] if count == 2 else [(-1.45, 1.2), (1.45, 1.2), (0.0, -1.78)]
    for i, (x, y) in enumerate(circle_spots):
        name = names[i].replace(",", ", ")
        condition = (
            "" if not given else r" \mid " + ", ".join([given] if isinstance(given, str) else list(given))
        )
        ax.text(x, y, f"$H({name}{condition})$", ha="center", va="center", fontsize=12, color=f"C{i}")
    for label, (x, y) in zip(labels, spots, strict=True):
        _stacked(ax, x, y, _region_lines(atoms[label], digits), 9)
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.95 if count == 3 else -1.25, 1.5 if count == 3 else 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def plot_rate_distortion(
    source: Any, distortion: Any = "hamming", *, ax: Any = None, points: int = 41, base: Base = 2,
    label: str | None = None,
) -> Any:
    """Plot the rate-distortion function ``R(D)`` of a source, or a computed curve.

    ``source`` is what :func:`~symentropy.measures.rate_distortion.rate_distortion`
    takes (with ``distortion``), or a
    :class:`~symentropy.measures.rate_distortion.RateDistortionCurve`.  The
    points are exact or certified to 6 places before they become floats.

    Examples
    ========

    >>> from symentropy.display.plotting import plot_rate_distortion
    >>> ax = plot_rate_distortion(["1/2", "1/3", "1/6"], points=5)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('$D$ (Hamming)', '$R(D)$ (bits)')
    """
    if isinstance(source, RateDistortionCurve):
        curve = source
    else:
        curve = rate_distortion_curve(source, distortion, points=points, base=base)
    xs, ys = curve.floats()
    ax = _axes(ax, (5, 3.2))
    ax.plot(xs, ys, "-", label=label)
    ax.set_xlabel(f"$D$ ({curve.label})")
    ax.set_ylabel(f"$R(D)$ ({unit_name(curve.base)})")
    drawn = [line.get_data() for line in ax.lines]  # the limits cover every curve on the axes
    right = max(max(x, default=0.0) for x, _ in drawn)
    top = max(max(y, default=0.0) for _, y in drawn)
    ax.set_xlim(min(0.0, xs[0]), right if right > 0 else 1)
    ax.set_ylim(0, top * 1.05 if top > 0 else 1)
    if label is not None:
        ax.legend()
    return ax


def plot_pid_lattice(result: PIDResult, *, ax: Any = None, digits: int = 4) -> Any:
    """Draw the redundancy lattice of a :func:`~symentropy.measures.pid.pid` result.

    Each node is an antichain in Williams & Beer's notation (``{1}{2}``,
    ``{12}``, ...) with its atom, evaluated to ``digits`` significant digits
    (correctly rounded, :func:`~symentropy.kernel.numeric.evaluate`); lines
    join each antichain to those that cover it, the bottom ``{1}{2}...`` at
    the foot and the synergy ``{12...}`` at the top.  The sources are named
    in the title.

    Examples
    ========

    >>> from symentropy import uniform, independent, pid
    >>> from symentropy.display.plotting import plot_pid_lattice
    >>> bits = independent(uniform(2, name="X1"), uniform(2, name="X2"))
    >>> ax = plot_pid_lattice(pid(bits.with_variable("Y", lambda a, b: a & b), ("X1", "X2"), "Y"))
    >>> sorted(t.get_text().split("\\n")[0] for t in ax.texts)
    ['{12}', '{1}', '{1}{2}', '{2}']
    """
    if not isinstance(result, PIDResult):
        raise TypeError(f"plot_pid_lattice() draws a PIDResult, got {type(result).__name__}")
    nodes = list(result.atoms)
    below = {a: [b for b in nodes if b != a and antichain_leq(b, a)] for a in nodes}
    rank: dict[Any, int] = {}
    for a in sorted(nodes, key=lambda a: len(below[a])):  # a linear extension: below first
        rank[a] = 1 + max((rank[b] for b in below[a]), default=-1)
    levels: dict[int, list[Any]] = {}
    for a in nodes:
        levels.setdefault(rank[a], []).append(a)
    position = {}
    for r, row in levels.items():
        for k, a in enumerate(row):
            position[a] = ((k + 1) / (len(row) + 1), r)
    ax = _axes(ax, (2.2 + 0.9 * max(len(row) for row in levels.values()), 1.2 + 1.1 * len(levels)))
    for a in nodes:  # covering pairs: b < a with nothing between
        for b in below[a]:
            if not any(c in below[a] and b in below[c] for c in nodes):
                (x0, y0), (x1, y1) = position[b], position[a]
                ax.plot([x0, x1], [y0, y1], "-", color="0.7", zorder=1)
    for a in nodes:
        value = result.atoms[a]
        if isinstance(value, sympy.Expr) and value.free_symbols:
            shown = f"${to_latex(value)}$"
        else:  # an exact number or a certified interval: its correctly rounded digits
            try:
                shown = format_decimal(value, digits)
            except UndecidedError:  # the interval's ends round apart: show the bracket
                shown = str(value)
        x, y = position[a]
        ax.text(x, y, f"{result.label(a)}\n{shown}", ha="center", va="center", fontsize=9, zorder=2,
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.5"})
    legend = ", ".join(f"{i + 1} = {s}" for i, s in enumerate(result.sources))
    quantity = f"I({', '.join(result.sources)}; {','.join(result.target)})"
    ax.set_title(f"PID ({result.measure}) of {quantity}: {legend}", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, max(levels) + 0.6)
    ax.axis("off")
    return ax
