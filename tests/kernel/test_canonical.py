"""Direct tests of symentropy.kernel.canonical: one canonical form for numbers with logarithms."""

from __future__ import annotations

import sympy
from sympy import E, Rational, Symbol, log, sqrt

from symentropy.kernel.canonical import canonical_number, prime_logs, tidy_value

P89, P107, P127 = 2**89 - 1, 2**107 - 1, 2**127 - 1  # Mersenne primes above 2**64


def test_prime_logs():
    assert prime_logs(log(12) - log(5)) == 2 * log(2) + log(3) - log(5)
    assert prime_logs(log(Rational(3, 4))) == log(3) - 2 * log(2)
    x = Symbol("x")
    assert prime_logs(x * log(6)) == x * (log(2) + log(3))
    assert prime_logs(log(x)) == log(x)


def test_prime_logs_does_not_factor_products_of_large_primes(monkeypatch):
    original = sympy.factorint

    def bounded(n, *args, **kwargs):
        assert n < 2**64, f"asked to factor {n}"
        return original(n, *args, **kwargs)

    monkeypatch.setattr(sympy, "factorint", bounded)
    value = prime_logs(log(P89 * P107) - log(P107 * P127))
    assert value == log(P89) - log(P127)  # the shared factor is found by a gcd, not by factoring


def test_equal_numbers_print_equally():
    a = canonical_number(log(12) / log(2) - log(3) / log(2), 2)
    b = canonical_number(2 * log(4) / log(4), 2)
    assert a == b == 2
    assert canonical_number(log(6) / log(10), 10) == canonical_number((log(2) + log(3)) / log(10), 10)
    assert canonical_number(log(2) / log(10), 10) == log(2) / log(10)
    assert canonical_number(log(6), E) == log(2) + log(3)


def test_tidy_value():
    assert tidy_value(sqrt(2) / (1 + sqrt(2))) == 2 - sqrt(2)
    assert tidy_value(log(Rational(12, 5))) == 2 * log(2) + log(3) - log(5)  # canonical, not shortest
    p = Symbol("p")
    assert tidy_value(sympy.exp(2 * log(p))) == p**2
    assert tidy_value(Rational(3, 4)) == Rational(3, 4)
