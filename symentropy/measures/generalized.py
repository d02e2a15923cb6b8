"""Generalised entropies and normalised information measures.

==========================================  ===============================================
function                                    value
==========================================  ===============================================
:func:`renyi_entropy`                       ``log(sum p**alpha) / (1 - alpha)``
:func:`tsallis_entropy`                     ``(1 - sum p**q) / (q - 1)``
:func:`variation_of_information`            ``H(A|B) + H(B|A)``
:func:`normalized_mutual_information`       ``I(A;B)`` divided by a mean of entropies
:func:`extropy`                             ``-sum (1 - p) log(1 - p)`` (Lad, Sanfilippo, Agrò)
:func:`perplexity`                          ``base ** H``
==========================================  ===============================================

Orders (``alpha``, ``q``) are exact nonnegative numbers, ``sympy.oo``
(Rényi only) or symbols; floats are refused.  The special orders of the
Rényi entropy are exact limits: ``0`` is the log of the support size
(Hartley), ``1`` the Shannon entropy, ``2`` the collision entropy and
``oo`` the min-entropy.  For rational tables and rational orders the
result is an exact sum of logarithms, canonical for integer orders.

Examples
========

>>> from sympy import oo
>>> from symentropy import Distribution
>>> from symentropy.measures.generalized import renyi_entropy
>>> d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
>>> [renyi_entropy(d, a) for a in (0, 1, 2, oo)]
[log(3)/log(2), 3/2, -log(3)/log(2) + 3, 1]
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.names import Names, as_group, name_arguments, union
from ..errors import DistributionError
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare, known_sign
from ..kernel.simplify import tidy
from .shannon import as_distribution, marginal_entropy, mutual_information_logsum

__all__ = [
    "renyi_entropy",
    "tsallis_entropy",
    "variation_of_information",
    "normalized_mutual_information",
    "extropy",
    "perplexity",
    "NMI_VARIANTS",
    "as_order",
]

#: The variants of :func:`normalized_mutual_information`, by name.
NMI_VARIANTS = ("arithmetic", "geometric", "min", "max", "joint")


def as_order(value: Any, name: str, what: str, *, allow_negative: bool = False) -> sympy.Expr:
    """Validate the order of a generalised measure (the ``alpha`` of a Rényi entropy or divergence).

    Exact nonnegative numbers, ``oo`` (also the string ``"oo"``) and symbols
    are accepted; a symbol is assumed to be a valid order.  ``name`` is the
    order's name and ``what`` the function asking, both for the messages.
    Floats are refused, and a negative number raises
    :class:`~symentropy.errors.DistributionError` (its sign is decided
    exactly, by :func:`~symentropy.kernel.numeric.known_sign`) unless
    ``allow_negative`` (the Tsallis entropy, summed over the support, is
    defined for every real order).

    Examples
    ========

    >>> from sympy import log
    >>> from symentropy.measures.generalized import as_order
    >>> as_order("1/2", "alpha", "renyi_entropy"), as_order("oo", "alpha", "renyi_entropy")
    (1/2, oo)
    >>> as_order(log(2) - 1, "q", "tsallis_entropy")
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: tsallis_entropy: the order q must be nonnegative, got -1 + log(2)
    """
    if isinstance(value, str) and value.strip() == "oo":
        return sympy.oo
    if isinstance(value, bool):
        raise TypeError(f"{what}: the order {name} must be a number, got {value!r}")
    order = as_exact(value, what=f"the order {name} of {what}")
    if order == sympy.oo:
        return order
    if order.has(sympy.nan, sympy.zoo, -sympy.oo) or order.is_extended_real is False:
        raise DistributionError(
            f"{what}: the order {name} must be a nonnegative real number or oo, got {order}"
        )
    if not allow_negative and known_sign(order) == -1:
        raise DistributionError(f"{what}: the order {name} must be nonnegative, got {order}")
    return order


def _targets(d: Distribution, names: tuple[Any, ...], what: str) -> tuple[str, ...]:
    names = name_arguments(names, f"{what}(d, 2, 'X')")
    if not names:
        return d.names
    d.positions(names)
    return tuple(dict.fromkeys(names))


def _support(d: Distribution, names: tuple[str, ...]) -> list[sympy.Expr]:
    table = d if names == d.names else d.marginal(*names)
    return [p for p in table.probabilities if not p.is_zero]


def _divisor(base: sympy.Expr) -> sympy.Expr:
    return sympy.Integer(1) if base == sympy.E else sympy.log(base)


def renyi_entropy(d: Distribution, alpha: Any, *names: str, base: Base = 2) -> sympy.Expr:
    """Return the Rényi entropy of order ``alpha``, ``H_alpha = log(sum p**alpha) / (1 - alpha)``.

    Explanation
    ===========

    The sum runs over the support.  The special orders are exact:

    - ``alpha = 0``: ``log`` of the support size (Hartley entropy);
    - ``alpha = 1``: the Shannon entropy (the limit ``alpha -> 1``);
    - ``alpha = 2``: ``-log sum p**2``, the collision entropy;
    - ``alpha = oo``: ``-log max p``, the min-entropy.

    ``H_alpha`` is nonincreasing in ``alpha`` and equals ``log n`` for every
    order on a uniform distribution of ``n`` outcomes.  For a rational table
    and an integer order the sum is rational and the result canonical; a
    fractional order gives logarithms of algebraic numbers.  A Symbol
    ``alpha`` gives the general formula, whose limit at ``alpha = 1`` is the
    Shannon entropy.  A symbolic cell is counted in the support unless it is
    provably zero.

    Examples
    ========

    >>> from sympy import Symbol, limit, oo
    >>> from symentropy import Distribution, uniform
    >>> from symentropy.measures.generalized import renyi_entropy
    >>> d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
    >>> renyi_entropy(d, 2), renyi_entropy(d, oo), renyi_entropy(uniform(6), 3)
    (-log(3)/log(2) + 3, 1, 1 + log(3)/log(2))
    >>> renyi_entropy(d, "1/2")
    -2 + 2*log(sqrt(2) + 2)/log(2)
    >>> a = Symbol("a", positive=True)
    >>> h = renyi_entropy(d, a)
    >>> h
    log(2/4**a + (1/2)**a)/((1 - a)*log(2))
    >>> limit(h, a, 1)
    3/2
    >>> renyi_entropy(d, -1)
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: renyi_entropy: the order alpha must be nonnegative, got -1

    Parameters
    ==========

    d : Distribution
    alpha : nonnegative exact number, ``sympy.oo`` (or ``"oo"``) or a Symbol
        The order.
    names : str
        Variables whose joint Rényi entropy is wanted; all if none.
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    tsallis_entropy, symentropy.measures.shannon.entropy,
    symentropy.measures.divergences.renyi_divergence

    References
    ==========

    A. Rényi, "On measures of entropy and information", *Proc. Fourth
    Berkeley Symp. Math. Statist. Prob.* 1 (1961), 547-561.
    """
    d = as_distribution(d)
    b = as_base(base)
    a = as_order(alpha, "alpha", "renyi_entropy")
    targets = _targets(d, names, "renyi_entropy")
    if a == 1:
        return marginal_entropy(d, targets).to_expr(b)
    probs = _support(d, targets)
    if a == 0:
        return LogSum.log_of(sympy.Integer(len(probs))).to_expr(b)
    if a == sympy.oo:
        if all(p.is_number for p in probs):  # the order decided exactly
            largest = max(probs, key=functools.cmp_to_key(compare))
        else:
            largest = tidy(sympy.Max(*probs))
        return (-LogSum.log_of(largest)).to_expr(b)
    total = sympy.Add(*(p**a for p in probs))
    if a.is_number:
        total = total if total.is_Rational else tidy(total)
        return LogSum.log_of(total).scaled(1 / (1 - a)).to_expr(b)
    return sympy.log(total) / ((1 - a) * _divisor(b))


def tsallis_entropy(d: Distribution, q: Any, *names: str) -> sympy.Expr:
    """Return the Tsallis entropy ``S_q = (1 - sum p**q) / (q - 1)``.

    Explanation
    ===========

    The sum runs over the support.  ``q = 1`` gives the Shannon entropy in
    nats (the limit ``q -> 1``), ``q = 0`` the support size minus one and
    ``q = 2`` the Gini-Simpson index ``1 - sum p**2``.  ``q`` is a finite
    exact real number or a Symbol; a negative order is defined when every
    outcome has a positive probability (``q = -1`` gives ``(sum 1/p - 1)/2``),
    and an outcome listed with probability 0 then raises
    :class:`~symentropy.errors.DistributionError` naming it (``0**q`` is
    infinite).  The Tsallis entropy has no
    logarithm, so there is no ``base``: it is ``(1 - exp((1 - q) H_q)) /
    (q - 1)`` with ``H_q`` the Rényi entropy in nats.

    Examples
    ========

    >>> from sympy import Symbol, limit
    >>> from symentropy import Distribution
    >>> from symentropy.measures.generalized import tsallis_entropy
    >>> d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
    >>> tsallis_entropy(d, 2), tsallis_entropy(d, 0), tsallis_entropy(d, 1), tsallis_entropy(d, -1)
    (5/8, 2, 3*log(2)/2, 9/2)
    >>> p = Symbol("p")
    >>> tsallis_entropy(Distribution.from_pmf([p, 1 - p]), 2)
    -2*p*(p - 1)

    Parameters
    ==========

    d : Distribution
    q : exact real number or a Symbol
        The entropic index.
    names : str
        Variables whose joint Tsallis entropy is wanted; all if none.

    See Also
    ========

    renyi_entropy, symentropy.measures.shannon.entropy

    References
    ==========

    C. Tsallis, "Possible generalization of Boltzmann-Gibbs statistics",
    *J. Stat. Phys.* 52 (1988), 479-487.
    """
    d = as_distribution(d)
    order = as_order(q, "q", "tsallis_entropy", allow_negative=True)
    if order == sympy.oo:
        raise DistributionError("tsallis_entropy: the order q must be finite, got oo")
    targets = _targets(d, names, "tsallis_entropy")
    if order == 1:
        return marginal_entropy(d, targets).to_expr(sympy.E)
    if known_sign(order) == -1:
        table = d if targets == d.names else d.marginal(*targets)
        zero = next((o for o, p in table.items() if p.is_zero), None)
        if zero is not None:
            shown = zero[0] if len(zero) == 1 else zero
            raise DistributionError(
                f"tsallis_entropy of the negative order q = {order} is infinite: outcome {shown!r} has "
                "probability 0; leave it out, e.g. "
                "Distribution.from_dict({o: p for o, p in d.items() if p != 0}, names=d.names)"
            )
    probs = _support(d, targets)
    if order == 0:
        return sympy.Integer(len(probs) - 1)
    value = (1 - sympy.Add(*(p**order for p in probs))) / (order - 1)
    if value.is_Rational or not order.is_number:
        return value
    return tidy(value)


def variation_of_information(
    d: Distribution, a: Names, b: Names, *, given: Names = (), base: Base = 2
) -> sympy.Expr:
    """Return the variation of information ``VI(A, B) = H(A|B) + H(B|A)``.

    Explanation
    ===========

    ``VI(A, B) = 2 H(A, B) - H(A) - H(B) = H(A, B) - I(A; B)`` (Meilă 2003)
    is a metric on partitions: zero exactly when each of ``A``, ``B`` is a
    function of the other, symmetric, and satisfying the triangle
    inequality.  With ``given``, every entropy is conditioned on it.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.generalized import variation_of_information
    >>> dice = independent(uniform(range(1, 7), name="A"), uniform(range(1, 7), name="B"))
    >>> d = dice.with_variable("P", lambda a, b: a % 2).with_variable("Q", lambda a, b, p: (a + 1) % 2)
    >>> variation_of_information(d, "P", "Q"), variation_of_information(d, "A", "B")
    (0, 2 + 2*log(3)/log(2))

    Parameters
    ==========

    d : Distribution
    a, b : str or tuple of str
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    normalized_mutual_information, symentropy.measures.shannon.conditional_entropy

    References
    ==========

    M. Meilă, "Comparing clusterings by the variation of information",
    *Learning Theory and Kernel Machines*, LNCS 2777 (2003), 173-187.
    """
    d = as_distribution(d)
    base_ = as_base(base)
    ga, gb, gc = as_group(a, "a"), as_group(b, "b"), as_group(given, "given")
    if not ga or not gb:
        raise DistributionError("variation_of_information() needs a variable on each side")
    joint = marginal_entropy(d, union(ga, gb, gc))
    value = joint.scaled(Fraction(2)) - marginal_entropy(d, union(ga, gc))
    value = value - marginal_entropy(d, union(gb, gc))
    return value.to_expr(base_)


def _ratio(numerator: LogSum, denominator: LogSum) -> sympy.Expr:
    """``numerator / denominator``, a rational number when the two are proportional."""
    if numerator.is_zero:
        return sympy.Integer(0)
    if numerator.is_rational and denominator.is_rational:
        top, bottom = numerator.prime_coefficients(), denominator.prime_coefficients()
        if top.keys() == bottom.keys():
            ratios = {top[k] / bottom[k] for k in top}
            if len(ratios) == 1:
                r = ratios.pop()
                return sympy.Rational(r.numerator, r.denominator)
    return numerator.to_expr(sympy.E) / denominator.to_expr(sympy.E)


def normalized_mutual_information(
    d: Distribution, a: Names, b: Names, *, variant: str = "arithmetic"
) -> sympy.Expr:
    """Return the mutual information ``I(A; B)`` normalised to ``[0, 1]``.

    Explanation
    ===========

    The common variants, by ``variant=``:

    ==================  ==================================  =================================
    variant             value                               also known as
    ==================  ==================================  =================================
    ``"arithmetic"``    ``2 I / (H(A) + H(B))``             symmetric uncertainty (default;
                                                            scikit-learn's default)
    ``"geometric"``     ``I / sqrt(H(A) H(B))``             Strehl & Ghosh (2002)
    ``"min"``           ``I / min(H(A), H(B))``             Kvålseth (1987)
    ``"max"``           ``I / max(H(A), H(B))``             Kvålseth (1987)
    ``"joint"``         ``I / H(A, B)``                     Yao (2003)
    ==================  ==================================  =================================

    The ratio does not depend on the logarithm base, so there is no
    ``base``; it is written with natural logarithms, and it is a rational
    number when numerator and denominator are proportional (``1`` when
    ``A`` and ``B`` determine each other).  When the denominator is 0 (a
    constant variable), the mutual information is 0 too; the result is then
    ``1`` if both variables are constant and ``0`` otherwise, the
    convention of scikit-learn.

    Examples
    ========

    >>> from symentropy import uniform, independent
    >>> from symentropy.measures.generalized import normalized_mutual_information
    >>> die = uniform(range(1, 7), name="A").with_variable("P", lambda a: a % 2)
    >>> normalized_mutual_information(die, "A", "P", variant="min")
    1
    >>> normalized_mutual_information(die, "A", "P", variant="max")
    log(2)/(log(2) + log(3))
    >>> normalized_mutual_information(die, "A", "P")
    2*log(2)/(log(3) + 2*log(2))

    Parameters
    ==========

    d : Distribution
    a, b : str or tuple of str
    variant : str
        One of ``"arithmetic"``, ``"geometric"``, ``"min"``, ``"max"``,
        ``"joint"``.

    See Also
    ========

    variation_of_information, symentropy.measures.shannon.mutual_information

    References
    ==========

    T. O. Kvålseth, "Entropy and correlation: some comments", *IEEE Trans.
    Syst. Man Cybern.* 17 (1987), 517-519.

    A. Strehl and J. Ghosh, "Cluster ensembles", *J. Mach. Learn. Res.* 3
    (2002), 583-617.

    N. X. Vinh, J. Epps and J. Bailey, "Information theoretic measures for
    clusterings comparison", *J. Mach. Learn. Res.* 11 (2010), 2837-2854.
    """
    d = as_distribution(d)
    if not isinstance(variant, str) or variant not in NMI_VARIANTS:
        raise DistributionError(
            f"normalized_mutual_information: unknown variant {variant!r}; "
            f"choose one of {', '.join(NMI_VARIANTS)}"
        )
    ga, gb = as_group(a, "a"), as_group(b, "b")
    if not ga or not gb:
        raise DistributionError("normalized_mutual_information() needs a variable on each side")
    info = mutual_information_logsum(d, ga, gb)
    ha, hb = marginal_entropy(d, ga), marginal_entropy(d, gb)
    if ha.is_zero and hb.is_zero:
        return sympy.Integer(1)
    if info.is_zero:
        return sympy.Integer(0)
    if variant == "arithmetic":
        return _ratio(info.scaled(Fraction(2)), ha + hb)
    if variant == "joint":
        return _ratio(info, marginal_entropy(d, union(ga, gb)))
    if variant == "geometric":
        if ha == hb:
            return _ratio(info, ha)
        return info.to_expr(sympy.E) / sympy.sqrt(ha.to_expr(sympy.E) * hb.to_expr(sympy.E))
    ea, eb = ha.to_expr(sympy.E), hb.to_expr(sympy.E)
    if not (ea.free_symbols or eb.free_symbols):
        # the order is decided exactly, however close the two entropies are
        smaller, larger = (hb, ha) if compare(ea, eb) > 0 else (ha, hb)
        return _ratio(info, smaller if variant == "min" else larger)
    pick = sympy.Min if variant == "min" else sympy.Max
    return info.to_expr(sympy.E) / pick(ea, eb)


def extropy(d: Distribution, *names: str, base: Base = 2) -> sympy.Expr:
    """Return the extropy ``J(X) = -sum_x (1 - p(x)) log(1 - p(x))`` (Lad, Sanfilippo & Agrò 2015).

    Explanation
    ===========

    The complementary dual of the entropy: for two outcomes it equals the
    entropy, and it is at most the entropy in general.  ``names`` picks the
    variables (default: all of them, jointly).  dit's ``extropy`` has the
    same definition and base 2.

    Examples
    ========

    >>> from symentropy import Distribution, uniform
    >>> from symentropy.measures.generalized import extropy
    >>> extropy(Distribution.from_pmf(["1/4", "3/4"]))
    -3*log(3)/(4*log(2)) + 2
    >>> extropy(uniform(4))
    -3*log(3)/log(2) + 6

    References
    ==========

    F. Lad, G. Sanfilippo and G. Agrò, "Extropy: complementary dual of
    entropy", *Statistical Science* 30 (2015), 40-58.
    """
    d = as_distribution(d)
    b = as_base(base)
    targets = _targets(d, names, "extropy")
    complements = [1 - p for p in _support(d, targets)]
    return LogSum.entropy_of(complements).to_expr(b)


def perplexity(d: Distribution, *names: str, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the perplexity ``base ** H(names | given)``: the effective number of outcomes.

    ``perplexity(uniform(6))`` is 6 in every base; dit's ``perplexity`` is
    the same quantity.

    Examples
    ========

    >>> from symentropy import Distribution, uniform
    >>> from symentropy.measures.generalized import perplexity
    >>> perplexity(uniform(6)), perplexity(Distribution.from_pmf(["1/2", "1/4", "1/4"]))
    (6, 2*sqrt(2))
    """
    d = as_distribution(d)
    b = as_base(base)
    targets = _targets(d, names, "perplexity")
    conditioning = as_group(given, "given")
    value = (marginal_entropy(d, union(targets, conditioning)) - marginal_entropy(d, conditioning)).to_expr(b)
    return tidy(sympy.Pow(b, value))
