"""Sphinx configuration of the symentropy documentation.

Build: ``python -m sphinx -W -b html docs <output directory>`` (the ``docs``
extra installs what it needs).  Pages are MyST Markdown; notebooks (``.ipynb``
and MyST text notebooks) are executed on every build by MyST-NB, so every
output shown is produced by the code shown.  The ``>>>`` examples of the
Markdown pages run in the test suite as doctests.
"""

from __future__ import annotations

import itertools
import os
import re
import sys

# Document the source tree this file belongs to, whether or not it is installed.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, ROOT)

project = "symentropy"
author = "The symentropy developers"
copyright = "the symentropy developers"  # noqa: A001  (Sphinx reads this name)

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
]

root_doc = "index"
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "conf.py"]
html_theme = "alabaster"
# Derivations are wide: a wider page than alabaster's default 940px.
html_theme_options = {
    "description": "Exact information theory with sympy",
    "page_width": "1240px",
    "body_max_width": "none",
}
html_static_path: list[str] = []

# -- MyST and notebook execution ------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
nb_execution_mode = "force"  # execute every notebook on every build: outputs are never stale
nb_execution_raise_on_error = True  # a failing cell fails the build
nb_execution_timeout = 120
nb_merge_streams = True

# -- API reference from the docstrings ---------------------------------------------------
# symentropy's docstrings follow sympy's layout (numpydoc sections underlined with "=");
# napoleon reads them, and the sections sympy adds to numpydoc's are rendered as rubrics.
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_custom_sections = [
    "Explanation",
    "Policy",
    "Design",
    "Exact capacities",
    "Certified numeric capacities",
]
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}

# Guides written alongside the core pages; each is listed in the table of contents when present.
_FOOTNOTE = re.compile(r"^(\s*)\.\. \[(\d+)\]")
_FOOTNOTE_REFERENCE = re.compile(r"\[(\d+)\]_")
_labels = itertools.count(1)


def _unique_references(app, what, name, obj, options, lines: list[str]) -> None:
    """Give each docstring's numbered references (``.. [1]``, sympy's style) labels unique in the site.

    Several functions documented on one page each have a reference ``[1]``; docutils would
    report them as duplicate targets.  They become auto-numbered footnotes with unique names
    (``.. [#R1]``), which docutils numbers in order on each page.
    """
    numbers = {m.group(2) for line in lines if (m := _FOOTNOTE.match(line))}
    if not numbers:
        return
    labels = {n: f"#R{next(_labels)}" for n in sorted(numbers, key=int)}
    for i, line in enumerate(lines):
        line = _FOOTNOTE.sub(lambda m: f"{m.group(1)}.. [{labels[m.group(2)]}]", line)
        lines[i] = _FOOTNOTE_REFERENCE.sub(lambda m: f"[{labels.get(m.group(1), m.group(1))}]_", line)


def setup(app):
    app.connect("autodoc-process-docstring", _unique_references)
