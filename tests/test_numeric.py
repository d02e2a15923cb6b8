"""Numerical evaluation with correct digits, and exact comparison.

Reference values are computed here, independently of symentropy, with an
mpmath context of our own at (at least) twice the digits asked for, straight
from the table of probabilities, and rounded by mpmath's or Python's decimal
rounding.
"""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import E, Symbol, exp, log, pi, sqrt
from sympy import Rational as R

from symentropy import (
    Distribution,
    InexactInputError,
    InvalidDigitsError,
    ParseError,
    UndecidedError,
    entropy,
    independent,
    mutual_information,
    uniform,
)
from symentropy.kernel.numeric import compare, evaluate, is_zero
from tests.support import correctly_rounded as _rounded
from tests.support import joint_distributions, rational_pmfs


# -- independent references ------------------------------------------------------
def _context(dps: int) -> mpmath.MPContext:
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def _same_digits(value: sympy.Float, expected: Decimal) -> bool:
    return Decimal(str(value)) == expected


def _entropy_reference(probs, dps: int, base: int = 2) -> mpmath.mpf:
    ctx = _context(dps)
    total = ctx.mpf(0)
    for p in probs:
        f = Fraction(str(p))
        if f:
            x = ctx.mpf(f.numerator) / f.denominator
            total -= x * ctx.log(x)
    return total / ctx.log(base)


def _mutual_information_reference(rows, dps: int) -> mpmath.mpf:
    ctx = _context(dps)
    cells = [[Fraction(str(c)) for c in row] for row in rows]
    row_sums = [sum(r) for r in cells]
    col_sums = [sum(col) for col in zip(*cells, strict=True)]
    total = ctx.mpf(0)
    for i, row in enumerate(cells):
        for j, c in enumerate(row):
            if c:
                ratio = c / (row_sums[i] * col_sums[j])  # exact
                x = ctx.mpf(c.numerator) / c.denominator
                total += x * ctx.log(ctx.mpf(ratio.numerator) / ratio.denominator)
    return total / ctx.log(2)


def _significant_digits(value: sympy.Float) -> int:
    mantissa = str(value).lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


# -- correct digits ---------------------------------------------------------------
def nearly_independent(k: int) -> list[list[Fraction]]:
    """A 2x2 table within 10**-k of the uniform product table."""
    quarter, eps = Fraction(1, 4), Fraction(1, 10**k)
    return [[quarter, quarter], [quarter - eps, quarter + eps]]


@pytest.mark.parametrize("k", [5, 30, 100], ids=lambda k: f"eps=1e-{k}")
@pytest.mark.parametrize("digits", [15, 50])
def test_severe_cancellation_mutual_information(k, digits):
    rows = nearly_independent(k)
    value = evaluate(mutual_information(Distribution.from_table(rows, names=("Y", "X")), "X", "Y"), digits)
    # I is about eps**2 while its terms are about 1: the reference needs
    # 2*k more digits on top of twice the digits asked for.
    reference = _mutual_information_reference(rows, 2 * digits + 2 * k + 10)
    assert _same_digits(value, _rounded(reference, digits))
    assert _significant_digits(value) == digits


def test_cancellation_in_a_weakly_dependent_3x3_table():
    ninth, eps = Fraction(1, 9), Fraction(1, 10**40)
    rows = [
        [ninth + eps, ninth, ninth - eps],
        [ninth, ninth, ninth],
        [ninth - eps, ninth, ninth + eps],
    ]
    value = evaluate(mutual_information(Distribution.from_table(rows, names=("Y", "X")), "X", "Y"), 40)
    assert _same_digits(value, _rounded(_mutual_information_reference(rows, 200), 40))


@settings(max_examples=30, deadline=None)
@given(d=joint_distributions(min_vars=2, max_vars=3, max_card=3), digits=st.integers(1, 60))
def test_entropy_digits_match_an_independent_computation(d, digits):
    value = evaluate(entropy(d), digits)
    cells = [Fraction(str(p)) for p in d.probabilities if p]
    if all(c.numerator == 1 and c.denominator.bit_count() == 1 for c in cells):
        # every cell is 1/2**k: H = sum k/2**k bits exactly, which may be a tie (1.5 to one digit)
        exact = sum(c * (c.denominator.bit_length() - 1) for c in cells)
        if exact == 0:
            assert value.is_Float and value.is_zero
            return
        expected = Context(prec=digits, rounding=ROUND_HALF_EVEN).divide(exact.numerator, exact.denominator)
        assert _same_digits(value, expected)
        return
    reference = _entropy_reference(d.probabilities, 2 * digits + 20)
    assert _same_digits(value, _rounded(reference, digits))


