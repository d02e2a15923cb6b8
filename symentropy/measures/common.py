"""Common information: what several variables share as a common random variable.

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
"""

from __future__ import annotations

from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.names import Names, as_group, union
from ..errors import DistributionError, UndecidedError
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from .shannon import as_distribution, marginal_entropy

__all__ = ["gacs_korner_common_information", "common_part"]


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
