"""Markov chains and source codes, from the stated textbook problems (Cover & Thomas, 2nd ed.)."""

from __future__ import annotations

import itertools
import random

import pytest
import sympy

from symentropy import Distribution, compare, entropy, kl_divergence, maximize
from symentropy.errors import DistributionError, UndecidedError
from symentropy.kernel.canonical import tidy_value
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
    for values in (
        {a: sympy.Rational(1, 3), b: sympy.Rational(1, 5)},
        {a: sympy.Rational(1, 2), b: sympy.Rational(3, 4)},
    ):
        assert compare(rate.subs(values).doit(), expected.subs(values)) == 0


def _king(n):
    moves = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0)]
    return [
        ((r, c), (r + dr, c + dc))
        for r in range(n)
        for c in range(n)
        for dr, dc in moves
        if 0 <= r + dr < n and 0 <= c + dc < n and (r, c) < (r + dr, c + dc)
    ]


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
    # C&T Problem 4.7: states 0 -> {0, 1}, 1 -> 0 (no two 1s in a row); H(p) = h(p)/(1+p), maximised
    # over p by maximize: p = (3 - sqrt 5)/2 = 1/phi**2 and the rate log2 of the golden ratio phi
    p = sympy.Symbol("p", positive=True)
    rate = MarkovChain([[1 - p, p], [1, 0]]).entropy_rate()
    best = maximize(rate, over=p, domain=sympy.Interval(0, 1))
    golden = (1 + sympy.sqrt(5)) / 2
    assert best.exact
    assert sympy.expand(best.point[p] - (3 - sympy.sqrt(5)) / 2) == 0
    assert best.value == sympy.log(golden) / LOG2
    # the rate at the maximiser, written by the library, is the same number in the same form
    assert tidy_value(rate.subs(p, best.point[p])) == best.value


def test_structure():
    periodic = MarkovChain([[0, 1], [1, 0]])
    assert periodic.is_irreducible and periodic.period == 2 and not periodic.is_aperiodic
    assert periodic.stationary.to_dict() == {0: sympy.Rational(1, 2), 1: sympy.Rational(1, 2)}
    reducible = MarkovChain([[1, 0], [0, 1]])
    assert not reducible.is_irreducible and reducible.closed_classes() == [(0,), (1,)]
    with pytest.raises(DistributionError, match="several closed classes"):
        _ = reducible.stationary
    chain = MarkovChain([["1/2", "1/2"], ["1/4", "3/4"]])
    assert chain.n_step(2) == sympy.Matrix(
        [[sympy.Rational(3, 8), sympy.Rational(5, 8)], [sympy.Rational(5, 16), sympy.Rational(11, 16)]]
    )
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
    assert (
        compare(h, huffman.expected_length()) <= 0 and huffman.expected_length() <= shannon.expected_length()
    )
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
    best = min(
        sum(pi * li for pi, li in zip(p, ls, strict=True))
        for ls in itertools.product(range(1, 5), repeat=5)
        if kraft_lengths_exist(ls, D)
    )
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


# -- typical sets (C&T ch. 3; MacKay ch. 4) -------------------------------------------------------
from symentropy import (  # noqa: E402
    doubling_rate,
    doubling_rate_with_side_information,
    essential_bit_content,
    fano_bound,
    mutual_information,
    smallest_high_probability_set,
    typical_set,
)


def _brute_typical(ps, n, eps):
    """Every sequence enumerated, its typicality decided exactly: an independent count."""
    h = entropy(Distribution.from_pmf(ps))
    size, mass = 0, sympy.Integer(0)
    probs = [sympy.Rational(p) for p in ps]
    for seq in itertools.product(range(len(ps)), repeat=n):
        pr = sympy.Mul(*(probs[s] for s in seq))
        value = -sympy.log(pr) / (n * LOG2)
        if compare(value, h + eps) <= 0 and compare(value, h - eps) >= 0:
            size += 1
            mass += pr
    return size, mass


@pytest.mark.parametrize(
    ("ps", "n", "eps"),
    [(["1/4", "3/4"], 8, sympy.Rational(1, 10)), (["1/2", "1/4", "1/4"], 5, sympy.Rational(1, 5))],
)
def test_typical_set_against_enumeration(ps, n, eps):
    t = typical_set(ps, n, eps)
    assert (t.size, t.probability) == _brute_typical(ps, n, eps)


