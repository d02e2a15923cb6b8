"""Layer 1, the exact kernel: arithmetic and parsing that know no symentropy type.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``parsing``            the safe grammar of probability strings (no ``eval``)
``exact``              the one gate for user numbers, :func:`as_exact`
``logbase``            the ``base=`` keyword
``primes``             factorisation with bounded work; coprime bases
``simplify``           the one rule for the shortest of equal forms
``logsum``             :class:`LogSum`, exact sums of logarithms, and their
                       canonical expression
``canonical``          canonical forms of numbers with logarithms
``intervals``          outward-rounded interval arithmetic: the one enclosure engine
``notation``           the grammar of textbook notation ``I(X;Y|Z)``
``binary_entropy``     ``h(p)`` as a sympy function
``lambdify``           ``lambdify`` with private mpmath contexts
=====================  ===========================================================

Every public name is re-exported here and, for the layers above the kernel,
from :mod:`symentropy` itself.
"""

from __future__ import annotations

from .binary_entropy import (
    binary_entropy,
)
from .canonical import (
    canonical_number,
    prime_logs,
    tidy_value,
)
from .exact import (
    Exact,
    as_exact,
    safe_sympify,
    symbols_in,
)
from .intervals import (
    GUARD,
    Imprecise,
    Interval,
    Undefined,
    add,
    around,
    common_rounding,
    contains_zero,
    e,
    exact,
    exp,
    inverse,
    log,
    log_of_integer,
    log_of_rational,
    mul,
    neg,
    pi,
    power,
    round_decimal,
    scale,
    sign,
    sub,
    to_fraction,
)
from .lambdify import (
    lambdify,
)
from .logbase import (
    Base,
    as_base,
    log_of_base,
)
from .logsum import (
    LogSum,
    in_base,
    refine_cofactors,
)
from .notation import (
    WORD_DELIMITERS,
    DivergenceTerm,
    EntropyTerm,
    Event,
    InformationTerm,
    Notation,
    Term,
    is_word,
    label_matches,
    parse_notation,
)
from .parsing import (
    parse_expression,
)
from .primes import (
    FACTOR_LIMIT,
    TRIAL_BOUND,
    coprime_basis,
    exponents_over,
    factor_integer,
    smallest_factors,
    split_integer,
    trial_primes,
)
from .simplify import (
    length,
    shortest,
    tidy,
)

__all__ = [
    "parse_expression",
    "as_exact",
    "safe_sympify",
    "symbols_in",
    "Exact",
    "as_base",
    "log_of_base",
    "Base",
    "factor_integer",
    "split_integer",
    "coprime_basis",
    "exponents_over",
    "smallest_factors",
    "trial_primes",
    "FACTOR_LIMIT",
    "TRIAL_BOUND",
    "shortest",
    "tidy",
    "length",
    "LogSum",
    "refine_cofactors",
    "in_base",
    "prime_logs",
    "canonical_number",
    "tidy_value",
    "Interval",
    "Imprecise",
    "Undefined",
    "GUARD",
    "exact",
    "add",
    "neg",
    "sub",
    "mul",
    "scale",
    "inverse",
    "power",
    "log",
    "exp",
    "pi",
    "e",
    "around",
    "contains_zero",
    "sign",
    "to_fraction",
    "log_of_integer",
    "log_of_rational",
    "round_decimal",
    "common_rounding",
    "parse_notation",
    "Notation",
    "EntropyTerm",
    "InformationTerm",
    "DivergenceTerm",
    "Term",
    "Event",
    "WORD_DELIMITERS",
    "is_word",
    "label_matches",
    "binary_entropy",
    "lambdify",
]
