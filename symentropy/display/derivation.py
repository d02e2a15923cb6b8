"""Step-by-step derivations: from the definition to the exact value.

:func:`derive` returns a :class:`Derivation`: the steps a textbook would
write, from an identity and the definition, through the substitution of the
table, to the exact value and its decimals.  Every step is an equality whose
right-hand side has an exact :attr:`Step.value`, and all of them equal the
final value (the last step is ``≈`` the decimals).

=======================  ==========================================================
quantity                 steps
=======================  ==========================================================
``H(X)``, ``H(X,Y)``     definition (C&T eq. 2.1, 2.8); the table; the exact value
``H(X|Y)``               chain rule ``H(X,Y) - H(Y)``; ``-sum p(x,y) log p(x|y)``;
                         the table; the exact value
``I(X;Y)``               ``H(X) + H(Y) - H(X,Y)`` (eq. 2.45); the definition
                         (eq. 2.28); the table and marginals; each ratio
                         simplified; the exact value
``I(X;Y|Z)``             ``H(X|Z) - H(X|Y,Z)`` (eq. 2.60); the definition; each
                         ratio; the exact value
``D(P||Q)``              the definition (eq. 2.26); the two tables; each ratio;
                         the exact value
=======================  ==========================================================

A derivation prints as plain text, as a LaTeX ``align*`` block
(:meth:`Derivation.to_latex`), as Markdown (:meth:`Derivation.to_markdown`)
and in Jupyter.

Examples
========

>>> from symentropy import Distribution
>>> from symentropy.display.derivation import derive
>>> d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
>>> print(derive(d, "I(X;Y)", digits=6))
I(X;Y) = H(X) + H(Y) - H(X,Y)                       [Cover & Thomas (2.45)]
       = sum_{x,y} p(x,y) log2(p(x,y)/(p(x) p(y)))  [definition, Cover & Thomas (2.28)]
       = 1/3 log2((1/3)/((2/3)(1/3))) + 1/3 log2((1/3)/((2/3)(2/3))) + 1/3 log2((1/3)/((1/3)(2/3)))
                                                    [the table and its marginals; 0 log 0 = 0]
       = 2/3 log2(3/2) + 1/3 log2(3/4)              [each ratio simplified]
       = -4/3 + log2(3)                             [exact value]
       ≈ 0.251629
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..core.labels import latex_name, latex_text
from ..core.names import union
from ..errors import ParseError, SymentropyError
from ..kernel.logbase import Base, as_base
from ..kernel.notation import EntropyTerm, InformationTerm, parse_notation
from ..kernel.numeric import check_digits
from .expressions import ConditionalEntropy, Entropy, InformationMeasure, KLDivergence, MutualInformation
from .latex import TextbookLatexPrinter, format_decimal, to_latex, to_text

__all__ = ["derive", "Derivation", "Step"]

#: The relations a step may have, and their LaTeX.
RELATIONS_LATEX = {"=": "=", "≈": r"\approx", "≥": r"\geq", "≤": r"\leq", "<": "<", ">": ">"}
#: Substitution steps list every cell up to this many; beyond, only the grouped step is shown.
MAX_RAW_TERMS = 12
#: Plain-text derivations wrap long sums between terms to stay within this many characters.
TEXT_WIDTH = 100
#: Plain-text reasons are aligned after steps up to this long.
REASON_COLUMN = 48


@dataclass(frozen=True)
class Step:
    """One line of a derivation: ``relation`` and right-hand side.

    ``value`` is an exact sympy expression equal to the right-hand side
    (an unevaluated measure for an identity or a definition, whose
    ``.doit()`` is the number); it is ``None`` for the final ``≈`` line.
    """

    relation: str
    latex: str
    text: str
    value: sympy.Expr | None
    reason: str = ""
    #: The reason in LaTeX, when it holds mathematics (otherwise ``reason`` is set as text).
    reason_latex: str = ""


class Derivation:
    """The steps from the definition of a quantity to its exact value.

    Build one with :func:`derive`.  ``str()`` gives plain text;
    :meth:`to_latex` an ``align*`` block; :meth:`to_markdown` a Markdown
    display-math block; in Jupyter it is shown as LaTeX.

    Attributes
    ==========

    quantity : InformationMeasure
        The unevaluated measure derived.
    steps : tuple of Step
    value : sympy expression
        The exact value (that of the last ``=`` step).
    decimals : str or None
        The value to ``digits`` significant digits, when it has no symbols.
    """

    def __init__(
        self,
        quantity: InformationMeasure | str,
        steps: Sequence[Step],
        value: sympy.Expr | None,
        decimals: str | None,
        *,
        lhs_latex: str | None = None,
    ):
        self.quantity = quantity
        self.steps = tuple(steps)
        self.value = value
        self.decimals = decimals
        # a quantity given as text (the claim of a proof) brings its own LaTeX
        self.lhs_latex = lhs_latex if lhs_latex is not None else to_latex(quantity)

    def __repr__(self) -> str:
        return f"<Derivation of {self.quantity}: {len(self.steps)} steps, value {self.value}>"

    def __str__(self) -> str:
        lhs = str(self.quantity)
        indent = len(lhs) + 3
        room = max(TEXT_WIDTH - indent, 30)
        wrapped = [_wrap(s.text, room) for s in self.steps]
        # The reasons line up in a column after the short lines; a long line has its reason
        # after it, or on a line of its own in that column.
        width = max([len(w[-1]) for w in wrapped if len(w[-1]) <= REASON_COLUMN] or [0])
        lines = []
        for k, (s, chunks) in enumerate(zip(self.steps, wrapped, strict=True)):
            head = lhs if k == 0 else " " * len(lhs)
            rows = [f"{head} {s.relation} {chunks[0]}"] + [" " * (indent + 2) + c for c in chunks[1:]]
            if s.reason:
                last, reason = rows[-1], f"[{s.reason}]"
                if len(last) <= indent + width:
                    rows[-1] = f"{last.ljust(indent + width)}  {reason}"
                elif len(last) + 2 + len(reason) <= TEXT_WIDTH:
                    rows[-1] = f"{last}  {reason}"
                else:
                    rows.append(" " * (indent + width + 2) + reason)
            lines.extend(r.rstrip() for r in rows)
        return "\n".join(lines)

    def _lines(self, reasons: bool, *, wrap: int) -> list[str]:
        lhs = self.lhs_latex
        lines = []
        for k, s in enumerate(self.steps):
            relation = RELATIONS_LATEX[s.relation]
            body = s.latex
            line = f"{lhs if k == 0 else ''} &{relation} {body}".lstrip()
            if reasons and s.reason:
                line += " && " + (s.reason_latex or latex_text(s.reason))
            lines.append(line)
        return lines

    def to_latex(self, *, reasons: bool = True, environment: str = "align*") -> str:
        r"""Return the derivation as a LaTeX ``align*`` (or ``aligned``) block.

        ``align*`` needs ``\usepackage{amsmath}``.  ``environment="aligned"``
        gives a block to put inside display math (``$$ ... $$``).
        """
        if environment not in ("align*", "aligned"):
            raise ValueError(f"environment must be 'align*' or 'aligned', got {environment!r}")
        body = " \\\\\n".join(self._lines(reasons, wrap=4))
        return f"\\begin{{{environment}}}\n{body}\n\\end{{{environment}}}"

    def to_markdown(self, *, reasons: bool = True) -> str:
        """Return the derivation as a Markdown display-math block (``$$`` ... ``$$``)."""
        return "$$\n" + self.to_latex(reasons=reasons, environment="aligned") + "\n$$"

    def _repr_latex_(self) -> str:
        return "$$" + self.to_latex(environment="aligned") + "$$"


# -- parsing -------------------------------------------------------------------
def _parse(text: str) -> tuple[str, tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Read ``H(...)`` or ``I(...;...)`` with the notation grammar: (letter, groups, given).

    >>> from symentropy.display.derivation import _parse
    >>> _parse("I(X;Y|Z)")
    ('I', (('X',), ('Y',)), ('Z',))
    >>> _parse(" H(X, Y) ")
    ('H', (('X', 'Y'),), ())
    """
    parsed = parse_notation(text)
    if len(parsed.terms) != 1 or parsed.terms[0][0] != 1:
        raise ParseError(f"derive() takes one measure, not a combination: {text!r}", text, 0)
    measure = parsed.terms[0][1]
    if getattr(measure, "events", ()):
        raise ParseError(f"derive() does not take events such as Y=1: {text!r}", text, 0)
    if isinstance(measure, EntropyTerm) and measure.order is None:
        return "H", (tuple(measure.names),), tuple(measure.given)
    if isinstance(measure, InformationTerm) and len(measure.groups) == 2:
        return "I", tuple(tuple(g) for g in measure.groups), tuple(measure.given)
    raise ParseError(f"derive() understands H(X), H(X,Y), H(X|Y), I(X;Y) and I(X;Y|Z); got {text!r}", text, 0)


