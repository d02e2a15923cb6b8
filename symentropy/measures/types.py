"""The method of types (Cover & Thomas, 2nd ed., ch. 11), exact.

:func:`number_of_types` and :func:`type_class_size` are exact integers;
:func:`type_of` the empirical distribution of a sequence;
:func:`type_class_probability` the exact probability of a type class under a
source.  :func:`sanov_exponent` is ``min D(Q||P)`` over the distributions
with mean at least (or at most) ``a``: the exponent of Sanov's theorem
(Theorem 11.4.1), found by exponential tilting, ``Q*(x) ∝ P(x) t^x``, where
``t`` is a root of a polynomial: an exact algebraic number (``CRootOf``) when
it is not rational.  :func:`chernoff_information` is the best exponent of the
Bayes error of a test between two distributions (Theorem 11.9.1); the
Chernoff-Stein exponent of a test at a fixed error of one kind is
``D(P1||P2)``, :func:`~symentropy.measures.divergences.kl_divergence`
(Theorem 11.8.3).

Examples
========

Cover & Thomas, 2nd ed., Example 11.5.1: a fair die whose average is at least 4:

>>> from symentropy.measures.types import sanov_exponent
>>> from symentropy import evaluate
>>> d = sanov_exponent(["1/6"] * 6, mean=4, values=[1, 2, 3, 4, 5, 6])
>>> d.tilt
CRootOf(2*x**5 + x**4 - x**2 - 2*x - 3, 0)
>>> evaluate(d.exponent, 4), [str(evaluate(q, 4)) for q in d.minimizer.probabilities]
(0.06240, ['0.1031', '0.1227', '0.1461', '0.1740', '0.2072', '0.2468'])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..errors import DistributionError, UndecidedError, short_repr
from ..kernel.exact import as_exact
from ..kernel.intervals import Interval
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import check_digits, compare
from ..kernel.primes import coprime_basis, exponents_over
from ..models.codes import source_pmf
from .certified import DEFAULT_DIGITS, MAX_DIGITS, CertifiedInterval, decimal_ends, nats_tolerance

__all__ = [
    "number_of_types",
    "type_class_size",
    "type_of",
    "type_class_probability",
    "sanov_exponent",
    "SanovExponent",
    "chernoff_information",
    "ChernoffInformation",
    "MAX_TILT_DEGREE",
]

#: The largest spread of values (the degree of the tilt polynomial) solved exactly.
MAX_TILT_DEGREE = 60


def number_of_types(n: int, m: int) -> int:
    """``C(n + m - 1, m - 1)``: the types of length-``n`` sequences over ``m`` letters (at most ``(n+1)^m``).

    >>> from symentropy.measures.types import number_of_types
    >>> number_of_types(3, 2), number_of_types(10, 3)
    (4, 66)
    """
    for value, name in ((n, "n"), (m, "m")):
        if isinstance(value, bool) or not isinstance(value, int) or value < (0 if name == "n" else 1):
            raise DistributionError(f"{name} is an integer >= {0 if name == 'n' else 1}; got {value!r}")
    return math.comb(n + m - 1, m - 1)


def _counts(sequence_or_counts: Any) -> list[int]:
    """The counts of a mapping ``{symbol: count}``, or of the symbols of a sequence (a string too)."""
    if isinstance(sequence_or_counts, dict):
        values = list(sequence_or_counts.values())
        if all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
            return values
        raise DistributionError(f"counts are nonnegative integers; got {short_repr(sequence_or_counts)}")
    if not isinstance(sequence_or_counts, Iterable):
        raise TypeError(f"a sequence or a mapping of counts; got {short_repr(sequence_or_counts)}")
    return list(_tally(list(sequence_or_counts)).values())


def _tally(items: Sequence[Any]) -> dict[Any, int]:
    out: dict[Any, int] = {}
    for k, x in enumerate(items):
        try:
            out[x] = out.get(x, 0) + 1
        except TypeError:
            raise TypeError(f"symbol {k} of the sequence, {short_repr(x)}, is not hashable") from None
    return out


def type_class_size(sequence_or_counts: Any) -> int:
    """``|T(P)| = n! / prod_a (n P(a))!``: the sequences with the type of a sequence (or of counts).

    >>> from symentropy.measures.types import type_class_size
    >>> type_class_size("aabc"), type_class_size({"a": 2, "b": 1, "c": 1})
    (12, 12)
    """
    counts = _counts(sequence_or_counts)
    size = math.factorial(sum(counts))
    for c in counts:
        size //= math.factorial(c)
    return size


def type_of(sequence: Iterable[Any], name: str = "X") -> Distribution:
    """The type (empirical distribution) of a sequence, exact.

    >>> from symentropy.measures.types import type_of
    >>> type_of("abracadabra").to_dict()
    {'a': 5/11, 'b': 2/11, 'r': 2/11, 'c': 1/11, 'd': 1/11}
    """
    if isinstance(sequence, (str, bytes)):
        items = list(sequence)
    elif isinstance(sequence, Iterable):
        items = list(sequence)
    else:
        raise TypeError(f"type_of() takes a sequence; got {short_repr(sequence)}")
    if not items:
        raise DistributionError("the type of an empty sequence is not defined")
    counts = _tally(items)
    return Distribution.from_dict(
        {x: sympy.Rational(c, len(items)) for x, c in counts.items()}, names=(name,)
    )


def type_class_probability(type_: Any, Q: Any, n: int | None = None) -> sympy.Rational:
    """``Q^n(T(P)) = |T(P)| prod_a Q(a)^(n P(a))``: the probability of the type class of ``P`` under ``Q``.

    ``type_`` is a type (a one-variable Distribution, a mapping of
    probabilities) with ``n`` given, or a mapping of counts.  Symbols
    missing from ``Q`` have probability 0 under it.

    >>> from symentropy.measures.types import type_class_probability
    >>> type_class_probability({"H": 2, "T": 1}, {"H": "1/2", "T": "1/2"})
    3/8
    """
    symbols_q, probs_q = source_pmf(Q)
    q = dict(zip(symbols_q, probs_q, strict=True))
    if isinstance(type_, dict) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in type_.values()
    ):
        counts = dict(type_)
    else:
        symbols_p, probs_p = source_pmf(type_)
        if n is None:
            raise DistributionError("give n, the sequence length, with a type given as probabilities")
        counts = {}
        for s, p in zip(symbols_p, probs_p, strict=True):
            c = p * n
            if not c.is_Integer:
                raise DistributionError(f"{p} * {n} is not an integer: not a type of length {n}")
            counts[s] = int(c)
    probability = sympy.Integer(type_class_size(counts))
    for s, c in counts.items():
        probability *= q.get(s, sympy.Integer(0)) ** c
    return probability


@dataclass(frozen=True)
class SanovExponent:
    """The result of :func:`sanov_exponent`: the exponent, the tilt and the minimising distribution."""

    exponent: sympy.Expr
    tilt: sympy.Expr
    minimizer: Distribution

    def _repr_latex_(self) -> str:
        return rf"$$D(Q^*\|P) = {sympy.latex(self.exponent)}$$"


def sanov_exponent(P: Any, mean: Any, values: Sequence[Any] | None = None, base: Base = 2) -> SanovExponent:
    """``min D(Q||P)`` over ``{Q : E_Q[X] >= mean}`` (``<=`` when ``mean`` is below ``E_P[X]``).

    Explanation
    ===========

    ``values`` are the numeric values of the outcomes (default: the
    outcomes themselves, which must be numbers).  The minimiser is the
    tilted distribution ``Q*(x) = P(x) t^x / M(t)`` with ``E_{Q*} X = mean``;
    ``t`` solves ``sum_x P(x) (x - mean) t^x = 0``, a polynomial equation for
    integer values, and is given exactly (a rational or a ``CRootOf``).  The
    exponent is ``D(Q*||P) = mean log t - log M(t)``; it is 0 when ``P``
    itself has a mean on the right side.
    """
    b = as_base(base)
    symbols, ps = source_pmf(P)
    raw = symbols if values is None else values
    if isinstance(raw, (str, bytes, dict, set, frozenset)) or not isinstance(raw, Iterable):
        raise TypeError(f"values are a list of numbers, one per outcome; got {short_repr(raw)}")
    xs = [as_exact(v, what=f"value {k}") for k, v in enumerate(raw)]
    if len(xs) != len(ps):
        raise DistributionError(f"{len(xs)} values for {len(ps)} outcomes: {short_repr(raw)}")
    if not all(x.is_Integer for x in xs):
        raise DistributionError(
            "sanov_exponent() tilts integer values (the equation for t is then a polynomial)"
        )
    a = as_exact(mean, what="mean")
    if not a.is_Rational:
        raise DistributionError(f"the mean is an exact rational number here; got {a}")
    mu = sympy.Add(*(p * x for p, x in zip(ps, xs, strict=True)))
    side = compare(a, mu)
    support = [(s, p, x) for s, p, x in zip(symbols, ps, xs, strict=True) if p != 0]
    lo, hi = min(x for _, _, x in support), max(x for _, _, x in support)
    if side == 0:  # P itself has the mean: the exponent is 0
        return SanovExponent(
            sympy.Integer(0), sympy.Integer(1), Distribution.from_dict(dict(zip(symbols, ps, strict=True)))
        )
    edge = hi if side > 0 else lo
    beyond = compare(a, edge)
    if (side > 0 and beyond > 0) or (side < 0 and beyond < 0):  # no distribution on the support reaches it
        return SanovExponent(sympy.oo, sympy.nan, Distribution.from_dict(dict(zip(symbols, ps, strict=True))))
    if beyond == 0:  # all mass on the extreme value
        mass = sympy.Add(*(p for _, p, x in support if x == edge))
        q = {
            s: (p / mass if x == edge else sympy.Integer(0)) for s, p, x in zip(symbols, ps, xs, strict=True)
        }
        return SanovExponent(
            LogSum.log_of(1 / mass).to_expr(b) if mass.is_Rational else -sympy.log(mass) / sympy.log(b),
            sympy.oo if side > 0 else sympy.Integer(0),
            Distribution.from_dict(q),
        )
    if hi - lo > MAX_TILT_DEGREE:
        raise DistributionError(
            f"the values span {hi - lo}: the tilt equation would be a polynomial of that degree; "
            f"at most {MAX_TILT_DEGREE} is solved exactly"
        )
    t = sympy.Symbol("t", positive=True)
    shift = int(lo)
    polynomial = sympy.Poly(sympy.expand(sum(p * (x - a) * t ** int(x - shift) for _, p, x in support)), t)
    roots = [r for r in polynomial.real_roots() if compare(r, 0) > 0]
    if len(roots) != 1:  # Descartes: one sign change in the coefficients, so one positive root
        raise ArithmeticError(f"internal error: the tilt equation has {len(roots)} positive roots")
    root = roots[0]
    moment = sympy.Add(*(p * root ** int(x - shift) for _, p, x in support))
    q = {
        s: (p * root ** int(x - shift) / moment if p != 0 else sympy.Integer(0))
        for s, p, x in zip(symbols, ps, xs, strict=True)
    }
    exponent = sympy.expand(((a - shift) * sympy.log(root) - sympy.log(moment)) / sympy.log(b))
    return SanovExponent(exponent, root, Distribution.from_dict(q))


@dataclass(frozen=True)
class ChernoffInformation:
    """The result of :func:`chernoff_information`.

    ``value`` is ``C(P1, P2)``, exact or a
    :class:`~symentropy.measures.certified.CertifiedInterval`; ``lam`` the
    optimal ``lambda`` (exact, or a ``sympy.Interval`` with rational ends
    that contains it); ``exact`` says which.
    """

    value: Any
    lam: Any
    exact: bool

    def _repr_latex_(self) -> str:
        return rf"$$C(P_1, P_2) = {sympy.latex(self.value)}, \quad \lambda^* = {sympy.latex(self.lam)}$$"


def _ratio_powers(ratios: list[sympy.Rational]) -> tuple[sympy.Rational, list[int]] | None:
    """``(rho, k)`` with ``ratios[x] = rho**k[x]`` for one rational ``rho > 1``, if there is one."""
    numbers = [int(v) for r in ratios for v in (r.p, r.q)]
    basis = coprime_basis(numbers)
    vectors = []
    for r in ratios:
        top, bottom = dict(exponents_over(int(r.p), basis)), dict(exponents_over(int(r.q), basis))
        vectors.append([top.get(b, 0) - bottom.get(b, 0) for b in basis])
    pivot = next((v for v in vectors if any(v)), None)
    if pivot is None:
        return None
    g = math.gcd(*pivot)
    unit = [e // g for e in pivot]
    lead = next(i for i, e in enumerate(unit) if e)
    if unit[lead] < 0:
        unit = [-e for e in unit]
    ks = []
    for v in vectors:
        k = v[lead] // unit[lead] if v[lead] % unit[lead] == 0 else None
        if k is None or [k * e for e in unit] != v:
            return None
        ks.append(k)
    rho = sympy.Integer(1)
    for b, e in zip(basis, unit, strict=True):
        rho *= sympy.Rational(b) ** e
    if rho < 1:
        rho, ks = 1 / rho, [-k for k in ks]
    return rho, ks


def chernoff_information(
    P1: Any, P2: Any, base: Base = 2, *, digits: int = DEFAULT_DIGITS
) -> ChernoffInformation:
    """``C(P1, P2) = -min over 0 <= lambda <= 1 of log sum_x P1(x)**lambda P2(x)**(1 - lambda)``.

    Explanation
    ===========

    The best exponent of the probability of error of a Bayesian test between
    ``P1`` and ``P2`` from ``n`` samples (Cover & Thomas, 2nd ed., Theorem
    11.9.1).  When every likelihood ratio ``P1(x)/P2(x)`` is an integer power
    of one rational ``rho``, the optimal ``lambda`` solves a polynomial
    equation in ``u = rho**lambda``, and the result is exact (``u`` rational
    or a ``CRootOf``), and so it is when the optimum is found at a dyadic
    ``lambda`` (``g'(lambda) = 0`` proved exactly); otherwise ``value`` is a certified enclosure of
    ``digits`` places and ``lam`` an interval that contains the optimum.
    ``P1`` and ``P2`` are rational distributions over the same outcomes
    (matched by outcome; lists of probabilities by position).  An outcome
    that only one of them can produce tells them apart: the optimum is then
    the limit ``lambda -> 0`` or ``1`` (``lam`` is that end), and ``C = oo``
    when no outcome is shared.

    Examples
    ========

    >>> from symentropy.measures.types import chernoff_information
    >>> c = chernoff_information(["1/3", "2/3"], ["2/3", "1/3"])
    >>> c.lam, c.value
    (1/2, -3/2 + log(3)/log(2))
    >>> chernoff_information(["1/2", "1/3", "1/6"], ["1/5", "2/5", "2/5"], digits=12).value
    CertifiedInterval(lower='0.0899329546356', upper='0.0899329546359', base=2)
    """
    b = as_base(base)
    digits = check_digits(digits, limit=MAX_DIGITS)
    symbols1, p1 = source_pmf(P1)
    symbols2, p2 = source_pmf(P2)
    if set(symbols1) != set(symbols2) or len(p1) != len(p2):
        raise DistributionError(
            f"P1 has the outcomes {short_repr(symbols1)} and P2 {short_repr(symbols2)}; they must be the same"
        )
    by_symbol = dict(zip(symbols2, p2, strict=True))
    p2 = [by_symbol[x] for x in symbols1]  # matched by outcome
    for what, ps in (("P1", p1), ("P2", p2)):
        for k, v in enumerate(ps):
            if not v.is_Rational:
                raise DistributionError(
                    f"{what}[{k}] is {v}: chernoff_information takes rational probabilities"
                )
    common = [(a, c) for a, c in zip(p1, p2, strict=True) if a and c]
    if not common:  # mutually singular: one sample tells them apart
        return ChernoffInformation(sympy.oo, sympy.nan, True)
    ratios = [a / c for a, c in common]
    logs = [LogSum.log_of(r).to_expr(sympy.E) for r in ratios]
    slope0 = sympy.Add(*(c * lr for (_, c), lr in zip(common, logs, strict=True)))  # g'(0), g = sum P2 r**lam
    slope1 = sympy.Add(*(a * lr for (a, _), lr in zip(common, logs, strict=True)))  # g'(1)
    if compare(slope0, 0) >= 0:  # g'(0) >= 0: the minimum of g is at lambda = 0
        return ChernoffInformation(_minus_log(sympy.Add(*(c for _, c in common)), b), sympy.Integer(0), True)
    if compare(slope1, 0) <= 0:
        return ChernoffInformation(_minus_log(sympy.Add(*(a for a, _ in common)), b), sympy.Integer(1), True)
    powers = _ratio_powers(ratios)
    if powers is not None and max(powers[1]) - min(powers[1]) <= MAX_TILT_DEGREE:
        rho, ks = powers
        low = min(ks)
        u = sympy.Symbol("u", positive=True)
        polynomial = sympy.Poly(sum(c * k * u ** (k - low) for (_, c), k in zip(common, ks, strict=True)), u)
        roots = [r for r in polynomial.real_roots() if compare(r, 0) > 0]
        if len(roots) != 1:  # Descartes: the coefficients change sign once
            raise ArithmeticError(f"internal error: the Chernoff equation has {len(roots)} positive roots")
        root = roots[0]
        lam = sympy.expand_log(sympy.log(root) / sympy.log(rho), force=True)  # root and rho are positive
        g = sympy.expand(sympy.Add(*(c * root**k for (_, c), k in zip(common, ks, strict=True))))
        return ChernoffInformation(sympy.expand(-sympy.log(g) / sympy.log(b)), lam, True)
    return _certified_chernoff(common, b, digits)


def _stationary(common: list[tuple[sympy.Rational, sympy.Rational]], lam: Fraction) -> bool:
    """Whether ``g'(lam) = sum P2 r**lam log r`` is exactly 0 (decided by the exact comparison)."""
    exponent = sympy.Rational(lam.numerator, lam.denominator)
    slope = sympy.Add(*(c * (a / c) ** exponent * sympy.log(a / c) for a, c in common))
    try:
        return compare(slope, 0) == 0
    except UndecidedError:
        return False


def _minus_log(mass: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    return LogSum.log_of(1 / mass).to_expr(b)


def _certified_chernoff(common: list[tuple[sympy.Rational, sympy.Rational]], b: sympy.Expr,
                        digits: int) -> ChernoffInformation:
    """Bisection on the sign of ``g'(lambda)`` in interval arithmetic; a tangent bound above."""
    tolerance = nats_tolerance(b, digits)
    prec = 4 * digits + 80
    pairs = [(Fraction(int(a.p), int(a.q)), Fraction(int(c.p), int(c.q))) for a, c in common]
    logs = [Interval.log_of(a / c, prec) for a, c in pairs]

    def terms(lam: Fraction) -> tuple[Interval, Interval]:
        """``g(lam)`` and ``g'(lam)``, enclosed."""
        g = Interval.from_fraction(0, prec)
        dg = Interval.from_fraction(0, prec)
        for (_, c), lr in zip(pairs, logs, strict=True):
            t = (lr * lam).exp() * c
            g, dg = g + t, dg + t * lr
        return g, dg

    lo, hi = Fraction(0), Fraction(1)  # g'(0) < 0 < g'(1): the minimum is inside
    for _ in range(8 * digits + 400):  # each halving of the bracket narrows the bound fourfold
        mid = (lo + hi) / 2
        g_mid, dg_mid = terms(mid)
        side = dg_mid.sign()
        if side is None and _stationary(common, mid):  # g'(mid) = 0 exactly: the optimum is mid
            lam = sympy.Rational(mid.numerator, mid.denominator)
            g = sympy.Add(*(c * (a / c) ** lam for a, c in common))
            return ChernoffInformation(sympy.expand(-sympy.log(g) / sympy.log(b)), lam, True)
        slope = -(dg_mid / g_mid)  # f' = -g'/g at mid
        steepest = max(abs(slope.lower), abs(slope.upper))
        # f = -log g is concave and lam* lies in [lo, hi]: f(lam*) <= f(mid) + |f'(mid)| (hi - lo)/2,
        # whichever side of mid the optimum is on (also when the sign of g'(mid) is undecided)
        lower = (-g_mid.log()).lower
        upper = (-g_mid.log()).upper + steepest * (hi - lo) / 2
        if upper - lower <= tolerance:
            break
        if side is None:  # g'(mid) straddles 0: a finer enclosure decides it or shrinks the slope
            prec *= 2
            logs = [Interval.log_of(a / c, prec) for a, c in pairs]
            continue
        if side < 0:
            lo = mid
        else:
            hi = mid
    else:
        raise UndecidedError(
            f"the certified Chernoff information did not reach {digits} digits; ask for fewer digits"
        )
    low, high, places = decimal_ends(lower, upper, b, digits)
    value = CertifiedInterval(low, high, base=b, digits=digits, places=places)
    return ChernoffInformation(value, sympy.Interval(sympy.Rational(lo.numerator, lo.denominator),
                                                     sympy.Rational(hi.numerator, hi.denominator)), False)
