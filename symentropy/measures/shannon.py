"""Shannon measures of exact distributions.

=====================================  ===============================================
function                               value
=====================================  ===============================================
:func:`entropy`                        ``H(A)`` or ``H(A | C)``
:func:`joint_entropy`                  ``H(A, B, ...)``
:func:`conditional_entropy`            ``H(A | C)``
:func:`mutual_information`             ``I(A; B)`` or ``I(A; B | C)``
=====================================  ===============================================

Each ``A``, ``B``, ``C`` is a variable name or a tuple of names.  Results are
exact sympy expressions in the logarithm base ``base`` (bits by default),
with the convention ``0 log 0 = 0``.  For tables of rational numbers the
result has one canonical form: a rational number plus rational multiples of
``log(p)/log(base)`` for primes ``p``, so equal quantities are structurally
equal and a quantity that is zero is ``0``.  For symbolic tables the result
is an expanded sum of terms ``-c*log(c)/log(base)``, ready for ``diff``,
``solve``, ``limit`` and ``lambdify``.

Every measure is computed from entropies of marginals (Cover & Thomas,
*Elements of Information Theory*, 2nd ed., eqs. 2.21 and 2.45-2.47 and 2.60):
``H(A|C) = H(A,C) - H(C)`` and ``I(A;B|C) = H(A,C) + H(B,C) - H(A,B,C) - H(C)``.
The entropies are exact sums of logarithms, so the cancellations are exact.

Examples
========

>>> from sympy import E
>>> from symentropy import Distribution, entropy, mutual_information
>>> d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
>>> entropy(d, "X")
-2/3 + log(3)/log(2)
>>> entropy(d, "X", given="Y")
2/3
>>> mutual_information(d, "X", "Y", base=E)
-4*log(2)/3 + log(3)
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from ..core.distribution import Distribution
from ..core.names import Names, as_group, name_arguments, union
from ..errors import DistributionError
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum, nonnegative_forms
from ..kernel.primes import TRIAL_BOUND, coprime_basis
from ..models.channel import Channel
from ..models.continuous import ContinuousDistribution
from ..models.families import FormulaDistribution
from ..models.stats import from_stats, is_random_expression

__all__ = [
    "entropy",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "marginal_entropy",
    "conditional_entropy_logsum",
    "mutual_information_logsum",
    "as_distribution",
    "distribution_basis",
    "known_nonnegative",
]

def as_distribution(d: object) -> Distribution:
    """Return ``d`` if it is a finite joint table; TypeError otherwise.

    Measures of several variables need a :class:`~symentropy.Distribution`;
    ``entropy()`` alone also takes infinite-support families and
    ``sympy.stats`` variables.
    """
    if not isinstance(d, Distribution):
        raise TypeError(
            f"expected a Distribution, got {type(d).__name__}; measures of several variables need a finite "
            "joint table (a FormulaDistribution or a sympy.stats variable is accepted by entropy() only)"
        )
    return d


#: Up to this many variables, the coprime basis of a distribution is taken over all its marginals.
SHARED_BASIS_VARIABLES = 6


def marginal_entropy(d: Distribution, names: Sequence[str]) -> LogSum:
    """Return ``H(names)`` of ``d`` as an exact :class:`~symentropy.kernel.logsum.LogSum` (nats).

    The value depends only on the set of names; it is cached on ``d``.
    An empty set has entropy 0.  When an entropy holds composite cofactors
    (integers too large to factor), every entropy of ``d`` is written over
    one coprime basis (:func:`distribution_basis`), so that results of one
    distribution that are equal are structurally equal:
    ``mutual_information(d, "X", "Y") == entropy(d, "X") + entropy(d, "Y") - entropy(d, "X", "Y")``.
    """
    key = ("H", frozenset(names))
    cached = d.memo.get(key)
    if cached is None:
        cached = _raw_entropy(d, names)
        if cached.cofactors():
            cached = cached.over_basis(distribution_basis(d))
        d.memo[key] = cached
    return cached


def _raw_entropy(d: Distribution, names: Sequence[str]) -> LogSum:
    key = ("H raw", frozenset(names))
    cached = d.memo.get(key)
    if cached is None:
        if not names:
            cached = LogSum()
        else:
            if names is d.names or tuple(names) == d.names:  # all of them, in order: nothing to check
                table = d
            else:
                ordered = tuple(n for n in d.names if n in key[1])
                d.positions(names)  # unknown names raise UnknownVariableError
                table = d if ordered == d.names else d.marginal(*ordered)
            census = table.census
            if census is not None:  # a table of rationals, counted when it was built
                cached = LogSum.entropy_of_counts(census)
            else:
                cached = LogSum.entropy_of(table.probabilities, known_nonnegative(d))
        d.memo[key] = cached
    return cached


def known_nonnegative(d: Distribution) -> frozenset:
    """What is nonnegative wherever ``d`` is a distribution, in the form ``LogSum`` looks up.

    Its cells and the cells of its one-variable marginals (sums of cells),
    and ``a - b`` for each recorded condition ``a >= b`` (``d.conditions``).
    The logarithm of a cell ``(1 - p)*q`` is then ``log(1 - p) + log(q)``
    when ``1 - p`` and ``q`` are marginal probabilities, so that the mutual
    information of a product table in symbols is exactly ``0`` without
    assumptions on the symbols.  Empty for tables of numbers.
    """
    key = ("nonnegative",)
    cached = d.memo.get(key)
    if cached is None:
        if d.census is not None or all(p.is_number for p in d.probabilities):
            cached = frozenset()
        else:
            known = list(d.probabilities)
            for name in d.names:
                known.extend(d.marginal(name).probabilities)
            for condition in d.conditions:
                if isinstance(condition, (sympy.GreaterThan, sympy.StrictGreaterThan)):
                    known.append(condition.lhs - condition.rhs)
                elif isinstance(condition, (sympy.LessThan, sympy.StrictLessThan)):
                    known.append(condition.rhs - condition.lhs)
            cached = nonnegative_forms(known)
        d.memo[key] = cached
    return cached


def distribution_basis(d: Distribution) -> list[int]:
    """The coprime basis of the composite cofactors of every marginal entropy of ``d``.

    For a distribution of up to :data:`SHARED_BASIS_VARIABLES` variables the
    basis spans the entropies of all its marginals, so every Shannon measure
    of it is written over this one basis.  With more variables it spans the
    marginals asked for so far and grows with them (results computed earlier
    keep the older basis, so equal values could then print differently;
    :func:`~symentropy.kernel.numeric.compare` still decides them exactly).
    """
    known = d.memo.get(("basis",))
    if known is not None and len(d.names) > SHARED_BASIS_VARIABLES:
        known = None  # recomputed over the marginals asked for until now
    if known is None:
        if len(d.names) <= SHARED_BASIS_VARIABLES:
            masks = range(1, 1 << len(d.names))
            groups = [tuple(n for k, n in enumerate(d.names) if mask >> k & 1) for mask in masks]
        else:
            groups = [tuple(key[1]) for key in list(d.memo) if isinstance(key, tuple) and key[0] == "H raw"]
        entropies = [_raw_entropy(d, g) for g in groups]
        cofactors = sorted({k for h in entropies for k in h.cofactors()})
        # the primes of every marginal belong to the basis too: one may divide another's cofactor
        keys = {k for h in entropies for k in h.terms if isinstance(k, int) and k >= TRIAL_BOUND}
        primes = sorted(keys - set(cofactors))
        known = coprime_basis(cofactors, primes) if cofactors else []
        d.memo[("basis",)] = known
    return known


def conditional_entropy_logsum(d: Distribution, names: Sequence[str], given: Sequence[str]) -> LogSum:
    """``H(names | given)`` as a LogSum: ``H(names, given) - H(given)``."""
    return marginal_entropy(d, union(names, given)) - marginal_entropy(d, given)


def mutual_information_logsum(
    d: Distribution, a: Sequence[str], b: Sequence[str], given: Sequence[str] = ()
) -> LogSum:
    """``I(a; b | given)`` as a LogSum, from four marginal entropies."""
    return (
        marginal_entropy(d, union(a, given))
        + marginal_entropy(d, union(b, given))
        - marginal_entropy(d, union(a, b, given))
        - marginal_entropy(d, given)
    )


def entropy(d: Distribution, *names: str, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the (conditional) Shannon entropy ``H(names | given)``.

    Explanation
    ===========

    With no names, the entropy of all variables of ``d``.  With ``given``,
    the conditional entropy ``H(A|C) = H(A, C) - H(C)`` (Cover & Thomas,
    2nd ed., Theorem 2.2.1).  ``0 log 0 = 0``.

    Examples
    ========

    >>> from sympy import Symbol, E, log
    >>> from symentropy import Distribution, uniform, entropy
    >>> entropy(uniform(range(1, 7), name="X"))
    1 + log(3)/log(2)
    >>> entropy(uniform(6), base=E)
    log(2) + log(3)
    >>> p = Symbol("p")
    >>> h = entropy(Distribution.from_pmf([p, 1 - p]))
    >>> h
    -xlogx(p)/log(2) - xlogx(1 - p)/log(2)
    >>> h.subs(p, 0), h.rewrite(log)
    (0, -p*log(p)/log(2) - (1 - p)*log(1 - p)/log(2))

    Parameters
    ==========

    d : Distribution, FormulaDistribution or a sympy.stats random variable
    names : str
        Variables whose joint entropy is wanted; all variables if none.
    given : str or tuple of str
        Variables to condition on.
    base : 2, sympy.E, 10, a positive rational or a Symbol
        Base of the logarithm: 2 gives bits, ``E`` nats.

    See Also
    ========

    conditional_entropy, joint_entropy, mutual_information

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, eqs. (2.1), (2.8), (2.10).
    """
    if not isinstance(d, Distribution):
        return _entropy_of_model(d, names, given, base)
    b = as_base(base)
    if names:
        name_arguments(names, "entropy(d, 'X', 'Y')")
    targets = tuple(names) if names else d.names
    conditioning = () if type(given) is tuple and not given else as_group(given, "given")
    if not conditioning:
        return marginal_entropy(d, targets).to_expr(b)
    return conditional_entropy_logsum(d, targets, conditioning).to_expr(b)


