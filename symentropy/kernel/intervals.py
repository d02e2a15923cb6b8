"""Outward-rounded interval arithmetic: the one enclosure engine of symentropy.

An *enclosure* is a pair ``(lo, hi)`` of raw mpmath binary numbers
(``mpmath.libmp`` ``mpf`` tuples) with ``lo <= value <= hi``.  Every
operation rounds its lower end down and its upper end up, so the result
encloses the exact result of the operation on any numbers of the operands'
enclosures.  Each function takes the working precision ``prec`` (bits) as an
argument: nothing here reads or changes mpmath's global precision, in the way
``mpmath.libmp`` itself works.  The policy that chooses precisions (how many
bits for how many digits, when to give up) lives above, in
:mod:`symentropy.kernel.numeric`.

=====================================  ===============================================
function                               enclosure of
=====================================  ===============================================
:func:`exact`                          a rational number
:func:`from_ratio`                     ``p / q`` rounded one way (large ``p``, ``q``
                                       in a few multiplications)
:func:`add`, :func:`neg`, :func:`mul`  sum, negation, product
:func:`scale`, :func:`inverse`         rational multiple, reciprocal
:func:`power`                          integer power
:func:`log`, :func:`exp`               natural logarithm, exponential
:func:`log_of_integer`                 ``log n``, cached; series for ``n <= 2**32``
:func:`log_combination`                ``sum c_n log n``, in one pass over the primes
:func:`pi`, :func:`e`                  the constants
=====================================  ===============================================

:func:`sign` and :func:`contains_zero` read an enclosure; :func:`to_fraction`
turns an end into an exact ``Fraction``; :func:`round_decimal` rounds a
rational exactly to decimal digits and :func:`common_rounding` gives the
rounding shared by a whole enclosure, if any.  :class:`Interval` wraps a pair
and its precision with operators, for code that reads better as formulas.

Errors are proved, not estimated.  ``log`` and ``exp`` of mpmath are accurate
to a few units in the last place; each is computed with ``GUARD`` extra bits
and enclosed in a radius ``2**GUARD`` times that error (:func:`around`).
Logarithms of integers up to ``2**32`` come from a table built with integer
arithmetic only, with an error bound carried along exactly.

Examples
========

>>> from fractions import Fraction
>>> from symentropy.kernel import intervals
>>> third = intervals.exact(Fraction(1, 3), 53)
>>> lo, hi = (intervals.to_fraction(x) for x in third)
>>> lo < Fraction(1, 3) < hi, hi - lo <= Fraction(1, 2**53)
(True, True)
>>> x = intervals.Interval.from_fraction(Fraction(1, 2), 64)
>>> (x.log() * 2).exp().contains(Fraction(1, 4))
True
>>> intervals.round_decimal(Fraction(2, 3), 5)
(66667, -5)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from fractions import Fraction

from mpmath import libmp

from .bigint import floor_divmod, sticky_ratio
from .primes import factor_integer

__all__ = [
    "Interval",
    "Imprecise",
    "Undefined",
    "GUARD",
    "exact",
    "from_ratio",
    "add",
    "neg",
    "sub",
    "mul",
    "scale",
    "inverse",
    "power",
    "log",
    "exp",
    "pi",
    "e",
    "around",
    "contains_zero",
    "sign",
    "to_fraction",
    "log_of_integer",
    "log_of_rational",
    "log_combination",
    "round_decimal",
    "common_rounding",
    "clear_caches",
]

FLOOR = libmp.round_floor
CEILING = libmp.round_ceiling
LOG2_10 = math.log2(10)

#: An enclosure: ``(lo, hi)``, two raw mpf tuples with ``lo <= hi``.
Pair = tuple

#: Guard bits of an elementary function value.  mpmath computes ``log`` and
#: ``exp`` with 20 guard bits of its own, to within a few units in the last
#: place; each value is computed with ``GUARD`` extra bits and then enclosed
#: in a radius of one unit in the ``prec``-th bit, about ``2**GUARD`` times
#: the error.
GUARD = 32


class Imprecise(ArithmeticError):
    """An enclosure is too wide to go on (a divisor or a logarithm's argument straddles 0).

    More precision may help: the caller raises it and tries again.
    """


class Undefined(ArithmeticError):
    """The value is not a finite real number (the logarithm of a nonpositive number, infinity)."""


_by_value = functools.cmp_to_key(libmp.mpf_cmp)



def exact(value: Fraction, prec: int) -> Pair:
    """The enclosure of an exact rational: itself when it is an integer, else its two roundings."""
    p, q = value.numerator, value.denominator
    if q == 1:
        x = libmp.from_int(p)
        return (x, x)
    return from_ratio(p, q, prec, FLOOR), from_ratio(p, q, prec, CEILING)


def from_ratio(p: int, q: int, prec: int, rounding: str) -> tuple:
    """``p / q`` (``q > 0``) rounded to ``prec`` bits in the direction ``rounding`` (an mpmath one).

    As ``libmp.from_rational``, in a few multiplications when ``p`` and ``q``
    are large (:func:`~symentropy.kernel.bigint.sticky_ratio`) and by a shift
    when ``q`` is a power of two.
    """
    return libmp.from_man_exp(*sticky_ratio(p, q, prec), prec, rounding)


def add(a: Pair, b: Pair, prec: int) -> Pair:
    """``a + b``."""
    return (libmp.mpf_add(a[0], b[0], prec, FLOOR), libmp.mpf_add(a[1], b[1], prec, CEILING))


def neg(a: Pair) -> Pair:
    """``-a`` (exact)."""
    return (libmp.mpf_neg(a[1]), libmp.mpf_neg(a[0]))


def mul(a: Pair, b: Pair, prec: int) -> Pair:
    """``a * b``: the extremes of the four products of the ends."""
    ends = [(x, y) for x in a for y in b]
    lo = min((libmp.mpf_mul(x, y, prec, FLOOR) for x, y in ends), key=_by_value)
    hi = max((libmp.mpf_mul(x, y, prec, CEILING) for x, y in ends), key=_by_value)
    return (lo, hi)


def contains_zero(a: Pair) -> bool:
    """Whether 0 lies in ``a``."""
    return libmp.mpf_sign(a[0]) <= 0 <= libmp.mpf_sign(a[1])


def inverse(a: Pair, prec: int) -> Pair:
    """``1 / a``; :class:`Imprecise` if ``a`` straddles 0, ZeroDivisionError if it is exactly 0."""
    if contains_zero(a):
        if a[0] == a[1]:
            raise ZeroDivisionError("division by zero")
        raise Imprecise
    one = libmp.fone
    return (libmp.mpf_div(one, a[1], prec, FLOOR), libmp.mpf_div(one, a[0], prec, CEILING))


def scale(a: Pair, c: Fraction, prec: int) -> Pair:
    """``c * a`` for an exact rational ``c``."""
    if c == 1:
        return a
    if c < 0:
        a, c = neg(a), -c
    p, q = libmp.from_int(c.numerator), libmp.from_int(c.denominator)
    lo = libmp.mpf_div(libmp.mpf_mul(a[0], p, prec, FLOOR), q, prec, FLOOR)
    hi = libmp.mpf_div(libmp.mpf_mul(a[1], p, prec, CEILING), q, prec, CEILING)
    return (lo, hi)


def around(value: tuple, prec: int) -> Pair:
    """``[value - r, value + r]`` with ``r`` one unit in the ``prec``-th bit of ``value``.

    ``value`` is an elementary function computed with ``prec + GUARD`` bits,
    so ``r`` is about ``2**GUARD`` times its error.
    """
    if value == libmp.fzero:
        return (value, value)
    radius = libmp.mpf_shift(libmp.fone, value[2] + value[3] - prec)
    return (libmp.mpf_sub(value, radius), libmp.mpf_add(value, radius))


def log(a: Pair, prec: int) -> Pair:
    """``log a``; :class:`Undefined` if ``a`` is not positive, :class:`Imprecise` if it reaches 0."""
    if libmp.mpf_sign(a[1]) <= 0:
        raise Undefined("logarithm of a number that is not positive")
    if libmp.mpf_sign(a[0]) <= 0:
        raise Imprecise
    wp = prec + GUARD
    lo = around(libmp.mpf_log(a[0], wp, libmp.round_nearest), prec)[0]
    hi = around(libmp.mpf_log(a[1], wp, libmp.round_nearest), prec)[1]
    return (lo, hi)


def exp(a: Pair, prec: int) -> Pair:
    """``exp a``."""
    wp = prec + GUARD
    lo = around(libmp.mpf_exp(a[0], wp, libmp.round_nearest), prec)[0]
    hi = around(libmp.mpf_exp(a[1], wp, libmp.round_nearest), prec)[1]
    if libmp.mpf_sign(lo) < 0:  # exp is positive
        lo = libmp.fzero
    return (lo, hi)


def to_fraction(x: tuple) -> Fraction:
    """An end of an enclosure (a raw mpf) as an exact Fraction; :class:`Undefined` for infinities."""
    sign, man, exp, _ = x
    if not man:
        if x != libmp.fzero:
            raise Undefined("infinite or undefined value")
        return Fraction(0)
    value = Fraction(man << exp) if exp >= 0 else Fraction(man, 1 << -exp)
    return -value if sign else value


#: Integers up to this bound get their logarithm from the series below;
#: larger ones (huge primes, gcd-free cofactors) from mpmath.
_SERIES_LIMIT = 1 << 32
#: Guard bits of the fixed-point series table.
_SERIES_GUARD = 48


def _atanh_inverse(m: int, wp: int) -> tuple[int, int]:
    """``atanh(1/m) * 2**wp`` for an integer ``m >= 3``, with a bound on its error.

    ``atanh(1/m) = sum_k 1 / ((2k + 1) m**(2k + 1))``.  Nested floor divisions
    by integers are exact floors, so each computed term is
    ``floor(2**wp / ((2k + 1) m**(2k + 1)))``, off by less than one unit;
    the neglected tail, after the first power below one unit, is below two
    units.  The result is returned with an error bound in units of
    ``2**-wp``: ``(value, bound)``.
    """
    if wp > _SPLITTING_BITS:
        return _atanh_inverse_split(m, wp)
    power = (1 << wp) // m
    total = power
    square = m * m
    k = 1
    while power:
        power //= square
        total += power // (2 * k + 1)
        k += 1
    return total, k + 2


def _atanh_ratio(a: int, m: int, wp: int) -> tuple[int, int]:
    """``atanh(a/m) * 2**wp`` for integers ``0 < a``, ``4 a <= m``, with a bound on its error.

    Each power ``2**wp (a/m)**(2k+1)`` is the floor of the previous one times
    ``a**2/m**2``, so the k-th is low by less than ``k + 1`` units, and its
    quotient by ``2k + 1`` by less than 2.  Once a power is 0, the true one
    is below ``k + 1`` and the neglected tail below ``(k + 1) 16/15``.  With
    ``k`` terms the error is below ``4k + 4`` units: ``(value, 4k + 4)``.
    """
    power = (a << wp) // m
    total = power
    a2, m2 = a * a, m * m
    k = 1
    while power:
        power = power * a2 // m2
        total += power // (2 * k + 1)
        k += 1
    return total, 4 * k + 4


#: Working precisions (bits) up to which a prime's logarithm may come from the prime before it.
_CHAIN_BITS = 1024
#: ... when ``(q - r)/(q + r) <= 2**-gain``: each term of the series gains ``2 gain`` bits.  The gain
#: asked for is ``_CHAIN_GAIN`` up to ``_CHAIN_LOW_BITS`` of precision, where a few more terms cost
#: less than factoring ``p**2 - k**2`` (sparse primes: a table with weights to a million), and
#: ``_CHAIN_GAIN_HIGH`` above.
_CHAIN_GAIN = 4
_CHAIN_GAIN_HIGH = 8
_CHAIN_LOW_BITS = 512


#: Above this working precision the atanh series is summed by binary splitting.
_SPLITTING_BITS = 3000


def _atanh_inverse_split(m: int, wp: int) -> tuple[int, int]:
    """``atanh(1/m) * 2**wp`` as in :func:`_atanh_inverse`, summed exactly by binary splitting.

    The first ``n`` terms ``1/((2k+1) m**(2k+1))`` are added as one fraction
    ``T / (B Q)`` (products of the denominators over halves of the range, so
    the big multiplications are few and balanced); one floor division gives
    the result.  The neglected tail is below one unit once ``m**(2n+1)``
    exceeds ``2**wp``, and the floor adds less than one: the bound is 2.
    """
    square = m * m
    n = wp // (2 * max(m.bit_length() - 1, 1)) + 2

    def split(a: int, b: int) -> tuple[int, int, int]:  # (T, B, Q) for the terms a <= k < b
        if b - a <= 8:  # a short run: the same merge, one term at a time
            t, bb, q = 1, 2 * a + 1, (m if a == 0 else square)
            for k in range(a + 1, b):
                t = (2 * k + 1) * square * t + bb
                bb *= 2 * k + 1
                q *= square
            return t, bb, q
        middle = (a + b) // 2
        t1, b1, q1 = split(a, middle)
        t2, b2, q2 = split(middle, b)
        return b2 * q2 * t1 + b1 * t2, b1 * b2, q1 * q2

    t, b, q = split(0, n)
    return floor_divmod(t << wp, b * q)[0], 2


#: ``log 2 = 18 atanh(1/26) - 2 atanh(1/4801) + 8 atanh(1/8749)``: a hyperbolic Machin-type
#: formula, whose slowest series gains 9.4 bits a term where ``2 atanh(1/3)`` gains 3.2.
_LOG2_MACHIN = ((18, 26), (-2, 4801), (8, 8749))


class _SeriesLogs:
    """Logarithms of primes ``p <= _SERIES_LIMIT`` in fixed point, with error bounds.

    ``log 2`` comes from a Machin-type formula (:data:`_LOG2_MACHIN`), and for
    a prime ``p >= 3`` either from the prime before it (:meth:`include`) or
    ``log p = log(p**2 - 1)/2 + atanh(1/(2 p**2 - 1))``, where
    ``p**2 - 1 = (p - 1)(p + 1)`` factors into smaller primes (or ``p**2 - k**2``
    for a small ``k``, :meth:`include_by_squares`).  The series
    for ``p`` near a million gains 80 bits a term, so a logarithm costs a few
    dozen integer divisions: far less than a general-purpose logarithm, and
    the error of every value is bounded by construction (integer arithmetic
    only).  Values are kept for the working precision ``wp``; a request for
    more precision starts a new table.
    """

    def __init__(self, wp: int) -> None:
        self.wp = wp
        self.logs: dict[int, tuple[int, int]] = {}
        value = error = 0
        for c, m in _LOG2_MACHIN:
            v, b = _atanh_inverse(m, wp)
            value += c * v
            error += abs(c) * b
        self.logs[2] = (value, error)

    def log(self, p: int) -> tuple[int, int]:
        """``(value, error)`` of ``log p * 2**wp`` for a prime ``p``."""
        found = self.logs.get(p)
        if found is None:
            self.include((p,))
            found = self.logs[p]
        return found

    def include(self, primes: Iterable[int]) -> None:
        """Compute the logarithms of ``primes`` not in the table yet, in one pass.

        In increasing order, each prime ``q`` either from the prime ``r``
        computed just before it, ``log q = log r + 2 atanh((q - r)/(q + r))``,
        when the two are close and the precision is low (no factoring: the
        series gains at least ``2 _CHAIN_GAIN`` bits a term), or else from
        ``p**2 - 1`` (:meth:`include_by_squares`).
        """
        logs = self.logs
        needed = sorted({p for p in primes if p not in logs})
        if self.wp > _CHAIN_BITS:
            self.include_by_squares(needed)
            return
        wp = self.wp
        gain = _CHAIN_GAIN if wp <= _CHAIN_LOW_BITS else _CHAIN_GAIN_HIGH
        previous = 0
        for q in needed:
            if previous and (q + previous) >> gain >= q - previous:
                v, b = logs[previous]
                series, series_error = _atanh_ratio(q - previous, q + previous, wp)
                logs[q] = (v + 2 * series, b + 2 * series_error)
            else:
                self.include_by_squares((q,))
            previous = q

    def include_by_squares(self, primes: Iterable[int]) -> None:
        """Compute the logarithms of ``primes`` from ``p**2 - k**2`` for a small ``k``.

        ``log p = log(p**2 - k**2)/2 + atanh(k**2/(2 p**2 - k**2))``.

        For each prime the first ``k <= _SQUARE_SHIFTS`` for which every prime
        of ``(p - k)(p + k)`` is below ``p`` and known or asked for, else
        ``k = 1`` (the primes of ``p**2 - 1`` are at most ``(p + 1)/2``); then the
        primes these rest on (recursively, with ``k = 1``), and all of them in
        increasing order: every prime of ``p**2 - k**2`` is below ``p``, so
        its logarithm is ready when ``p`` is reached.
        """
        logs = self.logs
        wanted = {p for p in primes if p not in logs}
        relations: dict[int, tuple[int, tuple[tuple[int, int], ...]]] = {}
        for q in wanted:
            for k in range(1, _SQUARE_SHIFTS + 1):
                factors = _factors_of_difference_of_squares(q, k)
                if all(r < q and (r in logs or r in wanted) for r, _ in factors):
                    relations[q] = (k, factors)
                    break
        pending = list(wanted)
        while pending:
            q = pending.pop()
            found = relations.get(q)
            if found is None:
                found = relations[q] = (1, _factors_of_difference_of_squares(q, 1))
            pending.extend(r for r, _ in found[1] if r not in logs and r not in relations)
        wp = self.wp
        for q in sorted(relations):
            k, factors = relations[q]
            total = bound = 0
            for r, e in factors:
                v, b = logs[r]
                total += e * v
                bound += e * b
            if k == 1:
                series, series_error = _atanh_inverse(2 * q * q - 1, wp)
            else:
                series, series_error = _atanh_ratio(k * k, 2 * q * q - k * k, wp)
            logs[q] = (total // 2 + series, (bound + 1) // 2 + 1 + series_error)


#: How many shifts ``k`` in ``p**2 - k**2`` are tried to avoid primes not asked for.
_SQUARE_SHIFTS = 6


def _factors_of_difference_of_squares(p: int, k: int) -> tuple[tuple[int, int], ...]:
    """The prime factorisation of ``p**2 - k**2 = (p - k)(p + k)``, for an odd prime ``p > k``."""
    if k == 1:
        return _factors_of_square_minus_one(p)
    parts = dict(factor_integer(p - k)) if p - k > 1 else {}
    for r, e in factor_integer(p + k):
        parts[r] = parts.get(r, 0) + e
    return tuple(parts.items())


def _factors_of_square_minus_one(p: int) -> tuple[tuple[int, int], ...]:
    """The prime factorisation of ``p**2 - 1 = (p - 1)(p + 1)``, for an odd ``p``.

    The two factors share only one factor 2: ``(p - 1)(p + 1)`` is ``4 a b``
    with ``a, b`` consecutive integers, so the factorisations of ``a`` and ``b``
    are coprime.
    """
    a = p >> 1
    parts = dict(factor_integer(a)) if a > 1 else {}
    for r, e in factor_integer(a + 1):
        parts[r] = parts.get(r, 0) + e
    parts[2] = parts.get(2, 0) + 2
    return tuple(parts.items())


_SERIES: list[_SeriesLogs] = []  # the tables in use, oldest first
#: How many tables of different precisions are kept.
_SERIES_TABLES = 4


def _series_table(prec: int) -> _SeriesLogs:
    """The table of prime logarithms for enclosures at ``prec`` bits."""
    wp = prec + _SERIES_GUARD
    table = next((t for t in _SERIES if wp <= t.wp <= 2 * wp + 64), None)
    if table is None:
        # a table far more precise than asked (left by a computation to many digits) would make
        # every new logarithm cost its full precision: keep a few tables, one per scale
        table = _SeriesLogs(wp)
        _SERIES.append(table)
        if len(_SERIES) > _SERIES_TABLES:
            _SERIES.pop(0)
    return table


def _series_log(n: int, prec: int) -> Pair:
    """An enclosure of ``log n`` for ``2 <= n <= _SERIES_LIMIT`` from the prime table."""
    table = _series_table(prec)
    value = error = 0
    for p, e in factor_integer(n):
        v, b = table.log(p)
        value += e * v
        error += e * b
    return (libmp.from_man_exp(value - error, -table.wp), libmp.from_man_exp(value + error, -table.wp))


def log_combination(coefficients: Mapping[int, Fraction], prec: int) -> Pair:
    """An enclosure of ``sum c_n log n`` for ``{n: c_n}``, integers ``n >= 1`` and rationals ``c_n``.

    The one pass behind sums of many logarithms (entropies of large tables):
    the logarithms of all the primes involved are computed together
    (:class:`_SeriesLogs`), and the sum is formed in fixed point, as one
    integer per denominator of the coefficients with its error bound, so it
    is rounded once, not once per term.  Integers above ``2**32`` are
    enclosed by :func:`log_of_integer`.  The enclosure is about as narrow as
    ``2**-prec`` times the sum of the ``|c_n log n|``.

    >>> from fractions import Fraction
    >>> from symentropy.kernel import intervals
    >>> pair = intervals.log_combination({2: Fraction(1, 2), 3: Fraction(-1, 3)}, 64)
    >>> lo, hi = (intervals.to_fraction(x) for x in pair)  # log(2)/2 - log(3)/3 = -0.019630...
    >>> Fraction(-19631, 10**6) < lo < hi < Fraction(-19630, 10**6), hi - lo < Fraction(1, 2**60)
    (True, True)
    """
    small: list[tuple[int, Fraction, tuple[tuple[int, int], ...]]] = []
    total: Pair = (libmp.fzero, libmp.fzero)
    for n, c in coefficients.items():
        if not c or n == 1:
            continue
        if n <= _SERIES_LIMIT:
            small.append((n, c, factor_integer(n)))
        else:
            total = add(total, scale(log_of_integer(n, prec), Fraction(c), prec), prec)
    if not small:
        return total
    table = _series_table(prec)
    table.include({p for _, _, factors in small for p, _ in factors})
    logs = table.logs
    sums: dict[int, list[int]] = {}  # denominator -> [sum of numerator * value, bound on its error]
    for n, c, factors in small:
        if len(factors) == 1 and factors[0][1] == 1:
            value, error = logs[n]
        else:
            value = error = 0
            for p, e in factors:
                v, b = logs[p]
                value += e * v
                error += e * b
        a, d = c.numerator, c.denominator
        found = sums.get(d)
        if found is None:
            sums[d] = [a * value, abs(a) * error]
        else:
            found[0] += a * value
            found[1] += abs(a) * error
    for d, (value, error) in sums.items():
        d <<= table.wp
        part = (from_ratio(value - error, d, prec, FLOOR), from_ratio(value + error, d, prec, CEILING))
        total = add(total, part, prec)
    return total


#: Enclosures of logarithms of integers, kept at the highest precision
#: computed so far (at most ``_LOG_CACHE_SIZE`` of them; the oldest go first).
_LOG_CACHE: dict[int, tuple[int, Pair]] = {}
#: Outward roundings of over-precise cached enclosures, by (n, prec).
_SHORT_CACHE: dict[tuple[int, int], Pair] = {}
_LOG_CACHE_SIZE = 1 << 14


def log_of_integer(n: int, prec: int) -> Pair:
    """An enclosure of ``log(n)``, ``n >= 1``, of relative width about ``2**-prec`` or less.

    Each integer's logarithm is computed once per precision and kept:
    later calls at the same or a lower precision reuse it.  Integers up to
    ``_SERIES_LIMIT`` come from the table of prime logarithms; larger ones
    from one mpmath logarithm, enclosed with a margin ``2**GUARD`` times
    its error.
    """
    if n == 1:
        return (libmp.fzero, libmp.fzero)
    cached = _LOG_CACHE.get(n)
    if cached is not None and cached[0] >= prec:
        if cached[0] <= 2 * prec + 64:
            return cached[1]
        # a far more precise enclosure (left by a computation to many digits) costs its full
        # length in every later operation: round it outward to what is asked, and keep both
        shorter = _SHORT_CACHE.get((n, prec))
        if shorter is not None:
            return shorter
        lo, hi = cached[1]
        shorter = (libmp.mpf_pos(lo, prec + GUARD, FLOOR), libmp.mpf_pos(hi, prec + GUARD, CEILING))
        _SHORT_CACHE[(n, prec)] = shorter
        if len(_SHORT_CACHE) > _LOG_CACHE_SIZE:
            del _SHORT_CACHE[next(iter(_SHORT_CACHE))]
        return shorter
    if n <= _SERIES_LIMIT:
        interval = _series_log(n, prec)
    else:
        interval = around(libmp.mpf_log(libmp.from_int(n), prec + GUARD, libmp.round_nearest), prec)
    if cached is None and len(_LOG_CACHE) >= _LOG_CACHE_SIZE:
        del _LOG_CACHE[next(iter(_LOG_CACHE))]
    _LOG_CACHE[n] = (prec, interval)
    return interval


def clear_caches() -> None:
    """Forget the cached logarithms (the series table and the enclosures of ``log n``)."""
    _SERIES.clear()
    _LOG_CACHE.clear()
    _SHORT_CACHE.clear()


def log_of_rational(b: Fraction, prec: int) -> Pair:
    """An enclosure of ``log b`` for a positive rational ``b``, from :func:`log_of_integer`."""
    if b.denominator == 1:
        return log_of_integer(b.numerator, prec)
    return add(log_of_integer(b.numerator, prec), neg(log_of_integer(b.denominator, prec)), prec)


def round_decimal(x: Fraction, digits: int) -> tuple[int, int]:
    """Round ``x != 0`` to ``digits`` significant decimals, ties to even.

    Returns ``(m, e)`` with ``x ~ m * 10**e`` and ``10**(digits-1) <= |m| < 10**digits``.
    """
    return _round_ratio(x.numerator, x.denominator, digits)


@functools.lru_cache(maxsize=16)
def _power_of_ten(k: int) -> int:
    return 10**k


def _round_ratio(num: int, den: int, digits: int) -> tuple[int, int]:
    """:func:`round_decimal` of ``num / den`` (``den > 0``), in lowest terms or not.

    A power of two as ``den`` (an end of an enclosure) costs a multiplication
    and a shift; other denominators a division (:func:`bigint.floor_divmod`).
    """
    negative = num < 0
    num = -num if negative else num
    dyadic = den & (den - 1) == 0
    e = math.floor((num.bit_length() - den.bit_length()) / LOG2_10) - digits + 1
    low, high = 10 ** (digits - 1), 10**digits
    while True:  # find e with 10**(digits-1) <= x / 10**e < 10**digits
        n, d = (num, den * _power_of_ten(e)) if e >= 0 else (num * _power_of_ten(-e), den)
        if dyadic and e < 0:
            shift = den.bit_length() - 1
            m, r = n >> shift, n & (den - 1)
        else:
            m, r = floor_divmod(n, d)
        if m >= high:
            e += 1
        elif m < low:
            e -= 1
        else:
            break
    if 2 * r > d or (2 * r == d and m % 2):
        m += 1
        if m == high:  # 9.99... rounded up to 10.0
            m, e = low, e + 1
    return (-m if negative else m, e)


def _ratio_of(x: tuple) -> tuple[int, int]:
    """An end of an enclosure as ``(numerator, denominator)``, the denominator a power of two."""
    sign, man, exp, _ = x
    if not man and x != libmp.fzero:
        raise Undefined("infinite or undefined value")
    num, den = (man << exp, 1) if exp >= 0 else (man, 1 << -exp)
    return (-num if sign else num), den


def common_rounding(a: Pair, digits: int) -> tuple[int, int] | None:
    """The common rounding of every number in ``a``, or None if they differ."""
    if contains_zero(a):
        return None
    lo, hi = _round_ratio(*_ratio_of(a[0]), digits), _round_ratio(*_ratio_of(a[1]), digits)
    return lo if lo == hi else None


def power(a: Pair, k: int, prec: int) -> Pair:
    """``a**k`` for an integer ``k >= 0``."""
    if k == 0:
        return (libmp.fone, libmp.fone)
    if libmp.mpf_sign(a[0]) >= 0:
        return (libmp.mpf_pow_int(a[0], k, prec, FLOOR), libmp.mpf_pow_int(a[1], k, prec, CEILING))
    if libmp.mpf_sign(a[1]) <= 0:
        b = power(neg(a), k, prec)
        return b if k % 2 == 0 else neg(b)
    left = power((libmp.fzero, libmp.mpf_neg(a[0])), k, prec)[1]  # |lo|**k, rounded up
    right = power((libmp.fzero, a[1]), k, prec)[1]
    if k % 2 == 0:
        return (libmp.fzero, max(left, right, key=_by_value))
    return (libmp.mpf_neg(left), right)


def sub(a: Pair, b: Pair, prec: int) -> Pair:
    """``a - b``."""
    return add(a, neg(b), prec)


def sign(a: Pair) -> int | None:
    """The sign (-1, 0 or 1) of every number in ``a``, or None when ``a`` holds numbers of both signs.

    0 only for the exact enclosure ``[0, 0]``.
    """
    if a[0] == a[1] == libmp.fzero:
        return 0
    if contains_zero(a):
        return None
    return libmp.mpf_sign(a[0])


def pi(prec: int) -> Pair:
    """An enclosure of pi."""
    return around(libmp.mpf_pi(prec + GUARD), prec)


def e(prec: int) -> Pair:
    """An enclosure of e."""
    return around(libmp.mpf_e(prec + GUARD), prec)


class Interval:
    """An enclosure with operators: ``x + y``, ``x * y``, ``x / y``, ``x.log()``, ...

    Each interval carries the working precision it was made with; an
    operation works at the higher precision of its operands.  Operands may be
    ``int`` or ``Fraction`` (exact).  Use it where a formula reads better
    than calls of :func:`add` and :func:`mul`; both round outward alike.

    >>> from fractions import Fraction
    >>> from symentropy.kernel.intervals import Interval
    >>> x = Interval.log_of(3, 80) / Interval.log_of(2, 80)  # log2(3) = 1.5849625007...
    >>> Fraction(15849625007, 10**10) < x.lower < x.upper < Fraction(15849625008, 10**10)
    True
    >>> x.contains(Fraction(1585, 1000)), x.sign(), (x - x).sign()
    (False, 1, None)
    """

    __slots__ = ("pair", "prec")

    def __init__(self, pair: Pair, prec: int):
        self.pair = pair
        self.prec = prec

    @classmethod
    def from_fraction(cls, value: Fraction | int, prec: int) -> Interval:
        """The enclosure of an exact rational."""
        return cls(exact(Fraction(value), prec), prec)

    @classmethod
    def log_of(cls, n: int | Fraction, prec: int) -> Interval:
        """The enclosure of ``log n`` for a positive rational ``n``."""
        return cls(log_of_rational(Fraction(n), prec), prec)

    def _operand(self, other: Interval | Fraction | int) -> Interval:
        if isinstance(other, Interval):
            return other
        if isinstance(other, (int, Fraction)):
            return Interval.from_fraction(other, self.prec)
        return NotImplemented

    def __add__(self, other: Interval | Fraction | int) -> Interval:
        o = self._operand(other)
        if o is NotImplemented:
            return o
        prec = max(self.prec, o.prec)
        return Interval(add(self.pair, o.pair, prec), prec)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(neg(self.pair), self.prec)

    def __sub__(self, other: Interval | Fraction | int) -> Interval:
        o = self._operand(other)
        if o is NotImplemented:
            return o
        return self + (-o)

    def __rsub__(self, other: Fraction | int) -> Interval:
        return (-self) + other

    def __mul__(self, other: Interval | Fraction | int) -> Interval:
        if isinstance(other, (int, Fraction)) and not isinstance(other, bool):
            return Interval(scale(self.pair, Fraction(other), self.prec), self.prec)
        o = self._operand(other)
        if o is NotImplemented:
            return o
        prec = max(self.prec, o.prec)
        return Interval(mul(self.pair, o.pair, prec), prec)

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | Fraction | int) -> Interval:
        if isinstance(other, (int, Fraction)) and not isinstance(other, bool):
            return self * (1 / Fraction(other))
        o = self._operand(other)
        if o is NotImplemented:
            return o
        prec = max(self.prec, o.prec)
        return Interval(mul(self.pair, inverse(o.pair, prec), prec), prec)

    def __rtruediv__(self, other: Fraction | int) -> Interval:
        return Interval(scale(inverse(self.pair, self.prec), Fraction(other), self.prec), self.prec)

    def __pow__(self, k: int) -> Interval:
        result = power(self.pair, abs(k), self.prec)
        return Interval(inverse(result, self.prec) if k < 0 else result, self.prec)

    def log(self) -> Interval:
        """The natural logarithm; :class:`Imprecise` if the enclosure reaches 0 or below."""
        return Interval(log(self.pair, self.prec), self.prec)

    def exp(self) -> Interval:
        """The exponential."""
        return Interval(exp(self.pair, self.prec), self.prec)

    @property
    def lower(self) -> Fraction:
        """The lower end, exactly."""
        return to_fraction(self.pair[0])

    @property
    def upper(self) -> Fraction:
        """The upper end, exactly."""
        return to_fraction(self.pair[1])

    def sign(self) -> int | None:
        """See :func:`sign`."""
        return sign(self.pair)

    def contains(self, value: Fraction | int) -> bool:
        """Whether the exact rational ``value`` lies in the enclosure."""
        return self.lower <= value <= self.upper

    def __repr__(self) -> str:
        return f"Interval([{float(self.lower)!r}, {float(self.upper)!r}], prec={self.prec})"
