"""A proof of an information inequality, written out as a textbook would.

:func:`proof_derivation` turns a :class:`~symentropy.ProofResult` into a
:class:`~symentropy.display.derivation.Derivation`:

* proved: ``rhs - lhs`` equals the certificate's weighted sum of elemental
  terms and constraints (an identity of joint entropies); the constraints
  are ``0``; every remaining term is a conditional entropy or a (conditional)
  mutual information, so ``>= 0``;
* refuted: the claim evaluated exactly on the counterexample, below ``0``;
* not Shannon-type: the claim at the polymatroid witness, below ``0``.

Examples
========

>>> from symentropy import prove
>>> print(prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"]).derivation())
I(X;Y) - I(X;Z) = I(X;Y|Z) - I(X;Z|Y)  [identity of joint entropies]
                = I(X;Y|Z)             [X -> Y -> Z: I(X;Z|Y) = 0]
                ≥ 0                    [each term is a conditional entropy or mutual information]
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from ..calculus.inequalities.space import Condition, monomial_parts
from ..core.labels import latex_name, latex_text
from ..kernel.notation import EntropyTerm, InformationTerm, parse_notation
from ..kernel.numeric import evaluate
from ..kernel.statements import Independence, MarkovChain, parse_constraint
from ..measures.info import info
from .derivation import Derivation, Step
from .latex import to_latex, to_text

__all__ = ["proof_derivation", "notation_latex", "constraint_latex"]

#: Decimal digits shown for a counterexample's value.
DIGITS = 6


def notation_latex(text: str) -> str:
    r"""LaTeX for Shannon notation: ``I(X;Y|Z)`` gives ``I(X; Y \mid Z)``.

    >>> from symentropy.display.proof import notation_latex
    >>> notation_latex("2*I(X1;Y|Z) - H(X|Y)")
    '2 I(X_{1}; Y \\mid Z) - H(X \\mid Y)'
    >>> notation_latex("1/2*alpha*H(X)")
    '\\tfrac{1}{2} \\alpha H(X)'
    """
    parts = []
    for k, (coefficient, term) in enumerate(parse_notation(text).terms):
        symbols = ""
        if not isinstance(coefficient, Fraction):  # a rational times a product of symbols
            r, monomial = coefficient.as_coeff_Mul()
            coefficient = Fraction(int(r.p), int(r.q))
            symbols = sympy.latex(monomial) + " "
        size = abs(coefficient)
        if size == 1:
            number = ""
        elif size.denominator == 1:
            number = f"{size} "
        else:
            number = rf"\tfrac{{{size.numerator}}}{{{size.denominator}}} "
        number += symbols
        body = _term_latex(term)
        sign = "-" if coefficient < 0 else "+"
        parts.append(
            (f"-{number}{body}" if sign == "-" else f"{number}{body}")
            if k == 0
            else f" {sign} {number}{body}"
        )
    return "".join(parts)


def constraint_latex(text: str) -> str:
    r"""LaTeX for a constraint: ``X -> Y -> Z`` gives ``X \to Y \to Z``.

    >>> from symentropy.display.proof import constraint_latex
    >>> constraint_latex("X _|_ Y | Z"), constraint_latex("H(Y|X) = 0")
    ('X \\perp Y \\mid Z', 'H(Y \\mid X) = 0')
    """
    c = parse_constraint(text)
    if isinstance(c, MarkovChain):
        return r" \to ".join(_group(g) for g in c.groups)
    if isinstance(c, Independence):
        body = r" \perp ".join(_group(g) for g in c.groups)
        return body + (rf" \mid {_names(c.given)}" if c.given else "")
    relation = {"<=": r"\leq", ">=": r"\geq", "=": "="}[c.relation]
    lhs = notation_latex(str(c.lhs)) if c.lhs.terms else "0"
    rhs = notation_latex(str(c.rhs)) if c.rhs.terms else "0"
    return f"{lhs} {relation} {rhs}"


def _group(names: tuple[str, ...]) -> str:
    return _names(names) if len(names) == 1 else f"({_names(names)})"


def _names(names: tuple[str, ...]) -> str:
    return ",".join(latex_name(n) for n in names)


def _term_latex(term: Any) -> str:
    if isinstance(term, EntropyTerm):
        condition = rf" \mid {_names(term.given)}" if term.given else ""
        return f"H({_names(term.names)}{condition})"
    if isinstance(term, InformationTerm):
        condition = rf" \mid {_names(term.given)}" if term.given else ""
        return f"I({'; '.join(_names(g) for g in term.groups)}{condition})"
    raise TypeError(f"no LaTeX for {term}")  # pragma: no cover  (the prover takes Shannon terms only)


def _sum(pairs: list[tuple[sympy.Rational, str]]) -> tuple[str, str]:
    """Text and LaTeX of a weighted sum of notation terms."""
    text, tex = [], []
    for k, (m, term) in enumerate(pairs):
        size = abs(m)
        negative = m < 0
        if term.startswith("-"):
            term, negative = term[1:], not negative
        t_text = term if size == 1 else f"{size}*{term}"
        t_tex_body = notation_latex(term)
        t_tex = t_tex_body if size == 1 else f"{sympy.latex(size)} {t_tex_body}"
        if " + " in term or " - " in term:
            t_text = f"({term})" if size == 1 else f"{size}*({term})"
            t_tex = f"({t_tex_body})" if size == 1 else f"{sympy.latex(size)} ({t_tex_body})"
        sign = "-" if negative else "+"
        text.append((f"-{t_text}" if negative else t_text) if k == 0 else f" {sign} {t_text}")
        tex.append((f"-{t_tex}" if negative else t_tex) if k == 0 else f" {sign} {t_tex}")
    return ("".join(text) or "0", "".join(tex) or "0")


def proof_derivation(result: Any) -> Derivation:
    """The proof (or the refutation) in :class:`ProofResult` ``result`` as a derivation."""
    claim = result.claim_text()
    claim_latex = notation_latex(claim) if claim != "0" else "0"
    steps: list[Step] = []
    if result.monomials and str(result.verdict) == "proved":  # symbolic coefficients, part by part
        pairs = [(m, p.claim_text()) for m, p in zip(result.monomials, result.parts, strict=True)]
        text = " + ".join(f"{m}*({c})" if m != 1 else f"({c})" for m, c in pairs)
        tex = " + ".join(
            (f"{sympy.latex(m)} " if m != 1 else "")
            + rf"\left({notation_latex(c) if c != '0' else '0'}\right)"
            for m, c in pairs
        )
        steps.append(Step("=", tex, text, None, "grouped by the symbolic coefficients"))
        steps.append(
            Step("≥", "0", "0", None, "each bracket is proved ≥ 0 (see .parts); the symbols are ≥ 0")
        )
        return Derivation(claim, steps, sympy.Integer(0), None, lhs_latex=claim_latex)
    if result.parts:
        chosen = next((p for p in result.parts if p.verdict == result.verdict), result.parts[0])
        return proof_derivation(chosen)
    verdict = str(result.verdict)
    if verdict == "proved":
        terms = result.terms()
        elementals = [(m, key.notation) for key, m in terms if not isinstance(key, Condition)]
        equalities = [(m, key) for key, m in terms if isinstance(key, Condition) and key.equality]
        inequalities = [(m, key) for key, m in terms if isinstance(key, Condition) and not key.equality]
        everything = elementals + [(m, key.notation) for m, key in equalities + inequalities]
        text, tex = _sum(everything)
        reason = "identity of joint entropies"
        if result.copy:
            reason += f"; {result.copy} (copy lemma)"
        steps.append(Step("=", tex, text, None, reason))
        if equalities:
            text, tex = _sum(elementals + [(m, key.notation) for m, key in inequalities])
            by_text: dict[str, list] = {}
            for _, key in equalities:
                by_text.setdefault(key.text, []).append(key)
            given, given_tex = [], []
            for source, keys in by_text.items():
                copy = source == result.copy
                head_tex = latex_text(source) if copy else constraint_latex(source)
                if len(keys) <= 2 and not copy:
                    given.append(f"{source}: {', '.join(map(str, keys))}")
                    shown = ", ".join(f"{notation_latex(k.notation)} = 0" for k in keys)
                    given_tex.append(rf"{head_tex}\text{{: }} {shown}")
                else:
                    given.append(source)
                    given_tex.append(head_tex)
            steps.append(Step("=", tex, text, None, "; ".join(given), r"\text{; }".join(given_tex)))
        if inequalities:
            text, tex = _sum(elementals)
            sources = sorted({key.text for _, key in inequalities})
            given_tex = r"\text{; }".join(constraint_latex(t) for t in sources)
            steps.append(
                Step("≥", tex, text, None, f"given {'; '.join(sources)}", rf"\text{{given }} {given_tex}")
            )
        if everything:
            steps.append(
                Step("≥", "0", "0", None, "each term is a conditional entropy or mutual information")
            )
        return Derivation(claim, steps, sympy.Integer(0), None, lhs_latex=claim_latex)
    at = ""
    if result.values:
        at = " at " + ", ".join(f"{k} = {v}" for k, v in result.values.items())
    if result.counterexample is not None:
        value = info(result.counterexample, claim)
        if result.values:
            value = value.subs(result.values)
        steps.append(
            Step(
                "=",
                to_latex(value),
                to_text(value),
                value,
                f"on the counterexample {result.counterexample.to_dict()}{at}",
            )
        )
        decimals = evaluate(value, DIGITS)
        steps.append(Step("<", "0", "0", None, f"≈ {decimals}"))
        return Derivation(claim, steps, value, str(decimals), lhs_latex=claim_latex)
    witness = result.witness or {}
    shown = ", ".join(f"h({','.join(k)})={v}" for k, v in witness.items())
    h = {result.space.mask(k): v for k, v in witness.items()}
    value = sympy.Integer(0)
    for m, part in (monomial_parts(result.statement) or {sympy.Integer(1): result.statement}).items():
        part_value = result.space.value(result.space.statement_form(part), h)
        value += m.subs(result.values or {}) * sympy.Rational(part_value.numerator, part_value.denominator)
    steps.append(
        Step(
            "=",
            to_latex(value),
            to_text(value),
            value,
            f"at the polymatroid {shown} (not a distribution){at}",
        )
    )
    steps.append(Step("<", "0", "0", None, "so no Shannon-type proof exists"))
    return Derivation(claim, steps, value, None, lhs_latex=claim_latex)
