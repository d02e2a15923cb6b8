"""The entropy space of ``n`` random variables: linear forms, elemental inequalities, constraints.

A joint entropy vector ``h`` has one coordinate ``h(A)`` for each nonempty
set ``A`` of variables, kept here as a bit mask (bit ``i`` for the ``i``-th
name).  Every Shannon measure is a linear form in ``h`` with integer
coefficients, a :class:`LinearForm` ``{mask: Fraction}``:

* ``H(A|B) = h(AB) - h(B)``,
* ``I(A;B|C) = h(AC) + h(BC) - h(ABC) - h(C)``,
* ``I(A_1;...;A_k|C) = -sum over nonempty T of (-1)^|T| H(union of T | C)``.

The *elemental* inequalities (Yeung, *Information Theory and Network Coding*,
2008, §14.1) generate all Shannon inequalities: ``H(X_i | rest) >= 0`` for
each variable and ``I(X_i;X_j|K) >= 0`` for each pair and each set ``K`` of
the others, ``n + C(n,2) 2^(n-2)`` in all.

Examples
========

>>> from symentropy.calculus.inequalities.space import EntropySpace
>>> s = EntropySpace(("X", "Y", "Z"))
>>> s.text(s.form("I(X;Y|Z)"))
'-h(Z) + h(X,Z) + h(Y,Z) - h(X,Y,Z)'
>>> len(s.elementals())
9
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import sympy

from ...core.names import check_names
from ...errors import ParseError
from ...kernel.notation import EntropyTerm, InformationTerm, Notation, parse_notation
from ...kernel.statements import Independence, MarkovChain, Statement

__all__ = [
    "LinearForm",
    "EntropySpace",
    "Elemental",
    "Condition",
    "MAX_VARIABLES",
    "names_in",
    "difference_text",
    "check_shannon",
    "monomial_parts",
    "copy_conditions",
]

#: The most variables the prover takes: the LP has 2^n - 1 rows and n + C(n,2) 2^(n-2) columns.
MAX_VARIABLES = 10

#: A linear form in the joint entropies: ``{mask: coefficient}``, no zero coefficients.
LinearForm = dict[int, Fraction]


def _add(target: LinearForm, mask: int, c: Fraction) -> None:
    if mask == 0 or not c:
        return
    v = target.get(mask, Fraction(0)) + c
    if v:
        target[mask] = v
    else:
        target.pop(mask, None)


def combine(*pairs: tuple[Fraction | int, LinearForm]) -> LinearForm:
    """``sum c * form`` over the pairs."""
    out: LinearForm = {}
    for c, f in pairs:
        for mask, v in f.items():
            _add(out, mask, Fraction(c) * v)
    return out


@dataclass(frozen=True)
class Elemental:
    """An elemental inequality ``term >= 0``: ``H(X_i|rest)`` or ``I(X_i;X_j|K)``."""

    notation: str
    form: tuple[tuple[int, Fraction], ...]

    def __str__(self) -> str:
        return f"{self.notation} >= 0"


@dataclass(frozen=True)
class Condition:
    """A constraint as linear forms: ``form = 0`` (``equality``) or ``form >= 0``.

    ``text`` is the constraint as the user gave it; ``notation`` the form in
    measures (``I(X;Z|Y)`` for ``X -> Y -> Z``).
    """

    text: str
    notation: str
    form: tuple[tuple[int, Fraction], ...]
    equality: bool

    def __str__(self) -> str:
        return f"{self.notation} {'=' if self.equality else '>='} 0"


def check_shannon(n: Notation) -> None:
    """Refuse, by name, a term that is not linear in the joint entropies."""
    for _, term in n.terms:
        shannon = (isinstance(term, EntropyTerm) and term.order is None and not term.events) or (
            isinstance(term, InformationTerm) and not term.events
        )
        if not shannon:
            raise ParseError(
                f"{term} is not a linear function of the joint entropies: inequalities take "
                "Shannon measures H(...) and I(...;...|...) without orders or events"
            )


def difference_text(big: Notation, small: Notation) -> str:
    """``big - small`` in notation that parses back: the terms of ``small`` negated."""
    terms = (*big.terms, *((-c, term) for c, term in small.terms))
    return str(Notation(terms)) if terms else "0"


def monomial_parts(statement: Statement) -> dict[sympy.Expr, Statement] | None:
    """A statement with symbolic coefficients, split by monomial; ``None`` when all are rational.

    ``a*I(X;Y) + H(X) <= a*I(X;Y|Z) + b*H(Y)`` gives the parts for ``1``
    (``H(X) <= 0``), ``a`` (``I(X;Y) <= I(X;Y|Z)``) and ``b`` (``0 <= H(Y)``).
    With nonnegative symbols, the claim holds when every part holds.
    """
    if all(isinstance(c, Fraction) for c, _ in (*statement.lhs.terms, *statement.rhs.terms)):
        return None
    parts: dict[sympy.Expr, tuple[list, list]] = {}
    for k, notation in enumerate((statement.lhs, statement.rhs)):
        for c, term in notation.terms:
            if isinstance(c, Fraction):
                number, monomial = c, sympy.Integer(1)
            else:
                r, monomial = c.as_coeff_Mul()
                number = Fraction(int(r.p), int(r.q))
            parts.setdefault(monomial, ([], []))[k].append((number, term))
    return {
        m: Statement(Notation(tuple(lhs)), statement.relation, Notation(tuple(rhs)), statement.text)
        for m, (lhs, rhs) in sorted(parts.items(), key=lambda kv: sympy.default_sort_key(kv[0]))
    }


def names_in(items: Iterable[Statement | MarkovChain | Independence | Notation]) -> tuple[str, ...]:
    """The variable names of statements and constraints, in order of first appearance."""
    seen: dict[str, None] = {}

    def notation(n: Notation) -> None:
        for _, term in n.terms:
            if isinstance(term, EntropyTerm):
                groups: tuple[tuple[str, ...], ...] = (term.names, term.given)
            elif isinstance(term, InformationTerm):
                groups = (*term.groups, term.given)
            else:
                continue
            for g in groups:
                seen.update(dict.fromkeys(g))

    for item in items:
        if isinstance(item, Statement):
            notation(item.lhs)
            notation(item.rhs)
        elif isinstance(item, Notation):
            notation(item)
        elif isinstance(item, MarkovChain):
            for g in item.groups:
                seen.update(dict.fromkeys(g))
        else:
            for g in (*item.groups, item.given):
                seen.update(dict.fromkeys(g))
    return tuple(seen)


class EntropySpace:
    """The joint entropies of named variables, and linear forms in them."""

    def __init__(self, names: Sequence[str]):
        names = tuple(names)
        check_names(names)
        if len(names) > MAX_VARIABLES:
            raise ValueError(
                f"{len(names)} variables ({', '.join(names)}); the prover takes at most {MAX_VARIABLES}: "
                f"the problem has 2^n - 1 = {2 ** len(names) - 1} joint entropies"
            )
        self.names = names
        self.index = {name: i for i, name in enumerate(names)}
        self.full = (1 << len(names)) - 1

    @property
    def n(self) -> int:
        return len(self.names)

    def mask(self, group: Iterable[str]) -> int:
        m = 0
        for name in group:
            if name not in self.index:
                raise ParseError(f"{name!r} is not a variable of this problem ({', '.join(self.names)})")
            m |= 1 << self.index[name]
        return m

    def members(self, mask: int) -> tuple[str, ...]:
        return tuple(name for i, name in enumerate(self.names) if mask >> i & 1)

    def masks(self) -> range:
        """The coordinates, ``1 .. 2^n - 1``."""
        return range(1, self.full + 1)

    # -- measures as forms --------------------------------------------------
    def conditional_entropy(self, a: int, b: int) -> LinearForm:
        out: LinearForm = {}
        _add(out, a | b, Fraction(1))
        _add(out, b, Fraction(-1))
        return out

    def information(self, groups: Sequence[int], given: int) -> LinearForm:
        out: LinearForm = {}
        for k in range(1, len(groups) + 1):
            for chosen in combinations(groups, k):
                union = 0
                for g in chosen:
                    union |= g
                for mask, v in self.conditional_entropy(union, given).items():
                    _add(out, mask, v * (-1) ** (k + 1))
        return out

    def notation_form(self, n: Notation) -> LinearForm:
        check_shannon(n)
        out: LinearForm = {}
        for coefficient, term in n.terms:
            if isinstance(term, EntropyTerm):
                f = self.conditional_entropy(self.mask(term.names), self.mask(term.given))
            else:
                assert isinstance(term, InformationTerm)
                f = self.information([self.mask(g) for g in term.groups], self.mask(term.given))
            for mask, v in f.items():
                _add(out, mask, Fraction(coefficient) * v)
        return out

    def form(self, text: str | Notation) -> LinearForm:
        """The linear form of a notation string or :class:`Notation`."""
        return self.notation_form(parse_notation(text) if isinstance(text, str) else text)

    def statement_form(self, s: Statement) -> LinearForm:
        """The form claimed ``>= 0``: ``rhs - lhs`` for ``<=`` and ``=``, ``lhs - rhs`` for ``>=``."""
        lhs, rhs = self.notation_form(s.lhs), self.notation_form(s.rhs)
        if s.relation == ">=":
            return combine((1, lhs), (-1, rhs))
        return combine((1, rhs), (-1, lhs))

    # -- inequalities and constraints --------------------------------------
    def elementals(self) -> list[Elemental]:
        """The elemental inequalities, ``H(X_i|rest)`` first, then ``I(X_i;X_j|K)`` by ``|K|``."""
        out = []
        for i, name in enumerate(self.names):
            rest = self.full & ~(1 << i)
            condition = f"|{','.join(self.members(rest))}" if rest else ""
            out.append(Elemental(f"H({name}{condition})", _frozen(self.conditional_entropy(1 << i, rest))))
        n = self.n
        for size in range(0, max(n - 1, 0)):
            for i, j in combinations(range(n), 2):
                others = [k for k in range(n) if k not in (i, j)]
                for chosen in combinations(others, size):
                    given = sum(1 << k for k in chosen)
                    condition = f"|{','.join(self.members(given))}" if given else ""
                    text = f"I({self.names[i]};{self.names[j]}{condition})"
                    out.append(Elemental(text, _frozen(self.information([1 << i, 1 << j], given))))
        return out

    def conditions(self, constraint: Statement | MarkovChain | Independence, text: str) -> list[Condition]:
        """The linear conditions a constraint imposes (a chain gives one per inner link)."""
        if isinstance(constraint, Statement):
            form = self.statement_form(constraint)
            big, small = (
                (constraint.lhs, constraint.rhs)
                if constraint.relation == ">="
                else (constraint.rhs, constraint.lhs)
            )
            if constraint.relation == "=" and not constraint.rhs.terms:
                # "H(Y|X) = 0" reads best as itself: the form lhs - rhs, which is as good for an equality
                big, small = constraint.lhs, constraint.rhs
                form = combine((-1, form))
            shown = difference_text(big, small)
            return [Condition(text, shown, _frozen(form), constraint.relation == "=")]
        if isinstance(constraint, MarkovChain):
            out = []
            groups = [self.mask(g) for g in constraint.groups]
            for k in range(1, len(groups) - 1):
                past = 0
                for g in groups[:k]:
                    past |= g
                future = 0
                for g in groups[k + 1 :]:
                    future |= g
                form = self.information([past, future], groups[k])
                middle = _names(self.members(groups[k]))
                shown = f"I({_names(self.members(past))};{_names(self.members(future))}|{middle})"
                out.append(Condition(text, shown, _frozen(form), True))
            return out
        groups = [self.mask(g) for g in constraint.groups]
        given = self.mask(constraint.given)
        # mutual independence: sum of H(G_k|C) - H(all|C) = 0
        form = combine(*[(1, self.conditional_entropy(g, given)) for g in groups])
        union = 0
        for g in groups:
            union |= g
        form = combine((1, form), (-1, self.conditional_entropy(union, given)))
        condition = f"|{_names(constraint.given)}" if constraint.given else ""
        if len(groups) == 2:
            shown = f"I({_names(constraint.groups[0])};{_names(constraint.groups[1])}{condition})"
        else:
            parts = " + ".join(f"H({_names(g)}{condition})" for g in constraint.groups)
            shown = f"{parts} - H({_names(self.members(union))}{condition})"
        return [Condition(text, shown, _frozen(form), True)]

    def text(self, form: LinearForm | tuple[tuple[int, Fraction], ...]) -> str:
        """A form written in joint entropies ``h(...)``, smaller sets first."""
        items = sorted(dict(form).items(), key=lambda kv: (bin(kv[0]).count("1"), kv[0]))
        parts = []
        for k, (mask, c) in enumerate(items):
            body = f"h({','.join(self.members(mask))})"
            size = abs(c)
            term = body if size == 1 else f"{size}*{body}"
            sign = "-" if c < 0 else "+"
            parts.append((f"-{term}" if sign == "-" else term) if k == 0 else f" {sign} {term}")
        return "".join(parts) or "0"

    def value(self, form: LinearForm | tuple[tuple[int, Fraction], ...], h: dict[int, Fraction]) -> Fraction:
        """The form at the entropy vector ``h`` (``{mask: value}``)."""
        return sum((c * h.get(mask, Fraction(0)) for mask, c in dict(form).items()), Fraction(0))


def _frozen(form: LinearForm) -> tuple[tuple[int, Fraction], ...]:
    return tuple(sorted(form.items()))


def _names(names: Sequence[str]) -> str:
    return ",".join(names)


def copy_conditions(
    space: EntropySpace, copied: int, over: int, copy_name: str
) -> tuple[EntropySpace, list[Condition]]:
    """The copy lemma: a new variable that is a copy of ``copied`` over the group ``over``.

    The copy ``R`` has the joint law of ``copied`` with ``over``
    (``h(R ∪ S) = h(copied ∪ S)`` for every ``S ⊆ over``) and is independent
    of all the other variables given ``over`` (Zhang & Yeung 1998;
    Dougherty, Freiling & Zeger 2011).
    """
    wider = EntropySpace((*space.names, copy_name))
    r = 1 << space.n
    conditions = []
    over_names = space.members(over)
    copied_names = space.members(copied)
    subsets = [
        sum(1 << space.index[x] for x in chosen)
        for k in range(len(over_names) + 1)
        for chosen in combinations(over_names, k)
    ]
    label = f"{copy_name} is a copy of {','.join(copied_names)} over {','.join(over_names)}"
    for s in subsets:
        form = combine((1, {r | s: Fraction(1)}), (-1, {copied | s: Fraction(1)}))
        shown = f"H({','.join((copy_name, *space.members(s)))}) - H({','.join(space.members(copied | s))})"
        conditions.append(Condition(label, shown, tuple(sorted(form.items())), True))
    rest = space.full & ~over
    independence = wider.information([r, rest], over)
    shown = f"I({copy_name};{','.join(space.members(rest))}|{','.join(over_names)})"
    conditions.append(Condition(label, shown, tuple(sorted(independence.items())), True))
    return wider, conditions
