"""Constructors, operations and validation of Distribution."""

from fractions import Fraction

import pytest
import sympy

from symentropy import (
    Distribution,
    DistributionError,
    InexactInputError,
    UndecidedError,
    UnknownVariableError,
    ZeroProbabilityError,
    entropy,
    independent,
    uniform,
)

R = sympy.Rational
p, q = sympy.symbols("p q")


# -- constructors -------------------------------------------------------------


def test_from_dict_with_tuples_and_names():
    d = Distribution.from_dict({(1, 1): "1/8", (2, 1): "1/16", (1, 2): "13/16"}, names=("X", "Y"))
    assert d.names == ("X", "Y")
    assert d[(2, 1)] == R(1, 16)
    assert d.probability(X=1) == R(15, 16)


def test_from_dict_single_variable_plain_outcomes():
    d = Distribution.from_dict({"H": "1/2", "T": "1/2"}, name="X")
    assert d.outcomes == (("H",), ("T",))
    assert d["H"] == R(1, 2)
    assert d == Distribution.from_dict({"H": R(1, 2), "T": Fraction(1, 2)}, names=("X",))


def test_default_names():
    assert Distribution({"a": 1}).names == ("X",)
    assert Distribution({(0, 0): 1}).names == ("X1", "X2")


def test_mixed_entry_types():
    d = Distribution.from_pmf([1, Fraction(0), "0"], name="X")
    assert d.probabilities == (1, 0, 0)


def test_zero_probability_outcomes_are_kept():
    d = Distribution.from_pmf(["1", "0"])
    assert len(d) == 2
    assert d.support == ((0,),)


def test_from_table_rows_index_first_name():
    d = Distribution.from_table([["1/2", "1/4"], ["1/8", "1/8"]], names=("Y", "X"), labels=(["a", "b"], [1, 2]))
    assert d.names == ("Y", "X")
    assert d[("a", 2)] == R(1, 4)
    assert d.marginal("Y") == Distribution.from_dict({"a": R(3, 4), "b": R(1, 4)}, name="Y")


def test_from_table_numpy_and_pandas():
    np = pytest.importorskip("numpy")
    arr = np.array([[R(1, 4), R(1, 4)], [R(1, 2), 0]], dtype=object)
    d = Distribution.from_table(arr, names=("A", "B"))
    assert d[(1, 0)] == R(1, 2)
    with pytest.raises(InexactInputError):
        Distribution.from_table(np.array([[0.25, 0.25], [0.25, 0.25]]), names=("A", "B"))
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([[R(1, 4), R(3, 4)]], index=["r"], columns=["c1", "c2"], dtype=object)
    d = Distribution.from_table(frame, names=("A", "B"))
    assert d[("r", "c2")] == R(3, 4)


def test_from_pmf_and_outcomes():
    d = Distribution.from_pmf(["1/2", "1/4", "1/4"], name="W", outcomes="abc")
    assert d.names == ("W",)
    assert d["c"] == R(1, 4)


def test_outcomes_of_a_table_of_rationals_are_made_when_first_read():
    # The measures of a table of sympy Rationals work from its census; the outcome tuples are
    # made only when something reads them, and are then those of the general constructor.
    cells = [[R(1, 4), R(1, 8)], [R(1, 8), R(1, 2)]]
    d = Distribution.from_table(cells, names=("Y", "X"), labels=("ab", (0, 1)))
    assert entropy(d, "X") == entropy(Distribution.from_pmf([R(3, 8), R(5, 8)]))
    assert len(d) == 4 and type(d._made) is not tuple  # not made yet
    assert d.marginal("X").outcomes == ((0,), (1,))  # labels from the grid, in order
    assert d.marginal("Y").outcomes == (("a",), ("b",))
    assert d.outcomes == (("a", 0), ("a", 1), ("b", 0), ("b", 1))
    general = Distribution.from_dict({("a", 0): "1/4", ("a", 1): "1/8", ("b", 0): "1/8", ("b", 1): "1/2"},
                                     names=("Y", "X"))
    assert d == general and hash(d) == hash(general) and d[("b", 1)] == R(1, 2)
    one = Distribution.from_pmf([R(1, 2), R(1, 4), R(1, 4)], outcomes="xyz")
    assert one.outcomes == (("x",), ("y",), ("z",)) and "y" in one and one["z"] == R(1, 4)
    assert Distribution.from_pmf([R(1, 2), R(1, 2)]).support == ((0,), (1,))


