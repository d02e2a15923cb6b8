"""Textbook notation evaluated exactly: ``info(d, "I(X;Y|Z)")``.

The grammar is :mod:`symentropy.kernel.notation` (nothing in a notation
string is ever evaluated as Python); :func:`info` evaluates its terms with
the measures of this layer, combining the Shannon measures as exact sums of
logarithms before writing the result out.

Examples
========

>>> from symentropy import Distribution
>>> from symentropy.measures.info import info
>>> d = Distribution({(0, 0): "1/2", (1, 1): "1/4", (1, 0): "1/4"}, names=("X", "Y"))
>>> info(d, "H(X,Y)")
3/2
>>> info(d, "I(X;Y)")
-3*log(3)/(4*log(2)) + 3/2
>>> info(d, "H(X) + H(Y) - H(X,Y)")
-3*log(3)/(4*log(2)) + 3/2
>>> info(d, "H(X|Y=1)")
0
>>> from symentropy import UnknownVariableError
>>> try:
...     info(d, "H(X|W)")
... except UnknownVariableError as error:
...     print(error)
unknown variable 'W' at position 4; the distribution's variables are X, Y
    H(X|W)
        ^
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import sympy

from ..core.distribution import Distribution
from ..core.names import unknown_variable
from ..errors import UnknownVariableError, ZeroProbabilityError
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.notation import (
    DivergenceTerm,
    EntropyTerm,
    Event,
    InformationTerm,
    Notation,
    Term,
    label_matches,
    parse_notation,
)
from .divergences import kl_divergence
from .generalized import renyi_entropy
from .multivariate import co_information
from .shannon import conditional_entropy_logsum, mutual_information_logsum

__all__ = ["info"]


def info(
    d: Distribution | str | Notation,
    notation: str | Notation | None = None,
    /,
    *,
    base: Base = 2,
    symbols: Mapping[str, sympy.Symbol] | None = None,
    **distributions: Distribution,
) -> sympy.Expr:
    """Evaluate textbook notation such as ``"I(X;Y|Z)"`` exactly.

    Explanation
    ===========

    ``info(d, "H(X|Y)")`` is ``conditional_entropy(d, "X", "Y")``,
    ``info(d, "I(X,Y;Z|W)")`` is ``mutual_information(d, ("X", "Y"), "Z",
    given="W")``, and so on for every form in the table of
    :mod:`symentropy.kernel.notation`.  ``H(X|Y=3)`` is the entropy of ``X`` in
    ``d.condition(Y=3)``.  Divergences compare distributions passed by
    keyword: ``info("D(P||Q)", P=p, Q=q)``; the keywords ``base`` and
    ``symbols`` are options, so a distribution cannot be called by those
    names.

    Sums of Shannon measures are combined before they are written out, so
    ``info(d, "H(X) + H(Y) - H(X,Y) - I(X;Y)")`` is exactly ``0``.

    Examples
    ========

    >>> from symentropy import Distribution, uniform, independent
    >>> from symentropy.measures.info import info
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> xor = bits.with_variable("Z", lambda x, y: x ^ y)
    >>> info(xor, "I(X;Y)"), info(xor, "I(X;Y|Z)"), info(xor, "I(X,Y;Z)")
    (0, 1, 1)
    >>> info(xor, "H(X) + H(Y) - H(X,Y) - I(X;Y)")
    0
    >>> die = uniform(range(1, 7), name="X").with_variable("E", lambda x: x % 2 == 0)
    >>> info(die, "H(X|E=True)")
    log(3)/log(2)
    >>> info(die, "H(X)", base="e")
    log(2) + log(3)

    Parameters
    ==========

    d : Distribution
        The distribution the variable names refer to.  Omit it (pass the
        notation first) when the notation only compares distributions
        passed by keyword.
    notation : str or Notation
        The notation, e.g. ``"I(X;Y|Z)"``; see :mod:`symentropy.kernel.notation`.
    base : 2, sympy.E, 10, "e", a positive rational or a Symbol
        Base of the logarithms: 2 gives bits.
    symbols : mapping from str to Symbol, optional
        Symbols to use for a symbolic order such as ``alpha`` in
        ``H_alpha(X)``.
    distributions : Distribution
        Distributions named in divergences, e.g. ``P=p, Q=q``.

    Raises
    ======

    ParseError
        If the notation is not in the grammar; the message gives the
        position and what was expected there.
    UnknownVariableError
        If a variable (or a distribution in ``D(..||..)``) is unknown; the
        message lists the known names.
    ZeroProbabilityError
        If the event conditioned on (``Y=3``) has probability 0, or a sum
        adds infinite divergences of opposite signs.
    DistributionError
        From :func:`~symentropy.measures.divergences.kl_divergence`, if the two
        distributions of ``D(P||Q)`` are not on the same variables.

    See Also
    ========

    parse_notation, symentropy.measures.shannon.entropy,
    symentropy.measures.shannon.mutual_information

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of InformationTerm Theory*, 2nd ed.,
    Wiley, 2006, ch. 2 (notation ``H(X|Y)``, ``I(X;Y|Z)``, ``D(p||q)``).
    """
    if notation is None:
        subject, notation = None, d
    else:
        subject = d
    if subject is not None and not isinstance(subject, Distribution):
        raise TypeError(f"info() takes a Distribution and a notation string, got {type(subject).__name__}")
    for key, value in distributions.items():
        if not isinstance(value, Distribution):
            raise TypeError(
                f"info() got an unexpected keyword argument {key!r}: keywords other than base= and "
                f"symbols= name distributions, and {key}={value!r} is not a Distribution"
            )
    if isinstance(notation, Notation):
        parsed = notation
    elif isinstance(notation, str):
        parsed = parse_notation(notation, symbols=symbols)
    else:
        raise TypeError(f"a notation is a string such as 'I(X;Y|Z)', got {notation!r}")
    b = as_base(base)
    shannon = LogSum()
    others: list[sympy.Expr] = []
    for coefficient, measure in parsed.terms:
        value = _evaluate(measure, subject, distributions, b, parsed.text)
        if not isinstance(coefficient, Fraction):  # a symbolic coefficient
            others.append(coefficient * (value.to_expr(b) if isinstance(value, LogSum) else value))
        elif isinstance(value, LogSum):
            shannon = shannon + value.scaled(coefficient)
        else:
            others.append(sympy.Rational(coefficient.numerator, coefficient.denominator) * value)
    total = shannon.to_expr(b) + sympy.Add(*others)
    if total.has(sympy.nan):
        divergences = [m for _, m in parsed.terms if not isinstance(m, (EntropyTerm, InformationTerm))]
        infinite = ", ".join(str(m) for m in divergences)
        raise ZeroProbabilityError(
            f"{parsed} is undefined: it adds infinities of opposite signs (among {infinite}), "
            "from outcomes that one distribution gives probability 0"
        )
    return total


def _evaluate(
    measure: Term,
    d: Distribution | None,
    distributions: Mapping[str, Distribution],
    base: sympy.Expr,
    text: str,
) -> LogSum | sympy.Expr:
    """The value of one measure: a LogSum for Shannon measures, else an expression."""
    if isinstance(measure, DivergenceTerm):
        p = _named(distributions, measure.first, measure.at[0], text)
        q = _named(distributions, measure.second, measure.at[1], text)
        _check_names(p, measure.where, text, f"distribution {measure.first}")
        _check_names(q, measure.where, text, f"distribution {measure.second}")
        return kl_divergence(p, q, *_unique(measure.names), given=_unique(measure.given), base=base)
    if d is None:
        raise TypeError(f"{measure} needs a distribution: call info(d, {str(measure)!r})")
    _check_names(d, measure.where, text, "the distribution")
    if measure.events:
        d = _condition_on(d, measure.events)
    if isinstance(measure, EntropyTerm):
        if measure.order is None or measure.order == 1:
            return conditional_entropy_logsum(d, measure.names, measure.given)
        return renyi_entropy(d, measure.order, *_unique(measure.names), base=base)
    if len(measure.groups) == 2:
        return mutual_information_logsum(d, measure.groups[0], measure.groups[1], measure.given)
    return co_information(d, *(_unique(g) for g in measure.groups), given=_unique(measure.given), base=base)


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` without repetitions: ``H(X,X)`` is ``H(X)``."""
    return tuple(dict.fromkeys(names))


