"""The module paths of symentropy 0.1, kept importable with a DeprecationWarning.

symentropy 0.1 was one flat folder (``symentropy.numeric``,
``symentropy.distribution``, ...).  0.2 keeps the same public names in layer
folders (``symentropy.kernel.numeric``, ``symentropy.core.distribution``, ...),
and the names of ``symentropy.__all__`` are all still there.  Code written
for 0.1 keeps working: importing an old path gives a module whose attributes
are read from the new homes, and warns once (``entropy_of_other``, an internal
helper of ``stats_interop``, is retired: ``entropy()`` converts sympy.stats
variables itself).  The old paths will
be removed in 0.3.

>>> import sys, warnings
>>> _ = sys.modules.pop("symentropy.numeric", None)  # the example needs a first import
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from symentropy.numeric import evaluate
>>> evaluate.__module__, caught[0].category.__name__
('symentropy.kernel.numeric', 'DeprecationWarning')
>>> print(caught[0].message)
symentropy.numeric is now symentropy.kernel.numeric; import from there, or from symentropy (this path goes in 0.3)
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
import warnings
from typing import Any

from .kernel.lazy import LazyPackage

__all__ = ["MOVED", "install"]

#: 0.1 module -> the 0.2 modules its public names now live in (the first one is named in the warning).
MOVED: dict[str, tuple[str, ...]] = {
    "parsing": ("kernel.parsing",),
    "exact": ("kernel.exact",),
    "logbase": ("kernel.logbase",),
    "logsum": ("kernel.logsum", "kernel.primes", "kernel.simplify"),
    "binary_entropy": ("kernel.binary_entropy",),
    "numeric": ("kernel.numeric",),
    "distribution": ("core.distribution", "core.validate"),
    "empirical": ("core.tables",),
    "families": ("models.families",),
    "continuous": ("models.continuous", "models.stats"),
    "channels": ("models.channel",),
    "stats_interop": ("models.stats",),
    "multivariate": ("measures.multivariate",),
    "divergences": ("measures.divergences",),
    "generalized": ("measures.generalized",),
    "differential": ("measures.differential",),
    "capacity": ("measures.capacity",),
    "sweep": ("calculus.sweep",),
    "optimize": ("calculus.optimize",),
    "expressions": ("display.expressions",),
    "notation": ("measures.info", "kernel.notation"),
    "latex": ("display.latex",),
    "derivation": ("display.derivation",),
    "plotting": ("display.plotting",),
    "cli": ("display.cli",),
}

#: Names that changed home in a way the module list above does not cover.
RENAMED: dict[tuple[str, str], str] = {
    ("empirical", "from_samples"): "core.distribution:Distribution.from_samples",
    ("empirical", "from_counts"): "core.distribution:Distribution.from_counts",
    ("notation", "Entropy"): "kernel.notation:EntropyTerm",
    ("notation", "Information"): "kernel.notation:InformationTerm",
    ("notation", "Divergence"): "kernel.notation:DivergenceTerm",
}

_PACKAGE = __name__.rpartition(".")[0]


def _resolve(old: str, name: str) -> Any:
    target = RENAMED.get((old, name))
    if target is not None:
        module, _, path = target.partition(":")  # 'module:attribute.path'

        value: Any = importlib.import_module(f"{_PACKAGE}.{module}")
        for part in path.split("."):
            value = getattr(value, part)
        return value
    for module in MOVED[old]:
        found = importlib.import_module(f"{_PACKAGE}.{module}")
        if hasattr(found, name):
            return getattr(found, name)
    home = f"{_PACKAGE}.{MOVED[old][0]}"
    raise AttributeError(f"module {_PACKAGE}.{old} has no attribute {name!r} (see {home})")


class _Moved(types.ModuleType):
    """An old module path, whose attributes are read from their new homes."""

    def __getattr__(self, name: str) -> Any:
        return _resolve(self.__name__.rpartition(".")[2], name)


class _Loader(importlib.abc.Loader):
    def __init__(self, old: str):
        self.old = old

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _Moved(spec.name, f"symentropy 0.1's {spec.name}: see {_PACKAGE}.{MOVED[self.old][0]}.")

    def exec_module(self, module: types.ModuleType) -> None:
        new = f"{_PACKAGE}.{MOVED[self.old][0]}"
        warnings.warn(
            f"{module.__name__} is now {new}; import from there, or from {_PACKAGE} (this path goes in 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Any = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, old = fullname.rpartition(".")
        if package != _PACKAGE or old not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, _Loader(old))


def install() -> None:
    """Make the 0.1 module paths importable (called once by ``import symentropy``)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())
    # 0.1 had both a module and a function symentropy.capacity (and binary_entropy).  Importing
    # a module sets it as an attribute of its package, which would hide the function; the
    # package is a kernel.lazy.LazyPackage, which keeps its public names.
    if not isinstance(sys.modules[_PACKAGE], LazyPackage):
        raise TypeError(f"{_PACKAGE} must be a LazyPackage (kernel.lazy.export) before install()")
