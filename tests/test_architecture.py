"""The import rules of docs/architecture.md, read from the code: a wrong arrow fails here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: For each layer (a module or package of graphkit), the graphkit modules it may import.
#: A module is ruled by the longest layer name that prefixes it.
ALLOWED: dict[str, tuple[str, ...]] = {
    "graphkit.errors": (),
    "graphkit.model": ("graphkit.model", "graphkit.errors"),
    "graphkit.strength": ("graphkit.model", "graphkit.errors"),
    "graphkit.orgs": ("graphkit.model", "graphkit.errors"),
    "graphkit.io": ("graphkit.io", "graphkit.model", "graphkit.errors", "graphkit.orgs",
                    "graphkit.strength"),
    "graphkit.store": ("graphkit.store", "graphkit.model", "graphkit.strength", "graphkit.orgs",
                       "graphkit.errors"),
    "graphkit.analysis": ("graphkit.analysis", "graphkit.store.base", "graphkit.model",
                          "graphkit.strength", "graphkit.errors"),
    "graphkit.render": ("graphkit.render", "graphkit.analysis", "graphkit.model",
                        "graphkit.strength", "graphkit.errors"),
}

#: Third-party packages that only some modules may import.
ONLY_IN = {
    "click": ("graphkit.cli",),
    "neo4j": ("graphkit.store.neo4j",),
    "matplotlib": ("graphkit.plot",),
}


def modules() -> dict[str, Path]:
    """Every module of the library and the CLI, by its installed dotted name."""
    found = {}
    for base, package in ((ROOT / "graphkit", "graphkit"), (ROOT / "cli", "graphkit.cli")):
        for path in base.rglob("*.py"):
            parts = list(path.relative_to(base).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


def imports(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, at top level) for every import in the file, relative ones
    resolved; imports under ``if TYPE_CHECKING:`` are left out (they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    top = {id(n) for n in tree.body}
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.extend((a.name, node.lineno, id(node) in top) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            out.append((module, node.lineno, id(node) in top))
    return out


def layer(name: str) -> str | None:
    keys = [k for k in ALLOWED if name == k or name.startswith(k + ".")]
    return max(keys, key=len) if keys else None


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


ALL = modules()


@pytest.mark.parametrize("name", sorted(ALL))
def test_imports_follow_the_layers(name):
    path = ALL[name]
    wrong = []
    rule = layer(name)
    for module, line, _ in imports(name, path):
        where = f"{path.relative_to(ROOT)}:{line} imports {module}"
        if not name.startswith("graphkit.cli") and within(module, ("graphkit.cli",)):
            wrong.append(where + " (the library never imports the CLI)")
        if rule is not None and module.startswith("graphkit") and not within(
                module, ALLOWED[rule] + (rule,)):
            wrong.append(where + f" ({rule} may import only {', '.join(ALLOWED[rule])})")
        for package, owners in ONLY_IN.items():
            if within(module, (package,)) and not within(name, owners):
                wrong.append(where + f" (only {', '.join(owners)} may import {package})")
    assert not wrong, "\n".join(wrong)


def test_matplotlib_only_inside_drawing_functions():
    top = [f"{ALL[n].relative_to(ROOT)}:{line}" for n in ALL
           for module, line, at_top in imports(n, ALL[n])
           if at_top and within(module, ("matplotlib",))]
    assert not top, "matplotlib imported at module level: " + ", ".join(top)


def test_help_imports_no_heavy_package():
    code = ("import sys\nfrom graphkit.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('HEAVY:' + ' '.join(n for n in ('networkx', 'numpy', 'scipy', 'matplotlib',"
            " 'neo4j') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd="/", check=True).stdout
    heavy = out.rsplit("HEAVY:", 1)[1].strip()
    assert heavy == "", f"graphkit --help imported {heavy}"


def test_public_names_resolve_lazily():
    code = ("import sys, graphkit\nassert 'networkx' not in sys.modules\n"
            "missing = [n for n in graphkit.__all__ if getattr(graphkit, n, None) is None]\n"
            "print(missing)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_all_lists_exactly_the_lazy_names():
    import graphkit

    assert sorted(graphkit.__all__) == sorted(graphkit._WHERE)
