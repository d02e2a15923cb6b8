"""Stationary equations: from logarithmic equations to polynomial ones, solved exactly.

=====================================  ===============================================
function                               answer
=====================================  ===============================================
:func:`solve_stationary`               the real solutions of ``eqs = 0``, and whether
                                       the list is complete
:func:`polynomial_form`                a rational equation equivalent to a
                                       log-linear or rational one
:func:`univariate_roots`               the real roots of a polynomial in one variable
:func:`solve_polynomial_system`        the real solutions of a polynomial system
                                       (lexicographic Groebner basis)
=====================================  ===============================================

Exponentiating a log-linear equation is valid inside the domain, where every
logarithm has a positive argument.  Rational coefficients give every real
root exactly: rationals, radicals (degree 2) or ``CRootOf`` numbers.  A
polynomial system is solved only when its Bezout number is at most
:data:`BEZOUT_LIMIT` (Groebner bases grow fast); otherwise the list is
reported incomplete and the caller searches numerically.

Examples
========

>>> from sympy import log, symbols
>>> from symentropy.calculus.optimize.equations import solve_stationary
>>> p = symbols("p")
>>> solve_stationary([log((1 - p)/p) - log(3)], [p])
([{p: 1/4}], True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import sympy

from ...kernel.exact import safe_sympify
from .signs import is_nonreal, sign_of

__all__ = [
    "BEZOUT_LIMIT",
    "polynomial_form",
    "univariate_roots",
    "solve_polynomial_system",
    "solve_stationary",
]

#: Largest Bezout number of a polynomial system solved exactly (Groebner bases grow fast).
BEZOUT_LIMIT = 36


def polynomial_form(eq: sympy.Expr, xs: Sequence[sympy.Symbol]) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(numerator, denominator)`` of a rational equation equivalent to ``eq = 0``, or None.

    Valid inside the domain, where every logarithm has a positive argument.
    A rational function gives its numerator.  A log-linear equation
    ``sum_i c_i log(u_i) + r = 0`` with constant ``c_i`` in rational ratios
    and constant ``r`` is exponentiated to ``prod_i u_i**n_i = exp(-N r/c)``.
    Returns ``None`` for other equations.

    >>> from sympy import log, symbols
    >>> from symentropy.calculus.optimize.equations import polynomial_form
    >>> p = symbols("p")
    >>> polynomial_form(log(p) - 2*log(1 - p), [p])
    (-p**2 + 3*p - 1, (1 - p)**2)
    """
    eq = safe_sympify(eq)
    logs = sorted((lg for lg in eq.atoms(sympy.log) if lg.has(*xs)), key=sympy.default_sort_key)
    if not logs:
        together = sympy.together(eq)
        numer, denom = sympy.fraction(together)
        if numer.is_polynomial(*xs) and denom.is_polynomial(*xs):
            return sympy.expand(numer), denom
        return None
    dummies = [sympy.Dummy(f"L{i}") for i in range(len(logs))]
    linear = sympy.expand(eq.xreplace(dict(zip(logs, dummies, strict=True))))
    rest = sympy.cancel(linear.xreplace({d: 0 for d in dummies}))
    if rest.has(*xs):
        return None
    coeffs = []
    for d in dummies:
        c = sympy.cancel(linear.coeff(d))
        if c.has(*xs) or c.has(*dummies):
            return None
        coeffs.append(c)
    pivot = next(c for c in coeffs if c != 0)
    ratios = [
        sympy.nsimplify(c / pivot) if (c / pivot).is_Rational else sympy.cancel(c / pivot) for c in coeffs
    ]
    if not all(r.is_Rational for r in ratios):
        return None
    scale = math.lcm(*(int(r.q) for r in ratios))
    powers = [int(r * scale) for r in ratios]
    target = sympy.exp(sympy.expand(-scale * rest / pivot)).rewrite(sympy.Pow)
    product = sympy.Mul(*[lg.args[0] ** n for lg, n in zip(logs, powers, strict=True)])
    numer, denom = sympy.fraction(sympy.together(product - target))
    if not (numer.is_polynomial(*xs) and denom.is_polynomial(*xs)):
        return None
    return sympy.expand(numer), denom


