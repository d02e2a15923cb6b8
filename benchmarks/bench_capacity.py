"""Benchmark: the certified capacity of a random 10 x 10 channel to 50 digits.

Usage::

    python benchmarks/bench_capacity.py                 # 10 x 10, 50 digits, three seeds
    python benchmarks/bench_capacity.py --digits 30 --size 6 --seeds 1 2
    python benchmarks/bench_capacity.py --cap 120       # give plain Blahut-Arimoto 120 s

For each seed, a channel with rational entries (random integer weights 1..100
per row, normalised) is built, and two methods are timed in this process:

1. ``certified_capacity(channel, digits=D)``: a float warm start, active-set
   Newton on the Kuhn-Tucker equations with precision doubling, and an
   interval-arithmetic certificate (lower and upper bounds at most 10**-D
   apart);
2. plain Blahut-Arimoto at the same working precision, with the same
   primitives, iterated until its bounds ``I(p) <= C <= max_x D(W(.|x) || pW)``
   are as close as the certificate asks, then certified the same way.

The ratio printed is ``time of plain Blahut-Arimoto / time of symentropy``
(above 1: symentropy is faster).  A run of plain Blahut-Arimoto longer than
``--cap`` seconds is stopped and reported as "> cap".
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

import sympy  # noqa: E402

from symentropy.measures.capacity import certified_capacity  # noqa: E402
from symentropy.measures.capacity_numeric import CapacitySolver  # noqa: E402
from symentropy.models.channel import Channel  # noqa: E402


class Capped(BaseException):
    """Raised by the alarm (a BaseException, so no `except Exception` swallows it)."""


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise Capped


def random_channel(size: int, seed: int) -> Channel:
    rng = random.Random(seed)
    rows = []
    for _ in range(size):
        weights = [rng.randint(1, 100) for _ in range(size)]
        rows.append([sympy.Rational(w, sum(weights)) for w in weights])
    return Channel(rows)


def tolerance_in_nats(digits: int) -> Fraction:
    """The gap, in nats, that certified_capacity(..., digits) asks for in bits (see _interval)."""
    ln2_low = Fraction(693147180559945309417232121458, 10**30)  # below log(2)
    return Fraction(1, 10**digits) * ln2_low / 2


def plain_blahut_arimoto(channel: Channel, tolerance: Fraction) -> tuple[int, Fraction, Fraction]:
    """Plain Blahut-Arimoto to a certified gap of ``tolerance`` nats: (iterations, lower, upper)."""
    numeric = CapacitySolver(channel.rows, tolerance)
    ctx = numeric.ctx
    ctx.prec = numeric.target  # the working precision of the certified method's last steps
    p = [ctx.one / numeric.m] * numeric.m
    goal = ctx.mpf(tolerance.numerator) / tolerance.denominator / 4
    d, info, upper = numeric.divergences(p, numeric.distinct)
    iterations = 0
    while True:
        if upper - info < goal:
            solution = numeric.certified(p)
            if solution is not None:
                return iterations, solution.lower, solution.upper
        p = numeric.blahut_arimoto_step(p, d, upper)
        d, info, upper = numeric.divergences(p, numeric.distinct)
        iterations += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=50)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--cap", type=float, default=300.0, help="seconds allowed to plain Blahut-Arimoto")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    print(f"certified capacity of random {args.size} x {args.size} channels to {args.digits} digits")
    certified_capacity(random_channel(2, 0), digits=5)  # warm up: first-use costs are not the method's
    for seed in args.seeds:
        channel = random_channel(args.size, seed)
        start = time.perf_counter()
        result = certified_capacity(channel, digits=args.digits)
        ours = time.perf_counter() - start
        used = sum(1 for v in result.input.probabilities if v != 0)
        print(f"seed {seed}: C in {result}")
        print(f"  symentropy certified_capacity: {ours:8.3f} s  ({used} of {args.size} inputs used,"
              f" width {float(result.width):.1e} bits)")
        signal.setitimer(signal.ITIMER_REAL, args.cap)
        start = time.perf_counter()
        try:
            iterations, _, _ = plain_blahut_arimoto(channel, tolerance_in_nats(args.digits))
        except Capped:
            print(f"  plain Blahut-Arimoto:          > {args.cap:.0f} s (stopped)"
                  f"   ratio > {args.cap / ours:.0f}")
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        theirs = time.perf_counter() - start
        print(f"  plain Blahut-Arimoto:          {theirs:8.3f} s  ({iterations} iterations)"
              f"   ratio {theirs / ours:.1f}")


if __name__ == "__main__":
    main()
