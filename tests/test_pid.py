"""Partial information decomposition: the classic gates, exact, and the lattice's properties.

Expected values are worked out here from the definitions (I_min of Williams & Beer 2010; MMI of
Barrett 2015) for each gate, not taken from the library's output.
"""

from __future__ import annotations

import itertools
import random

import pytest
import sympy

from symentropy import (
    Distribution,
    DistributionError,
    UnknownVariableError,
    compare,
    independent,
    mutual_information,
    pid,
    uniform,
)
from symentropy.measures.pid import redundancy_lattice, specific_information

LOG2_3 = sympy.log(3) / sympy.log(2)
BITS = independent(uniform(2, name="X1"), uniform(2, name="X2"))

GATES = {
    # gate: (distribution, redundancy, unique X1, unique X2, synergy) under I_min
    # XOR: Y carries one bit that neither input alone has (Williams & Beer 2010, §4)
    "XOR": (BITS.with_variable("Y", lambda a, b: a ^ b), 0, 0, 0, 1),
    # AND: both specific informations about each y are equal, so I_min = I(X1;Y)
    # = H(Y) - H(Y|X1) = h(1/4) - 1/2 = 3/2 - 3/4 log2 3; the rest of I(X1,X2;Y) = h(1/4) is synergy
    "AND": (BITS.with_variable("Y", lambda a, b: a & b), sympy.Rational(3, 2) - 3 * LOG2_3 / 4, 0, 0,
            sympy.Rational(1, 2)),
    # two-bit COPY: I_min counts one bit as redundant (Harder, Salge & Polani 2013)
    "COPY": (BITS.with_variable("Y", lambda a, b: (a, b)), 1, 0, 0, 1),
    # UNQ: Y = X1, X2 independent noise
    "UNQ": (BITS.with_variable("Y", lambda a, b: a), 0, 1, 0, 0),
    # RDN: X1 = X2 = Y
    "RDN": (uniform(2, name="X1").with_variable("X2", lambda a: a).with_variable("Y", lambda a, b: a), 1, 0, 0, 0),
    # SUM: Y = X1 + X2; I(X1;Y) = 1/2 and the specific informations are equal: redundancy 1/2,
    # synergy I(X1,X2;Y) - 1/2 = 3/2 - 1/2 = 1 (Griffith & Koch 2014, §2)
    "SUM": (BITS.with_variable("Y", lambda a, b: a + b), sympy.Rational(1, 2), 0, 0, 1),
}


@pytest.mark.parametrize("gate", sorted(GATES))
def test_imin_on_the_classic_gates(gate):
    d, red, u1, u2, syn = GATES[gate]
    r = pid(d, ("X1", "X2"), "Y")
    assert r.redundancy == red
    assert r.unique == {"X1": u1, "X2": u2}
    assert r.synergy == syn
    assert r.total == mutual_information(d, ("X1", "X2"), "Y")


@pytest.mark.parametrize("gate", sorted(GATES))
def test_the_sum_rules_hold_exactly(gate):
    d = GATES[gate][0]
    for measure in ("imin", "mmi"):
        r = pid(d, ("X1", "X2"), "Y", measure=measure)
        assert r.redundancy + r.unique["X1"] == mutual_information(d, "X1", "Y")
        assert r.redundancy + r.unique["X2"] == mutual_information(d, "X2", "Y")
        assert sum(r.atoms.values()) == r.total


def test_mmi_is_the_least_mutual_information():
    d = GATES["UNQ"][0]
    r = pid(d, measure="mmi")
    assert r.redundancy == min(mutual_information(d, "X1", "Y"), mutual_information(d, "X2", "Y")) == 0


def _random_table(seed, sizes, names):
    rng = random.Random(seed)
    cells = {o: rng.randint(0, 5) for o in itertools.product(*(range(k) for k in sizes))}
    cells[next(iter(cells))] += 1
    total = sum(cells.values())
    return Distribution({o: sympy.Rational(w, total) for o, w in cells.items()}, names=names)


@pytest.mark.parametrize("seed", range(4))
def test_imin_is_symmetric_in_the_sources_and_monotone_on_the_lattice(seed):
    d = _random_table(seed, (2, 3, 2), ("X1", "X2", "Y"))
    r = pid(d, ("X1", "X2"), "Y")
    s = pid(d, ("X2", "X1"), "Y")
    assert r.redundancy == s.redundancy and r.synergy == s.synergy
    assert r.unique == {"X1": s.unique["X1"], "X2": s.unique["X2"]}
    lattice = list(r.redundancies)
    for a, b in itertools.permutations(lattice, 2):
        if all(any(set(x) <= set(y) for x in a) for y in b):  # a below b
            assert compare(r.redundancies[a], r.redundancies[b]) <= 0


def test_three_sources_parity_is_all_in_the_top_atom():
    d = independent(*(uniform(2, name=f"X{i}") for i in (1, 2, 3))).with_variable("Y", lambda a, b, c: a ^ b ^ c)
    r = pid(d, ("X1", "X2", "X3"), "Y")
    assert len(r.atoms) == 18
    top = (("X1", "X2", "X3"),)
    assert r.atoms[top] == 1 and all(v == 0 for a, v in r.atoms.items() if a != top)
    assert r.label(top) == "{123}"


def test_three_sources_atoms_add_up():
    d = _random_table(7, (2, 2, 2, 3), ("X1", "X2", "X3", "Y"))
    r = pid(d, ("X1", "X2", "X3"), "Y")
    assert sum(r.atoms.values()) == r.total == mutual_information(d, ("X1", "X2", "X3"), "Y")


def test_the_lattice():
    assert [len(redundancy_lattice(n)) for n in (1, 2, 3, 4)] == [1, 4, 18, 166]  # Dedekind numbers - 2
    with pytest.raises(DistributionError, match="1 to 4 sources"):
        redundancy_lattice(5)


def test_specific_information():
    # AND, y = 1: only (1, 1) gives it, so p(y|x1=1) = 1/2 against p(y) = 1/4: one bit
    d = GATES["AND"][0]
    assert specific_information(d, "Y", 1, "X1") == 1
    with pytest.raises(DistributionError, match="never takes the value 7"):
        specific_information(d, "Y", 7, "X1")


def test_display():
    r = pid(GATES["XOR"][0])
    assert str(r).splitlines()[1].split() == ["{1}{2}", "0"]
    assert r"\{1\}\{2\}" in r.to_latex()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: pid(GATES["XOR"][0], ("X1", "Y"), "Y"), DistributionError, "'Y' is in two of the sources"),
        (lambda: pid(GATES["XOR"][0], ("X1", "W"), "Y"), UnknownVariableError, "W"),
        (lambda: pid(GATES["XOR"][0], "X1", "Y"), TypeError, "list of variable names"),
        (lambda: pid(GATES["XOR"][0], measure="dep"), DistributionError, "unknown measure 'dep'"),
    ],
)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
