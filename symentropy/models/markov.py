"""Markov chains and random walks, exact (Cover & Thomas, ch. 4).

A :class:`MarkovChain` is a square matrix of transition probabilities with
exact or symbolic entries, each row a distribution (validated as a
:class:`~symentropy.Channel` row is).  It gives the stationary distribution
(exact; a closed form for symbolic chains), the entropy rate
``H(X) = sum_i mu_i H(P_i.)`` (C&T Theorem 4.2.4), the mutual information
rate ``I(X_n; X_{n+1})``, irreducibility and the period, ``n``-step
transitions and the joint distribution of ``X1, ..., Xn``.

:func:`random_walk` builds the walk on an undirected weighted graph, whose
stationary distribution is ``W_i / 2W`` and whose entropy rate is
``log(2W) - H(W_1/2W, ..., W_m/2W)`` (C&T §4.3); :func:`chessboard_graph`
gives the graph of a chess piece's moves on an ``n x n`` board for it.

Examples
========

Cover & Thomas, 2nd ed., Example 4.1.1 (two states; ``alpha``, ``beta`` the
probabilities of leaving each):

>>> from sympy import symbols
>>> from symentropy.models.markov import MarkovChain
>>> a, b = symbols("alpha beta", positive=True)
>>> chain = MarkovChain([[1 - a, a], [b, 1 - b]])
>>> chain.stationary.to_dict()
{0: beta/(alpha + beta), 1: alpha/(alpha + beta)}
>>> MarkovChain([["3/4", "1/4"], ["1/2", "1/2"]]).entropy_rate()
-log(3)/(2*log(2)) + 5/3
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.labels import latex_label
from ..core.tables import read_grid
from ..core.validate import check_probability, check_total, require_decided, sum_probabilities
from ..errors import DistributionError, short_repr
from ..kernel.exact import as_exact, symbols_in
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.simplify import tidy

__all__ = [
    "MarkovChain",
    "FunctionOfChain",
    "random_walk",
    "chessboard_graph",
    "CHESS_PIECES",
    "MAX_JOINT_OUTCOMES",
    "MAX_BOARD",
]

#: The most outcomes :meth:`MarkovChain.joint` builds (states ** n).
MAX_JOINT_OUTCOMES = 1_000_000

#: The largest side of a board :func:`chessboard_graph` builds.
MAX_BOARD = 64


class MarkovChain:
    """A time-homogeneous Markov chain on finitely many states.

    Parameters
    ==========

    transition : square table
        ``P[i][j]`` = probability of going from state ``i`` to state ``j``:
        nested lists, a sympy Matrix or a numpy array of exact values
        (strings such as ``"1/3"``, Fractions, sympy expressions).
    states : sequence, optional
        Labels of the states (default ``0, 1, ...``).
    name : str
        The variable name used by :meth:`joint` (``X1, X2, ...``) and
        :attr:`stationary`.
    strict : bool
        Raise ``UndecidedError`` when a row cannot be shown to be a
        distribution (symbols); by default the conditions are recorded in
        :attr:`conditions`.
    """

    def __init__(
        self,
        transition: Any,
        states: Sequence[Hashable] | None = None,
        name: str = "X",
        *,
        strict: bool = False,
    ):
        raw = read_grid(transition, what="transition matrix")[0]
        m = len(raw)
        if any(len(row) != m for row in raw):
            raise DistributionError(
                f"a transition matrix is square; {short_repr(transition)} has {m} rows "
                f"of {len(raw[0])} entries"
            )
        labels = list(range(m)) if states is None else list(states)
        if len(labels) != m:
            raise DistributionError(f"{len(labels)} state labels for {m} states")
        if len(set(labels)) != m:
            raise DistributionError("state labels must be distinct")
        namespace = symbols_in(v for row in raw for v in row)
        rows = []
        conditions: list[sympy.Basic] = []
        for i, row in enumerate(raw):
            values = []
            for j, value in enumerate(row):
                where = f"P({labels[i]!r} -> {labels[j]!r})"
                p = as_exact(value, symbols=namespace, what=where)
                p, undecided = check_probability(p, where)
                values.append(p)
                conditions.extend(undecided)
            cells = [p for p in values if p.is_Symbol]
            conditions.extend(
                check_total(
                    sum_probabilities(values),
                    f"row {i} (state {labels[i]!r})",
                    verb="sums",
                    nonnegative=cells,
                )
            )
            rows.append(tuple(values))
        conditions = list(dict.fromkeys(conditions))
        if strict:
            require_decided(conditions, "a transition matrix")
        self.matrix = sympy.ImmutableMatrix(rows)
        self.states = tuple(labels)
        self.name = name
        self.conditions = tuple(conditions)
        self._stationary: Distribution | None = None

    @classmethod
    def from_dict(
        cls, transitions: Mapping[Hashable, Mapping[Hashable, Any]], name: str = "X"
    ) -> MarkovChain:
        """A chain from ``{state: {next state: probability}}``; missing entries are 0.

        >>> weather = {"sun": {"sun": "9/10", "rain": "1/10"}, "rain": {"sun": "1/2", "rain": "1/2"}}
        >>> MarkovChain.from_dict(weather).states
        ('sun', 'rain')
        """
        states = list(transitions)
        for row in transitions.values():
            for target in row:
                if target not in states:
                    states.append(target)
        matrix = [[transitions.get(s, {}).get(t, 0) for t in states] for s in states]
        for s in states:
            if s not in transitions:
                raise DistributionError(f"state {s!r} is reached but has no row of transitions")
        return cls(matrix, states, name)

    def __repr__(self) -> str:
        return f"MarkovChain({self.matrix.tolist()}, states={list(self.states)!r})"

    def _latex(self, printer: Any = None, exp: Any = None) -> str:
        """``P = [...]``; states other than ``0, 1, ...`` label the rows and columns."""
        show = sympy.latex if printer is None else printer._print
        if self.states == tuple(range(self.size)):
            return "P = " + show(self.matrix)
        labels = [latex_label(s, printer) for s in self.states]
        head = " & ".join(["", *labels])
        rows = [" & ".join([labels[i], *(show(v) for v in self.matrix.row(i))]) for i in range(self.size)]
        body = r" \\ ".join([head, r"\hline " + rows[0], *rows[1:]])
        return rf"P = \begin{{array}}{{c|{'c' * self.size}}} {body} \end{{array}}"

    def _repr_latex_(self) -> str:
        return "$$" + sympy.latex(self) + "$$"

    @property
    def size(self) -> int:
        return len(self.states)

    # -- structure ------------------------------------------------------------
    def _edges(self) -> list[list[int]]:
        out = []
        for i in range(self.size):
            out.append([j for j in range(self.size) if not self.matrix[i, j].is_zero])
        return out

    def _reach(self, start: int, edges: list[list[int]]) -> set[int]:
        seen = {start}
        stack = [start]
        while stack:
            i = stack.pop()
            for j in edges[i]:
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        return seen

    @property
    def is_irreducible(self) -> bool:
        """Every state reaches every other with positive probability (entries not known to be 0 count)."""
        edges = self._edges()
        return all(len(self._reach(i, edges)) == self.size for i in range(self.size))

    @property
    def period(self) -> int:
        """The period of an irreducible chain: the gcd of its cycle lengths (1 is aperiodic)."""
        if not self.is_irreducible:
            raise DistributionError(
                "the period is defined here for an irreducible chain; this one is reducible"
            )
        edges = self._edges()
        level = {0: 0}
        order = [0]
        for i in order:
            for j in edges[i]:
                if j not in level:
                    level[j] = level[i] + 1
                    order.append(j)
        g = 0
        for i in range(self.size):
            for j in edges[i]:
                g = math.gcd(g, level[i] + 1 - level[j])
        return g

    @property
    def is_aperiodic(self) -> bool:
        """An irreducible chain of period 1: ``P**k`` converges to the stationary rows."""
        return self.period == 1

    def closed_classes(self) -> list[tuple[Hashable, ...]]:
        """The closed communicating classes (each has its own stationary distribution)."""
        edges = self._edges()
        reach = [self._reach(i, edges) for i in range(self.size)]
        out = []
        for i in range(self.size):
            cls = {j for j in reach[i] if i in reach[j]}
            if all(reach[j] <= cls for j in cls) and min(cls) == i:
                out.append(tuple(self.states[j] for j in sorted(cls)))
        return out

    # -- distributions --------------------------------------------------------
    @property
    def stationary(self) -> Distribution:
        """The stationary distribution ``mu = mu P``, exact (unique for an irreducible chain).

        A reducible chain with several closed classes has many; the error
        names the classes.
        """
        if self._stationary is None:
            if not self.is_irreducible and len(self.closed_classes()) > 1:
                classes = "; ".join(", ".join(map(repr, c)) for c in self.closed_classes())
                raise DistributionError(
                    f"the chain has several closed classes ({classes}); each has its own stationary "
                    "distribution, so it is not unique"
                )
            m = self.size
            mu = sympy.symbols(f"mu0:{m}")
            equations = [sum(mu[i] * self.matrix[i, j] for i in range(m)) - mu[j] for j in range(m)]
            equations[-1] = sum(mu) - 1
            solution = sympy.solve(equations, mu, dict=True)
            if len(solution) != 1 or any(v not in solution[0] for v in mu):
                raise DistributionError("the stationary equations have no unique solution")
            values = [tidy(sympy.factor(solution[0][v])) for v in mu]
            self._stationary = Distribution.from_dict(
                dict(zip(self.states, values, strict=True)), names=(self.name,)
            )
        return self._stationary

    def entropy_rate(self, base: Base = 2) -> sympy.Expr:
        """``H(X) = sum_i mu_i H(P_i.)`` from the stationary start (C&T Theorem 4.2.4)."""
        return _weighted_entropies(self.stationary.probabilities, self._rows(), as_base(base))

    def _rows(self) -> list[list[sympy.Expr]]:
        return [list(self.matrix.row(i)) for i in range(self.size)]

    def mutual_information_rate(self, base: Base = 2) -> sympy.Expr:
        """``I(X_n; X_{n+1}) = H(mu) - H(X)`` from the stationary start, exact.

        What a state tells about the next; for a Markov chain also what the
        whole past tells about the whole future (the excess entropy).  It
        needs a unique stationary distribution.

        >>> MarkovChain([["1/2", "1/2"], [1, 0]]).mutual_information_rate()
        -4/3 + log(3)/log(2)
        """
        b = as_base(base)
        mu = self.stationary.probabilities
        return _weighted_entropies([sympy.Integer(1)], [list(mu)], b, minus=(mu, self._rows()))

    def n_step(self, k: int) -> sympy.ImmutableMatrix:
        """``P**k``: the ``k``-step transition probabilities."""
        if isinstance(k, bool) or not isinstance(k, int) or k < 0:
            raise DistributionError(f"the number of steps is an integer >= 0; got {k!r}")
        return sympy.ImmutableMatrix((self.matrix**k).applyfunc(tidy))

    def joint(self, n: int, initial: Any = None) -> Distribution:
        """The distribution of ``X1, ..., Xn``, started from the stationary distribution (or ``initial``)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise DistributionError(f"n is an integer >= 1; got {n!r}")
        if self.size**n > MAX_JOINT_OUTCOMES:
            raise DistributionError(
                f"{self.size}**{n} outcomes; joint() builds at most {MAX_JOINT_OUTCOMES:,}"
            )
        start = self.stationary if initial is None else _initial(initial, self)
        paths = self.paths(n, start)
        names = tuple(f"{self.name}{k}" for k in range(1, n + 1))
        return Distribution.from_dict(paths, names=names)

    def paths(self, n: int, start: Distribution | None = None) -> dict[tuple, sympy.Expr]:
        """``{(x1, ..., xn): probability}`` of the paths of positive probability (stationary start)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise DistributionError(f"n is an integer >= 1; got {short_repr(n)}")
        if self.size**n > MAX_JOINT_OUTCOMES:
            raise DistributionError(f"{self.size}**{n} paths; at most {MAX_JOINT_OUTCOMES:,} are listed")
        start = self.stationary if start is None else start
        index = {s: i for i, s in enumerate(self.states)}
        paths: dict[tuple, sympy.Expr] = {
            (o[0],): p for o, p in zip(start.outcomes, start.probabilities, strict=True) if p != 0
        }
        for _ in range(n - 1):
            nxt: dict[tuple, sympy.Expr] = {}
            for path, p in paths.items():
                i = index[path[-1]]
                for j, s in enumerate(self.states):
                    w = self.matrix[i, j]
                    if w != 0:
                        nxt[(*path, s)] = p * w
            paths = nxt
        return paths

    def map(
        self, f: Callable[[Any], Hashable] | Mapping[Hashable, Hashable], name: str = "Y"
    ) -> FunctionOfChain:
        """The process ``Y_k = f(X_k)``: a function of the chain (Cover & Thomas, §4.5).

        ``f`` is a function of a state or a mapping ``{state: value}``.  See
        :class:`FunctionOfChain` for its entropy rate.
        """
        return FunctionOfChain(self, f, name)


class FunctionOfChain:
    """``Y_k = f(X_k)`` for a stationary Markov chain ``X`` (Cover & Thomas, 2nd ed., §4.5).

    ``Y`` need not be Markov.  Its entropy rate is exact when the chain is
    *lumpable* for ``f`` (``Y`` is then the Markov chain :attr:`lumped`) or
    *unifilar* for ``f`` (:attr:`is_unifilar`; then
    ``H(Y) = sum_i mu_i H(Y_{n+1} | X_n = i)``, which is ``H(X)``).
    Otherwise :meth:`entropy_rate_bounds` gives Theorem 4.5.1's bounds
    ``H(Y_n | Y_{n-1}, ..., Y_1, X_1) <= H(Y) <= H(Y_n | Y_{n-1}, ..., Y_1)``,
    exact, which close in on the rate as ``n`` grows.

    Examples
    ========

    >>> from symentropy.models.markov import MarkovChain
    >>> chain = MarkovChain([["1/2", "1/4", "1/4"], ["1/3", "1/3", "1/3"], ["1/3", "1/3", "1/3"]])
    >>> y = chain.map({0: "a", 1: "b", 2: "b"})
    >>> y.is_lumpable, y.lumped.matrix.tolist()
    (True, [[1/2, 1/2], [1/3, 2/3]])
    >>> cycle = MarkovChain([["1/2", "1/2", 0], [0, "1/2", "1/2"], ["1/2", 0, "1/2"]])
    >>> hidden = cycle.map({0: 0, 1: 0, 2: 1})
    >>> hidden.is_lumpable
    False
    >>> low, high = hidden.entropy_rate_bounds(3)
    """

    def __init__(self, chain: MarkovChain, f: Any, name: str = "Y"):
        self.chain = chain
        self.name = name
        if isinstance(f, Mapping):
            missing = [s for s in chain.states if s not in f]
            if missing:
                raise DistributionError(f"the map {short_repr(f)} gives no value to state {missing[0]!r}")
            self.values = {s: f[s] for s in chain.states}
        elif callable(f):
            self.values = {s: f(s) for s in chain.states}
        else:
            raise TypeError(
                f"map() takes a function of a state or a mapping {{state: value}}; got {short_repr(f)}"
            )
        for s, v in self.values.items():
            if not isinstance(v, Hashable):
                raise TypeError(f"the map gives the unhashable {short_repr(v)} to state {s!r}")
        self.blocks = list(dict.fromkeys(self.values.values()))

    def __repr__(self) -> str:
        return f"<FunctionOfChain {self.name} = f({self.chain.name}) with values {self.blocks!r}>"

    def _repr_latex_(self) -> str:
        pairs = r",\ ".join(rf"\text{{{s}}} \mapsto \text{{{v}}}" for s, v in self.values.items())
        return rf"$${self.name}_k = f({self.chain.name}_k), \quad f: {pairs}$$"

    @property
    def is_lumpable(self) -> bool:
        """Every state of a block moves into each block with the same probability."""
        return self._lumped_rows() is not None

    def _lumped_rows(self) -> list[list[sympy.Expr]] | None:
        index = {s: i for i, s in enumerate(self.chain.states)}
        rows = []
        for block in self.blocks:
            members = [s for s in self.chain.states if self.values[s] == block]
            first = None
            for s in members:
                row = [
                    sympy.Add(
                        *(
                            self.chain.matrix[index[s], index[t]]
                            for t in self.chain.states
                            if self.values[t] == b
                        )
                    )
                    for b in self.blocks
                ]
                if first is None:
                    first = row
                elif any(sympy.expand(a - c) != 0 for a, c in zip(first, row, strict=True)):
                    return None
            rows.append(first)
        return rows

    @property
    def is_unifilar(self) -> bool:
        """From each state, the possible next states have distinct values of ``f``.

        (Entries not known to be 0 count as possible.)  The state and the next
        value of ``Y`` then determine the next state:

        >>> chain = MarkovChain([[0, "1/2", "1/2"], ["1/3", 0, "2/3"], ["1/2", 0, "1/2"]])
        >>> y = chain.map({0: "a", 1: "a", 2: "b"})
        >>> y.is_lumpable, y.is_unifilar, y.entropy_rate()
        (False, True, 3*log(3)/(19*log(2)) + 14/19)
        """
        return self._unifilar_conflict() is None

    def _unifilar_conflict(self) -> tuple[Hashable, Hashable, Hashable] | None:
        """``(state, next state, other next state)`` with the same value of ``f``, or None."""
        states = self.chain.states
        for i, targets in enumerate(self.chain._edges()):
            seen: dict[Hashable, Hashable] = {}
            for j in targets:
                value = self.values[states[j]]
                if value in seen:
                    return states[i], seen[value], states[j]
                seen[value] = states[j]
        return None

    @property
    def lumped(self) -> MarkovChain:
        """The Markov chain of ``Y`` when the chain is lumpable for ``f``."""
        rows = self._lumped_rows()
        if rows is None:
            raise DistributionError(
                "the chain is not lumpable for this map, so Y is not a Markov chain; "
                "use entropy_rate_bounds(n) for Theorem 4.5.1's bounds"
            )
        return MarkovChain(rows, self.blocks, self.name)

    def entropy_rate(self, base: Base = 2) -> sympy.Expr:
        """The entropy rate of ``Y``, exact when the chain is lumpable or unifilar for ``f``.

        In neither case there is no closed form in general, and the error
        says so: :meth:`entropy_rate_bounds` gives Theorem 4.5.1's bounds.
        """
        rows = self._lumped_rows()
        if rows is not None:
            return MarkovChain(rows, self.blocks, self.name).entropy_rate(base)
        conflict = self._unifilar_conflict()
        if conflict is None:
            # H(Y_{n+1} | X_n = i) is the entropy of row i: its outputs and next states are one to one
            return self.chain.entropy_rate(base)
        state, first, second = conflict
        raise DistributionError(
            "the chain is not lumpable for this map, so Y is not a Markov chain, and not unifilar "
            f"(from state {state!r}, the next states {first!r} and {second!r} both give "
            f"{self.values[first]!r}), so Y's entropy rate has no closed form here; "
            "entropy_rate_bounds(n) gives Theorem 4.5.1's bounds"
        )

    def entropy_rate_bounds(self, n: int, base: Base = 2) -> tuple[sympy.Expr, sympy.Expr]:
        """``(H(Y_n | Y_{n-1..1}, X_1), H(Y_n | Y_{n-1..1}))``, exact (Cover & Thomas, Theorem 4.5.1)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 2:
            raise DistributionError(f"n is an integer >= 2; got {n!r}")
        if self.chain.size**n > MAX_JOINT_OUTCOMES:
            raise DistributionError(
                f"{self.chain.size}**{n} paths; the bounds are computed for at most {MAX_JOINT_OUTCOMES:,}"
            )
        b = as_base(base)

        def entropy_of(groups: dict[tuple, sympy.Expr]) -> LogSum:
            return LogSum.entropy_of(list(groups.values()))

        def tally(paths: dict[tuple, sympy.Expr], with_start: bool) -> dict[tuple, sympy.Expr]:
            out: dict[tuple, sympy.Expr] = {}
            for path, p in paths.items():
                key = tuple(self.values[x] for x in path)
                if with_start:
                    key = (path[0], *key)
                out[key] = out.get(key, sympy.Integer(0)) + p
            return out

        long, short = self.chain.paths(n), self.chain.paths(n - 1)
        upper = entropy_of(tally(long, False)) - entropy_of(tally(short, False))
        lower = entropy_of(tally(long, True)) - entropy_of(tally(short, True))
        return lower.to_expr(b), upper.to_expr(b)


