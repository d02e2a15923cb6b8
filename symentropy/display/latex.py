"""LaTeX export in textbook style.

==========================================  ===========================================
what :func:`to_latex` is given              what it returns
==========================================  ===========================================
a result (a sympy expression)               math: ``\\frac{3}{2} - \\frac{3}{4} \\log_{2} 3``
an unevaluated measure                      math: ``I(X; Y)``
a :class:`~symentropy.Distribution`         a ``booktabs`` tabular (or a math ``array``)
a channel (``matrix``, ``inputs``,          a ``booktabs`` tabular of ``W(y|x)`` (or a
``outputs``)                                math ``array``)
a derivation                                an ``align*`` environment
==========================================  ===========================================

sympy prints ``log(3)/log(2)`` as ``\\frac{\\log{\\left(3 \\right)}}{\\log{\\left(2
\\right)}}``; textbooks write ``\\log_{2} 3``.  :func:`to_latex` rewrites each
product ``c*log(x)/log(b)`` as ``c \\log_{b} x``, writes natural logarithms as
``\\ln``, puts the rational part of a sum first and the coefficients in front
(``\\frac{3}{4} \\log_{2} 3``), and can append the unit (``bits``, ``nats``,
``hartleys``) and a decimal approximation.  It is an ordinary sympy
``LatexPrinter`` underneath, so any sympy expression can be given.

Tables use the ``booktabs`` package (``\\toprule``, ``\\midrule``,
``\\cmidrule``, ``\\bottomrule``); put ``\\usepackage{booktabs}`` in the
preamble, or pass ``style="array"`` for a plain math ``array``.

Examples
========

>>> from sympy import E
>>> from symentropy import Distribution, uniform, entropy, mutual_information
>>> from symentropy.display.latex import to_latex
>>> print(to_latex(entropy(uniform(6))))
1 + \\log_{2} 3
>>> d = Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/4", (1, 0): "1/4"}, names=("X", "Y"))
>>> print(to_latex(mutual_information(d, "X", "Y"), units=True))
\\frac{3}{2} - \\frac{3}{4} \\log_{2} 3 \\,\\text{bits}
>>> print(to_latex(entropy(uniform(6), base=E), units=True, base=E))
\\ln 2 + \\ln 3 \\,\\text{nats}
"""

from __future__ import annotations

from typing import Any

import mpmath
import sympy
from sympy import Add, Function, Mul, log
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from ..core.distribution import Distribution
from ..core.labels import latex_label, latex_name
from ..errors import SymentropyError
from ..kernel.exact import safe_sympify
from ..kernel.logbase import Base, as_base
from ..kernel.numeric import check_digits, evaluate
from ..kernel.xlogx import log_form
from .expressions import InformationMeasure

__all__ = [
    "to_latex",
    "to_text",
    "unit_name",
    "format_decimal",
    "TextbookLatexPrinter",
    "textbook_latex",
    "init_printing",
]


class _LogBase(Function):
    """``log(x)/log(b)`` kept together for printing as ``\\log_{b} x``."""

    nargs = 2

    @classmethod
    def eval(cls, x: sympy.Expr, b: sympy.Expr) -> None:
        return None

    def _sympystr(self, printer: Any) -> str:
        x, b = self.args
        return (
            f"log{printer._print(b)}({printer._print(x)})"
            if b.is_Integer
            else f"log_{printer._print(b)}({printer._print(x)})"
        )

    def _latex(self, printer: Any, exp: Any = None) -> str:
        x, b = self.args
        head = rf"\log_{{{printer._print(b)}}}"
        if exp is not None:
            head += f"^{{{exp}}}"
        return f"{head} {_log_argument(x, printer)}"


def _log_argument(x: sympy.Expr, printer: Any) -> str:
    """``3``, ``p`` or ``\\frac{3}{4}`` bare; anything else in parentheses."""
    if x.is_Atom or (x.is_Rational and not x.is_Integer):
        return printer._print(x)
    return rf"\left({printer._print(x)}\right)"


