"""Layer 1, the exact kernel: arithmetic and parsing that know no symentropy type.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``parsing``            the safe grammar of probability strings (no ``eval``)
``exact``              the one gate for user numbers, :func:`as_exact`
``logbase``            the ``base=`` keyword
``primes``             factorisation with bounded work; coprime bases
``bigint``             division of very large integers by Newton reciprocals
``simplify``           the one rule for the shortest of equal forms
``logsum``             :class:`LogSum`, exact sums of logarithms, and their
                       canonical expression
``canonical``          canonical forms of numbers with logarithms
``quadratic``          logarithms of quadratic irrationals over one unit per field
``intervals``          outward-rounded interval arithmetic: the one enclosure engine
``numeric``            the one owner of precision and of exact decisions about
                       numbers: evaluate, sign, compare, is_zero, check_digits,
                       working_context
``notation``           the grammar of textbook notation ``I(X;Y|Z)``
``binary_entropy``     ``h(p)`` as a sympy function
``xlogx``              ``x log x``, 0 at 0, as a sympy function
``lambdify``           ``lambdify`` with private mpmath contexts
``members``            what ``dir()`` and ``help()`` of a sympy-based class list
``lazy``               the public names of a package, imported on first use
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from .lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    ".": ("intervals",),
    ".bigint": ("NEWTON_BITS", "floor_divmod", "sticky_ratio"),
    ".binary_entropy": ("binary_entropy",),
    ".canonical": ("canonical_number", "is_log_number", "prime_logs", "tidy_value"),
    ".exact": (
        "Exact",
        "GatedSubs",
        "MAX_DEPTH",
        "as_exact",
        "as_parameter",
        "as_symbols",
        "safe_sympify",
        "substitutions",
        "symbols_in",
    ),
    ".intervals": ("Interval",),
    ".lambdify": ("check_compilable", "lambdify"),
    ".logbase": ("Base", "as_base", "log_of_base"),
    ".logsum": ("LogSum", "in_base", "is_log_term", "is_rational_log", "refine_cofactors"),
    ".members": ("ConciseEnumType", "ConciseFunctionClass", "ConciseMembers", "concise_dir"),
    ".notation": (
        "DELIMITERS",
        "DivergenceTerm",
        "EntropyTerm",
        "Event",
        "InformationTerm",
        "Notation",
        "Term",
        "WORD_DELIMITERS",
        "first_delimiter",
        "is_word",
        "label_matches",
        "parse_notation",
    ),
    ".numeric": (
        "GUARD_DIGITS",
        "MAX_DIGITS",
        "check_digits",
        "compare",
        "evaluate",
        "is_zero",
        "known_sign",
        "sign",
        "working_context",
    ),
    ".parsing": ("parse_expression",),
    ".primes": (
        "FACTOR_LIMIT",
        "TRIAL_BOUND",
        "accumulate_factors",
        "clear_caches",
        "coprime_basis",
        "exponents_over",
        "factor_integer",
        "smallest_factors",
        "split_integer",
        "trial_primes",
    ),
    ".quadratic": ("as_quadratic", "quadratic_logs"),
    ".simplify": ("length", "shortest", "tidy"),
    ".xlogx": ("log_form", "xlogx"),
}

__all__ = [
    "parse_expression",
    "as_exact",
    "as_symbols",
    "safe_sympify",
    "substitutions",
    "symbols_in",
    "as_parameter",
    "GatedSubs",
    "ConciseMembers",
    "ConciseEnumType",
    "ConciseFunctionClass",
    "concise_dir",
    "Exact",
    "MAX_DEPTH",
    "factor_integer",
    "split_integer",
    "accumulate_factors",
    "floor_divmod",
    "sticky_ratio",
    "NEWTON_BITS",
    "coprime_basis",
    "exponents_over",
    "smallest_factors",
    "trial_primes",
    "FACTOR_LIMIT",
    "TRIAL_BOUND",
    "clear_caches",
    "shortest",
    "tidy",
    "length",
    "LogSum",
    "refine_cofactors",
    "in_base",
    "is_log_term",
    "is_rational_log",
    "Interval",
    "evaluate",
    "compare",
    "sign",
    "is_zero",
    "known_sign",
    "check_digits",
    "working_context",
    "MAX_DIGITS",
    "GUARD_DIGITS",
    "as_base",
    "log_of_base",
    "Base",
    "prime_logs",
    "quadratic_logs",
    "as_quadratic",
    "canonical_number",
    "is_log_number",
    "tidy_value",
    "parse_notation",
    "Notation",
    "EntropyTerm",
    "InformationTerm",
    "DivergenceTerm",
    "Term",
    "Event",
    "WORD_DELIMITERS",
    "DELIMITERS",
    "is_word",
    "first_delimiter",
    "label_matches",
    "binary_entropy",
    "xlogx",
    "log_form",
    "lambdify",
    "check_compilable",
    "intervals",
]

__getattr__, __dir__ = export(__name__, EXPORTS)
