"""Configuration shared by every test: the suite in ``tests/`` and the examples it runs as
doctests (the docstrings of ``symentropy/``, the pages of ``docs/`` and the README).

The examples of a module that needs an optional dependency are shown to readers as they would
type them; here they are skipped when that dependency is missing (``tests/conftest.py`` holds
the configuration of the suite itself).
"""

from __future__ import annotations

import importlib.util
import os

import pytest

# Figures drawn by examples are rendered off screen, never shown.
os.environ.setdefault("MPLBACKEND", "Agg")

#: Modules whose examples need an optional dependency, and the module that provides it.
NEEDS = {
    "symentropy.display.plotting": "matplotlib",
    "symentropy.calculus.sweep": "numpy",
    "symentropy.core.convert.write_dit": "dit",
    "symentropy.core.convert.read_xarray": "xarray",
    "symentropy.core.convert.write_xarray": "xarray",
    "symentropy.core.convert.read_pandas": "pandas",
    "symentropy.core.convert.write_pandas": "pandas",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if type(item).__name__ != "DoctestItem":
            continue
        for module, dependency in NEEDS.items():
            in_module = item.name == module or item.name.startswith(module + ".")
            if in_module and importlib.util.find_spec(dependency) is None:
                reason = f"the examples of {module} need {dependency}, an optional dependency"
                item.add_marker(pytest.mark.skip(reason=reason))