@pytest.mark.parametrize("digits", [1, 7, 15, 50, 200])
def test_result_is_a_float_with_exactly_the_digits_asked_for(digits):
    value = evaluate(entropy(uniform(6)), digits)
    assert isinstance(value, sympy.Float)
    assert _significant_digits(value) == digits
    assert value._prec == mpmath.libmp.dps_to_prec(digits)


@pytest.mark.parametrize(
    "value, digits",
    [
        (R(5, 2), 1),
        (R(7, 2), 1),
        (R(-5, 2), 1),
        (R(15, 100), 1),
        (R(25, 1000), 1),
        (R(125, 1), 2),
        (R(1, 3), 20),
        (R(2, 3), 5),
        (R(-22, 7), 30),
        (R(10**40 + 1, 10**20), 25),
        (R(67108864, 1000000007), 1),  # 0.0671...: the exponent is chosen before rounding
        (R(99999, 1000000), 3),  # 0.099999 carries to 0.100
    ],
    ids=str,
)
def test_rationals_are_rounded_half_to_even(value, digits):
    context = Context(prec=digits, rounding=ROUND_HALF_EVEN)
    exact = Context(prec=400).divide(Decimal(int(value.p)), Decimal(int(value.q)))
    assert _same_digits(evaluate(value, digits), context.plus(exact))


def test_a_rational_written_with_logarithms_is_rounded_exactly():
    # log(32)/(2 log 2) is exactly 5/2: halfway, so ties-to-even gives 2
    assert _same_digits(evaluate(log(32) / (2 * log(2)), 1), Decimal(2))
    assert _same_digits(evaluate(log(32) / (2 * log(2)) + R(1), 1), Decimal(4))
    assert _same_digits(evaluate(3 * log(3) / log(9), 1), Decimal(2))  # 3/2 -> 2


@settings(max_examples=40, deadline=None)
@given(
    numerator=st.integers(-(10**30), 10**30).filter(bool),
    denominator=st.sampled_from([1, 2, 4, 8, 5, 25, 3, 7, 12, 10**9 + 7, 2**70]),
    digits=st.integers(1, 40),
)
def test_rationals_match_decimal_rounding(numerator, denominator, digits):
    exact = Context(prec=500).divide(Decimal(numerator), Decimal(denominator))
    expected = Context(prec=digits, rounding=ROUND_HALF_EVEN).plus(exact)
    assert _same_digits(evaluate(R(numerator, denominator), digits), expected)


def test_symbolic_results_after_substitution():
    p = Symbol("p")
    h = entropy(Distribution.from_pmf([p, 1 - p]))
    value = evaluate(h.subs(p, R(1, 10)), 40)
    assert _same_digits(value, _rounded(_entropy_reference(["1/10", "9/10"], 100), 40))


def test_other_bases():
    d = Distribution.from_pmf(["1/2", "1/3", "1/6"])
    for base in (E, R(10), R(3), R(1, 2)):
        value = evaluate(entropy(d, base=base), 30)
        ctx = _context(100)
        nats = _entropy_reference(d.probabilities, 100, base=2) * ctx.log(2)
        divisor = ctx.mpf(1) if base == E else ctx.log(ctx.mpf(int(base.p)) / int(base.q))
        assert _same_digits(value, _rounded(nats / divisor, 30))


def test_elementary_expressions_by_interval_arithmetic():
    ctx = _context(120)
    assert _same_digits(evaluate(sqrt(2), 50), _rounded(ctx.sqrt(2), 50))
    ramanujan = exp(pi * sqrt(163)) - 640320**3 - 744  # about -7.5e-13: 30 digits cancel
    reference = ctx.exp(ctx.pi * ctx.sqrt(163)) - 640320**3 - 744
    assert _same_digits(evaluate(ramanujan, 20), _rounded(reference, 20))
    assert _same_digits(evaluate(pi - R(355, 113), 30), _rounded(ctx.pi - ctx.mpf(355) / 113, 30))


def test_infinite_sums_and_special_functions():
    k = Symbol("k", integer=True, positive=True)
    ctx = _context(80)
    basel = sympy.Sum(1 / k**2, (k, 1, sympy.oo))
    assert _same_digits(evaluate(basel, 30), _rounded(ctx.pi**2 / 6, 30))
    assert _same_digits(evaluate(sympy.zeta(3), 30), _rounded(ctx.zeta(3), 30))


def test_exact_zero_gives_float_zero():
    for zero in (
        mutual_information(independent(uniform(3, name="X"), uniform(5, name="Y")), "X", "Y"),
        log(6) - log(2) - log(3),
        sympy.Integer(0),
    ):
        value = evaluate(zero, 25)
        assert value.is_Float and value.is_zero


