"""Source codes: Huffman, Shannon and Shannon-Fano-Elias codes, exact (Cover & Thomas, ch. 5).

Each constructor takes a source, a one-variable
:class:`~symentropy.Distribution`, a mapping ``{symbol: probability}`` or a
sequence of probabilities (symbols ``0, 1, ...``), and returns a
:class:`Code`: codewords, lengths, and the exact expected length, Kraft sum
and redundancy.

==================================  ==========================================================
constructor                         lengths
==================================  ==========================================================
:func:`huffman_code`                optimal (C&T Theorem 5.8.1); ``D``-ary with dummy symbols
:func:`shannon_code`                ``ceil(log_D 1/p(x))`` (C&T §5.4)
:func:`shannon_fano_elias_code`     ``ceil(log2 1/p(x)) + 1``, binary (C&T §5.9)
:func:`fano_code`                   Fano's splitting into nearly equiprobable groups; ``D``-ary
==================================  ==========================================================

Lengths are decided in exact arithmetic: ``ceil(log_D 1/p)`` is the least
``l`` with ``D**l * p >= 1``, and Huffman's merges compare exact
probabilities.

Ties in Huffman's algorithm are broken deterministically: among nodes of
equal probability, the one created first (the symbols in the order given,
then merged nodes in the order they were made) is merged first, and the
``D`` nodes merged get the digits ``0, 1, ..., D-1`` in the order taken.
Every tie-break gives an optimal code; the expected length does not depend
on it.

Examples
========

Cover & Thomas, 2nd ed., Example 5.6.1:

>>> from symentropy.models.codes import huffman_code
>>> code = huffman_code(["1/4", "1/4", "1/5", "3/20", "3/20"])
>>> sorted(code.lengths.values()), code.expected_length()
([2, 2, 2, 3, 3], 23/10)
>>> code.is_prefix_free, code.kraft_sum
(True, 1)
"""

from __future__ import annotations

import heapq
import math
import numbers
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.labels import latex_label
from ..errors import DistributionError, UndecidedError, short_repr
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare, known_sign

__all__ = [
    "Code",
    "huffman_code",
    "shannon_code",
    "shannon_fano_elias_code",
    "fano_code",
    "kraft_sum",
    "kraft_lengths_exist",
    "source_pmf",
]


def source_pmf(source: Any) -> tuple[list[Any], list[sympy.Expr]]:
    """Symbols and probabilities of a one-variable source.

    ``source`` is a one-variable Distribution, a mapping ``{symbol: p}`` or a
    sequence of probabilities (symbols ``0, 1, ...``); it is validated as a
    distribution.

    >>> from symentropy.models.codes import source_pmf
    >>> source_pmf(["1/2", "1/2"])
    ([0, 1], [1/2, 1/2])
    """
    if isinstance(source, Distribution):
        if len(source.names) != 1:
            raise DistributionError(
                f"a source code needs one variable; the distribution has {', '.join(source.names)}: "
                "use d.marginal(name)"
            )
        d = source
    elif isinstance(source, Mapping):
        d = Distribution.from_dict(dict(source))
    elif isinstance(source, str) or not isinstance(source, Iterable):
        raise TypeError(
            f"a source is a Distribution, a mapping or a sequence of probabilities; got {source!r}"
        )
    else:
        d = Distribution.from_pmf(list(source))
    symbols = [o[0] for o in d.outcomes]
    return symbols, list(d.probabilities)


def _check_d(D: Any) -> int:
    if isinstance(D, bool) or not isinstance(D, int) or not 2 <= D <= len(_DIGITS):
        raise DistributionError(
            f"the code alphabet size D must be an integer from 2 to {len(_DIGITS)} "
            f"(digits 0-9, a-z); got {D!r}"
        )
    return D


def _digits(value: Fraction, D: int, length: int) -> str:
    """The first ``length`` D-ary digits of ``value`` in [0, 1)."""
    out = []
    for _ in range(length):
        value *= D
        digit = int(value)  # floor: value >= 0
        out.append(_DIGITS[digit])
        value -= digit
    return "".join(out)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _least_length(p: sympy.Expr, D: int, extra: int = 0) -> int:
    """``ceil(log_D 1/p)``: the least ``l >= 0`` with ``D**l * p >= 1``, decided exactly."""
    if p.is_Rational:
        a, b = int(p.p), int(p.q)
        length, power = 0, 1
        while power * a < b:
            power *= D
            length += 1
        return length + extra
    value = sympy.ceiling(-sympy.log(p) / sympy.log(D))
    if not value.is_Integer:
        raise UndecidedError(f"cannot decide ceil(log_{D}(1/{p})): the probability is symbolic")
    return int(value) + extra


