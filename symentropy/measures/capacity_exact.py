"""The closed forms of :mod:`symentropy.measures.capacity`: exact capacities and optimal inputs.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:func:`exact_capacity`                 the exact capacity of a channel and an input
                                       attaining it, or None (cached on the channel)
:class:`ExactCapacity`                 the capacity (a LogSum, nats) and the input
=====================================  ===============================================

Explanation
===========

The channel is first simplified without changing its capacity: outputs that
never occur are dropped, inputs with identical rows are kept once, a
block-diagonal channel is a sum of channels (``2**C = sum 2**C_k``), outputs
with proportional columns are merged, and an output with the same probability
for every input is an erasure, factored out (``C = (1 - alpha) C'``).  Then
the uniform input, the inverse-matrix method and, for numbers, a numeric
guess checked exactly are tried (see :mod:`symentropy.measures.capacity`).

Every accepted closed form is proved: equal divergences and signs are decided
by :mod:`symentropy.kernel.numeric` (exactly for numbers; by sympy's
assumptions for expressions in symbols, where an entry not proved zero is
taken as nonzero, see :func:`~symentropy.measures.capacity_numeric.is_zero_entry`).
Where a floating-point value serves as a quick guess to skip a method, a
wrong guess can only lose a closed form; the capacity is then certified
numerically instead.

Examples
========

>>> from sympy import Rational as R
>>> from symentropy.models.channel import Channel
>>> from symentropy.measures.capacity_exact import exact_capacity
>>> found = exact_capacity(Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]]))
>>> found.nats.to_expr(2), found.input
(2/3, (1/2, 0, 1/2))
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

from ..errors import SymentropyError
from ..kernel.logsum import LogSum
from ..kernel.numeric import known_sign
from ..kernel.simplify import shortest, tidy
from ..models.channel import Channel
from .capacity_numeric import GUARD, CapacitySolver, Solution, entry_key, is_zero_entry, numeric_solution
from .certified import DEFAULT_DIGITS, nats_tolerance

__all__ = ["ExactCapacity", "exact_capacity"]

Rows = list[list[sympy.Expr]]

#: How closely the numeric optimum must be matched by a rational guess
#: (``_guided``); the guess is then checked exactly.
_GUESS_TOLERANCE = Fraction(1, 10**30)



@functools.cache
def _guide_tolerance() -> Fraction:
    """The width (nats) of the numeric solution that guides the exact search.

    That of the default certified capacity in bits (about ``3.5e-31``): for a whole
    channel the solution is cached on the channel, where :func:`capacity` finds it
    when no closed form is found, so the numeric work is done once.  Its rational
    input has ``12`` more decimals than the width, far below ``_GUESS_TOLERANCE``.
    """
    return nats_tolerance(2, DEFAULT_DIGITS, guard=GUARD)

#: How far below the capacity (nats, in floating point) a divergence of the numeric optimum must
#: be for the inverse-matrix method to be skipped: that method succeeds only when every input's
#: divergence equals the capacity.
_TIE_MARGIN = 1e-6

#: Gives the numeric solution of the rows being solved (the channel's cached one).
Solve = Callable[[], Solution]


@dataclass(frozen=True)
class ExactCapacity:
    """An exact capacity (a :class:`~symentropy.kernel.logsum.LogSum`, in nats) and an input attaining it."""

    nats: LogSum
    input: tuple[sympy.Expr, ...]


# =====================================================================================
# Exact decisions and short forms
# =====================================================================================


def _sign(value: LogSum) -> int | None:
    """The sign of a sum of logarithms, or None when it is not decided.

    A sum of numbers gets the exact sign of :func:`symentropy.kernel.numeric.known_sign`;
    a sum in symbols is decided only when it is zero term by term.
    """
    if value.is_zero:
        return 0
    terms = value.terms
    if not all(isinstance(a, int) or a.is_number for a in terms) or not all(
        isinstance(c, Fraction) or c.is_number for c in terms.values()
    ):
        return None
    return known_sign(value.to_expr(sympy.E))


def _normal(value: sympy.Expr) -> sympy.Expr:
    """A rational function as ``numerator/denominator``, cancelled, with no leading minus below."""
    if value.is_Rational or value.is_number or sympy.count_ops(value) > 40:
        # algebraic numbers and long expressions: cancelling costs much and rarely shortens
        return value
    numerator, denominator = sympy.fraction(sympy.cancel(value))
    constant = sympy.expand(denominator).as_coeff_Add()[0]
    if constant.is_negative or (constant.is_zero and denominator.could_extract_minus_sign()):
        numerator, denominator = -numerator, -denominator
    numerator, denominator = tidy(sympy.expand(numerator)), tidy(sympy.expand(denominator))
    if denominator == 1:
        return numerator
    return sympy.Mul(numerator, sympy.Pow(denominator, -1))


def _simplified(value: sympy.Expr) -> sympy.Expr:
    """A short form of a probability: the shortest of its normal form (:func:`_normal`) and itself."""
    normal = _normal(value)
    return normal if normal is value else shortest([normal, value])


def _exp_of(value: LogSum) -> sympy.Expr:
    """``exp`` of a LogSum: the product of its arguments raised to their coefficients."""
    factors = []
    for arg, coefficient in value.terms.items():
        if isinstance(coefficient, Fraction):
            c = sympy.Rational(coefficient.numerator, coefficient.denominator)
        else:
            c = _simplified(coefficient)
        factors.append(sympy.Pow(sympy.Integer(arg) if isinstance(arg, int) else arg, c))
    return sympy.Mul(*factors)


# =====================================================================================
# Simplifying the channel
# =====================================================================================


def _blocks(rows: Rows) -> list[tuple[list[int], list[int]]]:
    """The connected components of the graph ``x -- y`` when ``W(y|x)`` is not zero."""
    m, n = len(rows), len(rows[0])
    parent = list(range(m + n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for x in range(m):
        for y in range(n):
            if not is_zero_entry(rows[x][y]):
                parent[find(x)] = find(m + y)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(m):
        groups.setdefault(find(x), ([], []))[0].append(x)
    for y in range(n):
        groups.setdefault(find(m + y), ([], []))[1].append(y)
    return [g for g in groups.values() if g[0]]


def _divergences_exact(rows: Rows, q: Sequence[sympy.Expr]) -> list[LogSum] | None:
    """``D(W(.|x) || q)`` for every input, as LogSums; ``None`` if one is infinite."""
    logs = [LogSum.log_of(v) if not is_zero_entry(v) else None for v in q]
    result = []
    for row in rows:
        d = -LogSum.entropy_of(row)
        for w, lq in zip(row, logs, strict=True):
            if is_zero_entry(w):
                continue
            if lq is None:
                return None
            d = d - lq.scaled(w)
        result.append(d)
    return result


def _exact(rows: Rows, guided: bool, solve: Solve | None = None) -> ExactCapacity | None:
    """The exact capacity of a channel given by its rows, or ``None`` if none is found.

    ``solve`` gives the numeric solution of exactly these rows (the reductions below
    solve theirs afresh).
    """
    m = len(rows)
    keep = [j for j in range(len(rows[0])) if not all(is_zero_entry(r[j]) for r in rows)]
    if len(keep) < len(rows[0]):
        rows = [[r[j] for j in keep] for r in rows]
    n = len(rows[0])
    if m == 1:
        return ExactCapacity(LogSum(), (sympy.Integer(1),))

    blocks = _blocks(rows)
    if len(blocks) > 1:
        parts = []
        for xs, ys in blocks:
            sub = _exact([[rows[x][y] for y in ys] for x in xs], guided)
            if sub is None:
                return None
            parts.append((xs, sub))
        return _sum_of_channels(parts, m)

    # inputs with identical rows: keep the first of each
    first: dict[tuple, int] = {}
    for x, r in enumerate(rows):
        first.setdefault(tuple(entry_key(w) for w in r), x)
    if len(first) < m:
        chosen = sorted(first.values())
        sub = _exact([rows[x] for x in chosen], guided)
        if sub is None:
            return None
        full = [sympy.Integer(0)] * m
        for k, x in enumerate(chosen):
            full[x] = sub.input[k]
        return ExactCapacity(sub.nats, tuple(full))

    # outputs with proportional columns: merge them
    classes: dict[tuple, list[int]] = {}
    for j in range(n):
        pivot = next(r[j] for r in rows if not is_zero_entry(r[j]))
        classes.setdefault(tuple(entry_key(_normal(r[j] / pivot)) for r in rows), []).append(j)
    if len(classes) < n:
        merged = [[_simplified(sympy.Add(*(r[j] for j in cols))) for cols in classes.values()] for r in rows]
        return _exact(merged, guided)

    # an output with the same probability for every input is an erasure
    for j in range(n):
        if len({entry_key(r[j]) for r in rows}) == 1:
            alpha = rows[0][j]
            rest = 1 - alpha
            reduced = [[_simplified(r[k] / rest) for k in range(n) if k != j] for r in rows]
            sub = _exact(reduced, guided)
            if sub is None:
                return None
            return ExactCapacity(sub.nats.scaled(rest), sub.input)

    found = _uniform_input(rows)
    if found is not None:
        return found
    if not (guided and all(w.is_number for r in rows for w in r)):
        return _inverse_matrix(rows) if m == n else None
    # Numbers: the numeric optimum comes first.  It is needed anyway (as the guess of _guided,
    # and by the certified capacity when no closed form is found), and it rejects the costly
    # exact inverse of the matrix at once when some input is clearly not tied at the optimum.
    solution = _numeric(rows, solve)
    if m == n and (solution is None or _all_tied(rows, solution)):
        found = _inverse_matrix(rows)
    if found is None and solution is not None:
        found = _guided(rows, solution)
    return found


def _numeric(rows: Rows, solve: Solve | None) -> Solution | None:
    """The numeric solution that guides the exact search, or None when it fails."""
    try:
        return solve() if solve is not None else CapacitySolver(rows, _guide_tolerance()).solve()
    except SymentropyError:
        return None


def _all_tied(rows: Rows, solution: Solution) -> bool:
    """A guess in floating point: False when some divergence at the numeric optimum is clearly below it.

    The inverse-matrix method gives the optimum only when every input's divergence
    from the optimal output equals the capacity; when this says False, it could not
    succeed.  Only a guess: a wrong False loses a closed form, never gives a wrong one.
    """
    try:
        p = [float(v) for v in solution.input]
        weights = [[float(w) for w in r] for r in rows]
        q = [sum(px * r[j] for px, r in zip(p, weights, strict=True)) for j in range(len(rows[0]))]
        divergences = [sum(w * math.log(w / q[j]) for j, w in enumerate(r) if w > 0) for r in weights]
        top = float(solution.lower)
    except (OverflowError, ValueError, TypeError, ZeroDivisionError):
        return True
    return min(divergences) >= top - _TIE_MARGIN * (1 + abs(top))


def _sum_of_channels(parts: list[tuple[list[int], ExactCapacity]], m: int) -> ExactCapacity:
    """Combine the capacities of the blocks of a sum of channels: ``2**C = sum 2**C_k``."""
    weights = [_exp_of(sub.nats) for _, sub in parts]
    total = sympy.Add(*weights)
    full: list[sympy.Expr] = [sympy.Integer(0)] * m
    for (xs, sub), weight in zip(parts, weights, strict=True):
        for k, x in enumerate(xs):
            full[x] = _simplified(weight * sub.input[k] / total)
    return ExactCapacity(LogSum.log_of(total), tuple(full))


# =====================================================================================
# The closed forms
# =====================================================================================


def _uniform_input(rows: Rows) -> ExactCapacity | None:
    """Accept the uniform input when all divergences from its output are equal."""
    m, n = len(rows), len(rows[0])
    if all(w.is_Rational for r in rows for w in r):
        # A quick guess in floating point skips the exact check when the divergences are
        # clearly unequal.  A wrong guess only loses this closed form: the numeric guess
        # of _guided (a rational input, checked exactly) or the certified capacity follow.
        try:
            q = [sum(float(r[j]) for r in rows) / m for j in range(n)]
            d = [sum(float(w) * math.log(float(w) / q[j]) for j, w in enumerate(r) if w != 0) for r in rows]
        except (ValueError, ZeroDivisionError, OverflowError):  # entries beyond float range
            d = []
        if d and max(d) - min(d) > 1e-9 * (1 + max(abs(v) for v in d)):
            return None
    q = [_simplified(sympy.Add(*(r[j] for r in rows)) / m) for j in range(n)]
    divergences = _divergences_exact(rows, q)
    if divergences is None:
        return None
    if all(_sign(d - divergences[0]) == 0 for d in divergences[1:]):
        return ExactCapacity(divergences[0], tuple([sympy.Rational(1, m)] * m))
    return None


def _inverse(rows: Rows) -> list[list[sympy.Expr]] | None:
    """The inverse of a square channel matrix, or None when it is singular."""
    m = len(rows)
    if all(w.is_Rational for r in rows for w in r):
        dm = DomainMatrix([[QQ(int(w.p), int(w.q)) for w in r] for r in rows], (m, m), QQ)
        if dm.det() == 0:
            return None
        return [[sympy.Rational(int(v.numerator), int(v.denominator)) for v in r] for r in dm.inv().to_list()]
    matrix = sympy.Matrix(rows)
    if is_zero_entry(sympy.expand(matrix.det())):
        return None
    try:
        inverse = matrix.inv()
    except (ValueError, ZeroDivisionError):
        return None
    return [[_simplified(inverse[i, j]) for j in range(m)] for i in range(m)]


def _inverse_matrix(rows: Rows) -> ExactCapacity | None:
    """The inverse-matrix method for a square channel: accepted when the input it gives is a distribution.

    With ``c = -W**-1 H`` (``H`` the row entropies) every input has the
    divergence ``log sum_y exp(c_y)`` from the output ``q_y ~ exp(c_y)``, so
    an input ``p = q W**-1`` with no negative entry satisfies the Kuhn-Tucker
    conditions (an input of probability 0 is tied, which they allow).
    """
    m = len(rows)
    inverse = _inverse(rows)
    if inverse is None:
        return None
    entropies = [LogSum.entropy_of(r) for r in rows]
    exponents = []
    for y in range(m):
        c = LogSum()
        for x in range(m):
            if not is_zero_entry(inverse[y][x]):
                c = c - entropies[x].scaled(inverse[y][x])
        exponents.append(c)
    numeric = all(w.is_number for r in rows for w in r)
    if numeric and not _plausibly_nonnegative(exponents, inverse):
        return None
    if not numeric and m != 2:
        # a binary-input channel with two distinct rows has its optimum inside
        # (0, 1); for larger symbolic channels positivity cannot be decided
        return None
    weights = [_exp_of(c) for c in exponents]
    unnormalised = [sympy.Add(*(weights[y] * inverse[y][x] for y in range(m))) for x in range(m)]
    if numeric:
        # the input is a distribution exactly when every unnormalised weight is >= 0
        signs = [known_sign(u) for u in unnormalised]
        if any(s is None or s < 0 for s in signs):
            return None
        unnormalised = [sympy.Integer(0) if s == 0 else u for s, u in zip(signs, unnormalised, strict=True)]
    total = sympy.Add(*weights)
    probabilities = tuple(_simplified(u / total) for u in unnormalised)
    return ExactCapacity(LogSum.log_of(total), probabilities)


def _plausibly_nonnegative(exponents: list[LogSum], inverse: list[list[sympy.Expr]]) -> bool:
    """A guess in floating point: False when some ``sum_y exp(c_y) inverse[y][x]`` is clearly negative.

    Only a guess to skip the exact decision: when it wrongly says False, the
    closed form is lost and the capacity is certified numerically instead.
    """
    m = len(exponents)
    try:
        weights = [math.exp(sum(float(c) * math.log(float(a)) for a, c in e.terms.items()))
                   for e in exponents]
        values = [sum(weights[y] * float(inverse[y][x]) for y in range(m)) for x in range(m)]
    except (OverflowError, ValueError, TypeError):
        return True
    return not min(values) < -1e-9 * max(abs(v) for v in values)


def _guided(rows: Rows, solution: Solution) -> ExactCapacity | None:
    """Use a numeric solution as a guess for an exact one, then check it exactly.

    The guesses (a rational input near the numeric one, the inputs the
    numeric one uses) are only accepted after an exact check of the
    Kuhn-Tucker conditions; a wrong guess loses a closed form, never gives a
    wrong one.
    """
    p = solution.input
    m = len(rows)
    if all(w.is_Rational for r in rows for w in r):
        guess = [Fraction(v).limit_denominator(10**9) for v in p]
        if sum(guess) == 1 and all(abs(g - v) < _GUESS_TOLERANCE for g, v in zip(guess, p, strict=True)):
            found = _check_rational_input(rows, guess)
            if found is not None:
                return found
    support = [x for x in range(m) if p[x] > _GUESS_TOLERANCE]
    if len(support) == m:
        return None
    sub = _exact([rows[x] for x in support], guided=False)
    if sub is None:
        return None
    full = [sympy.Integer(0)] * m
    for k, x in enumerate(support):
        full[x] = sub.input[k]
    q = [_simplified(sympy.Add(*(full[x] * rows[x][y] for x in support))) for y in range(len(rows[0]))]
    for x in range(m):
        if x in support:
            continue
        if not _not_above(rows[x], q, sub.nats):
            return None
    return ExactCapacity(sub.nats, tuple(full))


def _not_above(row: Sequence[sympy.Expr], q: Sequence[sympy.Expr], bound: LogSum) -> bool:
    """Decide ``D(row || q) <= bound`` exactly (False when it cannot be decided)."""
    if any(not is_zero_entry(w) and is_zero_entry(v) for w, v in zip(row, q, strict=True)):
        return False
    if all(v.is_Rational for v in q) and all(w.is_Rational for w in row):
        d = _divergences_exact([list(row)], q)
        assert d is not None
        sign = _sign(d[0] - bound)
    else:
        terms = [w * (sympy.log(w) - sympy.log(v))
                 for w, v in zip(row, q, strict=True) if not is_zero_entry(w)]
        sign = known_sign(sympy.Add(*terms) - bound.to_expr(sympy.E))
    return sign is not None and sign <= 0


def _check_rational_input(rows: Rows, p: Sequence[Fraction]) -> ExactCapacity | None:
    """Accept a rational input that satisfies the Kuhn-Tucker conditions exactly."""
    probabilities = [sympy.Rational(v.numerator, v.denominator) for v in p]
    n = len(rows[0])
    q = [sympy.Add(*(pi * r[y] for pi, r in zip(probabilities, rows, strict=True))) for y in range(n)]
    divergences = _divergences_exact(rows, q)
    if divergences is None:
        return None
    value = LogSum()
    for pi, d in zip(p, divergences, strict=True):
        if pi:
            value = value + d.scaled(pi)
    for pi, d in zip(p, divergences, strict=True):
        sign = _sign(d - value)
        # used inputs: D = C; unused ones: D <= C
        if sign is None or sign > 0 or (pi and sign != 0):
            return None
    return ExactCapacity(value, tuple(probabilities))


def exact_capacity(channel: Channel) -> ExactCapacity | None:
    """The exact capacity of ``channel`` and an input attaining it, or ``None`` (cached on the channel).

    A product of channels (:attr:`~symentropy.models.channel.Channel.structure`)
    is the sum of the capacities of its factors, attained by the product of
    their optimal inputs.
    """
    key = "capacity:exact"
    memo = channel.memo
    if key in memo:
        return memo[key]
    found: ExactCapacity | None
    structure = channel.structure
    if structure is not None and structure[0] == "product":
        parts = [exact_capacity(c) for c in structure[1]]
        if all(parts):
            nats = LogSum()
            for part in parts:
                nats = nats + part.nats  # type: ignore[union-attr]
            inputs = tuple(
                _simplified(sympy.Mul(*combo))
                for combo in itertools.product(*(part.input for part in parts))  # type: ignore[union-attr]
            )
            found = ExactCapacity(nats, inputs)
        else:
            found = None
    else:
        guided = not channel.is_symbolic
        solve = functools.partial(numeric_solution, channel, _guide_tolerance()) if guided else None
        found = _exact([list(r) for r in channel.rows], guided=guided, solve=solve)
    memo[key] = found
    return found