# -- building blocks -------------------------------------------------------------
def _wrap(text: str, width: int) -> list[str]:
    """Split a long sum between its top-level terms into lines of at most ``width`` characters."""
    if len(text) <= width:
        return [text]
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "({[" and 1 or (-1 if ch in ")}]" else 0)
        if depth <= 1 and text.startswith((" + ", " - "), i) and i > start:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + 1 + len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


class _Terms:
    """A sum ``sign * sum_k c_k log_b(r_k)`` shown term by term.

    Each term carries the LaTeX and text of its argument as written, and its
    exact value; :meth:`value` is exact, and the LaTeX and the text are made
    from the same numbers.
    """

    def __init__(
        self, base: sympy.Expr, printer: TextbookLatexPrinter, negate: bool = False, per_line: int = 4
    ):
        self.base = base
        self.per_line = per_line
        self.printer = printer
        self.negate = negate
        self.terms: list[tuple[sympy.Expr, str, str, sympy.Expr]] = []

    def add(
        self, coefficient: sympy.Expr, argument: sympy.Expr, latex: str | None = None, text: str | None = None
    ) -> None:
        if latex is None:
            latex = _argument_latex(argument, self.printer)
        if text is None:
            text = _argument_text(argument)
        self.terms.append((coefficient, latex, text, argument))

    def value(self) -> sympy.Expr:
        total = sympy.Add(*(c * sympy.log(r) for c, _, _, r in self.terms))
        if self.base != sympy.E:
            total = total / sympy.log(self.base)
        return -total if self.negate else total

    def _log_latex(self) -> str:
        return r"\ln" if self.base == sympy.E else rf"\log_{{{self.printer._print(self.base)}}}"

    def _log_text(self) -> str:
        if self.base == sympy.E:
            return "ln"
        return f"log{self.base}" if self.base.is_Integer else f"log_{self.base}"

    def latex(self) -> str:
        per_line = self.per_line
        pieces = []
        for k, (c, arg, _, _) in enumerate(self.terms):
            negative = _is_negative(c)
            size = -c if negative else c
            coefficient = "" if size == 1 else _coefficient_latex(size, self.printer) + " "
            term = f"{coefficient}{self._log_latex()} {arg}"
            sign = ("- " if negative else "") if k == 0 else (" - " if negative else " + ")
            if k and k % per_line == 0:
                sign = r" \\ &\qquad" + sign
            pieces.append(sign + term)
        body = "".join(pieces) if pieces else "0"
        if self.negate and len(self.terms) > 1:
            return rf"-\Bigl({body}\Bigr)"
        return f"-{body}" if self.negate else body

    def text(self) -> str:
        pieces = []
        for k, (c, _, arg, _) in enumerate(self.terms):
            negative = _is_negative(c)
            size = -c if negative else c
            coefficient = "" if size == 1 else _coefficient_text(size) + " "
            term = f"{coefficient}{self._log_text()}({arg})"
            sign = ("-" if negative else "") if k == 0 else (" - " if negative else " + ")
            pieces.append(sign + term)
        body = "".join(pieces) if pieces else "0"
        return f"-({body})" if self.negate and len(self.terms) > 1 else (f"-{body}" if self.negate else body)


