"""The grammar of information inequalities and of the constraints on them.

:func:`parse_statement` reads ``"I(X;Z) <= I(X;Y)"``: two sides in the
notation of :mod:`symentropy.kernel.notation` (or ``0``) and one of ``<=``,
``>=``, ``=`` (also ``≤``, ``≥``, ``==``).  :func:`parse_constraint` reads
what may be given besides:

==============================  ===============================================
constraint                      meaning
==============================  ===============================================
``X -> Y -> Z`` (or ``→``)      a Markov chain; groups as ``X -> (Y,Z) -> W``
``X ⊥ Y | Z`` (or ``_|_``)      conditional independence; ``X ⊥ Y ⊥ Z`` is
                                mutual independence, groups as ``X,Y ⊥ Z``
``H(Y|X) = 0``                  any linear equality or inequality of measures
==============================  ===============================================

Nothing is evaluated: the sides go through the notation's own parser.

Examples
========

>>> from symentropy.kernel.statements import parse_constraint, parse_statement
>>> s = parse_statement("I(X;Z) <= I(X;Y)")
>>> s.relation, str(s.lhs), str(s.rhs)
('<=', 'I(X;Z)', 'I(X;Y)')
>>> parse_constraint("X -> (Y,Z) -> W")
MarkovChain(groups=(('X',), ('Y', 'Z'), ('W',)))
>>> parse_constraint("X _|_ Y | Z")
Independence(groups=(('X',), ('Y',)), given=('Z',))
>>> parse_statement("H(X) < H(Y)")
Traceback (most recent call last):
...
symentropy.errors.ParseError: a statement compares two sides with <=, >= or =; "<" alone is not allowed (strict inequalities are not decided)
    H(X) < H(Y)
         ^
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ParseError
from .notation import MAX_LENGTH, Notation, is_word, parse_notation

__all__ = [
    "Statement",
    "MarkovChain",
    "Independence",
    "Constraint",
    "parse_statement",
    "parse_constraint",
    "RELATIONS",
]

#: The relations a statement may use, and their spellings.
RELATIONS = {"<=": "<=", "≤": "<=", ">=": ">=", "≥": ">=", "==": "=", "=": "="}
_RELATION = re.compile(r"<=|>=|==|=|≤|≥|<|>")
_ZERO = re.compile(r"\s*0*(\.0*)?\s*\Z")


@dataclass(frozen=True)
class Statement:
    """``lhs relation rhs``; a side that is ``0`` is the empty :class:`Notation`."""

    lhs: Notation
    relation: str
    rhs: Notation
    text: str = ""

    def __post_init__(self) -> None:
        if self.relation not in ("<=", ">=", "="):
            raise ParseError(f"a statement's relation is <=, >= or =; got {self.relation!r}")
        if not isinstance(self.lhs, Notation) or not isinstance(self.rhs, Notation):
            raise TypeError("the sides of a Statement are Notation objects (use parse_statement)")

    def __str__(self) -> str:
        return f"{_side_text(self.lhs)} {self.relation} {_side_text(self.rhs)}"


@dataclass(frozen=True)
class MarkovChain:
    """``X -> Y -> Z``: each group is independent of the earlier ones given the one before it."""

    groups: tuple[tuple[str, ...], ...]

    def __str__(self) -> str:
        return " -> ".join(_group_text(g) for g in self.groups)


@dataclass(frozen=True)
class Independence:
    """``X ⊥ Y | Z``: the groups are mutually independent given ``given``."""

    groups: tuple[tuple[str, ...], ...]
    given: tuple[str, ...] = ()

    def __str__(self) -> str:
        body = " ⊥ ".join(_group_text(g) for g in self.groups)
        return body + (f" | {','.join(self.given)}" if self.given else "")


Constraint = Statement | MarkovChain | Independence


def _side_text(n: Notation) -> str:
    return str(n) if n.terms else "0"


def _group_text(group: tuple[str, ...]) -> str:
    return group[0] if len(group) == 1 else f"({','.join(group)})"


def _check_parentheses(text: str) -> None:
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            raise ParseError('unbalanced parentheses: this ")" closes nothing', text, i)
    if depth > 0:
        raise ParseError(f'unbalanced parentheses: {depth} "(" left open', text, len(text))


def _top_level(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` outside parentheses."""
    depth = 0
    found = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            m = pattern.match(text, i)
            if m:
                found.append(m)
                i = m.end()
                continue
        i += 1
    return found


_NUMBER_ONLY = re.compile(r"\s*-?\s*[0-9]+(\.[0-9]*)?(/[0-9]+)?\s*\Z")


def _side(text: str, start: int, whole: str) -> Notation:
    if _ZERO.match(text):
        return Notation(())
    if _NUMBER_ONLY.match(text):
        raise ParseError(
            f"a side is a combination of measures or 0; the constant {text.strip()} is not "
            "(entropies have no fixed scale in an inequality of this kind)",
            whole,
            start + len(text) - len(text.lstrip()),
        )
    try:
        return parse_notation(text)
    except ParseError as e:
        if e.position is None:
            raise ParseError(f"{str(e).splitlines()[0]} (in {text.strip()!r})", whole, start) from None
        first = (
            str(e).splitlines()[0].replace(f"at position {e.position}", f"at position {e.position + start}")
        )
        raise ParseError(first, whole, e.position + start) from None


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} is a string such as 'I(X;Z) <= I(X;Y)', got {text!r}")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"{what} is {len(text)} characters long; at most {MAX_LENGTH} are accepted")
    if not text.strip():
        raise ParseError(f"empty {what}: expected something like 'I(X;Z) <= I(X;Y)'")
    return text


