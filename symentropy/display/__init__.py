"""Layer 6, display: unevaluated expressions, LaTeX, derivations, plots, the command line.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``expressions``        ``Entropy(d, "X")`` and friends, evaluated by ``doit()``
``latex``              textbook LaTeX (``\\log_2 3``)
``derivation``         step-by-step derivations
``plotting``           plots (the ``plot`` extra)
``example``            the worked example of ``python -m symentropy``
``cli``                the ``symentropy`` command
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from ..kernel.lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    ".cli": ("main", "read_table"),
    ".derivation": ("Derivation", "Step", "derive"),
    ".example": ("COVER_THOMAS_2_2_1", "worked_example"),
    ".expressions": (
        "ConditionalEntropy",
        "DistributionAtom",
        "Entropy",
        "InformationMeasure",
        "KLDivergence",
        "MutualInformation",
    ),
    ".latex": (
        "TextbookLatexPrinter",
        "format_decimal",
        "init_printing",
        "textbook_latex",
        "to_latex",
        "to_text",
        "unit_name",
    ),
    ".plotting": (
        "plot_binary_entropy",
        "plot_expression",
        "plot_information_diagram",
        "plot_pid_lattice",
        "plot_rate_distortion",
    ),
}

__all__ = [
    "DistributionAtom",
    "InformationMeasure",
    "Entropy",
    "ConditionalEntropy",
    "MutualInformation",
    "KLDivergence",
    "to_latex",
    "to_text",
    "unit_name",
    "format_decimal",
    "TextbookLatexPrinter",
    "textbook_latex",
    "init_printing",
    "derive",
    "Derivation",
    "Step",
    "plot_binary_entropy",
    "plot_expression",
    "plot_information_diagram",
    "plot_rate_distortion",
    "plot_pid_lattice",
    "worked_example",
    "COVER_THOMAS_2_2_1",
    "main",
    "read_table",
]

__getattr__, __dir__ = export(__name__, EXPORTS)