def _is_negative(c: sympy.Expr) -> bool:
    """True for ``-1/3`` or ``-p``; false for ``1 - p``, which is written as it is."""
    return bool(c.as_coeff_Mul()[0].is_negative)


def _coefficient_latex(c: sympy.Expr, printer: TextbookLatexPrinter) -> str:
    tex = printer.doprint(c)
    return rf"\left({tex}\right)" if c.is_Add else tex


def _coefficient_text(c: sympy.Expr) -> str:
    return f"({c})" if c.is_Add else str(c)


def _argument_latex(argument: sympy.Expr, printer: TextbookLatexPrinter) -> str:
    tex = printer.doprint(argument)
    if argument.is_Atom or (argument.is_Rational and not argument.is_Integer):
        return tex
    return rf"\left({tex}\right)"


def _argument_text(argument: sympy.Expr) -> str:
    return str(argument)


def _ratio_latex(
    top: Sequence[sympy.Expr], bottom: Sequence[sympy.Expr], printer: TextbookLatexPrinter
) -> str:
    def product(values: Sequence[sympy.Expr]) -> str:
        if len(values) == 1:
            return _inline(values[0], printer)
        return "".join(rf"\left({_inline(v, printer)}\right)" for v in values)

    return rf"\frac{{{product(top)}}}{{{product(bottom)}}}"


