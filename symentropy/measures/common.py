"""Common information: what several variables share as a common random variable.

=========================================  ================================================
function                                   value
=========================================  ================================================
:func:`gacs_korner_common_information`     ``H`` of the common part (Gács-Körner)
:func:`mss_common_information`             ``H`` of the join of the minimal sufficient
                                           statistics (dit's MSS common information)
:func:`wyner_common_information`           Wyner's ``min I(X,Y; V)`` over ``X - V - Y``,
                                           exact where a closed form is known
=========================================  ================================================

In the order ``gacs_korner <= I(X; Y) <= wyner <= mss``, the last two for
two variables.

:func:`gacs_korner_common_information` is the entropy of the Gács-Körner
*common part*: the finest random variable that is a function of each group
alone.  Two outcomes have the same common part when a chain of outcomes of
positive probability links them, each step sharing the value of one group:
the connected components of the support (Gács & Körner 1973).  The value is
exact, and

    gacs_korner_common_information <= I(X; Y)

with equality exactly when the dependence of ``X`` and ``Y`` is all in a
common function.

Examples
========

>>> from symentropy import Distribution
>>> from symentropy.measures.common import gacs_korner_common_information, common_part
>>> d = Distribution({(0, 0): "1/4", (0, 1): "1/4", (1, 2): "1/2"}, names=("X", "Y"))
>>> gacs_korner_common_information(d, "X", "Y")
1
>>> common_part(d, "X", "Y").to_dict()
{(0, 0, 0): 1/4, (0, 1, 0): 1/4, (1, 2, 1): 1/2}

References
==========

P. Gács and J. Körner, "Common information is far less than mutual
information", *Problems of Control and Information Theory* 2 (1973), 149-162.
A. D. Wyner, "The common information of two dependent random variables",
*IEEE Trans. Inform. Theory* 21 (1975), 163-179.
"""

from __future__ import annotations

from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.names import Names, as_group, union
from ..errors import DistributionError, UndecidedError
from ..kernel.binary_entropy import binary_entropy
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare
from .shannon import as_distribution, entropy, marginal_entropy, mutual_information

__all__ = [
    "gacs_korner_common_information", "common_part", "mss_common_information", "wyner_common_information",
]


def _components(d: Distribution, groups: list[tuple[str, ...]]) -> dict[tuple, int]:
    """``{outcome: component}`` over the support, components numbered in order of appearance."""
    positions = [d.positions(g) for g in groups]
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    support = []
    for outcome, p in d.items():
        if p.is_zero:
            continue
        if p.is_zero is None and not p.is_Rational:
            raise UndecidedError(
                f"cannot decide whether the probability {p} of outcome {outcome} is 0; "
                "the common part depends on the support"
            )
        support.append(outcome)
        nodes = [(k, tuple(outcome[i] for i in pos)) for k, pos in enumerate(positions)]
        for node in nodes:
            parent.setdefault(node, node)
        root = find(nodes[0])
        for node in nodes[1:]:
            other = find(node)
            if other != root:
                parent[other] = root
    numbering: dict[Any, int] = {}
    out = {}
    for outcome in support:
        root = find((0, tuple(outcome[i] for i in positions[0])))
        out[outcome] = numbering.setdefault(root, len(numbering))
    return out


def _groups_of(
    d: Distribution, groups: tuple[Any, ...], given: Names
) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    conditioning = as_group(given, "given")
    names = [as_group(g, f"group {k + 1}") for k, g in enumerate(groups)]
    if len(names) < 2:
        raise DistributionError("the common part needs two groups or more, e.g. common_part(d, 'X', 'Y')")
    d.positions([*(x for g in names for x in g), *conditioning])
    return [union(g, conditioning) for g in names], conditioning


def common_part(d: Distribution, *groups: Names, given: Names = (), name: str = "K") -> Distribution:
    """``d`` with a new variable ``name``: the Gács-Körner common part of the groups (numbered 0, 1, ...).

    With ``given``, each group is joined with the given variables, so the
    common part also determines them.
    """
    d = as_distribution(d)
    gs, _ = _groups_of(d, groups, given)
    labels = _components(d, gs)
    return Distribution.from_dict(
        {(*outcome, labels[outcome]): p for outcome, p in d.items() if outcome in labels},
        names=(*d.names, name),
    )


