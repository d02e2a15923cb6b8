"""Converters to and from pandas, xarray and dit: exact round trips, names and labels kept, bad input named.

Each optional package is imported with ``pytest.importorskip``: a test of a converter is skipped
when its package is not installed.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from symentropy import Distribution, InexactInputError, ParseError, entropy, independent, uniform
from symentropy.errors import DistributionError

p = sympy.Symbol("p")
HALF = sympy.Rational(1, 2)

#: Distributions with the things a converter could lose: names, labels of several types, zeros,
#: symbols, large denominators and irrational exact numbers.
CASES = {
    "one variable": Distribution.from_dict({"a": "1/3", "b": "2/3"}, name="Coin"),
    "integers and strings": Distribution(
        {(0, "u"): "1/8", (0, "v"): "3/8", (1, "v"): "1/2"}, names=("N", "S")
    ),
    "a zero cell": Distribution({(0, 0): "1/2", (0, 1): 0, (1, 1): "1/2"}, names=("X", "Y")),
    "three variables": independent(uniform(2, name="A"), uniform(3, name="B"), uniform(["x", "y"], name="C")),
    "symbolic": Distribution.from_dict({"h": p, "t": 1 - p}, name="T"),
    "large denominator": Distribution.from_pmf([sympy.Rational(1, 3**40), 1 - sympy.Rational(1, 3**40)]),
    "irrational": Distribution.from_pmf([1 - 1 / sympy.sqrt(2), 1 / sympy.sqrt(2)], name="R"),
}


def same(a: Distribution, b: Distribution) -> None:
    """Equal as distributions, with the same names and, outcome by outcome, the same exact probability."""
    assert a.names == b.names
    assert a == b
    for outcome, probability in a.items():
        assert b[outcome] == probability and type(b[outcome]) is type(probability)


# -- pandas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_pandas_round_trip_is_exact(name):
    pytest.importorskip("pandas")
    d = CASES[name]
    series = d.to_pandas()
    assert series.dtype == object and series.name == "P"
    assert list(series.index.names) == list(d.names)
    back = Distribution.from_pandas(series)
    same(d, back)
    assert back.outcomes == d.outcomes  # zeros and order kept
    labels = zip(sum(back.outcomes, ()), sum(d.outcomes, ()), strict=True)
    assert all(type(v) is type(w) for v, w in labels)
    same(d, Distribution.from_pandas(series.reset_index()))  # the DataFrame with a probability column


def test_pandas_series_reads_like_from_counts():
    pandas = pytest.importorskip("pandas")
    index = pandas.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["L", "N"])
    exact = Distribution.from_pandas(pandas.Series([Fraction(1, 4), Fraction(3, 4)], index=index))
    counted = Distribution.from_counts(pandas.Series([1, 3], index=index), names=("L", "N"))
    same(exact, counted)
    assert exact.outcomes == (("a", 1), ("b", 2)) and type(exact.outcomes[0][1]) is int


def test_pandas_defaults_and_names():
    pandas = pytest.importorskip("pandas")
    unnamed = pandas.Series(["1/4", "3/4"], index=pandas.MultiIndex.from_tuples([(0, 0), (1, 1)]))
    assert Distribution.from_pandas(unnamed).names == ("X1", "X2")
    assert Distribution.from_pandas(unnamed, names=("A", "B")).names == ("A", "B")
    assert Distribution.from_pandas(pandas.Series(["1/4", "3/4"])).names == ("X",)
    with pytest.raises(
        DistributionError, match=r"names=\('A',\) gives 1 name but the Series has 2 variables"
    ):
        Distribution.from_pandas(unnamed, names=("A",))
    frame = pandas.DataFrame({"X": [0, 1], "prob": ["1/2", "1/2"]})
    assert Distribution.from_pandas(frame, probability="prob") == uniform(2)
    with pytest.raises(
        DistributionError, match=r"no probability column 'P'; its columns are \['X', 'prob'\]"
    ):
        Distribution.from_pandas(frame)


def test_pandas_floats_need_exact_floats():
    pandas = pytest.importorskip("pandas")
    floats = pandas.Series([0.1, 0.9], index=pandas.Index(["a", "b"], name="L"))
    with pytest.raises(InexactInputError, match=r"0\.1 \(outcome 'a'\) is a float.*exact_floats=True"):
        Distribution.from_pandas(floats)
    d = Distribution.from_pandas(floats, exact_floats=True)
    assert d["a"] == sympy.Rational(1, 10) and d.names == ("L",)


def test_pandas_bad_input_is_named():
    pandas = pytest.importorskip("pandas")
    with pytest.raises(DistributionError, match="expected a pandas Series or DataFrame, got list"):
        Distribution.from_pandas([HALF, HALF])
    with pytest.raises(ParseError, match="__import__"):
        Distribution.from_pandas(pandas.Series(["__import__('os')", "1/2"]))
    with pytest.raises(DistributionError, match=r"probabilities sum to 3/4, not 1"):
        Distribution.from_pandas(pandas.Series(["1/2", "1/4"]))
    with pytest.raises(DistributionError, match="appears twice"):
        Distribution.from_pandas(pandas.Series(["1/2", "1/2"], index=["a", "a"]))
    with pytest.raises(DistributionError, match="variable name 'A B' contains white space"):
        Distribution.from_pandas(pandas.Series(["1/2", "1/2"], index=pandas.Index([0, 1], name="A B")))


# -- xarray ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_xarray_round_trip_is_exact(name):
    pytest.importorskip("xarray")
    d = CASES[name]
    array = d.to_xarray()
    assert array.dims == d.names and array.dtype == object
    for position, variable in enumerate(d.names):
        assert array.coords[variable].values.tolist() == list(dict.fromkeys(o[position] for o in d.outcomes))
    back = Distribution.from_xarray(array)
    same(d, back)
    assert set(d.outcomes) <= set(back.outcomes)  # the array is dense: combinations not in d are 0
    assert all(back[o] == 0 for o in set(back.outcomes) - set(d.outcomes))


def test_xarray_dense_cells_and_labels():
    pytest.importorskip("xarray")
    d = CASES["integers and strings"]
    array = d.to_xarray()
    assert array.shape == (2, 2)
    assert array.sel(N=1, S="u").item() == 0 and array.sel(N=0, S="v").item() == sympy.Rational(3, 8)
    pairs = independent(uniform([(0, 1), (1, 0)], name="T"), uniform(2, name="B"))  # tuples as labels
    assert pairs.to_xarray().coords["T"].values.tolist() == [(0, 1), (1, 0)]
    same(pairs, Distribution.from_xarray(pairs.to_xarray()))


def test_xarray_numeric_arrays_and_names():
    xarray = pytest.importorskip("xarray")
    integers = xarray.DataArray([[1, 0], [0, 0]], dims=("A", "B"))
    assert Distribution.from_xarray(integers)[(0, 0)] == 1
    floats = xarray.DataArray([0.25, 0.75], dims=("W",), coords={"W": ["dry", "wet"]})
    with pytest.raises(InexactInputError, match=r"0\.25 \(outcome 'dry'\) is a float.*exact_floats=True"):
        Distribution.from_xarray(floats)
    assert Distribution.from_xarray(floats, exact_floats=True)["wet"] == sympy.Rational(3, 4)
    assert Distribution.from_xarray(floats, names="V", exact_floats=True).names == ("V",)
    with pytest.raises(
        DistributionError, match=r"names=\('V', 'U'\) gives 2 names but the DataArray has 1 variable$"
    ):
        Distribution.from_xarray(floats, names=("V", "U"), exact_floats=True)


def test_xarray_bad_input_is_named():
    xarray = pytest.importorskip("xarray")
    with pytest.raises(DistributionError, match="expected an xarray.DataArray, got Dataset"):
        Distribution.from_xarray(xarray.Dataset({"P": ("X", [1])}))
    with pytest.raises(DistributionError, match="no dimensions"):
        Distribution.from_xarray(xarray.DataArray(1))
    with pytest.raises(
        DistributionError, match=r"contains '\|'.*the DataArray names its variables \('A\|B',\): pass names="
    ):
        Distribution.from_xarray(xarray.DataArray([1], dims=("A|B",)))
    with pytest.raises(DistributionError, match=r"probability of outcome 1 is -1/2, which is negative"):
        Distribution.from_xarray(xarray.DataArray(["3/2", "-1/2"], dims=("X",)))


# -- dit ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_dit_round_trip_is_exact(name):
    pytest.importorskip("dit")
    d = CASES[name]
    converted = d.to_dit()
    assert converted.get_rv_names() == d.names
    back = Distribution.from_dit(converted)
    same(d, back)  # dit lists only the outcomes of nonzero probability


def test_dit_outcomes_are_strings_for_letters():
    pytest.importorskip("dit")
    letters = Distribution({("a", "b"): "1/2", ("b", "b"): "1/2"}, names=("X", "Y")).to_dit()
    assert letters.outcomes == (("a", "b"), ("b", "b"))  # dit made them from "ab" and "bb"
    assert Distribution.from_dit(letters).outcomes == (("a", "b"), ("b", "b"))


def test_dit_measures_of_a_converted_distribution_are_exact():
    # Z = X xor Y of two fair independent bits is a function of (X, Y), so H(X, Y, Z) = H(X, Y) = 2 bits.
    dit = pytest.importorskip("dit")
    bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    xor = bits.with_variable("Z", lambda x, y: x ^ y)
    assert dit.shannon.entropy(xor.to_dit()) == entropy(xor) == 2


def test_dit_floats_names_and_refusals():
    dit = pytest.importorskip("dit")
    floats = dit.Distribution(["00", "11"], [0.5, 0.5])
    with pytest.raises(
        InexactInputError, match=r"0\.5 \(outcome \('0', '0'\)\) is a float.*exact_floats=True"
    ):
        Distribution.from_dit(floats)
    read = Distribution.from_dit(floats, exact_floats=True)
    assert read.names == ("X1", "X2") and read[("1", "1")] == HALF
    assert Distribution.from_dit(floats, names=("A", "B"), exact_floats=True).names == ("A", "B")
    named = dit.Distribution(["00", "11"], [0.5, 0.5], rv_names=["S", "T"])
    assert Distribution.from_dit(named, exact_floats=True).names == ("S", "T")
    with pytest.raises(
        DistributionError, match=r"names='A' gives 1 name but the dit distribution has 2 variables"
    ):
        Distribution.from_dit(floats, names="A", exact_floats=True)
    floats.set_base(2)
    with pytest.raises(DistributionError, match=r"log probabilities \(base 2\)"):
        Distribution.from_dit(floats)
    with pytest.raises(DistributionError, match="expected a dit.Distribution, got dict"):
        Distribution.from_dit({"00": HALF, "11": HALF})


def test_dit_gets_no_string_to_sympify():
    pytest.importorskip("dit")
    from symentropy.core.convert import write_dit

    with pytest.raises(ParseError, match="__import__"):
        write_dit(("X",), [("a",)], ["__import__('os')"])
