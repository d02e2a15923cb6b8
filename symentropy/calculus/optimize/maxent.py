"""The maximum-entropy distribution under linear moment constraints: :func:`max_entropy`.

The answer has the Gibbs form ``p(k) = exp(l_0 + sum_j l_j f_j(k))`` (Cover &
Thomas, 2nd ed., Theorem 12.1.1).  One constraint on a finite support is a
polynomial equation with exactly one positive root, solved exactly when it
can be (:func:`symentropy.calculus.optimize.equations.univariate_roots`); a
mean on ``{a, a + 1, ...}`` gives the geometric distribution; several
constraints are solved numerically, by Newton steps on the convex dual in a
private mpmath context.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ...core.distribution import Distribution
from ...errors import DistributionError, OptimizationError, UndecidedError
from ...kernel.canonical import tidy_value
from ...kernel.exact import as_exact, safe_sympify
from ...kernel.logbase import Base, as_base
from ...kernel.numeric import check_digits, compare, working_context
from ...measures.shannon import entropy
from .approximate import to_context, to_float
from .equations import univariate_roots
from .results import Certificate, MaxEntropyResult
from .signs import order, sign_of

__all__ = ["max_entropy"]


def _as_support(support: Any) -> tuple[tuple, int | None]:
    """``(outcomes, None)`` for a finite support, ``((), start)`` for ``{start, start + 1, ...}``."""
    if isinstance(support, sympy.Set):
        if support is sympy.S.Naturals0:
            return (), 0
        if support is sympy.S.Naturals:
            return (), 1
        if isinstance(support, sympy.Range):
            if support.step != 1:
                raise NotImplementedError(f"a Range support needs step 1, got {support}")
            if support.size is sympy.oo:
                if not support.inf.is_finite:
                    raise NotImplementedError(f"an infinite support must be bounded below, got {support}")
                return (), int(support.inf)
            return tuple(int(k) for k in support), None
        if isinstance(support, sympy.FiniteSet):
            return tuple(support), None
        raise TypeError(
            f"support must be a finite collection of outcomes, a Range or Naturals0, got {support}"
        )
    if isinstance(support, (str, bytes)) or not isinstance(support, Iterable):
        raise TypeError(f"support must be a finite collection of outcomes, got {support!r}")
    outcomes = tuple(support)
    if not outcomes:
        raise DistributionError("the support is empty")
    if len(set(outcomes)) != len(outcomes):
        raise DistributionError(f"the support {outcomes!r} lists an outcome twice")
    return outcomes, None


def _as_moments(constraints: Any, mean: Any) -> list[tuple[Callable, sympy.Expr, str]]:
    moments = []
    if isinstance(constraints, Mapping):
        raise TypeError("constraints must be a sequence of (function, value) pairs, not a mapping")
    for item in constraints:
        if not (isinstance(item, tuple) and len(item) == 2 and callable(item[0])):
            raise TypeError(f"each constraint must be a pair (function, value), got {item!r}")
        f, value = item
        name = getattr(f, "__name__", "f")
        moments.append((f, as_exact(value, what=f"the value of E[{name}(X)]"), f"E[{name}(X)]"))
    if mean is not None:
        moments.append((lambda k: k, as_exact(mean, what="the mean"), "E[X]"))
    return moments


def _moment_value(f: Callable, outcome: Any) -> sympy.Expr:
    name = getattr(f, "__name__", "f")
    value = as_exact(f(outcome), what=f"{name}({outcome!r})")
    if value.free_symbols:
        raise TypeError(f"{name}({outcome!r}) = {value} is not a number")
    return value


def _gibbs_lambda(
    k: sympy.Symbol, outcomes: tuple, probs: Sequence[sympy.Expr], formula: Callable | None
) -> sympy.Lambda:
    """The pmf as a Lambda: the closed ``formula(k)`` if it can take a symbol, else a Piecewise."""
    if formula is not None:
        try:
            expr = formula(k)
            if isinstance(expr, sympy.Expr):
                return sympy.Lambda(k, expr)
        except (TypeError, ValueError, AttributeError):
            pass
    pieces = [(p, sympy.Eq(k, safe_sympify(o))) for o, p in zip(outcomes, probs, strict=True)]
    return sympy.Lambda(k, sympy.Piecewise(*pieces, (0, True)))


def max_entropy(
    support: Any,
    constraints: Sequence[tuple[Callable, Any]] = (),
    *,
    mean: Any = None,
    base: Base = 2,
    digits: int = 15,
    name: str = "X",
) -> MaxEntropyResult:
    """Return the maximum-entropy distribution on ``support`` with ``E[f_j(X)] = c_j``.

    Explanation
    ===========

    Without constraints the answer is the uniform distribution.  With linear
    moment constraints it has the Gibbs form ``p(k) = exp(l_0 + sum_j l_j
    f_j(k))`` with multipliers chosen to meet the constraints, and any
    distribution of that form meeting them is the unique maximum (Cover &
    Thomas, 2nd ed., Theorem 12.1.1).

    One constraint on a finite support: with ``y = exp(l_1/d)`` the
    constraint is a polynomial equation in ``y`` whose coefficients change
    sign once, so it has exactly one positive root (Descartes' rule of
    signs); the answer is exact when that root is found in closed form, else
    numeric to ``digits`` digits (the root isolated exactly by ``CRootOf``,
    then evaluated).  When ``c`` is the smallest or largest value of ``f``,
    the support is forced to where ``f`` takes that value and the answer is
    uniform there.  A mean on ``{a, a + 1, ...}`` (``Naturals0``, ``Naturals``
    or ``Range(a, oo)``) gives the geometric distribution
    ``p(k) = (1 - q) q**(k - a)`` with ``q = (m - a)/(m - a + 1)``, exact
    also for a symbolic mean ``m``.  Several constraints on a finite support
    are solved numerically (Newton's method on the convex dual).

    Examples
    ========

    >>> from sympy import Rational, S, Symbol
    >>> from symentropy.calculus.optimize import max_entropy
    >>> max_entropy(range(1, 7)).value
    1 + log(3)/log(2)
    >>> mu = Symbol("mu", positive=True)
    >>> geometric = max_entropy(S.Naturals0, mean=mu)
    >>> geometric.pmf
    Lambda(k, (mu/(mu + 1))**k/(mu + 1))
    >>> dice = max_entropy(range(1, 7), mean=Rational(9, 2), digits=10)
    >>> dice.exact, dice.probabilities[0]
    (False, 0.05435316783)
    >>> max_entropy([0, 1, 2], mean=Rational(1, 2)).distribution[1]
    (-2 + sqrt(13))/6

    Parameters
    ==========

    support : iterable of outcomes, ``range``, ``Range``, ``Naturals0`` or ``Naturals``
        The outcomes.  Outcomes must be numbers when constraints are given.
    constraints : sequence of ``(f, c)`` pairs
        ``f`` a function of an outcome (it may also receive a sympy symbol,
        to build the closed formula), ``c`` the required value of
        ``E[f(X)]``, an exact number or expression.
    mean : exact number or expression, optional
        Shorthand for the constraint ``(lambda k: k, mean)``.
    base : 2, E, 10, ...
        Base of the logarithm of the entropy ``value`` (bits by default).
    digits : int
        Significant digits of a numeric answer.
    name : str
        Name of the variable of ``distribution``.

    See Also
    ========

    maximize, symentropy.measures.shannon.entropy

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Chapter 12 (Theorem 12.1.1) and Problem 2.30.
    E. T. Jaynes, "Where do we stand on maximum entropy?", 1978 (the
    Brandeis dice problem).
    """
    digits = check_digits(digits)
    b = as_base(base)
    outcomes, start = _as_support(support)
    moments = _as_moments(constraints, mean)
    k = sympy.Symbol("k")
    if start is not None:
        return _max_entropy_infinite(start, moments, b, k)
    n = len(outcomes)
    if not moments:
        probs = [sympy.Rational(1, n)] * n
        return _exact_finite(
            outcomes, probs, (sympy.log(sympy.Rational(1, n)),), b, name, k, lambda _: probs[0]
        )
    table = [[_moment_value(f, o) for f, _, _ in moments] for o in outcomes]
    if len(moments) == 1:
        return _one_moment(outcomes, [row[0] for row in table], moments[0], b, digits, name, k)
    values = [c for _, c, _ in moments]
    if any(v.free_symbols for v in values):
        raise NotImplementedError("several constraints are solved numerically: their values must be numbers")
    return _numeric_dual(outcomes, table, moments, b, digits, k)


def _exact_finite(outcomes, probs, multipliers, b, name, k, formula, nats=None) -> MaxEntropyResult:
    """An exact answer on a finite support; ``nats`` is the entropy in Gibbs form when known."""
    distribution = Distribution.from_pmf(probs, outcomes=outcomes, name=name)
    if nats is None:
        value = entropy(distribution, base=b)
    else:  # H = -l_0 - sum_j l_j c_j for a Gibbs distribution meeting the constraints
        value = tidy_value(nats / sympy.log(b))
    pmf = _gibbs_lambda(k, outcomes, probs, formula)
    return MaxEntropyResult(
        pmf, distribution, value, multipliers, True, Certificate.GIBBS, None, tuple(probs), tuple(outcomes)
    )


def _one_moment(outcomes, fvalues, moment, b, digits, name, k) -> MaxEntropyResult:
    """One constraint ``E[f(X)] = c`` on a finite support: a polynomial equation with one positive root."""
    f, c, label = moment
    by_value = functools.cmp_to_key(compare)
    low, high = min(fvalues, key=by_value), max(fvalues, key=by_value)
    below, above = order(c, low), order(high, c)
    if below is None or above is None:
        raise UndecidedError(f"cannot decide whether {label} = {c} lies in [{low}, {high}]")
    if below < 0 or above < 0:
        raise OptimizationError(
            f"no distribution on the support has {label} = {c}: it must lie in [{low}, {high}]"
        )
    if below == 0 or above == 0:  # the constraint forces the support
        edge = low if below == 0 else high
        on_edge = [compare(v, edge) == 0 for v in fvalues]
        count = sum(on_edge)
        probs = [sympy.Rational(1, count) if at else sympy.Integer(0) for at in on_edge]
        return _exact_finite(outcomes, probs, None, b, name, k, None)
    denominator = (
        sympy.ilcm(*[sympy.Rational(v - low).q for v in fvalues])
        if all((v - low).is_Rational for v in fvalues)
        else None
    )
    if denominator is None:
        raise NotImplementedError("the values of the constraint function must differ by rational numbers")
    exponents = [int((v - low) * denominator) for v in fvalues]
    y = sympy.Dummy("y", positive=True)
    equation = sympy.expand(sum((v - c) * y**e for v, e in zip(fvalues, exponents, strict=True)))
    if c.free_symbols:
        roots = list(sympy.roots(sympy.Poly(equation, y)))
    else:
        roots, _ = univariate_roots(equation, y)
    root = next((r for r in roots if sign_of(r) == 1), None)
    if root is not None and not root.has(sympy.CRootOf):
        root = tidy_value(root)
        weights = [root**e for e in exponents]
        total = tidy_value(sum(weights))
        probs = [tidy_value(w / total) for w in weights]
        lam1 = denominator * sympy.log(root)
        lam0 = -sympy.log(total) - lam1 * low
        multipliers = (tidy_value(lam0), tidy_value(lam1))
        first = tidy_value(1 / total)

        def formula(x, f=f):
            return first * root ** (denominator * (f(x) - low))

        nats = None if all(p.is_Rational for p in probs) else -lam0 - lam1 * c
        return _exact_finite(outcomes, probs, multipliers, b, name, k, formula, nats)
    if c.free_symbols:
        raise UndecidedError(f"cannot find which root of {equation} = 0 is positive for symbolic {c}")
    if root is None:  # exactly one positive root, by Descartes' rule of signs
        (root,) = [r for r in sympy.Poly(equation, y).real_roots() if sign_of(r) == 1]
    ctx = working_context(digits)
    ry = to_context(root, ctx)
    weights = [ry**e for e in exponents]
    total = ctx.fsum(weights)
    probs_mp = [w / total for w in weights]
    lam1 = denominator * ctx.log(ry)
    lam0 = -ctx.log(total) - lam1 * to_context(low, ctx)
    value = -ctx.fsum(p * ctx.log(p) for p in probs_mp) / ctx.log(to_context(b, ctx))
    probs = tuple(to_float(p, digits) for p in probs_mp)
    multipliers = (to_float(lam0, digits), to_float(lam1, digits))
    value = to_float(value, digits)

    def formula(x, f=f):
        return sympy.exp(multipliers[0] + multipliers[1] * f(x))

    pmf = _gibbs_lambda(k, outcomes, probs, formula)
    return MaxEntropyResult(
        pmf, None, value, multipliers, False, Certificate.GIBBS, digits, probs, tuple(outcomes)
    )


def _numeric_dual(outcomes, table, moments, b, digits, k) -> MaxEntropyResult:
    """Several constraints: minimise the convex dual ``log Z(l) - l.c`` by damped Newton steps."""
    m = len(moments)
    ctx = working_context(digits)
    c = [to_context(value, ctx) for _, value, _ in moments]
    rows = [[to_context(v, ctx) - cj for v, cj in zip(row, c, strict=True)] for row in table]
    lam = ctx.matrix(m, 1)
    tol = ctx.mpf(10) ** (-(digits + 5))

    def dual(lv):
        return ctx.log(ctx.fsum(ctx.exp(ctx.fsum(lv[j] * r[j] for j in range(m))) for r in rows))

    for _ in range(500):
        weights = [ctx.exp(ctx.fsum(lam[j] * r[j] for j in range(m))) for r in rows]
        total = ctx.fsum(weights)
        probs = [w / total for w in weights]
        grad = ctx.matrix([ctx.fsum(p * r[j] for p, r in zip(probs, rows, strict=True)) for j in range(m)])
        if ctx.norm(grad) < tol:
            break
        hess = ctx.matrix(m, m)
        for i in range(m):
            for j in range(m):
                second = ctx.fsum(p * r[i] * r[j] for p, r in zip(probs, rows, strict=True))
                hess[i, j] = second - grad[i] * grad[j]
        try:
            step = ctx.lu_solve(hess, -grad)
        except ZeroDivisionError:
            raise OptimizationError(
                "the constraint functions are linearly dependent on the support"
            ) from None
        t, d0 = ctx.mpf(1), dual(lam)
        while dual(lam + t * step) > d0 and t > tol:
            t /= 2
        lam = lam + t * step
    else:
        raise OptimizationError(
            "no distribution with full support meets the constraints (they are infeasible or "
            "only met on the boundary of the simplex)"
        )
    logz = -ctx.log(total)
    lam0 = logz - ctx.fsum(lam[j] * c[j] for j in range(m))
    value = -ctx.fsum(p * ctx.log(p) for p in probs if p) / ctx.log(to_context(b, ctx))
    multipliers = (to_float(lam0, digits),) + tuple(to_float(lam[j], digits) for j in range(m))
    probs_f = tuple(to_float(p, digits) for p in probs)
    value = to_float(value, digits)

    def formula(x):
        return sympy.exp(
            multipliers[0] + sum(lj * f(x) for lj, (f, _, _) in zip(multipliers[1:], moments, strict=True))
        )

    pmf = _gibbs_lambda(k, outcomes, probs_f, formula)
    return MaxEntropyResult(
        pmf, None, value, multipliers, False, Certificate.GIBBS, digits, probs_f, tuple(outcomes)
    )


def _max_entropy_infinite(start: int, moments: list, b: sympy.Expr, k: sympy.Symbol) -> MaxEntropyResult:
    if not moments:
        raise OptimizationError("on an infinite support the entropy is unbounded without a constraint")
    if len(moments) > 1:
        raise NotImplementedError("on an infinite support only a single (mean) constraint is handled")
    f, c, label = moments[0]
    j = sympy.Dummy("j", integer=True)
    image = sympy.expand(as_exact(f(j), what=f"the function of {label} at k"))
    if not (image.is_polynomial(j) and sympy.Poly(image, j).degree() == 1):
        raise NotImplementedError(
            f"on an infinite support the constraint must be affine in k; {label} uses {image.subs(j, k)}"
        )
    slope, shift = sympy.Poly(image, j).all_coeffs()
    m = sympy.cancel((c - shift) / slope)  # the mean of k
    excess = sympy.cancel(m - start)
    s = sign_of(excess)
    if s is None:
        raise UndecidedError(f"cannot decide whether the mean {m} exceeds the smallest outcome {start}")
    if s < 0:
        raise OptimizationError(f"no distribution on {{{start}, {start + 1}, ...}} has mean {m}")
    if s == 0:
        pmf = sympy.Lambda(k, sympy.Piecewise((1, sympy.Eq(k, start)), (0, True)))
        return MaxEntropyResult(pmf, None, sympy.Integer(0), None, True, Certificate.GIBBS)
    q = excess / (excess + 1)
    pmf = sympy.Lambda(k, (1 - q) * q ** (k - start) if start else q**k / (excess + 1))
    value = tidy_value(((excess + 1) * sympy.log(excess + 1) - excess * sympy.log(excess)) / sympy.log(b))
    lam1 = sympy.log(q) / slope
    lam0 = sympy.log(1 - q) - start * sympy.log(q) - shift * lam1
    multipliers = (tidy_value(lam0), tidy_value(lam1))
    return MaxEntropyResult(pmf, None, value, multipliers, True, Certificate.GIBBS)
