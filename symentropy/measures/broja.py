"""The BROJA unique information (Bertschinger, Rauh, Olbrich, Jost & Ay 2014), exact or certified.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`BrojaSolver`                   the optimisation over ``Delta_P`` and its proofs,
                                       for one rational table ``p(s1, s2, t)``
:class:`BrojaBound`                    what it proves: an exact optimum, or bounds
=====================================  ===============================================

Explanation
===========

``Delta_P`` is the set of distributions ``Q`` on ``(S1, S2, T)`` with the
same ``(S1, T)`` and ``(S2, T)`` marginals as ``P``.  The unique, shared and
synergistic informations of Bertschinger et al. all come from one convex
problem: minimise ``I_Q(T; S1, S2)`` over ``Delta_P``; since ``H(T)`` is the
same for every ``Q``, that is minimising

    f(Q) = sum Q(s1, s2, t) log Q(t | s1, s2)  =  -H_Q(T | S1, S2)   (nats).

For each ``t`` the cells with ``P(s1, t) > 0`` and ``P(s2, t) > 0`` form a
rectangle, a transportation polytope with the two marginals as row and
column sums; ``Q0(s1, s2, t) = P(s1, t) P(s2, t) / P(t)`` lies inside all of
them.

The certificate is the dual problem.  For positive ``A(s1, t)``,
``B(s2, t)`` with ``sum_t A(s1, t) B(s2, t) <= 1`` for every pair
``(s1, s2)`` (the sum over the ``t`` where the cell exists), Gibbs'
inequality gives, for every ``Q`` in ``Delta_P``,

    f(Q) >= sum Q log(A B) = sum P(s1, t) log A(s1, t) + sum P(s2, t) log B(s2, t).

So a rational ``Q`` in ``Delta_P`` and such ``A``, ``B`` enclose the
minimum.  They meet exactly when ``Q(t | s1, s2) = A(s1, t) B(s2, t)``
wherever ``Q(s1, s2) > 0`` (all of those cells then positive): that is
checked in rational arithmetic, with ``A`` and ``B`` read off ``Q`` along a
spanning forest of the pairs in use, and gives the exact optimum.
Otherwise a log-barrier Newton path (its first stages in machine floats,
the rest in a private mpmath context) finds a near-optimal ``Q`` (its
duality gap is the barrier weight times the number of cells) and
multipliers ``A``, ``B``; the two bounds are then proved in
the interval arithmetic of :mod:`symentropy.kernel.intervals`.

Examples
========

The AND gate: the optimum makes ``S1 = S2``, a vertex of ``Delta_P``, proved exact:

>>> from fractions import Fraction as F
>>> from symentropy.measures.broja import BrojaSolver
>>> q = F(1, 4)
>>> solver = BrojaSolver({(0, 0, 0): q, (0, 1, 0): q, (1, 0, 0): q, (1, 1, 1): q}, F(1, 10**30))
>>> bound = solver.solve()
>>> bound.exact, sorted((c, v) for c, v in bound.optimum.items() if v)
(True, [((0, 0, 0), Fraction(1, 2)), ((1, 1, 0), Fraction(1, 4)), ((1, 1, 1), Fraction(1, 4))])

References
==========

N. Bertschinger, J. Rauh, E. Olbrich, J. Jost and N. Ay, "Quantifying
unique information", Entropy 16, 2161-2183, 2014.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath

from ..errors import UndecidedError
from ..kernel import intervals
from ..kernel.intervals import Interval
from ..kernel.numeric import working_context
from .capacity_numeric import decimals_for

__all__ = ["BrojaSolver", "BrojaBound"]

Cell = tuple[Hashable, Hashable, Hashable]

#: Each stage of the barrier path divides its weight by this.
SHRINK = 8
#: ... and this in the working precision, where each Newton step costs more.
SHRINK_PRECISE = 50
#: Barrier weights down to this are followed in machine floats.
FLOAT_UNTIL = 1e-6
#: Newton steps allowed at one barrier weight.
NEWTON_STEPS = 60
#: Denominators tried when rounding the numeric optimum to a rational candidate.
DENOMINATORS = (10**3, 10**6, 10**12)


@dataclass(frozen=True)
class BrojaBound:
    """A proved ``lower <= min f <= upper`` in nats, ``f(Q) = -H_Q(T | S1, S2)``.

    ``optimum`` is a rational ``Q`` in ``Delta_P`` (``{(s1, s2, t): q}``) with
    ``f(Q) <= upper``; when ``exact`` is true it is a minimiser, proved, and
    ``lower == upper`` is not used (the value is ``f(optimum)``, exact).
    """

    exact: bool
    optimum: dict[Cell, Fraction]
    lower: Fraction
    upper: Fraction


class BrojaSolver:
    """Minimise ``-H_Q(T | S1, S2)`` over ``Delta_P`` for a rational table ``{(s1, s2, t): p}``.

    ``tolerance`` is the width in nats wanted of the bounds when the optimum
    is not proved exact.
    """

    def __init__(self, table: Mapping[Cell, Any], tolerance: Fraction):
        self.p = {c: Fraction(v) for c, v in table.items() if v}
        self.tolerance = Fraction(tolerance)
        p1: dict[tuple, Fraction] = {}
        p2: dict[tuple, Fraction] = {}
        pt: dict[Hashable, Fraction] = {}
        for (a, b, t), v in self.p.items():
            p1[a, t] = p1.get((a, t), Fraction(0)) + v
            p2[b, t] = p2.get((b, t), Fraction(0)) + v
            pt[t] = pt.get(t, Fraction(0)) + v
        self.p1, self.p2, self.pt = p1, p2, pt
        self.rows = {t: sorted((a for a, u in p1 if u == t), key=repr) for t in pt}
        self.cols = {t: sorted((b for b, u in p2 if u == t), key=repr) for t in pt}
        self.cells: list[Cell] = [(a, b, t) for t in pt for a in self.rows[t] for b in self.cols[t]]
        self.index = {c: k for k, c in enumerate(self.cells)}
        self.columns: dict[tuple, list[int]] = {}
        for k, (a, b, _) in enumerate(self.cells):
            self.columns.setdefault((a, b), []).append(k)
        self.q0 = [p1[a, t] * p2[b, t] / pt[t] for a, b, t in self.cells]
        # the directions of Delta_P: one 2x2 cycle per cell off the first row and column of each t
        self.directions: list[dict[int, int]] = []
        for t in pt:
            a0, b0 = self.rows[t][0], self.cols[t][0]
            for a in self.rows[t][1:]:
                for b in self.cols[t][1:]:
                    ix = self.index
                    cycle = {ix[a, b, t]: 1, ix[a, b0, t]: -1, ix[a0, b, t]: -1, ix[a0, b0, t]: 1}
                    self.directions.append(cycle)
        # for the Hessian: the directions through each cell, and their sums over each pair's cells
        self.touching: list[list[tuple[int, int]]] = [[] for _ in self.cells]
        sums: dict[tuple, dict[int, int]] = {}
        for i, direction in enumerate(self.directions):
            for k, sign in direction.items():
                self.touching[k].append((i, sign))
                a, b, _ = self.cells[k]
                sums.setdefault((a, b), {})[i] = sums.get((a, b), {}).get(i, 0) + sign
        self.column_touching = {c: [(i, v) for i, v in row.items() if v] for c, row in sums.items()}

    # -- exact optimality --------------------------------------------------------------------
    def in_polytope(self, q: list[Fraction]) -> bool:
        """Whether ``q`` (one value per cell) is in ``Delta_P``, exactly."""
        if any(v < 0 for v in q):
            return False
        m1: dict[tuple, Fraction] = {}
        m2: dict[tuple, Fraction] = {}
        for (a, b, t), v in zip(self.cells, q, strict=True):
            m1[a, t] = m1.get((a, t), Fraction(0)) + v
            m2[b, t] = m2.get((b, t), Fraction(0)) + v
        return m1 == self.p1 and m2 == self.p2

    def multipliers(
        self, q: list[Fraction], gauge: Mapping[tuple, Fraction] | None = None
    ) -> tuple[dict[tuple, Fraction], dict[tuple, Fraction]] | None:
        """``A(s1, t)``, ``B(s2, t)`` with ``A B = Q(t | s1, s2)`` on the pairs in use, or ``None``.

        Read along a spanning forest of the pairs ``(s1, s2)`` with ``Q(s1, s2) > 0``
        for each ``t``; each tree's root row gets ``gauge.get((root, t), 1)``.
        """
        mass = {c: sum((q[k] for k in ks), Fraction(0)) for c, ks in self.columns.items()}
        for c, ks in self.columns.items():  # a pair in use has every one of its cells positive
            if mass[c] and any(q[k] == 0 for k in ks):
                return None
        A: dict[tuple, Fraction] = {}
        B: dict[tuple, Fraction] = {}
        for t in self.pt:
            for root in self.rows[t]:
                if (root, t) in A:
                    continue
                A[root, t] = (gauge or {}).get((root, t), Fraction(1))
                stack: list[tuple[str, Hashable]] = [("row", root)]
                while stack:
                    kind, node = stack.pop()
                    partners = self.cols[t] if kind == "row" else self.rows[t]
                    for other in partners:
                        a, b = (node, other) if kind == "row" else (other, node)
                        if not mass[a, b]:
                            continue
                        conditional = q[self.index[a, b, t]] / mass[a, b]
                        if kind == "row" and (b, t) not in B:
                            B[b, t] = conditional / A[a, t]
                            stack.append(("col", b))
                        elif kind == "col" and (a, t) not in A:
                            A[a, t] = conditional / B[b, t]
                            stack.append(("row", a))
                        elif A[a, t] * B[b, t] != conditional:
                            return None
        return A, B

    def is_optimal(self, q: list[Fraction], gauge: Mapping[tuple, Fraction] | None = None) -> bool:
        """Prove ``q`` a minimiser: in ``Delta_P``, product-form multipliers, ``sum_t A B <= 1`` off it."""
        if not self.in_polytope(q):
            return False
        found = self.multipliers(q, gauge)
        if found is None:
            return False
        A, B = found
        for (a, b), ks in self.columns.items():
            if sum((A[a, self.cells[k][2]] * B[b, self.cells[k][2]] for k in ks), Fraction(0)) > 1:
                return False
        return True

    # -- the barrier path ----------------------------------------------------------------------
    def _cells(self, theta: list[Any]) -> list[Any]:
        q = [self.ctx.mpf(v.numerator) / v.denominator for v in self.q0]
        for step, direction in zip(theta, self.directions, strict=True):
            for k, s in direction.items():
                q[k] += s * step
        return q

    def _barrier(self, q: list[Any], tau: Any) -> Any:
        ctx = self.ctx
        total = ctx.zero
        for ks in self.columns.values():
            m = ctx.fsum(q[k] for k in ks)
            total += ctx.fsum(q[k] * ctx.log(q[k] / m) - tau * ctx.log(q[k]) for k in ks)
        return total

    def _newton(self, theta: list[Any], tau: Any, final: bool) -> list[Any]:
        ctx = self.ctx
        n = len(self.directions)
        floor = ctx.mpf(2) ** (-ctx.prec)
        for _ in range(NEWTON_STEPS):
            q = self._cells(theta)
            grad_q = [ctx.zero] * len(q)
            inverse_mass = {}
            for c, ks in self.columns.items():
                m = ctx.fsum(q[k] for k in ks)
                inverse_mass[c] = 1 / m
                for k in ks:
                    grad_q[k] = ctx.log(q[k] / m) - tau / q[k]
            grad = [ctx.fsum(s * grad_q[k] for k, s in d.items()) for d in self.directions]
            hess = [[ctx.zero] * n for _ in range(n)]
            for k, touching in enumerate(self.touching):  # D^T diag(1/q + tau/q^2) D
                weight = 1 / q[k] + tau / q[k] ** 2
                for i, si in touching:
                    for j, sj in touching:
                        hess[i][j] += si * sj * weight
            for c, touching in self.column_touching.items():  # minus D^T (1/m) u u^T D, per column
                for i, si in touching:
                    for j, sj in touching:
                        hess[i][j] -= si * sj * inverse_mass[c]
            try:
                step = _solve_positive_definite(hess, [-g for g in grad])
            except ZeroDivisionError:  # rounding has the better of the Hessian: as far as this goes
                return theta
            decrement = -ctx.fsum(g * s for g, s in zip(grad, step, strict=True))
            t = ctx.one
            while True:  # stay inside: every cell positive
                trial = [v + t * s for v, s in zip(theta, step, strict=True)]
                moved = self._cells(trial)
                if min(moved) > 0:
                    break
                t /= 2
                if t <= floor:  # no step keeps the cells positive (an overflow): as far as this goes
                    return theta
            old = self._barrier(q, tau)
            while t > floor and self._barrier(moved, tau) > old - t * decrement / 4:
                t /= 2
                trial = [v + t * s for v, s in zip(theta, step, strict=True)]
                moved = self._cells(trial)
            if t <= floor:
                return theta
            theta = trial
            if decrement < (tau * self.tolerance if final else tau) / 100:
                return theta
        return theta

    def path(self) -> tuple[list[Any], Any]:
        """The steps along the directions and the final barrier weight.

        The first stages run in machine floats (mpmath's ``fp`` context), the
        rest at the working precision.
        """
        precise = working_context(2 * decimals_for(self.tolerance) + 10, guard=20)
        self.ctx = mpmath.fp
        tau = 0.25
        theta = [0.0] * len(self.directions)
        while tau > FLOAT_UNTIL:
            theta = self._newton(theta, tau, False)
            tau /= SHRINK
        self.ctx = ctx = precise
        theta = [ctx.mpf(v) for v in theta]
        tau = ctx.mpf(tau)
        target = ctx.mpf(self.tolerance.numerator) / self.tolerance.denominator / (8 * len(self.cells))
        while True:
            final = tau <= target
            theta = self._newton(theta, tau, final)
            if final:
                return theta, tau
            tau = max(tau / SHRINK_PRECISE, target)

    # -- the certificate -----------------------------------------------------------------------
    def _candidates(self, q: list[Any]) -> list[list[Fraction]]:
        exact = [intervals.to_fraction(v._mpf_) for v in q]
        return [[v.limit_denominator(n) for v in exact] for n in DENOMINATORS]

    def _dual(self, q: list[Any], tau: Any) -> tuple[dict[tuple, Fraction], dict[tuple, Fraction]]:
        """Multipliers from the barrier point: the two-way fit of ``log Q(t|c) - tau/Q``, exponentiated."""
        ctx = self.ctx
        mass = {c: ctx.fsum(q[k] for k in ks) for c, ks in self.columns.items()}
        A, B = {}, {}
        for t in self.pt:
            rows, cols = self.rows[t], self.cols[t]
            h = {
                (a, b): ctx.log(q[k] / mass[a, b]) - tau / q[k]
                for a in rows
                for b in cols
                for k in [self.index[a, b, t]]
            }
            grand = ctx.fsum(h.values()) / len(h)
            for a in rows:
                A[a, t] = intervals.to_fraction(ctx.exp(ctx.fsum(h[a, b] for b in cols) / len(cols))._mpf_)
            for b in cols:
                mean = ctx.fsum(h[a, b] for a in rows) / len(rows) - grand
                B[b, t] = intervals.to_fraction(ctx.exp(mean)._mpf_)
        return A, B

    def lower_bound(self, A: Mapping[tuple, Fraction], B: Mapping[tuple, Fraction], prec: int) -> Fraction:
        """``sum P1 log(A/M) + sum P2 log B``, ``M(s1)`` scaling every pair's sum to at most 1; proved."""
        scale: dict[Hashable, Fraction] = {}
        for (a, b), ks in self.columns.items():
            s = sum((A[a, self.cells[k][2]] * B[b, self.cells[k][2]] for k in ks), Fraction(0))
            scale[a] = max(scale.get(a, Fraction(1)), s)
        total = Interval.from_fraction(0, prec)
        for (a, t), v in self.p1.items():
            total = total + Interval.from_fraction(A[a, t] / scale[a], prec).log() * v
        for (b, t), v in self.p2.items():
            total = total + Interval.from_fraction(B[b, t], prec).log() * v
        return total.lower

    def value(self, q: list[Fraction], prec: int) -> Fraction:
        """``f(Q) = sum Q log Q(t | s1, s2)`` of a rational ``Q``, proved, rounded up."""
        total = Interval.from_fraction(0, prec)
        for ks in self.columns.values():
            m = sum((q[k] for k in ks), Fraction(0))
            for k in ks:
                if q[k]:
                    total = total + Interval.from_fraction(q[k] / m, prec).log() * q[k]
        return total.upper

    def _feasible(self, theta: list[Any]) -> list[Fraction]:
        """A rational point of ``Delta_P`` near the numeric one: exact steps, mixed with ``Q0`` if needed."""
        q = list(self.q0)
        for value, direction in zip(theta, self.directions, strict=True):
            step = intervals.to_fraction(value._mpf_)
            for k, s in direction.items():
                q[k] += s * step
        worst = min(q)
        if worst < 0:
            s = -worst / (-worst + min(self.q0))
            q = [(1 - s) * v + s * v0 for v, v0 in zip(q, self.q0, strict=True)]
        return q

    def _exact(self, q: list[Fraction]) -> BrojaBound:
        return BrojaBound(True, dict(zip(self.cells, q, strict=True)), Fraction(0), Fraction(0))

    def solve(self) -> BrojaBound:
        """The exact optimum when it is proved, else bounds at most ``tolerance`` apart."""
        p = [self.p.get(c, Fraction(0)) for c in self.cells]
        for candidate in (p, self.q0):
            if self.is_optimal(candidate):
                return self._exact(candidate)
        theta, tau = self.path()
        q = self._cells(theta)
        A, B = self._dual(q, tau)
        gauge = {key: v.limit_denominator(10**6) or Fraction(1, 10**6) for key, v in A.items()}
        for candidate in self._candidates(q):
            for choice in (None, gauge):
                if self.is_optimal(candidate, choice):
                    return self._exact(candidate)
        prec = self.ctx.prec + 40
        lower = self.lower_bound(A, B, prec)
        rational = self._feasible(theta)
        upper = self.value(rational, prec)
        if upper - lower > self.tolerance:
            raise UndecidedError(
                f"the certified bounds on the BROJA optimum are {float(upper - lower):.3g} nats apart, "
                "wider than asked; try fewer digits"
            )
        return BrojaBound(False, dict(zip(self.cells, rational, strict=True)), lower, upper)


def _solve_positive_definite(matrix: list[list[Any]], rhs: list[Any]) -> list[Any]:
    """``x`` with ``matrix x = rhs`` for a symmetric positive definite matrix (Cholesky, in place).

    Raises ``ZeroDivisionError`` when a pivot is not positive (the matrix is not positive definite
    at this precision).
    """
    n = len(rhs)
    for j in range(n):
        row_j = matrix[j]
        pivot = row_j[j] - sum(row_j[k] ** 2 for k in range(j))
        if not pivot > 0:
            raise ZeroDivisionError("the Hessian is not positive definite at this precision")
        root = pivot**0.5
        row_j[j] = root
        for i in range(j + 1, n):
            row_i = matrix[i]
            row_i[j] = (row_i[j] - sum(row_i[k] * row_j[k] for k in range(j))) / root
    y = list(rhs)
    for i in range(n):
        y[i] = (y[i] - sum(matrix[i][k] * y[k] for k in range(i))) / matrix[i][i]
    for i in reversed(range(n)):
        y[i] = (y[i] - sum(matrix[k][i] * y[k] for k in range(i + 1, n))) / matrix[i][i]
    return y