class Code:
    """A prefix code for a source: codewords, lengths, and exact figures of merit.

    Attributes
    ==========

    codewords : dict
        ``{symbol: codeword}``, codewords as strings of digits ``0 .. D-1``.
    lengths : dict
        ``{symbol: length}``.
    D : int
        The size of the code alphabet.
    pmf : dict
        ``{symbol: probability}``, the distribution the code was designed for.
    method : str
    """

    def __init__(self, codewords: Mapping[Any, str], pmf: Mapping[Any, sympy.Expr], D: int, method: str):
        self.codewords = dict(codewords)
        self.lengths = {s: len(w) for s, w in self.codewords.items()}
        self.pmf = dict(pmf)
        self.D = D
        self.method = method

    def __repr__(self) -> str:
        size = len(self.codewords)
        return f"<Code ({self.method}, D={self.D}) of {size} symbols, L = {self.expected_length()}>"

    def __str__(self) -> str:
        width = max(len("symbol"), *(len(str(s)) for s in self.codewords))
        lines = [f"{'symbol'.ljust(width)}  probability  codeword"]
        for s, w in self.codewords.items():
            lines.append(f"{str(s).ljust(width)}  {str(self.pmf[s]).ljust(11)}  {w}")
        lines.append(f"expected length {self.expected_length()}")
        return "\n".join(lines)

    def _latex(self, printer: Any = None, exp: Any = None) -> str:
        """The table of symbols, probabilities and codewords, for ``sympy.latex`` and notebooks."""
        show = sympy.latex if printer is None else printer._print
        rows = r" \\ ".join(
            rf"{latex_label(s, printer)} & {show(self.pmf[s])} & \texttt{{{w}}}"
            for s, w in self.codewords.items()
        )
        return rf"\begin{{array}}{{lll}} x & p(x) & \text{{codeword}} \\ \hline {rows} \end{{array}}"

    def _repr_latex_(self) -> str:
        return "$$" + sympy.latex(self) + "$$"

    @property
    def is_prefix_free(self) -> bool:
        """No codeword is a prefix of another."""
        words = sorted(self.codewords.values())
        return all(not b.startswith(a) for a, b in zip(words, words[1:], strict=False)) and len(
            set(words)
        ) == len(words)

    @property
    def kraft_sum(self) -> sympy.Rational:
        """``sum_x D**(-l(x))``, exact; at most 1 for a prefix code (Kraft, C&T Theorem 5.2.1)."""
        return kraft_sum(self.lengths.values(), self.D)

    def expected_length(self, p: Any = None) -> sympy.Expr:
        """``L = sum_x p(x) l(x)``: under the design pmf, or under another source ``p``.

        Using a code designed for ``q`` on a source ``p`` costs, for the
        Shannon code, ``H(p) + D(p||q) <= L < H(p) + D(p||q) + 1`` (C&T
        Theorem 5.4.3).
        """
        pmf = self.pmf if p is None else self._other(p)
        return sympy.Add(*(pmf[s] * self.lengths[s] for s in pmf))

    def _other(self, p: Any) -> dict[Any, sympy.Expr]:
        symbols, probabilities = source_pmf(p)
        pmf = dict(zip(symbols, probabilities, strict=True))
        missing = [s for s, v in pmf.items() if s not in self.codewords and v != 0]
        if missing:
            raise DistributionError(f"symbol {missing[0]!r} has no codeword in this code")
        return {s: v for s, v in pmf.items() if s in self.codewords}

    def redundancy(self, base: Base | None = None) -> sympy.Expr:
        """``L - H(X)`` exactly, both in units of ``base`` (default ``D``, the unit of ``L``).

        At least 0 for every prefix code, below 1 for Huffman's.
        """
        b = as_base(self.D if base is None else base)
        h = LogSum.entropy_of(list(self.pmf.values())).to_expr(b)
        length = self.expected_length()
        if b != self.D:  # L is counted in D-ary digits: log_b(D) units of b each
            length = length * LogSum.log_of(sympy.Integer(self.D)).to_expr(b)
        return sympy.expand(length - h)

    def encode(self, symbols: Iterable[Any]) -> str:
        """The concatenated codewords of a sequence of symbols."""
        out = []
        for k, s in enumerate(symbols):
            if not isinstance(s, Hashable) or s not in self.codewords:
                raise DistributionError(
                    f"symbol {k}, {s!r}, of {short_repr(symbols)} has no codeword in this code"
                )
            out.append(self.codewords[s])
        return "".join(out)

    def decode(self, text: str) -> list[Any]:
        """The symbols of a concatenation of codewords (the code is prefix-free)."""
        if not isinstance(text, str):
            raise TypeError(f"decode() takes a string of code digits, got {short_repr(text)}")
        inverse = {w: s for s, w in self.codewords.items()}
        out, current = [], ""
        for k, ch in enumerate(text):
            current += ch
            if current in inverse:
                out.append(inverse[current])
                current = ""
            elif k - len(current) + 1 >= 0 and not any(w.startswith(current) for w in inverse):
                raise DistributionError(
                    f"no codeword starts with {current!r} "
                    f"(at position {k - len(current) + 1} of {short_repr(text)})"
                )
        if current:
            raise DistributionError(f"{short_repr(text)} ends inside a codeword: {current!r} is left over")
        return out