def gacs_korner_common_information(
    d: Distribution, *groups: Names, given: Names = (), base: Base = 2
) -> sympy.Expr:
    """Return the Gács-Körner common information ``H(K)`` of the groups (``H(K | given)`` with ``given``).

    Explanation
    ===========

    ``K`` is the common part (:func:`common_part`): the connected components
    of the support, where outcomes are linked when they agree on one group.
    dit's ``gk_common_information`` is the same quantity.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> gacs_korner_common_information(bits.with_variable("Z", lambda x, y: x), "X", "Z")
    1
    >>> gacs_korner_common_information(bits.with_variable("Z", lambda x, y: x ^ y), ("X", "Y"), "Z")
    1
    >>> gacs_korner_common_information(bits, "X", "Y")
    0
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups_of(d, groups, given)
    labels = _components(d, gs)
    weights: dict[int, sympy.Expr] = {}
    for outcome, k in labels.items():
        weights[k] = weights.get(k, sympy.Integer(0)) + d[outcome]
    h = LogSum.entropy_of(list(weights.values()))
    # the common part of groups joined with the condition determines it: H(K | Z) = H(K) - H(Z)
    return (h - marginal_entropy(d, conditioning)).to_expr(b)


def _equal(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Whether two conditional probabilities are equal, decided exactly.

    A missed equality would split a statistic and overstate the MSS common
    information, so nothing is guessed: numbers go through the exact
    comparison, rational functions of symbols are equal when their
    difference cancels to 0 (and differ as functions otherwise); anything
    else raises :class:`~symentropy.errors.UndecidedError`.
    """
    if a.is_Rational and b.is_Rational:
        return a == b
    if a.is_number and b.is_number:
        return compare(a, b) == 0
    difference = sympy.cancel(a - b)
    if difference == 0:
        return True
    if difference.is_rational_function():
        return False
    raise UndecidedError(f"whether the conditional probabilities {a} and {b} are equal is not decided")


def _same_row(a: dict[tuple, sympy.Expr], b: dict[tuple, sympy.Expr]) -> bool:
    return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)


def mss_common_information(d: Distribution, *groups: Names, base: Base = 2) -> sympy.Expr:
    """``H`` of the join of each group's minimal sufficient statistic about the other groups.

    Explanation
    ===========

    The minimal sufficient statistic of a group ``X_i`` about the rest is
    the map ``x_i -> p(rest | x_i)``: two values of ``X_i`` are merged
    exactly when they give the same conditional distribution of the other
    groups (decided exactly).  The result is the entropy of the tuple of
    these statistics (dit's ``mss_common_information``; the distribution of
    the tuple is dit's "information trim").  Without groups, each variable
    is a group.  For two variables it is at least Wyner's common
    information.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.common import mss_common_information
    >>> d = Distribution({(0, 0): "1/4", (1, 0): "1/4", (2, 1): "1/2"}, names=("X", "Y"))
    >>> mss_common_information(d)  # X = 0 and X = 1 say the same about Y
    1
    """
    d = as_distribution(d)
    b = as_base(base)
    names = [as_group(g, f"group {k + 1}") for k, g in enumerate(groups)] or [(x,) for x in d.names]
    if len(names) < 2:
        raise DistributionError("the MSS common information needs two groups or more")
    positions = [d.positions(g) for g in names]
    support = [(o, p) for o, p in d.items() if p != 0]
    statistics = []
    for i, own in enumerate(positions):
        rest = [k for j, ps in enumerate(positions) if j != i for k in ps]
        rows: dict[tuple, dict[tuple, sympy.Expr]] = {}
        for o, p in support:
            row = rows.setdefault(tuple(o[k] for k in own), {})
            key = tuple(o[k] for k in rest)
            row[key] = row.get(key, sympy.Integer(0)) + p
        classes: list[dict[tuple, sympy.Expr]] = []  # one conditional distribution per class
        label = {}
        for value, row in rows.items():
            total = sympy.Add(*row.values())
            conditional = {k: v / total for k, v in row.items()}
            found = next((c for c, seen in enumerate(classes) if _same_row(seen, conditional)), None)
            if found is None:
                found = len(classes)
                classes.append(conditional)
            label[value] = found
        statistics.append((own, label))
    weights: dict[tuple, sympy.Expr] = {}
    for o, p in support:
        joined = tuple(label[tuple(o[k] for k in own)] for own, label in statistics)
        weights[joined] = weights.get(joined, sympy.Integer(0)) + p
    return LogSum.entropy_of(list(weights.values())).to_expr(b)


