"""Integers as products of primes, with a bound on the work: the number theory under LogSum.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:func:`factor_integer`                 the prime factorisation of ``n``, cached
:func:`split_integer`                  primes, and at most one large *cofactor* kept
                                       whole (``n >= FACTOR_LIMIT`` is not factored
                                       completely)
:func:`coprime_basis`                  pairwise coprime integers of which every given
                                       integer is a product of powers
:func:`exponents_over`                 ``n`` as powers of the elements of such a basis
:func:`accumulate_factors`             ``sum_n w_n log n`` over primes, for many integers
                                       at once (the entropy of a table)
:data:`FACTOR_LIMIT`                   below it, every integer is factored into primes
:func:`smallest_factors`               a sieve of smallest prime factors below
                                       ``TRIAL_BOUND``
=====================================  ===============================================

Logarithms of pairwise coprime integers ``> 1`` are linearly independent
over the rationals (unique factorisation), which is what makes exact
cancellation of sums of logarithms possible without factoring large
integers completely: a product of two 40-digit primes is kept whole, and a
gcd with another argument splits it only where the two share a factor.

Examples
========

>>> from symentropy.kernel.primes import factor_integer, split_integer, coprime_basis
>>> factor_integer(360)
((2, 3), (3, 2), (5, 1))
>>> big = (2**61 - 1) * (2**89 - 1)
>>> split_integer(12 * big)
((2, 2), (3, 1), (1427247692705959880439315947500961989719490561, 1))
>>> coprime_basis([6 * 35, 10 * 21])
[2, 3, 5, 7]
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable
from functools import lru_cache

import sympy

__all__ = [
    "factor_integer",
    "split_integer",
    "coprime_basis",
    "exponents_over",
    "smallest_factors",
    "is_probable_prime",
    "shared_factors",
    "trial_primes",
    "accumulate_factors",
    "FACTOR_LIMIT",
    "TRIAL_BOUND",
    "clear_caches",
]

@lru_cache(maxsize=1 << 16)
def factor_integer(n: int) -> tuple[tuple[int, int], ...]:
    """Return the prime factorisation of ``n >= 1`` as ``((prime, exponent), ...)``.

    Results are cached: tables reuse the same numerators and denominators.
    Below ``TRIAL_BOUND`` the factors are looked up in a sieve of smallest
    prime factors; up to ``2**22`` too, once more than ``SIEVE_DEMAND`` such
    integers were asked for (before, trial division is cheaper than building
    that sieve); up to ``TRIAL_BOUND**2`` found by trial division; above, by
    sympy's ``factorint``.

    >>> factor_integer(360)
    ((2, 3), (3, 2), (5, 1))
    """
    if n < 1:
        raise ValueError(f"cannot factor {n}: expected a positive integer")
    if n < TRIAL_BOUND:
        return _trial_division(n)
    if n < _SIEVE_LIMIT and (_SIEVE or _wants_sieve()):  # table lookups, one per prime factor
        return _sieved_factors(n)
    if n < TRIAL_BOUND * TRIAL_BOUND:  # trial division is complete and cheaper than factorint
        return _trial_division(n)
    return tuple(sorted((int(p), int(e)) for p, e in sympy.factorint(n).items()))


def _trial_division(n: int) -> tuple[tuple[int, int], ...]:
    """Factor ``n < TRIAL_BOUND**2`` by the primes below ``TRIAL_BOUND``."""
    if n < TRIAL_BOUND:  # a table lookup per prime factor
        smallest = smallest_factors()
        found: dict[int, int] = {}
        while n > 1:
            p = smallest[n]
            found[p] = found.get(p, 0) + 1
            n //= p
        return tuple(found.items())
    parts = []
    for p in trial_primes():
        if p * p > n:
            break
        if n % p == 0:
            e = 0
            while n % p == 0:
                n //= p
                e += 1
            parts.append((p, e))
            if n < TRIAL_BOUND:  # the rest by table lookups: its factors are all at least p
                return tuple(parts) + _trial_division(n) if n > 1 else tuple(parts)
    if n > 1:
        parts.append((n, 1))
    return tuple(parts)


#: Integers below this bound are factored completely (sympy's ``factorint``
#: is deterministic and fast there).  Larger integers are only stripped of
#: their prime factors below ``TRIAL_BOUND``; what is left is a *cofactor*.
FACTOR_LIMIT = 1 << 64
TRIAL_BOUND = 1 << 16


@lru_cache(maxsize=1)
def smallest_factors() -> list[int]:
    """The smallest prime factor of every ``n < TRIAL_BOUND`` (a sieve, built once)."""
    root = math.isqrt(TRIAL_BOUND - 1)
    small = [p for p in range(2, root + 1) if all(p % d for d in range(2, math.isqrt(p) + 1))]
    smallest = list(range(TRIAL_BOUND))
    for p in reversed(small):  # smaller primes overwrite larger ones: the smallest wins
        smallest[p * p :: p] = [p] * len(range(p * p, TRIAL_BOUND, p))
    return smallest


#: Integers from ``TRIAL_BOUND`` to this bound are factored by a sieve of smallest prime
#: factors of the odd numbers, built on first use up to the next power of two above the
#: integer asked for (at most 2 MB at the bound).
_SIEVE_LIMIT = 1 << 22

#: The sieve in use: entry ``i`` is the smallest prime factor of ``2i + 1``, or 0 for a prime.
_SIEVE: list[array] = []

#: Integers of the sieve's range factored by trial division before the sieve is built: building
#: it (up to 2 MB) costs about as much as this many trial divisions, so small tables never pay it.
SIEVE_DEMAND = 2048
_DEMAND = [0]


def _wants_sieve() -> bool:
    """Count one more integer of the sieve's range; True once building the sieve pays."""
    _DEMAND[0] += 1
    return _DEMAND[0] > SIEVE_DEMAND


