"""Information inequalities: exact proofs, counterexamples and witnesses.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``space``              joint entropies of named variables, linear forms,
                       elemental inequalities, constraints as forms
``search``             counterexample distributions, checked exactly
``result``             :class:`ProofResult`, :class:`Verdict`
``prover``             :func:`prove`, the exact LP and the copy lemma
=====================  ===========================================================
"""

from __future__ import annotations

from .prover import prove, shannon_certificate
from .result import ProofResult, Verdict
from .space import Condition, Elemental, EntropySpace, copy_conditions

__all__ = [
    "prove",
    "ProofResult",
    "Verdict",
    "EntropySpace",
    "Elemental",
    "Condition",
    "shannon_certificate",
    "copy_conditions",
]
