"""The maximum of a function of one variable on the real part of its domain.

:func:`maximize_1d` finds the candidates (stationary points inside each
interval of the feasible set, and its ends, where the value is a one-sided
limit, so ``0 log 0 = 0``), compares them exactly, and certifies the answer:
``CONCAVE`` when ``f`` is provably concave (structurally, or ``f'' <= 0``)
and a stationary point is inside, ``CANDIDATES`` when every candidate was
found and compared.  Otherwise it searches numerically: sign changes of
``f'`` on a grid, refined by ``findroot`` in a private mpmath context.

Examples
========

>>> from sympy import Symbol, log, sin
>>> from symentropy.calculus.optimize.univariate import maximize_1d
>>> p = Symbol("p")
>>> h = -p*log(p) - (1 - p)*log(1 - p)
>>> maximize_1d(h, p, [(p, False), (1 - p, False)], 15, 1)
(Candidate(point={p: 1/2}, value=log(2), attained=True), True, <Certificate.CONCAVE: 'concave on the domain'>)
>>> candidate, exact, certificate = maximize_1d(sin(3*p) - p, p, [(p, False), (1 - p, False)], 10, 1)
>>> candidate.point, exact
({p: 0.4103198058}, False)
"""

from __future__ import annotations

import itertools
from typing import Any

import sympy

from ...errors import OptimizationError, UndecidedError
from ...kernel.exact import safe_sympify
from ...kernel.numeric import working_context
from .approximate import compile_for, to_context, to_float
from .candidates import Candidate, best, interior_value
from .curvature import curvature
from .equations import solve_stationary
from .results import Certificate, concavity_certificate
from .signs import order, sign_of

__all__ = ["maximize_1d", "limit_value"]


def limit_value(f: sympy.Expr, x: sympy.Symbol, at: sympy.Expr, direction: str) -> sympy.Expr:
    """``f`` at an end ``at`` of an interval, as a limit from inside (``direction`` ``"+"`` or ``"-"``).

    Terms defined at ``at`` are substituted; the others (``p*log(p)`` at
    ``p = 0``) are limits, so ``0 log 0 = 0``.

    >>> from sympy import Symbol, log, oo
    >>> from symentropy.calculus.optimize.univariate import limit_value
    >>> p = Symbol("p")
    >>> limit_value(-p*log(p) + p, p, 0, "+"), limit_value(log(p), p, oo, "-")
    (0, oo)
    """
    f, at = safe_sympify(f), safe_sympify(at)
    if at.is_infinite:
        return sympy.limit(f, x, at)
    parts = []
    for term in sympy.Add.make_args(f):
        value = term.subs(x, at)
        if value.has(sympy.nan, sympy.zoo) or value.is_infinite or value.is_extended_real is False:
            value = sympy.limit(term, x, at, direction)
        parts.append(value)
    total = sympy.Add(*parts)
    if total.has(sympy.nan, sympy.zoo) or total.is_extended_real is False:
        total = sympy.limit(f, x, at, direction)
    return total


def _feasible_set(x: sympy.Symbol, inequalities: list, logs_args: list) -> sympy.Set:
    """Where ``g >= 0`` (or ``> 0``) for every inequality, and every logarithm has a nonnegative argument."""
    feasible: sympy.Set = sympy.S.Reals
    for g, strict in inequalities:
        if not g.has(x):
            s = sign_of(g)
            if s == -1 or (strict and s == 0):
                raise OptimizationError(
                    f"the constraints leave no point: {g} {'>' if strict else '>='} 0 fails"
                )
            if s is None:
                raise UndecidedError(f"cannot decide whether {g} {'>' if strict else '>='} 0")
            continue
        rel = sympy.StrictGreaterThan(g, 0) if strict else sympy.GreaterThan(g, 0)
        feasible = feasible.intersect(sympy.solveset(rel, x, sympy.S.Reals))
    for u in logs_args:
        feasible = feasible.intersect(sympy.solveset(sympy.GreaterThan(u, 0), x, sympy.S.Reals))
    return feasible


