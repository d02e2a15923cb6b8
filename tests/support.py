"""Helpers shared by the tests: exact comparison, correct rounding and hypothesis strategies."""

from __future__ import annotations

import itertools
import math
from decimal import Context, Decimal
from fractions import Fraction

import sympy
from hypothesis import strategies as st

from symentropy import Distribution
from symentropy.kernel.xlogx import log_form


def assert_exact(value: sympy.Expr, expected: sympy.Expr) -> None:
    """Assert that ``value`` is an exact sympy expression equal to ``expected``.

    Equality is proved, not estimated: structural equality, or a difference
    that sympy reduces to exactly 0 after writing ``xlogx(u)`` as ``u*log(u)``
    (equal wherever ``u`` is positive) and expanding logarithms.  ``force=True``
    is valid here because the arguments of the logarithms compared are
    positive rationals, or symbols standing for positive probabilities.
    """
    assert isinstance(value, sympy.Expr), f"{value!r} is not a sympy expression"
    assert not value.has(sympy.Float), f"{value} contains a float"
    assert not value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo), f"{value} is not finite"
    if value == expected:
        return
    difference = sympy.simplify(sympy.expand_log(log_form(sympy.sympify(value - expected)), force=True))
    assert difference == 0, f"{value} != {expected} (difference {difference})"


@st.composite
def rational_pmfs(draw, size: int, *, allow_zero: bool = True, max_weight: int = 12) -> list[sympy.Rational]:
    """``size`` exact rational probabilities summing to 1 (weights / total)."""
    low = 0 if allow_zero else 1
    weights = draw(st.lists(st.integers(low, max_weight), min_size=size, max_size=size))
    if sum(weights) == 0:
        weights[draw(st.integers(0, size - 1))] = 1
    total = sum(weights)
    return [sympy.Rational(w, total) for w in weights]


@st.composite
def joint_distributions(draw, *, min_vars: int = 2, max_vars: int = 4, max_card: int = 3) -> Distribution:
    """A random exact joint distribution over variables ``X1, X2, ...``."""
    n = draw(st.integers(min_vars, max_vars))
    cards = [draw(st.integers(1 if n > 2 else 2, max_card)) for _ in range(n)]
    outcomes = list(itertools.product(*(range(c) for c in cards)))
    probs = draw(rational_pmfs(len(outcomes)))
    names = tuple(f"X{i}" for i in range(1, n + 1))
    return Distribution(dict(zip(outcomes, probs)), names=names)


def fraction_entropy_bits(probs) -> float:
    """An independent float evaluation of -sum p log2 p, for sanity checks."""
    import math

    return -sum(float(Fraction(str(p))) * math.log2(float(Fraction(str(p)))) for p in probs if p != 0)


def correctly_rounded(x, digits: int) -> Decimal:
    """The mpmath number ``x`` rounded once to ``digits`` significant digits, ties to even.

    Integer arithmetic on the exact binary value ``m * 2**e``: the quotient and remainder of
    ``|x| * 10**k`` with ``10**(digits-1) <= |x| * 10**k < 10**digits`` give the digits and
    the rounding (a tie, such as an entropy of 9/4 to 2 digits, rounds to even, as
    ``evaluate`` documents).  No decimal string of a long integer is built, so any number of
    digits works, and quickly.
    """
    sign, man, exp, _ = x._mpf_
    if not man:
        return Decimal(0)
    low, high = 10 ** (digits - 1), 10**digits
    k = digits - 1 - math.floor((exp + man.bit_length() - 1) * math.log10(2))  # off by at most one
    while True:
        numerator = man << max(exp, 0)
        denominator = 1 << max(-exp, 0)
        if k >= 0:
            numerator *= 10**k
        else:
            denominator *= 10**-k
        quotient, remainder = divmod(numerator, denominator)
        if quotient >= high:
            k -= 1
        elif quotient < low:
            k += 1
        else:
            break
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        quotient += 1  # may give 10**digits, which Decimal shows as 1 followed by zeros: the same number
    rounded = Decimal(quotient).scaleb(-k, Context(prec=digits + 1))
    return rounded.copy_negate() if sign else rounded


def assert_two_source_pid(d: Distribution, measure: str, expected: tuple) -> None:
    """Assert an exact decomposition of ``I(X1, X2; Y)``: ``expected`` is (shared, unique 1, unique 2,
    synergy), and the sum rules hold with the mutual informations of ``d``."""
    from symentropy import mutual_information, pid

    shared, u1, u2, syn = expected
    r = pid(d, ("X1", "X2"), "Y", measure=measure)
    assert r.exact
    assert (r.redundancy, r.unique, r.synergy) == (shared, {"X1": u1, "X2": u2}, syn)
    assert sum(r.atoms.values()) == r.total == mutual_information(d, ("X1", "X2"), "Y")
    assert r.redundancy + r.unique["X1"] == mutual_information(d, "X1", "Y")
    assert r.redundancy + r.unique["X2"] == mutual_information(d, "X2", "Y")
