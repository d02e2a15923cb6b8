"""Direct tests of symentropy.kernel.bigint: exact division of large integers by Newton reciprocals."""

from __future__ import annotations

import contextlib
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import libmp

from symentropy.kernel import bigint
from symentropy.kernel.bigint import floor_divmod, sticky_ratio


@contextlib.contextmanager
def newton_everywhere():
    """Newton's path for operands of a few hundred bits, so that random tests reach it."""
    saved, bigint.NEWTON_BITS = bigint.NEWTON_BITS, 40
    try:
        yield
    finally:
        bigint.NEWTON_BITS = saved


@settings(max_examples=300)
@given(st.integers(0, 2**3000), st.integers(1, 2**1500))
def test_floor_divmod_is_divmod(a, b):
    with newton_everywhere():
        assert floor_divmod(a, b) == divmod(a, b)


@newton_everywhere()
def test_floor_divmod_at_the_edges():
    rng = random.Random(7)
    for bits_b in (41, 64, 200, 1000):
        for bits_q in (1, 2, 41, 300, 2000):
            b = rng.getrandbits(bits_b) | (1 << (bits_b - 1))
            for a in (b << bits_q, (b << bits_q) - 1, (b << bits_q) + b - 1, ((1 << bits_b) - 1) << bits_q):
                assert floor_divmod(a, b) == divmod(a, b), (bits_b, bits_q)
    b = (1 << 500) - 1  # all ones: the truncated divisor is furthest from it
    assert floor_divmod((1 << 1200) - 1, b) == divmod((1 << 1200) - 1, b)
    assert floor_divmod(10**400, 2**1400) == (0, 10**400)


def test_floor_divmod_with_a_long_divisor_and_a_short_quotient():
    rng = random.Random(5)
    for size, quotient in ((3000, 10), (5000, 900), (120_000, 30_000), (120_000, 1)):
        b = rng.getrandbits(size) | 1 << (size - 1)
        near = (b << quotient) - 1, b << quotient, b * rng.getrandbits(quotient)
        for a in (rng.getrandbits(size + quotient), *near):
            assert floor_divmod(a, b) == divmod(a, b), (size, quotient)


def test_floor_divmod_at_the_real_threshold():
    rng = random.Random(3)
    b = rng.getrandbits(150_000) | 1 << 149_999
    a = rng.getrandbits(260_000)
    assert floor_divmod(a, b) == divmod(a, b)
    assert floor_divmod(a * b + b - 1, b) == (a, b - 1)


def test_floor_divmod_refuses_negative_operands():
    with pytest.raises(ValueError, match="a >= 0 and b > 0"):
        floor_divmod(-1, 3)
    with pytest.raises(ValueError, match="a >= 0 and b > 0"):
        floor_divmod(1, 0)


@settings(max_examples=300)
@given(st.integers(-(2**2000), 2**2000), st.integers(1, 2**2000), st.integers(1, 700))
def test_sticky_ratio_rounds_as_mpmath_from_rational(m, n, bits):
    with newton_everywhere():
        k, e = sticky_ratio(m, n, bits)
    for rounding in (libmp.round_nearest, libmp.round_floor, libmp.round_ceiling, libmp.round_down):
        assert libmp.from_man_exp(k, e, bits, rounding) == libmp.from_rational(m, n, bits, rounding)


def test_sticky_ratio_at_ties_and_powers_of_two():
    nearest = libmp.round_nearest
    cases = [(5, 1, 2), (7, 1, 2), (11, 8, 3), (3, 1 << 70, 1), (-9, 2, 3), (1, 3, 8)]
    cases.append((10**30 + 1, 10**30, 5))
    for m, n, bits in cases:
        k, e = sticky_ratio(m, n, bits)
        assert libmp.from_man_exp(k, e, bits, nearest) == libmp.from_rational(m, n, bits, nearest), (m, n)
    assert sticky_ratio(3, 1 << 70, 10) == (3, -70)  # a power of two: a shift, exact
    k, e = sticky_ratio(1, 3, 4)
    assert k & 1 and k.bit_length() >= 6 and abs(Fraction(k) / 2**-e - Fraction(1, 3)) < Fraction(1, 2**-e)
    with pytest.raises(ValueError, match="positive denominator"):
        sticky_ratio(1, 0, 10)