def test_global_mpmath_precision_is_neither_used_nor_changed():
    saved = mpmath.mp.prec
    try:
        mpmath.mp.dps = 5
        value = evaluate(entropy(uniform(7)), 40)
        assert mpmath.mp.dps == 5
    finally:
        mpmath.mp.prec = saved
    ctx = _context(100)
    assert _same_digits(value, _rounded(ctx.log(7) / ctx.log(2), 40))
    assert mpmath.mp.prec == saved


def test_objects_with_the_evaluation_hook():
    class Bracket:
        def __init__(self, lower, upper):
            self.lower, self.upper = lower, upper

        def _symentropy_evaluate_(self, digits):
            return (evaluate(self.lower, digits), evaluate(self.upper, digits))

    lower, upper = evaluate(Bracket(R(1, 3), log(3) / log(2)), 10)
    assert str(lower) == "0.3333333333" and str(upper) == "1.584962501"


def test_errors():
    p = Symbol("p")
    with pytest.raises(UndecidedError, match="depends on the symbol p"):
        evaluate(entropy(Distribution.from_pmf([p, 1 - p])))
    with pytest.raises(InexactInputError):
        evaluate(0.1)
    with pytest.raises(InvalidDigitsError, match="digits must be an integer from 1 to 1000000, got 0"):
        evaluate(R(1, 3), 0)
    with pytest.raises(InvalidDigitsError, match="digits must be an integer from 1 to 1000000, got 2.5"):
        evaluate(R(1, 3), 2.5)
    with pytest.raises(InvalidDigitsError, match="got True"):
        evaluate(R(1, 3), True)
    with pytest.raises(ValueError, match="not a real number"):
        evaluate(log(-2))
    with pytest.raises(ValueError, match="not a finite number"):
        evaluate(sympy.oo)
    with pytest.raises(UndecidedError):
        compare(p, 1)


# -- exact comparison --------------------------------------------------------------
def test_compare_and_is_zero_on_canonical_forms():
    d = Distribution.from_table([["1/3", "1/6"], ["1/6", "1/3"]], names=("X", "Y"))
    assert compare(entropy(d, "X"), entropy(d, "X", "Y")) == -1
    assert compare(entropy(d, "X", "Y"), entropy(d, "X")) == 1
    assert compare(entropy(d, "X"), 1) == 0
    assert compare(entropy(uniform(6)), 1 + log(3) / log(2)) == 0
    assert compare(entropy(uniform(6)), R(2584962500721156, 10**15)) == 1
    assert is_zero(log(8) / log(2) - 3)
    assert not is_zero(log(3) / log(2) - R(1585, 1000))


def test_equal_values_in_different_bases_and_divisors():
    assert is_zero(log(3) / log(2) - log(9) / log(4))
    assert is_zero(log(3) / log(2) + log(3) / log(R(1, 2)))
    assert is_zero(entropy(uniform(4), base=E) - 2 * log(2))
    assert compare(log(3) / log(2), log(5) / log(3)) == 1  # 1.58... > 1.46...
    assert compare(entropy(uniform(3)), entropy(uniform(3), base=E)) == 1


def test_tiny_differences_are_separated_from_zero():
    # differ by about 1e-600: zero is excluded by raising the precision
    a = log(3) / log(2)
    b = log(3) / log(2) + R(1, 10**600)
    assert compare(a, b) == -1 and compare(b, a) == 1
    rows = nearly_independent(200)
    info = mutual_information(Distribution.from_table(rows, names=("Y", "X")), "X", "Y")
    assert compare(info, 0) == 1 and not is_zero(info)


def test_zero_of_general_expressions_needs_a_proof():
    assert is_zero((1 + sqrt(2)) ** 2 - 3 - 2 * sqrt(2))
    assert compare(sqrt(2) + sqrt(3), sqrt(5 + 2 * sqrt(6))) == 0
    assert compare(pi, R(355, 113)) == -1


def test_zero_of_an_algebraic_number_is_decided_by_its_polynomial():
    # r**3 = r + 1 for the plastic number: the zero is proved by polynomial division, not by
    # evaluating to thousands of digits; a nonzero value nearby keeps its sign.
    x = Symbol("x")
    r = sympy.CRootOf(x**3 - x - 1, 0)
    assert is_zero(r**3 - r - 1)
    assert is_zero((r**5 - r**4 - 1) / (r + 2))  # x**5 - x**4 - 1 = (x**3 - x - 1)(x**2 - x + 1)
    assert compare(r**3, r + 1) == 0
    assert compare(r**3, r + 1 + R(1, 10**80)) == -1
    zero = evaluate(r**3 - r - 1, 20)
    assert zero.is_zero and zero._prec >= 60


