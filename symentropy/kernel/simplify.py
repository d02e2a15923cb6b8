"""The one rule for choosing among equal forms of an expression: the shortest.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`shortest`                       the shortest of several equal expressions
:func:`tidy`                           the shortest of an expression, its expansion
                                       and its factorisation
=====================================  ===============================================

"Shortest" is measured by sympy's operation count, then by the length of the
printed form; ties keep the earlier candidate, so the expression as given wins
when nothing is shorter.  Every place that picks a display form among equal
expressions calls :func:`shortest` (canonical forms of numbers, which are not
a matter of length, are in :mod:`symentropy.kernel.canonical`).

``simplify()`` is never called here: it is slow on large expressions and does
not produce a canonical form.

Examples
========

>>> from sympy import symbols
>>> from symentropy.kernel.simplify import shortest, tidy
>>> p, q = symbols("p q")
>>> tidy(p*q + p*(1 - q))
p
>>> tidy((1 - p)*(1 - q))
(1 - p)*(1 - q)
>>> shortest([p**2 + 2*p + 1, (p + 1)**2])
(p + 1)**2
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy

__all__ = ["shortest", "tidy", "length"]


def length(expr: sympy.Basic) -> tuple[int, int]:
    """The measure :func:`shortest` minimises: operations, then printed length."""
    if not isinstance(expr, sympy.Basic):  # count_ops would parse a string with eval
        raise TypeError(f"expected a sympy expression, got {expr!r}")
    return (sympy.count_ops(expr), len(str(expr)))


def shortest(candidates: Iterable[sympy.Basic]) -> sympy.Basic:
    """Return the shortest of equal expressions (see :func:`length`); the first on a tie."""
    return min(candidates, key=length)


def tidy(expr: sympy.Expr) -> sympy.Expr:
    """Return the shortest of ``expr``, its expansion and its factorisation.

    Used on symbolic probabilities and coefficients (sums of cells such as
    ``p*q + p*(1 - q)`` become ``p``); never on sums of logarithms, which have
    a canonical form of their own (:mod:`symentropy.kernel.canonical`).
    """
    if not isinstance(expr, sympy.Basic):
        raise TypeError(f"expected a sympy expression, got {expr!r}")
    if expr.is_Atom or expr.is_Rational:
        return expr
    candidates = [expr]
    expanded = sympy.expand(expr)
    candidates.append(expanded)
    # factor polynomials in symbols; a number (a sum of 200 radicals, say) is not factored:
    # factoring over its algebraic field costs minutes and gives nothing shorter
    if expanded.free_symbols and (expanded.is_Add or expanded.is_Mul or expanded.is_Pow):
        try:
            candidates.append(sympy.factor(expanded))
        except sympy.PolynomialError:  # non-polynomial expressions: keep the others
            pass
    return shortest(candidates)
