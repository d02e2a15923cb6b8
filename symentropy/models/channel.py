"""Discrete memoryless channels: conditional pmfs ``W(y|x)`` with exact entries.

A :class:`Channel` is a table of transition probabilities, one row per input
symbol and one column per output symbol; every row is a distribution.  It
turns an input distribution into the joint distribution of ``(X, Y)``, the
output distribution, and the mutual information ``I(X; Y)``.  Capacities are
in :mod:`symentropy.measures.capacity`.

=========================================  ==============================================
constructor                                channel
=========================================  ==============================================
:class:`Channel`                           any table of rows ``W(.|x)``
:meth:`Channel.from_dict`                  ``{x: {y: W(y|x)}}``
:func:`binary_symmetric_channel`           bits flipped with probability ``p``
:func:`binary_erasure_channel`             bits erased (output ``"e"``) with probability ``alpha``
:func:`z_channel`                          ``0`` kept, ``1`` turned into ``0`` with probability ``p``
:func:`q_ary_symmetric_channel`            ``q`` symbols, error ``p`` spread evenly
:func:`erasure_error_channel`              bits erased with probability ``alpha``, flipped with ``epsilon``
:func:`noisy_typewriter`                   each letter typed as itself or a neighbour
:func:`additive_noise_channel`             ``Y = X + Z``, optionally modulo ``m``
:func:`cascade`                            ``X -> Y -> Z`` through two channels in a row
:func:`channel_product`                    channels used in parallel, once each
:func:`channel_sum`                        one of several channels used at a time
=========================================  ==============================================

Entries are validated like a distribution, row by row: a negative entry or a
row whose sum is a number other than 1 raises
:class:`~symentropy.errors.DistributionError` naming the row; validity that
depends on symbols is recorded in :attr:`Channel.conditions`.

Examples
========

>>> from sympy import Symbol
>>> from symentropy.models.channel import binary_symmetric_channel, z_channel
>>> bsc = binary_symmetric_channel("1/4")
>>> bsc.output(["1/2", "1/2"])
Distribution.from_dict({0: '1/2', 1: '1/2'}, name='Y')
>>> bsc.mutual_information(["1/2", "1/2"])
-1 + 3*log(3)/(4*log(2))
>>> p = Symbol("p")
>>> print(z_channel(p))
X\\Y  0  1
0    1  0
1    p  1 - p
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.tables import read_grid
from ..core.validate import check_probability, check_total, require_decided, sum_probabilities
from ..errors import DistributionError
from ..kernel.exact import as_exact, as_parameter, substitutions, symbols_in
from ..kernel.logbase import Base
from ..kernel.numeric import known_sign
from ..kernel.simplify import tidy

__all__ = [
    "Channel",
    "binary_symmetric_channel",
    "binary_erasure_channel",
    "z_channel",
    "q_ary_symmetric_channel",
    "erasure_error_channel",
    "noisy_typewriter",
    "additive_noise_channel",
    "cascade",
    "channel_product",
    "channel_sum",
    "InputPmf",
]

#: What the methods taking an input distribution accept: a one-variable
#: :class:`~symentropy.core.distribution.Distribution` over (some of) the inputs, a
#: mapping ``{input: probability}``, or a sequence of probabilities in the
#: order of :attr:`Channel.inputs`.
InputPmf = Distribution | Mapping[Any, Any] | Sequence[Any]


def _labels(labels: Iterable[Hashable] | None, count: int, what: str) -> tuple:
    if labels is None:
        return tuple(range(count))
    if isinstance(labels, str):
        labels = tuple(labels)
    result = tuple(labels)
    if len(result) != count:
        plural = "s" if count != 1 else ""
        raise DistributionError(f"{len(result)} {what} labels for {count} {what}{plural}")
    seen: set = set()
    for label in result:
        try:
            hash(label)
        except TypeError:
            raise DistributionError(f"{what} label {label!r} is not hashable") from None
        if label in seen:
            raise DistributionError(f"{what} label {label!r} appears twice")
        seen.add(label)
    return result


class Channel:
    """A discrete memoryless channel: a conditional pmf ``W(y|x)`` with exact entries.

    Explanation
    ===========

    Row ``i`` of ``matrix`` is the distribution of the output given input
    ``inputs[i]``; column ``j`` belongs to output ``outputs[j]``.  Entries are
    integers, fractions, strings such as ``"1/3"`` or ``"1-p"``, or sympy
    expressions; floats are refused unless ``exact_floats=True``.  Each row
    must be a distribution: an entry that is provably negative, or a row
    whose sum is a number other than 1, raises
    :class:`~symentropy.errors.DistributionError` naming the row.  When
    validity depends on symbols, the conditions are kept in
    :attr:`conditions` (``strict=True`` raises
    :class:`~symentropy.errors.UndecidedError` instead).

    A channel is immutable and hashable.

    Examples
    ========

    >>> from symentropy.models.channel import Channel
    >>> w = Channel([["1/2", "1/2", 0], [0, "1/3", "2/3"]], inputs="ab", outputs=(1, 2, 3))
    >>> w["b", 3]
    2/3
    >>> w.joint({"a": "1/2", "b": "1/2"}).marginal("Y")
    Distribution.from_dict({1: '1/4', 2: '5/12', 3: '1/3'}, name='Y')
    >>> Channel([["1/2", "1/3"], [0, 1]])
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: row 0 (input 0) sums to 5/6, not 1

    Parameters
    ==========

    matrix : 2-D table
        Nested lists, a numpy array of integers or objects, or a sympy Matrix.
    inputs, outputs : sequences of hashable labels, optional
        Labels of the rows and of the columns; ``0, 1, ...`` by default.
    strict : bool
        Raise :class:`~symentropy.errors.UndecidedError` when validity
        depends on symbols.
    exact_floats : bool
        Read floats as the decimals they print as (``0.1`` is ``1/10``).
    symbols : mapping from str to Symbol
        Symbols to use for names in string entries.

    See Also
    ========

    symentropy.measures.capacity.capacity, Channel.joint, Channel.mutual_information

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, section 7.1.
    """

    __slots__ = ("_rows", "_inputs", "_outputs", "_conditions", "_structure", "_cache", "_hash")

    def __init__(
        self,
        matrix: Any,
        inputs: Iterable[Hashable] | None = None,
        outputs: Iterable[Hashable] | None = None,
        *,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ):
        raw = read_grid(matrix, what="channel matrix")[0]  # nonempty and rectangular
        width = len(raw[0])
        ins = _labels(inputs, len(raw), "input")
        outs = _labels(outputs, width, "output")
        namespace = symbols_in(v for row in raw for v in row)
        namespace.update(symbols or {})
        rows: list[tuple[sympy.Expr, ...]] = []
        conditions: list[sympy.Basic] = []
        for i, (x, row) in enumerate(zip(ins, raw, strict=True)):
            values = []
            for y, value in zip(outs, row, strict=True):
                w = as_exact(
                    value, exact_floats=exact_floats, symbols=namespace, what=f"W({y!r} | {x!r})",
                    offer_exact_floats=True,
                )
                w, undecided = check_probability(w, f"W({y!r} | {x!r})")
                values.append(w)
                conditions.extend(undecided)
            total = sum_probabilities(values)
            cells = [w for w in values if w.is_Symbol]
            conditions.extend(check_total(total, f"row {i} (input {x!r})", verb="sums", nonnegative=cells))
            rows.append(tuple(values))
        if strict:
            require_decided(tuple(dict.fromkeys(conditions)), "a channel")
        self._set(tuple(rows), ins, outs, tuple(dict.fromkeys(conditions)))

    def _set(
        self, rows: tuple, inputs: tuple, outputs: tuple, conditions: tuple, structure: Any = None
    ) -> None:
        self._rows = rows
        self._inputs = inputs
        self._outputs = outputs
        self._conditions = conditions
        self._structure = structure
        self._cache: dict[Any, Any] = {}
        self._hash: int | None = None

    @classmethod
    def _trusted(
        cls, rows: Sequence[Sequence[sympy.Expr]], inputs: Sequence, outputs: Sequence,
        conditions: Iterable = (), structure: Any = None,
    ) -> Channel:
        """Build from validated parts (used by the constructors that combine channels)."""
        self = object.__new__(cls)
        self._set(tuple(tuple(r) for r in rows), tuple(inputs), tuple(outputs),
                  tuple(dict.fromkeys(conditions)), structure)
        return self

    def __reduce_ex__(self, protocol: int) -> tuple:
        # the parts only: the cached hash depends on the process's hash seed, the memo is derived
        if protocol < 2:
            raise TypeError(
                f"a {type(self).__name__} holds sympy numbers, which pickle with protocol 2 or higher "
                "(the default); pass protocol=2 or leave it out"
            )
        return (Channel._trusted, (self._rows, self._inputs, self._outputs, self._conditions, self._structure))

    @classmethod
    def from_dict(
        cls,
        rows: Mapping[Hashable, Mapping[Hashable, Any]],
        *,
        outputs: Iterable[Hashable] | None = None,
        strict: bool = False,
        exact_floats: bool = False,
        symbols: Mapping[str, sympy.Symbol] | None = None,
    ) -> Channel:
        """Build a channel from ``{input: {output: W(output | input)}}``.

        Outputs missing from a row have probability 0.  The outputs are
        ordered as first met, unless ``outputs`` gives the order.

        >>> from symentropy.models.channel import Channel
        >>> w = Channel.from_dict({"a": {"a": "3/4", "b": "1/4"}, "b": {"b": 1}})
        >>> w.outputs, w["a", "b"]
        (('a', 'b'), 1/4)
        """
        if not isinstance(rows, Mapping):
            raise TypeError(f"expected a mapping from inputs to rows, got {type(rows).__name__}")
        for x, row in rows.items():
            if not isinstance(row, Mapping):
                raise DistributionError(f"the row of input {x!r} is {row!r}, not a mapping from outputs")
        if outputs is None:
            outs = tuple(dict.fromkeys(y for row in rows.values() for y in row))
        else:
            outs = tuple(outputs)
            for x, row in rows.items():
                for y in row:
                    if y not in outs:
                        raise DistributionError(
                            f"the row of input {x!r} has output {y!r}, which is not in outputs"
                        )
        table = [[row.get(y, 0) for y in outs] for row in rows.values()]
        return cls(table, tuple(rows), outs, strict=strict, exact_floats=exact_floats, symbols=symbols)

    # -- access ------------------------------------------------------------------
    @property
    def inputs(self) -> tuple:
        """The input symbols, in the order of the rows."""
        return self._inputs

    @property
    def outputs(self) -> tuple:
        """The output symbols, in the order of the columns."""
        return self._outputs

    @property
    def rows(self) -> tuple[tuple[sympy.Expr, ...], ...]:
        """The transition probabilities, one tuple per input."""
        return self._rows

    @property
    def matrix(self) -> sympy.ImmutableMatrix:
        """The transition matrix ``W`` (rows: inputs, columns: outputs)."""
        return sympy.ImmutableMatrix(self._rows)

    @property
    def shape(self) -> tuple[int, int]:
        """``(number of inputs, number of outputs)``."""
        return len(self._inputs), len(self._outputs)

    @property
    def conditions(self) -> tuple[sympy.Basic, ...]:
        """Conditions on the symbols under which every row is a distribution."""
        return self._conditions

    @property
    def structure(self) -> tuple[str, tuple[Channel, ...]] | None:
        """How the channel was built, when that helps to analyse it; else ``None``.

        ``("product", (W1, W2, ...))`` for :func:`channel_product` of several
        channels (their capacities add up).  A channel built from its matrix
        alone (``Channel(w.rows)``) has no structure; :meth:`subs` keeps it.

        >>> from symentropy.models.channel import binary_symmetric_channel, channel_product
        >>> w = channel_product(binary_symmetric_channel("1/4"), binary_symmetric_channel("1/3"))
        >>> kind, parts = w.structure
        >>> kind, len(parts)
        ('product', 2)
        """
        return self._structure

    @property
    def memo(self) -> dict[Any, Any]:
        """A cache of values derived from this channel (capacities, solutions), keyed by their callers.

        The channel is immutable, so what is computed from it once stays
        true; measures keep their results here.
        """
        return self._cache

    @property
    def free_symbols(self) -> set[sympy.Symbol]:
        """The symbols appearing in the entries."""
        out: set[sympy.Symbol] = set()
        for row in self._rows:
            for w in row:
                out |= w.free_symbols  # type: ignore[arg-type]
        return out

    @property
    def is_symbolic(self) -> bool:
        """True when some entry contains a symbol."""
        return any(not w.is_number for row in self._rows for w in row)

    @property
    def is_rational(self) -> bool:
        """True when every entry is a rational number."""
        return all(w.is_Rational for row in self._rows for w in row)

    def __getitem__(self, key: tuple[Hashable, Hashable]) -> sympy.Expr:
        """``channel[x, y]`` is ``W(y | x)``."""
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"index a channel with [input, output], got {key!r}")
        x, y = key
        return self._rows[self._input_index(x)][self._output_index(y)]

    def _input_index(self, x: Hashable) -> int:
        try:
            return self._inputs.index(x)
        except ValueError:
            raise DistributionError(
                f"{x!r} is not an input of this channel; the inputs are {self._inputs!r}"
            ) from None

    def _output_index(self, y: Hashable) -> int:
        try:
            return self._outputs.index(y)
        except ValueError:
            raise DistributionError(
                f"{y!r} is not an output of this channel; the outputs are {self._outputs!r}"
            ) from None

    def row(self, x: Hashable, *, name: str = "Y") -> Distribution:
        """Return ``W(. | x)``, the distribution of the output given input ``x``.

        >>> from symentropy.models.channel import binary_erasure_channel
        >>> binary_erasure_channel("1/4").row(1)
        Distribution.from_dict({0: '0', 'e': '1/4', 1: '3/4'}, name='Y')
        """
        values = self._rows[self._input_index(x)]
        return Distribution.from_validated((name,), [(y,) for y in self._outputs], values, self._conditions)

    # -- input distributions -------------------------------------------------------------
    def _input_probabilities(self, input_pmf: InputPmf) -> tuple[list[sympy.Expr], tuple]:
        """The input probabilities aligned with :attr:`inputs`, and their conditions."""
        if isinstance(input_pmf, Distribution):
            d = input_pmf
            if len(d.names) != 1:
                raise DistributionError(
                    f"the input distribution must have one variable, got {d.names!r}; "
                    f"pass its marginal, e.g. d.marginal({d.names[0]!r})"
                )
        elif isinstance(input_pmf, Mapping):
            d = Distribution.from_dict(input_pmf, name="X")
        elif isinstance(input_pmf, (str, bytes)) or not isinstance(input_pmf, Iterable):
            raise TypeError(
                "an input distribution is a Distribution, a mapping {input: probability} or a "
                f"list of probabilities; got {type(input_pmf).__name__}"
            )
        else:
            values = list(input_pmf)
            if len(values) != len(self._inputs):
                raise DistributionError(
                    f"{len(values)} input probabilities for a channel with {len(self._inputs)} inputs: "
                    f"{values!r}"
                )
            d = Distribution.from_pmf(values, name="X", outcomes=self._inputs)
        probs = [sympy.Integer(0)] * len(self._inputs)
        position = {x: i for i, x in enumerate(self._inputs)}
        for (x,), p in d.items():
            i = position.get(x)
            if i is None:
                if p.is_zero:
                    continue
                raise DistributionError(
                    f"the input distribution gives probability {p} to {x!r}, which is not an input of "
                    f"this channel; the inputs are {self._inputs!r}"
                )
            probs[i] = p
        return probs, d.conditions

    def joint(self, input_pmf: InputPmf, *, names: tuple[str, str] = ("X", "Y")) -> Distribution:
        """Return the joint distribution ``p(x) W(y|x)`` of input and output.

        Explanation
        ===========

        Cells that are provably zero are left out of the table.  Every
        measure of symentropy applies to the result, e.g.
        ``mutual_information(channel.joint(p), "X", "Y")``.

        Examples
        ========

        >>> from symentropy.models.channel import binary_erasure_channel
        >>> print(binary_erasure_channel("1/4").joint(["1/2", "1/2"]))
        X  Y  P
        0  0  3/8
        0  e  1/8
        1  e  1/8
        1  1  3/8

        Parameters
        ==========

        input_pmf : Distribution, mapping or sequence
            The input distribution (see :data:`InputPmf`).
        names : (input name, output name)

        See Also
        ========

        output, mutual_information
        """
        probs, conditions = self._input_probabilities(input_pmf)
        if not isinstance(names, tuple) or len(names) != 2:
            raise DistributionError(f"names must be a pair (input name, output name), got {names!r}")
        outcomes = []
        cells = []
        for x, p, row in zip(self._inputs, probs, self._rows, strict=True):
            if p.is_zero:
                continue
            for y, w in zip(self._outputs, row, strict=True):
                cell = p * w
                if cell.is_zero:
                    continue
                outcomes.append((x, y))
                cells.append(cell if cell.is_Rational else tidy(cell))
        if not outcomes:  # pragma: no cover - a valid pmf always leaves a cell
            raise DistributionError("the joint distribution has no outcome of nonzero probability")
        conditions_ = self._conditions + tuple(conditions)
        return Distribution.from_validated(names, outcomes, cells, conditions_)

    def output(self, input_pmf: InputPmf, *, name: str = "Y") -> Distribution:
        """Return the output distribution ``q(y) = sum_x p(x) W(y|x)``.

        >>> from symentropy.models.channel import z_channel
        >>> z_channel("1/2").output({0: "3/5", 1: "2/5"})
        Distribution.from_dict({0: '4/5', 1: '1/5'}, name='Y')
        """
        probs, conditions = self._input_probabilities(input_pmf)
        values = [
            sum_probabilities([p * row[j] for p, row in zip(probs, self._rows, strict=True) if not p.is_zero])
            for j in range(len(self._outputs))
        ]
        return Distribution.from_validated((name,), [(y,) for y in self._outputs], values,
                                     self._conditions + tuple(conditions))

    def mutual_information(self, input_pmf: InputPmf, *, base: Base = 2) -> sympy.Expr:
        """Return ``I(X; Y)`` for the input distribution ``input_pmf``.

        Explanation
        ===========

        Computed exactly from the joint distribution as
        ``H(X) + H(Y) - H(X, Y)`` (Cover & Thomas, 2nd ed., eq. 2.45).

        Examples
        ========

        >>> from sympy import Symbol
        >>> from symentropy.models.channel import binary_erasure_channel
        >>> a = Symbol("alpha")
        >>> binary_erasure_channel(a).mutual_information(["1/2", "1/2"])
        1 - alpha

        Parameters
        ==========

        input_pmf : Distribution, mapping or sequence
        base : 2, sympy.E, 10, ...

        See Also
        ========

        joint, symentropy.measures.capacity.capacity
        """
        from ..measures.shannon import mutual_information  # a convenience that delegates upward

        return mutual_information(self.joint(input_pmf), "X", "Y", base=base)

    # -- substitution, comparison, printing --------------------------------------------
    def subs(self, *args: Any) -> Channel:
        """Substitute into every entry and revalidate (the arguments of :meth:`Distribution.subs`).

        >>> from sympy import Symbol
        >>> from symentropy.models.channel import binary_symmetric_channel
        >>> p = Symbol("p")
        >>> binary_symmetric_channel(p).subs(p, "1/8").rows
        ((7/8, 1/8), (1/8, 7/8))
        """
        pairs = substitutions(args, symbols={s.name: s for s in self.free_symbols}, what="Channel.subs()")
        table = [[w.subs(pairs, simultaneous=True) for w in row] for row in self._rows]
        result = Channel(table, self._inputs, self._outputs)
        if self._structure is not None:
            kind, parts = self._structure
            result._structure = (kind, tuple(c.subs(pairs) for c in parts))
        return result

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Channel):
            return NotImplemented
        return (self._inputs, self._outputs, self._rows) == (other._inputs, other._outputs, other._rows)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(("Channel", self._inputs, self._outputs, self._rows))
        return self._hash

    def __repr__(self) -> str:
        body = "[" + ", ".join("[" + ", ".join(f"'{w}'" for w in row) + "]" for row in self._rows) + "]"
        extra = ""
        if self._inputs != tuple(range(len(self._inputs))):
            extra += f", inputs={self._inputs!r}"
        if self._outputs != tuple(range(len(self._outputs))):
            extra += f", outputs={self._outputs!r}"
        return f"Channel({body}{extra})"

    def __str__(self) -> str:
        header = ["X\\Y"] + [str(y) for y in self._outputs]
        body = [[str(x)] + [str(w) for w in row] for x, row in zip(self._inputs, self._rows, strict=True)]
        widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
        lines = ("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header] + body)
        return "\n".join(line.rstrip() for line in lines)

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        return printer._print(self.matrix)

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"


def _parameter(value: Any, what: str) -> sympy.Expr:
    """A probability parameter; a bare name such as ``"p"`` becomes a nonnegative Symbol."""
    p = as_parameter(value, what=what, nonnegative=True)
    if p.is_number and (known_sign(p) == -1 or known_sign(p - 1) == 1):
        raise DistributionError(f"{what} = {p} is not a probability (between 0 and 1)")
    return p


# -- standard channels ------------------------------------------------------------------


def binary_symmetric_channel(p: Any) -> Channel:
    """The binary symmetric channel: each bit is flipped with probability ``p``.

    >>> from symentropy.models.channel import binary_symmetric_channel
    >>> binary_symmetric_channel("1/10").rows
    ((9/10, 1/10), (1/10, 9/10))
    >>> binary_symmetric_channel("p").conditions  # "p" is a nonnegative symbol
    (1 - p >= 0,)

    References
    ==========

    Cover & Thomas, 2nd ed., Example 7.1.4.
    """
    p = _parameter(p, "p")
    return Channel([[1 - p, p], [p, 1 - p]])


def binary_erasure_channel(alpha: Any) -> Channel:
    """The binary erasure channel: each bit is erased with probability ``alpha``.

    The outputs are ``0``, ``"e"`` (the erasure) and ``1``.

    >>> from symentropy.models.channel import binary_erasure_channel
    >>> print(binary_erasure_channel("1/3"))
    X\\Y  0    e    1
    0    2/3  1/3  0
    1    0    1/3  2/3

    References
    ==========

    Cover & Thomas, 2nd ed., Example 7.1.5.
    """
    a = _parameter(alpha, "alpha")
    return Channel([[1 - a, a, 0], [0, a, 1 - a]], outputs=(0, "e", 1))


def z_channel(p: Any) -> Channel:
    """The Z channel: input 0 is received intact, input 1 becomes 0 with probability ``p``.

    >>> from symentropy.models.channel import z_channel
    >>> z_channel("1/2").rows
    ((1, 0), (1/2, 1/2))

    References
    ==========

    Cover & Thomas, 2nd ed., Problem 7.8; MacKay (2003), section 9.3.
    """
    p = _parameter(p, "p")
    return Channel([[1, 0], [p, 1 - p]])


def q_ary_symmetric_channel(q: int, p: Any) -> Channel:
    """The ``q``-ary symmetric channel on ``0, ..., q-1``.

    A symbol is received correctly with probability ``1 - p`` and as each
    of the ``q - 1`` other symbols with probability ``p/(q - 1)``.

    >>> from symentropy.models.channel import q_ary_symmetric_channel
    >>> q_ary_symmetric_channel(3, "1/2").rows[0]
    (1/2, 1/4, 1/4)
    """
    if isinstance(q, bool) or not isinstance(q, int) or q < 2:
        raise DistributionError(f"q must be an integer >= 2, got {q!r}")
    p = _parameter(p, "p")
    off = p / (q - 1)
    return Channel([[1 - p if i == j else off for j in range(q)] for i in range(q)])


def erasure_error_channel(alpha: Any, epsilon: Any) -> Channel:
    """A binary channel with erasures (probability ``alpha``) and errors (probability ``epsilon``).

    The outputs are ``0``, ``"e"`` and ``1``; a bit is received correctly
    with probability ``1 - alpha - epsilon``.

    >>> from symentropy.models.channel import erasure_error_channel
    >>> erasure_error_channel("1/4", "1/8").rows
    ((5/8, 1/4, 1/8), (1/8, 1/4, 5/8))

    References
    ==========

    Cover & Thomas, 2nd ed., chapter 7 problems ("Erasures and errors in a
    binary channel").
    """
    a = _parameter(alpha, "alpha")
    e = _parameter(epsilon, "epsilon")
    return Channel([[1 - a - e, a, e], [e, a, 1 - a - e]], outputs=(0, "e", 1))


def _integer(value: Any, what: str) -> int:
    """An exact integer from user input (strings through the safe grammar)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    number = as_exact(value, what=what)
    if not number.is_Integer:
        raise DistributionError(f"{what} must be an integer, got {value!r}")
    return int(number)


def _sequence(values: Any, what: str) -> list:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise TypeError(f"{what} must be a sequence, got {values!r}")
    return list(values)


def noisy_typewriter(alphabet: int | Sequence[Hashable] = 26, *, offsets: Sequence[int] = (0, 1)) -> Channel:
    """The noisy typewriter: letter ``i`` is typed as letter ``i + k`` for ``k`` in ``offsets``.

    Explanation
    ===========

    The letters are arranged in a circle; each offset happens with the same
    probability.  The default is Cover & Thomas's typewriter (26 letters,
    each typed as itself or the next one with probability 1/2); MacKay's
    has 27 symbols and ``offsets=(-1, 0, 1)``.  ``alphabet`` is the number
    of letters (labelled ``0, 1, ...``) or the letters themselves.

    Examples
    ========

    >>> from symentropy.models.channel import noisy_typewriter
    >>> print(noisy_typewriter("abc"))
    X\\Y  a    b    c
    a    1/2  1/2  0
    b    0    1/2  1/2
    c    1/2  0    1/2

    References
    ==========

    Cover & Thomas, 2nd ed., Example 7.1.3; MacKay (2003), section 9.3.
    """
    if isinstance(alphabet, int) and not isinstance(alphabet, bool):
        letters: tuple = tuple(range(alphabet))
    else:
        letters = tuple(alphabet)
    n = len(letters)
    if n < 1:
        raise DistributionError("a typewriter needs at least one letter")
    shifts = {_integer(k, 'an offset') % n for k in _sequence(offsets, 'offsets')}
    if not shifts:
        raise DistributionError("offsets must not be empty")
    w = sympy.Rational(1, len(shifts))
    rows = [[w if (j - i) % n in shifts else sympy.Integer(0) for j in range(n)] for i in range(n)]
    return Channel(rows, letters, letters)


def additive_noise_channel(
    noise: Distribution | Mapping[Any, Any], *, inputs: Iterable[Any], modulus: int | None = None
) -> Channel:
    """The additive noise channel ``Y = X + Z``, with ``Z`` independent of ``X``.

    Explanation
    ===========

    ``noise`` is the distribution of ``Z`` (a one-variable Distribution or a
    mapping ``{z: probability}``).  With ``modulus=m`` the sum is taken
    modulo ``m``.  The outputs are the possible sums, in increasing order.

    Examples
    ========

    >>> from symentropy.models.channel import additive_noise_channel
    >>> w = additive_noise_channel({0: "1/2", 1: "1/2"}, inputs=[0, 1])
    >>> w.outputs, w.rows
    ((0, 1, 2), ((1/2, 1/2, 0), (0, 1/2, 1/2)))
    """
    d = noise if isinstance(noise, Distribution) else Distribution.from_dict(noise, name="Z")
    if len(d.names) != 1:
        raise DistributionError(f"the noise must be a distribution of one variable, got {d.names!r}")
    xs = tuple(inputs)
    if modulus is not None and (isinstance(modulus, bool) or not isinstance(modulus, int) or modulus < 1):
        raise DistributionError(f"modulus must be a positive integer, got {modulus!r}")

    def add(x: Any, z: Any) -> Any:
        return (x + z) % modulus if modulus is not None else x + z

    outputs = sorted({add(x, z) for x in xs for (z,) in d.outcomes})
    column = {y: j for j, y in enumerate(outputs)}
    rows = []
    for x in xs:
        row: list[sympy.Expr] = [sympy.Integer(0)] * len(outputs)
        for (z,), p in d.items():
            row[column[add(x, z)]] += p
        rows.append(row)
    return Channel(rows, xs, outputs)


# -- combinations -------------------------------------------------------------------------


def _check_channels(channels: tuple, what: str) -> None:
    if not channels:
        raise DistributionError(f"{what}() needs at least one channel")
    for c in channels:
        if not isinstance(c, Channel):
            raise TypeError(f"{what}() takes Channel objects, got {type(c).__name__}")


def _conditions(channels: Iterable[Channel]) -> tuple:
    return tuple(c for ch in channels for c in ch.conditions)


def cascade(*channels: Channel) -> Channel:
    """The channel ``X -> Z`` obtained by feeding the output of each channel into the next.

    Explanation
    ===========

    ``W(z|x) = sum_y W1(y|x) W2(z|y)``: the matrix product.  The outputs of
    each channel must be the inputs of the next (in any order).  By the
    data-processing inequality the capacity of a cascade is at most that of
    each stage.

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.channel import binary_symmetric_channel, cascade
    >>> p = Symbol("p")
    >>> cascade(binary_symmetric_channel(p), binary_symmetric_channel(p)).rows[0]
    (p**2 + (1 - p)**2, 2*p*(1 - p))

    References
    ==========

    Cover & Thomas, 2nd ed., section 2.8 (data processing) and the chapter 7
    problem on cascades of binary symmetric channels.
    """
    _check_channels(channels, "cascade")
    result = channels[0]
    for k, nxt in enumerate(channels[1:], start=2):
        if set(result.outputs) != set(nxt.inputs) or len(result.outputs) != len(nxt.inputs):
            missing = [y for y in result.outputs if y not in nxt.inputs]
            extra = [x for x in nxt.inputs if x not in result.outputs]
            detail = (f"output {missing[0]!r} of stage {k - 1} is not an input of stage {k}" if missing
                      else f"input {extra[0]!r} of stage {k} is not an output of stage {k - 1}")
            raise DistributionError(f"cannot cascade: {detail}")
        order = [nxt._input_index(y) for y in result.outputs]
        rows = []
        for row in result.rows:
            new = []
            for j in range(len(nxt.outputs)):
                terms = [w * nxt.rows[i][j] for w, i in zip(row, order, strict=True) if not w.is_zero]
                new.append(sum_probabilities(terms) if terms else sympy.Integer(0))
            rows.append(new)
        result = Channel._trusted(rows, result.inputs, nxt.outputs, result.conditions + nxt.conditions)
    return result


def channel_product(*channels: Channel) -> Channel:
    """The product channel: each channel used once, in parallel and independently.

    Explanation
    ===========

    Inputs and outputs are tuples ``(x1, x2, ...)`` and ``(y1, y2, ...)``;
    ``W((y1, y2) | (x1, x2)) = W1(y1|x1) W2(y2|x2)``.  Its capacity is the
    sum of the capacities.

    Examples
    ========

    >>> from symentropy.models.channel import binary_erasure_channel, channel_product
    >>> w = channel_product(binary_erasure_channel("1/2"), binary_erasure_channel("1/2"))
    >>> w.shape, w[(0, 1), (0, "e")]
    ((4, 9), 1/4)

    References
    ==========

    Cover & Thomas, 2nd ed., chapter 7 problems ("Using two channels at once").
    """
    _check_channels(channels, "channel_product")
    inputs = list(itertools.product(*(c.inputs for c in channels)))
    outputs = list(itertools.product(*(c.outputs for c in channels)))
    rows = []
    for combo in itertools.product(*(c.rows for c in channels)):
        row = []
        for cells in itertools.product(*combo):
            value = sympy.Mul(*cells)
            row.append(value if value.is_Rational else tidy(value))
        rows.append(row)
    structure = ("product", tuple(channels)) if len(channels) > 1 else None
    return Channel._trusted(rows, inputs, outputs, _conditions(channels), structure)


def channel_sum(*channels: Channel) -> Channel:
    """The sum of channels: at each use, any one of the channels (Shannon's sum).

    Explanation
    ===========

    The input and output alphabets are the disjoint unions of the channels'
    alphabets; symbols are tagged ``(k, symbol)`` with ``k`` the position of
    the channel.  The matrix is block diagonal and the capacity satisfies
    ``2**C = sum_k 2**C_k``.

    Examples
    ========

    >>> from symentropy.models.channel import Channel, binary_symmetric_channel, channel_sum
    >>> w = channel_sum(binary_symmetric_channel("1/4"), Channel([[1]]))
    >>> w.inputs
    ((0, 0), (0, 1), (1, 0))

    References
    ==========

    C. E. Shannon, "The zero error capacity of a noisy channel", IRE Trans.
    Inf. Theory 2(3), 1956; Cover & Thomas, 2nd ed., chapter 7 problems
    ("Choice of channels").
    """
    _check_channels(channels, "channel_sum")
    inputs = [(k, x) for k, c in enumerate(channels) for x in c.inputs]
    outputs = [(k, y) for k, c in enumerate(channels) for y in c.outputs]
    rows = []
    for k, c in enumerate(channels):
        for row in c.rows:
            full: list[sympy.Expr] = []
            for k2, c2 in enumerate(channels):
                full.extend(row if k2 == k else [sympy.Integer(0)] * len(c2.outputs))
            rows.append(full)
    return Channel._trusted(rows, inputs, outputs, _conditions(channels))
