"""Candidate points of an optimum and the choice of the best one.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`Candidate`                     a point, the objective's value there, and
                                       whether the point belongs to the domain
:func:`best`                           the candidate of largest value, and whether
                                       every comparison was decided
:func:`interior_value`                 the objective at a point where it is defined
=====================================  ===============================================

The optimisers maximise; a minimum is the maximum of ``-f``.  Values are
compared by :func:`symentropy.calculus.optimize.signs.order`: exactly, or not
at all (an undecided comparison makes the caller search numerically).

Examples
========

>>> from sympy import log, Rational, Symbol
>>> from symentropy.calculus.optimize.candidates import Candidate, best
>>> p = Symbol("p")
>>> ends = [Candidate({p: 0}, Rational(0)), Candidate({p: 1}, log(3) - log(2) - Rational(2, 5))]
>>> found, decided = best(ends)
>>> found.point, decided
({p: 1}, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from ...errors import OptimizationError
from .signs import is_nonreal, order

__all__ = ["Candidate", "best", "interior_value"]


@dataclass
class Candidate:
    """A point (a dict from variable to value), the objective's value there, and whether it is attained.

    ``attained`` is False for a point on an open end of the domain (or at
    infinity): its value is a supremum, not a value of the objective.
    """

    point: dict
    value: Any
    attained: bool = True


def interior_value(f: sympy.Expr, point: dict) -> sympy.Expr:
    """The value of ``f`` at ``point`` by substitution; ``NotImplementedError`` when it is undefined there."""
    value = f.subs(point)
    if value.has(sympy.nan, sympy.zoo):
        raise NotImplementedError(f"cannot evaluate {f} at {point}")
    return value


def best(candidates: list[Candidate]) -> tuple[Candidate, bool]:
    """The candidate of largest value, and whether every needed comparison was decided.

    Among equal values an attained point wins.  When the largest value is
    only approached (not attained) and that is decided,
    :class:`~symentropy.errors.OptimizationError` is raised: the objective is
    unbounded, or its supremum is not a maximum.  A candidate value that is
    not real raises :class:`~symentropy.errors.OptimizationError` as well:
    the objective must be real on its domain.
    """
    for c in candidates:
        if is_nonreal(c.value):
            raise OptimizationError(
                f"the objective is not real at {c.point}, where it is {c.value}: "
                "give a domain on which it is real"
            )
    top = candidates[0]
    decided = True
    for c in candidates[1:]:
        s = order(c.value, top.value)
        if s is None:
            decided = False
        elif s > 0 or (s == 0 and c.attained and not top.attained):
            top = c
    if not top.attained and decided:
        if top.value is sympy.oo:
            raise OptimizationError("the objective is unbounded on the domain: no optimum")
        tie = [c for c in candidates if c.attained and order(c.value, top.value) == 0]
        if tie:
            return tie[0], decided
        raise OptimizationError(
            f"the optimum {top.value} is approached at {top.point} but not attained on the domain"
        )
    return top, decided
