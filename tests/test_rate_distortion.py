"""The certified rate-distortion function of a general source and distortion matrix.

References: T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed. (C&T),
Theorem 10.3.1, Problem 10.5 and section 10.8; V. Erokhin (1958) for the m-ary Hamming
closed form.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest
import sympy
from sympy import Rational as R

from symentropy import Distribution, UndecidedError, binary_entropy, entropy
from symentropy.errors import DistributionError
from symentropy.kernel.numeric import compare
from symentropy.measures.rate_distortion import RateDistortionInterval, distortion_max, rate_distortion

HAMMING3 = [[0, 1, 1], [1, 0, 1], [1, 1, 0]]


def hamming(m):
    return [[int(i != j) for j in range(m)] for i in range(m)]


def shuffled_hamming(m):
    """Hamming distortion with the reproduction letters listed in reverse: the same R(D), but not
    recognised as the Hamming matrix, so the certified solver computes it independently."""
    return [list(reversed(row)) for row in hamming(m)]


def test_the_hamming_matrix_written_out_gets_the_closed_form():
    source = [R(1, 3), R(2, 3)]
    assert rate_distortion(source, R(1, 5), hamming(2)) == rate_distortion(source, R(1, 5))
    assert isinstance(rate_distortion(source, R(1, 5), shuffled_hamming(2)), RateDistortionInterval)


def test_binary_hamming_matrix_agrees_with_theorem_10_3_1():
    # C&T 2nd ed., Theorem 10.3.1: R(D) = h(p) - h(D) for a Bernoulli(p) source, D <= min(p, 1 - p)
    for p, D in [(R(1, 3), R(1, 5)), (R(1, 2), R(1, 10)), (R(3, 4), R(1, 8))]:
        r = rate_distortion([p, 1 - p], D, shuffled_hamming(2), digits=25)
        assert isinstance(r, RateDistortionInterval) and r.width <= r.tolerance
        assert binary_entropy(p) - binary_entropy(D) in r


def test_uniform_source_matrix_agrees_with_problem_10_5():
    # C&T 2nd ed., Problem 10.5: R(D) = log m - h(D) - D log(m - 1) for a uniform source
    D = R(1, 4)
    r = rate_distortion([R(1, 4)] * 4, D, shuffled_hamming(4), digits=20)
    assert sympy.log(4, 2) - binary_entropy(D) - D * sympy.log(3, 2) in r


def test_erokhin_closed_form_and_the_certified_value_beyond_it():
    # H(X) - h(D) - D log(m - 1) for D <= (m - 1) min p: the matrix path encloses the closed form
    ps = [R(1, 2), R(1, 3), R(1, 6)]
    for D in (R(1, 5), R(1, 3)):  # (m - 1) min p = 1/3
        closed = rate_distortion(ps, D)
        assert not isinstance(closed, RateDistortionInterval)
        expected = entropy(Distribution.from_pmf(ps)) - binary_entropy(D) - D * sympy.log(2, 2)
        assert compare(closed, expected) == 0
        assert closed in rate_distortion(ps, D, shuffled_hamming(3), digits=20)
    beyond = rate_distortion(ps, R(2, 5), digits=20)  # above the edge: certified digits
    assert isinstance(beyond, RateDistortionInterval)
    assert beyond == rate_distortion(ps, R(2, 5), HAMMING3, digits=20)
    assert beyond == rate_distortion(ps, R(2, 5), shuffled_hamming(3), digits=20)
    # beyond the edge Erokhin's formula is only the Shannon lower bound, strictly below R(D)
    erokhin = entropy(Distribution.from_pmf(ps)) - binary_entropy(R(2, 5)) - R(2, 5)
    assert compare(erokhin, beyond.lower) < 0


def test_symbolic_erokhin_form_records_its_conditions():
    p, D = sympy.symbols("p D", positive=True)
    value = rate_distortion([p, p, 1 - 2 * p], D)
    assert isinstance(value, sympy.Piecewise)
    assert value.args[0].cond == (D <= 2 * sympy.Min(p, 1 - 2 * p))


def test_the_ends_of_the_curve_are_exact():
    ps = [R(1, 2), R(1, 3), R(1, 6)]
    d = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]
    assert rate_distortion(ps, 0, d) == entropy(Distribution.from_pmf(ps))  # R(0) = H for unique nearest
    assert rate_distortion(ps, distortion_max(ps, d), d) == 0
    assert rate_distortion(ps, 5, d) == 0
    shifted = [[v + 1 for v in row] for row in d]  # D_min = 1: below it no code reaches D
    assert rate_distortion(ps, R(1, 2), shifted) == sympy.oo
    assert rate_distortion(ps, 1, shifted) == entropy(Distribution.from_pmf(ps))
    # a letter that is never drawn changes nothing
    assert rate_distortion([R(1, 2), 0, R(1, 2)], R(1, 10), HAMMING3, digits=15) == rate_distortion(
        [R(1, 2), R(1, 2)], R(1, 10), [[0, 1, 1], [1, 1, 0]], digits=15
    )


def test_test_channel_is_a_witness():
    ps = [R(1, 2), R(1, 3), R(1, 6)]
    d = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]
    r = rate_distortion(ps, R(1, 4), d, digits=20, base=2)
    channel = r.test_channel
    assert all(sum(row) == 1 for row in channel.rows)
    rows = zip(ps, channel.rows, strict=True)
    achieved = sum(p * w * d[i][j] for i, (p, row) in enumerate(rows) for j, w in enumerate(row))
    assert achieved == r.distortion <= R(1, 4)
    info = channel.mutual_information(ps, base=2)
    assert compare(info, r.upper) <= 0 and compare(info, r.lower) >= 0
    assert compare(r.slope, 0) < 0


def test_curve_is_convex_and_decreasing():
    # C&T 2nd ed., Lemma 10.4.1: R(D) is nonincreasing and convex
    random.seed(7)
    weights = [random.randint(1, 30) for _ in range(5)]
    ps = [R(w, sum(weights)) for w in weights]
    d = [[R(random.randint(0, 10), 10) if i != j else 0 for j in range(4)] for i in range(5)]
    top = distortion_max(ps, d)
    grid = [top * k / 8 for k in range(1, 8)]
    values = [rate_distortion(ps, D, d, digits=15) for D in grid]
    for a, b in itertools.pairwise(values):
        assert a.lower > b.upper
    for a, b, c in zip(values, values[1:], values[2:], strict=False):  # consecutive triples
        assert b.upper <= (a.lower + c.lower) / 2 + b.tolerance


def test_thirty_digits_of_a_random_ten_letter_source():
    random.seed(2026)
    weights = [random.randint(1, 1000) for _ in range(10)]
    ps = [R(w, sum(weights)) for w in weights]
    d = [[R(random.randint(0, 100), 100) for _ in range(10)] for _ in range(10)]
    D = (distortion_max(ps, d) + sum(p * min(row) for p, row in zip(ps, d, strict=True))) / 2
    r = rate_distortion(ps, D, d, digits=30, base=sympy.E)
    assert r.width <= R(1, 10**30) and r.lower > 0


def test_bad_input_is_named():
    x = sympy.Symbol("x", positive=True)
    with pytest.raises(UndecidedError, match="symbols x"):
        rate_distortion([R(1, 2), R(1, 2)], R(1, 4), [[0, x], [1, 0]])
    with pytest.raises(DistributionError, match=r"d\(0, 1\) is sqrt\(2\)"):
        rate_distortion([R(1, 2), R(1, 2)], R(1, 4), [[0, sympy.sqrt(2)], [1, 0]])
    with pytest.raises(DistributionError, match="needs 2 rows"):
        rate_distortion([R(1, 2), R(1, 2)], R(1, 4), [[0, 1]])
    with pytest.raises(UndecidedError, match="several nearest reproductions"):
        rate_distortion([R(1, 2), R(1, 2)], 0, [[0, 0, 1], [1, 1, 0]])
    with pytest.raises(DistributionError, match="'hamming' or a matrix"):
        rate_distortion([R(1, 2), R(1, 2)], R(1, 4), "euclid")


def test_fraction_inputs():
    r = rate_distortion([Fraction(1, 3), Fraction(2, 3)], Fraction(1, 5), shuffled_hamming(2), digits=10)
    assert binary_entropy(R(1, 3)) - binary_entropy(R(1, 5)) in r
