"""Markov chains and source codes, from the stated textbook problems (Cover & Thomas, 2nd ed.)."""

from __future__ import annotations

import itertools
import random

import pytest
import sympy

from symentropy import Distribution, compare, entropy, evaluate, kl_divergence
from symentropy.errors import DistributionError, UndecidedError
from symentropy.models.codes import (
    huffman_code,
    kraft_lengths_exist,
    kraft_sum,
    shannon_code,
    shannon_fano_elias_code,
)
from symentropy.models.markov import MarkovChain, random_walk

LOG2 = sympy.log(2)


# -- Markov chains ------------------------------------------------------------------------------
def test_two_state_chain_example_4_1_1():
    # C&T Example 4.1.1: mu = (beta, alpha)/(alpha + beta); H = (beta h(alpha) + alpha h(beta))/(alpha + beta)
    a, b = sympy.symbols("alpha beta", positive=True)
    chain = MarkovChain([[1 - a, a], [b, 1 - b]])
    mu = chain.stationary.to_dict()
    assert sympy.simplify(mu[0] - b / (a + b)) == 0 and sympy.simplify(mu[1] - a / (a + b)) == 0
    h = lambda x: -(x * sympy.log(x) + (1 - x) * sympy.log(1 - x)) / LOG2  # noqa: E731
    expected = (b * h(a) + a * h(b)) / (a + b)
    rate = chain.entropy_rate()
    for values in ({a: sympy.Rational(1, 3), b: sympy.Rational(1, 5)}, {a: sympy.Rational(1, 2), b: sympy.Rational(3, 4)}):
        assert compare(rate.subs(values).doit(), expected.subs(values)) == 0


def _king(n):
    moves = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0)]
    return [((r, c), (r + dr, c + dc)) for r in range(n) for c in range(n) for dr, dc in moves
            if 0 <= r + dr < n and 0 <= c + dc < n and (r, c) < (r + dr, c + dc)]


@pytest.mark.parametrize("n", [3, 8])
def test_king_random_walk_matches_the_formula_of_section_4_3(n):
    # C&T §4.3 and Problem 4.? (king's walk): H = log(2W) - H(W_i / 2W), mu_i = W_i / 2W
    edges = _king(n)
    walk = random_walk(edges)
    degree = {}
    for u, v in edges:
        degree[u] = degree.get(u, 0) + 1
        degree[v] = degree.get(v, 0) + 1
    two_w = sum(degree.values())
    assert walk.stationary.to_dict() == {s: sympy.Rational(degree[s], two_w) for s in walk.states}
    shares = Distribution.from_pmf([sympy.Rational(degree[s], two_w) for s in walk.states])
    assert compare(walk.entropy_rate(), sympy.log(two_w) / LOG2 - entropy(shares)) == 0


def test_the_golden_ratio_chain_of_problem_4_7():
    # C&T Problem 4.7: states 0 -> {0, 1}, 1 -> 0; H(p) = h(p)/(1+p), maximal log2 of the golden ratio
    p = sympy.Symbol("p", positive=True)
    rate = MarkovChain([[1 - p, p], [1, 0]]).entropy_rate()
    best = (3 - sympy.sqrt(5)) / 2
    golden = (1 + sympy.sqrt(5)) / 2
    # h(p)/(1+p) at p = 1/phi**2 is log2(phi): an identity of algebraic logarithms that sympy does not
    # reduce, so it is checked to 60 correct digits, and the optimality by the sign of the derivative
    assert evaluate(rate.subs(p, best), 60) == evaluate(sympy.log(golden) / LOG2, 60)
    slope = sympy.diff(rate, p)
    assert compare(slope.subs(p, best - sympy.Rational(1, 100)), 0) > 0
    assert compare(slope.subs(p, best + sympy.Rational(1, 100)), 0) < 0


def test_structure():
    periodic = MarkovChain([[0, 1], [1, 0]])
    assert periodic.is_irreducible and periodic.period == 2 and not periodic.is_aperiodic
    assert periodic.stationary.to_dict() == {0: sympy.Rational(1, 2), 1: sympy.Rational(1, 2)}
    reducible = MarkovChain([[1, 0], [0, 1]])
    assert not reducible.is_irreducible and reducible.closed_classes() == [(0,), (1,)]
    with pytest.raises(DistributionError, match="several closed classes"):
        reducible.stationary
    chain = MarkovChain([["1/2", "1/2"], ["1/4", "3/4"]])
    assert chain.n_step(2) == sympy.Matrix([[sympy.Rational(3, 8), sympy.Rational(5, 8)],
                                            [sympy.Rational(5, 16), sympy.Rational(11, 16)]])
    joint = chain.joint(3)
    assert joint.names == ("X1", "X2", "X3") and len(joint.support) == 8
    # from the stationary start, H(X1,...,Xn) = H(X1) + (n-1) H(X2|X1)
    assert joint.info("H(X1,X2,X3)") == entropy(chain.stationary) + 2 * chain.entropy_rate()


def test_bad_chains_are_named():
    with pytest.raises(DistributionError, match=r"row 1 \(state 1\) sums to 3/4, not 1"):
        MarkovChain([["1/2", "1/2"], ["1/2", "1/4"]])
    with pytest.raises(DistributionError, match="square"):
        MarkovChain([["1/2", "1/2"]])
    with pytest.raises(DistributionError, match=r"P\(0 -> 1\) is -1/2, which is negative"):
        MarkovChain([["3/2", "-1/2"], ["1/2", "1/2"]])
    with pytest.raises(DistributionError, match="not symmetric"):
        random_walk([[0, 1], [0, 0]])


