"""The cumulative residual entropy of a nonnegative continuous variable (Rao, Chen, Vemuri, Wang 2004).

``CRE(X) = -integral_0^oo F̄(x) log F̄(x) dx`` with the survival function
``F̄(x) = P(X > x)``: an entropy built on the distribution function rather than
the density, finite where the differential entropy may not be, and never
negative.  Closed forms (the integral worked out once, in nats):

====================================  ===================================================
family                                CRE
====================================  ===================================================
``exponential(rate)``                 ``1 / rate``
``uniform_interval(a, b)``, a >= 0    ``(b - a) / 4``
``weibull(lam, k)``                   ``(lam / k) Gamma(1 + 1/k)``
``rayleigh(sigma)``                   ``sigma sqrt(2 pi) / 4`` (Weibull with k = 2)
``pareto(xm, alpha)``                 ``alpha xm / (alpha - 1)^2`` for ``alpha > 1``, else ``oo``
====================================  ===================================================

For a distribution on exact real numbers (a one-variable
:class:`~symentropy.Distribution`) the survival function is a step function
and the integral a finite sum, exact:
``CRE = -sum_i (|x|_(i+1) - |x|_(i)) S_i log S_i`` over the sorted values of
``|X|`` with ``S_i = P(|X| > |x|_(i))``.
:func:`generalized_cumulative_residual_entropy` integrates ``P(X > x)`` over
the whole line instead (the two agree for nonnegative variables).  These are
dit's ``cumulative_residual_entropy`` and
``generalized_cumulative_residual_entropy``; this module returns the value
of the formula.  Two of the examples in dit's documentation differ from it:
the uniform distribution on ``-2, ..., 2`` (dit: 0.9066 bits; the formula
``-integral_0^oo P(|X| > x) log2 P(|X| > x) dx`` gives
``-(4/5) log2(4/5) - (2/5) log2(2/5) = 0.7863``) and a die labelled
``1, ..., 5, 100`` (dit: 22.67 bits; the survival ``1/6`` over ``[5, 100)``
alone contributes ``95 (1/6) log2 6 = 40.93``, and the whole integral is
42.566).  The die labelled ``1, ..., 6`` (2.0683) and the generalised value of
``-2, ..., 2`` (1.6929) agree.

Examples
========

>>> from symentropy import exponential, uniform_interval
>>> from symentropy.measures.residual import cumulative_residual_entropy
>>> cumulative_residual_entropy(exponential(2), base="e")
1/2
>>> cumulative_residual_entropy(uniform_interval(0, 3))
3/(4*log(2))
>>> from symentropy import Distribution
>>> die = Distribution.from_pmf(["1/6"] * 6, outcomes=[1, 2, 3, 4, 5, 6])
>>> cumulative_residual_entropy(die)
-5*log(5)/(6*log(2)) + 5/6 + 2*log(3)/log(2)
"""

from __future__ import annotations

import functools
import itertools

import sympy

from ..core.distribution import Distribution
from ..errors import DistributionError, short_repr
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare, known_sign
from ..kernel.xlogx import xlogx
from ..models.continuous import (
    ContinuousDistribution,
    Exponential,
    Pareto,
    Rayleigh,
    UniformInterval,
    Weibull,
)

__all__ = ["cumulative_residual_entropy", "generalized_cumulative_residual_entropy"]


