"""Numerical values of exact results, with every returned digit correct.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`evaluate`                       the value to ``digits`` significant digits
:func:`compare`                        the order of two exact results (-1, 0, 1)
:func:`sign`                           the sign of an exact number (-1, 0, 1)
:func:`is_zero`                        whether an exact result is zero
:func:`known_sign`                     the sign where it is decided, also for
                                       expressions in symbols; None otherwise
:func:`check_digits`                   the one check of a ``digits=`` argument
:func:`working_context`                a private mpmath context for numerical
                                       searches that aim at ``digits`` digits
=====================================  ===============================================

Explanation
===========

Precision is decided here and only here: how many bits for how many digits,
when to raise them, when to give up.  Every sign, order and zero that
symentropy decides about numbers goes through :func:`sign` (or
:func:`compare`, :func:`is_zero`, :func:`known_sign`, which call it), and
every ``digits=`` argument through :func:`check_digits`.  No function in this
module reads or changes the precision of mpmath's global contexts ``mp`` and
``iv``: enclosures are computed by :mod:`symentropy.kernel.intervals` on
mpmath's raw routines (``mpmath.libmp``), which take the working precision
as an argument.

**Correct rounding.**  :func:`evaluate` returns the value *correctly rounded*
(to nearest, ties to even) to ``digits`` significant decimal digits, as a
sympy ``Float`` of precision ``digits``.  It is correct by construction: the
value is enclosed in an interval ``[lo, hi]`` whose ends are exact binary
numbers, computed with outward (floor/ceiling) rounding at every step; both
ends are rounded to ``digits`` decimal digits *exactly* (integer arithmetic);
rounding is monotone, so when both ends round to the same decimal number,
every number in the interval does, and in particular the value.  Otherwise
the working precision is raised and the enclosure recomputed.  For a
nonzero result of symentropy (a rational plus rational multiples of
logarithms of integers) the loop always ends: such a value is either
rational (then it is rounded exactly, without enclosure) or irrational,
so never exactly halfway between two decimal numbers.

What the enclosures rest on: the arithmetic is rounded outward, and the
logarithms of integers up to ``2**32`` are computed with integer arithmetic
and proved error bounds.  Other elementary values (``log`` of larger or
non-integer arguments, ``exp``, ``pi``, ``e``) come from mpmath, whose
routines are accurate to a few units in the last place; each is computed
with 32 extra bits and enclosed in a radius ``2**32`` times that error.

**Zero.**  An expression that is exactly zero gives ``Float(0, digits)``
(printed ``0.0``).  Zero is decided exactly for sums of logarithms (the
logarithms of pairwise coprime integers are linearly independent over the
rationals), never from a small numerical value; and for rational functions
of one ``CRootOf`` number with rational coefficients (the irreducible
polynomial of the number divides the numerator).  For other expressions
whose enclosure still contains zero at ``2**14`` bits (more for more
digits), sympy is asked to prove the value zero (``equals``), and
:class:`~symentropy.errors.UndecidedError` is raised if it cannot.

**Which expressions.**  Three paths, tried in order:

1. *Sums of logarithms* (every rational or canonical result of symentropy,
   and results of ``subs`` that sympy keeps in that shape):
   ``r + sum c_k log(a_k)/log(b)`` with rationals ``r, c_k, a_k, b``.  Each
   logarithm of an integer is computed once at the needed precision and
   cached, so the cost grows with the number of distinct primes, not with
   the number of outcomes of the table.  Logarithms of primes below
   ``2**32`` come from a table built with integer arithmetic only, all
   the primes of a value in one pass (short atanh series from a nearby
   prime or from ``p**2 - k**2``, see the table of
   :mod:`symentropy.kernel.intervals`), with error bounds carried along
   exactly, and the sum is formed in fixed point
   (:func:`~symentropy.kernel.intervals.log_combination`); larger
   integers use mpmath's logarithm with a wide safety margin.
2. *Elementary expressions* (``+``, ``*``, powers, ``log``, ``exp``,
   ``pi``, ``E``): interval arithmetic on the expression tree, as rigorous
   as path 1.
3. *Anything else* (infinite ``Sum``, special functions): sympy's ``evalf``,
   whose own error control tracks cancellation, guarded by re-evaluation at
   twice the precision; the result is accepted when the two agree well
   beyond the last digit and the value is not within the disagreement of a
   rounding boundary.  This path is as reliable as ``evalf`` and is the only
   one that is not proved.

**Other result types.**  An object with a method
``_symentropy_evaluate_(digits)`` is evaluated by calling that method, which
must return a ``Float`` with the same guarantee: this is the hook for result
types other than sympy expressions.  Without the hook, an object with exact
``lower`` and ``upper`` attributes (a certified enclosure, such as a channel
capacity known to some number of places) gives the common rounding of its two
ends, and :class:`~symentropy.errors.UndecidedError` if they round
differently.  Results are plain sympy expressions, so there is no
``.evaluate()`` method on them: ``expr.evalf(n)`` remains sympy's own, and does
not guarantee its last digits the way :func:`evaluate` does.

Examples
========

>>> from sympy import log, Rational
>>> from symentropy import uniform, entropy
>>> from symentropy.kernel.numeric import evaluate, compare, is_zero
>>> h = entropy(uniform(6))
>>> h
1 + log(3)/log(2)
>>> evaluate(h)
2.58496250072116
>>> evaluate(h, 50)
2.5849625007211561814537389439478165087598144076925
>>> compare(h, Rational(5, 2)), is_zero(log(6) - log(2) - log(3))
(1, True)
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import mpmath
import sympy
from mpmath import libmp

from ..errors import InvalidDigitsError, UndecidedError
from . import intervals
from .bigint import sticky_ratio
from .exact import as_exact
from .logsum import LogSum, refine_cofactors
from .primes import FACTOR_LIMIT, factor_integer

__all__ = [
    "evaluate",
    "compare",
    "sign",
    "is_zero",
    "known_sign",
    "check_digits",
    "working_context",
    "MAX_DIGITS",
    "GUARD_DIGITS",
]

#: Guard digits of a numerical search (:func:`working_context`) beyond the digits it aims at.
GUARD_DIGITS = 15

#: The most digits :func:`evaluate` gives (about 3.3 million bits of working precision).
MAX_DIGITS = 1_000_000

#: Working precision (bits) beyond which a value whose enclosure still
#: contains zero (or a rounding boundary) is handed to sympy to prove it
#: zero (or rational); raised for requests of many digits.  Values that are
#: provably irrational are refined without this limit.
_MAX_PRECISION = 1 << 14


class _Unsupported(Exception):
    """The interval evaluator met a node it does not handle (or a non-real value)."""


# ---------------------------------------------------------------------------
# Decimal numbers
# ---------------------------------------------------------------------------
def _float(m: int, e: int, digits: int) -> sympy.Float:
    """The sympy Float of precision ``digits`` nearest to ``m * 10**e``.

    Built from the exact binary value (never through a decimal string, which
    Python limits to 4,300 digits); it is the Float that ``Float("me e", digits)``
    would give, and prints as the ``digits`` digits of ``m``.
    """
    prec = libmp.dps_to_prec(digits)
    if e >= 0:
        value = libmp.from_int(m * 10**e, prec, libmp.round_nearest)
    else:
        value = libmp.from_man_exp(*sticky_ratio(m, 10**-e, prec), prec, libmp.round_nearest)
    return sympy.Float._new(value, prec)


# ---------------------------------------------------------------------------
# Sums of logarithms: r + sum_b (1/log b) * (k_b + sum_n c_{b,n} log n)
# ---------------------------------------------------------------------------
class _LogForm:
    """An exact value ``r + sum_b (k_b + sum_n c_bn log n) / log b``.

    ``b`` ranges over positive rationals other than 1, and ``None`` for the
    terms without a divisor; ``n`` over integers >= 2; ``r``, ``k_b`` and
    ``c_bn`` are rationals.
    """

    __slots__ = ("rational", "groups")

    def __init__(self) -> None:
        self.rational = Fraction(0)
        # divisor -> (constant k_b, {n: c_bn})
        self.groups: dict[Fraction | None, list[Any]] = {}

    def _group(self, divisor: Fraction | None) -> list[Any]:
        group = self.groups.get(divisor)
        if group is None:
            group = self.groups[divisor] = [Fraction(0), {}]
        return group

    def add_log(self, divisor: Fraction | None, argument: Fraction, coefficient: Fraction) -> None:
        if divisor is not None:
            divisor, power = _primitive_base(divisor)
            if power != 1:
                coefficient /= power
        self.add_log_over(divisor, argument.numerator, argument.denominator, coefficient)

    def add_log_over(self, base: Fraction | None, numerator: int, denominator: int, c: Fraction) -> None:
        """Add ``c * log(numerator/denominator) / log(base)``, ``base`` primitive or None."""
        logs = self._group(base)[1]
        if numerator != 1:
            previous = logs.get(numerator)
            logs[numerator] = c if previous is None else previous + c
        if denominator != 1:
            previous = logs.get(denominator)
            logs[denominator] = -c if previous is None else previous - c

    def add_constant(self, divisor: Fraction | None, coefficient: Fraction) -> None:
        if divisor is None:
            self.rational += coefficient
        else:
            divisor, power = _primitive_base(divisor)
            self._group(divisor)[0] += coefficient / power

    def scaled(self, factor: Fraction) -> _LogForm:
        out = _LogForm()
        out.rational = self.rational * factor
        for b, (k, logs) in self.groups.items():
            out.groups[b] = [k * factor, {n: c * factor for n, c in logs.items()}]
        return out

    def plus(self, other: _LogForm) -> _LogForm:
        out = self.scaled(Fraction(1))
        out.rational += other.rational
        for b, (k, logs) in other.groups.items():
            group = out._group(b)
            group[0] += k
            for n, c in logs.items():
                group[1][n] = group[1].get(n, 0) + c
        return out

    # -- exact decisions ---------------------------------------------------------
    def exact_rational(self) -> tuple[bool, Fraction | None]:
        """Decide exactly whether the value is rational.

        Returns ``(True, q)`` when the value is the rational ``q``,
        ``(True, None)`` when it is irrational, and ``(False, None)`` when
        this cannot be decided exactly (terms over two different divisors,
        whose products of logarithms are out of reach of linear independence).

        The argument: with one divisor ``b``, the value is a rational ``m``
        exactly when ``k + N + (r - m) log b = 0``, a linear form over ``1``
        and logarithms of integers.  Over a coprime basis those logarithms
        are linearly independent over the rationals, and ``1`` is
        independent of them (``e`` is transcendental), so this holds exactly
        when ``k = 0`` and ``N = t log b`` with ``t = m - r``.
        """
        groups = {b: (k, logs) for b, (k, logs) in self.groups.items() if k or any(logs.values())}
        if not groups:
            return True, self.rational
        if len(groups) > 1:
            return False, None
        ((b, (k, logs)),) = groups.items()
        primes = _prime_coefficients(logs)
        if b is None:
            rational = LogSum.from_integer_weights(logs).is_zero if primes is None else not primes
            return True, (self.rational + k) if rational else None
        if k:
            return True, None
        if max(b.numerator, b.denominator) >= FACTOR_LIMIT:
            return False, None
        if primes is not None:  # N = t log b exactly when N's coefficients are t times b's exponents
            base = dict(factor_integer(b.numerator))
            base.update((p, -e) for p, e in factor_integer(b.denominator))
            if any(p not in base for p in primes):
                return True, None
            pivot = min(base)
            t = primes.get(pivot, Fraction(0)) / base[pivot]
            if all(primes.get(p, 0) == t * e for p, e in base.items()):
                return True, self.rational + t
            return True, None
        base = {p: e for p, e in factor_integer(b.numerator)}
        base.update((p, -e) for p, e in factor_integer(b.denominator))
        # N over a basis that contains the primes of b: its coefficient on
        # the smallest of them is t times that prime's exponent in b.
        terms = dict(LogSum.from_integer_weights(logs).terms)
        for p in base:
            terms.setdefault(p, Fraction(0))
        refined = refine_cofactors(terms)
        pivot = min(base)
        t = Fraction(refined.get(pivot, 0)) / base[pivot]
        remainder = dict(logs)
        for n, sign in ((b.numerator, -1), (b.denominator, 1)):
            if n != 1:
                remainder[n] = remainder.get(n, 0) + sign * t
        if LogSum.from_integer_weights(remainder).is_zero:
            return True, self.rational + t
        return True, None

    # -- enclosure -------------------------------------------------------------
    def enclose(self, prec: int) -> intervals.Pair:
        total = intervals.exact(self.rational, prec)
        for b, (k, logs) in self.groups.items():
            part = intervals.add(intervals.exact(k, prec), intervals.log_combination(logs, prec), prec)
            if b is not None:
                part = intervals.mul(part, intervals.inverse(intervals.log_of_rational(b, prec), prec), prec)
            total = intervals.add(total, part, prec)
        return total

    def magnitude_bits(self) -> int:
        """A rough log2 of the largest term, to size the working precision."""
        largest = abs(self.rational.numerator) // self.rational.denominator
        for _, logs in self.groups.values():
            for n, c in logs.items():
                largest = max(largest, abs(c.numerator) * n.bit_length() // c.denominator)
        return max(largest.bit_length(), 1)


def _prime_coefficients(logs: dict[int, Fraction]) -> dict[int, Fraction] | None:
    """``sum_n c_n log n`` as ``{p: c_p}`` over primes (nonzero ``c_p`` only); None if an ``n`` is too large.

    Logarithms of distinct primes are linearly independent over the
    rationals, so the sum is zero exactly when the result is empty.
    """
    out: dict[int, Fraction] = {}
    for n, c in logs.items():
        if not c or n == 1:
            continue
        if n >= FACTOR_LIMIT:
            return None
        for p, e in factor_integer(n):
            term = c if e == 1 else c * e
            previous = out.get(p)
            out[p] = term if previous is None else previous + term
    return {p: c for p, c in out.items() if c}


@functools.lru_cache(maxsize=256)
def _primitive_base(b: Fraction) -> tuple[Fraction, Fraction]:
    """Write ``log(b) = s*log(b0)`` with ``b0 > 1`` not a rational power of a smaller base.

    Divisors ``log(4)`` and ``log(1/2)`` then join the group of ``log(2)``,
    which keeps equal values comparable exactly.  Bases too large to factor
    are left as they are.
    """
    sign = 1
    if b < 1:
        b, sign = 1 / b, -1
    if max(b.numerator, b.denominator) >= FACTOR_LIMIT:
        return b, Fraction(sign)
    vector = dict(factor_integer(b.numerator))
    vector.update((p, -e) for p, e in factor_integer(b.denominator))
    g = math.gcd(*vector.values())
    root = Fraction(1)
    for p, e in vector.items():
        root *= Fraction(p) ** (e // g)
    return root, Fraction(sign * g)


def _as_fraction(x: sympy.Expr) -> Fraction:
    return Fraction(int(x.p), int(x.q))


def _log_form(expr: sympy.Expr) -> _LogForm | None:
    """Parse ``expr`` as a sum of rational multiples of logarithms, or None.

    One pass over the terms, reading the factors of each product as they are
    (no sympy arithmetic and no assumption queries: a canonical result of
    many thousands of terms is read in a few milliseconds).
    """
    form = _LogForm()
    terms = expr.args if expr.is_Add else (expr,)
    bases: dict[sympy.Expr, tuple[Fraction, Fraction]] = {}  # divisors met so far: (primitive base, power)
    minus_one = sympy.S.NegativeOne
    for term in terms:
        if term.is_Rational:
            form.add_constant(None, _as_fraction(term))
            continue
        factors = term.args if term.is_Mul else (term,)
        c: Fraction | None = None
        argument: sympy.Expr | None = None
        divisor: sympy.Expr | None = None
        for f in factors:
            if f.is_Rational and c is None:
                c = _as_fraction(f)
            elif isinstance(f, sympy.log) and argument is None and len(f.args) == 1:
                argument = f.args[0]
                if not argument.is_Rational or argument.p <= 0:
                    return None
            elif f.is_Pow and f.exp is minus_one and isinstance(f.base, sympy.log) and divisor is None:
                divisor = f.base.args[0]
                if not divisor.is_Rational or divisor.p <= 0:
                    return None
            else:
                return None
        c = Fraction(1) if c is None else c
        if argument is None:
            form.add_constant(None if divisor is None else _as_fraction(divisor), c)
            continue
        base = None
        if divisor is not None:
            found = bases.get(divisor)
            if found is None:
                found = bases[divisor] = _primitive_base(_as_fraction(divisor))
            base, power = found
            if power != 1:
                c /= power
        form.add_log_over(base, int(argument.p), int(argument.q), c)
    return form


# ---------------------------------------------------------------------------
# General expressions: interval arithmetic on the tree
# ---------------------------------------------------------------------------
def _enclose_tree(expr: sympy.Expr, prec: int) -> intervals.Pair:
    if expr.is_Rational:
        return intervals.exact(_as_fraction(expr), prec)
    if expr.is_Float:
        x = expr._mpf_
        return (x, x)
    if expr is sympy.pi:
        return intervals.pi(prec)
    if expr is sympy.E:
        return intervals.e(prec)
    if expr.is_Add:
        total = _enclose_tree(expr.args[0], prec)
        for a in expr.args[1:]:
            total = intervals.add(total, _enclose_tree(a, prec), prec)
        return total
    if expr.is_Mul:
        total = _enclose_tree(expr.args[0], prec)
        for a in expr.args[1:]:
            total = intervals.mul(total, _enclose_tree(a, prec), prec)
        return total
    if expr.is_Pow:
        base = _enclose_tree(expr.base, prec)
        if expr.exp.is_Integer:
            k = int(expr.exp)
            result = intervals.power(base, abs(k), prec)
            return intervals.inverse(result, prec) if k < 0 else result
        exponent = _enclose_tree(expr.exp, prec)
        return intervals.exp(intervals.mul(exponent, intervals.log(base, prec), prec), prec)
    if isinstance(expr, sympy.log) and len(expr.args) == 1:
        return intervals.log(_enclose_tree(expr.args[0], prec), prec)
    if isinstance(expr, sympy.exp):
        return intervals.exp(_enclose_tree(expr.args[0], prec), prec)
    raise _Unsupported(type(expr).__name__)


# ---------------------------------------------------------------------------
# Driving the precision
# ---------------------------------------------------------------------------
def check_digits(digits: Any, *, limit: int | None = MAX_DIGITS, what: str = "digits") -> int:
    """Return ``digits`` if it is an integer from 1 to ``limit``; else raise :class:`InvalidDigitsError`.

    The one check of every ``digits=`` argument in symentropy.  ``bool`` is
    refused (``True`` is not a number of digits); numpy and sympy integers
    are accepted.

    >>> from symentropy.kernel.numeric import check_digits
    >>> check_digits(30)
    30
    >>> check_digits(0)
    Traceback (most recent call last):
    ...
    symentropy.errors.InvalidDigitsError: digits must be an integer from 1 to 1000000, got 0
    >>> check_digits(2.5, limit=100, what="decimals")
    Traceback (most recent call last):
    ...
    symentropy.errors.InvalidDigitsError: decimals must be an integer from 1 to 100, got 2.5
    """
    bound = f"from 1 to {limit}" if limit is not None else "of at least 1"
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral):
        raise InvalidDigitsError(f"{what} must be an integer {bound}, got {digits!r}")
    value = int(digits)
    if value < 1 or (limit is not None and value > limit):
        raise InvalidDigitsError(f"{what} must be an integer {bound}, got {value}")
    return value


def working_context(digits: int, *, guard: int = GUARD_DIGITS) -> mpmath.ctx_mp.MPContext:
    """A private mpmath context for a numerical search that aims at ``digits`` correct digits.

    Root finders, Newton steps and quadratures (whose answers are proved or
    certified afterwards) run in such a context, at ``digits + guard``
    decimal digits; mpmath's global context is never read or changed, so
    two computations cannot disturb each other.  Compile expressions for it
    with :func:`symentropy.kernel.lambdify.lambdify` and ``context=``.

    >>> import mpmath
    >>> from symentropy.kernel.numeric import working_context
    >>> ctx = working_context(40)
    >>> ctx.dps, mpmath.mp.dps
    (55, 15)
    """
    ctx = mpmath.mp.clone()
    ctx.dps = check_digits(digits) + guard
    return ctx


def _as_number(value: Any) -> sympy.Expr:
    if not isinstance(value, sympy.Expr):
        raise TypeError(f"cannot evaluate {value!r}: not a sympy expression")
    if value.free_symbols:
        names = sorted(str(s) for s in value.free_symbols)
        raise UndecidedError(
            f"cannot evaluate {value}: it depends on the symbol{'s' if len(names) > 1 else ''} "
            f"{', '.join(names)}; substitute numbers first, e.g. expr.subs({names[0]}, Rational(1, 3))"
        )
    if value.has(sympy.nan, sympy.zoo) or value.is_finite is False:
        raise ValueError(f"cannot evaluate {value}: it is not a finite number")
    return value


def _prepare(expr: Any) -> tuple[sympy.Expr, _LogForm | None]:
    """The value as a sympy number, and its sum-of-logarithms form if it has one.

    Sums of logarithms are recognised structurally first: they need none of
    the checks (free symbols, finiteness) that cost sympy assumption queries
    on every term of a large result.
    """
    value = expr if isinstance(expr, sympy.Basic) else as_exact(expr)
    if isinstance(value, sympy.Expr):
        form = _log_form(value)
        if form is not None:
            return value, form
    return _as_number(value), None


def _start_precision(digits: int, extra: int = 0) -> int:
    return int(digits * intervals.LOG2_10) + 24 + extra


def _limit(digits: int) -> int:
    return max(_MAX_PRECISION, 8 * _start_precision(digits))


def _refine(enclose: Callable[[int], intervals.Pair], done: Callable[[intervals.Pair], Any], prec: int,
            limit: int | None) -> Any:
    """Enclose at doubling precisions until ``done(interval)`` is not None.

    Without a ``limit`` this is used only when the loop provably ends: the
    value is irrational, so enclosures that shrink to it eventually exclude
    zero and every rounding boundary.
    """
    while limit is None or prec <= limit:
        try:
            result = done(enclose(prec))
        except intervals.Imprecise:
            result = None
        if result is not None:
            return result
        prec *= 2
    return None


def _sign_of(interval: intervals.Pair) -> int | None:
    return None if intervals.contains_zero(interval) else intervals.sign(interval)


def evaluate(expr: Any, digits: int = 15) -> sympy.Float:
    """Return the value of an exact result to ``digits`` correct significant digits.

    Explanation
    ===========

    The result is the value correctly rounded (to nearest, ties to even) to
    ``digits`` significant decimal digits, as a sympy ``Float`` of precision
    ``digits``; an expression that is exactly zero gives ``Float(0, digits)``.
    Cancellation cannot produce wrong digits: the value is enclosed in an
    interval computed with outward rounding, and the precision is raised until
    the whole interval rounds to the same decimal number (see the module
    docstring for the three evaluation paths).  mpmath's global precision is
    neither read nor changed.

    Objects with a ``_symentropy_evaluate_(digits)`` method are evaluated by
    calling it.

    Examples
    ========

    >>> from sympy import E, Rational, Symbol, Sum, oo
    >>> from symentropy import Distribution, entropy, mutual_information
    >>> from symentropy.kernel.numeric import evaluate
    >>> evaluate(entropy(Distribution.from_pmf(["1/2", "1/3", "1/6"])), 30)
    1.45914791702724475739353613864
    >>> evaluate(Rational(2, 3), 5), evaluate(0)
    (0.66667, 0.0)

    A nearly independent table: the mutual information is tiny, and every
    digit is still correct (``evalf`` on the expanded form may lose them):

    >>> d = Distribution.from_table([["1/4", "1/4"], ["1/4 - 1/10**30", "1/4 + 1/10**30"]], names=("Y", "X"))
    >>> evaluate(mutual_information(d, "X", "Y"), 20)
    2.8853900817779268147e-60

    Symbolic results need numbers first:

    >>> p = Symbol("p")
    >>> h = entropy(Distribution.from_pmf([p, 1 - p]))
    >>> evaluate(h.subs(p, Rational(1, 10)), 20)
    0.46899559358928122125
    >>> evaluate(Sum(1/(Symbol("k", integer=True)**2), (Symbol("k", integer=True), 1, oo)), 25)
    1.644934066848226436472415
    >>> evaluate(h)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symentropy.errors.UndecidedError: cannot evaluate ...: it depends on the symbol p; substitute numbers ...

    Parameters
    ==========

    expr : sympy expression, int, Fraction, or an object with ``_symentropy_evaluate_``
        A number: no free symbols.
    digits : int
        Number of significant decimal digits, at least 1.

    See Also
    ========

    compare, is_zero, sympy.core.evalf.EvalfMixin.evalf

    References
    ==========

    IEEE 754-2019, section 4.3.1 (rounding to nearest, ties to even).
    F. Johansson et al., mpmath: a Python library for arbitrary-precision
    floating-point arithmetic, https://mpmath.org (raw ``libmp`` interface).
    """
    digits = check_digits(digits)
    if not isinstance(expr, (sympy.Basic, str)):  # a str has .lower and .upper too: it is a number here
        hook = getattr(expr, "_symentropy_evaluate_", None)
        if hook is not None:
            return hook(digits)
        if hasattr(expr, "lower") and hasattr(expr, "upper"):
            return _evaluate_enclosure(expr, digits)
    value, form = _prepare(expr)
    done = functools.partial(intervals.common_rounding, digits=digits)
    if form is not None:
        decided, rational = form.exact_rational()
        if rational is not None:
            return _float_of_rational(rational, digits)
        start = _start_precision(digits, form.magnitude_bits())
        rounded = _refine(form.enclose, done, start, None if decided else _limit(digits))
    else:
        try:
            enclose = functools.partial(_enclose_tree, value)
            rounded = _refine(enclose, done, _start_precision(digits), _limit(digits))
        except (_Unsupported, intervals.Undefined, ZeroDivisionError):
            if _algebraic_zero(value):
                return sympy.Float(0, digits)
            return _evaluate_guarded(value, digits)
    if rounded is None:
        return _last_resort(value, digits)
    return _float(*rounded, digits)


def _evaluate_enclosure(interval: Any, digits: int) -> sympy.Float:
    """A value known to lie in ``[interval.lower, interval.upper]`` (exact ends).

    Rounding is monotone: when both ends round to the same number, so does
    every number between them.
    """
    lower, upper = evaluate(interval.lower, digits), evaluate(interval.upper, digits)
    if lower == upper:
        return lower
    raise UndecidedError(
        f"cannot evaluate {interval!r} to {digits} digits: it is only known to lie between "
        f"{interval.lower} and {interval.upper}, whose roundings differ ({lower} and {upper}); "
        "ask for fewer digits or a narrower enclosure"
    )


def _float_of_rational(q: Fraction, digits: int) -> sympy.Float:
    if not q:
        return sympy.Float(0, digits)
    return _float(*intervals.round_decimal(q, digits), digits)


def _last_resort(value: sympy.Expr, digits: int) -> sympy.Float:
    """Enclosures at ``_MAX_PRECISION`` bits did not decide: try to prove a rational value."""
    simpler = sympy.simplify(value)
    if simpler.is_Rational:
        return _float_of_rational(_as_fraction(simpler), digits)
    raise UndecidedError(
        f"cannot evaluate {value} to {digits} digits: at {_limit(digits)} bits its enclosure still "
        "contains zero or a rounding boundary, and sympy cannot reduce it to a rational number"
    )


def _evaluate_guarded(value: sympy.Expr, digits: int) -> sympy.Float:
    """sympy's evalf, re-evaluated at twice the precision as a guard.

    The two values give an error estimate (their difference plus the
    accuracy evalf aims at); the result is accepted when every number within
    that estimate of the better value rounds to the same decimal number.
    """
    n = digits + 10
    while n <= _limit(digits) // 4:
        first, second = value.evalf(n), value.evalf(2 * n)
        for x in (first, second):
            if not (x.is_Float or x.is_zero):
                if x.is_number and x.is_extended_real is False:
                    raise ValueError(f"cannot evaluate {value}: it is not a real number ({x})")
                raise UndecidedError(f"cannot evaluate {value} numerically: sympy gives {x}")
        a = Fraction(0) if first.is_zero else intervals.to_fraction(first._mpf_)
        b = Fraction(0) if second.is_zero else intervals.to_fraction(second._mpf_)
        error = abs(a - b) + abs(b) / 10 ** (n - 2)
        lo, hi = b - error, b + error
        if lo > 0 or hi < 0:
            ends = intervals.round_decimal(lo, digits), intervals.round_decimal(hi, digits)
            if ends[0] == ends[1]:
                return _float(*ends[0], digits)
        n *= 2
    return _last_resort(value, digits)


def _algebraic_zero(value: sympy.Expr) -> bool:
    """Whether ``value`` is zero, for a rational function of one ``CRootOf`` with rational coefficients.

    sympy keeps the irreducible factor that has the root as the polynomial of
    a ``CRootOf``, so the value is zero exactly when that polynomial divides
    the numerator (and not the denominator): exact polynomial arithmetic, no
    evaluation.  False means "not proved zero" (other shapes included).
    """
    roots = value.atoms(sympy.CRootOf)
    if len(roots) != 1:
        return False
    (root,) = roots
    t = sympy.Dummy("t")
    numer, denom = sympy.fraction(sympy.together(value.xreplace({root: t})))
    try:
        modulus = sympy.Poly(root.poly.as_expr().xreplace({root.poly.gen: t}), t, domain="QQ")
        return (
            sympy.Poly(numer, t, domain="QQ").rem(modulus).is_zero
            and not sympy.Poly(denom, t, domain="QQ").rem(modulus).is_zero
        )
    except (sympy.PolynomialError, sympy.CoercionFailed):
        return False


def _sign_of_form(form: _LogForm) -> int | None:
    """The sign of a sum of logarithms; None only when undecided (mixed divisors)."""
    decided, rational = form.exact_rational()
    if rational is not None:
        return (rational > 0) - (rational < 0)
    start = _start_precision(1, form.magnitude_bits())
    return _refine(form.enclose, _sign_of, start, None if decided else _MAX_PRECISION)


def _sign(value: sympy.Expr) -> int:
    """The sign of a number: zero only when proved, else from an enclosure."""
    form = _log_form(value)
    sign = _sign_of_form(form) if form is not None else None
    if form is None:
        try:
            sign = _refine(functools.partial(_enclose_tree, value), _sign_of, 64, _MAX_PRECISION)
        except (_Unsupported, intervals.Undefined, ZeroDivisionError):
            if _algebraic_zero(value):
                return 0
            number = _evaluate_guarded(value, 15)
            return 0 if number.is_zero else (1 if number > 0 else -1)
    if sign is not None:
        return sign
    if value.equals(0):
        return 0
    raise UndecidedError(
        f"cannot decide the sign of {value}: it is zero to within 2**-{_MAX_PRECISION} "
        "and sympy cannot prove that it is exactly zero"
    )


def compare(a: Any, b: Any) -> int:
    """Return -1, 0 or 1 as ``a < b``, ``a == b`` or ``a > b``, decided exactly.

    Explanation
    ===========

    For sums of logarithms (every rational result of symentropy) equality is
    decided exactly: ``a - b`` is rewritten over logarithms of pairwise
    coprime integers, whose logarithms are linearly independent over the
    rationals, so it is zero exactly when every coefficient is.  A nonzero
    difference is then enclosed in intervals of increasing precision until
    the interval excludes zero, which always happens.  Other expressions are
    compared by the same enclosures; if zero cannot be excluded at a very
    high precision, sympy is asked to prove equality, and
    :class:`~symentropy.errors.UndecidedError` is raised if it cannot.

    Examples
    ========

    >>> from symentropy import Distribution, entropy
    >>> from symentropy.kernel.numeric import compare
    >>> d = Distribution.from_table([["1/3", "1/6"], ["1/6", "1/3"]], names=("X", "Y"))
    >>> compare(entropy(d, "X"), entropy(d, "X", "Y"))
    -1
    >>> compare(entropy(d, "X"), 1), compare(entropy(d, "Y"), entropy(d, "X"))
    (0, 0)

    Parameters
    ==========

    a, b : sympy expressions or numbers without free symbols

    See Also
    ========

    is_zero, evaluate
    """
    (x, fx), (y, fy) = _prepare(a), _prepare(b)
    if x == y:
        return 0
    if fx is not None and fy is not None:
        result = _sign_of_form(fx.plus(fy.scaled(Fraction(-1))))
        if result is not None:
            return result
    return _sign(_as_number(x - y))


def sign(expr: Any) -> int:
    """Return the sign of a number, -1, 0 or 1, decided exactly.

    Explanation
    ===========

    The one sign decision of symentropy (:func:`compare` and
    :func:`is_zero` call it).  For sums of logarithms (every rational
    result of symentropy) it is exact: zero exactly when every coefficient
    over a coprime basis is zero, and otherwise the sign of an enclosure
    that excludes zero, refined until it does.  For other expressions,
    enclosures of increasing precision; if zero cannot be excluded at a very
    high precision, sympy is asked to prove the value zero, and
    :class:`~symentropy.errors.UndecidedError` is raised if it cannot.
    Never a float with a tolerance.

    Examples
    ========

    >>> from sympy import log, sqrt, Rational
    >>> from symentropy.kernel.numeric import sign
    >>> sign(log(3)/log(2) - Rational(1585, 1000)), sign(log(8)/log(2) - 3)  # log2(3) = 1.58496...
    (-1, 0)
    >>> sign((sqrt(2) + sqrt(3))**2 - 5 - 2*sqrt(6) - Rational(1, 10**70))
    -1
    >>> from sympy import CRootOf, Symbol
    >>> r = CRootOf(Symbol("x")**3 - Symbol("x") - 1, 0)  # the plastic number
    >>> sign(r**3 - r - 1), sign(r**3 - r - 1 - Rational(1, 10**90))
    (0, -1)

    Parameters
    ==========

    expr : sympy expression or number without free symbols

    See Also
    ========

    compare, is_zero, known_sign
    """
    value, form = _prepare(expr)
    if form is not None:
        result = _sign_of_form(form)
        if result is not None:
            return result
    return _sign(_as_number(value))


def is_zero(expr: Any) -> bool:
    """Return True when ``expr`` is exactly zero, decided by :func:`sign`.

    Examples
    ========

    >>> from symentropy import independent, uniform, mutual_information
    >>> from symentropy.kernel.numeric import is_zero
    >>> from sympy import log, Rational
    >>> is_zero(mutual_information(independent(uniform(3, name="X"), uniform(5, name="Y")), "X", "Y"))
    True
    >>> is_zero(log(8)/log(2) - 3), is_zero(log(3)/log(2) - Rational(1585, 1000))
    (True, False)

    Parameters
    ==========

    expr : sympy expression or number without free symbols

    See Also
    ========

    compare, sign
    """
    return sign(expr) == 0


def known_sign(expr: Any) -> int | None:
    """The sign of ``expr`` where it is decided, else None: the three-valued check of validation.

    A number without symbols gets its exact :func:`sign` (None only if even
    that cannot decide it).  An expression in symbols gets the sign that
    sympy's assumptions prove (``p*q`` with positive ``p`` and ``q`` is 1),
    or None.

    >>> from sympy import Symbol, log
    >>> from symentropy.kernel.numeric import known_sign
    >>> p = Symbol("p", positive=True)
    >>> known_sign(log(2) - 1), known_sign(p + 1), known_sign(p - 1)
    (-1, 1, None)
    """
    value = expr if isinstance(expr, sympy.Basic) else as_exact(expr)
    if not isinstance(value, sympy.Expr):
        raise TypeError(f"cannot take the sign of {value!r}: not a sympy expression")
    if value.is_Rational:
        return (value.p > 0) - (value.p < 0)
    if value.free_symbols:
        if value.is_zero:
            return 0
        if value.is_positive:
            return 1
        if value.is_negative:
            return -1
        return None
    try:
        return sign(value)
    except UndecidedError:
        return None
