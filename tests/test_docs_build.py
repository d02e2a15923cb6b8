"""The documentation builds with warnings as errors, and its notebooks execute.

The build runs Sphinx with MyST-NB in a temporary directory.  MyST-NB executes every
notebook (``nb_execution_mode = "force"`` in ``docs/conf.py``), so a cell that raises fails the
build; the ``>>>`` examples of the Markdown pages run as doctests in the rest of the suite.
The test is skipped when the ``docs`` extra is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEEDED = ["sphinx", "myst_nb", "ipykernel", "matplotlib"]
MISSING = [name for name in NEEDED if importlib.util.find_spec(name) is None]

pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"the docs extra is not installed (missing {MISSING})")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    env.pop("MPLBACKEND", None)  # the kernel's inline backend puts the figures in the notebook
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(out / "doctrees"),
            str(ROOT / "docs"),
            str(out / "html"),
        ],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout[-5000:]}\n{result.stderr[-5000:]}"
    return out / "html"


def test_every_page_is_built(site):
    for page in [
        "index",
        "getting-started",
        "tutorial",
        "gallery",
        "display",
        "api",
        "design",
        "howto/index",
        "howto/check-a-textbook-exercise",
        "howto/derive-a-channel-capacity",
        "howto/export-a-derivation-to-latex",
        "howto/evaluate-to-1000-digits",
    ]:
        assert (site / f"{page}.html").exists(), page


def test_tutorial_shows_table_derivations_and_figures(site):
    html = (site / "tutorial.html").read_text()
    assert html.count('class="symentropy-distribution"') == 1  # the weather table, as HTML
    assert html.count(r"\begin{aligned}") >= 3  # two derivations and the list of joint entropies
    assert r"&amp;= 1 + \log_{2} 3" in html  # the fair die, exactly
    assert r"\approx 0.293736" in html  # I(W;U)
    images = re.findall(r'<img [^>]*src="(_images/[^"]+\.png)"', html)
    assert len(images) == 2  # the binary entropy curve and the information diagram
    for image in images:
        assert (site / image).stat().st_size > 10_000
    assert "Traceback" not in html and "Error" not in html


def test_gallery_and_api_reference(site):
    gallery = (site / "gallery.html").read_text()
    assert len(re.findall(r'<img [^>]*src="_images/', gallery)) == 2
    api = (site / "api.html").read_text()
    for name in [
        "symentropy.measures.shannon.mutual_information",
        "symentropy.display.derivation.derive",
        "symentropy.display.latex.to_latex",
        "symentropy.display.expressions.MutualInformation",
    ]:
        assert f'id="{name}"' in api, name


def test_notation_table_keeps_its_bars(site):
    # a | inside a table cell splits the cell unless escaped (tests/test_docs_tables.py)
    html = (site / "notation.html").read_text()
    for shown in ["H(X|Y)", "I(X;Y|Z)", "D(P||Q)", "D(P(X|Y)||Q(X|Y))"]:
        assert f'<span class="pre">{shown}</span>' in html, shown


TEXT_KINDS = ("text/plain", "text/latex", "text/html")


def _shown(notebook) -> list[list[tuple]]:
    """What each code cell shows: its outputs' kinds and texts (images by kind only)."""
    shown = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            data = output.get("data", {})
            texts = {kind: str(data[kind]) for kind in TEXT_KINDS if kind in data}
            outputs.append((output.output_type, sorted(data), texts, output.get("text", "")))
        shown.append(outputs)
    return shown


def test_the_tutorial_carries_the_outputs_of_a_fresh_run():
    import importlib.util

    import nbformat

    spec = importlib.util.spec_from_file_location("execute", ROOT / "docs" / "execute.py")
    execute = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(execute)
    for path in execute.NOTEBOOKS:
        stored = nbformat.read(path, as_version=4)
        code = [cell for cell in stored.cells if cell.cell_type == "code"]
        assert all(cell.execution_count for cell in code), f"{path.name} is stored unexecuted"
        assert _shown(stored) == _shown(execute.execute(path)), (
            f"the outputs stored in {path.name} are not those of a fresh run: run python docs/execute.py"
        )
