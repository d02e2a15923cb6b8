"""Textbook cases from MacKay, *Information Theory, Inference, and Learning Algorithms*.

Chapters 2 (probability, entropy) and 8 (dependent random variables).  Every
distribution is built from the exercise as stated, with symentropy's
constructors; every expected value is typed from the book's answer or closed
form and compared exactly with :func:`assert_same`.  Where an instance of a
general exercise is chosen here (a rational value for a bias ``p``), the
comment says so.

Reference: D. J. C. MacKay, *Information Theory, Inference, and Learning
Algorithms*, Cambridge University Press, 2003.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pytest
import sympy
from sympy import E, Integer, Rational, log

from symentropy import (
    Distribution,
    conditional_entropy,
    entropy,
    independent,
    joint_entropy,
    mutual_information,
    uniform,
)
from tests.support import assert_exact as assert_same


def binary_entropy(f: sympy.Expr, base: sympy.Expr = 2) -> sympy.Expr:
    """MacKay's H_2(f) = f log 1/f + (1 - f) log 1/(1 - f), typed from the book."""
    return f * log(1 / f, base) + (1 - f) * log(1 / (1 - f), base)


def entropy_by_definition(probabilities: list[Fraction]) -> sympy.Expr:
    """``sum p log2 1/p`` over the non-zero ``probabilities``, built directly in sympy."""
    total = Integer(0)
    for p in probabilities:
        if p:
            q = Rational(p.numerator, p.denominator)
            total += q * log(1 / q, 2)
    return total


LOG2_3 = log(3, 2)


# --- the distributions, each built from the exercise as stated -----------------------


@cache
def exercise_8_6() -> Distribution:
    # The joint table P(x, y) of exercise 8.6: rows y = 1..4, columns x = 1..4.
    return Distribution.from_table(
        [
            ["1/8", "1/16", "1/32", "1/32"],
            ["1/16", "1/8", "1/32", "1/32"],
            ["1/16", "1/16", "1/16", "1/16"],
            ["1/4", 0, 0, 0],
        ],
        names=("Y", "X"),
        labels=([1, 2, 3, 4], [1, 2, 3, 4]),
    )


def bit(p0: sympy.Expr, name: str) -> Distribution:
    """A bit with P(0) = p0, as MacKay writes P_X = {p0, 1 - p0}."""
    return Distribution.from_pmf([p0, 1 - p0], name=name, outcomes=[0, 1])


@cache
def exercise_8_7(p: sympy.Expr, q: sympy.Expr) -> Distribution:
    # Exercise 8.7: x, y independent, P_X = {p, 1-p}, P_Y = {q, 1-q}, z = x + y mod 2.
    return independent(bit(p, "X"), bit(q, "Y")).with_variable("Z", lambda x, y: (x + y) % 2)


@cache
def xor_triple() -> Distribution:
    # Chapter 8, the exercise on why a Venn diagram of entropies misleads: x, y
    # independent fair bits and z = x + y mod 2, written out as a joint table.
    return Distribution.from_dict(
        {(0, 0, 0): "1/4", (0, 1, 1): "1/4", (1, 0, 1): "1/4", (1, 1, 0): "1/4"},
        names=("X", "Y", "Z"),
    )


@cache
def exercise_2_28(f: sympy.Expr, g: sympy.Expr, h: sympy.Expr) -> Distribution:
    # Exercise 2.28: a coin of bias f chooses {0, 1} (heads) or {2, 3}; then a coin
    # of bias g chooses 0 or 1, or a coin of bias h chooses 2 or 3.
    def coin(bias: sympy.Expr, name: str) -> Distribution:
        return Distribution.from_pmf([bias, 1 - bias], name=name, outcomes=["heads", "tails"])

    coins = independent(coin(f, "F"), coin(g, "G"), coin(h, "K"))

    def outcome(first: str, second: str, third: str) -> int:
        if first == "heads":
            return 0 if second == "heads" else 1
        return 2 if third == "heads" else 3

    return coins.with_variable("X", outcome)


@cache
def two_dice() -> Distribution:
    # Chapter 2, the exercise on two ordinary dice: sum and absolute difference.
    dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    with_sum = dice.with_variable("S", lambda a, b: a + b)
    return with_sum.with_variable("D", lambda a, b: abs(a - b), inputs=("A", "B"))


@cache
def relabelled_dice() -> Distribution:
    # Same exercise: one die labelled 1..6 and one labelled 0, 0, 0, 6, 6, 6 give a
    # sum uniform on 1..12.
    second = uniform(range(6), name="F").with_variable("B", lambda face: 0 if face < 3 else 6)
    pair = independent(uniform(range(1, 7), name="A"), second)
    return pair.with_variable("S", lambda a, b: a + b, inputs=("A", "B"))


