"""Reading an optimisation problem: objective, variables, domain and constraints.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:func:`as_objective`                   the objective as an exact sympy expression
:func:`as_over`                        the variables, as a tuple of symbols
:func:`as_domain`                      the interval of each variable
:func:`as_constraints`                 equalities and inequalities, as
                                       :class:`Constraints`
:func:`plain_variables`                assumption-free stand-ins for the variables
:func:`is_affine`                      whether an expression is affine in variables
=====================================  ===============================================

Each function raises the error the package documents for bad input:
``TypeError`` for the wrong kind of object,
:class:`~symentropy.errors.InexactInputError` for a float,
:class:`~symentropy.errors.UnknownVariableError` for a domain given to a
symbol that is not a variable, :class:`~symentropy.errors.OptimizationError`
for an empty domain or a constraint that is ``False``.

Examples
========

>>> from sympy import Eq, Interval, symbols
>>> from symentropy.calculus.optimize.problem import as_constraints, as_domain, is_affine
>>> p, q = symbols("p q")
>>> as_domain({q: (0, 2)}, (p, q))
{p: Interval(0, 1), q: Interval(0, 2)}
>>> c = as_constraints([Eq(p + q, 1), p <= q], {})
>>> c.equalities, c.inequalities
([p + q - 1], [(-p + q, False)])
>>> is_affine(p + 2*q - 1, (p, q)), is_affine(p*q, (p, q))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from ...errors import OptimizationError, UnknownVariableError
from ...kernel.exact import as_exact
from ...kernel.xlogx import log_form

__all__ = [
    "as_objective",
    "as_over",
    "as_interval",
    "as_domain",
    "Constraints",
    "as_constraints",
    "plain_variables",
    "is_affine",
]


def as_objective(expr: Any, symbols: Mapping[str, sympy.Symbol]) -> sympy.Expr:
    """The objective as an exact sympy expression; strings are parsed with ``symbols``.

    >>> from sympy import Symbol
    >>> from symentropy.calculus.optimize.problem import as_objective
    >>> p = Symbol("p")
    >>> as_objective("p*(1 - p)", {"p": p})
    p*(1 - p)
    """
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
    # the certificates read the terms -p*log(p) off the structure; 0 log 0 is handled at the edges
    return log_form(value)


def as_over(over: Any, expr: sympy.Expr) -> tuple[sympy.Symbol, ...]:
    """The variables: ``over`` as a tuple of symbols, or the one symbol of ``expr`` when ``over`` is None.

    >>> from sympy import symbols
    >>> from symentropy.calculus.optimize.problem import as_over
    >>> p, q = symbols("p q")
    >>> as_over(None, p*(1 - p)), as_over([q, p, q], p*q)
    ((p,), (q, p))
    """
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


def as_interval(value: Any, symbol: sympy.Symbol) -> sympy.Interval:
    """The domain of ``symbol``: an ``Interval``, or a pair ``(lo, hi)`` of exact ends.

    >>> from sympy import Symbol, oo
    >>> from symentropy.calculus.optimize.problem import as_interval
    >>> as_interval((0, oo), Symbol("x"))
    Interval(0, oo)
    """
    if isinstance(value, tuple) and len(value) == 2:
        lo, hi = (
            v if isinstance(v, sympy.Basic) and v.is_infinite else as_exact(v, what=f"domain of {symbol}")
            for v in value
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


def as_domain(domain: Any, over: tuple[sympy.Symbol, ...]) -> dict[sympy.Symbol, sympy.Interval]:
    """The interval of each variable: ``[0, 1]`` unless ``domain`` (an interval or a dict) says otherwise."""
    default = sympy.Interval(0, 1)
    if domain is None:
        return {x: default for x in over}
    if isinstance(domain, Mapping):
        result = {x: default for x in over}
        for key, value in domain.items():
            if key not in result:
                raise UnknownVariableError(
                    f"domain is given for the variable {key}, which is not in over={over}"
                )
            result[key] = as_interval(value, key)
        return result
    return {x: as_interval(domain, x) for x in over}


@dataclass
class Constraints:
    """The constraints of a problem, each as an expression compared with 0.

    ``equalities`` are expressions equal to 0; ``inequalities`` are pairs
    ``(g, strict)`` meaning ``g > 0`` (strict) or ``g >= 0``; ``originals``
    are the equality constraints as given, in order (their gradients define
    the Lagrange multipliers).
    """

    equalities: list = field(default_factory=list)
    inequalities: list = field(default_factory=list)
    originals: list = field(default_factory=list)

    def xreplace(self, rule: Mapping) -> Constraints:
        """The same constraints with ``rule`` applied to every expression."""
        return Constraints(
            [g.xreplace(rule) for g in self.equalities],
            [(g.xreplace(rule), strict) for g, strict in self.inequalities],
            [g.xreplace(rule) for g in self.originals],
        )


def as_constraints(constraints: Any, symbols: Mapping[str, sympy.Symbol]) -> Constraints:
    """Read ``Eq``, inequalities, expressions (meaning ``expr = 0``) and strings into :class:`Constraints`."""
    if isinstance(constraints, (sympy.Basic, str)):
        constraints = [constraints]
    if isinstance(constraints, Mapping) or not isinstance(constraints, Iterable):
        raise TypeError(
            f"constraints are a sequence of Eq, inequalities, expressions or strings; got {constraints!r}"
        )
    result = Constraints()

    def _read(value: Any, **keywords: Any) -> sympy.Expr:
        return log_form(as_exact(value, **keywords))  # as for the objective

    for c in constraints:
        if isinstance(c, str):
            c = _read(c, symbols=symbols, what="a constraint")
        if c is sympy.true:
            continue
        if c is sympy.false:
            raise OptimizationError("a constraint is False: no point satisfies it")
        if isinstance(c, sympy.Equality):
            g = _read(c.lhs, what="a constraint") - _read(c.rhs, what="a constraint")
            result.equalities.append(g)
            result.originals.append(g)
        elif isinstance(c, (sympy.GreaterThan, sympy.StrictGreaterThan)):
            g = _read(c.lhs, what="a constraint") - _read(c.rhs, what="a constraint")
            result.inequalities.append((g, isinstance(c, sympy.StrictGreaterThan)))
        elif isinstance(c, (sympy.LessThan, sympy.StrictLessThan)):
            g = _read(c.rhs, what="a constraint") - _read(c.lhs, what="a constraint")
            result.inequalities.append((g, isinstance(c, sympy.StrictLessThan)))
        elif isinstance(c, sympy.Expr) or not isinstance(c, sympy.Basic):
            g = _read(c, symbols=symbols, what="a constraint")
            result.equalities.append(g)
            result.originals.append(g)
        else:
            raise TypeError(f"a constraint must be an Eq, an inequality or an expression, got {c!r}")
    return result


def plain_variables(
    over: Sequence[sympy.Symbol], taken: Iterable[sympy.Symbol]
) -> dict[sympy.Symbol, sympy.Symbol]:
    """A symbol without assumptions for each variable, of the same name where that name is free.

    The domain says where a variable ranges, not its assumptions: sympy
    would otherwise settle ``p >= 0`` to ``True`` for a ``p`` declared
    positive, and the lower end of the domain would be lost.  A variable is
    replaced by ``Symbol(name)`` unless another symbol of the problem
    (``taken``) is already that symbol, in which case a ``Dummy`` of the same
    name is used.

    >>> from sympy import Symbol
    >>> from symentropy.calculus.optimize.problem import plain_variables
    >>> p = Symbol("p", positive=True)
    >>> plain = plain_variables([p], [p])
    >>> plain[p], plain[p].is_positive
    (p, None)
    """
    taken = set(taken) - set(over)
    plain = {}
    for x in over:
        stand_in = sympy.Symbol(x.name)
        if stand_in in taken or stand_in in plain.values():
            stand_in = sympy.Dummy(x.name)
        plain[x] = stand_in
    return plain


def is_affine(expr: sympy.Expr, xs: Sequence[sympy.Symbol]) -> bool:
    """Whether ``expr`` is a polynomial of total degree at most 1 in ``xs``.

    >>> from sympy import symbols, log
    >>> from symentropy.calculus.optimize.problem import is_affine
    >>> p, q = symbols("p q")
    >>> is_affine(log(2)*p - q, [p, q]), is_affine(p*log(p), [p])
    (True, False)
    """
    if not expr.has(*xs):
        return True
    if not expr.is_polynomial(*xs):
        return False
    return sympy.Poly(expr, *xs).total_degree() <= 1
