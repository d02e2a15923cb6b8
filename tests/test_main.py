"""The worked example printed by ``python -m symentropy``."""

import subprocess
import sys

from sympy import Rational as R

from symentropy.display.example import COVER_THOMAS_2_2_1, worked_example


def test_worked_example_prints_the_book_values():
    # Cover & Thomas, Elements of Information Theory, 2nd ed., Example 2.2.1:
    # H(X) = 7/4, H(Y) = 2, H(X|Y) = 11/8, H(Y|X) = 13/8, H(X,Y) = 27/8 bits, and I(X;Y) = 3/8.
    text = worked_example()
    for label, value in [("H(X|Y)", R(11, 8)), ("H(Y|X)", R(13, 8)), ("H(X,Y)", R(27, 8)), ("I(X;Y)", R(3, 8))]:
        line = next(row for row in text.splitlines() if row.strip().startswith(label))
        exact, decimal = line.split("=")[1].strip(), line.split("=")[2].split()[0]
        assert exact == str(value)
        assert len(decimal.replace(".", "").lstrip("0")) == 30  # 30 significant digits
        assert R(decimal) == value  # dyadic values print exactly
    assert "1 + log(3)/log(2)" in text  # the fair die


def test_table_is_the_books():
    assert sum(R(c) for row in COVER_THOMAS_2_2_1 for c in row) == 1


def test_module_runs_as_a_program():
    result = subprocess.run([sys.executable, "-m", "symentropy"], capture_output=True, text=True, check=True)
    assert "I(X;Y)" in result.stdout
    assert result.stderr == ""
