"""The maximum of a function of several variables on a polytope, with equality constraints.

:func:`maximize_nd` tries, in order:

1. a concave objective with affine constraints: one stationary point strictly
   inside the domain is the global maximum (``CONCAVE``); without an exact
   one, damped Newton steps find it numerically and keep the certificate;
2. every face of the polytope, from the interior down to the vertices: the
   stationary points of the objective restricted to each face (Lagrange
   multipliers for nonlinear equality constraints), all compared
   (``CANDIDATES``);
3. a numeric search (``findroot`` on the gradient, from points of each face
   whose stationary points were not all found), not proved global
   (``NUMERIC``).

Numeric work runs in a private mpmath context
(:func:`symentropy.kernel.numeric.working_context`).

Examples
========

>>> from sympy import Rational, log, symbols
>>> from symentropy.calculus.optimize.multivariate import maximize_nd
>>> p, q = symbols("p q")
>>> h = -p*log(p) - q*log(q) - (1 - p - q)*log(1 - p - q)
>>> box = [(p, False), (1 - p, False), (q, False), (1 - q, False)]
>>> candidate, exact, certificate = maximize_nd(h, [p, q], box, [], 15, 1, True)
>>> candidate.point == {p: Rational(1, 3), q: Rational(1, 3)}, exact, certificate
(True, True, <Certificate.CONCAVE: 'concave on the domain'>)
"""

from __future__ import annotations

import itertools

import sympy
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError, lpmax

from ...errors import OptimizationError, UndecidedError
from ...kernel.numeric import working_context
from .approximate import compile_for, to_context, to_float
from .candidates import Candidate, best
from .curvature import curvature
from .equations import solve_stationary
from .polytope import Faces, linear_elimination, point_value, restrict
from .results import Certificate, concavity_certificate
from .signs import sign_of

__all__ = ["maximize_nd"]


def maximize_nd(
    F: sympy.Expr, ys: list, inequalities: list, nonlinear: list, digits: int, sense: int, bounded: bool
) -> tuple:
    """Maximise ``F`` over ``ys`` with ``g >= 0`` for each ``(g, strict)`` and ``h = 0`` for ``nonlinear``.

    Returns ``(candidate, exact, certificate)``.  ``sense`` (1 or -1) only
    chooses between the ``CONCAVE`` and ``CONVEX`` certificates; ``bounded``
    says whether every variable has a bounded interval (otherwise the
    polytope is checked by linear programming).
    """
    log_args = [lg.args[0] for lg in F.atoms(sympy.log) if lg.has(*ys)]
    faces = Faces(ys, list(inequalities) + [(u, False) for u in log_args])
    params = F.free_symbols - set(ys)
    # 1. concave objective, affine constraints: an interior stationary point is the maximum
    if not nonlinear and curvature(F, ys) in ("concave", "affine"):
        grad = [sympy.diff(F, y) for y in ys]
        sols, complete = solve_stationary(grad, ys)
        for s in sols:
            if faces.strictly_inside(s):
                return Candidate(s, F.subs(s)), True, concavity_certificate(sense)
        if not params and not complete:
            numeric = _numeric_concave(F, ys, faces, digits)
            if numeric is not None:
                return numeric, False, concavity_certificate(sense)
    if not bounded and not faces.bounded():
        raise NotImplementedError(
            "in several variables the domain must be bounded unless the objective is concave"
        )
    # 2. every face of the polytope
    vertices = _vertices(faces, ys)
    if not vertices:
        raise OptimizationError("the domain is empty once the constraints are applied")
    candidates, complete, incomplete_faces = _face_candidates(F, ys, faces, vertices, nonlinear)
    if nonlinear:
        candidates = [c for c in candidates if all(sign_of(n.subs(c.point)) == 0 for n in nonlinear)]
        if not candidates:
            raise OptimizationError("no point of the domain satisfies the constraints")
    top, decided = best(candidates) if candidates else (None, False)
    if complete and decided and top is not None:
        return top, True, Certificate.CANDIDATES
    if params:
        raise UndecidedError(
            f"cannot decide the optimum: it depends on {', '.join(sorted(map(str, params)))}"
        )
    if nonlinear:
        raise NotImplementedError(
            "no exact solution found, and nonlinear equality constraints have no numeric fallback"
        )
    # 3. a numeric search
    return _numeric_nd(F, ys, faces, candidates, incomplete_faces, digits)


