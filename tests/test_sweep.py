"""Vectorised numpy functions of symbolic results: 0 log 0 = 0 at the boundaries."""

from __future__ import annotations

import math
import sys

import pytest
import sympy
from sympy import Rational as R
from sympy import log

from symentropy import Distribution, entropy, mutual_information
from symentropy.calculus.sweep import _with_zero_log_zero, _xlogx, numpy_function, tabulate
from symentropy.kernel.xlogx import log_form

np = pytest.importorskip("numpy")

p, q = sympy.symbols("p q")


def binary_entropy_expr():
    return entropy(Distribution.from_pmf([p, 1 - p]))


def bsc_information():
    table = [[(1 - q) * p, q * p], [q * (1 - p), (1 - q) * (1 - p)]]
    return mutual_information(Distribution.from_table(table, names=("X", "Y")), "X", "Y")


def h2(x: float) -> float:
    """Binary entropy in bits, written out by hand with math."""
    return -sum(t * math.log2(t) for t in (x, 1 - x) if t > 0)


def test_binary_entropy_is_zero_at_the_boundaries_not_nan():
    f = numpy_function(p, binary_entropy_expr())
    values = f(np.array([0.0, 1.0]))
    assert values.tolist() == [0.0, 0.0]
    assert not np.signbit(values).any()  # 0.0, not -0.0
    assert f(0.5) == 1.0


def test_plain_lambdify_gives_nan_on_the_textbook_form():
    # the reason for numpy_function: -p*log(p) written out is 0*log(0) at p = 0
    plain = sympy.lambdify(p, log_form(binary_entropy_expr()), "numpy")
    with np.errstate(divide="ignore", invalid="ignore"):
        assert np.isnan(plain(np.array([0.0]))).all()
    # the measures write xlogx, which generated code evaluates as 0 there
    assert (sympy.lambdify(p, binary_entropy_expr(), "numpy")(np.array([0.0, 1.0])) == 0).all()


def test_values_inside_match_a_hand_written_formula():
    f = numpy_function(p, binary_entropy_expr())
    grid = np.linspace(0.0, 1.0, 101)
    expected = np.array([h2(x) for x in grid])
    assert np.allclose(f(grid), expected, rtol=1e-13, atol=1e-15)


def test_expanded_forms_are_regrouped_before_rewriting():
    # p*log(1 - p) - log(1 - p) is -(1 - p)*log(1 - p): its limit at p = 1 is 0
    expanded = sympy.expand(binary_entropy_expr())
    assert sympy.lambdify(p, expanded)(0.5) == pytest.approx(1.0)
    f = numpy_function(p, expanded)
    assert f(np.array([0.0, 1.0])).tolist() == [0.0, 0.0]


def test_two_parameters_broadcast_and_the_channel_boundaries():
    f = numpy_function((p, q), bsc_information())
    grid = f(np.linspace(0, 1, 5)[:, None], np.linspace(0, 1, 3)[None, :])
    assert grid.shape == (5, 3)
    assert not np.isnan(grid).any()
    assert f(0.5, 0.0) == 1.0 and f(0.5, 1.0) == 1.0 and f(0.5, 0.5) == 0.0
    # a deterministic input carries no information (up to float rounding of h(q) - h(q))
    assert abs(f(0.0, 0.3)) < 1e-15 and abs(f(1.0, 0.3)) < 1e-15
    # interior: I = h(p*(1-q) + (1-p)*q) - h(q)
    for pv, qv in [(0.3, 0.1), (0.5, 0.11), (0.9, 0.45)]:
        expected = h2(pv * (1 - qv) + (1 - pv) * qv) - h2(qv)
        assert f(pv, qv) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_a_log_whose_coefficient_does_not_vanish_keeps_its_infinity():
    derivative = sympy.diff(binary_entropy_expr(), p)  # log2((1 - p)/p): infinite at 0 and 1
    f = numpy_function(p, derivative)
    values = f(np.array([0.0, 0.5, 1.0]))
    assert values[0] == np.inf and values[1] == 0.0 and values[2] == -np.inf


def test_the_rewriting_is_exact():
    for expr in (binary_entropy_expr(), bsc_information(), sympy.expand(log_form(binary_entropy_expr()))):
        rewritten = _with_zero_log_zero(expr)
        assert rewritten.has(_xlogx)
        back = rewritten.replace(_xlogx, lambda u: u * log(u))
        assert sympy.expand(back - log_form(expr)) == 0


def test_scalars_arrays_and_constants():
    f = numpy_function(p, binary_entropy_expr())
    assert isinstance(f(0.25), np.floating)
    assert f([0.25, 0.75]).shape == (2,)
    constant = numpy_function(p, entropy(Distribution.from_pmf([R(1, 2), R(1, 4), R(1, 4)])))
    assert constant(np.zeros((2, 3))).tolist() == [[1.5] * 3] * 2
    assert constant(0.1) == 1.5


def test_tabulate_takes_a_mapping():
    values = tabulate(binary_entropy_expr(), {p: np.array([0.0, 0.5, 1.0])})
    assert values.tolist() == [0.0, 1.0, 0.0]


def test_argument_errors():
    with pytest.raises(ValueError, match="symbols q that are not among the arguments"):
        numpy_function(p, p * log(q))
    with pytest.raises(TypeError, match="takes a Symbol or a sequence of Symbols"):
        numpy_function(["p"], p)
    f = numpy_function((p, q), p * q)
    with pytest.raises(TypeError, match="expected 2 arguments, got 1"):
        f(0.5)


def test_missing_numpy_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)  # makes `import numpy` raise ImportError
    # advice that works from anywhere, and the extra for a checkout
    with pytest.raises(ImportError, match=r"python -m pip install numpy .*'\.\[numpy\]'"):
        numpy_function(p, binary_entropy_expr())
