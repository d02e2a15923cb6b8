"""``python -m symentropy``: the worked example, or the command line with arguments.

Without arguments it prints :func:`symentropy.display.example.worked_example`
(a fair die, and Cover & Thomas, *Elements of Information Theory*, 2nd ed.,
Example 2.2.1, exactly and to 30 digits); with arguments it runs the
``symentropy`` command (:func:`symentropy.display.cli.main`).
"""

from __future__ import annotations

import sys

from .display.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
