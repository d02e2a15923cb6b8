"""The BROJA unique information (Bertschinger, Rauh, Olbrich, Jost & Ay 2014), exact or certified.

Expected values are worked out here from the definition: UI(T; S1 \\ S2) is the least
I_Q(T; S1 | S2) over the distributions Q with the (S1, T) and (S2, T) marginals of P; shared
information is I(T; S1) - UI(T; S1 \\ S2) and synergy I_P(T; S1, S2) - min I_Q(T; S1, S2).
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy

from symentropy import (
    Distribution,
    DistributionError,
    InvalidBaseError,
    independent,
    mutual_information,
    pid,
    uniform,
)
from symentropy.measures.broja import BrojaSolver
from symentropy.measures.certified import CertifiedInterval
from tests.support import assert_two_source_pid

LOG2_3 = sympy.log(3) / sympy.log(2)
BITS = independent(uniform(2, name="X1"), uniform(2, name="X2"))
HALF, QUARTER = sympy.Rational(1, 2), sympy.Rational(1, 4)

GATES = {
    # gate: (distribution, shared, unique X1, unique X2, synergy)
    # XOR: the uniform Q on all 8 triples has the marginals of P and I_Q(T; S1, S2) = 0, so all
    # of I(T; S1, S2) = 1 is synergy (Bertschinger et al. 2014, Example XOR)
    "XOR": (BITS.with_variable("Y", lambda a, b: a ^ b), 0, 0, 0, 1),
    # AND: Q(0,0,0) = 1/2, Q(1,1,0) = Q(1,1,1) = 1/4 has the marginals of P and S1 = S2, so
    # I_Q(T; S1 | S2) = 0: no unique information; shared = I(T; S1) = h(1/4) - 1/2
    # = 3/2 - 3/4 log2 3; synergy = h(1/4) - I(T; S1) = 1/2 (Bertschinger et al. 2014, Example AND;
    # Griffith & Koch 2014, Table 1)
    "AND": (BITS.with_variable("Y", lambda a, b: a & b), sympy.Rational(3, 2) - 3 * LOG2_3 / 4, 0, 0, HALF),
    # SUM: Q with S1 = S2 again (Q(0,0,0) = Q(0,0,1) = Q(1,1,1) = Q(1,1,2) = 1/4): no unique
    # information, shared = I(T; S1) = 1/2, synergy = 3/2 - 1/2 = 1 (Griffith & Koch 2014, SUM)
    "SUM": (BITS.with_variable("Y", lambda a, b: a + b), HALF, 0, 0, 1),
    # two-bit COPY: T = (S1, S2) fixes Q = P, so UI(T; S1 \ S2) = H(S1 | S2) = 1 for each bit and
    # nothing is shared (Bertschinger et al. 2014, the copy example; Harder, Salge & Polani 2013)
    "COPY": (BITS.with_variable("Y", lambda a, b: (a, b)), 0, 1, 1, 0),
    # UNQ: T = S1 in every Q, and T independent of S2: UI = H(T | S2) = 1
    "UNQ": (BITS.with_variable("Y", lambda a, b: a), 0, 1, 0, 0),
    # RDN: S1 = S2 = T, Q = P: one shared bit
    "RDN": (
        uniform(2, name="X1").with_variable("X2", lambda a: a).with_variable("Y", lambda a, b: a),
        1,
        0,
        0,
        0,
    ),
}


@pytest.mark.parametrize("gate", sorted(GATES))
def test_broja_on_the_classic_gates(gate):
    d, *expected = GATES[gate]
    assert_two_source_pid(d, "broja", tuple(expected))


def test_the_and_gate_optimum_is_the_vertex_with_equal_sources():
    r = pid(GATES["AND"][0], measure="broja")
    expected = {(0, 0, 0): HALF, (1, 1, 0): QUARTER, (1, 1, 1): QUARTER}
    assert {o: p for o, p in r.witness.items() if p} == expected


def _single_direction():
    """P on (S1, S2, T) whose Delta_P is a segment: only T = 0 has a 2 x 2 block of cells."""
    weights = {
        (0, 0, 0): 5,
        (0, 1, 0): 3,
        (1, 0, 0): 6,
        (1, 1, 0): 3,
        (0, 0, 1): 6,
        (0, 1, 1): 6,
        (1, 0, 2): 6,
    }
    total = sum(weights.values())
    return {c: Fraction(w, total) for c, w in weights.items()}


def _reference_unique(p, digits=50):
    """min over Q in Delta_P of I_Q(T; S1 | S2) by golden-section search on the one free cell."""
    ctx = mpmath.mp.clone()
    ctx.dps = digits + 10
    fixed = {c: ctx.mpf(v.numerator) / v.denominator for c, v in p.items() if c[2] != 0}

    def mp(v):
        return ctx.mpf(v.numerator) / v.denominator

    r0, r1 = mp(p[0, 0, 0] + p[0, 1, 0]), mp(p[1, 0, 0] + p[1, 1, 0])  # row sums of the T = 0 block
    c0 = mp(p[0, 0, 0] + p[1, 0, 0])  # its first column sum

    def conditional_mi(a):
        q = dict(fixed)
        q[0, 0, 0], q[0, 1, 0], q[1, 0, 0], q[1, 1, 0] = a, r0 - a, c0 - a, r1 - c0 + a
        total = ctx.zero
        for (s1, s2, t), v in q.items():
            if v:
                s2t = sum(w for (x, y, u), w in q.items() if y == s2 and u == t)
                s12 = sum(w for (x, y, u), w in q.items() if x == s1 and y == s2)
                s2_ = sum(w for (x, y, u), w in q.items() if y == s2)
                total += v * ctx.log(v * s2_ / (s2t * s12))
        return total / ctx.log(2)

    lo, hi = max(ctx.zero, c0 - r1), min(r0, c0)
    ratio = (ctx.sqrt(5) - 1) / 2
    for _ in range(260):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if conditional_mi(a) < conditional_mi(b):
            hi = b
        else:
            lo = a
    return conditional_mi((lo + hi) / 2)


def test_a_certified_decomposition_contains_an_independent_reference():
    p = _single_direction()
    d = Distribution(
        {c: sympy.Rational(v.numerator, v.denominator) for c, v in p.items()}, names=("X1", "X2", "Y")
    )
    r = pid(d, measure="broja")
    assert not r.exact and isinstance(r.unique["X1"], CertifiedInterval)
    reference = _reference_unique(p)
    man, exp = reference.man_exp
    exact_reference = sympy.Rational(man) * sympy.Rational(2) ** exp
    assert exact_reference in r.unique["X1"]
    assert all(a.width <= sympy.Rational(1, 10**30) for a in r.atoms.values())
    # the sum rules hold within the enclosures
    i1 = mutual_information(d, "X1", "Y")
    shared, unique = r.redundancy, r.unique["X1"]
    assert sympy.N(shared.lower + unique.lower - i1, 40) <= 0 <= sympy.N(shared.upper + unique.upper - i1, 40)
    low = sum(a.lower for a in r.atoms.values())
    high = sum(a.upper for a in r.atoms.values())
    assert low <= sympy.N(r.total, 40) <= high
    assert all(a.lower >= 0 for a in r.atoms.values())
    assert r"\{1\}\{2\} & \left[0.10460944222975472399356196890" in r.to_latex()


def test_the_solver_proves_its_bounds():
    p = _single_direction()
    bound = BrojaSolver(p, Fraction(1, 10**20)).solve()
    assert not bound.exact and 0 <= bound.upper - bound.lower <= Fraction(1, 10**20)
    solver = BrojaSolver(p, Fraction(1, 10**20))
    q = [bound.optimum[c] for c in solver.cells]
    assert solver.in_polytope(q) and not solver.is_optimal(q)
    assert solver.value(q, 200) >= bound.upper - Fraction(1, 10**50)


def test_more_digits_narrow_the_same_enclosure():
    p = _single_direction()
    d = Distribution(
        {c: sympy.Rational(v.numerator, v.denominator) for c, v in p.items()}, names=("X1", "X2", "Y")
    )
    coarse, fine = pid(d, measure="broja", digits=10), pid(d, measure="broja", digits=45)
    assert (
        coarse.redundancy.lower <= fine.redundancy.lower <= fine.redundancy.upper <= coarse.redundancy.upper
    )


def test_bad_input():
    with pytest.raises(DistributionError, match="two sources; got 3"):
        triple = independent(*(uniform(2, name=f"X{i}") for i in (1, 2, 3))).with_variable(
            "Y", lambda a, b, c: a
        )
        pid(triple, ("X1", "X2", "X3"), "Y", measure="broja")
    p = sympy.Symbol("p", positive=True)
    d = Distribution({(0, 0, 0): p, (1, 1, 1): 1 - p}, names=("X1", "X2", "Y"))
    with pytest.raises(DistributionError, match="rational probabilities; got p"):
        pid(d, measure="broja")


def test_a_joint_source_and_other_bases():
    # Y = X1 ^ X2 ^ X3 with sources (X1, X2) and X3: each alone says nothing, so all is synergy
    triple = independent(*(uniform(2, name=f"X{i}") for i in (1, 2, 3)))
    parity = triple.with_variable("Y", lambda a, b, c: a ^ b ^ c)
    r = pid(parity, (("X1", "X2"), "X3"), "Y", measure="broja")
    assert (r.redundancy, r.unique, r.synergy) == (0, {"X1,X2": 0, "X3": 0}, 1)
    p = _single_direction()
    d = Distribution(
        {c: sympy.Rational(v.numerator, v.denominator) for c, v in p.items()}, names=("X1", "X2", "Y")
    )
    in_bits, in_nats = pid(d, measure="broja", digits=20), pid(d, measure="broja", base="e", digits=20)
    assert in_nats.redundancy.lower <= in_bits.redundancy.midpoint * sympy.log(2) <= in_nats.redundancy.upper
    with pytest.raises(InvalidBaseError, match="numeric logarithm base, got b"):
        pid(d, measure="broja", base=sympy.Symbol("b"))