def _odd_sieve(n: int) -> array:
    """The sieve of :data:`_SIEVE`, covering at least ``n`` (built or enlarged here)."""
    if _SIEVE and len(_SIEVE[0]) > n >> 1:
        return _SIEVE[0]
    size = min(max(TRIAL_BOUND, 1 << n.bit_length()), _SIEVE_LIMIT)
    half = size >> 1
    sieve = array("H", bytes(2 * half))
    for p in reversed(trial_primes()[1 : bisect.bisect_right(trial_primes(), math.isqrt(size))]):
        start = (p * p) >> 1  # odd multiples of p from p*p: indices start, start + p, ...
        sieve[start::p] = array("H", [p]) * len(range(start, half, p))  # smaller primes overwrite
    _SIEVE[:] = [sieve]
    return sieve


def _sieved_factors(n: int) -> tuple[tuple[int, int], ...]:
    """Factor ``n < _SIEVE_LIMIT`` by lookups in the odd sieve."""
    parts = []
    twos = (n & -n).bit_length() - 1
    if twos:
        parts.append((2, twos))
        n >>= twos
    sieve = _odd_sieve(n)
    while n > 1:
        p = sieve[n >> 1] or n
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        parts.append((p, e))
    return tuple(parts)


@lru_cache(maxsize=1)
def trial_primes() -> tuple[int, ...]:
    """The primes below ``TRIAL_BOUND``, in increasing order."""
    smallest = smallest_factors()
    return tuple(i for i in range(2, TRIAL_BOUND) if smallest[i] == i)


@lru_cache(maxsize=1 << 16)
def split_integer(n: int) -> tuple[tuple[int, int], ...]:
    """Write ``n >= 2`` as ``((a, e), ...)``: primes, and at most one large cofactor.

    Below ``FACTOR_LIMIT`` this is the prime factorisation.  Above it, the
    primes below ``TRIAL_BOUND`` are divided out and the rest, if it is not
    below the limit either, is kept whole (as ``b**e`` when it is a perfect
    power): factoring a product of two large primes could take forever, and
    exactness does not need it (see :func:`symentropy.kernel.logsum.refine_cofactors`).
    """
    if n < FACTOR_LIMIT:
        return factor_integer(n)
    parts: dict[int, int] = {}
    for p in trial_primes():
        if n % p == 0:
            n, parts[p] = _divide_out(n, p)
        if p * p > n:
            break
    if n > 1:
        if n < FACTOR_LIMIT:
            parts.update(factor_integer(n))
        else:
            power = sympy.perfect_power(n)
            base, exponent = (int(power[0]), int(power[1])) if power else (n, 1)
            if base < FACTOR_LIMIT:
                parts.update((p, e * exponent) for p, e in factor_integer(base))
            else:
                parts[base] = exponent
    return tuple(sorted(parts.items()))


