"""The answer of :func:`~symentropy.prove`: a verdict and the proof that backs it."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from fractions import Fraction
from typing import Any

import sympy

from ...core.distribution import Distribution
from ...kernel.members import ConciseEnumType
from ...kernel.numeric import compare
from ...kernel.statements import Statement, parse_constraint
from ...measures.info import info
from .search import holds, violates
from .space import (
    Condition,
    Elemental,
    EntropySpace,
    LinearForm,
    combine,
    copy_conditions,
    difference_text,
    monomial_parts,
)

__all__ = ["Verdict", "ProofResult"]


class Verdict(StrEnum, metaclass=ConciseEnumType):
    """What :func:`~symentropy.prove` found."""

    PROVED = "proved"
    REFUTED = "refuted"
    NOT_SHANNON = "not Shannon-type"
    HOLDS = "holds"
    FAILS = "fails"


class ProofResult:
    """A verdict on an information inequality, with its exact proof.

    Attributes
    ==========

    statement : Statement
        The claim as parsed (one direction of an ``=`` claim in :attr:`parts`).
    given : tuple of str
        The constraints as given.
    names : tuple of str
        The variables of the problem (with the copy, after a copy-lemma proof).
    verdict : Verdict
        ``"proved"``, ``"refuted"``, ``"not Shannon-type"``; with ``on=``,
        ``"holds"`` or ``"fails"``.
    certificate : dict or None
        When proved: ``{inequality or constraint: Rational multiplier}``.
        The keys print as ``I(X;Y|Z) >= 0`` (an elemental inequality,
        multiplier ``>= 0``) or ``I(X;Z|Y) = 0`` (a constraint; an equality
        may have a negative multiplier).  ``rhs - lhs`` equals the sum of
        multiplier times term, identically in the joint entropies.
    counterexample : Distribution or None
        When refuted: an exact distribution meeting the constraints on which
        the claim fails.
    witness : dict or None
        When not proved: a polymatroid ``{(names...): integer joint entropy}``
        that meets every elemental inequality and constraint and violates
        the claim.
    found_by : str
        How the counterexample was found; when none was, what was searched.
    copy : str
        After a copy-lemma proof, which copy was added.
    parts : tuple of ProofResult
        For an ``=`` claim: the results for ``<=`` and ``>=``; for a claim
        with symbolic coefficients (taken nonnegative), the result for each
        monomial, listed in :attr:`monomials`.
    values : dict or None
        With symbolic coefficients, when not proved: values of the symbols at
        which the counterexample or the witness violates the claim.
    """

    def __init__(
        self,
        statement: Statement,
        given: tuple[str, ...],
        space: EntropySpace,
        verdict: Verdict,
        *,
        certificate: dict[Elemental | Condition, Fraction] | None = None,
        counterexample: Distribution | None = None,
        witness: dict[int, Fraction] | dict[tuple[str, ...], sympy.Integer] | None = None,
        found_by: str = "",
        copy: str = "",
        copy_conditions: tuple[Condition, ...] = (),
        parts: tuple[ProofResult, ...] = (),
        on: Distribution | None = None,
        sides: tuple[sympy.Expr, sympy.Expr] | None = None,
        unmet: tuple[str, ...] = (),
        monomials: tuple[sympy.Expr, ...] = (),
        values: dict[sympy.Symbol, sympy.Integer] | None = None,
        copy_spec: tuple[tuple[str, ...], tuple[str, ...], str] | None = None,
    ):
        self.statement = statement
        self.given = given
        self.space = space
        self.names = space.names
        self.verdict = verdict
        self.certificate = (
            None
            if certificate is None
            else {k: sympy.Rational(v.numerator, v.denominator) for k, v in certificate.items()}
        )
        self.counterexample = counterexample
        if witness and isinstance(next(iter(witness)), int):
            witness = {space.members(m): sympy.Integer(int(v)) for m, v in sorted(witness.items())}  # type: ignore[arg-type]
        self.witness = witness
        self.found_by = found_by
        self.copy = copy
        self.copy_conditions = copy_conditions
        self.parts = parts
        self.on = on
        self.sides = sides
        self.unmet = unmet
        self.monomials = monomials
        self.values = values
        self.copy_spec = copy_spec

    def __bool__(self) -> bool:
        """True when the claim is proved (or, with ``on=``, holds on the distribution)."""
        return self.verdict in (Verdict.PROVED, Verdict.HOLDS)

    def __repr__(self) -> str:
        return f"<ProofResult {self.statement}: {self.verdict}>"

    def __str__(self) -> str:
        lines = [
            f"{self.statement}" + (f"  given {'; '.join(self.given)}" if self.given else ""),
            f"verdict: {self.verdict}",
        ]
        if self.parts:
            labels = [f"coefficient {m}:" for m in self.monomials] or [""] * len(self.parts)
            for label, p in zip(labels, self.parts, strict=True):
                lines += [f"  {label}"] if label else []
                lines += ["  " + line for line in str(p).splitlines()]
        if self.certificate:
            lines.append(f"{self.claim_text()} =")
            for key, multiplier in self.certificate.items():
                lines.append(f"    {multiplier} * [{key}]")
        if self.copy:
            lines.append(f"copy lemma: {self.copy}")
        if self.counterexample is not None:
            lines.append(f"counterexample ({self.found_by}): {self.counterexample.to_dict()}")
        elif self.witness is not None and self.verdict != Verdict.PROVED:
            shown = ", ".join(f"h({','.join(k)})={v}" for k, v in self.witness.items())
            lines.append(f"polymatroid violating it: {shown}")
            if self.found_by:
                lines.append(self.found_by)
        if self.values:
            lines.append("at " + ", ".join(f"{k} = {v}" for k, v in self.values.items()))
        if self.sides is not None:
            lines.append(f"lhs = {self.sides[0]}, rhs = {self.sides[1]}")
        if self.unmet:
            lines.append(f"constraints that do not hold on the distribution: {'; '.join(self.unmet)}")
        return "\n".join(lines)

    def claim_text(self) -> str:
        """The form claimed nonnegative, ``rhs - lhs`` (``lhs - rhs`` for ``>=``), as notation."""
        s = self.statement
        big, small = (s.lhs, s.rhs) if s.relation == ">=" else (s.rhs, s.lhs)
        return difference_text(big, small)

    def _repr_latex_(self) -> str:
        return self.derivation()._repr_latex_()

    # -- checking ------------------------------------------------------------
    def _conditions(self) -> list[Condition]:
        space = self.space
        out = []
        for text in self.given:
            out += space.conditions(parse_constraint(text), text)
        return out + list(self.copy_conditions)

    def _claim(self) -> LinearForm:
        return self.space.statement_form(self.statement)

    def check(self) -> bool:
        """Re-verify the verdict in exact arithmetic; ``True`` or an ``ArithmeticError``.

        * proved: every multiplier of an elemental inequality or of an
          inequality constraint is ``>= 0``, each key is recomputed from its
          notation, and the weighted sum equals ``rhs - lhs`` coefficient by
          coefficient;
        * refuted: the counterexample meets every constraint and violates
          the claim, evaluated exactly;
        * not Shannon-type: the witness meets every elemental inequality and
          constraint and violates the claim;
        * ``on=``: the two sides are evaluated again and compared.
        """
        if self.monomials:
            split = monomial_parts(self.statement) or {}
            forms = {m: self.space.statement_form(p) for m, p in split.items()}
            if set(forms) != set(self.monomials) or [forms.get(m) for m in self.monomials] != [
                self.space.statement_form(p.statement) for p in self.parts
            ]:
                raise ArithmeticError("the parts are not the claim split by monomial")
        elif self.parts:  # an "=" claim: the parts are its two directions
            s = self.statement
            expected = [Statement(s.lhs, rel, s.rhs, s.text) for rel in ("<=", ">=")]
            if [(p.statement.lhs, p.statement.relation, p.statement.rhs) for p in self.parts] != [
                (e.lhs, e.relation, e.rhs) for e in expected
            ]:
                raise ArithmeticError("the parts are not the two directions of the claim")
        if self.parts:
            return all(p.check() for p in self.parts)
        if self.copy_conditions:
            self._check_copy()
        space = self.space
        if self.verdict == Verdict.PROVED:
            assert self.certificate is not None
            conditions = {c: c for c in self._conditions()}
            elementals = {e.notation: e for e in space.elementals()}
            total: LinearForm = {}
            for key, multiplier in self.certificate.items():
                m = Fraction(int(multiplier.p), int(multiplier.q))
                if isinstance(key, Elemental):
                    if elementals.get(key.notation) != key or dict(key.form) != space.form(key.notation):
                        raise ArithmeticError(
                            f"{key} is not an elemental inequality of {', '.join(space.names)}"
                        )
                    if m < 0:
                        raise ArithmeticError(f"the multiplier of {key} is negative")
                elif key in conditions:
                    if not key.equality and m < 0:
                        raise ArithmeticError(f"the multiplier of {key} is negative")
                else:
                    raise ArithmeticError(f"{key} is neither an elemental inequality nor a given constraint")
                total = combine((1, total), (m, dict(key.form)))
            if total != self._claim():
                raise ArithmeticError("the certificate does not sum to the claim")
            return True
        if self.verdict in (Verdict.HOLDS, Verdict.FAILS):
            assert self.on is not None
            lhs = info(self.on, self.statement.lhs) if self.statement.lhs.terms else sympy.Integer(0)
            rhs = info(self.on, self.statement.rhs) if self.statement.rhs.terms else sympy.Integer(0)
            order = compare(lhs, rhs)
            ok = {"<=": order <= 0, ">=": order >= 0, "=": order == 0}[self.statement.relation]
            if ok != (self.verdict == Verdict.HOLDS):
                raise ArithmeticError("the claim evaluates differently on the distribution")
            return True
        if self.values is not None:
            return self._check_symbolic()
        if self.verdict == Verdict.REFUTED:
            assert self.counterexample is not None
            constraints = [parse_constraint(t) for t in self.given]
            if not violates(self.counterexample, self.statement, constraints):
                raise ArithmeticError("the counterexample does not violate the claim under the constraints")
        if self.witness is not None:
            h = self._polymatroid()
            if space.value(self._claim(), h) >= 0:
                raise ArithmeticError("the witness does not violate the claim")
        return True

    def _check_copy(self) -> None:
        """The copy conditions are those of the copy lemma for the recorded copy, rebuilt."""
        if self.copy_spec is None:
            raise ArithmeticError("copy conditions without the copy they describe")
        copied, over, name = self.copy_spec
        if self.names[-1] != name:
            raise ArithmeticError(f"the copy {name} is not the last variable of {', '.join(self.names)}")
        original = EntropySpace(self.names[:-1])
        _, rebuilt = copy_conditions(original, original.mask(copied), original.mask(over), name)
        if tuple(rebuilt) != tuple(self.copy_conditions):
            raise ArithmeticError("the copy conditions are not those of the copy lemma")

    def _polymatroid(self) -> dict[int, Fraction]:
        """The witness as ``{mask: value}``, after checking every elemental inequality and constraint."""
        space = self.space
        h = {space.mask(k): Fraction(int(v)) for k, v in (self.witness or {}).items()}
        for e in space.elementals():
            if space.value(e.form, h) < 0:
                raise ArithmeticError(f"the witness violates {e}")
        for c in self._conditions():
            v = space.value(c.form, h)
            if (c.equality and v != 0) or v < 0:
                raise ArithmeticError(f"the witness violates the constraint {c}")
        return h

    def _check_symbolic(self) -> bool:
        """A failure of a claim with symbolic coefficients, at :attr:`values`."""
        assert self.values is not None
        space = self.space
        parts = monomial_parts(self.statement) or {}
        constraints = [parse_constraint(t) for t in self.given]
        if self.verdict == Verdict.REFUTED:
            d = self.counterexample
            assert d is not None
            if not all(holds(d, c) for c in constraints):
                raise ArithmeticError("the counterexample does not meet the constraints")
            total = sympy.Integer(0)
            for m, part in parts.items():
                big, small = (part.lhs, part.rhs) if part.relation == ">=" else (part.rhs, part.lhs)
                text = difference_text(big, small)
                if text != "0":
                    total += m.subs(self.values) * info(d, text)
            if compare(total, 0) >= 0:
                raise ArithmeticError("the counterexample does not violate the claim at these values")
            return True
        h = self._polymatroid()
        total = sum(
            (
                m.subs(self.values) * sympy.Rational(space.value(space.statement_form(p), h))
                for m, p in parts.items()
            ),
            sympy.Integer(0),
        )
        if total >= 0:
            raise ArithmeticError("the witness does not violate the claim at these values")
        return True

    # -- presentation ------------------------------------------------------
    def terms(self) -> Sequence[tuple[Any, sympy.Rational]]:
        """The certificate's (term, multiplier) pairs: elementals first, then constraints."""
        if not self.certificate:
            return ()
        return sorted(self.certificate.items(), key=lambda kv: (isinstance(kv[0], Condition), str(kv[0])))

    def derivation(self) -> Any:
        """The proof as a :class:`~symentropy.display.derivation.Derivation`: ``.to_latex()`` and so on."""
        from ...display.proof import proof_derivation

        return proof_derivation(self)
