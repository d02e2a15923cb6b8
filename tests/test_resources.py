"""Every hostile input is answered or refused quickly, within a memory cap.

Each case runs in a fresh Python process limited to 2 GiB of address space (``resource``) and
120 s; a case passes when the process prints the expected outcome.  These are guards against
hangs and memory bombs, not timings: speed is measured by ``benchmarks/run.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")  # POSIX only

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 2 << 30

CASES = {
    "nested powers": ("from symentropy.kernel.exact import as_exact\nas_exact('((2^10000)^10000)^10000')",
                      "InputTooLargeError"),
    "a huge decimal exponent": ("from decimal import Decimal\nfrom symentropy.kernel.exact import as_exact\n"
                                "as_exact(Decimal('1e-999999999'))", "InputTooLargeError"),
    "a huge integer": ("from symentropy import Distribution\nDistribution.from_pmf([1, 10**40000])",
                       "InputTooLargeError"),
    "a base that is a product of two 27-digit primes": (
        "import sympy\nfrom symentropy import entropy, uniform\n"
        "b = sympy.nextprime(10**26) * sympy.nextprime(10**27)\nprint(entropy(uniform(6), base=b) != 0)",
        "True",
    ),
    "Renyi entropy of order 1/2 of 200 outcomes": (
        "import random, sympy\nfrom symentropy import Distribution, renyi_entropy\n"
        "random.seed(1); w = [random.randint(1, 1000) for _ in range(200)]; t = sum(w)\n"
        "d = Distribution.from_pmf([sympy.Rational(x, t) for x in w])\n"
        "print(renyi_entropy(d, sympy.Rational(1, 2)).is_number)",
        "True",
    ),
    "Renyi entropy of order 100000": (
        "from symentropy import renyi_entropy, uniform\nprint(renyi_entropy(uniform(2), 10**5))", "1"),
    "weights up to 1e30": (
        "import random, sympy\nfrom symentropy import Distribution, entropy\n"
        "random.seed(2); w = [random.randint(1, 10**30) for _ in range(2000)]; t = sum(w)\n"
        "print(entropy(Distribution.from_pmf([sympy.Rational(x, t) for x in w])).is_number)",
        "True",
    ),
    "an endless table for the command line": (
        "from symentropy.display.cli import main\nimport sys\nsys.exit(0 if main(['query', '/dev/zero', 'H(X)']) == 2 else 1)",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_input_is_answered_or_refused_quickly(name):
    code, expected = CASES[name]
    program = "\n".join([
        "import resource",
        f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))",
        "try:",
        textwrap.indent(code, "    "),
        "except Exception as error:",
        "    print(type(error).__name__)",
    ])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] == ([expected] if expected else []), result.stdout[-500:]
