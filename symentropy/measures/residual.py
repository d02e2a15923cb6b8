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

dit's ``cumulative_residual_entropy`` is the discrete version, for
distributions on numbers.

Examples
========

>>> from symentropy import exponential, uniform_interval
>>> from symentropy.measures.residual import cumulative_residual_entropy
>>> cumulative_residual_entropy(exponential(2), base="e")
1/2
>>> cumulative_residual_entropy(uniform_interval(0, 3))
3/(4*log(2))
"""

from __future__ import annotations

import sympy

from ..errors import DistributionError
from ..kernel.logbase import Base, as_base
from ..kernel.numeric import known_sign
from ..models.continuous import (
    ContinuousDistribution,
    Exponential,
    Pareto,
    Rayleigh,
    UniformInterval,
    Weibull,
)

__all__ = ["cumulative_residual_entropy"]


def cumulative_residual_entropy(distribution: ContinuousDistribution, base: Base = 2) -> sympy.Expr:
    """``-integral_0^oo F̄ log F̄``, in closed form for the families of the module table.

    Raises
    ======

    DistributionError
        For a family without a closed form here, or a variable that can be
        negative (the definition is for nonnegative variables).
    """
    b = as_base(base)
    d = distribution
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
