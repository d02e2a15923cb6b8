"""Benchmarks of symentropy against naive baselines, all in one process.

Usage::

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # small sizes only, a smoke test
    python benchmarks/run.py --cap 60   # give each naive baseline up to 60 s
    python benchmarks/run.py --gc-off   # pause the garbage collector while timing, as timeit does

Five comparisons and a scaling check, each reported as a ratio ``baseline time / symentropy time``
(above 1: symentropy is faster), measured in this process on the same inputs:

1. exact entropy of an n-outcome random rational distribution against the
   naive sympy build ``-Add(*[p*log(p, 2) for p in probs])``, alone and
   followed by its tidy-up ``expand_log(..., force=True)``;
2. exact mutual information of an n x n table against the same naive build
   (marginals summed by sympy) and against a float implementation in numpy;
3. ``evaluate`` of the entropy of a 10,000-outcome distribution to 30, 100 and
   1,000 digits against a direct mpmath loop over the outcomes, in three regimes
   (few distinct values, weights 1..1,000, weights 1..10^6), one case to 10,000
   digits, and log 2 to 100,000 digits against mpmath's own;
4. a 1,000,000-point numpy sweep of a symbolic result against a hand-written
   numpy expression;
5. ``import symentropy`` against ``import sympy``, each in fresh interpreters
   (``benchmarks/bench_import.py``).

Every timing is cold: each repetition gets freshly built sympy numbers and
starts from empty caches (sympy's and symentropy's), and the best of the
repetitions is kept.  The garbage collector runs during every measurement, as it
does in users' programs (``--gc-off`` pauses it, as ``timeit`` does); the floors
are those with it on.  A naive baseline that runs longer than ``--cap`` seconds is
stopped and reported as "> cap".  See docs/performance.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import platform
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

import bench_import  # noqa: E402  (benchmarks/bench_import.py, beside this script)
import mpmath  # noqa: E402
import numpy as np  # noqa: E402
import sympy  # noqa: E402
import tight  # noqa: E402  (benchmarks/tight.py: the tight baselines)
from bench_capacity import random_channel  # noqa: E402
from sympy.core.cache import clear_cache  # noqa: E402

from symentropy import Distribution, entropy, mutual_information, renyi_entropy  # noqa: E402
from symentropy.calculus.sweep import numpy_function  # noqa: E402
from symentropy.kernel import intervals, logsum  # noqa: E402
from symentropy.kernel.numeric import evaluate  # noqa: E402
from symentropy.measures.capacity import capacity, certified_capacity  # noqa: E402


# -- timing -----------------------------------------------------------------------
class Capped(BaseException):
    """Raised by the alarm; a BaseException, so that sympy's `except Exception` lets it through."""


def _alarm(signum, frame):
    raise Capped


#: Whether the garbage collector is paused inside a measurement (``--gc-off``); by default it
#: runs, as in users' programs.
GC_PAUSED = False


def cold() -> None:
    """Empty every cache that could favour a later run."""
    clear_cache()
    logsum.clear_caches()
    intervals.clear_caches()
    gc.collect()


def timed(run: Callable[[], object], *, prepare: Callable[[], object] | None = None, repeat: int = 5,
          cap: float | None = None) -> float | None:
    """Best time of up to ``repeat`` cold runs of ``run(prepare())``; None if one exceeded ``cap`` seconds.

    Repetitions stop early once they have taken 5 s in all (slow baselines).
    """
    best = None
    spent = 0.0
    for _ in range(repeat):
        if spent > 5:
            break
        argument = prepare() if prepare is not None else None
        cold()
        use_alarm = cap is not None and hasattr(signal, "setitimer")
        if use_alarm:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, cap)
        if GC_PAUSED:
            gc.disable()  # as timeit does: no collection pauses inside a measurement
        start = time.perf_counter()
        try:
            run(argument) if prepare is not None else run()
        except Capped:
            return None
        finally:
            elapsed = time.perf_counter() - start
            if GC_PAUSED:
                gc.enable()
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        best = elapsed if best is None else min(best, elapsed)
        spent += elapsed
    return best


def fmt_time(t: float | None, cap: float | None = None) -> str:
    if t is None:
        return f"> {cap:.0f} s"
    if t >= 1:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.1f} ms"
    return f"{t * 1e6:.0f} us"