def accumulate_factors(weights: Iterable[tuple[int, int]], into: dict[int, int]) -> dict[int, int]:
    """Add ``w * e`` to ``into[p]`` for each ``(n, w)`` and each ``p**e`` exactly dividing ``n``.

    The integers are split as by :func:`split_integer` (primes, and a large
    cofactor kept whole), so ``into`` ends up holding ``sum_n w_n log n``
    written over them.  Made for many integers at once, as the entropy of a
    table needs: below ``TRIAL_BOUND`` and, once there are enough of them to
    pay for it, below ``2**22``, each prime factor costs one table lookup in
    the loop itself.  Returns ``into``.

    >>> accumulate_factors([(12, 1), (10, -2)], {})
    {2: 0, 3: 1, 5: -2}
    """
    smallest = smallest_factors()
    pending: list[tuple[int, int]] = []
    get = into.get
    for n, w in weights:
        if n < TRIAL_BOUND:
            while n > 1:
                p = smallest[n]
                into[p] = get(p, 0) + w
                n //= p
        else:
            pending.append((n, w))
    middle = [n for n, _ in pending if n < _SIEVE_LIMIT]
    sieve = None
    if middle and not _SIEVE:
        _DEMAND[0] += len(middle) - 1
        if _wants_sieve():
            sieve = _odd_sieve(max(middle))
    elif middle:
        sieve = _odd_sieve(max(middle))
    for n, w in pending:
        if n < _SIEVE_LIMIT:
            if sieve is None:  # counted above: trial division, not factor_integer's count again
                for p, e in _trial_division(n):
                    into[p] = get(p, 0) + w * e
                continue
            twos = (n & -n).bit_length() - 1
            if twos:
                into[2] = get(2, 0) + w * twos
                n >>= twos
            while n > 1:
                p = sieve[n >> 1] or n
                into[p] = get(p, 0) + w
                n //= p
        else:
            for p, e in split_integer(n):
                into[p] = get(p, 0) + w * e
    return into


def _divide_out(n: int, p: int) -> tuple[int, int]:
    """``(n / p**e, e)`` with ``p**e`` the largest power of ``p`` dividing ``n``.

    By squaring: ``p, p**2, p**4, ...`` until one does not divide, then down
    again, so ``2**100000`` costs about 17 divisions, not 100,000.
    """
    powers = [p]
    while n % powers[-1] == 0 and powers[-1] <= n:
        powers.append(powers[-1] * powers[-1])
    e = 0
    for k in range(len(powers) - 1, -1, -1):
        if n % powers[k] == 0:
            n //= powers[k]
            e += 1 << k
    return n, e


def is_probable_prime(n: int) -> bool:
    """Whether a cofactor is prime (a strong BPSW test: no composite passing it is known).

    A prime cofactor needs no gcd against the others: distinct primes are coprime.

    >>> is_probable_prime(2**89 - 1), is_probable_prime((2**61 - 1) * (2**89 - 1))
    (True, False)
    """
    return bool(sympy.isprime(n))