def kraft_sum(lengths: Iterable[int], D: int = 2) -> sympy.Rational:
    """``sum D**(-l)`` over the lengths, exact.

    >>> from symentropy.models.codes import kraft_sum
    >>> kraft_sum([1, 2, 3, 3])
    1
    """
    D = _check_d(D)
    if isinstance(lengths, (str, bytes, Mapping)) or not isinstance(lengths, Iterable):
        raise TypeError(f"lengths is a sequence of nonnegative integers; got {short_repr(lengths)}")
    total = Fraction(0)
    for k, length in enumerate(lengths):
        if isinstance(length, bool) or not isinstance(length, numbers.Integral) or length < 0:
            raise DistributionError(f"length {k} must be a nonnegative integer; got {short_repr(length)}")
        total += Fraction(1, D ** int(length))
    return sympy.Rational(total.numerator, total.denominator)


def kraft_lengths_exist(lengths: Iterable[int], D: int = 2) -> bool:
    """Whether a ``D``-ary prefix code with these lengths exists: the Kraft sum is at most 1.

    >>> from symentropy.models.codes import kraft_lengths_exist
    >>> kraft_lengths_exist([1, 2, 2]), kraft_lengths_exist([1, 1, 2])
    (True, False)
    """
    return bool(kraft_sum(lengths, D) <= 1)


def _canonical(lengths: Sequence[int], D: int) -> list[str]:
    """Codewords of the given lengths (in the given order, lengths nondecreasing), canonical."""
    words = []
    value = Fraction(0)
    for length in lengths:
        words.append(_digits(value, D, length))
        value += Fraction(1, D**length)
    return words


def shannon_code(source: Any, D: int = 2) -> Code:
    """The Shannon code: ``l(x) = ceil(log_D 1/p(x))``, codewords from the cumulative distribution.

    The symbols are taken in order of decreasing probability (ties in the
    order given); each codeword is the first ``l(x)`` digits of the ``D``-ary
    expansion of the total probability of the symbols before it (C&T §5.4,
    Problem 5.28).  ``H <= L < H + 1``.

    >>> from symentropy.models.codes import shannon_code
    >>> shannon_code(["1/2", "1/4", "1/8", "1/8"]).codewords
    {0: '0', 1: '10', 2: '110', 3: '111'}
    """
    D = _check_d(D)
    symbols, probabilities = source_pmf(source)
    pmf = dict(zip(symbols, probabilities, strict=True))
    used = [(s, p) for s, p in pmf.items() if p != 0]
    _require_rational(used)
    order = sorted(range(len(used)), key=lambda k: (-Fraction(int(used[k][1].p), int(used[k][1].q)), k))
    codewords = {}
    total = Fraction(0)
    for k in order:
        s, p = used[k]
        codewords[s] = _digits(total, D, _least_length(p, D))
        total += Fraction(int(p.p), int(p.q))
    return Code({s: codewords[s] for s, _ in used}, {s: p for s, p in used}, D, "Shannon")


