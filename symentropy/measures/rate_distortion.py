"""Rate-distortion functions in closed form (Cover & Thomas, 2nd ed., ch. 10).

=========================================  ================================================
source and distortion                      ``R(D)``
=========================================  ================================================
Bernoulli(p), Hamming                      ``h(p) - h(D)`` for ``D <= min(p, 1 - p)``, else 0
                                           (Theorem 10.3.1)
uniform on m letters, Hamming              ``log m - h(D) - D log(m - 1)`` for
                                           ``D <= 1 - 1/m``, else 0 (Problem 10.5)
Gaussian N(0, s^2), squared error          ``1/2 log(s^2 / D)`` for ``D <= s^2``, else 0
                                           (Theorem 10.3.2)
independent Gaussians, squared error       reverse water-filling (Theorem 10.3.3)
=========================================  ================================================

Symbolic ``p`` and ``D`` give a ``Piecewise`` whose conditions are the
validity conditions; numbers give the value.  :func:`distortion_max` is the
least ``D`` with ``R(D) = 0``: ``min over x_hat of E d(X, x_hat)``.

Examples
========

>>> from sympy import Rational, symbols
>>> from symentropy.measures.rate_distortion import rate_distortion
>>> rate_distortion(["1/2", "1/2"], Rational(1, 4))
-1 + 3*log(3)/(4*log(2))
>>> p, D = symbols("p D", positive=True)
>>> rate_distortion([p, 1 - p], D)
Piecewise((-binary_entropy(D) + binary_entropy(p), D <= Min(p, 1 - p)), (0, True))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sympy

from ..errors import DistributionError, short_repr
from ..kernel.binary_entropy import binary_entropy
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import compare
from ..models.codes import source_pmf
from ..models.continuous import ContinuousDistribution, Normal
from .gaussian import log_ratio, reverse_water_filling

__all__ = ["rate_distortion", "distortion_max", "DISTORTIONS"]

#: The named distortion measures.
DISTORTIONS = ("hamming", "squared")


def _matrix(distortion: Any, m: int) -> list[list[sympy.Expr]]:
    if isinstance(distortion, str):
        if distortion != "hamming":
            raise DistributionError(
                f"distortion {distortion!r} for a discrete source: use 'hamming' or a matrix"
            )
        return [[sympy.Integer(0 if i == j else 1) for j in range(m)] for i in range(m)]
    if isinstance(distortion, (dict, set, frozenset)) or not isinstance(distortion, Iterable):
        raise TypeError(f"a distortion matrix is a list of rows; got {short_repr(distortion)}")
    rows = []
    for i, r in enumerate(distortion):
        if isinstance(r, (str, bytes, dict, set, frozenset)) or not isinstance(r, Iterable):
            raise TypeError(f"row {i} of the distortion matrix is not a list of numbers: {short_repr(r)}")
        rows.append(list(r))
    if len(rows) != m or len({len(r) for r in rows}) != 1 or not rows[0]:
        raise DistributionError(
            f"the distortion matrix {short_repr(distortion)} needs {m} rows "
            "(one per source letter), all of the same nonzero length"
        )
    out = []
    for i, row in enumerate(rows):
        values = [as_exact(v, what=f"distortion d({i}, {j})") for j, v in enumerate(row)]
        for j, v in enumerate(values):
            if v.is_negative:
                raise DistributionError(f"distortion d({i}, {j}) is {v}; distortions are nonnegative")
        out.append(values)
    return out


def distortion_max(source: Any, distortion: Any = "hamming") -> sympy.Expr:
    """``D_max = min over x_hat of sum_x p(x) d(x, x_hat)``: the least distortion at rate 0.

    >>> from symentropy.measures.rate_distortion import distortion_max
    >>> distortion_max(["1/2", "1/3", "1/6"])
    1/2
    """
    if isinstance(source, ContinuousDistribution):
        return _gaussian_variance(source, distortion)
    _, ps = source_pmf(source)
    d = _matrix(distortion, len(ps))
    width = len(d[0]) if d else 0
    costs = [sympy.Add(*(p * d[i][j] for i, p in enumerate(ps))) for j in range(width)]
    best = costs[0]
    for c in costs[1:]:
        if compare(c, best) < 0:
            best = c
    return best


def _gaussian_variance(source: ContinuousDistribution, distortion: Any) -> sympy.Expr:
    if distortion not in ("squared", "mse"):
        raise DistributionError("a Gaussian source is measured with distortion='squared'")
    if not isinstance(source, Normal):
        raise DistributionError(f"closed forms are for Gaussian sources; got {source}")
    return source.args[1] ** 2


def rate_distortion(
    source: Any, D: Any, distortion: str | Sequence[Sequence[Any]] = "hamming", base: Base = 2
) -> sympy.Expr:
    """The rate-distortion function ``R(D)`` where a closed form exists (see the module table).

    ``source`` is a one-variable distribution (or probabilities), a
    ``normal(0, sigma)``, or a list of variances of independent Gaussian
    components (squared error, by reverse water-filling).  A general
    distortion matrix raises a clear error: its certified numerical
    computation is not here yet.

    Examples
    ========

    >>> from symentropy import normal
    >>> rate_distortion(normal(0, 2), 1, "squared")
    1
    >>> rate_distortion([1, 4, 9], 3, "squared")
    1 + log(3)/log(2)
    """
    b = as_base(base)
    d = as_exact(D, what="the distortion D")
    if d.is_negative:
        raise DistributionError(f"the distortion D is {d}; it must be nonnegative")
    if isinstance(source, ContinuousDistribution):
        variance = _gaussian_variance(source, distortion)
        return _gaussian(variance, d, b)
    if distortion == "squared":
        if isinstance(source, (list, tuple)):
            return reverse_water_filling(source, d, b).rate
        raise DistributionError(
            "squared error is for Gaussian sources: normal(0, sigma) or a list of variances"
        )
    _, ps = source_pmf(source)
    if not isinstance(distortion, str):
        raise DistributionError(
            "R(D) of a general distortion matrix needs the certified Blahut-Arimoto computation, "
            "which is not available yet; closed forms: 'hamming' for binary or uniform sources"
        )
    if distortion != "hamming":
        raise DistributionError(f"distortion {distortion!r}: a discrete source takes 'hamming' or a matrix")
    m = len(ps)
    if m == 1:  # a constant source costs no bits
        return sympy.Integer(0)
    if m == 2:
        p = ps[0]
        d_max = sympy.Min(p, 1 - p)
        if _beyond(d, d_max):
            return sympy.Integer(0)
        return _piecewise(binary_entropy(p, b) - binary_entropy(d, b), d, d_max)
    if len(set(ps)) == 1:  # uniform
        d_max = 1 - sympy.Rational(1, m)
        if _beyond(d, d_max):
            return sympy.Integer(0)
        value = (
            LogSum.log_of(sympy.Integer(m)).to_expr(b)
            - binary_entropy(d, b)
            - d * sympy.log(m - 1) / sympy.log(b)
        )
        return _piecewise(value, d, d_max)
    raise DistributionError(
        "closed-form Hamming R(D) is for binary and for uniform sources; this one has "
        f"{m} letters with unequal probabilities"
    )


def _beyond(d: sympy.Expr, d_max: sympy.Expr) -> bool:
    """``D > D_max``, decided exactly when both are numbers (else False: the Piecewise decides)."""
    return bool(d.is_number and d_max.is_number and compare(d, d_max) > 0)


def _piecewise(value: sympy.Expr, d: sympy.Expr, d_max: sympy.Expr) -> sympy.Expr:
    if d.is_number and d_max.is_number:
        return sympy.expand(value.doit()) if compare(d, d_max) <= 0 else sympy.Integer(0)
    return sympy.Piecewise((value, d <= d_max), (0, True))


def _gaussian(variance: sympy.Expr, d: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    if d.is_number and variance.is_number:
        if compare(d, 0) == 0:
            return sympy.oo
        if compare(d, variance) >= 0:
            return sympy.Integer(0)
        return log_ratio(variance, d, base) / 2
    return sympy.Piecewise((sympy.log(variance / d) / (2 * sympy.log(base)), d <= variance), (0, True))
