"""``lambdify`` without sympy's linecache race, and with private mpmath contexts.

sympy's ``lambdify`` registers the generated source in :mod:`linecache` and
deletes that entry from a finaliser when the function is garbage-collected.
If the collection happens while :func:`linecache.checkcache` iterates over the
cache (doctest calls it), ``checkcache`` raises ``KeyError``.  Dropping the
entry right after compiling removes the race; the only loss is the generated
source in tracebacks.

``context=`` compiles against a private mpmath context (see
:func:`symentropy.core.numeric.working_context`) instead of the global one, so
a function evaluates at that context's precision and never reads or changes
``mpmath.mp``.

>>> import mpmath
>>> from sympy import Symbol, log
>>> from symentropy.kernel.lambdify import lambdify
>>> ctx = mpmath.mp.clone()
>>> ctx.dps = 30
>>> f = lambdify(Symbol("x"), log(Symbol("x")), context=ctx)
>>> print(f(ctx.mpf(2)))
0.693147180559945309417232121458
>>> mpmath.mp.dps
15
"""

from __future__ import annotations

import linecache
from typing import Any

import mpmath
import sympy

__all__ = ["lambdify"]


def _namespace(context: Any) -> dict[str, Any]:
    """mpmath's function names, bound to ``context``."""
    return {name: getattr(context, name) for name in dir(mpmath) if not name.startswith("_") and hasattr(context, name)}


def lambdify(args: Any, expr: Any, modules: Any = None, *, context: Any = None, **options: Any) -> Any:
    """``sympy.lambdify(args, expr, modules, **options)``, minus its linecache entry.

    With ``context`` (an mpmath context), the function is compiled for mpmath
    with that context's functions and constants.
    """
    if context is not None:
        if modules is not None:
            raise TypeError("pass either modules= or context=, not both")
        modules = [_namespace(context), "mpmath"]
    function = sympy.lambdify(args, expr, modules=modules, **options)
    linecache.cache.pop(function.__code__.co_filename, None)
    return function