def _components(feasible: sympy.Set, x: sympy.Symbol) -> list[sympy.Set]:
    """The intervals and isolated points of a feasible set."""
    if feasible.is_empty:
        return []
    if isinstance(feasible, (sympy.Interval, sympy.FiniteSet)):
        parts = [feasible]
    elif isinstance(feasible, sympy.Union):
        parts = list(feasible.args)
    else:
        raise NotImplementedError(f"cannot describe the domain of {x}: {feasible}")
    out: list[sympy.Set] = []
    for part in parts:
        if isinstance(part, sympy.FiniteSet):
            out.extend(sympy.FiniteSet(v) for v in part)
        elif isinstance(part, sympy.Interval):
            out.append(part)
        else:
            raise NotImplementedError(f"cannot describe the domain of {x}: {feasible}")
    return out


def _second_derivative_sign(f: sympy.Expr, x: sympy.Symbol, part: sympy.Interval) -> int | None:
    """``-1`` if ``f'' <= 0`` on the interior of ``part`` (provably), ``1`` if ``>= 0``."""
    t = sympy.Dummy("t", positive=True)
    lo, hi = part.start, part.end
    if lo.is_finite and hi.is_finite:
        inner = lo + (hi - lo) * t / (1 + t)
    elif lo.is_finite:
        inner = lo + t
    elif hi.is_finite:
        inner = hi - t
    else:
        inner = sympy.Dummy("s", real=True)
    second = sympy.diff(f, x, 2).subs(x, inner)
    for form in (lambda e: e, sympy.together, sympy.factor, sympy.simplify):
        try:
            e = form(second)
        except (sympy.PolynomialError, NotImplementedError):
            continue
        if e.is_nonpositive:
            return -1
        if e.is_nonnegative:
            return 1
    return None


def maximize_1d(f: sympy.Expr, x: sympy.Symbol, inequalities: list, digits: int, sense: int) -> tuple:
    """Maximise ``f`` over ``x`` subject to ``g >= 0`` (or ``g > 0``) for each ``(g, strict)``.

    Returns ``(candidate, exact, certificate)``; ``sense`` (1 or -1) only
    chooses between the ``CONCAVE`` and ``CONVEX`` certificates (the caller
    passes ``sense * f``).  ``x`` should carry no assumptions: the
    inequalities say where it ranges.
    """
    log_args = [lg.args[0] for lg in f.atoms(sympy.log) if lg.has(x)]
    feasible = _feasible_set(x, inequalities, log_args)
    parts = _components(feasible, x)
    if not parts:
        raise OptimizationError(f"the domain of {x} is empty once the constraints are applied")
    df = sympy.diff(f, x)
    concave_shape = curvature(f, [x]) in ("concave", "affine")
    sols, complete = solve_stationary([df], [x])
    candidates: list[Candidate] = []
    intervals = [part for part in parts if isinstance(part, sympy.Interval)]
    concave = (
        bool(intervals)
        and len(parts) == 1
        and (concave_shape or _second_derivative_sign(f, x, parts[0]) == -1)
    )
    for part in parts:
        if isinstance(part, sympy.FiniteSet):
            (v,) = part.args
            candidates.append(Candidate({x: v}, interior_value(f, {x: v})))
            continue
        lo, hi = part.start, part.end
        interior = []
        for s in sols:
            r = s[x]
            inside = (order(r, lo), order(hi, r))
            if inside == (1, 1):
                interior.append(r)
            elif None in inside:
                if r.free_symbols - {x}:
                    raise UndecidedError(f"cannot decide whether the stationary point {x} = {r} is in {part}")
                complete = False
        if concave and interior:
            r = interior[0]
            return Candidate({x: r}, interior_value(f, {x: r})), True, concavity_certificate(sense)
        ends = [
            (lo, "+", not part.left_open and lo.is_finite),
            (hi, "-", not part.right_open and hi.is_finite),
        ]
        if concave and not complete:
            # f' is nonincreasing: f' <= 0 at the left end, or >= 0 at the right end, settles it
            for end, direction, _attained in ends:
                slope = limit_value(df, x, end, direction)
                if sign_of(slope) in ((0, -1) if direction == "+" else (0, 1)):
                    complete = True
        for end, direction, attained in ends:
            candidates.append(Candidate({x: end}, limit_value(f, x, end, direction), attained))
        for r in interior:
            candidates.append(Candidate({x: r}, interior_value(f, {x: r})))
    top, decided = best(candidates)
    if complete and decided:
        return top, True, concavity_certificate(sense) if concave else Certificate.CANDIDATES
    if f.free_symbols - {x}:
        raise UndecidedError(
            f"cannot decide the optimum: it depends on {', '.join(sorted(map(str, f.free_symbols - {x})))}"
        )
    top, _, certificate = _numeric_1d(f, x, intervals, candidates, digits)
    return top, False, concavity_certificate(sense) if concave else certificate