def _weighted_entropies(
    weights: Sequence[sympy.Expr],
    rows: Sequence[Sequence[sympy.Expr]],
    b: sympy.Expr,
    minus: tuple[Sequence[sympy.Expr], Sequence[Sequence[sympy.Expr]]] | None = None,
) -> sympy.Expr:
    """``sum_i w_i H(rows_i)`` (less ``sum_j v_j H(others_j)`` for ``minus=(v, others)``) in base ``b``.

    Rational weights are summed as one LogSum, so a rational chain's value comes out in
    canonical form; symbolic weights multiply each row's entropy.
    """
    rational, total = LogSum(), sympy.Integer(0)
    parts = [(w, r, 1) for w, r in zip(weights, rows, strict=True)]
    if minus is not None:
        parts += [(w, r, -1) for w, r in zip(*minus, strict=True)]
    for weight, row, sign in parts:
        entropy = LogSum.entropy_of(list(row))
        if weight.is_Rational:
            rational = rational + entropy.scaled(sign * weight)
        else:
            total += sign * weight * entropy.to_expr(b)
    value = rational.to_expr(b) + total
    return tidy(value) if value.free_symbols else value


def _initial(initial: Any, chain: MarkovChain) -> Distribution:
    if isinstance(initial, Distribution):
        d = initial
    elif isinstance(initial, Mapping):
        d = Distribution.from_dict(dict(initial), names=(chain.name,))
    elif isinstance(initial, (list, tuple)) and len(initial) == chain.size:
        d = Distribution.from_dict(dict(zip(chain.states, initial, strict=True)), names=(chain.name,))
    else:
        raise TypeError(
            f"initial= is a Distribution, a mapping {{state: probability}} or {chain.size} probabilities; "
            f"got {initial!r}"
        )
    if len(d.names) != 1:
        raise DistributionError(f"the initial distribution has variables {', '.join(d.names)}; it needs one")
    for (state,), p in d.items():
        if state not in chain.states and p != 0:
            raise DistributionError(
                f"the initial distribution gives probability {p} to {state!r}, not a state"
            )
    return d


