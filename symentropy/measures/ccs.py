"""Ince's pointwise common change in surprisal, ``I_ccs``, for two sources, exact.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:func:`pairwise_maxent`                the maximum-entropy distribution with the
                                       ``(S1, S2)``, ``(S1, T)``, ``(S2, T)`` marginals
                                       of a table, when it is rational (proved), or
                                       ``None``
:func:`ccs_redundancy`                 ``I_ccs`` of a table as a ``LogSum`` (nats)
=====================================  ===============================================

Explanation
===========

Ince (2017) averages, over the maximum-entropy distribution ``Q`` with the
three pairwise marginals of ``P``, the local co-information
``c = i(s1; t) + i(s2; t) - i(s1, s2; t)`` (local informations of ``Q``) at
the outcomes where ``c``, ``i(s1; t)``, ``i(s2; t)`` and ``i(s1, s2; t)``
all have the same sign.  Each sign is decided exactly.

``Q`` has no closed form in general (iterative scaling converges to it), and
is often irrational.  Here it is *proved*: a rational candidate (``P``
itself, or iterative scaling rounded to small denominators) is the maximum
when it has the three marginals, its ``log Q`` is a sum of functions of the
three pairs on its support (one exact linear system per prime of its
probabilities), and no distribution with those marginals puts mass outside
its support (one exact linear program per cell, :mod:`symentropy.kernel.simplex`):
then ``H(Q') <= -sum Q' log Q = H(Q)`` for every such ``Q'``.  When no
candidate passes, :func:`pairwise_maxent` says so with ``None`` and no value
is guessed.

Examples
========

>>> from fractions import Fraction as F
>>> from symentropy.measures.ccs import pairwise_maxent
>>> q = F(1, 4)
>>> xor = {(0, 0, 0): q, (0, 1, 1): q, (1, 0, 1): q, (1, 1, 0): q}
>>> sorted(set(pairwise_maxent(xor).values()))  # the uniform distribution on 8 triples
[Fraction(1, 8)]

References
==========

R. A. A. Ince, "Measuring multivariate redundant information with pointwise
common change in surprisal", Entropy 19, 318, 2017.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction

import sympy

from ..kernel.logsum import LogSum
from ..kernel.numeric import compare
from ..kernel.primes import coprime_basis, exponents_over
from ..kernel.simplex import nonnegative_solution

__all__ = ["pairwise_maxent", "ccs_redundancy"]

Cell = tuple[Hashable, Hashable, Hashable]

#: Sweeps of iterative scaling that locate the maximum (in machine floats; a guess only).
SCALING_SWEEPS = 400
#: Denominators tried when rounding the scaled distribution to a rational candidate.
DENOMINATORS = (8, 64, 1000, 10**4)

_PAIRS = ((0, 1), (0, 2), (1, 2))


def _marginals(q: Mapping[Cell, Fraction]) -> dict[tuple, Fraction]:
    out: dict[tuple, Fraction] = {}
    for x, v in q.items():
        for pair in _PAIRS:
            key = (pair, x[pair[0]], x[pair[1]])
            out[key] = out.get(key, Fraction(0)) + v
    return {k: v for k, v in out.items() if v}


def _cells(p: Mapping[Cell, Fraction]) -> list[Cell]:
    """The cells whose three pairwise marginals are positive (all others are 0 in every ``Q``)."""
    m = _marginals(p)
    values = [sorted({x[i] for x in p}, key=repr) for i in range(3)]
    return [
        (a, b, t)
        for a in values[0]
        for b in values[1]
        for t in values[2]
        if all((pair, (a, b, t)[pair[0]], (a, b, t)[pair[1]]) in m for pair in _PAIRS)
    ]


def _scaled(p: Mapping[Cell, Fraction], cells: list[Cell]) -> dict[Cell, float]:
    """Iterative proportional fitting from the uniform distribution on ``cells``."""
    target = {k: float(v) for k, v in _marginals(p).items()}
    q = {x: 1.0 / len(cells) for x in cells}
    for _ in range(SCALING_SWEEPS):
        for pair in _PAIRS:
            current: dict[tuple, float] = {}
            for x, v in q.items():
                key = (pair, x[pair[0]], x[pair[1]])
                current[key] = current.get(key, 0.0) + v
            q = {
                x: v * target[k] / current[k] if current[k] else 0.0
                for x, v in q.items()
                for k in [(pair, x[pair[0]], x[pair[1]])]
            }
    return q


def _log_linear(q: Mapping[Cell, Fraction]) -> bool:
    """Whether ``log q`` on its support is ``a(s1, s2) + b(s1, t) + c(s2, t)``, decided exactly."""
    support = [x for x, v in q.items() if v]
    keys = sorted({(pair, x[pair[0]], x[pair[1]]) for x in support for pair in _PAIRS}, key=repr)
    column = {k: j for j, k in enumerate(keys)}
    rows = []
    for x in support:
        row = [0] * (2 * len(keys))
        for pair in _PAIRS:
            j = column[(pair, x[pair[0]], x[pair[1]])]
            row[j], row[len(keys) + j] = 1, -1  # a free unknown as the difference of two
        rows.append(row)
    # exponents over a coprime basis, whose logarithms are linearly independent as those of primes
    # are, without factoring a large integer completely
    basis = coprime_basis(n for x in support for n in (q[x].numerator, q[x].denominator))
    exponents: dict[int, list[int]] = {}
    for i, x in enumerate(support):
        v = q[x]
        for n, sign in ((v.numerator, 1), (v.denominator, -1)):
            for factor, k in exponents_over(n, basis):
                exponents.setdefault(factor, [0] * len(support))[i] += sign * k
    return all(nonnegative_solution(rows, e).feasible for e in exponents.values())


def _may_be_positive(p: Mapping[Cell, Fraction], cells: list[Cell], cell: Cell) -> bool:
    """Whether a distribution with the pairwise marginals of ``p`` puts mass on ``cell`` (exact LP).

    ``sum over a marginal's cells = lambda * marginal`` with ``q >= 0``, ``lambda >= 0`` and
    ``q(cell) = 1``: a solution scales to such a distribution (``lambda > 0``, since the
    marginals of a nonzero ``q >= 0`` are not all 0).
    """
    m = _marginals(p)
    keys = list(m)
    rows = []
    for key in keys:
        pair, u, v = key
        rows.append([1 if (x[pair[0]], x[pair[1]]) == (u, v) else 0 for x in cells] + [-m[key]])
    rows.append([1 if x == cell else 0 for x in cells] + [0])
    return nonnegative_solution(rows, [0] * len(keys) + [1]).feasible


def _is_maxent(p: Mapping[Cell, Fraction], cells: list[Cell], q: Mapping[Cell, Fraction]) -> bool:
    if any(v < 0 for v in q.values()) or _marginals(q) != _marginals(p):
        return False
    if not _log_linear(q):
        return False
    return not any(_may_be_positive(p, cells, x) for x in cells if not q.get(x))


def pairwise_maxent(table: Mapping[Cell, object]) -> dict[Cell, Fraction] | None:
    """The maximum-entropy ``Q`` with the three pairwise marginals of ``{(s1, s2, t): p}``, or ``None``.

    ``None`` when no rational candidate is proved the maximum (it may be
    irrational); the answer, when given, is proved (see the module).

    >>> from fractions import Fraction as F
    >>> from symentropy.measures.ccs import pairwise_maxent
    >>> q = F(1, 4)
    >>> both = {(0, 0, 0): q, (0, 1, 0): q, (1, 0, 0): q, (1, 1, 1): q}   # AND: only P fits
    >>> pairwise_maxent(both) == both
    True
    """
    p = {x: Fraction(v) for x, v in table.items() if v}
    cells = _cells(p)
    if _is_maxent(p, cells, p):
        return p
    guess = _scaled(p, cells)
    tried = []
    for n in DENOMINATORS:
        candidate = {x: Fraction(v).limit_denominator(n) for x, v in guess.items()}
        candidate = {x: v for x, v in candidate.items() if v}
        if candidate not in tried and _is_maxent(p, cells, candidate):
            return candidate
        tried.append(candidate)
    return None


def ccs_redundancy(q: Mapping[Cell, Fraction]) -> LogSum:
    """``I_ccs`` (nats) of two sources from the maximum-entropy ``Q``: the sign-agreeing local co-information.

    >>> from fractions import Fraction as F
    >>> from sympy import log
    >>> from symentropy.measures.ccs import ccs_redundancy
    >>> rdn = {(0, 0, 0): F(1, 2), (1, 1, 1): F(1, 2)}
    >>> ccs_redundancy(rdn).to_expr(2)
    1
    """
    m = _marginals(q)
    single: dict[tuple[int, Hashable], Fraction] = {}
    for x, v in q.items():
        for i in range(3):
            single[i, x[i]] = single.get((i, x[i]), Fraction(0)) + v

    def log(value: Fraction) -> LogSum:
        return LogSum.log_of(sympy.Rational(value.numerator, value.denominator))

    total = LogSum()
    for x, v in q.items():
        if not v:
            continue
        a, b, t = x
        i1 = log(m[(0, 2), a, t] / (single[0, a] * single[2, t]))
        i2 = log(m[(1, 2), b, t] / (single[1, b] * single[2, t]))
        i12 = log(v / (m[(0, 1), a, b] * single[2, t]))
        c = i1 + i2 - i12
        signs = {compare(s.to_expr(sympy.E), 0) for s in (i1, i2, i12, c)}
        if len(signs) == 1 and signs != {0}:
            total = total + c.scaled(sympy.Rational(v.numerator, v.denominator))
    return total
