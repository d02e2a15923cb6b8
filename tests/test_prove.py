"""prove(): the API around the verdicts, checks that can fail, bad input, on=, the command line."""

from __future__ import annotations

import pytest
import sympy

from symentropy import Distribution, ParseError, ProofResult, Verdict, prove
from symentropy.calculus.inequalities import EntropySpace, shannon_certificate
from symentropy.display.cli import main

XOR = Distribution(
    {(0, 0, 0): "1/4", (0, 1, 1): "1/4", (1, 0, 1): "1/4", (1, 1, 0): "1/4"}, names=("X", "Y", "Z")
)


def test_the_result_of_a_proof():
    r = prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"])
    assert isinstance(r, ProofResult) and r.verdict is Verdict.PROVED and r.verdict == "proved"
    assert r.counterexample is None and r.witness is None
    assert {str(k): v for k, v in r.certificate.items()} == {"I(X;Y|Z) >= 0": 1, "I(X;Z|Y) = 0": -1}
    assert r.names == ("X", "Y", "Z")
    assert "proved" in repr(r) and "I(X;Y|Z) >= 0" in str(r)


def test_a_tampered_certificate_fails_its_check():
    r = prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"])
    key = next(k for k in r.certificate if str(k) == "I(X;Y|Z) >= 0")
    r.certificate[key] = sympy.Rational(2)
    with pytest.raises(ArithmeticError, match="does not sum to the claim"):
        r.check()
    r.certificate[key] = sympy.Rational(-1)
    with pytest.raises(ArithmeticError, match="negative"):
        r.check()


def test_a_tampered_counterexample_fails_its_check():
    r = prove("I(X;Y|Z) <= I(X;Y)")
    # three copies of one bit: I(X;Y|Z) = 0 <= I(X;Y) = 1, so the claim holds on it
    r.counterexample = Distribution({(0, 0, 0): "1/2", (1, 1, 1): "1/2"}, names=("X", "Y", "Z"))
    with pytest.raises(ArithmeticError, match="does not violate"):
        r.check()


def test_the_witness_is_a_polymatroid_that_violates_the_claim():
    r = prove("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)")
    assert r.verdict == "not Shannon-type" and not r
    assert all(isinstance(v, sympy.Integer) and v >= 0 for v in r.witness.values())
    assert r.check()
    r.witness[("A", "B", "C", "D")] = sympy.Integer(0)  # no longer monotone
    with pytest.raises(ArithmeticError, match="the witness violates"):
        r.check()


def test_shannon_certificate_agrees_with_the_witness_direction():
    space = EntropySpace(("X", "Y"))
    certificate, witness = shannon_certificate(space, space.form("I(X;Y)"), [])
    assert witness is None and {str(k): v for k, v in certificate.items()} == {"I(X;Y) >= 0": 1}
    certificate, witness = shannon_certificate(space, space.form("-I(X;Y)"), [])
    assert certificate is None
    assert space.value(space.form("I(X;Y)"), witness) > 0


def test_an_equality_reports_both_directions():
    r = prove("I(X;Y) = 0")
    assert r.verdict == "refuted"
    assert [p.verdict for p in r.parts] == ["refuted", "proved"]
    assert r.counterexample is not None and r.check()


def test_on_a_distribution_the_claim_is_evaluated_exactly():
    r = prove("I(X;Y|Z) <= I(X;Y)", on=XOR)
    assert r.verdict == "fails" and not r and r.sides == (1, 0) and r.check()
    r = prove("I(X;Y) <= I(X;Y|Z)", on=XOR)
    assert r.verdict == "holds" and r
    r = prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"], on=XOR)
    assert r.unmet == ("X -> Y -> Z",)


def test_the_derivation_reads_like_a_proof():
    d = prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"]).derivation()
    text = str(d)
    assert text.splitlines()[0].startswith("I(X;Y) - I(X;Z) = I(X;Y|Z) - I(X;Z|Y)")
    assert "≥ 0" in text
    latex = d.to_latex()
    assert r"I(X; Y \mid Z)" in latex and r"\geq 0" in latex
    assert prove("I(X;Y|Z) <= I(X;Y)").derivation().steps[-1].relation == "<"


@pytest.mark.parametrize(
    ("claim", "given", "error", "message"),
    [
        ("H(X)*H(Y) <= 1", [], ParseError, r'expected "\+", "-" or the end'),
        ("", [], ParseError, "empty statement"),
        ("H_2(X) <= H(X)", [], ParseError, "H_2\\(X\\) is not a linear function"),
        ("H(X|Y=1) <= H(X)", [], ParseError, "not a linear function"),
        ("D(P||Q) >= 0", [], ParseError, "not a linear function"),
        ("I(X;Y) >= 0", ["X -> Y"], ParseError, "three groups"),
        ("I(X;Y) >= 0", {"X -> Y -> Z": 1}, TypeError, "given= takes"),
        ("I(X;Y) >= 0", [3], TypeError, r"given\[0\] must be a constraint string"),
        (("I(X;Y) >= 0",), [], TypeError, "prove\\(\\) takes a statement string"),
    ],
)
def test_bad_input_is_named(claim, given, error, message):
    with pytest.raises(error, match=message):
        prove(claim, given=given)


def test_too_many_variables_is_refused_clearly():
    claim = " + ".join(f"H(X{i})" for i in range(11)) + " >= 0"
    with pytest.raises(ValueError, match="at most 10"):
        prove(claim)


