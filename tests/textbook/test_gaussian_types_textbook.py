"""Gaussian channels, rate-distortion and the method of types (Cover & Thomas, 2nd ed., ch. 9-11)."""

from __future__ import annotations

import itertools
import math
import random

import pytest
import sympy

from symentropy import (
    Distribution,
    awgn_capacity,
    bandlimited_capacity,
    compare,
    distortion_max,
    entropy,
    evaluate,
    kl_divergence,
    normal,
    number_of_types,
    rate_distortion,
    reverse_water_filling,
    sanov_exponent,
    type_class_probability,
    type_class_size,
    type_of,
    water_filling,
)
from symentropy.errors import DistributionError

LOG2 = sympy.log(2)


def test_awgn_capacity_eq_9_17():
    # C = 1/2 log2(1 + P/N); P/N = 15 gives 2 bits
    assert awgn_capacity(15, 1) == 2
    assert awgn_capacity(None, None, snr_db=10) == sympy.log(11) / (2 * LOG2)
    with pytest.raises(DistributionError, match="either P and N, or snr_db"):
        awgn_capacity(1, 1, snr_db=3)


def test_bandlimited_capacity_tends_to_p_over_n0_ln2():
    # C&T eq. 9.63 and the limit after it: W log2(1 + P/(N0 W)) -> P/(N0 ln 2) as W -> oo
    W, P, N0 = sympy.symbols("W P N0", positive=True)
    assert sympy.limit(bandlimited_capacity(W, P, N0), W, sympy.oo) == P / (N0 * LOG2)


@pytest.mark.parametrize("seed", range(5))
def test_water_filling_spends_the_power_and_beats_any_other_split(seed):
    # C&T §9.4: the powers (nu - N_i)^+ sum to P and maximise sum 1/2 log(1 + P_i/N_i)
    rng = random.Random(seed)
    noise = [sympy.Rational(rng.randint(1, 20), rng.randint(1, 4)) for _ in range(5)]
    power = sympy.Rational(rng.randint(1, 30), 2)
    w = water_filling(noise, power)
    assert sum(w.powers) == power and all(p >= 0 for p in w.powers)
    assert all(w.level - n == p for n, p in zip(noise, w.powers, strict=True) if p > 0)
    assert all(n >= w.level for n, p in zip(noise, w.powers, strict=True) if p == 0)
    direct = sum(sympy.log(1 + p / n) for p, n in zip(w.powers, noise, strict=True)) / (2 * LOG2)
    assert compare(w.capacity, direct) == 0
    even = sum(sympy.log(1 + power / len(noise) / n) for n in noise) / (2 * LOG2)
    assert compare(w.capacity, even) >= 0


def test_rate_distortion_of_a_bernoulli_source_theorem_10_3_1():
    # R(D) = h(p) - h(D) for D <= min(p, 1-p), else 0; R(0) = H
    p = sympy.Rational(1, 3)
    source = ["1/3", "2/3"]
    h = entropy(Distribution.from_pmf(source))
    assert compare(rate_distortion(source, 0), h) == 0
    assert rate_distortion(source, sympy.Rational(1, 3)) == 0 and rate_distortion(source, "1/2") == 0
    assert distortion_max(source) == p
    # convex and nonincreasing on a grid, decided exactly
    grid = [sympy.Rational(k, 30) for k in range(11)]
    values = [rate_distortion(source, d) for d in grid]
    assert all(compare(a, b) >= 0 for a, b in zip(values, values[1:], strict=False))
    assert all(compare(a + c, 2 * b) >= 0 for a, b, c in zip(values, values[1:], values[2:], strict=False))


def test_rate_distortion_of_a_uniform_source_problem_10_5():
    # R(D) = log m - h(D) - D log(m - 1) for D <= 1 - 1/m
    r = rate_distortion(["1/4"] * 4, sympy.Rational(1, 4))
    expected = (
        2
        - (sympy.Rational(1, 4) * 2 + sympy.Rational(3, 4) * (2 - sympy.log(3) / LOG2))
        - sympy.log(3) / (4 * LOG2)
    )
    assert compare(r, expected) == 0


def test_gaussian_source_theorem_10_3_2_and_reverse_water_filling_10_3_3():
    assert rate_distortion(normal(0, 2), 1, "squared") == 1  # 1/2 log2(4/1)
    assert rate_distortion(normal(0, 2), 4, "squared") == 0
    r = reverse_water_filling([1, 4, 9], 6)
    assert sum(r.distortions) == 6 and r.level == sympy.Rational(5, 2)
    assert (
        compare(r.rate, (sympy.log(sympy.Rational(8, 5)) + sympy.log(sympy.Rational(18, 5))) / (2 * LOG2))
        == 0
    )
    assert reverse_water_filling([1, 4], 5).rate == 0


