"""help(symentropy) is about symentropy: sympy's inherited methods are not listed per class.

Hardening issue: ``help(symentropy)`` printed 24,556 lines (26,943 later), about
20,000 of them sympy's ``Expr`` methods repeated for each sympy-based class.
"""

from __future__ import annotations

import pydoc

import pytest
import sympy

import symentropy
from symentropy.kernel.members import ConciseFunctionClass, ConciseMembers

SYMPY_BASED = [
    name
    for name in symentropy.__all__
    if isinstance(getattr(symentropy, name), type) and issubclass(getattr(symentropy, name), sympy.Basic)
]


def test_the_sympy_based_public_classes_are_found():
    # the list below is what the help page used to repeat sympy's methods for
    assert {
        "Entropy",
        "ConditionalEntropy",
        "MutualInformation",
        "KLDivergence",
        "NumericEstimate",
        "binary_entropy",
        "xlogx",
        "ContinuousDistribution",
    } <= set(SYMPY_BASED)


@pytest.mark.parametrize("name", SYMPY_BASED)
def test_each_sympy_based_class_has_the_concise_metaclass(name):
    assert isinstance(getattr(symentropy, name), ConciseMembers)


@pytest.mark.parametrize("name", SYMPY_BASED)
def test_the_help_of_a_class_lists_no_sympy_method_but_its_own(name):
    page = pydoc.render_doc(getattr(symentropy, name), renderer=pydoc.plaintext)
    assert "as_coefficients_dict" not in page
    assert "Methods inherited from sympy.core.expr.Expr" not in page or "as_numer_denom" not in page
    assert len(page.splitlines()) < 400, len(page.splitlines())


def test_the_help_page_of_the_package_is_short():
    page = pydoc.render_doc(symentropy, renderer=pydoc.plaintext)
    assert len(page.splitlines()) < 9000, len(page.splitlines())


def test_instances_keep_every_sympy_method_and_dir():
    p = sympy.Symbol("p")
    h = symentropy.binary_entropy(p)
    assert "as_coefficients_dict" in dir(h) and "evalf" in dir(h)
    assert h.diff(p) == (sympy.log(1 - p) - sympy.log(p)) / sympy.log(2)
    assert symentropy.xlogx(p).as_leading_term(p) is not None
    e = symentropy.Entropy(symentropy.uniform(2), "X")
    assert e.as_coefficients_dict() == {e: 1}
    # a class attribute lookup is unaffected too
    assert symentropy.Entropy.as_coefficients_dict is sympy.Expr.as_coefficients_dict


def test_the_function_metaclass_is_sympys_function_class():
    assert issubclass(ConciseFunctionClass, sympy.FunctionClass)
    assert isinstance(symentropy.xlogx, sympy.FunctionClass)
    assert isinstance(symentropy.binary_entropy, sympy.FunctionClass)
