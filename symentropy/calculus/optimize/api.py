""":func:`maximize` and :func:`minimize`: read the problem, eliminate, optimise, tidy the answer.

The driver reads the objective, the variables, their domain and the
constraints (:mod:`.problem`), solves the affine equality constraints for
some variables, and hands what remains to the search in one variable
(:mod:`.univariate`) or in several (:mod:`.multivariate`).  An exact answer
is written in a short exact form (:func:`symentropy.kernel.canonical.tidy_value`:
logarithms of rationals over primes, powers and radicals simplified), with
the Lagrange multipliers of the equality constraints; a numeric one as sympy
``Float`` numbers of ``digits`` digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from ...errors import OptimizationError, UnknownVariableError
from ...kernel.canonical import tidy_value
from ...kernel.exact import safe_sympify
from ...kernel.numeric import check_digits
from .approximate import to_float
from .candidates import Candidate
from .multivariate import maximize_nd
from .polytope import linear_elimination, point_value
from .problem import as_constraints, as_domain, as_objective, as_over, is_affine, plain_variables
from .results import Certificate, OptimizationResult
from .signs import sign_of
from .univariate import maximize_1d

__all__ = ["maximize", "minimize"]


def _optimize(
    expr: Any, over: Any, domain: Any, constraints: Any, digits: Any, sense: int
) -> OptimizationResult:
    digits = check_digits(digits)
    names: dict[str, sympy.Symbol] = {}
    if isinstance(over, sympy.Symbol):
        names[over.name] = over
    elif isinstance(over, (tuple, list)):
        names.update({s.name: s for s in over if isinstance(s, sympy.Symbol)})
    f = as_objective(expr, names)
    xs = as_over(over, f)
    names.update({s.name: s for s in xs})
    problem = as_constraints(constraints, names)
    known = set(f.free_symbols)
    for g in problem.equalities + [g for g, _ in problem.inequalities]:
        known |= g.free_symbols
    for x in xs:
        if x not in known:
            raise UnknownVariableError(f"{x} (in over) does not occur in the objective or the constraints")
    user_boxes = as_domain(domain, xs)

    # the domain, not the symbols' assumptions, says where the variables range
    plain = plain_variables(xs, known)
    f = f.xreplace(plain)
    problem = problem.xreplace(plain)
    boxes = {plain[x]: box for x, box in user_boxes.items()}
    user_xs, xs = xs, tuple(plain[x] for x in xs)
    objective = sense * f

    affine = [e for e in problem.equalities if is_affine(e, xs)]
    nonlinear = [e for e in problem.equalities if not is_affine(e, xs)]
    elim = linear_elimination(affine, xs)
    if elim is None:
        raise OptimizationError("the equality constraints have no common solution")
    elimination, ys = elim
    inequalities = []
    for x in xs:
        box = boxes[x]
        xe = elimination.get(x, x)
        if box.start.is_finite:
            inequalities.append((sympy.expand(xe - box.start), bool(box.left_open)))
        if box.end.is_finite:
            inequalities.append((sympy.expand(box.end - xe), bool(box.right_open)))
    inequalities += [(sympy.expand(g.subs(elimination)), strict) for g, strict in problem.inequalities]
    F = objective.subs(elimination)
    nonlinear = [sympy.expand(e.subs(elimination)) for e in nonlinear]

    if not ys:
        point: dict = {}
        for g, strict in inequalities:
            s = sign_of(g)
            if s == -1 or (strict and s == 0):
                raise OptimizationError("the constraints leave no point in the domain")
        if any(sign_of(e) != 0 for e in nonlinear):
            raise OptimizationError("the constraints leave no point in the domain")
        top = Candidate(point, point_value(F, [], point))
        exact, certificate = True, Certificate.CANDIDATES
    elif len(ys) == 1 and not nonlinear:
        top, exact, certificate = maximize_1d(F, ys[0], inequalities, digits, sense)
    else:
        bounded = all(box.start.is_finite and box.end.is_finite for box in boxes.values())
        top, exact, certificate = maximize_nd(F, ys, inequalities, nonlinear, digits, sense, bounded)

    kind = "max" if sense > 0 else "min"
    if exact:
        local = {y: tidy_value(top.point[y]) for y in ys}
        full = {x: tidy_value(safe_sympify(elimination.get(x, x)).subs(local)) for x in xs}
        value = sense * top.value
        if value.is_infinite:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        value = tidy_value(value)
        multipliers = _multipliers(f, xs, problem.originals, full, boxes)
        point = {u: full[x] for u, x in zip(user_xs, xs, strict=True)}
        return OptimizationResult(kind, value, point, True, certificate, None, multipliers)
    local = dict(top.point)
    point = {}
    for u, x in zip(user_xs, xs, strict=True):
        e = safe_sympify(elimination.get(x, x))
        point[u] = to_float(e.subs(local) if e.free_symbols else e, digits)
    value = to_float(sense * top.value, digits)
    return OptimizationResult(kind, value, point, False, certificate, digits)


def _multipliers(f, xs, originals, point, boxes) -> tuple:
    """The Lagrange multipliers at an optimum inside the box; () on its boundary or when undetermined."""
    if not originals:
        return ()
    for x in xs:
        box = boxes[x]
        v = point[x]
        if (box.start.is_finite and sign_of(v - box.start) == 0) or (
            box.end.is_finite and sign_of(box.end - v) == 0
        ):
            return ()
    grad = [sympy.diff(f, x).subs(point) for x in xs]
    if any(g.has(sympy.nan, sympy.zoo) or g.is_infinite for g in grad):
        return ()
    lams = [sympy.Dummy(f"l{j}") for j in range(len(originals))]
    eqs = [
        g - sum(lm * sympy.diff(c, x).subs(point) for lm, c in zip(lams, originals, strict=True))
        for g, x in zip(grad, xs, strict=True)
    ]
    solution = sympy.linsolve(eqs, lams)
    if not solution or solution is sympy.S.EmptySet:
        return ()
    (values,) = solution.args
    if any(v.has(*lams) for v in values):
        return ()
    return tuple(tidy_value(v) for v in values)


def maximize(
    expr: Any,
    over: sympy.Symbol | Sequence[sympy.Symbol] | None = None,
    *,
    domain: Any = None,
    constraints: Any = (),
    digits: int = 15,
) -> OptimizationResult:
    """Return the maximum of ``expr`` over the symbols ``over``, exact when possible.

    Explanation
    ===========

    The candidates are the stationary points inside the domain (solved
    exactly: logarithmic equations are exponentiated into polynomial ones,
    polynomial systems solved completely) and the points of the boundary,
    where ``0 log 0 = 0`` (see the documentation of
    :mod:`symentropy.calculus.optimize`).  The answer is exact and certified
    when the objective is provably concave and a stationary point is inside
    the domain (:attr:`Certificate.CONCAVE`), or when every candidate was
    found and compared (:attr:`Certificate.CANDIDATES`).  Otherwise it is
    numeric, to ``digits`` significant digits, with ``exact=False``; it keeps
    the ``CONCAVE`` certificate when concavity is proved, else it is
    :attr:`Certificate.NUMERIC`.

    Equality constraints are handled by Lagrange multipliers; affine ones
    (normalisation, moments) are first used to eliminate variables.

    Examples
    ========

    >>> from sympy import Eq, Interval, Symbol, sin, symbols
    >>> from symentropy import Distribution, entropy
    >>> from symentropy.calculus.optimize import maximize
    >>> p, q, r = symbols("p q r")
    >>> maximize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
    max = 1 at p = 1/2 (concave on the domain)
    >>> best = maximize(entropy(Distribution.from_pmf([p, q, 1 - p - q])), over=(p, q))
    >>> best.argmax, best.value
    ({p: 1/3, q: 1/3}, log(3)/log(2))
    >>> maximize(p**3 - p, over=p, domain=Interval(-1, 2))
    max = 6 at p = 2 (all candidates compared)

    An equality constraint, with its Lagrange multiplier:

    >>> best = maximize(entropy(Distribution.from_pmf([p, q, r])), over=(p, q, r),
    ...                 constraints=[Eq(p + q + r, 1)])
    >>> best.argmax, best.multipliers
    ({p: 1/3, q: 1/3, r: 1/3}, ((-1 + log(3))/log(2),))

    A maximum that is not in closed form comes out numeric, and says so:

    >>> x = Symbol("x")
    >>> maximize(sin(x) - x**2/2, over=x, digits=20)
    max ≈ 0.40048861211337893937 at x ≈ 0.73908513321516064166
    (numeric, 20 digits; numeric search, not proved global)

    Parameters
    ==========

    expr : sympy expression, number or string
        The objective.  Strings are parsed with the symbols of ``over``.
    over : Symbol or tuple of Symbols
        The variables.  May be omitted when ``expr`` has a single symbol;
        other symbols of ``expr`` are parameters.  The variables' own
        assumptions (``positive=True``, ...) are not used: ``domain`` says
        where they range.
    domain : Interval, pair ``(lo, hi)`` or dict
        The interval of every variable, or a dict from symbol to interval
        (variables not in it get the default).  Default ``Interval(0, 1)``.
        Ends may be infinite; open ends are allowed, and an optimum there
        counts as not attained.
    constraints : sequence of Eq, inequalities or expressions
        ``Eq(lhs, rhs)``, or an expression meaning ``expr = 0``; also ``<=``,
        ``>=``, ``<``, ``>`` inequalities.
    digits : int
        Significant digits of a numeric answer (checked by
        :func:`symentropy.kernel.numeric.check_digits`).

    See Also
    ========

    minimize, max_entropy, OptimizationResult

    References
    ==========

    S. Boyd and L. Vandenberghe, *Convex Optimization*, Cambridge University
    Press, 2004, Sections 3.2 (operations that preserve convexity) and 5.5.3
    (KKT conditions).
    """
    return _optimize(expr, over, domain, constraints, digits, 1)


def minimize(
    expr: Any,
    over: sympy.Symbol | Sequence[sympy.Symbol] | None = None,
    *,
    domain: Any = None,
    constraints: Any = (),
    digits: int = 15,
) -> OptimizationResult:
    """Return the minimum of ``expr`` over the symbols ``over``, exact when possible.

    The maximum of ``-expr``; see :func:`maximize` for the method, the
    parameters and the certificates (``CONVEX`` takes the place of
    ``CONCAVE``).

    Examples
    ========

    >>> from sympy import Symbol, Rational
    >>> from symentropy.calculus.optimize import minimize
    >>> p = Symbol("p")
    >>> best = minimize((p - Rational(1, 3))**2 + 1, over=p)
    >>> best.value, best.argmin, best.certificate
    (1, {p: 1/3}, <Certificate.CONVEX: 'convex on the domain'>)

    See Also
    ========

    maximize
    """
    return _optimize(expr, over, domain, constraints, digits, -1)