def _inline(value: sympy.Expr, printer: TextbookLatexPrinter) -> str:
    """A probability written inline: ``1/3`` rather than a stacked fraction."""
    if value.is_Rational and not value.is_Integer:
        return f"{value.p}/{value.q}"
    return printer.doprint(value)


def _ratio_text(top: Sequence[sympy.Expr], bottom: Sequence[sympy.Expr]) -> str:
    def product(values: Sequence[sympy.Expr]) -> str:
        return f"({values[0]})" if len(values) == 1 else "(" + "".join(f"({v})" for v in values) + ")"

    return f"{product(top)}/{product(bottom)}"


def _simplified(value: sympy.Expr) -> sympy.Expr:
    return value if value.is_Rational else sympy.factor(sympy.cancel(value))


def _grouped(pairs: Sequence[tuple[sympy.Expr, sympy.Expr]]) -> list[tuple[sympy.Expr, sympy.Expr]]:
    """Sum the coefficients of equal arguments, in order of first appearance."""
    totals: dict[sympy.Expr, sympy.Expr] = {}
    for c, r in pairs:
        totals[r] = totals.get(r, sympy.Integer(0)) + c
    return [(sympy.factor(c) if not c.is_Rational else c, r) for r, c in totals.items()]


def _lower(name: str) -> str:
    """The letter of a value of a variable: ``x`` for ``X``, ``x_{1}`` for ``X1``."""
    if re.fullmatch(r"[A-Za-z][0-9]*", name):
        return latex_name(name.lower())
    return rf"x_{{{latex_name(name)}}}"


def _lower_text(name: str) -> str:
    return name.lower() if re.fullmatch(r"[A-Za-z][0-9]*", name) else f"x_{name}"


def _cells(d: Distribution, names: Sequence[str]) -> Distribution:
    return d if tuple(names) == d.names else d.marginal(*names)


def _exact_steps(
    quantity: InformationMeasure, value: sympy.Expr, digits: int
) -> tuple[list[Step], str | None]:
    steps = [Step("=", to_latex(value), to_text(value), value, "exact value")]
    decimals = None
    if not value.free_symbols and value.is_finite:
        decimals = format_decimal(value, digits)
        steps.append(Step("≈", decimals, decimals, None, ""))
    return steps, decimals


