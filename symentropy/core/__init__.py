"""Layer 2, the core: the Distribution type and the one numeric gate.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``names``              the one check of variable names; groups of names
``numeric``            the one owner of precision: evaluate, sign, compare,
                       is_zero, check_digits, working_context
``validate``           three-valued checks of cells and totals
``tables``             reading grids, samples and counts
``distribution``       :class:`Distribution`, :func:`uniform`, :func:`independent`
=====================  ===========================================================

Every public name is re-exported here and, for the layers above the kernel,
from :mod:`symentropy` itself.
"""

from __future__ import annotations

from .distribution import (
    Distribution,
    Outcome,
    format_outcome,
    independent,
    latex_label,
    latex_name,
    latex_text,
    uniform,
)
from .names import (
    FORBIDDEN,
    Names,
    as_group,
    check_names,
    name_arguments,
    union,
)
from .numeric import (
    GUARD_DIGITS,
    MAX_DIGITS,
    check_digits,
    compare,
    evaluate,
    is_zero,
    known_sign,
    sign,
    working_context,
)
from .tables import (
    Pairs,
    read_counts,
    read_grid,
    read_samples,
)
from .validate import (
    check_probability,
    check_total,
    require_decided,
    sum_probabilities,
    total_of,
)

__all__ = [
    "check_names",
    "as_group",
    "name_arguments",
    "union",
    "Names",
    "FORBIDDEN",
    "evaluate",
    "compare",
    "sign",
    "is_zero",
    "known_sign",
    "check_digits",
    "working_context",
    "MAX_DIGITS",
    "GUARD_DIGITS",
    "check_probability",
    "check_total",
    "sum_probabilities",
    "total_of",
    "require_decided",
    "read_grid",
    "read_samples",
    "read_counts",
    "Pairs",
    "Distribution",
    "uniform",
    "independent",
    "Outcome",
    "format_outcome",
    "latex_name",
    "latex_text",
    "latex_label",
]
