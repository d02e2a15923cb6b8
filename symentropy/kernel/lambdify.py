"""``lambdify`` without sympy's linecache race.

sympy's ``lambdify`` registers the generated source in :mod:`linecache` and
deletes that entry from a finaliser when the function is garbage-collected.
If the collection happens while :func:`linecache.checkcache` iterates over the
cache (doctest calls it), ``checkcache`` raises ``KeyError``.  Dropping the
entry right after compiling removes the race; the only loss is the generated
source in tracebacks.
"""

from __future__ import annotations

import linecache
from typing import Any

import sympy

__all__ = ["lambdify"]


def lambdify(args: Any, expr: Any, modules: Any = None, **options: Any) -> Any:
    """``sympy.lambdify(args, expr, modules, **options)``, minus its linecache entry."""
    function = sympy.lambdify(args, expr, modules=modules, **options)
    linecache.cache.pop(function.__code__.co_filename, None)
    return function