@pytest.mark.parametrize("n", [10, 40, 120])
def test_the_aep_bounds_of_theorem_3_1_2_hold_exactly(n):
    # C&T Theorem 3.1.2: |A| <= 2^(n(H + eps)); when P(A) > 1 - eps, |A| >= (1 - eps) 2^(n(H - eps))
    ps, eps = ["1/3", "2/3"], sympy.Rational(1, 10)
    h = entropy(Distribution.from_pmf(ps))
    t = typical_set(ps, n, eps)
    assert compare(sympy.log(t.size) / LOG2, n * (h + eps)) <= 0
    if t.probability > 1 - eps:
        assert compare(sympy.log(t.size) / LOG2, sympy.log(1 - eps) / LOG2 + n * (h - eps)) >= 0


def test_smallest_high_probability_set_and_essential_bit_content():
    # MacKay §4.4, eq. 4.29: H_delta(X) = log2 |S_delta|; for one draw of (1/2, 1/4, 1/4) and delta = 1/4
    # the two most probable symbols suffice (1/2 + 1/4 = 3/4): H_delta = 1 bit
    assert essential_bit_content(["1/2", "1/4", "1/4"], 1, "1/4") == 1
    # by enumeration: the sequences sorted by probability, taken until 1 - delta is reached
    ps, n, delta = ["1/5", "4/5"], 7, sympy.Rational(1, 20)
    probs = sorted(
        (sympy.Mul(*(sympy.Rational(ps[s]) for s in seq)) for seq in itertools.product(range(2), repeat=n)),
        reverse=True,
    )
    acc, k = sympy.Integer(0), 0
    while acc < 1 - delta:
        acc += probs[k]
        k += 1
    s = smallest_high_probability_set(ps, n, delta)
    assert (s.size, s.probability) == (k, acc)


# -- Fano and gambling ----------------------------------------------------------------------------
def test_fano_bound_is_below_the_best_error():
    # C&T Theorem 2.10.1: any estimate has P_e >= the root of h(P) + P log2(|X| - 1) = H(X|Y)
    d = Distribution.from_table(
        [["1/4", "1/8", "1/8"], ["1/16", "1/4", "1/16"], ["1/16", "0", "1/16"]], names=("X", "Y")
    )
    f = fano_bound(d, "X", "Y", digits=20)
    # best guess given y: x maximising p(x, y): 1/4 + 1/4 + 1/8, so P_e = 1 - 5/8
    assert f.error_probability == sympy.Rational(3, 8)
    lo, hi = f.lower_bound
    assert hi - lo <= sympy.Rational(1, 10**20) and hi <= f.error_probability
    assert compare(f.weak_bound, lo) <= 0


def test_proportional_betting_and_side_information():
    # C&T Theorem 6.1.2: W* = sum p log o - H(p), at b = p; Theorem 6.2.1: side information adds I(X;Y)
    p, odds = ["1/2", "1/3", "1/6"], [3, 3, 3]
    w = doubling_rate(p, odds)
    assert compare(w, sympy.log(3) / LOG2 - entropy(Distribution.from_pmf(p))) == 0
    assert compare(doubling_rate(p, odds, bets=["1/3", "1/3", "1/3"]), w) < 0
    assert doubling_rate(p, odds, bets=["1/2", "1/2", "0"]) == -sympy.oo
    d = Distribution.from_table([["3/8", "1/8"], ["1/8", "3/8"]], names=("X", "Y"))
    gain = doubling_rate_with_side_information(d, [2, 2]) - doubling_rate(["1/2", "1/2"], [2, 2])
    assert compare(gain, mutual_information(d, "X", "Y")) == 0


# -- functions of a Markov chain (C&T §4.5) --------------------------------------------------------
def test_a_lumpable_function_of_a_chain_is_the_lumped_chain():
    chain = MarkovChain([["1/2", "1/4", "1/4"], ["1/3", "1/3", "1/3"], ["1/3", "1/3", "1/3"]])
    y = chain.map({0: "a", 1: "b", 2: "b"})
    assert y.is_lumpable
    rate = y.entropy_rate()
    low, high = y.entropy_rate_bounds(2)
    assert compare(low, rate) == 0 and compare(high, rate) == 0


