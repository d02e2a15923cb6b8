"""Conversion of user input to exact sympy values.

:func:`as_exact` is the single gate through which every probability enters
symentropy.  It accepts ``int``, :class:`fractions.Fraction`,
:class:`decimal.Decimal`, sympy numbers and expressions, and strings in the
safe grammar of :mod:`symentropy.kernel.parsing`.  A Python ``float`` is refused,
because ``0.1`` is not ``1/10``; ``exact_floats=True`` (which the table
constructors offer) reads a float as the decimal it prints as: ``0.1`` is
``1/10``, so ``[0.1, 0.9]`` sums to 1.

Examples
========

>>> from fractions import Fraction
>>> from symentropy.kernel.exact import as_exact
>>> as_exact("1/8"), as_exact(Fraction(3, 16)), as_exact(2)
(1/8, 3/16, 2)
>>> as_exact(0.1)
Traceback (most recent call last):
...
symentropy.errors.InexactInputError: 0.1 is a float, and a float is not exact: 0.1 is stored as 3602879701896397/36028797018963968, not 1/10. Pass "0.1" as a string, a Fraction or a sympy Rational.
>>> as_exact(0.1, exact_floats=True)
1/10
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy

from ..errors import InexactInputError, InputTooLargeError
from .members import ConciseMembers
from .parsing import MAX_BITS, parse_expression

__all__ = [
    "as_exact",
    "as_symbols",
    "safe_sympify",
    "substitutions",
    "symbols_in",
    "as_parameter",
    "GatedSubs",
    "Exact",
    "MAX_DEPTH",
]

#: The types of value :func:`as_exact` accepts.
Exact = int | Fraction | Decimal | str | sympy.Expr


def as_exact(
    value: Any,
    *,
    exact_floats: bool = False,
    symbols: Mapping[str, sympy.Symbol] | None = None,
    what: str = "",
    offer_exact_floats: bool = False,
) -> sympy.Expr:
    """Return ``value`` as an exact sympy expression.

    Parameters
    ==========

    value : int, Fraction, Decimal, str, or sympy expression
        The number or expression.  Strings are parsed by
        :func:`symentropy.kernel.parsing.parse_expression`.
    exact_floats : bool
        Accept Python floats (and sympy Floats) as the decimals they print as
        (``repr``): ``0.1`` is ``1/10``.  The shortest decimal that rounds to
        the float is what the user typed, whenever the float came from a
        literal of up to 15 significant digits.
    symbols : mapping, optional
        Symbols to use for names appearing in strings.
    what : str
        A description of where the value comes from (``"cell (1, 2)"``),
        used in error messages.
    offer_exact_floats : bool
        Whether the caller takes ``exact_floats=``, so that the message for a
        float may suggest it (advice must work where it is given).

    Raises
    ======

    InexactInputError
        For floats, unless ``exact_floats=True``.
    ParseError
        For strings outside the grammar.
    TypeError
        For values of any other type.
    """
    where = f" ({what})" if what else ""
    if isinstance(value, bool):
        raise TypeError(f"{value!r}{where} is a bool, not a probability")
    if isinstance(value, int):
        return sympy.Integer(_bounded(value, where))
    if isinstance(value, Fraction):
        return sympy.Rational(_bounded(value.numerator, where), _bounded(value.denominator, where))
    if isinstance(value, float) or isinstance(value, sympy.Float):
        if not math.isfinite(float(value)):
            raise InexactInputError(f"{value}{where} is not a finite number")
        if exact_floats:
            return _printed_decimal(float(value))
        raise InexactInputError(_float_message(float(value), where, offer_exact_floats))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InexactInputError(f"{value}{where} is not a finite number")
        sign, digits, exponent = value.as_tuple()
        bits = int((len(digits) + abs(exponent)) * 3.33) + 1
        if bits > MAX_BITS:  # checked before the Fraction, which would build 10**exponent
            raise InputTooLargeError(
                f"{value}{where} would be an exact number of about {bits:,} bits; "
                f"numbers of at most {MAX_BITS:,} bits are accepted"
            )
        exact = Fraction(value)
        return sympy.Rational(exact.numerator, exact.denominator)
    if isinstance(value, str):
        return parse_expression(value, as_symbols(symbols))
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"{value!r}{where} is not a sympy expression")
        if value.has(sympy.Float):
            if exact_floats:
                return value.xreplace({f: _printed_decimal(float(f)) for f in value.atoms(sympy.Float)})
            advice = ", or pass exact_floats=True" if offer_exact_floats else ""
            raise InexactInputError(
                f"{value}{where} contains a float; use exact numbers (sympy.Rational, or "
                f"sympy.nsimplify(expr, rational=True) to convert){advice}"
            )
        return value
    if isinstance(value, numbers.Integral):  # numpy integers and the like
        return sympy.Integer(_bounded(int(value), where))
    if isinstance(value, numbers.Rational):  # other exact rational types
        return sympy.Rational(_bounded(int(value.numerator), where), _bounded(int(value.denominator), where))
    if isinstance(value, numbers.Real):  # numpy floats and the like
        return as_exact(
            float(value),
            exact_floats=exact_floats,
            symbols=symbols,
            what=what,
            offer_exact_floats=offer_exact_floats,
        )
    raise TypeError(
        f"{value!r}{where} has type {type(value).__name__}; expected an int, Fraction, "
        "Decimal, str or sympy expression"
    )


def _bounded(n: int, where: str) -> int:
    """``n``, if it has at most :data:`~symentropy.kernel.parsing.MAX_BITS` bits."""
    if n.bit_length() > MAX_BITS:
        raise InputTooLargeError(
            f"an integer of {n.bit_length():,} bits{where} is larger than symentropy accepts "
            f"(at most {MAX_BITS:,} bits)"
        )
    return n


def _printed_decimal(value: float) -> sympy.Rational:
    """The decimal a float prints as (``repr``), exactly: ``0.1`` is ``1/10``."""
    decimal = Fraction(repr(value))
    return sympy.Rational(decimal.numerator, decimal.denominator)


def _float_message(value: float, where: str, offer_exact_floats: bool) -> str:
    exact = Fraction(value)
    short = Fraction(repr(value))
    stored = f"{exact.numerator}/{exact.denominator}" if exact.denominator != 1 else str(exact.numerator)
    if exact == short:
        detail = f"it happens to be exact here ({stored}), but floats are refused so that none slips in inexactly"
        shown = repr(value)
    else:
        detail = f"{value!r} is stored as {stored}, not {short.numerator}/{short.denominator}"
        shown = repr(value)
    advice = f'Pass "{shown}" as a string, a Fraction or a sympy Rational'
    if offer_exact_floats:
        advice += f", or pass exact_floats=True to read every float as the decimal it prints as ({shown})"
    return f"{shown}{where} is a float, and a float is not exact: {detail}. {advice}."


#: How deeply :func:`safe_sympify` walks nested containers before it refuses.
MAX_DEPTH = 64


def safe_sympify(value: Any) -> Any:
    """``sympy.sympify`` that never evaluates a string as Python: the one gate for user values.

    Explanation
    ===========

    sympy's ``sympify`` parses strings with Python's ``eval``, also strings
    nested in tuples, lists, dicts, sets and numpy object arrays, even with
    ``strict=True``.  This gate walks containers itself, as deep as they go,
    and converts each part:

    - a string goes through the safe grammar of :mod:`symentropy.kernel.parsing`
      (numbers, names, ``+ - * / ^ **`` and parentheses: nothing can run);
    - a sympy object is kept as it is;
    - a number (``int``, ``Fraction``, ``Decimal``, ``float``, numpy
      scalars, ...) and a ``bool`` go through ``sympy.sympify``, which parses
      nothing for them;
    - a tuple becomes a sympy ``Tuple``, a list a list, a dict a sympy
      ``Dict``, a set a ``FiniteSet`` and a numpy array a sympy ``Array``, as
      ``sympify`` would make them, of converted parts;
    - an object with a ``_sympy_`` method is converted by that method (its
      own code, not a parse);
    - anything else raises TypeError naming it.

    Floats are converted, not refused: the gate is for values such as the
    points of a plot; probabilities go through the stricter :func:`as_exact`.

    Examples
    ========

    >>> safe_sympify("1 - p")
    1 - p
    >>> safe_sympify({"a": ("1/2", "x**2")}), safe_sympify(["p", 3])
    ({a: (1/2, x**2)}, [p, 3])
    >>> safe_sympify(("__import__('os').getcwd()",))
    Traceback (most recent call last):
    ...
    symentropy.errors.ParseError: unexpected character "'" at position 11
        __import__('os').getcwd()
                   ^
    >>> safe_sympify(object())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: cannot convert <object object at ...> (an object) to a sympy expression
    """
    return _gate(value, 0)


def _gate(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return parse_expression(value)
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, (bool, numbers.Number)):
        return sympy.sympify(value, strict=True)
    if depth >= MAX_DEPTH:
        raise TypeError(f"cannot convert a value nested more than {MAX_DEPTH} containers deep")
    if isinstance(value, tuple):
        return sympy.Tuple(*(_gate(v, depth + 1) for v in value))
    if isinstance(value, list):
        return [_gate(v, depth + 1) for v in value]
    if isinstance(value, Mapping):
        return sympy.Dict({_gate(k, depth + 1): _gate(v, depth + 1) for k, v in value.items()})
    if isinstance(value, (set, frozenset)):
        return sympy.FiniteSet(*(_gate(v, depth + 1) for v in value))
    if hasattr(value, "tolist") and hasattr(value, "dtype") and hasattr(value, "shape"):  # numpy
        converted = _gate(value.tolist(), depth + 1)
        return sympy.Array(converted) if value.shape else converted
    converter = getattr(type(value), "_sympy_", None)
    if converter is not None:
        return converter(value)
    article = "an" if type(value).__name__[:1].lower() in "aeiou" else "a"
    raise TypeError(f"cannot convert {value!r} ({article} {type(value).__name__}) to a sympy expression")


def as_symbols(symbols: Any) -> dict[str, sympy.Symbol]:
    """Check a ``symbols=`` argument: a mapping from names to sympy Symbols (or None).

    >>> from sympy import Symbol
    >>> as_symbols({"p": Symbol("p", positive=True)})
    {'p': p}
    >>> as_symbols({"p": "__import__('os')"})
    Traceback (most recent call last):
    ...
    TypeError: symbols= maps names to sympy Symbols; got "__import__('os')" for 'p'
    """
    if symbols is None:
        return {}
    if not isinstance(symbols, Mapping):
        raise TypeError(f"symbols= is a mapping from names to sympy Symbols, got {symbols!r}")
    out = {}
    for name, symbol in symbols.items():
        if not isinstance(name, str) or not isinstance(symbol, sympy.Symbol):
            raise TypeError(f"symbols= maps names to sympy Symbols; got {symbol!r} for {name!r}")
        out[name] = symbol
    return out


def as_parameter(value: Any, *, what: str = "", **assumptions: bool) -> sympy.Expr:
    """A parameter of a family or a channel: a bare name becomes a Symbol with ``assumptions``.

    ``"p"`` is ``Symbol("p", **assumptions)`` (``nonnegative=True`` for a
    probability, ``positive=True`` for a scale); anything else goes through
    :func:`as_exact`.

    >>> as_parameter("p", nonnegative=True).is_nonnegative, as_parameter("1/2")
    (True, 1/2)
    """
    if isinstance(value, str) and value.strip().isidentifier():
        return sympy.Symbol(value.strip(), **assumptions)
    return as_exact(value, what=what)


def symbols_in(values: Iterable[Any]) -> dict[str, sympy.Symbol]:
    """The symbols already present in the sympy values among ``values``, by name.

    Strings such as ``"1-p"`` in the same table are then parsed with the
    user's ``Symbol("p", positive=True)`` instead of a new symbol of the same
    name (pass the result as ``symbols=`` to :func:`as_exact`).

    >>> from sympy import Symbol
    >>> p = Symbol("p", positive=True)
    >>> names = symbols_in([p, "1-p", 3])
    >>> names, as_exact("1-p", symbols=names).free_symbols == {p}
    ({'p': p}, True)
    """
    found: dict[str, sympy.Symbol] = {}
    for v in values:
        if isinstance(v, sympy.Basic) and not v.is_Rational:  # numbers have no symbols
            for s in v.free_symbols:
                found.setdefault(s.name, s)  # type: ignore[attr-defined]
    return found


def substitutions(
    args: tuple[Any, ...], *, symbols: Mapping[str, sympy.Symbol] | None = None, what: str = "subs()"
) -> list[tuple[sympy.Expr, sympy.Expr]]:
    """Read the arguments of a ``subs`` call as exact ``(old, new)`` pairs.

    The forms of :meth:`sympy.Basic.subs` are accepted: ``(old, new)``, a
    mapping ``{old: new}``, or an iterable of pairs.  Every ``old`` and
    ``new`` goes through :func:`as_exact` (a string through the safe
    grammar; a name such as ``"p"`` becomes the symbol of that name in
    ``symbols`` when there is one), so no value reaches sympy's parser and
    no float slips in.

    >>> from sympy import Symbol
    >>> p = Symbol("p", positive=True)
    >>> substitutions(("p", "1/4"), symbols={"p": p})
    [(p, 1/4)]
    >>> substitutions(({p: "1/3"},))
    [(p, 1/3)]
    >>> substitutions((p, ("1/2",)))
    Traceback (most recent call last):
    ...
    TypeError: ('1/2',) (new value of p in subs()) has type tuple; expected an int, Fraction, Decimal, str or sympy expression
    """
    if len(args) == 2:
        pairs = [tuple(args)]
    elif len(args) == 1 and isinstance(args[0], Mapping):
        pairs = list(args[0].items())
    elif len(args) == 1 and isinstance(args[0], Iterable) and not isinstance(args[0], (str, sympy.Basic)):
        pairs = list(args[0])
        for pair in pairs:
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                raise TypeError(
                    f"{what} takes (old, new), a mapping, or pairs (old, new); got {pair!r} in the list"
                )
    else:
        raise TypeError(f"{what} takes (old, new), a mapping, or a list of pairs (old, new); got {args!r}")
    out = []
    for old, new in pairs:
        key = as_exact(old, symbols=symbols, what=f"a variable in {what}")
        out.append((key, as_exact(new, symbols=symbols, what=f"new value of {key} in {what}")))
    return out


class GatedSubs(metaclass=ConciseMembers):
    """A mixin for symentropy's sympy objects: ``subs`` reads its values through :func:`substitutions`.

    sympy's ``subs`` parses strings with ``eval``; on the objects symentropy
    defines (unevaluated measures, continuous distributions, ``binary_entropy``,
    ...) the values go through the safe grammar instead, and a name such as
    ``"mu"`` means the object's own symbol of that name.  Put it first among
    the bases: ``class Entropy(GatedSubs, sympy.Expr)``.  Its metaclass keeps
    ``dir()`` and ``help()`` of the class to symentropy's members and sympy's
    essentials (:mod:`symentropy.kernel.members`); a ``sympy.Function``
    subclass names ``metaclass=ConciseFunctionClass``.
    """

    __slots__ = ()

    def subs(self, *args: Any, **kwargs: Any) -> Any:
        symbols = {s.name: s for s in self.free_symbols if isinstance(s, sympy.Symbol)}  # type: ignore[attr-defined]
        pairs = substitutions(args, symbols=symbols, what=f"{type(self).__name__}.subs()")
        return super().subs(pairs, **kwargs)  # type: ignore[misc]
