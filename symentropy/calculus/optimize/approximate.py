"""Numbers for the numeric searches: a private mpmath context, in and out.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`compile_for`                    an expression as a function evaluated in a
                                       private mpmath context
:func:`to_context`                     an exact value as a number of that context
:func:`to_float`                       a number of a context, or an expression, as a
                                       sympy ``Float`` of ``digits`` digits
=====================================  ===============================================

A numeric search (root finding, Newton steps) runs in a context from
:func:`symentropy.kernel.numeric.working_context`, at the digits asked for plus
guard digits; mpmath's global context is never read or changed.  Exact
values enter the context correctly rounded
(:func:`symentropy.kernel.numeric.evaluate`), so an exact candidate compared
with numeric ones is not blurred by cancellation.

Examples
========

>>> from sympy import Rational, Symbol, log
>>> from symentropy.kernel.numeric import working_context
>>> from symentropy.calculus.optimize.approximate import compile_for, to_context, to_float
>>> ctx = working_context(20)
>>> x = Symbol("x")
>>> f = compile_for(x*log(x), [x], ctx)
>>> to_float(f(to_context(Rational(1, 3), ctx)), 20)
-0.36620409622270323047
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sympy

from ...kernel.lambdify import lambdify
from ...kernel.numeric import evaluate

__all__ = ["compile_for", "to_context", "to_float"]


def compile_for(expr: Any, xs: Sequence[sympy.Symbol], ctx: Any) -> Callable:
    """``expr`` as a function of ``xs`` evaluated with the functions and precision of ``ctx``.

    ``expr`` may be a sympy ``Matrix`` (the function then returns an
    ``ctx.matrix``).
    """
    return lambdify(list(xs), expr, context=ctx)


def to_context(value: sympy.Expr, ctx: Any) -> Any:
    """An exact value as a number of ``ctx``, correctly rounded to its digits (``oo`` as ``ctx.inf``).

    >>> from sympy import log, oo
    >>> from symentropy.kernel.numeric import working_context
    >>> from symentropy.calculus.optimize.approximate import to_context
    >>> ctx = working_context(10, guard=0)
    >>> print(ctx.nstr(to_context(log(3), ctx), 10), to_context(-oo, ctx))
    1.098612289 -inf
    """
    if value is sympy.oo:
        return ctx.inf
    if value is sympy.S.NegativeInfinity:
        return -ctx.inf
    return ctx.mpf(evaluate(value, ctx.dps))


def to_float(value: Any, digits: int) -> sympy.Float:
    """A sympy ``Float`` of ``digits`` digits: an approximation rounded, an exact value evaluated.

    Exact values go through :func:`symentropy.kernel.numeric.evaluate`, so
    every digit is correct; numbers that are approximations already (mpmath
    numbers, expressions with ``Float`` numbers) are rounded.

    >>> from sympy import Float, sqrt
    >>> from symentropy.kernel.numeric import working_context
    >>> from symentropy.calculus.optimize.approximate import to_float
    >>> ctx = working_context(5)
    >>> to_float(sqrt(2), 10), to_float(ctx.mpf(1) / 3, 5), to_float(Float(0), 5)
    (1.414213562, 0.33333, 0.0)
    """
    if isinstance(value, sympy.Basic):
        if value.has(sympy.Float):
            return sympy.Float(value.evalf(digits), digits)
        return evaluate(value, digits)
    return sympy.Float(value, digits)