def shared_factors(integers: list[int]) -> list[int]:
    """For each of ``integers``, its gcd with the product of all the others (Bernstein's batch gcd).

    A product tree, then a remainder tree of ``P mod n**2``: near-linear in the
    total size, where gcds of every pair would be quadratic.

    >>> shared_factors([6, 35, 11, 13 * 7])
    [1, 7, 1, 7]
    """
    if len(integers) < 2:
        return [1] * len(integers)
    tree = [list(integers)]
    while len(tree[-1]) > 1:
        level = tree[-1]
        pairs = range(0, len(level), 2)
        tree.append([level[i] * level[i + 1] if i + 1 < len(level) else level[i] for i in pairs])
    remainders = [tree[-1][0]]
    for level in reversed(tree[:-1]):
        remainders = [remainders[i // 2] % (n * n) for i, n in enumerate(level)]
    return [math.gcd(r // n, n) for r, n in zip(remainders, integers, strict=True)]


def coprime_basis(integers: Iterable[int], primes: Iterable[int] = ()) -> list[int]:
    """Pairwise coprime integers ``> 1`` of which every one of ``integers`` is a product of powers.

    ``primes`` are known primes that belong to the basis as they are (they
    are never split).  Repeated gcd splitting: two elements that share a
    factor ``g`` are replaced by ``g`` and their cofactors.  Elements below
    :data:`FACTOR_LIMIT` that are not known primes are factored into primes,
    so the basis is prime below the limit.  The basis is returned in the
    order of discovery.

    Two products of large primes that share one factor are split into the
    three primes, without factoring either product:

    >>> P, Q, R = 2**61 - 1, 2**89 - 1, 2**107 - 1
    >>> sorted(coprime_basis([P * Q, Q * R])) == [P, Q, R]
    True
    >>> coprime_basis([2**70 * 3], primes=[3]) == [3, 2**70]  # a coprime basis, not a factorisation
    True
    """
    integers, primes = list(dict.fromkeys(integers)), list(dict.fromkeys(primes))
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in integers + primes):
        raise TypeError(f"coprime_basis() takes positive ints, got {integers!r} and {primes!r}")
    known = set(primes)
    # A batch gcd finds, in near-linear time, the integers that share no factor with any other
    # (most of them, for data): they enter the basis as they are; only the others are split
    # pairwise, which is quadratic in their (small) number.
    everything = [n for n in integers + primes if n > 1]
    shared = {n for n, g in zip(everything, shared_factors(everything), strict=True) if g > 1}
    basis: list[int] = [b for b in primes if b in shared]
    alone = [n for n in everything if n not in shared]
    for n in integers:
        if n not in shared:
            continue
        pending = [n]
        while pending:
            x = pending.pop()
            if x == 1:
                continue
            for i, b in enumerate(basis):
                g = math.gcd(x, b)
                if g > 1:
                    if g == b and b in known:  # a prime divides x
                        pending.append(x // b)
                        break
                    basis.pop(i)
                    pending.extend(y for y in (g, b // g, x // g) if y > 1)
                    break
            else:
                basis.append(x)
    pieces: list[int] = []
    for b in dict.fromkeys(alone + basis):
        if b < FACTOR_LIMIT and b not in known:
            pieces.extend(p for p, _ in factor_integer(b))
        else:
            pieces.append(b)
    return list(dict.fromkeys(pieces))


def exponents_over(n: int, basis: Iterable[int]) -> list[tuple[int, int]]:
    """Write ``n`` as ``[(b, e), ...]`` with ``n = prod b**e`` over a coprime ``basis``.

    Raises ``ValueError`` if ``n`` is not a product of the basis elements.

    >>> exponents_over(2**5 * 7, [2, 3, 7])
    [(2, 5), (7, 1)]
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise TypeError(f"exponents_over() takes a positive int, got {n!r}")
    parts = []
    rest = n
    for b in basis:
        if not isinstance(b, int) or b < 2:
            raise TypeError(f"a basis holds ints greater than 1, got {b!r}")
        if rest == 1:
            break
        if rest % b == 0:
            e = 0
            while rest % b == 0:
                rest //= b
                e += 1
            parts.append((b, e))
    if rest != 1:
        raise ValueError(f"{n} is not a product of powers of the basis")
    return parts


def clear_caches() -> None:
    """Forget the cached factorisations and the sieve above ``TRIAL_BOUND`` (for timings that start cold)."""
    factor_integer.cache_clear()
    _SIEVE.clear()
    _DEMAND[0] = 0
    split_integer.cache_clear()
