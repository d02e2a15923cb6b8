"""What ``dir()`` and ``help()`` list for symentropy's sympy-based classes.

symentropy's results are sympy objects (:class:`~symentropy.Entropy`,
:class:`~symentropy.binary_entropy`, ...), and a sympy expression class
inherits some three hundred methods.  ``help(symentropy)`` printed every one
of them, with its docstring, for each of these classes: some twenty thousand
lines about sympy in a help page about symentropy.

The metaclasses here make ``dir(cls)`` of such a *class* list what the class
and its symentropy bases define (and the special methods of ``object``).
The string enumerations (:class:`~symentropy.Verdict`, ...) get the same
treatment for the forty-odd methods of ``str``.
:mod:`pydoc`, ``help()`` and ``inspect.getmembers`` read ``dir(cls)``, so the
help page of a class is about symentropy; sympy's methods are documented by
``help(sympy.Expr)``.  Nothing else changes: every sympy method is still there
and works, and ``dir()`` of an *instance* (what tab completion on a result
uses) still lists all of them.

Examples
========

>>> from symentropy import Entropy, uniform
>>> h = Entropy(uniform(2), "X")
>>> "evalf" in dir(Entropy), "evalf" in dir(h)
(False, True)
>>> "doit" in dir(Entropy), "subs" in dir(Entropy)
(True, True)
>>> h.as_coefficients_dict()  # a sympy method, as before
defaultdict(<class 'int'>, {H(X): 1})
"""

from __future__ import annotations

from enum import EnumType

from sympy.core.function import FunctionClass

__all__ = ["ConciseMembers", "ConciseFunctionClass", "ConciseEnumType", "concise_dir"]


def concise_dir(cls: type) -> list[str]:
    """The names ``dir(cls)`` lists for a class with a concise metaclass.

    The names defined by the classes of its method resolution order that are
    not sympy's: symentropy's own, and Python's ``object``.

    Examples
    ========

    >>> from symentropy import xlogx
    >>> from symentropy.kernel.members import concise_dir
    >>> [name for name in concise_dir(xlogx) if not name.startswith("_")]
    ['default_assumptions', 'eval', 'fdiff', 'nargs', 'subs']
    """
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass is object or not klass.__module__.startswith("sympy"):
            names.update(vars(klass))
    return sorted(names)


class ConciseMembers(type):
    """Metaclass: ``dir(cls)`` is :func:`concise_dir` (for classes built on ``sympy.Basic``)."""

    def __dir__(cls) -> list[str]:
        return concise_dir(cls)


class ConciseFunctionClass(ConciseMembers, FunctionClass):
    """Metaclass for symentropy's ``sympy.Function`` subclasses: sympy's
    ``FunctionClass`` with the concise ``dir`` of :class:`ConciseMembers`.

    Pass it explicitly, ``class h(GatedSubs, sympy.Function,
    metaclass=ConciseFunctionClass)``: Python cannot pick one of two unrelated
    metaclasses by itself.
    """


class ConciseEnumType(EnumType):
    """Metaclass for symentropy's ``StrEnum`` classes: ``dir(cls)`` leaves out ``str``'s methods.

    The members and everything the enumeration defines stay listed; every
    ``str`` method still works on a member.

    >>> from enum import StrEnum
    >>> from symentropy.kernel.members import ConciseEnumType
    >>> class Colour(StrEnum, metaclass=ConciseEnumType):
    ...     RED = "red"
    >>> "RED" in dir(Colour), "capitalize" in dir(Colour), Colour.RED.capitalize()
    (True, False, 'Red')
    """

    def __dir__(cls) -> list[str]:
        own: set[str] = set()
        for klass in cls.__mro__:
            if klass.__module__ not in ("builtins", "enum"):
                own.update(vars(klass))
        inherited = set(dir(str))
        return sorted(name for name in super().__dir__() if name not in inherited or name in own)