def fmt_ratio(base: float | None, ours: float, cap: float | None) -> str:
    if base is None:
        return f"> {cap / ours:.0f}x"
    ratio = base / ours
    return f"{ratio:.1f}x" if ratio < 100 else f"{ratio:.0f}x"


# -- inputs -----------------------------------------------------------------------
def random_weights(n: int, seed: int, high: int = 1000) -> list[int]:
    rng = random.Random(seed)
    return [rng.randint(1, high) for _ in range(n)]


def rationals(weights: list[int]) -> list[sympy.Rational]:
    """Fresh sympy Rationals ``w / sum(w)`` (new objects: no cached assumptions)."""
    total = sum(weights)
    return [sympy.Rational(w, total) for w in weights]


# -- baselines --------------------------------------------------------------------
def naive_entropy(probs: list[sympy.Expr]) -> sympy.Expr:
    return -sympy.Add(*[p * sympy.log(p, 2) for p in probs if p != 0])


def naive_entropy_summed(probs: list[sympy.Expr]) -> sympy.Expr:
    """The build as first written by hand: Python's sum, one Add per term (quadratic)."""
    return -sum(p * sympy.log(p, 2) for p in probs if p != 0)


def naive_entropy_tidied(probs: list[sympy.Expr]) -> sympy.Expr:
    return sympy.expand_log(naive_entropy(probs), force=True)


def square_table(weights: list[int], n: int) -> list[list[sympy.Rational]]:
    cells = rationals(weights)
    return [cells[i * n : (i + 1) * n] for i in range(n)]


def symentropy_mutual_information(table: list[list[sympy.Rational]]) -> sympy.Expr:
    return mutual_information(Distribution.from_table(table, names=("X", "Y")), "X", "Y")


def naive_mutual_information(rows: list[list[sympy.Expr]]) -> sympy.Expr:
    row_sums = [sympy.Add(*r) for r in rows]
    col_sums = [sympy.Add(*c) for c in zip(*rows, strict=True)]
    terms = []
    for i, r in enumerate(rows):
        for j, p in enumerate(r):
            if p != 0:
                terms.append(p * sympy.log(p / (row_sums[i] * col_sums[j]), 2))
    return sympy.Add(*terms)


def numpy_mutual_information(table: np.ndarray) -> float:
    p = table / table.sum()
    outer = np.outer(p.sum(axis=1), p.sum(axis=0))
    mask = p > 0
    return float(np.sum(p[mask] * np.log2(p[mask] / outer[mask])))


def mpmath_entropy_loop(weights: list[int], dps: int) -> mpmath.mpf:
    ctx = mpmath.MPContext()
    ctx.dps = dps
    total = sum(weights)
    h = ctx.mpf(0)
    for w in weights:
        p = ctx.mpf(w) / total
        h -= p * ctx.log(p)
    return h / ctx.log(2)


# -- the four comparisons ---------------------------------------------------------
def bench_entropy(sizes: list[int], cap: float) -> list[tuple]:
    rows = []
    for n in sizes:
        fresh = functools.partial(rationals, random_weights(n, seed=n))
        ours = timed(lambda probs: entropy(Distribution.from_pmf(probs)), prepare=fresh)
        measure = timed(entropy, prepare=lambda fresh=fresh: Distribution.from_pmf(fresh()))
        build = timed(naive_entropy, prepare=fresh, cap=cap)
        tidied = timed(naive_entropy_tidied, prepare=fresh, cap=cap) if build else None
        summed = timed(naive_entropy_summed, prepare=fresh, cap=cap, repeat=1) if n <= 10_000 else None
        rows.append((n, ours, measure, build, tidied, summed))
        print(f"  n = {n:>7,}: symentropy {fmt_time(ours):>9} (the measure alone {fmt_time(measure)})")
        for label, t in (("naive build Add(*terms)", build), ("... + expand_log", tidied),
                         ("naive build sum(terms)", summed)):
            if t is None and label.endswith("sum(terms)") and n > 10_000:
                print(f"      {label:<24} not run (quadratic)")
            else:
                print(f"      {label:<24} {fmt_time(t, cap):>9} -> {fmt_ratio(t, ours, cap):>7}", flush=True)
    return rows