def test_the_bounds_of_theorem_4_5_1_close_in_monotonically():
    # H(Y_n|Y^{n-1}, X_1) increases and H(Y_n|Y^{n-1}) decreases in n, the lower below the upper
    hidden = MarkovChain([["1/2", "1/2", 0], [0, "1/2", "1/2"], ["1/2", 0, "1/2"]]).map({0: 0, 1: 0, 2: 1})
    assert not hidden.is_lumpable
    with pytest.raises(DistributionError, match="not lumpable"):
        hidden.entropy_rate()
    bounds = [hidden.entropy_rate_bounds(n) for n in (2, 3, 4, 5)]
    for (low, high), (low2, high2) in zip(bounds, bounds[1:], strict=False):
        assert compare(low, low2) <= 0 and compare(high2, high) <= 0 and compare(low2, high2) <= 0


def test_bets_given_by_name_are_matched_by_name():
    p, odds = {"a": "3/4", "b": "1/4"}, {"a": 2, "b": 2}
    in_order = doubling_rate(p, odds, bets={"a": "3/4", "b": "1/4"})
    assert doubling_rate(p, odds, bets={"b": "1/4", "a": "3/4"}) == in_order
    with pytest.raises(DistributionError, match="not one of the horses"):
        doubling_rate(p, odds, bets={"x": "3/4", "y": "1/4"})


def test_second_round_of_edges():
    # the MAP error of X from Y ignores other variables; a variable from itself is refused
    d3 = Distribution(
        {(0, 0, 0): "1/5", (0, 0, 1): "1/5", (1, 0, 0): "3/10", (1, 1, 0): "3/10"}, names=("X", "Y", "Z")
    )
    assert (
        fano_bound(d3, "X", "Y").error_probability
        == fano_bound(d3.marginal("X", "Y"), "X", "Y").error_probability
    )
    assert fano_bound(d3, "X", "Y").error_probability == sympy.Rational(3, 10)
    with pytest.raises(DistributionError, match="from itself"):
        fano_bound(d3, "X", "X")
    # the redundancy of a code is in one unit: a ternary uniform source coded ternary has none, in any base
    assert huffman_code(["1/3"] * 3, D=3).redundancy(2) == 0
    assert compare(huffman_code(["1/2", "1/3", "1/6"]).redundancy("e"), 0) >= 0
    with pytest.raises(DistributionError, match="from 2 to 36"):
        huffman_code(["1/50"] * 50, D=40)
    # bets by position with horses by name, and a horse left out of a mapping gets nothing
    p, odds = {"a": "3/4", "b": "1/4"}, {"a": 2, "b": 2}
    assert doubling_rate(p, odds, bets=["3/4", "1/4"]) == doubling_rate(p, odds)
    assert doubling_rate(p, odds, bets={"a": "1"}) == -sympy.oo
    with pytest.raises(DistributionError, match="up to length 5,000"):
        typical_set(["1/3", "2/3"], 100_000, "1/100")


# -- the mutual information rate of a chain -------------------------------------------------------
@pytest.mark.parametrize(
    "rows",
    [
        [["1/2", "1/2"], [1, 0]],
        [["1/3", "1/3", "1/3"], ["1/4", "1/2", "1/4"], [0, "1/5", "4/5"]],
        [["9/10", "1/10"], ["1/2", "1/2"]],
    ],
)
def test_mutual_information_rate_is_the_information_between_consecutive_states(rows):
    # I(X1; X2) from the stationary start, computed from the joint distribution of (X1, X2); by the
    # Markov property it is also I(X1; X2, X3): the past tells about the future only through X_n
    chain = MarkovChain(rows)
    rate = chain.mutual_information_rate()
    assert rate == chain.joint(2).info("I(X1;X2)")
    assert compare(rate, chain.joint(3).info("I(X1;X2,X3)")) == 0
    # H(X1, ..., Xn) - n H(X) is the same for every n >= 1: the excess entropy of the chain
    assert compare(chain.joint(3).info("H(X1,X2,X3)") - 3 * chain.entropy_rate(), rate) == 0


