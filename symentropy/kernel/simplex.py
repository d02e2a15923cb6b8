"""Exact linear feasibility: ``A y = b, y >= 0`` over the rationals, with a proof either way.

:func:`nonnegative_solution` decides whether a system of linear equations has
a nonnegative solution, in exact rational arithmetic, and returns a proof of
its answer:

* a *solution*: a basic ``y >= 0`` with ``A y = b`` (few nonzero entries; a
  second phase makes ``cost . y`` least when ``cost`` is given), or
* a *Farkas vector*: ``z`` with ``z . A_j >= 0`` for every column ``j`` and
  ``z . b < 0``, which shows that no ``y >= 0`` exists (Farkas' lemma).

Both are checked in exact arithmetic before they are returned, so a bug in the
pivoting can make the function raise, never answer wrongly.

The method is the two-phase simplex method on a sparse tableau of
:class:`fractions.Fraction` with Bland's rule (smallest index enters and
leaves), which cannot cycle.  A floating-point solver is not used: degenerate
systems (the rule for the inequalities of information theory) are where float
solvers return wrong answers.

Examples
========

>>> from symentropy.kernel.simplex import nonnegative_solution
>>> r = nonnegative_solution([[1, 1, 0], [0, 1, 1]], [2, 3])   # y0 + y1 = 2, y1 + y2 = 3
>>> r.feasible, r.solution
(True, {1: Fraction(2, 1), 2: Fraction(1, 1)})
>>> r = nonnegative_solution([[1, 1]], [-1])                   # y0 + y1 = -1 has no y >= 0
>>> r.feasible, r.farkas
(False, (Fraction(1, 1),))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

__all__ = ["LinearFeasibility", "nonnegative_solution", "float_guess", "FLOAT_SOLVER"]

#: The optional floating-point solver that may guess (never decide): scipy's HiGHS.
FLOAT_SOLVER = "scipy"


@dataclass(frozen=True)
class LinearFeasibility:
    """The answer of :func:`nonnegative_solution`, with its proof.

    Attributes
    ==========

    feasible : bool
    solution : dict or None
        ``{column: value}`` of the nonzero entries of ``y`` (feasible only).
    farkas : tuple of Fraction or None
        ``z``, one entry per row, with ``z . A_j >= 0`` for every column and
        ``z . b < 0`` (infeasible only).
    pivots : int
        Simplex pivots taken, both phases.
    """

    feasible: bool
    solution: dict[int, Fraction] | None
    farkas: tuple[Fraction, ...] | None
    pivots: int


def _as_fraction(value: object, where: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, Rational):
        raise TypeError(f"{where} must be an exact rational (int or Fraction), got {value!r}")
    return Fraction(value)


def nonnegative_solution(
    matrix: Sequence[Sequence[object]],
    rhs: Sequence[object],
    *,
    cost: Sequence[object] | None = None,
    guess: bool = False,
) -> LinearFeasibility:
    """Decide exactly whether ``A y = b`` has a solution ``y >= 0``.

    Parameters
    ==========

    matrix : sequence of rows
        ``A``, ``m`` rows of ``n`` exact rationals (ints or Fractions).
    rhs : sequence
        ``b``, ``m`` exact rationals.
    cost : sequence, optional
        ``n`` nonnegative rationals: among the solutions, return a basic one
        with least ``cost . y`` (a shorter proof, for instance).
    guess : bool
        Let scipy's floating-point HiGHS solver (when scipy is installed)
        guess first: the columns of its solution are solved again exactly, or
        its Farkas vector is read as rationals and checked.  A guess that does
        not check out is dropped and the exact method runs on the whole
        system, so the answer is the same, only sooner on large systems.

    Returns
    =======

    LinearFeasibility
        A solution or a Farkas vector, both verified exactly.

    Examples
    ========

    Prefer the cheaper of two solutions:

    >>> nonnegative_solution([[1, 2]], [2], cost=[1, 1]).solution
    {1: Fraction(1, 1)}
    """
    rows = [
        [_as_fraction(v, f"entry ({i}, {j}) of the matrix") for j, v in enumerate(row)]
        for i, row in enumerate(matrix)
    ]
    b = [_as_fraction(v, f"entry {i} of the right-hand side") for i, v in enumerate(rhs)]
    m = len(rows)
    if len(b) != m:
        raise ValueError(f"the matrix has {m} rows but the right-hand side has {len(b)} entries")
    n = len(rows[0]) if rows else 0
    for i, row in enumerate(rows):
        if len(row) != n:
            raise ValueError(f"row {i} of the matrix has {len(row)} entries, row 0 has {n}")
    costs = None
    if cost is not None:
        costs = [_as_fraction(v, f"entry {j} of the cost") for j, v in enumerate(cost)]
        if len(costs) != n:
            raise ValueError(f"the cost has {len(costs)} entries, the matrix {n} columns")
        if any(c < 0 for c in costs):
            raise ValueError("the cost must be nonnegative (the least cost is then bounded)")
    if guess:
        found = _from_guess(rows, b, costs, n)
        if found is not None:
            return found
    tableau = _Tableau(rows, b, n)
    pivots = tableau.phase_one()
    if tableau.objective_value() != 0:
        z = tableau.farkas()
        _check_farkas(rows, b, z)
        return LinearFeasibility(False, None, z, pivots)
    tableau.drive_out_artificials()
    if costs is not None and any(costs):
        pivots += tableau.phase_two(costs)
    y = tableau.solution()
    _check_solution(rows, b, y)
    return LinearFeasibility(True, y, None, pivots)


def float_guess(
    rows: Sequence[Sequence[Fraction]], b: Sequence[Fraction], costs: Sequence[Fraction] | None
) -> tuple[str, list[float]] | None:
    """scipy's guess: ``("solution", y)`` or ``("farkas", z)`` in floats; ``None`` without scipy.

    A guess only: :func:`nonnegative_solution` checks or discards it.
    """
    try:
        import numpy as np
        from scipy.optimize import linprog
    except ImportError:
        return None
    m = len(rows)
    n = len(rows[0]) if rows else 0
    if m == 0 or n == 0:
        return None
    try:
        a = np.array([[float(v) for v in row] for row in rows]).reshape(m, n)
        rhs = np.array([float(v) for v in b])
        c = np.array([float(v) for v in costs]) if costs is not None else np.ones(n)
        if not (np.isfinite(a).all() and np.isfinite(rhs).all() and np.isfinite(c).all()):
            return None
        primal = linprog(c, A_eq=a, b_eq=rhs, bounds=(0, None), method="highs")
        if primal.status == 0:
            return "solution", list(primal.x)
        if primal.status != 2:  # not "infeasible": no useful guess
            return None
        # a Farkas vector: z . A_j >= 0 for all j with z . b as small as it gets in a box (a vertex)
        dual = linprog(rhs, A_ub=-a.T, b_ub=np.zeros(n), bounds=(-1, 1), method="highs")
    except (ValueError, OverflowError, ArithmeticError):  # a guess only: the exact method decides
        return None
    if dual.status != 0 or not dual.fun < 0:
        return None
    return "farkas", list(dual.x)


def _from_guess(
    rows: list[list[Fraction]], b: list[Fraction], costs: list[Fraction] | None, n: int
) -> LinearFeasibility | None:
    guessed = float_guess(rows, b, costs)
    if guessed is None:
        return None
    kind, values = guessed
    if kind == "solution":
        support = [j for j, v in enumerate(values) if v > 1e-9]
        if not support:
            support = list(range(n))
        sub = [[row[j] for j in support] for row in rows]
        sub_cost = [costs[j] for j in support] if costs is not None else None
        exact = nonnegative_solution(sub, b, cost=sub_cost)
        if not exact.feasible or exact.solution is None:
            return None  # the guess was wrong: decide on the whole system
        y = {support[j]: v for j, v in exact.solution.items()}
        _check_solution(rows, b, y)
        return LinearFeasibility(True, dict(sorted(y.items())), None, exact.pivots)
    for limit in (10**3, 10**6, 10**12):
        z = tuple(Fraction(v).limit_denominator(limit) for v in values)
        try:
            _check_farkas(rows, b, z)
        except ArithmeticError:
            continue
        return LinearFeasibility(False, None, z, 0)
    return None


def _check_solution(rows: list[list[Fraction]], b: list[Fraction], y: dict[int, Fraction]) -> None:
    if any(v < 0 for v in y.values()):
        raise ArithmeticError("internal error: the simplex returned a negative entry")
    for i, row in enumerate(rows):
        if sum((row[j] * v for j, v in y.items()), Fraction(0)) != b[i]:
            raise ArithmeticError(f"internal error: the simplex solution misses equation {i}")


def _check_farkas(rows: list[list[Fraction]], b: list[Fraction], z: tuple[Fraction, ...]) -> None:
    n = len(rows[0]) if rows else 0
    for j in range(n):
        if sum((z[i] * rows[i][j] for i in range(len(rows)) if z[i]), Fraction(0)) < 0:
            raise ArithmeticError(f"internal error: the Farkas vector fails on column {j}")
    if sum((zi * bi for zi, bi in zip(z, b, strict=True)), Fraction(0)) >= 0:
        raise ArithmeticError("internal error: the Farkas vector does not separate the right-hand side")


def _subtract(target: dict[int, Fraction], items: list[tuple[int, Fraction]], factor: Fraction) -> None:
    """``target -= factor * row`` for a sparse row given as ``items``, dropping zeros."""
    for j, v in items:
        w = target.get(j, 0) - factor * v
        if w:
            target[j] = w
        else:
            target.pop(j, None)


class _Tableau:
    """A sparse simplex tableau: rows are dicts ``{column: Fraction}``.

    Columns ``0 .. n-1`` are the unknowns, ``n .. n+m-1`` the artificial
    variables of phase one (their columns keep ``B^-1``).  Row ``i`` has been
    multiplied by ``sign[i]`` so that its right-hand side is nonnegative.
    """

    def __init__(self, rows: list[list[Fraction]], b: list[Fraction], n: int):
        self.n = n
        self.m = len(rows)
        self.sign = [(-1 if bi < 0 else 1) for bi in b]
        self.rows: list[dict[int, Fraction]] = []
        self.rhs: list[Fraction] = []
        for i, row in enumerate(rows):
            s = self.sign[i]
            entries = {j: s * v for j, v in enumerate(row) if v}
            entries[n + i] = Fraction(1)
            self.rows.append(entries)
            self.rhs.append(s * b[i])
        self.basis = [n + i for i in range(self.m)]
        self.live = [True] * self.m  # False for a redundant row dropped after phase one
        # reduced costs of phase one: minimise the sum of the artificials
        self.reduced: dict[int, Fraction] = {}
        for row in self.rows:
            for j, v in row.items():
                if j < n:
                    self.reduced[j] = self.reduced.get(j, Fraction(0)) - v
        self.value = -sum(self.rhs, Fraction(0))  # minus the objective
        self.column_limit = n + self.m

    def objective_value(self) -> Fraction:
        return -self.value

    def _pivot(self, r: int, c: int) -> None:
        row = self.rows[r]
        p = row[c]
        if p != 1:
            inverse = 1 / p
            for j in row:
                row[j] *= inverse
            self.rhs[r] *= inverse
        items = list(row.items())
        for i, other in enumerate(self.rows):
            if i == r or not self.live[i]:
                continue
            factor = other.get(c)
            if not factor:
                continue
            _subtract(other, items, factor)
            self.rhs[i] -= factor * self.rhs[r]
        factor = self.reduced.get(c)
        if factor:
            _subtract(self.reduced, items, factor)
            self.value -= factor * self.rhs[r]
        self.basis[r] = c

    def _run(self, allowed: int) -> int:
        """Bland's rule until no reduced cost is negative; columns ``< allowed`` may enter."""
        pivots = 0
        while True:
            entering = min((j for j, v in self.reduced.items() if v < 0 and j < allowed), default=None)
            if entering is None:
                return pivots
            best: tuple[Fraction, int, int] | None = None
            for i, row in enumerate(self.rows):
                a = row.get(entering)
                if self.live[i] and a is not None and a > 0:
                    key = (self.rhs[i] / a, self.basis[i], i)
                    if best is None or key < best:
                        best = key
            if best is None:
                raise ArithmeticError("internal error: unbounded direction in a bounded problem")
            self._pivot(best[2], entering)
            pivots += 1

    def phase_one(self) -> int:
        return self._run(self.n)

    def farkas(self) -> tuple[Fraction, ...]:
        # The duals of phase one are pi_i = 1 - (reduced cost of artificial i); pi.A'_j <= 0 for
        # every column and pi.b' > 0, so z = -pi, with the row signs undone, is a Farkas vector.
        return tuple(-(1 - self.reduced.get(self.n + i, Fraction(0))) * self.sign[i] for i in range(self.m))

    def drive_out_artificials(self) -> None:
        for i in range(self.m):
            if self.basis[i] < self.n:
                continue
            column = min((j for j, v in self.rows[i].items() if j < self.n and v), default=None)
            if column is None:
                self.live[i] = False  # a redundant equation
            else:
                self._pivot(i, column)
        # Artificial columns may not enter again.
        self.column_limit = self.n

    def phase_two(self, costs: list[Fraction]) -> int:
        self.reduced = {j: c for j, c in enumerate(costs) if c}
        self.value = Fraction(0)
        for i, column in enumerate(self.basis):
            if not self.live[i]:
                continue
            c = self.reduced.get(column)
            if c:
                _subtract(self.reduced, list(self.rows[i].items()), c)
                self.value -= c * self.rhs[i]
        return self._run(self.n)

    def solution(self) -> dict[int, Fraction]:
        y = {}
        for i, column in enumerate(self.basis):
            if self.live[i] and column < self.n and self.rhs[i]:
                y[column] = self.rhs[i]
        return dict(sorted(y.items()))