def _rewrite_logs(expr: sympy.Expr) -> sympy.Expr:
    """Replace each ``c*log(x)/log(b)`` in ``expr`` by ``c*_LogBase(x, b)``."""

    def rewrite(m: sympy.Expr) -> sympy.Expr:
        inverse = [f for f in m.args if f.is_Pow and f.exp == -1 and isinstance(f.base, log)]
        if len(inverse) != 1:
            return m
        logs = [f for f in m.args if isinstance(f, log)]
        others = [f for f in m.args if f is not inverse[0]]
        b = inverse[0].base.args[0]
        if logs:
            rest = [f for f in others if f is not logs[0]]
            return Mul(*rest, _LogBase(logs[0].args[0], b))
        sums = [f for f in others if f.is_Add and f.has(log)]
        if len(sums) == 1:  # (log(x) - log(y))/log(b): distribute
            rest = [f for f in others if f is not sums[0]]
            return Add(*(rewrite(Mul(t, *rest, inverse[0])) for t in sums[0].args))
        return m

    return expr.replace(lambda e: e.is_Mul, rewrite)


def _rewrite_within(obj: Any) -> Any:
    """:func:`_rewrite_logs` on an expression, or on each one in a list, tuple, set or dict."""
    if isinstance(obj, sympy.Basic):
        return _rewrite_logs(log_form(obj))
    if type(obj) in (list, tuple, set, frozenset):
        return type(obj)(_rewrite_within(item) for item in obj)
    if type(obj) is dict:
        return {_rewrite_within(k): _rewrite_within(v) for k, v in obj.items()}
    return obj


class TextbookLatexPrinter(LatexPrinter):
    """A sympy ``LatexPrinter`` that writes logarithms the way textbooks do.

    ``log(x)/log(b)`` becomes ``\\log_{b} x``, ``log(x)`` becomes ``\\ln x``,
    a rational coefficient is written in front of the rest of a product, and
    the terms of a sum are ordered: the rational part, then logarithms of
    numbers by increasing argument, then the other terms.  Objects with a
    ``_latex`` method (distributions, unevaluated measures) print as usual.

    Examples
    ========

    >>> from sympy import Symbol, log
    >>> from symentropy.display.latex import TextbookLatexPrinter
    >>> p = Symbol("p")
    >>> TextbookLatexPrinter().doprint(-p*log(p)/log(2) - (1 - p)*log(1 - p)/log(2))
    '- p \\\\log_{2} p - \\\\left(1 - p\\\\right) \\\\log_{2} \\\\left(1 - p\\\\right)'
    """

    def doprint(self, expr: Any) -> str:
        return super().doprint(_rewrite_within(expr))

    def _print_log(self, expr: sympy.Expr, exp: Any = None) -> str:
        head = r"\ln" if exp is None else rf"\ln^{{{exp}}}"
        return f"{head} {_log_argument(expr.args[0], self)}"

    def _print_Mul(self, expr: sympy.Expr) -> str:
        coefficient, rest = expr.as_coeff_Mul()
        if coefficient.is_Rational and rest is not sympy.S.One and sympy.fraction(rest)[1] == 1:
            sign = "- " if coefficient < 0 else ""
            size = abs(coefficient)
            if size == 1:
                front = ""
            elif size.is_Integer:
                front = f"{size} "
            else:
                front = rf"\frac{{{size.p}}}{{{size.q}}} "
            if rest.is_Mul:
                body = super()._print_Mul(rest)
            else:
                body = self.parenthesize(rest, PRECEDENCE["Mul"])
            return f"{sign}{front}{body}"
        return super()._print_Mul(expr)

    def _print_Add(self, expr: sympy.Expr, order: Any = None) -> str:
        terms = list(expr.args)
        constant = [t for t in terms if t.is_Rational]
        numeric = [t for t in terms if t.is_number and not t.is_Rational]
        other = [t for t in terms if not t.is_number]

        def key(t: sympy.Expr) -> tuple:
            arguments = sorted((a.args[0] for a in t.atoms(_LogBase, log)), key=sympy.default_sort_key)
            return tuple(sympy.default_sort_key(a) for a in arguments), sympy.default_sort_key(t)

        ordered = constant + sorted(numeric, key=key)
        if other:
            ordered += list(Add(*other).as_ordered_terms()) if len(other) > 1 else other
        tex = ""
        for i, term in enumerate(ordered):
            negative = term.could_extract_minus_sign()
            if negative:
                term = -term
            piece = self._print(term)
            if precedence(term) < PRECEDENCE["Add"]:
                piece = rf"\left({piece}\right)"
            if i == 0:
                tex = f"- {piece}" if negative else piece
            else:
                tex += f" - {piece}" if negative else f" + {piece}"
        return tex


