"""Layer 5, calculus: optimisation and sweeps over the measures.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``optimize``           maximize, minimize, max_entropy, with certificates
``sweep``              numpy functions and tables of symbolic results
=====================  ===========================================================

Every public name is re-exported here and, for the layers above the kernel,
from :mod:`symentropy` itself.
"""

from __future__ import annotations

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
]