def _entropy_steps(q: Entropy, printer: TextbookLatexPrinter) -> list[Step]:
    d: Distribution = q.distribution
    base = q.base
    names, given = q.names, q.given
    log_tex = r"\ln" if base == sympy.E else rf"\log_{{{printer._print(base)}}}"
    log_txt = "ln" if base == sympy.E else (f"log{base}" if base.is_Integer else f"log_{base}")
    xs = [_lower(n) for n in names]
    xs_text = [_lower_text(n) for n in names]
    steps: list[Step] = []
    if not given:
        joint = _cells(d, names)
        index = ",".join(xs)
        steps.append(
            Step(
                "=",
                rf"-\sum_{{{index}}} p({index}) {log_tex} p({index})",
                f"-sum_{{{','.join(xs_text)}}} p({','.join(xs_text)}) {log_txt} p({','.join(xs_text)})",
                q,
                "definition, Cover & Thomas (2.1)" if len(names) == 1 else "definition, Cover & Thomas (2.8)",
            )
        )
        cells = [(p, p) for p in joint.probabilities if not p.is_zero]
        zeros = len(joint.probabilities) - len(cells)
        raw = _Terms(base, printer, negate=True)
        for p, _ in cells:
            raw.add(p, p)
        grouped = _Terms(base, printer, negate=True)
        for c, r in _grouped([(p, p) for p, _ in cells]):
            grouped.add(c, r)
        note = "the table" + ("; 0 log 0 = 0" if zeros else "")
        if len(cells) <= MAX_RAW_TERMS:
            steps.append(Step("=", raw.latex(), raw.text(), raw.value(), note))
            if len(grouped.terms) < len(raw.terms):
                steps.append(
                    Step("=", grouped.latex(), grouped.text(), grouped.value(), "equal terms collected")
                )
        else:
            steps.append(
                Step("=", grouped.latex(), grouped.text(), grouped.value(), note + ", equal terms collected")
            )
        return steps
    ys = [_lower(n) for n in given]
    ys_text = [_lower_text(n) for n in given]
    everything = tuple(dict.fromkeys(names + given))
    steps.append(
        Step(
            "=",
            _sum_latex([Entropy(d, *everything, base=base)], [Entropy(d, *given, base=base)]),
            f"{Entropy(d, *everything, base=base)} - {Entropy(d, *given, base=base)}",
            Entropy(d, *everything, base=base) - Entropy(d, *given, base=base),
            "chain rule, Cover & Thomas Thm. 2.2.1",
        )
    )
    index = ",".join(dict.fromkeys(xs + ys))
    index_text = ",".join(dict.fromkeys(xs_text + ys_text))
    steps.append(
        Step(
            "=",
            rf"-\sum_{{{index}}} p({index}) {log_tex} p({','.join(xs)} \mid {','.join(ys)})",
            f"-sum_{{{index_text}}} p({index_text}) {log_txt} p({','.join(xs_text)}|{','.join(ys_text)})",
            q,
            "definition, Cover & Thomas (2.12)",
        )
    )
    joint = _cells(d, everything)
    condition = _cells(d, given)
    positions = [everything.index(n) for n in given]
    pairs = []
    raw = _Terms(base, printer, negate=True, per_line=2)
    zeros = 0
    for outcome, p in joint.items():
        if p.is_zero:
            zeros += 1
            continue
        pg = condition[tuple(outcome[i] for i in positions)]
        ratio = _simplified(p / pg)
        pairs.append((p, ratio))
        raw.add(p, ratio, _ratio_latex([p], [pg], printer), _ratio_text([p], [pg]))
    grouped = _Terms(base, printer, negate=True)
    for c, r in _grouped(pairs):
        grouped.add(c, r)
    note = "the table and its marginal" + ("; 0 log 0 = 0" if zeros else "")
    if len(pairs) <= MAX_RAW_TERMS:
        steps.append(Step("=", raw.latex(), raw.text(), raw.value(), note))
    steps.append(
        Step(
            "=",
            grouped.latex(),
            grouped.text(),
            grouped.value(),
            "each ratio simplified, equal terms collected",
        )
    )
    return steps