def test_mutual_information_rate_of_the_two_state_chain_and_the_extremes():
    # C&T Example 4.1.1 with symbols: H(mu) - H(X), checked at rational points against the joint
    a, b = sympy.symbols("alpha beta", positive=True)
    rate = MarkovChain([[1 - a, a], [b, 1 - b]]).mutual_information_rate()
    for values in ({a: sympy.Rational(1, 3), b: sympy.Rational(1, 5)}, {a: sympy.Rational(3, 4), b: 1}):
        chain = MarkovChain([[1 - values[a], values[a]], [values[b], 1 - values[b]]])
        assert compare(rate.subs(values).doit(), chain.joint(2).info("I(X1;X2)")) == 0
    # i.i.d.: no information; a deterministic cycle: all of H(mu)
    assert MarkovChain([["1/3", "2/3"], ["1/3", "2/3"]]).mutual_information_rate() == 0
    assert MarkovChain([[0, 1, 0], [0, 0, 1], [1, 0, 0]]).mutual_information_rate(3) == 1
    with pytest.raises(DistributionError, match="several closed classes"):
        MarkovChain([[1, 0], [0, 1]]).mutual_information_rate()


# -- a unifilar function of a chain (C&T §4.5) -----------------------------------------------------
def test_a_unifilar_function_of_a_chain_has_the_exact_rate():
    # f(0) = f(1) = a, f(2) = b; from every state the two next states give different letters.
    # By hand: mu = (6, 3, 10)/19 (mu1 = mu0/2, mu2 = 5 mu0/3) and, from state i, the next letter
    # has the entropy of row i: H(Y) = 6/19 * 1 + 3/19 * h(1/3) + 10/19 * 1 = 14/19 + 3/19 log2(3)
    chain = MarkovChain([[0, "1/2", "1/2"], ["1/3", 0, "2/3"], ["1/2", 0, "1/2"]])
    y = chain.map({0: "a", 1: "a", 2: "b"})
    assert not y.is_lumpable and y.is_unifilar
    r = sympy.Rational
    assert chain.stationary.to_dict() == {0: r(6, 19), 1: r(3, 19), 2: r(10, 19)}
    h = lambda x: -(x * sympy.log(x) + (1 - x) * sympy.log(1 - x)) / LOG2  # noqa: E731
    by_hand = sympy.Rational(6, 19) + sympy.Rational(3, 19) * h(sympy.Rational(1, 3)) + sympy.Rational(10, 19)
    rate = y.entropy_rate()
    assert compare(rate, by_hand) == 0
    # Theorem 4.5.1: the lower bound H(Y_n | Y^{n-1}, X_1) is the rate for every n, the upper one above it
    for n in (2, 3, 5):
        low, high = y.entropy_rate_bounds(n)
        assert compare(low, rate) == 0 and compare(rate, high) <= 0


def test_neither_lumpable_nor_unifilar_says_so_and_the_bounds_remain():
    hidden = MarkovChain([["1/2", "1/2", 0], [0, "1/2", "1/2"], ["1/2", 0, "1/2"]]).map({0: 0, 1: 0, 2: 1})
    assert not hidden.is_lumpable and not hidden.is_unifilar
    with pytest.raises(
        DistributionError, match=r"unifilar \(from state 0, the next states 0 and 1 both give 0\)"
    ):
        hidden.entropy_rate()
    # a one-to-one map is unifilar: Y is X relabelled
    chain = MarkovChain([["1/2", "1/2", 0], [0, "1/2", "1/2"], ["1/2", 0, "1/2"]])
    assert chain.map({0: "x", 1: "y", 2: "z"}).entropy_rate() == chain.entropy_rate()


# -- Fano's code ------------------------------------------------------------------------------------
from symentropy import fano_code  # noqa: E402