def bench_mutual_information(sizes: list[int], cap: float) -> list[tuple]:
    rows = []
    for n in sizes:
        weights = random_weights(n * n, seed=1000 + n)
        table = functools.partial(square_table, weights, n)
        ours = timed(symentropy_mutual_information, prepare=table)
        build = timed(naive_mutual_information, prepare=table, cap=cap)
        array = np.array(weights, dtype=float).reshape(n, n)
        floats = timed(functools.partial(numpy_mutual_information, array), repeat=7)
        rows.append((n, ours, build, floats))
        print(
            f"  {n:>3} x {n:<3}: symentropy {fmt_time(ours):>9} | naive build {fmt_time(build, cap):>9} -> "
            f"{fmt_ratio(build, ours, cap):>7} | numpy floats {fmt_time(floats):>9} "
            f"(symentropy/numpy = {ours / floats:,.0f})",
            flush=True,
        )
    return rows


def forget_mpmath_constants() -> None:
    """Empty mpmath's caches of ln 2, ln 10, pi and e, so that a baseline computes them as we do."""
    for name in ("ln2_fixed", "ln10_fixed", "pi_fixed", "e_fixed"):
        wrapper = getattr(mpmath.libmp.libelefun, name, None)
        for cell in getattr(wrapper, "__closure__", None) or ():
            inner = cell.cell_contents
            if hasattr(inner, "memo_prec"):
                inner.memo_prec, inner.memo_val = -1, None


#: The regimes of section 3: (label, outcomes, weights 1..high).
DIGIT_REGIMES = (("few distinct values", 8), ("weights 1..1,000", 1000), ("weights 1..10^6", 10**6))


def bench_digits(n: int, digits: int, high: int, label: str, cap: float) -> tuple:
    """evaluate(entropy, digits) against the mpmath loop over the n outcomes, on the same weights."""
    weights = random_weights(n, seed=7, high=high)
    h = entropy(Distribution.from_pmf(rationals(weights)))
    ours = timed(lambda: evaluate(h, digits), repeat=3)

    def loop():
        forget_mpmath_constants()
        return mpmath_entropy_loop(weights, digits)

    loop_time = timed(loop, repeat=3 if digits <= 100 else 1, cap=cap)
    # a sanity check of the digits (not a proof: the loop has no error control)
    check = mpmath_entropy_loop(weights, digits + 20) if loop_time is not None and digits <= 100 else None
    value = evaluate(h, digits)
    agree = check is None or mpmath.libmp.to_str(check._mpf_, digits - 5) == mpmath.libmp.to_str(
        value._mpf_, digits - 5
    )
    terms = len(h.args)
    print(
        f"  {label:<20} n = {n:>6,}, {terms:>5} terms, {digits:>6,} digits: evaluate {fmt_time(ours):>9} | "
        f"mpmath loop {fmt_time(loop_time, cap):>9} -> {fmt_ratio(loop_time, ours, cap):>7}"
        f"{'' if agree else '  DIGITS DISAGREE'}",
        flush=True,
    )
    return (label, n, digits, ours, loop_time)


def bench_log2(digits: int, cap: float) -> tuple:
    """evaluate(log 2, digits) against mpmath's log(2) at the same precision, its constant cache emptied."""
    two = sympy.log(2)
    ours = timed(lambda: evaluate(two, digits), repeat=1)

    def baseline():
        forget_mpmath_constants()
        ctx = mpmath.MPContext()
        ctx.dps = digits
        return ctx.log(2)

    theirs = timed(baseline, repeat=1, cap=cap)
    print(
        f"  log 2 to {digits:,} digits: evaluate {fmt_time(ours):>9} | "
        f"mpmath log(2) {fmt_time(theirs, cap):>9} -> "
        f"{fmt_ratio(theirs, ours, cap):>7}",
        flush=True,
    )
    return ("log 2", 1, digits, ours, theirs)


