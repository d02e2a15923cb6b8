"""The ``symentropy`` command: exact answers without writing Python.

==============================================  ==============================================
command                                         prints
==============================================  ==============================================
``symentropy``                                  a worked example (the fair die, Cover & Thomas
                                                Example 2.2.1)
``symentropy H 1/2 1/4 1/4``                    the entropy of a list of probabilities
``symentropy query table.csv "I(X;Y|Z)"``       any textbook notation (see
                                                :mod:`symentropy.kernel.notation`) on a joint table
``symentropy prove "I(X;Z) <= I(X;Y)"``         the verdict on an information inequality and its
``--given "X -> Y -> Z"``                       proof or counterexample (exit status 0 when
                                                proved, 1 when not, 2 on bad input, 3 on an
                                                internal error)
==============================================  ==============================================

Options of ``H`` and ``query``: ``--base B`` (``2``, ``e``, ``10``, ``3/2``, ...;
default 2), ``--digits N`` (significant digits of the decimal value; default
15), ``--latex`` (also print the LaTeX) and ``--symbolic`` (allow symbols
such as ``p`` and ``1-p`` among the probabilities; the result is then a
formula, and the conditions under which the table is a distribution are
printed).

The table of ``query`` is a CSV file in long format: a header row, one column
per variable, and one column of probabilities (named ``p``, ``P``, ``prob``,
``pr`` or ``probability``) or of counts (named ``count``, ``counts``, ``n``,
``N``, ``freq``, ``frequency`` or ``weight``; counts are divided by their
total).  ``--column NAME`` picks another column, ``--counts`` says it holds
counts.  ``-`` reads the table from standard input.  Every number is read
exactly (``0.1`` is ``1/10``) by the safe grammar of
:mod:`symentropy.kernel.parsing`; nothing typed on the command line is evaluated as
code.

Bad input (a malformed number, probabilities that do not sum to 1, an
unknown variable, a malformed notation, an unreadable file) gives a one-line
message on standard error and exit status 2.

Examples
========

>>> from symentropy.display.cli import main
>>> main(["H", "1/2", "1/4", "1/4"])
H(X) in bits
exact:   3/2
decimal: 1.50000000000000
0
>>> main(["H", "1/2", "1/3"])   # prints "symentropy: error: probabilities sum to 5/6, not 1" on stderr
2
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

import sympy

from ..calculus.inequalities import prove
from ..core.distribution import Distribution
from ..errors import DistributionError, InvalidDigitsError, ParseError, SymentropyError
from ..kernel.exact import as_exact
from ..kernel.logbase import as_base
from ..kernel.notation import parse_notation
from ..kernel.numeric import check_digits, evaluate, known_sign
from ..kernel.xlogx import log_form
from ..measures.info import info
from ..version import __version__
from .example import worked_example

__all__ = ["main", "read_table"]

#: Column names recognised as probabilities and as counts (compared case-insensitively).
PROBABILITY_COLUMNS = ("p", "prob", "pr", "probability")
COUNT_COLUMNS = ("count", "counts", "n", "freq", "frequency", "weight")
#: Largest ``--digits`` accepted (100,000 digits take seconds; the library goes further).
MAX_DIGITS = 100_000
#: Largest table read by ``query``, in characters: a table is read whole, so this bounds the memory.
MAX_TABLE_CHARACTERS = 50_000_000
#: A number such as ``-1/2``, ``-0.5`` or ``-3e-2``: a (negative) probability, not an option.
_NEGATIVE_NUMBER = re.compile(r"-[0-9.]")


class _UsageError(Exception):
    """A command-line usage error, reported like any other bad input."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage block
        raise _UsageError(f"{message} (see symentropy --help)")


def _digits(text: str) -> int:
    try:
        value = int(text) if text.strip().isdigit() else text
        return check_digits(value, limit=MAX_DIGITS, what="--digits")
    except InvalidDigitsError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