def random_walk(graph: Any, name: str = "X") -> MarkovChain:
    """The random walk on an undirected graph: from ``i``, go to ``j`` with probability ``W_ij / W_i``.

    ``graph`` is an edge list of tuples, ``[(u, v), ...]`` or
    ``[(u, v, weight), ...]``; a symmetric adjacency matrix (nested lists, a
    sympy Matrix or a numpy array), whose states are ``0, 1, ...``; or a
    networkx ``Graph`` (edge attribute ``weight``, default 1).  Weights are
    exact and positive; an edge listed twice adds its weights.

    >>> from symentropy.models.markov import random_walk
    >>> walk = random_walk([(0, 1), (1, 2), (2, 0), (2, 3)])
    >>> walk.stationary.to_dict()
    {0: 1/4, 1: 1/4, 2: 3/8, 3: 1/8}
    """
    weights = _graph_weights(graph)
    states = list(dict.fromkeys(v for pair in weights for v in pair))
    totals = {s: sympy.Integer(0) for s in states}
    for (u, _), w in weights.items():
        totals[u] += w
    rows = [[weights.get((u, v), 0) / totals[u] for v in states] for u in states]
    return MarkovChain(rows, states, name)


def _graph_weights(graph: Any) -> dict[tuple[Hashable, Hashable], sympy.Expr]:
    out: dict[tuple[Hashable, Hashable], sympy.Expr] = {}

    def add(u: Hashable, v: Hashable, w: Any, where: str) -> None:
        value = as_exact(w, what=where)
        if not value.is_positive:
            raise DistributionError(f"{where} is {value}; edge weights must be positive")
        out[(u, v)] = out.get((u, v), 0) + value
        if u != v:
            out[(v, u)] = out.get((v, u), 0) + value

    if hasattr(graph, "edges") and hasattr(graph, "nodes") and not isinstance(graph, (list, tuple)):
        for u, v, data in graph.edges(data=True):
            add(u, v, data.get("weight", 1), f"the weight of edge ({u!r}, {v!r})")
        return out
    if isinstance(graph, (list, tuple)) and graph and all(isinstance(e, tuple) for e in graph):
        for k, e in enumerate(graph):
            if len(e) not in (2, 3):
                raise DistributionError(f"edge {k} is {e!r}; an edge is (u, v) or (u, v, weight)")
            add(e[0], e[1], e[2] if len(e) == 3 else 1, f"the weight of edge {k}")
        return out
    if isinstance(graph, (str, bytes)) or not isinstance(graph, Iterable) and not hasattr(graph, "shape"):
        raise DistributionError(
            "a graph is an edge list of tuples, an adjacency matrix or a networkx Graph; "
            f"got {short_repr(graph)}"
        )
    items = graph
    rows = read_grid(items, what="adjacency matrix")[0]
    m = len(rows)
    if any(len(r) != m for r in rows):
        raise DistributionError(f"an adjacency matrix is square; {short_repr(graph)} is not")
    for i in range(m):
        for j in range(m):
            a = as_exact(rows[i][j], what=f"entry ({i}, {j}) of the adjacency matrix")
            b = as_exact(rows[j][i], what=f"entry ({j}, {i}) of the adjacency matrix")
            if a != b:
                raise DistributionError(
                    f"the adjacency matrix is not symmetric: entry ({i}, {j}) is {a}, ({j}, {i}) is {b}"
                )
            if i <= j and a != 0:
                add(i, j, a, f"entry ({i}, {j}) of the adjacency matrix")
    return out