def bench_sweep(points: int) -> list[tuple]:
    p, q = sympy.symbols("p q")
    x = np.linspace(0.0, 1.0, points)
    rows = []

    h = entropy(Distribution.from_pmf([p, 1 - p]))
    start = time.perf_counter()
    f = numpy_function(p, h)
    compile_time = time.perf_counter() - start

    def hand(x):
        with np.errstate(divide="ignore", invalid="ignore"):
            return -(x * np.log2(x) + (1 - x) * np.log2(1 - x))

    ours = timed(lambda: f(x), repeat=7)
    baseline = timed(lambda: hand(x), repeat=7)
    rows.append(("binary entropy h(p)", ours, baseline, compile_time))

    side = int(round(points**0.5))
    grid_p, grid_q = np.linspace(0, 1, side)[:, None], np.linspace(0, 1, side)[None, :]
    table = [[(1 - q) * p, q * p], [q * (1 - p), (1 - q) * (1 - p)]]
    info = mutual_information(Distribution.from_table(table, names=("X", "Y")), "X", "Y")
    start = time.perf_counter()
    g = numpy_function((p, q), info)
    compile_time = time.perf_counter() - start

    def hand_bsc(p, q):
        with np.errstate(divide="ignore", invalid="ignore"):
            def h2(t):
                return -(t * np.log2(t) + (1 - t) * np.log2(1 - t))
            return h2(p * (1 - q) + (1 - p) * q) - h2(q)

    ours2 = timed(lambda: g(grid_p, grid_q), repeat=5)
    baseline2 = timed(lambda: hand_bsc(grid_p, grid_q), repeat=5)
    rows.append((f"I(X;Y) of a binary channel, {side} x {side} grid", ours2, baseline2, compile_time))
    for name, a, b, c in rows:
        print(
            f"  {name}: numpy_function {fmt_time(a):>9} | hand-written {fmt_time(b):>9} -> "
            f"{a / b:.2f}x the hand-written time (compiling the function: {fmt_time(c)})",
            flush=True,
        )
    return rows


def bench_hostile(quick: bool) -> list[tuple]:
    """Inputs that used to take quadratic time or unbounded factoring, and how their cost grows."""
    rows = []
    sizes = [200, 800] if quick else [400, 1600, 6400]
    times = []
    for n in sizes:
        probs = rationals(random_weights(n, seed=n, high=10**30))
        t = timed(lambda probs=probs: entropy(Distribution.from_pmf(probs)), repeat=1)
        times.append(t)
        print(f"  entropy, n = {n:>5,}, weights to 1e30: {fmt_time(t)}")
    growth = (times[-1] / times[0]) ** (1 / (len(sizes) - 1))  # per factor of 4 in n
    print(f"    growth per 4x outcomes: {growth:.1f}x (linear: 4x, quadratic: 16x)")
    rows.append(("weights to 1e30, growth per 4x outcomes", growth))
    big = int(sympy.nextprime(10**26)) * int(sympy.nextprime(10**27))
    t = timed(lambda: entropy(Distribution.from_pmf(rationals([1] * 6)), base=big), repeat=1)
    print(f"  entropy in base p*q (27-digit primes, not factored): {fmt_time(t)}")
    t = timed(lambda: renyi_entropy(Distribution.from_pmf(rationals([1, 1])), 10**5), repeat=1)
    print(f"  Renyi entropy of order 100,000 of a fair bit: {fmt_time(t)}")
    probs = rationals(random_weights(200, seed=200))
    t = timed(lambda: renyi_entropy(Distribution.from_pmf(probs), sympy.Rational(1, 2)), repeat=1)
    print(f"  Renyi entropy of order 1/2, n = 200: {fmt_time(t)}")
    return rows


# -- every regime: the naive build and the tight baseline ------------------------------
REGIMES = (("few distinct values (weights 1..10)", 10), ("weights 1..1,000", 1000),
           ("weights 1..1,000,000", 10**6))


def bench_regimes(quick: bool, cap: float) -> list[tuple]:
    """Entropy and mutual information in each regime against the tight baseline (and the naive build).

    Rows ``(kind, regime, size, ours, tight, naive)``; naive only for entropy at n = 1,000.
    """
    tight.smallest_factors()  # the baseline's table, built once as a program would
    rows = []
    for label, high in REGIMES:
        print(f"  {label}")
        for n in [1000] if quick else [1000, 100_000, 1_000_000]:
            fresh = functools.partial(rationals, random_weights(n, seed=n, high=high))
            ours = timed(lambda probs: entropy(Distribution.from_pmf(probs)), prepare=fresh)
            base = timed(tight.tight_entropy, prepare=fresh)
            naive = timed(naive_entropy, prepare=fresh, cap=cap) if n == 1000 else None
            rows.append(("entropy", high, n, ours, base, naive))
            extra = ""
            if n == 1000:
                extra = f" | naive build {fmt_time(naive, cap)} -> {fmt_ratio(naive, ours, cap)}"
            print(f"    entropy, n = {n:>9,}: symentropy {fmt_time(ours):>9} | tight {fmt_time(base):>9} "
                  f"-> {ours / base:.2f}x its time{extra}", flush=True)
        for n in [30] if quick else [300, 1000]:
            table = functools.partial(square_table, random_weights(n * n, seed=1000 + n, high=high), n)
            ours = timed(symentropy_mutual_information, prepare=table)
            base = timed(tight.tight_mutual_information, prepare=table)
            rows.append(("mutual information", high, n, ours, base, None))
            print(f"    I(X;Y), {n:>4} x {n:<4}: symentropy {fmt_time(ours):>9} | tight {fmt_time(base):>9} "
                  f"-> {ours / base:.2f}x its time", flush=True)
    return rows