def cumulative_residual_entropy(
    distribution: ContinuousDistribution | Distribution, base: Base = 2
) -> sympy.Expr:
    """``-integral_0^oo F̄ log F̄``, in closed form for the families of the module table.

    A one-variable :class:`~symentropy.Distribution` on exact real numbers
    uses ``F̄(x) = P(|X| > x)``, as Rao et al. define it: an exact finite sum
    (see the module).

    Raises
    ======

    DistributionError
        For a family without a closed form here, or a variable that can be
        negative (the definition is for nonnegative variables).
    """
    b = as_base(base)
    d = distribution
    if isinstance(d, Distribution):
        magnitudes: dict[sympy.Expr, sympy.Expr] = {}
        for x, p in _values(d):
            key = -x if compare(x, 0) < 0 else x
            magnitudes[key] = magnitudes.get(key, sympy.Integer(0)) + p
        return _step_integral(list(magnitudes.items()), b)
    if isinstance(d, Exponential):
        (rate,) = d.args
        value = 1 / rate
    elif isinstance(d, UniformInterval):
        a, top = d.args
        if known_sign(a) == -1:
            raise DistributionError(
                f"the cumulative residual entropy is for nonnegative variables; {d} can be negative"
            )
        value = (top - a) / 4
    elif isinstance(d, Weibull):
        lam, k = d.args
        value = lam / k * sympy.gamma(1 + 1 / k)
    elif isinstance(d, Rayleigh):
        (sigma,) = d.args
        value = sigma * sympy.sqrt(2 * sympy.pi) / 4
    elif isinstance(d, Pareto):
        xm, alpha = d.args
        sign = known_sign(alpha - 1)
        if sign is not None and sign <= 0:
            return sympy.oo
        value = alpha * xm / (alpha - 1) ** 2
        if sign is None:
            value = sympy.Piecewise((value, alpha > 1), (sympy.oo, True))
    elif isinstance(d, ContinuousDistribution):
        raise DistributionError(
            f"no closed form of the cumulative residual entropy for {d} here; "
            "the families with one: exponential, uniform_interval, weibull, rayleigh, pareto"
        )
    else:
        raise TypeError(
            f"cumulative_residual_entropy() takes a continuous distribution, got {type(d).__name__}"
        )
    return value if b == sympy.E else value / sympy.log(b)


def generalized_cumulative_residual_entropy(d: Distribution, base: Base = 2) -> sympy.Expr:
    """``-integral P(X > x) log P(X > x) dx`` over the whole line, for a distribution on numbers.

    Equal to :func:`cumulative_residual_entropy` for a nonnegative variable;
    for one with negative values it integrates the survival function of
    ``X`` itself rather than of ``|X|``.

    >>> from symentropy import Distribution
    >>> from symentropy.measures.residual import generalized_cumulative_residual_entropy
    >>> five = Distribution.from_pmf(["1/5"] * 5, outcomes=[-2, -1, 0, 1, 2])
    >>> generalized_cumulative_residual_entropy(five)
    -2 - 3*log(3)/(5*log(2)) + 2*log(5)/log(2)
    """
    if not isinstance(d, Distribution):
        raise TypeError(
            "generalized_cumulative_residual_entropy() takes a one-variable Distribution, "
            f"got {short_repr(d)}"
        )
    return _step_integral(_values(d), as_base(base))


def _values(d: Distribution) -> list[tuple[sympy.Expr, sympy.Expr]]:
    """``(value, probability)`` over the support, the outcomes read as exact real numbers."""
    if len(d.names) != 1:
        raise DistributionError(
            "the cumulative residual entropy is of one variable; the distribution has "
            f"{', '.join(d.names)}: use d.marginal(name)"
        )
    pairs = []
    for (label,), p in d.items():
        if p == 0:
            continue
        x = as_exact(label, what=f"outcome {label!r}")
        if not (x.is_number and x.is_real):
            raise DistributionError(f"outcome {label!r} is not a real number; the integral needs numbers")
        pairs.append((x, p))
    return pairs


def _step_integral(pairs: list[tuple[sympy.Expr, sympy.Expr]], base: sympy.Expr) -> sympy.Expr:
    """``-sum (x_(i+1) - x_(i)) S_i log S_i``, ``S_i`` the mass above the i-th smallest value."""
    merged: dict[sympy.Expr, sympy.Expr] = {}
    for x, p in pairs:
        merged[x] = merged.get(x, sympy.Integer(0)) + p
    values = sorted(merged, key=functools.cmp_to_key(compare))  # the exact order
    above = sympy.Integer(1)
    rational = all(p.is_Rational for p in merged.values()) and all(v.is_Rational for v in values)
    total = LogSum()
    terms = []
    for a, b in itertools.pairwise(values):
        above -= merged[a]
        if rational:
            total = total + LogSum.log_of(above).scaled(-(b - a) * above)
        else:
            terms.append(-(b - a) * xlogx(above) / sympy.log(base))
    return total.to_expr(base) if rational else sympy.Add(*terms)