#: Exit status of ``symentropy prove`` when a check of its own result fails (a bug, never a verdict).
INTERNAL_ERROR = 3


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="symentropy",
        description="Exact information theory: entropies and mutual informations as closed forms. "
        "With no arguments, print a worked example.",
    )
    parser.add_argument("--version", action="version", version=f"symentropy {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base", default="2", help="logarithm base: 2 (bits, default), e (nats), 10, 3/2, ..."
    )
    common.add_argument("--digits", type=_digits, default=15, help="significant digits of the decimal value")
    common.add_argument("--latex", action="store_true", help="also print the LaTeX of the exact value")
    common.add_argument(
        "--symbolic", action="store_true", help="allow symbols such as p or 1-p among the probabilities"
    )
    commands = parser.add_subparsers(dest="command", metavar="{H,query,prove}", parser_class=_Parser)
    entropy = commands.add_parser(
        "H",
        parents=[common],
        help="entropy of a list of probabilities",
        description="Print the entropy of the probabilities, e.g. symentropy H 1/2 1/4 1/4",
    )
    entropy.add_argument("probabilities", nargs="+", help="exact probabilities: 1/2, 0.25, 3e-2, p, 1-p, ...")
    query = commands.add_parser(
        "query",
        parents=[common],
        help="evaluate notation such as I(X;Y|Z) on a CSV table",
        description='Evaluate textbook notation on a joint table, e.g. symentropy query t.csv "I(X;Y|Z)"',
    )
    query.add_argument(
        "table", help="CSV file in long format (one column per variable, one of p or counts); - for stdin"
    )
    query.add_argument("notation", help='e.g. "H(X,Y|Z)", "I(X;Y|Z)", "H(X|Y=3)", "H_2(X)"')
    query.add_argument(
        "--column", help="the column of probabilities or counts (default: p, prob, count, n, ...)"
    )
    query.add_argument(
        "--counts", action="store_true", help="the column holds counts, to be divided by their total"
    )
    claim = commands.add_parser(
        "prove",
        help="prove or refute an information inequality, exactly",
        description="Prove or refute a linear information inequality, e.g. "
        'symentropy prove "I(X;Z) <= I(X;Y)" --given "X -> Y -> Z". Exit status 0 when proved, 1 when not.',
    )
    claim.add_argument("statement", help='e.g. "I(X;Z) <= I(X;Y)", "H(X,Y) <= H(X) + H(Y)"')
    claim.add_argument(
        "--given",
        action="append",
        default=[],
        help='a constraint: "X -> Y -> Z", "X _|_ Y | Z", "H(Y|X) = 0"',
    )
    claim.add_argument("--copy-lemma", action="store_true", help="try one copy-lemma step (Zhang-Yeung)")
    claim.add_argument("--latex", action="store_true", help="also print the proof as LaTeX")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``symentropy`` command with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Explanation
    ===========

    With no arguments, print the worked example of ``python -m symentropy``.
    Bad input is reported on one line of standard error, with exit status 2.

    Examples
    ========

    >>> from symentropy.display.cli import main
    >>> main(["H", "1/6", "1/6", "1/6", "1/6", "1/6", "1/6", "--digits", "30", "--latex"])
    H(X) in bits
    exact:   1 + log(3)/log(2)
    decimal: 2.58496250072115618145373894395
    latex:   1 + \\frac{\\log{\\left(3 \\right)}}{\\log{\\left(2 \\right)}}
    0
    >>> main(["H", "1/2", "one half"])  # one line on stderr: cannot read probability 2, 'one half': ...
    2

    Parameters
    ==========

    argv : sequence of str, optional
        The arguments, without the program name.

    See Also
    ========

    symentropy.measures.info.info
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args:
            print(worked_example())
            return 0
        try:
            options = _build_parser().parse_args(_numbers_as_arguments(args))
        except SystemExit as done:  # --help and --version print and stop
            return int(done.code or 0)
        if options.command == "H":
            _run_entropy(options, sys.stdout)
        elif options.command == "prove":
            status = _run_prove(options, sys.stdout)
            sys.stdout.flush()
            return status
        else:
            _run_query(options, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (_UsageError, SymentropyError, ValueError, LookupError, OSError, csv.Error) as error:
        print(f"symentropy: error: {_one_line(error)}", file=sys.stderr)
        return 2
    return 0


def _numbers_as_arguments(args: list[str]) -> list[str]:
    """Keep ``-1/2`` a probability: argparse would read a word that starts with ``-`` as an option.

    A leading space makes argparse take it as a positional argument; the
    number reader strips it, and then says what is wrong with the number.
    """
    if "--" in args:
        return args
    return [f" {a}" if _NEGATIVE_NUMBER.match(a) else a for a in args]


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        return f"cannot read {error.filename}: {error.strerror or error}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _run_entropy(options: argparse.Namespace, out: TextIO) -> None:
    base = as_base(options.base)
    probabilities = []
    for k, text in enumerate(options.probabilities, start=1):
        probabilities.append(_read_number(text, f"probability {k}", symbolic=options.symbolic))
    d = Distribution.from_pmf(probabilities)
    _report("H(X)", info(d, "H(X)", base=base), d, base, options, out)


def _run_query(options: argparse.Namespace, out: TextIO) -> None:
    base = as_base(options.base)
    notation = parse_notation(options.notation)
    table = {"column": options.column, "counts": options.counts, "symbolic": options.symbolic}
    if options.table == "-":
        text = _bounded(sys.stdin, "standard input")
    else:
        with open(options.table, encoding="utf-8-sig", newline="") as handle:
            text = _bounded(handle, options.table)
    d = read_table(text, **table)
    _report(str(notation), info(d, notation, base=base), d, base, options, out)


def _run_prove(options: argparse.Namespace, out: TextIO) -> int:
    result = prove(options.statement, given=options.given, copy_lemma=options.copy_lemma)
    try:
        result.check()
        text = f"{result}\n\n{result.derivation()}\n"
        if options.latex:
            text += f"\n{result.derivation().to_latex()}\n"
    except SymentropyError:
        raise
    except Exception as error:  # noqa: BLE001  (any failure past the input is a bug, reported as one)
        print(f"symentropy: internal error: {type(error).__name__}: {_one_line(error)}", file=sys.stderr)
        return INTERNAL_ERROR
    out.write(text)
    return 0 if result else 1


def _bounded(handle: TextIO, name: str) -> str:
    """Read a whole table, refusing one longer than :data:`MAX_TABLE_CHARACTERS`."""
    text = handle.read(MAX_TABLE_CHARACTERS + 1)
    if len(text) > MAX_TABLE_CHARACTERS:
        raise DistributionError(
            f"{name} is longer than {MAX_TABLE_CHARACTERS:,} characters; "
            "symentropy reads tables up to that size"
        )
    if "\0" in text:
        raise DistributionError(f"{name} is not a text table: it contains NUL characters")
    return text


def _read_number(text: str, what: str, *, symbolic: bool) -> sympy.Expr:
    try:
        value = as_exact(text.strip(), what=what)
    except ParseError as error:
        detail = str(error).splitlines()[0]
        raise ParseError(f"cannot read {what}, {text!r}: {detail}") from None
    if value.free_symbols and not symbolic:
        raise ParseError(f"{what}, {text!r}, is not a number (pass --symbolic to allow symbols such as p)")
    return value


def _unit(base: sympy.Expr) -> str:
    if base == 2:
        return "bits"
    if base == sympy.E:
        return "nats"
    if base == 10:
        return "hartleys"
    return f"logarithms to base {base}"


def _report(
    label: str, value: sympy.Expr, d: Distribution, base: sympy.Expr, options: argparse.Namespace, out: TextIO
) -> None:
    out.write(f"{label} in {_unit(base)}\n")
    # -p*log(p) as in the book: the terminal's output is read, not computed with
    out.write(f"exact:   {log_form(value)}\n")
    if d.conditions:
        out.write(f"valid if {' and '.join(str(c) for c in d.conditions)}\n")
    if value.free_symbols:
        names = ", ".join(sorted(str(s) for s in value.free_symbols))
        out.write(f"decimal: depends on {names}\n")
    elif value.is_infinite:
        out.write(f"decimal: {value}\n")
    elif value.is_zero:
        out.write("decimal: 0\n")
    else:
        out.write(f"decimal: {evaluate(value, options.digits)}\n")
    if options.latex:
        out.write(f"latex:   {sympy.latex(value)}\n")


def read_table(
    source: TextIO | str,
    *,
    column: str | None = None,
    counts: bool = False,
    symbolic: bool = False,
) -> Distribution:
    """Read a joint distribution from a CSV table in long format.

    Explanation
    ===========

    The first row names the columns: one per variable, and one of
    probabilities or counts.  That column is ``column`` if given, else the
    one named ``p``, ``prob``, ``pr`` or ``probability`` (probabilities) or
    ``count``, ``counts``, ``n``, ``freq``, ``frequency`` or ``weight``
    (counts, divided by their total); names are compared case-insensitively.
    ``counts=True`` says that ``column`` holds counts.  Values of the
    variables are kept as strings; blank lines are skipped.  Numbers are read
    exactly by :func:`symentropy.kernel.exact.as_exact`.

    Examples
    ========

    >>> from symentropy.display.cli import read_table
    >>> print(read_table("X,Y,p\\n0,0,1/2\\n1,1,0.25\\n1,0,0.25\\n"))
    X  Y  P
    0  0  1/2
    1  1  1/4
    1  0  1/4
    >>> read_table("X,n\\nheads,3\\ntails,1\\n")
    Distribution.from_dict({'heads': '3/4', 'tails': '1/4'}, name='X')

    Parameters
    ==========

    source : file object or str
        An open text file, or the CSV text itself.
    column : str, optional
        The column of probabilities or counts.
    counts : bool
        Whether ``column`` holds counts rather than probabilities.
    symbolic : bool
        Allow symbols (``p``, ``1-p``) among the probabilities.

    Raises
    ======

    DistributionError
        For a table that is not a distribution, or a malformed table; the
        message names the line.
    ParseError
        For a cell that is not a number (or is symbolic, without
        ``symbolic=True``).
    """
    handle = io.StringIO(source) if isinstance(source, str) else source
    rows = [(n, [cell.strip() for cell in row]) for n, row in enumerate(csv.reader(handle), start=1)]
    rows = [(n, row) for n, row in rows if any(row)]
    if not rows:
        raise DistributionError("the table is empty: expected a header row such as X,Y,p")
    (_, header), body = rows[0], rows[1:]
    position, counts = _weight_column(header, column, counts)
    names = tuple(h for k, h in enumerate(header) if k != position)
    if not names:
        raise DistributionError(f"the table has no variable columns besides {header[position]!r}")
    if not body:
        raise DistributionError("the table has a header but no rows")
    pmf: dict[tuple, sympy.Expr] = {}
    for n, row in body:
        if len(row) != len(header):
            raise DistributionError(f"line {n} has {len(row)} fields, but the header has {len(header)}")
        outcome = tuple(cell for k, cell in enumerate(row) if k != position)
        if outcome in pmf:
            raise DistributionError(f"line {n}: outcome {', '.join(outcome)} appears twice")
        pmf[outcome] = _read_number(row[position], f"line {n}, column {header[position]}", symbolic=symbolic)
    if counts:
        pmf = _normalise(pmf)
    return Distribution(pmf, names=names)


def _weight_column(header: list[str], column: str | None, counts: bool) -> tuple[int, bool]:
    """The position of the probability or count column, and whether it holds counts."""
    if column is not None:
        if column not in header:
            raise DistributionError(f"no column {column!r} in the table; its columns are {', '.join(header)}")
        return header.index(column), counts or column.lower() in COUNT_COLUMNS
    found = [k for k, h in enumerate(header) if h.lower() in PROBABILITY_COLUMNS + COUNT_COLUMNS]
    if len(found) != 1:
        problem = (
            "no column of probabilities or counts"
            if not found
            else "several columns could be the probabilities"
        )
        raise DistributionError(
            f"{problem} in the header {', '.join(header)}: "
            "name one column p (or count) or choose it with --column"
        )
    k = found[0]
    return k, counts or header[k].lower() in COUNT_COLUMNS


def _normalise(pmf: dict[tuple, sympy.Expr]) -> dict[tuple, sympy.Expr]:
    for outcome, c in pmf.items():
        if not c.is_number:
            raise DistributionError(f"count {c} of outcome {', '.join(outcome)} is not a number")
        if known_sign(c) == -1:
            raise DistributionError(f"count {c} of outcome {', '.join(outcome)} is negative")
    total = sympy.Add(*pmf.values())
    if total.is_zero:
        raise DistributionError("the counts sum to 0")
    return {outcome: c / total for outcome, c in pmf.items()}


if __name__ == "__main__":
    sys.exit(main())
