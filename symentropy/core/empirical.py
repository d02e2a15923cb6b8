"""Empirical (plug-in) distributions from data.

======================================  ==================================================
function                                input
======================================  ==================================================
:func:`from_samples`                    observations: values, tuples, rows of an array or
                                        of a pandas DataFrame
:func:`from_counts`                     counts: ``{outcome: count}``, a list of counts or a
                                        2-D contingency table
======================================  ==================================================

Each outcome gets the exact probability ``count / N`` as a sympy
``Rational``, so the plug-in (maximum-likelihood) estimates of entropy and
mutual information come out of data exactly.  These are also available as
``Distribution.from_samples`` and ``Distribution.from_counts``.

Examples
========

>>> from symentropy import entropy, mutual_information
>>> from symentropy.core.empirical import from_samples
>>> d = from_samples("abracadabra", names="L")
>>> d.probability(L="a")
5/11
>>> data = [(0, 0), (0, 0), (1, 1), (1, 0)]
>>> mutual_information(from_samples(data, names=("X", "Y")), "X", "Y")
-3*log(3)/(4*log(2)) + 3/2
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ..errors import DistributionError
from ..kernel.exact import as_exact
from .distribution import Distribution, _check_names

__all__ = ["from_samples", "from_counts"]


def _ordered(outcomes: Iterable[tuple]) -> list[tuple]:
    """Outcomes sorted when their values can be compared, else in order of appearance."""
    outcomes = list(outcomes)
    try:
        return sorted(outcomes)
    except TypeError:
        return outcomes


def _hashable(value: Any, where: str) -> Hashable:
    if isinstance(value, list):
        value = tuple(value)
    try:
        hash(value)
    except TypeError:
        raise DistributionError(f"{where} is {value!r}, which is not hashable") from None
    return value


def _rows(samples: Any) -> tuple[list[Any], tuple[str, ...] | None, bool]:
    """The observations as a list, default names, and whether they are rows of a table."""
    if hasattr(samples, "columns") and hasattr(samples, "itertuples"):  # pandas DataFrame
        columns = tuple(str(c) for c in samples.columns)
        return [tuple(r) for r in samples.itertuples(index=False, name=None)], columns, True
    if hasattr(samples, "to_numpy") and hasattr(samples, "name"):  # pandas Series
        name = samples.name if isinstance(samples.name, str) else None
        return list(samples.tolist()), (name,) if name else None, False
    if hasattr(samples, "tolist") and hasattr(samples, "ndim"):  # numpy array
        if samples.ndim not in (1, 2):
            raise DistributionError(f"expected a 1-D or 2-D array of samples, got {samples.ndim} dimensions")
        rows = samples.tolist()
        return ([tuple(r) for r in rows] if samples.ndim == 2 else rows), None, samples.ndim == 2
    if isinstance(samples, (bytes, Mapping)) or not isinstance(samples, Iterable):
        raise DistributionError(
            f"expected an iterable of observations, got {type(samples).__name__}"
            + ("; for counts use from_counts()" if isinstance(samples, Mapping) else "")
        )
    return list(samples), None, False


def from_samples(samples: Iterable[Any], *, names: Sequence[str] | str | None = None) -> Distribution:
    """Return the empirical distribution of ``samples``: each outcome has probability ``count / N``.

    Explanation
    ===========

    With one variable each observation is a value (a string is a sequence
    of one-character observations); with several, each observation is a
    tuple (or list) with one value per name.  ``samples`` may also be a
    numpy array (1-D: one variable; 2-D: one row per observation) or a
    pandas DataFrame (one row per observation; the column names are the
    default names) or Series.  Only observed outcomes appear in the
    result.  Outcomes are sorted when their values can be compared.

    Examples
    ========

    >>> from symentropy import entropy
    >>> from symentropy.core.empirical import from_samples
    >>> rolls = from_samples([1, 6, 6, 2, 6, 1], names="D")
    >>> rolls
    Distribution.from_dict({1: '1/3', 2: '1/6', 6: '1/2'}, name='D')
    >>> entropy(rolls)
    2/3 + log(3)/(2*log(2))
    >>> from_samples([("a", 1), ("b", 2), ("a", 1)])
    Distribution.from_dict({('a', 1): '2/3', ('b', 2): '1/3'}, names=('X1', 'X2'))

    Parameters
    ==========

    samples : iterable of observations, numpy array or pandas DataFrame
    names : str or tuple of str, optional
        The variable names.  Default: the DataFrame's columns, else ``"X"``
        for plain values and ``("X1", "X2", ...)`` for tuples.

    See Also
    ========

    from_counts, symentropy.core.distribution.Distribution.from_dict
    """
    rows, default, tabular = _rows(samples)
    if not rows:
        raise DistributionError("from_samples() needs at least one observation; got none")
    if names is None:
        if default is not None:
            names = default
        elif tabular or isinstance(rows[0], (tuple, list)):
            names = tuple(f"X{i}" for i in range(1, len(rows[0]) + 1))
        else:
            names = ("X",)
    checked = _check_names(names)
    width = len(checked)
    counts: Counter[tuple] = Counter()
    for i, row in enumerate(rows):
        if width == 1:
            counts[(_hashable(row, f"observation {i}"),)] += 1
            continue
        if not isinstance(row, (tuple, list)) or len(row) != width:
            size = len(row) if isinstance(row, (tuple, list)) else 1
            raise DistributionError(
                f"observation {i} is {row!r}, with {size} value{'s' if size != 1 else ''}, but there are "
                f"{width} variables {checked!r}"
            )
        counts[tuple(_hashable(v, f"value {j} of observation {i}") for j, v in enumerate(row))] += 1
    total = len(rows)
    outcomes = _ordered(counts)
    return Distribution._trusted(checked, outcomes, [sympy.Rational(counts[o], total) for o in outcomes])


def _count(value: Any, where: str) -> int:
    n = as_exact(value, what=where)
    if not n.is_Integer or n.is_negative:
        raise DistributionError(f"{where} is {n}, not a nonnegative integer")
    return int(n)


def from_counts(
    table: Any,
    *,
    names: Sequence[str] | str | None = None,
    labels: tuple[Iterable[Hashable] | None, Iterable[Hashable] | None] | None = None,
) -> Distribution:
    """Return the distribution with probabilities proportional to ``counts``: ``count / N``.

    Explanation
    ===========

    ``table`` is one of

    - a mapping ``{outcome: count}`` (a :class:`collections.Counter`, a
      pandas Series), outcomes as in
      :meth:`~symentropy.core.distribution.Distribution.from_dict`;
    - a list (or 1-D array) of counts for the outcomes ``0, 1, ...`` of one
      variable;
    - a 2-D contingency table (nested lists, a numpy array or a pandas
      DataFrame) whose rows index the first variable and columns the
      second, as in :meth:`~symentropy.core.distribution.Distribution.from_table`.

    Counts are exact nonnegative integers (floats are refused); outcomes with
    count 0 are kept with probability 0.

    Examples
    ========

    >>> from collections import Counter
    >>> from symentropy import mutual_information
    >>> from symentropy.core.empirical import from_counts
    >>> from_counts(Counter("mississippi"), names="L")
    Distribution.from_dict({'m': '1/11', 'i': '4/11', 's': '4/11', 'p': '2/11'}, name='L')
    >>> table = from_counts([[10, 0], [5, 5]], names=("Smoker", "Cough"))
    >>> table.probability(Smoker=1)
    1/2
    >>> mutual_information(table, "Smoker", "Cough")
    -3*log(3)/(4*log(2)) + 3/2
    >>> from_counts([3, 1.0])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symentropy.errors.InexactInputError: 1.0 (count of outcome 1) is a float, and a float is not exact: ...

    Parameters
    ==========

    table : mapping, sequence of counts or 2-D table of counts
    names : str or tuple of str, optional
        Default as in ``from_dict`` for a mapping, ``"X"`` for a list of
        counts and ``("Y", "X")`` (rows, columns) for a 2-D table.
    labels : (row labels, column labels), optional
        For a 2-D table; each defaults to ``0, 1, ...`` (or the DataFrame's
        index and columns).

    See Also
    ========

    from_samples, symentropy.core.distribution.Distribution.from_table
    """
    if labels is not None and (hasattr(table, "items") and not hasattr(table, "columns")):
        raise DistributionError("labels= is for a 2-D table of counts, not for a mapping")
    if hasattr(table, "columns") and hasattr(table, "index") and hasattr(table, "to_numpy"):  # DataFrame
        rows = table.to_numpy(dtype=object).tolist()
        row_labels, col_labels = list(table.index), list(table.columns)
        return _from_rows(rows, names, (row_labels, col_labels) if labels is None else labels)
    if isinstance(table, Mapping) or (hasattr(table, "items") and hasattr(table, "to_numpy")):  # Series
        pairs = list(table.items())
        if not pairs:
            raise DistributionError("from_counts() needs at least one outcome; got none")
        counts = {key: _count(value, f"count of outcome {key!r}") for key, value in pairs}
        return _normalised(counts, names)
    if hasattr(table, "tolist") and hasattr(table, "ndim"):  # numpy array
        if table.ndim not in (1, 2):
            raise DistributionError(f"expected a 1-D or 2-D table of counts, got {table.ndim} dimensions")
        table = table.tolist()
    if isinstance(table, (str, bytes)) or not isinstance(table, Iterable):
        raise DistributionError(f"expected a mapping or a table of counts, got {type(table).__name__}")
    entries = list(table)
    if not entries:
        raise DistributionError("from_counts() needs at least one outcome; got none")
    if all(isinstance(e, Iterable) and not isinstance(e, (str, bytes)) for e in entries):
        return _from_rows([list(e) for e in entries], names, labels)
    if labels is not None:
        raise DistributionError(
            "labels= is for a 2-D table of counts; a list of counts has outcomes 0, 1, ..."
        )
    counts = {i: _count(value, f"count of outcome {i}") for i, value in enumerate(entries)}
    return _normalised(counts, "X" if names is None else names)


def _from_rows(rows: list[list[Any]], names: Any, labels: Any) -> Distribution:
    names = ("Y", "X") if names is None else names
    checked = _check_names(names)
    if len(checked) != 2:
        raise DistributionError(
            f"a 2-D table of counts has two variables (rows, columns); got names {checked!r}"
        )
    for i, r in enumerate(rows):
        if len(r) != len(rows[0]):
            raise DistributionError(f"row {i} has {len(r)} entries but row 0 has {len(rows[0])}")
    row_labels = col_labels = None
    if labels is not None:
        if len(labels) != 2:
            raise DistributionError("labels must be a pair (row labels, column labels)")
        row_labels = None if labels[0] is None else list(labels[0])
        col_labels = None if labels[1] is None else list(labels[1])
    row_labels = list(range(len(rows))) if row_labels is None else row_labels
    col_labels = list(range(len(rows[0]))) if col_labels is None else col_labels
    if len(row_labels) != len(rows):
        raise DistributionError(f"{len(row_labels)} row labels for {len(rows)} rows")
    if len(col_labels) != len(rows[0]):
        raise DistributionError(f"{len(col_labels)} column labels for {len(rows[0])} columns")
    counts = {
        (a, b): _count(rows[i][j], f"count of outcome {(a, b)!r}")
        for i, a in enumerate(row_labels)
        for j, b in enumerate(col_labels)
    }
    return _normalised(counts, checked)


def _normalised(counts: dict[Any, int], names: Any) -> Distribution:
    total = sum(counts.values())
    if total == 0:
        raise DistributionError("counts sum to 0; at least one count must be positive")
    return Distribution.from_dict({k: sympy.Rational(c, total) for k, c in counts.items()}, names=names)
