"""Three-valued signs and orders for the optimisers, decided by :mod:`symentropy.kernel.numeric`.

=====================================  ===============================================
function                               answer
=====================================  ===============================================
:func:`sign_of`                        -1, 0 or 1 when decided, else None
:func:`order`                          the sign of ``a - b``, infinities included
:func:`is_nonreal`                     whether a number is provably not real
=====================================  ===============================================

An optimiser asks questions whose honest answer may be "undecided": is this
stationary point inside the domain, which candidate value is larger, is this
discriminant negative.  "Undecided" (``None``) is a legitimate answer here:
the caller then falls back to a numeric search or reports the dependence on
parameters.

For numbers, the sign is the exact one of
:func:`symentropy.kernel.numeric.known_sign` (enclosures refined until they
exclude zero, exact zero tests for sums of logarithms; never a float with a
margin), and ``None`` where that cannot decide.  A number that is not real
has no sign: :func:`symentropy.kernel.numeric.sign` raises ``ValueError`` for
it, and :func:`sign_of` and :func:`order` answer ``None``; callers that must
not meet such values check them with :func:`is_nonreal`.

For expressions in parameters, the sign is what
:func:`~symentropy.kernel.numeric.known_sign` (sympy's assumptions) proves about
the expression or about an equal rewriting of it: ``together``, ``factor``,
the signs of numerator and denominator, logarithms of rationals split over
primes (:func:`symentropy.kernel.canonical.prime_logs`).

Examples
========

>>> from sympy import Symbol, log, oo, sqrt, I
>>> from symentropy.calculus.optimize.signs import sign_of, order, is_nonreal
>>> H1, H2 = Symbol("H1", positive=True), Symbol("H2", positive=True)
>>> sign_of(1 - 2**H1/(2**H1 + 2**H2)), sign_of(log(3) - log(2) - 1)
(1, -1)
>>> order(oo, log(2)), order(Symbol("a"), 0)
(1, None)
>>> is_nonreal(1 + I), is_nonreal(sqrt(5) - 2), sign_of(I)
(True, False, None)
"""

from __future__ import annotations

from typing import Any

import sympy

from ...errors import UndecidedError
from ...kernel.canonical import prime_logs
from ...kernel.exact import safe_sympify
from ...kernel.numeric import compare, known_sign

__all__ = ["sign_of", "order", "is_nonreal"]


def _infinite_sign(value: sympy.Expr) -> int | None:
    if value.is_extended_positive:
        return 1
    if value.is_extended_negative:
        return -1
    return None


def _number_sign(value: sympy.Expr) -> int | None:
    """The exact sign of a number; None when undecided or when the number is not real."""
    if value.is_infinite:
        return _infinite_sign(value)
    try:
        return known_sign(value)
    except UndecidedError:
        return None
    except ValueError:  # not a real number: it has no sign
        return None


def sign_of(expr: Any) -> int | None:
    """Return the sign of ``expr`` (-1, 0 or 1) when it is decided, else None.

    Numbers get their exact sign from :func:`symentropy.kernel.numeric.known_sign`
    (``oo`` and ``-oo`` included); a number that is not real, ``nan`` or
    ``zoo`` gives None.  Expressions in symbols get the sign that sympy's
    assumptions prove for the expression or an equal rewriting of it (see
    the module docstring).

    >>> from sympy import Rational, Symbol, log
    >>> from symentropy.calculus.optimize.signs import sign_of
    >>> a = Symbol("a", positive=True)
    >>> sign_of(Rational(-1, 3)), sign_of(log(8) - 3*log(2)), sign_of((a + 1)/(a + 2) - 1)
    (-1, 0, -1)
    """
    expr = safe_sympify(expr)
    if expr.has(sympy.nan, sympy.zoo):
        return None
    if expr.is_number:
        return _number_sign(expr)
    found = known_sign(expr)
    if found is not None:
        return found
    for form in (sympy.together, sympy.factor):
        try:
            other = form(expr)
        except (sympy.PolynomialError, NotImplementedError):
            continue
        found = known_sign(other)
        if found is not None:
            return found
        numer, denom = sympy.fraction(other)
        sn, sd = known_sign(numer), known_sign(denom)
        if sn is not None and sd in (1, -1):
            return sn * sd
    return known_sign(sympy.expand(prime_logs(sympy.expand_log(expr))))


def order(a: Any, b: Any) -> int | None:
    """Return the sign of ``a - b`` (-1, 0 or 1) when it is decided, else None.

    Two numbers are compared by :func:`symentropy.kernel.numeric.compare`;
    ``oo`` and ``-oo`` are ordered with everything; other expressions go
    through :func:`sign_of` of the difference.  A number that is not real is
    not ordered (None).

    >>> from sympy import log, oo, Rational
    >>> from symentropy.calculus.optimize.signs import order
    >>> order(log(3)/log(2), Rational(3, 2)), order(-oo, 0), order(oo, oo)
    (1, -1, 0)
    """
    a, b = safe_sympify(a), safe_sympify(b)
    if a == b:
        return 0
    if a.is_infinite or b.is_infinite:
        if a is sympy.oo or b is sympy.S.NegativeInfinity:
            return 1
        if a is sympy.S.NegativeInfinity or b is sympy.oo:
            return -1
        return None
    if a.is_number and b.is_number:
        if a.has(sympy.nan, sympy.zoo) or b.has(sympy.nan, sympy.zoo):
            return None
        try:
            return compare(a, b)
        except UndecidedError:
            return None
        except ValueError:  # a number that is not real: not ordered
            return None
    return sign_of(a - b)


def is_nonreal(value: Any) -> bool:
    """Whether ``value`` is a number that is provably not real (False means "not proved").

    The imaginary part is decided by :func:`sign_of`, exactly.

    >>> from sympy import CRootOf, I, Symbol, sqrt
    >>> from symentropy.calculus.optimize.signs import is_nonreal
    >>> x = Symbol("x")
    >>> is_nonreal(CRootOf(x**3 - x - 1, 1)), is_nonreal(CRootOf(x**3 - x - 1, 0)), is_nonreal(x)
    (True, False, False)
    """
    value = safe_sympify(value)
    if value.is_extended_real is False:
        return True
    if value.is_extended_real or not value.is_number:
        return False
    return sign_of(sympy.im(value)) in (1, -1)