def _information_steps(q: MutualInformation, printer: TextbookLatexPrinter) -> list[Step]:
    d: Distribution = q.distribution
    base = q.base
    a, b, given = q.a, q.b, q.given
    log_tex = r"\ln" if base == sympy.E else rf"\log_{{{printer._print(base)}}}"
    log_txt = "ln" if base == sympy.E else (f"log{base}" if base.is_Integer else f"log_{base}")
    xa, xb, xc = ([_lower(n) for n in g] for g in (a, b, given))
    ta, tb, tc = ([_lower_text(n) for n in g] for g in (a, b, given))
    steps: list[Step] = []
    if not given:
        ha, hb, hab = (
            Entropy(d, *a, base=base),
            Entropy(d, *b, base=base),
            Entropy(d, *union(a, b), base=base),
        )
        steps.append(
            Step(
                "=",
                _sum_latex([ha, hb], [hab]),
                f"{ha} + {hb} - {hab}",
                ha + hb - hab,
                "Cover & Thomas (2.45)",
            )
        )
        index = ",".join(xa + xb)
        index_text = ",".join(ta + tb)
        sa, sb = ",".join(xa), ",".join(xb)
        ja, jb = ",".join(ta), ",".join(tb)
        steps.append(
            Step(
                "=",
                rf"\sum_{{{index}}} p({index}) {log_tex} \frac{{p({index})}}{{p({sa})\, p({sb})}}",
                f"sum_{{{index_text}}} p({index_text}) {log_txt}(p({index_text})/(p({ja}) p({jb})))",
                q,
                "definition, Cover & Thomas (2.28)",
            )
        )
        everything = union(a, b)
        joint = _cells(d, everything)
        pa, pb = _cells(d, a), _cells(d, b)
        ia = [everything.index(n) for n in a]
        ib = [everything.index(n) for n in b]
        raw = _Terms(base, printer, per_line=2)
        pairs = []
        zeros = 0
        for outcome, p in joint.items():
            if p.is_zero:
                zeros += 1
                continue
            u = pa[tuple(outcome[i] for i in ia)]
            v = pb[tuple(outcome[i] for i in ib)]
            ratio = _simplified(p / (u * v))
            pairs.append((p, ratio))
            raw.add(p, ratio, _ratio_latex([p], [u, v], printer), _ratio_text([p], [u, v]))
        note = "the table and its marginals" + ("; 0 log 0 = 0" if zeros else "")
        reason_grouped = "each ratio simplified"
    else:
        first = ConditionalEntropy(d, a, given, base=base)
        second = ConditionalEntropy(d, a, union(b, given), base=base)
        steps.append(
            Step(
                "=",
                _sum_latex([first], [second]),
                f"{first} - {second}",
                first - second,
                "Cover & Thomas (2.60)",
            )
        )
        index = ",".join(xa + xb + xc)
        index_text = ",".join(ta + tb + tc)
        sa, sb, sc = ",".join(xa), ",".join(xb), ",".join(xc)
        ja, jb, jc = ",".join(ta), ",".join(tb), ",".join(tc)
        steps.append(
            Step(
                "=",
                rf"\sum_{{{index}}} p({index}) {log_tex} "
                rf"\frac{{p({sa},{sb} \mid {sc})}}{{p({sa} \mid {sc})\, p({sb} \mid {sc})}}",
                f"sum_{{{index_text}}} p({index_text}) {log_txt}"
                f"(p({ja},{jb}|{jc})/(p({ja}|{jc}) p({jb}|{jc})))",
                q,
                "definition, Cover & Thomas (2.60)",
            )
        )
        everything = union(a, b, given)
        joint = _cells(d, everything)
        pac, pbc, pc = _cells(d, union(a, given)), _cells(d, union(b, given)), _cells(d, given)
        pick = _picker(everything)
        raw = _Terms(base, printer, per_line=2)
        pairs = []
        zeros = 0
        for outcome, p in joint.items():
            if p.is_zero:
                zeros += 1
                continue
            z = pc[pick(outcome, pc.names)]
            u = pac[pick(outcome, pac.names)]
            v = pbc[pick(outcome, pbc.names)]
            ratio = _simplified(p * z / (u * v))
            pairs.append((p, ratio))
            raw.add(p, ratio, _ratio_latex([p, z], [u, v], printer), _ratio_text([p, z], [u, v]))
        note = "the table: p(x,y,z) p(z) / (p(x,z) p(y,z))" + ("; 0 log 0 = 0" if zeros else "")
        reason_grouped = "each ratio simplified"
    grouped = _Terms(base, printer)
    for c, r in _grouped(pairs):
        grouped.add(c, r)
    if len(pairs) <= MAX_RAW_TERMS:
        steps.append(Step("=", raw.latex(), raw.text(), raw.value(), note))
        steps.append(Step("=", grouped.latex(), grouped.text(), grouped.value(), reason_grouped))
    else:
        steps.append(
            Step("=", grouped.latex(), grouped.text(), grouped.value(), note + ", " + reason_grouped)
        )
    return steps


