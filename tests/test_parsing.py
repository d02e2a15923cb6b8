"""The safe grammar for probabilities written as strings."""

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symentropy.errors import ParseError
from symentropy.kernel.parsing import MAX_EXPONENT, parse_expression

p, q = sympy.symbols("p q")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1/8", sympy.Rational(1, 8)),
        ("3/16", sympy.Rational(3, 16)),
        ("0.1", sympy.Rational(1, 10)),
        (".25", sympy.Rational(1, 4)),
        ("1e-3", sympy.Rational(1, 1000)),
        ("2.5E2", sympy.Integer(250)),
        ("p", p),
        ("1-p", 1 - p),
        ("p*q", p * q),
        ("(1 - p)^2/4", (1 - p) ** 2 / 4),
        ("p**2", p**2),
        ("-p + 1", 1 - p),
        ("2^3^2", sympy.Integer(2**9)),  # right associative, like mathematics
        ("  1 / 2 ", sympy.Rational(1, 2)),
        ("+p", p),
        ("p*(1-q)/2", p * (1 - q) / 2),
    ],
)
def test_parses_exactly(text, expected):
    assert parse_expression(text) == expected


@pytest.mark.parametrize("name", ["pi", "E", "I", "oo", "zoo", "nan"])
def test_the_names_of_sympys_constants_are_its_constants(name):
    # as sympify reads them: a Symbol("pi") would print like pi but mean something else
    assert parse_expression(name) is getattr(sympy, name)  # all six are singletons
    assert parse_expression(f"{name}", {name: p}) == p  # symbols= still decides


def test_a_probability_in_pi_is_a_number():
    from symentropy import Distribution, entropy

    d = Distribution.from_pmf(["pi/4", "1 - pi/4"])
    assert not entropy(d).free_symbols
    assert d.probability({"X": 0}) == sympy.pi / 4


@pytest.mark.parametrize("base", ["nan", "I", "oo", "zoo"])
def test_a_base_named_after_a_constant_that_is_no_base_is_refused(base):
    from symentropy import Distribution, entropy
    from symentropy.errors import InvalidBaseError

    with pytest.raises(InvalidBaseError, match="positive real number"):
        entropy(Distribution.from_pmf(["1/2", "1/2"]), base=base)


def test_uses_given_symbols_with_their_assumptions():
    r = sympy.Symbol("r", positive=True)
    value = parse_expression("1 - r", {"r": r})
    assert value == 1 - r
    assert r in value.free_symbols


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty expression"),
        ("1+", "expected a number, a name or"),
        ("(1", 'expected "\\)"'),
        ("p)", "expected an operator or the end"),
        ("1/0", "division by zero"),
        ("0^-1", "division by zero"),
        ("a.b", 'unexpected character "."'),
        ("__import__('os')", "unexpected character"),
        ("lambda: 1", 'unexpected character ":"'),
        ("p[0]", 'unexpected character "\\["'),
        ("2^99999", "too large"),
        ("2^2^2^2^2", "too large"),
        ("2^p^0.5", None),  # exponents may be symbolic; this one is fine
        ("1e99999", "too large"),
        ("²", "unexpected character"),
        ("(" * 200 + "1" + ")" * 200, "nested more than"),
    ],
)
def test_rejects_with_a_positioned_message(text, message):
    if message is None:
        parse_expression(text)
        return
    with pytest.raises(ParseError, match=message) as info:
        parse_expression(text)
    if info.value.position is not None:
        assert 0 <= info.value.position <= len(text)


def test_error_points_at_the_position():
    with pytest.raises(ParseError) as info:
        parse_expression("1/8 + * 2")
    assert info.value.position == 6
    assert str(info.value).endswith("      ^")


def test_long_input_is_refused_before_parsing():
    with pytest.raises(ParseError, match="at most"):
        parse_expression("1+" * 5000 + "1")


def test_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_expression(0.5)  # type: ignore[arg-type]


def test_exponent_limit_is_inclusive():
    assert parse_expression(f"1^{MAX_EXPONENT}") == 1


@given(st.text(alphabet="0123456789.+-*/^()pqe _xy,;|'\"[]", max_size=40))
def test_fuzz_only_documented_errors(text):
    """Any text either parses to a sympy expression or raises ParseError."""
    try:
        value = parse_expression(text)
    except ParseError:
        return
    assert isinstance(value, sympy.Expr)
    assert not value.has(sympy.Float)