def test_the_census_checks_the_type_of_every_cell():
    # A cell that is not a sympy Rational sends the table through the per-cell gate, even when it
    # carries attributes p and q equal to those of the cell before it.
    class LooksRational:
        p, q = 1, 2

        def __repr__(self) -> str:
            return "LooksRational()"

    with pytest.raises(TypeError, match=r"LooksRational\(\) \(outcome 1\) has type LooksRational"):
        Distribution.from_pmf([R(1, 2), LooksRational()])
    mixed = Distribution.from_pmf([R(1, 2), sympy.Integer(0), R(1, 2)])  # Integer is a Rational
    assert mixed.census == {2: {1: 2}, 1: {0: 1}} and entropy(mixed) == 1


def test_uniform():
    assert uniform(4)[3] == R(1, 4)
    assert uniform(["x", "y"], name="Z").names == ("Z",)
    with pytest.raises(DistributionError, match="at least one outcome"):
        uniform(0)


def test_independent_product():
    d = independent(uniform(2, name="X"), Distribution.from_pmf(["1/3", "2/3"], name="Y"))
    assert d[(1, 1)] == R(1, 3)
    assert len(d) == 4
    with pytest.raises(DistributionError, match="used twice"):
        independent(uniform(2, name="X"), uniform(2, name="X"))


def test_with_variable_xor_and_sum():
    bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    z = bits.with_variable("Z", lambda x, y: x ^ y)
    assert z.names == ("X", "Y", "Z")
    assert z[(1, 1, 0)] == R(1, 4)
    dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    s = dice.with_variable("S", lambda a, b: a + b)
    assert s.marginal("S")[7] == R(1, 6)
    parity = uniform(range(1, 7), name="X").with_variable("Y", lambda x: x % 2)
    assert parity.marginal("Y") == uniform(2, name="Y")
    only_a = dice.with_variable("M", lambda a: a % 3, inputs="A")
    assert only_a.marginal("M")[0] == R(1, 3)


# -- operations -----------------------------------------------------------------


def test_condition_renormalises_exactly():
    d = Distribution({(0, 0): "1/8", (0, 1): "3/8", (1, 1): "1/2"}, names=("X", "Y"))
    c = d.condition(Y=1)
    assert c.names == ("X", "Y")
    assert c[(0, 1)] == R(3, 7) and c[(1, 1)] == R(4, 7)
    assert d.condition({"X": lambda x: x >= 0}) == d


def test_condition_on_zero_probability_event():
    d = Distribution.from_pmf(["1", "0"])
    with pytest.raises(ZeroProbabilityError, match="X=1"):
        d.condition(X=1)
    with pytest.raises(ZeroProbabilityError):
        d.condition(X=7)


def test_conditional_table():
    d = Distribution({(0, 0): "1/4", (0, 1): "1/4", (1, 1): "1/2"}, names=("X", "Y"))
    table = d.conditional("X", given="Y")
    assert set(table) == {0, 1}
    assert table[1] == Distribution.from_pmf(["1/3", "2/3"], name="X")
    two = d.conditional(("X",), given=("Y", "X"))
    assert two[(1, 1)][1] == 1


def test_marginal_order_and_errors():
    d = Distribution({(0, "a"): "1/2", (1, "b"): "1/2"}, names=("X", "Y"))
    assert d.marginal("Y", "X").outcomes == (("a", 0), ("b", 1))
    with pytest.raises(UnknownVariableError, match="unknown variable 'W'; the distribution's variables are X, Y"):
        d.marginal("W")
    with pytest.raises(LookupError):
        d.probability(W=1)


def test_rename():
    d = uniform(2, name="X").rename(X="A")
    assert d.names == ("A",)


