"""Exact joint probability distributions over named random variables.

A :class:`Distribution` is an immutable table that maps outcomes (tuples with
one value per variable) to exact probabilities: sympy ``Rational`` numbers,
symbols, or expressions in symbols.

=====================================  ==============================================
constructor                            use
=====================================  ==============================================
:meth:`Distribution.from_dict`         ``{outcome: probability}``
:meth:`Distribution.from_table`        a 2-D table: rows index the first variable
:meth:`Distribution.from_pmf`          a list of probabilities for one variable
:func:`uniform`                        the uniform distribution on ``n`` outcomes
:func:`independent`                    the product of distributions
=====================================  ==============================================

Validation is three-valued.  A table that is provably invalid (a negative
cell, a total that is a number other than 1, a duplicate outcome, ...) raises
:class:`~symentropy.errors.DistributionError` naming the offending cell or
value.  A table whose validity depends on symbols (is ``1 - p`` nonnegative?)
is accepted, and the undecided conditions are recorded in
:attr:`Distribution.conditions`; ``strict=True`` raises
:class:`~symentropy.errors.UndecidedError` instead.

Examples
========

>>> from symentropy import Distribution
>>> coin = Distribution.from_dict({"H": "1/2", "T": "1/2"}, name="X")
>>> coin.probability(X="H")
1/2
>>> d = Distribution.from_table([["1/8", "1/8"], ["1/4", "1/2"]], names=("Y", "X"))
>>> d.marginal("X")
Distribution.from_dict({0: '3/8', 1: '5/8'}, name='X')
>>> Distribution.from_pmf(["1/2", "1/3"])
Traceback (most recent call last):
...
symentropy.errors.DistributionError: probabilities sum to 5/6, not 1
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, product
from operator import attrgetter, itemgetter
from typing import Any

import sympy
from sympy.printing.pretty.stringpict import prettyForm, stringPict

from ..errors import DistributionError, ZeroProbabilityError
from ..kernel.exact import as_exact, substitutions, symbols_in
from ..kernel.numeric import known_sign
from ..kernel.simplify import tidy
from .convert import read_dit, read_pandas, read_xarray, write_dit, write_pandas, write_xarray
from .labels import format_outcome, latex_label, latex_name
from .names import Names, as_group, check_names, unknown_variable
from .tables import read_counts, read_grid, read_samples
from .validate import check_probability, check_total, require_decided, sum_probabilities, total_of

__all__ = [
    "Distribution",
    "uniform",
    "independent",
    "Outcome",
]

#: An outcome: one value per variable, in the order of :attr:`Distribution.names`.
Outcome = tuple

_CENSUS = ("census",)  # see Distribution.census
_GRID = ("grid",)  # (rows, columns) of a table built by from_table, cells in row-major order
_INTEGERS = ("integers",)  # the cells over the common denominator of the census
_numerators, _denominators = attrgetter("p"), attrgetter("q")


def _census(values: Sequence[Any]) -> dict[int, dict[int, int]] | None:
    """``{q: {p: count}}`` of values that are all sympy Rationals ``p/q``; None otherwise.

    One visit per cell, no key tuple per cell: the type of each cell is checked
    where it differs from the cell before, and the counts of a denominator are
    looked up once per run of cells that share it.
    """
    census: dict[int, dict[int, int]] = {}
    last, by, kind = None, {}, None
    for x in values:
        if type(x) is not kind:
            if not issubclass(type(x), sympy.Rational):
                return None
            kind = type(x)
        q = x.q
        if q != last:
            by = census.get(q)
            if by is None:
                by = census[q] = {}
            last = q
        a = x.p
        by[a] = by.get(a, 0) + 1
    return census


def _one_tuples(labels: Sequence[Any]) -> tuple:
    """``((a,), (b,), ...)``: the outcomes of one variable, made in C."""
    return tuple(zip(labels))


def _numbered(n: int) -> tuple:
    """``((0,), (1,), ..., (n - 1,))``: the default outcomes of one variable."""
    return tuple(zip(range(n)))


def _pairs(rows: Sequence[Any], columns: Sequence[Any]) -> tuple:
    """The outcomes of a table, row by row, made in C."""
    return tuple(product(rows, columns))


def _plain_labels(labels: Sequence[Any]) -> bool:
    """True when the labels are hashable, distinct and no NaN (then no per-outcome check is needed)."""
    try:
        return len(set(labels)) == len(labels) and not any(_is_nan(v) for v in labels)
    except TypeError:
        return False

def _format(p: sympy.Expr) -> str:
    return str(p)


class Distribution:
    """An immutable joint probability mass function over named variables.

    Explanation
    ===========

    Outcomes are tuples with one hashable value per variable, in the order of
    :attr:`names`.  Probabilities are exact sympy expressions.  Outcomes of
    probability zero are allowed and kept.  Two distributions are equal when
    they have the same names and give every outcome the same probability
    (an outcome missing from one has probability zero there).

    Use the classmethods to build one; ``Distribution(pmf, names=...)`` is
    the same as :meth:`from_dict`.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> d = Distribution({(0, 0): "1/4", (0, 1): "1/4", (1, 1): "1/2"}, names=("X", "Y"))
    >>> d.names
    ('X', 'Y')
    >>> d[(1, 1)]
    1/2
    >>> d.condition(X=0)
    Distribution.from_dict({(0, 0): '1/2', (0, 1): '1/2'}, names=('X', 'Y'))
    >>> print(d)
    X  Y  P
    0  0  1/4
    0  1  1/4
    1  1  1/2

    See Also
    ========

    symentropy.measures.shannon.entropy, symentropy.measures.shannon.mutual_information
    """

    __slots__ = ("_names", "_made", "_probs", "_index", "_conditions", "_cache", "_hash")

    def __init__(
        self,
        pmf: Mapping[Any, Any],
        *,
        names: Sequence[str] | str | None = None,
        name: str | None = None,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ):
        if names is not None and name is not None:
            raise DistributionError("give either names=... or name=..., not both")
        if name is not None:
            names = (name,)
        if not isinstance(pmf, Mapping):
            raise TypeError(f"expected a mapping from outcomes to probabilities, got {type(pmf).__name__}")
        if names is None:
            first = next(iter(pmf), None)
            width = len(first) if isinstance(first, tuple) else 1
            names = ("X",) if width == 1 else tuple(f"X{i}" for i in range(1, width + 1))
        names = check_names(names)
        single = len(names) == 1
        pairs = []
        for key, value in pmf.items():
            outcome = key if isinstance(key, tuple) and not (single and len(key) != 1) else (key,)
            pairs.append((outcome, value))
        self._init_from_pairs(names, pairs, strict=strict, exact_floats=exact_floats, symbols=symbols)

    # -- construction -------------------------------------------------------
    def _init_from_pairs(
        self,
        names: tuple[str, ...],
        pairs: Iterable[tuple[tuple, Any]],
        *,
        strict: bool,
        exact_floats: bool,
        symbols: Mapping[str, sympy.Symbol] | None,
    ) -> None:
        pairs = list(pairs)
        if not pairs:
            raise DistributionError("a distribution needs at least one outcome; got none")
        namespace = symbols_in(v for _, v in pairs)
        namespace.update(symbols or {})
        index: dict[tuple, int] = {}
        outcomes: list[tuple] = []
        probs: list[sympy.Expr] = []
        conditions: list[sympy.Basic] = []
        width = len(names)
        for outcome, value in pairs:
            if not isinstance(outcome, tuple) or len(outcome) != width:
                size = len(outcome) if isinstance(outcome, tuple) else 1
                raise DistributionError(
                    f"outcome {outcome!r} has {size} value{'s' if size != 1 else ''} but there "
                    f"{'are' if width != 1 else 'is'} {width} variable{'s' if width != 1 else ''} {names!r}"
                )
            try:
                hash(outcome)
            except TypeError:
                raise DistributionError(f"outcome {outcome!r} is not hashable") from None
            if any(_is_nan(v) for v in outcome):
                raise DistributionError(
                    f"outcome {outcome!r} has a NaN label, which is not equal to itself: use another label"
                )
            if outcome in index:
                raise DistributionError(f"outcome {format_outcome(outcome)} appears twice")
            if isinstance(value, sympy.Rational):  # as_exact returns these unchanged
                p = value
            else:
                where = f"outcome {format_outcome(outcome)}"
                p = as_exact(
                    value, exact_floats=exact_floats, symbols=namespace, what=where, offer_exact_floats=True
                )
            if p.is_Rational:  # the common case, decided without a call
                if p.p < 0:
                    raise DistributionError(
                        f"probability of outcome {format_outcome(outcome)} is {p}, which is negative"
                    )
            else:
                p, undecided = check_probability(p, f"probability of outcome {format_outcome(outcome)}")
                conditions.extend(undecided)
            index[outcome] = len(outcomes)
            outcomes.append(outcome)
            probs.append(p)
        self._set(names, tuple(outcomes), tuple(probs), index)
        cells = [p for p in probs if p.is_Symbol]
        conditions.extend(check_total(total_of(probs), "probabilities", nonnegative=cells))
        self._conditions = tuple(conditions)
        if strict:
            require_decided(self._conditions, "a distribution")

    def _init_rational(self, names: tuple[str, ...], outcomes: Callable[[], tuple], values: Sequence) -> bool:
        """Build from sympy Rationals and outcomes known valid, checking each distinct value once.

        ``outcomes()`` makes the outcome tuples, called on first use: the
        measures of a table of rationals work from its census and need none.
        False (nothing set) when a value is not a sympy Rational or the table is
        invalid: the general path then decides, and names the bad cell.
        """
        census = _census(values)
        if census is None or any(a < 0 for by in census.values() for a in by):
            return False
        if len(census) == 1:  # one denominator: the numerators sum to it
            ((q, by),) = census.items()
            if sum(a * k for a, k in by.items()) != q:
                return False
        else:  # the sum of the cells over their common denominator
            common = math.lcm(*census)
            if sum(sum(a * k for a, k in by.items()) * (common // q) for q, by in census.items()) != common:
                return False
        self._set(names, outcomes, tuple(values))
        self._cache[_CENSUS] = census
        return True

    @property
    def _outcomes(self) -> tuple:
        """The outcome tuples, made on first use when the constructor left a recipe."""
        made = self._made
        if type(made) is not tuple:
            made = self._made = made()
        return made

    def _set(
        self,
        names: tuple[str, ...],
        outcomes: tuple | Callable[[], tuple],
        probs: tuple,
        index: dict | None = None,
    ) -> None:
        self._names = names
        self._made = outcomes
        self._probs = probs
        self._index = index  # built on first use (lookups are rare next to measures)
        self._conditions = ()
        self._cache: dict[Any, Any] = {}
        self._hash: int | None = None

    @classmethod
    def _trusted(
        cls, names: tuple[str, ...], outcomes: Sequence[tuple], probs: Sequence[sympy.Expr], conditions: Iterable = ()
    ) -> Distribution:
        """Build from already validated parts (used by operations)."""
        self = object.__new__(cls)
        self._set(names, tuple(outcomes), tuple(probs))
        self._conditions = tuple(dict.fromkeys(conditions))
        return self

    @classmethod
    def from_dict(
        cls,
        pmf: Mapping[Any, Any],
        *,
        names: Sequence[str] | str | None = None,
        name: str | None = None,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ) -> Distribution:
        """Build a distribution from a mapping ``{outcome: probability}``.

        Parameters
        ==========

        pmf : mapping
            Outcomes to probabilities.  With several variables an outcome is a
            tuple with one value per name; with one variable, a plain value.
            Probabilities may be ``int``, ``Fraction``, ``Decimal``, sympy
            expressions or strings such as ``"1/8"`` or ``"1-p"``; floats are
            refused unless ``exact_floats=True``, which reads each float as the
            decimal it prints as (``0.1`` is ``1/10``).
        names : tuple of str
            The variable names, e.g. ``("X", "Y")``.  Default ``("X",)`` for
            plain outcomes, ``("X1", "X2", ...)`` for tuples.
        name : str
            Shorthand for ``names=(name,)``.
        strict : bool
            Raise :class:`~symentropy.errors.UndecidedError` when validity
            depends on symbols, instead of recording the conditions.
        exact_floats : bool
            Read floats as the decimals they print as (``0.1`` is ``1/10``).
        symbols : mapping from str to Symbol
            Symbols to use for names in string entries.

        Examples
        ========

        >>> from symentropy import Distribution
        >>> d = Distribution.from_dict({(1, 1): "1/2", (2, 1): "1/4", (2, 2): "1/4"}, names=("X", "Y"))
        >>> d.probability(X=2)
        1/2
        >>> Distribution.from_dict({"a": "p", "b": "1-p"}).conditions
        (p >= 0, 1 - p >= 0)
        """
        return cls(pmf, names=names, name=name, strict=strict, exact_floats=exact_floats, symbols=symbols)

    @classmethod
    def from_pmf(
        cls,
        probabilities: Iterable[Any],
        *,
        name: str = "X",
        outcomes: Iterable[Hashable] | None = None,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ) -> Distribution:
        """Build a distribution of one variable from a list of probabilities.

        Outcomes default to ``0, 1, 2, ...``.

        >>> from symentropy import Distribution
        >>> Distribution.from_pmf(["1/2", "1/4", "1/4"], outcomes="abc")
        Distribution.from_dict({'a': '1/2', 'b': '1/4', 'c': '1/4'}, name='X')
        """
        if type(probabilities) not in (list, tuple) and (
            isinstance(probabilities, (str, bytes, Mapping)) or not isinstance(probabilities, Iterable)
        ):
            mapping = isinstance(probabilities, Mapping)
            hint = "; for {outcome: probability} use Distribution.from_dict" if mapping else ""
            raise TypeError(f"from_pmf() takes a sequence of probabilities, got {probabilities!r}{hint}")
        values = tuple(probabilities)  # kept as the probabilities: no second copy
        self = object.__new__(cls)
        names = check_names((name,))
        if outcomes is None:
            if self._init_rational(names, functools.partial(_numbered, len(values)), values):
                return self
            labels: Sequence[Any] = range(len(values))
        else:
            labels = list(outcomes)
            if len(labels) != len(values):
                raise DistributionError(f"{len(values)} probabilities but {len(labels)} outcomes")
            if _plain_labels(labels) and self._init_rational(names, functools.partial(_one_tuples, labels), values):
                return self
        self._init_from_pairs(
            names,
            [((o,), v) for o, v in zip(labels, values)],
            strict=strict,
            exact_floats=exact_floats,
            symbols=symbols,
        )
        return self

    @classmethod
    def from_table(
        cls,
        rows: Any,
        *,
        names: Sequence[str] = ("Y", "X"),
        labels: tuple[Iterable[Hashable] | None, Iterable[Hashable] | None] | None = None,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ) -> Distribution:
        """Build a distribution of two variables from a 2-D table.

        Rows index the first name and columns the second, the way textbooks
        print joint tables.  ``rows`` may be nested lists, a numpy array
        (of integers or objects; floats are refused like any float) or a
        pandas DataFrame, whose index and columns become the labels.

        Parameters
        ==========

        rows : 2-D table
        names : (row variable, column variable), default ``("Y", "X")``
        labels : (row labels, column labels); each defaults to ``0, 1, ...``

        Examples
        ========

        Cover & Thomas, Example 2.2.1 prints p(x, y) with y down and x across:

        >>> from symentropy import Distribution
        >>> d = Distribution.from_table(
        ...     [["1/8", "1/16", "1/32", "1/32"],
        ...      ["1/16", "1/8", "1/32", "1/32"],
        ...      ["1/16", "1/16", "1/16", "1/16"],
        ...      ["1/4", 0, 0, 0]],
        ...     names=("Y", "X"), labels=(range(1, 5), range(1, 5)))
        >>> d.probability(X=1, Y=4)
        1/4
        """
        names = check_names(names)
        if len(names) != 2:
            raise DistributionError(f"a table has two variables (rows, columns); got names {names!r}")
        rows, row_labels, col_labels = read_grid(rows, labels)
        self = object.__new__(cls)
        grid = (tuple(row_labels), tuple(col_labels))
        if _plain_labels(row_labels) and _plain_labels(col_labels) and self._init_rational(
            names, functools.partial(_pairs, *grid), list(chain.from_iterable(rows))
        ):
            self._cache[_GRID] = grid
            return self
        self._init_from_pairs(
            names,
            [((a, b), rows[i][j]) for i, a in enumerate(row_labels) for j, b in enumerate(col_labels)],
            strict=strict,
            exact_floats=exact_floats,
            symbols=symbols,
        )
        return self

    @classmethod
    def from_samples(cls, samples: Iterable[Any], *, names: Sequence[str] | str | None = None) -> Distribution:
        """The empirical distribution of ``samples``: each outcome has probability ``count / N``.

        Explanation
        ===========

        With one variable each observation is a value (a string is a
        sequence of one-character observations); with several, each
        observation is a tuple (or list) with one value per name.
        ``samples`` may also be a numpy array (1-D: one variable; 2-D: one
        row per observation) or a pandas DataFrame (one row per observation;
        the column names are the default names) or Series.  Only observed
        outcomes appear in the result, sorted when their values can be
        compared.  The plug-in (maximum-likelihood) estimates of entropy and
        mutual information then come out of data exactly.

        Examples
        ========

        >>> from symentropy import Distribution, entropy, mutual_information
        >>> rolls = Distribution.from_samples([1, 6, 6, 2, 6, 1], names="D")
        >>> rolls
        Distribution.from_dict({1: '1/3', 2: '1/6', 6: '1/2'}, name='D')
        >>> entropy(rolls)
        2/3 + log(3)/(2*log(2))
        >>> Distribution.from_samples([("a", 1), ("b", 2), ("a", 1)])
        Distribution.from_dict({('a', 1): '2/3', ('b', 2): '1/3'}, names=('X1', 'X2'))
        >>> data = [(0, 0), (0, 0), (1, 1), (1, 0)]
        >>> mutual_information(Distribution.from_samples(data, names=("X", "Y")), "X", "Y")
        -3*log(3)/(4*log(2)) + 3/2

        Parameters
        ==========

        samples : iterable of observations, numpy array or pandas DataFrame
        names : str or tuple of str, optional
            The variable names.  Default: the DataFrame's columns, else
            ``"X"`` for plain values and ``("X1", "X2", ...)`` for tuples.

        See Also
        ========

        from_counts, symentropy.core.tables.read_samples
        """
        checked, pairs = read_samples(samples, names)
        outcomes, probs = zip(*pairs)
        return cls._trusted(checked, outcomes, probs)

    @classmethod
    def from_counts(
        cls,
        table: Any,
        *,
        names: Sequence[str] | str | None = None,
        labels: tuple[Iterable[Hashable] | None, Iterable[Hashable] | None] | None = None,
    ) -> Distribution:
        """The distribution with probabilities proportional to counts: ``count / N``.

        Explanation
        ===========

        ``table`` is a mapping ``{outcome: count}`` (a
        :class:`collections.Counter`, a pandas Series), outcomes as in
        :meth:`from_dict`; a list (or 1-D array) of counts for the outcomes
        ``0, 1, ...`` of one variable; or a 2-D contingency table (nested
        lists, a numpy array or a pandas DataFrame) whose rows index the
        first variable and columns the second, as in :meth:`from_table`.
        Counts are exact nonnegative integers (floats are refused); outcomes
        with count 0 are kept with probability 0.

        Examples
        ========

        >>> from collections import Counter
        >>> from symentropy import Distribution, mutual_information
        >>> Distribution.from_counts(Counter("mississippi"), names="L")
        Distribution.from_dict({'m': '1/11', 'i': '4/11', 's': '4/11', 'p': '2/11'}, name='L')
        >>> table = Distribution.from_counts([[10, 0], [5, 5]], names=("Smoker", "Cough"))
        >>> table.probability(Smoker=1)
        1/2
        >>> mutual_information(table, "Smoker", "Cough")
        -3*log(3)/(4*log(2)) + 3/2
        >>> Distribution.from_counts([3, 1.0])  # doctest: +ELLIPSIS
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
            For a 2-D table; each defaults to ``0, 1, ...`` (or the
            DataFrame's index and columns).

        See Also
        ========

        from_samples, symentropy.core.tables.read_counts
        """
        checked, pairs = read_counts(table, names, labels)
        self = object.__new__(cls)
        self._init_from_pairs(checked, pairs, strict=False, exact_floats=False, symbols=None)
        return self

    @classmethod
    def from_validated(
        cls,
        names: Sequence[str],
        outcomes: Sequence[tuple],
        probs: Sequence[sympy.Expr],
        conditions: Iterable = (),
    ) -> Distribution:
        """Build from parts that are already valid, without checking them again.

        For code that derives a distribution from valid ones (a channel's
        joint table, an optimiser's point); ``names`` are checked, the rest
        is trusted: outcomes are distinct tuples of the right length, the
        probabilities exact, nonnegative and summing to 1 under
        ``conditions``.
        """
        return cls._trusted(check_names(names), outcomes, probs, conditions)

    # -- basic access --------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        """The variable names, in the order of the outcome tuples."""
        return self._names

    @property
    def outcomes(self) -> tuple[tuple, ...]:
        """All outcomes (tuples), including those of probability zero."""
        return self._outcomes

    @property
    def probabilities(self) -> tuple[sympy.Expr, ...]:
        """The probabilities, in the order of :attr:`outcomes`."""
        return self._probs

    @property
    def support(self) -> tuple[tuple, ...]:
        """The outcomes whose probability is not (provably) zero."""
        return tuple(o for o, p in zip(self._outcomes, self._probs) if not p.is_zero)

    @property
    def memo(self) -> dict[Any, Any]:
        """A cache of values derived from this distribution (marginals, entropies), keyed by their callers.

        The distribution is immutable, so what is computed from it once
        stays true; measures keep their intermediate results here.
        """
        return self._cache

    @property
    def conditions(self) -> tuple[sympy.Basic, ...]:
        """Conditions on the symbols under which this is a valid distribution.

        Empty when validity was decided.  Results computed from this
        distribution hold whenever these conditions do.
        """
        return self._conditions

    @property
    def free_symbols(self) -> set[sympy.Symbol]:
        """The symbols appearing in the probabilities."""
        out: set[sympy.Symbol] = set()
        for p in self._probs:
            out |= p.free_symbols  # type: ignore[arg-type]
        return out

    @property
    def is_symbolic(self) -> bool:
        """True when some probability contains a symbol."""
        return any(not p.is_number for p in self._probs)

    @property
    def census(self) -> dict[int, dict[int, int]] | None:
        """``{denominator: {numerator: number of cells}}`` when every probability is a Rational; else None.

        Counted once, in one pass (when the table is built from Rationals, else on
        first use): the measures of a table of rationals work from it, so their cost
        grows with the number of distinct probabilities, not of outcomes.

        >>> from symentropy import Distribution
        >>> Distribution.from_pmf(["1/4", "1/2", "1/4"]).census
        {4: {1: 2}, 2: {1: 1}}
        """
        if _CENSUS not in self._cache:
            self._cache[_CENSUS] = _census(self._probs)
        return self._cache[_CENSUS]

    @property
    def is_rational(self) -> bool:
        """True when every probability is a rational number."""
        if "rational" not in self._cache:
            self._cache["rational"] = all(p.is_Rational for p in self._probs)
        return self._cache["rational"]

    def items(self) -> Iterator[tuple[tuple, sympy.Expr]]:
        """Iterate over ``(outcome, probability)`` pairs."""
        return zip(self._outcomes, self._probs)

    def to_dict(self) -> dict[Any, sympy.Expr]:
        """Return ``{outcome: probability}``; outcomes are plain values for one variable."""
        if len(self._names) == 1:
            return {o[0]: p for o, p in self.items()}
        return dict(self.items())

    def __len__(self) -> int:
        return len(self._probs)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._outcomes)

    def __contains__(self, outcome: object) -> bool:
        return self._key(outcome) in self._lookup()

    def _lookup(self) -> dict[tuple, int]:
        if self._index is None:
            self._index = {o: i for i, o in enumerate(self._outcomes)}
        return self._index

    def _key(self, outcome: Any) -> Any:
        if len(self._names) == 1 and not (isinstance(outcome, tuple) and len(outcome) == 1):
            return (outcome,)
        return outcome

    def __getitem__(self, outcome: Any) -> sympy.Expr:
        """Probability of an outcome (zero for an outcome not in the table)."""
        key = self._key(outcome)
        if not isinstance(key, tuple) or len(key) != len(self._names):
            raise DistributionError(
                f"outcome {outcome!r} does not have one value for each of the variables {self._names!r}"
            )
        i = self._lookup().get(key)
        return sympy.Integer(0) if i is None else self._probs[i]

    def positions(self, names: Iterable[str]) -> tuple[int, ...]:
        """The positions of ``names`` in the outcome tuples; UnknownVariableError for a name not here."""
        positions = []
        for n in as_group(names, "names"):
            if n not in self._names:
                raise unknown_variable(n, self._names)
            positions.append(self._names.index(n))
        return tuple(positions)

    def probability(self, event: Mapping[str, Any] | None = None, /, **values: Any) -> sympy.Expr:
        """Return the probability of an event such as ``X=1, Y=2``.

        A value may also be a predicate (a callable returning a bool).

        >>> from symentropy import uniform
        >>> uniform(range(1, 7), name="X").probability(X=lambda x: x % 2 == 0)
        1/2
        """
        matches = self._matcher(event, values)
        return sum_probabilities([p for o, p in self.items() if matches(o)])

    def _matcher(self, event: Mapping[str, Any] | None, values: Mapping[str, Any]) -> Callable[[tuple], bool]:
        spec = dict(event or {})
        overlap = set(spec) & set(values)
        if overlap:
            raise DistributionError(f"variable {sorted(overlap)[0]!r} is given twice in the event")
        spec.update(values)
        if not spec:
            raise DistributionError("an event needs at least one variable, e.g. X=1")
        tests = []
        for (name, value), pos in zip(spec.items(), self.positions(spec), strict=True):
            if callable(value):
                tests.append((pos, value, True))
                continue
            try:
                hash(value)
            except TypeError:
                raise DistributionError(
                    f"the event gives {name} the value {value!r}, which is not an outcome label "
                    "(labels are hashable)"
                ) from None
            tests.append((pos, value, False))

        def matches(outcome: tuple) -> bool:
            for pos, value, is_predicate in tests:
                if is_predicate:
                    if not value(outcome[pos]):
                        return False
                elif outcome[pos] != value:
                    return False
            return True

        return matches

    # -- operations ------------------------------------------------------------
    def marginal(self, *names: str) -> Distribution:
        """Return the marginal distribution of ``names`` (in that order).

        >>> from symentropy import Distribution
        >>> d = Distribution({(0, 0): "1/8", (0, 1): "3/8", (1, 1): "1/2"}, names=("X", "Y"))
        >>> d.marginal("Y")
        Distribution.from_dict({0: '1/8', 1: '7/8'}, name='Y')
        """
        if len(names) == 1 and not isinstance(names[0], str):
            names = tuple(names[0])
        if not names:
            raise DistributionError("marginal() needs at least one variable name")
        names = check_names(names)
        key = ("marginal", names)
        if key in self._cache:
            return self._cache[key]
        positions = self.positions(names)
        census = self.census
        if census is not None and len(positions) == 1:
            result = self._rational_marginal(names, positions[0], census)
            self._cache[key] = result
            return result
        sums: dict[tuple, list[sympy.Expr]] = {}
        if len(positions) == 1:
            (only,) = positions
            for outcome, p in self.items():
                sums.setdefault((outcome[only],), []).append(p)
        else:
            for outcome, p in self.items():
                sums.setdefault(tuple([outcome[i] for i in positions]), []).append(p)
        probs = [sum_probabilities(ps) if len(ps) > 1 else ps[0] for ps in sums.values()]
        result = Distribution._trusted(names, list(sums), probs, self._conditions)
        self._cache[key] = result
        return result

    def _rational_marginal(self, names: tuple[str, ...], position: int, census: dict) -> Distribution:
        """A one-variable marginal of a table of rationals: integer sums over their common denominator."""
        common = math.lcm(*census)
        integers = self._cache.get(_INTEGERS)
        if integers is None:  # each cell's numerator over ``common``, kept for the other marginals
            if len(census) == 1:
                integers = list(map(_numerators, self._probs))
            else:
                scale = {(a, q): a * (common // q) for q, by in census.items() for a in by}
                cells = zip(map(_numerators, self._probs), map(_denominators, self._probs), strict=True)
                integers = list(map(scale.__getitem__, cells))
            self._cache[_INTEGERS] = integers
        grid = self._cache.get(_GRID)
        if grid is not None:  # rows and columns are slices: summed in C
            row_labels, labels = grid
            columns = len(labels)
            if position == 0:
                labels = row_labels
                sums = [sum(integers[i * columns : (i + 1) * columns]) for i in range(len(row_labels))]
            else:
                sums = [sum(integers[j::columns]) for j in range(columns)]
        else:
            totals: dict[Any, int] = {}
            for value, k in zip(map(itemgetter(position), self._outcomes), integers, strict=True):
                totals[value] = totals.get(value, 0) + k
            labels, sums = list(totals), list(totals.values())
        probs = [sympy.Rational(s, common) for s in sums]
        result = Distribution._trusted(names, [(v,) for v in labels], probs, self._conditions)
        result._cache[_CENSUS] = _census(probs)
        return result

    def condition(self, event: Mapping[str, Any] | None = None, /, **values: Any) -> Distribution:
        """Return the distribution conditional on an event such as ``Y=3``.

        The result has the same variables; outcomes outside the event are
        dropped and the others renormalised exactly.  A value may be a
        predicate.  Conditioning on an event of probability zero raises
        :class:`~symentropy.errors.ZeroProbabilityError`.

        >>> from symentropy import uniform, independent
        >>> dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
        >>> s = dice.with_variable("S", lambda a, b: a + b)
        >>> s.condition(S=3).marginal("A")
        Distribution.from_dict({1: '1/2', 2: '1/2'}, name='A')
        """
        matches = self._matcher(event, values)
        kept = [(o, p) for o, p in self.items() if matches(o)]
        total = sum_probabilities([p for _, p in kept])
        if not kept or known_sign(total) == 0:
            spec = {**dict(event or {}), **values}
            for name, value in spec.items():  # a value the variable never takes says so by name
                position = self._names.index(name)
                if not callable(value) and all(o[position] != value for o in self._outcomes):
                    taken = ", ".join(repr(v) for v in dict.fromkeys(o[position] for o in self._outcomes))
                    raise ZeroProbabilityError(
                        f"cannot condition on {name}={value!r}: {name} never takes the value {value!r}; "
                        f"its values are {taken}"
                    )
            described = ", ".join(f"{k}={v!r}" for k, v in spec.items())
            raise ZeroProbabilityError(f"cannot condition on {described}: it has probability 0")
        conditions = list(self._conditions)
        if not total.is_number and not total.is_positive:
            conditions.append(sympy.Gt(total, 0))
        probs = [p / total if total != 1 else p for _, p in kept]
        if not total.is_number:
            probs = [tidy(sympy.cancel(p)) for p in probs]
        return Distribution._trusted(self._names, [o for o, _ in kept], probs, conditions)

    def conditional(self, names: str | Sequence[str], given: str | Sequence[str]) -> dict[Any, Distribution]:
        """Return the conditional distributions ``p(names | given)``.

        The result maps each outcome of ``given`` with nonzero probability
        (a plain value for one variable, else a tuple) to the distribution
        of ``names`` given that outcome.

        >>> from symentropy import Distribution
        >>> d = Distribution({(0, 0): "1/4", (0, 1): "1/4", (1, 1): "1/2"}, names=("X", "Y"))
        >>> d.conditional("X", given="Y")
        {0: Distribution.from_dict({0: '1'}, name='X'), 1: Distribution.from_dict({0: '1/3', 1: '2/3'}, name='X')}
        """
        names = as_group(names, "names")
        given = as_group(given, "given")
        self.positions(names + given)
        joint = self.marginal(*dict.fromkeys(given + names))
        table: dict[Any, Distribution] = {}
        for g in joint.marginal(*given).support:
            event = dict(zip(given, g))
            cond = joint.condition(event).marginal(*names)
            table[g[0] if len(given) == 1 else g] = cond
        return table

    def with_variable(
        self, name: str, function: Callable[..., Hashable], *, inputs: Sequence[str] | str | None = None
    ) -> Distribution:
        """Add a variable that is a function of others, e.g. ``Z = X xor Y``.

        ``function`` is called with the values of ``inputs`` (default: all
        variables, in order) for every outcome.

        >>> from symentropy import uniform, independent
        >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
        >>> bits.with_variable("Z", lambda x, y: x ^ y).marginal("Z")
        Distribution.from_dict({0: '1/2', 1: '1/2'}, name='Z')
        """
        names = check_names(self._names + (name,))
        sources = self._names if inputs is None else as_group(inputs, "inputs")
        positions = self.positions(sources)
        outcomes = []
        for o in self._outcomes:
            value = function(*(o[i] for i in positions))
            try:
                hash(value)
            except TypeError:
                raise DistributionError(
                    f"the function gave {value!r} for outcome {format_outcome(o)}, which is not hashable"
                ) from None
            outcomes.append(o + (value,))
        return Distribution._trusted(names, outcomes, self._probs, self._conditions)

    def rename(self, mapping: Mapping[str, str] | None = None, /, **names: str) -> Distribution:
        """Return a copy with variables renamed, e.g. ``d.rename(X="A")``."""
        spec = {**dict(mapping or {}), **names}
        self.positions(spec)
        new = check_names(tuple(spec.get(n, n) for n in self._names))
        return Distribution._trusted(new, self._outcomes, self._probs, self._conditions)

    def subs(self, *args: Any) -> Distribution:
        """Substitute into every probability and revalidate.

        The arguments are those of :meth:`sympy.Basic.subs`: ``(old, new)``,
        a mapping or a list of pairs, substituted simultaneously.  Values are
        exact (strings are read by the safe grammar; ``"p"`` names this
        distribution's own symbol ``p``).

        >>> from sympy import Symbol
        >>> from symentropy import Distribution
        >>> p = Symbol("p")
        >>> Distribution.from_pmf([p, 1 - p]).subs(p, "1/4")
        Distribution.from_dict({0: '1/4', 1: '3/4'}, name='X')
        >>> Distribution.from_pmf([p, 1 - p]).subs({"p": 2})
        Traceback (most recent call last):
        ...
        symentropy.errors.DistributionError: probability of outcome 1 is -1, which is negative
        """
        symbols = {s.name: s for s in self.free_symbols}
        pairs = substitutions(args, symbols=symbols, what="Distribution.subs()")
        new = [p.subs(pairs, simultaneous=True) for p in self._probs]
        result = object.__new__(Distribution)
        result._init_from_pairs(
            self._names, list(zip(self._outcomes, new)), strict=False, exact_floats=False, symbols=None
        )
        return result

    def info(self, notation: str, *, base: Any = 2, symbols: Mapping[str, sympy.Symbol] | None = None) -> sympy.Expr:
        """Evaluate textbook notation such as ``"I(X;Y|Z)"``; see :func:`symentropy.measures.info.info`.

        >>> from symentropy import Distribution
        >>> d = Distribution({(0, 0): "1/2", (1, 1): "1/2"}, names=("X", "Y"))
        >>> d.info("I(X;Y)"), d.info("H(X|Y=1)")
        (1, 0)
        """
        from ..measures.info import info  # a convenience that delegates upward, like Expr.integrate

        return info(self, notation, base=base, symbols=symbols)

    # -- converters (optional extras; symentropy.core.convert) ------------------
    @classmethod
    def from_dit(
        cls, dist: Any, *, names: Names | None = None, strict: bool = False, exact_floats: bool = False
    ) -> Distribution:
        """The distribution of a ``dit.Distribution``; see :func:`~symentropy.core.convert.read_dit`."""
        return cls._from_raw(read_dit(dist, names), strict, exact_floats)

    def to_dit(self) -> Any:
        """A ``dit.Distribution``, exact; see :func:`~symentropy.core.convert.write_dit`."""
        return write_dit(self._names, self._outcomes, self._probs)

    @classmethod
    def from_xarray(
        cls, array: Any, *, names: Names | None = None, strict: bool = False, exact_floats: bool = False
    ) -> Distribution:
        """The distribution of a DataArray; see :func:`~symentropy.core.convert.read_xarray`."""
        return cls._from_raw(read_xarray(array, names), strict, exact_floats)

    def to_xarray(self) -> Any:
        """An ``xarray.DataArray``, exact; see :func:`~symentropy.core.convert.write_xarray`."""
        return write_xarray(self._names, self._outcomes, self._probs)

    @classmethod
    def from_pandas(
        cls,
        data: Any,
        *,
        names: Names | None = None,
        probability: str = "P",
        strict: bool = False,
        exact_floats: bool = False,
    ) -> Distribution:
        """The distribution of a Series or DataFrame; see :func:`~symentropy.core.convert.read_pandas`."""
        return cls._from_raw(read_pandas(data, names, probability), strict, exact_floats)

    def to_pandas(self) -> Any:
        """A pandas Series, exact; see :func:`~symentropy.core.convert.write_pandas`."""
        return write_pandas(self._names, self._outcomes, self._probs)

    @classmethod
    def _from_raw(cls, parts: tuple, strict: bool, exact_floats: bool) -> Distribution:
        self = object.__new__(cls)
        self._init_from_pairs(parts[0], parts[1], strict=strict, exact_floats=exact_floats, symbols=None)
        return self

    # -- comparison, hashing, printing ------------------------------------------
    def _nonzero_items(self) -> frozenset:
        return frozenset((o, p) for o, p in self.items() if not p.is_zero)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        return self._names == other._names and self._nonzero_items() == other._nonzero_items()

    def __reduce_ex__(self, protocol: int) -> tuple:
        # the parts only: the cached hash depends on the process's hash seed, the memo is derived
        if protocol < 2:
            raise TypeError(
                f"a {type(self).__name__} holds sympy numbers, which pickle with protocol 2 or higher "
                "(the default); pass protocol=2 or leave it out"
            )
        return (Distribution.from_validated, (self._names, self._outcomes, self._probs, self._conditions))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self._names, self._nonzero_items()))
        return self._hash

    def __repr__(self) -> str:
        if len(self._names) == 1:
            body = ", ".join(f"{o[0]!r}: '{_format(p)}'" for o, p in self.items())
            return f"Distribution.from_dict({{{body}}}, name={self._names[0]!r})"
        body = ", ".join(f"{o!r}: '{_format(p)}'" for o, p in self.items())
        return f"Distribution.from_dict({{{body}}}, names={self._names!r})"

    def __str__(self) -> str:
        header = list(self._names) + ["P"]
        rows = [[str(v) for v in o] + [_format(p)] for o, p in self.items()]
        widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header] + rows]
        return "\n".join(lines)

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        """LaTeX ``array``: a grid for two variables (rows: the first), else one row per outcome."""
        names = [latex_name(n, printer) for n in self._names]
        if len(self._names) == 2:
            rows, cols = self.grid()
            head = rf"{names[0]} \backslash {names[1]} & " + " & ".join(latex_label(c, printer) for c in cols)
            body = [
                latex_label(r, printer) + " & " + " & ".join(printer._print(self[(r, c)]) for c in cols)
                for r in rows
            ]
            spec = "c|" + "c" * len(cols)
        else:
            head = " & ".join(names) + rf" & P({', '.join(names)})"
            body = [
                " & ".join(latex_label(v, printer) for v in o) + " & " + printer._print(p) for o, p in self.items()
            ]
            spec = "c" * len(names) + "|c"
        rows_tex = r" \\ ".join(body)
        return rf"\begin{{array}}{{{spec}}} {head} \\ \hline {rows_tex} \end{{array}}"

    def grid(self) -> tuple[list, list]:
        """Row and column labels of a two-variable table, in order of first appearance.

        >>> from symentropy import Distribution
        >>> Distribution.from_table([["1/4", "1/4"], ["1/2", 0]], names=("Y", "X"), labels=("ab", "uv")).grid()
        (['a', 'b'], ['u', 'v'])
        """
        if len(self._names) != 2:
            raise DistributionError(f"grid() is for a distribution of two variables, not of {self._names!r}")
        rows = list(dict.fromkeys(o[0] for o in self._outcomes))
        cols = list(dict.fromkeys(o[1] for o in self._outcomes))
        return rows, cols

    def _pretty(self, printer: Any) -> Any:
        """A table for sympy's pretty printer (``pprint``), one row per outcome."""
        header = [prettyForm(n) for n in self._names] + [prettyForm("P")]
        rows = [header] + [[prettyForm(str(v)) for v in o] + [printer._print(p)] for o, p in self.items()]
        widths = [max(r[i].width() for r in rows) for i in range(len(header))]
        lines = []
        for r in rows:
            cells: list[Any] = []
            for i, (cell, width) in enumerate(zip(r, widths)):
                if i:
                    cells.append("  ")
                cells.append(prettyForm(*cell.right(" " * (width - cell.width()))) if cell.width() < width else cell)
            lines.append(prettyForm(*stringPict.next(*cells)))
        rule = ("\N{BOX DRAWINGS LIGHT HORIZONTAL}" if printer._use_unicode else "-") * lines[0].width()
        picture = prettyForm(*stringPict.stack(lines[0], rule, *lines[1:]))
        picture.baseline = picture.height() // 2
        return picture

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter: a grid for two variables, else one row per outcome."""
        def cell(tag: str, value: Any) -> str:
            return f"<{tag}>{html.escape(str(value))}</{tag}>"

        limit = 60
        if len(self._names) == 2:
            rows, cols = self.grid()
            corner = f"{self._names[0]} \\ {self._names[1]}"
            head = cell("th", corner) + "".join(cell("th", c) for c in cols)
            body = [cell("th", r) + "".join(cell("td", self[(r, c)]) for c in cols) for r in rows[:limit]]
            hidden = len(rows) - limit
        else:
            head = "".join(cell("th", n) for n in self._names) + cell("th", "P")
            body = [
                "".join(cell("th", v) for v in o) + cell("td", p) for o, p in list(self.items())[:limit]
            ]
            hidden = len(self._outcomes) - limit
        if hidden > 0:
            width = len(self.grid()[1]) + 1 if len(self._names) == 2 else len(self._names) + 1
            body.append(f'<td colspan="{width}">&hellip; {hidden} more rows</td>')
        rows_html = "".join(f"<tr>{b}</tr>" for b in body)
        return f'<table class="symentropy-distribution"><thead><tr>{head}</tr></thead><tbody>{rows_html}</tbody></table>'

    def _repr_latex_(self) -> str:
        return "$\\displaystyle " + sympy.latex(self) + "$"


def _is_nan(value: Any) -> bool:
    """Whether an outcome label is a NaN (a float, Decimal or sympy nan): equal to nothing, itself included."""
    try:
        return bool(value != value)
    except Exception:  # noqa: BLE001  (labels of any type: a comparison that fails is not a NaN)
        return False


def uniform(n: int | Iterable[Hashable], *, name: str = "X") -> Distribution:
    """The uniform distribution on ``n`` outcomes ``0, ..., n-1``, or on the given outcomes.

    ``n`` may be a positive integer or an iterable of distinct outcomes.

    >>> from symentropy import uniform, entropy
    >>> die = uniform(range(1, 7), name="X")
    >>> die.probability(X=3)
    1/6
    >>> entropy(die)
    1 + log(3)/log(2)
    """
    if isinstance(n, bool):
        raise DistributionError(f"uniform() needs a positive integer or outcomes, got {n!r}")
    if isinstance(n, int):
        if n < 1:
            raise DistributionError(f"uniform() needs at least one outcome, got n={n}")
        outcomes: list[Hashable] = list(range(n))
    else:
        outcomes = list(n)
        if not outcomes:
            raise DistributionError("uniform() needs at least one outcome; got none")
    p = sympy.Rational(1, len(outcomes))
    return Distribution.from_pmf([p] * len(outcomes), name=name, outcomes=outcomes)


def independent(*distributions: Distribution) -> Distribution:
    """The product distribution of distributions over disjoint variables.

    >>> from symentropy import uniform, independent, mutual_information
    >>> d = independent(uniform(2, name="X"), uniform(3, name="Y"))
    >>> d.names, len(d)
    (('X', 'Y'), 6)
    >>> mutual_information(d, "X", "Y")
    0
    """
    if not distributions:
        raise DistributionError("independent() needs at least one distribution")
    for d in distributions:
        if not isinstance(d, Distribution):
            raise TypeError(f"independent() takes Distribution objects, got {type(d).__name__}")
    names: tuple[str, ...] = ()
    for d in distributions:
        names += d.names
    names = check_names(names)
    outcomes: list[tuple] = [()]
    probs: list[sympy.Expr] = [sympy.Integer(1)]
    conditions: list[sympy.Basic] = []
    for d in distributions:
        outcomes = [o + o2 for o in outcomes for o2 in d.outcomes]
        probs = [p * p2 for p in probs for p2 in d.probabilities]
        conditions.extend(d.conditions)
    return Distribution._trusted(names, outcomes, probs, conditions)