def textbook_latex(expr: Any, **settings: Any) -> str:
    """``sympy.latex`` in textbook notation: :class:`TextbookLatexPrinter` with ``settings``.

    It takes the settings of :func:`sympy.latex` (``mode``, ``order``, ...), so it can be
    given to :func:`sympy.init_printing` as its ``latex_printer``, which is what
    :func:`init_printing` does.

    >>> from sympy import log
    >>> from symentropy.display.latex import textbook_latex
    >>> print(textbook_latex(1 + log(3)/log(2)))
    1 + \\log_{2} 3
    >>> print(textbook_latex(1 + log(3)/log(2), mode="inline"))
    $1 + \\log_{2} 3$
    """
    return TextbookLatexPrinter(settings).doprint(expr)


def init_printing(**settings: Any) -> None:
    """Display every result in textbook notation in Jupyter and IPython (opt-in).

    Explanation
    ===========

    sympy's notebook display writes ``log(3)/log(2)`` as a fraction of two
    logarithms, while :func:`to_latex` and derivations write ``\\log_{2} 3``.
    After ``init_printing()`` every sympy expression shown as a cell's result
    (and every list, tuple or dict of them) is written by
    :class:`TextbookLatexPrinter`, so a notebook uses one notation throughout.
    It is :func:`sympy.init_printing` with :func:`textbook_latex` as its
    ``latex_printer`` and ``use_latex="mathjax"`` (LaTeX for the notebook to
    typeset, no PNG images); ``settings`` are passed on (``use_unicode``,
    ``order``, ``ip``, ``use_latex``, ...), and calling
    :func:`sympy.init_printing` again goes back to sympy's notation.
    Distributions, unevaluated measures, channels and the other symentropy
    objects display the same either way.

    Outside IPython it does what :func:`sympy.init_printing` does there: the
    interactive prompt pretty-prints results.

    Examples
    ========

    In a notebook::

        from symentropy import init_printing, entropy, uniform
        init_printing()
        entropy(uniform(6))    # shown as 1 + log_2 3
    """
    settings.setdefault("use_latex", "mathjax")
    sympy.init_printing(latex_printer=textbook_latex, **settings)


class _TextbookStrPrinter(StrPrinter):
    def _print_log(self, expr: sympy.Expr) -> str:
        return f"ln({self._print(expr.args[0])})"


def to_text(expr: sympy.Expr) -> str:
    """Plain text in the style of :func:`to_latex`: ``1 + log2(3)``, ``ln(2)``.

    >>> from sympy import log, Rational
    >>> from symentropy.display.latex import to_text
    >>> to_text(Rational(3, 2) - Rational(3, 4)*log(3)/log(2))
    '3/2 - 3*log2(3)/4'
    """
    return _TextbookStrPrinter({"order": "none"}).doprint(_rewrite_within(safe_sympify(expr)))


def unit_name(base: Base) -> str:
    """The name of the unit of information for a logarithm base.

    ``bits`` for 2, ``nats`` for e, ``hartleys`` for 10; for any other base
    ``b``, ``log_b units``.

    >>> from sympy import E
    >>> from symentropy.display.latex import unit_name
    >>> unit_name(2), unit_name(E), unit_name(10), unit_name(3)
    ('bits', 'nats', 'hartleys', 'log_3 units')
    """
    b = as_base(base)
    names = {sympy.Integer(2): "bits", sympy.E: "nats", sympy.Integer(10): "hartleys"}
    return names.get(b, f"log_{b} units")


def _unit_latex(base: sympy.Expr) -> str:
    name = unit_name(base)
    if name.startswith("log_"):
        return rf" \,\text{{units of }} \log_{{{sympy.latex(base)}}}"
    return rf" \,\text{{{name}}}"


def _is_channel(obj: Any) -> bool:
    return all(hasattr(obj, a) for a in ("matrix", "inputs", "outputs")) and not isinstance(obj, sympy.Basic)


def _is_derivation(obj: Any) -> bool:
    return hasattr(obj, "steps") and hasattr(obj, "to_latex") and not isinstance(obj, sympy.Basic)


