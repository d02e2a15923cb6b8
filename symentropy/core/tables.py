"""Reading tables and data: 2-D grids, samples and counts, before they become distributions.

=====================================  ===============================================
function                               reads
=====================================  ===============================================
:func:`read_grid`                      a 2-D table (nested lists, numpy array, pandas
                                       DataFrame) with its row and column labels
:func:`read_samples`                   observations: values, tuples, rows of an array
                                       or of a DataFrame; gives ``count / N``
:func:`read_counts`                    counts: ``{outcome: count}``, a list of counts
                                       or a 2-D contingency table; gives ``count / N``
=====================================  ===============================================

These functions know no Distribution: they return names and
``(outcome, probability)`` pairs, which
:meth:`~symentropy.core.distribution.Distribution.from_table`,
:meth:`~symentropy.core.distribution.Distribution.from_samples` and
:meth:`~symentropy.core.distribution.Distribution.from_counts` turn into one.
numpy and pandas objects are recognised by their attributes, so neither
package is imported.

Examples
========

>>> from symentropy.core.tables import read_samples, read_grid
>>> read_samples("abracadabra", names="L")
(('L',), [(('a',), 5/11), (('b',), 2/11), (('c',), 1/11), (('d',), 1/11), (('r',), 2/11)])
>>> read_grid([[1, 2], [3, 4]], labels=(None, "ab"))
([[1, 2], [3, 4]], [0, 1], ['a', 'b'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ..errors import DistributionError
from ..kernel.exact import as_exact
from .names import check_names

__all__ = ["read_grid", "read_samples", "read_counts", "Pairs"]

#: Names and ``(outcome, probability)`` pairs: what the readers return.
Pairs = tuple[tuple[str, ...], list[tuple[tuple, sympy.Expr]]]


def read_grid(
    table: Any, labels: Any = None, *, what: str = "table"
) -> tuple[list[list[Any]], list[Any], list[Any]]:
    """Read a 2-D table: ``(rows, row labels, column labels)``.

    ``table`` is nested lists, a sympy Matrix, a 2-D numpy array or a pandas
    DataFrame (whose index and columns are the default labels).  ``labels``
    is ``None`` or a pair ``(row labels, column labels)``, each ``None`` for
    ``0, 1, ...``.  An empty table, ragged rows and label counts that do not
    match raise DistributionError; ``what`` names the table in messages.
    """
    row_labels = col_labels = None
    if isinstance(table, sympy.MatrixBase):
        table = table.tolist()
    if hasattr(table, "columns") and hasattr(table, "index") and hasattr(table, "to_numpy"):  # pandas
        row_labels, col_labels = list(table.index), list(table.columns)
        table = table.to_numpy(dtype=object).tolist()
    elif hasattr(table, "tolist") and hasattr(table, "ndim"):  # numpy
        if table.ndim != 2:
            raise DistributionError(f"a {what} is 2-D; got an ndarray with {table.ndim} dimensions")
        table = table.tolist()
    if isinstance(table, (str, bytes, Mapping)) or not isinstance(table, Iterable):
        raise DistributionError(f"a {what} is a list of rows; got {table!r}")
    rows = [list(r) if isinstance(r, Iterable) and not isinstance(r, (str, bytes)) else r for r in table]
    if not rows or not rows[0]:
        raise DistributionError(f"the {what} is empty: it needs at least one row and one column")
    for i, r in enumerate(rows):
        if not isinstance(r, list):
            raise DistributionError(f"row {i} of the {what} is {r!r}, not a row of probabilities")
        if len(r) != len(rows[0]):
            raise DistributionError(f"row {i} has {len(r)} entries but row 0 has {len(rows[0])}")
    if labels is not None:
        if len(labels) != 2:
            raise DistributionError("labels must be a pair (row labels, column labels)")
        if labels[0] is not None:
            row_labels = list(labels[0])
        if labels[1] is not None:
            col_labels = list(labels[1])
    row_labels = list(range(len(rows))) if row_labels is None else row_labels
    col_labels = list(range(len(rows[0]))) if col_labels is None else col_labels
    if len(row_labels) != len(rows):
        raise DistributionError(f"{len(row_labels)} row labels for {len(rows)} rows")
    if len(col_labels) != len(rows[0]):
        raise DistributionError(f"{len(col_labels)} column labels for {len(rows[0])} columns")
    return rows, row_labels, col_labels


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


def read_samples(samples: Iterable[Any], names: Sequence[str] | str | None = None) -> Pairs:
    """Names and ``(outcome, count / N)`` pairs of the observed outcomes (sorted when comparable).

    With one variable each observation is a value (a string is a sequence of
    one-character observations); with several, a tuple or list with one value
    per name.  Default names: a DataFrame's columns, else ``"X"`` for plain
    values and ``("X1", "X2", ...)`` for tuples.
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
    checked = check_names(names)
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
    return checked, [(o, sympy.Rational(counts[o], total)) for o in _ordered(counts)]