def test_symbolic_subs_and_free_symbols():
    d = Distribution.from_pmf([p * q, p * (1 - q), 1 - p])
    assert d.free_symbols == {p, q}
    assert d.is_symbolic and not d.is_rational
    e = d.subs({p: R(1, 2), q: "1/3"})
    assert e.probabilities == (R(1, 6), R(1, 3), R(1, 2))
    assert e.is_rational and e.conditions == ()
    zero = d.subs(p, 0)
    assert zero.probabilities == (0, 0, 1)
    with pytest.raises(InexactInputError):
        d.subs(p, 0.5)
    with pytest.raises(DistributionError, match="negative"):
        d.subs(p, 2)


def test_marginal_of_symbolic_cells_is_tidy():
    d = Distribution({(0, 0): p * q, (0, 1): p * (1 - q), (1, 0): (1 - p) * q, (1, 1): (1 - p) * (1 - q)},
                     names=("X", "Y"))
    assert d.marginal("X").probabilities == (p, 1 - p)


def test_equality_and_hash_ignore_zero_cells_and_order():
    a = Distribution.from_dict({"x": "1/2", "y": "1/2", "z": 0})
    b = Distribution.from_dict({"y": "1/2", "x": "1/2"})
    assert a == b and hash(a) == hash(b)
    assert a != Distribution.from_dict({"x": "1/2", "y": "1/2"}, name="Y")
    assert a != uniform(3)


def test_immutable():
    d = uniform(2)
    with pytest.raises(AttributeError):
        d.foo = 1  # type: ignore[attr-defined]


def test_str_and_repr_round_trip():
    d = Distribution({(0, 1): "1/3", (1, 0): "2/3"}, names=("X", "Y"))
    assert str(d).splitlines()[0].split() == ["X", "Y", "P"]
    assert eval(repr(d), {"Distribution": Distribution}) == d  # repr is evaluable by design
    assert sympy.sstr(d) == repr(d)
    assert r"\begin{array}" in sympy.latex(d)


# -- validation: every documented error -------------------------------------------------


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: Distribution.from_pmf(["1/2", "1/3"]), "probabilities sum to 5/6, not 1"),
        (lambda: Distribution.from_pmf(["3/2", "-1/2"]), r"probability of outcome 1 is -1/2, which is negative"),
        (lambda: Distribution({(1, 2): "1/2", (1, 2, 3): "1/2"}, names=("X", "Y")),
         r"outcome \(1, 2, 3\) has 3 values but there are 2 variables"),
        (lambda: Distribution({}, name="X"), "at least one outcome"),
        (lambda: Distribution.from_table([], names=("A", "B")), "the table is empty"),
        (lambda: Distribution({(1,): 1}, names=("X", "X")), "variable name 'X' is used twice"),
        (lambda: Distribution({1: 1}, names=()), "at least one variable name"),
        (lambda: Distribution({1: 1}, names=("X Y",)), "may not contain"),
        (lambda: Distribution.from_pmf(["1/2", "1/2"], outcomes=[1, 1]), r"outcome 1 appears twice"),
        (lambda: Distribution.from_pmf(["1/2", "1/2"], outcomes=[1]), "2 probabilities but 1 outcomes"),
        (lambda: Distribution.from_table([["1/2"], ["1/4", "1/4"]], names=("A", "B")), "row 1 has 2 entries"),
        (lambda: Distribution.from_pmf([sympy.I, 1 - sympy.I]), "not a real number"),
        (lambda: Distribution.from_pmf([sympy.oo, 0]), "not a finite number"),
        (lambda: Distribution({1: 1}, names=("X",), name="X"), "either names"),
    ],
)
def test_invalid_tables(build, message):
    with pytest.raises(DistributionError, match=message):
        build()


def test_float_entries_are_refused_and_opt_in_works():
    with pytest.raises(InexactInputError, match=r"outcome 'a'"):
        Distribution({"a": 0.5, "b": "1/2"})
    d = Distribution({"a": 0.5, "b": 0.5}, exact_floats=True)
    assert d["a"] == R(1, 2)
    # exact_floats reads a float as the decimal it prints as: 0.1 + 0.9 is 1
    assert Distribution.from_pmf([0.1, 0.9], exact_floats=True).probabilities == (R(1, 10), R(9, 10))
    with pytest.raises(DistributionError, match="sum to 1/10, not 1"):
        Distribution({"a": 0.1}, exact_floats=True)
    # the advice given for a float works where it is given
    with pytest.raises(InexactInputError, match="or pass exact_floats=True"):
        Distribution.from_pmf([0.1, 0.9])