#: The moves of each piece: (steps, whether it slides any number of squares along them).
_STEPS_KING = tuple((dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
_STEPS_ROOK = ((1, 0), (-1, 0), (0, 1), (0, -1))
_STEPS_BISHOP = ((1, 1), (1, -1), (-1, 1), (-1, -1))
_STEPS_KNIGHT = tuple((a * r, b * c) for a, b in ((1, 2), (2, 1)) for r in (1, -1) for c in (1, -1))
_PIECES = {
    "king": (_STEPS_KING, False),
    "queen": (_STEPS_KING, True),
    "rook": (_STEPS_ROOK, True),
    "bishop": (_STEPS_BISHOP, True),
    "knight": (_STEPS_KNIGHT, False),
}

#: The pieces :func:`chessboard_graph` knows.
CHESS_PIECES = tuple(_PIECES)


def chessboard_graph(piece: str, n: int = 8) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The moves of a chess piece on an ``n x n`` board, as an edge list for :func:`random_walk`.

    ``piece``: ``"king"``, ``"queen"``, ``"rook"``, ``"bishop"`` or
    ``"knight"`` (the sliding pieces on an empty board).  Squares are
    ``(row, column)`` from ``(0, 0)``; each move is listed once, smaller
    square first.  A bishop keeps its colour, so its walk on the whole board
    has two closed classes: take ``[(u, v) for u, v in edges if sum(u) % 2 == 0]``.

    >>> from symentropy.models.markov import chessboard_graph, random_walk
    >>> walk = random_walk(chessboard_graph("king", 8))
    >>> walk.size, walk.stationary.to_dict()[(0, 0)], walk.stationary.to_dict()[(3, 3)]
    (64, 1/140, 2/105)
    >>> walk.entropy_rate()
    log(3)/(35*log(2)) + 2*log(5)/(7*log(2)) + 72/35
    """
    if not isinstance(piece, str) or piece.lower() not in _PIECES:
        raise DistributionError(f"the piece is one of {', '.join(CHESS_PIECES)}; got {short_repr(piece)}")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_BOARD:
        raise DistributionError(f"the board side n is an integer from 1 to {MAX_BOARD}; got {short_repr(n)}")
    steps, slides = _PIECES[piece.lower()]
    edges = []
    for r in range(n):
        for c in range(n):
            for dr, dc in steps:
                k = 1
                while 0 <= r + k * dr < n and 0 <= c + k * dc < n:
                    target = (r + k * dr, c + k * dc)
                    if (r, c) < target:
                        edges.append(((r, c), target))
                    if not slides:
                        break
                    k += 1
    return edges
