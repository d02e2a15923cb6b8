"""Layer 2, the core: the Distribution type, its names, validation and tables.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``names``              the one check of variable names; groups of names
``validate``           three-valued checks of cells and totals
``tables``             reading grids, samples and counts
``convert``            converters to and from dit, xarray and pandas (optional extras)
``labels``             how labels and names are shown in messages and LaTeX
``distribution``       :class:`Distribution`, :func:`uniform`, :func:`independent`
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from ..kernel.lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    ".convert": (
        "plain_label",
        "read_dit",
        "read_pandas",
        "read_xarray",
        "write_dit",
        "write_pandas",
        "write_xarray",
    ),
    ".distribution": ("Distribution", "Outcome", "independent", "uniform"),
    ".labels": ("format_outcome", "latex_label", "latex_name", "latex_text"),
    ".names": (
        "FORBIDDEN",
        "Names",
        "as_group",
        "check_names",
        "name_arguments",
        "union",
        "unknown_variable",
    ),
    ".tables": ("Pairs", "read_counts", "read_grid", "read_samples"),
    ".validate": ("check_probability", "check_total", "require_decided", "sum_probabilities", "total_of"),
}

__all__ = [
    "check_names",
    "as_group",
    "name_arguments",
    "union",
    "unknown_variable",
    "Names",
    "FORBIDDEN",
    "check_probability",
    "check_total",
    "sum_probabilities",
    "total_of",
    "require_decided",
    "read_grid",
    "read_samples",
    "read_counts",
    "Pairs",
    "read_dit",
    "write_dit",
    "read_xarray",
    "write_xarray",
    "read_pandas",
    "write_pandas",
    "plain_label",
    "Distribution",
    "uniform",
    "independent",
    "Outcome",
    "format_outcome",
    "latex_name",
    "latex_text",
    "latex_label",
]

__getattr__, __dir__ = export(__name__, EXPORTS)
