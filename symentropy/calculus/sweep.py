"""Vectorised numpy functions of symbolic results, for plots and grids.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`numpy_function`                 ``sympy.lambdify`` for results: ``0 log 0 = 0``
:func:`tabulate`                       evaluate a result on arrays of parameter values
=====================================  ===============================================

Explanation
===========

``sympy.lambdify`` turns ``-p*log(p)/log(2) - (1 - p)*log(1 - p)/log(2)``
into a numpy function that returns ``nan`` at ``p = 0`` and ``p = 1``,
because ``0 * log(0)`` is ``0 * -inf`` in floating point.  Information
theory uses the limit, ``0 log 0 = 0`` (Cover & Thomas, 2nd ed., p. 14).
:func:`numpy_function` first rewrites the expression: every term
``A*log(u)`` whose coefficient ``A`` has the factor ``u`` becomes
``(A/u) * xlogx(u)``, where ``xlogx(u) = u*log(u)`` extended by ``0`` at
``u = 0`` (the ``xlogy`` convention of scipy).  The rewriting is exact
wherever the original is defined, and it gives the limit at the boundary.
A term whose coefficient does not vanish with ``u`` (a derivative
``log(p) - log(1 - p)``, say) keeps its ``log`` and gives ``-inf``/``inf``
there, as it should.

numpy is an optional dependency (``python -m pip install numpy``, or the
``numpy`` extra: ``python -m pip install ".[numpy]"`` in a checkout); it
is imported only when one of these functions is called.

Examples
========

>>> from sympy import Symbol
>>> from symentropy import Distribution, entropy
>>> from symentropy.calculus.sweep import numpy_function
>>> p = Symbol("p")
>>> h = entropy(Distribution.from_pmf([p, 1 - p]))
>>> f = numpy_function(p, h)
>>> [float(v) for v in f([0, 0.5, 1])]
[0.0, 1.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sympy

from ..kernel.exact import safe_sympify
from ..kernel.lambdify import lambdify
from ..kernel.xlogx import log_form

__all__ = ["numpy_function", "tabulate"]


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise ImportError(
            "symentropy.calculus.sweep needs numpy, an optional dependency: install it with "
            "python -m pip install numpy (or, in a checkout of symentropy, with its numpy extra: "
            "python -m pip install '.[numpy]')"
        ) from None
    return numpy


class _xlogx(sympy.Function):
    """``u*log(u)``, and 0 at ``u = 0``: a marker for the printer, never evaluated."""

    nargs = 1


def _xlogx_numpy(u: Any) -> Any:
    np = _numpy()
    u = np.asarray(u, dtype=float)
    # log only where u != 0: the zeros stay 0, and 0 * 0 = 0 (negative u gives nan, as log does)
    with np.errstate(invalid="ignore"):
        out = np.log(u, out=np.zeros(u.shape), where=u != 0)
    out *= u
    return out


def _with_zero_log_zero(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite ``A*log(u)`` as ``(A/u)*xlogx(u)`` wherever ``u`` divides ``A``.

    Terms are grouped by the argument of their logarithm first, so an
    expanded ``p*log(1 - p) - log(1 - p)`` is recognised as
    ``-(1 - p)*log(1 - p)``.
    """
    expr = log_form(safe_sympify(expr))
    logs = sorted((a for a in expr.atoms(sympy.log) if a.free_symbols), key=sympy.default_sort_key)
    if not logs:
        return expr
    # the logarithms become symbols, so that expanding leaves their arguments alone
    marks = {log: sympy.Dummy(f"log{i}") for i, log in enumerate(logs)}
    expanded = sympy.expand(expr.xreplace(marks))
    collected = sympy.collect(expanded, list(marks.values()), evaluate=False)
    back = {m: log for log, m in marks.items()}
    parts = []
    for key, coefficient in collected.items():
        coefficient = coefficient.xreplace(back)
        if key in back:
            u = back[key].args[0]
            ratio = sympy.cancel(coefficient / u)
            _, denominator = sympy.fraction(ratio)
            if not denominator.free_symbols or sympy.gcd(denominator, u) == 1:
                parts.append(ratio * _xlogx(u))
                continue
        parts.append(coefficient * key.xreplace(back))
    return sympy.Add(*parts)


