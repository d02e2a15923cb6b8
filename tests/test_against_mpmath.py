"""Every measure against an independent plain-mpmath implementation, on hostile exact tables.

Random tables of 2 to 4 variables, drawn in four regimes: small weights, weights up to 10**30,
64-bit rationals, and nearly independent tables (a product table moved by 10**-20 to 10**-60).
For each, the values computed by symentropy are

- evaluated to 50 digits by ``evaluate`` and compared, digit for digit, with the value computed
  here directly from the definitions in a private mpmath context, rounded once, ties to even
  (``evaluate`` promises correct rounding).  The reference cancels as badly as the definitions
  do (a mutual information of 1e-120 is a difference of entropies near 1), so it is computed at
  doubling precision until two runs round to the same digits;
- checked against the identities of information theory *structurally* (``==`` on the sympy
  expressions): symentropy writes every result of one distribution over one basis, so equal
  values are equal expressions (docs/design.md, "Exactness and canonical forms").
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal
from fractions import Fraction

import mpmath
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symentropy import (
    Distribution,
    co_information,
    compare,
    entropy,
    evaluate,
    mutual_information,
    renyi_entropy,
    total_correlation,
)
from tests.support import correctly_rounded

DIGITS = 50
REF = mpmath.mp.clone()


# -- tables ------------------------------------------------------------------------------------
@st.composite
def tables(draw):
    n = draw(st.integers(2, 4))
    cards = [draw(st.integers(2, 3)) for _ in range(n)]
    outcomes = list(itertools.product(*(range(c) for c in cards)))
    regime = draw(st.sampled_from(["small", "1e30", "64-bit", "nearly independent"]))
    rng = random.Random(draw(st.integers(0, 10**9)))
    if regime == "nearly independent":
        marginals = [[Fraction(rng.randint(1, 9)) for _ in range(c)] for c in cards]
        marginals = [[w / sum(m) for w in m] for m in marginals]
        cells = [eval_product(marginals, o) for o in outcomes]
        eps = Fraction(1, 10 ** draw(st.integers(20, 60)))
        i, j = rng.sample(range(len(cells)), 2)
        cells[i] += eps
        cells[j] -= eps
    else:
        if regime == "small":
            weights = [rng.randint(0, 12) for _ in outcomes]
        elif regime == "1e30":
            weights = [rng.randint(1, 10**30) for _ in outcomes]
        else:
            weights = [Fraction(rng.randint(1, 2**62), rng.randint(2**62, 2**63)) for _ in outcomes]
        if not any(weights):
            weights[0] = 1
        total = sum(weights)
        cells = [Fraction(w) / total for w in weights]
    names = tuple(f"X{k}" for k in range(1, n + 1))
    table = {o: sympy.Rational(c.numerator, c.denominator) for o, c in zip(outcomes, cells, strict=True)}
    return Distribution(table, names=names)


def eval_product(marginals, outcome) -> Fraction:
    value = Fraction(1)
    for m, v in zip(marginals, outcome, strict=True):
        value *= m[v]
    return value


# -- the independent implementation --------------------------------------------------------------
def cells_of(d: Distribution) -> dict[tuple, Fraction]:
    return {o: Fraction(int(p.p), int(p.q)) for o, p in d.items()}


def ref_entropy(d: Distribution, names: tuple[str, ...]):
    """-sum p log2 p of the marginal of ``names``, from the cells (0 log 0 = 0)."""
    if not names:
        return REF.zero
    positions = [d.names.index(n) for n in names]
    marginal: dict[tuple, Fraction] = {}
    for o, p in cells_of(d).items():
        key = tuple(o[i] for i in positions)
        marginal[key] = marginal.get(key, Fraction(0)) + p
    total = REF.zero
    for p in marginal.values():
        if p:
            x = REF.mpf(p.numerator) / p.denominator
            total -= x * REF.log(x)
    return total / REF.log(2)


def ref_information(d, a, b, given=()):
    h = ref_entropy
    return h(d, (*a, *given)) + h(d, (*b, *given)) - h(d, (*a, *b, *given)) - h(d, tuple(given))


def ref_mutual_information_direct(d, x, y):
    """sum p(x,y) log2(p(x,y) / (p(x) p(y))): a second, independent formula."""
    i, j = d.names.index(x), d.names.index(y)
    joint: dict[tuple, Fraction] = {}
    for o, p in cells_of(d).items():
        joint[(o[i], o[j])] = joint.get((o[i], o[j]), Fraction(0)) + p
    px: dict = {}
    py: dict = {}
    for (u, v), p in joint.items():
        px[u] = px.get(u, Fraction(0)) + p
        py[v] = py.get(v, Fraction(0)) + p
    total = REF.zero
    for (u, v), p in joint.items():
        if p:
            ratio = p / (px[u] * py[v])  # exact: no cancellation in the reference either
            weight = REF.mpf(p.numerator) / p.denominator
            total += weight * REF.log(REF.mpf(ratio.numerator) / ratio.denominator)
    return total / REF.log(2)


def rounded(x, digits: int = DIGITS) -> Decimal:
    """``x`` rounded once to ``digits`` significant digits, ties to even, from its exact binary value."""
    return correctly_rounded(x, digits)


def settled(reference, *args) -> Decimal:
    """``reference(*args)`` rounded to DIGITS, at doubling precision until two runs agree.

    A value lost in the noise of its precision reads as unknown, not as zero; zero is accepted
    only when it is still lost at the highest precision (far below anything a table here makes).
    """
    previous = None
    for dps in (60, 120, 240, 480, 960):
        REF.dps = dps
        value = reference(*args)
        digits = rounded(value) if abs(value) > REF.mpf(10) ** (DIGITS - dps) else None
        if digits is not None and digits == previous:
            return digits
        previous = digits
    if previous is None:
        return Decimal(0)
    raise AssertionError(f"the reference did not settle for {args}")


def same_digits(value: sympy.Expr, reference, *args) -> bool:
    got = evaluate(value, DIGITS)
    expected = settled(reference, *args)
    if got.is_zero:
        return expected == 0
    return Decimal(str(got)) == expected


# -- the checks ----------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(tables())
def test_values_are_correctly_rounded(d):
    names = d.names
    for r in range(1, len(names) + 1):
        for group in itertools.combinations(names, r):
            assert same_digits(entropy(d, *group), ref_entropy, d, group), group
    x, y = names[0], names[1]
    info = mutual_information(d, x, y)
    assert same_digits(info, ref_information, d, (x,), (y,))
    assert same_digits(info, ref_mutual_information_direct, d, x, y)
    assert compare(info, 0) >= 0
    if len(names) >= 3:
        z = names[2]
        conditional = mutual_information(d, x, y, given=z)
        assert same_digits(conditional, ref_information, d, (x,), (y,), (z,))


@settings(max_examples=40, deadline=None)
@given(tables())
def test_identities_hold_structurally(d):
    names = d.names
    x, y = names[0], names[1]
    h_x, h_y, h_xy = entropy(d, x), entropy(d, y), entropy(d, x, y)
    info = mutual_information(d, x, y)
    assert info == h_x + h_y - h_xy
    assert info == h_x - entropy(d, x, given=y)
    assert h_xy == h_x + entropy(d, y, given=x)
    assert total_correlation(d, *names) == sum(entropy(d, n) for n in names) - entropy(d)
    if len(names) >= 3:
        z = names[2]
        conditional = mutual_information(d, x, y, given=z)
        assert conditional == entropy(d, x, given=z) - entropy(d, x, given=(y, z))
        assert co_information(d, x, y, z) == info - conditional


@settings(max_examples=20, deadline=None)
@given(tables())
def test_renyi_entropy_of_order_two(d):
    # H_2 = -log2 sum p**2, from the cells directly
    total = sum(p * p for p in cells_of(d).values())

    def reference():
        return -REF.log(REF.mpf(total.numerator) / total.denominator) / REF.log(2)

    assert same_digits(renyi_entropy(d, 2), reference)
