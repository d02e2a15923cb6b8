"""Every Markdown table of the README and the docs has as many cells in each row as in its header.

A ``|`` inside a cell, even inside backticks (``H(X|Y)``), ends the cell in GitHub's and MyST's
tables unless it is written ``\\|``; the row then silently gains a column and the page shows
the notation torn in two. This test splits rows as those renderers do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").rglob("*.md")])
SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def cells(row: str) -> list[str]:
    """The cells of a table row: split at every ``|`` not escaped by a backslash."""
    text = row.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return re.split(r"(?<!\\)\|", text)


def tables(path: Path):
    """``(line number, header, rows)`` for each table of ``path``, outside fenced code."""
    lines = path.read_text(encoding="utf-8").splitlines()
    fenced = False
    k = 0
    while k < len(lines):
        if lines[k].lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and "|" in lines[k] and k + 1 < len(lines) and SEPARATOR.match(lines[k + 1]):
            start, header = k + 1, lines[k]
            k += 2
            rows = []
            while k < len(lines) and lines[k].strip().startswith("|"):
                rows.append((k + 1, lines[k]))
                k += 1
            yield start, header, rows
            continue
        k += 1


def test_the_pages_have_tables():
    assert sum(1 for page in PAGES for _ in tables(page)) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_row_has_the_cells_of_its_header(page):
    for start, header, rows in tables(page):
        width = len(cells(header))
        for number, row in rows:
            assert len(cells(row)) == width, (
                f"{page.relative_to(ROOT)}:{number}: {len(cells(row))} cells where the header of "
                f"line {start} has {width}; write a | inside a cell as \\|"
            )


def test_the_splitting_rule():
    assert len(cells("| `H(X|Y)` | entropy |")) == 3
    assert len(cells(r"| `H(X\|Y)` | entropy |")) == 2
