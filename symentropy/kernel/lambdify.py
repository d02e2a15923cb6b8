"""``lambdify`` without sympy's linecache race, and with private mpmath contexts.

sympy's ``lambdify`` registers the generated source in :mod:`linecache` and
deletes that entry from a finaliser when the function is garbage-collected.
If the collection happens while :func:`linecache.checkcache` iterates over the
cache (doctest calls it), ``checkcache`` raises ``KeyError``.  Dropping the
entry right after compiling removes the race; the only loss is the generated
source in tracebacks.

``lambdify`` writes Python source from the expression and runs it, so an
expression that *prints* as code would run as code: a symbol named
``"__import__('os').system('...')"``, an undefined function of such a name,
a sympy ``Str``.  :func:`check_compilable` refuses them before any source is
written, and every argument is replaced by a dummy.

``context=`` compiles against a private mpmath context (see
:func:`symentropy.kernel.numeric.working_context`) instead of the global one, so
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

import keyword
import linecache
from typing import Any

import mpmath
import sympy
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

__all__ = ["lambdify", "check_compilable"]


def _safe_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("__")


def check_compilable(expr: Any, args: Any = ()) -> None:
    """Raise TypeError if compiling ``expr`` could write anything but arithmetic into the source.

    Every symbol of ``expr`` must be one of ``args`` (they are replaced by
    dummies) or carry a plain identifier as its name (a bound index of a
    sum); undefined functions and ``Str`` objects, which print as their raw
    names, are refused.

    >>> from sympy import Symbol, Function
    >>> check_compilable(Symbol("x")**2, [Symbol("x")])
    >>> check_compilable(Symbol("os.system('ls')") + 1)
    Traceback (most recent call last):
    ...
    TypeError: cannot compile an expression with the symbol "os.system('ls')": its name is not a plain identifier
    >>> check_compilable(Function("f")(Symbol("x")), [Symbol("x")])
    Traceback (most recent call last):
    ...
    TypeError: cannot compile the undefined function f(x): it has no numerical meaning
    """
    if isinstance(expr, (list, tuple)):
        for part in expr:
            check_compilable(part, args)
        return
    if isinstance(expr, sympy.MatrixBase):
        for entry in expr:
            check_compilable(entry, args)
        return
    if not isinstance(expr, sympy.Basic):
        raise TypeError(f"cannot compile {expr!r}: expected a sympy expression")
    bound = set(sympy.flatten([args])) if args is not None else set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, Str):
            raise TypeError(f"cannot compile an expression that holds the text {node.name!r}")
        if isinstance(node, AppliedUndef):
            raise TypeError(f"cannot compile the undefined function {node}: it has no numerical meaning")
        if isinstance(node, sympy.Symbol) and node not in bound and not _safe_name(node.name):
            raise TypeError(
                f"cannot compile an expression with the symbol {node.name!r}: "
                "its name is not a plain identifier"
            )


def _namespace(context: Any) -> dict[str, Any]:
    """mpmath's function names, bound to ``context``."""
    names = (name for name in dir(mpmath) if not name.startswith("_"))
    return {name: getattr(context, name) for name in names if hasattr(context, name)}


def lambdify(args: Any, expr: Any, modules: Any = None, *, context: Any = None, **options: Any) -> Any:
    """``sympy.lambdify(args, expr, modules, **options)``, checked, and minus its linecache entry.

    ``expr`` must pass :func:`check_compilable`; the arguments are dummified.
    With ``context`` (an mpmath context), the function is compiled for mpmath
    with that context's functions and constants.
    """
    check_compilable(expr, args)
    if context is not None:
        if modules is not None:
            raise TypeError("pass either modules= or context=, not both")
        modules = [_namespace(context), "mpmath"]
    if options.get("dummify", True) is not True:
        raise TypeError("lambdify() always dummifies its arguments: their names are never written into code")
    options["dummify"] = True
    function = sympy.lambdify(args, expr, modules=modules, **options)
    linecache.cache.pop(function.__code__.co_filename, None)
    return function