def _pointer(text: str, position: int) -> str:
    return f"\n    {text}\n    {' ' * position}^" if text else ""


def _check_names(d: Distribution, where: Mapping[str, int], text: str, owner: str) -> None:
    for name, position in sorted(where.items(), key=lambda item: item[1]):
        if name not in d.names:
            raise unknown_variable(name, d.names, owner=owner, where=f" at position {position}",
                                   pointer=_pointer(text, position))


def _named(distributions: Mapping[str, Distribution], name: str, position: int, text: str) -> Distribution:
    if name in distributions:
        return distributions[name]
    known = ", ".join(distributions) if distributions else "none"
    raise UnknownVariableError(
        f"unknown distribution {name!r} at position {position}; pass it by keyword, as in "
        f"info('D(P||Q)', P=p, Q=q); the distributions passed are: {known}{_pointer(text, position)}"
    )


def _condition_on(d: Distribution, events: tuple[Event, ...]) -> Distribution:
    """``d`` conditioned on every event (``Y=3``) in ``events``."""
    labels: dict[str, list[str]] = {}
    for event in events:
        position = d.names.index(event.name)
        values = [v for _, v in dict.fromkeys((type(o[position]), o[position]) for o in d.outcomes)]
        if not any(label_matches(v, event.value) for v in values):
            shown = ", ".join(str(v) for v in values[:20]) + (", ..." if len(values) > 20 else "")
            raise ZeroProbabilityError(
                f"cannot condition on {event}: {event.name} never takes the value {event.value!r}; "
                f"its values are {shown}"
            )
        labels.setdefault(event.name, []).append(event.value)
    spec = {
        name: (lambda v, wanted=tuple(wanted): all(label_matches(v, label) for label in wanted))
        for name, wanted in labels.items()
    }
    if d.probability(spec).is_zero:
        described = ", ".join(str(e) for e in events)
        raise ZeroProbabilityError(f"cannot condition on {described}: it has probability 0")
    return d.condition(spec)
