"""Three-valued validation of probabilities: provably bad raises, undecided is recorded.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`check_probability`              one cell: raise if it is provably negative, not
                                       real or not finite; else the cell (0 if it is
                                       provably 0) and the conditions left undecided
                                       (``p >= 0``)
:func:`check_total`                    a sum of cells: raise if it is provably not 1;
                                       else the conditions left undecided
                                       (``total = 1``)
:func:`sum_probabilities`              the exact sum of cells, the one place cells are
                                       added up
:func:`require_decided`                ``strict=True``: raise UndecidedError on any
                                       condition left
=====================================  ===============================================

Distribution and Channel validate their cells with these functions, and the
decisions themselves are those of :mod:`symentropy.kernel.numeric`: a number's
sign is decided exactly (:func:`~symentropy.kernel.numeric.known_sign`), an
expression in symbols by sympy's assumptions, and what neither decides is
returned as a condition, never guessed.

Examples
========

>>> from sympy import Symbol, Rational, sqrt
>>> from symentropy.core.validate import check_probability, check_total
>>> p = Symbol("p")
>>> check_probability(Rational(1, 3), "cell 0"), check_probability(p, "cell 0")
((1/3, []), (p, [p >= 0]))
>>> from sympy import log
>>> check_probability(log(6) - log(2) - log(3), "cell 2")  # zero in disguise: stored as 0
(0, [])
>>> check_probability(sqrt(2) - Rational(3, 2), "cell 1")
Traceback (most recent call last):
...
symentropy.errors.DistributionError: cell 1 is -3/2 + sqrt(2), which is negative
>>> check_total(p + 2, "probabilities", nonnegative=(p,))
Traceback (most recent call last):
...
symentropy.errors.DistributionError: probabilities sum to p + 2, not 1 (it exceeds 1 for every admissible p)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import sympy

from ..errors import DistributionError, UndecidedError
from ..kernel.numeric import known_sign
from ..kernel.simplify import tidy

__all__ = ["check_probability", "check_total", "sum_probabilities", "total_of", "require_decided"]


def check_probability(p: sympy.Expr, where: str) -> tuple[sympy.Expr, list[sympy.Basic]]:
    """Raise DistributionError if ``p`` is provably not a probability; else the cell and its conditions.

    ``where`` describes the cell for the message (``"probability of outcome 'a'"``).
    Only nonnegativity is checked here (``p <= 1`` follows from the total).
    A number that is exactly zero comes back as ``0``, so that every later
    zero test (the support, ``0 log 0 = 0``) is structural.
    """
    if p.is_Rational:  # the common case, decided without sympy's assumption system
        if p.p < 0:
            raise DistributionError(f"{where} is {p}, which is negative")
        return p, []
    if p.has(sympy.nan, sympy.zoo) or p.is_infinite:
        raise DistributionError(f"{where} is {p}, not a finite number")
    if p.is_number and p.is_extended_real is False:
        raise DistributionError(f"{where} is {p}, not a real number")
    if not p.is_number:  # symbols: what their assumptions prove
        nonnegative = p.is_nonnegative
        if nonnegative is False and p.is_extended_real:
            raise DistributionError(f"{where} is {p}, which is negative")
        return p, ([] if nonnegative else [sympy.Ge(p, 0)])
    sign = known_sign(p)
    if sign == -1:
        raise DistributionError(f"{where} is {p}, which is negative")
    if sign == 0:
        return sympy.Integer(0), []
    return p, ([sympy.Ge(p, 0)] if sign is None else [])


def check_total(
    total: sympy.Expr, subject: str, *, verb: str = "sum", nonnegative: Iterable[sympy.Symbol] = ()
) -> list[sympy.Basic]:
    """Raise DistributionError if ``total`` is provably not 1; return the undecided conditions.

    The message reads ``"{subject} {verb} to {total}, not 1"``.  ``nonnegative``
    are symbols that may be taken as nonnegative for the decision (a symbol
    that is itself a cell is, under the condition ``p >= 0`` recorded for it;
    a symbol declared ``nonnegative=True`` or ``positive=True`` already is).
    """
    difference = sympy.expand(total - 1)
    if difference == 0:
        return []
    if difference.is_Rational:
        raise DistributionError(f"{subject} {verb} to {total}, not 1")
    assumed = difference
    replacements = {s: sympy.Dummy(s.name, nonnegative=True) for s in nonnegative if not s.is_nonnegative}
    if replacements:
        assumed = difference.xreplace(replacements)
    sign = known_sign(assumed)
    if sign == 0:
        return []
    if sign is not None:
        how = "exceeds" if sign > 0 else "falls short of"
        symbols = ", ".join(sorted(map(str, total.free_symbols)))
        detail = "" if total.is_number else f" (it {how} 1 for every admissible {symbols})"
        raise DistributionError(f"{subject} {verb} to {total}, not 1{detail}")
    return [sympy.Eq(total, 1)]


def sum_probabilities(values: Sequence[sympy.Expr]) -> sympy.Expr:
    """Exact sum of probabilities: rationals with integer arithmetic, symbolic sums tidied.

    The one place where cells are added up (marginals, events, channel
    outputs, mixtures), so that ``p*q + p*(1 - q)`` becomes ``p`` everywhere.

    >>> from sympy import symbols
    >>> p, q = symbols("p q")
    >>> sum_probabilities([p*q, p*(1 - q)])
    p
    """
    return tidy(total_of(values))


def total_of(probs: Sequence[sympy.Expr]) -> sympy.Expr:
    """Sum exact probabilities without tidying; rational ones with integer arithmetic."""
    if all(p.is_Rational for p in probs):
        # integer sums per denominator: one Fraction per distinct denominator
        by_denominator: dict[int, int] = {}
        for p in probs:
            q = int(p.q)
            by_denominator[q] = by_denominator.get(q, 0) + int(p.p)
        s = sum((Fraction(n, q) for q, n in by_denominator.items()), Fraction(0))
        return sympy.Rational(s.numerator, s.denominator)
    return sympy.Add(*probs)


def require_decided(conditions: Sequence[sympy.Basic], what: str) -> None:
    """For ``strict=True``: raise UndecidedError when any condition is left undecided."""
    if conditions:
        when = " and ".join(map(str, conditions))
        raise UndecidedError(f"cannot decide that this is {what}; it is one when {when}")