# The book's answers for the two dice: P(S = s) = (6 - |s - 7|)/36 for s = 2..12;
# P(D = 0) = 6/36 and P(D = d) = 2 (6 - d)/36 for d = 1..5.
DICE_SUM_PMF = [Fraction(6 - abs(s - 7), 36) for s in range(2, 13)]
DICE_DIFFERENCE_PMF = [Fraction(6, 36)] + [Fraction(2 * (6 - d), 36) for d in range(1, 6)]


CASES = [
    # MacKay 2003, exercise 8.6 (solution): H(X, Y) = 27/8 bits.
    pytest.param(lambda: joint_entropy(exercise_8_6(), "X", "Y"), Rational(27, 8), id="MK-ex8.6-H(X,Y)"),
    # MacKay 2003, exercise 8.6: H(X) = 7/4 bits.
    pytest.param(lambda: entropy(exercise_8_6(), "X"), Rational(7, 4), id="MK-ex8.6-H(X)"),
    # MacKay 2003, exercise 8.6: H(Y) = 2 bits.
    pytest.param(lambda: entropy(exercise_8_6(), "Y"), Integer(2), id="MK-ex8.6-H(Y)"),
    # MacKay 2003, exercise 8.6: H(X | y = 1) = 7/4 bits.
    pytest.param(lambda: entropy(exercise_8_6().condition(Y=1), "X"), Rational(7, 4), id="MK-ex8.6-H(X|y=1)"),
    # MacKay 2003, exercise 8.6: H(X | y = 2) = 7/4 bits.
    pytest.param(lambda: entropy(exercise_8_6().condition(Y=2), "X"), Rational(7, 4), id="MK-ex8.6-H(X|y=2)"),
    # MacKay 2003, exercise 8.6: H(X | y = 3) = 2 bits (more than H(X) = 7/4).
    pytest.param(lambda: entropy(exercise_8_6().condition(Y=3), "X"), Integer(2), id="MK-ex8.6-H(X|y=3)"),
    # MacKay 2003, exercise 8.6: H(X | y = 4) = 0 bits.
    pytest.param(lambda: entropy(exercise_8_6().condition(Y=4), "X"), Integer(0), id="MK-ex8.6-H(X|y=4)"),
    # MacKay 2003, exercise 8.6: H(X | Y) = 11/8 bits.
    pytest.param(
        lambda: conditional_entropy(exercise_8_6(), "X", "Y"),
        Rational(11, 8),
        id="MK-ex8.6-H(X|Y)",
    ),
    # MacKay 2003, exercise 8.6: H(Y | X) = 13/8 bits.
    pytest.param(lambda: entropy(exercise_8_6(), "Y", given="X"), Rational(13, 8), id="MK-ex8.6-H(Y|X)"),
    # MacKay 2003, exercise 8.6: I(X; Y) = 3/8 bits.
    pytest.param(lambda: mutual_information(exercise_8_6(), "X", "Y"), Rational(3, 8), id="MK-ex8.6-I(X;Y)"),
    # MacKay 2003, exercise 8.6, I(X; Y) is symmetric: I(Y; X) = 3/8 bits.
    pytest.param(lambda: mutual_information(exercise_8_6(), "Y", "X"), Rational(3, 8), id="MK-ex8.6-I(Y;X)"),
    # MacKay 2003, eq. (8.2): entropy is additive for independent variables.  A fair
    # die and a coin with P = {1/3, 2/3} (chosen here): log2 6 + H_2(1/3) = 1/3 + 2 log2 3.
    pytest.param(
        lambda: joint_entropy(
            independent(uniform(range(1, 7), name="X"), bit(Rational(1, 3), "Y")), "X", "Y"
        ),
        Rational(1, 3) + 2 * LOG2_3,
        id="MK-eq8.2-additive",
    ),
    # MacKay 2003, exercise 8.7(a): with q = 1/2, P_Z = {1/2, 1/2} whatever p (p = 1/10 here) ...
    pytest.param(
        lambda: exercise_8_7(Rational(1, 10), Rational(1, 2)).probability(Z=1),
        Rational(1, 2),
        id="MK-ex8.7a-P(z=1)",
    ),
    # ... and I(Z; X) = H(Z) - H(Z|X) = 1 - 1 = 0.
    pytest.param(
        lambda: mutual_information(exercise_8_7(Rational(1, 10), Rational(1, 2)), "Z", "X"),
        Integer(0),
        id="MK-ex8.7a-I(Z;X)",
    ),
    # MacKay 2003, exercise 8.7(b): P(z = 1) = p(1 - q) + (1 - p) q; p = 1/3, q = 1/4 (chosen here) give 5/12
    # ...
    pytest.param(
        lambda: exercise_8_7(Rational(1, 3), Rational(1, 4)).probability(Z=1),
        Rational(1, 3) * Rational(3, 4) + Rational(2, 3) * Rational(1, 4),
        id="MK-ex8.7b-P(z=1)",
    ),
    # ... and I(Z; X) = H(Z) - H(Z|X) = H_2(5/12) - H_2(1/4), the binary symmetric channel.
    pytest.param(
        lambda: mutual_information(exercise_8_7(Rational(1, 3), Rational(1, 4)), "Z", "X"),
        binary_entropy(Rational(5, 12)) - binary_entropy(Rational(1, 4)),
        id="MK-ex8.7b-I(Z;X)",
    ),
    # ... the same in nats.
    pytest.param(
        lambda: mutual_information(exercise_8_7(Rational(1, 3), Rational(1, 4)), "Z", "X", base=E),
        binary_entropy(Rational(5, 12), E) - binary_entropy(Rational(1, 4), E),
        id="MK-ex8.7b-I(Z;X)-nats",
    ),
    # MacKay 2003, chapter 8, the misleading Venn diagram with z = x + y mod 2: H(Z) = 1 bit ...
    pytest.param(lambda: entropy(xor_triple(), "Z"), Integer(1), id="MK-ch8-xor-H(Z)"),
    # ... H(Y|X) = H(Y) = 1, so I(X; Y) = 0 ...
    pytest.param(lambda: mutual_information(xor_triple(), "X", "Y"), Integer(0), id="MK-ch8-xor-I(X;Y)"),
    # ... but given z, x and y determine each other: I(X; Y | Z) = 1 bit.
    pytest.param(
        lambda: mutual_information(xor_triple(), "X", "Y", given="Z"),
        Integer(1),
        id="MK-ch8-xor-I(X;Y|Z)",
    ),
    # ... and H(X, Y, Z) = 2 bits, not 3.
    pytest.param(lambda: entropy(xor_triple()), Integer(2), id="MK-ch8-xor-H(X,Y,Z)"),
    # MacKay 2003, exercise 2.28: H(X) = H_2(f) + f H_2(g) + (1 - f) H_2(h); f, g, h = 1/3, 1/2, 1/4 chosen
    # here.
    pytest.param(
        lambda: entropy(exercise_2_28(Rational(1, 3), Rational(1, 2), Rational(1, 4)), "X"),
        binary_entropy(Rational(1, 3))
        + Rational(1, 3) * binary_entropy(Rational(1, 2))
        + Rational(2, 3) * binary_entropy(Rational(1, 4)),
        id="MK-ex2.28-H(X)",
    ),
    # MacKay 2003, exercise 2.28 with f = g = h = 1/2: four equiprobable outcomes, H_2(1/2) + 1/2 + 1/2 = 2
    # bits.
    pytest.param(
        lambda: entropy(exercise_2_28(Rational(1, 2), Rational(1, 2), Rational(1, 2)), "X"),
        Integer(2),
        id="MK-ex2.28-fair-H(X)",
    ),
    # MacKay 2003, chapter 2, two dice: P(S = 7) = 6/36.
    pytest.param(lambda: two_dice().probability(S=7), Rational(1, 6), id="MK-ch2-dice-P(S=7)"),
    # MacKay 2003, chapter 2, two dice: the entropy of the book's triangular distribution of the sum.
    pytest.param(
        lambda: entropy(two_dice(), "S"),
        entropy_by_definition(DICE_SUM_PMF),
        id="MK-ch2-dice-H(S)",
    ),
    # MacKay 2003, chapter 2, two dice: the entropy of the book's distribution of |a - b|.
    pytest.param(
        lambda: entropy(two_dice(), "D"),
        entropy_by_definition(DICE_DIFFERENCE_PMF),
        id="MK-ch2-dice-H(D)",
    ),
    # MacKay 2003, chapter 2, relabelled dice: the sum is uniform on 1..12, H(S) = log2 12 = 2 + log2 3.
    pytest.param(lambda: entropy(relabelled_dice(), "S"), 2 + LOG2_3, id="MK-ch2-dice-relabelled-H(S)"),
    # MacKay 2003, chapter 2, relabelled dice in base 12: log_12 12 = 1.
    pytest.param(
        lambda: entropy(relabelled_dice(), "S", base=12),
        Integer(1),
        id="MK-ch2-dice-relabelled-H(S)-base12",
    ),
]


@pytest.mark.parametrize("compute, expected", CASES)
def test_mackay(compute, expected):
    assert_same(compute(), expected)
