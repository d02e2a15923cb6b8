"""Information shared by several variables: co-information and its relatives.

======================================  ====================================================
function                                value
======================================  ====================================================
:func:`co_information`                  ``I(X1; X2; ...; Xn)``, Cover & Thomas sign
:func:`interaction_information`         ``(-1)**n I(X1; ...; Xn)``, Jakulin & Bratko sign
:func:`total_correlation`               ``sum H(Xi) - H(X1, ..., Xn)`` (Watanabe)
:func:`dual_total_correlation`          ``H(X1, ..., Xn) - sum H(Xi | rest)`` (Han)
:func:`information_atoms`               the 3 or 7 regions of the information diagram
======================================  ====================================================

Every function takes ``(d, *groups, given=(), base=2)``.  Each group is a
variable name or a tuple of names (a joint variable); with no group, every
variable of ``d`` that is not in ``given`` is a group of its own.  With
``given``, every entropy is conditioned on those variables.

All measures are signed sums of joint entropies of unions of groups (the
inclusion-exclusion form of Yeung's I-measure), computed as exact sums of
logarithms: cancellations are exact, a quantity that is zero comes out as
``0``, and results for rational tables are in the canonical form of
:mod:`symentropy.measures.shannon`.

Examples
========

>>> from symentropy import uniform, independent
>>> from symentropy.measures.multivariate import co_information, information_atoms
>>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
>>> xor = bits.with_variable("Z", lambda x, y: x ^ y)
>>> co_information(xor)
-1
>>> information_atoms(xor)["I(X;Y|Z)"]
1
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import sympy

from ..core.distribution import Distribution
from ..core.names import Names, as_group, union
from ..errors import DistributionError
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare
from .shannon import as_distribution, marginal_entropy

__all__ = [
    "co_information",
    "interaction_information",
    "total_correlation",
    "dual_total_correlation",
    "o_information",
    "s_information",
    "residual_entropy",
    "caekl_mutual_information",
    "information_atoms",
    "co_information_logsum",
]


Groups = tuple[tuple[str, ...], ...]


def _groups(d: Distribution, groups: tuple[Names, ...], given: Names) -> tuple[Groups, tuple[str, ...]]:
    """Normalise ``groups`` and ``given``; default: each variable not in ``given``."""
    conditioning = as_group(given, "given")
    d.positions(conditioning)
    if groups:
        result = []
        for i, g in enumerate(groups):
            group = as_group(g, f"group {i + 1}")
            if not group:
                raise DistributionError(f"group {i + 1} is empty; give a variable name or a tuple of names")
            d.positions(group)
            result.append(group)
        return tuple(result), conditioning
    defaults = tuple((n,) for n in d.names if n not in conditioning)
    if not defaults:
        raise DistributionError(
            f"every variable of the distribution is in given={conditioning!r}; nothing is left"
        )
    return defaults, conditioning


def co_information_logsum(d: Distribution, groups: Groups, given: tuple[str, ...] = ()) -> LogSum:
    """``I(G1; ...; Gn | given)`` as a LogSum, by inclusion-exclusion.

    ``sum over nonempty S of (-1)**(|S| + 1) H(G_S | given)``; since the
    signs sum to 1, the ``H(given)`` terms collapse to a single ``-H(given)``.
    """
    total = -marginal_entropy(d, given)
    for k in range(1, len(groups) + 1):
        sign = Fraction(1 if k % 2 else -1)
        for combo in combinations(groups, k):
            total = total + marginal_entropy(d, union(*combo, given)).scaled(sign)
    return total


def co_information(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the co-information ``I(X1; X2; ...; Xn)``, or ``I(X1; ...; Xn | given)``.

    Explanation
    ===========

    The sign convention is that of Cover & Thomas (2nd ed., Problem 2.25),
    Yeung's I-measure and McGill (1954):
    ``I(X;Y;Z) = I(X;Y) - I(X;Y|Z)``, and in general
    ``I(X1; ...; Xn) = sum over nonempty S of (-1)**(|S| + 1) H(X_S)``.
    One group gives the entropy ``H(X1)``, two the mutual information.  It
    is symmetric in the groups and can be negative: for ``Z = X xor Y`` of
    two fair bits it is ``-1`` bit.  For the opposite sign on an odd number
    of variables see :func:`interaction_information`.

    Examples
    ========

    >>> from symentropy import Distribution, uniform, independent
    >>> from symentropy.measures.multivariate import co_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> co_information(bits.with_variable("Z", lambda x, y: x ^ y))
    -1
    >>> copies = uniform(2, name="X").with_variable("Y", lambda x: x).with_variable("Z", lambda x, y: x)
    >>> co_information(copies, "X", "Y", "Z")
    1
    >>> co_information(copies, "X", "Y", given="Z")
    0

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        The variables (a tuple of names is one joint variable).  Default:
        every variable of ``d`` not in ``given``.
    given : str or tuple of str
        Variables to condition on.
    base : 2, sympy.E, 10, a positive rational or a Symbol
        Base of the logarithm.

    See Also
    ========

    interaction_information, information_atoms, symentropy.measures.shannon.mutual_information

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Problem 2.25.

    W. J. McGill, "Multivariate information transmission", *Psychometrika*
    19 (1954), 97-116.

    R. W. Yeung, "A new outlook on Shannon's information measures", *IEEE
    Trans. Inf. Theory* 37 (1991), 466-474.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return co_information_logsum(d, gs, conditioning).to_expr(b)


def interaction_information(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the interaction information of the groups: ``(-1)**n`` times the co-information.

    Explanation
    ===========

    The convention of Jakulin and Bratko (2003):
    ``II(X1; ...; Xn) = -sum over all S of (-1)**(n - |S|) H(X_S)``, so for
    three variables ``II(X;Y;Z) = I(X;Y|Z) - I(X;Y)``, positive for synergy
    (``Z = X xor Y`` gives ``+1`` bit) and negative for redundancy.  It
    agrees with :func:`co_information` on an even number of groups and has
    the opposite sign on an odd number; two groups give the mutual
    information.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import interaction_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> interaction_information(bits.with_variable("Z", lambda x, y: x ^ y))
    1
    >>> interaction_information(bits, "X", "Y")
    0

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        Default: every variable of ``d`` not in ``given``.
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    co_information, information_atoms

    References
    ==========

    A. Jakulin and I. Bratko, "Quantifying and visualizing attribute
    interactions", arXiv:cs/0308002, 2003.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    value = co_information_logsum(d, gs, conditioning)
    if len(gs) % 2:
        value = -value
    return value.to_expr(b)


def total_correlation(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the total correlation ``sum_i H(Xi) - H(X1, ..., Xn)`` (multi-information).

    Explanation
    ===========

    Watanabe's total correlation: the divergence of the joint distribution
    from the product of its marginals, zero exactly when the groups are
    independent (given ``given``, if any).  For two groups it is the mutual
    information.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import total_correlation
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> xor = bits.with_variable("Z", lambda x, y: x ^ y)
    >>> total_correlation(xor), total_correlation(xor, "X", "Y")
    (1, 0)

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        Default: every variable of ``d`` not in ``given``.
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    dual_total_correlation, co_information

    References
    ==========

    S. Watanabe, "Information theoretical analysis of multivariate
    correlation", *IBM J. Res. Dev.* 4 (1960), 66-82.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return _total_correlation_logsum(d, gs, conditioning).to_expr(b)


def _total_correlation_logsum(d: Distribution, gs: Groups, given: tuple[str, ...]) -> LogSum:
    h_given = marginal_entropy(d, given)
    total = marginal_entropy(d, union(*gs, given)).scaled(Fraction(-1)) + h_given
    for g in gs:
        total = total + marginal_entropy(d, union(g, given)) - h_given
    return total


def dual_total_correlation(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the dual total correlation ``H(X1, ..., Xn) - sum_i H(Xi | X_rest)``.

    Explanation
    ===========

    Han's dual total correlation (also called binding information): the
    joint entropy minus the entropy that belongs to one group alone.  For
    two groups it is the mutual information.  The sum
    ``total_correlation + dual_total_correlation`` equals
    ``sum_i I(Xi; X_rest)``, and for three variables their difference
    ``total_correlation - dual_total_correlation`` is the co-information.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import dual_total_correlation
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> dual_total_correlation(bits.with_variable("Z", lambda x, y: x ^ y))
    2

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        Default: every variable of ``d`` not in ``given``.
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    total_correlation, co_information

    References
    ==========

    T. S. Han, "Nonnegative entropy measures of multivariate symmetric
    correlations", *Information and Control* 36 (1978), 133-156.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return _dual_total_correlation_logsum(d, gs, conditioning).to_expr(b)


def _dual_total_correlation_logsum(d: Distribution, gs: Groups, given: tuple[str, ...]) -> LogSum:
    return (
        marginal_entropy(d, union(*gs, given)) - marginal_entropy(d, given) - _residual_logsum(d, gs, given)
    )


def _residual_logsum(d: Distribution, gs: Groups, given: tuple[str, ...]) -> LogSum:
    """``sum_i H(G_i | G_rest, given)``."""
    h_all = marginal_entropy(d, union(*gs, given))
    total = LogSum()
    for i in range(len(gs)):
        rest = union(*gs[:i], *gs[i + 1 :], given)
        total = total + h_all - marginal_entropy(d, rest)
    return total


def o_information(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the O-information ``total_correlation - dual_total_correlation`` (Rosas et al. 2019).

    Explanation
    ===========

    Positive when redundancy dominates the dependencies among the groups,
    negative when synergy does; for three variables it is the
    co-information.  dit's ``o_information`` has the same sign.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import o_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> o_information(bits.with_variable("Z", lambda x, y: x ^ y))
    -1
    >>> o_information(uniform(2).with_variable("Y", lambda x: x).with_variable("Z", lambda x, y: x))
    1

    References
    ==========

    F. E. Rosas, P. A. M. Mediano, M. Gastpar and H. J. Jensen, "Quantifying
    high-order interdependencies via multivariate extensions of the mutual
    information", *Phys. Rev. E* 100 (2019), 032305.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return (
        _total_correlation_logsum(d, gs, conditioning) - _dual_total_correlation_logsum(d, gs, conditioning)
    ).to_expr(b)


def s_information(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the S-information ``total_correlation + dual_total_correlation`` (Rosas et al. 2019).

    It equals ``sum_i I(X_i; X_rest)``, the total of what each group shares
    with the others.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import s_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> s_information(bits.with_variable("Z", lambda x, y: x ^ y))
    3
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return (
        _total_correlation_logsum(d, gs, conditioning) + _dual_total_correlation_logsum(d, gs, conditioning)
    ).to_expr(b)


def residual_entropy(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the residual (erasure) entropy ``sum_i H(X_i | X_rest)``.

    Explanation
    ===========

    The entropy that belongs to each group alone (Verdú & Weissman's erasure
    entropy); ``H(X1, ..., Xn) = dual_total_correlation + residual_entropy``.
    dit calls it ``residual_entropy``.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import residual_entropy
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> residual_entropy(bits), residual_entropy(bits.with_variable("Z", lambda x, y: x ^ y))
    (2, 0)

    References
    ==========

    S. Verdú and T. Weissman, "The information lost in erasures", *IEEE
    Trans. Inf. Theory* 54 (2008), 5030-5058.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    return _residual_logsum(d, gs, conditioning).to_expr(b)


def _set_partitions(items: list[int]) -> list[list[list[int]]]:
    if not items:
        return [[]]
    first, rest = items[0], items[1:]
    out = []
    for partition in _set_partitions(rest):
        out.append([[first], *partition])
        for k in range(len(partition)):
            out.append([*partition[:k], [first, *partition[k]], *partition[k + 1 :]])
    return out


#: The most groups :func:`caekl_mutual_information` takes (the Bell number of 8 is 4,140 partitions).
CAEKL_MAX_GROUPS = 8


def caekl_mutual_information(
    d: Distribution, *groups: Names, given: Names = (), base: Base = 2
) -> sympy.Expr:
    """Return the CAEKL multivariate mutual information (Chan, Al-Bashabsheh, Ebrahimi, Kaced, Liu 2015).

    Explanation
    ===========

    ``min over partitions P of the groups into two or more parts of
    (sum over parts H(X_part) - H(X)) / (|P| - 1)``: for two groups the
    mutual information.  Each minimum is decided by the exact comparison.
    Zero exactly when some split of the groups is independent.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import caekl_mutual_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> caekl_mutual_information(bits.with_variable("Z", lambda x, y: x ^ y))
    1/2

    References
    ==========

    C. Chan, A. Al-Bashabsheh, J. B. Ebrahimi, T. Kaced and T. Liu,
    "Multivariate mutual information inspired by secret-key agreement",
    *Proc. IEEE* 103 (2015), 1883-1913.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    if len(gs) < 2:
        raise DistributionError("caekl_mutual_information() needs two groups or more")
    if len(gs) > CAEKL_MAX_GROUPS:
        raise DistributionError(
            f"{len(gs)} groups; caekl_mutual_information() takes at most {CAEKL_MAX_GROUPS}"
        )
    h_all = marginal_entropy(d, union(*gs, conditioning))
    h_given = marginal_entropy(d, conditioning)
    best: sympy.Expr | None = None
    for partition in _set_partitions(list(range(len(gs)))):
        if len(partition) < 2:
            continue
        total = -h_all + h_given
        for part in partition:
            total = total + marginal_entropy(d, union(*(gs[i] for i in part), conditioning)) - h_given
        value = total.scaled(Fraction(1, len(partition) - 1)).to_expr(b)
        if best is None or compare(value, best) < 0:
            best = value
    assert best is not None
    return best


