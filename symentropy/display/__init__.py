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

The public names of these modules are re-exported here; the names users
need most are also in :mod:`symentropy` itself.
"""

from __future__ import annotations

from .cli import (
    main,
    read_table,
)
from .derivation import (
    Derivation,
    Step,
    derive,
)
from .example import (
    COVER_THOMAS_2_2_1,
    worked_example,
)
from .expressions import (
    ConditionalEntropy,
    DistributionAtom,
    Entropy,
    InformationMeasure,
    KLDivergence,
    MutualInformation,
)
from .latex import (
    TextbookLatexPrinter,
    format_decimal,
    init_printing,
    textbook_latex,
    to_latex,
    to_text,
    unit_name,
)
from .plotting import (
    plot_binary_entropy,
    plot_expression,
    plot_information_diagram,
    plot_rate_distortion,
)

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
    "worked_example",
    "COVER_THOMAS_2_2_1",
    "main",
    "read_table",
]
