"""The answers of the optimisers, and the certificates of their optimality.

=====================================  ===============================================
name                                   what it is
=====================================  ===============================================
:class:`Certificate`                   why an optimum is the global one
:class:`OptimizationResult`            the answer of ``maximize`` and ``minimize``
:class:`MaxEntropyResult`              the answer of ``max_entropy``
:func:`concavity_certificate`          ``CONCAVE`` for a maximum, ``CONVEX`` for a
                                       minimum
=====================================  ===============================================

Examples
========

>>> from sympy import Rational, Symbol
>>> from symentropy.calculus.optimize.results import Certificate, OptimizationResult
>>> p = Symbol("p")
>>> OptimizationResult("max", Rational(1), {p: Rational(1, 2)}, True, Certificate.CONCAVE)
max = 1 at p = 1/2 (concave on the domain)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import sympy

from ...core.distribution import Distribution
from ...kernel.members import ConciseEnumType

__all__ = ["Certificate", "OptimizationResult", "MaxEntropyResult", "concavity_certificate"]


class Certificate(StrEnum, metaclass=ConciseEnumType):
    """Why an optimum is the global one.

    ``CONCAVE`` (for a maximum) and ``CONVEX`` (for a minimum): the objective
    is concave (convex) on a convex domain, so a stationary point is the
    global optimum.  ``CANDIDATES``: every stationary point inside the domain
    and on each face of its boundary was found, and all values were
    compared.  ``GIBBS``: the distribution has the Gibbs form and satisfies
    the constraints, which makes it the unique maximum-entropy distribution
    (Cover & Thomas, 2nd ed., Theorem 12.1.1).  ``NUMERIC``: the best point of
    a numeric search; global optimality is not proved.  A numeric answer
    keeps ``CONCAVE`` or ``CONVEX`` when that is proved: the numeric
    stationary point is then the global optimum, to the digits given.
    """

    CONCAVE = "concave on the domain"
    CONVEX = "convex on the domain"
    CANDIDATES = "all candidates compared"
    GIBBS = "Gibbs form (Cover & Thomas, Theorem 12.1.1)"
    NUMERIC = "numeric search, not proved global"


def concavity_certificate(sense: int) -> Certificate:
    """The certificate of a proved curvature: ``CONCAVE`` when maximising (``sense > 0``), else ``CONVEX``.

    The optimisers maximise ``sense * f``; a concave ``sense * f`` is a
    convex ``f`` when ``sense`` is negative.

    >>> from symentropy.calculus.optimize.results import concavity_certificate
    >>> concavity_certificate(1), concavity_certificate(-1)
    (<Certificate.CONCAVE: 'concave on the domain'>, <Certificate.CONVEX: 'convex on the domain'>)
    """
    return Certificate.CONCAVE if sense > 0 else Certificate.CONVEX


@dataclass(frozen=True, repr=False)
class OptimizationResult:
    """The answer of :func:`maximize` or :func:`minimize`.

    Attributes
    ==========

    value : sympy expression
        The optimum.  Exact when ``exact`` is ``True``; otherwise a sympy
        ``Float`` correct to about ``digits`` significant digits.
    point : dict
        An optimiser, from each symbol of ``over`` to its value; also
        available as ``argmax`` (for a maximum) or ``argmin`` (for a minimum).
    exact : bool
        Whether ``value`` and ``point`` are exact.
    certificate : Certificate
        Why the optimum is global (see :class:`Certificate`).
    digits : int or None
        Significant digits of a numeric answer; ``None`` when exact.
    multipliers : tuple
        Lagrange multipliers ``l_j`` of the equality constraints, in their
        order, with ``grad f = sum_j l_j grad(lhs_j - rhs_j)`` at the optimum;
        empty when there are no equality constraints or the optimum is on the
        boundary of the domain.
    sense : str
        ``"max"`` or ``"min"``.
    """

    sense: str
    value: sympy.Expr
    point: dict
    exact: bool
    certificate: Certificate
    digits: int | None = None
    multipliers: tuple = field(default=())

    @property
    def argmax(self) -> dict:
        """The maximiser (only for the result of :func:`maximize`)."""
        if self.sense != "max":
            raise AttributeError("this is a minimum: use .argmin (or .point)")
        return self.point

    @property
    def argmin(self) -> dict:
        """The minimiser (only for the result of :func:`minimize`)."""
        if self.sense != "min":
            raise AttributeError("this is a maximum: use .argmax (or .point)")
        return self.point

    def _sympystr(self, printer: Any) -> str:
        eq = " = " if self.exact else " ≈ "
        at = ", ".join(f"{printer._print(k)}{eq}{printer._print(v)}" for k, v in self.point.items())
        how = str(self.certificate) if self.exact else f"numeric, {self.digits} digits; {self.certificate}"
        return f"{self.sense}{eq.rstrip()} {printer._print(self.value)} at {at or '()'} ({how})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        rel = "=" if self.exact else r"\approx"
        at = ",\\ ".join(f"{printer._print(k)} {rel} {printer._print(v)}" for k, v in self.point.items())
        return rf"\{self.sense} {rel} {printer._print(self.value)} \text{{ at }} {at}"

    def __str__(self) -> str:
        return sympy.sstr(self)

    __repr__ = __str__

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"


@dataclass(frozen=True, repr=False)
class MaxEntropyResult:
    """The answer of :func:`max_entropy`.

    Attributes
    ==========

    pmf : sympy.Lambda
        The probability of an outcome ``k`` of the support, in Gibbs form
        ``exp(l_0 + sum_j l_j f_j(k))`` simplified (e.g. ``(1 - q)*q**k``).
    distribution : Distribution or None
        The distribution itself, for an exact answer on a finite support;
        ``None`` for an infinite support or a numeric answer.
    value : sympy expression
        The maximum entropy, in the requested base.
    multipliers : tuple or None
        ``(l_0, l_1, ..., l_m)`` of Cover & Thomas, Theorem 12.1.1, with
        ``p(k) = exp(l_0 + sum_j l_j f_j(k))`` (natural logarithms); ``None``
        when a constraint sits at the edge of its range and forces the
        support (no finite multiplier exists).
    exact : bool
        Whether the answer is exact.
    certificate : Certificate
        ``Certificate.GIBBS``.
    digits : int or None
        Significant digits of a numeric answer; ``None`` when exact.
    probabilities : tuple
        The probabilities on a finite support, in the order of ``support``;
        empty for an infinite support.
    support : tuple
        The outcomes (empty for an infinite support).
    """

    pmf: sympy.Lambda
    distribution: Distribution | None
    value: sympy.Expr
    multipliers: tuple | None
    exact: bool
    certificate: Certificate
    digits: int | None = None
    probabilities: tuple = ()
    support: tuple = ()

    def _sympystr(self, printer: Any) -> str:
        k = self.pmf.variables[0]
        eq = "=" if self.exact else "≈"
        how = "exact" if self.exact else f"numeric, {self.digits} digits"
        return (
            f"p({printer._print(k)}) {eq} {printer._print(self.pmf.expr)}, "
            f"H {eq} {printer._print(self.value)} ({how}; {self.certificate})"
        )

    def _latex(self, printer: Any, exp: Any = None) -> str:
        k = self.pmf.variables[0]
        rel = "=" if self.exact else r"\approx"
        return (
            f"p({printer._print(k)}) {rel} {printer._print(self.pmf.expr)},\\quad "
            f"H {rel} {printer._print(self.value)}"
        )

    def __str__(self) -> str:
        return sympy.sstr(self)

    __repr__ = __str__

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"
