"""Exceptions raised by symentropy.

Policy
======

Every error symentropy raises on bad input is an instance of
:class:`SymentropyError` *and* of the builtin exception a Python user would
already catch for that kind of mistake:

=============================  ==========================  =====================================
exception                      builtin base                raised when
=============================  ==========================  =====================================
:class:`DistributionError`     ``ValueError``              a table is not a probability
                                                           distribution (negative cell, total
                                                           other than 1, duplicate outcome,
                                                           outcome of the wrong length, a name
                                                           used twice, no outcomes at all)
:class:`InexactInputError`     ``TypeError``,              a Python ``float`` was given where an
                               ``ValueError``              exact number is needed
:class:`ParseError`            ``ValueError``              a string is outside the safe grammar
:class:`UnknownVariableError`  ``LookupError``             a variable name is not in the
                                                           distribution
:class:`ZeroProbabilityError`  ``ValueError``              conditioning on an event of
                                                           probability zero
:class:`UndecidedError`        ``ValueError``              validity depends on symbols and
                                                           ``strict=True`` was asked for
:class:`InvalidBaseError`      ``ValueError``              a logarithm base is not positive or
                                                           is 1
:class:`OptimizationError`     ``ValueError``              an optimisation has no feasible point
                                                           or its optimum is not attained
:class:`InputTooLargeError`    ``ValueError``              an exact number given (or built by a
                                                           string such as ``(2^9999)^9999``) is
                                                           larger than symentropy accepts
:class:`InvalidDigitsError`    ``ValueError``,             a number of digits (``digits=``,
                               ``TypeError``               ``--digits``) is not a positive
                                                           integer, or is above the limit of
                                                           the function
=============================  ==========================  =====================================

Messages state the rule that was broken and quote the offending value, e.g.
``probabilities sum to 5/6, not 1``.  No function of symentropy lets a bare
``KeyError``, ``ZeroDivisionError`` or ``nan`` escape for input it can check.
"""

from __future__ import annotations

__all__ = [
    "SymentropyError",
    "DistributionError",
    "InexactInputError",
    "ParseError",
    "UnknownVariableError",
    "ZeroProbabilityError",
    "UndecidedError",
    "InvalidBaseError",
    "OptimizationError",
    "InvalidDigitsError",
    "InputTooLargeError",
    "short_repr",
]


class SymentropyError(Exception):
    """Base class of every exception raised by symentropy."""


class DistributionError(SymentropyError, ValueError):
    """A table of probabilities is not a valid distribution."""


class InexactInputError(DistributionError, TypeError):
    """An inexact number (a Python ``float``) was given where an exact one is needed.

    ``0.1`` is not ``1/10``: the float closest to it is
    ``3602879701896397/36028797018963968``.  Pass a string (``"0.1"``), a
    :class:`fractions.Fraction` or a sympy ``Rational`` instead; the table
    constructors also take ``exact_floats=True``, which reads every float as
    the decimal it prints as.
    """


class ParseError(SymentropyError, ValueError):
    """A string is not in symentropy's small, safe expression grammar.

    ``position`` is the 0-based index in ``text`` where the problem was found.
    """

    def __init__(self, message: str, text: str = "", position: int | None = None):
        self.text = text
        self.position = position
        if position is not None and text:
            message = f"{message}\n    {text}\n    {' ' * position}^"
        super().__init__(message)


class UnknownVariableError(SymentropyError, LookupError):
    """A variable name is not among the distribution's names."""

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0]) if self.args else ""


class ZeroProbabilityError(SymentropyError, ValueError):
    """Conditioning on an event whose probability is zero."""


class UndecidedError(SymentropyError, ValueError):
    """Validity could not be decided because of symbols, and ``strict=True`` was given."""


class InvalidBaseError(SymentropyError, ValueError):
    """A logarithm base is not positive, or is equal to 1."""


class OptimizationError(SymentropyError, ValueError):
    """An optimisation problem has no feasible point, or its optimum is not attained."""


class InvalidDigitsError(SymentropyError, ValueError, TypeError):
    """A number of digits is not a positive integer, or is above the function's limit.

    Every function that takes ``digits=`` checks it with
    :func:`symentropy.kernel.numeric.check_digits`, so the rule and the error
    are the same everywhere.  It is a ``ValueError`` (``digits=0``) and a
    ``TypeError`` (``digits=1.5``), so either ``except`` catches it.
    """


class InputTooLargeError(SymentropyError, ValueError):
    """An exact number given is larger than symentropy accepts (see ``symentropy.kernel.parsing.MAX_BITS``).

    Every exact number read from input is bounded, so that no input asks for
    gigabytes of memory or hours of arithmetic: a string such as
    ``((2^10000)^10000)^10000`` (23 characters) or ``Decimal("1e-999999999")``
    is refused at once, with the size it would have had.
    """


def short_repr(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters, for naming a bad value in a message.

    >>> from symentropy.errors import short_repr
    >>> short_repr("x" * 100, 12)
    "'xxxxxxxx..."
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
