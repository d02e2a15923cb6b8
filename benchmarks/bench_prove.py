"""Benchmark: proving and refuting information inequalities, exact, against a plain float LP.

Usage::

    python benchmarks/bench_prove.py            # 3 to 6 variables exact; 6 to 8 with the float guess
    python benchmarks/bench_prove.py --quick    # 3 to 5 variables
    python benchmarks/bench_prove.py --repeat 3 # minimum of 3 runs per row

For ``n`` variables two claims are timed: Han's inequality
``H(X1..Xn) <= 1/(n-1) sum_i H(all but Xi)`` (Cover & Thomas, 2nd ed.,
Theorem 17.6.1; true: a certificate is found and checked) and its reverse
(false: a counterexample distribution is found and checked); then the
Zhang-Yeung inequality without and with the copy lemma.  Each row times

1. ``prove(claim, float_solver=False)``: the exact rational simplex alone;
2. ``prove(claim, float_solver=True)``: scipy's HiGHS guesses, the guess is
   then solved or checked exactly (needs scipy: ``pip install ".[lp]"``);
3. the baseline, in the same process: a plain float LP with scipy's
   ``linprog`` on the same matrix (the elemental inequalities against the
   claim), which decides nothing exactly and returns no checked proof.

The figures are seconds (minimum over ``--repeat`` runs) and the ratio of
symentropy's time to the plain float LP's.  The exact simplex is skipped from
7 variables on (minutes).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from symentropy import prove  # noqa: E402
from symentropy.calculus.inequalities import EntropySpace  # noqa: E402
from symentropy.calculus.inequalities.space import names_in  # noqa: E402
from symentropy.core.names import natural_order  # noqa: E402
from symentropy.kernel.statements import parse_statement  # noqa: E402

ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def han(n: int, reverse: bool) -> str:
    names = [f"X{i}" for i in range(1, n + 1)]
    parts = " + ".join(f"1/{n - 1}*H({','.join(x for x in names if x != y)})" for y in names)
    return f"H({','.join(names)}) {'>=' if reverse else '<='} {parts}"


def timed(call, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def float_lp(claim: str) -> object:
    """The baseline: scipy's linprog on the elemental matrix, floats only."""
    import numpy as np
    from scipy.optimize import linprog

    statement = parse_statement(claim)
    space = EntropySpace(natural_order(names_in([statement])))
    form = space.statement_form(statement)
    columns = [dict(e.form) for e in space.elementals()]
    masks = list(space.masks())
    a = np.array([[float(col.get(m, 0)) for col in columns] for m in masks])
    b = np.array([float(form.get(m, 0)) for m in masks])
    return linprog(np.ones(len(columns)), A_eq=a, b_eq=b, bounds=(0, None), method="highs").status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 to 5 variables only")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; the minimum is printed")
    args = parser.parse_args()
    try:
        import scipy  # noqa: F401

        have_scipy = True
    except ImportError:
        have_scipy = False
        print("scipy is not installed: only the exact simplex is timed (pip install '.[lp]')")
    sizes = range(3, 6) if args.quick else range(3, 9)
    if have_scipy:
        float_lp(han(3, False))  # import scipy before timing
    print(
        f"{'claim':<14} {'n':>2}  {'verdict':<16} {'exact s':>9} {'guess s':>9} {'float LP s':>10} {'ratio':>7}"
    )
    for n in sizes:
        for reverse in (False, True):
            claim = han(n, reverse)
            label = "Han reversed" if reverse else "Han"
            exact_s = guess_s = base_s = None
            verdict = ""
            if n <= 6:
                exact_s, r = timed(lambda c=claim: prove(c, float_solver=False), args.repeat)
                assert r.check()
                verdict = str(r.verdict)
            if have_scipy and n >= 6:
                guess_s, r = timed(lambda c=claim: prove(c, float_solver=True), args.repeat)
                assert r.check()
                verdict = str(r.verdict)
            if have_scipy:
                base_s, _ = timed(lambda c=claim: float_lp(c), args.repeat)
            ours = guess_s if guess_s is not None else exact_s
            ratio = f"{ours / base_s:7.1f}" if (ours is not None and base_s) else "      -"

            def show(x):
                return f"{x:9.3f}" if x is not None else "        -"

            print(
                f"{label:<14} {n:>2}  {verdict:<16} {show(exact_s)} {show(guess_s)} {show(base_s):>10} {ratio}"
            )
    # Zhang-Yeung (1998): not Shannon-type on 4 variables; proved with one copy-lemma step on 5
    for label, kwargs in (("ZY", {}), ("ZY copy lemma", {"copy_lemma": True})):
        seconds, r = timed(lambda k=kwargs: prove(ZHANG_YEUNG, float_solver=False, **k), args.repeat)
        assert r.check()
        print(f"{label:<14} {4:>2}  {str(r.verdict):<16} {seconds:9.3f}")


if __name__ == "__main__":
    main()
