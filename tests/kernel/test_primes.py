"""Direct tests of symentropy.kernel.primes: factorisation with bounded work and coprime bases."""

from __future__ import annotations

import math

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symentropy.kernel.primes import (
    FACTOR_LIMIT,
    TRIAL_BOUND,
    accumulate_factors,
    coprime_basis,
    exponents_over,
    factor_integer,
    smallest_factors,
    split_integer,
)

P61, P89, P107 = 2**61 - 1, 2**89 - 1, 2**107 - 1  # Mersenne primes


def product(parts) -> int:
    return math.prod(b**e for b, e in parts)


@given(st.integers(1, 2**62))
def test_factor_integer_gives_primes_whose_product_is_n(n):
    parts = factor_integer(n)
    assert product(parts) == n
    assert all(sympy.isprime(p) and e >= 1 for p, e in parts)
    assert [p for p, _ in parts] == sorted(p for p, _ in parts)


def test_factor_integer_refuses_nonpositive():
    with pytest.raises(ValueError, match="positive integer"):
        factor_integer(0)


def test_the_sieve_gives_smallest_prime_factors():
    smallest = smallest_factors()
    assert len(smallest) == TRIAL_BOUND
    for n in (2, 3, 4, 9, 15, 49, 65521, 65535):
        assert smallest[n] == min(sympy.factorint(n))


@given(st.integers(TRIAL_BOUND, 1 << 22))
def test_the_sieve_above_the_trial_bound_factors_exactly(n):
    parts = factor_integer(n)
    assert dict(parts) == sympy.factorint(n)
    assert [p for p, _ in parts] == sorted(p for p, _ in parts)


@pytest.mark.parametrize("demand", [0, 10**9])  # the sieve at once; trial division throughout
def test_factorisations_at_the_edges_of_the_sieve(monkeypatch, demand):
    from symentropy.kernel import primes

    primes.clear_caches()
    monkeypatch.setattr(primes, "SIEVE_DEMAND", demand)
    for n in (TRIAL_BOUND, TRIAL_BOUND + 1, 3**13, 2**21 * 3 - 1, 4194301, (1 << 22) - 1, 1 << 22, 4194319):
        assert dict(factor_integer(n)) == sympy.factorint(n), n
    primes.clear_caches()


def split_sum(weights) -> dict[int, int]:
    """The reference: ``sum w log n`` over split_integer's parts, one integer at a time."""
    out: dict[int, int] = {}
    for n, w in weights:
        for b, e in split_integer(n):
            out[b] = out.get(b, 0) + w * e
    return {b: c for b, c in out.items() if c}


@pytest.mark.parametrize("demand", [0, 10**9])  # the sieve built at once; never
def test_accumulate_factors_agrees_with_split_integer(monkeypatch, demand):
    from symentropy.kernel import primes

    primes.clear_caches()
    monkeypatch.setattr(primes, "SIEVE_DEMAND", demand)
    edges = [1, 2, 3, TRIAL_BOUND - 1, TRIAL_BOUND, TRIAL_BOUND + 1, 3**13, 2**21 * 3 - 1, (1 << 22) - 1]
    edges += [1 << 22, 4194319, 2**40 + 15, 12 * P61 * P89, P61**3]
    weights = [(n, (-1) ** i * (i + 1)) for i, n in enumerate(edges)]
    weights += [(n, 3) for n in range(TRIAL_BOUND - 200, TRIAL_BOUND + 3000, 7)]  # many in the sieve's range
    got = {b: c for b, c in accumulate_factors(weights, {}).items() if c}
    assert got == split_sum(weights)
    primes.clear_caches()


def test_accumulate_factors_adds_into_what_is_there():
    into = {2: 5, 7: 1}
    assert accumulate_factors([(28, 2), (2**30 * 7, -1)], into) is into
    assert into == {2: 5 + 4 - 30, 7: 1 + 2 - 1}


@given(st.lists(st.tuples(st.integers(1, 2**70), st.integers(-50, 50)), max_size=40))
def test_accumulate_factors_on_random_integers(weights):
    assert {b: c for b, c in accumulate_factors(weights, {}).items() if c} == split_sum(weights)


@given(st.integers(2, 2**200))
def test_split_integer_is_exact_and_prime_below_the_limit(n):
    parts = split_integer(n)
    assert product(parts) == n
    large = [b for b, _ in parts if b >= FACTOR_LIMIT]
    assert len(large) <= 1
    for b, _ in parts:
        if b < FACTOR_LIMIT:
            assert sympy.isprime(b)


def test_a_product_of_large_primes_is_kept_whole():
    assert split_integer(12 * P61 * P89) == ((2, 2), (3, 1), (P61 * P89, 1))
    assert split_integer((P61 * P89) ** 3) == ((P61 * P89, 3),)  # a perfect power of a cofactor
    assert split_integer(P61**3) == ((P61, 3),)  # a perfect power of a factorable base


@given(st.lists(st.sampled_from([2, 3, 5, 7, P61, P89, P107, 65537]), min_size=1, max_size=6), st.data())
def test_a_coprime_basis_is_pairwise_coprime_and_spans_the_inputs(primes, data):
    factors = st.lists(st.sampled_from(primes), min_size=1, max_size=4)
    integers = [math.prod(data.draw(factors)) for _ in range(3)]
    basis = coprime_basis(integers)
    assert all(b > 1 for b in basis)
    assert all(math.gcd(a, b) == 1 for i, a in enumerate(basis) for b in basis[i + 1 :])
    for n in integers:
        assert product(exponents_over(n, basis)) == n


def test_coprime_basis_splits_shared_factors_without_factoring():
    assert sorted(coprime_basis([P61 * P89, P89 * P107])) == [P61, P89, P107]
    assert coprime_basis([6 * 35, 10 * 21]) == [2, 3, 5, 7]  # small pieces are factored into primes


def test_exponents_over_a_basis_that_does_not_span():
    with pytest.raises(ValueError, match="not a product"):
        exponents_over(2 * 7, [2, 3])
