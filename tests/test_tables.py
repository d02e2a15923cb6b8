"""Distribution.from_samples and from_counts (symentropy.core.tables): exact plug-in distributions."""


from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Rational, log

from symentropy import (
    Distribution,
    DistributionError,
    InexactInputError,
    conditional_entropy,
    entropy,
    joint_entropy,
    mutual_information,
)
from tests.support import assert_exact

from_samples = Distribution.from_samples
from_counts = Distribution.from_counts

LOG2 = lambda x: log(x) / log(2)  # noqa: E731


def test_from_samples_single_variable():
    d = from_samples("abracadabra", names="L")
    assert d.names == ("L",)
    assert d.to_dict() == {
        "a": Rational(5, 11),
        "b": Rational(2, 11),
        "c": Rational(1, 11),
        "d": Rational(1, 11),
        "r": Rational(2, 11),
    }
    assert all(isinstance(p, sympy.Rational) for p in d.probabilities)
    # Plug-in entropy by hand: sum (n_i/N) log2(N/n_i) with N = 11, counts 5, 2, 2, 1, 1.
    expected = sum(Rational(n, 11) * LOG2(Rational(11, n)) for n in (5, 2, 2, 1, 1))
    assert_exact(entropy(d), expected)


def test_from_samples_outcomes_sorted_or_in_order_of_appearance():
    assert from_samples([3, 1, 2, 1]).outcomes == ((1,), (2,), (3,))
    mixed = from_samples(["b", 1, "b"])
    assert mixed.outcomes == (("b",), (1,))
    assert mixed[1] == Rational(1, 3)


def test_from_samples_several_variables():
    data = [(0, "x"), (0, "x"), (1, "y"), (1, "x")]
    d = from_samples(data, names=("A", "B"))
    assert d.to_dict() == {(0, "x"): Rational(1, 2), (1, "x"): Rational(1, 4), (1, "y"): Rational(1, 4)}
    # Default names for tuples; lists are accepted as observations.
    assert from_samples([[0, 1], [0, 1]]).names == ("X1", "X2")
    # By hand: H(A) = 1, H(B) = 2 - (3/4) log2 3, H(A, B) = 3/2.
    assert mutual_information(d, "A", "B") == Rational(3, 2) - Rational(3, 4) * LOG2(3)
    # One variable whose values are tuples.
    pairs = from_samples([(0, 1), (0, 1), (1, 0)], names="T")
    assert pairs.names == ("T",)
    assert pairs[((0, 1),)] == Rational(2, 3)


def test_cover_thomas_example_2_2_1_from_counts():
    # C&T, Elements of Information Theory, 2nd ed., Example 2.2.1, as counts out of 32
    # (rows y = 1..4, columns x = 1..4).  The book: H(X) = 7/4, H(Y) = 2, H(X|Y) = 11/8,
    # H(Y|X) = 13/8, H(X, Y) = 27/8 bits.
    counts = [[4, 2, 1, 1], [2, 4, 1, 1], [2, 2, 2, 2], [8, 0, 0, 0]]
    d = from_counts(counts, names=("Y", "X"), labels=(range(1, 5), range(1, 5)))
    assert entropy(d, "X") == Rational(7, 4)
    assert entropy(d, "Y") == 2
    assert conditional_entropy(d, "X", "Y") == Rational(11, 8)
    assert conditional_entropy(d, "Y", "X") == Rational(13, 8)
    assert joint_entropy(d) == Rational(27, 8)
    assert d.probability(X=1, Y=4) == Rational(1, 4)
    # Zero counts are kept as outcomes of probability 0.
    assert (4, 2) in d.outcomes and d[(4, 2)] == 0


def test_from_counts_shapes():
    assert from_counts(Counter("mississippi"), names="L").to_dict() == {
        "m": Rational(1, 11),
        "i": Rational(4, 11),
        "s": Rational(4, 11),
        "p": Rational(2, 11),
    }
    assert from_counts([1, 3]).to_dict() == {0: Rational(1, 4), 1: Rational(3, 4)}
    assert from_counts({("a", 0): 2, ("b", 1): 6}).names == ("X1", "X2")
    assert from_counts([[1, 1], [1, 1]]).names == ("Y", "X")
    # Exact count types: Fraction and sympy integers, and strings in the safe grammar.
    assert from_counts([Fraction(2, 1), Integer(2), "4"]).to_dict() == {
        0: Rational(1, 4),
        1: Rational(1, 4),
        2: Rational(1, 2),
    }
    # An independent contingency table has plug-in mutual information exactly 0.
    assert mutual_information(from_counts([[1, 2], [2, 4]]), "Y", "X") == 0


