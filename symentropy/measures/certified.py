"""Certified enclosures of information quantities that have no closed form.

=====================================  ===============================================
name                                   use
=====================================  ===============================================
:class:`CertifiedInterval`             ``lower <= value <= upper``: exact decimal ends,
                                       ``upper - lower <= 10**-digits``
:func:`nats_tolerance`                 the width in nats that gives ``digits`` decimal
                                       places in a base
:func:`decimal_ends`                   an enclosure in nats as decimal ends in a base
=====================================  ===============================================

A solver that proves ``lower <= value <= upper`` in nats (with the interval
arithmetic of :mod:`symentropy.kernel.intervals`) asks
:func:`nats_tolerance` how narrow it must be, and :func:`decimal_ends` turns
its bounds into the decimal ends of a :class:`CertifiedInterval` in the
requested base, rounding outward.  The capacity of a channel
(:class:`~symentropy.measures.capacity.CapacityInterval`) and the
rate-distortion function of a general source
(:class:`~symentropy.measures.rate_distortion.RateDistortionInterval`) are
certified this way.

Examples
========

>>> from fractions import Fraction
>>> from sympy import Rational
>>> from symentropy.measures.certified import CertifiedInterval, decimal_ends
>>> low, high, places = decimal_ends(Fraction(1, 3), Fraction(1, 3) + Fraction(1, 10**30), 2, 10)
>>> c = CertifiedInterval(low, high, base=2, digits=10, places=places)
>>> c
CertifiedInterval(lower='0.48089834696', upper='0.48089834697', base=2)
>>> from sympy import log
>>> c.evalf(9), Rational(1, 3) / log(2) in c
(0.480898347, True)
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import sympy

from ..errors import InvalidBaseError, UndecidedError
from ..kernel import intervals
from ..kernel.exact import as_exact
from ..kernel.intervals import Interval
from ..kernel.logbase import as_base
from ..kernel.logsum import is_rational_log
from ..kernel.numeric import check_digits, compare, evaluate, working_context

__all__ = ["CertifiedInterval", "decimal_ends", "nats_tolerance", "log_of_base", "enclosure",
           "DEFAULT_DIGITS", "MAX_DIGITS"]

#: Default number of certified decimal places.
DEFAULT_DIGITS = 30
#: Largest number of certified places accepted (the work grows with the precision).
MAX_DIGITS = 2000


def enclosure(value: sympy.Expr, prec: int) -> Interval:
    """An enclosure of an exact real number at about ``prec`` bits.

    Rationals are exact and logarithms of rationals come from
    :func:`symentropy.kernel.intervals.log_of_rational`.  Any other number is
    evaluated with :func:`symentropy.kernel.numeric.evaluate` to ``d`` correctly
    rounded digits and enclosed in a relative radius ``10**(1 - d)``, which
    covers the half unit of the rounding and the binary conversion of the
    decimal result.  ``evaluate`` proves its digits for elementary expressions
    (``+``, ``*``, powers, ``log``, ``exp``, ``pi``, ``E``); for other
    functions it is as reliable as sympy's ``evalf``.

    >>> from sympy import sqrt, Rational
    >>> from symentropy.measures.certified import enclosure
    >>> x = enclosure(sqrt(2), 100)
    >>> x.lower**2 < 2 < x.upper**2, x.upper - x.lower < Rational(1, 2**97)
    (True, True)
    """
    if value.is_Rational:
        return Interval.from_fraction(Fraction(int(value.p), int(value.q)), prec)
    if is_rational_log(value):
        a = value.args[0]
        return Interval.log_of(Fraction(int(a.p), int(a.q)), prec)
    digits = math.ceil(prec / intervals.LOG2_10) + 3
    x = evaluate(value, digits)
    if x.is_zero:
        return Interval(_ZERO, prec)
    middle = intervals.to_fraction(x._mpf_)
    radius = abs(middle) / 10 ** (digits - 1)
    low, high = intervals.exact(middle - radius, prec), intervals.exact(middle + radius, prec)
    return Interval((low[0], high[1]), prec)


def log_of_base(base: sympy.Expr, prec: int) -> Interval:
    """An enclosure of ``log(base)`` that excludes 0, at ``prec`` bits or more.

    ``base`` comes from :func:`~symentropy.kernel.logbase.as_base`, which proved it is not 1.

    >>> from symentropy.measures.certified import log_of_base
    >>> box = log_of_base(2, 60)
    >>> 0.69314718055 < box.lower < box.upper < 0.69314718056, float(box.upper - box.lower) < 2**-55
    (True, True)
    """
    log_base = sympy.log(as_base(base))
    while True:  # log(base) is not 0: the enclosures exclude it once precise enough
        enclosed = enclosure(log_base, prec)
        if not intervals.contains_zero(enclosed.pair):
            return enclosed
        prec *= 2


def nats_tolerance(base: Any, digits: int, guard: int = 20) -> Fraction:
    """A width in nats small enough for ``digits`` decimal places in logarithms to ``base``.

    Half of ``10**-digits`` times ``|log base|`` (a lower bound of it): an
    enclosure that narrow in nats, divided by ``log base`` and rounded outward
    to ``digits + 1`` places, is at most ``10**-digits`` wide.

    >>> from symentropy.measures.certified import nats_tolerance
    >>> float(nats_tolerance(2, 10))  # doctest: +ELLIPSIS
    3.4657359...e-11
    """
    b = as_base(base)
    if not b.is_number:
        raise InvalidBaseError(f"a certified value needs a numeric logarithm base, got {b}")
    prec = working_context(check_digits(digits), guard=guard).prec
    log_base = log_of_base(b, prec)
    smallest = min(abs(log_base.lower), abs(log_base.upper))
    return Fraction(1, 10**digits) * smallest / 2


def decimal_ends(
    lower: Fraction, upper: Fraction, base: Any, digits: int
) -> tuple[sympy.Rational, sympy.Rational, int]:
    """``lower/log(base)`` and ``upper/log(base)`` rounded outward to ``digits + 1`` places.

    ``lower <= upper`` are bounds in nats; the result is ``(low, high,
    places)`` for a :class:`CertifiedInterval` (``low`` and ``high`` exact
    decimals of ``places`` places).

    >>> from fractions import Fraction
    >>> from symentropy.measures.certified import decimal_ends
    >>> decimal_ends(Fraction(1), Fraction(1), "E", 3)
    (1, 1, 4)
    """
    b = as_base(base)
    digits = check_digits(digits)
    prec = working_context(digits, guard=84).prec
    log_base = log_of_base(b, prec)
    candidates = []
    for end in (lower, upper):
        value = Interval.from_fraction(end, log_base.prec) / log_base
        candidates.extend((value.lower, value.upper))
    places = digits + 1
    scale = 10**places
    low = math.floor(min(candidates) * scale)
    high = math.ceil(max(candidates) * scale)
    return sympy.Rational(low, scale), sympy.Rational(high, scale), places


_ZERO = intervals.exact(Fraction(0), 53)


def _decimal(value: sympy.Rational, places: int) -> str:
    """The exact decimal expansion of a rational whose denominator divides ``10**places``."""
    scaled = value * 10**places  # an integer: CertifiedInterval checks its ends
    text = str(abs(int(scaled))).rjust(places + 1, "0")
    minus = "-" if scaled < 0 else ""
    return f"{minus}{text[:-places]}.{text[-places:]}" if places else f"{minus}{text}"


class CertifiedInterval:
    """A certified enclosure ``lower <= value <= upper`` with exact decimal ends.

    Explanation
    ===========

    ``lower`` and ``upper`` are exact rationals (decimals of ``places``
    places) with ``upper - lower <= 10**-digits``, in logarithms to
    ``base``.  The subclasses say what the value is and carry the witness
    of each end (an input distribution, a test channel).

    :meth:`evalf` gives the digits the two ends agree on, correctly rounded,
    and refuses (:class:`~symentropy.errors.UndecidedError`) to guess the
    others; ``x in interval`` decides ``lower <= x <= upper`` exactly.

    Examples
    ========

    >>> from sympy import Rational
    >>> from symentropy.measures.certified import CertifiedInterval
    >>> c = CertifiedInterval(Rational("0.0308099"), Rational("0.0308101"), base=2, digits=6, places=7)
    >>> c.evalf(4)
    0.03081
    >>> c.evalf(6)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symentropy.errors.UndecidedError: only 6 digits are certified: ... (0.0308099 and 0.0308101); ask ...
    """

    #: What the enclosed number is, for messages.
    quantity = "the value"

    __slots__ = ("_lower", "_upper", "_base", "_digits", "_places")

    def __init__(self, lower: Any, upper: Any, *, base: Any, digits: int, places: int):
        lower, upper = as_exact(lower, what="the lower end"), as_exact(upper, what="the upper end")
        name = type(self).__name__
        if not (lower.is_Rational and upper.is_Rational and lower <= upper):
            raise ValueError(f"a {name} needs rational ends lower <= upper, got {lower} and {upper}")
        self._lower = lower
        self._upper = upper
        self._base = as_base(base)
        self._digits = check_digits(digits)
        self._places = check_digits(places, what="places")
        for end in (lower, upper):
            if not (end * 10**self._places).is_Integer:
                raise ValueError(f"the ends of a {name} are decimals of {self._places} places, got {end}")

    @property
    def lower(self) -> sympy.Rational:
        """A certified lower bound."""
        return self._lower

    @property
    def upper(self) -> sympy.Rational:
        """A certified upper bound."""
        return self._upper

    @property
    def base(self) -> sympy.Expr:
        """The base of the logarithms (2: bits)."""
        return self._base

    @property
    def digits(self) -> int:
        """The number of certified decimal places: ``upper - lower <= 10**-digits``."""
        return self._digits

    @property
    def tolerance(self) -> sympy.Rational:
        """``10**-digits``."""
        return sympy.Rational(1, 10**self._digits)

    @property
    def width(self) -> sympy.Rational:
        """``upper - lower``."""
        return self._upper - self._lower

    @property
    def midpoint(self) -> sympy.Rational:
        """``(lower + upper)/2``, within ``10**-digits/2`` of the value."""
        return (self._lower + self._upper) / 2

    def evalf(self, n: int = 15) -> sympy.Float:
        """The value correctly rounded to ``n`` significant digits, when the enclosure decides them.

        The same as :func:`symentropy.kernel.numeric.evaluate`: the common
        rounding of :attr:`lower` and :attr:`upper`.  When the two ends round
        differently, no digit is guessed:
        :class:`~symentropy.errors.UndecidedError` (a ``ValueError``) asks for
        an enclosure with more digits.
        """
        n = check_digits(n, what="n")
        try:
            return evaluate(self, n)
        except UndecidedError:
            lower, upper = evaluate(self._lower, n), evaluate(self._upper, n)
            # the n-th significant digit of a value ~ 10**e is the (n - 1 - e)-th decimal: ask for two more
            middle = Fraction(int(self.midpoint.p), int(self.midpoint.q))
            leading = intervals.round_decimal(middle, 1)[1] if middle else 0
            wanted = max(self._digits + 1, n - leading + 1)
            raise UndecidedError(
                f"only {self._digits} digits are certified: {self.quantity} lies in {self}, whose ends "
                f"round differently to {n} significant digits ({lower} and {upper}); "
                f"ask for more with digits={wanted}"
            ) from None

    n = evalf

    def __float__(self) -> float:
        return float(self.midpoint)

    def __contains__(self, value: Any) -> bool:
        """Decide ``lower <= value <= upper`` rigorously for a real sympy number."""
        value = as_exact(value, what=f"a value tested against a {type(self).__name__}")
        if value.is_Rational:
            return bool(self._lower <= value <= self._upper)
        try:
            return compare(self._lower, value) <= 0 <= compare(self._upper, value)
        except UndecidedError as error:
            raise UndecidedError(
                f"cannot decide whether {value} lies in [{self._lower}, {self._upper}]: {error}"
            ) from None

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, CertifiedInterval)
        return (self._lower, self._upper, self._base) == (other._lower, other._upper, other._base)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._lower, self._upper, self._base))

    def ends(self) -> tuple[str, str]:
        """The two ends as exact decimal strings."""
        return _decimal(self._lower, self._places), _decimal(self._upper, self._places)

    def __repr__(self) -> str:
        lower, upper = self.ends()
        return f"{type(self).__name__}(lower='{lower}', upper='{upper}', base={self._base})"

    def __str__(self) -> str:
        lower, upper = self.ends()
        return f"[{lower}, {upper}]"

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        lower, upper = self.ends()
        return rf"\left[{lower}, {upper}\right]"

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"
