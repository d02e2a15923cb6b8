"""Gaussian channels and Gaussian sources in closed form (Cover & Thomas, ch. 9 and §10.3).

==================================  ==========================================================
function                            value
==================================  ==========================================================
:func:`awgn_capacity`               ``1/2 log(1 + P/N)`` (C&T eq. 9.17)
:func:`bandlimited_capacity`        ``W log(1 + P/(N0 W))`` (C&T eq. 9.63)
:func:`water_filling`               parallel Gaussian channels: level, powers, capacity (§9.4)
:func:`reverse_water_filling`       independent Gaussian sources: level, distortions, rate
                                    (§10.3.3)
==================================  ==========================================================

Water-filling decides its active set exactly: the noise levels are sorted by
the exact comparison and the level is the rational (or closed-form) solution
of ``sum (nu - N_i)^+ = P``.  Coloured noise and feedback are out of scope.

Examples
========

>>> from symentropy.measures.gaussian import awgn_capacity, water_filling
>>> awgn_capacity(15, 1)
2
>>> w = water_filling([1, 2, 5], 4)
>>> w.level, w.powers, w.capacity
(7/2, (5/2, 3/2, 0), -3/2 + log(7)/log(2))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..errors import DistributionError, UndecidedError, short_repr
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare, known_sign

__all__ = [
    "awgn_capacity",
    "bandlimited_capacity",
    "water_filling",
    "reverse_water_filling",
    "WaterFilling",
    "ReverseWaterFilling",
    "log_ratio",
]


def _sequence(values: Any, what: str) -> list[Any]:
    if isinstance(values, (str, bytes, Mapping, set, frozenset)) or not isinstance(values, Iterable):
        raise TypeError(f"{what} are a list of numbers; got {short_repr(values)}")
    return list(values)


def _positive(value: Any, what: str) -> sympy.Expr:
    v = as_exact(value, what=what)
    if v.is_positive is False or (v.is_number and compare(v, 0) <= 0):
        raise DistributionError(f"{what} is {v}; it must be positive")
    return v


def _nonnegative(value: Any, what: str) -> sympy.Expr:
    v = as_exact(value, what=what)
    if v.is_nonnegative is False or (v.is_number and compare(v, 0) < 0):
        raise DistributionError(f"{what} is {v}; it must be nonnegative")
    return v


def log_ratio(a: sympy.Expr, b: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    """``log(a / b) / log(base)``; canonical (logarithms of primes) for rationals."""
    ratio = a / b
    if ratio.is_Rational:
        return LogSum.log_of(ratio).to_expr(base)
    return sympy.log(ratio) / sympy.log(base)


def awgn_capacity(P: Any, N: Any, base: Base = 2, *, snr_db: Any = None) -> sympy.Expr:
    """The capacity ``1/2 log(1 + P/N)`` of the additive white Gaussian noise channel.

    ``snr_db=x`` gives ``P/N = 10**(x/10)`` exactly instead of ``P`` and ``N``
    (pass ``P=None, N=None``).

    Examples
    ========

    >>> from sympy import symbols
    >>> from symentropy.measures.gaussian import awgn_capacity
    >>> P, N = symbols("P N", positive=True)
    >>> awgn_capacity(P, N)
    log(1 + P/N)/(2*log(2))
    >>> awgn_capacity(None, None, snr_db=10)
    log(11)/(2*log(2))
    """
    b = as_base(base)
    if snr_db is not None:
        if P is not None or N is not None:
            raise DistributionError("give either P and N, or snr_db, not both")
        x = as_exact(snr_db, what="snr_db")
        snr = sympy.Pow(10, x / 10)
    else:
        snr = _nonnegative(P, "the power P") / _positive(N, "the noise variance N")
    return log_ratio(1 + snr, sympy.Integer(1), b) / 2


def bandlimited_capacity(W: Any, P: Any, N0: Any, base: Base = 2) -> sympy.Expr:
    """The capacity ``W log(1 + P / (N0 W))`` of a band-limited Gaussian channel, per second.

    As ``W -> oo`` it tends to ``P / (N0 ln 2)`` bits per second:

    >>> from sympy import symbols, limit, oo
    >>> from symentropy.measures.gaussian import bandlimited_capacity
    >>> W, P, N0 = symbols("W P N0", positive=True)
    >>> limit(bandlimited_capacity(W, P, N0), W, oo)
    P/(N0*log(2))
    """
    b = as_base(base)
    w = _positive(W, "the bandwidth W")
    return w * log_ratio(1 + _nonnegative(P, "the power P") / (_positive(N0, "N0") * w), sympy.Integer(1), b)


def _order(values: Sequence[sympy.Expr], what: str) -> list[int]:
    """Indices sorting ``values`` ascending, each comparison decided exactly."""

    def less(i: int, j: int) -> bool:
        diff = values[i] - values[j]
        sign = compare(diff, 0) if diff.is_number else known_sign(sympy.factor(diff))
        if sign is None:
            raise UndecidedError(f"the order of {what} {values[i]} and {values[j]} is undecided")
        return sign < 0

    order = list(range(len(values)))
    # insertion sort on exact decisions (few channels are symbolic; rationals take the fast path)
    if all(v.is_Rational for v in values):
        return sorted(order, key=lambda k: values[k])
    for k in range(1, len(order)):
        j = k
        while j > 0 and less(order[j], order[j - 1]):
            order[j], order[j - 1] = order[j - 1], order[j]
            j -= 1
    return order


def _decided(value: sympy.Expr) -> int | None:
    return compare(value, 0) if value.is_number else known_sign(sympy.factor(value))


@dataclass(frozen=True)
class WaterFilling:
    """Water-filling over parallel Gaussian channels: ``level``, ``powers`` (in input order), ``capacity``."""

    noise: tuple[sympy.Expr, ...]
    power: sympy.Expr
    level: sympy.Expr
    powers: tuple[sympy.Expr, ...]
    capacity: sympy.Expr

    @property
    def active(self) -> tuple[int, ...]:
        """The channels that get power."""
        return tuple(i for i, p in enumerate(self.powers) if p != 0)

    def _repr_latex_(self) -> str:
        return rf"$$\nu = {sympy.latex(self.level)}, \quad C = {sympy.latex(self.capacity)}$$"


def water_filling(noise: Sequence[Any], P: Any, base: Base = 2) -> WaterFilling:
    """Allocate power ``P`` over parallel Gaussian channels of noise variances ``noise`` (C&T §9.4).

    The powers are ``(nu - N_i)^+`` with ``sum = P``, the capacity
    ``sum_i 1/2 log(1 + P_i/N_i)``.  The active set is decided exactly; noise
    levels may be symbols when every comparison is decided.

    Examples
    ========

    Cover & Thomas, 2nd ed., Example 9.4.1 style: noise 1, 2, 5 and power 4
    fills the two quieter channels to the level 7/2:

    >>> w = water_filling([1, 2, 5], 4)
    >>> w.active, sum(w.powers)
    ((0, 1), 4)
    """
    b = as_base(base)
    ns = [_positive(v, f"noise variance {k}") for k, v in enumerate(_sequence(noise, "the noise variances"))]
    if not ns:
        raise DistributionError("water_filling() needs at least one channel")
    p = _nonnegative(P, "the power P")
    order = _order(ns, "the noise variances")
    level = None
    total = sympy.Integer(0)
    for k, i in enumerate(order, start=1):
        total += ns[i]
        candidate = (p + total) / k
        nxt = order[k] if k < len(order) else None
        if nxt is None:
            level = candidate
            break
        sign = _decided(candidate - ns[nxt])
        if sign is None:
            raise UndecidedError(
                f"whether channel {nxt} gets power (level {candidate} vs noise {ns[nxt]}) is undecided"
            )
        if sign <= 0:
            level = candidate
            break
    assert level is not None
    level = level if level.is_Rational else sympy.factor(level)
    powers = []
    terms = []
    for n in ns:
        if _decided(level - n) == 1:
            powers.append(level - n if (level - n).is_Rational else sympy.factor(level - n))
            terms.append((level, n))
        else:
            powers.append(sympy.Integer(0))
    return WaterFilling(tuple(ns), p, level, tuple(powers), _half_log_sum(terms, b))


def _half_log_sum(pairs: list[tuple[sympy.Expr, sympy.Expr]], base: sympy.Expr) -> sympy.Expr:
    """``sum 1/2 log(a / b)``: one canonical LogSum when every ratio is rational."""
    ratios = [a / b for a, b in pairs]
    if all(r.is_Rational for r in ratios):  # one LogSum over all numerators and denominators
        half = Fraction(1, 2)
        weights: dict[int, Fraction] = {}
        for r in ratios:
            weights[int(r.p)] = weights.get(int(r.p), Fraction(0)) + half
            weights[int(r.q)] = weights.get(int(r.q), Fraction(0)) - half
        return LogSum.from_integer_weights(weights).to_expr(base)
    return sympy.expand(sum((log_ratio(a, b, base) / 2 for a, b in pairs), sympy.Integer(0)))


@dataclass(frozen=True)
class ReverseWaterFilling:
    """Reverse water-filling over independent Gaussian sources: ``level``, ``distortions``, ``rate``."""

    variances: tuple[sympy.Expr, ...]
    distortion: sympy.Expr
    level: sympy.Expr
    distortions: tuple[sympy.Expr, ...]
    rate: sympy.Expr

    def _repr_latex_(self) -> str:
        return rf"$$\lambda = {sympy.latex(self.level)}, \quad R(D) = {sympy.latex(self.rate)}$$"


def reverse_water_filling(variances: Sequence[Any], D: Any, base: Base = 2) -> ReverseWaterFilling:
    """Rate-distortion of independent Gaussian sources under total squared error ``D`` (C&T Theorem 10.3.3).

    ``D_i = min(lambda, sigma_i^2)`` with ``sum D_i = D``, and
    ``R(D) = sum_i 1/2 log(sigma_i^2 / D_i)``.

    >>> r = reverse_water_filling([1, 4, 9], 3)
    >>> r.level, r.distortions, r.rate
    (1, (1, 1, 1), 1 + log(3)/log(2))
    """
    b = as_base(base)
    vs = [_positive(v, f"variance {k}") for k, v in enumerate(_sequence(variances, "the variances"))]
    if not vs:
        raise DistributionError("reverse_water_filling() needs at least one component")
    d = _nonnegative(D, "the distortion D")
    total = sum(vs, sympy.Integer(0))
    if _decided(d - total) in (0, 1):  # every component described by its mean: rate 0
        return ReverseWaterFilling(tuple(vs), d, total, tuple(vs), sympy.Integer(0))
    if _decided(d) == 0:
        raise DistributionError("D = 0 needs an infinite rate for a Gaussian source")
    order = _order(vs, "the variances")
    covered = sympy.Integer(0)
    level = None
    for k, i in enumerate(order):
        candidate = (d - covered) / (len(order) - k)
        sign = _decided(candidate - vs[i])
        if sign is None:
            raise UndecidedError(
                f"whether component {i} is covered (level {candidate} vs variance {vs[i]}) is undecided"
            )
        if sign <= 0:
            level = candidate
            break
        covered += vs[i]
    assert level is not None
    distortions = []
    terms = []
    for v in vs:
        if _decided(v - level) == 1:
            distortions.append(level)
            terms.append((v, level))
        else:
            distortions.append(v)
    return ReverseWaterFilling(tuple(vs), d, level, tuple(distortions), _half_log_sum(terms, b))