def _count(value: Any, where: str) -> int:
    n = as_exact(value, what=where)
    if not n.is_Integer or n.is_negative:
        raise DistributionError(f"{where} is {n}, not a nonnegative integer")
    return int(n)


def read_counts(
    table: Any,
    names: Sequence[str] | str | None = None,
    labels: tuple[Iterable[Hashable] | None, Iterable[Hashable] | None] | None = None,
) -> Pairs:
    """Names and ``(outcome, count / N)`` pairs of a table of counts; outcomes of count 0 are kept.

    ``table`` is a mapping ``{outcome: count}`` (a Counter, a pandas Series),
    a list (or 1-D array) of counts for the outcomes ``0, 1, ...``, or a 2-D
    contingency table (rows index the first variable).  Counts are exact
    nonnegative integers.  Default names: ``"X"`` for a list, ``("Y", "X")``
    for a 2-D table, as ``from_dict`` for a mapping.
    """
    if labels is not None and (hasattr(table, "items") and not hasattr(table, "columns")):
        raise DistributionError("labels= is for a 2-D table of counts, not for a mapping")
    if hasattr(table, "columns") and hasattr(table, "index") and hasattr(table, "to_numpy"):  # DataFrame
        return _from_grid(table, names, labels)
    if isinstance(table, Mapping) or (hasattr(table, "items") and hasattr(table, "to_numpy")):  # Series
        pairs = list(table.items())
        if not pairs:
            raise DistributionError("from_counts() needs at least one outcome; got none")
        counts = {key: _count(value, f"count of outcome {key!r}") for key, value in pairs}
        if names is None:
            first = next(iter(counts))
            width = len(first) if isinstance(first, tuple) else 1
            names = ("X",) if width == 1 else tuple(f"X{i}" for i in range(1, width + 1))
        checked = check_names(names)
        single = len(checked) == 1
        keys = {k: (k if isinstance(k, tuple) and not (single and len(k) != 1) else (k,)) for k in counts}
        return checked, _normalised({keys[k]: c for k, c in counts.items()})
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
        return _from_grid([list(e) for e in entries], names, labels)
    if labels is not None:
        raise DistributionError(
            "labels= is for a 2-D table of counts; a list of counts has outcomes 0, 1, ..."
        )
    checked = check_names("X" if names is None else names)
    counts = {(i,): _count(value, f"count of outcome {i}") for i, value in enumerate(entries)}
    return checked, _normalised(counts)


def _from_grid(table: Any, names: Any, labels: Any) -> Pairs:
    checked = check_names(("Y", "X") if names is None else names)
    if len(checked) != 2:
        raise DistributionError(
            f"a 2-D table of counts has two variables (rows, columns); got names {checked!r}"
        )
    rows, row_labels, col_labels = read_grid(table, labels)
    counts = {
        (a, b): _count(rows[i][j], f"count of outcome {(a, b)!r}")
        for i, a in enumerate(row_labels)
        for j, b in enumerate(col_labels)
    }
    return checked, _normalised(counts)


def _normalised(counts: dict[tuple, int]) -> list[tuple[tuple, sympy.Expr]]:
    total = sum(counts.values())
    if total == 0:
        raise DistributionError("counts sum to 0; at least one count must be positive")
    return [(k, sympy.Rational(c, total)) for k, c in counts.items()]