def test_huge_primes_are_compared_without_factoring():
    p1, p2 = sympy.nextprime(10**30), sympy.nextprime(10**31)
    assert is_zero(log(p1 * p2) - log(p1) - log(p2))
    assert is_zero(log(p1**2 * p2) / log(2) - 2 * log(p1) / log(2) - log(p2) / log(2))
    assert not is_zero(log(p1 * p2) - log(p1))


def test_mutual_information_of_a_product_with_huge_prime_probabilities_is_exactly_zero():
    p1, p2, p3, p4 = (int(sympy.nextprime(10**k)) for k in (25, 26, 27, 28))
    # cells p_i p_j / ((p1 + p2)(p3 + p4)): numerators above 2**64 that symentropy
    # does not factor; the gcd-free basis must still split p1*p3 and p1*p4
    x = Distribution.from_pmf([R(p1, p1 + p2), R(p2, p1 + p2)], name="X")
    y = Distribution.from_pmf([R(p3, p3 + p4), R(p4, p3 + p4)], name="Y")
    joint = independent(x, y)
    assert mutual_information(joint, "X", "Y") == 0
    info = entropy(joint) - entropy(joint, "X") - entropy(joint, "Y")
    assert is_zero(info)
    reference = _entropy_reference(x.probabilities, 80) + _entropy_reference(y.probabilities, 80)
    assert _same_digits(evaluate(entropy(joint), 30), _rounded(reference, 30))


# -- properties on random distributions --------------------------------------------
def _product_table(a, b):
    return [[pa * pb for pb in b] for pa in a]


@settings(max_examples=25, deadline=None)
@given(a=st.integers(2, 4).flatmap(rational_pmfs), b=st.integers(2, 4).flatmap(rational_pmfs))
def test_mutual_information_of_a_product_distribution_is_exactly_zero(a, b):
    d = Distribution.from_table(_product_table(a, b), names=("X", "Y"))
    info = mutual_information(d, "X", "Y")
    assert is_zero(info) and compare(info, 0) == 0


def _determined(d: Distribution, by: str, target: str) -> bool:
    """True when ``target`` is a function of ``by`` on the support (checked directly)."""
    i, j = d.names.index(by), d.names.index(target)
    seen: dict = {}
    for outcome, p in d.items():
        if p != 0 and seen.setdefault(outcome[i], outcome[j]) != outcome[j]:
            return False
    return True


def _independent(d: Distribution, a: str, b: str) -> bool:
    i, j = d.names.index(a), d.names.index(b)
    pa: dict = {}
    pb: dict = {}
    pab: dict = {}
    for o, p in d.items():
        f = Fraction(str(p))
        pa[o[i]] = pa.get(o[i], 0) + f
        pb[o[j]] = pb.get(o[j], 0) + f
        pab[o[i], o[j]] = pab.get((o[i], o[j]), 0) + f
    return all(pab.get((x, y), 0) == pa[x] * pb[y] for x, y in itertools.product(pa, pb))


@settings(max_examples=40, deadline=None)
@given(d=joint_distributions(min_vars=2, max_vars=2, max_card=3))
def test_ordering_of_entropies_is_decided_exactly(d):
    x, y = d.names
    h_x, h_xy = entropy(d, x), entropy(d, x, y)
    expected = 0 if _determined(d, x, y) else -1
    assert compare(h_x, h_xy) == expected
    assert compare(h_xy, h_x) == -expected
    info = mutual_information(d, x, y)
    assert compare(info, 0) == (0 if _independent(d, x, y) else 1)
    assert is_zero(info) == _independent(d, x, y)


# -- the logarithm table and other enclosures -----------------------------------------
# (the enclosures of logarithms of integers are tested in tests/kernel/test_intervals.py)


def test_a_certified_enclosure_without_the_hook():
    class Enclosure:
        def __init__(self, lower, upper):
            self.lower, self.upper = lower, upper

        def __repr__(self):
            return f"Enclosure({self.lower}, {self.upper})"

    narrow = Enclosure(R(19659713159, 10**11), R(19659713160, 10**11))
    assert str(evaluate(narrow, 8)) == "0.19659713"
    with pytest.raises(UndecidedError, match="only known to lie between"):
        evaluate(narrow, 11)


