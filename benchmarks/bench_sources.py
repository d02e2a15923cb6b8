"""Benchmark: exact Markov-chain, Huffman and Fano computations against plain float versions.

Usage::

    python benchmarks/bench_sources.py

Rows, each timed in this process (minimum of 3 runs) beside a float baseline written here:

1. the king's random walk on an 8 x 8 board (64 states): exact stationary distribution and
   entropy rate, against float power iteration to 1e-12 and the float entropy rate;
2. a Huffman code of 10,000 symbols with random integer weights 1..10**6: ``huffman_code`` on the
   exact probabilities (validated as a distribution), against ``heapq`` on floats;
3. Fano's binary code of the same 10,000 symbols: ``fano_code`` (exact cuts on integer weights),
   against the same splitting on floats.

The ratio is symentropy's time over the float baseline's.
"""

from __future__ import annotations

import heapq
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

import sympy  # noqa: E402

from symentropy import chessboard_graph, fano_code, huffman_code, random_walk, typical_set  # noqa: E402


def exact_walk(edges: list) -> object:
    walk = random_walk(edges)
    return walk.stationary, walk.entropy_rate()


def float_walk(edges: list) -> float:
    neighbours: dict = {}
    for u, v in edges:
        neighbours.setdefault(u, []).append(v)
        neighbours.setdefault(v, []).append(u)
    states = list(neighbours)
    mu = {s: 1 / len(states) for s in states}
    for _ in range(100_000):
        nxt = dict.fromkeys(states, 0.0)
        for s in states:
            share = mu[s] / len(neighbours[s])
            for t in neighbours[s]:
                nxt[t] += share
        if max(abs(nxt[s] - mu[s]) for s in states) < 1e-12:
            mu = nxt
            break
        mu = {s: (nxt[s] + mu[s]) / 2 for s in states}  # a lazy step: converges for periodic walks too
    return sum(mu[s] * math.log2(len(neighbours[s])) for s in states)


def float_huffman(weights: list) -> float:
    total = sum(weights)
    heap = [(w / total, k, 0) for k, w in enumerate(weights)]
    heapq.heapify(heap)
    created = len(heap)
    cost = 0.0
    while len(heap) > 1:
        a, b = heapq.heappop(heap), heapq.heappop(heap)
        cost += a[0] + b[0]
        heapq.heappush(heap, (a[0] + b[0], created, 0))
        created += 1
    return cost


def float_fano(weights: list) -> float:
    """The expected length of Fano's binary code, splitting sorted float probabilities."""
    total = sum(weights)
    p = sorted((w / total for w in weights), reverse=True)
    cost, stack = 0.0, [(0, len(p))]
    while stack:
        start, stop = stack.pop()
        if stop - start < 2:
            continue
        cost += sum(p[start:stop])  # every symbol of the group gets one more digit
        group = sum(p[start:stop])
        running, cut, gap = 0.0, start + 1, float("inf")
        for k in range(start, stop - 1):
            running += p[k]
            if abs(2 * running - group) < gap:
                cut, gap = k + 1, abs(2 * running - group)
        stack += [(start, cut), (cut, stop)]
    return cost


def best(call, repeat: int = 3) -> float:
    t = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        t = min(t, time.perf_counter() - start)
    return t


def main() -> int:
    edges = chessboard_graph("king", 8)
    exact = best(lambda: exact_walk(edges))
    plain = best(lambda: float_walk(edges))
    rate = exact_walk(edges)[1]
    assert abs(float(rate) - float_walk(edges)) < 1e-9
    missed = exact >= 1
    print(
        f"king's walk, 64 states:     exact {exact:.3f} s   float {plain:.4f} s   ratio {exact / plain:.1f}"
        f"   floor < 1 s: {'MISSED' if exact >= 1 else 'met'}"
    )
    rng = random.Random(1)
    weights = [rng.randint(1, 10**6) for _ in range(10_000)]
    probabilities = [sympy.Rational(w, sum(weights)) for w in weights]
    exact = best(lambda: huffman_code(probabilities))
    plain = best(lambda: float_huffman(weights))
    assert abs(float(huffman_code(probabilities).expected_length()) - float_huffman(weights)) < 1e-9
    missed |= exact >= 1
    print(
        f"Huffman, 10,000 symbols:    exact {exact:.3f} s   float {plain:.4f} s   ratio {exact / plain:.1f}"
        f"   floor < 1 s: {'MISSED' if exact >= 1 else 'met'}"
    )
    exact = best(lambda: fano_code(probabilities))
    plain = best(lambda: float_fano(weights))
    assert abs(float(fano_code(probabilities).expected_length()) - float_fano(weights)) < 1e-6
    print(
        f"Fano, 10,000 symbols:       exact {exact:.3f} s   float {plain:.4f} s   ratio {exact / plain:.1f}"
    )
    exact = best(lambda: typical_set(["1/2", "1/3", "1/6"], 500, "1/10"))
    missed |= exact >= 2
    print(f"typical set, n = 500, 3 letters: exact {exact:.3f} s   floor < 2 s: {'MISSED' if exact >= 2 else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
