"""Layer 5, calculus: optimisation and sweeps over the measures.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``optimize``           maximize, minimize, max_entropy, with certificates
``sweep``              numpy functions and tables of symbolic results
``inequalities``       prove and refute information inequalities, exactly
=====================  ===========================================================

The public names of these modules are re-exported here; the names users
need most are also in :mod:`symentropy` itself.
"""

from __future__ import annotations

from .inequalities import (
    ProofResult,
    Verdict,
    prove,
)
from .optimize import (
    Certificate,
    MaxEntropyResult,
    OptimizationResult,
    max_entropy,
    maximize,
    minimize,
)
from .sweep import (
    numpy_function,
    tabulate,
)

__all__ = [
    "maximize",
    "minimize",
    "max_entropy",
    "OptimizationResult",
    "MaxEntropyResult",
    "Certificate",
    "numpy_function",
    "tabulate",
    "prove",
    "ProofResult",
    "Verdict",
]