def test_fano_code_by_hand():
    # counts 15, 7, 6, 6, 5 (total 39): the cut {A, B} | {C, D, E} leaves 22 against 17, the least
    # difference (15 | 24 leaves 9, 28 | 11 leaves 17); then A | B, and C | {D, E} (6 | 11 against 12 | 5)
    code = fano_code({"A": "15/39", "B": "7/39", "C": "6/39", "D": "6/39", "E": "5/39"})
    assert code.codewords == {"A": "00", "B": "01", "C": "10", "D": "110", "E": "111"}
    assert code.expected_length() == sympy.Rational(2 * 28 + 3 * 11, 39)
    # the source on which Fano's code is not optimal: (0.35, 0.17, 0.17, 0.16, 0.15) gives lengths
    # 2, 2, 2, 3, 3 (L = 2.31) where Huffman's 1, 3, 3, 3, 3 give L = 2.30
    p = ["35/100", "17/100", "17/100", "16/100", "15/100"]
    assert list(fano_code(p).lengths.values()) == [2, 2, 2, 3, 3]
    assert fano_code(p).expected_length() == sympy.Rational(231, 100)
    assert huffman_code(p).expected_length() == sympy.Rational(23, 10)
    # a dyadic source: every cut is exact, L = H
    dyadic = fano_code(["1/2", "1/4", "1/8", "1/8"])
    assert dyadic.codewords == {0: "0", 1: "10", 2: "110", 3: "111"}
    assert dyadic.expected_length() == entropy(Distribution.from_pmf(["1/2", "1/4", "1/8", "1/8"]))


def test_fano_code_ties_and_the_ternary_split():
    # a tie between cuts: 1/3 | 2/3 and 2/3 | 1/3 differ by the same; the first part is the smaller
    assert fano_code(["1/3", "1/3", "1/3"]).codewords == {0: "0", 1: "10", 2: "11"}
    # ternary, counts 15, 7, 6, 6, 5: the parts nearest 13 each are 15 | 7 + 6 | 6 + 5
    # (|15 - 13| + |13 - 13| + |11 - 13| = 4; every other cut pair costs 12 or more)
    code = fano_code({"A": "15/39", "B": "7/39", "C": "6/39", "D": "6/39", "E": "5/39"}, D=3)
    assert code.codewords == {"A": "0", "B": "10", "C": "11", "D": "20", "E": "21"}
    assert code.expected_length() == sympy.Rational(21, 13)
    assert fano_code(["1/9"] * 9, D=3).lengths == dict.fromkeys(range(9), 2)
    assert fano_code(["1"]).codewords == {0: "0"}
    with pytest.raises(UndecidedError, match="give exact rational probabilities"):
        fano_code([sympy.Symbol("p", positive=True), 1 - sympy.Symbol("p", positive=True)])


@pytest.mark.parametrize("seed", range(5))
def test_fano_code_is_a_prefix_code_no_shorter_than_huffman(seed):
    # C&T Theorem 5.3.1 (L >= H for every prefix code) and 5.8.1 (Huffman's is optimal), and the
    # binary split is the one of least |S_1 - S_2| among all cuts of the sorted symbols
    rng = random.Random(100 + seed)
    p = _random_pmf(rng, rng.randint(2, 12))
    code = fano_code(p)
    assert code.is_prefix_free and code.kraft_sum <= 1
    h = entropy(Distribution.from_pmf(p))
    assert compare(h, code.expected_length()) <= 0
    assert huffman_code(p).expected_length() <= code.expected_length()
    ranked = sorted(p, reverse=True)
    first = [p[k] for k in range(len(p)) if code.codewords[k][0] == "0"]
    diffs = [abs(2 * sum(ranked[:k]) - 1) for k in range(1, len(p))]
    assert abs(2 * sum(first) - 1) == min(diffs)


# -- chess-board walks (C&T §4.3) -------------------------------------------------------------------
from symentropy import chessboard_graph  # noqa: E402


def test_the_kings_walk_on_8_by_8_as_the_book_counts_it():
    # C&T 2nd ed., §4.3, the chess-board example: the king has 8 moves inside, 5 on an edge, 3 in a
    # corner; so 2W = 36*8 + 24*5 + 4*3 = 420, the stationary probabilities are 8/420, 5/420 and
    # 3/420, and the entropy rate log(2W) - H(W_i/2W) is 0.92 log 8 (to two digits)
    walk = random_walk(chessboard_graph("king", 8))

    def moves(square):
        on_edge = sum(x in (0, 7) for x in square)
        return {0: 8, 1: 5, 2: 3}[on_edge]

    assert walk.stationary.to_dict() == {s: sympy.Rational(moves(s), 420) for s in walk.states}
    shares = Distribution.from_pmf([sympy.Rational(moves(s), 420) for s in walk.states])
    rate = walk.entropy_rate()
    assert compare(rate, sympy.log(420) / LOG2 - entropy(shares)) == 0
    assert compare(rate, sympy.Rational(915, 1000) * 3) > 0 > compare(rate, sympy.Rational(925, 1000) * 3)