def numpy_function(args: sympy.Symbol | Sequence[sympy.Symbol], expr: sympy.Expr) -> Callable[..., Any]:
    """Return a vectorised numpy function of ``args`` computing ``expr``, with ``0 log 0 = 0``.

    Explanation
    ===========

    Like ``sympy.lambdify(args, expr, "numpy")``, after the rewriting
    described in the module docstring.  The function accepts scalars or
    arrays (broadcast together) and returns a float array of their
    broadcast shape, or a numpy float for scalar input.  Common
    subexpressions (``1 - p`` in ``(1 - p)*log(1 - p)``) are computed once.

    Examples
    ========

    >>> from sympy import symbols, log
    >>> from symentropy import Distribution, mutual_information
    >>> from symentropy.calculus.sweep import numpy_function
    >>> p, q = symbols("p q")
    >>> bsc = Distribution.from_table([[(1 - q)*p, q*p], [q*(1 - p), (1 - q)*(1 - p)]], names=("X", "Y"))
    >>> i = numpy_function((p, q), mutual_information(bsc, "X", "Y"))
    >>> [round(float(v), 12) for v in i(0.5, [0.0, 0.11, 0.5, 1.0])]
    [1.0, 0.500084041835, 0.0, 1.0]
    >>> float(numpy_function(p, log(p) - log(1 - p))(0))
    -inf

    Parameters
    ==========

    args : Symbol or sequence of Symbols
        The parameters, in the order the function takes them.
    expr : sympy expression
        A result of symentropy, or any expression in ``args``.

    See Also
    ========

    tabulate, sympy.utilities.lambdify.lambdify

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, p. 14 (the convention ``0 log 0 = 0``).
    """
    np = _numpy()
    symbols = (args,) if isinstance(args, sympy.Basic) else tuple(args)
    for s in symbols:
        if not isinstance(s, sympy.Symbol):
            raise TypeError(
                f"numpy_function() takes a Symbol or a sequence of Symbols as arguments, got {args!r}"
            )
    expr = safe_sympify(expr)
    missing = expr.free_symbols - set(symbols)
    if missing:
        names = ", ".join(sorted(str(s) for s in missing))
        raise ValueError(f"the expression has symbols {names} that are not among the arguments {symbols}")
    rewritten = _with_zero_log_zero(expr)
    compiled = lambdify(symbols, rewritten, modules=[{"_xlogx": _xlogx_numpy}, "numpy"], cse=True)

    def function(*values: Any) -> Any:
        if len(values) != len(symbols):
            plural = "s" if len(symbols) != 1 else ""
            raise TypeError(f"expected {len(symbols)} argument{plural}, got {len(values)}")
        arrays = []
        for s, v in zip(symbols, values, strict=True):
            try:
                arrays.append(np.asarray(v, dtype=float))
            except (TypeError, ValueError):
                raise TypeError(
                    f"the value of {s} must be a real number or an array of them, got {v!r}"
                ) from None
        with np.errstate(divide="ignore"):  # log(0) = -inf is the right value where it remains
            out = np.asarray(compiled(*arrays), dtype=float)
        out += 0.0  # -0.0 (from -xlogx(0)) prints as 0.0
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        if out.shape != shape:
            out = np.array(np.broadcast_to(out, shape))
        return out[()] if out.ndim == 0 else out

    function.__doc__ = f"Vectorised numpy function of {', '.join(map(str, symbols))}: {expr}"
    return function


def tabulate(expr: sympy.Expr, values: Mapping[sympy.Symbol, Any]) -> Any:
    """Evaluate ``expr`` at arrays of values of its symbols (broadcast together).

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy import Distribution, entropy
    >>> from symentropy.calculus.sweep import tabulate
    >>> p = Symbol("p")
    >>> tabulate(entropy(Distribution.from_pmf([p, 1 - p])), {p: [0, 0.25, 1]}).round(6).tolist()
    [0.0, 0.811278, 0.0]

    Parameters
    ==========

    expr : sympy expression
    values : mapping from each free symbol of ``expr`` to a scalar or an array

    See Also
    ========

    numpy_function
    """
    if not isinstance(values, Mapping):
        raise TypeError(f"tabulate() takes a mapping from symbols to values, got {values!r}")
    symbols = tuple(values)
    if not all(isinstance(s, sympy.Symbol) for s in symbols):
        raise TypeError(f"tabulate() maps sympy Symbols to values, got {values!r}")
    return numpy_function(symbols, expr)(*(values[s] for s in symbols))