def _divergence_steps(q: KLDivergence, printer: TextbookLatexPrinter) -> list[Step]:
    p_dist, q_dist = q.p, q.q
    if not isinstance(p_dist, Distribution) or not isinstance(q_dist, Distribution):
        raise SymentropyError("derive() derives D(P||Q) of two discrete Distributions")
    if q.given:
        raise SymentropyError("derive() does not derive conditional divergences D(P(Y|X)||Q(Y|X))")
    names = q.names or p_dist.names
    pp, qq = _cells(p_dist, names), _cells(q_dist, names)
    base = q.base
    log_tex = r"\ln" if base == sympy.E else rf"\log_{{{printer._print(base)}}}"
    log_txt = "ln" if base == sympy.E else (f"log{base}" if base.is_Integer else f"log_{base}")
    xs = ",".join(_lower(n) for n in names)
    xt = ",".join(_lower_text(n) for n in names)
    first, second = (s.lower() for s in q.labels)
    steps = [
        Step(
            "=",
            rf"\sum_{{{xs}}} {first}({xs}) {log_tex} \frac{{{first}({xs})}}{{{second}({xs})}}",
            f"sum_{{{xt}}} {first}({xt}) {log_txt}({first}({xt})/{second}({xt}))",
            q,
            "definition, Cover & Thomas (2.26)",
        )
    ]
    raw = _Terms(base, printer, per_line=2)
    pairs = []
    for outcome, pv in pp.items():
        if pv.is_zero:
            continue
        qv = qq[outcome]
        if qv.is_zero:
            steps.append(Step("=", r"\infty", "oo", sympy.oo, f"q = 0 where p = {pv} > 0"))
            return steps
        ratio = _simplified(pv / qv)
        pairs.append((pv, ratio))
        raw.add(pv, ratio, _ratio_latex([pv], [qv], printer), _ratio_text([pv], [qv]))
    grouped = _Terms(base, printer)
    for c, r in _grouped(pairs):
        grouped.add(c, r)
    if len(pairs) <= MAX_RAW_TERMS:
        steps.append(Step("=", raw.latex(), raw.text(), raw.value(), "the two tables"))
        steps.append(Step("=", grouped.latex(), grouped.text(), grouped.value(), "each ratio simplified"))
    else:
        steps.append(
            Step(
                "=", grouped.latex(), grouped.text(), grouped.value(), "the two tables, each ratio simplified"
            )
        )
    return steps


def _picker(everything: Sequence[str]) -> Callable[[tuple, Sequence[str]], tuple]:
    where = {n: i for i, n in enumerate(everything)}

    def pick(outcome: tuple, names: Sequence[str]) -> tuple:
        return tuple(outcome[where[n]] for n in names)

    return pick


