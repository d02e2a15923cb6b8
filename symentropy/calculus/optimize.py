"""Exact maximisation and minimisation of symbolic results.

=====================================  ===============================================
function                               answer
=====================================  ===============================================
:func:`maximize`                       maximum and a maximiser, with a certificate
:func:`minimize`                       minimum and a minimiser, with a certificate
:func:`max_entropy`                    the maximum-entropy distribution under
                                       linear moment constraints
=====================================  ===============================================

An optimum is exact when it can be found in closed form and proved global:
the candidates are the stationary points inside the domain and on each face
of its boundary, and the answer carries a :class:`Certificate` saying why it
is the global optimum (the objective is concave, or every candidate was
compared).  Otherwise the answer is numeric, to the requested number of
``digits``, and says so: ``exact`` is ``False``, the values are sympy
``Float`` numbers, and the printed form uses ``≈``.  A Python ``float`` never
comes out.

Domains and boundaries
======================

Each variable ranges over an interval, ``[0, 1]`` unless ``domain=`` says
otherwise (symentropy's variables are mostly probabilities); an optimum at
an open end counts as not attained.  The domain is further restricted to
where the objective is real: every ``log(u)`` in it needs ``u >= 0``.  At a
boundary point where ``u = 0`` the objective takes its limit value, so
``p*log(p)`` counts as ``0`` at ``p = 0``: in one variable the value is
computed by :func:`sympy.limit` from inside the domain; in several variables
a term ``c*log(u)`` with ``c`` a polynomial multiple of ``u`` is ``0`` where
``u = 0``, and ``-oo`` or ``oo`` where ``c`` is a nonzero constant.

Stationary points
=================

Affine equality constraints are solved first, eliminating variables; what
remains is handled by Lagrange multipliers.  A stationary equation that is a
rational function, or a log-linear one such as ``log((1 - p)/p) = c``, is
turned into a polynomial equation (exponentiating is valid inside the
domain, where every logarithm has a positive argument).  One polynomial
equation is solved completely: rational coefficients give rationals,
radicals (degree 2) or ``CRootOf`` numbers, all exact.  A polynomial system
is solved through a lexicographic Groebner basis (small systems only: a
Bezout number up to ``_BEZOUT_LIMIT``).  In several variables the candidates
are the stationary points inside the domain and on every face of the
polytope that the affine constraints cut out, down to its vertices.  When
the objective is provably concave (a structural check: sums of ``-u
log(u)``, ``log(u)``, affine terms, ...; or ``f'' <= 0`` in one variable) one
stationary point inside the domain is enough.  If some candidates cannot be
found exactly, mpmath finds them numerically (sign changes of ``f'`` on a
grid in one variable, damped Newton steps or ``findroot`` in several).

Comparisons
===========

Two candidate values are compared through the sign of their difference:
first exactly (sympy's assumptions, then exact rewriting of logarithms of
rationals into logarithms of primes), then numerically with mpmath at 30, 60
and 120 digits, where a sign counts only when the difference exceeds
``10**(-digits/2)`` in absolute value.  A difference that stays below that
margin and cannot be proved zero makes the answer numeric.  A comparison
that depends on symbols other than the variables raises
:class:`~symentropy.errors.UndecidedError`.

Errors
======

=====================================  ===============================================
exception                              raised when
=====================================  ===============================================
``TypeError``                          the objective is not a sympy expression or
                                       number, ``over`` holds something other than
                                       symbols, a domain is not an interval
:class:`~.InexactInputError`           a float is given
:class:`~.UnknownVariableError`        a symbol of ``over`` is not in the problem,
                                       or a key of ``domain`` is not in ``over``
:class:`~.OptimizationError`           the domain or the constraints leave no point,
                                       or the optimum is not attained (unbounded)
:class:`~.DistributionError`           ``max_entropy`` is given an empty support or
                                       one that lists an outcome twice
:class:`~.UndecidedError`              the optimum depends on other symbols in a
                                       way that cannot be decided
``NotImplementedError``                a problem shape outside what is handled
=====================================  ===============================================

Examples
========

>>> from sympy import Symbol
>>> from symentropy import Distribution, entropy
>>> from symentropy.calculus.optimize import maximize
>>> p = Symbol("p")
>>> best = maximize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
>>> best.value, best.argmax, best.certificate
(1, {p: 1/2}, <Certificate.CONCAVE: 'concave on the domain'>)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import mpmath
import sympy
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError, lpmax, lpmin

from ..core.distribution import Distribution
from ..errors import DistributionError, OptimizationError, UndecidedError, UnknownVariableError
from ..kernel.exact import as_exact, safe_sympify
from ..kernel.lambdify import lambdify
from ..kernel.logbase import Base, as_base
from ..measures.shannon import entropy

__all__ = [
    "maximize",
    "minimize",
    "max_entropy",
    "OptimizationResult",
    "MaxEntropyResult",
    "Certificate",
]

#: Digits used for numeric comparisons of exact candidate values.
_COMPARE_DIGITS = (30, 60, 120)

#: Largest Bezout number of a polynomial system solved exactly (Groebner bases grow fast).
_BEZOUT_LIMIT = 36


class Certificate(StrEnum):
    """Why an optimum is the global one.

    ``CONCAVE`` (for a maximum) and ``CONVEX`` (for a minimum): the objective
    is concave (convex) on a convex domain, so a stationary point is the
    global optimum.  ``CANDIDATES``: every stationary point inside the domain
    and on each face of its boundary was found, and all values were
    compared.  ``GIBBS``: the distribution has the Gibbs form and satisfies
    the constraints, which makes it the unique maximum-entropy distribution
    (Cover & Thomas, 2nd ed., Theorem 12.1.1).  ``NUMERIC``: the best point of
    a numeric search; global optimality is not proved.  A numeric answer
    keeps ``CONCAVE`` or ``CONVEX`` when that is proved: the numeric
    stationary point is then the global optimum, to the digits given.
    """

    CONCAVE = "concave on the domain"
    CONVEX = "convex on the domain"
    CANDIDATES = "all candidates compared"
    GIBBS = "Gibbs form (Cover & Thomas, Theorem 12.1.1)"
    NUMERIC = "numeric search, not proved global"


# ---------------------------------------------------------------------------
# result objects
# ---------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class OptimizationResult:
    """The answer of :func:`maximize` or :func:`minimize`.

    Attributes
    ==========

    value : sympy expression
        The optimum.  Exact when ``exact`` is ``True``; otherwise a sympy
        ``Float`` correct to about ``digits`` significant digits.
    point : dict
        An optimiser, from each symbol of ``over`` to its value; also
        available as ``argmax`` (for a maximum) or ``argmin`` (for a minimum).
    exact : bool
        Whether ``value`` and ``point`` are exact.
    certificate : Certificate
        Why the optimum is global (see :class:`Certificate`).
    digits : int or None
        Significant digits of a numeric answer; ``None`` when exact.
    multipliers : tuple
        Lagrange multipliers ``l_j`` of the equality constraints, in their
        order, with ``grad f = sum_j l_j grad(lhs_j - rhs_j)`` at the optimum;
        empty when there are no equality constraints or the optimum is on the
        boundary of the domain.
    sense : str
        ``"max"`` or ``"min"``.
    """

    sense: str
    value: sympy.Expr
    point: dict
    exact: bool
    certificate: Certificate
    digits: int | None = None
    multipliers: tuple = field(default=())

    @property
    def argmax(self) -> dict:
        """The maximiser (only for the result of :func:`maximize`)."""
        if self.sense != "max":
            raise AttributeError("this is a minimum: use .argmin (or .point)")
        return self.point

    @property
    def argmin(self) -> dict:
        """The minimiser (only for the result of :func:`minimize`)."""
        if self.sense != "min":
            raise AttributeError("this is a maximum: use .argmax (or .point)")
        return self.point

    def _sympystr(self, printer: Any) -> str:
        eq = " = " if self.exact else " ≈ "
        at = ", ".join(f"{printer._print(k)}{eq}{printer._print(v)}" for k, v in self.point.items())
        how = str(self.certificate) if self.exact else f"numeric, {self.digits} digits; {self.certificate}"
        return f"{self.sense}{eq.rstrip()} {printer._print(self.value)} at {at or '()'} ({how})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        rel = "=" if self.exact else r"\approx"
        at = ",\\ ".join(f"{printer._print(k)} {rel} {printer._print(v)}" for k, v in self.point.items())
        return rf"\{self.sense} {rel} {printer._print(self.value)} \text{{ at }} {at}"

    def __str__(self) -> str:
        return sympy.sstr(self)

    __repr__ = __str__

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"


@dataclass(frozen=True, repr=False)
class MaxEntropyResult:
    """The answer of :func:`max_entropy`.

    Attributes
    ==========

    pmf : sympy.Lambda
        The probability of an outcome ``k`` of the support, in Gibbs form
        ``exp(l_0 + sum_j l_j f_j(k))`` simplified (e.g. ``(1 - q)*q**k``).
    distribution : Distribution or None
        The distribution itself, for an exact answer on a finite support;
        ``None`` for an infinite support or a numeric answer.
    value : sympy expression
        The maximum entropy, in the requested base.
    multipliers : tuple or None
        ``(l_0, l_1, ..., l_m)`` of Cover & Thomas, Theorem 12.1.1, with
        ``p(k) = exp(l_0 + sum_j l_j f_j(k))`` (natural logarithms); ``None``
        when a constraint sits at the edge of its range and forces the
        support (no finite multiplier exists).
    exact : bool
        Whether the answer is exact.
    certificate : Certificate
        ``Certificate.GIBBS``.
    digits : int or None
        Significant digits of a numeric answer; ``None`` when exact.
    probabilities : tuple
        The probabilities on a finite support, in the order of ``support``;
        empty for an infinite support.
    support : tuple
        The outcomes (empty for an infinite support).
    """

    pmf: sympy.Lambda
    distribution: Distribution | None
    value: sympy.Expr
    multipliers: tuple | None
    exact: bool
    certificate: Certificate
    digits: int | None = None
    probabilities: tuple = ()
    support: tuple = ()

    def _sympystr(self, printer: Any) -> str:
        k = self.pmf.variables[0]
        eq = "=" if self.exact else "≈"
        how = "exact" if self.exact else f"numeric, {self.digits} digits"
        return (
            f"p({printer._print(k)}) {eq} {printer._print(self.pmf.expr)}, "
            f"H {eq} {printer._print(self.value)} ({how}; {self.certificate})"
        )

    def _latex(self, printer: Any, exp: Any = None) -> str:
        k = self.pmf.variables[0]
        rel = "=" if self.exact else r"\approx"
        return (
            f"p({printer._print(k)}) {rel} {printer._print(self.pmf.expr)},\\quad "
            f"H {rel} {printer._print(self.value)}"
        )

    def __str__(self) -> str:
        return sympy.sstr(self)

    __repr__ = __str__

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"


# ---------------------------------------------------------------------------
# signs, comparisons, tidy values
# ---------------------------------------------------------------------------


def _prime_logs(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite ``log(r)`` for positive rationals ``r`` as sums of logarithms of primes."""
    mapping = {}
    for lg in expr.atoms(sympy.log):
        r = lg.args[0]
        if r.is_Rational and r.is_positive and r != 1:
            parts = [e * sympy.log(q) for q, e in sympy.factorint(r.p).items()]
            parts += [-e * sympy.log(q) for q, e in sympy.factorint(r.q).items()]
            mapping[lg] = sympy.Add(*parts)
    return expr.xreplace(mapping) if mapping else expr


