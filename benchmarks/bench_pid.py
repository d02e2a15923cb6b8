"""Benchmark: the exact I_min decomposition against a plain float implementation.

Usage::

    python benchmarks/bench_pid.py            # 3 sources with 4-letter alphabets, 3 seeds
    python benchmarks/bench_pid.py --seeds 1 2 3 4 --sources 2

A random joint distribution (integer weights 1..9 over every outcome, normalised)
of ``n`` sources and a target, each with 4 letters, is decomposed twice in this
process:

1. ``pid(d, sources, "Y")``: every atom of the redundancy lattice as an exact
   sum of logarithms, each minimum decided by the exact comparison;
2. the baseline: the same I_min and Möbius inversion in plain Python floats
   (no exactness, no certificate), written here.

Printed: seconds for each (minimum of ``--repeat`` runs) and their ratio.

``--broja``: the BROJA decomposition (``measure="broja"``, 30 certified digits)
of the classic gates (proved exact) and of random tables of 2 sources and a
target with 3 letters each (certified intervals), against the exact I_min
decomposition of the same table as the baseline::

    python benchmarks/bench_pid.py --broja
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

import sympy  # noqa: E402

from symentropy import Distribution, independent, pid, uniform  # noqa: E402
from symentropy.measures.pid import redundancy_lattice  # noqa: E402


def table(n: int, seed: int) -> tuple[Distribution, dict]:
    rng = random.Random(seed)
    weights = {o: rng.randint(1, 9) for o in itertools.product(range(4), repeat=n + 1)}
    total = sum(weights.values())
    names = (*(f"X{i + 1}" for i in range(n)), "Y")
    return Distribution({o: sympy.Rational(w, total) for o, w in weights.items()}, names=names), {
        o: w / total for o, w in weights.items()
    }


def float_imin(p: dict, n: int) -> dict:
    """The baseline: I_min atoms in floats."""
    pt: dict = {}
    for o, v in p.items():
        pt[o[-1]] = pt.get(o[-1], 0.0) + v

    def specific(group: tuple[int, ...]) -> dict:
        joint: dict = {}
        pa: dict = {}
        for o, v in p.items():
            a = tuple(o[i] for i in group)
            joint[(a, o[-1])] = joint.get((a, o[-1]), 0.0) + v
            pa[a] = pa.get(a, 0.0) + v
        out: dict = {}
        for (a, t), v in joint.items():
            out[t] = out.get(t, 0.0) + v / pt[t] * math.log2(v / (pa[a] * pt[t]))
        return out

    cache: dict = {}
    lattice = redundancy_lattice(n)
    cap = {}
    for alpha in lattice:
        values = [cache.setdefault(s, specific(s)) for s in alpha]
        cap[alpha] = sum(pt[t] * min(v[t] for v in values) for t in pt)
    atoms: dict = {}
    for alpha in lattice:
        atoms[alpha] = cap[alpha] - sum(
            v for beta, v in atoms.items() if all(any(set(a) <= set(b) for a in beta) for b in alpha)
        )
    return atoms


def best_of(call, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def gates() -> dict[str, Distribution]:
    bits = independent(uniform(2, name="X1"), uniform(2, name="X2"))
    same = uniform(2, name="X1").with_variable("X2", lambda a: a)
    return {
        "XOR": bits.with_variable("Y", lambda a, b: a ^ b),
        "AND": bits.with_variable("Y", lambda a, b: a & b),
        "SUM": bits.with_variable("Y", lambda a, b: a + b),
        "COPY": bits.with_variable("Y", lambda a, b: (a, b)),
        "UNQ": bits.with_variable("Y", lambda a, b: a),
        "RDN": same.with_variable("Y", lambda a, b: a),
    }


def broja(seeds: list[int], repeat: int) -> None:
    print("BROJA PID to 30 certified digits, against the exact I_min PID of the same table")
    print(f"{'table':>10} {'result':>9} {'broja s':>9} {'imin s':>9} {'ratio':>7}")
    cases = list(gates().items())
    for seed in seeds:
        rng = random.Random(seed)
        weights = {o: rng.randint(1, 9) for o in itertools.product(range(3), repeat=3)}
        total = sum(weights.values())
        table = {o: sympy.Rational(w, total) for o, w in weights.items()}
        cases.append((f"3x3x3 #{seed}", Distribution(table, names=("X1", "X2", "Y"))))
    for name, d in cases:
        result = pid(d, measure="broja", digits=30)
        took = best_of(lambda d=d: pid(d, measure="broja", digits=30), repeat)
        plain = best_of(lambda d=d: pid(d), repeat)
        kind = "exact" if result.exact else "certified"
        print(f"{name:>10} {kind:>9} {took:9.3f} {plain:9.4f} {took / plain:7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broja", action="store_true", help="time the BROJA decomposition instead")
    parser.add_argument("--sources", type=int, default=3)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.broja:
        broja(args.seeds, args.repeat)
        return
    n = args.sources
    names = tuple(f"X{i + 1}" for i in range(n))
    print(f"I_min PID, {n} sources and a target with 4 letters each ({4 ** (n + 1)} outcomes)")
    print(f"{'seed':>4} {'exact s':>9} {'float s':>9} {'ratio':>7}")
    for seed in args.seeds:
        d, p = table(n, seed)
        exact = best_of(lambda d=d: pid(d, names, "Y"), args.repeat)
        plain = best_of(lambda p=p: float_imin(p, n), args.repeat)
        # the two compute the same atoms (a sanity check of the baseline, not a decision)
        result, floats = pid(d, names, "Y"), float_imin(p, n)
        for alpha, value in floats.items():
            named = tuple(tuple(names[i] for i in s) for s in alpha)
            assert abs(float(result.atoms[named]) - value) < 1e-9, (alpha, value)
        print(f"{seed:>4} {exact:9.3f} {plain:9.4f} {exact / plain:7.1f}")


if __name__ == "__main__":
    main()
