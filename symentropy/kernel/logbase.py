"""Logarithm bases: validation and conversion of the ``base=`` keyword.

Every measure in symentropy takes ``base=``: ``2`` (bits, the default of the
discrete measures), ``sympy.E`` (nats), ``10`` (hartleys), any positive integer
or rational other than 1, or a positive ``Symbol``.

Examples
========

>>> from sympy import E, Symbol
>>> from symentropy.kernel.logbase import as_base, log_of_base
>>> as_base(2), as_base("10"), as_base(E)
(2, 10, E)
>>> log_of_base(E)
1
>>> as_base(1)
Traceback (most recent call last):
...
symentropy.errors.InvalidBaseError: logarithm base must be positive and not 1, got 1
>>> from sympy import sqrt
>>> as_base((1 + sqrt(2))*(sqrt(2) - 1))  # 1 in disguise
Traceback (most recent call last):
...
symentropy.errors.InvalidBaseError: logarithm base must be positive and not 1, got (-1 + sqrt(2))*(1 + sqrt(2))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from ..errors import InexactInputError, InvalidBaseError
from .numeric import known_sign
from .parsing import parse_expression

__all__ = ["as_base", "log_of_base", "Base"]

#: What ``base=`` accepts: an ``int``, a ``Fraction``, a sympy expression or a
#: string naming one (``"2"``, ``"e"``, ``"10"``, ``"3/2"``).
Base = Any


def as_base(base: Base) -> sympy.Expr:
    """Return ``base`` as a validated sympy expression.

    Integers, fractions and sympy numbers must be positive and different from
    1.  ``"e"`` and ``"E"`` mean :data:`sympy.E`.  Symbols are accepted as they
    are: the result then holds whenever the symbol is a valid base.  Floats are
    refused (``math.e`` is not ``e``).
    """
    if type(base) is int and base > 1:  # the common case (bits): nothing to decide
        return sympy.Integer(base)
    if isinstance(base, bool):
        raise InvalidBaseError(f"logarithm base must be a number, got {base!r}")
    if isinstance(base, float):
        raise InexactInputError(
            f"logarithm base {base!r} is a float; pass an exact base "
            "(2, 10, sympy.E, a Fraction or a Rational)"
        )
    if isinstance(base, str):
        text = base.strip()
        if text in ("e", "E"):
            return sympy.E
        value = parse_expression(text)
    elif isinstance(base, Fraction):
        value = sympy.Rational(base.numerator, base.denominator)
    elif isinstance(base, int) or isinstance(base, sympy.Expr):
        value = sympy.sympify(base)
    else:
        raise InvalidBaseError(f"logarithm base must be a number or a sympy expression, got {base!r}")
    if value.has(sympy.Float):
        raise InexactInputError(f"logarithm base {value} is a float; pass an exact base")
    if value.is_Rational:  # the common case: decided at once
        if value <= 0 or value == 1:
            raise InvalidBaseError(f"logarithm base must be positive and not 1, got {value}")
        return value
    if value.is_number:
        if value.has(sympy.nan, sympy.zoo) or value.is_finite is False or value.is_extended_real is False:
            raise InvalidBaseError(f"logarithm base must be a positive real number, got {value}")
        if known_sign(value) != 1 or known_sign(value - 1) == 0:  # decided exactly, never from a float
            raise InvalidBaseError(f"logarithm base must be positive and not 1, got {value}")
        return value
    if value.is_positive is False or value == 1 or value.is_zero:
        raise InvalidBaseError(f"logarithm base must be positive and not 1, got {value}")
    return value


def log_of_base(base: Base) -> sympy.Expr:
    """Return ``log(base)`` (natural log) for a validated base; 1 for ``E``."""
    return sympy.log(as_base(base))
