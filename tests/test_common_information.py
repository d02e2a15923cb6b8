"""Wyner's and the MSS common information, with the Gács-Körner ordering.

References: A. D. Wyner, "The common information of two dependent random variables", IEEE
Trans. Inform. Theory 21 (1975), the doubly symmetric binary source; dit's documentation of
``wyner_common_information`` (the binary symmetric erasure source) and of
``mss_common_information`` (the join of minimal sufficient statistics).
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Rational as R

from symentropy import Distribution, UndecidedError, binary_entropy, entropy, mutual_information
from symentropy.kernel.numeric import compare
from symentropy.measures.common import (
    gacs_korner_common_information,
    mss_common_information,
    wyner_common_information,
)


def dsbs(a):
    return Distribution({(0, 0): (1 - a) / 2, (1, 1): (1 - a) / 2, (0, 1): a / 2, (1, 0): a / 2},
                        names=("X", "Y"))


def test_dsbs_equals_the_information_of_its_optimal_construction():
    # Wyner 1975: V a uniform bit, X = V + N1, Y = V + N2 (mod 2), N_i ~ Bernoulli(a1), gives
    # a DSBS with a = 2 a1 (1 - a1) and I(X, Y; V) = C; a1 = 1/4 makes a = 3/8.
    a1 = R(1, 4)
    cells = {}
    for v in (0, 1):
        for n1 in (0, 1):
            for n2 in (0, 1):
                p = R(1, 2) * (a1 if n1 else 1 - a1) * (a1 if n2 else 1 - a1)
                key = (v, v ^ n1, v ^ n2)
                cells[key] = cells.get(key, 0) + p
    vxy = Distribution(cells, names=("V", "X", "Y"))
    assert vxy.marginal("X", "Y") == dsbs(R(3, 8))
    assert mutual_information(vxy, "V", "Y", given="X") != 0  # V is not a function of X
    c = wyner_common_information(dsbs(R(3, 8)), "X", "Y")
    assert compare(c - mutual_information(vxy, ("X", "Y"), "V"), 0) == 0
    assert c == wyner_common_information(dsbs(R(5, 8)), "X", "Y")  # C(a) = C(1 - a)


@pytest.mark.parametrize("a", [R(1, 10), R(1, 4), R(3, 8), R(1, 2)])
def test_ordering_gk_le_i_le_wyner_le_mss(a):
    d = dsbs(a)
    gk = gacs_korner_common_information(d, "X", "Y")
    i = mutual_information(d, "X", "Y")
    c = wyner_common_information(d, "X", "Y")
    m = mss_common_information(d)
    assert compare(gk - i, 0) <= 0 <= compare(c - i, 0)
    assert compare(m - c, 0) >= 0 and compare(entropy(d, "X") - c, 0) >= 0


def test_binary_symmetric_erasure_source():
    def sbes(p):
        return Distribution({(0, 0): (1 - p) / 2, (1, 1): (1 - p) / 2, (0, "e"): p / 2, (1, "e"): p / 2},
                            names=("X", "Y"))

    assert wyner_common_information(sbes(R(1, 4)), "X", "Y") == 1
    assert wyner_common_information(sbes(R(1, 2)), "X", "Y") == 1
    assert wyner_common_information(sbes(R(3, 4)), "X", "Y") == binary_entropy(R(3, 4))
    swapped = Distribution({(y, x): p for (x, y), p in sbes(R(3, 4)).items()}, names=("Y", "X"))
    assert wyner_common_information(swapped, "Y", "X") == binary_entropy(R(3, 4))


def test_a_common_function_makes_wyner_equal_to_i():
    bits = Distribution({(a, b, c): R(1, 8) for a in (0, 1) for b in (0, 1) for c in (0, 1)},
                        names=("A", "B", "C"))
    d = bits.with_variable("X", lambda a, b, c: (a, b)).with_variable("Y", lambda a, b, c, x: (a, c))
    assert wyner_common_information(d, "X", "Y") == 1 == gacs_korner_common_information(d, "X", "Y")
    assert wyner_common_information(d, "X", "Y", base=4) == R(1, 2)
    independent = Distribution({(x, y): R(1, 4) for x in (0, 1) for y in (0, 1)}, names=("X", "Y"))
    assert wyner_common_information(independent, "X", "Y") == 0


def test_no_closed_form_gives_the_bounds():
    d = Distribution({(0, 0): R(1, 2), (0, 1): R(1, 6), (1, 1): R(1, 3)}, names=("X", "Y"))
    with pytest.raises(UndecidedError, match=r"between I\(X; Y\) = .* and min\(H\(X\), H\(Y\)\)"):
        wyner_common_information(d, "X", "Y")


def test_mss_merges_values_that_say_the_same():
    # X = 0 and X = 1 give Y = 0 surely; X = 2 gives Y = 1: the statistic of X is (X == 2)
    d = Distribution({(0, 0): R(1, 4), (1, 0): R(1, 4), (2, 1): R(1, 2)}, names=("X", "Y"))
    assert mss_common_information(d) == 1
    # Y's statistic is Y itself and X's is a function of Y: the join has the entropy of Y
    assert mss_common_information(d, "X", "Y") == entropy(d, "Y")
    # three variables: each statistic about the other two
    t = Distribution({(x, y, x ^ y): R(1, 4) for x in (0, 1) for y in (0, 1)}, names=("X", "Y", "Z"))
    assert mss_common_information(t) == 2
    p = sympy.Symbol("p", positive=True)
    symbolic = Distribution({(0, 0): p / 2, (1, 0): p / 2, (2, 1): 1 - p}, names=("X", "Y"))
    assert mss_common_information(symbolic) == entropy(Distribution.from_pmf([p, 1 - p]))


def test_mss_decides_equal_irrational_conditionals_exactly():
    # p(Y = 0 | X = 0) = (sqrt(2) - 1)/2 and p(Y = 0 | X = 1) = 1/(2 (1 + sqrt(2))) are equal,
    # written differently: X and Y are independent and the statistics constant
    s2 = sympy.sqrt(2)
    a, b = (s2 - 1) / 4, 1 / (4 * (1 + s2))
    d = Distribution({(0, 0): a, (0, 1): R(1, 2) - a, (1, 0): b, (1, 1): R(1, 2) - b}, names=("X", "Y"))
    assert mss_common_information(d) == 0
