"""Counterexamples: actual distributions that violate a claim, found and then checked exactly.

Two searches, cheapest first:

1. **Atoms.**  Entropic vectors with integer entropies (in bits) that are
   easy to realise: for a set ``S`` of variables, one fair bit copied into
   every variable of ``S`` (the others constant), ``h(A) = 1`` when ``A``
   meets ``S``; and for a set ``T`` of three or more, fair bits with even
   parity, ``h(A) = min(|A ∩ T|, |T| - 1)``.  A nonnegative integer
   combination of atoms is the entropy vector of independent copies, so an
   exact LP over the atoms (:func:`symentropy.kernel.simplex.nonnegative_solution`)
   finds a product of atoms that violates the claim and meets the
   constraints, when there is one.  For three variables these atoms generate
   the whole Shannon cone (its extreme rays are the seven copies and the
   parity of three bits), so every claim that is not a Shannon inequality
   under face constraints (Markov chains, independences, functional
   dependences) is refuted this way.
2. **Small supports.**  Uniform distributions on a few points of ``{0,1}^n``
   (and two-valued weights on them), screened in floating point; a candidate
   that seems to violate the claim is then decided exactly.

Nothing found is returned before :func:`symentropy.measures.info.info` has
evaluated the claim and every constraint on it exactly and
:func:`symentropy.kernel.numeric.compare` has decided the violation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from itertools import combinations, product

import sympy

from ...core.distribution import Distribution
from ...kernel.numeric import compare
from ...kernel.simplex import nonnegative_solution
from ...kernel.statements import Independence, MarkovChain, Statement
from ...measures.info import info
from .space import Condition, EntropySpace, LinearForm

__all__ = [
    "Atom",
    "atoms",
    "find_counterexample",
    "holds",
    "violates",
    "searched",
    "MAX_PRODUCT",
    "MAX_PRODUCT_SUPPORT",
    "SUPPORT_SIZES",
]

#: The most atoms multiplied into one counterexample, and the most outcomes that product may have.
MAX_PRODUCT = 16
MAX_PRODUCT_SUPPORT = 4096
#: Support sizes tried by the small-support search, and how many supports at most per size.
SUPPORT_SIZES = (2, 3, 4, 5)
MAX_SUPPORTS = 6000


class Atom:
    """An entropic vector with integer entropies in bits, and the distribution that has it."""

    def __init__(self, space: EntropySpace, kind: str, members: int):
        self.kind = kind
        self.members = members
        size = bin(members).count("1")
        if kind == "copy":
            self.vector = {m: 1 for m in space.masks() if m & members}
            self.outcomes = [tuple(v if members >> i & 1 else 0 for i in range(space.n)) for v in (0, 1)]
        else:
            self.vector = {
                m: min(bin(m & members).count("1"), size - 1) for m in space.masks() if m & members
            }
            places = [i for i in range(space.n) if members >> i & 1]
            self.outcomes = []
            for bits in product((0, 1), repeat=size - 1):
                values = dict(zip(places, (*bits, sum(bits) % 2), strict=True))
                self.outcomes.append(tuple(values.get(i, 0) for i in range(space.n)))
        names = ",".join(space.members(members))
        self.label = f"one bit copied into {names}" if kind == "copy" else f"even parity of {names}"


def atoms(space: EntropySpace) -> list[Atom]:
    """Copies for every nonempty set, parities for every set of three or more."""
    out = [Atom(space, "copy", m) for m in space.masks()]
    out += [Atom(space, "parity", m) for m in space.masks() if bin(m).count("1") >= 3]
    return out


def violates(
    d: Distribution, statement: Statement, constraints: Sequence[Statement | MarkovChain | Independence]
) -> bool:
    """Whether ``d`` meets every constraint and violates the statement, decided exactly."""
    for c in constraints:
        if not holds(d, c):
            return False
    return not holds(d, statement)


def holds(d: Distribution, c: Statement | MarkovChain | Independence) -> bool:
    """Whether the statement or constraint ``c`` holds on ``d``, decided exactly."""
    if isinstance(c, Statement):
        lhs = info(d, c.lhs) if c.lhs.terms else sympy.Integer(0)
        rhs = info(d, c.rhs) if c.rhs.terms else sympy.Integer(0)
        order = compare(lhs, rhs)
        return {"<=": order <= 0, ">=": order >= 0, "=": order == 0}[c.relation]
    space = EntropySpace(d.names)
    for condition in space.conditions(c, str(c)):
        if compare(info(d, condition.notation), 0) != 0:
            return False
    return True


def _product(space: EntropySpace, chosen: Sequence[Atom]) -> Distribution:
    pmf: dict[tuple, sympy.Rational] = {}
    weight = sympy.Rational(1, math.prod(len(a.outcomes) for a in chosen))
    for combo in product(*(a.outcomes for a in chosen)):
        outcome = tuple(sum(o[i] << k for k, o in enumerate(combo)) for i in range(space.n))
        pmf[outcome] = pmf.get(outcome, 0) + weight
    return Distribution.from_dict(pmf, names=space.names)


def _from_atoms(space: EntropySpace, claim: LinearForm, conditions: Sequence[Condition]) -> list[Atom] | None:
    """A multiset of atoms whose product violates the claim and meets the conditions, by exact LP."""
    pool = atoms(space)
    inequalities = [c for c in conditions if not c.equality]
    # unknowns: one weight per atom, one slack per inequality; rows: claim = -1, each condition
    rows: list[list[Fraction]] = []
    rhs: list[Fraction] = []

    def row(form: LinearForm, slack: int | None, value: int) -> None:
        r = [Fraction(sum(c * a.vector.get(m, 0) for m, c in form.items())) for a in pool] + [
            Fraction(0)
        ] * len(inequalities)
        if slack is not None:
            r[len(pool) + slack] = Fraction(-1)
        rows.append(r)
        rhs.append(Fraction(value))

    row(claim, None, -1)
    k = 0
    for c in conditions:
        if c.equality:
            row(dict(c.form), None, 0)
        else:
            row(dict(c.form), k, 0)
            k += 1
    cost = [Fraction(len(a.outcomes)) for a in pool] + [Fraction(0)] * len(inequalities)
    result = nonnegative_solution(rows, rhs, cost=cost)
    if not result.feasible or result.solution is None:
        return None
    weights = {j: v for j, v in result.solution.items() if j < len(pool)}
    scale = math.lcm(*(v.denominator for v in weights.values()))
    counts = {j: int(v * scale) for j, v in weights.items()}
    g = math.gcd(*counts.values())
    counts = {j: c // g for j, c in counts.items()}
    support = math.prod(len(pool[j].outcomes) ** c for j, c in counts.items())
    if sum(counts.values()) > MAX_PRODUCT or support > MAX_PRODUCT_SUPPORT:
        return None
    return [pool[j] for j, c in counts.items() for _ in range(c)]


def _entropy_vector(points: Sequence[int], weights: Sequence[int], masks: Sequence[int]) -> dict[int, float]:
    """Joint entropies (floats, for screening) at the given masks; a point's bits are its values."""
    total = sum(weights)
    h = {}
    for mask in masks:
        marginal: dict[int, int] = {}
        for p, w in zip(points, weights, strict=True):
            key = p & mask
            marginal[key] = marginal.get(key, 0) + w
        h[mask] = -sum(c / total * math.log2(c / total) for c in marginal.values())
    return h