# -- source codes --------------------------------------------------------------------------------
EXAMPLE_5_6_1 = ["1/4", "1/4", "1/5", "3/20", "3/20"]


def test_huffman_example_5_6_1():
    # C&T Example 5.6.1: lengths 2, 2, 2, 3, 3 and L = 2.3 bits
    code = huffman_code(EXAMPLE_5_6_1)
    assert sorted(code.lengths.values()) == [2, 2, 2, 3, 3]
    assert code.expected_length() == sympy.Rational(23, 10)
    assert code.is_prefix_free and code.kraft_sum == 1


def test_ternary_huffman_example_5_6_2_and_the_dummy_symbol_of_5_6_3():
    # C&T Example 5.6.2: ternary, lengths 1, 1, 2, 2, 2, L = 1.5
    code = huffman_code(EXAMPLE_5_6_1, D=3)
    assert sorted(code.lengths.values()) == [1, 1, 2, 2, 2] and code.expected_length() == sympy.Rational(3, 2)
    # C&T Example 5.6.3: six symbols, ternary: one dummy symbol; L = 1.7
    code = huffman_code(["1/4", "1/4", "1/5", "1/10", "1/10", "1/10"], D=3)
    assert code.expected_length() == sympy.Rational(17, 10) and code.is_prefix_free


def test_shannon_fano_elias_example_5_9_1():
    # C&T Example 5.9.1 (Table): p = (0.25, 0.5, 0.125, 0.125): codewords 001, 10, 1101, 1111
    code = shannon_fano_elias_code(["1/4", "1/2", "1/8", "1/8"])
    assert list(code.codewords.values()) == ["001", "10", "1101", "1111"]
    assert code.expected_length() == sympy.Rational(11, 4)


def _random_pmf(rng, n):
    w = [rng.randint(1, 50) for _ in range(n)]
    return [sympy.Rational(x, sum(w)) for x in w]


@pytest.mark.parametrize("seed", range(6))
def test_the_bounds_of_theorems_5_4_1_and_5_8_1_hold_exactly(seed):
    rng = random.Random(seed)
    p = _random_pmf(rng, rng.randint(2, 9))
    h = entropy(Distribution.from_pmf(p))
    huffman, shannon = huffman_code(p), shannon_code(p)
    # Theorem 5.4.1: H <= L < H + 1 (Shannon code); Theorem 5.8.1: Huffman is no longer
    assert compare(h, shannon.expected_length()) <= 0 < compare(h + 1, shannon.expected_length())
    assert compare(h, huffman.expected_length()) <= 0 and huffman.expected_length() <= shannon.expected_length()
    assert compare(huffman.redundancy(), 1) < 0 <= compare(huffman.redundancy(), 0)
    # Theorem 5.4.3: the wrong code costs H(p) + D(p||q) <= L < H(p) + D(p||q) + 1
    q = _random_pmf(rng, len(p))
    wrong = shannon_code(q).expected_length(Distribution.from_pmf(p))
    cost = h + kl_divergence(Distribution.from_pmf(p), Distribution.from_pmf(q))
    assert compare(cost, wrong) <= 0 < compare(cost + 1, wrong)


@pytest.mark.parametrize("D", [2, 3, 4])
def test_huffman_is_optimal_against_every_prefix_code_on_small_sources(D):
    # Theorem 5.8.1, checked by brute force over all length assignments that satisfy Kraft
    rng = random.Random(D)
    p = _random_pmf(rng, 5)
    best = min(sum(pi * li for pi, li in zip(p, ls)) for ls in itertools.product(range(1, 5), repeat=5)
               if kraft_lengths_exist(ls, D))
    assert huffman_code(p, D=D).expected_length() == best


def test_kraft():
    # C&T Theorem 5.2.1
    assert kraft_sum([1, 2, 3, 3]) == 1 and kraft_lengths_exist([1, 2, 3, 3])
    assert not kraft_lengths_exist([1, 1, 2]) and kraft_sum([1, 1], D=3) == sympy.Rational(2, 3)
    with pytest.raises(DistributionError, match="length 1 must be a nonnegative integer"):
        kraft_sum([1, -1])


def test_encode_decode_and_display():
    code = huffman_code({"a": "1/2", "b": "1/4", "c": "1/4"})
    text = code.encode("abcab")
    assert code.decode(text) == list("abcab")
    assert "expected length 3/2" in str(code)
    with pytest.raises(DistributionError, match="has no codeword"):
        code.encode("ad")


def test_symbolic_huffman_needs_decided_comparisons():
    p = sympy.Symbol("p", positive=True)
    # two symbols: one digit each, whatever p is
    assert huffman_code([p, 1 - p]).lengths == {0: 1, 1: 1}
    with pytest.raises(UndecidedError, match="depends on whether"):
        huffman_code([p / 2, p / 2, 1 - p])
    # symbolic probabilities whose comparisons the assumptions decide (p > 0)
    code = huffman_code([1 / (4 + p), 1 / (4 + p), (2 + p) / (4 + p)])
    assert code.lengths == {0: 2, 1: 2, 2: 1}
    assert sympy.simplify(code.expected_length() - (6 + p) / (4 + p)) == 0
