"""Public names of a package, imported from their modules on first use (PEP 562).

``import symentropy`` loads no measure, model or printer: each package of the
library (the top level and each layer) lists its public names in one table,
``EXPORTS``, by the module that defines them, and :func:`export` gives the
package a module ``__getattr__`` that imports a name's module the first time the
name is read, and a ``__dir__`` that lists every name.  The names, ``__all__``,
``from symentropy import *`` and ``help()`` stay as they were with eager imports.

A key of the table is written as in a ``from ... import`` statement of the
package: ``".numeric"`` is ``from .numeric import ...``, ``"..core.names"`` is
``from ..core.names import ...``, and ``"."`` is ``from . import ...`` (a
submodule itself as the public name).  ``tests/test_layers.py`` reads the tables
as imports, so they keep the layer rules like any import.

>>> import sys, types
>>> demo = sys.modules["demo"] = types.ModuleType("demo")
>>> demo.__getattr__, demo.__dir__ = export("demo", {"fractions": ("Fraction",)})
>>> "Fraction" in vars(demo), "Fraction" in dir(demo)
(False, True)
>>> demo.Fraction(1, 3), "Fraction" in vars(demo)
(Fraction(1, 3), True)
>>> del sys.modules["demo"]
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["LazyPackage", "export"]


class LazyPackage(types.ModuleType):
    """A package whose public names are read from their modules on first use.

    The import system sets each submodule it loads as an attribute of its
    package.  Where a public name is also the name of a submodule (the function
    ``xlogx`` of the module ``kernel/xlogx.py``, ``capacity`` of
    ``measures/capacity.py``), the package keeps the public name, as the eager
    ``from .xlogx import xlogx`` did: the function, not the module, whichever is
    imported first.  So does the package for the modules of symentropy 0.1
    (:mod:`symentropy.legacy`): ``import symentropy.capacity`` leaves
    ``symentropy.capacity`` the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        homes: Mapping[str, str] = self.__dict__.get("__exports__", {})
        home = homes.get(name)
        if home is not None and isinstance(value, types.ModuleType) and home != self.__name__:
            if value.__name__ != home:
                return  # another module of that name: the public name stays
            value = getattr(value, name)  # its own module: the name defined there
        super().__setattr__(name, value)


def export(
    package: str, table: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Make the names of ``table`` attributes of ``package``, each imported on first use.

    ``package`` is the ``__name__`` of a package already in ``sys.modules``
    (the one whose ``__init__`` calls this); ``table`` maps a module, written
    relative to the package as in a ``from`` import, to the names it provides.
    Returns the package's ``__getattr__`` and ``__dir__``, to be assigned in its
    ``__init__``.  A name listed twice is an error (one home for each name).

    >>> export("symentropy", {".kernel.numeric": ("evaluate",), ".measures.shannon": ("evaluate",)})
    Traceback (most recent call last):
    ...
    ValueError: evaluate is listed under both .kernel.numeric and .measures.shannon
    """
    homes: dict[str, str] = {}
    listed: dict[str, str] = {}
    for relative, names in table.items():
        module = importlib.util.resolve_name(relative, package) if relative != "." else package
        for name in names:
            if name in listed:
                raise ValueError(f"{name} is listed under both {listed[name]} and {relative}")
            listed[name] = relative
            homes[name] = module
    namespace = sys.modules[package]
    if not isinstance(namespace, LazyPackage):
        namespace.__class__ = LazyPackage
    namespace.__dict__["__exports__"] = homes

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if home == package:  # 'from . import intervals': the submodule itself
            value: Any = importlib.import_module(f"{package}.{name}")
        else:
            value = getattr(importlib.import_module(home), name)
        namespace.__dict__[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace.__dict__) | set(homes))

    return __getattr__, __dir__