def shannon_fano_elias_code(source: Any) -> Code:
    """The Shannon-Fano-Elias code (binary): ``l(x) = ceil(log2 1/p(x)) + 1`` digits of ``F(x) - p(x)/2``.

    ``F`` is the cumulative distribution in the order given, so no sorting
    is needed (C&T §5.9); ``L < H + 2``.

    >>> from symentropy.models.codes import shannon_fano_elias_code
    >>> shannon_fano_elias_code(["1/4", "1/2", "1/8", "1/8"]).codewords
    {0: '001', 1: '10', 2: '1101', 3: '1111'}
    """
    symbols, probabilities = source_pmf(source)
    used = [(s, p) for s, p in zip(symbols, probabilities, strict=True) if p != 0]
    _require_rational(used)
    codewords = {}
    total = Fraction(0)
    for s, p in used:
        q = Fraction(int(p.p), int(p.q))
        codewords[s] = _digits(total + q / 2, 2, _least_length(p, 2, extra=1))
        total += q
    return Code(codewords, dict(used), 2, "Shannon-Fano-Elias")


def fano_code(source: Any, D: int = 2) -> Code:
    """Fano's code: the symbols, by decreasing probability, cut into nearly equiprobable groups.

    A group of more than ``D`` symbols is cut into ``D`` consecutive parts of
    probabilities ``S_k`` making ``sum_k |S_k - S/D|`` least (for ``D = 2``,
    Fano's ``|S_1 - S_2|``); part ``k`` gets the digit ``k`` and is cut again.
    Ties: symbols of equal probability in the order given; between cuts, the
    earliest (then the earliest second cut, and so on).  Prefix-free, not
    always optimal.  Rational probabilities only (the cuts are compared exactly).
    Counts 15, 7, 6, 6, 5: ``{A, B}`` against ``{C, D, E}``, then ``C`` against ``{D, E}``:

    >>> from symentropy.models.codes import fano_code
    >>> code = fano_code({"A": "15/39", "B": "7/39", "C": "6/39", "D": "6/39", "E": "5/39"})
    >>> code.codewords
    {'A': '00', 'B': '01', 'C': '10', 'D': '110', 'E': '111'}
    >>> code.expected_length()
    89/39
    """
    D = _check_d(D)
    symbols, probabilities = source_pmf(source)
    used = [(s, p) for s, p in zip(symbols, probabilities, strict=True) if p != 0]
    _require_rational(used)
    order = sorted(range(len(used)), key=lambda k: (-Fraction(int(used[k][1].p), int(used[k][1].q)), k))
    scale = math.lcm(*(int(used[k][1].q) for k in order)) if used else 1
    weights = [int(used[k][1].p) * (scale // int(used[k][1].q)) for k in order]
    words = [""] * len(order)
    stack = [(0, len(order), "")]  # (start, stop, prefix): a group of consecutive sorted symbols
    while stack:
        start, stop, prefix = stack.pop()
        if stop - start == 1 and prefix:  # a part of one symbol: its codeword is complete
            words[start] = prefix
        elif stop - start <= D:
            for k in range(start, stop):
                words[k] = prefix + _DIGITS[k - start]
        else:
            cuts = _fano_cuts(weights[start:stop], D)
            bounds = [start, *(start + c for c in cuts), stop]
            for digit in range(D):
                stack.append((bounds[digit], bounds[digit + 1], prefix + _DIGITS[digit]))
    codewords = {used[k][0]: words[position] for position, k in enumerate(order)}
    return Code({s: codewords[s] for s, _ in used}, dict(used), D, "Fano")


def _fano_cuts(weights: Sequence[int], D: int) -> list[int]:
    """The ``D - 1`` cut positions of ``weights`` into nonempty runs with ``sum |D*S_k - S|`` least.

    Integer weights (probabilities over a common denominator), so every comparison is exact; the
    earliest cuts win ties.
    """
    n, total = len(weights), sum(weights)
    prefix = [0]
    for w in weights:
        prefix.append(prefix[-1] + w)
    if D == 2:  # Fano's rule, in one pass
        return [min(range(1, n), key=lambda c: abs(2 * prefix[c] - total))]
    # rest[g][i]: the least sum over g runs covering weights[i:]; after[g][i]: where the first ends.
    # Filled from the right and read from the left, so the first cut is the earliest of the best,
    # then the second, and so on: the cuts are the least in lexicographic order.
    rest: list[list[int | None]] = [[None] * (n + 1) for _ in range(D + 1)]
    after = [[0] * (n + 1) for _ in range(D + 1)]
    rest[0][n] = 0
    for g in range(1, D + 1):
        for i in range(n - g, -1, -1):
            for j in range(i + 1, n - (g - 1) + 1):
                tail = rest[g - 1][j]
                if tail is None:
                    continue
                c = tail + abs(D * (prefix[j] - prefix[i]) - total)
                best = rest[g][i]
                if best is None or c < best:  # strictly less: the earliest cut is kept on a tie
                    rest[g][i], after[g][i] = c, j
    cuts, i = [], 0
    for g in range(D, 1, -1):
        i = after[g][i]
        cuts.append(i)
    return cuts


def _require_rational(used: Sequence[tuple[Any, sympy.Expr]]) -> None:
    for s, p in used:
        if not p.is_Rational:
            raise UndecidedError(
                f"the code depends on the value of p({s!r}) = {p}; give exact rational probabilities"
            )


def huffman_code(source: Any, D: int = 2) -> Code:
    """The Huffman code: optimal among prefix codes (C&T §5.6, Theorem 5.8.1).

    Explanation
    ===========

    The ``D`` least probable nodes are merged until one is left; for
    ``D > 2``, dummy symbols of probability 0 are added first so that each
    merge takes exactly ``D`` nodes (C&T §5.6).  Ties: see
    :mod:`symentropy.models.codes`.  Symbols of probability 0 get no
    codeword.  Symbolic probabilities work when every comparison the
    algorithm makes is decided; otherwise ``UndecidedError`` names it.

    Examples
    ========

    A ternary code, Cover & Thomas, 2nd ed., Example 5.6.2:

    >>> code = huffman_code(["1/4", "1/4", "1/5", "3/20", "3/20"], D=3)
    >>> sorted(code.lengths.values()), code.expected_length()
    ([1, 1, 2, 2, 2], 3/2)
    """
    D = _check_d(D)
    symbols, probabilities = source_pmf(source)
    used = [(s, p) for s, p in zip(symbols, probabilities, strict=True) if p != 0]
    if len(used) <= D:  # one digit each: no comparison needed
        return Code({s: _DIGITS[k] for k, (s, _) in enumerate(used)}, dict(used), D, "Huffman")
    rational = all(p.is_Rational for _, p in used)
    dummies = (-(len(used) - 1)) % (D - 1)
    # nodes: (probability key, creation order, payload); payload is a symbol index or a list of children.
    # Rational probabilities are keyed by their integer numerators over the common denominator.
    keys: list[Any]
    if rational:
        common = math.lcm(*(int(p.q) for _, p in used))
        keys = [int(p.p) * (common // int(p.q)) for _, p in used] + [0] * dummies
    else:
        keys = [_Key(p) for _, p in used] + [_Key(sympy.Integer(0))] * dummies
    nodes: list[tuple[Any, int, Any]] = [
        (key, k, k if k < len(used) else None) for k, key in enumerate(keys)
    ]
    created = len(nodes)
    heapq.heapify(nodes)
    while len(nodes) > 1:
        taken = [heapq.heappop(nodes) for _ in range(D)]
        total = sum(t[0] for t in taken) if rational else _Key(sympy.Add(*(t[0].value for t in taken)))
        heapq.heappush(nodes, (total, created, [t[2] for t in taken]))
        created += 1
    codewords: dict[int, str] = {}

    def walk(payload: Any, prefix: str) -> None:
        if payload is None:
            return
        if isinstance(payload, int):
            codewords[payload] = prefix
            return
        for digit, child in enumerate(payload):
            walk(child, prefix + _DIGITS[digit])

    walk(nodes[0][2], "")
    return Code({used[k][0]: codewords[k] for k in range(len(used))}, dict(used), D, "Huffman")


class _Key:
    """A symbolic probability ordered for the heap by the exact comparison."""

    __slots__ = ("value",)

    def __init__(self, value: sympy.Expr):
        self.value = value

    def __lt__(self, other: _Key) -> bool:
        difference = sympy.factor(sympy.together(self.value - other.value))
        if difference == 0:
            return False
        sign = known_sign(difference) if difference.free_symbols else compare(difference, 0)
        if sign is None:
            raise UndecidedError(
                f"the Huffman merge order depends on whether {self.value} < {other.value}, which is undecided"
            )
        return sign < 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and not self < other and not other < self

    __hash__ = None  # type: ignore[assignment]