def _vertices(faces: Faces, ys: list) -> list[dict]:
    """The vertices of the polytope: the feasible points where ``len(ys)`` constraints are tight."""
    vertices: list[dict] = []
    for subset in itertools.combinations(range(len(faces.constraints)), len(ys)):
        eqs = [faces.constraints[i][0] for i in subset]
        solution = sympy.linsolve(eqs, ys)
        if not solution or solution is sympy.S.EmptySet:
            continue
        (values,) = solution.args
        if any(v.has(*ys) for v in values):
            continue
        point = dict(zip(ys, values, strict=True))
        if faces.feasible(point) and point not in vertices:
            vertices.append(point)
    return vertices


def _face_candidates(F: sympy.Expr, ys: list, faces: Faces, vertices: list[dict], nonlinear: list) -> tuple:
    """The candidates of every face, whether all were found, and the faces whose search is incomplete."""
    k = len(ys)
    candidates: list[Candidate] = []
    complete = True
    incomplete_faces = []
    for size in range(0, k + 1):
        for subset in itertools.combinations(range(len(faces.constraints)), size):
            on_face = [
                v for v in vertices if all(sign_of(faces.constraints[i][0].subs(v)) == 0 for i in subset)
            ]
            dim = k - size
            if len(on_face) < dim + 1:
                continue
            if dim > 0:
                base = on_face[0]
                rows = [[v[y] - base[y] for y in ys] for v in on_face[1:]]
                if sympy.Matrix(rows).rank() != dim:
                    continue
            eqs = [faces.constraints[i][0] for i in subset]
            elim = linear_elimination(eqs, ys)
            if elim is None:
                continue
            elimination, free = elim
            if dim == 0:
                point = dict(on_face[0])
                if not any(_same_point(point, c.point) for c in candidates):
                    candidates.append(Candidate(point, point_value(F, ys, point), faces.attained(point)))
                continue
            restricted = restrict(F, ys, elimination)
            if restricted is None:
                continue
            h = [sympy.expand(n.subs(elimination)) for n in nonlinear]
            sols, ok = _lagrange(restricted, free, h)
            if not ok:
                complete = False
                incomplete_faces.append((restricted, free, elimination, on_face))
            for s in sols:
                point = {y: sympy.expand(elimination.get(y, y).subs(s)) for y in ys}
                inside = faces.feasible(point)
                if inside is None:
                    if any(v.free_symbols for v in point.values()):
                        raise UndecidedError(
                            f"cannot decide whether the stationary point {point} is in the domain"
                        )
                    complete = False
                if not inside:
                    continue
                if not any(_same_point(point, c.point) for c in candidates):
                    candidates.append(Candidate(point, point_value(F, ys, point), faces.attained(point)))
    return candidates, complete, incomplete_faces


def _same_point(a: dict, b: dict) -> bool:
    return all(sign_of(a[y] - b[y]) == 0 for y in a)


def _lagrange(F: sympy.Expr, zs: list, h: list) -> tuple[list[dict], bool]:
    """Stationary points of ``F`` on ``h = 0`` (Lagrange), as dicts over ``zs``."""
    h = [e for e in h if e != 0]
    if not h:
        return solve_stationary([sympy.diff(F, z) for z in zs], zs)
    if len(h) > len(zs):
        return [], False
    mus = [sympy.Dummy(f"mu{j}") for j in range(len(h))]
    lagrangian = F + sum(m * e for m, e in zip(mus, h, strict=True))
    eqs = [sympy.diff(lagrangian, z) for z in zs] + h
    sols, ok = solve_stationary(eqs, list(zs) + mus)
    found = [{z: s[z] for z in zs} for s in sols]
    if len(h) == 1:  # singular points of the constraint: grad h = 0 on h = 0
        singular, ok2 = solve_stationary([sympy.diff(h[0], z) for z in zs] + h, zs)
        found += singular
        ok = ok and ok2
    else:
        ok = False
    return found, ok