def _numeric_1d(
    f: sympy.Expr, x: sympy.Symbol, intervals: list, exact: list[Candidate], digits: int
) -> tuple:
    """Numeric maximisation in one variable: sign changes of ``f'`` on a grid, refined by ``findroot``."""
    df = sympy.diff(f, x)
    ctx = working_context(digits)
    fn, dfn = compile_for(f, [x], ctx), compile_for(df, [x], ctx)
    found: list[tuple[Any, Any, bool]] = []
    for c in exact:
        at = to_context(c.point[x], ctx) if c.point[x].is_finite else None
        found.append((at, to_context(c.value, ctx), c.attained))
    for part in intervals:
        lo, hi = part.start, part.end
        if lo.is_finite and hi.is_finite:
            a, b = to_context(lo, ctx), to_context(hi, ctx)

            def to_x(t, a=a, b=b):
                return a + (b - a) * t

        elif lo.is_finite:
            a = to_context(lo, ctx)

            def to_x(t, a=a):
                return a + t / (1 - t)

        elif hi.is_finite:
            b = to_context(hi, ctx)

            def to_x(t, b=b):
                return b - (1 - t) / t

        else:

            def to_x(t):
                return ctx.tan(ctx.pi * (t - ctx.mpf(1) / 2))

        n = 200
        grid = [to_x(ctx.mpf(i) / n) for i in range(1, n)]
        slopes = []
        for g in grid:
            try:
                slopes.append(ctx.re(dfn(g)))
            except (ValueError, ZeroDivisionError, TypeError):
                slopes.append(None)
        for (g0, s0), (g1, s1) in itertools.pairwise(zip(grid, slopes, strict=True)):
            if s0 is None or s1 is None or s0 == 0 or (s0 > 0) == (s1 > 0):
                if s0 == 0:
                    found.append((g0, ctx.re(fn(g0)), True))
                continue
            try:
                root = ctx.findroot(lambda v: ctx.re(dfn(v)), (g0, g1), solver="illinois")
            except (ValueError, ZeroDivisionError):
                continue
            if min(g0, g1) <= root <= max(g0, g1):
                found.append((root, ctx.re(fn(root)), True))
    attained = [c for c in found if c[2]]
    if not attained:
        raise OptimizationError("no point of the domain attains the optimum")
    top = max(attained, key=lambda c: c[1])
    if top[0] is None:
        raise OptimizationError("the optimum is not attained on the domain")
    sup = max(c[1] for c in found)
    if sup > top[1] + ctx.mpf(10) ** (-digits):
        raise OptimizationError("the optimum is approached at an end of the domain but not attained")
    point = {x: to_float(top[0], digits)}
    value = to_float(top[1], digits)
    return Candidate(point, value), False, Certificate.NUMERIC
