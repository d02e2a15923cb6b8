"""The grammar of inequality statements and constraints: what it reads, and what it refuses by name."""

from __future__ import annotations

import re

import pytest

from symentropy.errors import ParseError
from symentropy.kernel.statements import (
    Independence,
    MarkovChain,
    Statement,
    parse_constraint,
    parse_statement,
)


@pytest.mark.parametrize(
    ("text", "relation", "lhs", "rhs"),
    [
        ("I(X;Z) <= I(X;Y)", "<=", "I(X;Z)", "I(X;Y)"),
        ("I(X;Z) ≤ I(X;Y)", "<=", "I(X;Z)", "I(X;Y)"),
        ("H(X,Y) >= H(X)", ">=", "H(X,Y)", "H(X)"),
        ("H(X,Y) ≥ H(X)", ">=", "H(X,Y)", "H(X)"),
        ("H(X|Y) = 0", "=", "H(X|Y)", ""),
        ("H(X|Y) == 0", "=", "H(X|Y)", ""),
        ("0 <= I(X;Y|Z)", "<=", "", "I(X;Y|Z)"),
        ("2*I(C;D) <= I(A;B) + 3*I(C;D|A)", "<=", "2*I(C;D)", "I(A;B) + 3*I(C;D|A)"),
    ],
)
def test_statements(text, relation, lhs, rhs):
    s = parse_statement(text)
    assert isinstance(s, Statement)
    assert (s.relation, str(s.lhs) if s.lhs.terms else "", str(s.rhs) if s.rhs.terms else "") == (
        relation,
        lhs,
        rhs,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("X -> Y -> Z", MarkovChain((("X",), ("Y",), ("Z",)))),
        ("X → Y → Z → W", MarkovChain((("X",), ("Y",), ("Z",), ("W",)))),
        ("X -> (Y,Z) -> W", MarkovChain((("X",), ("Y", "Z"), ("W",)))),
        ("X ⊥ Y", Independence((("X",), ("Y",)))),
        ("X ⊥ Y | Z", Independence((("X",), ("Y",)), ("Z",))),
        ("X _|_ Y | Z,W", Independence((("X",), ("Y",)), ("Z", "W"))),
        ("X ⊥ Y ⊥ Z", Independence((("X",), ("Y",), ("Z",)))),
        ("X,Y ⊥ Z", Independence((("X", "Y"), ("Z",)))),
    ],
)
def test_constraints(text, expected):
    assert parse_constraint(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty statement"),
        ("H(X)", "has none"),
        ("H(X) < H(Y)", '"<" alone is not allowed'),
        ("H(X) <= H(Y) <= H(Z)", "has one relation"),
        ("0 = 0", "both sides of the statement are 0"),
        ("H(X)*H(Y) <= H(X)", 'expected "+", "-" or the end of the notation at position 4'),
        ("H(X) <= H(Y", 'unbalanced parentheses: 1 "(" left open'),
        ("I(X;Y)) >= 0", 'this ")" closes nothing'),
        ("H(X) >= 1", "the constant 1 is not"),
        ("H(X) => 0", 'write ">="'),
        ("X -> Y -> Z", "this is a Markov chain, a constraint"),
        ("H(X,Y <= H(X", "unbalanced parentheses"),
    ],
)
def test_bad_statements_are_named(text, message):
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_statement(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X -> Y", "three groups or more"),
        ("X -> Y -> X", "X appears in two groups"),
        ("X -> -> Z", "an empty name is not a variable name"),
        ("X ⊥ Y |", "nothing after '|'"),
        ("X ⊥ Y ; Z", "is not a variable name"),
    ],
)
def test_bad_constraints_are_named(text, message):
    with pytest.raises(ParseError, match=message):
        parse_constraint(text)


def test_the_textbook_bar_works_in_an_independence():
    assert parse_constraint("X ⊥ Z ∣ Y") == Independence((("X",), ("Z",)), ("Y",))


def test_a_statement_built_by_hand_is_checked():
    from symentropy.kernel.notation import parse_notation

    with pytest.raises(ParseError, match="relation is <=, >= or ="):
        Statement(parse_notation("H(X)"), "<", parse_notation("H(Y)"))


def test_a_statement_is_a_string():
    with pytest.raises(TypeError, match="a string"):
        parse_statement(("H(X) <= 1",))
