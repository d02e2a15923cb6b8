"""Information inequalities from the textbooks, decided by prove() and re-checked exactly.

Each case states the book and the result; the verdict, the certificate and any
counterexample are computed by symentropy from the statement alone.
"""

from __future__ import annotations

import pytest
import sympy

from symentropy import Distribution, compare, info, prove

PROVED = [
    # Cover & Thomas, 2nd ed., Theorem 2.8.1 (data-processing inequality)
    ("I(X;Z) <= I(X;Y)", ["X -> Y -> Z"]),
    # Cover & Thomas, 2nd ed., Corollary to Theorem 2.8.1: I(X;Y|Z) <= I(X;Y) for a Markov chain
    ("I(X;Y|Z) <= I(X;Y)", ["X -> Y -> Z"]),
    # Cover & Thomas, 2nd ed., Theorem 2.6.5 (conditioning reduces entropy)
    ("H(X|Y) <= H(X)", []),
    # Cover & Thomas, 2nd ed., Theorem 2.6.6 (independence bound on entropy), four variables
    ("H(X1,X2,X3,X4) <= H(X1) + H(X2) + H(X3) + H(X4)", []),
    # Cover & Thomas, 2nd ed., Theorem 2.5.1 (chain rule for entropy), three variables
    ("H(X,Y,Z) = H(X) + H(Y|X) + H(Z|X,Y)", []),
    # Cover & Thomas, 2nd ed., Theorem 2.5.2 (chain rule for information)
    ("I(X1,X2,X3;Y) = I(X1;Y) + I(X2;Y|X1) + I(X3;Y|X1,X2)", []),
    # Cover & Thomas, 2nd ed., Theorem 17.6.1 (Han's inequality), n = 4, the k = n - 1 term against k = n
    ("H(X1,X2,X3,X4) <= 1/3*H(X2,X3,X4) + 1/3*H(X1,X3,X4) + 1/3*H(X1,X2,X4) + 1/3*H(X1,X2,X3)", []),
    # Shearer's lemma for three variables (Chung, Graham, Frankl & Shearer 1986)
    ("2*H(X,Y,Z) <= H(X,Y) + H(Y,Z) + H(X,Z)", []),
    # submodularity of entropy, the polymatroid axiom (Fujishige 1978)
    ("H(A,B,C) + H(C) <= H(A,C) + H(B,C)", []),
    # Cover & Thomas, 2nd ed., proof of Theorem 2.10.1 (Fano): E a function of (X, Y)
    ("H(X|Y) <= H(E) + H(X|E,Y)", ["H(E|X,Y) = 0"]),
    # Cover & Thomas, 2nd ed., Problem 2.4: a function of X has no more entropy than X
    ("H(Y) <= H(X)", ["H(Y|X) = 0"]),
    # a long Markov chain constrains its ends through a variable named only in the chain
    ("I(X1;X5) <= I(X2;X4)", ["X1 -> X2 -> X3 -> X4 -> X5"]),
    # Cover & Thomas, 2nd ed., Theorem 2.8.1 with groups: X -> (Y,Z) -> W
    ("I(X;W) <= I(X;Y,Z)", ["X -> (Y,Z) -> W"]),
    # independence: I(X;Y) = 0 gives H(X,Y) = H(X) + H(Y) (Cover & Thomas, 2nd ed., §2.4)
    ("H(X,Y) = H(X) + H(Y)", ["X _|_ Y"]),
]


@pytest.mark.parametrize(("claim", "given"), PROVED)
def test_textbook_inequalities_are_proved_with_a_checked_certificate(claim, given):
    r = prove(claim, given=given)
    assert r.verdict == "proved" and bool(r)
    assert r.check()
    for part in r.parts or (r,):
        if not part.certificate:
            # an identity of joint entropies needs no inequality: rhs - lhs is identically 0
            assert part.space.statement_form(part.statement) == {}
        for key, multiplier in part.certificate.items():
            assert isinstance(multiplier, sympy.Rational)
            if not getattr(key, "equality", False):
                assert multiplier > 0


REFUTED = [
    # Cover & Thomas, 2nd ed., §2.8 after Corollary 2.8.1: without the Markov chain I(X;Y|Z) may
    # exceed I(X;Y); X, Y independent fair bits and Z = X + Y (mod 2)
    ("I(X;Y|Z) <= I(X;Y)", []),
    # ... and may be smaller: X = Y = Z
    ("I(X;Y) <= I(X;Y|Z)", []),
    # pairwise independence is not independence (the same exclusive or)
    ("H(X,Y,Z) = H(X) + H(Y) + H(Z)", ["X ⊥ Y", "X ⊥ Z", "Y ⊥ Z"]),
    # the reverse of the data-processing inequality
    ("I(X;Y) <= I(X;Z)", ["X -> Y -> Z"]),
]


@pytest.mark.parametrize(("claim", "given"), REFUTED)
def test_false_claims_are_refuted_by_a_real_distribution(claim, given):
    r = prove(claim, given=given)
    assert r.verdict == "refuted" and not r
    assert isinstance(r.counterexample, Distribution)
    assert r.check()


def test_the_exclusive_or_is_the_counterexample_of_cover_and_thomas():
    # Cover & Thomas, 2nd ed., §2.8: X, Y independent fair bits, Z = X + Y mod 2 gives
    # I(X;Y) = 0 < I(X;Y|Z) = 1; the prover finds a distribution with that violation
    r = prove("I(X;Y|Z) <= I(X;Y)")
    d = r.counterexample
    assert info(d, "I(X;Y)") == 0 and info(d, "I(X;Y|Z)") == 1


def test_ingleton_is_refuted_by_a_four_variable_distribution():
    # Ingleton (1971): holds for ranks of linear spaces, fails for some distributions
    claim = "I(A;B) <= I(A;B|C) + I(A;B|D) + I(C;D)"
    r = prove(claim)
    assert r.verdict == "refuted"
    d = r.counterexample
    assert d.names == ("A", "B", "C", "D")
    # decided again here, independently of the prover's own check
    assert compare(info(d, "I(A;B)"), info(d, "I(A;B|C) + I(A;B|D) + I(C;D)")) > 0
    assert r.check()


ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_zhang_yeung_is_not_shannon_type_and_never_called_refuted():
    # Zhang & Yeung (1998): a true inequality that no Shannon inequality implies
    r = prove(ZHANG_YEUNG)
    assert r.verdict == "not Shannon-type"
    assert r.counterexample is None and r.witness is not None
    assert r.check()


def test_zhang_yeung_is_proved_with_one_copy_lemma_step():
    # Zhang & Yeung (1998); the copy-lemma proof of Dougherty, Freiling & Zeger (2011)
    r = prove(ZHANG_YEUNG, copy_lemma=True)
    assert r.verdict == "proved"
    assert "copy" in r.copy
    assert r.check()
