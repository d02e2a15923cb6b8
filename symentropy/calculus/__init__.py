"""Layer 5, calculus: optimisation and sweeps over the measures.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``optimize``           maximize, minimize, max_entropy, with certificates
``sweep``              numpy functions and tables of symbolic results
``inequalities``       prove and refute information inequalities, exactly
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from ..kernel.lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    ".inequalities": ("ProofResult", "Verdict", "prove"),
    ".optimize": (
        "Certificate",
        "MaxEntropyResult",
        "OptimizationResult",
        "max_entropy",
        "maximize",
        "minimize",
    ),
    ".sweep": ("numpy_function", "tabulate"),
}

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

__getattr__, __dir__ = export(__name__, EXPORTS)