def _label(gs: Groups, inside: tuple[int, ...], given: tuple[str, ...]) -> str:
    outside = [i for i in range(len(gs)) if i not in inside]
    condition = list(union(*(gs[i] for i in outside), given))
    body = ";".join(",".join(gs[i]) for i in inside)
    letter = "H" if len(inside) == 1 else "I"
    return f"{letter}({body}|{','.join(condition)})" if condition else f"{letter}({body})"


def information_atoms(
    d: Distribution, *groups: Names, given: Names = (), base: Base = 2
) -> dict[str, sympy.Expr]:
    """Return the atoms of the information diagram of 2 or 3 groups (Yeung's I-measure).

    Explanation
    ===========

    Each region of the Venn diagram of ``H(X)``, ``H(Y)``, ``H(Z)`` has a
    value: for three groups the seven atoms ``H(X|Y,Z)``, ``H(Y|X,Z)``,
    ``H(Z|X,Y)``, ``I(X;Y|Z)``, ``I(X;Z|Y)``, ``I(Y;Z|X)`` and the
    co-information ``I(X;Y;Z)``; for two groups the three atoms ``H(X|Y)``,
    ``H(Y|X)``, ``I(X;Y)``.  The atoms sum to the joint entropy, and every
    Shannon measure of the groups is the sum of the atoms in its region.
    Only the co-information atom can be negative.

    The result is a dict from a label to the exact value, in that order.
    A label names the group of a tuple by its names joined with commas
    (``I(X1,X2;Y)``); with ``given``, those variables are appended to every
    condition (``H(X|Y,Z,W)``, ``I(X;Y;Z|W)``).

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.multivariate import information_atoms
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> information_atoms(bits.with_variable("Z", lambda x, y: x ^ y))
    {'H(X|Y,Z)': 0, 'H(Y|X,Z)': 0, 'H(Z|X,Y)': 0, 'I(X;Y|Z)': 1, 'I(X;Z|Y)': 1, 'I(Y;Z|X)': 1, 'I(X;Y;Z)': -1}
    >>> information_atoms(bits.with_variable("S", lambda x, y: x + y), "X", ("Y", "S"))
    {'H(X|Y,S)': 0, 'H(Y,S|X)': 1, 'I(X;Y,S)': 1}

    Parameters
    ==========

    d : Distribution
    groups : str or tuple of str
        Two or three groups; default: the variables of ``d`` not in
        ``given``, which must then number two or three.
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    co_information, symentropy.measures.shannon.mutual_information

    References
    ==========

    R. W. Yeung, *Information Theory and Network Coding*, Springer, 2008,
    chapter 3 (the I-measure).

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Figure 2.2 and Problem 2.25.
    """
    d = as_distribution(d)
    b = as_base(base)
    gs, conditioning = _groups(d, groups, given)
    if len(gs) not in (2, 3):
        raise DistributionError(
            f"information_atoms() needs 2 or 3 groups, got {len(gs)}: " + ", ".join(",".join(g) for g in gs)
        )
    atoms: dict[str, sympy.Expr] = {}
    for k in range(1, len(gs) + 1):
        for inside in combinations(range(len(gs)), k):
            outside = union(*(gs[i] for i in range(len(gs)) if i not in inside), conditioning)
            value = co_information_logsum(d, tuple(gs[i] for i in inside), outside)
            atoms[_label(gs, inside, conditioning)] = value.to_expr(b)
    return atoms