def test_the_command_line(capsys):
    assert main(["prove", "I(X;Z) <= I(X;Y)", "--given", "X -> Y -> Z"]) == 0
    out = capsys.readouterr().out
    assert "verdict: proved" in out and "I(X;Y|Z)" in out
    assert main(["prove", "I(X;Y|Z) <= I(X;Y)", "--latex"]) == 1
    out = capsys.readouterr().out
    assert "verdict: refuted" in out and r"\begin{align*}" in out
    assert main(["prove", "I(X;Y <= 0"]) == 2
    assert "symentropy: error:" in capsys.readouterr().err


CLAIMS = [
    ("I(X;Z) <= I(X;Y)", ["X -> Y -> Z"], "proved"),
    ("I(X;Y|Z) <= I(X;Y)", [], "refuted"),
    ("H(X1,X2,X3,X4,X5,X6) <= H(X1) + H(X2) + H(X3) + H(X4) + H(X5) + H(X6)", [], "proved"),
    ("H(X1,X2,X3,X4,X5,X6) >= H(X1) + H(X2) + H(X3) + H(X4) + H(X5) + H(X6)", [], "refuted"),
]


@pytest.mark.parametrize(("claim", "given", "verdict"), CLAIMS)
def test_the_float_guess_changes_nothing_but_time(claim, given, verdict):
    pytest.importorskip("scipy")
    exact = prove(claim, given=given, float_solver=False)
    guessed = prove(claim, given=given, float_solver=True)
    assert exact.verdict == guessed.verdict == verdict
    assert guessed.check()


@pytest.mark.parametrize("wrong", [("solution", "zeros"), ("farkas", "ones")])
def test_a_wrong_guess_is_dropped_and_the_exact_simplex_decides(monkeypatch, wrong):
    import symentropy.kernel.simplex as simplex

    kind, values = wrong

    def bad_guess(rows, b, costs):
        n = len(rows[0])
        return kind, ([0.0] * n if values == "zeros" else [1.0] * len(rows))

    monkeypatch.setattr(simplex, "float_guess", bad_guess)
    for claim, given, verdict in CLAIMS[:2]:
        r = prove(claim, given=given, float_solver=True)
        assert r.verdict == verdict and r.check()


def test_symbolic_coefficients_are_proved_part_by_part():
    # nonnegative symbols: the claim holds when each monomial's part does
    r = prove("a*I(X;Z) + b*H(X) <= a*I(X;Y) + b*H(X,Y)", given=["X -> Y -> Z"])
    assert r.verdict == "proved" and r.check()
    assert [str(m) for m in r.monomials] == ["a", "b"]
    assert [p.verdict for p in r.parts] == ["proved", "proved"]
    assert "grouped by the symbolic coefficients" in str(r.derivation())


def test_symbolic_coefficients_are_refuted_at_values_of_the_symbols():
    # the Zhang-Yeung inequality needs its I(C;D|B) term: with coefficient a = 0 it fails
    r = prove("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + a*I(C;D|B)")
    assert r.verdict == "refuted" and r.values == {sympy.Symbol("a"): 0}
    assert r.check()
    # the exclusive or, scaled by a > 0
    r = prove("a*I(X;Y|Z) <= a*I(X;Y)")
    assert r.verdict == "refuted" and r.values[sympy.Symbol("a")] > 0 and r.check()


def test_a_symbolic_coefficient_in_a_constraint_is_refused():
    with pytest.raises(ParseError, match="symbolic coefficient"):
        prove("I(X;Y) >= 0", given=["a*H(X) = 0"])


def test_symbolic_coefficients_are_refuted_at_small_values_too():
    # false only for a < 1: on the exclusive or, a*1 <= a*0 + a*a*1 fails at a = 1/2
    r = prove("a*I(X;Y|Z) <= a*I(X;Y) + a*a*H(X)")
    assert r.verdict == "refuted" and r.values == {sympy.Symbol("a"): sympy.Rational(1, 2)} and r.check()
    assert "a*a*H(X)" in r.claim_text()  # the text parses back
    assert prove("a*a*I(X;Y) >= 0").derivation().steps[-1].relation == "≥"


def test_a_false_claim_under_a_scaling_constraint_is_refuted():
    # the atoms are needed 9 + 1 times: a product of copies realises H(X) = 9 H(Y) exactly
    r = prove("H(Y) <= 0", given=["H(X) = 9*H(Y)"])
    assert r.verdict == "refuted" and r.check()


def test_tampered_parts_and_copies_fail_their_check():
    from symentropy.kernel.statements import parse_statement

    r = prove("H(X) = H(X)")
    r.statement = parse_statement("H(X) = H(Y)")
    with pytest.raises(ArithmeticError, match="two directions"):
        r.check()
    zy = prove("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)", copy_lemma=True)
    zy.copy_conditions = zy.copy_conditions[:-1]
    with pytest.raises(ArithmeticError, match="copy lemma"):
        zy.check()


def test_the_command_line_reports_an_internal_error_apart(monkeypatch, capsys):
    from symentropy.calculus.inequalities import ProofResult

    def broken(self):
        raise ArithmeticError("planted")

    monkeypatch.setattr(ProofResult, "check", broken)
    assert main(["prove", "I(X;Y) >= 0"]) == 3
    assert "internal error: ArithmeticError: planted" in capsys.readouterr().err
