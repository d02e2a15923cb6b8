"""Converters to and from dit, xarray and pandas: optional extras, imported only when called.

=====================================  ===============================================
function                               converts
=====================================  ===============================================
:func:`read_dit`, :func:`write_dit`    a ``dit.Distribution`` (extra ``dit``)
:func:`read_xarray`,                   an ``xarray.DataArray`` with one dimension per
:func:`write_xarray`                   variable (extra ``xarray``)
:func:`read_pandas`,                   a pandas ``Series`` indexed by outcomes, or a
:func:`write_pandas`                   ``DataFrame`` with a probability column
                                       (extra ``pandas``)
=====================================  ===============================================

These functions know no Distribution, like :mod:`symentropy.core.tables`: the
readers return names and ``(outcome, probability)`` pairs, which
:meth:`~symentropy.core.distribution.Distribution.from_dit`,
:meth:`~symentropy.core.distribution.Distribution.from_xarray` and
:meth:`~symentropy.core.distribution.Distribution.from_pandas` validate (every
probability goes through :func:`symentropy.kernel.exact.as_exact`, so floats are
refused unless ``exact_floats=True`` and strings are read by the safe grammar);
the writers take names, outcomes and probabilities, which
:meth:`~symentropy.core.distribution.Distribution.to_dit`,
:meth:`~symentropy.core.distribution.Distribution.to_xarray` and
:meth:`~symentropy.core.distribution.Distribution.to_pandas` pass.  Outcome
labels are data: they are kept as they are (a numpy scalar becomes the Python
value it holds) and never parsed.  Probabilities stay exact both ways: the
arrays written hold sympy numbers (``object`` dtype).

Examples
========

>>> from symentropy.core.convert import read_pandas
>>> read_pandas({("a", 0): "1/2", ("b", 1): "1/2"}, names=("L", "N"))
Traceback (most recent call last):
...
symentropy.errors.DistributionError: expected a pandas Series or DataFrame, got dict
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import sympy

from ..errors import DistributionError, short_repr
from ..kernel.exact import as_exact
from .names import check_names

__all__ = [
    "read_dit",
    "write_dit",
    "read_xarray",
    "write_xarray",
    "read_pandas",
    "write_pandas",
    "plain_label",
]

#: Names and ``(outcome, value)`` pairs; the values are not yet checked (floats, strings, ...).
RawPairs = tuple[tuple[str, ...], list[tuple[tuple, Any]]]


def plain_label(label: Any) -> Hashable:
    """A numpy scalar label as the Python value it holds (``numpy.int64(1)`` is ``1``); others unchanged.

    >>> from fractions import Fraction
    >>> plain_label("a"), plain_label(Fraction(1, 2))
    ('a', Fraction(1, 2))
    """
    if type(label).__module__ == "numpy" and getattr(label, "shape", None) == ():
        return label.item()
    return label


def _names(width: int, given: Any, found: Any, what: str) -> tuple[str, ...]:
    """The variable names: ``given`` (checked against ``width``), else ``found``, else X or X1..Xn."""
    if given is not None:
        checked = check_names(given)
        if len(checked) != width:
            raise DistributionError(
                f"names={short_repr(given)} gives {len(checked)} name{'s' if len(checked) != 1 else ''} "
                f"but the {what} has {width} variable{'s' if width != 1 else ''}"
            )
        return checked
    if found is None or all(n is None for n in found):
        return ("X",) if width == 1 else tuple(f"X{i}" for i in range(1, width + 1))
    try:
        return check_names(tuple(found))
    except DistributionError as error:
        shown = short_repr(tuple(found))
        raise DistributionError(f"{error}; the {what} names its variables {shown}: pass names=") from None


# -- dit ----------------------------------------------------------------------------------------


def read_dit(dist: Any, names: Sequence[str] | str | None = None) -> RawPairs:
    """Names and ``(outcome, probability)`` pairs of a ``dit.Distribution``.

    Explanation
    ===========

    Each outcome of dit (a string such as ``"01"``, a tuple, or one value for
    a distribution of one variable) becomes a tuple with one label per
    variable: the characters of a string, the items of a tuple.  The names are
    ``names=`` if given, else dit's variable names if they were set
    (``dist.get_rv_names()``), else ``X`` or ``X1, X2, ...``.  The
    probabilities are dit's ``pmf`` as they are: sympy numbers and Fractions
    stay exact, floats are refused later unless ``exact_floats=True``.  A
    distribution in log space (``dist.is_log()``) or a conditional one is
    refused.  dit lists only the outcomes of nonzero probability.

    >>> from symentropy.core.convert import read_dit
    >>> read_dit(["00"])
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: expected a dit.Distribution, got list
    """
    if not (hasattr(dist, "outcomes") and hasattr(dist, "pmf") and hasattr(dist, "get_rv_names")):
        raise DistributionError(f"expected a dit.Distribution, got {type(dist).__name__}")
    if getattr(dist, "is_log", lambda: False)():
        raise DistributionError(
            f"the dit distribution holds log probabilities (base {short_repr(dist.get_base())}); "
            "call its set_base('linear') first"
        )
    if getattr(dist, "is_conditional", lambda: False)():
        raise DistributionError("the dit distribution is conditional; convert a joint distribution")
    outcomes = list(dist.outcomes)
    values = list(dist.pmf)
    if not outcomes:
        raise DistributionError("the dit distribution has no outcomes")
    joint = getattr(dist, "is_joint", lambda: True)()
    sequences = joint or isinstance(outcomes[0], (str, tuple))
    width = dist.outcome_length() if hasattr(dist, "outcome_length") and sequences else 1
    checked = _names(width, names, dist.get_rv_names(), "dit distribution")
    pairs = []
    for outcome, value in zip(outcomes, values, strict=True):
        split = isinstance(outcome, tuple) or (isinstance(outcome, str) and width > 1)
        if split and len(outcome) == width:
            labels = tuple(outcome)
        elif width == 1:
            labels = (outcome,)
        else:
            raise DistributionError(f"dit outcome {short_repr(outcome)} does not have {width} values")
        pairs.append((tuple(plain_label(v) for v in labels), plain_label(value)))
    return checked, pairs


def write_dit(names: Sequence[str], outcomes: Sequence[tuple], probs: Sequence[sympy.Expr]) -> Any:
    """A ``dit.Distribution`` with these names, outcomes and exact probabilities.

    Explanation
    ===========

    The distribution is made by ``dit.symbolic.symbolic_distribution``, so its
    probabilities are the same sympy numbers (or expressions in symbols): dit
    keeps them exact and its measures then give exact values.  Outcomes are
    strings (``"01"``) when every label is a one-character string, as dit
    writes them, else tuples.  Outcomes of probability zero are given to dit,
    which lists only the others.  A dit without exact distributions (before
    2.3) is refused rather than given floats.

    >>> from sympy import Rational
    >>> from symentropy.core.convert import write_dit
    >>> d = write_dit(("X", "Y"), [("0", "0"), ("1", "1")], [Rational(1, 3), Rational(2, 3)])
    >>> d.outcomes, d.pmf.tolist(), d.get_rv_names()
    ((('0', '0'), ('1', '1')), [1/3, 2/3], ('X', 'Y'))
    """
    import dit  # noqa: F401  (an optional extra: pip install symentropy[dit])

    try:
        from dit.symbolic import symbolic_distribution
    except ImportError:
        raise DistributionError(
            f"dit {getattr(dit, '__version__', '?')} stores probabilities as floats; "
            "dit 2.3 or later keeps them exact (pip install 'symentropy[dit]')"
        ) from None
    # dit reads each probability with sympy.sympify, which evaluates strings: it gets sympy numbers only
    exact = [as_exact(p, what=f"outcome {short_repr(o)}") for o, p in zip(outcomes, probs, strict=True)]
    letters = all(isinstance(v, str) and len(v) == 1 for o in outcomes for v in o)
    keys = ["".join(o) if letters else tuple(o) for o in outcomes]
    return symbolic_distribution(keys, exact, rv_names=list(check_names(names)))


# -- xarray -------------------------------------------------------------------------------------


def _labels_of(outcomes: Sequence[tuple], position: int) -> list:
    return list(dict.fromkeys(o[position] for o in outcomes))


def _object_vector(values: Sequence[Any]) -> Any:
    """A 1-D numpy array of objects holding ``values`` as they are (a tuple stays one item)."""
    import numpy

    array = numpy.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        array[i] = value
    return array


def write_xarray(names: Sequence[str], outcomes: Sequence[tuple], probs: Sequence[sympy.Expr]) -> Any:
    """An ``xarray.DataArray`` of the probabilities: one dimension per variable, named by it.

    Explanation
    ===========

    The coordinates of each dimension are the labels of that variable, in
    order of first appearance; the array is dense, with the exact probability
    (a sympy number, ``object`` dtype) of each combination of labels, ``0``
    where the distribution has no such outcome.  It is named ``"P"``.

    >>> from symentropy import Distribution
    >>> d = Distribution({(0, "a"): "1/4", (1, "b"): "3/4"}, names=("X", "Y"))
    >>> array = d.to_xarray()
    >>> array.dims, array.coords["Y"].values.tolist()
    (('X', 'Y'), ['a', 'b'])
    >>> array.sel(X=1, Y="b").item(), array.sel(X=0, Y="b").item()
    (3/4, 0)
    >>> Distribution.from_xarray(array) == d
    True
    """
    import numpy
    import xarray

    coords = [_labels_of(outcomes, i) for i in range(len(names))]
    where = [{label: j for j, label in enumerate(c)} for c in coords]
    values = numpy.full(tuple(len(c) for c in coords), sympy.S.Zero, dtype=object)
    for outcome, p in zip(outcomes, probs, strict=True):
        values[tuple(w[v] for w, v in zip(where, outcome, strict=True))] = p
    return xarray.DataArray(
        values,
        dims=tuple(names),
        coords={n: _object_vector(c) for n, c in zip(names, coords, strict=True)},
        name="P",
    )


def read_xarray(array: Any, names: Sequence[str] | str | None = None) -> RawPairs:
    """Names and ``(outcome, value)`` pairs of every cell of an ``xarray.DataArray``.

    The dimensions are the variables (``names=`` renames them, in order), the
    coordinates their labels (``0, 1, ...`` for a dimension without them), the
    cells the probabilities: sympy numbers, Fractions, integers and strings
    are exact; floats are refused later unless ``exact_floats=True``.

    >>> import xarray
    >>> from symentropy import Distribution
    >>> counts = xarray.DataArray([[0.5, 0.0], [0.25, 0.25]], dims=("Rain", "Wind"))
    >>> Distribution.from_xarray(counts, exact_floats=True).probability(Rain=1)
    1/2

    >>> from symentropy.core.convert import read_xarray
    >>> read_xarray([[1, 0], [0, 0]])
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: expected an xarray.DataArray, got list
    """
    if not (hasattr(array, "dims") and hasattr(array, "coords") and hasattr(array, "values")) or hasattr(
        array, "data_vars"
    ):
        raise DistributionError(f"expected an xarray.DataArray, got {type(array).__name__}")
    import numpy

    dims = tuple(array.dims)
    if not dims:
        raise DistributionError("the DataArray has no dimensions; a distribution needs one per variable")
    checked = _names(len(dims), names, dims, "DataArray")
    labels = []
    for dim, size in zip(dims, array.shape, strict=True):
        coord = array.coords[dim].values.tolist() if dim in array.coords else list(range(size))
        labels.append([plain_label(v) for v in coord])
    cells = numpy.asarray(array.values)
    pairs = [
        (tuple(labels[k][i] for k, i in enumerate(index)), plain_label(value))
        for index, value in numpy.ndenumerate(cells)
    ]
    if not pairs:
        raise DistributionError(f"the DataArray has no cells (its shape is {array.shape})")
    return checked, pairs


# -- pandas -------------------------------------------------------------------------------------


def write_pandas(names: Sequence[str], outcomes: Sequence[tuple], probs: Sequence[sympy.Expr]) -> Any:
    """A pandas ``Series`` of the exact probabilities (``object`` dtype), named ``"P"``, indexed by outcome.

    The index is named by the variable for one variable, and is a
    ``MultiIndex`` with one level per variable, named by them, for several.
    ``series.reset_index()`` is the DataFrame with one column per variable
    and the probability column ``"P"``.

    >>> from symentropy import Distribution
    >>> d = Distribution({(0, "a"): "1/4", (1, "b"): "3/4"}, names=("X", "Y"))
    >>> series = d.to_pandas()
    >>> series.index.names, series[(1, "b")]
    (FrozenList(['X', 'Y']), 3/4)
    >>> Distribution.from_pandas(series) == d == Distribution.from_pandas(series.reset_index())
    True
    """
    import pandas

    if len(names) == 1:
        index = pandas.Index(_object_vector([o[0] for o in outcomes]), dtype=object, name=names[0])
    else:
        index = pandas.MultiIndex.from_tuples(list(outcomes), names=list(names))
    return pandas.Series(list(probs), index=index, dtype=object, name="P")


def read_pandas(data: Any, names: Sequence[str] | str | None = None, probability: str = "P") -> RawPairs:
    """Names and ``(outcome, value)`` pairs of a pandas Series indexed by outcomes, or of a DataFrame.

    Explanation
    ===========

    A Series: its index gives the outcomes (a ``MultiIndex`` one level per
    variable) and its index names the variable names.  A DataFrame: the
    column ``probability`` (default ``"P"``) holds the probabilities and every
    other column is a variable, named by the column.  ``names=`` overrides
    the names; without names the defaults are ``X`` or ``X1, X2, ...``.

    >>> import pandas
    >>> from symentropy import Distribution
    >>> frame = pandas.DataFrame({"Coin": ["H", "T"], "P": ["1/3", "2/3"]})
    >>> Distribution.from_pandas(frame)
    Distribution.from_dict({'H': '1/3', 'T': '2/3'}, name='Coin')
    """
    if hasattr(data, "columns") and hasattr(data, "set_index"):  # DataFrame
        if probability not in data.columns:
            raise DistributionError(
                f"the DataFrame has no probability column {probability!r}; its columns are "
                f"{short_repr(list(data.columns))} (pass probability=...)"
            )
        variables = [c for c in data.columns if c != probability]
        if not variables:
            raise DistributionError(
                f"the DataFrame has only the probability column {probability!r}; "
                "it needs a column per variable"
            )
        data = data.set_index(variables)[probability]
    if not (hasattr(data, "index") and hasattr(data, "items") and hasattr(data, "to_numpy")):
        raise DistributionError(f"expected a pandas Series or DataFrame, got {type(data).__name__}")
    index = data.index
    width = getattr(index, "nlevels", 1)
    checked = _names(width, names, list(index.names), "Series")
    pairs = []
    for key, value in data.items():
        outcome = tuple(key) if width > 1 else (key,)
        pairs.append((tuple(plain_label(v) for v in outcome), plain_label(value)))
    if not pairs:
        raise DistributionError("the Series is empty; a distribution needs at least one outcome")
    return checked, pairs