def _cell(value: Any, printer: LatexPrinter) -> str:
    return "$" + latex_label(value, printer) + "$"


def _tabular(spec: str, header: list[str], rows: list[list[str]], above: str = "") -> str:
    lines = [rf"\begin{{tabular}}{{{spec}}}", r"\toprule"]
    if above:
        lines.append(above)
    lines.append(" & ".join(header) + r" \\")
    lines.append(r"\midrule")
    lines.extend(" & ".join(r) + r" \\" for r in rows)
    lines.extend([r"\bottomrule", r"\end{tabular}"])
    return "\n".join(lines)


def _grid_tabular(
    row_name: str, col_name: str, rows: list, cols: list, value: Any, printer: LatexPrinter, corner: str = ""
) -> str:
    n = len(cols)
    above = rf"{corner} & \multicolumn{{{n}}}{{c}}{{${col_name}$}} \\" + "\n" + rf"\cmidrule(l){{2-{n + 1}}}"
    header = [f"${row_name}$"] + [_cell(c, printer) for c in cols]
    body = [[_cell(r, printer)] + ["$" + printer._print(value(r, c)) + "$" for c in cols] for r in rows]
    return _tabular("c" + "c" * n, header, body, above)


def _distribution_latex(d: Distribution, printer: LatexPrinter, style: str, layout: str) -> str:
    if style == "array":
        return printer._print(d)
    if layout == "grid" and len(d.names) != 2:
        raise SymentropyError(f"layout='grid' needs a distribution of two variables, not {len(d.names)}")
    if layout == "grid" or (layout == "auto" and len(d.names) == 2):
        rows, cols = d.grid()
        names = [latex_name(n, printer) for n in d.names]
        return _grid_tabular(names[0], names[1], rows, cols, lambda r, c: d[(r, c)], printer)
    names = [latex_name(n, printer) for n in d.names]
    header = [f"${n}$" for n in names] + [f"$P({', '.join(names)})$"]
    body = [[_cell(v, printer) for v in o] + ["$" + printer._print(p) + "$"] for o, p in d.items()]
    return _tabular("c" * (len(names) + 1), header, body)


def _channel_latex(channel: Any, printer: LatexPrinter, style: str, names: tuple[str, str]) -> str:
    matrix = sympy.Matrix(channel.matrix)
    inputs, outputs = list(channel.inputs), list(channel.outputs)
    x, y = (latex_name(n, printer) for n in names)
    if style == "array":
        head = rf"{x} \backslash {y} & " + " & ".join(latex_label(o, printer) for o in outputs)
        body = r" \\ ".join(
            latex_label(i, printer)
            + " & "
            + " & ".join(printer._print(matrix[r, c]) for c in range(len(outputs)))
            for r, i in enumerate(inputs)
        )
        return rf"\begin{{array}}{{c|{'c' * len(outputs)}}} {head} \\ \hline {body} \end{{array}}"
    corner = rf"$W({y.lower() if len(y) == 1 else y} \mid {x.lower() if len(x) == 1 else x})$"
    return _grid_tabular(
        x, y, inputs, outputs, lambda i, o: matrix[inputs.index(i), outputs.index(o)], printer, corner=corner
    )