def _small_supports(
    space: EntropySpace,
    claim: LinearForm,
    conditions: Sequence[Condition],
    statement: Statement,
    constraints: Sequence[Statement | MarkovChain | Independence],
) -> Distribution | None:
    cube = range(1 << space.n)
    needed = sorted({*claim, *(m for c in conditions for m, _ in c.form)})
    forms = [(c.equality, [(m, float(k)) for m, k in c.form]) for c in conditions]
    target = [(m, float(c)) for m, c in claim.items()]
    tolerance = 1e-9  # screening only: a candidate is then decided exactly
    for size in SUPPORT_SIZES:
        for count, points in enumerate(combinations(cube, size)):
            if count >= MAX_SUPPORTS:
                break
            for weights in _weightings(size):
                h = _entropy_vector(points, weights, needed)
                if sum(c * h[m] for m, c in target) > -tolerance:
                    continue
                if not all(
                    abs(v) < tolerance if equality else v > -tolerance
                    for equality, form in forms
                    for v in [sum(k * h[m] for m, k in form)]
                ):
                    continue
                total = sum(weights)
                d = Distribution.from_dict(
                    {
                        tuple(p >> i & 1 for i in range(space.n)): sympy.Rational(w, total)
                        for p, w in zip(points, weights, strict=True)
                    },
                    names=space.names,
                )
                if violates(d, statement, constraints):
                    return d
    return None


def _weightings(size: int) -> list[tuple[int, ...]]:
    uniform = (1,) * size
    if size > 4:
        return [uniform]
    out = [uniform]
    for heavy in range(size):
        out.append(tuple(2 if k == heavy else 1 for k in range(size)))
        out.append(tuple(1 if k == heavy else 2 for k in range(size)))
    return out


def searched(n: int) -> str:
    """What :func:`find_counterexample` tries for ``n`` variables, for a report that found nothing."""
    text = f"products of at most {MAX_PRODUCT} copies and parities ({MAX_PRODUCT_SUPPORT} outcomes)"
    if n <= 6:
        sizes = f"{SUPPORT_SIZES[0]} to {SUPPORT_SIZES[-1]}"
        text += (
            f", and distributions on {sizes} points of {{0,1}}^{n} (at most {MAX_SUPPORTS} supports a size)"
        )
    return text


def find_counterexample(
    space: EntropySpace,
    claim: LinearForm,
    conditions: Sequence[Condition],
    statement: Statement,
    constraints: Sequence[Statement | MarkovChain | Independence],
) -> tuple[Distribution | None, str]:
    """A distribution meeting the constraints and violating ``claim >= 0``, and how it was found.

    ``statement`` and ``constraints`` are what the user wrote; the returned
    distribution has been checked against them exactly.  ``(None, "")``
    when the searches find nothing.
    """
    chosen = _from_atoms(space, claim, conditions)
    if chosen is not None:
        d = _product(space, chosen)
        if violates(d, statement, constraints):
            labels = sorted({a.label for a in chosen})
            how = "independent copies of: " + "; ".join(
                f"{sum(1 for a in chosen if a.label == lab)} x {lab}" for lab in labels
            )
            return d, how
    if space.n <= 6:
        d = _small_supports(space, claim, conditions, statement, constraints)
        if d is not None:
            return d, f"the small-support search: {len(d.support)} points of {{0,1}}^{space.n}"
    return None, ""
