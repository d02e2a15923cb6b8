"""Benchmark: the time ``import symentropy`` adds to ``import sympy``.

Usage::

    python benchmarks/bench_import.py            # 9 runs of each command
    python benchmarks/bench_import.py --runs 21

Each command runs in a fresh interpreter (``python -c ...``), the commands taking
turns, and the best wall time of each is kept; the interpreter's own start-up is in
every figure and cancels in the differences.  The floor is ``import
symentropy`` within 0.1 s of ``import sympy``: symentropy's public names are imported
on first use (``symentropy/kernel/lazy.py``), so ``import symentropy`` loads neither a
layer module nor sympy.  For what a first use costs, the first entropy (which loads
sympy, the kernel, the Distribution and the Shannon measures) and ``from symentropy
import *`` (everything) are printed beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The floor: seconds that ``import symentropy`` may add to ``import sympy``.
FLOOR = 0.1

COMMANDS = {
    "python (start-up alone)": "pass",
    "import sympy": "import sympy",
    "import symentropy": "import symentropy",
    "import symentropy; first entropy": "import symentropy as s; s.entropy(s.uniform(2))",
    "from symentropy import *": "from symentropy import *",
}


def best_times(runs: int) -> dict[str, float]:
    """The best wall time of each command over ``runs`` fresh interpreters, run in turn."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = dict.fromkeys(COMMANDS, float("inf"))
    for _ in range(runs):
        for label, code in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
            best[label] = min(best[label], time.perf_counter() - start)
    return best


def report(runs: int) -> tuple[float, bool]:
    """Print the times; return the seconds ``import symentropy`` adds to ``import sympy`` and met/missed."""
    best = best_times(runs)
    sympy_time = best["import sympy"]
    print(f"  {'command':<34} {'best':>7} (against import sympy)")
    for label, t in best.items():
        extra = "" if label in ("import sympy", "python (start-up alone)") else f" ({t - sympy_time:+.3f} s)"
        print(f"  {label:<34} {t:.3f} s{extra}")
    added = best["import symentropy"] - sympy_time
    return added, added <= FLOOR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh interpreters for each command")
    args = parser.parse_args(argv)
    print(f"Import time, best of {args.runs} fresh interpreters each (Python {sys.version.split()[0]})")
    added, ok = report(args.runs)
    verdict = "met" if ok else "NOT MET"
    print(f"  [{verdict}] import symentropy within {FLOOR} s of import sympy: {added:+.3f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
