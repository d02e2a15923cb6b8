"""Textbook cases from Cover & Thomas, *Elements of Information Theory*, 2nd ed., chapter 2.

Every distribution is built from the problem as the book states it, with
symentropy's constructors; every expected value is typed from the book's
answer (or from the book's closed form, for an instance chosen here and said
so in the comment) and compared exactly with :func:`assert_same`.  Where the
book prints only decimals, the expected value is computed independently from
the definition ``H = -sum p log2 p`` and the library's result is compared with
it exactly and with the printed decimals to the printed precision.

Reference: T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
2nd ed., Wiley, 2006.  "Ex." is an example in the text, "Pr." a problem at the
end of chapter 2.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from math import comb

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


def assert_printed(actual: sympy.Expr, printed: str) -> None:
    """Assert that ``actual`` rounds to the decimals the book prints."""
    places = len(printed.partition(".")[2])
    half_unit = Rational(1, 2 * 10**places)
    error = abs(sympy.N(actual, 30) - sympy.Rational(printed))
    assert error <= half_unit, f"{sympy.N(actual, 10)} does not round to the printed {printed}"


def entropy_by_definition(probabilities: list[Fraction]) -> sympy.Expr:
    """``-sum p log2 p`` over the non-zero ``probabilities``, built directly in sympy."""
    total = Integer(0)
    for p in probabilities:
        if p:
            q = Rational(p.numerator, p.denominator)
            total -= q * log(q, 2)
    return total


LOG2_3 = log(3, 2)


# --- the distributions, each built from the problem as stated ----------------------


@cache
def fair_coin() -> Distribution:
    # Ex. 2.1.1 with p = 1/2: X = 1 with probability p, X = 0 with probability 1 - p.
    return Distribution.from_dict({1: "1/2", 0: "1/2"}, name="X")


@cache
def bent_coin_quarter() -> Distribution:
    # Ex. 2.1.1 with p = 1/4 (an instance chosen here).
    return Distribution.from_dict({1: "1/4", 0: "3/4"}, name="X")


@cache
def example_2_1_2() -> Distribution:
    # X = a, b, c, d with probabilities 1/2, 1/4, 1/8, 1/8.
    return Distribution.from_pmf(["1/2", "1/4", "1/8", "1/8"], name="X", outcomes=["a", "b", "c", "d"])


@cache
def example_2_2_1() -> Distribution:
    # The joint table of Ex. 2.2.1 as printed: columns x = 1..4, rows y = 1..4.
    printed_rows = {
        1: ["1/8", "1/16", "1/32", "1/32"],
        2: ["1/16", "1/8", "1/32", "1/32"],
        3: ["1/16", "1/16", "1/16", "1/16"],
        4: ["1/4", 0, 0, 0],
    }
    return Distribution.from_dict(
        {(x, y): row[x - 1] for y, row in printed_rows.items() for x in range(1, 5)},
        names=("X", "Y"),
    )


@cache
def problem_2_2_exponential() -> Distribution:
    # Pr. 2.2(a): Y = 2**X, with X distributed as in Ex. 2.1.2 on the outcomes 1..4.
    x = Distribution.from_pmf(["1/2", "1/4", "1/8", "1/8"], name="X", outcomes=[1, 2, 3, 4])
    return x.with_variable("Y", lambda x: 2**x)


@cache
def problem_2_2_cosine() -> Distribution:
    # Pr. 2.2(b): Y = cos X, with X uniform on the angles 0, pi/2, pi, 3*pi/2 (chosen here).
    angles = [Integer(0), sympy.pi / 2, sympy.pi, 3 * sympy.pi / 2]
    return uniform(angles, name="X").with_variable("Y", sympy.cos)


@cache
def problem_2_3_point_mass() -> Distribution:
    # Pr. 2.3: the minimum entropy over 4-point distributions is attained at a point mass.
    return Distribution.from_pmf(["1", "0", "0", "0"], name="X")


@cache
def problem_2_4() -> Distribution:
    # Pr. 2.4: X a fair die, g(X) = X mod 2 (the function is chosen here).
    return uniform(range(1, 7), name="X").with_variable("G", lambda x: x % 2)


@cache
def problem_2_6_copies() -> Distribution:
    # Pr. 2.6(a): X = Y = Z, a fair bit.
    bit = uniform([0, 1], name="X")
    return bit.with_variable("Y", lambda x: x, inputs=("X",)).with_variable("Z", lambda x: x, inputs=("X",))


@cache
def fair_bits() -> Distribution:
    return independent(uniform([0, 1], name="X"), uniform([0, 1], name="Y"))


@cache
def problem_2_6_xor() -> Distribution:
    # Pr. 2.6(b): X, Y independent fair bits, Z = X xor Y.
    return fair_bits().with_variable("Z", lambda x, y: x ^ y)


@cache
def problem_2_6_sum() -> Distribution:
    # Pr. 2.6(b), the other classic example: X, Y independent fair bits, Z = X + Y.
    return fair_bits().with_variable("Z", lambda x, y: x + y)


@cache
def problem_2_12() -> Distribution:
    # Pr. 2.12: p(0,0) = p(0,1) = p(1,1) = 1/3, p(1,0) = 0.
    return Distribution.from_dict({(0, 0): "1/3", (0, 1): "1/3", (1, 0): 0, (1, 1): "1/3"}, names=("X", "Y"))


@cache
def problem_2_14_dependent() -> Distribution:
    # Pr. 2.14(a): Z = X + Y for the dependent pair of Pr. 2.12.
    return problem_2_12().with_variable("Z", lambda x, y: x + y)


@cache
def problem_2_14_independent_dice() -> Distribution:
    # Pr. 2.14(a), independent case: two fair dice, Z = X + Y.
    dice = independent(uniform(range(1, 7), name="X"), uniform(range(1, 7), name="Y"))
    return dice.with_variable("Z", lambda x, y: x + y)


@cache
def problem_2_14_cancelling() -> Distribution:
    # Pr. 2.14(b): X a fair bit, Y = -X, so Z = X + Y = 0.
    x = uniform([0, 1], name="X").with_variable("Y", lambda x: -x)
    return x.with_variable("Z", lambda x, y: x + y)


@cache
def problem_2_14_injective_sum() -> Distribution:
    # Pr. 2.14(c): X uniform on {0, 1}, Y uniform on {0, 2}, independent; x + y is one-to-one.
    pair = independent(uniform([0, 1], name="X"), uniform([0, 2], name="Y"))
    return pair.with_variable("Z", lambda x, y: x + y)


def _series_outcome(*games: str) -> str:
    """The games actually played: the prefix ending when a team first has 4 wins."""
    wins = {"A": 0, "B": 0}
    for played, winner in enumerate(games, start=1):
        wins[winner] += 1
        if wins[winner] == 4:
            return "".join(games[:played])
    raise AssertionError("seven games always decide a best-of-seven series")


@cache
def world_series() -> Distribution:
    # Pr. 2.18: equally matched teams, independent games, first to 4 wins.  Play
    # seven independent fair games G1..G7; the series X is the prefix that decides
    # it and Y is the number of games played.
    games = independent(*(uniform(["A", "B"], name=f"G{i}") for i in range(1, 8)))
    series = games.with_variable("X", _series_outcome)
    return series.with_variable("Y", len, inputs=("X",))


# Pr. 2.18, an independent computation: a series of n games is decided in game n,
# so the loser won 3 of the first n - 1; there are 2 * C(n - 1, 3) such series of
# probability 2**-n each.
SERIES_COUNT = {n: 2 * comb(n - 1, 3) for n in range(4, 8)}
SERIES_LENGTH_PMF = [Fraction(count, 2**n) for n, count in SERIES_COUNT.items()]


def _series_entropy_given_length() -> sympy.Expr:
    # Given Y = n the series is uniform over its SERIES_COUNT[n] outcomes.
    total = Integer(0)
    for n, p in zip(SERIES_COUNT, SERIES_LENGTH_PMF):
        total += Rational(p.numerator, p.denominator) * log(SERIES_COUNT[n], 2)
    return total


# --- exact cases ---------------------------------------------------------------------

CASES = [
    # C&T 2e, Ex. 2.1.1: H(X) = -p log p - (1-p) log(1-p) = 1 bit at p = 1/2.
    pytest.param(lambda: entropy(fair_coin()), Integer(1), id="CT2e-ex2.1.1-H(1/2)"),
    # C&T 2e, Ex. 2.1.1 in nats (base e): H = log 2.
    pytest.param(lambda: entropy(fair_coin(), base=E), log(2), id="CT2e-ex2.1.1-H(1/2)-nats"),
    # C&T 2e, Ex. 2.1.1's H(p) at p = 1/4, chosen here: -1/4 log 1/4 - 3/4 log 3/4 = 2 - 3/4 log2 3.
    pytest.param(
        lambda: entropy(bent_coin_quarter(), "X"),
        2 - Rational(3, 4) * LOG2_3,
        id="CT2e-ex2.1.1-H(1/4)",
    ),
    # C&T 2e, Ex. 2.1.2: H(X) = 7/4 bits.
    pytest.param(lambda: entropy(example_2_1_2()), Rational(7, 4), id="CT2e-ex2.1.2-H(X)"),
    # C&T 2e, Lemma 2.1.2, H_b(X) = (log_b a) H_a(X), applied to Ex. 2.1.2: 7/4 bits = 7/8 in base 4.
    pytest.param(lambda: entropy(example_2_1_2(), base=4), Rational(7, 8), id="CT2e-lem2.1.2-ex2.1.2-base4"),
    # C&T 2e, Ex. 2.2.1: H(X) = 7/4 bits.
    pytest.param(lambda: entropy(example_2_2_1(), "X"), Rational(7, 4), id="CT2e-ex2.2.1-H(X)"),
    # C&T 2e, Ex. 2.2.1: H(Y) = 2 bits.
    pytest.param(lambda: entropy(example_2_2_1(), "Y"), Integer(2), id="CT2e-ex2.2.1-H(Y)"),
    # C&T 2e, Ex. 2.2.1: H(X|Y) = 11/8 bits.
    pytest.param(lambda: entropy(example_2_2_1(), "X", given="Y"), Rational(11, 8), id="CT2e-ex2.2.1-H(X|Y)"),
    # C&T 2e, Ex. 2.2.1: H(Y|X) = 13/8 bits.
    pytest.param(
        lambda: conditional_entropy(example_2_2_1(), "Y", "X"),
        Rational(13, 8),
        id="CT2e-ex2.2.1-H(Y|X)",
    ),
    # C&T 2e, Ex. 2.2.1: H(X, Y) = 27/8 bits.
    pytest.param(lambda: joint_entropy(example_2_2_1(), "X", "Y"), Rational(27, 8), id="CT2e-ex2.2.1-H(X,Y)"),
    # C&T 2e, Ex. 2.2.1: H(X, Y) = 27/8 bits, as the entropy of all variables.
    pytest.param(lambda: entropy(example_2_2_1()), Rational(27, 8), id="CT2e-ex2.2.1-H(all)"),
    # C&T 2e, Ex. 2.2.1: H(X, Y) = 27/8 bits = 27/8 log 2 nats.
    pytest.param(
        lambda: entropy(example_2_2_1(), "X", "Y", base=E),
        Rational(27, 8) * log(2),
        id="CT2e-ex2.2.1-H(X,Y)-nats",
    ),
    # C&T 2e, Ex. 2.2.1 with Thm. 2.4.1, I(X;Y) = H(X) - H(X|Y) = 7/4 - 11/8 = 3/8 bits.
    pytest.param(
        lambda: mutual_information(example_2_2_1(), "X", "Y"),
        Rational(3, 8),
        id="CT2e-ex2.2.1-I(X;Y)",
    ),
    # C&T 2e, Pr. 2.2(a): 2**x is one-to-one, so H(Y) = H(X) = 7/4 bits.
    pytest.param(lambda: entropy(problem_2_2_exponential(), "Y"), Rational(7, 4), id="CT2e-pr2.2a-H(2^X)"),
    # C&T 2e, Pr. 2.2(b): H(cos X) <= H(X); here cos X = 1, 0, -1, 0, so H = H(1/4, 1/2, 1/4) = 3/2 < 2.
    pytest.param(lambda: entropy(problem_2_2_cosine(), "Y"), Rational(3, 2), id="CT2e-pr2.2b-H(cosX)"),
    # C&T 2e, Pr. 2.3: the minimum of H(p) is 0, at a point mass (0 log 0 = 0).
    pytest.param(lambda: entropy(problem_2_3_point_mass()), Integer(0), id="CT2e-pr2.3-point-mass"),
    # C&T 2e, Pr. 2.4(b): H(g(X)|X) = 0.
    pytest.param(lambda: conditional_entropy(problem_2_4(), "G", "X"), Integer(0), id="CT2e-pr2.4-H(g(X)|X)"),
    # C&T 2e, Pr. 2.4(a,b): H(X, g(X)) = H(X) = log2 6 for a fair die.
    pytest.param(lambda: joint_entropy(problem_2_4(), "X", "G"), 1 + LOG2_3, id="CT2e-pr2.4-H(X,g(X))"),
    # C&T 2e, Pr. 2.4(c): H(X|g(X)) = H(X, g(X)) - H(g(X)) = log2 6 - 1 = log2 3.
    pytest.param(lambda: entropy(problem_2_4(), "X", given="G"), LOG2_3, id="CT2e-pr2.4-H(X|g(X))"),
    # C&T 2e, Pr. 2.6(a): X = Y = Z a fair bit: I(X;Y) = 1 bit ...
    pytest.param(
        lambda: mutual_information(problem_2_6_copies(), "X", "Y"),
        Integer(1),
        id="CT2e-pr2.6a-I(X;Y)",
    ),
    # ... and I(X;Y|Z) = 0 < I(X;Y).
    pytest.param(
        lambda: mutual_information(problem_2_6_copies(), "X", "Y", given="Z"),
        Integer(0),
        id="CT2e-pr2.6a-I(X;Y|Z)",
    ),
    # C&T 2e, Pr. 2.6(b): X, Y independent fair bits, Z = X xor Y: I(X;Y) = 0 ...
    pytest.param(
        lambda: mutual_information(problem_2_6_xor(), "X", "Y"),
        Integer(0),
        id="CT2e-pr2.6b-xor-I(X;Y)",
    ),
    # ... and I(X;Y|Z) = H(X|Z) - H(X|Y,Z) = 1 - 0 = 1 bit > I(X;Y).
    pytest.param(
        lambda: mutual_information(problem_2_6_xor(), "X", "Y", given="Z"),
        Integer(1),
        id="CT2e-pr2.6b-xor-I(X;Y|Z)",
    ),
    # ... the three bits are pairwise independent: I(X;Z) = 0 ...
    pytest.param(
        lambda: mutual_information(problem_2_6_xor(), "X", "Z"),
        Integer(0),
        id="CT2e-pr2.6b-xor-I(X;Z)",
    ),
    # ... and I(Y;Z) = 0 ...
    pytest.param(
        lambda: mutual_information(problem_2_6_xor(), "Y", "Z"),
        Integer(0),
        id="CT2e-pr2.6b-xor-I(Y;Z)",
    ),
    # ... but jointly (X, Y) determines Z: I(X,Y;Z) = H(Z) = 1 bit.
    pytest.param(
        lambda: mutual_information(problem_2_6_xor(), ("X", "Y"), "Z"),
        Integer(1),
        id="CT2e-pr2.6b-xor-I(X,Y;Z)",
    ),
    # C&T 2e, Pr. 2.6(b) with Z = X + Y: I(X;Y|Z) = H(X|Z) = P(Z=1) * 1 = 1/2 bit.
    pytest.param(
        lambda: mutual_information(problem_2_6_sum(), "X", "Y", given="Z"),
        Rational(1, 2),
        id="CT2e-pr2.6b-sum-I(X;Y|Z)",
    ),
    # C&T 2e, Pr. 2.12(a): H(X) = 2/3 log 3/2 + 1/3 log 3 = log2 3 - 2/3 (0.918 bits).
    pytest.param(lambda: entropy(problem_2_12(), "X"), LOG2_3 - Rational(2, 3), id="CT2e-pr2.12a-H(X)"),
    # C&T 2e, Pr. 2.12(a): H(Y) = log2 3 - 2/3.
    pytest.param(lambda: entropy(problem_2_12(), "Y"), LOG2_3 - Rational(2, 3), id="CT2e-pr2.12a-H(Y)"),
    # C&T 2e, Pr. 2.12(b): H(X|Y) = 1/3 H(X|Y=0) + 2/3 H(X|Y=1) = 2/3 bit.
    pytest.param(lambda: entropy(problem_2_12(), "X", given="Y"), Rational(2, 3), id="CT2e-pr2.12b-H(X|Y)"),
    # C&T 2e, Pr. 2.12(b): H(Y|X) = 2/3 bit.
    pytest.param(
        lambda: conditional_entropy(problem_2_12(), "Y", "X"),
        Rational(2, 3),
        id="CT2e-pr2.12b-H(Y|X)",
    ),
    # C&T 2e, Pr. 2.12(c): H(X, Y) = log2 3 (1.585 bits).
    pytest.param(lambda: joint_entropy(problem_2_12(), "X", "Y"), LOG2_3, id="CT2e-pr2.12c-H(X,Y)"),
    # C&T 2e, Pr. 2.12(c) in nats: H(X, Y) = log 3.
    pytest.param(lambda: entropy(problem_2_12(), "X", "Y", base=E), log(3), id="CT2e-pr2.12c-H(X,Y)-nats"),
    # C&T 2e, Pr. 2.12(d): H(Y) - H(Y|X) = log2 3 - 4/3 (0.251 bits).
    pytest.param(
        lambda: entropy(problem_2_12(), "Y") - conditional_entropy(problem_2_12(), "Y", "X"),
        LOG2_3 - Rational(4, 3),
        id="CT2e-pr2.12d-H(Y)-H(Y|X)",
    ),
    # C&T 2e, Pr. 2.12(e): I(X;Y) = log2 3 - 4/3.
    pytest.param(
        lambda: mutual_information(problem_2_12(), "X", "Y"),
        LOG2_3 - Rational(4, 3),
        id="CT2e-pr2.12e-I(X;Y)",
    ),
    # C&T 2e, Pr. 2.14(a): H(Z|X) = H(Y|X) for Z = X + Y; for the pair of Pr. 2.12 both are 2/3.
    pytest.param(
        lambda: conditional_entropy(problem_2_14_dependent(), "Z", "X"),
        Rational(2, 3),
        id="CT2e-pr2.14a-H(Z|X)",
    ),
    # C&T 2e, Pr. 2.14(a), independent X, Y: H(Z|X) = H(Y|X) = H(Y) = log2 6 for two fair dice.
    pytest.param(
        lambda: conditional_entropy(problem_2_14_independent_dice(), "Z", "X"),
        1 + LOG2_3,
        id="CT2e-pr2.14a-dice-H(Z|X)",
    ),
    # C&T 2e, Pr. 2.14(b): Y = -X gives Z = 0, so H(Z) = 0 < H(X) = H(Y) = 1.
    pytest.param(lambda: entropy(problem_2_14_cancelling(), "Z"), Integer(0), id="CT2e-pr2.14b-H(Z)"),
    # C&T 2e, Pr. 2.14(c): independent and (x, y) -> x + y one-to-one, so H(Z) = H(X) + H(Y) = 2.
    pytest.param(lambda: entropy(problem_2_14_injective_sum(), "Z"), Integer(2), id="CT2e-pr2.14c-H(Z)"),
    # C&T 2e, Pr. 2.18: H(X) = 5.8125 bits, exactly 93/16.
    pytest.param(lambda: entropy(world_series(), "X"), Rational(93, 16), id="CT2e-pr2.18-H(X)"),
    # C&T 2e, Pr. 2.18: Y is a function of X, so H(Y|X) = 0.
    pytest.param(lambda: conditional_entropy(world_series(), "Y", "X"), Integer(0), id="CT2e-pr2.18-H(Y|X)"),
    # C&T 2e, Thm. 2.6.4: H(X) = log |X| for the uniform distribution; a fair die has log2 6 bits.
    pytest.param(lambda: entropy(uniform(range(1, 7), name="X")), 1 + LOG2_3, id="CT2e-thm2.6.4-die"),
    # C&T 2e, Thm. 2.6.4 in nats: a fair die has log 6 nats.
    pytest.param(
        lambda: entropy(uniform(range(1, 7), name="X"), base=E),
        log(6),
        id="CT2e-thm2.6.4-die-nats",
    ),
    # C&T 2e, Thm. 2.6.4 in base 3: uniform on 9 outcomes has log_3 9 = 2 trits.
    pytest.param(lambda: entropy(uniform(9, name="X"), base=3), Integer(2), id="CT2e-thm2.6.4-9-base3"),
    # C&T 2e, Thm. 2.6.4 in base 10: uniform on 100 outcomes has log_10 100 = 2 hartleys.
    pytest.param(lambda: entropy(uniform(100, name="X"), base=10), Integer(2), id="CT2e-thm2.6.4-100-base10"),
]


@pytest.mark.parametrize("compute, expected", CASES)
def test_cover_thomas_chapter_2(compute, expected):
    assert_same(compute(), expected)


# --- cases whose book answer is printed as decimals ----------------------------------

DECIMAL_CASES = [
    # C&T 2e, Pr. 2.18: H(Y) = 1.924 bits, Y the number of games.
    pytest.param(
        lambda: entropy(world_series(), "Y"),
        lambda: entropy_by_definition(SERIES_LENGTH_PMF),
        "1.924",
        id="CT2e-pr2.18-H(Y)",
    ),
    # C&T 2e, Pr. 2.18: H(X|Y) = 3.889 bits.
    pytest.param(
        lambda: conditional_entropy(world_series(), "X", "Y"),
        _series_entropy_given_length,
        "3.889",
        id="CT2e-pr2.18-H(X|Y)",
    ),
    # C&T 2e, Pr. 2.12(a): H(X) = 0.918 bits.
    pytest.param(
        lambda: entropy(problem_2_12(), "X"),
        lambda: entropy_by_definition([Fraction(2, 3), Fraction(1, 3)]),
        "0.918",
        id="CT2e-pr2.12a-H(X)-decimals",
    ),
]


@pytest.mark.parametrize("compute, independent_value, printed", DECIMAL_CASES)
def test_cover_thomas_chapter_2_printed_decimals(compute, independent_value, printed):
    actual = compute()
    assert_same(actual, independent_value())
    assert_printed(actual, printed)


def test_world_series_has_70_outcomes():
    # C&T 2e, Pr. 2.18: 2 + 8 + 20 + 40 = 70 possible series, each of probability 2**-games.
    series = world_series().marginal("X")
    assert len(series.outcomes) == sum(SERIES_COUNT.values()) == 70
    for outcome in series.outcomes:
        (text,) = outcome if isinstance(outcome, tuple) else (outcome,)
        assert series.probability(X=text) == Rational(1, 2 ** len(text))