def parse_statement(text: str) -> Statement:
    """Parse ``"lhs <= rhs"`` (or ``>=``, ``=``) into a :class:`Statement`.

    Each side is a linear combination of measures in the notation of
    :func:`~symentropy.kernel.notation.parse_notation`, or ``0``.

    Raises
    ======

    ParseError
        Naming the position of what is wrong: no relation, two relations,
        a strict ``<``, or a side outside the notation.

    Examples
    ========

    >>> from symentropy.kernel.statements import parse_statement
    >>> str(parse_statement("0 ≤ I(X;Y|Z)"))
    '0 <= I(X;Y|Z)'
    """
    text = _check_text(text, "statement")
    _check_parentheses(text)
    arrow = _top_level(text, _ARROW)
    if arrow:
        raise ParseError(
            "this is a Markov chain, a constraint: pass it as given=[...], and the claim as the statement",
            text,
            arrow[0].start(),
        )
    for m in _top_level(text, re.compile(r"=>|=<")):
        raise ParseError(f'"{m.group()}" is not a relation; write "{m.group()[::-1]}"', text, m.start())
    matches = _top_level(text, _RELATION)
    if not matches:
        raise ParseError(
            "a statement compares two sides with <=, >= or =, and this one has none "
            "(to evaluate a measure on a distribution use info())",
            text,
            len(text),
        )
    for m in matches:
        if m.group() in ("<", ">"):
            raise ParseError(
                f'a statement compares two sides with <=, >= or =; "{m.group()}" alone is not allowed '
                "(strict inequalities are not decided)",
                text,
                m.start(),
            )
    if len(matches) > 1:
        raise ParseError("a statement has one relation; this one has a second", text, matches[1].start())
    m = matches[0]
    lhs = _side(text[: m.start()], 0, text)
    rhs = _side(text[m.end() :], m.end(), text)
    if not lhs.terms and not rhs.terms:
        raise ParseError("both sides of the statement are 0: there is nothing to prove", text, 0)
    return Statement(lhs, RELATIONS[m.group()], rhs, text)


_ARROW = re.compile(r"->|→")
_PERP = re.compile(r"⊥|_\|_|⫫")


def _groups(text: str, whole: str, start: int, what: str) -> tuple[str, ...]:
    body = text.strip()
    offset = start + (len(text) - len(text.lstrip()))
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
        offset += 1
    names = tuple(n.strip() for n in body.split(","))
    for n in names:
        if not is_word(n):
            shown = repr(n) if n else "an empty name"
            raise ParseError(f"{what}: {shown} is not a variable name", whole, offset)
    if len(set(names)) != len(names):
        raise ParseError(f"{what}: a name appears twice in {body!r}", whole, offset)
    return names


def parse_constraint(text: str) -> Constraint:
    """Parse a constraint: a Markov chain, an independence, or a linear statement.

    Examples
    ========

    >>> from symentropy.kernel.statements import parse_constraint
    >>> str(parse_constraint("X ⊥ Y ⊥ Z"))
    'X ⊥ Y ⊥ Z'
    >>> parse_constraint("H(Y|X) = 0").relation
    '='
    >>> parse_constraint("X -> Y")
    Traceback (most recent call last):
    ...
    symentropy.errors.ParseError: a Markov chain needs three groups or more, as in X -> Y -> Z; got 2
        X -> Y
        ^
    """
    text = _check_text(text, "constraint")
    _check_parentheses(text)
    arrows = _top_level(text, _ARROW)
    if arrows:
        cuts = [0, *[a.end() for a in arrows]]
        ends = [a.start() for a in arrows] + [len(text)]
        groups = tuple(
            _groups(text[s:e], text, s, "in the Markov chain") for s, e in zip(cuts, ends, strict=True)
        )
        if len(groups) < 3:
            raise ParseError(
                f"a Markov chain needs three groups or more, as in X -> Y -> Z; got {len(groups)}", text, 0
            )
        _disjoint(groups, text)
        return MarkovChain(groups)
    normalized = _PERP.sub("⊥", text).replace("∣", "|")
    if "⊥" in normalized:
        body, bar, given_text = normalized.partition("|")
        if bar and not given_text.strip():
            raise ParseError(
                "nothing after '|' in the independence: name the condition, as in X ⊥ Y | Z", text, len(text)
            )
        parts = body.split("⊥")
        groups = tuple(_groups(p, text, 0, "in the independence") for p in parts)
        if len(groups) < 2:
            raise ParseError("an independence needs two groups, as in X ⊥ Y | Z", text, 0)
        given = _groups(given_text, text, len(body) + 1, "in the condition") if given_text.strip() else ()
        _disjoint((*groups, given), text)
        return Independence(groups, given)
    return parse_statement(text)


def _disjoint(groups: tuple[tuple[str, ...], ...], text: str) -> None:
    seen: set[str] = set()
    for g in groups:
        for name in g:
            if name in seen:
                raise ParseError(f"{name} appears in two groups of the constraint", text, text.find(name))
            seen.add(name)
