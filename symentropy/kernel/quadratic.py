"""Logarithms of quadratic irrationals, over logarithms of rationals and one unit per field.

A real number ``alpha = a + b*sqrt(d)`` (``a``, ``b`` rational, ``d > 1`` squarefree, ``alpha > 0``)
has the norm ``N = a**2 - d*b**2``, and ``u = alpha**2 / N`` has norm 1, so

    log(alpha) = log|N| / 2 + log|u| / 2.

When ``|u|`` is a unit of the ring of integers of ``Q(sqrt(d))`` (its trace ``2*Re`` is an integer),
it is a power of the field's fundamental unit, and so are the units of every other such number of
the field: their logarithms are all integer multiples of one, ``log(eps)``.  :func:`quadratic_logs`
finds ``eps`` as the least unit above 1 of which all of them are powers (their "gcd" by Euclid's
algorithm on the exponents, carried out by exact division, then its largest exact root) and writes
each such logarithm as a rational logarithm plus a rational multiple of ``log(eps)``.  Sums of such
logarithms then cancel as sums of logarithms of primes do: Cover & Thomas's golden-ratio chain has
the entropy rate ``log2((1 + sqrt(5))/2)`` whatever logarithms of ``Q(sqrt(5))`` it was built from.

Every step is exact arithmetic on pairs of Fractions; a floating-point root only proposes the
integer trace of a candidate unit, which exact multiplication then confirms or rejects.

>>> from sympy import log, sqrt
>>> from symentropy.kernel.quadratic import quadratic_logs
>>> quadratic_logs(log(3 - sqrt(5)) + log(sqrt(5) - 1))
-3*log(1/2 + sqrt(5)/2) + log(4)
>>> quadratic_logs(log(sqrt(2)))
log(2)/2
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import sympy

__all__ = ["quadratic_logs", "as_quadratic", "MAX_ROOT"]

#: The largest root of a unit tried when looking for the field's least unit (beyond it, the
#: logarithms are written over the common power found, which is as exact, only less short).
MAX_ROOT = 256

#: A number of Q(sqrt(d)): ``(a, b)`` for ``a + b*sqrt(d)``.
Pair = tuple[Fraction, Fraction]


def as_quadratic(value: sympy.Expr) -> tuple[Fraction, Fraction, int] | None:
    """``(a, b, d)`` with ``value == a + b*sqrt(d)``, ``b != 0``, ``d > 1`` squarefree; else None.

    >>> from sympy import sqrt
    >>> as_quadratic((3 - sqrt(5))/2)
    (Fraction(3, 2), Fraction(-1, 2), 5)
    """
    if not isinstance(value, sympy.Expr) or not value.is_number or value.is_Rational:
        return None
    if value.has(sympy.Pow) and any(p.exp.is_negative for p in value.atoms(sympy.Pow) if p.base.is_Add):
        value = sympy.radsimp(value)
    a, b, d = Fraction(0), Fraction(0), None
    for term in sympy.Add.make_args(sympy.expand(value)):
        coefficient, rest = term.as_coeff_Mul()
        if not coefficient.is_Rational:
            return None
        c = Fraction(int(coefficient.p), int(coefficient.q))
        if rest == 1:
            a += c
        elif rest.is_Pow and rest.base.is_Integer and rest.base > 1 and rest.exp == sympy.S.Half:
            if d is not None and d != int(rest.base):
                return None
            d = int(rest.base)
            b += c
        else:
            return None
    if d is None or b == 0:
        return None
    return a, b, d


def _mul(x: Pair, y: Pair, d: int) -> Pair:
    return x[0] * y[0] + d * x[1] * y[1], x[0] * y[1] + x[1] * y[0]


def _inverse(x: Pair, d: int) -> Pair:
    norm = x[0] ** 2 - d * x[1] ** 2
    return x[0] / norm, -x[1] / norm


def _power(x: Pair, k: int, d: int) -> Pair:
    result: Pair = (Fraction(1), Fraction(0))
    while k:
        if k & 1:
            result = _mul(result, x, d)
        x = _mul(x, x, d)
        k >>= 1
    return result


def _sign(x: Pair, d: int) -> int:
    """The sign of ``a + b*sqrt(d)``, exactly."""
    a, b = x
    if a >= 0 and b >= 0 or a <= 0 and b <= 0:
        return (a > 0 or b > 0) - (a < 0 or b < 0)
    bigger = (a * a > d * b * b) - (a * a < d * b * b)  # |a| against |b| sqrt(d)
    return bigger if a > 0 else -bigger


_ONE: Pair = (Fraction(1), Fraction(0))


def _unit_part(x: Pair, d: int) -> tuple[Fraction, Pair | None]:
    """``(|N|, |u|)`` for ``x > 0``: ``x**2 = |N| * |u|``; ``|u|`` None when it is not a unit of the ring."""
    norm = x[0] ** 2 - d * x[1] ** 2
    square = _mul(x, x, d)
    unit = (square[0] / abs(norm), square[1] / abs(norm))
    return abs(norm), unit if (2 * unit[0]).denominator == 1 else None


def _common_unit(units: list[Pair], d: int) -> Pair:
    """The largest unit ``g > 1`` of which every unit in ``units`` (all ``> 1``) is a power."""
    g = units[0]
    for v in units[1:]:
        a, b = g, v
        while a != b:  # both powers of one unit: subtract exponents (Euclid), by exact division
            if _sign((a[0] - b[0], a[1] - b[1]), d) < 0:
                a, b = b, a
            a = _mul(a, _inverse(b, d), d)
        g = a
    return g


def _root(g: Pair, d: int) -> tuple[Pair, int]:
    """``(eps, k)`` with ``eps**k == g`` and ``k`` the largest such exponent up to :data:`MAX_ROOT`."""
    bits = max(q.numerator.bit_length() + q.denominator.bit_length() for q in g)
    with mpmath.workprec(2 * bits + 64):
        value = _mpf(g[0]) + _mpf(g[1]) * mpmath.sqrt(d)
        golden = (1 + mpmath.sqrt(5)) / 2  # the least unit above 1 of any real quadratic field
        top = min(int(mpmath.floor(mpmath.log(value) / mpmath.log(golden))) + 1, MAX_ROOT)
        for k in range(top, 1, -1):
            r = mpmath.root(value, k)
            for norm in (1, -1):
                trace = int(mpmath.nint(r + norm / r))
                x = Fraction(trace, 2)
                y_squared = (x * x - norm) / d
                if y_squared <= 0:
                    continue
                y = _rational_sqrt(y_squared)
                if y is not None and _power((x, y), k, d) == g:
                    return (x, y), k
    return g, 1


def _mpf(q: Fraction) -> mpmath.mpf:
    return mpmath.mpf(q.numerator) / q.denominator


def _rational_sqrt(q: Fraction) -> Fraction | None:
    p, r = _isqrt(q.numerator), _isqrt(q.denominator)
    return Fraction(p, r) if p is not None and r is not None else None


def _isqrt(n: int) -> int | None:
    root = math.isqrt(n)
    return root if root * root == n else None


def _exponent(v: Pair, eps: Pair, d: int) -> int:
    """``e`` with ``v == eps**e``, ``v >= 1`` a power of ``eps > 1``, by repeated exact division."""
    e, inverse = 0, _inverse(eps, d)
    while v != _ONE:
        v = _mul(v, inverse, d)
        e += 1
    return e


def _to_expr(x: Pair, d: int) -> sympy.Expr:
    return sympy.Rational(x[0].numerator, x[0].denominator) + sympy.Rational(
        x[1].numerator, x[1].denominator
    ) * sympy.sqrt(d)


def quadratic_logs(expr: sympy.Expr) -> sympy.Expr:
    """Write each ``log(alpha)``, ``alpha > 0`` quadratic with ``|u|`` a unit, over one unit per field.

    ``log(alpha)`` becomes ``log|N(alpha)|/2 + (e/2) log(eps)``, ``eps`` the unit found for the
    field of ``alpha`` among all such logarithms of ``expr`` (see the module docstring).  Other
    logarithms and the rest of ``expr`` are left as they are.
    """
    if not isinstance(expr, sympy.Basic):
        raise TypeError(f"expected a sympy expression, got {expr!r}")
    by_field: dict[int, list[tuple[sympy.Expr, Fraction, Pair]]] = {}
    for lg in expr.atoms(sympy.log):
        parts = as_quadratic(lg.args[0])
        if parts is None:
            continue
        a, b, d = parts
        if _sign((a, b), d) <= 0:
            continue
        norm, unit = _unit_part((a, b), d)
        if unit is not None:
            by_field.setdefault(d, []).append((lg, norm, unit))
    mapping: dict[sympy.Expr, sympy.Expr] = {}
    for d, items in by_field.items():
        signed = []
        for lg, norm, unit in items:
            sign = _sign((unit[0] - 1, unit[1]), d)
            signed.append((lg, norm, unit if sign >= 0 else _inverse(unit, d), sign))
        above = [u for _, _, u, s in signed if s != 0]
        eps, _ = _root(_common_unit(above, d), d) if above else (_ONE, 1)
        log_eps = sympy.log(_to_expr(eps, d)) if above else sympy.Integer(0)
        for lg, norm, unit, sign in signed:
            half_log_norm = sympy.log(sympy.Rational(norm.numerator, norm.denominator)) / 2
            exponent = _exponent(unit, eps, d) if sign else 0
            mapping[lg] = half_log_norm + sympy.Rational(sign * exponent, 2) * log_eps
    return expr.xreplace(mapping) if mapping else expr
