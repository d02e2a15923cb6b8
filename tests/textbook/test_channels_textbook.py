"""Textbook channels: Cover & Thomas, 2nd ed., chapter 7, and MacKay (2003), chapter 9.

Every channel is built from its transition matrix as the book states it; every
expected value is typed from the book's answer or closed form and compared
exactly with :func:`assert_same`.  Where the book states a general problem and
an instance is chosen here (a rational crossover probability), the comment
says so.  Where the book prints only decimals, the exact closed form is
compared exactly and the decimals to the printed precision.

References: T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
2nd ed., Wiley, 2006 ("Ex." an example in chapter 7, "Pr." a problem at its
end, named by its title).  D. J. C. MacKay, *Information Theory, Inference,
and Learning Algorithms*, Cambridge University Press, 2003.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Rational, Symbol, log

from symentropy.kernel.xlogx import log_form
from symentropy.measures.capacity import CapacityInterval, capacity, capacity_achieving_input
from symentropy.models.channel import (
    Channel,
    additive_noise_channel,
    binary_erasure_channel,
    binary_symmetric_channel,
    cascade,
    channel_product,
    channel_sum,
    erasure_error_channel,
    noisy_typewriter,
    z_channel,
)


def _radicals_over_primes(value: sympy.Expr) -> sympy.Expr:
    """Rewrite every ``n**(a/b)`` (integer ``n``) as a product of prime powers."""

    def split(power: sympy.Pow) -> sympy.Expr:
        exponent = power.exp
        return sympy.Mul(*(sympy.Pow(sympy.Integer(q), k * exponent)
                           for q, k in sympy.factorint(int(power.base)).items()))

    def is_radical(t: sympy.Basic) -> bool:
        return t.is_Pow and t.base.is_Integer and t.base > 1 and t.exp.is_Rational and not t.exp.is_Integer

    return value.replace(is_radical, split)


def _power_of_two(value: sympy.Expr) -> sympy.Expr:
    """``2**value`` for ``value = r + sum_i c_i log(A_i)/log(2)`` (r, c_i rational, A_i > 0)."""
    factors = []
    for term in sympy.Add.make_args(sympy.expand(value)):
        logs = [t for t in sympy.Mul.make_args(term) if isinstance(t, sympy.log) and t.args[0] != 2]
        if not logs:
            factors.append(sympy.Pow(2, term))
            continue
        assert len(logs) == 1, f"unexpected term {term}"
        factors.append(sympy.Pow(logs[0].args[0], sympy.cancel(term / logs[0] * log(2))))
    return _radicals_over_primes(sympy.expand(sympy.Mul(*factors)))


def assert_same(actual: object, expected: sympy.Expr) -> None:
    """Assert that ``actual`` is an exact sympy expression equal to ``expected``.

    Equality is proved structurally; for numbers, by showing that ``2**actual``
    and ``2**expected`` expand to the same sum of products of prime powers
    (``2**(c log2 A) = A**c`` for positive ``A``); for symbolic values, by
    simplifying the difference to 0 once logarithms are expanded
    (``force=True`` is sound: every logarithm here is of a positive number).
    """
    assert isinstance(actual, sympy.Expr), f"{actual!r} is a {type(actual).__name__}, not a sympy Expr"
    assert not isinstance(actual, CapacityInterval)
    assert not actual.atoms(sympy.Float), f"{actual} contains a Float"
    if actual == expected:
        return
    if actual.is_number and expected.is_number:
        difference = sympy.expand(_power_of_two(actual) - _power_of_two(expected))
    else:
        difference = sympy.simplify(sympy.expand_log(sympy.expand(log_form(actual - expected)), force=True))
    assert difference == 0, f"{actual} != {expected} (difference simplifies to {difference})"


def assert_printed(actual: sympy.Expr, printed: str) -> None:
    """Assert that ``actual`` rounds to the decimals the book prints."""
    places = len(printed.partition(".")[2])
    error = abs(sympy.N(actual, 30) - sympy.Rational(printed))
    assert error <= Rational(1, 2 * 10**places), f"{sympy.N(actual, 10)} does not round to {printed}"


def H(*probabilities: sympy.Expr) -> sympy.Expr:
    """Entropy in bits, ``-sum p log2 p``, typed from the definition."""
    return sum((-q * log(q, 2) for q in map(sympy.sympify, probabilities) if q != 0), sympy.Integer(0))


def h(x: sympy.Expr) -> sympy.Expr:
    """The binary entropy function H(x, 1 - x)."""
    return H(x, 1 - x)


p = Symbol("p")
alpha, epsilon, f = sympy.symbols("alpha epsilon f")


# -- Cover & Thomas, chapter 7 -----------------------------------------------------------------

COVER_THOMAS = [
    pytest.param(
        # Ex. 7.1.1: noiseless binary channel, C = 1 bit.
        Channel([[1, 0], [0, 1]]), sympy.Integer(1), id="CT-Ex7.1.1-noiseless-binary",
    ),
    pytest.param(
        # Ex. 7.1.2: noisy channel with nonoverlapping outputs (Figure 7.3), C = 1 bit.
        Channel([["1/2", "1/2", 0, 0], [0, 0, "1/3", "2/3"]], outputs=(1, 2, 3, 4)),
        sympy.Integer(1), id="CT-Ex7.1.2-nonoverlapping-outputs",
    ),
    pytest.param(
        # Ex. 7.1.3: noisy typewriter, 26 letters, each typed as itself or the next with
        # probability 1/2: C = log 13 bits.
        noisy_typewriter(26), log(13, 2), id="CT-Ex7.1.3-noisy-typewriter",
    ),
    pytest.param(
        # Ex. 7.1.4: binary symmetric channel, C = 1 - H(p) bits (eq. 7.13).
        binary_symmetric_channel(p), 1 - h(p), id="CT-Ex7.1.4-BSC",
    ),
    pytest.param(
        # Ex. 7.1.5: binary erasure channel, C = 1 - alpha (eq. 7.17).
        binary_erasure_channel(alpha), 1 - alpha, id="CT-Ex7.1.5-BEC",
    ),
    pytest.param(
        # Section 7.2, the symmetric channel with rows (0.3, 0.2, 0.5), (0.5, 0.3, 0.2),
        # (0.2, 0.5, 0.3); Theorem 7.2.1: C = log |Y| - H(row).
        Channel([["0.3", "0.2", "0.5"], ["0.5", "0.3", "0.2"], ["0.2", "0.5", "0.3"]]),
        log(3, 2) - H(Rational(5, 10), Rational(3, 10), Rational(2, 10)), id="CT-7.2-symmetric",
    ),
    pytest.param(
        # Section 7.2, the weakly symmetric channel with rows (1/3, 1/6, 1/2) and
        # (1/3, 1/2, 1/6); Theorem 7.2.1: C = log |Y| - H(row).
        Channel([["1/3", "1/6", "1/2"], ["1/3", "1/2", "1/6"]]),
        log(3, 2) - H(Rational(1, 2), Rational(1, 3), Rational(1, 6)), id="CT-7.2-weakly-symmetric",
    ),
    pytest.param(
        # Pr. 7.8, the Z channel with matrix (1, 0; 1/2, 1/2); closed form of the Z
        # channel, log2(1 + (1 - p) p^(p/(1 - p))) at p = 1/2: log2(5/4).
        Channel([[1, 0], ["1/2", "1/2"]]), log(Rational(5, 4), 2), id="CT-Pr7.8-Z-channel",
    ),
    pytest.param(
        # Pr. "Erasures and errors in a binary channel": C = (1 - alpha)(1 - H(epsilon/(1 - alpha))).
        erasure_error_channel(alpha, epsilon),
        (1 - alpha) * (1 - h(epsilon / (1 - alpha))), id="CT-Pr-erasures-and-errors",
    ),
    pytest.param(
        # The same problem, part (b): alpha = 0 is the BSC, C = 1 - H(epsilon).
        erasure_error_channel(0, epsilon), 1 - h(epsilon), id="CT-Pr-erasures-and-errors-b",
    ),
    pytest.param(
        # The same problem, part (c): epsilon = 0 is the BEC, C = 1 - alpha.
        erasure_error_channel(alpha, 0), 1 - alpha, id="CT-Pr-erasures-and-errors-c",
    ),
    pytest.param(
        # Pr. "Unused symbols": the matrix (2/3, 1/3, 0; 1/3, 1/3, 1/3; 0, 1/3, 2/3) attains
        # capacity with p = (1/2, 0, 1/2): C = log 3 - H(1/3, 2/3) = 2/3 bit.
        Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]]),
        log(3, 2) - h(Rational(1, 3)), id="CT-Pr-unused-symbols",
    ),
    pytest.param(
        # Pr. "Channel capacity": Y = X + Z (mod 11), Z uniform on {1, 2, 3}: C = log 11 - log 3.
        additive_noise_channel({1: "1/3", 2: "1/3", 3: "1/3"}, inputs=range(11), modulus=11),
        log(11, 2) - log(3, 2), id="CT-Pr-mod-11",
    ),
    pytest.param(
        # Pr. "Using two channels at once": C = C1 + C2; instance chosen here: a BSC
        # with p = 1/4 beside a BEC with alpha = 1/3.
        channel_product(binary_symmetric_channel("1/4"), binary_erasure_channel("1/3")),
        (1 - h(Rational(1, 4))) + (1 - Rational(1, 3)), id="CT-Pr-two-channels-at-once",
    ),
    pytest.param(
        # Pr. "Choice of channels" (the sum of channels): 2^C = 2^C1 + 2^C2; instance
        # chosen here: a BSC with p = 1/4 and a channel with one noiseless symbol (C2 = 0).
        channel_sum(binary_symmetric_channel("1/4"), Channel([[1]])),
        log(2 ** (1 - h(Rational(1, 4))) + 2**0, 2), id="CT-Pr-choice-of-channels",
    ),
]


@pytest.mark.parametrize(("channel", "expected"), COVER_THOMAS)
def test_cover_thomas_capacities(channel: Channel, expected: sympy.Expr):
    assert_same(capacity(channel), expected)


def test_cover_thomas_z_channel_input():
    # Pr. 7.8: the maximizing input of the Z channel (1, 0; 1/2, 1/2) is
    # p(x = 1) = p^(p/(1-p)) / (1 + (1-p) p^(p/(1-p))) at p = 1/2, that is 2/5.
    optimal = capacity_achieving_input(Channel([[1, 0], ["1/2", "1/2"]]))
    assert optimal.to_dict() == {0: Rational(3, 5), 1: Rational(2, 5)}
    assert_printed(capacity(z_channel("1/2")), "0.322")


def test_cover_thomas_unused_symbol_is_unused():
    # Pr. "Unused symbols": the capacity-achieving distribution puts zero on the middle input.
    w = Channel([["2/3", "1/3", 0], ["1/3", "1/3", "1/3"], [0, "1/3", "2/3"]])
    assert capacity_achieving_input(w).to_dict() == {0: Rational(1, 2), 1: 0, 2: Rational(1, 2)}


def test_cover_thomas_cascade_of_bscs():
    # Pr. "Cascade of binary symmetric channels": n identical BSCs in cascade are a BSC
    # with crossover (1 - (1 - 2p)^n)/2; here n = 3.
    w = cascade(*[binary_symmetric_channel(p)] * 3)
    crossover = (1 - (1 - 2 * p) ** 3) / 2
    assert sympy.expand(w[0, 1] - crossover) == 0 and sympy.expand(w[1, 0] - crossover) == 0
    assert sympy.expand(w[0, 0] - (1 - crossover)) == 0
    # and its capacity is 1 - H(crossover), checked at p = 1/4 (crossover 7/16)
    assert_same(capacity(w.subs(p, "1/4")), 1 - h(Rational(7, 16)))


def test_cover_thomas_symmetric_channel_uniform_input():
    # Theorem 7.2.1: the capacity of a (weakly) symmetric channel is achieved by the uniform input.
    w = Channel([["0.3", "0.2", "0.5"], ["0.5", "0.3", "0.2"], ["0.2", "0.5", "0.3"]])
    assert set(capacity_achieving_input(w).probabilities) == {Rational(1, 3)}


# -- MacKay, chapter 9 ---------------------------------------------------------------------------


def test_mackay_bsc_information_for_a_biased_input():
    # Section 9.5: BSC with f = 0.15 and P_X = {0.9, 0.1}:
    # I(X;Y) = H2(0.22) - H2(0.15), printed as 0.15 bits.
    value = binary_symmetric_channel("0.15").mutual_information(["0.9", "0.1"])
    assert_same(value, h(Rational(22, 100)) - h(Rational(15, 100)))
    assert_printed(value, "0.15")


def test_mackay_z_channel_information_for_a_biased_input():
    # Section 9.5: Z channel with f = 0.15 and P_X = {0.9, 0.1}:
    # I(X;Y) = H2(0.085) - 0.1 H2(0.15), printed as 0.36 bits.
    value = z_channel("0.15").mutual_information(["0.9", "0.1"])
    assert_same(value, h(Rational(85, 1000)) - Rational(1, 10) * h(Rational(15, 100)))
    assert_printed(value, "0.36")


def test_mackay_bsc_capacity():
    # Section 9.5: the capacity of the BSC with f = 0.15 is 1 - H2(0.15) = 0.39 bits.
    c = capacity(binary_symmetric_channel("0.15"))
    assert_same(c, 1 - h(Rational(15, 100)))
    assert_printed(c, "0.39")


def test_mackay_z_channel_capacity():
    # Section 9.5: the Z channel with f = 0.15 has its optimum at p1* = 0.445 and
    # C = 0.685 bits; the closed form is log2(1 + (1 - f) f^(f/(1 - f))).
    w = z_channel("0.15")
    c = capacity(w)
    f_ = Rational(15, 100)
    assert_same(c, log(1 + (1 - f_) * f_ ** (f_ / (1 - f_)), 2))
    assert_printed(c, "0.685")
    assert_printed(capacity_achieving_input(w)[1], "0.445")


def test_mackay_binary_erasure_channel():
    # Section 9.5 exercises: the binary erasure channel has capacity 1 - f.
    assert capacity(binary_erasure_channel(f)) == 1 - f


def test_mackay_noisy_typewriter():
    # Section 9.5: the noisy typewriter (27 symbols, each typed as itself or a
    # neighbour with probability 1/3) has capacity log2 9 bits.
    w = noisy_typewriter("ABCDEFGHIJKLMNOPQRSTUVWXYZ-", offsets=(-1, 0, 1))
    assert_same(capacity(w), log(9, 2))
