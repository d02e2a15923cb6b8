"""Channel capacity: exact closed forms where they exist, certified enclosures otherwise.

=========================================  ==================================================
function                                   result
=========================================  ==================================================
:func:`capacity`                           ``C = max_p I(X; Y)``: an exact sympy expression,
                                           or a :class:`CapacityInterval`
:func:`capacity_achieving_input`           an input distribution attaining ``C``
:func:`certified_capacity`                 always a :class:`CapacityInterval`
:class:`CapacityInterval`                  ``lower <= C <= upper``, width at most ``10**-digits``
=========================================  ==================================================

Exact capacities
================

:func:`capacity` first simplifies the channel without changing its capacity:
outputs that never occur are dropped, outputs with proportional columns are
merged (the likelihoods are a sufficient statistic), a column that is the
same for every input is an erasure and is factored out (``C = (1 - alpha)
C'``), repeated inputs are kept once, and a block-diagonal channel is a sum
of channels (``2**C = sum 2**C_k``).  Then it tries, in order:

* the uniform input, accepted when every input has the same divergence
  ``D(W(.|x) || q)`` from the output distribution ``q`` (the Kuhn-Tucker
  conditions); this covers symmetric, weakly symmetric and Gallager-symmetric
  channels, e.g. ``1 - h(p)`` for the binary symmetric channel;
* for a square nonsingular matrix, the inverse-matrix method: with
  ``c = -W**-1 H`` (``H`` the row entropies), ``C = log sum_y 2**c_y`` when
  the input it gives is a distribution.  Every binary-input channel with two
  distinguishable outputs ends here, e.g. the Z channel
  ``log2(1 + (1 - p) p**(p/(1 - p)))``;
* for numeric channels, the support and value of a numeric solution are used
  as a guess that is then checked exactly (rational optimal inputs, inputs
  left unused).

Symbolic channels have exact capacities only; when none of these applies,
:class:`~symentropy.errors.UndecidedError` is raised.

Certified numeric capacities
============================

Otherwise the capacity is enclosed numerically.  A few Blahut-Arimoto
iterations locate the inputs in use; Newton's method then solves the
Kuhn-Tucker equations ``D(W(.|x) || q) = C`` on that support, with the
precision doubled at each step up to the one requested (an active-set loop
adds or removes inputs as needed; plain Blahut-Arimoto is the fallback).
The result is certified with the outward-rounded interval arithmetic of
:mod:`symentropy.kernel.intervals` for a rational input ``p``: the lower
bound is ``I(p)`` and the upper bound is ``max_x D(W(.|x) || pW)``, which
bounds the capacity from above for every ``p`` (the stopping bound of
Blahut, 1972).  The search runs in a private mpmath context from
:func:`symentropy.kernel.numeric.working_context`; the global precision is
never read or changed.

The work is shared by three modules, each importing only the ones after it:
this one (the public functions and :class:`CapacityInterval`),
:mod:`symentropy.measures.capacity_exact` (the closed forms) and
:mod:`symentropy.measures.capacity_numeric` (the numeric solver and its
certificate).  ``symentropy.capacity`` is the function :func:`capacity`;
this module is ``symentropy.measures.capacity``.

Examples
========

>>> from sympy import Symbol
>>> from symentropy.models.channel import Channel, binary_symmetric_channel, z_channel
>>> from symentropy.measures.capacity import capacity, capacity_achieving_input
>>> p = Symbol("p")
>>> capacity(binary_symmetric_channel(p))
xlogx(p)/log(2) + xlogx(1 - p)/log(2) + 1
>>> capacity(z_channel(p))
log(p**(p/(1 - p))*(1 - p) + 1)/log(2)
>>> capacity(z_channel("1/2")), capacity_achieving_input(z_channel("1/2"))
(-2 + log(5)/log(2), Distribution.from_dict({0: '3/5', 1: '2/5'}, name='X'))
>>> c = capacity(Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]]), digits=20)
>>> c
CapacityInterval(lower='0.196597131599219623190', upper='0.196597131599219623191', base=2)
>>> c.evalf(15)
0.196597131599220
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..errors import UndecidedError
from ..kernel.logbase import Base, as_base
from ..kernel.numeric import check_digits
from ..models.channel import Channel
from .capacity_exact import exact_capacity
from .capacity_numeric import GUARD, numeric_solution
from .certified import DEFAULT_DIGITS, MAX_DIGITS, CertifiedInterval, decimal_ends, nats_tolerance

__all__ = ["capacity", "capacity_achieving_input", "certified_capacity", "CapacityInterval"]



# =====================================================================================
# Public interface
# =====================================================================================


class CapacityInterval(CertifiedInterval):
    """A certified enclosure ``lower <= C <= upper`` of a channel capacity.

    Explanation
    ===========

    Returned by :func:`capacity` when no closed form is known, and always by
    :func:`certified_capacity`.  ``lower`` and ``upper`` are exact rationals
    (decimals) with ``upper - lower <= 10**-digits``, in logarithms to
    ``base``.  The lower end is at most ``I(p)`` for the rational input
    distribution :attr:`input`; the upper end is at least
    ``max_x D(W(.|x) || q)`` for its output ``q``, which is never below the
    capacity.  Both were evaluated in interval arithmetic, so the bracket is a
    proof.  Everything else (:meth:`evalf`, ``in``, printing) is that of
    :class:`~symentropy.measures.certified.CertifiedInterval`.

    Examples
    ========

    >>> from symentropy.models.channel import Channel
    >>> from symentropy.measures.capacity import certified_capacity
    >>> c = certified_capacity(Channel([["1/2", "1/4", "1/4"], ["1/8", "1/8", "3/4"]]), digits=10)
    >>> c
    CapacityInterval(lower='0.19659713159', upper='0.19659713160', base=2)
    >>> c.lower, c.evalf(8), c.width <= c.tolerance
    (19659713159/100000000000, 0.19659713, True)
    >>> c.evalf(12)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symentropy.errors.UndecidedError: only 10 digits are certified: the capacity lies in ...digits=14
    """

    quantity = "the capacity"

    __slots__ = ("_input",)

    def __init__(self, lower: sympy.Rational, upper: sympy.Rational, *, base: sympy.Expr, digits: int,
                 input: Distribution, places: int):
        super().__init__(lower, upper, base=base, digits=digits, places=places)
        if not isinstance(input, Distribution):
            raise TypeError(f"input must be a Distribution, got {input!r}")
        self._input = input

    @property
    def input(self) -> Distribution:
        """The rational input distribution whose information is the lower bound."""
        return self._input


def _check_channel(channel: Any) -> Channel:
    if not isinstance(channel, Channel):
        raise TypeError(f"expected a Channel, got {type(channel).__name__}")
    return channel


def _input_distribution(
    channel: Channel, probabilities: Sequence[Any], name: str, trusted: bool
) -> Distribution:
    values = [sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
              for v in probabilities]
    if trusted:
        outcomes = [(x,) for x in channel.inputs]
        return Distribution.from_validated((name,), outcomes, values, channel.conditions)
    return Distribution.from_pmf(values, name=name, outcomes=channel.inputs)


def _interval(channel: Channel, digits: int, base: sympy.Expr) -> CapacityInterval:
    solution = numeric_solution(channel, nats_tolerance(base, digits, guard=GUARD))
    low, high, places = decimal_ends(solution.lower, solution.upper, base, digits)
    distribution = _input_distribution(channel, solution.input, "X", trusted=False)
    return CapacityInterval(low, high, base=base, digits=digits, input=distribution, places=places)


def capacity(
    channel: Channel, *, base: Base = 2, digits: int = DEFAULT_DIGITS
) -> sympy.Expr | CapacityInterval:
    """Return the capacity ``C = max_p I(X; Y)`` of a channel: exact when a closed form is found.

    Explanation
    ===========

    The result is an exact sympy expression when one of the closed forms
    described in :mod:`symentropy.measures.capacity` applies: symmetric and weakly
    symmetric channels (``log |Y| - H(row)``), erasures, binary-input and
    other square channels (the inverse-matrix method), sums and products of
    channels, and numeric channels whose optimal input is rational or uses a
    subset of the inputs on which one of these applies.  Symbolic entries give
    symbolic capacities, valid for the parameter values where the channel is
    valid (see :attr:`~symentropy.models.channel.Channel.conditions`) and keeps its
    shape (no rows becoming equal).

    Otherwise, for a channel of numbers, the result is a
    :class:`CapacityInterval` with certified bounds at most ``10**-digits``
    apart.  Use ``isinstance(c, CapacityInterval)`` to tell the two apart, or
    :func:`certified_capacity` to always get an interval.

    Examples
    ========

    >>> from sympy import Symbol, E
    >>> from symentropy.models.channel import (binary_erasure_channel, q_ary_symmetric_channel,
    ...     noisy_typewriter, channel_sum, binary_symmetric_channel, Channel)
    >>> from symentropy.measures.capacity import capacity
    >>> capacity(binary_erasure_channel(Symbol("alpha")))
    1 - alpha
    >>> capacity(noisy_typewriter(26))
    log(13)/log(2)
    >>> capacity(q_ary_symmetric_channel(3, "1/2"), base=E)
    -3*log(2)/2 + log(3)
    >>> capacity(channel_sum(Channel([[1, 0], [0, 1]]), Channel([[1]])))
    log(3)/log(2)

    Parameters
    ==========

    channel : Channel
    base : 2, sympy.E, 10, a positive rational or a Symbol
        Base of the logarithm; a numeric capacity needs a numeric base.
    digits : int
        Certified decimal places of a numeric capacity.

    Raises
    ======

    UndecidedError
        For a symbolic channel whose capacity has none of the closed forms.

    See Also
    ========

    capacity_achieving_input, certified_capacity, CapacityInterval

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, sections 7.1-7.3 and Theorem 7.2.1.
    R. G. Gallager, *Information Theory and Reliable Communication*, Wiley,
    1968, Theorem 4.5.1 (Kuhn-Tucker conditions) and section 4.5.
    S. Muroga, "On the capacity of a discrete channel", J. Phys. Soc. Japan
    8 (1953) (the inverse-matrix method).
    """
    channel = _check_channel(channel)
    b = as_base(base)
    digits = check_digits(digits, limit=MAX_DIGITS)
    found = exact_capacity(channel)
    if found is not None:
        return found.nats.to_expr(b)
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"no closed form for the capacity of this channel with symbols {names} was found; "
            "substitute values with channel.subs(...) for a certified numeric capacity"
        )
    return _interval(channel, digits, b)


def capacity_achieving_input(
    channel: Channel, *, digits: int = DEFAULT_DIGITS, name: str = "X"
) -> Distribution:
    """Return an input distribution that achieves the capacity of ``channel``.

    Explanation
    ===========

    Exact when :func:`capacity` finds a closed form (the optimal input need
    not be unique; one is returned).  Otherwise the rational input of the
    certified enclosure: its mutual information is within ``10**-digits``
    (bits) of the capacity.

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.channel import Channel, z_channel
    >>> from symentropy.measures.capacity import capacity_achieving_input
    >>> capacity_achieving_input(Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]]))
    Distribution.from_dict({0: '1/2', 1: '0', 2: '1/2'}, name='X')
    >>> capacity_achieving_input(z_channel(Symbol("p")))[1]
    1/(-p + p**(p/(p - 1)) + 1)

    See Also
    ========

    capacity, certified_capacity
    """
    channel = _check_channel(channel)
    digits = check_digits(digits, limit=MAX_DIGITS)
    found = exact_capacity(channel)
    if found is not None:
        return _input_distribution(channel, found.input, name, trusted=True)
    if channel.is_symbolic:
        names = ", ".join(sorted(str(s) for s in channel.free_symbols))
        raise UndecidedError(
            f"no closed form for the optimal input of this channel with symbols {names} was found; "
            "substitute values with channel.subs(...)"
        )
    interval = _interval(channel, digits, sympy.Integer(2))
    return interval.input.rename(X=name) if name != "X" else interval.input


def certified_capacity(channel: Channel, *, digits: int = DEFAULT_DIGITS, base: Base = 2) -> CapacityInterval:
    """Return certified bounds ``lower <= C <= upper`` with ``upper - lower <= 10**-digits``.

    Explanation
    ===========

    Runs the numeric method of :mod:`symentropy.measures.capacity` even when a closed
    form exists (useful to check one).  The channel's entries must be
    numbers; rational entries give a fully rigorous certificate, other exact
    numbers (such as ``sqrt(2)/2``) are enclosed by interval arithmetic too.

    Examples
    ========

    >>> from symentropy.models.channel import z_channel
    >>> from symentropy.measures.capacity import certified_capacity
    >>> c = certified_capacity(z_channel("1/2"), digits=25)
    >>> c
    CapacityInterval(lower='0.32192809488736234787031942', upper='0.32192809488736234787031944', base=2)
    >>> from sympy import log
    >>> log(5, 2) - 2 in c
    True

    Parameters
    ==========

    channel : Channel
        A channel with numeric entries.
    digits : int
        Decimal places certified.
    base : a numeric logarithm base

    See Also
    ========

    capacity, CapacityInterval

    References
    ==========

    R. E. Blahut, "Computation of channel capacity and rate-distortion
    functions", IEEE Trans. Inf. Theory 18(4), 1972 (the iteration and the
    bound ``C <= max_x D(W(.|x) || q)``).
    S. Arimoto, "An algorithm for computing the capacity of arbitrary
    discrete memoryless channels", IEEE Trans. Inf. Theory 18(1), 1972.
    """
    channel = _check_channel(channel)
    b = as_base(base)
    digits = check_digits(digits, limit=MAX_DIGITS)
    return _interval(channel, digits, b)
