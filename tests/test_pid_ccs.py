"""Ince's I_ccs (Entropy 19, 318, 2017) for two sources, exact where the maximum-entropy
distribution with the pairwise marginals is proved rational.

Each expected value is worked out here from the definition: on the maximum-entropy Q with the
(S1, S2), (S1, T), (S2, T) marginals of P, the local co-information c = i(s1;t) + i(s2;t) -
i(s1,s2;t) is averaged over the outcomes where c and the three local informations agree in sign.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy

from symentropy import Distribution, UndecidedError, independent, pid, uniform
from symentropy.measures.ccs import ccs_redundancy, pairwise_maxent
from tests.support import assert_two_source_pid

LOG2_3 = sympy.log(3) / sympy.log(2)
BITS = independent(uniform(2, name="X1"), uniform(2, name="X2"))
HALF = sympy.Rational(1, 2)

GATES = {
    # gate: (distribution, shared, unique X1, unique X2, synergy)
    # XOR: the pairwise marginals are all uniform, so Q is uniform on the 8 triples; every local
    # information is 0 under Q: nothing shared, one bit of synergy (Ince 2017, Table 1)
    "XOR": (BITS.with_variable("Y", lambda a, b: a ^ b), 0, 0, 0, 1),
    # AND: the marginals leave only P (Q(1,1,1) = 1/4 is forced by p(y=1) = 1/4, then the rest).
    # At (0,0,0): i1 = i2 = i12 = log2 4/3 = c, all positive: weight 1/4; at (0,1,0), (1,0,0) the
    # signs of i1, i2 differ; at (1,1,1) c = 1 + 1 - 2 = 0. Shared 1/4 log2 4/3 = 1/2 - 1/4 log2 3
    # (about 0.104); unique I(Y;X1) - shared = (3/2 - 3/4 log2 3) - shared = 1 - 1/2 log2 3;
    # synergy I(Y;X1,X2) - 2 unique - shared = 1/2 log2 3 - 1/2 (Ince 2017, Table 2: 0.10, 0.21, 0.29)
    "AND": (
        BITS.with_variable("Y", lambda a, b: a & b),
        HALF - LOG2_3 / 4,
        1 - LOG2_3 / 2,
        1 - LOG2_3 / 2,
        LOG2_3 / 2 - HALF,
    ),
    # two-bit COPY: Q = P; at every outcome i1 = i2 = 1, i12 = 2, c = 0: each bit unique
    "COPY": (BITS.with_variable("Y", lambda a, b: (a, b)), 0, 1, 1, 0),
    # UNQ: Q = P; i2 = 0 everywhere: nothing shared, I(Y;X1) = 1 unique
    "UNQ": (BITS.with_variable("Y", lambda a, b: a), 0, 1, 0, 0),
    # RDN: Q = P; i1 = i2 = i12 = c = 1 bit at both outcomes
    "RDN": (
        uniform(2, name="X1").with_variable("X2", lambda a: a).with_variable("Y", lambda a, b: a),
        1,
        0,
        0,
        0,
    ),
    # SUM: Q = P; at (0,0,0) and (1,1,2): i1 = i2 = 1, i12 = 2, c = 0; at (0,1,1), (1,0,1): i1 = i2
    # = 0, c = -1: no sign-agreeing mass, shared 0; unique 1/2 each, synergy 3/2 - 1 = 1/2
    "SUM": (BITS.with_variable("Y", lambda a, b: a + b), 0, HALF, HALF, HALF),
}


@pytest.mark.parametrize("gate", sorted(GATES))
def test_ccs_on_the_classic_gates(gate):
    d, *expected = GATES[gate]
    assert_two_source_pid(d, "ccs", tuple(expected))


def test_the_xor_maximum_entropy_distribution_is_uniform():
    r = pid(GATES["XOR"][0], measure="ccs")
    assert len(r.witness.support) == 8 and set(dict(r.witness.items()).values()) == {sympy.Rational(1, 8)}


def test_a_table_with_no_rational_maximum_is_refused():
    # full support with a three-way interaction: the maximum is no rational of small denominator
    weights = dict(zip(itertools.product((0, 1), repeat=3), (5, 1, 2, 3, 1, 4, 6, 2), strict=True))
    total = sum(weights.values())
    table = {c: Fraction(w, total) for c, w in weights.items()}
    assert pairwise_maxent(table) is None
    d = Distribution({c: sympy.Rational(w, total) for c, w in weights.items()}, names=("X1", "X2", "Y"))
    with pytest.raises(UndecidedError, match="not found to be rational"):
        pid(d, measure="ccs")


def test_the_maximum_is_checked_not_assumed():
    # P itself, a log-linear table of full support, is its own maximum-entropy distribution
    q = {
        (a, b, t): Fraction((1 + a) * (1 + t) * (1 + b * t), 1)
        for a in (0, 1)
        for b in (0, 1)
        for t in (0, 1)
    }
    total = sum(q.values())
    p = {c: v / total for c, v in q.items()}
    assert pairwise_maxent(p) == p
    rdn = {(0, 0, 0): Fraction(1, 2), (1, 1, 1): Fraction(1, 2)}
    assert ccs_redundancy(rdn).to_expr(2) == 1