# -- scale: exact answers for large tables (no timing here; see benchmarks/run.py) -----
def test_a_300_by_300_product_table_has_exactly_zero_information():
    a = [Fraction(w, 45150) for w in range(1, 301)]  # sum of 1..300 is 45150
    b = [Fraction(2 * w - 1, 90000) for w in range(1, 301)]  # odd numbers: sum 300**2
    rows = [[sympy.Rational(x * y) for y in b] for x in a]
    d = Distribution.from_table(rows, names=("X", "Y"))
    assert mutual_information(d, "X", "Y") == 0


def test_the_entropy_of_a_100000_outcome_table_is_right():
    import random

    rng = random.Random(100_000)
    weights = [rng.randint(1, 1000) for _ in range(100_000)]
    total = sum(weights)
    h = entropy(Distribution.from_pmf([R(w, total) for w in weights]))
    # reference: H = log2(T) - (1/T) sum_w count(w) w log2(w), grouped by weight value
    ctx = _context(80)
    counts: dict[int, int] = {}
    for w in weights:
        counts[w] = counts.get(w, 0) + 1
    weighted = sum(c * w * ctx.log(w) for w, c in counts.items())
    reference = (ctx.log(total) - weighted / total) / ctx.log(2)
    assert _same_digits(evaluate(h, 30), _rounded(reference, 30))


def test_cofactors_of_integers_too_large_to_factor():
    from symentropy.kernel.primes import split_integer as _split_integer

    p, q = int(sympy.nextprime(10**25)), int(sympy.nextprime(10**26))
    assert _split_integer(12 * p * q) == ((2, 2), (3, 1), (p * q, 1))  # kept whole: not factored
    big = int(sympy.nextprime(2**40))
    assert _split_integer(big**3) == ((big, 3),)  # a perfect power of a factorable base
    assert _split_integer((p * q) ** 2) == ((p * q, 2),)
    # a distribution over such numbers keeps exact, canonical results
    x = Distribution.from_pmf([R(p, p + q), R(q, p + q)])
    h = entropy(x)
    ctx = _context(100)
    a, b = ctx.mpf(p) / (p + q), ctx.mpf(q) / (p + q)
    assert _same_digits(evaluate(h, 40), _rounded(-(a * ctx.log(a) + b * ctx.log(b)) / ctx.log(2), 40))


def test_ten_thousand_digits_are_correctly_rounded():
    # Python refuses decimal strings of more than 4,300 digits; evaluate builds its Float in binary.
    ctx = _context(10_050)
    h = entropy(uniform(6))  # 1 + log(3)/log(2)
    assert _same_digits(evaluate(h, 10_000), _rounded(1 + ctx.log(3) / ctx.log(2), 10_000))
    probs = [R(1, 2), R(1, 3), R(1, 6)]
    h = entropy(Distribution.from_pmf(probs))  # 2/3 + log(3)/(2 log(2))
    assert _same_digits(evaluate(h, 10_000), _rounded(_entropy_reference(probs, 10_050), 10_000))
    gap = log(2) - log(3)  # negative
    assert _same_digits(evaluate(gap, 10_000), _rounded(ctx.log(2) - ctx.log(3), 10_000))


def test_a_hundred_thousand_digits_are_correctly_rounded():
    nats = entropy(uniform(2), base=E)  # log(2)
    value = evaluate(nats, 100_000)
    assert _same_digits(value, _rounded(+_context(100_050).ln2, 100_000))
    third = evaluate(R(1, 3), 100_000)
    assert str(third) == "0." + "3" * 100_000


@pytest.mark.parametrize("digits", [30, 100, 1000])
def test_entropies_over_many_primes_are_correctly_rounded(digits):
    # weights to 10**6: almost every probability distinct, hundreds of primes, whose logarithms
    # come from nearby primes (low precision) or from p**2 - k**2 (high precision)
    weights = [(k * 7919 + 13) ** 2 % 999_983 + 1 for k in range(300)]
    probs = [R(w, sum(weights)) for w in weights]
    h = entropy(Distribution.from_pmf(probs))
    assert _same_digits(evaluate(h, digits), _rounded(_entropy_reference(probs, digits + 60), digits))
    nats = entropy(Distribution.from_pmf(probs), base=E)
    ctx = _context(digits + 60)
    reference = -ctx.fsum(ctx.mpf(p.p) / p.q * ctx.log(ctx.mpf(p.p) / p.q) for p in probs)
    assert _same_digits(evaluate(nats, digits), _rounded(reference, digits))


def test_a_string_is_a_number_not_an_enclosure():
    assert str(evaluate("1/3", 20)) == "0.33333333333333333333"
    with pytest.raises(ParseError):  # the grammar of probabilities has no functions
        evaluate("log(3)/log(2)", 5)