def to_latex(
    obj: Any,
    *,
    units: bool = False,
    base: Base | None = None,
    decimals: int | None = None,
    style: str = "booktabs",
    layout: str = "auto",
    names: tuple[str, str] = ("X", "Y"),
) -> str:
    """Return LaTeX for a result, a measure, a distribution, a channel or a derivation.

    Explanation
    ===========

    Results and measures give math-mode LaTeX (no ``$`` around it) in the
    textbook style of :class:`TextbookLatexPrinter`: ``\\log_{2} 3`` rather
    than ``\\frac{\\log{\\left(3 \\right)}}{\\log{\\left(2 \\right)}}``.

    Distributions and channels give a text-mode ``tabular`` with
    ``booktabs`` rules: one column per variable and one row per outcome, or,
    for two variables (``layout="grid"``, the default for two), the
    textbook grid with the first variable down and the second across.
    ``style="array"`` gives a math-mode ``array`` instead (the form used by
    ``sympy.latex`` and in Jupyter).

    A derivation (from :func:`symentropy.display.derivation.derive`) gives its
    ``align*`` block.

    Examples
    ========

    >>> from symentropy import Distribution, uniform, entropy
    >>> from symentropy.display.expressions import Entropy
    >>> from symentropy.display.latex import to_latex
    >>> print(to_latex(entropy(uniform(3)), decimals=6))
    \\log_{2} 3 \\approx 1.58496
    >>> print(to_latex(Entropy(uniform(3)), units=True))
    H(X) \\,\\text{bits}
    >>> print(to_latex(Distribution.from_pmf(["1/2", "1/2"], outcomes=["heads", "tails"])))
    \\begin{tabular}{cc}
    \\toprule
    $X$ & $P(X)$ \\\\
    \\midrule
    $\\text{heads}$ & $\\frac{1}{2}$ \\\\
    $\\text{tails}$ & $\\frac{1}{2}$ \\\\
    \\bottomrule
    \\end{tabular}

    Parameters
    ==========

    obj : sympy expression, measure, Distribution, channel or derivation
    units : bool
        Append the unit of ``base`` (``\\,\\text{bits}``).
    base : 2, sympy.E, 10, ...
        The base the result is in, for ``units``; the base of a measure by
        default, else 2.
    decimals : int, optional
        Append ``\\approx`` and the value to this many significant digits
        (for values without symbols).
    style : ``"booktabs"`` or ``"array"``
        For distributions and channels.
    layout : ``"auto"``, ``"grid"`` or ``"long"``
        For distributions.
    names : pair of str
        The input and output variable names of a channel.

    See Also
    ========

    symentropy.display.derivation.derive, TextbookLatexPrinter
    """
    if style not in ("booktabs", "array"):
        raise ValueError(f"style must be 'booktabs' or 'array', got {style!r}")
    if layout not in ("auto", "grid", "long"):
        raise ValueError(f"layout must be 'auto', 'grid' or 'long', got {layout!r}")
    if decimals is not None:
        decimals = check_digits(decimals, what="decimals")
    if base is not None:
        base = as_base(base)
    printer = TextbookLatexPrinter()
    if isinstance(obj, Distribution):
        return _distribution_latex(obj, printer, style, layout)
    if _is_channel(obj):
        return _channel_latex(obj, printer, style, names)
    if _is_derivation(obj):
        return obj.to_latex()
    if isinstance(obj, (int, sympy.Basic)) and not isinstance(obj, bool):
        expr = safe_sympify(obj)
    else:
        raise TypeError(f"to_latex() cannot export a {type(obj).__name__}")
    tex = printer.doprint(expr)
    if units:
        if base is None:
            base = expr.base if isinstance(expr, InformationMeasure) else 2
        tex += _unit_latex(as_base(base))
    if decimals is not None:
        value = expr.doit() if hasattr(expr, "doit") else expr
        if value.free_symbols:
            raise ValueError(
                f"cannot give decimals of {value}: it has symbols {sorted(map(str, value.free_symbols))}"
            )
        if value.is_finite:
            tex += r" \approx " + _decimal(value, decimals)
    return tex


def _decimal(value: sympy.Expr, digits: int) -> str:
    """``value`` to ``digits`` significant digits, as LaTeX (``\\infty`` for ``oo``)."""
    return format_decimal(value, digits)


def format_decimal(value: Any, digits: int) -> str:
    """Return ``value`` rounded to ``digits`` significant digits, as plain text.

    The digits are correctly rounded (:func:`symentropy.kernel.numeric.evaluate`,
    which also takes a certified enclosure such as a
    :class:`~symentropy.measures.certified.CertifiedInterval`); trailing zeros
    are dropped, and an integer prints without a decimal point.

    >>> from sympy import log, Rational
    >>> from symentropy.display.latex import format_decimal
    >>> format_decimal(log(3)/log(2), 10), format_decimal(Rational(3, 2), 5), format_decimal(Rational(2), 5)
    ('1.584962501', '1.5', '2')
    """
    if isinstance(value, sympy.Expr) and value.is_Integer:
        return str(value)
    number = evaluate(value, digits)
    if not number.is_Float:
        raise ValueError(f"cannot give decimals of {value}: it is not a real number")
    # the digits of the correctly rounded Float itself (mpmath.mpf would round to the global precision)
    return mpmath.libmp.to_str(number._mpf_, digits, strip_zeros=True, min_fixed=-6, max_fixed=digits + 1)
