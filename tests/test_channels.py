"""Tests of symentropy.models.channel: construction, validation, joint/output/I, combinations."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, Symbol, log

from symentropy import Distribution, entropy, mutual_information
from symentropy.errors import DistributionError, InexactInputError, UndecidedError
from symentropy.models.channel import (
    Channel,
    additive_noise_channel,
    binary_erasure_channel,
    binary_symmetric_channel,
    cascade,
    channel_product,
    channel_sum,
    erasure_error_channel,
    noisy_typewriter,
    q_ary_symmetric_channel,
    z_channel,
)
from tests.support import assert_exact, rational_pmfs

p = Symbol("p")
half, third, quarter = Rational(1, 2), Rational(1, 3), Rational(1, 4)


# -- construction and validation -------------------------------------------------------


def test_rows_are_exact_and_labelled():
    w = Channel([["1/2", "1/2", 0], [0, "1/3", Fraction(2, 3)]], inputs="ab", outputs=(1, 2, 3))
    assert w.inputs == ("a", "b") and w.outputs == (1, 2, 3)
    assert w.rows == ((half, half, 0), (0, third, 2 * third))
    assert all(isinstance(v, sympy.Rational) for row in w.rows for v in row)
    assert w["b", 3] == Rational(2, 3) and w["a", 3] == 0
    assert w.shape == (2, 3)
    assert w.matrix == sympy.Matrix([[half, half, 0], [0, third, 2 * third]])
    assert w.is_rational and not w.is_symbolic


def test_default_labels_are_positions():
    w = Channel([[1, 0], [0, 1]])
    assert w.inputs == (0, 1) and w.outputs == (0, 1)


def test_row_sum_error_names_the_row():
    with pytest.raises(DistributionError, match=r"row 1 \(input 'b'\) sums to 5/6, not 1"):
        Channel([[1, 0], ["1/2", "1/3"]], inputs="ab")


def test_negative_entry_is_named():
    with pytest.raises(DistributionError, match=r"W\(0 \| 1\) is -1/2, which is negative"):
        Channel([[1, 0], ["-1/2", "3/2"]])


def test_ragged_and_empty_tables():
    with pytest.raises(DistributionError, match="row 1 has 1 entries but row 0 has 2"):
        Channel([[1, 0], [1]])
    with pytest.raises(DistributionError, match="empty"):
        Channel([])
    with pytest.raises(DistributionError, match="list of rows"):
        Channel("10")


def test_label_errors():
    with pytest.raises(DistributionError, match="3 input labels for 2 inputs"):
        Channel([[1], [1]], inputs=[0, 1, 2])
    with pytest.raises(DistributionError, match="output label 'y' appears twice"):
        Channel([["1/2", "1/2"]], outputs="yy")


def test_floats_are_refused_unless_asked():
    with pytest.raises(InexactInputError):
        Channel([[0.5, 0.5]])
    assert Channel([[0.5, 0.5]], exact_floats=True).rows == ((half, half),)


def test_symbolic_rows_record_conditions():
    w = Channel([[p, 1 - p], [0, 1]])
    assert w.is_symbolic and w.free_symbols == {p}
    assert sympy.Ge(p, 0) in w.conditions and sympy.Ge(1 - p, 0) in w.conditions
    with pytest.raises(UndecidedError, match="p >= 0"):
        Channel([[p, 1 - p]], strict=True)


def test_symbolic_row_sums():
    with pytest.raises(DistributionError, match=r"row 0 \(input 0\) sums to 3/2, not 1"):
        Channel([[p, 1 - p, "1/2"]])  # the symbols cancel: provably wrong
    assert Channel([[p, "1/2"]]).conditions[-1] == sympy.Eq(p + half, 1)  # undecided: recorded


def test_strings_share_the_users_symbols():
    q = Symbol("q", positive=True)
    w = Channel([[q, "1 - q"]])
    assert w.rows[0][1] == 1 - q


def test_numpy_and_sympy_matrices():
    np = pytest.importorskip("numpy")
    w = Channel(np.array([[1, 0], [0, 1]]))
    assert w.rows == ((1, 0), (0, 1))
    assert Channel(sympy.Matrix([[half, half]])).rows == ((half, half),)
    with pytest.raises(DistributionError, match="2-D"):
        Channel(np.array([1, 0]))


def test_from_dict():
    w = Channel.from_dict({"a": {"a": "3/4", "b": "1/4"}, "b": {"b": 1}})
    assert w.outputs == ("a", "b") and w.rows == ((Rational(3, 4), quarter), (0, 1))
    w2 = Channel.from_dict({0: {1: 1}}, outputs=(0, 1))
    assert w2.rows == ((0, 1),)
    with pytest.raises(DistributionError, match="output 2, which is not in outputs"):
        Channel.from_dict({0: {2: 1}}, outputs=(0, 1))


def test_unknown_labels_in_lookups():
    w = binary_symmetric_channel(quarter)
    with pytest.raises(DistributionError, match="2 is not an input"):
        w[2, 0]
    with pytest.raises(DistributionError, match="'e' is not an output"):
        w[0, "e"]
    with pytest.raises(TypeError):
        w[0]


# -- joint, output, mutual information ----------------------------------------------------


def test_joint_of_the_binary_erasure_channel():
    d = binary_erasure_channel(quarter).joint([half, half])
    assert d.names == ("X", "Y")
    expected = {(0, 0): "3/8", (0, "e"): "1/8", (1, "e"): "1/8", (1, 1): "3/8"}
    assert d == Distribution(expected, names=("X", "Y"))


def test_input_forms_agree():
    w = z_channel(half)
    as_list = w.output(["3/5", "2/5"])
    as_dict = w.output({0: "3/5", 1: "2/5"})
    as_dist = w.output(Distribution.from_pmf(["3/5", "2/5"], name="A"))
    assert as_list == as_dict == as_dist
    assert as_list.to_dict() == {0: Rational(4, 5), 1: Rational(1, 5)}


def test_input_errors():
    w = binary_symmetric_channel(quarter)
    with pytest.raises(DistributionError, match="3 input probabilities for a channel with 2 inputs"):
        w.output([half, quarter, quarter])
    with pytest.raises(DistributionError, match="'c', which is not an input"):
        w.output({0: half, "c": half})
    with pytest.raises(DistributionError, match="one variable"):
        w.output(Distribution({(0, 0): 1}, names=("A", "B")))
    with pytest.raises(DistributionError, match="sum to"):
        w.output([half, third])
    with pytest.raises(TypeError):
        w.output("01")


def test_an_input_missing_from_the_pmf_has_probability_zero():
    w = binary_symmetric_channel(quarter)
    assert w.output({1: 1}).to_dict() == {0: quarter, 1: Rational(3, 4)}


def test_mutual_information_of_the_bsc_symbolic():
    # I = 1 - h(p) for a uniform input
    expected = 1 + p * log(p, 2) + (1 - p) * log(1 - p, 2)
    assert_exact(binary_symmetric_channel(p).mutual_information([half, half]), expected)


def test_mutual_information_in_nats():
    assert binary_erasure_channel(quarter).mutual_information([half, half], base=sympy.E) == 3 * log(2) / 4


@st.composite
def channels_and_inputs(draw):
    m = draw(st.integers(1, 3))
    n = draw(st.integers(1, 3))
    rows = [draw(rational_pmfs(n)) for _ in range(m)]
    return Channel(rows), draw(rational_pmfs(m))


@settings(max_examples=25, deadline=None)
@given(channels_and_inputs())
def test_mutual_information_is_output_entropy_minus_noise_entropy(data):
    w, px = data
    # I(X;Y) = H(Y) - sum_x p(x) H(W(.|x)), computed here from the rows directly
    noise = sympy.Add(*(px[i] * entropy(Distribution.from_pmf(row)) for i, row in enumerate(w.rows)))
    assert_exact(w.mutual_information(px), entropy(w.output(px)) - noise)
    assert w.joint(px).marginal("X") == Distribution.from_pmf(px)


def test_joint_names_and_core_measures():
    d = binary_symmetric_channel(quarter).joint([half, half], names=("In", "Out"))
    assert d.names == ("In", "Out")
    expected = binary_symmetric_channel(quarter).mutual_information([half, half])
    assert mutual_information(d, "In", "Out") == expected


def test_row_distribution():
    assert binary_erasure_channel(quarter).row(1).to_dict() == {0: 0, "e": quarter, 1: Rational(3, 4)}


# -- standard channels ----------------------------------------------------------------------


def test_binary_symmetric_channel():
    assert binary_symmetric_channel(p).rows == ((1 - p, p), (p, 1 - p))
    with pytest.raises(DistributionError, match="p = 3/2 is not a probability"):
        binary_symmetric_channel("3/2")


def test_binary_erasure_channel():
    w = binary_erasure_channel(third)
    assert w.outputs == (0, "e", 1)
    assert w.rows == ((2 * third, third, 0), (0, third, 2 * third))


def test_z_channel():
    assert z_channel(quarter).rows == ((1, 0), (quarter, Rational(3, 4)))


def test_q_ary_symmetric_channel():
    w = q_ary_symmetric_channel(4, third)
    assert w.rows[2] == (Rational(1, 9), Rational(1, 9), 2 * third, Rational(1, 9))
    with pytest.raises(DistributionError, match="q must be an integer >= 2"):
        q_ary_symmetric_channel(1, third)


def test_erasure_error_channel():
    a, e = sympy.symbols("alpha epsilon")
    assert erasure_error_channel(a, e).rows == ((1 - a - e, a, e), (e, a, 1 - a - e))


def test_noisy_typewriter_shapes():
    cover = noisy_typewriter(26)
    assert cover.shape == (26, 26)
    assert cover[25, 0] == half and cover[25, 25] == half and cover[25, 1] == 0
    mackay = noisy_typewriter("ABCDEFGHIJKLMNOPQRSTUVWXYZ-", offsets=(-1, 0, 1))
    assert mackay["A", "-"] == third and mackay["A", "B"] == third and mackay["A", "C"] == 0


def test_additive_noise_channel():
    w = additive_noise_channel({1: third, 2: third, 3: third}, inputs=range(11), modulus=11)
    assert w.outputs == tuple(range(11))
    assert w[10, 0] == third and w[10, 2] == third and w[10, 3] == 0
    noise = Distribution.from_pmf([half, half], name="Z", outcomes=[-1, 1])
    free = additive_noise_channel(noise, inputs=[0, 2])
    assert free.outputs == (-1, 1, 3)
    assert free.rows == ((half, half, 0), (0, half, half))


# -- combinations ---------------------------------------------------------------------------------


def test_cascade_of_two_bscs_is_a_bsc():
    w = cascade(binary_symmetric_channel(p), binary_symmetric_channel(p))
    crossover = 2 * p * (1 - p)
    expected_rows = (1 - crossover, crossover, crossover, 1 - crossover)
    for actual, expected in zip(itertools.chain(*w.rows), expected_rows, strict=True):
        assert sympy.expand(actual - expected) == 0


def test_cascade_matches_outputs_to_inputs_by_label():
    first = Channel([[1, 0], [0, 1]], outputs="ab")
    second = Channel([[0, 1], [1, 0]], inputs="ba", outputs="xy")
    assert cascade(first, second).rows == ((1, 0), (0, 1))
    with pytest.raises(DistributionError, match="output 'b' of stage 1 is not an input of stage 2"):
        cascade(first, Channel([[1], [1]], inputs="ac"))


def test_channel_product():
    w = channel_product(binary_symmetric_channel(quarter), binary_erasure_channel(half))
    assert w.shape == (4, 6)
    assert w[(1, 0), (0, "e")] == quarter * half
    total = [sum(row) for row in w.rows]
    assert total == [1, 1, 1, 1]


def test_channel_sum_is_block_diagonal():
    w = channel_sum(binary_symmetric_channel(quarter), Channel([[1]]))
    assert w.inputs == ((0, 0), (0, 1), (1, 0))
    assert w.outputs == ((0, 0), (0, 1), (1, 0))
    assert w.rows == ((Rational(3, 4), quarter, 0), (quarter, Rational(3, 4), 0), (0, 0, 1))


def test_combinations_reject_non_channels():
    with pytest.raises(TypeError):
        cascade(binary_symmetric_channel(quarter), [[1, 0], [0, 1]])
    with pytest.raises(DistributionError, match="at least one channel"):
        channel_sum()


# -- substitution, equality, printing ------------------------------------------------------------


def test_subs_revalidates():
    w = binary_symmetric_channel(p)
    assert w.subs(p, "1/8") == binary_symmetric_channel("1/8")
    with pytest.raises(DistributionError):
        w.subs(p, 2)


def test_equality_and_hash():
    assert binary_symmetric_channel(quarter) == Channel([["3/4", "1/4"], ["1/4", "3/4"]])
    assert hash(binary_symmetric_channel(quarter)) == hash(Channel([["3/4", "1/4"], ["1/4", "3/4"]]))
    assert binary_symmetric_channel(quarter) != Channel([["3/4", "1/4"], ["1/4", "3/4"]], outputs="ab")


def test_repr_round_trips():
    for w in (binary_erasure_channel(third), z_channel(p), Channel([[1]], inputs=["x"])):
        assert eval(repr(w), {"Channel": Channel}) == w


def test_str_is_a_table():
    assert str(z_channel(p)) == "X\\Y  0  1\n0    1  0\n1    p  1 - p"
    assert sympy.latex(z_channel(half)) == sympy.latex(sympy.Matrix([[1, 0], [half, half]]))