def wyner_common_information(d: Distribution, X: Names, Y: Names, *, base: Base = 2) -> sympy.Expr:
    """Wyner's common information ``C(X; Y) = min I(X, Y; V)`` over ``V`` with ``X - V - Y``.

    Explanation
    ===========

    Exact in the cases with a known closed form:

    * when the Gács-Körner common information equals ``I(X; Y)`` (all the
      dependence is a common function ``K``; independent variables are the
      case ``K`` constant): ``C = I(X; Y)``;
    * the doubly symmetric binary source (uniform bits that differ with
      probability ``a``): ``C = 1 + h(a) - 2 h(a1)`` bits with
      ``a1 = (1 - sqrt(1 - 2a))/2`` for ``a <= 1/2`` (Wyner 1975), and
      ``C(a) = C(1 - a)``;
    * the binary symmetric erasure source (a uniform bit ``X`` and ``Y = X``
      or an erasure with probability ``p``): ``C = 1`` bit for ``p <= 1/2``
      and ``h(p)`` above.

    Otherwise the minimisation has no closed form here, and
    :class:`~symentropy.errors.UndecidedError` gives the exact bounds
    ``I(X; Y) <= C <= min(H(X), H(Y))``.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.common import wyner_common_information
    >>> dsbs = Distribution({(0, 0): "3/8", (0, 1): "1/8", (1, 0): "1/8", (1, 1): "3/8"}, names=("X", "Y"))
    >>> wyner_common_information(dsbs, "X", "Y")
    -2*binary_entropy(1/2 - sqrt(2)/4) - 3*log(3)/(4*log(2)) + 3
    """
    d = as_distribution(d)
    b = as_base(base)
    gx, gy = as_group(X, "X"), as_group(Y, "Y")
    pair = d.marginal(*gx, *gy)
    mutual = mutual_information(pair, gx, gy, base=b)
    if compare(gacs_korner_common_information(pair, gx, gy, base=b) - mutual, 0) == 0:
        return mutual
    closed = _binary_sources(pair, len(gx))
    if closed is not None:
        return sympy.expand(closed * sympy.log(2) / sympy.log(b)) if b != 2 else closed
    hx, hy = entropy(pair, *gx, base=b), entropy(pair, *gy, base=b)
    raise UndecidedError(
        f"Wyner's common information of these variables has no closed form here: it lies between "
        f"I(X; Y) = {mutual} and min(H(X), H(Y)) = {sympy.Min(hx, hy)}"
    )


def _binary_sources(pair: Distribution, split: int) -> sympy.Expr | None:
    """The closed forms of the doubly symmetric binary and erasure sources, in bits; None otherwise."""
    if split != 1 or len(pair.names) != 2:
        return None
    table = {o: p for o, p in pair.items() if p != 0}
    for flip in (False, True):
        cells = {((y, x) if flip else (x, y)): p for (x, y), p in table.items()}
        xs = sorted({x for x, _ in cells}, key=repr)
        ys = sorted({y for _, y in cells}, key=repr)
        if len(xs) != 2:
            continue
        zero, one = xs
        same = cells.get((zero, zero)), cells.get((one, one))
        if set(ys) == {zero, one}:  # doubly symmetric binary source
            off = cells.get((zero, one), 0)
            if same[0] == same[1] and cells.get((one, zero), 0) == off and same[0] is not None and off:
                a = 2 * off  # the probability that the bits differ
                if compare(a, sympy.Rational(1, 2)) > 0:
                    a = 1 - a
                a1 = (1 - sympy.sqrt(1 - 2 * a)) / 2
                return 1 + binary_entropy(a) - 2 * binary_entropy(a1)
        erased = [y for y in ys if y not in (zero, one)]
        if len(erased) == 1 and len(ys) == 3 and same[0] is not None and same[0] == same[1]:
            e = erased[0]
            if cells.get((zero, one)) is None and cells.get((one, zero)) is None:
                if cells.get((zero, e)) == cells.get((one, e)):
                    p = 2 * cells[(zero, e)]
                    return sympy.Integer(1) if compare(p, sympy.Rational(1, 2)) <= 0 else binary_entropy(p)
    return None
