"""The ``symentropy`` command line, run as ``python -m symentropy``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import mpmath
import pytest
import sympy

from symentropy.display import cli
from symentropy.display.cli import main, read_table
from symentropy.errors import DistributionError, ParseError
from tests.support import correctly_rounded

ROOT = Path(__file__).resolve().parents[1]

#: Z = X xor Y of two fair bits.
XOR_CSV = "X,Y,Z,p\n0,0,0,1/4\n0,1,1,1/4\n1,0,1,1/4\n1,1,0,1/4\n"

#: Cover & Thomas, Elements of Information Theory, 2nd ed., Example 2.2.1, in long format.
BOOK_CSV = "x,y,p\n" + "".join(
    f"{x},{y},{p}\n"
    for y, row in enumerate(
        [
            ["1/8", "1/16", "1/32", "1/32"],
            ["1/16", "1/8", "1/32", "1/32"],
            ["1/16", "1/16", "1/16", "1/16"],
            ["1/4", "0", "0", "0"],
        ],
        start=1,
    )
    for x, p in enumerate(row, start=1)
)


def _run(args: tuple[str, ...], stdin: str | None, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "symentropy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def _write_tables(directory: Path) -> Path:
    (directory / "xor.csv").write_text(XOR_CSV)
    (directory / "book.csv").write_text(BOOK_CSV)
    (directory / "coin.csv").write_text("side,count\nheads,3\ntails,1\n")
    return directory


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    return _write_tables(tmp_path)


#: Every subprocess run of this module: name -> (arguments, standard input).
RUNS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "no arguments": ((), None),
    "help": (("--help",), None),
    "C&T 2.1.2": (("H", "1/2", "1/4", "1/8", "1/8"), None),
    "die": (("H", *["1/6"] * 6, "--digits", "30", "--latex"), None),
    "nats": (("H", "0.5", "0.5", "--base", "e"), None),
    "symbolic": (("H", "p", "1-p", "--symbolic"), None),
    "book": (("query", "book.csv", "H(x|y)"), None),
    "xor": (("query", "xor.csv", "I(X;Y∣Z)", "--latex"), None),
    "stdin": (("query", "-", "H(side)"), "side,count\nheads,3\ntails,1\n"),
    "bad sum": (("H", "1/2", "1/3"), None),
    "bad number": (("H", "1/2", "1/2%"), None),
    "symbol": (("H", "1/2", "p"), None),
    "unknown variable": (("query", "xor.csv", "I(X;W)"), None),
    "malformed": (("query", "xor.csv", "I(X;Y"), None),
    "missing file": (("query", "missing.csv", "H(X)"), None),
    "bad digits": (("H", "1/2", "1/2", "--digits", "0"), None),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess]:
    """Run every command of :data:`RUNS` once, a few at a time (starting Python dominates)."""
    directory = _write_tables(tmp_path_factory.mktemp("tables"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(_run, args, stdin, directory) for name, (args, stdin) in RUNS.items()}
        return {name: future.result() for name, future in futures.items()}


# -- output, through a subprocess -----------------------------------------------------------
def test_no_arguments_prints_the_worked_example(runs):
    from symentropy.display.example import worked_example

    result = runs["no arguments"]
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == worked_example() + "\n"


def test_help(runs):
    result = runs["help"]
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("usage: symentropy") and "query" in result.stdout


@pytest.mark.parametrize(
    "name, expected",
    ids=lambda value: value if value in RUNS else "",
    argvalues=[
        # Cover & Thomas, 2nd ed., Example 2.1.2: probabilities 1/2, 1/4, 1/8, 1/8 give H(X) = 7/4 bits.
        ("C&T 2.1.2", "H(X) in bits\nexact:   7/4\ndecimal: 1.75000000000000\n"),
        # A fair die: log2(6) = 2.584962500721156181453738943947816508759814407692481060455...
        (
            "die",
            "H(X) in bits\n"
            "exact:   1 + log(3)/log(2)\n"
            "decimal: 2.58496250072115618145373894395\n"
            "latex:   1 + \\frac{\\log{\\left(3 \\right)}}{\\log{\\left(2 \\right)}}\n",
        ),
        # ln 2 = 0.693147180559945309417232121458...
        ("nats", "H(X) in nats\nexact:   log(2)\ndecimal: 0.693147180559945\n"),
        (
            "symbolic",
            "H(X) in bits\n"
            "exact:   -p*log(p)/log(2) - (1 - p)*log(1 - p)/log(2)\n"
            "valid if p >= 0 and 1 - p >= 0\n"
            "decimal: depends on p\n",
        ),
        # Cover & Thomas, 2nd ed., Example 2.2.1: H(X|Y) = 11/8 bits.
        ("book", "H(x|y) in bits\nexact:   11/8\ndecimal: 1.37500000000000\n"),
        # Z = X xor Y: I(X;Y|Z) = 1 bit; the Unicode bar is echoed in ASCII.
        ("xor", "I(X;Y|Z) in bits\nexact:   1\ndecimal: 1.00000000000000\nlatex:   1\n"),
        # Counts 3 and 1: H(3/4, 1/4) = 2 - (3/4) log2(3) = 0.811278124459132864...
        ("stdin", "H(side) in bits\nexact:   -3*log(3)/(4*log(2)) + 2\ndecimal: 0.811278124459133\n"),
    ],
)
def test_output(runs, name, expected):
    result = runs[name]
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected


@pytest.mark.parametrize(
    "name, message",
    ids=lambda value: value if value in RUNS else "",
    argvalues=[
        ("bad sum", "probabilities sum to 5/6, not 1"),
        ("bad number", "cannot read probability 2, '1/2%': unexpected character \"%\" at position 3"),
        ("symbol", "probability 2, 'p', is not a number (pass --symbolic to allow symbols such as p)"),
        ("unknown variable", "unknown variable 'W' at position 4; the distribution's variables are X, Y, Z"),
        ("malformed", 'expected "," or "|" or ")" at position 5, found end of input'),
        ("missing file", "cannot read missing.csv: No such file or directory"),
        (
            "bad digits",
            "argument --digits: --digits must be an integer from 1 to 100000, got 0 (see symentropy --help)",
        ),
    ],
)
def test_bad_input_is_one_line_and_status_2(runs, name, message):
    result = runs[name]
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"symentropy: error: {message}\n"


# -- more cases, in process (the same main() as above, without starting Python each time) ----
@pytest.mark.parametrize(
    "args, expected",
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
    argvalues=[
        (
            ("query", "book.csv", "I(x ; y)", "--digits", "3"),
            "I(x;y) in bits\nexact:   3/8\ndecimal: 0.375\n",
        ),
        (("query", "xor.csv", "I(X;Y;Z)"), "I(X;Y;Z) in bits\nexact:   -1\ndecimal: -1.00000000000000\n"),
        (
            ("query", "xor.csv", "I(X;Y)+I(X;Y|Z)"),
            "I(X;Y) + I(X;Y|Z) in bits\nexact:   1\ndecimal: 1.00000000000000\n",
        ),
        (
            ("query", "xor.csv", "H(X|Z=1)", "--base", "e"),
            "H(X|Z=1) in nats\nexact:   log(2)\ndecimal: 0.693147180559945\n",
        ),
        (
            ("query", "coin.csv", "H(side)", "--base", "4", "--digits", "2"),
            "H(side) in logarithms to base 4\nexact:   -3*log(3)/(4*log(4)) + 1\ndecimal: 0.41\n",
        ),
        (
            ("H", *["0.1"] * 10, "--base", "10", "--digits", "5"),
            "H(X) in hartleys\nexact:   1\ndecimal: 1.0000\n",
        ),
        (("H", "1"), "H(X) in bits\nexact:   0\ndecimal: 0\n"),
        (("--version",), "symentropy 0.1.0\n"),
    ],
)
def test_more_output(tables, monkeypatch, capsys, args, expected):
    monkeypatch.chdir(tables)
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (expected, "")


@pytest.mark.parametrize(
    "args, csv_text, message",
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
    argvalues=[
        (
            ("query", "xor.csv", "H(X|Z=7)"),
            XOR_CSV,
            "cannot condition on Z=7: Z never takes the value '7'; its values are 0, 1",
        ),
        (("H",), None, "the following arguments are required: probabilities"),
        (("entropy", "1/2"), None, "argument {H,query,prove}: invalid choice: 'entropy'"),
        (("H", "1/2", "1/2", "--digits", "x"), None, "--digits must be an integer from 1 to 100000, got 'x'"),
        (("H", "1/2", "1/2", "--digits", "0"), None, "--digits must be an integer from 1 to 100000, got 0"),
        (("H", "1/2", "1/2", "--base", "1"), None, "logarithm base must be positive and not 1, got 1"),
        (("H", "1/2", "1/2", "--base", "-2"), None, "logarithm base must be positive and not 1, got -2"),
        (("H", "1/2", "0.5.1"), None, "cannot read probability 2, '0.5.1'"),
        (("H", "3/2", "-1/2"), None, "probability of outcome 1 is -1/2, which is negative"),
        (("H", "-0.5", "1.5"), None, "probability of outcome 0 is -1/2, which is negative"),
        (("query", "t.csv", "H(X)"), "X,p\n0,1\0\n", "t.csv is not a text table: it contains NUL characters"),
        (("H", "--", "3/2", "-1/2"), None, "probability of outcome 1 is -1/2, which is negative"),
        (("query", "t.csv", "H(X)"), "", "the table is empty: expected a header row such as X,Y,p"),
        (("query", "t.csv", "H(X)"), "X,p\n", "the table has a header but no rows"),
        (("query", "t.csv", "H(X)"), "p\n1\n", "the table has no variable columns besides 'p'"),
        (("query", "t.csv", "H(X)"), "X,Y\n0,1\n", "no column of probabilities or counts in the header X, Y"),
        (("query", "t.csv", "H(X)"), "X,p,n\n0,1,1\n", "several columns could be the probabilities"),
        (
            ("query", "t.csv", "H(X)", "--column", "w"),
            "X,p\n0,1\n",
            "no column 'w' in the table; its columns are X, p",
        ),
        (("query", "t.csv", "H(X)"), "X,p\n0,1/2\n1\n", "line 3 has 1 fields, but the header has 2"),
        (("query", "t.csv", "H(X)"), "X,p\n0,1/2\n0,1/2\n", "line 3: outcome 0 appears twice"),
        (("query", "t.csv", "H(X)"), "X,p\n0,1/2\n1,1/4\n", "probabilities sum to 3/4, not 1"),
        (("query", "t.csv", "H(X)"), "X,p\n0,one\n", "line 2, column p, 'one', is not a number"),
        (
            ("query", "t.csv", "H(X)"),
            "X,p\n0,1/2\n1,1/2)\n",
            "cannot read line 3, column p, '1/2)': expected an operator",
        ),
        (("query", "t.csv", "H(X)"), "X,n\n0,-1\n1,2\n", "count -1 of outcome 0 is negative"),
        (("query", "t.csv", "H(X)"), "X,n\n0,0\n1,0\n", "the counts sum to 0"),
        (("query", "t.csv", "H(X)"), "X,n\n0,k\n1,2\n", "line 2, column n, 'k', is not a number"),
        (("query", "t.csv", "H(X Y)"), "X,p\n0,1\n", 'expected "," or "|" or ")" at position 4, found "Y"'),
        (
            ("query", "t.csv", "H(X|X=0,X=1)"),
            "X,p\n0,1/2\n1,1/2\n",
            "cannot condition on X=0, X=1: it has probability 0",
        ),
        (("query", "t.csv", "H(A)"), "A B,p\n0,1\n", "variable name 'A B' contains white space"),
        (
            ("query", "t.csv", "I(X;Y;Z|W)"),
            XOR_CSV,
            "unknown variable 'W' at position 8; the distribution's variables are X, Y, Z",
        ),
    ],
)
def test_more_bad_input(tmp_path, monkeypatch, capsys, args, csv_text, message):
    if csv_text is not None:
        (tmp_path / "t.csv").write_text(csv_text)
        (tmp_path / "xor.csv").write_text(XOR_CSV)
    monkeypatch.chdir(tmp_path)
    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("symentropy: error: ")
    assert message in err


def test_counts_are_normalised_exactly():
    d = read_table("X,count\na,1\nb,2\nc,3\n")
    assert d.probabilities == (sympy.Rational(1, 6), sympy.Rational(1, 3), sympy.Rational(1, 2))
    d = read_table("X,w\na,1\nb,3\n", column="w", counts=True)
    assert d.probabilities == (sympy.Rational(1, 4), sympy.Rational(3, 4))


def test_read_table_from_a_file_object_and_blank_lines():
    d = read_table(io.StringIO("X , Y , P\n\n0, a, 0.25\n1, b, 0.75\n\n"))
    assert d.names == ("X", "Y")
    assert d.to_dict() == {("0", "a"): sympy.Rational(1, 4), ("1", "b"): sympy.Rational(3, 4)}


def test_read_table_errors_are_symentropy_errors():
    with pytest.raises(DistributionError):
        read_table("X,p\n0,1/3\n")
    with pytest.raises(ParseError):
        read_table("X,p\n0,__import__('os')\n")


def test_main_reads_sys_argv(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["symentropy", "H", "1/4", "3/4", "--digits", "4"])
    assert main() == 0
    # H(1/4, 3/4) = 2 - (3/4) log2(3) = 0.8113 to four digits.
    assert capsys.readouterr().out == "H(X) in bits\nexact:   -3*log(3)/(4*log(2)) + 2\ndecimal: 0.8113\n"


def test_a_table_too_long_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "MAX_TABLE_CHARACTERS", 100)
    (tmp_path / "t.csv").write_text("X,p\n" + "0,1\n" * 50)
    monkeypatch.chdir(tmp_path)
    assert main(["query", "t.csv", "H(X)"]) == 2
    assert "t.csv is longer than 100 characters" in capsys.readouterr().err


def test_many_digits_and_an_exact_zero(capsys):
    # more digits than Python's 4,300-digit limit on integer strings, correctly rounded
    assert main(["H", "1/3", "2/3", "--digits", "5000"]) == 0
    decimal = capsys.readouterr().out.splitlines()[-1]
    ctx = mpmath.MPContext()
    ctx.dps = 5050
    third, rest = ctx.mpf(1) / 3, ctx.mpf(2) / 3
    reference = -(third * ctx.log(third) + rest * ctx.log(rest)) / ctx.log(2)
    assert decimal.startswith("decimal: 0.9182958340544895") and len(decimal) == len("decimal: 0.") + 5000
    assert Decimal(decimal.removeprefix("decimal: ")) == correctly_rounded(reference, 5000)
    assert main(["H", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "decimal: 0"


def test_a_closed_pipe_ends_quietly(tmp_path):
    # the reader closes its end after the first line; the command stops without a traceback
    command = [sys.executable, "-m", "symentropy", "H", "1/2", "1/4", "1/4", "--digits", "100000"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert status == 1