def _entropy_of_model(d: object, names: tuple, given: Names, base: Base) -> sympy.Expr:
    """``entropy()`` of what is not a Distribution: converted by the models layer, then measured."""
    if is_random_expression(d):
        d = from_stats(d)  # type: ignore[arg-type]
        if isinstance(d, Distribution):
            return entropy(d, *names, given=given, base=base)
    if isinstance(d, FormulaDistribution):
        d.check_variables(name_arguments(names, "entropy(d, 'X')"))
        conditioning = as_group(given, "given")
        d.check_variables(conditioning)
        if conditioning:
            return sympy.Integer(0)  # H(X | X) = 0
        return d.entropy(base=base)
    if isinstance(d, ContinuousDistribution):
        raise TypeError(
            f"entropy() is the Shannon entropy of a discrete distribution, and {d!r} is continuous; "
            f"its differential entropy is differential_entropy({d!r})"
        )
    raise TypeError(
        "expected a Distribution, a FormulaDistribution or a sympy.stats random variable, "
        f"got {type(d).__name__}"
    )


def joint_entropy(d: Distribution, *names: str, base: Base = 2) -> sympy.Expr:
    """Return the joint entropy ``H(names)`` (all variables if none are named).

    >>> from symentropy import uniform, independent, joint_entropy
    >>> joint_entropy(independent(uniform(2, name="X"), uniform(4, name="Y")), "X", "Y")
    3
    """
    return entropy(d, *names, base=base)


