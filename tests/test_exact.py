"""Conversion of user input to exact values, and the base keyword."""

from decimal import Decimal
from fractions import Fraction

import pytest
import sympy

from symentropy.errors import InexactInputError, InvalidBaseError, ParseError
from symentropy.kernel.exact import as_exact
from symentropy.kernel.logbase import as_base


@pytest.mark.parametrize(
    "value, expected",
    [
        (1, sympy.Integer(1)),
        (Fraction(3, 16), sympy.Rational(3, 16)),
        (Decimal("0.125"), sympy.Rational(1, 8)),
        ("1/8", sympy.Rational(1, 8)),
        (sympy.Rational(2, 7), sympy.Rational(2, 7)),
        (sympy.Symbol("p") / 2, sympy.Symbol("p") / 2),
    ],
)
def test_exact_inputs(value, expected):
    result = as_exact(value)
    assert result == expected
    assert isinstance(result, sympy.Expr)


def test_float_is_refused_with_an_explanation():
    with pytest.raises(InexactInputError, match=r"0\.1 is stored as 3602879701896397/36028797018963968, not 1/10"):
        as_exact(0.1)
    with pytest.raises(InexactInputError, match='Pass "0.5" as a string') as caught:
        as_exact(0.5)
    assert "exact_floats" not in str(caught.value)  # as_exact alone takes no such option from users
    with pytest.raises(InexactInputError, match="or pass exact_floats=True"):
        as_exact(0.5, offer_exact_floats=True)
    with pytest.raises(TypeError):  # InexactInputError is also a TypeError
        as_exact(0.25)


def test_float_inside_sympy_expression_is_refused():
    with pytest.raises(InexactInputError, match="contains a float"):
        as_exact(sympy.Float(0.5) * sympy.Symbol("p"))


def test_exact_floats_opt_in_gives_the_binary_value():
    assert as_exact(0.1, exact_floats=True) == sympy.Rational(1, 10)  # the decimal it prints as
    assert as_exact(0.5, exact_floats=True) == sympy.Rational(1, 2)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_nonfinite_is_refused(value):
    with pytest.raises(InexactInputError, match="not a finite number"):
        as_exact(value, exact_floats=True)


@pytest.mark.parametrize("value", [None, [1], True, object()])
def test_other_types_are_type_errors(value):
    with pytest.raises(TypeError):
        as_exact(value)


def test_bad_string_is_a_parse_error():
    with pytest.raises(ParseError):
        as_exact("1/")


def test_numpy_scalars():
    np = pytest.importorskip("numpy")
    assert as_exact(np.int64(3)) == 3
    with pytest.raises(InexactInputError):
        as_exact(np.float64(0.1))


@pytest.mark.parametrize("base, expected", [(2, 2), ("10", 10), ("e", sympy.E), (Fraction(3, 2), sympy.Rational(3, 2))])
def test_bases(base, expected):
    assert as_base(base) == expected


@pytest.mark.parametrize("base", [1, 0, -2, "1", sympy.Integer(-3), True])
def test_invalid_bases(base):
    with pytest.raises(InvalidBaseError):
        as_base(base)


def test_float_base_is_refused():
    import math

    with pytest.raises(InexactInputError, match="float"):
        as_base(math.e)


def test_strings_never_reach_python_eval_in_public_functions():
    from symentropy import maximize, numpy_function
    from symentropy.kernel.exact import safe_sympify

    attack = "__import__('os').system('echo unsafe')"
    with pytest.raises(ParseError):
        safe_sympify(attack)
    with pytest.raises(ParseError):
        maximize(attack, over=sympy.Symbol("p"))
    with pytest.raises(ParseError):
        numpy_function([sympy.Symbol("p")], attack)
    assert safe_sympify("1 - p") == 1 - sympy.Symbol("p")
