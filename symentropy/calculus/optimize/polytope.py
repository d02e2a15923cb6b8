"""The polytope of a problem in several variables, its faces, and the objective on them.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`Faces`                         the affine inequalities ``g_i >= 0`` of the
                                       domain, and tests of points against them
:func:`linear_elimination`             solve affine equations for some variables
:func:`restrict`                       the objective on an affine set, with
                                       ``0 log 0 = 0``
:func:`point_value`                    the objective at a point of the domain
=====================================  ===============================================

On a face where a logarithm's argument ``u`` vanishes, a term ``c*log(u)``
with ``c`` a polynomial multiple of ``u`` is ``0`` (``0 log 0 = 0``), and
``-oo`` or ``+oo`` where ``c`` is a nonzero constant.

Examples
========

>>> from sympy import log, symbols
>>> from symentropy.calculus.optimize.polytope import point_value, restrict
>>> p, q = symbols("p q")
>>> h = -p*log(p) - q*log(q) - (1 - p - q)*log(1 - p - q)
>>> restrict(h, [p, q], {q: 1 - p})
-p*log(p) + (p - 1)*log(1 - p)
>>> point_value(h, [p, q], {p: 0, q: 1})
0
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError, lpmax, lpmin

from ...errors import OptimizationError, UndecidedError
from .problem import is_affine
from .signs import sign_of

__all__ = ["Faces", "linear_elimination", "restrict", "point_value"]


def _normalise(g: sympy.Expr, ys: Sequence[sympy.Symbol]) -> sympy.Expr:
    """``g`` divided by the absolute value of its first nonzero coefficient."""
    poly = sympy.Poly(g, *ys)
    for c in poly.coeffs():
        if c != 0:
            s = sign_of(c)
            if s is None:
                return sympy.expand(g)
            return sympy.expand(g / (c * s))
    return sympy.expand(g)


class Faces:
    """The affine inequalities ``g_i >= 0`` (or ``> 0``) of a polytope in the variables ``ys``.

    ``inequalities`` are pairs ``(g, strict)``.  Those free of ``ys`` are
    checked at once (an :class:`~symentropy.errors.OptimizationError` when one
    fails, :class:`~symentropy.errors.UndecidedError` when that depends on
    parameters); the others are normalised and kept, without repetition, in
    ``constraints``.

    >>> from sympy import symbols
    >>> from symentropy.calculus.optimize.polytope import Faces
    >>> p, q = symbols("p q")
    >>> faces = Faces([p, q], [(p, False), (q, False), (2 - 2*p - 2*q, False), (1 - p - q, True)])
    >>> faces.constraints
    [(p, False), (q, False), (-p - q + 1, True)]
    >>> faces.feasible({p: 1, q: 0}), faces.attained({p: 1, q: 0}), faces.bounded()
    (True, False, True)
    """

    def __init__(self, ys: Sequence[sympy.Symbol], inequalities: list):
        self.ys = list(ys)
        seen: dict[sympy.Expr, bool] = {}
        for g, strict in inequalities:
            if not g.has(*ys):
                s = sign_of(g)
                if s == -1 or (strict and s == 0):
                    raise OptimizationError(
                        f"the constraints leave no point: {g} {'>' if strict else '>='} 0 fails"
                    )
                if s is None:
                    raise UndecidedError(f"cannot decide whether {g} {'>' if strict else '>='} 0")
                continue
            if not is_affine(g, ys):
                raise NotImplementedError(
                    f"in several variables only affine constraints and logarithms of affine "
                    f"expressions are handled; got {g} >= 0"
                )
            key = _normalise(g, ys)
            seen[key] = seen.get(key, False) or strict
        self.constraints = list(seen.items())

    def bounded(self) -> bool:
        """Whether every variable is bounded on the polytope (an empty polytope counts as bounded)."""
        rels = [sympy.GreaterThan(g, 0) for g, _ in self.constraints]
        try:
            for y in self.ys:
                lpmax(y, rels)
                lpmin(y, rels)
        except UnboundedLPError:
            return False
        except InfeasibleLPError:  # no point at all: reported by the vertex enumeration
            return True
        return True

    def feasible(self, point: dict) -> bool | None:
        """Whether ``point`` satisfies every ``g >= 0``; None when a sign is undecided."""
        ok: bool | None = True
        for g, _strict in self.constraints:
            s = sign_of(g.subs(point))
            if s == -1:
                return False
            if s is None:
                ok = None
        return ok

    def attained(self, point: dict) -> bool:
        """Whether ``point`` (a feasible point) is not on a strict face ``g > 0`` where ``g = 0``."""
        return not any(strict and sign_of(g.subs(point)) == 0 for g, strict in self.constraints)

    def strictly_inside(self, point: dict) -> bool:
        """Whether ``g > 0`` at ``point`` for every constraint, provably."""
        return all(sign_of(g.subs(point)) == 1 for g, _ in self.constraints)


def _split_logs(F: sympy.Expr, ys: Sequence[sympy.Symbol]) -> tuple[list, list, sympy.Expr]:
    """Write ``F = sum_i c_i log(u_i) + rest`` with the logarithms of expressions in ``ys``."""
    logs = sorted((lg for lg in F.atoms(sympy.log) if lg.has(*ys)), key=sympy.default_sort_key)
    dummies = [sympy.Dummy(f"L{i}") for i in range(len(logs))]
    linear = sympy.expand(F.xreplace(dict(zip(logs, dummies, strict=True))), log=False, power_exp=False)
    rest = linear.xreplace({d: 0 for d in dummies})
    coeffs = []
    for d in dummies:
        c = linear.coeff(d)
        if c.has(*dummies) or sympy.expand(linear - c * d - rest).has(d):
            raise NotImplementedError(f"cannot separate the logarithms of {F}")
        coeffs.append(c)
    return [lg.args[0] for lg in logs], coeffs, rest


def restrict(F: sympy.Expr, ys: Sequence[sympy.Symbol], elimination: dict) -> sympy.Expr | None:
    """``F`` on the affine set ``ys = elimination(...)`` with ``0 log 0 = 0``.

    Returns ``None`` when ``F`` is ``-oo`` on that set (a term ``c*log(u)``
    with ``u = 0`` and ``c`` a positive constant); raises when it is ``+oo``
    or undefined.
    """
    args, coeffs, rest = _split_logs(F, ys)
    parts = [rest.subs(elimination)]
    minus_infinity = False
    for u, c in zip(args, coeffs, strict=True):
        u_face = sympy.expand(u.subs(elimination))
        if u_face != 0:
            parts.append(c.subs(elimination) * sympy.log(u_face))
            continue
        quotient, remainder = sympy.div(sympy.expand(c), sympy.expand(u), *ys) if c.has(*ys) else (None, c)
        if c.has(*ys) and remainder == 0:
            continue  # c = u*h: the term h*u*log(u) tends to 0
        c_face = sympy.expand(c.subs(elimination))
        if c_face == 0 and not c.has(*ys):
            continue
        s = sign_of(c_face) if not c_face.has(*ys) else None
        if s == 1:
            minus_infinity = True
        elif s == -1:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        else:
            raise NotImplementedError(f"cannot take the limit of {c}*log({u}) where {u} = 0")
    if minus_infinity:
        return None
    return sympy.Add(*parts)


def point_value(F: sympy.Expr, ys: Sequence[sympy.Symbol], point: dict) -> sympy.Expr:
    """The value of ``F`` at a point of the domain, with ``0 log 0 = 0`` (``-oo`` where it diverges)."""
    value = F.subs(point)
    if not value.has(sympy.nan, sympy.zoo) and value.is_extended_real is not False and value.is_finite:
        return value
    restricted = restrict(F, ys, point)
    if restricted is None:
        return sympy.S.NegativeInfinity
    value = restricted.subs(point)
    if value.has(sympy.nan, sympy.zoo):
        raise NotImplementedError(f"cannot evaluate the objective at {point}")
    return value


def linear_elimination(eqs: list, ys: Sequence[sympy.Symbol]) -> tuple[dict, list] | None:
    """Solve affine equations for the last variables: ``(elimination, free)``, or None when inconsistent.

    >>> from sympy import symbols
    >>> from symentropy.calculus.optimize.polytope import linear_elimination
    >>> p, q, r = symbols("p q r")
    >>> linear_elimination([p + q + r - 1], [p, q, r])
    ({r: -p - q + 1}, [p, q])
    >>> linear_elimination([p - 1, p - 2], [p]) is None
    True
    """
    if not eqs:
        return {}, list(ys)
    order = list(reversed(ys))
    solution = sympy.linsolve(eqs, order)
    if solution is sympy.S.EmptySet or not solution:
        return None
    (values,) = solution.args
    elimination = {y: v for y, v in zip(order, values, strict=True) if v != y}
    free = [y for y in ys if y not in elimination]
    return elimination, free