def univariate_roots(poly_expr: sympy.Expr, x: sympy.Symbol) -> tuple[list[sympy.Expr], bool]:
    """Real roots of a polynomial in ``x``, and whether the list is complete.

    Rational coefficients: every real root, as rationals, radicals (degree 2)
    or ``CRootOf`` (irreducible factors of degree 3 or more, which avoids
    Cardano's formulas and their complex intermediate values).  Other
    coefficients: degrees 1 and 2 by formula, higher degrees through
    :func:`sympy.roots` when it finds them all.

    >>> from sympy import symbols
    >>> from symentropy.calculus.optimize.equations import univariate_roots
    >>> x = symbols("x")
    >>> univariate_roots(x**3 - x - 1, x)
    ([CRootOf(x**3 - x - 1, 0)], True)
    """
    poly_expr = safe_sympify(poly_expr)
    poly = sympy.Poly(poly_expr, x)
    if poly.is_zero:  # the derivative vanishes identically: the ends carry the value
        return [], True
    degree = poly.degree()
    if degree <= 0:
        return [], True
    coeffs = poly.all_coeffs()
    if all(c.is_Rational for c in coeffs):
        if degree <= 2:
            found = sympy.roots(poly)
            return [r for r in found if r.is_real], True
        return list(dict.fromkeys(poly.real_roots())), True
    if degree == 1:
        return [sympy.cancel(-coeffs[1] / coeffs[0])], True
    if degree == 2:
        a, b, c = coeffs
        disc = sympy.expand(b**2 - 4 * a * c)
        s = sign_of(disc)
        if s == -1:
            return [], True
        if s is None and disc.is_number:
            return [], False
        root = sympy.sqrt(disc)
        return list(dict.fromkeys([(-b - root) / (2 * a), (-b + root) / (2 * a)])), True
    if poly.free_symbols - {x}:
        found = sympy.roots(poly)
        return [r for r in found if r.is_real is not False], sum(found.values()) == degree
    return [], False


def solve_polynomial_system(polys: list[sympy.Expr], xs: Sequence[sympy.Symbol]) -> tuple[list[dict], bool]:
    """Real solutions of a polynomial system, and whether the list is complete.

    A lexicographic Groebner basis is triangular for a zero-dimensional
    system: the last variable is a root of a univariate polynomial, and each
    earlier one a common root of the basis polynomials once the later ones
    are substituted.  (``sympy.solve`` is not used: it can miss solutions
    whose coordinates are not radicals and can take very long.)  Systems
    whose Bezout number (the product of the degrees) exceeds
    :data:`BEZOUT_LIMIT` are not attempted: the list is then incomplete.

    >>> from sympy import symbols
    >>> from symentropy.calculus.optimize.equations import solve_polynomial_system
    >>> p, q = symbols("p q")
    >>> solve_polynomial_system([p - q, p*q - 4], [p, q])
    ([{q: -2, p: -2}, {q: 2, p: 2}], True)
    """
    bezout = 1
    for g in polys:
        bezout *= max(sympy.Poly(g, *xs).total_degree(), 1)
    if bezout > BEZOUT_LIMIT:
        return [], False
    try:
        basis = sympy.groebner(polys, *xs, order="lex")
    except (sympy.PolynomialError, NotImplementedError):
        return [], False
    if basis.exprs == [1]:
        return [], True
    if not basis.is_zero_dimensional:
        return [], False
    exprs = list(basis.exprs)
    partial: list[dict] = [{}]
    complete = True
    for i in reversed(range(len(xs))):
        x = xs[i]
        level = [g for g in exprs if g.has(x) and not (g.free_symbols & set(xs[:i]))]
        grown = []
        for sol in partial:
            polys_here = [sympy.expand(g.subs(sol)) for g in level]
            polys_here = [g for g in polys_here if g != 0]
            if not polys_here:
                return [], False
            pivot = min(polys_here, key=lambda g: sympy.Poly(g, x).degree())
            roots, ok = univariate_roots(pivot, x)
            complete = complete and ok
            for r in roots:
                if is_nonreal(r):
                    continue
                checks = [sign_of(g.subs(x, r)) for g in polys_here if g is not pivot]
                if any(c not in (0, None) for c in checks):
                    continue
                if None in checks:
                    complete = False
                    continue
                grown.append({**sol, x: r})
        partial = grown
    return partial, complete


def solve_stationary(eqs: list[sympy.Expr], xs: Sequence[sympy.Symbol]) -> tuple[list[dict], bool]:
    """Solutions of ``eqs = 0`` (real, inside the domain) and whether the list is complete.

    Equations with a rational or log-linear form (:func:`polynomial_form`)
    are solved as polynomials; one other equation in one variable through
    :func:`sympy.solveset` over the reals.  Solutions where a denominator
    vanishes are dropped.
    """
    eqs = [safe_sympify(e) for e in eqs]
    eqs = [e for e in eqs if e != 0]
    if not eqs:  # a constant function: its value is the value at the vertices
        return [], True
    forms = [polynomial_form(e, xs) for e in eqs]
    if all(f is not None for f in forms):
        numers = [f[0] for f in forms]
        denoms = [f[1] for f in forms]
        if len(xs) == 1:
            x = xs[0]
            common = sympy.gcd_list(numers) if len(numers) > 1 else numers[0]
            roots, complete = univariate_roots(common, x)
            sols = [{x: r} for r in roots]
        else:
            sols, complete = solve_polynomial_system(numers, xs)
        kept = []
        for s in sols:
            if any(is_nonreal(v) for v in s.values()):
                continue
            if any(sign_of(d.subs(s)) == 0 for d in denoms):
                continue
            kept.append(s)
        return kept, complete
    if len(xs) == 1:
        x = xs[0]
        try:
            found = sympy.solveset(eqs[0], x, sympy.S.Reals)
        except (NotImplementedError, ValueError, TypeError):
            return [], False
        if isinstance(found, sympy.FiniteSet):
            sols = [{x: r} for r in found if all(sign_of(e.subs(x, r)) == 0 for e in eqs[1:])]
            return sols, True
        return [], False
    return [], False
