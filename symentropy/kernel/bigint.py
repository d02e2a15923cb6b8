"""Division of very large integers in about the time of a few multiplications.

Python's ``//`` on integers of ``n`` machine digits costs a time proportional
to ``n**2``, while its ``*`` uses Karatsuba's method (``n**1.58``).  At a
hundred thousand decimal digits the difference is a factor of ten: this module
divides by a reciprocal found with Newton's iteration, so that a division costs
a few multiplications.  Results are exact: an estimate of the quotient is
corrected with the true remainder.

=====================  ===============================================
name                   use
=====================  ===============================================
:func:`floor_divmod`   ``divmod(a, b)`` for ``a >= 0``, ``b > 0``
:func:`sticky_ratio`   ``m / n`` to ``bits`` bits and a sticky bit, for
                       any rounding by ``mpmath.libmp.from_man_exp``
:data:`NEWTON_BITS`    below this size the built-in division is used
=====================  ===============================================

>>> from symentropy.kernel.bigint import floor_divmod
>>> a, b = 7**50000, 3**30000 + 1
>>> floor_divmod(a, b) == divmod(a, b)
True

References
==========

R. P. Brent and P. Zimmermann, *Modern Computer Arithmetic*, Cambridge
University Press, 2010, sections 1.4.1 and 4.2.2 (Newton's iteration for the
reciprocal).
"""

from __future__ import annotations

__all__ = ["floor_divmod", "sticky_ratio", "NEWTON_BITS"]

#: Quotients and divisors both shorter than this many bits are left to Python's ``divmod``,
#: which is faster there (the crossover is near 20,000 bits with CPython's integers).
NEWTON_BITS = 40_000


def _inverse(d: int, n: int) -> int:
    """About ``2**(2 n) / d`` for ``d`` of exactly ``n`` bits, off by at most a few units.

    Newton's iteration ``x + x (2**(2 n) - d x) / 2**(2 n)`` doubles the
    number of correct bits; its start is the inverse of the upper half of
    ``d``, found the same way, with 16 bits to spare at each level.
    """
    if n <= NEWTON_BITS:
        return (1 << (2 * n)) // d
    k = n // 2 + 16
    x = _inverse(d >> (n - k), k) << (n - k)
    error = (1 << (2 * n)) - d * x
    return x + ((x * error) >> (2 * n))


def floor_divmod(a: int, b: int) -> tuple[int, int]:
    """``divmod(a, b)`` for integers ``a >= 0`` and ``b > 0``, exactly.

    Large operands are divided by a Newton reciprocal of the leading bits of
    ``b``, and the estimate is corrected with the remainder ``a - q b``; small
    ones by the built-in ``divmod``.
    """
    if a < 0 or b <= 0:
        raise ValueError(f"floor_divmod() takes a >= 0 and b > 0, got {a} and {b}")
    size = b.bit_length()
    quotient_bits = a.bit_length() - size + 1
    if quotient_bits <= 1:
        return divmod(a, b)
    if size > quotient_bits + 128 and size > 2000:
        # A long divisor and a short quotient: the leading bits of both decide the quotient to a
        # unit or two; the remainder corrects it.
        drop = size - quotient_bits - 64
        q = floor_divmod(a >> drop, b >> drop)[0]
        correction, r = divmod(a - q * b, b)
        return q + correction, r
    if min(size, quotient_bits) <= NEWTON_BITS:
        return divmod(a, b)
    n = quotient_bits + 32  # the reciprocal's precision: the quotient's bits, and some to spare
    top = b >> (size - n) if size >= n else b << (n - size)  # n bits of b
    drop = max(0, a.bit_length() - (quotient_bits + n + 32))
    # a / b = (a / 2**drop) * 2**(2 n) / top / 2**(n + size - drop), up to the truncations
    q = ((a >> drop) * _inverse(top, n)) >> (n + size - drop)
    r = a - q * b
    correction, r = divmod(r, b)  # a few units at most: a short division
    return q + correction, r


def sticky_ratio(m: int, n: int, bits: int) -> tuple[int, int]:
    """``(k, e)`` such that ``k * 2**e`` rounds to ``bits`` bits exactly as ``m / n`` does.

    ``m`` is an integer and ``n`` a positive integer.  ``k`` has at least
    ``bits + 2`` bits, and its last bit is 1 when the division left a
    remainder (a *sticky* bit): between two numbers of ``bits`` bits, ``k *
    2**e`` then lies on the same side of each one and of their midpoint as
    ``m / n``, so any rounding of it (nearest, floor, ceiling: pass it to
    ``mpmath.libmp.from_man_exp``) is that of ``m / n``.  A power of two as
    ``n`` is a shift, with no division.

    >>> from mpmath import libmp
    >>> k, e = sticky_ratio(1, 3, 8)
    >>> libmp.from_man_exp(k, e, 8, libmp.round_nearest) == libmp.from_rational(1, 3, 8, libmp.round_nearest)
    True
    """
    if n <= 0:
        raise ValueError(f"sticky_ratio() takes a positive denominator, got {n}")
    if n & (n - 1) == 0:
        return m, 1 - n.bit_length()
    negative, m = m < 0, abs(m)
    shift = bits + 3 - (m.bit_length() - n.bit_length())  # a quotient of bits + 2 bits or more
    q, r = floor_divmod(m << shift, n) if shift >= 0 else floor_divmod(m, n << -shift)
    q = (q << 1) | (r != 0)
    return (-q if negative else q), -shift - 1
