"""Variable names: the one check of a name, and the readers of names and groups of names.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`check_names`                    the variable names of a distribution: nonempty
                                       strings, distinct, each writable in textbook
                                       notation
:func:`as_group`                       a name or a tuple of names (one side of ``;``)
:func:`name_arguments`                 names passed as separate arguments
                                       (``entropy(d, "X", "Y")``)
:func:`union`                          the names of several groups, in order, once
=====================================  ===============================================

A variable name may hold any character except white space and the characters
that end a word in textbook notation (:data:`symentropy.kernel.notation.DELIMITERS`:
``, ; | ( ) = : [ ] { } ' " \\`` and the Unicode bars ``∣ ｜ ‖ ∥``), so every
name of a distribution can be written in ``info(d, "H(X|Y)")``.

Examples
========

>>> from symentropy.core.names import check_names, as_group
>>> check_names(("X", "Y_1", "α"))
('X', 'Y_1', 'α')
>>> check_names(("X", "X"))
Traceback (most recent call last):
...
symentropy.errors.DistributionError: variable name 'X' is used twice in ('X', 'X')
>>> check_names("A|B")
Traceback (most recent call last):
...
symentropy.errors.DistributionError: variable name 'A|B' contains '|'; names may not contain white space or any of , ; | ( ) = : [ ] { } ' " \\ ∣ ｜ ‖ ∥
>>> as_group(("X", "Y"), "given"), as_group("Z", "given")
(('X', 'Y'), ('Z',))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sympy.core.symbol import Str

from ..errors import DistributionError, UnknownVariableError
from ..kernel.notation import DELIMITERS, first_delimiter

__all__ = [
    "check_names",
    "as_group",
    "name_arguments",
    "union",
    "natural_order",
    "unknown_variable",
    "Names",
    "FORBIDDEN",
]

#: A variable name, or a tuple of names standing for their joint variable.
Names = str | Sequence[str]

#: The characters a name may not contain, besides white space: those that end a word of the notation.
FORBIDDEN = DELIMITERS


def check_names(names: Any) -> tuple[str, ...]:
    """Return the variable names ``names`` as a tuple, or raise DistributionError naming the bad one.

    ``names`` is one name or an iterable of names.  Each must be a nonempty
    string without white space or notation delimiters, and no name may
    appear twice.
    """
    if isinstance(names, str):
        names = (names,)
    try:
        names = tuple(names)
    except TypeError:
        raise DistributionError(f"names must be a tuple of strings, got {names!r}") from None
    if not names:
        raise DistributionError("a distribution needs at least one variable name")
    seen: set[str] = set()
    for name in names:
        if type(name) is str and name.isidentifier() and name not in seen:  # no space, no delimiter
            seen.add(name)
            continue
        if not isinstance(name, str) or not name:
            raise DistributionError(f"variable names must be nonempty strings, got {name!r}")
        bad = first_delimiter(name)
        if bad is not None:
            shown = repr(bad) if not bad.isspace() else f"white space ({bad!r})"
            raise DistributionError(
                f"variable name {name!r} contains {shown}; names may not contain white space or any of "
                + " ".join(FORBIDDEN)
            )
        if name in seen:
            raise DistributionError(f"variable name {name!r} is used twice in {names!r}")
        seen.add(name)
    return names


def as_group(names: Any, what: str) -> tuple[str, ...]:
    """Read one side of a measure: a name (``"X"``) or a tuple of names (``("X", "Y")``).

    sympy ``Str`` objects (how unevaluated measures store names) count as
    names.  ``what`` names the argument in the TypeError for anything else.
    """
    if isinstance(names, str):
        return (names,)
    if isinstance(names, Str):
        return (names.name,)
    try:
        group = tuple(names)
    except TypeError:
        raise TypeError(f"{what} must be a variable name or a tuple of names, got {names!r}") from None
    out = []
    for n in group:
        if isinstance(n, Str):
            n = n.name
        if not isinstance(n, str):
            raise TypeError(f"{what} must be a variable name or a tuple of names, got {names!r}")
        out.append(n)
    return tuple(out)


def name_arguments(names: Iterable[Any], example: str) -> tuple[str, ...]:
    """Read variable names passed as separate string arguments, as in ``entropy(d, "X", "Y")``.

    ``example`` is a call that shows the right way, for the TypeError message.

    >>> name_arguments(("X", ("Y",)), "entropy(d, 'X', 'Y')")
    Traceback (most recent call last):
    ...
    TypeError: variable names are passed as separate strings, e.g. entropy(d, 'X', 'Y'); got ('Y',)
    """
    out = []
    for n in names:
        if isinstance(n, Str):
            n = n.name
        if not isinstance(n, str):
            raise TypeError(f"variable names are passed as separate strings, e.g. {example}; got {n!r}")
        out.append(n)
    return tuple(out)


def natural_order(names: Iterable[str]) -> tuple[str, ...]:
    """Names sorted as a reader counts: ``X2`` before ``X10``, ``A`` before ``B``.

    >>> from symentropy.core.names import natural_order
    >>> natural_order(["X10", "Y", "X2", "X1"])
    ('X1', 'X2', 'X10', 'Y')
    """

    def key(name: str) -> tuple:
        parts = re.split(r"(\d+)", name)
        return tuple((0, int(p), p) if p.isdigit() else (1, 0, p) for p in parts if p)

    return tuple(sorted(names, key=key))


def union(*groups: Sequence[str]) -> tuple[str, ...]:
    """The names of all ``groups``, each once, in order of first appearance."""
    return tuple(dict.fromkeys(n for g in groups for n in g))


def unknown_variable(
    name: str, known: Sequence[str], *, owner: str = "the distribution", where: str = "", pointer: str = ""
) -> UnknownVariableError:
    """The error for a variable that is not among ``known``, with the one wording everywhere.

    >>> print(unknown_variable("W", ("X", "Y")))
    unknown variable 'W'; the distribution's variables are X, Y
    """
    return UnknownVariableError(
        f"unknown variable {name!r}{where}; {owner}'s variables are {', '.join(known)}{pointer}"
    )
