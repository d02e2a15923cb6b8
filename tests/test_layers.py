"""The package keeps its layers: arrows point down, no circles, no private names across files.

The rules (``docs/design.md`` explains them):

1. Layers, lowest first: ``errors`` and ``version`` (any file may import them), ``kernel``,
   ``core``, ``models``, ``measures``, ``calculus``, ``display``, then the package's face
   (``__init__``, ``__main__``, ``legacy``).  A file imports only from its own layer and the
   layers below it.
2. No import circle, counting the imports made inside functions.
3. No underscore name taken from another file, whether imported (``from .x import _y``) or
   read off an imported module (``x._y``).
4. Imports inside functions are kept for optional or heavy third-party packages (numpy,
   matplotlib, pandas, networkx, sympy.stats, ...), and for the short list of convenience
   methods below that delegate upward, the way ``sympy.Expr.integrate`` does.
5. No module is longer than ``MAX_LINES`` lines, except a catalogue.

The checker reads the source with :mod:`ast` (nothing is imported), so it sees imports made
inside functions and behind ``if TYPE_CHECKING``, and it reads each entry of a package's table
``EXPORTS`` of names imported on first use as the import it stands for.  Each failure names the
file and the line.
The second half of this file plants each kind of fault in a small package and checks that the
checker reports it.
"""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "symentropy"

#: Layers from the bottom up.  A module's layer is its first dotted component below the
#: package; modules directly in the package that are not listed sit on top.
LAYERS = ("errors", "version", "kernel", "core", "models", "measures", "calculus", "display")
#: Modules every layer may import.
BASEMENT = {"errors", "version"}

#: Convenience methods that delegate to a higher layer: (file, function) -> the module they
#: may import.  Keep this list short; each entry is a one-line method.
UPWARD_CONVENIENCES = {
    ("core/distribution.py", "info"): "symentropy.measures.info",
    ("models/channel.py", "mutual_information"): "symentropy.measures.shannon",
    ("calculus/inequalities/result.py", "derivation"): "symentropy.display.proof",
}

#: Third-party modules that may be imported inside a function: optional extras, or heavy
#: modules that ``import symentropy`` should not load.
LAZY_THIRD_PARTY = (
    "numpy", "matplotlib", "pandas", "xarray", "dit", "networkx", "scipy", "sympy.stats", "IPython",
)

#: Longest module, and the catalogues allowed beyond it (like sympy.stats' crv_types.py).
MAX_LINES = 1200
CATALOGUES = {"models/continuous.py"}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, dotted
    path: str  # its file, relative to the package folder
    line: int
    target: str  # imported module, dotted (absolute)
    names: tuple[str, ...]  # names taken by 'from target import ...'; () for 'import target'
    function: str | None  # enclosing function, None at module level


