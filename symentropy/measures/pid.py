"""Partial information decomposition (Williams & Beer 2010), exact.

``I(S1, ..., Sn; T)``, the information that sources carry about a target, is
split into *atoms*, one for each element of the redundancy lattice: the
antichains of nonempty sets of sources (Williams & Beer's notation
``{1}{2}`` for the information both sources carry, ``{1}`` for what source 1
alone carries, ``{12}`` for what only the two together carry).  A redundancy
measure ``I_cap(alpha)`` for each antichain determines the atoms by Möbius
inversion over the lattice:

    I_cap(alpha) = sum of the atoms of the antichains below alpha (alpha included).

Measures
========

``"imin"``
    Williams & Beer's ``I_min(T; A1, ..., Ak) = sum_t p(t) min_i I(T=t; A_i)``,
    with the specific information ``I(T=t; A) = sum_a p(a|t) log(p(t|a)/p(t))``.
    Each minimum is decided by the exact comparison, so ties are exact.
``"mmi"``
    The minimum mutual information ``min_i I(A_i; T)`` (Barrett 2015).
``"broja"``
    Bertschinger, Rauh, Olbrich, Jost & Ay's unique information, two sources:
    ``UI(T; S1 \\ S2) = min I_Q(T; S1 | S2)`` over the distributions ``Q`` with
    the ``(S1, T)`` and ``(S2, T)`` marginals of ``P``; the other atoms follow
    from ``I(T; S1)``, ``I(T; S2)`` and ``I(T; S1, S2)``.  Exact when the
    optimum is proved (a rational ``Q`` with matching dual multipliers, see
    :mod:`symentropy.measures.broja`), else every atom is a
    :class:`~symentropy.measures.certified.CertifiedInterval` of ``digits``
    places.
``"ccs"``
    Ince's pointwise common change in surprisal, two sources, rational
    probabilities: given when the maximum-entropy distribution with the
    three pairwise marginals is proved rational (see
    :mod:`symentropy.measures.ccs`), then exact;
    :class:`~symentropy.errors.UndecidedError` otherwise.

Every I_min and MMI atom is exact (sums of logarithms of primes for rational
tables), and the atoms add up to ``I(S1, ..., Sn; T)`` exactly (checked
before the result is returned).

Examples
========

The exclusive or is pure synergy:

>>> from symentropy import uniform, independent
>>> from symentropy.measures.pid import pid
>>> bits = independent(uniform(2, name="X1"), uniform(2, name="X2"))
>>> xor = bits.with_variable("Y", lambda a, b: a ^ b)
>>> r = pid(xor, ("X1", "X2"), "Y")
>>> r.redundancy, r.unique, r.synergy
(0, {'X1': 0, 'X2': 0}, 1)

References
==========

P. L. Williams and R. D. Beer, "Nonnegative decomposition of multivariate
information", arXiv:1004.2515, 2010.  A. B. Barrett, "Exploration of
synergistic and redundant information sharing in static and dynamical
Gaussian systems", Phys. Rev. E 91, 052802, 2015.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import combinations
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.names import as_group
from ..errors import DistributionError, InvalidBaseError, UndecidedError, short_repr
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import check_digits, compare
from .broja import BrojaSolver
from .ccs import ccs_redundancy, pairwise_maxent
from .certified import DEFAULT_DIGITS, MAX_DIGITS, CertifiedInterval, decimal_ends, enclosure, nats_tolerance
from .shannon import as_distribution, marginal_entropy, mutual_information_logsum

__all__ = [
    "antichain_leq",
    "pid",
    "PIDResult",
    "redundancy_lattice",
    "specific_information",
    "PID_MEASURES",
    "MAX_SOURCES",
]

#: The redundancy measures :func:`pid` knows.
PID_MEASURES = ("imin", "mmi", "broja", "ccs")
#: The most sources: the lattice of 4 sources has 166 antichains, of 5 already 7,579.
MAX_SOURCES = 4

Antichain = tuple[tuple[int, ...], ...]
Value = sympy.Expr | CertifiedInterval


def redundancy_lattice(n: int) -> list[Antichain]:
    """The antichains of nonempty subsets of ``range(n)``, each sorted, bottom first.

    An antichain is a collection of sets none of which contains another; the
    order is ``alpha <= beta`` when every set of ``beta`` contains a set of
    ``alpha``.  The list is a linear extension of that order.

    >>> from symentropy.measures.pid import redundancy_lattice
    >>> [len(redundancy_lattice(n)) for n in (1, 2, 3, 4)]
    [1, 4, 18, 166]
    >>> redundancy_lattice(2)
    [((0,), (1,)), ((0,),), ((1,),), ((0, 1),)]
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_SOURCES:
        raise DistributionError(f"the redundancy lattice is built for 1 to {MAX_SOURCES} sources; got {n!r}")
    sets = [c for k in range(1, n + 1) for c in combinations(range(n), k)]
    masks = [sum(1 << i for i in s) for s in sets]
    found: list[Antichain] = []
    for choice in range(1, 1 << len(sets)):
        chosen = [k for k in range(len(sets)) if choice >> k & 1]
        if any(masks[a] & masks[b] == masks[a] for a in chosen for b in chosen if a != b):
            continue
        found.append(tuple(sets[k] for k in chosen))
    below = {a: sum(1 for b in found if b != a and antichain_leq(b, a)) for a in found}
    return sorted(found, key=lambda a: (below[a], [len(s) for s in a], a))