def test_symbolic_validity_is_recorded_not_guessed():
    d = Distribution.from_pmf([p, 1 - p])
    assert d.conditions == (sympy.Ge(p, 0), sympy.Ge(1 - p, 0))
    with pytest.raises(UndecidedError, match="p >= 0"):
        Distribution.from_pmf([p, 1 - p], strict=True)
    free = Distribution.from_pmf([p, q])
    assert sympy.Eq(p + q, 1) in free.conditions


def test_assumptions_are_respected():
    r = sympy.Symbol("r", positive=True)
    d = Distribution.from_pmf([r, 1 - r])
    assert d.conditions == (sympy.Ge(1 - r, 0),)
    n = sympy.Symbol("n", negative=True)
    with pytest.raises(DistributionError, match="which is negative"):
        Distribution.from_pmf([n, 1 - n])


def test_strings_reuse_symbols_with_assumptions():
    r = sympy.Symbol("r", positive=True)
    d = Distribution.from_pmf([r, "1 - r"])
    assert d.free_symbols == {r}
    assert d.conditions == (sympy.Ge(1 - r, 0),)
    s = Distribution.from_pmf(["s", "1-s"], symbols={"s": sympy.Symbol("s", nonnegative=True)})
    assert len(s.conditions) == 1


def test_symbolic_total_that_is_provably_wrong():
    with pytest.raises(DistributionError, match="sum to 2, not 1"):
        Distribution.from_pmf([p, 2 - p])


def test_irrational_numeric_entries():
    h = sympy.sqrt(2) / 2
    d = Distribution.from_pmf([h, 1 - h])
    assert d.conditions == ()
    with pytest.raises(DistributionError, match="not 1"):
        Distribution.from_pmf([h, h])


def test_a_cell_that_is_zero_in_disguise_is_stored_as_zero():
    # log(6) - log(2) - log(3) is exactly 0; sympy cannot tell, the exact sign can
    z = sympy.log(6) - sympy.log(2) - sympy.log(3)
    d = Distribution.from_pmf([z, "1/2", "1/2"])
    assert d.probabilities[0] == 0 and d.support == ((1,), (2,))
    assert entropy(d) == 1
    assert d.condition(X=lambda k: k > 0).probabilities == (sympy.Rational(1, 2), sympy.Rational(1, 2))


def test_a_pickle_from_another_process_is_equal_and_hashes_equal():
    import os
    import pickle
    import subprocess
    import sys
    from pathlib import Path

    d = Distribution.from_dict({(0, 1): "1/2", (1, 0): "1/2"}, names=("X", "Y"))
    hash(d)  # a cached hash must not travel with the pickle
    program = (
        "import pickle, sys\n"
        "from symentropy import Distribution\n"
        "d = pickle.loads(sys.stdin.buffer.read())\n"
        "e = Distribution.from_dict({(0, 1): '1/2', (1, 0): '1/2'}, names=('X', 'Y'))\n"
        "print(d == e, hash(d) == hash(e), len({d, e}))\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=root)
    result = subprocess.run([sys.executable, "-c", program], input=pickle.dumps(d), capture_output=True, env=env)
    assert result.stdout.decode().split() == ["True", "True", "1"], result.stderr.decode()
    with pytest.raises(TypeError, match="protocol 2 or higher"):
        pickle.dumps(d, protocol=0)


def test_nan_labels_and_values_never_taken():
    with pytest.raises(DistributionError, match="NaN label"):
        Distribution({float("nan"): "1/2", 1: "1/2"})
    with pytest.raises(ZeroProbabilityError, match="Y never takes the value 7; its values are 'a', 'b'"):
        uniform(["a", "b"], name="Y").condition(Y=7)