def _numeric_concave(F: sympy.Expr, ys: list, faces: Faces, digits: int) -> Candidate | None:
    """Damped Newton ascent for a concave objective; ``None`` unless it converges inside.

    It starts from the point that maximises the smallest slack of the
    constraints (a linear program) and halves each Newton step until the
    trial point is strictly inside and the objective does not decrease.
    """
    s = sympy.Dummy("s")
    try:
        _, sol = lpmax(
            s, [sympy.GreaterThan(g - s, 0) for g, _ in faces.constraints] + [sympy.LessThan(s, 1)]
        )
    except (InfeasibleLPError, UnboundedLPError):
        return None
    if sign_of(sol.get(s, 0)) != 1:
        return None
    grad = [sympy.diff(F, y) for y in ys]
    hess = [[sympy.diff(g, y) for y in ys] for g in grad]
    ctx = working_context(digits)
    fn = compile_for(F, ys, ctx)
    gn = compile_for(sympy.Matrix(grad), ys, ctx)
    hn = compile_for(sympy.Matrix(hess), ys, ctx)
    slacks = compile_for(sympy.Matrix([g for g, _ in faces.constraints]), ys, ctx)
    x = ctx.matrix([to_context(sympy.sympify(sol.get(y, 0)), ctx) for y in ys])
    tol = ctx.mpf(10) ** (-(digits + 5))

    def inside(v):
        return all(ctx.re(c) > 0 for c in slacks(*v))

    for _ in range(200):
        g = gn(*x)
        if ctx.norm(g) < tol:
            break
        try:
            step = ctx.lu_solve(hn(*x), -g)
        except ZeroDivisionError:
            step = g
        t = ctx.mpf(1)
        f0 = fn(*x)
        while t > tol:
            trial = x + t * step
            if inside(trial) and ctx.re(fn(*trial)) >= ctx.re(f0):
                break
            t /= 2
        else:
            return None
        x = trial
    else:
        return None
    if ctx.norm(gn(*x)) > ctx.mpf(10) ** (-digits):
        return None
    point = {y: to_float(v, digits) for y, v in zip(ys, x, strict=True)}
    value = to_float(ctx.re(fn(*x)), digits)
    return Candidate(point, value)


def _numeric_nd(F, ys, faces, candidates, incomplete_faces, digits) -> tuple:
    """Numeric search: exact candidates plus local roots of the gradient on incomplete faces."""
    ctx = working_context(digits)
    found = []
    for c in candidates:
        found.append((c.point, to_context(c.value, ctx), c.attained, True))
    slacks = [compile_for(g, ys, ctx) for g, _ in faces.constraints]
    for restricted, free, elimination, on_face in incomplete_faces:
        grad = sympy.Matrix([sympy.diff(restricted, z) for z in free])
        gn = compile_for(grad, free, ctx)
        fn = compile_for(restricted, free, ctx)
        coordinates = {y: compile_for(elimination.get(y, y), free, ctx) for y in ys}
        centre = {z: sum(v[z] for v in on_face) / len(on_face) for z in free}
        starts = [centre] + [{z: (centre[z] + v[z]) / 2 for z in free} for v in on_face]
        for start in starts:
            x0 = [to_context(start[z], ctx) for z in free]
            try:
                root = ctx.findroot(lambda *v, gn=gn: list(gn(*v)), x0)
            except (ValueError, ZeroDivisionError, TypeError):
                continue
            root = list(root) if isinstance(root, ctx.matrix) else [root]
            if any(abs(ctx.im(r)) > ctx.mpf(10) ** (-digits) for r in root):
                continue
            root = [ctx.re(r) for r in root]
            point = {y: coordinates[y](*root) for y in ys}
            if not all(ctx.re(g(*[point[y] for y in ys])) >= 0 for g in slacks):
                continue
            found.append((point, ctx.re(fn(*root)), True, False))
    top = max((c for c in found if c[2]), key=lambda c: c[1])
    point = {y: to_float(v, digits) for y, v in top[0].items()}
    value = to_float(top[1], digits)
    return Candidate(point, value), False, Certificate.NUMERIC