def antichain_leq(alpha: Antichain, beta: Antichain) -> bool:
    """The order of the redundancy lattice: every set of ``beta`` contains a set of ``alpha``.

    Works alike on antichains of indices and of source names.

    >>> from symentropy.measures.pid import antichain_leq
    >>> antichain_leq(((0,), (1,)), ((0,),)), antichain_leq(((0,),), ((1,),))
    (True, False)
    """
    return all(any(set(a) <= set(b) for a in alpha) for b in beta)


def specific_information(
    d: Distribution, target: Any, value: Any, sources: Any, *, base: Base = 2
) -> sympy.Expr:
    """``I(T = value; A) = sum_a p(a|t) log(p(t|a) / p(t))``, the specific information.

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.pid import specific_information
    >>> bits = independent(uniform(2, name="X1"), uniform(2, name="X2"))
    >>> both = bits.with_variable("Y", lambda a, b: a & b)
    >>> specific_information(both, "Y", 1, "X1")
    1
    """
    d = as_distribution(d)
    b = as_base(base)
    t = as_group(target, "target")
    a = as_group(sources, "sources")
    table = _Table(d, t)
    key = value if len(t) != 1 or isinstance(value, tuple) and len(value) == 1 else (value,)
    key = key if isinstance(key, tuple) else (key,)
    if key not in table.p_target:
        raise DistributionError(f"{','.join(t)} never takes the value {value!r} (or only with probability 0)")
    return table.specific(a, key).to_expr(b)


