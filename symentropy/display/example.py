"""The worked example that ``python -m symentropy`` prints: exact results, and to 30 digits.

Two classic examples: the fair die of the entropy introductions, and the
joint distribution of Cover & Thomas, *Elements of Information Theory*, 2nd
ed., Example 2.2.1, with every Shannon measure exactly and to 30 digits.
"""

from __future__ import annotations

import sympy

from ..core.distribution import Distribution, uniform
from ..kernel.numeric import evaluate
from ..measures.shannon import conditional_entropy, entropy, mutual_information

__all__ = ["worked_example", "COVER_THOMAS_2_2_1"]

DIGITS = 30

#: Cover & Thomas, 2nd ed., Example 2.2.1: p(x, y), rows y = 1..4, columns x = 1..4.
COVER_THOMAS_2_2_1 = [
    ["1/8", "1/16", "1/32", "1/32"],
    ["1/16", "1/8", "1/32", "1/32"],
    ["1/16", "1/16", "1/16", "1/16"],
    ["1/4", 0, 0, 0],
]


def _decimal(value: sympy.Expr) -> str:
    return str(evaluate(value, DIGITS))


def _line(label: str, value: sympy.Expr) -> str:
    return f"  {label:<8} = {str(value):<28} = {_decimal(value)} bits"


def worked_example() -> str:
    """Return the text of the worked example.

    >>> print(worked_example().splitlines()[1])
      H(X)     = 1 + log(3)/log(2)            = 2.58496250072115618145373894395 bits
    """
    die = uniform(range(1, 7), name="X")
    lines = ["A fair six-sided die, X uniform on {1, ..., 6}:", _line("H(X)", entropy(die)), ""]
    d = Distribution.from_table(COVER_THOMAS_2_2_1, names=("Y", "X"), labels=(range(1, 5), range(1, 5)))
    lines.append("Cover & Thomas, Elements of Information Theory, 2nd ed., Example 2.2.1, p(x, y):")
    lines.extend("  " + row for row in _grid(d))
    lines.append("")
    for label, value in [
        ("H(X)", entropy(d, "X")),
        ("H(Y)", entropy(d, "Y")),
        ("H(X|Y)", conditional_entropy(d, "X", "Y")),
        ("H(Y|X)", conditional_entropy(d, "Y", "X")),
        ("H(X,Y)", entropy(d, "X", "Y")),
        ("I(X;Y)", mutual_information(d, "X", "Y")),
    ]:
        lines.append(_line(label, value))
    return "\n".join(lines)


def _grid(d: Distribution) -> list[str]:
    """The joint table as the book prints it: y down, x across."""
    ys, xs = d.grid()
    header = ["y \\ x"] + [str(x) for x in xs]
    rows = [[str(y)] + [str(d[(y, x)]) for x in xs] for y in ys]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    return ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in [header] + rows]