def test_types_theorems_11_1_1_and_11_1_4():
    # |P_n| = C(n + m - 1, m - 1) <= (n + 1)^m, by enumeration
    for n, m in [(5, 2), (6, 3)]:
        types = {tuple(seq.count(a) for a in range(m)) for seq in itertools.product(range(m), repeat=n)}
        assert number_of_types(n, m) == len(types) <= (n + 1) ** m
    # Theorem 11.1.4: (n+1)^-m 2^(n H(P)) <= |T(P)| <= 2^(n H(P))
    for counts in [{"a": 3, "b": 2, "c": 1}, {"a": 5, "b": 5}]:
        n = sum(counts.values())
        size = type_class_size(counts)
        h = entropy(Distribution.from_dict({k: sympy.Rational(v, n) for k, v in counts.items()}))
        assert compare(sympy.log(size) / LOG2, n * h) <= 0
        assert compare(sympy.log(size) / LOG2, n * h - len(counts) * sympy.log(n + 1) / LOG2) >= 0
    assert type_class_size("mississippi") == math.factorial(11) // (
        math.factorial(4) ** 2 * math.factorial(2)
    )
    assert type_of("aab").to_dict() == {"a": sympy.Rational(2, 3), "b": sympy.Rational(1, 3)}


def test_type_class_probability_theorem_11_1_4():
    # Q^n(T(P)) = |T(P)| 2^(-n (H(P) + D(P||Q))), and by enumeration
    q = {"a": sympy.Rational(1, 3), "b": sympy.Rational(2, 3)}
    counts = {"a": 2, "b": 3}
    brute = sum(
        sympy.Mul(*(q[s] for s in seq)) for seq in itertools.product("ab", repeat=5) if seq.count("a") == 2
    )
    assert type_class_probability(counts, q) == brute
    p = Distribution.from_dict({"a": sympy.Rational(2, 5), "b": sympy.Rational(3, 5)})
    exponent = 5 * (entropy(p) + kl_divergence(p, Distribution.from_dict(q)))
    assert compare(type_class_probability(p, q, n=5), type_class_size(counts) * sympy.Pow(2, -exponent)) == 0


def test_sanov_example_11_5_1():
    # a fair die with average at least 4: Q* = (0.1031, 0.1227, 0.1461, 0.1740, 0.2072, 0.2468), D = 0.0624 bits
    d = sanov_exponent(["1/6"] * 6, mean=4, values=[1, 2, 3, 4, 5, 6])
    assert [str(evaluate(q, 4)) for q in d.minimizer.probabilities] == [
        "0.1031",
        "0.1227",
        "0.1461",
        "0.1740",
        "0.2072",
        "0.2468",
    ]
    assert str(evaluate(d.exponent, 3)) == "0.0624"
    # the tilted distribution has the mean exactly: its mean minus 4 is decided to be 0
    mean = sum((k + 1) * q for k, q in enumerate(d.minimizer.probabilities))
    assert compare(mean, 4) == 0


def test_sanov_exponent_properties():
    coin = ["1/2", "1/2"]
    assert sanov_exponent(coin, mean="1/2", values=[0, 1]).exponent == 0  # P itself qualifies
    assert sanov_exponent(coin, mean="3/2", values=[0, 1]).exponent == sympy.oo
    assert sanov_exponent(coin, mean=1, values=[0, 1]).exponent == 1  # all mass on heads: log2 2
    e = sanov_exponent(coin, mean="3/4", values=[0, 1]).exponent
    assert compare(e, 0) > 0
    assert compare(e, kl_divergence(Distribution.from_pmf(["1/4", "3/4"]), Distribution.from_pmf(coin))) == 0


def test_rate_distortion_bad_and_trivial_input():
    assert rate_distortion(["1"], "1/2") == 0
    with pytest.raises(DistributionError, match="'hamming' or a matrix"):
        rate_distortion(["1/2", "1/2"], "1/4", "euclid")


def test_edges_found_by_hostile_testing():
    from symentropy import kraft_sum

    # beyond D_max the rate is 0, even where h(D) is undefined (D > 1)
    assert rate_distortion(["1/2", "1/2"], 2) == 0 and rate_distortion(["1/3"] * 3, 5) == 0
    with pytest.raises(DistributionError, match="same nonzero length"):
        distortion_max(["1/2", "1/2"], [[], []])
    with pytest.raises(DistributionError, match="exact rational"):
        sanov_exponent(["1/2", "1/2"], sympy.sqrt(2) / 2, values=[0, 1])
    numpy = pytest.importorskip("numpy")
    assert kraft_sum([numpy.int64(1), 2]) == sympy.Rational(3, 4)


def test_sanov_refuses_a_huge_tilt_polynomial_and_tidies_the_edge():
    with pytest.raises(DistributionError, match="polynomial of that degree"):
        sanov_exponent(["1/2", "1/2"], "3/4", values=[0, 10**6])
    assert sanov_exponent(["1/2", "1/4", "1/4"], 3, values=[1, 2, 3]).exponent == 2