class _Table:
    """Joint probabilities of a target with groups of other variables, from one pass each."""

    def __init__(self, d: Distribution, target: tuple[str, ...]):
        self.d = d
        self.target = target
        self.t_positions = d.positions(target)
        self.p_target: dict[tuple, sympy.Expr] = {}
        for outcome, p in d.items():
            if p == 0:
                continue
            t = tuple(outcome[i] for i in self.t_positions)
            self.p_target[t] = self.p_target.get(t, sympy.Integer(0)) + p
        self._cache: dict[tuple[str, ...], dict[tuple, LogSum]] = {}

    def specific(self, group: Sequence[str], t: tuple) -> LogSum:
        return self.specifics(tuple(group))[t]

    def specifics(self, group: tuple[str, ...]) -> dict[tuple, LogSum]:
        """``{t: I(T=t; group)}`` as LogSums."""
        if group in self._cache:
            return self._cache[group]
        g_positions = self.d.positions(group)
        joint: dict[tuple, dict[tuple, sympy.Expr]] = {}
        p_group: dict[tuple, sympy.Expr] = {}
        for outcome, p in self.d.items():
            if p == 0:
                continue
            t = tuple(outcome[i] for i in self.t_positions)
            a = tuple(outcome[i] for i in g_positions)
            row = joint.setdefault(t, {})
            row[a] = row.get(a, sympy.Integer(0)) + p
            p_group[a] = p_group.get(a, sympy.Integer(0)) + p
        out = {}
        for t, row in joint.items():
            pt = self.p_target[t]
            total = LogSum()
            for a, pat in row.items():
                # p(a|t) log(p(a,t) / (p(a) p(t)))
                total = total + LogSum.log_of(pat / (p_group[a] * pt)).scaled(pat / pt)
            out[t] = total
        self._cache[group] = out
        return out


def _least(values: Sequence[LogSum], base: sympy.Expr) -> LogSum:
    best = values[0]
    for v in values[1:]:
        if compare((v - best).to_expr(base), 0) < 0:
            best = v
    return best


