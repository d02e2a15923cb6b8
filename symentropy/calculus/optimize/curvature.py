"""A structural proof of concavity or convexity.

:func:`curvature` reads an objective as a sum of terms of known curvature
(Boyd & Vandenberghe, *Convex Optimization*, Section 3.2): a proved concave
objective on a convex domain needs a single stationary point inside the
domain for a certified global maximum.

Examples
========

>>> from sympy import log, symbols
>>> from symentropy.calculus.optimize.curvature import curvature
>>> p, q = symbols("p q")
>>> curvature(-p*log(p) - (1 - p)*log(1 - p), [p])
'concave'
>>> curvature(p*q, [p, q]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from .problem import is_affine
from .signs import sign_of

__all__ = ["curvature"]

_FLIP = {"concave": "convex", "convex": "concave", "affine": "affine"}


def curvature(expr: sympy.Expr, xs: Sequence[sympy.Symbol]) -> str | None:
    """``"affine"``, ``"concave"`` or ``"convex"`` when provable from the structure, else ``None``.

    Rules: sums of functions of one curvature keep it; a constant factor of
    known sign keeps or flips it; ``u*log(u)``, ``u**(2k)`` and ``exp(u)`` are
    convex and ``log(u)`` and ``u**r`` (``0 < r < 1``) concave for affine ``u``.

    >>> from sympy import exp, sqrt, Symbol
    >>> from symentropy.calculus.optimize.curvature import curvature
    >>> x = Symbol("x")
    >>> curvature(exp(2*x) - 3*sqrt(x), [x]), curvature(-(x - 1)**2, [x])
    ('convex', 'concave')
    """
    if is_affine(expr, xs):
        return "affine"
    if expr.is_Add:
        kinds = {curvature(a, xs) for a in expr.args}
        if None in kinds:
            return None
        kinds.discard("affine")
        return kinds.pop() if len(kinds) == 1 else ("affine" if not kinds else None)
    if expr.is_Mul:
        coeff, rest = expr.as_independent(*xs, as_Add=False)
        if coeff != 1:
            kind = curvature(rest, xs)
            if kind in (None, "affine"):
                return kind
            s = sign_of(coeff)
            return kind if s == 1 else _FLIP[kind] if s == -1 else None
        factors = list(rest.args)
        logs = [f for f in factors if isinstance(f, sympy.log)]
        if len(factors) == 2 and len(logs) == 1:
            lg = logs[0]
            other = factors[0] if factors[1] is lg else factors[1]
            u = lg.args[0]
            if is_affine(u, xs) and is_affine(other, xs):
                ratio = sympy.cancel(other / u)
                if not ratio.has(*xs):
                    s = sign_of(ratio)
                    return "convex" if s == 1 else "concave" if s == -1 else None
        return None
    if isinstance(expr, sympy.log) and is_affine(expr.args[0], xs):
        return "concave"
    if isinstance(expr, sympy.exp) and curvature(expr.args[0], xs) in ("affine", "convex"):
        return "convex"
    if expr.is_Pow and is_affine(expr.base, xs) and expr.exp.is_Rational:
        if expr.exp.is_integer and expr.exp.is_even and expr.exp > 0:
            return "convex"
        if 0 < expr.exp < 1:
            return "concave"
    return None
