"""Channel capacity: exact closed forms where they exist, certified enclosures otherwise.

=========================================  ==================================================
function                                   result
=========================================  ==================================================
:func:`capacity`                           ``C = max_p I(X; Y)``: an exact sympy expression,
                                           or a :class:`CapacityInterval`
:func:`capacity_achieving_input`           an input distribution attaining ``C``
:func:`certified_capacity`                 always a :class:`CapacityInterval`
:class:`CapacityInterval`                  ``lower <= C <= upper``, width at most ``10**-digits``
=========================================  ==================================================

Exact capacities
================

:func:`capacity` first simplifies the channel without changing its capacity:
outputs that never occur are dropped, outputs with proportional columns are
merged (the likelihoods are a sufficient statistic), a column that is the
same for every input is an erasure and is factored out (``C = (1 - alpha)
C'``), repeated inputs are kept once, and a block-diagonal channel is a sum
of channels (``2**C = sum 2**C_k``).  Then it tries, in order:

* the uniform input, accepted when every input has the same divergence
  ``D(W(.|x) || q)`` from the output distribution ``q`` (the Kuhn-Tucker
  conditions); this covers symmetric, weakly symmetric and Gallager-symmetric
  channels, e.g. ``1 - h(p)`` for the binary symmetric channel;
* for a square nonsingular matrix, the inverse-matrix method: with
  ``c = -W**-1 H`` (``H`` the row entropies), ``C = log sum_y 2**c_y`` when
  the input it gives is a distribution.  Every binary-input channel with two
  distinguishable outputs ends here, e.g. the Z channel
  ``log2(1 + (1 - p) p**(p/(1 - p)))``;
* for numeric channels, the support and value of a numeric solution are used
  as a guess that is then checked exactly (rational optimal inputs, inputs
  left unused).

Symbolic channels have exact capacities only; when none of these applies,
:class:`~symentropy.errors.UndecidedError` is raised.

Certified numeric capacities
============================

Otherwise the capacity is enclosed numerically.  A few Blahut-Arimoto
iterations locate the inputs in use; Newton's method then solves the
Kuhn-Tucker equations ``D(W(.|x) || q) = C`` on that support, with the
precision doubled at each step up to the one requested (an active-set loop
adds or removes inputs as needed; plain Blahut-Arimoto is the fallback).
The result is certified with interval arithmetic (``mpmath.iv``) for a
rational input ``p``: the lower bound is ``I(p)`` and the upper bound is
``max_x D(W(.|x) || pW)``, which bounds the capacity from above for every
``p`` (the stopping bound of Blahut, 1972).
All mpmath work happens in private contexts; the global precision is never
changed.

Examples
========

>>> from sympy import Symbol
>>> from symentropy.models.channel import Channel, binary_symmetric_channel, z_channel
>>> from symentropy.measures.capacity import capacity, capacity_achieving_input
>>> p = Symbol("p")
>>> capacity(binary_symmetric_channel(p))
p*log(p)/log(2) + (1 - p)*log(1 - p)/log(2) + 1
>>> capacity(z_channel(p))
log(p**(p/(1 - p))*(1 - p) + 1)/log(2)
>>> capacity(z_channel("1/2")), capacity_achieving_input(z_channel("1/2"))
(-2 + log(5)/log(2), Distribution.from_dict({0: '3/5', 1: '2/5'}, name='X'))
>>> c = capacity(Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]]), digits=20)
>>> c
CapacityInterval(lower='0.196597131599219623190', upper='0.196597131599219623191', base=2)
>>> c.evalf(15)
0.196597131599220
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import sympy
from mpmath import libmp
from mpmath.ctx_iv import MPIntervalContext

from ..core.distribution import Distribution
from ..errors import InvalidBaseError, SymentropyError, UndecidedError
from ..kernel.exact import safe_sympify
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.simplify import tidy
from ..models.channel import Channel

__all__ = ["capacity", "capacity_achieving_input", "certified_capacity", "CapacityInterval"]

#: Default number of certified decimal digits of a numeric capacity.
DEFAULT_DIGITS = 30
#: Largest number of digits accepted (the work grows with the precision).
MAX_DIGITS = 2000


# =====================================================================================
# Rigorous interval evaluation (private mpmath.iv contexts)
# =====================================================================================


class _Unsupported(Exception):
    """An expression outside what :func:`_enclose` can evaluate rigorously."""


def _iv(prec: int) -> MPIntervalContext:
    """A private interval context at ``prec`` bits (no global state is touched)."""
    ctx = MPIntervalContext()
    ctx.prec = prec
    return ctx


def _iv_fraction(iv: MPIntervalContext, value: Fraction | int) -> Any:
    value = Fraction(value)
    if value.denominator == 1:
        return iv.mpf(value.numerator)
    return iv.mpf(value.numerator) / iv.mpf(value.denominator)


def _enclose(expr: Any, iv: MPIntervalContext) -> Any:
    """An interval containing the value of a real sympy expression (or Fraction/int).

    Handles rationals, ``E``, ``pi``, sums, products, powers (of positive
    bases), ``log`` and ``exp``: everything the capacity formulas produce.
    """
    if isinstance(expr, (int, Fraction)):
        return _iv_fraction(iv, expr)
    if expr.is_Rational:
        return _iv_fraction(iv, Fraction(int(expr.p), int(expr.q)))
    if expr is sympy.E:
        return iv.e
    if expr is sympy.pi:
        return iv.pi
    if expr.is_Add:
        total = iv.mpf(0)
        for a in expr.args:
            total = total + _enclose(a, iv)
        return total
    if expr.is_Mul:
        total = iv.mpf(1)
        for a in expr.args:
            total = total * _enclose(a, iv)
        return total
    if expr.is_Pow:
        base, exponent = expr.args
        b = _enclose(base, iv)
        if exponent.is_Integer:
            k = int(exponent)
            result = iv.mpf(1)
            for _ in range(abs(k)):
                result = result * b
            return result if k >= 0 else 1 / result
        return iv.exp(_enclose(exponent, iv) * iv.log(b))
    if isinstance(expr, sympy.log) and len(expr.args) == 1:
        return iv.log(_enclose(expr.args[0], iv))
    if isinstance(expr, sympy.exp):
        return iv.exp(_enclose(expr.args[0], iv))
    raise _Unsupported(str(expr))


def _enclose_logsum(value: LogSum, iv: MPIntervalContext) -> Any:
    """An interval containing a :class:`LogSum` (nats)."""
    total = iv.mpf(0)
    for arg, coefficient in value.terms.items():
        total = total + _enclose(coefficient, iv) * iv.log(_enclose(arg, iv))
    return total


def _endpoints(x: Any) -> tuple[Fraction | None, Fraction | None]:
    """The endpoints of an interval as exact fractions (``None`` for an infinite end)."""
    low, high = x._mpi_

    def convert(raw: tuple) -> Fraction | None:
        if raw in (libmp.finf, libmp.fninf, libmp.fnan):
            return None
        num, den = libmp.to_rational(raw)
        return Fraction(num, den)

    return convert(low), convert(high)


def _sign(evaluate: Callable[[MPIntervalContext], Any]) -> int | None:
    """The sign (+1 or -1) of a nonzero real, from enclosures at growing precision.

    Returns ``None`` when no enclosure excludes 0 (the value may be 0) or the
    expression cannot be enclosed.
    """
    for prec in (96, 256, 768, 2304):
        iv = _iv(prec)
        try:
            value = evaluate(iv)
        except (_Unsupported, ZeroDivisionError, ValueError):
            return None
        low, high = value._mpi_
        if libmp.mpf_gt(low, libmp.fzero):
            return 1
        if libmp.mpf_lt(high, libmp.fzero):
            return -1
    return None


# =====================================================================================
# Exact analysis
# =====================================================================================


@dataclass(frozen=True)
class _Exact:
    """An exact capacity (nats) and an input distribution attaining it."""

    nats: LogSum
    input: tuple[sympy.Expr, ...]


Rows = list[list[sympy.Expr]]


def _is_zero(w: sympy.Expr) -> bool:
    return bool(w.is_zero)


def _key(w: sympy.Expr) -> sympy.Expr:
    """A canonical form for deciding equality of entries."""
    return w if w.is_Rational else sympy.expand(w)


def _simplified(value: sympy.Expr) -> sympy.Expr:
    """A short form of a probability: a fraction whose denominator has no leading minus sign."""
    if value.is_Rational:
        return value
    if value.is_number or sympy.count_ops(value) > 40:
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
            if not _is_zero(rows[x][y]):
                parent[find(x)] = find(m + y)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(m):
        groups.setdefault(find(x), ([], []))[0].append(x)
    for y in range(n):
        groups.setdefault(find(m + y), ([], []))[1].append(y)
    return [g for g in groups.values() if g[0]]


def _divergences_exact(rows: Rows, q: Sequence[sympy.Expr]) -> list[LogSum] | None:
    """``D(W(.|x) || q)`` for every input, as LogSums; ``None`` if one is infinite."""
    logs = [LogSum.log_of(v) if not _is_zero(v) else None for v in q]
    result = []
    for row in rows:
        d = -LogSum.entropy_of(row)
        for w, lq in zip(row, logs, strict=True):
            if _is_zero(w):
                continue
            if lq is None:
                return None
            d = d - lq.scaled(w)
        result.append(d)
    return result


def _exact(rows: Rows, guided: bool) -> _Exact | None:
    """The exact capacity of a channel given by its rows, or ``None`` if none is found."""
    m = len(rows)
    keep = [j for j in range(len(rows[0])) if not all(_is_zero(r[j]) for r in rows)]
    if len(keep) < len(rows[0]):
        rows = [[r[j] for j in keep] for r in rows]
    n = len(rows[0])
    if m == 1:
        return _Exact(LogSum(), (sympy.Integer(1),))

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
        first.setdefault(tuple(_key(w) for w in r), x)
    if len(first) < m:
        chosen = sorted(first.values())
        sub = _exact([rows[x] for x in chosen], guided)
        if sub is None:
            return None
        full = [sympy.Integer(0)] * m
        for k, x in enumerate(chosen):
            full[x] = sub.input[k]
        return _Exact(sub.nats, tuple(full))

    # outputs with proportional columns: merge them
    classes: dict[tuple, list[int]] = {}
    for j in range(n):
        pivot = next(r[j] for r in rows if not _is_zero(r[j]))
        classes.setdefault(tuple(_key(_simplified(r[j] / pivot)) for r in rows), []).append(j)
    if len(classes) < n:
        merged = [[_simplified(sympy.Add(*(r[j] for j in cols))) for cols in classes.values()] for r in rows]
        return _exact(merged, guided)

    # an output with the same probability for every input is an erasure
    for j in range(n):
        if len({_key(r[j]) for r in rows}) == 1:
            alpha = rows[0][j]
            rest = 1 - alpha
            reduced = [[_simplified(r[k] / rest) for k in range(n) if k != j] for r in rows]
            sub = _exact(reduced, guided)
            if sub is None:
                return None
            return _Exact(sub.nats.scaled(rest), sub.input)

    found = _uniform_input(rows)
    if found is None and m == n:
        found = _inverse_matrix(rows)
    if found is None and guided and all(w.is_number for r in rows for w in r):
        found = _guided(rows)
    return found


def _sum_of_channels(parts: list[tuple[list[int], _Exact]], m: int) -> _Exact:
    """Combine the capacities of the blocks of a sum of channels: ``2**C = sum 2**C_k``."""
    weights = [_exp_of(sub.nats) for _, sub in parts]
    total = sympy.Add(*weights)
    full: list[sympy.Expr] = [sympy.Integer(0)] * m
    for (xs, sub), weight in zip(parts, weights, strict=True):
        for k, x in enumerate(xs):
            full[x] = _simplified(weight * sub.input[k] / total)
    return _Exact(LogSum.log_of(total), tuple(full))


def _uniform_input(rows: Rows) -> _Exact | None:
    """Accept the uniform input when all divergences from its output are equal."""
    m, n = len(rows), len(rows[0])
    if all(w.is_Rational for r in rows for w in r):
        # quick rejection in floating point before the exact check
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
    if all((d - divergences[0]).is_zero for d in divergences[1:]):
        return _Exact(divergences[0], tuple([sympy.Rational(1, m)] * m))
    return None


def _inverse_matrix(rows: Rows) -> _Exact | None:
    """The inverse-matrix method for a square channel whose optimal input uses every symbol."""
    m = len(rows)
    if all(w.is_Rational for r in rows for w in r):
        from sympy.polys.domains import QQ
        from sympy.polys.matrices import DomainMatrix

        dm = DomainMatrix([[QQ(int(w.p), int(w.q)) for w in r] for r in rows], (m, m), QQ)
        if dm.det() == 0:
            return None
        inv_dm = dm.inv()
        inverse = [[sympy.Rational(int(v.numerator), int(v.denominator)) for v in r]
                   for r in inv_dm.to_list()]
    else:
        matrix = sympy.Matrix(rows)
        if sympy.expand(matrix.det()) == 0:
            return None
        try:
            inverse_matrix = matrix.inv()
        except (ValueError, ZeroDivisionError):
            return None
        inverse = [[_simplified(inverse_matrix[i, j]) for j in range(m)] for i in range(m)]
    entropies = [LogSum.entropy_of(r) for r in rows]
    exponents = []
    for y in range(m):
        c = LogSum()
        for x in range(m):
            if not _is_zero(inverse[y][x]):
                c = c - entropies[x].scaled(inverse[y][x])
        exponents.append(c)
    if all(w.is_number for r in rows for w in r):
        if not _all_positive(exponents, inverse):
            return None  # negative, or too close to 0 to decide: not this method
    elif m != 2:
        # a binary-input channel with two distinct rows has its optimum inside
        # (0, 1); for larger symbolic channels positivity cannot be decided
        return None
    weights = [_exp_of(c) for c in exponents]
    unnormalised = [sympy.Add(*(weights[y] * inverse[y][x] for y in range(m))) for x in range(m)]
    total = sympy.Add(*weights)
    probabilities = tuple(_simplified(u / total) for u in unnormalised)
    return _Exact(LogSum.log_of(total), probabilities)


def _all_positive(exponents: list[LogSum], inverse: list[list[sympy.Expr]]) -> bool:
    """Decide that every ``sum_y exp(c_y) inverse[y][x]`` is positive (False if not, or undecided)."""
    m = len(exponents)
    try:  # a quick rejection in floating point
        weights = [math.exp(sum(float(c) * math.log(float(a)) for a, c in e.terms.items()))
                   for e in exponents]
        values = [sum(weights[y] * float(inverse[y][x]) for y in range(m)) for x in range(m)]
        if min(values) < -1e-9 * max(abs(v) for v in values):
            return False
    except (OverflowError, ValueError, TypeError):
        pass
    undecided = set(range(m))
    for prec in (96, 256, 768, 2304):
        iv = _iv(prec)
        try:
            enclosed = [iv.exp(_enclose_logsum(e, iv)) for e in exponents]
            for x in sorted(undecided):
                total = iv.mpf(0)
                for y in range(m):
                    if not _is_zero(inverse[y][x]):
                        total = total + enclosed[y] * _enclose(inverse[y][x], iv)
                low, high = total._mpi_
                if libmp.mpf_lt(high, libmp.fzero):
                    return False
                if libmp.mpf_gt(low, libmp.fzero):
                    undecided.discard(x)
        except (_Unsupported, ZeroDivisionError, ValueError):
            return False
        if not undecided:
            return True
    return False


def _guided(rows: Rows) -> _Exact | None:
    """Use a numeric solution as a guess for an exact one, then check it exactly."""
    try:
        solution = _Numeric(rows).solve(Fraction(1, 10**40))
    except SymentropyError:
        return None
    p = solution.input
    m = len(rows)
    if all(w.is_Rational for r in rows for w in r):
        guess = [Fraction(v).limit_denominator(10**9) for v in p]
        if sum(guess) == 1 and all(abs(g - v) < Fraction(1, 10**30) for g, v in zip(guess, p, strict=True)):
            found = _check_rational_input(rows, guess)
            if found is not None:
                return found
    support = [x for x in range(m) if p[x] > Fraction(1, 10**30)]
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
    return _Exact(sub.nats, tuple(full))


def _not_above(row: Sequence[sympy.Expr], q: Sequence[sympy.Expr], bound: LogSum) -> bool:
    """Decide ``D(row || q) <= bound`` exactly or by a rigorous enclosure."""
    if any(not _is_zero(w) and _is_zero(v) for w, v in zip(row, q, strict=True)):
        return False
    if all(v.is_Rational for v in q) and all(w.is_Rational for w in row):
        d = _divergences_exact([list(row)], q)
        assert d is not None
        difference = d[0] - bound
        if difference.is_zero:
            return True
        return _sign(lambda iv: _enclose_logsum(difference, iv)) == -1

    def evaluate(iv: MPIntervalContext) -> Any:
        total = -_enclose_logsum(bound, iv)
        for w, v in zip(row, q, strict=True):
            if not _is_zero(w):
                ww = _enclose(w, iv)
                total = total + ww * (iv.log(ww) - iv.log(_enclose(v, iv)))
        return total

    return _sign(evaluate) == -1


def _check_rational_input(rows: Rows, p: Sequence[Fraction]) -> _Exact | None:
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
        difference = d - value
        if difference.is_zero:
            continue
        if pi or _sign(lambda iv, difference=difference: _enclose_logsum(difference, iv)) != -1:
            return None
    return _Exact(value, tuple(probabilities))


def _exact_for(channel: Channel) -> _Exact | None:
    """The exact capacity of ``channel`` (cached on it), or ``None``."""
    key = "capacity:exact"
    if key in channel._cache:
        return channel._cache[key]
    found: _Exact | None
    structure = channel._structure
    if structure is not None and structure[0] == "product":
        parts = [_exact_for(c) for c in structure[1]]
        if all(parts):
            nats = LogSum()
            for part in parts:
                nats = nats + part.nats  # type: ignore[union-attr]
            inputs = tuple(
                _simplified(sympy.Mul(*combo))
                for combo in itertools.product(*(part.input for part in parts))  # type: ignore[union-attr]
            )
            found = _Exact(nats, inputs)
        else:
            found = None
    else:
        found = _exact([list(r) for r in channel.rows], guided=not channel.is_symbolic)
    channel._cache[key] = found
    return found


# =====================================================================================
# Certified numerics
# =====================================================================================


@dataclass(frozen=True)
class _Solution:
    """A rational input and a certified enclosure ``lower <= C <= upper`` in nats."""

    input: tuple[Fraction, ...]
    lower: Fraction
    upper: Fraction


def _fraction_of(x: Any) -> Fraction:
    num, den = libmp.to_rational(x._mpf_)
    return Fraction(num, den)


class _Numeric:
    """Blahut-Arimoto, active-set Newton and interval certification for one channel matrix.

    Written against private mpmath contexts: ``self.ctx`` is a clone of
    ``mpmath.mp`` whose precision this object alone changes.
    """

    def __init__(self, rows: Sequence[Sequence[sympy.Expr]]):
        self.rows = [list(r) for r in rows]
        self.m = len(self.rows)
        self.n = len(self.rows[0])
        for r in self.rows:
            for w in r:
                if not w.is_number:
                    raise UndecidedError(f"a numeric capacity needs numbers; the entry {w} has symbols")
        self.sparse = [[(j, w) for j, w in enumerate(r) if not _is_zero(w)] for r in self.rows]
        self.ctx = mpmath.mp.clone()
        self._values: dict[int, list[list[tuple[int, Any, Any]]]] = {}
        # identical rows: only the first of each is used by the solver
        first: dict[tuple, int] = {}
        for x, r in enumerate(self.rows):
            first.setdefault(tuple(_key(w) for w in r), x)
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
    def certify(self, p: Sequence[Fraction], prec: int) -> tuple[Fraction | None, Fraction | None]:
        """Interval bounds ``(I(p), max_x D(W(.|x) || pW))`` in nats for a rational input."""
        iv = _iv(prec)
        n = self.n
        if all(w.is_Rational for r in self.rows for w in r):
            q_exact = [Fraction(0)] * n
            for px, row in zip(p, self.sparse, strict=True):
                if px:
                    for j, w in row:
                        q_exact[j] += px * Fraction(int(w.p), int(w.q))
            q = [_iv_fraction(iv, v) if v else None for v in q_exact]
        else:
            q_iv: list[Any] = [iv.mpf(0)] * n
            nonzero = [False] * n
            for px, row in zip(p, self.sparse, strict=True):
                if px:
                    for j, w in row:
                        q_iv[j] = q_iv[j] + _iv_fraction(iv, px) * _enclose(w, iv)
                        nonzero[j] = True
            q = [v if nz else None for v, nz in zip(q_iv, nonzero, strict=True)]
        lq = [iv.log(v) if v is not None else None for v in q]
        info = iv.mpf(0)
        upper: Fraction | None = Fraction(-1)
        for px, row in zip(p, self.sparse, strict=True):
            d = iv.mpf(0)
            infinite = False
            for j, w in row:
                if lq[j] is None:
                    infinite = True
                    break
                ww = _enclose(w, iv)
                d = d + ww * (iv.log(ww) - lq[j])
            if infinite:
                upper = None
                continue
            if px:
                info = info + _iv_fraction(iv, px) * d
            high = _endpoints(d)[1]
            if upper is not None and (high is None or high > upper):
                upper = high
        return _endpoints(info)[0], upper

    def rational(self, p: Sequence[Any], places: int) -> tuple[Fraction, ...]:
        """Round an input vector to ``places`` decimals, keeping it a distribution exactly."""
        scale = 10**places
        clipped = [max(_fraction_of(v), Fraction(0)) if v else Fraction(0) for v in p]
        total = sum(clipped)
        if total == 0:
            raise SymentropyError("the numeric solution has no positive input probability")
        ints = [int(round(v / total * scale)) for v in clipped]
        heaviest = max(range(self.m), key=lambda x: ints[x])
        ints[heaviest] += scale - sum(ints)
        if ints[heaviest] < 0:  # pragma: no cover - rounding cannot move this much
            raise SymentropyError("rounding the numeric solution failed")
        return tuple(Fraction(v, scale) for v in ints)

    # -- driver -----------------------------------------------------------------------
    def solve(self, tolerance: Fraction, *, max_iterations: int = 200_000) -> _Solution:
        """A rational input whose certified bounds are at most ``tolerance`` nats apart."""
        ctx = self.ctx
        decimals = max(1, math.ceil(-math.log10(tolerance)))
        target = int((decimals + 20) * 3.33) + 8 * (self.m * self.n).bit_length()
        places = decimals + 12
        if len(self.distinct) == 1:
            p = tuple(Fraction(1) if x == 0 else Fraction(0) for x in range(self.m))
            lower, upper = self.certify(p, target)
            assert lower is not None and upper is not None
            return _Solution(p, lower, upper)

        ctx.prec = 64
        p = [ctx.mpf(v) for v in self._warm_start()]
        d, info, upper = self.divergences(p, self.distinct)
        found = self.active_set(p, d, info, upper)
        if found is not None:
            support, q, c = found
            polished = self._polish(support, q, c, target)
            if polished is not None:
                solution = self._certified(polished, places, target, tolerance)
                if solution is not None:
                    return solution
        return self._fallback(p, target, places, tolerance, max_iterations)

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
            if top - info < 1e-7 or not math.isfinite(top):
                break
            new = [p[x] * math.exp(d[x] - top) if p[x] else 0.0 for x in range(m)]
            total = sum(new)
            p = [v / total for v in new]
        return p

    def _polish(self, support: list[int], p: list[Any], c: Any, target: int) -> list[Any] | None:
        """Newton steps at doubling precision up to ``target`` bits."""
        ctx = self.ctx
        prec = ctx.prec
        while True:
            prec = min(2 * prec, target)
            ctx.prec = prec
            p = [+v for v in p]
            solved = self.newton(support, p, +c, steps=8, tolerance=ctx.mpf(2) ** (-(prec // 2) - 8))
            if solved is None:
                return None
            p, c = solved
            if prec >= target:
                return p

    def _certified(self, p: Sequence[Any], places: int, target: int, tolerance: Fraction) -> _Solution | None:
        for extra in (0, 20):
            rational = self.rational(p, places + extra)
            lower, upper = self.certify(rational, target)
            if lower is not None and upper is not None and upper - lower <= tolerance:
                return _Solution(rational, lower, upper)
        return None

    def _fallback(self, p: list[Any], target: int, places: int, tolerance: Fraction,
                  max_iterations: int) -> _Solution:
        """Plain Blahut-Arimoto at full precision, retrying Newton from time to time."""
        ctx = self.ctx
        ctx.prec = target
        mix = ctx.mpf(10) ** -6
        p = [(1 - mix) * +v + mix / len(self.distinct) if x in self.distinct else ctx.zero
             for x, v in enumerate(p)]
        goal = ctx.mpf(tolerance.numerator) / tolerance.denominator / 4
        d, info, upper = self.divergences(p, self.distinct)
        for iteration in range(1, max_iterations + 1):
            if upper - info < goal:
                solution = self._certified(p, places, target, tolerance)
                if solution is not None:
                    return solution
            if iteration % 500 == 0:
                ctx.prec = 64
                low = [+v for v in p]
                d_low, info_low, upper_low = self.divergences(low, self.distinct)
                found = self.active_set(low, d_low, info_low, upper_low)
                if found is not None:
                    polished = self._polish(found[0], found[1], found[2], target)
                    if polished is not None:
                        solution = self._certified(polished, places, target, tolerance)
                        if solution is not None:
                            return solution
                ctx.prec = target
            p = self.blahut_arimoto_step(p, d, upper)
            d, info, upper = self.divergences(p, self.distinct)
        raise SymentropyError(
            f"the capacity could not be certified to within {float(tolerance):.1e} nats after "
            f"{max_iterations} iterations (best bounds {float(info)} <= C <= {float(upper)})"
        )


def _numeric_for(channel: Channel, tolerance: Fraction) -> _Solution:
    """A certified numeric solution for ``channel`` (cached on it)."""
    key = ("capacity:numeric", tolerance)
    if key in channel._cache:
        return channel._cache[key]
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"a numeric capacity needs a channel of numbers; this one has the symbols {names}: "
            "substitute values with channel.subs(...)"
        )
    numeric = _Numeric([list(r) for r in channel.rows])
    solution: _Solution | None = None
    structure = channel._structure
    if structure is not None and structure[0] == "product":
        parts = structure[1]
        inputs = [_numeric_for(c, tolerance / (4 * len(parts))).input for c in parts]
        combined = tuple(math.prod(combo, start=Fraction(1)) for combo in itertools.product(*inputs))
        decimals = max(1, math.ceil(-math.log10(tolerance)))
        target = int((decimals + 20) * 3.33) + 8 * (numeric.m * numeric.n).bit_length()
        lower, upper = numeric.certify(combined, target)
        if lower is not None and upper is not None and upper - lower <= tolerance:
            solution = _Solution(combined, lower, upper)
    if solution is None:
        solution = numeric.solve(tolerance)
    channel._cache[key] = solution
    return solution


# =====================================================================================
# Public interface
# =====================================================================================


def _decimal(value: sympy.Rational, places: int) -> str:
    """The exact decimal expansion of a rational whose denominator divides ``10**places``."""
    scaled = value * 10**places
    assert scaled.is_Integer
    digits = str(abs(int(scaled))).rjust(places + 1, "0")
    sign = "-" if scaled < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


class CapacityInterval:
    """A certified enclosure ``lower <= C <= upper`` of a channel capacity.

    Explanation
    ===========

    Returned by :func:`capacity` when no closed form is known, and always by
    :func:`certified_capacity`.  ``lower`` and ``upper`` are exact rationals
    (decimals) with ``upper - lower <= 10**-digits``, in logarithms to
    ``base``.  The lower end is at most ``I(p)`` for the rational input
    distribution :attr:`input`; the upper end is at least
    ``max_x D(W(.|x) || q)`` for its output ``q``, which is never below the
    capacity.  Both were evaluated in interval arithmetic, so the bracket is a
    proof.

    Examples
    ========

    >>> from symentropy.models.channel import Channel
    >>> from symentropy.measures.capacity import certified_capacity
    >>> c = certified_capacity(Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]]), digits=10)
    >>> c
    CapacityInterval(lower='0.19659713159', upper='0.19659713160', base=2)
    >>> c.lower, c.evalf(8), c.width <= c.tolerance
    (19659713159/100000000000, 0.19659713, True)
    >>> c.evalf(12)
    Traceback (most recent call last):
    ...
    ValueError: only 10 digits are certified; ask for more with digits=12
    """

    __slots__ = ("_lower", "_upper", "_base", "_digits", "_input", "_places")

    def __init__(self, lower: sympy.Rational, upper: sympy.Rational, *, base: sympy.Expr, digits: int,
                 input: Distribution, places: int):
        self._lower = lower
        self._upper = upper
        self._base = base
        self._digits = digits
        self._input = input
        self._places = places

    @property
    def lower(self) -> sympy.Rational:
        """A certified lower bound on the capacity."""
        return self._lower

    @property
    def upper(self) -> sympy.Rational:
        """A certified upper bound on the capacity."""
        return self._upper

    @property
    def base(self) -> sympy.Expr:
        """The base of the logarithms (2: bits)."""
        return self._base

    @property
    def digits(self) -> int:
        """The number of certified decimal places: ``upper - lower <= 10**-digits``."""
        return self._digits

    @property
    def tolerance(self) -> sympy.Rational:
        """``10**-digits``."""
        return sympy.Rational(1, 10**self._digits)

    @property
    def width(self) -> sympy.Rational:
        """``upper - lower``."""
        return self._upper - self._lower

    @property
    def midpoint(self) -> sympy.Rational:
        """``(lower + upper)/2``, within ``10**-digits/2`` of the capacity."""
        return (self._lower + self._upper) / 2

    @property
    def input(self) -> Distribution:
        """The rational input distribution whose information is the lower bound."""
        return self._input

    def evalf(self, n: int = 15) -> sympy.Float:
        """The capacity to ``n`` significant digits (at most :attr:`digits`)."""
        if n > self._digits:
            raise ValueError(f"only {self._digits} digits are certified; ask for more with digits={n}")
        return sympy.Float(self.midpoint, n)

    n = evalf

    def __float__(self) -> float:
        return float(self.midpoint)

    def __contains__(self, value: Any) -> bool:
        """Decide ``lower <= value <= upper`` rigorously for a real sympy number."""
        value = safe_sympify(value)
        if value.is_Rational:
            return bool(self._lower <= value <= self._upper)
        below = _sign(lambda iv: _enclose(value - self._lower, iv))
        above = _sign(lambda iv: _enclose(self._upper - value, iv))
        if below is None or above is None:
            raise UndecidedError(f"cannot decide whether {value} lies in [{self._lower}, {self._upper}]")
        return below > 0 and above > 0

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CapacityInterval):
            return NotImplemented
        return (self._lower, self._upper, self._base) == (other._lower, other._upper, other._base)

    def __hash__(self) -> int:
        return hash(("CapacityInterval", self._lower, self._upper, self._base))

    def __repr__(self) -> str:
        lower = _decimal(self._lower, self._places)
        upper = _decimal(self._upper, self._places)
        return f"CapacityInterval(lower='{lower}', upper='{upper}', base={self._base})"

    def __str__(self) -> str:
        lower = _decimal(self._lower, self._places)
        upper = _decimal(self._upper, self._places)
        return f"[{lower}, {upper}]"

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        lower = _decimal(self._lower, self._places)
        upper = _decimal(self._upper, self._places)
        return rf"\left[{lower}, {upper}\right]"


def _check_channel(channel: Any) -> Channel:
    if not isinstance(channel, Channel):
        raise TypeError(f"expected a Channel, got {type(channel).__name__}")
    return channel


def _check_digits(digits: Any) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= MAX_DIGITS:
        raise ValueError(f"digits must be an integer from 1 to {MAX_DIGITS}, got {digits!r}")
    return digits


def _input_distribution(
    channel: Channel, probabilities: Sequence[Any], name: str, trusted: bool
) -> Distribution:
    values = [sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
              for v in probabilities]
    if trusted:
        return Distribution.from_validated((name,), [(x,) for x in channel.inputs], values, channel.conditions)
    return Distribution.from_pmf(values, name=name, outcomes=channel.inputs)


def _interval(channel: Channel, digits: int, base: sympy.Expr) -> CapacityInterval:
    if not base.is_number:
        raise InvalidBaseError(f"a numeric capacity needs a numeric logarithm base, got {base}")
    prec = int(digits * 3.33) + 64
    log_base = _enclose(sympy.log(base), _iv(prec))
    low_log, high_log = _endpoints(log_base)
    assert low_log is not None and high_log is not None
    smallest = min(abs(low_log), abs(high_log))
    tolerance = Fraction(1, 10**digits) * smallest / 2
    solution = _numeric_for(channel, tolerance)
    iv = _iv(prec + 64)
    lower_nats = _iv_fraction(iv, solution.lower)
    upper_nats = _iv_fraction(iv, solution.upper)
    log_base = _enclose(sympy.log(base), iv)
    ends = [_endpoints(v / log_base) for v in (lower_nats, upper_nats)]
    candidates = [e for pair in ends for e in pair]
    assert all(e is not None for e in candidates)
    places = digits + 1
    scale = 10**places
    low = math.floor(min(candidates) * scale)  # type: ignore[type-var,operator]
    high = math.ceil(max(candidates) * scale)  # type: ignore[type-var,operator]
    distribution = _input_distribution(channel, solution.input, "X", trusted=False)
    return CapacityInterval(sympy.Rational(low, scale), sympy.Rational(high, scale), base=base,
                            digits=digits, input=distribution, places=places)


def capacity(
    channel: Channel, *, base: Base = 2, digits: int = DEFAULT_DIGITS
) -> sympy.Expr | CapacityInterval:
    """Return the capacity ``C = max_p I(X; Y)`` of a channel: exact when a closed form is found.

    Explanation
    ===========

    The result is an exact sympy expression when one of the closed forms
    described in :mod:`symentropy.measures.capacity` applies: symmetric and weakly
    symmetric channels (``log |Y| - H(row)``), erasures, binary-input and
    other square channels (the inverse-matrix method), sums and products of
    channels, and numeric channels whose optimal input is rational or uses a
    subset of the inputs on which one of these applies.  Symbolic entries give
    symbolic capacities, valid for the parameter values where the channel is
    valid (see :attr:`~symentropy.models.channel.Channel.conditions`) and keeps its
    shape (no rows becoming equal).

    Otherwise, for a channel of numbers, the result is a
    :class:`CapacityInterval` with certified bounds at most ``10**-digits``
    apart.  Use ``isinstance(c, CapacityInterval)`` to tell the two apart, or
    :func:`certified_capacity` to always get an interval.

    Examples
    ========

    >>> from sympy import Symbol, E
    >>> from symentropy.models.channel import (binary_erasure_channel, q_ary_symmetric_channel,
    ...     noisy_typewriter, channel_sum, binary_symmetric_channel, Channel)
    >>> from symentropy.measures.capacity import capacity
    >>> capacity(binary_erasure_channel(Symbol("alpha")))
    1 - alpha
    >>> capacity(noisy_typewriter(26))
    log(13)/log(2)
    >>> capacity(q_ary_symmetric_channel(3, "1/2"), base=E)
    -3*log(2)/2 + log(3)
    >>> capacity(channel_sum(Channel([[1, 0], [0, 1]]), Channel([[1]])))
    log(3)/log(2)

    Parameters
    ==========

    channel : Channel
    base : 2, sympy.E, 10, a positive rational or a Symbol
        Base of the logarithm; a numeric capacity needs a numeric base.
    digits : int
        Certified decimal places of a numeric capacity.

    Raises
    ======

    UndecidedError
        For a symbolic channel whose capacity has none of the closed forms.

    See Also
    ========

    capacity_achieving_input, certified_capacity, CapacityInterval

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, sections 7.1-7.3 and Theorem 7.2.1.
    R. G. Gallager, *Information Theory and Reliable Communication*, Wiley,
    1968, Theorem 4.5.1 (Kuhn-Tucker conditions) and section 4.5.
    S. Muroga, "On the capacity of a discrete channel", J. Phys. Soc. Japan
    8 (1953) (the inverse-matrix method).
    """
    channel = _check_channel(channel)
    b = as_base(base)
    digits = _check_digits(digits)
    found = _exact_for(channel)
    if found is not None:
        return found.nats.to_expr(b)
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"no closed form for the capacity of this channel with symbols {names} was found; "
            "substitute values with channel.subs(...) for a certified numeric capacity"
        )
    return _interval(channel, digits, b)


def capacity_achieving_input(
    channel: Channel, *, digits: int = DEFAULT_DIGITS, name: str = "X"
) -> Distribution:
    """Return an input distribution that achieves the capacity of ``channel``.

    Explanation
    ===========

    Exact when :func:`capacity` finds a closed form (the optimal input need
    not be unique; one is returned).  Otherwise the rational input of the
    certified enclosure: its mutual information is within ``10**-digits``
    (bits) of the capacity.

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.channel import Channel, z_channel
    >>> from symentropy.measures.capacity import capacity_achieving_input
    >>> capacity_achieving_input(Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]]))
    Distribution.from_dict({0: '1/2', 1: '0', 2: '1/2'}, name='X')
    >>> capacity_achieving_input(z_channel(Symbol("p")))[1]
    1/(-p + p**(p/(p - 1)) + 1)

    See Also
    ========

    capacity, certified_capacity
    """
    channel = _check_channel(channel)
    digits = _check_digits(digits)
    found = _exact_for(channel)
    if found is not None:
        return _input_distribution(channel, found.input, name, trusted=True)
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"no closed form for the optimal input of this channel with symbols {names} was found; "
            "substitute values with channel.subs(...)"
        )
    interval = _interval(channel, digits, sympy.Integer(2))
    return interval.input.rename(X=name) if name != "X" else interval.input


def certified_capacity(channel: Channel, *, digits: int = DEFAULT_DIGITS, base: Base = 2) -> CapacityInterval:
    """Return certified bounds ``lower <= C <= upper`` with ``upper - lower <= 10**-digits``.

    Explanation
    ===========

    Runs the numeric method of :mod:`symentropy.measures.capacity` even when a closed
    form exists (useful to check one).  The channel's entries must be
    numbers; rational entries give a fully rigorous certificate, other exact
    numbers (such as ``sqrt(2)/2``) are enclosed by interval arithmetic too.

    Examples
    ========

    >>> from symentropy.models.channel import z_channel
    >>> from symentropy.measures.capacity import certified_capacity
    >>> c = certified_capacity(z_channel("1/2"), digits=25)
    >>> c
    CapacityInterval(lower='0.32192809488736234787031942', upper='0.32192809488736234787031944', base=2)
    >>> from sympy import log
    >>> log(5, 2) - 2 in c
    True

    Parameters
    ==========

    channel : Channel
        A channel with numeric entries.
    digits : int
        Decimal places certified.
    base : a numeric logarithm base

    See Also
    ========

    capacity, CapacityInterval

    References
    ==========

    R. E. Blahut, "Computation of channel capacity and rate-distortion
    functions", IEEE Trans. Inf. Theory 18(4), 1972 (the iteration and the
    bound ``C <= max_x D(W(.|x) || q)``).
    S. Arimoto, "An algorithm for computing the capacity of arbitrary
    discrete memoryless channels", IEEE Trans. Inf. Theory 18(1), 1972.
    """
    channel = _check_channel(channel)
    b = as_base(base)
    digits = _check_digits(digits)
    return _interval(channel, digits, b)
