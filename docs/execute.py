"""Run the tutorial notebook and store its outputs in it, so that it reads well unexecuted.

    python docs/execute.py

The documentation build executes the notebook again on every build (``docs/conf.py``), and
``tests/test_docs_build.py`` fails when the stored outputs differ from a fresh run: run this
after changing a cell.  It needs the ``docs`` extra.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTEBOOKS = [HERE / "tutorial.ipynb"]


def execute(path: Path):
    """The notebook at ``path``, executed from the docs folder with this checkout importable."""
    import nbclient
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")])
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend puts the figures in the notebook
    resources = {"metadata": {"path": str(HERE)}}
    # no timings: a fresh run that shows the same leaves the file unchanged
    nbclient.NotebookClient(notebook, timeout=120, record_timing=False, resources=resources).execute()
    return notebook


def main() -> int:
    import nbformat

    for path in NOTEBOOKS:
        nbformat.write(execute(path), path)
        print(f"executed {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