class PIDResult:
    """A partial information decomposition: every atom of the redundancy lattice, exact.

    Attributes
    ==========

    sources : tuple of str
        The source variables (groups are joined with ``,``).
    target : tuple of str
    measure : str
    atoms : dict
        ``{antichain: value}``, the antichains as tuples of tuples of source
        names, e.g. ``(("X1",), ("X2",))`` for ``{1}{2}``.  A value is exact,
        or (``measure="broja"`` when the optimum is not proved exact) a
        :class:`~symentropy.measures.certified.CertifiedInterval`.
    exact : bool
        Whether every atom is exact.
    witness : Distribution or None
        For ``"broja"``: the optimal distribution ``Q`` (proved) when exact,
        else the rational ``Q`` of the upper end of ``I_Q(T; S1, S2)``.  For
        ``"ccs"``: the maximum-entropy distribution with the pairwise marginals.
    redundancy : sympy expression or CertifiedInterval
        The atom of the bottom of the lattice, ``{1}{2}...{n}``.
    unique : dict
        ``{source: atom {i}}``.
    synergy : sympy expression
        The atom of the top, ``{12...n}``.
    total : sympy expression
        ``I(sources; target)``, the sum of the atoms.
    redundancies : dict
        ``{antichain: I_cap(antichain)}``, the measure on the lattice.
    """

    def __init__(
        self,
        sources: tuple[tuple[str, ...], ...],
        target: tuple[str, ...],
        measure: str,
        atoms: dict[Antichain, Value],
        redundancies: dict[Antichain, Value],
        total: sympy.Expr,
        witness: Distribution | None = None,
    ):
        self.sources = tuple(",".join(s) for s in sources)
        self.target = target
        self.measure = measure
        n = len(sources)
        named = {a: tuple(tuple(self.sources[i] for i in s) for s in a) for a in atoms}
        self.atoms = {named[a]: v for a, v in atoms.items()}
        self.redundancies = {named[a]: v for a, v in redundancies.items()}
        self.total = total
        self.exact = not any(isinstance(v, CertifiedInterval) for v in atoms.values())
        self.witness = witness
        self.redundancy = atoms[tuple((i,) for i in range(n))]
        self.unique = {self.sources[i]: atoms[((i,),)] for i in range(n)}
        self.synergy = atoms[(tuple(range(n)),)]
        self._index_names = {
            named[a]: "".join("{" + "".join(str(i + 1) for i in s) + "}" for s in a) for a in atoms
        }

    def label(self, antichain: tuple[tuple[str, ...], ...]) -> str:
        """Williams & Beer's notation of an antichain: ``{1}{2}``, ``{12}``, ..."""
        return self._index_names[antichain]

    def __repr__(self) -> str:
        quantity = f"I({';'.join(self.sources)}; {','.join(self.target)})"
        return f"<PIDResult {self.measure} of {quantity} = {self.total}>"

    def __str__(self) -> str:
        legend = ", ".join(f"{i + 1} = {s}" for i, s in enumerate(self.sources))
        width = max(len(self.label(a)) for a in self.atoms)
        lines = [f"PID ({self.measure}) of I({'; '.join(self.sources)}; {','.join(self.target)}), {legend}"]
        for a, v in self.atoms.items():
            lines.append(f"  {self.label(a).ljust(width)}  {v}")
        lines.append(f"  {'total'.ljust(width)}  {self.total}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        r"""The atoms as a LaTeX ``array``: antichain and value (math mode)."""
        rows = [f"{_latex_label(self.label(a))} & {sympy.latex(v)}" for a, v in self.atoms.items()]
        body = r" \\ ".join(rows)
        head = r"\text{atom} & \text{value} \\ \hline "
        tail = rf" \\ \hline \text{{total}} & {sympy.latex(self.total)}"
        return rf"\begin{{array}}{{ll}} {head}{body}{tail} \end{{array}}"

    def _repr_latex_(self) -> str:
        return "$$" + self.to_latex() + "$$"


def _latex_label(label: str) -> str:
    r"""``{1}{2}`` as LaTeX: ``\{1\}\{2\}``."""
    return label.replace("{", r"\{").replace("}", r"\}")


def pid(
    d: Distribution,
    sources: Sequence[Any] = ("X1", "X2"),
    target: Any = "Y",
    *,
    measure: str = "imin",
    base: Base = 2,
    digits: int = DEFAULT_DIGITS,
) -> PIDResult:
    """The partial information decomposition of ``I(sources; target)``.

    Explanation
    ===========

    ``sources`` lists the source variables (each a name or a tuple of names,
    a joint source); ``target`` is a name or a tuple.  ``measure`` is
    ``"imin"`` (Williams & Beer) or ``"mmi"`` (minimum mutual information).
    See :mod:`symentropy.measures.pid`.

    Examples
    ========

    The two-bit copy: I_min calls one bit of it redundant (its known flaw):

    >>> from symentropy import uniform, independent
    >>> bits = independent(uniform(2, name="X1"), uniform(2, name="X2"))
    >>> copy = bits.with_variable("Y", lambda a, b: (a, b))
    >>> r = pid(copy)
    >>> r.redundancy, r.unique, r.synergy, r.total
    (1, {'X1': 0, 'X2': 0}, 1, 2)
    >>> print(pid(copy, measure="mmi"))
    PID (mmi) of I(X1; X2; Y), 1 = X1, 2 = X2
      {1}{2}  1
      {1}     0
      {2}     0
      {12}    1
      total   2

    BROJA calls both bits of the copy unique:

    >>> r = pid(copy, measure="broja")
    >>> r.redundancy, r.unique, r.synergy, r.exact
    (0, {'X1': 1, 'X2': 1}, 0, True)

    Raises
    ======

    DistributionError
        A source overlaps the target or another source, or more than
        :data:`MAX_SOURCES` sources.
        Also for an unknown measure, and for ``"broja"`` and ``"ccs"`` with
        other than two sources or probabilities that are not rational numbers.
    UndecidedError
        ``"broja"``: the certified bounds came out wider than ``digits`` asks;
        ``"ccs"``: the maximum-entropy distribution is not proved rational.
    """
    d = as_distribution(d)
    b = as_base(base)
    digits = check_digits(digits, limit=MAX_DIGITS)
    if not isinstance(measure, str) or measure not in PID_MEASURES:
        raise DistributionError(f"pid: unknown measure {measure!r}; choose one of {', '.join(PID_MEASURES)}")
    if isinstance(sources, str):
        raise TypeError(f"sources is a list of variable names, e.g. ('X1', 'X2'); got the string {sources!r}")
    groups = tuple(as_group(s, f"source {k + 1}") for k, s in enumerate(sources))
    t = as_group(target, "target")
    d.positions([*(x for g in groups for x in g), *t])  # names every unknown variable
    if not groups:
        raise DistributionError("pid() needs at least one source")
    if len(groups) > MAX_SOURCES:
        raise DistributionError(
            f"{len(groups)} sources; pid() takes at most {MAX_SOURCES} "
            "(the lattice of 5 has 7,579 antichains)"
        )
    seen: set[str] = set(t)
    for g in groups:
        overlap = seen & set(g)
        if overlap:
            raise DistributionError(
                f"variable {sorted(overlap)[0]!r} is in two of the sources and target; they must be disjoint"
            )
        seen |= set(g)
    if measure == "broja":
        return _broja(d, groups, t, b, digits)
    if measure == "ccs":
        return _ccs(d, groups, t, b)
    table = _Table(d, t)
    lattice = redundancy_lattice(len(groups))
    weights = table.p_target

    def joined(s: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(x for i in s for x in groups[i])

    cap: dict[Antichain, LogSum] = {}
    for alpha in lattice:
        if measure == "mmi":
            cap[alpha] = _least([mutual_information_logsum(d, joined(s), t) for s in alpha], b)
        else:
            total = LogSum()
            for tv, pt in weights.items():
                best = _least([table.specific(joined(s), tv) for s in alpha], b)
                total = total + best.scaled(pt)
            cap[alpha] = total
    atoms: dict[Antichain, LogSum] = {}
    for alpha in lattice:
        below = [beta for beta in atoms if antichain_leq(beta, alpha)]
        value = cap[alpha]
        for beta in below:
            value = value - atoms[beta]
        atoms[alpha] = value
    full = mutual_information_logsum(d, joined(tuple(range(len(groups)))), t)
    total = LogSum()
    for v in atoms.values():
        total = total + v
    if compare((total - full).to_expr(b), 0) != 0:  # pragma: no cover  (Möbius inversion is exact)
        raise ArithmeticError("internal error: the atoms do not add up to the mutual information")
    return PIDResult(
        groups,
        t,
        measure,
        {a: v.to_expr(b) for a, v in atoms.items()},
        {a: v.to_expr(b) for a, v in cap.items()},
        full.to_expr(b),
    )


def _broja(
    d: Distribution, groups: tuple[tuple[str, ...], ...], t: tuple[str, ...], b: sympy.Expr, digits: int
) -> PIDResult:
    """The BROJA decomposition of two sources (see :mod:`symentropy.measures.broja`)."""
    table = _two_source_table(d, groups, t, "broja")
    tolerance = nats_tolerance(b if b.is_number else sympy.E, digits) / 2
    bound = BrojaSolver(table, tolerance).solve()
    q = _as_distribution(bound.optimum, groups, t)
    both = (*groups[0], *groups[1])
    i1, i2 = mutual_information_logsum(d, groups[0], t), mutual_information_logsum(d, groups[1], t)
    i12 = mutual_information_logsum(d, both, t)
    bottom, first, second, top = redundancy_lattice(2)
    if bound.exact:
        red = i1 + i2 - mutual_information_logsum(q, both, t)
        return _two_source_result(d, groups, t, b, "broja", red, q)
    # min I_Q(T; S1, S2) = H(T) + f* with f* in [lower, upper] (nats); each atom is c +- f*
    if not b.is_number:
        raise InvalidBaseError(
            "the BROJA optimum of this table is certified to digits: they need a numeric logarithm "
            f"base, got {b}"
        )
    h_t = marginal_entropy(d, t)
    prec = 4 * digits + 100
    signed = {bottom: (i1 + i2 - h_t, -1), first: (h_t - i2, 1), second: (h_t - i1, 1), top: (i12 - h_t, -1)}
    intervals: dict[Antichain, Value] = {}
    for alpha, (constant, sign) in signed.items():
        c = enclosure(constant.to_expr(sympy.E), prec)
        ends = sorted(sign * e for e in (bound.lower, bound.upper))
        low, high = max(c.lower + ends[0], Fraction(0)), max(c.upper + ends[1], Fraction(0))
        lo, hi, places = decimal_ends(low, high, b, digits)
        intervals[alpha] = CertifiedInterval(lo, hi, base=b, digits=digits, places=places)
    cap_values: dict[Antichain, Value] = {
        bottom: intervals[bottom],
        first: i1.to_expr(b),
        second: i2.to_expr(b),
        top: i12.to_expr(b),
    }
    return PIDResult(groups, t, "broja", intervals, cap_values, i12.to_expr(b), q)


def _two_source_table(
    d: Distribution, groups: tuple[tuple[str, ...], ...], t: tuple[str, ...], measure: str
) -> dict[tuple, Fraction]:
    """``{(s1, s2, t): p}`` with Fractions, for the two-source measures."""
    if len(groups) != 2:
        raise DistributionError(f"measure={measure!r} decomposes two sources; got {len(groups)}")
    positions = [d.positions(g) for g in (*groups, t)]
    table: dict[tuple, Fraction] = {}
    for outcome, p in d.items():
        if p == 0:
            continue
        if not p.is_Rational:
            raise DistributionError(f"measure={measure!r} needs rational probabilities; got {short_repr(p)}")
        cell = tuple(tuple(outcome[i] for i in where) for where in positions)
        table[cell] = table.get(cell, Fraction(0)) + Fraction(int(p.p), int(p.q))
    return table


def _ccs(
    d: Distribution, groups: tuple[tuple[str, ...], ...], t: tuple[str, ...], b: sympy.Expr
) -> PIDResult:
    """Ince's I_ccs decomposition of two sources (see :mod:`symentropy.measures.ccs`)."""
    table = _two_source_table(d, groups, t, "ccs")
    q = pairwise_maxent(table)
    if q is None:
        raise UndecidedError(
            "measure='ccs': the maximum-entropy distribution with the pairwise marginals of this table "
            "was not found to be rational (it may be irrational), so I_ccs is not given exactly; "
            "the other measures decide any table"
        )
    return _two_source_result(d, groups, t, b, "ccs", ccs_redundancy(q), _as_distribution(q, groups, t))


def _as_distribution(
    q: dict[tuple, Fraction], groups: tuple[tuple[str, ...], ...], t: tuple[str, ...]
) -> Distribution:
    names = (*groups[0], *groups[1], *t)
    return Distribution(
        {a + s + v: sympy.Rational(w.numerator, w.denominator) for (a, s, v), w in q.items() if w},
        names=names,
    )


def _two_source_result(
    d: Distribution,
    groups: tuple[tuple[str, ...], ...],
    t: tuple[str, ...],
    b: sympy.Expr,
    measure: str,
    red: LogSum,
    witness: Distribution,
) -> PIDResult:
    """The four atoms of two sources from an exact redundancy, by Möbius inversion."""
    i1, i2 = mutual_information_logsum(d, groups[0], t), mutual_information_logsum(d, groups[1], t)
    i12 = mutual_information_logsum(d, (*groups[0], *groups[1]), t)
    bottom, first, second, top = redundancy_lattice(2)
    cap = {bottom: red, first: i1, second: i2, top: i12}
    atoms = {bottom: red, first: i1 - red, second: i2 - red, top: i12 - i1 - i2 + red}
    return PIDResult(
        groups,
        t,
        measure,
        {a: v.to_expr(b) for a, v in atoms.items()},
        {a: v.to_expr(b) for a, v in cap.items()},
        i12.to_expr(b),
        witness,
    )