def module_name(package: Path, path: Path) -> str:
    parts = (package.name, *path.relative_to(package).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_imports(package: Path) -> tuple[list[Import], list[str], dict[str, int]]:
    """Every import, the reads of private attributes of the package's modules, and file lengths."""
    imports: list[Import] = []
    private_reads: list[str] = []
    lengths: dict[str, int] = {}
    modules = {module_name(package, p) for p in package.rglob("*.py")}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        source = module_name(package, path)
        text = path.read_text(encoding="utf-8")
        lengths[rel] = text.count("\n") + 1
        tree = ast.parse(text, filename=str(path))
        here = source if path.name == "__init__.py" else source.rpartition(".")[0]
        aliases: dict[str, str] = {}  # local name -> package module it is bound to
        nodes = list(_walk(tree))
        for key, names, line in lazy_exports(tree):  # a table of lazy names counts as imports
            level = len(key) - len(key.lstrip("."))
            imports.append(Import(source, rel, line, _absolute(here, level, key[level:]), names, None))
        for function, node in nodes:
            if isinstance(node, ast.ImportFrom):
                target = _absolute(here, node.level, node.module or "")
                names = tuple(a.name for a in node.names)
                imports.append(Import(source, rel, node.lineno, target, names, function))
                for a in node.names:
                    if f"{target}.{a.name}" in modules:  # 'from .core import numeric': a module
                        aliases[a.asname or a.name] = f"{target}.{a.name}"
                    elif target.split(".")[0] == package.name:  # a class or function of the package
                        aliases[a.asname or a.name] = f"{target}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    imports.append(Import(source, rel, node.lineno, a.name, (), function))
                    if a.name.split(".")[0] == package.name:
                        aliases[a.asname or a.name] = a.name
        for _, node in nodes:
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                bound = aliases.get(node.value.id)
                if bound and node.attr.startswith("_") and not node.attr.startswith("__"):
                    private_reads.append(f"{rel}:{node.lineno}: reads {node.value.id}.{node.attr} of {bound}")
    return imports, private_reads, lengths


def _absolute(here: str, level: int, module: str) -> str:
    """The module ``from <level dots><module> import ...`` reads, in the package ``here``."""
    if not level:
        return module
    base = here.split(".")
    base = base[: len(base) - level + 1]
    return ".".join(base + ([module] if module else []))


def lazy_exports(tree: ast.Module) -> list[tuple[str, tuple[str, ...], int]]:
    """The entries ``(module, names, line)`` of a package's table ``EXPORTS`` of lazy names.

    A package lists its public names by module in ``EXPORTS = {".numeric": ("evaluate", ...)}``
    and imports each on first use (``symentropy/kernel/lazy.py``); an entry is read as the
    import ``from .numeric import evaluate, ...`` it stands for.
    """
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        named = any(isinstance(t, ast.Name) and t.id == "EXPORTS" for t in targets)
        if named and isinstance(value, ast.Dict):
            for key, names in zip(value.keys, value.values, strict=True):
                found.append((ast.literal_eval(key), tuple(ast.literal_eval(names)), key.lineno))
    return found


def _walk(tree: ast.AST):
    """Yield (enclosing function or None, node) for every node."""
    stack: list[tuple[str | None, ast.AST]] = [(None, tree)]
    while stack:
        function, node = stack.pop()
        yield function, node
        inner = node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
        stack.extend((inner, child) for child in ast.iter_child_nodes(node))


def layer_of(package: str, module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:  # the package itself: its face
        return len(LAYERS)
    first = parts[1]
    if first in BASEMENT:
        return 0
    return LAYERS.index(first) if first in LAYERS else len(LAYERS)


#: Private names that are protocols of sympy, mpmath or Python, which objects of other files may
#: rightly be asked for (``printer._print``, ``x._mpf_``, ``expr._eval_is_zero``, ...).
PROTOCOL = re.compile(
    r"_(print|latex|sympystr|pretty|eval_|hashable_content|repr_|[a-z]*code$|sympy_|symentropy_|mpf_|prec$"
    r"|new$|from_args|args$|assumptions|mhash|subs$|use_unicode|module_format|context|module)"
)


def private_attribute_reads(package: Path) -> list[str]:
    """``obj._x`` where ``_x`` is defined in another file of the package only (not ``self._x``)."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(package.rglob("*.py"))}
    defined: dict[str, set[Path]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.attr for t in node.targets if isinstance(t, ast.Attribute)]
            for name in names:
                if name.startswith("_") and not name.startswith("__"):
                    defined.setdefault(name, set()).add(path)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not _private(node.attr):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            owners = defined.get(node.attr, set())
            if owners and path not in owners and not PROTOCOL.match(node.attr):
                rel = path.relative_to(package).as_posix()
                found.append(f"{rel}:{node.lineno}: reads .{node.attr}, a private name of another file")
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _lazy(i: Import) -> str:
    return f"{i.path}:{i.line}: imports {i.target} inside {i.function}(); import it at the top"


def check(package: Path) -> list[str]:
    """All violations of the rules in ``package``, as 'file:line: what' strings."""
    imports, problems, lengths = read_imports(package)
    problems.extend(private_attribute_reads(package))
    name = package.name
    modules = {module_name(package, p) for p in package.rglob("*.py")}
    own = [i for i in imports if i.target.split(".")[0] == name]
    allowed_upward = {(path, function): target for (path, function), target in UPWARD_CONVENIENCES.items()}
    edges: dict[str, dict[str, Import]] = {}
    for i in own:
        exempt = allowed_upward.get((i.path, i.function)) == i.target
        if i.function is not None and not exempt:
            problems.append(_lazy(i))
        if layer_of(name, i.target) > layer_of(name, i.source) and not exempt:
            problems.append(f"{i.path}:{i.line}: imports {i.target}, which is in a higher layer")
        for n in i.names:
            if n.startswith("_") and not n.startswith("__"):
                problems.append(f"{i.path}:{i.line}: imports the private name {n} from {i.target}")
        if not exempt:
            # 'from .core import numeric' ties the file to the module, not to the folder
            targets = [f"{i.target}.{n}" for n in i.names if f"{i.target}.{n}" in modules] or [i.target]
            for target in targets:
                if target != i.source:
                    edges.setdefault(i.source, {}).setdefault(target, i)
    for i in imports:
        if i.target.split(".")[0] != name and i.function is not None:
            if not any(i.target == lazy or i.target.startswith(lazy + ".") for lazy in LAZY_THIRD_PARTY):
                problems.append(_lazy(i))
    problems.extend(_circles(edges))
    for path, lines in sorted(lengths.items()):
        if lines > MAX_LINES and path not in CATALOGUES:
            problems.append(f"{path}:1: {lines} lines, more than {MAX_LINES}; split it along its sections")
    return sorted(set(problems))


def _circles(edges: dict[str, dict[str, Import]]) -> list[str]:
    """One report per circle of imports, found by depth-first search."""
    found: list[str] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target, imp in sorted(edges.get(module, {}).items()):
            if state.get(target) == 1:
                loop = path[path.index(target):] + [target]
                found.append(f"{imp.path}:{imp.line}: closes an import circle: {' -> '.join(loop)}")
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    return found


def test_the_package_keeps_its_layers():
    problems = check(PACKAGE)
    assert not problems, "layer rules broken:\n" + "\n".join(problems)


def test_every_upward_convenience_is_a_real_method():
    imports, _, _ = read_imports(PACKAGE)
    for (path, function), target in UPWARD_CONVENIENCES.items():
        assert any(i.path == path and i.function == function and i.target == target for i in imports), (
            f"{path}: {function}() no longer imports {target}; drop it from UPWARD_CONVENIENCES"
        )


def test_every_layer_is_a_folder():
    for layer in LAYERS:
        if layer not in BASEMENT:
            assert (PACKAGE / layer / "__init__.py").is_file(), f"the layer {layer}/ is missing"
    loose = {p.stem for p in PACKAGE.glob("*.py")} - set(BASEMENT) - {"__init__", "__main__", "legacy"}
    assert not loose, f"modules outside the layer folders: {sorted(loose)}"


# -- the checker finds what it should ----------------------------------------------------------
def plant(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "pkg"
    for rel, text in {"__init__.py": "", "errors.py": "", **files}.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    for layer in LAYERS:
        if layer not in BASEMENT:
            (package / layer).mkdir(exist_ok=True)
            (package / layer / "__init__.py").touch()
    return package


def test_a_planted_upward_import_is_reported(tmp_path):
    package = plant(tmp_path, {
        "kernel/low.py": "from ..display.high import show\n",
        "display/high.py": "show = 1\n",
    })
    assert check(package) == ["kernel/low.py:1: imports pkg.display.high, which is in a higher layer"]


def test_an_upward_import_inside_a_function_is_reported(tmp_path):
    package = plant(tmp_path, {
        "core/low.py": "def f():\n    from ..measures import m\n    return m\n",
        "measures/m.py": "",
    })
    assert check(package) == [
        "core/low.py:2: imports pkg.measures inside f(); import it at the top",
        "core/low.py:2: imports pkg.measures, which is in a higher layer",
    ]


def test_a_circle_within_a_layer_is_reported(tmp_path):
    package = plant(tmp_path, {
        "core/a.py": "from .b import y\nx = 1\n",
        "core/b.py": "y = 2\ndef f():\n    from .a import x\n    return x\n",
    })
    problems = check(package)
    assert "core/b.py:3: imports pkg.core.a inside f(); import it at the top" in problems
    circle = "closes an import circle: pkg.core.a -> pkg.core.b -> pkg.core.a"
    assert any(circle in p for p in problems), problems


def test_a_private_name_across_files_is_reported(tmp_path):
    package = plant(tmp_path, {
        "kernel/a.py": "_secret = 1\n",
        "core/b.py": "from ..kernel.a import _secret\nfrom ..kernel import a\nz = a._secret\n",
    })
    assert check(package) == [
        "core/b.py:1: imports the private name _secret from pkg.kernel.a",
        "core/b.py:3: reads a._secret of pkg.kernel.a",
    ]


def test_a_long_module_is_reported(tmp_path):
    package = plant(tmp_path, {"core/big.py": "x = 1\n" * (MAX_LINES + 1)})
    expected = f"core/big.py:1: {MAX_LINES + 2} lines, more than {MAX_LINES}; split it along its sections"
    assert check(package) == [expected]


def test_a_lazy_name_pointing_upward_is_reported(tmp_path):
    package = plant(tmp_path, {
        "core/__init__.py": 'EXPORTS = {\n    ".low": ("f",),\n    "..measures.m": ("g",),\n}\n',
        "core/low.py": "f = 1\n",
        "measures/m.py": "g = 2\n",
    })
    assert check(package) == ["core/__init__.py:3: imports pkg.measures.m, which is in a higher layer"]


def test_the_lazy_tables_of_the_package_are_read_as_imports():
    imports, _, _ = read_imports(PACKAGE)
    lazy = {(i.path, i.target): i.names for i in imports if i.path.endswith("__init__.py")}
    assert "evaluate" in lazy["kernel/__init__.py", "symentropy.kernel.numeric"]
    assert lazy["kernel/__init__.py", "symentropy.kernel"] == ("intervals",)  # 'from . import intervals'
    assert lazy["measures/__init__.py", "symentropy.core.names"] == ("Names",)
    assert "entropy" in lazy["__init__.py", "symentropy.measures.shannon"]


@pytest.mark.parametrize("lazy", ["numpy", "matplotlib.pyplot", "sympy.stats"])
def test_optional_packages_may_be_imported_lazily(tmp_path, lazy):
    package = plant(tmp_path, {"core/a.py": f"def f():\n    import {lazy}\n    return {lazy}\n"})
    assert check(package) == []


def test_other_lazy_imports_are_reported(tmp_path):
    package = plant(tmp_path, {"core/a.py": "def f():\n    import json\n    return json\n"})
    assert check(package) == ["core/a.py:2: imports json inside f(); import it at the top"]


def test_a_private_attribute_of_an_imported_class_is_reported(tmp_path):
    package = plant(tmp_path, {
        "kernel/a.py": "class Box:\n    _inside = 1\n",
        "core/b.py": "from ..kernel.a import Box\nz = Box._inside\n",
    })
    assert check(package) == ["core/b.py:2: reads Box._inside of pkg.kernel.a.Box"]


def test_a_private_method_of_another_file_is_reported(tmp_path):
    package = plant(tmp_path, {
        "core/a.py": "class Table:\n    def _cells(self):\n        return []\n",
        "display/b.py": "def show(table):\n    return table._cells()\n",
    })
    assert check(package) == ["display/b.py:2: reads ._cells, a private name of another file"]