def conditional_entropy(d: Distribution, names: Names, given: Names, *, base: Base = 2) -> sympy.Expr:
    """Return the conditional entropy ``H(names | given)``.

    Same as ``entropy(d, *names, given=given, base=base)``; ``names`` and
    ``given`` are each a name or a tuple of names.

    >>> from symentropy import uniform, independent, conditional_entropy
    >>> dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    >>> dice = dice.with_variable("S", lambda a, b: a + b)
    >>> conditional_entropy(dice, "A", "S")
    log(3)/(3*log(2)) + 5*log(5)/(18*log(2)) + 13/18
    """
    group = as_group(names, "names")
    if not group:
        raise DistributionError("conditional_entropy() needs at least one variable before the bar")
    return entropy(d, *group, given=given, base=base)


def mutual_information(
    d: Distribution, a: Names, b: Names | None = None, *, given: Names = (), base: Base = 2
) -> sympy.Expr:
    """Return the mutual information ``I(a; b)``, or ``I(a; b | given)``.

    Explanation
    ===========

    ``I(A;B|C) = H(A,C) + H(B,C) - H(A,B,C) - H(C)`` (Cover & Thomas, 2nd
    ed., eq. 2.60).  Each of ``a``, ``b``, ``given`` is a name or a tuple of
    names, so ``I(X,Y;Z)`` is ``mutual_information(d, ("X", "Y"), "Z")``.
    For rational tables the result is exactly ``0`` if and only if the
    variables are (conditionally) independent.

    ``mutual_information(channel, input_pmf)`` gives ``I(X;Y)`` of a
    :class:`~symentropy.models.channel.Channel` used with that input distribution.

    Examples
    ========

    >>> from symentropy import uniform, independent, mutual_information
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> xor = bits.with_variable("Z", lambda x, y: x ^ y)
    >>> mutual_information(xor, "X", "Y"), mutual_information(xor, "X", "Y", given="Z")
    (0, 1)
    >>> mutual_information(xor, ("X", "Y"), "Z")
    1

    See Also
    ========

    entropy, conditional_entropy

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, eqs. (2.28), (2.60).
    """
    if isinstance(d, Channel):
        if b is not None or given != ():
            raise TypeError(
                "mutual_information(channel, input_pmf) takes a channel and an input distribution only"
            )
        return mutual_information(d.joint(a), "X", "Y", base=base)
    if b is None:
        raise TypeError(
            "mutual_information() needs a variable on each side, e.g. mutual_information(d, 'X', 'Y')"
        )
    d = as_distribution(d)
    base_ = as_base(base)
    ga, gb = as_group(a, "a"), as_group(b, "b")
    if not ga or not gb:
        raise DistributionError("mutual_information() needs a variable on each side of ';'")
    return mutual_information_logsum(d, ga, gb, as_group(given, "given")).to_expr(base_)
