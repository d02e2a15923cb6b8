"""Prove and refute linear information inequalities, with exact certificates.

:func:`prove` decides whether a linear inequality of Shannon measures follows
from the Shannon inequalities (and the given constraints), exactly:

* **proved**: rational multipliers ``λ >= 0`` of the elemental inequalities
  (and multipliers of the constraints) with ``rhs - lhs = Σ λ_e e + Σ μ_c c``
  as linear forms in the joint entropies: the proof, checked in integer
  arithmetic;
* **refuted**: a distribution, exact, on which the constraints hold and the
  claim fails, decided by the exact comparison;
* **not Shannon-type**: no such multipliers exist (Farkas' lemma gives a
  polymatroid, :attr:`ProofResult.witness`, that meets every Shannon
  inequality and the constraints and violates the claim), and no distribution
  violating it was found.  Such a claim may still be true (Zhang-Yeung);
  ``copy_lemma=True`` tries one step of the copy lemma.

The linear programs are solved by :mod:`symentropy.kernel.simplex`, exact
rational simplex; no floating-point solver takes part in a decision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import Any

import sympy

from ...core.distribution import Distribution
from ...core.names import natural_order
from ...errors import ParseError
from ...kernel.numeric import compare
from ...kernel.simplex import nonnegative_solution
from ...kernel.statements import Independence, MarkovChain, Statement, parse_constraint, parse_statement
from ...measures.info import info
from .result import ProofResult, Verdict
from .search import find_counterexample, holds, searched
from .space import (
    Condition,
    Elemental,
    EntropySpace,
    LinearForm,
    check_shannon,
    copy_conditions,
    difference_text,
    monomial_parts,
    names_in,
)

__all__ = ["prove", "shannon_certificate", "FLOAT_FROM", "SCALE_STEPS"]

#: With scipy installed, its float solver guesses first from this many variables on (the exact
#: simplex alone takes about a second at 6 variables and minutes at 7).
FLOAT_FROM = 6
#: Symbolic coefficients: the values 2**k, k = -SCALE_STEPS .. SCALE_STEPS, are tried for a failing part.
SCALE_STEPS = 64

Given = str | Statement | MarkovChain | Independence


def _parse_given(given: Any) -> list[tuple[str, Statement | MarkovChain | Independence]]:
    if given is None:
        return []
    if isinstance(given, str | Statement | MarkovChain | Independence):
        given = [given]
    if not isinstance(given, Iterable) or isinstance(given, Mapping):
        raise TypeError(f"given= takes a constraint string or a list of them, got {given!r}")
    out = []
    for k, item in enumerate(given):
        if isinstance(item, str):
            out.append((item, parse_constraint(item)))
        elif isinstance(item, Statement | MarkovChain | Independence):
            out.append((str(item), item))
        else:
            raise TypeError(f"given[{k}] must be a constraint string such as 'X -> Y -> Z', got {item!r}")
    return out


def shannon_certificate(
    space: EntropySpace, claim: LinearForm, conditions: Sequence[Condition], *, guess: bool = False
) -> tuple[dict[Elemental | Condition, Fraction] | None, dict[int, Fraction] | None]:
    """Multipliers proving ``claim >= 0``, or a polymatroid violating it.

    Returns ``(certificate, None)`` or ``(None, witness)``; the witness is an
    integer entropy vector ``{mask: value}``.  The LP: columns are the
    elemental forms, each inequality condition, and each equality condition
    twice (``+`` and ``-``); rows are the joint entropies; the right-hand side
    is the claim.  Among the solutions, one with least total weight.
    ``guess=True`` lets scipy's float solver guess first (see
    :func:`symentropy.kernel.simplex.nonnegative_solution`); the answer is
    decided exactly either way.
    """
    elementals = space.elementals()
    columns: list[tuple[Elemental | Condition, int, dict[int, Fraction]]] = [
        (e, 1, dict(e.form)) for e in elementals
    ]
    for c in conditions:
        columns.append((c, 1, dict(c.form)))
        if c.equality:
            columns.append((c, -1, {m: -v for m, v in c.form}))
    masks = list(space.masks())
    matrix = [[col.get(m, Fraction(0)) for _, _, col in columns] for m in masks]
    rhs = [claim.get(m, Fraction(0)) for m in masks]
    result = nonnegative_solution(matrix, rhs, cost=[1] * len(columns), guess=guess)
    if result.feasible:
        assert result.solution is not None
        certificate: dict[Elemental | Condition, Fraction] = {}
        for j, v in result.solution.items():
            key, sign, _ = columns[j]
            total = certificate.get(key, Fraction(0)) + sign * v
            if total:
                certificate[key] = total
            else:
                certificate.pop(key, None)
        return certificate, None
    assert result.farkas is not None
    z = dict(zip(masks, result.farkas, strict=True))
    # scale to coprime integers (a positive multiple of a polymatroid is one)
    scale = math.lcm(*(v.denominator for v in z.values()))
    ints = {m: int(v * scale) for m, v in z.items()}
    g = math.gcd(*ints.values()) or 1
    return None, {m: Fraction(v // g) for m, v in ints.items()}


def _copy_candidates(space: EntropySpace) -> list[tuple[int, int]]:
    """(copied variable, group) pairs, larger groups first."""
    out = []
    for size in range(space.n - 1, 0, -1):
        for i in range(space.n):
            others = [k for k in range(space.n) if k != i]
            for chosen in combinations(others, size):
                out.append((1 << i, sum(1 << k for k in chosen)))
    return out


def _fresh(names: Sequence[str], base: str) -> str:
    candidate = f"{base}_copy"
    k = 2
    while candidate in names:
        candidate = f"{base}_copy{k}"
        k += 1
    return candidate


def _direction(statement: Statement, relation: str) -> Statement:
    return Statement(statement.lhs, relation, statement.rhs, statement.text)


def prove(
    statement: str | Statement,
    given: Given | Sequence[Given] | None = None,
    *,
    on: Distribution | None = None,
    copy_lemma: bool = False,
    search: bool = True,
    float_solver: bool | None = None,
) -> ProofResult:
    """Prove or refute a linear information inequality, exactly.

    Explanation
    ===========

    ``statement`` compares two linear combinations of Shannon measures in
    the notation of :func:`symentropy.info` (``H(X|Y)``, ``I(X;Y|Z)``,
    ``I(X;Y;Z)``; rational coefficients; a side may be ``0``) with ``<=``,
    ``>=`` or ``=``.  ``given`` adds constraints: Markov chains
    ``"X -> Y -> Z"``, independences ``"X ⊥ Y | Z"`` (or ``_|_``) and any
    linear equality or inequality (``"H(Y|X) = 0"``).  The variables are
    those named in the statement and the constraints.

    The answer is one of three verdicts, each with a proof that
    :meth:`ProofResult.check` re-verifies in exact arithmetic:

    * ``"proved"``: the certificate, multipliers of elemental inequalities
      and constraints that sum to ``rhs - lhs``;
    * ``"refuted"``: an exact :class:`~symentropy.Distribution` meeting the
      constraints on which the claim fails;
    * ``"not Shannon-type"``: not a consequence of the Shannon inequalities
      (an exact polymatroid ``witness`` shows it) and no counterexample was
      found: it may be true.  ``copy_lemma=True`` then adds a copy of one
      variable over a group of the others and tries again.

    With ``on=d`` the claim (and each constraint) is evaluated exactly on
    the distribution ``d`` instead: verdict ``"holds"`` or ``"fails"``.

    Examples
    ========

    The data-processing inequality (Cover & Thomas, Theorem 2.8.1):

    >>> from symentropy import prove
    >>> r = prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"])
    >>> print(r.verdict, bool(r), r.check())
    proved True True
    >>> for term, multiplier in r.certificate.items():
    ...     print(multiplier, term)
    1 I(X;Y|Z) >= 0
    -1 I(X;Z|Y) = 0

    Conditioning can increase mutual information, and the exclusive or
    shows it:

    >>> r = prove("I(X;Y|Z) <= I(X;Y)")
    >>> print(r.verdict)
    refuted
    >>> r.counterexample.to_dict()
    {(0, 0, 0): 1/4, (0, 1, 1): 1/4, (1, 0, 1): 1/4, (1, 1, 0): 1/4}

    Parameters
    ==========

    statement : str
        The claim.
    given : str or list of str, optional
        Constraints.
    on : Distribution, optional
        Evaluate the claim on this distribution instead of proving it.
    copy_lemma : bool
        When the claim is not Shannon-type, try one copy-lemma step.
    search : bool
        Look for a counterexample distribution when the claim is not proved
        (default ``True``).
    float_solver : bool or None
        Let scipy's HiGHS solver guess the certificate or the witness first,
        which is then checked exactly (a wrong guess is dropped and the exact
        simplex decides).  ``None`` (default): when scipy is installed
        (``pip install ".[lp]"``) and there are :data:`FLOAT_FROM` variables or
        more.  The verdict never depends on it.

    Raises
    ======

    ParseError
        When the statement or a constraint is not in the grammar, or uses a
        measure that is not linear in the joint entropies (a Rényi entropy,
        an event, a divergence), naming the part.
    """
    text = statement if isinstance(statement, str) else str(statement)
    parsed = parse_statement(statement) if isinstance(statement, str) else statement
    if not isinstance(parsed, Statement):
        raise TypeError(f"prove() takes a statement string such as 'I(X;Z) <= I(X;Y)', got {statement!r}")
    constraints = _parse_given(given)
    for item in [parsed, *(c for _, c in constraints)]:
        if isinstance(item, Statement):
            check_shannon(item.lhs)
            check_shannon(item.rhs)
    for text_of, item in constraints:
        if isinstance(item, Statement) and monomial_parts(item) is not None:
            raise ParseError(
                f"the constraint {text_of!r} has a symbolic coefficient; constraints take rational ones"
            )
    names = natural_order(names_in([parsed, *(c for _, c in constraints)]))
    if not names:
        raise ValueError(f"the statement {text!r} names no variable")
    space = EntropySpace(names)
    # every term must be linear before anything else is done
    for part in (monomial_parts(parsed) or {1: parsed}).values():
        space.statement_form(part)
    conditions = [c for t, con in constraints for c in space.conditions(con, t)]
    if on is not None:
        return _on_distribution(parsed, constraints, on)
    guess = space.n >= FLOAT_FROM if float_solver is None else bool(float_solver)
    task = _Task(constraints, conditions, copy_lemma, search, guess)
    if parsed.relation == "=":
        parts = tuple(_prove_direction(space, _direction(parsed, rel), task) for rel in ("<=", ">="))
        verdicts = {p.verdict for p in parts}
        if verdicts == {Verdict.PROVED}:
            verdict = Verdict.PROVED
        elif Verdict.REFUTED in verdicts:
            verdict = Verdict.REFUTED
        else:
            verdict = Verdict.NOT_SHANNON
        failing = next((p for p in parts if p.verdict == verdict), parts[0])
        return ProofResult(
            parsed,
            tuple(t for t, _ in constraints),
            space,
            verdict,
            certificate=None,
            counterexample=failing.counterexample if verdict != Verdict.PROVED else None,
            witness=failing.witness if verdict != Verdict.PROVED else None,
            found_by=failing.found_by if verdict != Verdict.PROVED else "",
            parts=parts,
        )
    return _prove_direction(space, parsed, task)


@dataclass(frozen=True)
class _Task:
    """What every part of one call of :func:`prove` shares."""

    constraints: list[tuple[str, Statement | MarkovChain | Independence]]
    conditions: list[Condition]
    copy_lemma: bool
    search: bool
    guess: bool


def _prove_symbolic(
    space: EntropySpace,
    statement: Statement,
    parts: dict[sympy.Expr, Statement],
    task: _Task,
) -> ProofResult:
    constraints = task.constraints
    given = tuple(t for t, _ in constraints)
    results = {m: _prove_direction(space, part, task) for m, part in parts.items()}
    if all(r.verdict == Verdict.PROVED for r in results.values()):
        return ProofResult(
            statement, given, space, Verdict.PROVED, parts=tuple(results.values()), monomials=tuple(results)
        )
    # A part that fails decides: its symbols set to t, the others 0, for t = 1, 2, 1/2, 4, 1/4, ...
    # Parts refuted by a distribution first, then those with a witness.
    failing = sorted(
        (m for m, r in results.items() if r.verdict != Verdict.PROVED),
        key=lambda m: (results[m].verdict != Verdict.REFUTED, sympy.default_sort_key(m)),
    )
    symbols = sorted(set().union(*(m.free_symbols for m in parts)), key=sympy.default_sort_key)
    claim_form = {m: space.statement_form(p) for m, p in parts.items()}
    scales = [sympy.Integer(1)] + [
        sympy.Integer(2) ** (sign * k) for k in range(1, SCALE_STEPS + 1) for sign in (1, -1)
    ]
    for monomial in failing:
        bad = results[monomial]
        for t in scales:
            values = {x: (t if x in monomial.free_symbols else sympy.Integer(0)) for x in symbols}
            if bad.counterexample is not None:
                d = bad.counterexample
                total = sum(
                    (
                        m.subs(values) * info(d, _form_notation(p))
                        for m, p in parts.items()
                        if _form_notation(p)
                    ),
                    sympy.Integer(0),
                )
                if compare(total, 0) < 0:
                    return ProofResult(
                        statement,
                        given,
                        space,
                        Verdict.REFUTED,
                        counterexample=d,
                        witness=bad.witness,
                        found_by=bad.found_by,
                        values=values,
                    )
            else:
                h = {space.mask(key): Fraction(int(v)) for key, v in (bad.witness or {}).items()}
                total = sum(
                    (m.subs(values) * _rational(space.value(f, h)) for m, f in claim_form.items()),
                    sympy.Integer(0),
                )
                if total < 0:
                    return ProofResult(
                        statement,
                        given,
                        space,
                        Verdict.NOT_SHANNON,
                        witness=bad.witness,
                        found_by=bad.found_by,
                        values=values,
                    )
    # No values found at which a failing part sinks the whole claim: not proved, with the parts.
    return ProofResult(
        statement,
        given,
        space,
        Verdict.NOT_SHANNON,
        parts=tuple(results.values()),
        monomials=tuple(results),
        found_by="not every part is proved, and no values of the symbols were found at which the claim fails",
    )


def _form_notation(part: Statement) -> str:
    """The notation of ``rhs - lhs`` of a part (``lhs - rhs`` for ``>=``), or ``""`` when it is 0."""
    big, small = (part.lhs, part.rhs) if part.relation == ">=" else (part.rhs, part.lhs)
    text = difference_text(big, small)
    return "" if text == "0" else text


def _rational(v: Fraction) -> sympy.Rational:
    return sympy.Rational(v.numerator, v.denominator)


def _prove_direction(
    space: EntropySpace,
    statement: Statement,
    task: _Task,
) -> ProofResult:
    parts = monomial_parts(statement)
    if parts is not None:
        return _prove_symbolic(space, statement, parts, task)
    constraints, conditions, guess = task.constraints, task.conditions, task.guess
    claim = space.statement_form(statement)
    given = tuple(t for t, _ in constraints)
    certificate, witness = shannon_certificate(space, claim, conditions, guess=guess)
    if certificate is not None:
        return ProofResult(statement, given, space, Verdict.PROVED, certificate=certificate)
    assert witness is not None
    counterexample, how = (None, "")
    if task.search:
        counterexample, how = find_counterexample(
            space, claim, conditions, statement, [c for _, c in constraints]
        )
    if counterexample is not None:
        return ProofResult(
            statement,
            given,
            space,
            Verdict.REFUTED,
            witness=witness,
            counterexample=counterexample,
            found_by=how,
        )
    if task.copy_lemma:
        for copied, over in _copy_candidates(space):
            name = _fresh(space.names, space.members(copied)[0])
            wider, extra = copy_conditions(space, copied, over, name)
            found, _ = shannon_certificate(
                wider, claim, [*conditions, *extra], guess=guess or wider.n >= FLOAT_FROM
            )
            if found is not None:
                return ProofResult(
                    statement,
                    given,
                    wider,
                    Verdict.PROVED,
                    certificate=found,
                    copy=extra[0].text,
                    copy_conditions=tuple(extra),
                    copy_spec=(space.members(copied), space.members(over), name),
                )
    note = f"no counterexample among {searched(space.n)}" if task.search else "no counterexample searched for"
    return ProofResult(statement, given, space, Verdict.NOT_SHANNON, witness=witness, found_by=note)


def _on_distribution(
    statement: Statement,
    constraints: list[tuple[str, Statement | MarkovChain | Independence]],
    d: Distribution,
) -> ProofResult:
    if not isinstance(d, Distribution):
        raise TypeError(f"on= takes a Distribution, got {type(d).__name__}")
    space = EntropySpace(d.names)
    lhs = info(d, statement.lhs) if statement.lhs.terms else sympy.Integer(0)
    rhs = info(d, statement.rhs) if statement.rhs.terms else sympy.Integer(0)
    order = compare(lhs, rhs)
    ok = {"<=": order <= 0, ">=": order >= 0, "=": order == 0}[statement.relation]
    unmet = tuple(t for t, c in constraints if not holds(d, c))
    return ProofResult(
        statement,
        tuple(t for t, _ in constraints),
        space,
        Verdict.HOLDS if ok else Verdict.FAILS,
        on=d,
        sides=(lhs, rhs),
        unmet=unmet,
    )