def bench_capacity(quick: bool) -> list[tuple]:
    """``capacity()`` against ``certified_capacity()`` on random channels with no closed form."""
    rows = []
    for size in [10] if quick else [10, 50]:
        ours = certified = 0.0
        for seed in (1, 2, 3):
            fresh = functools.partial(random_channel, size, seed)
            ours += timed(capacity, prepare=fresh, repeat=3)
            certified += timed(certified_capacity, prepare=fresh, repeat=3)
        rows.append((size, ours, certified))
        print(f"  {size} x {size}, seeds 1-3: capacity() {fmt_time(ours):>9} | certified_capacity() "
              f"{fmt_time(certified):>9} -> {ours / certified:.2f}x its time", flush=True)
    return rows


def symbolic_table(size: int = 10, seed: int = 5) -> tuple[tuple, list[list[sympy.Expr]]]:
    """A size x size table of rationals moved along four zero-sum directions by symbols a, b, c, d."""
    rng = random.Random(seed)
    symbols = sympy.symbols("a b c d", nonnegative=True)
    base = [[rng.randint(4, 9) for _ in range(size)] for _ in range(size)]
    total = sum(map(sum, base))
    rows = [[sympy.Rational(w, total) for w in r] for r in base]
    for s in symbols:  # +s on one cell, -s on another: the table still sums to 1
        i, j, k, m = (rng.randrange(size) for _ in range(4))
        if (i, j) == (k, m):
            k = (k + 1) % size
        rows[i][j] += s / total
        rows[k][m] -= s / total
    return symbols, rows


