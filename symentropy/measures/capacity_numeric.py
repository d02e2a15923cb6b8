"""The numeric method of :mod:`symentropy.measures.capacity` and its interval certificate.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`CapacitySolver`                Blahut-Arimoto, active-set Newton and the
                                       certificate, for one channel matrix
:func:`numeric_solution`               a certified solution for a channel, cached on it
:class:`Solution`                      a rational input and ``lower <= C <= upper``
:func:`is_zero_entry`                  whether a channel entry is zero (shared with
                                       the exact analysis)
:func:`entry_key`                      the form that finds equal entries
=====================================  ===============================================

Explanation
===========

A few Blahut-Arimoto iterations in machine floats locate the inputs in use;
Newton's method then solves the Kuhn-Tucker equations ``D(W(.|x) || q) = C``
on that support, with the precision doubled at each step up to the one
requested (an active-set loop adds or removes inputs as needed; plain
Blahut-Arimoto is the fallback).  None of this is trusted: the search runs in
a private mpmath context from :func:`symentropy.kernel.numeric.working_context`,
and its answer, rounded to a rational input ``p``, is certified with the
interval arithmetic of :mod:`symentropy.kernel.intervals`.  The lower bound is
``I(p)``; the upper bound is ``max_x D(W(.|x) || pW)``, which bounds the
capacity from above for every ``p`` (the stopping bound of Blahut, 1972).

Rational entries are exact in the certificate.  Other entries are enclosed
through :func:`symentropy.kernel.numeric.evaluate`, whose correctly rounded
digits are proved for elementary expressions (see :func:`symentropy.measures.certified.enclosure`).

Examples
========

>>> from fractions import Fraction
>>> from sympy import Rational as R
>>> from symentropy.measures.capacity_numeric import CapacitySolver
>>> solver = CapacitySolver([[R(1, 2), R(1, 4), R(1, 4)], [R(1, 8), R(1, 8), R(3, 4)]], Fraction(1, 10**20))
>>> solution = solver.solve()
>>> 0 < solution.upper - solution.lower <= Fraction(1, 10**20)
True
>>> float(solution.lower)  # doctest: +ELLIPSIS
0.136270747474...
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..errors import SymentropyError, UndecidedError
from ..kernel import intervals
from ..kernel.numeric import known_sign, working_context
from ..models.channel import Channel
from .certified import enclosure

__all__ = ["CapacitySolver", "Solution", "numeric_solution", "is_zero_entry", "entry_key", "decimals_for"]

#: Guard digits of the numeric search beyond the digits the certificate asks for.
GUARD = 20
#: Working precision (bits) of the search for the support, before Newton's polishing.
SEARCH_BITS = 64

_ZERO = intervals.exact(Fraction(0), 53)


# =====================================================================================
# Decisions on entries (shared with the exact analysis)
# =====================================================================================


def is_zero_entry(w: sympy.Expr) -> bool:
    """Whether a channel entry is proved zero.

    Numbers are decided exactly (:func:`symentropy.kernel.numeric.known_sign`);
    an expression in symbols is zero only when sympy's assumptions prove it.
    An entry not proved zero is treated as nonzero: a symbolic capacity holds
    for the parameter values where the channel keeps its shape.

    >>> from sympy import Symbol, sqrt
    >>> from symentropy.measures.capacity_numeric import is_zero_entry
    >>> is_zero_entry(sqrt(2)/2 - 1/sqrt(2)), is_zero_entry(Symbol("p"))
    (True, False)
    """
    if w.is_Rational:
        return not w
    return known_sign(w) == 0


def entry_key(w: sympy.Expr) -> sympy.Expr:
    """A form of an entry for finding equal rows and columns.

    Equal keys mean equal values; equal values with different keys are only a
    simplification missed (rows or columns not merged), never a wrong result.
    """
    return w if w.is_Rational else sympy.expand(w)


def decimals_for(tolerance: Fraction) -> int:
    """The least ``d >= 1`` with ``10**-d <= tolerance`` (exact, for any positive rational).

    >>> from fractions import Fraction
    >>> from symentropy.measures.capacity_numeric import decimals_for
    >>> decimals_for(Fraction(1, 1000)), decimals_for(Fraction(1, 1001)), decimals_for(Fraction(1, 10**700))
    (3, 4, 700)
    """
    ratio = Fraction(tolerance.denominator, tolerance.numerator)  # 10**d >= ratio
    d = max(1, len(str(ratio.numerator // ratio.denominator)) - 1)
    while 10**d < ratio:
        d += 1
    while d > 1 and 10 ** (d - 1) >= ratio:
        d -= 1
    return d


# =====================================================================================
# The solver
# =====================================================================================


@dataclass(frozen=True)
class Solution:
    """A rational input and a certified enclosure ``lower <= C <= upper`` in nats."""

    input: tuple[Fraction, ...]
    lower: Fraction
    upper: Fraction


class CapacitySolver:
    """Blahut-Arimoto, active-set Newton and interval certification for one channel matrix.

    The solver aims at certified bounds at most ``tolerance`` nats apart.
    Its floating-point work happens in ``self.ctx``, a private context from
    :func:`symentropy.kernel.numeric.working_context` for the decimals the
    tolerance asks for plus :data:`GUARD`; ``self.target`` is that
    precision plus a few bits per entry of the matrix (the sums of the
    certificate have ``m n`` terms), and it is the precision of the
    certificate.  The search changes the precision of ``self.ctx`` only.
    """

    def __init__(self, rows: Sequence[Sequence[sympy.Expr]], tolerance: Fraction):
        self.rows = [list(r) for r in rows]
        self.m = len(self.rows)
        self.n = len(self.rows[0])
        for r in self.rows:
            for w in r:
                if not w.is_number:
                    raise UndecidedError(f"a numeric capacity needs numbers; the entry {w} has symbols")
        self.sparse = [[(j, w) for j, w in enumerate(r) if not is_zero_entry(w)] for r in self.rows]
        self.rational = all(w.is_Rational for r in self.rows for w in r)
        self.tolerance = tolerance
        decimals = decimals_for(tolerance)
        self.ctx = working_context(decimals, guard=GUARD)
        self.target = self.ctx.prec + 8 * (self.m * self.n).bit_length()
        self.places = decimals + 12  # decimals of the rational input
        self._values: dict[int, list[list[tuple[int, Any, Any]]]] = {}
        self._enclosures: dict[int, list[list[tuple[int, Fraction | None, tuple, tuple]]]] = {}
        # identical rows: only the first of each is used by the search
        first: dict[tuple, int] = {}
        for x, r in enumerate(self.rows):
            first.setdefault(tuple(entry_key(w) for w in r), x)
        self.distinct = sorted(first.values())

    # -- conversions ------------------------------------------------------------------
    def _mp(self, w: sympy.Expr) -> Any:
        ctx = self.ctx
        if w.is_Rational:
            return ctx.mpf(int(w.p)) / int(w.q)
        return +ctx.make_mpf(sympy.Float(w.evalf(ctx.dps + 15), ctx.dps + 15)._mpf_)

    def values(self) -> list[list[tuple[int, Any, Any]]]:
        """For each row, ``(column, W, log W)`` over its nonzero entries, at the current precision."""
        prec = self.ctx.prec
        if prec not in self._values:
            table = []
            for row in self.sparse:
                entries = []
                for j, w in row:
                    v = self._mp(w)
                    entries.append((j, v, self.ctx.ln(v)))
                table.append(entries)
            self._values[prec] = table
        return self._values[prec]

    # -- Blahut-Arimoto ----------------------------------------------------------------
    def divergences(self, p: Sequence[Any], rows: Sequence[int]) -> tuple[list[Any], Any, Any]:
        """``D(W(.|x) || pW)`` for the given rows, ``I(p)`` and the upper bound ``max_x D``."""
        ctx = self.ctx
        vals = self.values()
        q = [ctx.zero] * self.n
        for x in rows:
            px = p[x]
            if px:
                for j, w, _ in vals[x]:
                    q[j] += px * w
        lq = [ctx.ln(v) if v > 0 else None for v in q]
        result = []
        for x in range(self.m):
            total = ctx.zero
            for j, w, lw in vals[x]:
                if lq[j] is None:
                    total = ctx.inf
                    break
                total += w * (lw - lq[j])
            result.append(total)
        info = ctx.fsum(p[x] * result[x] for x in rows if p[x] > 0)
        return result, info, max(result[x] for x in range(self.m))

    def blahut_arimoto_step(self, p: list[Any], d: list[Any], upper: Any) -> list[Any]:
        """One multiplicative Blahut-Arimoto update of ``p`` from its divergences ``d``."""
        ctx = self.ctx
        new = [p[x] * ctx.exp(d[x] - upper) if p[x] > 0 else ctx.zero for x in range(self.m)]
        total = ctx.fsum(new)
        return [v / total for v in new]

    # -- Newton on the Kuhn-Tucker equations ------------------------------------------------
    def newton(self, support: list[int], p: list[Any], capacity: Any | None, *, steps: int,
               tolerance: Any) -> tuple[list[Any], Any] | None:
        """Solve ``D(W(.|x) || q) = C`` (``x`` in ``support``) and ``sum p = 1`` by Newton's method.

        ``p`` is the full input vector (only ``support`` entries are used).
        Returns the new full vector and ``C``, or ``None`` if Newton fails.
        """
        ctx = self.ctx
        vals = self.values()
        k = len(support)
        p = list(p)
        reached = sorted({j for x in support for j, _, _ in vals[x]})
        by_column: dict[int, list[tuple[int, Any]]] = {j: [] for j in reached}
        for i, x in enumerate(support):
            for j, w, _ in vals[x]:
                by_column[j].append((i, w))

        def output(vector: list[Any]) -> dict[int, Any] | None:
            q = {}
            for j in reached:
                v = ctx.fsum(vector[support[i]] * w for i, w in by_column[j])
                if v <= 0:
                    return None
                q[j] = v
            return q

        q = output(p)
        if q is None:
            return None
        if capacity is None:
            total = ctx.fsum(p[x] for x in support)
            capacity = ctx.fsum(
                p[x] * ctx.fsum(w * (lw - ctx.ln(q[j])) for j, w, lw in vals[x]) for x in support
            ) / total
        for _ in range(steps):
            lq = {j: ctx.ln(v) for j, v in q.items()}
            residual = [ctx.fsum(w * (lw - lq[j]) for j, w, lw in vals[x]) - capacity for x in support]
            residual.append(ctx.fsum(p[x] for x in support) - 1)
            jac = ctx.zeros(k + 1, k + 1)
            for j in reached:
                inv = 1 / q[j]
                column = by_column[j]
                for a, wa in column:
                    t = wa * inv
                    for b, wb in column:
                        jac[a, b] -= t * wb
            for i in range(k):
                jac[i, k] = -1
                jac[k, i] = 1
            try:
                step = ctx.lu_solve(jac, ctx.matrix([-r for r in residual]))
            except ZeroDivisionError:
                return None
            size = max(abs(step[i]) for i in range(k + 1))
            if not ctx.isfinite(size):
                return None
            t = ctx.one
            for _ in range(60):
                trial = list(p)
                for i, x in enumerate(support):
                    trial[x] = p[x] + t * step[i]
                q_trial = output(trial)
                if q_trial is not None:
                    break
                t /= 2
            else:
                return None
            p, q = trial, q_trial
            capacity = capacity + t * step[k]
            if t == 1 and size < tolerance:
                return p, capacity
        return None

    def _independent(self, support: list[int], p: list[Any]) -> list[int]:
        """A subset of ``support`` with linearly independent rows, heaviest inputs first."""
        ctx = self.ctx
        vals = self.values()
        basis: list[list[Any]] = []
        chosen = []
        for x in sorted(support, key=lambda x: -p[x]):
            v = [ctx.zero] * self.n
            for j, w, _ in vals[x]:
                v[j] = w
            norm = ctx.sqrt(ctx.fsum(a * a for a in v))
            for b in basis:
                dot = ctx.fsum(a * c for a, c in zip(v, b, strict=True))
                v = [a - dot * c for a, c in zip(v, b, strict=True)]
            rest = ctx.sqrt(ctx.fsum(a * a for a in v))
            if rest > norm * ctx.mpf(2) ** (-ctx.prec // 2):
                basis.append([a / rest for a in v])
                chosen.append(x)
        return sorted(chosen)

    def active_set(
        self, p: list[Any], d: list[Any], lower: Any, upper: Any
    ) -> tuple[list[int], list[Any], Any] | None:
        """Find the support of an optimal input by Newton steps at the current precision."""
        ctx = self.ctx
        slack = ctx.mpf(2) ** (-(ctx.prec * 2) // 3)
        gap = upper - lower
        support = [x for x in self.distinct if d[x] >= lower - gap - slack]
        reduced = False
        tried: set[tuple[int, ...]] = set()
        for _ in range(3 * self.m + 6):
            key = tuple(support)
            if key in tried or not support:
                return None
            tried.add(key)
            total = ctx.fsum(p[x] for x in support)
            start = [ctx.zero] * self.m
            for x in support:
                start[x] = p[x] / total if total > 0 else ctx.one / len(support)
            solved = self.newton(support, start, None, steps=40, tolerance=slack)
            if solved is None:
                if reduced:
                    return None
                reduced = True
                support = self._independent(support, p)
                continue
            q_p, c = solved
            worst = min(support, key=lambda x: q_p[x])
            if q_p[worst] < -slack:
                support = [x for x in support if x != worst]
                p = [max(v, ctx.zero) for v in q_p]
                continue
            dq, _, _ = self.divergences([max(v, ctx.zero) for v in q_p], support)
            outside = [x for x in self.distinct if x not in support]
            if outside:
                best = max(outside, key=lambda x: dq[x])
                if dq[best] > c + slack:
                    support = sorted(support + [best])
                    p = [max(v, ctx.zero) for v in q_p]
                    continue
            return support, q_p, c
        return None

    # -- certification ----------------------------------------------------------------
    def _entries(self, prec: int) -> list[list[tuple[int, Fraction | None, tuple, tuple]]]:
        """For each row, ``(column, W as a Fraction or None, enclosure of W, enclosure of log W)``."""
        if prec not in self._enclosures:
            table = []
            for row in self.sparse:
                entries = []
                for j, w in row:
                    if w.is_Rational:
                        exact = Fraction(int(w.p), int(w.q))
                        log_w = intervals.log_of_rational(exact, prec)
                        entries.append((j, exact, intervals.exact(exact, prec), log_w))
                    else:
                        pair = enclosure(w, prec).pair
                        entries.append((j, None, pair, intervals.log(pair, prec)))
                table.append(entries)
            self._enclosures[prec] = table
        return self._enclosures[prec]

    def certify(self, p: Sequence[Fraction]) -> tuple[Fraction | None, Fraction | None]:
        """Certified bounds ``(I(p), max_x D(W(.|x) || pW))`` in nats for a rational input.

        Computed with outward rounding at ``self.target`` bits
        (:mod:`symentropy.kernel.intervals`): the first is at most ``I(p)``,
        the second at least every divergence.  ``None`` for an end that is
        not finite (an output of probability 0 reached by some input) or
        could not be enclosed.
        """
        try:
            return self._certify(p, self.target)
        except (intervals.Imprecise, intervals.Undefined):
            return None, None

    def _certify(self, p: Sequence[Fraction], prec: int) -> tuple[Fraction | None, Fraction | None]:
        table = self._entries(prec)
        n = self.n
        q: list[tuple | None] = [None] * n
        if self.rational:
            q_exact = [Fraction(0)] * n
            for px, row in zip(p, table, strict=True):
                if px:
                    for j, w, _, _ in row:
                        q_exact[j] += px * w  # type: ignore[operator]
            q = [intervals.exact(v, prec) if v else None for v in q_exact]
        else:
            for px, row in zip(p, table, strict=True):
                if px:
                    for j, _, pair, _ in row:
                        term = intervals.scale(pair, px, prec)
                        previous = q[j]
                        q[j] = term if previous is None else intervals.add(previous, term, prec)
        lq = [intervals.log(v, prec) if v is not None else None for v in q]
        info = _ZERO
        upper: Fraction | None = Fraction(-1)
        for px, row in zip(p, table, strict=True):
            d = _ZERO
            for j, w, pair, lw in row:
                logq = lq[j]
                if logq is None:
                    upper = None
                    break
                difference = intervals.sub(lw, logq, prec)
                if w is not None:
                    term = intervals.scale(difference, w, prec)
                else:
                    term = intervals.mul(pair, difference, prec)
                d = intervals.add(d, term, prec)
            else:
                if px:
                    info = intervals.add(info, intervals.scale(d, px, prec), prec)
                high = intervals.to_fraction(d[1])
                if upper is not None and high > upper:
                    upper = high
        return intervals.to_fraction(info[0]), upper

    def rational_input(self, p: Sequence[Any], places: int) -> tuple[Fraction, ...]:
        """Round an input vector to ``places`` decimals, keeping it a distribution exactly."""
        scale = 10**places
        clipped = [max(intervals.to_fraction(v._mpf_), Fraction(0)) if v else Fraction(0) for v in p]
        total = sum(clipped)
        if total == 0:
            raise SymentropyError("the numeric solution has no positive input probability")
        ints = [int(round(v / total * scale)) for v in clipped]
        heaviest = max(range(self.m), key=lambda x: ints[x])
        ints[heaviest] += scale - sum(ints)
        if ints[heaviest] < 0:  # pragma: no cover - rounding cannot move this much
            raise SymentropyError("rounding the numeric solution failed")
        return tuple(Fraction(v, scale) for v in ints)

    def certified(self, p: Sequence[Any]) -> Solution | None:
        """The input ``p`` rounded to a rational one, if its certified bounds are close enough."""
        for extra in (0, 20):
            rational = self.rational_input(p, self.places + extra)
            lower, upper = self.certify(rational)
            if lower is not None and upper is not None and upper - lower <= self.tolerance:
                return Solution(rational, lower, upper)
        return None

    # -- driver -----------------------------------------------------------------------
    def solve(self, *, max_iterations: int = 200_000) -> Solution:
        """A rational input whose certified bounds are at most ``self.tolerance`` nats apart."""
        ctx = self.ctx
        if len(self.distinct) == 1:
            p = tuple(Fraction(1) if x == 0 else Fraction(0) for x in range(self.m))
            lower, upper = self.certify(p)
            assert lower is not None and upper is not None
            return Solution(p, lower, upper)

        ctx.prec = SEARCH_BITS
        start = [ctx.mpf(v) for v in self._warm_start()]
        d, info, upper = self.divergences(start, self.distinct)
        found = self.active_set(start, d, info, upper)
        if found is not None:
            polished = self._polish(*found)
            if polished is not None:
                solution = self.certified(polished)
                if solution is not None:
                    return solution
        return self._fallback(start, max_iterations)

    def _warm_start(self, iterations: int = 400) -> list[float]:
        """A rough input from Blahut-Arimoto in machine floats (only to guess the support)."""
        m, n = self.m, self.n
        weights = [[(j, float(w)) for j, w in row] for row in self.sparse]
        if any(not (1e-280 < w < math.inf) for row in weights for _, w in row):
            weights = []  # entries too small for floats: start from the uniform input
        p = [0.0] * m
        for x in self.distinct:
            p[x] = 1 / len(self.distinct)
        if not weights:
            return p
        logs = [[(j, w, math.log(w)) for j, w in row] for row in weights]
        for _ in range(iterations):
            q = [0.0] * n
            for x in self.distinct:
                if p[x]:
                    for j, w, _lw in logs[x]:
                        q[j] += p[x] * w
            lq = [math.log(v) if v > 0 else -math.inf for v in q]
            d = [sum(w * (lw - lq[j]) for j, w, lw in logs[x]) if x in self.distinct else -math.inf
                 for x in range(m)]
            top = max(d)
            info = sum(p[x] * d[x] for x in self.distinct if p[x])
            if top - info < 1e-7 or not math.isfinite(top):  # a stopping rule of the guess only
                break
            new = [p[x] * math.exp(d[x] - top) if p[x] else 0.0 for x in range(m)]
            total = sum(new)
            p = [v / total for v in new]
        return p

    def _polish(self, support: list[int], p: list[Any], c: Any) -> list[Any] | None:
        """Newton steps at doubling precision up to ``self.target`` bits."""
        ctx = self.ctx
        prec = ctx.prec
        while True:
            prec = min(2 * prec, self.target)
            ctx.prec = prec
            p = [+v for v in p]
            solved = self.newton(support, p, +c, steps=8, tolerance=ctx.mpf(2) ** (-(prec // 2) - 8))
            if solved is None:
                return None
            p, c = solved
            if prec >= self.target:
                return p

    def _fallback(self, p: list[Any], max_iterations: int) -> Solution:
        """Plain Blahut-Arimoto at full precision, retrying Newton from time to time."""
        ctx = self.ctx
        ctx.prec = self.target
        mix = ctx.mpf(10) ** -6
        p = [(1 - mix) * +v + mix / len(self.distinct) if x in self.distinct else ctx.zero
             for x, v in enumerate(p)]
        goal = ctx.mpf(self.tolerance.numerator) / self.tolerance.denominator / 4
        d, info, upper = self.divergences(p, self.distinct)
        for iteration in range(1, max_iterations + 1):
            if upper - info < goal:
                solution = self.certified(p)
                if solution is not None:
                    return solution
            if iteration % 500 == 0:
                ctx.prec = SEARCH_BITS
                low = [+v for v in p]
                d_low, info_low, upper_low = self.divergences(low, self.distinct)
                found = self.active_set(low, d_low, info_low, upper_low)
                if found is not None:
                    polished = self._polish(*found)
                    if polished is not None:
                        solution = self.certified(polished)
                        if solution is not None:
                            return solution
                ctx.prec = self.target
            p = self.blahut_arimoto_step(p, d, upper)
            d, info, upper = self.divergences(p, self.distinct)
        raise SymentropyError(
            f"the capacity could not be certified to within {float(self.tolerance):.1e} nats after "
            f"{max_iterations} iterations (best bounds {float(info)} <= C <= {float(upper)})"
        )


def numeric_solution(channel: Channel, tolerance: Fraction) -> Solution:
    """A certified numeric solution for ``channel``, bounds at most ``tolerance`` nats apart (cached on it).

    A solution cached at a smaller tolerance is returned as it is.

    A product of channels (:attr:`~symentropy.models.channel.Channel.structure`)
    is solved through its factors: the product of their optimal inputs is
    certified on the whole channel.
    """
    key = ("capacity:numeric", tolerance)
    memo = channel.memo
    if key in memo:
        return memo[key]
    narrower = [value for k, value in memo.items()
                if isinstance(k, tuple) and k[0] == "capacity:numeric" and k[1] <= tolerance]
    if narrower:  # a certificate at least as narrow (the one that guided the exact search) serves
        return narrower[0]
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"a numeric capacity needs a channel of numbers; this one has the symbols {names}: "
            "substitute values with channel.subs(...)"
        )
    solver = CapacitySolver(channel.rows, tolerance)
    solution: Solution | None = None
    structure = channel.structure
    if structure is not None and structure[0] == "product":
        parts = structure[1]
        inputs = [numeric_solution(c, tolerance / (4 * len(parts))).input for c in parts]
        combined = tuple(math.prod(combo, start=Fraction(1)) for combo in itertools.product(*inputs))
        lower, upper = solver.certify(combined)
        if lower is not None and upper is not None and upper - lower <= tolerance:
            solution = Solution(combined, lower, upper)
    if solution is None:
        solution = solver.solve()
    memo[key] = solution
    return solution