def _powers(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite ``exp(c*log(b))`` as ``b**c``."""
    return expr.replace(
        lambda e: isinstance(e, sympy.exp) and e.has(sympy.log), lambda e: e.rewrite(sympy.Pow)
    )


def _tidy_value(value: sympy.Expr) -> sympy.Expr:
    """A short exact form of an optimum value (logarithms of primes, cancelled)."""
    if value.is_Rational or value.is_infinite:
        return value
    value = _powers(value)
    tidied = value.replace(
        lambda e: isinstance(e, sympy.log), lambda e: sympy.log(sympy.factor(sympy.together(e.args[0])))
    )
    tidied = sympy.expand(_prime_logs(sympy.expand_log(tidied)))
    candidates = [value, tidied]
    if tidied.free_symbols:
        candidates.append(sympy.together(tidied))
    return min(candidates, key=lambda e: (sympy.count_ops(e), len(str(e))))


def _tidy_point(value: sympy.Expr) -> sympy.Expr:
    """A short exact form of a coordinate of an optimiser."""
    if value.is_Atom or value.is_Rational:
        return value
    value = _powers(value)
    candidates = [value, sympy.together(value)]
    if value.has(sympy.Pow):
        candidates.append(sympy.radsimp(value))
        candidates.append(sympy.expand(candidates[-1]))
    if value.free_symbols and sympy.count_ops(value) < 40:
        candidates.append(sympy.simplify(value))
    return min(candidates, key=lambda e: (sympy.count_ops(e), len(str(e))))


def _numeric_sign(expr: sympy.Expr) -> int | None:
    """Sign of a constant expression from evaluations at increasing precision, with a margin."""
    for digits in _COMPARE_DIGITS:
        try:
            value = sympy.N(expr, digits, maxn=4 * digits)
        except (TypeError, ValueError, ArithmeticError):
            return None
        re, im = value.as_real_imag()
        if not (re.is_Number and im.is_Number) or re.has(sympy.nan):
            return None
        if abs(im) > sympy.Float(10) ** (-(digits // 2)):
            return None
        if abs(re) > sympy.Float(10) ** (-(digits // 2)):
            return 1 if re > 0 else -1
    return None


def _proved_zero(expr: sympy.Expr) -> bool:
    """Whether a constant expression is provably zero (``False`` means "not proved")."""
    if expr == 0:
        return True
    if not expr.is_number:
        return expr.is_zero is True
    roots = expr.atoms(sympy.CRootOf)
    if roots:  # a rational function of one algebraic number: reduce modulo its minimal polynomial
        if len(roots) != 1:
            return False
        (root,) = roots
        t = sympy.Dummy("t")
        numer, _ = sympy.fraction(sympy.together(expr.xreplace({root: t})))
        if not numer.is_polynomial(t) or numer.free_symbols - {t}:
            return False
        try:
            return sympy.rem(
                sympy.Poly(numer, t, domain="QQ"),
                sympy.Poly(root.poly.as_expr(), root.poly.gen).replace(root.poly.gen, t),
            ).is_zero
        except (sympy.PolynomialError, sympy.CoercionFailed):
            return False
    if expr.is_zero:
        return True
    rewritten = sympy.expand(_prime_logs(sympy.expand_log(expr)))
    if rewritten == 0:
        return True
    if not expr.has(sympy.log, sympy.exp) and sympy.count_ops(expr) < 40 and expr.is_algebraic:
        try:
            x = sympy.Dummy("x")
            return sympy.minimal_polynomial(expr, x) == x
        except (NotImplementedError, sympy.PolynomialError, ValueError):
            return False
    return False


def _sign(expr: Any) -> int | None:
    """The sign of ``expr`` (1, 0, -1) when it can be decided, else ``None``.

    Numbers are evaluated first (a sign counts only beyond a margin, see the
    module documentation); a number too close to zero must be proved zero.
    Expressions with symbols use sympy's assumptions on a few rewritings.
    """
    expr = safe_sympify(expr)
    if expr.is_Rational:
        return 1 if expr.p > 0 else -1 if expr.p < 0 else 0
    if expr.has(sympy.nan, sympy.zoo):
        return None
    if expr.is_number:
        s = _numeric_sign(expr)
        if s is not None:
            return s
        return 0 if _proved_zero(expr) else None
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    for form in (sympy.together, sympy.factor):
        try:
            other = form(expr)
        except (sympy.PolynomialError, NotImplementedError):
            continue
        if other.is_zero:
            return 0
        if other.is_positive:
            return 1
        if other.is_negative:
            return -1
        numer, denom = sympy.fraction(other)
        sn, sd = numer.is_positive, denom.is_positive
        if sd is not None and (numer.is_negative or sn):
            return 1 if bool(sn) == bool(sd) else -1
    expanded = sympy.expand(_prime_logs(sympy.expand_log(expr)))
    if expanded == 0:
        return 0
    if expanded.is_positive:
        return 1
    if expanded.is_negative:
        return -1
    return None


def _compare(a: sympy.Expr, b: sympy.Expr) -> int | None:
    """Sign of ``a - b``, with infinities; ``None`` when undecided."""
    if a == b:
        return 0
    if a.is_infinite or b.is_infinite:
        if a == b:
            return 0
        if a is sympy.oo or b is sympy.S.NegativeInfinity:
            return 1
        if a is sympy.S.NegativeInfinity or b is sympy.oo:
            return -1
        return None
    return _sign(a - b)


# ---------------------------------------------------------------------------
# problem description
# ---------------------------------------------------------------------------


def _check_digits(digits: Any) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 1:
        raise TypeError(f"digits must be a positive int, got {digits!r}")
    return digits


def _as_objective(expr: Any, symbols: Mapping[str, sympy.Symbol]) -> sympy.Expr:
    if isinstance(expr, (list, tuple, dict, set)) or expr is None:
        raise TypeError(f"the objective must be a sympy expression, got {type(expr).__name__}")
    try:
        value = as_exact(expr, symbols=symbols, what="the objective")
    except TypeError as error:
        if isinstance(error, ValueError):  # InexactInputError: keep it
            raise
        raise TypeError(f"the objective must be a sympy expression, got {expr!r}") from None
    if value.has(sympy.nan, sympy.zoo):
        raise TypeError(f"the objective {value} is not a finite expression")
    return value


def _as_over(over: Any, expr: sympy.Expr) -> tuple[sympy.Symbol, ...]:
    if over is None:
        free = sorted(expr.free_symbols, key=lambda s: s.name)
        if len(free) > 1:
            names = ", ".join(s.name for s in free)
            raise TypeError(f"over= is needed: the objective has several symbols ({names})")
        return tuple(free)
    if isinstance(over, sympy.Symbol):
        return (over,)
    if isinstance(over, (str, sympy.Basic)) or not isinstance(over, Iterable):
        raise TypeError(f"over must be a Symbol or a tuple of Symbols, got {over!r}")
    symbols = tuple(dict.fromkeys(over))
    for s in symbols:
        if not isinstance(s, sympy.Symbol):
            raise TypeError(f"over must be a Symbol or a tuple of Symbols, got {s!r} in {over!r}")
    return symbols


def _as_interval(value: Any, symbol: sympy.Symbol) -> sympy.Interval:
    if isinstance(value, tuple) and len(value) == 2:
        lo, hi = (
            as_exact(v, what=f"domain of {symbol}") if v not in (sympy.oo, -sympy.oo) else v for v in value
        )
        value = sympy.Interval(lo, hi)
    if value is sympy.S.EmptySet or (isinstance(value, sympy.Set) and value.is_empty):
        raise OptimizationError(f"the domain of {symbol} is empty: {value}")
    if not isinstance(value, sympy.Interval):
        raise TypeError(f"the domain of {symbol} must be a sympy Interval, got {value!r}")
    for end in (value.start, value.end):
        if end.has(sympy.Float):
            as_exact(end, what=f"domain of {symbol}")  # raises InexactInputError
    return value


def _as_domain(domain: Any, over: tuple[sympy.Symbol, ...]) -> dict[sympy.Symbol, sympy.Interval]:
    default = sympy.Interval(0, 1)
    if domain is None:
        return {x: default for x in over}
    if isinstance(domain, Mapping):
        result = {x: default for x in over}
        for key, value in domain.items():
            if key not in result:
                raise UnknownVariableError(f"domain is given for {key}, which is not in over={over}")
            result[key] = _as_interval(value, key)
        return result
    return {x: _as_interval(domain, x) for x in over}


@dataclass
class _Constraints:
    equalities: list  # expressions equal to 0
    inequalities: list  # (g, strict): g >= 0 or g > 0
    originals: list  # the equality constraints as given (for multipliers)


def _as_constraints(constraints: Any, symbols: Mapping[str, sympy.Symbol]) -> _Constraints:
    if isinstance(constraints, (sympy.Basic, str)):
        constraints = [constraints]
    result = _Constraints([], [], [])
    for c in constraints:
        if isinstance(c, str):
            c = as_exact(c, symbols=symbols, what="a constraint")
        if c is sympy.true:
            continue
        if c is sympy.false:
            raise OptimizationError("a constraint is False: no point satisfies it")
        if isinstance(c, sympy.Equality):
            g = as_exact(c.lhs, what="a constraint") - as_exact(c.rhs, what="a constraint")
            result.equalities.append(g)
            result.originals.append(g)
        elif isinstance(c, (sympy.GreaterThan, sympy.StrictGreaterThan)):
            g = as_exact(c.lhs, what="a constraint") - as_exact(c.rhs, what="a constraint")
            result.inequalities.append((g, isinstance(c, sympy.StrictGreaterThan)))
        elif isinstance(c, (sympy.LessThan, sympy.StrictLessThan)):
            g = as_exact(c.rhs, what="a constraint") - as_exact(c.lhs, what="a constraint")
            result.inequalities.append((g, isinstance(c, sympy.StrictLessThan)))
        elif isinstance(c, sympy.Expr) or not isinstance(c, sympy.Basic):
            g = as_exact(c, symbols=symbols, what="a constraint")
            result.equalities.append(g)
            result.originals.append(g)
        else:
            raise TypeError(f"a constraint must be an Eq, an inequality or an expression, got {c!r}")
    return result


def _is_affine(expr: sympy.Expr, xs: Sequence[sympy.Symbol]) -> bool:
    if not expr.has(*xs):
        return True
    if not expr.is_polynomial(*xs):
        return False
    return sympy.Poly(expr, *xs).total_degree() <= 1


# ---------------------------------------------------------------------------
# curvature: a structural proof of concavity or convexity
# ---------------------------------------------------------------------------

_FLIP = {"concave": "convex", "convex": "concave", "affine": "affine"}


def _curvature(expr: sympy.Expr, xs: Sequence[sympy.Symbol]) -> str | None:
    """``"affine"``, ``"concave"`` or ``"convex"`` when provable from the structure, else ``None``.

    Rules: sums of functions of one curvature keep it; a constant factor of
    known sign keeps or flips it; ``u*log(u)``, ``u**(2k)`` and ``exp(u)`` are
    convex and ``log(u)`` and ``u**r`` (``0 < r < 1``) concave for affine ``u``.
    """
    if _is_affine(expr, xs):
        return "affine"
    if expr.is_Add:
        kinds = {_curvature(a, xs) for a in expr.args}
        if None in kinds:
            return None
        kinds.discard("affine")
        return kinds.pop() if len(kinds) == 1 else ("affine" if not kinds else None)
    if expr.is_Mul:
        coeff, rest = expr.as_independent(*xs, as_Add=False)
        if coeff != 1:
            kind = _curvature(rest, xs)
            if kind in (None, "affine"):
                return kind
            s = _sign(coeff)
            return kind if s == 1 else _FLIP[kind] if s == -1 else None
        factors = list(rest.args)
        logs = [f for f in factors if isinstance(f, sympy.log)]
        if len(factors) == 2 and len(logs) == 1:
            lg = logs[0]
            other = factors[0] if factors[1] is lg else factors[1]
            u = lg.args[0]
            if _is_affine(u, xs) and _is_affine(other, xs):
                ratio = sympy.cancel(other / u)
                if not ratio.has(*xs):
                    s = _sign(ratio)
                    return "convex" if s == 1 else "concave" if s == -1 else None
        return None
    if isinstance(expr, sympy.log) and _is_affine(expr.args[0], xs):
        return "concave"
    if isinstance(expr, sympy.exp) and _curvature(expr.args[0], xs) in ("affine", "convex"):
        return "convex"
    if expr.is_Pow and _is_affine(expr.base, xs) and expr.exp.is_Rational:
        if expr.exp.is_integer and expr.exp.is_even and expr.exp > 0:
            return "convex"
        if 0 < expr.exp < 1:
            return "concave"
    return None


# ---------------------------------------------------------------------------
# equations: from log equations to polynomial ones
# ---------------------------------------------------------------------------


def _polynomial_form(eq: sympy.Expr, xs: Sequence[sympy.Symbol]) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(numerator, denominator)`` of a rational equation equivalent to ``eq = 0``.

    Valid inside the domain, where every logarithm has a positive argument.
    A rational function gives its numerator.  A log-linear equation
    ``sum_i c_i log(u_i) + r = 0`` with constant ``c_i`` in rational ratios
    and constant ``r`` is exponentiated to ``prod_i u_i**n_i = exp(-N r/c)``.
    Returns ``None`` for other equations.
    """
    eq = safe_sympify(eq)
    logs = [lg for lg in eq.atoms(sympy.log) if lg.has(*xs)]
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
    scale = sympy.ilcm(*[r.q for r in ratios]) if ratios else 1
    powers = [int(r * scale) for r in ratios]
    target = sympy.exp(sympy.expand(-scale * rest / pivot)).rewrite(sympy.Pow)
    product = sympy.Mul(*[lg.args[0] ** n for lg, n in zip(logs, powers, strict=True)])
    numer, denom = sympy.fraction(sympy.together(product - target))
    if not (numer.is_polynomial(*xs) and denom.is_polynomial(*xs)):
        return None
    return sympy.expand(numer), denom


def _univariate_roots(poly_expr: sympy.Expr, x: sympy.Symbol) -> tuple[list[sympy.Expr], bool]:
    """Real roots of a polynomial in ``x``, and whether the list is complete.

    Rational coefficients: every real root, as rationals, radicals (degree 2)
    or ``CRootOf`` (irreducible factors of degree 3 or more, which avoids
    Cardano's formulas and their complex intermediate values).  Other
    coefficients: degrees 1 and 2 by formula, higher degrees through
    :func:`sympy.roots` when it finds them all.
    """
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
        s = _sign(disc)
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


def _is_nonreal(value: sympy.Expr) -> bool:
    if value.is_real is False:
        return True
    if value.is_real or not value.is_number:
        return False
    return _numeric_sign(sympy.im(value)) in (1, -1)


def _solve_polynomial_system(polys: list[sympy.Expr], xs: Sequence[sympy.Symbol]) -> tuple[list[dict], bool]:
    """Real solutions of a polynomial system, and whether the list is complete.

    A lexicographic Groebner basis is triangular for a zero-dimensional
    system: the last variable is a root of a univariate polynomial, and each
    earlier one a common root of the basis polynomials once the later ones
    are substituted.  (``sympy.solve`` is not used: it can miss solutions
    whose coordinates are not radicals and can take very long.)  Systems
    whose Bezout number (the product of the degrees) exceeds
    ``_BEZOUT_LIMIT`` are not attempted: the list is then incomplete.
    """
    bezout = 1
    for g in polys:
        bezout *= max(sympy.Poly(g, *xs).total_degree(), 1)
    if bezout > _BEZOUT_LIMIT:
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
            roots, ok = _univariate_roots(pivot, x)
            complete = complete and ok
            for r in roots:
                if _is_nonreal(r):
                    continue
                checks = [_sign(g.subs(x, r)) for g in polys_here if g is not pivot]
                if any(c not in (0, None) for c in checks):
                    continue
                if None in checks:
                    complete = False
                    continue
                grown.append({**sol, x: r})
        partial = grown
    return partial, complete


def _solve_stationary(eqs: list[sympy.Expr], xs: Sequence[sympy.Symbol]) -> tuple[list[dict], bool]:
    """Solutions of ``eqs = 0`` (real, inside the domain) and whether the list is complete."""
    eqs = [safe_sympify(e) for e in eqs]
    eqs = [e for e in eqs if e != 0]
    if not eqs:  # a constant function: its value is the value at the vertices
        return [], True
    forms = [_polynomial_form(e, xs) for e in eqs]
    if all(f is not None for f in forms):
        numers = [f[0] for f in forms]
        denoms = [f[1] for f in forms]
        if len(xs) == 1:
            x = xs[0]
            common = sympy.gcd_list(numers) if len(numers) > 1 else numers[0]
            roots, complete = _univariate_roots(common, x)
            sols = [{x: r} for r in roots]
        else:
            sols, complete = _solve_polynomial_system(numers, xs)
        kept = []
        for s in sols:
            if any(_is_nonreal(v) for v in s.values()):
                continue
            if any(_sign(d.subs(s)) == 0 for d in denoms):
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
            sols = [{x: r} for r in found if all(_sign(e.subs(x, r)) == 0 for e in eqs[1:])]
            return sols, True
        return [], False
    return [], False


# ---------------------------------------------------------------------------
# numeric helpers (mpmath)
# ---------------------------------------------------------------------------


def _mp_function(expr: sympy.Expr, xs: Sequence[sympy.Symbol]) -> Callable:
    return lambdify(list(xs), expr, modules="mpmath")


def _to_float(value: Any, digits: int) -> sympy.Float:
    if isinstance(value, sympy.Basic):
        return sympy.Float(sympy.N(value, digits + 5), digits)
    return sympy.Float(value, digits)


def _mp_value(value: sympy.Expr) -> Any:
    """An mpmath number for an exact value, at the current working precision."""
    if value is sympy.oo:
        return mpmath.inf
    if value is sympy.S.NegativeInfinity:
        return -mpmath.inf
    return mpmath.mpf(sympy.N(value, mpmath.mp.dps + 5))


# ---------------------------------------------------------------------------
# one variable
# ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    point: dict
    value: Any
    attained: bool = True


def _limit_value(f: sympy.Expr, x: sympy.Symbol, at: sympy.Expr, direction: str) -> sympy.Expr:
    """``f`` at an end of an interval, as a limit from inside (``0 log 0 = 0``)."""
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


def _feasible_set_1d(x: sympy.Symbol, inequalities: list, logs_args: list) -> sympy.Set:
    feasible: sympy.Set = sympy.S.Reals
    for g, strict in inequalities:
        if not g.has(x):
            s = _sign(g)
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


def _optimize_1d(f: sympy.Expr, x: sympy.Symbol, inequalities: list, digits: int, sense: int) -> tuple:
    """Maximise ``f`` over ``x`` subject to ``g >= 0``; returns (candidate, exact, certificate)."""
    log_args = [lg.args[0] for lg in f.atoms(sympy.log) if lg.has(x)]
    feasible = _feasible_set_1d(x, inequalities, log_args)
    parts = _components(feasible, x)
    if not parts:
        raise OptimizationError(f"the domain of {x} is empty once the constraints are applied")
    df = sympy.diff(f, x)
    concave_shape = _curvature(f, [x]) in ("concave", "affine")
    sols, complete = _solve_stationary([df], [x])
    candidates: list[_Candidate] = []
    intervals = [part for part in parts if isinstance(part, sympy.Interval)]
    concave = (
        bool(intervals)
        and len(parts) == 1
        and (concave_shape or _second_derivative_sign(f, x, parts[0]) == -1)
    )
    for part in parts:
        if isinstance(part, sympy.FiniteSet):
            (v,) = part.args
            candidates.append(_Candidate({x: v}, _interior_value(f, {x: v})))
            continue
        lo, hi = part.start, part.end
        interior = []
        for s in sols:
            r = s[x]
            inside = (_compare(r, lo), _compare(hi, r))
            if inside == (1, 1):
                interior.append(r)
            elif None in inside:
                if r.free_symbols - {x}:
                    raise UndecidedError(f"cannot decide whether the stationary point {x} = {r} is in {part}")
                complete = False
        if concave and interior:
            r = interior[0]
            return _Candidate({x: r}, _interior_value(f, {x: r})), True, _concave_certificate(sense)
        ends = [
            (lo, "+", not part.left_open and lo.is_finite),
            (hi, "-", not part.right_open and hi.is_finite),
        ]
        if concave and not complete:
            # f' is nonincreasing: f' <= 0 at the left end, or >= 0 at the right end, settles it
            for end, direction, _attained in ends:
                slope = _limit_value(df, x, end, direction)
                if _sign(slope) in ((0, -1) if direction == "+" else (0, 1)):
                    complete = True
        for end, direction, attained in ends:
            candidates.append(_Candidate({x: end}, _limit_value(f, x, end, direction), attained))
        for r in interior:
            candidates.append(_Candidate({x: r}, _interior_value(f, {x: r})))
    best, decided = _best(candidates)
    if complete and decided:
        return best, True, _concave_certificate(sense) if concave else Certificate.CANDIDATES
    if f.free_symbols - {x}:
        raise UndecidedError(
            f"cannot decide the optimum: it depends on {', '.join(sorted(map(str, f.free_symbols - {x})))}"
        )
    best, _, certificate = _numeric_1d(f, x, intervals, candidates, digits)
    return best, False, _concave_certificate(sense) if concave else certificate


def _interior_value(f: sympy.Expr, point: dict) -> sympy.Expr:
    value = f.subs(point)
    if value.has(sympy.nan, sympy.zoo):
        raise NotImplementedError(f"cannot evaluate {f} at {point}")
    return value


def _best(candidates: list[_Candidate]) -> tuple[_Candidate, bool]:
    """The candidate of largest value, and whether every needed comparison was decided."""
    best = candidates[0]
    decided = True
    for c in candidates[1:]:
        s = _compare(c.value, best.value)
        if s is None:
            decided = False
        elif s > 0 or (s == 0 and c.attained and not best.attained):
            best = c
    if not best.attained and decided:
        if best.value is sympy.oo:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        tie = [c for c in candidates if c.attained and _compare(c.value, best.value) == 0]
        if tie:
            return tie[0], decided
        raise OptimizationError(
            f"the optimum {best.value} is approached at {best.point} but not attained on the domain"
        )
    return best, decided


def _numeric_1d(
    f: sympy.Expr, x: sympy.Symbol, intervals: list, exact: list[_Candidate], digits: int
) -> tuple:
    """Numeric maximisation in one variable: sign changes of ``f'`` on a grid, refined by mpmath."""
    df = sympy.diff(f, x)
    with mpmath.workdps(digits + 15):
        fn, dfn = _mp_function(f, [x]), _mp_function(df, [x])
        found: list[tuple[Any, Any, bool]] = []
        for c in exact:
            found.append(
                (_mp_value(c.point[x]) if c.point[x].is_finite else None, _mp_value(c.value), c.attained)
            )
        for part in intervals:
            lo, hi = part.start, part.end
            if lo.is_finite and hi.is_finite:
                a, b = _mp_value(lo), _mp_value(hi)

                def to_x(t, a=a, b=b):
                    return a + (b - a) * t

            elif lo.is_finite:
                a = _mp_value(lo)

                def to_x(t, a=a):
                    return a + t / (1 - t)

            elif hi.is_finite:
                b = _mp_value(hi)

                def to_x(t, b=b):
                    return b - (1 - t) / t

            else:

                def to_x(t):
                    return mpmath.tan(mpmath.pi * (t - mpmath.mpf(1) / 2))

            n = 200
            grid = [to_x(mpmath.mpf(i) / n) for i in range(1, n)]
            slopes = []
            for g in grid:
                try:
                    slopes.append(mpmath.re(dfn(g)))
                except (ValueError, ZeroDivisionError, TypeError):
                    slopes.append(None)
            for (g0, s0), (g1, s1) in itertools.pairwise(zip(grid, slopes, strict=True)):
                if s0 is None or s1 is None or s0 == 0 or (s0 > 0) == (s1 > 0):
                    if s0 == 0:
                        found.append((g0, mpmath.re(fn(g0)), True))
                    continue
                try:
                    root = mpmath.findroot(lambda v: mpmath.re(dfn(v)), (g0, g1), solver="illinois")
                except (ValueError, ZeroDivisionError):
                    continue
                if min(g0, g1) <= root <= max(g0, g1):
                    found.append((root, mpmath.re(fn(root)), True))
        attained = [c for c in found if c[2]]
        if not attained:
            raise OptimizationError("no point of the domain attains the optimum")
        best = max(attained, key=lambda c: c[1])
        if best[0] is None:
            raise OptimizationError("the optimum is not attained on the domain")
        sup = max(c[1] for c in found)
        if sup > best[1] + mpmath.mpf(10) ** (-digits):
            raise OptimizationError("the optimum is approached at an end of the domain but not attained")
        point = {x: _to_float(best[0], digits)}
        value = _to_float(best[1], digits)
    return _Candidate(point, value), False, Certificate.NUMERIC


# ---------------------------------------------------------------------------
# several variables
# ---------------------------------------------------------------------------


def _normalise(g: sympy.Expr, ys: Sequence[sympy.Symbol]) -> sympy.Expr:
    """``g`` divided by the absolute value of its first nonzero coefficient."""
    poly = sympy.Poly(g, *ys)
    for c in poly.coeffs():
        if c != 0:
            s = _sign(c)
            if s is None:
                return sympy.expand(g)
            return sympy.expand(g / (c * s))
    return sympy.expand(g)


class _Faces:
    """The affine inequalities ``g_i >= 0`` of a polytope in the variables ``ys``."""

    def __init__(self, ys: Sequence[sympy.Symbol], inequalities: list):
        self.ys = list(ys)
        seen: dict[sympy.Expr, bool] = {}
        for g, strict in inequalities:
            if not g.has(*ys):
                s = _sign(g)
                if s == -1 or (strict and s == 0):
                    raise OptimizationError(
                        f"the constraints leave no point: {g} {'>' if strict else '>='} 0 fails"
                    )
                if s is None:
                    raise UndecidedError(f"cannot decide whether {g} {'>' if strict else '>='} 0")
                continue
            if not _is_affine(g, ys):
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
        ok = True
        for g, _strict in self.constraints:
            s = _sign(g.subs(point))
            if s == -1:
                return False
            if s is None:
                ok = None
        return ok

    def attained(self, point: dict) -> bool:
        return not any(strict and _sign(g.subs(point)) == 0 for g, strict in self.constraints)

    def strictly_inside(self, point: dict) -> bool:
        return all(_sign(g.subs(point)) == 1 for g, _ in self.constraints)


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


def _restrict(F: sympy.Expr, ys: Sequence[sympy.Symbol], elimination: dict) -> sympy.Expr | None:
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
        s = _sign(c_face) if not c_face.has(*ys) else None
        if s == 1:
            minus_infinity = True
        elif s == -1:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        else:
            raise NotImplementedError(f"cannot take the limit of {c}*log({u}) where {u} = 0")
    if minus_infinity:
        return None
    return sympy.Add(*parts)


def _point_value(F: sympy.Expr, ys: Sequence[sympy.Symbol], point: dict) -> sympy.Expr:
    """The value of ``F`` at a point of the domain, with ``0 log 0 = 0`` (``-oo`` where it diverges)."""
    value = F.subs(point)
    if not value.has(sympy.nan, sympy.zoo) and value.is_extended_real is not False and value.is_finite:
        return value
    restricted = _restrict(F, ys, point)
    if restricted is None:
        return sympy.S.NegativeInfinity
    value = restricted.subs(point)
    if value.has(sympy.nan, sympy.zoo):
        raise NotImplementedError(f"cannot evaluate the objective at {point}")
    return value


def _linear_elimination(eqs: list, ys: Sequence[sympy.Symbol]) -> tuple[dict, list] | None:
    """Solve affine equations for the last variables; ``None`` when inconsistent."""
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


def _optimize_nd(
    F: sympy.Expr, ys: list, inequalities: list, nonlinear: list, digits: int, sense: int, bounded: bool
) -> tuple:
    log_args = [lg.args[0] for lg in F.atoms(sympy.log) if lg.has(*ys)]
    faces = _Faces(ys, list(inequalities) + [(u, False) for u in log_args])
    params = F.free_symbols - set(ys)
    # 1. concave objective, affine constraints: an interior stationary point is the maximum
    if not nonlinear and _curvature(F, ys) in ("concave", "affine"):
        grad = [sympy.diff(F, y) for y in ys]
        sols, complete = _solve_stationary(grad, ys)
        for s in sols:
            if faces.strictly_inside(s):
                return _Candidate(s, F.subs(s)), True, _concave_certificate(sense)
        if not params and not complete:
            numeric = _numeric_concave(F, ys, faces, digits)
            if numeric is not None:
                return numeric, False, _concave_certificate(sense)
    if not bounded and not faces.bounded():
        raise NotImplementedError(
            "in several variables the domain must be bounded unless the objective is concave"
        )
    # 2. every face of the polytope
    k = len(ys)
    vertices = []
    for subset in itertools.combinations(range(len(faces.constraints)), k):
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
    if not vertices:
        raise OptimizationError("the domain is empty once the constraints are applied")
    candidates: list[_Candidate] = []
    complete = True
    incomplete_faces = []
    for size in range(0, k + 1):
        for subset in itertools.combinations(range(len(faces.constraints)), size):
            on_face = [
                v for v in vertices if all(_sign(faces.constraints[i][0].subs(v)) == 0 for i in subset)
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
            elim = _linear_elimination(eqs, ys)
            if elim is None:
                continue
            elimination, free = elim
            if dim == 0:
                point = dict(on_face[0])
                if not any(_same_point(point, c.point) for c in candidates):
                    candidates.append(_Candidate(point, _point_value(F, ys, point), faces.attained(point)))
                continue
            restricted = _restrict(F, ys, elimination)
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
                    candidates.append(_Candidate(point, _point_value(F, ys, point), faces.attained(point)))
    if nonlinear:
        candidates = [c for c in candidates if all(_sign(n.subs(c.point)) == 0 for n in nonlinear)]
        if not candidates:
            raise OptimizationError("no point of the domain satisfies the constraints")
    best, decided = _best(candidates) if candidates else (None, False)
    if complete and decided and best is not None:
        return best, True, Certificate.CANDIDATES
    if params:
        raise UndecidedError(
            f"cannot decide the optimum: it depends on {', '.join(sorted(map(str, params)))}"
        )
    if nonlinear:
        raise NotImplementedError(
            "no exact solution found, and nonlinear equality constraints have no numeric fallback"
        )
    return _numeric_nd(F, ys, faces, candidates, incomplete_faces, digits)


def _same_point(a: dict, b: dict) -> bool:
    return all(_sign(a[y] - b[y]) == 0 for y in a)


def _concave_certificate(sense: int) -> Certificate:
    return Certificate.CONCAVE if sense > 0 else Certificate.CONVEX


def _lagrange(F: sympy.Expr, zs: list, h: list) -> tuple[list[dict], bool]:
    """Stationary points of ``F`` on ``h = 0`` (Lagrange), as dicts over ``zs``."""
    h = [e for e in h if e != 0]
    if not h:
        return _solve_stationary([sympy.diff(F, z) for z in zs], zs)
    if len(h) > len(zs):
        return [], False
    mus = [sympy.Dummy(f"mu{j}") for j in range(len(h))]
    lagrangian = F + sum(m * e for m, e in zip(mus, h, strict=True))
    eqs = [sympy.diff(lagrangian, z) for z in zs] + h
    sols, ok = _solve_stationary(eqs, list(zs) + mus)
    found = [{z: s[z] for z in zs} for s in sols]
    if len(h) == 1:  # singular points of the constraint: grad h = 0 on h = 0
        singular, ok2 = _solve_stationary([sympy.diff(h[0], z) for z in zs] + h, zs)
        found += singular
        ok = ok and ok2
    else:
        ok = False
    return found, ok


def _numeric_concave(F: sympy.Expr, ys: list, faces: _Faces, digits: int) -> _Candidate | None:
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
    if _sign(sol.get(s, 0)) != 1:
        return None
    grad = [sympy.diff(F, y) for y in ys]
    hess = [[sympy.diff(g, y) for y in ys] for g in grad]
    with mpmath.workdps(digits + 15):
        fn = _mp_function(F, ys)
        gn = _mp_function(sympy.Matrix(grad), ys)
        hn = _mp_function(sympy.Matrix(hess), ys)
        slacks = _mp_function(sympy.Matrix([g for g, _ in faces.constraints]), ys)
        x = mpmath.matrix([_mp_value(sol.get(y, 0)) for y in ys])
        tol = mpmath.mpf(10) ** (-(digits + 5))

        def inside(v):
            return all(mpmath.re(c) > 0 for c in slacks(*v))

        for _ in range(200):
            g = gn(*x)
            if mpmath.norm(g) < tol:
                break
            try:
                step = mpmath.lu_solve(hn(*x), -g)
            except ZeroDivisionError:
                step = g
            t = mpmath.mpf(1)
            f0 = fn(*x)
            while t > tol:
                trial = x + t * step
                if inside(trial) and mpmath.re(fn(*trial)) >= mpmath.re(f0):
                    break
                t /= 2
            else:
                return None
            x = trial
        else:
            return None
        if mpmath.norm(gn(*x)) > mpmath.mpf(10) ** (-digits):
            return None
        point = {y: _to_float(v, digits) for y, v in zip(ys, x, strict=True)}
        value = _to_float(mpmath.re(fn(*x)), digits)
    return _Candidate(point, value)


def _numeric_nd(F, ys, faces, candidates, incomplete_faces, digits) -> tuple:
    """Numeric search: exact candidates plus local roots of the gradient on incomplete faces."""
    with mpmath.workdps(digits + 15):
        found = []
        for c in candidates:
            found.append((c.point, _mp_value(c.value), c.attained, True))
        for restricted, free, elimination, on_face in incomplete_faces:
            grad = sympy.Matrix([sympy.diff(restricted, z) for z in free])
            gn = _mp_function(grad, free)
            fn = _mp_function(restricted, free)
            centre = {z: sum(v[z] for v in on_face) / len(on_face) for z in free}
            starts = [centre] + [{z: (centre[z] + v[z]) / 2 for z in free} for v in on_face]
            for start in starts:
                x0 = [_mp_value(start[z]) for z in free]
                try:
                    root = mpmath.findroot(lambda *v, gn=gn: list(gn(*v)), x0)
                except (ValueError, ZeroDivisionError, TypeError):
                    continue
                root = list(root) if isinstance(root, mpmath.matrix) else [root]
                if any(abs(mpmath.im(r)) > mpmath.mpf(10) ** (-digits) for r in root):
                    continue
                root = [mpmath.re(r) for r in root]
                local = dict(zip(free, root, strict=True))
                point = {}
                for y in ys:
                    e = elimination.get(y, y)
                    point[y] = _mp_function(e, free)(*root) if e.has(*free) else _mp_value(e)
                if not all(
                    mpmath.re(_mp_function(g, ys)(*[point[y] for y in ys])) >= 0 for g, _ in faces.constraints
                ):
                    continue
                found.append((point, mpmath.re(fn(*[local[z] for z in free])), True, False))
        best = max((c for c in found if c[2]), key=lambda c: c[1])
        point = {y: _to_float(v, digits) for y, v in best[0].items()}
        value = _to_float(best[1], digits)
    return _Candidate(point, value), False, Certificate.NUMERIC


# ---------------------------------------------------------------------------
# the public functions
# ---------------------------------------------------------------------------


def _optimize(
    expr: Any, over: Any, domain: Any, constraints: Any, digits: Any, sense: int
) -> OptimizationResult:
    digits = _check_digits(digits)
    names: dict[str, sympy.Symbol] = {}
    if isinstance(over, sympy.Symbol):
        names[over.name] = over
    elif isinstance(over, (tuple, list)):
        names.update({s.name: s for s in over if isinstance(s, sympy.Symbol)})
    f = _as_objective(expr, names)
    xs = _as_over(over, f)
    names.update({s.name: s for s in xs})
    problem = _as_constraints(constraints, names)
    known = set(f.free_symbols)
    for g in problem.equalities + [g for g, _ in problem.inequalities]:
        known |= g.free_symbols
    for x in xs:
        if x not in known:
            raise UnknownVariableError(f"{x} (in over) does not occur in the objective or the constraints")
    boxes = _as_domain(domain, xs)
    objective = sense * f

    affine = [e for e in problem.equalities if _is_affine(e, xs)]
    nonlinear = [e for e in problem.equalities if not _is_affine(e, xs)]
    elim = _linear_elimination(affine, xs)
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
            s = _sign(g)
            if s == -1 or (strict and s == 0):
                raise OptimizationError("the constraints leave no point in the domain")
        if any(_sign(e) != 0 for e in nonlinear):
            raise OptimizationError("the constraints leave no point in the domain")
        best = _Candidate(point, _point_value(F, [], point))
        exact, certificate = True, Certificate.CANDIDATES
    elif len(ys) == 1 and not nonlinear:
        best, exact, certificate = _optimize_1d(F, ys[0], inequalities, digits, sense)
    else:
        bounded = all(box.start.is_finite and box.end.is_finite for box in boxes.values())
        best, exact, certificate = _optimize_nd(F, ys, inequalities, nonlinear, digits, sense, bounded)

    if exact:
        local = {y: _tidy_point(best.point[y]) for y in ys}
        full = {x: _tidy_point(safe_sympify(elimination.get(x, x)).subs(local)) for x in xs}
        value = sense * best.value
        if value.is_infinite:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        value = _tidy_value(value)
        multipliers = _multipliers(f, xs, problem.originals, full, boxes)
        return OptimizationResult(
            "max" if sense > 0 else "min", value, full, True, certificate, None, multipliers
        )
    local = dict(best.point)
    full = {}
    for x in xs:
        e = safe_sympify(elimination.get(x, x))
        full[x] = _to_float(e.subs(local), digits) if e.free_symbols else _to_float(e, digits)
    value = _to_float(sense * best.value, digits)
    return OptimizationResult("max" if sense > 0 else "min", value, full, False, certificate, digits)


def _multipliers(f, xs, originals, point, boxes) -> tuple:
    if not originals:
        return ()
    for x in xs:
        box = boxes[x]
        v = point[x]
        if (box.start.is_finite and _sign(v - box.start) == 0) or (
            box.end.is_finite and _sign(box.end - v) == 0
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
    return tuple(_tidy_value(v) for v in values)


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
    where ``0 log 0 = 0`` (see the module documentation).  The answer is
    exact and certified when the objective is provably concave and a
    stationary point is inside the domain (:attr:`Certificate.CONCAVE`), or
    when every candidate was found and compared
    (:attr:`Certificate.CANDIDATES`).  Otherwise it is numeric, to ``digits``
    significant digits, with ``exact=False``; it keeps the ``CONCAVE``
    certificate when concavity is proved, else it is
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
        other symbols of ``expr`` are parameters.
    domain : Interval, pair ``(lo, hi)`` or dict
        The interval of every variable, or a dict from symbol to interval
        (variables not in it get the default).  Default ``Interval(0, 1)``.
        Ends may be infinite; open ends are allowed, and an optimum there
        counts as not attained.
    constraints : sequence of Eq, inequalities or expressions
        ``Eq(lhs, rhs)``, or an expression meaning ``expr = 0``; also ``<=``,
        ``>=``, ``<``, ``>`` inequalities.
    digits : int
        Significant digits of a numeric answer.

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


# ---------------------------------------------------------------------------
# maximum entropy under moment constraints
# ---------------------------------------------------------------------------


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
    digits = _check_digits(digits)
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
        value = _tidy_value(nats / sympy.log(b))
    pmf = _gibbs_lambda(k, outcomes, probs, formula)
    return MaxEntropyResult(
        pmf, distribution, value, multipliers, True, Certificate.GIBBS, None, tuple(probs), tuple(outcomes)
    )


def _one_moment(outcomes, fvalues, moment, b, digits, name, k) -> MaxEntropyResult:
    f, c, label = moment
    low, high = min(fvalues), max(fvalues)
    below, above = _sign(c - low), _sign(high - c)
    if below is None or above is None:
        raise UndecidedError(f"cannot decide whether {label} = {c} lies in [{low}, {high}]")
    if below < 0 or above < 0:
        raise OptimizationError(
            f"no distribution on the support has {label} = {c}: it must lie in [{low}, {high}]"
        )
    if below == 0 or above == 0:  # the constraint forces the support
        edge = low if below == 0 else high
        count = sum(1 for v in fvalues if v == edge)
        probs = [sympy.Rational(1, count) if v == edge else sympy.Integer(0) for v in fvalues]
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
        roots, _ = _univariate_roots(equation, y)
    root = next((r for r in roots if _sign(r) == 1), None)
    if root is not None and not root.has(sympy.CRootOf):
        root = _tidy_point(root)
        weights = [root**e for e in exponents]
        total = _tidy_point(sum(weights))
        probs = [_tidy_point(w / total) for w in weights]
        lam1 = denominator * sympy.log(root)
        lam0 = -sympy.log(total) - lam1 * low
        multipliers = (_tidy_value(lam0), _tidy_value(lam1))
        first = _tidy_point(1 / total)

        def formula(x, f=f):
            return first * root ** (denominator * (f(x) - low))

        nats = None if all(p.is_Rational for p in probs) else -lam0 - lam1 * c
        return _exact_finite(outcomes, probs, multipliers, b, name, k, formula, nats)
    if c.free_symbols:
        raise UndecidedError(f"cannot find which root of {equation} = 0 is positive for symbolic {c}")
    if root is None:  # exactly one positive root, by Descartes' rule of signs
        (root,) = [r for r in sympy.Poly(equation, y).real_roots() if r.is_positive]
    with mpmath.workdps(digits + 15):
        ry = _mp_value(root)
        weights = [ry**e for e in exponents]
        total = mpmath.fsum(weights)
        probs_mp = [w / total for w in weights]
        lam1 = denominator * mpmath.log(ry)
        lam0 = -mpmath.log(total) - lam1 * _mp_value(low)
        value = -mpmath.fsum(p * mpmath.log(p) for p in probs_mp) / mpmath.log(_mp_value(b))
        probs = tuple(_to_float(p, digits) for p in probs_mp)
        multipliers = (_to_float(lam0, digits), _to_float(lam1, digits))
        value = _to_float(value, digits)

    def formula(x, f=f):
        return sympy.exp(multipliers[0] + multipliers[1] * f(x))

    pmf = _gibbs_lambda(k, outcomes, probs, formula)
    return MaxEntropyResult(
        pmf, None, value, multipliers, False, Certificate.GIBBS, digits, probs, tuple(outcomes)
    )


def _numeric_dual(outcomes, table, moments, b, digits, k) -> MaxEntropyResult:
    """Several constraints: minimise the convex dual ``log Z(l) - l.c`` by damped Newton steps."""
    m = len(moments)
    with mpmath.workdps(digits + 15):
        c = [_mp_value(value) for _, value, _ in moments]
        rows = [[_mp_value(v) - cj for v, cj in zip(row, c, strict=True)] for row in table]
        lam = mpmath.matrix(m, 1)
        tol = mpmath.mpf(10) ** (-(digits + 5))

        def dual(lv):
            return mpmath.log(
                mpmath.fsum(mpmath.exp(mpmath.fsum(lv[j] * r[j] for j in range(m))) for r in rows)
            )

        for _ in range(500):
            weights = [mpmath.exp(mpmath.fsum(lam[j] * r[j] for j in range(m))) for r in rows]
            total = mpmath.fsum(weights)
            probs = [w / total for w in weights]
            grad = mpmath.matrix(
                [mpmath.fsum(p * r[j] for p, r in zip(probs, rows, strict=True)) for j in range(m)]
            )
            if mpmath.norm(grad) < tol:
                break
            hess = mpmath.matrix(m, m)
            for i in range(m):
                for j in range(m):
                    hess[i, j] = (
                        mpmath.fsum(p * r[i] * r[j] for p, r in zip(probs, rows, strict=True))
                        - grad[i] * grad[j]
                    )
            try:
                step = mpmath.lu_solve(hess, -grad)
            except ZeroDivisionError:
                raise OptimizationError(
                    "the constraint functions are linearly dependent on the support"
                ) from None
            t, d0 = mpmath.mpf(1), dual(lam)
            while dual(lam + t * step) > d0 and t > tol:
                t /= 2
            lam = lam + t * step
        else:
            raise OptimizationError(
                "no distribution with full support meets the constraints (they are infeasible or "
                "only met on the boundary of the simplex)"
            )
        logz = -mpmath.log(total)
        lam0 = logz - mpmath.fsum(lam[j] * c[j] for j in range(m))
        value = -mpmath.fsum(p * mpmath.log(p) for p in probs if p) / mpmath.log(_mp_value(b))
        multipliers = (_to_float(lam0, digits),) + tuple(_to_float(lam[j], digits) for j in range(m))
        probs_f = tuple(_to_float(p, digits) for p in probs)
        value = _to_float(value, digits)

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
    s = _sign(excess)
    if s is None:
        raise UndecidedError(f"cannot decide whether the mean {m} exceeds the smallest outcome {start}")
    if s < 0:
        raise OptimizationError(f"no distribution on {{{start}, {start + 1}, ...}} has mean {m}")
    if s == 0:
        pmf = sympy.Lambda(k, sympy.Piecewise((1, sympy.Eq(k, start)), (0, True)))
        return MaxEntropyResult(pmf, None, sympy.Integer(0), None, True, Certificate.GIBBS)
    q = excess / (excess + 1)
    pmf = sympy.Lambda(k, (1 - q) * q ** (k - start) if start else q**k / (excess + 1))
    value = _tidy_value(((excess + 1) * sympy.log(excess + 1) - excess * sympy.log(excess)) / sympy.log(b))
    lam1 = sympy.log(q) / slope
    lam0 = sympy.log(1 - q) - start * sympy.log(q) - shift * lam1
    multipliers = (_tidy_value(lam0), _tidy_value(lam1))
    return MaxEntropyResult(pmf, None, value, multipliers, True, Certificate.GIBBS)