def _sum_latex(plus: Sequence[sympy.Expr], minus: Sequence[sympy.Expr]) -> str:
    """``H(X) + H(Y) - H(X, Y)`` in the order written (sympy would reorder the terms)."""
    tex = " + ".join(to_latex(t) for t in plus)
    return tex + "".join(" - " + to_latex(t) for t in minus)


def derive(
    quantity: Any, notation: str | None = None, *, base: Base | None = None, digits: int = 15
) -> Derivation:
    """Derive an entropy, a mutual information or a divergence step by step.

    Explanation
    ===========

    ``derive(d, "I(X;Y)")`` takes a distribution and a notation (``H(X)``,
    ``H(X,Y)``, ``H(X|Y)``, ``I(X;Y)``, ``I(X;Y|Z)``, groups such as
    ``I(X,Y;Z)``); ``derive(MutualInformation(d, "X", "Y"))`` takes an
    unevaluated measure (including :class:`~symentropy.display.expressions.KLDivergence`).
    The steps go from an identity and the definition, through the
    substitution of the table (every cell when there are at most
    ``MAX_RAW_TERMS``), to the exact value and, for values without symbols,
    its decimals.  Each step's :attr:`Step.value` is exact and equal to the
    final value.

    Examples
    ========

    The fair die of the introduction:

    >>> from symentropy import uniform
    >>> from symentropy.display.derivation import derive
    >>> die = derive(uniform(range(1, 7), name="X"), "H(X)")
    >>> print(die)
    H(X) = -sum_{x} p(x) log2 p(x)  [definition, Cover & Thomas (2.1)]
         = -(1/6 log2(1/6) + 1/6 log2(1/6) + 1/6 log2(1/6) + 1/6 log2(1/6) + 1/6 log2(1/6)
             + 1/6 log2(1/6))       [the table]
         = -log2(1/6)               [equal terms collected]
         = 1 + log2(3)              [exact value]
         ≈ 2.58496250072116
    >>> print(die.to_latex(reasons=False).splitlines()[-3])
    &= 1 + \\log_{2} 3 \\\\
    >>> die.value
    1 + log(3)/log(2)

    Parameters
    ==========

    quantity : Distribution or InformationMeasure
    notation : str
        With a distribution: the quantity, in the notation above.
    base : 2, sympy.E, 10, ...
        With a distribution: the logarithm base (default 2).
    digits : int
        Significant digits of the last line.

    See Also
    ========

    symentropy.display.latex.to_latex, symentropy.display.expressions.MutualInformation

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, chapter 2.
    """
    digits = check_digits(digits)
    if isinstance(quantity, InformationMeasure):
        if notation is not None or base is not None:
            raise TypeError("derive(measure) takes no notation and no base: they are part of the measure")
        measure = quantity
    elif isinstance(quantity, Distribution):
        if not isinstance(notation, str):
            raise TypeError(
                'derive(d, notation) needs the quantity as a string, e.g. derive(d, "I(X;Y)"); '
                f"got {notation!r}"
            )
        letter, groups, given = _parse(notation)
        b = as_base(2 if base is None else base)
        if letter == "H":
            measure = Entropy(quantity, *groups[0], given=given, base=b)
        else:
            measure = MutualInformation(quantity, groups[0], groups[1], given=given, base=b)
    else:
        raise TypeError(
            f"derive() takes a Distribution and a notation, or a measure; got {type(quantity).__name__}"
        )
    printer = TextbookLatexPrinter()
    if isinstance(measure, KLDivergence):
        steps = _divergence_steps(measure, printer)
    elif isinstance(measure, MutualInformation):
        steps = _information_steps(measure, printer)
    elif isinstance(measure, Entropy):
        steps = _entropy_steps(measure, printer)
    else:
        raise TypeError(f"derive() cannot derive a {type(measure).__name__}")
    if steps[-1].value is sympy.oo:
        return Derivation(measure, steps, sympy.oo, None)
    value = measure.doit()
    tail, decimals = _exact_steps(measure, value, digits)
    return Derivation(measure, steps + tail, value, decimals)
