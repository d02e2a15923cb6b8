"""The certified rate-distortion function of a discrete source and a distortion matrix.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`RateDistortionSolver`          the numeric search and its certificate, for one
                                       source, distortion matrix and ``D``
:class:`Bound`                         ``lower <= R(D) <= upper`` in nats, with the
                                       test channel and the slope
=====================================  ===============================================

Explanation
===========

Subtracting ``min over x_hat of d(x, x_hat)`` from each row of the matrix
lowers every code's distortion by ``D_min = sum_x p(x) min d(x, .)`` and
changes nothing else, so the search works with that matrix and ``D -
D_min``.  For a slope ``beta > 0`` and an output distribution ``q``, the
Blahut-Arimoto test channel is ``Q(x_hat|x) = q(x_hat) exp(-beta d) / Z(x)``
with ``Z(x) = sum q(x_hat) exp(-beta d(x, x_hat))``.  The optimum for ``D``
solves ``c(x_hat) = sum_x p(x) exp(-beta d(x, x_hat)) / Z(x) = 1`` on the
support of ``q`` (``<= 1`` off it) and ``E d = D``.

A few hundred Blahut-Arimoto iterations in machine floats, with a
bisection on ``beta``, find the support; Newton's method on these equations
then reaches the requested precision (doubling it at each step) in a private
mpmath context.  None of this is trusted.  Two bounds are proved in the
interval arithmetic of :mod:`symentropy.kernel.intervals`:

* below, for the rational ``beta`` and ``q`` found (any ``beta >= 0``,
  ``q >= 0`` would do): ``R(D) >= -beta D - sum_x p(x) log Z(x) - log max c``
  (the dual bound of Blahut, 1972, Theorem 2; Cover & Thomas, 2nd ed.,
  section 10.8);
* above, ``R(D) <= I(X; X_hat)`` for a rational test channel whose
  distortion is at most ``D``: the rounded Blahut-Arimoto channel, mixed if
  needed with the channel that sends each ``x`` to its nearest ``x_hat``
  (distortion ``D_min``) so that its exact distortion is ``D``.

Examples
========

>>> from fractions import Fraction as F
>>> from symentropy.measures.rate_distortion_numeric import RateDistortionSolver
>>> solver = RateDistortionSolver([F(1, 2), F(1, 3), F(1, 6)],
...     [[0, 1, 2], [1, 0, 1], [2, 1, 0]], F(1, 3), F(1, 10**25))
>>> bound = solver.solve()
>>> 0 <= bound.upper - bound.lower <= F(1, 10**25)
True
>>> sum(bound.channel[0]) == 1 and bound.distortion <= F(1, 3)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..errors import UndecidedError
from ..kernel.intervals import Interval
from ..kernel.numeric import working_context
from .capacity_numeric import decimals_for

__all__ = ["RateDistortionSolver", "Bound"]

#: Guard digits of the Newton search beyond the digits asked for.
GUARD = 20
#: Blahut-Arimoto iterations per slope in the float search for the support.
FLOAT_ITERATIONS = 60


@dataclass(frozen=True)
class Bound:
    """A proved ``lower <= R(D) <= upper`` in nats and its witnesses.

    ``channel`` is the rational test channel (rows: source letters) whose
    information is at least ``upper``'s value and whose distortion
    ``distortion`` (with the matrix given to the solver, before any shift)
    is at most ``D``; ``slope`` is the rational ``beta`` of the lower bound.
    """

    lower: Fraction
    upper: Fraction
    channel: tuple[tuple[Fraction, ...], ...]
    distortion: Fraction
    slope: Fraction


class RateDistortionSolver:
    """Enclose ``R(D)`` for rational source probabilities and distortions.

    ``p`` are the source probabilities (positive, summing to 1), ``d`` the
    distortion matrix (rows: source letters), ``D`` a rational strictly
    between ``D_min`` and ``D_max``, and ``tolerance`` the width in nats
    wanted.
    """

    def __init__(self, p: Sequence[Fraction], d: Sequence[Sequence[Any]], D: Fraction, tolerance: Fraction):
        self.p = [Fraction(v) for v in p]
        self.d_given = [[Fraction(v) for v in row] for row in d]
        self.m, self.k = len(self.d_given), len(self.d_given[0])
        self.nearest = [min(range(self.k), key=row.__getitem__) for row in self.d_given]
        self.shift = [row[j] for row, j in zip(self.d_given, self.nearest, strict=True)]
        self.d = [[v - s for v in row] for row, s in zip(self.d_given, self.shift, strict=True)]
        self.d_min = sum((pi * s for pi, s in zip(self.p, self.shift, strict=True)), Fraction(0))
        self.D = Fraction(D) - self.d_min  # the target with the shifted matrix: > 0
        self.tolerance = tolerance
        self.ctx = working_context(decimals_for(tolerance), guard=GUARD)
        self.bits = self.ctx.prec + 8 * (self.m * self.k).bit_length()
        self.p_float = [float(v) for v in self.p]
        self.d_float = [[float(v) for v in row] for row in self.d]

    # -- the float search ---------------------------------------------------------------
    def _float_iterate(self, beta: float, q: list[float], iterations: int) -> tuple[list[float], float]:
        """Blahut-Arimoto at slope ``beta`` from ``q``: the new ``q`` and its distortion."""
        p, d = self.p_float, self.d_float
        kernel = [[math.exp(-beta * v) for v in row] for row in d]
        for _ in range(iterations):
            z = [sum(qj * kj for qj, kj in zip(q, row, strict=True)) for row in kernel]
            c = [sum(p[i] * kernel[i][j] / z[i] for i in range(self.m)) for j in range(self.k)]
            q = [qj * cj for qj, cj in zip(q, c, strict=True)]
            total = sum(q)
            q = [v / total for v in q]
        z = [sum(qj * kj for qj, kj in zip(q, row, strict=True)) for row in kernel]
        distortion = sum(
            p[i] * sum(q[j] * kernel[i][j] * d[i][j] for j in range(self.k)) / z[i] for i in range(self.m)
        )
        return q, distortion

    def float_guess(self) -> tuple[float, list[float]]:
        """A slope and an output distribution near the optimum, in machine floats."""
        target = float(self.D)
        q = [1.0 / self.k] * self.k
        lo, hi = 0.0, 1.0
        q, dist = self._float_iterate(hi, q, FLOAT_ITERATIONS)
        while dist > target and hi < 1e6:  # distortion decreases with the slope
            lo, hi = hi, hi * 2
            q, dist = self._float_iterate(hi, q, FLOAT_ITERATIONS)
        for _ in range(40):
            mid = (lo + hi) / 2
            q_mid, dist = self._float_iterate(mid, q, FLOAT_ITERATIONS)
            if dist > target:
                lo = mid
            else:
                hi, q = mid, q_mid
        return (lo + hi) / 2, q

    # -- Newton on the optimality equations ------------------------------------------------
    def _residual(self, beta: Any, q: dict[int, Any]) -> tuple[list[Any], Any]:
        """The equations ``c_j - 1`` (``j`` in the support) and ``E d - D``, with their Jacobian."""
        ctx, p, d = self.ctx, self.p_mp, self.d_mp
        support = sorted(q)
        kernel = [[ctx.exp(-beta * d[i][j]) for j in support] for i in range(self.m)]
        z = [ctx.fsum(q[j] * kij for j, kij in zip(support, row, strict=True)) for row in kernel]
        w = [ctx.fsum(q[j] * kij * d[i][j] for j, kij in zip(support, row, strict=True))
             for i, row in enumerate(kernel)]
        v = [ctx.fsum(q[j] * kij * d[i][j] ** 2 for j, kij in zip(support, row, strict=True))
             for i, row in enumerate(kernel)]
        n = len(support)
        jac = ctx.zeros(n + 1, n + 1)
        residual = []
        for a, j in enumerate(support):
            residual.append(ctx.fsum(p[i] * kernel[i][a] / z[i] for i in range(self.m)) - 1)
            for b in range(n):
                jac[a, b] = -ctx.fsum(p[i] * kernel[i][a] * kernel[i][b] / z[i] ** 2 for i in range(self.m))
            jac[a, n] = ctx.fsum(
                p[i] * kernel[i][a] * (w[i] / z[i] ** 2 - d[i][j] / z[i]) for i in range(self.m)
            )
        residual.append(ctx.fsum(p[i] * w[i] / z[i] for i in range(self.m)) - self.D_mp)
        for b, j in enumerate(support):
            jac[n, b] = ctx.fsum(
                p[i] * kernel[i][b] * (d[i][j] / z[i] - w[i] / z[i] ** 2) for i in range(self.m)
            )
        jac[n, n] = ctx.fsum(p[i] * ((w[i] / z[i]) ** 2 - v[i] / z[i]) for i in range(self.m))
        return residual, jac

    def _set_precision(self, prec: int) -> None:
        ctx = self.ctx
        ctx.prec = prec
        self.p_mp = [ctx.mpf(v.numerator) / v.denominator for v in self.p]
        self.d_mp = [[ctx.mpf(v.numerator) / v.denominator for v in row] for row in self.d]
        self.D_mp = ctx.mpf(self.D.numerator) / self.D.denominator

    def newton(self, beta: Any, q: dict[int, Any]) -> tuple[Any, dict[int, Any]] | None:
        """Newton's method from ``(beta, q)``, the precision doubling up to the target."""
        ctx = self.ctx
        prec = 53
        while True:
            self._set_precision(prec)
            beta, q = ctx.mpf(beta), {j: ctx.mpf(v) for j, v in q.items()}
            for _ in range(60):
                try:
                    residual, jac = self._residual(beta, q)
                    step = ctx.lu_solve(jac, ctx.matrix([-r for r in residual]))
                except ZeroDivisionError:  # a singular system, or no mass left for a letter
                    return None
                support = sorted(q)
                t = ctx.one
                while beta + t * step[len(support)] <= 0:  # keep the slope positive
                    t /= 2
                beta = beta + t * step[len(support)]
                q = {j: q[j] + t * step[a] for a, j in enumerate(support)}
                if not ctx.isfinite(beta) or any(abs(v) > 2 for v in q.values()):
                    return None
                size = max(abs(s) for s in step)
                if t == 1 and size < ctx.mpf(2) ** (-(prec * 3) // 4):
                    break
            else:
                return None
            if prec >= self.bits:
                return beta, q
            prec = min(2 * prec, self.bits)

    def optimum(self) -> tuple[Any, dict[int, Any]]:
        """A slope and output distribution solving the optimality equations, the support adjusted."""
        try:
            beta, q_float = self.float_guess()
        except (ZeroDivisionError, OverflowError):  # machine floats under- or overflowed
            raise UndecidedError(
                f"the search for R({self.D + self.d_min}) left the range of machine floats (the slope "
                f"is extreme this close to D_min = {self.d_min}); choose a D further from D_min"
            ) from None
        top = max(q_float)
        support = {j for j, v in enumerate(q_float) if v > 1e-9 * top}
        tried: set[frozenset[int]] = set()
        while support and frozenset(support) not in tried:
            tried.add(frozenset(support))
            mass = sum(q_float[j] for j in support)
            solved = self.newton(beta, {j: q_float[j] / mass for j in support})
            if solved is None:  # no solution on this support: drop its lightest letter
                support.discard(min(support, key=q_float.__getitem__))
                continue
            beta, q = solved
            negative = min(q, key=q.__getitem__)
            if q[negative] <= 0:  # the equations ask for a negative mass: the letter is unused
                support.discard(negative)
                q_float = [max(float(q.get(j, 0)), 1e-12) for j in range(self.k)]
                continue
            c = self._outside(beta, q)
            worst = max(c, key=c.__getitem__) if c else None
            if worst is None or c[worst] <= 1:
                return beta, q
            support.add(worst)  # an unused letter that should be used
            q_float = [float(q.get(j, 0)) or 1e-6 for j in range(self.k)]
        raise UndecidedError(
            f"the rate-distortion search did not converge for D = {self.D + self.d_min}; "
            "try another D or fewer digits"
        )

    def _outside(self, beta: Any, q: dict[int, Any]) -> dict[int, Any]:
        """``c_j`` for the letters off the support."""
        ctx, p, d = self.ctx, self.p_mp, self.d_mp
        z = [ctx.fsum(q[j] * ctx.exp(-beta * d[i][j]) for j in q) for i in range(self.m)]
        return {
            j: ctx.fsum(p[i] * ctx.exp(-beta * d[i][j]) / z[i] for i in range(self.m))
            for j in range(self.k) if j not in q
        }

    # -- the certificate -------------------------------------------------------------------
    def _rational(self, x: Any) -> Fraction:
        return Fraction(int(self.ctx.floor(x * 2**self.bits)), 2**self.bits)

    def lower_bound(self, beta: Fraction, q: Sequence[Fraction]) -> Fraction:
        """The dual bound ``-beta D - sum p log Z - log max c``, proved, rounded down."""
        prec = self.bits + 20
        kernel = [[Interval.from_fraction(-beta * v, prec).exp() for v in row] for row in self.d]
        z = [sum((row[j] * q[j] for j in range(self.k) if q[j]), Interval.from_fraction(0, prec))
             for row in kernel]
        zero = Interval.from_fraction(0, prec)
        top = max(sum((kernel[i][j] * self.p[i] / z[i] for i in range(self.m)), zero).upper
                  for j in range(self.k))
        total = Interval.from_fraction(-beta * self.D, prec) - Interval.from_fraction(top, prec).log()
        for pi, zi in zip(self.p, z, strict=True):
            total = total - zi.log() * pi
        return total.lower

    def test_channel(self, beta: Any, q: dict[int, Any]) -> list[list[Fraction]]:
        """The rounded Blahut-Arimoto channel, mixed with the nearest-letter one to reach ``E d <= D``."""
        ctx, d = self.ctx, self.d_mp
        rows = []
        for i in range(self.m):
            weights = {j: q[j] * ctx.exp(-beta * d[i][j]) for j in q}
            total = ctx.fsum(weights.values())
            row = [Fraction(0)] * self.k
            for j, w in weights.items():
                row[j] = self._rational(w / total)
            heaviest = max(weights, key=weights.__getitem__)
            row[heaviest] += 1 - sum(row)  # rows sum to 1 exactly
            rows.append(row)
        distortion = self._distortion(rows)
        if distortion > self.D:  # mix with the nearest-letter channel (shifted distortion 0)
            t = (distortion - self.D) / distortion
            for i, row in enumerate(rows):
                rows[i] = [(1 - t) * v for v in row]
                rows[i][self.nearest[i]] += t
        return rows

    def _distortion(self, rows: Sequence[Sequence[Fraction]]) -> Fraction:
        return sum(
            (pi * sum((v * dv for v, dv in zip(row, drow, strict=True)), Fraction(0))
             for pi, row, drow in zip(self.p, rows, self.d, strict=True)),
            Fraction(0),
        )

    def upper_bound(self, rows: Sequence[Sequence[Fraction]]) -> Fraction:
        """``I(X; X_hat)`` of a rational test channel, proved, rounded up."""
        prec = self.bits + 20
        r = [sum((pi * row[j] for pi, row in zip(self.p, rows, strict=True)), Fraction(0))
             for j in range(self.k)]
        total = Interval.from_fraction(0, prec)
        for pi, row in zip(self.p, rows, strict=True):
            for j, v in enumerate(row):
                if v:
                    total = total + Interval.log_of(v / r[j], prec) * (pi * v)
        return total.upper

    def solve(self) -> Bound:
        """The certified bound; :class:`~symentropy.errors.UndecidedError` if too wide."""
        beta, q = self.optimum()
        beta_r = self._rational(beta)
        q_r = [self._rational(q[j]) if j in q else Fraction(0) for j in range(self.k)]
        lower = self.lower_bound(beta_r, q_r)
        rows = self.test_channel(beta, q)
        upper = self.upper_bound(rows)
        if upper - lower > self.tolerance:
            raise UndecidedError(
                f"the certified bounds on R({self.D + self.d_min}) are {float(upper - lower):.3g} nats "
                "apart, wider than asked; try fewer digits"
            )
        shifted = self._distortion(rows)
        return Bound(max(lower, Fraction(0)), upper, tuple(tuple(r) for r in rows),
                     shifted + self.d_min, beta_r)
