"""Fano's inequality and the gambling of Cover & Thomas, chapter 6, exact.

:func:`fano_bound` gives the least probability of error of any estimate of
``X`` from ``Y`` (the maximum a posteriori guess) and Fano's lower bound on
it: the least ``P_e`` with ``h(P_e) + P_e log(|X| - 1) >= H(X|Y)`` (Cover &
Thomas, 2nd ed., Theorem 2.10.1), enclosed between two rationals by
bisection with the exact comparison, and the weaker closed form
``(H(X|Y) - 1) / log |X|``.

:func:`doubling_rate` is ``W(b, p) = sum_i p_i log(b_i o_i)`` for a horse race
with win probabilities ``p``, odds ``o`` (``o``-for-1) and bets ``b``; with no
bets, the proportional bets ``b = p``, which are optimal:
``W* = sum_i p_i log o_i - H(p)`` (Theorem 6.1.2).
:func:`doubling_rate_with_side_information` is the optimal rate when ``Y``
is seen before betting on ``X``; it exceeds ``W*`` by exactly ``I(X;Y)``
(Theorem 6.2.1).

Examples
========

>>> from symentropy import Distribution
>>> from symentropy.measures.fano import fano_bound, doubling_rate
>>> d = Distribution.from_table([["1/3", "1/6"], ["1/6", "1/3"]], names=("X", "Y"))
>>> f = fano_bound(d, "X", "Y")
>>> f.error_probability
1/3
>>> doubling_rate(["1/2", "1/4", "1/4"], [2, 4, 4])
0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..errors import DistributionError, short_repr
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import check_digits, compare
from ..kernel.simplify import tidy
from ..models.codes import source_pmf
from .shannon import as_distribution, conditional_entropy

__all__ = [
    "MAX_FANO_DIGITS",
    "FanoBound",
    "fano_bound",
    "doubling_rate",
    "doubling_rate_with_side_information",
]


#: The most digits of Fano's root (each digit costs a few exact comparisons).
MAX_FANO_DIGITS = 1000


@dataclass(frozen=True)
class FanoBound:
    """The least error of estimating ``X`` from ``Y``, and Fano's lower bounds on it.

    Attributes
    ==========

    error_probability : sympy.Rational
        ``P_e`` of the maximum a posteriori estimate (no estimate does better).
    conditional_entropy : sympy expression
        ``H(X|Y)`` in bits.
    lower_bound : tuple of two sympy.Rational
        ``(lo, hi)`` enclosing the least root of ``h(P) + P log2(|X| - 1) = H(X|Y)``
        on ``[0, 1 - 1/|X|]``, ``hi - lo <= 10**-digits``: every estimate has
        ``P_e >= lo``.
    weak_bound : sympy expression
        ``(H(X|Y) - 1) / log2 |X|`` (Cover & Thomas, eq. 2.132).
    """

    error_probability: sympy.Rational
    conditional_entropy: sympy.Expr
    lower_bound: tuple[sympy.Rational, sympy.Rational]
    weak_bound: sympy.Expr

    def _repr_latex_(self) -> str:
        lo, hi = self.lower_bound
        return (
            rf"$$P_e = {sympy.latex(self.error_probability)} \geq P_e^{{\mathrm{{Fano}}}} \in "
            rf"[{sympy.latex(lo)}, {sympy.latex(hi)}]$$"
        )


def fano_bound(d: Distribution, estimate_of: str = "X", from_: str = "Y", *, digits: int = 15) -> FanoBound:
    """The least error probability of estimating ``estimate_of`` from ``from_``, and Fano's bound.

    Examples
    ========

    A binary symmetric channel with crossover 1/10 and a fair input: the
    best guess is the output, wrong with probability 1/10, and Fano's bound
    is met with equality (the root of ``h(P) = h(1/10)`` is 1/10):

    >>> from symentropy import Distribution
    >>> bsc = Distribution.from_table([["9/20", "1/20"], ["1/20", "9/20"]], names=("X", "Y"))
    >>> f = fano_bound(bsc, "X", "Y", digits=6)
    >>> f.error_probability, f.lower_bound[0] <= sympy.Rational(1, 10) <= f.lower_bound[1]
    (1/10, True)
    """
    d = as_distribution(d)
    digits = check_digits(digits, limit=MAX_FANO_DIGITS)
    d.positions([estimate_of, from_])  # names the variables, or says which is unknown
    if estimate_of == from_:
        raise DistributionError(f"estimating {estimate_of!r} from itself: name two different variables")
    pair = d.marginal(estimate_of, from_)
    best: dict[Any, sympy.Expr] = {}
    for (_, y), p in pair.items():
        if not p.is_Rational:
            raise DistributionError("fano_bound() needs exact rational probabilities")
        if y not in best or p > best[y]:
            best[y] = p
    error = 1 - sympy.Add(*best.values())
    h = conditional_entropy(d, estimate_of, from_)
    m = len({x for (x, _), p in pair.items() if p != 0})
    weak = (h - 1) / (sympy.log(m) / sympy.log(2)) if m > 1 else sympy.Integer(0)
    lo, hi = _fano_root(h, m, digits)
    return FanoBound(error, h, (lo, hi), sympy.simplify(weak) if weak.is_number else weak)


def _fano_root(h: sympy.Expr, m: int, digits: int) -> tuple[sympy.Rational, sympy.Rational]:
    """Bisection for the least ``P`` in ``[0, 1 - 1/m]`` with ``f(P) = h(P) + P log2(m - 1) >= h``.

    ``f`` increases on that interval (its slope is ``log2((1 - P)(m - 1) / P) >= 0``), so the set
    where ``f >= h`` is ``[root, 1 - 1/m]``; each midpoint's sign is decided exactly.
    """
    if m <= 1 or compare(h, 0) == 0:
        return sympy.Integer(0), sympy.Integer(0)

    def f(p: Fraction) -> sympy.Expr:
        value = LogSum.entropy_of([sympy.Rational(p.numerator, p.denominator), sympy.Rational(1 - p)])
        total = value.to_expr(sympy.Integer(2))
        if m > 2:
            total += sympy.Rational(p.numerator, p.denominator) * sympy.log(m - 1) / sympy.log(2)
        return total

    lo, hi = Fraction(0), Fraction(m - 1, m)
    width = Fraction(1, 10**digits)
    while hi - lo > width:
        mid = (lo + hi) / 2
        if compare(f(mid), h) >= 0:
            hi = mid
        else:
            lo = mid
    return sympy.Rational(lo.numerator, lo.denominator), sympy.Rational(hi.numerator, hi.denominator)


def _odds(odds: Any, symbols: Sequence[Any]) -> list[sympy.Expr]:
    if isinstance(odds, Mapping):
        values = [odds.get(s) for s in symbols]
        missing = [s for s, v in zip(symbols, values, strict=True) if v is None]
        if missing:
            raise DistributionError(f"no odds for horse {missing[0]!r} in {short_repr(odds)}")
    else:
        if isinstance(odds, (str, bytes)) or not isinstance(odds, Iterable):
            raise TypeError(f"odds are a sequence or a mapping {{horse: odds}}; got {short_repr(odds)}")
        values = list(odds)
        if len(values) != len(symbols):
            raise DistributionError(f"{len(values)} odds for {len(symbols)} horses: {short_repr(odds)}")
    out = []
    for s, v in zip(symbols, values, strict=True):
        o = as_exact(v, what=f"the odds on horse {s!r}")
        if o.is_positive is False:
            raise DistributionError(f"the odds on horse {s!r} are {o}; odds are positive")
        out.append(o)
    return out


def doubling_rate(win_probs: Any, odds: Any, bets: Any = None, *, base: Base = 2) -> sympy.Expr:
    """``W(b, p) = sum_i p_i log(b_i o_i)``; with ``bets=None`` the optimal ``W*`` (bets ``b = p``).

    ``odds`` are ``o``-for-1: a unit bet on a winning horse ``i`` returns
    ``o_i``.  A bet of 0 on a horse that can win gives ``-oo``.

    Examples
    ========

    Three horses with ``p = (1/2, 1/4, 1/4)`` at the fair odds ``1/p = (2, 4, 4)``:
    ``W* = 0`` (Cover & Thomas, 2nd ed., §6.1); betting evenly loses:

    >>> doubling_rate(["1/2", "1/4", "1/4"], [2, 4, 4])
    0
    >>> doubling_rate(["1/2", "1/4", "1/4"], [2, 4, 4], bets=["1/3", "1/3", "1/3"])
    -log(3)/log(2) + 3/2
    """
    symbols, p = source_pmf(win_probs)
    b = as_base(base)
    o = _odds(odds, symbols)
    if bets is None:
        betting = p
    else:
        bet_symbols, bet_values = source_pmf(bets if not isinstance(bets, Mapping) else dict(bets))
        if isinstance(bets, Mapping):  # by horse; a horse left out gets nothing
            placed = dict(zip(bet_symbols, bet_values, strict=True))
            unknown = [s for s in placed if s not in symbols]
            if unknown:
                raise DistributionError(
                    f"a bet on {unknown[0]!r}, which is not one of the horses {symbols!r}"
                )
            betting = [placed.get(s, sympy.Integer(0)) for s in symbols]
        else:  # by position
            if len(bet_values) != len(p):
                raise DistributionError(f"{len(bet_values)} bets for {len(p)} horses: {short_repr(bets)}")
            betting = list(bet_values)
    total = sympy.Integer(0)
    for pi, bi, oi in zip(p, betting, o, strict=True):
        if pi == 0:
            continue
        if bi == 0:
            return -sympy.oo
        total += pi * sympy.log(bi * oi)
    return _in_base(total, b)


def _in_base(natural: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    """A sum of natural logarithms of positive numbers, divided by ``log(base)``, tidied."""
    return tidy(sympy.expand(sympy.expand_log(natural, force=True) / sympy.log(base)))


def doubling_rate_with_side_information(
    d: Distribution, odds: Any, horse: str = "X", side: str = "Y", *, base: Base = 2
) -> sympy.Expr:
    """The optimal doubling rate when ``side`` is seen before betting on ``horse``: bets ``b(x|y) = p(x|y)``.

    ``W*(X|Y) = sum_{x,y} p(x, y) log(o(x) p(x|y))``, which is
    ``W*(X) + I(X;Y)`` (Cover & Thomas, 2nd ed., Theorem 6.2.1).

    >>> from symentropy import Distribution
    >>> d = Distribution.from_table([["3/8", "1/8"], ["1/8", "3/8"]], names=("X", "Y"))
    >>> doubling_rate_with_side_information(d, [2, 2])
    -1 + 3*log(3)/(4*log(2))
    """
    d = as_distribution(d)
    b = as_base(base)
    hx, hy = d.positions([horse, side])
    marginal = d.marginal(horse)
    symbols = [o[0] for o in marginal.outcomes]
    o = dict(zip(symbols, _odds(odds, symbols), strict=True))
    p_side: dict[Any, sympy.Expr] = {}
    for outcome, p in d.items():
        p_side[outcome[hy]] = p_side.get(outcome[hy], sympy.Integer(0)) + p
    joint: dict[tuple, sympy.Expr] = {}
    for outcome, p in d.items():
        key = (outcome[hx], outcome[hy])
        joint[key] = joint.get(key, sympy.Integer(0)) + p
    total = sympy.Integer(0)
    for (x, y), p in joint.items():
        if p != 0:
            total += p * sympy.log(o[x] * p / p_side[y])
    return _in_base(total, b)