def test_numpy_input():
    np = pytest.importorskip("numpy")
    assert from_samples(np.array([1, 1, 2, 2])).to_dict() == {1: Rational(1, 2), 2: Rational(1, 2)}
    d = from_samples(np.array([[0, 1], [0, 1], [1, 1]]), names=("A", "B"))
    assert d.to_dict() == {(0, 1): Rational(2, 3), (1, 1): Rational(1, 3)}
    table = from_counts(np.array([[1, 3], [0, 4]]), names=("R", "C"))
    assert table[(0, 1)] == Rational(3, 8)
    with pytest.raises(InexactInputError):
        from_counts(np.array([0.5, 0.5]))


def test_pandas_input():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": [1, 1, 2], "b": ["x", "y", "y"]})
    d = from_samples(frame)
    assert d.names == ("a", "b")
    assert d[(2, "y")] == Rational(1, 3)
    coins = from_counts(pd.Series({"h": 3, "t": 1}), names="C")
    assert coins.to_dict() == {"h": Rational(3, 4), "t": Rational(1, 4)}
    crosstab = pd.DataFrame([[2, 0], [1, 1]], index=["u", "v"], columns=["p", "q"])
    assert from_counts(crosstab, names=("R", "C"))[("v", "q")] == Rational(1, 4)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 2), st.sampled_from("ab")), st.integers(1, 6), min_size=1))
def test_samples_and_counts_agree(counts):
    samples = [outcome for outcome, n in counts.items() for _ in range(n)]
    d = from_samples(samples, names=("N", "C"))
    assert d == from_counts(counts, names=("N", "C"))
    total = sum(counts.values())
    for outcome, n in counts.items():
        assert d[outcome] == Rational(n, total)
    assert sum(d.probabilities) == 1
    assert isinstance(d, Distribution)


def test_errors():
    with pytest.raises(DistributionError, match="needs at least one observation"):
        from_samples([])
    message = r"observation 1 is \(1, 2, 3\), with 3 values, but there are 2"
    with pytest.raises(DistributionError, match=message):
        from_samples([(1, 2), (1, 2, 3)], names=("A", "B"))
    with pytest.raises(DistributionError, match="observation 0 is 5, with 1 value, but there are 2"):
        from_samples([5], names=("A", "B"))
    with pytest.raises(DistributionError, match="is used twice"):
        from_samples([(1, 2)], names=("A", "A"))
    with pytest.raises(DistributionError, match=r"value 1 of observation 0 is \{\}, which is not hashable"):
        from_samples([(1, {})], names=("A", "B"))
    with pytest.raises(DistributionError, match="for counts use from_counts"):
        from_samples({"a": 3})
    with pytest.raises(DistributionError, match="count of outcome 'a' is -1, not a nonnegative integer"):
        from_counts({"a": -1, "b": 2})
    with pytest.raises(DistributionError, match="count of outcome 1 is 3/2, not a nonnegative integer"):
        from_counts([1, "3/2"])
    with pytest.raises(InexactInputError, match=r"2\.0 \(count of outcome 'b'\) is a float"):
        from_counts({"a": 1, "b": 2.0})
    with pytest.raises(DistributionError, match="counts sum to 0"):
        from_counts([0, 0])
    with pytest.raises(DistributionError, match="row 1 has 1 entries but row 0 has 2"):
        from_counts([[1, 2], [3]])
    with pytest.raises(DistributionError, match="two variables"):
        from_counts([[1, 2], [3, 4]], names=("A",))
    with pytest.raises(DistributionError, match="needs at least one outcome"):
        from_counts({})
    with pytest.raises(DistributionError, match="labels= is for a 2-D table"):
        from_counts([1, 2], labels=(None, None))
    with pytest.raises(TypeError, match="unexpected keyword argument 'name'"):
        from_samples([1], name="X")
