"""Public names imported on first use: each package's table EXPORTS agrees with its ``__all__``.

``import symentropy`` loads no layer module (``symentropy/kernel/lazy.py``); the names, ``dir()``
and ``from symentropy import *`` are those of the eager package.  The checks of what a fresh
``import`` loads run in a new interpreter, since this one has loaded everything already.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import symentropy

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("kernel", "core", "models", "measures", "calculus", "display")
PACKAGES = ["symentropy"] + [f"symentropy.{layer}" for layer in LAYERS]


def fresh(code: str) -> str:
    """The output of ``code`` run by a new interpreter."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", PACKAGES)
def test_the_table_and_all_agree(name):
    package = importlib.import_module(name)
    listed = [n for names in package.EXPORTS.values() for n in names]
    assert len(listed) == len(set(listed)), f"{name}: a name listed twice"
    assert sorted(listed) == sorted(package.__all__), f"{name}: EXPORTS and __all__ differ"
    assert len(package.__all__) == len(set(package.__all__))


@pytest.mark.parametrize("name", PACKAGES)
def test_every_name_resolves_to_its_home(name):
    package = importlib.import_module(name)
    for relative, names in package.EXPORTS.items():
        home = name if relative == "." else importlib.util.resolve_name(relative, name)
        for attr in names:
            value = getattr(package, attr)
            if home == name:  # 'from . import intervals'
                assert value is importlib.import_module(f"{name}.{attr}")
            else:
                assert value is getattr(importlib.import_module(home), attr), f"{name}.{attr}"
            assert attr in dir(package)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'symentropy.measures' has no attribute 'entropie'"):
        symentropy.measures.entropie  # noqa: B018
    assert not hasattr(symentropy, "entropie")


def test_import_symentropy_loads_no_layer_module():
    out = fresh("""
        import sys
        import symentropy
        print(sorted(m for m in sys.modules if m.startswith("symentropy")))
        print("sympy" in sys.modules)
    """)
    loaded, sympy_loaded = out.splitlines()
    modules = ["symentropy", "symentropy.kernel", "symentropy.kernel.lazy", "symentropy.legacy"]
    assert loaded == str([*modules, "symentropy.version"])
    assert sympy_loaded == "False"


def test_star_import_and_dir_give_every_public_name():
    out = fresh("""
        import symentropy
        names = set(dir(symentropy))
        namespace = {}
        exec("from symentropy import *", namespace)
        print(set(symentropy.__all__) <= names, set(namespace) - {"__builtins__"} == set(symentropy.__all__))
        print(symentropy.entropy(symentropy.uniform(4)))
    """)
    assert out.split() == ["True", "True", "2"]


def test_a_module_imported_first_does_not_hide_the_name_it_defines():
    # kernel/xlogx.py defines xlogx, measures/capacity.py capacity: importing the module first
    # must leave the package's name the function, as the eager 'from .xlogx import xlogx' did.
    out = fresh("""
        import warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        import symentropy.kernel.xlogx, symentropy.measures.capacity, symentropy.measures.info
        import symentropy.capacity  # the module of symentropy 0.1
        import symentropy, symentropy.kernel as kernel, symentropy.measures as measures
        print(type(kernel.xlogx).__name__, measures.capacity.__name__, measures.info.__name__)
        print(symentropy.capacity.__name__, symentropy.capacity.__module__)
        print(type(kernel.intervals).__name__)
    """)
    assert out.splitlines() == [
        "ConciseFunctionClass capacity info",
        "capacity symentropy.measures.capacity",
        "module",
    ]