@pytest.mark.parametrize("n", [1, 2, 3, 8])
def test_chessboard_graph_of_the_king_is_the_kings_moves(n):
    assert sorted(chessboard_graph("king", n)) == sorted(_king(n))


def _degrees(edges):
    degree = {}
    for u, v in edges:
        degree[u] = degree.get(u, 0) + 1
        degree[v] = degree.get(v, 0) + 1
    return degree


def test_rook_queen_knight_and_bishop_walks():
    # the rook on n x n moves to the 2(n - 1) other squares of its row and column: a regular graph,
    # uniform stationary distribution, rate log2(2(n - 1)) (C&T §4.3: log(2W) - H(W_i/2W) with equal W_i)
    for n in (3, 5):
        rook = random_walk(chessboard_graph("rook", n))
        assert set(rook.stationary.probabilities) == {sympy.Rational(1, n * n)}
        assert compare(rook.entropy_rate(), sympy.log(2 * (n - 1)) / LOG2) == 0
    # the queen on 3 x 3: 6 moves from a corner or an edge square (4 as a rook, 2 as a bishop), 8 from
    # the centre: 2W = 8*6 + 8 = 56
    queen = random_walk(chessboard_graph("queen", 3))
    assert queen.stationary.to_dict()[(1, 1)] == sympy.Rational(8, 56)
    assert queen.stationary.to_dict()[(0, 0)] == queen.stationary.to_dict()[(0, 1)] == sympy.Rational(6, 56)
    # the knight on 8 x 8: 4 squares with 2 moves, 8 with 3, 20 with 4, 16 with 6, 16 with 8 (2W = 336)
    knight = chessboard_graph("knight", 8)
    counts = {}
    for d in _degrees(knight).values():
        counts[d] = counts.get(d, 0) + 1
    assert counts == {2: 4, 3: 8, 4: 20, 6: 16, 8: 16}
    assert (
        compare(
            random_walk(knight).entropy_rate(),
            sympy.log(336) / LOG2
            - entropy(Distribution.from_pmf([sympy.Rational(d, 336) for d in _degrees(knight).values()])),
        )
        == 0
    )
    # the queen on 8 x 8 has 21 moves from a corner and 27 from a centre square (2W = 1456), so the
    # stationary probabilities are 21/1456 = 3/208, 23/1456, 25/1456 and 27/1456; the knight spends
    # 8/336 = 1/42 of its time on a centre square such as e4 and 2/336 = 1/168 on a corner
    queen = random_walk(chessboard_graph("queen", 8)).stationary.to_dict()
    assert set(queen.values()) == {sympy.Rational(k, 1456) for k in (21, 23, 25, 27)}
    knight_mu = random_walk(knight).stationary.to_dict()
    assert (knight_mu[(3, 4)], knight_mu[(0, 0)]) == (sympy.Rational(1, 42), sympy.Rational(1, 168))
    # the knight on 3 x 3 never reaches the centre: the walk is the 8-cycle of the other squares
    assert random_walk(chessboard_graph("knight", 3)).entropy_rate() == 1
    # a bishop keeps its colour: two closed classes on the board, one walk on each colour
    bishop = chessboard_graph("bishop", 4)
    with pytest.raises(DistributionError, match="several closed classes"):
        _ = random_walk(bishop).stationary
    light = random_walk([(u, v) for u, v in bishop if sum(u) % 2 == 0])
    assert light.is_irreducible and light.size == 8
    with pytest.raises(DistributionError, match="'pawn'"):
        chessboard_graph("pawn", 8)
    with pytest.raises(DistributionError, match="from 1 to 64; got 0"):
        chessboard_graph("king", 0)
