"""Canonical forms of exact values: logarithms of rationals as logarithms of primes.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`prime_logs`                     every ``log(r)``, ``r`` a positive rational,
                                       rewritten over primes (and coprime cofactors)
:func:`canonical_number`               ``r + sum c log(q) / log(b)`` in the canonical
                                       form of :meth:`~symentropy.kernel.logsum.LogSum.to_expr`
:func:`tidy_value`                     a short exact form of a value with logarithms,
                                       powers and radicals (optimum values, points)
:func:`in_base`                        a value in nats, in another base
                                       (from :mod:`symentropy.kernel.logsum`)
=====================================  ===============================================

The canonical form of a number that is a rational plus rational multiples of
logarithms of rationals is the one :meth:`~symentropy.kernel.logsum.LogSum.to_expr`
writes: logarithms of primes (of a coprime basis above
:data:`~symentropy.kernel.primes.FACTOR_LIMIT`, so that no large integer is
factored), and the rational part along the base taken out.  Every module that
writes such a number calls this module or LogSum, so equal values print
equally whichever measure computed them.

Examples
========

>>> from sympy import log, sqrt, Symbol
>>> from symentropy.kernel.canonical import prime_logs, canonical_number, tidy_value
>>> prime_logs(log(12) - log(5))
-log(5) + log(3) + 2*log(2)
>>> canonical_number(log(12)/log(2) - log(3)/log(2), 2)
2
>>> canonical_number(log(6)/log(10), 10)
log(2)/log(10) + log(3)/log(10)
>>> tidy_value(sqrt(2)/(1 + sqrt(2)))
2 - sqrt(2)
"""

from __future__ import annotations

import sympy

from .logbase import as_base
from .logsum import in_base, is_log_term, is_rational_log
from .primes import FACTOR_LIMIT, TRIAL_BOUND, coprime_basis, exponents_over, split_integer
from .quadratic import quadratic_logs
from .simplify import shortest

__all__ = ["prime_logs", "canonical_number", "is_log_number", "tidy_value", "in_base"]


def prime_logs(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite ``log(r)`` for every positive rational ``r != 1`` as a sum of logarithms of primes.

    Integers at or above :data:`~symentropy.kernel.primes.FACTOR_LIMIT` are
    not factored completely: their large cofactors are split only against
    each other, into a coprime basis, which keeps the logarithms linearly
    independent (so the form is still canonical for the expression) and the
    cost bounded.  Nothing else in ``expr`` changes.
    """
    atoms = [lg for lg in expr.atoms(sympy.log) if is_rational_log(lg) and lg.args[0] != 1]
    if not atoms:
        return expr
    splits: dict[sympy.Expr, dict[int, int]] = {}
    for lg in atoms:
        r = lg.args[0]
        parts: dict[int, int] = {}
        for n, s in ((int(r.p), 1), (int(r.q), -1)):
            if n != 1:
                for b, e in split_integer(n):
                    parts[b] = parts.get(b, 0) + s * e
        splits[lg] = parts
    cofactors = sorted({b for parts in splits.values() for b in parts if b >= FACTOR_LIMIT})
    if cofactors:
        known = sorted({b for parts in splits.values() for b in parts if TRIAL_BOUND <= b < FACTOR_LIMIT})
        basis = coprime_basis(cofactors, known)
        for lg, parts in splits.items():
            refined: dict[int, int] = {}
            for b, e in parts.items():
                pieces = exponents_over(b, basis) if b >= FACTOR_LIMIT else [(b, 1)]
                for piece, k in pieces:
                    refined[piece] = refined.get(piece, 0) + e * k
            splits[lg] = refined
    mapping = {
        lg: sympy.Add(*(e * sympy.log(sympy.Integer(b)) for b, e in sorted(parts.items()) if e))
        for lg, parts in splits.items()
    }
    return expr.xreplace(mapping)


def canonical_number(value: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    """The canonical form of a number in logarithms to ``base`` (see the module docstring).

    ``value`` is read as ``r + sum c*log(a)/log(base)``; the terms that are not
    of that kind are kept as they are (divided out of and back into the base).
    ``base`` must be validated already (:func:`symentropy.kernel.logbase.as_base`).
    """
    if not isinstance(value, sympy.Expr):
        raise TypeError(f"expected a sympy expression, got {value!r}")
    base = as_base(base)
    divisor = sympy.Integer(1) if base == sympy.E else sympy.log(base)
    return in_base(sympy.expand(value * divisor), base)


def _powers(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite ``exp(c*log(b))`` as ``b**c``."""
    return expr.replace(
        lambda e: isinstance(e, sympy.exp) and e.has(sympy.log), lambda e: e.rewrite(sympy.Pow)
    )


def is_log_number(value: sympy.Expr, base: sympy.Expr = sympy.E) -> bool:
    """Whether ``value`` (in logarithms to ``base``) is ``r + sum c*log(q)/log(base)``, rational ``r, c, q``.

    Exactly the numbers that :func:`canonical_number` writes in full canonical form.

    >>> from sympy import log, sqrt
    >>> is_log_number(1 + log(3)/log(2), 2), is_log_number(sqrt(2)*log(3)), is_log_number(log(3)**2)
    (True, False, False)
    """
    if not isinstance(value, sympy.Expr) or not value.is_number:
        return False
    base = as_base(base)
    divisor = sympy.Integer(1) if base == sympy.E else sympy.log(base)
    terms = sympy.Add.make_args(sympy.expand(sympy.expand_log(value * divisor, force=True)))
    return all(is_log_term(term) for term in terms)


def tidy_value(value: sympy.Expr) -> sympy.Expr:
    """A short exact form of a value: logarithms split into primes, powers and radicals simplified.

    Candidates are the value, its form with ``exp(c log b)`` as ``b**c``,
    logarithms of factored arguments expanded over primes, ``together``,
    ``radsimp`` for radicals, and ``simplify`` for small expressions in
    symbols, each also after logarithms of quadratic irrationals are written
    over one unit per field (:func:`~symentropy.kernel.quadratic.quadratic_logs`,
    so ``log((3 - sqrt(5))/2)`` meets ``-2 log((1 + sqrt(5))/2)``);
    :func:`~symentropy.kernel.simplify.shortest` picks one.  A
    number that is a rational plus rational multiples of logarithms of
    rationals gets its canonical form instead (:func:`canonical_number` in
    base ``e``), so equal optimum values print equally.
    """
    if value.is_Atom or value.is_Rational or value.is_infinite:
        return value
    value = _powers(value)
    if is_log_number(value):
        return canonical_number(value, sympy.E)
    candidates = _candidates(value)
    if value.has(sympy.log) and not value.free_symbols:
        over_units = quadratic_logs(value)
        if over_units != value:
            candidates.extend(_candidates(over_units))
    return shortest(candidates)


def _candidates(value: sympy.Expr) -> list[sympy.Expr]:
    """The equal forms of ``value`` that :func:`tidy_value` chooses from."""
    candidates = [value, sympy.together(value)]
    if value.has(sympy.log):
        factored = value.replace(
            lambda e: isinstance(e, sympy.log), lambda e: sympy.log(sympy.factor(sympy.together(e.args[0])))
        )
        split = sympy.expand(prime_logs(sympy.expand_log(factored)))
        candidates.append(split)
        if split.free_symbols:
            candidates.append(sympy.together(split))
    if value.has(sympy.Pow):
        rationalised = sympy.radsimp(value)
        candidates.extend([rationalised, sympy.expand(rationalised)])
    if value.free_symbols and sympy.count_ops(value) < 40:
        candidates.append(sympy.simplify(value))
    return candidates