def bench_symbolic(points: int) -> tuple[float, float]:
    """I(X;Y) of a 10 x 10 table in 4 symbols, its derivative, a numpy function and a sweep."""
    symbols, rows = symbolic_table()
    grid = [np.linspace(0, 1, points)] * 4

    def ours() -> None:
        info = mutual_information(Distribution.from_table(rows, names=("X", "Y")), "X", "Y")
        numpy_function(symbols, sympy.diff(info, symbols[0]))(*grid)

    def naive() -> None:
        row_sums = [sympy.Add(*r) for r in rows]
        col_sums = [sympy.Add(*c) for c in zip(*rows, strict=True)]
        info = sympy.Add(*[p * sympy.log(p / (row_sums[i] * col_sums[j]), 2)
                           for i, r in enumerate(rows) for j, p in enumerate(r)])
        sympy.lambdify(symbols, sympy.diff(info, symbols[0]), "numpy")(*grid)

    a, b = timed(ours, repeat=3), timed(naive, repeat=3)
    print(f"  10 x 10 table in 4 symbols: I(X;Y), d/da, numpy function, {points:,}-point sweep: "
          f"symentropy {fmt_time(a)} | naive sympy {fmt_time(b)} -> {b / a:.2f}x", flush=True)
    return a, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke test)")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds allowed to each naive baseline")
    parser.add_argument("--gc-off", action="store_true", help="pause the garbage collector while timing")
    args = parser.parse_args(argv)
    cap = args.cap
    global GC_PAUSED
    GC_PAUSED = args.gc_off

    print(f"symentropy benchmarks: Python {platform.python_version()}, sympy {sympy.__version__}, "
          f"mpmath {mpmath.__version__} ({mpmath.libmp.BACKEND} backend), numpy {np.__version__}, "
          f"{os.cpu_count()} CPUs, {platform.machine()}")
    print(f"garbage collector {'paused while timing (--gc-off)' if GC_PAUSED else 'on, as in programs'}")
    # warm-up: one-time imports inside sympy (Add imports its tensor module lazily, ...)
    naive_entropy(rationals([1, 2]))
    evaluate(entropy(Distribution.from_pmf(rationals([1, 2]))), 20)

    print("\n1. Exact entropy of an n-outcome random rational distribution (weights 1..1000)")
    entropy_rows = bench_entropy([10, 100] if args.quick else [10, 1000, 100_000], cap)
    print("\n2. Exact mutual information of an n x n table (weights 1..1000)")
    bench_mutual_information([10, 30] if args.quick else [10, 100, 300], cap)
    print("\n3. evaluate(entropy, digits) against the mpmath loop over the outcomes, in each regime")
    digit_rows = []
    n_digits = 1000 if args.quick else 10_000
    for label, high in DIGIT_REGIMES:
        for digits in (30, 100) if args.quick else (30, 100, 1000):
            digit_rows.append(bench_digits(n_digits, digits, high, label, cap))
    if not args.quick:
        digit_rows.append(bench_digits(100, 10_000, 10, "weights 1..10", cap))
        digit_rows.append(bench_log2(100_000, cap))
    print("\n4. Numpy sweep of a symbolic result")
    sweep_rows = bench_sweep(10_000 if args.quick else 1_000_000)

    print("\n5. Hostile inputs: each answered in near-linear time (see tests/test_resources.py)")
    hostile_rows = bench_hostile(args.quick)

    print("\n6. Import time (fresh interpreters)")
    import_added, import_ok = bench_import.report(5 if args.quick else 9)

    print("\n7. Every regime: entropy and I(X;Y) against the tight baseline (benchmarks/tight.py)")
    regime_rows = bench_regimes(args.quick, cap)
    print("\n8. capacity() where no closed form applies, against certified_capacity()")
    capacity_rows = bench_capacity(args.quick)
    print("\n9. The symbolic path")
    symbolic_ours, symbolic_naive = bench_symbolic(1000 if args.quick else 10_000)

    print(f"\nFloors (from the project plan; garbage collector {'paused' if GC_PAUSED else 'on'}):")
    checks = []
    n1000 = [r for r in entropy_rows if r[0] == 1000]
    if n1000:
        n, ours, _, build, _, _ = n1000[0]
        ratio = float("inf") if build is None else build / ours
        text = "exact entropy, n = 1,000, vs the naive sympy build: >= 50x"
        checks.append((text, ratio >= 50, f"{ratio:.0f}x"))
    for label, n, digits, ours, loop in digit_rows:
        ratio = float("inf") if loop is None else loop / ours
        floor = 20 if digits == 1000 else 1
        what = "log 2 vs mpmath's log(2)" if label == "log 2" else f"entropy, {label}, n = {n:,}, vs the loop"
        text = f"evaluate to {digits:,} digits, {what}: >= {floor}x"
        checks.append((text, ratio >= floor, f"{ratio:.1f}x"))
    slowest = max(a / b for _, a, b, _ in sweep_rows[:1])
    checks.append(("1,000,000-point sweep within 2x of hand-written numpy", slowest <= 2, f"{slowest:.2f}x"))
    growth = hostile_rows[0][1]
    checks.append(("entropy with weights to 1e30 grows near-linearly: < 8x per 4x outcomes", growth < 8,
                   f"{growth:.1f}x"))
    floor = f"import symentropy within {bench_import.FLOOR} s of import sympy"
    checks.append((floor, import_ok, f"{import_added:+.3f} s"))
    for kind, high, n, ours, base, naive in regime_rows:
        where = f"n = {n:,}" if kind == "entropy" else f"{n} x {n}"
        if naive is not None or (kind == "entropy" and n == 1000):
            ratio = float("inf") if naive is None else naive / ours
            checks.append((f"entropy, {where}, weights 1..{high:,}, vs the naive build: >= 50x", ratio >= 50,
                           f"{ratio:.0f}x"))
        checks.append((f"{kind}, {where}, weights 1..{high:,}: within 1.5x of the tight baseline",
                       ours <= 1.5 * base, f"{ours / base:.2f}x"))
    for size, ours, certified in capacity_rows:
        text = f"capacity(), random {size} x {size}, no closed form: within 1.2x of certified_capacity()"
        checks.append((text,
                       ours <= 1.2 * certified, f"{ours / certified:.2f}x"))
    checks.append(("symbolic 10 x 10 table in 4 symbols, I + d/da + sweep: >= 1.3x faster than naive sympy",
                   symbolic_naive >= 1.3 * symbolic_ours, f"{symbolic_naive / symbolic_ours:.2f}x"))
    for text, ok, value in checks:
        print(f"  [{'met' if ok else 'NOT MET'}] {text}: {value}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
