r"""How outcome labels and variable names are shown: in messages and in LaTeX.

=======================  ==========================================================
name                     gives
=======================  ==========================================================
:func:`format_outcome`   an outcome as messages show it
:func:`latex_text`       math-mode LaTeX for arbitrary text
:func:`latex_name`       LaTeX for a variable name
:func:`latex_label`      LaTeX for an outcome label
=======================  ==========================================================

>>> from symentropy.core.labels import latex_label, latex_name, format_outcome
>>> latex_name("X1"), latex_name("b&c"), latex_label((1, "a")), format_outcome((0, 1))
('X_{1}', '\\text{b}\\&\\text{c}', '\\left(1, \\text{a}\\right)', '(0, 1)')
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import sympy

from ..kernel.exact import safe_sympify

__all__ = ["format_outcome", "latex_text", "latex_name", "latex_label"]


def format_outcome(outcome: tuple) -> str:
    """An outcome as messages show it: the value itself for one variable, else the tuple."""
    return repr(outcome[0]) if len(outcome) == 1 else repr(outcome)


_LATEX_SPECIALS = {
    "\\": r"\backslash", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\sim", "^": r"\hat{}",
}


def latex_text(text: str) -> str:
    """Math-mode LaTeX for arbitrary text: ``\\text{...}`` runs, special characters as math.

    ``"b&c"`` becomes ``\\text{b}\\&\\text{c}``, which both LaTeX and MathJax
    (whose ``\\text`` takes no macros) typeset as the text.
    """
    pieces: list[str] = []
    run = ""
    for ch in text:
        if ch in _LATEX_SPECIALS:
            if run:
                pieces.append(r"\text{" + run + "}")
                run = ""
            pieces.append(_LATEX_SPECIALS[ch])
        else:
            run += ch
    if run or not pieces:
        pieces.append(r"\text{" + run + "}")
    return "".join(pieces)


def latex_name(name: str, printer: Any = None) -> str:
    """LaTeX for a variable name, in math mode.

    Names that sympy prints as symbols (``X``, ``X1``, ``alpha``, ``Y_a``) are
    printed as sympy prints a ``Symbol`` of that name (``X_{1}``,
    ``\\alpha``); any other name is set upright as text (:func:`latex_text`).
    """
    if re.fullmatch(r"[A-Za-z]+[0-9]*(_[A-Za-z0-9]+)?", name):
        symbol = sympy.Symbol(name)
        return printer._print(symbol) if printer is not None else sympy.latex(symbol)
    return latex_text(name)


def latex_label(value: Any, printer: Any = None) -> str:
    """LaTeX for an outcome label, in math mode: numbers as numbers, anything else as text."""
    if isinstance(value, bool) or not isinstance(value, (int, Fraction, sympy.Basic, tuple)):
        return latex_text(str(value))
    if isinstance(value, tuple):
        return r"\left(" + ", ".join(latex_label(v, printer) for v in value) + r"\right)"
    if isinstance(value, Fraction):
        number = sympy.Rational(value.numerator, value.denominator)
    else:
        number = safe_sympify(value)
    return printer._print(number) if printer is not None else sympy.latex(number)
